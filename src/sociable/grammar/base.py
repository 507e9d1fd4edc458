"""The interface a grammar backend implements, and how a run picks one.

A backend is chosen per run, not per rule: ``grammar-backend`` in the configuration names
one (``"harper"``, ``"languagetool"``, a plugin's name, or ``"off"``); unset, a named
LanguageTool server wins, else Harper when it is installed, else grammar is off. Rules then
say, per backend, which of that backend's rule ids and categories they report.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    import pluggy

SETTING = "grammar_backend"
OFF = "off"
#: The run setting (``grammar-max-characters``) that bounds how much of a draft's view grammar
#: reads, and its default. Harper reads about 30 µs of CPU a character, so a huge draft's
#: grammar took longer than its time budget on one machine and not on another: reading whole
#: paragraphs up to a fixed number of characters gives the same findings everywhere, and
#: the kind says what it did not read. 0 means no limit (the time budget alone).
LIMIT_SETTING = "grammar_max_characters"
MAX_CHARACTERS = 20_000


@dataclass(frozen=True)
class GrammarMatch:
    """One mistake a backend found, in code points of the text it was given."""

    start: int
    end: int
    message: str
    rule_id: str
    category: str
    replacements: tuple[str, ...] = ()


class GrammarBackend:
    """Base class of grammar backends. Subclasses set ``name`` and ``label``.

    ``check`` must be a pure function of the text and the settings (the same text gives the
    same matches), may cache, and raises :class:`~sociable.kinds.base.Unavailable` with one
    line when it cannot work in this process at all (a server down, a library missing).
    """

    #: The value of ``grammar-backend`` that picks this backend, and the key of its block in
    #: a rule's ``backends``.
    name: ClassVar[str] = ""
    #: How messages and ``sociable explain`` name it ("Harper", "LanguageTool").
    label: ClassVar[str] = ""

    def usable(self, settings: Mapping[str, Any]) -> bool:
        """Whether the backend can run with these settings, cheaply (no network, no build)."""
        return True

    def automatic(self, settings: Mapping[str, Any]) -> bool:
        """Whether an unset ``grammar-backend`` should pick this backend."""
        return False

    def check(self, text: str, settings: Mapping[str, Any]) -> list[GrammarMatch]:
        """The matches in ``text`` (blanked regions are spaces; offsets are into ``text``)."""
        raise NotImplementedError

    def describe(self, settings: Mapping[str, Any]) -> str:
        """One line for ``sociable explain``: what runs and where."""
        return self.label or self.name

    def setup_hint(self, settings: Mapping[str, Any]) -> str:
        """How to make the backend usable, when it is chosen but ``usable`` is False."""
        return f"the {self.label or self.name} grammar backend cannot run here"


# --- the registry --------------------------------------------------------------------------

_BACKENDS: dict[str, GrammarBackend] | None = None


def use_backends(manager: pluggy.PluginManager) -> dict[str, GrammarBackend]:
    """Collect the backends every plugin provides (later plugins win a name)."""
    global _BACKENDS
    table: dict[str, GrammarBackend] = {}
    for group in reversed(manager.hook.sociable_grammar_backends()):
        for backend in group or []:
            table[backend.name] = backend
    _BACKENDS = table
    return table


def backends() -> dict[str, GrammarBackend]:
    """The process's backends; a worker started without the parent's state collects them."""
    if _BACKENDS is None:
        from sociable.plugins.manager import get_plugin_manager

        return use_backends(get_plugin_manager())
    return _BACKENDS


def choose(settings: Mapping[str, Any]) -> GrammarBackend | None:
    """The backend this run uses, or None for "off" (see the module docstring).

    A backend named in ``grammar-backend`` is returned even when it is not usable, so the
    caller can say why; an automatic choice only picks usable ones.
    """
    wanted = settings.get(SETTING)
    table = backends()
    if wanted:
        if wanted == OFF:
            return None
        return table.get(str(wanted))
    for backend in _automatic_order(table.values()):
        if backend.automatic(settings) and backend.usable(settings):
            return backend
    return None


def _automatic_order(candidates: Iterable[GrammarBackend]) -> list[GrammarBackend]:
    # A server the user named says more about their wishes than an installed library.
    order = {"languagetool": 0, "harper": 1}
    return sorted(candidates, key=lambda b: (order.get(b.name, 2), b.name))


def character_limit(settings: Mapping[str, Any]) -> int:
    """The run's ``grammar-max-characters`` (:data:`MAX_CHARACTERS` when unset; 0: none)."""
    value = settings.get(LIMIT_SETTING)
    return MAX_CHARACTERS if value is None else int(value)


def checked_end(view: str, limit: int) -> int:
    """Where the part of ``view`` grammar reads ends: after the last paragraph that ends
    within the first ``limit`` characters (the whole view when it is that short, or the limit
    is 0). Paragraphs are read whole, as Harper reads them; a first paragraph longer than the
    limit leaves nothing to read."""
    content = len(view)
    while content and view[content - 1].isspace():
        content -= 1  # blanked or blank lines at the end are nothing to read
    if not limit or content <= limit:
        return len(view)
    end = 0
    for brk in _PARAGRAPH_BREAK.finditer(view):
        if brk.start() > limit:
            break
        end = brk.start()
    return end


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@contextmanager
def untimed() -> Iterator[None]:
    """Pause the engine's per-rule alarm: set-up is paid once per process, not per draft.

    Building Harper's dictionary or starting a local LanguageTool takes seconds, once; the
    draft that happens to come first must not be reported as slow for it.
    """
    import signal

    from sociable.regex_guard import TIMER

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    remaining, interval = signal.setitimer(TIMER, 0)
    try:
        yield
    finally:
        if remaining:
            signal.setitimer(TIMER, remaining, interval)
