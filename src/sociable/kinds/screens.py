"""What a rule needs to see in a draft before it is worth preparing, or its kind importing.

Preparing a rule, or unpickling what the pack cache kept of it, costs far more than asking
whether the draft holds the words the rule needs: a shape rule's prepared form is about a
thousand objects, and a short draft gives most shape rules nothing to look at (a one-draft
run unpickled 25 shape rules to find 4 that could match). A kind whose check can say from
its prepared form which words a match needs returns a :class:`WordScreen` from
:meth:`Kind.screen`; the pack cache keeps it beside the prepared form (a few hundred bytes
where the form is tens of kilobytes), and the engine skips a rule whose screen the draft
fails, without preparing the rule or importing its kind.

A screen is the very test the kind makes first in its check, made earlier: it rules a rule
out only for a draft in which the check would find nothing, so findings are the same with or
without screens (a cache miss has none, and every rule is checked).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sociable.records import Record, fill

if TYPE_CHECKING:
    from sociable.document import Document


class WordScreen(Record):
    """A rule that finds nothing in a draft unless, for one of its ``alternatives`` (a shape),
    every group of words has one among the tokens of the view ``doc.analysis(scope, unmask)``
    (their normal forms, the keys of its index).

    ``void_with`` names run-time settings that change what the rule reads (extra words for its
    classes): with any of them set the screen lets the rule through.
    """

    _frozen = True  # no __slots__: unpickled in C, like a frozen dataclass

    scope: str
    unmask: tuple[str, ...]
    alternatives: tuple[tuple[tuple[str, ...], ...], ...]
    void_with: tuple[str, ...]

    def __init__(
        self,
        scope: str,
        unmask: tuple[str, ...],
        alternatives: tuple[tuple[tuple[str, ...], ...], ...],
        void_with: tuple[str, ...] = (),
    ) -> None:
        fill(self, scope=scope, unmask=unmask, alternatives=alternatives, void_with=void_with)

    def passes(self, doc: Document, settings: Mapping[str, Any]) -> bool:
        """False only when no alternative can be met by this draft's words."""
        if any(settings.get(name) for name in self.void_with):
            return True
        words = doc.analysis(self.scope, self.unmask).index.keys()
        for groups in self.alternatives:
            for group in groups:
                if words.isdisjoint(group):
                    break
            else:
                return True
        return False
