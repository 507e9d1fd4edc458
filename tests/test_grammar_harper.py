"""Grammar with Harper in process: the default backend, with no server and no network.

These run the real ``harper-py`` (it is in the test extra). They check what the issue asks
of the default: the common mistakes are caught with true positions and fixes, social text
(names, handles, hashtags, emoji, the recipient's details) is not, the linter is built once
and reused, its set-up is not charged to a draft, and a third backend can come from a plugin.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document, lint_document
from sociable.grammar import base
from sociable.grammar.base import GrammarBackend, GrammarMatch
from sociable.grammar.harper import HarperBackend
from sociable.plugins.manager import get_plugin_manager
from sociable.plugins.markers import hookimpl
from sociable.ruleset import RuleSet, build_ruleset

pytest.importorskip("harper")


@pytest.fixture(scope="module")
def harper_rules() -> RuleSet:
    ruleset = load_context(Config(grammar_backend="harper"), use_cache=False).ruleset
    ruleset.settings["languagetool"] = None
    return ruleset


def grammar(ruleset: RuleSet, text: str, channel: str | None = "linkedin-dm") -> list[Any]:
    doc = Document.from_text(text, "draft.md", channel=channel)
    return [f for f in check_document(doc, ruleset) if f.code.startswith("GR")]


@pytest.mark.parametrize(("text", "flagged", "fix"), [
    ("Hi Ana,\n\nI could of asked sooner.\n", "could of", "could have"),
    ("Hi Ana,\n\nTheir going to demo it.\n", "Their", "They're"),
    ("Hi Ana,\n\nI read the the notes twice.\n", "the the", "the"),
    ("Hi Ana,\n\nYou gave a apple to each speaker.\n", "a", "an"),
])
def test_the_common_mistakes_are_caught_with_positions_and_fixes(
    harper_rules: RuleSet, text: str, flagged: str, fix: str,
) -> None:
    found = grammar(harper_rules, text)
    assert [(f.code, text[f.start:f.end]) for f in found] == [("GR101", flagged)]
    finding = found[0]
    line = text.splitlines()[2]
    assert (finding.line, finding.column) == (3, (" " + line).index(f" {flagged} ") + 1)
    assert finding.fix is not None and finding.fix.applicability.value == "unsafe"
    assert finding.fix.edits[0].replacement == fix
    assert finding.extra["grammar_backend"] == "harper"
    assert finding.message.endswith(f"(Harper {finding.extra['grammar_rule']})")


def test_positions_stay_true_after_emoji(harper_rules: RuleSet) -> None:
    text = "Hi Ana 👋🏽🚚,\n\n🎉🎉 I could of asked 📦 sooner.\n"
    found = grammar(harper_rules, text)
    assert [text[f.start:f.end] for f in found] == ["could of"]
    assert (found[0].line, found[0].column) == (3, 6)


def test_social_text_is_not_a_spelling_mistake(harper_rules: RuleSet) -> None:
    text = (
        "---\nto: {name: Siobhan Nwachukwu, company: Kubeflix, role: Head of Dataops}\n---\n"
        "Hi siobhan 👋 loved your #KubeCon2024 talk with @kubeflix_eng on dataops at kubeflix.\n"
        "Our team at Zyrtecq moved 40 services to Snowflake and PagerDuty last spring 🚀\n"
        "Is the GraphQL v2 rollout on your roadmap? See https://exmple.com/recieve-guide\n"
    )
    assert grammar(harper_rules, text) == []


def test_a_real_typo_is_caught_and_a_missing_word_is_not_a_typo(harper_rules: RuleSet) -> None:
    text = "Hi Ana,\n\nThanks for the recomendation on immunotherapy trials.\n"
    found = grammar(harper_rules, text)
    assert [(f.code, text[f.start:f.end]) for f in found] == [("GR102", "recomendation")]
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == "recommendation"


def test_articles_before_capitals_and_regional_spellings_are_left_alone(
    harper_rules: RuleSet,
) -> None:
    text = (
        "Hi Ana,\n\nWe need a SW engineer and offer a FREE audit at our new centre; "
        "the team focussed on colour and the cheque cleared.\n"
    )
    assert grammar(harper_rules, text) == []
    typo = "Hi Ana,\n\nWe need a engineer for the new centre and the recieve desk.\n"
    assert [(f.code, typo[f.start:f.end]) for f in grammar(harper_rules, typo)] == [
        ("GR101", "a"), ("GR102", "recieve"),
    ]


def test_masked_text_is_not_checked(harper_rules: RuleSet) -> None:
    text = (
        "Hi Ana,\n\nYou wrote:\n> I could of done it\n\n"
        "The `the the` flag and \"a apple a day\" are quotes.\n"
    )
    assert grammar(harper_rules, text) == []


def test_linter_is_built_once_and_paragraphs_are_not_read_twice() -> None:
    backend = HarperBackend(linters={})
    settings: Mapping[str, Any] = {"language": "en-US"}
    text = "Hi Ana,\n\nI could of asked.\n\nThe second paragraph is fine.\n"
    first = backend.check(text, settings)
    assert backend.linted == 3 and sorted(backend._linters) == ["AMERICAN", "AMERICAN:spelling"]
    linter = backend._linters["AMERICAN"]
    assert backend.check(text, settings) == first and backend.linted == 3  # nothing re-read
    edited = text.replace("second", "2nd")
    backend.check(edited, settings)
    assert backend.linted == 4  # only the edited paragraph
    assert backend._linters["AMERICAN"] is linter
    again = HarperBackend()  # what a configuration reload makes: the process's linters
    assert again._linters is HarperBackend()._linters
    shifted = backend.check("Intro line.\n\n" + text, settings)
    assert [m.start for m in shifted if m.rule_id == "ModalOf"] == [
        m.start + len("Intro line.\n\n") for m in first if m.rule_id == "ModalOf"
    ]


def test_set_up_is_not_charged_to_the_first_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh process builds Harper (seconds) inside a draft's 0.3 s rule limit: no timeout."""
    ruleset = load_context(Config(grammar_backend="harper"), use_cache=False).ruleset
    fresh = {**base.backends(), "harper": HarperBackend(linters={})}
    monkeypatch.setattr(base, "_BACKENDS", fresh)
    doc = Document.from_text("Hi Ana,\n\nI could of asked.\n", "a.md", channel="linkedin-dm")
    result = lint_document(doc, ruleset, rule_time_limit=0.3)
    assert result.problems == []
    assert [f.code for f in result.findings if f.code.startswith("GR")] == ["GR101"]


def test_other_languages_are_one_clear_line_with_harper() -> None:
    ruleset = load_context(Config(grammar_backend="harper", language="de-DE"), use_cache=False).ruleset
    doc = Document.from_text("Hallo Ana,\n\nIch habe ein Frage.\n", "a.md", channel="linkedin-dm")
    problems = set(lint_document(doc, ruleset).problems)
    assert len(problems) == 1 and problems.pop().startswith("Harper checks English only")


def test_harper_is_the_default_without_a_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOCIABLE_LANGUAGETOOL_URL", raising=False)
    ruleset = load_context(Config(), use_cache=False).ruleset
    chosen = base.choose(ruleset.settings)
    assert chosen is not None and chosen.name == "harper"
    ruleset.settings["languagetool"] = "http://127.0.0.1:9"
    chosen = base.choose(ruleset.settings)
    assert chosen is not None and chosen.name == "languagetool"  # a named server wins
    ruleset.settings["grammar_backend"] = "harper"
    chosen = base.choose(ruleset.settings)
    assert chosen is not None and chosen.name == "harper"  # unless the configuration says
    ruleset.settings["grammar_backend"] = "off"
    assert base.choose(ruleset.settings) is None


def test_without_harper_or_a_server_asking_for_grammar_says_how(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sociable.grammar import harper

    monkeypatch.setattr(harper, "installed", lambda: False)
    ruleset = load_context(Config(), use_cache=False).ruleset
    ruleset.settings["languagetool"] = None
    kind = ruleset.kinds["grammar"]
    assert base.choose(ruleset.settings) is None
    assert kind.setup_hint([], ruleset.settings) is None  # not asked for: silent
    hint = kind.setup_hint(["GR101", "GR102", "GR103"], ruleset.settings)
    assert hint is not None and hint.startswith("GR101, GR102, GR103 need a grammar backend")
    assert "pip install harper-py" in hint and "--languagetool URL" in hint
    assert grammar(ruleset, "Hi Ana,\n\nI could of asked.\n") == []


def test_unknown_backend_name_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "sociable.toml").write_text('grammar-backend = "grammarly"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Hi Ana,\n\nThanks for the talk.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sociable", "check", "a.md"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "sociable: warning: grammar-backend = 'grammarly' is not a grammar backend; use one of: "
        "harper, languagetool, off"
    ]


# --- a third backend, from a plugin -------------------------------------------------------------


class TehBackend(GrammarBackend):
    """A toy backend that knows one mistake."""

    name = "teh"
    label = "Teh"

    def check(self, text: str, settings: Mapping[str, Any]) -> list[GrammarMatch]:
        import re

        return [GrammarMatch(m.start(), m.end(), "Transposed letters.", "TEH", "Typos", ("the",))
                for m in re.finditer(r"\bteh\b", text)]


class TehPlugin:
    @hookimpl
    def sociable_grammar_backends(self) -> list[GrammarBackend]:
        return [TehBackend()]


@pytest.fixture
def teh_rules(tmp_path: Path) -> Iterator[RuleSet]:
    pack = tmp_path / "teh.yaml"
    pack.write_text(
        "pack: teh\nrules:\n  - code: TEH101\n    name: teh\n    kind: grammar\n"
        "    category: grammar\n    severity: warning\n    scope: text\n"
        "    backends: {teh: {}}\n"
        "    message: '{grammar_message} ({backend} {grammar_rule})'\n"
        "    summary: teh for the.\n    why: A plugin's own backend and rule.\n"
        "    examples:\n      bad: [\"Hi Ana,\\n\\nteh deck\"]\n      good: [\"Hi Ana,\\n\\nthe deck\"]\n",
        encoding="utf-8",
    )
    manager = get_plugin_manager()
    manager.register(TehPlugin(), name="teh-plugin")
    ruleset = build_ruleset(manager, extra_packs=[pack])
    ruleset.settings.update(grammar_backend="teh", language="en-US")
    base.use_backends(manager)
    try:
        yield ruleset
    finally:
        base.use_backends(get_plugin_manager())


def test_a_plugin_backend_is_chosen_by_configuration(teh_rules: RuleSet) -> None:
    text = "Hi Ana,\n\nI sent teh deck, I could of sent it sooner.\n"
    found = grammar(teh_rules, text) + [
        f for f in check_document(Document.from_text(text, "d.md", channel="linkedin-dm"), teh_rules)
        if f.code == "TEH101"
    ]
    # Only the plugin's rule reports: built-in GR rules list no "teh" findings.
    assert [(f.code, text[f.start:f.end], f.message) for f in found] == [
        ("TEH101", "teh", "Transposed letters. (Teh TEH)")
    ]
    kind = teh_rules.kinds["grammar"]
    note = kind.explain_note(teh_rules.specs["GR101"], teh_rules.settings)
    assert note.startswith("Backend: Teh;") or "lists no teh findings" in note
