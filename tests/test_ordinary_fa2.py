"""False-alarm round fa2: specific drafts near the follow-ask, engagement-ask, milestone,
shop-window and announcement guards stay unflagged, and the habits beside them still fire.

Each ordinary draft is, by the corpus definitions, not the habit its neighbour rule listens
for: a thanks for a follow-back that names where they met, praise that thanks the author and
adds a point, a launch that says what changes for the user or asks what breaks, an item kept
aside for the reader, an offer made "if it helps", a friend's news with a plan to meet. The
habit drafts use the same words the broadcast way. Every text is written for this test; none
is copied from any corpus.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, no_judgment_test
from sociable.kinds.shape import _negated
from sociable.ruleset import RuleSet

ORDINARY: list[tuple[str, str]] = [
    # a thanks for the follow-back is not a follow ask
    ("dm", "Thank you for the follow back, Rosa. Still on for the climbing wall on Wednesday?"),
    ("x-post", "Got a follow back from the county archive account, so the photo question might get answered after all."),
    # praise said to the author, then thanks and a point of the commenter's own
    ("comment", "Love this, and thanks for crediting the night-shift nurses. Our ward tried the same handover sheet and it cut missed meds by half."),
    ("comment", "Loved this! And thank you for linking the raw data, the chart on page 3 finally explains our winter dip."),
    # a launch that says what changes for the user, or asks what breaks
    ("linkedin-post", "We just released the new billing page in Tally. What this means for you: invoices show the tax line per country, and refunds appear the same day. Tell us what breaks."),
    ("x-post", "We just shipped a new export in Mapwise. Let us know where it fails on big files, we are fixing reports daily this week."),
    ("x-post", "We just shipped keyboard shortcuts in Plotline. What changes for you: every chart menu opens with one key. Tell us what breaks."),
    ("facebook-post", "We just opened our new reading corner at the library. What it means for you: quiet desks until 8pm on weekdays."),
    # back in stock, told to the one reader who wanted it, with something held for them
    ("follow-up-email", "Hi Priya,\n\nThe blue linen you asked about at the market is back in stock, and I've set two metres aside for you until Saturday.\n\nThanks,\nOwen"),
    ("follow-up-email", "Hi Lou,\n\nThe size 6 boots you tried on are back in stock; I've held a pair for you at the counter until Thursday.\n\nCheers,\nMina"),
    ("dm", "I've kept the last jar of fig jam aside for you, collect any time this week. The new batch is back in stock next month."),
    # an offer made on the reader's terms
    ("linkedin-dm", "Hi Sam, happy to share our interview questions if useful; they worked well for the junior roles."),
    ("linkedin-dm", "Glad to share the recording if that would help your team, the Q&A at the end covers your question on rotas."),
    # a friend's news to a friend, with a plan to meet
    ("dm", "omg our new kitchen is finally here!! Mum already scratched the worktop. see you Saturday x"),
    ("dm", "the new EP is out! I sang on the last track, my brother says it is awful. see you tomorrow"),
    ("dm", "the new bakery is open!! I painted the sign out front, Gran cried. see you tonight"),
    # "stop by" an invitation to a place, in a specific reply
    ("comment", "Stop by the stall on Sunday and I'll show you the loom you asked about, it's the same frame."),
    ("instagram-post", "Stop by the harbour on Saturday morning, the lifeboat crew are showing kids how the winch works."),
]

#: (channel, text, a code that must still fire): the habit beside each guard.
HABITS: list[tuple[str, str, str]] = [
    ("x-dm", "Thanks for the follow back! Follow my page for daily tips.", "EB105"),
    ("x-post", "Follow back if you want more tips!", "EB105"),
    ("x-post", "Follow for a follow back, I follow everyone who follows me!", "EB105"),
    ("facebook-post", "Love this and share it with a friend!", "EB120"),
    ("facebook-post", "Like this and share if you agree!", "EB120"),
    ("linkedin-post", "We just closed our seed round. Tell us what you think!", "SP630"),
    ("linkedin-post", "We just launched our new app. What changes for you? Everything, it is the best app ever.", "SP101"),
    ("linkedin-post", "Thrilled to announce our new platform is live! Let us know what you think.", "SP101"),
    ("linkedin-post", "Excited to share that our new course is live! Happy to share more if you want.", "SP101"),
    ("dm", "our new course is live!! link in bio", "SP101"),
    ("instagram-post", "The shirts you loved are back in stock!", "SP610"),
    ("instagram-post", "Restocked! We saved the best for you, shop now.", "SP610"),
    ("instagram-post", "Back in stock! We kept the prices low for you.", "SP610"),
    # "stop" before "by" is a visit: the plug after a follow thanks is no longer silenced
    ("x-dm", "Thanks for the follow! Stop by my shop in Leeds for ten percent off.", "SP646"),
]


test_specific_drafts_near_the_fa2_guards_get_no_judgment_finding = no_judgment_test(ORDINARY, "ordinary-fa2")


@pytest.mark.parametrize(("channel", "text", "code"), HABITS, ids=[f"habit-fa2-{i}" for i in range(len(HABITS))])
def test_the_habit_beside_each_guard_still_fires(ruleset: RuleSet, channel: str, text: str, code: str) -> None:
    assert code in codes_drawn(ruleset, channel, text)


def test_stop_before_a_visit_particle_is_not_a_negation() -> None:
    negation, nudges, particles = frozenset(("stop", "don't")), frozenset(("forget",)), frozenset(("by",))
    visit = ["stop", "by", "my", "shop"]
    assert not _negated(visit, 0, 2, negation, nudges, particles)
    assert _negated(visit, 0, 2, negation, nudges, frozenset())  # the particles are the class's words
    assert _negated(["stop", "sharing", "my", "shop"], 0, 2, negation, nudges, particles)  # "stop" still denies an act
    assert _negated(["don't", "by", "my", "shop"], 0, 2, negation, nudges, particles)
