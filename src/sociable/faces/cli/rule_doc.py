"""One rule's documentation page, in the order of ruff's rule pages.

What it does, Why is this bad?, Example (the rule's ``bad`` drafts, then "Use instead:" and its
``good`` ones), Fix safety, and where the rule comes from. Everything is read from the rule
itself, so ``sociable explain`` and ``docs/rules/*.md`` (``scripts/generate_rule_docs.py``)
print the same text and cannot drift from the packs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sociable.packs.schema import RuleSpec

#: The sections every page has, in order; tests/test_rule_docs.py checks them.
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Fix safety")

SCOPE_WORDS = {
    "all": "the whole draft, subject included",
    "text": "everything the reader sees except the subject",
    "subject": "the subject line",
    "greeting": "the greeting",
    "body": "the body (not the greeting or signature)",
    "opening": "the first paragraph of the body",
    "closing": "the last paragraph of the body",
    "signature": "the signature",
}

FIX_WORDS = {
    "remove": "removes the matched phrase",
    "remove-sentence": "removes the sentence that contains it",
}

SAFETY_WORDS = {
    "safe": "It is safe: it cannot change what the draft means, and "
            "`sociable check --fix` applies it.",
    "unsafe": "It is unsafe: it may change what the draft means, so it is applied only "
              "with `sociable check --fix --unsafe-fixes`. Read the result.",
    "display": "It is only shown (in editors and JSON output) but never applied.",
}


def _indented(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.rstrip("\n").split("\n")) + "\n"


def _what_it_does(spec: RuleSpec) -> list[str]:
    where = SCOPE_WORDS.get(spec.scope, f"the {spec.scope}")
    drafts = f"in {', '.join(spec.channels)} drafts" if spec.channels else "in every draft"
    lines = [spec.summary.strip(), ""] if spec.summary else []
    lines.append(f"Looks at {where}, {drafts}, with the `{spec.kind}` kind, and reports:")
    lines += ["", f"> {' '.join(spec.message.split())}"]
    if not spec.enabled:
        lines += ["", f"Off by default: turn it on with `--extend-select {spec.code}`."]
    return lines


def _fix_safety(spec: RuleSpec) -> list[str]:
    if spec.fix is None:
        return ["No automatic fix: what to write instead needs the writer's judgment."]
    action = FIX_WORDS.get(spec.fix.action) or f"replaces the match with {spec.fix.replacement!r}"
    return [f"The fix {action}. {SAFETY_WORDS[spec.fix.applicability]}"]


def rule_page(spec: RuleSpec, described: str | None = None) -> str:
    """The rule's page, Markdown, ending in one newline.

    ``described`` is what the rule's kind says it listens for (a shape rule's shapes in words),
    shown under its own heading after "What it does"."""
    lines = [f"# {spec.code} {spec.name}", ""]
    facts = f"Category: {spec.category}. Severity: {spec.severity}. Pack: {spec.pack}."
    if spec.fix is not None:
        facts += " Fix available." if spec.fix.applicability != "display" else " Fix shown."
    lines += [facts, "", SECTIONS[0], "", *_what_it_does(spec), ""]
    if described:
        lines += ["## Shape", "", described.strip(), ""]
    lines += [SECTIONS[1], "", " ".join(spec.why.split()), ""]
    lines += [SECTIONS[2], ""]
    for text in spec.examples_bad:
        lines.append(_indented(text))
    lines += ["Use instead:", ""]
    for text in spec.examples_good:
        lines.append(_indented(text))
    lines += [SECTIONS[3], "", *_fix_safety(spec), ""]
    file_name, _, line = spec.source.rpartition(":")
    lines += [
        "## Silencing", "",
        f"On one line: `<!-- sociable: ignore {spec.code} -->`; everywhere: "
        f'`ignore = ["{spec.code}"]` in the configuration.', "",
        f"Defined in pack `{spec.pack}` ({Path(file_name).name}, line {line}).",
    ]
    return "\n".join(lines) + "\n"
