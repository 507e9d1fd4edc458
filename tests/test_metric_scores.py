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
