"""A CI machine that lacks Qt or the Qt translation tools must fail the run, not skip quietly.

On a developer's machine the GUI and translation tests skip with a reason when Qt or
pyside6-lupdate/lrelease is missing; with ``CI=true`` the same situation is a failure.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import require_module, skip_unless_ci

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("ci", ["true", "TRUE", "1"])
def test_under_ci_a_missing_dependency_fails(monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    outcomes = (pytest.fail.Exception, pytest.skip.Exception)  # a skip must not escape as this test's own
    with pytest.raises(outcomes, match="CI=true") as err:
        skip_unless_ci("frobnicator is not installed")
    assert err.type is pytest.fail.Exception
    with pytest.raises(outcomes, match="no_such_module_for_monitor") as err:
        require_module("no_such_module_for_monitor")
    assert err.type is pytest.fail.Exception


@pytest.mark.parametrize("ci", [None, "", "false", "0"])
def test_elsewhere_a_missing_dependency_skips(monkeypatch, ci):
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="frobnicator"):
        skip_unless_ci("frobnicator is not installed")
    with pytest.raises(pytest.skip.Exception):
        require_module("no_such_module_for_monitor")
    assert require_module("json").dumps([]) == "[]"


@pytest.mark.parametrize("ci", ["true", None])
def test_missing_translation_tools(monkeypatch, tmp_path, ci):
    translations = importlib.import_module("gui.test_translations")
    monkeypatch.setattr(translations, "BIN", tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    with pytest.raises((pytest.fail.Exception, pytest.skip.Exception), match="pyside6-lupdate is not installed") as err:
        translations.tool("pyside6-lupdate")
    assert err.type is (pytest.fail.Exception if ci else pytest.skip.Exception)


@pytest.mark.process
@pytest.mark.parametrize("error", [
    'ImportError("libEGL.so.1: cannot open shared object file")',  # installed, a system library missing
    'ModuleNotFoundError("No module named PySide6.QtWidgets (libEGL.so.1)")',  # not installed
], ids=["library-missing", "not-installed"])
@pytest.mark.parametrize("ci", ["true", None])
def test_gui_tests_without_a_loadable_qt(tmp_path, ci, error):
    """Run the real GUI test module where PySide6 cannot load (as on a machine missing libEGL).

    pytest-qt is left out: with an unloadable Qt it stops the whole run by itself, before any module."""
    fake = tmp_path / "site" / "PySide6"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(f"raise {error}\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = os.pathsep.join([str(fake.parent), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    if ci:
        env["CI"] = ci
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider",
         str(ROOT / "tests" / "gui" / "test_gui.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    out = result.stdout + result.stderr
    assert "libEGL.so.1" in out, out
    if ci:
        assert result.returncode != 0, out
        assert "CI=true" in out
    else:
        assert result.returncode in (0, 5), out  # 5: every test of the run skipped
        assert "1 skipped" in out


def test_ci_runs_exactly_the_readme_test_command_with_slow_tests_left_out_explicitly():
    """README's second command is what a developer pastes; .ci/run must run the same line, and
    both say ``-m "not slow"`` rather than leaning on addopts (which a later -m would replace)."""
    import re

    blocks = re.findall(r"```sh\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    readme = blocks[1].strip()
    assert "\n" not in readme, "README's test command must stay one copy-paste line"
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.startswith("#")]
    assert ci[-1] == readme
    assert readme.endswith('-m pytest -m "not slow"'), readme


@pytest.mark.process
def test_markers_are_registered_and_gui_is_applied_to_tests_gui():
    """``gui`` and ``process`` are registered (--strict-markers refuses the rest), and the hook in
    tests/conftest.py marks every test under tests/gui with ``gui``."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    names = {line.split(":")[0] for line in config["markers"]}
    assert {"slow", "gui", "process"} <= names
    assert "--strict-markers" in config["addopts"] and "not slow" in config["addopts"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--collect-only", "-m", "gui", "-p", "no:cacheprovider",
         str(ROOT / "tests" / "gui" / "test_fonts.py"), str(ROOT / "tests" / "test_titles.py")],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    collected = [line for line in result.stdout.splitlines() if "::" in line]
    assert collected and all(line.startswith("tests/gui/test_fonts.py::") for line in collected), result.stdout
