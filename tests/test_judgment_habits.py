"""Judgment of engagement bait, self-promotion, tag hijacking and automation on realistic drafts.

The pack examples (``tests/test_pack_examples.py``) pin each rule's own bad/good lines; these
tests pin the behaviour across rules that the packs promise in their descriptions: which
family a draft lands in, that quoted and discussed habits stay quiet, that channel limits
apply per channel, that ``min_matches`` needs several tells, and that the safe fix really
drops only the begging sentence. Texts are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from sociable.document import Document
from sociable.engine import check_document
from sociable.kinds.base import Rule
from sociable.kinds.pattern import Pattern
from sociable.packs.loader import load_pack
from sociable.ruleset import RuleSet


def codes(ruleset: RuleSet, text: str, channel: str | None = None) -> set[str]:
    doc = Document.from_text(text, "<draft>", channel=channel)
    return {c for f in check_document(doc, ruleset) for c in f.codes}  # merged codes too


def families(ruleset: RuleSet, text: str, channel: str | None = None) -> set[str]:
    doc = Document.from_text(text, "<draft>", channel=channel)
    return {ruleset.specs[c].category for f in check_document(doc, ruleset) for c in f.codes}


def shown_families(ruleset: RuleSet, text: str, channel: str | None = None) -> set[str]:
    """The families of the findings' own codes (not the codes merged into them): what a
    reader of the report, or an outside scorer reading each finding's category, sees."""
    doc = Document.from_text(text, "<draft>", channel=channel)
    return {f.category for f in check_document(doc, ruleset)}


# --- each family catches its habit in drafts it has never seen -------------------------------

CAUGHT = [
    ("engagement-bait", "linkedin-post", "Most teams skip the retro.\n\nThey shouldn't.\n\nRepost 🔁 if your team still does retros."),
    ("engagement-bait", "facebook-post", "Which pizza wins? 👍 for pepperoni, ❤️ for margherita!"),
    ("engagement-bait", "instagram-post", "New drop Friday. Comment FIRE 🔥 below and I'll DM you early access."),
    ("engagement-bait", "linkedin-post", "7 lessons from 10 years of hiring.\n\nFollow me for more posts like this."),
    ("engagement-bait", "x-post", "Tag 3 friends who still use Internet Explorer 😂"),
    ("self-promotion", "linkedin-post", "I'm so excited and proud to announce that I've been promoted to VP of Growth!"),
    ("self-promotion", "cold-email", "Hi Lena,\n\nWe are the industry-leading platform for freight audit, trusted by 900+ shippers."),
    ("self-promotion", "comment", "Nice one. Check out my website for cheaper alternatives."),
    ("self-promotion", "x-post", "Our new fall collection is now available in stores and online."),
    ("automation", "x-dm", "Thx for the follow! Grab my free ebook at the link in my bio."),
    ("automation", "follow-up-email", "Hi Omar,\n\nFollowing up on my previous email. Should I close your file?\n\nThanks,\nJo"),
    ("automation", "cold-email", "Hi {{first_name}},\n\nQuick note about your hiring plans."),
    ("automation", "linkedin-dm", "I noticed we are both members of the Product Leaders group, so I thought I'd reach out."),
    ("automation", "comment", "Wonderful site! I stumbled upon it today and bookmarked it. Will definitely visit again."),
    ("tag-hijack", "linkedin-post", "Big week. #AI #ML #Data #Cloud #DevOps #Startups #Growth #Leadership"),
    ("tag-hijack", "x-post", "Thoughts with everyone in the path of the hurricane. Stock up: 30% off generators this weekend."),
]


@pytest.mark.parametrize(("family", "channel", "text"), CAUGHT, ids=[f"{c[0]}-{i}" for i, c in enumerate(CAUGHT)])
def test_habit_is_caught_in_its_family(ruleset: RuleSet, family: str, channel: str, text: str) -> None:
    assert family in families(ruleset, text, channel)


# --- near misses: what a careless rule would flag ----------------------------------------------

QUIET = [
    ("engagement-bait", "linkedin-post", "What was the hardest part of your first migration? I'd like to collect stories for a talk."),
    ("engagement-bait", "facebook-post", "Please share widely: Max, 9, was last seen at the Riverside mall in a red jacket. Call 911."),
    ("engagement-bait", "linkedin-post", "Happy to share our interview rubric with anyone hiring designers: just ask."),
    ("engagement-bait", "comment", "I'd like this even more if the code samples were in Go."),
    ("self-promotion", "linkedin-post", "Nvidia's new chip is genuinely revolutionary for inference, and the benchmarks show it."),
    ("self-promotion", "cold-email", "Hi Ana,\n\nYour post on freight audits was sharp. How do you handle carriers that bill twice?"),
    ("self-promotion", "facebook-post", "So proud of my son: he graduated from nursing school today!"),
    ("automation", "linkedin-dm", "Thanks for connecting! How did the Porto office launch go?"),
    ("automation", "comment", "Great post. The bit about cold starts saved me a day of debugging."),
    ("automation", "dm", "ugh I need to unsubscribe from like 40 newsletters this weekend"),
    ("tag-hijack", "linkedin-post", "Closed our seed round. Thanks @Ana @Ben @Carla @Dev @Eli and @Fran, who backed us before we had a product."),
    ("tag-hijack", "x-post", "Stay safe during the hurricane, everyone. Shelters are listed at ready.gov."),
    ("tag-hijack", "instagram-post", "Golden hour at the lake #sunset #lakelife #summer #evening #calm"),
]


@pytest.mark.parametrize(("family", "channel", "text"), QUIET, ids=[f"{q[0]}-{i}" for i, q in enumerate(QUIET)])
def test_near_miss_stays_quiet(ruleset: RuleSet, family: str, channel: str, text: str) -> None:
    assert family not in families(ruleset, text, channel)


# --- quoted and discussed habits ---------------------------------------------------------------

@pytest.mark.parametrize("bad", [
    "Like this if you agree!",
    "Thanks for connecting! Check out my new course.",
    "We're thrilled to announce our Series A!",
])
def test_a_blockquoted_habit_is_not_the_authors(ruleset: RuleSet, bad: str) -> None:
    mine = codes(ruleset, f"{bad}\n", "linkedin-post")
    quoted = codes(ruleset, f"Someone sent me this:\n\n> {bad}\n\nDon't be that person.\n", "linkedin-post")
    judgment = {c for c in mine if c[:2] in {"EB", "SP", "AU", "TH"}}
    assert judgment, f"the unquoted draft should be flagged: {bad!r}"
    assert not judgment & quoted


def test_quoted_speech_of_a_bait_line_is_not_bait(ruleset: RuleSet) -> None:
    said = 'My feed is full of "share this with 10 friends" posts and I skip every one.'
    assert "EB102" not in codes(ruleset, said, "linkedin-post")
    assert "EB102" in codes(ruleset, "Share this with 10 friends today.", "linkedin-post")


# --- channel limits ---------------------------------------------------------------------------

def test_five_hashtags_are_fine_six_are_stuffing(ruleset: RuleSet) -> None:
    five = "Shipped. #rust #wasm #webdev #performance #compilers"
    assert "TH101" not in codes(ruleset, five, "linkedin-post")
    assert "TH101" in codes(ruleset, five + " #opensource", "linkedin-post")
    # Six tags read as a bid for reach on every post channel, Instagram included.
    assert "TH101" in codes(ruleset, five + " #opensource", "instagram-post")
    assert "TH101" not in codes(ruleset, five, "instagram-post")


def test_follow_thanks_is_an_auto_dm_only_in_direct_messages(ruleset: RuleSet) -> None:
    text = "Thanks for following! Have a great week."
    assert "AU101" in codes(ruleset, text, "x-dm")
    assert "AU101" not in codes(ruleset, text, "linkedin-post")


def test_fake_reply_subject_only_on_a_first_email(ruleset: RuleSet) -> None:
    text = "Subject: RE: your pricing page\n\nHi Ana,\n\nYour pricing page is clear."
    assert "AU111" in codes(ruleset, text, "cold-email")
    assert "AU111" not in codes(ruleset, text, "follow-up-email")


def test_check_in_bump_is_judged_only_in_outreach_channels(ruleset: RuleSet) -> None:
    text = "Just wanted to check in and see if you had a chance to look at the proposal."
    assert "AU105" in codes(ruleset, text, "follow-up-email")
    assert "AU105" not in codes(ruleset, text, "dm")


# --- the pattern kind's min_matches -------------------------------------------------------------

TWO_TELLS = """\
pack: t
rules:
  - code: ZZ901
    name: two-tells
    kind: pattern
    category: automation
    severity: warning
    scope: text
    min_matches: 2
    message: 'Found "{match}".'
    why: Because.
    pattern: ['\\bbookmarked\\b', '\\bkeep up the good work\\b']
    examples:
      bad: ["Bookmarked! Keep up the good work."]
      good: ["Bookmarked."]
"""


def test_min_matches_needs_that_many_distinct_tells(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TWO_TELLS, encoding="utf-8")
    kind = Pattern()
    (spec,) = load_pack(path, {"pattern": kind})
    rule = Rule(spec, kind, kind.prepare(spec))

    def found(text: str) -> list[str]:
        doc = Document.from_text(text, "<t>")
        return [doc.text[f.start:f.end] for f in kind.check(doc, rule)]

    assert found("Bookmarked. Nice.") == []
    assert found("Bookmarked, bookmarked.") == ["Bookmarked", "bookmarked"]  # the same tell twice counts twice
    assert found("Keep up the good work! Bookmarked.") == ["Keep up the good work", "Bookmarked"]


# --- the safe fix drops only the begging sentence ---------------------------------------------

def test_fix_removes_the_bait_sentence_and_keeps_the_rest(
    tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(textwrap.dedent("""\
        ---
        channel: linkedin-post
        ---
        We cut our cloud bill by 40% by moving batch jobs to spot instances. Repost if you agree.
        """), encoding="utf-8")
    result = run_cli("check", "--fix", "--select", "EB", "post.md")
    assert result.returncode == 0, result.stdout + result.stderr
    fixed = draft.read_text(encoding="utf-8")
    assert "Repost" not in fixed
    assert "We cut our cloud bill by 40% by moving batch jobs to spot instances." in fixed


def test_single_quoted_words_are_speech_but_apostrophes_are_not() -> None:
    text = "Stop ending posts with 'repost if you agree'. Don't; the teams' owners hate it.\n"
    view = Document.from_text(text, "<t>").view("text")
    assert "repost if you agree" not in view  # quoted: masked like "double-quoted" speech
    assert "Don't; the teams' owners hate it." in view  # apostrophes open no quote
    curly = Document.from_text("She wrote ‘like this if you agree’ and I don’t.\n", "<t>").view("text")
    assert "like this" not in curly and "I don’t." in curly


def test_writing_about_a_habit_in_single_quotes_is_quiet(ruleset: RuleSet) -> None:
    about = "Nobody needs another post that opens with 'thrilled to announce' or ends with 'follow me for more'."
    assert not {c for c in codes(ruleset, about, "linkedin-post") if c[:2] in {"EB", "SP"}}
    assert {"SP101", "EB105"} <= codes(ruleset, "Thrilled to announce our launch! Follow me for more.", "linkedin-post")


# --- self-promotion said in other words (the spgp round): each drew no self-promotion finding
# before its rule was widened; written for this test from the habit's definition

SPGP_CAUGHT = [
    ("self-promotion", "comment", "Love it. I just released a course that goes through all of this step by step 🙌"),
    ("self-promotion", "comment", "Agreed. I talk about this all the time on my podcast, episode 42 is all about it."),
    ("self-promotion", "comment", "Love this. We built a tool that does exactly this automatically, happy to send you a link."),
    ("self-promotion", "comment", "Totally agree! This is exactly the problem my app solves, check it out if you get a chance."),
    ("self-promotion", "dm", "hii! i started selling my baked goods from home, cakes cookies brownies, order thru my insta 🍰"),
    ("self-promotion", "comment", "Great points! I actually wrote a whole guide on this, it's on my blog if anyone wants to go deeper."),
    ("self-promotion", "linkedin-post", "Guess who just became a published author? 📚 My first book, The Calm Leader, is out today on Amazon."),
    ("self-promotion", "linkedin-post", "We're at stand B42 at the Manchester Tech Expo all week. Come say hi and see our new platform in action!"),
    ("self-promotion", "dm", "hey!! my candle shop finally opened online 🕯️ would love if you checked it out and shared with your friends"),
    ("self-promotion", "instagram-post", "Feeling so blessed 🥹 my little business just hit 5k orders!! thank you thank you thank you 💖 #smallbiz #grateful"),
    ("self-promotion", "linkedin-post", "Can't quite believe it, but my book made the Sunday Times bestseller list this week. Thank you to everyone who bought a copy!"),
    ("self-promotion", "linkedin-post", "Sold out in 48 hours. Our winter workshop series is completely full. Thank you to everyone who booked, we didn't expect this!"),
    ("self-promotion", "linkedin-post", "✨ BIG ANNOUNCEMENT ✨\n\nWe are officially expanding to the US! 🇺🇸 New office in Austin opening this summer. The future is bright. 🚀🚀🚀"),
    ("self-promotion", "linkedin-post", "5 years ago I quit my corporate job with no plan B.\n\nToday my consultancy has 14 staff and a waiting list of clients.\n\nBet on yourself."),
    ("self-promotion", "linkedin-post", "So this happened 👇\n\nI was invited to keynote at SaaStr Europe. A few years ago I was cold calling from a spare bedroom. Dream big, people."),
    ("self-promotion", "linkedin-post", "This is what happens when you hire the right agency. 📈 Our client's traffic went from 2k to 40k a month in six months. Want the same? Let's talk."),
    ("self-promotion", "linkedin-dm", "Hi Sara, quick one: our new HR platform just went live and we're offering early access to a handful of companies. Let me know and I'll set you up."),
    ("self-promotion", "linkedin-post", "Delighted to let you all know that our team picked up Best Workplace Culture at the Regional Business Awards last night. What a team. What a night."),
    ("self-promotion", "linkedin-post", "New episode of The Growth Room is live! This week I sit down with myself to talk about why most founders fail at sales. Available on all platforms."),
    ("self-promotion", "linkedin-post", "Some personal news: I've accepted an offer to lead the design org at Brightwave. Eight years at Northwind taught me everything. Onwards and upwards!"),
]


@pytest.mark.parametrize(("family", "channel", "text"), SPGP_CAUGHT, ids=[f"spgp-{i}" for i in range(len(SPGP_CAUGHT))])
def test_self_promotion_in_other_words_is_caught(ruleset: RuleSet, family: str, channel: str, text: str) -> None:
    assert family in shown_families(ruleset, text, channel)
# --- the ebpc round: bait and pitches in other words, caught under their own family's code ------

_STORY = "I burned nine sourdough loaves before the tenth came out right: a long cold proof, a hot Dutch oven, patience."
EBPC_CAUGHT = [
    ("engagement-bait", "instagram-post", "5 plants for a dark flat: snake plant, ZZ, pothos, cast iron plant, peace lily.\n\nKeep this post so you don't forget 🌿"),
    ("engagement-bait", "linkedin-post", "We moved to four days because everyone was exhausted. Why it worked: fewer meetings.\n\nFour-day week or five? Comment below 👇"),
    ("engagement-bait", "instagram-post", "Repainted the kitchen because the yellow made me sad. When you walk in it feels new.\n\nSound off in the comments 👇"),
    ("engagement-bait", "linkedin-post", "I got rejected 43 times. The 44th said yes.\n\nWhich one are you right now, still applying or already hired? Let me know in the comments 👇"),
    ("engagement-bait", "linkedin-post", f"{_STORY}\n\nComment \"I'm in\" if you're baking this weekend."),
    ("engagement-bait", "instagram-post", f"{_STORY}\n\nType bread in the comments and the recipe is yours."),
    ("engagement-bait", "instagram-post", f"{_STORY}\n\nPop a ❤️ in the comments if you've burned one too!"),
    ("engagement-bait", "facebook-post", f"{_STORY}\n\nIf we hit 500 shares I'll post the starter guide."),
    ("engagement-bait", "linkedin-post", f"{_STORY}\n\nI'd be grateful if you'd repost this to your network."),
    ("engagement-bait", "linkedin-post", f"{_STORY}\n\nDo me a favour and hit repost ♻️"),
    ("engagement-bait", "instagram-post", f"{_STORY}\n\nDescribe yourself in 3 emojis 👇"),
    ("engagement-bait", "facebook-post", "Dad retires today after 40 years at the mill.\n\nLet's get this post to 1,000 likes for him ❤️"),
    ("engagement-bait", "instagram-post", f"{_STORY}\n\nStick around for more, hit follow!"),
    ("engagement-bait", "linkedin-post", f"{_STORY}\n\nShould I write a part 2? 👇"),
    ("pitch-on-connect", "dm", "hello sir i am web developer from india, i make website for your business very cheap price. please reply for discuss"),
    ("pitch-on-connect", "dm", "Hey! Love your Etsy shop 😍 I'm a product photographer, would you be up for a quick zoom to chat about new photos?"),
    ("pitch-on-connect", "dm", "hey babe! I've just started my own skincare business 💕 would love to send you some info, it's only £25 a month!"),
    ("pitch-on-connect", "x-dm", "Hello! I'm a virtual assistant. I can manage your inbox and calendar for $15/hr. Let me know if you want to chat!"),
    ("pitch-on-connect", "cold-email", "Hi Tara,\n\nWe're a video agency. Our explainer videos take two weeks. Shall I send you our rate card?\n\nLuke"),
    ("pitch-on-connect", "linkedin-inmail", "Dear Anita,\n\nI am a partner at Hollis Wealth. I'd like to invite you to a complimentary portfolio review meeting at our London office.\n\nJames"),
]


@pytest.mark.parametrize(("family", "channel", "text"), EBPC_CAUGHT, ids=[f"ebpc-{c[0]}-{i}" for i, c in enumerate(EBPC_CAUGHT)])
def test_ebpc_habit_is_shown_in_its_family(ruleset: RuleSet, family: str, channel: str, text: str) -> None:
    assert family in shown_families(ruleset, text, channel)
