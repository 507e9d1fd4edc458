"""LanguageTool through language-tool-python, for a server the user names.

The server comes from ``--languagetool URL``, the configuration's ``languagetool`` or
``SOCIABLE_LANGUAGETOOL_URL``. ``languagetool = "local"`` asks language-tool-python to
download and start LanguageTool itself (it needs Java and a network the first time). Nothing
else is ever contacted.

Why it is used the way it is:

* ``language_tool_python.LanguageTool`` waits up to ``_TIMEOUT`` (300 s) per request and tries
  a failed request twice, with no separate connect timeout. :class:`BoundedLanguageTool`
  lowers the timeout and tries once, and before the first request a plain TCP connection
  probes the server with a 2 s limit. A dead or stalled server therefore costs a few seconds
  and one line (:class:`~sociable.kinds.base.Unavailable`), after which the process makes no
  further attempt and every later draft gets the same line.
* LanguageTool counts offsets in UTF-16 code units. The library turns a match's start into
  code points but not its length, so both ends are recomputed here from the text sent.
* Each process keeps one client per server and language, and the answers for the last few
  texts (every grammar rule of a draft shares one request).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any, NoReturn

from sociable.grammar.base import GrammarBackend, GrammarMatch, untimed
from sociable.kinds.base import Unavailable

SETTING = "languagetool"
LOCAL = "local"
CONNECT_TIMEOUT = 2.0  # seconds; a server that is not there must not hold up the run
READ_TIMEOUT = 5.0  # seconds per request; the engine's per-rule limit usually ends it sooner
MAX_REPLACEMENTS = 5
ADVICE = (
    "Start the server (see docs/grammar.md) or unset `languagetool` / SOCIABLE_LANGUAGETOOL_URL."
)


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


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def bounded_class() -> type:
    """The library's client with a short request timeout and a single try (made on first use,
    so that importing sociable never imports ``requests``)."""
    global _BOUNDED
    if _BOUNDED is None:
        import language_tool_python

        class BoundedLanguageTool(language_tool_python.LanguageTool):
            _TIMEOUT = READ_TIMEOUT  # type: ignore[assignment]

            def _query_server(self, url: str, params: Any = None, num_tries: int = 2,
                              method: Any = "get") -> Any:
                # The engine's alarm counts CPU time, which a wait on the server does not use:
                # the request itself stops at the rule's time limit.
                from sociable.regex_guard import wait_budget

                self._TIMEOUT = wait_budget(READ_TIMEOUT)
                return super()._query_server(url, params, num_tries=1, method=method)

        _BOUNDED = BoundedLanguageTool
    return _BOUNDED


_BOUNDED: type | None = None


class Client:
    """One LanguageTool server and language, as seen from one process."""

    def __init__(self, url: str, language: str) -> None:
        self.url = url
        self.language = language
        self.down: str | None = None
        self.tool: Any = None
        self.requests = 0
        self._answers: OrderedDict[str, list[GrammarMatch]] = OrderedDict()
        self._lock = threading.Lock()

    def fail(self, reason: str) -> NoReturn:
        """Give up on this server for the rest of the process, with one clear line."""
        self.down = (
            f"LanguageTool at {self.url} {reason}; grammar rules are skipped for this run. {ADVICE}"
        )
        raise Unavailable(self.down)

    def check(self, text: str) -> list[GrammarMatch]:
        """LanguageTool's matches for ``text`` (cached per text), or :class:`Unavailable`."""
        from sociable.regex_guard import RegexTimeout

        with self._lock:
            if self.down:
                raise Unavailable(self.down)
            cached = self._answers.get(text)
            if cached is not None:
                self._answers.move_to_end(text)
                return cached
            try:
                if self.tool is None:
                    self.tool = self._start()
                raw = self.tool.check(text)
            except RegexTimeout:  # the engine's per-rule time limit interrupted the request
                self.fail("did not answer in time")
            except Unavailable:
                raise
            except Exception as exc:
                self.fail(_reason(exc))
            self.requests += 1
            matches = _matches(raw, text)
            self._answers[text] = matches
            if len(self._answers) > 16:
                self._answers.popitem(last=False)
            return matches

    def _start(self) -> Any:
        if self.url == LOCAL:
            return self._start_local()
        _probe(self)
        with untimed():  # importing the client library (requests and all) is paid once a process
            tool_class = bounded_class()
        try:
            return tool_class(self.language, remote_server=server_root(self.url))
        except ValueError as exc:
            if "language" in str(exc).lower():
                self.fail(
                    f"does not support language {self.language!r}; set `language` in the "
                    "configuration"
                )
            raise

    def _start_local(self) -> Any:
        import shutil

        if shutil.which("java") is None:
            self.down = (
                "LanguageTool (languagetool = \"local\") needs Java, and no `java` is on PATH; "
                "grammar rules are skipped for this run. Install Java 17 or later, or name a "
                "running server (see docs/grammar.md)."
            )
            raise Unavailable(self.down)
        try:
            with untimed():  # a first start downloads LanguageTool and waits for Java
                return bounded_class()(self.language)
        except Exception as exc:
            detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
            self.down = (
                f"LanguageTool (languagetool = \"local\") could not be started ({detail}); "
                "grammar rules are skipped for this run. See docs/grammar.md."
            )
            raise Unavailable(self.down) from None


def server_root(url: str) -> str:
    """The URL the library expects: scheme, host, any path prefix, and a slash, no ``/v2``.

    The library joins ``v2/`` onto what it is given, so ``http://host/v2/`` would become
    ``http://host/v2/v2/`` and ``http://host/lt`` would lose ``lt``.
    """
    if "://" not in url:
        url = "http://" + url  # "localhost:8081" means the obvious thing
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url + "/"


def _probe(client: Client) -> None:
    """A TCP connection with a short timeout, before the library's first (long) request."""
    import socket
    from urllib.parse import urlsplit

    url = client.url if "://" in client.url else "http://" + client.url
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        host = None
    if parts.scheme not in ("http", "https") or not host:
        client.fail("is not an http:// or https:// URL")
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT):
            pass
    except TimeoutError:
        client.fail(f"did not accept a connection within {CONNECT_TIMEOUT:g} s")
    except OSError as exc:
        client.fail(f"is not reachable ({exc.strerror or exc})")


def _reason(exc: BaseException) -> str:
    """A short reason from whatever the library raised (it wraps ``requests``' errors)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 5:
        chain.append(current)
        current = current.__cause__ or current.__context__
    names = {type(e).__name__ for e in chain}
    if names & {"ReadTimeout", "Timeout", "TimeoutError"}:
        from sociable.regex_guard import wait_budget

        budget = wait_budget(READ_TIMEOUT)  # the rule's time limit, when shorter, ended the wait
        return "did not answer in time" if budget < READ_TIMEOUT else f"did not answer within {budget:g} s"
    if names & {"ConnectionError", "ConnectTimeout", "ChunkedEncodingError"}:
        return "closed the connection without answering"
    if isinstance(exc, KeyError | TypeError):
        return "answered /v2/check without a list of matches"
    detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return f"answered with an error ({detail[:160]})"


def _matches(raw: list[Any], text: str) -> list[GrammarMatch]:
    """The library's matches, with both ends in code points of ``text``."""
    table = utf16_to_index(text)
    out = []
    for match in raw:
        try:
            start = int(match.offset)  # the library already moved the start to code points
            units = utf16_length(text[:start]) + int(match.error_length)
            category = str(match.category or "")
            rule_id = str(match.rule_id or "")
            message = str(match.message or "")
            replacements = tuple(str(r) for r in (match.replacements or [])[:MAX_REPLACEMENTS])
        except (AttributeError, TypeError, ValueError):
            continue  # one odd match must not hide the others
        if start < 0 or units >= len(table) or start > len(text):
            continue
        out.append(GrammarMatch(start, table[units], message, rule_id, category, replacements))
    return out


_CLIENTS: dict[tuple[str, str], Client] = {}


def client_for(url: str, language: str) -> Client:
    """The process's client for ``url`` and ``language`` (workers fork: one each)."""
    key = (url, language)
    client = _CLIENTS.get(key)
    if client is None:
        client = _CLIENTS[key] = Client(url, language)
    return client


class LanguageToolBackend(GrammarBackend):
    name = "languagetool"
    label = "LanguageTool"

    def usable(self, settings: Mapping[str, Any]) -> bool:
        return bool(settings.get(SETTING))

    def automatic(self, settings: Mapping[str, Any]) -> bool:
        return bool(settings.get(SETTING))

    def describe(self, settings: Mapping[str, Any]) -> str:
        url = settings.get(SETTING)
        if url == LOCAL:
            return "LanguageTool, started locally by language-tool-python"
        return f"LanguageTool at {url}" if url else "LanguageTool (no server named)"

    def setup_hint(self, settings: Mapping[str, Any]) -> str:
        return (
            "grammar-backend = \"languagetool\" needs a server: pass --languagetool URL, set "
            "languagetool = \"http://localhost:8081\" in the configuration, or set "
            "SOCIABLE_LANGUAGETOOL_URL (see docs/grammar.md)"
        )

    def check(self, text: str, settings: Mapping[str, Any]) -> list[GrammarMatch]:
        url = settings.get(SETTING)
        if not url:
            raise Unavailable(self.setup_hint(settings))
        language = str(settings.get("language") or "en-US")
        return client_for(str(url), language).check(text)
