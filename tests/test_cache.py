"""The results cache, through the real command: hits on re-runs, misses on every change.

``SOCIABLE_CACHE_STATS=1`` makes a run count the files it took from the cache; together with
the store files on disk and identical output it shows a hit without relying on timing.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sociable.cache import CACHEDIR_TAG, ResultCache
from sociable.decisions import Suppressions
from sociable.engine import DraftResult
from sociable.runner import FileOutcome

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

RunCli = Callable[..., subprocess.CompletedProcess[str]]
STATS = {"SOCIABLE_CACHE_STATS": "1"}
TEMPLATE = (
    "Hi {name},\n\nI noticed your company is growing fast and wanted to reach out. We help teams "
    "like yours streamline their workflow and save hours every week with our platform. Would you "
    "be open to a quick call next week to explore if it could be a fit?\n\nBest,\nAlex\n"
)
DRAFTS = {
    "bad.md": "Like this if you agree that Mondays are the worst!\n",
    "good.md": (
        "Hi Priya,\n\nYour post on warehouse slotting matched what we saw at Acme: the second "
        "month is where picks slow down. Did your team keep the weekly review after launch?\n"
    ),
    "sam.md": TEMPLATE.format(name="Sam"),
    "jonas.md": TEMPLATE.format(name="Jonas"),
}
PACK = """\
pack: house-style
description: Words this team does not use.
rules:
  - code: HS101
    name: synergy
    kind: phrases
    category: style
    severity: warning
    scope: text
    message: '{version}: "{{match}}" says nothing.'
    why: Buzzwords hide what is meant.
    phrases: [synergy]
    examples:
      bad: ["Let us find the synergy."]
      good: ["Let us find what both teams need."]
"""


def stats(done: subprocess.CompletedProcess[str]) -> tuple[int, int]:
    match = re.search(r"sociable: cache: (\d+) hits?, (\d+) miss(?:es)?", done.stderr)
    assert match, f"no cache statistics in stderr: {done.stderr!r}"
    return int(match.group(1)), int(match.group(2))


def stores(cache: Path) -> dict[str, int]:
    """Entry file -> modification time (ns); rewriting an entry changes its time. (The
    ``.corpus`` file beside a store keeps the last run's corpus findings; not a store.)"""
    return {
        p.relative_to(cache).as_posix(): p.stat().st_mtime_ns
        for p in (cache / "results").rglob("*") if p.is_file() and p.suffix != ".corpus"
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "sociable.toml").write_text("", encoding="utf-8")
    for name, text in DRAFTS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / ".cache"  # conftest's run_cli points SOCIABLE_CACHE_DIR here


def check(run_cli: RunCli, repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = run_cli("check", *(args or (".",)), cwd=repo, env=STATS)
    assert done.returncode in (0, 1), done.stderr
    return done


def test_rerun_takes_every_file_from_the_cache(run_cli: RunCli, repo: Path, cache: Path) -> None:
    first = check(run_cli, repo)
    assert stats(first) == (0, 4)
    stored = stores(cache)
    assert len(stored) == 1  # one file for the whole run, not one per entry
    second = check(run_cli, repo)
    assert stats(second) == (4, 0)
    assert second.stdout == first.stdout
    assert stores(cache) == stored  # hits are read, not rewritten
    # Findings of single drafts and of the corpus (signatures come from the entries) survive.
    assert "bad.md:1:1: EB101" in second.stdout
    assert re.search(r"sam\.md:\d+:\d+: RP101 .*jonas\.md", second.stdout)


def test_an_edited_draft_is_linted_again(run_cli: RunCli, repo: Path) -> None:
    check(run_cli, repo)
    (repo / "bad.md").write_text("Mondays are when our team plans the week.\n", encoding="utf-8")
    done = check(run_cli, repo)
    assert stats(done) == (3, 1)
    assert "EB101" not in done.stdout
    assert "RP101" in done.stdout


@pytest.mark.cli_process  # workers fork: not from the test process
def test_a_large_run_lints_in_workers_and_reruns_in_process(
    run_cli: RunCli, repo: Path, cache: Path
) -> None:
    # Past the runner's parallel threshold a cold run goes to workers; a re-run, where nearly
    # every file has an entry, reads its hits in-process.
    words = (
        "pallet", "bay", "dock", "crane", "forklift", "shelf", "label", "scanner", "invoice",
        "route", "truck", "ramp", "freezer", "aisle", "picker", "packer", "crate", "barcode",
        "manifest", "shift"
    )
    for index in range(60):
        a, b, c = (words[(index * k + k) % len(words)] for k in (1, 3, 7))
        (repo / f"note{index:02d}.md").write_text(
            f"Hi Ana,\n\nThe {a} near the {b} moved {index} times; can the {c} wait?\n",
            encoding="utf-8",
        )
    first = check(run_cli, repo, "--jobs", "2", ".")
    assert stats(first) == (0, 64)
    assert len(stores(cache)) == 1  # written once, by the main process, from the workers' outcomes
    second = check(run_cli, repo, "--jobs", "2", ".")
    assert stats(second) == (64, 0)
    assert second.stdout == first.stdout
    (repo / "note07.md").write_text("Like this if you agree!\n", encoding="utf-8")
    third = check(run_cli, repo, "--jobs", "2", ".")
    assert stats(third) == (63, 1)
    assert "note07.md:1:1: EB101" in third.stdout
    assert third.stdout == check(run_cli, repo, "--no-cache", ".").stdout  # as if linted afresh
    assert stats(check(run_cli, repo, "--jobs", "2", ".")) == (64, 0)  # the edit was stored


def test_configuration_changes_invalidate(run_cli: RunCli, repo: Path) -> None:
    config = repo / "sociable.toml"
    check(run_cli, repo)
    config.write_text('ignore = ["EB"]\n', encoding="utf-8")
    done = check(run_cli, repo)
    assert stats(done) == (0, 4)  # another rule selection: nothing cached applies
    assert "EB101" not in done.stdout
    # Per-file settings are part of a file's key only: the other files hit the first run's entries.
    config.write_text('[per-file-ignores]\n"bad.md" = ["EB101"]\n', encoding="utf-8")
    done = check(run_cli, repo)
    assert stats(done) == (3, 1)
    assert "EB101" not in done.stdout
    config.write_text("", encoding="utf-8")
    done = check(run_cli, repo)
    assert stats(done) == (4, 0)
    assert "bad.md:1:1: EB101" in done.stdout


def test_an_edited_pack_invalidates(run_cli: RunCli, repo: Path) -> None:
    (repo / "sociable.toml").write_text('extend-packs = ["house.yaml"]\n', encoding="utf-8")
    (repo / "house.yaml").write_text(PACK.format(version="first"), encoding="utf-8")
    (repo / "memo.md").write_text("Our synergy session is on Tuesday.\n", encoding="utf-8")
    done = check(run_cli, repo)
    assert 'memo.md:1:5: HS101 first: "synergy" says nothing.' in done.stdout
    assert stats(check(run_cli, repo)) == (5, 0)
    (repo / "house.yaml").write_text(PACK.format(version="second"), encoding="utf-8")
    done = check(run_cli, repo)
    assert stats(done) == (0, 5)
    assert 'memo.md:1:5: HS101 second: "synergy" says nothing.' in done.stdout


def test_no_cache_neither_reads_nor_writes(run_cli: RunCli, repo: Path, cache: Path) -> None:
    done = check(run_cli, repo, "--no-cache", ".")
    assert "cache:" not in done.stderr
    assert not (cache / "results").exists()
    check(run_cli, repo)
    stored = stores(cache)
    (repo / "bad.md").write_text("Like this if you agree that Fridays are the best!\n", encoding="utf-8")
    done = check(run_cli, repo, "--no-cache", ".")
    assert "cache:" not in done.stderr
    assert "bad.md:1:1: EB101" in done.stdout
    assert stores(cache) == stored  # the edited draft was not stored either


def test_corrupt_entries_are_misses(run_cli: RunCli, repo: Path, cache: Path) -> None:
    first = check(run_cli, repo)
    for name in stores(cache):
        (cache / name).write_bytes(b"\x80\x05not a pickle")
    done = check(run_cli, repo)
    assert stats(done) == (0, 4)
    assert done.stdout == first.stdout
    assert done.stderr.count("error") == 0
    assert stats(check(run_cli, repo)) == (4, 0)  # rewritten whole


def test_same_file_under_another_name_keeps_its_name(run_cli: RunCli, repo: Path) -> None:
    check(run_cli, repo, "bad.md")
    done = run_cli("check", "repo/bad.md", cwd=repo.parent, env=STATS)
    assert "repo/bad.md:1:1: EB101" in done.stdout
    assert stats(done) == (0, 1)


def test_show_source_lints_afresh(run_cli: RunCli, repo: Path) -> None:
    check(run_cli, repo)
    done = check(run_cli, repo, "--show-source", ".")
    assert stats(done) == (0, 4)  # texts are not cached, so they are read again
    assert "Like this if you agree" in done.stdout


def test_the_cache_folder_is_tagged_for_backups_and_git(run_cli: RunCli, repo: Path, cache: Path) -> None:
    check(run_cli, repo)
    assert (cache / "CACHEDIR.TAG").read_text(encoding="utf-8") == CACHEDIR_TAG
    assert CACHEDIR_TAG.startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    assert "*" in (cache / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_concurrent_runs_share_the_cache(run_cli: RunCli, repo: Path, cache: Path) -> None:
    expected = check(run_cli, repo, "--no-cache", ".").stdout
    env = {**_env(), "SOCIABLE_CACHE_DIR": str(cache)}
    runs = [
        subprocess.Popen([sys.executable, "-m", "sociable", "check", "."], cwd=repo, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [out for out, _ in outputs] == [expected] * 4
    assert all(err == "" for _, err in outputs)
    assert len(stores(cache)) == 1
    assert not list((cache / "results").rglob("*.tmp"))
    assert stats(check(run_cli, repo)) == (4, 0)


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "SOCIABLE_CACHE_STATS")}


def test_cache_dir_flag_and_clean(run_cli: RunCli, repo: Path, tmp_path: Path) -> None:
    custom = tmp_path / "elsewhere"
    check(run_cli, repo, "--cache-dir", str(custom), ".")
    assert len(stores(custom)) == 1
    done = run_cli("clean", "--cache-dir", str(custom), cwd=repo)
    assert done.returncode == 0, done.stderr
    assert not custom.exists()
    done = run_cli("clean", "--cache-dir", str(custom), cwd=repo)
    assert done.returncode == 0
    assert "no cache" in done.stdout


def test_clean_leaves_a_folder_that_is_not_a_cache(run_cli: RunCli, repo: Path) -> None:
    done = run_cli("clean", "--cache-dir", str(repo), cwd=repo)
    assert done.returncode == 2
    assert "not deleting" in done.stderr and "Traceback" not in done.stderr
    assert (repo / "bad.md").is_file()


def test_clean_uses_the_configured_folder(run_cli: RunCli, repo: Path) -> None:
    (repo / "sociable.toml").write_text('cache-dir = "cached"\n', encoding="utf-8")
    done = run_cli("check", ".", cwd=repo, env={"SOCIABLE_CACHE_DIR": ""})
    assert (repo / "cached" / "results").is_dir()
    assert "cached" not in done.stdout  # the cache folder itself is never linted
    done = run_cli("clean", cwd=repo, env={"SOCIABLE_CACHE_DIR": ""})
    assert done.returncode == 0, done.stderr
    assert not (repo / "cached").exists()


def reopened(cache: ResultCache) -> ResultCache:
    """The same store as a later run sees it."""
    again = ResultCache(cache.root)
    again.use_fingerprint(b"run")
    return again


def test_outcomes_with_problems_are_not_stored(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c")
    cache.use_fingerprint(b"run")
    troubled = DraftResult("a.md", [], Suppressions("a.md"), problems=["a.md: rule X timed out"])
    cache.put("ab" * 32, FileOutcome("a.md", [troubled]))
    fine = DraftResult("b.md", [], Suppressions("b.md"))
    cache.put("cd" * 32, FileOutcome("b.md", [fine], texts=["kept out"]))
    cache.save()
    later = reopened(cache)
    assert later.get("ab" * 32) is None
    stored = later.get("cd" * 32)
    assert stored is not None and stored.path == "b.md" and stored.texts == [] and stored.cached


def test_an_outcome_that_does_not_pickle_is_skipped(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c")
    cache.use_fingerprint(b"run")
    odd = DraftResult("a.md", [], Suppressions("a.md"), signatures={"XX1": lambda: None})
    cache.put("ef" * 32, FileOutcome("a.md", [odd]))  # a plugin's signature may hold anything
    cache.put("12" * 32, FileOutcome("b.md", [DraftResult("b.md", [], Suppressions("b.md"))]))
    cache.save()
    later = reopened(cache)
    assert later.get("ef" * 32) is None
    assert later.get("12" * 32) is not None  # the others are kept
    assert not list((tmp_path / "c" / "results").rglob("*.tmp"))


def test_a_file_edited_again_and_again_keeps_its_newest_entries(tmp_path: Path) -> None:
    from sociable.cache import VERSIONS_KEPT

    cache = ResultCache(tmp_path / "c")
    cache.use_fingerprint(b"run")
    cache.put("ff" * 32, FileOutcome("b.md", [DraftResult("b.md", [], Suppressions("b.md"))]))
    cache.save()
    keys = [f"{number:02x}" * 32 for number in range(VERSIONS_KEPT + 2)]
    for key in keys:  # one run per edit of a.md
        run = reopened(cache)
        run.put(key, FileOutcome("a.md", [DraftResult("a.md", [], Suppressions("a.md"))]))
        run.save()
    last = reopened(cache)
    assert [last.get(key) is not None for key in keys] == [False] * 2 + [True] * VERSIONS_KEPT
    assert last.get("ff" * 32) is not None  # other files are untouched
    assert last.known_paths() == {"a.md", "b.md"}


def test_stores_of_other_fingerprints_are_pruned(tmp_path: Path) -> None:
    import os

    from sociable.cache import KEEP_STORES

    for number in range(KEEP_STORES + 3):
        cache = ResultCache(tmp_path / "c")
        cache.use_fingerprint(f"run {number}".encode())
        cache.put("01" * 32, FileOutcome("a.md", [DraftResult("a.md", [], Suppressions("a.md"))]))
        cache.save()
        os.utime(cache.store(), ns=(number * 10**9, number * 10**9))  # distinct ages
    names = sorted(p.name for p in (tmp_path / "c" / "results").iterdir())
    assert len(names) == KEEP_STORES + 1
    assert cache.store().name in names


def test_corpus_findings_of_unchanged_signatures_come_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sociable.config import Config
    from sociable.context import load_context
    from sociable.kinds.near_duplicate import NearDuplicate
    from sociable.pipeline import Source, finish_run, finish_run_stream, lint_source

    context = load_context(Config(root=tmp_path), select=["RP"], use_cache=False)
    readers = context.readers()

    def results(texts: dict[str, str]) -> list:
        linted = [lint_source(Source(t, p), context.ruleset, readers, context.config) for p, t in texts.items()]
        return [r.packed() for outcome in linted for r in outcome.results]

    calls: list[int] = []
    compare = NearDuplicate.compare

    def counted(self, signatures, rule, reported=None):  # type: ignore[no-untyped-def]
        calls.append(len(signatures))
        return compare(self, signatures, rule, reported)

    monkeypatch.setattr(NearDuplicate, "compare", counted)
    cache = ResultCache(tmp_path / "cache")
    cache.use_fingerprint(b"f" * 32)
    drafts = results(DRAFTS)
    expected = finish_run(drafts, context.ruleset, readers)
    assert "RP101" in {f.code for f in expected}  # the template pair is found
    assert calls == [4]
    assert list(finish_run_stream(drafts, context.ruleset, readers, memo=cache)) == expected
    assert calls == [4, 4] and cache.corpus_file().is_file()  # compared once more, then kept
    again = results(DRAFTS)  # the same drafts linted again, as a warm run reads them
    assert list(finish_run_stream(again, context.ruleset, readers, memo=cache)) == expected
    assert calls == [4, 4]  # not compared: the same signatures, the same findings
    edited = results({**DRAFTS, "jonas.md": DRAFTS["good.md"].replace("Priya", "Jonas")})
    changed = list(finish_run_stream(edited, context.ruleset, readers, memo=cache))
    assert calls == [4, 4, 4] and changed == finish_run(edited, context.ruleset, readers)
    assert changed != expected  # jonas.md now copies good.md, not sam.md: compared again
