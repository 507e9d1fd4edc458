"""SARIF output is valid against the official OASIS 2.1.0 schema (vendored in tests/data/sarif).

Issue 15, item 2 (fixes carry ``artifactChanges``, URIs are percent-encoded, absolute paths are
``file://`` URIs, info is ``note``) and item 8 (a rule's short description is its whole first
sentence, quotes included).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from sociable.faces.formatters.base import FormatterOptions, RunSummary
from sociable.faces.formatters.sarif import SarifFormatter, artifact_uri
from sociable.findings import Applicability, Edit, Finding, Fix, Severity
from sociable.packs.schema import first_sentence

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

SCHEMA_FILE = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    # Format checking on, so "uri" and "uri-reference" strings are checked too. The schema is
    # draft-04, whose checker knows no "uri-reference": draft 7's does (rfc3986-validator).
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    assert not checker.conforms("sub dir/a #1.md", "uri-reference"), "format checks are off"
    return cls(schema, format_checker=checker)


def finding(path: str, severity: Severity, fix: Fix | None = None, code: str = "EB101") -> Finding:
    return Finding(
        path=path, code=code, name="react-bait", category="engagement-bait", severity=severity,
        message="Asks for reactions", start=4, end=20, line=2, column=5, end_line=2,
        end_column=21, fix=fix, url="https://example.org/EB101",
    )


def render(findings: list[Finding], rules: object = None) -> dict:
    stream = io.StringIO()
    formatter = SarifFormatter(stream, FormatterOptions(rules=rules or {}))  # type: ignore[arg-type]
    formatter.start()
    for item in findings:
        formatter.handle(item)
    formatter.stop(RunSummary(drafts=1, findings=len(findings)))
    return json.loads(stream.getvalue())


def errors(validator: jsonschema.protocols.Validator, log: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def test_the_vendored_schema_is_the_official_one() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert (SCHEMA_FILE.parent / "LICENSE.md").is_file()


def test_every_severity_fix_and_awkward_path_is_valid(validator, ruleset) -> None:  # type: ignore[no-untyped-def]
    fix = Fix((Edit(4, 20, ""), Edit(0, 0, "Hi ")), Applicability.UNSAFE, "Remove the phrase")
    findings = [
        finding("sub dir/my draft #1.md", Severity.WARNING, fix),
        finding("drafts/ünïcode?&%.md", Severity.ERROR, code="NP102"),
        finding(str(Path("/tmp/abs dir/post.md")), Severity.INFO, code="RD101"),
        finding("-", Severity.INFO, Fix((Edit(1, 3, "x"),)), code="SX100"),
    ]
    log = render(findings, ruleset.specs)
    assert errors(validator, log) == []


def test_levels_are_sarif_levels(ruleset) -> None:  # type: ignore[no-untyped-def]
    log = render(
        [finding("a.md", Severity.ERROR), finding("b.md", Severity.WARNING),
         finding("c.md", Severity.INFO)],
        ruleset.specs,
    )
    assert [r["level"] for r in log["runs"][0]["results"]] == ["error", "warning", "note"]
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    info_rules = [c for c, s in ruleset.specs.items() if s.severity == "info"]
    assert info_rules, "no info rule to check"
    assert {rules[c]["defaultConfiguration"]["level"] for c in info_rules} == {"note"}


def test_info_written_as_info_fails_the_schema(validator) -> None:  # type: ignore[no-untyped-def]
    # The schema itself must refuse the bug this suite guards against.
    log = render([finding("a.md", Severity.INFO)])
    log["runs"][0]["results"][0]["level"] = "info"
    assert any("level" in e for e in errors(validator, log))


def test_unencoded_uri_fails_the_schema(validator) -> None:  # type: ignore[no-untyped-def]
    log = render([finding("a.md", Severity.WARNING)])
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    location["artifactLocation"]["uri"] = "sub dir/my draft #1.md"
    assert any("uri-reference" in e for e in errors(validator, log))


def test_fix_without_artifact_changes_fails_the_schema(validator) -> None:  # type: ignore[no-untyped-def]
    log = render([finding("a.md", Severity.WARNING, Fix((Edit(4, 20, ""),)))])
    del log["runs"][0]["results"][0]["fixes"][0]["artifactChanges"]
    assert any("artifactChanges" in e for e in errors(validator, log))


def test_fixes_carry_their_edits() -> None:
    fix = Fix((Edit(30, 34, "use"), Edit(4, 20, "")), Applicability.SAFE, "Tidy")
    (result,) = render([finding("sub dir/a.md", Severity.WARNING, fix)])["runs"][0]["results"]
    (change,) = result["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "sub%20dir/a.md"
    assert [
        (r["deletedRegion"]["charOffset"], r["deletedRegion"]["charLength"], r["insertedContent"]["text"])
        for r in change["replacements"]
    ] == [(4, 16, ""), (30, 4, "use")]
    assert result["fixes"][0]["description"]["text"] == "Tidy"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("sub dir/my draft #1.md", "sub%20dir/my%20draft%20%231.md"),
        ("plain/post.md", "plain/post.md"),
        ("100%.md", "100%25.md"),
        ("café.md", "caf%C3%A9.md"),
    ],
)
def test_relative_uris_are_percent_encoded(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri
    assert unquote(uri) == path


def test_absolute_paths_are_file_uris(tmp_path: Path) -> None:
    path = tmp_path / "my draft #2.md"
    uri = artifact_uri(str(path))
    parts = urlsplit(uri)
    assert parts.scheme == "file" and unquote(parts.path) == str(path)
    assert "#" not in uri and " " not in uri


def test_end_to_end_sarif_is_valid(tmp_path: Path, run_cli, validator) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "sub dir"
    folder.mkdir()
    (folder / "my draft #1.md").write_text(
        "Hi there,\n\nLike if you agree! <!-- sociable: ignore GP -->\n", encoding="utf-8"
    )
    result = run_cli("check", "--output-format", "sarif", "sub dir")
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    assert errors(validator, log) == []
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"sub%20dir/my%20draft%20%231.md"}
    assert any("fixes" in r for r in log["runs"][0]["results"])  # SX100's removal


def test_absolute_path_end_to_end_is_a_file_uri(tmp_path: Path, run_cli, validator) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "post.md"
    draft.write_text("Like if you agree!\n", encoding="utf-8")
    log = json.loads(run_cli("check", "--format", "sarif", str(draft)).stdout)
    assert errors(validator, log) == []
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == draft.as_uri()


# --- item 8: summaries are whole first sentences -----------------------------------------------


def test_a_summary_keeps_its_quote(ruleset) -> None:  # type: ignore[no-untyped-def]
    from sociable.packs.schema import first_sentence

    why = '"Thanks for connecting! Check out my..." opens many sequences. The rest is detail.'
    assert first_sentence(why) == '"Thanks for connecting! Check out my..." opens many sequences.'
    summary = ruleset.specs["NP104"].one_line  # a shipped rule that quotes a "Hello!"
    assert '"Hello!" where the name should be' in summary and summary.endswith(".")
    log = render([], ruleset.specs)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["NP104"]["shortDescription"]["text"] == summary


def test_rules_command_prints_the_whole_summary(run_cli) -> None:
    line = next(x for x in run_cli("rules").stdout.splitlines() if x[1:].startswith("NP104"))
    assert '"Hello!" where the name should be' in line


@pytest.mark.parametrize(
    ("why", "first"),
    [
        ("One. Two.", "One."),
        ('Say "Hi! How are you?" to them. Then stop.', 'Say "Hi! How are you?" to them.'),
        ("Curly \u201cWow! Amazing.\u201d quotes. Next.", "Curly \u201cWow! Amazing.\u201d quotes."),
        ("Use e.g. a name. Then more.", "Use e.g. a name."),
        ("Stop! Now.", "Stop!"),
        ("ends at 3.5 percent. Next.", "ends at 3.5 percent."),
        ("no end at all", "no end at all"),
        ("Wrapped\n  over lines. Next.", "Wrapped over lines."),
        ('A quote "unclosed. Still going', 'A quote "unclosed. Still going'),
    ],
)
def test_first_sentence(why: str, first: str) -> None:
    assert first_sentence(why) == first
