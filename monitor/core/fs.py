"""File-system hygiene: a private umask, private directories, atomic file writes.

Every file Monitor writes outside the vault (reports, bundles, dumps to a file) goes through
:func:`atomic_writer`: a temporary name in the same directory, fsync, then ``os.replace``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def harden_process() -> None:
    """Set umask 077; where the OS allows, forbid core dumps, and on Linux mark the process
    non-dumpable, so that neither a core file nor ``gcore``/ptrace by another process of the
    same user can copy the key out of its memory."""
    os.umask(0o077)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # not on Windows, or not permitted
        pass
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool | None:
    """Linux only: whether the process may be dumped or traced (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    return bool(ctypes.CDLL(None).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) as 0700 directories; tighten an existing leaf to 0700."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_DIR)
    return path


def temp_sibling(path: Path, tag: str = "tmp") -> Path:
    """A fresh, unpredictable name in the same directory as ``path`` (same file system)."""
    return path.with_name(f".{path.name}.{tag}-{secrets.token_hex(6)}")


def fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: Path | str) -> Iterator[BinaryIO]:
    """Write ``path`` atomically: the file appears whole, with mode 0600, or not at all."""
    path = Path(path)
    tmp = temp_sibling(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


_OVERWRITE_CHUNK = 1 << 20


def overwrite(fd: int, length: int) -> None:
    """Overwrite the first ``length`` bytes of the open file ``fd`` in place (same inode, same
    blocks) with random data, in chunks, then sync it.

    Monitor's one secure-overwrite routine: the wipe, the key file's destruction
    (:func:`monitor.core.keys.keyslot.destroy`) and the conversion of a vault from before key files (which overwrites
    the old file through a handle held across the rename) all call it.
    """
    done = 0
    while done < length:
        n = min(_OVERWRITE_CHUNK, length - done)
        os.pwrite(fd, secrets.token_bytes(n), done)
        done += n
    os.fsync(fd)
