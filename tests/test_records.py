"""The plain data classes of the start-up path behave as the dataclasses they replaced."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from sociable.config import Config
from sociable.decisions import Suppressions
from sociable.findings import Applicability, Edit, Fix
from sociable.records import Record


def test_a_frozen_record_compares_hashes_pickles_and_refuses_assignment() -> None:
    fix = Fix((Edit(3, 7, "x"),), Applicability.UNSAFE, "swap")
    same = Fix((Edit(3, 7, "x"),), Applicability.UNSAFE, "swap")
    assert fix == same and hash(fix) == hash(same) and fix != Fix((Edit(3, 8, "x"),))
    assert repr(fix.edits[0]) == "Edit(start=3, end=7, replacement='x')"
    copy = pickle.loads(pickle.dumps(fix))
    assert copy == fix and copy.applicability is Applicability.UNSAFE
    with pytest.raises(AttributeError):
        fix.description = "other"  # type: ignore[misc]
    assert fix.to_dict()["edits"] == [{"start": 3, "end": 7, "replacement": "x"}]


def test_a_mutable_record_assigns_and_is_unhashable_as_a_dataclass_with_eq() -> None:
    kept = Suppressions("a.md")
    kept.skip_file = True
    assert kept == Suppressions("a.md", skip_file=True) != Suppressions("b.md", skip_file=True)
    assert pickle.loads(pickle.dumps(kept)) == kept
    with pytest.raises(TypeError):
        hash(kept)


def test_hidden_fields_stay_out_of_equality_and_repr_but_survive_a_copy() -> None:
    config = Config(root=Path("/r"), channel="dm", key_lines={"channel": 3})
    assert config == Config(root=Path("/r"), channel="dm")
    assert "key_lines" not in repr(config) and "channel='dm'" in repr(config)
    changed = config.with_overrides(channel=None, language="de")
    assert (changed.channel, changed.language, changed.key_lines) == ("dm", "de", {"channel": 3})
    assert pickle.loads(pickle.dumps(config)).key_lines == {"channel": 3}
    with pytest.raises(TypeError):
        config.replace(chanel="dm")


def test_a_slot_that_init_does_not_set_is_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="__slots__"):

        class Broken(Record):
            __slots__ = ("a", "b")

            def __init__(self, a: int) -> None:
                self.a = a


def test_records_sent_in_bulk_unpickle_without_a_python_call_each() -> None:
    """Workers and the results cache send findings' fixes and each draft's suppressions by
    the thousand: those are rebuilt by pickle's own protocol, as a dataclass is, while a
    frozen record with slots (a few a run) goes through the rebuilding helper."""
    bulk = [Fix((Edit(0, 1, ""),)), Suppressions("a.md")]
    assert all(b"_rebuild" not in pickle.dumps(item) for item in bulk)
    assert b"_rebuild" in pickle.dumps(Config(root=Path("/r")))
    assert pickle.loads(pickle.dumps(bulk)) == bulk
