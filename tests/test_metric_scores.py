"""Sentence scores from counts equal textstat's own, so flagged drafts point at the same sentence."""

from __future__ import annotations

import random

import pytest

from sociable.kinds.metric import _score, prose_parts, prose_text, sentence_scores, sentences

WORDS = [
    "we", "cut", "the", "wait", "to", "under", "an", "hour", "don't", "it's", "mid-market",
    "infrastructure", "optimization", "Reno", "ProMat", "3.5", "e.g.", "rock'n'roll", "naïve",
    "über", "co-op", "'quoted'", "zyxwvut", "Hartley's", "re-engineered", "A/B", "#hiring",
    "@sam", "—", "...", "(aside)", "100%", "café", "isn't", "you'll", "qwrtp",
]


def random_sentences(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 24))]
        out.append(" ".join(words) + rng.choice([".", "?", "!", "", "...", ".\u201d"]))
    return out


@pytest.mark.parametrize("method", ["flesch_kincaid_grade", "flesch_reading_ease"])
@pytest.mark.parametrize("language", ["en-US", "en_GB", "de-DE"])
def test_scores_from_counts_equal_textstat(method: str, language: str) -> None:
    parts = random_sentences(len(method) + len(language), 300)
    expected = [_score(language, method, part) for part in parts]
    assert sentence_scores(language, method, parts) == expected


def test_other_formulas_still_go_through_textstat() -> None:
    parts = random_sentences(3, 20)
    assert sentence_scores("en-US", "gunning_fog", parts) == [
        _score("en-US", "gunning_fog", part) for part in parts
    ]


def test_parts_join_to_the_prose_text() -> None:
    view = "Hi Dana,\n\nWe cut the wait.  It took\nfour weeks!\n- a bullet\n"
    spans = sentences(view)
    assert " ".join(prose_parts(view, spans)) == prose_text(view, spans)
    assert prose_parts(view, spans)[0] == "Hi Dana,."


@pytest.mark.parametrize("method", ["flesch_kincaid_grade", "flesch_reading_ease"])
def test_whole_drafts_score_as_textstat_scores_them(method: str) -> None:
    """The draft's own value is computed the same way: whole texts of many sentences."""
    texts = [" ".join(random_sentences(seed, 2 + seed % 9)) for seed in range(200)]
    assert sentence_scores("en-US", method, texts) == [_score("en-US", method, t) for t in texts]


@pytest.mark.parametrize("counting", ["code-points", "utf-16"])
def test_character_totals_without_the_unit_list(counting: str) -> None:
    from types import SimpleNamespace

    from sociable.kinds.metric import _plain_total, _weights

    rng = random.Random(11)
    pieces = ["a", "é", "\r\n", "\n", "\r", "😀", "𝒳", " ", "中", "\u200d"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        cuts = sorted(rng.sample(range(len(text) + 1), 2 * rng.randint(1, 3) if len(text) > 6 else 2))
        spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
        doc = SimpleNamespace(text=text, masks=[])
        expected = sum(weight for _, _, weight in _weights(doc, spans, counting))  # type: ignore[arg-type]
        assert _plain_total(text, spans, counting) == expected, (text, spans)


@pytest.mark.parametrize("counting", ["x", "code-points", "utf-16"])
def test_the_scanned_units_are_the_listed_units(counting: str) -> None:
    """``_units`` (one regex scan a span) lists what ``_weights`` (a step a character)
    lists: the unit a post goes over its limit at comes from it."""
    from sociable.document import Document
    from sociable.kinds.metric import _kept_spans, _units, _weights

    rng = random.Random(5)
    pieces = ["word ", "Hi Ana,", "\r\n", "\r", "\n\n", "🎉", "👍🏽", "🇩🇪", "👩\u200d💻", "❤️", "1️⃣", "é",
              "日本", "—", "“q”", "https://example.com/a?b=1 ", "www.example.org", "shop.io/x🎉",
              "₂", "…", "\t", "𝒳", "\u200d"]
    for _ in range(300):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        doc = Document.from_text(f"---\nchannel: x-post\n---\n{body}\n", "x.md")
        for scope in ("text", "body", "all"):
            spans = _kept_spans(doc, scope)
            if spans:
                assert _units(doc, spans, counting) == _weights(doc, spans, counting), body
        text = body
        cuts = sorted(rng.sample(range(len(text) + 1), 2 * rng.randint(1, 3) if len(text) > 6 else 2))
        spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]
        plain = Document.from_text(text, "p.md")
        plain.masks = []
        if spans:
            assert _units(plain, spans, counting) == _weights(plain, spans, counting), (text, spans)


def test_a_sentences_words_are_the_views_words_inside_it() -> None:
    """Words per sentence count the view's words (listed once) inside each sentence: no word
    runs across a sentence end, so this is what listing each sentence's own words gives."""
    import bisect

    from sociable.kinds.metric import _words

    rng = random.Random(8)
    pieces = ["word", "Word", " ", "  ", "\n", "\n\n", ".", "!", "?", ";", ":", "…", "\"", ")", "e.g.",
              "Mrs.", "a", "3.5", "—", "🎉", "\t", "x:y", "end.Next"]
    for _ in range(500):
        view = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        starts = [start for start, _ in _words(view)]
        for start, end in sentences(view, clauses=True):
            inside = bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)
            assert inside == len(_words(view[start:end])), (view, start, end)
