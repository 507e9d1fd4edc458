"""Strict pack validation: every problem names the file and line, and the run exits 2."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sociable.kinds.count import Count
from sociable.kinds.pattern import Pattern
from sociable.kinds.phrases import Phrases
from sociable.packs.loader import PackError, load_pack
from sociable.regex_guard import RegexTimeout, risky_repeat, time_limit
from sociable.ruleset import load_specs

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

KINDS = {"phrases": Phrases(), "pattern": Pattern(), "count": Count()}

RULE = """\
pack: test
rules:
  - code: ZZ101
    name: zz-rule
    kind: phrases
    category: style
    severity: warning
    scope: body
    message: 'Found "{match}".'
    why: Because.
    phrases: [foo bar]
    examples:
      bad: ["foo bar"]
      good: ["baz"]
"""


def pack(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(pack(tmp_path, text), KINDS)
    return [f"{p.line}: {p.message}" for p in info.value.problems]


def test_valid_pack_loads(tmp_path: Path) -> None:
    (spec,) = load_pack(pack(tmp_path, RULE), KINDS)
    assert (spec.code, spec.kind, spec.options["phrases"]) == ("ZZ101", "phrases", ["foo bar"])
    assert spec.source.endswith("p.yaml:3")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    phrases: [foo bar]", "    phrase: [foo bar]", "11: unknown key 'phrase' in rule ZZ101 (did you mean 'phrases'?)"),
        ("    why: Because.\n", "", "3: rule is missing 'why'"),
        ("kind: phrases", "kind: phrase", "5: unknown kind 'phrase' (did you mean 'phrases'?)"),
        ("severity: warning", "severity: loud", "7: severity 'loud' is not one of: error, warning, info"),
        ("category: style", "category: spam", "6: category 'spam' is not one of"),
        ("code: ZZ101", "code: zz-101", "3: code 'zz-101' must be letters then digits"),
        ("name: zz-rule", "name: ZZ Rule", "4: name 'ZZ Rule' must be kebab-case"),
        ("      good: [\"baz\"]\n", "", "13: examples need a non-empty 'good' list"),
        ("'Found \"{match}\".'", "'Found {thing}.'", "9: message placeholder {thing} is unknown"),
        ("scope: body", "scope: footer", "8: scope 'footer' is not one of"),
    ],
)
def test_each_problem_names_its_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in RULE
    found = problems(tmp_path, RULE.replace(old, new))
    assert any(p.startswith(expected) for p in found), found


def test_bad_and_unsafe_regexes_are_rejected(tmp_path: Path) -> None:
    base = RULE.replace("kind: phrases", "kind: pattern").replace("phrases: [foo bar]", "pattern: '{}'")
    assert "bad regex" in problems(tmp_path, base.replace("'{}'", "'(unclosed'"))[0]
    assert "unsafe" in problems(tmp_path, base.replace("'{}'", r"'(\w+\s?)+$'"))[0]
    assert "matches empty text" in problems(tmp_path, base.replace("'{}'", "'x*'"))[0]


def test_duplicate_keys_and_invalid_yaml(tmp_path: Path) -> None:
    assert problems(tmp_path, RULE.replace("    why: Because.\n", "    why: Because.\n    why: Again.\n"))[0].startswith(
        "11: duplicate key 'why'"
    )
    assert "invalid YAML" in problems(tmp_path, "pack: x\nrules: [\n")[0]


def test_words_yaml_reads_as_booleans_or_numbers_are_explained(tmp_path: Path) -> None:
    """An unquoted ``on`` in a word list is YAML's true: the message says so and how to fix it."""
    text = RULE.replace("pack: test\n", "pack: test\nlexicons:\n  place-word: [at, on, 10]\n")
    found = problems(tmp_path, text)
    assert any(p.startswith("3: ") and "read an unquoted word as true" in p and "quote" in p for p in found), found
    assert any(p.startswith("3: ") and "read 10 as a number" in p for p in found), found


def test_duplicate_code_across_packs(tmp_path: Path) -> None:
    first = pack(tmp_path, RULE, "a.yaml")
    second = pack(tmp_path, RULE.replace("name: zz-rule", "name: other"), "b.yaml")
    with pytest.raises(PackError, match=r"b\.yaml:3: duplicate code ZZ101: also .*a\.yaml:3"):
        load_specs([first, second], KINDS)


def test_same_habit_must_name_a_loaded_rule(tmp_path: Path) -> None:
    """A typo in ``same-habit`` is an error at the rule's line, not a merge that never happens."""
    first = pack(tmp_path, RULE.replace("    why: Because.\n", "    why: Because.\n    same-habit: [ZZ102]\n"), "a.yaml")
    with pytest.raises(PackError, match=r"a\.yaml:3: rule ZZ101: same-habit names ZZ102, which no loaded pack defines"):
        load_specs([first], KINDS)
    second = pack(tmp_path, RULE.replace("ZZ101", "ZZ102").replace("name: zz-rule", "name: other"), "b.yaml")
    assert [spec.code for spec in load_specs([first, second], KINDS)] == ["ZZ101", "ZZ102"]


def test_only_safe_yaml_is_loaded(tmp_path: Path) -> None:
    evil = RULE.replace("why: Because.", "why: !!python/object/apply:os.system ['echo hi']")
    assert any("YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in p for p in problems(tmp_path, evil))


def test_bad_pack_from_config_is_exit_2_naming_file_and_line(tmp_path: Path, run_cli) -> None:
    pack(tmp_path, RULE.replace("    phrases: [foo bar]", "    phrasez: [foo bar]"), "team.yaml")
    (tmp_path / "sociable.toml").write_text('extend-packs = ["team.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("foo bar\n", encoding="utf-8")
    result = run_cli("check", "a.md")
    assert result.returncode == 2
    assert "team.yaml:11: unknown key 'phrasez'" in result.stderr
    assert "Traceback" not in result.stderr


def test_extend_packs_rules_run(tmp_path: Path, run_cli) -> None:
    pack(tmp_path, RULE, "team.yaml")
    (tmp_path / "sociable.toml").write_text('extend-packs = ["team.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Some foo, bar here.\n", encoding="utf-8")
    result = run_cli("check", "a.md")
    assert 'a.md:1:6: ZZ101 Found "foo, bar".' in result.stdout


def test_risky_repeat_shapes() -> None:
    assert risky_repeat(r"(a+)+") and risky_repeat(r"(?:\w+\s?)*x")
    assert risky_repeat(r"\bfoo\s+bar\b") is None and risky_repeat(r"(?:ab){1,3}c+") is None


def test_time_limit_interrupts_a_runaway_regex() -> None:
    import re

    runaway = re.compile(r"(a+)+$")
    with pytest.raises(RegexTimeout), time_limit(0.2):
        runaway.match("a" * 40 + "!")
