"""False-alarm round fa2: specific drafts near the follow-ask, engagement-ask, milestone,
shop-window and announcement guards stay unflagged, and the habits beside them still fire.

Each ordinary draft is, by the corpus definitions, not the habit its neighbour rule listens
for: a thanks for a follow-back that names where they met, praise that thanks the author and
adds a point, a launch that says what changes for the user or asks what breaks, an item kept
aside for the reader, an offer made "if it helps", a friend's news with a plan to meet. The
habit drafts use the same words the broadcast way. Every text is written for this test; none
is copied from any corpus.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, near_habit_test, no_judgment_test
from sociable.kinds.shape import _negated
from sociable.ruleset import RuleSet

ORDINARY: list[tuple[str, str]] = [
    # a thanks for the follow-back is not a follow ask
    ("dm", "Thank you for the follow back, Rosa. Still on for the climbing wall on Wednesday?"),
    ("x-post", "Got a follow back from the county archive account, so the photo question might get answered after all."),
    # praise said to the author, then thanks and a point of the commenter's own
    ("comment", "Love this, and thanks for crediting the night-shift nurses. Our ward tried the same handover sheet and it cut missed meds by half."),
    ("comment", "Loved this! And thank you for linking the raw data, the chart on page 3 finally explains our winter dip."),
    # a launch that says what changes for the user, or asks what breaks
    ("linkedin-post", "We just released the new billing page in Tally. What this means for you: invoices show the tax line per country, and refunds appear the same day. Tell us what breaks."),
    ("x-post", "We just shipped a new export in Mapwise. Let us know where it fails on big files, we are fixing reports daily this week."),
    ("x-post", "We just shipped keyboard shortcuts in Plotline. What changes for you: every chart menu opens with one key. Tell us what breaks."),
    ("facebook-post", "We just opened our new reading corner at the library. What it means for you: quiet desks until 8pm on weekdays."),
    # back in stock, told to the one reader who wanted it, with something held for them
    ("follow-up-email", "Hi Priya,\n\nThe blue linen you asked about at the market is back in stock, and I've set two metres aside for you until Saturday.\n\nThanks,\nOwen"),
    ("follow-up-email", "Hi Lou,\n\nThe size 6 boots you tried on are back in stock; I've held a pair for you at the counter until Thursday.\n\nCheers,\nMina"),
    ("dm", "I've kept the last jar of fig jam aside for you, collect any time this week. The new batch is back in stock next month."),
    # an offer made on the reader's terms
    ("linkedin-dm", "Hi Sam, happy to share our interview questions if useful; they worked well for the junior roles."),
    ("linkedin-dm", "Glad to share the recording if that would help your team, the Q&A at the end covers your question on rotas."),
    # a friend's news to a friend, with a plan to meet
    ("dm", "omg our new kitchen is finally here!! Mum already scratched the worktop. see you Saturday x"),
    ("dm", "the new EP is out! I sang on the last track, my brother says it is awful. see you tomorrow"),
    ("dm", "the new bakery is open!! I painted the sign out front, Gran cried. see you tonight"),
    # "stop by" an invitation to a place, in a specific reply
    ("comment", "Stop by the stall on Sunday and I'll show you the loom you asked about, it's the same frame."),
    ("instagram-post", "Stop by the harbour on Saturday morning, the lifeboat crew are showing kids how the winch works."),
]

#: (channel, text, a code that must still fire): the habit beside each guard.
HABITS: list[tuple[str, str, str]] = [
    ("x-dm", "Thanks for the follow back! Follow my page for daily tips.", "EB105"),
    ("x-post", "Follow back if you want more tips!", "EB105"),
    ("x-post", "Follow for a follow back, I follow everyone who follows me!", "EB105"),
    ("facebook-post", "Love this and share it with a friend!", "EB120"),
    ("facebook-post", "Like this and share if you agree!", "EB120"),
    ("linkedin-post", "We just closed our seed round. Tell us what you think!", "SP630"),
    ("linkedin-post", "We just launched our new app. What changes for you? Everything, it is the best app ever.", "SP101"),
    ("linkedin-post", "Thrilled to announce our new platform is live! Let us know what you think.", "SP101"),
    ("linkedin-post", "Excited to share that our new course is live! Happy to share more if you want.", "SP101"),
    ("dm", "our new course is live!! link in bio", "SP101"),
    ("instagram-post", "The shirts you loved are back in stock!", "SP610"),
    ("instagram-post", "Restocked! We saved the best for you, shop now.", "SP610"),
    ("instagram-post", "Back in stock! We kept the prices low for you.", "SP610"),
    # "stop" before "by" is a visit: the plug after a follow thanks is no longer silenced
    ("x-dm", "Thanks for the follow! Stop by my shop in Leeds for ten percent off.", "SP646"),
]


test_specific_drafts_near_the_fa2_guards_get_no_judgment_finding = no_judgment_test(ORDINARY, "ordinary-fa2")


@pytest.mark.parametrize(("channel", "text", "code"), HABITS, ids=[f"habit-fa2-{i}" for i in range(len(HABITS))])
def test_the_habit_beside_each_guard_still_fires(ruleset: RuleSet, channel: str, text: str, code: str) -> None:
    assert code in codes_drawn(ruleset, channel, text)


def test_stop_before_a_visit_particle_is_not_a_negation() -> None:
    negation, nudges, particles = frozenset(("stop", "don't")), frozenset(("forget",)), frozenset(("by",))
    visit = ["stop", "by", "my", "shop"]
    assert not _negated(visit, 0, 2, negation, nudges, particles)
    assert _negated(visit, 0, 2, negation, nudges, frozenset())  # the particles are the class's words
    assert _negated(["stop", "sharing", "my", "shop"], 0, 2, negation, nudges, particles)  # "stop" still denies an act
    assert _negated(["don't", "by", "my", "shop"], 0, 2, negation, nudges, particles)


# --- second round: pitch-on-connect, automation, no-personalization, engagement-bait -------
#
# A recruiter who says which talk of theirs made them write has given the reason before the
# ask; an application answers the role the reader advertised; a thanks for a follow that goes
# on to ask about, or name the topic of, the reader's own thread is a person writing; a
# follow-up that asks what a named third party did on a shared plan is organising; a reply
# option in a message to one reader is no comment game; a chat between friends that points at
# "mine" or "last night" is no first message. Written for this test, none copied from a corpus.

#: (channel, text): false alarms found on main's code, now quiet
FIXED_ROUND2: list[tuple[str, str]] = [
    # the reason for writing is a named piece of the reader's work (PC101, PC109)
    ("cold-email", "Hi Dana,\n\nYour EuroPython talk on property-based testing is why I'm writing. I lead the QA platform team at Brightwell (insurance, 200 people, Manchester) and we're hiring a staff engineer to build exactly that. Would you be open to a chat?\n\nPriya"),
    ("cold-email", "Hi Kai,\n\nI'm the engineering manager at Fernway (logistics software, 60 people, Bristol). Your talk at PyCon UK on structured logging is why I'm writing: we're hiring a senior platform engineer to do exactly that, £85-95k, hybrid. Would you be open to a chat next week?\n\nRuth"),
    ("linkedin-dm", "Hi Sana, I'm a recruiter at Hollow Lane Games. Your post on accessibility settings in Tide Rider is the reason I'm writing: our next game needs that thinking. Would you be open to a call about a lead UX role?"),
    ("cold-email", "Hi Jack,\n\nYour PyData talk on forecasting bakery demand is the reason I'm writing. We run four bakeries in York and throw away 12% of our bread. Would you be open to a call about a small consulting job?\n\nAnna"),
    # an application answering the reader's own advert (PC102)
    ("cold-email", "Hello Ms Kaur,\n\nPlease find attached my portfolio for the junior designer role you advertised on Dribbble. The booking flow case study on page 4 is the closest to your travel app.\n\nKind regards,\nLeo"),
    # a thanks for the follow that asks about, or names the topic of, their own thread (AU102, AU101, AU121)
    ("x-dm", "Thanks for the follow! I saw your reading list thread, which book are you working through at the moment?"),
    ("x-dm", "Thanks for the follow, Rob. I read your thread on heat pump sizing and it settled an argument with my plumber."),
    # a reply option for the one reader (EB104, EB120)
    ("dm", "The caterer needs final numbers by Thursday. Reply 'later' if you're not sure yet and I'll chase you on Wednesday."),
    # a chat already under way between friends (NP106)
    ("x-dm", "haven't had any luck finding the charger, did you leave it at mine?"),
    ("x-dm", "no worries about last night, are we still on for the match on sunday?"),
    ("x-dm", "did you get home ok? the last train was rammed when I left"),
    # what a named friend did on the shared plan (AU120); a word typed to a bot (EB120)
    ("dm", "Circling back on Saturday: did Leila book the minibus, or shall I?"),
    ("comment", "Reply 'help' in the bot's chat and it lists the commands; took me a while to find that too."),
    # a "write-up" is a piece of their work like a post or a paper (np-artefact: AU101, PC101, PC109)
    ("x-dm", "Thanks for the follow! Your write-up of the Calder Valley ride made me want to try it, did you do the climb out of Hebden in one go?"),
    ("linkedin-dm", "Hi Omar, your write-up on migrating the Leeds NHS trust to FHIR is the reason I am writing. I am hiring an integration lead at Caremesh. Would you be open to a call next week?"),
]

#: (channel, text): drafts from the same hunt that drew nothing, kept so they stay quiet
QUIET_ROUND2: list[tuple[str, str]] = [
    ("dm", "Guess what, Ada got into the Leeds orchestra! First concert is 12 April, I'll save you a seat next to us."),
    ("x-dm", "ha yes that was me in the photo, the hat was Jo's idea. are we still on for brunch?"),
    ("linkedin-post", "Our open-source parser hit 1.0 today. Thank you to the 43 people who sent patches, and to Mei who rewrote the error messages twice."),
    ("facebook-post", "Shop hours this week: closed Monday for stocktake, open 9-5 Tuesday to Saturday, late till 8 on Thursday."),
    ("instagram-post", "New hours from March: we open at 7 on weekdays for the commuter crowd. Same pastries, earlier."),
    ("comment", "Thanks Priya, that fixed it. The trick was clearing the old lock file before running the install again."),
    ("cold-email", "Hi Marek,\n\nElena Ruiz suggested I write to you: she said you ran the volunteer rota for the Otley half marathon. We're organising the first Ilkley 10k in June and I'd value ten minutes of your advice on marshal numbers.\n\nThanks,\nHolly"),
    ("linkedin-dm", "Hi Grace, Tom Baines introduced us at the Harrogate food fair. He said you supply the oat milk for three cafes in town; could you send me your wholesale price list?"),
    ("cold-email", "Hi Dr Osei,\n\nYour 2023 paper on soil moisture sensors for allotments is why I'm writing. Our community garden in Hulme wants to try the same setup. Could I ask which sensor model held up best over winter?\n\nBest,\nNia"),
    ("cold-email", "Dear Ms Lowe,\n\nPlease find attached my CV for the kitchen porter job you advertised on the window of the Fox and Hound. I can start on Monday and I'm free weekends.\n\nKind regards,\nSam Price"),
    ("cold-email", "Hello Mr Adeyemi,\n\nI'm attaching my portfolio for the illustrator position you posted on Behance last week. Page 6 has the children's book spreads closest to your series.\n\nBest wishes,\nIona"),
    ("linkedin-dm", "Hi Farah, I've attached my CV for the data analyst role you advertised yesterday. My last project cleaned 4 million NHS referral records, which sounds close to your backlog."),
    ("x-dm", "Thanks for the follow! Your thread on sourdough hydration was great, what flour are you using now?"),
    ("dm", "Thanks for the follow! I loved your post about the Bradford canal clean-up, how many bags did you fill in the end?"),
    ("linkedin-dm", "Thanks for connecting, Raj. I read your piece on hospital discharge delays; which trust were the figures from?"),
    ("follow-up-email", "Hi Tess,\n\nCircling back on the choir trip: has the coach firm confirmed the pick-up from the church car park?\n\nJune"),
    ("dm", "Following up on the venue: the Crown has the back room free on the 14th, £50 deposit. Shall I book it?"),
    ("x-dm", "found your scarf at mine, I'll bring it on friday"),
    ("linkedin-dm", "Hi Wen, congratulations on the new role at Arup. I was on your team at Atkins in 2018 and still use your site-visit checklist."),
    ("cold-email", "Hi Lucy,\n\nI'm writing because of your talk on bike lanes at the Sheffield council meeting. I run the school run cycle bus in Walkley and we'd love ten minutes at the next ward forum.\n\nTom"),
    ("linkedin-connect", "Hi Pete, we both volunteered at the Leeds Repair Cafe last Saturday. Good to connect."),
    ("facebook-post", "The village hall roof is finally fixed! Thanks to the 60 households who gave to the appeal. Quiz night is back on 3 May."),
    ("comment", "Congrats on the 1.0, Mei! The new error messages told me exactly which line of my config was wrong."),
    ("dm", "Hi Jo, it's Dan from number 12. Your parcel came to ours by mistake, I'll drop it over after work."),
    ("cold-email", "Hi Ben,\n\nI'm a third-year student at Leeds. Your post on the graduate engineer opening said you take applications by email, so here is mine, with the bridge design project on page 2.\n\nAmina"),
    ("follow-up-email", "Hi Ravi,\n\nThanks for the call on Tuesday. As you asked, I've attached the revised quote for the loft conversion: £32,400, including the skylights.\n\nCarl"),
    ("dm", "Saturday works! I'll bring the tent, you bring the stove. Meet at the station at 8?"),
    ("x-dm", "Saw your question about the rota. I can do Tuesday nights in March, not Wednesdays."),
    ("linkedin-dm", "Hi Noor, Chris Ward recommended I get in touch: he said you sorted the planning permission for the Otley mill. Could we talk about our barn conversion?"),
    ("linkedin-post", "Our team is hiring two junior developers in Leeds. Salary £32-36k, mentoring from day one, no degree needed. Applications close 30 April."),
    ("facebook-post", "Lost keys on a red lanyard near the park gates on Sunday. If they're yours, message me with the keyring colour and I'll get them back to you."),
    ("instagram-post", "The allotment open day is Saturday 10-2. Bring jars: we're giving away the spare chutney."),
    ("dm", "Hiya, the dentist moved Ella's appointment to 3.30 on Friday. Can you still pick her up from school?"),
    ("x-dm", "Hey, loved your zine at the Leeds small press fair. Do you sell copies online or only at fairs?"),
    ("cold-email", "Hi Ms Grant,\n\nI'm applying for the teaching assistant vacancy you advertised on the school website. I've worked two years at St Mary's with Year 2, and I can start after Easter.\n\nKind regards,\nRosa"),
    ("x-dm", "thanks for covering my shift yesterday, I owe you a coffee. did Sam say anything about the till?"),
    ("linkedin-dm", "Hi Marta, your keynote at DevOpsDays Leeds on on-call rotas is why I'm writing. We're a 12-person SRE team at Cobalt and hiring a lead; would you be open to a call?"),
    ("linkedin-dm", "Hi Ivan, I'm hiring a paediatric physio at Leeds Children's. Your paper on hypermobility exercises for under-fives is the reason I'm writing. Would you be open to a chat?"),
    ("x-dm", "thanks for the follow! which of your Leeds pubs photos was taken at the Adelphi? I think my grandad drank there"),
    ("follow-up-email", "Hi Joe,\n\nCircling back on the allotment shed: has Pete said if he can lend us the trailer?\n\nMaz"),
    ("x-dm", "lol you left your umbrella at mine again"),
    ("x-dm", "are we still on for tonight? I can bring the board games"),
    ("cold-email", "Hi Ayo,\n\nI'm writing after your article on cargo bikes for bakeries in the Yorkshire Post. We deliver bread in Headingley by van and want to switch. Which model did the Otley bakery buy?\n\nMeg"),
    ("x-post", "Our little open-source weather station project turned 5 today. 212 stations in 14 countries, all run by volunteers."),
]

test_round2_drafts_get_no_judgment_finding = no_judgment_test(FIXED_ROUND2 + QUIET_ROUND2, "ordinary-fa2b")


def test_round2_file_stays_cheap() -> None:
    assert len(FIXED_ROUND2 + QUIET_ROUND2) <= 60


#: (code, channel, text): drafts that still draw another family's code (generic-pitch's
#: bump rules, AU107's numbered reply) keep quiet the code this round mended
MENDED_ONLY: list[tuple[str, str, str]] = [
    ("AU120", "dm", "Circling back on the venue: did the Crown get back to you about the back room for the 14th?"),
    ("AU120", "linkedin-dm", "Hi Eve, circling back on the panel: Dr Shah has confirmed, and the hall is booked for 14 May. Are you still keen?"),
    ("EB104", "cold-email", "Hi Sara,\n\nYour blog post on Airflow retries is why I'm writing. We're hiring a data engineer at Tidewell, £70k. Reply 1 if you'd like the job spec, or 2 if now isn't a good time.\n\nMark"),
    ("EB120", "cold-email", "Hi Sara,\n\nYour blog post on Airflow retries is why I'm writing. We're hiring a data engineer at Tidewell, £70k. Reply 1 if you'd like the job spec, or 2 if now isn't a good time.\n\nMark"),
    ("PC101", "cold-email", "Hi Mrs Patel,\n\nMy son Arjun is in your Year 4 class. Could we have a quick call this week about his reading?\n\nPriya"),
    ("PC101", "linkedin-dm", "Hi Omar, your talk on migrating the Leeds NHS trust to FHIR is the reason I'm reaching out. I'm hiring an integration lead at Caremesh, £70-80k. Would you be open to a call next week?"),
    ("PC109", "linkedin-dm", "Hi Omar, your talk on migrating the Leeds NHS trust to FHIR is the reason I'm reaching out. I'm hiring an integration lead at Caremesh, £70-80k. Would you be open to a call next week?"),
]


@pytest.mark.parametrize(("code", "channel", "text"), MENDED_ONLY, ids=[f"mended-fa2b-{i}" for i in range(len(MENDED_ONLY))])
def test_the_mended_code_stays_quiet(ruleset: RuleSet, code: str, channel: str, text: str) -> None:
    assert code not in codes_drawn(ruleset, channel, text)


test_round2_habit_beside_each_guard_still_fires = near_habit_test(
    [
        # a reason that names no piece of their work, or none at all
        ("PC101", "cold-email", "Hi Dana,\n\nYour profile is why I'm writing. Would you be open to a chat?\n\nPriya"),
        ("PC101", "cold-email", "Hi Dana, I'm writing because of your experience in sales. Open to a quick call?"),
        ("PC109", "cold-email", "Hi Kai,\n\nI'm a recruiter at Fernway. Your profile is why I'm writing. Would you be open to a chat next week?"),
        # a portfolio sent with no opening of theirs
        ("PC102", "cold-email", "Hello Ms Kaur,\n\nPlease find attached my portfolio. I'd love any design role at your company."),
        # the thanks, then a plug; "your posts on LinkedIn" names a platform, not a topic
        ("AU102", "x-dm", "Thanks for the follow! Which book should you buy next? Check out my reading guide."),
        ("AU101", "x-dm", "Thanks for the follow! I loved your posts on LinkedIn."),
        # a bump with nobody named and nothing done
        ("AU120", "linkedin-dm", "Circling back on the panel. Are you still keen?"),
        ("AU120", "dm", "Circling back on this, did you get a chance to look?"),
        ("AU120", "dm", "Circling back on Saturday. Did you get a chance to look?"),
        # a dictated reply with one case and a lure, in a post or a DM
        ("EB104", "facebook-post", "Reply 1 if you agree, 2 if not!"),
        ("EB104", "linkedin-post", "Reply YES if you want the template, and I'll DM you."),
        ("EB120", "dm", "Reply YES if you agree!"),
        ("EB120", "comment", "Reply YES in the comments if you agree!"),
        # a note that names nothing of theirs
        ("NP106", "x-dm", "Hey! Loved your profile, let's connect and grow together."),
    ],
)

