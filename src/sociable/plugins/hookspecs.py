"""The plugin contract: every hook sociable calls, what it receives and what it must return.

sociable's own rule packs, kinds, readers and formatters are provided by
:mod:`sociable.plugins.builtin` through exactly these hooks, registered under the same
``sociable`` entry-point group a third-party distribution uses::

    [project.entry-points.sociable]
    my_plugin = "my_package.sociable_plugin"

A plugin module implements any subset of the hooks with ``@sociable.hookimpl``. Each hook is
called once per run (and once per language-server configuration load), with no arguments;
results from all plugins are combined. None of them is ``firstresult``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sociable.plugins.markers import hookspec

if TYPE_CHECKING:
    from sociable.config import Config
    from sociable.faces.formatters.base import Formatter
    from sociable.grammar.base import GrammarBackend
    from sociable.kinds.base import Kind
    from sociable.kinds.lazy import LazyKind
    from sociable.packs.schema import RuleSpec
    from sociable.readers.base import Reader


@hookspec
def sociable_rule_packs() -> list[Path]:
    """Return YAML rule pack files, or folders of them (``*.yaml`` / ``*.yml``).

    Called when the rule set is built. Packs from every plugin are validated together: a
    rule code that two packs define is an error, so prefix your codes (``ACME101``).
    Rules of a plugin's packs are selected by default, like built-in ones.
    """


@hookspec
def sociable_rule_kinds() -> list[Kind | LazyKind]:
    """Return :class:`~sociable.kinds.base.Kind` instances, each with a unique ``name``, or
    :class:`~sociable.kinds.lazy.LazyKind` stand-ins (``LazyKind("name", "module:Class",
    corpus=..., hints=...)``) that import the kind's module only when a rule of it runs: a
    run that uses none of a plugin's kinds then pays nothing for them (the built-in and Vale
    kinds are registered so).

    Called before any pack is loaded, so packs from any plugin may use any kind. A kind's
    ``keys`` declare the YAML keys it accepts; its ``check`` must be a pure function of the
    document and rule (it runs in worker processes and in the language server).
    """


@hookspec
def sociable_readers() -> list[Reader]:
    """Return :class:`~sociable.readers.base.Reader` instances for file formats.

    Called when files are discovered. A reader claims file name suffixes
    (``extensions``); when two readers claim the same suffix, the one registered later
    (a third-party plugin over the built-in) wins. Folders are searched for every claimed
    suffix.
    """


@hookspec
def sociable_formatters() -> dict[str, type[Formatter]]:
    """Return output formats by name, each a :class:`~sociable.faces.formatters.base.Formatter`
    subclass. Called when ``--output-format`` is resolved; later plugins override earlier ones.
    """


@hookspec
def sociable_config_rules(config: Config, notices: list[tuple[str, str]]) -> list[RuleSpec]:
    """Return rules built from the run's configuration rather than from a pack file.

    For plugins that read another linter's rules from a file the user names in the
    configuration (the Vale plugin reads ``vale-config``). Called when the rule set is built,
    after every kind is registered; each spec's ``kind`` must be a registered kind and its code
    must not clash with another rule's. Problems are not raised: append ``("warning", text)``
    or ``("error", text)`` to ``notices`` (the CLI prints each once; an error makes the run
    exit 2 while every other rule still runs). Unlike the other hooks, it receives arguments.
    """


@hookspec
def sociable_grammar_backends() -> list[GrammarBackend]:
    """Return :class:`~sociable.grammar.base.GrammarBackend` instances, each with a unique
    ``name``.

    Called when the rule set is built. The ``grammar`` kind asks the backend the run's
    ``grammar-backend`` setting names (unset: a named LanguageTool server, else Harper when
    installed) for the mistakes in a draft's view; rules pick which of a backend's rule ids
    and categories they report under ``backends: {<name>: ...}``. A later plugin's backend
    replaces an earlier one of the same name. ``check`` must be a pure function of the text
    and settings, and must not touch the network unless the user named a server.
    """
