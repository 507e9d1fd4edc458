"""Configuration: ``[tool.sociable]`` in ``pyproject.toml``, or ``sociable.toml``, or ``--config``.

The nearest file wins, searching upward from the first path linted (or the working folder);
in one folder ``sociable.toml`` beats ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.sociable]`` table is passed over. Relative paths in a file are relative to its folder.
Unknown keys are errors (with a "did you mean"), like ruff's.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sociable.document import CHANNELS


def _toml() -> Any:
    """The TOML parser, imported only when there is a configuration file to read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib

KEYS = {
    "select": "rule codes or prefixes to enable (replaces the default of all)",
    "extend-select": "rule codes or prefixes to enable on top of 'select'",
    "ignore": "rule codes or prefixes to disable",
    "per-file-ignores": "glob -> codes disabled in matching files",
    "extend-packs": "extra rule pack files or folders",
    "channel": "the channel of drafts that name none",
    "channels": "glob -> channel",
    "exclude": "globs of files and folders not to lint (replaces the defaults)",
    "extend-exclude": "globs to exclude on top of 'exclude'",
    "output-format": "text, json, json-lines, sarif or github",
    "history": "folders or CSV/JSONL exports of messages already sent",
    "compare-with": "folders or files of drafts to compare with but not lint (e.g. the whole repo)",
    "languagetool": "URL of a LanguageTool server for grammar rules, or \"local\"",
    "grammar-backend": "harper, languagetool or off (default: languagetool when a server is named, else harper)",
    "language": "language code for grammar checks (default en-US)",
    "cache-dir": "where cached results live (default .sociable_cache)",
    "vale-config": "a .vale.ini whose styles run alongside sociable's rules",
    "extend-lexicons": "word class -> extra words for the shape rules' classes",
}

DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".sociable_cache",
    "build", "dist", "site-packages",
)


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and what to change."""


@dataclass(frozen=True)
class Config:
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extend_packs: tuple[Path, ...] = ()
    channel: str | None = None
    channels: dict[str, str] = field(default_factory=dict)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    output_format: str = "text"
    history: tuple[Path, ...] = ()
    compare_with: tuple[Path, ...] = ()
    languagetool: str | None = None
    grammar_backend: str | None = None
    language: str = "en-US"
    cache_dir: Path | None = None
    vale_config: Path | None = None
    #: Words added to the packs' word classes (``extend-lexicons``), without copying a rule.
    extend_lexicons: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with command-line values laid over the file's (None means "not given")."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def all_excludes(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude


def find_config(start: Path) -> Path | None:
    """The nearest ``sociable.toml`` or ``pyproject.toml`` with ``[tool.sociable]``."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "sociable.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
                if "sociable" not in text:
                    continue  # not ours, and no need to load a TOML parser to know it
                data = _toml().loads(text)
            except (OSError, UnicodeDecodeError, ValueError):  # TOMLDecodeError is a ValueError
                continue  # someone else's broken file is not ours to report
            if isinstance(data.get("tool"), dict) and "sociable" in data["tool"]:
                return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    tomllib = _toml()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("sociable", {})
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    root = path.parent.resolve()
    where = f"{path}: [tool.sociable]" if path.name == "pyproject.toml" else str(path)
    for key in data:
        if key not in KEYS:
            hint = difflib.get_close_matches(key, list(KEYS), n=1)
            suffix = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise ConfigError(f"{where}: unknown key {key!r}{suffix}")

    def codes(key: str) -> tuple[str, ...] | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key!r} must be a list of rule codes or prefixes")
        return tuple(v.strip().upper() for v in value)

    def strings(key: str) -> tuple[str, ...] | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key!r} must be a list of text")
        return tuple(value)

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{where}: {key!r} must be text")
        return value

    per_file: dict[str, tuple[str, ...]] = {}
    raw_pfi = data.get("per-file-ignores", {})
    if not isinstance(raw_pfi, dict):
        raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
    for glob, value in raw_pfi.items():
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: per-file-ignores {glob!r} must list rule codes")
        per_file[glob] = tuple(v.upper() for v in value)
    channel_map: dict[str, str] = {}
    raw_channels = data.get("channels", {})
    if not isinstance(raw_channels, dict):
        raise ConfigError(f"{where}: 'channels' must be a table of glob = \"channel\"")
    for glob, value in raw_channels.items():
        check_channel(value, f"{where}: channels {glob!r}")
        channel_map[glob] = value
    channel = text("channel")
    if channel is not None:
        check_channel(channel, f"{where}: channel")
    lexicons: dict[str, tuple[str, ...]] = {}
    raw_lexicons = data.get("extend-lexicons", {})
    if not isinstance(raw_lexicons, dict):
        raise ConfigError(f"{where}: 'extend-lexicons' must be a table of class = [words]")
    for name, words in raw_lexicons.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise ConfigError(f"{where}: extend-lexicons {name!r} must list words")
        lexicons[name] = tuple(w.strip().casefold() for w in words)
    output_format = text("output-format") or "text"
    cache_dir = text("cache-dir")
    vale_config = text("vale-config")
    return Config(
        root=root,
        source=path,
        select=codes("select"),
        extend_select=codes("extend-select") or (),
        ignore=codes("ignore") or (),
        per_file_ignores=per_file,
        extend_packs=tuple(root / p for p in strings("extend-packs") or ()),
        channel=channel,
        channels=channel_map,
        exclude=strings("exclude") or DEFAULT_EXCLUDE,
        extend_exclude=strings("extend-exclude") or (),
        output_format=output_format,
        history=tuple(root / p for p in strings("history") or ()),
        compare_with=tuple(root / p for p in strings("compare-with") or ()),
        languagetool=text("languagetool"),
        grammar_backend=text("grammar-backend"),
        language=text("language") or "en-US",
        cache_dir=(root / cache_dir) if cache_dir else None,
        vale_config=(root / vale_config) if vale_config else None,
        extend_lexicons=lexicons,
    )


def check_channel(value: object, where: str) -> None:
    if value not in CHANNELS:
        hint = difflib.get_close_matches(str(value), CHANNELS, n=1)
        suffix = f" (did you mean {hint[0]!r}?)" if hint else f"; use one of: {', '.join(CHANNELS)}"
        raise ConfigError(f"{where}: unknown channel {value!r}{suffix}")
