"""What a rule is once its YAML has been validated: plain, picklable data.

The common fields (code, name, kind, category, severity, scope, channels, message, why, fix,
examples) are the same for every kind, as Vale's ``Definition`` is embedded in every check; the
kind-specific keys live in :attr:`RuleSpec.options` and are validated by the kind itself.
"""

from __future__ import annotations

from typing import Any

from sociable import regex_cache
from sociable.records import Record, fill

CATEGORIES = (
    "engagement-bait",
    "generic-pitch",
    "no-personalization",
    "pitch-on-connect",
    "automation",
    "self-promotion",
    "tag-hijack",
    "repetition",
    "readability",
    "length",
    "grammar",
    "style",
)
#: The anti-social habits, the categories ``benchmarks/judgment.py`` measures.
JUDGMENT_CATEGORIES = CATEGORIES[:7]
SEVERITIES = ("error", "warning", "info")
FIX_ACTIONS = ("remove", "remove-sentence", "replace")
APPLICABILITIES = ("safe", "unsafe", "display")

CODE_RE = regex_cache.lazy(r"^[A-Z]{1,5}[0-9]{1,5}$")
NAME_RE = regex_cache.lazy(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

DOCS_URL = "https://github.com/sociable-lint/sociable/blob/main/docs/rules/{code}.md"


class FixSpec(Record):
    """How to fix what a rule matched; only ``safe`` fixes run under plain ``--fix``.

    A frozen :class:`~sociable.records.Record`, not a dataclass: every run imports this module,
    and generating a dataclass's methods cost that run about 0.3 ms here and 1.5-1.9 ms for
    :class:`RuleSpec` (docs/performance.md, phase 10d).
    """

    _frozen = True
    action: str
    replacement: str
    applicability: str
    description: str

    def __init__(self, action: str, replacement: str = "", applicability: str = "safe",
                 description: str = "") -> None:
        fill(self, action=action, replacement=replacement, applicability=applicability,
             description=description)


class RuleSpec(Record):
    """One validated rule from a pack: frozen plain data (a :class:`~sociable.records.Record`).

    ``options`` is left out of ``==`` and ``hash`` (it holds the kind's own keys and the word
    classes, and two specs are the same rule by their common fields), but not out of ``repr``:
    the results cache signs a run by its specs' ``repr`` (:func:`sociable.cache.run_fingerprint`),
    so a changed shape must change it.
    """

    _frozen = True
    _hidden = frozenset({"options"})
    _unshown = frozenset[str]()  # repr shows options: see the docstring
    code: str
    name: str
    kind: str
    category: str
    severity: str
    scope: str
    message: str
    why: str
    examples_bad: tuple[str, ...]
    examples_good: tuple[str, ...]
    pack: str
    source: str  # "path/to/pack.yaml:LINE" of the rule, for error messages and `explain`
    channels: tuple[str, ...]
    fix: FixSpec | None
    summary: str
    link: str
    enabled: bool
    unmask: tuple[str, ...]
    #: Codes of rules in other families that catch this rule's habit in the same words (a raw
    #: merge tag is "impersonal" and "a tool's error" at once): only such findings merge across
    #: families (:mod:`sociable.overlaps`). Two families on the same words are otherwise two
    #: habits, each with its own advice.
    same_habit: tuple[str, ...]
    options: dict[str, Any]

    def __init__(
        self, code: str, name: str, kind: str, category: str, severity: str, scope: str,
        message: str, why: str, examples_bad: tuple[str, ...], examples_good: tuple[str, ...],
        pack: str, source: str, channels: tuple[str, ...] = (), fix: FixSpec | None = None,
        summary: str = "", link: str = "", enabled: bool = True, unmask: tuple[str, ...] = (),
        same_habit: tuple[str, ...] = (), options: dict[str, Any] | None = None,
    ) -> None:
        fill(self, code=code, name=name, kind=kind, category=category, severity=severity,
             scope=scope, message=message, why=why, examples_bad=examples_bad,
             examples_good=examples_good, pack=pack, source=source, channels=channels, fix=fix,
             summary=summary, link=link, enabled=enabled, unmask=unmask, same_habit=same_habit,
             options={} if options is None else options)

    @property
    def url(self) -> str:
        return self.link or DOCS_URL.format(code=self.code)

    @property
    def one_line(self) -> str:
        """The summary, or the first sentence of ``why``: what ``sociable rules`` lists."""
        if self.summary:
            return self.summary
        return first_sentence(self.why)

    def applies_to(self, channel: str | None) -> bool:
        return not self.channels or channel in self.channels


_OPEN_QUOTES = {'"': '"', "\u201c": "\u201d"}
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Mr.", "Ms.", "Dr.")


def first_sentence(text: str) -> str:
    """The first sentence of ``text``: up to a ``.``, ``!`` or ``?`` that is followed by a
    space and a capital, and not inside a quotation, so a ``why`` that opens by quoting bait
    ("Thanks for connecting! Check out my...") keeps its quote whole."""
    text = " ".join(text.split())
    closing: str | None = None
    for index, char in enumerate(text):
        if closing is not None:
            if char == closing:
                closing = None
            continue
        if char in _OPEN_QUOTES:
            closing = _OPEN_QUOTES[char]
            continue
        if char in ".!?" and text[index + 1 : index + 2] == " ":
            following = text[index + 2 : index + 3]
            starts_sentence = following.isupper() or following in _OPEN_QUOTES
            if starts_sentence and not text[: index + 1].endswith(_ABBREVIATIONS):
                return text[: index + 1]
    return text
