"""Bytes of a draft as text, before any reader sees it.

Readers know formats, not encodings: every source (a file, stdin, a history file) is decoded
here, so the linter, ``--fix`` and history agree on what is readable and say it the same way.
"""

from __future__ import annotations


class InputError(Exception):
    """A file sociable cannot read as a draft; the message says what to do."""


def decode(data: bytes, path: str) -> str:
    """Bytes of a draft as text: UTF-8 (BOM kept for the document to note) or UTF-16 with BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: cannot decode as UTF-16 ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file, not a draft; exclude it")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the draft as UTF-8"
        ) from None
