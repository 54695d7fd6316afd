"""Spreadsheets out (issue 19 §7): each exported CSV kind written as an .xlsx workbook with headers and
vocabulary labels in the chosen language, dates as date cells and codes for people and cases, which
`monitor load` reads back into a fresh vault as the same records; text never becomes a formula; the
write is logged in the audit trail."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import openpyxl
import pytest
from conftest import PASSPHRASE, TEST_KDF
from records import new_case, uid

from monitor.core.errors import LoadError
from monitor.core.io.loader import load_file
from monitor.core.io.sheets_out import EXPORTED_KINDS, export_kind, table_workbook
from monitor.core.store.reading import audit_of_actions
from monitor.core.store.vault import Vault

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
ORDER = ("persons.jsonl", "cases.csv", "complaints.csv", "proceedings.csv", "consent.csv", "reprisals.csv",
         "official-statistics.csv")


@pytest.fixture
def stocked(vault):
    for name in ORDER:
        load_file(vault, EXAMPLES / name)
    return vault


def bodies(vault: Vault, record_type: str) -> dict[str, dict]:
    return {r.id: r.body for r in vault.records(record_type)}


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_exported_kind_loads_back_into_a_fresh_vault_as_the_same_records(stocked, tmp_path, lang):
    books = {}
    for kind in EXPORTED_KINDS:
        books[kind] = tmp_path / f"{kind}.xlsx"
        rows, partial = export_kind(stocked, kind, books[kind], lang=lang)
        records = bodies(stocked, kind)
        expected = sum(max(1, len(b.get("charges") or [])) for b in records.values())  # a row per charge
        assert (rows, partial) == (expected, 0) and rows > 0
    fresh = Vault.create(tmp_path / "fresh.vault", PASSPHRASE, kdf=TEST_KDF, profile="tester")
    try:
        load_file(fresh, EXAMPLES / "persons.jsonl")
        for kind in EXPORTED_KINDS:  # cases first: the others name them by code
            report = load_file(fresh, books[kind])
            assert report.created == len(bodies(stocked, kind)), kind
        for kind in EXPORTED_KINDS:
            assert bodies(fresh, kind) == bodies(stocked, kind), kind
    finally:
        fresh.close()


def test_headers_labels_dates_and_codes_are_as_the_reader_would_type_them(stocked, tmp_path):
    export_kind(stocked, "complaint", tmp_path / "ru.xlsx", lang="ru")
    export_kind(stocked, "case", tmp_path / "kk.xlsx", lang="kk")
    rows = list(openpyxl.load_workbook(tmp_path / "ru.xlsx").active.values)
    header = rows[0]
    assert header[:5] == ("id", "case_id", "код дела", "дата подачи", "орган")
    first = dict(zip(header, rows[1]))
    assert first["case_id"] is None and first["код дела"].startswith("KZ-")  # the case by its code
    assert isinstance(first["дата подачи"], dt.datetime)  # a real date cell
    authority = next(iter(bodies(stocked, "complaint").values()))["authority"]
    assert first["орган"] == stocked.label("authority", authority, "ru") != authority
    kk = list(openpyxl.load_workbook(tmp_path / "kk.xlsx").active.values)
    assert kk[0][1:4] == ("іс коды", "атауы", "мәртебесі")
    status = dict(zip(kk[0], kk[1]))["мәртебесі"]
    assert status in {stocked.label("case_status", b["status"], "kk") for b in bodies(stocked, "case").values()}


def test_text_that_looks_like_a_formula_stays_text(vault, tmp_path):
    vault.put(new_case(uid(1), code="KZ-2026-0009", title='=HYPERLINK("http://x","y")', summary="=1+1"))
    export_kind(vault, "case", tmp_path / "c.xlsx")
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    cells = {c.value: c.data_type for c in book.active[2] if c.value is not None}
    assert cells['=HYPERLINK("http://x","y")'] == "s" and cells["=1+1"] == "s"


def test_a_record_the_row_cannot_hold_whole_is_counted(vault, tmp_path):
    import uuid

    from monitor.core.io.csv_cells import CSV_NAMESPACE

    def allegation(id_, n):
        return {"id": id_, "description": f"событие {n}", "methods": ["beating"]}

    derived = str(uuid.uuid5(CSV_NAMESPACE, f"allegation:{uid(2)}"))
    vault.put(new_case(uid(1), code="KZ-2026-0001", allegations=[allegation(uid(11), 1), allegation(uid(12), 2)]))
    vault.put(new_case(uid(2), code="KZ-2026-0002", allegations=[allegation(derived, 1)]))
    vault.put(new_case(uid(3), code="KZ-2026-0003", allegations=[allegation(uid(13), 1)]))  # not the derived id
    vault.put(new_case(uid(4), code="KZ-2026-0004", tags=["пытки", "ИВС"]))
    vault.put(new_case(uid(5), code="KZ-2026-0005", tags=["a;b"]))  # would load back as two tags
    vault.put(new_case(uid(6), code="KZ-2026-0006", summary="ә" * 40_000))  # a cell holds 32,767 characters
    assert export_kind(vault, "case", tmp_path / "c.xlsx") == (6, 4)
    (entry,) = audit_of_actions(vault, ("sheet-written",))
    assert "rows=6 partial=4" in entry[-1]


def test_the_write_is_audited_and_other_types_are_refused(stocked, tmp_path):
    export_kind(stocked, "statistic", tmp_path / "s.xlsx", lang="kk")
    (entry,) = audit_of_actions(stocked, ("sheet-written",))
    digest = hashlib.sha256((tmp_path / "s.xlsx").read_bytes()).hexdigest()
    assert entry[-1] == f"kind=statistic rows=10 partial=0 lang=kk sha256={digest}"
    with pytest.raises(LoadError) as info:
        export_kind(stocked, "visit", tmp_path / "p.xlsx")
    assert "'visit' is not exported" in info.value.localized("en") and not (tmp_path / "p.xlsx").exists()


def test_a_table_as_shown_becomes_a_sheet(tmp_path):
    data = table_workbook([("Дела", ["Код", "Дата"], [["KZ-1", dt.date(2026, 1, 2)], ["=x", None]])])
    (tmp_path / "t.xlsx").write_bytes(data)
    rows = list(openpyxl.load_workbook(tmp_path / "t.xlsx")["Дела"].values)
    assert rows == [("Код", "Дата"), ("KZ-1", dt.datetime(2026, 1, 2)), ("=x", None)]


@pytest.mark.process
def test_the_command_warns_writes_and_the_sheet_loads_back(tmp_path):
    from test_cli import CLI

    cli = CLI(tmp_path)
    cli("init")
    for name in ("persons.jsonl", "cases.csv", "complaints.csv"):
        cli("load", str(EXAMPLES / name))
    out = tmp_path / "жалобы.xlsx"
    cli.env["MONITOR_LANG"] = "ru"
    result = cli("export-sheet", "complaint", "--out", str(out))
    assert "ОТКРЫТЫМ ТЕКСТОМ" in result.stderr and "записано строк: 2" in result.stdout
    assert "вмещает строка" not in result.stderr  # the examples' complaints fit their rows
    assert next(iter(openpyxl.load_workbook(out).active.values))[2] == "код дела"  # the interface language
    cli.env["MONITOR_LANG"] = "en"
    assert "0 new, 0 updated, 2 unchanged" in cli("load", str(out)).stdout
    two = [{"id": uid(50 + n), "description": "событие", "methods": ["beating"]} for n in (1, 2)]
    (tmp_path / "case.jsonl").write_text(json.dumps(new_case(uid(60), code="KZ-2026-0060", allegations=two),
                                                    ensure_ascii=False) + "\n", encoding="utf-8")
    cli("load", str(tmp_path / "case.jsonl"))
    partial = cli("export-sheet", "case", "--out", str(tmp_path / "cases.xlsx"))
    assert "1 records hold more than their row can" in partial.stderr
    refused = cli("export-sheet", "visit", "--out", str(tmp_path / "p.xlsx"), ok=False)
    assert refused.returncode != 0 and not (tmp_path / "p.xlsx").exists()


# --- the complainant and facilities by name (loader) -----------------------------------------------

def _facilities(vault):
    from records import new_facility

    vault.put(new_facility(uid(101), name="ИВС ДП г. Шымкента"))
    vault.put(new_facility(uid(102), name="Учреждение ЕЦ-166/18", type_key="colony"))
    vault.put(new_facility(uid(103), name="СИЗО-1"))
    vault.put(new_facility(uid(104), name="сизо-1"))


def test_facilities_by_name_and_the_complainant_by_code_load_and_export_back(stocked, tmp_path):
    from test_csv import write

    _facilities(stocked)
    person = next(r for r in stocked.records("person"))
    case = write(tmp_path, "Код дела,Название,Статус,Учреждение\n"
                           "KZ-2026-0100,Тест,открыто,  ивс дп Г. ШЫМКЕНТА \n", "c.csv")
    load_file(stocked, case)
    loaded = next(r.body for r in stocked.records("case") if r.body["code"] == "KZ-2026-0100")
    assert loaded["facility_id"] == uid(101)
    complaint = write(tmp_path, "Код дела,Дата подачи,Орган,Статус,Код заявителя\n"
                                f"KZ-2026-0100,02.03.2026,prosecutor,filed,{person.body['code']}\n", "k.csv")
    load_file(stocked, complaint)
    filed = next(r.body for r in stocked.records("complaint") if r.body["case_id"] == loaded["id"])
    assert filed["complainant_id"] == person.id
    export_kind(stocked, "case", tmp_path / "c.xlsx", lang="ru")
    export_kind(stocked, "complaint", tmp_path / "k.xlsx", lang="kk")
    case_rows = [dict(zip(*pair)) for pair in [(r[0], row) for r in [list(openpyxl.load_workbook(
        tmp_path / "c.xlsx").active.values)] for row in r[1:]]]
    ours = next(r for r in case_rows if r["код дела"] == "KZ-2026-0100")
    assert (ours["учреждение"], ours["facility_id"]) == ("ИВС ДП г. Шымкента", None)
    complaint_rows = list(openpyxl.load_workbook(tmp_path / "k.xlsx").active.values)
    ours = next(dict(zip(complaint_rows[0], r)) for r in complaint_rows[1:] if r[2] == "KZ-2026-0100")
    assert (ours["шағымданушы коды"], ours["complainant_id"]) == (person.body["code"], None)
    assert load_file(stocked, tmp_path / "c.xlsx").unchanged == len(case_rows)
    assert load_file(stocked, tmp_path / "k.xlsx").unchanged == len(complaint_rows) - 1


@pytest.mark.parametrize("name, lang, expected", [
    ("ИВС-9", "ru", "строка 2, столбец 'Учреждение' (facility): в хранилище нет учреждения «ИВС-9»"),
    ("Сизо-1", "kk", ("2-жол, 'Учреждение' (facility) бағаны: «Сизо-1» деп аталатын мекемелер саны: 2; "
                      "оның орнына facility_id көрсетіңіз")),
])
def test_an_unknown_or_shared_facility_name_is_refused_in_the_readers_language(vault, tmp_path, name, lang,
                                                                              expected):
    from test_csv import write

    _facilities(vault)
    path = write(tmp_path, f"Код дела,Название,Статус,Учреждение\nKZ-2026-0100,Тест,открыто,{name}\n", "c.csv")
    with pytest.raises(LoadError) as info:
        load_file(vault, path)
    assert info.value.localized(lang) == expected
    assert not list(vault.records("case"))


def test_a_proceeding_is_a_row_per_charge_and_a_second_victim_is_counted(stocked, tmp_path):
    export_kind(stocked, "proceeding", tmp_path / "p.xlsx", lang="ru")
    rows = list(openpyxl.load_workbook(tmp_path / "p.xlsx").active.values)
    header = rows[0]
    convicted = [dict(zip(header, r)) for r in rows[1:] if r[header.index("номер дела")] == "131500021000045"]
    assert len(convicted) == 2  # two defendants, one row each, the proceeding's columns on both
    from monitor.core.io.csv_kinds import CSV_KINDS
    from monitor.core.io.sheets_out import header_for

    names = dict(zip([c.name for c in CSV_KINDS["proceeding"].columns], header_for(CSV_KINDS["proceeding"], "ru")))
    assert sorted(r[names["defendant_code"]] for r in convicted) == ["P-2013-0003", "P-2013-0004"]
    assert [r[names["ban_years"]] for r in convicted] == [3, None] and convicted[1][names["probation_years"]] == 2
    assert convicted[0]["статус"] == convicted[1]["статус"] and convicted[0]["id"] == convicted[1]["id"]
    proceeding = next(r.body for r in stocked.records("proceeding") if len(r.body.get("charges", [])) == 2)
    others = [r.id for r in stocked.records("person") if r.id != proceeding["victims"][0]["person_id"]]
    stocked.put({**proceeding, "victims": [*proceeding["victims"], {"person_id": others[0], "status": "recognised"}]})
    assert export_kind(stocked, "proceeding", tmp_path / "p2.xlsx")[1] == 1
