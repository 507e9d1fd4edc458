"""Generic pitch, no personalization and pitch-on-connect on drafts written for this test.

Each bad draft must raise the named rule; each near-miss (a specific, good draft that shares
words with a bad one) must get no finding of these families. Texts are written here, none is
copied from the evaluation corpus. Fixes are checked through the real CLI.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sociable.document import Document
from sociable.engine import check_document
from sociable.ruleset import RuleSet

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

FAMILIES = {"generic-pitch", "no-personalization", "pitch-on-connect"}


def codes(ruleset: RuleSet, channel: str, text: str) -> set[str]:
    doc = Document.from_text(text, "d.md", channel=channel)
    return {
        c for f in check_document(doc, ruleset) for c in f.codes  # merged codes too
        if ruleset.specs[c].category in FAMILIES or c == "SP501"
    }


BAD = [
    ("GP101", "cold-email", "Hi Lee,\n\nI hope this message finds you well. We make pallet racks."),
    ("GP102", "linkedin-dm", "Hi Lee, I stumbled upon your profile and thought we should talk."),
    ("GP102", "cold-email", "Hi Lee, I know you're busy, so I'll keep this short."),
    ("GP103", "linkedin-connect", "Hi Lee, I'd like to add you to my professional network."),
    ("GP201", "follow-up-email", "Hi Lee,\n\nHave you had a chance to review my previous email?"),
    ("GP201", "follow-up-email", "Hi Lee, circling back on this. Thoughts?"),
    ("GP201", "follow-up-email", "Hey Lee, me again! Just checking whether you saw this."),
    ("GP301", "linkedin-dm", "Hi Lee, you have an impressive track record. Open to new roles?"),
    ("GP301", "linkedin-connect", "Big fan of your work! Let's connect."),
    ("GP302", "comment", "Great post, thanks for sharing! 👏"),
    ("GP302", "comment", "Very informative article."),
    ("GP303", "comment", "Nice site! I bookmarked it and will be coming back for more quality content."),
    ("GP304", "comment", "Kindly look at my resume, I am interested."),
    ("GP401", "cold-email", "Hi Lee, we help brands like yours scale paid social."),
    ("GP401", "linkedin-dm", "Hi Lee, I'd love to explore synergies between our companies."),
    ("GP402", "linkedin-dm", "Hi Lee, your profile stood out. I have an exciting opportunity for you."),
    ("GP403", "cold-email", "Hi Lee, quick question: who is the best person to talk to about IT?"),
    ("NP101", "cold-email", "Dear valued customer,\n\nYour invoice is attached."),
    ("NP101", "linkedin-dm", "Hey guys,\n\nLoved the launch."),
    ("NP102", "cold-email", "Hi {{ first_name }}, congrats on {{company}}'s round."),
    ("NP102", "linkedin-dm", "Hi <First Name>, are you hiring?"),
    ("NP102", "cold-email", "Hello %FIRSTNAME%, your order shipped."),
    ("NP103", "cold-email", "To whom it may concern,\n\nI am applying for the analyst role."),
    ("NP104", "follow-up-email", "Hi,\n\nJust sending the deck again."),
    ("NP105", "x-dm", "Thanks for the follow! Check out my podcast."),
    ("NP106", "linkedin-connect", "I'd love to connect and grow together. Looking forward to it!"),
    ("PC101", "linkedin-connect", "Hi Lee, do you have time for a quick zoom next week?"),
    ("PC101", "cold-email", "Hi Lee, let's hop on a call. Book here: https://calendly.com/dana/30min"),
    ("PC102", "linkedin-dm", "Hi Lee, could you refer me for the open backend role?"),
    ("PC103", "x-dm", "Thanks for following! Download our app for 20% off."),
    ("PC104", "linkedin-connect", "Hi Lee, our agency builds Webflow sites for SaaS. Let's connect."),
    ("PC105", "linkedin-post", "Early-bird pricing ends tonight. Don't wait!"),
    ("PC105", "facebook-post", "Only 5 seats left for Saturday's class, act now!"),
    ("PC106", "linkedin-dm", "Hi Lee, would you like to earn extra income from home?"),
    ("PC104", "linkedin-connect", "Hi Mary, I help coaches get 10+ clients a month. Would love to connect!"),
    ("GP201", "follow-up-email", "Hi Mike, just wanted to float this to the top of your inbox."),
    ("GP201", "follow-up-email", "Hi Mike, any update on this?"),
    ("GP303", "comment", "Hello admin, your blog is very informative. I will visit again. Thanks"),
    ("GP303", "comment", "Very nice post. I just stumbled upon your blog and have truly enjoyed browsing your posts."),
    ("NP101", "cold-email", "Hello Dear,\n\nI am Mrs. Grace and I have a business proposal for you."),
    ("NP103", "cold-email", "Dear Business Owner,\n\nYour website is not ranking on Google."),
    ("NP102", "cold-email", "Hi (Name),\n\nWe build pallet racks."),
    ("GP402", "linkedin-dm", "Hi Sam, I think you'd be a great fit for our team."),
    ("NP122", "dm", "Hi there!\n\nWe are a web studio in Hull and our packages start at $300."),
    ("NP102", "cold-email", "Hi Name,\n\nYour loft quote is attached."),
    ("NP103", "cold-email", "Dear Northwind Ltd,\n\nWe supply shelving."),
]

GOOD = [
    ("cold-email", "Hi Lee,\n\nI hope the Denver launch went well: the pallet-tracking demo at ProMat was the best on the floor. Did the RFID tags hold up in the freezer aisles?\n\nDana"),
    ("linkedin-dm", "Hi Lee, your post on moving QA into the sprint matched what we saw at Fig. How did you stop the testers becoming a bottleneck?"),
    ("linkedin-connect", "Hi Lee, we met at the Leeds Rust meetup; your talk on async cancellation fixed a bug we had chased for a week."),
    ("linkedin-connect", "I read your newsletter every Sunday and your issue on pricing pages changed ours. Would love to connect."),
    ("follow-up-email", "Hi Lee,\n\nFollowing up on our chat about cold storage: the vendor quoted $42 per pallet, attached.\n\nDana"),
    ("follow-up-email", "Hi Lee, did you get my last email about the Friday site visit? The gate code changed to 4411."),
    ("comment", "Great article! The part on cache keys explained our stale pages. Did you try surrogate keys with Fastly?"),
    ("comment", "Thanks for sharing the exact nginx config; the proxy_buffering line was what I was missing."),
    ("comment", "I tried this with my daughter and she loved the volcano part."),
    ("x-dm", "Thanks for the follow! Your thread on sourdough hydration is pinned in our bakery's group chat."),
    ("cold-email", "Hello! I read your Mapbox piece on vector tiles. Would the same trick work for offline maps?"),
    ("linkedin-post", "Registration for the free workshop is open until March 3; every session is recorded for those who can't join."),
    ("linkedin-post", "We must act now on malaria: dual-insecticide nets are working, and funding decides the rest."),
    ("linkedin-post", "Pet peeve: course launches that scream only 3 spots left when the course is a video."),
    ("dm", "hey, quick call later? need to sort out the party plan"),
    ("dm", "Just checking in, how's your mum doing after the surgery?"),
    ("linkedin-dm", "Great to be connected, Lee. How did you decide to move the team to a four-day week?"),
    ("follow-up-email", "Hi Lee, just following up with the numbers you asked for: churn fell to 2.1% in May."),
    ("follow-up-email", "Hi Lee, following up on my email from Tuesday about the budget: finance approved it."),
    ("cold-email", "Hi Lee, I finished your book on negotiation. Quick question: does the first-offer rule hold for SaaS renewals?"),
    ("x-dm", "Hey! Saw your tweet about Elm's error messages. I'm comparing them with Rust's; can I quote you?"),
    ("comment", "Your blog helped me set up my site, thanks! Keep up the good work."),
    ("facebook-post", "Our bakery's summer sale ends Sunday: 20% off all sourdough loaves."),
    ("linkedin-dm", "Thanks for the intro to Sam, really appreciate it! I'll keep you posted on how it goes."),
    ("linkedin-dm", "Hi Sam, you'd be a great fit for our data team because you scaled Kafka at Wise."),
]


@pytest.mark.parametrize(("code", "channel", "text"), BAD, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(BAD)])
def test_bad_draft_is_flagged(ruleset: RuleSet, code: str, channel: str, text: str) -> None:
    assert code in codes(ruleset, channel, text)


@pytest.mark.parametrize(("channel", "text"), GOOD, ids=[f"good-{i}" for i in range(len(GOOD))])
def test_specific_draft_is_not_flagged(ruleset: RuleSet, channel: str, text: str) -> None:
    assert codes(ruleset, channel, text) == set()


def test_quoted_template_does_not_trigger(ruleset: RuleSet) -> None:
    text = '---\nchannel: cold-email\n---\nHi Lee,\n\n> I hope this email finds you well.\n\nThat line opened the last email you forwarded me; your reply to it was perfect.'
    assert codes(ruleset, "cold-email", text) == set()


@pytest.mark.parametrize(
    ("draft", "fixed"),
    [
        (
            "---\nchannel: cold-email\nto: {name: Ana Souza, company: Acme}\n---\nHi there,\n\n"
            "I hope this email finds you well. Acme's checkout is fast; how did you build it?\n",
            "---\nchannel: cold-email\nto: {name: Ana Souza, company: Acme}\n---\nHi Ana,\n\n"
            "Acme's checkout is fast; how did you build it?\n",
        ),
        (
            "---\nchannel: linkedin-dm\nto: Ana Souza\n---\nHello! Your checkout redesign is great. How did you test it?\n",
            "---\nchannel: linkedin-dm\nto: Ana Souza\n---\nHello Ana! Your checkout redesign is great. How did you test it?\n",
        ),
    ],
)
def test_safe_fixes_greet_by_name_and_drop_the_pleasantry(tmp_path: Path, run_cli, draft: str, fixed: str) -> None:
    path = tmp_path / "draft.md"
    path.write_text(draft, encoding="utf-8")
    run_cli("check", "--fix", "--select", "GP,NP", "draft.md")
    assert path.read_text(encoding="utf-8") == fixed


def test_no_name_fix_without_a_recipient(tmp_path: Path, run_cli) -> None:
    draft = "---\nchannel: cold-email\n---\nHi there,\n\nYour checkout redesign is great. How did you test it?\n"
    path = tmp_path / "draft.md"
    path.write_text(draft, encoding="utf-8")
    result = run_cli("check", "--fix", "--select", "NP", "draft.md")
    assert "NP101" in result.stdout
    assert path.read_text(encoding="utf-8") == draft


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("NP101", "Hi there,\r\n\r\nYour checkout is fast.\r\n"),
        ("NP103", "Dear Prof.,\r\n\r\nI am interested in your lab.\r\n"),
        ("NP104", "Hi,\r\n\r\nWe build pallet racks.\r\n"),
        ("GP201", "Hi Lee,\r\n\r\nJust following up on my last email.\r\n"),
    ],
)
def test_windows_line_endings(ruleset: RuleSet, code: str, text: str) -> None:
    assert code in codes(ruleset, "cold-email", text)


def test_a_draft_that_opens_with_thanks_keeps_its_body() -> None:
    # "Thanks," on the first line is the message starting, not a sign-off: body rules must see it.
    doc = Document.from_text("Thanks,\nCan you tell me your notice period?\nThe role is remote.\n", "d.md")
    assert doc.scopes["signature"] == []
    assert "notice period" in doc.view("body")


# What counts as naming the reader, and what does not: the evidence must itself be specific.
# (channel, text, fires): each pair differs only in that evidence.
EVIDENCE = [
    # "your post", "your recent article", "your LinkedIn" alone: any sender writes them
    ("cold-email", "Hi,\n\nI saw your post. We build picking apps; can we talk?", True),
    ("cold-email", "Hi,\n\nI saw your post on slotting fast movers. Did the ABC split hold?", False),
    ("cold-email", "Hi,\n\nYour LinkedIn caught my eye. We build picking apps; can we talk?", True),
    ("cold-email", "Hi,\n\nYour PyCon talk caught my eye. Did the timeout fix ship?", False),
    # the sender's own name and company as they introduce it
    ("cold-email", "I'm Dana from Rackly. We cut picking time by a third; free for a chat?", True),
    ("cold-email", "I met you at ProMat last week; your demo of the pallet scanner cut our picking time.", False),
    ("cold-email", "We are Rackly, a warehouse software company. Want a demo?", True),
    # a reply names what they asked for; "if you ever wanted" is a pitch
    ("follow-up-email", "Hello,\n\nIf you ever wanted to cut picking time, our app is free for a month.", True),
    ("follow-up-email", "Hello,\n\nHere is the rota template you wanted, with Saturday split in two.", False),
    ("cold-email", "As per your request, here is my portfolio with the three packaging projects.", False),
    # a part of their own thing, not "your company's growth"
    ("cold-email", "Your website's booking form rejects UK postcodes; I hit it twice.", False),
    ("cold-email", "Your company's growth is our goal. Want a demo?", True),
    # an X welcome that praises "your photos" is what every welcome says
    ("x-dm", "Thanks for the follow! I love your photos. My shop is open all week.", True),
    ("x-dm", "Thanks for the follow! Your Lisbon photos from the tram ride are lovely.", False),
]


@pytest.mark.parametrize(("channel", "text", "fires"), EVIDENCE, ids=[f"evidence-{i}" for i in range(len(EVIDENCE))])
def test_what_counts_as_naming_the_reader(ruleset: RuleSet, channel: str, text: str, fires: bool) -> None:
    found = {c for c in codes(ruleset, channel, text) if c.startswith("NP")}
    assert bool(found) is fires, found
