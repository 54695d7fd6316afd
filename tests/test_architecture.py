"""Shape rules: the core has no Qt; resources are found one way."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import monitor
import monitor.core

CORE = Path(monitor.core.__file__).parent


FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "monitor.gui")


def module_name(path: Path) -> str:
    """The dotted name of a module file inside the monitor package."""
    parts = path.relative_to(Path(monitor.__file__).parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module a source imports, anywhere in it (functions, classes, conditionals), resolved to
    absolute names: ``from ..gui import x`` in monitor.core.m gives monitor.gui and monitor.gui.x.
    Calls of importlib.import_module / __import__ with a literal name count too."""
    package = module if is_package else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names.add(prefix)
            names.update(f"{prefix}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__"):
                names.add(node.args[0].value)
    return names


def forbidden(names: set[str]) -> set[str]:
    return {n for n in names if any(n == f or n.startswith(f + ".") for f in FORBIDDEN)}


def test_core_source_never_imports_qt_or_the_gui():
    offenders = {}
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        found = forbidden(imported_modules(path.read_text(encoding="utf-8"), module_name(path),
                                           path.name == "__init__.py"))
        if found:
            offenders[path.name] = found
    assert offenders == {}


@pytest.mark.parametrize("source", [
    "from ..gui import app",
    "from .. import gui",
    "from ..gui.main_window import MainWindow",
    "def later():\n    from ..gui import worker\n    return worker",
    "class C:\n    def m(self):\n        if True:\n            import PySide6.QtCore",
    "try:\n    from PySide6 import QtWidgets\nexcept ImportError:\n    pass",
    "import importlib\ndef f():\n    return importlib.import_module('PySide6.QtGui')",
    "def f():\n    return __import__('monitor.gui.app')",
    "from monitor import gui",
    "import shiboken6",
])
def test_the_import_check_sees_every_way_of_importing(source):
    assert forbidden(imported_modules(source, "monitor.core.example")), source


@pytest.mark.parametrize("source", [
    "from . import schema", "from .db import connect", "from ..core import text", "import guidance",
    "from monitor.core import gui_free", "import json",
])
def test_the_import_check_allows_the_core_its_own_imports(source):
    assert forbidden(imported_modules(source, "monitor.core.example")) == set(), source


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

