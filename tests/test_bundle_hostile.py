"""Hostile bundles (issue 17 §1 and §6): nothing is parsed before the manifest's signature holds,
every size and depth is bounded before it is read, every refusal is one typed line, the vault stays
byte-identical, and an inbox goes on past a poison file.

The bundles are built as an attacker holding only the public contact file would build them: a tar
stream encrypted with pyrage to the receiver's age recipient. The §6 cases are made by a holder of
the exporter's own signing key (a stolen laptop), who can re-sign whatever they change.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import textwrap
import time
from pathlib import Path

import pyrage
import pytest
from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER
from test_sync_bundles import _rehashed, _resign, _rewrite, stock

from monitor.core import errors
from monitor.core.keys import keyslot
from monitor.core.keys.identity import DeviceIdentity
from monitor.core.store.vault import Vault
from monitor.core.sync import bundle, contacts, exchange, inbox

MiB = 1024 * 1024


def _make(tmp_path, name, profile):
    return Vault.create(tmp_path / f"{name}.vault", PASSPHRASE, kdf=TEST_KDF, profile=profile)


@pytest.fixture
def pair(tmp_path):
    """A monitor's vault and the coordinator's, each trusting the other; the monitor's holds data."""
    a, c = _make(tmp_path, "a", "Айгүл"), _make(tmp_path, "c", "coordinator")
    with a.writing() as conn:
        contacts.add(conn, contacts.own(c.identity, c.profile, "coordinator"))
    with c.writing() as conn:
        contacts.add(conn, contacts.own(a.identity, a.profile, "monitor"))
    stock(a)
    yield a, c
    a.close()
    c.close()


def _files(vault) -> str:
    """The SHA-256 of the vault's database file and of its key file, the WAL folded in first."""
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return _files_at(vault.path)


def _files_at(path: Path) -> str:
    h = hashlib.sha256()
    for each in (path, keyslot.path_for(path)):
        h.update(hashlib.sha256(each.read_bytes()).digest())
    return h.hexdigest()


def _tar(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _seal(receiver, plain: bytes, path: Path) -> Path:
    """Encrypt ``plain`` to the receiver's public age recipient, as anyone with its contact file can."""
    with open(path, "wb") as out:
        pyrage.encrypt_io(io.BytesIO(plain), out, [pyrage.x25519.Recipient.from_str(receiver.identity.age_recipient)])
    return path


def _stranger() -> DeviceIdentity:
    return DeviceIdentity.generate()


def _manifest(key_hex: str, **extra) -> dict:
    return {"format": "monitor-bundle", "version": 1, "created_at": "2026-12-07T00:00:00.000000Z",
            "exporter": {"vault_id": "x", "device_id": "x", "profile": "attacker", "signing_key": key_hex,
                         "age_recipient": "age1x"},
            "scope": {"kind": "all", "cases": [], "since_revision_seq": 0},
            "audit_head": {"seq": 1, "hash": "0" * 64}, "counts": {"revisions": 0, "attachments": 0},
            "members": [], **extra}


def _refused(vault, path, error, message_id):
    """Import ``path``: it must fail with ``error`` carrying the catalogue message ``message_id`` on
    one line, and leave the vault's files byte-identical."""
    before = _files(vault)
    with pytest.raises(error) as caught:
        exchange.import_bundle(vault, path)
    assert getattr(caught.value.message, "id", None) == message_id, str(caught.value)
    text = str(caught.value)
    assert "\n" not in text and 0 < len(text) < 300, text
    assert _files(vault) == before
    return caught.value


# --- §1: nothing parsed before the signature; sizes and depths bounded ---------------------------

def test_an_unsigned_poison_bundle_is_refused_before_its_manifest_is_parsed(pair, tmp_path):
    _a, c = pair
    key = _stranger().signing_public.hex()
    raw = b'{"exporter":{"signing_key":"' + key.encode() + b'"},' + b'"members":' + b"[" * 5000 + b"]" * 5000 + b"}"
    poison = _seal(c, _tar([("manifest.json", raw), ("manifest.sig", b"\0" * 64)]), tmp_path / "p.monitor-bundle")
    _refused(c, poison, errors.BundleSignatureInvalid, "bundle_signature_invalid")
    # and with no signature member at all
    bare = _seal(c, _tar([("manifest.json", raw), ("revisions.jsonl", b"")]), tmp_path / "q.monitor-bundle")
    _refused(c, bare, errors.BundleDamaged, "bundle_wrong_first_member")


@pytest.mark.parametrize("key", ["00", "", "0" * 62, "0" * 66, "G" * 64, "AB" * 32, 123, None])
def test_a_signing_key_that_is_not_32_well_formed_bytes_is_a_typed_error(pair, tmp_path, key):
    _a, c = pair
    raw = json.dumps(_manifest(key), sort_keys=True, separators=(",", ":")).encode()
    poison = _seal(c, _tar([("manifest.json", raw), ("manifest.sig", b"\1" * 64)]), tmp_path / "k.monitor-bundle")
    _refused(c, poison, errors.BundleSignatureInvalid, "bundle_signing_key_malformed")


def test_a_signed_manifest_nested_5000_deep_is_refused_without_recursion(pair, tmp_path):
    _a, c = pair
    attacker = _stranger()  # signs with its own key: the signature holds, the signer is unknown
    raw = (b'{"exporter":{"signing_key":"' + attacker.signing_public.hex().encode() + b'"},"format":"monitor-bundle",'
           b'"members":' + b"[" * 5000 + b"]" * 5000 + b',"version":1}')
    signature = attacker.sign(bundle.SIGNATURE_CONTEXT + raw)
    deep = _seal(c, _tar([("manifest.json", raw), ("manifest.sig", signature)]), tmp_path / "d.monitor-bundle")
    _refused(c, deep, errors.BundleDamaged, "bundle_manifest_too_deep")


def test_a_manifest_whose_signed_key_differs_from_its_parsed_key_is_refused(pair, tmp_path):
    """The key comes from the raw bytes; the parsed exporter must name that same key. Here the
    attacker signs with its own key, placed where the raw scan finds it first, and names the
    receiver's own key as the exporter's (which the receiver would trust as itself)."""
    _a, c = pair
    attacker = _stranger()
    manifest = _manifest(c.identity.signing_public.hex())
    manifest["exporter"]["a_note"] = {"signing_key": attacker.signing_public.hex()}  # sorts first
    raw = bundle.canonical_json(manifest)
    assert bundle.claimed_key(raw) == attacker.signing_public
    signature = attacker.sign(bundle.SIGNATURE_CONTEXT + raw)
    poison = _seal(c, _tar([("manifest.json", raw), ("manifest.sig", signature)]), tmp_path / "m.monitor-bundle")
    _refused(c, poison, errors.BundleSignatureInvalid, "bundle_signature_invalid")


def test_a_manifest_naming_the_exporter_twice_is_refused(pair, tmp_path):
    _a, c = pair
    attacker = _stranger()
    manifest = _manifest(attacker.signing_public.hex())
    manifest["aaa"] = {"exporter": {"signing_key": attacker.signing_public.hex()}}
    raw = bundle.canonical_json(manifest)
    signature = attacker.sign(bundle.SIGNATURE_CONTEXT + raw)
    poison = _seal(c, _tar([("manifest.json", raw), ("manifest.sig", signature)]), tmp_path / "t.monitor-bundle")
    _refused(c, poison, errors.BundleSignatureInvalid, "bundle_signing_key_malformed")


def test_too_many_members_are_refused_before_the_manifest_is_parsed(pair, tmp_path):
    _a, c = pair
    attacker = _stranger()
    raw = (b'{"exporter":{"signing_key":"' + attacker.signing_public.hex().encode() + b'"},'
           b'"members":[' + b",".join([b"{}"] * (bundle.MAX_MEMBERS + 17)) + b"]}")
    assert len(raw) < bundle.MAX_MANIFEST
    signature = attacker.sign(bundle.SIGNATURE_CONTEXT + raw)
    many = _seal(c, _tar([("manifest.json", raw), ("manifest.sig", signature)]), tmp_path / "n.monitor-bundle")
    _refused(c, many, errors.BundleTampered, "bundle_manifest_too_many_members")


def test_a_huge_pax_header_is_refused_before_tar_reads_it(pair, tmp_path):
    _a, c = pair
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("manifest.json")
        info.pax_headers = {"comment": "x" * (bundle.MAX_TAR_HEADER + 1)}
        tar.addfile(info, io.BytesIO(b""))
    poison = _seal(c, out.getvalue(), tmp_path / "h.monitor-bundle")
    _refused(c, poison, errors.BundleTampered, "bundle_member_implausible")


def _header_chain(count: int, kind: bytes) -> bytes:
    out = io.BytesIO()
    for _ in range(count):
        info = tarfile.TarInfo("././@PaxHeader")
        info.type = kind
        data = b"11 path=ab\n" if kind == tarfile.XHDTYPE else b"ab\0"
        info.size = len(data)
        out.write(info.tobuf(tarfile.USTAR_FORMAT if kind == tarfile.XHDTYPE else tarfile.GNU_FORMAT))
        out.write(data + b"\0" * (512 - len(data)))
    info = tarfile.TarInfo("manifest.json")
    out.write(info.tobuf(tarfile.USTAR_FORMAT) + b"\0" * 1024)
    return out.getvalue()


@pytest.mark.parametrize("kind", [tarfile.XHDTYPE, tarfile.GNUTYPE_LONGNAME])
def test_a_chain_of_thousands_of_tar_headers_is_refused_without_recursion(pair, tmp_path, kind):
    _a, c = pair
    poison = _seal(c, _header_chain(5000, kind), tmp_path / "chain.monitor-bundle")
    _refused(c, poison, errors.BundleTampered, "bundle_tar_header_chain")


def test_sparse_members_are_refused(pair, tmp_path):
    _a, c = pair
    gnu = tarfile.TarInfo("manifest.json")
    gnu.type = tarfile.GNUTYPE_SPARSE
    _refused(c, _seal(c, gnu.tobuf(tarfile.GNU_FORMAT) + b"\0" * 1024, tmp_path / "s.monitor-bundle"),
             errors.BundleTampered, "bundle_not_plain_file")
    pax = tarfile.TarInfo("manifest.json")
    pax.pax_headers = {"GNU.sparse.major": "1", "GNU.sparse.minor": "0", "GNU.sparse.name": "manifest.json",
                       "GNU.sparse.realsize": "10"}
    pax.size = 512
    plain = pax.tobuf(tarfile.PAX_FORMAT) + b"999999999999\n" + b"\0" * 498 + b"\0" * 1024
    _refused(c, _seal(c, plain, tmp_path / "p.monitor-bundle"), errors.BundleTampered, "bundle_not_plain_file")


_MEASURE = textwrap.dedent("""
    import sys, time
    from monitor.core.keys import keyslot
    from monitor.core.store.vault import Vault
    from monitor.core.sync import exchange

    def kib(field):
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))

    vault = Vault.open(sys.argv[1], sys.argv[2], kdf=keyslot.TEST_COST, kdf_iter=int(sys.argv[4]))
    with open("/proc/self/clear_refs", "w") as reset:  # the peak from here on, not the unlock's
        reset.write("5")
    base = kib("VmRSS")
    start = time.perf_counter()
    try:
        exchange.import_bundle(vault, sys.argv[3])
        outcome = "imported"
    except Exception as exc:
        outcome = type(exc).__name__ + " " + getattr(exc.message, "id", "?") + " " + str(exc).replace("\\n", "|")
    elapsed = time.perf_counter() - start
    peak = kib("VmHWM")
    vault.close()
    print(outcome)
    print(f"{elapsed:.3f} {base} {peak}")
""")


def test_a_60_mib_manifest_is_refused_fast_with_bounded_memory(pair, tmp_path):
    _a, c = pair
    key = _stranger().signing_public.hex()
    entry = b'{"name":"audit.jsonl","sha256":"0","size":0},'
    count = 60 * MiB // len(entry)  # 1.4 million members: what a parser would turn into objects
    raw = (b'{"exporter":{"signing_key":"' + key.encode() + b'"},"format":"monitor-bundle","members":['
           + entry * count + b'{}],"version":1}')
    assert len(raw) >= 60 * MiB
    big = _seal(c, _tar([("manifest.json", raw), ("manifest.sig", b"\0" * 64)]), tmp_path / "big.monitor-bundle")
    del raw
    path = c.path
    c.close()
    before = _files_at(path)
    # measured in a process of its own, so the peak is the import's, not this test's
    run = subprocess.run([sys.executable, "-c", _MEASURE, str(path), PASSPHRASE, str(big), str(TEST_KDF_ITER)],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    outcome, figures = run.stdout.strip().splitlines()[-2:]
    elapsed, base, peak = float(figures.split()[0]), int(figures.split()[1]), int(figures.split()[2])
    print(f"\n60 MiB manifest: {outcome}; {elapsed:.2f} s; peak RSS {peak / 1024:.0f} MiB "
          f"({(peak - base) / 1024:.0f} MiB above the open vault)")
    assert outcome.startswith("BundleTampered bundle_member_implausible"), outcome
    assert "Traceback" not in run.stdout + run.stderr
    assert elapsed < 10  # hashing the 60 MiB file is all it does; the manifest is never read
    assert peak - base < 32 * 1024  # KiB: bounded, whatever the manifest's size
    assert _files_at(path) == before


def _revisions_replaced(a, new_lines: bytes):
    """A mutation by the holder of ``a``'s signing key: revisions.jsonl replaced, manifest re-signed."""
    def mutate(members):
        members[-1][1] = new_lines
        manifest = json.loads(members[0][1])
        manifest["counts"]["revisions"] = len(new_lines.splitlines())
        members[0][1] = json.dumps(manifest).encode()
        _resign(members, a.identity)
    return mutate


def test_a_signed_revision_line_nested_100000_deep_is_refused_without_recursion(pair, tmp_path):
    a, c = pair
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    line = b'{"body":' + b"[" * 100_000 + b"]" * 100_000 + b',"rev":"x"}\n'
    bad = _rewrite(out, c.identity, tmp_path, _revisions_replaced(a, line))
    error = _refused(c, bad, errors.SchemaViolation, "bundle_line_too_deep")
    assert "revisions.jsonl line 1" in str(error)


def test_a_signed_audit_line_nested_deep_is_refused_without_recursion(pair, tmp_path):
    a, c = pair
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])

    def mutate(members):
        audit_member = next(m for m in members if m[0] == "audit.jsonl")
        audit_member[1] = b'{"seq":' + b"[" * 100_000 + b"]" * 100_000 + b"}\n" + audit_member[1]
        _resign(members, a.identity)

    bad = _rewrite(out, c.identity, tmp_path, mutate)
    _refused(c, bad, errors.BundleDamaged, "bundle_audit_unreadable")


def test_the_nesting_scan_is_exact_for_json():
    cases = [b'{"a":[1,{"b":"[[[["}]}', b'{"a":"x\\\\"}', b'{"a":"x\\"[[["}', b"[[], {}, [[{}]]]", b"1", b'"[["',
             b'{"k\\\\\\"[":[["\\\\"]]}']
    for text in cases:
        value = json.loads(text)
        depth = _depth(value)
        assert bundle.nesting(text, depth) is not None, text
        assert depth == 0 or bundle.nesting(text, depth - 1) is None, text
    assert bundle.nesting(b"[[[", 10) is None and bundle.nesting(b"]][[", 10) is None
    assert bundle.nesting(b"{[{[]}]}", 3) is None  # alternating kinds count as deep as they are


def _depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def test_a_real_manifest_of_100000_members_fits_the_limits():
    """Where MAX_MANIFEST comes from: the largest manifest a real export may write."""
    members = [{"name": f"attachments/{hashlib.sha256(str(i).encode()).hexdigest()}", "size": 999_999_999_999,
                "sha256": hashlib.sha256(str(i).encode()).hexdigest()} for i in range(bundle.MAX_MEMBERS - 2)]
    members += [{"name": "audit.jsonl", "size": 10**12, "sha256": "0" * 64},
                {"name": "revisions.jsonl", "size": 10**12, "sha256": "0" * 64}]
    identity = _stranger()
    manifest = _manifest(identity.signing_public.hex(), members=members)
    manifest["scope"] = {"kind": "cases", "cases": [f"{i:032x}" for i in range(1000)], "since_revision_seq": 0}
    raw = bundle.canonical_json(manifest)
    start = time.perf_counter()
    shape = bundle.nesting(raw, bundle.MAX_MANIFEST_DEPTH)
    scanned = time.perf_counter() - start
    print(f"\nmanifest of {len(members):,} members: {len(raw) / MiB:.1f} MiB (limit {bundle.MAX_MANIFEST / MiB:.0f} MiB); "
          f"nesting scan {scanned * 1000:.0f} ms")
    assert len(raw) < bundle.MAX_MANIFEST
    assert shape is not None and shape[0] <= bundle.MAX_MEMBERS + 16


# --- the inbox goes on past a poison file ---------------------------------------------------------

def _listing(folder: Path) -> dict:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_an_inbox_behind_an_old_poison_file_merges_the_good_bundle_on_the_first_check(pair, tmp_path):
    a, c = pair
    folder = tmp_path / "inbox"
    folder.mkdir()
    raw = json.dumps(_manifest("00"), sort_keys=True, separators=(",", ":")).encode()
    poison = _seal(c, _tar([("manifest.json", raw), ("manifest.sig", b"\0" * 64)]) + b"\0" * 8000,
                   folder / "0-poison.monitor-bundle")
    _age(poison, 365 * 86400)  # looked at first, on every check
    exchange.export_bundle(a, folder / "from-a.monitor-bundle", to=["coordinator"])
    _age(folder / "from-a.monitor-bundle", 60)
    seen = _listing(folder)
    outcomes = inbox.scan(c, folder, handled={})
    assert [(o.name, o.status) for o in outcomes] == [("0-poison.monitor-bundle", inbox.REFUSED),
                                                      ("from-a.monitor-bundle", inbox.IMPORTED)]
    assert outcomes[0].message.id == "bundle_signing_key_malformed"
    assert "\n" not in outcomes[0].message.localize("ru")
    assert outcomes[1].report.new > 0
    assert _listing(folder) == seen  # nothing in the folder written, moved or deleted


def test_any_exception_from_one_file_is_recorded_and_the_scan_goes_on(pair, tmp_path, monkeypatch):
    """Not only typed errors: whatever one file raises is a one-line refusal of that file alone."""
    a, c = pair
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "0-odd.monitor-bundle").write_bytes(b"age-encryption.org/v1\n" + b"\0" * 100)
    _age(folder / "0-odd.monitor-bundle", 3600)
    exchange.export_bundle(a, folder / "from-a.monitor-bundle", to=["coordinator"])
    _age(folder / "from-a.monitor-bundle", 60)
    real = exchange.import_bundle

    def import_bundle(vault, path, **kw):  # a fault no check foresaw, from one file only
        if Path(path).name == "0-odd.monitor-bundle":
            raise RuntimeError("something unforeseen\n  at line 2")
        return real(vault, path, **kw)

    monkeypatch.setattr(exchange, "import_bundle", import_bundle)
    seen = _listing(folder)
    outcomes = inbox.scan(c, folder, handled={})
    assert [o.status for o in outcomes] == [inbox.REFUSED, inbox.IMPORTED]
    assert outcomes[0].message.id == "inbox_file_failed"
    for lang in ("en", "ru", "kk"):
        assert "\n" not in outcomes[0].message.localize(lang) and "RuntimeError" in outcomes[0].message.localize(lang)
    assert _listing(folder) == seen


# --- §6: a holder of the exporter's key cannot slip past the manifest's checks -----------------------

def test_a_member_whose_bytes_differ_from_the_signed_sha256_is_refused(pair, tmp_path):
    """The revision is changed and its own hash recomputed, so the revision gate would take it: only
    the manifest's SHA-256 of the member stands in the way."""
    a, c = pair
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])

    def mutate(members):
        revisions = next(m for m in members if m[0] == "revisions.jsonl")
        lines = revisions[1].splitlines(keepends=True)
        changed = [_rehashed(line, lambda d: d["body"].__setitem__("code", "P-2026-0666"), a.identity)
                   if b"P-2026-0042" in line and b'"type":"person"' in line else line for line in lines]
        assert changed != lines
        revisions[1] = b"".join(changed)
        manifest = json.loads(members[0][1])
        entry = next(e for e in manifest["members"] if e["name"] == "revisions.jsonl")
        entry["size"] = len(revisions[1])  # the size fits; the SHA-256 still names the old bytes
        members[0][1], members[1][1] = bundle.sign_manifest(a.identity, manifest)

    bad = _rewrite(out, c.identity, tmp_path, mutate)
    _refused(c, bad, errors.BundleTampered, "bundle_member_mismatch")


@pytest.mark.parametrize("name", ["attachments/../x", "attachments/" + "g" * 64, "attachments/" + "A" * 64,
                                  "attachments/../../../../tmp/" + "0" * 48])
def test_a_signed_manifest_naming_a_bad_attachment_is_refused_before_its_bytes_are_read(pair, tmp_path, name):
    """The tar holds nothing after the signature: had the name been let through, the reader would
    have gone on to its bytes and found the bundle cut short instead."""
    a, c = pair
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])

    def mutate(members):
        manifest = json.loads(members[0][1])
        manifest["members"].insert(0, {"name": name, "size": 5, "sha256": hashlib.sha256(b"evil!").hexdigest()})
        members[0][1], members[1][1] = bundle.sign_manifest(a.identity, manifest)
        del members[2:]

    bad = _rewrite(out, c.identity, tmp_path, mutate)
    _refused(c, bad, errors.BundleTampered, "bundle_unexpected_member")


def test_a_re_signed_bundle_whose_audit_chain_has_a_broken_link_is_refused(pair, tmp_path):
    a, c = pair
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])

    def mutate(members):
        audit_member = next(m for m in members if m[0] == "audit.jsonl")
        entries = [json.loads(line) for line in audit_member[1].splitlines()]
        assert len(entries) >= 3
        entries[1]["prev_hash"] = hashlib.sha256(b"not the entry before").hexdigest()  # the head still fits
        audit_member[1] = b"".join(bundle.canonical_json(e) + b"\n" for e in entries)
        _resign(members, a.identity)

    bad = _rewrite(out, c.identity, tmp_path, mutate)
    error = _refused(c, bad, errors.BundleTampered, "bundle_audit_chain_broken")
    assert error.message.params["seq"] == 2


def test_the_window_shows_the_poison_file_refused_and_merges_the_good_one(pair, tmp_path, qtbot):
    """The inbox dialog: one row a file, the poison one "Refused" with its reason on one line in the
    window's language, the good one merged by the same first check."""
    from conftest import require_module

    require_module("PySide6.QtWidgets")
    from monitor.gui.dialogs.inbox import InboxDialog
    from monitor.gui.main_window import MainWindow

    a, c = pair
    folder = tmp_path / "Входящие"
    folder.mkdir()
    raw = json.dumps(_manifest("00"), sort_keys=True, separators=(",", ":")).encode()
    _seal(c, _tar([("manifest.json", raw), ("manifest.sig", b"\0" * 64)]), folder / "old.monitor-bundle")
    _age(folder / "old.monitor-bundle", 365 * 86400)
    exchange.export_bundle(a, folder / "from-a.monitor-bundle", to=["coordinator"])
    _age(folder / "from-a.monitor-bundle", 60)
    seen = _listing(folder)
    window = MainWindow(c, lang="ru")
    qtbot.addWidget(window)
    try:
        window.inbox.set_folder(folder)
        dialog = InboxDialog(window.inbox, window)
        qtbot.addWidget(dialog)
        window.inbox.check()
        qtbot.waitUntil(lambda: not window.inbox.busy and dialog.table.rowCount() == 2, timeout=30_000)
        rows = {dialog.table.item(r, 1).text(): (dialog.table.item(r, 2).text(), dialog.table.item(r, 3).text())
                for r in range(2)}
        status, reason = rows["old.monitor-bundle"]
        assert status == dialog.status_text(inbox.REFUSED)
        assert reason == bundle.Message("bundle_signing_key_malformed").localize("ru") and "\n" not in reason
        assert rows["from-a.monitor-bundle"][0] == dialog.status_text(inbox.IMPORTED)
        assert not dialog.status.text()  # no error for the scan as a whole
        assert _listing(folder) == seen
    finally:
        window.clear()


def test_export_refuses_a_bundle_with_more_members_than_a_reader_accepts(pair, tmp_path, monkeypatch):
    a, _c = pair
    monkeypatch.setattr(bundle, "MAX_MEMBERS", 2)  # the stock vault's bundle has 3: a photo, audit, revisions
    before = _files(a)
    with pytest.raises(errors.MonitorError) as caught:
        exchange.export_bundle(a, tmp_path / "many.monitor-bundle", to=["coordinator"])
    assert caught.value.message.id == "bundle_too_many_members"
    assert not (tmp_path / "many.monitor-bundle").exists() and list(tmp_path.glob("*.tmp*")) == []
    assert _files(a) == before


# --- manifests made by the holder of a trusted key: every refusal typed, one line, nothing changed --

_ODD_VALUES = [None, 0, -1, 2**70, "", "00", "x" * 300, True, 1.5, [], {}, [[[[[[[[[[]]]]]]]]]], {"name": 1},
               [{"name": "audit.jsonl", "size": -5, "sha256": "0"}], "attachments/../x", "\u202etxt", "\x1b[31m"]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


def _mutated_manifest(rng, manifest: dict, signer) -> tuple[bytes, bytes, str]:
    """A manifest changed one way or another and signed; and which field was changed."""
    import copy

    data = copy.deepcopy(manifest)
    paths = [p for p in _paths(data) if p]
    kind = rng.choice(("replace", "replace", "delete", "add", "bytes"))
    if kind == "bytes":  # the raw bytes themselves, signed as they are (not canonical, maybe not JSON)
        raw = bytearray(bundle.canonical_json(data))
        for _ in range(rng.randrange(1, 4)):
            pos = rng.randrange(len(raw))
            raw[pos:pos + rng.randrange(0, 3)] = rng.choice([b"[", b"]", b"{", b"}", b'"', b"\\", b",", b"\xff", b"0"])
        raw = bytes(raw)
        return raw, signer.sign(bundle.SIGNATURE_CONTEXT + raw), "raw bytes"
    path = rng.choice(paths)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if kind == "replace":
        parent[path[-1]] = rng.choice(_ODD_VALUES)
    elif kind == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent["zz-" + str(rng.randrange(100))] = rng.choice(_ODD_VALUES)
    else:
        parent.insert(path[-1], rng.choice(_ODD_VALUES))
    raw = bundle.canonical_json(data)
    return raw, signer.sign(bundle.SIGNATURE_CONTEXT + raw), f"{kind} {'.'.join(str(p) for p in path[:2])}"


def _run_manifest_mutations(a, c, tmp_path, count: int, seed: int):
    import collections
    import random

    rng = random.Random(seed)
    out = tmp_path / "good.monitor-bundle"
    exchange.export_bundle(a, out, to=["coordinator"])
    plain = io.BytesIO()
    with open(out, "rb") as source:
        pyrage.decrypt_io(source, plain, [pyrage.x25519.Identity.from_str(c.identity.age_identity)])
    with tarfile.open(fileobj=io.BytesIO(plain.getvalue()), mode="r:") as tar:
        members = [(info.name, tar.extractfile(info).read()) for info in tar]
    manifest = json.loads(members[0][1])
    totals: collections.Counter = collections.Counter()
    before = _files(c)
    for i in range(count):
        raw, signature, where = _mutated_manifest(rng, manifest, a.identity)
        target = _seal(c, _tar([("manifest.json", raw), ("manifest.sig", signature), *members[2:]]),
                       tmp_path / f"m{i}.monitor-bundle")
        try:
            exchange.import_bundle(c, target)
        except errors.MonitorError as exc:
            text = str(exc)
            assert "\n" not in text and len(text) < 400, (i, text)
            assert _files(c) == before, f"mutation {i} was refused but changed the vault"
            totals[f"refused ({type(exc).__name__}: {getattr(exc.message, 'id', '?')})"] += 1
        else:
            totals[f"accepted: {where}"] += 1
            before = _files(c)
        target.unlink()
    return totals


def test_manifests_mutated_and_re_signed_by_a_trusted_key_are_refused_on_one_typed_line(pair, tmp_path):
    a, c = pair
    totals = _run_manifest_mutations(a, c, tmp_path, 120, seed=17)
    print(f"\nre-signed manifest mutations: {sum(totals.values())}")
    for key, n in sorted(totals.items()):
        print(f"  {n:5}  {key}")
    assert sum(totals.values()) == 120


@pytest.mark.slow
def test_many_manifests_mutated_and_re_signed_by_a_trusted_key(pair, tmp_path):
    a, c = pair
    totals = _run_manifest_mutations(a, c, tmp_path, 1500, seed=20261207)
    print(f"\nre-signed manifest mutations: {sum(totals.values())}")
    for key, n in sorted(totals.items()):
        print(f"  {n:5}  {key}")
    assert sum(totals.values()) == 1500
