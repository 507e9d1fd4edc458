"""CSV and JSON Lines exports of messages: one draft per row.

Outreach tools, CRMs and schedulers export what was sent (or is queued) as a table. Each row
becomes a :class:`Document` whose lines count from the row's line in the file, so a finding
points at ``sent.csv:14``. Columns (CSV headers or JSON keys, any case):

* the text: ``text``, ``message``, ``body`` or ``content`` (required);
* ``channel`` (optional; must be a channel sociable knows);
* the recipient: ``to``, ``recipient`` or ``name``, and ``company``;
* ``subject``, ``id`` and ``sent_at`` are accepted and otherwise not used.

Exports are read only when named on the command line or given as history (``discover =
False``): a folder of drafts often holds unrelated spreadsheets.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sociable.document import CHANNELS, Document, DocumentError, Recipient
from sociable.readers.base import Reader

TEXT_KEYS = ("text", "message", "body", "content")
RECIPIENT_KEYS = ("to", "recipient", "name")


def _pick(row: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = row.get(key)
        if value not in (None, ""):
            return value
    return None


def row_document(row: Mapping[str, Any], path: str, channel: str | None, line: int) -> Document | None:
    """The draft in one row (keys already lower-cased); None for a row with no text."""
    text = _pick(row, TEXT_KEYS)
    if text is None:
        return None
    if not isinstance(text, str):
        raise DocumentError(f"line {line}: the message text must be text, not {type(text).__name__}")
    row_channel = row.get("channel") or None
    if row_channel is not None and row_channel not in CHANNELS:
        raise DocumentError(
            f"line {line}: unknown channel {row_channel!r}; use one of: {', '.join(CHANNELS)}"
        )
    who = _pick(row, RECIPIENT_KEYS)
    company = str(row.get("company") or "").strip()
    recipient = Recipient.from_value(who)
    if company:
        recipient = Recipient(recipient.name if recipient else "", company, recipient.role if recipient else "")
    return Document.from_text(
        text.replace("\r\n", "\n"), path, channel=row_channel or channel, recipient=recipient,
        line_base=line - 1,
    )


class CsvReader(Reader):
    name = "csv-export"
    extensions = (".csv",)
    discover = False

    def read(self, text: str, path: str, channel: str | None) -> list[Document]:
        return [doc for doc in self._rows(text, path, channel) if doc is not None]

    def _rows(self, text: str, path: str, channel: str | None) -> Iterator[Document | None]:
        import csv
        import io

        reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            return
        except csv.Error as exc:
            raise DocumentError(f"line 1: not a readable CSV header ({exc})") from None
        if not any(key in header for key in TEXT_KEYS):
            raise DocumentError(
                f"no message column; name one of: {', '.join(TEXT_KEYS)} (found: {', '.join(header)})"
            )
        line = reader.line_num + 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise DocumentError(f"line {line}: broken CSV row ({exc})") from None
            yield row_document(dict(zip(header, values, strict=False)), path, channel, line)
            line = reader.line_num + 1


class JsonLinesReader(Reader):
    name = "jsonl-export"
    extensions = (".jsonl", ".ndjson")
    discover = False

    def read(self, text: str, path: str, channel: str | None) -> list[Document]:
        import json

        docs: list[Document] = []
        for number, raw in enumerate(text.lstrip("\ufeff").split("\n"), 1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise DocumentError(f"line {number}: not valid JSON ({exc.msg})") from None
            if not isinstance(data, dict):
                raise DocumentError(f"line {number}: each line must be a JSON object")
            doc = row_document({str(k).lower(): v for k, v in data.items()}, path, channel, number)
            if doc is not None:
                docs.append(doc)
        return docs
