"""The document model: scopes, masks and positions that stay exact."""

from __future__ import annotations

import pytest

from sociable.document import Document, DocumentError


def test_positions_count_characters_with_frontmatter_crlf_and_emoji() -> None:
    text = "---\r\nchannel: linkedin-post\r\n---\r\n🎉🎉 Big news\r\nLike this if you agree\r\n"
    doc = Document.from_text(text, "post.md")
    offset = text.index("Like")
    assert doc.position(offset) == (5, 1)
    offset = text.index("Big")
    assert doc.position(offset) == (4, 4)  # two emoji are two characters
    assert doc.channel == "linkedin-post"


def test_bom_is_removed_and_remembered() -> None:
    doc = Document.from_text("\ufeffHello", "a.txt")
    assert doc.text == "Hello" and doc.bom


def test_view_keeps_length_and_blanks_masks() -> None:
    text = 'Hi Ana,\n\nSee https://example.com/like-this-if and `code like this`\n> quoted like this if\n'
    doc = Document.from_text(text, "a.md")
    view = doc.view("body")
    assert len(view) == len(text)
    assert "https" not in view and "code like" not in view and "quoted" not in view
    assert view.count("\n") == text.count("\n")
    assert "https://example.com" in doc.view("body", unmask=("url",))


def test_scopes_greeting_body_signature_subject() -> None:
    text = "Subject: Your talk at PyCon\n\nHi Ana,\n\nLoved the part on caching.\n\nBest,\nSam\n"
    doc = Document.from_text(text, "a.txt")
    (start, end), = doc.scopes["subject"]
    assert text[start:end] == "Your talk at PyCon"
    (start, end), = doc.scopes["greeting"]
    assert text[start:end] == "Hi Ana,"
    (start, end), = doc.scopes["signature"]
    assert text[start:end].startswith("Best,")
    assert "Loved the part" in doc.view("body") and "Sam" not in doc.view("body")


def test_a_salutation_in_bold_letters_is_a_greeting() -> None:
    # Posts and notes are often typed in mathematical bold; the salutation is read folded,
    # so "Hey there" in bold is the greeting, and its span is the bold text as written.
    bold = "\U0001d5db\U0001d5f2\U0001d606 \U0001d601\U0001d5f5\U0001d5f2\U0001d5ff\U0001d5f2,"
    text = f"{bold}\n\nYour talk on caching made me rethink our setup.\n"
    doc = Document.from_text(text, "a.md")
    (start, end), = doc.scopes["greeting"]
    assert text[start:end] == bold
    assert doc.reading("greeting").strip() == "Hey there,"
    assert doc.view("body").strip().startswith("Your talk")


def test_subject_line_after_frontmatter_is_the_subject() -> None:
    # The subject line pattern once began with \A, which match(text, pos) meets only at 0:
    # a "Subject:" line right after frontmatter was read as the first line of the body.
    text = "---\nchannel: cold-email\n---\nSubject: Your talk at PyCon\n\nHi Ana,\n\nLoved it.\n"
    doc = Document.from_text(text, "a.md")
    (start, end), = doc.scopes["subject"]
    assert text[start:end] == "Your talk at PyCon"
    assert "PyCon" not in doc.view("body")


def test_email_headers_are_not_body() -> None:
    text = "From: a@b.com\nSubject: Quick question\n\nHi there,\nLike this if you agree\n"
    doc = Document.from_text(text, "m.eml", email_headers=True)
    assert "From" not in doc.view("body")
    (start, end), = doc.scopes["subject"]
    assert text[start:end] == "Quick question"


def test_recipient_from_frontmatter() -> None:
    doc = Document.from_text("---\nto: {name: Ana Lopez, company: Acme Inc}\n---\nHi\n", "a.md")
    assert doc.recipient is not None
    assert (doc.recipient.first_name, doc.recipient.company) == ("Ana", "Acme Inc")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\nchannel: [\n---\nHi", "invalid YAML frontmatter"),
        ("---\nchannel: myspace\n---\nHi", "unknown channel"),
        ("---\nchannel: x-post\nHi", "no closing"),
        ("---\n- a\n- b\n---\nHi", "must be a mapping"),
    ],
)
def test_bad_frontmatter_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        Document.from_text(text, "a.md")


@pytest.mark.parametrize(("text", "readable"), [
    ('"Like this if you agree and tag a friend"', "Like this if you agree and tag a friend"),
    ('  \u201cTag a friend who needs this\u201d #monday \U0001f525\n', "Tag a friend who needs this"),
    ('"Posts that say "like if you agree" get buried.\n\nWrite a better hook."', "Write a better hook."),
])
def test_quotes_that_wrap_the_whole_draft_are_not_speech(text: str, readable: str) -> None:
    # scrapes put the post in quotes; only the two marks are masked, speech inside still is
    view = Document.from_text(text, "post.md").view("text")
    assert readable in view and len(view) == len(text)
    assert '"' not in view.strip()[:1] and "\u201c" not in view
    if "buried" in text:
        assert "agree" not in view  # a quote inside the wrapped post is still speech


@pytest.mark.parametrize("text", [
    '"Like if you agree" is the worst line on this site',
    '"Share this" and "tag a friend" both got demoted',
    'She wrote "like this if you agree" under every post',
])
def test_a_quote_that_is_only_part_of_the_draft_stays_speech(text: str) -> None:
    view = Document.from_text(text, "post.md").view("text")
    assert "agree" not in view and "tag a friend" not in view
