"""A tiny synthetic injury "photo" for the demo data: 96x64 RGB PNG, standard library only.

Skin background, an irregular bruise, a colour reference in the top-right corner and a ruler along
the bottom edge (the Istanbul Protocol asks for a scale and a colour reference in every photograph).
"""

from __future__ import annotations

import math
import random
import struct
import zlib

__all__ = ["png_photo"]

_SKIN_TONES = ((236, 200, 170), (224, 180, 146), (205, 160, 125), (190, 140, 105), (160, 115, 85),
               (245, 215, 190))
_BRUISE_TONES = ((110, 50, 95), (85, 45, 110), (130, 60, 70), (95, 70, 120))

_W, _H = 96, 64
_LUTS = tuple(bytes(min(255, int(v * (0.82 + 0.015 * k))) for v in range(256)) for k in range(17))


def _build_ruler() -> list[bytes]:
    """Bottom 8 rows: a black/white ruler (ticks above, alternating 8-pixel blocks below)."""
    rows = []
    for ry in range(8):
        row = bytearray()
        for x in range(_W):
            if ry < 3:
                black = x % 8 == 0 or (ry < 1 and x % 4 == 0) or (x % 16 == 0)
                black = black and not (ry == 2 and x % 8 != 0)
            else:
                black = (x // 8) % 2 == 0
            row += b"\x10\x10\x10" if black else b"\xf4\xf4\xf4"
        rows.append(bytes(row))
    return rows


_RULER = _build_ruler()
# colour reference patches (red, green, blue, grey) in the top-right corner, rows 2..7
_PATCH_X = 70
_PATCH = b"".join(bytes(c) * 5 + b"\xf4\xf4\xf4" for c in ((200, 30, 30), (30, 160, 40), (30, 60, 190),
                                                          (128, 128, 128)))[:-3]


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def png_photo(rng: random.Random, label_seed: int) -> bytes:
    """A tiny synthetic injury 'photo' (96x64 RGB PNG): skin background, an irregular bruise,
    a colour reference in the top-right corner and a ruler scale along the bottom edge."""
    tone = rng.choice(_SKIN_TONES)
    tone = tuple(max(0, min(255, c + rng.randint(-12, 12))) for c in tone)
    gx = rng.uniform(-0.25, 0.25)
    base = bytearray()
    for x in range(_W):
        f = 1.0 + gx * (x / _W - 0.5)
        base += bytes(min(255, int(c * f)) for c in tone)
    base = bytes(base)
    # bruise: three nested irregular ellipses (yellow-green halo, red-purple, dark core)
    core = rng.choice(_BRUISE_TONES)
    halo = tuple((2 * t + h) // 3 for t, h in zip(tone, (170, 165, 80)))
    mid = tuple((t + 2 * c) // 3 for t, c in zip(tone, core))
    layers = [bytes(halo) * _W, bytes(mid) * _W, bytes(core) * _W]
    scales = (1.0, 0.68, 0.36)
    cx = rng.uniform(22, 70)
    cy = rng.uniform(16, 38)
    rx = rng.uniform(9, 22)
    ry = rng.uniform(6, 15)
    skew = rng.uniform(-0.5, 0.5)
    waves = [(rng.uniform(0.05, 0.18), rng.uniform(0.3, 1.1), rng.uniform(0, 6.283)) for _ in range(3)]
    gy = rng.uniform(-6, 6)
    specks = {}
    for _ in range(rng.randint(20, 45)):
        specks.setdefault(rng.randrange(_H - 8), []).append(rng.randrange(_W))
    raw = bytearray()
    top = _H - 8
    for y in range(top):
        k = max(0, min(16, int(8 + gy * (y / top - 0.5))))
        row = bytearray(base.translate(_LUTS[k]))
        t = (y - cy) / ry
        if -1.0 < t < 1.0:
            wobble = 1.0
            for amp, freq, phase in waves:
                wobble += amp * math.sin(freq * y + phase)
            half = rx * math.sqrt(1.0 - t * t) * wobble
            centre = cx + skew * (y - cy)
            for layer, scale in zip(layers, scales):
                h = half * scale
                x0 = max(0, int(centre - h))
                x1 = min(_W, int(centre + h) + 1)
                if x1 > x0:
                    row[3 * x0:3 * x1] = layer[3 * x0:3 * x1]
        for x in specks.get(y, ()):
            row[3 * x:3 * x + 3] = bytes(max(0, v - 35) for v in row[3 * x:3 * x + 3])
        if 2 <= y < 7:
            row[3 * _PATCH_X:3 * _PATCH_X + len(_PATCH)] = _PATCH
        raw += b"\x00"
        raw += row
    for ruler_row in _RULER:
        raw += b"\x00"
        raw += ruler_row
    ihdr = struct.pack(">IIBBBBB", _W, _H, 8, 2, 0, 0, 0)
    text = b"Comment\x00DEMO - fictional data; synthetic injury photo #%d" % label_seed
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"tEXt", text)
            + _chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + _chunk(b"IEND", b""))
