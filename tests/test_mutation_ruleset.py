"""What mutation testing of ``ruleset.py`` found the suite did not pin down (docs/mutation.md).

Most of ``ruleset.py`` was only reached through ``sociable`` in a child process, where a mutant
is invisible. These tests build rule sets in process, from a plugin of their own (one small
kind, packs in a temporary folder), so each runs in milliseconds and sees every mutant:
``--ignore``/``--extend-select`` reaching the selection, ``.yml`` packs, the pack cache being
read and written where the docs say, rules prepared once with the run's settings, a rule set
that survives the trip to a worker process, and rules and notices from configuration plugins.
"""

from __future__ import annotations

import pickle
import textwrap
from pathlib import Path
from typing import Any

import pluggy
import pytest

import sociable.ruleset as ruleset_module
from sociable.kinds.phrases import Phrases
from sociable.packs import cache as pack_cache
from sociable.packs.loader import PackError
from sociable.packs.schema import RuleSpec
from sociable.plugins import hookspecs
from sociable.plugins.markers import PROJECT, hookimpl
from sociable.ruleset import RuleSet, build_ruleset, load_specs

KINDS = {"phrases": Phrases()}


def rule_yaml(code: str, *, enabled: bool = True, channels: str = "") -> str:
    return textwrap.dedent(f"""\
          - code: {code}
            name: rule-{code.lower()}
            kind: phrases
            category: style
            severity: warning
            scope: body
            message: 'Found "{{match}}".'
            why: Because.
            phrases: [foo bar]
            enabled: {str(enabled).lower()}
            {f"channels: [{channels}]" if channels else ""}
            examples:
              bad: ["foo bar"]
              good: ["baz"]
        """)


def write_pack(folder: Path, name: str, *rules: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    body = "".join(textwrap.indent(rule, "  ") for rule in rules)
    path.write_text(f"pack: {path.stem}\nrules:\n{body}", encoding="utf-8")
    return path


class MiniPlugin:
    """A third-party plugin in miniature: one kind, a folder of packs, configuration rules."""

    def __init__(self, packs: Path, config_rules: list[RuleSpec] | None = None) -> None:
        self.packs = packs
        self.config_rules = config_rules or []
        self.seen_config: list[object] = []

    @hookimpl
    def sociable_rule_kinds(self) -> list[Phrases]:
        return [KINDS["phrases"]]

    @hookimpl
    def sociable_rule_packs(self) -> list[Path]:
        return [self.packs]

    @hookimpl
    def sociable_config_rules(self, config: object, notices: list[tuple[str, str]]) -> list[RuleSpec]:
        self.seen_config.append(config)
        notices.append(("warning", f"read {len(self.config_rules)} rules from the configuration"))
        return self.config_rules


def manager_with(plugin: MiniPlugin) -> pluggy.PluginManager:
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(plugin)
    return manager


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    folder = tmp_path / "packs"
    write_pack(folder, "a.yaml", rule_yaml("ZA101"), rule_yaml("ZA102"))
    write_pack(folder, "b.yml", rule_yaml("ZB101"), rule_yaml("ZB102", enabled=False))
    (folder / "notes.txt").write_text("not a pack", encoding="utf-8")
    return folder


# --- which packs, which rules ----------------------------------------------------------------


def test_a_folder_gives_its_yaml_and_yml_packs(packs: Path) -> None:
    specs = load_specs([packs], KINDS)
    assert [spec.code for spec in specs] == ["ZA101", "ZA102", "ZB101", "ZB102"]


def test_a_pack_that_is_not_there_names_itself(tmp_path: Path) -> None:
    missing = tmp_path / "gone.yaml"
    with pytest.raises(PackError) as info:
        load_specs([missing], KINDS)
    assert [str(problem) for problem in info.value.problems] == [f"{missing}:1: rule pack not found"]


def test_problems_of_every_pack_are_reported_together(tmp_path: Path) -> None:
    write_pack(tmp_path, "one.yaml", rule_yaml("ZA101").replace("kind: phrases", "kind: nope"))
    write_pack(tmp_path, "two.yaml", rule_yaml("ZB101").replace("severity: warning", "severity: loud"))
    with pytest.raises(PackError) as info:
        load_specs([tmp_path], KINDS)
    named = {Path(problem.path).name for problem in info.value.problems}
    assert named == {"one.yaml", "two.yaml"}
    assert all(problem.line > 1 for problem in info.value.problems)  # the rule's line, not the file's


def test_select_extend_select_and_ignore_all_reach_the_selection(packs: Path) -> None:
    manager = manager_with(MiniPlugin(packs))
    assert build_ruleset(manager).selected == ["ZA101", "ZA102", "ZB101"]  # ZB102 is off by default
    assert build_ruleset(manager, ignore=["ZA"]).selected == ["ZB101"]
    assert build_ruleset(manager, extend_select=["ZB102"]).selected == ["ZA101", "ZA102", "ZB101", "ZB102"]
    assert build_ruleset(manager, select=["ZA101"], extend_select=["ZB"], ignore=["ZB101"]).selected == [
        "ZA101", "ZB102",
    ]


def test_rules_and_notices_from_configuration_plugins(packs: Path, tmp_path: Path) -> None:
    extra = load_specs([write_pack(tmp_path / "cfg", "c.yaml", rule_yaml("ZC101"))], KINDS)
    plugin = MiniPlugin(packs, config_rules=extra)
    config = object()
    ruleset = build_ruleset(manager_with(plugin), config=config, ignore=["ZA102"])
    assert plugin.seen_config == [config]
    assert "ZC101" in ruleset.specs and ruleset.selected == ["ZA101", "ZB101", "ZC101"]
    assert ruleset.notices == [("warning", "read 1 rules from the configuration")]
    # Without a configuration the hook is not called at all.
    assert build_ruleset(manager_with(plugin)).notices == [] and plugin.seen_config == [config]


def test_a_configuration_rule_clashing_with_a_pack_rule_is_an_error(packs: Path) -> None:
    clash = load_specs([packs / "a.yaml"], KINDS)[:1]
    with pytest.raises(PackError, match="ZA101"):
        build_ruleset(manager_with(MiniPlugin(packs, config_rules=clash)), config=object())


# --- the pack cache: under <cache>/packs, read back, keyed on what can change ----------------


def test_the_pack_cache_is_written_under_packs_and_read_back(packs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "deep" / "cache"  # not there yet: made, parents and all
    specs = load_specs([packs], KINDS, cache)
    (entry,) = (cache / "packs").iterdir()
    assert entry.suffix == ".pickle"
    found = pack_cache.read(entry)  # the specs, then the prepared forms
    assert found is not None and found[0] == specs
    # Read back, not rebuilt: what the entry says is what comes back.
    pack_cache.write(entry, specs[:1], {})
    assert load_specs([packs], KINDS, cache) == specs[:1]


def test_a_changed_pack_gets_a_new_entry_beside_the_old(packs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_specs([packs], KINDS, cache)
    write_pack(packs, "c.yaml", rule_yaml("ZC101"))
    specs = load_specs([packs], KINDS, cache)
    assert "ZC101" in {spec.code for spec in specs}
    assert len(list((cache / "packs").iterdir())) == 2


SameNameElsewhere = type("Phrases", (Phrases,), {})  # qualname "Phrases", this module


class OneKind(Phrases):
    pass


class OtherKind(Phrases):
    pass


def test_the_cache_key_follows_version_kinds_and_files(
    packs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = ruleset_module.pack_files([packs])
    key = pack_cache.cache_key(files, KINDS)
    assert key == pack_cache.cache_key(files, KINDS)

    # Another class of the same name in another module, and two classes of one module: the
    # key holds both the module and the name, so a plugin that replaces a kind is noticed.
    assert pack_cache.cache_key(files, {"phrases": Phrases()}) == key
    assert pack_cache.cache_key(files, {"phrases": SameNameElsewhere()}) != key
    assert pack_cache.cache_key(files, {"phrases": OneKind()}) != pack_cache.cache_key(
        files, {"phrases": OtherKind()}
    )
    # A kind that grew a key is a code change: sociable's source files are stamped in the key.
    import sociable.code_stamps as code_stamps

    stamps = list(code_stamps.package_stamps())
    monkeypatch.setattr(code_stamps, "package_stamps", lambda: [*stamps, "kinds/phrases.py:1:2"])
    assert pack_cache.cache_key(files, KINDS) != key
    monkeypatch.setattr(code_stamps, "package_stamps", lambda: stamps)
    assert pack_cache.cache_key(files, KINDS) == key
    assert pack_cache.cache_key(files[:1], KINDS) != key
    monkeypatch.setattr(pack_cache, "__version__", "0.0.0-other")
    assert pack_cache.cache_key(files, KINDS) != key


def test_a_rule_set_uses_the_pack_cache_it_is_given(packs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build_ruleset(manager_with(MiniPlugin(packs)), cache_dir=cache)
    assert len(list((cache / "packs").glob("*.pickle"))) == 1


def test_an_unwritable_cache_costs_speed_not_the_run(packs: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    assert [spec.code for spec in load_specs([packs], KINDS, blocker)][:1] == ["ZA101"]


# --- a rule set at run time -------------------------------------------------------------------


@pytest.fixture
def built(packs: Path) -> RuleSet:
    ruleset = build_ruleset(manager_with(MiniPlugin(packs)))
    ruleset.settings = {"language": "en-GB", "languagetool": "http://localhost:8081"}
    return ruleset


def test_a_rule_is_prepared_once_and_carries_the_run_settings(built: RuleSet) -> None:
    rule = built.rule("ZA101")
    assert built.rule("ZA101") is rule
    assert rule.spec is built.specs["ZA101"] and rule.kind is KINDS["phrases"]
    assert rule.settings == {"language": "en-GB", "languagetool": "http://localhost:8081"}
    assert built.rule("ZB101") is not rule


def test_active_follows_a_selection_of_the_same_length(built: RuleSet) -> None:
    assert [spec.code for spec in built.active(None)] == ["ZA101", "ZA102", "ZB101"]
    built.selected = ["ZA101", "ZA102", "ZB102"]  # a new list, as long as the old one
    assert [spec.code for spec in built.active(None)] == ["ZA101", "ZA102", "ZB102"]


def test_a_rule_set_sent_to_a_worker_works_there(built: RuleSet) -> None:
    built.rule("ZA101")
    built.active(None)
    copy: Any = pickle.loads(pickle.dumps(built))
    assert copy.specs == built.specs and copy.selected == built.selected
    assert set(copy.kinds) == {"phrases"} and copy.settings == built.settings
    assert copy._prepared == {} and copy._active == {} and copy._active_of is None
    assert [spec.code for spec in copy.active(None)] == ["ZA101", "ZA102", "ZB101"]
    assert copy.rule("ZA101").settings == built.settings
