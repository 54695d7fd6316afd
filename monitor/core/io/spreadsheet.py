"""Spreadsheets in: one sheet of an .xlsx workbook read as a CSV file is (:mod:`.csv_file`).

The sheet's first row is the header, in English, Russian or Kazakh like a CSV header; the kind is
told from it or given. Cells keep their spreadsheet types: a date cell is a date, a number a
number, TRUE/FALSE yes or no; a text cell is read as a CSV cell is. Errors name the sheet, the row
and the column as the user wrote it. Nothing is written unless the whole sheet is good, as for CSV.

The workbook is read with openpyxl in read-only mode (streamed row by row; defusedxml guards its
XML), after a check of the zip's declared sizes, so a hostile file cannot exhaust memory.
"""

from __future__ import annotations

import datetime as _dt
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from ..errors import LoadError
from ..messages import Message
from ..text import one_line
from .csv_cells import MAX_CELL_CHARS
from .csv_file import check_header, choose_kind, table_source

if TYPE_CHECKING:
    from ..store.vault import Vault

MAX_MEMBER_BYTES = 2 * 1024 * 1024 * 1024  # any one part of the workbook, uncompressed
MAX_SHARED_STRINGS = 256 * 1024 * 1024  # the shared strings table, which openpyxl holds in memory


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                limit = MAX_SHARED_STRINGS if info.filename.endswith("sharedStrings.xml") else MAX_MEMBER_BYTES
                if info.file_size > limit:
                    raise LoadError(Message("load_xlsx_unreadable", detail=f"{one_line(info.filename, 40)}: "
                                                                           f"{info.file_size:,} bytes"))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LoadError(Message("load_xlsx_unreadable", detail=type(exc).__name__)) from None


def _open(path: Path):
    from openpyxl import load_workbook

    _check_zip(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (KeyError, ValueError, InvalidFileException …)
        raise LoadError(Message("load_xlsx_unreadable", detail=type(exc).__name__)) from None


def _text(value) -> str:
    """A cell as CSV text: dates as ISO dates (with the time when there is one), whole numbers
    without ".0", TRUE/FALSE as yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if len(text) > MAX_CELL_CHARS:
        raise ValueError
    return text


def _rows(path: Path, sheet: str) -> Iterator[tuple[int, list]]:
    """(row number, raw values) of one sheet, streamed; a broken workbook is a one-line error."""
    workbook = _open(path)
    try:
        rows = workbook[sheet].iter_rows(values_only=True)
        number = 0
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except Exception as exc:
                raise LoadError(Message("load_xlsx_unreadable", detail=type(exc).__name__)) from None
            number += 1
            yield number, list(values)
    finally:
        workbook.close()


def _cells(path: Path, sheet: str, width: int) -> Iterator[tuple[int, list[str]]]:
    for number, values in _rows(path, sheet):
        if number == 1:
            continue
        try:
            cells = [_text(v) for v in values]
        except ValueError:
            raise LoadError(Message("load_sheet_row", sheet=one_line(sheet, 40), row=number,
                                    detail=Message("load_xlsx_cell_too_long", limit=f"{MAX_CELL_CHARS:,}"))) from None
        while len(cells) > width and not cells[-1].strip():
            cells.pop()
        yield number, cells + [""] * (width - len(cells))


def sheet_names(path: Path) -> list[str]:
    workbook = _open(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def read_xlsx(vault: "Vault", path: Path, csv_type: str | None,
              sheet: str | None = None) -> tuple[str, Callable[[], Iterator[tuple[str, dict]]]]:
    """The sheet read (``sheet``, or the workbook's first), and a source that streams its
    (label, record) pairs; the header is checked now."""
    names = sheet_names(path)
    if sheet is None:
        sheet = names[0] if names else ""
    if sheet not in names:
        raise LoadError(Message("load_xlsx_no_sheet", sheet=one_line(sheet, 40),
                                sheets=", ".join(one_line(n, 30) for n in names[:20])))
    header: list[str] | None = None
    for _number, values in _rows(path, sheet):
        try:
            header = [_text(v).strip() for v in values]
        except ValueError:
            header = []
        break
    while header and not header[-1]:
        header.pop()
    if not header:
        raise LoadError(Message("load_xlsx_empty", sheet=one_line(sheet, 40)))
    kind = choose_kind(header, csv_type)
    resolved, written = check_header(kind, header)
    width = len(header)
    return sheet, table_source(vault, kind, resolved, written, lambda: _cells(path, sheet, width), sheet=sheet)
