"""The opt-in duress passphrase (issue 21 §2): typed at unlock, it destroys the key file in place.

The verifier lives in the key file's last slot (:data:`keyslot.DURESS_SLOT`, index 6), which no
passphrase or recovery slot ever uses. Without a duress passphrase that slot is an ordinary empty
slot: kind byte 0, random bytes, a valid checksum. With one it is kind byte 0 too, laid out as

    kind 0 (1) | salt (32) | nonce (12) | AES-256-GCM of a 9-byte payload, tag included (25) |
    random (410) | SHA-256 of (one byte 6, bytes 0-479) (32)

The payload is :data:`_PAYLOAD_MAGIC` and a flags byte (bit 0: keep the recovery slot). The key is
Argon2id of the passphrase with that salt at the cost of the first intact passphrase slot (public
anyway, so no cost field is stored). Salt, nonce and ciphertext are indistinguishable from random
bytes, so only a derivation from the typed passphrase recognises the slot. The associated data is
the key file's magic and version and the slot index, not the vault binding: a rekey makes a new key
file bound to a new database and carries the slot over byte for byte (``opening.rekey``).

At unlock (``store/opening.open_vault``), a passphrase that opens no slot is ALWAYS derived
against slot 6 as well, whether or not a verifier is there, so a wrong passphrase and the duress
passphrase cost the same. Then :func:`answer` rewrites the slot area under the key file's lock, in
place, with one write and one fsync, in both cases: after a wrong passphrase it writes back the
bytes it has just read (nothing changes, so an open window comparing ``keyslot.state`` does not
lock); after the duress passphrase it writes decoys (below). The caller then raises the very
WrongPassphrase a wrong passphrase gets. ``docs/vault.md`` ("Duress verifier") gives the reasons
and the measurements.

Decoys: every passphrase slot becomes a slot of kind 1 with the same cost fields and random salt,
nonce, ciphertext and padding, with a valid checksum, so every later attempt with any passphrase is
an ordinary wrong passphrase (never "key file wiped"); a recovery slot (kind 2) becomes an empty
slot unless the user chose to keep it; every other slot, slot 6 included, becomes a fresh empty slot.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..errors import KeyFileDamaged, MonitorError, VaultLocked
from ..messages import Message
from . import keyslot
from .passphrase import normalise

INDEX = keyslot.DURESS_SLOT

KEEP_RECOVERY = 0x01  # flags bit 0
MIN_LENGTH = 6  # so that a stray key press is never the duress passphrase

_PAYLOAD_MAGIC = b"duress\x00\x01"  # 8 bytes; the GCM tag already authenticates, this names the payload
_HEAD = struct.Struct(">B32s12s")  # kind, salt, nonce: 45 bytes
_SEALED_BYTES = len(_PAYLOAD_MAGIC) + 1 + 16
_CHECK_AT = keyslot.SLOT_SIZE - 32
_AREA = keyslot.SLOTS * keyslot.SLOT_SIZE


def _associated_data() -> bytes:
    return keyslot.MAGIC + bytes([keyslot.VERSION, INDEX])


def _checked(index: int, body: bytes) -> bytes:
    return body + hashlib.sha256(bytes([index]) + body).digest()


def verifier_cost(keyfile: keyslot.KeyFile) -> keyslot.KdfCost | None:
    """The Argon2id cost of the verifier: that of the first intact passphrase slot."""
    for index in keyfile.used():
        if keyfile.slots[index][0] == keyslot.KIND_PASSPHRASE:
            return keyfile.cost(index)
    return None


def seal(passphrase: str, cost: keyslot.KdfCost, *, keep_recovery: bool) -> bytes:
    """Slot 6 holding a verifier for ``passphrase`` (already normalised)."""
    salt, nonce = secrets.token_bytes(keyslot.SALT_BYTES), secrets.token_bytes(keyslot.NONCE_BYTES)
    kek = keyslot.derive(passphrase, salt, cost)
    payload = _PAYLOAD_MAGIC + bytes([KEEP_RECOVERY if keep_recovery else 0])
    sealed = AESGCM(kek).encrypt(nonce, payload, _associated_data())
    body = _HEAD.pack(keyslot.KIND_EMPTY, salt, nonce) + sealed
    return _checked(INDEX, body + secrets.token_bytes(_CHECK_AT - len(body)))


def flags(keyfile: keyslot.KeyFile, passphrase: str) -> int | None:
    """The verifier's flags if ``passphrase`` is the duress passphrase, else None.

    Derives once whatever slot 6 holds (the same work for every passphrase); only a file with no
    intact passphrase slot, which unwrap refuses as damaged before asking, is not derived against.
    """
    cost = verifier_cost(keyfile)
    if cost is None:
        return None
    slot = keyfile.slots[INDEX]
    _kind, salt, nonce = _HEAD.unpack_from(slot)
    kek = keyslot.derive(passphrase, salt, cost)
    try:
        payload = AESGCM(kek).decrypt(nonce, slot[_HEAD.size:_HEAD.size + _SEALED_BYTES], _associated_data())
    except InvalidTag:
        return None
    if slot[0] != keyslot.KIND_EMPTY or INDEX in keyfile.damaged or not payload.startswith(_PAYLOAD_MAGIC):
        return None
    return payload[-1]


def _decoy(index: int, slot: bytes) -> bytes:
    """A passphrase slot with ``slot``'s kind and cost that no passphrase opens."""
    head = slot[:16]  # kind, reserved, t, m, p: as they were
    return _checked(index, head + secrets.token_bytes(_CHECK_AT - len(head)))


def destroyed(area: bytes, flag_bits: int) -> bytes:
    """The slot area after the duress passphrase: decoys, empty slots, and the kept recovery slot."""
    out = []
    for index in range(keyslot.SLOTS):
        slot = area[index * keyslot.SLOT_SIZE:(index + 1) * keyslot.SLOT_SIZE]
        intact = len(slot) == keyslot.SLOT_SIZE and hashlib.sha256(bytes([index]) + slot[:_CHECK_AT]).digest() == slot[_CHECK_AT:]
        if index == INDEX:
            out.append(keyslot.empty_slot(index))
        elif intact and slot[0] == keyslot.KIND_PASSPHRASE:
            out.append(_decoy(index, slot))
        elif intact and slot[0] == keyslot.KIND_RECOVERY and flag_bits & KEEP_RECOVERY:
            out.append(slot)
        else:
            out.append(keyslot.empty_slot(index))
    return b"".join(out)


def answer(keyfile: keyslot.KeyFile, passphrase: str) -> None:
    """After a passphrase that opened no slot: destroy the key file in place if it is the duress
    passphrase, else write the slot area back unchanged. The same derivation, one write and one
    fsync either way; errors writing are swallowed in both (the caller raises WrongPassphrase)."""
    flag_bits = flags(keyfile, passphrase)
    try:
        fd = os.open(keyfile.path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    try:
        keyslot.lock_exclusive(fd)  # held to the close: no other in-place write falls in between
        area = os.pread(fd, _AREA, keyslot.HEADER_SIZE)  # as it is now, not as it was read
        if flag_bits is not None:
            area = destroyed(area, flag_bits)
        os.pwrite(fd, area, keyslot.HEADER_SIZE)
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def carried(vault_path) -> bytes | None:
    """Slot 6 of the vault's key file, to carry into the new key file of a rekey (None: damaged)."""
    keyfile = keyslot.read(vault_path)
    slot = keyfile.slots[INDEX]
    return slot if INDEX not in keyfile.damaged and slot[0] == keyslot.KIND_EMPTY else None


# --- setting and removing it (only while the vault is open) --------------------------------------

def _write(vault, slot: bytes) -> None:
    """Write slot 6 in place; the open vault takes the new key file as its own (see still_there)."""
    with vault.changing_key_file():
        keyslot.write_slot(keyslot.path_for(vault.path), INDEX, slot)


def _open_keyfile(vault) -> keyslot.KeyFile:
    if not vault.is_open:
        raise VaultLocked(Message("vault_locked"))
    return keyslot.read(vault.path)


def set_passphrase(vault, passphrase: str, *, keep_recovery: bool = False) -> None:
    """Set (or replace) the duress passphrase of the open ``vault``.

    Refused when it is short or when it opens the vault (it must differ from the real passphrase).
    Nothing is written to the database or the audit trail: the vault must not say that it has one.
    """
    passphrase = normalise(passphrase)
    if len(passphrase) < MIN_LENGTH:
        raise MonitorError(Message("duress_too_short", n=MIN_LENGTH))
    keyfile = _open_keyfile(vault)
    opened = keyfile.open_slots(passphrase)
    if opened is not None:
        opened[0][:] = bytes(len(opened[0]))
        raise MonitorError(Message("duress_same_as_passphrase"))
    cost = verifier_cost(keyfile)
    if cost is None:  # pragma: no cover - an open vault's key file has an intact passphrase slot
        raise KeyFileDamaged(Message("key_file_no_intact_slot", path=str(keyfile.path), slot=INDEX))
    _write(vault, seal(passphrase, cost, keep_recovery=keep_recovery))


def remove(vault) -> None:
    """Make sure the open ``vault`` has no duress passphrase: slot 6 becomes a fresh empty slot,
    exactly as it looks in a key file that never had one."""
    _open_keyfile(vault)
    _write(vault, keyslot.empty_slot(INDEX))
