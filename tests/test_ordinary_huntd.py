"""Ordinary drafts near the rules widened in the last round get no judgment finding.

A false-alarm hunt on SP642, SP647-SP649, AU325, the follow-up and thanks-for-the-follow
guards, PC101, PC103, PC105 and PC109: drafts a person writes on the channels those rules run
on (a specific cold email that introduces the sender's firm and asks a real question, a
founder's lesson with numbers, a launch post that says what changed, a charity's appeal, a
shop's opening hours, a recruiter's note with the salary and the reason). Six drew a finding
the corpus definitions say is not the habit: a call for proposals that closes on a named day
(PC105), a spare ticket offered to a friend (PC103), a new follower asked a yes/no question
about a thing they named (AU101, and NP105 with the same guard), an ask for a chat after
the reader said what they would bring (PC101, GP405), a recruiter who invites questions about
the ward (EB127), a school's fundraising total given to a refuge (SP101). Each near miss is
paired with the habit in the same words, which must still fire. All were written for this
test; none comes from a corpus.
"""

from __future__ import annotations

from ordinary import near_habit_test, no_judgment_test

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    # the false alarms this hunt found (PC105, PC103, AU101, PC101)
    ("x-post", "Deadline reminder: Leeds Digital Festival talk proposals close Friday at midnight. Two speakers dropped out so there's room for first-timers."),
    ("dm", "Interested? I've got two spare tickets for the Arctic Monkeys on Friday, my brother can't come."),
    ("x-dm", "Thanks for the follow! I saw you're also into fixing old Casio keyboards. Did you ever find a replacement for the SK-1 ribbon cable?"),
    ("x-dm", "Are you free for a quick chat about the zine swap? We need one more table and you said you might bring prints."),
    # a recruiter's post that invites questions; a school's thanks for a fundraising total (EB127, SP101)
    ("linkedin-post", "Our team is hiring two nurses for the night shift at St Mary's. Band 5, £29-36k, every other weekend off. Message me if you want to know what the ward is really like."),
    ("facebook-post", "Big thanks to everyone who came to the jumble sale. We raised £860 for the school minibus, and the leftover clothes went to the refuge on Mill Lane."),
    # a cold email that introduces the sender and asks a real question (SP642, SP647, PC101, PC109)
    ("cold-email", "Hi Maren,\n\nI run a two-person bike repair shop in Bristol. We fixed 340 cargo bikes last year and the most common failure was the rear hub on the model your team reviewed in March. Did you see the same thing in your long-term test, or was ours a bad batch?\n\nThanks,\nOwen"),
    ("cold-email", "Hi Dr Patel,\n\nI'm a photographer working on a series about night-shift nurses at Leeds General. Your piece on rota fatigue is why I started. Would any of the nurses you interviewed be willing to be photographed? Happy to share the first prints with them.\n\nNoor"),
    ("cold-email", "Hi Jenna,\n\nWe leverage volunteer drivers to get patients to chemo in rural Powys, and your foundation funded a similar scheme in Ceredigion in 2023. What did you learn about insurance costs there? That is the part we keep getting stuck on.\n\nGareth"),
    ("cold-email", "Dear Ms Holt,\n\nI'm applying for the junior archivist role (ref 4471). I catalogued 2,000 parish records at Ripon last summer and used the same Calm system your listing names. Is the post open to part-time applicants?\n\nKind regards,\nIsla Moore"),
    ("cold-email", "Hi Marcus,\n\nI'm a recruiter at Halden Health. We're hiring a staff Rust engineer, salary 95-110k, remote in the UK. I'm writing to you because your crate for HL7 parsing is the one our team already depends on. Is a move something you'd consider this year?\n\nPriya"),
    # follow-ups that carry news, a deadline or the bulk-mail words as the subject (AU104, AU301, AU325)
    ("follow-up-email", "Hi Carla,\n\nFollowing up on the quote: the supplier dropped the steel price by 8%, so the total is now £4,120 instead of £4,480. The deadline for the grant is still 30 June.\n\nMark"),
    ("follow-up-email", "Hi Joe,\n\nJust a heads-up that the application deadline moved to Friday 14th, per the council's email this morning. I've attached their notice.\n\nAmy"),
    ("follow-up-email", "Hi Rosa,\n\nOne more thing after our call: the press release header you mentioned is on page 2 of the draft, and I've cut the postal address block from the footer as you asked.\n\nLiam"),
    ("follow-up-email", "Hi Mo,\n\nGood news since my last email: the landlord agreed to the break clause. Are you free for a call Thursday to go through the lease before I sign?\n\nHannah"),
    # DMs among people who know each other (SP647, SP649, PC109)
    ("dm", "hey! people keep asking me how I got the sourdough this open, so I'm writing the method up on Sunday. want me to send it to you first since you asked about the hydration?"),
    ("dm", "Hi Kat, I'm a photographer too, mostly weddings in Devon. Your elopement shots at Hound Tor are gorgeous. What film stock was that?"),
    ("dm", "Hi Dan, the app you helped test is live now. Your bug about the calendar sync is fixed in version 1.2. Thanks again for the long report."),
    ("linkedin-dm", "Hi Aisha, thanks for the intro to Felix. We met on Tuesday and he's open to exploring a pilot with our ward in April. I owe you a coffee."),
    ("linkedin-dm", "Hi Eva, as you asked yesterday: I can do 30 minutes on Thursday at 2pm to go through the onboarding deck. Does that still suit?"),
    # connection notes that name where the two met or the reader's work (PC101, PC109)
    ("linkedin-connect", "Hi Ravi, I'm a nurse in the Bristol stroke unit and your paper on thrombectomy transfer times is on our ward's reading list. Glad to connect."),
    ("linkedin-connect", "Hi Grace, I'm a photographer who shot the Bath half marathon you organised. Happy to send you the finish-line set for your team."),
    # comments with a point of their own (SP642, SP649)
    ("comment", "Congrats on the launch! We switched from your old plan last month and the CSV export alone saves our accountant an hour a week."),
    # posts that share a lesson, a change for users or a thanks that credits others (SP642, SP649, PC105)
    ("linkedin-post", "We shipped offline mode today. If you use the app on the Tube, your drafts now save without a signal and sync when you're back up. It was the most requested thing in our forum for two years."),
    ("linkedin-post", "Lesson from our first year: we spent £18k on ads and got 40 customers; we spent £2k on a stand at the county show and got 110. We're just getting started with events, and next year we'll do four."),
    ("linkedin-post", "Thank you to the Yorkshire Post for including me in their piece on rural broadband. The real work was done by the 60 households in Hebden who dug their own trench."),
    ("linkedin-post", "People keep asking me how I handle invoices as a freelancer, so here's the exact setup: one spreadsheet, one reminder at 14 days, a late fee at 30. It cut my overdue invoices from 9 to 2."),
    ("linkedin-post", "We enable 40 food banks to share one warehouse system, and this winter that meant 12 tonnes of food didn't go to waste. Here's what we learned about cold storage."),
    ("instagram-post", "New opening hours from Monday: we're open 8am-4pm weekdays and 9-2 on Saturdays. Closed Sundays so the team gets a day off. See you for coffee!"),
    ("x-post", "Our app is now free for schools. Teachers asked us for two years and we finally worked out how to pay for the servers. Details on the blog."),
]


test_ordinary_text_gets_no_judgment_finding = no_judgment_test(ORDINARY, "huntd-ordinary")


test_the_near_habit_still_fires = near_habit_test(
    [
        # a countdown on a sale, not a call for entries, still fires
        ("PC105", "x-post", "Enrolment for the course closes Friday at midnight!"),
        # spare slots in the sender's own programme are a sale
        ("PC103", "dm", "I have spare slots in my coaching programme this month. Interested?"),
        # a question that names nothing of the reader's, or asks after the sender's own offer
        ("AU101", "x-dm", "Thanks for the follow! Did you get my free guide?"),
        ("NP105", "x-dm", "Thanks for the follow! Did you get my free guide?"),
        # what the reader said in public is not a talk between the two
        ("PC101", "x-dm", "You said in your podcast that hiring is hard. Are you free for a quick chat?"),
        ("GP405", "x-dm", "You said you liked my posts. Are you free for a quick chat this week?"),
        # a dictated reply, and a funding round, still fire
        ("EB127", "linkedin-post", "Message me if you agree."),
        ("SP101", "linkedin-post", "We raised £2M for our seed round."),
    ],
)
