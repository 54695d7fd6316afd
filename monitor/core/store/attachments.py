"""Attachment bytes inside the vault: chunked, streamed, hashed on the way in, deduplicated.

A file is read in :data:`CHUNK_SIZE` pieces and written as rows of ``blob_chunks`` while its
SHA-256 is computed, so a 500 MB video never sits in memory. When the hash is known, an existing
blob with the same hash wins and the staged copy is dropped (deduplication). All of it runs inside
the caller's transaction: a cancelled or failed ingest leaves nothing behind.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator

from ..db import Connection
from ..errors import AttachmentMissing, Cancelled, MonitorError
from ..history.revisions import utc_now
from ..messages import Message

CHUNK_SIZE = 1 << 20  # 1 MiB


@dataclass(frozen=True)
class BlobInfo:
    sha256: str
    size: int
    new: bool  # False when identical bytes were already stored


def _prehash(stream: BinaryIO, total: int | None, progress: Callable | None, cancel) -> tuple[str, int] | None:
    """SHA-256 and size of a seekable stream, read once and rewound; None if it cannot seek."""
    try:
        if not stream.seekable():
            return None
        start = stream.tell()
    except (AttributeError, OSError):
        return None
    digest, size = hashlib.sha256(), 0
    while True:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        chunk = stream.read(CHUNK_SIZE)
        if not chunk:
            break
        digest.update(chunk)
        size += len(chunk)
        if progress:
            progress(size, total or 0, "checking attachment")
    stream.seek(start)
    return digest.hexdigest(), size


def store(conn: Connection, stream: BinaryIO, *, total: int | None = None,
          progress: Callable | None = None, cancel=None) -> BlobInfo:
    """Stream ``stream`` into the blob store (inside the caller's transaction).

    A seekable stream (a file) is hashed first: bytes already stored are not written a second
    time (a duplicate 1 GiB video costs a read, not 1 GiB of vault). A pipe is staged as it comes.
    """
    known = _prehash(stream, total, progress, cancel)
    if known is not None:
        row = conn.execute("SELECT size FROM blobs WHERE sha256 = ?", (known[0],)).fetchone()
        if row is not None and row[0] == known[1]:
            return BlobInfo(known[0], known[1], False)
    cur = conn.execute("INSERT INTO blobs (sha256, created_at) VALUES (NULL, ?)", (utc_now(),))
    blob_id = cur.lastrowid
    digest, size, n = hashlib.sha256(), 0, 0
    while True:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        chunk = stream.read(CHUNK_SIZE)
        if not chunk:
            break
        digest.update(chunk)
        conn.execute("INSERT INTO blob_chunks (blob_id, n, data) VALUES (?, ?, ?)", (blob_id, n, chunk))
        size += len(chunk)
        n += 1
        if progress:
            progress(size, total or 0, "attachment")
    sha = digest.hexdigest()
    if known is not None and known != (sha, size):
        raise MonitorError(Message("attachment_changed_while_stored"))
    return _settle(conn, blob_id, sha, size, n)


def _settle(conn: Connection, blob_id: int, sha: str, size: int, chunks: int) -> BlobInfo:
    """A staged blob gets its hash; identical bytes already stored win and the staged copy goes."""
    existing = conn.execute("SELECT id FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
    if existing:
        conn.execute("DELETE FROM blobs WHERE id = ?", (blob_id,))  # chunks cascade
        return BlobInfo(sha, size, False)
    conn.execute("UPDATE blobs SET sha256 = ?, size = ?, chunks = ? WHERE id = ?", (sha, size, chunks, blob_id))
    return BlobInfo(sha, size, True)


def finish_staged(conn: Connection, blob_id: int) -> BlobInfo:
    """Give a blob that was staged chunk by chunk (a recording, :mod:`monitor.core.audio`) its SHA-256,
    size and chunk count, read back from its rows (inside the caller's transaction). Identical bytes
    stored already win and the staged copy is dropped, as in :func:`store`."""
    digest, size, n = hashlib.sha256(), 0, 0
    for (data,) in conn.execute("SELECT data FROM blob_chunks WHERE blob_id = ? ORDER BY n", (blob_id,)):
        digest.update(data)
        size += len(data)
        n += 1
    return _settle(conn, blob_id, digest.hexdigest(), size, n)


def read(conn: Connection, sha256: str) -> Iterator[bytes]:
    """Yield the stored bytes chunk by chunk (one chunk in memory at a time)."""
    row = conn.execute("SELECT id, chunks FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
    if row is None:
        raise AttachmentMissing(Message("attachment_not_in_vault", sha=sha256[:16]))
    blob_id, chunks = row
    for n in range(chunks):
        data = conn.execute(
            "SELECT data FROM blob_chunks WHERE blob_id = ? AND n = ?", (blob_id, n)
        ).fetchone()
        if data is None:
            raise AttachmentMissing(Message("attachment_missing_chunk", sha=sha256[:16], n=n))
        yield data[0]


def check_all(conn: Connection, progress: Callable | None = None, cancel=None) -> list[Message]:
    """Re-hash every stored blob; return one line per blob that no longer matches."""
    problems = []
    rows = conn.execute("SELECT sha256, size, chunks FROM blobs WHERE sha256 IS NOT NULL").fetchall()
    # a staged blob is a leftover, unless a recording in progress owns it (store/recordings.py: its
    # meta row names the blob; a crash's leftover is finished when the vault opens)
    staged = conn.execute(
        "SELECT count(*) FROM blobs WHERE sha256 IS NULL AND id NOT IN (SELECT json_extract(value, '$.blob_id') "
        "FROM meta WHERE key >= 'recording:' AND key < 'recording;')").fetchone()[0]
    if staged:
        problems.append(Message("verify_staged", n=staged))
    for i, (sha, size, chunks) in enumerate(rows, 1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        digest, seen = hashlib.sha256(), 0
        try:
            for data in read(conn, sha):
                digest.update(data)
                seen += len(data)
        except AttachmentMissing as exc:
            problems.append(exc.message)
            continue
        if digest.hexdigest() != sha:
            problems.append(Message("verify_blob_corrupted", sha=sha[:16]))
        elif seen != size:
            problems.append(Message("verify_blob_size", sha=sha[:16], seen=seen, size=size))
        if progress:
            progress(i, len(rows), "attachments")
    return problems
