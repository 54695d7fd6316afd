"""``monitor verify``: cipher integrity, database integrity, revisions, audit chain, attachments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from . import attachments, audit
from ..history import graph as history
from ..db import Connection, DatabaseError
from ..errors import Cancelled, MonitorError
from ..messages import Message
from ..history.revisions import REVISION_COLUMNS, Revision, signature_valid


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {"ok": self.ok, "problems": self.problems, "checked": self.checked}


def verify(conn: Connection, progress: Callable | None = None, cancel=None) -> VerifyReport:
    """Check an open vault's connection (:meth:`Vault.verify <.vault.Vault.verify>` holds its lock)."""
    report = VerifyReport()
    steps = ("cipher", "database", "revisions", "audit", "attachments")

    def step(i: int) -> None:
        if progress:
            progress(i, len(steps), steps[i] if i < len(steps) else "done")

    step(0)
    try:
        bad_pages = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        report.problems += [Message("verify_cipher", detail=row[0]) for row in bad_pages]
        step(1)
        result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            report.problems += [Message("verify_database", detail=line) for line in result[:20]]
        step(2)
        _check_revisions(conn, report)
        _check_signatures(conn, report, cancel)
        step(3)
        chain = audit.check_chain(conn, cancel=cancel)
        report.problems += [p.message() for p in chain]
        report.checked["audit_entries"] = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
        _check_audit_covers_revisions(conn, report)
        step(4)
        report.problems += attachments.check_all(conn, cancel=cancel)
        report.checked["attachments"] = conn.execute("SELECT count(*) FROM blobs").fetchone()[0]
        missing = conn.execute(
            "SELECT count(*) FROM records r JOIN revisions v ON v.rev = r.head "
            "WHERE r.type = 'attachment' AND r.deleted = 0 AND NOT EXISTS "
            "(SELECT 1 FROM blobs b WHERE b.sha256 = json_extract(v.body, '$.sha256'))"
        ).fetchone()[0]
        if missing:
            report.problems.append(Message("verify_missing_blobs", n=missing))
    except DatabaseError as exc:
        report.problems.append(Message("verify_damaged", detail=str(exc)))
    step(len(steps))
    return report


def _check_revisions(conn, report: VerifyReport) -> None:
    count = 0
    # Parents are checked against the whole set, not arrival order: a vault that received a child
    # before its parent (from two bundles, say) is as sound as one that received them in order.
    owner = dict(conn.execute("SELECT rev, record_id FROM revisions"))
    for row in conn.execute(f"SELECT {REVISION_COLUMNS} FROM revisions ORDER BY seq"):
        revision = Revision.from_row(row)
        count += 1
        try:
            ok = revision.compute_hash() == revision.hash
        except MonitorError:
            ok = False
        if not ok:
            report.problems.append(Message("verify_revision_hash", rev=revision.rev, record=revision.record_id))
        for parent in revision.parents:
            if parent not in owner:
                report.problems.append(Message("verify_parent", rev=revision.rev, parent=parent))
            elif owner[parent] != revision.record_id:
                report.problems.append(Message("verify_parent_other_record", rev=revision.rev, parent=parent))
    report.checked["revisions"] = count
    report.problems += history.check_graph(conn)[:20]
    # The current view is derived from the revisions; it must agree with them.
    stale = conn.execute(
        "SELECT count(*) FROM records r LEFT JOIN revisions v ON v.rev = r.head "
        "WHERE v.rev IS NULL OR v.record_id != r.id OR v.deleted != r.deleted OR v.record_type != r.type "
        "OR EXISTS (SELECT 1 FROM revision_parents p WHERE p.parent = r.head)"
    ).fetchone()[0]
    orphans = conn.execute(
        "SELECT count(DISTINCT record_id) FROM revisions v WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = v.record_id)"
    ).fetchone()[0]
    if stale or orphans:
        report.problems.append(Message("verify_view", n=stale + orphans))


def _has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _check_signatures(conn, report: VerifyReport, cancel=None) -> None:
    """Every stored signature again, against the key this vault holds for the device it names.

    The gate checked each revision as it arrived; this finds a signature or device key changed
    since (by someone who edited the database with the passphrase: they can recompute every hash,
    but not sign as another laptop). A revision without a signature is expected from before
    signatures (schema 6); one made by a device after that device already signed others is not.
    """
    if not _has_table(conn, "revision_signatures"):
        return  # a vault from before signatures (opened read-only by an old path)
    keys = dict(conn.execute("SELECT device, signing_key FROM device_keys"))
    signatures = dict(conn.execute("SELECT rev, signature FROM revision_signatures"))
    first_signed: dict[str, str] = {}
    unsigned: list[tuple[str, str, str, str]] = []
    signed = problems = 0
    rows = conn.execute("SELECT rev, record_id, device, created_at, hash FROM revisions ORDER BY seq")
    for n, (rev, record_id, device, created_at, digest) in enumerate(rows):
        if cancel is not None and n % 1000 == 0 and cancel.is_set():
            raise Cancelled()
        signature = signatures.get(rev)
        if signature is None:
            unsigned.append((rev, record_id, device, created_at))
            continue
        signed += 1
        if created_at < first_signed.get(device, "\uffff"):
            first_signed[device] = created_at
        key = keys.get(device)
        if key is None:
            problems += 1
            if problems <= 20:
                report.problems.append(Message("verify_signature_unknown_device", rev=rev, record=record_id,
                                               device=device))
        elif not signature_valid(key, signature, digest):
            problems += 1
            if problems <= 20:
                report.problems.append(Message("verify_signature_bad", rev=rev, record=record_id, device=device))
    late = [(rev, record_id, device) for rev, record_id, device, created_at in unsigned
            if device in first_signed and created_at > first_signed[device]]
    for rev, record_id, device in late[:20]:
        report.problems.append(Message("verify_signature_missing", rev=rev, record=record_id, device=device))
    if problems > 20 or len(late) > 20:
        report.problems.append(Message("verify_signature_more", n=max(0, problems - 20) + max(0, len(late) - 20)))
    report.checked["signatures"] = signed


def _check_audit_covers_revisions(conn, report: VerifyReport) -> None:
    audited = dict(conn.execute("SELECT rev, rev_hash FROM audit WHERE rev IS NOT NULL"))
    missing = 0
    for rev, digest in conn.execute("SELECT rev, hash FROM revisions"):
        if audited.get(rev) != digest:
            missing += 1
    if missing:
        report.problems.append(Message("verify_audit_missing", n=missing))


# --- anchors: the audit chain's head, printed on paper, checked later ------------------------------
# Local verify cannot see a history re-chained by someone who holds the passphrase: every hash is
# recomputed. A head printed earlier (a report's footer, a note to a lawyer) can: a rewrite of any
# entry up to it changes the hash of every entry from there on, so that head is no longer in the chain.

ANCHOR_MIN_HEX = 16  # 64 bits: a printed prefix this long names one entry


@dataclass(frozen=True)
class Anchor:
    """The audit chain's head: its entry number and hash."""

    entry: int
    hash: str

    def __str__(self) -> str:
        return f"{self.entry}:{self.hash}"


def audit_head(vault) -> Anchor | None:
    """The last entry of ``vault``'s audit chain (None for an empty chain)."""
    with vault.reading() as conn:
        row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return Anchor(int(row[0]), str(row[1])) if row else None


def parse_anchor(text: str) -> tuple[int | None, str]:
    """``HASH`` or ``ENTRY:HASH`` (as a footer prints it): the entry number if given, the hex hash.

    The hash may be a prefix of at least :data:`ANCHOR_MIN_HEX` hex digits; spaces are ignored."""
    raw = "".join(str(text).split()).lower().lstrip("#")
    entry = None
    if ":" in raw:
        number, raw = raw.split(":", 1)
        if not number.isdigit():
            raise MonitorError(Message("anchor_malformed", anchor=str(text)[:80], n=ANCHOR_MIN_HEX))
        entry = int(number)
    if not (ANCHOR_MIN_HEX <= len(raw) <= 64) or any(c not in "0123456789abcdef" for c in raw):
        raise MonitorError(Message("anchor_malformed", anchor=str(text)[:80], n=ANCHOR_MIN_HEX))
    return entry, raw


def anchor_present(vault, anchor: str) -> tuple[bool, int | None]:
    """Does ``vault``'s audit chain still contain the head ``anchor`` (see :func:`parse_anchor`)?

    ``(True, entry number)`` only when an entry has that hash (and that number, if given) and the
    chain from the first entry up to it is intact; otherwise ``(False, None)``: the history was
    rewritten, or this is a different vault."""
    entry, prefix = parse_anchor(anchor)
    with vault.reading() as conn:
        rows = conn.execute("SELECT seq, hash FROM audit WHERE substr(hash, 1, ?) = ? ORDER BY seq",
                            (len(prefix), prefix)).fetchall()
        rows = [r for r in rows if entry is None or r[0] == entry]
        if len(rows) != 1:
            return False, None
        seq = int(rows[0][0])
        broken = [p for p in audit.check_chain(conn) if p.seq <= seq]
    return (False, None) if broken else (True, seq)
