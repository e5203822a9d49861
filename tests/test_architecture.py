"""The house's architecture (DESIGN.md, "Layers"): the import-linter contracts in pyproject.toml
hold, an upward import breaks them, and no two modules depend on each other in a cycle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from tests.locations import ROOT

LINT = [
    sys.executable,
    "-c",
    "from importlinter.cli import lint_imports_command; lint_imports_command()",
]
ROOMS = ("ical", "calendar", "people", "judge", "meet", "invite", "flows", "config")
KERNEL = {"model", "errors", "config", "store", "paths", "i18n", "registry", "api"}


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(LINT, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_layer_contracts_hold():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.slow
def test_an_upward_import_breaks_the_layers(tmp_path):
    for name in ("planner", "providers"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    model = tmp_path / "planner" / "model.py"
    model.write_text(model.read_text() + "\nfrom planner.meet import proposals  # noqa: E402\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "planner.model -> planner.meet.proposals" in result.stdout


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph("planner", "providers", cache_dir=None)
    cycles = [sorted(group) for group in _strongly_connected(graph) if len(group) > 1]
    assert cycles == []


def test_the_top_level_holds_only_the_kernel_and_the_public_face():
    modules = {p.stem for p in (ROOT / "planner").glob("*.py")}
    assert len(modules) <= 10, sorted(modules)
    assert modules - {"__init__", "__main__"} <= KERNEL, modules - KERNEL
    for room in ROOMS:
        package = ROOT / "planner" / room / "__init__.py"
        assert len(package.read_text()) > 200, f"planner/{room} explains itself in its docstring"


def test_the_layer_contract_names_whole_packages():
    text = (ROOT / "pyproject.toml").read_text()
    layers = text.split("layers = [", 1)[1].split("]", 1)[0]
    names = [
        n.strip(' "\n,') for line in layers.splitlines() for n in line.replace("|", ":").split(":")
    ]
    names = [n for n in names if n]
    for name in names:
        parts = name.split(".")
        path = ROOT.joinpath(*parts)
        assert path.is_dir() or path.with_suffix(".py").is_file(), name
        # a module inside a package is never a layer of its own: the package is split instead
        parent = ROOT.joinpath(*parts[:-1]) if len(parts) > 1 else None
        assert parent is None or parent == ROOT / "planner", name


def test_no_module_is_longer_than_500_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for folder in ("planner", "providers")
        for p in (ROOT / folder).rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}


def _strongly_connected(graph: grimp.ImportGraph) -> list[set[str]]:
    """Tarjan's algorithm over the module graph (iterative: the graph has hundreds of edges)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                groups.append(group)
    return groups
