"""``sociable clean``: delete the cache folder (cached packs and results), like ``ruff clean``.

The folder is the one ``sociable check`` would use from here: ``--cache-dir``, else
``SOCIABLE_CACHE_DIR``, else the configuration's ``cache-dir``, else ``.sociable_cache`` next
to the configuration. Because that path comes from settings a typo could point anywhere, a
folder holding anything a sociable cache never holds is left alone, with exit code 2.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    from sociable.faces.cli.parser import Parser

    parser = Parser(prog="sociable clean", description="Delete sociable's cache folder.")
    parser.add_argument("--config", metavar="PATH", help="use this configuration file")
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument("--cache-dir", metavar="PATH", help="the cache folder to delete")
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing on success")
    return parser


def main(argv: Sequence[str]) -> int:
    from sociable.cache import CACHE_ENTRIES, cache_root
    from sociable.config import ConfigError
    from sociable.context import resolve_config

    args = build_parser().parse_args(list(argv))
    try:
        config = resolve_config(args.config, args.isolated, Path.cwd())
    except ConfigError as exc:
        print(f"sociable: error: {exc}", file=sys.stderr)
        return 2
    folder = cache_root(config, args.cache_dir)
    if not folder.exists():
        if not args.quiet:
            print(f"sociable: no cache at {folder}")
        return 0
    if not folder.is_dir():
        print(f"sociable: error: {folder} is not a folder; check cache-dir", file=sys.stderr)
        return 2
    strangers = sorted(p.name for p in folder.iterdir() if p.name not in CACHE_ENTRIES)
    if strangers:
        shown = ", ".join(strangers[:3]) + (", ..." if len(strangers) > 3 else "")
        print(
            f"sociable: error: {folder} holds files a sociable cache does not ({shown}); "
            "not deleting it: check cache-dir, or delete it by hand",
            file=sys.stderr,
        )
        return 2
    try:
        shutil.rmtree(folder)
    except OSError as exc:
        print(f"sociable: error: cannot delete {folder}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"sociable: removed {folder}")
    return 0
