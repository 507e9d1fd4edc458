"""Every output format, on one fixed list of findings and end to end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sociable.faces.formatters.base import FormatterOptions, RunSummary
from sociable.faces.formatters.github import GithubFormatter
from sociable.faces.formatters.json import JsonFormatter, JsonLinesFormatter
from sociable.faces.formatters.sarif import SarifFormatter
from sociable.faces.formatters.text import TextFormatter
from sociable.findings import Applicability, Edit, Finding, Fix, Severity

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

FINDINGS = [
    Finding(
        path="drafts/a,b.md", code="EB101", name="react-bait", category="engagement-bait",
        severity=Severity.WARNING, message='Asks for reactions ("Like this if"): 100% fix\nit',
        start=10, end=22, line=3, column=1, end_line=3, end_column=13,
        fix=Fix((Edit(10, 22, ""),), Applicability.SAFE, "Remove the phrase"), url="https://x/EB101",
    ),
    Finding(
        path="drafts/c.md", code="NP102", name="unfilled-merge-field", category="no-personalization",
        severity=Severity.ERROR, message="Unfilled merge field {{first_name}}",
        start=3, end=17, line=1, column=4, end_line=1, end_column=18,
    ),
]


def render(formatter_class: type, **options: object) -> str:
    stream = io.StringIO()
    formatter = formatter_class(stream, FormatterOptions(**options))  # type: ignore[arg-type]
    formatter.start()
    for finding in FINDINGS:
        formatter.handle(finding)
    formatter.stop(RunSummary(drafts=3, flagged=2, findings=2, fixable=1, by_code={"EB101": 1, "NP102": 1}))
    return stream.getvalue()


def test_text() -> None:
    out = render(TextFormatter).splitlines()
    assert out[0] == 'drafts/a,b.md:3:1: EB101 Asks for reactions ("Like this if"): 100% fix it [*]'
    assert out[1] == "drafts/c.md:1:4: NP102 Unfilled merge field {{first_name}}"
    assert out[-1] == "Found 2 findings in 2 drafts (1 fixable with --fix)."


def test_json_has_every_documented_field() -> None:
    data = json.loads(render(JsonFormatter))
    assert [item["code"] for item in data] == ["EB101", "NP102"]
    expected = {"path", "line", "column", "end_line", "end_column", "code", "name", "category",
                "severity", "message", "fix", "url"}
    assert expected <= set(data[0])
    assert data[0]["fix"]["applicability"] == "safe" and data[0]["fix"]["edits"][0]["start"] == 10
    assert data[1]["fix"] is None and data[1]["severity"] == "error"


def test_json_lines_one_object_per_line() -> None:
    lines = render(JsonLinesFormatter).splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["EB101", "NP102"]


def test_github_escapes_properties_and_data() -> None:
    first, second = render(GithubFormatter).splitlines()
    assert first.startswith("::warning file=drafts/a%2Cb.md,line=3,col=1,endLine=3,endColumn=13,")
    assert "title=sociable EB101 (react-bait)" in first
    assert first.endswith('::EB101 Asks for reactions ("Like this if"): 100%25 fix%0Ait')
    assert second.startswith("::error file=drafts/c.md,line=1,col=4,")


def test_sarif_is_2_1_0_with_rule_descriptions(ruleset) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(render(SarifFormatter, rules=ruleset.specs))
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    driver = log["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert rules["EB101"]["fullDescription"]["text"] == ruleset.specs["EB101"].why.strip()
    assert rules["EB101"]["defaultConfiguration"]["level"] == "warning"
    results = log["runs"][0]["results"]
    assert results[1]["level"] == "error"
    assert driver["rules"][results[0]["ruleIndex"]]["id"] == "EB101"
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 4, 18)


@pytest.mark.parametrize("fmt", ["text", "json", "json-lines", "sarif", "github"])
def test_every_format_end_to_end(tmp_path: Path, run_cli, fmt: str) -> None:
    (tmp_path / "a.md").write_text("So true.\nLike this if you agree!\n", encoding="utf-8")
    result = run_cli("check", "--output-format", fmt, "a.md")
    assert result.returncode == 1, result.stderr
    assert "EB101" in result.stdout
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)
    out_file = tmp_path / "out.txt"
    run_cli("check", "--format", fmt, "-o", str(out_file), "a.md")
    assert "EB101" in out_file.read_text(encoding="utf-8")


def test_unknown_format_is_exit_2(tmp_path: Path, run_cli) -> None:
    (tmp_path / "a.md").write_text("hello\n", encoding="utf-8")
    result = run_cli("check", "--output-format", "yaml", "a.md")
    assert result.returncode == 2 and "unknown output format 'yaml'" in result.stderr
