"""Automation and no-personalization in one-to-one messages: wider wordings, same quiet drafts.

The auno round widened the automation tells to the words writers use for the same steps: a
bump that puts the mail "back into your inbox" or asks whether it "slipped past you", a try
counted ("my third attempt at reaching you"), a pointer back at "my earlier mail", a resend,
a mass send said with "messaging a handful of" or "getting in touch with a small group of", a
"who on your team" ask, thanks for the follow said "a ton". HABITS are such drafts, each of
which must draw its family as the finding shown. ORDINARY are drafts a person writes near
them (a follow-up with news, a resend that corrects the first, a reply between friends, a
named event, a cold email that says why this reader) and must draw no judgment finding. All
were written for this test; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from ordinary import judgment_findings
from sociable.document import Document
from sociable.engine import check_document
from sociable.ruleset import RuleSet

# (family, channel, text): the habit in other words; the family must be the finding shown
HABITS: list[tuple[str, str, str]] = [
    ("automation", "follow-up-email", "Hi Marcus,\n\nJust popping this back into your inbox in case it slipped past you last week.\n\nCheers,\nElla"),
    ("automation", "follow-up-email", "Hi Jo,\n\nI've reached out a couple of times now and haven't had any luck. Is this something you'd want to explore?\n\nRaj"),
    ("automation", "follow-up-email", "Hello Ken,\n\nAs mentioned in my previous mail, we can help your team save hours each week. Let me know.\n\nSara"),
    ("automation", "cold-email", "Hi Dana,\n\nResending my note from last week, as I know inboxes get crazy. Would a 15 minute call work?\n\nMike"),
    ("automation", "follow-up-email", "Hi Leon, raising this to the top of your inbox again. Worth a chat?"),
    ("automation", "follow-up-email", "Hi Sven,\n\nThis is my third attempt at reaching you. If it's not a fit, just tell me.\n\nNina"),
    ("automation", "follow-up-email", "Dear Mr. Osei,\n\nKindly refer to my earlier mail regarding our software services. Awaiting your kind response.\n\nVikram"),
    ("automation", "follow-up-email", "Hi Fatima,\n\nI know you're juggling a lot, so I'll keep this short: did my email from Monday land ok?\n\nJake"),
    ("automation", "follow-up-email", "Hi Ben,\n\nTrying you one more time on this. Would love even a quick yes or no.\n\nAlex"),
    ("automation", "follow-up-email", "Hi Tess,\n\nCircling round to this once more. Would it make sense to talk next week?\n\nDev"),
    ("automation", "follow-up-email", "Hi Dana,\n\nI wanted to float this back up. Any chance you had a look?\n\nMo"),
    ("automation", "cold-email", "Hi Hamid,\n\nI'm getting in touch with a small group of CTOs in Manchester about our new monitoring tool. Could I send a short video?\n\nRuth"),
    ("automation", "cold-email", "Hi Pete,\n\nWe're contacting a number of dental practices in your area about our booking software.\n\nAnna"),
    ("automation", "cold-email", "Hi Rob,\n\nWho would be the best person on your team to talk to about warehouse software?\n\nSue"),
    ("automation", "cold-email", "Hi Dana,\n\nIf this isn't on your plate, no worries, just let me know who I should be talking to instead.\n\nMo"),
    ("automation", "x-dm", "Hey! I'm DMing everyone who followed this week: grab my free creator toolkit here, link in bio"),
    ("automation", "x-dm", "Thanks a ton for the follow 🙌 Let's stay connected on Instagram too: @growwithkay"),
    ("automation", "comment", "Wow nice 👍 Send it to @travelfeature_daily to get featured!"),
    ("automation", "cold-email", "Hi Dana,\n\nSaw that you're the Vice President Of Operations At Northwind Traders. We help ops teams like yours.\n\nMo"),
    ("no-personalization", "x-dm", "Thanks for the follow! Grab my free guide to growing on social media."),
    ("automation", "follow-up-email", "Hi Dana,\n\nI noticed you opened my email a few times. Is it safe to assume this isn't a priority right now?\n\nMo"),
    ("automation", "cold-email", "Hi Dana,\n\nWe help agencies automate reporting. Reply 1 if you want a demo, 2 if now isn't a good time.\n\nMo"),
    ("automation", "comment", "Hello dear. Can I DM you?"),
    ("no-personalization", "cold-email", "I was looking at your company's website and think we could help. Free for a call?"),
]

# (channel, text): drafts near those habits that a person writes; none may be flagged
ORDINARY: list[tuple[str, str]] = [
    ("follow-up-email", "Hi Marcus,\n\nPopping back in with the numbers you wanted: the Leeds pilot cut no-shows from 18% to 11% in six weeks. Want the sheet?\n\nElla"),
    ("follow-up-email", "Hi Priya,\n\nResending my note with the right attachment this time, sorry! The floor plan is now the second page.\n\nTom"),
    ("follow-up-email", "Hi Ken,\n\nYou'll have the signed contract back in your inbox by Friday, once our lawyer has read clause 7.\n\nSara"),
    ("follow-up-email", "Hi Sven,\n\nThis is my third year running the Harrogate half, and I'd love you to pace the 1:45 group again. The race is on 12 May.\n\nNina"),
    ("follow-up-email", "Hi Fatima,\n\nThe printer rang: the banners for Saturday's fair are ready, but they need the final logo file by 3pm.\n\nJake"),
    ("follow-up-email", "Hi Olu,\n\nQuick update on the roof: the scaffolders come Monday at 8, so please move the car off the drive by Sunday night.\n\nMark"),
    ("follow-up-email", "Hi Maria,\n\nI emailed the council about the bins two weeks ago and they finally replied: collection moves to Thursdays from June.\n\nPaul"),
    ("follow-up-email", "Hi Jordan,\n\nSorry, I sent the invoice to the wrong address by mistake; here it is again, reference INV-2291.\n\nSal"),
    ("follow-up-email", "Hi Bea,\n\nIn case it slipped past you in the group chat, the choir moved to the church hall from March.\n\nCat"),
    ("x-dm", "Going off-grid in the Cairngorms for a week so you won't hear from me till the 20th. Feed the cat!"),
    ("linkedin-dm", "Hi Amy, this is my third time at the Leeds Digital Festival and your talk on bus data was the best one yet. Are the slides online?"),
    ("linkedin-dm", "Hi Sam, I appreciate you connecting me with Priya, we're meeting for coffee on Thursday."),
    ("dm", "Who is the best person at the council to talk to about the allotment waiting list? You did yours last year."),
    ("dm", "Let's stay in touch on WhatsApp, I'm deleting Facebook next week. My number hasn't changed."),
    ("x-dm", "Thanks for the follow back! We met at the zine fair in Leeds, I had the riso-printed bird stall."),
    ("x-dm", "Thanks a ton for the follow! Your sketches of the Salts Mill chimney are lovely, which pens do you use?"),
    ("dm", "Hi friend, I left your umbrella at the Rose and Crown, the barman is keeping it behind the bar."),
    ("linkedin-dm", "Sending a final message before I leave Northwind on Friday: thank you for the two years on the data team, Dana."),
    ("linkedin-dm", "Hi Leon, I'm messaging a few people from our old Python course to organise a reunion in Leeds. Are you in?"),
    ("cold-email", "Hi Owen,\n\nYour piece in Logistics Weekly on idle time at the Felixstowe gates matched our own data from 40 trucks. Could I send you our numbers?\n\nKat"),
    ("cold-email", "Hi Lucia,\n\nI'm a final-year student at Leeds. Your 2021 paper on urban heat islands is my baseline; did you keep the raw sensor data for Hunslet?\n\nAmir"),
    ("cold-email", "Hi Hamid,\n\nI'm Theo's mum from Year 4. Who is the right person at the school to talk to about the trip money? I paid twice by mistake.\n\nRuth"),
    ("cold-email", "Hello Meg,\n\nI'm organising the Elm Street fair on 14 June and we're asking local businesses to sponsor a stall. Your bakery's stall last year sold out by noon; would you come back?\n\nDan"),
    ("cold-email", "Hi Ines,\n\nI run the reading group at Kirkstall Library. Your novel about the mill strike is our June book; would you join us for a Q&A on the 21st?\n\nTim"),
    ("cold-email", "Dear Dr Shah,\n\nI'm a nurse at St James's. I read your audit of sepsis screening on the children's ward and would like to repeat it on ours. May I ask how you sampled the notes?\n\nZoe"),
    ("cold-email", "Hi Greg,\n\nI bought two of your oak shelves at the Malton market last spring and one bracket has cracked. Do you sell the brackets on their own?\n\nLiz"),
    ("cold-email", "Hi Carla,\n\nThe Head of Music at our school suggested I write to you about the choir workshop. We'd like 30 places for Year 6 on the 9th.\n\nJen"),
    ("cold-email", "Hi Jordan,\n\nI'm writing to the owners of the six cafés on Briggate about the street closure on 3 May; the council says deliveries must be in before 8am.\n\nSal"),
    ("comment", "Send it to @leedsbuses, they fixed the same timetable error on the 19 last year."),
    ("comment", "I wrote about the same boiler fault on my blog last winter; the fix was the pressure valve, not the pump."),
    ("comment", "Congrats on the new job at the Royal Armouries, Sam! Does that mean you're moving back to Leeds?"),
    ("linkedin-dm", "Hi Ravi, thanks for connecting! I saw your talk on warehouse robotics at ProMat; how did the pickers take to the new carts?"),
    ("linkedin-inmail", "Hi Kofi,\n\nYour post on moving the Halifax depot to electric vans answered a question our board asked last week. How did you size the chargers?\n\nLena"),
    ("linkedin-dm", "Hi Ola, it's me again from the Leeds JS meetup: the accessibility checker you asked about is called axe."),
    ("dm", "Have you had time to look at the flat? The agent says two others are viewing it on Saturday."),
    ("cold-email", "Hi Dana,\n\nI saw you're now Vice President of Operations at Northwind; how did the depot move go?\n\nMo"),
    ("follow-up-email", "Hi Dana, I saw you opened the café on Sunday; the sign looks great from the bus stop."),
    ("comment", "Can I DM you about the bike? I'd like to buy the saddle if it's still spare."),
    ("dm", "Hi there! Mum says the Saturday job at the bakery pays £11 an hour, are you still after one?"),
]


@pytest.mark.parametrize(("family", "channel", "text"), HABITS, ids=[f"auno-habit-{i}" for i in range(len(HABITS))])
def test_the_habit_in_other_words_is_shown_as_its_family(ruleset: RuleSet, family: str, channel: str, text: str) -> None:
    doc = Document.from_text(text, "<draft>", channel=channel)
    shown = {ruleset.specs[finding.code].category for finding in check_document(doc, ruleset)}
    assert family in shown, f"{family} not shown: {sorted(shown)}"


@pytest.mark.parametrize(("channel", "text"), ORDINARY, ids=[f"auno-ordinary-{i}" for i in range(len(ORDINARY))])
def test_ordinary_text_gets_no_judgment_finding(ruleset: RuleSet, channel: str, text: str) -> None:
    found = judgment_findings(ruleset, channel, text)
    assert found == [], f"ordinary text flagged: {found}"


def test_the_file_stays_cheap() -> None:
    assert len(HABITS) <= 24 and len(ORDINARY) <= 40
