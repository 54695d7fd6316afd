"""Audit entries for plaintext that leaves the vault (reports, dumps).

The vault's ``put``/``delete`` write their own audit entries; a report or a dump changes no record,
so it is logged here: one chained entry with the output's SHA-256, so a PDF found later can be
matched to the moment, device and redaction level that produced it.
"""

from __future__ import annotations

import contextlib
from typing import Iterator


@contextlib.contextmanager
def logged_output(vault, action: str, *, record_id: str | None = None, detail: str) -> Iterator[None]:
    """Append the entry and run the body (the file write) in one vault transaction.

    If the body raises, the entry is rolled back with it: the log never claims an output that was
    not written. The body must write atomically, so a failed write leaves no file either.
    """
    with vault.writing():  # the vault's writer lock and transaction
        vault.audit(action, record_id=record_id, detail=detail)
        yield


def log_output(vault, action: str, *, record_id: str | None = None, detail: str) -> None:
    with logged_output(vault, action, record_id=record_id, detail=detail):
        pass
