"""Native Russian and Kazakh in the reports, by Babel and pyphen: dates, local times with their zone,
numbers, plural forms, language and country names, unbroken words in table cells, the body
diagram's letters and colour legend, and the consistency terms with their meanings."""

from __future__ import annotations

import re

import pytest
from reports_support import pdftotext
from test_reports_kinds import CASE, EXAM, VISIT, stocked

from monitor.core import reports
from monitor.core.reports import i18n, locale

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
LETTERS = re.compile(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{6,}")


# --- the formatting module ------------------------------------------------------------------------

def test_dates_numbers_and_names_follow_cldr():
    assert locale.date("2010-05-22", "ru") == "22.05.2010"
    assert locale.date("2010-05-22", "kk") == "22.05.2010"
    assert locale.date("2010-05-22", "en") == "May 22, 2010"
    assert locale.ratio(3, 14, "ru") == "0,21 (21,4\u00a0%)"
    assert locale.ratio(3, 14, "en") == "0.21 (21.4%)"
    assert locale.number(12345, "ru") == "12\u00a0345"
    assert locale.languages(["kk", "ru"], "ru") == "казахский, русский"
    assert locale.language_name("ru", "kk") == "орыс тілі"
    assert locale.country_name("Kazakhstan", "ru") == "Казахстан"
    assert locale.country_name("KZ", "kk") == "Қазақстан"


def test_times_are_local_to_the_place_with_their_zone():
    # Almaty was UTC+6 in 2010; Aktobe, in the west, UTC+5; one zone (UTC+5) since March 2024
    assert locale.when("2010-05-22T10:00:00Z", "ru", "город Алматы") == "22.05.2010 16:00 (Алматы, UTC+06:00)"
    assert locale.when("2010-05-22T10:00:00Z", "ru", "Актюбинская область") == "22.05.2010 15:00 (Актобе, UTC+05:00)"
    assert locale.when("2010-05-22T10:00:00Z", "kk", "Ақтөбе облысы") == "22.05.2010 15:00 (Ақтөбе, UTC+05:00)"
    assert locale.when("2025-05-22T10:00:00Z", "ru", None) == "22.05.2025 15:00 (Алматы, UTC+05:00)"
    assert locale.when("2010-05-22T16:00:00+06:00", "en", "Kostanay Region") == "May 22, 2010 4:00\u202fPM (Kostanay, UTC+06:00)"
    assert locale.zone_name("Западно-Казахстанская область") == "Asia/Oral"


@pytest.mark.parametrize("lang, n, expected", [
    ("ru", 1, "1 год"), ("ru", 2, "2 года"), ("ru", 4, "4 года"), ("ru", 5, "5 лет"), ("ru", 11, "11 лет"),
    ("ru", 14, "14 лет"), ("ru", 21, "21 год"), ("ru", 23, "23 года"), ("ru", 111, "111 лет"),
    ("kk", 1, "1 жыл"), ("kk", 5, "5 жыл"), ("en", 1, "1 year"), ("en", 3, "3 years"),
])
def test_counts_agree_with_their_number(lang, n, expected):
    assert i18n.Tr(lang)("years_n", n=n) == expected


# --- the printed reports --------------------------------------------------------------------------

def lines_joined(text: str) -> str:
    """pdftotext's lines as one text: a line ending in a hyphen continues the word on the next."""
    out = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return " ".join(out.split())


def wrong_numerals(text: str, lang: str) -> list[str]:
    """Counts that disagree with their number: ru «лет» after 1–4 or a number ending in 1–4 (not
    11–14); kk «жылдар»/«айлар» after any number (Kazakh keeps the singular after a numeral)."""
    if lang == "ru":
        return [m.group(0) for m in re.finditer(r"\b(\d+)\s+лет\b", text)
                if int(m.group(1)) % 10 in (1, 2, 3, 4) and int(m.group(1)) % 100 not in (11, 12, 13, 14)]
    return re.findall(r"\b\d+\s+(?:жылдар|айлар|күндер)\b", text)


def cell_words(report) -> set[str]:
    words = set()
    for block in report.walk():
        if type(block).__name__ == "Table":
            for row in [block.columns, *block.rows]:
                for cell in row:
                    words.update(LETTERS.findall(str(cell)))
    return words


def sentence(vault):
    """A conviction of 3 years, suspended with 1 year's probation, and a 21-year term: counts to agree."""
    from test_reports_kinds import uid

    for rec in vault.records("proceeding"):
        body = dict(rec.body)
        for charge in body.get("charges", []):
            for pun in charge.get("punishments", []):
                if pun.get("years"):
                    pun["years"] = 21 if pun.get("kind") == "imprisonment" else 3
                if pun.get("probation_years"):
                    pun["probation_years"] = 1
        vault.put(body)
    return uid


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_reports_print_native_dates_counts_and_whole_words(vault, tmp_path, lang):
    stocked(vault)
    sentence(vault)
    for kind, subject in (("dossier", CASE), ("medical", EXAM), ("visit", VISIT)):
        out = tmp_path / f"{kind}-{lang}.pdf"
        report = reports.build(vault, kind, subject_id=subject, lang=lang)
        reports.generate(vault, kind, out, subject_id=subject, lang=lang)
        text = pdftotext(out)
        flat = " ".join(text.split())
        assert not ISO_DATE.findall(flat), (kind, ISO_DATE.findall(flat)[:5])
        assert not wrong_numerals(flat, lang), (kind, wrong_numerals(flat, lang))
        joined = lines_joined(text)
        broken = sorted(w for w in cell_words(report) if w not in joined)
        assert not broken, (kind, broken)  # a word broken across lines without a hyphen
        if kind == "dossier":
            if lang == "ru":
                assert "21 год" in flat and "испытательный срок 1 год" in flat and "3 года" in flat
                assert "Гражданство Казахстан" in flat or "Казахстан" in flat
                assert "Язык опроса казахский" in flat
                assert "Степень обезличивания" in flat and "Медицинские обследования" in flat and "Наедине" in flat
            else:
                assert "21 жыл" in flat and "Иесіздендіру дәрежесі" in flat
        if kind == "medical":
            marks = {"ru": ("П", "Л"), "kk": ("О", "С")}[lang]
            lines = {line.strip() for line in text.splitlines()}
            assert set(marks) <= lines and not {"R", "L"} & lines  # the diagram's side letters
            legend = {"ru": "Цвет метки", "kk": "Белгі түсі"}[lang]
            assert legend in flat
            meaning = {"ru": "Повреждение могло быть причинено описанным воздействием, и других возможных причин немного",
                       "kk": "Мұндай көрініс сипатталғаннан басқа ешбір жолмен пайда болуы мүмкін емес"}[lang]
            assert meaning in flat  # the five terms' definitions under the interpretation table
            opinion = {"ru": "Выявленные повреждения вполне соответствуют описанным событиям.",
                       "kk": "жоғары дәрежеде сәйкес келеді"}[lang]
            assert opinion in flat


def test_narrow_cells_hyphenate_russian_and_never_break_kazakh():
    from monitor.core.reports import cells, pdf

    pdf.register_fonts()
    rows = [["№", "Вид"], ["1", "Перфорация барабанной перепонки"], ["2", "Ушибленная рана"]]
    for lang in ("ru", "kk"):
        widths, size = cells.fit(lang, rows, [200.0, 40.0], pdf.FONT, pdf.FONT_BOLD, 8)
        assert abs(sum(widths) - 240.0) < 1e-6
        need = max(cells.narrowest(r[1], "kk", pdf.FONT, size, hyphenate=False) for r in rows)
        assert widths[1] >= need  # the column grew to hold its longest whole word
    assert cells.pieces("Перфорация", "ru") != ["Перфорация"] and cells.pieces("Перфорация", "kk") == ["Перфорация"]
