"""``sociable check --fix`` and ``--diff``: rewrite drafts, or show how they would change.

The normal check runs first and says which files have fixes worth trying; each of those is
then read as bytes, fixed in memory until stable (:mod:`sociable.fixer`) and written back in
its own encoding, BOM and line endings, atomically. Afterwards the normal check runs again, so
what remains is reported exactly as ``sociable check`` reports it, cross-draft findings
included. Like ruff:

* ``--diff`` prints a unified diff, changes nothing, exits 1 when there would be changes;
* ``--fix`` with ``-`` reads stdin and writes the fixed draft to stdout (findings to stderr);
* only files read in place are rewritten: a draft taken out of an export (a CSV row) or
  decoded from a MIME e-mail has no offsets in the file, so its fixes stay suggestions.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from sociable.faces.cli.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from sociable.findings import Applicability, Finding
from sociable.fixer import (
    EncodedText,
    FixError,
    FixOutcome,
    applicable,
    fix_until_stable,
    unified_diff,
    write_atomic,
)

if TYPE_CHECKING:
    from sociable.faces.cli.check import CheckApp


class NotInPlace(FixError):
    """The reader does not read this file as one draft at the file's own offsets."""


@dataclass
class DraftFixer:
    """Lints one file's text on its own, for the fix loop, with the run's configuration."""

    app: CheckApp

    def lint_for(self, display: str, relative: str) -> Callable[[str], list[Finding]]:
        from sociable.pipeline import Source, finish_run, lint_source, reader_for

        context, config = self.app.context, self.app.config
        readers = context.readers()
        reader = reader_for(display, readers)

        def lint(text: str) -> list[Finding]:
            outcome = lint_source(
                Source(text, display, relative), context.ruleset, readers, config,
                reader=reader, keep_documents=True,
            )
            if outcome.error is not None:
                raise ValueError(outcome.error.removeprefix(f"{display}: "))
            documents = outcome.documents
            if len(documents) != 1 or documents[0].text != text or documents[0].line_base:
                raise NotInPlace(
                    f"{display}: drafts read by the {reader.name!r} reader are not stored as "
                    "written, so their fixes are not applied; edit them by hand"
                )
            return finish_run(outcome.results, context.ruleset, readers)

        return lint

    def fix(self, display: str, relative: str, encoded: EncodedText) -> FixOutcome:
        return fix_until_stable(
            encoded.text, self.lint_for(display, relative), unsafe=self.app.args.unsafe_fixes
        )


def run_fix(app: CheckApp) -> int:
    """Entry point from :func:`sociable.faces.cli.check.run_check`."""
    args = app.args
    files = [p for p in app.paths if p != "-"]
    reads_stdin = "-" in app.paths
    if args.diff:
        return _run_diff(app, files, reads_stdin)
    if reads_stdin:
        if files:
            app.error("--fix with '-' writes the fixed draft to stdout; lint files in another run")
            return EXIT_ERROR
        return _fix_stdin(app)
    return _fix_files(app, files)


# --- the fixable count of a plain check ------------------------------------------------------


def count_fixes(app: CheckApp, paths: list[str] | None = None) -> int:
    """How many fixes ``--fix`` (and ``--diff``) would apply to the checked drafts, every pass
    counted, so the check's "N fixable" and "Would fix N" agree (issue 15, item 7).

    A fix that collides with another is offered only once that one is applied; counting the
    first pass alone said 2 where ``--fix`` fixed 3. Only drafts with a fix now are re-linted,
    with the same loop ``--fix`` runs; a draft ``--fix`` would not rewrite counts nothing.
    ``paths`` are those drafts when the report was streamed (``app.findings`` is not kept).
    """
    fixer = DraftFixer(app)
    stdin_name, stdin_relative = _stdin_name(app)
    total = 0
    for path in _candidates(app) if paths is None else paths:
        try:
            if "-" in app.paths and path == stdin_name and app.stdin_text is not None:
                outcome = fix_until_stable(
                    app.stdin_text, fixer.lint_for(stdin_name, stdin_relative),
                    unsafe=app.args.unsafe_fixes,
                )
            else:
                from sociable.discover import relative_to

                encoded = EncodedText.from_bytes(Path(path).read_bytes(), path)
                outcome = fixer.fix(path, relative_to(Path(path), app.config.root), encoded)
        except (OSError, ValueError, FixError):  # NotInPlace too: --fix leaves such drafts
            continue
        total += outcome.fixed
    return total


# --- --fix on files ---------------------------------------------------------------------------


def _candidates(app: CheckApp) -> list[str]:
    """Paths with at least one fix that this run may apply, in report order."""
    unsafe = app.args.unsafe_fixes
    paths: dict[str, None] = {}
    for finding in app.findings:
        if applicable(finding.fix, unsafe):
            paths.setdefault(finding.path, None)
    return list(paths)


def _read(app: CheckApp, path: str) -> tuple[bytes, EncodedText] | None:
    try:
        data = Path(path).read_bytes()
        return data, EncodedText.from_bytes(data, path)
    except OSError as exc:
        app.error(f"{path}: cannot read: {exc.strerror or exc}")
    except FixError as exc:
        app.error(str(exc))
    return None


def _fix_one(app: CheckApp, fixer: DraftFixer, path: str) -> tuple[EncodedText, FixOutcome] | None:
    from sociable.discover import relative_to

    read = _read(app, path)
    if read is None:
        return None
    _, encoded = read
    try:
        outcome = fixer.fix(path, relative_to(Path(path), app.config.root), encoded)
    except NotInPlace as exc:
        _note(app, str(exc))
        return None
    except ValueError as exc:  # the draft itself does not parse; the check already said so
        app.error(f"{path}: {exc}")
        return None
    if outcome.problem:
        app.stderr.write(f"sociable: warning: {path}: {outcome.problem}\n")
    return encoded, outcome


def _fix_files(app: CheckApp, files: list[str]) -> int:
    app.run_checks()
    fixer = DraftFixer(app)
    fixed = 0
    for path in _candidates(app):
        result = _fix_one(app, fixer, path)
        if result is None:
            continue
        encoded, outcome = result
        if not outcome.changed:
            continue
        try:
            # Someone saved the file while we worked: theirs wins, ours is redone next run.
            if Path(path).read_bytes() != encoded.to_bytes(encoded.text):
                app.error(f"{path}: changed while being fixed; run --fix again")
                continue
            write_atomic(path, encoded.to_bytes(outcome.text))
        except OSError as exc:
            app.error(f"{path}: cannot write the fixed draft: {exc.strerror or exc}")
            continue
        fixed += outcome.fixed
    if fixed:
        app.run_checks()  # report what is left exactly as a plain check would
    code = app.report()
    _summary(app, fixed, app.findings, _fixed_stream(app))
    return code


def _fixed_stream(app: CheckApp) -> TextIO:
    # Machine-readable output on stdout must stay parseable: the summary then goes to stderr.
    if app.format_name == "text" and not app.args.output_file:
        return app.stdout
    return app.stderr


def _summary(app: CheckApp, fixed: int, remaining: list[Finding], stream: TextIO) -> None:
    if app.args.quiet:
        return
    if fixed:
        noun = "finding" if fixed == 1 else "findings"
        stream.write(f"Fixed {fixed} {noun} ({len(remaining)} remaining).\n")
    if not app.args.unsafe_fixes:
        hidden = sum(
            1 for f in remaining
            if f.fix is not None and f.fix.applicability is Applicability.UNSAFE
        )
        if hidden:
            noun = "fix is" if hidden == 1 else "fixes are"
            stream.write(f"{hidden} more {noun} available with `--fix --unsafe-fixes`.\n")


def _note(app: CheckApp, message: str) -> None:
    app.stderr.write(f"sociable: note: {message}\n")


# --- stdin ------------------------------------------------------------------------------------


def _stdin_name(app: CheckApp) -> tuple[str, str]:
    from sociable.discover import relative_to

    name = app.args.stdin_filename or "-"
    relative = relative_to(Path(name), app.config.root) if app.args.stdin_filename else name
    return name, relative


def _read_stdin(app: CheckApp) -> tuple[bytes, EncodedText] | None:
    data = sys.stdin.buffer.read()
    name, _ = _stdin_name(app)
    try:
        return data, EncodedText.from_bytes(data, name)
    except FixError as exc:
        app.error(str(exc))
        return None


def _fix_stdin_text(app: CheckApp, encoded: EncodedText) -> FixOutcome | None:
    name, relative = _stdin_name(app)
    lint = DraftFixer(app).lint_for(name, relative)
    try:
        return fix_until_stable(encoded.text, lint, unsafe=app.args.unsafe_fixes)
    except NotInPlace as exc:
        _note(app, str(exc))
    except ValueError as exc:
        app.error(f"{name}: {exc}")
    return None


def _fix_stdin(app: CheckApp) -> int:
    read = _read_stdin(app)
    if read is None:
        return EXIT_ERROR
    data, encoded = read
    outcome = _fix_stdin_text(app, encoded)
    out = encoded.to_bytes(outcome.text) if outcome is not None else data
    buffer = getattr(app.stdout, "buffer", None)
    if buffer is not None:
        app.stdout.flush()
        buffer.write(out)
        buffer.flush()
    else:
        app.stdout.write(outcome.text if outcome is not None else encoded.text)
    if outcome is None:
        return EXIT_ERROR if app.had_errors else EXIT_CLEAN
    # What is left goes to stderr in the normal format: stdout is the draft.
    name, _ = _stdin_name(app)
    remaining = outcome.remaining or []
    app.use_results(remaining, 1, {name: outcome.text.split("\n")})
    code = app.report(app.stderr)
    _summary(app, outcome.fixed, remaining, app.stderr)
    return code


# --- --diff -----------------------------------------------------------------------------------


def _run_diff(app: CheckApp, files: list[str], reads_stdin: bool) -> int:
    changed_drafts = fixes = 0
    if reads_stdin:
        read = _read_stdin(app)
        outcome = _fix_stdin_text(app, read[1]) if read is not None else None
        if read is not None and outcome is not None and outcome.changed:
            name, _ = _stdin_name(app)
            app.stdout.write(unified_diff(read[1].text, outcome.text, name))
            changed_drafts, fixes = 1, outcome.fixed
    if files:
        app.run_checks(files)
        fixer = DraftFixer(app)
        for path in _candidates(app):
            result = _fix_one(app, fixer, path)
            if result is None or not result[1].changed:
                continue
            encoded, outcome = result
            app.stdout.write(unified_diff(encoded.text, outcome.text, path))
            changed_drafts += 1
            fixes += outcome.fixed
    if not app.args.quiet:
        if fixes:
            noun = "finding" if fixes == 1 else "findings"
            drafts = "draft" if changed_drafts == 1 else "drafts"
            app.stderr.write(f"Would fix {fixes} {noun} in {changed_drafts} {drafts}.\n")
        else:
            app.stderr.write("No fixes available.\n")
    if app.had_errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if fixes else EXIT_CLEAN
