"""After a lock, the window's process holds no copy of the data key (issue 17 §4, issue 20 §1).

A child process runs the real window (offscreen Qt): it types the passphrase into the unlock
dialog one key press at a time, opens a testimony (an interview whose narrative holds the
sentinel), shows it, then locks with the window's own Lock action (Ctrl+L) and waits. The parent
then reads the child's whole writable memory through ``/proc/PID/maps`` and ``/proc/PID/mem`` and
counts copies of the data key (raw, hex in lower and upper case, as ASCII and UTF-16), the
passphrase (UTF-8 and UTF-16) and the sentinel (UTF-8 and UTF-16). The needles live only in the
parent, so the scan does not count itself.

The default run asserts 0 copies of the data key with SQLCipher's memory security on (the
shipped setting). ``-m slow -s`` prints the counts with it on and off, for docs/desktop.md.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
INTERVIEW_ID = "00000000-0000-4000-8000-000000000007"  # records.uid(7) in full_set

pytestmark = [pytest.mark.process,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/PID/mem")]


# --- the child: the real window ---------------------------------------------------------------

def child(vault_path: str, memory_security: str) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(TESTS))
    import gc
    import time

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

    from monitor.core import db
    from monitor.gui.app import Session

    def wait_until(predicate, timeout_s=60):
        deadline = time.monotonic() + timeout_s
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not get there in time")
            QApplication.processEvents()
            time.sleep(0.005)

    app = QApplication([sys.argv[0]])
    app.setOrganizationName("MonitorScan")
    session = Session(Path(vault_path), lang="ru")  # turns memory security on for this process
    db.MEMORY_SECURITY = memory_security == "on"  # the comparison: what it removes
    dialog = session.start()
    box = dialog.findChild(QLineEdit, "passphrase")
    # The passphrase arrives on stdin as bytes and is typed one key at a time, as a person would:
    # no whole copy of it exists in this process except what the window itself makes.
    secret = bytearray(sys.stdin.buffer.readline().rstrip(b"\n"))
    for byte in secret:
        QTest.keyClick(box, chr(byte))
    secret[:] = bytes(len(secret))
    dialog.findChild(QPushButton, "unlock").click()
    wait_until(lambda: session.window is not None)
    window = session.window
    window.resize(1200, 800)
    window.show()
    window.open_record(INTERVIEW_ID)
    for _ in range(50):
        QApplication.processEvents()
    shown = window.page.narrative.toPlainText() if hasattr(window.page, "narrative") else ""
    print(json.dumps({"stage": "open", "shown": len(shown)}), flush=True)
    sys.stdin.buffer.readline()  # the parent scans the unlocked window (the scan's own check)
    window.lock_action.trigger()  # Ctrl+L
    wait_until(lambda: session.vault is None and session.window is None)
    for _ in range(50):
        QApplication.processEvents()
    gc.collect()
    QTest.qWait(100)
    print(json.dumps({"stage": "locked"}), flush=True)
    sys.stdin.buffer.readline()  # the parent scans now, then lets us go
    session.shutdown()
    sys.stdout.flush()
    os._exit(0)  # skip the interpreter's teardown of Qt objects: the scan is over


# --- the parent: counting copies ----------------------------------------------------------------

def needles(data_key: bytes, passphrase: str, sentinel: str) -> dict[str, list[bytes]]:
    hex_lower = data_key.hex()
    hex_upper = hex_lower.upper()
    return {
        "data key": [data_key],
        "data key hex": [hex_lower.encode("ascii"), hex_upper.encode("ascii"),
                         hex_lower.encode("utf-16-le"), hex_upper.encode("utf-16-le")],
        "passphrase utf-8": [passphrase.encode("utf-8")],
        "passphrase utf-16": [passphrase.encode("utf-16-le")],
        "sentinel utf-8": [sentinel.encode("utf-8")],
        "sentinel utf-16": [sentinel.encode("utf-16-le")],
    }


def scan(pid: int, wanted: dict[str, list[bytes]]) -> tuple[dict[str, int], int]:
    """Copies of each needle in the writable, readable mappings of ``pid``; and bytes scanned."""
    counts = {name: 0 for name in wanted}
    patterns = {name: re.compile(b"|".join(re.escape(n) for n in group)) for name, group in wanted.items()}
    scanned = 0
    with open(f"/proc/{pid}/maps", encoding="ascii") as maps, open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            fields = line.split()
            start, end = (int(x, 16) for x in fields[0].split("-"))
            perms = fields[1]
            if not perms.startswith("rw") or (len(fields) > 5 and fields[5] in ("[vvar]", "[vsyscall]")):
                continue
            try:
                mem.seek(start)
                chunk = mem.read(end - start)
            except OSError:
                continue
            scanned += len(chunk)
            for name, pattern in patterns.items():
                counts[name] += sum(1 for _ in pattern.finditer(chunk))
    return counts, scanned


def run_scan(tmp_path: Path, memory_security: str) -> dict:
    sys.path.insert(0, str(TESTS))
    from conftest import PASSPHRASE, TEST_KDF, data_key, put_full_set
    from records import SECRET

    from monitor.core.store.vault import Vault

    vault = tmp_path / "scan.vault"
    with Vault.create(vault, PASSPHRASE, kdf=TEST_KDF) as v:
        put_full_set(v)
    key = bytes(data_key(vault))
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, __file__, str(vault), memory_security], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.stdin.write(PASSPHRASE.encode("utf-8") + b"\n")
        proc.stdin.flush()
        wanted = needles(key, PASSPHRASE, SECRET)
        results = {}
        for stage in ("open", "locked"):
            line = proc.stdout.readline()
            assert line, proc.stderr.read().decode("utf-8", "replace")[-3000:]
            state = json.loads(line)
            assert state["stage"] == stage, state
            if stage == "open":
                assert state["shown"] > 0, state  # the testimony was on screen before the lock
            results[stage], scanned = scan(proc.pid, wanted)
            proc.stdin.write(b"\n")
            proc.stdin.flush()
        assert proc.wait(timeout=60) == 0, proc.stderr.read().decode("utf-8", "replace")[-3000:]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return {"memory_security": memory_security, "scanned_mib": round(scanned / 2**20, 1),
            "open": results["open"], "locked": results["locked"]}


def test_no_copy_of_the_data_key_after_lock(tmp_path, capsys):
    result = run_scan(tmp_path, "on")
    with capsys.disabled():
        print(f"\nmemory scan after lock: {result}")
    assert result["scanned_mib"] > 10  # the scan really read the process
    # It sees what is there: while unlocked, the key (our bytearray, SQLCipher's copies) and the text.
    assert result["open"]["data key"] >= 1 and result["open"]["sentinel utf-16"] >= 1, result
    # The key never existed as hex text (the PRAGMA key string the issue found), not even unlocked.
    assert result["open"]["data key hex"] == 0, result
    assert result["locked"]["data key"] == 0 and result["locked"]["data key hex"] == 0, result


@pytest.mark.slow
def test_memory_scan_with_memory_security_on_and_off(tmp_path, capsys):
    """The figures for docs/desktop.md: the same window, SQLCipher's memory security on and off."""
    results = []
    for n, setting in enumerate(("on", "off", "on", "off")):
        trial = tmp_path / f"{setting}-{n}"
        trial.mkdir()
        results.append(run_scan(trial, setting))
    with capsys.disabled():
        for result in results:
            print(f"\nmemory scan after lock: {result}")
    assert all(r["locked"]["data key"] + r["locked"]["data key hex"] == 0
               for r in results if r["memory_security"] == "on"), results


if __name__ == "__main__":
    sys.exit(child(sys.argv[1], sys.argv[2]))
