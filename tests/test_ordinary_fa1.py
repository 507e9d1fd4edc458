"""False-alarm round fa1: follow-ups that state news, reminders about a named payment, thanks
for a follow that asks about the reader's work, replies to what the reader asked, and a
friend's or a volunteer's plan ending "Interested?" stay unflagged; the habits next to them
(a content-free bump, a reminder about the sender's own message, a template auto-DM, a sales
line after connecting) still fire.

Every text is written for this test; none is copied from any corpus.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, near_habit_test, no_judgment_test
from sociable.ruleset import RuleSet

ORDINARY: list[tuple[str, str]] = [
    # a follow-up whose news is a correction: the place or time changed (AU104, AU120, GP201)
    ("follow-up-email", "Hi Jo,\n\nFollowing up on my last email about the choir trip. The coach leaves from the church car park now, not the school, at 8:15.\n\nSee you there,\nMia"),
    ("follow-up-email", "Hi Priya,\n\nFollowing up on my last message about the book club. We meet in the library annexe now, not the café, same time on Thursday.\n\nAnna"),
    ("follow-up-email", "Hi Dan,\n\nFollowing up on my previous email about the quarterly review. It starts at 2pm now instead of 10, because the auditors arrive late.\n\nBest,\nKofi"),
    ("linkedin-dm", "Following up on my last message: the workshop runs in Room 4 now, not the main hall."),
    # a follow-up whose news is a deadline passed and what follows from it (GP201)
    ("follow-up-email", "Hi Leo,\n\nFollowing up on my last email: invoice 4471 is now overdue, and the late fee applies from Monday. Could you confirm the payment date?\n\nThanks,\nIrene"),
    ("follow-up-email", "Hello Marta,\n\nFollowing up on my earlier note: the deposit for the hall is now overdue, and the booking lapses on Friday. Can you send it today?\n\nThanks,\nBen"),
    # a reminder about a named payment or form, not about the earlier message (AU301, GP202)
    ("follow-up-email", "Hi Sam,\n\nA quick reminder about the rent transfer for March. Please let me know once it has gone through so I can update the ledger.\n\nThanks,\nRuth"),
    ("follow-up-email", "Hi Omar,\n\nA friendly reminder about the invoice for the February shoot. Could you tell me which week it will be paid, so I can plan the next order?\n\nThanks,\nLea"),
    ("follow-up-email", "Hi Jess,\n\nQuick reminder about the club subscription for next season: £40 by 31 March, by bank transfer or cash at training.\n\nMike"),
    ("linkedin-dm", "Gentle reminder about the consent form for Saturday's trip, Sam: it needs a parent's signature."),
    ("follow-up-email", "Hi Ben,\n\nQuick reminder: the school trip payment is due Friday.\n\nJune"),
    ("follow-up-email", "Hi Ben,\n\nFriendly reminder about the parking permit renewal: it lapses at the end of the month.\n\nJune"),
    # thanks for a follow that names one of their things and asks how they made it (NP105, AU101)
    ("x-dm", "Thanks for the follow! Your photos of the canal locks are lovely, which lens do you use?"),
    ("x-dm", "Thanks for the follow! Your drawings of the harbour boats are wonderful, how long do you spend on each one?"),
    ("x-dm", "Thanks for following! Your recipe for the rye loaf came out well for me, what flour do you use?"),
    ("linkedin-dm", "Thanks for connecting! Your report on rural bus routes was useful, where did you get the ridership figures?"),
    # a reply to what the reader asked (NP106)
    ("linkedin-dm", "Thanks for asking about the mentoring scheme! The next intake opens in September and the form is two pages."),
    ("x-dm", "Thank you for the question about the trail closures. The north path reopens next week; the south one stays shut until spring."),
    ("linkedin-dm", "Thanks for asking how the pilot went! Short version: two of the three sites kept it, the third ran out of staff."),
    # a friend's plan or a volunteer day ending "Interested?" (PC103)
    ("dm", "Picnic at the lake on Saturday, we bring the bread and you bring the cheese? Interested?"),
    ("dm", "Quiz night at the Red Lion on Thursday, we need a sixth for the team. Interested?"),
    ("linkedin-dm", "Hi Tom, Ana Silva suggested I write to you about the volunteer mapping day in March, since you led last year's. We need two team leads. Interested?"),
    ("linkedin-dm", "Hi Kwame, Lucy Hart said you might help with the river cleanup on Sunday morning. We have gloves and bags for everyone. Interested?"),
    ("x-dm", "Beach cleanup on Saturday at 10 by the pier, bring gloves if you have them. Interested?"),
    ("linkedin-dm", "Hi Ines, Marco Rossi suggested I ask you about the litter-pick on Saturday. We need someone with a car. Interested?"),
]

#: Near misses of the guards above, each still the habit: (channel, text, codes, any of which fires).
HABITS: list[tuple[str, str, tuple[str, ...]]] = [
    ("follow-up-email", "Hi Jo,\n\nFollowing up on my last email. Let me know if you have any thoughts.\n\nMia", ("AU104", "AU120", "GP201")),
    ("follow-up-email", "Hi Jo,\n\nFollowing up on my last email about our platform. We help teams like yours save time every week.\n\nMia", ("AU104", "AU120", "GP201")),
    ("follow-up-email", "Hi Sam,\n\nA quick reminder about my proposal below. Let me know your thoughts.\n\nRuth", ("AU301", "GP202")),
    ("linkedin-dm", "Just a gentle reminder about my message last week. Are you free for a call?", ("AU301", "GP202")),
    ("follow-up-email", "Hi Ben,\n\nQuick reminder about my email below regarding our SEO services.\n\nJune", ("AU301", "GP202")),
    # the payment word further on names the sender's pitch, not what the reminder is about
    ("follow-up-email", "Hi Ben,\n\nA quick reminder about my proposal for your renewal.\n\nJune", ("AU301", "GP202")),
    ("linkedin-dm", "Hi Ines, glad we connected. We run a coaching programme for founders. Interested?", ("PC103",)),
    ("x-dm", "Thanks for the follow! I love your photos. Check out my print shop for prints.", ("NP105",)),
    ("x-dm", "Thanks for following! Your posts are great, how do you feel about growing your audience?", ("NP105",)),
    ("linkedin-dm", "Thanks for connecting! We run sales workshops every Tuesday. Interested?", ("PC103",)),
    ("linkedin-dm", "Hi Ana, our webinar on Thursday covers lead generation for agencies. Interested?", ("PC103",)),
    ("linkedin-dm", "Thanks for connecting. We build payroll software for small firms. Want a demo?", ("NP106",)),
]


test_ordinary_drafts_near_the_fa1_guards_get_no_judgment_finding = no_judgment_test(ORDINARY, "ordinary-fa1")


@pytest.mark.parametrize(("channel", "text", "codes"), HABITS, ids=[f"habit-fa1-{i}" for i in range(len(HABITS))])
def test_the_habit_next_to_each_guard_still_fires(
        ruleset: RuleSet, channel: str, text: str, codes: tuple[str, ...]) -> None:
    drawn = codes_drawn(ruleset, channel, text)
    assert set(codes) & drawn, f"none of {codes} fired; drew {sorted(drawn)}"


def test_a_reply_to_the_readers_question_is_not_a_note_that_names_nothing(ruleset: RuleSet) -> None:
    text = "Thanks for asking about the grant! Happy to share our last application if it helps, it got funded in the second round."
    assert "NP106" not in codes_drawn(ruleset, "linkedin-dm", text)


# --- second fa1 round: self-promotion and generic-pitch on good drafts ---------------------
#
# (channel, text): false alarms found on main, now quiet. Each says why it is not the habit.
SP_GP_FIXED: list[tuple[str, str]] = [
    # a group's or an open-source project's own count, told to its members (SP106, SP101, SP612, SP630)
    ("facebook-post", "We reached 1,000 members in the allotment group this week, thank you all for the seed swaps and the advice on slugs."),
    ("facebook-post", "Our running club hit 300 members this month! Thanks to the Tuesday pacers for bringing so many new faces."),
    ("linkedin-post", "Our open-source scheduler reached 10,000 downloads this month. Thank you to the 40 people who fixed bugs and wrote the docs."),
    # a local shop's birthday with thanks to its regulars or its street (SP630)
    ("instagram-post", "Our bakery turned five this week! Thank you to every regular who came in for a loaf on a wet Tuesday."),
    ("facebook-post", "Our bakery turned five today. Thank you to everyone in Hebden who has bought a sourdough from us since 2019."),
    # logistics asked for by message, not a plug (SP120)
    ("dm", "I'm at the flat from 6. Text me to get the door code, the buzzer is broken."),
    ("dm", "Text me for the address when you're on the bus."),
    ("comment", "Message me for the meeting point, it's behind the church."),
    # a reference back to an exchange with the reader, not press coverage (SP101)
    ("linkedin-dm", "Hi Sam, as mentioned in my email on Tuesday, the venue moved to Room 3. See you at 10."),
    ("follow-up-email", "Hi Jo,\n\nAs mentioned on our call, the quote covers the roof and the gutters. The scaffold goes up on the 4th.\n\nTom"),
    ("email", "Hi Rosa,\n\nAs mentioned in the meeting, the deadline for the draft is 12 May. I've attached the outline.\n\nBen"),
    # a friend's call the same evening (GP405)
    ("dm", "Fancy a quick call tonight? I want to hear all about the new flat."),
    ("dm", "Hey, are you free for a quick call tonight? Mum's birthday plan needs sorting."),
    # a warm introduction is the reason why this reader (GP340)
    ("cold-email", "Hi Marcus,\n\nPriya put us in touch last week. We offer bookkeeping for charities at a flat fee. Would you be interested in a quote?\n\nKate"),
    # which shop of theirs, by its street; who at their firm to write to (GP341)
    ("cold-email", "Hi Jon,\n\nWe press small runs of 100 records in Sheffield and could help your shop on Briggate stock local bands. Would a quote be useful?\n\nNina"),
    # a reminder about a named payment (GP203)
    ("follow-up-email", "Hi Sam,\n\nQuick reminder: the rent for June.\n\nThanks,\nRuth"),
    ("dm", "Quick reminder: the rent for June."),
    # the hunt: club subs are a named payment (GP202, due-noun); who at their firm handles it,
    # and what their firm did for the writer, are not a category (GP341)
    ("dm", "Friendly reminder: the subs for the five-a-side are due."),
    ("linkedin-dm", "Hi Alice, we service electric forklifts in Yorkshire and could help with the new Harrogate fleet. Is there someone else at your company who handles maintenance?"),
    ("linkedin-dm", "Hi Yusuf, I'm the school business manager at Priesthorpe. Your company fixed our boiler in January; we now need the same for our second site. Could you quote?"),
]

#: (channel, text): drafts from the same hunt that drew nothing on main, kept so they stay quiet.
SP_GP_QUIET: list[tuple[str, str]] = [
    ("linkedin-post", "The project passed 500 contributors today. Thanks to everyone who sent a patch, filed a bug or answered a question in the forum."),
    ("x-post", "The parser just crossed 500 contributors. Thank you for every patch and bug report."),
    ("facebook-post", "The choir reached 60 members this term, thank you to the altos who brought their friends."),
    ("facebook-post", "The residents' association passed 200 members today. Thank you for signing up at the fun day."),
    ("cold-email", "Hi Tess,\n\nI saw on your site that you now open on Saturdays at Headingley. We supply weekend locum vets in Leeds and could cover the first month. Would that help?\n\nOlu"),
    ("cold-email", "Hi Alice,\n\nWe service Linde forklifts across Yorkshire, and your post said the Harrogate warehouse moved to electric trucks in March. Is there someone else at your company who handles fleet maintenance? We could save you the dealer's call-out fee.\n\nRaj"),
]

#: (channel, text): the hunt of this round near the same habits (friends' news, group and
#: open-source milestones, a shop's hours, thread replies, warm introductions, cold emails and
#: recruiter notes that say why this person, job applications, event logistics), quiet as written.
SP_GP_HUNT: list[tuple[str, str]] = [
    ("x-post", "I passed my driving test this morning, third time lucky. Thanks to Dave at Leeds Driving School for his patience."),
    ("linkedin-post", "After eight years at the council I start at the Canal Trust on Monday, looking after the towpaths between Leeds and Skipton. If you walk them, tell me which stretch needs work first."),
    ("linkedin-post", "I've joined the board of the Otley food bank as treasurer. If you know how small charities handle Gift Aid claims, I'd love your advice."),
    ("x-post", "v2.0 of tinycsv is out: streaming reads, and it no longer chokes on BOMs. Thanks to @mara and @jk for the patches. Changelog in the repo."),
    ("linkedin-post", "Our open-source parser hit 1.0 today after four years. The biggest lesson: write the test for the bug report before touching the code."),
    ("facebook-post", "The community garden raised £2,300 at the plant sale, enough for the new polytunnel. Thank you to everyone who potted up seedlings."),
    ("facebook-post", "Our choir has been going for ten years this month. Rehearsals are still Thursdays at 7 in the church hall, and new voices are welcome."),
    ("x-post", "The repair café fixed 41 things on Saturday, including a 1970s Kenwood mixer. Next one is 12 April at the library."),
    ("facebook-post", "We're open 9 to 4 over the bank holiday weekend, and the coffee machine is finally fixed."),
    ("instagram-post", "New this week: rhubarb and custard buns, only on Saturdays while the rhubarb lasts."),
    ("instagram-post", "The shop is moving two doors down to number 14 next month. Same hours, bigger oven."),
    ("facebook-post", "Our café is hiring a weekend barista, 16 hours a week, £12.50 an hour. Pop in and ask for Jen."),
    ("comment", "Congrats on the new job! The Canal Trust is lucky to have you."),
    ("cold-email", "Hi Grace,\n\nTom Reid suggested I write to you. He said you set up the volunteer rota at the Bramley food bank, and we're trying to do the same in Armley. Could I ask you three questions about how you handle no-shows?\n\nAmy"),
    ("linkedin-dm", "Hi Raj, Lucy Ward put us in touch about the mentoring scheme. I'd be glad to mentor one of your apprentices, I did the same course in 2015."),
    ("cold-email", "Hi Ben,\n\nNice to meet you at the Harrogate food fair on Saturday. As promised, here is our wholesale price list for the chutneys; the damson one you tried is £3.10 a jar by the case.\n\nSue"),
    ("linkedin-dm", "Hi Chloe, great to meet you at the Northern Data meetup last night. Here's the link to the notebook I mentioned on bus delay data."),
    ("cold-email", "Hi Helen,\n\nYour Guardian piece on school uniform costs said one supplier controls most Leeds schools. We make recycled-polyester blazers in Bradford for £18. Would it help your next article if I sent our cost breakdown?\n\nMo"),
    ("cold-email", "Hi Priyanka,\n\nI read that Hop & Vine is opening a taproom in Ilkley in May. We make solid oak bar tops in Keighley, and the one at the Fleece in Haworth is ours. Could I send photos and a rough price?\n\nJoe"),
    ("cold-email", "Hi Mr Ali,\n\nYour restaurant's menu says the naan is baked in a charcoal tandoor. We service tandoors across West Yorkshire and can replace a cracked clay pot in a day. Would a price list be useful?\n\nStan"),
    ("cold-email", "Hi Dr Shah,\n\nYour surgery's newsletter said the phone lines are jammed at 8am. We built the call-back queue for Kirkstall Health Centre, and their 8am wait fell from 25 to 6 minutes. Would you like their practice manager's number to ask her how it went?\n\nOwen"),
    ("cold-email", "Hi Sarah,\n\nI saw on your site that the Otley shop now stocks Japanese knives. We run sharpening workshops in Leeds and could run one in your shop on a Sunday. Would that interest your customers?\n\nKen"),
    ("cold-email", "Hi Mark,\n\nYour post about the flooding at the Hebden mill last winter stuck with me. We fit flood doors for listed buildings; the ones at the Calder Inn held in February. Would a site visit help before next winter?\n\nPaula"),
    ("linkedin-dm", "Hi Kim, I read your thread on migrating the NHS trust's rota system to Postgres. We're hiring someone to do the same at a Leeds hospital group; salary £70k. Would you like the job spec?"),
    ("linkedin-dm", "Hi Ruth, I've applied for the support analyst job at Fernbank. I used your product at my last job to run our payroll and wrote our team's how-to guide for it. Happy to share it if useful."),
    ("cold-email", "Hello Mr Green,\n\nI'd like to apply for the Saturday job at the hardware shop. I'm 17, live on Cross Street, and helped my uncle fit kitchens last summer. I can start in June.\n\nElla"),
    ("dm", "Parking at the venue is £5 cash only, the gate code is 4471. Text me if you get lost."),
    ("x-dm", "DM me your train time and I'll pick you up from the station."),
    ("dm", "Message me when you're outside and I'll come down, the buzzer doesn't work."),
    ("facebook-post", "Street party on Saturday from 2! Bring a chair and a dish to share. Message me if you can lend a gazebo."),
    ("comment", "DM me your address and I'll drop the spare tickets through your door."),
    ("follow-up-email", "Hi Tom,\n\nJust a reminder that the deposit for the hall is due on 1 June. The bank details are on the booking form.\n\nAnna"),
    ("follow-up-email", "Hi Jen,\n\nQuick reminder: the invoice for the May photos.\n\nThanks,\nLiam"),
    ("follow-up-email", "Hi Omar,\n\nAs discussed on the phone, here are the two quotes for the roof. The slate one lasts longer but costs £2,000 more.\n\nPete"),
    ("linkedin-dm", "As mentioned in the chat, the recording of Thursday's session is on the team drive."),
    ("dm", "Quick call after work? I need your advice on the mortgage offer before I sign it."),
    ("dm", "Can we have a quick call tomorrow evening about the holiday? Flights go up on Friday."),
    ("linkedin-post", "We shipped offline mode this week. You can now edit a job sheet with no signal and it syncs when you're back in range. Tell us what breaks."),
    ("x-post", "Wrote up how we cut our build from 14 minutes to 3: cached wheels, split test jobs, and dropped one slow linter. Notes here if you want them."),
    ("facebook-post", "Our allotment society turns 50 this year! Come to the open day on 8 June for tea and a tour of the oldest plots."),
    ("linkedin-post", "Our team grew from 4 to 9 this year, and the thing that mattered most was writing down how we make decisions before we hired anyone."),
    ("x-post", "My book on Yorkshire dry-stone walls is out in paperback on Thursday. The library in Settle has a copy if you'd rather borrow it."),
    ("linkedin-post", "The open-source project I maintain passed 1,000 stars. The best part: the pull request that fixed Windows paths came from a student in Lagos."),
    ("cold-email", "Hi Jo,\n\nYour shop's window on Boar Lane has had the same hand-painted sign since I was a kid. We restore shop signs in Leeds and could refresh the gold leaf without replacing it. Would a quote help?\n\nArt"),
    ("cold-email", "Hi Dr Evans,\n\nYour practice posted that it needs a locum for August. I'm a GP in Harrogate with two free weeks then, and I've covered for Nidd Valley before. Would you like my CV?\n\nDr Kaur"),
    ("cold-email", "Hi Lisa,\n\nYour team's blog post on moving off spreadsheets for stock counts described our exact problem two years ago. We built a barcode app for it and use it in our three shops. Would you like to try it free for a month?\n\nBen"),
    ("cold-email", "Hi Mo,\n\nWe met at the Bradford makers market on Sunday, I had the stall next to yours. You asked about our card reader; it's SumUp, 1.69% a sale. Would you want to share a stall at the Christmas one?\n\nCat"),
    ("linkedin-dm", "Hi Ola, your post about the Leeds tech apprenticeship said you still need two employers for the autumn cohort. Our team could take one apprentice in data. Who should I talk to?"),
    ("cold-email", "Hi Ian,\n\nI run the youth football league in Pudsey. Your garage sponsored the under-10s kits last year, which the parents loved. Would you consider sponsoring the under-12s this season? It's £400 for 15 shirts with your logo.\n\nGary"),
    ("cold-email", "Hi Eve,\n\nI'm a final-year architecture student at Leeds Beckett. Your practice's library extension in Ilkley is the building that made me choose this course. Could I visit your studio for a day in June?\n\nSam"),
    ("cold-email", "Hi Tariq,\n\nIs there someone at your firm who looks after the office lease? Our building's landlord is selling, and your floor's break clause is the same as ours.\n\nDeb"),
    ("cold-email", "Hi Joanna,\n\nRachel Lee from the Chamber put us in touch. She said your shop needs a new EPOS before Christmas. We installed one at her deli last spring; happy to show you how it works on a quiet afternoon.\n\nSteve"),
    ("cold-email", "Hi Paul,\n\nThanks for your time at the trade show yesterday. Here's the sample pack of the oak flooring you asked for, with prices for 40 square metres.\n\nRia"),
    ("linkedin-dm", "Hi Ken, following our chat at the Leeds Digital Festival: would you be open to a 20-minute call next week about the accessibility audit you mentioned?"),
    ("linkedin-dm", "Hi Yusuf, I'm the school business manager at Priesthorpe. Your company fixed our boiler in January; we now need the same for our second site. Could you quote?"),
    ("cold-email", "Hi Abby,\n\nI'm a freelance illustrator. Your bookshop's events page says you're running a children's picture book festival in October. I'd love to run a drawing workshop for kids there, free. Who should I speak to?\n\nTheo"),
    ("follow-up-email", "Hi Lena,\n\nJust checking in on the quote for the fence. Our neighbour wants the same, so we could split the delivery charge if you can do both in one trip.\n\nMatt"),
    ("dm", "Are you still up for the quick walk before work tomorrow? 7:15 at the park gate."),
    ("cold-email", "Hi Kai,\n\nWe offer free bike maintenance sessions for community groups in Leeds. Your cycling club's page says you ride from Kirkstall every Sunday. Would your riders like a session in the spring?\n\nFin"),
    ("linkedin-post", "I'm hiring two junior developers for our Leeds office. No degree needed; we care that you've built something. Salary £32k, hybrid. Send me a link to the thing you built."),
    ("facebook-post", "Our village shop is now open on Sundays, 9 to 1, run by volunteers. Papers, milk and bread as usual."),
    ("instagram-post", "Our little studio turns three today. We've taught 900 people to throw a pot, and the best ones were the ones who hated their first bowl."),
    ("x-post", "Our bookshop turns 30 this week. Come in on Saturday for cake, and tell us the first book you bought here."),
    ("linkedin-post", "We've hit 100 volunteers on the river clean-up rota. If you'd like to join, we meet at Kirkstall Abbey on the first Sunday of the month."),
    ("x-post", "Our repo just passed 300 contributors, most of them first-timers. Here's the issue label we use to make first PRs easy."),
    ("linkedin-dm", "Hi Ana, as mentioned on Tuesday's call, here's the draft budget. Line 14 is the one we need to agree."),
    ("comment", "Check out the council's map of the new cycle lanes, it shows the Kirkstall section is finished."),
    ("comment", "DM me and I'll send you the spreadsheet template we used for the allotment rota."),
    ("linkedin-post", "Our little team shipped the bus-times widget for the council this week. It took three tries to get the offline cache right; here's what failed first."),
    ("x-post", "We reached 5,000 signatures on the petition to save the Kirkstall library. The council votes on 14 May, please email your councillor."),
    ("facebook-post", "The Bramley panto sold out all four nights! Thank you to the cast, the crew and Mrs Hall who sewed 40 costumes."),
    ("instagram-post", "Our stall at the Otley market turns one this Sunday. Come and say hello, Bea will have the first jars of elderflower cordial."),
    ("facebook-post", "The allotment society is now taking names for the waiting list. Plots are £30 a year, and you get a key to the water trough."),
    ("x-post", "My band's first EP is out on Friday. We recorded it in my gran's front room, so you can hear the clock in track 3."),
    ("linkedin-post", "I've joined Fernbank as head of data. Six years at the NHS trust taught me that a dashboard nobody opens is a cost, not a win."),
    ("linkedin-dm", "Hi Pat, we met at the Otley Run fundraiser. Could you send me the link to the route map you mentioned? We're planning the same for the hospice."),
    ("cold-email", "Hi Ruth,\n\nSarah Cole from the WI suggested I get in touch. She said your farm shop is looking for a local honey supplier. We have 30 hives in Nidderdale and can send a sample jar.\n\nPeter"),
    ("cold-email", "Hi Dan,\n\nI'm organising the Headingley street festival on 6 July. Your brewery ran the beer tent last year and the queue was the longest on the street. Would you want the same pitch this year? It's £150.\n\nKaty"),
    ("follow-up-email", "Hi Ava,\n\nJust a quick reminder about the deposit for the cottage: £200 by Friday, and the booking is yours.\n\nMel"),
    ("follow-up-email", "Hi Noah,\n\nFollowing up on the hall booking: the caretaker needs the key back by 9 on Sunday, so could you drop it at the shop?\n\nFay"),
    ("dm", "Quick one: can you text me the wifi password for the cottage? We've just arrived."),
    ("comment", "I'd love to see the recipe! We tried the same thing with rye and it went flat."),
    ("comment", "Great point about the crossing on Kirkstall Lane. The council told us the lights are due in September."),
    ("dm", "Quick chat tonight about the wedding speech? I've written two versions and can't choose."),
    ("facebook-post", "We're now open late on Thursdays until 8, so you can collect your prescription after work."),
    ("instagram-post", "Back in the studio after six weeks off with a broken wrist. First pot is wonky, but it holds water."),
    ("x-post", "Our open-source tide library now covers 40 more ports, thanks to a volunteer in Brest who sent the harmonics."),
]

test_sp_gp_false_alarms_stay_quiet = no_judgment_test(SP_GP_FIXED + SP_GP_QUIET + SP_GP_HUNT, "fa1-spgp")

test_the_sp_gp_habit_next_to_each_guard_still_fires = near_habit_test(
    [
        # an audience count with nothing of a group's in the sentence; a creator's 'community'
        ("SP106", "x-post", "Just hit 10k followers! Thank you all."),
        ("SP106", "linkedin-post", "Our Skool community just hit 1,000 members! Thank you all."),
        # a shop's birthday with a bare thank-you, or none
        ("SP630", "facebook-post", "Our bakery turns 10 this Saturday!"),
        ("SP630", "instagram-post", "Our bakery turned five! Thank you all 🤍"),
        # a plug by message: prices, an order, a link
        ("SP120", "comment", "DM me for prices!"),
        ("SP120", "dm", "Text me to order yours."),
        # press coverage
        ("SP101", "x-post", "As mentioned in Forbes: our app is the fastest way to split rent."),
        # the stock call ask in work hours
        ("GP405", "cold-email", "Hi Rosa, do you have time for a quick call this week to see if we are a fit?"),
        # the category pitch; a bump about the sender's own message
        ("GP341", "cold-email", "Hello,\n\nWe help firms like yours modernise their accounting. Is there someone at your company who could benefit?"),
        ("GP203", "follow-up-email", "Hi Sam,\n\nQuick reminder about my proposal below.\n\nRuth"),
        ("GP340", "cold-email", "Hi Sam,\n\nWe offer bookkeeping for small firms at a flat fee. Would you be interested in a quote?"),
        ("GP341", "linkedin-dm", "Hi Sam, our software could save your business hours every week. Is there someone at your company who handles IT?"),
        ("GP202", "dm", "Friendly reminder about my message below."),
    ],
)
