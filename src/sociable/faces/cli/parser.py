"""The argument parser every ``sociable`` subcommand builds on, apart from the dispatcher so
subcommands do not import :mod:`main` (which imports them)."""

from __future__ import annotations

import argparse
import sys


class Parser(argparse.ArgumentParser):
    """Usage errors exit with code 2 and one ``sociable: error:`` line, as ruff's do."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"sociable: error: {message}\n")
