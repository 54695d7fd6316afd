"""The key file beside a vault: the random data key, wrapped by a key derived from the passphrase.

The vault database is encrypted with a random 256-bit *data key*, given to SQLCipher as a raw key.
The data key is only ever stored wrapped, in ``NAME.keyslot`` beside ``NAME`` (LUKS-style):

- the wrapping key comes from the passphrase with **Argon2id** (memory-hard), with the cost stored
  in the slot so it can be raised later without breaking old files;
- the data key is sealed with **AES-256-GCM**; the file header and the slot's own parameters are
  authenticated with it, so a changed cost, salt or binding is detected;
- the file header binds the key file to its database (the database's 16-byte SQLCipher salt);
- a file holds :data:`SLOTS` slots of :data:`SLOT_SIZE` bytes, so changing the passphrase writes
  the new slot first and only then destroys the old one, in place; there is never a moment without
  a valid slot, and the file is never replaced by another inode (an old copy would survive).

``docs/vault.md`` describes the format byte by byte; ``tests/independent_open.py`` opens a vault
from that description alone. :func:`destroy` overwrites the whole file in place and syncs it,
which is the step that makes ``wipe`` hold.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from ..messages import Message
from ..errors import KeyFileDamaged, KeyFileMissing, MonitorError, WrongPassphrase
from .. import fs
from ..fs import PRIVATE_FILE, fsync_dir, temp_sibling

SUFFIX = ".keyslot"
MAGIC = b"MonitorKeySlot\x00"  # 15 bytes, then the format version byte
VERSION = 1
HEADER_SIZE = 512
SLOT_SIZE = 512
SLOTS = 7
FILE_SIZE = HEADER_SIZE + SLOTS * SLOT_SIZE  # 4096: one file-system block
KEY_BYTES = 32
SALT_BYTES = 32
NONCE_BYTES = 12
VAULT_SALT_BYTES = 16  # SQLCipher keeps its salt in the first 16 bytes of the database file

KIND_EMPTY = 0
KIND_PASSPHRASE = 1  # Argon2id + AES-256-GCM
KIND_RECOVERY = 2  # the data key age-encrypted to a coordinator's X25519 recipient (keys/recovery.py)
# The last slot is reserved for the duress verifier (keys/duress.py): kind byte 0 whether or not one is
# there, so no passphrase or recovery slot is ever written to it.
DURESS_SLOT = SLOTS - 1

# slot: kind u8, 3 reserved bytes, t u32, memory KiB u32, lanes u32, salt 32, nonce 12 | sealed key 48 | … | sha256 32
_SLOT_HEAD = struct.Struct(">B3xIII32s12s")  # 60 bytes
_SEALED_BYTES = KEY_BYTES + 16
_CHECK_AT = SLOT_SIZE - 32


@dataclass(frozen=True)
class KdfCost:
    """Argon2id cost: passes over memory (t), memory in KiB (m) and lanes (p)."""

    time: int
    memory_kib: int
    lanes: int

    def check(self) -> None:
        # Bounds, so that a tampered key file cannot make an unlock allocate gigabytes or run for hours.
        if not (1 <= self.time <= 32 and 1 <= self.lanes <= 64 and 8 * self.lanes <= self.memory_kib <= 1024 * 1024):
            raise KeyFileDamaged(Message("key_file_impossible_cost", cost=str(self)))


# RFC 9106's second recommended setting is t=3, p=4, m=64 MiB; we take 1.5 times the memory, the
# most that kept unlock near one second on the (busy, 2-core) development machine; docs/vault.md
# gives the measurements. Stored per slot, so a later release can raise it for new passphrases.
DEFAULT_COST = KdfCost(time=3, memory_kib=96 * 1024, lanes=4)
# For tests only, always passed explicitly (``kdf=TEST_COST``); production never uses it.
TEST_COST = KdfCost(time=1, memory_kib=64, lanes=1)


def path_for(vault_path: Path) -> Path:
    return Path(str(vault_path) + SUFFIX)


def derive(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    """The wrapping key: Argon2id over the UTF-8 passphrase (already NFC-normalised)."""
    cost.check()
    return Argon2id(salt=salt, length=KEY_BYTES, iterations=cost.time, lanes=cost.lanes,
                    memory_cost=cost.memory_kib).derive(passphrase.encode("utf-8"))


def _header_check(header: bytes) -> bytes:
    return hashlib.sha256(header[:32] + header[64:HEADER_SIZE]).digest()


def _header(vault_salt: bytes) -> bytes:
    head = MAGIC + bytes([VERSION]) + vault_salt
    rest = bytes(HEADER_SIZE - 64)
    return head + _header_check(head + bytes(32) + rest) + rest


def _associated_data(header: bytes, index: int, slot_head: bytes) -> bytes:
    return header[:32] + bytes([index]) + slot_head


def _seal_slot(header: bytes, index: int, data_key: bytes, passphrase: str, cost: KdfCost) -> bytes:
    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    head = _SLOT_HEAD.pack(KIND_PASSPHRASE, cost.time, cost.memory_kib, cost.lanes, salt, nonce)
    kek = derive(passphrase, salt, cost)
    sealed = AESGCM(kek).encrypt(nonce, data_key, _associated_data(header, index, head))
    body = head + sealed
    body += secrets.token_bytes(_CHECK_AT - len(body))
    return body + hashlib.sha256(bytes([index]) + body).digest()


def empty_slot(index: int) -> bytes:
    body = bytes([KIND_EMPTY]) + secrets.token_bytes(_CHECK_AT - 1)
    return body + hashlib.sha256(bytes([index]) + body).digest()


@dataclass(frozen=True)
class KeyFile:
    path: Path
    header: bytes
    slots: tuple[bytes, ...]
    damaged: tuple[int, ...] = ()  # slots whose checksum does not match (bit rot, a torn write)

    @property
    def vault_salt(self) -> bytes:
        return self.header[16:32]

    def used(self) -> list[int]:
        return [i for i, slot in enumerate(self.slots) if slot[0] != KIND_EMPTY and i not in self.damaged]

    def unwrap(self, passphrase: str) -> tuple[bytes, int]:
        """The data key and the index of the intact slot that opened.

        Raises :class:`KeyFileDamaged` when no intact passphrase slot is left (the damaged one was
        it), else :class:`WrongPassphrase` (damage to a spare slot never hides a wrong passphrase).
        (The unlock, ``store/opening.py``, then tries a refused passphrase as the duress passphrase.)
        """
        opened = self.open_slots(passphrase)
        if opened is not None:
            return opened
        if self.damaged and not any(self.slots[i][0] == KIND_PASSPHRASE for i in self.used()):
            raise KeyFileDamaged(Message("key_file_no_intact_slot", path=str(self.path), slot=self.damaged[0]))
        # The binding is in every slot's associated data, so a header rewritten to name another
        # database (its checksum fixed up) fails every slot: that is the file, not the passphrase.
        vault_path = Path(str(self.path)[:-len(SUFFIX)])
        try:
            # an interrupted conversion or creation leaves the database the key file was made for
            # under a temporary name (store/legacy.py finishes it once the passphrase opens a slot)
            candidates = [vault_path, *vault_path.parent.glob(f".{vault_path.name}.converting-*"),
                          *vault_path.parent.glob(f".{vault_path.name}.creating-*")]
            files = [c for c in candidates if c.is_file() and not c.is_symlink()]
            bound = not files or any(vault_salt(c) == self.vault_salt for c in files)
        except OSError:
            bound = True  # nothing to compare with: say no more than a wrong passphrase
        if not bound:
            raise KeyFileDamaged(Message("vault_damaged_other_key_file", path=str(vault_path), slot=str(self.path)))
        raise WrongPassphrase(Message("wrong_passphrase_key_file"))

    def open_slots(self, passphrase: str) -> tuple[bytearray, int] | None:
        """The data key and slot index if ``passphrase`` opens an intact passphrase slot, else None
        (no duress check: for checking a passphrase while the vault is open)."""
        for index in self.used():
            slot = self.slots[index]
            if slot[0] != KIND_PASSPHRASE:
                continue
            kind, t, m, p, salt, nonce = _SLOT_HEAD.unpack_from(slot)
            kek = derive(passphrase, salt, KdfCost(t, m, p))
            sealed = slot[_SLOT_HEAD.size:_SLOT_HEAD.size + _SEALED_BYTES]
            key = bytearray(KEY_BYTES)  # decrypted into a buffer the caller can wipe, never into bytes
            try:
                AESGCM(kek).decrypt_into(nonce, sealed, _associated_data(self.header, index, slot[:_SLOT_HEAD.size]), key)
            except InvalidTag:
                continue
            return key, index
        return None

    def cost(self, index: int) -> KdfCost:
        _kind, t, m, p, _salt, _nonce = _SLOT_HEAD.unpack_from(self.slots[index])
        return KdfCost(t, m, p)


def read(vault_path: Path) -> KeyFile:
    """Read and check the key file of ``vault_path`` (not the passphrase)."""
    path = path_for(vault_path)
    try:
        if path.is_symlink():
            raise KeyFileDamaged(Message("key_file_symlink", path=str(path)))
        data = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileMissing(path) from None
    except OSError as exc:
        raise MonitorError(Message("cli_read_file", what="key", name=str(path), reason=exc.strerror)) from None
    if len(data) != FILE_SIZE or not data.startswith(MAGIC):
        raise KeyFileDamaged(Message("key_file_not_a_key_file", path=str(path)))
    header = data[:HEADER_SIZE]
    # The checksum first (it covers the version byte): a flipped bit is damage, not a newer format.
    if _header_check(header) != header[32:64]:
        raise KeyFileDamaged(Message("key_file_damaged_header", path=str(path)))
    if data[len(MAGIC)] != VERSION:
        raise KeyFileDamaged(Message("key_file_too_new", path=str(path), version=data[len(MAGIC)]))
    slots = tuple(data[HEADER_SIZE + i * SLOT_SIZE:HEADER_SIZE + (i + 1) * SLOT_SIZE] for i in range(SLOTS))
    damaged = tuple(i for i, slot in enumerate(slots)
                    if hashlib.sha256(bytes([i]) + slot[:_CHECK_AT]).digest() != slot[_CHECK_AT:])
    keyfile = KeyFile(path, header, slots, damaged)
    for index in keyfile.used():
        if slots[index][0] == KIND_PASSPHRASE:
            keyfile.cost(index).check()
    if not keyfile.used() and not damaged:
        raise KeyFileDamaged(Message("key_file_wiped", path=str(path)))
    return keyfile


def clear_damaged(keyfile: KeyFile) -> list[int]:
    """Rewrite the damaged slots of a key file that opened from an intact slot as empty slots."""
    for index in keyfile.damaged:
        write_slot(keyfile.path, index, empty_slot(index))
    return list(keyfile.damaged)


def vault_salt(vault_path: Path) -> bytes:
    with open(vault_path, "rb") as handle:
        return handle.read(VAULT_SALT_BYTES)


def write_new(vault_path: Path, target: Path, data_key: bytes, passphrase: str, cost: KdfCost, *,
              duress_slot: bytes | None = None) -> None:
    """Write a fresh key file for the database at ``vault_path`` to ``target``, atomically.

    ``target`` is the key file's final name (``path_for(final vault)``); the database may still
    sit under a temporary name. Refuses to replace an existing key file. ``duress_slot``: the last
    slot's bytes to carry over from the old key file (a rekey), else a fresh empty slot.
    """
    salt = vault_salt(vault_path)
    if len(salt) != VAULT_SALT_BYTES:
        raise MonitorError(Message("key_file_vault_too_short"))
    header = _header(salt)
    data = (header + _seal_slot(header, 0, data_key, passphrase, cost)
            + b"".join(empty_slot(i) for i in range(1, DURESS_SLOT)) + (duress_slot or empty_slot(DURESS_SLOT)))
    tmp = temp_sibling(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # link() fails if the target exists: a key file is never silently replaced.
        os.link(tmp, target)
        fsync_dir(target.parent)
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass


def lock_exclusive(fd: int) -> None:
    """An advisory lock on the open key file, held until ``fd`` is closed: every in-place write takes
    it, so a rewrite of bytes read a moment ago (keys/duress.py) never undoes another write."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory lock
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def write_slot(path: Path, index: int, slot: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        lock_exclusive(fd)
        os.pwrite(fd, slot, HEADER_SIZE + index * SLOT_SIZE)
        os.fsync(fd)
    finally:
        os.close(fd)


def rewrap(vault_path: Path, data_key: bytes, new_passphrase: str, cost: KdfCost) -> None:
    """Change the passphrase: seal the data key in a free slot and sync it, read it back, then
    destroy every other passphrase slot in place (the old passphrase stops working)."""
    keyfile = read(vault_path)
    used = keyfile.used()
    free = [i for i in range(SLOTS) if i not in used and i != DURESS_SLOT]
    if not free:
        raise MonitorError(Message("key_file_no_free_slot", path=str(keyfile.path)))
    write_slot(keyfile.path, free[0], _seal_slot(keyfile.header, free[0], data_key, new_passphrase, cost))
    key, index = read(vault_path).unwrap(new_passphrase)
    same = secrets.compare_digest(key, data_key)
    key[:] = bytes(len(key))
    if not same or index != free[0]:
        raise MonitorError(Message("key_file_slot_not_read_back"))
    for old in used:
        if keyfile.slots[old][0] == KIND_PASSPHRASE:
            write_slot(keyfile.path, old, empty_slot(old))


def state(vault_path: Path) -> tuple | None:
    """What identifies the key file on disk now (inode and bytes), or None if there is none."""
    path = path_for(vault_path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        return (st.st_dev, st.st_ino, os.pread(fd, FILE_SIZE + 1, 0))
    finally:
        os.close(fd)


def destroy(vault_path: Path) -> bool:
    """Overwrite the whole key file in place with random bytes and sync it. True if there was one."""
    path = path_for(vault_path)
    if path.is_symlink() or not path.is_file():
        return False

    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        lock_exclusive(fd)
        fs.overwrite(fd, max(os.fstat(fd).st_size, FILE_SIZE))
    finally:
        os.close(fd)
    return True


def new_data_key() -> bytearray:
    """A random data key, read straight into a bytearray (wiped by its owner; never an immutable copy)."""
    key = bytearray(KEY_BYTES)
    try:
        with open("/dev/urandom", "rb", buffering=0) as source:
            if source.readinto(key) == KEY_BYTES:
                return key
    except OSError:  # pragma: no cover - no /dev/urandom (Windows)
        pass
    key[:] = secrets.token_bytes(KEY_BYTES)  # pragma: no cover
    return key


def sqlcipher_key(data_key: bytes) -> str:
    """The PRAGMA key literal for a raw key: x'<64 hex digits>' in double quotes."""
    return f"\"x'{data_key.hex()}'\""
