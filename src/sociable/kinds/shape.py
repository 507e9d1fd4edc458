"""``shape``: sentence shapes, token patterns over word classes, the way a coach hears a habit.

A regex sees characters; a habit is a shape of words: "an engagement verb, then this/it/me,
then *if*". A shape is a line of space-separated elements matched against the tokens of one
sentence (tokens and sentences come from the document model, :mod:`sociable.text`), the way
LanguageTool pattern rules, Vale's ``sequence`` checks and spaCy's ``Matcher`` work:

* ``word`` a literal token, case-insensitive; ``a|b|c`` any of them; punctuation is a token
  too (``,`` ``!`` ``:``; ``\\?`` is a literal question mark);
* ``#word`` a hashtag whose word is ``word`` (``#giveaway``; the plain word does not fit);
* ``pre~`` a token that starts with ``pre`` (``#support~`` reads any ``#support...`` tag:
  hashtags and mentions match as words), ``~strong`` one that ends with ``strong``;
* ``{class}`` a word of a named word class (a lexicon declared in a pack, with inflections);
  ``{a}|{b}|word`` mixes classes and literals; a class may hold phrases (``lost dog``),
  each matched as its word sequence, when the class is not inside a group;
* ``:word`` ``:number`` ``:count`` (a number, or one with a magnitude letter: ``10k``,
  ``2M``) ``:emoji`` ``:caps`` (an upper-case word) ``:quoted`` (a word alone between
  quotes) ``:dictated`` (quoted, caps, emoji or number) ``:hashtag`` ``:mention`` ``:name``
  (a capitalised word) ``:lower`` (a word in lower case) ``:handle`` (a user name as tools
  paste it: ``@kev``, ``dana_lee``, ``jsmith84``) ``:url`` (a link or a bare domain: a rule
  that names ``:url`` reads links, which other rules see masked) ``:punct`` ``:any``;
* ``a|b!c|d`` an element with exceptions: a token that fits ``a|b`` but not ``c|d``
  (``:name!{month}`` a capitalised word that is not a month, ``:word!here`` any word but
  "here"), LanguageTool's ``<exception>`` and spaCy's ``NOT_IN``; the exceptions are words,
  classes of single words, affixes and token tests;
* ``(sign up|register|join)`` a group: any one of several word sequences, each a
  space-separated line of single-token elements (``(check out|visit) my {own-content}``); a
  suffix ``?`` ``*`` ``+`` applies to the whole group;
* a suffix ``?`` makes an element optional, ``*`` repeats it 0-3 times, ``+`` 1-3 times;
* emoji between two elements are skipped unless the next element reads them
  (``follow me`` matches "Follow 👉 me");
* ``...`` is a gap of up to 3 tokens, ``...N`` of up to N (at most 12);
* ``^`` first: the shape starts a clause, i.e. the sentence's start, after a leading
  ``preamble`` word (please, just, so, hey ...), @mention (a reply's handles), emoji or bullet, after an "if you ..., "
  clause (or one opened by when, once, after, before, since, while ...), after a word or two set
  off by a comma ("Really, ...", "Dana, ..."), after a colon, a dash or an emoji, or after a full stop with no space before a
  capital ("week.Thrilled", as scrapes print posts): where an imperative stands. ``$`` last: the sentence ends
  there (only closing punctuation and emoji may follow).

Guards shared by every shape rule (``guards``, default ``[negation, commentary, reported]``):
``negation`` a word of class ``negation`` in the three tokens before the match ("don't tag
anyone"), unless it negates a word of class ``nudge`` ("don't forget to follow" asks for the
follow) or is "stop" before a word of class ``visit-particle`` ("stop by my shop" invites); ``commentary`` a word of class ``commentary`` in the sentence (text *about* bait is
not bait); ``reported`` a word of class ``reporting`` before the match (someone *said* it);
``question`` the sentence is a question (for habits whose sentence shape is also a fair
question). Quoted speech is masked by the document model, so a quoted habit is never read.

Keys (besides the common ones):

* ``shapes`` (text or list of text, required): the shapes; any one matching flags.
* ``unless`` (list of shapes): in the same sentence, they make a match fine.
* ``unless_draft`` (list of shapes): anywhere in the draft's text, they make the whole draft
  fine (a help request, a reply inside a conversation, a draft that names the reader's work).
* ``requires`` (list of shapes): the rule applies only when one of these is in the draft's
  text too (a thank-you for following is automation when a pitch comes with it).
* ``guards`` (list): which shared guards apply (see above).
* ``max_words`` (int): the rule applies only when the scope has at most this many words (a
  comment that is nothing but praise is short; the same words open a long, specific reply).
* ``max_other_words`` (int, default -1: off): the rule applies only when at most this many
  words of the scope lie outside every match (a comment that is *nothing but* praise and
  thanks, however it is worded; one line of its own content makes it a real reply).
* ``max_findings`` (int, default 3) and ``min_matches`` (int, default 1) as for ``pattern``.
* ``when`` (``found`` | ``missing``, default ``found``): with ``missing`` the shapes are
  evidence of a good draft ("your talk on ...", "Hi Dana") and the rule flags the scope once,
  on its first line, when none of them matches (a note that names nothing about its reader).

Speed: a draft is tokenised once and indexed by normal form (:class:`sociable.text.Analysis`);
a shape only starts where its first element can match (an index lookup) or at clause starts,
so each rule costs time in proportion to the places it may apply, never a scan per rule.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, overload

from sociable import regex_cache
from sociable.kinds.base import Key, Kind, Rule, RuleError
from sociable.records import Record, fill
from sociable.text import CAPS, EMOJI, HASHTAG, MENTION, NUMBER, PUNCT, QUOTED, URL, WORD

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.kinds.screens import WordScreen
    from sociable.kinds.shape_memo import SentenceMemo
    from sociable.packs.schema import RuleSpec
    from sociable.text import Analysis

ATTRIBUTES = (
    "word", "number", "count", "emoji", "caps", "quoted", "dictated", "hashtag", "mention", "name",
    "lower", "url", "handle", "punct", "any",
)
GUARDS = ("negation", "commentary", "reported", "question")
DEFAULT_GUARDS = ("negation", "commentary", "reported")
#: Classes the kind itself reads (position and guards); packs declare their words.
KIND_CLASSES = ("preamble", "negation", "commentary", "reporting", "nudge", "visit-particle")
MAX_GAP = 12
#: What may follow a shape that ends with ``$``: closing punctuation, not "----" or "[name]".
_CLOSING = frozenset(".,!?:;…\"')]")
#: Marks that end a sentence even with no space after them, when a capital follows.
_GLUED_ENDS = frozenset(".!?…")
#: Words that open a lead clause ending in a comma, after which an imperative may stand
#: ("If you laughed, tag ...", "After a long week, like ...", "When you're done, share ...").
_LEAD_CLAUSE = frozenset(("if", "when", "whenever", "once", "after", "before", "since", "while", "until", "as", "now", "whether"))
# Compiled (or loaded from the regex cache) when a shape is parsed, which a run whose pack
# cache is warm never does.
_GAP = regex_cache.lazy(r"^\.\.\.(\d+)?$")
_CLASS = regex_cache.lazy(r"^\{([a-z][a-z0-9-]*)\}$")
#: A shape's elements: a parenthesised group (which may hold spaces) or a run of non-spaces.
_PART = regex_cache.lazy(r"\([^()]+\)[?*+]?|\S+")
_GROUP = regex_cache.lazy(r"^\(([^()]+)\)([?*+]?)$")
#: An element with exceptions, ``:name!april|may``: a ``!`` with an alternative on each side
#: (a bare ``!``, or one between bars as in ``.|!|?``, stays the exclamation mark).
_EXCEPTION = regex_cache.lazy(r"^(.*?[^|!])!([^|!].*)$")


class Element(Record):
    """One position of a shape: which tokens fit, and how many times in a row (frozen; a
    plain record, not a dataclass: making a dataclass at import costs start-up time)."""

    _frozen = True  # no __slots__: unpickled by the thousand from the pack cache
    _hidden = frozenset({"by_head"})  # made from ``sequences`` and ``heads``

    words: frozenset[str]
    classes: tuple[str, ...]
    attributes: tuple[str, ...]
    low: int
    high: int
    source: str
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    #: A group's word sequences, each a line of single-token elements; empty for a token.
    sequences: tuple[tuple[Element, ...], ...]
    #: For each sequence, the words its first token must be (None: a token test decides), so
    #: most sequences are ruled out by one set lookup.
    heads: tuple[frozenset[str] | None, ...]
    #: ``#word`` literals: hashtags whose word is one of these (the plain word does not fit).
    hashtags: frozenset[str]
    #: For a group, which sequences a first token may open, by its normal form, in order
    #: (``None`` for the sequences any word may open): a phrase class holds hundreds of
    #: sequences, and testing each head a token was most of the kind's matching time.
    by_head: dict[str | None, tuple[int, ...]]
    #: The words this element must not be, as an element of their own (``:name!april|may``,
    #: LanguageTool's ``<exception>``): a token that fits it never fits here; None: no exception.
    excepts: Element | None

    def __init__(
        self,
        words: frozenset[str],
        classes: tuple[str, ...],
        attributes: tuple[str, ...],
        low: int,
        high: int,
        source: str,
        prefixes: tuple[str, ...] = (),
        suffixes: tuple[str, ...] = (),
        sequences: tuple[tuple[Element, ...], ...] = (),
        heads: tuple[frozenset[str] | None, ...] = (),
        hashtags: frozenset[str] = frozenset(),
        by_head: dict[str | None, tuple[int, ...]] | None = None,
        excepts: Element | None = None,
    ) -> None:
        fill(self, words=words, classes=classes, attributes=attributes, low=low, high=high,
             source=source, prefixes=prefixes, suffixes=suffixes, sequences=sequences, heads=heads,
             hashtags=hashtags, by_head=_heads_index(heads) if by_head is None else by_head,
             excepts=excepts)

    @property
    def names(self) -> frozenset[str]:
        """The normal forms a fitting token may have, when only words decide (index lookups:
        a ``#word`` literal's hashtag is indexed under its word)."""
        return self.words | self.hashtags if self.hashtags else self.words

    def lengths(self, analysis: Analysis, position: int, limit: int) -> list[int]:
        """How many tokens one occurrence may take from ``position`` (longest first)."""
        if not self.sequences:
            return [1] if position < limit and self.fits(analysis, position) else []
        if position >= limit:
            return []
        norm = analysis.norms[position]
        found: list[int] = []
        by_head, sequences = self.by_head, self.sequences
        for number in by_head.get(norm, by_head[None]):  # the sequences whose head fits, in order
            sequence = sequences[number]
            size = len(sequence)
            if position + size > limit or size in found:
                continue
            for n, part in enumerate(sequence):
                if not part.fits(analysis, position + n):
                    break
            else:
                found.append(size)
        found.sort(reverse=True)
        return found

    def fits(self, analysis: Analysis, position: int) -> bool:
        """Whether token ``position`` of the analysis may stand here (read from its columns)."""
        if self.excepts is not None and self.excepts.fits(analysis, position):
            return False
        norm = analysis.norms[position]
        if norm in self.words:
            return True
        if self.hashtags and norm in self.hashtags and analysis.kinds[position] == HASHTAG:
            return True
        if self.prefixes and norm.startswith(self.prefixes):
            return True
        if self.suffixes and norm.endswith(self.suffixes):
            return True
        for attribute in self.attributes:  # noqa: SIM110 (a loop, not any(): no generator a token)
            if _HAS[attribute](analysis, position):
                return True
        return False


_NO_HEADS: dict[str | None, tuple[int, ...]] = {None: ()}


def _heads_index(heads: Sequence[frozenset[str] | None]) -> dict[str | None, tuple[int, ...]]:
    """For each word some head names, the sequences it may open (those naming it and those
    with no head words), in order; under ``None`` the sequences any other word may open."""
    if not heads:
        return _NO_HEADS  # a token, not a group: one shared (and pickled once) empty index
    anyone = tuple(number for number, head in enumerate(heads) if head is None)
    named: dict[str, list[int]] = {}
    for number, head in enumerate(heads):
        for word in head or ():
            named.setdefault(word, []).append(number)
    index: dict[str | None, tuple[int, ...]] = {
        word: tuple(sorted((*numbers, *anyone))) for word, numbers in named.items()
    }
    index[None] = anyone
    return index


class Shape(Record):
    """One shape of a rule, parsed (frozen)."""

    _frozen = True
    _hidden = frozenset({"second", "needs"})  # made from the other fields

    source: str
    elements: tuple[Element, ...]
    at_start: bool
    at_end: bool
    #: Normal forms the first token of a match must have, or None when any may start one.
    first_words: frozenset[str] | None
    #: Words one of which every match contains (the first required element made only of
    #: words), or None: a shape that opens with ":number" is still skipped on drafts without
    #: the "left" it needs later.
    required_words: frozenset[str] | None
    #: For every required element made only of words, its words: a draft lacking any one set
    #: cannot hold a match, decided with a few set operations before any token is tried.
    requirements: tuple[frozenset[str], ...]
    #: When the first element is always one token and the second is required and opens
    #: with known words: those words. A start whose next token (after any emoji) is not one
    #: of them cannot match, which most starts at a common first word ("the", "we") show at
    #: once; None when the shape's start says nothing so simple about the next token.
    second: frozenset[str] | None
    #: Every word set a match needs a word of: the first words, and the words each required
    #: element must open with (:func:`_opening_words`, groups too, which ``requirements``
    #: leaves out). A view lacking one cannot hold a match: most shapes a draft's words let
    #: through ``requirements`` opened with a common word ("we", "i'm") and needed a group's
    #: word ("booth", "award") the draft did not have.
    needs: tuple[frozenset[str], ...]

    def __init__(
        self,
        source: str,
        elements: tuple[Element, ...],
        at_start: bool,
        at_end: bool,
        first_words: frozenset[str] | None,
        required_words: frozenset[str] | None = None,
        requirements: tuple[frozenset[str], ...] = (),
        second: frozenset[str] | None = None,
        needs: tuple[frozenset[str], ...] | None = None,
    ) -> None:
        fill(self, source=source, elements=elements, at_start=at_start, at_end=at_end,
             first_words=first_words, required_words=required_words, requirements=requirements,
             second=_second_words(elements) if second is None else second,
             needs=_needs(elements, first_words, requirements) if needs is None else needs)


def _one_token(element: Element) -> bool:
    """Whether every occurrence of ``element`` takes exactly one token."""
    if element.low != 1 or element.high != 1:
        return False
    return all(len(sequence) == 1 for sequence in element.sequences)


def _opening_words(element: Element) -> frozenset[str] | None:
    """The words a required element's first token must be, or None when a token test, a
    prefix or an optional element leaves it open (what :meth:`Element.fits` and the group
    heads accept, so never narrower than the matcher)."""
    if element.low < 1:
        return None
    if element.sequences:
        if any(head is None for head in element.heads):
            return None
        return frozenset().union(*(head for head in element.heads if head is not None))
    if element.attributes or element.prefixes or element.suffixes:
        return None
    return element.names


def _needs(elements: Sequence[Element], first_words: frozenset[str] | None,
           requirements: Sequence[frozenset[str]]) -> tuple[frozenset[str], ...]:
    """:attr:`Shape.needs`: ``requirements``, the first words and every required element's
    opening words, each distinct set once, in that order."""
    found = [*requirements]
    if first_words is not None:
        found.append(first_words)
    found += [words for words in map(_opening_words, elements) if words]
    return tuple(dict.fromkeys(found))


def _second_words(elements: Sequence[Element]) -> frozenset[str] | None:
    if len(elements) < 2 or not _one_token(elements[0]):
        return None
    return _opening_words(elements[1])


class Prepared(Record):
    """A shape rule ready to run (frozen)."""

    _frozen = True

    shapes: tuple[Shape, ...]
    unless: tuple[Shape, ...]
    unless_draft: tuple[Shape, ...]
    requires: tuple[Shape, ...]
    guards: tuple[str, ...]
    max_findings: int
    min_matches: int
    max_words: int
    max_other_words: int
    preamble: frozenset[str]
    negation: frozenset[str]
    commentary: frozenset[str]
    reporting: frozenset[str]
    #: Mask kinds the rule reads: its own ``unmask`` plus ``url`` when a shape names ``:url``.
    unmask: tuple[str, ...]
    #: Class ``nudge``: verbs a negation turns into a nudge to act (the negation guard).
    nudges: frozenset[str]
    #: Class ``visit-particle``: words after which "stop" is a visit, not a negation.
    visit_particles: frozenset[str]
    #: ``when: missing``: the shapes are evidence of a good draft, and the rule flags the
    #: scope once when none of them is there (``pattern``'s ``when`` for word shapes).
    missing: bool

    def __init__(
        self,
        shapes: tuple[Shape, ...],
        unless: tuple[Shape, ...],
        unless_draft: tuple[Shape, ...],
        requires: tuple[Shape, ...],
        guards: tuple[str, ...],
        max_findings: int,
        min_matches: int,
        max_words: int,
        max_other_words: int,
        preamble: frozenset[str],
        negation: frozenset[str],
        commentary: frozenset[str],
        reporting: frozenset[str],
        unmask: tuple[str, ...] = (),
        nudges: frozenset[str] = frozenset(),
        visit_particles: frozenset[str] = frozenset(),
        missing: bool = False,
    ) -> None:
        fill(self, shapes=shapes, unless=unless, unless_draft=unless_draft, requires=requires,
             guards=guards, max_findings=max_findings, min_matches=min_matches,
             max_words=max_words, max_other_words=max_other_words, preamble=preamble,
             negation=negation, commentary=commentary, reporting=reporting, unmask=unmask,
             nudges=nudges, visit_particles=visit_particles, missing=missing)


#: A count written the way feeds write reach: digits and a letter for thousands, millions or billions.
_SHORT_COUNT = regex_cache.lazy(r"\d+[kmb]")


def _is_count(a: Analysis, i: int) -> bool:
    """A number, or a count with a magnitude letter (``10k``, ``2M``): how reach targets
    are written ("get this to 10k likes"), which the tokenizer reads as words."""
    kind = a.kinds[i]
    return kind == NUMBER or (kind == WORD and a.norms[i][:1].isdecimal() and _SHORT_COUNT.fullmatch(a.norms[i]) is not None)


def _is_handle(a: Analysis, i: int) -> bool:
    """A user name as tools paste it: ``dana_lee``, ``jsmith84``, ``@kev`` (not ``B2B`` or ``3rd``)."""
    kind = a.kinds[i]
    if kind == MENTION:
        return True
    norm = a.norms[i]
    if kind != WORD or not norm[:1].isalpha() or not norm.isascii():
        return False
    return "_" in norm or (norm.islower() and any(c.isdigit() for c in norm) and sum(c.isalpha() for c in norm) >= 3)


# Token tests over an analysis's columns (token ``i``); a word's first character is read from
# the view, which a word never starts with a blank.
_HAS = {
    "word": lambda a, i: a.kinds[i] == WORD,
    "number": lambda a, i: a.kinds[i] == NUMBER,
    "count": _is_count,
    "emoji": lambda a, i: a.kinds[i] == EMOJI,
    "caps": lambda a, i: bool(a.flags[i] & CAPS),
    "quoted": lambda a, i: bool(a.flags[i] & QUOTED),
    "dictated": lambda a, i: bool(a.flags[i]) or a.kinds[i] in (EMOJI, NUMBER),
    "hashtag": lambda a, i: a.kinds[i] == HASHTAG,
    "mention": lambda a, i: a.kinds[i] == MENTION,
    "name": lambda a, i: a.kinds[i] == WORD and a.text[a.starts[i]].isupper() and not a.flags[i] & CAPS,
    "lower": lambda a, i: a.kinds[i] == WORD and a.text[a.starts[i]].islower(),
    "url": lambda a, i: a.kinds[i] == URL,
    "handle": _is_handle,
    "punct": lambda a, i: a.kinds[i] == PUNCT,
    "any": lambda a, i: True,
}


# --- parsing ------------------------------------------------------------------------------


def class_names(source: str) -> set[str]:
    """The word classes a shape refers to (for the pack loader's check)."""
    return set(re.findall(r"\{([a-z][a-z0-9-]*)\}", source))


def split_shape(source: str) -> list[str]:
    """The elements of a shape as written: groups kept whole, everything else split at spaces."""
    return _PART.findall(source)


def parse_shape(source: str, lexicons: Mapping[str, Collection[str]] | None = None) -> Shape:
    """Compile one shape; without ``lexicons`` classes stay empty (syntax check only)."""
    parts = split_shape(source)
    for part in parts:
        if part.startswith("(") and len(part) > 1 and not _GROUP.match(part):
            raise RuleError(f"unclosed group {part!r} in shape {source!r}: write (a b|c d)", key="shapes")
    if not parts:
        raise RuleError("a shape must have at least one element", key="shapes")
    at_start = parts[0] == "^"
    at_end = parts[-1] == "$"
    parts = parts[int(at_start) : len(parts) - int(at_end)]
    if not parts:
        raise RuleError(f"shape {source!r} has only anchors", key="shapes")
    elements = tuple(_element(part, source, lexicons) for part in parts)
    if all(element.low == 0 for element in elements):
        raise RuleError(f"shape {source!r} can match nothing at all: make one element required", key="shapes")
    first = _first_words(elements)
    requirements = tuple(
        element.names for element in elements
        if element.low > 0 and element.names
        and not (element.sequences or element.attributes or element.prefixes or element.suffixes)
    )
    return Shape(source, elements, at_start, at_end, first,
                 first if first is not None else _required_words(elements), requirements)


def _element(part: str, source: str, lexicons: Mapping[str, Collection[str]] | None) -> Element:
    group = _GROUP.match(part)
    if group:
        return _group(part, group.group(1), group.group(2), source, lexicons)
    gap = _GAP.match(part)
    if gap:
        high = int(gap.group(1) or 3)
        if not 1 <= high <= MAX_GAP:
            raise RuleError(f"gap {part!r} in {source!r}: use ...1 to ...{MAX_GAP}", key="shapes")
        return Element(frozenset(), (), ("any",), 0, high, part)
    low, high, body = 1, 1, part
    if len(part) > 1 and part[-1] in "?*+" and not part.endswith("\\?"):
        low, high = {"?": (0, 1), "*": (0, 3), "+": (1, 3)}[part[-1]]
        body = part[:-1]
    excepts: Element | None = None
    exception = _EXCEPTION.match(body)
    if exception:
        body = exception.group(1)
        excepts = _element(exception.group(2), source, lexicons)
        if excepts.sequences or (excepts.low, excepts.high) != (1, 1):
            raise RuleError(
                f"exceptions {exception.group(2)!r} in {part!r} of shape {source!r}: list single "
                "words, classes of single words and token tests, with no ?/*/+", key="shapes",
            )
    words: set[str] = set()
    hashtags: set[str] = set()
    phrases: list[str] = []
    classes: list[str] = []
    attributes: list[str] = []
    prefixes: list[str] = []
    suffixes: list[str] = []
    for alternative in body.split("|") if body != "|" else ["|"]:
        alternative = alternative.replace("\\?", "?")
        if not alternative:
            raise RuleError(f"empty alternative in {part!r} of shape {source!r}", key="shapes")
        if len(alternative) > 1 and ("(" in alternative or ")" in alternative):
            raise RuleError(
                f"{part!r} of shape {source!r} mixes words and a group: put every alternative in "
                "the group, as in (ok|all right)", key="shapes",
            )
        klass = _CLASS.match(alternative)
        if klass:
            name = klass.group(1)
            classes.append(name)
            if lexicons is not None:
                if name not in lexicons:
                    raise RuleError(f"unknown word class {{{name}}} in shape {source!r}", key="shapes")
                for entry in lexicons[name]:
                    if " " in entry:
                        phrases.append(entry)
                    else:
                        words.add(entry)
        elif len(alternative) > 2 and alternative.endswith("~"):
            prefixes.append(alternative[:-1].lstrip("#@").casefold())
        elif len(alternative) > 2 and alternative.startswith("~"):
            suffixes.append(alternative[1:].casefold())
        elif alternative.startswith("#") and len(alternative) > 1:
            hashtags.add(alternative[1:].casefold())
        elif alternative.startswith(":") and len(alternative) > 1:
            if alternative[1:] not in ATTRIBUTES:
                raise RuleError(
                    f"unknown token test {alternative!r} in {source!r}; use one of: "
                    + ", ".join(":" + name for name in ATTRIBUTES),
                    key="shapes",
                )
            attributes.append(alternative[1:])
        else:
            words.add(alternative.casefold().replace("’", "'"))
    element = Element(
        frozenset(words), tuple(classes), tuple(attributes), 1 if phrases else low, 1 if phrases else high,
        part, tuple(prefixes), tuple(suffixes), hashtags=frozenset(hashtags), excepts=excepts,
    )
    if phrases and excepts is not None:
        raise RuleError(f"{part!r} of shape {source!r}: a class holding phrases takes no exceptions", key="shapes")
    return _with_phrases(element, sorted(phrases), low, high) if phrases else element


def _with_phrases(element: Element, phrases: list[str], low: int, high: int) -> Element:
    """A class that holds phrases ("lost dog", "missing since") stands for a group: its single
    words (with the element's other alternatives) as one token, each phrase as its sequence."""
    sequences: list[tuple[Element, ...]] = [(element,)] if element.names or element.attributes or element.prefixes or element.suffixes else []
    sequences += [tuple(Element(frozenset([word]), (), (), 1, 1, word) for word in phrase.split()) for phrase in phrases]
    heads = tuple(
        None if (first.attributes or first.prefixes or first.suffixes) else first.names
        for first in (sequence[0] for sequence in sequences)
    )
    return Element(frozenset(), element.classes, (), low, high, element.source,
                   sequences=tuple(sequences), heads=heads)


def _group(part: str, body: str, suffix: str, source: str,
           lexicons: Mapping[str, Collection[str]] | None) -> Element:
    """A group ``(a b|c)``: alternatives that are sequences of single-token elements."""
    sequences = []
    for alternative in body.split("|"):
        words = alternative.split()
        if not words:
            raise RuleError(f"empty alternative in group {part!r} of shape {source!r}", key="shapes")
        elements = []
        for word in words:
            if _GAP.match(word) or (len(word) > 1 and word[-1] in "?*+" and not word.endswith("\\?")):
                raise RuleError(
                    f"group {part!r} of shape {source!r}: a group holds plain words, classes and "
                    "token tests; put gaps and ?/*/+ outside it", key="shapes",
                )
            element = _element(word, source, lexicons)
            if element.sequences:
                raise RuleError(
                    f"group {part!r} of shape {source!r}: {word} holds phrases; use the class "
                    "outside a group", key="shapes",
                )
            elements.append(element)
        sequences.append(tuple(elements))
    low, high = {"": (1, 1), "?": (0, 1), "*": (0, 3), "+": (1, 3)}[suffix]
    heads = tuple(
        None if (first.attributes or first.prefixes or first.suffixes or first.sequences) else first.names
        for first in (sequence[0] for sequence in sequences)
    )
    return Element(frozenset(), (), (), low, high, part, sequences=tuple(sequences), heads=heads)


def _first_words(elements: Sequence[Element]) -> frozenset[str] | None:
    found: set[str] = set()
    for element in elements:
        if element.sequences:
            for sequence in element.sequences:
                heads = _first_words(sequence)
                if heads is None:
                    return None
                found |= heads
            if element.low > 0:
                return frozenset(found)
            continue
        if element.attributes or element.prefixes or element.suffixes:
            return None
        found |= element.names
        if element.low > 0:
            return frozenset(found)
    return None


def _required_words(elements: Sequence[Element]) -> frozenset[str] | None:
    for element in elements:
        plain = not (element.sequences or element.attributes or element.prefixes or element.suffixes)
        if element.low > 0 and plain and element.names:
            return element.names
    return None


def _shapes(value: Any, key: str, lexicons: Mapping[str, Collection[str]] | None) -> tuple[Shape, ...]:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(item, str) and item.strip() for item in values):
        raise RuleError(f"{key!r} must be a shape or a list of shapes", key=key)
    try:
        return tuple(parse_shape(item, lexicons) for item in values)
    except RuleError as exc:
        raise RuleError(str(exc), key=key) from None


# --- describing ---------------------------------------------------------------------------


def describe_shape(source: str) -> str:
    """A shape in words, for ``sociable explain``."""
    parts = split_shape(source)
    words: list[str] = []
    if parts and parts[0] == "^":
        words.append("at the start of a sentence or clause (after please/just, an 'if you ...,' clause or a colon)")
        parts = parts[1:]
    tail = ""
    if parts and parts[-1] == "$":
        tail = "at the end of the sentence"
        parts = parts[:-1]
    for part in split_shape(" ".join(parts)):
        gap = _GAP.match(part)
        if gap:
            words.append(f"up to {gap.group(1) or 3} words")
            continue
        group = _GROUP.match(part)
        if group:
            suffix = {"": "", "?": " (optional)", "*": " (any number, up to 3)", "+": " (one to three)"}[group.group(2)]
            words.append(" or ".join(f"'{a.strip()}'" for a in group.group(1).split("|")) + suffix)
            continue
        suffix = ""
        body = part
        if len(part) > 1 and part[-1] in "?*+" and not part.endswith("\\?"):
            suffix = {"?": " (optional)", "*": " (any number, up to 3)", "+": " (one to three)"}[part[-1]]
            body = part[:-1]
        exception = _EXCEPTION.match(body)
        excepted = ""
        if exception:
            body = exception.group(1)
            excepted = " other than " + " or ".join(_describe_alternatives(exception.group(2)))
        words.append(" or ".join(_describe_alternatives(body)) + excepted + suffix)
    if tail:
        words.append(tail)
    return ", then ".join(words)


def _describe_alternatives(body: str) -> list[str]:
    options = []
    for alternative in body.split("|"):
        klass = _CLASS.match(alternative)
        if klass:
            options.append(f"a {klass.group(1)} word")
        elif alternative.endswith("~") and len(alternative) > 2:
            options.append(f"a word starting '{alternative[:-1]}'")
        elif alternative.startswith("~") and len(alternative) > 2:
            options.append(f"a word ending '{alternative[1:]}'")
        elif alternative.startswith(":") and len(alternative) > 1:
            options.append("any token" if alternative == ":any" else f"any {alternative[1:]} token")
        else:
            options.append(f"'{alternative.replace(chr(92), '')}'")
    return options


def describe_rule(spec: RuleSpec) -> str:
    """Every shape of a rule in words, one per line, and the guards that apply."""
    shapes = spec.options.get("shapes") or []
    if isinstance(shapes, str):
        shapes = [shapes]
    if spec.options.get("when") == "missing":
        lines = ["Flags the message once when it holds none of these shapes (each is evidence it was written for its reader):", ""]
    else:
        lines = ["Flags a sentence with any of these shapes:", ""]
    lines += [f"- `{shape}`: {describe_shape(shape)}" for shape in shapes]
    guards = spec.options.get("guards")
    guards = DEFAULT_GUARDS if guards is None else guards
    if guards:
        lines += ["", "Not when: " + ", ".join(_GUARD_WORDS[g] for g in guards) + "."]
    return "\n".join(lines)


_GUARD_WORDS = {
    "negation": "a negation comes just before it",
    "commentary": "the sentence talks about the habit (bait, algorithm, spam ...)",
    "reported": "someone is reported saying it",
    "question": "the sentence is a question",
}


# --- the kind -----------------------------------------------------------------------------


class ShapeKind(Kind):
    name = "shape"
    keeps_prepared = True  # parsed shapes are kept in the pack cache (sociable.packs.cache)
    keys = {
        "shapes": Key((str, list), "one sentence shape or a list of them", required=True),
        "unless": Key((list,), "shapes that make a match fine when in the same sentence"),
        "unless_draft": Key((list,), "shapes that make the whole draft fine"),
        "requires": Key((list,), "shapes one of which the scope must also contain"),
        "guards": Key((list,), f"shared guards to apply: {', '.join(GUARDS)}", default=list(DEFAULT_GUARDS)),
        "max_words": Key((int,), "apply only when the scope has at most this many words", default=0),
        "max_other_words": Key((int,), "apply only when at most this many words are outside the matches", default=-1),
        "max_findings": Key((int,), "at most this many findings per draft", default=3),
        "min_matches": Key((int,), "flag only drafts with at least this many matches", default=1),
        "when": Key((str,), "'found' flags matches, 'missing' flags a scope with none of them", default="found"),
    }

    def __init__(self) -> None:
        self._extended: dict[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], Prepared] = {}
        self._needs = NeedIndex()
        self._memo: SentenceMemo | None = None  # made on a session's first lint

    def validate(self, spec: RuleSpec) -> None:
        self.prepare(spec, syntax_only=True)

    def prepare(self, spec: RuleSpec, syntax_only: bool = False,
                extensions: Mapping[str, Collection[str]] | None = None) -> Prepared:
        options = spec.options
        lexicons: dict[str, frozenset[str]] | None = None
        if not syntax_only:
            lexicons = dict(_frozen_table(options.get("lexicons") or {}))
            for name, words in (extensions or {}).items():
                lexicons[name] = lexicons.get(name, frozenset()) | {w.casefold() for w in words}
        guards = tuple(options.get("guards") or ())
        for guard in guards:
            if guard not in GUARDS:
                raise RuleError(f"unknown guard {guard!r}; use: {', '.join(GUARDS)}", key="guards")
        shapes = _shapes(options.get("shapes"), "shapes", lexicons)
        if not shapes:
            raise RuleError("'shapes' must list at least one shape", key="shapes")
        when = options.get("when") or "found"
        if when not in ("found", "missing"):
            raise RuleError("'when' must be 'found' or 'missing'", key="when")

        def kind_class(name: str) -> frozenset[str]:
            return (lexicons or {}).get(name, frozenset())

        return Prepared(
            shapes,
            _shapes(options.get("unless"), "unless", lexicons),
            _shapes(options.get("unless_draft"), "unless_draft", lexicons),
            _shapes(options.get("requires"), "requires", lexicons),
            guards,
            int(options.get("max_findings") or 3),
            max(1, int(options.get("min_matches") or 1)),
            int(options.get("max_words") or 0),
            int(options.get("max_other_words", -1)),
            kind_class("preamble"),
            kind_class("negation"),
            kind_class("commentary"),
            kind_class("reporting"),
            _reads(spec),
            kind_class("nudge"),
            kind_class("visit-particle"),
            when == "missing",
        )

    def describe(self, spec: RuleSpec) -> str:
        return describe_rule(spec)

    def screen(self, spec: RuleSpec, prepared: Prepared) -> WordScreen | None:
        """The words :class:`NeedIndex` asks of each shape (its required word sets and first
        words), kept with the prepared form: a draft meeting no shape's needs is not checked,
        as :meth:`check` returns at once when ``possible`` finds no shape. None when a shape
        needs no word (it may start anywhere). Extra words for the classes
        (``extend_lexicons``) change the needs: then every draft is checked."""
        from sociable.kinds.screens import WordScreen

        if prepared.missing:
            return None  # a draft with none of the words is the one to flag
        groups: dict[frozenset[str], tuple[str, ...]] = {}  # equal sets stored once
        alternatives = []
        for shape in prepared.shapes:
            if not shape.needs:
                return None
            alternatives.append(tuple(groups.setdefault(words, tuple(sorted(words))) for words in shape.needs))
        return WordScreen(spec.scope, prepared.unmask, tuple(alternatives), ("extend_lexicons",))

    def _prepared(self, rule: Rule) -> Prepared:
        extensions = rule.settings.get("extend_lexicons") if rule.settings else None
        if not extensions:
            prepared: Prepared = rule.prepared
            return prepared
        key = (rule.code, tuple(sorted((name, tuple(words)) for name, words in extensions.items())))
        cached = self._extended.get(key)
        if cached is None:
            cached = self.prepare(rule.spec, extensions=extensions)
            self._extended[key] = cached
        return cached

    def _memo_matches(
        self, rule: Rule, analysis: Analysis, prepared: Prepared
    ) -> Callable[[Shape], Iterator[tuple[int, int]]] | None:
        """Each shape's unguarded matches from the per-sentence memo, when the run keeps one
        (the language server's session sets ``shape_memo``); None: search the view."""
        if not rule.settings.get("shape_memo"):
            return None
        if self._memo is None:
            from sociable.kinds.shape_memo import SentenceMemo

            self._memo = SentenceMemo()
        return self._memo.unguarded(analysis, prepared, lambda part: _unguarded(part, prepared, self._needs))

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        prepared = self._prepared(rule)
        if prepared.missing:
            yield from self._check_missing(doc, rule, prepared)
            return
        analysis = doc.analysis(rule.spec.scope, prepared.unmask)
        if not analysis.norms or not analysis.sentence_starts:
            return  # nothing to read, or only emoji and marks: no sentence a shape could sit in
        # Only the shapes whose required word sets all occur in the view can match: one bit
        # test a shape against the view's words, looked up once (see :class:`NeedIndex`).
        shapes = self._needs.possible(prepared, analysis)
        if not shapes:
            return
        if prepared.max_words and analysis.kinds.count(WORD) > prepared.max_words:
            return
        coverage = prepared.max_other_words >= 0  # coverage needs every match, not the first few
        hits: list[tuple[int, int]] = []  # sorted and disjoint
        covered: list[tuple[int, int]] = []  # every unguarded match, overlapping ones too
        # A session's memo gives each shape's unguarded matches, sentence by sentence as
        # found before (kinds/shape_memo.py); the draft-level logic below runs either way.
        unguarded = self._memo_matches(rule, analysis, prepared)
        for shape in shapes:
            # A shape's own matches never overlap (one per start, left to right), so each is
            # tested against the earlier shapes' hits only: a search in their sorted starts,
            # not a scan of every hit (quadratic on a long draft with a hit a paragraph).
            earlier = _Disjoint(hits) if hits else None
            found: list[tuple[int, int]] = []
            for first, stop in (_positions(analysis, shape, prepared) if unguarded is None
                                else unguarded(shape)):
                overlaps = earlier is not None and earlier.overlaps(first, stop)
                if (overlaps and not coverage) or (
                    unguarded is None and _guarded(analysis, first, stop, prepared)
                ):
                    continue
                covered.append((first, stop))
                if not overlaps:
                    found.append((first, stop))
            if found:
                hits = sorted(hits + found)
            if not coverage and len(hits) >= max(prepared.max_findings, prepared.min_matches):
                break
        if len(hits) < prepared.min_matches:
            return
        if coverage and _other_words(analysis, covered) > prepared.max_other_words:
            return
        if not _draft_allows(doc, prepared):
            return
        starts, ends = analysis.starts, analysis.ends
        for first, stop in sorted(hits)[: prepared.max_findings]:
            yield rule.finding(doc, starts[first], ends[stop - 1])

    def _check_missing(self, doc: Document, rule: Rule, prepared: Prepared) -> Iterator[Finding]:
        """``when: missing``: one finding on the scope's first line when no shape matches
        (unguarded) in it and no ``unless_draft`` shape in the draft; ``requires`` and
        ``max_words`` say, as for ``found``, when the rule applies at all."""
        analysis = doc.analysis(rule.spec.scope, prepared.unmask)
        if not analysis.norms or not analysis.sentence_starts:
            return  # nothing written, or only emoji and marks: nothing to say of it
        if prepared.max_words and analysis.kinds.count(WORD) > prepared.max_words:
            return
        unguarded = self._memo_matches(rule, analysis, prepared)
        for shape in self._needs.possible(prepared, analysis):
            matches = _positions(analysis, shape, prepared) if unguarded is None else unguarded(shape)
            for first, stop in matches:
                if unguarded is not None or not _guarded(analysis, first, stop, prepared):
                    return
        if not _draft_allows(doc, prepared):
            return
        view = analysis.text
        start = analysis.starts[0]
        line_end = view.find("\n", start)
        end = line_end if line_end != -1 else len(view.rstrip())
        yield rule.finding(doc, start, max(start + 1, end), fix=None)


def _draft_allows(doc: Document, prepared: Prepared) -> bool:
    """Whether the whole draft lets the rule speak: one of its ``requires`` shapes is there
    (when it has any) and none of its ``unless_draft`` shapes is."""
    if not (prepared.requires or prepared.unless_draft):
        return True
    whole = doc.analysis("text", prepared.unmask)
    if prepared.requires and not any(_found(whole, shape, prepared) for shape in prepared.requires):
        return False
    return not any(_found(whole, shape, prepared) for shape in prepared.unless_draft)


def _unguarded(part: Analysis, prepared: Prepared, needs: NeedIndex) -> tuple[tuple[tuple[int, int], ...], ...]:
    """For each shape of ``prepared``, its matches in ``part`` (one sentence) that no guard
    or ``unless`` shape excuses: what :meth:`ShapeKind.check` keeps of ``_positions``."""
    possible = {id(shape) for shape in needs.possible(prepared, part)}
    return tuple(
        tuple(match for match in _positions(part, shape, prepared) if not _guarded(part, *match, prepared))
        if id(shape) in possible else ()
        for shape in prepared.shapes
    )


class _Disjoint:
    """Sorted, disjoint, non-empty token ranges: does a range overlap one of them?"""

    __slots__ = ("ends", "starts")

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self.starts = [first for first, _stop in ranges]
        self.ends = [stop for _first, stop in ranges]

    def overlaps(self, first: int, stop: int) -> bool:
        """Whether ``a < stop and first < b`` for one ``(a, b)``: only the last range that
        starts before ``stop`` can, since the ranges' ends rise with their starts."""
        last = bisect_left(self.starts, stop) - 1
        return last >= 0 and first < self.ends[last]


def _reads(spec: RuleSpec) -> tuple[str, ...]:
    """The mask kinds a rule unmasks: links become readable when any of its shapes asks for one."""
    sources = []
    for key in ("shapes", "unless", "unless_draft", "requires"):
        value = spec.options.get(key) or []
        sources += [value] if isinstance(value, str) else [str(item) for item in value]
    unmask = tuple(spec.unmask)
    if any(":url" in source for source in sources) and "url" not in unmask:
        unmask += ("url",)
    return unmask


# --- matching -----------------------------------------------------------------------------


_TABLES: dict[int, tuple[object, dict[str, frozenset[str]]]] = {}


def _frozen_table(table: Mapping[str, Collection[str]]) -> dict[str, frozenset[str]]:
    """The run's word classes as sets, built once per process (every rule shares the table)."""
    cached = _TABLES.get(id(table))
    if cached is None or cached[0] is not table:
        cached = (table, {name: frozenset(words) for name, words in table.items()})
        _TABLES[id(table)] = cached
    return cached[1]


class ClauseStarts(Sequence["array[int]"]):
    """Each sentence's clause starts, kept flat (one array, and where each sentence's part
    begins): a long draft has hundreds of thousands of sentences, and a list of ints each took
    about 100 bytes a sentence."""

    __slots__ = ("_bounds", "_flat")

    def __init__(self, analysis: Analysis, preamble: frozenset[str]) -> None:
        self._flat, self._bounds = array("i"), array("i", [0])
        for number in range(len(analysis.sentence_starts)):
            self._flat.extend(_clause_starts(analysis, number, preamble))
            self._bounds.append(len(self._flat))

    def __len__(self) -> int:
        return len(self._bounds) - 1

    @overload
    def __getitem__(self, number: int) -> array[int]: ...
    @overload
    def __getitem__(self, number: slice) -> list[array[int]]: ...
    def __getitem__(self, number: int | slice) -> array[int] | list[array[int]]:
        if isinstance(number, slice):
            return [self[n] for n in range(*number.indices(len(self)))]
        return self._flat[self._bounds[number] : self._bounds[number + 1]]

    def __iter__(self) -> Iterator[array[int]]:
        flat, bounds = self._flat, self._bounds
        for number in range(len(bounds) - 1):
            yield flat[bounds[number] : bounds[number + 1]]


def _all_clause_starts(analysis: Analysis, preamble: frozenset[str]) -> ClauseStarts:
    """Clause starts of every sentence, computed once per view (cached on the analysis)."""
    cache = analysis.cache
    key = ("clause-starts", preamble)
    found = cache.get(key)
    if not isinstance(found, ClauseStarts):
        found = cache[key] = ClauseStarts(analysis, preamble)
    return found


def _clause_starts(analysis: Analysis, number: int, preamble: frozenset[str]) -> list[int]:
    """Where an imperative may stand in sentence ``number`` (see the module docstring)."""
    first, stop = analysis.sentence_firsts[number], analysis.sentence_stops[number]
    norms, kinds = analysis.norms, analysis.kinds
    starts: list[int] = []

    def skip(position: int) -> int:
        while position < stop and (
            (kinds[position] in (EMOJI, PUNCT) and norms[position] not in ("'", '"'))
            or norms[position] in preamble
            or kinds[position] == MENTION  # a reply opens with the handles it answers
        ):
            position += 1
        return position

    def add(position: int) -> None:
        if position < stop and position not in starts:
            starts.append(position)

    add(first)
    opening = skip(first)
    add(opening)
    starts_at, ends_at, text = analysis.starts, analysis.ends, analysis.text
    for position in range(first, stop):
        norm, kind = norms[position], kinds[position]
        if (norm in (":", "-", "–", "—", ";") and kind == PUNCT) or (kind == EMOJI and position > first):
            # An emoji mid-sentence ends a clause the way a dash does: "Nice 🔥 follow me".
            add(skip(position + 1))
        elif norm in _GLUED_ENDS and kind == PUNCT and position + 1 < stop:
            # Scraped posts lose the space after a full stop ("What a week.Thrilled to ..."):
            # a capital right after the mark starts a sentence the splitter did not see.
            after = position + 1
            if starts_at[after] == ends_at[position] and text[starts_at[after] : starts_at[after] + 1].isupper():
                add(skip(after))
        elif norm in _LEAD_CLAUSE and position <= first + 2:
            for later in range(position + 1, min(stop, position + 14)):
                if norms[later] == ",":
                    add(skip(later + 1))
                    break
        elif norm == "," and kind == PUNCT and position <= opening + 2:
            # A word or two set off by a comma ("Really, tag ...", "Dana, share ..."): an
            # interjection or a vocative, and the imperative follows it.
            add(skip(position + 1))
    return starts


def _matches(analysis: Analysis, shape: Shape, prepared: Prepared) -> Iterator[tuple[int, int]]:
    """Token ranges ``(first, stop)`` where ``shape`` matches, one per start, left to right."""
    keys = analysis.index.keys()
    for words in shape.needs:  # the first words, and each required element's (Shape.needs)
        if words.isdisjoint(keys):
            return  # a word the shape needs is not in the view
    yield from _positions(analysis, shape, prepared)


def _positions(analysis: Analysis, shape: Shape, prepared: Prepared) -> Iterator[tuple[int, int]]:
    """:func:`_matches` for a shape whose required words are known to be in the view."""
    if not analysis.sentence_starts:
        return  # tokens but no sentence (a view of only "!" or emoji): a match needs one
    norms, stops, index = analysis.norms, analysis.sentence_stops, analysis.index
    first = shape.first_words
    present: Collection[str] | None = None
    if first is not None:
        # The shape's first words the view has: from the smaller side (a class of hundreds of
        # words against a draft's few dozen, or three words against a long draft's thousands),
        # both ways in C (the index's dict keys against the frozen set; a Python test a word
        # was a twentieth of the kind's time).
        keys = index.keys()
        present = keys & first if len(first) < len(keys) else first.intersection(keys)
        if not present:
            return
    if shape.at_start:
        second, kinds, count = shape.second, analysis.kinds, len(norms)
        for number, clause_starts in enumerate(_all_clause_starts(analysis, prepared.preamble)):
            stop_limit = stops[number]
            for start in clause_starts:
                if first is not None and norms[start] not in first:
                    continue
                if second is not None and not _second_fits(norms, kinds, count, start + 1, second):
                    continue
                end = _match_at(analysis, shape, 0, start, stop_limit)
                if end > start:
                    yield start, end
                    break
        return
    # Each token has one normal form, so the words' positions never repeat: no set needed;
    # and every token as a list of ints was 36 bytes a token of a long draft.
    starts: Iterable[int]
    if present is None:
        fitting = _fitting(analysis, shape.elements[0])
        starts = range(len(norms)) if fitting is None else fitting
    elif len(present) == 1:
        starts = index[next(iter(present))]  # sorted already
    else:
        starts = sorted(chain.from_iterable(index[word] for word in present))
    firsts = analysis.sentence_firsts
    last_stop = -1
    second, kinds, count = shape.second, analysis.kinds, len(norms)
    for start in starts:
        if start < last_stop:
            continue
        if second is not None and not _second_fits(norms, kinds, count, start + 1, second):
            continue
        limit = stops[max(0, bisect_right(firsts, start) - 1)]  # Analysis.sentence_at, inline
        end = _match_at(analysis, shape, 0, start, limit)
        if end > start:
            yield start, end
            last_stop = end


#: Token tests that read one column only: the kinds or flags a fitting token has.
_KIND_TESTS = {"word": WORD, "number": NUMBER, "emoji": EMOJI, "hashtag": HASHTAG,
               "mention": MENTION, "url": URL, "punct": PUNCT}
_FLAG_TESTS = {"caps": CAPS, "quoted": QUOTED}


def _fitting(analysis: Analysis, element: Element) -> list[int] | None:
    """The sorted positions where a shape's required first ``element`` fits, or may (a
    superset of :meth:`Element.fits`), or None when any position may. A shape with no first
    words (``:url``, ``lifeat~``, ``:name $``) was tried at every token, and all but a few
    tries failed at the first element; a match at index 0 skips no emoji, so a start where
    the element does not fit cannot match."""
    if element.low < 1:
        return None
    if element.sequences:  # a group: a sequence's first token must fit (``lengths``)
        found: set[int] = set()
        for sequence in element.sequences:
            part = _fitting(analysis, sequence[0])
            if part is None:
                return None
            found.update(part)
        return sorted(found)
    if "any" in element.attributes:
        return None
    index = analysis.index
    keys = index.keys()
    names = element.names
    words = [norm for norm in keys if norm.startswith(element.prefixes)] if element.prefixes else []
    if element.suffixes:
        words += [norm for norm in keys if norm.endswith(element.suffixes)]
    words += keys & names if len(names) < len(keys) else names.intersection(keys)
    positions: list[int] = list(chain.from_iterable(index[word] for word in set(words)))
    for attribute in element.attributes:
        positions += _attribute_positions(analysis, attribute)
    return sorted(set(positions)) if element.attributes or len(words) > 1 else positions


def _attribute_positions(analysis: Analysis, attribute: str) -> list[int]:
    """The positions of the tokens passing token test ``attribute``, once per view."""
    key = ("shape-attribute", attribute)
    found = analysis.cache.get(key)
    if not isinstance(found, list):
        kind, flag = _KIND_TESTS.get(attribute), _FLAG_TESTS.get(attribute)
        if kind is not None:
            found = [i for i, k in enumerate(analysis.kinds) if k == kind]
        elif flag is not None:
            found = [i for i, f in enumerate(analysis.flags) if f & flag]
        else:
            test = _HAS[attribute]
            found = [i for i in range(len(analysis.norms)) if test(analysis, i)]
        analysis.cache[key] = found
    return found


def _second_fits(norms: Sequence[str], kinds: bytearray, count: int, position: int,
                 words: frozenset[str]) -> bool:
    """Whether the token at ``position``, or the first after the emoji there, is one of
    ``words`` (:attr:`Shape.second`): a match must go on there (:func:`_match_at` skips emoji
    between two elements), so a start failing this cannot match."""
    if position < count and norms[position] in words:
        return True
    while position < count and kinds[position] == EMOJI:
        position += 1
    return position < count and norms[position] in words


class NeedIndex:
    """Which shapes of a rule can match a view, decided without trying them one by one.

    Every shape needs some word sets (:attr:`Shape.needs`: the words its first token must be
    and the words each required element opens with); a view lacking any one of them cannot
    hold a match. Each
    distinct word set gets one bit, and each word the bits of the sets it belongs to, so the
    sets a view satisfies are one integer made from its distinct words once (kept on the
    analysis), and a shape is possible when its sets' bits are all in it: one ``&`` a shape,
    where testing each set against the view took a set operation each (most of the kind's
    time, since nine shapes in ten fail there). The tests :func:`_matches` makes and more,
    each a necessary condition of a match, so the shapes it rules out are ones
    :func:`_positions` would find nothing for.
    """

    def __init__(self) -> None:
        self._bits: dict[frozenset[str], int] = {}
        #: For each word, the bits of every word set that holds it.
        self._words: dict[str, int] = {}
        #: Per prepared rule (by identity, kept alive here): each shape with its bits.
        self._rules: dict[int, tuple[Prepared, tuple[tuple[Shape, int], ...]]] = {}

    def possible(self, prepared: Prepared, analysis: Analysis) -> list[Shape]:
        """The shapes of ``prepared``, in order, that the view's words do not rule out."""
        entry = self._rules.get(id(prepared))
        if entry is None or entry[0] is not prepared:
            entry = (prepared, tuple((shape, self._mask(shape)) for shape in prepared.shapes))
            self._rules[id(prepared)] = entry
        present = self.present(analysis)
        return [shape for shape, needs in entry[1] if needs & present == needs]

    def present(self, analysis: Analysis) -> int:
        """The bits of every word set the view satisfies (computed once per view and index
        size: a rule seen later adds sets, and then the view's bits are made again)."""
        key = ("shape-needs", id(self))
        cached = analysis.cache.get(key)
        if isinstance(cached, tuple) and cached[0] == len(self._bits):
            found: int = cached[1]
            return found
        get = self._words.get
        found = 0
        for bits in map(get, analysis.index.keys()):
            if bits:
                found |= bits
        analysis.cache[key] = (len(self._bits), found)
        return found

    def _mask(self, shape: Shape) -> int:
        mask = 0
        for words in shape.needs:
            bit = self._bits.get(words)
            if bit is None:
                bit = self._bits[words] = 1 << len(self._bits)
                for word in words:
                    self._words[word] = self._words.get(word, 0) | bit
            mask |= bit
        return mask


def _other_words(analysis: Analysis, hits: Sequence[tuple[int, int]]) -> int:
    """How many word tokens of the view lie outside every hit."""
    covered = {i for first, stop in hits for i in range(first, stop)}
    return sum(1 for i, kind in enumerate(analysis.kinds) if kind == WORD and i not in covered)


def _found(analysis: Analysis, shape: Shape, prepared: Prepared) -> bool:
    return next(_matches(analysis, shape, prepared), None) is not None


def _match_at(analysis: Analysis, shape: Shape, index: int, position: int, limit: int,
              across_emoji: bool = True) -> int:
    """End of a match of ``shape.elements[index:]`` from ``position``, or -1 (backtracking)."""
    elements = shape.elements
    if index == len(elements):
        if shape.at_end:
            rest = position
            kinds, norms = analysis.kinds, analysis.norms
            while rest < limit and (kinds[rest] == EMOJI or norms[rest] in _CLOSING):
                rest += 1
            if rest < limit:
                return -1
        return position
    if across_emoji and index and position < limit and analysis.kinds[position] == EMOJI:
        # An emoji between two elements is decoration ("Follow 👉 me for more"): when the
        # shape cannot go on at the emoji, it goes on after it.
        found = _match_at(analysis, shape, index, position, limit, False)
        if found < 0:
            skipped = position + 1
            kinds = analysis.kinds
            while skipped < limit and kinds[skipped] == EMOJI:
                skipped += 1
            found = _match_at(analysis, shape, index, skipped, limit, False)
        return found
    element = elements[index]
    if element.sequences:
        ends = _group_ends(analysis, element, position, limit)
    elif element.high == 1:
        # One token or none (most elements): try it, then without it, with no list of ends.
        if position < limit and element.fits(analysis, position):
            found = _match_at(analysis, shape, index + 1, position + 1, limit)
            if found >= 0 or element.low == 1:
                return found
        elif element.low == 1:
            return -1
        return _match_at(analysis, shape, index + 1, position, limit)
    else:
        count = 0
        ends = [position] if element.low == 0 else []
        while count < element.high and position + count < limit and element.fits(analysis, position + count):
            count += 1
            if count >= element.low:
                ends.append(position + count)
    for end in reversed(ends):  # greedy first, then give back
        found = _match_at(analysis, shape, index + 1, end, limit)
        if found >= 0:
            return found
    return -1


def _group_ends(analysis: Analysis, element: Element, position: int, limit: int) -> list[int]:
    """Where ``low``..``high`` occurrences of a group may end, shortest first (as for tokens)."""
    if element.high == 1:
        once = [position + size for size in reversed(element.lengths(analysis, position, limit))]
        return [position, *once] if element.low == 0 else once
    ends = {position} if element.low == 0 else set()
    frontier = {position}
    for count in range(1, element.high + 1):
        frontier = {start + n for start in frontier for n in element.lengths(analysis, start, limit)}
        if not frontier:
            break
        if count >= element.low:
            ends |= frontier
    return sorted(ends)


def _guarded(analysis: Analysis, first: int, stop: int, prepared: Prepared) -> bool:
    """True when a shared guard or an ``unless`` shape says the match is fine."""
    number = analysis.sentence_at(first)
    begin, end = analysis.sentence_firsts[number], analysis.sentence_stops[number]
    norms = analysis.norms
    guards = prepared.guards
    if "question" in guards and number in analysis.questions:
        return True
    if "negation" in guards and _negated(norms, max(begin, first - 3), first, prepared.negation,
                                         prepared.nudges, prepared.visit_particles):
        return True
    if "commentary" in guards and not prepared.commentary.isdisjoint(norms[begin:end]):
        return True
    if "reported" in guards and _reported(norms, begin, first, prepared.reporting):
        return True
    return any(number in _unless_sentences(analysis, shape, prepared) for shape in prepared.unless)


def _negated(norms: Sequence[str], start: int, first: int, negation: frozenset[str],
             nudges: frozenset[str], visit_particles: frozenset[str]) -> bool:
    """True when a negation word just before the match denies it; one that negates a nudge
    (class ``nudge``: "don't forget to ...", "never hesitate to ...") is an imperative to do
    it, and "stop" before a ``visit-particle`` ("stop by") is an invitation to visit. The
    words are classes in ``rules/words.yaml``, so a pack can extend them."""
    if negation.isdisjoint(norms[start:first]):
        return False  # most matches: no negation word near, told in C
    return any(
        norms[i] in negation
        and not (i + 1 < first and norms[i + 1] in nudges)
        and not (norms[i] == "stop" and i + 1 < len(norms) and norms[i + 1] in visit_particles)
        for i in range(start, first)
    )


def _reported(norms: Sequence[str], begin: int, first: int, reporting: frozenset[str]) -> bool:
    """True when a reporting word before the match makes it someone's reported words; one
    after "to" is the writer's own voice ("happy to say", "needless to say", "I have to say")."""
    if reporting.isdisjoint(norms[begin:first]):
        return False  # most matches: no reporting word before, told in C
    return any(
        norms[i] in reporting and not (i > begin and norms[i - 1] == "to")
        for i in range(begin, first)
    )


def _unless_sentences(analysis: Analysis, shape: Shape, prepared: Prepared) -> frozenset[int]:
    """The sentences where an ``unless`` shape matches, found once per view: matching it
    over the whole view again for every hit made a long draft quadratic (a 1 MB draft spent
    44 s in one rule)."""
    key = ("unless-sentences", id(shape), prepared.preamble)
    found = analysis.cache.get(key)
    if not (isinstance(found, tuple) and found[0] is shape):
        sentences = frozenset(analysis.sentence_at(a) for a, _b in _matches(analysis, shape, prepared))
        found = analysis.cache[key] = (shape, sentences)
    return found[1]
