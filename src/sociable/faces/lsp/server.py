"""``sociable lsp``: the language server, over stdio, on pygls 2.

Handlers are glue: positions and LSP shapes live in :mod:`.convert`, configuration and linting
in :mod:`.session` (the same reader -> ``lint_document`` -> ``finish`` path as the CLI).

* Diagnostics are pushed on open, on save and while typing (debounced, so a burst of
  keystrokes costs one lint), unless the client asks for them itself
  (``textDocument/diagnostic``): then they are only pulled, so no client shows them twice.
* Code actions: each finding's fix as a quick fix (it rides in the diagnostic's ``data``),
  "Ignore CODE on this line", and ``source.fixAll.sociable`` for every safe fix at once.
* Hover on a finding: why the rule exists and a better example.
* ``sociable.toml`` / ``pyproject.toml`` changes (watched files, or saved in the editor)
  reload the configuration and re-lint every open draft; a saved draft refreshes the copy of
  the workspace the repetition rules compare against.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from sociable import __version__
from sociable.faces.lsp import convert
from sociable.faces.lsp.protocol import AnsweringProtocol, LspWorkspace, short
from sociable.faces.lsp.session import (
    CONFIG_NAMES,
    Linted,
    RulesUnavailable,
    Session,
    is_config_file,
)

log = logging.getLogger("sociable.lsp")

DEFAULT_DEBOUNCE_MS = 200
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.sociable"


class SociableServer(LanguageServer):
    """Per-buffer state on top of pygls: the last lint of each open draft."""

    def __init__(self, options: argparse.Namespace) -> None:
        super().__init__(
            "sociable", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=AnsweringProtocol,
        )
        self.options = options
        self.debounce = max(0, options.debounce) / 1000
        self.session = Session([Path.cwd()])
        self.pull = False
        self.linted: dict[str, Linted | None] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.tasks: set[asyncio.Future[None]] = set()

    # --- state ---------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        return convert.encoding_name(self.workspace.position_encoding)

    def report_server_error(self, error: Exception, source: object) -> None:
        """Out-of-band errors (malformed JSON, a failing notification handler) go to the log,
        never to a pop-up: there is nothing the writer could do about them."""
        log.error("%s: %s", getattr(source, "__name__", source), short(str(error)))

    def text_of(self, uri: str) -> tuple[str, str | None] | None:
        """The buffer's text and language, or the file's for a URI that is not open; None
        for a URI that is neither (a request about it is answered with nothing to say)."""
        document = self.workspace.text_documents.get(uri)
        if document is not None:
            return document.source, document.language_id
        try:
            fs_path = to_fs_path(uri) if uri.startswith("file:") else None
            if not fs_path or not Path(fs_path).is_file():
                return None
            return Path(fs_path).read_text(encoding="utf-8"), None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            log.info("cannot read %s: %s", uri, exc)
            return None

    def lint(self, uri: str) -> Linted | None:
        """The lint of the buffer's current text (cached until the text changes)."""
        found = self.text_of(uri)
        if found is None:
            return None
        text, language_id = found
        cached = self.linted.get(uri)
        if cached is not None and cached.text == text:
            return cached
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs_path).resolve() if fs_path else None
        try:
            linted = self.session.lint(text, path, language_id)
        except Exception as exc:  # a bug in a rule or plugin: say so, keep serving
            log.exception("linting %s failed", uri)
            linted = Linted(text, error=f"sociable: internal error while linting: {exc!r}")
        self.linted[uri] = linted
        if linted is not None:
            log.debug("linted %s in %.1f ms", uri, linted.seconds * 1000)
        return linted

    def diagnostics(self, uri: str) -> list[types.Diagnostic] | None:
        """None for a kind of file sociable does not read: it says nothing about those."""
        linted = self.lint(uri)
        if linted is None:
            return None
        if linted.error:
            return [convert.error_diagnostic(linted.error)]
        index = convert.LineIndex(linted.text, self.encoding)
        return [convert.to_diagnostic(f, index, linted.shift) for f in linted.findings]

    def publish(self, uri: str) -> None:
        self.timers.pop(uri, None)
        if self.pull or uri not in self.workspace.text_documents:
            return
        diagnostics = self.diagnostics(uri)
        if diagnostics is None:
            return
        version = self.workspace.get_text_document(uri).version
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, diagnostics, version=version)
        )

    def schedule(self, uri: str) -> None:
        """Publish once the writer pauses for ``debounce`` seconds."""
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        if self.pull:
            return
        loop = asyncio.get_event_loop()
        self.timers[uri] = loop.call_later(self.debounce, self.publish, uri)

    def relint_all(self) -> None:
        self.linted.clear()
        if self.pull:
            refresh = _capability(self, "workspace", "diagnostics", "refresh_support")
            if refresh:
                self.workspace_diagnostic_refresh(None)
            return
        for uri in list(self.workspace.text_documents):
            self.publish(uri)

    def reload(self) -> None:
        log.info("configuration changed: reloading")
        self.session.reload()
        self.relint_all()

    def problem(self, message: str) -> None:
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Warning, message=f"sociable: {message}")
        )


def _capability(server: SociableServer, *names: str) -> object:
    value: object = server.client_capabilities
    for name in names:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def _roots(params: types.InitializeParams) -> list[Path]:
    uris = [folder.uri for folder in params.workspace_folders or []]
    if not uris and params.root_uri:
        uris = [params.root_uri]
    paths = [to_fs_path(uri) for uri in uris]
    roots = [Path(p) for p in paths if p]
    if not roots and params.root_path:
        roots = [Path(params.root_path)]
    return roots


def create_server(options: argparse.Namespace) -> SociableServer:
    server = SociableServer(options)

    @server.feature(types.INITIALIZE)
    def initialize(ls: SociableServer, params: types.InitializeParams) -> None:
        # pygls has just made the workspace; ours counts lines as the protocol does.
        ls.protocol._workspace = LspWorkspace.like(ls.workspace)
        roots = _roots(params)
        ls.session = Session(
            roots or [Path.cwd()],
            config_path=options.config,
            isolated=options.isolated,
            problem=ls.problem,
            # Without a workspace folder there is no project to compare with (and walking
            # the folder the editor happened to start in could mean a whole home folder).
            references=bool(roots) and not options.no_workspace,
            freeze_gc=True,  # a long-lived process: see session._freeze_long_lived
        )
        ls.pull = _capability(ls, "text_document", "diagnostic") is not None

    @server.feature(types.INITIALIZED)
    def initialized(ls: SociableServer, params: types.InitializedParams) -> None:
        if _capability(ls, "workspace", "did_change_watched_files", "dynamic_registration"):
            ls.tasks.add(task := asyncio.ensure_future(_watch_config_files(ls)))
            task.add_done_callback(ls.tasks.discard)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SociableServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SociableServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SociableServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if is_config_file(to_fs_path(uri)):
            ls.reload()
            return
        # The saved draft is now part of the workspace other buffers are compared with.
        path = to_fs_path(uri)
        if path:
            ls.session.update_reference(Path(path).resolve())
        ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SociableServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        timer = ls.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        ls.linted.pop(uri, None)
        if not ls.pull:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: SociableServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [to_fs_path(change.uri) for change in params.changes]
        if any(is_config_file(p) for p in paths):
            ls.reload()
        elif paths:
            for path in paths:
                if path:
                    ls.session.update_reference(Path(path).resolve())
            ls.relint_all()

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="sociable", inter_file_dependencies=True, workspace_diagnostics=False
        ),
    )
    def pull_diagnostics(
        ls: SociableServer, params: types.DocumentDiagnosticParams
    ) -> types.FullDocumentDiagnosticReport | types.UnchangedDocumentDiagnosticReport:
        uri = params.text_document.uri
        items = ls.diagnostics(uri) or []
        linted = ls.linted.get(uri)
        result_id = f"{ls.session.generation}:{hash(linted.text) if linted else 0}"
        if params.previous_result_id == result_id:
            return types.UnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.FullDocumentDiagnosticReport(items=items, result_id=result_id)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],
        ),
    )
    def code_action(
        ls: SociableServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        linted = ls.lint(uri)
        if linted is None:
            return None
        index = convert.LineIndex(linted.text, ls.encoding)
        only = params.context.only
        actions: list[types.CodeAction] = []
        if _wants(only, types.CodeActionKind.QuickFix.value):
            ours = [d for d in params.context.diagnostics if d.source == convert.SOURCE and d.code]
            fixes = [convert.quick_fix(uri, d) for d in ours]
            # An inline comment only where the draft is the file and a comment is just a
            # comment: not in a CSV row, frontmatter, e-mail headers or the subject line.
            commentable = [
                d for d in ours
                if linted.shift is not None
                and d.range.start.line not in linted.no_comment_lines
            ]
            ignores = [convert.ignore_action(uri, d, index) for d in commentable]
            actions += [a for a in (*fixes, *ignores) if a is not None]
        if _wants(only, FIX_ALL_KIND):
            fix_all = _fix_all(ls, uri, linted, index)
            if fix_all is not None:
                actions.append(fix_all)
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: SociableServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        linted = ls.lint(uri)
        if linted is None or not linted.findings:
            return None
        index = convert.LineIndex(linted.text, ls.encoding)
        under = [
            f for f in linted.findings
            if convert.contains(convert.finding_range(f, index, linted.shift), params.position)
        ]
        if not under:
            return None
        path = to_fs_path(uri) if uri.startswith("file:") else None
        try:
            specs = ls.session.context_for(Path(path).resolve() if path else None).ruleset.specs
        except RulesUnavailable:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=convert.hover_markdown(under, specs)
            ),
            range=convert.finding_range(under[0], index, linted.shift),
        )

    return server


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a code action request filtered by ``only`` accepts actions of ``kind``
    (``source`` accepts ``source.fixAll.sociable``; no filter accepts everything)."""
    if not only:
        return True
    return any(kind == str(want) or kind.startswith(f"{want}.") for want in only)


def _fix_all(
    ls: SociableServer, uri: str, linted: Linted, index: convert.LineIndex
) -> types.CodeAction | None:
    """Every safe fix of the buffer, re-linted until stable, as one edit."""
    from sociable.fixer import choose_fixes, fix_until_stable

    if linted.shift != 0 or linted.error or not choose_fixes(linted.findings):
        return None
    path = to_fs_path(uri) if uri.startswith("file:") else None
    opened = ls.workspace.text_documents.get(uri)
    language_id = opened.language_id if opened is not None else None
    lint = ls.session.lint_for_fix(Path(path).resolve() if path else None, language_id)
    outcome = fix_until_stable(linted.text, lint, first=linted.findings)
    if not outcome.changed:
        return None
    return types.CodeAction(
        title=f"Fix all safe sociable findings ({outcome.fixed})",
        kind=FIX_ALL_KIND,
        edit=types.WorkspaceEdit(
            changes={uri: [convert.whole_text_edit(linted.text, outcome.text, index)]}
        ),
    )


async def _watch_config_files(ls: SociableServer) -> None:
    watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
    registration = types.Registration(
        id="sociable-config-watch",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
    )
    try:
        await ls.client_register_capability_async(types.RegistrationParams([registration]))
    except Exception as exc:  # the client said no: saving the file in the editor still works
        log.info("could not watch configuration files: %s", exc)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sociable lsp",
        description="Language server for editors, over stdio. See docs/editors.md.",
    )
    parser.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default)")
    parser.add_argument(
        "--config", metavar="PATH", help="use this configuration file for every draft"
    )
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--debounce", type=int, default=DEFAULT_DEBOUNCE_MS, metavar="MS",
        help=f"wait this long after a keystroke before linting (default {DEFAULT_DEBOUNCE_MS})",
    )
    parser.add_argument(
        "--no-workspace", action="store_true",
        help="do not compare open drafts with the workspace's drafts (repetition rules)",
    )
    parser.add_argument(
        "--log-level", default="warning", choices=("debug", "info", "warning", "error"),
        help="what to log on stderr (default warning)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(list(argv) if argv is not None else None)
    logging.basicConfig(
        stream=sys.stderr, level=options.log_level.upper(), format="sociable lsp: %(message)s"
    )
    create_server(options).start_io()
    return 0
