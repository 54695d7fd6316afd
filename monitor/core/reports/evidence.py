"""What lets a printed testimony or exhibit be checked without the vault: seals, devices, custody.

- :func:`seal_rows`: for a sealed interview, examination or addendum, the sealed revision's hash,
  the seal time and the sealing device's key fingerprint (the 8-group form the window shows), with
  the contact's name when the device belongs to a known contact.
- :func:`custody_fields`: for an exhibit (attachment), who captured it (from the file's own
  metadata: ``captured by`` is not a field of the record), the camera (Pillow's EXIF reader, on the
  bytes in memory), the original name, the full SHA-256, who added it when on which device, the
  injuries it shows, and every report, export and bundle that included it (from the audit trail).
- :func:`action_text` / :func:`output_text`: audit actions and logged outputs as words and
  sentences, never the log's ``key=value`` details.
"""

from __future__ import annotations

import io

from ..audio import timestamps
from ..store import reading, recordings
from .i18n import Tr, has_key
from .images import photo_bytes
from .redaction import Redactor
from .sources import Reader, Source

EXIF_READ_BYTES = 1024 * 1024  # EXIF sits at the start of a JPEG (APP1 ≤ 64 KiB); never the whole photo
OUTPUT_ACTIONS = ("report-written", "report-printed", "bundle-exported", "attachment-exported")
_TAGS = {"make": 0x010F, "model": 0x0110, "software": 0x0131, "artist": 0x013B}
_EXIF_IFD, _LENS_MODEL, _XP_AUTHOR = 0x8769, 0xA434, 0x9C9D


class Devices:
    """Device id → "fingerprint" or "fingerprint (contact name)", read once per report."""

    def __init__(self, vault):
        self._known = reading.device_signers(vault)

    def text(self, tr: Tr, device_id: str | None) -> str:
        if not device_id:
            return tr("unknown")
        found = self._known.get(device_id)
        if found is None:
            return tr("device_unknown")
        fingerprint, name = found
        return tr("device_named", fp=fingerprint, name=name) if name else fingerprint


def _device_text(reader: Reader, tr: Tr, record_id: str, device_id: str | None) -> str:
    """The device that made a record's first revision: from the bundles merged here, else from the
    device key its signature was checked against (a relayed device's key, introduced by an exporter)."""
    text = devices_of(reader).text(tr, device_id)
    if device_id and text == tr("device_unknown"):
        author = reader.revision_author(record_id)
        if author is not None and getattr(author, "fingerprint", None):
            name = getattr(author, "name", None)
            return tr("device_named", fp=author.fingerprint, name=name) if name else author.fingerprint
    return text


def devices_of(reader: Reader) -> Devices:
    if "devices" not in reader.memo:
        reader.memo["devices"] = Devices(reader.vault)
    return reader.memo["devices"]


def seal_rows(reader: Reader, red: Redactor, tr: Tr, record: Source) -> list[tuple[str, str]]:
    """Label/value rows about the seal of ``record`` (none when it is not sealed)."""
    seal = reading.seal_of(reader.vault, record.id)
    if seal is None:
        return [(tr("sealed"), tr("no"))]
    digest, created_at, author, device = seal
    at = record.body.get("sealed_at") or created_at
    return [(tr("sealed"), tr("sealed_when_by", at=tr.when(at), who=red.staff(author) or tr("withheld_name"))),
            (tr("sealed_hash"), digest),
            (tr("sealed_device"), devices_of(reader).text(tr, device))]


def addendum_note(reader: Reader, red: Redactor, tr: Tr, addendum: Source) -> str:
    """The sentence under an addendum: its own hash, when and on which device it was written."""
    seal = reading.seal_of(reader.vault, addendum.id)
    digest, created_at, _, device = seal if seal is not None else (addendum.hash, addendum.created_at, "", None)
    return tr("addendum_sealed", h=digest, at=tr.when(created_at), fp=devices_of(reader).text(tr, device))


def action_text(tr: Tr, action: str | None) -> str:
    """An audit action in words ("report-written" → "report written"); unknown ones as they are."""
    key = "audit_" + (action or "").replace("-", "_")
    return tr(key) if action and has_key(key) else (action or "")


def _detail(detail: str | None) -> dict[str, str]:
    out = {}
    for part in (detail or "").split():
        name, sep, value = part.partition("=")
        if sep:
            out[name] = value
    return out


def output_text(reader: Reader, tr: Tr, entry: tuple) -> str:
    """A logged output (report, dump, bundle, exported file) as one sentence."""
    action, detail = entry[4], _detail(entry[7])
    if action in ("report-written", "report-printed"):
        kind = tr(f"kind_{detail.get('report')}") if has_key(f"kind_{detail.get('report')}") else detail.get("report", "")
        level = detail.get("level", "")
        audience = tr(f"audience_{level}") if has_key(f"audience_{level}") else level
        key = "output_report_printed" if action == "report-printed" else "output_report"
        return tr(key, kind=kind, audience=audience, lang=detail.get("lang", ""), h=detail.get("pdf_sha256", ""),
                  id=detail.get("report_id", "") or "—")
    if action == "bundle-exported":
        who = ", ".join(reading.bundle_recipients(reader.vault, detail.get("sha256", ""))) or tr("unknown")
        return tr("output_bundle", to=tr("output_passphrase") if who == "passphrase" else who,
                  h=detail.get("sha256", ""))
    if action == "dump-written":
        return tr("output_dump")
    if action == "attachment-exported":
        return tr("output_file", h=detail.get("sha256", ""))
    return action_text(tr, action)


def camera_of(vault, sha256: str, mime: str, handed=None) -> dict[str, str]:
    """Make, model, lens, software and artist from the file's own EXIF (Pillow), read in memory.

    ``handed`` (images.PhotoBytes): a photo read whole here is kept there for the PDF's drawing."""
    if not mime.startswith("image/"):
        return {}
    chunks, size, whole = [], 0, True
    for chunk in vault.read_attachment(sha256):
        chunks.append(chunk)
        size += len(chunk)
        if size >= EXIF_READ_BYTES:
            whole = False
            break
    data = b"".join(chunks)
    if whole and handed is not None:
        handed.keep(sha256, data)
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            found = {name: exif.get(tag) for name, tag in _TAGS.items()}
            found["lens"] = exif.get_ifd(_EXIF_IFD).get(_LENS_MODEL)
            if not found["artist"] and isinstance(exif.get(_XP_AUTHOR), bytes):  # Windows: UTF-16, any script
                found["artist"] = exif[_XP_AUTHOR].decode("utf-16-le", errors="replace").rstrip("\x00")
    except (OSError, ValueError, SyntaxError, TypeError, KeyError, IndexError):
        # not an image Pillow reads (UnidentifiedImageError is an OSError), or cut before its metadata
        return {}
    return {k: " ".join(str(v).replace("\x00", " ").split()) for k, v in found.items() if v and str(v).strip("\x00 ")}


def custody_fields(reader: Reader, red: Redactor, tr: Tr, attachment: Source, *,
                   injuries: list[int] | None = None, parents: set[str] | None = None) -> list[tuple[str, str]]:
    """The custody trail of one exhibit as label/value rows (redaction applied)."""
    b = attachment.body
    origin = reader.revision_origin(attachment.id) or ("", "", "")
    camera = camera_of(reader.vault, b["sha256"], b.get("mime_type", ""), photo_bytes(reader))
    device = " ".join(x for x in (camera.get("make"), camera.get("model")) if x)
    if device and camera.get("make") and camera.get("model", "").startswith(camera["make"]):
        device = camera["model"]
    bits = [device, camera.get("lens"), camera.get("software")]
    camera_text = ", ".join(x for x in bits if x) or tr("unknown")
    artist = camera.get("artist")
    captured_by = (red.staff(artist) or tr("withheld_name")) if artist else tr("not_recorded_in_file")
    added_by = red.staff(b.get("added_by") or origin[0]) or tr("withheld_name")
    rows = [
        (tr("file"), red.text(b.get("original_name", "")) if red.full else tr("withheld_name")),
        ("SHA-256", b["sha256"]),
        (tr("captured_by"), captured_by),
        (tr("captured"), tr.when(b.get("captured_at")) or tr("unknown")),
        *([(tr("recording_device"), red.text(b.get("capture_device") or "") or tr("unknown")),
           (tr("recording_length"), timestamps.format(b.get("duration_seconds") or 0))]
          if recordings.is_recording(b) else [(tr("camera"), camera_text)]),
        (tr("added"), tr("added_when_by", who=added_by, at=tr.when(origin[2]) or "—",
                         fp=_device_text(reader, tr, attachment.id, origin[1]))),
    ]
    if injuries is not None:
        rows.append((tr("injuries_shown"), ", ".join(str(n) for n in injuries) if injuries
                     else tr("injury_not_linked")))
    outputs = exhibit_outputs(reader, attachment, parents or set(), origin[2])
    rows.append((tr("included_in"), "\n".join(f"{tr.when(e[1])}: {output_text(reader, tr, e)}" for e in outputs)
                 or tr("included_in_none")))
    return rows


def exhibit_outputs(reader: Reader, attachment: Source, parents: set[str], added_at: str) -> list[tuple]:
    """The logged outputs that carried an exhibit: reports on its case or parent record, the file's own
    exports, and every bundle written after it was added (a plaintext dump holds records, not files)."""
    related = {attachment.id} | parents
    if "outputs" not in reader.memo:  # one read of the log per report, not one per exhibit
        reader.memo["outputs"] = reading.audit_of_actions(reader.vault, OUTPUT_ACTIONS)
    entries = reader.memo["outputs"]
    out = []
    for entry in entries:
        if entry[1] < (added_at or ""):
            continue
        action, record_id = entry[4], entry[5]
        if (action.startswith("report-") and record_id in related) or action == "bundle-exported" \
                or (action == "attachment-exported" and record_id == attachment.id):
            out.append(entry)
    return out
