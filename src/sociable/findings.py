"""Findings are plain data: what a rule found, where, and how it could be fixed.

Kinds create them, the engine sorts and filters them, formatters and the language server read
them. Nothing here prints or knows about terminals. Offsets index the document's text (the
decoded file, BOM removed); line and column are 1-based, in characters, as editors count them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter
from typing import Any

from sociable.records import Record, fill


class Severity(str, Enum):
    """How loud a finding is; ``error`` > ``warning`` > ``info``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Applicability(str, Enum):
    """Whether ``--fix`` may apply a fix without asking (ruff's three levels).

    ``safe`` fixes keep the author's meaning; ``unsafe`` ones need ``--unsafe-fixes``;
    ``display`` ones are only shown as suggestions.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


class Edit(Record):
    """Replace ``text[start:end]`` with ``replacement`` (frozen; a plain class like
    :class:`Fix`, since a dataclass costs start-up time: :mod:`sociable.records`)."""

    _frozen = True  # no __slots__: unpickled by the thousand from workers and the cache

    start: int
    end: int
    replacement: str

    def __init__(self, start: int, end: int, replacement: str) -> None:
        fill(self, start=start, end=end, replacement=replacement)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


class Fix(Record):
    """One or more edits that together resolve a finding (frozen)."""

    _frozen = True  # no __slots__: unpickled by the thousand from workers and the cache

    edits: tuple[Edit, ...]
    applicability: Applicability
    description: str

    def __init__(
        self,
        edits: tuple[Edit, ...],
        applicability: Applicability = Applicability.SAFE,
        description: str = "",
    ) -> None:
        fill(self, edits=edits, applicability=applicability, description=description)

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicability": self.applicability.value,
            "description": self.description,
            "edits": [e.to_dict() for e in self.edits],
        }


#: ``extra`` not given: a new dict each time (the field's ``default_factory``).
_NO_EXTRA: Any = object()


@dataclass(frozen=True, init=False, repr=False, eq=False)
class Finding:
    """A rule's verdict on one span of one draft.

    A frozen dataclass (``dataclasses.fields``, ``replace`` and ``asdict`` work on it, and
    assigning to a field raises ``FrozenInstanceError``) whose ``__init__``, ``__repr__``,
    ``__eq__`` and ``__hash__`` are written out below rather than generated: ``@dataclass``
    compiles each from source text when the module is imported, and for these fifteen fields
    that was 0.7 ms of every run, a one-draft check included. They do what the generated ones
    did (``tests/test_findings_dataclass.py`` compares them with a generated twin); only
    ``__dataclass_params__`` now says ``init``, ``repr`` and ``eq`` were not generated.
    """

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
    # Extra, kind-specific facts (the other draft of a repetition, LanguageTool's rule id, ...).
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __init__(
        self,
        path: str,
        code: str,
        name: str,
        category: str,
        severity: Severity,
        message: str,
        start: int,
        end: int,
        line: int = 0,
        column: int = 0,
        end_line: int = 0,
        end_column: int = 0,
        fix: Fix | None = None,
        url: str = "",
        extra: dict[str, Any] = _NO_EXTRA,
    ) -> None:
        put = object.__setattr__
        put(self, "path", path)
        put(self, "code", code)
        put(self, "name", name)
        put(self, "category", category)
        put(self, "severity", severity)
        put(self, "message", message)
        put(self, "start", start)
        put(self, "end", end)
        put(self, "line", line)
        put(self, "column", column)
        put(self, "end_line", end_line)
        put(self, "end_column", end_column)
        put(self, "fix", fix)
        put(self, "url", url)
        put(self, "extra", {} if extra is _NO_EXTRA else extra)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELD_NAMES)
        return f"{self.__class__.__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_compared(self) == _compared(other))

    def __hash__(self) -> int:
        return hash(_compared(self))

    @property
    def codes(self) -> tuple[str, ...]:
        """This finding's code and those of the rules of its family that flagged the very same
        words and were merged into it (``extra["also"]``, see :mod:`sociable.overlaps`)."""
        return (self.code, *self.extra.get("also", ()))

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape every machine-readable format starts from."""
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix.to_dict() if self.fix else None,
            "url": self.url,
        }
        if self.extra:
            data["extra"] = self.extra
        return data


#: Every field in order (``repr``), and those ``==`` and ``hash`` compare (all but ``extra``).
_FIELD_NAMES = (
    "path", "code", "name", "category", "severity", "message", "start", "end", "line", "column",
    "end_line", "end_column", "fix", "url", "extra",
)
_compared = attrgetter(*_FIELD_NAMES[:-1])
