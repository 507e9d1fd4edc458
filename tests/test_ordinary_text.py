"""Ordinary people's texts must get no judgment finding at all.

Chat messages, comments on a video, a friend's birthday post, help requests, posts that talk
*about* bait, quotes of bad drafts: a linter that flags these teaches users to ignore it. Each
text runs through the same per-draft function as the CLI, with the channel it would be sent
on, and must get no finding of any of the seven judgment families (readability, length and
grammar are out of scope here).
"""

from __future__ import annotations

from ordinary import no_judgment_test

# (channel, text). Written for this test; none is copied from the evaluation corpus.
ORDINARY: list[tuple[str | None, str]] = [
    # chat messages
    ("dm", "hey are we still on for tacos tonight? I can pick you up at 7"),
    ("dm", "lol I love it when the dog does that. send more pics!!"),
    ("dm", "Just wanted to check in and see how you're feeling after the surgery. Need anything from the store?"),
    ("dm", "I'M FREE TONIGHT IF YOU WANT TO GRAB DINNER"),
    ("dm", "Can you share the wifi password again? The one on the fridge is old."),
    ("dm", "Did you get my last message about Saturday? Mom wants to know if you're bringing the salad."),
    (None, "Thanks for the follow-up, Dad. I'll call the insurance people on Monday."),
    # comments on a video or a post
    ("comment", "The part at 4:12 where he explains the clutch finally made it click for me. Thank you!"),
    ("comment", "My grandma used to make these exactly like this, with the extra nutmeg. Brought back memories."),
    ("comment", "Does this work on the 2019 model too? Mine has a different bracket behind the panel."),
    ("comment", "Great video. Which microphone do you use? The audio is so clean."),
    ("comment", "@jenna this is the hike we talked about!"),
    ("comment", "I tried the recipe last night and the sauce split. Any idea what I did wrong?"),
    # a friend's birthday post, family news
    ("facebook-post", "Happy birthday to the best sister ever! 🎂 Can't believe you're 30. Love you to the moon."),
    ("facebook-post", "We're thrilled to announce the arrival of baby Leo, 7 lb 2 oz, on Tuesday morning. Mom and baby are doing great!"),
    ("instagram-post", "Sunday pancakes with the crew 🥞 #brunch #sundayfunday"),
    ("x-post", "RIP to my old laptop. Seven years, two continents, one coffee spill too many."),
    # help requests, missing pet, fundraiser
    ("facebook-post", "Please share: our cat Miso went missing near Elm Park on Friday. Grey tabby, blue collar. Call 555-0142 if you see her."),
    ("facebook-post", "Our neighbour's house burned down last night. Please share the fundraiser so they can find a place to stay: every bit helps."),
    ("linkedin-post", "Looking for advice: has anyone moved a 20-person team from Jira to Linear? What broke first?"),
    ("facebook-post", "Can anyone recommend a pediatric dentist in Springfield who is good with nervous kids?"),
    # posts that write ABOUT a habit
    ("linkedin-post", "Begging for shares is annoying, and posts that end with 'repost if you agree' get demoted anyway."),
    ("linkedin-post", "I hate posts that say tag a friend who needs this. Just tell me why it matters."),
    ("x-post", "Every spam email I get says FREE in the subject line and promises guaranteed results. Delete."),
    ("linkedin-post", 'Pet peeve: recruiters who write "as per my last email" to people who never got the first one.'),
    # quotes of bad drafts, in a blockquote
    ("linkedin-post", "A stranger sent me this today:\n\n> Thanks for connecting! Check out my course and follow me for more.\n\nPlease don't do this."),
    ("linkedin-post", "The worst post I saw this week:\n\n> Comment YES below and like this if you agree!\n\nWe can do better."),
    # everyday work messages
    ("cold-email", "Hi Priya,\n\nYour PyCon talk on vacuum tuning changed how we size our autovacuum workers. Did you keep the 0.05 scale factor in production?\n\nThanks,\nSam"),
    ("follow-up-email", "Hi Marco,\n\nFollowing up on our call Tuesday: here are the three pricing options you asked about, with the annual discount worked out.\n\nBest,\nAna"),
    ("linkedin-post", "Proud of my team this quarter: Priya cut our build time from 14 to 6 minutes by caching the test fixtures. Write-up on how she did it is below."),
    ("linkedin-post", "I believe AI can be a game-changer in the classroom, but only if teachers get the time to learn it."),
    ("x-post", "The verdict on the new bike lane: ten minutes faster to work, and nobody honked at me."),
    # more of every channel, written for the shape rules' guards
    ("dm", "Great to see you yesterday! Did you get home before the storm hit?"),
    ("dm", "Thanks for the follow-up on the lease, I signed it this morning."),
    ("x-dm", "Thanks for the heads-up about the train strike, I'll drive instead."),
    ("comment", "Thanks, this fixed it! I was missing the trailing slash in the base URL."),
    ("comment", "I wrote up how we solved the same timeout in our Rails app: the fix was raising the pool size, details in the second half of my post about it."),
    ("comment", "Which version of the SDK were you on when this started? We only see it on 4.2."),
    ("comment", "Replying to Dana: yes, the Tuesday session is recorded, the link goes out Friday."),
    ("comment", "Sharing this with my team because we hit the exact same migration bug last week, the rollback section is gold."),
    ("facebook-post", "FOUND: a grey cat with a blue collar near Oak Street school. Please share so the owner sees it!"),
    ("facebook-post", "Our blood drive is Saturday 9-3 at the community hall. O-negative donors especially needed, please share."),
    ("linkedin-post", "Posts that end with 'comment YES for the guide' are engagement bait, and the algorithm has started demoting them."),
    ("linkedin-post", "What is the one onboarding step you would never cut? Ours is the first-week pairing session, curious what yours is."),
    ("linkedin-post", "Three years ago we moved our billing to event sourcing. Here is what broke, what held up, and the two queries I wish we had written on day one."),
    ("linkedin-post", "I don't ask anyone to like or share my posts; if a post helps, people pass it on anyway."),
    ("x-post", "If you ran the 10k this morning in that heat: water stations 3 and 4 ran dry, the organisers say they will add more next year."),
    ("instagram-post", "Morning light on the harbour, shot on a 20-year-old film camera my grandfather left me."),
    ("cold-email", "Hi Marta,\n\nYour talk at PyCon on streaming joins answered a question my team argued about for a month. Could I ask one follow-up: did you keep the watermark per partition?\n\nThanks,\nLeo"),
    ("follow-up-email", "Hi Marta,\n\nThanks for the notes you sent after our call. We tried the per-partition watermark and late events dropped by 80%. Attaching the chart in case it is useful for your next talk.\n\nLeo"),
    ("linkedin-connect", "Hi Omar, we were both on the panel at the Leeds data meetup in March; I'd like to stay in touch about the open-source ETL work you mentioned."),
    ("linkedin-dm", "Hi Priya, congratulations on the new role at Fernbank! Your post about mentoring juniors stuck with me, and I'd love to hear how you set up the pairing rota."),
]


test_ordinary_text_gets_no_judgment_finding = no_judgment_test(ORDINARY, "ordinary")


def test_the_list_is_big_and_varied() -> None:
    assert len(ORDINARY) >= 25
    assert len({channel for channel, _ in ORDINARY}) >= 6
