"""Checking a printed report against the vault: ``monitor check-report FILE.pdf`` and the window's action.

A report carries, on every page and in its document information key ``/MonitorReport`` (written by
:func:`monitor.core.reports.render`), its id, the audit chain's head when it was made and the
revision hashes of every record it read. The check answers two questions, each in one line:

(a) Is this file, byte for byte, a report this vault logged? Its SHA-256 is looked up in the
    ``report-written`` / ``report-printed`` entries of the audit trail; when it is not there but the
    report's id is, the file was changed after it was written.
(b) Are the records it was built from unchanged here? Each record's current head hash(es) are
    compared with the ones the report read; a record changed or deleted since is listed with the
    revisions written after the printed one (when, by whom, on which device, what).

It also confirms that the audit trail still holds the entry the footer names as its head, with the
same hash (the printed anchor). Nothing is written to the vault.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MonitorError
from ..messages import Message
from ..model import titles
from ..store import reading
from ..text import one_line

REPORT_ACTIONS = ("report-written", "report-printed")
MAX_PDF_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Change:
    """A record the report read that is different now."""

    record_id: str
    record_type: str
    label: str
    deleted: bool  # no longer in the vault (deleted or never here)
    since: list[tuple[str, str, str, str]]  # (at, author, device fingerprint, what) after the printed revision
    added: bool = False  # not read by the report: a record it would include now


@dataclass
class CheckResult:
    sha256: str
    report_id: str = ""
    metadata: dict | None = None
    encrypted: bool = False
    logged: tuple | None = None  # the audit entry that logged exactly these bytes
    logged_other: tuple | None = None  # an entry that logged this report id with other bytes
    anchor: bool | None = None  # the printed audit head is still in the chain (None: unknown)
    records: int = 0
    changes: list[Change] = field(default_factory=list)
    unmatched: bool = False  # an aggregate report whose hashed record names could not be matched (not rebuilt)

    @property
    def bytes_ok(self) -> bool:
        return self.logged is not None

    @property
    def records_ok(self) -> bool | None:
        return None if self.metadata is None or self.unmatched else not self.changes

    @property
    def ok(self) -> bool:
        return self.bytes_ok and self.records_ok is True and self.anchor is not False

    def verdict(self) -> Message:
        """The one-line answer."""
        rid = self.report_id or "?"
        if not self.bytes_ok:
            if self.logged_other is not None:
                return Message("check_report_altered", id=rid, seq=self.logged_other[0], at=_at(self.logged_other[1]),
                               sha=self.sha256, logged=_detail(self.logged_other[7], "pdf_sha256"))
            return Message("check_report_unknown", sha=self.sha256)
        seq, at = self.logged[0], _at(self.logged[1])
        if self.records_ok is None:
            return Message("check_report_logged_unread", id=rid, seq=seq, at=at)
        if self.changes:
            added = sum(1 for c in self.changes if c.added)
            return Message("check_report_records_changed", id=rid, seq=seq, at=at, n=len(self.changes) - added,
                           added=added, total=self.records)
        if self.anchor is False:
            return Message("check_report_anchor_broken", id=rid, seq=self.metadata.get("audit_seq"))
        return Message("check_report_verified", id=rid, seq=seq, at=at, total=self.records)

    def lines(self, lang: str = "en") -> list[str]:
        """The verdict, then the detail: the audit anchor and each changed record with its history."""
        out = [self.verdict().localize(lang)]
        if self.metadata is not None and self.anchor is not None:
            key = "check_report_anchor_ok" if self.anchor else "check_report_anchor_missing"
            out.append(Message(key, seq=self.metadata.get("audit_seq"), h=self.metadata.get("audit_hash")).localize(lang))
        for change in self.changes:
            kind = titles.type_title(change.record_type, lang) if change.record_type else "?"
            key = "check_report_record_gone" if change.deleted and not change.since else \
                "check_report_record_added" if change.added else "check_report_record_line"
            out.append(Message(key, type=kind, label=change.label, id=change.record_id).localize(lang))
            for at, author, fp, what in change.since:
                out.append(Message("check_report_history_line", at=_at(at), who=author, fp=fp,
                                   what=Message(f"check_report_what_{what}")).localize(lang))
        return out


def _at(value: str | None) -> str:
    return (value or "")[:19].replace("T", " ") + (" UTC" if value else "")


def _detail(detail: str | None, key: str) -> str:
    for part in (detail or "").split():
        name, _, value = part.partition("=")
        if name == key:
            return value
    return ""


def read_metadata(data: bytes, password: str | None = None) -> tuple[dict | None, bool]:
    """The report's ``/MonitorReport`` data (None when absent or unreadable) and whether it is encrypted."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data), password=password or "") as document:
            raw = document.docinfo.get("/MonitorReport")
            encrypted = document.is_encrypted
            if raw is None:
                return None, encrypted
            meta = json.loads(str(raw))
    except pikepdf.PasswordError:
        return None, True
    except (pikepdf.PdfError, ValueError, TypeError):
        return None, False
    if not isinstance(meta, dict) or meta.get("format") != "monitor-report/1" or not isinstance(meta.get("sources"), dict):
        return None, encrypted
    return meta, encrypted


def check_bytes(vault, data: bytes, *, password: str | None = None) -> CheckResult:
    """Check a report's bytes against this vault (reads only)."""
    result = CheckResult(sha256=hashlib.sha256(data).hexdigest())
    result.metadata, result.encrypted = read_metadata(data, password)
    found = reading.audit_mentioning(vault, REPORT_ACTIONS, f"pdf_sha256={result.sha256}")
    written = [e for e in found if e[4] == "report-written"] or found
    if written:
        result.logged = written[0]
        result.report_id = _detail(result.logged[7], "report_id")
    if result.metadata is not None:
        result.report_id = result.metadata.get("report_id") or result.report_id
    if result.logged is None and result.report_id:
        other = reading.audit_mentioning(vault, REPORT_ACTIONS, f"report_id={result.report_id}")
        result.logged_other = other[0] if other else None
    if result.metadata is None:
        return result
    seq, head = result.metadata.get("audit_seq"), result.metadata.get("audit_hash")
    if isinstance(seq, int) and seq > 0 and isinstance(head, str):
        result.anchor = reading.audit_entry_hash(vault, seq) == head
    sources = {str(k): {str(h) for h in v or []} for k, v in result.metadata["sources"].items()}
    result.records = len(sources)
    hidden = result.metadata.get("ids") == "hashed"
    now = _rebuilt_sources(vault, result.metadata)  # what the same report reads today
    names: dict[str, str] = {}  # the key in the metadata → record id
    if now is not None:
        from . import hidden_id

        names = {(hidden_id(rid) if hidden else rid): rid for rid in now}
    elif hidden:
        result.unmatched = True
        return result
    devices = reading.device_signers(vault)
    for key, printed in sorted(sources.items()):
        record_id = names.get(key) or (None if hidden else key) or _record_of(vault, printed)
        change = _change(vault, record_id, printed, devices) if record_id else Change(key, "", "", True, [])
        if change is not None:
            result.changes.append(change)
    for key, record_id in sorted(names.items()):
        if key not in sources:  # read today, not then: a record the report would include now
            change = _change(vault, record_id, set(), devices)
            if change is not None:
                result.changes.append(Change(change.record_id, change.record_type, change.label, False,
                                             change.since, added=True))
    return result


def _rebuilt_sources(vault, meta: dict) -> dict[str, list[str]] | None:
    """The records the same report (kind, subject, level, period) reads today; None if it cannot be built."""
    from . import build

    period = meta.get("period") if isinstance(meta.get("period"), list) and len(meta["period"]) == 2 else [None, None]
    try:
        report = build(vault, str(meta.get("kind")), subject_id=meta.get("subject_id"), lang=str(meta.get("lang")),
                       level=str(meta.get("level")), period=(period[0], period[1]))
    except MonitorError:  # the subject is gone, or consent no longer allows the report
        return None
    return report.sources


def _record_of(vault, printed: set[str]) -> str | None:
    for digest in sorted(printed):
        found = reading.record_of_revision(vault, digest)
        if found:
            return found
    return None


def _change(vault, record_id: str, printed: set[str], devices: dict) -> Change | None:
    now = reading.live(vault, record_id)
    current = set(reading.head_hashes(vault, record_id)) if now is not None else set()
    if now is not None and current == printed:
        return None
    try:
        history = vault.history(record_id)
    except MonitorError:
        return Change(record_id, "", "", True, [])
    info = vault.info(record_id)
    after = [i for i, rev in enumerate(history) if rev.hash in printed]
    later = history[max(after) + 1:] if after else history  # never read: its whole history
    since = []
    for rev in later:
        fp = devices.get(rev.device, (rev.device, None))
        who = fp[1] or rev.author
        what = "deleted" if rev.deleted else "created" if not rev.parents \
            else "sealed" if (rev.body or {}).get("sealed") and rev.record_type != "addendum" else "edited"
        since.append((rev.created_at, one_line(who, 60), fp[0], what))
    return Change(record_id, info.type, one_line(info.label or "", 80), now is None, since)


def check_file(vault, path: Path | str, *, password: str | None = None) -> CheckResult:
    path = Path(path)
    if not path.is_file():
        raise MonitorError(Message("not_a_file", path=one_line(str(path), 80)))
    if path.stat().st_size > MAX_PDF_BYTES:
        raise MonitorError(Message("check_report_too_large", path=one_line(str(path), 80)))
    return check_bytes(vault, path.read_bytes(), password=password)
