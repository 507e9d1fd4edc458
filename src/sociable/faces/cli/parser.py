"""The argument parser every ``sociable`` subcommand builds on, apart from the dispatcher so
subcommands do not import :mod:`main` (which imports them)."""

from __future__ import annotations

import argparse
import gettext
import os
import sys
from typing import Any


class _OneLookup:
    """argparse's ``_``/``ngettext``, with the message catalogue looked up once per process.

    argparse translates each of its strings through :func:`gettext.gettext`, which looks the
    catalogue up again on every call (a search of the locale folders, ``locale`` and ``errno``
    imported on the way): building the command line made some 60 such searches, most of the
    parser's 5-6 ms. The catalogue found first is the one every later search would find, so
    the answers are the same (``gettext.dgettext`` with the current domain, as argparse asks).
    """

    def __init__(self) -> None:
        self._catalogue: gettext.NullTranslations | None = None

    def catalogue(self) -> gettext.NullTranslations:
        if self._catalogue is None:
            domain = gettext.textdomain()
            folder = gettext.bindtextdomain(domain)
            if _no_catalogue_in(folder):
                self._catalogue = gettext.NullTranslations()  # what the search would return
            else:
                self._catalogue = gettext.translation(domain, folder, fallback=True)
        return self._catalogue

    def gettext(self, message: str) -> str:
        return self.catalogue().gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.catalogue().ngettext(singular, plural, count)


def _no_catalogue_in(folder: str | None) -> bool:
    """Whether :func:`gettext.find` can only come back empty: it looks for
    ``<folder>/<language>/LC_MESSAGES/<domain>.mo``, and with no such folder (an interpreter
    built without one, as most are) there is none, whatever the language. Answering that
    here spares importing :mod:`locale` (1-1.5 ms), which the search imports to spell the
    languages out. A language variable holding a path separator might point the search
    elsewhere: then the search runs as before."""
    if folder is None or os.path.isdir(folder):
        return False
    separators = tuple(sep for sep in (os.sep, os.altsep) if sep)
    languages = (os.environ.get(name, "") for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"))
    return not any(sep in value for value in languages for sep in separators)


_lookup = _OneLookup()
argparse._ = _lookup.gettext  # type: ignore[attr-defined]
argparse.ngettext = _lookup.ngettext  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """Usage errors exit with code 2 and one ``sociable: error:`` line, as ruff's do."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"sociable: error: {message}\n")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        self._adding = "argument"
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._adding = ""

    def add_subparsers(self, **kwargs: Any) -> Any:
        self._adding = "subparsers"  # its formatter only spells "sociable" for the subcommands' prog
        try:
            return super().add_subparsers(**kwargs)
        finally:
            self._adding = ""

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse builds a help formatter for every add_argument only to check the metavar,
        # and each one asks shutil for the terminal's width: a fixed width does for the check
        # and keeps shutil (with bz2 and lzma) out of a run that prints no help. That check
        # (``_format_args``) reads only the action, so one formatter serves every argument
        # (43 made, each compiling two patterns through re's cache, were about 1 ms); the
        # subcommands' program prefix is formatted into a fresh one, as it fills it.
        adding = getattr(self, "_adding", "")
        if adding == "argument":
            return _METAVAR_CHECK
        if adding:
            return argparse.HelpFormatter(prog=self.prog, width=80)
        return super()._get_formatter()


_METAVAR_CHECK = argparse.HelpFormatter(prog="sociable", width=80)
