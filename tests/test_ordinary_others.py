"""Other people's news and a neighbour's invitation, told in the words of launches and teasers.

"The new Zelda is out", "this café is the best in town", "Stripe just launched a new billing
API", "something big is coming to our village hall on Friday: a free film night": the launch,
the superlative and the teaser are about someone else's work, or they give the reader the
thing itself; "watch my sister's channel" recommends someone else. Self-promotion is about the writer's own offer, so these must draw no judgment
finding. Written for this test; none comes from a corpus.
"""

from __future__ import annotations

from ordinary import near_habit_test, no_judgment_test

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    ('x-post', "The new Zelda is out and I haven't slept. The water temple alone is worth it."),
    ('x-post', 'Just finished the new Sally Rooney. The last chapter wrecked me.'),
    ('linkedin-post', 'Congratulations to the Postgres team on shipping version 17; the incremental backup feature will save us hours.'),
    ('linkedin-post', 'Huge congrats to my former manager Dana on her new role at Globex. She taught me to write a decision memo.'),
    ('linkedin-post', 'Stripe just launched a new billing API. The migration guide is good; the webhook changes are the part to watch.'),
    ('linkedin-post', "Apple's new chip is impressive, but the real story is the memory bandwidth. Here's the benchmark I ran."),
    ('facebook-post', 'The new bakery on Elm Street is amazing! Their cinnamon buns sell out by 10, go early.'),
    ('instagram-post', "This café is the best in town, hands down. The owner remembers everyone's order."),
    ('x-post', "Go listen to the new Big Thief album, it's on every streaming service and it's gorgeous."),
    ('linkedin-post', "My friend Sam's startup just raised its seed round. Proud of you! Their tool cut our invoicing time in half."),
    ('x-post', 'Wow, the new iPhone is out already? Mine still works fine.'),
    ('linkedin-post', "The city's new cycling plan is live, with a map of every route. Feedback closes Friday."),
    ('facebook-post', "Our neighbour's daughter won the county spelling bee! So proud of her."),
    ('linkedin-post', 'My wife just got promoted to head nurse. Nobody works harder.'),
    ('instagram-post', 'Limited edition poppies from the Royal British Legion are in the post office, all proceeds to veterans.'),
    ('instagram-post', "Stay tuned for part two of the garden series: next week I'm planting garlic and I'll show how deep the cloves go."),
    ('instagram-post', 'Big news for the street: the council is finally fixing the potholes on Elm Road next week!'),
    ('facebook-post', 'Something big is coming to our village hall on Friday: a free film night for the kids, bring cushions.'),
    ('facebook-post', 'Who wants to make pancakes with the Scouts on Tuesday? Bring a pan!'),
    ('facebook-post', "Ask me how the allotment waiting list works, I've been through it twice."),
    ('instagram-post', 'Grand opening of the community fridge is Saturday at 10; bring tins, take what you need.'),
    ('linkedin-post', 'Please join us in welcoming the new apprentices at the depot on Monday; breakfast is on us.'),
    ('linkedin-post', 'Happy retirement to Sue, who ran our night desk for 30 years and taught half of us to write headlines.'),
    ('comment', "I'm a freelance translator too; the glossary tip is gold, we do the same for medical terms."),
    ('comment', 'Hop into the comments of the last post, someone posted the fix for the Android crash there.'),
    ('x-dm', 'Thanks for following back! Loved your photo of the Whitby harbour at dawn.'),
    # a relative's or a friend's work, recommended
    ('comment', "Check out my friend's shop on Elm Street, she restores chairs like this for a fair price."),
    ('comment', "You should watch my sister's channel, she did the same repair last month and filmed every step."),
    ('linkedin-post', "Please support my daughter's lemonade stand this Saturday, all money goes to the animal shelter."),
    ('x-post', 'Go follow my colleague @dana_lee, her threads on queue theory are the best on here.'),
    ('facebook-post', "Visit my mum's new website for her knitting patterns, she's 78 and built it herself!"),
    ('comment', "Listen to my dad's old band on Spotify if you want to hear what Leeds sounded like in 1979."),
    ('instagram-post', "Shop my neighbour's stall at the Sunday market, her plum jam is the best in town."),
    ('linkedin-dm', "Hi Ravi, you asked for a bookkeeper: my cousin's firm does exactly that for small charities, here's her email if useful."),
]

# (code, channel, text): the same words about the writer's own offer still fire.
HABITS: list[tuple[str, str, str]] = [
    ("SP101", "x-post", "Our new app is out now on iOS!"),
    ("SP635", "x-post", "The all-new Breeze 3 is here. Lighter, faster, quieter."),
    ("SP635", "linkedin-post", "Big things are coming soon. Stay tuned 👀"),
    ("SP626", "x-post", "Just dropped a new episode of my podcast, go listen wherever you get your podcasts!"),
    ("SP131", "instagram-post", "Our cafe is the best in town, come taste the difference"),
    ("SP610", "facebook-post", "Come see us on Main Street! Grand opening specials all weekend."),
    ("SP103", "facebook-post", "Who wants to drop 2 stone before the holidays? Message me!"),
]

test_others_news_gets_no_judgment_finding = no_judgment_test(ORDINARY, "others-ordinary")
test_the_habit_in_the_same_words_still_fires = near_habit_test(HABITS)
