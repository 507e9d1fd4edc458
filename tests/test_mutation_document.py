"""What mutation testing of ``document.py`` found the suite did not pin down (docs/mutation.md).

The document model decides what every rule reads; these tests pin the parts a user sees
through findings: which mask kinds exist (``unmask:`` names them), what the ``all`` and
``subject`` scopes show, frontmatter and e-mail header edges, greeting and signature limits,
positions in a draft read out of a bigger file, and the caches that views share.
"""

from __future__ import annotations

import pytest

from sociable.document import Document, DocumentError


def kinds(doc: Document) -> list[str]:
    return [kind for _, _, kind in doc.masks]


def scope_text(doc: Document, scope: str) -> list[str]:
    return [doc.text[start:end] for start, end in doc.scopes[scope]]


# --- masks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "hidden"),
    [
        ("Hi.\n```\nlike this\n```\n", "code", "like this"),
        ("Hi <!-- like this --> there\n", "comment", "like this"),
        ("> like this if you agree\n", "blockquote", "like this"),
        ("Try `like this` now\n", "code", "like this"),
        ("See https://example.com/like\n", "url", "example.com"),
        ("Mail ana@example.com today\n", "email", "ana@example.com"),
        ('She said "like this if you agree" once\n', "speech", "like this"),
        ("She said 'like this if you agree' once\n", "speech", "like this"),
    ],
)
def test_each_mask_has_its_documented_kind_and_unmasks_by_it(text: str, kind: str, hidden: str) -> None:
    doc = Document.from_text(text, "d.md")
    assert kinds(doc) == [kind]
    assert hidden not in doc.view("body")
    assert hidden in doc.view("body", unmask=(kind,))


def test_masks_start_after_the_frontmatter() -> None:
    text = "---\nto: ana@example.com\nlink: https://example.com\n---\nHello\n"
    doc = Document.from_text(text, "d.md")
    assert doc.masks == [(0, text.index("Hello"), "frontmatter")]


def test_a_mask_starting_where_another_ends_is_kept() -> None:
    text = "Try `x`https://example.com/a now\n"
    doc = Document.from_text(text, "d.md")
    assert kinds(doc) == ["code", "url"]
    # ... and one inside another is not a second mask.
    assert kinds(Document.from_text("Try `https://example.com/a` now\n", "d.md")) == ["code"]


# --- frontmatter -----------------------------------------------------------------------------


def test_all_shows_the_frontmatter_and_body_hides_it() -> None:
    text = "---\nsubject: 'Your talk'\nchannel: cold-email\n---\nHello\n"
    doc = Document.from_text(text, "d.md")
    assert doc.view("all") == text
    assert doc.view("subject").strip() == "Your talk"
    assert doc.view("text").strip() == "Hello" and "channel" not in doc.view("body")
    (start, end), = doc.scopes["subject"]
    assert text[start:end] == "Your talk" and end < text.index("---", 4)  # inside the frontmatter


def test_the_frontmatter_subject_is_found_in_the_frontmatter_only() -> None:
    text = '---\nchannel: cold-email\nsubject: "Q3 plan"\n---\nsubject: not this\n'
    doc = Document.from_text(text, "d.md")
    assert scope_text(doc, "subject") == ["Q3 plan"]
    assert Document.from_text("---\nsubject: '  '\n---\nHi\n", "d.md").scopes["subject"] == []


def test_the_body_starts_after_the_closing_line_and_one_newline() -> None:
    text = "---\nchannel: x-post\n---\n\nHello\n"
    doc = Document.from_text(text, "d.md")
    body_start = text.index("\nHello")
    assert doc.masks == [(0, body_start, "frontmatter")]
    assert doc.scopes["text"] == [(body_start, len(text))]
    dots = Document.from_text("---\nchannel: x-post\n...\nHello\n", "d.md")
    assert dots.channel == "x-post" and scope_text(dots, "text") == ["Hello\n"]


def test_frontmatter_ignores_in_a_string_and_errors_in_full() -> None:
    doc = Document.from_text("---\nsociable: {ignore: 'EB101, GP2 ,'}\n---\nHi\n", "d.md")
    assert doc.ignores == ("EB101", "GP2")
    assert Document.from_text("---\n# only a comment\n---\nHi\n", "d.md").frontmatter == {}
    cases = {
        "---\nsociable: [EB101]\n---\nHi\n":
            "frontmatter 'sociable' must be a mapping, e.g. {ignore: [SB101]}",
        "---\nsociable: {ignore: {EB101: 1}}\n---\nHi\n":
            "frontmatter 'sociable.ignore' must be a list of rule codes",
        "---\nsociable: {ignore: [1, 2]}\n---\nHi\n":
            "frontmatter 'sociable.ignore' must be a list of rule codes",
        "---\n- a\n---\nHi\n": "frontmatter must be a mapping of keys to values",
        "---\nchannel: x-post\nHi\n": "frontmatter starts with '---' but has no closing '---' line",
    }
    for text, message in cases.items():
        with pytest.raises(DocumentError) as info:
            Document.from_text(text, "d.md")
        assert str(info.value) == message, text


def test_a_yaml_error_names_the_draft_line_and_the_problem() -> None:
    with pytest.raises(DocumentError) as info:
        Document.from_text("---\nchannel: x-post\nto: [Ana\n---\nHi\n", "d.md")
    message = str(info.value)
    assert message.startswith("invalid YAML frontmatter at line 4: ")
    assert "expected ',' or ']'" in message


def test_an_unknown_channel_lists_the_channels() -> None:
    with pytest.raises(DocumentError) as info:
        Document.from_text("---\nchannel: myspace\n---\nHi\n", "d.md")
    assert str(info.value).startswith("unknown channel 'myspace' in frontmatter; use one of: linkedin-connect, linkedin-dm,")


def test_the_channel_argument_is_the_fallback() -> None:
    assert Document.from_text("Hi\n", "d.md", channel="x-post").channel == "x-post"
    assert Document.from_text("---\nchannel: comment\n---\nHi\n", "d.md", channel="x-post").channel == "comment"


# --- e-mail headers and subject lines ----------------------------------------------------------


def test_email_headers_without_a_blank_line_are_all_header() -> None:
    text = "From: a@b.com\nSubject: Hello there"
    doc = Document.from_text(text, "m.eml", email_headers=True)
    assert doc.masks == [(0, len(text), "header")]
    assert scope_text(doc, "subject") == ["Hello there"]


def test_the_subject_scope_of_an_email_shows_its_subject_header() -> None:
    doc = Document.from_text("From: a@b.com\nSubject: Hello there\n\nBody\n", "m.eml", email_headers=True)
    assert doc.view("subject").split() == ["Hello", "there"]
    assert "From" not in doc.view("subject") and "From" not in doc.view("all")


def test_the_all_scope_still_hides_masks_in_the_body() -> None:
    doc = Document.from_text("Subject: Hi\n\nSee https://example.com/x and `code`\n", "d.md")
    assert "example.com" not in doc.view("all") and "code" not in doc.view("all")
    assert doc.view("all").startswith("Subject: Hi")


def test_a_body_that_is_not_headers_is_body() -> None:
    text = "Hello there, this is prose\n\nSubject: not a header\n"
    doc = Document.from_text(text, "m.eml", email_headers=True)
    assert "header" not in kinds(doc) and doc.scopes["subject"] == []
    body = "From: a@b.com\n\nSubject: in the body\n"
    assert Document.from_text(body, "m.eml", email_headers=True).scopes["subject"] == []


# --- greeting, signature, paragraphs ----------------------------------------------------------


@pytest.mark.parametrize(
    ("first_line", "greeting"),
    [
        ("Hi Ana and all the team, hello", "Hi Ana and all the team,"),  # six words, then a comma
        ("Hi Ana and all of the team, hello", None),  # seven before the comma
        ("Hello Ana and the whole team", "Hello Ana and the whole team"),  # six words, no comma
        ("Hello Ana and the whole wide team", None),
    ],
)
def test_a_greeting_is_six_words_at_most(first_line: str, greeting: str | None) -> None:
    doc = Document.from_text(f"{first_line}\n\nThe notes on pricing helped.\n", "d.md")
    assert scope_text(doc, "greeting") == ([greeting] if greeting else [])


def test_a_greeting_line_ending_in_crlf_leaves_the_cr_out() -> None:
    doc = Document.from_text("Hi Ana\r\n\r\nThe notes helped.\r\n", "d.md")
    assert scope_text(doc, "greeting") == ["Hi Ana"]


def test_a_sign_off_counts_in_the_last_six_lines_only() -> None:
    lines = ["Hi Ana,", "One.", "Thanks", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven."]
    doc = Document.from_text("\n".join(lines) + "\n", "d.md")
    assert doc.scopes["signature"] == []  # "Thanks" is the seventh line from the end
    lines = ["Hi Ana,", "One.", "Two.", "Thanks", "Three.", "Four.", "Five.", "Six.", "Sam"]
    doc = Document.from_text("\n".join(lines) + "\n", "d.md")
    assert scope_text(doc, "signature")[0].startswith("Thanks\nThree.")


def test_a_sign_off_right_after_the_greeting_signs_off() -> None:
    doc = Document.from_text("Hi Ana,\nThanks,\nSam\n", "d.md")
    assert scope_text(doc, "greeting") == ["Hi Ana,"]
    assert scope_text(doc, "signature") == ["Thanks,\nSam\n"]


def test_a_draft_opening_with_thanks_is_thanking_yet_can_sign_off() -> None:
    doc = Document.from_text("Thanks\nThe notes helped.\nBest,\nSam\n", "d.md")
    assert scope_text(doc, "signature") == ["Best,\nSam\n"]


def test_opening_and_closing_are_the_first_and_last_paragraphs() -> None:
    text = "Hi Ana,\n\n  First one.  \n\nMiddle one.\n\nLast one.\n\nBest,\nSam\n"
    doc = Document.from_text(text, "d.md")
    assert scope_text(doc, "opening") == ["First one."]
    assert scope_text(doc, "closing") == ["Last one."]
    assert scope_text(doc, "all") == [text]


# --- reading ------------------------------------------------------------------------------------


def test_positions_count_from_the_line_base() -> None:
    doc = Document.from_text("one\ntwo\n", "export.csv", line_base=10)
    assert doc.position(0) == (11, 1)
    assert doc.position(5) == (12, 2)


def test_an_unknown_scope_names_the_scopes() -> None:
    with pytest.raises(KeyError) as info:
        Document.from_text("Hi\n", "d.md").view("middle")
    assert info.value.args[0] == (
        "unknown scope 'middle'; use one of: all, text, subject, greeting, body, opening, closing, signature"
    )


def test_views_readings_and_foldings_are_kept_apart_per_scope_and_mask() -> None:
    text = "Subject: 𝐁𝐢𝐠 News\n\nSee https://x.io 𝐁𝐨𝐥𝐝\n"
    doc = Document.from_text(text, "d.md")
    for _ in range(2):  # the second round reads the caches
        assert doc.view("subject").strip() == "𝐁𝐢𝐠 News"
        assert doc.reading("subject").strip() == "Big News"
        assert doc.folded("subject").strip() == "big news"
        assert doc.folded("body").split() == ["see", "bold"] and "News" in doc.view("all")
        assert "x.io" not in doc.folded("body") and "x.io" in doc.folded("body", unmask=("url",))
        assert "x.io" in doc.reading("body", unmask=("url",)) and "x.io" not in doc.reading("body")
        assert doc.analysis("body", unmask=("url",)).tokens != doc.analysis("body").tokens


def test_derived_values_are_made_once_and_returned() -> None:
    doc = Document.from_text("Hi\n", "d.md")
    calls: list[int] = []

    def make() -> list[int]:
        calls.append(1)
        return [42]

    assert doc.derived("k", make) == [42]
    assert doc.derived("k", make) == [42]
    assert calls == [1]
