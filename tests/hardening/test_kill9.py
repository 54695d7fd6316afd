"""kill -9 at random points during load, attach, demo generation, passwd and passwd --rekey.

Each trial runs the real ``monitor`` command on a copy of a vault, kills it with SIGKILL at a random
moment within the time an uninterrupted run takes, and then checks: the vault opens (with the old
or, for passwd, the new passphrase), ``cipher_integrity_check``, ``integrity_check`` and ``verify``
pass, every record committed before is present, and the interrupted operation is all or nothing.
Quick: 2 trials per operation; long (``-m slow``): 50 per operation (200). ``passwd --rekey`` has its
own runs: 10 trials in the quick suite, 100 in the long one; after each, the vault opens with exactly
one of the two passphrases and no rekey leftovers remain. The vault has a coordinator recovery slot:
after every trial it must unwrap to the key the passphrase opens (a rekey carries it forward before its
commit point). Import and export join when sync lands.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF, data_key
from records import new_facility, uid

from monitor.core.errors import VaultNotFound, WrongPassphrase
from monitor.core.keys import keyslot, recovery
from monitor.core.keys.identity import DeviceIdentity
from monitor.core.store import recovery as vault_recovery
from monitor.core.store.vault import Vault
from monitor.core.sync import contacts

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process

NEW = "granite willow harbour seventeen"
LOAD_RECORDS = 1500
ATTACH_BYTES = 12 * 1024 * 1024
DEMO_CASES = 20


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A base vault with some records, the inputs, and how long each operation takes uninterrupted."""
    base = tmp_path_factory.mktemp("kill9")
    vault = base / "base.vault"
    coordinator = DeviceIdentity.generate()
    with Vault.create(vault, PASSPHRASE, kdf=TEST_KDF) as v:
        v.put_many([new_facility(uid(i), name=f"СИЗО {i}") for i in range(50)])
        # a coordinator recovery slot (issue 21 §1): every operation keeps it, a rekey carries it forward
        contacts.trust(v, contacts.own(coordinator, "Айгүл", "coordinator"))
        vault_recovery.add(v, contacts.find_in(v, "Айгүл"))
    jsonl = base / "load.jsonl"
    jsonl.write_text("".join(json.dumps(new_facility(uid(100_000 + i), name=f"ИВС № {i} Қостанай",
                                                     type_key="ivs", notes="ә" * 500), ensure_ascii=False) + "\n"
                             for i in range(LOAD_RECORDS)), encoding="utf-8")
    video = base / "video.bin"
    video.write_bytes(os.urandom(ATTACH_BYTES))
    (base / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (base / "new").write_text(NEW + "\n", encoding="utf-8")
    world = {"base": base, "vault": vault, "jsonl": jsonl, "video": video, "durations": {},
             "recovery_identity": recovery.load_identity(coordinator.age_identity)}
    started = time.monotonic()  # the interpreter and imports: kills before this hit nothing
    subprocess.run([sys.executable, "-c", "import monitor.cli, monitor.core.store.vault"], check=True)
    world["startup"] = time.monotonic() - started
    for op in (*OPERATIONS, "rekey"):
        trial = base / f"calibrate-{op}"
        trial.mkdir()
        started = time.monotonic()
        proc = _start(world, op, trial)
        assert proc.wait(timeout=600) == 0, proc.stderr.read()
        world["durations"][op] = time.monotonic() - started
    return world


OPERATIONS = ("load", "attach", "demo", "passwd")


def _start(world, op: str, trial: Path) -> subprocess.Popen:
    base = world["base"]
    target = trial / "v.vault"
    if op != "demo":
        shutil.copyfile(world["vault"], target)
        shutil.copyfile(str(world["vault"]) + ".keyslot", str(target) + ".keyslot")
    args = {
        "load": ["load", str(world["jsonl"])],
        "attach": ["attach", str(world["video"]), "--to", uid(1)],
        "demo": ["demo", "--cases", str(DEMO_CASES), "--seed", "4"],
        "passwd": ["passwd", "--new-passphrase-file", str(base / "new")],
        "rekey": ["passwd", "--rekey", "--new-passphrase-file", str(base / "new")],
    }[op]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["MONITOR_PASSPHRASE_FILE"] = str(base / "pass")
    return subprocess.Popen([sys.executable, "-m", "monitor", *args, "--vault", str(target)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)


def _open_any(path: Path, exactly_one: bool = False) -> tuple[Vault, str] | None:
    """The vault opened with the old or the new passphrase. ``exactly_one`` (rekey): and the other
    one must not open it (a plain passwd killed between writing the new slot and clearing the old
    one leaves both working, by design: there is never a moment with no slot)."""
    for passphrase in (PASSPHRASE, NEW):
        try:
            vault = Vault.open(path, passphrase)
        except WrongPassphrase:
            continue
        except VaultNotFound:
            return None
        if not exactly_one:
            return vault, passphrase
        other = NEW if passphrase == PASSPHRASE else PASSPHRASE
        try:  # exactly one of the two opens it
            Vault.open(path, other).close()
        except WrongPassphrase:
            return vault, passphrase
        vault.close()
        raise AssertionError("the vault opens with both the old and the new passphrase")
    raise AssertionError("the vault opens with neither the old nor the new passphrase")


def check_trial(world, op: str, trial: Path) -> str:
    """The vault after the kill; returns 'done' or 'not done' (anything in between fails)."""
    path = trial / "v.vault"
    opened = _open_any(path, exactly_one=op == "rekey")
    if opened is None:
        assert op == "demo", "the vault disappeared"
        leftovers = [p.name for p in trial.iterdir() if not p.name.startswith(".v.vault.creating-")]
        assert leftovers == [], leftovers  # no half-made vault under the real name
        return "not done"
    vault, passphrase = opened
    with vault:
        conn = vault.conn
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        report = vault.verify()
        assert report.ok, report.problems
        counts = vault.counts()
        if op == "demo":
            return "done"  # it opened complete (creation renames a finished file into place)
        # the recovery slot opens exactly what the passphrase opens: the old key, or the new one after a rekey
        key, _index = recovery.unwrap(keyslot.read(path), world["recovery_identity"])
        assert bytes(key) == bytes(data_key(path, passphrase)), "the recovery slot wraps another key"
        for i in range(50):  # every record committed before the operation
            assert vault.get(uid(i))["name"] == f"СИЗО {i}"
        if op == "load":
            assert counts["facility"] in (50, 50 + LOAD_RECORDS), counts
            return "done" if counts["facility"] == 50 + LOAD_RECORDS else "not done"
        if op == "attach":
            assert counts.get("attachment", 0) in (0, 1)
            blobs = vault.summary()["attachments"]
            assert blobs["blobs"] == counts.get("attachment", 0)
            return "done" if counts.get("attachment") else "not done"
        if op == "rekey":
            leftovers = sorted(p.name for p in trial.iterdir() if p.name not in ("v.vault", "v.vault.keyslot")
                               and not p.name.endswith(("-wal", "-shm")))
            assert leftovers == [], leftovers  # the open finished or undid the rekey
            rekeyed = any(e["action"] == "vault-rekeyed" for e in _audit(vault))
            assert rekeyed == (passphrase == NEW)  # the new passphrase only ever comes with the new key
        return "done" if passphrase == NEW else "not done"


def _audit(vault: Vault) -> list[dict]:
    with vault.reading() as conn:
        return [{"action": row[0]} for row in conn.execute("SELECT action FROM audit")]


def run_trials(world, tmp_path, per_op: int, seed: int, totals, suite: str,
               operations: tuple[str, ...] = OPERATIONS) -> None:
    rng = random.Random(seed)
    results: dict[str, int] = {}
    for op in operations:
        for n in range(per_op):
            trial = tmp_path / f"{op}-{n}"
            trial.mkdir()
            proc = _start(world, op, trial)
            time.sleep(rng.uniform(world["startup"] * 0.9, world["durations"][op] * 1.05))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            state = check_trial(world, op, trial)
            key = f"{op}_{state.replace(' ', '_')}"
            results[key] = results.get(key, 0) + 1
            shutil.rmtree(trial)
    totals(suite, trials=per_op * len(operations), **dict(sorted(results.items())))


def test_kill_9_quick(world, tmp_path, totals):
    run_trials(world, tmp_path, per_op=2, seed=1, totals=totals, suite="kill -9")


@pytest.mark.slow
def test_kill_9_long(world, tmp_path, totals):
    run_trials(world, tmp_path, per_op=50, seed=2026, totals=totals, suite="kill -9 (long)")


def test_kill_9_rekey_quick(world, tmp_path, totals):
    run_trials(world, tmp_path, per_op=10, seed=17, totals=totals, suite="kill -9 rekey", operations=("rekey",))


@pytest.mark.slow
def test_kill_9_rekey_long(world, tmp_path, totals):
    run_trials(world, tmp_path, per_op=100, seed=2017, totals=totals, suite="kill -9 rekey (long)",
               operations=("rekey",))
