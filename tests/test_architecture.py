"""Shape rules: the core has no Qt; resources are found one way."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import monitor.core

CORE = Path(monitor.core.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_source_never_imports_qt():
    offenders = {}
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        qt = {m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")}
        if qt:
            offenders[path.name] = qt
    assert offenders == {}


def test_importing_every_core_module_loads_no_qt():
    modules = [f"monitor.core.{p.stem}" for p in sorted(CORE.glob("*.py")) if p.stem != "__init__"]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + \
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\nprint(bad)\nsys.exit(1 if bad else 0)\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_resources_found_through_one_module():
    from monitor.core import resources

    assert (resources.path("schema") / "case.schema.json").is_file()
    assert (resources.path("vocabularies") / "consistency.json").is_file()
    offenders = [p.name for p in Path(monitor.__file__).parent.rglob("*.py")
                 if p.name != "resources.py" and "__file__" in p.read_text(encoding="utf-8")]
    assert offenders == []


import monitor  # noqa: E402
