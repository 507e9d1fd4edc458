"""The literal prefilter only ever skips regexes that cannot match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sociable.kinds.prefilter import may_match, required_literals
from sociable.ruleset import RuleSet

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bshare\s+this\b", ("share",)),
        (r"\b(?:comment|type)\s+[A-Z]{2,}", ("comment", "type")),
        (r"(?:tag|mention)\s+\w+", ("mention", "tag")),
        (r"(?:foo)?bar", ("bar",)),  # the optional part is not required
        (r"[a-z]+ing\b", ("ing",)),
        (r"(?:we|us)\s+\w+", None),  # two-letter literals filter almost nothing
        (r"\b(?:hands|arms)?\s*up\s+if", None),
        (r"(?:please\s+)?retweet", ("retweet",)),
    ],
)
def test_required_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert required_literals(pattern, re.IGNORECASE) == expected


def test_case_folding_makes_it_safe_for_ignorecase() -> None:
    literals = required_literals(r"straße", re.IGNORECASE)
    assert may_match(literals, "STRASSE".casefold()) and may_match(literals, "Straße".casefold())


def corpus_texts(path: Path = CORPUS) -> list[str]:
    """The dev corpus's texts; a missing corpus fails the test by name rather than letting it
    quietly check only the packs' own examples."""
    if not path.is_file():
        pytest.fail(
            f"{path} is missing: this test needs the shared dev corpus beside the repository "
            "(../shared/corpus/dev.jsonl)",
            pytrace=False,
        )
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) >= 100, f"{path} holds only {len(texts)} drafts"
    return texts


def _texts(ruleset: RuleSet) -> list[str]:
    texts = [t for spec in ruleset.specs.values() for t in (*spec.examples_bad, *spec.examples_good)]
    return texts + corpus_texts()


def test_a_missing_corpus_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="is missing"):
        corpus_texts(tmp_path / "nowhere" / "dev.jsonl")


def test_no_pack_regex_is_ever_skipped_on_a_text_it_matches(ruleset: RuleSet) -> None:
    texts = _texts(ruleset)
    folded = [t.casefold() for t in texts]
    checked = 0
    for code in ruleset.selected:
        prepared = ruleset.rule(code).prepared
        pairs = []
        if hasattr(prepared, "regexes") and hasattr(prepared, "literals"):
            pairs = list(zip(prepared.regexes, prepared.literals, strict=True))
        elif hasattr(prepared, "regex") and hasattr(prepared, "literals"):
            pairs = [(prepared.regex, prepared.literals)]
        for regex, literals in pairs:
            if literals is None:
                continue
            checked += 1
            for text, low in zip(texts, folded, strict=True):
                if regex.search(text):
                    assert may_match(literals, low), (code, regex.pattern[:80], text[:80])
    assert checked >= 20
