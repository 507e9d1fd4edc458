"""The `recipient` kind: a draft addressed to someone must mention them, through a real pack."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sociable.document import Document
from sociable.engine import check_document
from sociable.kinds.recipient import RecipientKind
from sociable.packs.loader import PackError, load_pack
from sociable.ruleset import RuleSet

KINDS = {"recipient": RecipientKind()}


def pack_text(options: str = "", message: str = "Nothing about them; mention {mentions}.") -> str:
    head = textwrap.dedent(
        f"""\
        pack: t
        rules:
          - code: T201
            name: t-recipient
            kind: recipient
            category: no-personalization
            severity: warning
            scope: body
            message: '{message}'
            why: Test.
            examples: {{bad: [x], good: [y]}}
        """
    )
    return head + textwrap.indent(textwrap.dedent(options), "    ")


def ruleset_for(tmp_path: Path, options: str = "", message: str | None = None) -> RuleSet:
    path = tmp_path / "p.yaml"
    path.write_text(pack_text(options, *(m for m in [message] if m)), encoding="utf-8")
    specs = load_pack(path, KINDS)
    return RuleSet({s.code: s for s in specs}, dict(KINDS), [s.code for s in specs])


def findings(ruleset: RuleSet, text: str) -> list[tuple[int, str]]:
    doc = Document.from_text(text, "d.md")
    return [(f.line, f.message) for f in check_document(doc, ruleset)]


TO_ANA = "---\nto: {name: Ana Souza, company: Acme Inc., role: Head of Growth}\n---\n"


@pytest.mark.parametrize(
    "body",
    [
        "Hi Ana,\n\nAna's talk on onboarding made me rethink our trial.\n",
        "Hi there,\n\nI loved what ACME did with its pricing page.\n",
        "Hi,\n\nYour answer to Souza et al. on churn was sharp.\n",
        "Hi,\n\nThe pricing change at Acme, Inc. looked bold.\n",
        "Hi,\n\nAcme’s new checkout is fast.\n",
        "Hi,\n\nAs head of growth you must see this trade-off daily.\n",
        "Hi,\n\nYour talk on Kafka retention saved us a week.\n",
        "Hi,\n\nThe checklist you wrote for new hires is on our wiki.\n",
    ],
)
def test_a_mention_of_name_company_or_role_is_enough(tmp_path: Path, body: str) -> None:
    assert findings(ruleset_for(tmp_path), TO_ANA + body) == []


def test_a_body_that_never_mentions_them_is_flagged_at_its_first_line(tmp_path: Path) -> None:
    text = TO_ANA + "Hi Ana,\n\nWe help companies grow revenue.\nBook a call.\n"
    assert findings(ruleset_for(tmp_path), text) == [
        (6, "Nothing about them; mention Ana, Souza, Acme, Head of Growth or their work.")
    ]


def test_the_greeting_alone_does_not_count(tmp_path: Path) -> None:
    # The name in "Hi Ana," is what a mail merge fills in; the body says nothing about her.
    text = TO_ANA + "Hi Ana,\n\nI hope you are well. We sell analytics software.\n"
    assert len(findings(ruleset_for(tmp_path), text)) == 1


def test_drafts_without_a_recipient_are_not_checked(tmp_path: Path) -> None:
    assert findings(ruleset_for(tmp_path), "Hi,\n\nWe sell analytics software.\n") == []


def test_name_only_recipient_from_a_plain_string(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path)
    to = "---\nto: Priya Raman\n---\n"
    assert findings(ruleset, to + "Hello,\n\nPriya, your Kafka post was great.\n") == []
    assert len(findings(ruleset, to + "Hello,\n\nWe sell software to teams like yours.\n")) == 1


def test_company_named_without_suffix_matches_a_draft_that_uses_one(tmp_path: Path) -> None:
    to = "---\nto: {company: The Home Depot}\n---\n"
    ruleset = ruleset_for(tmp_path)
    assert findings(ruleset, to + "Hi,\n\nHome Depot's Atlanta stores stock our pallets.\n") == []
    assert len(findings(ruleset, to + "Hi,\n\nOur pallets are cheap.\n")) == 1


def test_common_word_first_names_must_be_capitalised(tmp_path: Path) -> None:
    to = "---\nto: Will Turner\n---\n"
    ruleset = ruleset_for(tmp_path, "mention: [first-name]\n")
    assert len(findings(ruleset, to + "Hi,\n\nThis will save your team hours.\n")) == 1
    assert findings(ruleset, to + "Hi,\n\nWill, this saves your team hours.\n") == []


def test_mention_restricts_what_counts(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path, "mention: [company]\n")
    text = TO_ANA + "Hi,\n\nAna, we sell analytics software.\n"
    assert findings(ruleset, text) == [(6, "Nothing about them; mention Acme.")]


def test_their_work_counts_but_stock_phrases_do_not(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path)
    assert findings(ruleset, TO_ANA + "Hi,\n\nYour checkout is fast. How did you build it?\n") == []
    stock = TO_ANA + "Hi,\n\nWe can grow your revenue and save your team time.\n"
    assert len(findings(ruleset, stock)) == 1
    names_only = ruleset_for(tmp_path, "mention: [first-name, company]\n")
    assert len(findings(names_only, TO_ANA + "Hi,\n\nYour checkout is fast.\n")) == 1
    custom = ruleset_for(tmp_path, "generic: [checkout]\n")
    assert len(findings(custom, TO_ANA + "Hi,\n\nYour checkout is fast.\n")) == 1
    assert findings(custom, stock) == []  # "your revenue" counts once it is not listed as stock


def test_min_words_skips_short_drafts(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path, "min_words: 10\n")
    assert findings(ruleset, TO_ANA + "Hi,\n\nWe sell software.\n") == []
    long = TO_ANA + "Hi,\n\nWe sell analytics software to mid-sized retailers across the country.\n"
    assert len(findings(ruleset, long)) == 1


def test_custom_suffixes(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path, "suffixes: [Holdings]\n")
    to = "---\nto: {company: Fig Holdings}\n---\n"
    assert findings(ruleset, to + "Hi,\n\nFig's store is lovely.\n") == []


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("mention: [nickname]\n", "'mention' can only list first-name, last-name, company, role"),
        ("mention: first-name\n", "'mention' must be list"),
        ("min_words: -1\n", "'min_words' must be 0 or more"),
        ("suffixes: ['']\n", "'suffixes' must be a list of non-empty words"),
        ("generic: [' ']\n", "'generic' must be a list of non-empty words"),
        ("mentions: [company]\n", "unknown key 'mentions'"),
    ],
)
def test_bad_options_are_reported_with_the_pack_line(tmp_path: Path, options: str, expected: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(pack_text(options), encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(path, KINDS)
    problem = info.value.problems[0]
    assert expected in problem.message
    assert problem.path == str(path) and problem.line >= 3


def test_unknown_message_placeholder_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(pack_text("", "Mention {nickname}."), encoding="utf-8")
    with pytest.raises(PackError, match="placeholder"):
        load_pack(path, KINDS)
