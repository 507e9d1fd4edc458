"""sociable: a linter for outreach drafts.

Only the version and the hook marker live here so that ``import sociable`` stays cheap: the CLI
of a single short draft must start fast, and every heavy module is imported where it is used.
"""

from __future__ import annotations

__all__ = ["__version__", "hookimpl"]

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # pluggy is imported only when a plugin actually asks for the marker.
    if name == "hookimpl":
        from sociable.plugins.markers import hookimpl

        return hookimpl
    raise AttributeError(name)
