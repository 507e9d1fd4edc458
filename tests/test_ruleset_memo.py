"""RuleSet.active is made once per channel and made again when the selection is replaced."""

from __future__ import annotations

from sociable.config import Config
from sociable.context import load_context


def test_active_rules_are_kept_per_channel_and_follow_a_new_selection() -> None:
    ruleset = load_context(Config()).ruleset
    first = ruleset.active("x-post")
    assert ruleset.active("x-post") is first  # not rebuilt for the next draft
    assert all(spec.applies_to("x-post") for spec in first)
    assert [s.code for s in first] == [
        code for code in ruleset.selected if ruleset.specs[code].applies_to("x-post")
    ]
    dropped = first[0].code
    ruleset.selected = [code for code in ruleset.selected if code != dropped]
    again = ruleset.active("x-post")
    assert dropped not in {spec.code for spec in again}
    assert len(again) == len(first) - 1


def test_compares_drafts_follows_the_selection_even_when_edited_in_place() -> None:
    """``selected`` is a public list: the kept answer must follow a new list, a shorter one
    and one edited in place at the same length."""
    ruleset = load_context(Config()).ruleset
    corpus = [code for code in ruleset.selected if ruleset.is_corpus(code)]
    plain = [code for code in ruleset.specs if not ruleset.is_corpus(code)]
    assert corpus and len(plain) >= 2
    assert ruleset.compares_drafts() is True
    ruleset.selected = list(plain[:2])
    assert ruleset.compares_drafts() is False
    ruleset.selected[1] = corpus[0]  # same list, same length
    assert ruleset.compares_drafts() is True
    ruleset.selected.pop()
    assert ruleset.compares_drafts() is False
    ruleset.selected.append(corpus[0])
    assert ruleset.compares_drafts() is True
