"""Ordinary text in the forms scrapes and apps hand over must get no judgment finding.

The document model now reads a post wrapped in quotes, HTML line tags, emoji glued to a
question and slashed numbers the way a reader does, and the help-request guard reads a plea
rather than the words "lost" or "found". Each change lets rules read text they could not
before, so this list holds ordinary drafts of every channel in exactly those forms (wrapped,
with <br>, with "lost"/"found" in a brag-free sense, near the new engagement-plea shapes) that
must stay clean. Every text is written for this test; none is copied from any corpus.
"""

from __future__ import annotations

from ordinary import no_judgment_test

ORDINARY: list[tuple[str, str]] = [
    # a whole post in quotes, as a scrape exports it
    ("linkedin-post", '"We moved the standup to 9:30 so the Lisbon team can join. Notes stay in the same doc."'),
    ("instagram-post", '\u201cFirst frost on the allotment this morning, the kale loved it.\u201d #garden'),
    ("comment", '"The second chart answers my question, the p99 drops after the cache change. Thanks for the numbers."'),
    ("facebook-post", '"The library book sale moves to Sunday because of the storm. Same hall, same hours."'),
    # HTML line tags from scrapes
    ("linkedin-post", "Three things from the migration:<br>1. Back up first.<br>2. Test the restore.<br>3. Tell support before you start."),
    ("x-post", "<p>Trains to Leeds are running again.</p><p>Platform 4 for the 10:15.</p>"),
    ("cold-email", "Hi Ana,<br><br>Your PyCon talk on queue back-pressure fixed a bug in our billing worker. Would a 2-line summary of what we changed be useful for your follow-up post?<br><br>Best,<br>Kim"),
    ("follow-up-email", "Hi Dana,<br><br>The audit you asked for is attached: 14 of the 80 pages lack alt text, listed by template.<br><br>Kim"),
    # emoji glued to a question or an exclamation, slashed numbers
    ("linkedin-post", "Would you hire a junior who shipped two open-source tools?\U0001f914 I would, and here is the rubric we use."),
    ("instagram-post", "Open 24/7 over the holidays!\U0001f384 The night bus stops right outside."),
    ("x-post", "Our offices close on 9/11 at noon so staff can attend the memorial service."),
    ("dm", "Can you do 12/05 instead?\U0001f64f The venue double-booked the 11th."),
    # "lost", "found", "donor", "missing" in their ordinary senses
    ("linkedin-post", "We lost the Henderson bid, and the debrief taught us more than the wins did: our pricing page hid the setup fee."),
    ("comment", "I found the answer in your second link, the timeout is per request, not per batch."),
    ("facebook-post", "Lost dog found! Bo is home, thank you to everyone who looked along the river path."),
    ("linkedin-post", "What am I missing in this retention chart? The March cohort looks too good to be true."),
    # near the engagement-plea shapes: feedback, credit, co-op shares, directions
    ("linkedin-post", "I'd love your feedback on the draft policy before the board meets on Friday."),
    ("linkedin-post", "Your comments on the first draft helped us cut the onboarding guide in half."),
    ("facebook-post", "Each share in the bakery co-op means one vote at the spring meeting."),
    ("instagram-post", "Double tap the photo to zoom in on the stitching; the pattern is in the shop."),
    ("instagram-post", "Send it to your printer as a PDF, not a JPEG, or the colours shift."),
    ("facebook-post", "Let me know by Friday and I'll send the final rota to the choir."),
    ("comment", "Comment below with your questions and I'll answer them in Thursday's live session."),
    ("linkedin-dm", "Hi Omar, let me know which day suits and I'll send the room booking; the demo kit is ready."),
    ("x-dm", "Thanks for the pointer to the changelog, the breaking change was on line 40."),
    # a lead clause or a word set off by a comma, then an ordinary imperative
    ("linkedin-post", "Before you sign, share the contract with a lawyer you trust."),
    ("facebook-post", "When the fire alarm sounds, follow the stewards to the car park."),
    ("instagram-post", "Once it cools, save the jar of starter for next week's loaf."),
    ("linkedin-post", "Honestly, like most teams, we underestimated the migration."),
    ("facebook-post", "Friends, type your names on the sign-up sheet at the door."),
    ("x-post", "Since you asked, tag releases with the date so the changelog sorts."),
]


test_ordinary_text_in_scraped_forms_gets_no_judgment_finding = no_judgment_test(ORDINARY, "ordinary-form")


def test_the_list_covers_every_channel() -> None:
    channels = {channel for channel, _ in ORDINARY}
    for channel in ("comment", "cold-email", "linkedin-post", "follow-up-email", "instagram-post",
                    "x-post", "facebook-post", "dm", "linkedin-dm", "x-dm"):
        assert channel in channels, channel
