"""The demo tells no medical story that contradicts itself (issue 18 §4), over a 1,000-case demo:
an examination follows the allegation it documents, an official forensic examination (СМЭ) follows
the complaint that led to it, and findings are graded only against allegations that could leave them
(no bruise is "consistent with" threats, and a plain bruise is never "typical of" anything)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from monitor.core.demo.data import generate

METHODS = json.loads((Path(__file__).parent.parent / "resources/demo/methods.json").read_text("utf-8"))["methods"]
PHYSICAL = {m for m, spec in METHODS.items() if spec["injuries"]}
NON_SPECIFIC = {"bruise"}  # a plain bruise says nothing about how it was made (Istanbul Protocol)


@pytest.fixture(scope="module")
def demo():
    """The 1,000-case demo's records, from the generator's stream (no vault written, ~3 s)."""
    records = [o for k, o in generate(cases=1000, seed=5) if k == "record"]
    return {
        "cases": {r["id"]: r for r in records if r["type"] == "case"},
        "exams": [r for r in records if r["type"] == "examination"],
        "complaints": [r for r in records if r["type"] == "complaint"],
    }


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def test_an_examination_follows_the_allegation_it_documents(demo):
    checked = 0
    for exam in demo["exams"]:
        case = demo["cases"][exam["case_id"]]
        for allegation in case["allegations"]:
            last = allegation.get("date_end") or allegation.get("date")
            if last:
                checked += 1
                assert _day(exam["date"]) > _day(last), (case["code"], exam["date"], last)
    assert checked > 400


@pytest.mark.parametrize("cases", [50, 100, 500])
def test_the_demo_case_found_contradicting_itself_no_longer_does(cases):
    """KZ-2010-0001 of the demo (its СМЭ preceded every complaint in the 100-case demo)."""
    records = [o for k, o in generate(cases=cases) if k == "record"]
    case = next(r for r in records if r["type"] == "case" and r["code"] == "KZ-2010-0001")
    allegation = case["allegations"][0]
    filed = [_day(r["date_filed"]) for r in records if r["type"] == "complaint" and r["case_id"] == case["id"]]
    for exam in (r for r in records if r["type"] == "examination" and r["case_id"] == case["id"]):
        assert _day(exam["date"]) > _day(allegation.get("date_end") or allegation["date"])
        if exam.get("forensic_examination"):
            assert min(filed) < _day(exam["forensic_examination"]["date"])


def test_a_forensic_examination_follows_a_complaint(demo):
    filed: dict[str, list[date]] = {}
    for complaint in demo["complaints"]:
        if complaint.get("reference"):  # a draft never reached an authority
            filed.setdefault(complaint["case_id"], []).append(_day(complaint["date_filed"]))
    checked = 0
    for exam in demo["exams"]:
        forensic = exam.get("forensic_examination")
        if not forensic:
            continue
        checked += 1
        made = _day(forensic["date"])
        first = min(filed.get(exam["case_id"], [date.max]))
        assert first < made, (demo["cases"][exam["case_id"]]["code"], forensic["date"], first)
    assert checked > 40  # the rule is exercised


def test_findings_are_graded_only_against_allegations_that_could_leave_them(demo):
    threat_only = graded = 0
    for exam in demo["exams"]:
        case = demo["cases"][exam["case_id"]]
        allegations = {a["id"]: a for a in case["allegations"]}
        physical = any(set(a["methods"]) & PHYSICAL for a in allegations.values())
        if not physical:
            threat_only += 1
            assert exam["overall_opinion"] == "not_consistent", (case["code"], exam["overall_opinion"])
        for injury in exam["injuries"]:
            if not physical:
                assert "allegation_id" not in injury and "method" not in injury, case["code"]
                assert injury["consistency"] == "not_consistent", (case["code"], injury["consistency"])
            if "allegation_id" in injury:
                graded += 1
                methods = allegations[injury["allegation_id"]]["methods"]
                assert injury.get("method") in methods and injury["method"] in PHYSICAL, (case["code"], injury)
            if injury["injury_type"] in NON_SPECIFIC:
                assert injury["consistency"] not in ("typical", "diagnostic"), (case["code"], injury)
    assert threat_only > 10 and graded > 400  # both kinds are exercised


def test_exams_are_signed_after_they_happen_and_record_each_system(demo):
    for exam in demo["exams"]:
        signed = _day(exam["signing_date"])
        assert _day(exam["date"]) <= signed, exam["id"]
        if exam.get("sealed_at"):
            assert signed <= _day(exam["sealed_at"]), exam["id"]
        systems = exam["systems"]
        # a system with findings has an injury behind it, and a normal one has no finding text
        assert sum(1 for s in systems.values() if "abnormal_findings" in s) <= len(exam["injuries"])
        assert all(("normal" in s) != ("abnormal_findings" in s) for s in systems.values())
        if exam["injuries"]:
            assert any("abnormal_findings" in s for s in systems.values()), exam["id"]
        assert len(exam["psychological_evaluation"]["mental_status"]) == 8
