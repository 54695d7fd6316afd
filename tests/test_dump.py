"""`monitor dump` writes every live record, however many pages of them the vault reads.

The dump reads the vault a page of records at a time to bound its memory, so these tests hold
more records of one type than a page (2,000), and exactly one page of another, and check that
each of them comes out once, exactly as loaded, and loads back into a new vault unchanged.
"""

from __future__ import annotations

import json

import pytest

from records import new_facility, new_person, uid
from test_cli import CLI, write_jsonl

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process

FACILITIES = 2345  # more than one page
PERSONS = 2000     # exactly one page: the reader must still notice the end


def many_records() -> list[dict]:
    facilities = [new_facility(uid(100_000 + i), name=f"ИВС № {i} Қызылорда", type_key="ivs",
                               capacity=i % 90 + 1) for i in range(FACILITIES)]
    persons = [new_person(uid(200_000 + i), code=f"P-2026-{i:04d}", notes=f"Жәбірленуші {i}") for i in range(PERSONS)]
    return facilities + persons


def dumped(cli: CLI, *args: str) -> list[dict]:
    return [json.loads(line) for line in cli("dump", *args).stdout.splitlines()]


def test_dump_round_trips_more_records_than_one_page(tmp_path):
    cli = CLI(tmp_path)
    cli("init")
    baseline = dumped(cli)
    assert baseline == []
    records = many_records()
    cli("load", str(write_jsonl(tmp_path / "many.jsonl", records)))

    out = dumped(cli)
    assert len(out) == len(records)
    ids = [r["id"] for r in out]
    assert len(set(ids)) == len(ids), "a record was written twice"
    by_id = {r["id"]: r for r in out}
    for record in records:
        assert by_id.get(record["id"]) == record
    types = [r["type"] for r in out]
    assert types.count("facility") == FACILITIES and types.count("person") == PERSONS
    blocks = [t for i, t in enumerate(types) if i == 0 or types[i - 1] != t]
    assert len(blocks) == len(set(blocks)), "records of one type are not grouped together"

    # the dump loads into a new vault, which dumps the same records
    (tmp_path / "second").mkdir()
    second = CLI(tmp_path / "second")
    second("init")
    assert dumped(second) == []
    second("load", str(write_jsonl(tmp_path / "dump.jsonl", out)))
    again = dumped(second)
    assert sorted(json.dumps(r, sort_keys=True) for r in again) == sorted(json.dumps(r, sort_keys=True) for r in out)

    # one type, to a file: every page of it too
    target = tmp_path / "facilities.jsonl"
    cli("dump", "--type", "facility", "--out", str(target))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert sorted(lines) == sorted(json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                                   for r in records if r["type"] == "facility")
    assert len(dumped(cli, "--type", "person")) == PERSONS


def test_keyset_pages_give_the_offset_pages_order_byte_for_byte(vault):
    """Pages of 7 by key against the old query (one sort over every row): the same lines in the same
    order, across page ends, ties of created_at (one transaction) and a deleted record."""
    from monitor.core.io.dump import dump_line, dump_records

    vault.put_many([new_facility(uid(300 + i), name=f"ИВС {i}", type_key="ivs") for i in range(30)])
    vault.put_many([new_facility(uid(400 + i), name=f"СИЗО {i}", type_key="ivs") for i in range(16)])
    vault.delete(uid(305))
    old = [dump_line(info.body) for info in vault.records("facility", order="created")]
    for page in (1, 7, 2000):
        assert [dump_line(r) for r in dump_records(vault, "facility", page=page)] == old
    assert len(old) == 45 and len(set(old)) == 45
    filtered = list(vault.records("facility", order="created", where={"name": "СИЗО 3"}, batch=7))
    assert [i.body["id"] for i in filtered] == [uid(403)]
