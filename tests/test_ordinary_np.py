"""Ordinary one-to-one drafts near the no-personalization habit get no judgment finding.

The no-personalization rules read what a message lacks: a name in the greeting, anything about
the reader. Real messages often open without a name or with "Hi," and still are written for one
person: a reply inside a conversation, an X message that answers the reader's thread, a student
who names the reader's paper, a customer who names the shop's listing. These drafts do that,
in every channel, and none may draw a finding of any judgment family. All were written for this
test; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from ordinary import judgment_findings, uncovered
from sociable.ruleset import RuleSet

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    # X messages that answer the reader's own thread, talk or shop (NP106 on x-dm)
    ("x-dm", "Your thread on sourdough hydration fixed my flat loaves. Did you ever try rye at 80%?"),
    ("x-dm", "Loved the Leeds talk on tram maps! Is the deck online anywhere?"),
    ("x-dm", "hey, the link in your bio to the Friday ride route is broken, thought you'd want to know"),
    ("x-dm", "Saw you're moving to Lisbon in May. Marta says the flat above hers is free if you still need one."),
    ("x-dm", "thanks for the bike shop tip, they trued the wheel in ten minutes"),
    ("x-dm", "You asked about the Tuesday ride: we leave the bridge at 6:30 and stop at the cafe."),
    ("x-dm", "Here is the recipe you wanted, the one with brown butter and a pinch of salt."),
    ("x-dm", "Priya, your pottery glaze videos are the reason I bought a kiln. Which clay body do you use?"),
    # replies inside a conversation and messages between people who know each other
    ("dm", "are you still bringing the tent on Saturday? I can pick it up after work"),
    ("dm", "Hi there! Mum says the train gets in at six, so dinner at seven?"),
    # a chat's greeting before what the group is doing is not a seller's pitch (NP122)
    ("dm", "Hi there! Our prices for the bake sale are on the poster, a pound a slice."),
    ("dm", "Hi there, we offer free lifts to the station for the fundraiser, just reply with a time."),
    ("dm", "Hey friend! Our company picnic moved to the park by the river, bring a blanket."),
    ("linkedin-dm", "Thanks for connecting, Sam! As you suggested at the meetup, here is the repo with the retry fix."),
    ("linkedin-dm", "Hi, following on from our chat at the Porto meetup: the slides are in the shared folder."),
    ("follow-up-email", "Hi,\n\nAs discussed on Tuesday, the signed lease is attached. The keys are with Marta at reception."),
    ("follow-up-email", "Hello Jo,\n\nOne more detail for the Saturday rota: the hall opens at nine, not ten."),
    # first messages that name the reader's work
    ("cold-email", "Hi there,\n\nI'm a second-year student at Leeds and read your thesis on tidal turbines. How did you measure blade fatigue?"),
    ("cold-email", "Hello,\n\nI'm writing about the oak desk you listed on Gumtree. Is it still for sale, and could I collect it on Sunday?"),
    ("cold-email", "Dear Dr Okafor,\n\nYour 2021 paper on sleep spindles is why I applied to the Bristol programme. Do you take summer students?"),
    ("linkedin-connect", "Hi Ana, your talk on dbt snapshots at Coalesce was great. I'd love to connect."),
    ("linkedin-inmail", "Hi Priya, your paper on ward rostering is why I'm writing: does the model handle split shifts?"),
    # what names the reader is specific: their named thing, which one of their things, a reply
    ("cold-email", "Hello,\n\nI loved your recent post on night-shift rosters at St Mary's. Did the four-on, four-off pattern cut sick days?"),
    ("follow-up-email", "Hi,\n\nHere is the floor plan you wanted, with the fire exits marked in red."),
    ("cold-email", "Hello,\n\nAs per your request, the signed NDA is attached."),
    ("cold-email", "Hi Dana,\n\nYour team's retro notes from the Leeds launch were the clearest I have read. Could I borrow the format?"),
    ("cold-email", "Dear Dr Hale,\n\nI'm Dana from Rackly; your paper on pick-path heuristics is why I'm writing. Did you test it with two-deep racking?"),
    ("linkedin-connect", "I liked your article, Ten Rules for Small Kitchens, and would like to connect."),
    ("x-dm", "Your harbour photos from the Whitby trip made my week. Which lens was that?"),
    # near the new merge-field and salutation forms: a price, a hashtag, a name that starts "Inc"
    ("cold-email", "Dear Ms Incledon,\n\nThe invoice for the Harrogate fitting is attached; it came in $40 under the quote."),
    ("linkedin-dm", "Hi Sam, the #firstaid session moved to the Friday slot and the $15 fee covers lunch."),
    ("follow-up-email", "Hi Jo,\n\nThe board asked for the minutes from Tuesday; they are in the shared folder now."),
    # broadcast posts and comments have no single recipient: never no-personalization
    ("linkedin-post", "Hi all, our Leeds office moves to Park Row on Monday; the new door code is on the wiki."),
    ("x-post", "Hello everyone! The Friday ride starts at the bridge at 7am, lights on please."),
    ("facebook-post", "Hi neighbours, the street party is on the 14th; bring a chair and a dish to share."),
    ("instagram-post", "Hey friends, the spring glaze batch is out of the kiln and the blue one cracked."),
    ("comment", "Hi there, the second chart has the axes swapped; the 2019 values are on the wrong side."),
]


@pytest.mark.parametrize(("channel", "text"), ORDINARY, ids=[f"np-ordinary-{i}" for i in range(len(ORDINARY))])
def test_ordinary_one_to_one_text_gets_no_judgment_finding(ruleset: RuleSet, channel: str, text: str) -> None:
    found = judgment_findings(ruleset, channel, text)
    assert found == [], f"ordinary text flagged: {found}"


def test_every_channel_is_covered() -> None:
    assert uncovered(ORDINARY) == []
