"""Bundles of very many tiny records: the importer's memory does not grow with their number.

The default run compares the Python heap an import of 8,000 records holds after its first 1,000
records and at its end (it must not grow with the count). The slow suite imports a bundle of a million tiny records whose last one
breaks the schema, in a child process: its peak RSS stays bounded and the vault is unchanged.

    .venv/bin/python -m pytest -m slow -s tests/test_sync_memory.py
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tracemalloc
from pathlib import Path

import bulk_bundle
import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER

from monitor.core.search import index as search
from monitor.core.sync import contacts, exchange
from monitor.core.store.vault import Vault

ROOT = Path(__file__).resolve().parents[1]


def _pair(tmp_path: Path, tag: str) -> tuple[Vault, Vault]:
    source = Vault.create(tmp_path / f"{tag}-monitor.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="monitor")
    target = Vault.create(tmp_path / f"{tag}-coordinator.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER,
                          profile="coordinator")
    with target.writing() as conn:
        contacts.add(conn, contacts.own(source.identity, "monitor", "monitor"))
    return source, target


def _import_held(tmp_path: Path, n: int) -> list[int]:
    """The Python heap the import holds after its first 1,000 and after all its records (sampled
    through its progress callback), leaving out the stream's read buffers, which come and go."""
    source, target = _pair(tmp_path, str(n))
    try:
        path = bulk_bundle.write(source, tmp_path / f"{n}.monitor-bundle", target.identity.age_recipient, n)
        search.forget()  # both runs start with empty word caches (bounded: see stemming._stems)
        samples: list[int] = []
        seen = [0]
        # the pipe's 1 MiB buffers (opened in os.fdopen) and tarfile's read buffer
        buffers = [tracemalloc.Filter(False, "<frozen os>"), tracemalloc.Filter(False, tarfile.__file__)]

        def progress(_done, _total, label):
            if label == "merging revisions":
                seen[0] += 500
                if seen[0] in (1_000, n):
                    held = tracemalloc.take_snapshot().filter_traces(buffers)
                    samples.append(sum(stat.size for stat in held.statistics("filename")))

        tracemalloc.start()
        try:
            report = exchange.import_bundle(target, path, progress=progress)
        finally:
            tracemalloc.stop()
        assert (report.new, report.updated, report.conflicts) == (n, 0, 0)
        assert target.conn.execute("SELECT count(*) FROM records WHERE type = 'person'").fetchone()[0] == n
        assert len(samples) == 2
        return samples
    finally:
        source.close()
        target.close()


def test_the_importers_memory_does_not_grow_with_the_number_of_records(tmp_path):
    held = _import_held(tmp_path, 8_000)
    # State kept per record (a dict of 7,000 more ids, say) would hold about 1 MB more by the end.
    shown = f"Python heap held after 1,000 records: {held[0] / 1e6:.2f} MB, after 8,000: {held[1] / 1e6:.2f} MB"
    print(shown)
    assert held[1] - held[0] < 300_000, shown


CHILD = """
import hashlib, json, resource, sys, time
sys.path.insert(0, {tests!r}); sys.path.insert(0, {root!r})
from pathlib import Path
import bulk_bundle
from monitor.core import errors
from monitor.core.sync import exchange
from test_sync_memory import _pair
work, n = Path({work!r}), {n}
source, target = _pair(work, "big")
path = bulk_bundle.write(source, work / "big.monitor-bundle", target.identity.age_recipient, n, bad_at=n - 1)
target.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
before = hashlib.sha256(target.path.read_bytes()).hexdigest()
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.monotonic()
try:
    exchange.import_bundle(target, path)
    outcome = "accepted"
except errors.SchemaViolation as exc:
    outcome = str(exc)
seconds = time.monotonic() - start
target.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
after = hashlib.sha256(target.path.read_bytes()).hexdigest()
print(json.dumps({{"outcome": outcome, "unchanged": before == after, "seconds": seconds,
                  "bundle_bytes": path.stat().st_size, "rss_before_mb": rss_before / 1024,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


@pytest.mark.process
@pytest.mark.slow
def test_a_million_tiny_records_keep_memory_bounded_and_a_late_error_changes_nothing(tmp_path):
    n = int(os.environ.get("MONITOR_TINY_RECORDS", "1000000"))
    code = CHILD.format(tests=str(ROOT / "tests"), root=str(ROOT), work=str(tmp_path), n=n)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"\n{n:,} tiny records ({result['bundle_bytes'] / 1e6:.0f} MB bundle): refused at the last one in "
          f"{result['seconds']:.0f} s; peak RSS {result['peak_rss_mb']:.0f} MB "
          f"(before the import {result['rss_before_mb']:.0f} MB); vault unchanged: {result['unchanged']}")
    assert "person.code" in result["outcome"], result["outcome"]
    assert result["unchanged"]
    assert result["peak_rss_mb"] < 300
