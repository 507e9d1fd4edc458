"""The language server's re-lint after each edit equals a fresh full lint of the same text.

A session keeps what it can between keystrokes (Harper's lints per paragraph, the kinds'
per-process memos, numpy signing once warmed), so an edit costs the paragraph it touched.
None of that may change a finding: over random sequences of edits to a post (letters,
spaces, punctuation, line and paragraph breaks, emoji, typed and deleted anywhere), every
state's findings from the long-lived session are compared with those of a new session whose
grammar backend has forgotten every paragraph.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edits import apply_edit, finding_key
from sociable.faces.lsp.session import Session

POST = (
    "Three years ago our logistics team spent every Monday reconciling depot spreadsheets by "
    "hand. 📦 Last quarter we cut that to twenty minutes, and the intresting part is not the "
    "tool we bought.\n\n"
    "What changed: we stopped asking drivers to fill in a form at the end of the shift and "
    "started reading the scanner logs they already produce. I could of asked sooner. 🚚\n\n"
    "Three things I would tell anyone starting the same project:\n"
    "- Find the report people already trust and start from its numbers.\n"
    "- Put one person from the night shift in every design review.\n\n"
    "If you run operations at a regional carrier, I would like to hear how you handle "
    "late-night exceptions: do you page someone, or wait for the morning stand-up? 🤔\n\n"
    "Like if you agree and tag a friend who needs this!! #logistics #operations\n"
)

#: What a writer types: words and their typos, spacing, marks, breaks, an emoji.
TYPED = st.sampled_from([
    "a", "e", "s", "x", "the ", "an ", "teh ", "recieve", " ", ",", ", ", ".", ". ", "!", "?",
    "\n", "\n\n", "- ", "🔥", "#ops ", "@dana ", "Share this ", "don't ", "could of ",
])
#: One edit: where (a share of the text's length), how many characters to delete there,
#: and what to type.
EDIT = st.tuples(st.floats(min_value=0, max_value=1), st.integers(min_value=0, max_value=6), TYPED)



def _fresh(folder: Path, text: str) -> list[tuple[object, ...]]:
    from sociable.grammar.base import choose

    session = Session([folder], references=False)
    context = session.context_for(folder / "post.md")
    backend = choose(context.ruleset.settings)
    forget = getattr(backend, "clear_cache", None)
    if forget is not None:
        forget()  # Harper reads every paragraph again, as on a first open
    linted = session.lint(text, folder / "post.md")
    assert linted is not None and linted.error is None
    return [finding_key(f) for f in linted.findings]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("incremental")


@pytest.fixture(scope="module")
def session(folder: Path) -> Session:
    return Session([folder], references=False)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(EDIT, min_size=1, max_size=5))
def test_every_state_of_an_editing_session_is_linted_as_a_fresh_lint(
    session: Session, folder: Path, edits: list[tuple[float, int, str]]
) -> None:
    text = POST
    for edit in edits:
        text = apply_edit(text, edit)
        linted = session.lint(text, folder / "post.md")
        assert linted is not None and linted.error is None
        assert [finding_key(f) for f in linted.findings] == _fresh(folder, text)


def test_the_post_has_findings_of_several_kinds(session: Session, folder: Path) -> None:
    """The comparison above is worth something only if the post is flagged, grammar included."""
    linted = session.lint(POST, folder / "post.md")
    assert linted is not None
    codes = {f.code for f in linted.findings}
    assert any(code.startswith("GR") for code in codes), codes
    assert len(codes) >= 3, codes


def test_a_session_signs_with_numpy_once_its_rules_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session warms its corpus rules' kinds as a large CLI run does: numpy signs the
    near-duplicate sketch (the same bytes as Python's loop, a tenth of the time)."""
    pytest.importorskip("numpy")
    from sociable.kinds import minhash

    monkeypatch.setattr(minhash, "_VECTOR", None)
    Session([tmp_path], references=False).context_for(tmp_path / "post.md")
    assert minhash._VECTOR not in (None, False)
