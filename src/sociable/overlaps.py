"""One finding per problem: when rules flag the same words of a draft, only the most specific
finding is reported, as ruff reports one diagnostic where rules overlap (issue 15, item 5).

Packs grow by people adding rules, so two of them come to catch one phrase ("Just checking in"
as a generic pitch and as an automation tell; ``{{first_name}}`` as impersonal and as a merge
artefact); two lines for one problem read as noise and double-count in statistics.

*The same words* are two match findings (:data:`MATCH_KINDS`) of one draft where one span
holds the other and both start or both end at the same place: the same phrase, one rule
reading a little further ("Just checking in" and "Just checking in on this"). Within a family
those are one problem. Across families they are one problem only when a rule says so
(``same-habit: [CODE]`` in its pack): the same words flagged as, say, a pitch in a first note
and as self-promotion are two habits with two pieces of advice, and a reader labelling drafts
names both (on ``dev.jsonl`` 56 of 57 cross-family merges hid a family the draft was labelled
with). A declared pair must still be of like length: the longer at most
:data:`SAME_WORDS_SHARE` times the shorter.

:func:`one_per_problem` runs in ``engine.finish`` after suppressions, so an ignore names the
rule it silences (ignoring only the winner's code leaves the other rule its say) and a
suppression of either still counts as used. The most specific of a group is the one that says
most: the higher severity, then one with a fix (it tells the writer what to do), then the
family order of :data:`SPECIFIC_FIRST`, then the code. The others' codes are kept in the
winner's ``extra["also"]`` (:attr:`Finding.codes`), so a report or benchmark counting families
still sees every family that flagged the words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from sociable.findings import Finding
from sociable.packs.schema import CATEGORIES, RuleSpec

#: Codes that are never merged: sociable's own findings (unused suppressions) are about the
#: directive, not the draft's text.
NEVER_MERGED = ("SX",)
#: Kinds whose findings are "these words": two of them on one span are one problem. A metric
#: or count over the same span (reading level and sentence length of one sentence) is not.
MATCH_KINDS = frozenset({"phrases", "pattern", "shape"})
#: How much longer one span may be and still be "the same words" as a span it shares a start
#: or an end with: twice ("Just checking in" and "Just checking in on this"). A sentence-long
#: finding that begins with a three-word opener is about the sentence, a different problem.
SAME_WORDS_SHARE = 2
#: What :func:`merge_kind` calls a rule that flags what a draft lacks.
ABSENCE = "absence"


def merge_kind(spec: RuleSpec) -> str:
    """The kind :func:`one_per_problem` sees for ``spec``: a pattern or shape rule that flags
    what the draft lacks (``when: missing``, "names nothing about them") stands on the first
    line only to have a place, so those words are not its problem and it merges with no rule
    that flags them (a "thanks for the follow" auto-DM that also names nothing is two problems)."""
    if spec.kind in ("pattern", "shape") and spec.options.get("when") == "missing":
        return ABSENCE
    return spec.kind


def same_habits(specs: Iterable[RuleSpec]) -> dict[str, frozenset[str]]:
    """Each code with the codes it is declared one habit with, either way round: a declaration
    on one rule of a pair is enough."""
    pairs: dict[str, set[str]] = {}
    for spec in specs:
        for code in spec.same_habit:
            pairs.setdefault(spec.code, set()).add(code)
            pairs.setdefault(code, set()).add(spec.code)
    return {code: frozenset(codes) for code, codes in pairs.items()}


#: Which family says most about the same words: an automation tell names the mechanism (a
#: merge artefact, a sequence step), which is more specific than "impersonal" or "generic".
SPECIFIC_FIRST = (
    "automation", "tag-hijack", "pitch-on-connect", "engagement-bait", "no-personalization",
    "generic-pitch", "self-promotion", *CATEGORIES[7:],
)


def _specificity(finding: Finding) -> tuple[int, int, int, str]:
    order = SPECIFIC_FIRST
    category = order.index(finding.category) if finding.category in order else len(order)
    # Smaller sorts first: higher severity, has a fix, earlier category, lower code.
    return (-finding.severity.rank, 0 if finding.fix is not None else 1, category, finding.code)


def _same_words(one: Finding, other: Finding, same_habit: Mapping[str, frozenset[str]]) -> bool:
    """Two findings that share a start or an end: one problem when one family flags both (one
    habit, one rule reading further), or when two families' rules are declared one habit and
    neither span is much longer than the other. Across families, an opener and the whole
    sentence or paragraph it opens are two problems: the sentence is flagged for something
    else."""
    if one.category == other.category:
        return True
    if other.code not in same_habit.get(one.code, ()):  # symmetric: see same_habits
        return False
    short, long_ = sorted((one.end - one.start, other.end - other.start))
    return short * SAME_WORDS_SHARE >= long_


def one_per_problem(
    findings: Iterable[Finding],
    kinds: Mapping[str, str] | None = None,
    across_families: bool = True,
    same_habit: Mapping[str, frozenset[str]] | None = None,
) -> list[Finding]:
    """``findings`` with each group of findings on the same words cut to the most specific.

    ``kinds`` maps codes to rule kinds; when given, only findings of :data:`MATCH_KINDS`
    are merged. ``same_habit`` maps a code to the codes of other families it is one habit with,
    both ways round (:func:`same_habits`); without it no findings of two families merge, as
    with ``across_families=False``.

    Order is kept (the first of a group's positions); the result is a pure function of the
    input, so the same draft always gives the same findings. Grouping is by shared start and
    shared end (near-linear), never by comparing every pair, so a huge draft stays cheap.
    """
    items = list(findings)
    habits = same_habit if (same_habit is not None and across_families) else {}
    parent = list(range(len(items)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    edges: dict[tuple[str, str, str, int], list[int]] = {}
    for index, finding in enumerate(items):
        if finding.code.startswith(NEVER_MERGED) or finding.start == finding.end:
            continue
        if kinds is not None and kinds.get(finding.code) not in MATCH_KINDS:
            continue
        family = "" if across_families else finding.category
        # Spans that share a start (or an end) always hold one another: the same words.
        edges.setdefault((finding.path, family, "start", finding.start), []).append(index)
        edges.setdefault((finding.path, family, "end", finding.end), []).append(index)
    linked: set[int] = set()
    for members in edges.values():
        for place, index in enumerate(members):
            for other in members[:place]:
                if _same_words(items[index], items[other], habits):
                    parent[root(index)] = root(other)
                    linked.update((index, other))
    eligible = sorted(linked)
    groups: dict[int, list[int]] = {}
    for index in eligible:
        groups.setdefault(root(index), []).append(index)
    dropped: set[int] = set()
    winners: dict[int, Finding] = {}
    for members in groups.values():
        codes = {items[i].code for i in members}
        if len(codes) < 2:
            continue  # one rule twice at one place (e.g. two drafts of an export) is its own call
        best = min(members, key=lambda i: _specificity(items[i]))
        others = sorted(codes - {items[best].code})
        extra = {**items[best].extra, "also": others}
        winners[best] = replace(items[best], extra=extra)
        dropped.update(i for i in members if i != best)
    return [winners.get(i, f) for i, f in enumerate(items) if i not in dropped]
