"""The built-in kinds `phrases`, `pattern` and `count`, through real packs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sociable.document import Document
from sociable.engine import check_document
from sociable.kinds.count import Count
from sociable.kinds.directive import Directive
from sociable.kinds.pattern import Pattern
from sociable.kinds.phrases import Phrases
from sociable.packs.loader import load_pack
from sociable.ruleset import RuleSet

KINDS = {"phrases": Phrases(), "pattern": Pattern(), "count": Count(), "directive": Directive()}


def ruleset_for(tmp_path: Path, kind: str, options: str, scope: str = "text", message: str = "m {match}") -> RuleSet:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        textwrap.dedent(
            f"""\
            pack: t
            rules:
              - code: T101
                name: t-rule
                kind: {kind}
                category: style
                severity: warning
                scope: {scope}
                message: '{message}'
                why: Test.
                examples: {{bad: [x], good: [y]}}
            """
        )
        + textwrap.indent(textwrap.dedent(options), "    "),
        encoding="utf-8",
    )
    specs = load_pack(pack, KINDS)
    return RuleSet({s.code: s for s in specs}, dict(KINDS), [s.code for s in specs])


def matches(ruleset: RuleSet, text: str, channel: str | None = None) -> list[str]:
    doc = Document.from_text(text, "d.md", channel=channel)
    return [f.message for f in check_document(doc, ruleset)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please SHARE this with your network.", ["m SHARE this with your network"]),
        ("share this, with your   network", ["m share this, with your network"]),
        ("share this\nwith your network", ["m share this with your network"]),
        ("share this\n\nwith your network", []),  # never across a paragraph break
        ("reshare this with your networks", []),  # word-bounded
        ("I’d love to share this with your network", ["m share this with your network"]),
    ],
)
def test_phrases_are_tolerant_but_word_bounded(tmp_path: Path, text: str, expected: list[str]) -> None:
    ruleset = ruleset_for(tmp_path, "phrases", "phrases: [share this with your network]\n")
    assert matches(ruleset, text) == expected


def test_phrase_wildcards(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path, "phrases", "phrases: ['tag * who', 'share ** with friends']\n")
    assert matches(ruleset, "Tag someone who cares") == ["m Tag someone who"]
    assert matches(ruleset, "Tag who") == []
    assert matches(ruleset, "share with friends") == ["m share with friends"]
    assert matches(ruleset, "share this post today with friends") == ["m share this post today with friends"]


def test_phrase_exceptions_and_unless(tmp_path: Path) -> None:
    ruleset = ruleset_for(
        tmp_path, "phrases",
        "phrases: [quick question]\nexceptions: [quick question about your talk]\nunless: [conference]\n",
    )
    assert matches(ruleset, "Quick question for you.") == ["m Quick question"]
    assert matches(ruleset, "Quick question about your talk on caching.") == []
    assert matches(ruleset, "Quick question on the conference schedule.") == []
    assert matches(ruleset, "Quick question on the conference schedule. Quick question again.") == ["m Quick question"]


def test_quoted_and_masked_text_is_not_read(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path, "phrases", "phrases: [like if you agree]\n")
    assert matches(ruleset, 'Posts that say "like if you agree" annoy me.') == []
    assert matches(ruleset, "> Like if you agree\n\nThat quote is bait.") == []
    assert matches(ruleset, "See https://x.com/like-if-you-agree") == []
    assert matches(ruleset, "Like if you agree") == ["m Like if you agree"]


def test_pattern_match_group_and_missing(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path, "pattern", r"pattern: 'comment (?P<match>[A-Z]{2,}) below'" + "\ncase_sensitive: true\n")
    assert matches(ruleset, "Comment YES below") == [] and matches(ruleset, "comment YES below") == ["m YES"]
    missing = ruleset_for(tmp_path, "pattern", r"pattern: '\?'" + "\nwhen: missing\n", message="no question")
    assert matches(missing, "We built a thing.\nIt is great.") == ["no question"]
    assert matches(missing, "We built a thing. Want a look?") == []


def test_count_with_channel_limits(tmp_path: Path) -> None:
    ruleset = ruleset_for(
        tmp_path, "count", "count: hashtags\nmax: {default: 5, x-post: 2}\n",
        message="{count} hashtags, keep {max}",
    )
    five = "Post #a #b #c #d #e"
    assert matches(ruleset, five, "linkedin-post") == []
    assert matches(ruleset, five, "x-post") == ["5 hashtags, keep 2"]
    six = five + " #f and C# and #1 and hashtag#g"
    assert matches(ruleset, six, "linkedin-post") == ["7 hashtags, keep 5"]


def test_count_can_skip_the_handles_a_reply_opens_with(tmp_path: Path) -> None:
    ruleset = ruleset_for(
        tmp_path, "count", "count: mentions\nmax: 2\nskip_leading: true\n", message="{count}",
    )
    # the reply chain's handles come first and do not count; the writer's own tags do
    assert matches(ruleset, "@a @b, @c @d this is gross") == []
    assert matches(ruleset, "@a @b love it @c @d @e") == ["3"]
    assert matches(ruleset, "Love it @c @d @e") == ["3"]


@pytest.mark.parametrize(
    ("what", "text", "count"),
    [
        ("mentions", "Thanks @ana and @ben.dev, mail me at sam@example.com", 2),
        ("links", "See https://a.com/x and www.b.org and c.io/page", 3),
        ("emoji", "Go 🚀🚀 team 👍🏽 🇫🇷 ❤️", 5),
        ("exclamations", "Wow!! Great!", 3),
        ("caps-words", "This is HUGE and NASA and OK and AMAZING", 3),
        ("questions", "Why? How?? Really.", 2),
    ],
)
def test_count_items(tmp_path: Path, what: str, text: str, count: int) -> None:
    ruleset = ruleset_for(tmp_path, "count", f"count: {what}\nmax: 0\n", message="{count}")
    assert matches(ruleset, text) == [str(count)]


def test_count_min(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path, "count", "count: questions\nmin: 1\n", message="ask {min}")
    assert matches(ruleset, "We do great work.") == ["ask 1"]
    assert matches(ruleset, "Does that match what you see?") == []
