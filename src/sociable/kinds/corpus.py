"""The shared base of the corpus kinds: what a draft becomes before it is compared.

Sending the same text again and again is invisible to a linter that reads one file at a time,
so the corpus kinds (:mod:`near_duplicate`, :mod:`shared_sentence`, :mod:`hashtag_set`) reduce
each draft in a worker to a compact signature, and :meth:`Kind.compare` pairs the signatures of
the whole run in the main process. History and other references are handed to ``compare`` by
the engine; no kind reads files.

Normalisation (:func:`normalise`): lower case; URLs, e-mail addresses, @mentions, numbers, emoji
and merge fields (``{{first_name}}``, ``[Company]``) masked; the recipient's name and company,
the name after a greeting and other capitalised words inside a sentence masked too, so
"Hi Ana, ..." and "Hi Ben, ..." copies still match; punctuation dropped, so a moved comma
changes nothing.

The corpus kinds also compare, within one file, posts separated by a line of ``---`` (a
content calendar in one Markdown file), reported through :meth:`Kind.check`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sociable import regex_cache
from sociable.findings import Finding, Severity
from sociable.kinds.base import Kind, Rule, RuleError
from sociable.records import Record, fill

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.packs.schema import RuleSpec

# --- normalisation ---------------------------------------------------------------------------

_MERGE_FIELD = regex_cache.lazy(
    r"\{\{[^{}\n]{1,40}\}\}|\{[A-Za-z_][\w .-]{0,30}\}|\[[A-Z][A-Za-z _.-]{0,30}\]|<[A-Z][A-Z_ ]{1,30}>"
    r"|%[A-Z_]{2,30}%|\*\|[A-Z_]{2,30}\|\*"
)
_URL = regex_cache.lazy(r"(?:\b(?:https?|ftp)://|\bwww\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S*", re.I)
_EMAIL = regex_cache.lazy(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_MENTION = regex_cache.lazy(r"(?<![\w@])@[\w.-]*\w")
_NUMBER = regex_cache.lazy(r"[$€£]?\d+(?:[.,:/-]\d+)*(?:%|k|m|x|st|nd|rd|th)?\b", re.I)
_EMOJI = regex_cache.lazy("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3]+")
_GREETING_NAME = regex_cache.lazy(
    r"\b(?i:hi|hey|hello|dear|hiya|heya|morning|afternoon|evening)\s+((?:[A-Z][\w'’-]*\s*){1,2})"
)
# A capitalised word that does not start a sentence: most likely a name, a company, a product.
_INNER_NAME = regex_cache.lazy(r"(?<=[\w,;:)'’-] )[A-Z][\w'’-]*")
# "Ana, loved your talk": a capitalised word and a comma opening a line is a name, unless it
# is one of the words that often open a line that way.
_SENTENCE_START_NAME = regex_cache.lazy(
    r"^[ \t]*(?!(?:Great|Thanks|Sure|Yes|No|Well|Okay|Ok|Also|So|Again|Quick|Congrats|Sorry|Honestly"
    r"|Hey|Hi|Hello|Dear|First|Second|Finally|However|Today|Yesterday|Now|Anyway|Fair|True|Right),)"
    r"[A-Z][a-z'’-]+(?=,)",
    re.M,
)
NOT_WORD = regex_cache.lazy(r"[^\w§¤@µ#]+")

MASK_NAME, MASK_FIELD, MASK_LINK = "¤", "§", "µ"


def normalise(text: str, names: Iterable[str] = ()) -> str:
    """The text as the comparison sees it: only what a copy-paste with a new name keeps.

    ``names`` are words to mask wherever they occur (the recipient's name and company).
    """
    # Each pass runs only when its tell-tale character is there: this runs once per draft.
    if any(c in text for c in "{[<%*"):
        text = _MERGE_FIELD.sub(f" {MASK_FIELD} ", text)
    if "/" in text or "www." in text:
        text = _URL.sub(f" {MASK_LINK} ", text)
    if "@" in text:
        text = _EMAIL.sub(f" {MASK_LINK} ", text)
        text = _MENTION.sub(" @ ", text)
    for name in names:
        if name.strip():
            text = re.sub(rf"(?<!\w){re.escape(name.strip())}(?!\w)", MASK_NAME, text, flags=re.I)
    text = _GREETING_NAME.sub(lambda m: m.group(0).replace(m.group(1), f"{MASK_NAME} "), text)
    text = _SENTENCE_START_NAME.sub(MASK_NAME, text)
    text = _INNER_NAME.sub(lambda m: m.group(0) if m.group(0) == "I" else MASK_NAME, text)
    text = _NUMBER.sub(" 0 ", text)
    if not text.isascii():
        text = _EMOJI.sub(" ", text)
    return words_only(text)


# Where a long text may be cut and each piece normalised alone, giving the whole text's
# result: after a line break and before a character that is not whitespace, when that
# character is not a capital or the last one before the blank run is not one a word or a
# name ends in. No pattern above matches across a line break except the greeting's name
# (``hi``, or a capitalised word, then ``\s+`` and a capital), no replacement ends in a
# word character, and every look-behind at such a cut sees a non-word character either way
# (see ``tests/test_long_drafts.py``). The second way matters: paragraphs that all open with
# a capital after a line ending in a full stop or a bracket left no cut at all, and a 20 MB
# body was normalised in one piece (a transient of about 75 MB).
_SAFE_CUT = regex_cache.lazy(r"\n(?=[^\sA-Z])|[^\w'’\s-]\s*\n(?=\S)")
_NORMALISE_CHUNK = 1 << 16


def normalise_span(text: str, start: int, end: int, names: Sequence[str] = ()) -> str:
    """``normalise(text[start:end], names)``, made in pieces (:func:`normalised_pieces`)."""
    return " ".join(normalised_pieces(text, start, end, names))


def normalised_pieces(text: str, start: int, end: int, names: Sequence[str] = ()) -> Iterator[str]:
    """Non-empty pieces whose ``" ".join`` is ``normalise(text[start:end], names)``, each of
    about 64k characters of the text: on a 20 MB draft the slice and each pass's new string
    and list of pieces were each as long as the draft (about 150 MB at once), and a caller
    that reads the pieces one by one (near-duplicate signing) never holds the whole."""
    if end - start <= _NORMALISE_CHUNK or any("\n" in name for name in names):
        whole = normalise(text[start:end], names)
        if whole:
            yield whole
        return
    position = start
    while position < end:
        cut = _SAFE_CUT.search(text, min(end, position + _NORMALISE_CHUNK), end)
        stop = cut.end() if cut else end
        part = normalise(text[position:stop], names)
        if part:
            yield part
        position = stop


_WORD_END = regex_cache.lazy(r"[\w§¤@µ#][^\w§¤@µ#]")
_CHUNK = 1 << 16


def words_only(text: str) -> str:
    """``" ".join(NOT_WORD.sub(" ", text.replace("_", " ")).lower().split())``, in bounded
    memory: on a 20 MB draft the list of every word, the substitution's list of pieces and
    ``lower()`` of non-ASCII text (a buffer of 12 bytes a character) each took hundreds of MB.

    Every run of non-word characters, whitespace among them, becomes one space, so only the
    ends need stripping; and the text is done in chunks cut where a word ends, so no run is
    cut in two, and ``lower()`` (whose final sigma looks past case-ignorable marks, never
    past a space) sees every space the whole text would.
    """
    text = text.replace("_", " ")
    if len(text) <= _CHUNK:
        return NOT_WORD.sub(" ", text).lower().strip(" ")
    pieces, position = [], 0
    while position < len(text):
        cut = _WORD_END.search(text, position + _CHUNK)
        end = cut.start() + 1 if cut else len(text)
        pieces.append(NOT_WORD.sub(" ", text[position:end]).lower())
        position = end
    return "".join(pieces).strip(" ")


def recipient_names(doc: Document) -> list[str]:
    if doc.recipient is None:
        return []
    names = [doc.recipient.name, doc.recipient.company, *doc.recipient.name.split()]
    return sorted({n for n in names if len(n) > 1}, key=len, reverse=True)


# --- where a draft is --------------------------------------------------------------------------


class Place(Record):
    """Where a draft (or a sentence of it) is: enough to report on it without the document
    (frozen; a plain record: a dataclass costs start-up time, :mod:`sociable.records`)."""

    _frozen = True  # no __slots__: signatures are unpickled by the thousand

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    def __init__(self, path: str, start: int, end: int, line: int, column: int, end_line: int,
                 end_column: int) -> None:
        fill(self, path=path, start=start, end=end, line=line, column=column, end_line=end_line,
             end_column=end_column)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


class Keyed(Record):
    """A draft's normalised opening/closing sentence or hashtag set, and where it is (frozen)."""

    _frozen = True

    place: Place
    key: str
    history: bool

    def __init__(self, place: Place, key: str, history: bool = False) -> None:
        fill(self, place=place, key=key, history=history)


def place(doc: Document, start: int, end: int) -> Place:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Place(doc.path, start, end, line, column, end_line, end_column)


def trim(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return start, end


_SECTION_BREAK = regex_cache.lazy(r"^[ \t]*---[ \t]*\r?$", re.M)


def sections(doc: Document, view: str) -> list[tuple[int, int]]:
    """The posts of a file that holds several, separated by ``---`` lines (or the whole)."""
    spans = []
    position = 0
    for match in _SECTION_BREAK.finditer(view):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(view)))
    return [s for s in (trim(view, a, b) for a, b in spans) if s[0] < s[1]]


def view_sentences(doc: Document, scope: str) -> Sequence[tuple[int, int]]:
    """The sentences of a whole view, by the document's one splitter
    (:meth:`Document.sentence_spans`), split once per draft for every rule that reads them
    (opening and closing shared sentence, both self-repetition rules, the shape kind)."""
    return doc.sentence_spans(scope)


def view_sections(doc: Document, scope: str) -> list[tuple[int, int]]:
    """:func:`sections` of a view, once per draft: each corpus kind's ``check`` asks for them."""
    return doc.derived(("sections", scope), lambda: sections(doc, doc.view(scope)))


def draft_names(doc: Document) -> list[str]:
    """:func:`recipient_names`, once per draft."""
    return doc.derived("recipient-names", lambda: recipient_names(doc))


# --- finding helpers -------------------------------------------------------------------------


def corpus_finding(rule: Rule, where: Place, severity: str, **fields: object) -> Finding:
    """A finding built from a :class:`Place` (the document is gone by ``compare``)."""
    spec = rule.spec
    values = {"match": "", "channel": "", "first_name": "", "recipient": "", "company": "", **fields}
    return Finding(
        path=where.path, code=spec.code, name=spec.name, category=spec.category,
        severity=Severity(severity), message=spec.message.format_map(values),
        start=where.start, end=where.end, line=where.line, column=where.column,
        end_line=where.end_line, end_column=where.end_column, url=spec.url,
    )


def number_option(spec: RuleSpec, key: str, default: float, low: float, high: float) -> float:
    value = spec.options.get(key)
    value = default if value is None else value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise RuleError(f"'{key}' must be a number from {low:g} to {high:g}", key=key)
    return float(value)


# --- kinds keyed on one normalised string --------------------------------------------------------


def group_findings(items: Sequence[Keyed], rule: Rule, min_drafts: int, what: str) -> Iterator[Finding]:
    groups: dict[str, list[Keyed]] = defaultdict(list)
    for item in items:
        groups[item.key].append(item)
    for group in groups.values():
        if len(group) < min_drafts:
            continue
        for index, item in enumerate(group):
            if item.history:
                continue
            other = group[1] if index == 0 else group[0]
            yield corpus_finding(
                rule, item.place, rule.spec.severity, count=len(group) - 1, other=other.place.where,
                match=what,
            )


class KeyedCorpusKind(Kind):
    """A corpus kind that keys each draft (or each ``---``-separated post of one file) and
    reports keys shared by ``min_drafts`` or more: the same opening line, the same tag set."""

    corpus = True

    def _keyed(self, doc: Document, view: str, start: int, end: int, rule: Rule) -> Keyed | None:
        raise NotImplementedError

    def _findings(self, items: Sequence[Keyed], rule: Rule) -> Iterator[Finding]:
        raise NotImplementedError

    def signature(self, doc: Document, rule: Rule) -> Keyed | None:
        view = doc.view(rule.spec.scope)
        return self._keyed(doc, view, 0, len(view), rule)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.view(rule.spec.scope)
        parts = view_sections(doc, rule.spec.scope)
        if len(parts) >= rule.prepared.min_drafts:
            items = [k for k in (self._keyed(doc, view, a, b, rule) for a, b in parts) if k]
            yield from self._findings(items, rule)

    def compare(
        self, signatures: list[Any], rule: Rule, reported: int | None = None
    ) -> Iterator[Finding]:
        yield from self._findings(signatures, rule)
