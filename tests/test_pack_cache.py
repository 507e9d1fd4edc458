"""The pack cache keeps validated rules and their prepared forms: same rules, no parsing."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from sociable.config import Config
from sociable.context import load_context
from sociable.packs import cache
from sociable.plugins.builtin import PACKS_DIR
from sociable.ruleset import load_packs


@pytest.fixture(scope="module")
def kinds():
    return load_context(Config(), use_cache=False).ruleset.kinds


class ColdLoad(NamedTuple):
    folder: Path
    specs: Any
    kept: Any


@pytest.fixture(scope="module")
def cold(tmp_path_factory: pytest.TempPathFactory, kinds) -> ColdLoad:
    """One load of the shipped packs into an empty cache folder, for the tests that read what
    a cold load returns or wrote: writing the cache (parsing, validating and preparing every
    rule, then pickling) costs several CPU seconds, once per module rather than per test. A
    test that changes the folder copies it first (:func:`seeded`)."""
    folder = tmp_path_factory.mktemp("pack-cache")
    specs, kept = load_packs([PACKS_DIR], kinds, folder)
    return ColdLoad(folder, specs, kept)


def seeded(cold: ColdLoad, folder: Path) -> None:
    """``folder`` holds what the cold load wrote (copies: a test may change them)."""
    shutil.copytree(cold.folder, folder, dirs_exist_ok=True)


def test_every_kept_prepared_form_equals_a_fresh_preparation(cold: ColdLoad, kinds) -> None:
    specs, kept = cold.specs, cold.kept
    assert kept  # the shape rules keep theirs
    assert {spec.kind for spec in specs if spec.code in kept} == {"shape"}
    by_code = {spec.code: spec for spec in specs}
    for code, (spec, blob) in kept.items():
        assert spec is by_code[code]
        assert cache.loads_prepared(blob) == kinds[spec.kind].prepare(spec), code


def test_a_second_load_reads_the_same_rules_without_parsing(tmp_path: Path, kinds, cold: ColdLoad,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    first, first_kept = cold.specs, cold.kept
    seeded(cold, tmp_path)
    from sociable.packs import loader

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed a pack although the cache holds it")

    monkeypatch.setattr(loader, "load_pack_parts", no_parsing)  # what a miss imports
    second, second_kept = load_packs([PACKS_DIR], kinds, tmp_path)
    assert second == first and second is not first
    assert sorted(second_kept) == sorted(first_kept)
    by_code = {spec.code: spec for spec in second}
    assert all(spec is by_code[code] for code, (spec, _) in second_kept.items())


def test_a_changed_pack_or_changed_code_is_a_miss(tmp_path: Path, kinds,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "packs" / "p.yaml"
    pack.parent.mkdir()
    pack.write_bytes((PACKS_DIR / "engagement-bait.yaml").read_bytes())
    before = cache.cache_key([pack], kinds)
    assert cache.cache_key([pack], kinds) == before  # stable between runs
    stat = pack.stat()
    os.utime(pack, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    touched = cache.cache_key([pack], kinds)
    assert touched != before
    from sociable import code_stamps

    stamps = code_stamps.package_stamps()
    assert any(stamp.startswith("kinds/shape.py:") for stamp in stamps)
    monkeypatch.setattr(code_stamps, "package_stamps", lambda: [*stamps, "kinds/shape.py:1:2"])
    assert cache.cache_key([pack], kinds) != touched


def test_only_the_very_spec_uses_its_kept_form(kinds, cold: ColdLoad,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from sociable.ruleset import RuleSet

    specs, kept = cold.specs, cold.kept
    code = next(iter(kept))
    spec = {s.code: s for s in specs}[code]
    prepared: list[str] = []
    shape = kinds[spec.kind]
    real = shape.prepare
    monkeypatch.setattr(shape, "prepare", lambda s, **k: prepared.append(s.code) or real(s, **k))
    kept_rules = RuleSet({code: spec}, kinds, [code], kept=kept)
    assert kept_rules.rule(code).prepared == real(spec) and prepared == []
    edited = spec.replace(options={**spec.options})
    other = RuleSet({code: edited}, kinds, [code], kept=kept)
    other.rule(code)
    assert prepared == [code]  # not the spec it was kept for: prepared afresh


def test_an_unreadable_cache_file_is_rebuilt(tmp_path: Path, kinds, cold: ColdLoad) -> None:
    specs = cold.specs
    seeded(cold, tmp_path)
    (path,) = (tmp_path / "packs").glob("*.pickle")
    path.write_bytes(b"not a pickle")
    again, kept = load_packs([PACKS_DIR], kinds, tmp_path)
    assert again == specs and kept
    assert cache.read(path) is not None  # written again


def test_old_cache_files_are_pruned(tmp_path: Path, kinds) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    for number in range(cache.KEEP_FILES + 3):
        old = folder / f"{number:040x}.pickle"
        old.write_bytes(b"old")
        os.utime(old, ns=(number * 10**9, number * 10**9))
    load_packs([PACKS_DIR], kinds, tmp_path)
    left = sorted(p.name for p in folder.glob("*.pickle"))
    newest = sorted(f"{number:040x}.pickle" for number in range(3, cache.KEEP_FILES + 3))
    assert len(left) == cache.KEEP_FILES + 1 and set(newest) < set(left)


@dataclasses.dataclass(frozen=True)
class Part:
    words: frozenset[str]
    low: int


@dataclasses.dataclass
class Mutable:
    words: frozenset[str]


def test_shared_makes_equal_immutable_parts_one_object_and_keeps_types() -> None:
    value = (Part(frozenset({"a", "b"}), 1), Part(frozenset({"b", "a"}), 1), Part(frozenset({"a", "b"}), True),
             frozenset({"x"}), frozenset({"x"}), (1, "y"), (1, "y"), Mutable(frozenset({"z"})))
    result = cache.shared(value)
    assert result == value
    assert result[0] is result[1]  # equal frozen instances: one object
    assert result[2] is not result[0] and result[2].low is True  # True is not 1
    assert result[3] is result[4] and result[5] is result[6]
    assert result[7] is value[7]  # a mutable object is never shared


def test_compiled_patterns_come_back_through_the_regex_cache() -> None:
    pattern = re.compile(r"\blike\s+if\b", re.IGNORECASE)
    back = cache.loads_prepared(cache.dumps_prepared({"pattern": pattern}))["pattern"]
    assert back.pattern == pattern.pattern and back.flags == pattern.flags
    assert back.search("Please LIKE  if you agree").group() == "LIKE  if"


def _cycles_left_by(build) -> list[Any]:
    """What ``build()`` leaves behind in reference cycles, run as the CLI runs start-up: with
    the cyclic collector off, so that only reference counting frees (``faces/cli/startup.py``
    then freezes what is alive, garbage in cycles included, for the whole run)."""
    import gc

    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        build()
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        return list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()


def test_a_cold_build_leaves_no_pack_or_prepared_form_in_cycles(kinds, cold: ColdLoad) -> None:
    """Issue 15, item 4: a cold pack-cache build kept 85 MB alive for a whole ``check`` (a
    20 MB draft peaked at 347 MB instead of 263): the YAML nodes and marks of every pack, held by
    the loader's converting closure, and a memo copying every prepared form, held by
    :func:`cache.shared`'s. Parsing every pack and keeping a few shape rules must leave none."""
    import yaml

    from sociable.kinds.shape import Element
    from sociable.packs.loader import load_pack_parts

    shapes = [spec for spec in cold.specs if spec.code in cold.kept][:6]

    def build() -> None:
        for path in sorted(PACKS_DIR.glob("*.yaml")):
            load_pack_parts(path, kinds)
        for spec in shapes:
            cache.dumps_prepared(kinds["shape"].prepare(spec))

    left = _cycles_left_by(build)
    assert len(shapes) == 6
    held = [item for item in left if isinstance(item, (yaml.Node, Element)) or type(item).__name__ == "Mark"]
    assert not held
    assert len(left) < 1_000
