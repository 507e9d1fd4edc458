"""Running rules over drafts: a pure per-draft step, then one corpus step over all drafts.

``lint_document(doc, ruleset)`` is the function the CLI runs in worker processes and the
language server runs on an editor buffer: document and rules in, a :class:`DraftResult` out,
no I/O. ``finish(results, ruleset)`` then runs corpus kinds (repetition across drafts) over the
signatures the workers returned, applies each draft's suppressions, reports unused ones and
sorts everything by path, line and column.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import groupby
from typing import TYPE_CHECKING, Any, Protocol

from sociable.decisions import UNUSED_CODE, Suppressions
from sociable.digest import blake2b
from sociable.document import Document
from sociable.findings import Finding
from sociable.kinds.base import Incomplete, Unavailable
from sociable.overlaps import merge_kind, one_per_problem, same_habits
from sociable.records import Record
from sociable.regex_guard import RegexTimeout, time_limit
from sociable.ruleset import RuleSet

if TYPE_CHECKING:
    from sociable.kinds.screens import ScreenIndex, WordScreen
    from sociable.ruleset import Planned

RULE_TIME_LIMIT = 2.0  # CPU seconds a rule may run on a short draft before it is skipped
#: A long draft gets the limit once per this many characters: a linear-time rule needs time in
#: proportion to the draft, so a fixed limit skipped rules on long drafts depending on speed.
#: Catastrophic backtracking grows faster than any such budget and is still cut off.
CHARACTERS_PER_LIMIT = 50_000
#: How a problem says a rule was skipped: the findings are incomplete, so the CLI exits 2.
SKIPPED = "skipped for this draft"


class DraftResult(Record):
    """What one draft produced; small and picklable (a :class:`~sociable.records.Record`:
    no dataclass methods generated at start-up)."""

    path: str
    findings: list[Finding]
    suppressions: Suppressions
    signatures: dict[str, Any]
    problems: list[str]

    def __init__(self, path: str, findings: list[Finding], suppressions: Suppressions,
                 signatures: dict[str, Any] | None = None, problems: list[str] | None = None) -> None:
        self.path = path
        self.findings = findings
        self.suppressions = suppressions
        self.signatures = {} if signatures is None else signatures
        self.problems = [] if problems is None else problems

    def packed(self) -> PackedResult | DraftResult:
        """This result as :class:`PackedResult` (itself when its findings do not pickle, as
        a plugin's odd ``extra`` might not)."""
        try:
            data = pickle.dumps((self.findings, self.suppressions), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return self
        return PackedResult(self.path, zlib.compress(data, 1), self.signatures, self.problems)

    def unpacked(self) -> DraftResult:
        return self


class PackedResult(Record):
    """A :class:`DraftResult` whose findings and suppressions are one compressed pickle.

    What workers send back and the results cache keeps: the main process of a large run holds
    every draft's result until the corpus step has seen all signatures, and as objects the
    findings and suppressions of 100,000 drafts took about 240 MB (packed, about 60 MB; and
    receiving a packed result unpickles one bytes value, not a dozen objects). The corpus step
    reads only ``signatures``; each draft is unpacked when it is reported (:func:`finish`).
    """

    path: str
    packed_findings: bytes
    signatures: dict[str, Any]
    problems: list[str]

    def __init__(self, path: str, packed_findings: bytes, signatures: dict[str, Any] | None = None,
                 problems: list[str] | None = None) -> None:
        self.path = path
        self.packed_findings = packed_findings
        self.signatures = {} if signatures is None else signatures
        self.problems = [] if problems is None else problems

    def packed(self) -> PackedResult:
        return self

    def unpacked(self) -> DraftResult:
        findings, suppressions = pickle.loads(zlib.decompress(self.packed_findings))
        return DraftResult(self.path, findings, suppressions, self.signatures, self.problems)


class CorpusMemo(Protocol):
    """Where a run keeps its corpus findings between runs (the results cache has one): under
    a digest of every signature compared, so an unchanged corpus is not compared again."""

    def corpus_get(self, digest: bytes) -> dict[str, list[Finding]] | None: ...

    def corpus_put(self, digest: bytes, findings: dict[str, list[Finding]]) -> None: ...


#: A draft's result as the corpus step takes it: as made, or packed across the worker boundary.
AnyResult = DraftResult | PackedResult


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
    plan = ruleset.plan(doc.channel)
    screens: _Screening | None = None
    for spec, corpus, screen in plan:
        if not corpus:
            if not doc.scopes.get(spec.scope):
                continue  # nothing to read: do not even prepare the rule
            if screen is not None:
                if screens is None:
                    screens = _Screening(doc, ruleset, plan)
                if not screens.passes(screen):
                    continue  # none of the words it needs: neither prepared nor its kind imported
        rules.append((ruleset.kinds[spec.kind], ruleset.rule(spec.code)))  # prepared outside the time limit
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
                except Incomplete as exc:  # its findings so far are kept (extend keeps them)
                    problems.append(
                        f"{doc.path}: rule {rule.code} ({rule.spec.name}) {exc}; the rest was {SKIPPED}"
                    )
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


#: Per plan (by identity, kept alive here): the index of its screens, made once a process,
#: or how many drafts have used the plan while it has none yet.
_SCREEN_INDEXES: dict[int, tuple[tuple[Planned, ...], ScreenIndex | int]] = {}
#: Drafts a plan screens one screen at a time before its index is made: the index costs
#: 1-3 ms to make, which a one-draft run (the cold start) would pay for nothing.
INDEX_SCREENS_FROM = 4


#: The one :class:`ScreenIndex` every plan of the process adds its screens to (a folder's
#: channels share most of their rules, so most of their word groups); emptied with
#: ``_SCREEN_INDEXES``.
_SHARED_INDEX: list[ScreenIndex] = []


def _shared_index() -> ScreenIndex:
    if not _SHARED_INDEX:
        from sociable.kinds.screens import ScreenIndex

        _SHARED_INDEX.append(ScreenIndex())
    return _SHARED_INDEX[0]


class _Screening:
    """One draft's screens (:mod:`sociable.kinds.screens`) through the plan's
    :class:`~sociable.kinds.screens.ScreenIndex`: each view's words are looked up once a
    draft, not once a rule, and each rule's screen is then a few integer tests. The same
    answers as ``screen.passes(doc, ruleset.settings)``; a screen that fails (an unknown
    scope) lets the rule run, so its check meets the same error and it is reported as before.
    """

    __slots__ = ("doc", "index", "present", "settings", "voided")

    def __init__(self, doc: Document, ruleset: RuleSet, plan: tuple[Planned, ...]) -> None:
        entry = _SCREEN_INDEXES.get(id(plan))
        if entry is None or entry[0] is not plan:
            if len(_SCREEN_INDEXES) >= 16:  # a long editor session's old configurations
                _SCREEN_INDEXES.clear()
                _SHARED_INDEX.clear()
            entry = (plan, 0)
        made = entry[1]
        self.index: ScreenIndex | None = None
        if not isinstance(made, int):
            self.index = made
        elif made + 1 >= INDEX_SCREENS_FROM:
            self.index = _shared_index()
            self.index.add(screen for _spec, _corpus, screen in plan if screen is not None)
            _SCREEN_INDEXES[id(plan)] = (plan, self.index)
        else:
            _SCREEN_INDEXES[id(plan)] = (plan, made + 1)
        self.doc = doc
        self.settings = ruleset.settings
        #: The settings that are set: a screen naming one in ``void_with`` lets its rule run.
        self.voided = frozenset(name for name, value in ruleset.settings.items() if value)
        #: Each view's bits, by the screen's (scope, unmask).
        self.present: dict[tuple[str, tuple[str, ...]], int] = {}

    def passes(self, screen: WordScreen) -> bool:
        if self.index is None:  # one of a plan's first drafts: each screen on its own
            try:
                return screen.passes(self.doc, self.settings)
            except Exception:
                return True
        try:
            if self.voided and not self.voided.isdisjoint(screen.void_with):
                return True
            key = (screen.scope, screen.unmask)
            present = self.present.get(key)
            if present is None:
                words = self.doc.analysis(screen.scope, screen.unmask).index.keys()
                present = self.present[key] = self.index.present(words)
            return self.index.passes(screen, present)
        except Exception:
            return True


def finish(
    results: Sequence[AnyResult],
    ruleset: RuleSet,
    references: Sequence[AnyResult] = (),
    problems: list[str] | None = None,
    history: Sequence[AnyResult] = (),
) -> list[Finding]:
    """Corpus checks, suppression and ordering over every draft of a run.

    ``references`` are drafts compared against but not reported on (``--compare-with``, the
    language server's workspace): their signatures take part, their findings are dropped.
    ``history`` (from :func:`history_result`) comes last, for kinds that compare with it.
    A corpus rule that fails is reported in ``problems`` (when given) and the run goes on.
    """
    return list(finish_stream(results, ruleset, references, problems, history))


def finish_stream(
    results: Sequence[AnyResult],
    ruleset: RuleSet,
    references: Sequence[AnyResult] = (),
    problems: list[str] | None = None,
    history: Sequence[AnyResult] = (),
    memo: CorpusMemo | None = None,
) -> Iterator[Finding]:
    """:func:`finish` as an iterator: the corpus rules run now (so ``problems`` is complete on
    return), then each file's findings are made when they are reached, in the order
    :func:`finish` sorts them, so a large run never holds every finding at once.

    With ``memo``, corpus findings of the very same signatures (and rules: the memo belongs to
    one run fingerprint) are taken from it instead of comparing again.
    """
    digest = corpus_digest(results, ruleset, references, history) if memo is not None else None
    corpus = memo.corpus_get(digest) if memo is not None and digest is not None else None
    if corpus is None:
        said = len(problems) if problems is not None else 0
        corpus = _corpus_findings(results, ruleset, references, problems, history)
        if memo is not None and digest is not None and (problems is None or len(problems) == said):
            memo.corpus_put(digest, corpus)
    return _reported(results, ruleset, corpus)


def corpus_digest(
    results: Sequence[AnyResult],
    ruleset: RuleSet,
    references: Sequence[AnyResult],
    history: Sequence[AnyResult],
) -> bytes | None:
    """A digest of everything the corpus rules compare: each rule's code, how many of its
    signatures are reported, and every signature pickled. None when a signature does not
    pickle (a plugin's): then nothing is remembered. Equal pickles are equal inputs, and
    ``compare`` is a pure function of them; a pickle that differs for equal inputs only misses.
    """
    digest = blake2b(b"corpus", digest_size=32)
    dumps, protocol = pickle.dumps, pickle.HIGHEST_PROTOCOL
    for code in ruleset.selected:
        if not ruleset.is_corpus(code):
            continue
        own = [r.signatures[code] for r in results if code in r.signatures]
        others = [r.signatures[code] for group in (references, history) for r in group
                  if code in r.signatures]
        digest.update(f"{code} {len(own)} {len(others)}\0".encode())
        try:
            for signature in own + others:
                digest.update(dumps(signature, protocol))
        except Exception:
            return None
    return digest.digest()


def _corpus_findings(
    results: Sequence[AnyResult],
    ruleset: RuleSet,
    references: Sequence[AnyResult],
    problems: list[str] | None,
    history: Sequence[AnyResult],
) -> dict[str, list[Finding]]:
    corpus_findings: dict[str, list[Finding]] = {}
    for code in ruleset.selected:
        if not ruleset.is_corpus(code):
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
    return corpus_findings


def _reported(
    results: Sequence[AnyResult], ruleset: RuleSet, corpus_findings: dict[str, list[Finding]]
) -> Iterator[Finding]:
    """Suppressions, one finding per problem and ordering, one file at a time.

    Every step is per file (suppressions are a draft's, :func:`one_per_problem` groups by
    path), so going through the files in path order and sorting each file's findings gives
    the very list that sorting all of them would.
    """
    unused = ruleset.specs.get(UNUSED_CODE) if UNUSED_CODE in ruleset.selected else None
    # Two rules on the same words are one problem: report the most specific, with the other
    # codes in its extra["also"] (Finding.codes).
    kinds = {code: merge_kind(spec) for code, spec in ruleset.specs.items()}
    habits = same_habits(ruleset.specs.values())
    order = sorted(range(len(results)), key=lambda index: results[index].path)
    for _path, indexes in groupby(order, key=lambda index: results[index].path):
        out: list[Finding] = []
        for index in indexes:
            result = results[index].unpacked()
            # A file read as several drafts (an export's rows) gets its corpus findings once.
            extra = corpus_findings.pop(result.path, [])
            out.extend(result.suppressions.apply([*result.findings, *extra], unused))
        out = one_per_problem(out, kinds, same_habit=habits)
        yield from sorted(out, key=lambda f: f.sort_key)


def history_result(doc: Document, ruleset: RuleSet) -> DraftResult:
    """A message already sent, as corpus kinds compare with it (:meth:`Kind.reference`);
    every selected corpus rule takes part whatever the draft's channel."""
    signatures: dict[str, Any] = {}
    for code in ruleset.selected:
        if not ruleset.is_corpus(code):
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
