"""Comments that open with stock praise and then say something of their own, and posts that
announce news while handing the reader the thing itself.

"Great post, thanks for sharing!" is how people start replies too; what makes a comment a
template is that nothing follows. A post that is excited about a paper and gives away its
data, or thrilled about a community orchard, is news for the reader. These drafts must draw
no judgment finding, and the same words turned into the habit must still fire. Written for
this test; none comes from a corpus.
"""

from __future__ import annotations

from ordinary import near_habit_test, no_judgment_test

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    ("comment", "Great post, thanks for sharing! We hit the same cache stampede and added jitter to the TTLs."),
    ("comment", "Thanks for sharing this. Great write-up. I disagree on point 3 though: our on-call got worse with more alerts."),
    ("comment", "Great article, very well written. I tried the second recipe with oat milk and it split, any tips?"),
    ("comment", "Love this, keep it up! My daughter did the same science fair project and the volcano still lives on our balcony."),
    ("comment", "Great post! Keep it up. The flag you mention is documented at docs.example.org/flags"),
    ("comment", "Thank you so much for posting this. My mum was diagnosed last month and this is the first explanation that made sense to her."),
    ("comment", "Great thread. Small correction: the 2019 figure was 41%, not 14%."),
    ("comment", "Well said. I'd add that the same goes for code review: ask before you suggest."),
    ("comment", "Followed your recipe last night and it was a hit. Next time I'll use less salt."),
    ("comment", "Check the pinned comment, the organiser posted the new start time there."),
    ("comment", "I run a small bakery and the tip about cold retarding changed our mornings. Thank you!"),
    ("comment", "Is there a Discord for this mod? I'd join it to ask about the save bug."),
    ("comment", "She would be a great ambassador for the sport; the kids at our club adore her."),
    ("comment", "I made a video about this exact bug last year; the fix is at 3:20 if it helps."),
    ("comment", "Your question about proofing: my notes cover it, I'll paste them below."),
    ("linkedin-post", "I'm excited to share that our paper on low-resource translation was accepted. The code and the 12k-sentence test set are public: github.com/lab/yo-mt"),
    ("linkedin-post", "Thrilled to announce that the city approved our community garden! Planting day is 4 May, bring gloves."),
    ("linkedin-post", "Honoured to be asked to judge the regional science fair again. Last year's winner built a water filter from sand and charcoal."),
    ("linkedin-post", "New blog post: how we cut our AWS bill by 38% by moving cron jobs to spot instances. No signup, just the numbers and the Terraform."),
    ("x-post", "Tell me your favourite underrated sci-fi novel and one sentence on why. I need a list for my flight."),
    ("x-post", "Our library now lends power tools! Drills, sanders and a tile cutter, free with a library card."),
    ("instagram-post", "New in the shop: linen aprons in three colours. Each one takes me about two hours to sew, and the pockets are deep enough for a phone."),
    ("instagram-post", "Closed today, the oven broke. Back tomorrow with sourdough."),
    ("facebook-post", "Our daughter Lily was born on Tuesday, 3.2 kg, and everyone is healthy and exhausted."),
    ("cold-email", "Hi Marco,\n\nI run the ops team at a 40-person bike courier firm in Bristol. Your talk at Logistics Live mentioned routing by cargo weight. Is the open-source version ready for others to try?\n\nThanks,\nElla"),
]

# (code, channel, text): the same words turned into the habit still fire.
HABITS: list[tuple[str, str, str]] = [
    ("AU312", "comment", "Great post! Very informative. Keep it up. Visit us: bestloans.com"),
    ("AU311", "comment", "Thanks for sharing!! Regards, Cheap Flights Online"),
    ("SP609", "comment", "Love your feed! We'd love to collab, DM us"),
    ("SP609", "comment", "Send your pics to @glowshop_ambassador to be featured!"),
    ("SP641", "comment", "Congrats! If you ever need a web developer, I'm available for freelance work."),
    ("SP641", "comment", "Come join my Discord, we talk about this all day"),
    ("SP641", "comment", "Our app solves this in one click, try it free at app.example.com"),
    ("SP602", "comment", "I made $15k trading with her in a month, contact her, she is legit"),
    ("SP101", "linkedin-post", "I'm excited to share that our paper was accepted at ACL! So proud of the team."),
    ("SP131", "instagram-post", "Our cafe is the best in town, come taste the difference"),
    ("EB126", "facebook-post", "99% of people can't answer this. Can you?"),
    ("SP606", "comment", "I made a video about this, check it out on my channel"),
    ("SP601", "comment", "My podcast covers this, link in bio"),
    ("SP120", "comment", "Follow my page for more on this topic"),
]

test_ordinary_comments_get_no_judgment_finding = no_judgment_test(ORDINARY, "comments-ordinary")
test_the_habit_in_the_same_words_still_fires = near_habit_test(HABITS)
