"""docs/writing-plugins.md documents every hook sociable calls, with the hook's real return
type, and its code samples stay true to the example plugin and to the interfaces they use."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from sociable.plugins import hookspecs

REPO = Path(__file__).resolve().parents[1]
PAGE = (REPO / "docs" / "writing-plugins.md").read_text(encoding="utf-8")
HOOKS = sorted(name for name in dir(hookspecs) if name.startswith("sociable_"))
PYTHON = re.findall(r"```python\n(.*?)```", PAGE, re.DOTALL)


def unqualified(annotation: str) -> str:
    return re.sub(r"\b(?:\w+\.)+(\w+)", r"\1", annotation).replace(" ", "")


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_section_with_its_signature(hook: str) -> None:
    assert f"### `{hook}`" in PAGE, f"docs/writing-plugins.md does not document {hook}"
    signature = re.search(rf"^def {hook}\((.*)\) -> (.+)$", PAGE, re.MULTILINE)
    assert signature, f"{hook}: no signature line"
    annotations = dict(getattr(hookspecs, hook).__annotations__)
    declared = annotations.pop("return")
    assert unqualified(signature.group(2)) == unqualified(str(declared))
    names = re.findall(r"(\w+):", signature.group(1))
    assert names == list(annotations), f"{hook}: parameters differ"


def test_kind_sample_is_the_example_plugins_code() -> None:
    sample = next(block for block in PYTHON if block.startswith("class ParagraphLength"))
    source = {
        line.strip()
        for line in (REPO / "examples" / "sociable-plugin-example" / "src" / "sociable_plugin_example"
                     / "paragraphs.py").read_text(encoding="utf-8").splitlines()
    }
    missing = [line for line in sample.splitlines() if line.strip() and line.strip() not in source]
    assert not missing, f"the page's kind differs from paragraphs.py: {missing}"


def test_reader_and_formatter_samples_work(tmp_path: Path) -> None:
    """Run the samples as a plugin module would: the reader keeps positions, the format prints."""
    import io

    from sociable.faces.formatters.base import FormatterOptions
    from sociable.findings import Finding, Severity

    namespace: dict[str, object] = {}
    exec("from sociable import hookimpl\n", namespace)
    for block in PYTHON:
        if "class PlainHtmlReader" in block or "class Pylint" in block:
            exec(textwrap.dedent(block), namespace)
    reader = namespace["sociable_readers"]()[0]  # type: ignore[operator]
    (doc,) = reader.read("<p>Like if you agree!</p>", "post.html", None)
    assert doc.text.index("Like") == 3
    formats = namespace["sociable_formatters"]()  # type: ignore[operator]
    stream = io.StringIO()
    finding = Finding("post.html", "EB101", "like-begging", "engagement-bait", Severity.WARNING,
                      "Asks for reactions", 3, 15, line=1, column=4)
    formats["pylint"](stream, FormatterOptions()).handle(finding)
    assert stream.getvalue() == "post.html:1: [EB101] Asks for reactions\n"
