"""Reading a ``.vale.ini``: the global keys and the glob sections, with line numbers.

Vale's INI dialect is simple (``key = value``, ``[glob]`` sections, ``#``/``;`` comments), but
errors must name the file and line, so this is a small reader of its own rather than
:mod:`configparser` (which also lower-cases keys and rejects repeated ones).

What is understood: ``StylesPath``, ``MinAlertLevel``, ``Vocab``, ``IgnoredScopes``,
``SkippedScopes`` and ``WordTemplate`` globally; in each ``[glob]`` section ``BasedOnStyles``,
``Style.Rule = YES|NO|suggestion|warning|error`` and the scope keys; ``[formats]`` maps one
extension onto another (``mdx = md``). Keys sociable does not need (``Packages``, ``Transform``,
``BlockIgnores``...) are accepted and ignored, as Vale ignores keys it does not know.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LEVELS = ("suggestion", "warning", "error")


class ValeConfigError(ValueError):
    """The ``.vale.ini`` (or a style it names) cannot be used; the message names file:line."""


@dataclass(frozen=True)
class Section:
    """One ``[glob]`` section: the styles it bases files on and its per-rule switches."""

    glob: str
    line: int
    based_on: tuple[str, ...] = ()
    #: ``Style.Rule`` or ``Style`` -> "YES", "NO" or a level.
    switches: tuple[tuple[str, str], ...] = ()
    vocab: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ValeConfig:
    path: Path
    styles_path: Path
    min_level: str = "suggestion"
    vocab: tuple[str, ...] = ()
    ignored_scopes: tuple[str, ...] = ("code", "tt")
    skipped_scopes: tuple[str, ...] = ("script", "style", "pre", "figure")
    word_template: str = ""
    sections: tuple[Section, ...] = ()
    formats: dict[str, str] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.path.parent


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def read_vale_config(path: Path) -> ValeConfig:
    """Parse ``path``; raise :class:`ValeConfigError` naming the file and line on bad input."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValeConfigError(f"{path}:1: Vale configuration not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValeConfigError(f"{path}:1: cannot read Vale configuration: {exc}") from None
    global_keys: dict[str, tuple[str, int]] = {}
    sections: list[dict[str, object]] = []
    formats: dict[str, str] = {}
    current: dict[str, object] | None = None
    in_formats = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            if not line.endswith("]") or len(line) < 3:
                raise ValeConfigError(f"{path}:{number}: malformed section header {line!r}")
            glob = line[1:-1].strip()
            in_formats = glob == "formats"
            current = None if in_formats else {"glob": glob, "line": number, "keys": []}
            if current is not None:
                sections.append(current)
            continue
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise ValeConfigError(f"{path}:{number}: expected 'key = value', got {line!r}")
        key, value = key.strip(), _unquote(value)
        if in_formats:
            formats[key.lower().lstrip(".")] = value.lower().lstrip(".")
        elif current is None:
            global_keys[key] = (value, number)
        else:
            keys = current["keys"]
            assert isinstance(keys, list)
            keys.append((key, value, number))
    root = path.parent
    styles_value = global_keys.get("StylesPath", ("styles", 0))[0]
    min_level, min_line = global_keys.get("MinAlertLevel", ("suggestion", 0))
    if min_level not in LEVELS:
        raise ValeConfigError(
            f"{path}:{min_line}: MinAlertLevel must be one of {', '.join(LEVELS)}, got {min_level!r}"
        )
    parsed: list[Section] = []
    for raw_section in sections:
        based_on: tuple[str, ...] = ()
        switches: list[tuple[str, str]] = []
        vocab: tuple[str, ...] | None = None
        entries = raw_section["keys"]
        assert isinstance(entries, list)
        for key, value, number in entries:
            if key == "BasedOnStyles":
                based_on = _split(value)
            elif key == "Vocab":
                vocab = _split(value)
            elif "." in key:
                switch = value.upper() if value.upper() in ("YES", "NO") else value.lower()
                if switch not in ("YES", "NO", *LEVELS):
                    raise ValeConfigError(
                        f"{path}:{number}: {key} must be YES, NO or a level "
                        f"({', '.join(LEVELS)}), got {value!r}"
                    )
                switches.append((key, switch))
        glob_value, line_value = raw_section["glob"], raw_section["line"]
        assert isinstance(glob_value, str) and isinstance(line_value, int)
        parsed.append(Section(glob_value, line_value, based_on, tuple(switches), vocab))

    def scopes(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        return _split(global_keys[key][0]) if key in global_keys else default

    return ValeConfig(
        path=path,
        styles_path=(root / styles_value).resolve(),
        min_level=min_level,
        vocab=_split(global_keys.get("Vocab", ("", 0))[0]),
        ignored_scopes=scopes("IgnoredScopes", ("code", "tt")),
        skipped_scopes=scopes("SkippedScopes", ("script", "style", "pre", "figure")),
        word_template=global_keys.get("WordTemplate", ("", 0))[0],
        sections=tuple(parsed),
        formats=formats,
    )


def expand_braces(glob: str) -> list[str]:
    """``*.{md,rst}`` -> ``['*.md', '*.rst']`` (one level of braces per group, nested ok)."""
    start = glob.find("{")
    if start == -1:
        return [glob]
    depth = 0
    for end in range(start, len(glob)):
        if glob[end] == "{":
            depth += 1
        elif glob[end] == "}":
            depth -= 1
            if depth == 0:
                break
    else:
        return [glob]
    inner = glob[start + 1:end]
    parts, depth, last = [], 0, 0
    for i, char in enumerate(inner):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(inner[last:i])
            last = i + 1
    parts.append(inner[last:])
    out: list[str] = []
    for part in parts:
        out.extend(expand_braces(glob[:start] + part + glob[end + 1:]))
    return out


def glob_matches(glob: str, relative_path: str) -> bool:
    """Whether a Vale section glob applies to a file (path relative to the ``.vale.ini``).

    A glob without ``/`` is matched against the file name, so ``*.md`` covers every folder,
    as it does in Vale; one with ``/`` against the whole relative path.
    """
    from fnmatch import fnmatchcase

    name = relative_path.rsplit("/", 1)[-1]
    for pattern in expand_braces(glob):
        target = relative_path if "/" in pattern else name
        if fnmatchcase(target, pattern) or (pattern == "*"):
            return True
    return False
