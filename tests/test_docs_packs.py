"""docs/writing-packs.md covers every kind and every key, and each worked example on the page
is a real pack: it loads, and every one of its bad and good examples behaves as stated."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document
from sociable.packs.loader import OPTIONAL_RULE_KEYS, REQUIRED_RULE_KEYS
from sociable.plugins.manager import get_plugin_manager
from sociable.ruleset import RuleSet

PAGE = (Path(__file__).resolve().parents[1] / "docs" / "writing-packs.md").read_text(encoding="utf-8")
KIND_SECTION = re.compile(r"^### `([a-z-]+)`\n(.*?)(?=^##|\Z)", re.MULTILINE | re.DOTALL)
SECTIONS = dict(KIND_SECTION.findall(PAGE))
PACK_BLOCK = re.compile(r"```yaml\n(pack: .*?)```", re.DOTALL)
KINDS_PART = PAGE[PAGE.index("## The kinds"):]
WORKED = PACK_BLOCK.findall(KINDS_PART)
#: Its findings come from the engine's suppression logic for SX100 only (kinds/directive.py).
NO_WORKED_EXAMPLE = {"directive"}


def builtin_kinds() -> dict[str, object]:
    (kinds,) = get_plugin_manager(entrypoints=False).hook.sociable_rule_kinds()
    return {kind.name: kind for kind in kinds}


def table_keys(text: str) -> set[str]:
    return set(re.findall(r"^\| `([a-z_-]+)` \|", text, re.MULTILINE))


def test_every_common_key_is_in_the_table() -> None:
    common = PAGE[PAGE.index("## Keys every rule has"):PAGE.index("### Scopes")]
    assert table_keys(common) == set(REQUIRED_RULE_KEYS) | set(OPTIONAL_RULE_KEYS)


@pytest.mark.parametrize("name", sorted(builtin_kinds()))
def test_every_kind_and_key_is_documented(name: str) -> None:
    assert name in SECTIONS, f"docs/writing-packs.md has no section for kind {name!r}"
    kind = builtin_kinds()[name]
    assert table_keys(SECTIONS[name]) == set(kind.keys), f"{name}: keys differ"  # type: ignore[attr-defined]
    for placeholder in kind.message_fields:  # type: ignore[attr-defined]
        assert "{" + placeholder + "}" in SECTIONS[name], f"{name}: placeholder {placeholder}"
    if name not in NO_WORKED_EXAMPLE:
        blocks = PACK_BLOCK.findall(SECTIONS[name])
        assert blocks and all(f"kind: {name}\n" in block for block in blocks), name


@pytest.fixture(scope="module")
def worked(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    folder = tmp_path_factory.mktemp("worked-packs")
    for index, block in enumerate(WORKED):
        (folder / f"worked-{index:02}.yaml").write_text(block, encoding="utf-8")
    return load_context(Config(extend_packs=(folder,)), use_cache=False).ruleset


CODES = sorted(set(re.findall(r"^  - code: (\w+)$", "\n".join(WORKED), re.MULTILINE)))


def test_worked_examples_load_as_packs(worked: RuleSet) -> None:
    assert len(CODES) >= len(builtin_kinds()) - len(NO_WORKED_EXAMPLE)
    assert set(CODES) <= set(worked.specs)


@pytest.mark.parametrize("code", CODES)
def test_worked_example_behaves(worked: RuleSet, code: str, request: pytest.FixtureRequest) -> None:
    ruleset = copy.copy(worked)
    spec = ruleset.specs[code]
    ruleset.selected = [*ruleset.selected, code] if code not in ruleset.selected else ruleset.selected
    if ruleset.kinds[spec.kind].needs_setting == "languagetool":
        server = request.getfixturevalue("fake_lt")  # tests/test_grammar.py's look-alike server
        ruleset.settings = {**ruleset.settings, "languagetool": server.url}
        ruleset._prepared = {}
    channel = spec.channels[0] if spec.channels else None
    for verdict, drafts in (("bad", spec.examples_bad), ("good", spec.examples_good)):
        for text in drafts:
            doc = Document.from_text(text, f"<{code} {verdict}>", channel=channel)
            found = [c for f in check_document(doc, ruleset) for c in f.codes]  # merged codes too
            assert (code in found) == (verdict == "bad"), f"{code} {verdict}: {text!r} gave {found}"
