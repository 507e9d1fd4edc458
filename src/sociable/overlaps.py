"""One finding per problem: when rules of different codes flag the very same span of a draft,
only the most specific finding is reported, as ruff reports one diagnostic where rules overlap.

Packs grow by people adding rules, so two of them come to catch one phrase ("Just checking in"
as a generic pitch and as an automation tell); two lines for one problem read as noise and
double-count in statistics. :func:`one_per_problem` is meant for ``engine.finish``, after
suppressions (where it merges within a family only: see ``across_families``), so
an ignore names the rule it silences (ignoring only the winner's code leaves the other rule
its say) and a suppression of either still counts as used. Findings that merely overlap or contain one another are different problems
(a long sentence and a phrase inside it) and are all kept.

The most specific of a group is the one that says most: the higher severity, then one with a
fix (it tells the writer what to do), then the family order of :data:`SPECIFIC_FIRST`,
then the code. The others' codes are kept in the winner's ``extra["also"]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from sociable.findings import Finding
from sociable.packs.schema import CATEGORIES

#: Codes that are never merged: sociable's own findings (unused suppressions) are about the
#: directive, not the draft's text.
NEVER_MERGED = ("SX",)
#: Kinds whose findings are "these words": two of them on one span are one problem. A metric
#: or count over the same span (reading level and sentence length of one sentence) is not.
MATCH_KINDS = frozenset({"phrases", "pattern", "shape"})


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


def one_per_problem(
    findings: Iterable[Finding],
    kinds: Mapping[str, str] | None = None,
    across_families: bool = True,
) -> list[Finding]:
    """``findings`` with each group of same-span, different-code findings cut to one.

    ``kinds`` maps codes to rule kinds; when given, only findings of :data:`MATCH_KINDS`
    are merged. With ``across_families=False`` only findings of one category are merged:
    two families on one span are two judgments (an unfilled merge field is both impersonal
    and an automation tell), and a reader, a report or a dashboard counting families needs both.

    Order is kept (the first of a group's positions); the result is a pure function of the
    input, so the same draft always gives the same findings.
    """
    items = list(findings)
    groups: dict[tuple[str, int, int, str], list[int]] = {}
    for index, finding in enumerate(items):
        if finding.code.startswith(NEVER_MERGED) or finding.start == finding.end:
            continue
        if kinds is not None and kinds.get(finding.code) not in MATCH_KINDS:
            continue
        family = "" if across_families else finding.category
        groups.setdefault((finding.path, finding.start, finding.end, family), []).append(index)
    dropped: set[int] = set()
    winners: dict[int, Finding] = {}
    for members in groups.values():
        if len({items[i].code for i in members}) < 2:
            continue  # one rule twice at one place (e.g. two drafts of an export) is its own call
        best = min(members, key=lambda i: _specificity(items[i]))
        others = sorted({items[i].code for i in members} - {items[best].code})
        extra = {**items[best].extra, "also": others}
        winners[best] = replace(items[best], extra=extra)
        dropped.update(i for i in members if i != best)
    return [winners.get(i, f) for i, f in enumerate(items) if i not in dropped]
