"""A record's first revision writes its view (the ``records`` row, ``refs``, the search entries,
a term's vocabulary entry) without reading it back (issue 20 §2): what it writes is exactly what
:func:`monitor.core.history.graph.refresh_view` computes from the stored revisions, for a local
save of every record type the demo makes and for a bundle merged from another device."""

from __future__ import annotations

from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER

from monitor.core.demo.create import fill
from monitor.core.history import graph
from monitor.core.store.vault import Vault
from monitor.core.sync import contacts, exchange

DERIVED = ("SELECT rowid, * FROM records ORDER BY rowid", "SELECT * FROM refs ORDER BY record_id, target_id, field",
           "SELECT rowid, * FROM search ORDER BY rowid", "SELECT rowid, * FROM search_forms ORDER BY rowid",
           "SELECT * FROM vocab_terms ORDER BY vocabulary, key")


def _derived(vault: Vault) -> list[list[tuple]]:
    return [vault.conn.execute(sql).fetchall() for sql in DERIVED]


def _recomputed(vault: Vault) -> list[list[tuple]]:
    """The derived tables after refresh_view of every record, from its stored revisions."""
    with vault.writing() as conn:
        for (record_id,) in conn.execute("SELECT id FROM records").fetchall():
            graph.refresh_view(conn, record_id)
    return _derived(vault)


def test_a_local_save_writes_the_view_refresh_view_computes(tmp_path):
    with Vault.create(tmp_path / "demo.vault", PASSPHRASE, kdf=TEST_KDF) as vault:
        counts = fill(vault, cases=3, seed=4)
        assert len(counts) >= 10  # many record types, sealed interviews and terms among them
        written = _derived(vault)
        assert written[0] and written[2]
        assert _recomputed(vault) == written


def test_a_merged_record_gets_the_view_refresh_view_computes(tmp_path):
    here = Vault.create(tmp_path / "here.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="coordinator")
    there = Vault.create(tmp_path / "there.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="monitor")
    try:
        with here.writing() as conn:
            contacts.add(conn, contacts.own(there.identity, "monitor"))
        fill(there, cases=3, seed=5)
        path = tmp_path / "b.monitor-bundle"
        exchange.export_bundle(there, path, to=[here.identity.age_recipient])
        report = exchange.import_bundle(here, path)
        assert report.new > 30
        written = _derived(here)
        assert len(written[0]) == len(there.conn.execute("SELECT id FROM records").fetchall())
        assert _recomputed(here) == written
    finally:
        here.close()
        there.close()
