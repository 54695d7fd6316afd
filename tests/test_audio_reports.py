"""Recordings in reports and bundles (issue 21 §3): a dossier lists a recording by its hash, length and
device where photographs are listed, never the sound; a withdrawn ``audio`` consent removes it from
reports and from bundles, as a withdrawn ``photographs`` consent removes photographs from reports."""

from __future__ import annotations

import io
import json

import pytest
from conftest import PASSPHRASE, TEST_KDF
from records import full_set, uid
from reports_support import flat, pdftotext, png_bytes
from test_audio import INTERVIEW, KAZAKH_CAPTION, KAZAKH_DEVICE, PERSON, consent_record, sine

from monitor.core import reports
from monitor.core.audio import recording
from monitor.core.store.vault import Vault
from monitor.core.sync import bundle, exchange

CASE = uid(6)
TRANSFER = "Қамау transfer phrase 42"


@pytest.fixture
def recorded(vault):
    """The full record set (a case, its interview of PERSON, …) with audio consent and one recording."""
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    vault.put_many(full_set(blob.sha256, blob.size))
    assert vault.get(INTERVIEW)["person_id"] == PERSON and vault.get(INTERVIEW)["case_id"] == CASE
    vault.put(consent_record({"audio": True}, date="2026-03-01T10:00:00+05:00"))
    rec = recording.start(vault, INTERVIEW, sample_rate=16000, channels=1, device=KAZAKH_DEVICE)
    rec.append(sine(65))
    aid = rec.finish(caption=KAZAKH_CAPTION)
    return vault, aid


def withdraw(vault) -> None:
    vault.put(consent_record({"audio": False}, date="2026-07-01T09:00:00+05:00", withdrawal=True))


def dossier_text(vault, tmp_path, lang: str = "en", level: str = "full") -> str:
    out = tmp_path / f"dossier-{lang}-{level}.pdf"
    reports.generate(vault, "dossier", out, subject_id=CASE, lang=lang, level=level)
    return flat(pdftotext(out))


def test_a_dossier_lists_the_recording_by_hash_length_and_device(recorded, tmp_path):
    vault, aid = recorded
    sha = vault.get(aid)["sha256"]
    text = dossier_text(vault, tmp_path)
    assert "Audio recordings" in text and sha in text and "01:05" in text
    assert KAZAKH_DEVICE in text and KAZAKH_CAPTION in text
    assert "Recording device" in text  # the custody trail names the device, not a camera
    kk = dossier_text(vault, tmp_path, "kk")
    assert "Аудиожазбалар" in kk and sha in kk and KAZAKH_DEVICE in kk
    ru = dossier_text(vault, tmp_path, "ru", "pseudonymised")
    assert "Аудиозаписи" in ru and sha in ru


def test_a_withdrawn_audio_consent_removes_the_recording_from_reports(recorded, tmp_path):
    vault, aid = recorded
    sha = vault.get(aid)["sha256"]
    withdraw(vault)
    for lang, level in (("en", "full"), ("ru", "pseudonymised")):
        text = dossier_text(vault, tmp_path, lang, level)
        assert sha not in text and KAZAKH_DEVICE not in text and KAZAKH_CAPTION not in text
        assert sha[:16] not in text.replace(" ", "")
    text = dossier_text(vault, tmp_path)
    assert "audio recordings" in text and "consent withdrawn" in text.lower()  # counted as withheld, with why
    assert "Audio recordings" not in text.replace("audio recordings", "")
    # the photograph of the same person is still there: only the audio item was withdrawn
    report = reports.build(vault, "dossier", subject_id=CASE, lang="en", level="full")
    assert ("audio recordings", "consent withdrawn") in {(w, r) for w, r, _ in report.withheld.items()}


def vault_fingerprint(vault) -> str:
    from monitor.core.keys.identity import fingerprint

    return fingerprint(vault.identity.signing_public)


def _bundle_contents(path, identity) -> tuple[set[str], list[dict]]:
    def consume(manifest, members):
        names, revisions = set(), []
        for member in members:
            names.add(member.name)
            data = member.stream.read()
            if member.name == "revisions.jsonl":
                revisions = [json.loads(line) for line in data.splitlines()]
        return names, revisions

    return bundle.read(path, identity, consume, passphrase=TRANSFER)


def test_a_withdrawn_audio_consent_keeps_the_recording_out_of_bundles(recorded, tmp_path):
    vault, aid = recorded
    sha = vault.get(aid)["sha256"]
    first = tmp_path / "before.monitor-bundle"
    exchange.export_bundle(vault, first, passphrase=TRANSFER, cases=[CASE])
    names, revisions = _bundle_contents(first, vault.identity)
    assert f"attachments/{sha}" in names and aid in {r["record_id"] for r in revisions}
    withdraw(vault)
    for scope in ({"cases": [CASE]}, {}):
        after = tmp_path / f"after-{len(scope)}.monitor-bundle"
        report = exchange.export_bundle(vault, after, passphrase=TRANSFER, **scope)
        names, revisions = _bundle_contents(after, vault.identity)
        assert f"attachments/{sha}" not in names
        assert aid not in {r["record_id"] for r in revisions}
        assert INTERVIEW in {r["record_id"] for r in revisions}  # the testimony itself still travels
        assert report.attachments == len([n for n in names if n.startswith("attachments/")])
    # the bundle without the recording merges cleanly into another vault
    with Vault.create(tmp_path / "other.vault", PASSPHRASE, kdf=TEST_KDF) as other:
        merged = exchange.import_bundle(other, after, passphrase=TRANSFER, trust=[vault_fingerprint(vault)])
        assert merged.new > 0 and recording.recordings_of(other, INTERVIEW) == []
        assert other.get(INTERVIEW)["person_id"] == PERSON and other.verify().problems == []
    # the one from before the withdrawal carried it whole: it arrives and plays on the other side
    with Vault.create(tmp_path / "third.vault", PASSPHRASE, kdf=TEST_KDF) as third:
        exchange.import_bundle(third, first, passphrase=TRANSFER, trust=[vault_fingerprint(vault)])
        [arrived] = recording.recordings_of(third, INTERVIEW)
        assert arrived.sha256 == sha and arrived.device == KAZAKH_DEVICE and arrived.caption == KAZAKH_CAPTION
        assert recording.decode(recording.audio_bytes(third, aid))[0] == sine(65)
        assert third.verify().problems == []
