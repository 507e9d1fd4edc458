"""Building the plugin manager, in a function so tests can build a fresh one.

External plugins come from the ``sociable`` entry-point group. ``SOCIABLE_DISABLE_PLUGINS``
(comma-separated entry-point names) blocks plugins before they load. The built-in plugin is
essential (it provides the kinds every pack needs) and cannot be blocked, as pytest's
essential plugins cannot.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pluggy

from sociable.plugins import hookspecs
from sociable.plugins.markers import PROJECT

BUILTIN = "builtin"


@dataclass(frozen=True)
class PluginInfo:
    name: str
    distribution: str
    version: str


def blocked_plugins() -> list[str]:
    raw = os.environ.get("SOCIABLE_DISABLE_PLUGINS", "")
    return [name.strip() for name in raw.split(",") if name.strip() and name.strip() != BUILTIN]


def get_plugin_manager(entrypoints: bool = True) -> pluggy.PluginManager:
    """A manager with sociable's hookspecs, external plugins (unless blocked) and built-ins."""
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs)
    for name in blocked_plugins():
        manager.set_blocked(name)
    if entrypoints:
        manager.load_setuptools_entrypoints(PROJECT)
    if manager.get_plugin(BUILTIN) is None:
        # Running from a source tree without installed metadata: register it by hand.
        from sociable.plugins import builtin

        manager.register(builtin, name=BUILTIN)
    manager.check_pending()
    return manager


def plugin_infos(manager: pluggy.PluginManager) -> list[PluginInfo]:
    """What ``sociable plugins`` lists: each registered plugin with its distribution."""
    infos = []
    distributions = {id(plugin): dist for plugin, dist in manager.list_plugin_distinfo()}
    for name, plugin in manager.list_name_plugin():
        if plugin is None:
            continue
        dist = distributions.get(id(plugin))
        if dist is not None:
            infos.append(PluginInfo(name, dist.project_name, dist.version))
        else:
            from sociable import __version__

            infos.append(PluginInfo(name, "sociable" if name == BUILTIN else "?", __version__))
    return sorted(infos, key=lambda info: (info.name != BUILTIN, info.name))
