"""Linear-time matching for the packs that ship (issue 15, item 4): every regular expression a
shipped rule compiles (``pattern``, ``phrases``, ``exceptions``, ``unless`` and whatever a kind
prepares) is walked for shapes that backtrack super-linearly, so a huge draft cannot stall a
rule. The packs are read as they are, so a rule added or rewritten tomorrow is checked too."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from sociable.records import Record
from sociable.regex_guard import super_linear
from sociable.ruleset import RuleSet


@pytest.mark.parametrize("pattern", [
    r"(a+)+b", r"(?:\w+\s?)*$", r"(?:a\w|\wa)*c", r"\w+\s*\w+", r".*.*=", r"[a-z]+[a-z0-9]*!",
])
def test_super_linear_shapes_are_named(pattern: str) -> None:
    assert super_linear(pattern, re.IGNORECASE)


@pytest.mark.parametrize("pattern", [
    r"\bcomment\s+(?P<match>[A-Z]{2,})\b", r"\w+\s+\w+", r"(?:\W{1,8}[\w'-]+){0,3}",
    r"(?:yes|no)+", r"^[ \t]*(?:hi|hello)\b", r"\{\{\s*\w+\s*\}\}", r"(?:ab|a\w)*c",
])
def test_linear_shapes_pass(pattern: str) -> None:
    assert super_linear(pattern, re.IGNORECASE) is None


def test_exponential_only_leaves_out_the_quadratic_shape() -> None:
    assert super_linear(r"\w+\s*\w+", quadratic=False) is None
    assert super_linear(r"(?:a\w|\wa)*c", quadratic=False)
    assert super_linear(r"(a+)+b", quadratic=False)


def _regexes(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth > 4 or isinstance(value, str | bytes | int | float | bool) or value is None:
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _regexes(getattr(value, item.name), depth + 1)
    elif isinstance(value, Record):  # a kind's prepared form as a plain record
        for name in value._fields():
            yield from _regexes(getattr(value, name), depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _regexes(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _regexes(item, depth + 1)


def _problems(ruleset: RuleSet, quadratic: bool) -> tuple[set[str], list[str]]:
    problems: list[str] = []
    seen: set[str] = set()
    for code, spec in sorted(ruleset.specs.items()):
        prepared = ruleset.kinds[spec.kind].prepare(spec)
        for regex in _regexes(prepared):
            seen.add(code)
            problem = super_linear(regex.pattern, regex.flags, quadratic=quadratic)
            if problem:
                problems.append(f"{code}: {regex.pattern[:120]!r}: {problem}")
    return seen, problems


def test_no_shipped_regex_can_take_exponential_time(ruleset: RuleSet) -> None:
    seen, problems = _problems(ruleset, quadratic=False)
    regex_rules = {code for code, spec in ruleset.specs.items() if spec.kind in ("pattern", "phrases")}
    assert regex_rules, "no pattern or phrases rule ships: is the ruleset empty?"
    blind = sorted(regex_rules - seen)
    assert not blind, f"the walk found no regex in {blind}: is it blind?"
    assert not problems, "\n".join(problems)


def test_no_shipped_regex_can_take_quadratic_time(ruleset: RuleSet) -> None:
    _seen, problems = _problems(ruleset, quadratic=True)
    assert not problems, "\n".join(problems)
