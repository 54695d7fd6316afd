"""Text helpers: canonical JSON, Kazakh/Russian-aware sorting, safe one-line display."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

# The Kazakh Cyrillic alphabet in dictionary order. Russian uses a subset in the same order, so
# one key sorts both languages correctly: А Ә Б … Г Ғ … К Қ … Н Ң … О Ө … У Ұ Ү … Х Һ … Ы І …
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {ch: i for i, ch in enumerate(KAZAKH_ALPHABET)}


def sort_key(text: str | None) -> tuple:
    """A key that orders Latin, then Cyrillic in Kazakh alphabetical order, case-insensitively.

    Digits and Latin letters sort by their case-folded code point before Cyrillic; Cyrillic letters
    by their place in the Kazakh alphabet (which contains the Russian one in the same order). Ties
    between upper and lower case are broken by the original string so the order is total.
    """
    if not text:
        return ((), "")
    folded = unicodedata.normalize("NFC", text).casefold()
    parts = []
    for ch in folded:
        rank = _RANK.get(ch)
        if rank is None:
            parts.append((0, ord(ch)) if ord(ch) < 0x400 else (2, ord(ch)))
        else:
            parts.append((1, rank))
    return (tuple(parts), text)


def collate(a: str | None, b: str | None) -> int:
    """An SQLite collation function built on :func:`sort_key`."""
    ka, kb = sort_key(a), sort_key(b)
    return (ka > kb) - (ka < kb)


def canonical_json(obj: Any) -> bytes:
    """The canonical byte form used for hashing: sorted keys, no spaces, UTF-8, NFC text."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def nfc(value: Any) -> Any:
    """Normalise every string in a JSON-like value to NFC (so search and hashes agree)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


def one_line(text: str, limit: int = 60) -> str:
    """A short, printable, single-line rendering of untrusted text for error messages."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in str(text))
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
