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


@pytest.fixture(autouse=True)
def _warm_caches(tmp_path: Path, seed_cache) -> None:
    """The cache folders these tests name start with the session's pack entries (conftest.py):
    each run would otherwise parse and prepare every shipped pack again."""
    seed_cache(tmp_path / "cache")
    seed_cache(tmp_path / "c")


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


# --- the plugin on its own ---------------------------------------------------------------

def make_style(root: Path, rules: dict[str, str], ini: str, files: dict[str, str]) -> Path:
    """A throwaway style ``Acme`` with ``rules`` (name -> YAML), a .vale.ini and drafts."""
    (root / "styles" / "Acme").mkdir(parents=True)
    for name, text in rules.items():
        (root / "styles" / "Acme" / f"{name}.yml").write_text(text, encoding="utf-8")
    project = root / "project"
    project.mkdir()
    (project / ".vale.ini").write_text(ini, encoding="utf-8")
    for name, text in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


INI = "StylesPath = ../styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Acme\n"
SIMPLE = "extends: existence\nmessage: \"Drop '%s'.\"\nlevel: warning\ntokens:\n  - really\n"


def test_markdown_scoping_skips_code_frontmatter_and_link_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = (
        "---\ntitle: really\n---\n\n# A really good heading\n\n"
        "```\nreally in a fence\n```\n\n"
        "Text with `really` in code and a [link](https://really.example) and really here.\n\n"
        "    really indented code\n\n- a really listed item\n"
    )
    project = make_style(tmp_path, {"Really": SIMPLE}, INI, {"draft.md": draft})
    code, lines, _ = vale_check(project, "Acme", tmp_path, monkeypatch)
    assert lines == [
        "draft.md:5:5:Acme.Really:Drop 'really'.",
        "draft.md:11:69:Acme.Really:Drop 'really'.",
        "draft.md:15:5:Acme.Really:Drop 'really'.",
    ]
    assert code == 1


def test_levels_per_glob_and_min_alert_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ini = (
        "StylesPath = ../styles\nMinAlertLevel = warning\n\n[*.md]\nBasedOnStyles = Acme\n\n"
        "[notes/*.md]\nAcme.Really = NO\n\n[loud.md]\nAcme.Really = error\n\n"
        "[quiet.md]\nAcme.Really = suggestion\n"
    )
    files = {"a.md": "really\n", "notes/b.md": "really\n", "loud.md": "really\n", "quiet.md": "really\n"}
    project = make_style(tmp_path, {"Really": SIMPLE}, ini, files)
    _, lines, _ = vale_check(project, "Acme", tmp_path, monkeypatch)
    assert lines == ["a.md:1:1:Acme.Really:Drop 'really'.", "loud.md:1:1:Acme.Really:Drop 'really'."]
    _, out, _ = run_cli(["check", "--vale-config", ".vale.ini", "--select", "Acme", "--output-format",
                         "json", "--no-cache", "--cache-dir", str(tmp_path / "c"), "loud.md", "a.md"],
                        project, monkeypatch)
    import json

    found = {(f["path"], f["code"], f["severity"]) for f in json.loads(out)}
    assert found == {("loud.md", "Acme.Really", "error"), ("a.md", "Acme.Really", "warning")}


def test_vocab_accept_and_reject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rule = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens:\n  - '[A-Z]{4,}'\n"
    ini = "StylesPath = ../styles\nVocab = Team\n\n[*.md]\nBasedOnStyles = Vale, Acme\n"
    project = make_style(tmp_path, {"Caps": rule}, ini, {"d.md": "We ship NASA kits, not ACME kits, via github and synergy.\n"})
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "Team"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("NASA\nGitHub\n", encoding="utf-8")
    (vocab / "reject.txt").write_text("synergy\n", encoding="utf-8")
    _, lines, _ = vale_check(project, "Acme,Vale", tmp_path, monkeypatch)
    assert lines == [
        "d.md:1:24:Acme.Caps:Avoid 'ACME'.",
        "d.md:1:39:Vale.Terms:Use 'GitHub' instead of 'github'.",
        "d.md:1:50:Vale.Avoid:Avoid using 'synergy'.",
    ]


def test_unsupported_and_untranslatable_rules_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = {
        "Really": SIMPLE,
        "Spell": "extends: spelling\nmessage: \"Spelling: '%s'\"\nlevel: error\n",
        "Lazy": "extends: existence\nmessage: \"x\"\nlevel: error\nnonword: true\ntokens:\n  - '(?U)a+'\n",
    }
    project = make_style(tmp_path, rules, INI, {"d.md": "It is really fine.\n"})
    code, lines, err = vale_check(project, "Acme", tmp_path, monkeypatch)
    assert lines == ["d.md:1:7:Acme.Really:Drop 'really'."]  # the rest of the run went on
    assert err.count("Acme.Spell") == 1 and "'spelling'" in err and "skipped" in err
    assert "Acme.Lazy" in err and "ungreedy" in err
    assert code == 2


def test_bad_ini_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_style(tmp_path, {"Really": SIMPLE}, "StylesPath = ../styles\n[*.md]\nAcme.Really = maybe\n",
                         {"d.md": "really\n"})
    code, _, err = vale_check(project, "Acme", tmp_path, monkeypatch)
    assert code == 2
    assert ".vale.ini:3:" in err and "Traceback" not in err
    code, _, err = run_cli(["check", "--vale-config", "missing.ini", "--no-cache", "."], project, monkeypatch)
    assert code == 2 and "missing.ini:1: Vale configuration not found" in err


def test_vale_config_key_in_sociable_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_style(tmp_path, {"Really": SIMPLE}, INI, {"d.md": "really\n"})
    (project / "sociable.toml").write_text('vale-config = ".vale.ini"\nselect = ["Acme"]\n', encoding="utf-8")
    code, out, _ = run_cli(["check", "--output-format", "vale-line", "--no-cache", "."], project, monkeypatch)
    assert out.splitlines() == ["d.md:1:1:Acme.Really:Drop 'really'."]
    assert code == 1


def test_extension_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = {
        "Swap": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\n"
                "ignorecase: true\nswap:\n  utilize: use\n  '(?:e-mail|email)': email|mail\n",
        "Many": "extends: occurrence\nmessage: Too many commas.\nlevel: warning\nscope: sentence\n"
                "max: 2\ntoken: ','\n",
        "Twice": "extends: repetition\nmessage: \"'%s' twice.\"\nlevel: error\nalpha: true\nignorecase: true\ntokens:\n  - '[^\\s]+'\n",
        "Same": "extends: consistency\nmessage: \"Pick one: '%s'.\"\nlevel: error\nignorecase: true\n"
                "either:\n  colour: color\n",
        "Defined": "extends: conditional\nmessage: \"'%s' is not defined.\"\nlevel: error\n"
                   "first: '\\b([A-Z]{3})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3})\\)'\n",
        "Case": "extends: capitalization\nmessage: \"'%s' should be sentence case.\"\nlevel: warning\n"
                "scope: heading\nmatch: $sentence\n",
        "Long": "extends: metric\nmessage: \"Average sentence length is %s.\"\nlevel: suggestion\n"
                "formula: words / sentences\ncondition: '> 5'\n",
        "Unicode": "extends: existence\nmessage: \"'%s'\"\nlevel: error\nnonword: true\n"
                   "tokens:\n  - '\\p{Lu}{2}\\p{Ll}'\n",
    }
    draft = (
        "# A Title In Caps\n\n"
        "Please Utilize the E-mail, the phone, the fax, the post.\n\n"
        "The the colour of it; the Color again. We Love Teams (WLT) and WLT and XYZ.\n"
    )
    project = make_style(tmp_path, rules, INI, {"d.md": draft})
    _, lines, _ = vale_check(project, "Acme", tmp_path, monkeypatch)
    assert lines == [
        "d.md:1:1:Acme.Long:Average sentence length is 7.75.",
        "d.md:1:3:Acme.Case:'A Title In Caps' should be sentence case.",
        "d.md:3:8:Acme.Swap:Use 'Use' instead of 'Utilize'.",
        "d.md:3:20:Acme.Swap:Use 'Email' or 'Mail' instead of 'E-mail'.",
        "d.md:3:26:Acme.Many:Too many commas.",
        "d.md:5:1:Acme.Twice:'the' twice.",
        "d.md:5:27:Acme.Same:Pick one: 'Color'.",
        "d.md:5:72:Acme.Defined:'XYZ' is not defined.",
    ]


def test_rst_and_text_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ini = "StylesPath = ../styles\n\n[*.{rst,txt}]\nBasedOnStyles = Acme\n"
    rst = "Title really\n============\n\nSee ``really`` here.\n\n.. note::\n\n   really hidden\n\nreally shown\n"
    project = make_style(tmp_path, {"Really": SIMPLE}, ini, {"a.rst": rst, "b.txt": "one\n\nreally two\n"})
    _, lines, _ = vale_check(project, "Acme", tmp_path, monkeypatch)
    assert lines == [
        "a.rst:1:7:Acme.Really:Drop 'really'.",
        "a.rst:10:1:Acme.Really:Drop 'really'.",
        "b.txt:3:1:Acme.Really:Drop 'really'.",
    ]


@pytest.mark.parametrize(("go", "python"), [
    (r"(?i)x(?m)\by\b", r"(?i)x(?m:\by\b)"),
    (r"a(?i)b|c", r"a(?i:b)|(?i:c)"),
    (r"(a(?i)b)c", r"(a(?i:b))c"),
    (r"\Qa.b\E+", r"a\.b+"),
    (r"end\z", r"end\Z"),
    (r"[(?i)]x", r"[(?i)]x"),
])
def test_regex_translation(go: str, python: str) -> None:
    from sociable.vale.regex import translate

    assert translate(go) == python


def test_untranslatable_regex() -> None:
    from sociable.vale.regex import Untranslatable, compile_go

    for pattern in (r"\C", "(?U)a+", "(unclosed"):
        with pytest.raises(Untranslatable):
            compile_go(pattern)


@pytest.mark.parametrize("tokens", [
    ["arse", "arsehole", "coon", "coon ass", "damn", "dead", "gook", "gook eye", "sexy"],
    ["coon ass", "coon", "arsehole", "arse", "damn", "dead", "gook eye", "gook", "sexy"],
    ["all talk, no action", "a far cry", "a clean slate", "day in, day out", "at the end of the day",
     "a fine kettle of fish", "a loose cannon", "been there, done that"],
])
def test_trie_alternation_matches_like_the_plain_list(tokens: list[str]) -> None:
    from sociable.vale.kinds.existence import existence_pattern
    from sociable.vale.regex import compile_go, literal_alternation

    text = ("Coon ass and coon, an arsehole, arse. Gook eye; gook. A far cry, a clean slate day in, "
            "day out: at the end of the day a loose cannon; been there, done that. dead-sexy damn")
    rule = {"tokens": tokens, "ignorecase": True}
    assert literal_alternation(tokens, True) is not None
    fast = compile_go(existence_pattern(rule))
    plain = compile_go("(?i)(?m)\\b(?:" + "|".join(tokens) + ")\\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert fast.pattern != plain.pattern


def test_vale_comments_switch_rules_off_and_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = (
        "really one\n\n<!-- vale off -->\n\nreally two\n\n<!-- vale on -->\n\nreally three\n\n"
        "<!-- vale Acme.Really = NO -->\n\nreally four\n\n<!-- vale Acme.Really = YES -->\n\nreally five\n"
    )
    project = make_style(tmp_path, {"Really": SIMPLE}, INI, {"d.md": draft})
    _, lines, _ = vale_check(project, "Acme", tmp_path, monkeypatch)
    assert [line.split(":")[1] for line in lines] == ["1", "9", "17"]


def test_vale_actions_become_unsafe_fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = {
        "Swap": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\n"
                "ignorecase: true\naction:\n  name: replace\nswap:\n  utilize: use\n",
        "Drop": "extends: existence\nmessage: \"Drop '%s'.\"\nlevel: error\naction:\n  name: remove\n"
                "tokens:\n  - very\n",
    }
    project = make_style(tmp_path, rules, INI, {"d.md": "We Utilize a very good tool.\n"})
    code, _, err = run_cli(["check", "--vale-config", ".vale.ini", "--select", "Acme", "--fix",
                            "--unsafe-fixes", "--no-cache", "--cache-dir", str(tmp_path / "c"), "."],
                           project, monkeypatch)
    assert (project / "d.md").read_text(encoding="utf-8") == "We Use a good tool.\n", err
    assert code == 0


def test_vale_style_spelling_gets_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ini = "StylesPath = ../styles\n\n[*.md]\nBasedOnStyles = Vale, Acme\n"
    project = make_style(tmp_path, {"Really": SIMPLE}, ini, {"d.md": "the the really\n"})
    code, lines, err = vale_check(project, "Acme,Vale", tmp_path, monkeypatch)
    assert lines == ["d.md:1:1:Vale.Repetition:'the' is repeated!", "d.md:1:9:Acme.Really:Drop 'really'."]
    assert err.count("Vale.Spelling") == 1 and code == 1


def test_sociable_suppressions_name_vale_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = "really one <!-- sociable: ignore Acme.Really -->\n\nreally two\n"
    project = make_style(tmp_path, {"Really": SIMPLE}, INI, {"d.md": draft, "e.md": "really\n"})
    (project / "sociable.toml").write_text(
        'vale-config = ".vale.ini"\nselect = ["Acme"]\n[per-file-ignores]\n"e.md" = ["Acme.Really"]\n',
        encoding="utf-8")
    _, out, _ = run_cli(["check", "--output-format", "vale-line", "--no-cache", "."], project, monkeypatch)
    assert out.splitlines() == ["d.md:3:1:Acme.Really:Drop 'really'."]
