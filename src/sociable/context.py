"""Everything a run needs before it reads a draft: configuration, plugins, rules, readers.

The CLI, the pre-commit entry and the language server all start here, so they agree on
which configuration applies and which rules run.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sociable.config import Config, find_config, load_config
from sociable.ruleset import RuleSet, build_ruleset

__all__ = ["Context", "PluginError", "load_context", "resolve_config"]

if TYPE_CHECKING:
    import pluggy

    from sociable.readers.base import Reader


class PluginError(Exception):
    """A plugin could not be imported or its hooks failed."""


class Context:
    """A run's configuration, plugin manager and rule set (a plain class: a dataclass costs
    start-up time, :mod:`sociable.records`)."""

    def __init__(self, config: Config, manager: pluggy.PluginManager, ruleset: RuleSet) -> None:
        self.config = config
        self.manager = manager
        self.ruleset = ruleset

    def __repr__(self) -> str:
        return f"Context(config={self.config!r}, manager={self.manager!r}, ruleset={self.ruleset!r})"

    def readers(self) -> dict[str, Reader]:
        """Suffix -> reader; a later plugin's reader wins over the built-in one."""
        table: dict[str, Reader] = {}
        for group in reversed(self.manager.hook.sociable_readers()):
            for reader in group or []:
                for ext in reader.extensions:
                    table[ext.lower()] = reader
        return table

    def discover_extensions(self) -> list[str]:
        return sorted({ext for ext, reader in self.readers().items() if reader.discover})


def resolve_config(config_path: str | None, isolated: bool, start: Path) -> Config:
    if isolated:
        return Config()
    if config_path:
        return load_config(Path(config_path))
    return load_config(find_config(start))


def load_context(
    config: Config,
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    use_cache: bool = True,
    cache_dir: str | None = None,
    entrypoints: bool = True,
) -> Context:
    """Plugins and rules for ``config``; command-line selectors extend the file's."""
    from sociable import regex_cache
    from sociable.cache import cache_root
    from sociable.packs.problems import PackError
    from sociable.plugins.manager import get_plugin_manager

    root = cache_root(config, cache_dir) if use_cache else None
    regex_cache.configure(root)
    try:
        manager = get_plugin_manager(entrypoints=entrypoints, cache_dir=root)
        ruleset = build_ruleset(
            manager,
            extra_packs=config.extend_packs,
            select=list(select) if select is not None else config.select,
            extend_select=[*config.extend_select, *extend_select],
            ignore=[*config.ignore, *ignore],
            cache_dir=root,
            config=config,
        )
        if any(ruleset.specs[code].kind == "grammar" for code in ruleset.selected):
            from sociable.grammar.base import use_backends

            use_backends(manager)  # otherwise collected on first use, if ever (backends())
    except PackError:
        raise
    except Exception as exc:  # a broken plugin: one clear line, not a traceback
        raise PluginError(
            f"a plugin failed to load ({type(exc).__name__}: {exc}); "
            "see `sociable plugins`, or block it with SOCIABLE_DISABLE_PLUGINS=name"
        ) from exc
    ruleset.settings.update(
        languagetool=config.languagetool or os.environ.get("SOCIABLE_LANGUAGETOOL_URL") or None,
        grammar_backend=config.grammar_backend,
        grammar_max_characters=config.grammar_max_characters,
        language=config.language,
        history=list(config.history),
        root=str(config.root),
    )
    if config.extend_lexicons:  # read by the shape kind; part of the results-cache key
        ruleset.settings["extend_lexicons"] = {k: list(v) for k, v in config.extend_lexicons.items()}
    return Context(config, manager, ruleset)
