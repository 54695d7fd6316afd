"""Read queries over an open vault for the report read model (:mod:`monitor.core.reports.sources`).

The SQL stays in the store: reports ask these functions, which take the :class:`~.vault.Vault`.
Rows come back as tuples so a report reading thousands of records builds one object each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .vault import Vault

# A live record's current view and the hash of its head: id, type, body (JSON text), head,
# hash, heads, created_at, updated_at.
_LIVE = (
    "SELECT r.id, r.type, v.body, r.head, v.hash, r.heads, r.created_at, r.updated_at "
    "FROM records r JOIN revisions v ON v.rev = r.head WHERE r.deleted = 0"
)


def live(vault: "Vault", record_id: str) -> tuple | None:
    """One live record as a row (see ``_LIVE``), or None."""
    return vault.conn.execute(f"{_LIVE} AND r.id = ?", (record_id,)).fetchone()


def live_of_type(vault: "Vault", record_type: str, where: dict[str, str]) -> list[tuple]:
    """Every live record of a type whose top-level fields equal ``where``, oldest first."""
    sql, params = f"{_LIVE} AND r.type = ?", [record_type]
    for name, value in where.items():
        sql += f" AND json_extract(v.body, '$.{name}') = ?"
        params.append(value)
    return vault.conn.execute(sql + " ORDER BY r.created_at, r.id", params).fetchall()


def head_hashes(vault: "Vault", record_id: str) -> list[str]:
    """The hash of every head of a record (several when it is in conflict)."""
    return [h for (h,) in vault.conn.execute(
        "SELECT hash FROM revisions r WHERE record_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM revision_parents p WHERE p.parent = r.rev)", (record_id,))]


def referring_ids(vault: "Vault", target_id: str) -> list[str]:
    """Ids of the live records that name ``target_id`` in a reference field, sorted."""
    return [r[0] for r in vault.conn.execute(
        "SELECT DISTINCT r.id FROM refs f JOIN records r ON r.rowid = f.source WHERE f.target_id = ? "
        "ORDER BY r.id", (target_id,))]


def term_origin(vault: "Vault", vocabulary: str, key: str) -> str | None:
    """Where a vocabulary term comes from: 'builtin' or the id of a coordinator's ``term`` record."""
    row = vault.conn.execute("SELECT origin FROM vocab_terms WHERE vocabulary = ? AND key = ?",
                             (vocabulary, key)).fetchone()
    return row[0] if row else None


def audit_for(vault: "Vault", record_ids: list[str]) -> list[tuple]:
    """(seq, at, actor, device, action, record_id, rev_hash, detail) of every audit entry naming
    one of ``record_ids``, oldest first."""
    out: list[tuple] = []
    for i in range(0, len(record_ids), 500):
        chunk = record_ids[i:i + 500]
        out += vault.conn.execute(
            "SELECT seq, at, actor, device, action, record_id, rev_hash, detail FROM audit "
            f"WHERE record_id IN ({','.join('?' * len(chunk))}) ORDER BY seq", chunk).fetchall()
    out.sort(key=lambda r: r[0])
    return out


def first_author(vault: Vault, record_id: str):
    """Who made a record's first revision, as a person (:func:`.sync_log.author_of`), or None."""
    from types import SimpleNamespace

    from . import sync_log

    row = vault.conn.execute("SELECT rev, author, device FROM revisions WHERE record_id = ? ORDER BY seq LIMIT 1",
                             (record_id,)).fetchone()
    if row is None:
        return None
    return sync_log.author_of(vault.conn, SimpleNamespace(rev=row[0], author=row[1], device=row[2]),
                              vault.identity.signing_public.hex(), vault.profile)


def first_revision(vault: "Vault", record_id: str) -> tuple[str, str, str] | None:
    """(author, device, created_at) of a record's first revision."""
    return vault.conn.execute(
        "SELECT author, device, created_at FROM revisions WHERE record_id = ? ORDER BY seq LIMIT 1",
        (record_id,)).fetchone()


# --- evidence: seals, devices, the audit chain's head, logged outputs (reports/check.py) -----------

def seal_of(vault: "Vault", record_id: str) -> tuple[str, str, str, str] | None:
    """(hash, created_at, author, device) of the revision that sealed a record's current head, or None."""
    return vault.conn.execute(
        "SELECT v.hash, v.created_at, v.author, v.device FROM records r "
        "JOIN revision_graph g ON g.rev = r.head JOIN revisions v ON v.rev = g.seal "
        "WHERE r.id = ?", (record_id,)).fetchone()


def _has_table(vault: "Vault", name: str) -> bool:
    return vault.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (name,)).fetchone() is not None


def device_signers(vault: "Vault") -> dict[str, tuple[str, str | None]]:
    """Every device id this vault knows → (its signing key's fingerprint, a contact's name or None).

    This vault's own device ids are the ones its audit trail was written on (a copied vault takes a
    new id but keeps its keys); another device's id is known from the bundles of it merged here.
    """
    from ..keys.identity import fingerprint

    names: dict[str, str] = {}
    out: dict[str, tuple[str, str | None]] = {}
    if _has_table(vault, "contacts"):
        names = dict(vault.conn.execute("SELECT signing_key, name FROM contacts"))
    if _has_table(vault, "sync_imports"):
        for device, key in vault.conn.execute("SELECT device, signing_key FROM sync_imports ORDER BY at"):
            out[device] = (fingerprint(bytes.fromhex(key)), names.get(key))
    public = vault.identity.signing_public
    own = (fingerprint(public), names.get(public.hex()))
    for (device,) in vault.conn.execute("SELECT DISTINCT device FROM audit"):
        out[device] = own
    return out


def audit_head(vault: "Vault") -> tuple[int, str]:
    """The newest audit entry's (seq, hash): the head of the chain."""
    row = vault.conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, "0" * 64)


def audit_entry_hash(vault: "Vault", seq: int) -> str | None:
    """The hash of audit entry ``seq``, or None when the chain has no such entry."""
    row = vault.conn.execute("SELECT hash FROM audit WHERE seq = ?", (int(seq),)).fetchone()
    return None if row is None else row[0]


def audit_mentioning(vault: "Vault", actions: tuple[str, ...], needle: str) -> list[tuple]:
    """(seq, at, actor, device, action, record_id, rev_hash, detail) of the entries of these actions
    whose detail contains ``needle`` (a hash or a report id), oldest first."""
    marks = ",".join("?" * len(actions))
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return vault.conn.execute(
        "SELECT seq, at, actor, device, action, record_id, rev_hash, detail FROM audit "
        f"WHERE action IN ({marks}) AND detail LIKE ? ESCAPE '\\' ORDER BY seq",
        (*actions, f"%{escaped}%")).fetchall()


def audit_of_actions(vault: "Vault", actions: tuple[str, ...], after: str = "") -> list[tuple]:
    """(seq, at, actor, device, action, record_id, rev_hash, detail) of every entry of these actions
    at or after ``after`` (an ISO time), oldest first."""
    marks = ",".join("?" * len(actions))
    return vault.conn.execute(
        "SELECT seq, at, actor, device, action, record_id, rev_hash, detail FROM audit "
        f"WHERE action IN ({marks}) AND at >= ? ORDER BY seq", (*actions, after)).fetchall()


def bundle_recipients(vault: "Vault", bundle_sha256: str) -> list[str]:
    """Who a bundle was written for: a contact's name, or the recipient key as logged ('passphrase')."""
    if not (_has_table(vault, "sync_exports") and _has_table(vault, "contacts")):
        return []
    rows = vault.conn.execute(
        "SELECT e.recipient, c.name FROM sync_exports e LEFT JOIN contacts c ON c.signing_key = e.recipient "
        "WHERE e.bundle_sha256 = ? ORDER BY e.seq", (bundle_sha256,)).fetchall()
    return [name or recipient for recipient, name in rows]


def record_of_revision(vault: "Vault", revision_hash: str) -> str | None:
    """The record a revision (by its hash) belongs to, deleted or not; None when this vault lacks it."""
    row = vault.conn.execute("SELECT record_id FROM revisions WHERE hash = ? LIMIT 1", (revision_hash,)).fetchone()
    return None if row is None else row[0]
