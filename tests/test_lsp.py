"""``sociable lsp`` driven over stdio by a real LSP client (pytest-lsp), one feature a test.

Each test starts the real server (``python -m sociable lsp``) in a subprocess on a fresh
temporary workspace whose ``sociable.toml`` selects the rules of ``tests/data/fix-rules.yaml``
(plus SX100), so the expected findings do not move when the built-in packs are tuned.
Expected positions are computed here from the text, independently of the server's code.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from sociable.faces.lsp.convert import LineIndex, code_units, ignore_action

BAIT = "Like if you agree!"  # ZZ101, no fix
UNUSED = "<!-- sociable: ignore ZZ101 -->"  # SX100 where nothing needs silencing (safe fix)
PACK = Path(__file__).parent / "data" / "fix-rules.yaml"
CONFIG = 'select = ["ZZ", "SX"]\nextend-packs = ["fix-rules.yaml"]\n'
# A cache folder of this test run's own, removed at exit: a fixed path under $TMPDIR would be
# shared by concurrent runs and outlive them (and a stale entry could hide a bug).
CACHE_DIR = tempfile.mkdtemp(prefix="sociable-test-lsp-cache-")
atexit.register(shutil.rmtree, CACHE_DIR, True)
SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "sociable", "lsp", "--debounce", "150"],
    server_env={**os.environ, "SOCIABLE_CACHE_DIR": CACHE_DIR},
)


def capabilities(
    pull: bool = False, encodings: list[str] | None = None
) -> types.ClientCapabilities:
    general = types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    return types.ClientCapabilities(
        general=general,
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities() if pull else None,
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(data_support=True),
        ),
    )


async def start(client: LanguageClient, root: Path, caps: types.ClientCapabilities) -> None:
    shutil.copy(PACK, root / "fix-rules.yaml")
    (root / "sociable.toml").write_text(CONFIG, encoding="utf-8")
    await client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="drafts")],
        )
    )


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path, capabilities())
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def pull_client(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path, capabilities(pull=True))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def utf8_client(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path, capabilities(encodings=["utf-8"]))
    yield
    await lsp_client.shutdown_session()


# --- helpers ----------------------------------------------------------------------------------


def open_draft(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text))
    )
    return uri


async def published(
    client: LanguageClient,
    uri: str,
    until: Callable[[list[types.Diagnostic]], bool] = lambda d: True,
    timeout: float = 15,
) -> list[types.Diagnostic]:
    """The diagnostics published for ``uri`` once ``until`` holds for them."""

    async def wait() -> list[types.Diagnostic]:
        while True:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if uri in client.diagnostics and until(list(client.diagnostics[uri])):
                return list(client.diagnostics[uri])

    if uri in client.diagnostics and until(list(client.diagnostics[uri])):
        return list(client.diagnostics[uri])
    return await asyncio.wait_for(wait(), timeout)


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions, LF lines) the way an editor would."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line]
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return before + index
            units += utf16(char)
        return before + len(line)

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


# --- push diagnostics -------------------------------------------------------------------------


async def test_publishes_on_open_with_code_link_and_fix(client: LanguageClient, tmp_path: Path):
    text = f"Great panel on logistics. {UNUSED}\n{BAIT}\n"
    uri = open_draft(client, tmp_path / "post.md", text)
    found = await published(client, uri, lambda d: len(d) == 2)
    by_code = {str(d.code): d for d in found}
    bait = by_code["ZZ101"]
    assert bait.source == "sociable"
    assert bait.severity == types.DiagnosticSeverity.Warning
    assert bait.code_description is not None and bait.code_description.href.endswith("ZZ101.md")
    assert (bait.range.start.line, bait.range.start.character) == (1, 0)
    unused = by_code["SX100"]
    assert unused.range.start == types.Position(0, text.index(UNUSED))
    fix = unused.data["fix"]
    assert fix["applicability"] == "safe" and fix["edits"][0]["newText"] == ""


async def test_lints_as_you_type_debounced(client: LanguageClient, tmp_path: Path):
    uri = open_draft(client, tmp_path / "post.md", "Your talk on pricing was sharp.\n")
    assert await published(client, uri) == []
    # A burst of keystrokes: the middle state is clean, the last one is bait. With the
    # debounce, the first publish after the burst already shows the final text.
    change(client, uri, 2, "Like this")
    change(client, uri, 3, "Like this if you")
    change(client, uri, 4, BAIT)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert codes(list(client.diagnostics[uri])) == ["ZZ101"]


async def test_save_relints(client: LanguageClient, tmp_path: Path):
    uri = open_draft(client, tmp_path / "post.md", BAIT)
    await published(client, uri, lambda d: len(d) == 1)
    client.diagnostics.pop(uri)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    assert codes(await published(client, uri)) == ["ZZ101"]


async def test_close_clears_diagnostics(client: LanguageClient, tmp_path: Path):
    uri = open_draft(client, tmp_path / "post.md", BAIT)
    await published(client, uri, lambda d: len(d) == 1)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    assert await published(client, uri, lambda d: d == []) == []


async def test_unknown_file_type_is_ignored(client: LanguageClient, tmp_path: Path):
    script = open_draft(client, tmp_path / "script.py", f"# {BAIT}\n", language="python")
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(script), types.Position(0, 3))
    )
    assert hover is None
    draft = open_draft(client, tmp_path / "post.md", BAIT)
    assert codes(await published(client, draft, lambda d: len(d) == 1)) == ["ZZ101"]
    assert script not in client.diagnostics  # nothing said about the Python file


async def test_unreadable_frontmatter_is_one_diagnostic(client: LanguageClient, tmp_path: Path):
    uri = open_draft(client, tmp_path / "post.md", "---\nchannel: [oops\n---\nHello\n")
    found = await published(client, uri, lambda d: len(d) == 1)
    assert found[0].severity == types.DiagnosticSeverity.Error
    assert "frontmatter" in found[0].message


async def test_utf16_positions_after_emoji(client: LanguageClient, tmp_path: Path):
    prefix = "🚀🚀 We shipped 🇵🇹 today. "
    uri = open_draft(client, tmp_path / "post.md", f"{prefix}{BAIT}\n")
    (found,) = await published(client, uri, lambda d: len(d) == 1)
    assert found.range.start == types.Position(0, utf16(prefix))
    assert utf16(prefix) == len(prefix) + 4  # each emoji here is two UTF-16 code units


async def test_utf8_positions_when_negotiated(utf8_client: LanguageClient, tmp_path: Path):
    prefix = "Café 🚀 "
    uri = open_draft(utf8_client, tmp_path / "post.md", f"{prefix}{BAIT}\n")
    (found,) = await published(utf8_client, uri, lambda d: len(d) == 1)
    assert found.range.start == types.Position(0, len(prefix.encode("utf-8")))


# --- pull diagnostics ----------------------------------------------------------------------


async def test_pull_diagnostics(pull_client: LanguageClient, tmp_path: Path):
    uri = open_draft(pull_client, tmp_path / "post.md", BAIT)
    identifier = types.TextDocumentIdentifier(uri)
    report = await pull_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(identifier)
    )
    assert isinstance(
        report, types.RelatedFullDocumentDiagnosticReport | types.FullDocumentDiagnosticReport
    )
    assert codes(list(report.items)) == ["ZZ101"]
    again = await pull_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(identifier, previous_result_id=report.result_id)
    )
    assert again.kind == "unchanged"
    # A client that pulls is not also pushed to, so it never shows a finding twice.
    assert uri not in pull_client.diagnostics


# --- code actions and hover ------------------------------------------------------------------


async def test_code_actions_fix_and_ignore(client: LanguageClient, tmp_path: Path):
    text = f"Great panel on logistics. {UNUSED}\n{BAIT}\n"
    uri = open_draft(client, tmp_path / "post.md", text)
    found = await published(client, uri, lambda d: len(d) == 2)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(2, 0)),
            types.CodeActionContext(diagnostics=found),
        )
    )
    assert actions is not None
    titles = {a.title: a for a in actions if isinstance(a, types.CodeAction)}
    remove = titles["Remove the unused suppression (SX100)"]
    assert remove.kind == types.CodeActionKind.QuickFix and remove.is_preferred
    assert remove.edit is not None and remove.edit.changes is not None
    fixed = apply(text, list(remove.edit.changes[uri]))
    assert fixed.split("\n")[0].rstrip() == "Great panel on logistics."
    assert fixed.split("\n")[1:] == text.split("\n")[1:]
    ignore = titles["Ignore ZZ101 on this line"]
    assert ignore.edit is not None and ignore.edit.changes is not None
    ignored = apply(text, list(ignore.edit.changes[uri]))
    assert ignored.split("\n")[1] == f"{BAIT} <!-- sociable: ignore ZZ101 -->"
    # The inserted directive really silences the finding once the editor applies it.
    change(client, uri, 2, ignored)
    assert "ZZ101" not in codes(await published(client, uri, lambda d: "ZZ101" not in codes(d)))
    assert "Ignore SX100 on this line" in titles  # offered for every finding


async def test_fix_all_source_action(client: LanguageClient, tmp_path: Path):
    text = f"Thanks 🙌 we utilize it. {UNUSED}\nTalk soon\n"
    uri = open_draft(client, tmp_path / "post.md", text)
    await published(client, uri, lambda d: len(d) == 2)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(0, 0)),
            types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    assert actions is not None and len(actions) == 1
    action = actions[0]
    assert isinstance(action, types.CodeAction) and action.kind == "source.fixAll.sociable"
    assert action.edit is not None and action.edit.changes is not None
    fixed = apply(text, list(action.edit.changes[uri]))
    lines = [line.rstrip() for line in fixed.split("\n")]
    assert lines == ["Thanks 🙌 we use it.", "Talk soon", ""]


async def test_hover_explains_the_rule(client: LanguageClient, tmp_path: Path):
    prefix = "🚀 "
    uri = open_draft(client, tmp_path / "post.md", f"{prefix}{BAIT}\n")
    await published(client, uri, lambda d: len(d) == 1)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, utf16(prefix) + 3))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    value = hover.contents.value
    assert "**ZZ101**" in value
    assert "Asking for agreement turns a post into a poll about the author." in value
    assert "Remote work is here to stay: our team ships more since we went remote." in value
    outside = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(1, 0))
    )
    assert outside is None


# --- configuration -------------------------------------------------------------------------


async def test_config_from_workspace_and_reload(client: LanguageClient, tmp_path: Path):
    config = tmp_path / "sociable.toml"
    config.write_text(CONFIG + 'ignore = ["ZZ101"]\n', encoding="utf-8")
    (tmp_path / "posts").mkdir()
    uri = open_draft(client, tmp_path / "posts" / "post.md", BAIT)
    assert await published(client, uri) == []  # the workspace's config silences ZZ101
    config.write_text(CONFIG, encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert codes(await published(client, uri, lambda d: len(d) == 1)) == ["ZZ101"]


async def test_buffer_is_compared_with_workspace_drafts(client: LanguageClient, tmp_path: Path):
    project = tmp_path / "outreach"
    project.mkdir()
    (project / "sociable.toml").write_text('select = ["RP101"]\n', encoding="utf-8")
    message = (
        "I read your post about onboarding churn and the way you cut the trial to seven days. "
        "We saw the same drop when we moved the activation email earlier. "
        "Would a short call next week be useful?\n"
    )
    (project / "sent-to-ana.md").write_text(f"Hi Ana,\n\n{message}", encoding="utf-8")
    uri = open_draft(client, project / "to-ben.md", f"Hi Ben,\n\n{message}")
    found = await published(client, uri, lambda d: len(d) >= 1)
    assert [str(d.code) for d in found] == ["RP101"]
    assert "sent-to-ana.md" in found[0].message
    # A draft that appears on disk later joins the comparison without a restart.
    (project / "sent-to-ana.md").unlink()
    (project / "sent-to-cy.md").write_text(f"Hi Cy,\n\n{message}", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams([
            types.FileEvent((project / "sent-to-ana.md").as_uri(), types.FileChangeType.Deleted),
            types.FileEvent((project / "sent-to-cy.md").as_uri(), types.FileChangeType.Created),
        ])
    )
    found = await published(client, uri, lambda d: any("sent-to-cy.md" in x.message for x in d))
    assert len(found) == 1 and "sent-to-ana.md" not in found[0].message


# --- conversions, without a server ---------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected"), [("utf-16", 4), ("utf-8", 7), ("utf-32", 3)]
)
def test_line_index_round_trips(encoding: str, expected: int):
    text = "a\r\né🚀x\rlast"
    index = LineIndex(text, encoding)
    offset = text.index("x")
    position = index.position(offset)
    assert position.line == 1 and position.character == code_units("é🚀", encoding) + 0
    assert code_units("é🚀x", encoding) == expected
    assert index.offset(position) == offset
    assert index.position(text.index("last")) == types.Position(2, 0)


def test_ignore_action_extends_an_existing_directive():
    text = "Like if you agree! <!-- sociable: ignore ZZ102 -->\r\nnext"
    diagnostic = types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 5)), message="m", code="ZZ101"
    )
    action = ignore_action("file:///x.md", diagnostic, LineIndex(text))
    assert action is not None and action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes["file:///x.md"]
    at = text.index(" -->")
    assert edit.range.start == edit.range.end == types.Position(0, at)
    assert edit.new_text == ", ZZ101"


def test_lsp_cache_folder_is_this_runs_own() -> None:
    assert SERVER.server_env is not None
    cache = Path(SERVER.server_env["SOCIABLE_CACHE_DIR"])
    assert cache.is_dir() and cache.name.startswith("sociable-test-lsp-cache-")
    assert cache != Path(tempfile.gettempdir()) / "sociable-test-lsp-cache"


def test_no_inline_comment_offered_in_frontmatter_or_subject(tmp_path: Path):
    from sociable.faces.lsp.session import Session

    shutil.copy(PACK, tmp_path / "fix-rules.yaml")
    (tmp_path / "sociable.toml").write_text(CONFIG, encoding="utf-8")
    session = Session([tmp_path])
    linted = session.lint("---\nsubject: Quick one\n---\nWe utilize it.\n", tmp_path / "a.md")
    assert linted is not None and linted.error is None, linted and linted.error
    assert linted.no_comment_lines == {0, 1, 2}
    email = session.lint("Subject: Quick one\n\nWe utilize it.\n", tmp_path / "b.md")
    assert email is not None and email.no_comment_lines == {0}
    assert [f.line for f in email.findings] == [3]  # the body's line is fair game
