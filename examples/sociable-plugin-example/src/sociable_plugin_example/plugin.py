"""The hooks sociable calls; the ``sociable`` entry point in pyproject.toml names this module.

Each hook returns what this plugin adds. Imports of the kind happen inside the hook, so a run
that never builds the rule set (``sociable --version``) does not pay for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sociable import hookimpl

if TYPE_CHECKING:
    from sociable.kinds.base import Kind

PACK = Path(__file__).resolve().parent / "example.yaml"


@hookimpl
def sociable_rule_packs() -> list[Path]:
    """The pack file; a folder of packs works too."""
    return [PACK]


@hookimpl
def sociable_rule_kinds() -> list[Kind]:
    """Kinds are registered before any pack loads, so any pack may use ``paragraph-length``."""
    from sociable_plugin_example.paragraphs import ParagraphLength

    return [ParagraphLength()]
