"""Module-level regexes compile on first use, through the regex cache, and act like re's."""

from __future__ import annotations

import re
import subprocess
import sys

from sociable import regex_cache


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_plain() -> None:
    lazy = regex_cache.lazy(r"(?P<word>\w+)-(\d+)", re.I)
    assert "search" not in vars(lazy)  # nothing compiled yet
    assert lazy.pattern == r"(?P<word>\w+)-(\d+)"
    plain = re.compile(r"(?P<word>\w+)-(\d+)", re.I)
    text = "Item-12, item-7 and ITEM-300"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert "search" in vars(lazy)  # later calls go straight to the compiled pattern
    assert lazy.sub(r"\2", text) == plain.sub(r"\2", text)
    assert lazy.search(text, 5).group("word") == plain.search(text, 5).group("word")
    assert (lazy.groups, lazy.groupindex, lazy.flags) == (plain.groups, plain.groupindex, plain.flags)


def _pattern_counts(imports: str, modules: str, then: str = "") -> tuple[int, int, int, list[str]]:
    """In a fresh interpreter: import ``imports``, run ``then``, and count the module-level
    patterns of ``modules`` (a tuple expression): lazy ones, lazy ones already compiled, and
    plain ``re.Pattern`` objects. Also the lines ``then`` printed after the counts."""
    program = (
        "import re\n"
        f"{imports}\n"
        "from sociable.regex_cache import LazyPattern\n"
        f"{then}\n"
        f"values = [v for mod in {modules} for v in vars(mod).values()]\n"
        "lazies = [v for v in values if isinstance(v, LazyPattern)]\n"
        "plain = [v for v in values if isinstance(v, re.Pattern)]\n"
        "print(len(lazies), sum('search' in vars(v) for v in lazies), len(plain))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    *printed, counts = done.stdout.splitlines()  # the counts are printed last
    count, compiled, plain = map(int, counts.split())
    return count, compiled, plain, printed


def test_importing_the_document_model_compiles_none_of_its_patterns() -> None:
    count, compiled, _, _ = _pattern_counts(
        "import sociable.document as d, sociable.kinds.metric as m", "(d, m)"
    )
    assert count >= 15 and compiled == 0


def test_importing_the_repetition_kinds_compiles_none_of_their_patterns() -> None:
    count, compiled, plain, _ = _pattern_counts(
        "import sociable.kinds.corpus as c, sociable.kinds.shared_sentence as s\n"
        "import sociable.kinds.hashtag_set as h, sociable.kinds.self_repetition as r",
        "(c, s, h, r)",
    )
    assert count >= 16 and compiled == 0 and plain == 0


def test_importing_the_vale_kinds_compiles_none_of_the_markup_patterns() -> None:
    """The Vale plugin's kinds are registered on every run, with or without a .vale.ini: its
    markup splitter's patterns wait for a Vale rule to read a draft."""
    count, compiled, plain, _ = _pattern_counts(
        "import sociable.vale.plugin as p, sociable.vale.markup as m", "(m,)", "p.vale_kinds()"
    )
    assert count >= 20 and compiled == 0 and plain == 0


def test_importing_the_text_analysis_compiles_none_of_its_patterns() -> None:
    count, compiled, plain, _ = _pattern_counts("import sociable.text as t", "(t,)")
    assert count >= 8 and compiled == 0 and plain == 0
    # and the patterns work when first used
    _, _, _, (tokens,) = _pattern_counts(
        "import sociable.text as t",
        "()",
        "print(len(t.tokenize('Like if you agree: www.example.com #growth 3.5x!')))",
    )
    assert int(tokens) > 5
