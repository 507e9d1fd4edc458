"""Harper, in process: grammar and spelling with no server, no Java and no network.

Harper (``harper-py``, Automattic's Rust grammar checker) ships its dictionary in the wheel.
Why it is used the way it is:

* Building a ``Linter`` loads the dictionary (about a second) and its first lints fill lazy
  tables (a second or two more), so each process builds one linter per dialect, on first use,
  and warms it on a short text. That set-up is not charged to the draft that happens to come
  first: the engine's per-rule time limit is paused while it runs. The CLI therefore pays it
  only when a grammar rule runs; the language server pays it once.
* The view is linted paragraph by paragraph, and each paragraph's lints are kept (keyed by
  its text). Harper reads sentences, which never cross a blank line, so the result does not
  depend on the cache; an editor re-lint after one keystroke re-reads one paragraph.
* The last view's matches are kept whole as well: the grammar rules (GR101-GR103) each ask
  for the same view, so the second and third ask cost a comparison, not a split of the view
  and a shifted copy of every paragraph's matches.
* The view is plain text to Harper: sociable has already blanked what the author quotes, so
  Markdown parsing would only turn blanked indentation into "code".
* A few Harper rules are switched off for every rule, because the view's blanking creates
  what they look for (runs of spaces where a link was), or because they judge the look of a
  line rather than its grammar (:data:`OFF`). Which of the rest a rule reports is data: the
  rule's ``backends: {harper: ...}`` block in ``rules/grammar.yaml``.
* Harper's spell checker reads lower-case words only, each once per process, in one call per
  batch, by a second linter that runs nothing else: working out suggestions for a word it does not
  know takes Harper tens of milliseconds, and social text is full of names, brands and handles
  (capitalised, with digits, after ``#`` or ``@``) that are not typos to report anyway. The
  grammar rules read the whole paragraph with the spell checker off.
* A ``Linter`` is not thread-safe (a concurrent call raises), so calls are serialised.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any

from sociable.grammar.base import GrammarBackend, GrammarMatch, untimed
from sociable.kinds.base import Unavailable

#: Harper rules no grammar rule wants on a draft's view (see the module docstring).
OFF = (
    "Spaces",  # a blanked link or code span is a run of spaces
    "NoFrenchSpaces",  # the same, after a full stop
    "LongSentences",  # length belongs to the readability rules
    "SentenceCapitalization",  # a lower-case chat line is a choice ("hey dana")
    "OrthographicConsistency",  # "Sam" vs "sam" across a draft is a name, not a mistake
)

#: Language codes Harper knows, as ``harper.Dialect`` member names.
DIALECTS = {"en": "AMERICAN", "en-us": "AMERICAN", "en-gb": "BRITISH", "en-au": "AUSTRALIAN",
            "en-ca": "CANADIAN", "en-in": "INDIAN"}

SPELL_CHECK = "SpellCheck"

#: Words the spell checker reads: lower case only, not part of a hashtag, handle, name,
#: brand or version (see the module docstring).
_LOWER_WORD = re.compile(r"(?<![\w#@'’.])[a-z]+(?:['’][a-z]+)*(?![\w@'’]|\.[a-z])")  # not in a domain

#: A warm-up text with a typo and common words, so the first real draft is fast.
WARM_UP = "Hi Dana, thanks for the recomendation. I could of asked their team about a apple."

CACHE_SIZE = 2048  # paragraphs; a few hundred drafts' worth
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def installed() -> bool:
    """Whether ``harper-py`` can be imported, without importing it."""
    from importlib.util import find_spec

    return find_spec("harper") is not None


def _dialect_key(settings: Mapping[str, Any]) -> str | None:
    language = str(settings.get("language") or "en-US").lower()
    return DIALECTS.get(language)


_LINTERS: dict[str, Any] = {}
_WORDS: dict[tuple[str, str], tuple[str, tuple[str, ...]] | None] = {}  # spelling verdicts
WORDS_SIZE = 50_000


class HarperBackend(GrammarBackend):
    name = "harper"
    label = "Harper"

    def __init__(self, linters: dict[str, Any] | None = None) -> None:
        # Linters are per process, not per backend object: the language server reloads its
        # configuration (and so its plugins) without paying for a new dictionary.
        self._linters = _LINTERS if linters is None else linters
        self._words: dict[tuple[str, str], tuple[str, tuple[str, ...]] | None] = (
            _WORDS if linters is None else {}
        )
        self._cache: OrderedDict[tuple[str, str], tuple[GrammarMatch, ...]] = OrderedDict()
        self._last: tuple[str, str, tuple[GrammarMatch, ...]] | None = None  # dialect, view
        self._lock = threading.Lock()
        self.linted = 0  # paragraphs Harper actually read (tests and benchmarks count them)

    def usable(self, settings: Mapping[str, Any]) -> bool:
        return installed()

    def automatic(self, settings: Mapping[str, Any]) -> bool:
        return True

    def describe(self, settings: Mapping[str, Any]) -> str:
        version = _version()
        return f"Harper (harper-py {version}, in process, offline)"

    def setup_hint(self, settings: Mapping[str, Any]) -> str:
        return "Harper is not installed: pip install harper-py (or pip install 'sociable[grammar]')"

    def check(self, text: str, settings: Mapping[str, Any]) -> list[GrammarMatch]:
        dialect = _dialect_key(settings)
        if dialect is None:
            raise Unavailable(
                f"Harper checks English only, not language {settings.get('language')!r}; grammar "
                "rules are skipped for this run. Name a LanguageTool server for other languages "
                "(see docs/grammar.md) or set grammar-backend = \"off\"."
            )
        with self._lock:
            last = self._last
            if last is not None and last[0] == dialect and last[1] == text:
                return list(last[2])
            found = self._check(dialect, text)
            self._last = (dialect, text, tuple(found))
        return found

    def _check(self, dialect: str, text: str) -> list[GrammarMatch]:
        """Every paragraph's matches, shifted to its place in ``text`` (lock held)."""
        found: list[GrammarMatch] = []
        start = 0
        for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
            end = brk.start() if brk else len(text)
            paragraph = text[start:end]
            if paragraph.strip():
                found.extend(_shifted(self._paragraph(dialect, paragraph), start))
            if brk:
                start = brk.end()
        return found

    def clear_cache(self) -> None:
        """Forget linted paragraphs and spelling verdicts (benchmarks time a cold re-read with
        a warm linter, or a typing session that has not seen its words before)."""
        with self._lock:
            self._cache.clear()
            self._words.clear()
            self._last = None

    def linter(self, dialect: str, mode: str = "grammar") -> Any:
        """The process's linter for ``dialect`` and ``mode`` ("grammar": every chosen rule but
        the spell checker; "spelling": the spell checker alone), built and warmed on first use.

        Two linters rather than one reconfigured: changing a linter's rules drops what Harper
        keeps between calls, which is what makes a re-lint after a keystroke cheap.
        """
        key = dialect if mode == "grammar" else f"{dialect}:{mode}"
        linter = self._linters.get(key)
        if linter is None:
            try:
                import harper
            except ImportError as exc:
                raise Unavailable(
                    f"Harper cannot be loaded ({exc}); grammar rules are skipped for this run. "
                    "Install it with pip install harper-py, or set grammar-backend = \"off\"."
                ) from None
            with untimed():
                linter = harper.Linter(getattr(harper.Dialect, dialect))
                defaults = linter.get_default_lint_config()
                config: dict[str, bool | None]
                if mode == "spelling":
                    config = {name: name == SPELL_CHECK for name in defaults}
                else:
                    config = {name: on and name not in OFF and name != SPELL_CHECK
                              for name, on in defaults.items()}
                linter.set_lint_config(config)
                linter.lint(WARM_UP, language="plaintext")
            self._linters[key] = linter
        return linter

    def _paragraph(self, dialect: str, paragraph: str) -> tuple[GrammarMatch, ...]:
        key = (dialect, paragraph)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        linter = self.linter(dialect)
        self.linted += 1
        matches = []
        for rule_id, lints in linter.organized_lints(paragraph, language="plaintext").items():
            for lint in lints:
                span = lint.span
                if rule_id == "AnA" and _before_capitals(paragraph, span.end):
                    continue
                matches.append(GrammarMatch(
                    span.start, span.end, str(lint.message), str(rule_id), str(lint.lint_kind),
                    _replacements(lint),
                ))
        candidates = [(m.start(), m.group()) for m in _LOWER_WORD.finditer(paragraph)]
        self._spell(dialect, {word for _, word in candidates})
        for start, word in candidates:
            verdict = self._words.get((dialect, word))
            if verdict is not None:
                message, replacements = verdict
                matches.append(GrammarMatch(start, start + len(word), message, SPELL_CHECK,
                                            "Spelling", replacements))
        matches.sort(key=lambda m: (m.start, m.end, m.rule_id))
        result = tuple(matches)
        self._cache[key] = result
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return result


    def _spell(self, dialect: str, words: set[str]) -> None:
        """Spelling verdicts for words not seen before, one Harper call for all of them."""
        new = sorted(w for w in words if (dialect, w) not in self._words)
        if not new:
            return
        if len(self._words) > WORDS_SIZE:
            self._words.clear()
        speller = self.linter(dialect, "spelling")
        starts: dict[int, str] = {}
        position = 0
        for word in new:
            starts[position] = word
            position += len(word) + 1
        for word in new:
            self._words[(dialect, word)] = None
        for lint in speller.lint("\n".join(new), language="plaintext"):
            flagged = starts.get(lint.span.start)
            if flagged is not None and lint.problem_text == flagged:
                self._words[(dialect, flagged)] = (str(lint.message), _replacements(lint))


_NEXT_WORD = re.compile(r"\s*([\w-]+)")


def _before_capitals(text: str, end: int) -> bool:
    """Whether the article's next word is an acronym or in capitals ("a SW engineer", "a FREE
    call"): "a" or "an" then depends on how it is read aloud, which Harper cannot know."""
    match = _NEXT_WORD.match(text, end)
    word = match.group(1) if match else ""
    return sum(1 for c in word if c.isupper()) >= 2


def _shifted(matches: tuple[GrammarMatch, ...], offset: int) -> Iterator[GrammarMatch]:
    for m in matches:
        yield GrammarMatch(m.start + offset, m.end + offset, m.message, m.rule_id, m.category,
                           m.replacements)


def _replacements(lint: Any) -> tuple[str, ...]:
    """Harper's suggestions as replacement texts for the flagged span."""
    out = []
    for suggestion in lint.suggestions[:5]:
        kind = int(suggestion.kind)
        if kind == 1:  # REMOVE
            out.append("")
        elif kind == 2:  # INSERT_AFTER
            out.append(lint.problem_text + suggestion.replacement_text)
        else:
            out.append(suggestion.replacement_text)
    return tuple(out)


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("harper-py")
    except metadata.PackageNotFoundError:
        return "not installed"
