"""Every configuration key is read into the value it documents, in-process (the CLI tests cover
the same keys end to end, but a mutation tester cannot see into their subprocesses)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sociable.config import DEFAULT_EXCLUDE, Config, ConfigError, load_config

FULL = """\
select = ["eb", "GP1"]
extend-select = ["gr104"]
ignore = [" rd "]
extend-packs = ["style/house.yaml"]
channel = "cold-email"
exclude = ["archive"]
extend-exclude = "drafts/old/**"
output-format = "json"
history = ["sent.csv"]
compare-with = "."
languagetool = "localhost:8081"
language = "de-DE"
cache-dir = "cache"

[channels]
"notes/**" = "linkedin-connect"

[per-file-ignores]
"templates/*" = ["np102", "AU"]
"one/*" = "sx100"
"""


def test_every_key_of_a_full_sociable_toml(tmp_path: Path) -> None:
    path = tmp_path / "sociable.toml"
    path.write_text(FULL, encoding="utf-8")
    config = load_config(path)
    root = tmp_path.resolve()
    assert config.root == root and config.source == path
    assert config.select == ("EB", "GP1")
    assert config.extend_select == ("GR104",)
    assert config.ignore == ("RD",)
    assert config.extend_packs == (root / "style/house.yaml",)
    assert config.channel == "cold-email"
    assert config.channels == {"notes/**": "linkedin-connect"}
    assert config.exclude == ("archive",)
    assert config.extend_exclude == ("drafts/old/**",)
    assert config.all_excludes == ("archive", "drafts/old/**")
    assert config.output_format == "json"
    assert config.history == (root / "sent.csv",)
    assert config.compare_with == (root / ".",)
    assert config.languagetool == "localhost:8081"
    assert config.language == "de-DE"
    assert config.cache_dir == root / "cache"
    assert config.per_file_ignores == {"templates/*": ("NP102", "AU"), "one/*": ("SX100",)}
    assert config.key_lines["select"] == 1 and config.key_lines["cache-dir"] == 13


def test_the_same_keys_under_tool_sociable(tmp_path: Path) -> None:
    body = FULL.replace("[channels]", "[tool.sociable.channels]").replace(
        "[per-file-ignores]", "[tool.sociable.per-file-ignores]"
    )
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.sociable]\n' + body, encoding="utf-8")
    config = load_config(path)
    assert config.select == ("EB", "GP1") and config.language == "de-DE"
    assert config.channels == {"notes/**": "linkedin-connect"}
    assert config.per_file_ignores["templates/*"] == ("NP102", "AU")
    assert config.key_lines["select"] == 5


def test_defaults_of_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "sociable.toml"
    path.write_text("", encoding="utf-8")
    config = load_config(path)
    assert config == Config(root=tmp_path.resolve(), source=path)
    assert config.select is None and config.exclude == DEFAULT_EXCLUDE
    assert (config.output_format, config.language, config.cache_dir) == ("text", "en-US", None)
    assert load_config(None) == Config()


def test_pyproject_without_our_table_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(path).select is None


def test_overrides_skip_none() -> None:
    config = Config(channel="dm", language="fr").with_overrides(channel=None, language="de")
    assert (config.channel, config.language) == ("dm", "de")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct = []\n", "unknown key 'selct' (did you mean 'select'?)"),
        ("zzzzzz = 1\n", "unknown key 'zzzzzz'"),
        ("select = [1]\n", "'select' must be a list of rule codes or prefixes"),
        ("history = 3\n", "'history' must be a list of text"),
        ("channel = 3\n", "'channel' must be text"),
        ("channel = \"dmm\"\n", "channel: unknown channel 'dmm' (did you mean 'dm'?)"),
        ("channel = \"zzzz\"\n", "channel: unknown channel 'zzzz'; use one of: linkedin-connect,"),
        ("channels = 3\n", "'channels' must be a table of glob = \"channel\""),
        ("per-file-ignores = {a = [1]}\n", "per-file-ignores 'a' must list rule codes"),
        ("languagetool = \"http://\"\n", "(it names no host)"),
        ("languagetool = \"ftp://h\"\n", "(scheme 'ftp' is not http or https)"),
        ("languagetool = \"h:0\"\n", "(it is not a URL)"),
        ("languagetool = \"h:x\"\n", "invalid LanguageTool URL 'h:x' (Port could not be cast"),
    ],
)
def test_messages(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sociable.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:1: "), caught.value
    assert message in str(caught.value)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "none.toml")
    bad = tmp_path / "sociable.toml"
    bad.write_bytes(b"select = ['\xff']\n")
    with pytest.raises(ConfigError, match="cannot read configuration"):
        load_config(bad)
