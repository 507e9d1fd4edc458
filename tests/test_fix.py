"""``sociable check --fix`` / ``--diff`` end to end, and the fix loop underneath.

The CLI tests run the real command on files in a temporary folder and compare bytes: a fix
must change what it means to change and nothing else (encoding, BOM, line endings, the last
newline, file mode). The folder is a project whose configuration selects only the rules of
``tests/data/fix-rules.yaml`` (plus SX100), so the expected fixes do not move when the
built-in packs are tuned.
"""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from sociable.findings import Applicability, Edit, Finding, Fix, Severity
from sociable.fixer import apply_edits, choose_fixes, fix_until_stable, newline_of, unified_diff

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

UNUSED = "<!-- sociable: ignore ZZ101 -->"  # silences nothing in these drafts: SX100, safe fix
TEMPLATE = "I hope this email finds you well."  # ZZ103, an unsafe fix (removes the sentence)
PACK = Path(__file__).parent / "data" / "fix-rules.yaml"


@pytest.fixture(autouse=True)
def project(tmp_path: Path) -> Path:
    shutil.copy(PACK, tmp_path / "fix-rules.yaml")
    (tmp_path / "sociable.toml").write_text(
        'select = ["ZZ", "SX"]\nextend-packs = ["fix-rules.yaml"]\n', encoding="utf-8"
    )
    return tmp_path


def fixed_line(line: str) -> str:
    """The line once SX100's fix removed the unused comment (trailing blanks may go too)."""
    return line.replace(UNUSED, "").rstrip(" ")


def assert_only_comment_removed(before: str, after: str, newline: str) -> None:
    old, new = before.split(newline), after.split(newline)
    assert len(old) == len(new), "a fix must not add or join lines"
    for was, now in zip(old, new, strict=True):
        if UNUSED in was:
            assert UNUSED not in now and now.rstrip(" ") == fixed_line(was)
        else:
            assert now == was


def test_fix_keeps_crlf_emoji_and_missing_final_newline(tmp_path: Path, run_cli) -> None:
    before = "We utilize 🎤🚀 on stage.\r\n\r\nSee you in Lisbon 🇵🇹\r\nAna"
    draft = tmp_path / "post.md"
    draft.write_bytes(before.encode("utf-8"))
    result = run_cli("check", "--fix", "post.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Fixed 1 finding (0 remaining)." in result.stdout
    assert draft.read_bytes() == before.replace("utilize", "use").encode("utf-8")


def test_fix_keeps_crlf_when_removing_a_comment(tmp_path: Path, run_cli) -> None:
    text = f"Loved your talk 🎤🚀 on pricing. {UNUSED}\r\n\r\nSee you in Lisbon\r\nAna"
    draft = tmp_path / "post.md"
    draft.write_bytes(text.encode("utf-8"))
    assert run_cli("check", "--fix", "post.md").returncode == 0
    data = draft.read_bytes()
    assert not data.endswith(b"\n") and data.count(b"\r\n") == 3 and data.count(b"\n") == 3
    assert_only_comment_removed(text, data.decode("utf-8"), "\r\n")


def test_fix_keeps_utf8_bom(tmp_path: Path, run_cli) -> None:
    text = "Thanks for the intro, Sam. We utilize your API daily.\nTalk soon\n"
    draft = tmp_path / "note.txt"
    draft.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert run_cli("check", "--fix", "note.txt").returncode == 0
    assert draft.read_bytes() == b"\xef\xbb\xbf" + text.replace("utilize", "use").encode("utf-8")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_fix_keeps_utf16_with_bom(tmp_path: Path, run_cli, codec: str) -> None:
    bom = b"\xff\xfe" if codec == "utf-16-le" else b"\xfe\xff"
    text = "Nice 🚀 demo, Lee. We utilize it too.\r\nBye\r\n"
    draft = tmp_path / "dm.txt"
    draft.write_bytes(bom + text.encode(codec))
    result = run_cli("check", "--fix", "dm.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert draft.read_bytes() == bom + text.replace("utilize", "use").encode(codec)


def test_fix_twice_changes_nothing_the_second_time(tmp_path: Path, run_cli) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(
        f"{TEMPLATE} Great panel. {UNUSED}\n\nWe utilize it.\n", encoding="utf-8"
    )
    first = run_cli("check", "--fix", "--unsafe-fixes", ".")
    assert "Fixed 3 findings (0 remaining)." in first.stdout
    after_first = draft.read_bytes()
    mtime = draft.stat().st_mtime_ns
    second = run_cli("check", "--fix", "--unsafe-fixes", ".")
    assert second.returncode == 0 and "Fixed" not in second.stdout
    assert draft.read_bytes() == after_first and draft.stat().st_mtime_ns == mtime


def test_fix_keeps_file_mode_and_leaves_no_temporary_files(tmp_path: Path, run_cli) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(f"Good read. {UNUSED}\n", encoding="utf-8")
    draft.chmod(0o640)
    assert run_cli("check", "--fix", "post.md").returncode == 0
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert UNUSED not in draft.read_text(encoding="utf-8")
    left = {p.name for p in tmp_path.iterdir()} - {".cache", "fix-rules.yaml", "sociable.toml"}
    assert left == {"post.md"}


def test_diff_prints_changes_and_writes_nothing(tmp_path: Path, run_cli) -> None:
    draft = tmp_path / "post.md"
    original = f"Hi Sam,\n\nLoved the demo. {UNUSED}\n"
    draft.write_text(original, encoding="utf-8")
    result = run_cli("check", "--diff", "post.md")
    assert result.returncode == 1
    assert "--- a/post.md" in result.stdout and "+++ b/post.md" in result.stdout
    assert f"-Loved the demo. {UNUSED}" in result.stdout
    assert "+Loved the demo." in result.stdout
    assert "Would fix 1 finding in 1 draft." in result.stderr
    assert draft.read_text(encoding="utf-8") == original


def test_diff_exits_zero_when_nothing_to_fix(tmp_path: Path, run_cli) -> None:
    draft = tmp_path / "post.md"
    draft.write_text("Your pricing talk made me rethink our trial.\n", encoding="utf-8")
    result = run_cli("check", "--diff", ".")
    assert result.returncode == 0 and result.stdout == ""
    assert "No fixes available." in result.stderr


def test_unsafe_fixes_need_opt_in(tmp_path: Path, run_cli) -> None:
    draft = tmp_path / "mail.md"
    original = f"Hi Sam,\n\n{TEMPLATE} Your SaaStr talk on churn stuck with me.\n"
    draft.write_text(original, encoding="utf-8")
    safe_only = run_cli("check", "--fix", "mail.md")
    assert safe_only.returncode == 1
    assert "mail.md:3:1: ZZ103" in safe_only.stdout  # the normal format for what remains
    assert "1 more fix is available with `--fix --unsafe-fixes`." in safe_only.stdout
    assert draft.read_text(encoding="utf-8") == original
    unsafe = run_cli("check", "--fix", "--unsafe-fixes", "mail.md")
    assert unsafe.returncode == 0, unsafe.stdout
    expected = "Hi Sam,\n\nYour SaaStr talk on churn stuck with me.\n"
    assert draft.read_text(encoding="utf-8") == expected


def test_stdin_fix_writes_the_fixed_draft_to_stdout(run_cli) -> None:
    result = run_cli(
        "check", "--fix", "--unsafe-fixes", "--stdin-filename", "draft.md", "-",
        stdin=f"{TEMPLATE} We utilize depot data. {UNUSED}\nLike if you agree!\n",
    )
    assert result.stdout.splitlines()[0].rstrip() == "We use depot data."
    assert result.stdout.splitlines()[1:] == ["Like if you agree!"]
    # What remains is reported on stderr, so stdout stays the draft alone.
    assert "draft.md:2:1: ZZ101" in result.stderr
    assert "Fixed 3 findings (1 remaining)." in result.stderr
    assert result.returncode == 1


def test_fix_with_stdin_and_files_is_a_usage_error(tmp_path: Path, run_cli) -> None:
    (tmp_path / "a.md").write_text("Hello\n", encoding="utf-8")
    result = run_cli("check", "--fix", "-", "a.md", stdin="Hi\n")
    assert result.returncode == 2
    assert "--fix with '-'" in result.stderr and "Traceback" not in result.stderr


def test_mime_email_is_not_rewritten(tmp_path: Path, run_cli) -> None:
    raw = (
        "From: a@example.org\nSubject: Hello\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        f"Thanks for the intro, Sam. {UNUSED}\n"
    )
    mail = tmp_path / "note.eml"
    mail.write_text(raw, encoding="utf-8")
    result = run_cli("check", "--fix", "note.eml")
    assert mail.read_text(encoding="utf-8") == raw
    assert "not stored as written" in result.stderr
    assert "SX100" in result.stdout


def test_unreadable_file_is_one_line_error(tmp_path: Path, run_cli) -> None:
    (tmp_path / "bad.md").write_bytes(b"caf\xe9 au lait\n")
    result = run_cli("check", "--fix", "bad.md")
    assert result.returncode == 2
    assert "not valid UTF-8" in result.stderr and "Traceback" not in result.stderr


# --- the fix loop, without the CLI ----------------------------------------------------------


def finding(start: int, end: int, fix: Fix | None, code: str = "XX100") -> Finding:
    return Finding("-", code, "n", "style", Severity.WARNING, "m", start, end, fix=fix)


def test_choose_fixes_skips_overlaps_and_display_fixes() -> None:
    a = Fix((Edit(0, 5, ""),))
    b = Fix((Edit(3, 8, "x"),))  # overlaps a: waits for the next pass
    c = Fix((Edit(8, 9, "y"),), Applicability.UNSAFE)
    d = Fix((Edit(10, 11, "z"),), Applicability.DISPLAY)
    found = [finding(0, 5, a), finding(3, 8, b), finding(8, 9, c), finding(10, 11, d)]
    assert choose_fixes(found) == [a]
    assert choose_fixes(found, unsafe=True) == [a, c]


def test_two_insertions_at_one_point_are_not_both_applied() -> None:
    first, second = Fix((Edit(4, 4, "A"),)), Fix((Edit(4, 4, "B"),))
    assert choose_fixes([finding(4, 4, first), finding(4, 4, second)]) == [first]


def test_apply_edits_follows_the_drafts_line_endings() -> None:
    text = "one\r\ntwo\r\n"
    assert newline_of(text) == "\r\n"
    assert apply_edits(text, [Edit(3, 3, "\nand a half")], "\r\n") == "one\r\nand a half\r\ntwo\r\n"


def test_fix_loop_is_bounded_when_a_fix_recreates_its_finding() -> None:
    calls = []

    def lint(text: str) -> list[Finding]:
        calls.append(text)
        return [finding(0, 0, Fix((Edit(0, 0, "x"),)))]  # always offers one more "x"

    outcome = fix_until_stable("", lint, max_passes=4)
    assert outcome.text == "xxxx" and outcome.fixed == 4 and len(calls) == 5


def test_fix_loop_stops_at_the_last_text_that_lints() -> None:
    def lint(text: str) -> list[Finding]:
        if text == "b":
            raise ValueError("broken frontmatter")
        return [finding(0, 1, Fix((Edit(0, 1, "b"),)))]

    outcome = fix_until_stable("a", lint)
    assert outcome.text == "a" and outcome.fixed == 0 and "unreadable" in (outcome.problem or "")


def test_unified_diff_marks_missing_final_newline() -> None:
    diff = unified_diff("a\nb", "a\nc", "x.md")
    assert "-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n" in diff
