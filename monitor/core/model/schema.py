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

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .. import resources
from ..errors import SchemaViolation
from ..text import one_line

from .registry import RECORD_TYPES, SEALABLE_TYPES  # noqa: E402,F401  (the registry names the types)
BASE_URI = "https://schema.monitor.invalid/"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
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


def describe(error: ValidationError, prefix: str) -> str:
    """One short line for a validation error; never echoes a long or multi-line value."""
    where = _field_path(prefix, error.absolute_path)
    kind, arg, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [name for name in arg if isinstance(value, dict) and name not in value]
        return f"{where}: missing required field '{missing[0] if missing else arg[0]}'"
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(k for k in value if k not in known) if isinstance(value, dict) else []
        return f"{where}: unknown field '{one_line(extra[0] if extra else '?', 40)}'"
    if kind == "type":
        wanted = arg if isinstance(arg, str) else " or ".join(arg)
        return f"{where}: expected {wanted}, got {_json_type(value)}"
    if kind == "maxLength":
        return f"{where}: too long ({len(value):,} characters; at most {arg:,})"
    if kind == "minLength":
        return f"{where}: must not be empty"
    if kind in ("maxItems", "minItems"):
        return f"{where}: {'too many' if kind == 'maxItems' else 'too few'} items ({len(value)}; {kind[:3]} {arg})"
    if kind == "format":
        return f"{where}: not a valid {arg}: '{_shown(value)}'"
    if kind == "pattern":
        return f"{where}: not in the expected form: '{_shown(value)}'"
    if kind == "const":
        return f"{where}: must be '{arg}', got '{one_line(value, 40)}'"
    if kind == "enum":
        return f"{where}: must be one of {', '.join(map(str, arg))}; got '{one_line(value, 40)}'"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"{where}: {value} is out of range ({kind} {arg})"
    if kind == "uniqueItems":
        return f"{where}: repeats an item"
    return f"{where}: {one_line(error.message, 80)}"


MAX_DEPTH = 16  # records nest at most 5 levels; anything deeper is hostile or broken


def check_structure(value: Any, where: str = "record") -> None:
    """Refuse absurdly nested input, and numbers JSON cannot hold (NaN, infinity), before any
    recursive code (NFC, validation, hashing) touches them."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise SchemaViolation(f"{where}: nested more than {MAX_DEPTH} levels deep")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise SchemaViolation(f"{where}: {item} is not a number JSON can hold")


def validate(record: Any, where: str = "record") -> str:
    """Validate one record; return its type or raise :class:`SchemaViolation` (one line)."""
    if not isinstance(record, dict):
        raise SchemaViolation(f"{where}: expected a JSON object, got {_json_type(record)}")
    record_type = record.get("type")
    if not isinstance(record_type, str):
        raise SchemaViolation(f"{where}: missing required field 'type'")
    if record_type not in RECORD_TYPES:
        raise SchemaViolation(
            f"{where}: unknown record type '{one_line(record_type, 30)}' "
            f"(expected one of {', '.join(RECORD_TYPES)})"
        )
    error = best_match(validator_for(record_type).iter_errors(record), key=_relevance)
    if error is not None:
        raise SchemaViolation(f"{where}: " + describe(error, record_type))
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
