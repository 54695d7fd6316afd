"""``Vault.rekey`` / ``monitor passwd --rekey``: a new data key, the whole vault re-encrypted, the
old key file destroyed (issue 17 §4). Crashes at every step are in tests/hardening/test_kill9.py."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import PASSPHRASE, STOCK_BLOB, TEST_KDF, data_key, put_full_set
from records import SECRET, uid

from monitor.core import db
from monitor.core.errors import Cancelled, MonitorError, WrongPassphrase
from monitor.core.keys import keyslot
from monitor.core.store import opening
from monitor.core.store.vault import Vault

NEW = "granite willow harbour seventeen"


@pytest.fixture
def full(tmp_path):
    path = tmp_path / "v" / "r.vault"
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF) as v:
        put_full_set(v)
        v.store_blob(io.BytesIO(os.urandom(3 * 1024 * 1024)))  # more than one 1 MiB chunk
    return path


def _opens_nothing(directory: Path, key: bytes) -> list[str]:
    """Names of the files in ``directory`` that the raw ``key`` decrypts (should be none)."""
    opened = []
    for path in sorted(directory.iterdir()):
        if not path.is_file():
            continue
        probe = directory.parent / f"probe-{path.name}"
        shutil.copyfile(path, probe)  # never open the vault itself with a wrong key
        try:
            conn = db.connect(probe, data_key=key)
        except MonitorError:
            pass
        else:
            conn.close()
            opened.append(path.name)
        finally:
            for leftover in probe.parent.glob(probe.name + "*"):
                leftover.unlink()
    return opened


def test_rekey_changes_the_data_key_and_keeps_everything(full):
    old_key = bytes(data_key(full))
    old_salt = keyslot.vault_salt(full)
    with Vault.open(full, PASSPHRASE) as v:
        digest, counts = v.digest(), v.counts()
        v.rekey(NEW, kdf=TEST_KDF)
        assert v.is_open and v.counts() == counts  # the window carries on, on the new key
    new_key = bytes(data_key(full, NEW))
    assert new_key != old_key and keyslot.vault_salt(full) != old_salt
    with pytest.raises(WrongPassphrase):
        Vault.open(full, PASSPHRASE)
    with Vault.open(full, NEW) as v:
        assert v.digest() == digest and v.counts() == counts
        assert SECRET in v.get(uid(7))["narrative"]
        sha = __import__("hashlib").sha256(STOCK_BLOB).hexdigest()
        assert b"".join(v.read_attachment(sha)) == STOCK_BLOB  # attachments live in the database
        report = v.verify()
        assert report.ok, report.problems
        assert v.conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert v.conn.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0] == "vault-rekeyed"
    assert sorted(p.name for p in full.parent.iterdir()) == ["r.vault", "r.vault.keyslot"]


def test_the_old_key_file_with_the_old_passphrase_opens_nothing_afterwards(full, tmp_path):
    stolen = tmp_path / "stolen.keyslot"
    shutil.copyfile(keyslot.path_for(full), stolen)  # a copy taken before the rekey
    old_db = full.read_bytes()
    # Second names of the same inodes: what an in-place overwrite reaches and a rename does not.
    linked = tmp_path / "linked"
    linked.mkdir()
    os.link(keyslot.path_for(full), linked / "same-blocks.vault.keyslot")
    os.link(full, linked / "same-blocks.vault")
    with Vault.open(full, PASSPHRASE) as v:
        v.rekey(NEW, kdf=TEST_KDF)
    # The stolen copy still unwraps with the old passphrase: that is what a thief would have...
    shutil.copyfile(stolen, tmp_path / "x.vault.keyslot")
    old_key = bytes(keyslot.read(tmp_path / "x.vault").unwrap(PASSPHRASE)[0])
    probe = tmp_path / "old-copy.vault"
    probe.write_bytes(old_db)
    conn = db.connect(probe, data_key=old_key)  # ...and it did open the vault as it was
    conn.close()
    # ...but it opens nothing left beside the vault now, neither the new database nor any leftover.
    assert _opens_nothing(full.parent, old_key) == []
    assert _opens_nothing(full.parent, bytes(data_key(full, NEW))) == ["r.vault"]  # the check can succeed
    # The old key file and the old database were overwritten in place, not merely renamed over.
    with pytest.raises(MonitorError):
        keyslot.read(linked / "same-blocks.vault")
    assert _opens_nothing(linked, old_key) == []
    # The key file now is bound to the new database.
    assert keyslot.read(full).vault_salt == keyslot.vault_salt(full)


def test_cancel_before_the_copy_is_complete_leaves_the_old_vault(full):
    cancel = threading.Event()
    seen = []

    def progress(done, total, what):
        seen.append(done)
        if done == 1:
            cancel.set()

    with Vault.open(full, PASSPHRASE) as v:
        digest = v.digest()
        with pytest.raises(Cancelled):
            v.rekey(NEW, kdf=TEST_KDF, progress=progress, cancel=cancel)
        assert v.is_open and v.digest() == digest
    assert sorted(p.name for p in full.parent.iterdir()) == ["r.vault", "r.vault.keyslot"]
    with Vault.open(full, PASSPHRASE) as v:
        assert v.digest() == digest
    with pytest.raises(WrongPassphrase):
        Vault.open(full, NEW)


def test_a_crash_just_after_the_commit_point_is_finished_at_the_next_open(full, monkeypatch):
    with Vault.open(full, PASSPHRASE) as v:
        digest = v.digest()

    real, calls = opening.finish_rekey, []

    def crash(path):
        calls.append(path)
        if len(calls) == 1:  # the tidy-up before the copy starts
            return real(path)
        raise SystemExit("killed")  # the process dies right after the copy took the vault's name

    with Vault.open(full, PASSPHRASE) as v:
        monkeypatch.setattr(opening, "finish_rekey", crash)
        with pytest.raises(SystemExit):
            v.rekey(NEW, kdf=TEST_KDF)
        monkeypatch.undo()
    names = sorted(p.name for p in full.parent.iterdir())
    assert any(".retired-" in n for n in names) and any(n.endswith(".keyslot") and ".rekeying-" in n for n in names)
    with pytest.raises(WrongPassphrase):  # the open finishes the rekey first: the old key file is gone
        Vault.open(full, PASSPHRASE)
    with Vault.open(full, NEW) as v:
        assert v.digest() == digest
        assert v.verify().ok
    assert sorted(p.name for p in full.parent.iterdir()) == ["r.vault", "r.vault.keyslot"]


def test_a_crash_just_before_the_commit_point_is_undone_at_the_next_open(full, monkeypatch):
    real_replace = os.replace

    def crash(src, dst, *a, **k):
        if ".rekeying-" in str(src) and not str(src).endswith(".keyslot"):
            raise SystemExit("killed")
        return real_replace(src, dst, *a, **k)

    with Vault.open(full, PASSPHRASE) as v:
        digest = v.digest()
        monkeypatch.setattr(os, "replace", crash)
        with pytest.raises(SystemExit):
            v.rekey(NEW, kdf=TEST_KDF)
        monkeypatch.undo()
    with pytest.raises(WrongPassphrase):
        Vault.open(full, NEW)
    with Vault.open(full, PASSPHRASE) as v:  # the retired name was the vault itself: only unlinked
        assert v.digest() == digest
        assert v.verify().ok
    assert sorted(p.name for p in full.parent.iterdir()) == ["r.vault", "r.vault.keyslot"]


def test_cli_passwd_rekey(full, tmp_path):
    (tmp_path / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "new").write_text(NEW + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["MONITOR_PASSPHRASE_FILE"] = str(tmp_path / "pass")
    old_key = bytes(data_key(full))
    result = subprocess.run([sys.executable, "-m", "monitor", "passwd", "--rekey", "--new-passphrase-file",
                             str(tmp_path / "new"), "--vault", str(full)], env=env, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "new data key" in result.stdout
    assert bytes(data_key(full, NEW)) != old_key
    with pytest.raises(WrongPassphrase):
        Vault.open(full, PASSPHRASE)


def test_window_action_rekeys_on_a_worker(qtbot, full, tmp_path):
    """The Vault menu's "My passphrase or laptop may be compromised…": current and new passphrase,
    a worker with progress; the window stays unlocked on the new key."""
    from PySide6.QtWidgets import QApplication

    from monitor.gui.dialogs.rekey import RekeyDialog
    from monitor.gui.session import Session
    from monitor.gui.settings import Settings

    session = Session(full, kdf=TEST_KDF, settings=Settings(path=tmp_path / "config" / "settings.json"))
    dialog = session.start()
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(session.unlocked, timeout=20000):
        dialog.unlock()
    window = session.window
    qtbot.addWidget(window)
    assert window.rekey_action in window.vault_menu.actions()
    old_key = bytes(data_key(full))
    window.rekey_action.trigger()
    rekey = next(w for w in QApplication.topLevelWidgets() + window.findChildren(RekeyDialog)
                 if isinstance(w, RekeyDialog))
    rekey.current.setText("not the passphrase at all")
    rekey.new.setText(NEW)
    rekey.again.setText(NEW)
    rekey.start()
    qtbot.waitUntil(lambda: not rekey.busy, timeout=30000)
    assert rekey.error.text() != "" and bytes(data_key(full)) == old_key  # nothing changed
    rekey.current.setText(PASSPHRASE)
    rekey.new.setText(NEW)
    rekey.again.setText(NEW)
    rekey.start()
    qtbot.waitUntil(lambda: not rekey.busy, timeout=60000)
    assert rekey.error.text() == "", rekey.error.text()
    assert session.vault is not None and session.vault.still_there() and session.vault.get(uid(7))
    assert bytes(data_key(full, NEW)) != old_key
    session.shutdown()
    with pytest.raises(WrongPassphrase):
        Vault.open(full, PASSPHRASE)
    Vault.open(full, NEW).close()


def test_an_open_elsewhere_during_a_rekey_leaves_its_copy_alone(full):
    """Another process opening the vault mid-rekey runs the recovery; it must not take the live
    copy for a crash's leftover (the rekeying process holds a lock on it)."""
    seen = []

    def progress(done, total, what):
        if done in (2, 3):  # the copy is complete and checked (2), and its key file written (3)
            copies = [p for p in full.parent.iterdir() if ".rekeying-" in p.name]
            assert copies
            opening.finish_rekey(full)  # what Vault.open in another process does first
            seen.append([p for p in copies if p.exists()])

    with Vault.open(full, PASSPHRASE) as v:
        v.rekey(NEW, kdf=TEST_KDF, progress=progress)
    assert len(seen) == 2 and all(seen), "the recovery destroyed the copy of a rekey in progress"
    with Vault.open(full, NEW) as v:
        assert v.verify().ok


def test_wipe_after_an_interrupted_rekey_leaves_nothing(full, monkeypatch):
    """A crash mid-rekey leaves a copy under the new key and its key file until the next open; a
    wipe before that open must destroy them too."""
    from monitor.core.keys.wipe import wipe_files

    real, calls = opening.finish_rekey, []

    def crash(path):
        calls.append(path)
        if len(calls) == 1:
            return real(path)
        raise SystemExit("killed")

    with Vault.open(full, PASSPHRASE) as v:
        monkeypatch.setattr(opening, "finish_rekey", crash)
        with pytest.raises(SystemExit):
            v.rekey(NEW, kdf=TEST_KDF)
        monkeypatch.undo()
    assert any(".rekeying-" in p.name for p in full.parent.iterdir())
    wipe_files(full)
    assert list(full.parent.iterdir()) == []


def test_a_crash_between_destroying_the_old_key_file_and_renaming_the_new_one(full, monkeypatch):
    """The moment with no readable key file under the vault's name: the old one is random bytes,
    the new one still beside the copy's old name. The next open must finish, not call it damage."""
    real_replace = os.replace

    def crash(src, dst, *a, **k):
        if str(src).endswith(keyslot.SUFFIX) and ".rekeying-" in str(src):
            raise SystemExit("killed")
        return real_replace(src, dst, *a, **k)

    with Vault.open(full, PASSPHRASE) as v:
        digest = v.digest()
        monkeypatch.setattr(os, "replace", crash)
        with pytest.raises(SystemExit):
            v.rekey(NEW, kdf=TEST_KDF)
        monkeypatch.undo()
    with pytest.raises(MonitorError):
        keyslot.read(full)  # the old key file was overwritten in place: not a key file any more
    with pytest.raises(WrongPassphrase):
        Vault.open(full, PASSPHRASE)
    with Vault.open(full, NEW) as v:
        assert v.digest() == digest and v.verify().ok
    assert sorted(p.name for p in full.parent.iterdir()) == ["r.vault", "r.vault.keyslot"]
