"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule of the run is described (short and full description from the rule's one-line
summary and ``why``, help URI, default level), and each result points at its rule by index.
"""

from __future__ import annotations

import json
from pathlib import Path

from sociable import __version__
from sociable.faces.formatters.base import Formatter, RunSummary
from sociable.findings import Finding

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


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
            result: dict[str, object] = {
                "ruleId": finding.code,
                "ruleIndex": index[finding.code],
                "level": _LEVEL[finding.severity.value],
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": Path(finding.path).as_posix()},
                            "region": {
                                "startLine": finding.line,
                                "startColumn": finding.column,
                                "endLine": finding.end_line,
                                "endColumn": finding.end_column,
                            },
                        }
                    }
                ],
            }
            if finding.fix is not None:
                result["fixes"] = [{"description": {"text": finding.fix.description}}]
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
