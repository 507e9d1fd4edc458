"""Kinds registered by name and imported on first use: a run pays only for the kinds it runs.

A one-draft ``check`` runs a handful of kinds, but a plugin that returned instances from
``sociable_rule_kinds`` made it import every kind module (grammar with ``--ignore GR``, the
eight Vale kinds without a ``.vale.ini``), with their dataclasses and regexes: about a third
of that run's start-up. A plugin can return a :class:`LazyKind` instead, the kind's name and
where its class lives; :class:`KindTable` (``RuleSet.kinds``) imports the module the first
time the kind is looked up, and answers what a run asks of every kind (its identity, the
module to stamp for the caches) without importing anything.

Looking a kind up is a plain dict lookup once it is loaded (the table is a dict holding the
loaded kinds; the others wait in ``lazy``), so the engine's per-rule lookups cost what they
did.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sociable.kinds.base import Kind


class LazyKind:
    """A kind named now and imported when first needed: ``LazyKind("shape", "pkg.mod:Class")``.

    ``ref`` is ``"module:Class"``; the class must take no arguments and its ``name`` must be
    ``name``. Two facts a run asks of every selected rule's kind are given here, so that
    asking imports nothing: ``corpus`` (:attr:`Kind.corpus`; checked when the kind loads) and
    ``hints``, whether the kind overrides :meth:`Kind.setup_hint` (the CLI asks every kind
    with selected rules for its hint, and would import them all to hear None). Used outside
    a :class:`KindTable`, the stand-in forwards every attribute to the kind it loads, so code
    that holds one still works.
    """

    def __init__(self, name: str, ref: str, *, corpus: bool = False, hints: bool = True) -> None:
        module, _, attribute = ref.partition(":")
        if not module or not attribute:
            raise ValueError(f"LazyKind({name!r}, {ref!r}): write the class as 'module:Class'")
        self.name = name
        self.ref = ref
        self.corpus = corpus
        self.hints = hints
        self._kind: Kind | None = None

    @property
    def module(self) -> str:
        return self.ref.partition(":")[0]

    @property
    def identity(self) -> str:
        """``module.Class``, as ``type(kind)`` would say it once loaded."""
        module, _, attribute = self.ref.partition(":")
        return f"{module}.{attribute}"

    def load(self) -> Kind:
        """Import the module and make the kind (once)."""
        if self._kind is None:
            module, _, attribute = self.ref.partition(":")
            target: Any = importlib.import_module(module)
            for part in attribute.split("."):
                target = getattr(target, part)
            kind = target()
            if kind.name != self.name:
                raise ValueError(f"{self.ref} is kind {kind.name!r}, registered as {self.name!r}")
            if bool(kind.corpus) != self.corpus:
                raise ValueError(f"kind {self.name!r} ({self.ref}) has corpus={kind.corpus!r}, "
                                 f"registered with corpus={self.corpus!r}")
            self._kind = kind
        return self._kind

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__") or attribute == "_kind":
            raise AttributeError(attribute)
        return getattr(self.load(), attribute)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_lazy_kind, (self.name, self.ref, self.corpus, self.hints))

    def __repr__(self) -> str:
        return f"LazyKind({self.name!r}, {self.ref!r})"


class KindTable(dict[str, "Kind"]):
    """Kind name -> kind, importing a :class:`LazyKind` on first lookup.

    The dict itself holds the kinds already loaded (so ``table[name]`` stays a C lookup);
    ``lazy`` holds the rest until ``table[name]`` (``__missing__``), ``get``, ``values`` or
    ``items`` asks for them. ``name in table``, ``len`` and iteration see every kind, loaded
    or not.
    """

    def __init__(self, kinds: Iterable[Kind | LazyKind] = ()) -> None:
        super().__init__()
        self.lazy: dict[str, LazyKind] = {}
        for kind in kinds:
            self.add(kind)

    def add(self, kind: Kind | LazyKind) -> None:
        """Register a kind; a later one replaces an earlier one of the same name."""
        if isinstance(kind, LazyKind):
            super().pop(kind.name, None)
            self.lazy[kind.name] = kind
        else:
            self.lazy.pop(kind.name, None)
            super().__setitem__(kind.name, kind)

    def __missing__(self, name: str) -> Kind:
        lazy = self.lazy.get(name)
        if lazy is None:
            raise KeyError(name)
        kind = lazy.load()
        super().__setitem__(name, kind)
        del self.lazy[name]
        return kind

    def __setitem__(self, name: str, kind: Kind) -> None:
        self.lazy.pop(name, None)
        super().__setitem__(name, kind)

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name) or name in self.lazy

    def __iter__(self) -> Iterator[str]:
        yield from super().keys()
        yield from list(self.lazy)

    def __len__(self) -> int:
        return super().__len__() + len(self.lazy)

    def keys(self) -> list[str]:  # type: ignore[override]
        return list(self)

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default

    def values(self) -> list[Kind]:  # type: ignore[override]
        return [self[name] for name in list(self)]

    def items(self) -> list[tuple[str, Kind]]:  # type: ignore[override]
        return [(name, self[name]) for name in list(self)]

    def identity(self, name: str) -> str:
        """``module.Class`` of a kind, without importing it."""
        lazy = self.lazy.get(name)
        if lazy is not None:
            return lazy.identity
        cls = type(dict.__getitem__(self, name))
        return f"{cls.__module__}.{cls.__qualname__}"

    def is_corpus(self, name: str) -> bool:
        """:attr:`Kind.corpus` of kind ``name``, without importing it."""
        lazy = self.lazy.get(name)
        return lazy.corpus if lazy is not None else bool(dict.__getitem__(self, name).corpus)

    def may_hint(self, name: str) -> bool:
        """Whether kind ``name`` may have a setup hint; a lazy kind registered with
        ``hints=False`` has none and stays unimported."""
        lazy = self.lazy.get(name)
        return lazy is None or lazy.hints

    def module(self, name: str) -> str:
        """The module that defines a kind, without importing it."""
        lazy = self.lazy.get(name)
        return lazy.module if lazy is not None else type(dict.__getitem__(self, name)).__module__

    def __reduce__(self) -> tuple[Any, ...]:
        # Loaded kinds travel as they are (workers get their state); the rest stay lazy.
        return (_rebuild, (dict(super().items()), dict(self.lazy)))

    def __repr__(self) -> str:
        loaded = ", ".join(sorted(super().keys()))
        return f"KindTable(loaded: {loaded}; lazy: {', '.join(sorted(self.lazy))})"


def _lazy_kind(name: str, ref: str, corpus: bool, hints: bool) -> LazyKind:
    return LazyKind(name, ref, corpus=corpus, hints=hints)


def _rebuild(loaded: dict[str, Kind], lazy: dict[str, LazyKind]) -> KindTable:
    table = KindTable(lazy.values())
    for kind in loaded.values():
        table.add(kind)
    return table


def kind_identity(kinds: Mapping[str, Kind], name: str) -> str:
    """``module.Class`` of kind ``name`` in any mapping, importing nothing a table holds lazily."""
    if isinstance(kinds, KindTable):
        return kinds.identity(name)
    cls = type(kinds[name])
    return f"{cls.__module__}.{cls.__qualname__}"


def kind_module(kinds: Mapping[str, Kind], name: str) -> str:
    """The module defining kind ``name``, importing nothing a table holds lazily."""
    if isinstance(kinds, KindTable):
        return kinds.module(name)
    return type(kinds[name]).__module__


def may_hint(kinds: Mapping[str, Kind], name: str) -> bool:
    """Whether to ask kind ``name`` for its setup hint (see :class:`LazyKind`'s ``hints``)."""
    return kinds.may_hint(name) if isinstance(kinds, KindTable) else True


def is_corpus(kinds: Mapping[str, Kind], name: str) -> bool:
    """:attr:`Kind.corpus` of kind ``name``, importing nothing a table holds lazily."""
    return kinds.is_corpus(name) if isinstance(kinds, KindTable) else bool(kinds[name].corpus)
