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

from collections.abc import Iterable, Mapping
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


class ScreenIndex:
    """Every screen of a plan at once: each distinct group of words is one bit, each word
    carries the bits of the groups it is in, and an alternative is the bits of its groups.

    A view's bits are made once a draft from its distinct words (:meth:`present`); a screen
    then passes when one alternative's bits are all in them: one ``&`` an alternative, where
    :meth:`WordScreen.passes` made a set test a group (a draft met about sixty screens and
    eight hundred set tests). Exactly :meth:`WordScreen.passes`'s answer, without its
    ``void_with`` test, which the caller makes.
    """

    def __init__(self, screens: Iterable[WordScreen] = ()) -> None:
        self._bits: dict[tuple[str, ...], int] = {}
        self._words: dict[str, int] = {}
        #: Per screen (by identity, kept alive here): the bits of each alternative.
        self._masks: dict[int, tuple[WordScreen, tuple[int, ...]]] = {}
        self.add(screens)

    def add(self, screens: Iterable[WordScreen]) -> None:
        """Index more screens (another channel's plan): a group already indexed keeps its bit,
        so plans that share most of their rules share the work of indexing their words (seven
        plans in a folder of channel drafts: about 30 ms a process, 20 ms shared). A view's
        bits made before the call lack the new groups: make them again."""
        bits, words, masks_of = self._bits, self._words, self._masks
        for screen in screens:
            if id(screen) in masks_of and masks_of[id(screen)][0] is screen:
                continue
            masks = []
            for groups in screen.alternatives:
                mask = 0
                for group in groups:
                    bit = bits.get(group)
                    if bit is None:
                        bit = bits[group] = 1 << len(bits)
                        for word in group:
                            words[word] = words.get(word, 0) | bit
                    mask |= bit
                masks.append(mask)
            masks_of[id(screen)] = (screen, tuple(masks))

    def present(self, words: Iterable[str]) -> int:
        """The bits of every group one of ``words`` (a view's distinct normal forms) is in."""
        found = 0
        for bits in map(self._words.get, words):
            if bits:
                found |= bits
        return found

    def passes(self, screen: WordScreen, present: int) -> bool:
        """Whether one alternative of ``screen`` has all its groups in ``present`` (a screen
        the index was not made with passes: the rule is checked, as without a screen)."""
        entry = self._masks.get(id(screen))
        if entry is None or entry[0] is not screen:
            return True
        for mask in entry[1]:  # noqa: SIM110 (a loop, not any(): no generator a screen)
            if mask & present == mask:
                return True
        return False
