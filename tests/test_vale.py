"""The Vale plugin: public styles reproduce their maintainers' expected output line for line,
plus the configuration, regex translation, Markdown scoping and error paths on their own.

The fixtures live in ``../shared/vale-styles`` (four style packages, each with
``fixtures/<case>/`` and ``features/*.feature``); the tests read them at run time and fail
loudly when the folder is missing rather than skipping.
"""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from sociable.faces.cli.main import main

STYLES_ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "vale-styles"
STYLES = ("Microsoft", "alex", "proselint", "write-good")


def feature_cases() -> list[tuple[str, str, list[str]]]:
    """(style, case, expected lines) for every active scenario of every style."""
    if not STYLES_ROOT.is_dir():
        raise RuntimeError(f"Vale style fixtures not found at {STYLES_ROOT}")
    cases = []
    for style in STYLES:
        for feature in sorted((STYLES_ROOT / style / "features").glob("*.feature")):
            text = feature.read_text(encoding="utf-8")
            # Active scenarios only: commented-out ones start with '#'.
            for match in re.finditer(
                r'^[ \t]*When I test "([^"]+)"\n[ \t]*Then the output should contain exactly:\n'
                r'[ \t]*"""\n(.*?)^[ \t]*"""', text, re.M | re.S,
            ):
                lines = [line.strip() for line in match.group(2).splitlines() if line.strip()]
                cases.append((style, match.group(1), lines))
    return cases


CASES = feature_cases()

#: Cases whose expected output Vale's own semantics cannot give, with the reason checked below.
STALE = {
    # The rule lists 'fairly' and the fixture says "a number of fairly new features": the
    # expected output predates that token.
    ("write-good", "Weasel"): ("write-good.Weasel", "fairly"),
}


def missing_rules(style: str, expected: list[str]) -> list[str]:
    """Rules the expected output names that the style folder no longer has."""
    names = {line.split(":")[3] for line in expected}
    return sorted(n for n in names if not (STYLES_ROOT / style / style / f"{n.split('.', 1)[1]}.yml").is_file())


def run_cli(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def vale_check(folder: Path, select: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               *extra: str) -> tuple[int, list[str], str]:
    code, out, err = run_cli([
        "check", "--vale-config", ".vale.ini", "--select", select, "--output-format",
        "vale-line", "--no-cache", "--cache-dir", str(tmp_path / "cache"), "--jobs", "1",
        *extra, ".",
    ], folder, monkeypatch)
    return code, out.splitlines(), err


def test_every_style_has_cases() -> None:
    styles = {style for style, _, _ in CASES}
    assert styles == set(STYLES)
    assert len(CASES) >= 25


@pytest.mark.parametrize(("style", "case", "expected"), CASES, ids=[f"{s}/{c}" for s, c, _ in CASES])
def test_fixture_matches_vale(style: str, case: str, expected: list[str], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = STYLES_ROOT / style / "fixtures" / case
    gone = missing_rules(style, expected)
    if gone:
        pytest.xfail(f"expected output names rules the style no longer has: {', '.join(gone)}")
    if (style, case) in STALE:
        rule, token = STALE[(style, case)]
        rule_file = STYLES_ROOT / style / style / f"{rule.split('.', 1)[1]}.yml"
        assert f"- {token}" in rule_file.read_text(encoding="utf-8")  # the reason still holds
        pytest.xfail(f"expected output predates the token {token!r} of {rule}")
    code, lines, err = vale_check(folder, style, tmp_path, monkeypatch)
    assert "error" not in err, err
    assert lines == expected
    assert code == (1 if expected else 0)
