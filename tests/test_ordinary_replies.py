"""Replies and posts that mention the writer's own work, firm or shop and still sell nothing.

A comment from someone who runs a bakery, sells at a market or offers the same perk at work
says so to add to the thread ("I sell at the same market on Sundays"), and a post about a
growing team can ask the readers what worked for them. The self-promotion and comment-spam
rules read the writer's own things; these drafts name theirs and must draw no judgment
finding. Written for this test; none comes from a corpus.
"""

from __future__ import annotations

from ordinary import near_habit_test, no_judgment_test

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    ('comment', 'We tried this at our school last term and the kids loved it.'),
    ('comment', 'I run a small bakery and this matches what we see: Saturdays sell out by ten.'),
    ('comment', 'Our team switched to trunk-based development last year; the hardest part was feature flags.'),
    ('comment', 'I wrote something similar after our outage, happy to compare notes if useful.'),
    ('comment', 'My channel is tiny, but the same thing happened to me: views dropped after the update.'),
    ('comment', 'Great point about onboarding. How long did the first week take for new hires?'),
    ('comment', 'We offer the same perk at our company and almost nobody uses it. Any idea why?'),
    ('comment', 'I make my own pasta too, the trick is resting the dough.'),
    ('comment', 'Congrats Priya! Well deserved after that launch.'),
    ('comment', 'Following this thread, we have the same problem with flaky tests.'),
    ('comment', 'I sell at the same market on Sundays, your stall always has the best bread.'),
    ('comment', 'Check out the docs page on retries, it covers exactly this case.'),
    ('comment', "Subscribe to the RSS feed if you don't want to miss the release notes, it's the only reliable way."),
    ('comment', 'Agreed. Our shop saw the same dip in November.'),
    ('linkedin-post', 'We shipped dark mode today. It took three tries; here is what we got wrong the first two times.'),
    ('linkedin-post', "Our team is growing, and we're still figuring out how to keep code review fast. What worked for you at 20 engineers?"),
    ('linkedin-post', "I passed my driving test on the fourth attempt. If you're on attempt three, keep going: the examiner changes, the roads don't."),
    ('instagram-post', 'Our allotment gave us 12 kilos of tomatoes this year. Recipe for the green ones in the caption below.'),
    ('facebook-post', 'The bake sale raised £412 for the school library. Thank you to everyone who baked or bought!'),
    ('x-post', 'Reminder: the meetup moved to Thursday this week, same room.'),
    ('linkedin-dm', "Hi Marco, thanks for the intro to Dana. I'll send her the draft tomorrow."),
    ('cold-email', "Hi Ana,\\n\\nI run the tenants' association at 14 Elm Road. The lift has been broken since March; could your office send someone this week?\\n\\nThanks,\\nLee"),
    ('linkedin-connect', 'Hi Sam, we met at the Leeds data meetup last week, you asked about dbt tests. Happy to connect.'),
    ('x-dm', 'Hey, saw your thread on sourdough hydration, what flour do you use?'),
    ('comment', 'If anyone needs a lift to the meetup from the station, message me, I have two seats.'),
    ('comment', 'The food bank has openings for volunteers this week, the Saturday shift is the quietest.'),
    ('comment', 'Your new album is out and it has not left my car stereo since, the last track especially.'),
    ('comment', 'Honestly, I do most of my own repairs too, it is cheaper and the parts are easy to find.'),
]

# (code, channel, text): the same words turned into the habit still fire.
HABITS: list[tuple[str, str, str]] = [
    ("SP120", "comment", "I sell handmade soap online, cheaper than the shops. Link in my bio."),
    ("SP120", "comment", "We offer the same service for half the price, message me."),
    ("SP120", "comment", "Need a logo? I design them at fair rates, DM me."),
    ("SP120", "comment", "We solve exactly this at Ledgerly, let's chat!"),
    ("SP120", "comment", "If anyone needs a menu designed, message me, I do them cheap."),
    ("SP120", "comment", "Same! I have a few openings for new clients this month, by the way."),
    ("SP120", "comment", "Love this set. My new single drops Friday, go pre-save it!"),
    ("SP622", "instagram-post", "Buy my new zine today, only 50 printed!"),
    ("SP622", "linkedin-post", "Just published: my guide to pricing freelance work."),
]

test_ordinary_replies_get_no_judgment_finding = no_judgment_test(ORDINARY, "replies-ordinary")
test_the_habit_in_the_same_words_still_fires = near_habit_test(HABITS)
