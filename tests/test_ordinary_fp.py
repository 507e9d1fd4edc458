"""Ordinary drafts that other engineers found drawing a judgment finding get none.

Each is a draft a person writes: a follow-up that carries news (a change, or a plain
statement of when or where), a reminder of a fact, an opt-out about this one message, a
thank-you inside an exchange, a thanks for the follow that names a thing of the reader's
(their photos from a named trip, their talk at a named meetup), a student's specific
question, a commenter's own role or family tie, a customer asking about the reader's own
offer. Each near miss is paired with the habit in the same words, which must still fire, so
the guards stay narrow. All were written for this test; none comes from a corpus.
"""

from __future__ import annotations

from collections import Counter

import pytest

from ordinary import codes_drawn, near_habit_test, no_judgment_test
from sociable.ruleset import RuleSet

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    # follow-ups that say something new: a change, a decision, a need (AU104, AU120, AU301, GP201, GP202)
    ("follow-up-email", "Following up on my last email, the printer moved our slot to Tuesday morning."),
    ("follow-up-email", "Quick reminder that the car park is closed on Friday, so use the side gate."),
    ("follow-up-email", "circling back on the intern question: Priya says yes, she starts in June."),
    ("dm", "circling back on the intern question: Priya says yes, she starts in June."),
    ("follow-up-email", "Sorry to bother you again, my landlord needs the reference letter by Thursday."),
    ("linkedin-dm", "Following up on my earlier note: the venue cancelled, so the dinner is at Rosa's now."),
    ("x-dm", "Sorry to bug you, the vet confirmed the cat is fine to fly on Monday."),
    ("follow-up-email", "Hi Lee,\n\nA friendly reminder that the office is closed on Monday for the bank holiday.\n\nJo"),
    # a thanks for connecting that names them and goes on an exchange (NP105)
    ("linkedin-dm", "Thanks for connecting, Sam! As you suggested at the meetup, here is the deck we talked about."),
    ("x-dm", "Thanks for connecting, Ines! The print shop you asked about at the zine fair is Inkwell on Park Street."),
    # a student who found no name, asking about what the reader did (NP101)
    ("dm", "Hi there, I'm a student at Leeds writing about heat pumps. How did you measure the drop in your March bills?"),
    ("cold-email", "Hi there,\n\nI'm a student at Leeds writing about heat pumps. How did you measure the drop in your March bills?"),
    ("cold-email", "Hello,\n\nI read the survey on your allotment site. Which seed potatoes did you plant in your clay beds?"),
    # a commenter's own job, said to add a point (SP602)
    ("comment", "As an investment manager I'd add one thing: the fees compound too."),
    ("comment", "As a retired mortgage broker, I've seen this clause trip up first-time buyers."),
    # a customer asking about the reader's own offer (SP121)
    ("dm", "Hi! The discount code from your newsletter failed at checkout, can you check?"),
    ("comment", "the discount code from your newsletter failed at checkout, can you check?"),
    ("comment", "Is your student discount code still valid for the spring workshop?"),
    # praise with the commenter's own family tie to what is shown (GP306)
    ("comment", "Such a lovely photo, thank you for posting it. That bakery was my grandad's."),
    ("comment", "Beautiful picture, thanks for sharing. My mum worked in that mill."),
    # a title before the surname is how people greet a coach or a director, not a merged full name (AU314)
    ("cold-email", "Hi Director Okafor,\n\nThe budget table you asked for on Monday is attached."),
    ("cold-email", "Hi Coach Miller,\n\nTheo can't make Saturday's match; he has a fever."),
    # the same near misses typed the way people type: no question mark, a filler word (AU101, AU316, SP602)
    ("x-dm", "Thanks for the follow! Your photos from the Lisbon trip are lovely, which lens was that"),
    # a thanks for the follow, then a thing only this reader's profile gives: their photos from a
    # named trip, their talk at a named meetup (AU101, AU121)
    ("x-dm", "Thanks for the follow! Your harbour photos from the Whitby trip made my week."),
    ("dm", "Thanks for the follow. Your Whitby photos are stunning."),
    ("x-dm", "thanks for the follow! your harbour photos from the whitby trip made my week"),
    ("linkedin-dm", "Thanks for connecting! Your talk at LeedsJS on service workers was the best of the night."),
    ("x-dm", "Thanks for following! Your recipe for the Bakewell tart worked first time for me."),
    # a follow-up whose news is a plain statement of when or where (AU104, AU120, AU301, GP201, GP202)
    ("follow-up-email", "Hi Dana, following up on my note: the reading group is now on Wednesdays, same room."),
    ("follow-up-email", "Following up on my last email, the workshop will be in Room 4 this time."),
    ("follow-up-email", "Circling back on the rota: practice starts at 6pm on Thursdays now."),
    ("linkedin-dm", "Following up on my message: the meetup is now at the Crown, upstairs."),
    ("cold-email", "Hi Jordan,\n\nI really used the free trial of your scheduler; the discount code from your newsletter failed at checkout. Is it still valid?"),
    ("comment", "Why do people still buy followers Does it ever help a small shop"),
]


test_ordinary_text_gets_no_judgment_finding = no_judgment_test(ORDINARY, "fp-ordinary")


def test_every_channel_is_covered() -> None:
    channels = Counter(channel for channel, _ in ORDINARY)
    for channel in ("dm", "linkedin-dm", "x-dm", "follow-up-email", "cold-email", "comment"):
        assert channels[channel] >= 1, channel


test_the_near_habit_still_fires = near_habit_test(
    [
        # the same openers with nothing new still fire
        ("AU104", "follow-up-email", "Following up on my last email, are you free this week?"),
        ("AU120", "follow-up-email", "circling back on the intern question."),
        ("AU301", "follow-up-email", "Quick reminder about my proposal below."),
        ("AU301", "follow-up-email", "Sorry to bother you again, did you get a chance to read my note?"),
        ("AU301", "follow-up-email", "Hi Dana,\n\nThis is my last email. If you're not interested, I won't contact you again."),
        ("GP201", "follow-up-email", "Sorry to bother you again. Any update?"),
        ("NP105", "linkedin-dm", "Thanks for connecting! Let me know if you need a web designer."),
        ("NP101", "cold-email", "Hi there,\n\nWe help dentists get more patients. Are you free for a call?"),
        ("SP602", "comment", "My investment manager Mrs Grant doubled my savings, contact her on WhatsApp."),
        ("SP121", "comment", "Use code SPRING20 at checkout for our new candles."),
        ("GP306", "comment", "Such a lovely photo, thank you for posting it."),
        ("AU314", "cold-email", "Hey Jordan Blake,\n\nQuick question about your store."),
        ("AU101", "x-dm", "Thanks for the follow! Grab my free guide here."),
        # template auto-DMs: 'your tweets' and a platform name say nothing only this reader gives
        ("AU101", "x-dm", "Thanks for the follow! Check out my free ebook at example.com"),
        ("AU121", "x-dm", "Thanks for following, looking forward to your tweets"),
        ("AU101", "x-dm", "Thanks for the follow! Loved your posts on LinkedIn, connect with me there too."),
        ("AU102", "x-dm", "Thanks for the follow! Loved your Instagram posts, follow me there too."),
        # bumps with no fact in them, a date of the earlier mail included
        ("AU301", "follow-up-email", "Just following up on my last email."),
        ("GP201", "follow-up-email", "Following up: any thoughts?"),
        ("AU120", "follow-up-email", "Circling back on this, did you get a chance to look?"),
        ("AU104", "follow-up-email", "Just following up on my email from Tuesday."),
        ("GP202", "follow-up-email", "Hi Dana, following up on my note. Any thoughts?"),
        ("SP602", "comment", "Buy real followers cheap, message me."),
    ],
)


@pytest.mark.parametrize(
    ("code", "channel", "text"),
    [
        # an opt-out about this one message in a first email: not a bump of an earlier one
        ("AU301", "cold-email", "Hi Dana,\n\nWe make payroll software. If it's not for you, just delete this email and I won't contact you again."),
        # a lost-and-found note no longer needs the help-request words to stay quiet
        ("AU301", "comment", "Found a black dog by the canal, in case you missed my post: he is at the vet on Mill Road."),
    ],
)
def test_the_rule_stays_silent(ruleset: RuleSet, code: str, channel: str, text: str) -> None:
    assert code not in codes_drawn(ruleset, channel, text)
