"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule of the run is described (short and full description from the rule's one-line
summary and ``why``, help URI, default level), and each result points at its rule by index.
The log is valid against the official OASIS schema (``tests/test_sarif_schema.py`` checks it):
a relative path is a percent-encoded relative URI, an absolute one a ``file://`` URI, a fix
carries its edits as ``artifactChanges``, and ``info`` findings are SARIF's ``note``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from sociable import __version__
from sociable.faces.formatters.base import Formatter, RunSummary
from sociable.findings import Finding, Fix

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A path as a URI reference: ``file://`` when absolute, else relative and percent-encoded
    (``sub dir/my draft #1.md`` -> ``sub%20dir/my%20draft%20%231.md``)."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(Path(path).as_posix(), safe="/")


def region(finding: Finding) -> dict[str, int]:
    """Lines and columns, 1-based as SARIF counts them (a line of 0 is not a place)."""
    if finding.line < 1:
        return {"charOffset": finding.start, "charLength": max(0, finding.end - finding.start)}
    return {
        "startLine": finding.line,
        "startColumn": max(1, finding.column),
        "endLine": max(finding.line, finding.end_line),
        "endColumn": max(1, finding.end_column),
    }


def fix_object(fix: Fix, uri: str) -> dict[str, object]:
    """A SARIF ``fix``: every edit as a replacement of a character range of the artifact."""
    return {
        "description": {"text": fix.description or "Apply the suggested change"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [
                    {
                        "deletedRegion": {
                            "charOffset": edit.start, "charLength": edit.end - edit.start,
                        },
                        "insertedContent": {"text": edit.replacement},
                    }
                    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end))
                ],
            }
        ],
        "properties": {"applicability": fix.applicability.value},
    }


class SarifFormatter(Formatter):
    def start(self) -> None:
        self.findings: list[Finding] = []

    def handle(self, finding: Finding) -> None:
        self.findings.append(finding)

    def stop(self, summary: RunSummary) -> None:
        rules = self.options.rules
        codes = sorted(set(rules) | {f.code for f in self.findings})
        index = {code: i for i, code in enumerate(codes)}
        descriptors = []
        for code in codes:
            spec = rules.get(code)
            descriptor: dict[str, object] = {"id": code}
            if spec is not None:
                descriptor.update(
                    name=spec.name,
                    shortDescription={"text": spec.one_line},
                    fullDescription={"text": spec.why.strip()},
                    helpUri=spec.url,
                    defaultConfiguration={"level": _LEVEL[spec.severity]},
                    properties={"category": spec.category, "pack": spec.pack},
                )
            descriptors.append(descriptor)
        results = []
        for finding in self.findings:
            uri = artifact_uri(finding.path)
            result: dict[str, object] = {
                "ruleId": finding.code,
                "ruleIndex": index[finding.code],
                "level": _LEVEL[finding.severity.value],
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri},
                            "region": region(finding),
                        }
                    }
                ],
            }
            if finding.fix is not None and finding.fix.edits:
                result["fixes"] = [fix_object(finding.fix, uri)]
            results.append(result)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "sociable",
                            "version": __version__,
                            "informationUri": "https://github.com/sociable-lint/sociable",
                            "rules": descriptors,
                        }
                    },
                    "results": results,
                }
            ],
        }
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
