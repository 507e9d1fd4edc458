"""What a one-draft ``sociable check`` does not import: start-up is part of the tool's speed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CLEAN = "Hi Ana,\n\nLoved your talk on onboarding churn. How did you measure activation?\n\nBest,\nSam\n"


def _modules_after_check(tmp_path: Path, text: str, *, runs: int = 1) -> set[str]:
    """The modules a one-draft check imports; with ``runs=2``, of the second run (the pack
    cache then warm, as after the first run in a repo)."""
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    program = (
        "import sys\n"
        "from sociable.faces.cli.main import main\n"
        "code = main(['check', '--no-cache', '--quiet', '--exit-zero', '--ignore', 'GR', 'draft.md'])\n"
        "print(code)\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True,
                              text=True, check=True)
    lines = done.stdout.strip().splitlines()
    assert lines[-2] == "0", done.stdout
    return set(lines[-1].split())


def test_a_clean_draft_imports_neither_the_fixer_nor_shutil(tmp_path: Path) -> None:
    modules = _modules_after_check(tmp_path, CLEAN)
    assert "sociable.kinds.shape" in modules  # the run did lint the draft
    assert "sociable.fixer" not in modules and "sociable.fix_report" not in modules
    assert "shutil" not in modules  # argparse asks it for the terminal width only for help


def test_a_fixable_finding_still_weighs_fixes_together(tmp_path: Path) -> None:
    modules = _modules_after_check(tmp_path, "Hi Ana,\n\nLike if you agree!\n")
    assert "sociable.fix_report" in modules


def test_help_still_wraps_at_the_terminal_width() -> None:
    import os

    narrow = subprocess.run([sys.executable, "-m", "sociable", "check", "--help"], capture_output=True,
                            text=True, env={**os.environ, "COLUMNS": "60"}, check=True).stdout
    wide = subprocess.run([sys.executable, "-m", "sociable", "check", "--help"], capture_output=True,
                          text=True, env={**os.environ, "COLUMNS": "200"}, check=True).stdout
    assert max(map(len, narrow.splitlines())) <= 60 < max(map(len, wide.splitlines()))


def test_a_warm_run_imports_only_the_kinds_it_runs(tmp_path: Path) -> None:
    modules = _modules_after_check(tmp_path, CLEAN, runs=2)
    assert "sociable.kinds.shape" in modules  # a draft without a channel runs shape rules
    # GR is ignored and there is no .vale.ini: neither grammar nor any Vale kind is imported,
    # nor the kinds whose rules all need a channel (pattern, metric, ratio, recipient here).
    for absent in ("sociable.kinds.grammar", "sociable.grammar.base", "sociable.grammar.harper",
                   "sociable.vale.kinds.base", "sociable.vale.markup", "sociable.kinds.metric",
                   "sociable.kinds.ratio", "sociable.kinds.recipient", "yaml"):
        assert absent not in modules, absent
    # The time guard arms its timer through ``_signal`` (``signal`` builds three enums) and
    # finds the main thread without ``threading``; nothing else on the way needs either.
    for absent in ("signal", "threading", "importlib.metadata", "json", "email", "locale",
                   "concurrent.futures", "multiprocessing", "shutil", "tempfile",
                   "sociable.packs.loader"):  # a warm pack cache parses no pack
        assert absent not in modules, absent


def _check_counting_parse_shape(folder: Path, cache: Path) -> tuple[str, int]:
    """One ``check`` in a fresh process, counting calls of the shape parser."""
    program = (
        "import sys\n"
        "import sociable.kinds.shape as shape\n"
        "calls = []\n"
        "real = shape.parse_shape\n"
        "shape.parse_shape = lambda *a, **k: calls.append(1) or real(*a, **k)\n"
        "from sociable.faces.cli.main import main\n"
        "main(['check', '--no-cache', '--exit-zero', '--ignore', 'GR', '--output-format', 'json',"
        " '--cache-dir', sys.argv[1], 'draft.md'])\n"
        "print(len(calls), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", program, str(cache)], cwd=folder,
                          capture_output=True, text=True, check=True)
    return done.stdout, int(done.stderr.strip().splitlines()[-1])


def test_a_warm_pack_cache_parses_no_shape_and_finds_the_same(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text("Hi Ana,\n\nLike if you agree! Tag a friend who needs this.\n",
                                       encoding="utf-8")
    cold, cold_calls = _check_counting_parse_shape(tmp_path, tmp_path / "cache")
    warm, warm_calls = _check_counting_parse_shape(tmp_path, tmp_path / "cache")
    assert cold_calls > 0  # the first run parses the packs and prepares their shape rules
    assert warm_calls == 0  # the second unpickles what the first kept
    assert warm == cold and '"code": "EB' in warm  # and finds the very same


def test_the_collector_is_back_on_and_nothing_stays_frozen_after_a_check(tmp_path: Path) -> None:
    """A process that goes on after ``main`` collects as usual; once it exits, everything is
    frozen before the interpreter's final collections (which walked it all for nothing)."""
    (tmp_path / "draft.md").write_text(CLEAN, encoding="utf-8")
    program = (
        "import atexit, gc, sys\n"
        # Registered first, so it runs after every handler main registers (last in, first out).
        "atexit.register(lambda: print('at exit', gc.get_freeze_count() > 1000, flush=True))\n"
        "from sociable.faces.cli.main import main\n"
        "main(['check', '--no-cache', '--quiet', '--exit-zero', '--ignore', 'GR', 'draft.md'])\n"
        "main(['check', '--no-cache', '--quiet', '--exit-zero', '--ignore', 'GR', 'draft.md'])\n"
        "print(gc.isenabled(), gc.get_freeze_count(), atexit._ncallbacks())\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    lines = done.stdout.splitlines()
    # Two commands in one process register the exit freeze once: 1 + 1 handlers.
    assert lines[-2].split() == ["True", "0", "2"]
    assert lines[-1] == "at exit True"


def test_the_collector_is_on_while_drafts_are_linted() -> None:
    import gc

    from sociable.faces.cli import startup

    startup.pause_gc()
    assert not gc.isenabled()
    startup.resume_gc()
    try:
        assert gc.isenabled() and gc.get_freeze_count() > 0  # start-up objects set aside
    finally:
        startup.release()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_quick_module_registration_finds_what_pluggy_finds() -> None:
    """``PluginManager`` skips a module's non-functions before pluggy's slow look-up; every
    plugin module shipped must give the very same hook implementations either way."""
    import types

    import pluggy

    from sociable.plugins import builtin, hookspecs
    from sociable.plugins.manager import PluginManager
    from sociable.plugins.markers import PROJECT, hookimpl
    from sociable.vale import plugin as vale_plugin

    odd = types.ModuleType("odd")  # a hook beside a callable object and a static method
    odd.sociable_readers = hookimpl(lambda: [])  # type: ignore[attr-defined]
    odd.sociable_formatters = staticmethod(hookimpl(lambda: {}))  # type: ignore[attr-defined]
    odd.not_a_hook = type("Callable", (), {"__call__": lambda self: None})()  # type: ignore[attr-defined]

    def hooks(manager: pluggy.PluginManager, module: types.ModuleType) -> list[tuple[str, object]]:
        manager.add_hookspecs(hookspecs)
        manager.register(module, name=module.__name__)
        return sorted(
            (caller.name, impl.function)
            for caller in manager.hook.__dict__.values() if isinstance(caller, pluggy.HookCaller)
            for impl in caller.get_hookimpls()
        )

    for module in (builtin, vale_plugin, odd):
        quick = hooks(PluginManager(PROJECT), module)
        assert quick and quick == hooks(pluggy.PluginManager(PROJECT), module), module.__name__


def test_no_catalogue_folder_means_no_catalogue_without_importing_locale(tmp_path: Path,
                                                                         monkeypatch) -> None:
    """argparse's messages are translated through one catalogue lookup; where the catalogue
    folder does not exist the lookup is answered without gettext's search (and ``locale``),
    and the answer is the one the search gives."""
    import gettext

    from sociable.faces.cli.parser import _no_catalogue_in

    missing = str(tmp_path / "no-such-folder")
    for language in ("de", "pt_BR.UTF-8", "C", ""):
        monkeypatch.setenv("LANGUAGE", language)
        assert _no_catalogue_in(missing)
        assert gettext.find("messages", missing, all=True) == []
    monkeypatch.setenv("LANGUAGE", "../elsewhere")  # a path: the search may leave the folder
    assert not _no_catalogue_in(missing)
    monkeypatch.setenv("LANGUAGE", "de")
    assert not _no_catalogue_in(str(tmp_path))  # a folder that exists is searched
