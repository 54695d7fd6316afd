"""Every revision is signed by the device that made it (issue 17 §2).

A trusted contact holds a key that signs bundles; before signatures, a bundle signed by A could
carry revisions labelled as made by B, or by the receiver itself, dated whenever it liked. Now
each revision carries its device's Ed25519 signature over its hash, the manifest lists the keys of
the devices it relays, and the gate checks every revision against the key of the device it names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER
from records import new_facility, new_person, uid

from monitor.core import errors
from monitor.core.history.revisions import Revision, new_id, signature_valid
from monitor.core.keys.identity import fingerprint
from monitor.core.store.vault import Vault
from monitor.core.sync import bundle, contacts, exchange
from monitor.core.text import canonical_json

FACILITY = new_facility(uid(1), name="ИВС Қостанай", type_key="ivs")
PERSON = new_person(uid(2), code="P-2026-0042")


def make(tmp_path, profile):
    return Vault.create(tmp_path / f"{profile}.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile=profile)


def trust(vault, other, *, role="monitor", name=None, device=True):
    """``vault`` trusts ``other``'s contact file (with its device line, unless ``device`` is False)."""
    contact = contacts.own(other.identity, name or other.profile, role, other.device_id if device else "")
    contacts.trust(vault, contacts.parse(contact.to_text()))


@pytest.fixture
def trio(tmp_path):
    """Monitors A and B and coordinator C; everyone trusts everyone's contact file."""
    a, b, c = make(tmp_path, "monitor-a"), make(tmp_path, "monitor-b"), make(tmp_path, "coordinator")
    for x in (a, b, c):
        for y in (a, b, c):
            if x is not y:
                trust(x, y, role="coordinator" if y is c else "monitor")
    yield a, b, c
    for v in (a, b, c):
        v.close()


def file_digest(vault) -> str:
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(vault.path.read_bytes()).hexdigest()


def _members(path, identity):
    import pyrage

    plain = io.BytesIO()
    with open(path, "rb") as src:
        pyrage.decrypt_io(src, plain, [pyrage.x25519.Identity.from_str(identity.age_identity)])
    with tarfile.open(fileobj=io.BytesIO(plain.getvalue()), mode="r:") as tar:
        return [[info.name, tar.extractfile(info).read()] for info in tar]


def forged(path, receiver, signer, tmp_path, *, lines=None, manifest=None):
    """The bundle at ``path`` as its exporter (``signer``, who holds its key) could rewrite it:
    ``lines`` changes the revision lines, ``manifest`` the manifest; sizes, hashes and the
    manifest's signature are made right again, and it is encrypted to ``receiver`` again."""
    import pyrage

    members = _members(path, receiver.identity)
    if lines is not None:
        members[-1][1] = b"".join(lines(members[-1][1].splitlines(keepends=True)))
    data = json.loads(members[0][1])
    data["counts"]["revisions"] = len(members[-1][1].splitlines())
    for name, content in members[2:]:
        entry = next(e for e in data["members"] if e["name"] == name)
        entry["size"], entry["sha256"] = len(content), hashlib.sha256(content).hexdigest()
    if manifest is not None:
        manifest(data)
    members[0][1], members[1][1] = bundle.sign_manifest(signer, data)
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, content in members:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    target = tmp_path / f"forged-{new_id()[:8]}.monitor-bundle"
    with open(target, "wb") as dst:
        pyrage.encrypt_io(io.BytesIO(out.getvalue()), dst,
                          [pyrage.x25519.Identity.from_str(receiver.identity.age_identity).to_public()])
    return target


def line(revision: Revision) -> bytes:
    return canonical_json(revision.to_json()) + b"\n"


def stamp(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")


def refused(vault, path, error, match):
    before = file_digest(vault)
    with pytest.raises(error, match=match) as caught:
        exchange.import_bundle(vault, path)
    assert "\n" not in str(caught.value)
    assert file_digest(vault) == before, "a refused bundle changed the vault"
    return caught.value


# --- local saves ------------------------------------------------------------------------------------

def test_a_local_save_is_signed_by_this_device(tmp_path):
    with make(tmp_path, "monitor-a") as a:
        revision = a.put(FACILITY)
        stored = a.history(FACILITY["id"])[0]
        assert stored.signature == revision.signature
        assert signature_valid(a.identity.signing_public.hex(), stored.signature, stored.hash)
        assert not signature_valid(a.identity.signing_public.hex(), stored.signature, "v2:" + "0" * 64)
        assert '"signature":"' + stored.signature + '"' in canonical_json(stored.to_json()).decode()
        assert stored.compute_hash() == stored.hash  # the hash does not cover the signature
        author = contacts.authors(a, [stored])[0]
        assert author.signed and author.known and author.label() == f"monitor-a · {a.identity.fingerprint[:9]}…"


# --- forged authorship --------------------------------------------------------------------------------

def test_a_bundle_signed_by_a_carrying_a_revision_in_bs_name_is_refused(trio, tmp_path):
    a, b, c = trio
    a.put(PERSON)
    out = tmp_path / "a.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    as_b = Revision(new_id(), FACILITY["id"], "facility", (), "monitor-b", b.device_id,
                    a.history(PERSON["id"])[0].created_at, False, FACILITY).signed_by(a.identity)
    bad = forged(out, c, a.identity, tmp_path, lines=lambda lines: lines + [line(as_b)])
    error = refused(c, bad, errors.RevisionNotAuthentic, f"does not match the key of device {b.device_id}")
    assert error.code == "revision_not_authentic"
    assert list(c.records("facility")) == [] and list(c.records("person")) == []
    # nor may A's manifest give B's device A's key
    rebound = forged(out, c, a.identity, tmp_path, lines=lambda lines: lines + [line(as_b)],
                     manifest=lambda m: m["devices"].append({"device": b.device_id,
                                                             "signing_key": a.identity.signing_public.hex()}))
    refused(c, rebound, errors.BundleTampered, f"device {b.device_id} is known here with another signing key")


def test_a_revision_claiming_the_receivers_own_device_is_refused(trio, tmp_path):
    a, _b, c = trio
    c.put(FACILITY)  # C's device has made revisions: it knows its own key
    a.put(PERSON)
    out = tmp_path / "a.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    as_c = Revision(new_id(), uid(3), "person", (), "coordinator", c.device_id,
                    a.history(PERSON["id"])[0].created_at, False, new_person(uid(3))).signed_by(a.identity)
    bad = forged(out, c, a.identity, tmp_path, lines=lambda lines: lines + [line(as_c)])
    refused(c, bad, errors.RevisionNotAuthentic, f"this vault's own device {c.device_id}")
    # signed with C's own key it would still be refused: it did not come from here
    listed = forged(out, c, a.identity, tmp_path, lines=lambda lines: lines + [line(as_c)],
                    manifest=lambda m: m["devices"].append({"device": c.device_id,
                                                            "signing_key": a.identity.signing_public.hex()}))
    refused(c, listed, errors.BundleTampered, f"device {c.device_id}")


def test_the_issue_repro_a_deletes_bs_facility_as_bs_device_dated_2019(trio, tmp_path):
    """A, trusted by B, sends B a deletion of B's own facility labelled as made by B's device in
    2019 (the record was made in 2026): B refuses it whole, and its history is unchanged."""
    a, b, _c = trio
    made = b.put(FACILITY)
    to_a = tmp_path / "b-to-a.monitor-bundle"
    exchange.export_bundle(b, to_a, to=["monitor-a"])
    exchange.import_bundle(a, to_a)
    out = tmp_path / "a-to-b.monitor-bundle"
    a.put(PERSON)
    exchange.export_bundle(a, out, to=["monitor-b"])
    deletion = Revision(new_id(), FACILITY["id"], "facility", (made.rev,), "monitor-b", b.device_id,
                        "2019-03-01T09:00:00.000000Z", True, None).signed_by(a.identity)
    bad = forged(out, b, a.identity, tmp_path, lines=lambda lines: lines + [line(deletion)])
    refused(b, bad, errors.RevisionNotAuthentic, "own device")
    assert b.get(FACILITY["id"]) == FACILITY and len(b.history(FACILITY["id"])) == 1
    # the same deletion labelled as A's own device is still refused: dated 7 years before its parent
    own = Revision(new_id(), FACILITY["id"], "facility", (made.rev,), "monitor-a", a.device_id,
                   "2019-03-01T09:00:00.000000Z", True, None).signed_by(a.identity)
    dated = forged(out, b, a.identity, tmp_path, lines=lambda lines: lines + [line(own)])
    refused(b, dated, errors.SchemaViolation, "before its parent")


def test_a_revision_with_a_bad_or_missing_signature_is_refused(trio, tmp_path):
    a, _b, c = trio
    a.put(PERSON)
    a.put({**PERSON, "notes": "второй"})
    out = tmp_path / "a.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])

    def flip(lines):
        data = json.loads(lines[-1])
        data["signature"] = ("0" if data["signature"][0] != "0" else "1") + data["signature"][1:]
        return lines[:-1] + [canonical_json(data) + b"\n"]

    def borrow(lines):  # the first revision's valid signature on the second
        first, second = json.loads(lines[0]), json.loads(lines[-1])
        second["signature"] = first["signature"]
        return lines[:-1] + [canonical_json(second) + b"\n"]

    def strip(lines):
        data = json.loads(lines[-1])
        del data["signature"]
        return lines[:-1] + [canonical_json(data) + b"\n"]

    for change, message in ((flip, "signature does not match"), (borrow, "signature does not match"),
                            (strip, "not signed by the device that made it")):
        refused(c, forged(out, c, a.identity, tmp_path, lines=change), errors.RevisionNotAuthentic, message)
    exchange.import_bundle(c, out)  # the genuine bundle is fine
    assert c.get(PERSON["id"])["notes"] == "второй"


def test_a_revision_from_a_device_no_one_introduced_is_refused(trio, tmp_path):
    a, _b, c = trio
    a.put(PERSON)
    out = tmp_path / "a.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    stranger = new_id()
    made_up = Revision(new_id(), uid(4), "person", (), "someone", stranger, a.history(PERSON["id"])[0].created_at,
                       False, new_person(uid(4))).signed_by(a.identity)
    refused(c, forged(out, c, a.identity, tmp_path, lines=lambda lines: lines + [line(made_up)]),
            errors.RevisionNotAuthentic, f"device {stranger}, whose key this vault does not know")


def test_a_child_dated_five_years_before_its_parent_is_refused(trio, tmp_path):
    a, _b, c = trio
    parent = a.put(PERSON)
    out = tmp_path / "a.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    early = stamp(parse(parent.created_at) - dt.timedelta(days=5 * 365))
    child = Revision(new_id(), PERSON["id"], "person", (parent.rev,), "monitor-a", a.device_id, early, False,
                     {**PERSON, "notes": "задним числом"}).signed_by(a.identity)
    refused(c, forged(out, c, a.identity, tmp_path, lines=lambda lines: lines + [line(child)]),
            errors.SchemaViolation, "before its parent .* by more than the 24 h allowed")
    # within the allowance (clocks disagree by hours) it is accepted
    near = Revision(new_id(), PERSON["id"], "person", (parent.rev,), "monitor-a", a.device_id,
                    stamp(parse(parent.created_at) - dt.timedelta(hours=3)), False,
                    {**PERSON, "notes": "часы отстают"}).signed_by(a.identity)
    exchange.import_bundle(c, forged(out, c, a.identity, tmp_path, lines=lambda lines: lines + [line(near)]))
    assert c.get(PERSON["id"])["notes"] == "часы отстают"


@pytest.mark.parametrize("field", ["vault_id", "device_id"])
def test_a_manifest_naming_the_receiver_is_refused(trio, tmp_path, field):
    a, _b, c = trio
    c.put(FACILITY)
    a.put(PERSON)
    out = tmp_path / "a.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    own = {"vault_id": c.vault_id, "device_id": c.device_id}[field]
    bad = forged(out, c, a.identity, tmp_path, manifest=lambda m: m["exporter"].__setitem__(field, own))
    refused(c, bad, errors.BundleTampered, f"names this vault's own {field}")


def test_two_people_with_the_same_name_can_exchange(trio, tmp_path):
    """A profile is a person's display name, which two people may share (two fresh laptops are both
    "monitor"): it is not an identity, so a bundle naming the receiver's profile is not refused for it.
    Authorship comes from each revision's device key, never from the manifest's profile."""
    a, _b, c = trio
    a.put(PERSON)
    out = tmp_path / "a.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    same = forged(out, c, a.identity, tmp_path, manifest=lambda m: m["exporter"].__setitem__("profile", c.profile))
    exchange.import_bundle(c, same)
    assert c.get(PERSON["id"])["code"] == PERSON["code"]


def test_a_version_1_bundle_is_refused_as_from_before_signatures(trio, tmp_path):
    a, _b, c = trio
    a.put(PERSON)
    out = tmp_path / "a.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    old = forged(out, c, a.identity, tmp_path, manifest=lambda m: m.__setitem__("version", 1))
    refused(c, old, errors.BundleError, "from before signed revisions")


# --- relayed revisions and authors as people ------------------------------------------------------------

def test_a_revision_relayed_through_the_coordinator_keeps_a_as_its_author(tmp_path):
    """A → coordinator → B: B has never seen a bundle of A's, yet checks A's signature with the
    key the coordinator's signed manifest introduced, and shows A (name and fingerprint) as author."""
    a, b, c = make(tmp_path, "monitor-a"), make(tmp_path, "monitor-b"), make(tmp_path, "coordinator")
    try:
        trust(a, c, role="coordinator")
        trust(c, a)
        trust(c, b)
        trust(b, c, role="coordinator")
        made = a.put(PERSON)
        to_c = tmp_path / "a-to-c.monitor-bundle"
        exchange.export_bundle(a, to_c, to=["coordinator"])
        exchange.import_bundle(c, to_c)
        to_b = tmp_path / "c-to-b.monitor-bundle"
        exchange.export_bundle(c, to_b, to=["monitor-b"])
        exchange.import_bundle(b, to_b)
        stored = b.history(PERSON["id"])[0]
        assert stored.device == a.device_id and stored.signature == made.signature
        a_print = a.identity.fingerprint
        author = contacts.authors(b, [stored])[0]
        assert author.signed and not author.known  # B does not trust A itself: A's own signed name
        assert author.label() == f"monitor-a · {a_print[:9]}…"
        with b.reading() as conn:
            from monitor.core.store import sync_log

            assert sync_log.device_key(conn, a.device_id) == (a.identity.signing_public.hex(),
                                                              c.identity.fingerprint)
        # once B trusts A's contact file (under the name B knows her by), that name is shown
        trust(b, a, name="Айгуль", device=False)
        assert contacts.authors(b, [stored])[0].label() == f"Айгуль · {a_print[:9]}…"
        assert fingerprint(a.identity.signing_public)[:9] == a_print[:9]
    finally:
        for v in (a, b, c):
            v.close()


def test_revisions_from_before_signatures_stay_readable_as_unsigned(tmp_path):
    source = Path(__file__).parent / "fixtures" / "vault-v5.vault"  # made before signatures
    target = tmp_path / source.name
    for suffix in ("", ".keyslot"):
        shutil.copyfile(str(source) + suffix, str(target) + suffix)
    with Vault.open(target, "copper lantern steppe violin") as vault:
        old = [r for info in vault.records() for r in vault.history(info.id)]
        assert old and all(r.signature == "" for r in old)
        assert not any(author.signed for author in contacts.authors(vault, old))
        assert vault.verify().ok
        person = next(info for info in vault.records("person"))
        revision = vault.put({**person.body, "notes": "после обновления"})
        assert revision.signature and contacts.authors(vault, [revision])[0].signed


def test_the_history_view_shows_people_and_marks_unsigned_revisions(qtbot, tmp_path):
    from monitor.gui.pages.history_view import HistoryView

    source = Path(__file__).parent / "fixtures" / "vault-v5.vault"
    target = tmp_path / source.name
    for suffix in ("", ".keyslot"):
        shutil.copyfile(str(source) + suffix, str(target) + suffix)
    with Vault.open(target, "copper lantern steppe violin") as vault:
        person = next(info for info in vault.records("person"))
        vault.put({**person.body, "notes": "после обновления"})
        view = HistoryView(vault, person.id, "en")
        qtbot.addWidget(view)
        items = [view.list.item(i).text() for i in range(view.list.count())]
        assert len(items) >= 2
        assert all("unsigned, from before signatures" in item for item in items[:-1])
        assert items[-1].endswith(f"fixture · {vault.identity.fingerprint[:9]}…")
        assert not any(vault.device_id[:8] in item for item in items)


# --- revocation (issue 17 §3) ---------------------------------------------------------------------------

def test_a_revoked_laptop_is_refused_from_its_revocation_on_and_what_came_before_stays_marked(tmp_path):
    """Coordinator C revokes monitor A's seized laptop. B learns it from C's next bundle: A's earlier
    revisions stay (marked), A's own bundles are refused, and a revision A made after the
    revocation is refused even when relayed by D, who had not heard of it yet."""
    a, b, c, d = (make(tmp_path, n) for n in ("monitor-a", "monitor-b", "coordinator", "monitor-d"))
    try:
        contacts.set_own_role(c, "coordinator")
        for x in (a, b, c, d):
            for y in (a, b, c, d):
                if x is not y:
                    trust(x, y, role="coordinator" if y is c else "monitor")
        a.put(PERSON)
        exchange.export_bundle(a, tmp_path / "a1", to=["coordinator"])
        exchange.import_bundle(c, tmp_path / "a1")
        with pytest.raises(errors.MonitorError, match="only a coordinator"):
            contacts.revoke(b, "monitor-a")
        record = contacts.revoke(c, "monitor-a", reason="ноутбук изъят")
        exchange.export_bundle(c, tmp_path / "c1", to=["monitor-b"])
        exchange.import_bundle(b, tmp_path / "c1")
        kept = b.history(PERSON["id"])
        author = contacts.authors(b, kept)[0]
        assert kept[0].device == a.device_id and author.revoked_from == record["from"]
        # the thief goes on writing on A's laptop: its bundles are refused at B, whatever they claim
        a.put({**PERSON, "notes": "после изъятия"})
        exchange.export_bundle(a, tmp_path / "a2", to=["monitor-b", "monitor-d"])
        refused(b, tmp_path / "a2", errors.BundleTampered, "revoked")
        # D had not heard of the revocation and took it in; relayed to B, A's new revision is refused
        exchange.import_bundle(d, tmp_path / "a2")
        exchange.export_bundle(d, tmp_path / "d1", to=["monitor-b"])
        refused(b, tmp_path / "d1", errors.RevisionNotAuthentic, f"device {a.device_id}, whose key a coordinator revoked")
        assert b.get(PERSON["id"]) == PERSON
    finally:
        for v in (a, b, c, d):
            v.close()


def test_only_a_trusted_coordinator_can_revoke_and_a_forged_revocation_is_refused(trio, tmp_path):
    a, b, c = trio
    contacts.set_own_role(a, "coordinator")  # A calls itself a coordinator; C trusts it as a monitor
    contacts.revoke(a, "monitor-b")
    a.put(PERSON)
    out = tmp_path / "a.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])

    def forge(manifest):
        manifest["revocations"][0]["from"] = "2020-01-01T00:00:00.000000Z"  # signature no longer fits

    refused(c, forged(out, c, a.identity, tmp_path, manifest=forge), errors.BundleTampered,
            "not signed by the key that claims to issue it")
    exchange.import_bundle(c, out)  # accepted, but A's revocation has no power here
    b.put(FACILITY)
    exchange.export_bundle(b, tmp_path / "b.monitor-bundle", to=["coordinator"])
    exchange.import_bundle(c, tmp_path / "b.monitor-bundle")
    assert c.get(FACILITY["id"]) == FACILITY


@pytest.mark.process
def test_cli_revokes_a_contact_only_from_a_coordinators_vault(tmp_path):
    from test_cli import CLI, one_line_error

    (tmp_path / "a").mkdir()
    (tmp_path / "c").mkdir()
    a, c = CLI(tmp_path / "a"), CLI(tmp_path / "c")
    a("init", "--profile", "Айгүл")
    c("init", "--profile", "coordinator")
    a("contacts", "mine", "--out", str(tmp_path / "aigul.contact"))
    aigul = contacts.parse((tmp_path / "aigul.contact").read_text(encoding="utf-8"))
    assert aigul.device  # the contact file names the device its revisions come from
    c("contacts", "add", str(tmp_path / "aigul.contact"), "--fingerprint", aigul.fingerprint)
    assert "only a coordinator" in one_line_error(c("contacts", "revoke", "Айгүл", ok=False))
    c("contacts", "mine", "--role", "coordinator", "--out", str(tmp_path / "coord.contact"))
    assert "role: coordinator" in (tmp_path / "coord.contact").read_text(encoding="utf-8")
    said = c("contacts", "revoke", "Айгүл", "--from", "2026-12-01T00:00:00.000000Z", "--reason", "изъят").stdout
    assert f"revoked Айгүл ({aigul.fingerprint}) from 2026-12-01T00:00:00.000000Z" in said
