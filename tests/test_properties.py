"""Property tests (hypothesis): what must hold for any text, not just the texts we thought of.

* readers and positions: bytes -> text -> Document keeps every character, offsets map to the
  line and column counted independently here, views keep the text's length and line breaks,
  the LSP's line index round-trips in every encoding (CRLF, lone CR, BOM, emoji, frontmatter);
* suppression comments: ``ignore CODE`` at the end of a line removes exactly that code's
  findings on that line, and ``skip-file`` removes everything;
* fix application: bytes outside the edits are kept, chosen fixes never overlap, and a second
  ``--fix`` finds nothing left to do;
* the language server's document sync: random incremental edits, in UTF-16 positions, leave
  the server's text equal to the client's.

Examples are bounded so the whole file runs in seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociable.document import Document, DocumentError
from sociable.engine import check_document
from sociable.faces.lsp.convert import LineIndex, code_units
from sociable.findings import Edit, Finding, Fix
from sociable.fixer import EncodedText, apply_edits, choose_fixes, fix_until_stable
from sociable.ruleset import RuleSet
from sociable.runner import decode

FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
SLOW = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Text with what breaks naive offset code: CRLF and lone CR, astral emoji, combining marks,
# zero-width joiners, tabs, and markup sociable treats specially.
PIECES = st.sampled_from([
    "\n", "\r\n", "\r", " ", "\t", "a", "Z", "é", "e\u0301", "🚀", "👩\u200d💻", "🇵🇹", "中",
    "—", '"', "'", "<!--", "-->", "`", "#", "@", "http://x.io", "{{first_name}}", "---",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join)
FRONTMATTER = st.sampled_from(["", "---\nchannel: linkedin-post\n---\n", "---\n---\n",
                               "---\r\nsubject: Hi 🚀\r\n---\r\n"])


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column as sociable documents them: lines break at LF, columns in characters."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def document(text: str) -> Document | None:
    try:
        return Document.from_text(text, "d.md")
    except DocumentError:
        return None  # unreadable frontmatter is reported, not a crash


# --- readers and positions ----------------------------------------------------------------


@FAST
@given(head=FRONTMATTER, body=TEXT, bom=st.booleans())
def test_positions_round_trip(head: str, body: str, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + head + body
    doc = document(text)
    if doc is None:
        return
    assert doc.text == text.removeprefix("\ufeff")
    for offset in range(len(doc.text) + 1):
        assert doc.position(offset) == expected_position(doc.text, offset)


@FAST
@given(head=FRONTMATTER, body=TEXT)
def test_views_keep_length_and_line_breaks(head: str, body: str) -> None:
    doc = document(head + body)
    if doc is None:
        return
    breaks = [i for i, c in enumerate(doc.text) if c in "\r\n"]
    for scope in ("all", "text", "subject", "greeting", "body", "opening", "closing", "signature"):
        view = doc.view(scope)
        assert len(view) == len(doc.text)
        assert [i for i, c in enumerate(view) if c in "\r\n"] == breaks
        # A view only blanks: every character is the text's own or a space.
        assert all(v == t or v == " " for v, t in zip(view, doc.text, strict=True))


@FAST
@given(text=TEXT, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom"]))
def test_bytes_decode_and_encode_back_exactly(text: str, codec: str) -> None:
    text = text.replace("\x00", "")  # NUL marks a binary file, by design
    if codec == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")
    else:
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            return  # lone surrogates cannot be stored as UTF-8 at all
    try:
        decoded = decode(data, "d.md")
    except Exception as exc:  # only a clear InputError may stop a read
        assert type(exc).__name__ == "InputError"
        return
    assert decoded.removeprefix("\ufeff") == text.removeprefix("\ufeff")
    encoded = EncodedText.from_bytes(data, "d.md")
    assert encoded.to_bytes(encoded.text) == data  # --fix rewrites exactly what it read


@FAST
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_lsp_line_index_round_trips(text: str, encoding: str) -> None:
    index = LineIndex(text, encoding)
    for offset in range(len(text) + 1):
        if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
            continue  # the middle of a CRLF is not a position
        position = index.position(offset)
        assert index.offset(position) == offset
        line_start = index.starts[position.line]
        assert position.character == code_units(text[line_start:offset], encoding)


@SLOW
@given(head=FRONTMATTER, body=TEXT)
def test_findings_point_inside_the_text(ruleset: RuleSet, head: str, body: str) -> None:
    doc = document(head + "Like this if you agree! " + body)
    if doc is None:
        return
    for finding in check_document(doc, ruleset):
        assert 0 <= finding.start <= finding.end <= len(doc.text)
        assert (finding.line, finding.column) == doc.position(finding.start)


# --- suppression comments ---------------------------------------------------------------------

LINES = st.sampled_from([
    "Like this if you agree!",
    "Tag a friend who needs this.",
    "Comment YES below and I'll send it.",
    "Hi there,",
    "I hope this finds you well.",
    "Our team shipped the new pricing page on Monday.",
    "What did you measure first?",
    "",
])
DRAFT = st.lists(LINES, min_size=1, max_size=8)


def counted(findings: list[Finding]) -> Counter[tuple[int, str]]:
    """Codes per line, merged ones too: ignoring a finding's code lets a rule merged into it
    speak for itself (overlaps.py), so what the draft says is the same but for that code."""
    return Counter((f.line, code) for f in findings if not f.code.startswith("SX") for code in f.codes)


@SLOW
@given(lines=DRAFT, data=st.data())
def test_ignore_comment_silences_exactly_its_code_on_its_line(
    ruleset: RuleSet, lines: list[str], data: st.DataObject
) -> None:
    text = "\n".join(lines) + "\n"
    before = check_document(Document.from_text(text, "d.md"), ruleset)
    candidates = [f for f in before if not f.code.startswith("SX") and lines[f.line - 1].strip()]
    if not candidates:
        return
    target = data.draw(st.sampled_from(candidates))
    edited = list(lines)
    edited[target.line - 1] += f" <!-- sociable: ignore {target.code} -->"
    after = check_document(Document.from_text("\n".join(edited) + "\n", "d.md"), ruleset)
    expected = counted(before)
    del expected[(target.line, target.code)]
    assert counted(after) == expected
    assert not [f for f in after if f.code == "SX100"]  # the directive was used


@SLOW
@given(lines=DRAFT, at=st.integers(min_value=0, max_value=8))
def test_skip_file_anywhere_silences_everything(ruleset: RuleSet, lines: list[str], at: int) -> None:
    lines = list(lines)
    lines.insert(min(at, len(lines)), "<!-- sociable: skip-file -->")
    assert check_document(Document.from_text("\n".join(lines), "d.md"), ruleset) == []


@SLOW
@given(lines=DRAFT, code=st.sampled_from(["ZZ", "EB199", "GP9"]))
def test_a_directive_that_silences_nothing_is_one_sx100(
    ruleset: RuleSet, lines: list[str], code: str
) -> None:
    text = "\n".join(lines) + f"\nPlain closing words. <!-- sociable: ignore {code} -->\n"
    found = check_document(Document.from_text(text, "d.md"), ruleset)
    unused = [f for f in found if f.code == "SX100"]
    assert len(unused) == 1 and unused[0].line == len(lines) + 1
    assert text[unused[0].start : unused[0].end] == f"<!-- sociable: ignore {code} -->"


# --- fix application -----------------------------------------------------------------------


@st.composite
def edits_of(draw: Any, text: str) -> list[Edit]:
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    edits = []
    for start, end in zip(points[::2], points[1::2], strict=False):
        edits.append(Edit(start, end, draw(st.sampled_from(["", "x", "🚀", "a\nb", "\r\n"]))))
    return edits


@FAST
@given(data=st.data(), text=TEXT)
def test_apply_edits_keeps_every_byte_outside_them(data: st.DataObject, text: str) -> None:
    edits = data.draw(edits_of(text))
    out = apply_edits(text, edits, newline="\n")
    position, cursor = 0, 0
    for edit in sorted(edits, key=lambda e: e.start):
        kept = text[position : edit.start]
        assert out[cursor : cursor + len(kept)] == kept
        cursor += len(kept) + len(edit.replacement.replace("\r\n", "\n"))
        position = edit.end
    assert out[cursor:] == text[position:]


@FAST
@given(spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=10))
def test_chosen_fixes_never_overlap(spans: list[tuple[int, int]]) -> None:
    findings = [
        Finding("d.md", f"ZZ{i:03d}", "n", "style", "info", "m", s, s + n,  # type: ignore[arg-type]
                fix=Fix((Edit(s, s + n, "y"),)))
        for i, (s, n) in enumerate(spans)
    ]
    chosen = [edit for fix in choose_fixes(findings) for edit in fix.edits]
    for i, a in enumerate(chosen):
        for b in chosen[i + 1 :]:
            assert a.start != b.start and (a.end <= b.start or b.end <= a.start)
    apply_edits("z" * 40, chosen)  # raises if they overlapped


@SLOW
@given(lines=DRAFT, crlf=st.booleans())
def test_a_second_fix_is_a_no_op(ruleset: RuleSet, lines: list[str], crlf: bool) -> None:
    newline = "\r\n" if crlf else "\n"
    text = newline.join([*lines, "Thanks! <!-- sociable: ignore ZZ -->"]) + newline

    def lint(current: str) -> list[Finding]:
        return check_document(Document.from_text(current, "d.md"), ruleset)

    first = fix_until_stable(text, lint)
    assert first.changed  # the unused directive at least is removed
    second = fix_until_stable(first.text, lint)
    assert not second.changed and second.text == first.text
    assert ("\r\n" in first.text) == crlf and ("\n" not in first.text.replace("\r\n", "") or not crlf)


# --- language server document sync ------------------------------------------------------------


def _utf16_offset(text: str, line: int, character: int) -> int:
    """The client's own arithmetic: a UTF-16 position as an index into ``text``."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    start = starts[line]
    end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
    units = 0
    for index in range(start, end):
        if units >= character:
            return index
        units += 2 if ord(text[index]) > 0xFFFF else 1
    return end


@st.composite
def change_of(draw: Any, text: str) -> tuple[dict[str, Any], str]:
    """A random incremental change (LF lines, UTF-16 columns) and the client's text after it."""
    lines = text.split("\n")

    def point() -> tuple[int, int]:
        line = draw(st.integers(0, len(lines) - 1))
        boundaries = [0]
        for char in lines[line]:
            boundaries.append(boundaries[-1] + (2 if ord(char) > 0xFFFF else 1))
        return line, draw(st.sampled_from(boundaries))

    a, b = sorted([point(), point()])
    new = draw(st.lists(st.sampled_from(["x", " ", "\n", "🚀", "é", "ab"]), max_size=4).map("".join))
    start, end = _utf16_offset(text, *a), _utf16_offset(text, *b)
    change = {
        "range": {"start": {"line": a[0], "character": a[1]},
                  "end": {"line": b[0], "character": b[1]}},
        "text": new,
    }
    return change, text[:start] + new + text[end:]


@pytest.fixture(scope="module")
def lsp_server():  # type: ignore[no-untyped-def]
    """The real server object, fed JSON-RPC messages in process (no subprocess per example)."""
    from sociable.faces.lsp.server import create_server

    server = create_server(argparse.Namespace(
        debounce=10_000, config=None, isolated=True, no_workspace=True
    ))

    class Sink:
        def write(self, data: bytes) -> None:
            pass

        def close(self) -> None:
            pass

    server.protocol.set_writer(Sink())

    def send(message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message})
        server.protocol.handle_message(json.loads(body, object_hook=server.protocol.structure_message))

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    send({"id": 1, "method": "initialize",
          "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    send({"method": "initialized", "params": {}})
    yield server, send
    for timer in server.timers.values():
        timer.cancel()
    loop.close()
    asyncio.set_event_loop(None)


@SLOW
@given(start=TEXT.map(lambda t: t.replace("\r", "")), data=st.data())
def test_random_edits_keep_server_and_client_text_equal(lsp_server, start: str, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    server, send = lsp_server
    uri = "file:///sync/draft.md"
    send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": start}}})
    client = start
    for version in range(2, 2 + data.draw(st.integers(1, 8))):
        change, client = data.draw(change_of(client))
        send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        assert server.workspace.get_text_document(uri).source == client
    linted = server.lint(uri)
    assert linted is not None and linted.text == client
    send({"method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})


@pytest.mark.parametrize("separator", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_characters_python_calls_line_breaks_are_not_lsp_line_breaks(lsp_server, separator: str) -> None:  # type: ignore[no-untyped-def]
    # What hypothesis found: pygls split lines with str.splitlines, so an edit on the line after
    # one of these landed in the wrong place.
    server, send = lsp_server
    uri = "file:///sync/separator.md"
    send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": f"a{separator}b\nc\n"}}})
    send({"method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 1, "character": 0},
                                      "end": {"line": 1, "character": 1}}, "text": "X"}]}})
    assert server.workspace.get_text_document(uri).source == f"a{separator}b\nX\n"
    send({"method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
