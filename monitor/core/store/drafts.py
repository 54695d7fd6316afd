"""Drafts: what an editor holds but has not saved yet, kept inside the vault (never on disk).

An editor saves its unsaved state here every few seconds and when the vault is about to lock;
on reopening the record it offers the draft back. A draft is not a record: it has no revision,
no audit entry and no search entry, and saving the record for real discards it. Drafts live in
the vault's encrypted ``meta`` table under ``draft:<record id>``, so they need no schema change
and are destroyed with the vault.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..history.revisions import utc_now
from ..text import canonical_json

if TYPE_CHECKING:
    from .vault import Vault

PREFIX = "draft:"


def save(vault: "Vault", record_id: str, body: dict, record_type: str | None = None) -> None:
    """Keep ``body`` (any JSON object, not validated) as the draft of ``record_id`` (a record of
    ``record_type``, which lets a new record's editor find its draft again, see :func:`unsaved_new`)."""
    draft = {"saved_at": utc_now(), "body": body}
    if record_type:
        draft["type"] = record_type
    value = json.dumps(draft, ensure_ascii=False)
    canonical_json(body)  # refuses what JSON cannot hold, before anything is written
    with vault.writing() as conn:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (PREFIX + record_id, value))


def load(vault: "Vault", record_id: str) -> dict | None:
    """The draft of ``record_id`` as {"saved_at", "body"}, or None."""
    row = vault.conn.execute("SELECT value FROM meta WHERE key = ?", (PREFIX + record_id,)).fetchone()
    return json.loads(row[0]) if row else None


def discard(vault: "Vault", record_id: str) -> None:
    with vault.writing() as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (PREFIX + record_id,))


def unsaved_new(vault: "Vault", record_type: str, defaults: dict | None = None) -> str | None:
    """The id of the latest draft of a ``record_type`` record that was never stored (typed into a new
    record's editor, then left by a lock, a crash or navigation), whose fields agree with ``defaults``
    (a new interview from a case page takes only that case's draft); None if there is none."""
    best: tuple[str, str] | None = None
    for key, value in vault.conn.execute("SELECT key, value FROM meta WHERE key LIKE 'draft:%'"):
        record_id, draft = key[len(PREFIX):], json.loads(value)
        body = draft.get("body") if isinstance(draft.get("body"), dict) else {}
        if (draft.get("type") or body.get("type")) != record_type or vault.type_of(record_id) is not None:
            continue
        if any(k in body and body[k] != v for k, v in (defaults or {}).items()):
            continue
        if best is None or draft.get("saved_at", "") > best[0]:
            best = (draft.get("saved_at", ""), record_id)
    return best[1] if best else None


def pending(vault: "Vault") -> list[str]:
    """Ids of records with a draft."""
    rows = vault.conn.execute("SELECT key FROM meta WHERE key LIKE 'draft:%' ORDER BY key")
    return [key[len(PREFIX):] for (key,) in rows]
