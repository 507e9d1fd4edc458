"""A server's session moves its configuration out of the cyclic collector's way.

After the first lint of a loaded configuration the session freezes what is alive
(``gc.freeze``), so the collector's rare walks of its oldest generation no longer cost a
keystroke tens of milliseconds; a reload unfreezes, so an old configuration's cycles can
still be collected. Freezing changes no finding.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from sociable.faces.lsp.session import Session

POST = (
    "Three years ago our logistics team spent every Monday reconciling spreadsheets by hand.\n\n"
    "Like if you agree and tag a friend who needs this!! #logistics #operations\n"
)


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector on and nothing frozen, before and after (the state is the process's)."""
    was_enabled = gc.isenabled()
    gc.enable()
    gc.unfreeze()
    yield
    gc.unfreeze()
    if not was_enabled:
        gc.disable()


def _findings(session: Session, text: str, path: Path) -> list[tuple[str, int, int, str]]:
    linted = session.lint(text, path)
    assert linted is not None
    return [(f.code, f.start, f.end, f.message) for f in linted.findings]


def test_freezes_after_the_first_lint_and_reload_unfreezes(collector: None, tmp_path: Path) -> None:
    session = Session([tmp_path], freeze_gc=True)
    path = tmp_path / "post.md"
    session.context_for(path)
    assert gc.get_freeze_count() == 0  # loaded, not yet linted: its rules are not prepared
    _findings(session, POST, path)
    frozen = gc.get_freeze_count()
    assert frozen > 0
    _findings(session, POST + "One more line.\n", path)
    assert gc.get_freeze_count() <= frozen  # once per configuration (a frozen object may die)
    session.reload()
    assert gc.get_freeze_count() == 0


def test_freezing_changes_no_finding(collector: None, tmp_path: Path) -> None:
    plain = Session([tmp_path])
    frozen = Session([tmp_path], freeze_gc=True)
    path = tmp_path / "post.md"
    texts = [POST, POST.replace("hand", "hnad"), "---\nchannel: linkedin-post\n---\n" + POST]
    for text in texts:
        assert _findings(frozen, text, path) == _findings(plain, text, path)
    assert gc.get_freeze_count() > 0
    assert Session([tmp_path]).freeze_gc is False  # tests and embedding tools: off by default
