"""Ordinary text near the self-promotion and automation habits must get no judgment finding.

The promotion and automation-tells packs read word classes and sentence shapes, so they meet
many sentences that look like a plug, a bump or a template without being one: a commenter's
link that answers the post, an announcement that gives the reader something, a follow-up
that brings new content, a help request, a chat between friends. Each text here is written
for this test (none is copied from any corpus) and runs through the same per-draft function
as the CLI, on the channel it would be sent on; none may draw a finding of any anti-social
family. A second list checks that the new rules do fire on plain cases of each habit, so the
first list cannot pass by the rules being switched off.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, no_judgment_test
from sociable.ruleset import RuleSet

ORDINARY: list[tuple[str, str]] = [
    # comments: relevant links and replies that answer the post
    ("comment", "I had the same crash on Android 14. My notes on the fix are in the issue you linked, step 3 is the one that matters."),
    ("comment", "Your question about sourdough hydration: I keep mine at 75% and the crumb opens up a lot."),
    ("comment", "Which tripod did you use for the night shots? The stars look razor sharp."),
    ("comment", "We tried this at our shop last winter and the heating bill dropped by a third. Thanks for the write-up."),
    ("comment", "Sending this to my dad, he has been fighting that exact leak under the sink for a month."),
    ("comment", "Watch the second half again, the keeper moved early on both penalties."),
    # posts: announcements that give something, help requests, family news
    ("linkedin-post", "We published the full checklist we use for on-call handovers. It is free, no sign-up, and the template works in any wiki."),
    ("linkedin-post", "I left my job at the hospital after nine years. Three things I learned about handovers, in case they help someone starting out: write it down, say it twice, check it back."),
    ("facebook-post", "Please share: our neighbour's grey cat has been missing since Sunday near Oak Street. Call Lena at 555-0199 if you see him."),
    ("facebook-post", "So proud of my little brother, who finished his first marathon in the rain today!"),
    ("instagram-post", "Rainy Sunday, fresh bread, and a very sleepy dog. That is the whole update."),
    ("x-post", "The bus timetable changes on Monday. Route 12 now stops at the library instead of the market."),
    ("linkedin-post", "Our volunteer group needs two more drivers for the Thursday food bank run. If you can help, reply here and I will send the details."),
    # one-to-one messages: specific follow-ups and first messages
    ("follow-up-email", "Hi Marta,\n\nSince we spoke on Tuesday I ran your March numbers: returns drop by 11% if the size guide sits above the photos. The sheet is attached.\n\nBest,\nJon"),
    ("follow-up-email", "Hi Omar,\n\nAs promised, here is the recording of the workshop and the two papers you asked about.\n\nThanks,\nLi"),
    ("cold-email", "Hi Priya,\n\nYour talk at the data meetup on late-arriving events matched a bug we fought for weeks. Did you end up keeping the watermark at ten minutes?\n\nThanks,\nSam"),
    ("linkedin-dm", "Hi Noor, thanks for the intro to Devin yesterday. He already answered my question about the Leeds depot."),
    ("x-dm", "Your thread on tide tables was great; which app made the charts?"),
    ("dm", "can you send me the photos from the wedding? mine all came out blurry"),
    ("dm", "In case you missed it, practice moved to 6pm on Thursday."),
]

EXPECTED: list[tuple[str, str, str]] = [
    ("comment", "Great pics! Come visit my page for more sunsets.", "SP601"),
    ("comment", "Nice one. I run a cooking channel too, come say hi!", "SP606"),
    ("x-post", "Start earning $400 a day from home, you have nothing to lose.", "SP602"),
    ("linkedin-post", "Honoured to have been selected as one of the top voices in retail this year.", "SP603"),
    ("follow-up-email", "Hi Ola,\n\nJust bumping this back to the top of your inbox.\n\nBen", "AU301"),
    ("cold-email", "Hi Ola,\n\nIf you are not the right person, please forward this to the right contact.\n\nBen", "AU302"),
    ("x-dm", "As a thank you for the follow, here is a free copy of my guide.", "AU303"),
    ("comment", "Commenting for reach!", "AU304"),
]


test_ordinary_text_near_promotion_gets_no_judgment_finding = no_judgment_test(ORDINARY, "ordinary")


@pytest.mark.parametrize(("channel", "text", "code"), EXPECTED, ids=[code for _c, _t, code in EXPECTED])
def test_plain_habit_is_flagged(ruleset: RuleSet, channel: str, text: str, code: str) -> None:
    assert code in codes_drawn(ruleset, channel, text)
