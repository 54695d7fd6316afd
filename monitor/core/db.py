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

from .errors import MonitorError, VaultDamaged, WrongPassphrase
from .messages import Message
from .text import collate

DatabaseError = sqlcipher3.DatabaseError
Connection = sqlcipher3.Connection


def _quote(passphrase: str) -> str:
    # PRAGMA takes no bound parameters; a string literal with doubled quotes is exact.
    return "'" + passphrase.replace("'", "''") + "'"


def connect(path: Path, passphrase: str | None = None, *, data_key: bytes | None = None,
            kdf_iter: int | None = None) -> Connection:
    """Open ``path`` with its raw ``data_key`` (vaults with a key file) or a ``passphrase`` (legacy).

    With a data key, the key file has already proven the passphrase, so a database that does not
    decrypt is damaged (:class:`VaultDamaged`); with a passphrase it may simply be the wrong one
    (:class:`WrongPassphrase`). ``kdf_iter`` (legacy vaults only) is for tests; production code
    leaves SQLCipher 4's default in place.
    """
    if (passphrase is None) == (data_key is None):
        raise ValueError("connect() takes a passphrase or a data key")
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        # Wipe SQLCipher's freed memory, so key material and decrypted pages do not linger on the heap.
        conn.execute("PRAGMA cipher_memory_security = ON")
        if data_key is not None:
            conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        else:
            conn.execute(f"PRAGMA key = {_quote(passphrase)}")
            if kdf_iter is not None:
                conn.execute(f"PRAGMA kdf_iter = {int(kdf_iter)}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            if data_key is not None:
                raise VaultDamaged(Message("vault_damaged_key", path=str(path))) from exc
            raise WrongPassphrase() from exc
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise MonitorError(Message("wal_failed", mode=repr(mode)))
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
