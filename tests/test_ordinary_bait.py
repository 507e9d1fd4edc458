"""Near-misses of engagement bait, pitch-on-connect and tag-hijack must get no judgment finding.

Each text uses the words the bait families listen for (like, share, follow, tag, comment,
save, vote, call, spots, last chance, many @mentions) in the ordinary way people use them:
a help request, an open question, a reply inside a conversation, commentary about bait, a
real deadline, a thank-you that names the people who did the work. A linter that flags
these teaches users to ignore it. Every text is written for this test (none is copied from
any corpus) and runs through the same per-draft function as the CLI, with its channel.
"""

from __future__ import annotations

from ordinary import no_judgment_test

ORDINARY: list[tuple[str | None, str]] = [
    # near the polite-ask shapes: a courtesy around a real request
    ("linkedin-post", "Would you share your onboarding checklist with me? Ours misses the first-week buddy, and I'd like to compare."),
    ("comment", "Could you share the link to the dataset? The one in the post returns a 404."),
    ("facebook-post", "If you could share the bus times for Sunday in the group chat, the choir would be grateful."),
    ("instagram-post", "Day 40 of the reading streak with my daughter. Keep it going, she says, so we will."),
    ("x-post", "Feedback welcome on the draft schedule; comments in the doc are easier for me to track than replies."),
    # near the comment-game shapes: forms, rubrics and first impressions
    ("linkedin-post", "Fill in the blank on the visa form carefully: the consulate rejects forms with a missing middle name."),
    ("facebook-post", "The first thing you see at the new library is the children's corner, and it is always full."),
    ("instagram-post", "Only 4% of applicants pass the first round, so we now send every candidate the rubric in advance."),
    # near the like-farming shapes (EB127): a reasoned favourite, a real yes, signs, a search box
    ("instagram-post", "Comment your favourite pattern book and what it taught you; I'm putting together a list for the beginners' circle."),
    ("linkedin-post", "Can I get a yes from the venue before Friday? The caterer needs our numbers."),
    ("facebook-post", "To enter the hall, follow the signs past the café; the ramp is on the left."),
    ("instagram-post", "Type your order number in the search box and the tracking page shows where your parcel is."),
    ("linkedin-post", "Follow the council page for more information on the bridge works; the detour starts Monday."),
    ("x-post", "Send this to the person who handles invoices at your firm only if the amounts look wrong to you."),
    ("facebook-post", "Let me see if the hall is free on the 12th before we fix the date for the quiz."),
    ("instagram-post", "Pick one: the linen or the wool for the winter coat? Tell me your reasons, I'm torn."),
    ("linkedin-post", "Am I the only one who reads the release notes? Our team found the breaking change there."),
    ("instagram-post", "Tag your photos with the festival hashtag and we'll print the best ones for the wall."),
    ("instagram-post", "Pin the pattern to the fabric before you cut, or the stripes drift."),
    ("facebook-post", "Save for later the receipts you need for tax; the rest can go."),
    ("linkedin-post", "Send to a colleague who owns the budget only when the quote is final."),
    ("instagram-post", "Each share of the bakery co-op pays a dividend once a year, and members vote on the menu."),
    ("facebook-post", "Bonus entry to the zoo for kids under five if you book before June."),
    ("linkedin-post", "Who's with me on the panel on Tuesday? I'd like to agree the questions beforehand."),
    ("instagram-post", "A or B was the choice, and we picked the slower kiln because it fires evenly."),
    ("linkedin-post", "Stop scrolling through job boards and talk to the people who already work there."),
    ("linkedin-post", "We need 40 volunteers for the beach clean-up on Sunday; sign-up sheet at the library."),
    ("facebook-post", "Show your love for the nurses by signing the staffing petition at the town hall."),
    ("instagram-post", "Guess what: the bakery finally has a gluten-free sourdough, and it sold out by ten."),
    ("linkedin-post", "Rate our workshop from 1 to 10 in the feedback survey; the link is in the welcome email."),
    ("facebook-post", "I forwarded the rota to the group chat, so check there for your Saturday slot."),
    ("instagram-post", "Tag the brand when you post a photo of the mug so they can see the glaze."),
    ("linkedin-post", "Only real data will tell us whether the pricing change worked, so we wait a month."),
    ("instagram-post", "Let me know by email if the pattern PDF doesn't open; the shop sends a fresh link."),
    ("linkedin-post", "Click my profile photo and you'll see the badge from the hackathon, which I'm still proud of."),
    ("linkedin-post", "We met the investors and then hit the follow-up list hard for two weeks."),
    ("linkedin-post", "What should we do with the old servers? Recycle, resell or share?"),
    ("linkedin-post", "The team voted and then typed the results into the tracker."),
    ("linkedin-post", 'Open the form and then type "N/A" where a field does not apply.'),
    ("linkedin-post", "Name a file that starts with the date and the archive sorts itself."),
    ("linkedin-post", "Reply yes in the thread if you can host the March meetup; we need one volunteer."),
    ("facebook-post", "Only 1 in 10 households in our street recycles glass, so the council is adding bins."),
    ("linkedin-post", "How many of you remember the old office on King Street fondly? Ours is closing in May and we're holding a farewell lunch."),
    ("facebook-post", "Name a plumber you trust and why; our boiler broke and the last one overcharged us."),
    # remembrance and emergencies without a sales hook
    ("x-post", "Call 911 if you smell gas near Elm St; our engineers are on site and the store stays closed today."),
    ("linkedin-post", "We lost two colleagues in the floods last spring. Today the office closes at noon so everyone can attend the memorial."),
    # near the fan-begging, head-count, prize and follow shapes
    ("comment", "@support please reply to me when the refund goes through, the order number is 4471."),
    ("comment", "The top comment answers it: turn off the VPN and the app loads."),
    ("linkedin-post", "Nobody will remember the slide deck, so we spent the hour on the live demo instead."),
    ("facebook-post", "Follow me to the car park after the service, the minibus leaves at noon."),
    ("dm", "Open the shared doc and type 'done' next to your name when the task is finished."),
    ("x-post", "The first answer in the thread gets it right: the bridge closes for repairs in March, not May."),
    # comments: replies that use the bait words for what they mean
    ("comment", "I subscribed to your newsletter after the pricing issue, and the cohort table alone was worth it."),
    ("comment", "Thanks for sharing the migration notes! I'll forward them to our ops lead before Monday's freeze."),
    ("comment", "Follow the steps in the README and it builds on Windows too; the PATH fix is in step 4."),
    ("comment", "Love this! My team tried the same retro format and our meetings went from an hour to twenty minutes."),
    ("comment", "@dana @li @sam @tomas @ana you were all at the workshop, is this the slide deck you asked about?"),
    ("comment", "Which mic do you use? The audio on this one is so much cleaner than the last episode."),
    # open questions that invite a real answer, even with "comment below"
    ("linkedin-post", "Which tool do you use for invoices, and what made you switch? Comment below, I'm choosing one this week."),
    ("linkedin-post", "What would you cut first from a 40-minute onboarding call? I'll share what we learn from the replies."),
    ("x-post", "Do you like the new logo or the old one better, and why? Designers, I want the honest version."),
    ("facebook-post", "Who agrees to take the Saturday shift at the food bank? Reply by noon so I can post the rota."),
    # help requests that rightly ask to be shared
    ("facebook-post", "Please share: our dog Max went missing near the lake on Sunday. Brown collar, answers to Max. Call 555-0110."),
    ("instagram-post", "Our neighbour's shop flooded last night. Please share the fundraiser link in our bio, every bit helps them reopen."),
    ("x-post", "Blood donors needed at St Mary's this week, O-negative especially. RT please, the stock is very low."),
    # commentary about bait, quoted bait
    ("linkedin-post", 'I used to end every post with "follow me for more". It was engagement bait, and it showed in who followed.'),
    ("linkedin-post", "Pet peeve: launch emails that shout only 3 spots left when the course is a recorded video."),
    ("x-post", "Posts that say 'tag a friend who needs this' get demoted now, and honestly good riddance."),
    # real deadlines and real limits, said plainly
    ("linkedin-post", "Registration for the free community meetup is open; the room holds 80, and we will record the talks."),
    ("facebook-post", "The bake sale ends at 3pm, thanks to everyone who came and to the kids who ran the till!"),
    ("linkedin-post", "The last chance I had to see my grandfather was in 2019, and I think about that visit every winter."),
    ("x-post", "Only 3 days until the marathon and my legs are not ready. Taper week is a lie."),
    ("instagram-post", "Save the date: our reunion is June 3 at the old gym. Details in the group chat."),
    ("linkedin-post", "Our first 100 customers were all two-person agencies, which shaped the whole pricing page."),
    # 1:1 messages inside an existing conversation
    ("follow-up-email", "Hi Marco,\n\nThanks for the quick call yesterday. Here are the three pricing options you asked about.\n\nBest,\nAna"),
    ("linkedin-dm", "Thanks for the chat at the Leeds meetup, Omar. Here is the ETL repo I mentioned, the parser is in src/read."),
    ("dm", "want to grab coffee tomorrow? I'm near the office after 10"),
    ("dm", "Can you save the file to the shared drive and send it back when you're done?"),
    ("dm", "I was in a hurry this morning, sorry for the short reply. Let's talk about the trip tonight."),
    # specific first messages that ask a real question or nothing
    ("cold-email", "Hi Dana,\n\nYour talk on rate limits fixed our retry storms. Did you keep the jitter at 10% in production, or tune it per client?\n\nThanks,\nSam"),
    ("linkedin-connect", "Hi Noor, your post on resale pricing for flea markets was clever; I run a Saturday market in Leeds and would like to follow how yours grows."),
    ("x-dm", "Is the Tuesday Rust meetup still on after the venue change? I'd like to come next month."),
    ("linkedin-dm", "Hi Priya, your last-minute call to drop the beta feature was brave. What did the users say afterwards?"),
    # many mentions of the people who did the work; a few topical hashtags
    ("linkedin-post", "A huge thank-you to the crew who rebuilt the search: @ana @ben @carla @dev @eli @fran @gus @hana @ivo and @jun, who wrote the ranking tests."),
    ("instagram-post", "First loaf from the new oven 🍞 #sourdough #baking #homemade"),
    ("x-post", "Our thoughts are with everyone affected by the storm. Our stores in the area are closed today so staff can stay home."),
    # dares, head counts, freebies and reposts said plainly (EB101-EB105 additions, EB123, EB122)
    ("facebook-post", "I bet the ferry won't run on time tomorrow, so we're driving to the island instead."),
    ("linkedin-post", "Most people won't read the whole lease, so here are the four clauses that cost us money."),
    ("x-post", "How many people will the new bridge carry a day? The council's estimate looks low to me."),
    ("instagram-post", "We added the pattern to the shop page for free, no sign-up. Comment below if a step is unclear."),
    ("linkedin-post", "Sharing it with the team helped: two engineers spotted the flaw in the retry logic within an hour."),
    ("comment", "Your repost of the shelter appeal is how we found a foster for the kittens, thank you."),
    ("dm", "Don't leave without saying bye to grandma, she baked for you."),
    ("linkedin-post", "Who else is presenting at the Leeds meetup on Thursday? I'd like to coordinate the demo laptops."),
    ("comment", "Let me know with a message when the parcel arrives, the tracking page is broken."),
    ("comment", "Type your name in the search box and the form fills in the rest of your details."),
    ("dm", "who remembers when the dentist appointment is? I lost the card"),
    ("linkedin-post", "The winner of the community award was chosen by a panel of five nurses, not by votes or likes."),
    ("facebook-post", "Everyone who volunteered at the food drive gets a thank-you card from the kids this week."),
    ("follow-up-email", "Hi Dana,\n\nYour notice would need to reach HR in writing by Friday; your follow-up on the laptop return can wait.\n\nKim"),
    ("comment", "@mira congrats on the award! Your speech about night-shift nurses made my mum cry, in a good way."),
    ("x-post", "If you see this, please check on your elderly neighbours tonight; the heating outage covers all of Eastside."),
    # near the framed asks, comment polls, giveaways and guards of this round (EB101-EB131):
    # a feeling about work, a reporting verb, a softened errand, a question with a reason
    ("linkedin-post", "I hate it when a standup runs to 40 minutes, so we moved ours to Slack. Here is the template we use."),
    ("linkedin-post", "Tired of flaky tests? We quarantined ours in a nightly job and the main build went green for a month."),
    ("facebook-post", "Tell your kids the pool opens at 9 on Saturday; lifeguards are on until 6."),
    ("linkedin-post", "Feel free to reach out if the migration guide misses a step; I answer every email."),
    ("linkedin-post", "You can follow the live results on the race website from 8am."),
    ("instagram-post", "Do you agree with the new opening hours? We tried 8 to 4 this month and want to hear what works for your mornings."),
    ("linkedin-post", "Anyone else going to the Leeds data meetup on Thursday? I have two spare tickets from a colleague who can't make it."),
    ("facebook-post", "Save and exit the form before 5pm or the answers are lost."),
    ("linkedin-post", "Don't forget to save your work before the laptops are reimaged on Friday."),
    ("linkedin-post", "Engage with the customer's problem first and the pitch becomes easy."),
    ("instagram-post", "Which one are you taking to the beach, the red or the blue? I'm packing tonight and can't decide, tell me why!"),
    ("linkedin-post", "Office or remote? For our team the answer was two office days, because onboarding suffered when we were fully remote."),
    ("linkedin-post", "We ran a giveaway at the booth and learned one thing: people want the stickers more than the mugs."),
    ("x-post", "Like for like, rents in the city rose 6% this year; the council report has the breakdown."),
    ("instagram-post", "We're so close to finishing the mural! Two more walls and the school garden is done."),
    ("facebook-post", "Help spread the cost of the minibus: the trip is £12 a child if 20 families sign up."),
    ("x-post", "Who's ready for the council meeting tonight? The agenda has the bike lane vote at item 4, 7pm."),
    ("instagram-post", "Tap the heart icon on the app to save a recipe to your book."),
    ("linkedin-post", "Thumbs up from the legal team: the contract is signed and the launch date holds."),
    ("linkedin-post", "If the fire alarm rings during the workshop, you know what to do: stairs, not the lift."),
    ("instagram-post", "We recycle ♻️ all our packaging, and the mailers are compostable too."),
    ("facebook-post", "My whole family came over to congratulate me on the new job, and Mum brought her lemon cake."),
    ("comment", "Tired of the same advice? Same here, but your point about pricing the second product first was new to me."),
    ("dm", "Feel free to forward the invoice to Sam, she handles the supplier payments now."),
    ("linkedin-dm", "Thanks for the intro to Omar, Dana. Do you agree that Tuesday works for the three of us?"),
    ("cold-email", "Hi Dana,\n\nYour write-up on the Leeds bus data was the clearest I've read. Can you relate the 9pm drop to the timetable change, or is it the weather?\n\nThanks,\nSam"),
    ("follow-up-email", "Hi Marco,\n\nAs promised, the two floor plans from Tuesday are attached. Sharing is easier this way than through the portal, which strips the measurements.\n\nBest,\nAna"),
    ("x-dm", "Hey, you can follow the repo's release notes instead of the blog; the blog lags a week."),
    ("linkedin-connect", "Hi Noor, I saw your talk on warehouse robots in Leeds; the part on pick errors matched what we see. Would be glad to stay in touch."),
    # near the news-pun shapes (TH104): mourning, news and a product named in passing, with no plug
    ("x-post", "RIP to the best teacher I ever had. She brought cake for every birthday in our class."),
    ("x-post", "Rest in peace, Grandad. Sunday roast won't be the same without your jokes."),
    ("instagram-post", "Our thoughts are with everyone affected by the floods. The café is closed today; staff are helping at the shelter."),
    ("facebook-post", "The storm took our roof but not our spirit. We reopen Monday with the same menu, thank you neighbours."),
    ("x-post", "The verdict is in: the jury found him not guilty. Full coverage on our site tonight."),
    ("linkedin-post", "The war in our region has displaced two of our suppliers; we are paying their invoices early this month."),
    ("x-post", "Gun control debate tonight at the town hall, 7pm. Free entry."),
    ("instagram-post", "Remembering my dad today. He loved a cold beer on the porch after work."),
    ("x-post", "He passed away last night. I'll miss our Friday pizza nights more than I can say."),
    ("instagram-post", "New sneakers for the marathon! Training starts Monday 👟 #running"),
    ("facebook-post", "Memorial service for Jim on Saturday at 2pm at St Mary's. Tea and cake afterwards in the hall."),
    ("linkedin-post", "Tribute to our founder, who died last week: she built the first bakery with a loan and a borrowed oven."),
    # a negation that governs the engagement verb itself: an instruction not to share, tag or follow
    ("linkedin-post", "Please don't share the draft outside the team until Friday; legal is still reading it."),
    ("instagram-post", "Never follow a bread recipe blindly at altitude; add the water slowly."),
    ("linkedin-post", "Don't like the new logo? Tell us why in the survey, the design team reads every answer."),
    ("facebook-post", "Do not tag the school in photos of the children; the policy is on the parents' page."),
    ("x-post", "Stop retweeting the old timetable, the ferry times changed on Monday."),
    ("instagram-post", "No need to follow the pattern exactly, the stitch count matters more than the yarn."),
]


test_near_misses_of_bait_get_no_judgment_finding = no_judgment_test(ORDINARY, "ordinary-bait")


def test_the_list_covers_every_channel() -> None:
    channels = {channel for channel, _ in ORDINARY}
    for channel in ("comment", "cold-email", "linkedin-post", "follow-up-email", "instagram-post",
                    "x-post", "facebook-post", "dm"):
        assert channel in channels, channel
