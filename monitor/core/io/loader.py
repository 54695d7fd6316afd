"""Bulk import from JSON lines (:mod:`.jsonlines`) and CSV (:mod:`.csv_file`, :mod:`.csv_cells`,
:mod:`.csv_kinds`).

The whole file is read and checked before anything is written: one bad line or row and nothing
is loaded, and the error names the line (and the field or column). Then every record is written
in one transaction as a new revision by this device. Loading the same file twice changes nothing.

Spreadsheets: one sheet of an .xlsx workbook, read as a CSV file of the same kind (:mod:`.spreadsheet`).
JSON lines: one record per line, exactly as ``monitor dump`` writes them (see docs/data-model.md).
CSV: cases, complaints, proceedings (one row per charge), consent, reprisals or official statistics,
with the columns documented in docs/csv.md and in :data:`.csv_kinds.CSV_KINDS`. Both are streamed: memory
does not grow with the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable


from ..errors import LoadError
from ..messages import Message
from ..text import one_line

from .csv_file import detect_encoding, read_csv
from .jsonlines import read_jsonl
from .spreadsheet import read_xlsx

if TYPE_CHECKING:
    from ..store.vault import Vault

MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024


@dataclass
class LoadReport:
    records: int
    created: int
    updated: int
    unchanged: int
    encoding: str | None = None  # a CSV file's encoding ("utf-8", "utf-16", "cp1251"); None for JSON lines
    sheet: str | None = None  # the sheet read from an .xlsx workbook

    def to_json(self) -> dict:
        return self.__dict__.copy()


def load_file(vault: "Vault", path: Path | str, *, csv_type: str | None = None, sheet: str | None = None,
              progress: Callable | None = None, cancel=None) -> LoadReport:
    path = Path(path)
    if not path.is_file():
        raise LoadError(Message("load_no_file", path=one_line(str(path), 80)))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise LoadError(Message("load_too_large", name=one_line(path.name, 60)))
    encoding = read_sheet = None
    is_csv = csv_type is not None or path.suffix.lower() in (".csv", ".tsv")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        read_sheet, source = read_xlsx(vault, path, csv_type, sheet)
    elif is_csv:
        encoding = detect_encoding(path)
        source = read_csv(vault, path, csv_type, encoding)  # streamed, read twice like JSON lines
    else:
        source = lambda: read_jsonl(path)  # noqa: E731  read twice: checked, then written
    report = vault.put_stream(source, progress=progress, cancel=cancel, action="load")
    if report.total == 0:
        raise LoadError(Message("load_empty", name=one_line(path.name, 60)))
    return LoadReport(report.total, report.created, report.updated, report.unchanged, encoding, read_sheet)


