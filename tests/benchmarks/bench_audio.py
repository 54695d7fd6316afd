"""Interview audio (issue 21 §3): how fast a recording is encoded and committed, and what recovering
one cut short costs when the vault opens. Not part of the test suite:

    .venv/bin/python tests/benchmarks/bench_audio.py [--minutes 10] [--rate 48000] [--channels 2]

Records ``--minutes`` of a synthetic signal (a tone under noise: it compresses about as badly as a
room) in 0.1 s appends, as a microphone would deliver them, then finishes it; then records the same
again without finishing, closes the vault (a crash leaves the same), and times the open that
recovers it. Prints CPU and wall time against the length of the sound, the FLAC size, the commits,
peak memory, and the load average.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from monitor.core.audio import recording  # noqa: E402
from monitor.core.keys import keyslot  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402

PASS = "copper lantern steppe violin"


def signal(seconds: float, rate: int, channels: int) -> bytes:
    """Made ten seconds at a time, so that numpy's temporaries do not hide the recorder's memory."""
    rng = numpy.random.default_rng(1)
    out = bytearray()
    for start in range(0, int(seconds * rate), 10 * rate):
        t = numpy.arange(start, min(start + 10 * rate, int(seconds * rate))) / rate
        wave = 6000 * numpy.sin(2 * numpy.pi * 220 * t) + rng.normal(0, 900, len(t))
        out += numpy.clip(numpy.stack([wave] * channels, axis=1), -32768, 32767).astype("<i2").tobytes()
    return bytes(out)


def record(vault: Vault, interview: str, pcm: bytes, rate: int, channels: int) -> recording.Recording:
    rec = recording.start(vault, interview, sample_rate=rate, channels=channels, device="bench")
    step = rate * channels * 2 // 10
    for at in range(0, len(pcm), step):
        rec.append(pcm[at:at + step])
    return rec


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--rate", type=int, default=48000)
    parser.add_argument("--channels", type=int, default=2)
    args = parser.parse_args()
    seconds = args.minutes * 60
    pcm = signal(seconds, args.rate, args.channels)
    made = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS with the signal made: {made:.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.vault"
        person, interview = str(uuid.uuid4()), str(uuid.uuid4())
        with Vault.create(path, PASS, kdf=keyslot.TEST_COST) as vault:
            vault.put_many([
                {"id": person, "type": "person", "code": "P-2026-0001"},
                {"id": str(uuid.uuid4()), "type": "consent", "person_id": person, "method": "written",
                 "date": "2026-03-02T11:00:00+05:00", "scope": {"documentation": True, "audio": True}},
                {"id": interview, "type": "interview", "person_id": person, "interviewers": ["bench"],
                 "date": "2026-03-02T11:30:00+05:00", "private": True, "narrative": "…", "reprisal_risk": "low"},
            ])
            cpu, wall = time.process_time(), time.perf_counter()
            aid = record(vault, interview, pcm, args.rate, args.channels).finish()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            body = vault.get(aid)
            chunks = sum(1 for _ in vault.read_attachment(body["sha256"]))
            print(f"recorded {seconds:.0f} s at {args.rate} Hz x {args.channels}: {cpu:.2f} s CPU, {wall:.2f} s wall "
                  f"({seconds / max(cpu, 1e-9):.0f}x real time in CPU), FLAC {body['size'] / 1e6:.1f} MB of "
                  f"{len(pcm) / 1e6:.1f} MB PCM, {chunks} chunks")
            record(vault, interview, pcm, args.rate, args.channels)  # never finished: a crash leaves this
        wall = time.perf_counter()
        with Vault.open(path, PASS) as vault:
            found = recording.recordings_of(vault, interview)
        wall = time.perf_counter() - wall
        print(f"open with the recording cut short: {wall:.2f} s wall, recovered {found[-1].seconds:.1f} s of sound")
        wall = time.perf_counter()
        Vault.open(path, PASS).close()
        print(f"open with nothing staged: {time.perf_counter() - wall:.3f} s wall")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
