"""Medical evaluation, visit and statistics reports, on real vaults and real PDFs, in ru, kk and en."""

from __future__ import annotations

import io
import re

import pytest
from records import SECRET, full_set, new_visit, uid
from devices import introduce, signed
from reports_support import assert_fonts_embedded, flat, pdftotext, png_bytes, qpdf_check

from monitor.core import reports
from monitor.core.reports.redaction import ReportRefused
from monitor.core.history.revisions import new_id

CASE, VISIT, EXAM, PERSON, VICTIM2 = uid(6), uid(2), uid(8), uid(3), uid(4)

# The seed report's table: statements on torture and criminal cases opened, 2009 – January–May 2013
SEED = [(2009, 14, 3), (2010, 36, 10), (2011, 52, 15), (2012, 602, 18), (2013, 304, 19)]


def stocked(vault, *, keep_statistic=False, change=None):
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    records = full_set(blob.sha256, blob.size)
    if not keep_statistic:
        records = [r for r in records if r["type"] != "statistic"]
    if change:
        change(records)
    vault.put_many(records)
    return vault


def seed_statistics(vault):
    rows = []
    for year, statements, cases in SEED:
        end = f"{year}-05-31" if year == 2013 else f"{year}-12-31"
        for indicator, value in (("complaints_registered", statements), ("criminal_cases_opened", cases)):
            rows.append({"id": new_id(), "type": "statistic", "indicator": indicator, "value": value,
                         "period_start": f"{year}-01-01", "period_end": end, "source_authority": "prosecutor",
                         "source_document": "Генеральная прокуратура РК, ответ на запрос"})
    vault.put_many(rows)


# --- medical evaluation ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [
    ("ru", ["Медицинское заключение (Стамбульский протокол)", "1. Сведения о случае", "7. Физикальное обследование",
            "12. Интерпретация результатов", "17. Приложения: схемы тела", "вполне соответствует",
            "Верхняя часть спины", "Тревожность, нарушения сна", "Д-р Әсел Нұрланова"]),
    ("kk", ["Медициналық қорытынды (Стамбул хаттамасы)", "1. Іс туралы мәліметтер", "14. Шындық туралы мәлімдеме",
            "Стамбул хаттамасы бойынша сәйкестік дәрежелері", "Жалпы қорытынды", "Дене жарақаттары"]),
    ("en", ["Medical evaluation report", "Istanbul Protocol, Annex IV", "3. Statement on the veracity of the testimony",
            "highly consistent with", "diagnostic of", "Graded against", "Allegation 1", "Signature:"]),
])
def test_medical_report(vault, tmp_path, lang, expected):
    stocked(vault)
    out = tmp_path / f"m-{lang}.pdf"
    result = reports.generate(vault, "medical", out, subject_id=EXAM, lang=lang)
    text = flat(pdftotext(out))
    for phrase in expected:
        assert phrase in text, phrase
    assert result.source_digest in text
    assert_fonts_embedded(out)
    qpdf_check(out)


def test_medical_report_pseudonymised_names_nobody(vault, tmp_path):
    stocked(vault)
    out = tmp_path / "m.pdf"
    reports.generate(vault, "medical", out, subject_id=EXAM, lang="kk", level="pseudonymised")
    text = flat(pdftotext(out))
    for value in (SECRET, "Kairat", "1990-05-17", "+7 700", "Әсел Нұрланова"):
        assert value not in text
    assert "P-2026-0042" in text


def test_medical_report_needs_documentation_consent(vault, tmp_path):
    stocked(vault)
    exam = {**vault.get(EXAM), "id": new_id(), "person_id": VICTIM2}
    exam.pop("consent_id")
    vault.put(exam)
    with pytest.raises(ReportRefused, match="consent"):
        reports.generate(vault, "medical", tmp_path / "x.pdf", subject_id=exam["id"])
    assert not (tmp_path / "x.pdf").exists()


def test_medical_report_views_and_allegation_grading(vault):
    def change(records):
        for r in records:
            if r["type"] == "examination":
                inj = r["injuries"][0]
                r["injuries"].append({**inj, "id": uid(120), "view": "soles", "region": "foot_left",
                                      "x": 0.3, "y": 0.5, "consistency": "typical", "allegation_id": uid(102)})
    stocked(vault, change=change)
    report = reports.build(vault, "medical", subject_id=EXAM, lang="en")
    diagrams = [b for b in report.walk() if type(b).__name__ == "BodyDiagram"]
    assert diagrams and diagrams[0].views == ["front", "back", "soles"]
    assert [m.number for m in diagrams[0].markers] == [1, 2]
    assert "typical of" in report.text()


# --- visit report ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [
    ("ru", ["Отчёт о посещении", "Учреждение и численность содержащихся", "Уровень наполняемости", "95 %",
            "Обеспечить доступ к врачу", "Положительная практика", "Журналы ведутся аккуратно"]),
    ("kk", ["Бару туралы есеп", "Мекеме және ондағы адамдар саны", "Тақырыптар бойынша тұжырымдар",
            "Қарағанды қаласының ИВС", "Су жеткіліксіз"]),
    ("en", ["Visit report", "Summary", "The place and its population", "Occupancy rate", "Good practice",
            "Findings by theme"]),
])
def test_visit_report(vault, tmp_path, lang, expected):
    stocked(vault)
    out = tmp_path / f"v-{lang}.pdf"
    reports.generate(vault, "visit", out, subject_id=VISIT, lang=lang)
    text = flat(pdftotext(out))
    for phrase in expected:
        assert phrase in text, phrase
    assert "внутренняя заметка" not in text  # internal notes are never printed
    assert_fonts_embedded(out)
    qpdf_check(out)


def test_visit_report_identifies_nobody_even_at_full_level(vault, tmp_path):
    def change(records):
        for r in records:
            if r["type"] == "visit":
                r["findings"][0]["text"] = f"{SECRET} и Kairat Abilkasymov жаловались на избиение"
    stocked(vault, change=change)
    out = tmp_path / "v.pdf"
    reports.generate(vault, "visit", out, subject_id=VISIT, lang="ru", level="full")
    text = flat(pdftotext(out))
    assert SECRET not in text and "Kairat" not in text and "Abilkasymov" not in text
    assert "P-2026-0042 и P-2026-0042 жаловались на избиение" in text


def test_visit_report_refused_access_and_earlier_recommendations(vault):
    stocked(vault)
    old_rec = uid(200)
    earlier = new_visit(new_id(), uid(1), date_start="2025-09-01",
                        recommendations=[{"id": old_rec, "text": "Установить окна в камерах", "status": "new"}])
    later = new_visit(new_id(), uid(1), date_start="2026-04-01", outcome="partly_denied",
                      access_denied={"areas": ["ШИЗО"], "refused_by": "начальник ИВС", "reason_given": "карантин"},
                      recommendations=[{"id": new_id(), "text": "Установить окна в камерах", "status": "not_implemented",
                                        "follows": old_rec, "response": {"date": "2026-03-01", "text": "Нет средств"}}])
    vault.put_many([earlier, later])
    text = reports.build(vault, "visit", subject_id=later["id"], lang="ru").text()
    assert "Отказ или препятствия в доступе" in text and "ШИЗО" in text and "карантин" in text
    assert "Прежние рекомендации и их выполнение" in text
    assert re.search(r"Установить окна в камерах \| Не выполнена", text) or "Не выполн" in text
    assert "Нет средств" in text


# --- statistics -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, partial", [("en", "2013 (January–May)"), ("ru", "2013 (январь–май)"),
                                           ("kk", "2013 (қаңтар–мамыр)")])
def test_statistics_report_shows_the_seed_table(vault, tmp_path, lang, partial):
    stocked(vault)
    seed_statistics(vault)
    out = tmp_path / f"s-{lang}.pdf"
    reports.generate(vault, "stats", out, lang=lang)
    text = flat(pdftotext(out, layout=True))
    for year, statements, cases in SEED[:-1]:
        assert re.search(rf"\b{year} {statements} {cases} ", text), (year, text[:3000])
    assert f"{partial} 304 19 " in text
    for year in (2009, 2010, 2011, 2012):
        assert f"{year} (" not in text  # full years are not marked
    assert_fonts_embedded(out)
    qpdf_check(out)


def test_statistics_model_rates_charges_sentences(vault):
    stocked(vault, keep_statistic=True)
    report = reports.build(vault, "stats", lang="en")
    assert report.level == "aggregate" and report.kind == "stats"
    tables = [b for b in report.walk() if type(b).__name__ == "Table"]
    main = tables[0]
    assert main.rows == [["2013 (January–May)", "304", "—", "—"]]
    assert main.flagged_rows == {0}  # the partial year is highlighted
    text = report.text()
    # the proceeding charges two officers under exceeding authority (Art. 362), none under torture
    torture_vs_abuse = next(t for t in tables if t.caption == "Torture vs exceeding authority")
    assert torture_vs_abuse.rows[-1] == ["Total", "0", "2", "0"]
    sentences = next(t for t in tables if t.columns[0] == "Years of imprisonment")
    assert dict((r[0], r[1]) for r in sentences.rows)["3–5"] == "1"  # 3 years (suspended)
    assert dict((r[0], r[1]) for r in sentences.rows)["6–10"] == "1"  # 7 years
    assert "Punishment cell" in text or "punishment" in text.lower()  # reprisals by kind
    assert SECRET not in text and "P-2026-0042" not in text  # numbers only
    assert "Карагандинской" not in text


def test_statistics_say_how_many_counted_records_are_in_conflict(vault):
    from monitor.core.history.revisions import Revision, utc_now

    stocked(vault)
    complaint = vault.get(uid(10))
    vault.put({**complaint, "reference": "ЖТ-2026/114-А"})
    first = vault.history(uid(10))[0]
    sibling = signed(Revision(new_id(), uid(10), "complaint", (first.rev,), "other", new_id(), utc_now(), False,
                              {**complaint, "reference": "ЖТ-2026/114-Б"}))
    introduce(vault, sibling.device)
    with vault.writing():
        vault.insert_revision(sibling)
    report = reports.build(vault, "stats", lang="kk")
    assert report.conflicts == ["Қайшылықтағы жазбалар (қатар нұсқалар келісілмеген): 1; "
                                "әрқайсысының соңғы нұсқасы есептелді."]


def test_statistics_period_filter(vault):
    stocked(vault)
    seed_statistics(vault)
    text = reports.build(vault, "stats", lang="en", period=("2010", "2011")).text()
    assert "2010 | 36 | 10 | 0.28 (27.8%)" in text and "2011 | 52 | 15" in text
    assert "602" not in text and "2009 |" not in text


# --- body diagrams: the shared vector views when present, the stand-in outline otherwise ----------

def test_body_diagram_uses_the_shared_views_when_monitor_has_them(monkeypatch):
    import sys
    import types
    from dataclasses import dataclass

    from reportlab.graphics.shapes import PolyLine

    from monitor.core.reports import outline
    from monitor.core.reports.model import Marker

    @dataclass
    class View:
        name: str
        width: float = 100.0
        height: float = 250.0
        paths: tuple = (((10.0, 10.0), (90.0, 10.0), (90.0, 240.0), (10.0, 10.0)), ((50.0, 0.0), (50.0, 250.0)))
        marks: tuple = ()

    def fit(v, width, height, margin=0.0):
        scale = min((width - 2 * margin) / v.width, (height - 2 * margin) / v.height)
        return scale, (width - v.width * scale) / 2, (height - v.height * scale) / 2

    def polylines(drawing):
        found = []

        def walk(node):
            for child in getattr(node, "contents", []):
                if isinstance(child, PolyLine):
                    found.append(child)
                walk(child)
        walk(drawing)
        return found

    markers = [Marker(1, "front", 0.5, 0.5, "typical"), Marker(2, "back", 0.1, 0.9, None)]
    stand_in = outline.body_drawing(["front", "back"], markers, {}, 400, "MonitorSans", "MonitorSans-Bold")
    fake = types.ModuleType("monitor.core.model.diagram")
    fake.view = lambda name: View(name)
    fake.fit = fit
    monkeypatch.setitem(sys.modules, "monitor.core.model.diagram", fake)
    import monitor.core.model

    monkeypatch.setattr(monitor.core.model, "diagram", fake, raising=False)
    shared = outline.body_drawing(["front", "back"], markers, {}, 400, "MonitorSans", "MonitorSans-Bold")
    assert len(polylines(shared)) == 4  # two paths per view, from the shared resource
    assert len(polylines(shared)) != len(polylines(stand_in))
