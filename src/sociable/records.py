"""Plain data classes for the start-up path, without :mod:`dataclasses`.

``@dataclass`` writes each class's ``__init__``, ``__eq__`` and ``__repr__`` as source text and
compiles it when the class is made: 0.3-0.6 ms a class on an idle machine (several times that
for a frozen class of twenty fields), paid by every run before it reads a draft. A class on
that path instead writes its ``__init__`` by hand, lists its fields in ``__slots__`` and takes
equality, hashing, ``repr``, pickling and ``replace`` from :class:`Record`, which builds
nothing per class.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

_R = TypeVar("_R", bound="Record")


class Record:
    """Fields are the parameters of ``__init__``, in order, and the ``__slots__`` if the class
    has them (a frozen class with many instances to unpickle is quicker without); ``_hidden``
    fields are left out of ``==``, ``hash`` and ``repr`` (``field(compare=False, repr=False)``);
    ``_unshown``, when a class sets it, says instead which fields ``repr`` leaves out
    (``field(repr=False)`` alone, or a field out of ``==`` that ``repr`` still shows).

    A subclass that sets ``_frozen = True`` cannot be assigned to after ``__init__`` (which sets
    its fields with ``object.__setattr__``), as a frozen dataclass cannot; a mutable one is
    unhashable, as a dataclass with ``eq`` is.
    """

    __slots__ = ()
    _hidden: ClassVar[frozenset[str]] = frozenset()
    _unshown: ClassVar[frozenset[str] | None] = None
    _frozen: ClassVar[bool] = False
    #: Every field, in order (the ``__slots__`` of the class and its bases), made once.
    _field_names: ClassVar[tuple[str, ...]] = ()
    _compared_names: ClassVar[tuple[str, ...]] = ()
    _shown_names: ClassVar[tuple[str, ...]] = ()
    #: ``_compared_names`` read as one tuple (a static method: called with the record).
    _compared_getter: ClassVar[Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The fields, in order, are the parameters of the class's own __init__ (so __slots__
        # may be sorted); a slot that __init__ does not set would be left out of ==, hash,
        # repr and pickling, so the two must agree.
        code = cls.__init__.__code__
        fields = code.co_varnames[1:code.co_argcount + code.co_kwonlyargcount]
        slotted = "__slots__" in cls.__dict__
        if slotted:
            slots: set[str] = set()
            for klass in cls.__mro__:
                found = klass.__dict__.get("__slots__", ())
                slots.update((found,) if isinstance(found, str) else found)
            if set(fields) != slots:
                raise TypeError(f"{cls.__name__}: __init__ parameters {fields} are not its __slots__")
        cls._field_names = tuple(fields)
        cls._compared_names = compared = tuple(name for name in fields if name not in cls._hidden)
        unshown = cls._hidden if cls._unshown is None else cls._unshown
        cls._shown_names = tuple(name for name in fields if name not in unshown)
        # The compared fields as one tuple, built in C (equality and hashing of thousands of
        # shape elements when the pack cache is written); attrgetter of one name is no tuple.
        getter: Callable[[Any], tuple[Any, ...]] = attrgetter(*compared) if len(compared) > 1 else (
            _one(compared[0]) if compared else _nothing
        )
        cls._compared_getter = staticmethod(getter)
        if not cls._frozen:  # plain attribute access, at C speed; unhashable, as with eq
            cls.__setattr__ = object.__setattr__  # type: ignore[method-assign, assignment]
            cls.__delattr__ = object.__delattr__  # type: ignore[method-assign]
            cls.__hash__ = None  # type: ignore[assignment]
        if not cls._frozen or not slotted:
            # pickle's own protocol then rebuilds an instance in C (state set straight into
            # its __dict__ or slots), as it does a dataclass's: records sent back by workers
            # by the thousand cost no Python call each.
            cls.__reduce__ = object.__reduce__  # type: ignore[method-assign, assignment]

    @classmethod
    def _fields(cls) -> tuple[str, ...]:
        return cls._field_names

    def _compared(self) -> tuple[Any, ...]:
        found: tuple[Any, ...] = self._compared_getter(self)
        return found

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown_names)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:  # frozen classes only
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:  # frozen classes only
        raise AttributeError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:  # frozen, with __slots__
        # Keyword-free: the class is rebuilt empty and its fields set back past __setattr__.
        return (_rebuild, (type(self), tuple(getattr(self, name) for name in self._fields())))

    def replace(self: _R, **changes: Any) -> _R:
        """A copy with ``changes`` (``dataclasses.replace``); the copy runs ``__init__``."""
        values = {name: getattr(self, name) for name in self._fields()}
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return type(self)(**values)


def _nothing(record: Any) -> tuple[Any, ...]:
    return ()


def _one(name: str) -> Callable[[Any], tuple[Any, ...]]:
    get = attrgetter(name)
    return lambda record: (get(record),)


def fill(record: Record, **values: Any) -> None:
    """Set a frozen record's fields from its ``__init__``, past its closed ``__setattr__``
    (what a frozen dataclass's generated ``__init__`` does)."""
    for name, value in values.items():
        object.__setattr__(record, name, value)


def _rebuild(cls: type[_R], values: tuple[Any, ...]) -> _R:
    record = cls.__new__(cls)
    for name, value in zip(cls._fields(), values, strict=True):
        object.__setattr__(record, name, value)
    return record
