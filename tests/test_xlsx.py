"""Spreadsheets from coordinators: an .xlsx sheet with Russian or Kazakh headers, vocabulary labels and real
date cells loads as its CSV would; a broken sheet names the sheet, row and column in the reader's language
and writes nothing; a damaged or hostile workbook is a one-line error."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest
from test_csv import cases, digest

from monitor.core.errors import LoadError, MonitorError
from monitor.core.io.loader import load_file


def workbook(path, sheets: dict[str, list[list]]):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


CASES = [
    ["Код дела", "Название", "Статус", "Начало периода", "Дата события", "Описание события", "Методы"],
    ["KZ-2013-0001", "Пытки в ИВС Шымкента", "Жалоба подана", dt.date(2013, 3, 12), dt.datetime(2013, 3, 12),
     "Избиение при задержании", "избиение; УГРОЗЫ"],
    [],
    ["KZ-2013-0002", "Қамау кезінде ұрып-соғу", "открыто", dt.datetime(2014, 1, 2), None, None, None],
]


def test_a_russian_sheet_with_date_cells_loads_like_its_csv(vault, tmp_path):
    path = workbook(tmp_path / "дела.xlsx", {"Дела": CASES})
    report = load_file(vault, path)
    assert (report.created, report.sheet) == (2, "Дела")
    loaded = cases(vault)
    first = loaded["KZ-2013-0001"]
    assert (first["status"], first["period_start"]) == ("complaint_filed", "2013-03-12")
    assert first["allegations"][0]["methods"] == ["beating", "threats"]
    assert loaded["KZ-2013-0002"]["period_start"] == "2014-01-02"
    assert loaded["KZ-2013-0002"]["title"] == "Қамау кезінде ұрып-соғу"
    assert load_file(vault, path).unchanged == 2  # the same sheet again changes nothing


def test_the_sheet_is_chosen_by_name(vault, tmp_path):
    path = workbook(tmp_path / "book.xlsx", {"Заметки": [["что угодно"]], "Дела": CASES})
    assert load_file(vault, path, sheet="Дела").created == 2
    with pytest.raises(LoadError) as info:
        load_file(vault, path, sheet="Жалобы")
    assert info.value.localized("ru") == "в книге нет листа «Жалобы»; листы книги: Заметки, Дела"


@pytest.mark.parametrize("lang, expected", [
    ("ru", "лист «Дела», строка 4, столбец 'Статус' (status): «бесконечно» — не термин"),
    ("kk", "«Дела» парағы, 4-жол, 'Статус' (status) бағаны: «бесконечно» — «case_status» сөздігінің термині емес"),
])
def test_a_broken_sheet_names_sheet_row_and_column_and_writes_nothing(vault, tmp_path, lang, expected):
    rows = [list(r) for r in CASES]
    rows[3][2] = "бесконечно"
    path = workbook(tmp_path / "broken.xlsx", {"Дела": rows})
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(vault.path)
    with pytest.raises(MonitorError) as info:
        load_file(vault, path)
    message = info.value.localized(lang)
    assert message.startswith(expected), message
    assert "\n" not in message
    assert digest(vault.path) == before


def test_a_cell_beyond_the_header_is_refused(vault, tmp_path):
    rows = [list(r) for r in CASES[:2]]
    rows[1].append("лишнее")
    with pytest.raises(LoadError) as info:
        load_file(vault, workbook(tmp_path / "wide.xlsx", {"Дела": rows}))
    assert info.value.localized("ru").startswith("лист «Дела», строка 2: ячеек 8, а в заголовке столбцов 7")


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"\x00" * 4096, "Код дела;Название\n".encode()])
def test_a_damaged_workbook_is_a_one_line_error(vault, tmp_path, content):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(vault.path)
    with pytest.raises(LoadError) as info:
        load_file(vault, path)
    assert "not a readable .xlsx workbook" in str(info.value) and "\n" not in str(info.value)
    assert digest(vault.path) == before


def test_a_zip_declaring_a_huge_string_table_is_refused_before_reading(vault, tmp_path):
    path = workbook(tmp_path / "book.xlsx", {"Дела": CASES})
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, source.read(item))
        # 300 MB of one repeated byte compresses to a few hundred KB
        with out.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
            chunk = b"<" * (1024 * 1024)
            for _ in range(300):
                strings.write(chunk)
    with pytest.raises(LoadError) as info:
        load_file(vault, bomb)
    assert "sharedStrings.xml" in str(info.value)


def test_the_cli_loads_a_sheet(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import PASSPHRASE, TEST_KDF
    from monitor.core.store.vault import Vault

    vault_path = tmp_path / "v.vault"
    Vault.create(vault_path, PASSPHRASE, kdf=TEST_KDF).close()
    (tmp_path / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(MONITOR_PASSPHRASE_FILE=str(tmp_path / "pass"), MONITOR_LANG="ru", HOME=str(tmp_path))
    path = workbook(tmp_path / "дела.xlsx", {"Лист1": [["x"]], "Дела": CASES})
    done = subprocess.run([sys.executable, "-m", "monitor", "load", str(path), "--sheet", "Дела", "--vault",
                           str(vault_path)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "загружено записей: 2" in done.stdout
