"""Destroying a vault so that even the right passphrase no longer opens it.

The database is encrypted with a random data key that exists on disk only wrapped, in the key
file ``NAME.keyslot``. So the first step overwrites the whole key file *in place* (same inode,
same blocks) with random bytes and syncs it: from then on no copy of any page of the vault
anywhere on the disk — old WAL frames in free blocks, blocks the file system moved, copies in
hard links — can be decrypted, even with the passphrase. Then, as belt and braces, the start of
the database, its WAL and shared-memory files, every byte of the database, half-made copies, and
finally the names.

What it cannot promise: on SSDs and flash drives the controller may keep the old physical page
of the key file (wear levelling), and snapshots, backups or copies of the key file made elsewhere
are not touched. Full-disk encryption is the defence there. A vault from before key files, or
one converted from such a vault, may also have left pages keyed by the passphrase in free blocks.

Before destroying anything, :func:`identify` checks that the path is a Monitor vault and not a
symbolic link: wipe never overwrites a file it cannot recognise. Only a key file bound to the
file's salt proves a vault; without one (a vault from before key files) the user must type the
file's name back.
"""

from __future__ import annotations

import contextlib
import math
import os
import secrets
import stat
from collections import Counter
from pathlib import Path
from typing import Callable

from . import keyslot
from ..errors import NotAVault, VaultNotFound
from ..messages import Message
from .. import fs

HEADER_BYTES = 64 * 1024  # more than the largest SQLCipher page: salt and first page together
_PAGE = 4096  # SQLCipher 4's page size; a vault file is a whole number of pages


def _overwrite(path: Path, length: int | None = None) -> None:
    """Overwrite the first ``length`` bytes (default: all) of ``path`` with random data, synced."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        size = os.fstat(fd).st_size
        fs.overwrite(fd, size if length is None else min(size, length))
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    """Rename to a random name (hiding the old one), then unlink."""
    hidden = path.with_name("." + secrets.token_hex(8))
    try:
        os.replace(path, hidden)
    except OSError:
        hidden = path
    with contextlib.suppress(FileNotFoundError):
        os.unlink(hidden)


def companions(path: Path) -> list[Path]:
    return [Path(str(path) + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _is_plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def destroy_key_file(path: Path) -> None:
    """Overwrite the vault's key file in place (synced), then remove it."""
    slot = keyslot.path_for(Path(path))
    if keyslot.destroy(Path(path)):
        _remove(slot)


def destroy_companions(path: Path) -> None:
    for extra in companions(Path(path)):
        if _is_plain_file(extra):
            _overwrite(extra)
            _remove(extra)


def destroy_key_material(path: Path) -> None:
    """Step one: make the vault undecryptable — the key file first, then the first page and the WAL."""
    path = Path(path)
    keyslot.destroy(path)
    if _is_plain_file(path):
        _overwrite(path, HEADER_BYTES)
    destroy_companions(path)


def leftovers(path: Path) -> list[Path]:
    """Half-made copies from an interrupted creation, conversion or rekey, if a crash left any."""
    found = []
    for tag in ("creating", "converting", "rekeying", "retired"):  # the last two: store/opening.py's rekey
        found += [p for p in path.parent.glob(f".{path.name}.{tag}-*")
                  if not p.name.endswith(("-wal", "-shm", "-journal"))]
    found += list(path.parent.glob(f".{path.name}{keyslot.SUFFIX}.tmp-*"))
    return sorted(p for p in found if _is_plain_file(p))


def _looks_encrypted(path: Path) -> bool:
    """A SQLCipher file: a whole number of pages whose first page looks like random bytes."""
    size = path.stat().st_size
    if size < _PAGE or size % _PAGE:
        return False
    with open(path, "rb") as handle:
        page = handle.read(_PAGE)
    if page.startswith(b"SQLite format 3\x00"):
        return False
    counts = Counter(page)
    entropy = -sum(n / _PAGE * math.log2(n / _PAGE) for n in counts.values())
    return entropy > 7.9  # random 4 KiB pages measure ~7.95; text, documents and zip headers far less


def bound_key_file(path: Path) -> bool:
    """True if ``path`` has a key file whose header is bound to the file's SQLCipher salt. A rekey
    killed between its steps may leave the binding key file under a leftover's name (the new key
    file beside the vault, or a copy with its own): those count too."""
    path = Path(path)
    if _bound(path, keyslot.path_for(path)):
        return True
    for copy in leftovers(path):
        if copy.name.endswith(keyslot.SUFFIX) and _bound(path, copy):
            return True
        if not copy.name.endswith(keyslot.SUFFIX) and _bound(copy, keyslot.path_for(copy)):
            return True
    return False


def _bound(database: Path, slot: Path) -> bool:
    if slot.is_symlink() or not slot.is_file():
        return False
    try:
        head = slot.read_bytes()[:32]
        salt = keyslot.vault_salt(database)
    except OSError:
        return False
    return head.startswith(keyslot.MAGIC) and len(salt) == keyslot.VAULT_SALT_BYTES and head[16:32] == salt


def needs_name(path: Path) -> bool:
    """True if wiping ``path`` needs its file name typed back: no key file is bound to it."""
    return not bound_key_file(Path(path))


def identify(path: Path, confirm_name: str | None = None) -> None:
    """Refuse (with :class:`NotAVault`) anything wipe must not touch.

    A vault is recognised by its key file, whose header carries the database's salt. Without one
    (a vault from before key files, or one whose key file is gone), looking like SQLCipher
    ciphertext is not enough — so does any random or compressed file whose size is a multiple of
    4 KiB — so the user must also name the file: ``confirm_name`` must equal its file name.
    """
    path = Path(path)
    if path.is_symlink():
        raise NotAVault(Message("wipe_symlink", path=str(path)))
    if not path.exists():
        raise VaultNotFound(Message("cli_no_vault", path=str(path)))
    if not path.is_file():
        raise NotAVault(Message("wipe_not_a_file", path=str(path)))
    slot = keyslot.path_for(path)
    if slot.is_symlink():
        raise NotAVault(Message("wipe_key_file_symlink", path=str(slot)))
    if bound_key_file(path):
        return
    if not _looks_encrypted(path):
        raise NotAVault(Message("wipe_not_a_vault", path=str(path)))
    if confirm_name is None or confirm_name.strip() != path.name:
        raise NotAVault(Message("wipe_needs_name", path=str(path), name=path.name))


def wipe_files(path: Path | str, progress: Callable[[int, int, str], None] | None = None, *,
               check: bool = True, confirm_name: str | None = None) -> None:
    """Destroy the vault at ``path``: its key file first, then the database, companions and copies.

    ``check`` (default) refuses a path that is not a vault (see :func:`identify`; a file without a
    key file bound to it needs ``confirm_name``). Not cancellable once started.
    """
    path = Path(path)
    if check:
        identify(path, confirm_name)
    keyslot.destroy(path)  # the step that makes the wipe hold; everything after is belt and braces
    if progress:
        progress(1, 4, "key file destroyed")
    destroy_key_material(path)
    for stale in leftovers(path):
        wipe_files(stale, check=False)
    if progress:
        progress(2, 4, "key material destroyed")
    if _is_plain_file(path):
        _overwrite(path)
    if progress:
        progress(3, 4, "contents overwritten")
    if _is_plain_file(path):
        _remove(path)
    for extra in companions(path):
        if _is_plain_file(extra):
            _remove(extra)
    slot = keyslot.path_for(path)
    if _is_plain_file(slot):
        _remove(slot)
    if progress:
        progress(4, 4, "files removed")
