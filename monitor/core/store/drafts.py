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


def save(vault: "Vault", record_id: str, body: dict) -> None:
    """Keep ``body`` (any JSON object, not validated) as the draft of ``record_id``."""
    value = json.dumps({"saved_at": utc_now(), "body": body}, ensure_ascii=False)
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


def pending(vault: "Vault") -> list[str]:
    """Ids of records with a draft."""
    rows = vault.conn.execute("SELECT key FROM meta WHERE key LIKE 'draft:%' ORDER BY key")
    return [key[len(PREFIX):] for (key,) in rows]
