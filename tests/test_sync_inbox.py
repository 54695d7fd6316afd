"""The inbox folder: new bundles merged on their own, the folder never written to, refusals kept aside."""

from __future__ import annotations

import hashlib
import os
import time

import pytest
from records import new_person, uid
from test_sync_bundles import file_digest, make, stock, trio  # noqa: F401 (a fixture)

from monitor.core import errors
from monitor.core.sync import exchange, inbox


def _listing(folder):
    """Every entry under ``folder`` with its bytes' hash: proof that the scan wrote nothing there."""
    out = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = os.path.join(root, name)
            data = b"" if os.path.isdir(path) or os.path.islink(path) else open(path, "rb").read()
            out[os.path.relpath(path, folder)] = hashlib.sha256(data).hexdigest()
    return out


def _age(path, seconds=60):
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


@pytest.fixture
def box(trio, tmp_path):
    a, b, c = trio
    folder = tmp_path / "Входящие — inbox"
    folder.mkdir()
    stock(a)
    exchange.export_bundle(a, folder / "from-a.monitor-bundle", to=["coordinator"])
    b.put(new_person(uid(700), code="P-2026-0700"))
    exchange.export_bundle(b, folder / "from-b.age", to=["coordinator"])
    stranger = make(tmp_path, "stranger", "Бейтаныс")
    stranger.put(new_person(uid(800), code="P-2026-0800"))
    exchange.export_bundle(stranger, folder / "stranger.monitor-bundle", to=[c.identity.age_recipient])
    stranger_fingerprint = exchange.bundle.Manifest({"exporter": {"signing_key": stranger.identity.signing_public.hex()}},
                                                    b"", b"").fingerprint
    stranger.close()
    good = (folder / "from-a.monitor-bundle").read_bytes()
    (folder / "cut.monitor-bundle").write_bytes(good[: len(good) // 2])  # a damaged copy
    (folder / "half.monitor-bundle.part").write_bytes(good[:100])  # a sync tool still writing
    (folder / ".hidden.monitor-bundle").write_bytes(good)
    (folder / "notes.txt").write_text("not a bundle")
    (folder / "sub.monitor-bundle").mkdir()
    os.symlink(folder / "from-a.monitor-bundle", folder / "link.monitor-bundle")
    for entry in folder.iterdir():
        _age(entry)
    return a, b, c, folder, stranger_fingerprint


def test_a_scan_merges_new_bundles_and_writes_nothing_in_the_folder(box):
    a, b, c, folder, stranger_fingerprint = box
    with pytest.raises(errors.MonitorError, match="no inbox folder"):
        inbox.scan(c)
    inbox.set_folder(c.conn, folder)
    assert inbox.folder(c.conn) == folder.absolute()
    before = _listing(folder)
    handled: dict = {}
    seen = inbox.scan(c, handled=handled)
    status = {o.name: o.status for o in seen}
    assert status == {"from-a.monitor-bundle": "imported", "from-b.age": "imported", "stranger.monitor-bundle":
                      "unknown-signer", "cut.monitor-bundle": "refused"}, status
    by_name = {o.name: o for o in seen}
    assert by_name["stranger.monitor-bundle"].fingerprint == stranger_fingerprint
    assert "truncated" in by_name["cut.monitor-bundle"].message or "damaged" in by_name["cut.monitor-bundle"].message
    assert c.get(uid(700))["code"] == "P-2026-0700" and c.get(uid(3)) == a.get(uid(3))
    with pytest.raises(errors.RecordNotFound):
        c.get(uid(800))
    assert _listing(folder) == before
    # the next scan looks only at what changed: the waiting bundle, until it is trusted
    digest = file_digest(c)
    again = inbox.scan(c, handled=handled)
    assert [(o.name, o.status) for o in again] == [("stranger.monitor-bundle", "unknown-signer")]
    assert file_digest(c) == digest  # a refusal or a wait changes nothing
    trusted = inbox.scan(c, handled=handled, trust=[stranger_fingerprint])
    assert [(o.name, o.status) for o in trusted] == [("stranger.monitor-bundle", "imported")]
    assert c.get(uid(800))["code"] == "P-2026-0800"
    assert inbox.scan(c, handled=handled) == []
    # a fresh session: everything is looked at again; merged bundles are recognised by their hash
    fresh = {o.name: o.status for o in inbox.scan(c)}
    assert fresh["from-a.monitor-bundle"] == "replay" and fresh["cut.monitor-bundle"] == "refused"
    assert _listing(folder) == before


def test_a_file_still_being_written_waits(box):
    _a, _b, c, folder, _fp = box
    late = folder / "late.monitor-bundle"
    late.write_bytes((folder / "from-b.age").read_bytes())
    handled: dict = {}
    assert "late.monitor-bundle" not in {o.name for o in inbox.scan(c, folder, handled=handled)}
    _age(late)
    assert [(o.name, o.status) for o in inbox.scan(c, folder, handled=handled)] == [
        ("stranger.monitor-bundle", "unknown-signer"), ("late.monitor-bundle", "replay")]  # oldest first


def test_a_refused_file_is_retried_once_it_changes(box):
    a, _b, c, folder, _fp = box
    handled: dict = {}
    inbox.scan(c, folder, handled=handled)
    cut = folder / "cut.monitor-bundle"
    a.put(new_person(uid(701), code="P-2026-0701"))
    exchange.export_bundle(a, cut, to=["coordinator"])  # the sync tool finished the file
    _age(cut, 30)
    assert [(o.name, o.status) for o in inbox.scan(c, folder, handled=handled) if o.status != "unknown-signer"] == [
        ("cut.monitor-bundle", "imported")]
    assert c.get(uid(701))["code"] == "P-2026-0701"


def test_setting_the_folder(trio, tmp_path):
    _a, _b, c = trio
    with pytest.raises(errors.MonitorError, match="is not a folder"):
        inbox.set_folder(c.conn, tmp_path / "missing")
    inbox.set_folder(c.conn, tmp_path)
    assert inbox.folder(c.conn) == tmp_path
    inbox.set_folder(c.conn, None)
    assert inbox.folder(c.conn) is None


@pytest.mark.process
def test_cli_inbox(tmp_path):
    from test_cli import CLI

    from monitor.core.sync import contacts

    (tmp_path / "a").mkdir()
    (tmp_path / "c").mkdir()
    folder = tmp_path / "inbox"
    folder.mkdir()
    a, c = CLI(tmp_path / "a"), CLI(tmp_path / "c")
    a("init", "--profile", "Айгүл")
    c("init", "--profile", "coordinator")
    c("contacts", "mine", "--role", "coordinator", "--out", str(tmp_path / "coord.contact"))
    coord = contacts.parse((tmp_path / "coord.contact").read_text(encoding="utf-8"))
    a("contacts", "add", str(tmp_path / "coord.contact"), "--fingerprint", coord.fingerprint)
    a("contacts", "mine", "--out", str(tmp_path / "aigul.contact"))
    aigul = contacts.parse((tmp_path / "aigul.contact").read_text(encoding="utf-8"))
    a("export", "--to", "coordinator", "--out", str(folder / "aigul.monitor-bundle"))
    (folder / "junk.monitor-bundle").write_bytes(b"\x00" * 64)
    for entry in folder.iterdir():
        _age(entry)
    assert "no inbox folder" in c("inbox").stdout
    assert str(folder) in c("inbox", "set", str(folder)).stdout
    first = c("inbox", "check", ok=False)
    assert first.returncode == 1
    assert "aigul.monitor-bundle: waits: signed by a device you do not trust yet" in first.stdout
    assert "junk.monitor-bundle: refused: junk.monitor-bundle is not a Monitor bundle" in first.stdout
    assert "0 imported, 0 imported before, 1 waiting for trust, 1 refused" in first.stdout
    second = c("inbox", "check", "--trust", aigul.fingerprint, ok=False)
    assert "aigul.monitor-bundle: 0 new" in second.stdout or "aigul.monitor-bundle: " in second.stdout
    assert "1 imported" in second.stdout
    c.env["MONITOR_LANG"] = "kk"
    assert "бұрын импортталған" in c("inbox", "check", ok=False).stdout
    c.env["MONITOR_LANG"] = "en"
    assert "no longer has an inbox" in c("inbox", "clear").stdout


@pytest.mark.process
def test_cli_inbox_check_goes_on_past_an_old_poison_file(tmp_path):
    """`monitor inbox check` as the issue ran it: a 10 KB poison bundle, made by anyone from the
    coordinator's public contact file and dated a year back, and a good bundle behind it. The first
    check refuses the poison on one line and merges the good one; no traceback."""
    import io
    import json
    import tarfile

    import pyrage
    from test_cli import CLI

    from monitor.core.sync import contacts

    (tmp_path / "a").mkdir()
    (tmp_path / "c").mkdir()
    folder = tmp_path / "inbox"
    folder.mkdir()
    a, c = CLI(tmp_path / "a"), CLI(tmp_path / "c")
    a("init", "--profile", "Айгүл")
    c("init", "--profile", "coordinator")
    c("contacts", "mine", "--role", "coordinator", "--out", str(tmp_path / "coord.contact"))
    coord = contacts.parse((tmp_path / "coord.contact").read_text(encoding="utf-8"))
    a("contacts", "add", str(tmp_path / "coord.contact"), "--fingerprint", coord.fingerprint)
    a("contacts", "mine", "--out", str(tmp_path / "aigul.contact"))
    aigul = contacts.parse((tmp_path / "aigul.contact").read_text(encoding="utf-8"))
    c("contacts", "add", str(tmp_path / "aigul.contact"), "--fingerprint", aigul.fingerprint)
    raw = json.dumps({"exporter": {"signing_key": "00"}, "format": "monitor-bundle", "members": [],
                      "version": 1}).encode()
    plain = io.BytesIO()
    with tarfile.open(fileobj=plain, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in (("manifest.json", raw), ("manifest.sig", b"\0" * 64), ("pad", b"\0" * 8192)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with open(folder / "0-poison.monitor-bundle", "wb") as out:
        pyrage.encrypt_io(io.BytesIO(plain.getvalue()), out, [pyrage.x25519.Recipient.from_str(coord.age_recipient)])
    _age(folder / "0-poison.monitor-bundle", 365 * 86400)
    a("export", "--to", "coordinator", "--out", str(folder / "aigul.monitor-bundle"))
    _age(folder / "aigul.monitor-bundle")
    listing = _listing(folder)
    c("inbox", "set", str(folder))
    first = c("inbox", "check", ok=False)
    assert "Traceback" not in first.stdout + first.stderr and first.returncode == 1
    lines = first.stdout.splitlines()
    refused = [line for line in lines if line.startswith("0-poison.monitor-bundle: refused: ")]
    assert len(refused) == 1 and "signing key" in refused[0], first.stdout
    assert any(line.startswith("aigul.monitor-bundle: ") and "new" in line for line in lines), first.stdout
    assert "1 imported, 0 imported before, 0 waiting for trust, 1 refused" in first.stdout
    assert _listing(folder) == listing
