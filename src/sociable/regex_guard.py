"""Keep a user's regular expression from hanging a run.

Two guards, because neither alone is enough:

* at load time, :func:`risky_repeat` rejects the shape that backtracks catastrophically in a
  backtracking engine: an unbounded repeat inside another unbounded repeat (``(a+)+``,
  ``(\\w+\\s?)*``);
* at run time, :func:`time_limit` interrupts a check that runs too long (SIGALRM, where the
  platform and thread allow it) and the engine reports the rule as skipped for that draft.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
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
        if self.seconds <= 0 or not _USABLE or threading.get_ident() != _MAIN_THREAD:
            return
        pid = os.getpid()
        if pid != _HANDLER_PID:
            signal.signal(signal.SIGALRM, _on_alarm)
            _HANDLER_PID = pid
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        self.active = True

    def restart(self) -> None:
        """Give the rest of the block a fresh ``seconds`` (after one part of it ran out)."""
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            self.active = False


_USABLE = hasattr(signal, "setitimer")
_MAIN_THREAD = threading.main_thread().ident
