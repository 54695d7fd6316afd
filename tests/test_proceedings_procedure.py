"""Procedure as Kazakhstan practises it since 2015 (issue 18 §4): the ЕРДР/КУИ decisions, a termination
with its ground, an amnesty as a decision with its act, and the accused's procedural status by stage."""

from __future__ import annotations

import copy

import pytest
from records import uid
from test_reports_kinds import CASE, stocked

from monitor.core import reports
from monitor.core.errors import MonitorError
from monitor.core.model import proceedings

PROCEEDING = uid(11)


def dec(n: int, date: str, kind: str, **extra) -> dict:
    return {"id": uid(900 + n), "date": date, "kind": kind, **extra}


# --- the vocabulary and the record ---------------------------------------------------------------

def test_new_decisions_and_grounds_are_terms_in_three_languages(vault):
    kinds = dict(vault.vocabulary("decision_kind", "ru"))
    assert "ЕРДР" in kinds["registered_erdr"] and "КУИ" in kinds["not_registered_kui"]
    assert kinds["investigation_terminated"] == "Досудебное расследование прекращено"
    assert kinds["sent_back"] == "Возвращено на дополнительное расследование"
    assert "амнистия" in kinds["amnesty"].lower()
    assert "рақымшылық" in dict(vault.vocabulary("decision_kind", "kk"))["amnesty"].lower()
    grounds = dict(vault.vocabulary("termination_ground", "ru"))
    assert {"no_event", "no_corpus_delicti", "amnesty", "limitation"} <= set(grounds)
    assert "ст. 35 УПК РК" in grounds["no_corpus_delicti"]
    # the old decisions stay valid for records made under the 1997 code
    assert {"registered", "refused", "terminated"} <= set(kinds)


def _change_proceeding(change):
    def edit(records):
        for r in records:
            if r["id"] == PROCEEDING:
                change(r)
    return edit


def test_a_termination_with_its_ground_and_an_amnesty_with_its_act_are_stored_and_printed(vault):
    def change(p):
        p["status"], p["outcome"] = "closed", "amnesty"
        p.pop("judgment_date"), p.pop("appeal"), p.pop("article_judgment"), p.pop("compensation")
        for ch in p["charges"]:
            ch["verdict"] = "amnestied"
            ch.pop("punishments"), ch.pop("verdict_date")
        p["decisions"] = [
            dec(1, "2026-04-10", "registered_erdr", authority="prosecutor"),
            dec(2, "2026-05-01", "charged", authority="prosecutor"),
            dec(3, "2026-07-01", "amnesty", authority="prosecutor", ground="amnesty",
                act={"name": "Закон РК «Об амнистии в связи с тридцатилетием Независимости»", "date": "2021-12-07"}),
        ]
    stocked(vault, change=_change_proceeding(change))
    body = vault.get(PROCEEDING)
    assert body["decisions"][2]["act"]["date"] == "2021-12-07"
    assert proceedings.amnesty(body) == {"date": "2026-07-01", "act": body["decisions"][2]["act"]}
    text = reports.build(vault, "dossier", subject_id=CASE, lang="ru").text()
    flat = " ".join(text.split())
    assert "Применена амнистия (дело прекращено актом амнистии) (Вследствие акта амнистии (п. 3 ч. 1 ст. 35 УПК РК))" in flat
    assert "«Об амнистии в связи с тридцатилетием Независимости», 07.12.2021" in flat
    assert "Обвиняемый: " in flat  # charged, never tried: not «Подсудимый»
    assert "Подсудимый" not in flat


def test_an_unknown_ground_and_an_act_without_a_name_are_refused(vault):
    stocked(vault)
    body = vault.get(PROCEEDING)
    before = vault.get(PROCEEDING)
    bad = copy.deepcopy(body)
    bad["decisions"].append(dec(9, "2026-11-01", "investigation_terminated", ground="tired_of_it"))
    with pytest.raises(MonitorError):
        vault.put(bad)
    bad = copy.deepcopy(body)
    bad["decisions"].append(dec(9, "2026-11-01", "amnesty", act={"date": "2021-12-07"}))
    with pytest.raises(MonitorError):
        vault.put(bad)
    assert vault.get(PROCEEDING) == before


def test_an_old_amnesty_punishment_stays_readable_as_legacy(vault):
    def change(p):
        p["charges"][0]["verdict"] = "amnestied"
        p["charges"][0]["punishments"] = [{"kind": "amnesty_release"}]
    stocked(vault, change=_change_proceeding(change))  # still a valid record
    body = vault.get(PROCEEDING)
    assert proceedings.amnesty(body, body["charges"][0]) == {"date": "2026-10-01", "act": None}
    assert proceedings.amnesty(body, body["charges"][1]) is None
    label = dict(vault.vocabulary("punishment", "ru"))["amnesty_release"]
    assert "устар." in label
    v3 = {"status": "closed", "outcome": "amnesty", "defendants": [uid(5)]}  # a v3 record
    assert proceedings.amnesty(v3) == {"date": None, "act": None}


# --- the accused's procedural status by stage ------------------------------------------------------

CHAIN = {"decisions": [
    dec(1, "2016-01-10", "registered_erdr"),
    dec(2, "2016-02-01", "charged"),
    dec(3, "2016-04-01", "sent_to_court"),
    dec(4, "2016-04-20", "sent_back"),
    dec(5, "2016-06-01", "sent_to_court"),
    dec(6, "2016-09-01", "judgment"),
]}


@pytest.mark.parametrize("date, expected", [
    ("2016-01-01", None),
    ("2016-01-10", "suspect"),
    ("2016-02-01", "accused"),
    ("2016-04-01", "defendant"),
    ("2016-04-25", "accused"),  # sent back for additional investigation
    ("2016-06-01", "defendant"),
    ("2016-09-01", "convicted"),
])
def test_status_by_stage_follows_the_chain(date, expected):
    assert proceedings.procedural_status(CHAIN, {"verdict": "convicted"}, date) == expected


def test_status_after_judgment_follows_each_defendants_verdict():
    assert proceedings.procedural_status(CHAIN, {"verdict": "acquitted"}) == "acquitted"
    assert proceedings.procedural_status(CHAIN, {"verdict": "pending"}) == "defendant"
    refused = {"decisions": [dec(1, "2016-01-10", "not_registered_kui")]}
    assert proceedings.procedural_status(refused, {"verdict": "pending"}) is None
    overturned = {"decisions": [dec(1, "2016-01-10", "not_registered_kui"), dec(2, "2016-02-10", "refusal_overturned"),
                                dec(3, "2016-02-15", "registered_erdr")]}
    assert proceedings.procedural_status(overturned, {"verdict": "pending"}) == "suspect"
    amnestied = {"decisions": [dec(1, "2012-01-10", "registered"), dec(2, "2012-02-01", "charged"),
                               dec(3, "2012-03-01", "amnesty")]}
    assert proceedings.procedural_status(amnestied, {"verdict": "amnestied"}) == "accused"
    # a legacy record without decisions: only a verdict tells
    assert proceedings.procedural_status({}, {"verdict": "convicted"}) == "convicted"
    assert proceedings.procedural_status({}, {"verdict": "pending"}) is None


@pytest.mark.parametrize("lang, acquitted, convicted", [
    ("ru", "Оправданный", "Осуждённый"), ("kk", "Ақталған", "Сотталған"), ("en", "Acquitted", "Convicted")])
def test_dossier_names_each_defendant_by_his_own_stage(vault, lang, acquitted, convicted):
    def change(p):
        p["charges"][1]["verdict"] = "acquitted"
        p["charges"][1].pop("punishments")
    stocked(vault, change=_change_proceeding(change))
    flat = " ".join(reports.build(vault, "dossier", subject_id=CASE, lang=lang).text().split())
    assert f"{acquitted}: старший лейтенант" in flat
    assert f"{convicted}: " in flat


def test_the_form_edits_a_decision_with_its_ground_and_act(qtbot, vault):
    pytest.importorskip("PySide6.QtWidgets")
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from monitor.gui.editors.forms import RecordForm

    def change(p):
        p["decisions"].append(dec(7, "2026-11-01", "amnesty", authority="prosecutor", ground="amnesty",
                                  act={"name": "Закон РК «Об амнистии»", "date": "2021-12-07"}))
    stocked(vault, change=_change_proceeding(change))
    record = vault.get(PROCEEDING)
    form = RecordForm(vault, "proceeding", record, lang="ru")
    qtbot.addWidget(form)
    assert form.build() == record  # round-trips unchanged
    shown = [b.currentText() for b in form.findChildren(QComboBox)] + [e.text() for e in form.findChildren(QLineEdit)]
    assert "Вследствие акта амнистии (п. 3 ч. 1 ст. 35 УПК РК)" in shown
    assert "Закон РК «Об амнистии»" in shown
