"""CSV in, one row at a time: a kind's columns (:class:`CsvKind`), a row's cells and their
conversion to typed values (dates, numbers, yes/no, vocabulary terms in en/ru/kk), and the context
that resolves codes and references against the vault while a file is checked."""


import datetime as _dt
import re
import unicodedata
import uuid
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from jsonschema.exceptions import best_match

from ..model import registry, rules, schema, vocab
from ..errors import LoadError, SchemaViolation
from ..messages import Joined, Message, PerLanguage
from ..model.schema import RECORD_TYPES
from ..text import one_line

if TYPE_CHECKING:
    from ..store.vault import Vault


# --- CSV -------------------------------------------------------------------------------------------
#
# A CSV file is read as a stream, twice (checked, then written; see Vault.put_stream): one row at a
# time, decoded line by line, so memory does not grow with the file. Between the two passes only
# what the vault keeps for references and what this loader keeps to find duplicate ids (16 bytes
# and a line number per record) stay in memory.

# Ids for CSV rows without an id column are derived from their natural key, so loading the same
# spreadsheet twice updates the same records instead of duplicating them.
CSV_NAMESPACE = uuid.UUID("5b0d7c2e-61a4-4d8e-9a52-7f3e8e0c4b11")
_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")

MAX_GROUP_ROWS = 1000  # rows of one proceeding (its charges)
MAX_CELL_CHARS = 1_000_000  # the longest text a record holds (a verbatim narrative)
_LIST_LIMIT = 12  # vocabulary keys shown in an "unknown value" error before "… (N more)"
_LIST_CHARS = 160  # the same for labels, which are longer: at most this many characters of them
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




def fold(text: str) -> str:
    """How headers, vocabulary keys and labels are compared: case, spacing, '_' and 'ё' do not matter."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е").replace("_", " ")
    return " ".join(text.split())


class Row:
    """One data row: its line number, its non-empty cells converted by column kind."""

    def __init__(self, ctx: "Context", line: int, cells: dict[str, str]):
        self.ctx, self.line, self.raw = ctx, line, cells
        self.values: dict = {}
        for name, text in cells.items():
            self.values[name] = ctx.convert(self, ctx.kind.by_name[name], text)

    def error(self, column: str | None, message: str) -> LoadError:
        """The error for this row (and column): ``message`` is a Message, or (for now) plain text."""
        return self.ctx.row_error(self.line, column, message)

    def need(self, name: str):
        if name not in self.values:
            raise self.error(name, Message("load_required"))
        return self.values[name]

    def one_of(self, *names: str) -> None:
        if not any(n in self.values for n in names):
            raise self.error(None, Message("load_give_one_of", columns=either(self.ctx.shown(n) for n in names)))


class Terms:
    """A vocabulary as a CSV cell may name it: the key, or the en/ru/kk label, in any case."""

    def __init__(self, vault: "Vault", name: str):
        self.name = name
        self.exists = vault.has_vocabulary(name)
        self.keys: list[str] = []  # the current terms, for error messages (merged terms stay valid)
        self.shown: dict[str, list[str]] = {lang: [] for lang in vocab.LANGUAGES}  # labels, for messages
        self.lookup: dict[str, str | None] = {}  # folded text -> key (None: two terms share a label)
        labels: dict[str, dict[str, bool]] = {}  # folded label -> {key: deprecated}
        for key, term_labels, deprecated in vault.labelled_terms(name):
            if not deprecated:
                self.keys.append(key)
                for lang in vocab.LANGUAGES:
                    self.shown[lang].append(term_labels.get(lang) or term_labels.get("en") or key)
            for lang in vocab.LANGUAGES:
                if term_labels.get(lang):
                    labels.setdefault(fold(term_labels[lang]), {})[key] = deprecated
            self.lookup[fold(key)] = key
        for folded, keys in labels.items():
            if folded in self.lookup:  # a key always means itself
                continue
            current = [k for k, deprecated in keys.items() if not deprecated] or list(keys)
            self.lookup[folded] = current[0] if len(current) == 1 else None

    def resolve(self, text: str) -> str:
        """The key for ``text``; raises ValueError with a one-line reason."""
        if not self.exists:
            raise ValueError(Message("load_no_vocabulary", name=self.name))
        found = self.lookup.get(fold(text), "")
        if found:
            return found
        if found is None:
            raise ValueError(Message("load_label_ambiguous", text=one_line(text, 40), name=self.name))
        valid = {"en": ", ".join(self.keys[:_LIST_LIMIT]) or "—"}  # English: the keys, as before
        if len(self.keys) > _LIST_LIMIT:
            valid["en"] += f", … ({len(self.keys) - _LIST_LIMIT} more)"
        for lang in ("ru", "kk"):  # Russian and Kazakh readers get the labels they would type
            labels, listed = self.shown[lang], []
            for label in labels:
                if sum(len(x) + 2 for x in listed) + len(label) > _LIST_CHARS:
                    break
                listed.append(label)
            valid[lang] = (", ".join(listed) or "—") + (f", … (+{len(labels) - len(listed)})" if len(listed) < len(labels) else "")
        raise ValueError(Message("load_not_a_term", text=one_line(text, 40), name=self.name, valid=PerLanguage(valid)))


class Context:
    """What one pass over a CSV file knows: the vault, the kind, the header, caches."""

    def __init__(self, vault: "Vault", kind: CsvKind, header: list[str], written: dict[str, str], first_pass: bool,
                 sheet: str | None = None):
        self.vault, self.kind, self.header, self.written = vault, kind, header, written
        self.first_pass = first_pass
        self.sheet = sheet  # a spreadsheet's sheet name (errors then name the sheet and the row)
        self.terms: dict[str, Terms] = {}
        self.codes: dict[tuple[str, str], str | None] = {}
        self.seen: dict[bytes, int] = {}  # id -> the line that gave it (first pass only)
        self.facilities: dict[str, list[str]] | None = None  # folded name -> facility ids (read once)

    def shown(self, column: str) -> str:
        written = self.written.get(column)
        if written is None or written == column:
            return f"'{column}'"
        return f"'{one_line(written, 40)}' ({column})"

    def row_error(self, line: int, column: str | None, message) -> LoadError:
        """The error for a row (a CSV line, or a sheet's row) and, when known, its column."""
        if self.sheet is not None:
            if column is None:
                return LoadError(Message("load_sheet_row", sheet=one_line(self.sheet, 40), row=line, detail=message))
            return LoadError(Message("load_sheet_row_column", sheet=one_line(self.sheet, 40), row=line,
                                     column=self.shown(column), detail=message))
        if column is None:
            return LoadError(Message("load_line", line=line, detail=message))
        return LoadError(Message("load_line_column", line=line, column=self.shown(column), detail=message))

    def vocabulary(self, name: str) -> Terms:
        if name not in self.terms:
            self.terms[name] = Terms(self.vault, name)
        return self.terms[name]

    def convert(self, row: Row, column: Column, text: str):
        kind = column.kind
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
                    raise ValueError(Message("load_not_whole", text=one_line(text, 30)))
                return int(value)
            if kind == "number":
                return _parse_number(text)
            if kind == "bool":
                folded = fold(text)
                if folded in _TRUE:
                    return True
                if folded in _FALSE:
                    return False
                raise ValueError(Message("load_not_bool", text=one_line(text, 30)))
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
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)
            raise row.error(column.name, reason) from None
        raise AssertionError(f"unknown column kind {kind}")  # pragma: no cover

    def record_id(self, row: Row, record_type: str) -> str:
        """The row's id: the id column, or one derived from the kind's identity columns."""
        if "id" in row.values:
            return row.values["id"]
        natural = [f"{name}={row.values.get(name, '')}" for name in self.kind.identity]
        key = {"case": "case:" + row.raw.get("code", "")}.get(record_type)  # kept from the first CSV release
        return str(uuid.uuid5(CSV_NAMESPACE, key or f"{record_type}:" + "\x1f".join(natural)))

    def lookup(self, row: Row, column: str, record_type: str) -> str:
        """The id of the live ``record_type`` whose code is in ``column`` (a case or person code)."""
        code = row.values[column]
        cache_key = (record_type, code)
        if cache_key not in self.codes:
            found = list(self.vault.records(record_type, where={"code": code}, limit=2))
            self.codes[cache_key] = found[0].id if len(found) == 1 else None
        found = self.codes[cache_key]
        if found is None:
            raise row.error(column, Message("load_no_code", type=noun(record_type), code=one_line(code, 30)))
        return found

    def facility(self, row: Row, column: str) -> str:
        """The id of the live facility named in ``column``: one whose name matches, ignoring case
        and spacing (Kazakh and Russian letters folded as headers are)."""
        if self.facilities is None:
            self.facilities = {}
            for info in self.vault.records("facility"):
                name = (info.body or {}).get("name")
                if name:
                    self.facilities.setdefault(fold(name), []).append(info.id)
        name = row.values[column]
        found = self.facilities.get(fold(name), [])
        if not found:
            raise row.error(column, Message("load_no_facility_name", name=one_line(name, 40)))
        if len(found) > 1:
            raise row.error(column, Message("load_facility_name_ambiguous", name=one_line(name, 40),
                                            count=len(found)))
        return found[0]

    def reference(self, row: Row, column: str, allowed: tuple[str, ...]) -> None:
        """A UUID cell names a live record of an allowed type in the vault."""
        values = row.values[column]
        for value in values if isinstance(values, list) else [values]:
            found = self.vault.type_of(value)
            if found is None or found[1]:
                raise row.error(column, Message("load_no_record_id", id=value))
            if found[0] not in allowed:
                raise row.error(column, Message("load_wrong_type", id=value, found=noun(found[0]),
                                                expected=either(noun(t) for t in allowed)))

    def check_unique(self, row: Row, record_id: str, what: str) -> None:
        """Refuse a second row (or group) with the same id, naming the columns and both lines."""
        key = uuid.UUID(record_id).bytes
        earlier = self.seen.get(key)
        if earlier is None:
            self.seen[key] = row.line
            return
        hint = (Message("load_hint_grouped") if self.kind.grouped else Message("load_hint_once", what=noun(what)))
        if "id" in row.values:
            collision = Message("load_collision_id", column=self.shown("id"), id=record_id)
        else:
            names = ", ".join(self.shown(c) for c in self.kind.identity if c in self.header)
            collision = Message("load_collision_made", columns=names, id=record_id)
        raise row.error(None, Message("load_same_as_line", what=noun(what), line=earlier, collision=collision,
                                      hint=hint))

    def validate(self, row: Row, record: dict, columns: dict[str, str] | None = None,
                 rows: dict[int, tuple["Row", dict[str, str]]] | None = None) -> None:
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
                raise row.error("id", Message("load_id_other_type", id=record["id"], found=noun(found[0]),
                                              type=noun(record["type"])))
        if record["type"] not in RECORD_TYPES:
            raise row.error(None, Message("load_type_unknown", type=one_line(record["type"], 30)))
        error = best_match(schema.validator_for(record["type"]).iter_errors(record), key=schema._relevance)
        if error is not None:
            shown, _field, rule, fields = schema.problem(error)
            path = [str(p) for p in error.absolute_path]
            message = Message(f"rule_{rule}", **fields)
            self._fail_at(row, path, message, Joined(schema.shown_path(record["type"], shown), message), columns, rows)
        try:
            rules.check(record, "§")
        except SchemaViolation as exc:
            if exc.problems:
                field_path, rule, fields = exc.problems[0]
                path = [p for p in re.sub(r"\[(\d+)\]", r".\1", field_path).split(".") if p]
                message = Message(f"rule_{rule}", **fields)
                self._fail_at(row, path, message, Joined(field_path, message), columns, rows)
            segments = str(exc).split(": ")[1:]
            path = []
            while len(segments) > 1 and _PATH.match(segments[0]):
                path += re.sub(r"\[(\d+)\]", r".\1", segments.pop(0)).split(".")
            message = ": ".join(segments)
            self._fail_at(row, path, message, ".".join(path) + ": " + message, columns, rows)

    def _fail_at(self, row: Row, path: list[str], message: str, whole: str, columns, rows) -> None:
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


def noun(what: str) -> Message:
    """A record type (or a CSV kind's own word, "figure") as a noun in running text: "no person 'P-1'"."""
    return Message(f"load_noun_{what.replace(' ', '_')}")


def either(parts) -> Message | str:
    """"a or b or c" in the reader's language."""
    parts = list(parts)
    out = parts[-1]
    for part in reversed(parts[:-1]):
        out = Message("load_either", a=part, b=out)
    return out


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
        raise ValueError(Message("load_not_a_date", value=one_line(value, 30))) from None
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
        raise ValueError(Message("load_not_a_datetime", value=one_line(value, 30))) from None
    return moment.isoformat(timespec="seconds")


def _parse_number(text: str) -> int | float:
    compact = "".join(text.split()).replace("\u202f", "")  # 1 000 000 as spreadsheets write it
    if not _NUMBER.match(compact):
        raise ValueError(Message("load_not_a_number", text=one_line(text, 30)))
    compact = compact.replace(",", ".")
    return float(compact) if "." in compact else int(compact)


def _parse_uuid(text: str) -> str:
    try:
        value = str(uuid.UUID(text.strip()))
    except ValueError:
        raise ValueError(Message("load_not_a_uuid", text=one_line(text, 40))) from None
    return value


