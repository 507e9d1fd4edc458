"""``sociable rules``, ``sociable explain CODE`` and ``sociable plugins``.

Everything printed here comes from the rules themselves (their ``why``, examples and fix),
so the command-line help, ``docs/rules`` and SARIF descriptions never drift apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sociable.packs.schema import RuleSpec

if TYPE_CHECKING:
    from sociable.kinds.base import Kind


def _context(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from sociable.config import ConfigError
    from sociable.context import PluginError, load_context, resolve_config
    from sociable.packs.loader import PackError

    try:
        config = resolve_config(getattr(args, "config", None), False, Path.cwd())
        return load_context(config)
    except (ConfigError, PackError, PluginError) as exc:
        print(f"sociable: error: {exc}", file=sys.stderr)
        return None


def rule_row(spec: RuleSpec, selected: bool) -> dict[str, object]:
    return {
        "code": spec.code,
        "name": spec.name,
        "category": spec.category,
        "severity": spec.severity,
        "pack": spec.pack,
        "kind": spec.kind,
        "channels": list(spec.channels),
        "summary": spec.one_line,
        "fixable": spec.fix is not None,
        "selected": selected,
        "url": spec.url,
    }


def run_rules(args: argparse.Namespace) -> int:
    context = _context(args)
    if context is None:
        return 2
    selected = set(context.ruleset.selected)
    specs = sorted(context.ruleset.specs.values(), key=lambda s: s.code)
    if not args.all:
        specs = [s for s in specs if s.code in selected or not s.enabled]
    rows = [rule_row(spec, spec.code in selected) for spec in specs]
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif args.format == "markdown":
        sys.stdout.write("| code | name | category | severity | pack | summary |\n")
        sys.stdout.write("|---|---|---|---|---|---|\n")
        for row in rows:
            summary = str(row["summary"]).replace("|", "\\|")
            sys.stdout.write(
                f"| [{row['code']}]({row['url']}) | {row['name']} | {row['category']} "
                f"| {row['severity']} | {row['pack']} | {summary} |\n"
            )
    else:
        for row in rows:
            mark = " " if row["selected"] else "-"
            sys.stdout.write(
                f"{mark}{row['code']:<7} {row['name']:<30} {row['category']:<19} "
                f"{row['severity']:<8} {row['summary']}\n"
            )
    return 0


def explain_text(spec: RuleSpec, kind: Kind | None = None) -> str:
    """A rule's whole documentation, as ``explain`` prints it and ``docs/rules`` stores it.

    ``kind`` (the rule's registered kind) may describe the rule in words (:meth:`Kind.describe`:
    a shape rule's sentence shapes)."""
    from sociable.faces.cli.rule_doc import rule_page

    return rule_page(spec, kind.describe(spec) if kind is not None else None)


#: Letters that read as digits in a rule code: O for 0, I and L for 1.
_DIGIT_LOOKALIKES = str.maketrans("OIL", "011")


def run_explain(args: argparse.Namespace) -> int:
    context = _context(args)
    if context is None:
        return 2
    code = args.code.strip().upper()
    specs = context.ruleset.specs
    spec = specs.get(code) or next((s for s in specs.values() if s.name == args.code), None)
    if spec is None:
        import difflib

        close = difflib.get_close_matches(code, list(specs), n=3)
        # A letter typed for a look-alike digit ("EB1O1") is the likeliest slip: that code first.
        prefix = len(code) - len(code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        lookalike = code[:prefix] + code[prefix:].translate(_DIGIT_LOOKALIKES)
        if lookalike != code and lookalike in specs:
            close = [lookalike, *(c for c in close if c != lookalike)][:3]
        hint = f" Did you mean {', '.join(close)}?" if close else " See `sociable rules`."
        print(f"sociable: error: no rule {args.code!r}.{hint}", file=sys.stderr)
        return 2
    kind = context.ruleset.kinds.get(spec.kind)
    sys.stdout.write(explain_text(spec, kind))
    # A kind may add what depends on this configuration (grammar: which backend runs).
    note = kind.explain_note(spec, context.ruleset.settings) if kind else None
    if note:
        sys.stdout.write("\n" + note + "\n")
    return 0


def run_plugins(args: argparse.Namespace) -> int:
    from sociable.plugins.manager import blocked_plugins, get_plugin_manager, plugin_infos

    manager = get_plugin_manager()
    for info in plugin_infos(manager):
        sys.stdout.write(f"{info.name:<20} {info.distribution} {info.version}\n")
    for name in blocked_plugins():
        sys.stdout.write(f"{name:<20} (blocked by SOCIABLE_DISABLE_PLUGINS)\n")
    return 0
