"""Pieces every report builder uses: the report's frame strings, conflict flags, the withheld section."""

from __future__ import annotations

from .i18n import Tr, has_key
from .model import Fields, Paragraph, Report, Section, Table
from .redaction import Redactor
from .sources import Reader, Source

FRAME_LABELS = ("contents", "conflict_flag", "photo_unavailable")


def new_report(kind: str, tr: Tr, level: str, *, title: str, code: str, subject_id: str | None,
               contents: bool = True) -> Report:
    marking = tr(f"marking_{kind}_{level}") if has_key(f"marking_{kind}_{level}") else tr(f"marking_{level}")
    report = Report(kind=kind, lang=tr.lang, level=level, title=title, code=code,
                    marking=marking, subject_id=subject_id, contents=contents)
    report.labels = {key: tr(key) for key in FRAME_LABELS}
    return report


def flag_conflict(report: Report, tr: Tr, src: Source, what: str, section: Section | None = None) -> None:
    """Mark a record in conflict on the cover and at the section that shows it."""
    if not src.conflict:
        return
    note = tr("conflict_note", what=what)
    if note not in report.conflicts:
        report.conflicts.append(note)
    if section is not None:
        section.conflict = True


def date_of(value: str | None) -> str:
    return (value or "")[:10]


def when(value: str | None) -> str:
    """A date-time as printed: 2026-03-01 14:30 (+05:00)."""
    if not value:
        return ""
    if len(value) <= 10:
        return value
    text = value.replace("T", " ")
    date, _, rest = text.partition(" ")
    time = rest[:5]
    zone = ""
    if rest.endswith("Z"):
        zone = " UTC"
    elif len(rest) > 6 and rest[-6] in "+-":
        zone = f" ({rest[-6:]})"
    return f"{date} {time}{zone}".strip()


def finish(report: Report, reader: Reader, redactor: Redactor, tr: Tr) -> Report:
    """Add the withheld-items section and the frame facts; fix the source digest."""
    section = Section(tr("withheld"))
    items = report.withheld.items()
    if items:
        section.add(Paragraph(tr("withheld_intro"), "note"),
                    Table([tr("what"), tr("why"), tr("count")], [[w, y, str(n)] for w, y, n in items],
                          widths=[3, 4, 1.3], numeric={2}))
    else:
        section.add(Paragraph(tr("withheld_none")))
    if report.conflicts:
        section.add(Paragraph(tr("conflicts"), "warning"))
        for note in report.conflicts:
            section.add(Paragraph(note))
    report.sections.append(section)
    # a contents page only where it helps: long reports, or many chapters
    report.contents = report.contents and (len(report.sections) >= 9 or len(report.text()) > 9000)
    report.cover.append((tr("level"), tr(f"level_{report.level}")))
    report.source_digest = reader.digest
    report.source_count = reader.count
    report.sources = reader.by_record
    return report


def fields(rows) -> Fields:
    """Label/value rows without empty values."""
    return Fields([(k, str(v)) for k, v in rows if v not in (None, "", [], {})])
