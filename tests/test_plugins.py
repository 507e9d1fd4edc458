"""Plugins: a real distribution installed with pip, found through the entry-point group."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sociable.plugins import hookspecs
from sociable.plugins.manager import get_plugin_manager

PLUGIN_MODULE = '''
from pathlib import Path

from sociable import hookimpl
from sociable.faces.formatters.base import Formatter


class Shout(Formatter):
    line_format = "{code}!! {path}:{line}"


@hookimpl
def sociable_rule_packs():
    return [Path(__file__).parent / "acme.yaml"]


@hookimpl
def sociable_formatters():
    return {"shout": Shout}
'''

PLUGIN_PACK = """\
pack: acme
description: House style of ACME's social team.
rules:
  - code: ACME101
    name: acme-no-synergy
    kind: phrases
    category: style
    severity: warning
    scope: text
    message: 'ACME house style: avoid "{match}", say what you will do together.'
    why: Our readers skip jargon.
    phrases: [synergy, synergies]
    examples:
      bad: ["Let's find synergies."]
      good: ["Let's plan the joint webinar."]
"""


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(folder: Path) -> Path:
    """A minimal, valid wheel of the distribution ``acme-sociable`` 1.2.0."""
    dist_info = "acme_sociable-1.2.0.dist-info"
    files = {
        "acme_sociable/__init__.py": PLUGIN_MODULE.encode(),
        "acme_sociable/acme.yaml": PLUGIN_PACK.encode(),
        f"{dist_info}/METADATA": b"Metadata-Version: 2.1\nName: acme-sociable\nVersion: 1.2.0\n",
        f"{dist_info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{dist_info}/entry_points.txt": b"[sociable]\nacme = acme_sociable\n",
    }
    wheel = folder / "acme_sociable-1.2.0-py3-none-any.whl"
    record = [_record_line(name, data) for name, data in files.items()] + [f"{dist_info}/RECORD,,"]
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr(f"{dist_info}/RECORD", "\n".join(record) + "\n")
    return wheel


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the plugin with pip into its own folder, put on PYTHONPATH by the tests."""
    folder = tmp_path_factory.mktemp("plugin")
    wheel = build_wheel(folder)
    target = folder / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )
    assert (target / "acme_sociable-1.2.0.dist-info" / "entry_points.txt").is_file()
    return target


def test_plugin_pack_and_formatter_are_used(tmp_path: Path, run_cli, plugin_site: Path) -> None:
    (tmp_path / "a.md").write_text("We see real synergies here.\n", encoding="utf-8")
    env = {"PYTHONPATH": str(plugin_site)}
    result = run_cli("check", "a.md", env=env)
    assert result.returncode == 1
    assert 'a.md:1:13: ACME101 ACME house style: avoid "synergies"' in result.stdout
    assert run_cli("check", "--format", "shout", "a.md", env=env).stdout.startswith("ACME101!! a.md:1")
    listed = run_cli("plugins", env=env).stdout
    assert "acme" in listed and "acme-sociable 1.2.0" in listed
    assert "ACME101" in run_cli("rules", env=env).stdout
    assert "Our readers skip jargon." in run_cli("explain", "ACME101", env=env).stdout


def test_disabled_plugin_is_not_loaded(tmp_path: Path, run_cli, plugin_site: Path) -> None:
    (tmp_path / "a.md").write_text("We see real synergies here.\n", encoding="utf-8")
    env = {"PYTHONPATH": str(plugin_site), "SOCIABLE_DISABLE_PLUGINS": "acme"}
    result = run_cli("check", "a.md", env=env)
    assert result.returncode == 0 and "ACME101" not in result.stdout
    assert "blocked" in run_cli("plugins", env=env).stdout


def test_builtin_plugin_cannot_be_blocked(tmp_path: Path, run_cli) -> None:
    (tmp_path / "a.md").write_text("Like this if you agree!\n", encoding="utf-8")
    result = run_cli("check", "a.md", env={"SOCIABLE_DISABLE_PLUGINS": "builtin"})
    assert "EB101" in result.stdout


def test_builtins_register_through_the_public_hooks() -> None:
    manager = get_plugin_manager(entrypoints=False)
    (kinds,) = manager.hook.sociable_rule_kinds()
    assert {"phrases", "pattern", "count"} <= {kind.name for kind in kinds}
    (formatters,) = manager.hook.sociable_formatters()
    assert {"text", "json", "json-lines", "sarif", "github"} <= set(formatters)
    (readers,) = manager.hook.sociable_readers()
    assert {".md", ".txt", ".eml"} <= {ext for reader in readers for ext in reader.extensions}


def test_every_hook_is_documented() -> None:
    names = [name for name in dir(hookspecs) if name.startswith("sociable_")]
    assert len(names) >= 4
    for name in names:
        doc = getattr(hookspecs, name).__doc__ or ""
        assert len(doc.split()) >= 15, f"hook {name} needs a real docstring"
