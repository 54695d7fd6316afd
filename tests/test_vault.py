"""The vault file: creation, opening, wrong passphrase, permissions, WAL, passphrase change, no plaintext."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER, raw_connect, reopen
from records import SECRET, new_facility, new_person, uid

from monitor.core import db
from monitor.core.errors import VaultExists, VaultNotFound, WeakPassphrase, WrongPassphrase
from monitor.core.store.vault import Vault


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_sets_private_permissions_and_wal(vault, vault_path):
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(vault_path.parent.stat().st_mode) == 0o700
    assert vault.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert vault.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # nothing but the vault is left in the directory (no temp names from the atomic creation)
    assert sorted(p.name for p in vault_path.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "test.vault", "test.vault.keyslot"]
    assert stat.S_IMODE(Path(str(vault_path) + ".keyslot").stat().st_mode) == 0o600


def test_default_key_derivation_is_argon2id_at_least_rfc9106_second_setting(tmp_path):
    from monitor.core.keys import keyslot

    with Vault.create(tmp_path / "stock.vault", PASSPHRASE) as v:
        assert v.conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    cost = keyslot.read(tmp_path / "stock.vault").cost(0)
    assert cost == keyslot.DEFAULT_COST
    assert cost.time >= 3 and cost.lanes >= 4 and cost.memory_kib >= 64 * 1024


def test_every_vault_starts_with_its_own_random_salt(vault, vault_path, tmp_path):
    vault.close()
    other = tmp_path / "other" / "other.vault"
    Vault.create(other, PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()
    first, second = vault_path.read_bytes()[:16], other.read_bytes()[:16]
    assert not first.startswith(b"SQLite format 3") and not second.startswith(b"SQLite format 3")
    assert first != second, "two vaults share a salt"
    assert len(set(first)) > 4 and len(set(second)) > 4


@pytest.mark.parametrize("how", ["created", "reopened"])
def test_the_vault_connection_keeps_its_durability_and_privacy_promises(vault, vault_path, how):
    """README: committed records survive power loss (synchronous FULL, WAL); deleted content is
    overwritten (secure_delete); sorts and indexes never spill plaintext to temp files (temp_store MEMORY)."""
    if how == "reopened":
        vault.close()
        vault = reopen(vault_path)
    try:
        def pragma(name):
            return vault.conn.execute(f"PRAGMA {name}").fetchone()[0]

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("secure_delete") == 1
        assert pragma("temp_store") == 2  # MEMORY
        assert pragma("foreign_keys") == 1
    finally:
        vault.close()


def test_weak_passphrase_is_refused_with_advice(tmp_path):
    with pytest.raises(WeakPassphrase) as err:
        Vault.create(tmp_path / "weak.vault", "password123", kdf=TEST_KDF)
    assert "words" in str(err.value)
    assert not (tmp_path / "weak.vault").exists()
    with pytest.raises(WeakPassphrase):
        Vault.create(tmp_path / "weak.vault", "qwertyuiopasdf", kdf=TEST_KDF)


def test_existing_file_is_never_overwritten(vault, vault_path):
    with pytest.raises(VaultExists):
        Vault.create(vault_path, PASSPHRASE, kdf=TEST_KDF)


def test_missing_vault_is_reported_not_created(tmp_path):
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "nope.vault", PASSPHRASE)
    assert not (tmp_path / "nope.vault").exists()


def test_wrong_passphrase_leaves_file_bytes_unchanged(vault, vault_path):
    vault.put(new_facility(uid(1)))
    vault.close()
    before = file_digest(vault_path)
    names_before = sorted(p.name for p in vault_path.parent.iterdir())
    with pytest.raises(WrongPassphrase) as err:
        Vault.open(vault_path, "copper lantern steppe viola", kdf=TEST_KDF)
    assert str(err.value) == "wrong passphrase"
    assert file_digest(vault_path) == before
    assert sorted(p.name for p in vault_path.parent.iterdir()) == names_before


def test_not_a_vault_gives_the_same_error(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("just a text file\n" * 100)
    before = file_digest(other)
    with pytest.raises(WrongPassphrase):
        Vault.open(other, PASSPHRASE)
    assert file_digest(other) == before


@pytest.mark.process
def test_wrong_passphrase_prints_nothing_from_sqlcipher(vault, vault_path):
    vault.close()
    code = (
        "import sys\n"
        "from monitor.core.store.vault import Vault\n"
        "from monitor.core.errors import WrongPassphrase\n"
        f"try:\n    Vault.open({str(vault_path)!r}, 'not the passphrase')\n"
        "except WrongPassphrase:\n    sys.exit(7)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 7
    assert result.stderr == ""
    assert result.stdout == ""


def test_passphrase_is_normalised_nfc(tmp_path):
    import unicodedata

    composed = "ёлка йогурт қазақ тілі әрқашан"  # ё and й decompose; the Kazakh letters do not
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    Vault.create(tmp_path / "kk.vault", composed, kdf=TEST_KDF).close()
    Vault.open(tmp_path / "kk.vault", decomposed, kdf=TEST_KDF).close()


def test_change_passphrase(vault, vault_path):
    vault.put(new_facility(uid(1)))
    new = "granite willow harbour seventeen"
    vault.change_passphrase(new, kdf=TEST_KDF)
    vault.close()
    with pytest.raises(WrongPassphrase):
        reopen(vault_path)
    with Vault.open(vault_path, new, kdf=TEST_KDF) as v:
        assert v.get(uid(1))["name"] == "СИЗО-1"
        assert v.verify().ok


def test_change_to_weak_passphrase_refused(vault, vault_path):
    with pytest.raises(WeakPassphrase):
        vault.change_passphrase("12345")
    vault.close()
    reopen(vault_path).close()


def test_no_plaintext_in_vault_or_wal_while_open(vault, vault_path):
    vault.put(new_person(uid(1), identity={"name_cyrillic": SECRET}))
    wal = Path(str(vault_path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the change is in the WAL right now
    needles = [SECRET.encode("utf-8"), "Әбілқасымов".encode("utf-8"), b"P-2026-0001", b"person"]
    for path in (vault_path, wal):
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"{needle!r} found in {path.name}"


def test_locked_vault_refuses_work(vault):
    vault.lock()
    from monitor.core.errors import VaultLocked

    with pytest.raises(VaultLocked):
        vault.counts()


def test_interrupted_creation_leaves_nothing(tmp_path):
    target = tmp_path / "v" / "demo.vault"

    def boom(v):
        v.put(new_facility(uid(1)))
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        Vault.create(target, PASSPHRASE, kdf=TEST_KDF, populate=boom)
    assert list(target.parent.iterdir()) == []


def test_connect_checks_wal_mode(vault_path, vault):
    vault.close()
    conn = raw_connect(vault_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert os.path.exists(vault_path)


def test_an_empty_file_is_never_turned_into_a_vault(tmp_path):
    empty = tmp_path / "empty.vault"
    empty.touch(mode=0o600)
    with pytest.raises(WrongPassphrase):
        Vault.open(empty, PASSPHRASE, kdf=TEST_KDF)
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.vault"]



def test_write_wait_bounds_how_long_a_write_waits_for_long_work(tmp_path):
    import threading

    from monitor.core.errors import VaultBusy

    vault = Vault.create(tmp_path / "busy.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    try:
        holding, release = threading.Event(), threading.Event()

        def long_work():
            with vault._lock:
                holding.set()
                release.wait(30)

        worker = threading.Thread(target=long_work)
        worker.start()
        holding.wait(10)
        vault.write_wait = 0.05
        try:
            with pytest.raises(VaultBusy, match="busy with a long task"):
                vault.put(new_person("00000000-0000-4000-8000-000000000001"))
        finally:
            release.set()
            worker.join()
        assert vault.counts().get("person", 0) == 0
        vault.put(new_person("00000000-0000-4000-8000-000000000001"))
        assert vault.counts()["person"] == 1
    finally:
        vault.close()
