"""``.eml`` files: RFC 5322 headers, then the body; ``Subject:`` becomes the subject scope.

A plain message is read in place, so positions point into the file. A MIME message
(multipart, base64 or quoted-printable) is decoded with the standard library and its first
``text/plain`` part is linted; positions then count from the start of that decoded part.
"""

from __future__ import annotations

import re

from sociable import regex_cache
from sociable.document import Document
from sociable.readers.base import Reader

_MIME_HINT = regex_cache.lazy(
    r"^(?:content-type:\s*multipart/|content-transfer-encoding:\s*(?:base64|quoted-printable))",
    re.I | re.M,
)


class EmailReader(Reader):
    name = "email"
    extensions = (".eml",)

    def read(self, text: str, path: str, channel: str | None) -> list[Document]:
        head = re.split(r"\r?\n[ \t]*\r?\n", text, maxsplit=1)[0]
        if not _MIME_HINT.search(head):
            return [Document.from_text(text, path, channel=channel, email_headers=True)]
        import email
        import email.policy

        message = email.message_from_string(text, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain",))
        body = part.get_content() if part is not None else ""
        subject = str(message.get("Subject", "") or "")
        rebuilt = f"Subject: {subject}\n\n{body}" if subject else body
        header_lines = head.count("\n") + 1
        return [
            Document.from_text(rebuilt, path, channel=channel, line_base=max(0, header_lines - 2))
        ]
