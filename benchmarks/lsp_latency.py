"""Re-lint latency while typing a 3,000-character post: target <= 20 ms per change.

Three measurements over the same edits (one character typed at a time, at a moving spot):

* ``engine``: ``Document.from_text`` + ``engine.check_document`` with the built-in rules, the
  pure per-draft work the server repeats on every change;
* ``session``: what the server's handler runs (reader, lint, ``finish`` with the workspace's
  drafts as references, conversion to LSP diagnostics) in a session made as the server makes
  it (``freeze_gc``, where the tree has it), without JSON-RPC; ``session channel``
  the same post with ``channel: linkedin-post`` in its frontmatter, as a writer who names the
  platform has it (the platform's rules run too, its 3,000-character limit among them);
* ``round trip``: the real ``sociable lsp`` in a subprocess, ``didChange`` then a pulled
  ``textDocument/diagnostic``, measured at the client (JSON over pipes included);
* ``grammar``: the grammar rules alone (``GR``, Harper in process, linter built and warmed
  first), as the server runs them on every change: only the edited paragraph is read again;
  ``grammar cold`` forgets every paragraph before each change, so Harper reads the whole post
  (the cost of a first open, or of pasting a new post).

Wall-clock times grow on a busy machine; the ``cpu`` lines (thread CPU time) do not, so
compare those between runs.

    python benchmarks/lsp_latency.py [--changes N] [--no-server] [--grammar-only] [--only LINE]
                                     [--parts] [--no-memo]

``--only session-channel`` (or ``session``, ``engine``, ``grammar``) times that line alone, in
a fresh process: Harper's own caches (in Rust, out of Python's reach) then hold only the
first state's sentences, where a line run after the others meets the sentences their edits
made, as every line types the same edits.

The debounce (200 ms by default) is not counted: it is waiting for the writer to pause.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGET_MS = 20.0

PARAGRAPHS = [
    "Three years ago our logistics team spent every Monday reconciling depot spreadsheets by "
    "hand. 📦 Last quarter we cut that to twenty minutes, and the interesting part is not "
    "the tool we bought.",
    "What changed: we stopped asking drivers to fill in a form at the end of the shift and "
    "started reading the scanner logs they already produce. The data was there all along; we "
    "had just never asked who owned it. 🚚",
    "Three things I would tell anyone starting the same project:\n"
    "- Find the report people already trust and start from its numbers, not from a new one.\n"
    "- Put one person from the night shift in every design review. They know where it breaks.\n"
    "- Measure the hours you give back, not the dashboards you ship. 📊",
    "We still get it wrong. The Denver depot had a week of double-counted pallets because a "
    "scanner firmware update changed a date format, and nobody noticed until a customer did.",
    "If you run operations at a regional carrier, I would like to hear how you handle "
    "late-night exceptions: do you page someone, or wait for the morning stand-up? 🤔",
    "#logistics #operations #dataengineering",
]


#: Frontmatter naming the platform, for the ``session channel`` lines.
CHANNEL_HEADER = "---\nchannel: linkedin-post\n---\n"


def make_post(size: int = 3000) -> str:
    text = ""
    index = 0
    while len(text) < size:
        text += PARAGRAPHS[index % len(PARAGRAPHS)] + "\n\n"
        index += 1
    return text[:size].rstrip() + "\n"


def edits(text: str, count: int) -> list[str]:
    """Successive buffer states: one letter typed at a time, the caret moving through."""
    states = []
    caret = len(text) // 3
    for step in range(count):
        text = text[:caret] + "abcdefghij"[step % 10] + text[caret:]
        caret = (caret + 37) % len(text)
        states.append(text)
    return states


def summarize(name: str, samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    verdict = "ok" if p95 <= TARGET_MS else "OVER TARGET"
    return (f"{name:<16} median {statistics.median(ms):6.2f} ms   p95 {p95:6.2f} ms   "
            f"max {ms[-1]:6.2f} ms   ({len(ms)} changes, target <= {TARGET_MS:g} ms: {verdict})")


def forget_grammar() -> None:
    """Forget Harper's paragraphs and spelling verdicts (the backend is one per process): every
    measurement types the same edits, and without this each one after the first found every
    edited paragraph and typed word already read, which typing never does."""
    from sociable.grammar import harper
    from sociable.grammar.base import backends

    forget = getattr(backends().get("harper"), "clear_cache", None)
    if forget is not None:
        forget()
    harper._WORDS.clear()  # what an older tree's clear_cache kept, so trees compare alike


def timed(states: list[str], call: Callable[[str], object]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds per call; CPU time is what a busy machine does not inflate.
    Harper starts with only the first state's paragraphs read (:func:`forget_grammar`)."""
    forget_grammar()
    call(states[0])  # warm up: rules prepare on first use
    wall, cpu = [], []
    for state in states:
        started, started_cpu = time.perf_counter(), time.thread_time()
        call(state)
        wall.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
    return wall, cpu


def bench_engine(states: list[str]) -> tuple[list[float], list[float]]:
    from sociable.config import Config
    from sociable.context import load_context
    from sociable.document import Document
    from sociable.engine import check_document

    ruleset = load_context(Config()).ruleset
    return timed(states, lambda text: check_document(
        Document.from_text(text, "post.md", channel="linkedin-post"), ruleset))


def bench_grammar(states: list[str], cold: bool = False) -> tuple[list[float], list[float]]:
    from sociable.config import Config
    from sociable.context import load_context
    from sociable.document import Document
    from sociable.engine import check_document
    from sociable.grammar.base import choose

    ruleset = load_context(Config(grammar_backend="harper")).ruleset
    ruleset.selected = [code for code in ruleset.selected if code.startswith("GR")]
    backend = choose(ruleset.settings)
    if backend is None or not backend.usable(ruleset.settings):
        raise SystemExit("grammar: Harper is not installed (pip install harper-py)")
    forget = getattr(backend, "clear_cache", None)

    def call(text: str) -> None:
        if cold and forget:
            forget()
        check_document(Document.from_text(text, "post.md", channel="linkedin-post"), ruleset)

    return timed(states, call)


#: ``--no-memo``: sessions scan every paragraph and search every sentence again
#: (``Session.memos`` off), to time the session's memos against their absence in one tree.
MEMO = True


def server_session(folder: Path) -> Any:
    """A session made as the server makes it (a tree before ``freeze_gc`` has no such option)."""
    import inspect

    from sociable.faces.lsp.session import Session

    if "freeze_gc" in inspect.signature(Session).parameters:
        session = Session([folder], freeze_gc=True)
    else:
        session = Session([folder])
    if not MEMO:
        session.memos = False
    return session


def bench_session(states: list[str], folder: Path) -> tuple[list[float], list[float]]:
    from sociable.faces.lsp import convert

    session = server_session(folder)
    path = folder / "post.md"

    def call(text: str) -> None:
        linted = session.lint(text, path)
        assert linted is not None
        index = convert.LineIndex(text)
        [convert.to_diagnostic(f, index, linted.shift) for f in linted.findings]

    return timed(states, call)


async def bench_server(states: list[str], folder: Path) -> list[float]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("latency-bench", "1")
    await client.start_io(sys.executable, "-m", "sociable", "lsp")
    caps = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities()
        )
    )
    await client.initialize_async(
        types.InitializeParams(capabilities=caps, root_uri=folder.as_uri())
    )
    client.initialized(types.InitializedParams())
    uri = (folder / "post.md").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri, "markdown", 1, states[0])))
    identifier = types.TextDocumentIdentifier(uri)
    await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(identifier))
    samples = []
    for version, state in enumerate(states, 2):
        started = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=state)],
        ))
        await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(identifier))
        samples.append(time.perf_counter() - started)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return samples


ONLY = ("grammar", "engine", "session", "session-channel")


def parts(states: list[str]) -> int:
    """Where the ``session channel`` line's CPU goes: each rule kind's ``check`` and
    ``signature`` and Harper's two calls, timed by wrappers (``time.thread_time``, no
    profiler, whose cost falls on Python code and not on Harper's Rust)."""
    from collections import Counter

    from sociable.faces.lsp import convert
    from sociable.grammar import harper

    spent: Counter[str] = Counter()

    def wrapped(
        label: str, call: Callable[..., object], listed: bool = False
    ) -> Callable[..., object]:
        def timed_call(*args: object, **kwargs: object) -> object:
            started = time.thread_time()
            try:
                result = call(*args, **kwargs)
                return list(result) if listed else result  # type: ignore[call-overload]
            finally:
                spent[label] += time.thread_time() - started

        return timed_call

    states = [CHANNEL_HEADER + state for state in states]
    with tempfile.TemporaryDirectory() as tmp:
        session, path = server_session(Path(tmp)), Path(tmp) / "post.md"
        ruleset = session.context_for(path).ruleset
        for kind in {id(k): k for k in ruleset.kinds.values()}.values():
            kind.check = wrapped(f"kind {kind.name}", kind.check, listed=True)
            if getattr(kind, "corpus", False):
                kind.signature = wrapped(f"signature {kind.name}", kind.signature)
        forget_grammar()
        session.lint(states[0], path)
        for key, linter in list(harper._LINTERS.items()):  # (a Linter's methods are read-only)
            call = "organized_lints" if ":" not in key else "lint"
            timed_call = wrapped(f"  Harper {key} {call}", getattr(linter, call))
            harper._LINTERS[key] = type("Timed", (), {call: staticmethod(timed_call)})()
        spent.clear()  # the warm-up built the linters
        total = 0.0
        for state in states:
            started = time.thread_time()
            linted = session.lint(state, path)
            assert linted is not None
            index = convert.LineIndex(state)
            [convert.to_diagnostic(f, index, linted.shift) for f in linted.findings]
            total += time.thread_time() - started
    count = len(states)
    print(f"session channel: {total / count * 1000:.2f} ms CPU a re-lint (mean), of which:")
    for label, seconds in spent.most_common():
        print(f"  {label:<40} {seconds / count * 1000:6.2f} ms")
    return 0


def only(line: str, states: list[str]) -> int:
    """One line of :func:`main`, alone in this process."""
    with tempfile.TemporaryDirectory() as tmp:
        if line == "grammar":
            wall, cpu = bench_grammar(states)
        elif line == "engine":
            wall, cpu = bench_engine(states)
        elif line == "session":
            wall, cpu = bench_session(states, Path(tmp))
        else:
            wall, cpu = bench_session([CHANNEL_HEADER + state for state in states], Path(tmp))
    name = line.replace("-", " ")
    print(summarize(name, wall))
    print(summarize(f"{name} cpu", cpu))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=300, help="edits to time (default 300)")
    parser.add_argument("--no-server", action="store_true", help="skip the round trip")
    parser.add_argument("--grammar-only", action="store_true", help="only the grammar lines")
    parser.add_argument("--only", choices=ONLY, help="time this line alone (see above)")
    parser.add_argument(
        "--parts",
        action="store_true",
        help="the session channel line's CPU by rule kind and Harper call",
    )
    parser.add_argument(
        "--no-memo", action="store_true",
        help="sessions without their paragraph and shape memos (Session.memos)",
    )
    args = parser.parse_args(argv)
    global MEMO
    MEMO = not args.no_memo
    post = make_post()
    states = edits(post, args.changes)
    print(f"post: {len(post)} characters, {post.count(chr(10)) + 1} lines; "
          f"{args.changes} single-character changes")
    if args.parts:
        return parts(states)
    if args.only:
        return only(args.only, states)
    wall, cpu = bench_grammar(states)
    print(summarize("grammar", wall))
    print(summarize("grammar cpu", cpu))
    wall, cpu = bench_grammar(states[: max(1, args.changes // 5)], cold=True)
    print(summarize("grammar cold", wall))
    print(summarize("grammar cold cpu", cpu))
    if args.grammar_only:
        return 0
    wall, cpu = bench_engine(states)
    print(summarize("engine", wall))
    print(summarize("engine cpu", cpu))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wall, cpu = bench_session(states, folder)
        print(summarize("session", wall))
        print(summarize("session cpu", cpu))
        wall, cpu = bench_session([CHANNEL_HEADER + state for state in states], folder)
        print(summarize("session channel", wall))
        print(summarize("session channel cpu", cpu))
        if not args.no_server:
            print(summarize("round trip", asyncio.run(bench_server(states, folder))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
