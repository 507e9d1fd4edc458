"""reStructuredText drafts (``.rst``), read as plain documents; Vale rules scope them."""

from __future__ import annotations

from sociable.document import Document
from sociable.readers.base import Reader


class RstReader(Reader):
    name = "rst"
    extensions = (".rst",)

    def read(self, text: str, path: str, channel: str | None) -> list[Document]:
        return [Document.from_text(text, path, channel=channel)]
