"""Schema upgrades: every earlier version, with data in it, upgrades to the current one intact.

To make a vault "as version k wrote it", the harness builds a full current vault and steps it down
with DOWN[k+1] … DOWN[CURRENT]: the exact inverse of each migration. Every migration must come
with its inverse here (a test enforces it), so every new schema version is tested from every
earlier one with data.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER, raw_connect, reopen
from records import KAZAKH_WORD, full_set, new_facility, uid

from monitor.core import db
from monitor.core.store import migrations
from monitor.core.errors import VaultTooNew
from monitor.core.store.vault import Vault
from monitor.core.text import label_key

# DOWN[n] turns a version-n vault into a version-(n-1) vault, as version n-1 would have left it.
DOWN = {
    2: ["DROP TABLE search"],
    3: ["DROP INDEX records_label", "DROP INDEX records_conflicts"],
    4: ["ALTER TABLE vocab_terms DROP COLUMN extra", "DELETE FROM meta WHERE key = 'vocabularies'"],
    # the history graph (its derived view stays valid) and the sync bookkeeping (issue 6)
    5: ["DROP TABLE revision_graph", "DROP TABLE contacts", "DROP TABLE sync_exports", "DROP TABLE sync_imports",
        "DROP TABLE peer_audit"],
    # signed revisions (issue 17): the signatures and the device keys (their triggers go with them)
    6: ["DROP TABLE revision_signatures", "DROP TABLE device_keys", "DROP TABLE revocations"],
    # the label sort key (issue 20): the collated label index again; and the words-as-written index,
    # empty (version 6 would have filled it; the upgrade drops it again either way)
    7: ["DROP INDEX records_label_key", "ALTER TABLE records DROP COLUMN label_key",
        "CREATE INDEX records_label ON records(type, deleted, label COLLATE monitor, id)",
        ("CREATE VIRTUAL TABLE search USING fts5(record_id UNINDEXED, type UNINDEXED, label, body, "
         "tokenize = 'unicode61 remove_diacritics 2')")],
}


def test_every_migration_has_an_inverse_for_the_harness():
    assert sorted(DOWN) == list(range(2, migrations.CURRENT_VERSION + 1))


# Facilities whose labels only sort right in Kazakh alphabetical order (Ә after А, Ғ after Г, …),
# written before the downgrade so that an upgrade has to keep their order; listed here in that order.
KAZAKH_ORDER = ["Абай ИВС", "Әлия колония", "Гүл СИЗО", "Ғалым ИВС", "Кентау ИВС", "Қарағанды қаласының ИВС",
                "қызылорда ИВС", "Нұра ИВС", "Ңа ИВС", "Өскемен СИЗО", "Ұлытау ИВС", "Үржар ИВС", "Іле ИВС"]
PHOTO = b"\x89PNG photo" * 300


def build_vault_at(path, version: int) -> dict[str, dict]:
    """A vault with every record type, stepped down to ``version``; returns the records by id."""
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF) as vault:
        blob = vault.store_blob(io.BytesIO(PHOTO))
        records = full_set(blob.sha256, blob.size)
        names = [KAZAKH_ORDER[i] for i in (5, 3, 12, 0, 6, 2, 9, 1, 11, 4, 8, 10, 7)]  # shuffled
        records += [new_facility(uid(300 + i), name=name, type_key="ivs")
                    for i, name in enumerate(names) if name != "Қарағанды қаласының ИВС"]  # full_set has it
        vault.put_many(records)
        vault.seal(records[8]["id"])  # the interview
        records[8] = vault.get(records[8]["id"])
    conn = raw_connect(path)
    for step in range(migrations.CURRENT_VERSION, version, -1):
        with db.transaction(conn):
            for statement in DOWN[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step - 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {r["id"]: r for r in records}


@pytest.mark.parametrize("version", range(1, migrations.CURRENT_VERSION))
def test_upgrade_from_every_earlier_version_keeps_everything(tmp_path, version):
    path = tmp_path / f"v{version}.vault"
    records = build_vault_at(path, version)
    conn = raw_connect(path)
    assert migrations.version(conn) == version
    conn.close()
    with reopen(path) as vault:  # opening upgrades
        assert vault.schema_version == migrations.CURRENT_VERSION
        for record_id, record in records.items():
            assert vault.get(record_id) == record
        assert vault.info(list(records)[8]).sealed
        assert vault.verify().ok
        assert vault.search(KAZAKH_WORD.lower())  # the index exists and was filled from the records
        revisions = vault.conn.execute("SELECT count(*) FROM revisions").fetchone()[0]
        assert revisions == len(records) + 1  # + the seal
        photo = records[list(records)[9]]
        assert photo["type"] == "attachment"
        stored = hashlib.sha256(b"".join(vault.read_attachment(photo["sha256"]))).hexdigest()
        assert stored == photo["sha256"] == hashlib.sha256(PHOTO).hexdigest()


def test_from_version_zero_an_empty_keyed_file(tmp_path):
    path = tmp_path / "empty.vault"
    path.touch(mode=0o600)
    conn = db.connect(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert migrations.version(conn) == 0
    assert migrations.upgrade(conn) == migrations.CURRENT_VERSION
    assert migrations.version(conn) == migrations.CURRENT_VERSION
    conn.close()


def test_a_failing_migration_leaves_the_vault_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "v1.vault"
    build_vault_at(path, 1)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk error in the middle of an upgrade")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    with pytest.raises(RuntimeError):
        reopen(path)
    conn = raw_connect(path)
    assert migrations.version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_vault_from_a_newer_monitor_is_refused(tmp_path):
    path = tmp_path / "future.vault"
    Vault.create(path, PASSPHRASE, kdf=TEST_KDF).close()
    conn = raw_connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    conn.close()
    with pytest.raises(VaultTooNew, match="newer"):
        reopen(path)


def schema_of(conn) -> dict:
    """Every table, index (with the collation of each column), trigger and view, as SQLite stores them."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    schema = {(kind, name): (table, " ".join((sql or "").split())) for kind, name, table, sql in rows}
    for kind, name, *_ in rows:
        if kind == "index":
            schema[("index columns", name)] = conn.execute(f"PRAGMA index_xinfo('{name}')").fetchall()
    schema[("user_version", "")] = migrations.version(conn)
    return schema


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("fresh") / "fresh.vault"
    with Vault.create(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as vault:
        return schema_of(vault.conn)


def test_a_fresh_vault_keeps_its_labels_in_kazakh_order(fresh_schema):
    """Lists sort by label in Kazakh order through an index: since schema 7, an index of each label's
    sort key (text.label_key) under plain BINARY, with no index left on the label under a Python collation."""
    index_columns = [(name, column) for (kind, name), columns in fresh_schema.items() if kind == "index columns"
                     for column in columns]
    keyed = [(name, column[4]) for name, column in index_columns if column[2] == "label_key"]
    assert keyed == [("records_label_key", "BINARY")], "no index covers the label keys that lists sort by"
    assert not [name for name, column in index_columns if column[4] == "monitor"]


@pytest.mark.parametrize("version", range(1, migrations.CURRENT_VERSION))
def test_upgrade_from_every_earlier_version_gives_the_schema_of_a_fresh_vault(tmp_path, version, fresh_schema):
    path = tmp_path / f"v{version}.vault"
    build_vault_at(path, version)
    with reopen(path) as vault:  # opening upgrades
        upgraded = schema_of(vault.conn)
        assert upgraded == fresh_schema
        assert [r.label for r in vault.records("facility")] == KAZAKH_ORDER


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("vault-v*.vault")), ids=lambda p: p.name)
def test_a_vault_written_by_an_earlier_release_upgrades_to_the_schema_of_a_fresh_vault(tmp_path, fixture,
                                                                                        fresh_schema):
    """Stepping a new vault down cannot catch an edited old step; a file the old release wrote can."""
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    keyfile = fixture.with_name(fixture.name + ".keyslot")  # fixtures from schema v5 on have a key file
    if keyfile.exists():
        shutil.copyfile(keyfile, path.with_name(path.name + ".keyslot"))
    with Vault.open(path, PASSPHRASE) as vault:  # fixtures use the production key derivation
        assert schema_of(vault.conn) == fresh_schema


def test_schema_6_goes_back_to_5_and_up_again_keeping_every_record(tmp_path):
    """The down step of the signatures migration: a v5 release can open the vault again, nothing but
    the signature tables is lost, and upgrading once more gives a vault that opens, saves and verifies."""
    from conftest import PASSPHRASE, TEST_KDF_ITER
    from records import new_facility, new_person

    from monitor.core.store import migrations
    from monitor.core.store.vault import Vault

    path = tmp_path / "v.vault"
    with Vault.create(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as vault:
        vault.put(new_facility("00000000-0000-4000-8000-000000000001"))
        conn = vault.conn
        assert migrations.version(conn) == migrations.CURRENT_VERSION
        assert migrations.downgrade(conn, 5) == migrations.CURRENT_VERSION - 5
        assert migrations.version(conn) == 5
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert not tables & {"revision_signatures", "device_keys", "revocations"}
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] >= 1
    with Vault.open(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as vault:  # opening upgrades it again
        assert vault.get("00000000-0000-4000-8000-000000000001")["type"] == "facility"
        vault.put(new_person("00000000-0000-4000-8000-000000000002"))
        assert vault.verify().ok


def test_schema_7_goes_back_to_6_and_up_again_keeping_the_kazakh_order(tmp_path):
    """The down step of the label-key migration: the collated label index and an empty `search` table
    come back and the search index's version is forgotten (a v6 release rebuilds both of its tables at
    its next open); upgrading again recomputes every label key (with progress) in Kazakh order."""
    path = tmp_path / "v.vault"
    names = [KAZAKH_ORDER[i] for i in (5, 3, 12, 0, 6, 2, 9, 1, 11, 4, 8, 10, 7)]
    with Vault.create(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as vault:
        vault.put_many([new_facility(uid(300 + i), name=name, type_key="ivs") for i, name in enumerate(names)])
        conn = vault.conn
        assert migrations.downgrade(conn, 6) == 1
        assert migrations.version(conn) == 6
        columns = {r[1] for r in conn.execute("PRAGMA table_info(records)")}
        assert "label_key" not in columns
        indexes = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")}
        assert "COLLATE monitor" in indexes["records_label"] and "records_label_key" not in indexes
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "search" in tables and "search_forms" not in tables
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'search_version'").fetchone()[0] == 0
        assert [r[0] for r in conn.execute("SELECT label FROM records WHERE type = 'facility' "
                                           "ORDER BY label COLLATE monitor")] == KAZAKH_ORDER
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seen = []
    with Vault.open(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER,
                    progress=lambda done, total, label: seen.append((done, total, label))) as vault:
        assert vault.schema_version == migrations.CURRENT_VERSION
        records = vault.conn.execute("SELECT count(*) FROM records").fetchone()[0]
        steps = [(done, total) for done, total, label in seen if label == "sorting labels"]
        assert steps[0] == (0, 2 * records) and steps[-1] == (2 * records, 2 * records)
        assert (records, 2 * records) in steps  # every key computed: the first half
        assert [r.label for r in vault.records("facility")] == KAZAKH_ORDER
        keys = vault.conn.execute("SELECT label, label_key FROM records").fetchall()
        assert all(key == label_key(label) for label, key in keys)
        assert vault.search("ИВС")  # the search index was rebuilt
        vault.put(new_facility(uid(400), name="Ақтөбе ИВС", type_key="ivs"))
        assert [r.label for r in vault.records("facility")][:3] == ["Абай ИВС", "Ақтөбе ИВС", "Әлия колония"]
        assert vault.verify().ok
