"""A merge costs no more than it needs (issue 20 §2): each revision of a bundle is hashed once and
its signature verified once, the audit chain's head is carried within the transaction instead of
read back per entry, and whether the word-form index exists is asked once. The results are the same
as before: the chain verifies, and a rolled-back transaction leaves nothing carried over."""

from __future__ import annotations

import pytest

from conftest import PASSPHRASE, TEST_KDF_ITER
from records import new_person, uid
from monitor.core.history import gate, revisions
from monitor.core.store import audit
from monitor.core.store.vault import Vault
from monitor.core.sync import contacts, exchange

N = 60


@pytest.fixture
def pair(tmp_path):
    here = Vault.create(tmp_path / "here.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="coordinator")
    there = Vault.create(tmp_path / "there.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="monitor")
    with here.writing() as conn:
        contacts.add(conn, contacts.own(there.identity, "monitor"))
    there.put_many([new_person(uid(1000 + i), code=f"P-2026-{1000 + i:04d}") for i in range(N)])
    path = tmp_path / "b.monitor-bundle"
    exchange.export_bundle(there, path, to=[here.identity.age_recipient])
    yield here, path
    here.close()
    there.close()


def test_each_revision_is_hashed_and_its_signature_verified_once(pair, monkeypatch):
    here, path = pair
    hashed, verified = [], []
    compute, valid = revisions.Revision.compute_hash, gate.signature_valid

    def counting_hash(self, version=None):
        hashed.append(self.rev)
        return compute(self, version)

    def counting_valid(key, signature, digest):
        verified.append(digest)
        return valid(key, signature, digest)

    monkeypatch.setattr(revisions.Revision, "compute_hash", counting_hash)
    monkeypatch.setattr(gate, "signature_valid", counting_valid)
    report = exchange.import_bundle(here, path)
    assert report.new == N
    assert len(hashed) == N and len(set(hashed)) == N
    assert len(verified) == N and len(set(verified)) == N


def test_the_audit_head_and_the_index_table_are_asked_once(pair):
    here, path = pair
    statements: list[str] = []
    here.conn.set_trace_callback(statements.append)
    try:
        report = exchange.import_bundle(here, path)
    finally:
        here.conn.set_trace_callback(None)
    assert report.new == N
    assert sum("FROM audit ORDER BY seq DESC" in s for s in statements) <= 1
    assert sum("sqlite_master WHERE name = 'search_forms'" in s for s in statements) <= 1
    assert sum("FROM device_keys" in s and "revocations" in s for s in statements) <= 1
    with here.reading() as conn:
        assert audit.check_chain(conn) == []
        entries = conn.execute("SELECT count(*) FROM audit WHERE action = 'revision-received'").fetchone()[0]
    assert entries == N


def test_a_rolled_back_transaction_carries_no_head_into_the_next(pair):
    here, _path = pair
    with pytest.raises(RuntimeError):
        with here.writing():
            here.audit("first")
            here.audit("second")
            raise RuntimeError("rolled back")
    here.audit("after")  # a write of its own, outside any transaction
    with here.writing():
        here.audit("inside")
        here.audit("inside again")
    with here.reading() as conn:
        assert audit.check_chain(conn) == []
        actions = [r[0] for r in conn.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 3")]
    assert actions == ["inside again", "inside", "after"]


@pytest.mark.parametrize("stamp", [
    "2026-03-01T09:30:00.000000Z", "2024-02-29T23:59:59.999999Z", "2026-02-30T09:30:00.000000Z",
    "2026-13-01T09:30:00.000000Z", "2026-03-01T24:00:00.000000Z", "2026-03-01T09:30:60.000000Z",
    "0000-03-01T09:30:00.000000Z", "2026-03-01T09:30:00.1Z", "2026-03-01 09:30:00.000000Z",
    "2026-03-01T09:30:00.000000Z\n", "\u0662\u0660\u0662\u0666-03-01T09:30:00.000000Z", "x", None, 5])
def test_a_revision_time_reads_as_strptime_read_it(stamp):
    import datetime as dt

    try:
        expected = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ")
    except (TypeError, ValueError):
        expected = None
    assert gate._when(stamp) == expected
