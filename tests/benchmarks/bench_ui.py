"""Benchmark harness for the desktop app's speed bars. Not part of the test suite; run explicitly:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_ui.py [--quick]

Each row prints Monitor's figure beside the raw library doing the least comparable work in the
same run (bars from issue 10):

  cold start   `python -m monitor` until the unlock window is drawn, as a process     <= 1.0 s
               (raw: a process that shows an empty PySide6 dialog)
  search       100k testimonies, p95 and median, word forms, snippets and the count   <= 50 ms p95, <= 15 ms median
               (raw: the same word-form FTS5 MATCH on search_forms, ORDER BY bm25, LIMIT 50)
  open record  select a record in a 2,000-case vault until its text is in the view    <= 50 ms
               (raw: SELECT of the head revision's body by id)
  first screen unlock of a 10k-case vault to the first screen, after key derivation     <= 300 ms
               (raw: Vault.open alone, which is the key derivation and the schema check)
  UI stall     longest gap of a 5 ms UI-thread timer during demo creation, attach,      <= 100 ms
               search, import (load) and verify (raw: the same probe on an idle loop)
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PASS = "copper lantern steppe violin"
KDF = 2000  # the benchmark measures what comes after the key derivation; keep that part small
WORDS_KK = "қамау қамауда қамауға кезінде мені ұрды тергеуші тергеушіге бөлме суық болды адвокат берілмеді түнде жауап алды".split()
WORDS_RU = ("меня били избиение избиения избили в кабинете следователь угрожал семье надели пакет на голову "
            "удушение удушением не давали спать").split()


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(p * len(xs))) - 1))] * 1000


def row(name: str, ours: str, raw: str, bar: str) -> None:
    print(f"{name:<13}| Monitor {ours:<34}| raw {raw:<30}| bar {bar}")


# --- cold start ----------------------------------------------------------------------------------

RAW_DIALOG = ("import sys; from PySide6.QtCore import QTimer; from PySide6.QtWidgets import QApplication, QDialog; "
              "app = QApplication(sys.argv[:1]); d = QDialog(); d.show(); QTimer.singleShot(0, app.quit); app.exec()")


def bench_cold_start(tmp: Path, runs: int) -> None:
    env = dict(os.environ, MONITOR_EXIT_WHEN_SHOWN="1", MONITOR_SETTINGS=str(tmp / "settings.json"),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    ours, raw = [], []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "monitor", "--vault", str(tmp / "cold.vault")], env=env, check=True,
                       capture_output=True, cwd=ROOT)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", RAW_DIALOG], env=env, check=True, capture_output=True)
        raw.append(time.perf_counter() - t)
    row("cold start", f"median {statistics.median(ours):.2f} s, max {max(ours):.2f} s",
        f"median {statistics.median(raw):.2f} s", "<= 1.0 s")


# --- search --------------------------------------------------------------------------------------

def build_testimonies(path: Path, n: int):
    from monitor.core.store.vault import Vault

    rng = random.Random(5)
    vault = Vault.create(path, PASS, kdf_iter=KDF)
    person = str(uuid.UUID(int=1, version=4))
    vault.put({"id": person, "type": "person", "code": "P-2026-0001"})
    consent = {k: True for k in ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                                 "anonymised_reports", "publication_with_name")}
    syllables = "ка ра ма та са ба ла на жа қа ға ұл өр ін ек ов ев ин ск ко ли ни ды зы".split()
    vocabulary = WORDS_KK + WORDS_RU + ["".join(rng.choices(syllables, k=3)) for _ in range(30_000)]
    cumulative, total = [], 0.0
    for rank in range(1, len(vocabulary) + 1):  # Zipf-like: a few words everywhere, most rare
        total += 1.0 / rank
        cumulative.append(total)
    batch = []
    t = time.perf_counter()
    for _ in range(n):
        words = rng.choices(vocabulary, cum_weights=cumulative, k=80)
        batch.append({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "type": "interview",
                      "person_id": person, "interviewers": ["bench"], "date": "2026-01-01T10:00:00Z",
                      "private": True, "narrative": " ".join(words), "reprisal_risk": "low", "consent": consent})
        if len(batch) == 5000:
            vault.put_many(batch)
            batch.clear()
    if batch:
        vault.put_many(batch)
    return vault, vocabulary, time.perf_counter() - t


def bench_search(tmp: Path, n: int, reuse: Path | None = None) -> None:
    from monitor.core.search import index as core_search

    if reuse is not None and reuse.exists():  # a corpus built by an earlier run (--search-vault)
        from monitor.core.store.vault import Vault

        vault, load_s = Vault.open(reuse, PASS, kdf_iter=KDF), 0.0
        rng = random.Random(5)
        syllables = "ка ра ма та са ба ла на жа қа ға ұл өр ін ек ов ев ин ск ко ли ни ды зы".split()
        vocabulary = WORDS_KK + WORDS_RU + ["".join(rng.choices(syllables, k=3)) for _ in range(30_000)]
        n = vault.counts().get("interview", 0)
    else:
        vault, vocabulary, load_s = build_testimonies(reuse or tmp / "search.vault", n)
    queries = ["қамауда", "ҚАМАУҒА адвокат", "пакет голову", "тергеушіге", "избиения", "удушением",
               vocabulary[400], vocabulary[5000], "суық бөлме", "семье", "кабинете", "следователь угрожал",
               "меня", "били"]
    ours, raw = [], []
    for _ in range(5):
        for q in queries:
            t = time.perf_counter()
            vault.search_page(q, limit=50, marks=("«", "»"))
            ours.append(time.perf_counter() - t)
            fts = core_search.forms_query(core_search.parse(q))  # the same FTS query, run raw
            t = time.perf_counter()
            vault.conn.execute("SELECT rowid FROM search_forms WHERE search_forms MATCH ? "
                               "ORDER BY bm25(search_forms, 4.0, 1.0) LIMIT 50", (fts,)).fetchall()
            raw.append(time.perf_counter() - t)
    common = vault.search_page("меня", limit=1)
    vault.close()
    row("search", f"p95 {pct(ours, .95):5.1f} ms, median {pct(ours, .5):5.1f} ms",
        f"p95 {pct(raw, .95):5.1f} ms, median {pct(raw, .5):5.1f} ms", "p95 <= 50 ms, median <= 15 ms")
    print(f"{'':<13}  ({n:,} testimonies loaded in {load_s:.0f} s incl. word forms; 'меня' matches "
          f"{common.total:,}: ranked among the most recent only = {common.recent_only}; raw runs the same word-form query)")


# --- open a record, first screen -----------------------------------------------------------------

def demo_vault(path: Path, cases: int):
    from monitor.core.demo.create import create_demo_vault

    t = time.perf_counter()
    create_demo_vault(path, PASS, cases=cases, seed=3, kdf_iter=KDF)
    return time.perf_counter() - t


def bench_open_record(tmp: Path, cases: int) -> None:
    from PySide6.QtWidgets import QApplication

    from monitor.core.store.vault import Vault
    from monitor.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    path = tmp / "records.vault"
    demo_vault(path, cases)
    vault = Vault.open(path, PASS, kdf_iter=KDF)
    window = MainWindow(vault)
    window.show()
    app.processEvents()
    ids = [r["id"] for r in window.cases_model.rows[:40]]
    ours, raw = [], []
    for i, record_id in enumerate(ids):
        t = time.perf_counter()
        window.table.selectRow(i)
        app.processEvents()
        assert window.detail.toPlainText()
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        vault.conn.execute("SELECT v.body FROM records r JOIN revisions v ON v.rev = r.head WHERE r.id = ?",
                           (record_id,)).fetchone()
        raw.append(time.perf_counter() - t)
    window.close()
    vault.close()
    row("open record", f"median {pct(ours, .5):5.1f} ms, p95 {pct(ours, .95):5.1f} ms ({cases:,} cases)",
        f"median {pct(raw, .5):5.2f} ms", "<= 50 ms")


def bench_first_screen(tmp: Path, cases: int) -> None:
    from PySide6.QtWidgets import QApplication

    from monitor.core.store.vault import Vault
    from monitor.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    path = tmp / "first.vault"
    made = demo_vault(path, cases)
    ours, raw = [], []
    for _ in range(5):
        t = time.perf_counter()
        vault = Vault.open(path, PASS, kdf_iter=KDF)
        opened = time.perf_counter()
        window = MainWindow(vault)
        window.show()
        app.processEvents()
        ours.append(time.perf_counter() - opened)
        raw.append(opened - t)
        window.close()
        window.deleteLater()
        vault.close()
        app.processEvents()
    row("first screen", f"median {pct(ours, .5):5.1f} ms after unlock ({cases:,} cases)",
        f"Vault.open {pct(raw, .5):5.1f} ms", "<= 300 ms")
    print(f"{'':<13}  (demo vault of {cases:,} cases made in {made:.0f} s)")


# --- UI-thread stall probe -----------------------------------------------------------------------

class Probe:
    """A 5 ms timer on the UI thread; the longest gap between its ticks is the longest stall.

    With ``why`` set, a sampling thread looks every 10 ms: while the UI thread has not ticked for
    40 ms it records what every thread is running, so the longest gaps can be explained."""

    def __init__(self, why: bool = False):
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self.tick)
        self.why = why
        self.samples: dict = {}

    def tick(self):
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def _sample(self, stop, ui_ident: int) -> None:
        import threading
        import traceback

        me = threading.get_ident()
        while not stop.is_set():
            time.sleep(0.01)
            if time.perf_counter() - self.last < 0.04:
                continue
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                                   for f in reversed(traceback.extract_stack(frame)[-4:]))
                key = ("UI " if ident == ui_ident else "other ") + where
                self.samples[key] = self.samples.get(key, 0) + 1

    def start(self):
        import threading

        self.gaps, self.last, self.samples = [], time.perf_counter(), {}
        self.timer.start()
        self._stop = threading.Event()
        if self.why:
            threading.Thread(target=self._sample, args=(self._stop, threading.get_ident()), daemon=True).start()

    def stop(self, name: str) -> float:
        self.timer.stop()
        self._stop.set()
        if self.why and self.samples:
            print(f"  {name}: where the threads were while the UI thread had not ticked for 40 ms (10 ms samples)")
            for key, n in sorted(self.samples.items(), key=lambda kv: -kv[1])[:8]:
                print(f"    {n:4d}  {key}")
        return max(self.gaps or [0]) * 1000

    def run(self, app, until, timeout: float = 600, name: str = "") -> float:
        self.start()
        end = time.perf_counter() + timeout
        while not until() and time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)
        return self.stop(name)


def bench_stalls(tmp: Path, cases: int, why: bool = False, rounds: int = 1) -> None:
    """Every activity ``rounds`` times; per activity the longest gap over the rounds and its median.

    Two raw baselines in the same run: the probe on an idle loop, and the probe while a plain
    Python thread spins (what any worker thread costs the UI thread through the GIL, here and now)."""
    import threading

    from PySide6.QtWidgets import QApplication

    from monitor.gui import worker as workers
    from monitor.gui.dialogs.unlock import UnlockDialog
    from monitor.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    if os.environ.get("BENCH_SWITCH"):
        sys.setswitchinterval(float(os.environ["BENCH_SWITCH"]))
    probe = Probe(why)
    results: dict[str, list[float]] = {}
    idle, spin, search_cpu, raw_table = [], [], [], []

    def on_worker(name, func):
        done = {}
        worker = workers.Worker(func)
        worker.outcome.connect(lambda w, r, e: done.setdefault("x", (r, e)))
        holder = QObjectHolder()
        _KEEP.append(holder)  # the thread's parent must outlive the thread
        thread = workers.start(worker, holder.obj)
        stall = probe.run(app, lambda: "x" in done, name=name)
        thread.wait()
        if done["x"][1] is not None:
            raise done["x"][1]
        results.setdefault(name, []).append(stall)

    def spinning(stop):
        n = 0
        while not stop.is_set():
            for i in range(1000):
                n += i * i % 7

    big = tmp / "photo.bin"
    big.write_bytes(os.urandom(64 * 1024 * 1024))
    lines = tmp / "load.jsonl"
    for r in range(rounds):
        idle_end = time.perf_counter() + 1.0
        idle.append(probe.run(app, lambda end=idle_end: time.perf_counter() > end))
        stop = threading.Event()
        spinner = threading.Thread(target=spinning, args=(stop,))
        spinner.start()
        spin_end = time.perf_counter() + 2.0
        spin.append(probe.run(app, lambda end=spin_end: time.perf_counter() > end))
        stop.set()
        spinner.join()

        dialog = UnlockDialog(tmp / f"stall-demo-{r}.vault", kdf_iter=KDF)
        dialog.show()
        dialog.passphrase.setText(PASS)
        dialog.confirm.setText(PASS)
        dialog.demo_button.click()
        results.setdefault("demo creation", []).append(probe.run(app, lambda d=dialog: not d.busy, name="demo creation"))
        vault = dialog.vault
        dialog.close()

        on_worker("attach 64 MiB", lambda progress, cancel, v=vault: v.add_attachment(big, progress=progress, cancel=cancel))
        window = MainWindow(vault)
        window.show()
        app.processEvents()
        window.search_box.setText("избиения")
        probe.start()
        cpu = time.thread_time()
        window.run_search()
        app.processEvents()
        search_cpu.append((time.thread_time() - cpu) * 1000)
        results.setdefault("search", []).append(probe.stop("search"))
        raw_table.append(_raw_table(app, probe, window))
        with lines.open("w", encoding="utf-8") as out:
            for i in range(5000):
                out.write(json.dumps({"id": str(uuid.UUID(int=10_000 + 5000 * r + i, version=4)), "type": "facility",
                                      "name": f"ИВС {i}", "type_key": "ivs", "notes": "қамауда избиение"},
                                     ensure_ascii=False) + "\n")
        from monitor.core.io.loader import load_file

        on_worker("import 5k records", lambda progress, cancel, v=vault: load_file(v, lines, progress=progress))
        on_worker("verify", lambda progress, cancel, v=vault: v.verify(progress=progress, cancel=cancel))
        window.close()
        vault.close()
    worst = max(max(v) for v in results.values())
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    row("UI stall", f"longest {worst:5.0f} ms over {rounds} round(s)",
        f"idle loop {max(idle):4.0f} ms, Python thread {max(spin):4.0f} ms", "<= 100 ms")
    for name, gaps in results.items():
        extra = (f" (UI thread CPU {statistics.median(search_cpu):.0f} ms; raw: the same rows put into a plain "
                 f"QStandardItemModel table, columns fitted and painted, longest {max(r[0] for r in raw_table):.0f} ms, "
                 f"CPU {statistics.median(r[1] for r in raw_table):.0f} ms)") if name == "search" else ""
        print(f"{'':<13}  {name:<18} longest {max(gaps):5.0f} ms, median {statistics.median(gaps):5.0f} ms{extra}")
    print(f"{'':<13}  raw: idle loop longest {max(idle):.0f} ms; a spinning Python thread longest {max(spin):.0f} ms, "
          f"median {statistics.median(spin):.0f} ms; switch interval {sys.getswitchinterval() * 1000:.0f} ms; "
          f"load average {load}")


def _raw_table(app, probe: Probe, window) -> tuple[float, float]:
    """The raw side of a search's stall: the rows the window shows, put into a plain Qt table of the
    same size (QStandardItemModel), its columns fitted to their contents and painted."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    source = window.results_model
    rows = [[str(r.get(key, "")) for key, _ in source.columns] for r in source.rows]
    view = QTableView()
    view.resize(window.size())
    view.show()
    app.processEvents()
    probe.start()
    cpu = time.thread_time()
    model = QStandardItemModel(len(rows), len(source.columns))
    model.setHorizontalHeaderLabels([header for _, header in source.columns])
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            model.setItem(i, j, QStandardItem(text))
    view.setModel(model)
    view.resizeColumnsToContents()
    app.processEvents()
    cpu = (time.thread_time() - cpu) * 1000
    stall = probe.stop("raw table")
    view.close()
    return stall, cpu


_KEEP: list = []


class QObjectHolder:
    def __init__(self):
        from PySide6.QtCore import QObject

        self.obj = QObject()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--only", choices=["cold", "search", "open", "first", "stall"], action="append")
    parser.add_argument("--rounds", type=int, default=1, help="stall: repeat every activity this many times")
    parser.add_argument("--why", action="store_true", help="stall: sample what the threads run during long gaps")
    parser.add_argument("--search-vault", type=Path, help="keep (or reuse) the 100k-testimony vault at this path")
    args = parser.parse_args()
    only = set(args.only or ["cold", "search", "open", "first", "stall"])
    with tempfile.TemporaryDirectory(prefix="monitor-bench-ui-") as tmp:  # synthetic data only
        tmp = Path(tmp)
        if "cold" in only:
            bench_cold_start(tmp, 3 if args.quick else 7)
        if "search" in only:
            bench_search(tmp, 5_000 if args.quick else 100_000, args.search_vault)
        if "open" in only:
            bench_open_record(tmp, 200 if args.quick else 2_000)
        if "first" in only:
            bench_first_screen(tmp, 500 if args.quick else 10_000)
        if "stall" in only:
            bench_stalls(tmp, 50, args.why, args.rounds)


if __name__ == "__main__":
    main()
