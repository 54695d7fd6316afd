"""A CSV file: its encoding and delimiter, its header matched to a kind's columns (by name in
en/ru/kk, or by the kinds' signatures), and its rows streamed and grouped for the kind's builder."""


import csv
import difflib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator


from ..errors import LoadError
from ..messages import Message
from ..text import one_line

from .csv_cells import MAX_CELL_CHARS, MAX_GROUP_ROWS, Context, CsvKind, Row, fold
from .csv_kinds import CSV_KINDS, SIGNATURES, proceeding_key
from .jsonlines import MAX_LINE_BYTES, bounded_lines

if TYPE_CHECKING:
    from ..store.vault import Vault


# --- reading the file ------------------------------------------------------------------------------

UTF8, UTF16, CP1251 = "utf-8", "utf-16", "cp1251"
BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def detect_encoding(path: Path) -> str:
    """The file's encoding: UTF-8 (with or without Excel's byte-order mark), UTF-16 with a byte-order
    mark (Excel's "Unicode text"), or Windows-1251, which a Russian Excel writes for "CSV" by default.

    Windows-1251 is chosen only when no line is UTF-8 beyond ASCII: a file that mixes UTF-8 lines with
    lines that are not UTF-8 is refused at its first bad line rather than read as mojibake.
    """
    with path.open("rb") as handle:
        if handle.read(2) in BOMS_UTF16:
            return UTF16
        handle.seek(0)
        first_bad = 0
        utf8_seen = False
        for number, raw in enumerate(bounded_lines(handle, "load_csv_line_too_long"), 1):
            if raw.isascii():
                continue
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                first_bad = first_bad or number
            else:
                utf8_seen = True
            if first_bad and utf8_seen:
                raise LoadError(Message("load_csv_utf8", line=first_bad))
    return CP1251 if first_bad else UTF8


def _utf16_lines(handle) -> Iterator[str]:
    text = io.TextIOWrapper(handle, encoding="utf-16", errors="strict", newline="")
    number = 0
    try:
        while True:
            line = text.readline(MAX_LINE_BYTES // 2 + 1)
            if not line:
                return
            number += 1
            if len(line) > MAX_LINE_BYTES // 2:
                raise LoadError(Message("load_csv_line_too_long", line=number, limit=MAX_LINE_BYTES // (1024 * 1024)))
            yield line
    except UnicodeDecodeError:
        raise LoadError(Message("load_csv_encoding", line=number + 1, encoding="UTF-16")) from None


def _text_lines(path: Path, encoding: str = UTF8) -> Iterator[str]:
    """The file's lines decoded one at a time (line endings kept, for quoted cells)."""
    with path.open("rb") as handle:
        if encoding == UTF16:
            lines: Iterator[str] = _utf16_lines(handle)
        else:
            lines = _decoded(bounded_lines(handle, "load_csv_line_too_long"), encoding)
        for number, line in enumerate(lines, 1):
            if number == 1 and line.startswith("\ufeff"):
                line = line[1:]
            if "\x00" in line:
                raise LoadError(Message("load_csv_nul", line=number))
            yield line


def _decoded(raw_lines: Iterator[bytes], encoding: str) -> Iterator[str]:
    for number, raw in enumerate(raw_lines, 1):
        if b"\x00" in raw:
            raise LoadError(Message("load_csv_nul", line=number))
        try:
            yield raw.decode(encoding)
        except UnicodeDecodeError:
            if encoding == UTF8:
                raise LoadError(Message("load_csv_utf8", line=number)) from None
            raise LoadError(Message("load_csv_encoding", line=number, encoding="Windows-1251")) from None


def _header(path: Path, encoding: str) -> tuple[str, list[str]]:
    """The delimiter and the header cells (read from the first line only)."""
    lines = _text_lines(path, encoding)
    try:
        first = next(lines)
    except StopIteration:
        raise LoadError(Message("load_csv_empty")) from None
    finally:
        lines.close()
    delimiter = max(",;\t", key=first.count)
    try:
        header = next(csv.reader([first], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration) as exc:
        raise LoadError(Message("load_csv_bad_header", detail=one_line(str(exc), 60))) from None
    return delimiter, header


def _resolve_header(kind: CsvKind, header: list[str]) -> tuple[list[str | None], list[str]]:
    """Canonical column names for the header cells (None where unknown) and the unknown cells."""
    names: dict[str, str] = {}
    for column in kind.columns:
        for alias in (column.name, *column.ru, *column.kk):
            names[fold(alias)] = column.name
    resolved = [names.get(fold(h)) if h.strip() else None for h in header]
    unknown = [h for h, n in zip(header, resolved) if n is None and h.strip()]
    return resolved, unknown


def _choose_kind(header: list[str], csv_type: str | None) -> CsvKind:
    if csv_type is not None:
        if csv_type not in CSV_KINDS:
            raise LoadError(Message("load_csv_unknown_type", type=one_line(csv_type, 20), types=", ".join(CSV_KINDS)))
        return CSV_KINDS[csv_type]
    for kind in CSV_KINDS.values():
        present = {n for n in _resolve_header(kind, header)[0] if n}
        if any(signature <= present for signature in SIGNATURES[kind.name]):
            return kind
    raise LoadError(Message("load_csv_which_kind"))


def choose_kind(header: list[str], csv_type: str | None) -> CsvKind:
    return _choose_kind(header, csv_type)


def check_header(kind: CsvKind, header: list[str]) -> tuple[list[str | None], dict[str, str]]:
    """The canonical column name of each header cell, and each column's header as the user wrote it;
    refuses an unknown or repeated column."""
    resolved, unknown = _resolve_header(kind, header)
    if unknown:
        known = [alias for column in kind.columns for alias in (column.name, *column.ru, *column.kk)]
        close = difflib.get_close_matches(fold(unknown[0]), [fold(a) for a in known], n=1, cutoff=0.75)
        column = one_line(unknown[0], 40)
        if close:
            raise LoadError(Message("load_csv_unknown_column_close", column=column, kind=kind.name,
                                    close=next(a for a in known if fold(a) == close[0])))
        raise LoadError(Message("load_csv_unknown_column", column=column, kind=kind.name))
    written: dict[str, str] = {}
    for cell, name in zip(header, resolved):
        if name is None:
            continue
        if name in written:
            raise LoadError(Message("load_csv_columns_twice", first=one_line(written[name], 40),
                                    second=one_line(cell.strip(), 40), column=name))
        written[name] = cell.strip()
    return resolved, written


Cells = Callable[[], Iterator[tuple[int, list[str]]]]


def table_source(vault: "Vault", kind: CsvKind, resolved: list[str | None], written: dict[str, str], cells: Cells,
                 sheet: str | None = None) -> Callable[[], Iterator[tuple[str, dict]]]:
    """A source that streams (label, record) pairs from a table's data rows, given as (row number,
    cells) pairs by ``cells`` (a CSV file's or a spreadsheet sheet's; read twice: checked, then written)."""
    passes = [0]

    def source() -> Iterator[tuple[str, dict]]:
        passes[0] += 1
        ctx = Context(vault, kind, [n for n in resolved if n], written, first_pass=passes[0] == 1, sheet=sheet)
        rows = _rows(cells(), resolved, ctx)
        if not kind.grouped:
            for row in rows:
                yield f"line {row.line}", kind.build(ctx, row)
            return
        for group in _groups(rows, ctx):
            yield f"line {group[0].line}", kind.build(ctx, group)

    return source


def read_csv(vault: "Vault", path: Path, csv_type: str | None,
             encoding: str = UTF8) -> Callable[[], Iterator[tuple[str, dict]]]:
    """Check the header now; return a source that streams (label, record) pairs from the file
    (decoded from ``encoding``, which :func:`detect_encoding` finds)."""
    delimiter, header = _header(path, encoding)
    kind = _choose_kind(header, csv_type)
    resolved, written = check_header(kind, header)
    return table_source(vault, kind, resolved, written, lambda: _csv_cells(path, delimiter, encoding))


def _csv_cells(path: Path, delimiter: str, encoding: str) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a CSV file as (first line number, cells)."""
    if csv.field_size_limit() < MAX_CELL_CHARS:  # the default (131,072) is below a narrative's limit
        csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(_text_lines(path, encoding), delimiter=delimiter, strict=True)
    try:
        next(reader)
        end = reader.line_num
        for cells in reader:
            line, end = end + 1, reader.line_num  # a row's first line (a quoted cell may span lines)
            yield line, cells
    except csv.Error as exc:
        reason = str(exc)
        detail = (Message("load_csv_cell_too_long", limit=f"{MAX_CELL_CHARS:,}")
                  if "field larger than field limit" in reason else one_line(reason, 80))
        raise LoadError(Message("load_line", line=reader.line_num,
                                detail=Message("load_malformed_csv", detail=detail))) from None


def _rows(cells: Iterator[tuple[int, list[str]]], resolved: list[str | None], ctx: Context) -> Iterator[Row]:
    for line, row_cells in cells:
        if not any(cell.strip() for cell in row_cells):
            continue
        if len(row_cells) != len(resolved):
            raise ctx.row_error(line, None, Message("load_csv_cells_detail", cells=len(row_cells), columns=len(resolved)))
        values = {}
        for number, (name, cell) in enumerate(zip(resolved, row_cells), 1):
            cell = cell.strip()
            if not cell:
                continue
            if name is None:
                raise ctx.row_error(line, None, Message("load_csv_no_header_detail", number=number))
            values[name] = cell
        yield Row(ctx, line, values)


def _groups(rows: Iterator[Row], ctx: Context) -> Iterator[list[Row]]:
    """Consecutive rows with the same group key (one proceeding and its charges)."""
    group: list[Row] = []
    key = None
    for row in rows:
        row_key = proceeding_key(ctx, row)
        if group and row_key == key:
            if len(group) >= MAX_GROUP_ROWS:
                raise row.error(None, Message("load_group_too_long", limit=MAX_GROUP_ROWS))
            group.append(row)
            continue
        if group:
            yield group
        group, key = [row], row_key
    if group:
        yield group


