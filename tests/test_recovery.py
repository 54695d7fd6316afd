"""The coordinator recovery slot (key-file slot kind 2, issue 21 §1): real age identities (pyrage),
real vaults, real key files. The forensic check of a removed slot is in tests/test_wipe_forensic.py."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF, data_key, put_full_set
from test_rekey import _opens_nothing

from monitor.core.errors import (
    KeyFileDamaged,
    MonitorError,
    VaultLocked,
    WrongPassphrase,
)
from monitor.core.keys import keyslot, recovery
from monitor.core.keys.identity import DeviceIdentity
from monitor.core.store import recovery as vault_recovery
from monitor.core.store.vault import Vault
from monitor.core.sync import contacts

NEW = "granite willow harbour seventeen"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def coordinator():
    """A coordinator's device identity (its age identity is what recovers)."""
    return DeviceIdentity.generate()


@pytest.fixture
def vault_path(tmp_path, coordinator):
    path = tmp_path / "v" / "r.vault"
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF) as v:
        put_full_set(v)
        contacts.trust(v, contacts.own(coordinator, "Айгүл", "coordinator"))
        contacts.trust(v, contacts.own(DeviceIdentity.generate(), "Марат", "monitor"))
    return path


def _identity(device: DeviceIdentity):
    return recovery.load_identity(device.age_identity)


def _with_slot(path: Path) -> int:
    with Vault.open(path, PASSPHRASE) as v:
        return vault_recovery.add(v, contacts.find_in(v, "Айгүл")).index


def _records(path: Path, passphrase: str) -> list:
    with Vault.open(path, passphrase) as v:
        return [(r.id, r.head) for r in v.records()]


def test_the_slot_opens_the_vault_with_the_age_identity_alone(vault_path, coordinator):
    before = _records(vault_path, PASSPHRASE)
    old_key = bytes(data_key(vault_path))
    index = _with_slot(vault_path)
    assert index == 1 and keyslot.read(vault_path).slots[index][0] == keyslot.KIND_RECOVERY
    key, opened = recovery.unwrap(keyslot.read(vault_path), _identity(coordinator))
    assert (bytes(key), opened) == (old_key, index)  # no passphrase involved
    with vault_recovery.recover(vault_path, _identity(coordinator), NEW, kdf=TEST_KDF) as v:
        assert [(r.id, r.head) for r in v.records()] == before
        actions = [row[0] for row in v.conn.execute("SELECT action FROM audit ORDER BY seq")]
        assert actions[-3:] == ["recovery-slot-added", "vault-recovered", "vault-rekeyed"]
    # after a recovery only the new passphrase works, and the data key the coordinator saw opens nothing
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    assert _records(vault_path, NEW) == before
    assert bytes(data_key(vault_path, NEW)) != old_key
    assert _opens_nothing(vault_path.parent, old_key) == []
    # the recovery slot was carried forward into the new key file, wrapping the new key
    [slot] = recovery.status(vault_path)
    assert slot.fingerprint == recovery.fingerprint(coordinator.age_recipient)
    key, _ = recovery.unwrap(keyslot.read(vault_path), _identity(coordinator))
    assert bytes(key) == bytes(data_key(vault_path, NEW))


def test_keep_key_only_rewraps(vault_path, coordinator):
    old_key = bytes(data_key(vault_path))
    _with_slot(vault_path)
    vault_recovery.recover(vault_path, _identity(coordinator), NEW, keep_key=True, kdf=TEST_KDF).close()
    assert bytes(data_key(vault_path, NEW)) == old_key
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    assert len(recovery.status(vault_path)) == 1  # rewrap keeps the recovery slot


def test_passwd_rekey_carries_the_slot_forward_and_passwd_keeps_it(vault_path, coordinator):
    index = _with_slot(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as v:
        v.change_passphrase(NEW, kdf=TEST_KDF)
    assert [s.index for s in recovery.status(vault_path)] == [index]
    with Vault.open(vault_path, NEW) as v:
        v.rekey(PASSPHRASE, kdf=TEST_KDF)
        new_key = bytes(v._data_key)  # noqa: SLF001
    key, _ = recovery.unwrap(keyslot.read(vault_path), _identity(coordinator))
    assert bytes(key) == new_key


def test_a_rekey_with_an_unknown_recipient_is_refused_before_anything_changes(vault_path, coordinator, tmp_path):
    _with_slot(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as v, v.writing() as conn:
        conn.execute("DELETE FROM contacts")  # the coordinator's contact is gone
    before = keyslot.state(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as v, pytest.raises(MonitorError) as err:
        v.rekey(NEW, kdf=TEST_KDF)
    assert err.value.message.id == "recovery_recipient_unknown"
    assert keyslot.state(vault_path) == before  # the same key file, inode and bytes
    assert _records(vault_path, PASSPHRASE)
    assert sorted(p.name for p in vault_path.parent.iterdir()) == ["r.vault", "r.vault.keyslot"]


def test_a_tampered_slot_is_damage_not_a_wrong_key(vault_path, coordinator):
    index = _with_slot(vault_path)
    slot_path = keyslot.path_for(vault_path)
    original = slot_path.read_bytes()
    at = keyslot.HEADER_SIZE + index * keyslot.SLOT_SIZE
    length = int.from_bytes(original[at + 36:at + 38], "big")
    # in the age file's encrypted payload, its header's MAC area, its magic; the length; the fingerprint
    for offset in (38 + length - 20, 38 + 150, 38 + 5, 37, 4):
        data = bytearray(original)
        slot = data[at:at + keyslot.SLOT_SIZE]
        slot[offset] ^= 0x01
        slot[480:] = hashlib.sha256(bytes([index]) + bytes(slot[:480])).digest()  # checksum fixed up
        data[at:at + keyslot.SLOT_SIZE] = slot
        slot_path.write_bytes(bytes(data))
        with pytest.raises((KeyFileDamaged, WrongPassphrase)) as err:
            vault_recovery.recover(vault_path, _identity(coordinator), NEW, kdf=TEST_KDF)
        if offset == 4:  # a changed fingerprint names another recipient: that is the wrong-key message
            assert err.value.message.id == "recovery_wrong_identity"
        else:
            assert isinstance(err.value, KeyFileDamaged) and err.value.message.id == "recovery_slot_damaged"
        assert slot_path.read_bytes() == bytes(data)  # nothing written
    # a slot moved to another index (checksum fixed up for it) fails the binding: damage
    data = bytearray(original)
    slot = bytearray(original[at:at + keyslot.SLOT_SIZE])
    slot[480:] = hashlib.sha256(bytes([2]) + bytes(slot[:480])).digest()
    other = keyslot.HEADER_SIZE + 2 * keyslot.SLOT_SIZE
    data[other:other + keyslot.SLOT_SIZE] = slot
    data[at:at + keyslot.SLOT_SIZE] = keyslot.empty_slot(index)
    slot_path.write_bytes(bytes(data))
    with pytest.raises(KeyFileDamaged) as err:
        vault_recovery.recover(vault_path, _identity(coordinator), NEW, kdf=TEST_KDF)
    assert err.value.message.id == "recovery_slot_damaged"


def test_a_wrong_identity_and_no_slot_are_said_plainly(vault_path, coordinator):
    with pytest.raises(MonitorError) as err:
        vault_recovery.recover(vault_path, _identity(coordinator), NEW, kdf=TEST_KDF)
    assert err.value.message.id == "recovery_no_slot"
    _with_slot(vault_path)
    before = keyslot.path_for(vault_path).read_bytes()
    with pytest.raises(WrongPassphrase) as err:
        vault_recovery.recover(vault_path, _identity(DeviceIdentity.generate()), NEW, kdf=TEST_KDF)
    assert err.value.message.id == "recovery_wrong_identity"
    assert keyslot.path_for(vault_path).read_bytes() == before
    assert _records(vault_path, PASSPHRASE)  # the passphrase still opens it


def test_add_refuses_a_monitor_contact_a_second_slot_and_a_locked_vault(vault_path):
    with Vault.open(vault_path, PASSPHRASE) as v:
        with pytest.raises(MonitorError) as err:
            vault_recovery.add(v, contacts.find_in(v, "Марат"))
        assert err.value.message.id == "recovery_not_coordinator"
        aigul = contacts.find_in(v, "Айгүл")
        vault_recovery.add(v, aigul)
        with pytest.raises(MonitorError) as err:
            vault_recovery.add(v, aigul)
        assert err.value.message.id == "recovery_slot_exists"
        assert v.still_there()  # the slot is the vault's own change, not a replaced key file
        vault_recovery.remove(v)
    with pytest.raises(VaultLocked):
        vault_recovery.add(v, aigul)  # closed: no data key
    assert recovery.status(vault_path) == []


def test_remove_overwrites_the_slot_in_place_and_wipe_leaves_none(vault_path, coordinator):
    index = _with_slot(vault_path)
    slot_path = keyslot.path_for(vault_path)
    inode = slot_path.stat().st_ino
    old = slot_path.read_bytes()[keyslot.HEADER_SIZE + index * keyslot.SLOT_SIZE:][:keyslot.SLOT_SIZE]
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert vault_recovery.remove(v) == [index]
        assert v.still_there()
    data = slot_path.read_bytes()
    assert slot_path.stat().st_ino == inode  # in place, not a new file
    assert old[38:200] not in data and data[keyslot.HEADER_SIZE + index * keyslot.SLOT_SIZE] == keyslot.KIND_EMPTY
    assert recovery.status(vault_path) == []
    with pytest.raises(MonitorError) as err:
        vault_recovery.recover(vault_path, _identity(coordinator), NEW, kdf=TEST_KDF)
    assert err.value.message.id == "recovery_no_slot"
    # wipe destroys the whole key file: no recovery slot (nor any slot) is left in it
    index = _with_slot(vault_path)
    slot = slot_path.read_bytes()[keyslot.HEADER_SIZE + index * keyslot.SLOT_SIZE:][:keyslot.SLOT_SIZE]
    from monitor.core.keys.wipe import wipe_files

    with open(slot_path, "rb") as held:  # the inode stays readable after the wipe unlinks its name
        wipe_files(vault_path)
        wiped = os.pread(held.fileno(), keyslot.FILE_SIZE, 0)
    assert not slot_path.exists() and len(wiped) == keyslot.FILE_SIZE
    assert slot[38:200] not in wiped and recovery.fingerprint(coordinator.age_recipient) not in wiped
    intact = [i for i in range(keyslot.SLOTS) if hashlib.sha256(bytes([i]) + wiped[512 * (i + 1):][:480]).digest()
              == wiped[512 * (i + 1) + 480:][:32]]
    assert intact == []


def test_the_slot_fits_and_is_documented_size(vault_path, coordinator):
    """Many seals: age adds a random grease stanza; every slot still fits and opens."""
    keyfile = keyslot.read(vault_path)
    key = bytes(data_key(vault_path))
    for _ in range(200):
        slot = recovery.seal(keyfile.header, 3, key, coordinator.age_recipient)
        assert len(slot) == keyslot.SLOT_SIZE
        length = int.from_bytes(slot[36:38], "big")
        assert 38 + length <= 480 and slot[38:38 + 21] == b"age-encryption.org/v1"


def _cli(args, env, **kw):
    return subprocess.run([sys.executable, "-m", "monitor", *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False, **kw)


def test_cli_add_status_open_remove(vault_path, coordinator, tmp_path):
    (tmp_path / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "new").write_text(NEW + "\n", encoding="utf-8")
    ident = tmp_path / "coordinator.age"
    ident.write_text("# created: now\n" + coordinator.age_identity + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["MONITOR_PASSPHRASE_FILE"] = str(tmp_path / "pass")
    env["MONITOR_LANG"] = "en"
    result = _cli(["recovery", "status", "--vault", str(vault_path)], env)
    assert result.returncode == 0 and "no recovery slot" in result.stdout
    result = _cli(["info", "--json", "--vault", str(vault_path)], env)
    assert json.loads(result.stdout)["recovery_slots"] == []
    result = _cli(["recovery", "add", "Марат", "--vault", str(vault_path)], env)
    assert result.returncode == 1 and "not a coordinator" in result.stderr
    result = _cli(["recovery", "add", "Айгүл", "--vault", str(vault_path)], env)
    assert result.returncode == 0, result.stderr
    result = _cli(["recovery", "status", "--vault", str(vault_path)], env)
    assert "recovery slot 1" in result.stdout and "Айгүл" in result.stdout
    fingerprint = contacts.own(coordinator, "x").fingerprint
    assert fingerprint in result.stdout  # the contact's fingerprint, the one compared aloud
    result = _cli(["info", "--vault", str(vault_path)], env)  # where the vault is summarised
    [line] = [line for line in result.stdout.splitlines() if line.startswith("recovery slot")]
    assert line.endswith(f"slot 1, for Айгүл ({fingerprint})"), line
    wrong = tmp_path / "wrong.age"
    wrong.write_text(DeviceIdentity.generate().age_identity + "\n", encoding="utf-8")
    result = _cli(["recovery", "open", str(vault_path), "--identity", str(wrong), "--new-passphrase-file",
                   str(tmp_path / "new")], env)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("this identity is not the one this vault's recovery slot was made for")
    env_new = dict(env, MONITOR_NEW_PASSPHRASE_FILE=str(tmp_path / "new"))
    result = _cli(["recovery", "open", str(vault_path), "--identity", str(ident)], env_new)
    assert result.returncode == 0, result.stderr
    assert "recovered" in result.stdout
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    env["MONITOR_PASSPHRASE_FILE"] = str(tmp_path / "new")
    result = _cli(["recovery", "remove", "--vault", str(vault_path)], env)
    assert result.returncode == 0, result.stderr
    assert recovery.status(vault_path) == []


def test_cli_open_with_the_coordinators_own_vault_and_keep_key(vault_path, tmp_path):
    """The coordinator's age identity lives in the coordinator's vault: --identity takes that vault."""
    own = tmp_path / "c" / "coordinator.vault"
    own_pass = "amber orchard quiet ninety"
    with Vault.create(own, own_pass, kdf=TEST_KDF) as c:
        me = contacts.own(c.identity, "Coordinator", "coordinator")
    with Vault.open(vault_path, PASSPHRASE) as v:
        contacts.trust(v, me)
        vault_recovery.add(v, me)
    (tmp_path / "own").write_text(own_pass, encoding="utf-8")
    (tmp_path / "new").write_text(NEW, encoding="utf-8")
    old_key = bytes(data_key(vault_path))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["MONITOR_LANG"] = "en"
    result = _cli(["recovery", "open", str(vault_path), "--identity", str(own), "--passphrase-file",
                   str(tmp_path / "own"), "--new-passphrase-file", str(tmp_path / "new"), "--keep-key"], env)
    assert result.returncode == 0, result.stderr
    assert "coordinator has seen" in result.stderr
    assert bytes(data_key(vault_path, NEW)) == old_key


def test_independent_open_through_the_recovery_slot(vault_path, coordinator, tmp_path):
    """tests/independent_open.py follows docs/vault.md only (no monitor import)."""
    _with_slot(vault_path)
    ident = tmp_path / "coordinator.age"
    ident.write_text(coordinator.age_identity + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "independent_open.py"), str(vault_path),
                             "--identity", str(ident)], capture_output=True, text=True, timeout=120, check=False,
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": ""})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(_records(vault_path, PASSPHRASE)) > 0
    wrong = tmp_path / "wrong.age"
    wrong.write_text(DeviceIdentity.generate().age_identity + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "independent_open.py"), str(vault_path),
                             "--identity", str(wrong)], capture_output=True, text=True, timeout=120, check=False,
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": ""})
    assert result.returncode != 0 and "no recovery slot for this identity" in result.stderr


def test_the_last_slot_is_never_a_recovery_slot(vault_path):
    """The duress verifier keeps slot SLOTS - 1 (issue 21 §2): with 1..5 taken, adding is refused."""
    slot_path = keyslot.path_for(vault_path)
    first = slot_path.read_bytes()[keyslot.HEADER_SIZE:][:keyslot.SLOT_SIZE]
    for index in range(1, keyslot.SLOTS - 1):  # a used (if useless) slot at each index but the last
        body = first[:480]
        keyslot.write_slot(slot_path, index, body + hashlib.sha256(bytes([index]) + body).digest())
    last = slot_path.read_bytes()[-keyslot.SLOT_SIZE:]
    with Vault.open(vault_path, PASSPHRASE) as v, pytest.raises(MonitorError) as err:
        vault_recovery.add(v, contacts.find_in(v, "Айгүл"))
    assert err.value.message.id == "key_file_no_free_slot"
    assert slot_path.read_bytes()[-keyslot.SLOT_SIZE:] == last


@pytest.mark.parametrize("when", ["before_the_slot", "before_the_commit", "after_the_commit"])
def test_a_crashed_rekey_leaves_the_slot_wrapping_the_key_that_opens_the_vault(vault_path, coordinator,
                                                                               monkeypatch, when):
    """A crash while the recovery slot is written into the new key file, just before the copy takes the
    vault's name, or just after: the next open finishes or undoes the rekey, and the recovery slot
    then wraps exactly the key that opens the vault."""
    from monitor.core.store import opening

    _with_slot(vault_path)
    old_key = bytes(data_key(vault_path))
    real_write, real_replace, real_finish, calls = recovery.write_slots, os.replace, opening.finish_rekey, []

    def crash_writing(*args, **kwargs):
        raise SystemExit("killed")

    def crash_replacing(src, dst, *a, **k):
        if ".rekeying-" in str(src) and not str(src).endswith(".keyslot"):
            raise SystemExit("killed")
        return real_replace(src, dst, *a, **k)

    def crash_finishing(path):
        calls.append(path)
        if len(calls) == 1:
            return real_finish(path)
        raise SystemExit("killed")

    with Vault.open(vault_path, PASSPHRASE) as v:
        if when == "before_the_slot":
            monkeypatch.setattr(recovery, "write_slots", crash_writing)
        elif when == "before_the_commit":
            monkeypatch.setattr(os, "replace", crash_replacing)
        else:
            monkeypatch.setattr(opening, "finish_rekey", crash_finishing)
        with pytest.raises(SystemExit):
            v.rekey(NEW, kdf=TEST_KDF)
        monkeypatch.undo()
    assert real_write is recovery.write_slots
    passphrase = NEW if when == "after_the_commit" else PASSPHRASE
    with Vault.open(vault_path, passphrase) as v:
        assert v.verify().ok
    assert sorted(p.name for p in vault_path.parent.iterdir()) == ["r.vault", "r.vault.keyslot"]
    key, _ = recovery.unwrap(keyslot.read(vault_path), _identity(coordinator))
    assert bytes(key) == bytes(data_key(vault_path, passphrase))
    assert (bytes(key) == old_key) == (when != "after_the_commit")
