"""CSV import through the core: streaming, header aliases, vocabulary labels, one-line errors that name
the line and column, and a vault left byte-for-byte unchanged by any error."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER
from records import new_term

from monitor.core.errors import LoadError, MonitorError
from monitor.core.io.csv_kinds import CSV_KINDS
from monitor.core.io.loader import load_file
from monitor.core.store.vault import Vault

DOCS = Path(__file__).resolve().parents[1] / "docs"


def digest(path: Path) -> str:
    """The vault file and its WAL as they are on disk (the vault stays open, as in the GUI)."""
    h = hashlib.sha256(path.read_bytes())
    wal = Path(str(path) + "-wal")
    h.update(wal.read_bytes() if wal.exists() else b"")
    return h.hexdigest()


def write(tmp_path: Path, text: str, name: str = "in.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding=encoding)
    return path


def refused(vault: Vault, path: Path, expected: str, **kwargs) -> str:
    """Load must fail with one line containing ``expected`` and leave the vault unchanged."""
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(vault.path)
    with pytest.raises(MonitorError) as info:
        load_file(vault, path, **kwargs)
    message = str(info.value)
    assert expected in message, message
    assert "\n" not in message and len(message) < 400, message
    assert digest(vault.path) == before
    return message


def cases(vault: Vault) -> dict[str, dict]:
    return {info.body["code"]: info.body for info in vault.records("case")}


# --- headers in Russian and Kazakh -----------------------------------------------------------------

def test_russian_headers_and_labels(vault, tmp_path):
    path = write(tmp_path, """
        Код дела;Название;Статус;Начало периода;Дата события;Описание события;Методы
        KZ-2013-0001;Пытки в ИВС Шымкента;Жалоба подана;12.03.2013;12.03.2013;Избиение при задержании;"избиение; УГРОЗЫ"
        """)
    assert load_file(vault, path).created == 1
    case = cases(vault)["KZ-2013-0001"]
    assert case["status"] == "complaint_filed"
    assert case["period_start"] == "2013-03-12"
    assert case["allegations"][0]["methods"] == ["beating", "threats"]
    # the same file with keys instead of labels is the same records (ids come from the code)
    keys = write(tmp_path, """
        code,title,status,period_start,allegation_date,allegation_description,methods
        KZ-2013-0001,Пытки в ИВС Шымкента,complaint_filed,2013-03-12,2013-03-12,Избиение при задержании,beating;threats
        """, "keys.csv")
    assert load_file(vault, keys).unchanged == 1


def test_kazakh_headers_and_labels(vault, tmp_path):
    load_file(vault, write(tmp_path, "code,title,status\nKZ-2013-0001,Іс,open\n", "case.csv"))
    path = write(tmp_path, """
        Іс коды\tБерілген күні\tОрган\tМәртебесі\tТіркеу нөмірі\tШағым мәтіні
        KZ-2013-0001\t15.03.2013\tПРОКУРАТУРА\tбас тартылды\t№ 45\tҚамау кезінде ұрып-соғу туралы
        """)
    assert load_file(vault, path).created == 1
    complaint = next(vault.records("complaint")).body
    assert complaint["date_filed"] == "2013-03-15"
    assert complaint["authority"] == "prosecutor"
    assert complaint["status"] == "refused"
    assert complaint["statement"] == "Қамау кезінде ұрып-соғу туралы"


def test_every_alias_is_unique_within_its_kind_and_documented():
    """Each column's row in docs/csv.md is exactly what the loader accepts (name, aliases, meaning)."""
    from monitor.core.io.csv_cells import fold

    lines = set((DOCS / "csv.md").read_text(encoding="utf-8").splitlines())
    for kind in CSV_KINDS.values():
        seen: dict[str, str] = {}
        for column in kind.columns:
            for alias in (column.name, *column.ru, *column.kk):
                assert seen.setdefault(fold(alias), column.name) == column.name, (kind.name, alias)
            ru = ", ".join(f"«{a}»" for a in column.ru) or "—"
            kk = ", ".join(f"«{a}»" for a in column.kk) or "—"
            assert f"| `{column.name}` | {ru} | {kk} | {column.meaning} |" in lines, (kind.name, column.name)


def test_a_misspelt_header_gets_a_suggestion(vault, tmp_path):
    refused(vault, write(tmp_path, "Код дела;Название;Статусс\nKZ-2013-0001;x;open\n"),
            "line 1: unknown column 'Статусс' for case CSV; did you mean 'статус'?")
    refused(vault, write(tmp_path, "code;title;status;colour\nKZ-2013-0001;x;open;red\n"),
            "line 1: unknown column 'colour' for case CSV (see docs/csv.md)")


def test_two_headers_for_one_column_refused(vault, tmp_path):
    path = write(tmp_path, "code,Код дела,title,status\nKZ-2013-0001,KZ-2013-0001,x,open\n")
    refused(vault, path, "line 1: the columns 'code' and 'Код дела' are both code")


# --- vocabulary cells --------------------------------------------------------------------------------

def test_unknown_vocabulary_value_lists_the_valid_ones(vault, tmp_path):
    path = write(tmp_path, "code,title,status\nKZ-2013-0001,x,open\nKZ-2013-0002,y,banana\n")
    message = refused(vault, path, "line 3, column 'status': 'banana' is not a term of the vocabulary 'case_status'")
    for key, _ in vault.vocabulary("case_status"):
        assert key in message


def test_long_vocabulary_listing_is_shortened(vault, tmp_path):
    path = write(tmp_path, "code,title,status,allegation_description,methods\n"
                           "KZ-2013-0001,x,open,Удары,избиение;kicking_the_moon\n")
    keys = [k for k, _ in vault.vocabulary("method")]
    assert len(keys) > 12
    message = refused(vault, path, "line 2, column 'methods': 'kicking_the_moon' is not a term of the vocabulary 'method'")
    assert f"({len(keys) - 12} more)" in message
    assert keys[0] in message and keys[-1] not in message


def test_label_of_a_term_added_by_a_coordinator_is_accepted(vault, tmp_path):
    vault.put(new_term("00000000-0000-4000-8000-000000000077", "cold_exposure",
                       {"en": "Exposure to cold", "ru": "Воздействие холодом", "kk": "Суыққа ұстау"}))
    path = write(tmp_path, "code,title,status,allegation_description,methods\n"
                           "KZ-2013-0001,x,open,Камера без отопления,СУЫҚҚА ҰСТАУ\n")
    load_file(vault, path)
    assert cases(vault)["KZ-2013-0001"]["allegations"][0]["methods"] == ["cold_exposure"]


# --- errors: one line, line and column, vault unchanged ----------------------------------------------

@pytest.mark.parametrize("content,expected", [
    ("code,title,status\nKZ-2013-0001,x,open\nKZ-2013-0001,y,open\n",
     "line 3: the same case as line 2: the id made from column(s) 'code' collides"),
    ("Код дела,title,status\nKZ-2013-0001,x,open\nKZ-2013-0001,y,open\n",
     "line 3: the same case as line 2: the id made from column(s) 'Код дела' (code) collides"),
    ("code,title,status,period_start\nKZ-2013-0001,x,open,31.02.2013\n", "line 2, column 'period_start': not a date"),
    ("Код дела,Название,Статус,Начало периода\nKZ-2013-0001,x,open,вчера\n",
     "line 2, column 'Начало периода' (period_start): not a date"),
    ("code,title,status\nKZ-13,x,open\n", "line 2, column 'code': not in the expected form: 'KZ-13'"),
    ("code,title,status,facility_id\nKZ-2013-0001,x,open,not-an-id\n", "line 2, column 'facility_id': not an id"),
    ("code,title,status,facility_id\nKZ-2013-0001,x,open,00000000-0000-4000-8000-000000000001\n",
     "line 2, column 'facility_id': no record with id 00000000-0000-4000-8000-000000000001"),
    ("code,title,status\nKZ-2013-0001,\"" + "я" * 2001 + "\",open\n", "line 2, column 'title': too long"),
    ("code,title,status\nKZ-2013-0001,x,open\nKZ-2013-0002,\"unclosed\n", "malformed CSV"),
    ("code,title,status\nKZ-2013-0001,x,open\nKZ-2013-0002,y\n", "line 3: 2 cells, but the header has 3 columns"),
])
def test_bad_rows_refused_naming_line_and_column(vault, tmp_path, content, expected):
    refused(vault, write(tmp_path, content), expected)


def test_duplicate_complaint_names_every_identity_column(vault, tmp_path):
    load_file(vault, write(tmp_path, "code,title,status\nKZ-2013-0001,Іс,open\n", "case.csv"))
    path = write(tmp_path, """
        case_code,date_filed,authority,status,reference
        KZ-2013-0001,15.03.2013,prosecutor,filed,№ 45
        KZ-2013-0001,2013-03-16,prosecutor,filed,№ 46
        KZ-2013-0001,2013-03-15,Прокуратура,refused,№ 45
        """)
    refused(vault, path, "line 4: the same complaint as line 2: the id made from column(s) 'case_code', "
                         "'date_filed', 'authority', 'reference' collides")


def test_bad_utf8_and_nul_name_the_line(vault, tmp_path):
    # UTF-8 Cyrillic on line 2, Windows-1251 on line 3: neither reading is right for the whole file
    path = tmp_path / "mixed.csv"
    path.write_bytes("code,title,status\nKZ-2013-0001,Дело,open\n".encode() + "KZ-2013-0002,Пытки,open\n".encode("cp1251"))
    refused(vault, path, "line 3: not valid UTF-8")
    path.write_bytes(b"code,title,status\nKZ-2013-0001,o\x00k,open\n")
    refused(vault, path, "line 2: contains NUL bytes")


RUSSIAN_EXCEL = """Код дела;Название;Статус;Начало периода;Дата события;Описание события;Методы
KZ-2013-0001;Пытки в ИВС Шымкента;Жалоба подана;12.03.2013;12.03.2013;Избиение при задержании;"избиение; УГРОЗЫ"
KZ-2013-0002;Ёлки и щётки: ЁЖ, ъ, №;открыто;01.02.2013;;;
"""


@pytest.mark.parametrize("encoding, reported", [("cp1251", "cp1251"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8")])
def test_russian_excel_encodings_load(vault, tmp_path, encoding, reported):
    """A Russian Excel's "CSV" (Windows-1251) and "Unicode text" (UTF-16 with BOM) load as UTF-8 does."""
    path = tmp_path / "excel.csv"
    path.write_bytes(RUSSIAN_EXCEL.replace("\n", "\r\n").encode(encoding))
    report = load_file(vault, path)
    assert (report.created, report.encoding) == (2, reported)
    loaded = cases(vault)
    assert loaded["KZ-2013-0001"]["title"] == "Пытки в ИВС Шымкента"
    assert loaded["KZ-2013-0001"]["allegations"][0]["methods"] == ["beating", "threats"]
    assert loaded["KZ-2013-0002"]["title"] == "Ёлки и щётки: ЁЖ, ъ, №"


def test_a_broken_cp1251_file_names_row_and_column_in_russian_and_writes_nothing(vault, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(RUSSIAN_EXCEL.replace("открыто", "неизвестно").encode("cp1251"))
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(vault.path)
    with pytest.raises(MonitorError) as info:
        load_file(vault, path)
    message = info.value.localized("ru")
    assert message.startswith("строка 3, столбец 'Статус'"), message
    assert "«неизвестно» — не термин" in message and "допустимо: Открыто, Документирование," in message, message
    assert " is not " not in message and "documenting" not in message, message
    assert "\n" not in message
    assert digest(vault.path) == before


def test_windows_1251_gaps_and_bad_utf16_are_one_line_errors(vault, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes("code,title,status\nKZ-2013-0001,Дело,open\n".encode("cp1251") + b"KZ-2013-0002,\x98,open\n")
    refused(vault, path, "line 3: not valid Windows-1251 text")
    path.write_bytes(b"\xff\xfe" + "code,title,status\n".encode("utf-16-le") + b"\x00\xd8\x41\x00")
    refused(vault, path, "not valid UTF-16 text")


def test_a_bad_row_at_the_end_of_a_long_file_writes_nothing(vault, tmp_path):
    lines = ["code;title;status"] + [f"KZ-2013-{i:04d};Дело {i};open" for i in range(1, 400)] + ["KZ-2013-9999;x;nope"]
    path = write(tmp_path, "\n".join(lines) + "\n")
    refused(vault, path, "line 401, column 'status'")
    assert vault.counts().get("case", 0) == 0


def test_multiline_quoted_cells_keep_their_newlines_and_line_numbers(vault, tmp_path):
    path = write(tmp_path, 'code,title,status,summary\nKZ-2013-0001,x,open,"Бірінші жол\nвторая строка"\n'
                           "KZ-2013-0002,y,banana,\n")
    refused(vault, path, "line 4, column 'status'")
    path = write(tmp_path, 'code,title,status,summary\nKZ-2013-0001,x,банан,"Бірінші жол\nвторая строка"\n')
    refused(vault, path, "line 2, column 'status'")  # the row's first line
    path = write(tmp_path, 'code,title,status,summary\nKZ-2013-0001,x,open,"Бірінші жол\nвторая строка"\n')
    load_file(vault, path)
    assert cases(vault)["KZ-2013-0001"]["summary"] == "Бірінші жол\nвторая строка"


def test_a_value_under_no_header_is_refused(vault, tmp_path):
    refused(vault, write(tmp_path, "code,title,status,\nKZ-2013-0001,x,open,забытое\n"),
            "line 2: a value in column 4, which has no header")
    load_file(vault, write(tmp_path, "code,title,status,\nKZ-2013-0001,x,open,\n"))  # empty: fine


def test_a_narrative_longer_than_the_csv_modules_default_limit_loads(vault, tmp_path):
    summary = "Қамау кезінде ұрып-соғу. " * 8000  # 192,000 characters (the csv module stops at 131,072)
    load_file(vault, write(tmp_path, f'code,title,status,summary\nKZ-2013-0001,x,open,"{summary}"\n'))
    assert cases(vault)["KZ-2013-0001"]["summary"] == summary.strip()
    refused(vault, write(tmp_path, 'code,title,status,summary\nKZ-2013-0002,x,open,"' + "я" * 1_000_001 + '"\n'),
            "line 2: malformed CSV (a cell is longer than 1,000,000 characters")


# --- streaming: memory stays bounded -----------------------------------------------------------------

CHILD = """
import sys
sys.path.insert(0, {tests!r})
from conftest import PASSPHRASE, TEST_KDF_ITER
from monitor.core.store.vault import Vault
from monitor.core.io.loader import load_file
def status_kib(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))
with Vault.open({vault!r}, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as vault:
    load_file(vault, {small!r})  # warm up: imports, compiled schemas, vocabularies
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # reset the peak (VmHWM) to the current resident set
    before = status_kib("VmRSS")
    report = load_file(vault, {csv!r})
    after = status_kib("VmHWM")
print(before, after, report.created)
"""


@pytest.mark.process
@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="measures the peak resident set through /proc (Linux)")
@pytest.mark.parametrize("mib", [16, pytest.param(50, marks=pytest.mark.slow)])
def test_a_large_csv_loads_in_bounded_memory(tmp_path, mib):
    """A large CSV (long narrative cells, as case files have) loaded in a child process: its peak
    resident memory grows by a fixed few MiB, not with the file (reading it whole took ~9x the file:
    451 MB for 50 MB)."""
    vault_path = tmp_path / "big.vault"
    Vault.create(vault_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER).close()
    csv_path = tmp_path / "big.csv"
    narrative = ("Қамау кезінде ұрып-соғу, камера без окон, жалобы на холод и угрозы. " * 700).strip()
    rows = 0
    with csv_path.open("w", encoding="utf-8") as out:
        out.write("code;title;status;summary;tags\n")
        while out.tell() < mib * 2**20:
            rows += 1
            out.write(f"KZ-2013-{rows:06d};Дело № {rows};documenting;{narrative} {rows};\"ИВС;колония\"\n")
    size = csv_path.stat().st_size
    small = write(tmp_path, "code;title;status\nKZ-2000-0001;Іс;open\n", "small.csv")
    child = CHILD.format(tests=str(Path(__file__).parent), vault=str(vault_path), csv=str(csv_path),
                         small=str(small))
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    before, peak, created = map(int, result.stdout.split())
    grown = (peak - before) * 1024
    print(f"\nCSV {size / 2**20:.1f} MiB, {created} rows: peak RSS {peak / 1024:.0f} MiB, "
          f"grew {grown / 2**20:.1f} MiB while loading")
    assert created == rows
    # ~8 MiB here for either size (SQLite's page cache, the search index's pending terms, the reader);
    # the whole-file reader grew by 88 MiB for the 16 MiB file.
    assert grown < 24 * 2**20, f"grew {grown / 2**20:.1f} MiB for a {size / 2**20:.1f} MiB file"


def test_a_repeated_explicit_id_names_the_id_column(vault, tmp_path):
    rid = "00000000-0000-4000-8000-0000000000aa"
    path = write(tmp_path, f"id,code,title,status\n{rid},KZ-2013-0001,x,open\n{rid.upper()},KZ-2013-0002,y,open\n")
    refused(vault, path, f"line 3: the same case as line 2: column 'id' repeats the id {rid}; each case may appear once")


@pytest.mark.parametrize("content", [
    "code,title,status\nKZ-2013-0001,Дело,open\nKZ-2013-0001,Дело,open\n",            # the same row twice
    "code,title,status,period_start\nKZ-2013-0001,Дело,open,31.02.2013\n",           # not a date
    "Код дела;Дата подачи;Орган;Статус\nKZ-2099-0001;15.03.2013;прокуратура;подана\n",  # no such case
    "source_document,period_start,period_end,indicator,value\nРеспонс,2013-05-31,2013-01-01,criminal_cases_opened,3\n",
    "source_document,period_start,period_end,indicator,value\nРеспонс,2013-01-01,2013-05-31,criminal_cases_opened,три\n",
])
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_row_errors_are_in_the_readers_language(vault, tmp_path, content, lang):
    """A row's error names the line and column and says what is wrong in Russian or Kazakh, not English."""
    with pytest.raises(MonitorError) as info:
        load_file(vault, write(tmp_path, content))
    message = info.value.localized(lang)
    assert message.startswith(("строка 2", "строка 3") if lang == "ru" else ("2-жол", "3-жол")), message
    for english in (" is ", " not ", " the ", " no ", " needs ", " in the vault", " before "):
        assert english not in message, message
