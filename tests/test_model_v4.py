"""Record model v4: the report's story as data (proceedings per defendant, decisions, consent that can
be withdrawn, reprisals, refused visits, official statistics), cross-field rules, vocabularies."""

from __future__ import annotations

import copy
import hashlib
import io
import json

import pytest
from records import full_set, new_person, new_term, new_visit, uid

from monitor.core.store import consent
from monitor.core.model import proceedings, vocab
from monitor.core.queries import statistics
from monitor.core.errors import ConsentRequired, SchemaViolation
from monitor.core.io.dump import dump_records

# The seed report's official figures: statements on torture and criminal cases opened.
REPORT_TABLE = [
    ("2009-01-01", "2009-12-31", 14, 3), ("2010-01-01", "2010-12-31", 36, 10),
    ("2011-01-01", "2011-12-31", 52, 15), ("2012-01-01", "2012-12-31", 602, 18),
    ("2013-01-01", "2013-05-31", 304, 19),
]


@pytest.fixture
def stocked(vault):
    blob = vault.store_blob(io.BytesIO(b"\x89PNG v4 photo" * 100))
    records = full_set(blob.sha256, blob.size)
    vault.put_many(records)
    return vault, {r["id"]: r for r in records}


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def by_type(records: dict, t: str) -> dict:
    return next(r for r in records.values() if r["type"] == t)


def test_proceeding_with_two_defendants_round_trips_through_dump(stocked):
    vault, records = stocked
    proceeding = by_type(records, "proceeding")
    dumped = [r for r in dump_records(vault) if r["type"] == "proceeding"]
    assert dumped == [proceeding]
    charges = dumped[0]["charges"]
    assert [c["punishments"][0]["kind"] for c in charges] == ["suspended_imprisonment", "imprisonment"]
    assert charges[1]["punishments"][0]["years"] == 7 and "officer" in charges[1]
    stages = proceedings.articles_by_stage(dumped[0])
    assert stages == {"article_registered": "cc2014-146", "article_charged": "cc2014-362",
                      "article_judgment": "cc2014-362"}
    assert vocab.attributes(vault.conn, "article", stages["article_registered"])["group"] == "torture"
    assert vocab.attributes(vault.conn, "article", stages["article_charged"])["group"] == "abuse_of_power"


def test_status_at_any_date_is_rebuilt_from_the_decision_chain(stocked):
    _vault, records = stocked
    p = by_type(records, "proceeding")
    assert proceedings.status_at(p, "2026-04-01") is None
    assert proceedings.status_at(p, "2026-05-31") == "refused"
    assert proceedings.status_at(p, "2026-07-01") == "refusal_overturned"
    assert proceedings.status_at(p, "2026-12-31") == "judgment"


def test_v3_proceeding_reads_as_one_charge_per_defendant():
    legacy = {"defendants": [uid(5)], "article": "cc1997-308", "outcome": "conviction",
              "sentence_years": 2.5, "sentence_suspended": True}
    (charge,) = proceedings.defendants(legacy)
    assert charge["verdict"] == "convicted"
    assert charge["punishments"] == [{"kind": "suspended_imprisonment", "years": 2, "months": 6}]


def test_consent_withdrawn_after_a_sealed_interview_is_the_current_consent(stocked):
    vault, records = stocked
    interview = by_type(records, "interview")
    person = interview["person_id"]
    vault.seal(interview["id"])
    assert consent.allows(vault, person, "share_with_lawyer")  # from the legacy consent and the record
    withdrawal = {"id": uid(200), "type": "consent", "person_id": person, "date": "2026-04-02T10:00:00+05:00",
                  "method": "written", "withdrawal": True, "scope": {"share_with_lawyer": False, "photographs": False},
                  "notes": "Келісімін кері қайтарып алды"}
    vault.put(withdrawal)
    state = consent.current(vault, person)
    assert state["share_with_lawyer"].given is False and state["share_with_lawyer"].withdrawn
    assert state["share_with_lawyer"].record_id == withdrawal["id"]
    assert state["documentation"].given  # untouched items keep their state
    assert not consent.allows(vault, person, "photographs")
    assert not consent.allows(vault, person, "publication_with_name")
    assert vault.info(interview["id"]).sealed  # the sealed interview itself never changed
    # the order records arrived in does not matter: the earlier consent written later changes nothing
    vault.put({"id": uid(201), "type": "consent", "person_id": person, "date": "2026-03-03T10:00:00+05:00",
               "method": "oral", "scope": {"share_with_lawyer": True}})
    assert not consent.allows(vault, person, "share_with_lawyer")


def test_a_withdrawal_must_withdraw_something(vault):
    vault.put(new_person(uid(3)))
    with pytest.raises(SchemaViolation, match="withdrawal must set at least one item to false"):
        vault.put({"id": uid(4), "type": "consent", "person_id": uid(3), "date": "2026-01-01T10:00:00Z",
                   "method": "oral", "withdrawal": True, "scope": {"documentation": True}})


def test_sealing_an_examination_needs_documentation_consent(stocked):
    vault, records = stocked
    exam = by_type(records, "examination")
    vault.put(new_person(uid(300), code="P-2026-0300"))
    unconsented = {**copy.deepcopy(exam), "id": uid(301), "person_id": uid(300)}
    del unconsented["consent_id"]
    unconsented["injuries"][0]["id"] = uid(302)
    vault.put(unconsented)
    with pytest.raises(ConsentRequired, match="consent"):
        vault.seal(uid(301))
    assert not vault.info(uid(301)).sealed
    vault.seal(exam["id"])  # its person gave consent to documentation
    assert vault.info(exam["id"]).sealed


def test_refused_visit_and_reprisal_round_trip(stocked):
    vault, records = stocked
    facility = by_type(records, "facility")
    refused = new_visit(uid(400), facility["id"], date_start="2026-05-12", outcome="refused", announced=True,
                        access_denied={"areas": ["ШИЗО", "медчасть"], "persons": ["осуждённый К."],
                                       "refused_by": "заместитель начальника колонии",
                                       "reason_given": "Нет разрешения КУИС"},
                        recommendations=[{"id": uid(401), "text": "Обеспечить доступ НПМ", "status": "new",
                                          "deadline": "2027-06-01"}])
    vault.put(refused)
    dumped = {r["id"]: r for r in dump_records(vault)}
    assert dumped[refused["id"]] == refused
    reprisal = by_type(records, "reprisal")
    assert dumped[reprisal["id"]] == reprisal
    refused_count = [info.id for info in vault.records("visit", where={"outcome": "refused"})]
    assert refused_count == [refused["id"]]
    with pytest.raises(SchemaViolation, match="refused at the gate has no interviews"):
        vault.put({**refused, "interviews_count": 4})


def test_official_statistics_give_back_the_report_table(vault):
    rows = []
    for n, (start, end, statements, cases) in enumerate(REPORT_TABLE):
        for k, (indicator, value) in enumerate((("complaints_registered", statements),
                                                ("criminal_cases_opened", cases))):
            rows.append({"id": uid(500 + 2 * n + k), "type": "statistic", "indicator": indicator, "value": value,
                         "period_start": start, "period_end": end, "source_authority": "prosecutor",
                         "source_document": "Официальные данные, приведённые в докладе коалиции НПО"})
    vault.put_many(rows)
    complaints = statistics.official(vault, "complaints_registered")
    assert [(f.period_start, f.period_end, f.value) for f in complaints] == [(s, e, v) for s, e, v, _ in REPORT_TABLE]
    assert [f.partial for f in complaints] == [False, False, False, False, True]
    cases = statistics.official(vault, "criminal_cases_opened")
    assert [f.value for f in cases] == [3, 10, 15, 18, 19]


@pytest.mark.parametrize("change, message", [
    (lambda r: r["complaint"].update(reply_date="2026-03-01"), "reply cannot come before"),
    (lambda r: r["complaint"].update(date_filed="2099-03-05"), "is in the future"),
    (lambda r: r["complaint"].update(responses=[{"id": uid(600), "date": "2026-01-01", "kind": "reply"}]),
     "before the complaint was filed"),
    (lambda r: r["proceeding"].update(status="investigation"), "does not agree with the outcome"),
    (lambda r: r["proceeding"].update(judgment_date="2026-01-01"), "judgment cannot come before"),
    (lambda r: r["proceeding"].update(sentence_life=True), "life sentence has no term"),
    (lambda r: r["proceeding"]["charges"][1]["punishments"][0].update(life=True), "life sentence has no term"),
    (lambda r: r["proceeding"]["charges"][1].update(person_id=uid(5)), "either as a person"),
    (lambda r: r["proceeding"]["charges"][1]["punishments"][0].update(probation_years=2), "probation period belongs"),
    (lambda r: r["proceeding"]["charges"][0].update(verdict="acquitted"), "has no punishment"),
    (lambda r: r["proceeding"]["decisions"].reverse(), "in date order"),
    (lambda r: r["examination"].update(private=True, officer_present=True), "in private has no officer"),
    (lambda r: r["case"].update(period_end="2026-01-01"), "ends before it starts"),
    (lambda r: r["statistic"].update(period_end="2012-12-31"), "ends before it starts"),
])
def test_cross_field_rules_refuse_and_leave_the_vault_unchanged(stocked, vault_path, change, message):
    vault, records = stocked
    mine = {r["type"]: copy.deepcopy(r) for r in records.values() if r["type"] not in ("person", "link")}
    change(mine)
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(vault_path)
    changed = [r for r in mine.values() if r != records[r["id"]]]
    assert changed, "the change did nothing"
    with pytest.raises(SchemaViolation, match=message):
        vault.put_many(changed)
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert digest(vault_path) == before


def test_a_proceeding_and_its_complaint_belong_to_the_same_case(stocked):
    vault, records = stocked
    other_case = {**by_type(records, "case"), "id": uid(700), "code": "KZ-2026-0700"}
    vault.put(other_case)
    moved = {**by_type(records, "proceeding"), "case_id": uid(700)}
    with pytest.raises(SchemaViolation, match="complaint belongs to another case"):
        vault.put(moved)
    # in one batch, both sides are read from the batch itself
    complaint = {**by_type(records, "complaint"), "id": uid(701), "case_id": uid(700)}
    proceeding = {**moved, "id": uid(702), "complaint_id": uid(701)}
    vault.put_many([proceeding, complaint])
    with pytest.raises(SchemaViolation, match="complaint belongs to another case"):
        vault.put_many([{**proceeding, "case_id": by_type(records, "case")["id"]}, complaint])


def test_every_vocabulary_label_exists_in_en_ru_kk():
    for vocabulary in vocab.shipped():
        assert all(vocabulary["labels"].get(lang) for lang in vocab.LANGUAGES), vocabulary["vocabulary"]
        for term in vocabulary["terms"]:
            missing = [lang for lang in vocab.LANGUAGES if not term["labels"].get(lang, "").strip()]
            assert not missing, f"{vocabulary['vocabulary']}:{term['key']} lacks {missing}"


def test_v4_terms_labels_and_merges(vault):
    assert vault.label("injury_type", "laceration", "ru") == "Ушибленная рана"
    assert vault.label("role", "relative", "kk") == "Туысқан"
    assert "perpetrator" not in vault.label("role", "alleged_perpetrator", "en").lower()
    methods = dict(vault.vocabulary("method"))
    assert {"falanga", "forced_nudity", "heat_cold", "pepper_spray", "mock_execution", "forced_witnessing"} <= set(methods)
    # merged terms stay valid for old records but are no longer offered
    assert "forced_stress_positions" not in methods
    assert "forced_stress_positions" in dict(vault.vocabulary("method", include_deprecated=True))
    assert vocab.attributes(vault.conn, "method", "forced_stress_positions")["replaced_by"] == "positional"
    assert {"cc1997-307", "cc1997-347-1", "cc2014-361", "cc2014-419", "cc1997-351"} <= set(dict(vault.vocabulary("article")))
    assert {"ear_left", "scalp", "wrist_left", "ankle_right", "sole_left", "shoulder_right", "perineum"} <= \
        set(dict(vault.vocabulary("body_region")))
    assert {"tramline_bruise", "petechiae", "perforated_eardrum"} <= set(dict(vault.vocabulary("injury_type")))
    official = vocab.attributes(vault.conn, "consistency", "highly_consistent")["official_ru"]
    assert vault.label("consistency", "highly_consistent", "ru") == official


def test_a_user_term_still_wins_when_built_in_vocabularies_refresh(vault, vault_path):
    from conftest import reopen

    vault.put(new_term(uid(800), "gas_mask", {"en": "Gas mask", "ru": "Противогаз", "kk": "Газқағар"}))
    # a later Monitor ships a changed vocabulary: simulate by forgetting which one this vault has
    vault.conn.execute("DELETE FROM meta WHERE key = 'vocabularies'")
    vault.conn.execute("UPDATE vocab_terms SET labels = '{\"en\": \"stale\"}' WHERE key = 'falanga'")
    vault.close()
    with reopen(vault_path) as again:
        assert again.label("method", "gas_mask", "ru") == "Противогаз"
        assert again.label("method", "falanga", "en").startswith("Falanga")


def test_injury_on_any_diagram_view_and_v3_side_still_valid(stocked):
    vault, records = stocked
    exam = copy.deepcopy(by_type(records, "examination"))
    exam["injuries"].append({"id": uid(900), "view": "soles", "x": 0.3, "y": 0.6, "region": "sole_left",
                             "injury_type": "bruise", "consistency": "typical", "method": "falanga",
                             "other_causes": "Падение исключено: локализация на подошвах"})
    vault.put(exam)
    assert vault.get(exam["id"])["injuries"][1]["view"] == "soles"
    bad = copy.deepcopy(exam)
    del bad["injuries"][1]["view"]
    with pytest.raises(SchemaViolation):
        vault.put(bad)
    bad["injuries"][1]["view"] = "front"
    bad["injuries"][1]["side"] = "back"
    with pytest.raises(SchemaViolation, match="contradicts side"):
        vault.put(bad)


def test_numbers_are_bounded(stocked):
    vault, records = stocked
    exam = copy.deepcopy(by_type(records, "examination"))
    exam["injuries"][0]["length_mm"] = 1e308
    with pytest.raises(SchemaViolation, match="out of range"):
        vault.put(exam)
    exam["injuries"][0]["length_mm"] = 10 ** 30
    with pytest.raises(SchemaViolation, match="out of range"):
        vault.put(exam)
