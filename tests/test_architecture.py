"""The layout rules of docs/architecture.md, checked on the source: no import cycles between
modules, no module over 600 lines, no ``global`` statement, formatters see only the report types,
and every Python rule is declared where it is defined and described in the word lists."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "inclusive_hiring"
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def module_imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The package modules ``module`` imports when it is imported: top-level statements only,
    not those under ``if TYPE_CHECKING:`` or inside functions (imported when called)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and not _is_type_checking(node):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
            elif isinstance(node, ast.ImportFrom):
                target = _resolve(module, path.name == "__init__.py", node.level, node.module) \
                    if node.level else (node.module or "")
                for alias in node.names:
                    candidate = f"{target}.{alias.name}"
                    found.add(candidate if candidate in known else target)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    visit(tree.body)
    return {m for m in found if m in known and m != module}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph = {}
    for name, path in modules.items():
        edges = module_imports(name, path, known)
        # Importing a.b.c runs a/__init__ and a/b/__init__ first.
        for dep in list(edges):
            parts = dep.split(".")
            edges.update(".".join(parts[:i]) for i in range(2, len(parts)) if ".".join(parts[:i]) in known)
        graph[name] = {e for e in edges if e != name and not name.startswith(e + ".")}
    return graph


def test_no_import_cycles():
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def walk(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep):], dep])
            elif dep not in state:
                walk(dep, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node, [])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    """The check above could fail: two modules that import each other are seen as importing."""
    (tmp_path / "a.py").write_text("from . import b\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("from .a import x\nif TYPE_CHECKING:\n    from . import c\n", encoding="utf-8")
    known = {"p.a", "p.b", "p.c"}
    assert module_imports("p.a", tmp_path / "a.py", known) == {"p.b"}
    assert module_imports("p.b", tmp_path / "b.py", known) == {"p.a"}


@pytest.mark.parametrize("name", sorted(_modules()))
def test_module_size_and_no_global_statement(name):
    path = _modules()[name]
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_LINES, f"{path.name} has {text.count(chr(10))} lines (at most {MAX_LINES})"
    assert not [n for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Global)], f"{name} uses global"


def test_formatters_import_only_the_report_types():
    modules = _modules()
    known = set(modules)
    allowed = {"inclusive_hiring", "inclusive_hiring.results", "inclusive_hiring.formatters"}
    for name, path in modules.items():
        if not name.startswith("inclusive_hiring.formatters"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):  # every import, in functions and TYPE_CHECKING blocks too
            if isinstance(node, ast.ImportFrom) and node.level:
                target = _resolve(name, path.name == "__init__.py", node.level, node.module)
                used = {f"{target}.{a.name}" if f"{target}.{a.name}" in known else target for a in node.names}
                assert used <= allowed | {m for m in known if m.startswith("inclusive_hiring.formatters")}, \
                    f"{name} imports {used}"


def test_every_python_rule_is_declared_and_described():
    """The registry is built from the rule modules' declarations; each id has word-list metadata
    of the same kind, each option a default there, and every document-scope rule in the word lists
    that is not a meta rule has a Python rule."""
    from inclusive_hiring.catalog.wordlists import default_catalog
    from inclusive_hiring.rules import document_rules

    rules = default_catalog().rules
    declared: set[str] = set()
    for rule in document_rules():
        for rule_id in rule.ids:
            assert rule_id in rules, f"{rule_id} has no metadata in wordlists/"
            assert rules[rule_id].kind == rule.kind, rule_id
            assert rule_id not in declared, f"{rule_id} is declared twice"
            declared.add(rule_id)
        for rule_id, option in rule.options:
            assert rule_id in rule.ids and option in rules[rule_id].options, (rule_id, option)
    meta = ("organization", "suppression")
    documented = {r.id for r in rules.values() if r.scope == "document" and r.category not in meta}
    assert documented <= declared, f"document rules without Python: {sorted(documented - declared)}"
