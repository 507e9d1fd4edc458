"""Ordinary drafts near the rules added today (AU315/AU316/AU323/AU324, PC101/PC102/PC105/PC109,
NP104/NP106/NP122, EB128-EB131, TH104) get no judgment finding.

A false-alarm hunt: a buyer's question from a club to a shop, a follow-up whose need stands in
its own sentence, a reply about the role a post is about, an agree question followed by the
writer's own view, a reply inside an exchange; then near misses that drew nothing (a recruiter
with the salary and why this person, a lost-pet appeal that asks for shares, a shop's poll that
says what the answer decides, a raffle, a brewery's tribute, a bakery's flood appeal). Each fix is
paired with the habit in the same words, which must still fire. All were written for this
test; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, near_habit_test, no_judgment_test, uncovered
from sociable.ruleset import RuleSet

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    # PC102: a reply asking about the role the post is about
    ('comment', 'Are you hiring juniors as well, or only senior engineers for this role?'),
    # EB128: an agree question followed by the writer's view and a call for people who know
    ('linkedin-post', "The council wants to close the Mill Road bus lane. Do you agree? I think it will push traffic onto the school street, and I'd like to hear from parents who use it."),
    # NP104, NP106: a reply to the reader's reply, inside an exchange
    ('linkedin-dm', 'Hello! Thanks for the reply on my post about night buses. Which route do you take from Hulme?'),
    # PC101: a call asked after a common contact's introduction: not a stranger's ask
    ('linkedin-dm', "Hi Grace, thanks for the intro from Ravi. I'm the finance lead at Nettle Foods. Could we book 30 minutes next week to go over the audit timeline he mentioned?"),
    # near misses of today's rules that drew nothing: keep them that way
    ('cold-email', "Hi Marta,\n\nI'm Tom from Ferrow, we make moisture sensors for timber-frame builds. Your talk at the Passivhaus meetup mentioned rot in two of your Bristol sites. Did you find the leak points by thermal camera or by opening the walls?\n\nTom"),
    ('cold-email', "Hi Ben,\n\nI'm a recruiter at Calder Health. We're hiring a senior backend engineer, £78-85k, remote in the UK, four-day week. I'm writing to you because your Rust library for HL7 parsing is exactly the work the team does. Would you be open to hearing more?\n\nAnna"),
    ('follow-up-email', 'Hi Carla,\n\nFollowing up on the quote: the supplier cut the panel price by 8%, so the total is now £4,120 instead of £4,480. The revised sheet is attached.\n\nDev'),
    ('linkedin-post', "Six months ago we cut our onboarding from 14 steps to 5. Activation went from 22% to 38%. The biggest single win was removing the mandatory team invite. If you run a B2B tool, I'd check how many steps stand between sign-up and the first useful screen."),
    ('linkedin-post', "What's the hardest part of moving a team to a four-day week? For us it was client calls on Fridays. We solved it with a rota. I'm curious how others handled it."),
    ('instagram-post', 'New opening hours from Monday: 8am to 6pm weekdays, 9am to 4pm Saturdays, closed Sundays. The coffee machine is fixed too.'),
    ('facebook-post', 'Lost cat in the Ashgrove area: grey tabby, white paws, answers to Pixel. Please check your sheds and garages. Call 07700 900123 if you see her.'),
    ('x-post', 'Shipped: the API now returns rate-limit headers on every response, so clients can back off before they hit a 429. Docs updated.'),
    ('comment', "Great write-up. One thing I'd add: the cache hit rate dropped for us too after the move, until we pinned the CDN region."),
    ('comment', 'Congrats on the launch! Does the offline mode sync conflicts automatically or ask the user?'),
    ('dm', 'Hey! Are you still up for the climb on Saturday? I can pick you up at 9.'),
    ('linkedin-dm', 'Hi Omar, thanks for the talk at DevOps Leeds on Thursday. You mentioned your team moved off Jenkins in three weeks. Did you migrate the old pipelines by hand?'),
    ('linkedin-dm', "Hi Chris, I'm the recruiter at Larkspur Energy. We're hiring a grid engineer, £62k, hybrid in Glasgow. Your thesis on battery dispatch is close to what the team does. Happy to share the job description if it interests you."),
    ('x-dm', 'Hey Sam, loved your thread on bike lanes in Cardiff. Do you have the source for the accident figures?'),
    ('linkedin-connect', "Hi Grace, we met at the Leeds climate hack last weekend; you built the heat-map team's scraper. I'd like to stay in touch."),
    ('linkedin-connect', "Hi Zoe, I'm a recruiter at Halden. Your work on the Arlo payments migration stood out to me; connecting in case you'd like to hear about a staff role later."),
    ('cold-email', "Hi Mr. Evans,\n\nI'm Tom, I run a mobile bike repair van in Didsbury. You asked in the residents' group for someone to service the school's 30 bikes. I can do it for £15 a bike over two days in the half term. Would that suit?\n\nTom"),
    ('dm', 'Hi, is the green bike from your listing still for sale? I can pay £120 and collect on Sunday.'),
    ('facebook-post', 'Lost dog near Roath Park: brown spaniel, blue collar, called Biscuit. Feel free to share this with anyone in Cardiff. Call 07700 900456.'),
    ('instagram-post', "Tea or coffee? We're choosing what to serve at the open day. Tell us in the comments why."),
    ('facebook-post', 'Raffle for the hospice on Saturday: tickets are £1 at the door, and first prize is a hamper from the deli. Draw at 4pm.'),
    ('linkedin-post', "The slides from yesterday's talk are in the comments. Thanks to everyone who came to the session in Leeds."),
    ('facebook-post', "Our thoughts are with everyone affected by the floods in Valencia. We're donating all of this week's bread sales to the Red Cross appeal."),
    ('instagram-post', "Rest in peace, Jim, our head brewer for 20 years. We'll pour his stout at the bar tonight in his memory."),
    ('instagram-post', 'Giveaway rules update: the draw for the pottery wheel is on Friday, and the winner will be picked from the workshop sign-up list, not from comments.'),
    ('linkedin-post', 'Recording of the webinar is in the first comment.'),
]


test_ordinary_text_gets_no_judgment_finding = no_judgment_test(ORDINARY, "hunta-ordinary")


def test_the_channels_of_todays_rules_are_covered() -> None:
    channels = ("cold-email", "follow-up-email", "linkedin-dm", "x-dm", "dm", "comment",
                "linkedin-connect", "linkedin-post", "facebook-post", "instagram-post", "x-post")
    assert uncovered(ORDINARY, channels) == []


test_the_near_habit_still_fires = near_habit_test(
    [
        # a company selling to the same shop, in the same we/our voice
        ("AU323", "cold-email", "Hi,\n\nWe run a print shop next to your garden centre. Our prices start at £20 for flyers. We deliver within a day. Shall we send you our price list?"),
        # the same follow-ups with the need taken out
        ("AU104", "follow-up-email", "Hi Rosa,\n\nFollowing up on my email from Monday. Any thoughts?\n\nBen"),
        ("AU301", "linkedin-dm", "Hi Maya, following up on my note last week: any thoughts on the draft schedule?"),
        # a comment that asks for the job itself
        ("PC102", "comment", "Are you hiring? I'm a junior engineer and would love to join your team."),
        # the agree question alone
        ("EB128", "linkedin-post", "The council wants to close the Mill Road bus lane. Do you agree?"),
        # the same call ask with no introduction
        ("PC101", "linkedin-dm", "Hi Grace, I'm the finance lead at Nettle Foods. Could we book 30 minutes next week to go over the audit timeline?"),
        # a bare greeting and a bare thanks for a reply, with a pitch
        ("NP104", "linkedin-dm", "Hello! Thanks for your reply. Our design packages start at $99."),
    ],
)


@pytest.mark.parametrize(
    ("code", "channel", "text"),
    [
        # a club asking a shop to quote is a buyer, not a company mailing its list (NP104 and
        # GP343 read its bare greeting and we-voice: other families)
        ("AU323", 'cold-email', "Hi,\n\nWe run the allotment society next to your garden centre. Our members buy compost in bulk every spring. We'd need about 60 bags in March. Could you quote for delivery to the Hill Lane gate?\n\nJune Parry, treasurer"),
        # the need stands in a sentence of its own (GP201/GP202 read the opener: another family)
        ("AU104", 'follow-up-email', 'Hi Rosa,\n\nFollowing up on my email from Monday: did the invoice arrive? Our accounts team needs the PO number to release payment.\n\nThanks,\nBen'),
        ("AU301", 'follow-up-email', 'Hi Rosa,\n\nFollowing up on my email from Monday: did the invoice arrive? Our accounts team needs the PO number to release payment.\n\nThanks,\nBen'),
        # the need stands in a sentence of its own (GP201/GP202 read the opener: another family)
        ("AU104", 'linkedin-dm', 'Hi Maya, following up on my note last week: any thoughts on the draft schedule? The venue wants it by Wednesday.'),
        ("AU301", 'linkedin-dm', 'Hi Maya, following up on my note last week: any thoughts on the draft schedule? The venue wants it by Wednesday.'),
    ],
)
def test_the_rule_stays_silent(ruleset: RuleSet, code: str, channel: str, text: str) -> None:
    assert code not in codes_drawn(ruleset, channel, text)
