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
import os
import platform
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

from . import attachments, audit, migrations
from ..history import gate
from ..model import schema, vocab
from ..search import index as _search
from ..history import graph as _history
from ..keys import keyslot
from . import legacy
from ..db import Connection, DatabaseError, connect, transaction
from ..errors import (
    Cancelled,
    ConsentRequired,
    MonitorError,
    RecordNotFound,
    SchemaViolation,
    SealedRecord,
    VaultBusy,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)
from ..fs import PRIVATE_FILE, ensure_private_dir, fsync_dir, temp_sibling
from ..keys.identity import DeviceIdentity
from ..model.labels import record_label  # noqa: F401  (re-exported: vault.record_label)
from ..keys.passphrase import check_strength, normalise
from ..history.revisions import REVISION_COLUMNS, Revision, new_id, utc_now
from ..text import canonical_json, clean_file_name, nfc, one_line

Progress = Callable[[int, int, str], None]


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
_RECORD_COLUMNS = "id, type, head, heads, created_at, updated_at, deleted, sealed, label"


def _info(row) -> RecordInfo:
    return RecordInfo(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), bool(row[7]),
                      row[8], json.loads(row[9]) if row[9] is not None else None)


def _cost(kdf: keyslot.KdfCost | None, kdf_iter: int | None) -> keyslot.KdfCost:
    """The Argon2id cost for a new key file.

    Production passes neither and gets :data:`keyslot.DEFAULT_COST`. ``kdf`` is the tests' explicit
    low cost. ``kdf_iter`` is the older test-only knob (SQLCipher's PBKDF2 count, still used to open
    test vaults from before key files); a caller that passes only it is a test written before key
    files, so it gets the test cost too rather than a production derivation per vault.
    """
    if kdf is not None:
        return kdf
    return keyslot.TEST_COST if kdf_iter is not None else keyslot.DEFAULT_COST


def _place(path: Path) -> str:
    """Where a vault file lives: this machine and the file's absolute path, hashed."""
    machine = ""
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        with contextlib.suppress(OSError):
            machine = Path(candidate).read_text(encoding="ascii", errors="replace").strip()
        if machine:
            break
    machine = machine or platform.node()
    return hashlib.sha256(f"monitor-place\0{machine}\0{Path(path).resolve()}".encode("utf-8")).hexdigest()


def renew_device_if_copied(conn: Connection, path: Path) -> bool:
    """Give a copied (or moved) vault file its own device id the first time it opens elsewhere.

    Revisions carry the device that made them, and a coordinator follows each device's history. Two
    copies of one vault that both go on working must not pass for one device. The vault keeps a hash
    of the machine and path it was last opened at; opened anywhere else, it takes a new device id
    (its signing and age keys stay, so contacts still trust it) and logs why. Returns whether it did.
    """
    place = _place(path)
    row = conn.execute("SELECT value FROM meta WHERE key = 'place'").fetchone()
    if row is not None and row[0] == place:
        return False
    with transaction(conn):
        if row is None:  # first open since this check exists: remember the place
            conn.execute("INSERT INTO meta (key, value) VALUES ('place', ?)", (place,))
            return False
        old = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
        new = new_id()
        conn.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", (new,))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'place'", (place,))
        profile = conn.execute("SELECT value FROM meta WHERE key = 'profile'").fetchone()[0]
        audit.append(conn, at=utc_now(), actor=profile, device=new, action="device-renewed",
                     detail=f"this vault file was copied or moved (it was device {old}); it now writes as device {new}")
    return True


class Vault:
    """An open vault. Create with :meth:`create`, open with :meth:`open`; close when done."""

    def __init__(self, path: Path, conn: Connection, data_key: bytes | None = None):
        self.path = Path(path)
        self._conn: Connection | None = conn
        self._lock = threading.RLock()
        self.write_wait: float | None = None  # see _write
        # A copy of the data key (SQLCipher holds its own) so that ``change_passphrase`` can rewrap
        # it; a bytearray so that closing can zero it.
        self._data_key = bytearray(data_key) if data_key is not None else None
        self._keyfile_seen = keyslot.state(self.path)
        self._rewrapping = False  # see change_passphrase and still_there
        self.warnings: list[str] = []  # things the user should hear about, found while opening
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        self.vault_id = meta["vault_id"]
        self.device_id = meta["device_id"]
        self.profile = meta["profile"]
        self._vocab_cache: dict[str, set[str]] | None = None

    # --- lifecycle -----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, passphrase: str, *, profile: str = "monitor",
               kdf: keyslot.KdfCost | None = None, kdf_iter: int | None = None,
               populate: Callable[["Vault"], None] | None = None) -> "Vault":
        """Create a new vault at ``path`` (and its key file ``path.keyslot``) and return it open.

        The database is keyed with a random data key, wrapped in the key file under a key derived
        from the passphrase with Argon2id at ``kdf`` cost (tests pass a low one explicitly; see
        :func:`_cost` for ``kdf_iter``). The file is built under a
        temporary name in the same directory and renamed into place only when complete (including
        ``populate``, used for demo data), so an interrupted or cancelled creation never leaves a
        half-made vault at ``path``.
        """
        path = Path(path)
        slot_path = keyslot.path_for(path)
        if path.exists() or path.is_symlink():
            raise VaultExists(f"a file already exists at {path}; choose another --vault path")
        if slot_path.exists() or slot_path.is_symlink():
            raise VaultExists(f"a key file already exists at {slot_path} (it may belong to a vault that was "
                              "moved away); move it elsewhere or choose another --vault path")
        passphrase = check_strength(passphrase)
        cost = _cost(kdf, kdf_iter)
        ensure_private_dir(path.parent)
        tmp = temp_sibling(path, "creating")
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        data_key = keyslot.new_data_key()
        slot_written = False
        try:
            conn = connect(tmp, data_key=data_key)
            migrations.upgrade(conn)
            _search.ensure_index(conn)
            identity = DeviceIdentity.generate()
            now = utc_now()
            with transaction(conn):
                meta = {
                    "vault_id": new_id(),
                    "device_id": new_id(),
                    "profile": profile,
                    "created_at": now,
                    "age_identity": identity.age_identity,
                    "signing_key": identity.signing_key.hex(),
                }
                conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
                vocab.seed(conn)
                audit.append(conn, at=now, actor=profile, device=meta["device_id"],
                             action="vault-created", detail=f"schema {migrations.CURRENT_VERSION}")
            vault = cls(tmp, conn)
            try:
                if populate is not None:
                    populate(vault)
            finally:
                vault.close()
            # The key file goes into place first: a crash before the rename below leaves a key file
            # without a vault (create refuses to reuse it), never a vault without its key.
            keyslot.write_new(tmp, slot_path, data_key, passphrase, cost)
            slot_written = True
            del passphrase
            if path.exists():
                raise VaultExists(f"a file appeared at {path} while the vault was being created")
            os.replace(tmp, path)
            fsync_dir(path.parent)
        except BaseException:
            from ..keys.wipe import destroy_key_file, wipe_files

            if slot_written:
                destroy_key_file(path)
            wipe_files(tmp, check=False)
            raise
        return cls._open_keyed(path, data_key)

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, kdf: keyslot.KdfCost | None = None,
             kdf_iter: int | None = None, progress: Progress | None = None) -> "Vault":
        """Open an existing vault; upgrade its schema if it is older than this Monitor.

        The key file proves the passphrase before the database is touched, so a database that
        then fails to decrypt is reported as damaged, not as a wrong passphrase. A vault from
        before key files (keyed by the passphrase; ``kdf_iter`` lowers that cost in tests) is
        converted on its first unlock: a new file with a random data key and a key file at ``kdf``
        cost, after which the old file is wiped.
        """
        path = Path(path)
        if not path.is_file() and not (keyslot.path_for(path).is_file() and legacy.finish_creation(path)):
            raise VaultNotFound(f"no vault at {path}; create one with 'monitor init' or pass --vault")
        if not os.access(path, os.R_OK | os.W_OK):
            raise MonitorError(f"cannot open {path}: permission denied")
        passphrase = normalise(passphrase)
        slot_path = keyslot.path_for(path)
        if not (slot_path.exists() or slot_path.is_symlink()):
            return cls._open_legacy(path, passphrase, kdf=kdf, kdf_iter=kdf_iter, progress=progress)
        keyfile = keyslot.read(path)
        data_key, _index = keyfile.unwrap(passphrase)
        del passphrase
        if keyfile.vault_salt != keyslot.vault_salt(path):
            if not legacy.finish_conversion(path, keyfile):
                raise VaultDamaged(
                    f"the vault file is damaged, or its key file belongs to another vault: the start of {path} "
                    f"does not match {slot_path} (the passphrase is right); restore both from the same backup")
        vault = cls._open_keyed(path, data_key, progress=progress)
        if keyfile.damaged:
            cleared = keyslot.clear_damaged(keyfile)
            vault._keyfile_seen = keyslot.state(path)
            vault.warnings.append(f"the key file {slot_path} had {len(cleared)} damaged spare slot(s); they were "
                                  "cleared (the vault is intact; consider a fresh backup of both files)")
        return vault

    @classmethod
    def _open_keyed(cls, path: Path, data_key: bytes, *, progress: Progress | None = None) -> "Vault":
        conn = connect(path, data_key=data_key)
        try:
            try:
                if migrations.version(conn) == 0:
                    raise VaultDamaged(f"the vault file is damaged: {path} decrypts but holds no Monitor data")
                migrations.upgrade(conn, progress=progress)
                if vocab.needs_refresh(conn):  # this Monitor ships changed built-in vocabularies
                    with transaction(conn):
                        vocab.seed(conn)
                _search.ensure_index(conn, progress=progress)  # derived; rebuilt when its version changed
                renew_device_if_copied(conn, path)
                return cls(path, conn, data_key)
            except DatabaseError as exc:
                raise VaultDamaged(f"the vault file is damaged ({one_line(str(exc), 60)}); "
                                   "restore it from a backup or run 'monitor verify'") from exc
        except BaseException:
            with contextlib.suppress(Exception):
                conn.close()
            raise

    @classmethod
    def _open_legacy(cls, path: Path, passphrase: str, *, kdf: keyslot.KdfCost | None,
                     kdf_iter: int | None, progress: Progress | None) -> "Vault":
        """A vault keyed by its passphrase (before key files): prove it, then convert it."""
        if path.stat().st_size == 0:  # SQLCipher would accept any key for an empty file
            raise WrongPassphrase()
        try:
            conn = connect(path, passphrase, kdf_iter=kdf_iter)
        except WrongPassphrase:
            raise WrongPassphrase(
                f"this vault's key file is missing: {keyslot.path_for(path)}; restore it together with the vault "
                "(or, if this vault is from before key files, the passphrase is wrong, or it is not a Monitor vault)"
            ) from None
        try:
            if migrations.version(conn) == 0:  # keyed but never set up: not a vault we made
                raise WrongPassphrase()
            if migrations.version(conn) > migrations.CURRENT_VERSION:
                migrations.upgrade(conn)  # raises VaultTooNew; convert nothing we do not understand
            data_key = legacy.convert(path, conn, passphrase, _cost(kdf, kdf_iter))
        except BaseException:
            with contextlib.suppress(Exception):
                conn.close()
            raise
        return cls._open_keyed(path, data_key, progress=progress)

    def still_there(self) -> bool:
        """False once the key file this vault was opened with has been wiped, replaced or removed.

        While :meth:`change_passphrase` rewrites the key file (on a worker, for seconds at the
        production Argon2id cost) the change is this vault's own, so it still counts as there.
        """
        now = keyslot.state(self.path)  # read first: a rewrap that ends meanwhile has already updated _keyfile_seen
        return self._rewrapping or self._keyfile_seen is None or now == self._keyfile_seen

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
            raise VaultLocked("the vault is locked; open it again with the passphrase")
        return self._conn

    @contextlib.contextmanager
    def _write(self):
        """One write transaction, under the lock that long work on worker threads holds.

        ``write_wait`` (seconds; None waits as long as it takes) bounds how long a write waits for
        that lock: the desktop app sets it short, so that a save while an import runs says so at
        once (:class:`VaultBusy`, nothing written) instead of freezing the window until it ends.
        """
        with self._hold(), transaction(self.conn):
            yield self.conn

    @contextlib.contextmanager
    def _hold(self):
        """The vault's lock for a write, waiting at most ``write_wait`` seconds (see :meth:`_write`)."""
        if not self._lock.acquire(timeout=-1 if self.write_wait is None else self.write_wait):
            raise VaultBusy()
        try:
            yield
        finally:
            self._lock.release()

    def change_passphrase(self, new_passphrase: str, *, kdf: keyslot.KdfCost | None = None) -> None:
        """Rewrap the data key under the new passphrase; the database itself is not rewritten.

        The new slot is written and read back before the old one is destroyed in place, so an
        interruption leaves a key file that opens with the old or the new passphrase.
        """
        new_passphrase = check_strength(new_passphrase)
        with self._lock:
            if self._data_key is None:
                raise VaultLocked("the vault is locked; open it again with the passphrase")
            self.conn  # noqa: B018 - raises VaultLocked when closed
            self._rewrapping = True  # a still_there() on the GUI thread must not take this for a wipe
            try:
                keyslot.rewrap(self.path, bytes(self._data_key), new_passphrase, kdf or keyslot.DEFAULT_COST)
                del new_passphrase
                self._keyfile_seen = keyslot.state(self.path)
            finally:
                self._rewrapping = False
            with transaction(self.conn):
                self._audit("passphrase-changed")

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
            raise RecordNotFound(f"no record with id {one_line(record_id, 40)}")
        return _info(row)

    def get(self, record_id: str) -> dict:
        """The current body of a live record."""
        info = self.info(record_id)
        if info.deleted or info.body is None:
            raise RecordNotFound(f"record {record_id} was deleted")
        return info.body

    def records(self, record_type: str | None = None, *, include_deleted: bool = False,
                order: str = "label", where: dict[str, str] | None = None,
                limit: int | None = None, offset: int = 0) -> Iterator[RecordInfo]:
        """Current records, sorted by label in Kazakh/Russian alphabetical order by default.

        ``where`` filters on top-level body fields (equality); ``limit``/``offset`` page through.
        """
        sql = f"{_RECORD_SELECT} WHERE 1=1"
        params: list = []
        if record_type:
            sql += " AND r.type = ?"
            params.append(record_type)
        if not include_deleted:
            sql += " AND r.deleted = 0"
        for name, value in (where or {}).items():
            if not name.isidentifier():
                raise MonitorError(f"cannot filter on '{one_line(name, 30)}'")
            sql += f" AND json_extract(v.body, '$.{name}') = ?"
            params.append(value)
        sql += " ORDER BY r.label COLLATE monitor, r.id" if order == "label" else " ORDER BY r.created_at, r.id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        for row in self.conn.execute(sql, params):  # streamed: memory does not grow with the vault
            yield _info(row)

    def history(self, record_id: str) -> list[Revision]:
        rows = self.conn.execute(
            f"SELECT {REVISION_COLUMNS} FROM revisions WHERE record_id = ? ORDER BY seq", (record_id,)
        ).fetchall()
        if not rows:
            raise RecordNotFound(f"no record with id {one_line(record_id, 40)}")
        return [Revision.from_row(r) for r in rows]

    def referencing(self, record_id: str) -> list[tuple[str, str]]:
        """(record id, field) of every live record that names ``record_id``."""
        return self.conn.execute(
            "SELECT record_id, field FROM refs WHERE target_id = ? ORDER BY record_id, field", (record_id,)
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
        row = self.conn.execute(f"SELECT {REVISION_COLUMNS} FROM revisions WHERE rev = ?", (rev,)).fetchone()
        if row is None:
            raise RecordNotFound(f"no revision with id {one_line(rev, 40)}")
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
            with self._write():
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
                    raise MonitorError("the input changed while it was being loaded; nothing was written")
            if progress:
                progress(total, total, "writing records")
            return report

    def delete(self, record_id: str) -> Revision:
        """Delete a record by writing a tombstone revision; its history stays."""
        with self._write() as conn:
            record_type = gate.check_delete(conn, record_id)
            return self._new_revision(record_id, record_type, None, deleted=True, action="delete")

    def seal(self, record_id: str) -> Revision:
        """Seal an interview or examination: afterwards it takes addenda only."""
        info = self.info(record_id)
        if info.type not in schema.SEALABLE_TYPES:
            raise SchemaViolation(f"only interviews and examinations can be sealed, not a {info.type}")
        if info.sealed:
            raise SealedRecord(f"{info.type} {record_id} is already sealed")
        from . import consent

        if not consent.allows(self, info.body["person_id"], "documentation"):
            raise ConsentRequired(
                f"{info.type} {record_id} cannot be sealed: the person's current consent does not cover "
                "documentation; record their consent first (a consent record)")
        body = {**self.get(record_id), "sealed": True, "sealed_at": utc_now(),
                "sealed_by": self.profile}
        return self.put_many([body], action="seal")[0]

    def add_addendum(self, target_id: str, text: str, *, author: str | None = None) -> dict:
        record = {"id": new_id(), "type": "addendum", "target_id": target_id, "text": text,
                  "author": author or self.profile, "date": utc_now()}
        self.put(record)
        return record

    # --- attachments ---------------------------------------------------------------------------

    def store_blob(self, stream: BinaryIO, *, total: int | None = None, progress: Progress | None = None,
                   cancel=None) -> attachments.BlobInfo:
        """Store bytes without a record (the caller adds the attachment record)."""
        with self._write() as conn:
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
            raise MonitorError(f"not a file: {one_line(str(source), 80)}")
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
            with self._write() as conn:
                blob = attachments.store(conn, stream, total=source.stat().st_size, progress=progress, cancel=cancel)
                record.update(sha256=blob.sha256, size=blob.size)
                if blob.new:
                    self._audit("blob-stored", detail=f"sha256={blob.sha256} size={blob.size}")
                self._store(nfc(record), action=None)
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
        with self._write() as conn:
            n = _search.reindex_all(conn, progress=progress, cancel=cancel)
            self._audit("search-index-rebuilt", detail=f"{n} records")
            return n

    def verify(self, progress: Progress | None = None, cancel=None):
        from .verify import verify

        with self._lock:
            return verify(self, progress=progress, cancel=cancel)

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
        revision = Revision(new_id(), record_id, record_type, tuple(sorted(parents)), self.profile, self.device_id,
                            utc_now(), deleted, body).with_hash()
        line = gate.admit(self.conn, revision, body_checked=True)
        if record_type == "term":
            self._vocab_cache = None
        _history.insert(self.conn, revision, line)
        self._audit(action, record_id=record_id, rev=revision.rev, rev_hash=revision.hash, detail=detail)
        return revision

    def insert_revision(self, revision: Revision, batch: gate.Batch | None = None) -> bool:
        """Insert a revision exactly as given (another device's, say) through the gate, refresh the
        view and log it. Must run inside a write transaction (``with vault._write():``).

        Returns False (and changes nothing) if the revision is stored already. Raises a one-line
        :class:`MonitorError` if the gate refuses it; the caller's transaction then rolls back.
        """
        batch = batch if batch is not None else gate.Batch()
        line = gate.admit(self.conn, revision, batch)
        if line is None:
            return False
        if revision.record_type == "term":
            self._vocab_cache = None
        _history.insert(self.conn, revision, line)
        self._audit("revision-received", record_id=revision.record_id, rev=revision.rev, rev_hash=revision.hash,
                    detail=f"from device {revision.device} by {one_line(revision.author, 60)}")
        return True

    def insert_revisions(self, revisions: Iterable[Revision], *, progress: Progress | None = None,
                         cancel=None) -> int:
        """Insert revisions from elsewhere in one transaction, parents first; all or nothing.

        Returns how many were new (those already stored are skipped).
        """
        ordered = _history.topological(revisions)
        added = 0
        with self._write():
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
        with self._write() as conn:
            record_type, body, current = gate.check_resolution(conn, record_id, body, heads)
            return self._new_revision(record_id, record_type, body, deleted=body is None, action="resolve",
                                      parents=current,
                                      detail=f"resolved {len(current)} versions: {', '.join(current)}")

    def _audit(self, action: str, **fields) -> str:
        return audit.append(self.conn, at=utc_now(), actor=self.profile, device=self.device_id,
                             action=action, **fields)

