"""Bulk import from JSON lines and CSV, and the plaintext dump.

The whole file is read and checked before anything is written: one bad line or row and nothing
is loaded, and the error names the line (and the field or column). Then every record is written
in one transaction as a new revision by this device. Loading the same file twice changes nothing.

JSON lines: one record per line, exactly as ``monitor dump`` writes them (see docs/data-model.md).
CSV: cases, complaints, proceedings (one row per charge), consent, reprisals or official statistics,
with the columns documented in docs/csv.md and in :data:`CSV_KINDS`. Both are streamed: memory
does not grow with the file.
"""

from __future__ import annotations

import csv
import datetime as _dt
import difflib
import json
import re
import unicodedata
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from jsonschema.exceptions import best_match

from ..model import registry, rules, schema, vocab
from ..errors import LoadError, MonitorError, RecordNotFound, SchemaViolation
from ..model.schema import RECORD_TYPES
from ..text import file_name_problem, lone_surrogate, one_line

if TYPE_CHECKING:
    from ..store.vault import Vault

MAX_LINE_BYTES = 8 * 1024 * 1024
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
# Ids for CSV rows without an id column are derived from their natural key, so loading the same
# spreadsheet twice updates the same records instead of duplicating them.
CSV_NAMESPACE = uuid.UUID("5b0d7c2e-61a4-4d8e-9a52-7f3e8e0c4b11")

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
        source = _read_csv(vault, path, csv_type)  # streamed, read twice like JSON lines
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
            where = lone_surrogate(record)
            if where is not None:
                raise LoadError(f"line {number}: {where}: holds a lone surrogate (a \\ud800-\\udfff escape "
                                "without its pair), which is not text")
            if record.get("type") == "attachment" and isinstance(record.get("original_name"), str):
                problem = file_name_problem(record["original_name"])
                if problem:
                    raise LoadError(f"line {number}: original_name: {problem}")
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
#
# A CSV file is read as a stream, twice (checked, then written; see Vault.put_stream): one row at a
# time, decoded line by line, so memory does not grow with the file. Between the two passes only
# what the vault keeps for references and what this loader keeps to find duplicate ids (16 bytes
# and a line number per record) stay in memory.

MAX_GROUP_ROWS = 1000  # rows of one proceeding (its charges)
MAX_CELL_CHARS = 1_000_000  # the longest text a record holds (a verbatim narrative)
_LIST_LIMIT = 12  # vocabulary keys shown in an "unknown value" error before "… (N more)"
_NUMBER = re.compile(r"^[+-]?\d{1,15}([.,]\d{1,6})?$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_OFFSET = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")
_TRUE = {"yes", "y", "true", "1", "+", "x", "да", "д", "иә", "ия"}
_FALSE = {"no", "n", "false", "0", "-", "нет", "н", "жоқ"}
_PATH = re.compile(r"^[a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*$")  # a field path in a rule's message


Column = registry.CsvColumn  # one CSV column: its name, what it holds, its Russian and Kazakh headers


@dataclass(frozen=True)
class CsvKind:
    name: str  # as given to --csv-type
    record_type: str
    title: str  # the heading in docs/csv.md
    columns: tuple[Column, ...]
    identity: tuple[str, ...]  # the columns a missing id is derived from
    build: Callable  # (ctx, row) -> record, or (ctx, rows) -> record for grouped kinds
    grouped: bool = False

    @cached_property
    def by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}


_c = registry._c


def _fold(text: str) -> str:
    """How headers, vocabulary keys and labels are compared: case, spacing, '_' and 'ё' do not matter."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е").replace("_", " ")
    return " ".join(text.split())


class _Row:
    """One data row: its line number, its non-empty cells converted by column kind."""

    def __init__(self, ctx: "_Context", line: int, cells: dict[str, str]):
        self.ctx, self.line, self.raw = ctx, line, cells
        self.values: dict = {}
        for name, text in cells.items():
            self.values[name] = ctx.convert(self, ctx.kind.by_name[name], text)

    def error(self, column: str | None, message: str) -> LoadError:
        if column is None:
            return LoadError(f"line {self.line}: {message}")
        return LoadError(f"line {self.line}, column {self.ctx.shown(column)}: {message}")

    def need(self, name: str):
        if name not in self.values:
            raise self.error(name, "required")
        return self.values[name]

    def one_of(self, *names: str) -> None:
        if not any(n in self.values for n in names):
            raise self.error(None, f"give {' or '.join(self.ctx.shown(n) for n in names)}")


class _Terms:
    """A vocabulary as a CSV cell may name it: the key, or the en/ru/kk label, in any case."""

    def __init__(self, vault: "Vault", name: str):
        self.name = name
        self.exists = vault.has_vocabulary(name)
        self.keys: list[str] = []  # the current terms, for error messages (merged terms stay valid)
        self.lookup: dict[str, str | None] = {}  # folded text -> key (None: two terms share a label)
        labels: dict[str, dict[str, bool]] = {}  # folded label -> {key: deprecated}
        for key, term_labels, deprecated in vault.labelled_terms(name):
            if not deprecated:
                self.keys.append(key)
            for lang in vocab.LANGUAGES:
                if term_labels.get(lang):
                    labels.setdefault(_fold(term_labels[lang]), {})[key] = deprecated
            self.lookup[_fold(key)] = key
        for folded, keys in labels.items():
            if folded in self.lookup:  # a key always means itself
                continue
            current = [k for k, deprecated in keys.items() if not deprecated] or list(keys)
            self.lookup[folded] = current[0] if len(current) == 1 else None

    def resolve(self, text: str) -> str:
        """The key for ``text``; raises ValueError with a one-line reason."""
        if not self.exists:
            raise ValueError(f"this vault has no vocabulary '{self.name}' (it is older than this CSV kind)")
        found = self.lookup.get(_fold(text), "")
        if found:
            return found
        if found is None:
            raise ValueError(f"'{one_line(text, 40)}' is the label of more than one term of '{self.name}'; "
                             "use the key")
        shown = ", ".join(self.keys[:_LIST_LIMIT])
        if len(self.keys) > _LIST_LIMIT:
            shown += f", … ({len(self.keys) - _LIST_LIMIT} more)"
        raise ValueError(f"'{one_line(text, 40)}' is not a term of the vocabulary '{self.name}'; "
                         f"valid: {shown or 'none'} (or their en/ru/kk labels)")


class _Context:
    """What one pass over a CSV file knows: the vault, the kind, the header, caches."""

    def __init__(self, vault: "Vault", kind: CsvKind, header: list[str], written: dict[str, str], first_pass: bool):
        self.vault, self.kind, self.header, self.written = vault, kind, header, written
        self.first_pass = first_pass
        self.terms: dict[str, _Terms] = {}
        self.codes: dict[tuple[str, str], str | None] = {}
        self.seen: dict[bytes, int] = {}  # id -> the line that gave it (first pass only)

    def shown(self, column: str) -> str:
        written = self.written.get(column)
        if written is None or written == column:
            return f"'{column}'"
        return f"'{one_line(written, 40)}' ({column})"

    def vocabulary(self, name: str) -> _Terms:
        if name not in self.terms:
            self.terms[name] = _Terms(self.vault, name)
        return self.terms[name]

    def convert(self, row: _Row, column: Column, text: str):
        kind, line = column.kind, row.line
        try:
            if kind == "text":
                return text
            if kind == "date":
                return _parse_date(text)
            if kind == "datetime":
                return _parse_datetime(text)
            if kind == "int":
                value = _parse_number(text)
                if value != int(value):
                    raise ValueError(f"not a whole number: '{one_line(text, 30)}'")
                return int(value)
            if kind == "number":
                return _parse_number(text)
            if kind == "bool":
                folded = _fold(text)
                if folded in _TRUE:
                    return True
                if folded in _FALSE:
                    return False
                raise ValueError(f"not yes or no: '{one_line(text, 30)}' (yes/no, да/нет, иә/жоқ, 1/0)")
            if kind == "list":
                return _split(text)
            if kind == "uuid":
                return _parse_uuid(text)
            if kind == "uuids":
                return [_parse_uuid(part) for part in _split(text)]
            if kind == "vocab":
                return self.vocabulary(column.vocabulary).resolve(text)
            if kind == "vocablist":
                terms = self.vocabulary(column.vocabulary)
                return list(dict.fromkeys(terms.resolve(part) for part in _split(text)))
        except ValueError as exc:
            raise row.error(column.name, str(exc)) from None
        raise AssertionError(f"unknown column kind {kind}")  # pragma: no cover

    def record_id(self, row: _Row, record_type: str) -> str:
        """The row's id: the id column, or one derived from the kind's identity columns."""
        if "id" in row.values:
            return row.values["id"]
        natural = [f"{name}={row.values.get(name, '')}" for name in self.kind.identity]
        key = {"case": "case:" + row.raw.get("code", "")}.get(record_type)  # kept from the first CSV release
        return str(uuid.uuid5(CSV_NAMESPACE, key or f"{record_type}:" + "\x1f".join(natural)))

    def lookup(self, row: _Row, column: str, record_type: str) -> str:
        """The id of the live ``record_type`` whose code is in ``column`` (a case or person code)."""
        code = row.values[column]
        cache_key = (record_type, code)
        if cache_key not in self.codes:
            found = list(self.vault.records(record_type, where={"code": code}, limit=2))
            self.codes[cache_key] = found[0].id if len(found) == 1 else None
        found = self.codes[cache_key]
        if found is None:
            raise row.error(column, f"no {record_type} '{one_line(code, 30)}' in the vault")
        return found

    def reference(self, row: _Row, column: str, allowed: tuple[str, ...]) -> None:
        """A UUID cell names a live record of an allowed type in the vault."""
        values = row.values[column]
        for value in values if isinstance(values, list) else [values]:
            found = self.vault.type_of(value)
            if found is None or found[1]:
                raise row.error(column, f"no record with id {value} in the vault")
            if found[0] not in allowed:
                raise row.error(column, f"{value} is a {found[0]}, expected {' or '.join(allowed)}")

    def check_unique(self, row: _Row, record_id: str, what: str) -> None:
        """Refuse a second row (or group) with the same id, naming the columns and both lines."""
        key = uuid.UUID(record_id).bytes
        earlier = self.seen.get(key)
        if earlier is None:
            self.seen[key] = row.line
            return
        hint = ("keep the rows of one proceeding next to each other" if self.kind.grouped
                else f"each {what} may appear once")
        if "id" in row.values:
            collision = f"column {self.shown('id')} repeats the id {record_id}"
        else:
            names = ", ".join(self.shown(c) for c in self.kind.identity if c in self.header)
            collision = f"the id made from column(s) {names} collides ({record_id})"
        raise row.error(None, f"the same {what} as line {earlier}: {collision}; {hint}")

    def validate(self, row: _Row, record: dict, columns: dict[str, str] | None = None,
                 rows: dict[int, tuple["_Row", dict[str, str]]] | None = None) -> None:
        """Check a built record against its schema and the vault's rules now, so the error can
        name the column (the vault checks again when it stores the record).

        ``columns`` maps a field path (``allegations.0.methods``) to the column it came from; a
        top-level field named like a column needs no entry. ``rows`` does the same for the items
        of ``charges`` that came from other rows (index -> (row, paths within the item)).
        """
        if not self.first_pass:
            return
        if "id" in row.values:
            found = self.vault.type_of(record["id"])
            if found and found[0] != record["type"]:
                raise row.error("id", f"{record['id']} already belongs to a {found[0]}, not a {record['type']}")
        if record["type"] not in RECORD_TYPES:
            raise row.error(None, f"this Monitor has no '{record['type']}' records (its schema is older)")
        error = best_match(schema.validator_for(record["type"]).iter_errors(record), key=schema._relevance)
        if error is not None:
            path = [str(p) for p in error.absolute_path]
            message = schema.describe(error, "§").split(": ", 1)[-1]
            self._fail_at(row, path, message, schema.describe(error, record["type"]), columns, rows)
        try:
            rules.check(record, "§")
        except SchemaViolation as exc:
            segments = str(exc).split(": ")[1:]
            path: list[str] = []
            while len(segments) > 1 and _PATH.match(segments[0]):
                path += re.sub(r"\[(\d+)\]", r".\1", segments.pop(0)).split(".")
            message = ": ".join(segments)
            self._fail_at(row, path, message, ".".join(path) + ": " + message, columns, rows)

    def _fail_at(self, row: _Row, path: list[str], message: str, whole: str, columns, rows) -> None:
        """Raise the error for a field path, naming the column (and the row) it came from."""
        if rows and len(path) >= 2 and path[0] == "charges" and path[1].isdigit() and int(path[1]) in rows:
            row, columns = rows[int(path[1])]
            path = path[2:]
        for i in range(len(path), 0, -1):
            dotted = ".".join(path[:i])
            column = (columns or {}).get(dotted) or (dotted if dotted in self.kind.by_name else None)
            if column:
                raise row.error(column, message)
        raise row.error(None, whole)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _parse_date(value: str) -> str:
    match = _DMY.match(value)
    if match:
        value = f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
    try:
        if len(value) != 10:
            raise ValueError
        _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD or DD.MM.YYYY): '{one_line(value, 30)}'") from None
    return value


def _parse_datetime(value: str) -> str:
    """A date, or a date and time, with or without a UTC offset; without one, this computer's zone."""
    text = value.strip().replace("T", " ")
    offset = None
    match = _OFFSET.search(text)
    if match and (" " in text[: match.start()] or match.group(1) == "Z"):
        offset, text = match.group(1), text[: match.start()].strip()
    day, _, clock = text.partition(" ")
    try:
        date = _dt.date.fromisoformat(_parse_date(day))
        hour = minute = second = 0
        if clock:
            parts = _TIME.match(clock.strip())
            if parts is None:
                raise ValueError
            hour, minute, second = int(parts.group(1)), int(parts.group(2)), int(parts.group(3) or 0)
        moment = _dt.datetime(date.year, date.month, date.day, hour, minute, second)
        if offset is None:
            moment = moment.astimezone()
        elif offset == "Z":
            moment = moment.replace(tzinfo=_dt.timezone.utc)
        else:
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            moment = moment.replace(tzinfo=_dt.timezone(sign * _dt.timedelta(hours=int(digits[:2]),
                                                                              minutes=int(digits[2:]))))
    except ValueError:
        raise ValueError(f"not a date and time (YYYY-MM-DD HH:MM or DD.MM.YYYY HH:MM, "
                         f"optionally with +05:00): '{one_line(value, 30)}'") from None
    return moment.isoformat(timespec="seconds")


def _parse_number(text: str) -> int | float:
    compact = "".join(text.split()).replace("\u202f", "")  # 1 000 000 as spreadsheets write it
    if not _NUMBER.match(compact):
        raise ValueError(f"not a number: '{one_line(text, 30)}'")
    compact = compact.replace(",", ".")
    return float(compact) if "." in compact else int(compact)


def _parse_uuid(text: str) -> str:
    try:
        value = str(uuid.UUID(text.strip()))
    except ValueError:
        raise ValueError(f"not an id (UUID): '{one_line(text, 40)}'") from None
    return value


# --- reading the file ------------------------------------------------------------------------------

def _text_lines(path: Path) -> Iterator[str]:
    """The file's lines decoded from UTF-8 one at a time (line endings kept, for quoted cells)."""
    with path.open("rb") as handle:
        number = 0
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                raise LoadError(f"line {number}: longer than {MAX_LINE_BYTES // (1024 * 1024)} MiB")
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                raise LoadError(f"line {number}: contains NUL bytes; the file is not a CSV text file")
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                raise LoadError(f"line {number}: not valid UTF-8 (save the spreadsheet as CSV UTF-8)") from None


def _header(path: Path) -> tuple[str, list[str]]:
    """The delimiter and the header cells (read from the first line only)."""
    lines = _text_lines(path)
    try:
        first = next(lines)
    except StopIteration:
        raise LoadError("the CSV file is empty") from None
    finally:
        lines.close()
    delimiter = max(",;\t", key=first.count)
    try:
        header = next(csv.reader([first], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration) as exc:
        raise LoadError(f"line 1: malformed CSV header ({one_line(str(exc), 60)})") from None
    return delimiter, header


def _resolve_header(kind: CsvKind, header: list[str]) -> tuple[list[str | None], list[str]]:
    """Canonical column names for the header cells (None where unknown) and the unknown cells."""
    names: dict[str, str] = {}
    for column in kind.columns:
        for alias in (column.name, *column.ru, *column.kk):
            names[_fold(alias)] = column.name
    resolved = [names.get(_fold(h)) if h.strip() else None for h in header]
    unknown = [h for h, n in zip(header, resolved) if n is None and h.strip()]
    return resolved, unknown


def _choose_kind(header: list[str], csv_type: str | None) -> CsvKind:
    if csv_type is not None:
        if csv_type not in CSV_KINDS:
            raise LoadError(f"unknown CSV type '{one_line(csv_type, 20)}'; use one of {', '.join(CSV_KINDS)}")
        return CSV_KINDS[csv_type]
    for kind in CSV_KINDS.values():
        present = {n for n in _resolve_header(kind, header)[0] if n}
        if any(signature <= present for signature in _SIGNATURES[kind.name]):
            return kind
    raise LoadError("line 1: cannot tell whether this CSV holds cases or complaints, proceedings, consent, "
                    "reprisals or statistics; pass --csv-type (see docs/csv.md)")


def _read_csv(vault: "Vault", path: Path, csv_type: str | None) -> Callable[[], Iterator[tuple[str, dict]]]:
    """Check the header now; return a source that streams (label, record) pairs from the file."""
    delimiter, header = _header(path)
    kind = _choose_kind(header, csv_type)
    resolved, unknown = _resolve_header(kind, header)
    if unknown:
        known = [alias for column in kind.columns for alias in (column.name, *column.ru, *column.kk)]
        close = difflib.get_close_matches(_fold(unknown[0]), [_fold(a) for a in known], n=1, cutoff=0.75)
        hint = f"; did you mean '{next(a for a in known if _fold(a) == close[0])}'?" if close else " (see docs/csv.md)"
        raise LoadError(f"line 1: unknown column '{one_line(unknown[0], 40)}' for {kind.name} CSV{hint}")
    written: dict[str, str] = {}
    for cell, name in zip(header, resolved):
        if name is None:
            continue
        if name in written:
            raise LoadError(f"line 1: the columns '{one_line(written[name], 40)}' and '{one_line(cell.strip(), 40)}' "
                            f"are both {name}")
        written[name] = cell.strip()
    passes = [0]

    def source() -> Iterator[tuple[str, dict]]:
        passes[0] += 1
        ctx = _Context(vault, kind, [n for n in resolved if n], written, first_pass=passes[0] == 1)
        rows = _rows(path, delimiter, resolved, ctx)
        if not kind.grouped:
            for row in rows:
                yield f"line {row.line}", kind.build(ctx, row)
            return
        for group in _groups(rows, ctx):
            yield f"line {group[0].line}", kind.build(ctx, group)

    return source


def _rows(path: Path, delimiter: str, resolved: list[str | None], ctx: _Context) -> Iterator[_Row]:
    if csv.field_size_limit() < MAX_CELL_CHARS:  # the default (131,072) is below a narrative's limit
        csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(_text_lines(path), delimiter=delimiter, strict=True)
    try:
        next(reader)
        end = reader.line_num
        for cells in reader:
            line, end = end + 1, reader.line_num  # a row's first line (a quoted cell may span lines)
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(resolved):
                raise LoadError(f"line {line}: {len(cells)} cells, but the header has {len(resolved)} columns")
            values = {}
            for number, (name, cell) in enumerate(zip(resolved, cells), 1):
                cell = cell.strip()
                if not cell:
                    continue
                if name is None:
                    raise LoadError(f"line {line}: a value in column {number}, which has no header")
                values[name] = cell
            yield _Row(ctx, line, values)
    except csv.Error as exc:
        reason = str(exc)
        if "field larger than field limit" in reason:
            reason = f"a cell is longer than {MAX_CELL_CHARS:,} characters, or a quote is not closed"
        raise LoadError(f"line {reader.line_num}: malformed CSV ({one_line(reason, 80)})") from None


def _groups(rows: Iterator[_Row], ctx: _Context) -> Iterator[list[_Row]]:
    """Consecutive rows with the same group key (one proceeding and its charges)."""
    group: list[_Row] = []
    key = None
    for row in rows:
        row_key = _proceeding_key(ctx, row)
        if group and row_key == key:
            if len(group) >= MAX_GROUP_ROWS:
                raise row.error(None, f"more than {MAX_GROUP_ROWS} rows for one proceeding")
            group.append(row)
            continue
        if group:
            yield group
        group, key = [row], row_key
    if group:
        yield group


# --- the kinds -------------------------------------------------------------------------------------

def _copy(row: _Row, record: dict, *names: str) -> dict:
    for name in names:
        if name in row.values:
            record[name] = row.values[name]
    return record


def _case_id(ctx: _Context, row: _Row, required: bool = True) -> str | None:
    if "case_id" in row.values:
        ctx.reference(row, "case_id", ("case",))
        return row.values["case_id"]
    if "case_code" in row.values:
        return ctx.lookup(row, "case_code", "case")
    if required:
        row.one_of("case_id", "case_code")
    return None


def _person_id(ctx: _Context, row: _Row, id_column: str, code_column: str, required: bool = True) -> str | None:
    if id_column in row.values:
        ctx.reference(row, id_column, ("person",))
        return row.values[id_column]
    if code_column in row.values:
        return ctx.lookup(row, code_column, "person")
    if required:
        row.one_of(id_column, code_column)
    return None


def _refs(ctx: _Context, row: _Row, **columns: tuple[str, ...]) -> None:
    for column, allowed in columns.items():
        if column in row.values:
            ctx.reference(row, column, allowed)


def _article_ref(row: _Row, article: str, part: str) -> dict | None:
    if part in row.values and article not in row.values:
        raise row.error(part, f"a part needs its article ({row.ctx.shown(article)})")
    if article not in row.values:
        return None
    ref = {"article": row.values[article]}
    if part in row.values:
        ref["part"] = row.values[part]
    return ref


def _build_case(ctx: _Context, row: _Row) -> dict:
    for column in ("code", "title", "status"):
        row.need(column)
    record = {"id": ctx.record_id(row, "case"), "type": "case"}
    _copy(row, record, "code", "title", "status", "facility_id", "period_start", "period_end", "summary", "tags")
    _refs(ctx, row, facility_id=("facility",))
    paths = {}
    if any(c in row.values for c in ("allegation_date", "allegation_place", "allegation_description", "methods")):
        if "allegation_description" not in row.values or "methods" not in row.values:
            raise row.error(None, f"an allegation needs {ctx.shown('allegation_description')} and {ctx.shown('methods')}")
        allegation = {"id": str(uuid.uuid5(CSV_NAMESPACE, f"allegation:{record['id']}")),
                      "description": row.values["allegation_description"], "methods": row.values["methods"]}
        if "allegation_date" in row.values:
            allegation["date"] = row.values["allegation_date"]
        if "allegation_place" in row.values:
            allegation["place"] = row.values["allegation_place"]
        record["allegations"] = [allegation]
        paths = {"allegations.0.date": "allegation_date", "allegations.0.place": "allegation_place",
                 "allegations.0.description": "allegation_description", "allegations.0.methods": "methods"}
    ctx.validate(row, record, paths)
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "case")
    return record


def _build_complaint(ctx: _Context, row: _Row) -> dict:
    for column in ("date_filed", "authority", "status"):
        row.need(column)
    case_id = _case_id(ctx, row)
    natural = (f"complaint:{case_id}:{row.values['date_filed']}:{row.values['authority']}:"
               f"{row.values.get('reference', '')}")
    record = {"id": row.values.get("id") or str(uuid.uuid5(CSV_NAMESPACE, natural)), "type": "complaint",
              "case_id": case_id}
    _copy(row, record, "date_filed", "date_received", "intake_channel", "authority", "authority_name",
          "reference", "filed_by", "statement", "status", "reply_date", "reply")
    if "pressure_to_withdraw" in row.values:
        record["withdrawal_pressure"] = {"reported": row.values["pressure_to_withdraw"]}
    forwarded = {k: row.values[c] for k, c in (("authority", "forwarded_to"), ("authority_name", "forwarded_to_name"),
                                               ("date", "forwarded_date")) if c in row.values}
    if forwarded:
        if "authority" not in forwarded:
            raise row.error(None, f"{ctx.shown('forwarded_to')} is needed with the other forwarded_ columns")
        record["forwarded_to"] = forwarded
    ctx.validate(row, record, {"case_id": "case_code" if "case_code" in row.values else "case_id",
                               "withdrawal_pressure": "pressure_to_withdraw", "forwarded_to.authority": "forwarded_to",
                               "forwarded_to.authority_name": "forwarded_to_name",
                               "forwarded_to.date": "forwarded_date"})
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "complaint")
    return record


def _build_statistic(ctx: _Context, row: _Row) -> dict:
    for column in ("source_document", "period_start", "period_end", "indicator", "value"):
        row.need(column)
    if row.values["period_end"] < row.values["period_start"]:
        raise row.error("period_end", f"{row.values['period_end']} is before the period's start "
                                      f"({row.values['period_start']})")
    record = {"id": ctx.record_id(row, "statistic"), "type": "statistic"}
    _copy(row, record, "source_document", "source_authority", "period_start", "period_end", "indicator", "value",
          "article", "region", "facility_type", "notes")
    ctx.validate(row, record)
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "figure")
    return record


CONSENT_SCOPE = ("documentation", "photographs", "intimate_photographs", "audio", "share_with_lawyer",
                 "share_with_prosecutor", "share_with_un", "complaint_in_name", "anonymised_reports",
                 "publication_with_name")


def _build_consent(ctx: _Context, row: _Row) -> dict:
    for column in ("date", "method"):
        row.need(column)
    person = _person_id(ctx, row, "person_id", "person_code")
    scope = {item: row.values[item] for item in CONSENT_SCOPE if item in row.values}
    if not scope:
        raise row.error(None, "a consent record needs at least one of the scope columns (documentation, photographs, …)")
    if "id" in row.values:
        rid = row.values["id"]
    else:
        # the wall-clock time as written, not the offset: the same file gives the same ids in any zone
        rid = str(uuid.uuid5(CSV_NAMESPACE, f"consent:{person}:{row.values['date'][:19]}"))
    record = {"id": rid, "type": "consent", "person_id": person, "scope": scope}
    _copy(row, record, "date", "method", "taken_by", "interpreter", "covers", "withdrawal", "notes")
    _refs(ctx, row, covers=("interview", "examination", "case", "attachment"))
    paths = {f"scope.{item}": item for item in CONSENT_SCOPE}
    paths["scope"] = "withdrawal"  # the only rule about the scope as a whole
    paths["person_id"] = "person_code" if "person_code" in row.values else "person_id"
    ctx.validate(row, record, paths)
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "consent record")
    return record


def _build_reprisal(ctx: _Context, row: _Row) -> dict:
    for column in ("date", "kind"):
        row.need(column)
    person = _person_id(ctx, row, "person_id", "person_code")
    case_id = _case_id(ctx, row, required=False)
    if "id" in row.values:
        rid = row.values["id"]
    else:
        rid = str(uuid.uuid5(CSV_NAMESPACE, f"reprisal:{person}:{row.values['date']}:{row.values['kind']}"))
    record = {"id": rid, "type": "reprisal", "person_id": person}
    _copy(row, record, "date", "kind", "complaint_id", "visit_id", "interview_id", "facility_id", "reported_by",
          "action_taken", "notes")
    if case_id:
        record["case_id"] = case_id
    _refs(ctx, row, complaint_id=("complaint",), visit_id=("visit",), interview_id=("interview",),
          facility_id=("facility",))
    article = _article_ref(row, "counter_charge_article", "counter_charge_part")
    if article:
        record["counter_charge_article"] = article
    ctx.validate(row, record, {"person_id": "person_code" if "person_code" in row.values else "person_id",
                               "case_id": "case_code" if "case_code" in row.values else "case_id",
                               "counter_charge_article.article": "counter_charge_article",
                               "counter_charge_article.part": "counter_charge_part"})
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "reprisal")
    return record


# Proceedings: one row per charge (a defendant and the article they were charged under), the rows of
# one proceeding next to each other. Proceeding columns are given on the first row of the group and
# either repeated identically or left empty on the others.

_STAGES = (("article_registered", "article_registered_part"), ("article_charged", "article_charged_part"),
           ("article_judgment", "article_judgment_part"))


def _proceeding_key(ctx: _Context, row: _Row) -> tuple:
    if "id" in row.values:
        return ("id", row.values["id"])
    number = row.values.get("case_number") or row.values.get("erdr_number")
    if number is None:
        raise row.error(None, f"give {ctx.shown('case_number')} or {ctx.shown('erdr_number')} (or {ctx.shown('id')}): "
                              "it ties the rows of one proceeding together")
    case = row.values.get("case_id") or row.values.get("case_code")
    return ("number", case, number)


def _build_proceeding(ctx: _Context, rows: list[_Row]) -> dict:
    first = rows[0]
    proceeding_columns = [c.name for c in ctx.kind.columns if not c.charge]
    for row in rows[1:]:
        for name in proceeding_columns:
            if name in row.values and row.values[name] != first.values.get(name):
                raise row.error(name, f"differs from line {first.line} of the same proceeding "
                                      "(leave it empty or repeat it on the rows of one proceeding)")
    case_id = _case_id(ctx, first)
    if "id" in first.values:
        rid = first.values["id"]
    else:
        number = first.values.get("case_number") or first.values.get("erdr_number")
        rid = str(uuid.uuid5(CSV_NAMESPACE, f"proceeding:{case_id}:{number}"))
    if ctx.first_pass:  # a proceeding's rows must be together: a key seen before is a second group
        ctx.check_unique(first, rid, "proceeding")
    for column in ("authority", "status"):
        first.need(column)
    record = {"id": rid, "type": "proceeding", "case_id": case_id}
    _copy(first, record, "complaint_id", "authority", "case_number", "erdr_number", "erdr_date", "date_opened",
          "date_refused", "status", "outcome", "judgment_date", "notes")
    _refs(ctx, first, complaint_id=("complaint",))
    if "complaint_id" in first.values:
        try:
            complaint = ctx.vault.info(first.values["complaint_id"])
        except RecordNotFound:
            complaint = None
        if complaint is not None and (complaint.body or {}).get("case_id") != case_id:
            raise first.error("complaint_id", "the complaint belongs to another case than this proceeding")
    paths = {"case_id": "case_code" if "case_code" in first.values else "case_id"}
    for article, part in _STAGES:
        ref = _article_ref(first, article, part)
        if ref:
            record[article] = ref
            paths[f"{article}.article"], paths[f"{article}.part"] = article, part
    compensation = {}
    for column, field_name in (("compensation_claimed", "claimed"), ("compensation_awarded", "awarded"),
                               ("compensation_currency", "currency"), ("compensation_date", "date")):
        if column in first.values:
            compensation[field_name] = first.values[column]
            paths[f"compensation.{field_name}"] = column
    if compensation:
        record["compensation"] = compensation
    victim = _person_id(ctx, first, "victim_id", "victim_code", required=False)
    if victim:
        entry = {"person_id": victim, "status": first.need("victim_status")}
        record["victims"] = [entry]
        paths["victims.0.person_id"] = "victim_code" if "victim_code" in first.values else "victim_id"
        paths["victims.0.status"] = "victim_status"
    elif "victim_status" in first.values:
        raise first.error("victim_status", f"needs {ctx.shown('victim_code')} or {ctx.shown('victim_id')}")
    charges, charge_lines, row_paths = [], {}, {}
    for row in rows:
        charge = _charge(ctx, row, rid)
        if charge is None:
            continue
        if charge["id"] in charge_lines:
            used = [c for c in ("defendant_code", "defendant_id", "officer_rank", "officer_unit", "charge_article",
                                "charge_part") if c in row.values]
            raise row.error(None, f"the same defendant and article as line {charge_lines[charge['id']]} of this "
                                  f"proceeding (column(s) {', '.join(ctx.shown(c) for c in used)} collide)")
        charge_lines[charge["id"]] = row.line
        charges.append(charge)
        row_paths[len(charges) - 1] = row
    if charges:
        record["charges"] = charges
    rows_paths = {}
    for index, row in row_paths.items():
        charge_paths = dict(_CHARGE_PATHS)
        if "defendant_id" in row.values:
            charge_paths["person_id"] = "defendant_id"
        rows_paths[index] = (row, charge_paths)
    ctx.validate(first, record, paths, rows_paths)
    return record


def _charge(ctx: _Context, row: _Row, proceeding_id: str) -> dict | None:
    charge_columns = [c.name for c in ctx.kind.columns if c.charge]
    if not any(name in row.values for name in charge_columns):
        return None
    person = _person_id(ctx, row, "defendant_id", "defendant_code", required=False)
    officer = {k: row.values[f"officer_{k}"] for k in ("rank", "unit") if f"officer_{k}" in row.values}
    if person and officer:
        raise row.error("officer_rank" if "officer_rank" in officer else None,
                        "a charge names either a defendant (code or id) or an unnamed officer, not both")
    if not person and not officer:
        raise row.error(None, f"a charge needs {ctx.shown('defendant_code')} or the officer's rank or unit")
    article = _article_ref(row, "charge_article", "charge_part")
    who = person or "officer:" + "\x1f".join(officer.get(k, "") for k in ("rank", "unit"))
    what = f"{article['article']}:{article.get('part', '')}" if article else ""
    charge = {"id": str(uuid.uuid5(CSV_NAMESPACE, f"charge:{proceeding_id}:{who}:{what}"))}
    if person:
        charge["person_id"] = person
    else:
        charge["officer"] = officer
    if article:
        charge["article"] = article
    _copy(row, charge, "verdict", "verdict_date")
    punishment = {}
    if "punishment" in row.values:
        punishment["kind"] = row.values["punishment"]
        for column, field_name in (("years", "years"), ("months", "months"), ("probation_years", "probation_years"),
                                   ("probation_months", "probation_months"), ("fine_amount", "amount"),
                                   ("life", "life")):
            if column in row.values:
                punishment[field_name] = row.values[column]
    else:
        for column in ("years", "months", "probation_years", "probation_months", "fine_amount", "life"):
            if column in row.values:
                raise row.error(column, f"needs {ctx.shown('punishment')} (imprisonment, suspended_imprisonment, …)")
    punishments = [punishment] if punishment else []
    if "ban_years" in row.values:
        punishments.append({"kind": "ban_from_office", "years": row.values["ban_years"]})
    if punishments:
        charge["punishments"] = punishments
    if "charge_notes" in row.values:
        charge["notes"] = row.values["charge_notes"]
    return charge


_CHARGE_PATHS = {"person_id": "defendant_code", "officer.rank": "officer_rank", "officer.unit": "officer_unit",
                 "officer": "officer_rank", "verdict_date": "verdict_date",
                 "article.article": "charge_article", "article.part": "charge_part", "article": "charge_article",
                 "verdict": "verdict", "punishments.0.kind": "punishment", "punishments.0.years": "years",
                 "punishments.0.months": "months", "punishments.0.probation_years": "probation_years",
                 "punishments.0.probation_months": "probation_months", "punishments.0.amount": "fine_amount",
                 "punishments.0.life": "life", "punishments.0": "punishment", "punishments": "punishment",
                 "punishments.1.years": "ban_years", "punishments.1": "ban_years",
                 "notes": "charge_notes"}


def _kinds() -> dict[str, CsvKind]:
    uuid_note = "optional UUID of a record in the vault"
    case = CsvKind("case", "case", "cases", (
        _c("id", "optional UUID; without it the id is derived from the code", "uuid"),
        _c("code", "required, e.g. KZ-2026-0007", ru=("код дела", "код"), kk=("іс коды", "код")),
        _c("title", "required", ru="название", kk="атауы"),
        _c("status", "required, a case_status term (open, documenting, complaint_filed, …)", "vocab", "case_status",
           ru="статус", kk="мәртебесі"),
        _c("facility_id", uuid_note + " (a facility)", "uuid"),
        _c("period_start", "optional date (YYYY-MM-DD or DD.MM.YYYY)", "date", ru="начало периода", kk="кезеңнің басы"),
        _c("period_end", "optional date", "date", ru="конец периода", kk="кезеңнің соңы"),
        _c("summary", "optional text", ru="краткое описание", kk="қысқаша сипаттама"),
        _c("tags", "optional, separated by ';'", "list", ru="метки", kk="белгілер"),
        _c("allegation_date", "optional: with allegation_description and methods, adds one allegation", "date",
           ru="дата события", kk="оқиға күні"),
        _c("allegation_place", "optional", ru="место события", kk="оқиға орны"),
        _c("allegation_description", "optional text", ru="описание события", kk="оқиға сипаттамасы"),
        _c("methods", "method terms separated by ';' (beating; threats; …), required with an allegation",
           "vocablist", "method", ru="методы", kk="әдістер"),
    ), ("code",), _build_case)
    complaint = CsvKind("complaint", "complaint", "complaints", (
        _c("id", "optional UUID; without it the id is derived from case, date, authority and reference", "uuid"),
        _c("case_id", "UUID of the case (this or case_code is required)", "uuid"),
        _c("case_code", "code of a case already in the vault", ru="код дела", kk="іс коды"),
        _c("date_filed", "required date (YYYY-MM-DD or DD.MM.YYYY)", "date", ru="дата подачи", kk="берілген күні"),
        _c("authority", "required, an authority term (prosecutor, police, court, …)", "vocab", "authority",
           ru="орган", kk="орган"),
        _c("authority_name", "optional, the office", ru="наименование органа", kk="органның атауы"),
        _c("reference", "optional registration number", ru="регистрационный номер", kk="тіркеу нөмірі"),
        _c("filed_by", "optional", ru="кем подана", kk="кім берді"),
        _c("statement", "optional text", ru="текст жалобы", kk="шағым мәтіні"),
        _c("status", "required, a complaint_status term (filed, refused, …)", "vocab", "complaint_status",
           ru="статус", kk="мәртебесі"),
        _c("reply_date", "optional date, not before date_filed", "date", ru="дата ответа", kk="жауап күні"),
        _c("reply", "optional text", ru="ответ", kk="жауап"),
    ), ("case_id", "case_code", "date_filed", "authority", "reference"), _build_complaint)
    complaint = CsvKind(complaint.name, complaint.record_type, complaint.title, complaint.columns + (
        _c("date_received", "optional date the NGO received it", "date", ru="дата получения", kk="алынған күні"),
        _c("intake_channel", "optional, an intake_channel term (ngo_hotline, visit, lawyer, relative, …)", "vocab",
           "intake_channel", ru="канал поступления", kk="түсу арнасы"),
        _c("pressure_to_withdraw", "optional yes/no: pressure to withdraw the complaint was reported", "bool",
           ru="давление с целью отзыва", kk="кері алуға қысым"),
        _c("forwarded_to", "optional, the authority term the complaint was forwarded to", "vocab", "authority",
           ru="перенаправлена в", kk="жолданған орган"),
        _c("forwarded_to_name", "optional, that office", ru="наименование органа перенаправления",
           kk="жолданған органның атауы"),
        _c("forwarded_date", "optional date it was forwarded", "date", ru="дата перенаправления", kk="жолданған күні"),
    ), complaint.identity, complaint.build)
    statistic = CsvKind("statistic", "statistic", "official statistics", (
        _c("id", "optional UUID; without it the id is derived from source, period, indicator, article, region and "
                 "facility type", "uuid"),
        _c("source_document", "required, the document or publication the figure comes from", ru="источник",
           kk="дереккөз"),
        _c("source_authority", "optional, an authority term (prosecutor, …)", "vocab", "authority",
           ru="орган-источник", kk="дереккөз органы"),
        _c("period_start", "required date, the first day the figure covers", "date", ru="начало периода",
           kk="кезеңнің басы"),
        _c("period_end", "required date, the last day (2013-05-31 for January–May 2013)", "date", ru="конец периода",
           kk="кезеңнің соңы"),
        _c("indicator", "required, a stat_indicator term (complaints_registered, criminal_cases_opened, "
                        "cases_sent_to_court, convictions, complaints_received_ngo)", "vocab", "stat_indicator",
           ru="показатель", kk="көрсеткіш"),
        _c("value", "required whole number", "int", ru="значение", kk="мәні"),
        _c("article", "optional, an article term (cc1997-141-1, …)", "vocab", "article", ru="статья", kk="бап"),
        _c("region", "optional", ru="регион", kk="өңір"),
        _c("facility_type", "optional, a facility_type term", "vocab", "facility_type", ru="тип учреждения",
           kk="мекеме түрі"),
        _c("notes", "optional text", ru="примечания", kk="ескертпелер"),
    ), ("source_document", "period_start", "period_end", "indicator", "article", "region", "facility_type"),
        _build_statistic)
    scope_aliases = {
        "documentation": ("документирование", "құжаттау"),
        "photographs": ("фотографии", "фотосуреттер"),
        "intimate_photographs": ("интимные фотографии", "интимдік фотосуреттер"),
        "audio": ("аудиозапись", "аудиожазба"),
        "share_with_lawyer": ("передача адвокату", "адвокатқа беру"),
        "share_with_prosecutor": ("передача прокурору", "прокурорға беру"),
        "share_with_un": ("передача в ООН", "БҰҰ-ға беру"),
        "complaint_in_name": ("жалоба от имени", "атынан шағым"),
        "anonymised_reports": ("анонимные отчёты", "анонимді есептер"),
        "publication_with_name": ("публикация с именем", "атымен жариялау"),
    }
    consent = CsvKind("consent", "consent", "consent", (
        _c("id", "optional UUID; without it the id is derived from the person and the date", "uuid"),
        _c("person_id", "UUID of the person (this or person_code is required)", "uuid"),
        _c("person_code", "pseudonym code of a person in the vault (P-2026-0042)", ru="код лица", kk="тұлға коды"),
        _c("date", "required date, or date and time, the consent was given or withdrawn", "datetime", ru="дата",
           kk="күні"),
        _c("method", "required, a consent_method term (written, oral, oral_witnessed)", "vocab", "consent_method",
           ru="способ", kk="тәсілі"),
        _c("taken_by", "optional, who took it", ru="кто получил", kk="кім алды"),
        _c("interpreter", "optional", ru="переводчик", kk="аудармашы"),
        _c("covers", "optional ids of the interviews, examinations, cases or attachments it covers, separated by ';'",
           "uuids"),
        _c("withdrawal", "optional yes/no: this record withdraws what it sets to no", "bool", ru="отзыв",
           kk="кері қайтарып алу"),
        *(_c(item, "yes (given), no (refused or withdrawn) or empty (unchanged); at least one scope column per row",
             "bool", ru=ru, kk=kk) for item, (ru, kk) in scope_aliases.items()),
        _c("notes", "optional text", ru="примечания", kk="ескертпелер"),
    ), ("person_id", "person_code", "date"), _build_consent)
    reprisal = CsvKind("reprisal", "reprisal", "reprisals", (
        _c("id", "optional UUID; without it the id is derived from the person, the date and the kind", "uuid"),
        _c("person_id", "UUID of the person (this or person_code is required)", "uuid"),
        _c("person_code", "pseudonym code of a person in the vault", ru="код лица", kk="тұлға коды"),
        _c("date", "required date", "date", ru="дата", kk="күні"),
        _c("kind", "required, a reprisal_kind term (transfer, punishment_cell, threats_to_family, counter_charge, …)",
           "vocab", "reprisal_kind", ru="вид преследования", kk="қудалау түрі"),
        _c("case_id", "optional UUID of the case", "uuid"),
        _c("case_code", "optional code of a case in the vault", ru="код дела", kk="іс коды"),
        _c("complaint_id", "optional UUID of the complaint it followed", "uuid"),
        _c("visit_id", "optional UUID of the visit it followed", "uuid"),
        _c("interview_id", "optional UUID of the interview it followed", "uuid"),
        _c("facility_id", "optional UUID of the facility", "uuid"),
        _c("counter_charge_article", "optional, an article term: the counter-charge (false denunciation, …)",
           "vocab", "article", ru="статья встречного обвинения", kk="қарсы айыптау бабы"),
        _c("counter_charge_part", "optional part of that article (ч. 2)", ru="часть статьи встречного обвинения",
           kk="қарсы айыптау бабының бөлігі"),
        _c("reported_by", "optional", ru="кто сообщил", kk="кім хабарлады"),
        _c("action_taken", "optional text", ru="принятые меры", kk="қабылданған шаралар"),
        _c("notes", "optional text: what happened", ru="описание", kk="сипаттама"),
    ), ("person_id", "person_code", "date", "kind"), _build_reprisal)
    charge = dict(charge=True)
    proceeding = CsvKind("proceeding", "proceeding", "proceedings", (
        _c("id", "optional UUID of the proceeding; without it the id is derived from the case and the number",
           "uuid"),
        _c("case_id", "UUID of the case (this or case_code is required)", "uuid"),
        _c("case_code", "code of a case in the vault", ru="код дела", kk="іс коды"),
        _c("complaint_id", "optional UUID of the complaint that started it", "uuid"),
        _c("case_number", "the criminal case number (this or erdr_number ties the rows together)",
           ru="номер дела", kk="іс нөмірі"),
        _c("erdr_number", "the number in the unified pre-trial register (ЕРДР)", ru="номер ЕРДР", kk="ЕРДР нөмірі"),
        _c("erdr_date", "optional date of ERDR registration", "date", ru="дата ЕРДР", kk="ЕРДР күні"),
        _c("authority", "required, an authority term", "vocab", "authority", ru="орган", kk="орган"),
        _c("status", "required, a proceeding_status term (investigation, at_trial, judgment, …)", "vocab",
           "proceeding_status", ru="статус", kk="мәртебесі"),
        _c("outcome", "optional, an outcome term (conviction, acquittal, refused, amnesty, …)", "vocab", "outcome",
           ru="исход", kk="нәтижесі"),
        _c("date_opened", "optional date", "date", ru="дата возбуждения", kk="қозғалған күні"),
        _c("date_refused", "optional date", "date", ru="дата отказа", kk="бас тартылған күні"),
        _c("judgment_date", "optional date", "date", ru="дата приговора", kk="үкім күні"),
        _c("article_registered", "optional article term at registration", "vocab", "article",
           ru="статья при регистрации", kk="тіркеу кезіндегі бап"),
        _c("article_registered_part", "optional part (ч. 2)", ru="часть статьи при регистрации",
           kk="тіркеу кезіндегі бап бөлігі"),
        _c("article_charged", "optional article term of the charge", "vocab", "article", ru="статья обвинения",
           kk="айыптау бабы"),
        _c("article_charged_part", "optional part", ru="часть статьи обвинения", kk="айыптау бабының бөлігі"),
        _c("article_judgment", "optional article term of the judgment", "vocab", "article", ru="статья приговора",
           kk="үкім бабы"),
        _c("article_judgment_part", "optional part", ru="часть статьи приговора", kk="үкім бабының бөлігі"),
        _c("compensation_claimed", "optional amount", "number", ru="заявленная компенсация",
           kk="талап етілген өтемақы"),
        _c("compensation_awarded", "optional amount", "number", ru="присуждённая компенсация",
           kk="тағайындалған өтемақы"),
        _c("compensation_currency", "optional, 3 letters (KZT)", ru="валюта", kk="валюта"),
        _c("compensation_date", "optional date of the award", "date", ru="дата компенсации", kk="өтемақы күні"),
        _c("victim_id", "optional UUID of the victim (a person)", "uuid"),
        _c("victim_code", "optional pseudonym code of the victim", ru="код потерпевшего", kk="жәбірленуші коды"),
        _c("victim_status", "with a victim: a victim_status term (recognised, not_recognised, pending)", "vocab",
           "victim_status", ru="статус потерпевшего", kk="жәбірленуші мәртебесі"),
        _c("notes", "optional text", ru="примечания", kk="ескертпелер"),
        _c("defendant_id", "UUID of the defendant (a person)", "uuid", **charge),
        _c("defendant_code", "pseudonym code of the defendant", ru="код обвиняемого", kk="айыпталушы коды", **charge),
        _c("officer_rank", "an unnamed officer's rank (instead of a defendant)", ru="звание", kk="атағы", **charge),
        _c("officer_unit", "an unnamed officer's unit", ru="подразделение", kk="бөлімше", **charge),
        _c("charge_article", "required with a charge: the article term", "vocab", "article", ru="статья",
           kk="бап", **charge),
        _c("charge_part", "optional part (ч. 4)", ru="часть", kk="бөлігі", **charge),
        _c("verdict", "required with a charge: a verdict term (pending, convicted, acquitted, terminated, "
                      "amnestied)", "vocab", "verdict", ru="решение", kk="шешім", **charge),
        _c("verdict_date", "optional date", "date", ru="дата решения", kk="шешім күні", **charge),
        _c("punishment", "optional punishment term (imprisonment, suspended_imprisonment, restriction_of_freedom, "
                         "fine, ban_from_office, amnesty_release, other)", "vocab", "punishment", ru="наказание",
           kk="жаза", **charge),
        _c("years", "term in years", "int", ru="лет", kk="жыл", **charge),
        _c("months", "and months (0–11)", "int", ru="месяцев", kk="ай", **charge),
        _c("probation_years", "probation of a suspended sentence, years", "int", ru="испытательный срок (лет)",
           kk="сынақ мерзімі (жыл)", **charge),
        _c("probation_months", "and months", "int", ru="испытательный срок (месяцев)", kk="сынақ мерзімі (ай)",
           **charge),
        _c("fine_amount", "a fine's amount (KZT)", "number", ru="сумма штрафа", kk="айыппұл сомасы", **charge),
        _c("life", "yes for life imprisonment (no years then)", "bool", ru="пожизненно", kk="өмір бойы", **charge),
        _c("ban_years", "an added ban from office, in years", "int", ru="запрет занимать должность (лет)",
           kk="лауазым атқару тыйымы (жыл)", **charge),
        _c("charge_notes", "optional text about this charge", ru="примечания к обвинению",
           kk="айыптауға ескертпе", **charge),
    ), ("case_id", "case_code", "case_number", "erdr_number"), _build_proceeding, grouped=True)
    return {k.record_type: k for k in (case, complaint, statistic, consent, reprisal, proceeding)}


def _build_plain(ctx: _Context, row: _Row) -> dict:
    """A record of a plain kind declared in the registry: one row, one record, each column the
    field of the same name; ``person_code`` and ``case_code`` name a person or case by code."""
    record_type = ctx.kind.record_type
    record = {"id": ctx.record_id(row, record_type), "type": record_type}
    paths = {}
    for column in ctx.kind.columns:
        if column.name == "id" or column.name not in row.values:
            continue
        if column.name in ("person_code", "case_code"):
            target = column.name[:-5]
            if f"{target}_id" not in row.values:
                record[f"{target}_id"] = ctx.lookup(row, column.name, target)
                paths[f"{target}_id"] = column.name
            continue
        record[column.name] = row.values[column.name]
    ctx.validate(row, record, paths)
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], record_type)
    return record


def _all_kinds() -> dict[str, CsvKind]:
    """The CSV kinds of the registry's types, keyed by --csv-type, in the order they are detected."""
    built = _kinds()
    out = {}
    for entry in registry.csv_kinds():
        spec = entry.csv
        if entry.name in built:
            out[entry.name] = built[entry.name]
        elif spec.columns is not None:
            out[entry.name] = CsvKind(entry.name, entry.name, spec.title, spec.columns, spec.identity, _build_plain)
    return out


CSV_KINDS: dict[str, CsvKind] = _all_kinds()
# Header columns that tell the kinds apart when --csv-type is not given (tried in this order).
_SIGNATURES: dict[str, list[set[str]]] = {
    name: ([{"method", item} for item in CONSENT_SCOPE] if name == "consent"
           else [set(s) for s in registry.BY_NAME[name].csv.signatures])
    for name in CSV_KINDS
}
# The columns of each kind and what they mean (docs/csv.md lists them all).
CSV_COLUMNS: dict[str, dict[str, str]] = {
    kind.name: {c.name: c.meaning for c in kind.columns} for kind in CSV_KINDS.values()
}


# --- dump ----------------------------------------------------------------------------------------

DUMP_ORDER = registry.dump_order(schema.type_dependencies())  # each type after the types it refers to (computed from the schemas)


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
