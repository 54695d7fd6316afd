"""Interview audio recorded straight into the vault: PCM in memory, FLAC encoded in memory, committed
to the blob store chunk by chunk as it is recorded. No temporary file, ever.

How it is stored (docs/vault.md, "Recordings"):

* :func:`start` checks the interviewed person's ``audio`` consent (before the first sample) and
  that the interview exists and is not sealed, then in one transaction stages an empty blob (a
  ``blobs`` row whose ``sha256`` is NULL) and a ``meta`` row ``recording:<attachment id>`` that
  says what is being recorded (interview, rate, channels, device, start, who).
* libsndfile (through ``soundfile``) encodes FLAC into :class:`_StagedFile`, a file object in
  memory. Every :data:`COMMIT_SECONDS` of audio (and at :meth:`Recording.flush`) the bytes
  libsndfile wrote since the last commit become one ``blob_chunks`` row, in one transaction. Only
  whole FLAC frames are ever written (libFLAC hands each frame over in one piece), so what is
  committed is always a FLAC stream that decodes; the last block of samples (at most
  :data:`BLOCK` frames) waits in the encoder until the next commit.
* :meth:`Recording.finish` closes the encoder, which writes the last frame and rewrites the
  STREAMINFO header at the start of the file (total samples, frame sizes, MD5); the header's bytes
  sit in the first chunk, which is patched in place. The blob then gets its SHA-256 and the
  ``attachment`` record (``mime_type`` audio/flac, ``duration_seconds``, ``capture_device``,
  ``captured_at``, ``parent_id`` = the interview) is written in the same transaction, and the
  ``meta`` row goes.
* A crash (kill -9, power) leaves the staged blob and its ``meta`` row. :func:`recover`, called
  when a vault opens, finds the last whole frame committed, writes the number of samples into the
  header (the MD5 stays zero, which FLAC defines as "not known") and finishes it as above.

The SQL of all this is in :mod:`monitor.core.store.recordings`; this module encodes.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..errors import Cancelled, MonitorError, VaultBusy
from ..messages import Message
from ..store import recordings as _store
from ..store.recordings import check_allowed, is_recording  # noqa: F401  (re-exported for the GUI)
from ..text import one_line

if TYPE_CHECKING:
    from ..store.vault import Vault

SAMPLE_FORMAT = "int16"  # PCM given to append(): signed 16-bit little-endian, interleaved
MIME_TYPE = _store.MIME_TYPE
COMMIT_SECONDS = 3.0     # audio committed to the vault at least this often (in seconds of sound)
BLOCK = 4096             # libsndfile's FLAC block (frames); at most this much waits in the encoder
SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000)
MAX_CHANNELS = 2
IMPORT_PIECE = 1 << 18   # bytes of PCM per step of import_pcm (progress and cancel between steps)


@dataclass(frozen=True)
class RecordingInfo:
    """A finished recording of an interview, as the interview editor lists it."""

    attachment_id: str
    seconds: float
    captured_at: str
    device: str
    sha256: str
    mime_type: str
    sealed: bool  # the interview is sealed: the recording is part of the sealed record
    caption: str = ""
    size: int = 0


def _soundfile():
    import soundfile  # libsndfile: imported when audio is first used, not when a vault opens

    return soundfile


class _StagedFile(io.RawIOBase):
    """The file libsndfile writes the FLAC stream to: bytes from ``committed`` on are held here
    until the next commit; a write before ``committed`` (the header rewritten at close) is kept as a
    patch to apply to the rows already committed."""

    def __init__(self, committed: int = 0):
        super().__init__()
        self.committed = committed
        self.pending = bytearray()
        self.patches: list[tuple[int, bytes]] = []
        self.pos = 0

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    @property
    def size(self) -> int:
        return self.committed + len(self.pending)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.size}[whence]
        self.pos = max(0, base + offset)
        return self.pos

    def write(self, data) -> int:
        data = bytes(data)
        start, end = self.pos, self.pos + len(data)
        if start < self.committed:
            cut = min(end, self.committed)
            self.patches.append((start, data[:cut - start]))
        if end > self.committed:
            at = max(start, self.committed) - self.committed
            piece = data[max(start, self.committed) - start:]
            if at > len(self.pending):
                self.pending.extend(bytes(at - len(self.pending)))
            self.pending[at:at + len(piece)] = piece
        self.pos = end
        return len(data)

    def read(self, size: int = -1) -> bytes:
        if self.pos < self.committed:
            raise OSError("a recording's committed bytes are not read back while it is written")
        at = self.pos - self.committed
        data = bytes(self.pending[at:] if size is None or size < 0 else self.pending[at:at + size])
        self.pos += len(data)
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


class Recording:
    """A recording in progress: :meth:`append` PCM, then :meth:`finish` (or :meth:`abort`)."""

    def __init__(self, vault: "Vault", attachment_id: str, note: dict):
        self.vault = vault
        self.attachment_id = attachment_id
        self.sample_rate: int = note["sample_rate"]
        self.channels: int = note["channels"]
        self.device: str = note["device"]
        self._note = note
        self._file = _StagedFile()
        sf = _soundfile()
        self._encoder = sf.SoundFile(self._file, "w", samplerate=self.sample_rate, channels=self.channels,
                                     format="FLAC", subtype="PCM_16")
        self._frames = 0            # frames given to the encoder
        self._carry = b""           # the bytes of an incomplete frame, until the rest comes
        self._since_commit = 0      # frames given since the last commit
        self._done = False
        self._lock = threading.RLock()

    @property
    def seconds(self) -> float:
        """Duration recorded so far (including what is not committed yet)."""
        return self._frames / self.sample_rate

    @property
    def finished(self) -> bool:
        return self._done

    def append(self, pcm: bytes) -> None:
        """Encode PCM (``SAMPLE_FORMAT``, interleaved); commit every :data:`COMMIT_SECONDS` of sound.

        A commit the vault cannot take at once (an import holds it: :class:`VaultBusy`) is tried
        again at the next append; nothing is lost meanwhile, it waits in memory.
        """
        import numpy

        with self._lock:
            self._check_open()
            data = self._carry + bytes(pcm)
            frame = 2 * self.channels
            whole = len(data) - len(data) % frame
            self._carry = data[whole:]
            if whole:
                samples = numpy.frombuffer(data[:whole], dtype="<i2").reshape(-1, self.channels)
                self._encoder.write(samples)
                self._frames += len(samples)
                self._since_commit += len(samples)
            if self._since_commit >= COMMIT_SECONDS * self.sample_rate:
                try:
                    self.flush()
                except VaultBusy:
                    pass

    def flush(self) -> None:
        """Commit what the encoder has written so far (one transaction)."""
        with self._lock:
            self._check_open()
            self._commit()

    def _commit(self) -> None:
        file = self._file
        if not file.pending and not file.patches:
            self._since_commit = 0
            return
        pending, patches = bytes(file.pending), list(file.patches)
        _store.commit(self.vault, self._note["blob_id"], pending, patches)
        file.committed += len(pending)
        del file.pending[:len(pending)]
        file.patches.clear()
        self._since_commit = 0

    def finish(self, *, caption: str | None = None) -> str:
        """Commit the rest and write the attachment record; returns its id. A recording with no
        sound at all is dropped instead (:class:`MonitorError` ``recording_empty``)."""
        with self._lock:
            self._check_open()
            if self._frames == 0:
                self.abort()
                raise MonitorError(Message("recording_empty"))
            self._encoder.close()  # the last frame, and the header rewritten with the totals
            self._commit()
            _store.finish(self.vault, self.attachment_id, self._note, self.seconds, caption=caption)
            self._done = True
            return self.attachment_id

    def abort(self) -> None:
        """Drop the recording and everything staged for it (one transaction)."""
        with self._lock:
            if self._done:
                return
            self._done = True
            try:
                self._encoder.close()
            except Exception:  # noqa: BLE001 - the bytes are thrown away whatever the encoder says
                pass
            _store.drop(self.vault, self.attachment_id, self._note)

    def _check_open(self) -> None:
        if self._done:
            raise MonitorError(Message("recording_finished"))


def _check_format(sample_rate: int, channels: int, device: str) -> None:
    if not isinstance(sample_rate, int) or sample_rate not in SAMPLE_RATES:
        raise MonitorError(Message("recording_bad_rate", rate=one_line(str(sample_rate), 20),
                                   rates=", ".join(str(r) for r in SAMPLE_RATES)))
    if not isinstance(channels, int) or not 1 <= channels <= MAX_CHANNELS:
        raise MonitorError(Message("recording_bad_channels", channels=one_line(str(channels), 20)))
    if not isinstance(device, str):
        raise MonitorError(Message("recording_bad_device"))


def start(vault: "Vault", interview_id: str, *, sample_rate: int, channels: int, device: str,
          started: str | None = None) -> Recording:
    """Begin a recording of ``interview_id``; refused (one line, vault unchanged) without the
    person's ``audio`` consent in force, or for a sealed or missing interview."""
    _check_format(sample_rate, channels, device)
    device = " ".join(device.split())[:200]
    _store.check_allowed(vault, interview_id)
    attachment_id, _blob, note = _store.stage(vault, interview_id, sample_rate=sample_rate, channels=channels,
                                              device=device, started=started)
    try:
        rec = Recording(vault, attachment_id, note)
    except BaseException:
        _store.drop(vault, attachment_id, note, why="encoder failed")
        raise
    _store.live(vault, attachment_id, rec)
    return rec


def import_pcm(vault: "Vault", interview_id: str, pcm: bytes, *, sample_rate: int, channels: int, device: str,
               progress: Callable | None = None, cancel=None, caption: str | None = None,
               started: str | None = None) -> str:
    """Store a buffer of PCM as a recording of the interview, through the same path as a live
    recording; returns the attachment id. Cancel drops everything staged."""
    rec = start(vault, interview_id, sample_rate=sample_rate, channels=channels, device=device, started=started)
    try:
        total = len(pcm)
        view = memoryview(pcm)
        for at in range(0, total, IMPORT_PIECE):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            rec.append(view[at:at + IMPORT_PIECE])
            if progress:
                progress(min(at + IMPORT_PIECE, total), total, "recording")
        return rec.finish(caption=caption)
    except BaseException:
        if not rec.finished:
            rec.abort()
        raise


def import_file(vault: "Vault", interview_id: str, path, *, device: str = "", caption: str | None = None,
                progress: Callable | None = None, cancel=None) -> str:
    """Store a sound file (WAV, FLAC, anything libsndfile reads) as a recording of the interview,
    read a second at a time and encoded through the same path as a live recording (the stored file
    is FLAC, 16-bit); returns the attachment id. The file itself is not changed or removed."""
    from pathlib import Path

    sf = _soundfile()
    path = Path(path)
    if not path.is_file():
        raise MonitorError(Message("not_a_file", path=one_line(str(path), 80)))
    try:
        source = sf.SoundFile(str(path))
    except (sf.LibsndfileError, RuntimeError, OSError) as exc:
        raise MonitorError(Message("recording_wav_unreadable", path=one_line(str(path), 80),
                                   detail=one_line(str(exc), 80))) from None
    with source:
        rate, channels = source.samplerate, source.channels
        if rate not in SAMPLE_RATES or not 1 <= channels <= MAX_CHANNELS:
            raise MonitorError(Message("recording_wav_format", path=one_line(path.name, 60), rate=rate,
                                       channels=channels, rates=", ".join(str(r) for r in SAMPLE_RATES)))
        total = source.frames
        rec = start(vault, interview_id, sample_rate=rate, channels=channels, device=device)
        try:
            done = 0
            for block in source.blocks(blocksize=rate, dtype="int16", always_2d=True):
                if cancel is not None and cancel.is_set():
                    raise Cancelled()
                rec.append(block.tobytes())
                done += len(block)
                if progress:
                    progress(done, total, "recording")
            return rec.finish(caption=caption)
        except BaseException:
            if not rec.finished:
                rec.abort()
            raise


# --- reading -------------------------------------------------------------------------------------

def recordings_of(vault: "Vault", interview_id: str) -> list[RecordingInfo]:
    """The finished recordings of an interview, oldest first."""
    info = vault.info(interview_id)
    out = []
    for a in vault.records("attachment", where={"parent_id": interview_id}, order="created"):
        b = a.body
        if not is_recording(b):
            continue
        out.append(RecordingInfo(a.id, float(b.get("duration_seconds") or 0), b.get("captured_at", ""),
                                 b.get("capture_device", ""), b["sha256"], b["mime_type"], info.sealed,
                                 b.get("caption", ""), b.get("size", 0)))
    out.sort(key=lambda r: (r.captured_at, r.attachment_id))
    return out


def audio_bytes(vault: "Vault", attachment_id: str) -> bytes:
    """The whole encoded file (FLAC) of a recording, in memory (for playback; never written out)."""
    body = vault.get(attachment_id)
    if body.get("type") != "attachment" or not is_recording(body):
        raise MonitorError(Message("recording_not_a_recording", id=one_line(attachment_id, 40)))
    return b"".join(vault.read_attachment(body["sha256"]))


def decode(data: bytes) -> tuple[bytes, int, int]:
    """(PCM int16 interleaved, sample rate, channels) of a FLAC file in memory."""
    sf = _soundfile()
    with sf.SoundFile(io.BytesIO(data)) as f:
        pcm = f.read(dtype="int16").tobytes()
        return pcm, f.samplerate, f.channels


# --- recovery ------------------------------------------------------------------------------------

def recover(vault: "Vault") -> list[str]:
    """Finish recordings cut short by a crash (the vault does this when it opens); see
    :func:`monitor.core.store.recordings.recover`."""
    return _store.recover(vault)


def staged(vault: "Vault") -> list[tuple[str, dict]]:
    """(attachment id, note) of every recording staged in the vault (in progress, or cut short)."""
    return _store.staged(vault)
