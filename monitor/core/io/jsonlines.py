"""JSON lines in: one record per line, exactly as ``monitor dump`` writes them, read as a stream
(line by line, each line bounded), with duplicate keys, NaN and non-finite numbers refused."""


import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterator


from ..errors import LoadError
from ..messages import Joined, Message
from ..text import file_name_problem, lone_surrogate, one_line

if TYPE_CHECKING:
    pass


MAX_LINE_BYTES = 8 * 1024 * 1024  # one line of JSON lines or CSV


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


def read_jsonl(path: Path) -> Iterator[tuple[str, dict]]:
    """(label, record) for every non-blank line; raises LoadError naming the first bad line."""
    with path.open("rb") as handle:
        for number, raw in enumerate(_lines(handle), 1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LoadError(Message("load_not_utf8", line=number, byte=exc.start + 1)) from None
            if not text.strip():
                continue
            try:
                record = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants,
                                    parse_float=_finite_float)
            except ValueError as exc:
                raise LoadError(Message("load_not_json", line=number, detail=one_line(str(exc).split(':')[0], 60))) from None
            except RecursionError:
                raise LoadError(Message("load_too_deep", line=number)) from None
            if not isinstance(record, dict):
                raise LoadError(Message("load_not_object", line=number, kind=type(record).__name__))
            where = lone_surrogate(record)
            if where is not None:
                raise LoadError(Message("load_line", line=number, detail=Joined(where, Message("load_lone_surrogate"))))
            if record.get("type") == "attachment" and isinstance(record.get("original_name"), str):
                problem = file_name_problem(record["original_name"])
                if problem:
                    raise LoadError(Message("load_line", line=number, detail=Joined("original_name", problem)))
            yield f"line {number}", record


def bounded_lines(handle, too_long: str) -> Iterator[bytes]:
    """Lines of a binary file (line endings kept), refusing any longer than MAX_LINE_BYTES without
    reading it whole: the error is the catalogue message ``too_long`` (with the line and the limit)."""
    number = 0
    while True:
        line = handle.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES:
            raise LoadError(Message(too_long, line=number, limit=MAX_LINE_BYTES // (1024 * 1024)))
        yield line


def _lines(handle) -> Iterator[bytes]:
    return (line.rstrip(b"\r\n") for line in bounded_lines(handle, "load_record_line_too_long"))


