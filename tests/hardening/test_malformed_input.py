"""Malformed input, property-based: JSON lines, CSV and attachment names.

For any input, ``load`` either loads everything or raises one of Monitor's typed errors and writes
nothing; no other exception escapes. Quick: 80 examples per property; long (``-m slow``): 1500.
"""

from __future__ import annotations

import json
import string

import pytest
from conftest import PASSPHRASE, TEST_KDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from records import full_set, new_facility

from monitor.core.errors import MonitorError
from monitor.core.io.loader import load_file
from monitor.core.text import clean_file_name, file_name_problem
from monitor.core.store.vault import Vault

QUICK, LONG = 80, 1500
COUNTS: dict[str, dict[str, int]] = {}


def _state(vault: Vault) -> tuple:
    conn = vault.conn
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("revisions", "records", "audit", "blobs", "blob_chunks", "refs"))


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "f.vault"
    v = Vault.create(path, PASSPHRASE, kdf=TEST_KDF)
    yield v
    v.close()


def _try_load(vault: Vault, tmp_path, data: bytes, suffix: str, suite: str) -> None:
    source = tmp_path / f"input{suffix}"
    source.write_bytes(data)
    before = _state(vault)
    counts = COUNTS.setdefault(suite, {"inputs": 0, "loaded": 0, "refused_with_typed_error": 0})
    counts["inputs"] += 1
    try:
        load_file(vault, source)
    except MonitorError as exc:
        assert "\n" not in str(exc)
        assert _state(vault) == before, "a refused file wrote something"
        counts["refused_with_typed_error"] += 1
    else:
        counts["loaded"] += 1
        if suffix == ".jsonl":  # all of it: every record of the file is in the vault
            for line in data.decode("utf-8-sig").splitlines():
                if line.strip():
                    assert vault.info(json.loads(line)["id"]) is not None


SAMPLE = full_set("0" * 64, 1)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=30))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)), max_leaves=12)


@st.composite
def mutated_records(draw):
    """A real record with a field changed, dropped or added, as JSON (sometimes cut short)."""
    record = dict(draw(st.sampled_from(SAMPLE)))
    action = draw(st.sampled_from(["set", "drop", "add", "type"]))
    key = draw(st.sampled_from(sorted(record)))
    if action == "set":
        record[key] = draw(json_values)
    elif action == "drop":
        record.pop(key)
    elif action == "add":
        record[draw(st.text(max_size=12))] = draw(json_values)
    else:
        record["type"] = draw(st.sampled_from(["case", "person", "attachment", "nope", ""]))
    text = json.dumps(record, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


valid_facilities = st.builds(
    lambda u, name, key: json.dumps(new_facility(str(u), name=name, type_key=key),
                                    ensure_ascii=False),
    st.uuids(version=4), st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1,
                                 max_size=40).filter(str.strip),
    st.sampled_from(["ivs", "sizo", "colony", "nope"]))

lines = st.one_of(
    valid_facilities, valid_facilities, valid_facilities,
    mutated_records(),
    json_values.map(lambda v: json.dumps(v)),
    st.text(max_size=80),
    st.sampled_from(['{"a": 1, "a": 2}', "[" * 5000, '{"x": NaN}', '{"x": 1e999}', '"\\ud800"',
                     '{"id": "\\udfff"}', "\ufeff{}", "{}\x00", '{"type": "case", "title": "\\u0000"}']),
)


def _jsonl(draw_lines) -> bytes:
    return "\n".join(draw_lines).encode("utf-8", "surrogatepass")


def _settings(n: int):
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _jsonl_property(vault, tmp_path, data, raw):
    payload = raw if raw is not None else _jsonl(data)
    _try_load(vault, tmp_path, payload, ".jsonl", "malformed JSON lines")


@_settings(QUICK)
@given(data=st.lists(lines, min_size=1, max_size=6), raw=st.one_of(st.none(), st.binary(max_size=200)))
def test_json_lines_quick(vault, tmp_path, data, raw):
    _jsonl_property(vault, tmp_path, data, raw)


@pytest.mark.slow
@_settings(LONG)
@given(data=st.lists(lines, min_size=1, max_size=6), raw=st.one_of(st.none(), st.binary(max_size=400)))
def test_json_lines_long(vault, tmp_path, data, raw):
    _jsonl_property(vault, tmp_path, data, raw)


CASE_HEADER = ["code", "title", "status", "facility_id", "period_start", "summary", "tags", "methods"]
cells = st.one_of(st.text(max_size=20), st.sampled_from(["open", "2026-01-01", "31.12.2025", "32.13.2025",
                                                         "beating;threats", "", "=cmd|' /C calc'!A0", "\x00"]))


@st.composite
def csv_files(draw):
    header = draw(st.one_of(st.just(CASE_HEADER), st.lists(st.sampled_from(CASE_HEADER + ["bogus", ""]),
                                                           max_size=8)))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=len(header) + 2), max_size=5))
    sep = draw(st.sampled_from([",", ";", "\t"]))

    def quote(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',;\t"\n') else cell

    text = "\n".join(sep.join(quote(c) for c in row) for row in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "latin-1"]))
    return text.encode(encoding, "replace")


def _csv_property(vault, tmp_path, data):
    _try_load(vault, tmp_path, data, ".csv", "malformed CSV")


@_settings(QUICK)
@given(data=csv_files())
def test_csv_quick(vault, tmp_path, data):
    _csv_property(vault, tmp_path, data)


@pytest.mark.slow
@_settings(LONG)
@given(data=csv_files())
def test_csv_long(vault, tmp_path, data):
    _csv_property(vault, tmp_path, data)


names = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["../../etc/passwd", "\u202egpj.exe", "a\x00b", "CON", "..", "x" * 400, "\\\\host\\share", "\n"])


def _name_property(name):
    counts = COUNTS.setdefault("attachment names", {"names": 0, "refused": 0})
    counts["names"] += 1
    if file_name_problem(name) is not None:
        counts["refused"] += 1
    cleaned = clean_file_name(name)
    assert file_name_problem(cleaned) is None, (name, cleaned)
    assert "/" not in cleaned and "\\" not in cleaned and cleaned not in (".", "..")


@_settings(QUICK * 5)
@given(name=names)
def test_attachment_names_quick(name):
    _name_property(name)


@pytest.mark.slow
@_settings(LONG * 5)
@given(name=names)
def test_attachment_names_long(name):
    _name_property(name)


@pytest.fixture(scope="module", autouse=True)
def report_totals(totals):
    """After the properties of this file ran (quick or long), hand their counts to the totals."""
    yield
    for suite, counts in COUNTS.items():
        totals(suite, **counts)
