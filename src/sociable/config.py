"""Configuration: ``[tool.sociable]`` in ``pyproject.toml``, or ``sociable.toml``, or ``--config``.

The nearest file wins, searching upward from the first path linted (or the working folder);
in one folder ``sociable.toml`` beats ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.sociable]`` table is passed over. Relative paths in a file are relative to its folder.
Unknown keys are errors (with a "did you mean"), like ruff's.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sociable import regex_cache
from sociable.document import CHANNELS
from sociable.records import Record


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
    "grammar-max-characters": "grammar reads whole paragraphs up to this many characters of a draft (default 20000; 0: no limit)",
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


class Config(Record):
    """One run's configuration, frozen: :meth:`with_overrides` makes the changed copy.

    A plain class, not a dataclass (:mod:`sociable.records` says why); ``key_lines`` is left
    out of equality and ``repr``.
    """

    __slots__ = (
        "cache_dir",
        "channel",
        "channels",
        "compare_with",
        "exclude",
        "extend_exclude",
        "extend_lexicons",
        "extend_packs",
        "extend_select",
        "grammar_backend",
        "grammar_max_characters",
        "history",
        "ignore",
        "key_lines",
        "language",
        "languagetool",
        "output_format",
        "per_file_ignores",
        "root",
        "select",
        "source",
        "vale_config",
    )
    _hidden = frozenset({"key_lines"})
    _frozen = True

    root: Path
    source: Path | None
    select: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    per_file_ignores: dict[str, tuple[str, ...]]
    extend_packs: tuple[Path, ...]
    channel: str | None
    channels: dict[str, str]
    exclude: tuple[str, ...]
    extend_exclude: tuple[str, ...]
    output_format: str
    history: tuple[Path, ...]
    compare_with: tuple[Path, ...]
    languagetool: str | None
    grammar_backend: str | None
    #: How much of a draft grammar reads (``grammar.base.checked_end``); None: the default.
    grammar_max_characters: int | None
    language: str
    cache_dir: Path | None
    vale_config: Path | None
    #: Words added to the packs' word classes (``extend-lexicons``), without copying a rule.
    extend_lexicons: dict[str, tuple[str, ...]]
    #: key -> the line of ``source`` that sets it, so later checks (unknown rule codes,
    #: once the rules are loaded) can point at it too.
    key_lines: dict[str, int]

    def __init__(
        self,
        root: Path | None = None,
        source: Path | None = None,
        select: tuple[str, ...] | None = None,
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        per_file_ignores: dict[str, tuple[str, ...]] | None = None,
        extend_packs: tuple[Path, ...] = (),
        channel: str | None = None,
        channels: dict[str, str] | None = None,
        exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
        extend_exclude: tuple[str, ...] = (),
        output_format: str = "text",
        history: tuple[Path, ...] = (),
        compare_with: tuple[Path, ...] = (),
        languagetool: str | None = None,
        grammar_backend: str | None = None,
        grammar_max_characters: int | None = None,
        language: str = "en-US",
        cache_dir: Path | None = None,
        vale_config: Path | None = None,
        extend_lexicons: dict[str, tuple[str, ...]] | None = None,
        key_lines: dict[str, int] | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "root", Path.cwd() if root is None else root)
        put(self, "source", source)
        put(self, "select", select)
        put(self, "extend_select", extend_select)
        put(self, "ignore", ignore)
        put(self, "per_file_ignores", {} if per_file_ignores is None else per_file_ignores)
        put(self, "extend_packs", extend_packs)
        put(self, "channel", channel)
        put(self, "channels", {} if channels is None else channels)
        put(self, "exclude", exclude)
        put(self, "extend_exclude", extend_exclude)
        put(self, "output_format", output_format)
        put(self, "history", history)
        put(self, "compare_with", compare_with)
        put(self, "languagetool", languagetool)
        put(self, "grammar_backend", grammar_backend)
        put(self, "grammar_max_characters", grammar_max_characters)
        put(self, "language", language)
        put(self, "cache_dir", cache_dir)
        put(self, "vale_config", vale_config)
        put(self, "extend_lexicons", {} if extend_lexicons is None else extend_lexicons)
        put(self, "key_lines", {} if key_lines is None else key_lines)

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with command-line values laid over the file's (None means "not given")."""
        return self.replace(**{k: v for k, v in changes.items() if v is not None})

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
            except (OSError, UnicodeDecodeError):
                continue  # someone else's unreadable file is not ours to report
            if "sociable" not in text:
                continue  # not ours, and no need to load a TOML parser to know it
            try:
                data = _toml().loads(text)
            except ValueError:  # TOMLDecodeError is a ValueError
                # A broken file with our table in it is ours: load_config reports it (file and
                # line) rather than falling back to a parent's config or the defaults.
                if _OUR_TABLE.search(text):
                    return pyproject
                continue
            if isinstance(data.get("tool"), dict) and "sociable" in data["tool"]:
                return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    tomllib = _toml()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, reason = toml_error_line(str(exc), text)
        raise ConfigError(f"{path}:{line}: invalid TOML: {reason}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("sociable", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            line = key_line(text, ("tool",), "sociable") or 1
            raise ConfigError(f"{path}:{line}: [tool.sociable] must be a table")
    return parse_config(data, path, text)


_OUR_TABLE = regex_cache.lazy(r"^\s*\[\s*tool\s*\.\s*[\"']?sociable\b", re.M)
_TOML_AT = regex_cache.lazy(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")
_HEADER = regex_cache.lazy(r"^\s*\[\[?([^\[\]]+)\]\]?\s*(?:#.*)?$")
_KEY = regex_cache.lazy(r"""^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=""")
_PART = regex_cache.lazy(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^.\s]+)\s*(?:\.|$)""")


def toml_error_line(message: str, text: str) -> tuple[int, str]:
    """The 1-based line a TOML parser's message points at, and the message without it.

    tomllib says "(at line 3, column 1)" or "(at end of document)"; the end is the last line.
    """
    match = _TOML_AT.search(message)
    if match is None:
        return 1, message
    if match.group(1):
        return int(match.group(1)), message[: match.start()]
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1)), message[: match.start()]


def _parts(dotted: str) -> tuple[str, ...]:
    """``tool."sociable".select`` -> ("tool", "sociable", "select")."""
    parts = []
    for match in _PART.finditer(dotted.strip()):
        part = match.group(1)
        if part[:1] in "\"'" and len(part) >= 2:
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


def key_line(text: str, table: tuple[str, ...], key: str | None = None) -> int | None:
    """The 1-based line where ``key`` of ``table`` is set (or the table begins, when ``key``
    is None or not found), so a configuration error can point at it as pack errors do.

    A line scan, not a TOML parser: tomllib keeps no positions, and the key's line is all
    an error message needs.
    """
    current: tuple[str, ...] = ()
    header_line = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = _parts(header.group(1))
            if current == table and header_line is None:
                header_line = number
            continue
        assignment = _KEY.match(line)
        if assignment and key is not None and current + _parts(assignment.group(1)) == (*table, key):
            return number
    return header_line


def parse_config(data: dict[str, Any], path: Path, source: str | None = None) -> Config:
    """Validate the keys of one configuration table; ``source`` (the file's text) lets an error
    name the line of the key at fault."""
    root = path.parent.resolve()
    table: tuple[str, ...] = ("tool", "sociable") if path.name == "pyproject.toml" else ()

    def where_of(key: str | None = None, sub: str | None = None) -> str:
        line = None
        if source is not None:
            if sub is not None:
                line = key_line(source, (*table, key or ""), sub)
            if line is None:
                line = key_line(source, table, key)
        place = f"{path}:{line}" if line else str(path)
        return f"{place}: [tool.sociable]" if table else place

    for key in data:
        if key not in KEYS:
            from difflib import get_close_matches  # only to word a hint
            hint = get_close_matches(key, list(KEYS), n=1)
            suffix = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise ConfigError(f"{where_of(key)}: unknown key {key!r}{suffix}")

    def codes(key: str) -> tuple[str, ...] | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where_of(key)}: {key!r} must be a list of rule codes or prefixes")
        return tuple(v.strip().upper() for v in value)

    def strings(key: str) -> tuple[str, ...] | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where_of(key)}: {key!r} must be a list of text")
        return tuple(value)

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{where_of(key)}: {key!r} must be text")
        return value

    per_file: dict[str, tuple[str, ...]] = {}
    raw_pfi = data.get("per-file-ignores", {})
    if not isinstance(raw_pfi, dict):
        raise ConfigError(f"{where_of('per-file-ignores')}: 'per-file-ignores' must be a table of glob = [codes]")
    for glob, value in raw_pfi.items():
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(
                f"{where_of('per-file-ignores', glob)}: per-file-ignores {glob!r} must list rule codes"
            )
        per_file[glob] = tuple(v.upper() for v in value)
    channel_map: dict[str, str] = {}
    raw_channels = data.get("channels", {})
    if not isinstance(raw_channels, dict):
        raise ConfigError(f"{where_of('channels')}: 'channels' must be a table of glob = \"channel\"")
    for glob, value in raw_channels.items():
        check_channel(value, f"{where_of('channels', glob)}: channels {glob!r}")
        channel_map[glob] = value
    channel = text("channel")
    if channel is not None:
        check_channel(channel, f"{where_of('channel')}: channel")
    languagetool = text("languagetool")
    if languagetool is not None:
        check_languagetool_url(languagetool, f"{where_of('languagetool')}: languagetool")
    lexicons: dict[str, tuple[str, ...]] = {}
    raw_lexicons = data.get("extend-lexicons", {})
    if not isinstance(raw_lexicons, dict):
        raise ConfigError(f"{where_of('extend-lexicons')}: 'extend-lexicons' must be a table of class = [words]")
    for name, words in raw_lexicons.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise ConfigError(f"{where_of('extend-lexicons', name)}: extend-lexicons {name!r} must list words")
        lexicons[name] = tuple(w.strip().casefold() for w in words)
    max_characters = data.get("grammar-max-characters")
    if max_characters is not None and (
        isinstance(max_characters, bool) or not isinstance(max_characters, int) or max_characters < 0
    ):
        raise ConfigError(
            f"{where_of('grammar-max-characters')}: 'grammar-max-characters' must be a whole "
            "number of characters, 0 or more (0: no limit)"
        )
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
        languagetool=languagetool,
        grammar_backend=text("grammar-backend"),
        grammar_max_characters=max_characters,
        language=text("language") or "en-US",
        cache_dir=(root / cache_dir) if cache_dir else None,
        vale_config=(root / vale_config) if vale_config else None,
        extend_lexicons=lexicons,
        key_lines={
            key: line for key in data
            if source is not None and (line := key_line(source, table, key)) is not None
        },
    )


def unknown_codes(
    config: Config, known: Iterable[str], given: Mapping[str, Sequence[str] | None]
) -> str | None:
    """An error message for the first selector that matches no rule, else None.

    ``given`` maps a command-line flag (``--select``, ``--ignore``, ...) to its codes; the
    configuration's ``select``, ``extend-select``, ``ignore`` and ``per-file-ignores`` are
    checked too, so a typo in an ignore list fails as loudly as one in a select list rather
    than silently ignoring nothing.
    """
    known = tuple(known)

    def missing(codes: Iterable[str]) -> list[str]:
        return [c for c in codes if c != "ALL" and not any(k.upper().startswith(c.upper()) for k in known)]

    for flag, codes in given.items():
        bad = missing(codes or ())
        if bad:
            return f"{flag}: no rule matches {', '.join(bad)}; see `sociable rules`"
    from_file = {
        "select": config.select or (),
        "extend-select": config.extend_select,
        "ignore": config.ignore,
        "per-file-ignores": [c for codes in config.per_file_ignores.values() for c in codes],
    }
    for key, codes in from_file.items():
        bad = missing(codes)
        if bad:
            line = config.key_lines.get(key)
            place = f"{config.source}:{line}" if line else str(config.source)
            if config.source is not None and config.source.name == "pyproject.toml":
                place += ": [tool.sociable]"
            return f"{place}: {key!r}: no rule matches {', '.join(bad)}; see `sociable rules`"
    return None


def check_languagetool_url(value: str, where: str) -> None:
    """A LanguageTool address must be ``http(s)://host[:port][/path]`` (or ``host:port``):
    a typo is a usage error at start-up, not a connection failure on every draft."""
    from urllib.parse import urlsplit

    url = value.strip()
    full = url if "://" in url else f"http://{url}"
    problem = None
    try:
        parts = urlsplit(full)
        port = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError as exc:
        problem, parts, port = str(exc), None, None
    if problem is None and parts is not None:
        if parts.scheme not in ("http", "https"):
            problem = f"scheme {parts.scheme!r} is not http or https"
        elif not parts.hostname:
            problem = "it names no host"
        elif any(c.isspace() for c in url) or port == 0:
            problem = "it is not a URL"
    if problem is not None:
        raise ConfigError(
            f"{where}: invalid LanguageTool URL {value!r} ({problem}); "
            "use e.g. http://localhost:8081"
        )


def check_channel(value: object, where: str) -> None:
    if value not in CHANNELS:
        from difflib import get_close_matches  # only to word a hint
        hint = get_close_matches(str(value), CHANNELS, n=1)
        suffix = f" (did you mean {hint[0]!r}?)" if hint else f"; use one of: {', '.join(CHANNELS)}"
        raise ConfigError(f"{where}: unknown channel {value!r}{suffix}")
