"""The layers hold: no module of sociable imports, even indirectly, one that imports it back.

``lint-imports`` (contracts in pyproject.toml) checks the layers; this checks every pair of
modules for a circle, which a layers contract allows between siblings of one layer.
"""

from __future__ import annotations

import grimp


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


#: Run-time imports that go up on purpose, each also in pyproject.toml's import-linter
#: ``ignore_imports`` with its reason.
DOCUMENTED_UPWARD_IMPORTS = [
    # A worker started without the parent's state (spawn) collects grammar backends again.
    ("sociable.grammar.base", "sociable.plugins.manager"),
]


def test_no_import_circles_between_modules() -> None:
    graph = grimp.build_graph("sociable")
    # The package itself only re-exports the API and the hook marker, lazily, for users.
    modules = [m for m in graph.modules if m != "sociable"]
    edges = {m: graph.find_modules_directly_imported_by(m) - {"sociable"} for m in modules}
    for importer, imported in DOCUMENTED_UPWARD_IMPORTS:
        edges[importer].discard(imported)
    assert _cycles(edges) == []


def test_kinds_do_not_import_the_engine_or_readers() -> None:
    graph = grimp.build_graph("sociable")
    for module in sorted(graph.find_descendants("sociable.kinds")):
        imported = graph.find_modules_directly_imported_by(module)
        banned = {m for m in imported if m.startswith(("sociable.engine", "sociable.runner",
                                                       "sociable.readers", "sociable.pipeline"))}
        assert not banned, (module, banned)
