"""Round-five guards for engagement bait and tag-hijack: ordinary text stays unflagged, and a
long post's closing ask still fires.

The ordinary drafts sit next to the habits the new rules listen for (a closing line, a P.S.,
a help request's sighting plea) and use those words the ordinary way. The bait drafts are
long, substantive posts whose ask sits at the end, where one ordinary phrase elsewhere in the
post ("if you see a candidate light up") used to silence the whole draft. Every text is
written for this test; none is copied from any corpus.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, judgment_findings
from sociable.ruleset import RuleSet

ORDINARY: list[tuple[str, str]] = [
    # a help request's sighting plea still silences its share ask
    ("facebook-post", "Please share: our terrier Biscuit slipped his lead in Hollin Park on Sunday. If you see him, call 07700 900456."),
    ("facebook-post", "Have you seen this cat? Black, one white sock, answers to Moth. Please share with anyone near Crane Street."),
    # near the new follow, dictated-reply, support, thread and guilt-trip shapes
    ('instagram-post', 'Follow to the end of the ridge trail and turn left at the stone gate; the view is worth the climb.'),
    ('facebook-post', "Subscribe to the council's alert list to get flood warnings by text before the river rises."),
    ('linkedin-post', 'Subscribe to the release notes if you run the on-prem version; the upgrade needs a schema change.'),
    ('dm', "Leave a comment if you want changes to the contract draft, I'll merge them tonight."),
    ('linkedin-dm', 'Hi Ravi, drop a comment in the doc if you need the link to the raw data.'),
    ('facebook-post', 'Support the bake sale by baking: bring one tray to the school hall by 9am Saturday.'),
    ('facebook-post', 'Please support the food bank appeal by sharing the collection times with your street.'),
    ('instagram-post', "Skip this one if you don't like spice: the chilli oil goes in twice."),
    ('linkedin-post', 'Say no when a meeting has no agenda. Say yes when it has a decision to make.'),
    ('instagram-post', 'Type yes in the RSVP form by Friday so we can order enough cake.'),
    ('x-post', 'Follow @metro_alerts and @cityroads for live updates on the closure tonight.'),
    ('linkedin-post', 'If you enjoyed the talk, you know where to find the slides: the repo link is on the last page.'),
    ('facebook-post', "Comment below with the name of the walk you liked best this year and why; we're planning next spring's route."),
    ('instagram-post', "Write done on the chart by the door when you've fed the rabbits, so nobody feeds them twice."),
    ('linkedin-post', 'Support this with data, not opinions: we logged every handoff for a month before changing the process.'),
    ('x-post', 'RT the first tweet of the thread only if you checked the figures yourself; we corrected two of them.'),
    ('linkedin-post', "Tell me in the comments which tool you'd choose for a five-person team and why; we're deciding next week."),
    ('comment', 'Tried it and it worked. Follow the second step exactly, the first time I skipped it and the build failed.'),
    ('instagram-post', "Send this week's order form to the café by Thursday; we need the oat milk count."),
    ('facebook-post', 'Drop your handles for the market stall rota in the sign-up sheet, and Jo will confirm the slots.'),
]

#: A substantive post (about ninety words) with ordinary rhetoric that once read as a help
#: request draft-wide: "if you see ..." and "have you seen ...".
_LONG_POST = (
    "Three years ago our hiring took a month per offer. We wrote the plan down, cut the loop to "
    "three talks and sent the questions ahead. If you see a candidate light up about a bug they "
    "fixed, that is your signal. Have you seen how much faster people decide once they know the "
    "timeline? Our time to offer fell from 21 days to 6, and acceptance rose from 40% to 85%. "
    "No new tool, only a page everyone followed.\n\n"
)

LONG_BAIT: list[tuple[str, str, str]] = [
    ("linkedin-post", _LONG_POST + "♻️ Repost if this helped.", "EB102"),
    ("linkedin-post", _LONG_POST + "Repost so more founders see it.", "EB102"),
    ("linkedin-post", _LONG_POST + "Share this with a founder who is hiring.", "EB102"),
    ("linkedin-post", _LONG_POST + "I post one hiring lesson a week. Follow to stay in the loop.", "EB105"),
    ("linkedin-post", _LONG_POST + "Leave a comment with the word SCORECARD to get a copy.", "EB104"),
    ("linkedin-post", _LONG_POST + "Show your support with a repost.", "EB101"),
    ("x-post", "Six things our night shift taught us about triage 🧵\n\nIf you liked this thread, RT the first tweet 🔁", "EB102"),
    ("instagram-post", "Three free planner pages this week. Claim yours by typing mine 👇", "EB132"),
    ("facebook-post", "Scroll past if you don't love your mum ❤️", "EB123"),
]


@pytest.mark.parametrize(("channel", "text"), ORDINARY, ids=[f"ordinary-eb-{i}" for i in range(len(ORDINARY))])
def test_ordinary_drafts_near_the_new_bait_rules_get_no_judgment_finding(
        ruleset: RuleSet, channel: str, text: str) -> None:
    found = judgment_findings(ruleset, channel, text)
    assert found == [], f"ordinary text flagged: {found}"


@pytest.mark.parametrize(("channel", "text", "code"), LONG_BAIT, ids=[f"long-bait-{i}" for i in range(len(LONG_BAIT))])
def test_a_long_posts_closing_ask_fires_despite_rhetoric_elsewhere(
        ruleset: RuleSet, channel: str, text: str, code: str) -> None:
    assert code in codes_drawn(ruleset, channel, text)
