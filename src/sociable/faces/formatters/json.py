"""``json`` (one list) and ``json-lines`` (one object a line) formats."""

from __future__ import annotations

import json

from sociable.faces.formatters.base import Formatter, RunSummary
from sociable.findings import Finding


class JsonFormatter(Formatter):
    def start(self) -> None:
        self.items: list[dict[str, object]] = []

    def handle(self, finding: Finding) -> None:
        self.items.append(finding.to_dict())

    def stop(self, summary: RunSummary) -> None:
        json.dump(self.items, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


class JsonLinesFormatter(Formatter):
    def format(self, finding: Finding) -> str:
        return json.dumps(finding.to_dict(), ensure_ascii=False)
