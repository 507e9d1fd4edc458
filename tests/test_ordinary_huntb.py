"""Ordinary drafts near today's self-promotion and generic-pitch rules get no judgment finding.

A false-alarm hunt on the rules added or widened in one round (SP601 SP610 SP630 SP641-SP646,
GP204 GP308 GP317 GP331 GP341-GP343). The false alarms found: a shop's post that gives its
opening hours and a team's release note that tells users what they can now do (SP630), a
founder's milestone told for the advice behind it (SP101, SP612, SP630), a birthday post that
is a list of lessons (SP630), a founder's price-rise lesson (SP642) and a neighbour passing on
the council's restock (SP610). Around them, specific drafts that drew nothing: a cold email
that introduces the sender's firm and asks a real question, a recruiter's note with the
salary and the reason, a follow-up that carries news, a comment that adds a point of its own,
a charity's appeal. The same openings with nothing for the reader still fire. All were
written for this test; none comes from a corpus.
"""

from __future__ import annotations

from collections import Counter

from ordinary import near_habit_test, no_judgment_test

# (channel, text)
ORDINARY: list[tuple[str, str]] = [
    # a shop's opening with its hours, a release note with what users can now do (SP630)
    ("linkedin-post", "We're a 12-person bakery co-op and we've just opened a second shop on Dale Street. Same sourdough, longer hours: 7am to 7pm, Monday to Saturday."),
    ("x-post", "We just shipped dark mode in the web app. It follows your system setting, and you can override it in Settings > Display."),
    # a milestone told for the advice behind it (SP101, SP612, SP630)
    ("linkedin-post", "Our team hit 500 customers this month. The thing that got us here wasn't ads: it was answering every support email within an hour. If you're small, that's the cheapest edge you have."),
    # a birthday post that is a list of lessons (SP630); a public body's stock passed on (SP610)
    ("linkedin-post", "Our agency turned 10 this week. Ten things we'd tell ourselves in year one: 1) charge for discovery, 2) never work without a contract, 3) hire slower."),
    ("comment", "If anyone wants to try this, the council's free compost bins are back in stock; order them on the council site, not the garden centre."),
    # a job ad with the pay, a student's specific request
    ("linkedin-post", "We're hiring a part-time bookkeeper in Derby: 20 hours a week, £16 an hour, flexible days. You'd be the first finance hire at a 9-person joinery."),
    ("cold-email", "Hi Hassan,\n\nWe're a 6-person agency that builds Shopify stores for craft breweries. I loved the can art on your winter stout. Your store takes 9 seconds to load on mobile; I found two images at 8 MB each. Would you like the list?\n\nGeorgia"),
    # specific first messages that introduce the sender and ask a real question (GP331, GP341, GP343, SP643)
    ("cold-email", "Hi Jonas,\n\nWe make Ledgerly, a small bookkeeping app for market traders. I noticed your stall takes card payments through two readers. Would it help if both fed into one daily total, or do you keep them apart on purpose?\n\nBest,\nPriya"),
    ("cold-email", "Hi Rosa,\n\nOur company, Fernway, supplies compostable cups to cafés in Manchester. I saw your café switched to paper lids last month. Are the lids holding up with hot drinks, or do they go soft?\n\nCheers,\nLiam"),
    ("cold-email", "Hi Ben,\n\nI'm a recruiter at Northway Logistics. We're hiring a senior data engineer in Leeds, £75-85k, hybrid two days. I read your write-up on moving your Airflow jobs to Dagster; that migration is exactly what this team starts in April. Would you want the job description?\n\nElla"),
    ("cold-email", "Hi Iris,\n\nWe help three bakeries in York cut flour waste; at one it went from 9% to 4% in two months. Your menu changed weekly in January, which is where waste usually creeps in. How do you plan quantities now?\n\nNoah"),
    ("cold-email", "Hi Dr Lewis,\n\nI'm a PhD student at Durham. I work on peat carbon in the Pennines. I read your 2021 paper on drain blocking at Moor House. I couldn't find the water-table data in the supplement; is it shared anywhere?\n\nKit"),
    ("cold-email", "Hi Grace,\n\nI've spent 12 years fixing roofs in Hebden Bridge and I noticed from the lane that the flashing on your chimney has lifted after last week's storm. It's a £150 job if caught now. Would you like me to look at it on Saturday?\n\nPete"),
    ("cold-email", "Dear Mr Patel,\n\nI'm writing on behalf of the Riverside Food Bank. Last winter your shop donated 40 boxes of tinned soup, which fed 120 families. This year we're short of nappies and baby milk. Could your shop put a collection box by the tills from 1 December?\n\nWith thanks,\nHelen"),
    ("linkedin-dm", "Hi Ruth, I saw your food bank is short of drivers on Tuesdays. Our van hire firm can lend a van free on Tuesdays through March. Would that help, and which depot is closer for you?"),
    # follow-ups that carry news (GP204)
    ("follow-up-email", "Hi Marta,\n\nThanks again for your time on Tuesday. As promised, the quote for the two check-in tablets is £640 including setup; it's valid until the end of March.\n\nTom"),
    ("follow-up-email", "Hi Ben,\n\nHope your week's going well. I spoke to the hiring manager: interviews are on 12 and 13 March, and she'd like you in the first slot if you're still keen.\n\nElla"),
    ("follow-up-email", "Hi Dr Lewis,\n\nI found the data in the repository you mentioned, thank you. I ran your model on our Durham site. We got a 14 cm rise, close to yours. I'll send the plot if you'd like it.\n\nKit"),
    # comments that praise and add a point, or mention the commenter's own work as the answer (GP308, SP641, SP645)
    ("comment", "Thank you for this, and congratulations! We used your seating plan for our wedding and it saved us two evenings of arguments."),
    ("comment", "Brilliant talk, keep it up. Quick question: did the 40% drop in churn hold after the discount ended?"),
    ("comment", "I teach a beginners' pottery class and the same cracking happens when students dry pieces too fast; wrapping them loosely in plastic for two days fixes most of it."),
    ("comment", "Great guide. One warning for readers on Windows: the path in step 3 needs backslashes, it took me an hour to spot."),
    # notes after connecting that name the reader (SP646, GP317)
    ("linkedin-dm", "Thanks for connecting, Maya! You asked at the workshop for the slides on survey design; here they are, and the reading list is on the last page."),
    ("linkedin-connect", "Hi Kofi, I'd like to connect and learn more about how your team moved the archive to open formats; your post on the TIFF conversion was great."),
    # broadcast posts that give the reader something: a lesson, a date, a need (SP610, SP642, SP644)
    ("linkedin-post", "We raised prices by 20% in January and lost 3 of our 140 customers. Two told us why: they only used the export feature. So we made export free on every plan."),
    ("facebook-post", "Our amazing volunteers served 1,200 hot meals this winter. None of this would be possible without the Elm Road church lending us their kitchen. We need two more drivers for Tuesdays, message Ruth if you can help."),
    ("facebook-post", "Our school raffle is on Friday: tickets £1 at the gate, and all the money goes to the new playground. First prize is a hamper donated by Lin's Deli."),
    ("instagram-post", "Our opening hours over Easter: Friday 9-3, Saturday 9-5, closed Sunday and Monday. Normal hours from Tuesday."),
    ("x-dm", "Hey, loved your thread on sourdough hydration. Tried 78% last night and it finally held its shape. What flour do you use?"),
    ("dm", "Hi Jo, your parcel shipped this morning with Royal Mail, tracking number in the email. It should arrive Thursday."),
]


test_ordinary_text_gets_no_judgment_finding = no_judgment_test(ORDINARY, "huntb-ordinary")


def test_the_hunted_channels_are_covered() -> None:
    channels = Counter(channel for channel, _ in ORDINARY)
    for channel in ("cold-email", "follow-up-email", "comment", "linkedin-post", "x-post", "facebook-post",
                    "instagram-post", "linkedin-dm", "linkedin-connect", "x-dm", "dm"):
        assert channels[channel] >= 1, channel


test_the_near_habit_still_fires = near_habit_test(
    [
        # the same openings with nothing for the reader still fire
        ("SP630", "linkedin-post", "We're a 12-person bakery co-op and we've just opened a second shop on Dale Street."),
        ("SP630", "x-post", "We just shipped dark mode in the web app."),
        # a sales verb is not a how-to line
        ("SP630", "x-post", "We just shipped dark mode in the web app. You can now buy the pro plan for £5."),
        # an "if you're ..." clause that ends in a contact line is a plug, not advice
        ("SP101", "linkedin-post", "Our team hit 500 customers this month! If you're looking for a CRM, DM me."),
        ("SP630", "linkedin-post", "Our team hit 500 customers this month! If you're looking for a CRM, DM me."),
        ("SP630", "linkedin-post", "Our team hit 500 customers this month! If you're looking for a CRM, this is the one."),
        ("SP612", "linkedin-post", "Our newsletter passed 5,000 subscribers! If you're not subscribed yet, you're missing out."),
        # the same birthday and the same restock with nothing for the reader
        ("SP630", "linkedin-post", "Our agency turned 10 this week. Thank you to every client who trusted us!"),
        ("SP610", "comment", "Our linen shirts are back in stock, we ship worldwide."),
        # wins and our amazing team with no setback or price decision in them
        ("SP642", "linkedin-post", "We closed our seed round this spring and welcomed 300 new customers. Our amazing team made it happen."),
    ],
)
