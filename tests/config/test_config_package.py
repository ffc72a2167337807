"""The shape of the config package: every old import still works, no import cycles through it,
small modules, no ``global``, and a run without a configuration file never imports it."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
PACKAGE = SRC / "inclusive_hiring"
MINE = ("inclusive_hiring.config", "inclusive_hiring.validation", "inclusive_hiring.yamlio")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Every inclusive_hiring module ``name`` imports, anywhere in the file (functions included)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else (node.module or base)
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {m for m in found if m in known and m != name}


def test_old_imports_still_work():
    from inclusive_hiring import config

    used_elsewhere = ["ConfigResolver", "write_starter", "render_show", "Config", "entry_content_key", "load_config",
                      "STARTER_CONFIG", "discover", "glob_match", "resolve_for", "union_entries", "TOP_KEYS",
                      "CONFIG_NAMES", "PRESETS", "Kits", "Origin", "RuleSetting"]
    for name in used_elsewhere:
        assert hasattr(config, name), name
    assert set(config.__all__) >= set(used_elsewhere)


def test_every_use_outside_the_package_is_exported():
    """Each ``from .config import X`` (or ``..config``) in src and tests names an export."""
    from inclusive_hiring import config

    names: set[str] = set()
    for path in [*PACKAGE.rglob("*.py"), *(ROOT / "tests").rglob("*.py")]:
        if "config" in path.relative_to(ROOT).parts[:-1] and path.parent.name == "config":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("config") and (
                    node.level or node.module == "inclusive_hiring.config"):
                names.update(alias.name for alias in node.names)
    assert names, "the scan found no imports"
    assert not names - set(dir(config)), names - set(dir(config))


def test_no_import_cycle_goes_through_the_config_package_yamlio_or_validation():
    table = modules()
    known = set(table)
    graph = {name: imports_of(name, path, known) for name, path in table.items()}
    for start in (m for m in known if m.startswith(MINE)):
        seen: set[str] = set()
        todo = list(graph[start])
        while todo:
            current = todo.pop()
            assert current != start, f"{start} imports itself through {sorted(seen)}"
            if current not in seen:
                seen.add(current)
                todo.extend(graph[current])


def test_modules_are_small_and_use_no_global():
    for name, path in modules().items():
        if not name.startswith(MINE):
            continue
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 600, name
        assert not any(isinstance(node, ast.Global) for node in ast.walk(ast.parse(text))), name


def _modules_after(code: str, cwd: Path) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=cwd,
                          check=False)
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("with_config", [False, True])
def test_lint_imports_the_config_package_only_when_a_configuration_applies(tmp_path, with_config):
    (tmp_path / ".git").mkdir()
    (tmp_path / "job.md").write_text("# Developer\n\nWe hire a developer.\n", encoding="utf-8")
    if with_config:
        (tmp_path / ".ih.yaml").write_text("accept: [developer]\n", encoding="utf-8")
    code = ("import sys\nsys.argv = ['ih', 'lint', 'job.md', '--format', 'json']\n"
            "from inclusive_hiring.cli import app\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n")
    loaded = _modules_after(code, tmp_path)
    assert "inclusive_hiring.engine" in loaded or "inclusive_hiring.api" in loaded
    assert ("inclusive_hiring.config" in loaded) is with_config


def test_help_does_not_import_the_config_package_or_yaml():
    code = ("import sys\nsys.argv = ['ih', '--help']\nfrom inclusive_hiring.cli import app\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n")
    loaded = _modules_after(code, ROOT)
    assert "inclusive_hiring.cli" in loaded
    assert "inclusive_hiring.config" not in loaded and "yaml" not in loaded
