"""Interview audio with real processes (issue 21 §3): kill -9 while recording, a sentinel scan of every
file a recording session leaves, and the ``monitor audio`` command."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy
import pytest
import soundfile
from conftest import PASSPHRASE, TEST_KDF
from records import new_person, uid
from test_audio import INTERVIEW, KAZAKH_DEVICE, PERSON, consent_record, interview

from monitor.core.audio import recording
from monitor.core.store.vault import Vault

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process


def pattern(seconds: float, rate: int = 16000, seed: int = 7731) -> bytes:
    """A distinctive PCM signal (a chirp under seeded noise), the same in the child and here."""
    rng = numpy.random.default_rng(seed)
    n = int(seconds * rate)
    t = numpy.arange(n) / rate
    wave = 7000 * numpy.sin(2 * numpy.pi * (200 + 40 * t) * t) + rng.normal(0, 1500, n)
    return numpy.clip(wave, -32768, 32767).astype("<i2").tobytes()


def make_vault(path: Path, *, audio: bool = True) -> None:
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF, profile="tester") as v:
        v.put_many([new_person(PERSON), consent_record({"documentation": True, "audio": audio}), interview()])


def environment(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    passfile = tmp_path / "secrets" / "pass"
    passfile.parent.mkdir(exist_ok=True)
    passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
    scratch = tmp_path / "tmp"
    scratch.mkdir(exist_ok=True)
    home = tmp_path / "home"
    env.update(MONITOR_PASSPHRASE_FILE=str(passfile), MONITOR_LANG="en", HOME=str(home), TMPDIR=str(scratch),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "config"), PYTHONPATH=str(Path(__file__).parent))
    return env


def monitor(env: dict, *args: str, ok: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "monitor", *args], env=env, capture_output=True, text=True,
                            timeout=300, cwd=cwd)
    if ok:
        assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


# --- kill -9 while recording -----------------------------------------------------------------------

RECORDER = """
import sys
from test_audio_process import pattern
from monitor.core.audio import recording
from monitor.core.store.vault import Vault

vault = Vault.open(sys.argv[1], sys.argv[2])
pcm = pattern(float(sys.argv[4]))
rec = recording.start(vault, sys.argv[3], sample_rate=16000, channels=1, device=sys.argv[5])
piece, second = 3200, 32000  # 0.1 s appends, a flush each second of sound
for at in range(0, len(pcm), piece):
    rec.append(pcm[at:at + piece])
    if (at + piece) % second == 0:
        rec.flush()
        print("flushed", rec.seconds, flush=True)
print("all", flush=True)
sys.stdin.read()  # wait to be killed: never finish
"""


def run_kill_trials(tmp_path: Path, trials: int, seed: int) -> list[tuple[float, float]]:
    """``trials`` recordings, each killed with SIGKILL a random moment after a random number of
    flushes; after each the vault opens, the recording is recovered bit for bit up to where it
    stopped, and verify passes. Returns (seconds flushed before the kill, seconds recovered)."""
    env = environment(tmp_path)
    path = tmp_path / "vaults" / "rec.vault"
    make_vault(path)
    rng = random.Random(seed)
    expected = pattern(40)
    results = []
    for trial in range(trials):
        proc = subprocess.Popen([sys.executable, "-c", RECORDER, str(path), PASSPHRASE, INTERVIEW, "40",
                                 KAZAKH_DEVICE], env=env, stdout=subprocess.PIPE, stdin=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        flushed = 0.0
        wanted = 1 + rng.randrange(8)  # killed after a few flushes, at a random moment after them
        try:
            for line in proc.stdout:
                if line.startswith("flushed"):
                    flushed = float(line.split()[1])
                    if flushed >= wanted:
                        time.sleep(rng.random() * 0.05)
                        break
                elif line.startswith("all"):
                    break
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
        with Vault.open(path, PASSPHRASE) as vault:  # opening recovers it
            found = recording.recordings_of(vault, INTERVIEW)
            assert len(found) == trial + 1 and recording.staged(vault) == []
            newest = max(found, key=lambda r: r.captured_at)
            data = recording.audio_bytes(vault, newest.attachment_id)
            decoded, rate, channels = recording.decode(data)
            assert (rate, channels) == (16000, 1) and newest.device == KAZAKH_DEVICE
            assert expected.startswith(decoded)  # exactly the sound, bit for bit, up to where it stops
            seconds = len(decoded) / 2 / 16000
            assert seconds >= flushed - 2 * recording.BLOCK / 16000  # every flush before the kill is there
            assert newest.seconds == pytest.approx(seconds, abs=0.001)
            assert hashlib.sha256(data).hexdigest() == newest.sha256
            assert vault.verify().problems == []
        results.append((flushed, seconds))
    result = monitor(env, "verify", "--vault", str(path))
    assert result.returncode == 0
    listed = monitor(env, "audio", "list", INTERVIEW, "--json", "--vault", str(path))
    assert len(json.loads(listed.stdout)) == trials
    return results


def _report(trials: list[tuple[float, float]]) -> None:
    flushed = sum(f for f, _ in trials)
    recovered = sum(r for _, r in trials)
    print(f"\nkill -9 while recording: {len(trials)} trials, all recovered and verified; "
          f"{flushed:.1f} s flushed before the kills, {recovered:.1f} s recovered")


def test_kill_9_while_recording_quick(tmp_path):
    _report(run_kill_trials(tmp_path, 2, seed=21))


@pytest.mark.slow
def test_kill_9_while_recording_long(tmp_path):
    _report(run_kill_trials(tmp_path, 25, seed=2126))


# --- a sentinel scan ---------------------------------------------------------------------------------

SESSION = """
import sys
from test_audio_process import pattern
from monitor.core.audio import recording
from monitor.core.store.vault import Vault

with Vault.open(sys.argv[1], sys.argv[2]) as vault:
    pcm = pattern(6)
    rec = recording.start(vault, sys.argv[3], sample_rate=16000, channels=1, device="scan mic")
    for at in range(0, len(pcm), 1000):
        rec.append(pcm[at:at + 1000])
    rec.finish(caption="сканер")
    recording.import_pcm(vault, sys.argv[3], pattern(5, seed=99), sample_rate=16000, channels=1, device="scan")
    for r in recording.recordings_of(vault, sys.argv[3]):
        assert len(recording.audio_bytes(vault, r.attachment_id)) > 1000  # played back, in memory
"""


def _windows(data: bytes, n: int = 12, size: int = 48) -> list[bytes]:
    step = max(1, (len(data) - size) // n)
    return [data[at:at + size] for at in range(step // 2, len(data) - size, step)][:n]


def test_no_audio_bytes_outside_the_vault(tmp_path):
    env = environment(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    path = tmp_path / "vaults" / "scan.vault"
    make_vault(path)
    run = subprocess.run([sys.executable, "-c", SESSION, str(path), PASSPHRASE, INTERVIEW], env=env, cwd=work,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    monitor(env, "audio", "list", INTERVIEW, "--vault", str(path), cwd=work)
    monitor(env, "verify", "--vault", str(path), cwd=work)
    with Vault.open(path, PASSPHRASE) as vault:
        flac = [recording.audio_bytes(vault, r.attachment_id) for r in recording.recordings_of(vault, INTERVIEW)]
    assert len(flac) == 2
    needles = {"pcm": _windows(pattern(6)) + _windows(pattern(5, seed=99))}
    needles["flac"] = [w for data in flac for w in _windows(data[4096:])] + [f[:42] for f in flac]
    scanned = 0
    for place in tmp_path.rglob("*"):
        if not place.is_file() or place.parent.name == "secrets":
            continue
        content = place.read_bytes()
        scanned += 1
        for kind, windows in needles.items():
            for window in windows:
                assert window not in content, f"{kind} bytes found in {place.relative_to(tmp_path)}"
    assert scanned >= 2  # the vault and its key file at least
    assert list((tmp_path / "tmp").iterdir()) == [] and list(work.iterdir()) == []  # no temporary file
    # the test can find what it looks for: the same windows are in the decoded sound and the FLAC
    assert all(w in pattern(6) + pattern(5, seed=99) for w in needles["pcm"])
    print(f"sentinel scan: {scanned} files, {sum(len(w) for w in needles.values())} windows, none found")


# --- the command ---------------------------------------------------------------------------------------

def _wav(path: Path, pcm: bytes, rate: int = 16000) -> None:
    buffer = io.BytesIO()
    soundfile.write(buffer, numpy.frombuffer(pcm, dtype="<i2"), rate, format="WAV", subtype="PCM_16")
    path.write_bytes(buffer.getvalue())


def test_monitor_audio_import_list_export(tmp_path):
    env = environment(tmp_path)
    path = tmp_path / "vaults" / "cli.vault"
    make_vault(path)
    wav = tmp_path / "in" / "интервью.wav"
    wav.parent.mkdir()
    pcm = pattern(4)
    _wav(wav, pcm)
    v = ["--vault", str(path)]
    out = monitor(env, "audio", "import", INTERVIEW, str(wav), "--device", KAZAKH_DEVICE, "--caption", "Әңгіме", *v)
    assert "stored the recording as" in out.stdout and "00:04" in out.stdout
    listed = json.loads(monitor(env, "audio", "list", INTERVIEW, "--json", *v).stdout)
    assert len(listed) == 1 and listed[0]["device"] == KAZAKH_DEVICE and listed[0]["caption"] == "Әңгіме"
    assert listed[0]["seconds"] == 4.0
    text = monitor(env, "audio", "list", INTERVIEW, *v).stdout
    assert listed[0]["attachment_id"] in text and "00:04" in text and KAZAKH_DEVICE in text
    out_file = tmp_path / "out" / "copy.flac"
    out_file.parent.mkdir()
    exported = monitor(env, "audio", "export", listed[0]["attachment_id"], "--out", str(out_file), *v)
    assert "UNENCRYPTED" in exported.stderr
    assert hashlib.sha256(out_file.read_bytes()).hexdigest() == listed[0]["sha256"]
    data, rate = soundfile.read(str(out_file), dtype="int16")
    assert rate == 16000 and data.tobytes() == pcm
    # refusals: one line each, the vault unchanged
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args, words in [
        (("audio", "import", uid(999), str(wav)), "no interview"),
        (("audio", "import", INTERVIEW, str(tmp_path / "missing.wav")), "missing.wav"),
        (("audio", "export", INTERVIEW, "--out", str(tmp_path / "x.flac")), "not an audio recording"),
    ]:
        result = monitor(env, *args, *v, ok=False)
        assert result.returncode == 1 and words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    bad = tmp_path / "in" / "noise.wav"
    bad.write_bytes(b"RIFF" + os.urandom(200))
    result = monitor(env, "audio", "import", INTERVIEW, str(bad), *v, ok=False)
    assert "not a WAV or FLAC file" in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "x.flac").exists()
    # without audio consent: refused before the first sample
    withdrawn = tmp_path / "vaults" / "withdrawn.vault"
    make_vault(withdrawn, audio=False)
    result = monitor(env, "audio", "import", INTERVIEW, str(wav), "--vault", str(withdrawn), ok=False)
    assert "consent to audio recording is not in force" in result.stderr
    kk = monitor({**env, "MONITOR_LANG": "kk"}, "audio", "import", INTERVIEW, str(wav), "--vault", str(withdrawn),
                 ok=False)
    assert "аудиожазбаға келісімі күшінде емес" in kk.stderr
