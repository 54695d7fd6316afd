"""CSV kinds of record model v4: proceedings with their defendants' charges, consent, reprisals and
official statistics, loaded with `monitor load` and read back through the core and `monitor dump`."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from test_cli import CLI, PASSPHRASE, one_line_error
from test_csv import digest, refused, write

from monitor.core.store import consent
from monitor.core.queries import statistics
from monitor.core.io.loader import load_file
from monitor.core.store.vault import Vault

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
# the order a coordinator loads them in: people and cases first, then what refers to them
EXAMPLE_ORDER = ("persons.jsonl", "cases.csv", "complaints.csv", "proceedings.csv", "consent.csv",
                 "reprisals.csv", "official-statistics.csv")


@pytest.fixture
def cli(tmp_path) -> CLI:
    c = CLI(tmp_path)
    c("init")
    return c


@pytest.mark.process
def test_official_statistics_from_the_report_load_and_read_back_exactly(cli):
    """The report's yearly figures: `monitor load` of the example CSV, then the core's query."""
    assert "10 new" in cli("load", str(EXAMPLES / "official-statistics.csv")).stdout
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        registered = [(f.period_start, f.period_end, f.value, f.partial)
                      for f in statistics.official(vault, "complaints_registered")]
        opened = [(f.period_start, f.period_end, f.value, f.partial)
                  for f in statistics.official(vault, "criminal_cases_opened")]
        assert len(statistics.official(vault)) == 10
    years = [(f"{y}-01-01", f"{y}-12-31") for y in (2009, 2010, 2011, 2012)] + [("2013-01-01", "2013-05-31")]
    assert registered == [(*p, v, p[0][:4] == "2013") for p, v in zip(years, (14, 36, 52, 602, 304))]
    assert opened == [(*p, v, p[0][:4] == "2013") for p, v in zip(years, (3, 10, 15, 18, 19))]
    again = cli("load", str(EXAMPLES / "official-statistics.csv"), "--csv-type", "statistic").stdout
    assert "0 new, 0 updated, 10 unchanged" in again


@pytest.mark.process
def test_proceeding_with_two_defendants_round_trips_through_load_and_dump(cli, tmp_path):
    cli("load", str(EXAMPLES / "persons.jsonl"))
    cli("load", str(EXAMPLES / "cases.csv"))
    assert "2 new" in cli("load", str(EXAMPLES / "proceedings.csv")).stdout
    dumped = cli("dump").stdout
    proceedings = [json.loads(line) for line in dumped.splitlines() if '"type":"proceeding"' in line]
    convicted = next(p for p in proceedings if p["case_number"] == "131500021000045")
    assert convicted["article_registered"] == {"article": "cc1997-141-1"}
    assert convicted["article_charged"] == {"article": "cc1997-308", "part": "ч. 4"}
    persons = {json.loads(line)["code"]: json.loads(line)["id"] for line in dumped.splitlines()
               if '"type":"person"' in line}
    charges = {c["person_id"]: c for c in convicted["charges"]}
    assert set(charges) == {persons["P-2013-0003"], persons["P-2013-0004"]}
    real, suspended = charges[persons["P-2013-0003"]], charges[persons["P-2013-0004"]]
    assert real["verdict"] == suspended["verdict"] == "convicted"  # «Осуждён» on the second row
    assert real["punishments"] == [{"kind": "imprisonment", "years": 7}, {"kind": "ban_from_office", "years": 3}]
    assert suspended["punishments"] == [{"kind": "suspended_imprisonment", "years": 3, "probation_years": 2}]
    assert convicted["victims"] == [{"person_id": persons["P-2013-0001"], "status": "recognised"}]
    # the dump loads into another vault and dumps the same
    dump_file = tmp_path / "dump.jsonl"
    dump_file.write_text(dumped, encoding="utf-8")
    (tmp_path / "other").mkdir()
    other = CLI(tmp_path / "other")
    other("init")
    other("load", str(dump_file))
    assert other("dump").stdout == dumped
    assert "0 new, 0 updated, 2 unchanged" in cli("load", str(EXAMPLES / "proceedings.csv")).stdout


def test_every_example_loads_in_order_and_the_withdrawal_is_the_current_consent(vault):
    counts = {}
    for name in EXAMPLE_ORDER:
        counts[name] = load_file(vault, EXAMPLES / name).created
    assert counts == {"persons.jsonl": 4, "cases.csv": 2, "complaints.csv": 2, "proceedings.csv": 2,
                      "consent.csv": 3, "reprisals.csv": 3, "official-statistics.csv": 10}
    person = next(vault.records("person", where={"code": "P-2013-0001"})).id
    state = consent.current(vault, person)
    assert state["share_with_un"].given is False  # withdrawn on 20.06.2013 after threats
    assert state["share_with_un"].withdrawn is True
    assert state["documentation"].given is True
    assert not consent.allows(vault, person, "share_with_un") and consent.allows(vault, person, "share_with_lawyer")
    reprisal = next(r.body for r in vault.records("reprisal") if r.body["kind"] == "counter_charge")
    assert reprisal["counter_charge_article"] == {"article": "cc1997-351", "part": "ч. 1"}
    for name in EXAMPLE_ORDER:  # loading again changes nothing
        report = load_file(vault, EXAMPLES / name)
        assert report.created == report.updated == 0, name
    for name in EXAMPLE_ORDER:
        if name.endswith(".csv"):
            assert (EXAMPLES / name).read_bytes().decode("utf-8")  # UTF-8, as the docs promise


def test_example_files_are_documented():
    text = (Path(__file__).resolve().parents[1] / "docs" / "csv.md").read_text(encoding="utf-8")
    for name in EXAMPLE_ORDER:
        assert f"examples/{name}" in text, name


# --- proceedings: grouping and errors ---------------------------------------------------------------

@pytest.fixture
def stocked(vault):
    for name in ("persons.jsonl", "cases.csv"):
        load_file(vault, EXAMPLES / name)
    return vault


HEAD = "case_code;case_number;authority;status;outcome;defendant_code;charge_article;verdict;punishment;years;probation_years\n"


@pytest.mark.parametrize("rows,expected", [
    ("KZ-2013-0001;45;prosecutor;judgment;conviction;P-2013-0003;cc1997-308;convicted;imprisonment;7;\n"
     "KZ-2013-0002;46;prosecutor;investigation;;;;;;;\n"
     "KZ-2013-0001;45;;;;P-2013-0004;cc1997-308;convicted;suspended_imprisonment;3;2\n",
     "line 4: the same proceeding as line 2: the id made from column(s) 'case_code', 'case_number' collides"),
    ("KZ-2013-0001;45;prosecutor;judgment;conviction;P-2013-0003;cc1997-308;convicted;imprisonment;7;\n"
     "KZ-2013-0001;45;police;;;P-2013-0004;cc1997-308;convicted;suspended_imprisonment;3;2\n",
     "line 3, column 'authority': differs from line 2 of the same proceeding"),
    ("KZ-2013-0001;45;prosecutor;judgment;conviction;P-2013-0003;cc1997-308;convicted;imprisonment;7;\n"
     "KZ-2013-0001;45;;;;P-2013-0003;cc1997-308;convicted;imprisonment;5;\n",
     "line 3: the same defendant and article as line 2 of this proceeding (column(s) 'defendant_code', "
     "'charge_article' collide)"),
    ("KZ-2013-0001;45;prosecutor;judgment;conviction;P-2013-0003;cc1997-308;convicted;imprisonment;7;\n"
     "KZ-2013-0001;45;;;;P-2013-0004;cc1997-308;convicted;imprisonment;7;2\n",
     "line 3, column 'punishment': a probation period belongs to a suspended sentence"),
    ("KZ-2013-0001;45;prosecutor;judgment;conviction;P-2013-0003;cc1997-308;convicted;imprisonment;7;\n"
     "KZ-2013-0001;45;;;;P-2013-0004;cc1997-308;convicted;suspended_imprisonment;51;2\n",
     "line 3, column 'years': 51 is out of range"),
    ("KZ-2013-0001;45;prosecutor;judgment;conviction;P-2013-0003;cc1997-308;acquitted;imprisonment;7;\n",
     "line 2, column 'punishment': a defendant whose verdict is 'acquitted' has no punishment"),
    ("KZ-2013-0001;45;prosecutor;investigation;conviction;P-2013-0003;cc1997-308;convicted;imprisonment;7;\n",
     "line 2, column 'status': 'investigation' does not agree with the outcome 'conviction'"),
    ("KZ-2013-0001;45;prosecutor;judgment;conviction;P-2099-0001;cc1997-308;convicted;imprisonment;7;\n",
     "line 2, column 'defendant_code': no person 'P-2099-0001' in the vault"),
    ("KZ-2013-0001;45;prosecutor;judgment;conviction;P-2013-0003;308;convicted;imprisonment;7;\n",
     "line 2, column 'charge_article': '308' is not a term of the vocabulary 'article'; valid: cc1997-141-1"),
    ("KZ-2013-0001;;prosecutor;judgment;conviction;P-2013-0003;cc1997-308;convicted;imprisonment;7;\n",
     "line 2: give 'case_number' or 'erdr_number' (or 'id')"),
])
def test_bad_proceedings_refused(stocked, tmp_path, rows, expected):
    refused(stocked, write(tmp_path, HEAD + rows), expected)


def test_proceeding_headers_in_kazakh(stocked, tmp_path):
    path = write(tmp_path, """
        Іс коды,Іс нөмірі,Орган,Мәртебесі,Нәтижесі,Айыпталушы коды,Бап,Бөлігі,Шешім,Жаза,Жыл,Сынақ мерзімі (жыл)
        KZ-2013-0001,45,Прокуратура,Үкім шығарылды,Айыптау үкімі,P-2013-0003,cc1997-308,ч. 4,Сотталды,Бас бостандығынан айыру,7,
        KZ-2013-0001,45,,,,P-2013-0004,cc1997-308,ч. 4,Сотталды,Шартты түрде соттау,3,2
        """)
    assert load_file(stocked, path).created == 1
    body = next(stocked.records("proceeding")).body
    assert body["status"] == "judgment" and body["outcome"] == "conviction"
    assert sorted(p["kind"] for c in body["charges"] for p in c["punishments"]) == ["imprisonment", "suspended_imprisonment"]


def test_unnamed_officer_as_defendant(stocked, tmp_path):
    path = write(tmp_path, """
        Код дела;Номер дела;Орган;Статус;Исход;Звание;Подразделение;Статья;Часть;Решение;Наказание;Лет;Месяцев
        KZ-2013-0002;112;Прокуратура;Вынесен приговор;Обвинительный приговор;капитан;ОВД г. Шымкент;cc1997-308;ч. 4;Осуждён;Лишение свободы;2;6
        """)
    load_file(stocked, path)
    charge = next(stocked.records("proceeding")).body["charges"][0]
    assert charge["officer"] == {"rank": "капитан", "unit": "ОВД г. Шымкент"}
    assert charge["punishments"] == [{"kind": "imprisonment", "years": 2, "months": 6}]


# --- consent, reprisals, statistics: errors ----------------------------------------------------------

def test_consent_errors(stocked, tmp_path):
    head = "person_code;date;method;documentation;photographs;withdrawal\n"
    refused(stocked, write(tmp_path, head + "P-2013-0001;13.03.2013;written;;;\n"),
            "line 2: a consent record needs at least one of the scope columns")
    refused(stocked, write(tmp_path, head + "P-2013-0001;13.03.2013 25:00;written;да;;\n"),
            "line 2, column 'date': not a date and time")
    refused(stocked, write(tmp_path, head + "P-2013-0001;13.03.2013;written;может быть;;\n"),
            "line 2, column 'documentation': not yes or no")
    refused(stocked, write(tmp_path, head + "P-2013-0001;13.03.2013;written;да;да;да\n"),
            "line 2, column 'withdrawal': a withdrawal must set at least one item to false")
    refused(stocked, write(tmp_path, head + "P-2013-0001;13.03.2099;written;да;;\n"),
            "line 2, column 'date': 2099-03-13T00:00:00")  # in the future


def test_statistic_errors(vault, tmp_path):
    head = "source_document,period_start,period_end,indicator,value\n"
    refused(vault, write(tmp_path, head + "Доклад,2013-01-01,2012-12-31,criminal_cases_opened,3\n"),
            "line 2, column 'period_end': 2012-12-31 is before the period's start (2013-01-01)")
    refused(vault, write(tmp_path, head + "Доклад,2013-01-01,2013-05-31,criminal_cases_opened,3.5\n"),
            "line 2, column 'value': not a whole number")
    refused(vault, write(tmp_path, head + "Доклад,2013-01-01,2013-05-31,criminal_cases_opened," + "9" * 4001 + "\n"),
            "line 2, column 'value': not a number")
    refused(vault, write(tmp_path, head + "Доклад,2013-01-01,2013-05-31,arrests,3\n"),
            "line 2, column 'indicator': 'arrests' is not a term of the vocabulary 'stat_indicator'; "
            "valid: complaints_registered, criminal_cases_opened")
    refused(vault, write(tmp_path, head + "Доклад,2013-01-01,2013-05-31,criminal_cases_opened,3\n"
                                          "Доклад,01.01.2013,31.05.2013,Возбуждено уголовных дел,4\n"),
            "line 3: the same figure as line 2: the id made from column(s) 'source_document', 'period_start', "
            "'period_end', 'indicator' collides")


def test_reprisal_needs_a_person(vault, tmp_path):
    path = write(tmp_path, "person_code,date,kind\nP-2013-0001,2013-06-18,transfer\n")
    refused(vault, path, "line 2, column 'person_code': no person 'P-2013-0001' in the vault")


def test_kind_is_told_apart_from_the_header(stocked, tmp_path):
    path = write(tmp_path, "Тұлға коды,Күні,Қудалау түрі\nP-2013-0001,18.06.2013,Отбасына қорқыту\n")
    load_file(stocked, path)
    assert next(stocked.records("reprisal")).body["kind"] == "threats_to_family"
    other = write(tmp_path, "name,age\nx,1\n", "x.csv")
    refused(stocked, other, "cannot tell whether this CSV holds cases or complaints, proceedings")
    refused(stocked, write(tmp_path, "code,title,status\n", "y.csv"), "holds no records")
    refused(stocked, path, "line 1: unknown column 'Тұлға коды' for statistic CSV", csv_type="statistic")


@pytest.mark.process
def test_cli_load_error_is_one_line_and_leaves_the_vault_unchanged(cli, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(textwrap.dedent("""\
        Источник;Начало периода;Конец периода;Показатель;Значение
        Доклад;01.01.2013;31.05.2013;Возбуждено уголовных дел;19
        Доклад;01.01.2012;31.12.2012;Возбуждено уголовных дел;восемнадцать
        """), encoding="utf-8")
    before = cli.digest()
    message = one_line_error(cli("load", str(path), ok=False))
    assert "line 3, column 'Значение' (value): not a number: 'восемнадцать'" in message
    assert cli.digest() == before


# --- malformed input: only typed, one-line errors, and nothing written on error ------------------------

def _mutations(rng, data: bytes) -> bytes:
    pieces = [b";", b",", b"\t", b'"', b"\n", b"\r\n", b"\x00", b"\xed\xa0\x80", "Ә".encode(),
              b"9" * 30, b"-1", b"1e308", b"2013-02-30", b"\xe2\x80\xae", "Осуждён".encode(), b"  ", b""]
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        where = rng.randrange(len(data) + 1)
        choice = rng.random()
        if choice < 0.4:
            data[where:where] = rng.choice(pieces)
        elif choice < 0.7 and data:
            del data[where:where + rng.randint(1, 12)]
        elif data:
            start = rng.randrange(len(data))
            data[where:where] = data[start:start + rng.randint(1, 40)]
    return bytes(data)


def test_mutated_example_files_give_typed_one_line_errors_and_write_nothing(stocked, tmp_path):
    import random

    from monitor.core.errors import MonitorError

    rng = random.Random(20131114)
    sources = [(EXAMPLES / name).read_bytes() for name in EXAMPLE_ORDER if name.endswith(".csv")]
    path = tmp_path / "fuzz.csv"
    outcomes = {"loaded": 0, "refused": 0}
    for trial in range(200):
        path.write_bytes(_mutations(rng, rng.choice(sources)))
        stocked.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = digest(stocked.path)
        try:
            load_file(stocked, path)
            outcomes["loaded"] += 1
        except MonitorError as exc:
            message = str(exc)
            assert message and "\n" not in message and len(message) < 400, (trial, message)
            assert digest(stocked.path) == before, (trial, message)
            outcomes["refused"] += 1
    print(f"\nmutated CSV files: {outcomes}")
    assert outcomes["refused"] > 100


def test_ids_that_belong_elsewhere_are_refused_naming_the_column(stocked, tmp_path):
    person = next(stocked.records("person")).id
    refused(stocked, write(tmp_path, f"id,code,title,status\n{person},KZ-2013-0009,x,open\n"),
            f"line 2, column 'id': {person} already belongs to a person, not a case")
    load_file(stocked, EXAMPLES / "complaints.csv")
    other_complaint = next(c.body["id"] for c in stocked.records("complaint")
                      if c.body["date_filed"] == "2013-05-03")
    path = write(tmp_path, f"case_code;case_number;authority;status;complaint_id\nKZ-2013-0001;45;prosecutor;investigation;{other_complaint}\n")
    refused(stocked, path, "line 2, column 'complaint_id': the complaint belongs to another case")


def test_consent_ids_do_not_depend_on_the_computers_time_zone(stocked, tmp_path):
    import os
    import time

    path = write(tmp_path, "person_code;date;method;documentation\nP-2013-0001;13.03.2013 10:30;written;да\n")
    old = os.environ.get("TZ")
    try:
        os.environ["TZ"] = "<+06>-6"  # POSIX form of UTC+6 (no tz database needed)
        time.tzset()
        load_file(stocked, path)
        body = next(stocked.records("consent")).body
        os.environ["TZ"] = "UTC"
        time.tzset()
        report = load_file(stocked, path)  # the same record, its date now read in another zone
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()
    assert body["date"] == "2013-03-13T10:30:00+06:00"
    assert report.created == 0 and report.updated == 1
    assert [r.id for r in stocked.records("consent")] == [body["id"]]
