"""`dump` of many records of one type stays linear (issue 20 §6). Not part of the test suite:

    .venv/bin/python tests/benchmarks/bench_dump.py [--size 200000] [--dir /tmp/monitor-bench] [--old-upto 50000]

Builds one vault of facilities, growing it to 25k, 50k, 100k and ``--size`` records (kept in
``--dir`` and reused: a later run measures the full size only), and times at each size the dump
(keys sorted once, bodies read 2,000 at a time by key) against the pages by ``LIMIT 2000 OFFSET n``
it replaced (up to ``--old-upto`` records: that one grows with the square). Prints the time per
10,000 records, which stays flat when the dump is linear, and the load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from monitor.core.io.dump import dump_line, dump_records  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402

PASS = "copper lantern steppe violin"


def by_offset(vault: Vault, page: int = 2000):
    offset = 0
    while True:
        infos = list(vault.records("facility", order="created", limit=page, offset=offset))
        yield from (info.body for info in infos)
        if len(infos) < page:
            return
        offset += page


def measure(vault: Vault, size: int, old_upto: int) -> None:
    t = time.perf_counter()
    n = sum(len(dump_line(r)) > 0 for r in dump_records(vault, "facility"))
    new_s = time.perf_counter() - t
    assert n == size, (n, size)
    line = f"  {size:8,} facilities: dump by key {new_s:6.2f} s = {new_s / size * 10_000:5.3f} s per 10k"
    if size <= old_upto:
        t = time.perf_counter()
        m = sum(len(dump_line(r)) > 0 for r in by_offset(vault))
        old_s = time.perf_counter() - t
        assert m == size
        line += f" | by OFFSET {old_s:6.2f} s = {old_s / size * 10_000:5.3f} s per 10k | ratio {old_s / new_s:.1f}"
    print(line + f" | load {os.getloadavg()[0]:.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--dir", default="/tmp/monitor-bench")
    parser.add_argument("--old-upto", type=int, default=50_000)
    args = parser.parse_args()
    path = Path(args.dir) / f"dump-{args.size}.vault"
    sizes = sorted({s for s in (25_000, 50_000, 100_000) if s < args.size} | {args.size})
    if path.exists():
        with Vault.open(path, PASS) as vault:
            measure(vault, args.size, args.old_upto)
        return
    building = path.with_suffix(".building")
    for p in building.parent.glob(building.name + "*"):
        p.unlink()
    vault = Vault.create(building, PASS)
    done = 0
    for size in sizes:
        while done < size:
            n = min(5000, size - done)
            vault.put_many([{"id": str(uuid.UUID(int=done + i + 1, version=4)), "type": "facility",
                             "name": f"ИВС № {done + i} Қызылорда", "type_key": "ivs",
                             "notes": "Камера на четверых, окно без стекла; тергеуші бөлмесі суық."}
                            for i in range(n)])
            done += n
        measure(vault, size, args.old_upto)
    vault.close()
    for p in sorted(building.parent.glob(building.name + "*")):
        p.rename(path.parent / p.name.replace(building.name, path.name))


if __name__ == "__main__":
    main()
