"""The coordinator recovery slot (key-file slot kind 2, issue 21 §1).

A monitor who forgets the passphrase loses every testimony in the vault. A recovery slot holds the
vault's 32-byte data key age-encrypted (X25519) to a *coordinator* contact's age recipient, so the
coordinator, holding the matching age identity, can open the vault and set a new passphrase.

Layout of a recovery slot (512 bytes, like every slot; docs/vault.md, "Recovery slot (kind 2)"):

====== ====== ==========================================================================
offset length
0      1      kind = 2
1      3      reserved, zero
4      32     fingerprint: SHA-256 of the recipient string (``age1…``, ASCII)
36     2      L: length of the age file that follows, big-endian
38     L      an age v1 file (binary armour-less form) with one X25519 recipient, whose
              plaintext is data key (32) || SHA-256(key-file header[0:32] || index || slot[0:36])
38+L   …      random bytes up to 480
480    32     SHA-256(index || slot[0:480]), the checksum every slot has
====== ====== ==========================================================================

The inner SHA-256 binds the slot to its key file (the header's first 32 bytes hold the magic,
version and the database's salt) and to its place, as the associated data of a passphrase slot
does: a slot copied into another key file or moved to another index decrypts but fails the
binding, and a changed length leaves no age file that decrypts; either is refused as damage. A
changed fingerprint names another recipient, so it reads as a wrong identity.

This module is the key file's side (no vault); :mod:`monitor.core.store.recovery` adds, removes and
opens through the slot on a vault. A recovery slot can only be added while the vault is open (it
needs the data key). Removing it overwrites it in place with an empty slot. A rekey (``monitor
passwd --rekey``, and every recovery without ``--keep-key``) carries it forward: the new data key is
wrapped to the same recipient in the new key file before the commit point (see :func:`recipients`
and :func:`write_slots`).
"""

from __future__ import annotations

import hashlib
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable

import pyrage

from ..errors import KeyFileDamaged, MonitorError, WrongPassphrase
from ..messages import Message
from . import keyslot

KIND = keyslot.KIND_RECOVERY
_HEAD = struct.Struct(">B3x32sH")  # kind, reserved, recipient fingerprint, length of the age file: 38 bytes
_PAYLOAD = keyslot.KEY_BYTES + 32
_ROOM = keyslot.SLOT_SIZE - 32 - _HEAD.size  # 442 bytes for the age file
_TRIES = 64
_BOUND = 36  # the binding covers the slot's first 36 bytes (kind, reserved, fingerprint)


def fingerprint(recipient: str) -> bytes:
    """What the slot names in clear: SHA-256 of the age recipient string."""
    return hashlib.sha256(recipient.strip().encode("ascii")).digest()


def shown_fingerprint(digest: bytes) -> str:
    """A fingerprint as people read it: the first 16 bytes in groups of 4 hex digits."""
    text = digest[:16].hex().upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def _binding(header: bytes, index: int, head: bytes) -> bytes:
    return hashlib.sha256(header[:32] + bytes([index]) + head).digest()


def seal(header: bytes, index: int, data_key: bytes, recipient: str) -> bytes:
    """A recovery slot for ``index`` of the key file with ``header``: the data key to ``recipient``."""
    try:
        to = pyrage.x25519.Recipient.from_str(recipient.strip())
    except Exception:  # noqa: BLE001 - pyrage's RecipientError
        raise MonitorError(Message("contact_not_age")) from None
    digest = fingerprint(recipient)
    head = _HEAD.pack(KIND, digest, 0)[:_BOUND]
    payload = bytearray(_PAYLOAD)
    try:
        payload[:keyslot.KEY_BYTES] = data_key
        payload[keyslot.KEY_BYTES:] = _binding(header, index, head)
        for _ in range(_TRIES):  # age adds a random "grease" stanza: a file that does not fit is made again
            sealed = pyrage.encrypt(bytes(payload), [to])
            if len(sealed) <= _ROOM:
                body = head + len(sealed).to_bytes(2, "big") + sealed
                body += secrets.token_bytes(keyslot.SLOT_SIZE - 32 - len(body))
                return body + hashlib.sha256(bytes([index]) + body).digest()
    finally:
        payload[:] = bytes(_PAYLOAD)
    raise MonitorError(Message("recovery_slot_too_large"))  # pragma: no cover - 64 misses in a row


@dataclass(frozen=True)
class Slot:
    index: int
    fingerprint: bytes  # SHA-256 of the recipient string


def slots(keyfile: keyslot.KeyFile) -> list[Slot]:
    """The intact recovery slots of a key file."""
    found = []
    for index in keyfile.used():
        slot = keyfile.slots[index]
        if slot[0] == KIND:
            _kind, digest, _length = _HEAD.unpack_from(slot)
            found.append(Slot(index, digest))
    return found


def status(vault_path: Path) -> list[Slot]:
    """The recovery slots in the key file of ``vault_path`` now (empty when there is none)."""
    return slots(keyslot.read(Path(vault_path)))


def load_identity(text: str):
    """An age X25519 identity from the text of an identity file (``AGE-SECRET-KEY-1…``; ``#`` comments)."""
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                return pyrage.x25519.Identity.from_str(line)
            except Exception:  # noqa: BLE001 - pyrage's IdentityError
                break
    raise MonitorError(Message("recovery_not_an_identity"))


def unwrap(keyfile: keyslot.KeyFile, identity) -> tuple[bytearray, int]:
    """The data key from the key file's recovery slot for ``identity``, and the slot's index.

    An identity whose recipient is not the one a slot names is a wrong key (:class:`WrongPassphrase`
    with its own message); a slot that names it but does not decrypt, or whose binding does not
    match, is damage (:class:`KeyFileDamaged`). No recovery slot at all is said plainly.
    """
    found = slots(keyfile)
    if not found:
        if keyfile.damaged:
            raise KeyFileDamaged(Message("key_file_no_intact_slot", path=str(keyfile.path), slot=keyfile.damaged[0]))
        raise MonitorError(Message("recovery_no_slot", path=str(keyfile.path)))
    digest = fingerprint(str(identity.to_public()))
    mine = [slot for slot in found if secrets.compare_digest(slot.fingerprint, digest)]
    if not mine:
        raise WrongPassphrase(Message("recovery_wrong_identity"))
    slot = keyfile.slots[mine[0].index]
    index = mine[0].index
    _kind, _digest, length = _HEAD.unpack_from(slot)
    if length > _ROOM:
        raise KeyFileDamaged(Message("recovery_slot_damaged", path=str(keyfile.path), slot=index))
    try:
        plain = bytearray(pyrage.decrypt(slot[_HEAD.size:_HEAD.size + length], [identity]))
    except Exception:  # noqa: BLE001 - pyrage's DecryptError: the slot names this identity, so it is damage
        raise KeyFileDamaged(Message("recovery_slot_damaged", path=str(keyfile.path), slot=index)) from None
    try:
        if len(plain) != _PAYLOAD or not secrets.compare_digest(
                bytes(plain[keyslot.KEY_BYTES:]), _binding(keyfile.header, index, slot[:_BOUND])):
            raise KeyFileDamaged(Message("recovery_slot_damaged", path=str(keyfile.path), slot=index))
        key = bytearray(plain[:keyslot.KEY_BYTES])
    finally:
        plain[:] = bytes(len(plain))
    return key, index


def _free_index(keyfile: keyslot.KeyFile, taken: Iterable[int] = ()) -> int:
    # the last slot (SLOTS - 1) is kept for the duress verifier (issue 21 §2): never a recovery slot
    taken = set(keyfile.used()) | set(keyfile.damaged) | set(taken)
    for index in range(keyslot.DURESS_SLOT):
        if index not in taken:
            return index
    raise MonitorError(Message("key_file_no_free_slot", path=str(keyfile.path)))


def write_slots(vault_path: Path, data_key: bytes, recipients_: Iterable[str]) -> list[int]:
    """Add a recovery slot for each recipient to the key file of ``vault_path``, in place and synced
    (the first free slots below the last); returns their indices."""
    keyfile = keyslot.read(Path(vault_path))
    written: list[int] = []
    for recipient in recipients_:
        index = _free_index(keyfile, written)
        keyslot.write_slot(keyfile.path, index, seal(keyfile.header, index, data_key, recipient))
        written.append(index)
    after = slots(keyslot.read(Path(vault_path)))  # read back: each is where it was written, intact
    if sorted(written) != sorted(s.index for s in after if s.index in written):
        raise MonitorError(Message("key_file_slot_not_read_back"))
    return written


def recipients(keyfile: keyslot.KeyFile, candidates: Iterable[str]) -> list[str]:
    """The age recipients of a key file's recovery slots, found among ``candidates`` by fingerprint.
    A slot whose recipient is not among them is refused (a rekey asks this before it starts:
    carrying a slot forward needs its recipient, and the slot names only a hash of it)."""
    by_digest = {}
    for recipient in candidates:
        by_digest.setdefault(fingerprint(recipient), recipient.strip())
    found = []
    for slot in slots(keyfile):
        if slot.fingerprint not in by_digest:
            raise MonitorError(Message("recovery_recipient_unknown", fingerprint=shown_fingerprint(slot.fingerprint)))
        found.append(by_digest[slot.fingerprint])
    return found


def remove_slots(vault_path: Path, indices: Iterable[int]) -> None:
    """Overwrite the given slots of the key file in place with empty slots, each synced."""
    path = keyslot.path_for(Path(vault_path))
    for index in indices:
        keyslot.write_slot(path, index, keyslot.empty_slot(index))
