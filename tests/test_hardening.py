"""Crash safety and leak checks with real processes and real files."""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER, raw_connect, reopen
from records import SECRET, new_person

from monitor.core.store.vault import Vault

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process

WRITER = f"""
import sys, uuid
from monitor.core.store.vault import Vault
vault = Vault.open(sys.argv[1], {PASSPHRASE!r})  # the key file holds its (test) cost
i = 0
while True:
    batch = [{{"id": str(uuid.uuid4()), "type": "facility", "name": f"ИВС № {{i}}-{{j}} Қостанай",
               "type_key": "ivs", "notes": "ә" * 2000}} for j in range(20)]
    vault.put_many(batch)
    print(" ".join(r["id"] for r in batch), flush=True)  # acknowledged only after the commit
    i += 1
"""


FIRST_COMMIT_TIMEOUT = 120.0  # seconds: generous on a loaded machine, and still a bound for CI


def read_lines(stream) -> queue.Queue:
    """Read a child's output on a thread, so every wait for it can have a timeout (None marks EOF)."""
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def next_line(proc, lines: queue.Queue, timeout: float, stderr: Path | None = None) -> str:
    """The child's next line; fail the test (and kill the child) if none comes within ``timeout``."""
    try:
        line = lines.get(timeout=timeout)
    except queue.Empty:
        proc.kill()
        proc.wait()
        pytest.fail(f"the writer printed nothing within {timeout:.0f} s; it is stuck", pytrace=False)
    if line is None:
        proc.wait()
        detail = stderr.read_text(errors="replace")[-2000:] if stderr else ""
        pytest.fail(f"the writer exited with {proc.returncode} before its first commit: {detail}", pytrace=False)
    return line


def remaining_lines(proc, lines: queue.Queue, timeout: float) -> list[str]:
    """Every further line up to EOF, after the child has ended (bounded too)."""
    proc.wait(timeout=timeout)
    out = []
    while (line := lines.get(timeout=timeout)) is not None:
        out.append(line)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_loses_no_committed_record_and_never_corrupts(tmp_path, seed):
    path = tmp_path / "crash.vault"
    Vault.create(path, PASSPHRASE, kdf=TEST_KDF).close()
    rng = random.Random(seed)
    acknowledged: set[str] = set()
    for run in range(3):
        stderr = tmp_path / f"writer-{run}.err"
        with stderr.open("w") as err:
            proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                                    stderr=err, text=True)
        try:
            lines = read_lines(proc.stdout)
            first = next_line(proc, lines, FIRST_COMMIT_TIMEOUT, stderr)  # it is really writing
            time.sleep(rng.random() * 0.8)
            os.kill(proc.pid, signal.SIGKILL)
            rest = remaining_lines(proc, lines, 30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        for line in [first, *rest]:
            if line.count(" ") == 19:  # a complete acknowledgement line
                acknowledged.update(line.split())
        with reopen(path) as vault:
            report = vault.verify()
            assert report.ok, report.problems
            stored = {r.id for r in vault.records("facility")}
            assert acknowledged <= stored
            assert len(stored) % 20 == 0  # batches are all or nothing
    assert acknowledged, "the writer never committed; the test proved nothing"


@pytest.mark.parametrize("child", ["import time; time.sleep(600)", "import sys; sys.exit(3)"],
                         ids=["stuck", "dead"])
def test_a_stuck_or_dead_writer_fails_the_kill_test_in_bounded_time(child):
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    started = time.monotonic()
    try:
        with pytest.raises(pytest.fail.Exception, match="stuck|exited with 3"):
            next_line(proc, read_lines(proc.stdout), timeout=2)
        assert time.monotonic() - started < 30
        assert proc.poll() is not None  # the stuck child was killed, not left behind
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_session_leaves_the_sentinel_nowhere_outside_the_vault(tmp_path):
    """init, load, search, verify, passwd: afterwards no file but the vault may hold the sentinel."""
    import json

    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "config"), TMPDIR=str(scratch))
    secrets_dir = tmp_path / "secrets"
    secrets_dir.mkdir()
    passfile = secrets_dir / "pass"
    passfile.write_text(PASSPHRASE)
    env["MONITOR_PASSPHRASE_FILE"] = str(passfile)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    source = inbox / "people.jsonl"
    source.write_text(json.dumps(new_person("00000000-0000-4000-8000-000000000001",
                                            identity={"name_cyrillic": SECRET}),
                                 ensure_ascii=False) + "\n", encoding="utf-8")

    def monitor(*args):
        result = subprocess.run([sys.executable, "-m", "monitor", *args], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result

    monitor("init")
    monitor("load", str(source))
    source.unlink()  # the user's own plaintext input is theirs; we look for copies Monitor made
    assert "P-2026-0001" in monitor("search", SECRET.split("-")[1]).stdout  # the session really used it
    monitor("verify")
    monitor("reindex")
    vaults = list(home.rglob("*.vault"))
    assert len(vaults) == 1
    needles = [SECRET.encode("utf-8"), SECRET.encode("utf-16-le"), SECRET.encode("utf-8").hex().encode()]
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != passfile:
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"sentinel found in {path.relative_to(tmp_path)}"
    assert list(scratch.iterdir()) == []  # nothing was written to the temp dir either
