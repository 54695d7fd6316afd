"""Attachments (streaming, hashing, dedup) and the hash-chained audit log, checked by verify."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc

import pytest
from conftest import reopen
from records import new_facility, uid

from monitor.core.store import attachments


class PatternStream(io.RawIOBase):
    """``size`` bytes of a pseudo-random pattern, generated on demand (never held whole)."""

    def __init__(self, size: int):
        self.remaining = size
        self.digest = hashlib.sha256()
        self.counter = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), self.remaining)
        if n == 0:
            return 0
        block = hashlib.sha512(self.counter.to_bytes(8, "big")).digest() * (n // 64 + 1)
        self.counter += 1
        buffer[:n] = block[:n]
        self.digest.update(block[:n])
        self.remaining -= n
        return n


def test_streaming_ingest_hashes_and_chunks(vault):
    size = 5 * attachments.CHUNK_SIZE + 12345
    source = io.BufferedReader(PatternStream(size), buffer_size=attachments.CHUNK_SIZE)
    info = vault.store_blob(source)
    assert info.size == size and info.new
    assert info.sha256 == source.raw.digest.hexdigest()
    chunks = vault.conn.execute("SELECT chunks FROM blobs WHERE sha256 = ?", (info.sha256,)).fetchone()[0]
    assert chunks == 6
    again = hashlib.sha256()
    for chunk in vault.read_attachment(info.sha256):
        assert len(chunk) <= attachments.CHUNK_SIZE
        again.update(chunk)
    assert again.hexdigest() == info.sha256


def test_ingest_memory_stays_bounded(vault):
    size = 40 * attachments.CHUNK_SIZE  # 40 MiB through the ingest path
    tracemalloc.start()
    try:
        vault.store_blob(io.BufferedReader(PatternStream(size), buffer_size=attachments.CHUNK_SIZE))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * attachments.CHUNK_SIZE, f"peak {peak / 2**20:.1f} MiB for a 40 MiB file"


def test_identical_bytes_are_stored_once(vault):
    a = vault.store_blob(io.BytesIO(b"same photo" * 1000))
    b = vault.store_blob(io.BytesIO(b"same photo" * 1000))
    assert a.sha256 == b.sha256 and a.new and not b.new
    assert vault.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
    assert vault.conn.execute("SELECT count(*) FROM blob_chunks").fetchone()[0] == 1


def test_add_attachment_from_file_with_hostile_name(vault, tmp_path):
    vault.put(new_facility(uid(1), name="СИЗО"))
    weird = tmp_path / "..\u202e\u0007gnp.exe;rm -rf ~.png"
    weird.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3000))
    record = vault.add_attachment(weird, parent_id=uid(1), caption="Камера № 3, общий вид")
    assert record["sha256"] == hashlib.sha256(weird.read_bytes()).hexdigest()
    assert record["size"] == weird.stat().st_size
    assert "\u0007" not in record["original_name"] and "\u202e" not in record["original_name"]
    assert vault.get(record["id"])["parent_id"] == uid(1)
    out = tmp_path / "exported.png"
    vault.export_attachment(record["sha256"], out)
    assert out.read_bytes() == weird.read_bytes()


def test_cancelled_ingest_leaves_nothing(vault):
    import threading

    from monitor.core.errors import Cancelled

    cancel = threading.Event()

    def progress(done, total, label):
        if done >= 2 * attachments.CHUNK_SIZE:
            cancel.set()

    with pytest.raises(Cancelled):
        vault.store_blob(io.BufferedReader(PatternStream(10 * attachments.CHUNK_SIZE)), progress=progress, cancel=cancel)
    assert vault.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 0
    assert vault.conn.execute("SELECT count(*) FROM blob_chunks").fetchone()[0] == 0


def test_verify_is_clean_on_a_fresh_vault(vault):
    vault.store_blob(io.BytesIO(b"x" * 5000))
    vault.put(new_facility(uid(1), name="СИЗО"))
    report = vault.verify()
    assert report.ok, report.problems
    assert report.checked["revisions"] == 1


def test_verify_detects_corrupted_attachment_chunk(vault):
    info = vault.store_blob(io.BytesIO(os.urandom(3 * attachments.CHUNK_SIZE)))
    vault.conn.execute(
        "UPDATE blob_chunks SET data = zeroblob(length(data)) WHERE n = 1 AND blob_id = "
        "(SELECT id FROM blobs WHERE sha256 = ?)", (info.sha256,))
    report = vault.verify()
    assert not report.ok
    assert any("corrupted" in p and info.sha256[:16] in p for p in report.problems)


def test_verify_detects_missing_chunk(vault):
    info = vault.store_blob(io.BytesIO(os.urandom(2 * attachments.CHUNK_SIZE)))
    vault.conn.execute("DELETE FROM blob_chunks WHERE n = 0")
    assert any("missing chunk" in p for p in vault.verify().problems), info


def test_verify_detects_bytes_flipped_in_the_file(vault, vault_path):
    vault.store_blob(io.BytesIO(os.urandom(2 * attachments.CHUNK_SIZE)))
    assert vault.verify().ok  # clean before the flip, so what is found below is the flip
    vault.close()
    data = bytearray(vault_path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8] = bytes(b ^ 0xFF for b in data[middle : middle + 8])
    vault_path.write_bytes(bytes(data))
    with reopen(vault_path) as v:  # page 1 is intact, so the vault still opens
        report = v.verify()
    assert not report.ok
    assert any(p.startswith("cipher:") for p in report.problems), report.problems


def test_audit_chain_records_every_change(vault):
    rev = vault.put(new_facility(uid(1), name="СИЗО"))
    rows = vault.conn.execute("SELECT action, record_id, rev, rev_hash FROM audit ORDER BY seq").fetchall()
    assert rows[0][0] == "vault-created"
    assert rows[-1] == ("create", uid(1), rev.rev, rev.hash)


def test_audit_log_is_append_only_for_ordinary_sql(vault):
    import sqlcipher3

    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        vault.conn.execute("UPDATE audit SET actor = 'someone else'")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        vault.conn.execute("DELETE FROM audit")


def _stock(vault):
    for i in range(5):
        vault.put(new_facility(uid(i + 1), name=f"ИВС № {i}", type_key="ivs"))


def test_verify_detects_a_tampered_audit_entry(vault):
    _stock(vault)
    assert vault.verify().ok
    vault.conn.execute("DROP TRIGGER audit_append_only_update")  # someone with the key and a SQL shell
    vault.conn.execute("UPDATE audit SET actor = 'nobody' WHERE seq = 3")
    problems = vault.verify().problems
    assert any(p.startswith("audit entry 3:") and "altered" in p for p in problems), problems


def test_verify_detects_a_deleted_audit_entry(vault):
    _stock(vault)
    vault.conn.execute("DROP TRIGGER audit_append_only_delete")
    vault.conn.execute("DELETE FROM audit WHERE seq = 4")
    problems = vault.verify().problems
    assert any("audit entry 5:" in p for p in problems), problems
    assert any("no matching audit entry" in p for p in problems)


def test_verify_detects_a_rewritten_revision(vault):
    _stock(vault)
    vault.conn.execute("DROP TRIGGER revisions_immutable")
    vault.conn.execute(
        "UPDATE revisions SET body = replace(body, 'ИВС № 2', 'ИВС № 9') WHERE record_id = ?", (uid(3),))
    problems = vault.verify().problems
    assert any("does not match its hash" in p for p in problems), problems


def test_verify_detects_an_altered_current_view(vault):
    _stock(vault)
    vault.put(new_facility(uid(2), name="ИВС № 1 (renamed)", type_key="ivs"))
    first = vault.history(uid(2))[0].rev
    vault.conn.execute("UPDATE records SET head = ? WHERE id = ?", (first, uid(2)))  # roll the view back
    assert any("current view" in p for p in vault.verify().problems)
    vault.conn.execute("UPDATE records SET deleted = 1 WHERE id = ?", (uid(3),))  # hide a record
    assert any("2 record(s)" in p for p in vault.verify().problems)


def test_verify_survives_reopen_after_many_changes(vault, vault_path):
    _stock(vault)
    vault.close()
    with reopen(vault_path) as v:
        rev = v.put(new_facility(uid(1), name="ИВС изменён", type_key="ivs"))
        report = v.verify()
        assert report.ok, report.problems
        assert report.checked["revisions"] == 6 and report.checked["audit_entries"] == 7  # created + 5 + 1
        last = v.conn.execute("SELECT action, record_id, rev FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        assert last == ("update", uid(1), rev.rev)  # the chain went on across the reopen
