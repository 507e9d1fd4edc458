"""sociable's own packs, kinds, readers and formatters, provided through the public hooks.

This module is registered exactly like a third-party plugin (entry point ``builtin`` in the
``sociable`` group). Imports happen inside the hooks so that a run only pays for what it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociable.plugins.markers import hookimpl

if TYPE_CHECKING:
    from sociable.faces.formatters.base import Formatter
    from sociable.grammar.base import GrammarBackend
    from sociable.kinds.base import Kind
    from sociable.kinds.lazy import LazyKind
    from sociable.readers.base import Reader

PACKS_DIR = Path(__file__).resolve().parent.parent / "rules"


@hookimpl
def sociable_rule_packs() -> list[Path]:
    return [PACKS_DIR]


#: Built-in kinds, name -> "module:Class"; one line per kind module under sociable/kinds/.
#: Each is imported only when a rule of that kind runs (:class:`~sociable.kinds.lazy.LazyKind`).
BUILTIN_KINDS = {
    "phrases": "sociable.kinds.phrases:Phrases",
    "pattern": "sociable.kinds.pattern:Pattern",
    "count": "sociable.kinds.count:Count",
    "directive": "sociable.kinds.directive:Directive",
    "metric": "sociable.kinds.metric:Metric",
    "grammar": "sociable.kinds.grammar:Grammar",
    "near-duplicate": "sociable.kinds.near_duplicate:NearDuplicate",
    "shared-sentence": "sociable.kinds.shared_sentence:SharedSentence",
    "hashtag-set": "sociable.kinds.hashtag_set:HashtagSet",
    "self-repetition": "sociable.kinds.self_repetition:SelfRepetition",
    "recipient": "sociable.kinds.recipient:RecipientKind",
    "ratio": "sociable.kinds.ratio:Ratio",
    "shape": "sociable.kinds.shape:ShapeKind",
}


#: What a run asks of every selected rule's kind, said here so asking imports nothing
#: (tests/test_cli_startup.py checks both against the classes): the corpus kinds, and the
#: kinds that override ``Kind.setup_hint``.
CORPUS_KINDS = frozenset({"near-duplicate", "shared-sentence", "hashtag-set"})
HINTING_KINDS = frozenset({"grammar"})


@hookimpl
def sociable_rule_kinds() -> list[Kind | LazyKind]:
    from sociable.kinds.lazy import LazyKind

    return [
        LazyKind(name, ref, corpus=name in CORPUS_KINDS, hints=name in HINTING_KINDS)
        for name, ref in BUILTIN_KINDS.items()
    ]


@hookimpl
def sociable_readers() -> list[Reader]:
    from sociable.readers.eml import EmailReader
    from sociable.readers.export import CsvReader, JsonLinesReader
    from sociable.readers.text import TextReader

    return [TextReader(), EmailReader(), CsvReader(), JsonLinesReader()]


#: Built-in output formats as "module:Class", imported only when a run uses that format.
BUILTIN_FORMATTERS = {
    "text": "sociable.faces.formatters.text:TextFormatter",
    "json": "sociable.faces.formatters.json:JsonFormatter",
    "json-lines": "sociable.faces.formatters.json:JsonLinesFormatter",
    "sarif": "sociable.faces.formatters.sarif:SarifFormatter",
    "github": "sociable.faces.formatters.github:GithubFormatter",
}


class LazyFormatter:
    """Stands in for a formatter class until it is called: ``table[name](stream, options)``
    imports that one module, so a run does not import every format (json, SARIF) it will
    never write."""

    def __init__(self, ref: str) -> None:
        self.ref = ref

    def load(self) -> type[Formatter]:
        import importlib

        module_name, _, class_name = self.ref.partition(":")
        cls: type[Formatter] = getattr(importlib.import_module(module_name), class_name)
        return cls

    def __call__(self, *args: Any, **kwargs: Any) -> Formatter:
        return self.load()(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyFormatter({self.ref!r})"


@hookimpl
def sociable_formatters() -> dict[str, type[Formatter]]:
    return {name: LazyFormatter(ref) for name, ref in BUILTIN_FORMATTERS.items()}  # type: ignore[misc]


@hookimpl
def sociable_grammar_backends() -> list[GrammarBackend]:
    from sociable.grammar.harper import HarperBackend
    from sociable.grammar.languagetool import LanguageToolBackend

    return [HarperBackend(), LanguageToolBackend()]
