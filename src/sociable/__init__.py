"""sociable: a linter for outreach drafts.

``sociable.lint(text, channel=..., to=...)`` and the rest of the public API (:mod:`sociable.api`,
``docs/api.md``) are loaded on first use, as is the hook marker: ``import sociable`` stays
cheap, because the CLI of a single short draft must start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sociable.api import Draft, Finding, Linter, LintError, Recipient, lint, lint_many
    from sociable.plugins.markers import hookimpl

__all__ = [
    "Draft", "Finding", "LintError", "Linter", "Recipient", "__version__", "hookimpl", "lint",
    "lint_many",
]

__version__ = "0.1.0"

_API = frozenset({"Draft", "Finding", "LintError", "Linter", "Recipient", "lint", "lint_many"})


def __getattr__(name: str) -> object:
    # pluggy is imported only when a plugin actually asks for the marker.
    if name == "hookimpl":
        from sociable.plugins.markers import hookimpl

        return hookimpl
    if name in _API:
        from sociable import api

        return getattr(api, name)
    raise AttributeError(name)
