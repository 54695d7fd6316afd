"""The record-type registry (monitor/core/model/registry.py): one entry per type, and what is
computed from it (the dump order, the CSV kinds, the lists) agrees with the schemas and with the
behaviour of earlier releases."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.core.model import registry, schema, titles
from monitor.core.model.labels import record_label

from records import full_set

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
VOCABULARIES = {p.stem for p in (RESOURCES / "vocabularies").glob("*.json")}


def test_every_entry_has_its_schema_and_every_schema_an_entry():
    shipped = {p.name for p in (RESOURCES / "schema").glob("*.schema.json")}
    assert shipped - {"common.schema.json", "revision.schema.json"} == {e.schema_file for e in registry.REGISTRY}
    assert len(registry.BY_NAME) == len(registry.REGISTRY)  # no name twice
    assert schema.RECORD_TYPES == registry.RECORD_TYPES


EARLIER = ("term", "facility", "person", "case", "visit", "consent", "interview", "examination", "attachment",
           "complaint", "proceeding", "reprisal", "link", "addendum", "statistic")


def test_dump_order_is_the_order_of_earlier_releases():
    # A dump made by this release lists the types of earlier releases in the order they did.
    assert tuple(t for t in registry.dump_order(schema.type_dependencies()) if t in EARLIER) == EARLIER


def test_dump_order_puts_each_type_after_what_it_names_except_on_a_cycle():
    deps = schema.type_dependencies()
    order = registry.dump_order(deps)
    assert sorted(order) == sorted(registry.RECORD_TYPES)

    def reaches(start, goal, seen=()):
        if start in ("*", goal):
            return True
        return any(reaches(t, goal, (*seen, start)) for t in deps.get(start, ()) if t not in seen)

    for position, name in enumerate(order):
        later = [t for t in deps[name] if t != "*" and order.index(t) > position]
        assert all(reaches(t, name) for t in later), (name, later)
    assert "term" in deps["reprisal"] and "person" in deps["reprisal"]  # vocabularies and x-ref both count


def test_dump_order_is_computed_not_declared(monkeypatch):
    """A new entry declared with a low ``dump`` still comes after the types it names."""
    entry = registry.RecordType("reprisal2", lambda r: "", dump=-1)
    monkeypatch.setattr(registry, "REGISTRY", (*registry.REGISTRY, entry))
    monkeypatch.setattr(registry, "BY_NAME", {**registry.BY_NAME, "reprisal2": entry})
    deps = {**schema.type_dependencies(), "reprisal2": frozenset({"person", "case", "term"})}
    order = registry.dump_order(deps)
    assert order.index("reprisal2") > order.index("case") > order.index("person")


def test_labels_are_those_of_earlier_releases():
    records = {r["type"]: r for r in full_set("0" * 64, 3)}
    assert record_label(records["visit"]).startswith("visit ")
    assert record_label(records["person"]) == records["person"]["code"]
    assert record_label({"type": "reprisal", "date": "2026-03-02", "kind": "transfer"}) == "reprisal 2026-03-02 transfer"
    assert record_label({"type": "term", "vocabulary": "method", "key": "beating"}) == "method:beating"
    assert record_label({"type": "attachment", "sha256": "ab" * 32}) == "ab" * 6
    assert record_label({"type": "no_such_type"}) == "no_such_type"


def test_lists_name_real_fields_and_vocabularies():
    assert [e.list.name for e in registry.lists()][:6] == [
        "cases", "visits", "facilities", "people", "examinations", "complaints"]  # Ctrl+1…6 as before
    for entry in registry.lists():
        fields = titles.schema_field_names(schema.inlined(entry.name))
        for column in entry.list.columns:
            if column.field:
                assert column.field.split(".")[0] in fields, (entry.name, column.field)
            if column.show == "vocab":
                assert column.vocabulary in VOCABULARIES, (entry.name, column.vocabulary)


def test_case_file_sections_name_real_fields():
    for entry in registry.sections():
        section, fields = entry.section, titles.schema_field_names(schema.inlined(entry.name))
        for name in (*section.people, section.visit, section.detail, section.date if section.event else None):
            assert name is None or name in fields, (entry.name, name)
        if section.detail_vocabulary:
            assert section.detail_vocabulary in VOCABULARIES


def test_csv_kinds_follow_the_registry():
    from monitor.core.io.csv_kinds import CSV_KINDS, SIGNATURES

    earlier = ["statistic", "consent", "reprisal", "complaint", "proceeding", "case"]
    assert [name for name in CSV_KINDS if name in earlier] == earlier  # detected in the same order
    assert list(CSV_KINDS) == [e.name for e in registry.csv_kinds()]
    assert SIGNATURES["reprisal"] == [{"kind", "person_code"}, {"kind", "person_id"}]
    for name, kind in CSV_KINDS.items():
        assert kind.record_type == name and kind.title == registry.BY_NAME[name].csv.title


@pytest.mark.parametrize("record_type", registry.RECORD_TYPES)
def test_every_type_has_a_title_in_each_language(record_type):
    for lang in ("en", "ru", "kk"):
        assert titles.type_title(record_type, lang) != record_type or lang == "en", (record_type, lang)


def test_unknown_type_is_refused_by_the_gate(vault):
    """The type list is part of the protocol: a revision of a type this release does not know is
    refused (docs/bundle-format.md), whatever its body."""
    from monitor.core.errors import SchemaViolation
    from monitor.core.history import gate
    from monitor.core.history.revisions import Revision

    import dataclasses

    facility = next(r for r in full_set("0" * 64, 3) if r["type"] == "facility")
    rev = vault.put(facility)
    assert isinstance(rev, Revision)
    gate._check_form(rev, "bundle line 1")  # the same revision with its own type passes
    strange = dataclasses.replace(rev, record_type="hearing", body={**facility, "type": "hearing"})
    with pytest.raises(SchemaViolation, match="unknown record type 'hearing'"):
        gate._check_form(strange, "bundle line 1")
