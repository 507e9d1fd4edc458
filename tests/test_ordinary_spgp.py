"""Ordinary drafts near the self-promotion and generic-pitch rules widened in the spgp round.

That round widened the wording the rules accept (a launch said with a past verb, a prize
named before the awards, a firm's brochure said with its own name, a plug with another
preposition, a comment that brings up the writer's podcast). Each draft here is a person
writing near those shapes with something for the reader: a job post's link, a free download,
a shop that has run out, a launch told because it broke, a lesson from a win, a cold email
that says what of theirs the writer saw, a sad announcement in the same formal words. All
were written for this test; none comes from a corpus. Next to them, the same shapes with
nothing for the reader, which must still fire.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, judgment_findings
from sociable.ruleset import RuleSet

# (channel, text): near the widened shapes, with something for the reader
NEAR: list[tuple[str, str]] = [
    # SP601: a job post's link, a free download, a careers-fair stand, a question about a release
    ("linkedin-post", "We're hiring a junior data analyst in Leeds: £32k, hybrid, SQL and some Python. You'd work with Priya on the bus punctuality model. Apply by 30 June at the link in the comments."),
    ("linkedin-post", "We've released version 2 of our free accessibility checklist for council websites. It now covers PDFs and forms. Download it from the link in the comments, no sign-up."),
    ("linkedin-post", "We're at stand 12 at the Leeds careers fair on Thursday with the apprenticeship team. Bring your CV and we'll go through it with you, 10am to 3pm."),
    ("comment", "Is it out on all platforms yet? I can only find it on Spotify."),
    # SP101: a public service's news, a launch told because it broke, a lesson, a death
    ("x-post", "The new tram timetable is out: trams every 6 minutes at peak from Monday. The PDF is on the council site."),
    ("linkedin-dm", "Hi Ana, our new rota app just went live at St James's and the night shift found a bug with swaps. Could I ask how your ward handled swaps in the old system?"),
    ("linkedin-post", "Our client's traffic went from 2k to 40k a month, and then fell off a cliff when Google changed the rules. Three lessons from the crash, and what we'd do differently."),
    ("linkedin-post", "Another happy client? Not this week. We missed a deadline for the first time in two years, and here's what we changed so it doesn't happen again: a buffer day before every hand-off."),
    ("linkedin-post", "It is with great sadness that we share the news that our founder, Margaret Hale, died on Sunday. She built this firm from one room above a bakery. The funeral is on 9 May at St Mary's."),
    ("linkedin-post", "My sister just became a published author at 63! Her first novel is about our grandmother's farm in Cork, and I cried reading chapter two."),
    ("linkedin-post", "Our new intern just shipped her first feature: the export button now remembers your last date range. Go Maya!"),
    ("linkedin-post", "Proud of my daughter, who finished her first 10k today in the rain. She trained for it every Sunday since January."),
    # SP630: a shop that has run out, a booked-up workshop with a second date, a volunteers' shift
    ("linkedin-post", "Our bakery is sold out of hot cross buns for today, sorry! The next batch is out of the oven at 7am tomorrow."),
    ("linkedin-post", "Our workshop on Saturday is fully booked, but we've added a second one on 21 June at 10am at the Elm Road hall, same price. Book through the library desk."),
    ("linkedin-post", "Today my team at the hospice has 14 volunteers and a waiting list for the Tuesday shift, so we're opening a Thursday one. Message Carol if you'd like it."),
    ("linkedin-post", "We're expanding the free breakfast club to two more schools in Harehills from September. If you can volunteer one morning a week, email Jo at the community centre."),
    ("x-post", "Sold out in 10 minutes: the Arctic Monkeys Sheffield gig. Anyone got a spare ticket at face value?"),
    ("facebook-post", "The school's new playground is officially open! Thank you to the PTA and the dads who laid the bark chips on Saturday."),
    # SP603: an invitation turned into a question, a team's litter pick, bad personal news
    ("linkedin-post", "I was invited to speak at the summit and I'd love your help: what's the one question about hospital rotas you'd want answered on stage?"),
    ("linkedin-post", "Our team picked up litter along 3 miles of the canal on Saturday: 41 bags, a shopping trolley and a bike. Thanks to everyone who came."),
    ("linkedin-post", "Some personal news I'm still processing: I was made redundant on Friday. If anyone knows of product roles in Bristol, I'd be grateful for a pointer."),
    # SP611 / SP643: an amateur theatre, a translator with one relevant credit, a job offer
    ("cold-email", "Hi Lee,\n\nThe Ilkley Players are a family-run amateur theatre and we're staging Our Town in October. Would your shop lend us two 1940s chairs? We'd credit you in the programme.\n\nPat"),
    ("cold-email", "Hi Ana,\n\nI'm a freelance translator and I noticed your museum app has no Welsh version. I've translated two heritage apps for Cadw; samples are attached. Could I quote for the 40 screens?\n\nRhys"),
    ("cold-email", "Hi Sam,\n\nWe would like to offer you the role of volunteer coordinator at the food bank, starting 1 June. The details you asked for are attached.\n\nAnne"),
    ("cold-email", "Hi Dr Okafor,\n\nI'm a GP in Hull and I read your paper on asthma reviews. We're a small practice of 4 doctors and our review rate is stuck at 60%. Did the text reminders in your trial go out in English only?\n\nSimon"),
    # GP316: what the writer saw on their site, said in the same sentence
    ("cold-email", "Hi Omar,\n\nI saw on your site that Northgate Cafe is moving to oat milk only. We're a dairy-free supplier in Harrogate, 8 miles from you, and we deliver on Tuesdays. A sample crate is yours if you want to test it with your baristas.\n\nLucy"),
    # SP641 / SP120: a commenter's free script, a teacher's habit, a friend's news, a maths check
    ("comment", "We built a tiny script that does this for our own team; it's on GitHub under MIT if it's useful: you just point it at the CSV."),
    ("comment", "I talk about this with my students every term: the first draft is for you, the second is for the reader."),
    ("comment", "Our clients asked the same thing after the rate rise; we told them to fix for two years, not five. What are you seeing in Leeds?"),
    ("comment", "I wrote about the same timezone bug last year, the fix was setting TZ in the container. Happy to dig out the commit if it helps."),
    ("dm", "our new puppy just landed from Ireland haha, the ferry was 4 hours late. come over Sunday?"),
    ("dm", "my sister just opened a bakery on Elm Road, the cinnamon buns are amazing, we should go Saturday"),
    ("dm", "I'd appreciate it if you could check my maths on the rent split before Friday."),
    # launches and news that give the reader something
    ("linkedin-post", "We open-sourced the scheduler we use for hospital rotas today. It's MIT licensed, the repo has a Docker setup, and the README walks through importing a CSV of shifts. Issues welcome."),
    ("linkedin-post", "My first book comes out in May: a field guide to the hedgerows of West Yorkshire. Our local library is hosting a free walk on 12 May where I'll show the ten plants in chapter one."),
    ("x-post", "Our paper on flood prediction is out in Nature Water today. Code and data are open, and the notebook reproduces every figure in 10 minutes on a laptop."),
    ("linkedin-post", "Huge thanks to Marek, who rewrote our test harness over Christmas, and to Aisha, who found the memory leak that had haunted us since March. Our release yesterday went out with zero rollbacks because of them."),
    ("follow-up-email", "Hi Dan,\n\nFollowing up on our call: the revised quote is attached, down to £3,900 because we dropped the second survey. The start date of 12 May still stands.\n\nAmy"),
    ("linkedin-post", "We moved our office from Leeds to Bradford this week. New address: 14 Market St, BD1 1AA. Parking is on Vicar Lane."),
    ("facebook-post", "I'm now taking on a few more dog-walking clients in Headingley, weekdays 11-2, £12 a walk. DBS checked, references from 6 local families. Message me."),
]


@pytest.mark.parametrize(("channel", "text"), NEAR, ids=[f"spgp-ordinary-{i}" for i in range(len(NEAR))])
def test_ordinary_text_gets_no_judgment_finding(ruleset: RuleSet, channel: str, text: str) -> None:
    found = judgment_findings(ruleset, channel, text)
    assert found == [], f"ordinary text flagged: {found}"


def test_the_file_stays_cheap() -> None:
    assert len(NEAR) <= 40


# (code, channel, text): the same shapes with nothing for the reader still fire
@pytest.mark.parametrize(
    ("code", "channel", "text"),
    [
        ("SP601", "linkedin-post", "We're hiring! Well, not quite, but our new course is out. Link in the comments."),
        ("SP101", "linkedin-dm", "Hi Ana, our new rota app just went live at St James's and we're offering early access."),
        ("SP101", "linkedin-post", "It is with great pleasure that we share our award for the best startup in Pune."),
        ("SP101", "linkedin-post", "Our client's traffic went from 2k to 40k a month. Want the same? Let's talk."),
        ("SP630", "linkedin-post", "Our workshop series is completely sold out in 48 hours. Thank you all!"),
        ("SP603", "linkedin-post", "I was invited to keynote at SaaStr Europe. Dream big, people."),
        ("SP611", "cold-email", "Hello,\n\nGreenLeaf Landscaping is a family-run business serving the North West since 1995.\n\nMike"),
        ("GP316", "cold-email", "Hi Omar,\n\nI came across your site and wanted to reach out. We supply oat milk.\n\nLucy"),
        ("SP641", "comment", "Agreed. I talk about this all the time on my podcast, episode 42 is all about it."),
        ("SP120", "dm", "hey!! my candle shop finally opened online, would love if you checked it out"),
    ],
)
def test_the_near_habit_still_fires(ruleset: RuleSet, code: str, channel: str, text: str) -> None:
    assert code in codes_drawn(ruleset, channel, text)
