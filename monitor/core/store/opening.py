"""Opening, creating and converting a vault: everything that touches the key file.

:meth:`Vault.open <monitor.core.store.vault.Vault.open>` and :meth:`Vault.create
<monitor.core.store.vault.Vault.create>` delegate here, so the vault module itself needs neither
the key file (:mod:`..keys.keyslot`), the conversion of old vaults (:mod:`.legacy`) nor wipe to
read an open vault: a report built on an open vault does not load them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import audit, legacy, migrations, recordings, sync_log
from ..db import Connection, DatabaseError, connect, transaction, wipe
from ..errors import MonitorError, VaultDamaged, VaultExists, VaultNotFound, WrongPassphrase
from ..messages import Message
from ..fs import PRIVATE_FILE, ensure_private_dir, fsync_dir, temp_sibling
from ..history.revisions import new_id, utc_now
from ..keys import duress, keyslot, recovery
from ..keys.identity import DeviceIdentity
from ..keys.passphrase import check_strength, normalise
from ..model import vocab
from ..search import index as _search
from ..text import one_line

if TYPE_CHECKING:
    from .vault import Vault

Progress = Callable[[int, int, str], None]


def _cost(kdf: keyslot.KdfCost | None, kdf_iter: int | None) -> keyslot.KdfCost:
    """The Argon2id cost for a new key file.

    Production passes neither and gets :data:`keyslot.DEFAULT_COST`. ``kdf`` is the tests' explicit
    low cost. ``kdf_iter`` is the older test-only knob (SQLCipher's PBKDF2 count, still used to open
    test vaults from before key files); a caller that passes only it is a test written before key
    files, so it gets the test cost too rather than a production derivation per vault.
    """
    if kdf is not None:
        return kdf
    return keyslot.TEST_COST if kdf_iter is not None else keyslot.DEFAULT_COST


def _place(path: Path) -> str:
    """Where a vault file lives: this machine and the file's absolute path, hashed."""
    machine = ""
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        with contextlib.suppress(OSError):
            machine = Path(candidate).read_text(encoding="ascii", errors="replace").strip()
        if machine:
            break
    machine = machine or platform.node()
    return hashlib.sha256(f"monitor-place\0{machine}\0{Path(path).resolve()}".encode("utf-8")).hexdigest()


def renew_device_if_copied(conn: Connection, path: Path) -> bool:
    """Give a copied (or moved) vault file its own device id the first time it opens elsewhere.

    Revisions carry the device that made them, and a coordinator follows each device's history. Two
    copies of one vault that both go on working must not pass for one device. The vault keeps a hash
    of the machine and path it was last opened at; opened anywhere else, it takes a new device id
    (its signing and age keys stay, so contacts still trust it) and logs why. Returns whether it did.
    """
    place = _place(path)
    row = conn.execute("SELECT value FROM meta WHERE key = 'place'").fetchone()
    if row is not None and row[0] == place:
        return False
    with transaction(conn):
        if row is None:  # first open since this check exists: remember the place
            conn.execute("INSERT INTO meta (key, value) VALUES ('place', ?)", (place,))
            return False
        old = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
        new = new_id()
        conn.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", (new,))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'place'", (place,))
        profile = conn.execute("SELECT value FROM meta WHERE key = 'profile'").fetchone()[0]
        audit.append(conn, at=utc_now(), actor=profile, device=new, action="device-renewed",
                     detail=f"this vault file was copied or moved (it was device {old}); it now writes as device {new}")
    return True



def create(cls: type["Vault"], path: Path | str, passphrase: str, *, profile: str = "monitor",
           kdf: keyslot.KdfCost | None = None, kdf_iter: int | None = None,
           populate: Callable[["Vault"], None] | None = None) -> "Vault":
    """Create a new vault at ``path`` (and its key file ``path.keyslot``) and return it open.

    The database is keyed with a random data key, wrapped in the key file under a key derived
    from the passphrase with Argon2id at ``kdf`` cost (tests pass a low one explicitly; see
    :func:`_cost` for ``kdf_iter``). The file is built under a
    temporary name in the same directory and renamed into place only when complete (including
    ``populate``, used for demo data), so an interrupted or cancelled creation never leaves a
    half-made vault at ``path``.
    """
    path = Path(path)
    slot_path = keyslot.path_for(path)
    if path.exists() or path.is_symlink():
        raise VaultExists(Message("vault_exists", path=str(path)))
    if slot_path.exists() or slot_path.is_symlink():
        raise VaultExists(Message("key_file_exists", path=str(slot_path)))
    passphrase = check_strength(passphrase)
    cost = _cost(kdf, kdf_iter)
    ensure_private_dir(path.parent)
    tmp = temp_sibling(path, "creating")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    data_key = keyslot.new_data_key()
    slot_written = False
    try:
        conn = connect(tmp, data_key=data_key)
        migrations.upgrade(conn)
        _search.ensure_index(conn)
        identity = DeviceIdentity.generate()
        now = utc_now()
        with transaction(conn):
            meta = {
                "vault_id": new_id(),
                "device_id": new_id(),
                "profile": profile,
                "created_at": now,
                "age_identity": identity.age_identity,
                "signing_key": identity.signing_key.hex(),
            }
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
            vocab.seed(conn)
            audit.append(conn, at=now, actor=profile, device=meta["device_id"],
                         action="vault-created", detail=f"schema {migrations.CURRENT_VERSION}")
        vault = cls(tmp, conn)
        try:
            if populate is not None:
                # The vault is still a temporary file that is discarded on any failure and renamed
                # into place only after a full checkpoint, so per-commit fsyncs buy nothing here.
                conn.execute("PRAGMA synchronous = OFF")
                populate(vault)
                conn.execute("PRAGMA synchronous = FULL")
        finally:
            vault.close()
        # The key file goes into place first: a crash before the rename below leaves a key file
        # without a vault (create refuses to reuse it), never a vault without its key.
        keyslot.write_new(tmp, slot_path, data_key, passphrase, cost)
        slot_written = True
        del passphrase
        if path.exists():
            raise VaultExists(Message("vault_appeared", path=str(path)))
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        from ..keys.wipe import destroy_key_file, wipe_files

        if slot_written:
            destroy_key_file(path)
        wipe_files(tmp, check=False)
        wipe(data_key)
        raise
    return _open_keyed(cls, path, data_key)

def open_vault(cls: type["Vault"], path: Path | str, passphrase: str, *, kdf: keyslot.KdfCost | None = None,
         kdf_iter: int | None = None, progress: Progress | None = None) -> "Vault":
    """Open an existing vault; upgrade its schema if it is older than this Monitor.

    The key file proves the passphrase before the database is touched, so a database that
    then fails to decrypt is reported as damaged, not as a wrong passphrase. A vault from
    before key files (keyed by the passphrase; ``kdf_iter`` lowers that cost in tests) is
    converted on its first unlock: a new file with a random data key and a key file at ``kdf``
    cost, after which the old file is wiped.
    """
    path = Path(path)
    if not path.is_file() and not (keyslot.path_for(path).is_file() and legacy.finish_creation(path)):
        raise VaultNotFound(Message("vault_not_found", path=str(path)))
    if not os.access(path, os.R_OK | os.W_OK):
        raise MonitorError(Message("permission_denied", path=str(path)))
    passphrase = normalise(passphrase)
    slot_path = keyslot.path_for(path)
    finish_rekey(path)  # a rekey that a crash interrupted: completed or undone before any unwrap
    if not (slot_path.exists() or slot_path.is_symlink()):
        return _open_legacy(cls, path, passphrase, kdf=kdf, kdf_iter=kdf_iter, progress=progress)
    keyfile = keyslot.read(path)
    try:
        data_key, _index = keyfile.unwrap(passphrase)
    except WrongPassphrase:
        # the same derivation, write and sync for a wrong passphrase and the duress one, which
        # destroys the key file in place: either way the caller sees this very WrongPassphrase
        duress.answer(keyfile, passphrase)
        raise
    del passphrase
    if keyfile.vault_salt != keyslot.vault_salt(path):
        if not legacy.finish_conversion(path, keyfile):
            raise VaultDamaged(Message("vault_damaged_other_key_file", path=str(path), slot=str(slot_path)))
    vault = _open_keyed(cls, path, data_key, progress=progress)
    if keyfile.damaged:
        cleared = keyslot.clear_damaged(keyfile)
        vault._keyfile_seen = keyslot.state(path)  # noqa: SLF001 - the store's own
        vault.warnings.append(f"the key file {slot_path} had {len(cleared)} damaged spare slot(s); they were "
                              "cleared (the vault is intact; consider a fresh backup of both files)")
    return vault

def _open_keyed(cls: type["Vault"], path: Path, data_key: bytes, *, progress: Progress | None = None) -> "Vault":
    conn = connect(path, data_key=data_key)
    try:
        try:
            if migrations.version(conn) == 0:
                raise VaultDamaged(Message("vault_damaged_no_data", path=str(path)))
            migrations.upgrade(conn, progress=progress)
            if vocab.needs_refresh(conn):  # this Monitor ships changed built-in vocabularies
                with transaction(conn):
                    vocab.seed(conn)
            _search.ensure_index(conn, progress=progress)  # derived; rebuilt when its version changed
            renew_device_if_copied(conn, path)
            vault = cls(path, conn, data_key, keyfile_seen=keyslot.state(path))
            _recover_recordings(vault)
            return vault
        except DatabaseError as exc:
            raise VaultDamaged(Message("vault_damaged_detail", detail=one_line(str(exc), 60))) from exc
    except BaseException:
        with contextlib.suppress(Exception):
            conn.close()
        if isinstance(data_key, bytearray):
            wipe(data_key)
        raise

def _recover_recordings(vault: "Vault") -> None:
    """Finish recordings a crash cut short (:func:`.recordings.recover`); one look-up in ``meta``'s
    key index when there are none."""
    if recordings.has_staged(vault.conn):
        recordings.recover(vault)


def _open_legacy(cls: type["Vault"], path: Path, passphrase: str, *, kdf: keyslot.KdfCost | None,
                 kdf_iter: int | None, progress: Progress | None) -> "Vault":
    """A vault keyed by its passphrase (before key files): prove it, then convert it."""
    if path.stat().st_size == 0:  # SQLCipher would accept any key for an empty file
        raise WrongPassphrase()
    try:
        conn = connect(path, passphrase, kdf_iter=kdf_iter)
    except WrongPassphrase:
        raise WrongPassphrase(
            Message("key_file_missing_or_wrong_passphrase", path=str(keyslot.path_for(path)))) from None
    try:
        if migrations.version(conn) == 0:  # keyed but never set up: not a vault we made
            raise WrongPassphrase()
        if migrations.version(conn) > migrations.CURRENT_VERSION:
            migrations.upgrade(conn)  # raises VaultTooNew; convert nothing we do not understand
        data_key = legacy.convert(path, conn, passphrase, _cost(kdf, kdf_iter))
    except BaseException:
        with contextlib.suppress(Exception):
            conn.close()
        raise
    return _open_keyed(cls, path, data_key, progress=progress)


# --- a new data key (``monitor passwd --rekey``) ------------------------------------------------

REKEY_TAG = "rekeying"  # .NAME.rekeying-R: the database copied under the new key; + .keyslot: its key file
RETIRED_TAG = "retired"  # .NAME.retired-R: a second name for the old database, so it can be overwritten


def _rekey_leftovers(path: Path, tag: str) -> list[Path]:
    return sorted(p for p in path.parent.glob(f".{path.name}.{tag}-*")
                  if not p.name.endswith(("-wal", "-shm", "-journal", keyslot.SUFFIX))
                  and not p.is_symlink())


def _hold_copy(copy: Path) -> int | None:
    """Open ``copy`` and take an exclusive advisory lock on it for the whole rekey (the kernel
    drops it when the process dies, so a killed rekey's copy is recognised as a leftover)."""
    fd = os.open(copy, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # pragma: no cover - Windows: no advisory lock; one process per vault
        pass
    return fd


def _in_progress(copy: Path) -> bool:
    """Whether a live process holds ``copy`` (see :func:`_hold_copy`)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        return False
    try:
        fd = os.open(copy, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops a lock this call took
    return False


def finish_rekey(path: Path) -> bool:
    """Complete or undo an interrupted rekey of ``path``; True if one had reached its commit point.

    The commit point is the rename of the copy over the vault file. The new key file (beside the
    copy, bound to the copy's salt) says which side of it a crash fell on: if its salt is the vault
    file's, the rename happened, so the old key file is destroyed in place and the new one renamed
    into its place; otherwise the copy and its key file are destroyed and the old vault stays as it
    was. A second name of the old database is then overwritten (if it is no longer the vault file)
    or merely removed (if the crash came before the rename, when it is the vault file itself).
    """
    from ..keys.wipe import wipe_files

    path = Path(path)
    committed = False
    try:
        salt = keyslot.vault_salt(path)
    except OSError:
        return False
    for new_slot in sorted(path.parent.glob(f".{path.name}.{REKEY_TAG}-*{keyslot.SUFFIX}")):
        if new_slot.is_symlink() or not new_slot.is_file():
            continue
        copy = Path(str(new_slot)[:-len(keyslot.SUFFIX)])  # renamed over the vault if committed
        try:
            done = keyslot.read(copy).vault_salt == salt
        except MonitorError:
            done = False
        if not done and _in_progress(copy):
            continue  # another process is rekeying this vault right now: its copy is not a leftover
        if done:
            if keyslot.path_for(path).is_file():
                keyslot.destroy(path)  # the old key file, in place: the old data key is gone
            os.replace(new_slot, keyslot.path_for(path))
            fsync_dir(path.parent)
            committed = True
        elif copy.is_file():
            wipe_files(copy, check=False)  # its key file first (in place), then the copy
        else:
            keyslot.destroy(copy)
            new_slot.unlink()
    for copy in _rekey_leftovers(path, REKEY_TAG):  # a copy killed before its key file was written
        if not _in_progress(copy):
            wipe_files(copy, check=False)
    for old in _rekey_leftovers(path, RETIRED_TAG):
        if old.is_file() and path.is_file() and os.path.samefile(old, path):
            old.unlink()  # the crash came before the rename: this is the vault itself
        else:
            wipe_files(old, check=False)
    return committed


def rekey(vault: "Vault", new_passphrase: str, cost: keyslot.KdfCost, *, progress: Progress | None = None,
          cancel=None, recovery_recipients=()) -> None:
    """Re-encrypt the open vault under a new random data key, with a new key file.

    The steps, in this order (docs/vault.md): copy the database with ``sqlcipher_export`` into
    ``.NAME.rekeying-R`` under the new key, check and sync it; write its key file beside it (new
    passphrase); close the vault; give the old database a second name; rename the copy over the
    vault file (the commit point); destroy the old key file in place and rename the new one into
    place; overwrite the old database through its second name. :func:`finish_rekey` completes or
    undoes any of this after a crash, on the next open. Cancel works until the commit point.

    A recovery slot (keys/recovery.py) is carried forward: the new key file gets one wrapping the
    new data key to the same recipient, written before the commit point (so a crash leaves either
    the old key file with the old slot or the new one with the new slot). Its recipient is found
    by fingerprint among the vault's contacts and ``recovery_recipients``; an unknown one refuses
    the rekey before anything is written.
    """
    from ..db import raw_key_literal
    from ..errors import Cancelled

    path = vault.path
    stages = 4

    def step(n: int) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress:
            progress(n, stages, "rekey")

    conn = vault.conn
    step(0)
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    revisions = conn.execute("SELECT count(*) FROM revisions").fetchone()[0]
    carried = recovery.recipients(keyslot.read(path), [*recovery_recipients,
                                                       *(row[2] for row in sync_log.contact_rows(conn))])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finish_rekey(path)  # an earlier attempt's leftovers (normally cleared at open)
    new_key = keyslot.new_data_key()
    copy = temp_sibling(path, REKEY_TAG)
    os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    held = _hold_copy(copy)
    try:
        literal = raw_key_literal(new_key)
        try:  # bound as a blob: SQLCipher copies it; no str or bytes of the key is made
            conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(copy), literal))
        finally:
            wipe(literal)
        try:
            if cancel is not None:
                conn.set_progress_handler(lambda: 1 if cancel.is_set() else 0, 100_000)
            try:
                conn.execute("SELECT sqlcipher_export('rekeyed')")
            except DatabaseError:
                if cancel is not None and cancel.is_set():
                    raise Cancelled() from None
                raise
            finally:
                conn.set_progress_handler(None, 0)
            conn.execute(f"PRAGMA rekeyed.user_version = {version}")
        finally:
            conn.execute("DETACH DATABASE rekeyed")
        step(1)
        check = connect(copy, data_key=new_key)
        try:
            same = (int(check.execute("PRAGMA user_version").fetchone()[0]) == version
                    and check.execute("SELECT count(*) FROM revisions").fetchone()[0] == revisions
                    and check.execute("PRAGMA quick_check").fetchone()[0] == "ok")
            if same:  # the audit entry is part of the copy, so it exists exactly when the rekey committed
                with transaction(check):
                    audit.append(check, at=utc_now(), actor=vault.profile, device=vault.device_id,
                                 action="vault-rekeyed", detail="a new data key and key file; the old key file destroyed")
            check.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            check.close()
        if not same:
            raise MonitorError(Message("vault_rekey_unreadable"))
        with open(copy, "rb+") as handle:
            os.fsync(handle.fileno())
        step(2)
        # the duress verifier (or the empty slot in its place) goes along unchanged, byte for byte
        keyslot.write_new(copy, keyslot.path_for(copy), new_key, new_passphrase, cost,
                          duress_slot=duress.carried(path))
        del new_passphrase
        recovery.write_slots(copy, new_key, carried)  # in the new key file, still beside the copy
        step(3)
    except BaseException:
        from ..keys.wipe import wipe_files

        os.close(held)
        wipe_files(copy, check=False)
        wipe(new_key)
        raise
    # From here on there is no cancelling: close, then the renames.
    from ..keys.wipe import destroy_companions

    try:
        vault._release()  # noqa: SLF001 - the store's own: closes the connection, zeroes the old key
        destroy_companions(path)  # the old -wal/-shm must not meet the new file
        retired = temp_sibling(path, RETIRED_TAG)
        os.link(path, retired)
        os.replace(copy, path)  # the commit point
        fsync_dir(path.parent)
    finally:
        os.close(held)
    finish_rekey(path)
    vault._adopt(connect(path, data_key=new_key), new_key, keyslot.state(path))  # noqa: SLF001
    if progress:
        progress(stages, stages, "rekey")
