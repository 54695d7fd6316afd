"""Opening SQLCipher connections the one right way.

Order matters (measured): ``PRAGMA key`` first, silence SQLCipher's log, prove the key with a
read (a wrong key fails there, not at ``PRAGMA key``), and only then switch to WAL, outside any
transaction, checking that SQLite answered ``wal``. Nothing is written before the key is proven,
so a wrong passphrase leaves the file byte-for-byte unchanged.
"""

from __future__ import annotations

import contextlib
import ctypes
from pathlib import Path

import sqlcipher3

from .errors import MonitorError, VaultDamaged, WrongPassphrase
from .messages import Message
from .text import collate

DatabaseError = sqlcipher3.DatabaseError
Connection = sqlcipher3.Connection


# Whether connections turn on SQLCipher's cipher_memory_security (wipe the memory it frees).
# Process-wide, and it cannot be turned off again once a connection set it. Measured (docs/desktop.md):
# it costs about 4x the CPU of every write, and what it removes from a locked window's memory is
# freed plaintext pages (3 of 4 UTF-8 copies of a testimony seen after Ctrl+L); the data key is
# gone after lock either way. So the window's process turns it on (gui/session.py), where a locked
# laptop's memory is the threat; short CLI processes, whose memory ends with them, leave it off.
MEMORY_SECURITY = False

_HEX = b"0123456789abcdef"
# A sqlcipher3 Connection object starts with PyObject_HEAD, then the ``sqlite3 *`` handle.
_HANDLE_OFFSET = ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(ctypes.c_void_p)
_lib = None


def _sqlite():
    """The SQLCipher library sqlcipher3 carries, for ``sqlite3_key`` (None where it is not exported)."""
    global _lib
    if _lib is None:
        try:
            lib = ctypes.CDLL(sqlcipher3._sqlite3.__spec__.origin)
            lib.sqlite3_key.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]
            lib.sqlite3_key.restype = ctypes.c_int
            lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
            lib.sqlite3_db_filename.restype = ctypes.c_char_p
            _lib = lib
        except (OSError, AttributeError):
            _lib = False
    return _lib or None


def raw_key_literal(data_key) -> bytearray:
    """``x'<64 hex digits>'`` for a raw key, built in a bytearray the caller wipes (no str, no bytes)."""
    out = bytearray(3 + 2 * len(data_key))
    out[0:2] = b"x'"
    for i, byte in enumerate(data_key):
        out[2 + 2 * i] = _HEX[byte >> 4]
        out[3 + 2 * i] = _HEX[byte & 15]
    out[-1] = 0x27  # '
    return out


def wipe(buffer: bytearray | None) -> None:
    """Zero a bytearray in place (the key's one copy in Python)."""
    if buffer is not None:
        buffer[:] = bytes(len(buffer))


def _key_raw(conn: Connection, data_key, path: Path) -> None:
    """Key ``conn`` with a raw data key without making an immutable Python copy of it.

    ``sqlite3_key`` gets a buffer this function owns and zeroes; SQLCipher copies the key into its
    own memory (wiped when freed while memory security is on). Where the library does not export
    ``sqlite3_key``, the pragma is the fallback: its statement text is a Python str that cannot be
    wiped, and docs/desktop.md says so.
    """
    literal = raw_key_literal(data_key)
    try:
        lib = _sqlite()
        handle = ctypes.c_void_p.from_address(id(conn) + _HANDLE_OFFSET).value if lib else None
        expected = conn.execute("PRAGMA database_list").fetchone()[2]
        if handle and (lib.sqlite3_db_filename(handle, b"main") or b"").decode("utf-8", "replace") == expected:
            buffer = (ctypes.c_char * len(literal)).from_buffer(literal)
            try:
                if lib.sqlite3_key(handle, buffer, len(literal)) != 0:
                    raise VaultDamaged(Message("vault_damaged_key", path=str(path)))
            finally:
                del buffer
        else:  # pragma: no cover - a build without the exported symbol
            conn.execute(f"PRAGMA key = \"{literal.decode('ascii')}\"")
    finally:
        wipe(literal)


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
        if MEMORY_SECURITY:
            conn.execute("PRAGMA cipher_memory_security = ON")
        if data_key is not None:
            _key_raw(conn, data_key, path)
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
