"""The desktop app's process exits cleanly after its long tasks (issue 17 §5: ``none_dealloc``).

Two PySide6 faults crashed the interpreter at exit (see :mod:`monitor.gui.worker`): ``emit()``
taking a reference from ``True`` on every signal, and widgets kept alive by lambda connections
deleted twice in PySide's clean-up at exit. Each run is a fresh interpreter, as the crash only
shows at its end.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

EMITS = """
from monitor.gui import worker  # noqa: F401  (the guards are installed on import)
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    progress = Signal(int, int, str)

app = QCoreApplication([])
emitter = Emitter()
seen = []
emitter.progress.connect(lambda *a: seen.append(1))
for i in range(200_000):  # far more than the references True starts with
    emitter.progress.emit(i, 200_000, "step")
print("emitted", len(seen))
"""

LONG_TASKS = """
import json, sys, time, uuid
from pathlib import Path
from PySide6.QtWidgets import QApplication
from monitor.core.io.loader import load_file
from monitor.core.keys.keyslot import TEST_COST
from monitor.gui import worker as workers
from monitor.gui.dialogs.unlock import UnlockDialog
from monitor.gui.main_window import MainWindow

tmp = Path(sys.argv[1])
app = QApplication([])

def wait(until, timeout=300):
    end = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < end, "timed out"
        app.processEvents()
        time.sleep(0.002)

dialog = UnlockDialog(tmp / "demo.vault", kdf_iter=2000, kdf=TEST_COST)
dialog.show()
dialog.passphrase.setText("copper lantern steppe violin")
dialog.confirm.setText("copper lantern steppe violin")
dialog.demo_button.click()  # demo creation on a worker thread
wait(lambda: not dialog.busy)
vault = dialog.vault
assert vault is not None, dialog.error.text()
dialog.close()

window = MainWindow(vault)
window.show()
window.search_box.setText("избиения")
window.run_search()
app.processEvents()

lines = tmp / "load.jsonl"
with lines.open("w", encoding="utf-8") as out:
    for i in range(300):
        out.write(json.dumps({"id": str(uuid.UUID(int=10_000 + i, version=4)), "type": "facility",
                              "name": f"ИВС {i}", "type_key": "ivs"}, ensure_ascii=False) + "\\n")

holder = []
def on_worker(func):
    done = {}
    worker = workers.Worker(func)
    worker.outcome.connect(lambda w, r, e: done.setdefault("x", (r, e)))
    holder.append(window)
    thread = workers.start(worker, window)
    wait(lambda: "x" in done)
    thread.wait()
    assert done["x"][1] is None, repr(done["x"][1])

on_worker(lambda progress, cancel: load_file(vault, lines, progress=progress))  # import
on_worker(lambda progress, cancel: vault.verify(progress=progress, cancel=cancel))  # verify
window.close()
vault.close()
print("tasks done")
"""


def _run(code: str, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MONITOR_SETTINGS=str(tmp / "settings.json"),
               PYTHONFAULTHANDLER="1")
    return subprocess.run([sys.executable, "-c", code, *args], check=False, cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)


def _assert_clean(result: subprocess.CompletedProcess, run: int) -> None:
    problems = [line for line in result.stderr.splitlines()
                if "Fatal Python error" in line or "shared QObject was deleted" in line or "malloc" in line]
    assert result.returncode == 0 and not problems, (
        f"run {run}: exit {result.returncode}\n{result.stderr[-3000:]}")


def test_many_signals_then_exit(tmp_path):
    result = _run(EMITS, tmp_path)
    _assert_clean(result, 1)
    assert "emitted 200000" in result.stdout


def _long_tasks(tmp_path: Path, runs: int) -> None:
    for run in range(1, runs + 1):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        result = _run(LONG_TASKS, folder, str(folder))
        _assert_clean(result, run)
        assert "tasks done" in result.stdout, result.stderr[-3000:]
    print(f"\nshutdown: {runs} runs of the window's long tasks, {runs} clean exits")


def test_long_tasks_then_exit_three_times(tmp_path):
    _long_tasks(tmp_path, 3)


@pytest.mark.slow
def test_long_tasks_then_exit_twenty_times(tmp_path):
    _long_tasks(tmp_path, 20)
