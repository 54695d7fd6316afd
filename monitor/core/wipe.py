"""Destroying a vault so that even the right passphrase no longer opens it.

Order: first the key material — SQLCipher 4 derives the key from the passphrase and a random
salt stored in the first 16 bytes of the file, so overwriting the start of the file makes every
page undecryptable at once — then the WAL and shared-memory files, then every byte of the file,
then the names. The first step is what makes the wipe effective and it takes milliseconds.

What it cannot promise: on SSDs, flash drives and copy-on-write or journalling file systems the
old blocks may survive in places the OS cannot overwrite (wear levelling, snapshots, backups).
Because the salt is destroyed first, such leftovers are still undecryptable unless an old copy of
the file's first page survives too. Full-disk encryption is the real defence there.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Callable

HEADER_BYTES = 64 * 1024  # more than the largest SQLCipher page: salt and first page together
_CHUNK = 1 << 20


def _overwrite(path: Path, length: int | None = None) -> None:
    """Overwrite the first ``length`` bytes (default: all) of ``path`` with random data, synced."""
    size = path.stat().st_size
    todo = size if length is None else min(size, length)
    with open(path, "r+b", buffering=0) as handle:
        done = 0
        while done < todo:
            n = min(_CHUNK, todo - done)
            handle.write(secrets.token_bytes(n))
            done += n
        os.fsync(handle.fileno())


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


def destroy_key_material(path: Path) -> None:
    """Step one: make the vault undecryptable (overwrite its salt and first page, kill the WAL)."""
    path = Path(path)
    if path.exists():
        _overwrite(path, HEADER_BYTES)
    for extra in companions(path):
        if extra.exists():
            _overwrite(extra)
            _remove(extra)


def leftovers(path: Path) -> list[Path]:
    """Half-made copies from an interrupted creation (``.NAME.creating-…``), if a crash left any."""
    return sorted(p for p in path.parent.glob(f".{path.name}.creating-*") if not p.name.endswith(("-wal", "-shm")))


def wipe_files(path: Path | str, progress: Callable[[int, int, str], None] | None = None) -> None:
    """Destroy the vault at ``path``, its companion files and any half-made copies of it.

    Not cancellable once started.
    """
    path = Path(path)
    for stale in leftovers(path):
        wipe_files(stale)
    destroy_key_material(path)
    if progress:
        progress(1, 3, "key material destroyed")
    if path.exists():
        _overwrite(path)
    if progress:
        progress(2, 3, "contents overwritten")
    if path.exists():
        _remove(path)
    for extra in companions(path):
        if extra.exists():
            _remove(extra)
    if progress:
        progress(3, 3, "files removed")
