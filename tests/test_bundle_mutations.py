"""Random mutations of valid bundles: every one is refused (or is a harmless replay), vault unchanged.

The quick run in the default suite tries 60 mutations; the long run tries 1,200:

    .venv/bin/python -m pytest -m slow -s tests/test_bundle_mutations.py

and prints its totals by kind and by error.
"""

from __future__ import annotations

import collections
import hashlib
import io
import random

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER
from records import full_set, new_person

from monitor.core import errors
from monitor.core.sync import contacts, exchange
from monitor.core.store.vault import Vault


def _vault(tmp_path, name):
    return Vault.create(tmp_path / f"{name}.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile=name)


def _file_digest(vault) -> str:
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(vault.path.read_bytes()).hexdigest()


def run_mutations(tmp_path, count: int, seed: int) -> collections.Counter:
    rng = random.Random(seed)
    monitor, other, coordinator = _vault(tmp_path, "monitor"), _vault(tmp_path, "other"), _vault(tmp_path, "coordinator")
    try:
        with coordinator.writing() as conn:
            contacts.add(conn, contacts.own(monitor.identity, "monitor"))
            contacts.add(conn, contacts.own(other.identity, "other", "coordinator"))
        blob = monitor.store_blob(io.BytesIO(bytes(rng.randrange(256) for _ in range(70_000))))
        monitor.put_many(full_set(blob.sha256, blob.size))
        first = tmp_path / "first.monitor-bundle"
        exchange.export_bundle(monitor, first, to=[coordinator.identity.age_recipient])
        other.put(new_person("00000000-0000-4000-8000-0000000000aa", code="P-2026-0100"))
        second = tmp_path / "second.monitor-bundle"
        exchange.export_bundle(other, second, to=[coordinator.identity.age_recipient])
        exchange.import_bundle(coordinator, first)  # so that replays are possible
        good, spare = first.read_bytes(), second.read_bytes()
        before = _file_digest(coordinator)
        totals: collections.Counter = collections.Counter()
        target = tmp_path / "mutated.monitor-bundle"
        for i in range(count):
            kind = rng.choice(("flip", "flip", "flip-header", "truncate", "splice", "insert", "replay", "zero-run"))
            data = bytearray(good)
            if kind == "flip":
                pos = rng.randrange(len(data))
                data[pos] ^= 1 << rng.randrange(8)
            elif kind == "flip-header":
                pos = rng.randrange(min(200, len(data)))
                data[pos] ^= 1 << rng.randrange(8)
            elif kind == "truncate":
                data = data[: rng.randrange(len(data))]
            elif kind == "splice":
                cut = rng.randrange(1, len(data))
                data = data[:cut] + spare[rng.randrange(len(spare)):]
            elif kind == "insert":
                pos = rng.randrange(len(data))
                data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
            elif kind == "zero-run":
                pos = rng.randrange(len(data))
                data[pos:pos + rng.randrange(1, 4096)] = b"\0" * len(data[pos:pos + 4096])
            target.write_bytes(bytes(data))
            try:
                report = exchange.import_bundle(coordinator, target)
            except errors.BundleError as exc:
                totals[f"{kind}: refused ({type(exc).__name__})"] += 1
            except errors.MonitorError as exc:
                totals[f"{kind}: refused ({type(exc).__name__})"] += 1
            else:
                assert report.replay and bytes(data) == good, f"mutation {i} ({kind}) was accepted"
                totals[f"{kind}: harmless replay"] += 1
            assert _file_digest(coordinator) == before, f"mutation {i} ({kind}) changed the vault"
        return totals
    finally:
        for v in (monitor, other, coordinator):
            v.close()


def _print(totals: collections.Counter, count: int) -> None:
    print(f"\nbundle mutations: {count} tried, {sum(v for k, v in totals.items() if 'refused' in k)} refused, "
          f"{sum(v for k, v in totals.items() if 'replay' in k)} harmless replays, 0 accepted, vault unchanged")
    for key, n in sorted(totals.items()):
        print(f"  {n:5}  {key}")


def test_quick_bundle_mutations(tmp_path):
    totals = run_mutations(tmp_path, 60, seed=7)
    assert sum(totals.values()) == 60
    _print(totals, 60)


@pytest.mark.slow
def test_long_bundle_mutations(tmp_path):
    totals = run_mutations(tmp_path, 1200, seed=20261126)
    assert sum(totals.values()) == 1200
    _print(totals, 1200)
