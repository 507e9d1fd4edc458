"""Vale's ``metric``: a formula over the draft's counts, compared with a ``condition``.

Keys: ``formula`` (arithmetic over ``words``, ``sentences``, ``characters``, ``syllables``,
``polysyllabic_words``, ``complex_words``, ``long_words``, ``paragraphs``, ``pre``, ``list``,
``blockquote``, ``heading_h1`` ... ``heading_h6`` (also written ``heading.h1``) and ``math.*``
functions), ``condition`` (such as ``> 12``). The alert sits at the start of the draft; the
message's ``%s`` is the formula's value to two decimals. Formulas are evaluated by a small
arithmetic interpreter, never by ``eval``.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from sociable.kinds.base import Rule, RuleError
from sociable.packs.schema import RuleSpec
from sociable.vale.kinds.base import Alert, ValeKind, definition, format_message
from sociable.vale.markup import Block, Parsed

_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Mod: operator.mod, ast.Pow: operator.pow,
}
_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
}
_MATH = {name: getattr(math, name) for name in ("sqrt", "log", "log10", "log2", "floor", "ceil",
                                                 "pow", "exp", "fabs")}
_MATH.update(abs=abs, round=round)
VARIABLES = ("words", "sentences", "characters", "syllables", "polysyllabic_words",
             "complex_words", "long_words", "paragraphs", "pre", "list", "blockquote",
             *(f"heading_h{n}" for n in range(1, 7)))


def _compile(expression: str, what: str, code: str) -> ast.Expression:
    expression = re.sub(r"heading\.(h[1-6])", r"heading_\1", expression.strip())
    try:
        tree = ast.parse(expression, mode="eval")
    except SyntaxError:
        raise RuleError(f"Vale rule {code}: cannot read {what} {expression!r}", what) from None
    for node in ast.walk(tree):
        allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Constant, ast.Name,
                   ast.Load, ast.Call, ast.Attribute, ast.USub, ast.UAdd, ast.BoolOp, ast.And,
                   ast.Or, *_BINARY, *_COMPARE)
        if not isinstance(node, allowed):
            raise RuleError(f"Vale rule {code}: {what} may only use arithmetic", what)
    return tree


def evaluate(node: ast.AST, names: Mapping[str, float]) -> Any:
    if isinstance(node, ast.Expression):
        return evaluate(node.body, names)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id, 0.0)
    if isinstance(node, ast.UnaryOp):
        value = evaluate(node.operand, names)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        left, right = evaluate(node.left, names), evaluate(node.right, names)
        if isinstance(node.op, ast.Div) and right == 0:
            return math.inf if left else 0.0
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.BoolOp):
        values = [evaluate(v, names) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare):
        left = evaluate(node.left, names)
        for op, comparator in zip(node.ops, node.comparators, strict=False):
            right = evaluate(comparator, names)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in _MATH:
            raise ValueError(f"unknown function {name!r}")
        return _MATH[name](*(evaluate(a, names) for a in node.args))
    raise ValueError("unsupported expression")


def counts(parsed: Parsed) -> dict[str, float]:
    """The variables a formula may use, counted over the draft's text blocks."""
    from sociable.syllables import syllables as lookup

    values = dict.fromkeys(VARIABLES, 0.0)
    for block in parsed.blocks:
        for tag in block.tags:
            if tag.startswith("heading.h"):
                values["heading_" + tag.split(".")[1]] += 1
        if "list" in block.tags:
            values["list"] += 1
        elif "blockquote" in block.tags:
            values["blockquote"] += 1
        elif "paragraph" in block.tags:
            values["paragraphs"] += 1
        for word in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", block.text):
            values["words"] += 1
            values["characters"] += sum(c.isalnum() for c in word)
            count = lookup(word.lower()) or max(1, len(re.findall(r"[aeiouy]+", word.lower())))
            values["syllables"] += count
            if count >= 3:
                values["polysyllabic_words"] += 1
                if not word[:1].isupper() and "-" not in word:
                    values["complex_words"] += 1
            if len(word) > 6:
                values["long_words"] += 1
    values["sentences"] = float(len(parsed.sentences))
    return values


class Metric(ValeKind):
    name = "vale-metric"
    extends = "metric"
    default_scope = ("summary",)

    def prepare(self, spec: RuleSpec) -> Any:
        rule = definition(spec)
        return (_compile(str(rule.get("formula", "")), "formula", spec.code),
                str(rule.get("condition", "")).strip())

    def scopes(self, spec: RuleSpec) -> tuple[str, ...]:
        return ("summary",)

    def run_blocks(self, blocks: list[Block], rule: Rule, parsed: Parsed) -> Iterator[tuple[Block, Alert]]:
        formula, condition = rule.prepared
        if not parsed.blocks:
            return
        names = counts(parsed)
        try:
            result = float(evaluate(formula, names))
            verdict = evaluate(_compile(f"{result:f} {condition}", "condition", rule.code), names)
        except (ValueError, ZeroDivisionError, OverflowError, RuleError):
            return
        if verdict is True:
            message = format_message(definition(rule.spec).get("message", ""), f"{result:.2f}")
            yield parsed.raw, Alert(0, 0, message, "")
