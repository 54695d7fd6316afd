"""An inbox folder: bundles that arrive there (a synced folder, a USB stick) are merged on their own.

A coordinator names one folder per vault (kept inside the vault, so the path is not left in a
plain settings file). :func:`scan` looks at the bundle files directly in it and passes each one
that was not handled yet to :func:`monitor.core.sync.exchange.import_bundle`, exactly as a
manual import would: all or nothing per bundle, the vault unchanged by any bundle it refuses.

- Only regular files named ``*.monitor-bundle`` or ``*.age`` are read; hidden files, partial
  downloads (``.part``, ``.tmp``, ``.crdownload``, ``~``), symbolic links and sub-folders are not.
- A file still being written (modified in the last ``settle_seconds``) waits for the next scan.
- The folder is never written to: files are neither moved nor deleted (a synced folder belongs
  to the sync tool). A bundle imported before is recognised by its hash and is a no-op.
- A bundle from a signer the vault does not trust is not imported: it waits until the user compares
  the fingerprint and imports it on purpose (``trust``). A refused bundle is not retried until the
  file changes (``handled`` remembers files by name, size and modification time).
- A refused file is recorded and the scan goes on to the next one: whatever goes wrong with one
  file (a typed refusal, or any other exception, recorded as one line) never stops the others,
  so an old poison file cannot block the bundles that arrive after it.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..db import transaction
from ..errors import Cancelled, MonitorError, UnknownSigner
from ..messages import Joined, Message
from ..store import sync_log
from ..store.vault import FOREVER
from ..text import one_line
from . import exchange

if TYPE_CHECKING:
    from ..store.vault import Vault

META_KEY = "inbox_folder"
SUFFIXES = (".monitor-bundle", ".age")
PARTIAL = (".part", ".partial", ".tmp", ".crdownload", ".download", "~")
Progress = Callable[[int, int, str], None]

IMPORTED, REPLAY, UNKNOWN_SIGNER, REFUSED = "imported", "replay", "unknown-signer", "refused"


@dataclass
class Outcome:
    """What happened to one file of the inbox."""

    name: str
    status: str  # imported, replay, unknown-signer or refused
    message: str = ""  # one line: the summary, or why it was refused
    fingerprint: str = ""  # the signer's, when it is not trusted yet
    report: exchange.MergeReport | None = field(default=None, repr=False)


def folder(conn) -> Path | None:
    """The vault's inbox folder, or None."""
    value = sync_log.setting(conn, META_KEY)
    return Path(value) if value else None


def set_folder(conn, path: Path | str | None) -> None:
    """Name the inbox folder (None: no inbox). It must be an existing folder."""
    with transaction(conn):
        _store_folder(conn, path)


def _store_folder(conn, path: Path | str | None) -> None:
    if path is None:
        sync_log.set_setting(conn, META_KEY, None)
        return
    path = Path(path).expanduser().absolute()
    if not path.is_dir():
        raise MonitorError(Message("inbox_not_a_folder", path=one_line(str(path), 80)))
    sync_log.set_setting(conn, META_KEY, str(path))


def folder_of(vault: "Vault") -> Path | None:
    """The open vault's inbox folder, or None."""
    with vault.reading() as conn:
        return folder(conn)


def choose_folder(vault: "Vault", path: Path | str | None) -> Path | None:
    """Name the open vault's inbox folder (None: no inbox), waiting for long work to end; return
    the folder as stored (absolute)."""
    with vault.writing(FOREVER) as conn:
        _store_folder(conn, path)
        return folder(conn)


def _identity(entry: os.DirEntry) -> tuple[str, int, int]:
    info = entry.stat(follow_symlinks=False)
    return entry.name, info.st_size, info.st_mtime_ns


def candidates(path: Path, *, settle_seconds: float = 2.0, now: float | None = None) -> list[os.DirEntry]:
    """The bundle files in ``path`` ready to read, oldest first (then by name)."""
    now = time.time() if now is None else now
    found = []
    try:
        entries = list(os.scandir(path))
    except OSError as exc:
        raise MonitorError(Message("inbox_unreadable", path=one_line(str(path), 80), reason=str(exc.strerror))) from None
    for entry in entries:
        name = entry.name
        lower = name.lower()
        if name.startswith(".") or lower.endswith(PARTIAL) or not lower.endswith(SUFFIXES):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue  # gone meanwhile
        if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < settle_seconds:
            continue
        found.append((info.st_mtime_ns, name, entry))
    return [entry for _m, _n, entry in sorted(found, key=lambda t: (t[0], t[1]))]


def _reason(exc: MonitorError) -> str:
    """Why a file was not merged: the error's catalogue message (shown in the user's language),
    or its one line of text."""
    message = getattr(exc, "message", None)
    return message if isinstance(message, (Message, Joined)) else one_line(str(exc), 300)


def scan(vault: "Vault", path: Path | str | None = None, *, handled: dict | None = None, trust: list[str] = (),
         settle_seconds: float = 2.0, progress: Progress | None = None, cancel=None) -> list[Outcome]:
    """Import the inbox's new bundles, one transaction each; return what happened to each file
    looked at this time (files in ``handled`` from an earlier scan, and unchanged, are skipped)."""
    path = Path(path) if path is not None else folder_of(vault)
    if path is None:
        raise MonitorError(Message("inbox_none"))
    handled = {} if handled is None else handled
    ready = []
    for entry in candidates(path, settle_seconds=settle_seconds):
        try:
            key = _identity(entry)
        except OSError:
            continue  # gone meanwhile: looked at again if it comes back
        if key not in handled:
            ready.append((entry, key))
    outcomes = []
    for i, (entry, key) in enumerate(ready):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress:
            progress(i, len(ready), entry.name)
        try:
            report = exchange.import_bundle(vault, entry.path, trust=list(trust), cancel=cancel)
        except UnknownSigner as exc:
            outcome = Outcome(entry.name, UNKNOWN_SIGNER, _reason(exc), fingerprint=exc.fingerprint)
        except Cancelled:
            raise
        except MonitorError as exc:
            outcome = Outcome(entry.name, REFUSED, _reason(exc))
        except Exception as exc:  # noqa: BLE001 - one file, whatever it holds, never stops the others
            outcome = Outcome(entry.name, REFUSED, Message(
                "inbox_file_failed", detail=one_line(f"{type(exc).__name__}: {exc}", 160)))
        else:
            outcome = Outcome(entry.name, REPLAY if report.replay else IMPORTED,
                              "" if report.replay else report.summary(), report=report)
        if outcome.status != UNKNOWN_SIGNER:  # waits, and is looked at again once trusted
            handled[key] = outcome
        outcomes.append(outcome)
    if progress:
        progress(len(ready), len(ready), "")
    return outcomes
