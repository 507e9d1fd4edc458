"""The reader interface: decoded file text -> one or more documents.

Readers are plugins (``sociable_readers`` hook). The engine decodes bytes (UTF-8, with or
without BOM) before calling a reader, so a reader only knows its format: where the draft is,
whether it has e-mail headers, and how a row of an export maps to a draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from sociable.document import Document


class Reader:
    """Base class of readers. ``extensions`` are lower-case suffixes with the dot."""

    name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    #: Searched for when walking folders; False means "only when named explicitly".
    discover: ClassVar[bool] = True

    def read(self, text: str, path: str, channel: str | None) -> list[Document]:
        raise NotImplementedError
