"""The one interface every rule kind implements, and the helpers kinds share.

A *kind* is code; a *rule* is data. A kind declares the YAML keys it adds to the common ones
(:attr:`Kind.keys`), turns a rule's options into whatever it needs to run fast
(:meth:`Kind.prepare`, once per process) and checks a document (:meth:`Kind.check`).

Kinds that need every draft at once (repetition across drafts) set ``corpus = True`` and also
implement :meth:`Kind.signature` (per draft, in a worker, returns small picklable data) and
:meth:`Kind.compare` (once, in the main process, over all signatures).

Kinds never print, never read CLI options and never touch the network on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from sociable.findings import Applicability, Edit, Finding, Fix, Severity
from sociable.records import Record, fill

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.kinds.screens import WordScreen
    from sociable.packs.schema import RuleSpec


class RuleError(ValueError):
    """A rule's options are invalid; ``key`` names the offending YAML key, if any."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


class Unavailable(RuntimeError):
    """A kind cannot run in this process at all (the server it needs is down or too slow).

    The engine reports the message as it is, without the draft's path, so the same outage met
    on many drafts, in several worker processes, prints as one line after the CLI's dedupe.
    """


class Incomplete(Exception):
    """A kind read only part of a draft, by a documented limit (the grammar kind's
    ``grammar-max-characters``), after yielding what it found there. The message says what was
    read; the engine adds that the rest was skipped, so the run exits 2: the same input always
    gives the same findings, and an incomplete check is never a silent pass.
    """


class Key(Record):
    """One kind-specific YAML key: its Python type(s), whether it is required, its meaning
    (frozen; a plain record, as :class:`Rule`: a dataclass costs start-up time,
    :mod:`sociable.records`)."""

    __slots__ = ("default", "doc", "required", "types")
    _frozen = True

    types: tuple[type, ...]
    doc: str
    required: bool
    default: Any

    def __init__(self, types: tuple[type, ...], doc: str, required: bool = False, default: Any = None) -> None:
        fill(self, types=types, doc=doc, required=required, default=default)


class Rule(Record):
    """A rule ready to run: the validated spec plus what its kind prepared from it."""

    spec: RuleSpec
    kind: Kind
    prepared: Any
    #: Run-time settings shared by all rules of a run (see ``RuleSet.settings``).
    settings: Mapping[str, Any]

    def __init__(self, spec: RuleSpec, kind: Kind, prepared: Any = None,
                 settings: Mapping[str, Any] | None = None) -> None:
        self.spec = spec
        self.kind = kind
        self.prepared = prepared
        self.settings = {} if settings is None else settings

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def shows_match(self) -> bool:
        """Whether the message quotes the matched text (``{match}``), which is then made."""
        return "{match" in self.spec.message

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        *,
        match: str | None = None,
        fix: Fix | bool | None = True,
        severity: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **fields: object,
    ) -> Finding:
        """Build a finding for ``doc.text[start:end]`` with the rule's message filled in.

        ``fix=True`` (the default) attaches the fix the rule's ``fix:`` block describes;
        pass a :class:`Fix` to use another, or ``None`` for none.
        """
        spec = self.spec
        values: dict[str, object] = {
            "channel": doc.channel or "",
            "first_name": doc.recipient.first_name if doc.recipient else "",
            "recipient": doc.recipient.name if doc.recipient else "",
            "company": doc.recipient.company if doc.recipient else "",
        }
        if self.shows_match:  # (a finding on a long draft may span most of it)
            values["match"] = _one_line(match if match is not None else doc.text[start:end])
        values.update(fields)
        # str.format_map reads the mapping as Formatter().vformat does (an unknown field stays
        # "{name}" through __missing__), without building a Formatter and parsing in Python.
        message = spec.message.format_map(_Defaulting(values))
        # Located here rather than copied with dataclasses.replace by the engine afterwards.
        line, column = doc.position(start)
        end_line, end_column = doc.position(max(start, end))
        return Finding(
            path=doc.path,
            code=spec.code,
            name=spec.name,
            category=spec.category,
            severity=Severity(severity or spec.severity),
            message=message,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=self.default_fix(doc, start, end) if fix is True else (fix or None),
            url=spec.url,
            extra=dict(extra or {}),
        )

    def default_fix(self, doc: Document, start: int, end: int) -> Fix | None:
        """The fix the rule's ``fix:`` block describes, applied to ``text[start:end]``."""
        spec = self.spec.fix
        if spec is None:
            return None
        applicability = Applicability(spec.applicability)
        text = doc.text
        if spec.action == "replace":
            values = {
                "first_name": doc.recipient.first_name if doc.recipient else "",
                "recipient": doc.recipient.name if doc.recipient else "",
                "company": doc.recipient.company if doc.recipient else "",
                "match": text[start:end],
            }
            import string  # here, not at import: only a replacement fix needs it (start-up)

            needed = {name for _, name, _, _ in string.Formatter().parse(spec.replacement) if name}
            if any(not values.get(name) for name in needed):
                return None  # e.g. "Hi {first_name}" with no recipient: nothing safe to offer
            replacement = spec.replacement.format_map(values)
            description = spec.description or f"Replace with {replacement!r}"
            return Fix((Edit(start, end, replacement),), applicability, description)
        if spec.action == "remove-sentence":
            start, end = sentence_around(text, start, end)
        start, end = widen_for_removal(text, start, end)
        description = spec.description or (
            "Remove the sentence" if spec.action == "remove-sentence" else "Remove the phrase"
        )
        return Fix((Edit(start, end, ""),), applicability, description)


class Kind:
    """Base class of rule kinds. Subclasses set ``name`` and ``keys`` and override ``check``."""

    name: ClassVar[str] = ""
    keys: ClassVar[dict[str, Key]] = {}
    #: Extra ``{placeholders}`` the kind fills in messages, beyond the common ones.
    message_fields: ClassVar[tuple[str, ...]] = ()
    #: True for kinds that compare drafts with each other (see module docstring).
    corpus: ClassVar[bool] = False
    #: A run-time setting (a ``rule.settings`` key) the kind cannot work without, such as the
    #: LanguageTool URL: unset, the kind finds nothing, so example tests skip its ``bad`` drafts.
    needs_setting: ClassVar[str | None] = None
    #: True when :meth:`prepare` is a pure function of the spec and its result pickles: the
    #: pack cache then keeps each rule's prepared form, and a run unpickles it instead of
    #: preparing again (:mod:`sociable.packs.cache`). Leave False for anything that reads the
    #: machine, a server or the time.
    keeps_prepared: ClassVar[bool] = False

    def validate(self, spec: RuleSpec) -> None:
        """Check ``spec.options`` when a pack is loaded (not on every run: packs are cached).

        The default prepares the rule, so anything ``prepare`` rejects is reported with the
        pack's file and line. Override to add checks too slow for every run.
        """
        self.prepare(spec)

    def prepare(self, spec: RuleSpec) -> Any:
        """Precompile ``spec.options`` for checking (once per process). Raise RuleError."""
        return None

    def check(self, doc: Document, rule: Rule) -> Iterable[Finding]:
        """Findings of ``rule`` in ``doc``. Must be a pure function of its arguments."""
        return ()

    def screen(self, spec: RuleSpec, prepared: Any) -> WordScreen | None:
        """What a draft must hold for :meth:`check` to find anything, read from the prepared
        form (:mod:`sociable.kinds.screens`); None (the default) checks every draft. Asked when
        the pack cache keeps the prepared form (``keeps_prepared``), and kept with it: a draft
        that fails the screen is skipped without preparing the rule or importing the kind, so
        it must never rule out a draft the check would find something in."""
        return None

    def signature(self, doc: Document, rule: Rule) -> Any:
        """Corpus kinds: a small picklable summary of ``doc`` (None to take no part)."""
        return None

    def compare(
        self, signatures: list[Any], rule: Rule, reported: int | None = None
    ) -> Iterable[Finding]:
        """Corpus kinds: findings from all drafts' signatures (and any history).

        Only the first ``reported`` signatures belong to drafts whose findings are kept; the
        rest are references (``--compare-with``, the editor's workspace), compared against but
        never reported, so a kind may skip pairs of two references. None means all.
        """
        return ()

    def reference(self, doc: Document, rule: Rule) -> Any:
        """Corpus kinds: the signature of a message already sent (``--history``), or None
        when the kind does not compare with history (the default). The engine reads history
        through the registered readers and passes these to :meth:`compare` after the others."""
        return None

    def warm(self, rules: Sequence[Rule], drafts: int) -> None:
        """Load what checking ``rules`` loads on first use (a dictionary, a library), so that a
        process pool forked afterwards shares it instead of every worker loading it again.
        ``drafts``: how many files the run has, for what only pays over many. The runner calls
        it before forking workers (in each worker where they are spawned); it must not change
        any finding. Default: nothing."""

    def setup_hint(self, codes: Sequence[str], settings: Mapping[str, Any]) -> str | None:
        """One line telling the user what to configure when this kind's rules cannot run with
        ``settings``; None when all is well. The CLI asks every kind with selected rules once
        per run; ``codes`` are the ones the user asked for by code (maybe none), so a kind
        can stay quiet about rules that are merely on by default."""
        return None

    def describe(self, spec: RuleSpec) -> str | None:
        """What the rule listens for, in words, for its documentation page (a shape rule's
        shapes); None when the message and examples say it all."""
        return None

    def explain_note(self, spec: RuleSpec, settings: Mapping[str, Any]) -> str | None:
        """A line ``sociable explain`` adds that depends on this run's configuration (the
        grammar kind names the backend that finds the rule's matches); None for none."""
        return None


COMMON_PLACEHOLDERS = ("match", "channel", "first_name", "recipient", "company")


class _Defaulting(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- span helpers shared by kinds and fixes -----------------------------------------------

def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that contains ``text[start:end]``, by the one shared splitter."""
    from sociable.text import sentence_around as shared

    return shared(text, start, end)


def widen_for_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a removal so no double space or stray punctuation is left behind.

    Only horizontal whitespace after the span (or before it, at a line end) is taken: line
    breaks are never removed, so a removal cannot join two paragraphs.
    """
    while end < len(text) and text[end] in " \t":
        end += 1
    if end == len(text) or text[end] in "\r\n":
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    return start, end
