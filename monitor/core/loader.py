"""Bulk import from JSON lines and CSV, and the plaintext dump.

The whole file is read and checked before anything is written: one bad line or row and nothing
is loaded, and the error names the line (and the field or column). Then every record is written
in one transaction as a new revision by this device. Loading the same file twice changes nothing.

JSON lines: one record per line, exactly as ``monitor dump`` writes them (see docs/data-model.md).
CSV: cases or complaints, with the columns documented in docs/csv.md and in :data:`CSV_COLUMNS`.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from .errors import LoadError, MonitorError
from .schema import RECORD_TYPES
from .text import one_line

if TYPE_CHECKING:
    from .vault import Vault

MAX_LINE_BYTES = 8 * 1024 * 1024
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
# Ids for CSV rows without an id column are derived from their natural key, so loading the same
# spreadsheet twice updates the same records instead of duplicating them.
CSV_NAMESPACE = uuid.UUID("5b0d7c2e-61a4-4d8e-9a52-7f3e8e0c4b11")

CSV_COLUMNS: dict[str, dict[str, str]] = {
    "case": {
        "id": "optional UUID; without it the id is derived from the code",
        "code": "required, e.g. KZ-2026-0007",
        "title": "required",
        "status": "required, a case_status key (open, documenting, complaint_filed, …)",
        "facility_id": "optional UUID of a facility in the vault",
        "period_start": "optional date (YYYY-MM-DD or DD.MM.YYYY)",
        "period_end": "optional date",
        "summary": "optional text",
        "tags": "optional, separated by ';'",
        "allegation_date": "optional: with allegation_description and methods, adds one allegation",
        "allegation_place": "optional",
        "allegation_description": "optional text",
        "methods": "method keys separated by ';' (beating; threats; …), required with an allegation",
    },
    "complaint": {
        "id": "optional UUID; without it the id is derived from case, date, authority and reference",
        "case_id": "UUID of the case (this or case_code is required)",
        "case_code": "code of a case already in the vault",
        "date_filed": "required date (YYYY-MM-DD or DD.MM.YYYY)",
        "authority": "required, an authority key (prosecutor, police, court, …)",
        "authority_name": "optional, the office",
        "reference": "optional registration number",
        "filed_by": "optional",
        "statement": "optional text",
        "status": "required, a complaint_status key (filed, refused, …)",
        "reply_date": "optional date",
        "reply": "optional text",
    },
}
_DATE_COLUMNS = {"period_start", "period_end", "allegation_date", "date_filed", "reply_date"}
_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@dataclass
class LoadReport:
    records: int
    created: int
    updated: int
    unchanged: int

    def to_json(self) -> dict:
        return self.__dict__.copy()


def load_file(vault: "Vault", path: Path | str, *, csv_type: str | None = None,
              progress: Callable | None = None, cancel=None) -> LoadReport:
    path = Path(path)
    if not path.is_file():
        raise LoadError(f"cannot read {one_line(str(path), 80)}: no such file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise LoadError(f"{one_line(path.name, 60)} is larger than 2 GiB; split it")
    is_csv = csv_type is not None or path.suffix.lower() in (".csv", ".tsv")
    if is_csv:
        rows = _read_csv(vault, path, csv_type)  # spreadsheets are small; parsed once
        source = lambda: iter(rows)  # noqa: E731
    else:
        source = lambda: _read_jsonl(path)  # noqa: E731  read twice: checked, then written
    report = vault.put_stream(source, progress=progress, cancel=cancel, action="load")
    if report.total == 0:
        raise LoadError(f"{one_line(path.name, 60)} holds no records")
    return LoadReport(report.total, report.created, report.updated, report.unchanged)


# --- JSON lines ----------------------------------------------------------------------------------

def _no_duplicate_keys(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key '{one_line(key, 40)}' appears twice")
        out[key] = value
    return out


def _no_constants(name):
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"the number {text[:20]} is out of range")
    return value


def _read_jsonl(path: Path) -> Iterator[tuple[str, dict]]:
    """(label, record) for every non-blank line; raises LoadError naming the first bad line."""
    with path.open("rb") as handle:
        for number, raw in enumerate(_lines(handle), 1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LoadError(f"line {number}: not valid UTF-8 (byte {exc.start + 1} of the line)") from None
            if not text.strip():
                continue
            try:
                record = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants,
                                    parse_float=_finite_float)
            except ValueError as exc:
                raise LoadError(f"line {number}: not valid JSON ({one_line(str(exc).split(':')[0], 60)})") from None
            except RecursionError:
                raise LoadError(f"line {number}: nested too deeply to be a record") from None
            if not isinstance(record, dict):
                raise LoadError(f"line {number}: expected a JSON object (a record), got {type(record).__name__}")
            yield f"line {number}", record


def _lines(handle) -> Iterator[bytes]:
    """Lines of a binary file, refusing any longer than MAX_LINE_BYTES without reading it whole."""
    number = 0
    while True:
        line = handle.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES:
            raise LoadError(f"line {number}: longer than {MAX_LINE_BYTES // (1024 * 1024)} MiB; a record may not be that large")
        yield line.rstrip(b"\r\n")


# --- CSV -------------------------------------------------------------------------------------------

def _read_csv(vault: "Vault", path: Path, csv_type: str | None) -> list[tuple[str, dict]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError(f"line {line}: not valid UTF-8 (save the spreadsheet as CSV UTF-8)") from None
    if "\x00" in text:
        raise LoadError("the file contains NUL bytes; it is not a CSV text file")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise LoadError("the CSV file is empty") from None
    except csv.Error as exc:
        raise LoadError(f"line 1: malformed CSV ({exc})") from None
    kind = csv_type or _guess_kind(header)
    if kind not in CSV_COLUMNS:
        raise LoadError(f"unknown CSV type '{one_line(kind, 20)}'; use case or complaint")
    columns = CSV_COLUMNS[kind]
    unknown = [h for h in header if h not in columns]
    if unknown:
        raise LoadError(f"line 1: unknown column '{one_line(unknown[0], 40)}' for {kind} CSV (see docs/csv.md)")
    if len(set(header)) != len(header):
        raise LoadError("line 1: a column name appears twice")
    rows = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise LoadError(f"line {line}: {len(row)} cells, but the header has {len(header)} columns")
            values = {h: cell.strip() for h, cell in zip(header, row) if cell.strip()}
            for column in _DATE_COLUMNS & values.keys():
                values[column] = _date(values[column], line, column)
            build = _case_from_row if kind == "case" else _complaint_from_row
            rows.append((f"line {line}", build(vault, values, line)))
    except csv.Error as exc:
        raise LoadError(f"line {reader.line_num}: malformed CSV ({exc})") from None
    return rows


def _guess_kind(header: list[str]) -> str:
    if "date_filed" in header:
        return "complaint"
    if "code" in header and "title" in header:
        return "case"
    raise LoadError("line 1: cannot tell whether this CSV holds cases or complaints; pass --csv-type")


def _date(value: str, line: int, column: str) -> str:
    match = _DMY.match(value)
    if match:
        value = f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
    try:
        _dt.date.fromisoformat(value)
        if len(value) != 10:
            raise ValueError
    except ValueError:
        raise LoadError(f"line {line}, column '{column}': not a date (YYYY-MM-DD or DD.MM.YYYY): '{one_line(value, 30)}'") from None
    return value


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _case_from_row(vault: "Vault", v: dict, line: int) -> dict:
    for column in ("code", "title", "status"):
        if column not in v:
            raise LoadError(f"line {line}, column '{column}': required")
    record = {
        "id": v.get("id") or str(uuid.uuid5(CSV_NAMESPACE, "case:" + v["code"])),
        "type": "case", "code": v["code"], "title": v["title"], "status": v["status"],
    }
    for column in ("facility_id", "period_start", "period_end", "summary"):
        if column in v:
            record[column] = v[column]
    if "tags" in v:
        record["tags"] = _split(v["tags"])
    if any(c in v for c in ("allegation_date", "allegation_place", "allegation_description", "methods")):
        if "allegation_description" not in v or "methods" not in v:
            raise LoadError(f"line {line}: an allegation needs allegation_description and methods")
        allegation = {
            "id": str(uuid.uuid5(CSV_NAMESPACE, f"allegation:{record['id']}")),
            "description": v["allegation_description"],
            "methods": _split(v["methods"]),
        }
        if "allegation_date" in v:
            allegation["date"] = v["allegation_date"]
        if "allegation_place" in v:
            allegation["place"] = v["allegation_place"]
        record["allegations"] = [allegation]
    return record


def _complaint_from_row(vault: "Vault", v: dict, line: int) -> dict:
    for column in ("date_filed", "authority", "status"):
        if column not in v:
            raise LoadError(f"line {line}, column '{column}': required")
    case_id = v.get("case_id")
    if case_id is None:
        if "case_code" not in v:
            raise LoadError(f"line {line}: give case_id or case_code")
        row = vault.conn.execute(
            "SELECT r.id FROM records r JOIN revisions v ON v.rev = r.head "
            "WHERE r.type = 'case' AND r.deleted = 0 AND json_extract(v.body, '$.code') = ?",
            (v["case_code"],),
        ).fetchone()
        if row is None:
            raise LoadError(f"line {line}, column 'case_code': no case '{one_line(v['case_code'], 30)}' in the vault")
        case_id = row[0]
    natural = f"complaint:{case_id}:{v['date_filed']}:{v['authority']}:{v.get('reference', '')}"
    record = {"id": v.get("id") or str(uuid.uuid5(CSV_NAMESPACE, natural)), "type": "complaint",
              "case_id": case_id}
    for column in ("date_filed", "authority", "authority_name", "reference", "filed_by", "statement",
                   "status", "reply_date", "reply"):
        if column in v:
            record[column] = v[column]
    return record


# --- dump ----------------------------------------------------------------------------------------

DUMP_ORDER = ("term", "facility", "person", "case", "visit", "consent", "interview", "examination", "attachment",
              "complaint", "proceeding", "reprisal", "link", "addendum", "statistic")
assert set(DUMP_ORDER) == set(RECORD_TYPES)


def dump_records(vault: "Vault", record_type: str | None = None) -> Iterator[dict]:
    """Every live record, grouped by type in a stable order (the bodies, exactly as stored)."""
    if record_type is not None and record_type not in RECORD_TYPES:
        raise MonitorError(f"unknown record type '{one_line(record_type, 30)}'")
    page = 2000  # bounded memory: one page of bodies at a time
    for t in DUMP_ORDER if record_type is None else (record_type,):
        offset = 0
        while True:
            infos = list(vault.records(t, order="created", limit=page, offset=offset))
            for info in infos:
                yield info.body
            if len(infos) < page:
                break
            offset += page


def dump_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
