"""``recipient``: flag a draft whose body never mentions the person it is addressed to.

A draft may say whom it is for (frontmatter ``to: {name, company, role}`` or ``to: "Name"``,
or an export's recipient columns; see :attr:`Document.recipient`). A name in the greeting is
what a mail merge fills in; personalization is the body talking about *them*: their first or
last name, their company, their role, or their work ("your talk on ...", "you wrote ...").
Drafts with no recipient are not checked.

Matching is case-insensitive and word-bounded, so possessives count ("Ana's talk",
"Acme’s pricing"); company names match with or without a legal suffix ("Acme" for
"Acme Inc."; "Acme, Inc." for "Acme") and with any spacing or punctuation between words.
First names that are also common words ("Will", "May", "Bill") must be capitalised to count.

Keys (besides the common ones):

* ``mention`` (list of text): which recipient details count as a mention; any of
  ``first-name``, ``last-name``, ``company``, ``role``, ``work`` (default all five).
* ``generic`` (list of text): words that, after "your", do not count as their work
  ("your time", "your business", "your inbox"). Any other "your <word>" counts ("your
  checkout", "your talk on ..."), as does "you <did something>" ("you wrote", "did you
  build"). Default: a list of such stock phrases (see ``DEFAULT_GENERIC``).
* ``min_words`` (int): drafts whose scope has fewer words are not checked (default 0).
* ``suffixes`` (list of text): legal suffixes ignored in company names (default: Inc, Ltd,
  LLC, GmbH, Corp, Co, PLC, AG, SA, SAS, BV, NV, Pty, Limited, Corporation, Company, LLP, SRL,
  SpA, AB, Oy, KK).

The finding covers the first line of the scope. Messages may use ``{recipient}``,
``{first_name}`` and ``{company}`` (common to all kinds) and ``{mentions}`` (what would
have counted, e.g. "Ana, Okafor or Acme").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sociable.kinds.base import Key, Kind, Rule, RuleError

if TYPE_CHECKING:
    from sociable.document import Document, Recipient
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec

DETAILS = ("first-name", "last-name", "company", "role", "work")

#: Words after "your" that say nothing about the person: every pitch uses them.
DEFAULT_GENERIC = (
    "time", "business", "company", "team", "inbox", "network", "needs", "goals", "day", "week",
    "weekend", "consideration", "attention", "schedule", "calendar", "thoughts", "feedback",
    "help", "input", "response", "reply", "email", "e-mail", "message", "profile", "background",
    "experience", "revenue", "sales", "growth", "customers", "clients", "industry", "career",
    "life", "success", "own", "way", "interest", "organization", "organisation", "role",
    "field", "area", "space", "niche", "brand", "bottom", "results", "roi", "behalf",
    "earliest", "convenience", "availability", "name", "current", "existing", "new", "next",
)
_DID = (
    r"\byou\s+(?:recently\s+|once\s+)?(?:wrote|write|said|shared|posted|built|build|spoke|presented"
    r"|launched|launch|published|mentioned|founded|started|led|lead|run|ran|designed|design|made"
    r"|make|created|tweeted|asked|answered|shipped|ship|handled|handle|decided|decide|chose"
    r"|choose|picked|pick|solved|solve|approached|approach|moved|hired|hire|raised|won)\b"
)

DEFAULT_SUFFIXES = (
    "Inc", "Ltd", "LLC", "GmbH", "Corp", "Co", "PLC", "AG", "SA", "SAS", "BV", "NV", "Pty",
    "Limited", "Corporation", "Company", "LLP", "SRL", "SpA", "AB", "Oy", "KK",
)

#: First names that are also everyday words: they count only when capitalised.
COMMON_WORD_NAMES = frozenset((
    "will", "may", "bill", "mark", "june", "april", "august", "grace", "hope", "joy", "faith",
    "rose", "lily", "ivy", "dawn", "summer", "autumn", "frank", "rich", "art", "pat", "sue",
    "guy", "chase", "hunter", "sky", "river", "rob", "don", "jack", "jay", "ray", "sandy",
    "penny", "amber", "crystal", "destiny", "patience", "page", "paige", "bob", "victor",
))

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_GAP = r"[\W_]{1,3}"


@dataclass(frozen=True)
class Prepared:
    details: frozenset[str]
    min_words: int
    suffixes: frozenset[str]
    work: re.Pattern[str] | None


class RecipientKind(Kind):
    name = "recipient"
    keys = {
        "mention": Key((list,), f"recipient details that count: {', '.join(DETAILS)}", default=list(DETAILS)),
        "min_words": Key((int,), "drafts with fewer words are not checked", default=0),
        "suffixes": Key((list,), "legal suffixes ignored in company names", default=list(DEFAULT_SUFFIXES)),
        "generic": Key((list,), "words that after 'your' do not count as their work", default=list(DEFAULT_GENERIC)),
    }
    message_fields = ("mentions",)

    def prepare(self, spec: RuleSpec) -> Prepared:
        options = spec.options
        details = options.get("mention") or list(DETAILS)
        unknown = [d for d in details if d not in DETAILS]
        if unknown or not all(isinstance(d, str) for d in details):
            raise RuleError(
                f"'mention' can only list {', '.join(DETAILS)}; got {unknown or details!r}", key="mention"
            )
        min_words = options.get("min_words") or 0
        if min_words < 0:
            raise RuleError("'min_words' must be 0 or more", key="min_words")
        suffixes = options.get("suffixes")
        suffixes = DEFAULT_SUFFIXES if suffixes is None else suffixes
        if not all(isinstance(s, str) and s.strip() for s in suffixes):
            raise RuleError("'suffixes' must be a list of non-empty words", key="suffixes")
        generic = options.get("generic")
        generic = DEFAULT_GENERIC if generic is None else generic
        if not all(isinstance(w, str) and w.strip() for w in generic):
            raise RuleError("'generic' must be a list of non-empty words", key="generic")
        work_regex = None
        if "work" in details:
            stock = "|".join(re.escape(w.strip()) for w in sorted(generic, key=len, reverse=True))
            work_regex = re.compile(rf"\byour\s+(?!(?:{stock})(?![^\W_]))[^\W\d_]{{2,}}|{_DID}", re.I)
        return Prepared(
            frozenset(details), int(min_words), frozenset(s.strip(" .,").lower() for s in suffixes),
            work_regex,
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        recipient = doc.recipient
        if recipient is None:
            return
        prepared: Prepared = rule.prepared
        regexes = mention_patterns(recipient, prepared)
        if not regexes:
            return
        view = doc.reading(rule.spec.scope, rule.spec.unmask)
        if len(_WORD.findall(view)) < max(1, prepared.min_words):
            return
        if any(regex.search(view) for regex in regexes):
            return
        start = len(view) - len(view.lstrip())
        line_end = view.find("\n", start)
        end = line_end if line_end != -1 else len(view.rstrip())
        yield rule.finding(doc, start, max(start + 1, end), fix=None, mentions=describe(recipient, prepared))


def company_core(company: str, suffixes: frozenset[str]) -> list[str]:
    """The words of a company name without a leading "The" and trailing legal suffixes."""
    words = _WORD.findall(company)
    while words and words[-1].strip(".").lower() in suffixes and len(words) > 1:
        words.pop()
    if len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    return words


def _words_regex(words: list[str], capitalised: bool = False) -> re.Pattern[str]:
    """Words in order, any spacing or punctuation between them, word-bounded."""
    parts = [re.escape(word) for word in words]
    if capitalised:  # "Will" the person, not "will" the verb
        parts[0] = f"(?-i:{re.escape(words[0][0].upper())}){re.escape(words[0][1:])}"
    body = _GAP.join(parts)
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE)


def mention_patterns(recipient: Recipient, prepared: Prepared) -> list[re.Pattern[str]]:
    """One regex per detail of the recipient that counts as a mention."""
    regexes: list[re.Pattern[str]] = []
    names = [w for w in _WORD.findall(recipient.name) if len(w.strip(".")) > 1]
    if names and "first-name" in prepared.details:
        first = names[0]
        regexes.append(_words_regex([first], capitalised=first.lower() in COMMON_WORD_NAMES))
    if len(names) > 1 and "last-name" in prepared.details:
        regexes.append(_words_regex([names[-1]]))
    if recipient.company and "company" in prepared.details:
        core = company_core(recipient.company, prepared.suffixes)
        if core:
            regexes.append(_words_regex(core))
    if recipient.role and "role" in prepared.details:
        role = _WORD.findall(recipient.role)
        if role:
            regexes.append(_words_regex(role))
    if prepared.work is not None:
        regexes.append(prepared.work)
    return regexes


def describe(recipient: Recipient, prepared: Prepared) -> str:
    """The details that would have counted, for the message: "Ana, Okafor or Acme"."""
    parts: list[str] = []
    names = [w for w in _WORD.findall(recipient.name) if len(w.strip(".")) > 1]
    if names and "first-name" in prepared.details:
        parts.append(names[0])
    if len(names) > 1 and "last-name" in prepared.details:
        parts.append(names[-1])
    if recipient.company and "company" in prepared.details:
        parts.append(" ".join(company_core(recipient.company, prepared.suffixes)))
    if recipient.role and "role" in prepared.details:
        parts.append(recipient.role)
    if "work" in prepared.details:
        parts.append("their work")
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]
