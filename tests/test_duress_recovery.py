"""The duress passphrase and a real recovery slot together (issue 21 §1 and §2, after both landed):
"keep the coordinator recovery slot" keeps a slot the coordinator can still open; without it, the
recovery slot goes with every passphrase slot."""

from __future__ import annotations

import pytest
from conftest import PASSPHRASE, TEST_KDF, put_full_set

from monitor.core.errors import MonitorError, WrongPassphrase
from monitor.core.keys import duress, keyslot, recovery
from monitor.core.keys.identity import DeviceIdentity
from monitor.core.store import recovery as vault_recovery
from monitor.core.store.vault import Vault
from monitor.core.sync import contacts

DURESS = "red kettle on the window sill"
NEW = "granite willow harbour seventeen"


@pytest.fixture
def setup(tmp_path):
    coordinator = DeviceIdentity.generate()
    path = tmp_path / "v" / "d.vault"
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF) as v:
        put_full_set(v)
        contacts.trust(v, contacts.own(coordinator, "Айгүл", "coordinator"))
        vault_recovery.add(v, contacts.find_in(v, "Айгүл"))
    return path, recovery.load_identity(coordinator.age_identity)


def _duress_unlock(path, keep: bool):
    with Vault.open(path, PASSPHRASE) as v:
        ids = sorted(r.id for r in v.records())
        duress.set_passphrase(v, DURESS, keep_recovery=keep)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, DURESS)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, PASSPHRASE)  # the real passphrase is gone too
    return ids


def test_a_kept_recovery_slot_still_recovers_the_vault_after_a_duress_unlock(setup):
    path, identity = setup
    ids = _duress_unlock(path, keep=True)
    kinds = [slot[0] for slot in keyslot.read(path).slots]
    assert kinds.count(keyslot.KIND_RECOVERY) == 1
    with vault_recovery.recover(path, identity, NEW, kdf=TEST_KDF) as v:
        assert sorted(r.id for r in v.records()) == ids
        assert v.verify().ok


def test_without_keep_the_recovery_slot_is_destroyed_with_the_rest(setup):
    path, identity = setup
    before = keyslot.read(path)
    recovery_index = next(i for i, slot in enumerate(before.slots) if slot[0] == keyslot.KIND_RECOVERY)
    _duress_unlock(path, keep=False)
    after = keyslot.read(path)
    assert keyslot.KIND_RECOVERY not in [slot[0] for slot in after.slots]
    assert after.slots[recovery_index] != before.slots[recovery_index]
    with pytest.raises(MonitorError):
        vault_recovery.recover(path, identity, NEW, kdf=TEST_KDF)
