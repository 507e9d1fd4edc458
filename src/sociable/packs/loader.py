"""YAML rule packs -> validated :class:`RuleSpec` objects, or errors that name file and line.

Validation is strict, like Vale's: an unknown key (with a "did you mean" hint), a missing
field, a wrong type, a duplicate code, an unknown kind or a bad regex is an error reported as
``pack.yaml:LINE: message``. Only YAML's safe constructors are used. Parsed packs are cached
on disk (see :mod:`sociable.cache`) so a one-draft run does not pay for YAML parsing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sociable.document import CHANNELS, MASK_KINDS, SCOPES
from sociable.kinds.base import COMMON_PLACEHOLDERS, Kind, RuleError
from sociable.packs.problems import PackError, PackProblem
from sociable.packs.problems import validate_unique as validate_unique  # re-exported
from sociable.packs.schema import (
    APPLICABILITIES,
    CATEGORIES,
    CODE_RE,
    FIX_ACTIONS,
    NAME_RE,
    SEVERITIES,
    FixSpec,
    RuleSpec,
)
from sociable.records import Record

PACK_KEYS = ("pack", "description", "rules", "lexicons", "extend-lexicons")
#: A ``pattern`` longer than this is code nobody can review: say it as a sentence shape.
MAX_PATTERN_LENGTH = 300
INFLECTIONS = ("none", "verb", "noun")
REQUIRED_RULE_KEYS = (
    "code", "name", "kind", "category", "severity", "scope", "message", "why", "examples",
)
OPTIONAL_RULE_KEYS = ("channels", "fix", "summary", "link", "enabled", "unmask", "same-habit")


_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
}


class _Node:
    """A YAML value with the line it starts on (1-based)."""

    __slots__ = ("keys", "line", "value")

    def __init__(self, value: Any, line: int, keys: dict[str, int] | None = None) -> None:
        self.value = value
        self.line = line
        self.keys = keys or {}


def _parse(path: Path, text: str) -> _Node:
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader_class)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError([PackProblem(str(path), line, f"invalid YAML: {problem}")]) from None
    if root is None:
        raise PackError([PackProblem(str(path), 1, "empty pack")])
    converter = _Converter(path)
    try:
        result = converter.convert(root)
    finally:
        converter.constructor.dispose()  # its parser state is a bound method: a cycle
    if converter.problems:
        raise PackError(converter.problems)
    return result


class _Converter:
    """A composed YAML tree -> :class:`_Node` values with their lines. A class, not a closure
    that calls itself: that closure, and the constructor's parser state, are reference cycles
    holding every node and mark of the pack, and the CLI loads packs with the cyclic collector
    paused and then freezes what is alive (``faces/cli/startup.py``), so they stayed for the run."""

    def __init__(self, path: Path) -> None:
        import yaml

        self.path = path
        self.constructor = yaml.SafeLoader("")
        self.problems: list[PackProblem] = []

    def convert(self, node: Any) -> _Node:
        import yaml

        path, constructor, problems = self.path, self.constructor, self.problems
        line = node.start_mark.line + 1
        if node.tag not in _PLAIN_TAGS:
            problems.append(PackProblem(str(path), line, f"YAML tag {node.tag!r} is not allowed in packs"))
            return _Node(None, line)
        if isinstance(node, yaml.MappingNode):
            items: dict[str, _Node] = {}
            keys: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node, deep=True)
                key_line = key_node.start_mark.line + 1
                if not isinstance(key, str):
                    problems.append(PackProblem(str(path), key_line, f"key {key!r} is not text"))
                    continue
                if key in items:
                    problems.append(PackProblem(str(path), key_line, f"duplicate key {key!r}"))
                items[key] = self.convert(value_node)
                keys[key] = key_line
            return _Node(items, line, keys)
        if isinstance(node, yaml.SequenceNode):
            return _Node([self.convert(item) for item in node.value], line)
        return _Node(constructor.construct_object(node, deep=True), line)


def _yaml_hint(value: object) -> str:
    """Why a word the author typed is not text: YAML 1.1 reads ``on``, ``no``, ``yes`` as booleans
    and ``1e3`` or ``10`` as numbers, which a "must be text" message alone does not explain."""
    if isinstance(value, bool):
        return f" (YAML read an unquoted word as {str(value).lower()}: quote words such as on, off, yes, no)"
    if isinstance(value, (int, float)):
        return f" (YAML read {value!r} as a number: quote it)"
    return ""


def plain(node: _Node) -> Any:
    """Strip line information: the Python value a normal YAML load would give."""
    if isinstance(node.value, dict):
        return {key: plain(value) for key, value in node.value.items()}
    if isinstance(node.value, list):
        return [plain(item) for item in node.value]
    return node.value


class PackParts(Record):
    """What one pack file declares: rules, word classes, and words added to others' classes."""

    __slots__ = ("extensions", "lexicons", "specs")

    specs: list[RuleSpec]
    #: class name -> (words with their inflections, where it was declared)
    lexicons: dict[str, tuple[tuple[str, ...], str]]
    #: class name -> [(words, where)] added to a class declared in any pack
    extensions: dict[str, list[tuple[tuple[str, ...], str]]]

    def __init__(
        self,
        specs: list[RuleSpec],
        lexicons: dict[str, tuple[tuple[str, ...], str]],
        extensions: dict[str, list[tuple[tuple[str, ...], str]]],
    ) -> None:
        self.specs, self.lexicons, self.extensions = specs, lexicons, extensions


def load_pack(path: Path, kinds: Mapping[str, Kind]) -> list[RuleSpec]:
    """Read and validate one pack file. Raises :class:`PackError` listing every problem."""
    return load_pack_parts(path, kinds).specs


def load_pack_parts(path: Path, kinds: Mapping[str, Kind]) -> PackParts:
    """Like :func:`load_pack`, with the pack's ``lexicons`` and ``extend-lexicons`` too."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError([PackProblem(str(path), 1, f"cannot read pack: {exc}")]) from None
    root = _parse(path, text)
    checker = _Checker(str(path), kinds)
    specs = checker.pack(root)
    return PackParts(specs, checker.lexicons, checker.extensions)


def inflect(word: str, how: str) -> tuple[str, ...]:
    """``word`` and its regular inflections: verbs take -s, -ed, -ing; nouns a plural."""
    if how == "none" or not word.isalpha():
        return (word,)
    plural = _s_form(word)
    if how == "noun":
        return (word, plural)
    return (word, plural, _ed_form(word), _ing_form(word))


def _doubles(word: str) -> bool:
    """Short consonant-vowel-consonant verbs double the consonant: tag, tagged, tagging."""
    vowels = "aeiou"
    return (
        len(word) <= 4 and len(word) >= 3 and word[-1] not in vowels + "wxy"
        and word[-2] in vowels and word[-3] not in vowels
    )


def _s_form(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _ed_form(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ied"
    return word + word[-1] + "ed" if _doubles(word) else word + "ed"


def _ing_form(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
        return word[:-1] + "ing"
    return word + word[-1] + "ing" if _doubles(word) else word + "ing"


def link_lexicons(parts: Iterable[PackParts]) -> None:
    """Give every ``shape`` rule the word classes of the whole run (classes are shared).

    A class is declared once (in any pack) and extended by any other; a shape that names a
    class nobody declared is an error at the rule's line. The merged table is stored in each
    shape rule's options, so cached and pickled rules carry it to worker processes.
    """
    from sociable.kinds.shape import KIND_CLASSES, class_names

    parts = list(parts)
    problems: list[PackProblem] = []
    table: dict[str, set[str]] = {}
    declared: dict[str, str] = {}
    for part in parts:
        for name, (words, where) in part.lexicons.items():
            if name in declared:
                path, _, line = where.rpartition(":")
                problems.append(PackProblem(path, int(line), f"word class {name!r} is already declared at {declared[name]}; use 'extend-lexicons' to add words"))
                continue
            declared[name] = where
            table[name] = set(words)
    for part in parts:
        for name, additions in part.extensions.items():
            for words, where in additions:
                if name not in table:
                    path, _, line = where.rpartition(":")
                    problems.append(PackProblem(path, int(line), f"'extend-lexicons' names unknown word class {name!r}"))
                    continue
                table[name].update(words)
    for name in KIND_CLASSES:
        table.setdefault(name, set())
    frozen = {name: tuple(sorted(words)) for name, words in sorted(table.items())}
    for part in parts:
        for spec in part.specs:
            if spec.kind != "shape":
                continue
            used: set[str] = set()
            for key in ("shapes", "unless", "unless_draft", "requires"):
                value = spec.options.get(key) or []
                for source in [value] if isinstance(value, str) else value:
                    used |= class_names(source)
            missing = sorted(used - set(frozen))
            if missing:
                path, _, line = spec.source.rpartition(":")
                problems.append(PackProblem(path, int(line), f"rule {spec.code}: unknown word class {', '.join('{' + m + '}' for m in missing)}; declare it under 'lexicons:' in a pack"))
            spec.options["lexicons"] = frozen
    if problems:
        raise PackError(problems)


class _Checker:
    def __init__(self, path: str, kinds: Mapping[str, Kind]) -> None:
        self.path = path
        self.kinds = kinds
        self.problems: list[PackProblem] = []
        self.lexicons: dict[str, tuple[tuple[str, ...], str]] = {}
        self.extensions: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def problem(self, line: int, message: str) -> None:
        self.problems.append(PackProblem(self.path, line, message))

    def unknown_keys(self, node: _Node, allowed: Iterable[str], what: str) -> None:
        allowed = list(allowed)
        for key, line in node.keys.items():
            if key not in allowed:
                from difflib import get_close_matches  # only to word a hint
                hint = get_close_matches(key, allowed, n=1)
                suffix = f" (did you mean {hint[0]!r}?)" if hint else f"; allowed: {', '.join(allowed)}"
                self.problem(line, f"unknown key {key!r} in {what}{suffix}")

    def pack(self, root: _Node) -> list[RuleSpec]:
        if not isinstance(root.value, dict):
            raise PackError([PackProblem(self.path, root.line, "a pack must be a mapping")])
        self.unknown_keys(root, PACK_KEYS, "pack")
        name_node = root.value.get("pack")
        pack_name = name_node.value if name_node and isinstance(name_node.value, str) else ""
        if not pack_name:
            self.problem(root.line, "missing 'pack' (the pack's name)")
        if "lexicons" in root.value:
            self.word_classes(root.value["lexicons"])
        if "extend-lexicons" in root.value:
            self.word_classes(root.value["extend-lexicons"], extend=True)
        rules_node = root.value.get("rules")
        specs: list[RuleSpec] = []
        if rules_node is None and (self.lexicons or self.extensions):
            pass  # a pack of word classes only
        elif rules_node is None or not isinstance(rules_node.value, list) or not rules_node.value:
            self.problem(root.line, "missing 'rules' (a list of rules)")
        else:
            for rule_node in rules_node.value:
                spec = self.rule(rule_node, pack_name)
                if spec is not None:
                    specs.append(spec)
        if self.problems:
            raise PackError(self.problems)
        return specs

    def word_classes(self, node: _Node, extend: bool = False) -> None:
        """``lexicons:`` (or ``extend-lexicons:``): class name -> words, or -> {words, inflect}."""
        what = "extend-lexicons" if extend else "lexicons"
        if not isinstance(node.value, dict):
            self.problem(node.line, f"'{what}' must map class names to lists of words")
            return
        for name, value in node.value.items():
            line = node.keys.get(name, node.line)
            if not NAME_RE.match(name):
                self.problem(line, f"word class name {name!r} must be kebab-case, like engage-verb")
                continue
            how = "none"
            words_node = value
            if isinstance(value.value, dict):
                self.unknown_keys(value, ("words", "inflect"), f"word class {name!r}")
                inflect_node = value.value.get("inflect")
                if inflect_node is not None:
                    how = inflect_node.value
                    if how not in INFLECTIONS:
                        self.problem(inflect_node.line, f"inflect {how!r} is not one of: {', '.join(INFLECTIONS)}")
                        continue
                words_node = value.value.get("words") or _Node(None, value.line)
            if not isinstance(words_node.value, list) or not words_node.value:
                self.problem(line, f"word class {name!r} needs a non-empty list of words")
                continue
            words: list[str] = []
            for item in words_node.value:
                word = item.value
                if not isinstance(word, str) or not word.strip():
                    self.problem(item.line, f"every word of class {name!r} must be non-empty text{_yaml_hint(word)}")
                elif any(c.isspace() for c in word.strip()):
                    # A phrase ("lost dog") is matched as a word sequence, without inflections.
                    words.append(" ".join(word.casefold().replace("’", "'").split()))
                else:
                    words.extend(inflect(word.strip().casefold().replace("’", "'"), how))
            where = f"{self.path}:{line}"
            if extend:
                self.extensions.setdefault(name, []).append((tuple(words), where))
            else:
                self.lexicons[name] = (tuple(words), where)

    def text(self, rule: _Node, key: str, required: bool = True) -> str:
        node = rule.value.get(key)
        if node is None:
            if required:
                self.problem(rule.line, f"rule is missing {key!r}")
            return ""
        if not isinstance(node.value, str) or not node.value.strip():
            self.problem(node.line, f"{key!r} must be non-empty text{_yaml_hint(node.value)}")
            return ""
        return node.value

    def choice(self, rule: _Node, key: str, choices: Iterable[str]) -> str:
        value = self.text(rule, key)
        choices = tuple(choices)
        if value and value not in choices:
            self.problem(rule.value[key].line, f"{key} {value!r} is not one of: {', '.join(choices)}")
        return value

    def string_list(self, node: _Node, what: str, choices: Iterable[str] | None = None) -> tuple[str, ...]:
        values = node.value if isinstance(node.value, list) else [node]
        result = []
        allowed = tuple(choices) if choices is not None else None
        for item in values:
            if not isinstance(item.value, str) or not item.value.strip():
                self.problem(item.line, f"every item of {what} must be non-empty text{_yaml_hint(item.value)}")
            elif allowed is not None and item.value not in allowed:
                self.problem(item.line, f"{item.value!r} in {what} is not one of: {', '.join(allowed)}")
            else:
                result.append(item.value)
        return tuple(result)

    def rule(self, node: _Node, pack_name: str) -> RuleSpec | None:
        if not isinstance(node.value, dict):
            self.problem(node.line, "each rule must be a mapping")
            return None
        before = len(self.problems)
        kind_name = self.text(node, "kind")
        kind = self.kinds.get(kind_name) if kind_name else None
        if kind_name and kind is None:
            from difflib import get_close_matches  # only to word a hint
            hint = get_close_matches(kind_name, list(self.kinds), n=1)
            suffix = f" (did you mean {hint[0]!r}?)" if hint else ""
            self.problem(node.value["kind"].line, f"unknown kind {kind_name!r}{suffix}; known: {', '.join(sorted(self.kinds))}")
        allowed = list(REQUIRED_RULE_KEYS) + list(OPTIONAL_RULE_KEYS) + list(kind.keys if kind else {})
        code = self.text(node, "code")
        what = f"rule {code}" if code else "rule"
        if kind is not None or not kind_name:
            self.unknown_keys(node, allowed, what)
        if code and not CODE_RE.match(code):
            self.problem(node.value["code"].line, f"code {code!r} must be letters then digits, like EB101")
        name = self.text(node, "name")
        if name and not NAME_RE.match(name):
            self.problem(node.value["name"].line, f"name {name!r} must be kebab-case, like share-begging")
        category = self.choice(node, "category", CATEGORIES)
        severity = self.choice(node, "severity", SEVERITIES)
        scope = self.choice(node, "scope", SCOPES)
        message = self.text(node, "message")
        why = self.text(node, "why")
        summary = self.text(node, "summary", required=False)
        link = self.text(node, "link", required=False)
        channels: tuple[str, ...] = ()
        if "channels" in node.value:
            channels = self.string_list(node.value["channels"], "channels", CHANNELS)
        unmask: tuple[str, ...] = ()
        if "unmask" in node.value:
            unmask = self.string_list(node.value["unmask"], "unmask", MASK_KINDS)
        same_habit: tuple[str, ...] = ()
        if "same-habit" in node.value:
            listed = node.value["same-habit"]
            same_habit = self.string_list(listed, "same-habit")
            for value in same_habit:
                if not CODE_RE.match(value):
                    self.problem(listed.line, f"{value!r} in same-habit must be a rule code, like NP102")
        enabled = True
        if "enabled" in node.value:
            enabled_node = node.value["enabled"]
            if not isinstance(enabled_node.value, bool):
                self.problem(enabled_node.line, "'enabled' must be true or false")
            else:
                enabled = enabled_node.value
        fix = self.fix(node.value["fix"]) if "fix" in node.value else None
        bad, good = self.examples(node)
        if message and kind is not None:
            self.placeholders(node.value["message"], message, kind)
        options: dict[str, Any] = {}
        if kind is not None:
            for key, key_spec in kind.keys.items():
                option = node.value.get(key)
                if option is None:
                    if key_spec.required:
                        self.problem(node.line, f"{what} (kind {kind_name}) is missing {key!r}: {key_spec.doc}")
                    else:
                        options[key] = key_spec.default
                    continue
                value = plain(option)
                if not isinstance(value, key_spec.types) or (isinstance(value, bool) and bool not in key_spec.types):
                    names = " or ".join(t.__name__ for t in key_spec.types)
                    self.problem(option.line, f"{key!r} must be {names}: {key_spec.doc}")
                    continue
                options[key] = value
        if kind_name == "pattern" and isinstance(options.get("pattern"), (str, list)):
            sources = options["pattern"] if isinstance(options["pattern"], list) else [options["pattern"]]
            for source in sources:
                if isinstance(source, str) and len(source) > MAX_PATTERN_LENGTH:
                    self.problem(
                        node.value["pattern"].line,
                        f"{what}: a pattern of {len(source)} characters is too long to review "
                        f"(at most {MAX_PATTERN_LENGTH}); say it as a sentence shape (kind: shape) "
                        "with word classes, or split it into shorter patterns",
                    )
        if len(self.problems) > before:
            return None
        spec = RuleSpec(
            code=code, name=name, kind=kind_name, category=category, severity=severity,
            scope=scope, message=message, why=why, examples_bad=bad, examples_good=good,
            pack=pack_name, source=f"{self.path}:{node.line}", channels=channels, fix=fix,
            summary=summary, link=link, enabled=enabled, unmask=unmask, same_habit=same_habit,
            options=options,
        )
        assert kind is not None
        try:
            kind.validate(spec)
        except RuleError as exc:
            line = node.keys.get(exc.key or "", node.line)
            self.problem(line, f"{what}: {exc}")
            return None
        return spec

    def placeholders(self, node: _Node, message: str, kind: Kind) -> None:
        import string

        allowed = set(COMMON_PLACEHOLDERS) | set(kind.message_fields)
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(message) if name}
        except ValueError as exc:
            self.problem(node.line, f"message has a broken placeholder: {exc}")
            return
        for name in sorted(fields - allowed):
            self.problem(node.line, f"message placeholder {{{name}}} is unknown; use: {', '.join(sorted(allowed))}")

    def fix(self, node: _Node) -> FixSpec | None:
        if not isinstance(node.value, dict):
            self.problem(node.line, "'fix' must be a mapping, e.g. {action: remove}")
            return None
        self.unknown_keys(node, ("action", "replace", "applicability", "description"), "fix")
        data = plain(node)
        action = data.get("action") or ("replace" if "replace" in data else None)
        if action not in FIX_ACTIONS:
            self.problem(node.line, f"fix action must be one of: {', '.join(FIX_ACTIONS)}")
            return None
        replacement = data.get("replace", "")
        if action == "replace" and not isinstance(replacement, str):
            self.problem(node.line, "fix 'replace' must be text")
            return None
        applicability = data.get("applicability", "safe")
        if applicability not in APPLICABILITIES:
            self.problem(node.line, f"fix applicability must be one of: {', '.join(APPLICABILITIES)}")
            return None
        return FixSpec(action, replacement, applicability, str(data.get("description", "")))

    def examples(self, node: _Node) -> tuple[tuple[str, ...], tuple[str, ...]]:
        examples = node.value.get("examples")
        if examples is None:
            self.problem(node.line, "rule is missing 'examples' (bad and good drafts, both required)")
            return (), ()
        if not isinstance(examples.value, dict):
            self.problem(examples.line, "'examples' must be a mapping with 'bad' and 'good' lists")
            return (), ()
        self.unknown_keys(examples, ("bad", "good"), "examples")
        result: list[tuple[str, ...]] = []
        for key in ("bad", "good"):
            items = examples.value.get(key)
            if items is None or not isinstance(items.value, list) or not items.value:
                self.problem(examples.line, f"examples need a non-empty '{key}' list")
                result.append(())
                continue
            result.append(self.string_list(items, f"examples.{key}"))
        return result[0], result[1]
