"""``sociable check``'s entry: set the run up, then check (:mod:`check`) or fix (:mod:`fix_cmd`).

The dispatcher lives apart from both so that neither imports the other.
"""

from __future__ import annotations

import argparse

from sociable.faces.cli.check import CheckApp
from sociable.faces.cli.exits import EXIT_ERROR


def run_check(args: argparse.Namespace) -> int:
    app = CheckApp(args)
    if not app.initialize():
        return EXIT_ERROR
    from sociable.faces.cli.startup import resume_gc

    resume_gc()  # start-up is over: drafts may make cycles worth collecting
    from sociable import regex_cache

    try:
        if args.fix or args.diff:
            from sociable.faces.cli.fix_cmd import run_fix

            return run_fix(app)
        if app.format_name == "text" and not args.quiet:  # only the text summary says it
            app.count_fixes = _count_fixes
        app.run_checks(stream=True)
        return app.report()
    finally:
        regex_cache.save()  # the next run skips compiling what this one compiled


def _count_fixes(app: CheckApp, paths: list[str]) -> int:
    """What ``--fix`` would fix in ``paths``; the fixer is imported only when there are any."""
    if not paths:
        return 0
    from sociable.faces.cli.fix_cmd import count_fixes

    return count_fixes(app, paths)
