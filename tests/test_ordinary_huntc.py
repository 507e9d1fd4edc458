"""Ordinary drafts near the rules added or widened in one round draw no judgment finding.

Each is a draft a person writes near one of those habits: a follow-up that carries news (a
bare subject that did something, a change said as a swap of days, a person reporting what
they confirmed), a pitch that says what the reader's own business posted, a sales note that
names a shop of theirs by its proper name, an old intern congratulating a former boss, a
friend letting a spare room, a post asking for the reader's own word for a thing, a CV ask
that says why this friend, a 'Hi there' before a sentence that names their thread. Next to
them, drafts from the same hunt that drew nothing, so those shapes stay quiet too. Each near
miss is paired with its habit in the same words, which must still fire. All were written for
this test; none comes from a corpus.
"""

from __future__ import annotations

from ordinary import codes_drawn, near_habit_test, no_judgment_test
from sociable.ruleset import RuleSet

# (channel, text): false alarms the hunt found, now quiet
FIXED: list[tuple[str, str]] = [
    # a follow-up whose news is a bare subject that acted, or a swap of days (GP205, GP201, GP202)
    ("follow-up-email", "Hi Ana, just following up on the invoice. Finance moved it to the 28th payment run, reference INV-2291. Hope to hear from you if that date is a problem."),
    ("dm", "Following up on my text: the vet can see Biscuit at 4 today instead of tomorrow. Let me know if you can drive us."),
    # a person reporting what they confirmed (AU120)
    ("linkedin-dm", "Circling back on the panel: we have confirmed Leeds Town Hall, 14 May, 6pm, and Dr Shah is the other speaker. Are you still keen?"),
    # a thing of theirs called by its proper name (GP342)
    ("cold-email", "Hi Lena,\n\nI read that Northgate Books is opening a second shop in York. We make wooden shelving in Malton, 20 miles away, and I'd be glad to quote for the fit-out. The oak bay in your Harrogate shop is one of ours.\n\nDan"),
    # how the two know each other, said by what the writer was to them (NP106)
    ("linkedin-dm", "Congrats on the funding round! I was your first intern back in 2019, and it's great to see the team at 40 people now."),
    # a value claim answering what the reader's own business posted (GP331)
    ("cold-email", "Hi Morgan,\n\nWe help small breweries cut their CO2 costs by recovering gas from fermentation. Your brewery posted that CO2 prices doubled last year; we've cut Tiny Rebel's bill by 30%. Would a one-page breakdown of their numbers help?\n\nFinn"),
    # a friend letting a room, not a recruiter fishing for referrals (GP402)
    ("dm", "Hey, do you know anyone who might be interested in our spare room? £450 a month, bills included, from June."),
    # the reader's own word asked for, not a dictated token (EB104)
    ("facebook-post", "Comment with the word you use for a bread roll in your town: bap, barm, cob or bun? We're making a map for the school project."),
    # a CV ask of a friend with the reason why them: their tie to the hiring team (GP403)
    ("dm", "Hi Jess! Do you have time this week to look at my CV? The deadline for the Oxfam role is Friday and you know their hiring team."),
    # 'Hi there', then a sentence that opens with which work of theirs it is (NP101)
    ("x-dm", "Hi there! Your thread on the Bradford bus cuts had the clearest map I've seen. Did you draw it in QGIS?"),
]

# (channel, text): drafts from the same hunt that drew nothing, kept so they stay quiet
QUIET: list[tuple[str, str]] = [
    ("cold-email", "Hi Marta,\n\nI run Fernhill Joinery, a six-person workshop in Bristol. Your blog post on oiling oak worktops said you switched to hardwax oil in 2022. Did the water rings stop, or do you still sand them out each spring?\n\nTom"),
    ("cold-email", "Hi Leona,\n\nI'm hiring a backend engineer at Quayside (payments, 40 people, Leeds or remote). The salary is £78-85k. Your talk at PyCon UK on idempotent retries is exactly the problem we have. Would you be open to hearing more?\n\nSam"),
    ("follow-up-email", "Hi Greta,\n\nFollowing up on my last email: the kitchen fitter can now start on 3 March instead of April. Let me know if that works for you.\n\nLiam"),
    ("follow-up-email", "Hi Nadia, just checking in on the quote. The supplier raised steel prices by 6% today, so if you want the old price we need to sign by Friday."),
    ("follow-up-email", "Hi Jas, thanks for meeting on Tuesday. As you asked, here is the quote: £4,800 for the full rewire. Let me know if this is something you'd like to go ahead with."),
    ("dm", "Would you be interested in the spare ticket for Saturday's match? My brother can't come, it's yours for free."),
    ("linkedin-dm", "Hi Zoe, I'm hiring a senior nurse for the Leeds children's ward: £42-48k, nights optional. Your work on the sepsis checklist at St James's is why I'm writing."),
    ("linkedin-dm", "Hello there Sam, your post on the Leeds tram plan was spot on about the cost per mile. Where did you get the 2019 figures?"),
    ("linkedin-connect", "Hi Anna, we sat at the same table at the Leeds Digital Festival dinner. I'd like to keep up with your work on bus route data."),
    ("comment", "Type yes in the settings box and it saves the change, took me ages to find that."),
    ("comment", "Which one did you go with in the end, the Fuji or the Sony? I'm stuck choosing between them for street photography."),
    ("linkedin-post", "We cut our cloud bill by 41% last quarter. Three things did most of it: turning off idle staging at night, moving logs to cold storage after 14 days, and right-sizing two databases."),
    ("instagram-post", "Which one should we bake for the open day, the lemon drizzle or the ginger loaf? Tell us why in the comments, we'll make the winner."),
    ("facebook-post", "Lost: a grey tabby called Miso, last seen on Elm Road on Saturday night. He's microchipped and a bit shy. Please check sheds and garages and message me if you see him."),
    ("facebook-post", "Our lost dog Pip is home! Thank you to everyone who shared the post, a lady in Garforth spotted him behind the Co-op."),
    ("x-post", "Type yes at the prompt when the installer asks to add it to PATH, otherwise the command won't be found."),
    ("x-post", "Drop your questions for Dr Patel below and we'll put them to her in Thursday's live Q&A on long Covid."),
    ("linkedin-post", "Follow the Leeds Library account for the author events list; this season we have Ali Smith on 3 April and the schools poetry slam."),
    ("facebook-post", "We don't need likes, we need volunteers: 3 people on Saturday 9-12 to sort coats at the winter appeal. Message Anne on 07700 900123."),
    ("follow-up-email", "Hi Bea,\n\nBumping this because the venue needs numbers by Friday: are you coming to the reunion dinner on the 9th?\n\nCat"),
]

ORDINARY = FIXED + QUIET


test_ordinary_text_gets_no_judgment_finding = no_judgment_test(ORDINARY, "huntc-ordinary")


def test_the_file_stays_cheap() -> None:
    assert len(ORDINARY) <= 30


test_the_near_habit_still_fires = near_habit_test(
    [
        # the same bumps with no fact in them still fire
        ("GP205", "follow-up-email", "Hi Ana, just following up on the invoice. Hope to hear from you."),
        ("GP201", "dm", "Following up on my text, any update?"),
        ("AU120", "linkedin-dm", "Circling back on the panel. Are you still keen?"),
        # the growth trigger with nothing of theirs named
        ("GP342", "cold-email", "Hi Lena,\n\nI read that Northgate Books is opening a second shop. We offer shelving services. Worth a quick chat?"),
        # a value claim with nothing of the reader's
        ("GP331", "cold-email", "Hi Morgan,\n\nWe help small breweries cut their CO2 costs. Would a call next week work?"),
        # a recruiter fishing for referrals
        ("GP402", "dm", "Hey, do you know anyone who might be interested in this role?"),
        # a dictated word
        ("EB104", "facebook-post", "Comment with the word YES if you agree."),
        # a CV ask with no reason why them, a 'Hi there' with nothing of theirs
        ("GP403", "dm", "Could you look at my CV?"),
        ("NP101", "x-dm", "Hi there! Your page is great. Can we talk?"),
    ],
)


def test_a_note_that_names_nothing_still_fires(ruleset: RuleSet) -> None:
    assert "NP106" in codes_drawn(ruleset, "linkedin-dm", "Congrats on the funding round! Let's connect.")
