"""Vault care that both faces offer: a backup copy, and checking a passphrase.

A backup is a byte copy of the vault file *and every file it needs to open* — the sibling files
whose names start with the vault's name (``NAME.keyslot`` once the key file lands), never the
``-wal``/``-shm``/``-journal`` companions, which a checkpoint has folded into the file first.
The copy is still encrypted with the same key: it opens with the same passphrase, and a thief
of the backup medium learns nothing more than a thief of the laptop.

While copying, the vault holds SQLite's write lock (``BEGIN IMMEDIATE``), so no writer can
commit and no checkpoint can change the file under the copy; readers carry on. Every file is
copied to a temporary name beside its destination, synced, read back and compared by SHA-256,
and only when all of them are complete are they renamed into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..errors import Cancelled, MonitorError
from ..fs import PRIVATE_FILE, fsync_dir, temp_sibling
from ..messages import Message

if TYPE_CHECKING:
    from .vault import Vault

_CHUNK = 1 << 20
_COMPANIONS = ("-wal", "-shm", "-journal")


def vault_files(path: Path) -> list[Path]:
    """The vault file and the sibling files it needs to open, in a stable order."""
    path = Path(path)
    siblings = sorted(
        p for p in path.parent.glob(f"{_glob_escape(path.name)}*")
        if p != path and p.is_file() and not p.name.endswith(_COMPANIONS)
    )
    return [path, *siblings]


def _glob_escape(name: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)


def _copy(source: Path, tmp: Path, done: int, total: int, progress, cancel) -> tuple[int, str]:
    digest = hashlib.sha256()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        while chunk := src.read(_CHUNK):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            out.write(chunk)
            digest.update(chunk)
            done += len(chunk)
            if progress:
                progress(done, total, "backup")
        out.flush()
        os.fsync(out.fileno())
    return done, digest.hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def backup(vault: "Vault", destination: Path | str, *, progress: Callable | None = None,
           cancel=None) -> list[Path]:
    """Copy the open vault and its sibling files to ``destination`` (+ the same suffixes).

    Returns the files written. Nothing at ``destination`` changes unless every file was copied
    and read back intact.
    """
    destination = Path(destination).expanduser().absolute()
    source = Path(vault.path).absolute()
    if destination == source or destination.name.startswith(source.name) and destination.parent == source.parent:
        raise MonitorError(Message("backup_same_file"))
    written: list[tuple[Path, Path]] = []
    with vault._lock:
        conn = vault.conn
        for _attempt in range(5):
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            conn.execute("BEGIN IMMEDIATE")
            wal = Path(f"{source}-wal")
            if not busy and (not wal.exists() or wal.stat().st_size == 0):
                break
            conn.execute("ROLLBACK")  # a writer slipped in between: fold its pages in and retry
        else:
            raise MonitorError(Message("backup_busy"))
        try:
            files = vault_files(source)
            total = sum(f.stat().st_size for f in files)
            done = 0
            for f in files:
                target = destination.with_name(destination.name + f.name[len(source.name):])
                tmp = temp_sibling(target, "backup")
                written.append((tmp, target))
                done, digest = _copy(f, tmp, done, total, progress, cancel)
                if _sha256(tmp) != digest:
                    raise MonitorError(Message("backup_mismatch", name=target.name))
        except BaseException:
            for tmp, _ in written:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            raise
        finally:
            conn.execute("ROLLBACK")  # nothing was written; the write lock ends here
    for tmp, target in written:
        os.replace(tmp, target)
    fsync_dir(destination.parent)
    return [target for _, target in written]


def passphrase_opens(path: Path | str, passphrase: str, *, kdf_iter: int | None = None) -> bool:
    """Whether ``passphrase`` opens the vault at ``path`` (the vault stays as it is).

    Asked while the vault is open (the current passphrase before a change or a rekey), so the
    duress passphrase is only a wrong passphrase here: it destroys the key file at unlock alone.
    """
    from ..errors import WrongPassphrase
    from ..keys import keyslot
    from ..keys.passphrase import normalise
    from .vault import Vault

    if keyslot.path_for(Path(path)).is_file():
        opened = keyslot.read(Path(path)).open_slots(normalise(passphrase))
        if opened is not None:
            opened[0][:] = bytes(len(opened[0]))
        return opened is not None
    try:
        Vault.open(path, passphrase, kdf_iter=kdf_iter).close()
    except WrongPassphrase:
        return False
    return True
