"""From a ``.vale.ini`` to sociable rules: one :class:`RuleSpec` per enabled Vale rule.

A style is a folder of ``<Rule>.yml`` files under ``StylesPath``; its rules are coded
``Style.Rule`` (``Microsoft.Contractions``). A rule is built when some glob section enables it
(``BasedOnStyles`` or ``Style.Rule = YES|level``); the sections themselves travel in the spec
so each draft gets the level its path calls for. The built-in ``Vale`` style provides
``Vale.Terms`` and ``Vale.Avoid`` from the ``Vocab`` lists and ``Vale.Repetition``.

Problems never stop the other rules: a rule that cannot be read, or whose regular expression
cannot be translated, becomes an ``error`` notice naming the rule and its file; a rule of an
extension point sociable does not run (``spelling``, ``sequence``, ``script``, ``readability``)
becomes one ``warning`` notice naming it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociable.packs.schema import RuleSpec
from sociable.vale.ini import LEVELS, ValeConfig, ValeConfigError

if TYPE_CHECKING:
    from sociable.vale.kinds.base import ValeKind

SUPPORTED = ("existence", "substitution", "occurrence", "repetition", "consistency",
             "conditional", "capitalization", "metric")
SKIPPED = ("spelling", "sequence", "script", "readability", "lt")
SEVERITY = {"suggestion": "info", "warning": "warning", "error": "error"}


@dataclass
class Loaded:
    """What a ``.vale.ini`` yields: the rules, and the notices to print once per run."""

    specs: list[RuleSpec] = field(default_factory=list)
    #: (``"warning"`` or ``"error"``, message)
    notices: list[tuple[str, str]] = field(default_factory=list)


def read_vocab(config: ValeConfig, names: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """Accepted and rejected terms of the named vocabularies, and notices for missing ones."""
    accepted: list[str] = []
    rejected: list[str] = []
    missing: list[str] = []
    for name in names:
        folders = [config.styles_path / "config" / "vocabularies" / name,
                   config.styles_path / "Vocab" / name]
        folder = next((f for f in folders if f.is_dir()), None)
        if folder is None:
            missing.append(f"{config.path}: Vocab '{name}' not found under {config.styles_path}")
            continue
        for file_name, bucket in (("accept.txt", accepted), ("reject.txt", rejected)):
            path = folder / file_name
            if path.is_file():
                for line in path.read_text(encoding="utf-8-sig").splitlines():
                    term = line.strip()
                    if term and not term.startswith("#"):
                        bucket.append(term)
    return accepted, rejected, missing


def builtin_rules(accepted: Sequence[str], rejected: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The ``Vale`` style: vocabulary rules and the repeated-word check."""
    return {
        "Terms": {
            "extends": "substitution", "level": "error", "message": "Use '%s' instead of '%s'.",
            "ignorecase": False, "swap": {f"(?i){term}": term for term in accepted},
            "vocab": False,
        },
        "Avoid": {
            "extends": "existence", "level": "error", "message": "Avoid using '%s'.",
            "ignorecase": False, "tokens": list(rejected), "vocab": False,
        },
        "Spelling": {"extends": "spelling", "level": "error", "message": "Did you really mean '%s'?"},
        "Repetition": {
            "extends": "repetition", "level": "error", "message": "'%s' is repeated!",
            "alpha": True, "tokens": [r"[^\s]+"],
        },
    }


def _yaml_rule(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ValeConfigError(f"{path}:{line}: invalid YAML: {exc.problem}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValeConfigError(f"{path}:1: cannot read rule: {exc}") from None
    if not isinstance(data, dict):
        raise ValeConfigError(f"{path}:1: a Vale rule must be a YAML mapping")
    return data


def style_rules(config: ValeConfig, style: str) -> dict[str, Path] | None:
    folder = config.styles_path / style
    if not folder.is_dir():
        return None
    return {p.stem: p for p in sorted(folder.iterdir()) if p.suffix in (".yml", ".yaml")}


def load(config: ValeConfig, vale_kinds: Iterable[ValeKind]) -> Loaded:
    """Every rule some section of ``config`` enables, as specs; problems as notices.

    ``vale_kinds`` are the extension points the plugin registered (passed in, so this module
    does not import the plugin that imports it)."""
    kinds = {kind.extends: kind for kind in vale_kinds}
    out = Loaded()
    styles: dict[str, int] = {}
    for section in config.sections:
        for style in section.based_on:
            styles.setdefault(style, section.line)
        for key, _ in section.switches:
            styles.setdefault(key.split(".")[0], section.line)
    vocab_names = list(config.vocab)
    for section in config.sections:
        for name in section.vocab or ():
            if name not in vocab_names:
                vocab_names.append(name)
    accepted, rejected, missing = read_vocab(config, vocab_names)
    out.notices.extend(("error", message) for message in missing)
    for style, line in styles.items():
        rules: dict[str, Path | dict[str, Any]]
        if style == "Vale":
            rules = dict(builtin_rules(accepted, rejected))
        else:
            found = style_rules(config, style)
            if found is None:
                out.notices.append(("error", f"{config.path}:{line}: style '{style}' not found "
                                             f"in StylesPath {config.styles_path}"))
                continue
            rules = dict(found)
        for name, source in rules.items():
            code = f"{style}.{name}"
            levels = _levels(config, style, code)
            if not any(action != "NO" for _, action in levels):
                continue
            try:
                rule = source if isinstance(source, dict) else _yaml_rule(source)
            except ValeConfigError as exc:
                out.notices.append(("error", f"Vale rule {code}: {exc}"))
                continue
            where = "built in" if isinstance(source, dict) else str(source)
            extends = str(rule.get("extends", ""))
            if extends in SKIPPED:
                out.notices.append(("warning", f"Vale rule {code} ({where}) extends '{extends}', "
                                               "which sociable does not run; skipped"))
                continue
            if extends not in SUPPORTED:
                out.notices.append(("error", f"Vale rule {code} ({where}): 'extends' must be one "
                                             f"of {', '.join(SUPPORTED + SKIPPED)}, got {extends!r}"))
                continue
            if style == "Vale" and not (rule.get("tokens") or rule.get("swap")) and name != "Repetition":
                continue  # no vocabulary: nothing to check
            level = str(rule.get("level") or "suggestion")
            if level not in LEVELS:
                out.notices.append(("error", f"Vale rule {code} ({where}): 'level' must be one of "
                                             f"{', '.join(LEVELS)}, got {level!r}"))
                continue
            spec = RuleSpec(
                code=code, name=code, kind=kinds[extends].name, category="style",
                severity=SEVERITY[level], scope="all", message="{vale_message}",
                why=str(rule.get("description") or rule.get("message") or ""),
                examples_bad=(), examples_good=(), pack=f"vale:{style}", source=where,
                link=str(rule.get("link") or ""), summary=str(rule.get("message") or ""),
                options={
                    "definition": rule, "level": level, "levels": tuple(levels),
                    "min_level": config.min_level, "root": str(config.root),
                    "formats": dict(config.formats), "accepted": tuple(accepted),
                    "word_template": config.word_template,
                    "ignored_scopes": config.ignored_scopes,
                    "skipped_scopes": tuple(s for s in config.skipped_scopes
                                            if s not in ("script", "style", "pre", "figure")),
                },
            )
            try:
                kinds[extends].prepare(spec)
            except ValueError as exc:
                out.notices.append(("error", f"{exc} ({where}); rule skipped"))
                continue
            out.specs.append(spec)
    return out


def _levels(config: ValeConfig, style: str, code: str) -> list[tuple[str, str]]:
    """The (glob, action) steps that decide the rule's level for a file, in file order."""
    steps: list[tuple[str, str]] = []
    for section in config.sections:
        if style in section.based_on:
            steps.append((section.glob, "base"))
        for key, action in section.switches:
            if key in (code, style):
                steps.append((section.glob, action))
    return steps
