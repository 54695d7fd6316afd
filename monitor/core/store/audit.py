"""The audit log: append-only, one entry per change, each entry chained to the one before.

An entry's hash is SHA-256 over the canonical JSON of its fields and the previous entry's hash,
so editing, deleting or reordering any past entry breaks the chain at that point. Triggers make
the table append-only for ordinary SQL; :func:`check_chain` catches whatever gets past them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..db import Connection
from ..messages import Message
from ..text import canonical_json, sha256_hex

GENESIS = "0" * 64
FIELDS = ("seq", "at", "actor", "device", "action", "record_id", "rev", "rev_hash", "detail")


def entry_hash(entry: dict, prev_hash: str) -> str:
    payload = {name: entry.get(name) for name in FIELDS}
    payload["prev_hash"] = prev_hash
    return sha256_hex(canonical_json(payload))


def append(conn: Connection, *, at: str, actor: str, device: str, action: str,
           record_id: str | None = None, rev: str | None = None, rev_hash: str | None = None,
           detail: str | None = None) -> str:
    """Append one entry (inside the caller's transaction); return its hash."""
    return _append(conn, None, at=at, actor=actor, device=device, action=action, record_id=record_id, rev=rev,
                   rev_hash=rev_hash, detail=detail)[1]


class Chain:
    """Appends inside one write transaction that carry the chain's head from one entry to the next
    instead of reading it back for each: the same entries and hashes as :func:`append`. Only for a
    transaction in which every entry goes through this object (the vault's ``writing``); dropped
    when the transaction ends, whichever way."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.head: tuple[int, str] | None = None  # (seq, hash) of the last entry, once this appended one

    def append(self, **fields) -> str:
        self.head = _append(self.conn, self.head, **fields)
        return self.head[1]


def _append(conn: Connection, head: tuple[int, str] | None, *, at: str, actor: str, device: str, action: str,
            record_id: str | None = None, rev: str | None = None, rev_hash: str | None = None,
            detail: str | None = None) -> tuple[int, str]:
    last = head or conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    entry = dict(seq=seq, at=at, actor=actor, device=device, action=action,
                 record_id=record_id, rev=rev, rev_hash=rev_hash, detail=detail)
    digest = entry_hash(entry, prev)
    conn.execute(
        "INSERT INTO audit (seq, at, actor, device, action, record_id, rev, rev_hash, detail,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (seq, at, actor, device, action, record_id, rev, rev_hash, detail, prev, digest),
    )
    return seq, digest


@dataclass
class ChainProblem:
    seq: int
    problem: Message

    def __str__(self) -> str:
        return str(self.message())

    def message(self) -> Message:
        return Message("verify_audit_entry", seq=self.seq, problem=self.problem)


def check_chain(conn: Connection, progress: Callable | None = None, cancel=None) -> list[ChainProblem]:
    """Walk the whole chain; return every break found (empty list: intact)."""
    problems: list[ChainProblem] = []
    total = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    prev, expected_seq = GENESIS, 1
    cursor = conn.execute(
        "SELECT seq, at, actor, device, action, record_id, rev, rev_hash, detail, prev_hash, hash"
        " FROM audit ORDER BY seq"
    )
    for i, row in enumerate(cursor, 1):
        entry = dict(zip(FIELDS, row[:9]))
        seq, stored_prev, stored_hash = row[0], row[9], row[10]
        if seq != expected_seq:
            problems.append(ChainProblem(seq, Message("verify_audit_gap", expected=expected_seq)))
        if stored_prev != prev:
            problems.append(ChainProblem(seq, Message("verify_audit_unlinked")))
        if entry_hash(entry, stored_prev) != stored_hash:
            problems.append(ChainProblem(seq, Message("verify_audit_altered")))
        prev, expected_seq = stored_hash, seq + 1
        if progress and i % 5000 == 0:
            progress(i, total, "audit log")
        if cancel is not None and cancel.is_set():
            break
    return problems
