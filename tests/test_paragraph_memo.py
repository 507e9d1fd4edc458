"""A session's paragraph memo (text.ParagraphMemo) tokenises a view exactly as a whole scan.

Over random texts made of the pieces tokens and links are made of (words, numbers, tags,
entities, emoji, quotes, links and bare domains, spaces and line breaks, blank lines), the
analysis through one long-lived memo equals a fresh scan's, column by column; a memo keyed
by a paragraph's length alone reads stale tokens, and the same comparison fails it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sociable import text
from sociable.text import Analysis, ParagraphMemo, analyse, remembering

PIECES = st.sampled_from([
    "a", "Like", "DONT", "don't", "e-mail", "9/11", "1,000", "3.5", "#tag", "@dana", "&amp;", "&#39;",
    "🔥", "👇🏽", "'", '"', "'yes'", '"GUIDE"', ".", ",", "!", "?", ":", "-", "https://x.co/a?b=1",
    "www.shop.com", "mysite.com", "shop.com/deal", "a.b", " ", "  ", "\t", "\n", "\n\n", "\n \n",
    "<br>", "\u00a0", "\u200b", "ʟɪᴋᴇ",
])
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def _columns(analysis: Analysis) -> tuple[object, ...]:
    return (analysis.text, list(analysis.starts), list(analysis.ends), bytes(analysis.kinds),
            analysis.norms, bytes(analysis.flags), list(analysis.index.keys()),
            {key: list(analysis.index[key]) for key in analysis.index},
            list(analysis.sentence_starts), list(analysis.sentence_ends),
            list(analysis.sentence_firsts), list(analysis.sentence_stops), analysis.questions)


MEMO = ParagraphMemo(size=64)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_a_view_tokenised_through_the_memo_is_the_whole_scan(texts: list[str]) -> None:
    for view in texts:
        with remembering(MEMO):
            kept = analyse(view)
        assert _columns(kept) == _columns(analyse(view))


def test_an_edit_scans_only_its_paragraph() -> None:
    memo = ParagraphMemo()
    post = "Like if you agree!\n\nTag a friend who needs this.\n\nFollow me 👇 www.site.com"
    with remembering(memo):
        analyse(post)
        before = memo.scanned
        analyse(post.replace("friend", "friends"))
    assert memo.scanned - before == 1
    assert text._MEMO is None  # the block restores the scan


def test_a_memo_keyed_wrongly_fails_the_comparison() -> None:
    class ByLength(ParagraphMemo):
        def _add(self, columns: text._Columns, view: str, start: int, end: int) -> None:
            key = "x" * (end - start)  # a paragraph known by its length alone
            kept = self._kept.get(key)
            if kept is None:
                part = text._scanned(view[start:end])
                kept = self._kept[key] = (part.starts, part.ends, bytes(part.kinds), tuple(part.norms), bytes(part.flags))
            starts, ends, kinds, norms, flags = kept
            columns.starts.extend([offset + start for offset in starts])
            columns.ends.extend([offset + start for offset in ends])
            columns.kinds.extend(kinds)
            columns.flags.extend(flags)
            for norm in norms:
                ident = columns.ids.setdefault(norm, len(columns.forms))
                if ident == len(columns.forms):
                    columns.forms.append(norm)
                columns.token_ids.append(ident)
                columns.norms.append(columns.forms[ident])

    broken = ByLength()
    with remembering(broken):
        analyse("Like this post\n\nsee you")
        stale = analyse("Share this now\n\nsee you")
    assert _columns(stale) != _columns(analyse("Share this now\n\nsee you"))


def test_long_paragraphs_are_scanned_not_kept() -> None:
    memo = ParagraphMemo()
    long = "word " * (text.KEEP_UP_TO // 5 + 10)
    with remembering(memo):
        kept = analyse(long + "\n\nshort one")
    assert len(memo) == 1
    assert _columns(kept) == _columns(analyse(long + "\n\nshort one"))
