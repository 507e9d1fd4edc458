"""``Finding``'s hand-written methods against the ones ``@dataclass`` would generate.

``findings.Finding`` writes out ``__init__``, ``__repr__``, ``__eq__`` and ``__hash__`` (their
generation was 0.7 ms of every run); :class:`Generated` is the same class as ``@dataclass``
makes it, and the two must behave alike.
"""

from __future__ import annotations

import dataclasses
import pickle
import random
from dataclasses import dataclass, field
from typing import Any

import pytest

from sociable.findings import Applicability, Edit, Finding, Fix, Severity


@dataclass(frozen=True)
class Generated:
    path: str
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    fix: Fix | None = None
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


FIX = Fix((Edit(0, 4, "Hello"),), Applicability.UNSAFE, "say hello")


def samples(count: int) -> list[dict[str, Any]]:
    rng = random.Random(12)
    found = []
    for _ in range(count):
        values: dict[str, Any] = {
            "path": rng.choice(["a.md", "b.md"]), "code": rng.choice(["EB101", "GP202"]),
            "name": "n", "category": "c", "severity": rng.choice(list(Severity)),
            "message": rng.choice(["m", "m'\n"]), "start": rng.randrange(3), "end": rng.randrange(3),
        }
        for key, choices in (("line", [0, 1]), ("column", [0, 2]), ("end_line", [0, 3]),
                             ("end_column", [0, 4]), ("fix", [None, FIX]), ("url", ["", "u"]),
                             ("extra", [{}, {"also": ["X1"]}])):
            if rng.random() < 0.5:
                values[key] = rng.choice(choices)
        found.append(values)
    return found


def test_same_fields_and_defaults() -> None:
    assert [(f.name, f.default, f.default_factory, f.compare, f.hash, f.repr, f.init)
            for f in dataclasses.fields(Finding)] == [
        (f.name, f.default, f.default_factory, f.compare, f.hash, f.repr, f.init)
        for f in dataclasses.fields(Generated)]
    assert dataclasses.is_dataclass(Finding)
    assert Finding.__dataclass_params__.frozen
    assert Finding.__match_args__ == Generated.__match_args__


def test_methods_behave_as_generated() -> None:
    values = samples(60)
    ours = [Finding(**v) for v in values]
    theirs = [Generated(**v) for v in values]
    for a, x in zip(ours, theirs, strict=True):
        assert repr(a) == repr(x).replace("Generated(", "Finding(", 1)
        assert hash(a) == hash(x)
        assert dataclasses.asdict(a) == dataclasses.asdict(x)
        assert a.extra == x.extra
        for b, y in zip(ours, theirs, strict=True):
            assert (a == b) == (x == y)
        assert a.__eq__(x) is NotImplemented
    assert Finding(**values[0]) == Finding(**values[0])


def test_extra_is_a_fresh_dict_unless_given() -> None:
    first = Finding("a", "C1", "n", "c", Severity.INFO, "m", 0, 1)
    second = Finding("a", "C1", "n", "c", Severity.INFO, "m", 0, 1)
    assert first.extra == {} and first.extra is not second.extra
    assert Finding("a", "C1", "n", "c", Severity.INFO, "m", 0, 1, extra=None).extra is None  # type: ignore[arg-type]


def test_frozen_replace_and_pickle() -> None:
    finding = Finding(**samples(1)[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 3  # type: ignore[misc]
    moved = dataclasses.replace(finding, line=9, extra={"also": ["Y"]})
    assert moved.line == 9 and moved.code == finding.code and moved.extra == {"also": ["Y"]}
    again = pickle.loads(pickle.dumps(finding))
    assert again == finding and again.extra == finding.extra and repr(again) == repr(finding)
