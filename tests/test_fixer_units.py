"""fixer.py's byte-level helpers in process (the CLI tests run them in a child process, where
a mutation tester cannot see them): atomic writes, line-ending detection."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sociable.fixer import newline_of, write_atomic


def test_write_atomic_replaces_the_bytes_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "draft.md"
    target.write_bytes(b"old text\n")
    os.chmod(target, 0o640)
    write_atomic(target, b"new text\r\n")
    assert target.read_bytes() == b"new text\r\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"]  # no temporary file left


def test_write_atomic_through_a_symlink_changes_the_target(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(b"a")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomic(link, b"b")
    assert link.is_symlink() and target.read_bytes() == b"b"


def test_write_atomic_failure_leaves_the_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "draft.md"
    target.write_bytes(b"kept")

    def broken(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"lost")
    assert target.read_bytes() == b"kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"]


@pytest.mark.parametrize(("text", "newline"), [
    ("a\nb\n", "\n"), ("a\r\nb\r\n", "\r\n"), ("a\r\nb\nc\n", "\n"), ("a\r\nb\r\nc\n", "\r\n"),
    ("", "\n"), ("one line", "\n"),
])
def test_newline_of_follows_most_lines(text: str, newline: str) -> None:
    assert newline_of(text) == newline
