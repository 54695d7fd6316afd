"""Conflict review's pure merge logic (monitor.core.history.merge): rows, differences, merged bodies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from records import new_facility, uid

from monitor.core.history import merge
from monitor.core.errors import MonitorError
from monitor.core.history.merge import ABSENT, MergeError
from monitor.core.messages import localize

KAZAKH = "әғқңөұүһі ӘҒҚҢӨҰҮҺІ"

A = new_facility(uid(1), name="ИВС Қостанай", type_key="ivs", capacity=10, notes="бірінші")
B = new_facility(uid(1), name="ИВС Қостанай", type_key="ivs", capacity=12, region="Қостанай облысы")


def test_rows_follow_the_schema_and_mark_differences():
    rows = merge.compare("facility", [A, B])
    names = [r.name for r in rows]
    assert names == ["name", "type_key", "region", "capacity", "notes"]  # facility.schema.json order
    differs = {r.name for r in rows if r.differs}
    assert differs == {"region", "capacity", "notes"}
    notes = next(r for r in rows if r.name == "notes")
    assert notes.values == ("бірінші", ABSENT)
    assert merge.differences(A, B, "facility") == merge.differences(B, A, "facility") == ["region", "capacity", "notes"]


def test_numbers_compare_as_json_values_and_booleans_are_not_numbers():
    assert merge.same(3, 3.0) and not merge.same(True, 1) and not merge.same(None, ABSENT)
    assert merge.differences({"a": 3}, {"a": 3.0}) == []
    assert merge.differences({"a": True}, {"a": 1}) == ["a"]


def test_nested_values_name_the_leaves_that_differ():
    a = {"id": uid(2), "type": "visit", "population": {"total": 38, "women": 3}, "team": ["Айгүл", "Oleg"]}
    b = {"id": uid(2), "type": "visit", "population": {"total": 40, "women": 3}, "team": ["Айгүл"]}
    rows = {r.name: r for r in merge.compare("visit", [a, b])}
    assert rows["population"].paths == ("population.total",)
    assert rows["team"].paths == ("team[1]",)


def test_merge_takes_picks_removes_absent_fields_and_keeps_edits():
    merged = merge.merge([A, B], 0, {"capacity": 1, "notes": 1, "region": 1})
    expected = {**A, "capacity": 12, "region": "Қостанай облысы"}
    del expected["notes"]
    assert merged == expected
    assert list(merged)[:2] == ["id", "type"]
    edited = merge.merge([A, B], 1, values={"notes": "екеуі де " + KAZAKH, "region": ABSENT})
    assert edited["notes"].endswith(KAZAKH) and "region" not in edited and edited["capacity"] == 12
    assert A["capacity"] == 10 and "region" not in A  # the versions are not touched


def test_merge_refuses_impossible_choices_in_one_line():
    cases = [
        (lambda: merge.merge([A, None], 1), "deletes the record"),
        (lambda: merge.merge([A, None], 0, {"capacity": 1}), "deletes the record"),
        (lambda: merge.merge([A, B], 0, {"capacity": 1}, refused=[1]), "refused"),
        (lambda: merge.merge([A, B], 1, refused=[1]), "refused"),
        (lambda: merge.merge([A, B], 2), "no version 3"),
        (lambda: merge.merge([A, B], 0, {"id": 1}), "identity"),
        (lambda: merge.merge([A, B], 0, values={"type": "person"}), "identity"),
        (lambda: merge.merge([A, B], 0, {"nosuch": 1}), "no version has a field nosuch"),
    ]
    for call, words in cases:
        with pytest.raises(MergeError, match=words) as caught:
            call()
        assert isinstance(caught.value, MonitorError) and "\n" not in str(caught.value)
        assert localize(caught.value, "kk") != str(caught.value)  # translated, not English


def test_parse_value_and_describe():
    assert merge.parse_value("12", as_text=False) == 12
    assert merge.parse_value("12", as_text=True) == "12"
    assert merge.parse_value('{"a": ["ә"]}', as_text=False) == {"a": ["ә"]}
    with pytest.raises(MergeError, match="not valid JSON"):
        merge.parse_value("{", as_text=False)
    with pytest.raises(MergeError, match="not valid JSON"):
        merge.parse_value("NaN", as_text=False)
    assert merge.is_text_field(["a", ABSENT]) and not merge.is_text_field([3, "a"]) and not merge.is_text_field([ABSENT])
    lines = merge.describe({"total": 38, "women": 3}, "population")
    assert lines == ["total: 38", "women: 3"]
    lines = merge.describe([{"id": uid(9), "theme": "food", "text": "Су\nжоқ"}], "findings",
                           title=lambda p: p.upper())
    assert lines == ["1. FINDINGS[0].THEME: food", "   FINDINGS[0].TEXT: Су", "     жоқ"]
    assert merge.describe(["a", "b"], "team") == ["a, b"]
    assert merge.describe(True) == ["true"]


# --- properties -------------------------------------------------------------------------------------

_scalars = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(alphabet=KAZAKH + "abc ", max_size=8)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.sampled_from(["x", "y", "қ"]), inner, max_size=3), max_leaves=6)
_fields = st.dictionaries(st.sampled_from(["name", "notes", "capacity", "region", "ә_өріс", "zeta"]), _values,
                          max_size=6)


def _body(fields: dict) -> dict:
    return {"id": uid(5), "type": "facility", **fields}


@settings(max_examples=200, deadline=None)
@given(st.lists(_fields, min_size=2, max_size=4), st.data())
def test_picking_every_field_from_one_version_gives_exactly_that_version(versions, data):
    bodies = [_body(f) for f in versions]
    x = data.draw(st.integers(0, len(bodies) - 1))
    base = data.draw(st.integers(0, len(bodies) - 1))
    names = merge.field_names("facility", bodies)
    assert merge.merge(bodies, base, {name: x for name in names}) == bodies[x]
    assert merge.merge(bodies, x) == bodies[x]


@settings(max_examples=200, deadline=None)
@given(_fields, _fields)
def test_differences_are_symmetric_and_empty_only_for_equal_bodies(a, b):
    a, b = _body(a), _body(b)
    assert merge.differences(a, b) == merge.differences(b, a)
    assert (merge.differences(a, b) == []) == merge.same(a, b)
    # taking every differing field from b onto a gives b
    assert merge.merge([a, b], 0, {name: 1 for name in merge.differences(a, b)}) == b


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=KAZAKH + "ё№ «»\n", min_size=1, max_size=40))
def test_kazakh_text_survives_a_merge_and_an_edit(text):
    bodies = [_body({"notes": text}), _body({"notes": "x"})]
    assert merge.merge(bodies, 1, {"notes": 0})["notes"] == text
    typed = merge.parse_value(merge.value_text(text), as_text=True)
    assert merge.merge(bodies, 1, values={"notes": typed})["notes"] == text
    assert merge.parse_value(merge.value_text([text]), as_text=False) == [text]
