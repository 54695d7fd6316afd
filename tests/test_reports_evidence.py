"""Evidence in the printed reports: a hash per testimony, a custody trail per exhibit, no developer words.

Real vaults, real PDFs read back with pdftotext.
"""

from __future__ import annotations

import hashlib
import io
import re

import pytest
from records import full_set, uid
from reports_support import flat, pdftotext, png_bytes

from monitor.core import reports
from monitor.core.reports.images import strip_jpeg_metadata

CASE, INTERVIEW, EXAM, PERSON, PHOTO = uid(6), uid(7), uid(8), uid(3), uid(9)
JPEG_PHOTO = uid(40)


def camera_jpeg() -> bytes:
    """A JPEG whose EXIF names its author and camera (and a GPS position, which must never print)."""
    from PIL import Image

    img = Image.new("RGB", (320, 240), (150, 120, 110))
    exif = Image.Exif()
    exif[0x010F] = "Canon"  # Make
    exif[0x0110] = "Canon EOS 250D"  # Model
    exif[0x013B] = "Aigul Sarsenova"  # Artist: who captured it (EXIF text is ASCII)
    exif[0xA431] = "SERIAL-77421"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (49.0, 48.0, 0.0)
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif, quality=85)
    return buf.getvalue()


@pytest.fixture
def evidence_vault(vault):
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    vault.put_many(full_set(blob.sha256, blob.size))
    jpeg = vault.store_blob(io.BytesIO(camera_jpeg()))
    exam = vault.get(EXAM)
    exam["injuries"][0]["photo_ids"] = [PHOTO, JPEG_PHOTO]
    vault.put_many([{"id": JPEG_PHOTO, "type": "attachment", "sha256": jpeg.sha256, "size": jpeg.size,
                     "mime_type": "image/jpeg", "original_name": "IMG_0042.JPG", "parent_id": EXAM,
                     "caption": "Спина, крупный план", "added_by": "tester", "has_scale": True, "intimate": False},
                    exam])
    vault.seal(INTERVIEW)
    vault.seal(EXAM)
    vault.add_addendum(INTERVIEW, "Свидетель найден позже")
    vault.add_addendum(EXAM, "Рентгенограмма получена позже")
    return vault


def _seal(vault, record_id):
    from monitor.core.store import reading

    return reading.seal_of(vault, record_id)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_sealed_testimony_examination_and_addendum_prints_its_hash_time_and_device(evidence_vault, tmp_path, lang):
    out = tmp_path / f"d-{lang}.pdf"
    reports.generate(evidence_vault, "dossier", out, subject_id=CASE, lang=lang, level="full")
    text = flat(pdftotext(out))
    solid = re.sub(r"\s", "", text)  # a hash may wrap inside its table cell
    fp = evidence_vault.identity.fingerprint
    for rid in (INTERVIEW, EXAM):
        digest = _seal(evidence_vault, rid)[0]
        assert digest in solid, rid
    addenda = [rec.id for rec in evidence_vault.records("addendum")]
    assert len(addenda) == 3  # the fixture's, and one each to the interview and the examination after sealing
    for rid in addenda:
        digest = _seal(evidence_vault, rid)[0]
        assert digest in solid, rid
    label = {"en": "Sealed on the device (key fingerprint)", "ru": "Запечатано на устройстве (отпечаток ключа)"}[lang]
    assert text.count(f"{label} {fp}") == 2  # the interview and the examination


def test_medical_report_prints_the_seal(evidence_vault, tmp_path):
    out = tmp_path / "m.pdf"
    reports.generate(evidence_vault, "medical", out, subject_id=EXAM, lang="ru", level="full")
    text = flat(pdftotext(out))
    assert _seal(evidence_vault, EXAM)[0] in re.sub(r"\s", "", text)
    assert evidence_vault.identity.fingerprint in text


def test_custody_trail_per_exhibit(evidence_vault, tmp_path):
    first = tmp_path / "first.pdf"
    reports.generate(evidence_vault, "dossier", first, subject_id=CASE, lang="en", level="full")
    medical = tmp_path / "medical.pdf"  # on the examination whose injury the photos show
    reports.generate(evidence_vault, "medical", medical, subject_id=EXAM, lang="en", level="pseudonymised")
    out = tmp_path / "d.pdf"
    reports.generate(evidence_vault, "dossier", out, subject_id=CASE, lang="en", level="full")
    text = flat(pdftotext(out))
    section = text[text.rindex("Chain of custody"):]
    jpeg = evidence_vault.get(JPEG_PHOTO)
    original = b"".join(evidence_vault.read_attachment(jpeg["sha256"]))
    # captured by (from the file's EXIF), camera, original name, full hash, who added it where
    assert "Captured by Aigul Sarsenova" in section
    assert "Camera (from the file's metadata) Canon EOS 250D" in section
    assert "IMG_0042.JPG" in section and jpeg["sha256"] in section
    assert f"on the device with key fingerprint {evidence_vault.identity.fingerprint}" in section
    assert "Injuries shown (numbers in the injury table) 1" in section
    # the PNG names no author in its metadata: said so, not guessed from who added it
    assert "not recorded (the file's metadata names no author)" in section
    # the earlier dossier is listed as an output that carried it, with its audience and PDF hash
    first_sha = hashlib.sha256(first.read_bytes()).hexdigest()
    assert "Case dossier for the person's own lawyer" in section and first_sha in re.sub(r"\s", "", section)
    medical_sha = hashlib.sha256(medical.read_bytes()).hexdigest()
    assert "Medical report for partners (pseudonymised)" in section
    assert re.sub(r"\s", "", section).count(medical_sha) == 2  # both photos of the examination
    # the photo: the embedded copy without metadata and both hashes beside it; the GPS and serial never print
    stripped = hashlib.sha256(strip_jpeg_metadata(original)).hexdigest()
    assert f"its SHA-256 is {stripped}" in text and f"The original file's SHA-256 is {jpeg['sha256']}" in text
    assert "Спина, крупный план (injury no. 1)" in text
    assert "SERIAL-77421" not in text


def test_camera_and_author_read_from_the_files_own_metadata(vault):
    from PIL import Image

    from monitor.core.reports.evidence import camera_of

    img = Image.new("RGB", (64, 48), (10, 20, 30))
    exif = Image.Exif()
    exif[0x0110] = "Pixel 7"
    exif[0x9C9D] = "Ғалия Өмірбекқызы".encode("utf-16-le") + b"\x00\x00"  # XPAuthor: UTF-16, any script
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    blob = vault.store_blob(io.BytesIO(buf.getvalue()))
    assert camera_of(vault, blob.sha256, "image/jpeg") == {"model": "Pixel 7", "artist": "Ғалия Өмірбекқызы"}
    plain = vault.store_blob(io.BytesIO(png_bytes()))
    assert camera_of(vault, plain.sha256, "image/png") == {}
    assert camera_of(vault, plain.sha256, "application/pdf") == {}


def test_pseudonymised_custody_withholds_names(evidence_vault, tmp_path):
    out = tmp_path / "p.pdf"
    reports.generate(evidence_vault, "dossier", out, subject_id=CASE, lang="en", level="pseudonymised")
    text = flat(pdftotext(out))
    assert "Aigul Sarsenova" not in text and "IMG_0042.JPG" not in text
    assert "Captured by — Captured" in text  # the author named by the file is withheld like staff names


DEV = [
    ("docs/", re.compile(r"docs/")),
    ("monitor command", re.compile(r"\bmonitor [a-z]")),
    ("key=value run", re.compile(r"\b[a-z_]+=[^\s]+\s+[a-z_]+=")),
    ("8-hex device id", re.compile(r"(?<![0-9a-fA-F])[0-9a-f]{8}(?![0-9a-fA-F…])")),
]


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
@pytest.mark.parametrize("kind, subject", [("dossier", CASE), ("medical", EXAM), ("visit", uid(2)),
                                           ("stats", None)])
def test_no_developer_references_in_any_report(evidence_vault, tmp_path, kind, subject, lang):
    out = tmp_path / f"{kind}-{lang}.pdf"
    # an earlier report, so its audit entry (key=value in the log) appears among the outputs
    reports.generate(evidence_vault, kind, tmp_path / "earlier.pdf", subject_id=subject, lang=lang,
                     level="aggregate" if kind == "stats" else "full")
    reports.generate(evidence_vault, kind, out, subject_id=subject, lang=lang,
                     level="aggregate" if kind == "stats" else "full")
    text = pdftotext(out)
    for what, pattern in DEV:
        found = pattern.findall(text)
        assert not found, f"{what} in the {kind} ({lang}): {found[:3]}"


def test_a_seal_made_on_another_device_names_that_contact(evidence_vault, tmp_path):
    """The coordinator's vault prints the monitor's fingerprint and contact name for her seal and her
    exhibit, learnt from her bundle (device id → signing key) and its contacts."""
    from conftest import PASSPHRASE, TEST_KDF

    from monitor.core.store.vault import Vault
    from monitor.core.sync import contacts, exchange

    monitor = evidence_vault
    coordinator = Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf=TEST_KDF, profile="coordinator")
    try:
        with monitor.writing() as conn:
            contacts.add(conn, contacts.own(coordinator.identity, "coordinator", "coordinator"))
        with coordinator.writing() as conn:
            contacts.add(conn, contacts.own(monitor.identity, "Айгүл (монитор)", "monitor"))
        bundle = tmp_path / "b.monitor-bundle"
        exchange.export_bundle(monitor, bundle, to=["coordinator"])
        exchange.import_bundle(coordinator, bundle)
        out = tmp_path / "c.pdf"
        reports.generate(coordinator, "dossier", out, subject_id=CASE, lang="ru", level="full")
        text = flat(pdftotext(out))
        named = f"{monitor.identity.fingerprint} (Айгүл (монитор))"
        assert text.count(named) >= 3, text  # the interview's and the examination's seal, the exhibits
        assert f"Запечатано на устройстве (отпечаток ключа) {named}" in text
        assert coordinator.identity.fingerprint in text  # the footer: the coordinator's device made the PDF
    finally:
        coordinator.close()


def test_each_photo_is_read_from_the_vault_once_per_report(evidence_vault, tmp_path, monkeypatch):
    """The custody trail reads a photo whole for its EXIF; the PDF's drawing takes those bytes
    (issue 20 §5) instead of decrypting the photo again, and embeds the same stripped JPEG."""
    jpeg = evidence_vault.get(JPEG_PHOTO)
    original = b"".join(evidence_vault.read_attachment(jpeg["sha256"]))
    reads: list[str] = []
    read = type(evidence_vault).read_attachment

    def counting(self, sha256, *args, **kwargs):
        reads.append(sha256)
        return read(self, sha256, *args, **kwargs)

    monkeypatch.setattr(type(evidence_vault), "read_attachment", counting)
    out = tmp_path / "d.pdf"
    reports.generate(evidence_vault, "dossier", out, subject_id=CASE, lang="en", level="full")
    assert reads.count(jpeg["sha256"]) == 1
    assert strip_jpeg_metadata(original) in out.read_bytes()  # embedded as it was, without its metadata
    assert "Canon EOS 250D" in flat(pdftotext(out))
