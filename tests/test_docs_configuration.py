"""docs/configuration.md documents every key config.py knows, each with its type, default and
an example that sociable accepts; a key added to the code without docs fails here."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from sociable.config import KEYS, parse_config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PAGE = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"
SECTION = re.compile(r"^### `([a-z-]+)`\n(.*?)(?=^##|\Z)", re.MULTILINE | re.DOTALL)
SECTIONS = dict(SECTION.findall(PAGE.read_text(encoding="utf-8")))


def test_every_known_key_is_documented_and_nothing_else() -> None:
    assert sorted(set(KEYS) - set(SECTIONS)) == [], "keys in config.KEYS missing from docs/configuration.md"
    assert sorted(set(SECTIONS) - set(KEYS)) == [], "documented keys that config.py does not know"


@pytest.mark.parametrize("key", sorted(KEYS))
def test_key_has_type_default_and_a_working_example(key: str, tmp_path: Path) -> None:
    body = SECTIONS[key]
    assert re.search(r"^- \*\*Type\*\*: \S", body, re.MULTILINE), f"{key}: no type"
    assert re.search(r"^- \*\*Default\*\*: \S", body, re.MULTILINE), f"{key}: no default"
    examples = re.findall(r"```toml\n(.*?)```", body, re.DOTALL)
    assert examples, f"{key}: no example"
    data = tomllib.loads(examples[0])
    assert key in data, f"{key}: the example sets other keys"
    parse_config(data, tmp_path / "sociable.toml")  # raises ConfigError if sociable refuses it


def test_documented_defaults_match_the_code() -> None:
    from sociable.config import DEFAULT_EXCLUDE, Config

    def default(key: str) -> str:
        found = re.search(r"^- \*\*Default\*\*: (.*?)(?=^- \*\*|^\n)", SECTIONS[key], re.MULTILINE | re.DOTALL)
        assert found, key
        return " ".join(found.group(1).split())

    config = Config()
    assert default("language") == f'`"{config.language}"`'
    assert default("output-format") == f'`"{config.output_format}"`'
    assert default("exclude") == "`[" + ", ".join(f'"{g}"' for g in DEFAULT_EXCLUDE) + "]`"
    for key in ("extend-select", "ignore", "extend-exclude", "history", "compare-with", "extend-packs"):
        assert default(key) == "`[]`", key
        assert getattr(config, key.replace("-", "_")) == (), key
