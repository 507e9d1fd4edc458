"""Appeals, invitations and replies that use the words of engagement bait for their own ends.

A missing dog ("please share and check your sheds"), a job to fill ("if you know someone
great, tag them"), a post that mocks "like if you agree", a commenter asking for the recipe
or to be tagged in part two, a council's alert: each says share, tag, follow or subscribe and
none farms reach. They must draw no judgment finding. Written for this test; none comes from
a corpus.
"""

from __future__ import annotations

from ordinary import near_habit_test, no_judgment_test

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    ('facebook-post', 'Please share far and wide: my brother Dan has been missing since Friday night, last seen in a blue hoodie near the pier. Call 999 if you see him.'),
    ('facebook-post', "Urgent: O-negative blood donors needed at St James's this week. Please share with anyone who can give."),
    ('facebook-post', "Our dog Pepper escaped during the fireworks. She's chipped and shy. Please share and check your sheds!"),
    ('facebook-post', 'Free to a good home: two kittens, litter trained. Comment or message me if you can take one.'),
    ('linkedin-post', 'My team is hiring a junior designer. If you know someone great, please tag them or share this; we read every application.'),
    ('linkedin-post', "I was laid off today along with 40 colleagues. If your team is hiring data engineers, I'd be grateful for a referral or a share."),
    ('x-post', 'People who end every post with "like if you agree" are training us all to skim. Write the thing worth liking.'),
    ('x-post', 'My kid just asked me what "smash that like button" means. I explained YouTube. She\'s not impressed.'),
    ('linkedin-post', "A reader asked how we priced our first product. Short answer: we didn't, a customer did. Long answer in the comments."),
    ('comment', "You asked about the export bug: there's a workaround in the issue tracker, comment 14 has the script."),
    ('comment', 'Our library runs a free version of this course every spring, signup at the front desk.'),
    ('comment', "Subscribe to the council's alerts page if you live on the river, they text before the barriers go up."),
    ('comment', 'Follow the signs for the east car park, the main one is closed for the fair.'),
    ('comment', 'Share the recipe please! My mum would love it.'),
    ('comment', 'Tag me when the second part is out, I want to try it with my class.'),
    ('linkedin-dm', "Hi Ana, following up on our chat at the conference: here's the paper on hospital queues I mentioned, and the author is happy to talk."),
    ('follow-up-email', 'Hi Ana,\n\nCircling back as promised with the two quotes. Supplier B is 12% cheaper but ships in six weeks, not two.\n\nBest, Tom'),
    ('cold-email', 'Hi Ana,\n\nYour reply to my question on the Postgres list last week saved me a day. I wrote up the fix on our wiki and credited you; would you mind if I also posted it publicly?\n\nThanks, Tom'),
    ('x-dm', 'Thanks for following back! Your thread on tram timetables is why I followed; do you know if the night service returns in spring?'),
    ('instagram-post', "Link in bio is the fundraiser for my neighbour's roof after the storm. Every bit helps, thank you."),
    ('instagram-post', "Our little shop is closing after 22 years. Thank you for every cup of tea and every chat. We'll miss you."),
    ('linkedin-post', "What's one thing you wish your manager had told you in your first month? I'm writing our onboarding guide and will credit every idea I use."),
    ('facebook-post', 'Vote in the council election on Thursday! Polling stations are open 7am to 10pm.'),
    ('x-post', 'RT @cityfire: Road closed at Elm St due to a gas leak. Use Oak Ave instead.'),
    # errands between people already tied, with the pleasantries and apologies people use
    ('linkedin-dm', "Hi Tom, hope you're well! Quick question about the handover doc: is the Q3 tab the final one?"),
    ('dm', 'Hey! Just checking in after your surgery, how are you feeling? Soup is in your fridge.'),
    ('follow-up-email', 'Hi Dana,\n\nJust following up on the invoice from March 3 (#2231, £480): our bank shows it unpaid. Could you check with accounts?\n\nThanks, Lee'),
    ('cold-email', "Hi Mr. Patel,\n\nI hope this email finds you well. I'm the parent of Aisha in 4B; she left her inhaler in the PE changing room on Tuesday. Could someone check the lost property?\n\nThank you,\nNadia"),
    ('follow-up-email', 'Hi Jo,\n\nSorry to bug you again! The venue needs final numbers by Friday, could you confirm whether your two guests are coming?\n\nBest, Kim'),
    ('x-dm', 'Hey, hope all is well! Is your offer of the spare bike rack still open? I can collect Saturday.'),
]

# (code, channel, text): the same words turned into the habit still fire.
HABITS: list[tuple[str, str, str]] = [
    ("EB102", "linkedin-post", "Share this with a founder who is hiring."),
    ("EB103", "facebook-post", "Tag a friend who always loses their keys 😂"),
    ("EB120", "facebook-post", "Like and share if you love dogs!"),
    ("EB105", "linkedin-post", "Endorse me for SQL and I'll endorse you back!"),
    ("EB124", "comment", "Can I get a shoutout? Been here since the first video!"),
]

test_appeals_and_invitations_get_no_judgment_finding = no_judgment_test(ORDINARY, "appeals-ordinary")
test_the_habit_in_the_same_words_still_fires = near_habit_test(HABITS)
