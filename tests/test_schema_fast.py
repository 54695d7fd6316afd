"""The compiled fast path of record validation never says "valid" where the full path refuses.

model/schema.py asks jsonschema-rs first and the (slower) jsonschema validator only for a record
it finds invalid, to word the error; so the two must agree on which records are valid. Every record
of every type (tests/records.full_set) and a few hundred broken variants of them are judged by both.
"""

from __future__ import annotations

import copy

import pytest

from monitor.core.errors import SchemaViolation
from monitor.core.model import schema
from records import full_set


def _records() -> list[dict]:
    return full_set("ab" * 32, 10)


def _paths(value, path=()):
    """Every (path, leaf) in a record."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _paths(sub, path + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _paths(sub, path + (i,))
    else:
        yield path, value


def _with(record: dict, path: tuple, value) -> dict:
    out = copy.deepcopy(record)
    node = out
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return out


def _variants(record: dict):
    yield {**record, "unknown_field": 1}
    yield {k: v for k, v in record.items() if k != "id"}
    for path, leaf in _paths(record):
        if path == ("type",):
            continue
        if isinstance(leaf, str):
            for bad in (leaf + "\n", "", "x" * 20001, 7, None, leaf + "-", "2026-02-30", "2026-13",
                        "2026-03-01T25:00:00Z", leaf.upper(), "\u0000"):
                yield _with(record, path, bad)
        elif isinstance(leaf, bool):
            yield _with(record, path, 1)
            yield _with(record, path, "true")
        elif isinstance(leaf, (int, float)):
            for bad in (-1, 10**30, 1.5, True, "1", 2**64):
                yield _with(record, path, bad)


def _full_valid(record: dict) -> bool:
    return next(schema.validator_for(record["type"]).iter_errors(record), None) is None


def test_every_valid_record_takes_the_fast_path():
    for record in _records():
        assert schema.fast_validator_for(record["type"]) is not None, record["type"]
        assert schema._fast_valid(record["type"], record), record["type"]


@pytest.mark.parametrize("record", _records(), ids=lambda r: r["type"])
def test_the_fast_path_never_accepts_what_the_full_path_refuses(record):
    judged = refused = 0
    for variant in _variants(record):
        judged += 1
        if not _full_valid(variant):
            refused += 1
            assert not schema._fast_valid(record["type"], variant), variant
            with pytest.raises(SchemaViolation):
                schema.validate(variant)
    assert refused > 0 and judged > refused // 2


def test_an_error_is_worded_by_the_full_path():
    record = next(r for r in _records() if r["type"] == "person")
    with pytest.raises(SchemaViolation) as caught:
        schema.validate({**record, "code": record["code"] + "\n"})
    assert "person.code" in str(caught.value)
