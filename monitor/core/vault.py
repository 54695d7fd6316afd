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
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

from . import attachments, audit, migrations, rules, schema, search as _search, vocab
from .db import Connection, DatabaseError, connect, rekey, transaction
from .errors import (
    Cancelled,
    ConsentRequired,
    MonitorError,
    RecordNotFound,
    SchemaViolation,
    SealedRecord,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)
from .fs import PRIVATE_FILE, ensure_private_dir, temp_sibling
from .identity import DeviceIdentity
from .passphrase import check_strength, normalise
from .revisions import REVISION_COLUMNS, Revision, new_id, utc_now
from .text import canonical_json, nfc, one_line

Progress = Callable[[int, int, str], None]


def record_label(record: dict) -> str:
    """A short human label for lists and search results (never identity fields)."""
    t = record["type"]
    if t == "facility":
        return record["name"]
    if t == "visit":
        return f"visit {record['date_start']}"
    if t == "person":
        return record["code"]
    if t == "case":
        return f"{record['code']} {record['title']}"
    if t == "link":
        return record["role"]
    if t in ("interview", "examination", "addendum"):
        return f"{t} {record['date'][:10]}"
    if t == "attachment":
        return record.get("caption") or record.get("original_name") or record["sha256"][:12]
    if t == "complaint":
        return f"complaint {record['date_filed']} {record.get('reference', '')}".strip()
    if t == "proceeding":
        return record.get("case_number") or f"proceeding {record.get('date_opened', '')}".strip()
    if t == "term":
        return f"{record['vocabulary']}:{record['key']}"
    if t == "consent":
        return f"consent {record['date'][:10]}"
    if t == "reprisal":
        return f"reprisal {record['date']} {record['kind']}"
    if t == "statistic":
        return f"{record['indicator']} {record['period_start']}..{record['period_end']}: {record['value']}"
    return t


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


class _Batch:
    """What a batch being validated adds, so records in one file may refer to each other."""

    def __init__(self) -> None:
        self.types: dict[str, str] = {}
        self.terms: dict[str, set[str]] = {}
        self.cross = rules.CrossChecks()


class Vault:
    """An open vault. Create with :meth:`create`, open with :meth:`open`; close when done."""

    def __init__(self, path: Path, conn: Connection):
        self.path = Path(path)
        self._conn: Connection | None = conn
        self._lock = threading.RLock()
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        self.vault_id = meta["vault_id"]
        self.device_id = meta["device_id"]
        self.profile = meta["profile"]
        self._vocab_cache: dict[str, set[str]] | None = None

    # --- lifecycle -----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, passphrase: str, *, profile: str = "monitor",
               kdf_iter: int | None = None, populate: Callable[["Vault"], None] | None = None) -> "Vault":
        """Create a new vault at ``path`` and return it open.

        The file is built under a temporary name in the same directory and renamed into place
        only when complete (including ``populate``, used for demo data), so an interrupted or
        cancelled creation never leaves a half-made vault at ``path``.
        """
        path = Path(path)
        if path.exists():
            raise VaultExists(f"a file already exists at {path}; choose another --vault path")
        passphrase = check_strength(passphrase)
        ensure_private_dir(path.parent)
        tmp = temp_sibling(path, "creating")
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        try:
            conn = connect(tmp, passphrase, kdf_iter=kdf_iter)
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
            if path.exists():
                raise VaultExists(f"a file appeared at {path} while the vault was being created")
            os.replace(tmp, path)
        except BaseException:
            from .wipe import wipe_files

            wipe_files(tmp)
            raise
        return cls.open(path, passphrase, kdf_iter=kdf_iter)

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, kdf_iter: int | None = None,
             progress: Progress | None = None) -> "Vault":
        """Open an existing vault; upgrade its schema if it is older than this Monitor."""
        path = Path(path)
        if not path.is_file():
            raise VaultNotFound(f"no vault at {path}; create one with 'monitor init' or pass --vault")
        if not os.access(path, os.R_OK | os.W_OK):
            raise MonitorError(f"cannot open {path}: permission denied")
        if path.stat().st_size == 0:  # SQLCipher would accept any key for an empty file
            raise WrongPassphrase()
        conn = connect(path, normalise(passphrase), kdf_iter=kdf_iter)
        try:
            if migrations.version(conn) == 0:  # keyed but never set up: not a vault we made
                raise WrongPassphrase()
            migrations.upgrade(conn, progress=progress)
            if vocab.needs_refresh(conn):  # this Monitor ships changed built-in vocabularies
                with transaction(conn):
                    vocab.seed(conn)
            _search.ensure_index(conn, progress=progress)  # derived; rebuilt when its version changed
            return cls(path, conn)
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        """Lock the vault: fold the WAL back into the file and drop the connection (and key)."""
        with self._lock:
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
        with self._lock, transaction(self.conn):
            yield self.conn

    def change_passphrase(self, new_passphrase: str) -> None:
        new_passphrase = check_strength(new_passphrase)
        with self._lock:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            rekey(self.conn, new_passphrase)
            with transaction(self.conn):
                self._audit("passphrase-changed")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

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
        for row in self.conn.execute(sql, params).fetchall():
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
        rows = self.conn.execute(f"{_RECORD_SELECT} WHERE r.heads > 1 ORDER BY r.id")
        return [_info(r) for r in rows]

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
        with self._lock:
            batch, refs, first = _Batch(), [], hashlib.sha256()
            total = 0
            for label, record in source():
                schema.check_structure(record, label)
                record = nfc(record)
                annotated = self._check(record, label, batch)
                refs += [(label, record["type"], record["id"], item) for item in schema.references(record, annotated)]
                first.update(canonical_json(record))
                total += 1
                if total % 500 == 0:
                    if cancel is not None and cancel.is_set():
                        raise Cancelled()
                    if progress:
                        progress(total, 0, "checking records")
            self._check_references(refs, batch)
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
        with self._write():
            info = self.info(record_id)
            if info.deleted:
                raise RecordNotFound(f"record {record_id} is already deleted")
            if info.sealed:
                raise SealedRecord(f"{info.type} {record_id} is sealed and cannot be deleted")
            users = self.referencing(record_id)
            if users:
                raise SchemaViolation(
                    f"{info.type} {record_id} is still referred to by {len(users)} record(s) "
                    f"(first: {users[0][0]}, field {users[0][1]}); delete or change those first"
                )
            return self._new_revision(record_id, info.type, None, deleted=True, action="delete")

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
        name = one_line(source.name, 200)
        record = {"id": new_id(), "type": "attachment", "sha256": "0" * 64, "size": 0,
                  "mime_type": mime_type or mimetypes.guess_type(name)[0] or "application/octet-stream",
                  "original_name": name, "added_by": self.profile}
        optional = dict(parent_id=parent_id, caption=caption, captured_at=captured_at, has_scale=has_scale,
                        intimate=intimate, description=description)
        record.update({k: v for k, v in optional.items() if v is not None})
        with self._lock, source.open("rb") as stream:
            batch = _Batch()
            self._check(record, "attachment", batch, blob_known=False)
            self._check_references([("attachment", "attachment", record["id"], item)
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
        from .fs import atomic_writer

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
            "conflicts": conn.execute("SELECT count(*) FROM records WHERE heads > 1").fetchone()[0],  # partial index
            "attachments": {"blobs": blobs[0], "bytes": blobs[1]},
            "audit_entries": conn.execute("SELECT count(*) FROM audit").fetchone()[0],
        }

    # --- internals -----------------------------------------------------------------------------

    def _vocab_keys(self) -> dict[str, set[str]]:
        if self._vocab_cache is None:
            self._vocab_cache = vocab.keys(self.conn)
        return self._vocab_cache

    def _check(self, record: dict, where: str, batch: _Batch, *, blob_known: bool = True) -> list:
        """Everything that can be checked about one record before writing (raises one line).

        Returns the record's annotated values (see :func:`schema.annotated_values`) for reuse.
        """
        record_type = schema.validate(record, where)
        rid = record["id"]
        where = f"{where} ({record_type} {rid[:8]})"
        rules.check(record, where)
        batch.cross.note(record, where)
        if rid in batch.types:
            raise SchemaViolation(f"{where}: duplicate id {rid} (the same record appears twice)")
        row = self.conn.execute(
            "SELECT r.type, r.sealed, r.deleted, v.body FROM records r JOIN revisions v ON v.rev = r.head "
            "WHERE r.id = ?", (rid,)).fetchone()
        if row is not None:
            if row[0] != record_type:
                raise SchemaViolation(f"{where}: id {rid} already belongs to a {row[0]}, not a {record_type}")
            if row[1] and not row[2] and json.loads(row[3]) != record:
                raise SealedRecord(f"{where}: this {record_type} is sealed and cannot be changed; add an addendum instead")
        known = self._vocab_keys()
        annotated = list(schema.annotated_values(record))
        for item in annotated:
            if item.vocabulary:
                if item.value not in known.get(item.vocabulary, ()) and item.value not in batch.terms.get(item.vocabulary, ()):
                    raise SchemaViolation(
                        f"{where}: {item.path}: '{one_line(item.value, 40)}' is not a term of the vocabulary '{item.vocabulary}'"
                    )
        if record_type == "term":
            self._check_term(record, where, batch)
        if record_type == "attachment" and blob_known:
            stored = self.conn.execute("SELECT size FROM blobs WHERE sha256 = ?", (record["sha256"],)).fetchone()
            if stored is None:
                raise SchemaViolation(f"{where}: sha256: no attachment with these bytes is stored in the vault")
            if stored[0] != record["size"]:
                raise SchemaViolation(f"{where}: size: {record['size']} does not match the stored {stored[0]} bytes")
        batch.types[rid] = record_type
        return annotated

    def _live_body(self, record_id: str) -> dict | None:
        row = self.conn.execute(f"{_RECORD_SELECT} WHERE r.id = ? AND r.deleted = 0", (record_id,)).fetchone()
        return _info(row).body if row else None

    def _check_term(self, record: dict, where: str, batch: _Batch) -> None:
        name, key = record["vocabulary"], record["key"]
        vocabulary = self.conn.execute("SELECT closed FROM vocabularies WHERE name = ?", (name,)).fetchone()
        if vocabulary is None:
            raise SchemaViolation(f"{where}: vocabulary: no vocabulary named '{one_line(name, 40)}'")
        if vocabulary[0]:
            raise SchemaViolation(f"{where}: the vocabulary '{name}' is closed and cannot be extended")
        owner = self.conn.execute(
            "SELECT origin FROM vocab_terms WHERE vocabulary = ? AND key = ?", (name, key)
        ).fetchone()
        if owner is not None and owner[0] != record["id"]:
            raise SchemaViolation(f"{where}: the vocabulary '{name}' already has the key '{key}'")
        batch.terms.setdefault(name, set()).add(key)

    def _check_references(self, refs: list[tuple[str, str, str, "schema.Annotated"]], batch: _Batch) -> None:
        """Every reference names a live record of an allowed type, in the vault or in the batch."""
        for label, record_type, record_id, item in refs:
            where = f"{label} ({record_type} {record_id[:8]}): {item.path}"
            target_type = batch.types.get(item.value)
            if target_type is None:
                row = self.conn.execute("SELECT type, deleted FROM records WHERE id = ?", (item.value,)).fetchone()
                if row is None or row[1]:
                    raise SchemaViolation(f"{where}: no record with id {item.value}")
                target_type = row[0]
            if "*" not in item.ref and target_type not in item.ref:
                raise SchemaViolation(f"{where}: {item.value} is a {target_type}, expected {' or '.join(item.ref)}")

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
                      action: str) -> Revision:
        parents = tuple(sorted(self._heads(record_id)))
        revision = Revision(new_id(), record_id, record_type, parents, self.profile, self.device_id,
                            utc_now(), deleted, body).with_hash()
        self.insert_revision(revision)
        self._audit(action, record_id=record_id, rev=revision.rev, rev_hash=revision.hash)
        return revision

    def _heads(self, record_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT rev FROM revisions r WHERE record_id = ? AND NOT EXISTS "
            "(SELECT 1 FROM revision_parents p WHERE p.parent = r.rev)", (record_id,))]

    def insert_revision(self, revision: Revision) -> None:
        """Insert a revision exactly as given (ours or another device's) and refresh the view.

        Must run inside a write transaction. The revision's hash must match its content.
        """
        if revision.hash != revision.compute_hash():
            raise SchemaViolation(f"revision {revision.rev}: hash does not match its content")
        conn = self.conn
        conn.execute(
            f"INSERT INTO revisions ({REVISION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (revision.rev, revision.record_id, revision.record_type, json.dumps(sorted(revision.parents)),
             revision.author, revision.device, revision.created_at, int(revision.deleted),
             canonical_json(revision.body).decode("utf-8") if revision.body is not None else None, revision.hash),
        )
        conn.executemany("INSERT INTO revision_parents (rev, parent) VALUES (?, ?)",
                         [(revision.rev, p) for p in revision.parents])
        self._refresh_view(revision.record_id)

    def _refresh_view(self, record_id: str) -> None:
        """Recompute the current view of one record from its revisions (and everything derived)."""
        conn = self.conn
        heads = conn.execute(
            f"SELECT {REVISION_COLUMNS} FROM revisions r WHERE record_id = ? AND NOT EXISTS "
            "(SELECT 1 FROM revision_parents p WHERE p.parent = r.rev) ORDER BY created_at DESC, rev DESC",
            (record_id,),
        ).fetchall()
        winner = Revision.from_row(heads[0])
        created = conn.execute("SELECT min(created_at) FROM revisions WHERE record_id = ?", (record_id,)).fetchone()[0]
        body = winner.body
        old = conn.execute("SELECT label FROM records WHERE id = ?", (record_id,)).fetchone()
        label = record_label(body) if body is not None else (old[0] if old else "")
        sealed = bool(body and body.get("sealed"))
        conn.execute(
            # An upsert (not INSERT OR REPLACE) keeps the row's rowid, which keys its search entry.
            f"INSERT INTO records ({_RECORD_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (id) DO UPDATE SET type = excluded.type, head = excluded.head, heads = excluded.heads, "
            "created_at = excluded.created_at, updated_at = excluded.updated_at, deleted = excluded.deleted, "
            "sealed = excluded.sealed, label = excluded.label",
            (record_id, winner.record_type, winner.rev, len(heads), created, winner.created_at,
             int(winner.deleted), int(sealed), label),
        )
        annotated = list(schema.annotated_values(body)) if body is not None else []  # one walk for both
        conn.execute("DELETE FROM refs WHERE record_id = ?", (record_id,))
        if body is not None:
            conn.executemany(
                "INSERT OR IGNORE INTO refs (record_id, target_id, field) VALUES (?, ?, ?)",
                [(record_id, item.value, item.path) for item in schema.references(body, annotated)],
            )
        rowid = conn.execute("SELECT rowid FROM records WHERE id = ?", (record_id,)).fetchone()[0]
        _search.index_record(conn, rowid, record_id, winner.record_type, label, body, annotated)
        if winner.record_type == "term":
            self._project_term(record_id, body)

    def _project_term(self, record_id: str, body: dict | None) -> None:
        conn = self.conn
        conn.execute("DELETE FROM vocab_terms WHERE origin = ?", (record_id,))
        if body is not None:
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM vocab_terms WHERE vocabulary = ?", (body["vocabulary"],)
            ).fetchone()[0]
            conn.execute(
                "INSERT OR REPLACE INTO vocab_terms (vocabulary, key, labels, position, origin) VALUES (?,?,?,?,?)",
                (body["vocabulary"], body["key"], json.dumps(body["labels"], ensure_ascii=False), position, record_id),
            )
        self._vocab_cache = None

    def _audit(self, action: str, **fields) -> str:
        return audit.append(self.conn, at=utc_now(), actor=self.profile, device=self.device_id,
                             action=action, **fields)

