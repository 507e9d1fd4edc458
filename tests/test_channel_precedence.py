"""A draft's own ``channel:`` beats the configuration's ``channel``, its ``channels`` globs and
``--channel`` (issue 15, "Also"): the writer said where it goes.

LN104 is the probe: 400 characters are too long for a LinkedIn connection note (300) and fine
for a LinkedIn post (3,000).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

BODY = ("We met at the logistics meetup in Porto and talked about cold-chain sensors. " * 6).strip()
CONNECT = f"---\nchannel: linkedin-connect\n---\n{BODY}\n"
POST_FRONTMATTER = f"---\nchannel: linkedin-post\n---\n{BODY}\n"


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    assert result.returncode in (0, 1), result.stderr
    return sorted({item["code"] for item in json.loads(result.stdout or "[]")})


@pytest.mark.parametrize(
    ("config", "flags"),
    [
        ('channel = "linkedin-post"\n', []),
        ('[channels]\n"*.md" = "linkedin-post"\n', []),
        ("", ["--channel", "linkedin-post"]),
        ('channel = "linkedin-post"\n[channels]\n"*.md" = "linkedin-post"\n',
         ["--channel", "linkedin-post"]),
    ],
)
def test_frontmatter_channel_wins(tmp_path: Path, run_cli, config: str, flags: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert len(BODY) > 300
    (tmp_path / "sociable.toml").write_text('select = ["LN104"]\n' + config, encoding="utf-8")
    (tmp_path / "note.md").write_text(CONNECT, encoding="utf-8")
    (tmp_path / "plain.md").write_text(f"{BODY}\n", encoding="utf-8")
    result = run_cli("check", "--output-format", "json", *flags, "note.md")
    assert codes(result) == ["LN104"]  # judged as a connection note, as its frontmatter says
    control = run_cli("check", "--output-format", "json", *flags, "plain.md")
    assert codes(control) == []  # without frontmatter the configured post channel applies


def test_frontmatter_channel_wins_the_other_way(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "sociable.toml").write_text(
        'select = ["LN104"]\nchannel = "linkedin-connect"\n', encoding="utf-8"
    )
    (tmp_path / "post.md").write_text(POST_FRONTMATTER, encoding="utf-8")
    (tmp_path / "plain.md").write_text(f"{BODY}\n", encoding="utf-8")
    flags = ["--channel", "linkedin-connect"]
    assert codes(run_cli("check", "--output-format", "json", *flags, "post.md")) == []
    assert codes(run_cli("check", "--output-format", "json", *flags, "plain.md")) == ["LN104"]


def test_frontmatter_channel_wins_on_stdin(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(
        "check", "--isolated", "--select", "LN104", "--channel", "linkedin-post",
        "--output-format", "json", "--stdin-filename", "note.md", "-", stdin=CONNECT,
    )
    assert codes(result) == ["LN104"]
