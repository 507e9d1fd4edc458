"""What a one-draft ``sociable check`` does not import: start-up is part of the tool's speed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CLEAN = "Hi Ana,\n\nLoved your talk on onboarding churn. How did you measure activation?\n\nBest,\nSam\n"


def _modules_after_check(tmp_path: Path, text: str) -> set[str]:
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    program = (
        "import sys\n"
        "from sociable.faces.cli.main import main\n"
        "code = main(['check', '--no-cache', '--quiet', '--exit-zero', '--ignore', 'GR', 'draft.md'])\n"
        "print(code)\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    lines = done.stdout.strip().splitlines()
    assert lines[-2] == "0", done.stdout
    return set(lines[-1].split())


def test_a_clean_draft_imports_neither_the_fixer_nor_shutil(tmp_path: Path) -> None:
    modules = _modules_after_check(tmp_path, CLEAN)
    assert "sociable.kinds.pattern" in modules  # the run did lint the draft
    assert "sociable.fixer" not in modules and "sociable.fix_report" not in modules
    assert "shutil" not in modules  # argparse asks it for the terminal width only for help


def test_a_fixable_finding_still_weighs_fixes_together(tmp_path: Path) -> None:
    modules = _modules_after_check(tmp_path, "Hi Ana,\n\nLike if you agree!\n")
    assert "sociable.fix_report" in modules


def test_help_still_wraps_at_the_terminal_width() -> None:
    import os

    narrow = subprocess.run([sys.executable, "-m", "sociable", "check", "--help"], capture_output=True,
                            text=True, env={**os.environ, "COLUMNS": "60"}, check=True).stdout
    wide = subprocess.run([sys.executable, "-m", "sociable", "check", "--help"], capture_output=True,
                          text=True, env={**os.environ, "COLUMNS": "200"}, check=True).stdout
    assert max(map(len, narrow.splitlines())) <= 60 < max(map(len, wide.splitlines()))
