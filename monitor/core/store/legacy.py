"""Converting a vault from before key files (SQLCipher keyed by the passphrase) to a data key.

The old file cannot simply be rekeyed in place: its pages, and its salt in old WAL frames, would
survive in free blocks and still open with the passphrase. So the conversion copies the database
into a new file under a random data key (``sqlcipher_export``), writes the key file, renames the
new file over the old one and then overwrites the old file's bytes through a handle kept open
across the rename. An interruption at any point leaves a vault that opens: before the key file
exists the old vault is untouched; after it exists, :func:`finish_conversion` completes the
rename on the next unlock.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..keys import keyslot, wipe
from ..db import Connection, DatabaseError, _quote, connect
from ..errors import MonitorError
from ..messages import Message
from .. import fs
from ..fs import PRIVATE_FILE, fsync_dir, temp_sibling

TAG = "converting"


def _candidates(path: Path, tag: str = TAG) -> list[Path]:
    return sorted(p for p in path.parent.glob(f".{path.name}.{tag}-*")
                  if not p.name.endswith(("-wal", "-shm", "-journal")) and p.is_file() and not p.is_symlink())


def convert(path: Path, conn: Connection, passphrase: str, cost: keyslot.KdfCost) -> bytes:
    """Convert the legacy vault open on ``conn`` (which this closes); return the new data key."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for stale in _candidates(path):  # an earlier attempt that died before writing its key file
        wipe.wipe_files(stale, check=False)
    data_key = keyslot.new_data_key()
    tmp = temp_sibling(path, TAG)
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    try:
        conn.execute(f"ATTACH DATABASE {_quote(str(tmp))} AS converted KEY \"x'{data_key.hex()}'\"")
        try:
            conn.execute("SELECT sqlcipher_export('converted')")
            conn.execute(f"PRAGMA converted.user_version = {version}")
        finally:
            conn.execute("DETACH DATABASE converted")
        conn.close()
        check = connect(tmp, data_key=data_key)
        try:
            if int(check.execute("PRAGMA user_version").fetchone()[0]) != version:
                raise MonitorError(Message("vault_converted_unreadable"))
            check.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            check.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        keyslot.write_new(tmp, keyslot.path_for(path), data_key, passphrase, cost)
    except BaseException:
        wipe.wipe_files(tmp, check=False)
        raise
    _replace_and_wipe(tmp, path)
    return data_key


def finish_conversion(path: Path, keyfile: keyslot.KeyFile) -> bool:
    """Complete a conversion interrupted after its key file was written; True if there was one."""
    for candidate in _candidates(path):
        if keyslot.vault_salt(candidate) == keyfile.vault_salt:
            _replace_and_wipe(candidate, path)
            return True
    return False


def finish_creation(path: Path) -> bool:
    """A creation killed after its key file went into place but before the vault was renamed
    there: the complete file is still under its temporary name; move it into place."""
    try:
        keyfile = keyslot.read(path)
    except MonitorError:
        return False
    for candidate in _candidates(path, "creating"):
        if keyslot.vault_salt(candidate) == keyfile.vault_salt and not path.exists():
            os.replace(candidate, path)
            fsync_dir(path.parent)
            return True
    return False


def _replace_and_wipe(new: Path, path: Path) -> None:
    """Rename ``new`` over ``path``, then overwrite the old file's bytes (held open) and sync."""
    wipe.destroy_companions(path)  # the old -wal/-shm must not meet the new file
    old = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.replace(new, path)
        fsync_dir(path.parent)
        fs.overwrite(old, os.fstat(old).st_size)  # the one secure-overwrite routine
    finally:
        os.close(old)


__all__ = ["convert", "finish_conversion", "DatabaseError"]
