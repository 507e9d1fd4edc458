"""Repeated content: the same message across drafts, against history, and within one draft.

Sending the same text again and again is invisible to a linter that reads one file at a time,
so most of this module is a *corpus* check: each draft is reduced in a worker to a compact
signature, and :meth:`Kind.compare` pairs the signatures of the whole run in the main process.

How two drafts are compared (``near-duplicate``):

1. The body (greeting and signature left out) is *normalised*: lower case; URLs, e-mail
   addresses, @mentions, numbers, emoji and merge fields (``{{first_name}}``, ``[Company]``)
   masked; the recipient's name and company, the name after a greeting and other capitalised
   words inside a sentence masked too, so "Hi Ana, ..." and "Hi Ben, ..." copies still match;
   punctuation dropped, so a moved comma changes nothing.
2. Its character 5-grams (over UTF-8 bytes) are hashed with CRC-32 (stable across processes,
   unlike ``hash()`` of text) into a 128-bin *one-permutation* MinHash sketch, densified so
   short texts get a full sketch. The share of equal bins estimates the Jaccard similarity.
3. LSH: bands of 5 bins become bucket keys, one band at a time (memory stays at one dict of
   drafts); only drafts sharing a bucket are compared, so the cost grows about linearly.
4. The score is the Jaccard estimate, or the containment (the smaller text inside the larger)
   when the two are of comparable length, so a copy with one added sentence still counts.

History (``--history``, config ``history``) is read here, in the main process, once per run:
folders of drafts and CSV/JSONL exports of sent messages. History is compared against but never
reported on.

Keys of ``near-duplicate`` (besides the common ones):

* ``error_at`` (number): score from which a pair is "the same message", reported with the
  rule's severity (default 0.9).
* ``warn_at`` (number): score from which a pair is "template reuse", reported one severity
  lower (error -> warning; default 0.7).
* ``min_words`` (int): drafts with fewer words in the body take no part (default 8).
* ``history`` (bool): also compare with the configured history (default true).

Keys of ``shared-sentence`` (same opening or closing sentence in many drafts):

* ``part`` (text, required): ``opening`` or ``closing``.
* ``min_drafts`` (int): how many drafts must share the sentence (default 3).
* ``min_words`` (int): shorter sentences are ignored (default 5).
* ``except`` (list of text): sentence starts that are fine to repeat (greetings and sign-offs
  such as "thanks" and "looking forward" are always fine).

Keys of ``hashtag-set`` (the same set of hashtags every time):

* ``min_drafts`` (int): how many drafts must use the same set (default 3).
* ``min_tags`` (int): smaller sets are ignored (default 2).

Keys of ``self-repetition`` (within one draft; not a corpus kind):

* ``unit`` (text): ``sentence`` (a sentence or paragraph said twice) or ``phrase`` (the same
  phrase of three or more words over and over). Default ``sentence``.
* ``min_words`` (int): sentences (or phrases) shorter than this are ignored (default 5; 3).
* ``min_count`` (int): ``phrase`` only: how often the phrase must occur (default 3).
* ``max_findings`` (int): at most this many findings per draft (default 3).

The corpus kinds also compare, within one file, posts separated by a line of ``---`` (a
content calendar in one Markdown file), reported through :meth:`Kind.check`.
"""

from __future__ import annotations

import re
import sys
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from operator import eq
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociable.findings import Finding, Severity
from sociable.kinds.base import Key, Kind, Rule, RuleError

if TYPE_CHECKING:
    from sociable.context import Context
    from sociable.document import Document
    from sociable.engine import DraftResult
    from sociable.packs.schema import RuleSpec
    from sociable.ruleset import RuleSet

# --- normalisation ---------------------------------------------------------------------------

_MERGE_FIELD = re.compile(
    r"\{\{[^{}\n]{1,40}\}\}|\{[A-Za-z_][\w .-]{0,30}\}|\[[A-Z][A-Za-z _.-]{0,30}\]|<[A-Z][A-Z_ ]{1,30}>"
    r"|%[A-Z_]{2,30}%|\*\|[A-Z_]{2,30}\|\*"
)
_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S*", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_MENTION = re.compile(r"(?<![\w@])@[\w.-]*\w")
_NUMBER = re.compile(r"[$€£]?\d+(?:[.,:/-]\d+)*(?:%|k|m|x|st|nd|rd|th)?\b", re.I)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3]+")
_GREETING_NAME = re.compile(
    r"\b(?i:hi|hey|hello|dear|hiya|heya|morning|afternoon|evening)\s+((?:[A-Z][\w'’-]*\s*){1,2})"
)
# A capitalised word that does not start a sentence: most likely a name, a company, a product.
_INNER_NAME = re.compile(r"(?<=[\w,;:)'’-] )[A-Z][\w'’-]*")
# "Ana, loved your talk": a capitalised word and a comma opening a line is a name, unless it
# is one of the words that often open a line that way.
_SENTENCE_START_NAME = re.compile(
    r"^[ \t]*(?!(?:Great|Thanks|Sure|Yes|No|Well|Okay|Ok|Also|So|Again|Quick|Congrats|Sorry|Honestly"
    r"|Hey|Hi|Hello|Dear|First|Second|Finally|However|Today|Yesterday|Now|Anyway|Fair|True|Right),)"
    r"[A-Z][a-z'’-]+(?=,)",
    re.M,
)
_NOT_WORD = re.compile(r"[^\w§¤@µ#]+")

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
    return " ".join(_NOT_WORD.sub(" ", text.replace("_", " ")).lower().split())


def recipient_names(doc: Document) -> list[str]:
    if doc.recipient is None:
        return []
    names = [doc.recipient.name, doc.recipient.company, *doc.recipient.name.split()]
    return sorted({n for n in names if len(n) > 1}, key=len, reverse=True)


# --- MinHash sketches ------------------------------------------------------------------------

BINS = 128  # one-permutation MinHash bins (7 top bits of a 32-bit hash)
BAND_ROWS = 6  # bins per LSH band
BANDS = BINS // BAND_ROWS  # 21 bands; the last 2 bins only count in the estimate
SHINGLE = 5
_SHIFT = 32 - 7
_LOW = (1 << _SHIFT) - 1
_EMPTY = 0xFFFFFFFF
_BUCKET_CAP = 24  # compare a draft with at most this many earlier drafts of one bucket


def shingle_hashes(text: str) -> set[int]:
    """CRC-32 of every character 5-gram (over UTF-8 bytes) of ``text``."""
    data = text.encode("utf-8")
    if len(data) < SHINGLE:
        return {zlib.crc32(data)} if data else set()
    crc = zlib.crc32
    return set(map(crc, [data[i : i + SHINGLE] for i in range(len(data) - SHINGLE + 1)]))


def sketch(hashes: set[int]) -> bytes:
    """A densified one-permutation MinHash of a set of 32-bit hashes: 128 uint32 as bytes.

    Each hash falls in the bin named by its top 7 bits; a bin keeps its smallest remainder.
    An empty bin borrows the value of the next non-empty bin to its right, tagged with the
    distance, so two sets agree on it about as often as on a real bin (Shrivastava and Li's
    densification), and short drafts still get a full sketch.
    """
    mins: dict[int, int] = {h >> _SHIFT: h & _LOW for h in sorted(hashes, reverse=True)}
    found = [mins.get(index) for index in range(BINS)]
    bins = [_EMPTY if value is None else value for value in found]
    if mins and len(mins) < BINS:
        following = 0  # the next non-empty bin to the right, counting past the end (circular)
        for index in range(2 * BINS - 1, -1, -1):
            if found[index % BINS] is not None:
                following = index
            elif index < BINS:
                distance = following - index
                borrowed = mins[following % BINS] ^ (distance * 0x2545F491)
                bins[index] = (borrowed & _LOW) | (distance << _SHIFT)
    values = array("I", bins)
    if sys.byteorder == "big":
        values.byteswap()  # little-endian everywhere, so the low byte is every 4th byte
    return values.tobytes()


def jaccard_estimate(a: bytes, b: bytes) -> float:
    """Share of equal bins of two sketches: an unbiased estimate of the Jaccard similarity."""
    if a == b:
        return 1.0
    return sum(map(eq, memoryview(a).cast("I"), memoryview(b).cast("I"))) / BINS


def quick_estimate(a: bytes, b: bytes) -> float:
    """The Jaccard estimate from the low byte of each bin (b-bit MinHash, b = 8), all in C.

    Two unequal bins still agree on their low byte once in 256; the estimate is corrected
    for that. About five times faster than :func:`jaccard_estimate`, a little noisier, so it
    only filters candidates before the exact count.
    """
    x = int.from_bytes(a[::4], "little") ^ int.from_bytes(b[::4], "little")
    agree = x.to_bytes(BINS, "little").count(0) / BINS
    return max(0.0, (agree - 1 / 256) / (1 - 1 / 256))


QUICK_FLOOR = 0.45  # below this quick estimate a pair is neither alike nor contained
CONTAINED_AT = 0.9  # share of the smaller text found in the larger that makes it a copy
CONTAINED_MIN_JACCARD = 0.55


def score(a: bytes, size_a: int, b: bytes, size_b: int) -> float:
    """The Jaccard estimate, raised to the containment when one text is (almost) all inside
    the other and they are of comparable length: a copy with a sentence added is a copy.

    Containment alone is not used below :data:`CONTAINED_AT`: for two texts of equal length it
    is ``2J / (1 + J)``, which would make unrelated drafts of one template look alike.
    """
    if quick_estimate(a, b) < QUICK_FLOOR:
        return 0.0
    jaccard = jaccard_estimate(a, b)
    small, large = min(size_a, size_b), max(size_a, size_b)
    if jaccard < CONTAINED_MIN_JACCARD or small < 0.6 * large:
        return jaccard  # stock sentences shared by unrelated drafts stay below this
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    contained = min(1.0, shared / small)
    return contained if contained >= CONTAINED_AT else jaccard


def candidate_pairs(sketches: Sequence[bytes]) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, that share an LSH band, one band at a time.

    Only one band's buckets are in memory at once, and pairs are not collected: a pair that
    shares several bands comes out several times (callers skip pairs already seen), which
    costs less than a set of every pair of a large run.
    """
    width = BAND_ROWS * 4
    for band in range(BANDS):
        lo, hi = band * width, band * width + width
        buckets: dict[bytes, Any] = {}
        for index, value in enumerate(sketches):
            key = value[lo:hi]
            seen = buckets.get(key)
            if seen is None:
                buckets[key] = index
            elif isinstance(seen, int):
                yield seen, index
                buckets[key] = [seen, index]
            else:
                for other in seen[-_BUCKET_CAP:]:
                    yield other, index
                seen.append(index)


# --- signatures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Where a draft (or a sentence of it) is: enough to report on it without the document."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class DraftSketch:
    place: Place
    sketch: bytes
    size: int
    history: bool = False


@dataclass(frozen=True)
class Keyed:
    """A draft's normalised opening/closing sentence or hashtag set, and where it is."""

    place: Place
    key: str
    history: bool = False


def place(doc: Document, start: int, end: int) -> Place:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Place(doc.path, start, end, line, column, end_line, end_column)


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return start, end


_SECTION_BREAK = re.compile(r"^[ \t]*---[ \t]*\r?$", re.M)


def sections(doc: Document, view: str) -> list[tuple[int, int]]:
    """The posts of a file that holds several, separated by ``---`` lines (or the whole)."""
    spans = []
    position = 0
    for match in _SECTION_BREAK.finditer(view):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(view)))
    return [s for s in (_trim(view, a, b) for a, b in spans) if s[0] < s[1]]


_SENTENCE = re.compile(r"[^.!?…\n]*[^\s.!?…][^.!?…\n]*(?:[.!?…]+|(?=\n)|$)")
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\r?\n))*", re.M)


def sentence_spans(view: str, start: int, end: int) -> list[tuple[int, int]]:
    return [_trim(view, *m.span()) for m in _SENTENCE.finditer(view, start, end) if m.group().strip()]


def draft_sketch(doc: Document, view: str, start: int, end: int, min_words: int) -> DraftSketch | None:
    text = normalise(view[start:end], recipient_names(doc))
    if len(text.split()) < min_words:
        return None
    hashes = shingle_hashes(text)
    return DraftSketch(place(doc, start, end), sketch(hashes), len(hashes))


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


def _number(spec: RuleSpec, key: str, default: float, low: float, high: float) -> float:
    value = spec.options.get(key)
    value = default if value is None else value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise RuleError(f"'{key}' must be a number from {low:g} to {high:g}", key=key)
    return float(value)


# --- near-duplicate --------------------------------------------------------------------------


@dataclass(frozen=True)
class DupOptions:
    error_at: float
    warn_at: float
    min_words: int
    history: bool


@dataclass(frozen=True)
class Match:
    """The best partner found for one draft."""

    other: Place
    score: float
    history: bool
    rank: tuple[float, bool, int]


def best_matches(
    drafts: Sequence[DraftSketch], warn_at: float, reported: int | None = None
) -> dict[int, Match]:
    """For each draft (by index), its most similar other draft at or above ``warn_at``.

    Only the first ``reported`` drafts are reported (None: all): pairs of two others, such as
    two drafts of the repo a commit is compared with, are not even scored.
    Ties go to history, then to the earlier draft, so copies all name the same original.
    """
    limit = len(drafts) if reported is None else reported
    best: dict[int, Match] = {}
    alike: set[tuple[int, int]] = set()
    for i, j in candidate_pairs([d.sketch for d in drafts]):
        if i >= limit and j >= limit:
            continue
        a, b = drafts[i], drafts[j]
        if (a.history and b.history) or (i, j) in alike:
            continue
        value = score(a.sketch, a.size, b.sketch, b.size)
        if value < warn_at:
            continue
        alike.add((i, j))
        for mine, other in ((i, b), (j, a)):
            if drafts[mine].history or mine >= limit:
                continue
            current = best.get(mine)
            rank = (value, other.history, -(i if other is a else j))
            if current is None or rank > current.rank:
                best[mine] = Match(other.place, value, other.history, rank)
    return best


class NearDuplicate(Kind):
    name = "near-duplicate"
    corpus = True
    keys = {
        "error_at": Key((int, float), "score from which a pair is an error", default=0.9),
        "warn_at": Key((int, float), "score from which a pair is a warning", default=0.7),
        "min_words": Key((int,), "drafts with fewer body words take no part", default=8),
        "history": Key((bool,), "also compare with the configured history", default=True),
    }
    message_fields = ("verdict", "other", "similarity")

    def prepare(self, spec: RuleSpec) -> DupOptions:
        warn_at = _number(spec, "warn_at", 0.7, 0.3, 1.0)
        error_at = _number(spec, "error_at", 0.9, warn_at, 1.0)
        return DupOptions(error_at, warn_at, int(spec.options.get("min_words") or 8),
                          spec.options.get("history") is not False)

    def signature(self, doc: Document, rule: Rule) -> DraftSketch | None:
        view = doc.view(rule.spec.scope)
        start, end = _trim(view, 0, len(view))
        return draft_sketch(doc, view, start, end, rule.prepared.min_words)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.view(rule.spec.scope)
        parts = sections(doc, view)
        if len(parts) < 2:
            return
        drafts = [d for d in (draft_sketch(doc, view, a, b, rule.prepared.min_words) for a, b in parts) if d]
        yield from self._findings(drafts, rule)

    def compare(
        self, signatures: list[Any], rule: Rule, reported: int | None = None
    ) -> Iterator[Finding]:
        drafts: list[DraftSketch] = list(signatures)
        options: DupOptions = rule.prepared
        if drafts and options.history and rule.settings.get("history"):
            drafts.extend(load_history(rule.settings["history"], rule.spec.scope, options.min_words))
        yield from self._findings(drafts, rule, reported)

    def _findings(
        self, drafts: Sequence[DraftSketch], rule: Rule, reported: int | None = None
    ) -> Iterator[Finding]:
        options: DupOptions = rule.prepared
        for index, match in sorted(best_matches(drafts, options.warn_at, reported).items()):
            error = match.score >= options.error_at
            if match.history:
                verdict = "Already sent:" if error else "Template reuse: close to the already-sent"
            else:
                verdict = "Same message as" if error else "Template reuse: close to"
            yield corpus_finding(
                rule, drafts[index].place, rule.spec.severity if error else _lower(rule.spec.severity),
                verdict=verdict, other=match.other.where, similarity=round(match.score * 100),
            )


def _lower(severity: str) -> str:
    """The severity of template reuse: one step below the rule's own (error -> warning)."""
    return {"error": "warning", "warning": "info"}.get(severity, severity)


# --- history ---------------------------------------------------------------------------------

_HISTORY_CACHE: dict[tuple[Any, ...], list[DraftSketch]] = {}
HISTORY_SUFFIXES = (".md", ".markdown", ".txt", ".eml", ".csv", ".jsonl", ".ndjson")


def history_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in HISTORY_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
            )
        elif path.is_file():
            files.append(path)
        else:
            raise HistoryError(f"{path}: history not found; fix the path in --history or 'history'")
    return files


class HistoryError(RuleError):
    """History that cannot be read; the run reports it and goes on."""


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when inside it, as findings show paths."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def read_history_file(path: Path) -> list[Document]:
    from sociable.readers.eml import EmailReader
    from sociable.readers.export import CsvReader, JsonLinesReader
    from sociable.readers.text import TextReader
    from sociable.runner import InputError, decode

    suffix = path.suffix.lower()
    reader = {".csv": CsvReader(), ".jsonl": JsonLinesReader(), ".ndjson": JsonLinesReader(),
              ".eml": EmailReader()}.get(suffix, TextReader())
    shown = display_path(path)
    try:
        return reader.read(decode(path.read_bytes(), shown), shown, None)
    except (OSError, InputError, ValueError) as exc:
        raise HistoryError(f"history {shown}: {exc}") from None


def load_history(paths: Iterable[str | Path], scope: str, min_words: int) -> list[DraftSketch]:
    """Sketches of every message in the history paths, cached for the run."""
    files = history_files(paths)
    key = (scope, min_words, *((str(f), f.stat().st_mtime_ns) for f in files))
    cached = _HISTORY_CACHE.get(key)
    if cached is not None:
        return cached
    out: list[DraftSketch] = []
    for path in files:
        for doc in read_history_file(path):
            view = doc.view(scope)
            start, end = _trim(view, 0, len(view))
            found = draft_sketch(doc, view, start, end, min_words)
            if found is not None:
                # Name the row (or file) where the message starts: "already sent: sent.csv:14".
                row = replace(found.place, line=doc.position(0)[0], column=1)
                out.append(DraftSketch(row, found.sketch, found.size, history=True))
    _HISTORY_CACHE[key] = out
    return out


# --- shared opening / closing sentence ---------------------------------------------------------

_COURTESY = re.compile(
    r"^(?:thanks?\b|thank you|many thanks|cheers|best|regards|kind regards|warm(?:est)? regards"
    r"|all the best|looking forward|look forward|talk soon|speak soon|have a (?:great|good|nice)"
    r"|hope (?:you|this|all)|i hope (?:you|this|all)|hi\b|hello|hey|dear|good (?:morning|afternoon|evening)"
    r"|let me know|no worries|take care|happy (?:monday|friday|weekend)|p\.?s\b)"
)


@dataclass(frozen=True)
class SentenceOptions:
    part: str
    min_drafts: int
    min_words: int
    exceptions: tuple[str, ...]


def _group_findings(items: Sequence[Keyed], rule: Rule, min_drafts: int, what: str) -> Iterator[Finding]:
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


class _KeyedCorpusKind(Kind):
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
        parts = sections(doc, view)
        if len(parts) >= rule.prepared.min_drafts:
            items = [k for k in (self._keyed(doc, view, a, b, rule) for a, b in parts) if k]
            yield from self._findings(items, rule)

    def compare(
        self, signatures: list[Any], rule: Rule, reported: int | None = None
    ) -> Iterator[Finding]:
        yield from self._findings(signatures, rule)


class SharedSentence(_KeyedCorpusKind):
    name = "shared-sentence"
    keys = {
        "part": Key((str,), "opening or closing", required=True),
        "min_drafts": Key((int,), "how many drafts must share the sentence", default=3),
        "min_words": Key((int,), "shorter sentences are ignored", default=5),
        "except": Key((list,), "sentence starts that are fine to repeat"),
    }
    message_fields = ("count", "other")

    def prepare(self, spec: RuleSpec) -> SentenceOptions:
        part = spec.options.get("part")
        if part not in ("opening", "closing"):
            raise RuleError("'part' must be 'opening' or 'closing'", key="part")
        min_drafts = int(spec.options.get("min_drafts") or 3)
        if min_drafts < 2:
            raise RuleError("'min_drafts' must be 2 or more", key="min_drafts")
        exceptions = tuple(normalise(str(e)) for e in spec.options.get("except") or ())
        return SentenceOptions(part, min_drafts, int(spec.options.get("min_words") or 5), exceptions)

    def _keyed(self, doc: Document, view: str, start: int, end: int, rule: Rule) -> Keyed | None:
        options: SentenceOptions = rule.prepared
        spans = sentence_spans(view, start, end)
        if len(spans) < 2:
            return None  # a one-sentence draft has no separate opening or closing
        span = spans[0] if options.part == "opening" else spans[-1]
        key = normalise(view[span[0] : span[1]], recipient_names(doc))
        if len(key.split()) < options.min_words or _COURTESY.match(key):
            return None
        if any(key.startswith(e) for e in options.exceptions):
            return None
        return Keyed(place(doc, *span), key)

    def _findings(self, items: Sequence[Keyed], rule: Rule) -> Iterator[Finding]:
        yield from _group_findings(items, rule, rule.prepared.min_drafts, rule.prepared.part)


# --- the same hashtag set ----------------------------------------------------------------------

_HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w]*)")


@dataclass(frozen=True)
class TagOptions:
    min_drafts: int
    min_tags: int


class HashtagSet(_KeyedCorpusKind):
    name = "hashtag-set"
    keys = {
        "min_drafts": Key((int,), "how many drafts must use the same set", default=3),
        "min_tags": Key((int,), "smaller sets are ignored", default=2),
    }
    message_fields = ("count", "other")

    def prepare(self, spec: RuleSpec) -> TagOptions:
        min_drafts = int(spec.options.get("min_drafts") or 3)
        if min_drafts < 2:
            raise RuleError("'min_drafts' must be 2 or more", key="min_drafts")
        return TagOptions(min_drafts, int(spec.options.get("min_tags") or 2))

    def _keyed(self, doc: Document, view: str, start: int, end: int, rule: Rule) -> Keyed | None:
        found = list(_HASHTAG.finditer(view, start, end))
        tags = sorted({m.group(1).lower() for m in found})
        if len(tags) < rule.prepared.min_tags:
            return None
        return Keyed(place(doc, found[0].start(), found[-1].end()), " ".join("#" + t for t in tags))

    def _findings(self, items: Sequence[Keyed], rule: Rule) -> Iterator[Finding]:
        groups: dict[str, list[Keyed]] = defaultdict(list)
        for item in items:
            groups[item.key].append(item)
        for key, group in groups.items():
            if len(group) < rule.prepared.min_drafts:
                continue
            for index, item in enumerate(group):
                other = group[1] if index == 0 else group[0]
                yield corpus_finding(
                    rule, item.place, rule.spec.severity, match=key, count=len(group) - 1,
                    other=other.place.where,
                )


# --- within one draft --------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_][\w'’-]*")
_STOP_WORDS = (
    "a an the and or but so of to in on at for with from by as is are was were be been it its "
    "this that these those i me my we our you your he she they them their his her not no do "
    "does did have has had will would can could should just very really if than then there "
    "here what which who how when about into up out more some any all"
)
_STOP = frozenset(_STOP_WORDS.split(" "))


@dataclass(frozen=True)
class SelfOptions:
    unit: str
    min_words: int
    min_count: int
    max_findings: int
    max_words: int | None


class SelfRepetition(Kind):
    name = "self-repetition"
    keys = {
        "unit": Key((str,), "sentence or phrase", default="sentence"),
        "min_words": Key((int,), "shorter sentences or phrases are ignored"),
        "min_count": Key((int,), "phrase: how often it must occur", default=3),
        "max_findings": Key((int,), "at most this many findings per draft", default=3),
        "max_words": Key((int,), "drafts longer than this are not checked (essays repeat their topic)"),
    }
    message_fields = ("line", "count")

    def prepare(self, spec: RuleSpec) -> SelfOptions:
        unit = spec.options.get("unit") or "sentence"
        if unit not in ("sentence", "phrase"):
            raise RuleError("'unit' must be 'sentence' or 'phrase'", key="unit")
        min_words = int(spec.options.get("min_words") or (5 if unit == "sentence" else 3))
        min_count = int(spec.options.get("min_count") or 3)
        if min_count < 2:
            raise RuleError("'min_count' must be 2 or more", key="min_count")
        max_words = spec.options.get("max_words")
        return SelfOptions(
            unit, min_words, min_count, int(spec.options.get("max_findings") or 3),
            int(max_words) if max_words else None,
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        options: SelfOptions = rule.prepared
        view = doc.view(rule.spec.scope)
        if options.max_words is not None and len(view.split()) > options.max_words:
            return
        found = repeated_sentences(view, options.min_words)
        if options.unit == "sentence":
            for start, end, first in found[: options.max_findings]:
                yield rule.finding(doc, start, end, fix=None, line=doc.position(first)[0], count=2)
            return
        skip = [(s, e) for s, e, _ in found]
        for count, start, end, _ in repeated_phrases(view, options.min_words, options.min_count, skip)[
            : options.max_findings
        ]:
            yield rule.finding(doc, start, end, fix=None, count=count, line=doc.position(start)[0])


def _plain(text: str) -> str:
    """Case and punctuation folded away: enough to see one sentence said twice in one draft
    (names and numbers are not masked here, unlike :func:`normalise` across drafts)."""
    return " ".join(_NOT_WORD.sub(" ", text.replace("_", " ")).lower().split())


def repeated_sentences(view: str, min_words: int) -> list[tuple[int, int, int]]:
    """``(start, end, first_start)`` of each paragraph or sentence said before in ``view``.

    A repeated paragraph is reported once, not sentence by sentence.
    """
    out: list[tuple[int, int, int]] = []
    seen: dict[str, int] = {}
    covered: list[tuple[int, int]] = []
    for match in _PARAGRAPH.finditer(view):
        start, end = _trim(view, *match.span())
        key = _plain(view[start:end])
        if len(key.split()) < max(min_words, 8) or len(sentence_spans(view, start, end)) < 2:
            continue
        if key in seen:
            out.append((start, end, seen[key]))
            covered.append((start, end))
        else:
            seen[key] = start
    seen = {}
    for start, end in sentence_spans(view, 0, len(view)):
        key = _plain(view[start:end])
        if len(key.split()) < min_words:
            continue
        if key in seen and not any(a <= start < b for a, b in covered):
            out.append((start, end, seen[key]))
        seen.setdefault(key, start)
    return sorted(out)


def repeated_phrases(
    view: str, min_words: int, min_count: int, skip: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, int, str]]:
    """``(count, start, end, phrase)``: phrases of ``min_words``+ words used ``min_count``+ times.

    Each phrase is grown to its longest shared form and reported at its first occurrence;
    phrases of only common words ("in the end of") and those inside repeated sentences are left out.
    """
    words = [m for m in _WORD.finditer(view) if not any(a <= m.start() < b for a, b in skip)]
    lowered = [m.group().lower().replace("’", "'") for m in words]
    n = min_words
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index in range(len(lowered) - n + 1):
        gram = tuple(lowered[index : index + n])
        positions = where[gram]
        if not positions or positions[-1] + n <= index:  # count non-overlapping uses
            positions.append(index)
    out: list[tuple[int, int, int, str]] = []
    used: set[int] = set()
    for gram, positions in where.items():
        if len(positions) < min_count or sum(1 for w in gram if w not in _STOP and len(w) > 2) < 2:
            continue
        if positions[0] in used:
            continue
        length = n
        limits = [*positions[1:], len(lowered)]  # a phrase grows up to its next use
        while all(p + length < q for p, q in zip(positions, limits, strict=True)) and (
            len({lowered[p + length] for p in positions}) == 1
        ):
            length += 1
        for p in positions:
            used.update(range(p, p + length))
        start, end = words[positions[0]].start(), words[positions[0] + length - 1].end()
        out.append((len(positions), start, end, " ".join(lowered[positions[0] : positions[0] + length])))
    return sorted(out, key=lambda item: item[1])


# --- the workspace (language server, pre-commit) ---------------------------------------------


def workspace_references(
    context: Context, folders: Sequence[Path] | None = None, jobs: int | None = None
) -> list[DraftResult]:
    """Results of every draft under ``folders`` (default: the configuration's root), read
    with the run's readers and excludes, for :func:`compare_with_workspace`.

    The language server can call this once (and again when files change on disk) and keep
    the results: only their signatures are used.
    """
    from sociable.discover import discover
    from sociable.runner import Job, run

    config = context.config
    targets, _ = discover(
        list(folders or [config.root]), root=config.root,
        extensions=context.discover_extensions(), exclude=config.all_excludes,
    )
    job = Job(context.ruleset, context.readers(), config)
    return [r for outcome in run([str(t.path) for t in targets], job, jobs) for r in outcome.results]



def compare_with_workspace(
    doc: Document, ruleset: RuleSet, references: Sequence[DraftResult], extra_ignores: Iterable[str] = ()
) -> list[Finding]:
    """Findings for one open buffer, its corpus rules run against the workspace's drafts.

    ``references`` are the workspace drafts' results (``runner.run`` over the workspace, or
    cached ones); a reference with the buffer's own path is left out so the buffer is not
    compared with its saved self.
    """
    from sociable.engine import finish, lint_document

    own = lint_document(doc, ruleset, extra_ignores)
    others = [r for r in references if r.path != doc.path]
    return finish([own], ruleset, references=others)

