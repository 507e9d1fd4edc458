"""``grammar``: grammar, spelling and punctuation from the run's grammar backend.

One kind, several backends (:mod:`sociable.grammar`): Harper in process by default, or
LanguageTool when a server is named, or any backend a plugin registers through
``sociable_grammar_backends``. The run's configuration picks the backend
(``grammar-backend``); a rule says, per backend, which of its findings it reports, so the
same code (``GR101`` grammar) means the same thing whichever backend found it.

How it works, and why:

* One backend call per draft, shared by every rule of this kind: the scope's view (masked
  regions and everything outside the scope blanked to spaces) goes to the backend, which
  keeps the answer. Blanking keeps offsets aligned with the file; matches that touch a
  blanked region (code, links, quotes, frontmatter) or a ``#hashtag`` / ``@mention`` are
  dropped, so what sociable masks is never checked and, for a server, never sent.
* A draft is read up to ``grammar-max-characters`` (default 20,000): whole paragraphs, in
  order, while they end within that many characters of the view. Grammar costs tens of
  microseconds a character, so on a huge draft a time budget decided how much was read and
  the findings changed with the machine's speed; a limit in characters gives the same
  findings everywhere. When text is left unread the kind raises
  :class:`~sociable.kinds.base.Incomplete` after its findings, and the run exits 2.
* A backend that cannot run (a server down, Harper missing) raises
  :class:`~sociable.kinds.base.Unavailable` with one line; the engine reports it once.

Keys (besides the common ones):

* ``backends`` (table): for each backend name, which of its matches this rule reports:
  ``categories`` (the backend's category ids: LanguageTool's ``GRAMMAR``, ``TYPOS``, ...;
  Harper's lint kinds ``Agreement``, ``Spelling``, ...; empty means all), ``exclude_categories``,
  ``rules`` (rule ids reported whatever their category) and ``ignore_rules`` (never reported).
  Ids compare case-insensitively. A backend the rule does not list reports nothing for it.
* ``skip_names`` (bool): skip matches on words with a capital letter or a digit and on the
  recipient's name, company and role, which spell checkers take for typos (default false).
* ``min_length`` (int) and ``max_edits`` (int): for spelling, report a word only when it has at
  least ``min_length`` letters and the backend's first suggestion is at most ``max_edits``
  edits away (a swap of two letters is one edit). "recieve" -> "receive" is a typo; a word the
  dictionary lacks ("immunotherapy" -> "hypnotherapy", "dbt") is not a typo to report.
* ``regional_spellings`` (bool): for spelling, accept a word that is the British or
  Commonwealth spelling of the suggestion ("centre", "colour", "organise", "travelled",
  "cheque"): outreach crosses borders, and a writer's own spelling is not a typo.
* ``max_findings`` (int): report at most this many matches per draft (default 20).

Messages may use ``{grammar_message}`` (the backend's explanation), ``{grammar_rule}`` (its rule
id), ``{grammar_category}``, ``{backend}`` (``Harper``, ``LanguageTool``) and ``{suggestion}``
(the first replacement, or nothing). Each finding's fix replaces the match with the first
replacement: ``safe`` when it only changes spacing, ``unsafe`` otherwise; all replacements,
the backend and its rule id are in the finding's ``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sociable.findings import Applicability, Edit, Fix
from sociable.kinds.base import Incomplete, Key, Kind, Rule, RuleError, Unavailable

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.grammar.base import GrammarBackend, GrammarMatch
    from sociable.packs.schema import RuleSpec

SELECTION_KEYS = ("categories", "exclude_categories", "rules", "ignore_rules")


@dataclass(frozen=True)
class Selection:
    """Which of one backend's matches a rule reports (ids case-folded)."""

    categories: frozenset[str]
    exclude_categories: frozenset[str]
    rules: frozenset[str]
    ignore_rules: frozenset[str]

    def wants(self, match: GrammarMatch) -> bool:
        rule_id, category = match.rule_id.casefold(), match.category.casefold()
        if rule_id in self.ignore_rules:
            return False
        if rule_id in self.rules:
            return True
        if self.categories and category not in self.categories:
            return False
        return category not in self.exclude_categories


@dataclass(frozen=True)
class Prepared:
    selections: dict[str, Selection]
    skip_names: bool
    max_findings: int
    min_length: int = 0
    max_edits: int | None = None
    regional_spellings: bool = False


def _id_set(values: object, key: str) -> frozenset[str]:
    if values is None:
        return frozenset()
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise RuleError(f"{key!r} must be a list of rule or category ids", key="backends")
    return frozenset(v.strip().casefold() for v in values)


def _selections(raw: object) -> dict[str, Selection]:
    if not isinstance(raw, dict) or not raw:
        raise RuleError("'backends' must be a table of backend name -> selection", key="backends")
    out = {}
    for name, block in raw.items():
        block = block or {}
        if not isinstance(block, dict):
            raise RuleError(f"backends.{name} must be a table", key="backends")
        unknown = sorted(set(block) - set(SELECTION_KEYS))
        if unknown:
            raise RuleError(
                f"backends.{name}: unknown key {unknown[0]!r}; use {', '.join(SELECTION_KEYS)}",
                key="backends",
            )
        out[str(name)] = Selection(*(_id_set(block.get(k), f"backends.{name}.{k}")
                                     for k in SELECTION_KEYS))
    return out


class Grammar(Kind):
    name = "grammar"
    keys = {
        "backends": Key((dict,), "per backend: categories, exclude_categories, rules, ignore_rules",
                        required=True),
        "skip_names": Key((bool,), "skip matches on names, brands and the recipient's details"),
        "min_length": Key((int,), "only words of at least this many letters"),
        "max_edits": Key((int,), "only when the first suggestion is this many edits away"),
        "regional_spellings": Key((bool,), "accept British and Commonwealth spellings"),
        "max_findings": Key((int,), "at most this many findings per draft", default=20),
    }
    message_fields = ("grammar_message", "grammar_rule", "grammar_category", "backend",
                      "suggestion")

    def prepare(self, spec: RuleSpec) -> Prepared:
        options = spec.options
        max_findings = int(options.get("max_findings") or 20)
        if max_findings < 1:
            raise RuleError("'max_findings' must be 1 or more", key="max_findings")
        min_length, max_edits = options.get("min_length"), options.get("max_edits")
        for key, value in (("min_length", min_length), ("max_edits", max_edits)):
            if value is not None and value < 0:
                raise RuleError(f"{key!r} must be 0 or more", key=key)
        return Prepared(
            _selections(options.get("backends")), bool(options.get("skip_names")), max_findings,
            int(min_length or 0), None if max_edits is None else int(max_edits),
            bool(options.get("regional_spellings")),
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        from sociable.grammar.base import character_limit, checked_end, choose

        backend = choose(rule.settings)
        if backend is None or backend.name not in rule.prepared.selections:
            return
        if not backend.usable(rule.settings):
            raise Unavailable(
                f"grammar rules are skipped for this run: {backend.setup_hint(rule.settings)}"
            )
        view = doc.view(rule.spec.scope, rule.spec.unmask)
        if not view or view.isspace():  # (not view.strip(): a copy of a 20 MB view)
            return
        limit = character_limit(rule.settings)
        end = checked_end(view, limit)
        read = view if end == len(view) else view[:end]
        if read and not read.isspace():
            yield from self._findings(doc, rule, backend, view, read)
        if end < len(view):  # (checked_end: then text follows that was not read)
            raise Incomplete(
                f"read the first {end:,} characters of this draft, the paragraphs that end within "
                f"grammar-max-characters = {limit}"
            )

    def _findings(
        self, doc: Document, rule: Rule, backend: GrammarBackend, view: str, read: str
    ) -> Iterator[Finding]:
        """The rule's findings in ``read``, the part of ``view`` the backend is given."""
        prepared: Prepared = rule.prepared
        selection = prepared.selections[backend.name]
        count = 0
        for match in backend.check(read, rule.settings):
            if not selection.wants(match) or _hidden(doc, view, match):
                continue
            if prepared.skip_names and _looks_like_name(doc, match):
                continue
            if not _confident(doc.text[match.start:match.end], match, prepared):
                continue
            yield _finding(doc, rule, backend, match)
            count += 1
            if count >= prepared.max_findings:
                return

    # --- what the CLI and ``explain`` ask the kind -----------------------------------------

    def setup_hint(self, codes: Sequence[str], settings: Mapping[str, Any]) -> str | None:
        """One line on how to get grammar, when the user asked for its rules by code.

        With no usable backend, rules of this kind are silently off, unless the user picked
        some of them by code (``codes``: ``--select GR``, ``extend-select = ["GR101"]``) or
        ``grammar-backend`` names a backend that cannot run.
        """
        from sociable.grammar.base import OFF, SETTING, backends, choose

        wanted = settings.get(SETTING)
        if wanted == OFF:
            return None
        backend = choose(settings)
        if backend is not None and backend.usable(settings):
            return None
        if wanted and backend is None:
            names = ", ".join(sorted([*backends(), OFF]))
            return f"grammar-backend = {wanted!r} is not a grammar backend; use one of: {names}"
        if backend is not None:
            return f"{backend.setup_hint(settings)}"
        if not codes:
            return None
        return (
            f"{', '.join(codes)} need a grammar backend: install Harper (pip install harper-py) "
            "for offline checks, or name a LanguageTool server with --languagetool URL, "
            "languagetool = \"http://localhost:8081\" or SOCIABLE_LANGUAGETOOL_URL "
            "(see docs/grammar.md)"
        )

    def explain_note(self, spec: RuleSpec, settings: Mapping[str, Any]) -> str:
        """Which backend finds this rule's matches in this configuration, for ``explain``."""
        from sociable.grammar.base import SETTING, choose

        backend = choose(settings)
        listed = ", ".join(sorted(self.prepare(spec).selections))
        if backend is None:
            why = "grammar-backend = \"off\"" if settings.get(SETTING) == "off" else (
                "no backend is usable: install harper-py or name a LanguageTool server"
            )
            return f"Backend: none in this configuration ({why}). Backends this rule reads: {listed}."
        state = "" if backend.usable(settings) else f" (cannot run: {backend.setup_hint(settings)})"
        reads = "" if backend.name in self.prepare(spec).selections else (
            f"; this rule lists no {backend.name} findings, so it finds nothing with it"
        )
        return (
            f"Backend: {backend.describe(settings)}{state}{reads}. Backends this rule reads: "
            f"{listed}. Choose with grammar-backend = \"harper\" | \"languagetool\" | \"off\". "
            "Fixes: the backend's first suggestion (safe only when it changes spacing alone)."
        )


def _hidden(doc: Document, view: str, match: GrammarMatch) -> bool:
    """True when a match touches text the view blanked (a mask or outside the scope).

    A blanked character is one the view shows as a space where the text has something else;
    a match of only spaces (a "repeated whitespace" where a link was) is also judged by its
    neighbours. Hashtags and @mentions count as blanked too.
    """
    text = doc.text
    start, end = match.start, match.end
    if start < 0 or end > len(text) or start > end or (start == end and start >= len(text)):
        return True
    if not view[start:end].strip():
        start, end = max(0, start - 1), min(len(text), end + 1)
    if view[start:end] != text[start:end]:  # a character blanked (compared in C)
        return True
    word_start = match.start
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] in "_-"):
        word_start -= 1
    return word_start > 0 and text[word_start - 1] in "#@"


def _looks_like_name(doc: Document, match: GrammarMatch) -> bool:
    flagged = doc.text[match.start:match.end]
    if any(c.isupper() or c.isdigit() for c in flagged):
        return True  # names, brands, product names, acronyms, versions
    recipient = doc.recipient
    details = (recipient.name, recipient.company, recipient.role) if recipient else ()
    words = {w.casefold() for detail in details for w in re.findall(r"\w+", detail)}
    return any(w.casefold() in words for w in re.findall(r"\w+", flagged))


def _confident(flagged: str, match: GrammarMatch, prepared: Prepared) -> bool:
    """Whether a spelling match looks like a typo of a known word (``min_length``,
    ``max_edits``), rather than a word the backend's dictionary lacks."""
    if len(flagged) < prepared.min_length:
        return False
    if prepared.max_edits is None:
        return True
    if not match.replacements:
        return False
    return _near(flagged.casefold(), match.replacements[0].casefold(), prepared.max_edits,
                 prepared.regional_spellings)


@lru_cache(maxsize=4096)
def _near(word: str, first: str, max_edits: int, regional_spellings: bool) -> bool:
    """Whether ``first`` (the first suggestion) is a typo's fix for ``word``: a pure function
    of its arguments, kept per process because an editor's re-lint meets the same misspelt
    words and suggestions on every keystroke (the edit distance was most of the kind's own
    time there)."""
    if re.sub(r"[\s-]", "", first) == word:
        return False  # "realtime" -> "real time": a compound people write closed
    if regional_spellings and regional_variant(word, first):
        return False
    return edits(word, first) <= max_edits


#: British and Commonwealth spellings rewritten the American way, applied in order.
_TO_AMERICAN = (
    (re.compile(r"(?<=[^aeiou])re(s|d)?$"), r"er\1"),  # centre, theatres, centred
    (re.compile(r"our(?=s?$|ed$|ing$|ite|able|ful|less|er)"), "or"),  # colour, favourite
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),  # organise, realisation
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"([lp])\1(ed|ing|er|ers)$"), r"\1\2"),  # travelled, worshipping
    (re.compile(r"ss(ed|es|ing)$"), r"s\1"),  # focussed
    (re.compile(r"que$"), "ck"),  # cheque
    (re.compile(r"ogue$"), "og"),  # catalogue
    (re.compile(r"ence$"), "ense"),  # licence, defence
    (re.compile(r"ae|oe(?=[a-z])"), "e"),  # paediatric, manoeuvre
)


def regional_variant(word: str, suggestion: str) -> bool:
    """Whether ``word`` is a British or Commonwealth spelling of ``suggestion``."""
    american = word
    for pattern, replacement in _TO_AMERICAN:
        american = pattern.sub(replacement, american)
        if american == suggestion:
            return True
    return False


def edits(a: str, b: str) -> int:
    """Edit distance where a swap of neighbours counts one (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


@lru_cache(maxsize=4096)
def _message(raw: str) -> str:
    """The backend's message with its markup as plain quotes (kept per process, as
    :func:`_near`: the same few messages come back on every re-lint)."""
    message = re.sub(r"</?suggestion>", '"', raw)  # LanguageTool's older markup
    return re.sub(r"`([^`]*)`", r'"\1"', message)  # Harper's Markdown code marks


def _finding(doc: Document, rule: Rule, backend: GrammarBackend, match: GrammarMatch) -> Finding:
    fix = None
    if match.replacements:
        first = match.replacements[0]
        original = doc.text[match.start:match.end]
        spacing_only = re.sub(r"\s+", "", first) == re.sub(r"\s+", "", original)
        fix = Fix(
            (Edit(match.start, match.end, first),),
            Applicability.SAFE if spacing_only else Applicability.UNSAFE,
            f"Replace with {first!r} ({backend.label} {match.rule_id})",
        )
    extra: dict[str, Any] = {
        "grammar_backend": backend.name,
        "grammar_rule": match.rule_id,
        "grammar_category": match.category,
        "replacements": list(match.replacements),
    }
    return rule.finding(
        doc, match.start, max(match.end, match.start), fix=fix, extra=extra,
        grammar_message=_message(match.message), grammar_rule=match.rule_id, grammar_category=match.category,
        backend=backend.label, suggestion=match.replacements[0] if match.replacements else "",
    )
