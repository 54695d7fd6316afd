"""The key file: a random data key wrapped by Argon2id, passwd rewrapping in place, conversion of
vaults from before key files, and telling a wrong passphrase from a damaged vault."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER, data_key, make_legacy_vault, raw_connect, reopen
from records import SECRET, full_set, new_facility, uid

from monitor.core import db
from monitor.core.keys import keyslot
from monitor.core.store import legacy
from monitor.core.errors import KeyFileDamaged, VaultDamaged, VaultExists, WrongPassphrase
from monitor.core.store.vault import Vault

NEW = "granite willow harbour seventeen"
HERE = Path(__file__).parent


def slot_file(path: Path) -> Path:
    return Path(str(path) + ".keyslot")


def stock(vault: Vault) -> list[dict]:
    import io

    blob = vault.store_blob(io.BytesIO(b"\x89PNG photo" * 300))
    records = full_set(blob.sha256, blob.size)
    vault.put_many(records)
    return records


def test_the_database_is_keyed_by_a_random_data_key_not_the_passphrase(vault, vault_path):
    vault.close()
    key = data_key(vault_path)
    assert len(key) == 32
    with pytest.raises(WrongPassphrase):  # the passphrase itself, as SQLCipher's key, opens nothing
        db.connect(vault_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    raw = slot_file(vault_path).read_bytes()
    assert len(raw) == 4096 and raw.startswith(b"MonitorKeySlot\x00\x01")
    assert raw[16:32] == vault_path.read_bytes()[:16]  # bound to this database
    assert key not in raw and key.hex().encode() not in raw
    other = vault_path.with_name("other.vault")
    Vault.create(other, PASSPHRASE, kdf=TEST_KDF).close()
    assert data_key(other) != key


@pytest.mark.process
def test_memory_security_is_on_in_the_window_process_only(vault, vault_path):
    """docs/desktop.md: on where a locked window may sit in memory, off in short CLI processes."""
    vault.close()
    probe = ("import sys; from monitor.core.store.vault import Vault; from monitor.core.keys.keyslot import TEST_COST\n"
             "if sys.argv[2] == 'window':\n"
             "    import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
             "    from PySide6.QtWidgets import QApplication; app = QApplication([]); from monitor.gui.session import Session\n"
             "    Session(__import__('pathlib').Path(sys.argv[1]))\n"
             "v = Vault.open(sys.argv[1], " + repr(PASSPHRASE) + ")\n"
             "print(v.conn.execute('PRAGMA cipher_memory_security').fetchone()[0]); v.close()\n")
    for where, expected in (("cli", "0"), ("window", "1")):
        out = subprocess.run([sys.executable, "-c", probe, str(vault_path), where], capture_output=True, text=True, check=False,
                             timeout=120)
        assert out.stdout.strip() == expected, (where, out.stdout, out.stderr[-2000:])


@pytest.mark.process
def test_independent_program_opens_the_vault_from_the_documented_format(vault, vault_path, tmp_path):
    records = stock(vault)
    vault.close()
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-I", str(HERE / "independent_open.py"), str(vault_path), str(passfile)],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    got = {r["id"]: r["body"] for r in map(json.loads, result.stdout.splitlines())}
    assert len(got) == len(records)
    for record in records:
        assert got[record["id"]] == record
    assert "monitor" not in (HERE / "independent_open.py").read_text().split('"""')[2].replace("Monitor", "")


def test_passwd_rewraps_in_place_without_touching_the_database(vault, vault_path):
    stock(vault)
    vault.close()
    vault = reopen(vault_path)
    before_db = vault_path.read_bytes()
    key_before = data_key(vault_path)
    slot_path = slot_file(vault_path)
    inode = slot_path.stat().st_ino
    old_slot = slot_path.read_bytes()[512:1024]
    vault.change_passphrase(NEW, kdf=TEST_KDF)
    vault.close()
    assert slot_path.stat().st_ino == inode  # the same file, rewritten in place
    assert data_key(vault_path, NEW) == key_before
    assert old_slot[16:108] not in slot_path.read_bytes()  # the old wrapping is gone from the file
    with pytest.raises(WrongPassphrase):
        reopen(vault_path)
    with Vault.open(vault_path, NEW) as v:
        assert v.verify().ok
    # the database pages were not re-encrypted (only the audit entry was appended)
    assert vault_path.read_bytes()[:4096] == before_db[:4096]


def test_interrupted_passwd_leaves_a_key_file_that_opens_with_either_passphrase(vault, vault_path, monkeypatch):
    vault.close()
    vault = reopen(vault_path)
    real = keyslot.write_slot
    calls = []

    def cut(path, index, slot):
        calls.append(index)
        if len(calls) == 2:
            raise KeyboardInterrupt  # power cut before the old slot is destroyed
        real(path, index, slot)

    monkeypatch.setattr(keyslot, "write_slot", cut)
    with pytest.raises(KeyboardInterrupt):
        vault.change_passphrase(NEW, kdf=TEST_KDF)
    vault.close()
    monkeypatch.undo()
    reopen(vault_path).close()
    Vault.open(vault_path, NEW).close()


def test_a_missing_key_file_is_refused_and_never_recreated(vault, vault_path):
    vault.close()
    slot_file(vault_path).unlink()
    before = vault_path.read_bytes()
    with pytest.raises(WrongPassphrase, match="this vault's key file is missing: .*test.vault.keyslot"):
        reopen(vault_path)
    assert not slot_file(vault_path).exists()
    assert vault_path.read_bytes() == before
    with pytest.raises(VaultExists):
        Vault.create(vault_path, PASSPHRASE, kdf=TEST_KDF)


def test_create_refuses_to_reuse_a_key_file_left_without_its_vault(vault, vault_path, tmp_path):
    vault.close()
    moved = tmp_path / "elsewhere.vault"
    shutil.move(vault_path, moved)
    with pytest.raises(VaultExists, match="key file already exists"):
        Vault.create(vault_path, PASSPHRASE, kdf=TEST_KDF)
    assert not vault_path.exists()


def outcome(path: Path) -> str:
    """How a damaged vault is reported: never as a wrong passphrase, never accepted."""
    try:
        with reopen(path) as v:
            v.summary()
            return "verify found it" if not v.verify().ok else "accepted"
    except VaultDamaged:
        return "damaged"
    except db.DatabaseError:
        return "database error"


def test_wrong_passphrase_versus_damaged_vault_versus_damaged_key_file(vault, vault_path):
    stock(vault)
    vault.close()
    pristine = vault_path.read_bytes()
    with pytest.raises(WrongPassphrase, match="^wrong passphrase$"):
        Vault.open(vault_path, NEW)
    # a flipped bit: the key file proves the passphrase, so the file is called damaged
    damaged = bytearray(pristine)
    damaged[8] ^= 0x10  # in SQLCipher's salt, which the key file is bound to
    vault_path.write_bytes(bytes(damaged))
    with pytest.raises(VaultDamaged, match="^the vault file is damaged"):
        reopen(vault_path)
    for offset in (100, 4096 * 3 + 100, len(pristine) - 10):  # in page 1, a middle page, the last page
        damaged = bytearray(pristine)
        damaged[offset] ^= 0x10
        vault_path.write_bytes(bytes(damaged))
        assert outcome(vault_path) in ("damaged", "verify found it", "database error")
    vault_path.write_bytes(pristine[:4096 * 2])  # truncated
    assert outcome(vault_path) in ("damaged", "verify found it", "database error")
    vault_path.write_bytes(pristine)
    # a flipped bit in the key file: damaged key file, not a wrong passphrase
    raw = bytearray(slot_file(vault_path).read_bytes())
    raw[512 + 70] ^= 1
    slot_file(vault_path).write_bytes(bytes(raw))
    with pytest.raises(KeyFileDamaged, match="key file"):
        reopen(vault_path)


def test_a_key_file_that_asks_for_a_lower_cost_is_refused(vault, vault_path):
    """The cost is authenticated: rewriting it (and fixing the checksum) only breaks the unlock."""
    import hashlib
    import struct

    vault.close()
    raw = bytearray(slot_file(vault_path).read_bytes())
    slot = bytearray(raw[512:1024])
    struct.pack_into(">I", slot, 8, 32)  # memory 64 KiB -> 32 KiB
    slot[480:] = hashlib.sha256(bytes([0]) + bytes(slot[:480])).digest()
    raw[512:1024] = slot
    slot_file(vault_path).write_bytes(bytes(raw))
    with pytest.raises(WrongPassphrase):
        reopen(vault_path)


def test_a_vault_from_before_key_files_converts_on_first_unlock_and_the_old_file_is_wiped(tmp_path):
    path = tmp_path / "old.vault"
    records = []

    def populate(v):
        records.extend(stock(v))

    make_legacy_vault(path, populate=populate)
    old_copy = tmp_path / "link-to-old"
    os.link(path, old_copy)  # keeps the old inode alive, as free blocks would keep its bytes
    assert not slot_file(path).exists()
    with reopen(path) as v:
        for record in records:
            assert v.get(record["id"]) == record
        assert v.verify().ok
    assert slot_file(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link-to-old", "old.vault", "old.vault.keyslot"]
    # the old file's bytes were overwritten in place: the old passphrase-keyed pages are gone
    with pytest.raises(WrongPassphrase):
        db.connect(old_copy, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    assert SECRET.encode() not in old_copy.read_bytes()
    # and the converted vault opens from its key file, with the same passphrase
    raw_connect(path).close()


def test_an_interrupted_conversion_is_finished_by_the_next_unlock(tmp_path, monkeypatch):
    path = tmp_path / "old.vault"
    make_legacy_vault(path, populate=lambda v: v.put(new_facility(uid(1))))

    def crash(*args):
        raise KeyboardInterrupt  # after the key file was written, before the rename

    monkeypatch.setattr(legacy, "_replace_and_wipe", crash)
    with pytest.raises(KeyboardInterrupt):
        reopen(path)
    monkeypatch.undo()
    assert slot_file(path).exists()
    assert any(p.name.startswith(".old.vault.converting-") for p in tmp_path.iterdir())
    with reopen(path) as v:
        assert v.get(uid(1))["name"] == "СИЗО-1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.vault", "old.vault.keyslot"]


def test_the_legacy_fixture_converts_with_production_costs(tmp_path):
    fixture = HERE / "fixtures" / "vault-v3.vault"
    path = tmp_path / "v3.vault"
    shutil.copyfile(fixture, path)
    with Vault.open(path, PASSPHRASE) as v:
        assert v.verify().ok
    assert keyslot.read(path).cost(0) == keyslot.DEFAULT_COST


def test_a_damaged_spare_slot_is_reported_and_cleared_a_damaged_header_refused(vault, vault_path):
    vault.close()
    path = slot_file(vault_path)
    raw = bytearray(path.read_bytes())
    raw[512 * 4 + 100] ^= 0x01  # slot 3, an empty spare
    path.write_bytes(bytes(raw))
    with reopen(vault_path) as v:
        assert v.warnings and "damaged spare slot" in v.warnings[0]
    assert keyslot.read(vault_path).damaged == ()
    with reopen(vault_path) as v:
        assert v.warnings == []
    with pytest.raises(WrongPassphrase):  # a spare slot's damage never hides a wrong passphrase
        raw = bytearray(path.read_bytes())
        raw[512 * 5 + 7] ^= 0x01
        path.write_bytes(bytes(raw))
        Vault.open(vault_path, NEW)
    raw = bytearray(path.read_bytes())
    raw[20] ^= 0x01  # the binding, in the header
    path.write_bytes(bytes(raw))
    with pytest.raises(KeyFileDamaged, match="header"):
        reopen(vault_path)


@pytest.mark.process
def test_a_creation_killed_between_key_file_and_rename_is_finished_by_open(tmp_path):
    path = tmp_path / "new.vault"
    child = f"""
import os, sys
sys.path.insert(0, {str(HERE)!r})
from conftest import PASSPHRASE, TEST_KDF
import monitor.core.store.opening as opening_module
from monitor.core.store.vault import Vault
real = os.replace
def killed(src, dst):
    if str(dst) == {str(path)!r}:
        os._exit(9)  # as SIGKILL: no clean-up runs
    real(src, dst)
opening_module.os.replace = killed
Vault.create({str(path)!r}, PASSPHRASE, kdf=TEST_KDF)
"""
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120)
    assert result.returncode == 9, result.stderr
    assert slot_file(path).exists() and not path.exists()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".new.vault.creating-")]
    with reopen(path) as v:
        assert v.verify().ok
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.vault", "new.vault.keyslot"]


@pytest.mark.process
def test_passwd_upgrade_key_converts_a_vault_from_before_key_files(tmp_path):
    path = tmp_path / "v3.vault"
    shutil.copyfile(HERE / "fixtures" / "vault-v3.vault", path)
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}

    def monitor(*args):
        return subprocess.run([sys.executable, "-m", "monitor", *args, "--vault", str(path),
                               "--passphrase-file", str(passfile)], capture_output=True, text=True, env=env,
                              timeout=120)

    first = monitor("passwd", "--upgrade-key")
    assert first.returncode == 0, first.stderr
    assert "converted" in first.stdout and slot_file(path).exists()
    again = monitor("passwd", "--upgrade-key")
    assert again.returncode == 0 and "already has a key file" in again.stdout
    assert monitor("verify").returncode == 0


def test_old_test_call_sites_with_kdf_iter_still_get_the_test_cost(tmp_path):
    """Tests written before key files pass kdf_iter=TEST_KDF_ITER; they keep working, fast."""
    path = tmp_path / "old-style.vault"
    Vault.create(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()
    assert keyslot.read(path).cost(0) == keyslot.TEST_COST
    Vault.open(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()
    Vault.create(tmp_path / "prod.vault", PASSPHRASE, kdf=TEST_KDF).close()
    assert keyslot.read(tmp_path / "prod.vault").cost(0) == TEST_KDF


# --- tampering with the key file itself (issue 17 §5, §6): checksums fixed up each time ----------------

def _fix_header(raw: bytearray) -> None:
    raw[32:64] = keyslot._header_check(bytes(raw[:512]))  # the format's own checksum


def _fix_slot(raw: bytearray, index: int) -> None:
    import hashlib

    start = 512 + index * 512
    raw[start + 480:start + 512] = hashlib.sha256(bytes([index]) + bytes(raw[start:start + 480])).digest()


def _tamper(vault_path: Path, change) -> None:
    path = slot_file(vault_path)
    raw = bytearray(path.read_bytes())
    change(raw)
    path.write_bytes(bytes(raw))


def test_a_flipped_version_byte_is_damage_not_a_newer_format(vault, vault_path):
    vault.close()
    _tamper(vault_path, lambda raw: raw.__setitem__(15, raw[15] ^ 0x02))
    with pytest.raises(KeyFileDamaged, match="damaged") as caught:
        reopen(vault_path)
    assert "newer" not in str(caught.value)
    _tamper(vault_path, lambda raw: (raw.__setitem__(15, 2), _fix_header(raw)))  # a real newer format
    with pytest.raises(KeyFileDamaged, match="newer Monitor"):
        reopen(vault_path)


@pytest.mark.parametrize("memory_kib, lanes", [(1024 * 1024 + 1, 1), (4 * 1024 * 1024, 4), (7, 1), (31, 4)])
def test_a_slot_asking_for_an_impossible_memory_cost_is_damage_before_any_derivation(vault, vault_path,
                                                                                      memory_kib, lanes):
    import struct
    import time

    vault.close()
    before = vault_path.read_bytes()

    def change(raw):
        struct.pack_into(">II", raw, 512 + 8, memory_kib, lanes)
        _fix_slot(raw, 0)

    _tamper(vault_path, change)
    started = time.monotonic()
    with pytest.raises(KeyFileDamaged, match="cost"):
        reopen(vault_path)
    assert time.monotonic() - started < 2  # 4 GiB of Argon2id would take far longer (or fail to allocate)
    assert vault_path.read_bytes() == before


def test_a_header_rebound_to_another_database_is_damage_not_a_wrong_passphrase(vault, vault_path):
    vault.close()
    before = vault_path.read_bytes()
    _tamper(vault_path, lambda raw: (raw.__setitem__(20, raw[20] ^ 0x01), _fix_header(raw)))
    with pytest.raises(KeyFileDamaged, match="key file belongs to another vault"):
        reopen(vault_path)
    assert vault_path.read_bytes() == before


@pytest.mark.parametrize("field, offset, size", [("time cost", 4, 4), ("memory cost", 8, 4), ("salt", 16, 32),
                                                 ("nonce", 48, 12), ("sealed key", 60, 48)])
def test_a_slot_with_changed_parameters_never_opens(vault, vault_path, field, offset, size):
    """Each parameter is authenticated (or feeds the derivation): a changed one opens nothing.

    The key file's checksums are plain SHA-256, which whoever rewrites a field can recompute; the
    salt and the cost feed Argon2id and the nonce the AES-GCM open, so with this format such a
    slot cannot be told from a wrong passphrase (docs/vault.md). What must hold: it never opens."""
    vault.close()
    before = vault_path.read_bytes()

    def change(raw):
        at = 512 + offset + size - 1
        raw[at] ^= 0x01 if field != "time cost" else 0x02  # t = 1 -> 3, still within the bounds
        _fix_slot(raw, 0)

    _tamper(vault_path, change)
    with pytest.raises((WrongPassphrase, KeyFileDamaged)):
        reopen(vault_path)
    assert vault_path.read_bytes() == before
