"""SQLCipher's memory security on and off, and the cost of a rekey. Not part of the test suite:

    .venv/bin/python tests/benchmarks/bench_keys.py memsec [--rounds 3]
    .venv/bin/python tests/benchmarks/bench_keys.py rekey --gigabytes 1

``memsec``: a merge of 1,000 revisions (through the gate) and ``put_many`` of 5,000 records, each
in a fresh child process (the setting is process-wide and cannot be turned off once on), ON and
OFF interleaved, CPU and wall seconds. ``rekey``: builds a vault of about N GiB (attachments, which
live in the database) and times ``Vault.rekey`` with its peak RSS (ru_maxrss of a child process).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASS = "copper lantern steppe violin"
NEW = "granite willow harbour seventeen"


def _child_memsec(setting: str, work: str, tmp: str) -> None:
    import random
    import uuid

    sys.path.insert(0, str(ROOT / "tests"))
    from monitor.core import db

    db.MEMORY_SECURITY = setting == "on"
    from monitor.core.history.revisions import REVISION_COLUMNS, Revision
    from monitor.core.keys.keyslot import TEST_COST
    from monitor.core.store.vault import Vault

    words = ["қамау", "кезінде", "мені", "ұрды", "тергеуші", "меня", "били", "в", "кабинете", "следователь",
             "угрожал", "семье"]
    n = 1000 if work == "merge" else 5000
    records = [{"id": str(uuid.uuid4()), "type": "facility", "name": f"ИВС № {i}", "type_key": "ivs",
                "notes": " ".join(random.Random(i).choices(words, k=40))} for i in range(n)]
    tmp = Path(tmp)
    if work == "put_many":
        with Vault.create(tmp / "v.vault", PASS, kdf=TEST_COST) as v:
            c0, t0 = time.process_time(), time.perf_counter()
            v.put_many(records)
            cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    else:
        with Vault.create(tmp / "source.vault", PASS, kdf=TEST_COST) as source:
            source.put_many(records)
            with source.reading() as conn:
                received = [Revision.from_row(r) for r in conn.execute(f"SELECT {REVISION_COLUMNS} FROM revisions ORDER BY seq")]
        with Vault.create(tmp / "receiver.vault", PASS, kdf=TEST_COST) as receiver:
            c0, t0 = time.process_time(), time.perf_counter()
            receiver.insert_revisions(received)
            cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    print(json.dumps({"setting": setting, "work": work, "cpu": round(cpu, 2), "wall": round(wall, 2)}))


def memsec(rounds: int) -> None:
    results: dict[tuple[str, str], list] = {}
    for _ in range(rounds):
        for work in ("merge", "put_many"):
            for setting in ("on", "off"):
                with tempfile.TemporaryDirectory() as tmp:
                    out = subprocess.run([sys.executable, __file__, "_memsec", setting, work, tmp],
                                         capture_output=True, text=True, check=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                results.setdefault((work, setting), []).append((r["cpu"], r["wall"]))
                print(r, flush=True)
    for (work, setting), xs in sorted(results.items()):
        cpus, walls = [x[0] for x in xs], [x[1] for x in xs]
        print(f"{work:9} memory security {setting:3}: CPU {min(cpus):.2f}–{max(cpus):.2f} s, "
              f"wall {min(walls):.2f}–{max(walls):.2f} s")


def _child_rekey(path: str, setting: str, passphrase: str) -> None:
    import resource

    from monitor.core import db

    db.MEMORY_SECURITY = setting == "on"  # on as in the window's process, off as in the CLI
    from monitor.core.keys.keyslot import TEST_COST
    from monitor.core.store.vault import Vault

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    other = NEW if passphrase == PASS else PASS
    with Vault.open(path, passphrase) as v:
        t0, c0 = time.perf_counter(), time.process_time()
        v.rekey(other, kdf=TEST_COST)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"memory_security": setting, "wall": round(wall, 1), "cpu": round(cpu, 1), "peak_rss_mib": round(peak / 1024),
                      "rss_before_mib": round(before / 1024)}))


def rekey(gigabytes: float, directory: str | None, settings: list[str]) -> None:
    from monitor.core.keys.keyslot import TEST_COST
    from monitor.core.store.vault import Vault

    tmp = Path(tempfile.mkdtemp(dir=directory))
    path = tmp / "big.vault"
    chunk = 64 * 1024 * 1024
    with Vault.create(path, PASS, kdf=TEST_COST) as v:
        left = int(gigabytes * 1024 ** 3)
        while left > 0:
            size = min(chunk, left)
            import io
            v.store_blob(io.BytesIO(os.urandom(size)))
            left -= size
    size = path.stat().st_size
    for n, setting in enumerate(settings):
        passphrase = PASS if n % 2 == 0 else NEW
        out = subprocess.run([sys.executable, __file__, "_rekey", str(path), setting, passphrase],
                             capture_output=True, text=True, check=True)
        print(f"vault {size / 1024 ** 3:.2f} GiB:", out.stdout.strip(), flush=True)
    for p in tmp.iterdir():
        p.unlink()
    tmp.rmdir()


def main() -> None:
    if sys.argv[1] == "_memsec":
        return _child_memsec(*sys.argv[2:5])
    if sys.argv[1] == "_rekey":
        return _child_rekey(*sys.argv[2:5])
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("memsec", "rekey"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--dir")
    parser.add_argument("--memsec", action="append", choices=("on", "off"),
                        help="rekey runs, in order (default: off, on)")
    args = parser.parse_args()
    memsec(args.rounds) if args.what == "memsec" else rekey(args.gigabytes, args.dir, args.memsec or ["off", "on"])


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
