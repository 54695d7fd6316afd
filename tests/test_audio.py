"""Interview audio recorded straight into the vault (issue 21 §3): real vaults, real FLAC (libsndfile),
no microphone. Synthetic speech from espeak-ng when it is installed, a generated signal otherwise."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import threading

import numpy
import pytest
import soundfile
from conftest import reopen, skip_unless_ci
from records import new_person, uid

from monitor.core.audio import recording, timestamps
from monitor.core.errors import Cancelled, ConsentRequired, MonitorError, RecordNotFound, SealedRecord
from monitor.core.history.revisions import new_id

PERSON, INTERVIEW = uid(3), uid(7)
KAZAKH_DEVICE = "Ішкі микрофон (Қазақстан) — «Жазу құрылғысы» №2"
KAZAKH_CAPTION = "Сұхбат: Әбілқасымовтың айғағы"


def interview(person_id: str = PERSON, interview_id: str = INTERVIEW) -> dict:
    return {"id": interview_id, "type": "interview", "person_id": person_id, "interviewers": ["А. Сәрсенова"],
            "date": "2026-03-02T11:30:00+05:00", "private": True, "narrative": "Ол [01:05] кезде айтты.",
            "reprisal_risk": "low"}


def consent_record(scope: dict, date: str = "2026-03-02T11:00:00+05:00", **extra) -> dict:
    return {"id": new_id(), "type": "consent", "person_id": PERSON, "date": date, "method": "written",
            "scope": scope, **extra}


@pytest.fixture
def consenting(vault):
    """A vault with a person who gave audio consent, and their interview."""
    vault.put_many([new_person(PERSON), consent_record({"documentation": True, "audio": True}), interview()])
    return vault


def sine(seconds: float, rate: int = 16000, channels: int = 1, seed: int = 1) -> bytes:
    """A tone with noise: a signal a lossy codec could not give back bit for bit."""
    rng = numpy.random.default_rng(seed)
    n = int(seconds * rate)
    t = numpy.arange(n) / rate
    wave = 6000 * numpy.sin(2 * numpy.pi * 220 * t) + rng.normal(0, 900, n)
    frames = numpy.stack([wave * (1 - 0.3 * c) for c in range(channels)], axis=1)
    return numpy.clip(frames, -32768, 32767).astype("<i2").tobytes()


def espeak(text: str) -> tuple[bytes, int]:
    """(PCM int16 mono, rate) of ``text`` spoken by espeak-ng (a WAV on its standard output)."""
    wav = subprocess.run(["espeak-ng", "-v", "ru", "-w", "/dev/stdout", text], capture_output=True, check=True,
                         timeout=60).stdout
    data, rate = soundfile.read(io.BytesIO(wav), dtype="int16")
    assert data.ndim == 1 and len(data) > rate // 2
    return data.tobytes(), rate


def record_in_pieces(vault, pcm: bytes, *, rate: int, channels: int = 1, piece: int = 1234,
                     device: str = "test mic") -> str:
    rec = recording.start(vault, INTERVIEW, sample_rate=rate, channels=channels, device=device)
    for at in range(0, len(pcm), piece):
        rec.append(pcm[at:at + piece])
    assert rec.seconds == pytest.approx(len(pcm) / (2 * channels) / rate)
    return rec.finish()


def check_stored(vault, attachment_id: str, pcm: bytes, *, rate: int, channels: int = 1) -> dict:
    """The stored FLAC decodes to exactly ``pcm``; its record carries hash, size and duration."""
    data = recording.audio_bytes(vault, attachment_id)
    assert data[:4] == b"fLaC"
    decoded, got_rate, got_channels = recording.decode(data)
    assert (got_rate, got_channels) == (rate, channels)
    assert decoded == pcm  # lossless, bit for bit
    body = vault.get(attachment_id)
    assert body["sha256"] == hashlib.sha256(data).hexdigest() and body["size"] == len(data)
    assert body["mime_type"] == "audio/flac" and body["parent_id"] == INTERVIEW
    assert body["duration_seconds"] == pytest.approx(len(pcm) / (2 * channels) / rate, abs=0.001)
    assert len(data) < len(pcm)  # it really was compressed
    return body


# --- the encode-and-store path -------------------------------------------------------------------

def test_synthetic_speech_is_stored_losslessly_both_ways(consenting):
    if shutil.which("espeak-ng") is None:  # CI installs it (.ci/run): there, its absence fails the run
        skip_unless_ci("espeak-ng is not installed (apt-get install espeak-ng)")
    pcm, rate = espeak("Меня били в изоляторе. Мені ұрды.")
    imported = recording.import_pcm(consenting, INTERVIEW, pcm, sample_rate=rate, channels=1, device="espeak-ng")
    check_stored(consenting, imported, pcm, rate=rate)
    live = record_in_pieces(consenting, pcm, rate=rate, piece=999)  # odd pieces: frames split between appends
    check_stored(consenting, live, pcm, rate=rate)
    # the same sound gives the same file: the blob store keeps it once
    assert consenting.get(live)["sha256"] == consenting.get(imported)["sha256"]
    assert consenting.verify().problems == []


@pytest.mark.parametrize("rate,channels", [(16000, 1), (48000, 2)])
def test_a_generated_signal_is_stored_losslessly(consenting, rate, channels):
    pcm = sine(7.5, rate, channels)  # several commits (COMMIT_SECONDS) and a last partial block
    aid = record_in_pieces(consenting, pcm, rate=rate, channels=channels, piece=4410)
    body = check_stored(consenting, aid, pcm, rate=rate, channels=channels)
    assert (body["sample_rate"], body["channels"]) == (rate, channels)
    chunks = consenting.conn.execute("SELECT chunks FROM blobs WHERE sha256 = ?", (body["sha256"],)).fetchone()[0]
    assert chunks >= 3  # committed while it was recorded, not in one piece at the end
    assert recording.staged(consenting) == []
    assert consenting.verify().problems == []


def test_import_reports_progress_and_cancel_leaves_nothing(consenting):
    pcm = sine(30, 16000)
    seen = []
    aid = recording.import_pcm(consenting, INTERVIEW, pcm, sample_rate=16000, channels=1, device="d",
                               progress=lambda done, total, label: seen.append((done, total)))
    assert seen[-1] == (len(pcm), len(pcm)) and len(seen) > 2
    check_stored(consenting, aid, pcm, rate=16000)
    before = consenting.conn.execute("SELECT count(*) FROM blobs").fetchone()[0]
    cancel = threading.Event()

    def stop(done, total, label):
        if done > total // 2:
            cancel.set()

    with pytest.raises(Cancelled):
        recording.import_pcm(consenting, INTERVIEW, sine(30, 16000, seed=2), sample_rate=16000, channels=1,
                             device="d", progress=stop, cancel=cancel)
    assert consenting.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == before
    assert recording.staged(consenting) == [] and len(recording.recordings_of(consenting, INTERVIEW)) == 1
    assert consenting.verify().problems == []


def test_kazakh_device_and_caption_survive(consenting, vault_path):
    rec = recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device=KAZAKH_DEVICE)
    rec.append(sine(1))
    aid = rec.finish(caption=KAZAKH_CAPTION)
    consenting.close()
    with reopen(vault_path) as again:
        [info] = recording.recordings_of(again, INTERVIEW)
        assert info.attachment_id == aid and info.device == KAZAKH_DEVICE and info.caption == KAZAKH_CAPTION
        assert info.seconds == 1.0 and info.mime_type == "audio/flac" and not info.sealed
        assert again.get(aid)["capture_device"] == KAZAKH_DEVICE


def test_abort_and_an_empty_recording_leave_nothing(consenting):
    def state():
        conn = consenting.conn
        return (conn.execute("SELECT count(*) FROM blobs").fetchone()[0],
                conn.execute("SELECT count(*) FROM blob_chunks").fetchone()[0], consenting.counts())

    before = state()
    rec = recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device="d")
    rec.append(sine(4))
    rec.flush()
    assert consenting.conn.execute("SELECT count(*) FROM blob_chunks").fetchone()[0] > before[1]
    assert consenting.verify().problems == []  # a recording in progress is not a leftover
    rec.abort()
    assert state() == before and recording.staged(consenting) == []
    with pytest.raises(MonitorError) as err:
        rec.append(sine(1))
    assert err.value.message.id == "recording_finished"
    empty = recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device="d")
    with pytest.raises(MonitorError) as err:
        empty.finish()
    assert err.value.message.id == "recording_empty"
    assert state() == before
    actions = [r[0] for r in consenting.conn.execute("SELECT action FROM audit ORDER BY seq")]
    assert actions.count("recording-started") == 2 and actions.count("recording-dropped") == 2
    assert consenting.verify().problems == []


# --- refusals --------------------------------------------------------------------------------------

def _files(path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.iterdir()) if p.is_file()}


def test_no_audio_consent_refuses_before_anything_is_written(vault, vault_path):
    vault.put_many([new_person(PERSON), consent_record({"documentation": True, "audio": False}), interview()])
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _files(vault_path)
    with pytest.raises(ConsentRequired) as err:
        recording.start(vault, INTERVIEW, sample_rate=16000, channels=1, device="d")
    assert err.value.message.id == "recording_no_consent"
    assert "ҚАЗ" not in err.value.localized("kk") and "аудиожазба" in err.value.localized("kk")
    with pytest.raises(ConsentRequired):
        recording.import_pcm(vault, INTERVIEW, sine(1), sample_rate=16000, channels=1, device="d")
    assert _files(vault_path) == before  # byte for byte
    # given, then withdrawn: refused again
    vault.put(consent_record({"audio": True}, date="2026-03-02T11:10:00+05:00"))
    recording.start(vault, INTERVIEW, sample_rate=16000, channels=1, device="d").abort()
    vault.put(consent_record({"audio": False}, date="2026-03-02T11:20:00+05:00", withdrawal=True))
    with pytest.raises(ConsentRequired):
        recording.start(vault, INTERVIEW, sample_rate=16000, channels=1, device="d")


def test_a_sealed_or_missing_interview_and_a_bad_format_are_refused(consenting):
    for rate, channels in ((12345, 1), (16000, 3), (16000, 0)):
        with pytest.raises(MonitorError) as err:
            recording.start(consenting, INTERVIEW, sample_rate=rate, channels=channels, device="d")
        assert err.value.message.id in ("recording_bad_rate", "recording_bad_channels")
    with pytest.raises(RecordNotFound):
        recording.start(consenting, uid(999), sample_rate=16000, channels=1, device="d")
    with pytest.raises(RecordNotFound):
        recording.start(consenting, PERSON, sample_rate=16000, channels=1, device="d")  # not an interview
    aid = recording.import_pcm(consenting, INTERVIEW, sine(1), sample_rate=16000, channels=1, device="d")
    consenting.seal(INTERVIEW)
    with pytest.raises(SealedRecord) as err:
        recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device="d")
    assert err.value.message.id == "recording_sealed"
    assert [r.sealed for r in recording.recordings_of(consenting, INTERVIEW)] == [True]
    assert recording.audio_bytes(consenting, aid)[:4] == b"fLaC"
    with pytest.raises(MonitorError):
        recording.audio_bytes(consenting, INTERVIEW)


# --- a recording cut short ------------------------------------------------------------------------

def test_what_was_committed_is_recovered_when_the_vault_opens_again(consenting, vault_path):
    pcm = sine(10, 16000)
    rec = recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device=KAZAKH_DEVICE)
    rec.append(pcm[:len(pcm) // 2])
    rec.flush()
    committed = consenting.conn.execute("SELECT sum(length(data)) FROM blob_chunks").fetchone()[0]
    rec.append(pcm[len(pcm) // 2:len(pcm) // 2 + 1000])  # not committed: lost with the "crash"
    assert recording.recover(consenting) == []  # a recording open in this process is left alone
    consenting.close()  # the process "dies" here: no finish
    with reopen(vault_path) as again:
        [info] = recording.recordings_of(again, INTERVIEW)
        data = recording.audio_bytes(again, info.attachment_id)
        decoded, rate, channels = recording.decode(data)  # soundfile reads it like any finished file
        assert rate == 16000 and channels == 1
        assert 0 < len(decoded) <= len(pcm) // 2 and pcm.startswith(decoded)
        assert len(decoded) >= len(pcm) // 2 - 2 * recording.BLOCK * 2  # at most a block waited in the encoder
        assert len(data) == committed
        assert info.seconds == pytest.approx(len(decoded) / 2 / 16000, abs=0.001)
        assert info.device == KAZAKH_DEVICE and recording.staged(again) == []
        assert again.verify().problems == []
        actions = [r[0] for r in again.conn.execute("SELECT action FROM audit ORDER BY seq")]
        assert "recording-recovered" in actions


def test_a_recording_cut_before_its_first_commit_is_dropped(consenting, vault_path):
    rec = recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device="d")
    rec.append(sine(0.5))  # less than COMMIT_SECONDS: nothing committed
    consenting.close()
    with reopen(vault_path) as again:
        assert recording.recordings_of(again, INTERVIEW) == [] and recording.staged(again) == []
        assert again.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 0
        assert again.verify().problems == []


def test_the_staged_file_patches_committed_bytes():
    f = recording._StagedFile()
    f.write(b"0123456789")
    f.committed, f.pending = 10, bytearray()
    f.write(b"abcdef")
    f.seek(8)
    f.write(b"XYZW")  # two bytes into the committed part, two into the pending one
    assert f.patches == [(8, b"XY")] and bytes(f.pending) == b"ZWcdef" and f.tell() == 12
    f.seek(0, io.SEEK_END)
    assert f.tell() == 16


# --- timestamps -----------------------------------------------------------------------------------

def test_timestamps_are_found_and_formatted():
    text = "Ол [01:05] кезде айтты, кейін [1:02:03]; бірақ [99] емес, [12:75] де емес, [123:45] иә."
    found = timestamps.find(text)
    assert [(text[s:e], sec) for s, e, sec in found] == [("[01:05]", 65.0), ("[1:02:03]", 3723.0),
                                                         ("[123:45]", 7425.0)]
    assert timestamps.format(754) == "12:34" and timestamps.format(3723.9) == "1:02:03"
    assert timestamps.format(5) == "00:05" and timestamps.find("") == []
    for seconds in (0, 59, 61, 754, 3599, 3600, 36000):
        [(_, _, back)] = timestamps.find(f"[{timestamps.format(seconds)}]")
        assert back == seconds


def test_the_last_whole_frame_is_found_at_every_cut():
    """What a crash can leave: the stream cut after any write libsndfile made. The store finds the
    samples up to the last whole frame (FLAC framing and CRCs only) and the fixed header decodes."""
    from monitor.core.store import recordings

    f = recording._StagedFile()
    pcm = numpy.frombuffer(sine(3, 16000, 2), dtype="<i2").reshape(-1, 2)
    cuts = []
    with soundfile.SoundFile(f, "w", samplerate=16000, channels=2, format="FLAC", subtype="PCM_16") as enc:
        for at in range(0, len(pcm), 1500):
            enc.write(pcm[at:at + 1500])
            cuts.append(len(f.pending))
        unfinished = bytes(f.pending)
    assert len(set(cuts)) > 10
    assert recordings.last_whole_frame(unfinished[:cuts[0]]) == (0, cuts[0])  # the header alone
    whole = sorted(set(cuts))[1:]
    for cut in whole:
        frames, end = recordings.last_whole_frame(unfinished[:cut])
        assert frames > 0 and frames % recording.BLOCK == 0 and end == cut
        fixed = recordings.with_total(unfinished[:42], frames) + unfinished[42:cut]
        decoded, rate, channels = recording.decode(fixed)
        assert (rate, channels) == (16000, 2) and decoded == pcm[:frames].tobytes()
    # cut inside a frame (commits never are; a damaged file might be): the frame before it counts
    for before, cut in zip(whole, whole[1:], strict=False):
        inside = (before + cut) // 2
        assert recordings.last_whole_frame(unfinished[:inside]) == recordings.last_whole_frame(unfinished[:before])
    with pytest.raises(MonitorError):
        recordings.last_whole_frame(b"RIFF" + bytes(100))


def test_a_sealed_interview_seals_its_recordings(consenting, tmp_path):
    """Sealing waits for a recording in progress; afterwards the interview's recordings can be
    neither changed nor deleted, and no recording (nor an audio file) can be added to it."""
    rec = recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device="d")
    rec.append(sine(1))
    with pytest.raises(MonitorError) as err:
        consenting.seal(INTERVIEW)
    assert err.value.message.id == "vault_seal_recording" and not consenting.info(INTERVIEW).sealed
    aid = rec.finish(caption="before the seal")
    photo = consenting.add_attachment(_png(tmp_path), parent_id=INTERVIEW)  # filed under it: sealed with it
    consenting.seal(INTERVIEW)
    body = consenting.get(aid)
    with pytest.raises(SealedRecord) as err:
        consenting.put({**body, "caption": "changed after the seal"})
    assert err.value.message.id == "gate_recording_sealed"
    with pytest.raises(SealedRecord):
        consenting.put({**body, "parent_id": uid(3)})  # moved away from the sealed interview
    with pytest.raises(SealedRecord):
        consenting.delete(aid)
    flac = tmp_path / "other.flac"
    flac.write_bytes(recording.audio_bytes(consenting, aid))
    with pytest.raises(SealedRecord):
        consenting.add_attachment(flac, parent_id=INTERVIEW)
    assert consenting.get(aid) == body and [r.sealed for r in recording.recordings_of(consenting, INTERVIEW)] == [True]
    assert body["sealed"] is True and consenting.info(aid).sealed and consenting.info(photo["id"]).sealed
    with pytest.raises(SealedRecord) as err:
        consenting.put({**consenting.get(photo["id"]), "caption": "changed after the seal"})
    assert err.value.message.id == "gate_exhibit_sealed"
    with pytest.raises(SealedRecord) as err:
        consenting.delete(photo["id"])
    assert err.value.message.id == "gate_exhibit_sealed"
    later = consenting.add_attachment(_png(tmp_path), parent_id=INTERVIEW)  # a later file: not part of the seal
    consenting.put({**consenting.get(later["id"]), "caption": "a later photo stays editable"})


def _png(tmp_path):
    from reports_support import png_bytes

    path = tmp_path / "photo.png"
    path.write_bytes(png_bytes())
    return path


def test_verify_tells_a_leftover_staged_blob_from_a_recording_in_progress(consenting):
    rec = recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device="d")
    rec.append(sine(4))
    assert consenting.verify().problems == []
    with consenting.writing() as conn:  # what an interrupted import without a recording's note would leave
        conn.execute("INSERT INTO blobs (sha256, created_at) VALUES (NULL, '2026-01-01T00:00:00Z')")
    assert [p.id for p in consenting.verify().problems] == ["verify_staged"]
    assert consenting.verify().problems[0].params["n"] == 1
    rec.abort()


@pytest.mark.parametrize("tail", [3000, 1 << 20])
def test_recovery_reads_only_the_end_of_a_long_recording(consenting, vault_path, monkeypatch, tail):
    from monitor.core.store import recordings

    monkeypatch.setattr(recordings, "TAIL", tail)  # small: the frames are searched in the last chunks only
    pcm = sine(20, 16000, seed=5)
    rec = recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device="d")
    for at in range(0, len(pcm), 16000):
        rec.append(pcm[at:at + 16000])
    rec.flush()
    chunks = consenting.conn.execute("SELECT count(*), sum(length(data)) FROM blob_chunks").fetchone()
    assert chunks[0] >= 6 and chunks[1] > 4 * 3000
    consenting.close()
    with reopen(vault_path) as again:
        [info] = recording.recordings_of(again, INTERVIEW)
        decoded = recording.decode(recording.audio_bytes(again, info.attachment_id))[0]
        assert pcm.startswith(decoded) and len(decoded) >= len(pcm) - 4 * recording.BLOCK
        assert again.verify().problems == []


def test_a_damaged_recording_note_does_not_keep_the_vault_shut(consenting, vault_path):
    with consenting.writing() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('recording:x', '{not json')")
    consenting.close()
    with reopen(vault_path) as again:
        assert any("recording" in w for w in again.warnings)
        assert again.get(INTERVIEW)["id"] == INTERVIEW


def test_a_busy_vault_delays_a_commit_without_losing_sound(consenting):
    """While another thread holds the vault (an import), appends go on; the commit waits for the next."""
    from monitor.core.errors import VaultBusy

    pcm = sine(8, 16000, seed=3)
    consenting.write_wait = 0.05  # as the desktop app: a write that cannot go at once says so
    rec = recording.start(consenting, INTERVIEW, sample_rate=16000, channels=1, device="d")
    held, release = threading.Event(), threading.Event()

    def importer():
        with consenting.hold():
            held.set()
            release.wait(30)

    worker = threading.Thread(target=importer)
    worker.start()
    held.wait(30)
    try:
        rec.append(pcm[:len(pcm) // 2])  # 4 s: a commit is due and cannot happen
        with pytest.raises(VaultBusy):
            rec.flush()
    finally:
        release.set()
        worker.join()
    assert consenting.conn.execute("SELECT count(*) FROM blob_chunks").fetchone()[0] == 0
    rec.append(pcm[len(pcm) // 2:])
    assert consenting.conn.execute("SELECT count(*) FROM blob_chunks").fetchone()[0] >= 1
    check_stored(consenting, rec.finish(), pcm, rate=16000)
