"""Forensic-style PDF reports: case dossier, medical evaluation, visit report, statistics.

``build(vault, kind, …)`` returns the report as plain data (:mod:`.model`), with consent and the
redaction level applied (:mod:`.redaction`); ``write(vault, report, out, …)`` renders it
(:mod:`.pdf`), optionally encrypts it (AES-256, pikepdf R=6), writes it atomically and appends an
audit entry with the PDF's SHA-256. ``generate`` does both. The CLI and the GUI call these.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ... import __version__
from ..errors import Cancelled, MonitorError
from ..fs import atomic_writer
from ..messages import Message
from ..history.revisions import utc_now
from . import pdf
from .i18n import Tr
from .model import Report
from .redaction import AUDIENCES, LEVELS, ReportRefused, check_audience, check_level
from .trail import logged_output

KINDS = ("dossier", "medical", "visit", "stats")
Progress = Callable[[int, int, str], None]

__all__ = ["AUDIENCES", "KINDS", "LEVELS", "ReportRefused", "ReportResult", "build", "render", "write", "generate", "resolve",
           "log_printed"]


@dataclass(frozen=True)
class ReportResult:
    path: Path | None
    sha256: str
    size: int
    pages: int
    source_digest: str
    source_count: int
    withheld: int
    encrypted: bool


def build(vault, kind: str, *, subject_id: str | None = None, lang: str = "en", level: str = "full",
          period: tuple[str | None, str | None] = (None, None), progress: Progress | None = None,
          cancel=None, audience: str | None = None) -> Report:
    """The report as plain data; nothing is written. ``audience``: who it is for (redaction.AUDIENCES;
    None: the level's own), which decides the consent item each person must have given."""
    check_level(level)
    if kind != "stats":
        check_audience(audience, level)
    tr = Tr(lang)
    if kind == "stats":
        from .stats import build_stats

        report = build_stats(vault, tr, level, period=period, progress=progress, cancel=cancel)
        report.period = (period[0], period[1])
        return report
    if not subject_id:
        what = {"dossier": "--case", "medical": "--exam", "visit": "--visit"}.get(kind)
        if what is None:
            raise MonitorError(Message("report_unknown_kind", kind=str(kind)))
        raise MonitorError(Message("report_needs_subject", kind=kind, what=what))
    if kind == "dossier":
        from .dossier import build_dossier

        return build_dossier(vault, subject_id, tr, level, progress=progress, cancel=cancel, audience=audience)
    if kind == "medical":
        from .medical import build_medical

        return build_medical(vault, subject_id, tr, level, audience=audience)
    if kind == "visit":
        from .visit import build_visit

        return build_visit(vault, subject_id, tr, level, audience=audience)
    raise MonitorError(Message("report_unknown_kind", kind=str(kind)))


REPORT_ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed from paper


def new_report_id() -> str:
    """A report's own id, as printed in its footer: ``R-XXXX-XXXX-XXXX`` (60 random bits)."""
    import secrets

    chars = "".join(secrets.choice(REPORT_ID_ALPHABET) for _ in range(12))
    return "R-" + "-".join(chars[i:i + 4] for i in range(0, 12, 4))


def hidden_id(record_id: str) -> str:
    """How an aggregate report names a record in its metadata: a hash, not the id itself."""
    return hashlib.sha256(f"monitor-report-source\x00{record_id}".encode()).hexdigest()[:32]


def metadata_of(report: Report, generated_at: str) -> str:
    """What ``check-report`` reads back (the PDF's /MonitorReport key): ids and hashes only.

    A report for the public (aggregate level) names no record: its record ids are hashed
    (:func:`hidden_id`), and the check rebuilds the report to match them.
    """
    import json

    hidden = report.level == "aggregate"
    sources = {hidden_id(rid): hashes for rid, hashes in report.sources.items()} if hidden else report.sources
    return json.dumps({"format": "monitor-report/1", "report_id": report.report_id, "kind": report.kind,
                       "level": report.level, "lang": report.lang, "subject_id": report.subject_id,
                       "period": list(report.period), "ids": "hashed" if hidden else "plain",
                       "generated_at": generated_at, "source_digest": report.source_digest,
                       "source_count": report.source_count, "audit_seq": report.audit_head[0],
                       "audit_hash": report.audit_head[1], "sources": sources},
                      separators=(",", ":"), sort_keys=True, ensure_ascii=True)


def render(vault, report: Report, *, generated_at: str | None = None) -> bytes:
    """PDF bytes for a built report (in memory); ``report.pages`` is set to its page count.

    Every page's footer says, in sentences: the report's id, when, with which Monitor and on which
    device (its key fingerprint) it was made, the source digest, and the audit chain's head (entry
    number and hash) at that moment, so a printout anchors the vault's history as it was.
    """
    from ..store import reading

    tr = Tr(report.lang)
    stamp = generated_at or utc_now()
    at = tr.when(stamp, city=False)  # local time with its offset (locale.when); the city overflows the footer
    fingerprint = vault.identity.fingerprint
    if not report.report_id:
        report.report_id = new_report_id()
    report.audit_head = reading.audit_head(vault)
    seq, head = report.audit_head
    frame = pdf.frame_for(
        report,
        title=tr("footer_id", id=report.report_id),
        generated=tr("footer_made", at=at, version=__version__, fp=fingerprint),
        sources=tr("footer_sources", n=report.source_count, h=report.source_digest),
        audit=tr("footer_audit", seq=seq, h=head),
        page_of=lambda n, m: tr("page_of", n=n, m=m),
        metadata=metadata_of(report, stamp),
    )
    report.cover += [(tr("report_id"), report.report_id), (tr("generated_at"), at),
                     (tr("monitor_version"), __version__), (tr("device_fp"), fingerprint),
                     (tr("source_digest"), report.source_digest),
                     (tr("audit_head"), tr("audit_head_value", seq=seq, h=head))]
    report.cover.append(("", tr("source_digest_note")))
    data = pdf.render(report, frame)
    report.pages = frame.pages
    return data


def encrypt(data: bytes, password: str) -> bytes:
    """AES-256 (PDF 2.0 security handler, R=6) with pikepdf; poppler and every viewer open it."""
    import pikepdf

    if not password:
        raise MonitorError(Message("report_pdf_password_empty"))
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as document:
        document.save(out, encryption=pikepdf.Encryption(owner=password, user=password, R=6, aes=True))
    return out.getvalue()


def write(vault, report: Report, out: Path | str, *, password: str | None = None,
          generated_at: str | None = None, data: bytes | None = None, action: str = "report-written") -> ReportResult:
    """Render, optionally encrypt, write atomically and log one audit entry (all or nothing).

    ``data``: PDF bytes already rendered from ``report`` (the in-app preview saves exactly what it
    showed).
    """
    if data is None:
        data = render(vault, report, generated_at=generated_at)
    pages = report.pages
    if password:
        data = encrypt(data, password)
    digest = hashlib.sha256(data).hexdigest()
    out = Path(out)
    detail = (f"report={report.kind} level={report.level} audience={report.audience or 'public'} "
              f"lang={report.lang} pdf_sha256={digest} "
              f"sources_sha256={report.source_digest} withheld={report.withheld.total()} "
              f"encrypted={'yes' if password else 'no'} report_id={report.report_id}")
    with logged_output(vault, action, record_id=report.subject_id, detail=detail):
        with atomic_writer(out) as handle:
            handle.write(data)
    return ReportResult(out, digest, len(data), pages, report.source_digest, report.source_count,
                        report.withheld.total(), bool(password))


def generate(vault, kind: str, out: Path | str, *, subject_id: str | None = None, lang: str = "en",
             level: str = "full", password: str | None = None, period=(None, None),
             progress: Progress | None = None, cancel=None, audience: str | None = None) -> ReportResult:
    report = build(vault, kind, subject_id=subject_id, lang=lang, level=level, period=period,
                   progress=progress, cancel=cancel, audience=audience)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    if progress:
        progress(1, 2, "rendering the PDF")
    result = write(vault, report, out, password=password)
    if progress:
        progress(2, 2, "rendering the PDF")
    return result


def resolve(vault, kind: str, ref: str) -> str:
    """The record id a report is about, from an id or (for a dossier) a case code."""
    from ..errors import RecordNotFound
    from ..text import one_line

    expected = {"dossier": "case", "medical": "examination", "visit": "visit"}[kind]
    try:
        info = vault.info(ref)
    except RecordNotFound:
        info = None
    if info is not None and not info.deleted:
        if info.type != expected:
            # one message per expected type ("a case", "an examination"): ru and kk word each differently
            msg_id = {"case": "report_wrong_type_case", "examination": "report_wrong_type_examination",
                      "visit": "report_wrong_type_visit"}[expected]
            raise MonitorError(Message(msg_id, ref=one_line(ref, 40), type=str(info.type)))
        return info.id
    if expected == "case":
        found = list(vault.records("case", where={"code": ref.strip().upper()}, limit=2))
        if len(found) == 1:
            return found[0].id
    # one message per expected type, as above
    msg_id = {"case": "report_no_case", "examination": "report_no_examination", "visit": "report_no_visit"}[expected]
    raise RecordNotFound(Message(msg_id, ref=one_line(ref, 40)))


def log_printed(vault, report: Report, data: bytes, copies: int = 1) -> str:
    """An audit entry for a report sent to a printer (plaintext leaving the vault); returns its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    detail = (f"report={report.kind} level={report.level} audience={report.audience or 'public'} "
              f"lang={report.lang} pdf_sha256={digest} "
              f"sources_sha256={report.source_digest} withheld={report.withheld.total()} copies={copies} "
              f"report_id={report.report_id}")
    with logged_output(vault, "report-printed", record_id=report.subject_id, detail=detail):
        pass
    return digest
