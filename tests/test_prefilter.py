"""The literal prefilter only ever skips regexes that cannot match."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from sociable.kinds.prefilter import any_of, requirement, satisfied, searchable
from sociable.ruleset import RuleSet

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bshare\s+this\b", (("share",), ("this",))),
        (r"\b(?:comment|type)\s+[A-Z]{2,}", (("comment", "type"),)),
        (r"(?:tag|mention)\s+\w+", (("mention", "tag"),)),
        (r"(?:foo)?bar", (("bar",),)),  # the optional part is not required
        (r"[a-z]+ing\b", (("ing",),)),
        (r"(?:we|us)\s+\w+", (("us", "we"),)),
        (r"\b(?:hands|arms)?\s*up\s+if", (("if",), ("up",))),
        (r"(?:please\s+)?retweet", (("retweet",),)),
        # Both parts are needed: a draft with "like" everywhere but no "=" is skipped.
        (r"\b\d+\s+(?:like|share)s?\s*=", (("like", "share"), ("=",))),
        # A small class of plain characters is a clause; \w, \d and negations are not.
        (r"hi\s*[,:]", (("hi",), (",", ":"))),
        (r"v[0-9]", (("v",), tuple("0123456789"))),
        (r"[^,]+,", ((",",),)),
        # "shares" adds nothing beside "share"; a clause another one implies is dropped.
        (r"(?:share|shares)\s+it", (("share",), ("it",))),
        # Nothing required: always run.
        (r"\w+\s+\d+", ()),
        (r"(?:a|\d)x", (("x",),)),
        (r"(?<=foo)bar|baz", (("bar", "baz"),)),  # a lookbehind requires nothing
        (r"(?:x|\w)", ()),
    ],
)
def test_requirement(pattern: str, expected: tuple[tuple[str, ...], ...]) -> None:
    assert requirement(pattern, re.IGNORECASE) == expected


def test_any_of_several_patterns_needs_the_union_or_nothing() -> None:
    first, second = requirement(r"share\s+this"), requirement(r"repost\s+it")
    assert any_of([first]) == first
    assert any_of([first, second]) == (("repost", "share"),)
    assert any_of([first, requirement(r"\w+")]) == ()


def test_satisfied_needs_every_clause() -> None:
    needed = requirement(r"\b\d+\s+(?:like|share)s?\s*=", re.IGNORECASE)
    assert satisfied(needed, "10 likes = 1 prayer")
    assert not satisfied(needed, "i like this and share that")  # no "="
    assert not satisfied(needed, "a = b")  # no "like" or "share"
    assert satisfied((), "anything at all")


def test_case_folding_makes_it_safe_for_ignorecase() -> None:
    needed = requirement(r"straße", re.IGNORECASE)
    assert satisfied(needed, searchable("STRASSE".casefold()))
    assert satisfied(needed, searchable("Straße".casefold()))


def test_dotless_i_is_searchable_as_re_matches_it() -> None:
    regex = re.compile(r"\bhi\b", re.IGNORECASE)
    assert regex.search("Hı Ana")  # re's case-insensitive i matches the dotless one
    assert satisfied(requirement(regex.pattern, regex.flags), searchable("Hı Ana".casefold()))


def _every_character() -> str:
    return "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)


def test_every_case_insensitive_match_of_a_literal_character_is_found_folded(
    ruleset: RuleSet,
) -> None:
    """For each character a shipped requirement uses (and every ASCII letter and digit), every
    code point ``re.IGNORECASE`` matches it with still contains it after casefold and
    :func:`searchable`: the folding the filter relies on loses no match."""
    used = {ch for regex, _ in _pack_regexes(ruleset)
            for clause in requirement(regex.pattern, regex.flags) for lit in clause for ch in lit}
    used |= set("abcdefghijklmnopqrstuvwxyz0123456789")
    everything = _every_character()
    for char in sorted(used):
        for match in re.finditer(re.escape(char), everything, re.IGNORECASE):
            assert char.casefold() in searchable(match.group().casefold()), (char, match.group())


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


def _pack_regexes(ruleset: RuleSet) -> list[tuple[re.Pattern[str], str]]:
    found = []
    for code in sorted(ruleset.selected):
        prepared = ruleset.rule(code).prepared
        if hasattr(prepared, "regexes") and hasattr(prepared, "requirements"):
            found += [(regex, code) for regex in prepared.regexes]
        elif hasattr(prepared, "regex") and hasattr(prepared, "required"):
            found.append((prepared.regex, code))
    return found


def test_a_missing_corpus_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="is missing"):
        corpus_texts(tmp_path / "nowhere" / "dev.jsonl")


def test_every_match_of_a_pack_regex_holds_its_requirement(ruleset: RuleSet) -> None:
    """Stronger than "the draft holds it": the matched text alone holds it, on every match of
    every pack regex over the packs' examples and the dev corpus."""
    texts = _texts(ruleset)
    checked = skippable = 0
    for regex, code in _pack_regexes(ruleset):
        needed = requirement(regex.pattern, regex.flags)
        checked += 1
        for text in texts:
            for match in regex.finditer(text):
                folded = searchable(match.group().casefold())
                assert satisfied(needed, folded), (code, regex.pattern[:80], match.group()[:80])
        skippable += bool(needed)
    # the packs now say most habits as shapes; the regexes left must still be walked, and
    # nearly all of them must give the filter something to skip on
    assert checked >= 15 and skippable * 10 >= checked * 8, (checked, skippable)


def test_the_pattern_kind_reports_the_same_with_and_without_the_filter(ruleset: RuleSet) -> None:
    """Every pattern rule over the examples and the dev corpus: the rule's regexes run on every
    draft find nothing on the drafts the filter skips."""
    from sociable.document import Document

    skipped = 0
    for index, text in enumerate(_texts(ruleset)):
        doc = Document.from_text(text, f"draft-{index}.md")
        for code in sorted(ruleset.selected):
            rule = ruleset.rule(code)
            if rule.spec.kind != "pattern" or not doc.scopes.get(rule.spec.scope):
                continue
            folded = searchable(doc.folded(rule.spec.scope, rule.spec.unmask))
            view = doc.reading(rule.spec.scope, rule.spec.unmask)
            for regex, needed in zip(rule.prepared.regexes, rule.prepared.requirements, strict=True):
                if not satisfied(needed, folded):
                    skipped += 1
                    assert regex.search(view) is None, (code, regex.pattern[:80], text[:80])
    assert skipped > 1000
