"""The document model: one draft, its parts, and what rules must not read.

A :class:`Document` is built once per draft and then only read. It knows

* the decoded text (positions index it; a BOM is removed and remembered);
* YAML frontmatter (``channel``, ``to``, ``subject``, ``sociable: {ignore: [...]}``) and an
  email's ``Subject:`` header;
* *scopes*, the parts of a draft a rule may look at: ``subject``, ``greeting``, ``body``,
  ``signature``, plus ``opening`` and ``closing`` (first and last paragraph of the body),
  ``text`` (everything the reader sees, less the subject) and ``all``;
* *masked regions* rules do not read by default: code, URLs, e-mail addresses, HTML comments,
  blockquotes and quoted speech, i.e. text the author quotes rather than writes.

Rules read a *view*: a string as long as the text where everything outside the scope and
inside a mask is blanked to spaces (newlines kept). Offsets found in a view are therefore
offsets in the original text, so line and column stay right with frontmatter, CRLF and emoji.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from sociable.text import URL_PATTERN, Coverage, break_markup, fold

if TYPE_CHECKING:
    from sociable.text import Analysis, Sentences, Spans, Tokens

from sociable import regex_cache
from sociable.records import Record, fill

_T = TypeVar("_T")

CHANNELS = (
    "linkedin-connect",
    "linkedin-dm",
    "linkedin-post",
    "linkedin-inmail",
    "cold-email",
    "follow-up-email",
    "x-post",
    "x-dm",
    "facebook-post",
    "instagram-post",
    "comment",
    "dm",
)

SCOPES = ("all", "text", "subject", "greeting", "body", "opening", "closing", "signature")

MASK_KINDS = ("code", "url", "email", "comment", "blockquote", "speech", "frontmatter", "header")

Span = tuple[int, int]



_PLAIN_VALUE = re.compile(r"^(\s*[\w-]+):[ \t]+(.*?)\s*$")


def _quoting_hint(raw: str, line: int | None) -> str:
    """``subject: Re: x`` is a YAML error; say the fix (``subject: "Re: x"``) with the message."""
    lines = raw.splitlines()
    if line is None or not 0 <= line < len(lines):
        return ""
    found = _PLAIN_VALUE.match(lines[line])
    if found is None or not found.group(2) or found.group(2)[0] in "\"'{[":
        return ""
    key, value = found.groups()
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'; put the value in quotes: {key.strip()}: "{quoted}"'


class DocumentError(ValueError):
    """The draft cannot be read as written (bad frontmatter, say); the message says why."""


class Recipient(Record):
    """Whom a draft is for, from frontmatter ``to:`` or an export's recipient columns.

    Frozen; a record rather than a dataclass, as is :class:`Document`: making a dataclass costs
    every run start-up time (:mod:`sociable.records`).
    """

    _frozen = True  # no __slots__: sent back with each document kept, read as a dataclass's

    name: str
    company: str
    role: str

    def __init__(self, name: str = "", company: str = "", role: str = "") -> None:
        fill(self, name=name, company=company, role=role)

    @property
    def first_name(self) -> str:
        parts = self.name.split()
        return parts[0] if parts else ""

    @classmethod
    def from_value(cls, value: object) -> Recipient | None:
        if isinstance(value, str) and value.strip():
            return cls(name=value.strip())
        if isinstance(value, Mapping):
            get = lambda key: str(value.get(key) or "").strip()  # noqa: E731
            recipient = cls(name=get("name"), company=get("company"), role=get("role"))
            return recipient if (recipient.name or recipient.company) else None
        return None


# --- recognisers for the parts of a draft --------------------------------------------------

_FRONTMATTER_END = regex_cache.lazy(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_SUBJECT_LINE = regex_cache.lazy(r"[ \t]*(?:Subject|Re|Fwd?)[ \t]*:[ \t]*(?P<value>[^\r\n]*)", re.I)
_SALUTATION = regex_cache.lazy(
    r"""^[ \t]*(?:hi|hey|hiya|hello|heya|dear|greetings|good\s+(?:morning|afternoon|evening|day)
        |howdy|yo|salut|hallo|hola|respected|to\s+whom\s+it\s+may\s+concern)\b""",
    re.I | re.X | re.M,
)
_SIGN_OFF = regex_cache.lazy(
    r"""^[ \t]*(?:--[ \t]*|(?:best|warm(?:est)?|kind|all\s+the\s+best|many)?[ \t]*
        (?:regards|wishes|best|thanks|thank\s+you|cheers|sincerely|yours(?:\s+truly|\s+sincerely)?
        |talk\s+soon|speak\s+soon|respectfully|with\s+gratitude|gratefully|take\s+care|ciao
        |all\s+the\s+best|best\s+wishes|thanks\s+(?:again|so\s+much|in\s+advance)|warmly)
        [ \t]*[,.!]?[ \t]*)\r?$""",
    re.I | re.X | re.M,
)
_CODE_FENCE = regex_cache.lazy(r"^[ \t]*(```|~~~)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*\r?$|\Z)", re.M | re.S)
_INLINE_CODE = regex_cache.lazy(r"(`+)[^`\n]+?\1")
_HTML_COMMENT = regex_cache.lazy(r"<!--.*?(?:-->|\Z)", re.S)
_BLOCKQUOTE = regex_cache.lazy(r"^[ \t]*>[^\n]*", re.M)
_URL = regex_cache.lazy(URL_PATTERN, re.I)
_EMAIL = regex_cache.lazy(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Quoted speech: two or more words inside straight or curly double quotes, in one paragraph.
_SPEECH = regex_cache.lazy(r"(?:\"(?=[^\"\n]*\s)[^\"\n]{3,300}\"|“[^”\n]*\s[^”\n]*”|«[^»\n]*\s[^»\n]*»)")
# Single-quoted speech ('repost if you agree', ‘like this’): two or more words; an apostrophe
# inside a word (don't) or after one (the teams' owners) neither opens nor closes a quote.
_SINGLE_QUOTED = regex_cache.lazy(
    r"(?<![\w'’])'(?=[^\s'])(?:[^'\n]|(?<=\w)'(?=\w)){0,300}?\s(?:[^'\n]|(?<=\w)'(?=\w)){0,300}?(?<=[^\s'])'(?![\w'])"
    r"|‘(?:[^’\n]|(?<=\w)’(?=\w)){0,300}?\s(?:[^’\n]|(?<=\w)’(?=\w)){0,300}?’(?!\w)"
)
_PARAGRAPH_BREAK = regex_cache.lazy(r"\n[ \t]*\r?\n")


class Document(Record):
    """One draft, parsed once, read by every rule.

    Mutable, without slots. Every field, the caches too, takes part in ``==`` (as the
    dataclass it was); ``repr`` leaves the caches out. A field left out is a new, empty one.
    """

    #: The caches, compared but not shown (as ``field(repr=False)`` had it).
    _unshown = frozenset({"_line_starts", "_views", "_view_runs", "_analyses", "_derived", "_view_keys"})

    path: str
    text: str
    channel: str | None
    frontmatter: dict[str, Any]
    recipient: Recipient | None
    ignores: tuple[str, ...]
    bom: bool
    # Added to every line number: a draft read out of a bigger file (a CSV row) starts there.
    line_base: int
    scopes: dict[str, list[Span]]
    masks: list[tuple[int, int, str]]
    #: Where each line starts: 4 bytes a line (a long draft has hundreds of thousands).
    _line_starts: array[int]
    _views: dict[Hashable, str]
    #: Long views assembled from their runs, with those runs: bases for :meth:`_from_base`.
    _view_runs: list[tuple[array[int], str]]
    _analyses: dict[Hashable, Analysis]
    _derived: dict[Hashable, Any]
    #: :meth:`_view_key`'s answers, by (scope, unmask).
    _view_keys: dict[tuple[str, tuple[str, ...]], Hashable]

    def __init__(
        self,
        path: str,
        text: str,
        channel: str | None = None,
        frontmatter: dict[str, Any] | None = None,
        recipient: Recipient | None = None,
        ignores: tuple[str, ...] = (),
        bom: bool = False,
        line_base: int = 0,
        scopes: dict[str, list[Span]] | None = None,
        masks: list[tuple[int, int, str]] | None = None,
        _line_starts: array[int] | None = None,
        _views: dict[Hashable, str] | None = None,
        _view_runs: list[tuple[array[int], str]] | None = None,
        _analyses: dict[Hashable, Analysis] | None = None,
        _derived: dict[Hashable, Any] | None = None,
        _view_keys: dict[tuple[str, tuple[str, ...]], Hashable] | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.channel = channel
        self.frontmatter = {} if frontmatter is None else frontmatter
        self.recipient = recipient
        self.ignores = ignores
        self.bom = bom
        self.line_base = line_base
        self.scopes = {} if scopes is None else scopes
        self.masks = [] if masks is None else masks
        self._line_starts = array("i") if _line_starts is None else _line_starts
        self._views = {} if _views is None else _views
        self._view_runs = [] if _view_runs is None else _view_runs
        self._analyses = {} if _analyses is None else _analyses
        self._derived = {} if _derived is None else _derived
        self._view_keys = {} if _view_keys is None else _view_keys

    # --- construction ------------------------------------------------------------------

    @classmethod
    def from_text(
        cls,
        text: str,
        path: str = "-",
        *,
        channel: str | None = None,
        email_headers: bool = False,
        recipient: Recipient | None = None,
        line_base: int = 0,
    ) -> Document:
        """Parse a draft. ``channel`` is the fallback when frontmatter names none."""
        bom = text.startswith("\ufeff")
        if bom:
            text = text[1:]
        doc = cls(path=path, text=text, bom=bom, line_base=line_base)
        doc._line_starts = array("i", [0])
        doc._line_starts.extend(m.end() for m in re.finditer("\n", text))
        body_start = doc._parse_frontmatter()
        subject: Span | None = doc._frontmatter_subject()
        if email_headers:
            body_start, header_subject = doc._parse_email_headers(body_start)
            subject = header_subject or subject
        elif subject is None:  # a subject in the frontmatter wins over a "Subject:" line
            match = _SUBJECT_LINE.match(text, body_start)
            if match and match.group("value").strip():
                subject = match.span("value")
                body_start = match.end()
        fm_channel = doc.frontmatter.get("channel")
        if fm_channel is not None:
            if not isinstance(fm_channel, str) or fm_channel not in CHANNELS:
                raise DocumentError(
                    f"unknown channel {fm_channel!r} in frontmatter; "
                    f"use one of: {', '.join(CHANNELS)}"
                )
            doc.channel = fm_channel
        else:
            doc.channel = channel
        doc.recipient = Recipient.from_value(doc.frontmatter.get("to")) or recipient
        doc._mask(body_start)
        doc._split_scopes(body_start, subject)
        return doc

    def _parse_frontmatter(self) -> int:
        text = self.text
        if not (text.startswith("---\n") or text.startswith("---\r\n")):
            return 0
        first_line_end = text.index("\n") + 1
        end = _FRONTMATTER_END.search(text, first_line_end)
        if end is None:
            raise DocumentError("frontmatter starts with '---' but has no closing '---' line")
        raw = text[first_line_end : end.start()]
        import yaml  # only drafts that carry frontmatter pay for YAML

        try:
            data = _load_yaml(raw) if raw.strip() else {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            hint = _quoting_hint(raw, mark.line if mark is not None else None)
            raise DocumentError(f"invalid YAML frontmatter{where}: {problem}{hint}") from None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise DocumentError("frontmatter must be a mapping of keys to values")
        self.frontmatter = data
        settings = data.get("sociable") or {}
        if not isinstance(settings, dict):
            raise DocumentError("frontmatter 'sociable' must be a mapping, e.g. {ignore: [SB101]}")
        ignore = settings.get("ignore") or []
        if isinstance(ignore, str):
            ignore = [part.strip() for part in ignore.split(",") if part.strip()]
        if not isinstance(ignore, list) or not all(isinstance(code, str) for code in ignore):
            raise DocumentError("frontmatter 'sociable.ignore' must be a list of rule codes")
        self.ignores = tuple(ignore)
        body_start = end.end()
        if text.startswith("\n", body_start):
            body_start += 1
        self.masks.append((0, body_start, "frontmatter"))
        return body_start

    def _frontmatter_subject(self) -> Span | None:
        """Point the ``subject`` scope at the subject's value inside the frontmatter text."""
        value = self.frontmatter.get("subject")
        if not isinstance(value, str) or not value.strip():
            return None
        fm_end = self.masks[0][1] if self.masks else 0
        line = re.compile(r"^subject[ \t]*:[ \t]*(['\"]?)(?P<v>.*?)\1[ \t]*\r?$", re.M)
        match = line.search(self.text, 0, fm_end)
        return match.span("v") if match else None

    def _parse_email_headers(self, start: int) -> tuple[int, Span | None]:
        """Skip RFC 5322 headers; return where the body starts and the Subject's span."""
        blank = re.compile(r"\r?\n[ \t]*\r?\n").search(self.text, start)
        end = blank.end() if blank else len(self.text)
        header_block = self.text[start:end]
        if not re.match(r"[A-Za-z][\w-]*:", header_block):
            return start, None
        subject = re.compile(r"^Subject:[ \t]*(?P<v>[^\r\n]*)", re.M | re.I)
        match = subject.search(self.text, start, end)
        self.masks.append((start, end, "header"))
        return end, (match.span("v") if match else None)

    def _mask(self, body_start: int) -> None:
        """Masks in order of precedence: a match that starts inside an earlier kind's mask (a
        link inside code) is not a mask of its own."""
        text = self.text
        found: list[tuple[int, int, str]] = []
        speech_text = text
        wrap = _wrapping_quotes(text, body_start)
        if wrap:
            # A scrape that puts the whole post in quotes: the post is the author's, not
            # speech. Only the two marks are masked, and quotes inside pair up without them.
            found += [(wrap[0], wrap[0] + 1, "speech"), (wrap[1], wrap[1] + 1, "speech")]
            first, last = wrap
            speech_text = f"{text[:first]} {text[first + 1 : last]} {text[last + 1 :]}"
        for pattern, kind in (
            (_CODE_FENCE, "code"),
            (_HTML_COMMENT, "comment"),
            (_BLOCKQUOTE, "blockquote"),
            (_INLINE_CODE, "code"),
            (_URL, "url"),
            (_EMAIL, "email"),
            (_SPEECH, "speech"),
            (_SINGLE_QUOTED, "speech"),
        ):
            # One pattern's matches never start inside each other, so each is tested only
            # against the masks found before this pattern, merged: a search, not a scan of
            # every mask (which made a draft with a link a paragraph quadratic in its length).
            covered = Coverage((start, end) for start, end, _kind in found)
            for match in pattern.finditer(speech_text if kind == "speech" else text, body_start):
                start, end = match.span()
                if not covered.holds(start):
                    found.append((start, end, kind))
        self.masks.extend(sorted(found))

    def _split_scopes(self, body_start: int, subject: Span | None) -> None:
        # Lines as a reader sees them: a scraped "<br>" or "</p>" ends one (same length).
        text = break_markup(self.text)
        end = len(text)
        # The first non-blank line and the last eight: a list of every line (and of every
        # paragraph, below) held a tuple each, about 70 MB at once on a 20 MB draft.
        first_line = next((span for span in _lines(text, body_start, end) if text[span[0]:span[1]].strip()), None)
        tail = _last_nonblank_lines(text, body_start, end, 8)
        greeting: Span | None = None
        if first_line:
            first_start, first_end = first_line
            # Read folded, so a salutation in bold letters ("𝗛𝗶 𝘁𝗵𝗲𝗿𝗲,") is one; folding
            # keeps the length, so offsets in the line are the text's.
            line = fold(text[first_start:first_end])
            match = _SALUTATION.match(line)
            if match:
                comma = re.search(r"[,!:]|\s[-–—]\s", line)
                words_before = len(line[: comma.start()].split()) if comma else len(line.split())
                if comma and words_before <= 6:
                    greeting = (first_start, first_start + comma.end())
                elif len(line.split()) <= 6:
                    greeting = (first_start, first_end)
        signature: Span | None = None
        for index, (start, stop) in enumerate(tail):
            if len(tail) - index > 6:
                continue
            if greeting and start < greeting[1]:
                continue
            if first_line and start == first_line[0]:
                continue  # a draft that opens with "Thanks," is thanking, not signing off
            if _SIGN_OFF.match(text, start, stop):
                signature = (start, end)
                break
        body_from = greeting[1] if greeting else body_start
        body_to = signature[0] if signature else end
        body = (body_from, max(body_from, body_to))
        opening: list[Span] = []
        closing: list[Span] = []
        for paragraph in _paragraphs(text, *body):
            opening = opening or [paragraph]
            closing = [paragraph]
        self.scopes = {
            "all": [(0, end)],
            "text": [(body_start, end)],
            "subject": [subject] if subject else [],
            "greeting": [greeting] if greeting else [],
            "body": [body],
            "opening": opening,
            "closing": closing,
            "signature": [signature] if signature else [],
        }
        if subject:
            self.scopes["all"] = [(0, end)]

    # --- reading ----------------------------------------------------------------------

    def _view_key(self, scope: str, unmask: Iterable[str]) -> Hashable:
        """What a view depends on, so that equal views (and their analyses) are made once.

        Two scopes with the same spans (``text`` and ``body`` of a draft without greeting or
        signature) give the same view, and unmasking a kind of mask the draft does not have
        changes nothing: on a long draft each view is as long as the text and each analysis
        holds every token, so sharing them is most of a long draft's memory.
        """
        # Asked about sixty times a draft (every rule, screen and view reads through it), for
        # a few (scope, unmask) pairs: each pair's key is kept. Only a tuple ``unmask`` is a
        # key here (another iterable may be consumed, or hash by identity).
        memo = (scope, unmask) if isinstance(unmask, tuple) and type(unmask) is tuple else None
        if memo is not None:
            known = self._view_keys.get(memo)
            if known is not None:
                return known
        spans = self.scopes.get(scope)
        if spans is None:
            raise KeyError(f"unknown scope {scope!r}; use one of: {', '.join(SCOPES)}")
        present = self.derived("mask-kinds", lambda: frozenset(kind for _s, _e, kind in self.masks))
        readable = frozenset(kind for kind in unmask if kind in present)
        # (these two read the frontmatter's subject line)
        key = (scope, readable) if scope in ("subject", "all") else (tuple(spans), readable)
        if memo is not None:
            self._view_keys[memo] = key
        return key

    def view(self, scope: str = "body", unmask: Iterable[str] = ()) -> str:
        """The text with everything outside ``scope`` or inside a mask blanked out.

        The result has the same length as :attr:`text`, so offsets carry over unchanged, and
        keeps every character as written (see :meth:`reading` for the folded one).
        ``unmask`` names mask kinds to keep readable (``url`` for a rule that counts links).
        """
        key = self._view_key(scope, unmask)
        cached = self._views.get(key)
        if cached is not None:
            return cached
        runs = self._kept_runs(scope, frozenset(unmask))
        view = self._from_base(runs) if len(self.text) > _VIEW_CHUNK else None
        if view is None:
            view = self._assemble(runs, len(self.text))
            if len(self.text) > _VIEW_CHUNK:
                self._view_runs.append((_tail(runs), view))
        self._views[key] = view
        return view

    def _assemble(self, runs: list[Span], stop: int) -> str:
        """``text[:stop]`` keeping ``runs`` and blanking the rest, joined a megabyte at a
        time (not one piece a link)."""
        text = self.text
        chunks, pieces, size, position = [], [], 0, 0
        for start, end in runs:
            if start >= stop:
                break
            end = min(end, stop)
            if start > position:
                pieces.append(_blank(text[position:start]))
            pieces.append(text[start:end])
            size, position = size + end - position, end
            if size >= _VIEW_CHUNK:
                chunks.append("".join(pieces))
                pieces, size = [], 0
        if position < stop:
            pieces.append(_blank(text[position:stop]))
        chunks.append("".join(pieces))
        # (a join of one string is that string: a view of the whole text is the text itself)
        return "".join(chunks)

    def _from_base(self, runs: list[Span]) -> str | None:
        """A long view that differs from one already made only in its first characters (the
        body beside the text: the greeting blanked) as that view with its start replaced:
        one new string, where pieces and their join held the draft twice at once. None when
        no view made so far is such a base."""
        tail = _tail(runs)
        for base_tail, base in self._view_runs:
            if base_tail == tail:
                cut = _BASE_PREFIX
                # The first occurrence of the base's own start is at 0: replaced there only.
                return base.replace(base[:cut], self._assemble(runs, cut), 1)
        return None

    def _kept_runs(self, scope: str, skip: frozenset[str]) -> list[Span]:
        """The sorted, disjoint runs of the text a view keeps: the scope's spans less every
        mask not in ``skip`` (``subject`` and ``all`` keep the frontmatter, then the subject
        too). Runs, not a byte a character: on a 20 MB draft the bytearray, the bytes that
        painted it and one piece a run were about 60 MB beside the view."""
        masks = [
            (start, stop) for start, stop, kind in self.masks
            if kind not in skip and not (kind == "frontmatter" and scope in ("subject", "all"))
        ]
        kept = _subtract(_merged(self.scopes[scope]), _merged(masks))
        if scope in ("subject", "all"):
            kept = _merged(kept + list(self.scopes.get("subject", [])))
        return kept

    def reading(self, scope: str = "body", unmask: Iterable[str] = ()) -> str:
        """The view as readers read it: folded by :func:`sociable.text.fold`, same length.

        Word rules read this, so bold Unicode letters and curly quotes count as the letters
        and quotes they stand for; counting rules (characters as platforms count) read
        :meth:`view`.
        """
        key = ("reading", self._view_key(scope, unmask))
        cached = self._views.get(key)
        if cached is None:
            cached = fold(self.view(scope, unmask))
            self._views[key] = cached
        return cached

    def analysis(self, scope: str = "text", unmask: Iterable[str] = ()) -> Analysis:
        """Tokens, sentences and token index of a view, computed once per draft and view.

        Every kind that wants words reads them here (see :mod:`sociable.text`), so a draft is
        tokenised and split into sentences once however many rules read it.
        """
        key = self._view_key(scope, unmask)
        cached = self._analyses.get(key)
        if cached is None:
            from sociable.text import analyse, analyse_within

            reading, spans = self.reading(scope, unmask), self.sentence_spans(scope, unmask)
            # A view that is one already analysed with some lines blanked (``body`` and
            # ``opening`` beside ``text``) takes that one's tokens instead of a new scan.
            for parent in self._analyses.values():
                cached = analyse_within(parent, reading, spans)
                if cached is not None:
                    break
            else:
                # (already folded: a second fold of a non-ASCII view was a copy as long as the text)
                cached = analyse(reading, spans, folded=True)
            self._analyses[key] = cached
        return cached

    def sentence_spans(self, scope: str = "text", unmask: Iterable[str] = ()) -> Spans:
        """The sentences of a view by the one splitter every kind uses
        (:func:`sociable.text.sentence_spans` over :meth:`reading`), split once per view.

        Kinds that want sentences but not tokens (the repetition kinds) read them here, and
        :meth:`analysis` builds on the same spans, so a view is never split twice.
        """
        key = ("sentence-spans", self._view_key(scope, unmask))
        cached = self._derived.get(key)
        if cached is None:
            from sociable.text import sentence_columns

            cached = self._derived[key] = sentence_columns(self.reading(scope, unmask))
        return cached

    def sentences_within(self, scope: str, start: int, end: int) -> list[Span]:
        """The sentences of the view that lie inside ``[start, end)``: a paragraph's or a
        ``---`` section's. The splitter ends a sentence at every blank line and at every
        line that does not continue it, so no sentence crosses into a neighbour."""
        spans = self.sentence_spans(scope)
        first = bisect_left(spans, (start, -1))
        stop = bisect_left(spans, (end, -1), first)
        return [span for span in spans[first:stop] if span[1] <= end]

    @property
    def tokens(self) -> Tokens:
        """The tokens of everything the reader sees (scope ``text``), offsets into ``text``."""
        return self.analysis("text").tokens

    @property
    def sentences(self) -> Sentences:
        """The sentences of scope ``text``, offsets into ``text``."""
        return self.analysis("text").sentences

    def folded(self, scope: str = "body", unmask: Iterable[str] = ()) -> str:
        """The view, case-folded: what :mod:`sociable.kinds.prefilter` looks for words in."""
        key = ("folded", self._view_key(scope, unmask))
        cached = self._views.get(key)
        if cached is None:
            cached = self.reading(scope, unmask).casefold()
            # A long draft's folded view is made again when asked (a few rules, a few
            # milliseconds a megabyte) rather than kept beside its other views while every
            # rule runs: 20 MB, or 80 with an astral emoji, on a 20 MB draft.
            if len(cached) <= _KEEP_FOLDED_UP_TO:
                self._views[key] = cached
        return cached

    def derived(self, key: Hashable, make: Callable[[], _T]) -> _T:
        """``make()``, computed once per draft under ``key`` and shared by every rule that asks.

        Several rules read the same analysis of a view (the sentences of the body: both
        shared-sentence rules and both self-repetition rules); text analysis happens once, here.
        ``make`` must depend only on this document, so the key names everything it reads.
        """
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = make()
            return value

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, columns counted in characters."""
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1 + self.line_base, offset - self._line_starts[index] + 1


_OPENING = {'"': '"', "\u201c": "\u201d", "\u201e": "\u201c"}
# What may follow a wrapped post: its hashtags, mentions and emoji, as scrapes append them.
_AFTER_WRAP = regex_cache.lazy(r"(?:\s|[#@][\w-]+|[^\w\s\"\u201c\u201d])*\Z")


def _wrapping_quotes(text: str, start: int) -> tuple[int, int] | None:
    """Offsets of two quote marks that wrap the whole body (a scraped post in quotes), or None.

    The body must open with the mark, close with its partner (hashtags and emoji may follow),
    and the marks inside must pair up, each inner one opening after a space: so
    '"Like if you agree" is the worst line' and '"A" and "B"' are not wrapped.
    """
    first = start
    while first < len(text) and text[first].isspace():
        first += 1
    closing = _OPENING.get(text[first : first + 1])
    if closing is None:
        return None
    last = text.rfind(closing, first + 1)
    if last == -1 or not _AFTER_WRAP.match(text, last + 1):
        return None
    inner = text[first + 1 : last]
    if not inner.strip() or not inner[:1].strip() or not inner[-1:].strip():
        return None
    opening = text[first]
    if opening == closing:  # straight quotes: inner ones open after a space or a bracket
        marks = [i for i, char in enumerate(inner) if char == opening]
        if len(marks) % 2:
            return None
        for opener in marks[::2]:
            if opener and not (inner[opener - 1].isspace() or inner[opener - 1] in "([{"):
                return None
    elif inner.count(opening) != inner.count(closing):
        return None
    return first, last


_VIEW_CHUNK = 1 << 20
#: How far into a long view :meth:`Document._from_base` lets it differ from its base.
_BASE_PREFIX = 1 << 16
#: Long drafts do not keep their case-folded views (:meth:`Document.folded`).
_KEEP_FOLDED_UP_TO = 1 << 20


def _tail(runs: list[Span]) -> array[int]:
    """The runs from :data:`_BASE_PREFIX` on, flat (8 bytes a run, not a tuple): two views
    with equal tails are equal from there on."""
    cut = _BASE_PREFIX
    flat = array("q")
    for start, stop in runs:
        if stop > cut:
            flat.append(max(start, cut))
            flat.append(stop)
    return flat
_NOT_BREAKS = re.compile(r"[^\r\n]+")


def _blank(text: str) -> str:
    """Spaces in place of every character but line breaks (a run of spaces a line, not a
    piece a character: a blanked 20 MB draft was a list of 20 million pieces)."""
    return _NOT_BREAKS.sub(lambda run: " " * (run.end() - run.start()), text)


def _merged(spans: Iterable[Span]) -> list[Span]:
    """The union of ``spans`` as sorted, disjoint, non-empty runs (touching runs joined)."""
    runs: list[Span] = []
    for start, stop in sorted(spans):
        if start >= stop:
            continue
        if runs and start <= runs[-1][1]:
            if stop > runs[-1][1]:
                runs[-1] = (runs[-1][0], stop)
        else:
            runs.append((start, stop))
    return runs


def _subtract(runs: list[Span], holes: list[Span]) -> list[Span]:
    """What of ``runs`` no run of ``holes`` covers; both sorted, disjoint."""
    out: list[Span] = []
    index = 0
    for start, stop in runs:
        while index < len(holes) and holes[index][1] <= start:
            index += 1
        position, scan = start, index
        while scan < len(holes) and holes[scan][0] < stop:
            hole_start, hole_stop = holes[scan]
            if hole_start > position:
                out.append((position, hole_start))
            position = max(position, hole_stop)
            scan += 1
        if position < stop:
            out.append((position, stop))
    return out


def _lines(text: str, start: int, end: int) -> Iterator[Span]:
    """Each line of ``text[start:end]``, without its line break (``\r\n`` included)."""
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline == -1 else newline
        line_end = stop - 1 if stop > position and text[stop - 1] == "\r" else stop
        yield position, line_end
        position = stop + 1


def _last_nonblank_lines(text: str, start: int, end: int, count: int) -> list[Span]:
    """The last ``count`` lines of :func:`_lines` that are not blank, in order, found from
    the end (a draft's sign-off is in its last lines)."""
    found: list[Span] = []
    position = end
    while position > start and len(found) < count:
        newline = text.rfind("\n", start, position)
        line_start = start if newline == -1 else newline + 1
        line_end = position - 1 if position > line_start and text[position - 1] == "\r" else position
        if text[line_start:line_end].strip():
            found.append((line_start, line_end))
        if newline == -1:
            break
        position = newline
    return found[::-1]


def _paragraphs(text: str, start: int, end: int) -> Iterator[Span]:
    position = start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        if text[position : match.start()].strip():
            yield _strip_span(text, position, match.start())
        position = match.end()
    if text[position:end].strip():
        yield _strip_span(text, position, end)


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _load_yaml(raw: str) -> Any:
    """``yaml.safe_load``, through libyaml when PyYAML has it (about ten times faster, most of
    a short draft's reading time otherwise). Bad YAML is parsed again by the pure-Python loader
    so that the message a user sees is the same with or without libyaml."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return yaml.safe_load(raw)
    try:
        return yaml.load(raw, Loader=loader)  # CSafeLoader: the safe loader, in C
    except yaml.YAMLError:
        return yaml.safe_load(raw)
