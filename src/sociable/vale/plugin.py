"""The Vale plugin: kinds, the ``vale-line`` format, an ``.rst`` reader and the rules of the
``.vale.ini`` the configuration names, all through sociable's public hooks.

Registered as the ``vale`` entry point of the ``sociable`` group, exactly as a third-party
plugin would be; nothing here is imported unless a hook is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sociable.plugins.markers import hookimpl

if TYPE_CHECKING:
    from sociable.faces.formatters.base import Formatter
    from sociable.readers.base import Reader
    from sociable.vale.kinds.base import ValeKind

#: Kind name -> "module:Class" under sociable.vale.kinds.
KINDS = {
    "vale-existence": "existence:Existence", "vale-substitution": "substitution:Substitution",
    "vale-occurrence": "occurrence:Occurrence", "vale-repetition": "repetition:Repetition",
    "vale-consistency": "consistency:Consistency", "vale-conditional": "conditional:Conditional",
    "vale-capitalization": "capitalization:Capitalization", "vale-metric": "metric:Metric",
}


def vale_kinds() -> list[ValeKind]:
    """Every Vale kind, imported (reading a ``.vale.ini`` needs them all)."""
    return [kind.load() for kind in _lazy_kinds()]


def _lazy_kinds() -> list[Any]:
    from sociable.kinds.lazy import LazyKind

    # No Vale kind has a setup hint (tests/test_cli_startup.py checks it).
    return [LazyKind(name, f"sociable.vale.kinds.{ref}", hints=False) for name, ref in KINDS.items()]


@hookimpl
def sociable_rule_kinds() -> list[Any]:
    # By name: without a .vale.ini no Vale rule runs, and no Vale module is imported.
    return _lazy_kinds()


@hookimpl
def sociable_formatters() -> dict[str, type[Formatter]]:
    # By name, imported when a run writes this format (as the built-in formats are).
    from sociable.plugins.builtin import LazyFormatter

    return {"vale-line": LazyFormatter("sociable.faces.formatters.vale_line:ValeLineFormatter")}  # type: ignore[dict-item]


@hookimpl
def sociable_readers() -> list[Reader]:
    from sociable.vale.rst import RstReader

    return [RstReader()]


@hookimpl
def sociable_config_rules(config: Any, notices: list[tuple[str, str]]) -> list[Any]:
    path = getattr(config, "vale_config", None)
    if path is None:
        return []
    from sociable.vale.ini import ValeConfigError, read_vale_config
    from sociable.vale.styles import load

    try:
        loaded = load(read_vale_config(path), vale_kinds())
    except ValeConfigError as exc:
        notices.append(("error", str(exc)))
        return []
    notices.extend(loaded.notices)
    return loaded.specs
