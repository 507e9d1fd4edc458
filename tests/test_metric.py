"""The ``metric`` kind: counts and readability per scope and channel, and the RD/LN packs."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from sociable.document import Document
from sociable.engine import check_document
from sociable.kinds.metric import Metric, sentences
from sociable.packs.loader import PackError, load_pack
from sociable.ruleset import RuleSet


def codes(ruleset: RuleSet, text: str, channel: str | None = None) -> dict[str, Any]:
    doc = Document.from_text(text, "draft.md", channel=channel)
    return {f.code: f for f in check_document(doc, ruleset)}


def one_rule_pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(
        "pack: test\nrules:\n  - code: ZZ101\n    name: zz-rule\n    kind: metric\n"
        "    category: length\n    severity: warning\n    scope: text\n"
        "    why: Because.\n    examples: {bad: [x], good: [y]}\n" + textwrap.indent(body, "    "),
        encoding="utf-8",
    )
    return path


def run_rule(tmp_path: Path, body: str, text: str, channel: str | None = None) -> list[Any]:
    specs = load_pack(one_rule_pack(tmp_path, body), {"metric": Metric()})
    ruleset = RuleSet({s.code: s for s in specs}, {"metric": Metric()}, [s.code for s in specs])
    ruleset.settings["language"] = "en-US"
    return check_document(Document.from_text(text, "d.md", channel=channel), ruleset)


# --- characters as platforms count them -----------------------------------------------------


def test_connection_note_limit_marks_the_text_that_does_not_fit(ruleset: RuleSet) -> None:
    text = "Hi Dana, " + "word " * 70
    found = codes(ruleset, text, "linkedin-connect")["LN104"]
    sent = text.strip()
    assert found.severity.value == "error"
    assert found.message == f"{len(sent)} characters: linkedin-connect allows 300, so the marked text will not fit."
    assert (found.start, found.end) == (300, len(sent))  # from the 301st character to the end
    assert "LN104" not in codes(ruleset, text[:300], "linkedin-connect")


def test_emoji_count_once_and_hidden_parts_do_not_count(tmp_path: Path) -> None:
    body = "metric: characters\nmax: 10\nmessage: '{value} of {max} ({metric})'\n"
    # 10 code points: 4 letters, an emoji with a skin tone (2 code points), CRLF (1), 3 letters.
    text = "---\nchannel: dm\n---\nabcd👋🏽\r\nefg<!-- sociable: note -->"
    assert run_rule(tmp_path, body, text) == []
    found = run_rule(tmp_path, body, text + "h")
    assert [f.message for f in found] == ["11 of 10 (characters)"]


def test_utf16_counting_counts_astral_characters_twice(tmp_path: Path) -> None:
    body = "metric: characters\ncounting: utf-16\nmax: 5\nmessage: '{value}'\n"
    assert run_rule(tmp_path, body, "ab🚚c") == []  # 5 units
    assert [f.message for f in run_rule(tmp_path, body, "ab🚚cd")] == ["6"]


def test_x_counts_links_as_23_and_emoji_and_cjk_as_two(tmp_path: Path) -> None:
    body = "metric: characters\nmax: 30\nmessage: '{value}'\n"
    link = "https://example.com/" + "a" * 80
    text = f"Read {link} 🚚日本"  # 5 + 23 + 1 + 2 + 2 + 2
    assert [f.message for f in run_rule(tmp_path, body, text, "x-post")] == ["35"]
    # The same draft for LinkedIn counts code points: the whole link, the emoji once.
    assert [f.message for f in run_rule(tmp_path, body, text, "linkedin-post")] == [str(len(text))]


def test_x_post_over_280_by_x_counting_though_under_by_code_points(ruleset: RuleSet) -> None:
    text = "Big week " + "🚀" * 140  # 149 code points, 289 as X counts
    assert "LN104" in codes(ruleset, text, "x-post")
    assert "LN104" not in codes(ruleset, "Big week " + "a" * 140, "x-post")
    assert "LN104" in codes(ruleset, "🚀" * 141, "x-post")  # no words at all still counts


def test_subject_words_do_not_count_reply_prefixes(ruleset: RuleSet) -> None:
    reply = "Subject: Re: Fwd: Reno dock wait times this week\n\nHi Dana,\n\nThanks.\n"
    assert "LN103" not in codes(ruleset, reply, "follow-up-email")  # six words after the prefixes
    longer = reply.replace("this week", "this coming week")
    assert codes(ruleset, longer, "follow-up-email")["LN103"].message.startswith("Subject has 7 words")


def test_inmail_subject_limit_and_subject_length_warnings(ruleset: RuleSet) -> None:
    long_subject = "Notes on " + "dock scheduling " * 13
    text = f"---\nchannel: linkedin-inmail\nsubject: {long_subject.strip()}\n---\nHi Dana,\n\nShort note.\n"
    found = codes(ruleset, text)
    assert {"LN105", "LN102", "LN103"} <= set(found)
    assert found["LN105"].line == 3
    fine = codes(ruleset, "---\nchannel: linkedin-inmail\nsubject: Reno dock waits\n---\nHi Dana,\n\nShort.\n")
    assert not {"LN102", "LN103", "LN105"} & set(fine)


# --- words, sentences, questions -------------------------------------------------------------


def test_cold_email_length_window(ruleset: RuleSet) -> None:
    short = "Hi Dana,\n\nWorth a chat?\n\nBest,\nSam"
    assert codes(ruleset, short, "cold-email")["LN101"].message.startswith("Body is 3 words")
    words = " ".join(f"w{i}" for i in range(130))
    long = f"Hi Dana,\n\n{words}\n\nBest,\nSam"
    found = codes(ruleset, long, "cold-email")["LN101"]
    assert found.message.startswith("Body is 130 words")
    assert long[found.start:found.start + 4] == "w125"  # the first word past the limit
    # A short follow-up is fine: the minimum applies to first emails only.
    assert "LN101" not in codes(ruleset, short, "follow-up-email")
    # Drafts of other channels, or of none, are not checked.
    assert "LN101" not in codes(ruleset, long, "linkedin-dm")
    assert "LN101" not in codes(ruleset, long)


def test_longest_sentence_is_marked(ruleset: RuleSet) -> None:
    long_sentence = "We " + "really " * 26 + "liked it."
    text = f"Hi Dana,\n\nShort one. {long_sentence} Another short one.\n\nBest,\nSam"
    found = codes(ruleset, text, "linkedin-dm")["RD102"]
    assert text[found.start:found.end] == long_sentence
    assert found.message.startswith("A 29-word sentence")


def test_sentence_splitting_respects_wrapping_bullets_and_clauses() -> None:
    wrapped = "We saw the numbers from the\nlast quarter and they held.\n- one bullet\n- two: three"
    spans = sentences(wrapped)
    assert [wrapped[s:e] for s, e in spans] == [
        "We saw the numbers from the\nlast quarter and they held.", "- one bullet", "- two: three",
    ]
    assert [wrapped[s:e] for s, e in sentences(wrapped, clauses=True)][-2:] == ["- two:", "three"]


def test_questions_too_many_and_none(ruleset: RuleSet) -> None:
    many = "Hi Dana,\n\nOne? Two? Three? Four? Five?\n\nBest,\nSam"
    found = codes(ruleset, many, "cold-email")["RD103"]
    assert many[found.start:found.end] == "Four? Five?"
    assert found.message == "5 questions in a first email: keep the 3 that matter most, ideally one."
    none = "Hi Dana,\n\n" + "We cut dock waits at Hartley Foods from four hours to one. " * 3 + "\n\nBest,\nSam"
    assert codes(ruleset, none, "cold-email")["RD104"].severity.value == "info"
    quoted = none.replace("We cut", 'She asked "why now?" We cut', 1)
    assert "RD104" in codes(ruleset, quoted, "cold-email")  # a quoted question is not yours


# --- readability -----------------------------------------------------------------------------

HARD = (
    "Hi Dana,\n\nOur organization specializes in comprehensive optimization of transportation "
    "management infrastructure. Our proprietary methodology leverages predictive analytics to "
    "substantially reduce operational inefficiencies associated with inbound appointment "
    "scheduling across distribution networks. Would you consider an exploratory conversation "
    "regarding implementation? We are fine.\n\nBest,\nSam"
)


def test_reading_grade_marks_the_hardest_sentence(ruleset: RuleSet) -> None:
    found = codes(ruleset, HARD, "cold-email")["RD101"]
    grade = float(found.message.split()[3])
    assert grade > 8
    assert HARD[found.start:found.end].startswith("Our proprietary methodology")


def test_short_texts_get_no_readability_findings(ruleset: RuleSet) -> None:
    comment = "Congratulations on the remarkable organizational transformation, Dana!"
    for channel in ("comment", "cold-email", "linkedin-inmail", None):
        assert not {c for c in codes(ruleset, comment, channel) if c.startswith("RD")}, channel


def test_min_words_is_configurable_and_formulas_read_prose_only(tmp_path: Path) -> None:
    body = "metric: flesch-kincaid-grade\nmax: 5\nmin_words: 10\nmessage: 'grade {value} over {max}'\n"
    hard = "Comprehensive organizational methodologies necessitate substantial deliberation. " * 2
    assert run_rule(tmp_path, body, hard[:40]) == []  # under ten words: not scored
    found = run_rule(tmp_path, body, hard)
    assert len(found) == 1 and found[0].message.startswith("grade ") and found[0].message.endswith(" over 5")
    # The same words inside a code block are not prose: nothing to score.
    assert run_rule(tmp_path, body, "```\n" + hard + "\n```\nOk.") == []


def test_per_channel_thresholds_with_default(tmp_path: Path) -> None:
    body = "metric: words\nmax: {x-post: 3, default: 5}\nmessage: '{value}>{max} on {channel}'\n"
    text = "one two three four"
    assert [f.message for f in run_rule(tmp_path, body, text, "x-post")] == ["4>3 on x-post"]
    assert run_rule(tmp_path, body, text, "linkedin-post") == []
    assert len(run_rule(tmp_path, body, text + " five six", None)) == 1


@pytest.mark.parametrize(("body", "key", "message"), [
    ("metric: flesch-kincade-grade\nmax: 8\n", "metric",
     "unknown metric 'flesch-kincade-grade' (did you mean 'flesch-kincaid-grade'?)"),
    ("metric: words\n", "metric", "a metric rule needs 'max', 'min' or both"),
    ("metric: words\nmax: {linkedin: 3}\n", "max", "'max' names unknown channel 'linkedin'"),
    ("metric: words\nmax: 3\ncounting: x\n", "counting", "'counting' only applies to metric 'characters'"),
    ("metric: characters\nmax: 3\ncounting: bytes\n", "counting",
     "counting must be one of: channel, code-points, utf-16, x"),
])
def test_bad_rules_are_pack_errors_at_the_key(tmp_path: Path, body: str, key: str, message: str) -> None:
    path = one_rule_pack(tmp_path, body + "message: m\n")
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text.strip().startswith(key + ":"))
    with pytest.raises(PackError) as caught:
        load_pack(path, {"metric": Metric()})
    assert f"pack.yaml:{line}: rule ZZ101: {message}" in str(caught.value)


def test_textstat_names_and_aliases_are_accepted(tmp_path: Path) -> None:
    for name in ("flesch_kincaid_grade", "ari", "automated_readability_index", "gunning-fog"):
        specs = load_pack(one_rule_pack(tmp_path, f"metric: {name}\nmax: 8\nmessage: m\n"),
                          {"metric": Metric()})
        assert specs[0].options["metric"] == name


def test_cli_cold_email_findings_and_lazy_textstat(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    draft.write_text("---\nchannel: cold-email\n---\n" + HARD, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sociable", "check", "--isolated", "--no-cache", "--select", "RD,LN", "a.md"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("a.md:") and " RD101 Reads at grade " in line for line in lines), lines
    assert result.stderr == ""
    # A draft no readability rule can score never imports textstat (nor NLTK).
    probe = (
        "import sys\nfrom sociable.faces.cli.main import main\n"
        "code = main(['check', '--isolated', '--no-cache', 'short.md'])\n"
        "print(code, 'textstat' in sys.modules, 'nltk' in sys.modules)\n"
    )
    (tmp_path / "short.md").write_text("---\nchannel: comment\n---\nCongrats, Dana!\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.stdout.split()[-3:] == ["0", "False", "False"], out.stderr


def test_where_a_draft_passes_a_code_point_limit_is_where_the_listed_units_say() -> None:
    # _code_points_over finds the unit that passes the limit by arithmetic; over() listed
    # every unit (_units) and searched their running totals. Same span, every limit, every
    # kind of text; a CRLF pair (one unit) sends it back to the list.
    import bisect
    import itertools
    import random

    from sociable.kinds.metric import _code_points_over, _kept_spans, _units

    rng = random.Random(9)
    pieces = ["word ", "Hi Ana,", "\n", "\n\n", "🎉", "👍🏽", "🇩🇪", "é", "日本", "—", "<!-- c -->",
              "https://example.com/a ", "\t", " ", "\r\n"]
    checked = 0
    for _ in range(300):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        doc = Document.from_text(f"---\nchannel: linkedin-post\n---\n{body}\n", "p.md")
        spans = _kept_spans(doc, "text")
        if not spans:
            continue
        units = _units(doc, spans, "code-points")
        totals = list(itertools.accumulate(w for _, _, w in units))
        for limit in (0, 0.5, 1, 2.5, rng.randint(0, totals[-1] + 2), totals[-1] - 1, totals[-1]):
            found = _code_points_over(doc.text, spans, limit)
            if found is None:
                assert "\r" in body
                continue
            index = bisect.bisect_right(totals, limit)
            expected = units[index][0] if index < len(units) else units[-1][0]
            assert found == (expected, units[-1][1]), (body, limit)
            checked += 1
    assert checked > 500


def test_the_x_total_is_the_sum_of_the_listed_weights() -> None:
    # _x_total adds up X's weights without listing each character; _weights lists them one
    # by one (the list marks where a post goes over). Both must agree on every kind of text.
    import random

    from sociable.kinds.metric import _kept_spans, _weights, _x_total

    rng = random.Random(4)
    pieces = ["word ", "Hi Ana,", "\r\n", "\n\n", "🎉", "👍🏽", "🇩🇪", "👩\u200d💻", "❤️", "é", "日本",
              "—", "“q”", "https://example.com/a?b=1 ", "www.example.org ", "₂", "…", "\t"]
    for _ in range(300):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        doc = Document.from_text(f"---\nchannel: x-post\n---\n{body}\n", "x.md")
        for scope in ("text", "body"):
            spans = _kept_spans(doc, scope)
            if spans:
                assert _x_total(doc, spans) == sum(w for _, _, w in _weights(doc, spans, "x")), body
