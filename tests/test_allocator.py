"""The C allocator's setting for huge drafts (``sociable.allocator``): made for a file of
``HUGE`` bytes or more, before its bytes are decoded, and only where the C library is glibc."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sociable import allocator


def _glibc() -> bool:
    try:
        return (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")
    except (AttributeError, ValueError, OSError):
        return False


def test_big_blocks_are_mapped_on_glibc_only_and_once_a_process(monkeypatch) -> None:
    glibc = _glibc()
    monkeypatch.setattr(allocator, "_set", None)
    assert allocator.map_big_blocks() is glibc
    monkeypatch.setattr(os, "confstr", lambda name: pytest.fail("asked twice"))
    assert allocator.map_big_blocks() is glibc


@pytest.mark.cli_in_process
def test_the_runner_maps_big_blocks_for_a_huge_file_alone(tmp_path: Path, run_cli, monkeypatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(allocator, "HUGE", 2_000)
    monkeypatch.setattr(allocator, "map_big_blocks", lambda: calls.append(1) or True)
    (tmp_path / "short.md").write_text("Hi Ana,\n\nThe ingest job runs in 9 minutes now.\n", encoding="utf-8")
    assert run_cli("check", "--no-cache", "--ignore", "GR", "short.md").returncode in (0, 1)
    assert calls == []
    (tmp_path / "long.md").write_text("The ingest job runs in 9 minutes now (1).\n\n" * 60, encoding="utf-8")
    assert run_cli("check", "--no-cache", "--ignore", "GR", "long.md").returncode in (0, 1)
    assert calls == [1]
