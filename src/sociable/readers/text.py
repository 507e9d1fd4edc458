"""Markdown and plain-text drafts: the text is the draft, frontmatter optional."""

from __future__ import annotations

from sociable.document import Document
from sociable.readers.base import Reader


class TextReader(Reader):
    name = "text"
    extensions = (".md", ".markdown", ".txt")

    def read(self, text: str, path: str, channel: str | None) -> list[Document]:
        return [Document.from_text(text, path, channel=channel)]
