"""The rules of a run: every pack from every plugin, validated, selected and prepared.

Building a rule set is the expensive part of start-up (YAML parsing), so validated packs are
cached on disk keyed on each file's path, size and modification time, sociable's version and
the set of kinds; a one-draft run then skips YAML entirely.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociable import __version__
from sociable.decisions import is_selected, selector_matches
from sociable.packs.loader import (
    PackError,
    PackParts,
    PackProblem,
    link_lexicons,
    load_pack_parts,
    validate_unique,
)
from sociable.packs.schema import RuleSpec

__all__ = ["RuleSet", "build_ruleset", "is_selected", "load_specs", "selector_matches"]

if TYPE_CHECKING:
    import pluggy

    from sociable.kinds.base import Kind, Rule


def pack_files(locations: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for location in locations:
        if location.is_dir():
            files.extend(sorted(p for p in location.iterdir() if p.suffix in (".yaml", ".yml")))
        elif location.is_file():
            files.append(location)
        else:
            raise PackError([PackProblem(str(location), 1, "rule pack not found")])
    return files


def _cache_key(files: Sequence[Path], kinds: Mapping[str, Kind]) -> str:
    from sociable.digest import blake2b

    digest = blake2b(__version__.encode(), digest_size=20)
    for name in sorted(kinds):
        kind = kinds[name]
        digest.update(f"{name}:{type(kind).__module__}.{type(kind).__qualname__}".encode())
        digest.update(repr(sorted(kind.keys)).encode())
    for path in files:
        stat = path.stat()
        digest.update(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def load_specs(
    locations: Sequence[Path], kinds: Mapping[str, Kind], cache_dir: Path | None = None
) -> list[RuleSpec]:
    """All rules of the given packs, validated together (codes unique across packs)."""
    files = pack_files(locations)
    cache_file = None
    if cache_dir is not None:
        cache_file = cache_dir / "packs" / f"{_cache_key(files, kinds)}.pickle"
        try:
            with cache_file.open("rb") as handle:
                cached: list[RuleSpec] = pickle.load(handle)
            return cached
        except Exception:  # missing, stale or unreadable: rebuild it
            pass
    specs: list[RuleSpec] = []
    problems: list[PackProblem] = []
    parts: list[PackParts] = []
    for path in files:
        try:
            parts.append(load_pack_parts(path, kinds))
            specs.extend(parts[-1].specs)
        except PackError as exc:
            problems.extend(exc.problems)
    if problems:
        raise PackError(problems)
    validate_unique(specs)
    link_lexicons(parts)  # word classes are shared across packs
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump(specs, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache_file)
        except OSError:
            pass  # a read-only cache folder costs speed, not correctness
    return specs


@dataclass
class RuleSet:
    """Every known rule (for ``rules``/``explain``) and the selected ones, ready to run."""

    specs: dict[str, RuleSpec]
    kinds: dict[str, Kind]
    selected: list[str] = field(default_factory=list)
    #: Run-time settings kinds may read (``languagetool`` URL, ``language``, ...): the part of
    #: the configuration that is not rule data. Set by :func:`sociable.context.load_context`.
    settings: dict[str, Any] = field(default_factory=dict)
    #: (``"warning"`` or ``"error"``, message) from ``sociable_config_rules`` plugins.
    notices: list[tuple[str, str]] = field(default_factory=list)
    _prepared: dict[str, Rule] = field(default_factory=dict, repr=False)
    #: :meth:`active` per channel, for the ``selected`` list (by identity) it was made from.
    _active: dict[str | None, tuple[RuleSpec, ...]] = field(default_factory=dict, repr=False)
    _active_of: tuple[list[str], int] | None = field(default=None, repr=False)

    def rule(self, code: str) -> Rule:
        """The prepared rule for ``code``; kinds prepare once per process, on first use."""
        rule = self._prepared.get(code)
        if rule is None:
            from sociable.kinds.base import Rule

            spec = self.specs[code]
            kind = self.kinds[spec.kind]
            rule = Rule(spec, kind, kind.prepare(spec), self.settings)
            self._prepared[code] = rule
        return rule

    def active(self, channel: str | None) -> tuple[RuleSpec, ...]:
        """Selected rules for a channel, unprepared: the engine prepares only rules it runs.

        Made once per channel, not once per draft (a list of every selected rule per draft was
        about 2 % of a run); made again when ``selected`` is replaced or changes length.
        """
        source = (self.selected, len(self.selected))
        if self._active_of is None or self._active_of[0] is not source[0] or self._active_of[1] != source[1]:
            self._active = {}
            self._active_of = source
        found = self._active.get(channel)
        if found is None:
            found = tuple(
                self.specs[code] for code in self.selected if self.specs[code].applies_to(channel)
            )
            self._active[channel] = found
        return found

    def __getstate__(self) -> dict[str, object]:
        # Workers re-prepare: compiled regexes pickle, but kinds may hold unpicklable state.
        return {
            "specs": self.specs, "kinds": self.kinds, "selected": self.selected,
            "settings": self.settings, "_prepared": {}, "_active": {}, "_active_of": None,
        }


def build_ruleset(
    manager: pluggy.PluginManager,
    *,
    extra_packs: Sequence[Path] = (),
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    cache_dir: Path | None = None,
    config: Any = None,
) -> RuleSet:
    kinds: dict[str, Kind] = {}
    for group in manager.hook.sociable_rule_kinds():
        for kind in group or []:
            kinds[kind.name] = kind
    locations: list[Path] = []
    for group in reversed(manager.hook.sociable_rule_packs()):
        locations.extend(Path(p) for p in group or [])
    locations.extend(extra_packs)
    specs = load_specs(locations, kinds, cache_dir)
    notices: list[tuple[str, str]] = []
    if config is not None:
        for group in manager.hook.sociable_config_rules(config=config, notices=notices):
            specs.extend(group or [])
        validate_unique(specs)
    by_code = {spec.code: spec for spec in specs}
    selected = [
        spec.code for spec in specs
        if is_selected(spec.code, select, extend_select, ignore, default=spec.enabled)
    ]
    return RuleSet(by_code, kinds, selected, notices=notices)
