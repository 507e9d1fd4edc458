"""Text analysis shared by every rule kind: one normaliser, one tokenizer, one sentence splitter.

Part of the document model's bottom layer: of sociable it imports only the bottom helpers
(`regex_cache`, `records`). Everything here
keeps offsets true, so a span found in analysed text is a span of the draft as written.

* :func:`fold` maps characters one to one (same length) to what readers see: NFKC where it
  gives one character (mathematical bold or italic letters, full-width forms, ligature-free
  compatibility forms), curly quotes and apostrophes to straight ones, no-break spaces to
  spaces. Posts set words in "bold" Unicode letters; without this no word rule sees them.
* :func:`tokenize` splits a view into :class:`Token` objects: words (apostrophes and hyphens
  inside a word kept, zero-width characters dropped from the normal form), numbers, hashtags
  and mentions (``#reshare`` reads as the word ``reshare`` with ``kind == "hashtag"``), emoji
  and punctuation. HTML entities (``&#39;``, ``&amp;``) are decoded in the normal form. A link
  (``https://...``, ``www...``, ``shop.com/...``) or a bare lower-case domain (``mysite.com``)
  is one token of kind ``url``, so a rule can say "my channel, then a link".
* :func:`sentence_spans` is the sentence splitter every kind uses: a sentence ends at
  ``. ! ? …`` before whitespace, or at a line break that does not continue the sentence (the
  next line does not start in lower case), so greetings, bullets and one-line paragraphs of
  posts are sentences of their own while hard-wrapped prose is not.
"""

from __future__ import annotations

import html
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Iterator, KeysView, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import accumulate
from typing import TypeVar, overload

from sociable import regex_cache
from sociable.records import Record

Span = tuple[int, int]
_R = TypeVar("_R")

_QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u202f": " ", "\u2007": " ",
}
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Small capitals, as "fancy font" generators print captions ("ʟɪᴋᴇ ɪғ ʏᴏᴜ ᴀɢʀᴇᴇ"): NFKC leaves
# them, so they are mapped to the lower-case letters they stand for.
_SMALL_CAPS = dict(zip(
    "\u1d00\u0299\u1d04\u1d05\u1d07\u0493\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d\u0274\u1d0f"
    "\u1d18\u01eb\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22",
    "abcdeffghijklmnopqrstuvwyz", strict=True))
_NON_ASCII = regex_cache.lazy(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _QUOTES:
        return _QUOTES[char]
    if char in _ZERO_WIDTH:
        return char
    if char in _SMALL_CAPS:
        return _SMALL_CAPS[char]
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) == 1:
        return _QUOTES.get(folded, folded)
    return char


def fold(text: str) -> str:
    """``text`` with each character replaced by what it reads as; the length never changes.

    HTML that scrapes leave in a post reads as what a browser shows (:func:`break_markup`).
    """
    text = break_markup(text)
    if text.isascii():
        return text
    folded = _NON_ASCII.sub(lambda match: _fold_char(match.group()), text)
    # The text itself when nothing changed (emoji fold to themselves): a view and its reading
    # are then one string, not two as long as the draft.
    return text if folded == text else folded


_NON_SPACE = regex_cache.lazy(r"\S+")


def more_words_than(text: str, limit: int) -> bool:
    """``len(text.split()) > limit``, without a list of every word of a long text (``\\S``
    and :meth:`str.split` agree on what whitespace is)."""
    return any(count > limit for count, _word in enumerate(_NON_SPACE.finditer(text), 1))


# Line and paragraph tags scraped posts keep ("Big news<br>Like if ...", "<p>...</p>"), and
# inline tags that only style a word (<b>, <strong>, <a href=...>). Not "<name>": a merge field.
_MARKUP = regex_cache.lazy(
    r"<(?:(?P<line>br|p|div|li|ul|ol|h[1-6]|tr|hr)|/(?P<end>p|div|li|ul|ol|h[1-6]|tr)"
    r"|/?(?:b|i|u|em|strong|span|a|font|small|mark|sup|sub))(?:\s[^<>\n]{0,300})?\s*/?>",
    re.I,
)


def _markup(match: re.Match[str]) -> str:
    size = match.end() - match.start()
    return (" " * (size - 1) + "\n") if (match.group("line") or match.group("end")) else " " * size


def break_markup(text: str) -> str:
    """``text`` with HTML line tags as a line break and inline tags as spaces, same length:
    a ``<br>`` ends a line the way a line break does, so sentences and lines split there and
    every offset stays the draft's."""
    if "<" not in text:
        return text
    return _MARKUP.sub(_markup, text)


# --- tokens -----------------------------------------------------------------------------

_ZW = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_EMOJI = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u2300-\u23ff"
    "\u2190-\u21ff\u3030\u303d\u3297\u3299\ufe0f\u200d"
)
_TOKEN = regex_cache.lazy(
    rf"""(?P<entity>&(?:[a-z]{{2,8}}|\#\d{{1,6}}|\#x[0-9a-f]{{1,6}});)
    |(?P<tag>[#@][^\W_][\w{_ZW}]*)
    |(?P<word>\d+(?:/\d+)+(?![\w/])|\d{{1,3}}(?:,\d{{3}})+(?!\w|,\d)|[\w{_ZW}]+(?:(?:['\-]|&\#39;|&\#x27;|&rsquo;|&apos;)[\w{_ZW}]+)*)
    |(?P<emoji>[{_EMOJI}]+)
    |(?P<punct>[^\s{_ZW}])""",
    re.X | re.I,
)
# "9/11", "24/7", "3/4" and dates (12/05/2024) are one number, not three tokens; so is a
# count with thousands separators ("1,000 likes", "10,000 followers"), which a shape reads as
# one :number the way it reads "1000".
_NUMBER = regex_cache.lazy(r"\d+(?:[.,]\d+)*|\d+(?:/\d+)+")
#: A link as the document model masks it (:data:`sociable.document.MASK_KINDS` ``url``).
URL_PATTERN = (
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]"""
    r"""|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|ly|me|ai|app|dev|in|uk)/[^\s<>"'`]*"""
)
# Top-level domains a bare domain ("mysite.com", no path) is read by; lower case only, so
# "ASP.NET" stays two words.
_BARE_DOMAIN = (
    r"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?-i:com|org|net|io|co|ly|me|ai|app|dev|shop|store|tv|gg|link|biz|info)"
    r"\b(?![\w@-])"
)
_URL = regex_cache.lazy(URL_PATTERN + _BARE_DOMAIN, re.I)
# Most views hold no link: one cheap search decides whether the link scan runs at all.
_URL_HINT = regex_cache.lazy(r"://|www\.|\.(?:com|org|net|io|co|ly|me|ai|app|dev|in|uk|shop|store|tv|gg|link|biz|info)\b")
_ZW_TABLE = str.maketrans("", "", _ZW)



#: Token kinds as the columns store them (one byte a token); :data:`KIND_NAMES` names them.
WORD, NUMBER, HASHTAG, MENTION, EMOJI, URL, PUNCT = range(7)
KIND_NAMES = ("word", "number", "hashtag", "mention", "emoji", "url", "punct")
#: Bits of :attr:`Analysis.flags`.
CAPS, QUOTED = 1, 2
# The groups of _TOKEN by number (Match.lastindex): entity, tag, word, emoji, punct.
_ENTITY, _TAG, _WORDS, _EMOJIS = 1, 2, 3, 4


#: Sets a field of a frozen record past its closed ``__setattr__`` (``records.fill`` without
#: the keyword dict: :class:`Token` is made once per token read as an object).
_set = object.__setattr__


class Token(Record):
    """One token of a view. ``norm`` is case-folded, entity-decoded, without ``#``/``@``.

    Built on access from the columns of an :class:`Analysis` (see :class:`Tokens`), for
    readers that are not hot; the shape kind reads the columns themselves. Frozen, with
    slots; a record rather than a dataclass, as are :class:`Sentence` and :class:`Analysis`:
    making a dataclass costs every run start-up time (:mod:`sociable.records`).
    """

    __slots__ = ("caps", "end", "kind", "norm", "quoted", "start", "text")
    _frozen = True

    start: int
    end: int
    text: str
    norm: str
    #: ``word``, ``number``, ``hashtag``, ``mention``, ``emoji``, ``url`` or ``punct``.
    kind: str
    #: An upper-case word of two or more letters ("GUIDE"), the way dictated words are written.
    caps: bool
    #: A word standing alone between quotes ('yes', "GUIDE").
    quoted: bool

    def __init__(
        self, start: int, end: int, text: str, norm: str, kind: str, caps: bool = False, quoted: bool = False,
    ) -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "text", text)
        _set(self, "norm", norm)
        _set(self, "kind", kind)
        _set(self, "caps", caps)
        _set(self, "quoted", quoted)


class Sentence(Record):
    """A sentence: its span and the index range of its tokens in :attr:`Analysis.tokens`
    (frozen, with slots)."""

    __slots__ = ("end", "first", "start", "stop")
    _frozen = True

    start: int
    end: int
    first: int
    stop: int

    def __init__(self, start: int, end: int, first: int, stop: int) -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "first", first)
        _set(self, "stop", stop)


class Analysis(Record):
    """Tokens and sentences of one view as parallel columns, and an index from normal form to
    token positions.

    Token ``i`` is ``starts[i]:ends[i]`` of ``text`` (the folded view), of kind ``kinds[i]``
    (:data:`WORD` ...), normal form ``norms[i]`` (one string object per distinct form) and
    ``flags[i]`` (:data:`CAPS`, :data:`QUOTED`). Columns rather than one object a token: a
    20 MB draft has 4.5 million tokens, and as objects they took about 195 bytes each.
    Mutable, without slots (``index`` and ``cache`` are a new dict each when not given).
    """

    text: str
    starts: array[int]
    ends: array[int]
    kinds: bytearray
    norms: list[str]
    flags: bytearray
    #: Sentence ``n`` is ``sentence_starts[n]:sentence_ends[n]`` of the text and holds the
    #: tokens ``sentence_firsts[n]`` up to ``sentence_stops[n]``.
    sentence_starts: array[int]
    sentence_ends: array[int]
    sentence_firsts: array[int]
    sentence_stops: array[int]
    index: Mapping[str, Sequence[int]]  # a TokenIndex
    #: Sentences that end in a question mark.
    questions: frozenset[int]
    #: Derived facts kinds compute once per view (clause starts, say), keyed by the kind.
    cache: dict[object, object]

    def __init__(
        self,
        text: str,
        starts: array[int],
        ends: array[int],
        kinds: bytearray,
        norms: list[str],
        flags: bytearray,
        sentence_starts: array[int],
        sentence_ends: array[int],
        sentence_firsts: array[int],
        sentence_stops: array[int],
        index: Mapping[str, Sequence[int]] | None = None,
        questions: frozenset[int] = frozenset(),
        cache: dict[object, object] | None = None,
    ) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends
        self.kinds = kinds
        self.norms = norms
        self.flags = flags
        self.sentence_starts = sentence_starts
        self.sentence_ends = sentence_ends
        self.sentence_firsts = sentence_firsts
        self.sentence_stops = sentence_stops
        self.index = {} if index is None else index
        self.questions = questions
        self.cache = {} if cache is None else cache

    @property
    def tokens(self) -> Tokens:
        """The tokens as a sequence of :class:`Token` made on access."""
        return Tokens(self)

    @property
    def sentences(self) -> Sentences:
        """The sentences as a sequence of :class:`Sentence` made on access."""
        return Sentences(self)

    @property
    def sentence_of(self) -> SentenceOf:
        """For each token, the index of its sentence (see :meth:`sentence_at`)."""
        return SentenceOf(self)

    def sentence_at(self, token: int) -> int:
        """The sentence of token ``token``: the last one starting at or before it (a token
        between two sentences belongs to the one before; before the first, to the first).
        A search in the sentences' first tokens rather than a column of one int a token."""
        return max(0, bisect_right(self.sentence_firsts, token) - 1)

    def token(self, number: int) -> Token:
        start, end = self.starts[number], self.ends[number]
        flags = self.flags[number]
        return Token(start, end, self.text[start:end], self.norms[number], KIND_NAMES[self.kinds[number]],
                     bool(flags & CAPS), bool(flags & QUOTED))


class _Rows(Sequence[_R]):
    """A read-only sequence over an analysis's columns; equal to any sequence of equal rows."""

    __slots__ = ("_analysis",)

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis

    def _row(self, number: int) -> _R:
        raise NotImplementedError

    @overload
    def __getitem__(self, number: int) -> _R: ...
    @overload
    def __getitem__(self, number: slice) -> list[_R]: ...
    def __getitem__(self, number: int | slice) -> _R | list[_R]:
        if isinstance(number, slice):
            return [self._row(n) for n in range(*number.indices(len(self)))]
        if number < 0:
            number += len(self)
        if not 0 <= number < len(self):
            raise IndexError(number)
        return self._row(number)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


class Tokens(_Rows[Token]):
    """:attr:`Analysis.tokens`: a :class:`Token` built from the columns on each access."""

    __slots__ = ()

    def __len__(self) -> int:
        return len(self._analysis.starts)

    def _row(self, number: int) -> Token:
        return self._analysis.token(number)


class Sentences(_Rows[Sentence]):
    """:attr:`Analysis.sentences`: a :class:`Sentence` built from the columns on each access."""

    __slots__ = ()

    def __len__(self) -> int:
        return len(self._analysis.sentence_starts)

    def _row(self, number: int) -> Sentence:
        a = self._analysis
        return Sentence(a.sentence_starts[number], a.sentence_ends[number], a.sentence_firsts[number],
                        a.sentence_stops[number])


class SentenceOf(_Rows[int]):
    """:attr:`Analysis.sentence_of`: each token's sentence, found on access."""

    __slots__ = ()

    def __len__(self) -> int:
        return len(self._analysis.starts)

    def _row(self, number: int) -> int:
        return self._analysis.sentence_at(number)


class _Columns:
    """The columns :func:`tokenize` fills, in one pass over the view."""

    def __init__(self) -> None:
        self.starts = array("i")
        self.ends = array("i")
        self.kinds = bytearray()
        self.norms: list[str] = []
        self.flags = bytearray()
        #: Normal form -> its number; ``forms[number]`` is the one string kept for it.
        self.ids: dict[str, int] = {}
        self.forms: list[str] = []
        #: Each token's form number, until :class:`TokenIndex` has grouped them.
        self.token_ids = array("i")
        self.index: TokenIndex | None = None

    def add(self, start: int, end: int, kind: int, norm: str, flags: int = 0) -> None:
        ident = self.ids.get(norm)
        if ident is None:
            ident = self.ids[norm] = len(self.forms)
            self.forms.append(norm)
        self.token_ids.append(ident)
        self.starts.append(start)
        self.ends.append(end)
        self.kinds.append(kind)
        self.norms.append(self.forms[ident])
        self.flags.append(flags)

    def scan(self, view: str, position: int, stop: int) -> None:
        """Every token of ``view[position:stop]`` (no links: the caller cuts those out)."""
        ids, forms = self.ids, self.forms
        add_start, add_end, add_kind, add_flags = self.starts.append, self.ends.append, self.kinds.append, self.flags.append
        add_norm, add_id, add_form = self.norms.append, self.token_ids.append, forms.append
        for match in _TOKEN.finditer(view, position, stop):
            group = match.lastindex
            raw = match.group()
            flags = 0
            if group == _WORDS:
                clean = html.unescape(raw).translate(_ZW_TABLE) if ("&" in raw or not raw.isascii()) else raw
                if clean[:1].isdecimal() and _NUMBER.fullmatch(clean):
                    kind, norm = NUMBER, clean
                else:
                    kind, norm = WORD, clean.casefold()
                    if not (clean.islower() or clean[1:].islower()) and _all_caps(clean):
                        flags = CAPS  # (a word with a lower-case letter after its first is not)
            elif group == _TAG:
                kind = HASHTAG if raw[0] == "#" else MENTION
                norm = raw[1:].translate(_ZW_TABLE).casefold()
            elif group == _EMOJIS:
                kind, norm = EMOJI, raw
            elif group == _ENTITY:
                decoded = html.unescape(raw)
                kind, norm = (WORD if decoded.isalnum() else PUNCT), decoded.casefold()
            else:
                kind, norm = PUNCT, raw
            ident = ids.get(norm)
            if ident is None:
                ident = ids[norm] = len(forms)
                add_form(norm)
            start, end = match.span()
            add_id(ident)
            add_start(start)
            add_end(end)
            add_kind(kind)
            add_norm(forms[ident])
            add_flags(flags)


class TokenIndex(Mapping[str, Sequence[int]]):
    """Normal form -> the sorted positions of its tokens (:attr:`Analysis.index`).

    Every position in one array, grouped by form, and where each form's group begins: a
    dict of one array a form (or a ``range`` for a form met once) took about 200 bytes a
    distinct form beside the positions, and a long draft numbers its paragraphs (180,000
    forms at 20 MB). A lookup returns the form's positions as a new array.
    """

    __slots__ = ("_bounds", "_ids", "_positions")

    def __init__(self, ids: dict[str, int], token_ids: array[int]) -> None:
        count = len(ids)
        # Counting sort by form number: how many tokens each form has, where each group
        # starts, then each position written at its group's next free place.
        sizes = array("i", bytes(4 * count))
        for ident in token_ids:
            sizes[ident] += 1
        bounds = array("i", accumulate(sizes, initial=0))
        del sizes
        free = bounds[:-1]
        positions = array("i", bytes(4 * len(token_ids)))
        for position, ident in enumerate(token_ids):
            positions[free[ident]] = position
            free[ident] += 1
        self._ids, self._positions, self._bounds = ids, positions, bounds

    def __getitem__(self, norm: str) -> array[int]:
        ident = self._ids[norm]
        return self._positions[self._bounds[ident] : self._bounds[ident + 1]]

    def __contains__(self, norm: object) -> bool:
        return norm in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def keys(self) -> KeysView[str]:
        """The distinct normal forms, as a set-like view (``isdisjoint``, ``&``) of the dict."""
        return self._ids.keys()

    def count(self, norm: str) -> int:
        """How many tokens have normal form ``norm`` (0 for none), without their positions."""
        ident = self._ids.get(norm)
        return 0 if ident is None else self._bounds[ident + 1] - self._bounds[ident]


def _all_caps(clean: str) -> bool:
    letters = [c for c in clean if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(view: str) -> list[Token]:
    """The tokens of a view, in order, with offsets into it, as objects (for tests and
    readers of a few tokens; :func:`analyse` keeps them as columns)."""
    c = _columns(view)
    return [
        Token(start, end, view[start:end], norm, KIND_NAMES[kind], bool(flags & CAPS), bool(flags & QUOTED))
        for start, end, norm, kind, flags in zip(c.starts, c.ends, c.norms, c.kinds, c.flags, strict=True)
    ]


def _columns(view: str) -> _Columns:
    """The token columns of a view, each link one ``url`` token; the link scan runs only on a
    hint of one. Words standing alone between quotes are then flagged :data:`QUOTED`."""
    memo = _MEMO
    columns = _scanned(view) if memo is None else memo.scan(view)
    starts, ends, kinds, norms, flags = columns.starts, columns.ends, columns.kinds, columns.norms, columns.flags
    index = columns.index = TokenIndex(columns.ids, columns.token_ids)
    columns.token_ids = array("i")  # grouped into the index: not kept twice
    last = len(norms) - 1
    for quote in ("'", '"'):
        for before in index.get(quote, ()):
            word, after = before + 1, before + 2
            if (
                0 < word < last
                and kinds[word] == WORD
                and ends[before] - starts[before] == 1  # the mark itself, not "&#39;"
                and norms[after] == quote
                and ends[after] - starts[after] == 1
                and ends[before] == starts[word]
                and starts[after] == ends[word]
            ):
                flags[word] |= QUOTED
    return columns


def _scanned(view: str) -> _Columns:
    """The tokens of ``view``, links found first (no index, no quoted flags yet)."""
    columns = _Columns()
    position = 0
    if _URL_HINT.search(view):
        for link in _URL.finditer(view):
            start, end = link.span()
            columns.scan(view, position, start)
            columns.add(start, end, URL, link.group().casefold())
            position = end
    columns.scan(view, position, len(view))
    return columns


# --- the paragraphs a language server session has scanned -------------------------------

_PARAGRAPH_BREAK = regex_cache.lazy(r"\n[ \t\r\f\v]*\n")
#: Paragraphs longer than this are scanned, not kept (the memo is bounded by count).
KEEP_UP_TO = 8192


class ParagraphMemo:
    """Each paragraph's tokens (offsets from its first character), for a session that
    re-lints one buffer after every edit: one edit changes one paragraph, and the view's
    token scan (most of a view's analysis) was done again for all of them.

    Exact: no token holds whitespace (words, tags, entities, emoji and the link pattern
    neither), the patterns look behind at nothing but a character the link patterns refuse
    (whitespace passes as the start of a text does) and ahead at whitespace or the end alike,
    so a paragraph between two line breaks is tokenised the same alone as within its view.
    What reads across tokens (the quoted-word flag, the index) is made over the whole view
    afterwards, as without the memo. An LRU of ``size`` paragraphs.
    """

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._kept: OrderedDict[str, tuple[array[int], array[int], bytes, tuple[str, ...], bytes]] = OrderedDict()
        self.scanned = 0  # paragraphs scanned (tests count them)

    def __len__(self) -> int:
        return len(self._kept)

    def scan(self, view: str) -> _Columns:
        """:func:`_scanned` of ``view``, from kept paragraphs where they are the same."""
        columns = _Columns()
        position = 0
        for found in _PARAGRAPH_BREAK.finditer(view):
            self._add(columns, view, position, found.start())
            position = found.end()
        self._add(columns, view, position, len(view))
        return columns

    def _add(self, columns: _Columns, view: str, start: int, end: int) -> None:
        if start >= end:
            return
        paragraph = view[start:end]
        kept = self._kept.get(paragraph) if end - start <= KEEP_UP_TO else None
        if kept is None:
            self.scanned += 1
            part = _scanned(paragraph)
            kept = (part.starts, part.ends, bytes(part.kinds), tuple(part.norms), bytes(part.flags))
            if end - start <= KEEP_UP_TO:
                self._kept[paragraph] = kept
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(paragraph)
        starts, ends, kinds, norms, flags = kept
        columns.starts.extend([offset + start for offset in starts])
        columns.ends.extend([offset + start for offset in ends])
        columns.kinds.extend(kinds)
        columns.flags.extend(flags)
        ids, forms, token_ids, column = columns.ids, columns.forms, columns.token_ids, columns.norms
        for norm in norms:  # numbered by first occurrence, as the scan numbers them
            ident = ids.get(norm)
            if ident is None:
                ident = ids[norm] = len(forms)
                forms.append(norm)
            token_ids.append(ident)
            column.append(forms[ident])


_MEMO: ParagraphMemo | None = None


@contextmanager
def remembering(memo: ParagraphMemo | None) -> Iterator[None]:
    """Within the block, views are tokenised through ``memo`` (None: scanned whole). The
    language server's session lints its buffer in such a block; nothing else does."""
    global _MEMO
    previous, _MEMO = _MEMO, memo
    try:
        yield
    finally:
        _MEMO = previous


# --- sentences ----------------------------------------------------------------------------

# Emoji glued to the mark belong to the sentence they close ("Agree?👇 Comment below"), and
# so do emoji that end the line ("Done! 🎉🎉"); "Which one? ❤️ for A, 😂 for B" goes on.
_SENTENCE_END = regex_cache.lazy(
    rf"[.!?…]+[\"')\]”’]*(?:[{_EMOJI}]+(?:[ \t]+[{_EMOJI}]+)*|(?:[ \t]+[{_EMOJI}]+)+(?=[ \t]*(?:\r?\n|$)))?"
    r"(?=\s|$)|\n(?![ \t]*[a-z])"
)
_CLAUSE_END = regex_cache.lazy(_SENTENCE_END.pattern + r"|[;:](?=\s)")
# Titles and abbreviations whose full stop does not end a sentence.
_ABBREVIATION = regex_cache.lazy(r"(?<![\w.])(?:mr|mrs|ms|dr|prof|st|sr|jr|vs|etc|e\.g|i\.e|inc|ltd|no|approx)$", re.I)


def sentence_spans(text: str, clauses: bool = False) -> list[Span]:
    """Spans of the sentences of ``text``, each with a letter or digit in it, trimmed.

    With ``clauses``, a semicolon or colon before whitespace ends a sentence too.
    """
    return list(sentence_columns(text, clauses))


def sentence_columns(text: str, clauses: bool = False) -> Spans:
    """:func:`sentence_spans` as two arrays (what the document model keeps for each view: a
    long draft has hundreds of thousands of sentences, about 100 bytes each as tuples)."""
    spans = Spans(array("i"), array("i"))
    position = 0
    for match in (_CLAUSE_END if clauses else _SENTENCE_END).finditer(text):
        if match.group() == "." and _ABBREVIATION.search(text, max(position, match.start() - 5), match.start()):
            continue  # "Dear Mrs. Newman" is one sentence
        spans.add_trimmed(text, position, match.end())
        position = match.end()
    spans.add_trimmed(text, position, len(text))
    return spans


_ALPHANUMERIC = regex_cache.lazy(r"[^\W_]")


class Spans(Sequence[Span]):
    """Spans ``(start, end)`` kept as two arrays; equal to any sequence of the same pairs."""

    __slots__ = ("ends", "starts")

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self.starts, self.ends = starts, ends

    def add_trimmed(self, text: str, start: int, end: int) -> None:
        r"""Add ``text[start:end]`` without its outer whitespace, if a letter or digit is in it.

        In C, not a Python step a character: a view blanks what it leaves out to spaces, so
        a sentence's span often opens with hundreds of them (the frontmatter, a quote), and
        this was a tenth of the text analysis. ``[^\W_]`` is ``str.isalnum`` (``re`` reads
        ``\w`` as alphanumeric or ``_``), ``str.strip`` strips what ``str.isspace`` calls
        whitespace."""
        if _ALPHANUMERIC.search(text, start, end) is None:
            return
        segment = text[start:end]
        self.starts.append(start + len(segment) - len(segment.lstrip()))
        self.ends.append(end - (len(segment) - len(segment.rstrip())))

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, number: int) -> Span: ...
    @overload
    def __getitem__(self, number: slice) -> list[Span]: ...
    def __getitem__(self, number: int | slice) -> Span | list[Span]:
        if isinstance(number, slice):
            return list(zip(self.starts[number], self.ends[number], strict=True))
        return self.starts[number], self.ends[number]

    def __iter__(self) -> Iterator[Span]:
        return zip(self.starts, self.ends, strict=True)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"


class Coverage:
    """The union of some spans as sorted, disjoint runs: whether any of the spans holds an
    offset, by a search (a scan of every span per question made long drafts quadratic)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            if start >= end:
                continue  # an empty span holds nothing
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def holds(self, offset: int) -> bool:
        """Whether ``start <= offset < end`` for one of the spans."""
        run = bisect_right(self._starts, offset) - 1
        return run >= 0 and offset < self._ends[run]


def sentence_around(text: str, start: int, end: int) -> Span:
    """The sentence of ``text`` that holds ``text[start:end]`` (from its start to its end)."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, max(end, left))
    right = right_match.end() if right_match else len(text)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def analyse(view: str, spans: Sequence[Span] | None = None, *, folded: bool = False) -> Analysis:
    """Tokens, sentences and the token index of a view (the view is folded first, unless
    ``folded`` says it is already: :func:`fold` of a folded text is the same text).

    ``spans``: the view's :func:`sentence_spans`, when the caller has split it already.
    """
    text = view if folded else fold(view)
    return _analysed(text, _columns(text), spans)


#: Views longer than this are always tokenised on their own (:func:`analyse_within` compares
#: and copies a view's run; a long draft's memory was tuned without such copies).
DERIVE_UP_TO = 1 << 16


def analyse_within(parent: Analysis, text: str, spans: Sequence[Span] | None = None) -> Analysis | None:
    """:func:`analyse` of ``text`` (a folded view) made from ``parent``'s tokens, or None when
    that cannot be shown to give the same columns.

    A draft's ``opening`` and ``body`` are its ``text`` with a few lines blanked, and each was
    tokenised again from scratch (most of the text analysis of a channel draft). When
    ``text`` is blank outside one run, that run is the same characters in the parent's view,
    and whitespace borders the run there, the tokens are the parent's that start in the run:
    no token holds whitespace (the link pattern neither), the token patterns look behind at
    nothing and ahead at most two characters, whitespace in both views at the run's edges,
    and the quoted-word flag reads three touching tokens, all inside the run. The sentences
    are split from ``text`` itself, as :func:`analyse` does.
    """
    parent_text = parent.text
    size = len(text)
    if size != len(parent_text) or size > DERIVE_UP_TO:
        return None
    found = _NON_SPACE.search(text)
    if found is None:
        return None
    first, last = found.start(), len(text.rstrip())
    if first and not parent_text[first - 1].isspace():
        return None
    if last < size and not parent_text[last].isspace():
        return None
    if text[first:last] != parent_text[first:last]:
        return None
    low = bisect_left(parent.starts, first)
    high = bisect_left(parent.starts, last, low)
    columns = _Columns()
    columns.starts, columns.ends = parent.starts[low:high], parent.ends[low:high]
    columns.kinds, columns.flags = parent.kinds[low:high], parent.flags[low:high]
    norms = columns.norms = parent.norms[low:high]
    # Numbered by first occurrence, as the scan numbers them (the index's keys keep that order).
    ids = columns.ids = {norm: number for number, norm in enumerate(dict.fromkeys(norms))}
    columns.forms = list(ids)
    columns.index = TokenIndex(ids, array("i", map(ids.__getitem__, norms)))
    return _analysed(text, columns, spans)


def _analysed(text: str, columns: _Columns, spans: Sequence[Span] | None) -> Analysis:
    """The analysis of ``text`` from its token columns: sentences, their token ranges, questions."""
    index = columns.index
    assert index is not None
    if spans is None:
        spans = sentence_columns(text)
    starts, ends = columns.starts, columns.ends
    # The document model's sentence spans are arrays already: shared, not copied.
    shared = isinstance(spans, Spans)
    sentence_starts, sentence_ends = (array("i"), array("i"))
    if isinstance(spans, Spans):
        sentence_starts, sentence_ends = spans.starts, spans.ends
    firsts, stops = array("i"), array("i")
    questions = set()
    position = 0
    for number, (start, end) in enumerate(spans):
        # Tokens never cross a sentence's edge, so each edge is a search in the sorted offsets.
        first = bisect_right(ends, start, position)
        stop = position = bisect_left(starts, end, first)
        if not shared:
            sentence_starts.append(start)
            sentence_ends.append(end)
        firsts.append(first)
        stops.append(stop)
        if text[start:end].rstrip("\"')]* \t").endswith("?") or _ends_with_question(columns, text, first, stop):
            questions.add(number)
    return Analysis(text, starts, ends, columns.kinds, columns.norms, columns.flags,
                    sentence_starts, sentence_ends, firsts, stops, index, frozenset(questions))


def _ends_with_question(columns: _Columns, text: str, first: int, stop: int) -> bool:
    """A question followed only by emoji ("Thoughts? 🤔") still ends in a question mark."""
    position = stop - 1
    kinds = columns.kinds
    while position >= first and kinds[position] == EMOJI:
        position -= 1
    return position >= first and text[columns.starts[position] : columns.ends[position]] == "?"
