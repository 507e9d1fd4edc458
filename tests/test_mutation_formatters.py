"""What mutation testing of ``faces/formatters/`` found the suite did not pin down (docs/mutation.md).

Every output format byte for byte where a user or a tool reads it: the text format's colours,
``[*]`` marks, ``--show-source`` carets, ``--statistics`` and closing line; GitHub's levels;
JSON's encoding; SARIF's rules, regions and fixes; Vale's line format and its ordering.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from sociable.faces.formatters.base import Formatter, FormatterOptions, RunSummary
from sociable.faces.formatters.github import GithubFormatter
from sociable.faces.formatters.json import JsonFormatter, JsonLinesFormatter
from sociable.faces.formatters.sarif import SarifFormatter, region
from sociable.faces.formatters.text import TextFormatter, summary_line
from sociable.faces.formatters.vale_line import ValeLineFormatter
from sociable.findings import Applicability, Edit, Finding, Fix, Severity
from sociable.packs.schema import RuleSpec


def finding(
    path: str = "a.md", code: str = "EB101", severity: Severity = Severity.WARNING,
    line: int = 2, column: int = 5, end_line: int = 2, end_column: int = 9,
    fix: Fix | None = None, message: str = "Asks for reactions",
) -> Finding:
    return Finding(
        path=path, code=code, name="react-bait", category="engagement-bait", severity=severity,
        message=message, start=10, end=14, line=line, column=column, end_line=end_line,
        end_column=end_column, fix=fix, url=f"https://example.org/{code}",
    )


def spec(code: str, severity: str = "warning", summary: str = "", why: str = "Because. More.") -> RuleSpec:
    return RuleSpec(
        code=code, name=f"rule-{code.lower()}", kind="phrases", category="engagement-bait",
        severity=severity, scope="body", message="m", why=why, examples_bad=("x",),
        examples_good=("y",), pack="bait", source="bait.yaml:3", summary=summary,
    )


def render(formatter_class: type[Formatter], findings: list[Finding],
           summary: RunSummary | None = None, **options: object) -> str:
    stream = io.StringIO()
    formatter = formatter_class(stream, FormatterOptions(**options))  # type: ignore[arg-type]
    formatter.start()
    for item in findings:
        formatter.handle(item)
    formatter.stop(summary or RunSummary())
    return stream.getvalue()


SAFE = Fix((Edit(10, 14, ""),), Applicability.SAFE, "Remove it")
UNSAFE = Fix((Edit(10, 14, ""),), Applicability.UNSAFE, "Remove it")


# --- text ---------------------------------------------------------------------------------------


def test_text_marks_only_safe_fixes() -> None:
    out = render(TextFormatter, [finding(fix=SAFE), finding(line=3, fix=UNSAFE), finding(line=4)])
    assert out.splitlines()[:3] == [
        "a.md:2:5: EB101 Asks for reactions [*]",
        "a.md:3:5: EB101 Asks for reactions",
        "a.md:4:5: EB101 Asks for reactions",
    ]


def test_text_in_colour() -> None:
    out = render(
        TextFormatter,
        [finding(fix=SAFE), finding(code="NP102", severity=Severity.ERROR),
         finding(code="SX100", severity=Severity.INFO)],
        color=True,
    ).splitlines()
    assert out[0] == "\x1b[1ma.md:2:5:\x1b[0m \x1b[1;33mEB101\x1b[0m Asks for reactions\x1b[32m [*]\x1b[0m"
    assert out[1] == "\x1b[1ma.md:2:5:\x1b[0m \x1b[1;31mNP102\x1b[0m Asks for reactions"
    assert out[2] == "\x1b[1ma.md:2:5:\x1b[0m \x1b[1;36mSX100\x1b[0m Asks for reactions"


def source_line(path: str, line: int) -> str:
    return {("a.md", 2): "Big news: like this if you agree", ("a.md", 3): "and more"}.get((path, line), "")


def test_show_source_underlines_the_span() -> None:
    out = render(TextFormatter, [finding(column=11, end_column=15)], show_source=True,
                 source_line=source_line)
    assert out.splitlines()[:3] == [
        "a.md:2:11: EB101 Asks for reactions",
        "   2 | Big news: like this if you agree",
        " " * 17 + "^^^^",  # under "like": gutter of 7, then 10 characters before it
    ]


def test_show_source_of_a_span_over_lines_underlines_to_the_line_end() -> None:
    out = render(TextFormatter, [finding(column=29, end_line=3, end_column=4)], show_source=True,
                 source_line=source_line)
    assert out.splitlines()[1:3] == ["   2 | Big news: like this if you agree", " " * 35 + "^^^^"]


def test_show_source_of_an_empty_span_is_one_caret_in_colour() -> None:
    out = render(TextFormatter, [finding(severity=Severity.ERROR, column=1, end_column=1)],
                 show_source=True, source_line=source_line, color=True)
    assert out.splitlines()[2] == "\x1b[31m" + " " * 7 + "^\x1b[0m"


def test_show_source_without_the_line_adds_an_empty_line() -> None:
    out = render(TextFormatter, [finding(path="b.md")], show_source=True, source_line=source_line)
    assert out.splitlines()[:2] == ["b.md:2:5: EB101 Asks for reactions", ""]


def test_statistics_most_frequent_first_then_by_code() -> None:
    rules = {"EB101": spec("EB101", summary="Asks for reactions."), "GP201": spec("GP201")}
    # The most frequent code sorts last by name: the count decides first.
    summary = RunSummary(drafts=2, flagged=2, findings=9, by_code={"GP201": 2, "EB101": 2, "AU1": 2, "ZZ1": 3})
    out = render(TextFormatter, [], summary, statistics=True, rules=rules)
    assert out.splitlines() == [
        "3     ZZ1     ",
        "2     AU1     ",
        "2     EB101   rule-eb101: Asks for reactions.",
        "2     GP201   rule-gp201: Because.",
        "Found 9 findings in 2 drafts.",
    ]


def test_statistics_need_the_flag_and_quiet_drops_the_closing_line() -> None:
    summary = RunSummary(drafts=1, flagged=1, findings=1, by_code={"EB101": 1})
    assert render(TextFormatter, [], summary) == "Found 1 finding in 1 draft.\n"
    assert render(TextFormatter, [], summary, statistics=True, quiet=True) == "1     EB101   \n"
    assert render(TextFormatter, [], summary, quiet=True) == ""


@pytest.mark.parametrize(
    ("summary", "line"),
    [
        (RunSummary(drafts=3), "All checks passed!"),
        (RunSummary(drafts=3, errors=1), None),
        (RunSummary(drafts=3, fixed=1), "Fixed 1 finding; nothing else to report."),
        (RunSummary(drafts=3, fixed=2), "Fixed 2 findings; nothing else to report."),
        (RunSummary(drafts=3, fixed=2, errors=1), None),
        (RunSummary(drafts=3, flagged=1, findings=1, errors=1), "Found 1 finding in 1 draft."),
        (RunSummary(drafts=3, flagged=2, findings=5, fixable=1), "Found 5 findings in 2 drafts (1 fixable with --fix)."),
    ],
)
def test_summary_line(summary: RunSummary, line: str | None) -> None:
    assert summary_line(summary) == line


# --- github, json ---------------------------------------------------------------------------------


def test_github_levels() -> None:
    out = render(GithubFormatter, [finding(severity=s) for s in Severity]).splitlines()
    assert [line.split(" ", 1)[0] for line in out] == ["::error", "::warning", "::notice"]
    assert out[0] == (
        "::error file=a.md,line=2,col=5,endLine=2,endColumn=9,title=sociable EB101 (react-bait)"
        "::EB101 Asks for reactions"
    )


def test_github_escapes_colons_and_commas_in_properties_only() -> None:
    (line,) = render(GithubFormatter, [finding(path="C:/a,b.md", message="a: b, c")]).splitlines()
    assert line.startswith("::warning file=C%3A/a%2Cb.md,line=2,")
    assert line.endswith("::EB101 a: b, c")


def test_github_escapes_carriage_returns() -> None:
    (line,) = render(GithubFormatter, [finding(path="a\rb.md", message="one\r\ntwo")]).splitlines()
    assert "file=a%0Db.md," in line and line.endswith("::EB101 one%0D%0Atwo")


def test_json_keeps_non_ascii_and_ends_with_a_newline() -> None:
    out = render(JsonFormatter, [finding(message="Ça va 🎉")])
    assert "Ça va 🎉" in out and out.endswith("}\n]\n")
    assert out.startswith('[\n  {\n    "path": "a.md",')
    assert json.loads(out)[0]["message"] == "Ça va 🎉"
    assert render(JsonFormatter, []) == "[]\n"
    assert render(JsonLinesFormatter, [finding(message="Ça va")]).count("Ça va") == 1


# --- sarif ------------------------------------------------------------------------------------------


def sarif(findings: list[Finding], rules: dict[str, RuleSpec] | None = None) -> dict:
    return json.loads(render(SarifFormatter, findings, rules=rules or {}))


def test_sarif_describes_every_rule_of_the_run_and_each_finding_points_at_its_own() -> None:
    rules = {"GP201": spec("GP201", "info", why="  Generic. Long.  "), "EB101": spec("EB101", "error")}
    log = sarif([finding(code="GP201"), finding(code="ZZ9"), finding(code="EB101")], rules)
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["informationUri"]) == ("sociable", "https://github.com/sociable-lint/sociable")
    assert [rule["id"] for rule in driver["rules"]] == ["EB101", "GP201", "ZZ9"]
    gp = driver["rules"][1]
    assert gp == {
        "id": "GP201", "name": "rule-gp201", "shortDescription": {"text": "Generic."},
        "fullDescription": {"text": "Generic. Long."}, "helpUri": rules["GP201"].url,
        "defaultConfiguration": {"level": "note"},
        "properties": {"category": "engagement-bait", "pack": "bait"},
    }
    assert driver["rules"][2] == {"id": "ZZ9"}  # a plugin finding with no rule known
    assert [(r["ruleId"], r["ruleIndex"]) for r in run["results"]] == [("GP201", 1), ("ZZ9", 2), ("EB101", 0)]
    assert run["results"][0]["message"] == {"text": "Asks for reactions"}
    assert "fixes" not in run["results"][0]


def test_sarif_region_clamps_to_what_sarif_allows() -> None:
    assert region(finding(line=3, column=0, end_line=2, end_column=0)) == {
        "startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 1,
    }
    assert region(finding(line=2, column=4, end_line=5, end_column=2)) == {
        "startLine": 2, "startColumn": 4, "endLine": 5, "endColumn": 2,
    }
    # No line (a whole-corpus finding): offsets instead, never a negative length.
    assert region(finding(line=0)) == {"charOffset": 10, "charLength": 4}
    backwards = Finding("a.md", "X1", "x", "style", Severity.INFO, "m", 9, 3)
    assert region(backwards) == {"charOffset": 9, "charLength": 0}
    assert region(finding(line=1, column=1, end_line=1, end_column=1))["startLine"] == 1


def test_sarif_fix_without_a_description_and_with_no_edits() -> None:
    bare = Fix((Edit(1, 2, "x"),), Applicability.DISPLAY)
    (with_fix, without_edits) = sarif([finding(fix=bare), finding(fix=Fix(()))])["runs"][0]["results"]
    (fix,) = with_fix["fixes"]
    assert fix["description"] == {"text": "Apply the suggested change"}
    assert fix["properties"] == {"applicability": "display"}
    assert "fixes" not in without_edits


def test_sarif_keeps_non_ascii_and_ends_with_a_newline() -> None:
    out = render(SarifFormatter, [finding(message="Ça va")])
    assert "Ça va" in out and out.endswith("}\n")
    assert out.startswith('{\n  "$schema": ')


# --- vale-line --------------------------------------------------------------------------------------


def test_vale_line_is_relative_sorted_and_one_line_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    absolute = str(tmp_path / "sub" / "b.md")
    findings = [
        finding(path=absolute, line=1, column=2, message="two\n  lines"),
        finding(path="./a.md", line=9, column=1, code="Style.Rule"),
        finding(path="a.md", line=3, column=7),
        finding(path="-", line=1, column=1),
    ]
    assert render(ValeLineFormatter, findings).splitlines() == [
        "-:1:1:EB101:Asks for reactions",
        "a.md:3:7:EB101:Asks for reactions",
        "a.md:9:1:Style.Rule:Asks for reactions",
        "sub/b.md:1:2:EB101:two lines",
    ]


def test_vale_line_keeps_a_relative_path_as_given() -> None:
    (line,) = render(ValeLineFormatter, [finding(path=os.path.join("..", "x", "c.md"))]).splitlines()
    assert line == "../x/c.md:2:5:EB101:Asks for reactions"
