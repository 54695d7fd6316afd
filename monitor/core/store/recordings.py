"""Recordings in progress, kept in the vault as they are made (the store's half of
:mod:`monitor.core.audio.recording`, which encodes; this module holds the SQL).

A recording in progress is a staged blob (a ``blobs`` row whose ``sha256`` is NULL) whose
``blob_chunks`` grow by one row per commit, and a ``meta`` row ``recording:<attachment id>`` whose
value (JSON) says what is recorded: interview, sample rate, channels, device, when it started, who,
and the blob. :func:`finish` turns both into an ``attachment`` record in one transaction.

A crash leaves them behind. :func:`recover` runs when a vault opens (``opening``): it finds the
last whole FLAC frame committed (its header's CRC-8 and the frame's CRC-16 both check), writes the
number of samples up to it into the stream's STREAMINFO (the MD5 stays zero: "not known") and
finishes the recording with what was committed. This module reads FLAC's framing only; decoding is
libsndfile's, in the audio package.
"""

from __future__ import annotations

import json
import threading
import weakref
from typing import TYPE_CHECKING, Callable

from ..errors import ConsentRequired, MonitorError, RecordNotFound, SealedRecord
from ..history.revisions import new_id, utc_now
from ..messages import Message
from ..text import one_line
from . import consent

if TYPE_CHECKING:
    from .vault import Vault

MIME_TYPE = "audio/flac"
META_PREFIX = "recording:"
_META_RANGE = (META_PREFIX, "recording;")  # every meta key with the prefix (";" follows ":")

# (vault id, attachment id) → a recording in progress in this process (anything with ``finished``
# and ``vault``): recover() leaves it alone while the vault it writes through is open.
_LIVE: dict[tuple[str, str], weakref.ref] = {}
_LIVE_LOCK = threading.Lock()


def is_recording(body: dict | None) -> bool:
    """Whether an attachment record is an audio recording (reports, bundles and the GUI ask)."""
    return bool(body) and str(body.get("mime_type", "")).startswith("audio/")


def _meta_key(attachment_id: str) -> str:
    return META_PREFIX + attachment_id


# --- consent and the interview ---------------------------------------------------------------------

def check_allowed(vault: "Vault", interview_id: str) -> None:
    """Raise a one-line error unless a recording of this interview may start now: the interview
    exists, is not sealed, and the interviewed person's ``audio`` consent is in force."""
    found = vault.type_of(interview_id)
    if found is None or found[1] or found[0] != "interview":
        raise RecordNotFound(Message("recording_no_interview", id=one_line(str(interview_id), 40)))
    info = vault.info(interview_id)
    if info.sealed:
        raise SealedRecord(Message("recording_sealed"))
    person = info.body.get("person_id")
    if not person or not consent.allows(vault, person, "audio"):
        raise ConsentRequired(Message("recording_no_consent"))


# --- a recording in progress ----------------------------------------------------------------------

def stage(vault: "Vault", interview_id: str, *, sample_rate: int, channels: int, device: str,
          started: str | None = None) -> tuple[str, int, dict]:
    """Stage a new recording (one transaction): its attachment id, blob id and note."""
    attachment_id = new_id()
    note = {"interview_id": interview_id, "sample_rate": sample_rate, "channels": channels, "device": device,
            "started": started or utc_now(), "added_by": vault.profile}
    with vault.writing() as conn:
        blob_id = conn.execute("INSERT INTO blobs (sha256, created_at) VALUES (NULL, ?)", (utc_now(),)).lastrowid
        note["blob_id"] = blob_id
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                     (_meta_key(attachment_id), json.dumps(note, ensure_ascii=False)))
        vault.audit("recording-started", record_id=interview_id, detail=f"attachment={attachment_id}")
    return attachment_id, blob_id, note


def live(vault: "Vault", attachment_id: str, recording) -> None:
    """Note a recording in progress in this process (see :data:`_LIVE`)."""
    with _LIVE_LOCK:
        _LIVE[(vault.vault_id, attachment_id)] = weakref.ref(recording)


def _forget(vault: "Vault", attachment_id: str) -> None:
    with _LIVE_LOCK:
        _LIVE.pop((vault.vault_id, attachment_id), None)


def _in_progress_here(vault: "Vault", attachment_id: str) -> bool:
    with _LIVE_LOCK:
        ref = _LIVE.get((vault.vault_id, attachment_id))
    rec = ref() if ref is not None else None
    return rec is not None and not rec.finished and rec.vault.is_open


def _write_chunk(conn, blob_id: int, pending: bytes, patches: list[tuple[int, bytes]]) -> None:
    """Append ``pending`` as the blob's next chunk and apply ``patches`` (offset, bytes) to the
    chunks already there (libsndfile rewrites the header at the start of the file when it closes)."""
    if patches:
        starts, offset = [], 0
        for n, length in conn.execute("SELECT n, length(data) FROM blob_chunks WHERE blob_id = ? ORDER BY n",
                                      (blob_id,)).fetchall():
            starts.append((n, offset, length))
            offset += length
        for at, data in patches:
            if at + len(data) > offset:
                raise MonitorError(Message("recording_not_flac"))
            for n, begin, length in starts:
                lo, hi = max(at, begin), min(at + len(data), begin + length)
                if lo >= hi:
                    continue
                row = bytearray(conn.execute("SELECT data FROM blob_chunks WHERE blob_id = ? AND n = ?",
                                             (blob_id, n)).fetchone()[0])
                row[lo - begin:hi - begin] = data[lo - at:hi - at]
                conn.execute("UPDATE blob_chunks SET data = ? WHERE blob_id = ? AND n = ?", (bytes(row), blob_id, n))
    if pending:
        n = conn.execute("SELECT coalesce(max(n) + 1, 0) FROM blob_chunks WHERE blob_id = ?", (blob_id,)).fetchone()[0]
        conn.execute("INSERT INTO blob_chunks (blob_id, n, data) VALUES (?, ?, ?)", (blob_id, n, bytes(pending)))


def _truncate(conn, blob_id: int, length: int) -> None:
    """Cut the blob's bytes after ``length`` (chunks wholly after it go, the one across it is cut)."""
    offset = 0
    for n, size in conn.execute("SELECT n, length(data) FROM blob_chunks WHERE blob_id = ? ORDER BY n",
                                (blob_id,)).fetchall():
        if offset >= length:
            conn.execute("DELETE FROM blob_chunks WHERE blob_id = ? AND n = ?", (blob_id, n))
        elif offset + size > length:
            conn.execute("UPDATE blob_chunks SET data = substr(data, 1, ?) WHERE blob_id = ? AND n = ?",
                         (length - offset, blob_id, n))
        offset += size


def commit(vault: "Vault", blob_id: int, pending: bytes, patches: list[tuple[int, bytes]]) -> None:
    """One commit of a recording: the bytes encoded since the last one, as one transaction."""
    with vault.writing() as conn:
        _write_chunk(conn, blob_id, pending, patches)


def _drop(conn, blob_id: int, attachment_id: str) -> None:
    conn.execute("DELETE FROM blobs WHERE id = ? AND sha256 IS NULL", (blob_id,))  # its chunks cascade
    conn.execute("DELETE FROM meta WHERE key = ?", (_meta_key(attachment_id),))


def drop(vault: "Vault", attachment_id: str, note: dict, *, why: str = "") -> None:
    """Drop a recording and everything staged for it (one transaction, logged)."""
    with vault.writing() as conn:
        _drop(conn, note["blob_id"], attachment_id)
        vault.audit("recording-dropped", record_id=note["interview_id"],
                    detail=f"attachment={attachment_id}" + (f" {why}" if why else ""))
    _forget(vault, attachment_id)


def finish(vault: "Vault", attachment_id: str, note: dict, seconds: float, *, caption: str | None = None,
           header: bytes | None = None, length: int | None = None) -> dict:
    """The attachment record of a finished recording, written in one transaction with its blob
    (which gets its hash) and the removal of its note. A recovered one (``header``: its STREAMINFO
    with the totals; ``length``: where its last whole frame ends) has the header written and the
    bytes after that frame cut first, and the recovery logged."""
    record = {"id": attachment_id, "type": "attachment", "sha256": "0" * 64, "size": 0, "mime_type": MIME_TYPE,
              "original_name": f"recording-{note['started'][:19].replace(':', '-')}.flac",
              "captured_at": note["started"], "added_by": note["added_by"], "parent_id": note["interview_id"],
              "duration_seconds": round(seconds, 3), "sample_rate": note["sample_rate"],
              "channels": note["channels"]}
    if note.get("device"):
        record["capture_device"] = note["device"]
    if caption:
        record["caption"] = caption
    key = _meta_key(attachment_id)

    def also(conn) -> None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        if header is not None:
            vault.audit("recording-recovered", record_id=note["interview_id"],
                        detail=f"attachment={attachment_id} seconds={record['duration_seconds']}")

    if header is not None:  # first: the hash is taken over the fixed bytes
        with vault.writing() as conn:
            _write_chunk(conn, note["blob_id"], b"", [(0, header)])
            if length is not None:
                _truncate(conn, note["blob_id"], length)
    record = vault.attach_staged(record, note["blob_id"], also=also)
    _forget(vault, attachment_id)
    return record


# --- after a crash ----------------------------------------------------------------------------------

def has_staged(conn) -> bool:
    """Cheap: whether any recording is staged (one look-up in ``meta``'s key index)."""
    return conn.execute("SELECT 1 FROM meta WHERE key >= ? AND key < ? LIMIT 1", _META_RANGE).fetchone() is not None


def staged(vault: "Vault") -> list[tuple[str, dict]]:
    """(attachment id, note) of every recording left staged (by a crash, or in progress here)."""
    with vault.reading() as conn:
        rows = conn.execute("SELECT key, value FROM meta WHERE key >= ? AND key < ? ORDER BY key",
                            _META_RANGE).fetchall()
    return [(key[len(META_PREFIX):], json.loads(value)) for key, value in rows]


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _crc16_table() -> list[int]:
    table = []
    for i in range(256):
        crc = i << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8005) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
        table.append(crc)
    return table


_CRC16 = _crc16_table()


def _crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC16[(crc >> 8) ^ byte]
    return crc


_BLOCK_SIZES = {1: 192, **{c: 576 << (c - 2) for c in range(2, 6)}, **{c: 256 << (c - 8) for c in range(8, 16)}}


def _frame_header(data: bytes, at: int) -> tuple[int, int] | None:
    """(frame number, samples in the frame) of a fixed-blocksize FLAC frame header at ``at`` whose
    CRC-8 checks; None if there is none there."""
    if data[at] != 0xFF or data[at + 1] != 0xF8 or at + 6 > len(data):
        return None
    size_code, rate_code = data[at + 2] >> 4, data[at + 2] & 0x0F
    if size_code == 0 or rate_code == 0x0F or data[at + 3] & 0x01:
        return None
    i = at + 4
    first = data[i]  # the frame number, UTF-8 coded
    extra = 0
    while extra < 6 and first & (0x80 >> extra):
        extra += 1
    if extra == 1 or extra > 6:
        return None
    number = first & (0x7F >> extra) if extra else first
    length = max(extra, 1)
    if i + length > len(data):
        return None
    for b in data[i + 1:i + length]:
        if b & 0xC0 != 0x80:
            return None
        number = (number << 6) | (b & 0x3F)
    i += length
    if size_code == 6:
        samples, i = data[i] + 1, i + 1
    elif size_code == 7:
        samples, i = int.from_bytes(data[i:i + 2], "big") + 1, i + 2
    else:
        samples = _BLOCK_SIZES.get(size_code)
        if samples is None:
            return None
    i += {12: 1, 13: 2, 14: 2}.get(rate_code, 0)
    if i >= len(data) or _crc8(data[at:i]) != data[i]:
        return None
    return number, samples


def _metadata_end(data: bytes) -> int:
    """Where the frames begin (after the last metadata block)."""
    if data[:4] != b"fLaC":
        raise MonitorError(Message("recording_not_flac"))
    at = 4
    while at + 4 <= len(data):
        last, length = data[at] & 0x80, int.from_bytes(data[at + 1:at + 4], "big")
        at += 4 + length
        if last:
            return at
    raise MonitorError(Message("recording_not_flac"))


def last_whole_frame(data: bytes) -> tuple[int, int]:
    """(samples per channel, bytes) of a FLAC stream cut short, up to the end of its last whole
    frame: a frame whose header checks (CRC-8) and whose CRC-16 matches the two bytes where it ends,
    at the end of the data or where the frame after it (cut short itself) begins. (0, end of the
    metadata) when there is no whole frame. The count is the frame's number times the block size,
    plus its own samples (a fixed-blocksize stream, as libsndfile writes)."""
    start = _metadata_end(data)
    frames, end = _last_frame(data, start, int.from_bytes(data[8:10], "big"))
    return (frames, end) if frames else (0, start)


def _last_frame(data: bytes, start: int, block: int, tries: int = 64) -> tuple[int, int]:
    """:func:`last_whole_frame` over ``data``, the end of a stream, frames searched from ``start`` on."""
    end = len(data)
    at = end - 8
    while at >= start and tries > 0:
        if data[at] == 0xFF and (found := _frame_header(data, at)) is not None:
            tries -= 1
            if end - at > 2 and _crc16(data[at:end - 2]) == int.from_bytes(data[end - 2:end], "big"):
                number, samples = found
                return number * block + samples, end
            end = at  # this frame is not whole: the one before it must end here
        at -= 1
    return 0, start


TAIL = 1 << 20  # bytes read from a cut recording's end to find its last frame (frames are ≤ 64 KiB here)


def _cut_recording(vault: "Vault", blob_id: int) -> tuple[bytes, int, int]:
    """(the first 42 bytes, samples in whole frames, where the last whole frame ends) of a staged
    recording, reading its first chunk and no more of its end than :data:`TAIL` (a two-hour recording
    is not read whole to be recovered)."""
    with vault.reading() as conn:
        sizes = conn.execute("SELECT n, length(data) FROM blob_chunks WHERE blob_id = ? ORDER BY n",
                             (blob_id,)).fetchall()
        if not sizes:
            return b"", 0, 0
        total = sum(size for _, size in sizes)
        head = conn.execute("SELECT substr(data, 1, 65536) FROM blob_chunks WHERE blob_id = ? AND n = ?",
                            (blob_id, sizes[0][0])).fetchone()[0]
        if len(head) < 42:
            return head, 0, 0
        meta_end = _metadata_end(head)
        tail, base = [], total
        for n, size in reversed(sizes):
            if total - base >= TAIL:
                break
            tail.insert(0, conn.execute("SELECT data FROM blob_chunks WHERE blob_id = ? AND n = ?",
                                        (blob_id, n)).fetchone()[0])
            base -= size
    frames, end = _last_frame(b"".join(tail), max(meta_end - base, 0), int.from_bytes(head[8:10], "big"))
    return head[:42], frames, base + end


def with_total(header: bytes, frames: int) -> bytes:
    """The first 42 bytes of a FLAC stream (``fLaC`` and STREAMINFO) with its total samples set to
    ``frames`` and its MD5 zeroed ("not known": the encoder's running MD5 died with it)."""
    if header[:4] != b"fLaC" or header[4] & 0x7F != 0 or len(header) < 42:
        raise MonitorError(Message("recording_not_flac"))
    out = bytearray(header[:42])
    at = 8 + 10  # STREAMINFO: block and frame sizes (10 bytes), then rate 20, channels 3, bits 5, total 36 bits
    value = int.from_bytes(out[at:at + 8], "big")
    value = (value & ~((1 << 36) - 1)) | min(frames, (1 << 36) - 1)
    out[at:at + 8] = value.to_bytes(8, "big")
    out[at + 8:at + 24] = bytes(16)
    return bytes(out)


def recover(vault: "Vault", progress: Callable | None = None) -> list[str]:
    """Finish every recording a crash cut short, with what was committed; returns their attachment
    ids. One with no whole frame committed is dropped. Recordings in progress in this process are
    left alone. One that cannot be finished (its interview was deleted meanwhile, say) stays staged
    and a line is added to ``vault.warnings``."""
    done = []
    try:
        left = staged(vault)
    except ValueError as exc:  # a note that is not JSON: said, and the vault opens
        vault.warnings.append(f"a recording cut short could not be read: {one_line(str(exc), 120)}")
        return done
    for attachment_id, note in left:
        if _in_progress_here(vault, attachment_id):
            continue
        try:
            header, frames, end = _cut_recording(vault, note["blob_id"])
            if frames == 0:
                drop(vault, attachment_id, note, why="nothing committed")
                continue
            finish(vault, attachment_id, note, frames / note["sample_rate"], header=with_total(header, frames),
                   length=end)
        except (MonitorError, KeyError, TypeError, ValueError) as exc:  # a damaged note: the vault still opens
            vault.warnings.append(f"a recording cut short could not be finished: {one_line(str(exc), 120)}")
            continue
        done.append(attachment_id)
        if progress:
            progress(len(done), 0, "recordings")
    return done
