"""``languagetool``: grammar, spelling and punctuation from a LanguageTool server the user names.

The server comes from ``--languagetool URL``, the configuration's ``languagetool`` or the
``SOCIABLE_LANGUAGETOOL_URL`` environment variable; with none, rules of this kind do nothing.
Nothing is ever downloaded and no other address is contacted.

How it works, and why:

* One request per draft, shared by every rule of this kind: the scope's view (masked regions
  and everything outside the scope blanked to spaces) is POSTed to ``/v2/check`` and the
  answer is kept for the next rule. Blanking keeps offsets aligned with the file; matches that
  touch a blanked region (code, links, quotes, frontmatter, hashtags) are dropped.
* LanguageTool counts offsets in UTF-16 code units (it is Java); they are converted to code
  points, so a match after an emoji lands on the right column.
* Plain ``http.client`` rather than ``language_tool_python``: that library waits up to 300 s
  and retries, without a separate connect timeout, and imports ``requests``. Here each process
  keeps one keep-alive connection per server, connects with a 2 s timeout, and asks
  ``/v2/languages`` once to check the server and the language.
* A server that is down, slow or not LanguageTool raises :class:`Unavailable` with one line
  naming LanguageTool and the URL; the process then makes no further attempt and every later
  draft gets the same line (so the CLI prints it once and no result without grammar is cached).

Keys (besides the common ones):

* ``categories`` (list of text): LanguageTool category ids to report (``GRAMMAR``, ``TYPOS``,
  ``PUNCTUATION``, ``STYLE``, ...); empty or absent means every category.
* ``exclude_categories`` (list of text): category ids never reported by this rule.
* ``rules`` (list of text): LanguageTool rule ids this rule reports whatever their category
  (LanguageTool files some rules under ``MISC``, e.g. ``DOUBLE_PUNCTUATION``).
* ``ignore_rules`` (list of text): LanguageTool rule ids never reported (``WHITESPACE_RULE``).
* ``skip_names`` (bool): skip matches on capitalised words and the recipient's name and company,
  which spell checkers take for typos (default false).
* ``max_findings`` (int): report at most this many matches per draft (default 20).

Messages may use ``{lt_message}`` (LanguageTool's explanation), ``{lt_rule}`` (its rule id),
``{lt_category}`` and ``{suggestion}`` (the first replacement, or nothing). Each finding's fix
replaces the match with LanguageTool's first replacement: ``safe`` when the replacement only
changes spacing, ``unsafe`` otherwise; all replacements are in the finding's ``extra``.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from sociable.findings import Applicability, Edit, Fix
from sociable.kinds.base import Key, Kind, Rule, RuleError, Unavailable

if TYPE_CHECKING:
    import http.client

    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec

CONNECT_TIMEOUT = 2.0  # seconds; a server that is not there must not hold up the run
READ_TIMEOUT = 10.0  # the engine's per-rule time limit usually ends a slow answer sooner
MAX_REPLACEMENTS = 5
SETTING = "languagetool"


@dataclass(frozen=True)
class LtMatch:
    """One LanguageTool match, offsets already in code points of the text sent."""

    start: int
    end: int
    message: str
    rule_id: str
    category: str
    replacements: tuple[str, ...]


@dataclass(frozen=True)
class Prepared:
    categories: frozenset[str]
    exclude_categories: frozenset[str]
    rules: frozenset[str]
    ignore_rules: frozenset[str]
    skip_names: bool
    max_findings: int


def _upper_set(values: object, key: str) -> frozenset[str]:
    if values is None:
        return frozenset()
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise RuleError(f"{key!r} must be a list of LanguageTool ids", key=key)
    return frozenset(v.strip().upper() for v in values)


class LanguageTool(Kind):
    name = "languagetool"
    keys = {
        "categories": Key((list,), "LanguageTool category ids to report (default: all)"),
        "exclude_categories": Key((list,), "LanguageTool category ids not to report"),
        "rules": Key((list,), "LanguageTool rule ids to report whatever their category"),
        "ignore_rules": Key((list,), "LanguageTool rule ids not to report"),
        "skip_names": Key((bool,), "skip matches on capitalised words and the recipient's name"),
        "max_findings": Key((int,), "at most this many findings per draft", default=20),
    }
    message_fields = ("lt_message", "lt_rule", "lt_category", "suggestion")
    needs_setting = SETTING

    def setup_hint(self, codes: Sequence[str], settings: Mapping[str, Any]) -> str | None:
        """How to configure LanguageTool, when its rules were asked for by code but no
        server is named (unset, they are silently off)."""
        if settings.get(SETTING) or not codes:
            return None
        return _hint(codes)

    def prepare(self, spec: RuleSpec) -> Prepared:
        options = spec.options
        max_findings = int(options.get("max_findings") or 20)
        if max_findings < 1:
            raise RuleError("'max_findings' must be 1 or more", key="max_findings")
        return Prepared(
            _upper_set(options.get("categories"), "categories"),
            _upper_set(options.get("exclude_categories"), "exclude_categories"),
            _upper_set(options.get("rules"), "rules"),
            _upper_set(options.get("ignore_rules"), "ignore_rules"),
            bool(options.get("skip_names")),
            max_findings,
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        url = rule.settings.get(SETTING)
        if not url:
            return
        prepared: Prepared = rule.prepared
        language = str(rule.settings.get("language") or "en-US")
        view = doc.view(rule.spec.scope, rule.spec.unmask)
        if not view.strip():
            return
        from sociable.regex_guard import RegexTimeout

        client = client_for(str(url))
        try:
            matches = client.check(view, language)
        except RegexTimeout:  # the engine's per-rule time limit interrupted the request
            client.fail("did not answer in time")
        count = 0
        for match in matches:
            if not _wanted(match, prepared) or _hidden(doc, view, match):
                continue
            if prepared.skip_names and _looks_like_name(doc, match):
                continue
            yield _finding(doc, rule, match)
            count += 1
            if count >= prepared.max_findings:
                return


def _wanted(match: LtMatch, prepared: Prepared) -> bool:
    rule_id, category = match.rule_id.upper(), match.category.upper()
    if rule_id in prepared.ignore_rules:
        return False
    if rule_id in prepared.rules:
        return True
    if prepared.categories and category not in prepared.categories:
        return False
    return category not in prepared.exclude_categories


def _hidden(doc: Document, view: str, match: LtMatch) -> bool:
    """True when a match touches text the view blanked (a mask or outside the scope).

    A blanked character is one the view shows as a space where the text has something else;
    a match of only spaces (LanguageTool's "repeated whitespace" where a link was) is also
    judged by its neighbours. Hashtags and @mentions count as blanked too.
    """
    text = doc.text
    start, end = match.start, match.end
    if start < 0 or end > len(text) or start >= end:
        return True
    if not view[start:end].strip():
        start, end = max(0, start - 1), min(len(text), end + 1)
    if any(view[i] != text[i] for i in range(start, end)):
        return True
    word_start = match.start
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] in "_-"):
        word_start -= 1
    return word_start > 0 and text[word_start - 1] in "#@"


def _looks_like_name(doc: Document, match: LtMatch) -> bool:
    flagged = doc.text[match.start:match.end]
    if flagged[:1].isupper():
        return True
    recipient = doc.recipient
    names = {recipient.name, recipient.company} if recipient else set()
    return any(flagged.lower() in name.lower().split() for name in names if name)


def _finding(doc: Document, rule: Rule, match: LtMatch) -> Finding:
    fix = None
    if match.replacements:
        first = match.replacements[0]
        original = doc.text[match.start:match.end]
        spacing_only = re.sub(r"\s+", "", first) == re.sub(r"\s+", "", original)
        fix = Fix(
            (Edit(match.start, match.end, first),),
            Applicability.SAFE if spacing_only else Applicability.UNSAFE,
            f"Replace with {first!r} (LanguageTool {match.rule_id})",
        )
    return rule.finding(
        doc, match.start, match.end, fix=fix,
        extra={
            "languagetool_rule": match.rule_id,
            "languagetool_category": match.category,
            "replacements": list(match.replacements),
        },
        lt_message=match.message, lt_rule=match.rule_id, lt_category=match.category,
        suggestion=match.replacements[0] if match.replacements else "",
    )


# --- offsets -----------------------------------------------------------------------------


def utf16_to_index(text: str) -> list[int]:
    """``table[u]`` is the code point index of UTF-16 unit ``u`` (one entry past the end).

    A unit in the middle of a surrogate pair maps to the character it belongs to.
    """
    table: list[int] = []
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) > 0xFFFF:
            table.append(index)
    table.append(len(text))
    return table


# --- the client --------------------------------------------------------------------------


class Client:
    """One LanguageTool server, as seen from one process: a connection and what it said."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.down: str | None = None
        self.checked_languages: set[str] = set()
        self.languages: set[str] | None = None
        self._connection: http.client.HTTPConnection | None = None
        self._answers: OrderedDict[tuple[str, str], list[LtMatch]] = OrderedDict()
        self._lock = threading.Lock()
        self.requests = 0
        if "://" not in url:
            url = "http://" + url  # "localhost:8081" means the obvious thing
        scheme, _, rest = url.partition("://")
        self.scheme = scheme.lower()
        host_path = rest.split("/", 1)
        self.netloc = host_path[0]
        path = "/" + (host_path[1] if len(host_path) > 1 else "")
        path = path.rstrip("/")
        if path.endswith("/v2"):
            path = path[: -len("/v2")]
        self.base = path + "/v2"

    def fail(self, reason: str) -> NoReturn:
        """Give up on this server for the rest of the process, with one clear line."""
        self.close()
        self.down = (
            f"LanguageTool at {self.url} {reason}; grammar rules are skipped for this run. "
            "Start the server (see docs/grammar.md) or unset `languagetool` / "
            "SOCIABLE_LANGUAGETOOL_URL."
        )
        raise Unavailable(self.down)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def check(self, text: str, language: str) -> list[LtMatch]:
        """LanguageTool's matches for ``text`` (cached per text), or :class:`Unavailable`."""
        with self._lock:
            if self.down:
                raise Unavailable(self.down)
            key = (language, text)
            cached = self._answers.get(key)
            if cached is not None:
                self._answers.move_to_end(key)
                return cached
            if language not in self.checked_languages:
                self._check_language(language)
            from urllib.parse import urlencode

            body = urlencode({"text": text, "language": language}).encode("utf-8")
            answer = self._request("POST", "/check", body)
            matches = self._parse(answer, text)
            self._answers[key] = matches
            if len(self._answers) > 16:
                self._answers.popitem(last=False)
            return matches

    def _check_language(self, language: str) -> None:
        if self.languages is None:
            listed = self._request("GET", "/languages")
            if not isinstance(listed, list):
                self.fail("answered /v2/languages with something other than a list of languages")
            self.languages = set()
            for entry in listed:
                if isinstance(entry, dict):
                    for field in ("code", "longCode"):
                        if isinstance(entry.get(field), str):
                            self.languages.add(entry[field].lower())
        if self.languages and language.lower() not in self.languages and language != "auto":
            sample = ", ".join(sorted(self.languages)[:8])
            self.fail(
                f"does not support language {language!r} (it lists {sample}, ...); "
                "set `language` in the configuration"
            )
        self.checked_languages.add(language)

    def _connect(self) -> http.client.HTTPConnection:
        import http.client

        if self._connection is not None:
            return self._connection
        if self.scheme not in ("http", "https") or not self.netloc:
            self.fail("is not an http:// or https:// URL")
        factory = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
        connection = factory(self.netloc, timeout=CONNECT_TIMEOUT)
        try:
            connection.connect()
        except TimeoutError:
            connection.close()
            self.fail(f"did not accept a connection within {CONNECT_TIMEOUT:g} s")
        except (OSError, http.client.HTTPException, ValueError) as exc:
            connection.close()
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            self.fail(f"is not reachable ({reason})")
        if connection.sock is not None:
            connection.sock.settimeout(READ_TIMEOUT)
        self._connection = connection
        return connection

    def _request(self, method: str, endpoint: str, body: bytes | None = None) -> Any:
        import http.client

        headers = {"Accept": "application/json", "User-Agent": "sociable"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        for attempt in (1, 2):  # a kept-alive connection the server closed: reconnect once
            reused = self._connection is not None
            connection = self._connect()
            try:
                connection.request(method, self.base + endpoint, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 1 and reused:
                    continue
                self.fail("closed the connection without answering")
            except TimeoutError:
                self.fail(f"did not answer within {READ_TIMEOUT:g} s")
            except (OSError, http.client.HTTPException) as exc:
                reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                self.fail(f"failed while answering ({reason})")
            if response.will_close:
                self.close()
            self.requests += 1
            if response.status != 200:
                detail = data.decode("utf-8", "replace").strip().splitlines()[:1]
                self.fail(
                    f"answered {method} {self.base}{endpoint} with HTTP {response.status}"
                    + (f" ({detail[0][:120]})" if detail else "")
                )
            import json

            try:
                return json.loads(data.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                self.fail(f"answered {self.base}{endpoint} with something other than JSON")
        return None

    def _parse(self, answer: Any, text: str) -> list[LtMatch]:
        raw = answer.get("matches") if isinstance(answer, dict) else None
        if not isinstance(raw, list):
            self.fail("answered /v2/check without a list of matches")
        table = utf16_to_index(text)
        matches = []
        for item in raw:
            try:
                offset, length = int(item["offset"]), int(item["length"])
                rule = item.get("rule") or {}
                category = (rule.get("category") or {}).get("id") or ""
                replacements = tuple(
                    str(r["value"]) for r in (item.get("replacements") or [])[:MAX_REPLACEMENTS]
                    if isinstance(r, dict) and "value" in r
                )
                message = str(item.get("message") or item.get("shortMessage") or "")
                message = re.sub(r"</?suggestion>", '"', message)  # older servers' markup
            except (KeyError, TypeError, ValueError, AttributeError):
                continue  # one odd match must not hide the others
            if offset < 0 or length < 0 or offset + length >= len(table):
                continue
            start, end = table[offset], table[offset + length]
            matches.append(
                LtMatch(start, end, message, str(rule.get("id") or ""), str(category), replacements)
            )
        return matches


_CLIENTS: dict[str, Client] = {}


def client_for(url: str) -> Client:
    """The process's client for ``url`` (connections are per process: workers fork)."""
    client = _CLIENTS.get(url)
    if client is None:
        client = _CLIENTS[url] = Client(url)
    return client


# --- run-level hint ----------------------------------------------------------------------


def _hint(codes: Sequence[str]) -> str:
    return (
        f"{', '.join(codes)} need a LanguageTool server: pass --languagetool URL, set "
        "languagetool = \"http://localhost:8081\" in the configuration, or set "
        "SOCIABLE_LANGUAGETOOL_URL (see docs/grammar.md)"
    )
