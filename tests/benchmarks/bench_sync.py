"""Benchmarks for bundles. Not part of the test suite; run explicitly:

    .venv/bin/python tests/benchmarks/bench_sync.py [--mb 1024] [--records 100000] [--bundle-revisions 10000]

Each row prints Monitor's figure beside the raw libraries doing the same work in the same run:
  * export of a bundle of MB megabytes vs reading the same blobs with raw sqlcipher3 plus pyrage
    streaming encryption (goal: <= 1.5x), and its peak RSS (goal: <= 300 MB);
  * import vs pyrage streaming decryption plus a raw sqlcipher3 insert of the same bytes (goal: <= 2x),
    and its peak RSS (goal: <= 300 MB);
  * merging a bundle of N revisions into a vault of M records (goal: <= 5 s), and importing it again
    (a replay; goal <= 2 s) -- plus the same bundle re-exported and imported fresh where a replay is
    not recognised by its hash.
Peak RSS is measured in a child process per operation (resource.getrusage of the child).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

PASS = "copper lantern steppe violin"
KDF = 2000


def child(code: str) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON line. Returns it plus the child's peak RSS."""
    code += "\nimport resource as _r, json as _j\nprint(_j.dumps(_r.getrusage(_r.RUSAGE_SELF).ru_maxrss))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{out.stderr[-3000:]}")
    lines = out.stdout.strip().splitlines()
    result = json.loads(lines[-2])
    result["peak_mb"] = json.loads(lines[-1]) / 1024
    return result


PRELUDE = f"""
import io, json, os, sys, time, hashlib
sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'tests')!r})
from monitor.core.store.vault import Vault
from monitor.core.sync import exchange, contacts
PASS, KDF = {PASS!r}, {KDF}
"""


# The tables a merge of new records writes (besides the two full-text tables), in an order their
# foreign keys accept.
MERGED_TABLES = ("revisions", "revision_signatures", "revision_parents", "revision_graph", "records", "refs", "audit")

# The raw baseline of a merge: the rows the merge wrote, read back from the merged vault, then
# inserted with plain sqlcipher3 executemany into a copy of the vault as it was before the merge
# (same tables, indexes and triggers; the same PRAGMAs as monitor.core.db.connect, memory security
# off as in the CLI; the `monitor` collation its label index needs), in one transaction.
RAW_MERGE = """
import json, shutil, sqlcipher3
from monitor.core import db as _db
from monitor.core.search.index import document_text, forms_text
MERGED_TABLES = {tables!r}

def raw_insert(merged, key):
    literal = "x'" + key.hex() + "'"
    merged.execute("ATTACH DATABASE ? AS base KEY ?", ({base!r}, literal))
    rows = {{}}
    for table in MERGED_TABLES:
        rows[table] = merged.execute(f"SELECT * FROM main.{{table}} EXCEPT SELECT * FROM base.{{table}}").fetchall()
    new = merged.execute("SELECT rowid, * FROM main.records WHERE id NOT IN (SELECT id FROM base.records)").fetchall()
    rows["records"] = new
    rowids = [r[0] for r in new]
    merged.execute("DETACH DATABASE base")
    # the word-form index is contentless (schema 7): its rows come from each new record's label and
    # its body's text, as the merge computes them (the stemming is part of the work timed on neither side)
    heads = [merged.execute("SELECT r.rowid, r.label, v.body FROM records r JOIN revisions v ON v.rev = r.head "
                            "WHERE r.rowid = ?", (i,)).fetchone() for i in rowids]
    forms = [(i, forms_text(label), forms_text(document_text(json.loads(body)) if body else ""))
             for i, label, body in heads]
    conn = sqlcipher3.connect({base!r}, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute('PRAGMA key = "' + literal + '"')
    conn.execute("PRAGMA journal_mode = WAL"); conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL"); conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY"); conn.create_collation("monitor", _db.collate)
    conn.execute("SELECT count(*) FROM records").fetchone()
    t, c = time.perf_counter(), time.process_time()
    conn.execute("BEGIN IMMEDIATE")
    for table in MERGED_TABLES:
        if rows[table]:
            names = ("rowid, " if table == "records" else "") + ", ".join(
                r[1] for r in conn.execute(f"PRAGMA table_info({{table}})"))
            marks = ", ".join("?" * len(rows[table][0]))
            conn.executemany(f"INSERT INTO {{table}} ({{names}}) VALUES ({{marks}})", rows[table])
    conn.executemany("INSERT INTO search_forms (rowid, label, body) VALUES (?, ?, ?)", forms)
    conn.execute("COMMIT")
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    conn.close()
    return seconds, cpu, sum(len(v) for v in rows.values()) + len(forms)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=256, help="attachment megabytes in the bundle (1024 for the full goal)")
    parser.add_argument("--records", type=int, default=100_000, help="records already in the receiving vault")
    parser.add_argument("--bundle-revisions", type=int, default=10_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="monitor-bench-sync-"))
    src, dst = work / "src.vault", work / "dst.vault"

    # --- build a source vault with MB of attachments (8 MiB files of pattern bytes)
    setup = PRELUDE + f"""
src = Vault.create({str(src)!r}, PASS, kdf_iter=KDF, profile="monitor")
dst = Vault.create({str(dst)!r}, PASS, kdf_iter=KDF, profile="coordinator")
with dst.writing() as conn:
    contacts.add(conn, contacts.own(src.identity, "monitor"))
n = {args.mb} // 8
for i in range(n):
    data = hashlib.sha512(str(i).encode()).digest() * (8 * 1024 * 1024 // 64)
    blob = src.store_blob(io.BytesIO(data))
    src.put({{"id": "00000000-0000-4000-8000-%012x" % i, "type": "attachment", "sha256": blob.sha256,
             "size": blob.size, "mime_type": "image/jpeg", "original_name": "p%d.jpg" % i}})
print(json.dumps({{"recipient": dst.identity.age_recipient, "identity": dst.identity.age_identity}}))
src.close(); dst.close()
"""
    keys = child(setup)
    bundle_path = work / "big.monitor-bundle"

    export = child(PRELUDE + f"""
v = Vault.open({str(src)!r}, PASS, kdf_iter=KDF)
t = time.perf_counter()
exchange.export_bundle(v, {str(bundle_path)!r}, to=[{keys['recipient']!r}])
print(json.dumps({{"seconds": time.perf_counter() - t}}))
""")
    raw_export = child(PRELUDE + f"""
import sqlcipher3, pyrage, threading
v = Vault.open({str(src)!r}, PASS, kdf_iter=KDF); key = bytes(v._data_key); v.close()  # the raw key from the key file
conn = sqlcipher3.connect({str(src)!r}); conn.execute("PRAGMA key = \\"x'" + key.hex() + "'\\"")
rec = pyrage.x25519.Recipient.from_str({keys['recipient']!r})
r, w = os.pipe(); rf, wf = os.fdopen(r, "rb"), os.fdopen(w, "wb")
out = open({str(work / 'raw.age')!r}, "wb")
t = time.perf_counter()
th = threading.Thread(target=lambda: pyrage.encrypt_io(rf, out, [rec]), daemon=True); th.start()
for (data,) in conn.execute("SELECT data FROM blob_chunks ORDER BY blob_id, n"):
    wf.write(data)
wf.close(); th.join(); out.close()
print(json.dumps({{"seconds": time.perf_counter() - t}}))
""")
    imp = child(PRELUDE + f"""
v = Vault.open({str(dst)!r}, PASS, kdf_iter=KDF)
t = time.perf_counter()
r = exchange.import_bundle(v, {str(bundle_path)!r})
print(json.dumps({{"seconds": time.perf_counter() - t, "attachments": r.attachments_added}}))
""")
    raw_import = child(PRELUDE + f"""
import sqlcipher3, pyrage, threading
ident = pyrage.x25519.Identity.from_str({keys['identity']!r})
conn = sqlcipher3.connect({str(work / 'raw-import.db')!r}, isolation_level=None); conn.execute("PRAGMA key = '" + PASS + "'")
conn.execute("PRAGMA journal_mode = WAL"); conn.execute("PRAGMA synchronous = FULL")
conn.execute("CREATE TABLE c (n INTEGER PRIMARY KEY, data BLOB)")
r, w = os.pipe(); rf, wf = os.fdopen(r, "rb"), os.fdopen(w, "wb")
src = open({str(bundle_path)!r}, "rb")
t = time.perf_counter()
def run():
    try: pyrage.decrypt_io(src, wf, [ident])
    finally: wf.close()
th = threading.Thread(target=run, daemon=True); th.start()
conn.execute("BEGIN")
n = 0
while True:
    chunk = rf.read(1024 * 1024)
    if not chunk: break
    conn.execute("INSERT INTO c (data) VALUES (?)", (chunk,)); n += 1
conn.execute("COMMIT"); th.join()
print(json.dumps({{"seconds": time.perf_counter() - t}}))
""")
    print(f"bundle of {args.mb} MB of attachments ({bundle_path.stat().st_size / 2**20:.0f} MiB on disk)")
    print(f"  export  {export['seconds']:7.2f} s   raw read + pyrage {raw_export['seconds']:6.2f} s   "
          f"ratio {export['seconds'] / raw_export['seconds']:.2f} (goal <= 1.5)   peak RSS {export['peak_mb']:.0f} MB (goal <= 300)")
    print(f"  import  {imp['seconds']:7.2f} s   pyrage + raw insert {raw_import['seconds']:6.2f} s   "
          f"ratio {imp['seconds'] / raw_import['seconds']:.2f} (goal <= 2.0)   peak RSS {imp['peak_mb']:.0f} MB (goal <= 300)")

    # --- merge N revisions into a vault of M records
    big, small, base = work / "big.vault", work / "small.vault", work / "raw-base.vault"
    merge = child(PRELUDE + RAW_MERGE.format(base=str(base), tables=MERGED_TABLES) + f"""
big = Vault.create({str(big)!r}, PASS, kdf_iter=KDF, profile="coordinator")
small = Vault.create({str(small)!r}, PASS, kdf_iter=KDF, profile="monitor")
with big.writing() as conn:
    contacts.add(conn, contacts.own(small.identity, "monitor"))
def people(offset, n):
    return [{{"id": "00000000-0000-4000-8000-%012x" % (offset + i), "type": "person", "code": "P-2026-%06d" % ((offset + i) % 1000000),
              "notes": "Қамау кезінде ұрып-соғу туралы хабарлады"}} for i in range(n)]
for start in range(0, {args.records}, 10000):
    big.put_many(people(start, min(10000, {args.records} - start)))
small.put_many(people(10_000_000, {args.bundle_revisions}))
exchange.export_bundle(small, {str(work / 'merge.monitor-bundle')!r}, to=[big.identity.age_recipient])
key = bytes(big._data_key); big.close()  # the raw key, for the raw baseline below
shutil.copyfile({str(big)!r}, {str(base)!r})  # the receiving vault as it was before the merge
big = Vault.open({str(big)!r}, PASS, kdf_iter=KDF)
t, c = time.perf_counter(), time.process_time()
r = exchange.import_bundle(big, {str(work / 'merge.monitor-bundle')!r})
first, first_cpu = time.perf_counter() - t, time.process_time() - c
raw, raw_cpu, raw_rows = raw_insert(big.conn, key)
t = time.perf_counter(); r2 = exchange.import_bundle(big, {str(work / 'merge.monitor-bundle')!r}); replay = time.perf_counter() - t
exchange.export_bundle(small, {str(work / 'merge2.monitor-bundle')!r}, to=[big.identity.age_recipient])
t = time.perf_counter(); r3 = exchange.import_bundle(big, {str(work / 'merge2.monitor-bundle')!r}); again = time.perf_counter() - t
print(json.dumps({{"first": first, "first_cpu": first_cpu, "replay": replay, "again": again, "new": r.new,
                  "skipped": r3.skipped, "raw": raw, "raw_cpu": raw_cpu, "raw_rows": raw_rows}}))
""")
    print(f"merge {args.bundle_revisions:,} revisions into {args.records:,} records: {merge['first']:.2f} s (goal <= 5 s); "
          f"the same bundle again {merge['replay']:.3f} s (goal <= 2 s); "
          f"a fresh bundle of the same revisions {merge['again']:.2f} s ({merge['skipped']:,} skipped)")
    per = merge["first_cpu"] / max(args.bundle_revisions, 1) * 1000
    print(f"  merge CPU time {merge['first_cpu']:.2f} s ({per:.2f} ms per revision); "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"  raw sqlcipher3 insert of the same rows ({merge['raw_rows']:,} rows in {', '.join(MERGED_TABLES)}, "
          f"search_forms; one transaction): {merge['raw']:.2f} s wall, {merge['raw_cpu']:.2f} s CPU; "
          f"ratio {merge['first'] / merge['raw']:.2f} wall, {merge['first_cpu'] / merge['raw_cpu']:.2f} CPU (goal <= 1.2)")


if __name__ == "__main__":
    main()
