"""Running rules over drafts: a pure per-draft step, then one corpus step over all drafts.

``lint_document(doc, ruleset)`` is the function the CLI runs in worker processes and the
language server runs on an editor buffer: document and rules in, a :class:`DraftResult` out,
no I/O. ``finish(results, ruleset)`` then runs corpus kinds (repetition across drafts) over the
signatures the workers returned, applies each draft's suppressions, reports unused ones and
sorts everything by path, line and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sociable.decisions import UNUSED_CODE, Suppressions
from sociable.document import Document
from sociable.findings import Finding
from sociable.kinds.base import Unavailable
from sociable.overlaps import one_per_problem
from sociable.regex_guard import RegexTimeout, time_limit
from sociable.ruleset import RuleSet

RULE_TIME_LIMIT = 2.0  # CPU seconds a rule may run on a short draft before it is skipped
#: A long draft gets the limit once per this many characters: a linear-time rule needs time in
#: proportion to the draft, so a fixed limit skipped rules on long drafts depending on speed.
#: Catastrophic backtracking grows faster than any such budget and is still cut off.
CHARACTERS_PER_LIMIT = 50_000
#: How a problem says a rule was skipped: the findings are incomplete, so the CLI exits 2.
SKIPPED = "skipped for this draft"


@dataclass
class DraftResult:
    """What one draft produced; small and picklable."""

    path: str
    findings: list[Finding]
    suppressions: Suppressions
    signatures: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def locate(doc: Document, finding: Finding) -> Finding:
    """Fill in 1-based line and column from the finding's offsets."""
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(max(finding.start, finding.end))
    return replace(finding, line=line, column=column, end_line=end_line, end_column=end_column)


def lint_document(
    doc: Document,
    ruleset: RuleSet,
    extra_ignores: Iterable[str] = (),
    rule_time_limit: float = RULE_TIME_LIMIT,
) -> DraftResult:
    """Every selected rule that applies to the draft's channel, over the draft."""
    findings: list[Finding] = []
    problems: list[str] = []
    signatures: dict[str, Any] = {}
    suppressions = Suppressions.from_document(doc, extra_ignores)
    if suppressions.skip_file:
        return DraftResult(doc.path, [], suppressions)
    rules = []
    for spec in ruleset.active(doc.channel):
        kind = ruleset.kinds[spec.kind]
        if not kind.corpus and not doc.scopes.get(spec.scope):
            continue  # nothing to read: do not even prepare the rule
        rules.append((kind, ruleset.rule(spec.code)))  # prepared outside the time limit
    # One timer for the draft's rules together (two system calls a draft, not two a rule):
    # the rule running when it expires is skipped and the rest get a fresh limit.
    budget = rule_time_limit * max(1.0, len(doc.text) / CHARACTERS_PER_LIMIT)
    guard = time_limit(budget)
    try:
        with guard:
            for kind, rule in rules:
                try:
                    if kind.corpus:
                        signature = kind.signature(doc, rule)
                        if signature is not None:
                            signatures[rule.code] = signature
                    if doc.scopes.get(rule.spec.scope):
                        findings.extend(kind.check(doc, rule))
                except RegexTimeout:
                    problems.append(
                        f"{doc.path}: rule {rule.code} ({rule.spec.name}) ran longer than "
                        f"{budget:g}s and was {SKIPPED}"
                    )
                    guard.restart()
                except Unavailable as exc:  # e.g. a server is down: the same line every draft
                    problems.append(str(exc))
                    guard.restart()  # it may have used up the limit waiting
                except Exception as exc:  # a broken plugin kind must not sink the run
                    problems.append(f"{doc.path}: rule {rule.code} ({kind.name}) failed: {exc!r}")
    except RegexTimeout:  # expired between two rules (a rare instant): say what was skipped
        problems.append(
            f"{doc.path}: rules ran longer than {budget:g}s and the rest were {SKIPPED}"
        )
    located = [locate(doc, finding) if not finding.line else finding for finding in findings]
    return DraftResult(doc.path, located, suppressions, signatures, problems)


def finish(
    results: Sequence[DraftResult],
    ruleset: RuleSet,
    references: Sequence[DraftResult] = (),
    problems: list[str] | None = None,
    history: Sequence[DraftResult] = (),
) -> list[Finding]:
    """Corpus checks, suppression and ordering over every draft of a run.

    ``references`` are drafts compared against but not reported on (``--compare-with``, the
    language server's workspace): their signatures take part, their findings are dropped.
    ``history`` (from :func:`history_result`) comes last, for kinds that compare with it.
    A corpus rule that fails is reported in ``problems`` (when given) and the run goes on.
    """
    corpus_findings: dict[str, list[Finding]] = {}
    for code in ruleset.selected:
        if not ruleset.kinds[ruleset.specs[code].kind].corpus:
            continue  # checked per draft already; do not prepare it again here
        rule = ruleset.rule(code)
        own = [r.signatures[code] for r in results if code in r.signatures]
        signatures = own + [r.signatures[code] for r in references if code in r.signatures]
        if own:
            signatures += [r.signatures[code] for r in history if code in r.signatures]
        try:
            for finding in rule.kind.compare(signatures, rule, reported=len(own)):
                corpus_findings.setdefault(finding.path, []).append(finding)
        except ValueError as exc:  # bad input the kind names, e.g. unreadable history
            if problems is None:
                raise
            problems.append(f"rule {code}: {exc}")
    unused = ruleset.specs.get(UNUSED_CODE) if UNUSED_CODE in ruleset.selected else None
    out: list[Finding] = []
    for result in results:
        # A file read as several drafts (an export's rows) gets its corpus findings once.
        extra = corpus_findings.pop(result.path, [])
        out.extend(result.suppressions.apply([*result.findings, *extra], unused))
    # Two rules on the same words are one problem: report the most specific, with the other
    # codes in its extra["also"] (Finding.codes).
    kinds = {code: spec.kind for code, spec in ruleset.specs.items()}
    out = one_per_problem(out, kinds)
    return sorted(out, key=lambda f: f.sort_key)


def history_result(doc: Document, ruleset: RuleSet) -> DraftResult:
    """A message already sent, as corpus kinds compare with it (:meth:`Kind.reference`);
    every selected corpus rule takes part whatever the draft's channel."""
    signatures: dict[str, Any] = {}
    for code in ruleset.selected:
        if not ruleset.kinds[ruleset.specs[code].kind].corpus:
            continue
        rule = ruleset.rule(code)
        signature = rule.kind.reference(doc, rule)
        if signature is not None:
            signatures[code] = signature
    return DraftResult(doc.path, [], Suppressions(doc.path), signatures)


def check_document(
    doc: Document,
    ruleset: RuleSet,
    extra_ignores: Iterable[str] = (),
    references: Sequence[DraftResult] = (),
) -> list[Finding]:
    """One draft on its own, start to finish (examples, the language server, tests).

    ``references`` (e.g. the workspace's drafts) take part in corpus rules, unreported.
    """
    return finish([lint_document(doc, ruleset, extra_ignores)], ruleset, references)
