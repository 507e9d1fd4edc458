"""The plugin, installed: sociable finds it through its entry point and runs its rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document

WALL = " ".join(["word"] * 70)


def codes(text: str, channel: str | None = "linkedin-dm") -> list[str]:
    ruleset = load_context(Config(), use_cache=False).ruleset
    return [c for f in check_document(Document.from_text(text, "dm.md", channel=channel), ruleset) for c in f.codes]


def test_plugin_is_registered() -> None:
    ruleset = load_context(Config(), use_cache=False).ruleset
    assert "paragraph-length" in ruleset.kinds
    assert {"EXA101", "EXA102"} <= set(ruleset.specs)


def test_every_example_behaves() -> None:
    ruleset = load_context(Config(), use_cache=False).ruleset
    for code in ("EXA101", "EXA102"):
        spec = ruleset.specs[code]
        channel = spec.channels[0] if spec.channels else None
        for text in spec.examples_bad:
            assert code in codes(text, channel), text
        for text in spec.examples_good:
            assert code not in codes(text, channel), text


def test_wall_of_text_counts_words_per_paragraph() -> None:
    assert "EXA101" in codes(f"Hi Noor,\n\n{WALL}\n")
    split = " ".join(["word"] * 35)
    assert "EXA101" not in codes(f"Hi Noor,\n\n{split}\n\n{split}\n")
    assert "EXA101" not in codes(f"{WALL}\n", channel="linkedin-post")  # not a DM


def test_command_line_reports_it(tmp_path: Path) -> None:
    (tmp_path / "dm.md").write_text(f"---\nchannel: linkedin-dm\n---\nHi Noor,\n\n{WALL}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sociable", "check", "--no-cache", "--select", "EXA", "dm.md"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "dm.md:6:1: EXA101 A paragraph of 70 words (at most 60 here)" in done.stdout
