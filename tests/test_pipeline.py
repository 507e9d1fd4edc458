"""The one pipeline every face uses: a source in, its results out; history through readers."""

from __future__ import annotations

from pathlib import Path

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document, Recipient
from sociable.pipeline import Source, finish_run, lint_source
from sociable.readers.base import Reader
from sociable.readers.text import TextReader

PITCH = (
    "I read your post about onboarding churn and the way you cut the trial to seven days. "
    "We saw the same drop when we moved the activation email earlier, and the fix was dull: "
    "one reminder on day two. Would a short call next week be useful, or should I send the notes?"
)


def draft(name: str) -> str:
    return f"Hi {name},\n\n{PITCH}\n\nBest,\nSam\n"


class LogReader(Reader):
    """A plugin's format: one message per line of a ``.log`` file, after a tab."""

    name = "log"
    extensions = (".log",)

    def read(self, text: str, path: str, channel: str | None) -> list[Document]:
        return [
            Document.from_text(line.split("\t", 1)[1].replace("\\n", "\n"), path, channel=channel,
                               line_base=number)
            for number, line in enumerate(text.splitlines()) if "\t" in line
        ]


def test_history_is_read_through_the_registered_readers(tmp_path: Path) -> None:
    sent = tmp_path / "sent"
    sent.mkdir()
    (sent / "outbox.log").write_text("2025-01-02\t" + draft("Hal").replace("\n", "\\n") + "\n")
    context = load_context(Config(root=tmp_path, history=(sent,)), select=["RP101"], use_cache=False)
    mine = lint_source(Source(draft("Ana"), "new.md"), context.ruleset, context.readers(), context.config)
    without = finish_run(mine.results, context.ruleset, context.readers())
    assert without == []  # no built-in reader claims .log, so the folder holds no history
    readers = {**context.readers(), ".log": LogReader()}
    found = finish_run(mine.results, context.ruleset, readers)
    assert [f.code for f in found] == ["RP101"]
    assert "Already sent" in found[0].message and "outbox.log" in found[0].message


def test_missing_history_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    context = load_context(
        Config(root=tmp_path, history=(tmp_path / "nope.csv",)), select=["RP"], use_cache=False
    )
    mine = lint_source(Source(draft("Ana"), "a.md"), context.ruleset, context.readers(), context.config)
    problems: list[str] = []
    assert finish_run(mine.results, context.ruleset, context.readers(), problems=problems) == []
    assert len(problems) == 1 and "nope.csv: history not found" in problems[0]


def test_bad_frontmatter_is_one_line_naming_the_source(tmp_path: Path) -> None:
    context = load_context(Config(root=tmp_path), use_cache=False)
    outcome = lint_source(
        Source("---\nchannel: fax\n---\nHi\n", "drafts/x.md"), context.ruleset,
        context.readers(), context.config,
    )
    assert outcome.results == [] and outcome.error is not None
    assert outcome.error.startswith("drafts/x.md: ") and "fax" in outcome.error


def test_channel_globs_per_file_ignores_and_recipient(tmp_path: Path) -> None:
    config = Config(
        root=tmp_path, channels={"dm/**": "linkedin-dm"}, per_file_ignores={"dm/**": ("GP",)}
    )
    context = load_context(config, use_cache=False)
    text = "Hi,\n\nI hope this finds you well. Can we talk?\n\nSam\n"
    readers = {".txt": TextReader(), ".md": TextReader()}
    plain = lint_source(Source(text, "a.md"), context.ruleset, readers, config, keep_documents=True)
    in_dm = lint_source(
        Source(text, "dm/a.md", recipient=Recipient("Ana Silva")), context.ruleset, readers,
        config, keep_documents=True,
    )
    assert plain.documents[0].channel is None
    assert in_dm.documents[0].channel == "linkedin-dm"
    assert in_dm.documents[0].recipient == Recipient("Ana Silva")
    assert any(f.code.startswith("GP") for r in plain.results for f in r.findings)
    codes = [f.code for f in finish_run(in_dm.results, context.ruleset, readers)]
    assert not any(code.startswith("GP") for code in codes)
