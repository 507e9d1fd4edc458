"""The ``sociable`` command: parse arguments, dispatch to a subcommand, return an exit code.

Exit codes follow ruff: 0 clean, 1 findings, 2 usage, configuration, pack or input errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from sociable import __version__
from sociable.faces.cli.parser import Parser

__all__ = ["Parser", "build_parser", "main", "run"]

SUBCOMMANDS = ("check", "rules", "explain", "plugins", "lsp", "init", "clean")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="sociable",
        description="Lint outreach drafts for the habits that make social media anti-social.",
    )
    parser.add_argument("--version", action="version", version=f"sociable {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    check = sub.add_parser("check", help="lint drafts (files, folders, or - for stdin)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    check.add_argument("--config", metavar="PATH", help="use this configuration file")
    check.add_argument("--isolated", action="store_true", help="ignore configuration files")
    check.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to enable")
    check.add_argument("--extend-select", metavar="CODES", help="codes or prefixes to add to the selection")
    check.add_argument("--ignore", metavar="CODES", help="codes or prefixes to disable")
    check.add_argument("--channel", help="channel of drafts that name none (e.g. linkedin-connect)")
    check.add_argument("--exclude", metavar="GLOBS", help="comma-separated globs to skip (replaces the defaults)")
    check.add_argument("--extend-exclude", metavar="GLOBS", help="globs to skip on top of the defaults")
    check.add_argument("--no-gitignore", action="store_true", help="do not honour .gitignore files")
    check.add_argument(
        "--force-exclude", action="store_true",
        help="apply exclude to files named on the command line too (for pre-commit)",
    )
    check.add_argument("--stdin-filename", metavar="NAME", help="the name of the draft read from stdin")
    check.add_argument(
        "--output-format", "--format", dest="output_format", metavar="FORMAT",
        help="text (default), json, json-lines, sarif or github",
    )
    check.add_argument("--output-file", "-o", metavar="PATH", help="write findings to this file")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--show-source", action="store_true", help="show the line each finding is on")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    color = check.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_const", const=True, help="always colour")
    color.add_argument("--no-color", dest="color", action="store_const", const=False, help="never colour")
    check.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write cached results")
    check.add_argument("--cache-dir", metavar="PATH", help="where to keep the cache (default .sociable_cache)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff, apply unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff, change nothing")
    check.add_argument("--history", action="append", metavar="PATH", help="already-sent messages to compare with")
    check.add_argument(
        "--compare-with", action="append", metavar="PATH",
        help="drafts to compare with but not lint (pre-commit: --compare-with .)",
    )
    check.add_argument("--languagetool", metavar="URL", help="LanguageTool server for grammar rules")
    check.add_argument("--vale-config", metavar="PATH", help="run the Vale styles of this .vale.ini too")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", "--output-format", dest="format", choices=("text", "json", "markdown"), default="text")
    rules.add_argument("--config", metavar="PATH", help="use this configuration file")
    rules.add_argument("--all", action="store_true", help="also list rules that are not selected")

    explain = sub.add_parser("explain", help="why a rule exists, examples and fix")
    explain.add_argument("code", metavar="CODE")
    explain.add_argument("--config", metavar="PATH", help="use this configuration file")

    sub.add_parser("plugins", help="list the plugins found and their versions")
    # Listed for --help only: `sociable lsp ...` is dispatched before parsing (see main).
    sub.add_parser("lsp", help="language server for editors, over stdio (docs/editors.md)")
    # Also dispatched before parsing, with parsers of their own (init_cmd.py, clean_cmd.py).
    sub.add_parser("init", help="write a starter configuration, print the pre-commit snippet")
    sub.add_parser("clean", help="delete the cache folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from sociable.faces.cli import startup

    startup.pause_gc()  # back on before the first draft is linted (startup.py says why)
    try:
        return _main(argv)
    finally:
        startup.release()


def run() -> NoReturn:
    """The console script and ``python -m sociable``: :func:`main`, then the exit code.

    After a one-draft ``check`` has printed its findings, the interpreter's own shutdown
    (tearing down some 180 modules and every object start-up built, one by one, memory the
    system takes back anyway) was about 9 ms of CPU of a 110 ms run. So once ``main`` has
    returned, output is flushed and the ``atexit`` handlers run, and the process ends at once
    (:func:`exit_now`). :func:`main` itself never does this: tests and tools that call it
    live on.
    """
    code = main()
    exit_now(code)
    raise SystemExit(code)  # exit_now declined: the interpreter shuts down as usual


def exit_now(code: int) -> None:
    """End the process with ``code`` without the interpreter's teardown, when that is safe.

    Safe means: no thread but this one is alive (a worker pool's or the language server's
    threads would be joined by a normal exit), both output streams flush, and every
    ``atexit`` handler has run (logging's, multiprocessing's, the start-up freeze). Otherwise
    it returns, and the caller exits the ordinary way, with the ordinary messages (a broken
    pipe, say).
    """
    import atexit
    import os

    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed or broken stream: let Python report it
        return
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):  # what a handler printed
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # `sociable drafts/` is read as `sociable check drafts/`, like ruff's old default.
    if args_list and args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-"):
        args_list.insert(0, "check")
    if args_list and args_list[0] == "lsp":
        from sociable.faces.cli.startup import resume_gc
        from sociable.faces.lsp.server import main as lsp_main

        resume_gc()  # a server lives on: it collects as usual
        return lsp_main(args_list[1:])
    if args_list and args_list[0] == "init":
        from sociable.faces.cli.init_cmd import main as init_main

        return init_main(args_list[1:])
    if args_list and args_list[0] == "clean":
        from sociable.faces.cli.clean_cmd import main as clean_main

        return clean_main(args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        if args.command == "check":
            from sociable.faces.cli.check_cmd import run_check

            return run_check(args)
        if args.command in ("rules", "explain", "plugins"):
            from sociable.faces.cli import rule_cmd

            return int(getattr(rule_cmd, f"run_{args.command}")(args))
        parser.print_help()
        return 2
    except KeyboardInterrupt:
        print("sociable: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `sociable check | head`: stop quietly, as Unix tools do.
        sys.stderr.close()
        return 1


if __name__ == "__main__":
    run()
