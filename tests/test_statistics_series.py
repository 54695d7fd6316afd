"""Statistics that never mislabel an official figure: partial periods belong to a series, figures for
one article are not national totals, no figure twice, and the central finding (torture registered,
abuse of power charged) counted against hand-counted data and against the demo."""

from __future__ import annotations

import re

from conftest import PASSPHRASE, TEST_KDF, reopen
from records import new_case, new_facility, uid

from monitor.core import reports
from monitor.core.history.revisions import new_id
from monitor.core.queries import statistics


def figure(indicator, value, start, end, **extra):
    return {"id": new_id(), "type": "statistic", "indicator": indicator, "value": value, "period_start": start,
            "period_end": end, "source_authority": "prosecutor", "source_document": "Ответ на запрос", **extra}


def tables(report):
    return [b for b in report.walk() if type(b).__name__ == "Table"]


def test_a_partial_period_belongs_to_its_series_not_to_the_year(vault):
    # official figures for January–May 2013, the NGO's own figure for January–June 2013
    vault.put_many([figure("complaints_registered", 304, "2013-01-01", "2013-05-31"),
                    figure("criminal_cases_opened", 19, "2013-01-01", "2013-05-31"),
                    figure("complaints_received_ngo", 91, "2013-01-01", "2013-06-30")])
    report = reports.build(vault, "stats", lang="ru")
    official = next(t for t in tables(report) if t.columns[1] == "Заявления о пытках (официально)")
    assert official.rows == [["2013 (январь–май)", "304", "19", "0,06 (6,2\u00a0%)"]]  # CLDR ru: a no-break space before %
    ngo = next(t for t in tables(report) if t.caption == "Данные, опубликованные НПО")
    assert ngo.rows == [["2013 (январь–июнь)", "91"]]
    text = report.text()
    assert "2013 (январь–июнь) | 304" not in text and "январь–июнь) | 304" not in text


def test_two_series_that_cover_different_months_label_each_figure(vault):
    vault.put_many([figure("complaints_registered", 304, "2013-01-01", "2013-05-31"),
                    figure("criminal_cases_opened", 22, "2013-01-01", "2013-06-30")])
    row = tables(reports.build(vault, "stats", lang="en"))[0].rows[0]
    assert row == ["2013", "304 (January–May)", "22 (January–June)", "—"]  # no ratio across unlike periods


def test_figures_for_one_article_are_not_national_totals_and_none_is_listed_twice(vault):
    vault.put_many([
        figure("complaints_registered", 602, "2012-01-01", "2012-12-31", article="cc1997-141-1",
               region="Республика Казахстан"),
        figure("complaints_registered", 4111, "2012-01-01", "2012-12-31"),
        figure("complaints_registered", 77, "2012-01-01", "2012-12-31", region="Карагандинская область",
               facility_type="sizo"),
        figure("complaints_registered", 55, "2012-01-01", "2012-12-31", region="Павлодарская область"),
    ])
    report = reports.build(vault, "stats", lang="en")
    found = tables(report)
    national = next(t for t in found if t.caption == "Official figures: national totals")
    assert [r[1] for r in national.rows] == ["4,111"]
    article = next(t for t in found if (t.caption or "").startswith("Official figures for one article only"))
    assert [r[1] for r in article.rows] == ["602"]
    text = report.text()
    for value in ("602", "4,111", "| 77", "| 55"):
        assert text.count(value) == 1, value


def proceeding(pid, registered, year, charged=None, verdict="convicted", punishments=(), **extra):
    body = {"id": pid, "type": "proceeding", "case_id": uid(60), "authority": "prosecutor", "status": "closed",
            "article_registered": {"article": registered}, "erdr_date": f"{year}-03-01", **extra}
    if charged:
        body["charges"] = [{"id": new_id(), "officer": {"rank": "лейтенант"}, "article": {"article": charged}, "verdict": verdict,
                            "punishments": list(punishments)}]
    return body


def hand_counted_proceedings():
    return [
        # 2012: registered under torture (141-1), charged with exceeding authority (308): suspended
        proceeding(uid(70), "cc1997-141-1", 2012, "cc1997-308",
                   punishments=[{"kind": "suspended_imprisonment", "years": 3, "probation_years": 2}]),
        # 2012: registered and convicted under torture: a real term
        proceeding(uid(71), "cc1997-141-1", 2012, "cc1997-141-1", punishments=[{"kind": "imprisonment", "years": 7}]),
        # 2012: registered under torture, charged with abuse of office (307), acquitted
        proceeding(uid(72), "cc1997-141-1", 2012, "cc1997-307", verdict="acquitted"),
        # 2016: registered under Art. 146 (2014 code), charged under 362, amnestied
        proceeding(uid(73), "cc2014-146", 2016, "cc2014-362", verdict="amnestied"),
        # registered as exceeding authority from the start: not a torture registration
        proceeding(uid(74), "cc1997-308", 2012, "cc1997-308", punishments=[{"kind": "fine", "amount": 100000}]),
        # registered under torture in 2012, no one charged
        proceeding(uid(75), "cc1997-141-1", 2012),
    ]


def test_the_central_finding_matches_a_hand_count(vault):
    vault.put_many([new_facility(uid(61)), new_case(uid(60), facility_id=uid(61)), *hand_counted_proceedings()])
    report = reports.build(vault, "stats", lang="ru")
    table = next(t for t in tables(report) if t.caption and t.caption.startswith("Зарегистрировано как пытки"))
    # year, registered as torture, → abuse of power, → torture, real, suspended, amnesty, acquittal
    assert table.rows == [["2012", "4", "2", "1", "1", "1", "0", "1"],
                          ["2016", "1", "1", "0", "0", "0", "1", "0"],
                          ["Итого", "5", "3", "1", "1", "1", "1", "1"]]
    only_2016 = reports.build(vault, "stats", lang="en", period=("2015", "2016"))
    table = next(t for t in tables(only_2016) if t.caption == "Registered as torture, charged as abuse of power")
    assert table.rows == [["2016", "1", "1", "0", "0", "0", "1", "0"]]


def test_the_central_finding_over_the_demo_matches_a_count_of_its_records(tmp_path):
    from monitor.core.demo.create import create_demo_vault

    path = tmp_path / "demo.vault"
    create_demo_vault(path, PASSPHRASE, cases=40, seed=5, kdf=TEST_KDF)
    with reopen(path) as vault:
        bodies = [p.body for p in vault.records("proceeding")]
        report = reports.build(vault, "stats", lang="en")
    # counted here by reading each record's fields, without the module's helpers
    expected: dict[int, list[int]] = {}
    for b in bodies:
        reg = b.get("article_registered") or b.get("article")
        reg = reg.get("article") if isinstance(reg, dict) else reg
        if reg is None:
            reg = next((d["article"]["article"] for d in sorted(b.get("decisions", []), key=lambda d: d["date"])
                        if d["kind"] == "registered" and d.get("article")), None)
        if reg not in ("cc1997-141-1", "cc2014-146"):
            continue
        year = int((b.get("erdr_date") or b.get("date_opened") or "")[:4] or 0) or None
        if year is None:
            year = next((int(d["date"][:4]) for d in b.get("decisions", []) if d["kind"] == "registered"), None)
        if year is None:  # never registered as a criminal case
            continue
        later = set()
        for key in ("article_charged", "article_judgment"):
            ref = b.get(key)
            later.add(ref.get("article") if isinstance(ref, dict) else ref)
        later |= {c["article"]["article"] if isinstance(c["article"], dict) else c["article"]
                  for c in b.get("charges") or []}
        later |= {(d.get("article") or {}).get("article") for d in b.get("decisions", [])
                  if d["kind"] in ("charged", "sent_to_court", "judgment", "appeal_decided")}
        row = expected.setdefault(year, [0, 0])
        row[0] += 1
        row[1] += bool(later & {"cc1997-307", "cc1997-308", "cc2014-362"})
    table = next((t for t in tables(report) if t.caption == "Registered as torture, charged as abuse of power"), None)
    shown = {int(r[0]): [int(r[1]), int(r[2])] for r in (table.rows if table else []) if re.fullmatch(r"\d{4}", r[0])}
    assert shown == expected
    assert sum(v[0] for v in expected.values()) >= 1, "the demo registers no torture case: the test proves nothing"
    assert sum(v[1] for v in expected.values()) >= 1, "no demo torture case went on as abuse of power"


def test_series_helpers():
    import datetime as dt

    spans: dict = {}
    statistics.cover(spans, dt.date(2013, 1, 1), dt.date(2013, 5, 31))
    assert statistics.partial_span(spans, 2013) == (dt.date(2013, 1, 1), dt.date(2013, 5, 31))
    statistics.cover(spans, dt.date(2013, 6, 1), dt.date(2013, 12, 31))
    assert statistics.partial_span(spans, 2013) is None
    assert statistics.scope({"region": "Республика Казахстан", "article": "cc1997-141-1"}) == "cc1997-141-1"
    assert statistics.scope({}) == ""
    assert statistics.scope({"region": "Павлодарская область"}) is None
