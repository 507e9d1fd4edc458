"""Ordinary and specific drafts near the generic-pitch and no-personalization habits get no finding.

The pitch families judge openers, asks, salutations and bumps, words every real message uses
too. These drafts share those words but are specific, in a conversation, or written to a
friend: a reply that thanks someone, a follow-up with the number they asked for, a comment
that names one point of the post, a cold email that names the reader's talk. None may draw a
finding of any judgment family. All were written for this test; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, judgment_findings, uncovered
from sociable.ruleset import RuleSet

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    # comments that answer the post
    ("comment", "Thanks, that fixed it!"),
    ("comment", "Great thread. We saw the same memory spike after the 3.2 upgrade and rolled back."),
    ("comment", "Love this! Trying the no-knead version tonight with my kids."),
    ("comment", "Well said, Priya. The bit about pairing juniors on incidents is what our team lacked."),
    ("comment", "Does the trick work on Windows too? My build still hangs at the linker step."),
    ("comment", "Congrats on the new role, Tomas! Lisbon is lucky to have you."),
    ("comment", "Agreed on the pricing page, but the free tier cap seems low for student teams."),
    ("comment", "We wrote up the same migration last spring, happy to compare notes on the rollback plan."),
    # comments with praise or thanks and one thing of their own (GP302, GP320, AU310-AU312)
    ("comment", "Great post! Does the same fix work on Ubuntu 22.04? I still get the permission error."),
    ("comment", "Thanks for sharing. We tried the second approach at work and the deploy time halved."),
    ("comment", "So true, the first year of a startup is mostly learning what not to build."),
    ("comment", "I bookmarked the section on indexes, the EXPLAIN example is exactly our problem."),
    ("comment", "This is helpful, but step 3 fails for me with a 403. Any idea?"),
    ("comment", "I agree with most of this, except the part about daily standups; ours are weekly and work fine."),
    ("comment", "Here's the library I used for the same thing: https://github.com/example/pdfsplit, it handles encrypted files."),
    ("comment", "Beautiful photo! Where was this taken?"),
    ("comment", "Thank you for writing this. My dad went through the same diagnosis last spring."),
    ("comment", "Nice! See you at the meetup on Thursday."),
    ("comment", "Interesting. I read the opposite in a 2021 study, was the sample size different?"),
    ("comment", "Agreed 100%. We dropped story points last year and nobody misses them."),
    ("comment", "I found your blog via Google while fixing the same boiler; step 4 worked for me."),
    ("comment", "Slightly off topic, but is the Thursday meetup still at the library?"),
    ("comment", "Which platform did you use for the survey? The response rate is impressive."),
    ("comment", "I spent hours on the same VPN bug; your MTU tip fixed it."),
    # comments that sound like the spam genre's words but answer the post (GP321/AU311 genre lines)
    ("comment", "First time here: the contact page link in your footer is broken, it points to /contact-us."),
    ("comment", "Long comment, sorry. We tried the three-step backup on a Pi and step 2 wiped the SD card; the fix was to unmount first."),
    ("comment", "My brother sent me this post because we argue about the same budget split every year. The 50/30/20 table settled it."),
    ("comment", "How long did the sourdough starter take to get going in a cold kitchen? Mine is on day six."),
    ("comment", "Thanks for the write-up on invoices; everything worked once I switched the VAT field to inclusive."),
    ("comment", "Everything in step 4 was clear, but the screenshot shows an older menu. Is it under Settings now?"),
    # praise and thanks formulas plus one clause of the commenter's own (GP307)
    ("comment", "Thanks for sharing! We had the same bug and the flag fixed it for us too."),
    ("comment", "Really enjoyed reading this, thank you. It made me call my sister for the first time in months."),
    ("comment", "Great write-up, thank you. It is very helpful for our team, we start the migration on Monday."),
    ("comment", "This is really helpful, thank you! Going to print the checklist for the allotment."),
    ("comment", "Beautifully written, thank you. I lost my dad last year and this is exactly how it felt."),
    ("comment", "Well said, thanks for writing it. Our union made the same point at the council meeting."),
    ("comment", "Great post, looking forward to part two on the cooling loop."),
    ("comment", "Thank you so much, this is very useful. Sending it to the parents' group now."),
    ("comment", "Love this! Keep it up, the neighbourhood needs more of these clean-up days."),
    # "your team", "your shop", "your business" from someone who knows them, or in no pitch (GP341)
    ("cold-email", "Hi Sarah,\n\nI read your post on rota planning; our clinic had the same Friday gap. Could your team share the template?"),
    ("linkedin-dm", "Hi Omar, since we met at the expo I've been meaning to send the shelving quote for your shop."),
    ("x-dm", "Hey, your business card fell out of your bag at the cafe on Dean Street, I have it behind the counter."),
    ("cold-email", "Hi Mr. Patel,\n\nI live two doors down from your shop on Mill Lane. A delivery for your store was left with us yesterday; I can bring it over after six."),
    ("linkedin-dm", "Hi Grace, congratulations on the new job! How is your team settling in after the move to Bristol?"),
    ("linkedin-dm", "Hi Tom, your company's careers page lists a data analyst role in Cork. Is it open to graduates?"),
    ("cold-email", "Hi Dana,\n\nMy daughter is in your Saturday pottery class. She left her apron there; could your staff keep it until next week?"),
    ("linkedin-dm", "Hi Sam, thanks so much for reaching out! Could you tell me a bit about your goals for the mentoring scheme?"),
    # agreement or praise plus the commenter's own people, places, numbers
    ("comment", "So true. My grandmother said the same thing about gardens and patience."),
    ("comment", "Totally agree. Our school switched to four-day weeks and the kids are calmer."),
    ("comment", "Well said! The night shift nurses at St Mary's deserve this recognition."),
    ("comment", "Spot on, the same thing happened to my sister after her first marathon."),
    ("comment", "Thanks for sharing. Our allotment society is doing a seed swap on the 12th if anyone is nearby."),
    ("comment", "Such an important message. My brother waited eleven months for his diagnosis."),
    # blog comments that name a real display problem or a real visit (GP320, GP321)
    ("comment", "The recipe card on this page cuts off the last two steps on my phone; I had to print it to read them."),
    # cold emails that say why this reader
    ("cold-email", "Hi Rosa,\n\nYour talk at PyCon on flaky tests matched what we see in our checkout suite. Did the retry cap stay at two once you added parallel runs?\n\nBest,\nAmir"),
    ("cold-email", "Hello Dr. Mensah,\n\nI read your 2023 paper on soil microbes after drought. Would your sampling protocol work on clay soils like ours in Kent?\n\nThanks,\nLiz"),
    ("cold-email", "Hi Jon, Marta Diaz at Fernbank suggested I write: she said you ran the warehouse robot pilot. What did the first month of picking errors look like?"),
    ("cold-email", "Hi Ana,\n\nThanks for pointing me to Kai after your panel on ML hiring. I've sent him the portfolio you reviewed.\n\nNoor"),
    ("comment", "Congrats Maria! The new lab in Porto looks amazing."),
    ("comment", "Congrats, Dana!"),
    ("comment", "Thanks Dana, that fixed the build on Windows."),
    ("comment", "Great post Jane, the part on retries with jitter is what we got wrong."),
    ("comment", "Congratulations, well deserved!"),
    ("comment", "Interested in how you handled the migration, did you keep both databases live?"),
    ("comment", "Following this thread, we have the same outage on our cluster."),
    ("comment", "We ran the same pricing test in Lisbon and churn dropped by a third; happy to connect and compare notes on the cohort cut."),
    ("comment", "🔥🔥🔥"),
    # cold emails that share the stock lines' words but say why this reader (GP330-GP333)
    ("cold-email", "Hi Mark,\n\nMy name is Lena, I'm the parent of Theo in your Tuesday swim class. Is the lesson on the 14th still on?"),
    ("cold-email", "Hi Mark,\n\nI read your post on pricing for agencies; we tried the retainer model and margins went up 8%. Could I ask how you handled scope creep?"),
    ("cold-email", "Hi Sam,\n\nYour article on budgeting for freelancers linked to our tax calculator, which moved last month; the new address is example.com/tax. Thanks for the mention!"),
    ("cold-email", "Hi Sam,\n\nI'm a third-year student at Leeds and your thesis on tidal turbines is the closest work to mine. Could I ask how you measured blade fatigue?"),
    ("cold-email", "Hello,\n\nI'm writing about the blue bike you listed on Gumtree. Is it still for sale, and does the gear shifter work?"),
    ("cold-email", "Hi Sam,\n\nI use your invoicing app every week; the CSV export drops the VAT column. We offer a fix we built for our own books, would you be interested?"),
    ("cold-email", "Hello Ms. Ortiz,\n\nI'm a third-year student and would like to intern with a bakery this summer. Could I visit your shop on a Saturday?"),
    ("linkedin-dm", "Hi Omar, I saw your thread on warehouse robots; our team offers the same sensor kit you said you were missing. Would you be open to a trial unit?"),
    ("cold-email", "Hi Sam,\n\nWe're a small team building a tide-table app, and your post on harbour sensors is why I'm writing: do you need more test data from Leith?"),
    # cold emails that name the reader's business by what it does, not by "your business" (NP106)
    ("cold-email", "Hi Leila,\n\nYour bakery's sourdough class sold out again, so I'm writing early: could you hold two seats for my daughters in June?"),
    ("cold-email", "Hello,\n\nYour website lists the Harbour Street shop as open on Sundays, but it was closed this week. Has the schedule changed?"),
    ("cold-email", "Dear Mr. Osei,\n\nI rent the flat above your store on Canal Road; the shared drain is blocked again. Could your plumber look at it this week?"),
    # near the new stock-pitch shapes, but specific or between people who know each other
    ("cold-email", "Hi Ana,\n\nYour talk on wind-farm maintenance at the Aberdeen meetup was the clearest I've heard; you'd be a great speaker for our student society in March. Could we pay your train fare?"),
    ("cold-email", "Hi Mr. Okoye,\n\nI'm a nurse with 8 years of experience on night shifts, and the ward manager post you listed on Friday asks for exactly that. Is it still open?"),
    ("dm", "Take the weekend off and focus on what matters, the boxes can wait until Monday."),
    ("dm", "Would you mind filling out the RSVP for Saturday? Mum needs numbers for the cake."),
    ("dm", "I'd love to partner with you for the charity run again, same pace as last year?"),
    ("follow-up-email", "Hi Priya,\n\nI understand you're busy with the move, so no rush: the keys are with the front desk whenever you're ready."),
    ("follow-up-email", "Hi Priya,\n\nFollowing up on this morning's call: the venue moved to Hall B, and catering is confirmed for 40."),
    ("follow-up-email", "Hi Priya,\n\nWe will follow up next week with the final numbers from the audit, as agreed on Tuesday."),
    # comments that praise and then say what the commenter did or doubts (GP306)
    ("comment", "Great article on SEO. We moved our sitemap to the root after reading it and crawl errors dropped."),
    ("comment", "Thanks for sharing, though the Docker step needs root on our Macs."),
    ("comment", "Well explained, I finally get why my Kubernetes pods restart."),
    # replies that mention unsubscribing, a resend, a last time (AU107, AU301)
    ("follow-up-email", "Hi Jo,\n\nResending the invoice with the corrected VAT number, the first one had a typo."),
    ("dm", "You can unsubscribe me from the book club list, I'm moving to Leeds, but keep me on the running group."),
    ("linkedin-dm", "Thanks Omar, are you free to chat about the Leeds job you mentioned? Thursday works for me."),
    # reported speech and asides a person writes, near the pitch words
    ("dm", "ugh I need to unsubscribe from like 40 newsletters this weekend"),
    ("linkedin-dm", "Hi Ana, Marco told me you ran the Leeds data meetup for years; could I ask how you found speakers?"),
    ("dm", "I sent from my phone the photos of the flat, did they arrive?"),
    # follow-ups inside an exchange
    ("follow-up-email", "Hi Lee,\n\nFollowing up on our call about the Denver depot: the pallet quote came in at $42, attached.\n\nDana"),
    ("follow-up-email", "Hi Sam, as promised, here is the cohort chart: churn fell from 4% to 2.6% after the onboarding change."),
    ("follow-up-email", "Thanks for the quick call yesterday, Grace. The signed NDA is attached and the demo is booked for Thursday."),
    ("follow-up-email", "Hi Omar, I hope the move went smoothly! The keys for the studio are with the front desk."),
    ("follow-up-email", "Hi Mark,\n\nThanks again for the tour yesterday. Here are the two floor plans you asked for."),
    ("follow-up-email", "Hi Mark,\n\nCircling back on the budget question you raised on Tuesday: finance approved the extra $4k."),
    ("follow-up-email", "Hi Mark,\n\nDid you get a chance to look at the draft contract? Legal wants it by Friday, and clause 4 changed."),
    ("follow-up-email", "Hi Mark, this is my last week at Fernbank; Priya will take over your account from Monday."),
    ("follow-up-email", "Hi Sam,\n\nMy last email had the wrong date, sorry: the workshop is on the 14th, here is the corrected invite."),
    ("follow-up-email", "Hi Sam,\n\nAre you still interested in the spare desk? Priya wants it if you don't, so let me know by Friday."),
    # follow-ups that say one new thing, or check on the person (GP203)
    ("follow-up-email", "Hi Sam,\n\nJust checking in: did the hip surgery go well? Thinking of you."),
    ("follow-up-email", "Hi Sam,\n\nHope the week is going well. The venue is booked, so you can send the guest list whenever it suits."),
    # greetings with a surname that is also a role word, or a role and a name (NP101, NP121)
    ("cold-email", "Dear Sam Parent,\n\nThe signed permission form for Friday's trip is attached."),
    ("cold-email", "Hi Director Okafor,\n\nThe budget table you asked for on Monday is attached."),
    ("dm", "Hi there! Are you still coming on Saturday? Bring the folding chairs."),
    ("dm", "Dear Aunt Rosa, the parcel came today, thank you so much."),
    # recruiter and offer words with a named referrer, a shared event or their own work (GP102, GP340, GP402)
    ("linkedin-dm", "Hi Mark, I'm in the same industry now: I joined Fernbank's logistics team in May. Fancy a coffee at the Leeds expo?"),
    ("linkedin-dm", "Hi Mark, the cycling club would love for you to join the Sunday ride again, we missed you last week."),
    ("linkedin-dm", "Hi Mark, I came across your name in the 2019 conference programme, you spoke on cold-chain sensors. Did the pilot continue?"),
    ("linkedin-dm", "Hi Mark, your old manager Priya says you might be open to a new role after the merger; she asked me to pass on the Leeds opening."),
    ("linkedin-dm", "Hi Mark, we are offering the spare desk at our studio to anyone from the meetup; yours if you want it from June."),
    ("follow-up-email", "Hi Sam,\n\nAfter our call I checked with finance: your team can have the discount on the second van."),
    # LinkedIn notes and DMs with a reason
    ("linkedin-connect", "Hi Ines, we sat at the same table at the Porto data meetup and you explained dbt snapshots to me. Would love to stay in touch."),
    ("linkedin-connect", "Your post on onboarding emails changed how we write ours. Thanks for sharing it openly."),
    ("linkedin-dm", "Great to be connected, Ines. How did your team cut onboarding to two days?"),
    ("linkedin-dm", "Hi Ravi, thanks for the intro to Lena yesterday, we have a call on Friday. I owe you a coffee."),
    ("linkedin-inmail", "Hi Ada, I lead hiring at Fernbank Labs. Your write-up on consensus testing is why I'm writing: we need someone to own our Jepsen suite, $190k, remote in the EU."),
    # direct messages between people who know each other
    ("dm", "hey, quick call later? need to sort out the party plan"),
    ("dm", "Hi! Did you leave your umbrella at ours? It's by the door."),
    ("x-dm", "Thanks for the heads-up about the train strike, I'll drive instead."),
    ("x-dm", "Hey Maya, your thread on Elm error messages is the one I send to new hires. Can I quote it in our handbook?"),
    ("dm", "Thanks for following up with the vet! Milo is eating again."),
    ("dm", "Hey, loved your story about the hike yesterday. Which trail was it?"),
    ("x-dm", "Thanks for the follow! Your thread on bread hydration saved my loaf, what flour do you use?"),
    ("linkedin-dm", "Thanks for connecting, Sam! Your talk at the Leeds meetup on dbt tests was great, could you share the slides?"),
    ("follow-up-email", "Hi Sam,\n\nJust checking in to see how the new hip is treating you. Dad says hello."),
    ("cold-email", "Hi Sam,\n\nYour newsletter on soil health is great; how do I unsubscribe my old work address and keep my new one?"),
    ("comment", "My doctor switched my pills after reading the same study; the side effects stopped within a week."),
    # dm now runs the opener, praise, pitch and salutation rules: chats between people who know each other
    ("dm", "Love your work on the mural by the station! Can I bring my kids to watch on Saturday?"),
    ("dm", "Are you on WhatsApp? The group chat for the trip is there."),
    ("dm", "I came across your old photos from the Lisbon trip while cleaning my laptop, sending them now."),
    ("dm", "Dear Grandma, the flowers arrived and they are beautiful. Thank you!"),
    ("dm", "Hey guys, the group dinner moved to 8pm."),
    # connect and learn-more notes with a reason the reader can check (GP317)
    ("linkedin-connect", "Hi Ines, we were on the same panel at the Lisbon fintech summit. Would love to connect and keep the conversation going."),
    ("linkedin-dm", "Hi Ravi, Priya Shah said you ran the cold-chain pilot in Leeds. I'd love to learn more about how the sensors held up."),
    ("linkedin-connect", "I'm a long-time listener of your podcast; the episode on rural broadband was the one I sent my MP. Happy to connect."),
    ("linkedin-dm", "Hey Tom, we both work in the same building on Dock Street now! Fancy lunch on Thursday?"),
    ("dm", "Hi Mia, we have so much in common with the twins being the same age. Want to share the school run on Mondays?"),
    ("linkedin-connect", "Hi Sam, you answered my question at the data meetup about late-arriving events. I'd like to connect."),
    ("x-dm", "Loved your thread on bike lanes in Leeds. Would love to connect with the campaign, how do I join the next ride?"),
    ("linkedin-dm", "Hi Ana, thanks for the intro to Kai last week. I'd love to learn from your experience running the hiring day."),
    ("linkedin-inmail", "Hi Lee, your old colleague Marta suggested I reach you about the Porto office. Would love to connect before my move."),
    ("dm", "Let's connect the projector before the guests arrive, the cable is in the blue box."),
    # two compliments and one thing of the commenter's own (GP308)
    ("comment", "Great post, really well written. My team had this exact argument about feature flags last sprint."),
    ("comment", "Thanks for sharing, such a helpful read. Printing the checklist for our volunteers at the food bank."),
    ("comment", "Really insightful piece, thank you. The way you framed churn as a pricing problem changes how I see our renewals."),
    ("comment", "Very informative, keep it up! Hoping the council reads this before the vote."),
    ("comment", "Such a lovely photo, thanks for posting. That bridge is where my parents got engaged."),
    ("comment", "Well explained and easy to follow. Finally understand why the index was ignored."),
    ("comment", "Beautiful work, keep them coming. The colours in the second print remind me of Cornwall."),
    ("comment", "Great article, very useful. Wish I had read it before signing the lease."),
    ("comment", "Great read, thanks! Bookmarked for when we redo the onboarding flow."),
    ("comment", "So helpful, thank you. Our PTA is doing exactly this with the uniform swap."),
    ("comment", "Great insights, well said. Leadership is a practice, not a title."),
    ("comment", "Great post, well said. Remote teams need written decisions more than meetings."),
    # posts: broadcasts have no recipient, and an update that gives something is not a pitch
    ("linkedin-post", "Hello everyone! The slides and recording from Tuesday's accessibility workshop are now free to download, no sign-up."),
    ("x-post", "Hope everyone in the valley is safe. Shelter at the Eastside gym has cots, water and phone chargers."),
    ("facebook-post", "Dear neighbours, the community garden needs two volunteers for Saturday watering. Reply here if you can help!"),
    ("instagram-post", "Thank you all for coming to the market today. Next one is June 8, same spot by the river."),
]


@pytest.mark.parametrize(("channel", "text"), ORDINARY, ids=[f"pitch-ordinary-{i}" for i in range(len(ORDINARY))])
def test_ordinary_pitch_text_gets_no_judgment_finding(ruleset: RuleSet, channel: str, text: str) -> None:
    found = judgment_findings(ruleset, channel, text)
    assert found == [], f"ordinary text flagged: {found}"


def test_every_channel_is_covered() -> None:
    assert uncovered(ORDINARY) == []


@pytest.mark.parametrize(
    ("code", "channel", "text"),
    [
        ("GP302", "comment", "So helpful, thank you for sharing this, Marco!"),
        ("GP302", "comment", "Couldn't agree more, keep them coming!"),
        ("GP320", "comment", "This is my first visit here and I have bookmarked your site, keep up posting."),
        ("AU310", "comment", "This is my first visit here and I have bookmarked your site, keep up posting."),
        ("GP321", "comment", "Hello, which blog platform are you using? I want a layout like this."),
        ("AU311", "comment", "I have been surfing online for hours and this web site is the best."),
        ("AU312", "comment", "Very nice post, thank you! https://cheap-pills.example.biz"),
        ("GP330", "cold-email", "Hi Mark,\n\nMy name is Jordan and I am a sales rep at Brightwave."),
        ("GP331", "cold-email", "Hi Mark,\n\nWe help logistics companies cut their fuel costs by 20%."),
        ("GP332", "cold-email", "Hi Mark,\n\nWe make rostering software. Is this something your team would be open to?"),
        ("GP333", "cold-email", "Hi,\n\nWould you be interested in a link exchange with our travel site?"),
        ("AU304", "dm", "Hi, I love your page! Are you interested in growing your followers?"),
        ("AU102", "linkedin-dm", "Hi Sam, thanks for accepting my invitation! I'd love to tell you about our coaching program."),
        ("AU107", "cold-email", "Hi Sam,\n\nWe build payroll tools.\n\nIf you'd rather not receive emails from me, just let me know."),
        ("AU301", "follow-up-email", "Hi Sam,\n\nI've reached out a few times without a response."),
        ("AU313", "comment", "Great article. Buy cheap pills online here, no prescription needed."),
        ("NP101", "cold-email", "Dear Webmaster,\n\nI found a broken link on your site."),
        ("GP102", "dm", "Hi! I came across your profile and wanted to reach out."),
        ("GP304", "comment", "Interested! Kindly check your inbox, I have sent my CV."),
        ("GP305", "comment", "Great insights! Let's connect."),
        ("GP302", "comment", "So inspiring, thank you for sharing your journey!"),
        ("GP306", "comment", "Great article on SEO, thanks for sharing!"),
        ("GP307", "comment", "Really enjoyed reading this one. You explained everything so clearly. Looking forward to your next article."),
        ("GP307", "comment", "This is such an amazing piece of content, very well written and easy to understand. Thanks a lot for sharing."),
        ("GP307", "comment", "wow what a great read, so much valuable info here, thanks for taking the time to write it all down for us"),
        ("GP321", "comment", "Hi there, I enjoy reading through your posts and wanted to leave a little comment to support you."),
        ("GP320", "comment", "I am truly enjoying the layout of your blog. It is very easy on the eyes, so I come here to read often."),
        # a reporting verb of the sender's own ("let me tell you", "I must say") is no report
        ("PC101", "cold-email", "Hi Dan,\n\nCould you tell me if you have time for a quick call next week?"),
        ("GP331", "cold-email", "Hi Dan,\n\nLet me tell you how we help companies like yours double their leads."),
        ("GP402", "cold-email", "Hi Dan,\n\nI must say your profile is impressive and you would be a perfect fit for this exciting opportunity."),
        ("GP202", "follow-up-email", "Hi Dan,\n\nCan you tell me if you got my last email?"),
        # a filler between pronoun and verb ("I really hope", "we just help") is the same line
        ("GP101", "cold-email", "Hi Sam,\n\nI really hope this email finds you well."),
        ("GP331", "cold-email", "Hi Sam,\n\nWe actually help logistics companies cut fuel costs."),
        ("GP403", "cold-email", "Hi Sam,\n\nAre you really the right person to talk to about payroll?"),
        ("AU120", "cold-email", "Did you really get a chance to look at my note?"),
        ("PC104", "linkedin-connect", "Hi Raj, we just help B2B founders book more demos."),
        ("GP302", "comment", "Great post Jane! 👏"),
        ("GP302", "comment", "Well said Omar Haddad, thanks"),
        ("AU301", "follow-up-email", "Hi Dan,\n\nChecking in on the below. Did you fall off the face of the earth?"),
        ("GP202", "follow-up-email", "Hi Dan,\n\nResending in case this got lost. I'll stop bugging you after this."),
        ("AU107", "cold-email", "Hi Dan,\n\nWe make payroll simple.\n\nIf you wish to unsubscribe, click here."),
        ("AU107", "cold-email", "Hi Dan,\n\nWe make payroll simple. Worth a look?\n\nSent from my iPhone"),
        ("PC101", "cold-email", "Hi Dan,\n\nWe built an AI scheduling tool. Are you free to chat on Thursday?"),
        ("PC102", "cold-email", "Hi Dan,\n\nI'm a designer in Leeds. Please let me know if there are any openings on your team."),
        ("GP302", "comment", "Great post! I have shared it with my network."),
        ("GP302", "comment", "Hi, great tutorial, really helpful for a newbie like me. I am a regular follower of your blog."),
        ("GP202", "follow-up-email", "Hi Dan, just checking if you had a chance to review my last email."),
        ("AU301", "follow-up-email", "Hi Dan,\n\nDid I lose you? Let me know if you want me to stop emailing."),
        ("AU301", "follow-up-email", "Hi Dan,\n\nI understand you're busy. I'll reach out again next month."),
        ("GP405", "cold-email", "Hi Dan, I'm the founder of Leadly. Can I show you a 10-min demo?"),
        ("GP401", "dm", "Hi dear, how are you? I am looking for a serious business partner."),
        ("GP401", "cold-email", "Hey there,\n\nI'm an influencer with 50k followers and would love to partner with your brand."),
        ("GP331", "cold-email", "Hello Sir,\n\nI am a professional graphic designer with 8 years of experience."),
        ("GP311", "cold-email", "Hi Sam,\n\nWould you mind filling out a quick survey about invoicing apps?"),
        ("GP313", "cold-email", "Hi,\n\nOur client, a leading wearables brand, is launching a sleep ring. I have a story idea for your readers."),
        ("GP302", "comment", "Hi all, wow, what a timely post! Really resonates, you explained everything so clearly."),
        ("GP302", "comment", "Informative article, exactly what I wanted to find."),
        ("GP321", "comment", "Hey there, I just wrote an extremely long comment but it vanished, so I'm not writing all that over again."),
        ("AU311", "comment", "Does your blog have a contact page? I would like to pay a visit to this site more often."),
        ("GP320", "comment", "I do believe this is a fine web site and I bookmarked it."),
        ("GP202", "follow-up-email", "Hi John,\n\nJust bumping this up in your inbox. Let me know your thoughts!"),
        ("GP331", "cold-email", "Hello,\n\nWe are a team of web developers in Pune. We can bring you more traffic and more customers."),
        ("GP340", "cold-email", "Hi Sam,\n\nWe offer payroll outsourcing for firms of any size. Would you be interested in a quote?"),
        ("GP340", "cold-email", "Hi Sam,\n\nI run a small video studio. We make explainer videos that help brands stand out. Happy to send some samples."),
        ("GP341", "linkedin-dm", "Hi Sam, I have a proposal that could be interesting for your business. When can we talk?"),
        ("GP341", "cold-email", "Hi Sam,\n\nWe are looking for partners in your region to distribute our water filters."),
        ("GP341", "follow-up-email", "Hi Sam,\n\nI'm still keen to show you how our platform could help your business grow."),
        ("GP402", "linkedin-dm", "Hi Sam, hope you're doing well! I have a few exciting roles that could suit your background."),
        ("GP402", "linkedin-dm", "Hi Sam, I have an urgent requirement for a data engineer. Please share your updated CV."),
        ("GP340", "linkedin-dm", "Hello Sam, we are offering free trials of our CRM this month. Would you like one?"),
        ("GP102", "linkedin-dm", "Hi Sam, I came across your name while researching leaders in the logistics space."),
        ("GP340", "cold-email", "Hi Sam,\n\nAre you looking for a new accountant? We can help your firm with year-end filing."),
        ("GP202", "follow-up-email", "Hi Sam,\n\nJust wanted to put this back on your radar. Any thoughts on my previous email?"),
        ("AU301", "follow-up-email", "Hi Sam,\n\nCould you let me know if you received my previous email?"),
        ("GP202", "follow-up-email", "Hi Mark,\n\nI sent you an email last week and wanted to follow up."),
        ("GP201", "follow-up-email", "Hi Lee, just wanted to make sure you saw my last email."),
        ("GP203", "follow-up-email", "Hi Lee,\n\nJust wanted to resurface this. Would love to find a time to connect.\n\nBest,\nDana"),
        ("GP203", "follow-up-email", "Hi Lee,\n\nI know things get busy, so I wanted to send a quick reminder."),
        ("GP405", "cold-email", "Hi Rosa, would you be open to a quick 15-minute call next week?"),
        ("NP101", "cold-email", "Hello everyone,\n\nWe are a Lisbon agency building Shopify stores."),
        ("NP101", "cold-email", "Dear Business Partner,\n\nWe are pleased to send our spring catalogue."),
        ("NP101", "cold-email", "Greetings of the day,\n\nWe are a software company in Pune."),
        ("NP121", "dm", "Dear Sir/Madam, we are a digital agency offering web design."),
        ("NP106", "cold-email", "We offer payroll outsourcing at a flat fee for firms of any size. Interested?"),
        ("GP317", "linkedin-dm", "Hi Noor, I'd love to connect and learn more about your journey."),
        ("GP317", "linkedin-connect", "Hello Jo, I noticed we're both in the renewable energy space. Let's connect!"),
        ("GP317", "dm", "Always looking to grow my network with like-minded creators, happy to connect."),
        ("GP308", "comment", "Such an informative article, you explained it really well. Will definitely share it with my friends, keep posting!"),
        ("GP308", "comment", "I'm so impressed, what a valuable piece. Looking forward to more content like this from you."),
    ],
)
def test_the_near_habit_still_fires(ruleset: RuleSet, code: str, channel: str, text: str) -> None:
    """The guards above must not blind the rules: the same words, used as the habit, are flagged."""
    assert code in codes_drawn(ruleset, channel, text)
