"""What can be wrong with rule packs, apart from the loader that finds it.

A run whose packs come from the pack cache never parses YAML, so it need not import the
loader (:mod:`sociable.packs.loader`, the largest module on the start-up path after the
kinds); it still catches :class:`PackError` and checks that the codes of every rule,
plugins' included, are unique (:func:`validate_unique`). The loader re-exports all three.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sociable.records import Record, fill

if TYPE_CHECKING:
    from sociable.packs.schema import RuleSpec

__all__ = ["PackError", "PackProblem", "validate_unique"]


class PackProblem(Record):
    """One problem in a pack: file, line, what is wrong (frozen; a plain class, as is
    :class:`~sociable.packs.loader.PackParts`: a dataclass costs start-up time, :mod:`sociable.records`)."""

    __slots__ = ("line", "message", "path")
    _frozen = True

    path: str
    line: int
    message: str

    def __init__(self, path: str, line: int, message: str) -> None:
        fill(self, path=path, line=line, message=message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class PackError(Exception):
    """One or more problems in rule packs; ``str()`` lists them one per line."""

    def __init__(self, problems: Iterable[PackProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def validate_unique(specs: Iterable[RuleSpec]) -> None:
    """Codes and names must be unique across every loaded pack, and same-habit codes known."""
    seen: dict[str, RuleSpec] = {}
    names: dict[str, RuleSpec] = {}
    problems = []
    for spec in specs:
        path, _, line = spec.source.rpartition(":")
        if spec.code in seen:
            problems.append(
                PackProblem(path, int(line), f"duplicate code {spec.code}: also {seen[spec.code].source}")
            )
        elif spec.name in names:
            problems.append(
                PackProblem(path, int(line), f"duplicate name {spec.name!r}: also {names[spec.name].source}")
            )
        seen.setdefault(spec.code, spec)
        names.setdefault(spec.name, spec)
    for spec in seen.values():
        # A same-habit code that names no rule would merge nothing, silently: a typo there
        # turns two findings the author meant as one into two.
        unknown = [code for code in spec.same_habit if code not in seen]
        if unknown:
            path, _, line = spec.source.rpartition(":")
            problems.append(
                PackProblem(path, int(line), f"rule {spec.code}: same-habit names {', '.join(unknown)}, which no loaded pack defines")
            )
    if problems:
        raise PackError(problems)
