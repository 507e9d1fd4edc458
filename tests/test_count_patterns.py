"""The count kind's hashtag and mention patterns find exactly what their first forms found.

Phase 10a moved each pattern's look-behind after its "#" or "@" so the regex engine can jump
between those characters (a 20x cut on a long post). The first forms are kept here as the
reference: over random texts built from the characters the look-behinds read (word
characters, "&", "/", "#", "@", ".", "-", "hashtag", capitals, digits, non-ASCII letters,
spaces and line breaks), both give the same spans.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sociable.kinds.count import COUNTABLE

#: The patterns as they were before phase 10a.
REFERENCE = {
    "hashtags": r"(?:(?<=hashtag)|(?<![\w&/#]))#(?=\w*[^\W\d_])\w+",
    "mentions": r"(?<![\w.@/])@[A-Za-z0-9_](?:[\w.-]*\w)?",
}

PIECES = st.sampled_from(
    [
        "#",
        "@",
        "#",
        "@",
        "hashtag",
        "HashTag",
        "a",
        "Z",
        "7",
        "_",
        "é",
        "ß",
        "&",
        "/",
        ".",
        "-",
        " ",
        "\n",
        "tag",
        "ops",
        "dana",
        "x.y",
        "2024",
        "'",
        "—",
        "📦",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_same_spans_as_the_reference(text: str) -> None:
    for name, reference in REFERENCE.items():
        new = re.compile(COUNTABLE[name][0], re.IGNORECASE)
        old = re.compile(reference, re.IGNORECASE)
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], (
            name
        )


def test_fixed_cases() -> None:
    text = "#a hashtag#AI x#no &#no /#no ##double @dana a@b.co .@x /@y @@z @_ok. #2024 #v2"
    for name, reference in REFERENCE.items():
        new = re.compile(COUNTABLE[name][0], re.IGNORECASE)
        old = re.compile(reference, re.IGNORECASE)
        found = [m.group() for m in new.finditer(text)]
        assert found == [m.group() for m in old.finditer(text)]
        assert found  # the text holds some of each
