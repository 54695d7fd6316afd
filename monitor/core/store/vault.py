"""The vault: one SQLCipher 4 file that holds every record, revision, attachment and audit entry.

Typical use::

    with Vault.open(path, passphrase) as vault:
        vault.put({"id": …, "type": "case", …})
        for hit in vault.search("Қамау"):
            …

Every write is one transaction that stores a new revision, refreshes the current view, the
links, the search index and the vocabulary projection, and appends a chained audit entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mimetypes
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator, Sequence

from . import attachments, audit, consent, migrations, recordings
from ..history import gate
from ..model import schema, vocab
from ..search import index as _search
from ..history import graph as _history
from ..db import Connection, DatabaseError, transaction
from ..errors import (
    Cancelled,
    ConsentRequired,
    MonitorError,
    RecordNotFound,
    SchemaViolation,
    SealedRecord,
    VaultBusy,
    VaultLocked,
)
from ..keys.identity import DeviceIdentity
from ..model.labels import record_label  # noqa: F401  (re-exported: vault.record_label)
from ..keys.passphrase import check_strength
from ..messages import Message
from ..history.revisions import REVISION_COLUMNS, Revision, new_id, utc_now
from . import sync_log
from ..text import canonical_json, clean_file_name, nfc, one_line

if TYPE_CHECKING:
    from ..keys.keyslot import KdfCost

Progress = Callable[[int, int, str], None]

FOREVER = float("inf")  # a wait for the vault's lock with no bound (see Vault.hold and Vault.writing)


@dataclass
class WriteReport:
    """What a bulk write did."""

    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    revisions: list = field(default_factory=list)

    def count(self, revision: Revision | None, existed: bool) -> None:
        if revision is None:
            self.unchanged += 1
        elif existed:
            self.updated += 1
        else:
            self.created += 1


@dataclass(frozen=True)
class RecordInfo:
    """The current view of one record."""

    id: str
    type: str
    head: str
    heads: int
    created_at: str
    updated_at: str
    deleted: bool
    sealed: bool
    label: str
    body: dict | None

    @property
    def conflict(self) -> bool:
        return self.heads > 1


# The current view: a `records` row and the body of its head revision (stored once, in `revisions`).
_RECORD_SELECT = (
    "SELECT r.id, r.type, r.head, r.heads, r.created_at, r.updated_at, r.deleted, r.sealed, r.label, v.body "
    "FROM records r JOIN revisions v ON v.rev = r.head"
)


def _records_query(select: str, record_type: str | None, include_deleted: bool, order: str,
                   where: dict[str, str] | None) -> tuple[str, list]:
    """``select`` (FROM records r, joined to its head revision v when ``where`` is given) with
    Vault.records' filters and order."""
    sql = f"{select} WHERE 1=1"
    params: list = []
    if record_type:
        sql += " AND r.type = ?"
        params.append(record_type)
    if not include_deleted:
        sql += " AND r.deleted = 0"
    for name, value in (where or {}).items():
        if not name.isidentifier():
            raise MonitorError(Message("vault_cannot_filter", name=one_line(name, 30)))
        sql += f" AND json_extract(v.body, '$.{name}') = ?"
        params.append(value)
    sql += " ORDER BY r.label_key, r.id" if order == "label" else " ORDER BY r.created_at, r.id"
    return sql, params


_RECORD_COLUMNS = "id, type, head, heads, created_at, updated_at, deleted, sealed, label"


def _info(row) -> RecordInfo:
    return RecordInfo(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), bool(row[7]),
                      row[8], json.loads(row[9]) if row[9] is not None else None)


# A revision's columns and its signature (NULL: from before signatures), from revisions v and
# revision_signatures s.
_SIGNED_COLUMNS = ", ".join("v." + c.strip() for c in REVISION_COLUMNS.split(",")) + ", " + sync_log.SIGNATURE_HEX


class Vault:
    """An open vault. Create with :meth:`create`, open with :meth:`open`; close when done."""

    def __init__(self, path: Path, conn: Connection, data_key: bytes | None = None, *,
                 keyfile_seen: tuple | None = None):
        self.path = Path(path)
        self._conn: Connection | None = conn
        self._lock = threading.RLock()
        self.write_wait: float | None = None  # see writing()
        # The data key (SQLCipher holds its own copy) so that ``change_passphrase`` can rewrap it; a
        # bytearray so that closing can zero it. A bytearray passed in is taken over, not copied.
        self._data_key = (data_key if isinstance(data_key, bytearray) or data_key is None
                          else bytearray(data_key))
        self._keyfile_seen = keyfile_seen  # the key file as opened (keyslot.state); see still_there
        self._rewrapping = False  # see change_passphrase and still_there
        self.warnings: list[str] = []  # things the user should hear about, found while opening
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        self.vault_id = meta["vault_id"]
        self.device_id = meta["device_id"]
        self.profile = meta["profile"]
        self._vocab_cache: dict[str, set[str]] | None = None
        self._chain: audit.Chain | None = None  # the audit chain of the write transaction open now
        self._identity_for: tuple[audit.Chain, DeviceIdentity] | None = None  # see _signer

    # --- lifecycle -----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, passphrase: str, *, profile: str = "monitor",
               kdf: "KdfCost | None" = None, kdf_iter: int | None = None,
               populate: Callable[["Vault"], None] | None = None) -> "Vault":
        """Create a new vault at ``path`` (and its key file ``path.keyslot``) and return it open;
        ``populate`` fills it before it is put in place. See :func:`.opening.create`."""
        from . import opening

        return opening.create(cls, path, passphrase, profile=profile, kdf=kdf, kdf_iter=kdf_iter,
                              populate=populate)

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, kdf: "KdfCost | None" = None,
             kdf_iter: int | None = None, progress: Progress | None = None) -> "Vault":
        """Open an existing vault, upgrading its schema and converting a vault from before key
        files on its first unlock. See :func:`.opening.open_vault`."""
        from . import opening

        return opening.open_vault(cls, path, passphrase, kdf=kdf, kdf_iter=kdf_iter, progress=progress)

    def still_there(self) -> bool:
        """False once the key file this vault was opened with has been wiped, replaced or removed.

        While :meth:`change_passphrase` rewrites the key file (on a worker, for seconds at the
        production Argon2id cost) the change is this vault's own, so it still counts as there.
        """
        if self._keyfile_seen is None:
            return True
        from ..keys import keyslot

        now = keyslot.state(self.path)  # read first: a rewrap that ends meanwhile has already updated _keyfile_seen
        return self._rewrapping or now == self._keyfile_seen

    def close(self) -> None:
        """Lock the vault: fold the WAL back into the file and drop the connection (and key)."""
        with self._lock:
            if self._data_key is not None:
                self._data_key[:] = bytes(len(self._data_key))
                self._data_key = None
            if self._conn is None:
                return
            with contextlib.suppress(DatabaseError):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None

    lock = close

    def _release(self) -> None:
        """Close the connection and zero the key without a checkpoint (rekey has just made one)."""
        with self._lock:
            if self._data_key is not None:
                self._data_key[:] = bytes(len(self._data_key))
                self._data_key = None
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _adopt(self, conn: Connection, data_key: bytearray, keyfile_seen: tuple | None) -> None:
        """Carry on with a new connection and key (after a rekey, which logged itself in the copy)."""
        with self._lock:
            self._conn, self._data_key, self._keyfile_seen = conn, data_key, keyfile_seen

    def rekey(self, new_passphrase: str, *, kdf: "KdfCost | None" = None, progress: Progress | None = None,
              cancel=None, recovery_recipients=()) -> None:
        """Re-encrypt the whole vault under a new random data key, wrapped under ``new_passphrase``
        in a new key file; the old key file is destroyed in place. Crash-safe: see
        :func:`.opening.rekey` and docs/vault.md. Cancel works until the copy is complete. A
        recovery slot is carried forward (its recipient from the contacts or ``recovery_recipients``)."""
        from ..keys import keyslot
        from . import opening

        new_passphrase = check_strength(new_passphrase)
        with self._lock:
            self.conn  # noqa: B018 - raises VaultLocked when closed
            self._rewrapping = True  # our own key file change, not a wipe (see still_there)
            try:
                opening.rekey(self, new_passphrase, kdf or keyslot.DEFAULT_COST, progress=progress, cancel=cancel,
                              recovery_recipients=recovery_recipients)
            finally:
                self._rewrapping = False

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def __enter__(self) -> "Vault":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise VaultLocked(Message("vault_locked"))
        return self._conn

    # --- the public API for the rest of the core, the CLI and the GUI -------------------------

    @contextlib.contextmanager
    def writing(self, timeout: float | None = None) -> Iterator[Connection]:
        """One write transaction, under the lock that long work on worker threads holds; yields
        the connection for the writes of modules that keep tables beside the records (sync's
        contacts and logs, say). Everything in the block commits together or rolls back.

        ``timeout`` bounds the wait for the lock in seconds; None takes ``write_wait`` (None there
        waits as long as it takes): the desktop app sets it short, so that a save while an import
        runs says so at once (:class:`VaultBusy`, nothing written) instead of freezing the window
        until it ends. :data:`FOREVER` waits as long as it takes whatever ``write_wait`` says.
        """
        with self.hold(self.write_wait if timeout is None else timeout), transaction(self.conn):
            # every entry of this transaction goes through _audit: carry the chain's head along
            self._chain = audit.Chain(self.conn)
            try:
                yield self.conn
            finally:
                self._chain = self._identity_for = None

    @contextlib.contextmanager
    def hold(self, timeout: float | None = FOREVER) -> Iterator["Vault"]:
        """Hold the vault's lock: no other thread writes (or holds it) until the block ends.

        Long work on a worker thread (an import, a report on the window's vault) holds it so that
        saves from the window wait or say :class:`VaultBusy`. The lock is re-entrant: writes
        inside the block go through at once. ``timeout`` in seconds (None or :data:`FOREVER`: as
        long as it takes); raises :class:`VaultBusy` when it runs out.
        """
        wait = -1 if timeout is None or timeout == FOREVER else timeout
        if not self._lock.acquire(timeout=wait):
            raise VaultBusy()
        try:
            yield self
        finally:
            self._lock.release()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A consistent read of several tables: the lock (as long as it takes) and one read
        transaction; yields the connection. No local write lands between two reads in the block."""
        with self.hold():
            conn = self.conn
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """The connection, for the reads of core modules that keep tables of their own beside the
        records (sync's contacts, export log and inbox folder) and of the store's read models. No
        lock and no transaction; writes go through :meth:`writing`. The CLI and the GUI call
        functions that take the vault instead."""
        yield self.conn

    def audit(self, action: str, *, record_id: str | None = None, detail: str | None = None) -> str:
        """Append a chained audit entry (by this vault's profile and device); return its hash.

        Inside :meth:`writing` it joins that transaction (and rolls back with it); outside, it is
        a write of its own.
        """
        if self.conn.in_transaction:
            return self._audit(action, record_id=record_id, detail=detail)
        with self.writing():
            return self._audit(action, record_id=record_id, detail=detail)

    def forget_vocabularies(self) -> None:
        """Drop the cached vocabulary keys; the next save reads them again. Call after writing
        ``term`` revisions by other ways than :meth:`put` or :meth:`insert_revision`."""
        self._vocab_cache = None

    def type_of(self, record_id: str) -> tuple[str, bool] | None:
        """(type, deleted) of a record without reading its body, or None if there is none."""
        row = self.conn.execute("SELECT type, deleted FROM records WHERE id = ?", (record_id,)).fetchone()
        return (row[0], bool(row[1])) if row is not None else None

    def has_vocabulary(self, name: str) -> bool:
        """Whether this vault knows the vocabulary ``name`` (an older vault may not)."""
        return vocab.exists(self.conn, name)

    def labelled_terms(self, name: str) -> list:
        """Every term of a vocabulary with its labels: (key, {lang: label}, deprecated)."""
        return list(vocab.labelled_terms(self.conn, name))

    def _hold(self):
        """The vault's lock for a write, waiting at most ``write_wait`` seconds (see :meth:`writing`)."""
        return self.hold(self.write_wait)

    def change_passphrase(self, new_passphrase: str, *, kdf: "KdfCost | None" = None) -> None:
        """Rewrap the data key under the new passphrase; the database itself is not rewritten.

        The new slot is written and read back before the old one is destroyed in place, so an
        interruption leaves a key file that opens with the old or the new passphrase.
        """
        from ..keys import keyslot

        new_passphrase = check_strength(new_passphrase)
        with self._lock:
            if self._data_key is None:
                raise VaultLocked(Message("vault_locked"))
            self.conn  # noqa: B018 - raises VaultLocked when closed
            self._rewrapping = True  # a still_there() on the GUI thread must not take this for a wipe
            try:
                keyslot.rewrap(self.path, self._data_key, new_passphrase, kdf or keyslot.DEFAULT_COST)
                del new_passphrase
                self._keyfile_seen = keyslot.state(self.path)
            finally:
                self._rewrapping = False
            with transaction(self.conn):
                self._audit("passphrase-changed")

    @contextlib.contextmanager
    def changing_key_file(self) -> Iterator[None]:
        """Hold the vault while the block changes its key file in place (a duress verifier, say):
        meanwhile :meth:`still_there` does not take the change for a wipe, and afterwards the key
        file as it now is counts as this vault's own. Raises VaultLocked when the vault is closed."""
        from ..keys import keyslot

        with self._lock:
            self.conn  # noqa: B018 - raises VaultLocked when closed
            self._rewrapping = True
            try:
                yield
                self._keyfile_seen = keyslot.state(self.path)
            finally:
                self._rewrapping = False

    @property
    def identity(self) -> DeviceIdentity:
        meta = dict(self.conn.execute("SELECT key, value FROM meta WHERE key IN ('age_identity', 'signing_key')"))
        return DeviceIdentity(meta["age_identity"], bytes.fromhex(meta["signing_key"]))

    @property
    def schema_version(self) -> int:
        return migrations.version(self.conn)

    # --- reading -------------------------------------------------------------------------------

    def info(self, record_id: str) -> RecordInfo:
        row = self.conn.execute(f"{_RECORD_SELECT} WHERE r.id = ?", (record_id,)).fetchone()
        if row is None:
            raise RecordNotFound(Message("record_not_found", id=one_line(record_id, 40)))
        return _info(row)

    def get(self, record_id: str) -> dict:
        """The current body of a live record."""
        info = self.info(record_id)
        if info.deleted or info.body is None:
            raise RecordNotFound(Message("record_deleted", id=record_id))
        return info.body

    def records(self, record_type: str | None = None, *, include_deleted: bool = False,
                order: str = "label", where: dict[str, str] | None = None,
                limit: int | None = None, offset: int = 0, batch: int | None = None) -> Iterator[RecordInfo]:
        """Current records, sorted by label in Kazakh/Russian alphabetical order by default.

        ``where`` filters on top-level body fields (equality); ``limit``/``offset`` page through.
        ``batch`` (without ``limit``): the sort runs once over the keys only (rowids, in order, read
        as a stream) and the bodies are read by key ``batch`` at a time, so memory holds one batch
        of bodies and time grows linearly with the records, where pages by ``offset`` sort and skip
        every earlier row again for each page. Same records, same order.
        """
        if batch is not None and limit is None:
            yield from self._records_by_key(record_type, include_deleted, order, where, int(batch))
            return
        sql, params = _records_query(_RECORD_SELECT, record_type, include_deleted, order, where)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        for row in self.conn.execute(sql, params):  # streamed: memory does not grow with the vault
            yield _info(row)

    def _records_by_key(self, record_type, include_deleted, order, where, batch: int) -> Iterator[RecordInfo]:
        keys = "SELECT r.rowid FROM records r" + (" JOIN revisions v ON v.rev = r.head" if where else "")
        # The keys' statement stays open while the bodies are read: one read transaction, one snapshot.
        cursor = self.conn.execute(*_records_query(keys, record_type, include_deleted, order, where))
        while rowids := [r[0] for r in cursor.fetchmany(batch)]:
            marks = ",".join("?" * len(rowids))
            rows = {row[0]: row[1:] for row in self.conn.execute(
                f"SELECT r.rowid, {_RECORD_SELECT.removeprefix('SELECT ')} WHERE r.rowid IN ({marks})", rowids)}
            for rowid in rowids:
                yield _info(rows[rowid])

    def history(self, record_id: str) -> list[Revision]:
        rows = self.conn.execute(
            f"SELECT {_SIGNED_COLUMNS} FROM revisions v LEFT JOIN revision_signatures s ON s.seq = v.seq "
            "WHERE v.record_id = ? ORDER BY v.seq", (record_id,)
        ).fetchall()
        if not rows:
            raise RecordNotFound(Message("record_not_found", id=one_line(record_id, 40)))
        return [Revision.from_row(r) for r in rows]

    def referencing(self, record_id: str) -> list[tuple[str, str]]:
        """(record id, field) of every live record that names ``record_id``."""
        return self.conn.execute(
            "SELECT r.id, f.field FROM refs f JOIN records r ON r.rowid = f.source WHERE f.target_id = ? "
            "ORDER BY r.id, f.field", (record_id,)
        ).fetchall()

    def counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT type, count(*) FROM records WHERE deleted = 0 GROUP BY type")
        return dict(rows)

    def conflicts(self) -> list[RecordInfo]:
        """Records to review: concurrent versions, or an edit of a sealed record that was refused."""
        rows = self.conn.execute(
            f"{_RECORD_SELECT} WHERE r.heads > 1 OR r.id IN (SELECT g.record_id FROM revision_graph g "
            "WHERE g.rejected = 1) ORDER BY r.id")
        return [_info(r) for r in rows]

    def heads(self, record_id: str) -> list[_history.Head]:
        """Every head of a record for conflict review, the current view's first; rejected ones
        (concurrent edits of a sealed record) are flagged."""
        self.info(record_id)
        return _history.head_details(self.conn, record_id)

    def revision(self, rev: str) -> Revision:
        row = self.conn.execute(f"SELECT {_SIGNED_COLUMNS} FROM revisions v LEFT JOIN revision_signatures s "
                                "ON s.seq = v.seq WHERE v.rev = ?", (rev,)).fetchone()
        if row is None:
            raise RecordNotFound(Message("vault_no_revision", id=one_line(rev, 40)))
        return Revision.from_row(row)

    def digest(self) -> str:
        """SHA-256 of the vault's shared state (see docs/vault.md): equal in two vaults that hold
        the same revisions and attachments, whatever order they arrived in."""
        return _history.digest(self.conn)

    def search(self, text: str, *, limit: int = 50, types: list[str] | None = None,
               marks: tuple[str, str] = ("[", "]")) -> list[_search.SearchHit]:
        return _search.search(self.conn, text, limit=limit, types=types, marks=marks)

    def search_page(self, text: str, *, limit: int = 50, offset: int = 0, types: list[str] | None = None,
                    marks: tuple[str, str] = ("[", "]")) -> "_search.SearchPage":
        """One page of matches with the real total (word forms included)."""
        return _search.search_page(self.conn, text, limit=limit, offset=offset, types=types, marks=marks)

    def vocabulary(self, name: str, lang: str = "en", *, include_deprecated: bool = False) -> list[tuple[str, str]]:
        return vocab.terms(self.conn, name, lang, include_deprecated=include_deprecated)

    def label(self, vocabulary: str, key: str, lang: str = "en") -> str:
        return vocab.label(self.conn, vocabulary, key, lang)

    # --- writing -------------------------------------------------------------------------------

    def put(self, record: dict) -> Revision | None:
        """Store a new or changed record; return its new revision (None if nothing changed)."""
        return self.put_many([record])[0]

    def put_many(self, records: Sequence[dict], *, labels: Sequence[str] | None = None,
                 progress: Progress | None = None, cancel=None, action: str | None = None) -> list[Revision | None]:
        """Validate every record first, then write them all in one transaction.

        ``labels`` name each record in error messages (a file's line numbers, say). If any record
        is invalid nothing is written and :class:`SchemaViolation` says which and why. Returns the
        new revision of each record (None where the record did not change).
        """
        where = list(labels) if labels is not None else [f"record {i + 1}" for i in range(len(records))]
        report = self.put_stream(lambda: zip(where, records), progress=progress, cancel=cancel,
                                 action=action, keep_revisions=True)
        return report.revisions

    def put_stream(self, source: Callable[[], Iterable[tuple[str, dict]]], *, progress: Progress | None = None,
                   cancel=None, action: str | None = None, keep_revisions: bool = False) -> "WriteReport":
        """Check every record ``source()`` yields, then call it again and write them all in one transaction.

        ``source`` yields (label, record) pairs and must yield the same records both times (a file
        read twice, say); if it does not, nothing is written. Only ids and references are kept
        between the passes, so a large import needs little memory.
        """
        with self._hold():
            batch, refs, first = gate.Batch(self._vocab_keys()), [], hashlib.sha256()
            total = 0
            for label, record in source():
                schema.check_structure(record, label)
                record = nfc(record)
                annotated = gate.check_record(self.conn, record, label, batch)
                refs += [(label, record["type"], record["id"], item) for item in schema.references(record, annotated)]
                first.update(canonical_json(record))
                total += 1
                if total % 500 == 0:
                    if cancel is not None and cancel.is_set():
                        raise Cancelled()
                    if progress:
                        progress(total, 0, "checking records")
            gate.check_references(self.conn, refs, batch)
            batch.cross.settle(self._live_body)
            report, second, written = WriteReport(total=total), hashlib.sha256(), 0
            with self.writing():
                for _label, record in source():
                    record = nfc(record)
                    second.update(canonical_json(record))
                    revision, existed = self._store(record, action=action)
                    report.count(revision, existed)
                    if keep_revisions:
                        report.revisions.append(revision)
                    written += 1
                    if written % 500 == 0:
                        if cancel is not None and cancel.is_set():
                            raise Cancelled()
                        if progress:
                            progress(written, total, "writing records")
                if written != total or second.digest() != first.digest():
                    raise MonitorError(Message("input_changed"))
            if progress:
                progress(total, total, "writing records")
            return report

    def delete(self, record_id: str) -> Revision:
        """Delete a record by writing a tombstone revision; its history stays."""
        with self.writing() as conn:
            record_type = gate.check_delete(conn, record_id)
            return self._new_revision(record_id, record_type, None, deleted=True, action="delete")

    def seal(self, record_id: str) -> Revision:
        """Seal an interview or examination: afterwards it takes addenda only."""
        info = self.info(record_id)
        if info.type not in schema.SEALABLE_TYPES:
            raise SchemaViolation(Message("vault_seal_wrong_type", type=info.type))
        if info.sealed:
            raise SealedRecord(Message("vault_already_sealed", type=info.type, id=record_id))
        if not consent.allows(self, info.body["person_id"], "documentation"):
            raise ConsentRequired(Message("vault_seal_no_consent", type=info.type, id=record_id))
        if any(note.get("interview_id") == record_id for _, note in recordings.staged(self)):
            raise MonitorError(Message("vault_seal_recording"))  # the seal covers its recordings: finish first
        stamp = {"sealed": True, "sealed_at": utc_now(), "sealed_by": self.profile}
        body = {**self.get(record_id), **stamp}
        exhibits = [{**self.get(aid), **stamp} for aid in self.exhibits_of(record_id)]
        return self.put_many([body, *exhibits], action="seal")[0]

    def exhibits_of(self, record_id: str) -> list[str]:
        """The live, unsealed attachments a seal of ``record_id`` covers (sorted ids): those filed
        under it (``parent_id``: an interview's recordings, say) and the photos its injuries show
        (``injuries[].photo_ids``). :meth:`seal` seals them in the same transaction, so the seal of
        each holds on every device whatever order bundles arrive in (docs/vault.md, "History")."""
        body = self.get(record_id)
        named = {aid for injury in body.get("injuries") or () for aid in injury.get("photo_ids") or ()}
        named |= {rid for rid, field in self.referencing(record_id) if field == "parent_id"}
        if not named:
            return []
        marks = ",".join("?" * len(named))
        rows = self.conn.execute(f"SELECT id FROM records WHERE id IN ({marks}) AND type = 'attachment' "
                                 "AND deleted = 0 AND sealed = 0 ORDER BY id", sorted(named)).fetchall()
        return [row[0] for row in rows]

    def add_addendum(self, target_id: str, text: str, *, author: str | None = None) -> dict:
        record = {"id": new_id(), "type": "addendum", "target_id": target_id, "text": text,
                  "author": author or self.profile, "date": utc_now()}
        self.put(record)
        return record

    # --- attachments ---------------------------------------------------------------------------

    def store_blob(self, stream: BinaryIO, *, total: int | None = None, progress: Progress | None = None,
                   cancel=None) -> attachments.BlobInfo:
        """Store bytes without a record (the caller adds the attachment record)."""
        with self.writing() as conn:
            info = attachments.store(conn, stream, total=total, progress=progress, cancel=cancel)
            if info.new:
                self._audit("blob-stored", detail=f"sha256={info.sha256} size={info.size}")
            return info

    def add_attachment(self, source: Path | str, *, parent_id: str | None = None, caption: str | None = None,
                       mime_type: str | None = None, captured_at: str | None = None, has_scale: bool | None = None,
                       intimate: bool | None = None, description: str | None = None,
                       progress: Progress | None = None, cancel=None) -> dict:
        """Add a file as an attachment: bytes and record in one transaction."""
        source = Path(source)
        if not source.is_file():
            raise MonitorError(Message("not_a_file", path=one_line(str(source), 80)))
        name = clean_file_name(source.name)  # the one rule for names (text.file_name_problem)
        record = {"id": new_id(), "type": "attachment", "sha256": "0" * 64, "size": 0,
                  "mime_type": mime_type or mimetypes.guess_type(name)[0] or "application/octet-stream",
                  "original_name": name, "added_by": self.profile}
        optional = dict(parent_id=parent_id, caption=caption, captured_at=captured_at, has_scale=has_scale,
                        intimate=intimate, description=description)
        record.update({k: v for k, v in optional.items() if v is not None})
        with self._hold(), source.open("rb") as stream:
            batch = gate.Batch(self._vocab_keys())
            gate.check_record(self.conn, record, "attachment", batch, blob_known=False)
            gate.check_references(self.conn, [("attachment", "attachment", record["id"], item)
                                              for item in schema.references(record)], batch)
            with self.writing() as conn:
                blob = attachments.store(conn, stream, total=source.stat().st_size, progress=progress, cancel=cancel)
                record.update(sha256=blob.sha256, size=blob.size)
                if blob.new:
                    self._audit("blob-stored", detail=f"sha256={blob.sha256} size={blob.size}")
                self._store(nfc(record), action=None)
        return record

    def attach_staged(self, record: dict, blob_id: int, *, also: Callable[[Connection], None] | None = None) -> dict:
        """Store ``record`` (an attachment) for the blob ``blob_id`` that was staged chunk by chunk
        (a recording: :mod:`monitor.core.audio.recording`): the blob gets its hash and size, the record
        names them, and ``also(conn)`` runs (dropping the recording's note), all in one transaction."""
        with self._hold(), self.writing() as conn:
            blob = attachments.finish_staged(conn, blob_id)
            record = nfc({**record, "sha256": blob.sha256, "size": blob.size})
            batch = gate.Batch(self._vocab_keys())
            gate.check_record(conn, record, "attachment", batch)
            gate.check_references(conn, [("attachment", "attachment", record["id"], item)
                                         for item in schema.references(record)], batch)
            if blob.new:
                self._audit("blob-stored", detail=f"sha256={blob.sha256} size={blob.size}")
            if also is not None:
                also(conn)
            self._store(record, action=None)
        return record

    def read_attachment(self, sha256: str) -> Iterator[bytes]:
        """The stored bytes, chunk by chunk."""
        return attachments.read(self.conn, sha256)

    def export_attachment(self, sha256: str, destination: Path | str) -> Path:
        """Write an attachment's bytes to a file the user chose (atomically)."""
        from ..fs import atomic_writer

        with atomic_writer(destination) as out:
            for chunk in self.read_attachment(sha256):
                out.write(chunk)
        return Path(destination)

    # --- maintenance ---------------------------------------------------------------------------

    def rebuild_search_index(self, progress: Progress | None = None, cancel=None) -> int:
        with self.writing() as conn:
            n = _search.reindex_all(conn, progress=progress, cancel=cancel)
            self._audit("search-index-rebuilt", detail=f"{n} records")
            return n

    def verify(self, progress: Progress | None = None, cancel=None):
        """``monitor verify``: cipher, database, revisions, audit chain, attachments (see :mod:`.verify`)."""
        from .verify import verify

        with self._lock:
            return verify(self.conn, progress=progress, cancel=cancel)

    def summary(self) -> dict:
        """What ``monitor info`` shows."""
        ident = self.identity
        conn = self.conn
        blobs = conn.execute("SELECT count(*), coalesce(sum(size), 0) FROM blobs WHERE sha256 IS NOT NULL").fetchone()
        return {
            "path": str(self.path),
            "file_size": self.path.stat().st_size,
            "schema_version": self.schema_version,
            "vault_id": self.vault_id,
            "device_id": self.device_id,
            "profile": self.profile,
            "created_at": conn.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()[0],
            "age_recipient": ident.age_recipient,
            "signing_fingerprint": ident.fingerprint,
            "records": self.counts(),
            "revisions": conn.execute("SELECT count(*) FROM revisions").fetchone()[0],
            "conflicts": conn.execute(  # partial indexes
                "SELECT count(*) FROM records WHERE heads > 1 OR id IN "
                "(SELECT record_id FROM revision_graph WHERE rejected = 1)").fetchone()[0],
            "attachments": {"blobs": blobs[0], "bytes": blobs[1]},
            "audit_entries": conn.execute("SELECT count(*) FROM audit").fetchone()[0],
        }

    # --- internals -----------------------------------------------------------------------------

    def _vocab_keys(self) -> dict[str, set[str]]:
        """The vocabulary keys, cached between local saves (dropped whenever a term is written)."""
        if self._vocab_cache is None:
            self._vocab_cache = vocab.keys(self.conn)
        return self._vocab_cache

    def _live_body(self, record_id: str) -> dict | None:
        row = self.conn.execute(f"{_RECORD_SELECT} WHERE r.id = ? AND r.deleted = 0", (record_id,)).fetchone()
        return _info(row).body if row else None

    def _store(self, record: dict, *, action: str | None) -> tuple[Revision | None, bool]:
        """Write one validated record (inside a transaction).

        Returns its new revision (None if it did not change) and whether the record existed.
        """
        row = self.conn.execute(
            "SELECT v.body, r.deleted FROM records r JOIN revisions v ON v.rev = r.head WHERE r.id = ?",
            (record["id"],)).fetchone()
        existed = row is not None and not row[1]
        if existed and row[0] is not None and json.loads(row[0]) == record:
            return None, True
        default = "update" if row is not None else "create"
        return self._new_revision(record["id"], record["type"], record, deleted=False, action=action or default), existed

    def _new_revision(self, record_id: str, record_type: str, body: dict | None, *, deleted: bool,
                      action: str, parents: Sequence[str] | None = None, detail: str | None = None) -> Revision:
        """Make, admit and store a local revision (its body was checked by the local door)."""
        if parents is None:
            parents = _history.heads(self.conn, record_id, include_rejected=False)
        identity = self._signer()
        revision = Revision(new_id(), record_id, record_type, tuple(sorted(parents)), self.profile, self.device_id,
                            utc_now(), deleted, body).signed_by(identity)
        line = gate.admit(self.conn, revision, body_checked=True)
        if record_type == "term":
            self._vocab_cache = None
        _history.insert(self.conn, revision, line)
        sync_log.store_signature(self.conn, revision.rev, revision.signature)
        self._audit(action, record_id=record_id, rev=revision.rev, rev_hash=revision.hash, detail=detail)
        return revision

    def _signer(self) -> DeviceIdentity:
        """This device's identity, its key learned by the vault (the gate checks every revision
        against its device's key): once per write transaction, not once per revision (the meta
        read, deriving the public key and the device_keys insert were about a sixth of a save)."""
        chain = self._chain
        if chain is not None and self._identity_for is not None and self._identity_for[0] is chain:
            return self._identity_for[1]
        identity = self.identity
        sync_log.learn_device(self.conn, self.device_id, identity.signing_public.hex(), "self")
        if chain is not None and chain.conn is self.conn:
            self._identity_for = (chain, identity)  # dropped when the transaction ends
        return identity

    def insert_revision(self, revision: Revision, batch: gate.Batch | None = None, *,
                        hash_checked: bool = False) -> bool:
        """Insert a revision exactly as given (another device's, say) through the gate, refresh the
        view and log it. Must run inside a write transaction (``with vault.writing():``).

        Returns False (and changes nothing) if the revision is stored already. Raises a one-line
        :class:`MonitorError` if the gate refuses it; the caller's transaction then rolls back.
        ``hash_checked``: the caller compared the revision's hash with its fields already.
        """
        return self._insert_revision(revision, batch, hash_checked=hash_checked) is not None

    def _insert_revision(self, revision: Revision, batch: gate.Batch | None, *,
                         hash_checked: bool) -> _history.Lineage | None:
        """:meth:`insert_revision`, returning the revision's place in the graph (None: stored already)."""
        batch = batch if batch is not None else gate.Batch()
        line = gate.admit(self.conn, revision, batch, hash_checked=hash_checked)
        if line is None:
            return None
        if revision.record_type == "term":
            self._vocab_cache = None
        _history.insert(self.conn, revision, line)
        sync_log.store_signature(self.conn, revision.rev, revision.signature)  # the gate checked it
        self._audit("revision-received", record_id=revision.record_id, rev=revision.rev, rev_hash=revision.hash,
                    detail=f"from device {revision.device} by {one_line(revision.author, 60)}")
        return line

    def merge_revision(self, revision: Revision, batch: gate.Batch, *, hash_checked: bool = False) -> str:
        """Merge one revision from elsewhere (a bundle's) through the gate, inside :meth:`writing`.

        Returns 'new', 'skipped' (stored already) or 'sealed_refused' (an edit of a sealed record,
        kept as a rejected sibling: shown in the conflict review, never as the current view).
        """
        line = self._insert_revision(revision, batch, hash_checked=hash_checked)
        if line is None:
            return "skipped"
        if line.first:  # a record's only revision is its view: never rejected
            return "new"
        row = self.conn.execute("SELECT rejected FROM revision_graph WHERE rev = ?", (revision.rev,)).fetchone()
        return "sealed_refused" if row and row[0] else "new"

    def insert_revisions(self, revisions: Iterable[Revision], *, progress: Progress | None = None,
                         cancel=None) -> int:
        """Insert revisions from elsewhere in one transaction, parents first; all or nothing.

        Returns how many were new (those already stored are skipped).
        """
        ordered = _history.topological(revisions)
        added = 0
        with self.writing():
            batch = gate.Batch()
            batch.announce(ordered)
            for i, revision in enumerate(ordered, 1):
                added += self.insert_revision(revision, batch)
                if i % 500 == 0:
                    if cancel is not None and cancel.is_set():
                        raise Cancelled()
                    if progress:
                        progress(i, len(ordered), "revisions")
        return added

    def resolve(self, record_id: str, body: dict | None, heads: Sequence[str]) -> Revision:
        """Resolve a conflict on purpose: store ``body`` (None: the record is deleted) as a revision
        whose parents are ``heads``, which must be every head the record has now (as the review
        showed them), and log who resolved what.
        """
        with self.writing() as conn:
            record_type, body, current = gate.check_resolution(conn, record_id, body, heads)
            return self._new_revision(record_id, record_type, body, deleted=body is None, action="resolve",
                                      parents=current,
                                      detail=f"resolved {len(current)} versions: {', '.join(current)}")

    def _audit(self, action: str, **fields) -> str:
        chain = self._chain
        if chain is not None and chain.conn is self.conn:
            return chain.append(at=utc_now(), actor=self.profile, device=self.device_id, action=action, **fields)
        return audit.append(self.conn, at=utc_now(), actor=self.profile, device=self.device_id,
                             action=action, **fields)

