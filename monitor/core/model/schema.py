"""JSON Schema validation of records, and the annotations the vault reads from the schemas.

The schemas in ``resources/schema`` are the single description of every record type. Besides
validating, the vault walks them for three custom annotations:

* ``x-vocabulary: NAME`` — the value is a key of vocabulary NAME (checked against the vault);
* ``x-ref: [TYPE, …]`` — the value is the id of a record of one of those types (``*``: any);
* ``x-text: true`` — free text, indexed for search.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterator

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .. import resources
from ..errors import violation
from ..messages import text
from ..text import one_line

from .registry import BY_NAME, RECORD_TYPES, REGISTRY, SEALABLE_TYPES  # noqa: E402,F401  (the registry names the types)
BASE_URI = "https://schema.monitor.invalid/"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$")

_formats = FormatChecker(formats=())
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@cache
def _anchored(pattern: str) -> re.Pattern:
    # Python's "$" also matches before a final newline; "\Z" does not. Schema patterns mean the end.
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)


def _strict_pattern(validator, pattern, instance, schema):
    if isinstance(instance, str) and not _anchored(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _strict_pattern})


@_formats.checks("uuid")
def _is_uuid(value: object) -> bool:
    return not isinstance(value, str) or _UUID.fullmatch(value) is not None


@_formats.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        return False
    _dt.date.fromisoformat(value)
    return True


@_formats.checks("partial-date", raises=ValueError)
def _is_partial_date(value: object) -> bool:
    """A whole date, or only its month (YYYY-MM) or year (YYYY)."""
    if not isinstance(value, str):
        return True
    if len(value) == 10:
        return _is_date(value)
    return _PARTIAL.fullmatch(value) is not None


@_formats.checks("date-time", raises=ValueError)
def _is_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATETIME.fullmatch(value):
        return False
    _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@cache
def _documents() -> dict[str, dict]:
    docs = {}
    for file in sorted(resources.path("schema").glob("*.schema.json")):
        docs[file.name] = resources.load_json("schema", file.name)
    return docs


@cache
def _registry() -> Registry:
    pairs = [
        (BASE_URI + name, Resource.from_contents(doc, default_specification=DRAFT202012))
        for name, doc in _documents().items()
    ]
    return Registry().with_resources(pairs)


def schema_for(record_type: str) -> dict:
    return _documents()[f"{record_type}.schema.json"]


@cache
def inlined(record_type: str) -> dict:
    """The record type's schema with every ``$ref`` replaced by its target (siblings kept).

    Same meaning as the published schema (the shared definitions hold no cycles), but validating
    it needs no reference lookups, which made up most of the validation time.
    """
    def expand(node, doc):
        if isinstance(node, list):
            return [expand(item, doc) for item in node]
        if not isinstance(node, dict):
            return node
        node, doc = _resolve(node, doc)
        return {key: (expand(value, doc) if key not in ("const", "enum") else value)
                for key, value in node.items() if key not in ("$id", "$defs", "$schema")}

    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            **expand(schema_for(record_type), f"{record_type}.schema.json")}


@cache
def validator_for(record_type: str) -> Draft202012Validator:
    return _Validator(inlined(record_type), format_checker=_formats)


# The fast path: the same schema compiled by jsonschema-rs answers only "valid or not". A record it
# finds invalid (or cannot take: a lone surrogate, a key that is not a string) goes through the
# validator above, which finds the error and words it, so every message stays the same. Its
# formats are this module's own checks, under names of their own (never the library's built-ins);
# its patterns end at the end of the text as the strict ones above do.
_FAST_FORMATS = {"uuid": _is_uuid, "date": _is_date, "partial-date": _is_partial_date, "date-time": _is_datetime}


def _format_check(check):
    def checked(value: object) -> bool:
        try:
            return bool(check(value))
        except ValueError:
            return False
    return checked


def _fast_schema(node):
    if isinstance(node, list):
        return [_fast_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: (value if key in ("const", "enum") else
                  f"monitor-{value}" if key == "format" and isinstance(value, str) else _fast_schema(value))
            for key, value in node.items()}


@cache
def fast_validator_for(record_type: str):
    """The compiled validator of a record type (None if it cannot be built: then every record
    takes the full path)."""
    try:
        return jsonschema_rs.validator_for(
            _fast_schema(inlined(record_type)), validate_formats=True, ignore_unknown_formats=False,
            formats={f"monitor-{name}": _format_check(check) for name, check in _FAST_FORMATS.items()})
    except Exception:  # noqa: BLE001 -- any failure to build only loses the speed
        return None


def _fast_valid(record_type: str, record: dict) -> bool:
    fast = fast_validator_for(record_type)
    if fast is None:
        return False
    try:
        return fast.is_valid(record)
    except Exception:  # noqa: BLE001 -- what it cannot take, the full path judges
        return False


# --- error messages -------------------------------------------------------------------------

def _field_path(prefix: str, path) -> str:
    out = prefix
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _shown(value: Any) -> str:
    """A value as it would be written in JSON (so a stray newline shows as \\n), shortened."""
    return one_line(json.dumps(value, ensure_ascii=False)[1:-1] if isinstance(value, str) else str(value), 40)


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def problem(error: ValidationError) -> tuple[str, str, str, dict]:
    """(shown path, field path, rule code, fields) for a validation error, paths inside the record.

    The shown path is where the error is found (an object, for a missing field); the field path
    names the field itself. Fields never echo a long or multi-line value.
    """
    where = _field_path("", error.absolute_path).lstrip(".")
    kind, arg, value = error.validator, error.validator_value, error.instance

    def at(field: str) -> str:
        return f"{where}.{field}" if where else field

    if kind == "required":
        missing = [name for name in arg if isinstance(value, dict) and name not in value]
        field = missing[0] if missing else arg[0]
        return where, at(field), "required", {"field": field}
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(k for k in value if k not in known) if isinstance(value, dict) else []
        return where, where, "unknown_field", {"field": one_line(extra[0] if extra else "?", 40)}
    if kind == "type":
        wanted = arg if isinstance(arg, str) else " or ".join(arg)
        return where, where, "wrong_type", {"wanted": wanted, "got": _json_type(value)}
    if kind == "maxLength":
        return where, where, "too_long", {"length": f"{len(value):,}", "limit": f"{arg:,}"}
    if kind == "minLength":
        return where, where, "empty", {}
    if kind in ("maxItems", "minItems"):
        return where, where, "too_many_items" if kind == "maxItems" else "too_few_items", \
            {"count": len(value), "limit": arg}
    if kind == "format":
        return where, where, "not_a_date" if arg in ("date", "date-time", "partial-date") else "bad_format", \
            {"format": arg, "value": _shown(value)}
    if kind == "pattern":
        return where, where, "pattern", {"value": _shown(value)}
    if kind == "const":
        return where, where, "const", {"expected": arg, "value": one_line(value, 40)}
    if kind == "enum":
        return where, where, "enum", {"choices": ", ".join(map(str, arg)), "value": one_line(value, 40)}
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return where, where, "out_of_range", {"value": value, "bound": kind, "limit": arg}
    if kind == "uniqueItems":
        return where, where, "repeats_item", {}
    return where, where, "other", {"text": one_line(error.message, 80)}


def shown_path(prefix: str, shown: str) -> str:
    """A field path as an error shows it, after ``prefix`` (the record type, or a marker)."""
    return f"{prefix}{'' if not shown or shown.startswith('[') else '.'}{shown}" if prefix else shown


def describe(error: ValidationError, prefix: str) -> str:
    """One short line for a validation error; never echoes a long or multi-line value."""
    shown, _path, rule, fields = problem(error)
    return f"{shown_path(prefix, shown)}: {text('rule_' + rule, 'en', **fields)}"


MAX_DEPTH = 16  # records nest at most 5 levels; anything deeper is hostile or broken


def check_structure(value: Any, where: str = "record") -> None:
    """Refuse absurdly nested input, and numbers JSON cannot hold (NaN, infinity), before any
    recursive code (NFC, validation, hashing) touches them."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise violation(where, "", "too_deep", limit=MAX_DEPTH)
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise violation(where, "", "not_a_json_number", value=item)


def validate(record: Any, where: str = "record") -> str:
    """Validate one record; return its type or raise :class:`SchemaViolation` (one line)."""
    if not isinstance(record, dict):
        raise violation(where, "", "not_an_object", got=_json_type(record))
    record_type = record.get("type")
    if not isinstance(record_type, str):
        raise violation(where, "type", "required", shown_path="", field="type")
    if record_type not in RECORD_TYPES:
        raise violation(where, "type", "unknown_type", shown_path="", value=one_line(record_type, 30),
                        choices=", ".join(RECORD_TYPES))
    if _fast_valid(record_type, record):
        return record_type
    error = best_match(validator_for(record_type).iter_errors(record), key=_relevance)
    if error is not None:
        shown, path, rule, fields = problem(error)
        raise violation(where, path, rule, record_type=record_type, shown_path=shown_path(record_type, shown),
                        **fields)
    return record_type


def _relevance(error: ValidationError):
    # Prefer errors about the shape (missing/unknown/type) over format details; shallow first.
    order = {"required": 0, "additionalProperties": 1, "type": 2, "maxLength": 3}
    return (-order.get(error.validator, 9), -len(error.absolute_path))


# --- walking annotations ----------------------------------------------------------------------

@dataclass(frozen=True)
class Annotated:
    path: str
    value: Any
    vocabulary: str | None = None
    ref: tuple[str, ...] | None = None
    text: bool = False


def _resolve(node: dict, doc_name: str) -> tuple[dict, str]:
    """Merge a node with the target of its ``$ref`` (siblings win); return (node, document)."""
    while "$ref" in node:
        ref = node["$ref"]
        target_doc, _, pointer = ref.partition("#")
        target_doc = target_doc or doc_name
        target = _documents()[target_doc]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        merged = {k: v for k, v in node.items() if k != "$ref"}
        node = {**target, **merged}
        doc_name = target_doc
    return node, doc_name


def annotated_values(record: dict) -> Iterator[Annotated]:
    """Every annotated value in a (valid) record, with its dotted path."""
    yield from _walk(inlined(record["type"]), f"{record['type']}.schema.json", record, "")


def _walk(node: dict, doc: str, value: Any, path: str) -> Iterator[Annotated]:
    node, doc = _resolve(node, doc)
    if isinstance(value, dict):
        props = node.get("properties", {})
        for key, sub in value.items():
            if key in props:
                yield from _walk(props[key], doc, sub, f"{path}.{key}" if path else key)
        return
    if isinstance(value, list):
        items = node.get("items")
        if isinstance(items, dict):
            for i, sub in enumerate(value):
                yield from _walk(items, doc, sub, f"{path}[{i}]")
        return
    vocab, ref, text = node.get("x-vocabulary"), node.get("x-ref"), bool(node.get("x-text"))
    if vocab or ref or text:
        yield Annotated(path, value, vocab, tuple(ref) if ref else None, text)


def references(record: dict, annotated: list[Annotated] | None = None) -> list[Annotated]:
    """The values that name other records (pass ``annotated`` to reuse one walk)."""
    return [a for a in (annotated if annotated is not None else annotated_values(record)) if a.ref]


def text_values(record: dict, annotated: list[Annotated] | None = None) -> list[str]:
    """The free-text values, for the search index (pass ``annotated`` to reuse one walk)."""
    items = annotated if annotated is not None else annotated_values(record)
    return [a.value for a in items if a.text and isinstance(a.value, str)]


# --- which types a type's records may name (for the registry's dump order) -----------------------

def _refers_to(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        if node.get("x-vocabulary"):
            out.add("term")
        out.update(node.get("x-ref", ()))
        for value in node.values():
            _refers_to(value, out)
    elif isinstance(node, list):
        for value in node:
            _refers_to(value, out)
    return out


@cache
def type_dependencies() -> dict[str, frozenset[str]]:
    """The types each type's records may name (``x-ref``; ``*``: any type), with ``term`` for any
    vocabulary field."""
    out = {}
    for entry in REGISTRY:
        found = _refers_to(inlined(entry.name), set())
        found.discard(entry.name)
        out[entry.name] = frozenset(t for t in found if t in BY_NAME or t == "*")
    return out
