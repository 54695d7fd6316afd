"""Opening SQLCipher connections the one right way.

Order matters (measured): ``PRAGMA key`` first, silence SQLCipher's log, prove the key with a
read (a wrong key fails there, not at ``PRAGMA key``), and only then switch to WAL, outside any
transaction, checking that SQLite answered ``wal``. Nothing is written before the key is proven,
so a wrong passphrase leaves the file byte-for-byte unchanged.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import sqlcipher3

from .errors import MonitorError, WrongPassphrase
from .text import collate

DatabaseError = sqlcipher3.DatabaseError
Connection = sqlcipher3.Connection


def _quote(passphrase: str) -> str:
    # PRAGMA takes no bound parameters; a string literal with doubled quotes is exact.
    return "'" + passphrase.replace("'", "''") + "'"


def connect(path: Path, passphrase: str, *, kdf_iter: int | None = None) -> Connection:
    """Open ``path`` with ``passphrase``; raise :class:`WrongPassphrase` if the key is wrong.

    ``kdf_iter`` is for tests only; production code leaves SQLCipher 4's default in place.
    """
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        if kdf_iter is not None:
            conn.execute(f"PRAGMA kdf_iter = {int(kdf_iter)}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            raise WrongPassphrase() from exc
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise MonitorError(f"could not switch the vault to WAL mode (got {mode!r})")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")  # a committed record survives power loss too
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files for sorts or indexes
        conn.create_collation("monitor", collate)
    except BaseException:
        with contextlib.suppress(Exception):
            conn.close()
        raise
    return conn


def rekey(conn: Connection, new_passphrase: str) -> None:
    conn.execute(f"PRAGMA rekey = {_quote(new_passphrase)}")


@contextlib.contextmanager
def transaction(conn: Connection):
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (including cancel)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
