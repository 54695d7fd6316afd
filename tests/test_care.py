"""Backup copies: the vault and every file it needs to open, atomically, intact; passphrase check."""

from __future__ import annotations

import hashlib

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, reopen
from records import new_case

from monitor.core.store.care import backup, passphrase_opens, vault_files
from monitor.core.errors import Cancelled, MonitorError
from monitor.core.store.vault import Vault


def case(n: int) -> dict:
    return new_case(f"00000000-0000-4000-8000-{n:012d}", code=f"KZ-2026-{n:04d}", title="Қамауда ұрып-соғу",
                    status="investigation")


def test_backup_copies_the_vault_and_its_sibling_files(vault, vault_path, tmp_path):
    vault.put(case(1))
    keyslot = vault_path.with_name(vault_path.name + ".keyslot")
    key_material = keyslot.read_bytes()
    assert vault_path.with_name(vault_path.name + "-wal").exists()  # the WAL is not copied
    target = tmp_path / "usb" / "copy.vault"
    target.parent.mkdir()
    written = backup(vault, target)
    assert written == [target, target.with_name("copy.vault.keyslot")]
    assert target.with_name("copy.vault.keyslot").read_bytes() == key_material
    assert not target.with_name("copy.vault-wal").exists()
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.vault", "copy.vault.keyslot"]  # no temp left
    vault.put(case(2))  # the original goes on; the copy is the state at backup time
    with Vault.open(target, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as copy:
        assert copy.counts() == {"case": 1} or copy.counts().get("case") == 1
        assert copy.verify().ok


def test_backup_refuses_the_vault_itself_and_its_name(vault, vault_path):
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # what opening wrote is in the file, not the WAL
    before = hashlib.sha256(vault_path.read_bytes()).hexdigest()
    with pytest.raises(MonitorError):
        backup(vault, vault_path)
    with pytest.raises(MonitorError):
        backup(vault, vault_path.with_name(vault_path.name + ".bak"))  # would become its sibling
    vault.close()
    assert hashlib.sha256(vault_path.read_bytes()).hexdigest() == before


def test_cancelled_backup_leaves_the_old_copy_untouched(vault, tmp_path):
    import threading

    target = tmp_path / "copy.vault"
    target.write_bytes(b"the previous backup")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        backup(vault, target, cancel=cancel)
    assert target.read_bytes() == b"the previous backup"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".copy")] == []


def test_vault_files_ignores_companions_and_lookalikes(vault_path, vault):
    (vault_path.parent / "other.vault").write_bytes(b"x")
    (vault_path.parent / f".{vault_path.name}.lock").write_bytes(b"1")
    # the vault and its key file, not the lock file nor another vault
    assert vault_files(vault_path) == [vault_path, vault_path.with_name(vault_path.name + ".keyslot")]


def test_passphrase_opens(vault, vault_path):
    assert passphrase_opens(vault_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert not passphrase_opens(vault_path, "granite willow harbour seventeen", kdf_iter=TEST_KDF_ITER)
    reopen(vault_path).close()
