"""sociable as a library: lint drafts in process, the same way ``sociable check`` does.

For CRMs, sequence tools and web apps that hold drafts in memory rather than in files::

    import sociable

    for finding in sociable.lint("Hi Ana, ...", channel="cold-email", to="Ana Silva"):
        print(finding.code, finding.line, finding.message)

    linter = sociable.Linter(select=["EB", "RP"])          # load plugins and packs once
    results = linter.lint_many([sociable.Draft(text, to=name) for text, name in outbox])

Every call runs :func:`sociable.pipeline.lint_source` and :func:`sociable.pipeline.finish_run`,
the functions the CLI, ``--fix`` and the language server run, so the findings are the ones the
command would report. Nothing here touches the network unless the configuration names a
LanguageTool server, nor imports the command line or the language server. See ``docs/api.md``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from sociable.document import Recipient
from sociable.findings import Applicability, Edit, Finding, Fix, Severity

if TYPE_CHECKING:
    from sociable.config import Config
    from sociable.context import Context
    from sociable.engine import DraftResult

__all__ = [
    "Applicability", "Draft", "Edit", "Finding", "Fix", "LintError", "Linter", "Recipient",
    "Severity", "lint", "lint_many",
]

#: Whom a draft is for: a name, a mapping with ``name``/``company``/``role``, or a Recipient.
To: TypeAlias = "str | Mapping[str, str] | Recipient | None"
#: A configuration: a Config, the path of a configuration file, or None for the defaults.
ConfigLike: TypeAlias = "Config | str | os.PathLike[str] | None"


class LintError(ValueError):
    """A draft or a configuration sociable cannot use; the message says what to fix."""


@dataclass(frozen=True)
class Draft:
    """One draft to lint, as :meth:`Linter.lint_many` takes it.

    ``path`` is the name findings carry and repetition findings use for the other draft
    ("Same message as crm/1042:3"); its suffix picks the reader (``.eml`` reads headers).
    Drafts of one call need distinct paths; without one a draft is ``draft-<n>``.
    """

    text: str
    channel: str | None = None
    to: To = None
    path: str | None = None


def _recipient(to: To) -> Recipient | None:
    if to is None or isinstance(to, Recipient):
        return to
    found = Recipient.from_value(to)
    if found is None:
        raise LintError(f"to={to!r}: give a name, or a mapping with 'name' or 'company'")
    return found


def _config(config: ConfigLike) -> Config:
    from sociable.config import Config, ConfigError, load_config

    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    try:
        return load_config(Path(config))
    except ConfigError as exc:
        raise LintError(str(exc)) from None


class Linter:
    """Plugins, packs and configuration loaded once; lint as many drafts as you like.

    ``config`` is a :class:`~sociable.config.Config`, the path of a ``sociable.toml`` or
    ``pyproject.toml``, or None for the built-in defaults (no file is searched for: a library
    call must not depend on the working folder). ``select``/``ignore`` add to the
    configuration's as ``--select``/``--ignore`` do; ``history`` names sent messages (folders,
    CSV or JSONL exports) that drafts are compared with. A linter is not thread-safe.
    """

    def __init__(
        self,
        config: ConfigLike = None,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        history: Sequence[str | os.PathLike[str]] = (),
        cache: bool = False,
    ) -> None:
        from sociable.context import PluginError, load_context
        from sociable.packs.loader import PackError

        settings = _config(config)
        if history:
            settings = settings.with_overrides(history=tuple(Path(p) for p in history))
        try:
            self.context: Context = load_context(
                settings, select=select, ignore=ignore, use_cache=cache
            )
        except (PackError, PluginError) as exc:
            raise LintError(str(exc)) from None
        self.readers = self.context.readers()
        #: Warnings of the last call (a rule that timed out, a server that is down).
        self.problems: list[str] = []

    def lint(self, text: str, *, channel: str | None = None, to: To = None, path: str = "-") -> list[Finding]:
        """Findings of one draft, sorted by line and column."""
        return self.lint_many([Draft(text, channel, to, path)])[0]

    def lint_many(
        self, drafts: Iterable[Draft | str], *, references: Iterable[Draft | str] = ()
    ) -> list[list[Finding]]:
        """Findings of each draft, in the drafts' order, with repetition across them.

        ``references`` (e.g. the sequence's other steps, drafts already approved) take part in
        the cross-draft rules but are not reported on.
        """
        from sociable.pipeline import finish_run

        mine = self._read(list(drafts), "draft")
        others = self._read(list(references), "reference", taken={p for p, _ in mine})
        self.problems = []
        results = [r for _, outcome in mine for r in outcome]
        findings = finish_run(
            results, self.context.ruleset, self.readers,
            [r for _, outcome in others for r in outcome], self.problems,
        )
        for result in results:
            self.problems.extend(p for p in result.problems if p not in self.problems)
        by_path: dict[str, list[Finding]] = {path: [] for path, _ in mine}
        for finding in findings:
            by_path[finding.path].append(finding)
        return [by_path[path] for path, _ in mine]

    def _read(
        self, drafts: list[Draft | str], what: str, taken: Iterable[str] = ()
    ) -> list[tuple[str, list[DraftResult]]]:
        """Each draft through the pipeline's per-draft step; bad input raises :class:`LintError`."""
        from sociable.config import ConfigError, check_channel
        from sociable.pipeline import Source, lint_source

        out: list[tuple[str, list[DraftResult]]] = []
        seen = set(taken)
        for index, item in enumerate(drafts, 1):
            draft = Draft(item) if isinstance(item, str) else item
            path = draft.path or f"{what}-{index}"
            if path in seen:
                raise LintError(f"two drafts named {path!r}: give each a distinct path")
            seen.add(path)
            if draft.channel is not None:
                try:
                    check_channel(draft.channel, f"{path}: channel")
                except ConfigError as exc:
                    raise LintError(str(exc)) from None
            source = Source(draft.text, path, channel=draft.channel, recipient=_recipient(draft.to))
            outcome = lint_source(source, self.context.ruleset, self.readers, self.context.config)
            if outcome.error is not None:
                raise LintError(outcome.error)
            out.append((path, [result.unpacked() for result in outcome.results]))
        return out


@lru_cache(maxsize=8)
def _shared(config: str | None) -> Linter:
    return Linter(config)


def _linter(config: ConfigLike) -> Linter:
    from sociable.config import Config

    if isinstance(config, Config):
        return Linter(config)
    return _shared(None if config is None else os.fspath(config))


def lint(
    text: str,
    *,
    channel: str | None = None,
    to: To = None,
    path: str = "-",
    config: ConfigLike = None,
) -> list[Finding]:
    """Findings of one draft. The rules of a configuration path are loaded once per process;
    build a :class:`Linter` to choose rules or history."""
    return _linter(config).lint(text, channel=channel, to=to, path=path)


def lint_many(
    drafts: Iterable[Draft | str],
    *,
    references: Iterable[Draft | str] = (),
    config: ConfigLike = None,
) -> list[list[Finding]]:
    """Findings of each draft, in order, with repetition across the drafts (and references)."""
    return _linter(config).lint_many(drafts, references=references)
