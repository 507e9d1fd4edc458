"""The rules of a run: every pack from every plugin, validated, selected and prepared.

Building a rule set is the expensive part of start-up (YAML parsing, preparing the rules), so
validated packs and the rules their kinds prepared are cached on disk (:mod:`sociable.packs.cache`);
a one-draft run then skips YAML entirely and unpickles only the rules it runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociable.decisions import is_selected, selector_matches
from sociable.kinds.lazy import KindTable, is_corpus
from sociable.packs.problems import PackError, PackProblem, validate_unique
from sociable.packs.schema import RuleSpec

__all__ = ["RuleSet", "build_ruleset", "is_selected", "load_specs", "selector_matches"]

if TYPE_CHECKING:
    import pluggy

    from sociable.kinds.base import Kind, Rule
    from sociable.kinds.screens import WordScreen
    from sociable.packs.cache import Kept
    from sociable.packs.loader import PackParts

    #: A selected rule as the engine meets it: spec, whether its kind is a corpus kind, screen.
    Planned = tuple[RuleSpec, bool, WordScreen | None]


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


def load_specs(
    locations: Sequence[Path], kinds: Mapping[str, Kind], cache_dir: Path | None = None
) -> list[RuleSpec]:
    """All rules of the given packs, validated together (codes unique across packs)."""
    return load_packs(locations, kinds, cache_dir)[0]


def load_packs(
    locations: Sequence[Path], kinds: Mapping[str, Kind], cache_dir: Path | None = None
) -> tuple[list[RuleSpec], Kept]:
    """:func:`load_specs`, with the prepared forms the pack cache keeps (:mod:`sociable.packs.cache`)."""
    from sociable.packs import cache

    files = pack_files(locations)
    cache_file = None
    if cache_dir is not None:
        cache_file = cache_dir / "packs" / f"{cache.cache_key(files, kinds)}.pickle"
        found = cache.read(cache_file)
        if found is not None:
            return found
    # A miss: parse the packs (the loader is imported only now; a hit never needs it).
    from sociable.packs.loader import link_lexicons, load_pack_parts

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
    kept: Kept = {}
    if cache_file is not None:
        kept = cache.prepare_kept(specs, kinds)
        cache.write(cache_file, specs, kept)
    return specs, kept


class RuleSet:
    """Every known rule (for ``rules``/``explain``) and the selected ones, ready to run.

    A plain class: a dataclass costs start-up time (:mod:`sociable.records`).
    """

    def __init__(
        self,
        specs: dict[str, RuleSpec],
        kinds: dict[str, Kind],
        selected: list[str] | None = None,
        settings: dict[str, Any] | None = None,
        notices: list[tuple[str, str]] | None = None,
        kept: Kept | None = None,
    ) -> None:
        self.specs = specs
        self.kinds = kinds
        self.selected: list[str] = [] if selected is None else selected
        #: Run-time settings kinds may read (``languagetool`` URL, ``language``, ...): the part
        #: of the configuration that is not rule data. Set by :func:`sociable.context.load_context`.
        self.settings: dict[str, Any] = {} if settings is None else settings
        #: (``"warning"`` or ``"error"``, message) from ``sociable_config_rules`` plugins.
        self.notices: list[tuple[str, str]] = [] if notices is None else notices
        #: Prepared forms from the pack cache, by code, with the spec each was made from.
        self.kept: Kept = {} if kept is None else kept
        self._prepared: dict[str, Rule] = {}
        #: :meth:`active` per channel, for the ``selected`` list (by identity) it was made from.
        self._active: dict[str | None, tuple[RuleSpec, ...]] = {}
        self._active_of: tuple[list[str], int] | None = None
        #: :meth:`plan` per channel, made again with :attr:`_active`.
        self._plans: dict[str | None, tuple[Planned, ...]] = {}
        #: :meth:`compares_drafts`, with the selection (as a tuple) it was worked out for.
        self._compares: tuple[tuple[str, ...], bool] | None = None

    def __repr__(self) -> str:
        return (f"RuleSet(specs={self.specs!r}, kinds={self.kinds!r}, selected={self.selected!r}, "
                f"settings={self.settings!r}, notices={self.notices!r})")

    def rule(self, code: str) -> Rule:
        """The prepared rule for ``code``; kinds prepare once per process, on first use."""
        rule = self._prepared.get(code)
        if rule is None:
            from sociable.kinds.base import Rule

            spec = self.specs[code]
            kind = self.kinds[spec.kind]
            kept = self.kept.get(code)
            if kept is not None and kept[0] is spec:  # the very spec it was prepared from
                from sociable.packs.cache import loads_prepared

                prepared = loads_prepared(kept[1])
            else:
                prepared = kind.prepare(spec)
            rule = Rule(spec, kind, prepared, self.settings)
            self._prepared[code] = rule
        return rule

    def is_corpus(self, code: str) -> bool:
        """Whether rule ``code`` compares drafts (its kind's ``corpus``), importing no kind
        registered by name (:class:`~sociable.kinds.lazy.LazyKind`)."""
        return is_corpus(self.kinds, self.specs[code].kind)

    def compares_drafts(self) -> bool:
        """Whether any selected rule compares drafts (its kind is a corpus kind).

        The language server asks on every keystroke, so the answer is kept, keyed on the
        selection as a tuple rather than on the list: ``selected`` is public and mutable, and
        a caller may replace, append to or edit it in place (even at the same length). A
        tuple of a few hundred codes compares in microseconds; asking every rule's kind took
        a lookup per rule.
        """
        key = tuple(self.selected)
        if self._compares is None or self._compares[0] != key:
            self._compares = (key, any(self.is_corpus(code) for code in key))
        return self._compares[1]

    def active(self, channel: str | None) -> tuple[RuleSpec, ...]:
        """Selected rules for a channel, unprepared: the engine prepares only rules it runs.

        Made once per channel, not once per draft (a list of every selected rule per draft was
        about 2 % of a run); made again when ``selected`` is replaced or changes length.
        """
        source = (self.selected, len(self.selected))
        if self._active_of is None or self._active_of[0] is not source[0] or self._active_of[1] != source[1]:
            self._active = {}
            self._plans = {}
            self._active_of = source
        found = self._active.get(channel)
        if found is None:
            found = tuple(
                self.specs[code] for code in self.selected if self.specs[code].applies_to(channel)
            )
            self._active[channel] = found
        return found

    def plan(self, channel: str | None) -> tuple[Planned, ...]:
        """:meth:`active` with what the engine asks of each rule before preparing it: whether
        its kind is a corpus kind, and the rule's screen (:mod:`sociable.kinds.screens`; None
        without one). Neither imports a kind nor unpickles a prepared form; made once per
        channel, with :meth:`active`."""
        specs = self.active(channel)
        found = self._plans.get(channel)
        if found is None:
            found = tuple((spec, self.is_corpus(spec.code), self._screen(spec)) for spec in specs)
            self._plans[channel] = found
        return found

    def _screen(self, spec: RuleSpec) -> WordScreen | None:
        """The screen kept for the very spec (as :meth:`rule` takes only its own kept form)."""
        screen = getattr(self.kept, "screen", None)
        kept = screen(spec.code) if screen is not None else None
        if kept is None or kept[0] is not spec:
            return None
        found: WordScreen = kept[1]
        return found

    def __getstate__(self) -> dict[str, object]:
        # Workers re-prepare: compiled regexes pickle, but kinds may hold unpicklable state.
        return {
            "specs": self.specs, "kinds": self.kinds, "selected": self.selected,
            "settings": self.settings, "kept": self.kept, "_prepared": {}, "_active": {},
            "_active_of": None, "_plans": {}, "_compares": None,
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
    kinds = KindTable()
    for group in manager.hook.sociable_rule_kinds():
        for kind in group or []:
            kinds.add(kind)
    locations: list[Path] = []
    for group in reversed(manager.hook.sociable_rule_packs()):
        locations.extend(Path(p) for p in group or [])
    locations.extend(extra_packs)
    specs, kept = load_packs(locations, kinds, cache_dir)
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
    return RuleSet(by_code, kinds, selected, notices=notices, kept=kept)
