"""Ordinary drafts near this round's false alarms draw no judgment finding.

Each is a good draft a person writes near one habit: a lift offered in a group chat with a
one-word headcount, a meetup's call for speakers, an application to a named opening that
attaches a portfolio, a shop's note about the customer's own order, a dental practice
thanking its patients on its tenth birthday, colleagues planning a hand-over, a follow-up
that carries a price change. Next to them, drafts from the same hunt that drew nothing, so
those shapes stay quiet too. Each near miss is paired with its habit in the same words, which
must still fire. All were written for this test; none comes from a corpus.
"""

from __future__ import annotations

from ordinary import near_habit_test, no_judgment_test

# (channel, text): false alarms the hunt found, now quiet
FIXED: list[tuple[str, str]] = [
    # a headcount for a group's plan, not a dictated comment (EB104, EB120)
    ("dm", "Driving to the climbing gym at 6. Reply 'in' if you want a seat in the car, I have three."),
    ("facebook-post", "Five-a-side on Thursday at 7, we need two more. Reply \"in\" if you're free."),
    # slots for speakers or volunteers: a call to take part, not stock (SP610)
    ("linkedin-post", "Slots are open for speakers at the March Python meetup. Send a title and two lines by Friday."),
    ("x-post", "Slots are open for volunteers at the repair café on Saturday: we need two people who can solder."),
    # an application to a named opening at a named employer answers their vacancy (PC102)
    ("cold-email", "Dear Ms Reyes,\n\nI am applying for the Junior Designer position at Fernwood Studio. Please find attached my portfolio and CV. I spent three years designing packaging for a bakery chain.\n\nBest,\nAna"),
    ("linkedin-inmail", "Hi Tom,\n\nI'm applying for the data analyst role at Brightwater Trust. Please find attached my portfolio of dashboards built for two housing charities.\n\nKind regards,\nOmar"),
    # a shop's note about the customer's own order by its reference (AU101, AU121, NP105)
    ("dm", "Thanks for following! Your order #4412 (two linen shirts, size M) shipped this morning."),
    ("x-dm", "Thanks for the follow! Your booking ref 88213 for Saturday's pottery class is confirmed."),
    # a practice thanking its patients on its birthday (SP630)
    ("facebook-post", "Our practice turned ten this week. Thank you to every patient who has trusted us with their teeth since 2016."),
    # a call about a hand-over between colleagues (PC101)
    ("linkedin-dm", "Quick chat about the hand-over before you leave on Friday? I'll bring the notes on the billing module."),
    # a follow-up whose news is a price that dropped (AU301, GP202)
    ("follow-up-email", "Hi Jo, following up on the quote: the supplier dropped the price of the oak to £42 a board. Still keen?"),
]

# (channel, text): drafts from the same hunt that drew nothing, kept so they stay quiet
QUIET: list[tuple[str, str]] = [
    ("dm", "Hey Sam, quick call at lunch? I want to hear how the move went."),
    ("dm", "Quick chat about the hand-over before you leave? I'll bring the notes on the billing module."),
    ("dm", "We're doing a barbecue at the allotment on Sunday, bring the kids. Interested in the details?"),
    ("dm", "Email me for the wifi password when you get to the cottage."),
    ("dm", "Text me when you land and I'll pick you up at arrivals."),
    ("follow-up-email", "Following up: the landlord agreed to fix the boiler on Friday, so we won't need the heater."),
    ("facebook-post", "Big news from us: Priya passed her driving test on the third go! Cake at ours on Saturday."),
    ("linkedin-post", "Our open-source date parser hit version 2.0 today. Thanks to the 41 contributors who fixed the timezone bugs."),
    ("instagram-post", "Shop hours this week: closed Monday for the bank holiday, open 9 to 5 Tuesday to Saturday."),
    ("comment", "Same thing happened to us in Leeds. The council fixed it after we sent photos of the pothole to the highways team."),
    ("linkedin-dm", "Hi Marta, Joe Green suggested I write to you. He says you built the volunteer rota at the Hackney food bank, and we're starting one in Bristol. Could I ask how you handled no-shows?"),
    ("cold-email", "Hi Lena,\n\nYour shop's window display of the Penguin classics made me stop on Saturday. I restore vintage bookshelves in York and have a 1930s oak case that would suit it. Want a photo?\n\nDan"),
    ("linkedin-inmail", "Hi Sam,\n\nI'm recruiting for a senior Rust engineer at Tidewater. Your talk at RustConf on async cancellation is why I'm writing: the team is rebuilding exactly that layer. Open to hearing more?\n\nMaya"),
    ("cold-email", "Dear Dr Okafor,\n\nI am applying for the research assistant post in your sleep lab at Leeds. I ran the actigraphy analysis for my MSc on shift workers, and my CV is attached.\n\nBest wishes,\nTom"),
    ("dm", "We've booked the pub garden for Gran's 80th, 2pm Sunday. Can you bring the folding chairs?"),
    ("facebook-post", "The street party is on 14 June. Tables go up at 11; if you can lend a gazebo, knock on number 12."),
    ("dm", "Hey, the plumber is coming at 10 tomorrow. Could you leave the side gate unlocked?"),
    ("x-post", "Our running club hit 100 members this month. Saturday's 5k still starts at the bandstand at 9."),
    ("linkedin-post", "After eight years at the library I'm moving to the county archive in March. I'll miss the Tuesday reading group most."),
    ("comment", "Thanks for the tip about the bike shop on Mill Lane, they trued my wheel in ten minutes."),
    ("follow-up-email", "Hi Raj, following up on Tuesday's meeting: the venue confirmed 60 seats and the projector. I'll send the running order on Friday."),
    ("linkedin-connect", "Hi Ada, we sat next to each other at the Bristol data meetup. I'd like to keep up with your work on flood maps."),
    ("dm", "Text me when you're outside, the doorbell is broken."),
    ("x-dm", "Your photo of the Ribblehead viaduct in fog is stunning. Which lens did you use?"),
    ("linkedin-dm", "Congratulations on the new job at Arup, Tom! The bridge team is lucky to have you."),
    ("instagram-post", "New glaze test: the blue went green where it pooled. Still not sure I like it."),
    ("cold-email", "Hi Ms Patel,\n\nMy daughter Lily is in your Year 4 class. She'll miss Friday for a hospital appointment; could you send home the spelling list?\n\nThanks,\nAnna"),
    ("facebook-post", "The choir's summer concert is at St Mary's on 21 June, 7pm. Tickets £5 at the door, children free."),
    ("linkedin-post", "We're hiring a part-time bookkeeper for our bakery in Frome, 16 hours a week. Details on our site; applications close 30 May."),
    ("dm", "Interested in coming to the quiz on Thursday? We need a sixth for the team and you know the music round."),
    ("comment", "Great thread. We tried the same split at our co-op and the hard part was the rota, not the money."),
]

ORDINARY = FIXED + QUIET

test_ordinary_text_gets_no_judgment_finding = no_judgment_test(ORDINARY, "fa3-ordinary")


def test_the_file_stays_cheap() -> None:
    assert len(ORDINARY) <= 60


test_the_near_habit_still_fires = near_habit_test(
    [
        # a dictated word for a freebie, even when the word is "in"
        ("EB104", "linkedin-post", "Reply 'in' if you want the checklist."),
        ("EB120", "dm", "Comment 'in' if you want the template."),
        # slots sold, not offered to speakers
        ("SP610", "instagram-post", "Commissions are open for December, only six slots!"),
        # a job asked of a stranger with no opening named
        ("PC102", "cold-email", "Hi, I'm looking for any job at your company. Please find attached my CV."),
        # the thanks for following with nothing but a pitch after it
        ("AU101", "dm", "Thanks for following! Check out our shop for 10% off your first order."),
        # a firm's birthday thanking its buyers
        ("SP630", "facebook-post", "Our bakery turned five this week. Thank you to every customer who bought a loaf!"),
        # a seller's call timed by the reader's holiday is still a stranger's ask
        ("PC101", "linkedin-dm", "Quick chat before you leave for the holidays? We help teams like yours cut cloud costs."),
        # a bump with no news
        ("AU301", "follow-up-email", "Hi Jo, just following up on my last email. The price dropped, check it out!"),
    ],
)
