"""The shared normaliser, tokenizer and sentence splitter keep offsets true."""

from __future__ import annotations

from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from sociable.document import Document
from sociable.text import Analysis, analyse, analyse_within, fold, sentence_spans, tokenize


def test_fold_keeps_length_and_reads_bold_letters() -> None:
    bold = "\U0001d413\U0001d41a\U0001d420 a friend who needs this"  # "Tag" in bold
    folded = fold(bold)
    assert len(folded) == len(bold)
    assert folded.startswith("Tag a friend")


def test_fold_straightens_curly_quotes_and_spaces() -> None:
    assert fold("I\u2019ll say \u201chi\u201d\u00a0now") == "I'll say \"hi\" now"


def test_tokens_carry_offsets_into_the_text() -> None:
    text = "Please #reshare, @dana! It's 2 days \U0001f525"
    tokens = tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
    kinds = {token.norm: token.kind for token in tokens}
    assert kinds["reshare"] == "hashtag"
    assert kinds["dana"] == "mention"
    assert kinds["it's"] == "word"
    assert kinds["2"] == "number"
    assert kinds["\U0001f525"] == "emoji"


def test_zero_width_characters_and_entities_do_not_split_words() -> None:
    tokens = tokenize("li\u200bke this, don&#39;t")
    assert [token.norm for token in tokens if token.kind == "word"] == ["like", "this", "don't"]


def test_dictated_words_are_marked() -> None:
    tokens = tokenize("Comment 'GUIDE' below")
    guide = next(token for token in tokens if token.norm == "guide")
    assert guide.caps and guide.quoted


def test_sentences_end_at_stops_and_at_lines_that_start_anew() -> None:
    text = "Hi Dana,\nthanks for the talk. It helped a lot!\nSee you\nsoon"
    spans = [text[start:end] for start, end in sentence_spans(text)]
    assert spans == ["Hi Dana,\nthanks for the talk.", "It helped a lot!", "See you\nsoon"]


def test_questions_are_known_even_before_an_emoji() -> None:
    analysis = analyse("I wrote this. What would you change? \U0001f914")
    assert analysis.questions == frozenset({1})
    assert len(analysis.sentences) == 2


def test_document_analysis_is_computed_once_per_view() -> None:
    doc = Document.from_text("Hello there. Share this with your team!")
    assert doc.analysis("text") is doc.analysis("text")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["Hello there.", "Share this with your team!"]
    assert doc.tokens[0].norm == "hello"


def test_reading_folds_but_view_keeps_characters_as_written() -> None:
    doc = Document.from_text("\U0001d413ag a friend")
    assert doc.view("text").startswith("\U0001d413")
    assert doc.reading("text").startswith("Tag")


def test_html_line_tags_split_sentences_and_lines_with_offsets_true() -> None:
    text = "Big news<br>Like if you agree<br />Tag a friend</p><p>Thanks, <b>Kim</b>"
    folded = fold(text)
    assert len(folded) == len(text) and "<" not in folded.replace("<name>", "")
    spans = sentence_spans(folded)
    assert [text[s:e] for s, e in spans] == ["Big news", "Like if you agree", "Tag a friend", "Thanks, <b>Kim"]
    # an inline tag is blank, a merge field is not markup
    assert [t.norm for t in tokenize(fold("Hi <name>, <strong>tag</strong> me"))] == [
        "hi", "<", "name", ">", ",", "tag", "me"]
    doc = Document.from_text("Hi Sam,<br><br>Your queue talk helped.<br><br>Best,<br>Kim")
    signature = doc.scopes["signature"][0]
    assert doc.text[signature[0] : signature[1]] == "Best,<br>Kim"
    assert doc.position(doc.text.index("Best")) == (1, doc.text.index("Best") + 1)


def test_emoji_glued_after_a_question_or_exclamation_close_that_sentence() -> None:
    text = "Would you hire me?\U0001f64f Tag a friend. Done! \U0001f389\U0001f389\nNext up"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Would you hire me?\U0001f64f", "Tag a friend.", "Done! \U0001f389\U0001f389", "Next up"]
    assert 0 in analyse(text).questions
    # an emoji that opens what follows stays with it
    poll = "Which beach? \u2764\ufe0f for Maui, \U0001f602 for Cancun!"
    assert [poll[s:e] for s, e in sentence_spans(poll)] == ["Which beach?", "\u2764\ufe0f for Maui, \U0001f602 for Cancun!"]


def test_slashed_numbers_are_one_token() -> None:
    tokens = tokenize("Remember 9/11, open 24/7, due 12/05/2024, and/or 3/4ths")
    assert [(t.norm, t.kind) for t in tokens if "/" in t.text and t.kind == "number"] == [
        ("9/11", "number"), ("24/7", "number"), ("12/05/2024", "number")]
    assert [t.norm for t in tokens][-6:] == ["and", "/", "or", "3", "/", "4ths"]


def test_counts_with_thousands_separators_are_one_token() -> None:
    # "let's get this to 1,000 likes" reads like "1000 likes"; a list "1,2,3" and a
    # trailing comma stay apart
    tokens = tokenize("Get this to 1,000 likes, 12,345, then 1,2,3 or 1,23 and 1,000,000.")
    numbers = [t.norm for t in tokens if t.kind == "number"]
    assert numbers == ["1,000", "12,345", "1", "2", "3", "1", "23", "1,000,000"]
    assert [t.norm for t in tokens][-2:] == ["1,000,000", "."]


def test_small_capitals_read_as_letters() -> None:
    caption = "\u029f\u026a\u1d0b\u1d07 \u026a\u0493 \u028f\u1d0f\u1d1c \u1d00\u0262\u0280\u1d07\u1d07"  # "like if you agree"
    assert fold(caption) == "like if you agree"
    doc = Document.from_text(caption + " and tag a friend", channel="instagram-post")
    assert [t.norm for t in doc.tokens][:2] == ["like", "if"]


def test_sentence_spans_are_trimmed_and_kept_as_the_character_by_character_rule_says() -> None:
    """``Spans.add_trimmed`` strips and tests in C; the rule it keeps is the one it had in a
    Python loop: outer ``str.isspace`` characters off, kept when one ``str.isalnum`` is left.
    Checked over every kind of character (each space, letter, digit, numeral and mark class
    of the first planes, emoji) at both edges and alone."""
    import random
    import sys

    from sociable.text import Spans

    def reference(text: str, start: int, end: int) -> tuple[int, int] | None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if any(c.isalnum() for c in text[start:end]) else None

    spaces = [chr(c) for c in range(0x3000 + 1) if chr(c).isspace()]
    alnum = [chr(c) for c in range(0x20000) if chr(c).isalnum() and not chr(c).isascii()][::97]
    others = ["_", "-", ".", "!", "🎉", "\u200b", "\u00ad", "\ufeff", "'", "’", "²", "½", "Ⅳ", "٣"]
    pool = spaces + alnum + others + list("aZ09 \t\n")
    rng = random.Random(12)
    assert sys.maxunicode > 0x20000
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        spans = Spans(array("i"), array("i"))
        spans.add_trimmed(text, start, end)
        kept = reference(text, start, end)
        assert list(spans) == ([kept] if kept else []), (text, start, end)
        checked += kept is not None
    assert checked > 500


def _columns_of(analysis: Analysis) -> tuple[object, ...]:
    return (
        analysis.text, list(analysis.starts), list(analysis.ends), bytes(analysis.kinds), analysis.norms,
        bytes(analysis.flags), list(analysis.sentence_starts), list(analysis.sentence_firsts),
        list(analysis.sentence_stops), [(norm, list(analysis.index[norm])) for norm in analysis.index],
        analysis.questions,
    )


def _blanked(text: str, start: int, end: int) -> str:
    def blank(part: str) -> str:
        return "".join(c if c == "\n" else " " for c in part)

    return blank(text[:start]) + text[start:end] + blank(text[end:])


#: Pieces a draft's views are made of, the awkward ones too: entities, links, emoji, zero
#: widths, numbers with separators, markup, abbreviations.
_PIECES = [*"ab cD1,.!?'\"#@-_/:&;\n\t", "&amp;", "&#39;", "http://x.io/a", ".com", "👉", "\u200b", "1,000",
           "9/11", "<br>", "’", "é", "Mr."]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.integers(0, 200), st.integers(0, 200))
@settings(max_examples=400, deadline=None)
def test_a_view_within_another_has_the_tokens_it_would_have_alone(text: str, start: int, end: int) -> None:
    """``analyse_within`` takes a parent view's tokens only when a scan of the view itself
    gives the very same columns (or declines): ``body`` and ``opening`` beside ``text``."""
    parent = analyse(fold(text), folded=True)
    start, end = sorted((min(start, len(parent.text)), min(end, len(parent.text))))
    view = _blanked(parent.text, start, end)
    derived = analyse_within(parent, view)
    if derived is not None:
        assert _columns_of(derived) == _columns_of(analyse(view, folded=True))


def test_a_view_cut_inside_a_word_is_scanned_on_its_own() -> None:
    parent = analyse("Hi Dana,\n\nFollow me for more tips", folded=True)
    assert analyse_within(parent, _blanked(parent.text, 12, len(parent.text))) is None  # "llow ..."
    body = analyse_within(parent, _blanked(parent.text, 10, len(parent.text)))
    assert body is not None and body.norms == ["follow", "me", "for", "more", "tips"]
