"""False-alarm round fa1: follow-ups that state news, reminders about a named payment, thanks
for a follow that asks about the reader's work, replies to what the reader asked, and a
friend's or a volunteer's plan ending "Interested?" stay unflagged; the habits next to them
(a content-free bump, a reminder about the sender's own message, a template auto-DM, a sales
line after connecting) still fire.

Every text is written for this test; none is copied from any corpus.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, near_habit_test, no_judgment_test
from sociable.ruleset import RuleSet

ORDINARY: list[tuple[str, str]] = [
    # a follow-up whose news is a correction: the place or time changed (AU104, AU120, GP201)
    ("follow-up-email", "Hi Jo,\n\nFollowing up on my last email about the choir trip. The coach leaves from the church car park now, not the school, at 8:15.\n\nSee you there,\nMia"),
    ("follow-up-email", "Hi Priya,\n\nFollowing up on my last message about the book club. We meet in the library annexe now, not the café, same time on Thursday.\n\nAnna"),
    ("follow-up-email", "Hi Dan,\n\nFollowing up on my previous email about the quarterly review. It starts at 2pm now instead of 10, because the auditors arrive late.\n\nBest,\nKofi"),
    ("linkedin-dm", "Following up on my last message: the workshop runs in Room 4 now, not the main hall."),
    # a follow-up whose news is a deadline passed and what follows from it (GP201)
    ("follow-up-email", "Hi Leo,\n\nFollowing up on my last email: invoice 4471 is now overdue, and the late fee applies from Monday. Could you confirm the payment date?\n\nThanks,\nIrene"),
    ("follow-up-email", "Hello Marta,\n\nFollowing up on my earlier note: the deposit for the hall is now overdue, and the booking lapses on Friday. Can you send it today?\n\nThanks,\nBen"),
    # a reminder about a named payment or form, not about the earlier message (AU301, GP202)
    ("follow-up-email", "Hi Sam,\n\nA quick reminder about the rent transfer for March. Please let me know once it has gone through so I can update the ledger.\n\nThanks,\nRuth"),
    ("follow-up-email", "Hi Omar,\n\nA friendly reminder about the invoice for the February shoot. Could you tell me which week it will be paid, so I can plan the next order?\n\nThanks,\nLea"),
    ("follow-up-email", "Hi Jess,\n\nQuick reminder about the club subscription for next season: £40 by 31 March, by bank transfer or cash at training.\n\nMike"),
    ("linkedin-dm", "Gentle reminder about the consent form for Saturday's trip, Sam: it needs a parent's signature."),
    ("follow-up-email", "Hi Ben,\n\nQuick reminder: the school trip payment is due Friday.\n\nJune"),
    ("follow-up-email", "Hi Ben,\n\nFriendly reminder about the parking permit renewal: it lapses at the end of the month.\n\nJune"),
    # thanks for a follow that names one of their things and asks how they made it (NP105, AU101)
    ("x-dm", "Thanks for the follow! Your photos of the canal locks are lovely, which lens do you use?"),
    ("x-dm", "Thanks for the follow! Your drawings of the harbour boats are wonderful, how long do you spend on each one?"),
    ("x-dm", "Thanks for following! Your recipe for the rye loaf came out well for me, what flour do you use?"),
    ("linkedin-dm", "Thanks for connecting! Your report on rural bus routes was useful, where did you get the ridership figures?"),
    # a reply to what the reader asked (NP106)
    ("linkedin-dm", "Thanks for asking about the mentoring scheme! The next intake opens in September and the form is two pages."),
    ("x-dm", "Thank you for the question about the trail closures. The north path reopens next week; the south one stays shut until spring."),
    ("linkedin-dm", "Thanks for asking how the pilot went! Short version: two of the three sites kept it, the third ran out of staff."),
    # a friend's plan or a volunteer day ending "Interested?" (PC103)
    ("dm", "Picnic at the lake on Saturday, we bring the bread and you bring the cheese? Interested?"),
    ("dm", "Quiz night at the Red Lion on Thursday, we need a sixth for the team. Interested?"),
    ("linkedin-dm", "Hi Tom, Ana Silva suggested I write to you about the volunteer mapping day in March, since you led last year's. We need two team leads. Interested?"),
    ("linkedin-dm", "Hi Kwame, Lucy Hart said you might help with the river cleanup on Sunday morning. We have gloves and bags for everyone. Interested?"),
    ("x-dm", "Beach cleanup on Saturday at 10 by the pier, bring gloves if you have them. Interested?"),
    ("linkedin-dm", "Hi Ines, Marco Rossi suggested I ask you about the litter-pick on Saturday. We need someone with a car. Interested?"),
]

#: Near misses of the guards above, each still the habit: (channel, text, codes, any of which fires).
HABITS: list[tuple[str, str, tuple[str, ...]]] = [
    ("follow-up-email", "Hi Jo,\n\nFollowing up on my last email. Let me know if you have any thoughts.\n\nMia", ("AU104", "AU120", "GP201")),
    ("follow-up-email", "Hi Jo,\n\nFollowing up on my last email about our platform. We help teams like yours save time every week.\n\nMia", ("AU104", "AU120", "GP201")),
    ("follow-up-email", "Hi Sam,\n\nA quick reminder about my proposal below. Let me know your thoughts.\n\nRuth", ("AU301", "GP202")),
    ("linkedin-dm", "Just a gentle reminder about my message last week. Are you free for a call?", ("AU301", "GP202")),
    ("follow-up-email", "Hi Ben,\n\nQuick reminder about my email below regarding our SEO services.\n\nJune", ("AU301", "GP202")),
    # the payment word further on names the sender's pitch, not what the reminder is about
    ("follow-up-email", "Hi Ben,\n\nA quick reminder about my proposal for your renewal.\n\nJune", ("AU301", "GP202")),
    ("linkedin-dm", "Hi Ines, glad we connected. We run a coaching programme for founders. Interested?", ("PC103",)),
    ("x-dm", "Thanks for the follow! I love your photos. Check out my print shop for prints.", ("NP105",)),
    ("x-dm", "Thanks for following! Your posts are great, how do you feel about growing your audience?", ("NP105",)),
    ("linkedin-dm", "Thanks for connecting! We run sales workshops every Tuesday. Interested?", ("PC103",)),
    ("linkedin-dm", "Hi Ana, our webinar on Thursday covers lead generation for agencies. Interested?", ("PC103",)),
    ("linkedin-dm", "Thanks for connecting. We build payroll software for small firms. Want a demo?", ("NP106",)),
]


test_ordinary_drafts_near_the_fa1_guards_get_no_judgment_finding = no_judgment_test(ORDINARY, "ordinary-fa1")


@pytest.mark.parametrize(("channel", "text", "codes"), HABITS, ids=[f"habit-fa1-{i}" for i in range(len(HABITS))])
def test_the_habit_next_to_each_guard_still_fires(
        ruleset: RuleSet, channel: str, text: str, codes: tuple[str, ...]) -> None:
    drawn = codes_drawn(ruleset, channel, text)
    assert set(codes) & drawn, f"none of {codes} fired; drew {sorted(drawn)}"


def test_a_reply_to_the_readers_question_is_not_a_note_that_names_nothing(ruleset: RuleSet) -> None:
    text = "Thanks for asking about the grant! Happy to share our last application if it helps, it got funded in the second round."
    assert "NP106" not in codes_drawn(ruleset, "linkedin-dm", text)


# --- second fa1 round: self-promotion and generic-pitch on good drafts ---------------------
#
# (channel, text): false alarms found on main, now quiet. Each says why it is not the habit.
SP_GP_FIXED: list[tuple[str, str]] = [
    # a group's or an open-source project's own count, told to its members (SP106, SP101, SP612, SP630)
    ("facebook-post", "We reached 1,000 members in the allotment group this week, thank you all for the seed swaps and the advice on slugs."),
    ("facebook-post", "Our running club hit 300 members this month! Thanks to the Tuesday pacers for bringing so many new faces."),
    ("linkedin-post", "Our open-source scheduler reached 10,000 downloads this month. Thank you to the 40 people who fixed bugs and wrote the docs."),
    # a local shop's birthday with thanks to its regulars or its street (SP630)
    ("instagram-post", "Our bakery turned five this week! Thank you to every regular who came in for a loaf on a wet Tuesday."),
    ("facebook-post", "Our bakery turned five today. Thank you to everyone in Hebden who has bought a sourdough from us since 2019."),
    # logistics asked for by message, not a plug (SP120)
    ("dm", "I'm at the flat from 6. Text me to get the door code, the buzzer is broken."),
    ("dm", "Text me for the address when you're on the bus."),
    ("comment", "Message me for the meeting point, it's behind the church."),
    # a reference back to an exchange with the reader, not press coverage (SP101)
    ("linkedin-dm", "Hi Sam, as mentioned in my email on Tuesday, the venue moved to Room 3. See you at 10."),
    ("follow-up-email", "Hi Jo,\n\nAs mentioned on our call, the quote covers the roof and the gutters. The scaffold goes up on the 4th.\n\nTom"),
    ("email", "Hi Rosa,\n\nAs mentioned in the meeting, the deadline for the draft is 12 May. I've attached the outline.\n\nBen"),
    # a friend's call the same evening (GP405)
    ("dm", "Fancy a quick call tonight? I want to hear all about the new flat."),
    ("dm", "Hey, are you free for a quick call tonight? Mum's birthday plan needs sorting."),
    # a warm introduction is the reason why this reader (GP340)
    ("cold-email", "Hi Marcus,\n\nPriya put us in touch last week. We offer bookkeeping for charities at a flat fee. Would you be interested in a quote?\n\nKate"),
    # which shop of theirs, by its street; who at their firm to write to (GP341)
    ("cold-email", "Hi Jon,\n\nWe press small runs of 100 records in Sheffield and could help your shop on Briggate stock local bands. Would a quote be useful?\n\nNina"),
    # a reminder about a named payment (GP203)
    ("follow-up-email", "Hi Sam,\n\nQuick reminder: the rent for June.\n\nThanks,\nRuth"),
    ("dm", "Quick reminder: the rent for June."),
]

#: (channel, text): drafts from the same hunt that drew nothing on main, kept so they stay quiet.
SP_GP_QUIET: list[tuple[str, str]] = [
    ("linkedin-post", "The project passed 500 contributors today. Thanks to everyone who sent a patch, filed a bug or answered a question in the forum."),
    ("x-post", "The parser just crossed 500 contributors. Thank you for every patch and bug report."),
    ("facebook-post", "The choir reached 60 members this term, thank you to the altos who brought their friends."),
    ("facebook-post", "The residents' association passed 200 members today. Thank you for signing up at the fun day."),
    ("cold-email", "Hi Tess,\n\nI saw on your site that you now open on Saturdays at Headingley. We supply weekend locum vets in Leeds and could cover the first month. Would that help?\n\nOlu"),
    ("cold-email", "Hi Alice,\n\nWe service Linde forklifts across Yorkshire, and your post said the Harrogate warehouse moved to electric trucks in March. Is there someone else at your company who handles fleet maintenance? We could save you the dealer's call-out fee.\n\nRaj"),
]

test_sp_gp_false_alarms_stay_quiet = no_judgment_test(SP_GP_FIXED + SP_GP_QUIET, "fa1-spgp")

test_the_sp_gp_habit_next_to_each_guard_still_fires = near_habit_test(
    [
        # an audience count with nothing of a group's in the sentence; a creator's 'community'
        ("SP106", "x-post", "Just hit 10k followers! Thank you all."),
        ("SP106", "linkedin-post", "Our Skool community just hit 1,000 members! Thank you all."),
        # a shop's birthday with a bare thank-you, or none
        ("SP630", "facebook-post", "Our bakery turns 10 this Saturday!"),
        ("SP630", "instagram-post", "Our bakery turned five! Thank you all 🤍"),
        # a plug by message: prices, an order, a link
        ("SP120", "comment", "DM me for prices!"),
        ("SP120", "dm", "Text me to order yours."),
        # press coverage
        ("SP101", "x-post", "As mentioned in Forbes: our app is the fastest way to split rent."),
        # the stock call ask in work hours
        ("GP405", "cold-email", "Hi Rosa, do you have time for a quick call this week to see if we are a fit?"),
        # the category pitch; a bump about the sender's own message
        ("GP341", "cold-email", "Hello,\n\nWe help firms like yours modernise their accounting. Is there someone at your company who could benefit?"),
        ("GP203", "follow-up-email", "Hi Sam,\n\nQuick reminder about my proposal below.\n\nRuth"),
        ("GP340", "cold-email", "Hi Sam,\n\nWe offer bookkeeping for small firms at a flat fee. Would you be interested in a quote?"),
    ],
)
