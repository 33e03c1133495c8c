"""The house's rules, read from the modules' own imports: no import cycle anywhere in footcore, no
module over 400 lines (migrations aside), services never import the composition root, and only
the entrypoints do.

Every `import` and `from ... import` counts, wherever it is written: at module level, inside a
function (the CLI's lazy imports), and under `if TYPE_CHECKING:` (an annotation is a dependency
too, and mypy follows it). `from pkg import name` is an edge to `pkg.name` when that is a module,
else to `pkg`; relative imports are resolved against the importing module's package. Importing
`a.b.c` is not counted as importing the packages `a` and `a.b` (Python runs their `__init__`
first, but they are the parents, not the dependency).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "footcore"
MAX_LINES = 400


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    is_package: bool


def modules() -> dict[str, Module]:
    found: dict[str, Module] = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = Module(".".join(parts), path, is_package)
    return found


def _owner(name: str, known: dict[str, Module]) -> str | None:
    """The module that `name` lives in: itself, or its nearest enclosing module or package."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imported(module: Module, known: dict[str, Module]) -> Iterator[str]:
    """Every footcore module that `module` imports, anywhere in its text."""
    package = module.name if module.is_package else module.name.rpartition(".")[0]
    for node in ast.walk(ast.parse(module.path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            targets = [
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in known else source
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target == PACKAGE or target.startswith(PACKAGE + "."):
                owner = _owner(target, known)
                if owner is not None and owner != module.name:
                    yield owner


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: set(imported(module, known)) for name, module in known.items()}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that import one another in a ring."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    groups.append(sorted(group))
    return groups


def test_the_cycle_finder_finds_a_ring_and_nothing_else() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert [g for g in strongly_connected(graph) if len(g) > 1] == [["a", "b", "c"]]


def test_no_import_cycle_anywhere_in_footcore() -> None:
    graph = import_graph()
    cycles = [" ".join(g) for g in strongly_connected(graph) if len(g) > 1]
    unexpected = list(cycles)
    assert not unexpected, "modules that import one another in a ring:\n" + "\n".join(
        "  "
        + c
        + "\n    "
        + "\n    ".join(f"{m} -> {', '.join(sorted(graph[m] & set(c.split())))}" for m in c.split())
        for c in unexpected
    )


def test_imports_from_packages_resolve_to_their_modules() -> None:
    graph = import_graph()
    # `from footcore.entrypoints.cli import learn` is an edge to the module, not the package
    assert "footcore.entrypoints.cli.learn" in graph["footcore.entrypoints.cli.main"]
    assert "footcore.entrypoints.cli" not in graph["footcore.entrypoints.cli.main"]


def test_no_module_is_over_400_lines_outside_migrations() -> None:
    long = {
        name: lines
        for name, module in modules().items()
        if ".migrations." not in name
        and (lines := len(module.path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_services_never_import_the_composition_root() -> None:
    graph = import_graph()
    wiring = {
        name
        for name, targets in graph.items()
        if name.startswith("footcore.services.") and "footcore.bootstrap" in targets
    }
    assert not wiring, sorted(wiring)


def test_only_entrypoints_import_the_composition_root() -> None:
    graph = import_graph()
    importers = {name for name, targets in graph.items() if "footcore.bootstrap" in targets}
    outside = {name for name in importers if not name.startswith("footcore.entrypoints.")}
    assert not outside, sorted(outside)


def test_the_json_api_and_the_html_pages_do_not_import_each_other() -> None:
    graph = import_graph()
    api, pages = "footcore.entrypoints.http.api", "footcore.entrypoints.http.pages"
    crossing = sorted(
        f"{name} -> {target}"
        for name, targets in graph.items()
        for target in targets
        for here, there in ((api, pages), (pages, api))
        if (name == here or name.startswith(here + "."))
        and (target == there or target.startswith(there + "."))
    )
    assert not crossing, crossing


def test_the_domain_and_the_services_never_import_the_presentation_layer() -> None:
    graph = import_graph()
    inner = ("footcore.domain.", "footcore.services.")
    upward = sorted(
        f"{name} -> {target}"
        for name, targets in graph.items()
        for target in targets
        if name.startswith(inner) and target.startswith("footcore.presentation")
    )
    assert not upward, upward


# The program's own rows: its calendar, items, logs, check-ins, decisions, levels, pauses and the
# coaches' edits. The rules over them live in domain/program; a use case hands values to the unit
# of work's repositories (uow.programs, uow.calendar, uow.slots), which map them to these rows.
PROGRAM_ROWS = frozenset(
    {
        "WeekRow",
        "SessionRow",
        "PrescriptionRow",
        "LogRow",
        "CheckinRow",
        "DecisionRow",
        "StateRow",
        "PauseRow",
        "CoachEditRow",
    }
)
ROW_MODULES = ("footcore.adapters.storage.models", "footcore.adapters.storage.coach_models")


def row_imports(module: Module) -> list[str]:
    tree = ast.parse(module.path.read_text(encoding="utf-8"))
    return [
        f"{module.name} imports {alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module in ROW_MODULES
        for alias in node.names
        if alias.name in PROGRAM_ROWS
    ]


def test_row_imports_are_found() -> None:
    # The check below must see an import written inside a function as well.
    here = modules()["footcore.adapters.storage.programs"]
    assert any("PauseRow" in line for line in row_imports(here))


def test_services_never_touch_the_programs_rows() -> None:
    found = [
        line
        for name, module in modules().items()
        if name.startswith("footcore.services.")
        for line in row_imports(module)
    ]
    assert not found, found
