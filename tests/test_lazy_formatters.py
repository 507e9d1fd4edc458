"""The built-in plugin names its formatters without importing them; a run imports only its own."""

from __future__ import annotations

import subprocess
import sys

from sociable.faces.formatters.base import Formatter
from sociable.plugins.builtin import BUILTIN_FORMATTERS, LazyFormatter, sociable_formatters


def test_every_builtin_format_resolves_to_a_formatter_class() -> None:
    table = sociable_formatters()
    assert set(table) == set(BUILTIN_FORMATTERS)
    for name, entry in table.items():
        assert isinstance(entry, LazyFormatter)
        cls = entry.load()
        assert issubclass(cls, Formatter), name


def test_naming_the_formats_imports_none_of_them() -> None:
    program = (
        "import sys\n"
        "from sociable.plugins.builtin import sociable_formatters\n"
        "sociable_formatters()\n"
        "print(sorted(m for m in sys.modules if m.startswith('sociable.faces.formatters.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_vale_plugin_names_its_format_without_importing_it() -> None:
    program = (
        "import sys\n"
        "from sociable.vale.plugin import sociable_formatters\n"
        "table = sociable_formatters()\n"
        "print(sorted(m for m in sys.modules if m.startswith('sociable.faces.formatters')))\n"
        "print(table['vale-line'].load().__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    imported, name = done.stdout.strip().splitlines()
    assert imported == "[]" and name == "ValeLineFormatter"
