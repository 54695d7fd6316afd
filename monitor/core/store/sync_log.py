"""The vault's side of sync by file: the SQL that ``core/sync`` needs, kept in the store.

Sync decides what goes into a bundle and what comes out of one; this module reads and writes the
tables that hold it: the revisions and attachments an export selects, the audit chain it carries,
the log of bundles exported and imported, the audit entries seen from other devices, the trusted
contacts and the inbox folder. Every function takes the connection of a transaction the caller
opened through the vault (``Vault.snapshot``, ``Vault.writing`` or ``Vault.reading``), so an export
reads one state and an import writes all or nothing.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from ..db import Connection
from ..history.revisions import REVISION_COLUMNS, Revision, utc_now
from ..keys.identity import fingerprint
from ..text import one_line

_CHUNK = 500  # ids per IN (...) list: well under SQLite's limit on bound parameters


def _marks(items: Sequence) -> str:
    return ",".join("?" * len(items))


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


# --- what an export selects ------------------------------------------------------------------------

def revisions_since(conn: Connection, since: int) -> Sequence[int]:
    """The seqs of every revision after ``since``, vocabulary terms first, then in arrival order
    (a packed array: 8 bytes a revision)."""
    return array("q", (row[0] for row in conn.execute(
        "SELECT seq FROM revisions WHERE seq > ? ORDER BY record_type != 'term', seq", (since,))))


def records_naming(conn: Connection, targets: set[str]) -> set[str]:
    """The records whose bodies name any of ``targets``."""
    if not targets:
        return set()
    found: set[str] = set()
    for part in _chunks(sorted(targets)):
        found |= {r[0] for r in conn.execute(
            "SELECT DISTINCT r.id FROM refs f JOIN records r ON r.rowid = f.source "
            f"WHERE f.target_id IN ({_marks(part)})", part)}
    return found


def records_named_by(conn: Connection, sources: set[str]) -> set[str]:
    """The records that ``sources`` name."""
    found: set[str] = set()
    for part in _chunks(sorted(sources)):
        found |= {r[0] for r in conn.execute(
            "SELECT DISTINCT f.target_id FROM records r JOIN refs f ON f.source = r.rowid "
            f"WHERE r.id IN ({_marks(part)})", part)}
    return found


def term_ids(conn: Connection) -> set[str]:
    """Every vocabulary term record."""
    return {r[0] for r in conn.execute("SELECT id FROM records WHERE type = 'term'")}


def revisions_of(conn: Connection, record_ids: Iterable[str]) -> list[int]:
    """The seqs of every revision of ``record_ids``."""
    seqs: list[int] = []
    for part in _chunks(sorted(record_ids)):
        seqs += [r[0] for r in conn.execute(f"SELECT seq FROM revisions WHERE record_id IN ({_marks(part)})", part)]
    return seqs


def term_revisions(conn: Connection) -> set[int]:
    return {r[0] for r in conn.execute("SELECT seq FROM revisions WHERE record_type = 'term'")}


# A revision's signature as the JSON and bundle forms carry it (hex), from revision_signatures s, which
# stores its 64 bytes; '' where the revision has none (hex(NULL) is '').
SIGNATURE_HEX = "lower(hex(s.signature))"


def last_revision(conn: Connection) -> int:
    """The seq of the newest revision, 0 in an empty vault."""
    return conn.execute("SELECT coalesce(max(seq), 0) FROM revisions").fetchone()[0]


def revisions(conn: Connection, seqs: Sequence[int]) -> Iterator[Revision]:
    """The revisions ``seqs``, in the order given (not the table's)."""
    for part in _chunks(seqs):
        columns = ", ".join("v." + c.strip() for c in REVISION_COLUMNS.split(","))
        rows = {row[0]: row[1:] for row in conn.execute(
            f"SELECT v.seq, {columns}, {SIGNATURE_HEX} FROM revisions v LEFT JOIN revision_signatures s ON s.seq = v.seq "
            f"WHERE v.seq IN ({_marks(part)})", part)}
        for seq in part:
            yield Revision.from_row(rows[seq])


def attachment_sizes(conn: Connection, seqs: Sequence[int]) -> dict[str, int]:
    """The stored files that the attachment revisions among ``seqs`` name: sha256 → size."""
    sizes: dict[str, int] = {}
    for part in _chunks(seqs):
        for (body,) in conn.execute(
                f"SELECT body FROM revisions WHERE record_type = 'attachment' AND body IS NOT NULL AND "
                f"seq IN ({_marks(part)})", part):
            sha = json.loads(body)["sha256"]
            row = conn.execute("SELECT size FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
            if row is not None:
                sizes[sha] = row[0]
    return sizes


def audit_chain(conn: Connection) -> Iterator[tuple[int, str, str]]:
    """This vault's audit entries as (seq, hash, prev_hash), oldest first."""
    yield from conn.execute("SELECT seq, hash, prev_hash FROM audit ORDER BY seq")


def audit_head(conn: Connection) -> tuple[int, str]:
    """The newest audit entry's (seq, hash)."""
    return tuple(conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone())


# --- the log of bundles ----------------------------------------------------------------------------

def last_export(conn: Connection, recipient: str) -> int:
    """The last revision seq exported to ``recipient`` (a signing key or 'passphrase'); 0: never."""
    row = conn.execute("SELECT max(upto) FROM sync_exports WHERE recipient = ?", (recipient,)).fetchone()
    return row[0] or 0


def log_export(conn: Connection, recipients: Iterable[str], upto: int, bundle_sha256: str) -> None:
    now = utc_now()
    conn.executemany("INSERT INTO sync_exports (at, recipient, upto, bundle_sha256) VALUES (?,?,?,?)",
                     [(now, key, upto, bundle_sha256) for key in recipients])


def imported_before(conn: Connection, bundle_sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM sync_imports WHERE bundle_sha256 = ?", (bundle_sha256,)).fetchone() is not None


def log_import(conn: Connection, bundle_sha256: str, device: str, signing_key: str, revisions_seen: int) -> None:
    conn.execute("INSERT INTO sync_imports (bundle_sha256, at, device, signing_key, revisions) VALUES (?,?,?,?,?)",
                 (bundle_sha256, utc_now(), device, signing_key, revisions_seen))


def peer_audit_entry(conn: Connection, device: str, seq: int) -> str | None:
    """The hash of audit entry ``seq`` of the device that signs with ``device``, as first seen."""
    row = conn.execute("SELECT hash FROM peer_audit WHERE device = ? AND seq = ?", (device, seq)).fetchone()
    return None if row is None else row[0]


def remember_peer_audit(conn: Connection, device: str, seq: int, digest: str) -> None:
    conn.execute("INSERT OR IGNORE INTO peer_audit (device, seq, hash) VALUES (?,?,?)", (device, seq, digest))


def peer_audit_head(conn: Connection, device: str) -> int:
    """The highest audit seq seen from ``device``; 0: none."""
    return conn.execute("SELECT max(seq) FROM peer_audit WHERE device = ?", (device,)).fetchone()[0] or 0


def refused_sealed_edits(conn: Connection) -> int:
    """How many revisions are kept aside as edits of sealed records."""
    return conn.execute("SELECT count(*) FROM revision_graph WHERE rejected = 1").fetchone()[0]


def merged_since(conn: Connection, before: int) -> tuple[int, int, int]:
    """Of the records that got a revision after seq ``before``: how many are new, how many were
    there before, and how many of them are now in conflict. Counted from the vault, so memory stays
    bounded however many records a bundle holds."""
    return tuple(conn.execute(
        "SELECT coalesce(sum(t.first > ?1), 0), coalesce(sum(t.first <= ?1), 0), coalesce(sum(r.heads > 1), 0) "
        "FROM (SELECT record_id, min(seq) AS first FROM revisions WHERE record_id IN "
        "(SELECT record_id FROM revisions WHERE seq > ?1) GROUP BY record_id) t "
        "JOIN records r ON r.id = t.record_id", (before,)).fetchone())


# --- trusted contacts --------------------------------------------------------------------------------

def trust_contact(conn: Connection, signing_key: str, fingerprint: str, name: str, role: str,
                  age_recipient: str) -> None:
    """Trust a contact; trusting it again updates its name, role and recipient."""
    conn.execute(
        "INSERT INTO contacts (signing_key, fingerprint, name, role, age_recipient, added_at) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT (signing_key) DO UPDATE SET name = excluded.name, role = excluded.role, "
        "age_recipient = excluded.age_recipient",
        (signing_key, fingerprint, name, role, age_recipient, utc_now()))


def contact_rows(conn: Connection) -> list[tuple[str, str, str, str]]:
    """Every contact as (name, role, age_recipient, signing_key), by name."""
    return conn.execute(
        "SELECT name, role, age_recipient, signing_key FROM contacts ORDER BY name COLLATE monitor").fetchall()


def is_trusted(conn: Connection, signing_key: str) -> bool:
    return conn.execute("SELECT 1 FROM contacts WHERE signing_key = ?", (signing_key,)).fetchone() is not None


# --- device keys (docs/bundle-format.md, "Signed revisions") -----------------------------------------

def device_key(conn: Connection, device: str) -> tuple[str, str] | None:
    """The signing key (hex) of a device and who introduced it ('self', 'contact' or a fingerprint)."""
    row = conn.execute("SELECT signing_key, introduced_by FROM device_keys WHERE device = ?", (device,)).fetchone()
    return (row[0], row[1]) if row else None


def learn_device(conn: Connection, device: str, signing_key: str, introduced_by: str) -> bool:
    """Record a device's key; returns False (and changes nothing) if the device is known already,
    whatever its key: the caller compares (a device never changes its key)."""
    return conn.execute(
        "INSERT INTO device_keys (device, signing_key, introduced_by, added_at) VALUES (?,?,?,?) "
        "ON CONFLICT (device) DO NOTHING", (device, signing_key, introduced_by, utc_now())).rowcount == 1


def device_keys(conn: Connection) -> list[tuple[str, str]]:
    """Every known device as (device, signing_key), by device."""
    return conn.execute("SELECT device, signing_key FROM device_keys ORDER BY device").fetchall()


def devices_of_key(conn: Connection, signing_key: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT device FROM device_keys WHERE signing_key = ?", (signing_key,))]


def contact_by_key(conn: Connection, signing_key: str) -> tuple[str, str] | None:
    """A trusted contact's (name, role) by its signing key."""
    row = conn.execute("SELECT name, role FROM contacts WHERE signing_key = ?", (signing_key,)).fetchone()
    return (row[0], row[1]) if row else None


def store_signature(conn: Connection, rev: str, signature: str) -> None:
    """Store the (hex, lower-case: revisions.SIGNATURE) signature of the stored revision ``rev`` as its bytes."""
    conn.execute("INSERT INTO revision_signatures (seq, signature) SELECT seq, unhex(?) FROM revisions WHERE rev = ?",
                 (signature, rev))


def signature_of(conn: Connection, rev: str) -> str:
    row = conn.execute(f"SELECT {SIGNATURE_HEX} FROM revisions v JOIN revision_signatures s ON s.seq = v.seq "
                       "WHERE v.rev = ?", (rev,)).fetchone()
    return row[0] if row else ""


def store_revocation(conn: Connection, record: dict) -> bool:
    """Keep a (checked) revocation; of two for one key the earlier ``revoked_from`` stands.
    Returns whether anything changed."""
    return conn.execute(
        "INSERT INTO revocations (signing_key, revoked_from, reason, issued_by, issued_at, signature) "
        "VALUES (:key, :from, :reason, :by, :at, :signature) ON CONFLICT (signing_key) DO UPDATE SET "
        "revoked_from = excluded.revoked_from, reason = excluded.reason, issued_by = excluded.issued_by, "
        "issued_at = excluded.issued_at, signature = excluded.signature "
        "WHERE excluded.revoked_from < revocations.revoked_from", record).rowcount == 1


def revoked_from(conn: Connection, signing_key: str) -> str | None:
    """Since when a key is revoked (a UTC timestamp), or None."""
    row = conn.execute("SELECT revoked_from FROM revocations WHERE signing_key = ?", (signing_key,)).fetchone()
    return row[0] if row else None


def revocations(conn: Connection) -> list[dict]:
    """Every revocation as its signed record, by key."""
    return [{"key": r[0], "from": r[1], "reason": r[2], "by": r[3], "at": r[4], "signature": r[5]}
            for r in conn.execute("SELECT signing_key, revoked_from, reason, issued_by, issued_at, signature "
                                  "FROM revocations ORDER BY signing_key")]


@dataclass(frozen=True)
class Author:
    """Who made a revision, as this vault can tell: the name of the device's owner (this vault's
    profile for its own devices, the trusted contact whose key it is, else the name the revision
    itself gives), its key's fingerprint ("" if the device's key is unknown), whether the revision
    is signed (False: unsigned, from before signatures) and whether the key is known here as this
    vault's or a trusted contact's."""
    name: str
    fingerprint: str
    signed: bool
    known: bool
    revoked_from: str = ""  # the device's key was revoked from then on ("" if not)

    def label(self) -> str:
        """"Айгуль · 3656 B52F…": the name and the first two groups of the fingerprint."""
        return f"{self.name} · {self.fingerprint[:9]}…" if self.fingerprint else self.name


def author_of(conn: Connection, revision, own_key_hex: str, own_name: str) -> Author:
    """The author of ``revision`` (anything with ``rev``, ``author`` and ``device``) for display:
    by the key of the device it names, never by its device UUID nor its ``author`` text alone."""
    signed = bool(getattr(revision, "signature", "") or signature_of(conn, revision.rev))
    device = device_key(conn, revision.device)
    named = one_line(str(revision.author), 60)
    if device is None:
        return Author(named, "", signed, False)
    printed = fingerprint(bytes.fromhex(device[0]))
    revoked = revoked_from(conn, device[0]) or ""
    if device[0] == own_key_hex:
        return Author(own_name, printed, signed, True, revoked)
    contact = contact_by_key(conn, device[0])
    if contact is not None:
        return Author(contact[0], printed, signed, True, revoked)
    return Author(named, printed, signed, False, revoked)


# --- settings kept in the vault ---------------------------------------------------------------------

def setting(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_setting(conn: Connection, key: str, value: str | None) -> None:
    """Store a setting in the vault's meta table (None removes it)."""
    if value is None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     (key, value))
