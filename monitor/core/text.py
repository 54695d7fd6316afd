"""Text helpers: canonical JSON, Kazakh/Russian-aware sorting, safe one-line display."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from typing import Any

import rfc8785

from .errors import InvalidText, violation

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


def label_key(text: str | None) -> bytes:
    """:func:`sort_key` as bytes that sort the same way byte by byte (SQLite's BINARY order), stored
    beside each record's label (``records.label_key``) so that sorted lists and their index need no
    call into Python.

    Each character of the key becomes a code whose first byte places it: an ASCII character its
    code point + 1 (one byte), another code point below U+0400 0x81 and two bytes, a Cyrillic letter
    0x82 + its place in the Kazakh alphabet (one byte), any other code point 0xAC and three bytes. So
    byte order is the key's order, and no code is the start of another. A 0 byte ends the key (a
    shorter key sorts first), and the label itself follows in UTF-8 (code point order) to break the
    tie between upper and lower case.
    """
    parts, original = sort_key(text)
    out = bytearray()
    for kind, value in parts:
        if kind == 1:
            out.append(0x82 + value)
        elif kind == 0 and value < 0x80:
            out.append(value + 1)
        elif kind == 0:
            out += bytes((0x81, value >> 8, value & 0xFF))
        else:
            out += bytes((0xAC, value >> 16, value >> 8 & 0xFF, value & 0xFF))
    out.append(0)
    return bytes(out) + original.encode("utf-8", "surrogatepass")


@functools.lru_cache(maxsize=512)
def _cached_key(text: str | None) -> tuple:
    return sort_key(text)


def collate(a: str | None, b: str | None) -> int:
    """An SQLite collation function built on :func:`sort_key`. Inserting one label into an index
    compares it with a label on every level of the tree: its key is computed once (a bounded cache)."""
    ka, kb = _cached_key(a), _cached_key(b)
    return (ka > kb) - (ka < kb)


def canonical_json(obj: Any) -> bytes:
    """The storage form of bodies, and the version-1 hash form: sorted keys, no spaces, UTF-8, NFC text.

    Raises :class:`InvalidText` (one line) for text that is not valid Unicode (a lone surrogate).
    """
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _surrogate_error("", exc.object[exc.start]) from None


def jcs(obj: Any) -> bytes:
    """RFC 8785 (JSON Canonicalization Scheme) bytes: the version-2 hash form, which any language
    with a JCS library reproduces (numbers written as ECMAScript does: ``3.0`` → ``3``).

    Raises :class:`InvalidText` for a lone surrogate and :class:`SchemaViolation` for a number JCS
    cannot hold (NaN, infinity, an integer beyond ±2^53-1).
    """
    if _plain(obj):  # no floats, safe integers, keys whose code-point order is their UTF-16 order:
        return canonical_json(obj)  # then JCS and the sorted compact form are the same bytes (and faster)
    try:
        return rfc8785.dumps(obj)
    except rfc8785.CanonicalizationError as exc:
        bad = next((ch for ch in _strings(obj) if _has_surrogate(ch)), None)
        if bad is not None:
            raise _surrogate_error("", next(c for c in bad if 0xD800 <= ord(c) <= 0xDFFF)) from None
        raise violation("", "", "not_canonical_number", detail=one_line(str(exc), 60)) from None


_SAFE_INT = 2**53 - 1


def _plain(value: Any) -> bool:
    """True if ``value`` has no float, no integer beyond ±(2^53-1) and no key with a character
    from U+D800 up (where UTF-16 and code-point order could differ)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, sub in item.items():
                if not isinstance(key, str) or (key and max(key) >= "\ud800"):
                    return False
                stack.append(sub)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, bool) or item is None or isinstance(item, str):
            continue
        elif isinstance(item, int):
            if abs(item) > _SAFE_INT:
                return False
        else:
            return False
    return True


_SURROGATE = re.compile("[\ud800-\udfff]")


def _strings(value: Any):
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _surrogate_error(where: str, ch: str) -> InvalidText:
    """``{where}: text contains a lone surrogate (U+D800), …`` as a catalogue message (this module may
    not read the catalogue itself: :func:`violation` builds the message)."""
    return violation(where, "", "lone_surrogate", cls=InvalidText, char=f"U+{ord(ch):04X}")


def check_text(value: Any, where: str) -> None:
    """Refuse text that is not valid Unicode (lone surrogates) anywhere in a JSON-like value."""
    for text in _strings(value):
        if _has_surrogate(text):
            ch = next(c for c in text if 0xD800 <= ord(c) <= 0xDFFF)
            raise _surrogate_error(where, ch)


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


def lone_surrogate(value: Any, path: str = "") -> str | None:
    """The path of the first string (key or value) holding a lone surrogate, or None.

    JSON's ``\\ud800`` escapes decode to such strings; they are not Unicode text and cannot be
    encoded as UTF-8, so hashing or storing them would fail half way.
    """
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            if not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return where or "(value)"
        elif isinstance(item, dict):
            for key, child in item.items():
                if lone_surrogate(key) is not None:
                    return f"{where}.{one_line(key.encode('utf-8', 'replace').decode(), 30)}".lstrip(".") + " (the key)"
                stack.append((child, f"{where}.{key}".lstrip(".")))
        elif isinstance(item, list):
            stack.extend((child, f"{where}[{i}]") for i, child in enumerate(item))
    return None


# --- file names --------------------------------------------------------------------------------
# One rule for every attachment name, however it arrives (attach, load, another device): the name
# is shown, never used as a path. No separators or characters that some file system forbids, no
# control characters, no bidirectional overrides (which disguise "gpj.exe" as "exe.jpg").

MAX_FILE_NAME = 200
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NAME_FORBIDDEN = frozenset([*map(chr, range(0x20)), "\x7f", *map(chr, range(0x80, 0xA0)),
                             *_BIDI_CONTROLS, "/", "\\", ":", "*", "?", '"', "<", ">", "|"])


def file_name_problem(name: str) -> str | None:
    """Why ``name`` may not be stored as an attachment's original name, or None.

    The reason is a catalogue message (an English ``str`` that localizes): the ``rule_file_name_…``
    text, built through :func:`violation` (this module may not read the catalogue itself).
    """
    if not isinstance(name, str) or not name.strip():
        return violation("", "", "file_name_empty").message
    if len(name) > MAX_FILE_NAME:
        return violation("", "", "file_name_too_long", limit=MAX_FILE_NAME).message
    bad = next((ch for ch in name if ch in _NAME_FORBIDDEN), None)
    if bad is not None:
        if bad in "/\\":
            return violation("", "", "file_name_separator").message
        return violation("", "", "file_name_character", char=f"U+{ord(bad):04X}").message
    if name.strip() in (".", ".."):
        return violation("", "", "file_name_dots").message
    if name != name.strip():
        return violation("", "", "file_name_spaces").message
    return None


def clean_file_name(raw: str) -> str:
    """A name that passes :func:`file_name_problem`, made from a file's own name (for attach)."""
    base = raw.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join("_" if ch in _NAME_FORBIDDEN else ch for ch in base)
    cleaned = " ".join(unicodedata.normalize("NFC", cleaned).split())
    if len(cleaned) > MAX_FILE_NAME:
        stem, dot, ext = cleaned.rpartition(".")
        ext = ext if dot and len(ext) <= 10 else ""
        cleaned = cleaned[: MAX_FILE_NAME - len(ext) - 1].rstrip() + ("." + ext if ext else "")
    if cleaned.strip() in ("", ".", ".."):
        cleaned = "attachment"
    return cleaned
