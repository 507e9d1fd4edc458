"""Grammar through LanguageTool, against a small LanguageTool look-alike on 127.0.0.1.

sociable talks to the server through language-tool-python; these tests run that real client
library against the stand-in. The stand-in speaks the two endpoints the library uses, in
LanguageTool's shapes: ``GET /v2/languages`` (the library asks it once, to check the language)
and a form-encoded ``POST /v2/check`` answering JSON ``matches`` with offsets in UTF-16 code
units (LanguageTool is Java), each with the ``rule.issueType`` and ``context`` the library
reads. Errors come back as plain text, as LanguageTool's do. It finds a handful of real mistakes by pattern, and a
test can add "canned" matches at fixed offsets to prove that sociable, not the server, drops
matches inside masked text. Every request is recorded so tests can count them and read the text
that was sent. With ``SOCIABLE_LANGUAGETOOL_URL`` set, one more test runs against that server.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document, lint_document
from sociable.grammar import languagetool
from sociable.grammar.languagetool import server_root, utf16_to_index
from sociable.ruleset import RuleSet

# (pattern, rule id, category id, message, replacements): what the stand-in "knows".
KNOWN = [
    (r"\brecieve\b", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.", ["receive"]),
    (r"\brecomendation\b", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.",
     ["recommendation"]),
    (r"\bdefinately\b", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.",
     ["definitely", "defiantly"]),
    (r"\bOkafor\b", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.", ["Okapi"]),
    (r"\ba (?=idea\b)", "EN_A_VS_AN", "MISC",
     "Use \u201can\u201d instead of \u2018a\u2019 if the following word starts with a vowel sound.",
     ["an "]),
    (r"\bshe have\b", "HE_VERB_AGR", "GRAMMAR",
     "The pronoun \u2018she\u2019 is usually used with a third-person verb: <suggestion>she has</suggestion>.",
     ["she has"]),
    (r",,", "DOUBLE_PUNCTUATION", "MISC", "Two consecutive commas", [","]),  # as LanguageTool files it
    (r" ,", "COMMA_PARENTHESIS_WHITESPACE", "TYPOGRAPHY",
     "Put a space after the comma, but not before the comma.", [","]),
    (r"(?<=\S) {2,}(?=\S)", "WHITESPACE_RULE", "TYPOGRAPHY", "Possible typo: you repeated a whitespace",
     [" "]),
    (r"\bin order to\b", "IN_ORDER_TO", "STYLE", "Consider a shorter alternative.", ["to"]),
    (r"\bcould of\b", "COULD_OF", "GRAMMAR", "Did you mean \u201ccould have\u201d?", ["could have"]),
    (r"\bTheir going\b", "THEIR_IS", "CONFUSED_WORDS", "Did you mean \u201cThey\u2019re\u201d?",
     ["They're going"]),
    (r"\b(the) \1\b", "ENGLISH_WORD_REPEAT_RULE", "MISC", "Possible typo: you repeated a word.",
     ["the"]),
    (r"^[a-z]", "UPPERCASE_SENTENCE_START", "CASING",
     "This sentence does not start with an uppercase letter.", []),
]


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@dataclass
class FakeLanguageTool:
    """A LanguageTool look-alike on 127.0.0.1 and a random port, served from a thread."""

    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    canned: list[dict[str, Any]] = field(default_factory=list)
    delay: float = 0.0
    status: int = 200
    languages: list[dict[str, str]] = field(default_factory=lambda: [
        {"name": "English (US)", "code": "en", "longCode": "en-US"},
        {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
    ])
    url: str = ""

    def matches(self, text: str) -> list[dict[str, Any]]:
        found = []
        for pattern, rule_id, category, message, replacements in KNOWN:
            for match in re.finditer(pattern, text, re.M):
                offset = utf16_offset(text, match.start())
                length = utf16_offset(text, match.end()) - offset
                found.append({
                    "message": message,
                    "shortMessage": "",
                    "offset": offset,
                    "length": length,
                    "replacements": [{"value": value} for value in replacements],
                    "context": {"text": text[max(0, match.start() - 20):match.end() + 20],
                                "offset": min(20, match.start()), "length": length},
                    "sentence": text.strip().splitlines()[0] if text.strip() else "",
                    "rule": {"id": rule_id, "description": message, "issueType": "grammar",
                             "category": {"id": category, "name": category.title()}},
                })
        return found + list(self.canned)

    def checks(self) -> list[dict[str, str]]:
        return [params for method, path, params in self.requests if path == "/v2/check"]


def _handler(fake: FakeLanguageTool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as LanguageTool's server does

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def answer(self, status: int, payload: Any) -> None:
            # LanguageTool answers errors in plain text, and JSON otherwise.
            plain = isinstance(payload, str)
            body = (payload if plain else json.dumps(payload)).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain" if plain else "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may have given up (the "slow server" tests): nothing to tell it then.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def do_GET(self) -> None:
            fake.requests.append(("GET", self.path, {}))
            if self.path == "/v2/languages":
                self.answer(200, fake.languages)
            else:
                self.answer(404, "Error: not found")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
            params = {key: values[0] for key, values in form.items()}
            fake.requests.append(("POST", self.path, params))
            if fake.delay:
                time.sleep(fake.delay)
            if self.path != "/v2/check" or "text" not in params or "language" not in params:
                self.answer(400, "Error: Missing 'text' or 'language' parameter")
                return
            if fake.status != 200:
                self.answer(fake.status, "Error: Internal Server Error: out of memory")
                return
            self.answer(200, {
                "software": {"name": "LanguageTool", "version": "6.4"},
                "language": {"name": "English (US)", "code": params["language"]},
                "matches": fake.matches(params["text"]),
            })

    return Handler


@pytest.fixture
def fake_lt() -> Iterator[FakeLanguageTool]:
    fake = FakeLanguageTool()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    languagetool._CLIENTS.clear()  # a fresh "process" for every test
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        languagetool._CLIENTS.clear()


def closed_port_url() -> str:
    """A 127.0.0.1 URL nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def ruleset_for(url: str | None, **settings: Any) -> RuleSet:
    """The built-in rules with LanguageTool at ``url`` (a named server picks that backend)."""
    ruleset = load_context(Config(), use_cache=False).ruleset
    ruleset.settings.update(languagetool=url, **settings)
    return ruleset


def findings(ruleset: RuleSet, text: str, channel: str | None = "linkedin-dm") -> list[Any]:
    doc = Document.from_text(text, "draft.md", channel=channel)
    return [f for f in check_document(doc, ruleset) if f.code.startswith("GR")]


@pytest.fixture
def warm(tmp_path: Path, seed_cache) -> Path:
    """``tmp_path``, its cache folder (the one :func:`run_cli` names) started with the session's
    pack entries (conftest.py), so a child run does not parse every shipped pack again."""
    seed_cache(tmp_path / ".cache")
    return tmp_path


def run_cli(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items()
            if k not in ("NO_COLOR", "FORCE_COLOR", "SOCIABLE_LANGUAGETOOL_URL")}
    full["SOCIABLE_CACHE_DIR"] = str(tmp_path / ".cache")
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "sociable", *args], cwd=tmp_path, capture_output=True, text=True,
        env=full, timeout=120,
    )


# --- offsets and masking ------------------------------------------------------------------


def test_utf16_table_maps_units_after_astral_characters() -> None:
    text = "a🚚b"
    table = utf16_to_index(text)
    assert table == [0, 1, 1, 2, 3]  # the emoji's two units both map to it
    assert text[table[utf16_offset(text, 2)]] == "b"


def test_match_after_emoji_lands_on_the_right_column(fake_lt: FakeLanguageTool) -> None:
    ruleset = ruleset_for(fake_lt.url)
    text = "Hi Dana 👋🏽🚚,\n\nDid you recieve the 📦 summary? I will recieve yours too.\n"
    found = findings(ruleset, text)
    typos = [f for f in found if f.code == "GR102"]
    assert [(f.line, f.column, f.end_column) for f in typos] == [(3, 9, 16), (3, 39, 46)]
    assert all(text[f.start:f.end] == "recieve" for f in typos)
    assert "MORFOLOGIK_RULE_EN_US" in typos[0].message and '"recieve"' in typos[0].message


def test_match_that_contains_an_emoji_ends_on_the_right_character(
    fake_lt: FakeLanguageTool,
) -> None:
    """The library moves a match's start to code points but not its length: sociable does."""
    ruleset = ruleset_for(fake_lt.url)
    text = "Hi Dana 👋,\n\nThe 🚚🚚 deck is ready.\n"
    start = text.index("🚚")
    fake_lt.canned.append({
        "message": "Two trucks in a row.", "offset": utf16_offset(text, start),
        "length": utf16_offset(text, start + 7) - utf16_offset(text, start),
        "replacements": [{"value": "🚚 deck"}],
        "context": {"text": text, "offset": start, "length": 7},
        "rule": {"id": "TRUCKS", "issueType": "grammar", "category": {"id": "GRAMMAR"}},
    })
    found = [f for f in findings(ruleset, text) if f.code == "GR101"]
    assert [text[f.start:f.end] for f in found] == ["🚚🚚 deck"]
    assert (found[0].line, found[0].column, found[0].end_column) == (3, 5, 12)


def test_masked_regions_are_blanked_before_sending_and_their_matches_dropped(
    fake_lt: FakeLanguageTool,
) -> None:
    ruleset = ruleset_for(fake_lt.url)
    text = (
        "---\nchannel: linkedin-dm\nsubject: definately\n---\n"
        "Hi Dana,\n\nThe guide is at https://example.com/recieve-guide and `recieve()` in code.\n"
        "> On Monday you wrote: I will definately recieve it\n"
        "She said \"we recieve them all\" at ProMat. Mine has a recieve typo.\n"
    )
    url_start = text.index("https://")
    canned_start = text.index("recieve-guide")
    fake_lt.canned.append({
        "message": "Possible spelling mistake found.", "offset": utf16_offset(text, canned_start),
        "length": 7, "replacements": [{"value": "receive"}],
        "context": {"text": "recieve-guide", "offset": 0, "length": 7},
        "rule": {"id": "MORFOLOGIK_RULE_EN_US", "issueType": "misspelling",
                 "category": {"id": "TYPOS"}},
    })
    found = findings(ruleset, text)
    sent = fake_lt.checks()[0]["text"]
    assert len(sent) == len(text) and "example.com" not in sent and "definately" not in sent
    assert sent[url_start:url_start + 10] == " " * 10
    # Only the typo in the author's own prose: not in the URL (canned), code, quote, speech.
    assert [(f.code, text[f.start:f.end]) for f in found] == [("GR102", "recieve")]
    assert found[0].start == text.rindex("recieve")


def test_one_request_per_draft_shared_by_all_grammar_rules(fake_lt: FakeLanguageTool) -> None:
    ruleset = ruleset_for(fake_lt.url)
    text = "Hi Dana,\n\nI have a idea,, and she have a recieve.\n"
    found = findings(ruleset, text)
    # Each match goes to exactly one rule, ",," to punctuation although it is filed as MISC.
    assert sorted((f.code, text[f.start:f.end]) for f in found) == [
        ("GR101", "a "), ("GR101", "she have"), ("GR102", "recieve"), ("GR103", ",,"),
    ]
    assert len(fake_lt.checks()) == 1
    findings(ruleset, "Hi Priya,\n\nAnother draft.\n")
    assert len(fake_lt.checks()) == 2
    assert [r[1] for r in fake_lt.requests].count("/v2/languages") == 1  # probed once
    assert fake_lt.checks()[0]["language"] == "en-US"


def test_url_forms_without_scheme_or_with_v2_work(fake_lt: FakeLanguageTool) -> None:
    for url in (fake_lt.url.removeprefix("http://"), fake_lt.url + "/v2/"):
        languagetool._CLIENTS.clear()
        found = findings(ruleset_for(url), "Hi Dana,\n\nI recieve it.\n")
        assert [f.code for f in found] == ["GR102"], url
    assert {path for _, path, _ in fake_lt.requests} == {"/v2/languages", "/v2/check"}


def test_replacements_become_fixes_unsafe_unless_only_spacing(fake_lt: FakeLanguageTool) -> None:
    ruleset = ruleset_for(fake_lt.url)
    text = "Hi Dana,\n\nThanks for the intro , she have a plan.\n"
    found = {f.code: f for f in findings(ruleset, text)}
    grammar, punctuation = found["GR101"], found["GR103"]
    assert grammar.fix is not None and grammar.fix.applicability.value == "unsafe"
    assert grammar.fix.edits[0].replacement == "she has"
    assert grammar.extra["grammar_rule"] == "HE_VERB_AGR"
    assert grammar.extra["grammar_backend"] == "languagetool"
    assert '"she has"' in grammar.message and "<suggestion>" not in grammar.message
    assert punctuation.fix is not None and punctuation.fix.applicability.value == "safe"
    assert text[punctuation.start:punctuation.end] == " ,"


def test_names_and_lowercase_starts_are_not_reported(fake_lt: FakeLanguageTool) -> None:
    ruleset = ruleset_for(fake_lt.url)
    assert findings(ruleset, "hey dana, Dr. Okafor said to ask you.\n") == []


def test_grammar_examples_against_the_local_server(fake_lt: FakeLanguageTool) -> None:
    ruleset = ruleset_for(fake_lt.url)
    ruleset.selected = sorted(code for code in ruleset.specs if code.startswith("GR"))
    for code in ruleset.selected:
        spec = ruleset.specs[code]
        for text in spec.examples_bad:
            assert code in [f.code for f in findings(ruleset, text)], (code, text)
        for text in spec.examples_good:
            assert code not in [f.code for f in findings(ruleset, text)], (code, text)


def test_unsupported_language_is_one_clear_problem(fake_lt: FakeLanguageTool) -> None:
    ruleset = ruleset_for(fake_lt.url, language="xx-YY")
    doc = Document.from_text("Hi Dana,\n\nI recieve it.\n", "a.md", channel="linkedin-dm")
    result = lint_document(doc, ruleset)
    assert not [f for f in result.findings if f.code.startswith("GR")]
    assert len(set(result.problems)) == 1
    assert "does not support language 'xx-YY'" in result.problems[0]
    assert fake_lt.checks() == []


# --- a server that is down, slow or broken --------------------------------------------------


def test_down_server_one_problem_and_no_further_attempts(monkeypatch: pytest.MonkeyPatch) -> None:
    url = closed_port_url()
    languagetool._CLIENTS.clear()
    ruleset = ruleset_for(url)
    connects: list[Any] = []
    real_connect = socket.socket.connect

    def counting_connect(self: socket.socket, address: Any) -> Any:
        connects.append(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", counting_connect)
    problems = []
    for index in range(3):
        doc = Document.from_text(f"Hi Dana,\n\nDraft {index} has a recieve.\n", f"{index}.md",
                                 channel="linkedin-dm")
        problems.extend(lint_document(doc, ruleset).problems)
    assert len(connects) == 1  # the first draft tried; the others did not
    assert len(problems) >= 3 and len(set(problems)) == 1  # same line: the CLI prints it once
    assert problems[0].startswith(f"LanguageTool at {url} is not reachable")
    languagetool._CLIENTS.clear()


def test_slow_server_gives_up_within_the_rule_time_limit(
    fake_lt: FakeLanguageTool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The bound is read where the code sets it: every request's timeout, from the rule's time
    # limit (this test's wall clock, which a loaded machine stretches past any margin, was
    # the measure before). That the client gave up rather than waited for the late answer
    # is the "did not answer in time" problem below.
    from sociable import regex_guard

    timeouts: list[float] = []
    real_budget = regex_guard.wait_budget

    def recorded(default: float) -> float:
        timeouts.append(real_budget(default))
        return timeouts[-1]

    monkeypatch.setattr(regex_guard, "wait_budget", recorded)
    fake_lt.delay = 3.0
    ruleset = ruleset_for(fake_lt.url)
    doc = Document.from_text("Hi Dana,\n\nI recieve it.\n", "a.md", channel="linkedin-dm")
    result = lint_document(doc, ruleset, rule_time_limit=0.5)
    assert timeouts and all(0 < timeout <= 0.5 for timeout in timeouts), timeouts
    assert sorted(set(result.problems)) == [
        f"LanguageTool at {fake_lt.url} did not answer in time; grammar rules are skipped for "
        "this run. Start the server (see docs/grammar.md) or unset `languagetool` / "
        "SOCIABLE_LANGUAGETOOL_URL."
    ]
    again = lint_document(doc, ruleset, rule_time_limit=0.5)
    assert set(again.problems) == set(result.problems) and len(fake_lt.checks()) == 1


def test_importing_the_client_is_not_charged_to_the_first_draft(
    fake_lt: FakeLanguageTool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The engine's limit is CPU time for all of a draft's rules; importing the client library
    # (requests, urllib3 ...) is start-up, once a process, like Harper's dictionary. Charged to
    # the first draft, a slow import marked the server down for the whole run.
    real = languagetool.bounded_class

    def slow_import() -> type:
        until = time.process_time() + 0.4
        while time.process_time() < until:
            pass
        return real()

    monkeypatch.setattr(languagetool, "bounded_class", slow_import)
    ruleset = ruleset_for(fake_lt.url)
    doc = Document.from_text("Hi Dana,\n\nI recieve it.\n", "a.md", channel="linkedin-dm")
    result = lint_document(doc, ruleset, rule_time_limit=0.2)
    assert result.problems == []
    assert [f.code for f in result.findings if f.code == "GR102"] == ["GR102"]
    assert len(fake_lt.checks()) == 1


def test_read_timeout_applies_without_the_engine_limit(
    fake_lt: FakeLanguageTool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(languagetool, "READ_TIMEOUT", 0.3)
    monkeypatch.setattr(languagetool, "_BOUNDED", None)  # the subclass is made with the timeout
    fake_lt.delay = 2.0
    ruleset = ruleset_for(fake_lt.url)
    doc = Document.from_text("Hi Dana,\n\nI recieve it.\n", "a.md", channel="linkedin-dm")
    problems = set(lint_document(doc, ruleset, rule_time_limit=0).problems)
    assert problems == {
        f"LanguageTool at {fake_lt.url} did not answer within 0.3 s; grammar rules are skipped "
        "for this run. Start the server (see docs/grammar.md) or unset `languagetool` / "
        "SOCIABLE_LANGUAGETOOL_URL."
    }


def test_server_error_is_one_line_with_the_servers_words(fake_lt: FakeLanguageTool) -> None:
    fake_lt.status = 500
    ruleset = ruleset_for(fake_lt.url)
    doc = Document.from_text("Hi Dana,\n\nI recieve it.\n", "a.md", channel="linkedin-dm")
    problems = set(lint_document(doc, ruleset).problems)
    assert len(problems) == 1
    assert "answered with an error (Error: Internal Server Error: out of memory)" in problems.pop()
    assert len(fake_lt.checks()) == 1  # the library's second try is switched off


def test_library_timeout_and_tries_are_bounded() -> None:
    bounded = languagetool.bounded_class()
    import language_tool_python

    assert issubclass(bounded, language_tool_python.LanguageTool)
    assert language_tool_python.LanguageTool._TIMEOUT == 300  # what would happen otherwise
    assert bounded._TIMEOUT == languagetool.READ_TIMEOUT <= 5


def test_server_url_forms_map_to_the_librarys_root() -> None:
    assert server_root("localhost:8081") == "http://localhost:8081/"
    assert server_root("http://h:1/v2/") == "http://h:1/"
    assert server_root("https://h/lt/v2") == "https://h/lt/"


def test_cli_server_down_keeps_exit_code_and_prints_one_line(warm: Path) -> None:
    url = closed_port_url()
    drafts = warm / "drafts"
    drafts.mkdir()
    for index in range(60):  # enough to run in worker processes
        (drafts / f"clean{index:02}.md").write_text(
            f"Hi Ana,\n\nYour talk on queue sizing number {index} helped us. How did you pick TTLs?\n",
            encoding="utf-8",
        )
    clean = run_cli(warm, "check", "--select", "GR,EB", "--languagetool", url, "--jobs", "3",
                    "drafts")
    assert clean.returncode == 0, clean.stderr
    lines = clean.stderr.splitlines()
    assert lines == [
        f"sociable: warning: LanguageTool at {url} is not reachable (Connection refused); grammar "
        "rules are skipped for this run. Start the server (see docs/grammar.md) or unset "
        "`languagetool` / SOCIABLE_LANGUAGETOOL_URL."
    ]
    (drafts / "bait.md").write_text("Great news.\n\nLike this if you agree!\n", encoding="utf-8")
    with_findings = run_cli(warm, "check", "--select", "GR,EB", "--languagetool", url,
                            "drafts/bait.md")
    assert with_findings.returncode == 1 and "EB101" in with_findings.stdout
    assert len(with_findings.stderr.splitlines()) == 1


def test_cli_reports_grammar_from_the_server_via_env(warm: Path, fake_lt: FakeLanguageTool) -> None:
    (warm / "a.md").write_text("Hi Ana,\n\nI will recieve the 🚚 deck, she have it.\n", encoding="utf-8")
    result = run_cli(warm, "check", "--no-cache", "a.md",
                     env={"SOCIABLE_LANGUAGETOOL_URL": fake_lt.url})
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    out = result.stdout.splitlines()
    assert any(line.startswith("a.md:3:8: GR102 ") for line in out), out
    assert any(line.startswith("a.md:3:28: GR101 ") for line in out), out


def test_grammar_backend_off_is_silent_even_when_grammar_selected(warm: Path) -> None:
    (warm / "a.md").write_text("Hi Ana,\n\nI will recieve the deck.\n", encoding="utf-8")
    (warm / "sociable.toml").write_text('grammar-backend = "off"\n', encoding="utf-8")
    asked = run_cli(warm, "check", "--select", "GR", "a.md")
    assert (asked.returncode, asked.stdout, asked.stderr) == (0, "All checks passed!\n", "")


def test_languagetool_backend_without_a_server_says_how_to_name_one(warm: Path) -> None:
    (warm / "a.md").write_text("Hi Ana,\n\nI will recieve the deck.\n", encoding="utf-8")
    (warm / "sociable.toml").write_text('grammar-backend = "languagetool"\n', encoding="utf-8")
    result = run_cli(warm, "check", "a.md")
    assert result.returncode == 0 and "GR" not in result.stdout
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "sociable: warning: grammar-backend = \"languagetool\" needs a server: pass "
        "--languagetool URL, set languagetool = \"http://localhost:8081\" in the configuration, "
        "or set SOCIABLE_LANGUAGETOOL_URL (see docs/grammar.md)"
    )
    assert len(set(lines)) == len(lines) <= 2


def test_local_languagetool_without_java_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    languagetool._CLIENTS.clear()
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    ruleset = ruleset_for("local")
    problems = []
    for index in range(2):
        doc = Document.from_text(f"Hi Dana,\n\nI recieve {index}.\n", "a.md", channel="linkedin-dm")
        problems.extend(lint_document(doc, ruleset).problems)
    assert len(problems) >= 2 and len(set(problems)) == 1  # one line, however many drafts
    assert problems[0].startswith("LanguageTool (languagetool = \"local\") needs Java")
    languagetool._CLIENTS.clear()


def test_local_languagetool_without_network_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Java found, but the download fails (no network): one line, no traceback, no retry."""
    import shutil

    import language_tool_python.server as lt_server
    import requests

    attempts = []

    def no_network(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise requests.ConnectionError("Failed to resolve 'github.com'")

    languagetool._CLIENTS.clear()
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: "/usr/bin/java")
    monkeypatch.setattr(lt_server.LocalLanguageTool, "from_version_name", no_network)
    ruleset = ruleset_for("local")
    problems = []
    for index in range(2):
        doc = Document.from_text(f"Hi Dana,\n\nI recieve {index}.\n", "a.md", channel="linkedin-dm")
        problems.extend(lint_document(doc, ruleset).problems)
    assert len(attempts) == 1 and len(set(problems)) == 1 and len(problems) >= 2
    assert problems[0].startswith("LanguageTool (languagetool = \"local\") could not be started")
    assert "github.com" in problems[0] and "\n" not in problems[0]
    languagetool._CLIENTS.clear()


def test_explain_names_the_backend_of_the_configuration(warm: Path) -> None:
    default = run_cli(warm, "explain", "GR101")
    assert default.returncode == 0
    assert "Backend: Harper (harper-py " in default.stdout
    (warm / "sociable.toml").write_text(
        'languagetool = "http://127.0.0.1:9"\n', encoding="utf-8"
    )
    named = run_cli(warm, "explain", "GR102")
    assert "Backend: LanguageTool at http://127.0.0.1:9." in named.stdout


# --- a real server, when one is named ---------------------------------------------------------

REAL_URL = os.environ.get("SOCIABLE_LANGUAGETOOL_URL")


@pytest.mark.skipif(not REAL_URL, reason="set SOCIABLE_LANGUAGETOOL_URL to test a real server")
def test_real_languagetool_server() -> None:
    assert REAL_URL is not None
    languagetool._CLIENTS.clear()
    ruleset = ruleset_for(REAL_URL)
    text = "Hi Dana 👋,\n\nI will recieve the deck at https://example.com/recieve tomorrow.\n"
    found = findings(ruleset, text)
    typos = [f for f in found if f.code == "GR102"]
    assert typos and all(text[f.start:f.end] == "recieve" for f in typos)
    assert [(f.line, f.column) for f in typos] == [(3, 8)]
    assert typos[0].fix is not None and typos[0].fix.edits[0].replacement == "receive"
