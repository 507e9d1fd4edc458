"""The garbage collector during start-up: off while the run builds what it needs, on after.

Start-up (imports, the cached packs and prepared rules, the plugin manager) allocates tens of
thousands of objects that live for the whole run and are never garbage. Python's cyclic
collector looks at them anyway: measured on a one-draft ``check``, about 45 young-generation
and 4 middle-generation collections, 20-26 ms of the run, with nothing to free. Reference
counting frees everything that is not a cycle, so start-up runs without the collector, and
it is switched back on (with the start-up objects moved out of its way by
:func:`gc.freeze`) before any draft is linted: a run of 100,000 drafts collects as before.

At the end of the process the same holds: the interpreter's last collections walk every object
still alive (the start-up objects are handed back by :func:`release`) to free nothing a process
about to exit needs freed. Measured on a one-draft ``check``, that was about 40 ms of CPU after
``main`` returned, a fifth of the run; :func:`release` arranges for everything to be frozen
once the ``atexit`` handlers have run (:func:`_freeze_at_exit`), and it took about 8 ms.
"""

from __future__ import annotations

import atexit
import gc

_paused = False
_frozen = False
_exit_frozen = False


def pause_gc() -> None:
    """Switch the cyclic collector off until :func:`resume_gc` (if it was on)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_gc() -> None:
    """Switch the collector back on if :func:`pause_gc` turned it off; safe to call twice.

    What start-up built goes to the permanent generation first, so later collections do not
    walk it again (``gc.freeze``; :func:`release` undoes it for a caller that lives on).
    """
    global _paused, _frozen
    if _paused:
        _paused = False
        gc.freeze()
        _frozen = True
        gc.enable()


def release() -> None:
    """End of a command: hand the frozen start-up objects back to the collector, so that a
    process running many commands (the tests, an embedding tool) can still free them."""
    global _frozen, _exit_frozen
    resume_gc()
    if _frozen:
        _frozen = False
        gc.unfreeze()
    if not _exit_frozen:
        _exit_frozen = True
        atexit.register(_freeze_at_exit)


def _freeze_at_exit() -> None:
    """The process is ending: whatever is alive now goes where the interpreter's final
    collections do not look. Only cycles are left unfreed by this (reference counting frees
    the rest as modules are torn down), and nothing a cycle holds needs finalizing at exit:
    the output streams are flushed by the interpreter, the caches are written and closed by
    the command before it returns. A process that runs many commands (the tests) still
    collects as usual until it exits."""
    gc.freeze()
