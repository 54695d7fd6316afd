"""The coordinator recovery slot on a vault (issue 21 §1): add it, remove it, show it, open through it.

The slot's format and crypto are :mod:`monitor.core.keys.recovery` (docs/vault.md, "Recovery slot
(kind 2)"). Here is what needs the vault: the data key (so a slot can only be added while the vault
is open), its contacts (to name the coordinator a slot was made for) and a recovery, which opens
the vault with the coordinator's age identity and then, by default, rekeys it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from . import sync_log
from ..db import transaction, wipe
from ..errors import MonitorError, VaultDamaged, VaultLocked, VaultNotFound
from ..keys import keyslot
from ..keys import recovery as slots_
from ..keys.identity import fingerprint
from ..keys.passphrase import check_strength
from ..messages import Message

if TYPE_CHECKING:
    from .vault import Vault


class Coordinator(Protocol):
    """What a recovery slot needs of a contact (a :class:`monitor.core.sync.contacts.Contact`)."""

    name: str
    role: str
    age_recipient: str


def contact_recipients(vault: Vault) -> list[str]:
    """The age recipients of the open vault's contacts."""
    with vault.reading() as conn:
        return [row[2] for row in sync_log.contact_rows(conn)]


def _changing(vault: Vault, change: Callable[[], None], action: str, detail: Callable[[], str]) -> None:
    """Change the open vault's key file in place (under its lock, as its own change) and log it. Waits
    for the lock as a save does (``Vault.write_wait``: the window says "busy" rather than freeze)."""
    with vault._hold():
        if vault._data_key is None:
            raise VaultLocked(Message("vault_locked"))
        vault.conn  # noqa: B018 - raises VaultLocked when closed
        vault._rewrapping = True  # our own key-file change, not a wipe (see Vault.still_there)
        try:
            change()
            vault._keyfile_seen = keyslot.state(vault.path)
        finally:
            vault._rewrapping = False
        with transaction(vault.conn):
            vault._audit(action, detail=detail())


def add(vault: Vault, contact: Coordinator) -> slots_.Slot:
    """Add a recovery slot wrapping the open vault's data key to ``contact``'s age recipient, in the
    first free key-file slot below the last. Refused for a contact who is not a coordinator, and when
    the key file already has a recovery slot (remove it first)."""
    if vault._data_key is None or not vault.is_open:
        raise VaultLocked(Message("vault_locked"))
    if contact.role != "coordinator":
        raise MonitorError(Message("recovery_not_coordinator", name=contact.name))
    if slots_.slots(keyslot.read(vault.path)):
        raise MonitorError(Message("recovery_slot_exists"))
    written: list[int] = []

    def change() -> None:
        written.extend(slots_.write_slots(vault.path, vault._data_key, [contact.age_recipient]))

    digest = slots_.fingerprint(contact.age_recipient)
    _changing(vault, change, "recovery-slot-added",
              lambda: f"key-file slot {written[0]} wraps the data key to {slots_.shown_fingerprint(digest)}")
    return slots_.Slot(written[0], digest)


def remove(vault: Vault) -> list[int]:
    """Overwrite every recovery slot of the open vault's key file in place with an empty slot (synced)."""
    found = slots_.slots(keyslot.read(vault.path))
    if not found:
        raise MonitorError(Message("recovery_no_slot", path=str(keyslot.path_for(vault.path))))
    indices = [s.index for s in found]
    _changing(vault, lambda: slots_.remove_slots(vault.path, indices), "recovery-slot-removed",
              lambda: "key-file slot(s) " + ", ".join(map(str, indices)) + " overwritten")
    return indices


def described(vault: Vault) -> list[tuple[slots_.Slot, str | None, str]]:
    """The open vault's recovery slots, each with the name of the contact it was made for and that
    contact's fingerprint (the one compared aloud); for a recipient no contact has any more, None and
    the slot's own recipient fingerprint."""
    with vault.reading() as conn:
        known = {slots_.fingerprint(row[2]): (row[0], fingerprint(bytes.fromhex(row[3])))
                 for row in sync_log.contact_rows(conn)}
    found = []
    for slot in slots_.slots(keyslot.read(vault.path)):
        name, shown = known.get(slot.fingerprint, (None, slots_.shown_fingerprint(slot.fingerprint)))
        found.append((slot, name, shown))
    return found


def recover(path: Path | str, identity, new_passphrase: str, *, keep_key: bool = False,
            kdf: keyslot.KdfCost | None = None, progress=None, cancel=None) -> Vault:
    """Open the vault at ``path`` through its recovery slot with the coordinator's age ``identity``
    and give it ``new_passphrase``; returns it open.

    Unless ``keep_key``, the vault is then rekeyed (:func:`.opening.rekey`, crash-safe): a new data
    key and a new key file holding only the new passphrase slot and the recovery slot carried
    forward, so the data key the coordinator has seen protects nothing from then on and the old
    passphrase stops working. With ``keep_key`` the data key is only rewrapped under the new
    passphrase (the old passphrase slot destroyed in place, the recovery slot kept).
    """
    from . import opening
    from .vault import Vault

    path = Path(path)
    new_passphrase = check_strength(new_passphrase)
    if not path.is_file():
        raise VaultNotFound(Message("vault_not_found", path=str(path)))
    opening.finish_rekey(path)  # an interrupted rekey is completed or undone before any unwrap
    keyfile = keyslot.read(path)
    data_key, index = slots_.unwrap(keyfile, identity)
    if keyfile.vault_salt != keyslot.vault_salt(path):
        wipe(data_key)
        raise VaultDamaged(Message("vault_damaged_other_key_file", path=str(path), slot=str(keyfile.path)))
    vault = opening._open_keyed(Vault, path, data_key, progress=progress)
    try:
        vault.audit("vault-recovered", detail=f"opened through recovery slot {index}"
                    + ("; the data key kept" if keep_key else "; rekeyed"))
        if keep_key:
            vault.change_passphrase(new_passphrase, kdf=kdf)
        else:
            vault.rekey(new_passphrase, kdf=kdf, progress=progress, cancel=cancel,
                        recovery_recipients=[str(identity.to_public())])
    except BaseException:
        vault.close()
        raise
    return vault
