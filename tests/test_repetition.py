"""Repetition (RP1xx): near-duplicates across drafts, history, --compare-with, within a draft.

The CLI tests run the real ``sociable`` command on drafts written to a temporary folder; the
unit tests check normalisation and the similarity estimate against exact set arithmetic.
"""

from __future__ import annotations

import json
import random
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import finish, lint_document
from sociable.faces.lsp.session import Session
from sociable.kinds import corpus, minhash
from sociable.readers.export import CsvReader, JsonLinesReader
from sociable.ruleset import RuleSet

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

Run = Callable[..., subprocess.CompletedProcess[str]]

PITCH = (
    "I read your post about onboarding churn and the way you cut the trial to seven days. "
    "We saw the same drop when we moved the activation email earlier, and the fix was dull: "
    "one reminder on day two. Would a short call next week be useful, or should I send the notes?"
)
OTHER = (
    "Your talk at the Berlin meetup on pricing pages stuck with me, especially the part about "
    "anchoring with the enterprise tier. Did you test the annual toggle before or after that change?"
)


def draft(name: str, body: str, sender: str = "Sam") -> str:
    return f"Hi {name},\n\n{body}\n\nBest,\n{sender}\n"


def findings(run: Run, *args: str, cwd: Path | None = None) -> tuple[list[dict[str, object]], str, int]:
    result = run("check", "--isolated", "--select", "RP", "--output-format", "json", *args, cwd=cwd)
    data = json.loads(result.stdout) if result.stdout.strip() else []
    return data, result.stderr, result.returncode


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- across drafts, through the CLI ------------------------------------------------------------


def test_same_message_with_another_name_is_an_error_naming_the_other_draft(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path, "ana.md", draft("Ana", PITCH))
    write(tmp_path, "ben.md", "---\nchannel: cold-email\n---\n" + draft("Ben", PITCH.replace(", and", " and")))
    data, _, code = findings(run_cli, "ana.md", "ben.md")
    assert code == 1
    by_path = {f["path"]: f for f in data if f["code"] == "RP101"}
    assert set(by_path) == {"ana.md", "ben.md"}
    assert by_path["ana.md"]["severity"] == "error"
    # ben.md's body starts on line 6 (3 lines of frontmatter, greeting, blank line).
    assert "Same message as ben.md:6" in str(by_path["ana.md"]["message"])
    assert "Same message as ana.md:3" in str(by_path["ben.md"]["message"])
    assert (by_path["ben.md"]["line"], by_path["ben.md"]["column"]) == (6, 1)


def test_template_reuse_is_a_warning(tmp_path: Path, run_cli: Run) -> None:
    # The same frame with the closing question rewritten: about 0.8 alike.
    changed = PITCH.replace("or should I send the notes", "or is a written summary better")
    a = minhash.shingle_hashes(corpus.normalise(PITCH))
    b = minhash.shingle_hashes(corpus.normalise(changed))
    assert 0.7 <= len(a & b) / len(a | b) < 0.9  # the pair really is in the warning band
    write(tmp_path, "a.md", draft("Ana", PITCH))
    write(tmp_path, "b.md", draft("Ben", changed))
    data, _, _ = findings(run_cli, ".")
    rp101 = [f for f in data if f["code"] == "RP101"]
    assert {f["path"] for f in rp101} == {"a.md", "b.md"}
    assert all(f["severity"] == "warning" and "Template reuse" in str(f["message"]) for f in rp101)


def test_different_drafts_raise_nothing(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path, "a.md", draft("Ana", PITCH))
    write(tmp_path, "b.md", draft("Ben", OTHER))
    data, stderr, code = findings(run_cli, ".")
    assert [f for f in data if f["code"] == "RP101"] == []
    assert code == 0, stderr


def test_short_texts_are_skipped(tmp_path: Path, run_cli: Run) -> None:
    for name in ("a.md", "b.md", "c.md"):
        write(tmp_path, name, "Thanks for the intro, talk soon!\n")
    data, _, code = findings(run_cli, ".")
    assert data == [] and code == 0


def test_history_csv_finding_says_already_sent_with_the_row_line(tmp_path: Path, run_cli: Run) -> None:
    rows = [
        ["id", "to", "company", "message", "sent_at"],
        ["1", "Cleo", "Acme", f"Hello Cleo,\n\n{OTHER}", "2026-01-02"],
        ["2", "Dana", "Globex", f"Hi Dana,\n\n{PITCH}\n\nBest,\nSam", "2026-01-03"],
    ]
    import csv

    with (tmp_path / "sent.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    write(tmp_path, "drafts/new.md", draft("Eve", PITCH))
    data, stderr, code = findings(run_cli, "drafts", "--history", "sent.csv")
    assert code == 1, stderr
    assert [f["path"] for f in data] == ["drafts/new.md"]
    # Row 2 starts on line 5 of the file: the header, then row 1 spans lines 2-4.
    assert "Already sent: sent.csv:5" in str(data[0]["message"]), data
    assert data[0]["severity"] == "error"


def test_history_jsonl_from_config_and_history_is_never_reported(tmp_path: Path, run_cli: Run) -> None:
    lines = [
        {"text": f"Hi Fay,\n\n{OTHER}", "to": "Fay"},
        {"body": f"Hi Gus,\n\n{PITCH}", "to": {"name": "Gus", "company": "Hooli"}, "channel": "cold-email"},
        {"body": f"Hi Hal,\n\n{PITCH}"},  # a duplicate inside history: not ours to report
    ]
    write(tmp_path, "history/sent.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    write(tmp_path, "sociable.toml", 'history = ["history"]\nselect = ["RP"]\n')
    write(tmp_path, "drafts/new.md", draft("Ivy", PITCH))
    result = run_cli("check", "drafts", "--output-format", "json")
    data = json.loads(result.stdout)
    assert [f["path"] for f in data] == ["drafts/new.md"], data
    assert "Already sent: history/sent.jsonl:2" in data[0]["message"]


def test_missing_history_is_one_clear_error(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path, "a.md", draft("Ana", PITCH))
    result = run_cli("check", "--isolated", "a.md", "--history", "nope.csv")
    assert result.returncode == 2
    assert "nope.csv: history not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_without_a_text_column_is_reported_when_linted(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path, "bad.csv", "id,who\n1,Ana\n")
    result = run_cli("check", "--isolated", "bad.csv")
    assert result.returncode == 2
    assert "bad.csv: no message column" in result.stderr


def test_compare_with_reports_only_on_the_linted_file(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path, "changed.md", draft("Ana", PITCH))
    write(tmp_path, "old/ben.md", draft("Ben", PITCH))
    write(tmp_path, "old/cy.md", draft("Cy", OTHER))
    write(tmp_path, "old/dee.md", draft("Dee", OTHER))  # a pair among references: not reported
    data, stderr, code = findings(run_cli, "changed.md", "--compare-with", ".")
    assert code == 1, stderr
    assert [f["path"] for f in data] == ["changed.md"]
    assert "Same message as old/ben.md:3" in str(data[0]["message"])
    # Without the flag the changed file has nothing to be compared with.
    data, _, code = findings(run_cli, "changed.md")
    assert data == [] and code == 0


def test_compare_with_from_config(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path, "sociable.toml", 'compare-with = ["."]\nselect = ["RP"]\n')
    write(tmp_path, "changed.md", draft("Ana", PITCH))
    write(tmp_path, "old/ben.md", draft("Ben", PITCH))
    result = run_cli("check", "changed.md")
    assert result.returncode == 1
    assert result.stdout.count("RP101") == 1 and "old/ben.md:3" in result.stdout


def test_same_opening_sentence_in_many_drafts(tmp_path: Path, run_cli: Run) -> None:
    opener = "I run a small studio that builds onboarding flows for fintech apps."
    details = ("Your KYC screen loses people on step three.", "Your card email arrives a day late.",
               "Your sign-up asks for a phone number twice.")
    for index, detail in enumerate(details):
        write(tmp_path, f"open{index}.md", draft(f"N{index}", f"{opener} {detail}"))
        write(tmp_path, f"greet{index}.md", f"Hi Ana,\n\n{detail} What made you choose that?\n")
    data, _, _ = findings(run_cli, ".")
    rp102 = sorted(str(f["path"]) for f in data if f["code"] == "RP102")
    assert rp102 == ["open0.md", "open1.md", "open2.md"]  # the shared greeting does not count


def test_same_hashtag_set_every_time(tmp_path: Path, run_cli: Run) -> None:
    posts = ("We shipped offline mode today.", "Salary ranges are now on every job post.",
             "Three lessons from our pricing test.")
    for index, post in enumerate(posts):
        write(tmp_path, f"p{index}.md", f"{post}\n\n#startup #growth #saas\n")
    write(tmp_path, "own.md", "A post about our tooling migration, with numbers.\n\n#devtools #migration\n")
    data, _, _ = findings(run_cli, ".")
    assert sorted(str(f["path"]) for f in data if f["code"] == "RP104") == ["p0.md", "p1.md", "p2.md"]


def test_repetition_within_one_draft(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path, "one.md", (
        "Hi Ana,\n\nWe cut onboarding time in half for three clinics last year. Happy to share how.\n\n"
        "Our platform helps teams ship. Our platform helps managers plan. Our platform helps you.\n\n"
        "We cut onboarding time in half for three clinics last year.\n"
    ))
    data, _, _ = findings(run_cli, "one.md")
    codes = {(f["code"], f["line"]) for f in data}
    assert ("RP105", 7) in codes
    assert ("RP106", 5) in codes
    rp105 = next(f for f in data if f["code"] == "RP105")
    assert "line 3" in str(rp105["message"])


# --- the engine: references and the workspace ---------------------------------------------------


@pytest.fixture(scope="module")
def rp_ruleset() -> RuleSet:
    return load_context(Config(), select=["RP"], use_cache=False).ruleset


def test_references_take_part_but_are_not_reported(rp_ruleset: RuleSet) -> None:
    mine = lint_document(Document.from_text(draft("Ana", PITCH), "mine.md"), rp_ruleset)
    ref = lint_document(Document.from_text(draft("Ben", PITCH), "ref.md"), rp_ruleset)
    found = finish([mine], rp_ruleset, references=[ref])
    assert [(f.path, f.code) for f in found] == [("mine.md", "RP101")]
    assert finish([mine], rp_ruleset) == []


def test_workspace_skips_the_buffers_saved_self(tmp_path: Path) -> None:
    write(tmp_path, "sociable.toml", 'select = ["RP"]\n')
    write(tmp_path, "drafts/a.md", draft("Ana", PITCH))
    session = Session([tmp_path])
    buffer = draft("Ana", PITCH)
    linted = session.lint(buffer, tmp_path / "drafts" / "a.md")
    assert linted is not None and linted.findings == []
    write(tmp_path, "drafts/b.md", draft("Ben", PITCH))
    session.update_reference(tmp_path / "drafts" / "b.md")
    linted = session.lint(buffer, tmp_path / "drafts" / "a.md")
    assert linted is not None
    assert [f.message.split(" (")[0] for f in linted.findings] == ["Same message as drafts/b.md:3"]


# --- normalisation and the estimate -------------------------------------------------------------


def test_normalise_masks_what_a_mail_merge_changes() -> None:
    a = corpus.normalise("Hi Ana, saw @acme's post at https://x.com/p/1 - 3 tips 🚀 for {{company}}!")
    b = corpus.normalise("hi Ben, saw @globex's post at www.example.org/x - 12 tips for [Company].")
    assert a == b
    assert "ana" not in a and "http" not in a and "3" not in a and "🚀" not in a
    assert corpus.normalise("Great, thanks. We met at the fair") == corpus.normalise("Great thanks. We met, at the fair")


def test_normalise_masks_the_recipient_and_keeps_the_message() -> None:
    text = "Priya, your Quanta launch was sharp."
    assert corpus.normalise(text, ["Priya", "Quanta"]) == corpus.normalise("Omar, your Vexa launch was sharp.", ["Omar"])
    assert corpus.normalise("we cut churn in half") != corpus.normalise("we cut costs in half")


def _random_text(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n))


def test_the_estimate_follows_the_exact_jaccard() -> None:
    rng = random.Random(3)
    words = [f"w{i}x" for i in range(400)]
    errors = []
    for _ in range(120):
        base = _random_text(rng, words, rng.randint(15, 80)).split()
        changed = list(base)
        for _ in range(rng.randint(0, len(base) // 2)):
            changed[rng.randrange(len(changed))] = rng.choice(words)
        a, b = minhash.shingle_hashes(" ".join(base)), minhash.shingle_hashes(" ".join(changed))
        exact = len(a & b) / len(a | b)
        estimate = minhash.jaccard_estimate(minhash.sketch(a), minhash.sketch(b))
        errors.append(estimate - exact)
        assert abs(minhash.quick_estimate(minhash.sketch(a), minhash.sketch(b)) - exact) < 0.2
    assert max(abs(e) for e in errors) < 0.2
    assert abs(sum(errors) / len(errors)) < 0.02  # unbiased on average


def test_containment_counts_a_copy_with_a_sentence_added() -> None:
    base = corpus.normalise(PITCH)
    longer = corpus.normalise(PITCH + " PS: the write-up has the numbers from both clinics.")
    a, b = minhash.shingle_hashes(base), minhash.shingle_hashes(longer)
    value = minhash.score(minhash.sketch(a), len(a), minhash.sketch(b), len(b))
    assert value >= 0.9
    unrelated = minhash.shingle_hashes(corpus.normalise(OTHER))
    assert minhash.score(minhash.sketch(a), len(a), minhash.sketch(unrelated), len(unrelated)) < 0.3


def test_lsh_finds_the_planted_pair_among_unrelated_texts() -> None:
    rng = random.Random(5)
    words = [f"t{i}q" for i in range(3000)]
    texts = [_random_text(rng, words, 60) for _ in range(300)]
    texts.append(texts[17].replace(texts[17].split()[5], "swapped", 1))
    sketches = [minhash.sketch(minhash.shingle_hashes(t)) for t in texts]
    pairs = set(minhash.candidate_pairs(sketches))
    assert (17, 300) in pairs
    assert len(pairs) < 50  # unrelated texts rarely share a band


def test_csv_rows_keep_their_line_numbers() -> None:
    text = 'message,to\n"Line one\nline two",Ana\nSecond row here,Ben\n'
    docs = CsvReader().read(text, "x.csv", None)
    assert [d.position(0)[0] for d in docs] == [2, 4]
    assert docs[0].recipient is not None and docs[0].recipient.name == "Ana"
    with pytest.raises(ValueError, match="line 1: unknown channel"):
        JsonLinesReader().read('{"text": "hi", "channel": "fax"}', "x.jsonl", None)


def test_stdin_buffer_against_the_repo_is_not_compared_with_its_saved_self(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path, "drafts/a.md", draft("Ana", OTHER))  # the saved version of the buffer
    write(tmp_path, "drafts/b.md", draft("Ben", PITCH))
    result = run_cli(
        "check", "--isolated", "--select", "RP", "-", "--stdin-filename", "drafts/a.md",
        "--compare-with", ".", stdin=draft("Ana", PITCH),
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.count("RP101") == 1
    assert "drafts/a.md:3:1: RP101 Same message as drafts/b.md:3" in result.stdout


def test_history_folder_of_drafts(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path, "sent/2025/ana.md", draft("Ana", PITCH))
    write(tmp_path, "sent/2025/cy.txt", draft("Cy", OTHER))
    write(tmp_path, "new/ben.md", draft("Ben", PITCH))
    data, _, _ = findings(run_cli, "new", "--history", "sent")
    assert [(f["path"], f["severity"]) for f in data] == [("new/ben.md", "error")]
    assert "Already sent: sent/2025/ana.md:1" in str(data[0]["message"])


def test_workspace_references_feed_the_open_buffer(tmp_path: Path) -> None:
    write(tmp_path, "sociable.toml", 'select = ["RP"]\n')
    write(tmp_path, "drafts/b.md", draft("Ben", PITCH))
    write(tmp_path, "drafts/c.md", draft("Cy", OTHER))
    session = Session([tmp_path])
    references = session.references(session.context_for(tmp_path / "drafts" / "a.md"), "drafts/a.md")
    assert sorted(Path(r.path).name for r in references) == ["b.md", "c.md"]
    linted = session.lint(draft("Ana", PITCH), tmp_path / "drafts" / "a.md")
    assert linted is not None
    found = linted.findings
    assert [f.code for f in found] == ["RP101"] and "b.md:3" in found[0].message


def test_the_estimates_count_equal_bins_like_a_bin_by_bin_comparison() -> None:
    # jaccard_estimate and quick_estimate count in C (XOR and byte lanes); this is the plain
    # definition they must agree with, on sketches that share some bins and not others.
    rng = random.Random(11)
    words = [f"v{i}k" for i in range(500)]
    sketches = [minhash.sketch(minhash.shingle_hashes(_random_text(rng, words, 30))) for _ in range(40)]
    sketches += [bytes(s[:200]) + bytes(reversed(s[200:])) for s in sketches[:10]]

    def bins(s: bytes) -> list[int]:
        return [int.from_bytes(s[i : i + 4], "little") for i in range(0, len(s), 4)]

    for a in sketches:
        for b in sketches[::3]:
            equal = sum(x == y for x, y in zip(bins(a), bins(b), strict=True))
            assert minhash.jaccard_estimate(a, b) == equal / minhash.BINS
            low = sum((x & 0xFF) == (y & 0xFF) for x, y in zip(bins(a), bins(b), strict=True))
            assert minhash.quick_estimate(a, b) == max(0.0, (low / minhash.BINS - 1 / 256) / (1 - 1 / 256))
            keys = (minhash.quick_key(a), minhash.quick_key(b))
            assert minhash.score(a, 90, b, 100, keys) == minhash.score(a, 90, b, 100)


def test_the_sentences_of_a_draft_are_split_once_for_every_rule_that_reads_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One splitter (the document's) for every kind, and each view split once: RP102, RP103,
    RP105, RP106 and the shape rules share the split."""
    import sociable.text

    context = load_context(Config())
    text = draft("Ana", PITCH + "\n\n" + PITCH)
    doc = Document.from_text(text, "a.md")
    calls: list[str] = []
    real = sociable.text.sentence_columns  # the splitter's compact form, which the document keeps

    def counting(view: str, clauses: bool = False) -> sociable.text.Spans:
        if not clauses:
            calls.append(view)
        return real(view, clauses)

    monkeypatch.setattr(sociable.text, "sentence_columns", counting)
    result = lint_document(doc, context.ruleset)
    assert calls and len(calls) == len(set(calls))  # no view split twice
    assert doc.reading("body") in calls  # the repetition rules' view, split by the shared splitter
    assert "RP105" in {f.code for f in result.findings}  # the paragraph said twice is found


def test_numpy_and_pure_python_score_the_same_pairs_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("numpy")
    from sociable.kinds.near_duplicate import DraftSketch, best_matches

    rng = random.Random(21)
    words = [f"n{i}z" for i in range(60)]  # a small vocabulary: many alike pairs, some copies
    texts = [_random_text(rng, words, rng.randint(20, 60)) for _ in range(400)]
    texts += [t + " " + _random_text(rng, words, 4) for t in texts[:80]]  # copies with a tail
    drafts = []
    for index, text in enumerate(texts):
        hashes = minhash.shingle_hashes(text)
        where = corpus.Place("d.md", index, index + 1, index + 1, 1, index + 1, 2)
        drafts.append(DraftSketch(where, minhash.sketch(hashes), len(hashes), history=index % 50 == 7))
    found = {}
    for path, vector_from in (("python", 10**9), ("numpy", 0)):
        monkeypatch.setattr(minhash, "VECTOR_FROM", vector_from)
        found[path] = (best_matches(drafts, 0.7), best_matches(drafts, 0.5, reported=300))
        pairs = list(minhash.alike_pairs(
            [d.sketch for d in drafts], [d.size for d in drafts], [d.history for d in drafts], 300, 0.5,
        ))
        assert len(pairs) == len({(i, j) for i, j, _ in pairs})  # each pair once
        found[path + " pairs"] = sorted(pairs)
    assert found["python"] == found["numpy"]
    assert found["python pairs"] == found["numpy pairs"]
    assert len(found["python"][0]) > 80  # the copies (and more) were found, not nothing twice


def test_numpy_candidates_are_the_buckets_pairs_and_zero_bytes_count_without_bitwise_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    np = pytest.importorskip("numpy")
    rng = random.Random(8)
    words = [f"c{i}k" for i in range(40)]  # small vocabulary: big buckets, past the cap
    texts = [_random_text(rng, words, rng.randint(8, 30)) for _ in range(300)]
    texts += texts[:60]  # exact copies share every band
    sketches = [minhash.sketch(minhash.shingle_hashes(t)) for t in texts]
    bins = np.frombuffer(b"".join(sketches), dtype="<u4").reshape(len(sketches), minhash.BINS)
    vector = sorted(
        (int(a), int(b)) for i, j in minhash._candidate_arrays(bins) for a, b in zip(i, j, strict=True)
    )
    assert vector == sorted(minhash.candidate_pairs(sketches))  # the same pairs, as often
    assert len(vector) > minhash.BANDS * 60  # the copies, in every band
    low = (bins & 0xFF).astype(np.uint8)
    x = low.view(np.uint64)[:50] ^ low.view(np.uint64)[50:100]
    expected = (low[:50] == low[50:100]).sum(axis=1)
    assert (minhash._zero_bytes(np, x) == expected).all()
    monkeypatch.delattr(np, "bitwise_count", raising=False)  # numpy 1.x: the multiplication
    assert (minhash._zero_bytes(np, x) == expected).all()
