"""Photographs in bundles follow the person's consent, as recordings do (issue 21 §3): a photograph
whose person's ``photographs`` consent (and ``intimate_photographs``, for an intimate one) is not in
force travels neither as a record nor as bytes, by the rule reports use
(``store.consent.exhibit_items``); a photograph with consent, or of no known person, still travels,
and the bundle without the withheld ones imports into another vault."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from conftest import PASSPHRASE, TEST_KDF
from records import full_set, uid
from reports_support import png_bytes
from test_audio import PERSON, consent_record
from test_audio_reports import TRANSFER, _bundle_contents, vault_fingerprint
from test_sync_bundles import _resign, _rewrite

from monitor.core.errors import BundleDamaged, SchemaViolation
from monitor.core.store import consent
from monitor.core.store.vault import Vault
from monitor.core.sync import contacts, exchange

CASE, EXAM, INTERVIEW = uid(6), uid(8), uid(7)


def _add_photo(vault, tmp_path, name: str, colour, **fields) -> dict:
    path = tmp_path / name
    path.write_bytes(png_bytes(colour=colour))
    return vault.add_attachment(path, mime_type="image/png", **fields)


@pytest.fixture
def photographed(vault, tmp_path):
    """The full record set: PERSON's examination shows a photo filed under the case (photographs
    consent given, intimate not); plus an intimate photo filed under the examination and a photo of
    the case that shows no known person."""
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    vault.put_many(full_set(blob.sha256, blob.size))
    shown = vault.get(EXAM)["injuries"][0]["photo_ids"][0]
    assert vault.get(EXAM)["person_id"] == PERSON and vault.get(shown)["parent_id"] == CASE
    intimate = _add_photo(vault, tmp_path, "intimate.png", (20, 30, 40), parent_id=EXAM, intimate=True)
    place = _add_photo(vault, tmp_path, "cell.png", (90, 90, 90), parent_id=CASE, caption="Камера № 12")
    return vault, {"shown": vault.get(shown), "intimate": intimate, "place": place}


def _export(vault, path, **scope) -> tuple[set[str], set[str]]:
    """(attachment hashes, record ids) a fresh bundle of ``vault`` carries."""
    report = exchange.export_bundle(vault, path, passphrase=TRANSFER, **scope)
    names, revisions = _bundle_contents(path, vault.identity)
    hashes = {n.removeprefix("attachments/") for n in names if n.startswith("attachments/")}
    assert report.attachments == len(hashes)
    return hashes, {r["record_id"] for r in revisions}


def _travels(photo, hashes, ids) -> bool:
    inside = (photo["sha256"] in hashes, photo["id"] in ids)
    assert inside in ((True, True), (False, False)), inside  # record and bytes together, or neither
    return inside[0]


def test_a_withdrawn_photographs_consent_keeps_the_persons_photos_out_of_bundles(photographed, tmp_path):
    vault, photos = photographed
    vault.put(consent_record({"intimate_photographs": True}, date="2026-03-03T10:00:00+05:00"))
    before = tmp_path / "before.monitor-bundle"
    hashes, ids = _export(vault, before)
    assert all(_travels(p, hashes, ids) for p in photos.values())
    assert consent.withheld_exhibits(vault) == set()

    vault.put(consent_record({"photographs": False}, date="2026-07-01T09:00:00+05:00", withdrawal=True))
    assert consent.withheld_exhibits(vault) == {photos["shown"]["id"], photos["intimate"]["id"]}
    for n, scope in enumerate(({"cases": [CASE]}, {})):
        after = tmp_path / f"after-{n}.monitor-bundle"
        hashes, ids = _export(vault, after, **scope)
        assert not _travels(photos["shown"], hashes, ids)  # shown by the examination, filed under the case
        assert not _travels(photos["intimate"], hashes, ids)  # filed under the examination
        assert _travels(photos["place"], hashes, ids)  # of no known person: it travels
        assert {EXAM, INTERVIEW, PERSON} <= ids  # the examination and the testimony themselves still travel
    # the bundle without the photos merges into another vault (the examination names a photo it lacks)
    with Vault.create(tmp_path / "other.vault", PASSPHRASE, kdf=TEST_KDF) as other:
        merged = exchange.import_bundle(other, after, passphrase=TRANSFER, trust=[vault_fingerprint(vault)])
        assert merged.new > 0 and other.get(EXAM)["injuries"][0]["photo_ids"] == [photos["shown"]["id"]]
        assert other.type_of(photos["shown"]["id"]) is None  # named, not held: it comes with consent
        kept = {info.id for info in other.records("attachment")}
        assert photos["place"]["id"] in kept and not kept & {photos["shown"]["id"], photos["intimate"]["id"]}
        assert other.verify().problems == []
    # the bundle from before the withdrawal carried them whole
    with Vault.create(tmp_path / "third.vault", PASSPHRASE, kdf=TEST_KDF) as third:
        exchange.import_bundle(third, before, passphrase=TRANSFER, trust=[vault_fingerprint(vault)])
        assert {p["id"] for p in photos.values()} <= {info.id for info in third.records("attachment")}


def test_an_intimate_photo_needs_its_own_consent_and_a_photo_with_consent_still_travels(photographed, tmp_path):
    vault, photos = photographed  # photographs given, intimate_photographs not
    out = tmp_path / "now.monitor-bundle"
    hashes, ids = _export(vault, out, cases=[CASE])
    assert not _travels(photos["intimate"], hashes, ids)
    assert _travels(photos["shown"], hashes, ids) and _travels(photos["place"], hashes, ids)
    with Vault.create(tmp_path / "other.vault", PASSPHRASE, kdf=TEST_KDF) as other:
        exchange.import_bundle(other, out, passphrase=TRANSFER, trust=[vault_fingerprint(vault)])
        assert other.get(photos["shown"]["id"]) == photos["shown"] and other.verify().problems == []
        assert photos["intimate"]["id"] not in {info.id for info in other.records("attachment")}


@contextlib.contextmanager
def _coordinator(vault, tmp_path):
    """A coordinator's vault, each trusting the other, and a bundle ``vault`` exported to it."""
    with Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf=TEST_KDF, profile="coordinator") as c:
        with vault.writing() as conn:
            contacts.add(conn, contacts.own(c.identity, c.profile, "coordinator"))
        with c.writing() as conn:
            contacts.add(conn, contacts.own(vault.identity, vault.profile, "monitor"))
        out = tmp_path / "to-c.monitor-bundle"
        exchange.export_bundle(vault, out, to=["coordinator"])
        yield c, out


@pytest.mark.parametrize("dropped", ["photo", "consent"])
def test_the_signed_withheld_list_excuses_a_missing_attachment_and_nothing_else(photographed, tmp_path, dropped):
    """A bundle re-signed by its exporter without one record's revisions, that record's id added to
    the manifest's ``withheld``: a photo the examination names may be missing; its consent may not."""
    vault, photos = photographed
    with _coordinator(vault, tmp_path) as (c, out):
        target = photos["shown"]["id"] if dropped == "photo" else vault.get(EXAM)["consent_id"]

        def mutate(members):
            lines = [line for line in members[-1][1].splitlines(keepends=True)
                     if json.loads(line)["record_id"] != target]
            members[-1][1] = b"".join(lines)
            manifest = json.loads(members[0][1])
            assert manifest["withheld"] == [photos["intimate"]["id"]]  # no intimate consent: left out
            manifest["withheld"] = sorted([*manifest["withheld"], target])
            manifest["counts"]["revisions"] = len(lines)
            members[0][1] = json.dumps(manifest).encode()
            _resign(members, vault.identity)

        forged = _rewrite(out, c.identity, tmp_path, mutate)
        if dropped == "photo":
            exchange.import_bundle(c, forged)
            assert c.type_of(target) is None and c.get(EXAM)["injuries"][0]["photo_ids"] == [target]
        else:
            with pytest.raises(SchemaViolation) as err:
                exchange.import_bundle(c, forged)
            assert err.value.message is not None and target in str(err.value)
            assert c.type_of(EXAM) is None  # all or nothing


def test_a_withheld_list_that_is_not_a_list_of_ids_is_refused(photographed, tmp_path):
    vault, _photos = photographed
    with _coordinator(vault, tmp_path) as (c, out):
        for n, odd in enumerate(("all", [1], ["../x"], {"id": "x"})):
            def mutate(members, odd=odd):
                manifest = json.loads(members[0][1])
                manifest["withheld"] = odd
                members[0][1] = json.dumps(manifest).encode()
                _resign(members, vault.identity)

            forged = _rewrite(out, c.identity, tmp_path, mutate)
            with pytest.raises(BundleDamaged) as err:
                exchange.import_bundle(c, forged)
            assert err.value.message.id == "bundle_withheld_list", n
            assert c.counts() == {}
