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
