"""``metric``: flag a draft whose length or readability is outside a range.

One number per draft and scope: a plain count (words, characters as the platform counts them,
sentences, questions, the longest sentence) or a readability formula computed by textstat
(Flesch reading ease, Flesch-Kincaid grade, ARI, ...), with English syllables from the offline
CMU dictionary (:mod:`sociable.syllables`). textstat is imported only when a readability rule
first runs on a draft long enough to score.

Keys (besides the common ones):

* ``metric`` (text, required): one of the counts ``words``, ``characters``, ``sentences``,
  ``questions``, ``words-per-sentence`` (the longest sentence, where a semicolon or colon
  also ends one; the finding marks it),
  ``syllables``, or a textstat formula: ``flesch-reading-ease``, ``flesch-kincaid-grade``,
  ``automated-readability-index`` (``ari``), ``coleman-liau-index``, ``gunning-fog``,
  ``smog-index``, ``dale-chall``, ``linsear-write``, ``spache``, ``text-standard``
  (textstat's consensus grade), ``difficult-words``, ``polysyllables``, ``reading-time``
  (seconds). textstat's own names (``flesch_kincaid_grade``) work too.
* ``max`` / ``min`` (number, or a mapping of channel -> number with an optional ``default``):
  the allowed range; a channel missing from the mapping and without ``default`` is not checked.
* ``min_words`` (int): skip drafts whose scope has fewer words, because a formula over two
  lines means nothing (default 30 for formulas, 0 for counts).
* ``counting`` (``channel`` | ``code-points`` | ``utf-16`` | ``x``): how ``characters`` are
  counted. ``channel`` (the default) counts as the draft's platform does: X (``x-post``,
  ``x-dm``) weighs every link as 23 characters and emoji and CJK characters as two, like
  twitter-text; everything else counts code points (an emoji is one, a line break is one).
  ``utf-16`` counts what a browser's ``maxlength`` counts (most emoji are two).

Messages may use ``{value}``, ``{min}``, ``{max}`` and ``{metric}``. Where the finding points:
past a maximum of words, characters, sentences or questions, from the first item over the limit
to the end; for ``words-per-sentence``, the longest sentence; for a formula, the sentence that
scores worst; under a minimum, the scope's first line (its last line for ``questions``, where the
ask belongs). Counts read links, e-mail addresses and quoted speech (the reader sees them);
formulas read prose only, through the rule's ``unmask``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sociable import regex_cache
from sociable.kinds.base import Key, Kind, Rule, RuleError

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec

#: Plain counts sociable computes itself.
COUNTS = ("words", "characters", "sentences", "questions", "words-per-sentence", "syllables")

#: Readability formulas: metric name -> textstat method (all take the text alone).
FORMULAS: dict[str, str] = {
    "flesch-reading-ease": "flesch_reading_ease",
    "flesch-kincaid-grade": "flesch_kincaid_grade",
    "automated-readability-index": "automated_readability_index",
    "coleman-liau-index": "coleman_liau_index",
    "gunning-fog": "gunning_fog",
    "smog-index": "smog_index",
    "dale-chall": "dale_chall_readability_score",
    "linsear-write": "linsear_write_formula",
    "spache": "spache_readability",
    "text-standard": "text_standard",
    "difficult-words": "difficult_words",
    "polysyllables": "polysyllabcount",
    "reading-time": "reading_time",
}
ALIASES = {"ari": "automated-readability-index", "fkgl": "flesch-kincaid-grade"}
ALIASES.update({method: name for name, method in FORMULAS.items()})

#: Counts :func:`_measure` reads from the counting view's words.
_WORD_METRICS = ("words", "words-per-sentence")

COUNTINGS = ("channel", "code-points", "utf-16", "x")
X_CHANNELS = frozenset({"x-post", "x-dm"})
X_URL_LENGTH = 23  # every link becomes a t.co link of 23 characters
# twitter-text v3: code points in these ranges weigh 1, everything else 2.
_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_NOT_COUNTED = ("frontmatter", "header", "comment")  # never sent to the reader
_COUNT_UNMASK = ("url", "email", "speech")

_TOKEN = regex_cache.lazy(r"\S+")
_ALNUM = regex_cache.lazy(r"[^\W_]")  # str.isalnum() as a regex: \w is alphanumerics and "_"
_QUESTION = regex_cache.lazy(r"\?+")
_REPLY_PREFIX = regex_cache.lazy(r"(?:re|fwd?|aw|wg|sv|tr):$", re.I)
_ENDS_SENTENCE = regex_cache.lazy(r"[.!?…][\"')\]”’]*$")
_SPACES = regex_cache.lazy(r"\s+")


@dataclass(frozen=True)
class Prepared:
    metric: str
    low: Any
    high: Any
    min_words: int
    counting: str


def _limit(value: Any, channel: str | None) -> float | None:
    if value is None or isinstance(value, (int, float)):
        return value
    if isinstance(value, Mapping):
        chosen = value.get(channel or "", value.get("default"))
        return chosen if isinstance(chosen, (int, float)) else None
    return None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def metric_name(raw: str) -> str | None:
    """The canonical name of a metric, accepting textstat's names and a few aliases."""
    name = raw.strip().lower().replace("_", "-")
    if name in COUNTS or name in FORMULAS:
        return name
    return ALIASES.get(raw.strip()) or ALIASES.get(name)


class Metric(Kind):
    name = "metric"
    keys = {
        "metric": Key((str,), "what to measure: a count or a readability formula", required=True),
        "max": Key((int, float, dict), "the most allowed (or channel -> most allowed)"),
        "min": Key((int, float, dict), "the least allowed (or channel -> least allowed)"),
        "min_words": Key((int,), "skip drafts with fewer words (default 30 for formulas, else 0)"),
        "counting": Key((str,), f"how characters are counted: {', '.join(COUNTINGS)}"),
    }
    message_fields = ("value", "min", "max", "metric")

    def prepare(self, spec: RuleSpec) -> Prepared:
        options = spec.options
        raw = options["metric"]
        metric = metric_name(raw)
        if metric is None:
            import difflib

            known = [*COUNTS, *FORMULAS]
            hint = difflib.get_close_matches(raw, known, n=1)
            suffix = f" (did you mean {hint[0]!r}?)" if hint else f"; use one of: {', '.join(known)}"
            raise RuleError(f"unknown metric {raw!r}{suffix}", key="metric")
        if options.get("max") is None and options.get("min") is None:
            raise RuleError("a metric rule needs 'max', 'min' or both", key="metric")
        for bound in ("max", "min"):
            value = options.get(bound)
            if isinstance(value, dict) and not all(_is_number(v) for v in value.values()):
                raise RuleError(f"every value of {bound!r} must be a number", key=bound)
            if isinstance(value, dict):
                from sociable.document import CHANNELS

                unknown = [k for k in value if k != "default" and k not in CHANNELS]
                if unknown:
                    raise RuleError(
                        f"{bound!r} names unknown channel {unknown[0]!r}; "
                        f"use 'default' or one of: {', '.join(CHANNELS)}",
                        key=bound,
                    )
        min_words = options.get("min_words")
        if min_words is None:
            min_words = 30 if metric in FORMULAS else 0
        if min_words < 0:
            raise RuleError("'min_words' must be 0 or more", key="min_words")
        counting = options.get("counting") or "channel"
        if counting not in COUNTINGS:
            raise RuleError(f"counting must be one of: {', '.join(COUNTINGS)}", key="counting")
        if options.get("counting") and metric != "characters":
            raise RuleError("'counting' only applies to metric 'characters'", key="counting")
        return Prepared(metric, options.get("min"), options.get("max"), int(min_words), counting)

    def warm(self, rules: Sequence[Rule], drafts: int) -> None:
        """textstat, the CMU dictionary and Pyphen's hyphenation dictionary (about 0.25 s of
        CPU together) for each language a readability rule scores in: loaded once before the
        workers fork, not once per worker."""
        languages = {
            str(rule.settings.get("language") or "en-US") for rule in rules
            if rule.prepared.metric in FORMULAS or rule.prepared.metric == "syllables"
        }
        for language in sorted(languages):
            sentence_scores(language, "flesch_reading_ease", ["Warm the dictionaries."])

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        prepared: Prepared = rule.prepared
        low, high = _limit(prepared.low, doc.channel), _limit(prepared.high, doc.channel)
        if low is None and high is None:
            return
        scope = rule.spec.scope
        metric = prepared.metric
        count_view = doc.view(scope, (*rule.spec.unmask, *_COUNT_UNMASK))
        if not count_view or count_view.isspace():  # (not .strip(): a copy of the view)
            return
        # Words are listed only where they are counted or the rule has a floor of them: a
        # character limit (LN104 on every LinkedIn post) read each token of the post for a
        # list it never used, most of that rule's time on an editor's re-lint.
        words = _words(count_view) if prepared.min_words or metric in _WORD_METRICS else []
        if len(words) < prepared.min_words:
            return
        measured = _measure(doc, rule, prepared, count_view, words)
        if measured is None:
            return
        value, over, under = measured
        if high is not None and value > high:
            start, end = over(high)
        elif low is not None and value < low:
            start, end = under(low)
        else:
            return
        yield rule.finding(doc, start, end, fix=None, value=value, min=low, max=high, metric=metric)


# --- measuring ---------------------------------------------------------------------------

Span = tuple[int, int]


_LAST_WORDS: list[tuple[str, list[Span]]] = []  # (view, its words) of the latest few calls


def _words(view: str) -> list[Span]:
    """Whitespace-separated tokens with a letter or digit: words as people count them.

    A draft's views are built once (``Document.view``), and several rules count the words
    of the same ones (the counting view and the prose view, by turns), so the results for
    the last few view objects are kept.
    """
    for seen, words in _LAST_WORDS:
        if seen is view:
            return words
    has_alnum = _ALNUM.search
    words = [m.span() for m in _TOKEN.finditer(view) if has_alnum(m.group())]
    if len(_LAST_WORDS) >= 4:
        del _LAST_WORDS[0]
    _LAST_WORDS.append((view, words))
    return words


def sentences(view: str, clauses: bool = False) -> list[Span]:
    """Spans of the sentences of a view, by the shared splitter (:mod:`sociable.text`).

    With ``clauses``, a semicolon or colon also ends a sentence: for the length of a
    sentence readers pause there, and "the pattern held: but only for small teams" is two
    easy halves, not one long sentence.
    """
    from sociable.text import sentence_spans

    return sentence_spans(view, clauses)


def _first_line(view: str) -> Span:
    start = len(view) - len(view.lstrip())
    line_end = view.find("\n", start)
    end = line_end if line_end != -1 else len(view.rstrip())
    return start, max(start + 1, end)


def _last_line(view: str) -> Span:
    end = len(view.rstrip())
    start = view.rfind("\n", 0, end) + 1
    while start < end and view[start].isspace():
        start += 1
    return start, max(start + 1, end)


def _from_item(items: list[Span]) -> Any:
    """Span from the first item past a maximum to the last item."""

    def over(limit: float) -> Span:
        index = min(len(items) - 1, int(limit))
        return items[index][0], items[-1][1]

    return over


def _measure(
    doc: Document, rule: Rule, prepared: Prepared, count_view: str, words: list[Span]
) -> tuple[float, Any, Any] | None:
    """(value, span-past-maximum function, span-under-minimum function), or None to skip."""
    metric = prepared.metric
    first = lambda _limit: _first_line(count_view)  # noqa: E731
    if metric == "words":
        if rule.spec.scope == "subject":  # "Re:" and "Fwd:" are the mail client's, not words
            while words and _REPLY_PREFIX.match(count_view, words[0][0], words[0][1]):
                words = words[1:]
            if not words:
                return None
        return len(words), _from_item(words), first
    if metric == "characters":
        return _characters(doc, rule.spec.scope, prepared.counting)
    if metric == "sentences":
        spans = sentences(count_view)
        return len(spans), _from_item(spans), first
    if metric == "words-per-sentence":
        spans = sentences(count_view, clauses=True)
        if not spans:
            return None
        # A sentence's words are the view's words inside it: a sentence ends next to a space,
        # so no word runs across two, and each is counted from the words listed once.
        starts = [start for start, _ in words]
        sizes = [bisect.bisect_left(starts, e) - bisect.bisect_left(starts, s) for s, e in spans]
        longest = max(range(len(spans)), key=sizes.__getitem__)
        shortest = min(range(len(spans)), key=sizes.__getitem__)
        return (
            sizes[longest],
            lambda _limit: spans[longest],
            lambda _limit: spans[shortest],
        )
    prose_view = doc.view(rule.spec.scope, rule.spec.unmask)
    if metric == "questions":
        marks = [m.span() for m in _QUESTION.finditer(prose_view)]
        return len(marks), _questions_over(marks, prose_view), lambda _limit: _last_line(prose_view)
    spans = sentences(prose_view)
    if not spans:
        return None
    parts = prose_parts(prose_view, spans)
    text = " ".join(parts)
    language = str(rule.settings.get("language") or "en-US")
    if metric == "syllables":
        return _scorer(language).syllable_count(text), first, first
    method = FORMULAS[metric]
    prose_words = len(_words(prose_view))
    if prose_words < prepared.min_words:
        return None
    value = sentence_scores(language, method, [text])[0]

    def worst(pick: Any) -> Span:
        # Only a flagged draft gets here; its sentences are scored from one pass of counts.
        scorable = [
            index for index, (start, end) in enumerate(spans)
            if len(_words(prose_view[start:end])) >= 3
        ]
        if not scorable:
            return _first_line(prose_view)
        scores = sentence_scores(language, method, [parts[index] for index in scorable])
        scored = [(score, spans[index]) for score, index in zip(scores, scorable, strict=True)]
        return pick(scored, key=lambda item: item[0])[1]

    # Past a maximum, the sentence scoring highest is the one to rework; under a minimum,
    # the lowest (for a grade, "highest" is hardest; for reading ease, easiest).
    return round(value, 1), lambda _limit: worst(max), lambda _limit: worst(min)


def _questions_over(marks: list[Span], view: str) -> Any:
    def over(limit: float) -> Span:
        from sociable.kinds.base import sentence_around

        index = min(len(marks) - 1, int(limit))
        start, _ = sentence_around(view, marks[index][0], marks[index][1])
        return start, marks[-1][1]

    return over


def prose_text(view: str, spans: list[Span]) -> str:
    """The sentences as textstat reads them: one line, each ending in a full stop.

    textstat finds sentences only at ``.!?``; a greeting, a bullet or a one-line paragraph
    without one would otherwise run into the next sentence and inflate every grade.
    """
    return " ".join(prose_parts(view, spans))


def prose_parts(view: str, spans: list[Span]) -> list[str]:
    """Each sentence of :func:`prose_text` on its own (the text is them joined by spaces)."""
    parts = []
    for start, end in spans:
        sentence = _SPACES.sub(" ", view[start:end]).strip()
        if not _ENDS_SENTENCE.search(sentence):
            sentence += "."
        parts.append(sentence)
    return parts


_SCORERS: dict[str, Any] = {}


def _scorer(language: str) -> Any:
    scorer = _SCORERS.get(language)
    if scorer is None:
        from sociable.syllables import scorer as make_scorer

        scorer = _SCORERS[language] = make_scorer(language)
    return scorer


def _score(language: str, method: str, text: str) -> float:
    scorer = _scorer(language)
    if method == "text_standard":
        return float(scorer.text_standard(text, float_output=True))
    return float(getattr(scorer, method)(text))


#: Formulas of words, sentences and syllables alone, which :func:`sentence_scores` computes
#: from counts instead of a textstat call per sentence.
_COUNT_FORMULAS = ("flesch_kincaid_grade", "flesch_reading_ease")
_SYLLABLES: dict[tuple[str, str], int] = {}  # (language, word) -> syllables, per process
_SYLLABLES_KEPT = 50_000


_TEXTSTAT_SENTENCE = regex_cache.lazy(r"\b[^.!?]+[.!?]*")


@functools.cache
def _word_lister() -> Any:
    """textstat's ``list_words(text, lowercase=True)`` with its regexes compiled once."""
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    apostrophe = re.compile(RE_NONCONTRACTION_APOSTROPHE)
    punctuation = re.compile(r"[^\w\s\']")

    def words_of(text: str) -> list[str]:
        return punctuation.sub("", apostrophe.sub("", text)).lower().split()

    return words_of


def sentence_scores(language: str, method: str, parts: list[str]) -> list[float]:
    """``_score(language, method, part)`` for every part, the same numbers for less work.

    Pointing at the worst sentence of a flagged draft used to score each sentence with
    textstat, and textstat counts every word's syllables again per call (its caches hold 128
    texts). For the Flesch formulas this counts each distinct word's syllables once per
    process, with textstat's own counting, and applies textstat's formula to the counts; the
    other formulas still go through textstat sentence by sentence.
    """
    scorer = _scorer(language)
    lang = getattr(scorer, "_textstatistics__lang", None)
    if method not in _COUNT_FORMULAS or not isinstance(lang, str):
        return [_score(language, method, part) for part in parts]
    from textstat.backend import counts, utils

    words_of = _word_lister()
    if method == "flesch_reading_ease":
        root = utils.get_lang_root(lang)
        base, per_sentence_length, per_syllable = (
            utils.get_lang_cfg(root, key)
            for key in ("fre_base", "fre_sentence_length", "fre_syll_per_word")
        )
    scores = []
    for part in parts:
        words = words_of(part)
        syllables = 0
        for word in words:
            known = _SYLLABLES.get((lang, word))
            if known is None:
                if len(_SYLLABLES) >= _SYLLABLES_KEPT:
                    _SYLLABLES.clear()
                known = _SYLLABLES[(lang, word)] = counts.count_syllables(word, lang)
            syllables += known
        # textstat's count_sentences: pieces up to . ! ?, those of two words or fewer ignored.
        pieces = _TEXTSTAT_SENTENCE.findall(part)
        sentence_count = max(1, sum(len(words_of(piece)) > 2 for piece in pieces)) if part else 0
        # textstat's words_per_sentence and syllables_per_word, zero on an empty divisor.
        sentence_length = len(words) / sentence_count if sentence_count else 0.0
        per_word = syllables / len(words) if words else 0.0
        if sentence_length == 0 or per_word == 0:
            scores.append(0.0)
        elif method == "flesch_kincaid_grade":
            scores.append(float((0.39 * sentence_length) + (11.8 * per_word) - 15.59))
        else:
            scores.append(float(base - per_sentence_length * sentence_length
                                - per_syllable * per_word))
    return scores


# --- characters as platforms count them --------------------------------------------------


def _kept_spans(doc: Document, scope: str) -> list[Span]:
    """The scope's spans less what is never sent (frontmatter, headers, HTML comments)."""
    spans = list(doc.scopes.get(scope) or [])
    if scope == "subject":
        return spans
    for mask_start, mask_end, kind in doc.masks:
        if kind not in _NOT_COUNTED:
            continue
        cut: list[Span] = []
        for start, end in spans:
            if mask_end <= start or end <= mask_start:
                cut.append((start, end))
                continue
            if start < mask_start:
                cut.append((start, mask_start))
            if mask_end < end:
                cut.append((mask_end, end))
        spans = cut
    text = doc.text
    spans = [(s, e) for s, e in spans if s < e]
    # What is sent is trimmed: leading and trailing blank space does not count.
    while spans and not text[spans[0][0]:spans[0][1]].strip():
        spans.pop(0)
    while spans and not text[spans[-1][0]:spans[-1][1]].strip():
        spans.pop()
    if spans:
        start, end = spans[0]
        spans[0] = (start + len(text[start:end]) - len(text[start:end].lstrip()), end)
        start, end = spans[-1]
        spans[-1] = (start, start + len(text[start:end].rstrip()))
    return spans


def _weights(doc: Document, spans: list[Span], counting: str) -> list[tuple[int, int, int]]:
    """(start, end, weight) of every counted unit of the spans, in order."""
    text = doc.text
    units: list[tuple[int, int, int]] = []
    if counting == "x":
        from sociable.kinds.count import EMOJI

        emoji = re.compile(EMOJI)
        links = {s: e for s, e, kind in doc.masks if kind == "url"}
        for start, end in spans:
            position = start
            while position < end:
                link_end = links.get(position)
                if link_end is not None:
                    units.append((position, link_end, X_URL_LENGTH))
                    position = link_end
                    continue
                match = emoji.match(text, position, end)
                if match and match.end() > position:
                    units.append((position, match.end(), 2))
                    position = match.end()
                    continue
                point = ord(text[position])
                light = any(low <= point <= high for low, high in _X_LIGHT)
                step = 2 if text.startswith("\r\n", position) else 1
                units.append((position, position + step, 1 if light else 2))
                position += step
        return units
    for start, end in spans:
        position = start
        while position < end:
            step = 2 if text.startswith("\r\n", position) else 1  # a line break is one
            weight = 2 if counting == "utf-16" and ord(text[position]) > 0xFFFF else 1
            units.append((position, position + step, weight))
            position += step
    return units


def _units(doc: Document, spans: list[Span], counting: str) -> list[tuple[int, int, int]]:
    """:func:`_weights`, with the characters found by one regex scan a span, not a Python
    step and a regex call each (listing an X post's characters was the length rules' time)."""
    text = doc.text
    if counting == "x":
        scan = _x_unit().finditer
        weight_of = _X_WEIGHT
        links = sorted((s, e) for s, e, kind in doc.masks if kind == "url")
    else:
        scan = _PLAIN_UNIT.finditer
        weight_of = _UTF16_WEIGHT if counting == "utf-16" else _PLAIN_WEIGHT
        links = []
    units: list[tuple[int, int, int]] = []
    for start, end in spans:
        position = start
        for link_start, link_end in links:
            if link_start < position or link_start >= end:
                continue
            for match in scan(text, position, end):
                if match.start() >= link_start:
                    break
                units.append((match.start(), match.end(), weight_of[match.lastgroup]))
            if (units[-1][1] if units and position < link_start else position) != link_start:
                return _weights(doc, spans, counting)  # a unit runs over the link: list them all
            units.append((link_start, link_end, X_URL_LENGTH))
            position = link_end
        if position < end:
            units.extend((m.start(), m.end(), weight_of[m.lastgroup]) for m in scan(text, position, end))
            last_start, last_end, weight = units[-1]
            if last_end == end and last_start == end - 1 and text.startswith("\r\n", last_start):
                units[-1] = (last_start, end + 1, weight)  # a CRLF pair is one unit, as listed
    return units


# Characters X counts twice: everything outside the light ranges of ``_X_LIGHT``.
_HEAVY_CLASS = "[^" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _X_LIGHT).replace("\x00", "\\x00") + "]"
_X_HEAVY = regex_cache.lazy(_HEAVY_CLASS)


@functools.cache
def _x_unit() -> re.Pattern[str]:
    """One of X's counted units: in the order :func:`_weights` tries them, an emoji sequence,
    a CRLF pair, a heavy character (weight two), any other character."""
    from sociable.kinds.count import EMOJI

    return regex_cache.compile(f"(?P<emoji>{EMOJI})|(?P<crlf>\r\n)|(?P<heavy>{_HEAVY_CLASS})|(?s:.)")


_PLAIN_UNIT = regex_cache.lazy(r"(?P<crlf>\r\n)|(?P<wide>[\U00010000-\U0010FFFF])|(?s:.)")
_X_WEIGHT = {"emoji": 2, "crlf": 1, "heavy": 2, None: 1}
_PLAIN_WEIGHT = {"crlf": 1, "wide": 1, None: 1}
_UTF16_WEIGHT = {"crlf": 1, "wide": 2, None: 1}


def _x_run(text: str, start: int, end: int, emoji: re.Pattern[str]) -> int:
    """X's weight of ``text[start:end]`` (no link inside): an emoji sequence two, a heavy
    character two, any other character one, a CRLF pair one, as :func:`_weights` lists them."""
    total, position = 0, start
    for match in emoji.finditer(text, start, end):
        if match.end() > match.start():
            total += _x_chars(text, position, match.start()) + 2
            position = match.end()
    return total + _x_chars(text, position, end)


def _x_chars(text: str, start: int, end: int) -> int:
    if start >= end:
        return 0
    segment = text[start:end]
    heavy = 0 if segment.isascii() else len(_X_HEAVY.findall(segment))
    return len(segment) + heavy - segment.count("\r\n")


def _x_total(doc: Document, spans: list[Span]) -> int:
    """What :func:`_weights` adds up for ``x``, without listing every character (a Python
    loop per character was most of the length rules' time on X drafts)."""
    from sociable.kinds.count import EMOJI

    emoji = regex_cache.compile(EMOJI)
    links = sorted((s, e) for s, e, kind in doc.masks if kind == "url")
    text, total = doc.text, 0
    for start, end in spans:
        position = start
        for link_start, link_end in links:
            if link_start < position or link_start >= end:
                continue
            total += _x_run(text, position, link_start, emoji) + X_URL_LENGTH
            position = link_end
        if position < end:
            total += _x_run(text, position, end, emoji)
    return total


def _plain_total(text: str, spans: list[Span], counting: str) -> int:
    """What :func:`_weights` adds up for ``code-points`` and ``utf-16``, without the list:
    every character is one, a CRLF pair starting inside a span is one, and for ``utf-16`` a
    character past the Basic Multilingual Plane is two."""
    total = 0
    for start, end in spans:
        total += (end - start) - text.count("\r\n", start, end)
        if counting == "utf-16":
            segment = text[start:end]
            total += len(segment.encode("utf-16-le", "surrogatepass")) // 2 - len(segment)
    return total


def _code_points_over(text: str, spans: list[Span], limit: float) -> Span | None:
    """What ``over`` finds from :func:`_units` for ``code-points``, by arithmetic: with no
    ``\r`` in the spans every character is one unit of weight one, so the unit whose running
    total passes ``limit`` is the ``floor(limit)``-th character of the spans. None when a
    span holds a ``\r`` (a CRLF pair is one unit): then the units are listed. Listing the
    3,000 characters of a LinkedIn post over its limit was the largest part of an editor's
    re-lint of it (4 ms of about 30)."""
    if any("\r" in text[start:end] for start, end in spans):
        return None
    passed = max(0, int(limit)) if limit >= 0 else 0  # units whose running total <= limit
    for start, end in spans:
        if passed < end - start:
            return start + passed, spans[-1][1]
        passed -= end - start
    last = spans[-1][1]
    return last - 1, last


def _characters(doc: Document, scope: str, counting: str) -> tuple[float, Any, Any] | None:
    if counting == "channel":
        counting = "x" if doc.channel in X_CHANNELS else "code-points"
    spans = _kept_spans(doc, scope)
    if not spans:
        return None
    # Most drafts are within the limit: count without listing every character.
    listed = None
    total = _x_total(doc, spans) if counting == "x" else _plain_total(doc.text, spans, counting)

    def over(limit: float) -> Span:
        if counting == "code-points":
            found = _code_points_over(doc.text, spans, limit)
            if found is not None:
                return found
        units = listed if listed is not None else _units(doc, spans, counting)
        # The first unit whose running total passes the limit (totals only grow).
        index = bisect.bisect_right(list(itertools.accumulate(w for _, _, w in units)), limit)
        if index < len(units):
            return units[index][0], units[-1][1]
        return units[-1][0], units[-1][1]

    def under(_limit: float) -> Span:
        start = spans[0][0]
        line_end = doc.text.find("\n", start, spans[-1][1])
        return start, line_end if line_end > start else spans[-1][1]

    return total, over, under
