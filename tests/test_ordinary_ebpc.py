"""Ordinary drafts near the engagement-bait and pitch-on-connect rules widened in the ebpc round
draw no judgment finding.

The round widened the bait rules to the wordings creators use in a post's close (a ballot after
a story that says "because", "keep this post so you don't forget", "comment "I'm in" below")
and the pitch rules to a stranger's trade and price said in other words. Next to those habits
stand the drafts a person writes with the same words and no ask: a story that explains why, a
real question with a reason asked for, a notice to keep a number handy, a community count with
thousands separators, a choir that asks people to message, a reply inside a conversation that
names a call or a price. All were written for this test; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from ordinary import judgment_findings
from sociable.ruleset import RuleSet

# (channel, text): posts near the bait rules
POSTS: list[tuple[str, str]] = [
    ('linkedin-post', "We moved to a four-day week in January because the team was exhausted. Why it worked: we cut recurring meetings and wrote decisions down. Output is up 8%.\n\nIf you run a small team and want our meeting policy, it's on our blog, no sign-up."),
    ('linkedin-post', "I spent ten years running warehouses before moving into software. Write the process down before you automate it, or you automate the mess.\n\nWhat's the first process you'd document in a new job, and why?"),
    ('linkedin-post', 'Keep this in mind when you price a project: the client pays for the risk you take, not the hours you log. I learned that after undercharging for a migration that ran four months over.'),
    ('instagram-post', 'Which one should we bake for the school fair, the lemon drizzle or the ginger loaf? Tell us why in the comments, the kids are voting on Friday.'),
    ('linkedin-post', "Sweet or savoury breakfast before a long run? I'm testing both for the Leeds half and would like to hear what worked for you, and why."),
    ('linkedin-post', 'Part 1 of our incident review is up on the engineering blog: how a 2,000-line config change took down checkout for 12 minutes. Part 2, on the fix, goes up next Tuesday.'),
    ('instagram-post', 'Double check your passport expiry before you book! Mine had four months left and the airline refused me at the gate. Six months is the rule for most of Europe.'),
    ('instagram-post', "Type 2 diabetes runs in my family, so this year I learned to cook with lentils. Here's the dal I make every Sunday: red lentils, turmeric, cumin, a tin of tomatoes, 25 minutes."),
    ('instagram-post', "Describe the feeling of the first warm day of spring? I can't, so I painted it instead. Watercolour on cotton paper, 30x40, the original is going to my mum."),
    ('linkedin-post', "Should I write a part 2 about the database side? I'm honestly unsure whether it's useful, since most of it is specific to Postgres 12."),
    ('facebook-post', "Our choir is looking for tenors! Rehearsals are Tuesdays 7pm at St Mary's hall, no audition, and we sing everything from Fauré to Abba. Message me if you'd like to come along."),
    ('linkedin-post', "Which one are you asking for when you ask for 'feedback': a review, a reaction, or a decision? Naming it up front saved our design reviews about 20 minutes each."),
    ('instagram-post', "Rate limits on the new API are 1,000 requests a minute per key. If you're seeing 429s below that, check you're not sharing one key across workers."),
    ('linkedin-post', 'Green or blue for the new logo? We asked 200 customers and the answer surprised us: 61% picked green, mostly because blue looked like every bank.'),
    ('facebook-post', 'Keep this handy: the out-of-hours vet for Otley is now Westgate, 01943 123456. The old number stopped working in May.'),
    ('instagram-post', "Office or remote for our new studio? We're deciding on the lease this week, so tell us in the comments what would make you come in."),
    ('linkedin-post', "Tea or coffee for the Leeds meetup on Thursday? We order on Tuesday, so reply below by Monday night and we'll get enough of both."),
    ('facebook-post', 'Which date suits more of you for the street party, 5 or 12 July? Comment below with your house number so we can count the tables.'),
    ('instagram-post', 'New pattern is live! The cardigan takes about 600g of DK, sizes XS to 3XL, and the printable chart is on page 4. Happy knitting 🧶'),
    ('linkedin-post', 'Send this to the finance team before Friday: the VAT rate on our training courses changes from 1 April, and invoices dated after that need the new code.'),
    ('instagram-post', 'Describe yourselves in the studio bio, the photographer said. So here we are: two potters, one kiln, and a dog that sleeps on the clay bags.'),
    ('linkedin-post', "The first 3 people to comment on a pull request in our team get to pick the next refactor. It started as a joke and it's the best review habit we have."),
    ('linkedin-post', 'Is it just me, or has every conference this year moved its talks to 20 minutes? I like it: speakers cut the history slides and go straight to what broke.'),
    ('linkedin-post', "Help this reach the right people: we're looking for two volunteer mentors for care leavers in Bradford, one evening a month, training provided. Applications close 30 May."),
]

# (channel, text): 1:1 messages near the pitch rules
MESSAGES: list[tuple[str, str]] = [
    ('follow-up-email', "Hi Maria,\n\nThanks for your time on Tuesday. As you asked, I've attached the quote for the warehouse racking: £12,400 installed. Would Thursday work for a call with your ops lead to go through the layout?\n\nBest,\nKen"),
    ('follow-up-email', "Hi Leo,\n\nFollowing up on our call last week: you mentioned the redesign budget is £2,500, so I've kept the proposal to that. Can I send it over today?\n\nFaye"),
    ('dm', 'The room is £450 a month, bills included, from June. Want to come and see it on Saturday?'),
    ('dm', "Hi Sam! I'm a baker too. Do you have 10 minutes sometime to tell me how you keep your starter alive in summer?"),
    ('dm', "I've just started my own dog-walking business, so if Biscuit ever needs a walk while you're at work, I'm round the corner. No charge for you, obviously!"),
    ('cold-email', "Hi Dr Shah,\n\nI'm a second-year nursing student at Leeds. Your paper on sepsis screening in A&E is the basis of my dissertation. Could I ask you two short questions by email about how you defined the time to antibiotics?\n\nAisha"),
    ('dm', "Hi! I'm Jess from number 14. The tree surgeon quoted us £300 for the shared hedge, so £150 each. Are you ok with that?"),
    ('dm', 'Do you want my old bike? Same price you paid me, £120, or swap for your camping stove.'),
    ('dm', "hello, i am new in the street, i am from Poland. my daughter is in your son's class. can we share school run on Thursdays?"),
    ('x-dm', "Hi Jake, you mentioned on the podcast that you need a new logo. I make logos, and I'd be happy to sketch two ideas for free if you'd like to see them."),
    ('dm', 'Our design team moved the retro to Friday. Does Friday work for you, or should I ask Sam to cover?'),
    ('dm', "My gym membership went up to £30 a month, so I'm switching to the council pool. Want to come on Thursdays?"),
    ('dm', 'hey! our new flat is £900 a month for two bedrooms, which is less than we paid in Hyde Park. come for dinner on saturday?'),
    ('follow-up-email', "Hi Martin,\n\nAs discussed on the phone, I've attached our quote: £1,850 for the boiler service contract, billed yearly. Shall I send the contract over for signature?\n\nLinda"),
    ('dm', "I'm a designer at the council now! Do you have time for a coffee next week? I'd love to hear how the new baby is doing."),
    ('dm', "Reply with the word STOP to unsubscribe from the club's match reminders."),
]

ORDINARY = POSTS + MESSAGES


@pytest.mark.parametrize(("channel", "text"), ORDINARY, ids=[f"ebpc-ordinary-{i}" for i in range(len(ORDINARY))])
def test_ordinary_text_gets_no_judgment_finding(ruleset: RuleSet, channel: str, text: str) -> None:
    found = judgment_findings(ruleset, channel, text)
    assert found == [], f"ordinary text flagged: {found}"


def test_the_file_stays_cheap() -> None:
    assert len(ORDINARY) <= 40
