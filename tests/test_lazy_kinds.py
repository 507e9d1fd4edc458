"""Kinds registered by name: imported on first lookup, and honest about what they declare."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

from sociable.kinds.base import Kind
from sociable.kinds.lazy import KindTable, LazyKind, is_corpus, kind_identity, kind_module, may_hint
from sociable.plugins import builtin
from sociable.vale import plugin as vale_plugin

KIND_MODULE = '''
from sociable.kinds.base import Kind


class Loud(Kind):
    name = "loud"
    corpus = {corpus}

    def setup_hint(self, codes, settings):
        return "loud needs a megaphone"
'''


@pytest.fixture
def fresh_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A kind module on sys.path that nothing has imported yet."""

    def make(name: str, corpus: bool = False) -> str:
        (tmp_path / f"{name}.py").write_text(KIND_MODULE.format(corpus=corpus), encoding="utf-8")
        monkeypatch.syspath_prepend(str(tmp_path))
        monkeypatch.delitem(sys.modules, name, raising=False)
        return name

    return make


def test_a_table_imports_a_lazy_kind_on_first_lookup_only(fresh_module) -> None:
    module = fresh_module("lazy_kind_first_lookup")
    table = KindTable([LazyKind("loud", f"{module}:Loud")])
    assert "loud" in table and list(table) == ["loud"] and len(table) == 1
    assert kind_identity(table, "loud") == f"{module}.Loud"
    assert kind_module(table, "loud") == module
    assert not is_corpus(table, "loud") and may_hint(table, "loud")
    assert module not in sys.modules  # none of that imported it
    kind = table["loud"]
    assert module in sys.modules and type(kind).__name__ == "Loud"
    assert table["loud"] is kind and table.get("loud") is kind  # loaded once
    assert table.get("quiet") is None and "quiet" not in table
    with pytest.raises(KeyError):
        table["quiet"]


def test_a_table_pickles_with_its_lazy_kinds_still_lazy(fresh_module) -> None:
    module = fresh_module("lazy_kind_pickled")
    from sociable.kinds.count import Count

    table = KindTable([LazyKind("loud", f"{module}:Loud", hints=False), Count()])
    copy = pickle.loads(pickle.dumps(table))
    assert isinstance(copy, KindTable) and sorted(copy) == ["count", "loud"]
    assert module not in sys.modules and not may_hint(copy, "loud")
    assert isinstance(copy["count"], Count) and copy["loud"].name == "loud"


def test_a_kind_registered_with_the_wrong_corpus_flag_is_an_error(fresh_module) -> None:
    module = fresh_module("lazy_kind_wrong_corpus", corpus=True)
    table = KindTable([LazyKind("loud", f"{module}:Loud")])
    with pytest.raises(ValueError, match="corpus"):
        table["loud"]
    with pytest.raises(ValueError, match="registered as"):
        LazyKind("other", f"{module}:Loud", corpus=True).load()
    with pytest.raises(ValueError, match="module:Class"):
        LazyKind("loud", module)


def test_a_stand_in_outside_a_table_forwards_to_its_kind(fresh_module) -> None:
    module = fresh_module("lazy_kind_forwarding")
    stand_in = LazyKind("loud", f"{module}:Loud")
    assert stand_in.setup_hint([], {}) == "loud needs a megaphone"
    assert stand_in.keys == {}


def test_a_later_kind_of_the_same_name_replaces_the_earlier(fresh_module) -> None:
    module = fresh_module("lazy_kind_replaced")
    from sociable.kinds.count import Count

    table = KindTable([Count(), LazyKind("count", f"{module}:Loud")])
    assert kind_identity(table, "count") == f"{module}.Loud"
    table.add(Count())
    assert kind_identity(table, "count") == "sociable.kinds.count.Count"


def _registered() -> list[LazyKind]:
    return [*builtin.sociable_rule_kinds(), *vale_plugin.sociable_rule_kinds()]  # type: ignore[list-item]


@pytest.mark.parametrize("lazy", _registered(), ids=lambda lazy: lazy.name)
def test_every_registered_kind_declares_what_its_class_does(lazy: LazyKind) -> None:
    kind = LazyKind(lazy.name, lazy.ref, corpus=lazy.corpus, hints=lazy.hints).load()
    assert kind.name == lazy.name
    assert bool(kind.corpus) == lazy.corpus
    # hints=False would keep a kind's setup hint from ever being asked for
    assert (type(kind).setup_hint is not Kind.setup_hint) == lazy.hints


def test_the_built_in_kinds_cover_every_kind_module() -> None:
    folder = Path(builtin.__file__).resolve().parent.parent / "kinds"
    helpers = {"__init__", "base", "corpus", "lazy", "matching", "minhash", "prefilter", "screens", "shape_memo"}
    modules = {p.stem for p in folder.glob("*.py")} - helpers
    registered = {lazy.module.rpartition(".")[2] for lazy in builtin.sociable_rule_kinds()}  # type: ignore[union-attr]
    assert registered == modules
