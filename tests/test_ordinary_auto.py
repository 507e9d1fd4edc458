"""Ordinary drafts near the automation and pitch-on-connect habits get no judgment finding.

Both families read words every real message uses: deadlines and "limited" in posts, calls and
prices in messages, "following up", "again" and "last" in replies, greetings with odd names,
links in comments. These drafts use those words the way people do: a real date, a cause, a
reply inside a conversation, a friend's call, a comment that answers the post. None may draw a
finding of any judgment family. All were written for this test; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, near_habit_test, no_judgment_test, uncovered
from sociable.ruleset import RuleSet

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    # posts with a real date, a cause or a fact near the urgency words (PC105)
    ("linkedin-post", "It's now or never for our 2030 climate targets, and the report shows why."),
    ("linkedin-post", "Get your moles checked before it's too late; my dermatologist caught mine early."),
    ("linkedin-post", "2024 is almost gone. Here are the five books that changed how I manage."),
    ("linkedin-post", "We have a limited window to cut methane, and the new satellite data shows where."),
    ("linkedin-post", "The central bank says interest rates will go up on Thursday by a quarter point."),
    ("facebook-post", "Doors close at 7:30 sharp so the choir can start on time."),
    ("linkedin-post", "Only two of the original founding team remain, and both are speaking at the reunion."),
    ("facebook-post", "If your dog eats grapes, don't wait, call the vet straight away."),
    ("linkedin-post", "Our flash flood warning system went live in three towns this week."),
    ("instagram-post", "The 24-hour bakery on Mill Road is closing after 40 years. Thank you, Rosa."),
    ("linkedin-post", "Tickets for the free community talk are gone, but the recording will be online on Monday."),
    ("x-post", "Few things remain as true as this: write the test first."),
    ("linkedin-post", "Applications for the fellowship close on 15 March; the form takes ten minutes."),
    ("linkedin-post", "Registration for the free meetup closes on Friday so we can order enough food."),
    ("linkedin-post", "Tickets went fast last year, so this time we booked a bigger hall."),
    ("linkedin-post", "We only take two interns a year, so we read every application slowly and reply to all of them."),
    ("dm", "My passport expires soon, so I booked the renewal for Tuesday."),
    ("facebook-post", "Two seats left in the car to the match on Saturday, anyone need a lift?"),
    ("linkedin-post", "The central bank expects rates to go up after the summer; here is what that means for mortgages."),
    ("instagram-post", "Our allotment has three plots left this year; the waiting list opens again in March."),
    ("x-post", "Now is the time to plant garlic if you want bulbs by July."),
    ("follow-up-email", "Hi Jo,\n\nCould you ask the club to have me removed from the Saturday rota? I'm away until June."),
    # messages between people who know each other, or that answer a request, near a call or a price (PC101, PC103, PC109)
    ("dm", "hey are you free for a call tonight? mum wants to plan the trip"),
    ("dm", "The concert tickets were only $20, want me to grab you one?"),
    ("dm", "My name is on the list at the door, so just say you're with me."),
    ("dm", "Thanks for the follow-up on the flat! Are you free to view it on Saturday?"),
    ("cold-email", "Hi Sam,\n\nMy name is Lena, Theo's mum from your Tuesday class. Could I send you the $30 for the trip by bank transfer?"),
    ("linkedin-dm", "Hi Sam, as you suggested at the meetup, here is a 15-minute slot for the call on Thursday."),
    ("linkedin-dm", "Hi Sam, I'm Ana from the Leeds Rust meetup. Could we put your talk on our March calendar?"),
    ("cold-email", "Hi Sam,\n\nYour post on heat pumps answered my question about defrost cycles; I put the installer's date in my calendar. Thank you!"),
    ("x-dm", "Hi Maya, thanks for the follow! Will you be at the Friday climbing session again?"),
    # questions about someone's day, a second call after a first, a thank-you for a referral (PC101, PC102, PC109)
    ("cold-email", "Hi Wen,\n\nWhat does your morning routine look like on release days? I'm collecting on-call habits for a blog post."),
    ("follow-up-email", "Hi Wen,\n\nThanks for meeting yesterday. Could we schedule a second call with your CTO next week?"),
    ("dm", "Can we talk tonight? Dad's test results came back."),
    ("linkedin-dm", "Hi Wen, thank you so much for referring me to the data team; the interview is on Monday."),
    ("cold-email", "Hi Wen,\n\nWe met at the Leeds meetup. Can we talk more about your cache tests when you're back?"),
    ("dm", "Hi Sam, I'm a baker too! Would you have a few minutes to compare sourdough starters?"),
    ("linkedin-connect", "Hi Wen, your talk on release trains at DevConf was the clearest I've heard. Would love to follow your work."),
    # greetings, signatures and links of a person writing to one reader (AU314-AU316)
    ("cold-email", "Hi Jordan,\n\nThanks for the reference letter. The Fernbank team says hello, and the lab photos are attached.\n\nAmir"),
    ("cold-email", "Hello,\n\nI'm writing about the desk you listed. Is it still for sale?"),
    ("follow-up-email", "Hi Jordan,\n\nAs you asked, here are the slides; click the second link for the recording.\n\nAmir"),
    ("cold-email", "Hi Ana and Ben,\n\nThanks for hosting the Rust meetup. Could I bring two students next time?"),
    ("linkedin-inmail", "Hi Priya, your paper on ward rostering is why I'm writing: does the model handle split shifts?"),
    ("cold-email", "Dear Dr Blake,\n\nThank you for the reference letter; I start at the Leeds lab in May."),
    ("cold-email", "Hi Jordan,\n\nWe met at the harbour clean-up. For more information on the tide data, see the sheet I mentioned.\n\nLiz"),
    # a company's own words to one customer, an old client, a neighbour (AU316, AU301, AU107)
    ("cold-email", "Hi Jordan,\n\nWe are pleased to share the survey results you helped with; your clinic's numbers are on page 4.\n\nBest,\nAmir"),
    ("follow-up-email", "Hi Jordan,\n\nThanks for the order. Our new range of oak desks arrives in May; I'll send photos when it does."),
    ("cold-email", "Hi Dr Okafor,\n\nI'm a student at Leeds. Does the lab's open day need registration, and is there any requirement for safety shoes?"),
    ("x-dm", "Sam, should I stop by the shop later or try again tomorrow? The bike still makes that noise."),
    ("follow-up-email", "Hi Jordan,\n\nI moved your ticket to the top of my list; the part arrives Friday and I'll fit it that afternoon."),
    ("dm", "If you want to be taken off the carpool rota in July, tell me by Sunday."),
    # nameless letters from a group that is not selling, and a reply to a request (AU323)
    ("cold-email", "We are the parents of the Year 4 class. We are raising money for the zoo trip. Our bake sale is on Friday. Could your shop donate a prize?\n\nPriya"),
    ("cold-email", "We run the Leeds Rust meetup. We meet monthly at the library. Our next talk is on async traits; would you speak at one in spring?\n\nAna"),
    ("cold-email", "Hello,\n\nYou asked about delivery to Harrogate. We deliver there on Tuesdays. Our van has room for the sofa. We can take the old one away too."),
    ("cold-email", "Hi Jordan,\n\nI read the March issue of your newsletter; the piece on tide gauges matched our data. Could I send you our readings?\n\nAmir"),
    ("linkedin-inmail", "Hi Priya, in this issue of the ward rota debate I side with you: split shifts need their own model. Which dataset did you use?"),
    # comments that praise, mention money, a DM or the commenter's own work, and answer the post (AU317-AU319)
    ("comment", "My bank called it a recovery scam: the 'expert' in these comments asked for a fee up front. Don't answer them."),
    ("comment", "I recovered my files with the tool from step 3, thanks!"),
    ("comment", "We lost our savings in 2008 too, and the advice here about an emergency fund is spot on."),
    ("comment", "Great post! I sent you a DM with the log from our cluster, same error on line 40."),
    ("comment", "DM me if you want the sourdough recipe, it's too long for a comment."),
    ("comment", "Check the bio of the author at the end, she wrote the original paper too."),
    ("comment", "Great post! My blog has a longer write-up of the same Kafka bug with the config we used."),
    ("comment", "Nice article. I run a small bakery and will try the loyalty card idea next week."),
    ("comment", "Thank you Dr Patel for the clear explanation, my mum finally understands her scan."),
    ("comment", "As a fund manager I'd add one thing: the fees matter more than last year's returns."),
    ("comment", "Contact the council via their website, they fixed our streetlight in a week."),
    ("comment", "Great recipe! I followed it and the bread rose perfectly; my kids want to follow you now."),
    ("comment", "Thanks for the explainer. My allotment stall takes about $12 on a good day, so the tax part helped."),
    ("comment", "Nice work! Do you want more followers to see this? Post it in the Leeds makers group too."),
    ("comment", "Lovely photos. Have a look at the museum's page, the dig diary has the rest of the finds."),
    ("dm", "Do you want more followers on the club page? Post the race photos there."),
    # follow-ups inside an exchange, near the bump words (AU301, AU302)
    ("follow-up-email", "Hi Dana,\n\nThe lease got lost in the post, so here is a scan; page 3 needs your signature."),
    ("follow-up-email", "Hi Dana, thanks for the call; should I close the ticket now that the fix is live?"),
    ("follow-up-email", "Hi Dana, is the Thursday review still a priority now that the client moved the launch?"),
    ("follow-up-email", "Hi Dana, who is the right person to send the signed invoice to in your finance team?"),
    ("follow-up-email", "Hi Dana, I left a voicemail about the leak in flat 3; the plumber can come at 9."),
    ("x-dm", "Did you see my message about the Friday ride? The start moved to 8."),
    ("follow-up-email", "Hi Dana,\n\nJust checking in: did the boiler engineer come on Tuesday?\n\nKim"),
    ("linkedin-dm", "Hi Dana, I know things are hectic with the move, so the keys are with Priya whenever you're ready."),
    # posts that mention the apps (AU321)
    ("facebook-post", "I just posted a photo of the lost cat in the village group; please share it there."),
    ("linkedin-post", "We moved our scheduling from Hootsuite to a plain spreadsheet, and here is why it worked."),
    ("x-post", "A report by Hootsuite says most brands post too often. Our numbers agree."),
    # connection notes that say why (AU103, AU112)
    ("linkedin-connect", "Hi Tom, we met at the Porto data meetup; I'd like to connect."),
    ("linkedin-connect", "Hi Ana, your talk on dbt snapshots was great. I'd love to connect."),
    ("linkedin-connect", "Hi Ravi, Marco from the Leeds office suggested I say hello; he says you run the hiring guild."),
    # people who write about writing tools, or say "here's" and "feel free" to friends (AU320, AU306)
    ("dm", "Sure! Here's the address: 14 Mill Road, ring twice."),
    ("dm", "Feel free to bring the kids, there's cake for everyone."),
    ("cold-email", "Hi Dana,\n\nYour talk on AI language models in clinics was great; did the triage pilot keep its accuracy?"),
    ("linkedin-dm", "Hi Dana, the {a|b} syntax in your config talk confused me: does the parser pick one at random?"),
    # false-alarm hunt, round 5: near-misses of AU325, PC101/PC105/PC109 and the follow-up rules:
    # a signature with an address or a disclaimer under a specific email, a peer's collaboration,
    # a follow-up with a deadline and its consequence, a real closing date, a parent's meeting
    ("cold-email", "Hi Jordan,\n\nI'm Amir from Patel Joinery. Your post about the draughty sash windows in the chapel made me wonder: are the frames original oak or a later pine repair?\n\nAmir Patel\nPatel Joinery, 40 Mill Street, Suite 2, Burlington, VT 05401"),
    ("cold-email", "Dear Ms Okafor,\n\nYour paper on flood maps for Hull used the 2013 surge as the baseline. Did you try the 2007 rainfall event too? We see different streets flood in our sensor data.\n\nKind regards,\nLena Fischer\nThis email and any attachments are confidential and intended solely for the addressee."),
    ("cold-email", "Hi Jordan,\n\nWe run a small press in Bristol. We printed 300 copies of a zine about bus routes last year and sold out at two fairs. Would your shop take ten on sale or return?\n\nPriya"),
    ("linkedin-post", "We cut our onboarding from 14 days to 3. The trick was boring: one checklist, one owner, and a call on day two. Here is the checklist, free to copy."),
    ("linkedin-post", "Registration for the free Leeds data meetup closes on Thursday so we can tell the venue how many chairs to set out. 40 of 60 places are taken."),
    ("instagram-post", "New this week: the app now saves your drafts offline, so a dropped signal on the train no longer eats your caption."),
    ("comment", "Great post! The point about pricing the pilot at cost matched our experience, though we found a 90-day limit worked better than 60."),
    ("follow-up-email", "Hi Dana,\n\nFollowing up on my last email with news: the supplier confirmed the June slot, and the price held at £4.20 a unit. Shall I book it?\n\nKim"),
    ("dm", "hey! are you free for 15 minutes tonight to help me choose paint for the hall? I sent you the photos"),
    ("dm", "Hi Sam, I'm a photographer too, we met at the Otley show. Would you like to collaborate on the kids' football calendar for the club fundraiser?"),
    ("x-dm", "Thanks for the follow! You asked how I print the maps: it's a Risograph at the library, £3 an hour, happy to show you."),
    ("linkedin-dm", "Hi Priya, thanks for the reply yesterday. As you suggested, here are three times for the call about the rota model: Tue 10, Wed 2, Thu 4."),
    ("linkedin-dm", "Hi Tomas, I'm a recruiter at Brightwell. We're hiring a backend lead in Porto, €70-85k, hybrid. I'm writing to you because your Kafka talk at Codemotion covered exactly the migration this team faces. Would the role interest you?"),
    ("follow-up-email", "Hi Dana,\n\nJust following up: the hall is now booked for the 14th, and the caterer needs final numbers by Friday or they release the date. Can you confirm yours?\n\nKim"),
    ("comment", "This matches what I saw running a bakery for ten years: the loyalty card only worked once we dropped the stamp and gave a free loaf on the tenth visit."),
    ("comment", "Thanks for sharing! I wrote up how we applied step 3 in a school kitchen, with the costs, if it helps anyone: schoolkitchens.example/step3"),
    ("facebook-post", "Last chance to see the Turner sketches: the exhibition closes Sunday and the drawings go back to the Tate on Monday."),
    ("dm", "Hey Sam, hope the move went ok! Do you need a new sofa? Ours is going free to anyone who can collect it Saturday."),
    ("linkedin-dm", "Hi Ana, we spoke at the Porto meetup about on-call rotas. Would you be open to exploring a shared runbook with our team next month?"),
    ("cold-email", "Hi Ms Rahman,\n\nMy daughter Zara is in your Year 5 class. Could we meet for ten minutes after school on Thursday to talk about her reading support plan? The SENCO suggested we do.\n\nFarah"),
    ("follow-up-email", "Hi Dana,\n\nI haven't heard back about the damp in flat 3, and the tenant says the mould is spreading. The surveyor can come Wednesday at 10; does that work?\n\nKim"),
    ("cold-email", "Hi Jordan,\n\nWe make custom signs for shopfronts, and I walked past your bakery today: the \"Open\" board is peeling. Would a hand-painted one interest you? Prices start at £120.\n\nLeo"),
    ("comment", "Lovely write-up. I'd push back on one thing: the 20% figure is from before the 2022 price rises, so it may be lower now."),
    ("dm", "Hi Rosa, I'm reaching out because the school PTA asked me to collect raffle prizes. Would your salon donate a voucher? The draw is on 12 July."),
    ("linkedin-post", "Doors open at 6:30 for the free careers evening; we close the doors at 7 so the speakers can start without interruptions."),
]


test_ordinary_text_near_automation_gets_no_judgment_finding = no_judgment_test(ORDINARY, "auto-ordinary")


def test_every_channel_is_covered() -> None:
    assert uncovered(ORDINARY) == []


test_the_near_habit_still_fires = near_habit_test(
    [
        # the guards above must not blind the rules: the same words used as the habit still fire
        ("PC105", "linkedin-post", "Only a handful of seats remain for the spring bootcamp."),
        ("PC105", "instagram-post", "The early-bird price goes away at midnight."),
        ("PC105", "facebook-post", "Enrolment closes Friday. Don't wait, grab your seat now!"),
        ("PC105", "x-post", "Our 24-hour sale starts now."),
        ("PC105", "linkedin-post", "We only work with 4 brands a quarter and two spots are taken."),
        ("AU107", "cold-email", "Hi Jo,\n\nWe build payroll tools.\n\nTo be removed from our list, reply with the word no."),
        ("PC109", "dm", "Hi Sam, I'm Dana from Brightwave. Are you free for a quick call this week?"),
        ("PC109", "cold-email", "Hi Sam,\n\nWe design logos for bakeries, from $149."),
        ("PC101", "cold-email", "Hi Sam,\n\nCould I get 15 minutes on your calendar next week?"),
        ("AU314", "cold-email", "Hi SAMIRA,\n\nWe help clinics fill their calendars."),
        ("AU314", "follow-up-email", "Hey Samira Khan,\n\nQuick question about your store."),
        ("AU315", "cold-email", "Hi Samira,\n\nOur new widget is live.\n\nCheers,\nThe Slotly Team"),
        ("AU316", "cold-email", "Hello there,\n\nWe supply office chairs in bulk. For more information, visit our website."),
        ("AU316", "cold-email", "Hi there,\n\nSpring sale: 25% off all desks, and free delivery this week."),
        ("AU316", "cold-email", "Dear Partner,\n\nGreetings from Oakline Furniture! Please find attached our catalogue and let us know your requirements."),
        ("AU301", "follow-up-email", "Hi Dana,\n\nPushing this back to the top of your inbox."),
        ("AU108", "cold-email", "Hello FirstName,\n\nWe build payroll tools for clinics."),
        ("AU319", "comment", "Great content, keep it up! Have a look at my channel too."),
        ("AU324", "follow-up-email", "Hi Sam,\n\nJust following up on my previous email. Would love to hear your thoughts when you get a chance.\n\nThanks,\nKim"),
        ("PC105", "follow-up-email", "Hi Sam, I can only hold this price until Friday."),
        ("PC105", "cold-email", "Hi Sam,\n\nWe're only taking three new clients this spring."),
        ("AU315", "cold-email", "Hi Sam,\n\nWelcome to the spring edition of our newsletter! In this issue: three new features.\n\nThe team at Ledgerly"),
        ("AU323", "cold-email", "Greetings,\n\nWe are a leading supplier of LED panels. Our products ship worldwide. We offer a five-year warranty."),
        ("AU304", "comment", "Stunning! Want more followers? DM us."),
        ("AU317", "comment", "A recovery expert got my bitcoin back, contact him on Telegram."),
        ("AU301", "follow-up-email", "Hi Dana,\n\nJust floating this up again in case it got lost."),
        ("AU302", "follow-up-email", "Hi Dana, if you're not the right contact, could you point me to the right person?"),
        ("AU321", "x-post", "I liked a @YouTube video about sourdough https://example.com/v/1"),
        ("AU112", "linkedin-connect", "Hi Sam, I would like to connect with you here on LinkedIn."),
        ("AU320", "linkedin-dm", "Certainly! Here's a personalized message for your prospect: Hi Dana, great profile!"),
        ("AU306", "cold-email", "{Hello|Hi} Dana,\n\nWe build payroll tools."),
        ("AU318", "comment", "Awesome content! Check my profile 🙏"),
        ("AU319", "comment", "Thanks for sharing, well written. I run a roofing business, check out my website."),
        ("PC103", "linkedin-dm", "Thanks for connecting! Are you open to new opportunities? My client is hiring."),
        ("PC101", "cold-email", "Hi Sam,\n\nWould it make sense to connect for 20 minutes on Thursday?"),
        ("PC109", "dm", "Hi Sam, love your salon's page! Can we talk this week about your Instagram ads?"),
        ("PC102", "cold-email", "Hi Sam,\n\nCould you put in a word for me with your hiring manager?"),
        ("AU325", "cold-email", "Hello,\n\nOur winter range is in.\n\nIf you are not the intended recipient of this email, please delete it."),
        ("AU325", "cold-email", "FOR IMMEDIATE RELEASE\n\nHarbour Ales opens a second brewery in Whitby."),
        ("PC101", "cold-email", "Hi Jordan,\n\nI'm the new head of the Otley running club. Are you free for a short call next week about the track?"),
        ("PC109", "dm", "Hi Sam, we sell refurbished laptops to schools. Interested?"),
        ("AU104", "follow-up-email", "Hi Sam, following up on my last email. Looking forward to hearing from you."),
    ],
)


@pytest.mark.parametrize(
    ("code", "channel", "text"),
    [
        # another family may read these greetings (NP101); the automation rules must not
        ("AU315", "cold-email", "Hi all,\n\nThanks for organising the Rust meetup. Could I bring two students next time?"),
        ("AU316", "cold-email", "Hi there,\n\nI'm a student at Leeds and read your thesis on tidal turbines. How did you measure fatigue?"),
        ("AU316", "cold-email", "Dear Sir/Madam,\n\nI am applying for the nurse post advertised on your website; my CV is attached."),
        ("AU314", "cold-email", "Dear XYZ,\n\nThank you for the lovely evening.\n\nABC"),
        # a customer writing to the company about its offer (SP121 may read the discount words)
        ("AU316", "cold-email", "Hi Jordan,\n\nI used the free trial of your scheduler for our clinic; the discount code from your newsletter failed at checkout. Is it still valid?"),
    ],
)
def test_the_automation_rule_stays_silent(ruleset: RuleSet, code: str, channel: str, text: str) -> None:
    assert code not in codes_drawn(ruleset, channel, text)


# Hunt round 5: another family may read these (NP104 a nameless greeting, EB105, SP105 a report
# "is out", GP201 a "following up" opener), but they are a charity's ask, a friend's reply, a
# report that gives its numbers and a dunning note with the invoice's age: no automation or
# pitch-on-connect finding.
NOT_AUTOMATION: list[tuple[str, str]] = [
    ("cold-email", "Hello,\n\nOur charity runs the Tuesday food bank at St Anne's. We need 20 volunteers for the Christmas week; shifts are two hours and no experience is needed. Could your staff team help?\n\nGrace, St Anne's Food Bank"),
    ("x-dm", "Hey, thanks for the follow back! Still up for the bike ride on Sunday? Start is at 9 at the bridge."),
    ("x-post", "Our 2024 volunteer report is out: 1,200 hours, 3 new allotments, and the river path is clear again. Thank you to everyone who came."),
    ("follow-up-email", "Hi Dana, following up on my previous note: our invoice 4471 is now 30 days overdue. Could you let me know when it will be paid?"),
]


@pytest.mark.parametrize(("channel", "text"), NOT_AUTOMATION, ids=[f"auto-silent-{i}" for i in range(len(NOT_AUTOMATION))])
def test_no_automation_or_pitch_on_connect_finding(ruleset: RuleSet, channel: str, text: str) -> None:
    drawn = codes_drawn(ruleset, channel, text)
    assert not [code for code in drawn if code.startswith(("AU", "PC"))], drawn
