"""Partial dates (issue 19 §2): an allegation's date may be only a month (YYYY-MM) or a year (YYYY),
for an act remembered years later. The gate and the rules accept them, old whole dates stay valid,
and the case file and the dossier sort and print them."""

from __future__ import annotations

import copy
import io

import pytest
from records import full_set, new_case, uid

from monitor.core import reports
from monitor.core.errors import SchemaViolation
from monitor.core.queries import casefile


def allegation(**fields) -> dict:
    return {"id": uid(900), "description": "Ұрды, тепті", "methods": ["beating"], **fields}


@pytest.mark.parametrize("date", ["2019", "2019-03", "2019-03-05"])
def test_an_allegation_may_have_a_whole_date_a_month_or_a_year(vault, date):
    vault.put(new_case(uid(1), allegations=[allegation(date=date)]))
    assert vault.get(uid(1))["allegations"][0]["date"] == date


@pytest.mark.parametrize("date", ["2019-13", "2019-00", "2019-02-30", "19", "2019-3", "03.2019", "2019-03-05T10:00"])
def test_a_malformed_partial_date_is_refused_and_nothing_is_written(vault, date):
    before = vault.digest()
    with pytest.raises(SchemaViolation) as caught:
        vault.put(new_case(uid(1), allegations=[allegation(date=date)]))
    assert caught.value.problems[0].path == "allegations[0].date"
    assert caught.value.problems[0].rule in ("not_a_date", "pattern")
    assert vault.digest() == before


def test_a_partial_date_in_the_future_is_refused(vault):
    with pytest.raises(SchemaViolation) as caught:
        vault.put(new_case(uid(1), allegations=[allegation(date="2099")]))
    assert caught.value.problems[0].rule == "in_future"


def test_partial_dates_are_in_order_as_far_as_both_are_known(vault):
    vault.put(new_case(uid(1), allegations=[allegation(date="2019-03-15", date_end="2019-03")]))
    vault.put(new_case(uid(2), code="KZ-2026-0002", allegations=[allegation(date="2019", date_end="2019-01-02")]))
    with pytest.raises(SchemaViolation) as caught:
        vault.put(new_case(uid(3), code="KZ-2026-0003", allegations=[allegation(date="2019-04", date_end="2019-03-20")]))
    assert caught.value.problems[0].rule == "date_order"


def test_other_dates_of_a_case_stay_whole(vault):
    with pytest.raises(SchemaViolation):
        vault.put(new_case(uid(1), period_start="2019-03"))


def stocked_with_a_partial_allegation(vault) -> str:
    blob = vault.store_blob(io.BytesIO(b"png" * 100))
    records = full_set(blob.sha256, blob.size)
    vault.put_many(records)
    case = copy.deepcopy(next(r for r in records if r["type"] == "case"))
    case["allegations"].append({"id": uid(901), "date": "2019-03", "description": "Бұрынғы ұру, 2019 жылы наурызда",
                                "methods": ["beating"]})
    vault.put(case)
    return case["id"]


def test_the_case_file_sorts_a_partial_date_with_the_whole_ones(vault):
    case_id = stocked_with_a_partial_allegation(vault)
    events = casefile.gather(vault, case_id).chronology()
    assert events[0].date == "2019-03" and events[0].kind == "allegation"
    dates = [e.date[:10] for e in events]
    assert dates == sorted(dates)


def test_the_dossier_prints_a_partial_date(vault):
    case_id = stocked_with_a_partial_allegation(vault)
    text = reports.build(vault, "dossier", subject_id=case_id, lang="ru").text()
    assert "03.2019" in text and "2019-03" not in text and "Бұрынғы ұру" in text


@pytest.mark.parametrize("value, lang, shown", [("2019-03", "ru", "03.2019"), ("2019-03", "kk", "03.2019"),
                                                ("2019-03", "en", "3/2019"), ("2019", "ru", "2019"),
                                                ("2019-03-05", "ru", "05.03.2019"), ("2019-13", "ru", "2019-13")])
def test_a_partial_date_is_written_as_the_locale_writes_a_month_and_year(value, lang, shown):
    """The reports (CLDR through Babel) and the window (which calls the same function) agree."""
    from monitor.core.reports.locale import date

    assert date(value, lang) == shown
    pytest.importorskip("PySide6.QtCore")
    from monitor.gui.labels import format_date

    if len(value) in (4, 7):
        assert format_date(value, lang) == shown
