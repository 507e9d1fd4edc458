"""The session's memos (the shape kind's per sentence, kinds/shape_memo.py, and the views'
tokens per paragraph, text.ParagraphMemo) never change a finding.

A session keeps what each shape rule found in each sentence and reads it again for the
sentences an edit did not touch. Over random sequences of edits to a post (words that make
and unmake habits, marks, quotes, breaks, emoji, a channel that brings its own rules), every
state's shape findings from the long-lived session equal those of a session that searches
every sentence again; a memo whose key leaves out the sentence's text reads stale entries, and
the same comparison catches it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edits import apply_edit, finding_key
from sociable import text
from sociable.faces.lsp.session import Session
from sociable.kinds import shape_memo

POST = (
    "Three years ago our logistics team spent every Monday reconciling depot spreadsheets by "
    "hand. 📦 Last quarter we cut that to twenty minutes.\n\n"
    "Like if you agree and tag a friend who needs this!! Follow me for more tips. 👇\n\n"
    "Three things I would tell anyone starting the same project:\n"
    "- Find the report people already trust and start from its numbers.\n"
    "- Don't tag anyone who would not want to hear it.\n\n"
    "She said \"comment YES below\" and nobody did. Check out my new course, link in bio!\n\n"
    "If you run operations at a regional carrier, how do you handle late-night exceptions? 🤔\n"
    "DM me if you want the template. #logistics #operations\n"
)
CHANNEL = "---\nchannel: linkedin-post\n---\n"

#: What a writer types: habits and their near misses, marks, quotes, breaks, emoji.
TYPED = st.sampled_from([
    "a", "e", "s", " ", ",", ", ", ".", ". ", "!", "?", ":", "\"", "'", "\n", "\n\n", "- ",
    "🔥", "👇", "#ad ", "@dana ", "Like if you agree ", "tag a friend ", "Follow me ",
    "don't ", "not ", "comment YES ", "Agree? ", "DM me ", "link in bio ", "Share this ",
    "my newsletter ", "she said ", "if you ", "Thoughts? ",
])
EDIT = st.tuples(st.floats(min_value=0, max_value=1), st.integers(min_value=0, max_value=8), TYPED)



def _shape_session(folder: Path, memo: bool) -> Session:
    """A session that runs only the shape rules, with or without the memo."""
    session = Session([folder], references=False)
    ruleset = session.context_for(folder / "post.md").ruleset
    session.memos = memo
    ruleset.selected = [code for code in ruleset.selected if ruleset.specs[code].kind == "shape"]
    return session


def _findings(session: Session, folder: Path, text: str) -> list[tuple[object, ...]]:
    linted = session.lint(text, folder / "post.md")
    assert linted is not None
    if linted.error is not None:  # an edit inside the frontmatter can misspell the channel
        return [("error", linted.error)]
    return [finding_key(f) for f in linted.findings]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("shape-memo")


@pytest.fixture(scope="module")
def kept(folder: Path) -> Session:
    return _shape_session(folder, memo=True)


@pytest.fixture(scope="module")
def searched(folder: Path) -> Session:
    return _shape_session(folder, memo=False)


def test_the_session_keeps_the_memo_for_the_buffer_only(tmp_path: Path) -> None:
    """The buffer's lint fills the memo; the workspace's drafts, read once each, do not."""
    from sociable.faces.lsp.session import SHAPE_MEMO

    assert SHAPE_MEMO == shape_memo.SETTING
    (tmp_path / "other.md").write_text("Follow me for more tips. Like if you agree!\n")
    session = Session([tmp_path])
    ruleset = session.context_for(tmp_path / "post.md").ruleset
    session.references(session.context_for(tmp_path / "post.md"), "post.md")
    assert ruleset.kinds["shape"]._memo is None  # type: ignore[attr-defined]
    _findings(session, tmp_path, POST)
    assert len(_memo(session, tmp_path)) > 0
    assert session._paragraphs is not None and len(session._paragraphs) > 0  # text.ParagraphMemo
    assert not ruleset.settings[SHAPE_MEMO]  # off again between lints
    assert text._MEMO is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.booleans(), st.lists(EDIT, min_size=1, max_size=8))
def test_every_state_of_an_editing_session_finds_what_a_full_search_finds(
    kept: Session, searched: Session, folder: Path, channel: bool,
    edits: list[tuple[float, int, str]],
) -> None:
    text = CHANNEL + POST if channel else POST
    for edit in edits:
        text = apply_edit(text, edit)
        assert _findings(kept, folder, text) == _findings(searched, folder, text)


def test_the_post_has_shape_findings_and_the_memo_is_read(
    kept: Session, searched: Session, folder: Path
) -> None:
    """The comparison is worth something only if shape rules fire and the memo serves them."""
    findings = _findings(kept, folder, POST)
    assert len({code for code, *_ in findings}) >= 3, findings
    memo = _memo(kept, folder)
    before = memo.searched
    edited = POST.replace("Monday", "Mondya")
    assert _findings(kept, folder, edited) == _findings(searched, folder, edited)
    # One sentence changed: each rule searched it (and nothing else) again.
    assert 0 < memo.searched - before <= len(kept.context_for(folder / "post.md").ruleset.selected)


def test_a_memo_keyed_without_the_sentence_text_fails_the_comparison(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stale entry (a sentence known by its place alone) shows up as a different finding."""
    right = shape_memo._part_key

    def by_place(analysis: object, number: int) -> tuple[int, tuple[object, ...]]:
        lo, _key = right(analysis, number)  # type: ignore[arg-type]
        return lo, (number,)

    monkeypatch.setattr(shape_memo, "_part_key", by_place)
    broken, searched = _shape_session(folder, memo=True), _shape_session(folder, memo=False)
    edited = POST.replace("Follow me for more tips.", "Read the notes for more tips.")
    assert any(
        _findings(broken, folder, text) != _findings(searched, folder, text) for text in (POST, edited)
    )


def test_the_memo_is_bounded_and_still_exact(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shape_memo, "SENTENCES", 4)
    small, searched = _shape_session(folder, memo=True), _shape_session(folder, memo=False)
    text = POST
    for word in ("Monday", "quarter", "friend", "course", "template"):
        text = text.replace(word, word + "s")
        assert _findings(small, folder, text) == _findings(searched, folder, text)
        assert len(_memo(small, folder)) <= 4


def test_the_cli_keeps_no_memo() -> None:
    """A CLI run meets each sentence once: it searches, and keeps nothing."""
    from sociable.config import Config
    from sociable.context import load_context
    from sociable.document import Document
    from sociable.engine import check_document

    ruleset = load_context(Config()).ruleset
    assert shape_memo.SETTING not in ruleset.settings
    assert check_document(Document.from_text(POST, "post.md"), ruleset)
    assert ruleset.kinds["shape"]._memo is None  # type: ignore[attr-defined]


def _memo(session: Session, folder: Path) -> shape_memo.SentenceMemo:
    kind = session.context_for(folder / "post.md").ruleset.kinds["shape"]
    memo = kind._memo  # type: ignore[attr-defined]
    assert isinstance(memo, shape_memo.SentenceMemo)
    return memo
