"""Building the plugin manager, in a function so tests can build a fresh one.

External plugins come from the ``sociable`` entry-point group. ``SOCIABLE_DISABLE_PLUGINS``
(comma-separated entry-point names) blocks plugins before they load. The built-in plugin is
essential (it provides the kinds every pack needs) and cannot be blocked, as pytest's
essential plugins cannot.
"""

from __future__ import annotations

import os
import types
from pathlib import Path
from typing import Any

import pluggy

from sociable.plugins import hookspecs
from sociable.plugins.markers import PROJECT
from sociable.records import Record, fill

BUILTIN = "builtin"


class PluginInfo(Record):
    """A registered plugin as ``sociable plugins`` lists it (frozen)."""

    __slots__ = ("distribution", "name", "version")
    _frozen = True

    name: str
    distribution: str
    version: str

    def __init__(self, name: str, distribution: str, version: str) -> None:
        fill(self, name=name, distribution=distribution, version=version)


#: What pluggy can take a hook implementation from (its ``_static_hook_attr``).
_HOOKABLE = (types.FunctionType, types.MethodType, staticmethod, classmethod)


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, quicker to register a module.

    pluggy looks at every name a plugin has (``dir(plugin)``) with ``inspect.getattr_static``,
    which walks the type's MRO each time: 70 names for the built-in plugin and the Vale
    plugin, a few ms of every run. A module has no descriptors of its own, so a name whose
    value in the module's ``__dict__`` is no function cannot be a hook implementation and is
    skipped at once; anything else, and every plugin that is not a plain module, goes to
    pluggy as before.
    """

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if type(plugin) is types.ModuleType:
            value = plugin.__dict__.get(name)
            if not isinstance(value, _HOOKABLE):
                return None
        return super().parse_hookimpl_opts(plugin, name)


def blocked_plugins() -> list[str]:
    raw = os.environ.get("SOCIABLE_DISABLE_PLUGINS", "")
    return [name.strip() for name in raw.split(",") if name.strip() and name.strip() != BUILTIN]


def load_entrypoint_plugins(manager: pluggy.PluginManager, cache_dir: Path | None = None) -> None:
    """Register every plugin of the ``sociable`` entry-point group that is not blocked.

    Equivalent to pluggy's ``load_setuptools_entrypoints`` but without importing
    :mod:`importlib.metadata` (see :mod:`sociable.plugins.entrypoints`; with ``cache_dir``,
    the entry points found are kept there until a folder on ``sys.path`` changes).
    """
    from sociable.plugins.entrypoints import entry_points

    for entry in entry_points(PROJECT, cache_dir=str(cache_dir) if cache_dir else None):
        if manager.get_plugin(entry.name) is not None or manager.is_blocked(entry.name):
            continue
        manager.register(entry.load(), name=entry.name)
        _DISTRIBUTIONS[entry.name] = entry.distribution


_DISTRIBUTIONS: dict[str, str] = {}


def get_plugin_manager(entrypoints: bool = True, cache_dir: Path | None = None) -> pluggy.PluginManager:
    """A manager with sociable's hookspecs, external plugins (unless blocked) and built-ins;
    ``cache_dir`` keeps the entry points found between runs."""
    manager = PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs)
    for name in blocked_plugins():
        manager.set_blocked(name)
    if entrypoints:
        load_entrypoint_plugins(manager, cache_dir)
    if manager.get_plugin(BUILTIN) is None:
        # Running from a source tree without installed metadata: register it by hand.
        from sociable.plugins import builtin

        manager.register(builtin, name=BUILTIN)
    manager.check_pending()
    return manager


def plugin_infos(manager: pluggy.PluginManager) -> list[PluginInfo]:
    """What ``sociable plugins`` lists: each registered plugin with its distribution."""
    from importlib import metadata

    infos = []
    for name, plugin in manager.list_name_plugin():
        if plugin is None:
            continue
        dist = _DISTRIBUTIONS.get(name, "sociable" if name == BUILTIN else "?")
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            from sociable import __version__

            version = __version__ if dist == "sociable" else "?"
        infos.append(PluginInfo(name, dist, version))
    return sorted(infos, key=lambda info: (info.name != BUILTIN, info.name))
