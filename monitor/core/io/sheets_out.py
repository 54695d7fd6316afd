"""Spreadsheets out: a CSV kind's records as an .xlsx workbook that ``monitor load`` reads back
(:mod:`.spreadsheet`), and any table (a list as shown, a statistics table) as a workbook.

A kind's sheet has the kind's columns with headers in the chosen language (the first Russian or
Kazakh alias the loader accepts; the column's name where it has none), vocabulary cells by their
label in that language (the key where a label would not resolve back to the same term), dates as
date cells, codes for the person and case a record refers to (the complainant too), and a
facility by its name where no other facility has that name (by its UUID otherwise). Every row carries the record's
id, so loading the workbook into another vault gives the same records.

Every CSV kind is exported. A proceeding is one row per charge, its own columns repeated on each
(the loader groups the rows by its id). A record may hold more than its rows can (a case's second
allegation, a complaint's dated replies, a proceeding's second victim, a charge id the loader would
not derive, a text longer than a cell's 32,767 characters): it is written as far as the columns go and counted (``partial``), and the caller says
so, because loading such a sheet back over the same vault replaces the record with what the rows
hold.

Text cells are always written as text, never as formulas (a cell starting with "=" stays text).
The workbook is plaintext outside the vault: the caller warns, and :func:`export_kind` logs an
audit entry with the file's SHA-256 in the same transaction as the write.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LoadError, RecordNotFound
from ..messages import Message
from .csv_cells import CSV_NAMESPACE, CsvKind, Terms, fold
from .csv_kinds import CSV_KINDS

if TYPE_CHECKING:
    from ..store.vault import Vault

# The kinds written as sheets: every CSV kind (the loader's, in the order they load in).
EXPORTED_KINDS = ("case", "complaint", "proceeding", "statistic", "consent", "reprisal")
_CODE_COLUMNS = {"case_code": ("case_id", "case"), "person_code": ("person_id", "person"),
                 "complainant_code": ("complainant_id", "person"), "victim_code": ("victim_id", "person"),
                 "defendant_code": ("defendant_id", "person")}
MAX_XLSX_CELL = 32767  # the most characters a workbook cell holds (openpyxl cuts longer text there)
_STAGES = ("article_registered", "article_charged", "article_judgment")
_PUNISHMENT = (("years", "years"), ("months", "months"), ("probation_years", "probation_years"),
               ("probation_months", "probation_months"), ("fine_amount", "amount"), ("life", "life"))


def header_for(kind: CsvKind, lang: str) -> list[str]:
    """The kind's column headers in ``lang`` (aliases the loader accepts)."""
    out = []
    for column in kind.columns:
        aliases = {"ru": column.ru, "kk": column.kk}.get(lang, ())
        out.append(aliases[0] if aliases else column.name)
    return out


def _fields(kind: str, body: dict) -> dict:
    """The record's values by column name (before codes and labels)."""
    out = {k: v for k, v in body.items() if not isinstance(v, (dict, list)) or k in ("tags", "covers")}
    if kind == "case" and body.get("allegations"):
        allegation = body["allegations"][0]
        out.update(allegation_date=allegation.get("date"), allegation_place=allegation.get("place"),
                   allegation_description=allegation.get("description"), methods=allegation.get("methods"))
    elif kind == "complaint":
        out["pressure_to_withdraw"] = (body.get("withdrawal_pressure") or {}).get("reported")
        forwarded = body.get("forwarded_to") or {}
        out.update(forwarded_to=forwarded.get("authority"), forwarded_to_name=forwarded.get("authority_name"),
                   forwarded_date=forwarded.get("date"))
    elif kind == "consent":
        out.update(body.get("scope") or {})
    elif kind == "reprisal":
        article = body.get("counter_charge_article") or {}
        out.update(counter_charge_article=article.get("article"), counter_charge_part=article.get("part"))
    elif kind == "proceeding":
        for stage in _STAGES:
            article = body.get(stage) or {}
            out.update({stage: article.get("article"), f"{stage}_part": article.get("part")})
        compensation = body.get("compensation") or {}
        out.update({f"compensation_{k}": compensation.get(k) for k in ("claimed", "awarded", "currency", "date")})
        victims = body.get("victims") or []
        if victims:
            out.update(victim_id=victims[0].get("person_id"), victim_status=victims[0].get("status"))
    return out


def _charge_fields(charge: dict) -> dict:
    """One charge of a proceeding as the charge columns of its row."""
    officer = charge.get("officer") or {}
    article = charge.get("article") or {}
    out = {"defendant_id": charge.get("person_id"), "officer_rank": officer.get("rank"),
           "officer_unit": officer.get("unit"), "charge_article": article.get("article"),
           "charge_part": article.get("part"), "verdict": charge.get("verdict"),
           "verdict_date": charge.get("verdict_date"), "charge_notes": charge.get("notes")}
    punishments = list(charge.get("punishments") or [])
    if len(punishments) > 1 and punishments[-1].get("kind") == "ban_from_office":
        out["ban_years"] = punishments.pop().get("years")
    if punishments:
        out["punishment"] = punishments[0].get("kind")
        out.update({column: punishments[0].get(name) for column, name in _PUNISHMENT})
    return out


_NESTED = {"case": {"allegations"}, "proceeding": {"victims", "charges", "compensation", *_STAGES}, "complaint": {"withdrawal_pressure", "forwarded_to"}, "consent": {"scope"},
           "reprisal": {"counter_charge_article"}}


def whole(kind: CsvKind, body: dict) -> bool:
    """Whether the kind's row holds all of the record: loading the row back over the record changes
    nothing. A record with more (a second allegation, dated replies, …) is written as far as it
    goes, and counted, because loading that sheet back into the same vault would drop the rest."""
    import uuid

    carried = {c.name for c in kind.columns} | {"type"} | _NESTED.get(kind.name, set())
    if not set(body) <= carried:
        return False
    if any(";" in str(item) for name in ("tags", "covers") for item in body.get(name) or []):
        return False  # a list cell is split at ';' when it is loaded
    if kind.name == "case" and body.get("allegations"):
        allegations = body["allegations"]
        derived = str(uuid.uuid5(CSV_NAMESPACE, f"allegation:{body['id']}"))
        return (len(allegations) == 1 and allegations[0].get("id") == derived
                and set(allegations[0]) <= {"id", "date", "place", "description", "methods"})
    if kind.name == "complaint":
        return (set(body.get("withdrawal_pressure") or {}) <= {"reported"}
                and set(body.get("forwarded_to") or {}) <= {"authority", "authority_name", "date"})
    if kind.name == "reprisal":
        return set(body.get("counter_charge_article") or {}) <= {"article", "part"}
    if kind.name == "proceeding":
        return _proceeding_whole(body)
    return True


def _proceeding_whole(body: dict) -> bool:
    import uuid

    victims = body.get("victims") or []
    if len(victims) > 1 or any(not set(v) <= {"person_id", "status"} for v in victims):
        return False
    for charge in body.get("charges") or []:
        who = charge.get("person_id") or "officer:" + "\x1f".join(
            (charge.get("officer") or {}).get(k, "") for k in ("rank", "unit"))
        article = charge.get("article") or {}
        what = f"{article['article']}:{article.get('part', '')}" if article else ""
        derived = str(uuid.uuid5(CSV_NAMESPACE, f"charge:{body['id']}:{who}:{what}"))
        punishments = charge.get("punishments") or []
        ban_added = len(punishments) == 2 and punishments[1].get("kind") == "ban_from_office"
        if (charge.get("id") != derived or len(punishments) > 1 + ban_added
                or not set(charge) <= {"id", "person_id", "officer", "article", "verdict", "verdict_date",
                                       "punishments", "notes"}
                or (ban_added and set(punishments[1]) != {"kind", "years"})):
            return False
    return True


class _Rows:
    """Turns records into rows of cell values, with labels and codes looked up once."""

    def __init__(self, vault: Vault, kind: CsvKind, lang: str):
        self.vault, self.kind, self.lang = vault, kind, lang
        self.labels: dict[tuple[str, str], str] = {}
        self.terms: dict[str, Terms] = {}
        self.codes: dict[str, str | None] = {}
        self.facilities: dict[str, str] | None = None  # facility id -> its name, where no other has it
        self.columns = [c for c in kind.columns]

    def label(self, vocabulary: str, key: str) -> str:
        cache = (vocabulary, key)
        if cache not in self.labels:
            if vocabulary not in self.terms:
                self.terms[vocabulary] = Terms(self.vault, vocabulary)
            label = self.vault.label(vocabulary, key, self.lang) or key
            # a label that would load back as another term (or as none) is written as its key
            self.labels[cache] = label if self.terms[vocabulary].lookup.get(fold(label)) == key else key
        return self.labels[cache]

    def code(self, record_id: str | None) -> str | None:
        if not record_id:
            return None
        if record_id not in self.codes:
            try:
                self.codes[record_id] = (self.vault.info(record_id).body or {}).get("code")
            except RecordNotFound:  # a deleted or missing record: the id column keeps the reference
                self.codes[record_id] = None
        return self.codes[record_id]

    def facility(self, facility_id: str) -> str | None:
        """The facility's name when it names no other facility (the loader then finds it by name)."""
        if self.facilities is None:
            names: dict[str, list[tuple[str, str]]] = {}
            for info in self.vault.records("facility"):
                name = (info.body or {}).get("name")
                if name:
                    names.setdefault(fold(name), []).append((info.id, name))
            self.facilities = {found[0][0]: found[0][1] for found in names.values() if len(found) == 1}
        return self.facilities.get(facility_id)

    def rows(self, body: dict) -> list[list]:
        """The record's rows: one, or a proceeding's one per charge (its own columns repeated)."""
        values = _fields(self.kind.name, body)
        if self.kind.name != "proceeding" or not body.get("charges"):
            return [self.row(values)]
        return [self.row({**values, **_charge_fields(charge)}) for charge in body["charges"]]

    def row(self, values: dict) -> list:
        values = dict(values)
        cells = []
        coded = set()
        for column in self.columns:
            if column.name in _CODE_COLUMNS:
                id_field = _CODE_COLUMNS[column.name][0]
                code = self.code(values.get(id_field))
                if code:
                    coded.add(id_field)
                values[column.name] = code
            elif column.name == "facility" and values.get("facility_id"):
                name = self.facility(values["facility_id"])
                if name:
                    coded.add("facility_id")
                values["facility"] = name
        for column in self.columns:
            if column.name in coded:  # the code names it; the UUID column stays empty
                values[column.name] = None
            value = values.get(column.name)
            if value is None or value == [] or value == "":
                cells.append(None)
            elif column.kind == "date":
                cells.append(_dt.date.fromisoformat(value))
            elif column.kind == "vocab":
                cells.append(self.label(column.vocabulary, value))
            elif column.kind == "vocablist":
                cells.append("; ".join(self.label(column.vocabulary, v) for v in value))
            elif column.kind in ("list", "uuids"):
                cells.append("; ".join(value))
            elif column.kind in ("bool", "int", "number"):
                cells.append(value)
            else:
                cells.append(str(value))
        return cells


def _book(sheets: Iterable[tuple[str, list[str], Iterable[list]]]) -> bytes:
    """An .xlsx workbook (bytes) of (title, header, rows) sheets; text is never a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    bold = Font(bold=True)

    def cell(sheet, value, header_cell=False):
        out = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            out.data_type = "s"  # "=HYPERLINK(...)" from a record stays text
        elif isinstance(value, _dt.date):
            out.number_format = "yyyy-mm-dd"
        if header_cell:
            out.font = bold
        return out

    book = Workbook(write_only=True)
    used: set[str] = set()
    for title, header, rows in sheets:
        name, number = _sheet_title(title), 1
        while name.casefold() in used:  # sheet names are unique regardless of case
            number += 1
            name = f"{_sheet_title(title)[:26]} ({number})"
        used.add(name.casefold())
        sheet = book.create_sheet(name)
        sheet.append([cell(sheet, h, True) for h in header])
        for row in rows:
            sheet.append([cell(sheet, v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    for bad in "[]:*?/\\":
        title = title.replace(bad, " ")
    return (title.strip() or "Sheet")[:31]


def kind_table(vault: Vault, kind_name: str, lang: str = "en") -> tuple[list[str], list[list], int]:
    """The header and rows of one kind's sheet, and how many of its records the rows do not hold
    whole (see :func:`whole`)."""
    if kind_name not in EXPORTED_KINDS:
        raise LoadError(Message("sheet_kind_not_exported", kind=kind_name, kinds=", ".join(EXPORTED_KINDS)))
    kind = CSV_KINDS[kind_name]
    rows = _Rows(vault, kind, lang)
    out, partial = [], 0
    with vault.reading():
        for info in vault.records(kind.record_type, order="created"):
            if info.body is not None:
                record_rows = rows.rows(info.body)
                out.extend(record_rows)
                partial += not whole(kind, info.body) or any(
                    isinstance(cell, str) and len(cell) > MAX_XLSX_CELL for row in record_rows for cell in row)
    return header_for(kind, lang), out, partial


def table_workbook(sheets: Iterable[tuple[str, list[str], Iterable[list]]]) -> bytes:
    """A workbook of tables as shown (a list's rows and columns, a statistics table)."""
    return _book(sheets)


def report_tables(report) -> list[tuple[str, list[str], list[list]]]:
    """The tables of a built report (the statistics report's, say) as (title, header, rows), each
    titled by its caption or its section's title: what the reader saw in the preview, redacted alike."""
    out = []
    for section in report.sections:
        for block in section.blocks:
            if hasattr(block, "columns") and hasattr(block, "rows") and isinstance(block.rows, list):
                out.append((getattr(block, "caption", None) or section.title, list(block.columns),
                            [list(row) for row in block.rows]))
    return out


def write_logged(vault: Vault, path: Path | str, data: bytes, action: str, detail: str) -> str:
    """Write ``data`` to ``path`` atomically and log it (with its SHA-256) in one transaction."""
    from ..fs import atomic_writer

    digest = hashlib.sha256(data).hexdigest()
    with vault.writing():  # the entry and the file: both or neither (as reports.trail.logged_output)
        vault.audit(action, detail=f"{detail} sha256={digest}")
        with atomic_writer(path) as out:
            out.write(data)
    return digest


def export_kind(vault: Vault, kind_name: str, path: Path | str, lang: str = "en") -> tuple[int, int]:
    """Write one kind's records as a workbook ``monitor load`` reads back; returns the rows written
    and how many of them do not hold their record whole."""
    header, rows, partial = kind_table(vault, kind_name, lang)
    title = CSV_KINDS[kind_name].title
    data = _book([(title, header, rows)])
    write_logged(vault, path, data, "sheet-written",
                 f"kind={kind_name} rows={len(rows)} partial={partial} lang={lang}")
    return len(rows), partial
