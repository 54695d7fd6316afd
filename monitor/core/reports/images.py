"""Photographs in reports: read from the vault into memory while the report is made (never a file), metadata removed.

A photo is read when the PDF draws it; one the custody trail already read whole for its EXIF is
handed over instead (:class:`PhotoBytes`, at most :data:`HANDED_OVER_BYTES` held per report, each
dropped when drawn), so it is decrypted once.

JPEG files are passed to the PDF as they are (no re-encoding, no quality loss), but their
metadata segments (APP1–APP15: EXIF with GPS position, camera serial, XMP, …; and comments) are cut
out first, so a report never carries where or with what a photo was taken. PNG and other formats
are decoded by reportlab, which keeps pixels only.
"""

from __future__ import annotations

from .i18n import Tr
from .model import Photo
from .redaction import Redactor
from .sources import Reader, Source

IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff")
MAX_IMAGE_BYTES = 64 * 1024 * 1024
# Whole photos the custody trail read for their EXIF, handed to the PDF's loader, so a photo is
# decrypted once per report, not twice. The bytes kept at once are bounded; each is dropped when
# drawn, or with the report.
HANDED_OVER_BYTES = 64 * 1024 * 1024


class PhotoBytes:
    """A photo's bytes read once for one report, handed to its drawing (see HANDED_OVER_BYTES)."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}
        self._size = 0

    def keep(self, sha256: str, data: bytes) -> None:
        if sha256 not in self._data and self._size + len(data) <= HANDED_OVER_BYTES:
            self._data[sha256] = data
            self._size += len(data)

    def take(self, sha256: str) -> bytes | None:
        data = self._data.pop(sha256, None)
        if data is not None:
            self._size -= len(data)
        return data


def photo_bytes(reader: Reader) -> PhotoBytes:
    """This report's photo bytes read once (kept in the reader's memo)."""
    return reader.memo.setdefault("photo_bytes", PhotoBytes())


def strip_jpeg_metadata(data: bytes) -> bytes:
    """The JPEG without APPn (n ≥ 1) and COM segments; anything unexpected is returned unchanged."""
    if not data.startswith(b"\xff\xd8"):
        return data
    out = bytearray(b"\xff\xd8")
    i = 2
    n = len(data)
    while i + 4 <= n:
        if data[i] != 0xFF:
            return data  # not a marker where one must be: leave it to the decoder
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[i:]
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[i:i + 2]
            i += 2
            continue
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if length < 2 or i + 2 + length > n:
            return data
        segment = data[i:i + 2 + length]
        metadata = (0xE1 <= marker <= 0xEF and marker != 0xEE) or marker == 0xFE
        if not metadata:  # keep APP0 (JFIF) and APP14 (Adobe: colour transform, needed for right colours)
            out += segment
        i += 2 + length
    return data


def _loader(vault, sha256: str, mime: str, handed: PhotoBytes | None = None):
    def load() -> bytes:
        data = handed.take(sha256) if handed is not None else None
        if data is None:
            chunks, size = [], 0
            for chunk in vault.read_attachment(sha256):
                size += len(chunk)
                if size > MAX_IMAGE_BYTES:
                    raise ValueError("image too large to embed")
                chunks.append(chunk)
            data = b"".join(chunks)
        elif len(data) > MAX_IMAGE_BYTES:
            raise ValueError("image too large to embed")
        return strip_jpeg_metadata(data) if mime == "image/jpeg" else data

    return load


def photo_block(vault, reader: Reader, red: Redactor, tr: Tr, attachment: Source,
                injuries: list[int] | None = None) -> Photo:
    b = attachment.body
    caption = red.text(b.get("caption") or "") or (red.text(b.get("original_name", "")) if red.full else "")
    if injuries:  # the injury table's numbers, also on the body diagram's markers
        shows = tr("photo_injury" if len(injuries) == 1 else "photo_injuries", n=", ".join(str(n) for n in injuries))
        caption = f"{caption} ({shows})" if caption else shows[:1].upper() + shows[1:]
    details = tr("photo_details", h=b["sha256"], t=tr.when(b.get("captured_at")) or tr("unknown"),
                 scale=tr("with_scale") if b.get("has_scale") else tr("no_scale"))
    mime = b.get("mime_type", "")
    loader = _loader(vault, b["sha256"], mime, photo_bytes(reader)) if mime in IMAGE_TYPES else None
    return Photo(sha256=b["sha256"], caption=caption, details=details, loader=loader,
                 stripped_note=tr("photo_stripped", h="{h}", orig=b["sha256"]),
                 pixels_note=tr("photo_pixels", orig=b["sha256"]))


def injury_numbers(exam: Source) -> dict[str, list[int]]:
    """Photo id → the numbers (as in the injury table, from 1) of the injuries it shows."""
    out: dict[str, list[int]] = {}
    for n, injury in enumerate(exam.body.get("injuries", []), 1):
        for pid in injury.get("photo_ids", []):
            out.setdefault(pid, []).append(n)
    return out


def exam_photos(*, vault, reader: Reader, red: Redactor, tr: Tr, exam: Source) -> list[tuple[str, Photo]]:
    """Photos of an examination (named by its injuries or attached to it), consent applied."""
    ids: list[str] = []
    for injury in exam.body.get("injuries", []):
        for pid in injury.get("photo_ids", []):
            if pid not in ids:
                ids.append(pid)
    for a in reader.referring(exam.id, "attachment"):
        if a.body.get("parent_id") == exam.id and a.id not in ids:
            ids.append(a.id)
    out = []
    numbers = injury_numbers(exam)
    person_id = exam.body.get("person_id")
    for aid in ids:
        a = reader.maybe(aid, "attachment")
        if a is None or not a.body.get("mime_type", "").startswith("image/"):
            continue
        if red.may_show_photo(person_id, bool(a.body.get("intimate"))):
            out.append((a.id, photo_block(vault, reader, red, tr, a, numbers.get(a.id))))
    return out
