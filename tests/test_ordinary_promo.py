"""Ordinary text of every channel draws no anti-social finding; plain promo and bot habits do.

The self-promotion and automation packs read word classes and sentence shapes (a plug, a
shop flyer, a brochure line, a bump, a footer), so they meet many sentences that share the
words without the habit: a commenter who says what a tutorial did for them, a job seeker's
years of experience, a follow-up that brings the numbers, a friend's "just checking in", a
family post, a help request. Every text here is written for this test (none is copied from
any corpus) and runs through the per-draft function the CLI uses, on the channel it would be
sent on. ``ORDINARY`` must draw no finding of any judgment family; ``HABITS`` must draw the
named rule, so the first list cannot pass by the rules being switched off.
"""

from __future__ import annotations

import pytest

from sociable.document import Document
from sociable.engine import check_document
from sociable.packs.schema import JUDGMENT_CATEGORIES
from sociable.ruleset import RuleSet

JUDGMENT = set(JUDGMENT_CATEGORIES)

ORDINARY: list[tuple[str, str]] = [
    # near GP322 (stock praise in front of a plug) and the first-note sale shapes of PC103:
    # praise with the commenter's own case, a friend's shop news, a reply about prices
    ("comment", "Great post! Our bakery tried the overnight proof you describe and the crumb is so much more open."),
    ("comment", "Thanks for sharing! We run the same setup at our clinic and the backup step is the one people skip."),
    ("dm", "The cafe we like is running a two-for-one on Fridays now, want to go after work?"),
    ("linkedin-dm", "Thanks for asking about our rates, Imran. The workshop is 400 pounds for a team of ten; the outline is below."),
    ("x-dm", "Thanks for the follow! Your thread on tide tables was great; are you sailing the Solent this year?"),
    # round 5 near misses of SP642's brochure voice, SP647, SP648 and SP649
    # near the capability-voice marks of SP642: a founder's lesson, a charity, a release note
    ("linkedin-post", "We build delivery software for bakeries, and last year we lost our biggest customer. Our platform was fine; our support hours were not. We now answer until 9pm and churn halved."),
    ("facebook-post", "Our food bank provides 300 parcels a week, and we help families in four villages. We need drivers on Thursdays from 2pm, message Jo."),
    ("linkedin-post", "Version 4.2 of the timetable app is out. You can now export your week to a calendar and hide lines you never ride. Our tool still works offline."),
    ("linkedin-post", "OpenRail builds signalling kits for heritage lines, and their manual is the clearest I've read. Worth it if you maintain a branch line."),
    # near SP647: a friend's news, a reply with the link they asked for, a job seeker
    ("dm", "I finished my first novel last night!! 90,000 words. Can I buy you a drink on Friday to celebrate?"),
    ("x-dm", "You asked about the zine I made on bus routes: the library has it, and the link is example.com/zine"),
    ("linkedin-dm", "Hi Priya, I'm applying for the junior designer role you posted. I built a small app for my college's canteen; the link is in my CV."),
    ("cold-email", "Hi Marta,\n\nYour article on river clean-ups used our survey numbers. We published the full dataset last week, free to download at example.org/river, in case the second part needs it.\n\nBen"),
    # near SP648: the reader's firm ranked, a question about the best tool, a small firm saying so
    ("cold-email", "Hi Marta,\n\nYour bakery was named the best in Leeds by the Post, congratulations. We roast coffee two streets away; could we drop off a bag for you to try?\n\nBen"),
    ("linkedin-dm", "Hi Marta, what is the best payroll tool for a team of six? We use a spreadsheet and it breaks every April."),
    ("cold-email", "Hi Marta,\n\nWe are a two-person print shop, the smallest on the estate. Your flyer for the May fair has a typo in the date; want us to reprint it at cost?\n\nBen"),
    ("linkedin-dm", "Hi Marta, great to meet you at the expo. As promised: thousands of schools use the free timetable template we spoke about, here it is."),
    ("follow-up-email", "Hi Marta,\n\nNews since my last note: the council approved the crossing, so the survey you helped with is now the plan. The leading contractor starts in June.\n\nBen"),
    # near SP649: lessons, complaints, someone else's thanks, a friend's luck
    ("linkedin-post", "People keep asking me how we price our workshops, so here is how: room hire, two trainers and materials, all in the sheet below."),
    ("linkedin-post", "Rents are higher than ever and our studio is moving out of the centre in June. Which neighbourhood has good light and a bus stop?"),
    ("facebook-post", "So grateful to the Gazette for featuring the food bank on Saturday; donations doubled by Monday."),
    ("instagram-post", "Lucky to have photographed my sister's wedding in the hills. She cried, I cried, the dog ate the cake."),
    ("linkedin-post", "We don't just build the app, we also answer the phone: last month that meant 212 calls, and here are the three questions that came up most."),
    ("x-post", "The new ferry crosses faster than ever, according to the harbour board. Timetables change on Monday."),
    ("linkedin-post", "Our staff survey came back at 61% satisfaction, down from 74%. Here is what people told us and the three things we are changing."),
    # a launch post that says what changed for users; a charity appeal; a recruiter's note
    ("linkedin-post", "Today the library app gets a dark mode and bigger buttons, because readers over 70 asked for both. You can switch it on in Settings."),
    ("facebook-post", "The shelter is full again this winter. We provide beds for 40 people a night and need blankets, drop them at the church hall before Friday."),
    ("linkedin-dm", "Hi Marta, I'm recruiting for a head of ops at a 40-person bakery chain in York, salary £58k. Your work opening the Leeds site is why I thought of you; the full description is attached."),
    ("comment", "Great write-up. The part on cold starts matched what we saw; our fix was to warm the pool at 6am, which cut p95 by a third."),
    ("x-dm", "hey, finally finished the shed roof, come and see it Sunday and bring the drill back pls"),
    # hunt round: a founder's setback, a friend's exhibition, a complaint with a date, a reply to what they wrote, a village's pride
    ("linkedin-post", "We help small councils publish bus data, and this spring our biggest client switched us off. Our API was the problem: it needed a developer to use. We are rebuilding it as a spreadsheet upload, and the old one stays free until December."),
    ("instagram-post", "Blessed to have shot my best friend's first exhibition last night. Go see her paintings at the Crypt Gallery, open until Sunday."),
    ("x-post", "Bus fares are higher than ever in our town. The council meets on Tuesday at 7pm; come and speak if you ride the 22."),
    ("linkedin-dm", "Hi Marta, you wrote that your team is moving off spreadsheets. We built a small rota app for care homes last year; want me to send the two-page write-up of what went wrong?"),
    ("facebook-post", "Our village shop was voted best in the county by the Herald readers! Thank you to Pat and Sunil, who open at 6 every morning, and to all of you who shop local."),
    # near the own-staff-recognition shape: neighbours, and the work itself
    ("linkedin-post", "Congrats to our support team: they cut first-reply time to forty minutes, and here is how."),
    ("x-post", "Congrats to our neighbours on being named best garden on the street, the sunflowers earned it."),
    # near the perk-and-sigh shapes: complaints about other people's events and prices
    ("x-post", "Ugh, the keynote speaker cancelled, so our meetup now needs a talk on caching. Anyone?"),
    ("facebook-post", "So tired after the night shift, but the kids drew the nurses a poster and it made our week."),
    ("instagram-post", "Front row seats at my niece's school play. I cried, she forgot one line, nobody noticed."),
    ("x-post", "Hate how business class fares triple on Fridays; we booked the Thursday train instead."),
    # near the brochure, award, launch and bestseller shapes, said of someone else or plainly
    ("cold-email", "Hi Ana,\n\nYou are a leading voice on school meals, and our council cites your canteen survey. How did you pick the 40 schools?\n\nTom"),
    ("cold-email", "Hi Ana,\n\nI'm a nurse with over 12 years on paediatric wards, and with more than 3 years as a deputy I'd like to apply for the ward manager post.\n\nTom"),
    ("cold-email", "Hi Ana,\n\nYour shop's window is the best in town. Would you mind if our street newsletter printed a photo of it?\n\nTom"),
    ("linkedin-post", "Grateful for the chance to mentor three apprentices this year; each one taught me to explain my job in plain words."),
    ("linkedin-post", "We helped 30 families move into the new housing block this winter. We need two more van drivers in March."),
    ("x-post", "The city released the new bus timetable today. Try it now if you ride the 14, it saves ten minutes."),
    ("facebook-post", "Our book club read three bestsellers this year, and the quietest one won the vote."),
    ("linkedin-post", "Our hospital's night team won the county nursing award, and the judges named Amira's sepsis checklist. The checklist is public on the trust's site."),
    ("comment", "The top comment is right: the pantry is open until 8 on Thursdays now."),
    # comments: people talking about the post, sometimes about themselves
    ("comment", "I'm a new teacher and this lesson plan saved my Monday, thank you."),
    ("comment", "I just started cycling to work this month and your chain video fixed my slipping gears."),
    ("comment", "I post my marathon splits on Strava too; yours look like a clean negative split."),
    ("comment", "We had the same leak in our van; the dealer's seal kit fixed it for about $30."),
    ("comment", "Subscribed! Your bread videos are the only ones my kids will watch with me."),
    ("comment", "The store on Elm has these boots on sale this week if anyone wants a pair."),
    ("comment", "Does anyone have the link to the slides? The chart on page 4 is what I need."),
    ("comment", "The same error is answered in the docs: https://docs.example.com/errors#e42"),
    # posts: news that gives the reader something, family news, help requests
    ("linkedin-post", "Our page crossed 20k followers, and here is what we learned: short captions, real photos, one post a day."),
    ("linkedin-post", "Our team is hiring two backend engineers in Lisbon. The salary range is in the post and we reply to every applicant."),
    ("linkedin-post", "I'm starting a new role at the city council next month, on bus routes. If you ride the 12, tell me what to fix."),
    ("linkedin-post", "We open-sourced our load-testing scripts under MIT; the README explains the setup in ten minutes."),
    ("instagram-post", "First try at a linen shirt pattern. The collar took three attempts and a lot of swearing."),
    ("instagram-post", "Our cafe is closed on Monday for a family wedding, see you Tuesday!"),
    ("facebook-post", "Does anyone know a good plumber in Riverside? Our water heater just died."),
    ("facebook-post", "So proud of my daughter, she graduated from nursing school today!"),
    ("facebook-post", "Free firewood on the curb at 12 Oak Lane, help yourself."),
    ("x-post", "The bridge is closed for repairs until Friday; take the ferry or route 9."),
    # one-to-one messages: specific first notes and follow-ups with something new
    ("cold-email", "Hi Lee,\n\nI am a final-year student at Leeds with two years of experience as a lab assistant. Would your group take a summer intern?\n\nBest,\nSam"),
    ("cold-email", "Hi Lee,\n\nYour paper on battery recycling cites our 2021 dataset; we just released a cleaner version with three times the samples, free to use.\n\nSam"),
    ("follow-up-email", "Hi Lee,\n\nQuick update since we spoke: the pilot finished and returns fell 9%. Want the full numbers?\n\nSam"),
    ("follow-up-email", "Hi Lee,\n\nThanks for the call yesterday. As you asked, here are the two case studies and the pricing for 20 seats.\n\nSam"),
    ("linkedin-dm", "Just checking in on you, Dana: how did the surgery go?"),
    ("linkedin-dm", "Hi Sam, thanks for connecting. Your post on ward staffing matched what we see in our ICU; how do you run handovers?"),
    ("dm", "thanks for the follow! loved your photos from the Lisbon trip, which lens was that?"),
    ("dm", "hey, did you get home ok? the roads were icy"),
    ("x-dm", "thanks for the recommendation, the book arrived today"),
    ("linkedin-connect", "Hi Ana, we met at the Denver data meetup; I'd like to keep in touch about your dbt work."),
    # near-misses of the press, launch, brand, spam and tragedy shapes (SP101-SP131, SP6xx, SP622, TH103)
    ("linkedin-post", "The paper we cited was featured in Nature last year; its method section is worth your time."),
    ("linkedin-post", "Meet Ayo, a night nurse in Leeds who trained forty new colleagues this year."),
    ("linkedin-post", "Our new feature came from a support ticket: here is how we turned one complaint into a two-line fix."),
    ("facebook-post", "Welcome to the world, little Ada! Our family is growing and we could not be happier."),
    ("facebook-post", "The flood victims on Mill Road need dry blankets; the school gym is collecting until Sunday."),
    ("x-post", "Lest we forget. Our shops close at noon today so staff can attend the services."),
    ("instagram-post", "Tried the new ramen place by the station, the broth alone was worth the queue."),
    ("comment", "Congrats on the launch! Which database did you end up choosing for the sync engine?"),
    ("comment", "Is this a scam? The email said I won a gift card, but I never entered anything."),
    ("cold-email", "Hi Lee,\n\nYou asked at the meetup whether anyone had benchmarks for the Rust parser; ours are in the attached sheet, no strings.\n\nSam"),
    ("dm", "call me when you land, I'll pick you up at arrivals"),
    ("linkedin-dm", "Hi Omar, we were both quoted in the same Guardian piece on bus lanes; did the council ever reply to you?"),
    # near-misses of the we-broadcast and humblebrag shapes (SP502, SP623)
    ("facebook-post", "We walked the canal path on Sunday with our kids and our neighbours' dog. We found a heron nest, we ate our sandwiches on the lock gates, and we got home muddy and happy. If you go, take the north bank, the south one is flooded."),
    ("linkedin-post", "We rebuilt our onboarding this spring. Our first attempt failed, our second was too long, and our third finally stuck: three short calls instead of one long one. What does your team do in week one?"),
    ("x-post", "Ugh, my flight got cancelled again and the airline's chat bot keeps hanging up on me."),
    ("instagram-post", "So tired after the half marathon, but my sister finished her first one and I could not be prouder."),
    ("comment", "The docs cover it, check them out at https://docs.example.com if your build fails the same way."),
    ("comment", "A friend lost her savings to a fake recovery service last year; the bank's fraud line was the only thing that helped."),
    ("linkedin-post", "Excited to see the city finally fund the cycle lane on Mill Road; the petition took three years."),
    # near the own-milestone shapes (SP630): partnerships that give something, family news, lessons
    ("linkedin-post", "We partnered with the county library to run free CV clinics; the first one is on 4 March at the Elm Road branch."),
    ("facebook-post", "Our son turns 7 on Saturday and has asked for a volcano cake. Any recipes that actually erupt?"),
    ("linkedin-post", "We doubled our headcount last year and broke onboarding twice. Here is the checklist we use now."),
    ("x-post", "The corner cafe was acquired by a chain and the menu halved. Where do the old bakers work now?"),
    ("instagram-post", "Another rainy Saturday at the allotment, but the first broad beans are up."),
    ("facebook-post", "Record rainfall again this week; the Mill Lane footpath is flooded, use the bridge."),
    ("linkedin-post", "Ten years since we founded the allotment society, and the waiting list is forty names long. If you have a spare plot, tell us."),
    # near the credential and brochure shapes (SP631, SP632): the reader's numbers, a salary, a thank-you
    ("cold-email", "Hi Lena,\n\nYour 97% retention rate in the trade report stood out; how do you run renewals with a team of three?\n\nOmar"),
    ("linkedin-post", "A six-figure salary did not make me happier; a shorter commute and a dog did."),
    ("linkedin-dm", "Hi Lena, thanks for featuring the river clean-up in your newsletter, the volunteers loved seeing their photos."),
    ("dm", "you'd love the bakery two doors from yours, their rye is the best in town"),
    ("comment", "We were featured in the same council report, and the question about survey bias came up there too: did you weight by age?"),
    ("cold-email", "Hi Lena,\n\nI'm a freelance copywriter and I loved your piece on plain-language menus. How did you test them with diners?\n\nOmar"),
    # near the self-pitch shapes (SP633): a coach who adds to the post, a volunteer asking for a list
    ("comment", "I'm a sleep coach too, and the tip about dimming the lights an hour early is the one that works for most families I see."),
    ("comment", "I help run the school library; could someone email me the reading list so we can order the books?"),
    ("linkedin-post", "We help restaurants cut food waste. Here is the spreadsheet our kitchens use to track it, free to copy."),
    # a commenter's own link that answers the post stays clean (SP601, SP606 read the answer, not the word "useful")
    ("comment", "You asked about proofing times: my notes on rye starters are on my blog, in case it helps."),
    ("comment", "Same timeout here; I wrote up the exact fix on my blog, it's the keepalive setting."),
    # job posts ask for experience, job seekers say what they do (SP611 and SP633 on every channel)
    ("linkedin-post", "We're hiring a ward nurse with over 3 years of experience in paediatrics; the salary is £36k and the shifts are fixed."),
    ("facebook-post", "Looking for a dog walker with more than 2 years of experience for our two spaniels, weekday mornings near the park."),
    ("cold-email", "Hi Lee,\n\nI'm a marketing specialist looking for a new role in Leeds, and your post on the analyst opening caught my eye. Could we talk?\n\nSam"),
    # near the DM link, brand-launch and vendor-promise shapes (SP634, SP635, SP636)
    ("linkedin-dm", "Hi Omar, great to meet you at the meetup. As promised, here are the slides: https://example.com/slides"),
    ("dm", "the petition for the crossing is here https://example.com/petition, the council votes Friday"),
    ("x-dm", "You asked where I got the starter: https://example.com/starter, the shop ships it frozen."),
    ("instagram-post", "The wait is over for the Mill Lane footbridge: it reopens Monday, and the ramp is step-free."),
    ("facebook-post", "Celebrating 40 years of marriage today. Mum and Dad, you are our heroes."),
    ("linkedin-post", "Our biggest mistake ever was hiring ahead of revenue. Three things I would do differently."),
    ("linkedin-post", "From one van to 30 depots: here is how we planned routes at each stage, and the spreadsheet we outgrew."),
    ("linkedin-post", "Coming to the book swap on Saturday? The library opens at ten and the café has soup."),
    ("cold-email", "Hi Lena,\n\nYou mentioned in your post that deliveries will cut your margin by 10% this winter; we saw the same at two shops in York. Want the numbers?\n\nOmar"),
    ("linkedin-dm", "Hi Lena, the council is reinventing the way markets are licensed; did your stall get the new form?"),
    ("x-post", "Stay tuned to the county feed tonight: the flood barrier decision is due at six."),
    # near the humblebrag tells (SP604): disbelief and hindsight about other things
    ("facebook-post", "Still can't believe the bakery on Elm closed; where does everyone buy rye now?"),
    ("linkedin-post", "I never thought to check the logs first; a junior colleague did, and found the bug in ten minutes."),
    # "our team ... our members" news from a food bank, a product team, a rail operator (SP625 needs three)
    ("linkedin-post", "Our team of volunteers packed 400 food boxes on Saturday, and our members drove them to every flat on the estate."),
    ("linkedin-post", "Our company switched to a four-day week in January. Our people kept the same pay, and sick days fell by a third."),
    ("x-post", "Our trains are running late this morning because of a signal fault; our staff at Leeds station can advise on connections."),
    # questions to the reader whose question mark was lost (SP630, SP635 read the question words)
    ("linkedin-post", "We doubled our headcount last year and broke onboarding. What does week one look like at your company"),
    # community news, charity totals, a small business's hours, a meetup host (SP101, SP630 and neighbours)
    ('facebook-post', "We raised $2,300 for the children's hospice at Saturday's bake sale. Thank you to everyone who baked!"),
    ('linkedin-post', 'Our office raised £1,200 for the food bank this month, and the collection box stays in reception until Friday.'),
    ('instagram-post', 'We hit 10,000 steps every day in May for the cancer charity walk. Sponsor links are on the school page.'),
    ('linkedin-post', 'Proud of our apprentices: all six passed their final assessments this week.'),
    ('linkedin-post', 'We launched a free tool for checking alt text on images; it runs in the browser and stores nothing.'),
    ('linkedin-post', 'We signed the lease on a community garden plot, and anyone on the street can have a bed.'),
    ('x-post', 'We won the pub quiz! The tiebreaker was the height of the Eiffel Tower.'),
    ('facebook-post', 'Our café turns 5 on Saturday: free coffee for anyone who brings a mug from home.'),
    ('linkedin-post', 'I joined the board of the local food bank this year. They need drivers on Thursdays if you can spare two hours.'),
    ('cold-email', 'Hi Lena,\n\nWe were featured in the same trade report as your shop, and the section on delivery costs matched what we see. Could I ask how you price rural drops?\n\nOmar'),
    ('comment', "I'm a nurse and this checklist is exactly what we use on the ward, thank you for writing it up."),
    ('linkedin-dm', "Hi Lena, I host the Leeds bakers' meetup, about 40 of us. Would you talk about rye at the March session?"),
    ('linkedin-post', 'Our restaurant is closed next week for repairs. We reopen on 14 April with the same menu.'),
    ('instagram-post', 'New drop of kittens at the shelter: four tabbies, all vaccinated, ready for adoption.'),
    # near the round-three shapes (SP101 'proud that', SP612 numbers, SP630 subjectless wins, SP641)
    ("facebook-post", "So proud that my sister won her first fell race on Saturday, in the rain too."),
    ("linkedin-post", "Our food bank's users are up 40% this winter, so we need more volunteers on Friday evenings."),
    ("x-post", "Just reached the top of Ben Nevis. Legs are jelly, views are worth it."),
    ("linkedin-post", "Priya just closed the ticket queue for the night; if you are on the morning shift, the handover notes are in the wiki."),
    ("comment", "This is exactly what my grandmother did with her rye: a cold night in the fridge and a hot oven."),
    ("comment", "I teach year 4 and we use this exact fraction chart in class; the colour coding is what makes it click."),
    ("comment", "You asked which book covers this: the council's own guide on page 12 has the exact steps."),
    ("linkedin-post", "The library was voted best in the county by its readers, and the Saturday story hour is why; it runs at ten."),
    ("x-dm", "thanks for the tip about the ferry, we made the 6 o'clock one"),
    # near the us-broadcast marks (SP642): thanks that name what people did, release notes,
    # a job post with its pay, a charity run, a community fridge, civic news
    ("linkedin-post", "Thank you to Priya and Tom, who stayed late all month to rebuild the ward rota. Because of them, nobody on nights worked more than three shifts in a row. I am proud to work alongside them."),
    ("facebook-post", "We moved! The new flat is tiny but the light is lovely, and we are grateful to everyone who carried boxes up four floors. Housewarming soon."),
    ("linkedin-post", "Version 2.4 is out. Exports now keep your column order, the search box finds partial names, and the sync bug on Android is fixed. Thanks to the 40 users who reported it."),
    ("instagram-post", "Proud of this one: my first quilt, 120 squares, three months of evenings. The border is wonky and I love it."),
    ("linkedin-post", "I have been named chair of the parents' association. Huge thanks to the outgoing committee for three years of bake sales and one new playground."),
    ("x-post", "Grateful to the 300 runners who turned out in the rain for the park run anniversary. The volunteers deserve all the cake."),
    ("linkedin-post", "We're hiring a junior data analyst in Leeds, £31k, hybrid, four days a week. You would own our weekly sales report and work with two friendly analysts."),
    ("linkedin-post", "Excited to be running the Leeds half marathon for the children's hospice this year. I have raised £400 so far, and every pound goes to night care."),
    ("facebook-post", "Our village shop has been named community business of the year! Thank you to Mrs Patel, who has opened it at 6am every day for 20 years."),
    ("linkedin-post", "I was promoted to team lead last week. The best advice I got from my own lead: protect your team's focus time before anything else."),
    ("x-post", "The future of our high street depends on the council vote tonight. Grateful to the 2,000 people who signed the petition."),
    ("linkedin-post", "Proud to have completed my first year as a volunteer mentor with the youth charity. My mentee just got into college."),
    ("linkedin-post", "We opened the community fridge on Elm Street this week. Over 150 people have used it so far; drop off food any time."),
    # near the giveaway, canned-comment, follow-thanks and sender-portrait rules (SP643-SP646)
    ("linkedin-dm", "Thanks for connecting, Sam. I post about ward staffing too and would love your view on night handovers: how long do yours take?"),
    ("linkedin-connect", "Thanks for accepting! I'm the one who asked about sourdough at your talk on Tuesday."),
    ("instagram-post", "We're giving away our old pram, free to a good home, collect from Elm Road this weekend."),
    ("facebook-post", "The school raffle is on Friday: tickets are £1 at the gate and all money goes to the new library."),
    ("x-post", "We won the pub quiz by one point. The tiebreaker was the length of the Thames."),
    ("linkedin-post", "Our team needs two more players to win the charity five-a-side on Sunday; anyone free at 10?"),
    ("cold-email", "Hi Lena,\n\nI'm a final-year student with two years of experience as a lab assistant and a poster award, and I'd love to apply for your summer internship.\n\nOmar"),
    ("facebook-post", "The council gives free quotes for loft insulation under the new grant; ask at the library desk."),
    ("dm", "call me when you're free to get the keys, I'm home after six"),
    ("linkedin-post", "Comment below if you want the slides and I will email you the deck from the council meeting."),
    ("instagram-post", "Tried the new noodle bar by the station. Not sponsored, just hungry, and the broth was worth the queue."),
    ("linkedin-post", "Our ads team wrote up why the spring campaign flopped: the targeting was fine, the offer was not. #ads #marketing"),
    ("follow-up-email", "Hi Lena,\n\nThanks for your reply. As discussed, we have worked with over 40 bakeries and the case study from the one in York is attached.\n\nOmar"),
]

HABITS: list[tuple[str, str, str]] = [
    ("comment", "Awesome article! I write about budgeting on my blog too, come say hello.", "GP322"),
    ("linkedin-connect", "Hi Petra, we are running a launch promotion on our HR platform this month.", "PC103"),
    ("x-dm", "Thanks for following! We're looking for resellers in Ireland, interested in partnering?", "PC103"),
    ("comment", "sub to me and I'll sub back!", "SP609"),
    ("comment", "Cool drawing. I post my sketches on my insta, go follow!", "SP609"),
    ("comment", "Very nice! I do custom portraits, DM me if interested", "SP609"),
    ("comment", "nice one! my channel: youtube.com/@pixelpete", "SP613"),
    ("instagram-post", "The linen shirts are back in stock and we ship worldwide.", "SP610"),
    ("cold-email", "Hi Lee,\n\nWe are a full-service digital agency based in Leeds.\n\nKim", "SP611"),
    ("x-post", "My thread went viral again overnight. 3 million views!", "SP612"),
    ("linkedin-post", "Happy to share that I've started a new position as Head of Data at Acme!", "SP101"),
    ("comment", "I made $3,000 last month working from home, ask me how", "SP602"),
    ("follow-up-email", "Hi Dana, pinging you again about the proposal.", "AU301"),
    ("follow-up-email", "Hi Dana,\n\nNot sure if you saw my note below. Did it land?\n\nKim", "AU301"),
    ("cold-email", "Hi Dana,\n\nWe build apps.\n\nThis email was sent to dana@example.com because you signed up.", "AU302"),
    ("comment", "Nice blog! I bookmarked it and will check back for more quality content.", "AU110"),
    ("cold-email", "Hi dana_lee,\n\nWe help teams ship faster.\n\nKim", "AU108"),
    ("linkedin-post", "We were featured in three trade magazines this month!", "SP101"),
    ("instagram-post", "Our winter knit range just landed, in six colours.", "SP622"),
    ("linkedin-post", "Please join me in welcoming Tomas Berg to the team!", "SP622"),
    ("comment", "I invested with Mrs. Hale and now I earn $4,000 weekly, contact her on WhatsApp.", "SP602"),
    ("cold-email", "Congratulations! You have been selected to receive a free tablet.", "SP103"),
    ("cold-email", "Hi Lee,\n\nWe're a fast-growing, VC-backed team hiring engineers.\n\nKim", "SP131"),
    ("x-post", "Hurricane season is here. Stock up: 25% off all flashlights with code STORM.", "TH103"),
    ("facebook-post", "I bet you won't share this photo of our town hall.", "EB123"),
    ("x-post", "Ugh, upgraded to first class again and they ran out of oat milk.", "SP623"),
    ("linkedin-post", "Congratulations to our CTO on being shortlisted for Engineering Leader of the Year!", "SP629"),
    ("linkedin-post", "We just closed our seed round, led by two angels from the food industry.", "SP630"),
    ("instagram-post", "Another sold-out pottery workshop this weekend 🤍", "SP630"),
    ("cold-email", "Hi Lena,\n\nWe pride ourselves on friendly service and fast turnaround.\n\nOmar", "SP631"),
    ("cold-email", "Hi Lena,\n\nOur clients range from corner cafés to national hotel chains.\n\nOmar", "SP632"),
    ("comment", "So true. I'm a certified sleep coach, DM me if your toddler won't settle.", "SP633"),
    ("x-dm", "Thanks for the follow! Visit https://lenabakes.example.com for recipes and my shop.", "SP634"),
    ("instagram-post", "Coming soon: our boldest knitwear range yet. Stay tuned 👀", "SP635"),
    ("cold-email", "Hi Lena,\n\nWe can cut your energy bill by 30% in the first year.\n\nOmar", "SP636"),
    ("linkedin-post", "So proud that our studio took gold at the regional design awards.", "SP101"),
    ("x-post", "Just crossed $1M in ARR, fourteen months in.", "SP630"),
    ("instagram-post", "We're giving away two of our new linen throws! Follow us and share this post to win.", "SP644"),
    ("comment", "Very informative post, keep up the good work! Please visit my site for more garden ideas.", "SP645"),
    ("x-dm", "Thanks for the follow! I tweet about budgeting every day, and my podcast is on Spotify.", "SP646"),
    ("cold-email", "Hi Lena,\n\nFernway is an award-winning studio with over 300 happy clients, including brands like Lush and Ocado.\n\nOmar", "SP643"),
    ("linkedin-post", "What a year for Larkspur. We opened two depots and welcomed 300 new customers, and none of this would be possible without our incredible team.", "SP642"),
    ("comment", "Great point! This is exactly what I teach in my leadership programme.", "SP641"),
    ("x-dm", "Hey! I just wrote my first recipe book, you can grab it on Amazon now.", "SP647"),
    ("linkedin-dm", "Hi Lena, our agency was voted the best branding agency in Cardiff this year.", "SP648"),
    ("linkedin-post", "At Fernway we don't just sell bikes. We sell freedom, and we're just getting started.", "SP649"),
    ("linkedin-post", "Fernway builds cargo bikes for city couriers. Our platform enables fleets to cut costs, and we deliver world-class uptime.", "SP642"),
]


def _findings(ruleset: RuleSet, channel: str, text: str) -> list[tuple[str, str]]:
    """(code, family) of every finding, merged codes included (overlapping findings share a span)."""
    doc = Document.from_text(text, "draft.md", channel=channel)
    return [(code, f.category) for f in check_document(doc, ruleset) for code in f.codes]


@pytest.mark.parametrize(("channel", "text"), ORDINARY, ids=[f"{c}-{i}" for i, (c, _) in enumerate(ORDINARY)])
def test_ordinary_text_draws_no_judgment_finding(ruleset: RuleSet, channel: str, text: str) -> None:
    judged = [code for code, category in _findings(ruleset, channel, text) if category in JUDGMENT]
    assert judged == [], f"{channel}: {text!r} drew {judged}"


@pytest.mark.parametrize(("channel", "text", "code"), HABITS, ids=[code for _, _, code in HABITS])
def test_plain_habit_is_flagged(ruleset: RuleSet, channel: str, text: str, code: str) -> None:
    codes = [found for found, _ in _findings(ruleset, channel, text)]
    assert code in codes, f"{channel}: {text!r} drew {codes}, not {code}"
