"""Keep a user's regular expression from hanging a run.

Two guards, because neither alone is enough:

* at load time, :func:`risky_repeat` rejects the shape that backtracks catastrophically in a
  backtracking engine: an unbounded repeat inside another unbounded repeat (``(a+)+``,
  ``(\\w+\\s?)*``);
* at run time, :func:`time_limit` interrupts a check that runs too long (SIGPROF, where the
  platform and thread allow it) and the engine reports the rule as skipped for that draft.
  The clock is the process's CPU time (``ITIMER_PROF``), not the wall clock: on a loaded
  machine a rule waiting for a core is not running long, and skipping it there made the same
  draft give different findings from run to run.
"""

from __future__ import annotations

import _signal  # the C module: ``signal`` builds three enums at import, 1-2 ms of a run
import _thread
import os
import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    import re._constants as _sre_constants
    import re._parser as _sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

_MAXREPEAT = _sre_constants.MAXREPEAT
_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT}
_POSSESSIVE = getattr(_sre_constants, "POSSESSIVE_REPEAT", None)


class RegexTimeout(Exception):
    """A rule's regular expression ran past its time limit on one draft."""


def risky_repeat(pattern: str, flags: int = 0) -> str | None:
    """Why ``pattern`` may backtrack catastrophically, or None when its shape is safe."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception as exc:  # re.error; the caller compiles and reports it properly
        return f"invalid regular expression: {exc}"
    return _walk(list(parsed.data), inside_unbounded=False)


def _walk(items: list[Any], inside_unbounded: bool) -> str | None:
    for op, arg in items:
        if op in _REPEATS:
            _low, high, body = arg
            unbounded = high == _MAXREPEAT or high > 100
            body_items = list(body)
            if unbounded and inside_unbounded:
                return "nested unbounded repeats such as (a+)+ can take exponential time"
            problem = _walk(body_items, inside_unbounded or unbounded)
            if problem:
                return problem
        elif op == _POSSESSIVE:
            continue
        elif op == _sre_constants.SUBPATTERN:
            problem = _walk(list(arg[-1]), inside_unbounded)
            if problem:
                return problem
        elif op == _sre_constants.BRANCH:
            for branch in arg[1]:
                problem = _walk(list(branch), inside_unbounded)
                if problem:
                    return problem
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            problem = _walk(list(arg[1]), inside_unbounded)
            if problem:
                return problem
    return None


def _on_alarm(signum: int, frame: object) -> None:
    raise RegexTimeout()


_HANDLER_PID = 0  # the process our SIGALRM handler is installed in


#: The interval timer and its signal: CPU time of this process (user and system).
TIMER = getattr(_signal, "ITIMER_PROF", 0)
_SIGNAL = getattr(_signal, "SIGPROF", 0)


class time_limit:  # lower case: used like a function, ``with time_limit(2.0):``
    """Raise :class:`RegexTimeout` if the block runs longer than ``seconds``.

    Works in the main thread on platforms with ``setitimer`` (Linux, macOS); elsewhere the
    load-time check is the only guard. The handler is installed once per process and the
    block itself costs two ``setitimer`` calls: this wraps every rule on every draft.
    """

    __slots__ = ("active", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.active = False

    def __enter__(self) -> None:
        global _HANDLER_PID
        if self.seconds <= 0 or not _USABLE or _thread.get_ident() != _main_thread():
            return
        pid = os.getpid()
        if pid != _HANDLER_PID:
            _signal.signal(_SIGNAL, _on_alarm)
            _HANDLER_PID = pid
        _signal.setitimer(TIMER, self.seconds)
        self.active = True
        _ACTIVE.append(self.seconds)

    def restart(self) -> None:
        """Give the rest of the block a fresh ``seconds`` (after one part of it ran out)."""
        if self.active:
            _signal.setitimer(TIMER, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            _signal.setitimer(TIMER, 0)
            self.active = False
            _ACTIVE.pop()


#: The budgets of the guards now open: the CPU-time alarm cannot end a wait on a socket, so
#: code that waits (a grammar server) bounds its wait by :func:`wait_budget` itself.
_ACTIVE: list[float] = []


def wait_budget(default: float) -> float:
    """How long a blocking wait may take inside the current guard: its budget, or ``default``."""
    return min(default, _ACTIVE[-1]) if _ACTIVE else default


_USABLE = hasattr(_signal, "setitimer") and hasattr(_signal, "SIGPROF")


def _main_thread() -> int | None:
    """The main thread's id, where signal handlers run, without importing :mod:`threading`
    (about 1 ms) in a run that starts no thread: then the main thread is the one asking."""
    threading = sys.modules.get("threading")
    if threading is None:
        return _thread.get_ident()
    ident: int | None = threading.main_thread().ident
    return ident


# --- super-linear shapes (checked over the shipped packs by tests/test_linear_patterns.py) ------

#: Characters a repeat is tried on: ASCII and a few of each Unicode class drafts contain.
_SAMPLE = [chr(c) for c in range(128)] + list("é’“\u00a0ßΩ😀\u2028")
_CATEGORY_TESTS = {
    _sre_constants.CATEGORY_DIGIT: str.isdecimal,
    _sre_constants.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    _sre_constants.CATEGORY_SPACE: str.isspace,
    _sre_constants.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    _sre_constants.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    _sre_constants.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}
_ZERO_WIDTH = {_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT}


def super_linear(pattern: str, flags: int = 0, quadratic: bool = True) -> str | None:
    """Why ``pattern`` may take more than linear time to search a long text, or None.

    Three shapes backtrack super-linearly in a backtracking engine: an unbounded repeat inside
    another (``(a+)+``, :func:`risky_repeat`); alternatives under an unbounded repeat that can
    start with the same character (``(a|ab)*``, ``(\\w|\\d)+``); and two unbounded repeats that
    can read the same characters with only optional items between them (``\\w+\\s*\\w+``),
    which tries every split of a long run. Characters are compared over a sample of ASCII and
    common Unicode classes, so the answer errs on the side of "may". ``quadratic=False``
    leaves out the third (polynomial, not exponential) shape.
    """
    nested = risky_repeat(pattern, flags)
    if nested:
        return nested
    parsed = _sre_parse.parse(pattern, flags)
    return _sequence_problem(
        list(parsed.data), bool(flags & re.IGNORECASE), bool(flags & re.DOTALL), quadratic
    )


def _unbounded(op: Any, arg: Any) -> bool:
    return op in _REPEATS and (arg[1] == _MAXREPEAT or arg[1] > 100)


def _chars(items: list[Any], fold: bool, dotall: bool, first_only: bool) -> set[str]:
    """Sample characters ``items`` can read (only the first one read, with ``first_only``)."""
    found: set[str] = set()
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        found |= _item_chars(op, arg, fold, dotall, first_only)
        if first_only and not _nullable(op, arg):
            break
    return found


def _item_chars(op: Any, arg: Any, fold: bool, dotall: bool, first_only: bool) -> set[str]:
    constants = _sre_constants
    if op == constants.LITERAL:
        char = chr(arg)
        return {char, char.lower(), char.upper()} if fold else {char}
    if op == constants.NOT_LITERAL:
        return {c for c in _SAMPLE if c != chr(arg) and not (fold and c.lower() == chr(arg).lower())}
    if op == constants.ANY:
        return set(_SAMPLE) if dotall else {c for c in _SAMPLE if c != "\n"}
    if op == constants.IN:
        return _class_chars(arg, fold)
    if op in _REPEATS or op == _POSSESSIVE:
        return _chars(list(arg[2]), fold, dotall, first_only)
    if op in (constants.SUBPATTERN, getattr(constants, "ATOMIC_GROUP", None)):
        body = arg[-1] if op == constants.SUBPATTERN else arg
        return _chars(list(body), fold, dotall, first_only)
    if op == constants.BRANCH:
        return set().union(*(_chars(list(b), fold, dotall, first_only) for b in arg[1]))
    return set(_SAMPLE)  # group references and anything unforeseen: may read anything


def _class_chars(items: list[Any], fold: bool) -> set[str]:
    constants = _sre_constants
    negate = False
    found: set[str] = set()
    for op, arg in items:
        if op == constants.NEGATE:
            negate = True
        elif op == constants.LITERAL:
            found |= {chr(arg), chr(arg).lower(), chr(arg).upper()} if fold else {chr(arg)}
        elif op == constants.RANGE:
            low, high = arg
            found |= {c for c in _SAMPLE if any(
                len(v) == 1 and low <= ord(v) <= high for v in ((c, c.lower(), c.upper()) if fold else (c,))
            )}
        elif op == constants.CATEGORY:
            test = _CATEGORY_TESTS.get(arg)
            found |= {c for c in _SAMPLE if test is None or test(c)}
        else:
            found |= set(_SAMPLE)
    return set(_SAMPLE) - found if negate else found


def _nullable(op: Any, arg: Any) -> bool:
    """Whether an item can match the empty string."""
    constants = _sre_constants
    if op in _ZERO_WIDTH:
        return True
    if op in _REPEATS or op == _POSSESSIVE:
        return arg[0] == 0 or all(_nullable(o, a) for o, a in arg[2])
    if op == constants.SUBPATTERN:
        return all(_nullable(o, a) for o, a in arg[-1])
    if op == constants.BRANCH:
        return any(all(_nullable(o, a) for o, a in branch) for branch in arg[1])
    return False


def _sequence_problem(items: list[Any], fold: bool, dotall: bool, quadratic: bool) -> str | None:
    for index, (op, arg) in enumerate(items):
        if _unbounded(op, arg):
            body = list(arg[2])
            for branches in _branches(body):
                firsts = [_chars(list(b), fold, dotall, True) for b in branches]
                for a, first in enumerate(firsts):
                    if any(first & other for other in firsts[a + 1:]):
                        return ("alternatives under a repeat that start alike (such as (ab|a.)*) "
                                "can take exponential time")
            reads = _chars(body, fold, dotall, False) if quadratic else set()
            for later_op, later_arg in items[index + 1:]:
                if _unbounded(later_op, later_arg) and reads & _chars(list(later_arg[2]), fold, dotall, True):
                    return ("two repeats that read the same characters with only optional items "
                            "between (such as \\w+\\s*\\w+) take quadratic time")
                if not _nullable(later_op, later_arg):
                    break
        for inner in _children(op, arg):
            problem = _sequence_problem(inner, fold, dotall, quadratic)
            if problem:
                return problem
    return None


def _branches(items: list[Any]) -> list[list[Any]]:
    """Every alternation inside ``items`` (nested groups and repeats included)."""
    found = []
    for op, arg in items:
        if op == _sre_constants.BRANCH:
            found.append(list(arg[1]))
        for inner in _children(op, arg):
            found.extend(_branches(inner))
    return found


def _children(op: Any, arg: Any) -> list[list[Any]]:
    constants = _sre_constants
    if op in _REPEATS or op == _POSSESSIVE:
        return [list(arg[2])]
    if op == constants.SUBPATTERN:
        return [list(arg[-1])]
    if op == constants.BRANCH:
        return [list(branch) for branch in arg[1]]
    if op in (constants.ASSERT, constants.ASSERT_NOT):
        return [list(arg[1])]
    return []
