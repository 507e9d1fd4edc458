"""Round-five guards for engagement bait and tag-hijack: ordinary text stays unflagged, and a
long post's closing ask still fires.

The ordinary drafts sit next to the habits the new rules listen for (a closing line, a P.S.,
a help request's sighting plea) and use those words the ordinary way. The bait drafts are
long, substantive posts whose ask sits at the end, where one ordinary phrase elsewhere in the
post ("if you see a candidate light up") used to silence the whole draft. Every text is
written for this test; none is copied from any corpus.
"""

from __future__ import annotations

import pytest

from ordinary import codes_drawn, no_judgment_test
from sociable.ruleset import RuleSet

ORDINARY: list[tuple[str, str]] = [
    # a help request's sighting plea still silences its share ask
    ("facebook-post", "Please share: our terrier Biscuit slipped his lead in Hollin Park on Sunday. If you see him, call 07700 900456."),
    ("facebook-post", "Have you seen this cat? Black, one white sock, answers to Moth. Please share with anyone near Crane Street."),
    # near the new follow, dictated-reply, support, thread and guilt-trip shapes
    ('instagram-post', 'Follow to the end of the ridge trail and turn left at the stone gate; the view is worth the climb.'),
    ('facebook-post', "Subscribe to the council's alert list to get flood warnings by text before the river rises."),
    ('linkedin-post', 'Subscribe to the release notes if you run the on-prem version; the upgrade needs a schema change.'),
    ('dm', "Leave a comment if you want changes to the contract draft, I'll merge them tonight."),
    ('linkedin-dm', 'Hi Ravi, drop a comment in the doc if you need the link to the raw data.'),
    ('facebook-post', 'Support the bake sale by baking: bring one tray to the school hall by 9am Saturday.'),
    ('facebook-post', 'Please support the food bank appeal by sharing the collection times with your street.'),
    ('instagram-post', "Skip this one if you don't like spice: the chilli oil goes in twice."),
    ('linkedin-post', 'Say no when a meeting has no agenda. Say yes when it has a decision to make.'),
    ('instagram-post', 'Type yes in the RSVP form by Friday so we can order enough cake.'),
    ('x-post', 'Follow @metro_alerts and @cityroads for live updates on the closure tonight.'),
    ('linkedin-post', 'If you enjoyed the talk, you know where to find the slides: the repo link is on the last page.'),
    ('facebook-post', "Comment below with the name of the walk you liked best this year and why; we're planning next spring's route."),
    ('instagram-post', "Write done on the chart by the door when you've fed the rabbits, so nobody feeds them twice."),
    ('linkedin-post', 'Support this with data, not opinions: we logged every handoff for a month before changing the process.'),
    ('x-post', 'RT the first tweet of the thread only if you checked the figures yourself; we corrected two of them.'),
    ('linkedin-post', "Tell me in the comments which tool you'd choose for a five-person team and why; we're deciding next week."),
    ('comment', 'Tried it and it worked. Follow the second step exactly, the first time I skipped it and the build failed.'),
    ('instagram-post', "Send this week's order form to the café by Thursday; we need the oat milk count."),
    ('facebook-post', 'Drop your handles for the market stall rota in the sign-up sheet, and Jo will confirm the slots.'),
    # the false-alarm hunt: specific drafts of every channel, hard near-misses of the bait rules
    ('linkedin-post', 'Two years ago we had 40 customers and a churn rate of 9% a month. We stopped discounting, called every account that left, and rebuilt onboarding around the three reports people actually used. Churn is now 2.1%. If you run a small SaaS, the exit calls taught us more than any dashboard. What did your exit interviews tell you that surprised you?'),
    ('linkedin-post', "We shipped offline mode today. If you work on trains or in basements, your notes now sync when you're back online, and conflicts show side by side instead of being overwritten. The changelog has the details, and the old sync setting is gone."),
    ('instagram-post', "Sourdough class is back on Saturdays from March 🍞 Six places per class, £35 including flour and a jar of starter to take home. Book through the form on our site; we'll email directions."),
    ('instagram-post', 'Ten years of the shop today. Thank you to Priya, who built the first shelves, and to everyone who came in during the roadworks summer. Cake on the counter all day, help yourself.'),
    ('facebook-post', 'The Elm Street food bank is short of tinned fish, rice and nappies (size 4 and 5). Drop-off is the church hall, Tuesday and Thursday 10-2. Please share with neighbours who asked where to give.'),
    ('facebook-post', 'Our choir is singing at the hospice on Sunday at 3. Families are welcome; the car park fills early, so the bus stop outside the bakery is easier.'),
    ('x-post', 'New timetable for the 42 from Monday: every 12 minutes at peak, every 20 in the evening. Last bus leaves the station at 23:40. Full PDF on the council site.'),
    ('x-post', "Follow-up on yesterday's outage: the cause was an expired certificate on the payments proxy. We've added an expiry alert 30 days out and a second on-call reviewer for renewals."),
    ('comment', "Great write-up. One thing we'd add: we saw the same drop in sign-ups when we removed the free tier, but it came back within a month once the trial included the export feature."),
    ('comment', "Agree with the point on pricing pages. We tested hiding the enterprise tier and support tickets asking about it tripled, so we put it back with a plain 'talk to us'."),
    ('comment', 'Thanks for sharing the template. Question: do you send the agenda before the first call, or only after they confirm?'),
    ('comment', 'Congrats on the launch, Maya! The import from spreadsheets is exactly what our ops team asked for last quarter.'),
    ('dm', "Hey Tom, saw you moved to Leeds! We're doing a five-a-side on Thursdays near the station if you fancy it. No pressure, just shout."),
    ('linkedin-dm', 'Hi Aisha, thanks for the reply on the grant thread. The two funders I mentioned are the Hollis Trust and the Arden Fund; both close in April. I can send our last application if it helps.'),
    ('x-dm', "Thanks for the follow! You asked about the dataset: it's the 2023 transit survey, raw CSV on the city portal under 'mobility'."),
    ('cold-email', 'Hi Dr. Osei,\n\nI read your paper on groundwater sensors in the Volta basin. We make low-power loggers and two of our customers run similar arrays. Did you find the drift in the conductivity probes came from temperature, or from fouling? Your answer would shape how we calibrate our next batch.\n\nThanks,\nLena Park, Streamline Instruments'),
    ('cold-email', "Hi Marco,\n\nI'm a recruiter at Fennel Health. We're hiring a staff data engineer, remote in the EU, salary €95-110k. I'm writing to you because your talk on late-arriving events at Berlin Buzzwords is exactly the problem our claims pipeline has. Would you be open to hearing more, or should I stop here?\n\nBest,\nJo"),
    ('follow-up-email', 'Hi Sara,\n\nQuick update since Tuesday: our legal team approved the data processing terms you sent, so the pilot can start on the 14th. The deadline for the pilot cohort is Friday; after that, the next slot is in June.\n\nBest,\nOwen'),
    ('follow-up-email', 'Hi Dev,\n\nFollowing our call, here are the two numbers you asked for: 14 days median time to first invoice, and 3% of invoices disputed. Attached is the breakdown by region.\n\nThanks,\nKim'),
    ('linkedin-post', "Hiring: two junior nurses for the night ward at St Anne's, £31k plus shift allowance, full training. If you know someone finishing their placement, please pass this on; applications close 30 April."),
    ('instagram-post', "Lost: a silver bracelet with a small moon charm, somewhere between the park gates and the café on Sunday. It was my grandmother's. If you find it, please message us; reward offered."),
    ('facebook-post', 'Please share: the animal shelter on Mill Road needs two foster homes for senior cats this month. Food and vet bills are covered.'),
    ('linkedin-post', "Posts that end with 'comment YES for the guide' get the comments but not the readers. We tried it twice and our click-through halved. Now we just link the guide."),
    ('linkedin-post', "Feel free to share the salary report with your team; it's free, no sign-up, and the raw data is in the appendix."),
    ('linkedin-post', 'Our poll last week asked whether teams still run daily stand-ups: 61% said yes, 28% weekly, 11% never. The full results and comments are in the write-up.'),
    ('instagram-post', "Which colour for the spring cardigan: sage or rust? Tell us why in the comments, the knitters' group votes Friday and the pattern goes out Monday."),
    ('x-post', "Retweeting the fire service's warning: the ring road is closed both ways at junction 4. Use the A61."),
    ('comment', "Here's the library we used for the same problem: it handles the timezone edge case you mentioned, and the docs have a migration guide from moment.js."),
    ('linkedin-post', "Happy to say the clinic's waiting list is down from 14 weeks to 5, thanks to the evening sessions the volunteers started. Next step: Saturday mornings."),
    ('instagram-post', "Don't forget to bring a water bottle to the run club on Sunday; the café is closed for repairs."),
]

#: A substantive post (about ninety words) with ordinary rhetoric that once read as a help
#: request draft-wide: "if you see ..." and "have you seen ...".
_LONG_POST = (
    "Three years ago our hiring took a month per offer. We wrote the plan down, cut the loop to "
    "three talks and sent the questions ahead. If you see a candidate light up about a bug they "
    "fixed, that is your signal. Have you seen how much faster people decide once they know the "
    "timeline? Our time to offer fell from 21 days to 6, and acceptance rose from 40% to 85%. "
    "No new tool, only a page everyone followed.\n\n"
)

LONG_BAIT: list[tuple[str, str, str]] = [
    ("linkedin-post", _LONG_POST + "♻️ Repost if this helped.", "EB102"),
    ("linkedin-post", _LONG_POST + "Repost so more founders see it.", "EB102"),
    ("linkedin-post", _LONG_POST + "Share this with a founder who is hiring.", "EB102"),
    ("linkedin-post", _LONG_POST + "I post one hiring lesson a week. Follow to stay in the loop.", "EB105"),
    ("linkedin-post", _LONG_POST + "Leave a comment with the word SCORECARD to get a copy.", "EB104"),
    ("linkedin-post", _LONG_POST + "Show your support with a repost.", "EB101"),
    ("x-post", "Six things our night shift taught us about triage 🧵\n\nIf you liked this thread, RT the first tweet 🔁", "EB102"),
    ("instagram-post", "Three free planner pages this week. Claim yours by typing mine 👇", "EB132"),
    ("facebook-post", "Scroll past if you don't love your mum ❤️", "EB123"),
]


test_ordinary_drafts_near_the_new_bait_rules_get_no_judgment_finding = no_judgment_test(ORDINARY, "ordinary-eb")


@pytest.mark.parametrize(("channel", "text", "code"), LONG_BAIT, ids=[f"long-bait-{i}" for i in range(len(LONG_BAIT))])
def test_a_long_posts_closing_ask_fires_despite_rhetoric_elsewhere(
        ruleset: RuleSet, channel: str, text: str, code: str) -> None:
    assert code in codes_drawn(ruleset, channel, text)
