"""Bundles between real vaults: export, import, trust, replay, rollback, and hostile files."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tarfile

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER
from records import SECRET, full_set, new_person, uid

from monitor.core import errors
from monitor.core.sync import bundle, contacts, exchange
from monitor.core.store.vault import Vault


def make(tmp_path, name, profile):
    return Vault.create(tmp_path / f"{name}.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile=profile)


@pytest.fixture
def trio(tmp_path):
    a, b, c = make(tmp_path, "a", "monitor-a"), make(tmp_path, "b", "monitor-b"), make(tmp_path, "c", "coordinator")
    with a.writing(), b.writing(), c.writing():
        pass
    for x in (a, b, c):
        for y in (a, b, c):
            if x is not y:
                with x.writing() as conn:
                    contacts.add(conn, contacts.own(y.identity, y.profile, "coordinator" if y is c else "monitor"))
    yield a, b, c
    for v in (a, b, c):
        v.close()


def stock(vault):
    blob = vault.store_blob(io.BytesIO(b"\x89PNG bundle photo " * 2000))
    records = full_set(blob.sha256, blob.size)
    vault.put_many(records)
    return records


def vault_digest(vault) -> str:
    """Everything that is not a cache or local bookkeeping, in a stable order."""
    conn = vault.conn
    h = hashlib.sha256()
    for row in conn.execute("SELECT rev, record_id, parents, author, device, created_at, deleted, body, hash "
                            "FROM revisions ORDER BY rev"):
        h.update(repr(row).encode())
    for row in conn.execute("SELECT id, head, heads, deleted, sealed, label FROM records ORDER BY id"):
        h.update(repr(row).encode())
    for row in conn.execute("SELECT sha256, size FROM blobs ORDER BY sha256"):
        h.update(repr(row).encode())
    return h.hexdigest()


def file_digest(vault) -> str:
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(vault.path.read_bytes()).hexdigest()


def test_export_import_round_trip_keeps_authors_and_attachments(trio, tmp_path):
    a, _b, c = trio
    records = stock(a)
    out = tmp_path / "a-to-c.monitor-bundle"
    rep = exchange.export_bundle(a, out, to=["coordinator"])
    assert rep.revisions == len(records) and rep.attachments == 1
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert SECRET.encode() not in out.read_bytes() and "Қарағанды".encode() not in out.read_bytes()
    merged = exchange.import_bundle(c, out)
    assert (merged.new, merged.updated, merged.conflicts, merged.skipped, merged.attachments_added) == (len(records), 0, 0, 0, 1)
    for r in records:
        assert c.get(r["id"]) == r
    history = c.history(records[0]["id"])
    assert history[0].author == "monitor-a" and history[0].device == a.device_id
    photo = next(r for r in records if r["type"] == "attachment")
    assert b"".join(c.read_attachment(photo["sha256"])) == b"\x89PNG bundle photo " * 2000
    assert c.verify().ok
    # importing the same bundle again is a harmless no-op
    again = exchange.import_bundle(c, out)
    assert again.replay
    # a second export "since last" carries only what changed
    case = dict(a.get(uid(6)))
    case["status"] = "complaint_filed"
    a.put(case)
    later = tmp_path / "later.monitor-bundle"
    rep2 = exchange.export_bundle(a, later, to=["coordinator"], since_last=True)
    assert rep2.revisions == 1 and rep2.attachments == 0
    merged2 = exchange.import_bundle(c, later)
    assert (merged2.new, merged2.updated) == (0, 1)
    assert c.get(uid(6))["status"] == "complaint_filed"


def test_unknown_signer_is_refused_until_trusted(tmp_path):
    a = make(tmp_path, "a", "monitor-a")
    c = make(tmp_path, "c", "coordinator")
    stock(a)
    out = tmp_path / "b.monitor-bundle"
    exchange.export_bundle(a, out, to=[c.identity.age_recipient])
    before = file_digest(c)
    with pytest.raises(errors.UnknownSigner) as caught:
        exchange.import_bundle(c, out)
    assert caught.value.fingerprint == contacts.own(a.identity, "x").fingerprint
    assert file_digest(c) == before
    merged = exchange.import_bundle(c, out, trust=[caught.value.fingerprint.replace(" ", "").lower()])
    assert merged.new > 0
    assert [x.fingerprint for x in contacts.listing(c.conn)] == [caught.value.fingerprint]
    a.close()
    c.close()


def test_wrong_key_and_passphrase_bundles(trio, tmp_path):
    a, b, c = trio
    stock(a)
    out = tmp_path / "to-b.monitor-bundle"
    exchange.export_bundle(a, out, to=["monitor-b"])
    before = file_digest(c)
    with pytest.raises(errors.BundleWrongKey):
        exchange.import_bundle(c, out)
    assert file_digest(c) == before
    secret = tmp_path / "pass.monitor-bundle"
    exchange.export_bundle(a, secret, passphrase="Қамау transfer phrase 42")
    with pytest.raises(errors.BundleWrongKey, match="transfer passphrase"):
        exchange.import_bundle(c, secret)
    with pytest.raises(errors.BundleWrongKey):
        exchange.import_bundle(c, secret, passphrase="wrong words entirely")
    assert file_digest(c) == before
    assert exchange.import_bundle(c, secret, passphrase="Қамау transfer phrase 42").new > 0


def test_rolled_back_history_from_a_known_device_is_refused(trio, tmp_path):
    a, _b, c = trio
    stock(a)
    backup = tmp_path / "a-backup.vault"
    a.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(a.path, backup)  # a backup takes the vault and its key file
    shutil.copyfile(a.path.with_name(a.path.name + ".keyslot"), backup.with_name(backup.name + ".keyslot"))
    a.put(new_person(uid(900), code="P-2026-0900"))
    first = tmp_path / "1.monitor-bundle"
    exchange.export_bundle(a, first, to=["coordinator"])
    exchange.import_bundle(c, first)
    # the monitor's laptop goes back to the backup and writes something else
    a.close()
    restored = Vault.open(backup, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    restored.put(new_person(uid(901), code="P-2026-0901"))
    second = tmp_path / "2.monitor-bundle"
    exchange.export_bundle(restored, second, to=[c.identity.age_recipient])
    before = file_digest(c)
    with pytest.raises(errors.HistoryContradiction, match="rewritten or rolled back"):
        exchange.import_bundle(c, second)
    assert file_digest(c) == before
    restored.close()


def _rewrite(path, identity, tmp_path, mutate):
    """Decrypt a bundle (as the vault that can), let ``mutate`` change its members, re-encrypt for it."""
    import pyrage

    plain = io.BytesIO()
    with open(path, "rb") as src:
        pyrage.decrypt_io(src, plain, [pyrage.x25519.Identity.from_str(identity.age_identity)])
    members = []
    with tarfile.open(fileobj=io.BytesIO(plain.getvalue()), mode="r:") as tar:
        for info in tar:
            members.append([info.name, tar.extractfile(info).read()])
    mutate(members)
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    target = tmp_path / "mutated.monitor-bundle"
    with open(target, "wb") as dst:
        pyrage.encrypt_io(io.BytesIO(out.getvalue()), dst,
                          [pyrage.x25519.Identity.from_str(identity.age_identity).to_public()])
    return target


def _resign(members, signer):
    manifest = json.loads(members[0][1])
    manifest["exporter"]["signing_key"] = signer.signing_public.hex()
    for m in members[2:]:
        entry = next(e for e in manifest["members"] if e["name"] == m[0])
        entry["size"], entry["sha256"] = len(m[1]), hashlib.sha256(m[1]).hexdigest()
    raw, sig = bundle.sign_manifest(signer, manifest)
    members[0][1], members[1][1] = raw, sig


@pytest.mark.parametrize("name, mutate, error", [
    ("flipped signature", lambda m, s: m.__setitem__(1, [m[1][0], bytes([m[1][1][0] ^ 1]) + m[1][1][1:]]),
     errors.BundleSignatureInvalid),
    ("altered revision, manifest not re-signed",
     lambda m, s: m[-1].__setitem__(1, m[-1][1].replace(b"P-2026-0042", b"P-2026-0666")), errors.BundleTampered),
    ("path traversal member", lambda m, s: m.append(["../../etc/passwd", b"x"]), errors.BundleTampered),
    ("re-signed by another key", lambda m, s: _resign(m, s), errors.UnknownSigner),
    ("revision edited and re-signed by its own key is caught by the revision hash",
     "resign-own", errors.BundleTampered),
    ("members reordered", lambda m, s: m.__setitem__(slice(2, None), list(reversed(m[2:]))), errors.BundleTampered),
    ("dropped member", lambda m, s: m.pop(), errors.BundleDamaged),
])
def test_hostile_bundles_are_refused_and_the_vault_is_unchanged(trio, tmp_path, name, mutate, error):
    a, _b, c = trio
    stock(a)
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    stranger = make(tmp_path, "stranger", "stranger").identity
    if mutate == "resign-own":
        def mutate(m, s):
            m[-1][1] = m[-1][1].replace(b"P-2026-0042", b"P-2026-0666")
            _resign(m, a.identity)
    bad = _rewrite(out, c.identity, tmp_path, lambda m: mutate(m, stranger))
    before = file_digest(c)
    with pytest.raises(error):
        exchange.import_bundle(c, bad)
    assert file_digest(c) == before


@pytest.mark.parametrize("cut", [10, 200, 1000, -5000, -100, -1])
def test_truncated_bundles_are_refused(trio, tmp_path, cut):
    a, _b, c = trio
    stock(a)
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    data = out.read_bytes()
    short = tmp_path / "short.monitor-bundle"
    short.write_bytes(data[:cut])
    before = file_digest(c)
    with pytest.raises(errors.BundleError):
        exchange.import_bundle(c, short)
    assert file_digest(c) == before


def test_not_a_bundle(trio, tmp_path):
    _a, _b, c = trio
    junk = tmp_path / "report.docx"
    junk.write_bytes(b"PK\x03\x04 not an age file")
    with pytest.raises(errors.NotABundle):
        exchange.import_bundle(c, junk)


def test_contact_file_round_trip_and_tampered_fingerprint(trio):
    a, _b, _c = trio
    me = contacts.own(a.identity, "Айгүл Сәрсенова", "monitor")
    assert contacts.parse(me.to_text()) == me
    assert len(me.fingerprint.replace(" ", "")) == 32
    forged = me.to_text().replace(me.signing_key, "0" * 64)
    with pytest.raises(errors.MonitorError, match="does not match the signing key"):
        contacts.parse(forged)


def test_bundle_decrypts_with_the_age_tool(trio, tmp_path):
    if shutil.which("age") is None:
        if __import__("os").environ.get("CI") == "true":
            pytest.fail("the age command-line tool is missing (Debian package 'age'); .ci/run installs it")
        pytest.skip("the age command-line tool is not installed (Debian package 'age')")
    a, _b, c = trio
    stock(a)
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    key = tmp_path / "c.key"
    key.write_text(c.identity.age_identity + "\n")
    key.chmod(0o600)
    plain = subprocess.run(["age", "-d", "-i", str(key), str(out)], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        names = tar.getnames()
    assert names[:2] == ["manifest.json", "manifest.sig"]
    assert names[-2:] == ["audit.jsonl", "revisions.jsonl"]
    assert all(n.startswith("attachments/") for n in names[2:-2])


@pytest.mark.process
def test_cli_contacts_export_import(tmp_path):
    from test_cli import CLI, one_line_error, write_jsonl

    (tmp_path / "a").mkdir()
    (tmp_path / "c").mkdir()
    a, c = CLI(tmp_path / "a"), CLI(tmp_path / "c")
    a("init", "--profile", "Айгүл")
    c("init", "--profile", "coordinator")
    a("contacts", "mine", "--out", str(tmp_path / "aigul.contact"))
    c("contacts", "mine", "--role", "coordinator", "--name", "Координатор", "--out", str(tmp_path / "coord.contact"))
    coord = contacts.parse((tmp_path / "coord.contact").read_text(encoding="utf-8"))
    # adding without the fingerprint read aloud is refused, with the fingerprint to compare
    assert coord.fingerprint in one_line_error(a("contacts", "add", str(tmp_path / "coord.contact"), ok=False))
    a("contacts", "add", str(tmp_path / "coord.contact"), "--fingerprint", coord.fingerprint.lower())
    aigul = contacts.parse((tmp_path / "aigul.contact").read_text(encoding="utf-8"))
    c("contacts", "add", str(tmp_path / "aigul.contact"), "--fingerprint", aigul.fingerprint.replace(" ", ""))
    assert "Координатор" in a("contacts").stdout
    records = [new_person(uid(3), code="P-2026-0042"),
               new_person(uid(4), code="P-2026-0043")]
    a("load", str(write_jsonl(tmp_path / "people.jsonl", records)))
    out = tmp_path / "to-coordinator.monitor-bundle"
    assert "2 revisions" in a("export", "--to", "Координатор", "--out", str(out)).stdout
    result = c("import", str(out))
    assert "2 new, 0 updated, 0 conflicts" in result.stdout
    assert "nothing changed" in c("import", str(out)).stdout
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00" * 100)
    assert "not a Monitor bundle" in one_line_error(c("import", str(junk), ok=False))


def test_a_copied_vault_takes_its_own_device_id(tmp_path):
    from conftest import TEST_KDF

    original = Vault.create(tmp_path / "laptop.vault", PASSPHRASE, kdf=TEST_KDF, profile="monitor-a")
    device = original.device_id
    original.put(new_person(uid(3), code="P-2026-0042"))
    original.close()
    copy = tmp_path / "usb" / "laptop.vault"
    copy.parent.mkdir()
    for suffix in ("", ".keyslot"):
        shutil.copyfile(str(tmp_path / "laptop.vault") + suffix, str(copy) + suffix)
    with Vault.open(tmp_path / "laptop.vault", PASSPHRASE) as same:
        key = same.identity.signing_public
    with Vault.open(copy, PASSPHRASE) as copied:
        assert copied.device_id != device
        assert copied.identity.signing_public == key  # contacts keep trusting it
        assert copied.verify().ok
        renewed = copied.conn.execute("SELECT detail FROM audit WHERE action = 'device-renewed'").fetchall()
        assert len(renewed) == 1 and device in renewed[0][0]
        copied.put(new_person(uid(4), code="P-2026-0043"))
        assert copied.history(uid(4))[0].device == copied.device_id
    with Vault.open(copy, PASSPHRASE) as again:  # opened where it now lives: no further change
        assert again.conn.execute("SELECT count(*) FROM audit WHERE action = 'device-renewed'").fetchone()[0] == 1
    with Vault.open(tmp_path / "laptop.vault", PASSPHRASE) as same:
        assert same.device_id == device


def _own_resigned(a, mutate_lines):
    """A mutation that changes revisions.jsonl and re-signs the manifest with the exporter's own key
    (what a thief holding the laptop could do): only the gate stands between it and the vault."""
    def mutate(members, _stranger):
        lines = members[-1][1].splitlines(keepends=True)
        members[-1][1] = b"".join(mutate_lines(lines))
        manifest = json.loads(members[0][1])
        manifest["counts"]["revisions"] = len(members[-1][1].splitlines())
        members[0][1] = json.dumps(manifest).encode()
        _resign(members, a.identity)
    return mutate


def _rehashed(line: bytes, change, signer) -> bytes:
    """The revision changed, its hash recomputed and signed again by ``signer`` (the thief holds the
    laptop, so its device key too: only the gate's content checks stand)."""
    from monitor.core.history.revisions import Revision
    from monitor.core.text import canonical_json

    data = json.loads(line)
    change(data)
    revision = Revision(data["rev"], data["record_id"], data["record_type"], tuple(data["parents"]), data["author"],
                        data["device"], data["created_at"], data["deleted"], data["body"]).signed_by(signer)
    return canonical_json(revision.to_json()) + b"\n"


def _edit_person(lines, change, signer):
    out = []
    for line in lines:
        if b'"type":"person"' in line and b"P-2026-0042" in line:
            line = _rehashed(line, change, signer)
        out.append(line)
    return out


def _absolute_member(members, _stranger):
    members.append(["/etc/cron.d/monitor", b"* * * * * root true\n"])


@pytest.mark.parametrize("name, build, error, message", [
    ("absolute member name", lambda a: _absolute_member, errors.BundleTampered, "member"),
    ("invalid UTF-8 in a revision line, re-signed",
     lambda a: _own_resigned(a, lambda lines: [lines[0][:40] + b"\xff\xfe" + lines[0][40:]] + lines[1:]),
     errors.BundleDamaged, "not UTF-8"),
    ("schema violation with a valid hash, re-signed",
     lambda a: _own_resigned(a, lambda lines: _edit_person(lines, lambda d: d["body"].__setitem__("code", "42"), a.identity)),
     errors.SchemaViolation, "code"),
    ("a revision whose body names another record, re-signed",
     lambda a: _own_resigned(a, lambda lines: _edit_person(lines, lambda d: d["body"].__setitem__("id", uid(77)), a.identity)),
     errors.SchemaViolation, "id and type"),
    ("a lone surrogate in a revision, re-signed",
     lambda a: _own_resigned(a, lambda lines: [lines[0].replace(b'"monitor-a"', b'"monitor-a\\ud800"')] + lines[1:]),
     errors.MonitorError, "surrogate"),
])
def test_re_signed_hostile_content_is_refused_by_the_gate(trio, tmp_path, name, build, error, message):
    a, _b, c = trio
    stock(a)
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    bad = _rewrite(out, c.identity, tmp_path, lambda m: build(a)(m, None))
    before = file_digest(c)
    with pytest.raises(error, match=message):
        exchange.import_bundle(c, bad)
    assert file_digest(c) == before
    assert not c.conflicts() and c.conn.execute("SELECT count(*) FROM records WHERE type = 'person'").fetchone()[0] == 0


def test_declared_sizes_far_larger_than_real_are_refused(trio, tmp_path):
    a, _b, c = trio
    stock(a)
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])

    def lie(members):
        manifest = json.loads(members[0][1])
        manifest["members"][-1]["size"] = 50 * 1024 ** 3  # 50 GiB promised, a few KiB present
        members[0][1], members[1][1] = bundle.sign_manifest(a.identity, manifest)

    bad = _rewrite(out, c.identity, tmp_path, lie)
    before = file_digest(c)
    with pytest.raises(errors.BundleError):
        exchange.import_bundle(c, bad)
    assert file_digest(c) == before


@pytest.mark.parametrize("where", ["header", "payload"])
def test_a_flipped_byte_in_the_age_header_or_payload_is_refused(trio, tmp_path, where):
    a, _b, c = trio
    stock(a)
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    data = bytearray(out.read_bytes())
    header_end = data.index(b"\n---") + 4
    at = 60 if where == "header" else header_end + (len(data) - header_end) // 2
    assert (at < header_end) == (where == "header")
    data[at] ^= 0x01
    out.write_bytes(bytes(data))
    before = file_digest(c)
    with pytest.raises(errors.BundleError):
        exchange.import_bundle(c, out)
    assert file_digest(c) == before


def test_a_descendant_that_changes_a_sealed_interview_is_refused(trio, tmp_path):
    """A thief re-signs a bundle in which a child of the sealed revision rewrites the testimony."""
    a, _b, c = trio
    stock(a)
    interview = uid(7)
    a.seal(interview)
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    sealed_rev = a.info(interview).head

    def forge(lines):
        sealed = json.loads(next(line for line in lines if sealed_rev.encode() in line and b'"rev":"' + sealed_rev.encode() in line))
        body = {**sealed["body"], "narrative": "Жалоба отозвана, претензий не имею"}
        from monitor.core.history.revisions import Revision
        from monitor.core.text import canonical_json
        child = Revision(uid(5000), interview, "interview", (sealed_rev,), "monitor-a", a.device_id,
                         sealed["created_at"], False, body).signed_by(a.identity)
        return lines + [canonical_json(child.to_json()) + b"\n"]

    bad = _rewrite(out, c.identity, tmp_path, lambda m: _own_resigned(a, forge)(m, None))
    before = file_digest(c)
    with pytest.raises(errors.SealedRecord, match="sealed"):
        exchange.import_bundle(c, bad)
    assert file_digest(c) == before
