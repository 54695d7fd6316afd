"""Shape rules: the core has no Qt; its packages depend on each other only as docs/architecture.md
draws them, with no cycle; resources are found one way."""

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


@pytest.mark.process
def test_importing_every_core_module_loads_no_qt():
    modules = [module_name(p) for p in sorted(CORE.rglob("*.py"))]
    assert len(modules) > 60
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



# --- Packages and who may import whom (docs/architecture.md draws the same table) -----------------
# A "part" is a package directly under monitor.core (or monitor.gui), or one of its top-level
# modules. Every part lists the parts it may import; anything else fails, and so does a cycle.

CORE_BASE = {"resources", "paths", "fs", "messages", "errors", "text", "db"}
CORE_ALLOWED = {
    "resources": set(),
    "paths": set(),
    "fs": set(),
    "messages": {"resources"},
    "errors": {"messages"},
    "text": {"errors"},
    "db": {"errors", "messages", "text"},
    "keys": CORE_BASE,
    "model": CORE_BASE,
    "search": CORE_BASE | {"model"},
    "history": CORE_BASE | {"model", "search"},
    "store": CORE_BASE | {"keys", "model", "search", "history"},
    "queries": CORE_BASE | {"model", "history", "store"},
    "io": CORE_BASE | {"model", "history", "store"},
    "sync": CORE_BASE | {"keys", "model", "history", "store"},
    "reports": CORE_BASE | {"model", "history", "store", "queries", "audio"},
    "demo": CORE_BASE | {"keys", "model", "history", "store"},
    "audio": CORE_BASE | {"store"},
}
GUI_BASE = {"worker", "plain", "labels", "i18n", "settings", "clipboard"}
GUI_ALLOWED = {
    "worker": set(),
    "plain": set(),
    "labels": set(),
    "clipboard": set(),
    "settings": set(),
    "i18n": set(),
    "editors": GUI_BASE,
    "pages": GUI_BASE | {"editors"},
    "dialogs": GUI_BASE,
    "main_window": GUI_BASE | {"pages", "editors", "dialogs"},
    "session": GUI_BASE | {"main_window", "dialogs"},
    "app": GUI_BASE | {"session"},
}


def part_graph(top: str) -> dict[str, set[str]]:
    """Which parts of package ``top`` import which (imports anywhere in a module count)."""
    root = Path(monitor.__file__).parent.parent
    package_dir = root.joinpath(*top.split("."))
    modules = {module_name(p): p for p in package_dir.rglob("*.py")}

    def part(name: str) -> str | None:
        if not name.startswith(top + "."):
            return None
        return name[len(top) + 1:].split(".")[0]

    graph: dict[str, set[str]] = {part(m): set() for m in modules if part(m)}
    for name, path in modules.items():
        here = part(name)
        if here is None:
            continue
        for imported in imported_modules(path.read_text(encoding="utf-8"), name, path.name == "__init__.py"):
            there = part(imported)
            if there and there != here and there in graph:
                graph[here].add(there)
    return graph


def cycle_in(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as a list of nodes, or [] when it has none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


@pytest.mark.parametrize("top, allowed", [("monitor.core", CORE_ALLOWED), ("monitor.gui", GUI_ALLOWED)])
def test_parts_import_only_what_the_architecture_allows(top, allowed):
    graph = part_graph(top)
    assert set(graph) == set(allowed), "a part was added or removed: update the table here and docs/architecture.md"
    extra = {part: sorted(graph[part] - allowed[part]) for part in graph if graph[part] - allowed[part]}
    assert extra == {}, f"imports the architecture does not allow: {extra}"
    assert cycle_in(graph) == []


@pytest.mark.parametrize("allowed", [CORE_ALLOWED, GUI_ALLOWED])
def test_the_allowed_imports_themselves_have_no_cycle(allowed):
    assert cycle_in(allowed) == []


def test_the_cycle_finder_finds_cycles():
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": set()}) == []
    assert cycle_in({"a": {"a"}}) == ["a", "a"]


def test_the_core_has_few_top_level_entries():
    entries = sorted(p.name for p in CORE.iterdir() if p.name != "__pycache__")
    assert len(entries) <= 19, entries


def test_the_layers_above_the_core():
    """The core imports neither face; the GUI does not import the CLI."""
    assert set(part_graph("monitor")) >= {"core", "gui", "cli"}
    graph = part_graph("monitor")
    assert graph["core"] <= set(), graph["core"]
    assert "cli" not in graph["gui"]


# --- The vault's public API ------------------------------------------------------------------------
# Outside monitor/core/store/ nothing reaches into a Vault: no private attribute (``vault._lock``,
# ``self._vault._write()``) and no raw connection (``vault.conn``). Sync, io, reports, the CLI and the
# GUI use the Vault's public methods (docs/architecture.md, "The Vault's public API").

STORE = CORE / "store"


def vault_reach_ins(source: str) -> list[str]:
    """Every ``X._name`` (one leading underscore) and ``X.conn`` whose ``X`` reads as a vault
    (its text ends in ``vault``: ``vault``, ``self.vault``, ``ctx.vault``, ``self._vault``, …)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        name = node.attr
        private = name.startswith("_") and not name.startswith("__")
        if not (private or name == "conn"):
            continue
        if ast.unparse(node.value).lower().endswith("vault"):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def test_nothing_outside_the_store_reaches_into_a_vault():
    package = Path(monitor.__file__).parent
    files = [p for p in sorted(package.rglob("*.py")) if STORE not in p.parents]
    assert len(files) > 60
    offenders = {}
    for path in files:
        found = vault_reach_ins(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(package))] = found
    assert offenders == {}


@pytest.mark.parametrize("source", [
    "with vault._lock:\n    pass",
    "vault._audit('x')",
    "with self.vault._write() as c:\n    pass",
    "ctx.vault._vocab_cache = None",
    "self._vault._hold()",
    "rows = vault.conn.execute('SELECT 1')",
    "contacts.listing(self.vault.conn)",
])
def test_the_vault_check_sees_reach_ins(source):
    assert vault_reach_ins(source), source


@pytest.mark.parametrize("source", [
    "vault.audit('x')", "with vault.writing():\n    pass", "vault.__class__", "self._vault.put(r)",
    "conn.execute('SELECT 1')", "self._conn", "vault_path._x",
])
def test_the_vault_check_allows_public_use(source):
    assert vault_reach_ins(source) == [], source


# --- No import cycle between modules ---------------------------------------------------------------
# Between parts the table above forbids cycles; inside a part, modules must not import each other
# in a circle either (vault ↔ consent ↔ verify and inbox ↔ sync_dialogs were two). Imports under
# ``if TYPE_CHECKING:`` never run and do not count; neither does a package's ``__init__`` importing
# its own submodules (each submodule implies its package anyway).

def runtime_imports(source: str, module: str, is_package: bool) -> set[str]:
    tree = ast.parse(source)

    class DropTypeChecking(ast.NodeTransformer):
        def visit_If(self, node):
            if "TYPE_CHECKING" in ast.unparse(node.test):
                return node.orelse or None
            return self.generic_visit(node)

    return imported_modules(ast.unparse(DropTypeChecking().visit(tree)), module, is_package)


def module_graph() -> dict[str, set[str]]:
    package = Path(monitor.__file__).parent
    modules = {module_name(p): p for p in package.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        imported = runtime_imports(path.read_text(encoding="utf-8"), name, is_package)
        graph[name] = {m for m in imported if m in modules and m != name
                       and not (is_package and m.startswith(name + "."))}
    return graph


def test_no_module_imports_itself_in_a_circle():
    graph = module_graph()
    assert len(graph) > 100
    assert cycle_in(graph) == []


def test_the_module_check_sees_a_type_checking_import_as_absent():
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .vault import Vault\nfrom . import audit\n"
    assert runtime_imports(source, "monitor.core.store.x", False) == {"typing", "typing.TYPE_CHECKING", "monitor.core.store",
        "monitor.core.store.audit"}


# --- SQL stays in the store ------------------------------------------------------------------------
# The parts above the store (queries, io, sync, reports, demo) and both faces read and write through
# the Vault's methods and the store's modules (store/reading.py for reports, store/sync_log.py for
# sync); none of them runs SQL of its own on a vault's connection.

ABOVE_THE_STORE = ("queries", "io", "sync", "reports", "demo", "audio")


def sql_calls(source: str) -> list[str]:
    return [f"{node.lineno}: {ast.unparse(node.func)}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("execute", "executemany", "executescript")]


def test_no_sql_above_the_store():
    package = Path(monitor.__file__).parent
    files = [package / "cli.py", *sorted((package / "gui").rglob("*.py"))]
    for part in ABOVE_THE_STORE:
        files += sorted((CORE / part).rglob("*.py"))
    assert len(files) > 60
    offenders = {str(p.relative_to(package)): found for p in files if (found := sql_calls(p.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_the_sql_check_sees_sql():
    assert sql_calls("conn.execute('SELECT 1')") and sql_calls("vault.reading().executemany(q, rows)")
    assert sql_calls("vault.audit('x')\nsync_log.last_export(conn, key)") == []
