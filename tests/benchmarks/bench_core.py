"""Benchmark harness for the vault core. Not part of the test suite; run explicitly:

    .venv/bin/python tests/benchmarks/bench_core.py [--quick]

Every figure is printed next to the raw library doing the same work in the same run, as a ratio,
because absolute timings on a shared machine mean little. Goals from DESIGN.md:
  * encrypted attachment ingest at >= 50% of raw sqlcipher3 blob-write throughput
  * full-text search p95 <= 50 ms over 100k testimonies
  * unlock (open) close to the key derivation itself
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlcipher3  # noqa: E402

from monitor.core.store import attachments  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402

PASS = "copper lantern steppe violin"
WORDS_KK = "қамау кезінде мені ұрды тергеуші бөлме суық болды адвокат берілмеді түнде жауап алды".split()
WORDS_RU = "меня били в кабинете следователь угрожал семье надели пакет на голову не давали спать".split()


class Pattern(io.RawIOBase):
    def __init__(self, size):
        self.left, self.block = size, hashlib.sha512(b"bench").digest() * 16384  # 1 MiB

    def readable(self):
        return True

    def readinto(self, buf):
        n = min(len(buf), self.left, len(self.block))
        buf[:n] = self.block[:n]
        self.left -= n
        return n


def raw_connection(path: Path):
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASS}'")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _raw_ingest(path: Path, size: int) -> float:
    raw = raw_connection(path)
    raw.execute("CREATE TABLE b (n INTEGER PRIMARY KEY, data BLOB)")
    t = time.perf_counter()
    raw.execute("BEGIN")
    stream, n = Pattern(size), 0
    while chunk := stream.read(attachments.CHUNK_SIZE):
        raw.execute("INSERT INTO b VALUES (?, ?)", (n, chunk))
        n += 1
    raw.execute("COMMIT")
    elapsed = time.perf_counter() - t
    raw.close()
    return elapsed


def _vault_ingest(path: Path, size: int) -> float:
    vault = Vault.create(path, PASS)
    t = time.perf_counter()
    vault.store_blob(io.BufferedReader(Pattern(size), buffer_size=attachments.CHUNK_SIZE))
    elapsed = time.perf_counter() - t
    vault.close()
    return elapsed


def bench_ingest(tmp: Path, megabytes: int) -> None:
    """Raw chunked blob writes vs Vault.store_blob (chunks + SHA-256 + dedup), alternated, best of 3."""
    size = megabytes * 2**20
    raw_s, ours_s = [], []
    for i in range(3):
        raw_s.append(_raw_ingest(tmp / f"raw{i}.db", size))
        ours_s.append(_vault_ingest(tmp / f"ingest{i}.vault", size))
    raw_rate, ours_rate = megabytes / min(raw_s), megabytes / min(ours_s)
    print(f"ingest {megabytes} MiB: raw sqlcipher3 {raw_rate:7.1f} MiB/s | Monitor (with SHA-256) {ours_rate:7.1f} MiB/s"
          f" | ratio {ours_rate / raw_rate:.2f} (goal >= 0.50)")


def bench_unlock(tmp: Path) -> None:
    """Unlock: the key file's Argon2id (production cost) against the PBKDF2 that SQLCipher ran before."""
    from monitor.core.keys import keyslot

    path = tmp / "unlock.vault"
    Vault.create(path, PASS).close()
    legacy = tmp / "legacy-pbkdf2.db"  # keyed by the passphrase, SQLCipher 4 defaults (as before key files)
    conn = sqlcipher3.connect(str(legacy))
    conn.execute(f"PRAGMA key = '{PASS}'")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    argon, pbkdf2, ours = [], [], []
    for _ in range(5):
        t = time.perf_counter()
        key, _slot = keyslot.read(path).unwrap(PASS)
        conn = sqlcipher3.connect(str(path))
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
        argon.append(time.perf_counter() - t)
        t = time.perf_counter()
        conn = sqlcipher3.connect(str(legacy))
        conn.execute(f"PRAGMA key = '{PASS}'")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
        pbkdf2.append(time.perf_counter() - t)
        t = time.perf_counter()
        Vault.open(path, PASS).close()
        ours.append(time.perf_counter() - t)
    argon_m, pbkdf2_m, ours_m = (statistics.median(x) for x in (argon, pbkdf2, ours))
    cost = keyslot.DEFAULT_COST
    print(f"unlock: Argon2id t={cost.time} m={cost.memory_kib // 1024} MiB p={cost.lanes} + unwrap + first read "
          f"{argon_m * 1000:6.1f} ms | old PBKDF2-SHA512 x256000 + first read {pbkdf2_m * 1000:6.1f} ms "
          f"({argon_m / pbkdf2_m:.1f}x, slower on purpose)")
    print(f"unlock: Vault.open+close {ours_m * 1000:6.1f} ms | overhead after the key derivation "
          f"{(ours_m - argon_m) * 1000:.1f} ms (goal: <= 300 ms)")


def bench_search(tmp: Path, testimonies: int) -> None:
    from monitor.core.search import index as core_search

    rng = random.Random(5)
    path = tmp / "search.vault"
    vault = Vault.create(path, PASS)
    person = str(uuid.UUID(int=1, version=4))
    vault.put({"id": person, "type": "person", "code": "P-2026-0001"})
    consent = {k: True for k in ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                                 "anonymised_reports", "publication_with_name")}
    # A Zipf-like vocabulary, as in real text: a few words are everywhere, most are rare.
    syllables = "ка ра ма та са ба ла на жа қа ға ұл өр ін ек ов ев ин ск ко ли ни ды зы".split()
    vocabulary = WORDS_KK + WORDS_RU + ["".join(rng.choices(syllables, k=3)) + str(i) for i in range(30_000)]
    cumulative, total = [], 0.0
    for rank in range(1, len(vocabulary) + 1):
        total += 1.0 / rank
        cumulative.append(total)
    t = time.perf_counter()
    batch = []
    for i in range(testimonies):
        words = rng.choices(vocabulary, cum_weights=cumulative, k=80)
        batch.append({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "type": "interview",
                      "person_id": person, "interviewers": ["bench"], "date": "2026-01-01T10:00:00Z",
                      "private": True, "narrative": " ".join(words), "reprisal_risk": "low", "consent": consent})
        if len(batch) == 5000:
            vault.put_many(batch)
            batch.clear()
    if batch:
        vault.put_many(batch)
    load_s = time.perf_counter() - t
    queries = ["қамау", "ҚАМАУ адвокат", "пакет голову", "тергеуші", vocabulary[400], vocabulary[5000],
               "суық бөлме", "семье", "кабинете", "следователь угрожал"]
    ours, raw = [], []
    for _ in range(10):
        for q in queries:
            t = time.perf_counter()
            vault.search(q, limit=50)
            ours.append(time.perf_counter() - t)
            fts = core_search.forms_query(core_search.parse(q))  # the same FTS query, run raw
            t = time.perf_counter()
            vault.conn.execute("SELECT rowid FROM search_forms WHERE search_forms MATCH ? "
                               "ORDER BY bm25(search_forms, 4.0, 1.0) LIMIT 50", (fts,)).fetchall()
            raw.append(time.perf_counter() - t)
    vault.close()

    def p95(xs):
        return sorted(xs)[int(len(xs) * 0.95) - 1] * 1000

    print(f"search over {testimonies:,} testimonies (loaded in {load_s:.0f} s): raw FTS5 p95 {p95(raw):6.1f} ms |"
          f" Monitor search with snippets p95 {p95(ours):6.1f} ms | ratio {p95(ours) / max(p95(raw), 1e-6):.2f}"
          f" (goal: p95 <= 50 ms)")


def bench_receive(tmp: Path, revisions: int) -> None:
    """Revisions from another device through the gate (the core of a bundle import) against the
    same records saved locally, and a replay of them (every one already stored)."""
    from monitor.core.history.revisions import REVISION_COLUMNS, Revision

    source = Vault.create(tmp / "source.vault", PASS, kdf_iter=2000)
    records = [{"id": str(uuid.uuid4()), "type": "facility", "name": f"ИВС № {i}", "type_key": "ivs",
                "notes": " ".join(random.Random(i).choices(WORDS_KK + WORDS_RU, k=40))} for i in range(revisions)]
    t = time.perf_counter()
    source.put_many(records)
    local_s = time.perf_counter() - t
    received = [Revision.from_row(r) for r in
                source.conn.execute(f"SELECT {REVISION_COLUMNS} FROM revisions ORDER BY seq")]
    source.close()
    with Vault.create(tmp / "receiver.vault", PASS, kdf_iter=2000) as receiver:
        t = time.perf_counter()
        receiver.insert_revisions(received)
        receive_s = time.perf_counter() - t
        t = time.perf_counter()
        receiver.insert_revisions(received)
        replay_s = time.perf_counter() - t
    print(f"receive {revisions:,} revisions: local save {local_s:5.2f} s | through the gate {receive_s:5.2f} s"
          f" | ratio {receive_s / local_s:.2f} | replay (all stored) {replay_s:5.2f} s")


def _file_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _compacted(path: Path) -> int:
    """The vault's size once checkpointed and vacuumed (free pages and the WAL gone)."""
    with Vault.open(path, PASS) as vault:
        vault.conn.execute("VACUUM")
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return _file_bytes(path)


def bench_size(tmp: Path, cases: int, *, parts: bool = True) -> None:
    """Vault bytes against ``monitor dump`` bytes at ``cases`` demo cases (issue 20 §4: goal <= 3x),
    and where the bytes go: each table (with its indexes) dropped in a copy, vacuumed, the difference.
    (The SQLCipher build has no dbstat virtual table to count pages directly.)"""
    import shutil

    from monitor.core.demo.create import create_demo_vault
    from monitor.core.io.dump import dump_line, dump_records

    path = tmp / "size.vault"
    t = time.perf_counter()
    from monitor.core.keys import keyslot

    create_demo_vault(path, PASS, cases=cases, seed=1, kdf=keyslot.TEST_COST)  # the size, not the unlock
    built = time.perf_counter() - t
    with Vault.open(path, PASS) as vault:
        dump = sum(len((dump_line(r) + "\n").encode("utf-8")) for r in dump_records(vault))
        records = vault.conn.execute("SELECT count(*) FROM records").fetchone()[0]
        tables = [r[0] for r in vault.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE 'search%' ORDER BY name")]
        fts = [r[0] for r in vault.conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
        indexes = [r[0] for r in vault.conn.execute(  # the named ones (a table's own key goes with the table)
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY tbl_name, name")]
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    made = _file_bytes(path)
    size = _compacted(path)
    print(f"size at {cases:,} demo cases ({records:,} records, built in {built:.0f} s): vault as made"
          f" {made / 2**20:6.2f} MiB, vacuumed {size / 2**20:6.2f} MiB | dump {dump / 2**20:6.2f} MiB |"
          f" ratio {made / dump:.2f} as made, {size / dump:.2f} vacuumed (goal: <= 3)")
    if not parts:
        return
    print("  where the bytes go (each dropped in a vacuumed copy, a table with its indexes; share of the vault):")
    for name in fts + tables + indexes:
        copy = tmp / "size-part.vault"
        for suffix in ("", ".keyslot"):
            shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
        with Vault.open(copy, PASS) as vault:
            conn = vault.conn
            conn.execute("PRAGMA foreign_keys = OFF")
            for trigger in [r[0] for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (name,))]:
                conn.execute(f"DROP TRIGGER {trigger}")
            conn.execute(f"DROP {'INDEX' if name in indexes else 'TABLE'} {name}")
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        part = size - _file_bytes(copy)
        print(f"    {('index ' if name in indexes else '') + name:28} {part / 2**20:6.2f} MiB {100 * part / size:5.1f}%")
        for p in tmp.glob("size-part.vault*"):
            p.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--only", choices=["unlock", "ingest", "search", "receive", "size"], action="append")
    parser.add_argument("--cases", type=int, default=1000, help="demo cases for the size figure")
    args = parser.parse_args()
    only = set(args.only or ["unlock", "ingest", "search", "receive", "size"])
    with tempfile.TemporaryDirectory(prefix="monitor-bench-") as tmp:  # benchmark data is synthetic
        tmp = Path(tmp)
        if "size" in only:
            bench_size(tmp, 100 if args.quick else args.cases)
        if "unlock" in only:
            bench_unlock(tmp)
        if "ingest" in only:
            bench_ingest(tmp, 32 if args.quick else 256)
        if "search" in only:
            bench_search(tmp, 5_000 if args.quick else 100_000)
        if "receive" in only:
            bench_receive(tmp, 2_000 if args.quick else 10_000)


if __name__ == "__main__":
    main()
