"""Text analysis shared by every rule kind: one normaliser, one tokenizer, one sentence splitter.

Part of the document model's bottom layer: it imports nothing of sociable's. Everything here
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
from collections.abc import Mapping, MutableSequence, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sociable import regex_cache

Span = tuple[int, int]

_QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u202f": " ", "\u2007": " ",
}
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_NON_ASCII = regex_cache.lazy(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _QUOTES:
        return _QUOTES[char]
    if char in _ZERO_WIDTH:
        return char
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) == 1:
        return _QUOTES.get(folded, folded)
    return char


def fold(text: str) -> str:
    """``text`` with each character replaced by what it reads as; the length never changes."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(lambda match: _fold_char(match.group()), text)


# --- tokens -----------------------------------------------------------------------------

_ZW = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_EMOJI = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u2300-\u23ff"
    "\u2190-\u21ff\u3030\u303d\u3297\u3299\ufe0f\u200d"
)
_TOKEN = regex_cache.lazy(
    rf"""(?P<entity>&(?:[a-z]{{2,8}}|\#\d{{1,6}}|\#x[0-9a-f]{{1,6}});)
    |(?P<tag>[#@][^\W_][\w{_ZW}]*)
    |(?P<word>[\w{_ZW}]+(?:(?:['\-]|&\#39;|&\#x27;|&rsquo;|&apos;)[\w{_ZW}]+)*)
    |(?P<emoji>[{_EMOJI}]+)
    |(?P<punct>[^\s{_ZW}])""",
    re.X | re.I,
)
_NUMBER = regex_cache.lazy(r"\d+(?:[.,]\d+)*")
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


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a view. ``norm`` is case-folded, entity-decoded, without ``#``/``@``."""

    start: int
    end: int
    text: str
    norm: str
    #: ``word``, ``number``, ``hashtag``, ``mention``, ``emoji``, ``url`` or ``punct``.
    kind: str
    #: An upper-case word of two or more letters ("GUIDE"), the way dictated words are written.
    caps: bool = False
    #: A word standing alone between quotes ('yes', "GUIDE").
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its span and the index range of its tokens in :attr:`Analysis.tokens`."""

    start: int
    end: int
    first: int
    stop: int


@dataclass
class Analysis:
    """Tokens and sentences of one view, and an index from normal form to token positions."""

    tokens: list[Token]
    sentences: list[Sentence]
    #: For each token, the index of its sentence.
    sentence_of: MutableSequence[int]
    index: Mapping[str, Sequence[int]] = field(default_factory=dict)
    #: Sentences that end in a question mark.
    questions: frozenset[int] = frozenset()
    #: Derived facts kinds compute once per view (clause starts, say), keyed by the kind.
    cache: dict[object, object] = field(default_factory=dict)


def _token(match: re.Match[str], shared: dict[str, str]) -> Token:
    """One token; its text and normal form are taken from ``shared``, so a word that recurs
    (most words of a long draft) keeps one string for all its tokens, not two per token."""
    kind = match.lastgroup or "punct"
    raw = match.group()
    raw = shared.setdefault(raw, raw)
    start, end = match.span()
    if kind == "entity":
        decoded = html.unescape(raw)
        kind = "punct" if not decoded.isalnum() else "word"
        return Token(start, end, raw, _shared(shared, decoded.casefold()), kind)
    if kind == "tag":
        norm = raw[1:].translate(_ZW_TABLE).casefold()
        return Token(start, end, raw, _shared(shared, norm), "hashtag" if raw[0] == "#" else "mention")
    if kind == "word":
        clean = html.unescape(raw).translate(_ZW_TABLE) if ("&" in raw or not raw.isascii()) else raw
        if _NUMBER.fullmatch(clean):
            return Token(start, end, raw, _shared(shared, clean), "number")
        letters = [c for c in clean if c.isalpha()]
        caps = len(letters) >= 2 and all(c.isupper() for c in letters)
        return Token(start, end, raw, _shared(shared, clean.casefold()), "word", caps=caps)
    if kind == "emoji":
        return Token(start, end, raw, raw, "emoji")
    return Token(start, end, raw, raw, "punct")


def _shared(shared: dict[str, str], text: str) -> str:
    return shared.setdefault(text, text)


def tokenize(view: str) -> list[Token]:
    """The tokens of a (folded) view, in order, with offsets into it."""
    tokens = _tokens_and_links(view)
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if (
            token.kind == "word"
            and tokens[index - 1].text in ("'", '"')
            and tokens[index + 1].text == tokens[index - 1].text
            and tokens[index - 1].end == token.start
            and tokens[index + 1].start == token.end
        ):
            tokens[index] = Token(
                token.start, token.end, token.text, token.norm, token.kind, token.caps, True
            )
    return tokens


def _tokens_and_links(view: str) -> list[Token]:
    """Tokens with each link as one ``url`` token; the link scan runs only on a hint of one."""
    shared: dict[str, str] = {}
    if not _URL_HINT.search(view):
        return [_token(match, shared) for match in _TOKEN.finditer(view)]
    tokens: list[Token] = []
    position = 0
    for link in _URL.finditer(view):
        start, end = link.span()
        tokens.extend(_token(match, shared) for match in _TOKEN.finditer(view, position, start))
        tokens.append(Token(start, end, link.group(), link.group().casefold(), "url"))
        position = end
    tokens.extend(_token(match, shared) for match in _TOKEN.finditer(view, position))
    return tokens


# --- sentences ----------------------------------------------------------------------------

_SENTENCE_END = regex_cache.lazy(r"[.!?…]+[\"')\]”’]*(?=\s|$)|\n(?![ \t]*[a-z])")
_CLAUSE_END = regex_cache.lazy(_SENTENCE_END.pattern + r"|[;:](?=\s)")
# Titles and abbreviations whose full stop does not end a sentence.
_ABBREVIATION = regex_cache.lazy(r"(?<![\w.])(?:mr|mrs|ms|dr|prof|st|sr|jr|vs|etc|e\.g|i\.e|inc|ltd|no|approx)$", re.I)


def sentence_spans(text: str, clauses: bool = False) -> list[Span]:
    """Spans of the sentences of ``text``, each with a letter or digit in it, trimmed.

    With ``clauses``, a semicolon or colon before whitespace ends a sentence too.
    """
    spans: list[Span] = []
    position = 0
    for match in (_CLAUSE_END if clauses else _SENTENCE_END).finditer(text):
        if match.group() == "." and _ABBREVIATION.search(text, max(position, match.start() - 5), match.start()):
            continue  # "Dear Mrs. Newman" is one sentence
        spans.append((position, match.end()))
        position = match.end()
    spans.append((position, len(text)))
    result = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(c.isalnum() for c in text[start:end]):
            result.append((start, end))
    return result


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


def analyse(view: str, spans: Sequence[Span] | None = None) -> Analysis:
    """Tokens, sentences and the token index of a view (the view is folded first).

    ``spans``: the view's :func:`sentence_spans`, when the caller has split it already.
    """
    folded = fold(view)
    tokens = tokenize(folded)
    if spans is None:
        spans = sentence_spans(folded)
    sentences: list[Sentence] = []
    sentence_of = array("i", [0]) * len(tokens)  # 32-bit machine integers, not an int object each
    questions = set()
    position = 0
    for number, (start, end) in enumerate(spans):
        while position < len(tokens) and tokens[position].end <= start:
            sentence_of[position] = max(0, number - 1)
            position += 1
        first = position
        while position < len(tokens) and tokens[position].start < end:
            sentence_of[position] = number
            position += 1
        sentences.append(Sentence(start, end, first, position))
        if folded[start:end].rstrip("\"')]* \t").endswith("?") or _ends_with_question(tokens, first, position):
            questions.add(number)
    while position < len(tokens):
        sentence_of[position] = max(0, len(spans) - 1)
        position += 1
    index: dict[str, array[int]] = {}
    for number, token in enumerate(tokens):
        positions = index.get(token.norm)
        if positions is None:
            positions = index[token.norm] = array("i")
        positions.append(number)
    return Analysis(tokens, sentences, sentence_of, index, frozenset(questions))


def _ends_with_question(tokens: Sequence[Token], first: int, stop: int) -> bool:
    """A question followed only by emoji ("Thoughts? 🤔") still ends in a question mark."""
    position = stop - 1
    while position >= first and tokens[position].kind == "emoji":
        position -= 1
    return position >= first and tokens[position].text == "?"
