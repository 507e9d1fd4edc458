"""sociable's own packs, kinds, readers and formatters, provided through the public hooks.

This module is registered exactly like a third-party plugin (entry point ``builtin`` in the
``sociable`` group). Imports happen inside the hooks so that a run only pays for what it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sociable.plugins.markers import hookimpl

if TYPE_CHECKING:
    from sociable.faces.formatters.base import Formatter
    from sociable.kinds.base import Kind
    from sociable.readers.base import Reader

PACKS_DIR = Path(__file__).resolve().parent.parent / "rules"


@hookimpl
def sociable_rule_packs() -> list[Path]:
    return [PACKS_DIR]


#: Built-in kinds as "module:Class"; one line per kind module under sociable/kinds/.
BUILTIN_KINDS = (
    "sociable.kinds.phrases:Phrases",
    "sociable.kinds.pattern:Pattern",
    "sociable.kinds.count:Count",
    "sociable.kinds.directive:Directive",
    "sociable.kinds.metric:Metric",
    "sociable.kinds.languagetool:LanguageTool",
    "sociable.kinds.repetition:NearDuplicate",
    "sociable.kinds.repetition:SharedSentence",
    "sociable.kinds.repetition:HashtagSet",
    "sociable.kinds.repetition:SelfRepetition",
    "sociable.kinds.recipient:RecipientKind",
    "sociable.kinds.ratio:Ratio",
    "sociable.kinds.shape:ShapeKind",
)


@hookimpl
def sociable_rule_kinds() -> list[Kind]:
    import importlib

    kinds = []
    for ref in BUILTIN_KINDS:
        module_name, _, class_name = ref.partition(":")
        kinds.append(getattr(importlib.import_module(module_name), class_name)())
    return kinds


@hookimpl
def sociable_readers() -> list[Reader]:
    from sociable.readers.eml import EmailReader
    from sociable.readers.export import CsvReader, JsonLinesReader
    from sociable.readers.text import TextReader

    return [TextReader(), EmailReader(), CsvReader(), JsonLinesReader()]


@hookimpl
def sociable_formatters() -> dict[str, type[Formatter]]:
    from sociable.faces.formatters.github import GithubFormatter
    from sociable.faces.formatters.json import JsonFormatter, JsonLinesFormatter
    from sociable.faces.formatters.sarif import SarifFormatter
    from sociable.faces.formatters.text import TextFormatter

    return {
        "text": TextFormatter,
        "json": JsonFormatter,
        "json-lines": JsonLinesFormatter,
        "sarif": SarifFormatter,
        "github": GithubFormatter,
    }
