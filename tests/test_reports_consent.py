"""Consent in the reports (issue 18 §1): the consent in force at the act, no identity a person did
not allow for the report's audience, and the UN audience — on real vaults and real PDFs."""

from __future__ import annotations

import io

import pytest
from conftest import PASSPHRASE, TEST_KDF, reopen
from records import SECRET, full_set, uid
from reports_support import flat, pdftotext, png_bytes

from monitor.core import reports
from monitor.core.errors import MonitorError
from monitor.core.history.revisions import new_id
from monitor.core.reports.redaction import OFFICIAL_ROLES, ReportRefused
from monitor.core.store import consent

CASE, VISIT, PERSON, EXAM = uid(6), uid(2), uid(3), uid(8)
WITNESS, W_INTERVIEW, W_CONSENT, W_LINK = uid(40), uid(41), uid(42), uid(43)
W_NAME, W_LATIN, W_DOB = "Жасұлан Секретбеков", "Zhasulan Sekretbekov", "1985-11-23"
W_CODE = "P-2026-0050"


# --- the consent in force at an act: core, with hand-made histories --------------------------------

def _consent(pid, date, scope, **extra):
    return {"id": new_id(), "type": "consent", "person_id": pid, "date": date, "method": "written",
            "scope": scope, **extra}


@pytest.fixture
def person(vault):
    vault.put({"id": uid(60), "type": "person", "code": "P-2026-0060"})
    return uid(60)


def test_consent_before_the_act_is_in_force_and_a_later_withdrawal_is_listed_apart(vault, person):
    vault.put_many([
        _consent(person, "2026-03-01T09:00:00+05:00", {"documentation": True, "share_with_lawyer": True},
                 taken_by="А. Сәрсенова"),
        _consent(person, "2026-03-20T10:00:00+05:00", {"share_with_lawyer": False}, withdrawal=True),
    ])
    history = consent.history(vault, person)
    at = consent.in_force(history, "2026-03-02T11:30:00+05:00")
    assert at["share_with_lawyer"].given and at["share_with_lawyer"].date == "2026-03-01T09:00:00+05:00"
    assert at["documentation"].given
    later = consent.later(history, "2026-03-02T11:30:00+05:00")
    assert [e.date for e in later] == ["2026-03-20T10:00:00+05:00"] and later[0].withdrawal
    assert later[0].scope == {"share_with_lawyer": False}
    # the current consent, by contrast, has the withdrawal
    assert not consent.current(vault, person)["share_with_lawyer"].given
    assert history[0].taken_by == "А. Сәрсенова" and history[0].method == "written"


def test_consent_given_only_after_the_act_was_not_in_force(vault, person):
    vault.put(_consent(person, "2026-03-04T10:00:00+05:00", {"documentation": True}))
    history = consent.history(vault, person)
    assert consent.in_force(history, "2026-03-02T11:30:00+05:00") == {}
    assert [e.date for e in consent.later(history, "2026-03-02T11:30:00+05:00")] == ["2026-03-04T10:00:00+05:00"]


def test_instants_compare_across_time_zones(vault, person):
    # 09:00 in Almaty (+05:00) is 04:00 UTC: before an act at 05:00 UTC the same day, after one at 03:00 UTC
    vault.put(_consent(person, "2026-03-02T09:00:00+05:00", {"documentation": True}))
    history = consent.history(vault, person)
    assert consent.in_force(history, "2026-03-02T05:00:00Z")
    assert not consent.in_force(history, "2026-03-02T03:00:00Z")


def test_consent_taken_for_the_act_counts_on_its_day_only(vault, person):
    act = uid(61)
    vault.put({"id": act, "type": "interview", "person_id": person, "interviewers": ["О. Петров"],
               "date": "2026-03-02T11:30:00+05:00", "private": True, "narrative": "…", "reprisal_risk": "low"})
    same_day = _consent(person, "2026-03-02T11:40:00+05:00", {"documentation": True}, covers=[act])
    vault.put(same_day)
    history = consent.history(vault, person)
    # written down ten minutes after the interview began, for that interview: in force
    assert consent.in_force(history, "2026-03-02T11:30:00+05:00", act_id=act)["documentation"].given
    assert consent.in_force(history, "2026-03-02T11:30:00+05:00", consent_id=same_day["id"])
    # the same record, for another act at that hour, is later than it
    assert consent.in_force(history, "2026-03-02T11:30:00+05:00", act_id=uid(62)) == {}
    # a consent for the act but dated a later day is not in force at it
    vault.put(_consent(person, "2026-03-05T10:00:00+05:00", {"photographs": True}, covers=[act]))
    at = consent.in_force(consent.history(vault, person), "2026-03-02T11:30:00+05:00", act_id=act)
    assert "photographs" not in at and at["documentation"].given


def test_an_act_dated_without_time_is_compared_by_calendar_day(vault, person):
    vault.put(_consent(person, "2026-03-02T18:00:00+05:00", {"documentation": True}))
    history = consent.history(vault, person)
    assert consent.in_force(history, "2026-03-02")  # the same day as written
    assert not consent.in_force(history, "2026-03-01")


def test_legacy_interview_consent_is_a_statement_at_its_own_date(vault, person):
    vault.put({"id": uid(63), "type": "interview", "person_id": person, "interviewers": ["О. Петров"],
               "date": "2026-03-01T10:00:00+05:00", "private": True, "narrative": "…", "reprisal_risk": "low",
               "consent": {"documentation": True, "photographs": False, "intimate_photographs": False,
                           "share_with_lawyer": True, "anonymised_reports": True, "publication_with_name": False}})
    history = consent.history(vault, person)
    assert history[0].record_id == uid(63) and history[0].covers == (uid(63),)
    assert consent.in_force(history, "2026-03-01T10:00:00+05:00", act_id=uid(63))["share_with_lawyer"].given
    assert consent.in_force(history, "2026-02-28T10:00:00+05:00") == {}


# --- the consent in force, printed ----------------------------------------------------------------

@pytest.fixture
def case_vault(vault):
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    vault.put_many(full_set(blob.sha256, blob.size))
    return vault


def test_medical_report_prints_the_consent_of_the_exam_and_the_later_withdrawal_apart(case_vault, tmp_path):
    # the exam (02.03 11:30) rests on the consent of 02.03 11:15; a withdrawal follows on 01.06
    case_vault.put(_consent(PERSON, "2026-06-01T09:00:00+05:00", {"photographs": False}, withdrawal=True,
                            taken_by="Oleg Petrov"))
    out = tmp_path / "m.pdf"
    reports.generate(case_vault, "medical", out, subject_id=EXAM, lang="en")
    text = flat(pdftotext(out))
    at = text.index("Consent in force at the time of the examination")
    later = text.index("Later changes to the consent")
    assert at < later
    in_force = text[at:later]
    assert "Mar 2, 2026 11:15 AM" in in_force and "Written" in in_force and "Әсел Нұрланова" in in_force
    assert "Jun 1, 2026" not in in_force  # the withdrawal is not the consent the exam rested on
    assert "Jun 1, 2026 9:00 AM" in text[later:] and "Oleg Petrov" in text[later:]


def test_dossier_says_plainly_when_no_consent_was_in_force_at_the_act(case_vault):
    # the interview of 01.03 carries a consent block dated 02.03: given a day after the interview
    text = reports.build(case_vault, "dossier", subject_id=CASE, lang="ru").text()
    assert "На момент опроса (01.03.2026 14:30 (Алматы, UTC+05:00)) согласие не было записано" in text
    assert "Согласие, действовавшее на момент обследования (02.03.2026 11:30 (Алматы, UTC+05:00))" in text
    assert "Последующие изменения согласия" in text


# --- the identity rule: every report, every level, every audience ---------------------------------

def witness_records(vault) -> list[dict]:
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    records = full_set(blob.sha256, blob.size)
    for r in records:
        if r["type"] == "case":
            r["summary"] += f" Свидетель {W_NAME} видел избиение."
        if r["type"] == "examination":
            r["history"] += f" Со слов {W_NAME}, удары наносились дубинкой."
        if r["type"] == "visit":
            r["summary"] += f" {W_LATIN} гуәлік берді."
        if r["type"] == "consent":  # the victim authorises the UN as well
            r["scope"]["share_with_un"] = True
    paper = vault.store_blob(io.BytesIO(b"%PDF-1.4 statement of the witness"))
    records += [
        {"id": uid(44), "type": "attachment", "sha256": paper.sha256, "size": paper.size,
         "mime_type": "application/pdf", "original_name": "Sekretbekov_Zhasulan_zayavlenie.pdf", "parent_id": CASE,
         "added_by": "Айгүл"},
        {"id": WITNESS, "type": "person", "code": W_CODE,
         "identity": {"name_cyrillic": W_NAME, "name_latin": W_LATIN, "date_of_birth": W_DOB, "gender": "male"}},
        {"id": W_LINK, "type": "link", "person_id": WITNESS, "target_id": CASE, "role": "witness"},
        {"id": W_CONSENT, "type": "consent", "person_id": WITNESS, "date": "2026-03-01T15:00:00+05:00",
         "method": "oral", "covers": [W_INTERVIEW],
         "scope": {"documentation": True, "anonymised_reports": True, "share_with_lawyer": False,
                   "share_with_un": False}},
        {"id": W_INTERVIEW, "type": "interview", "person_id": WITNESS, "case_id": CASE, "visit_id": VISIT,
         "interviewers": ["Айгүл Сәрсенова"], "date": "2026-03-01T15:10:00+05:00", "private": True,
         "narrative": "Я видел, как его вели в кабинет 12.", "reprisal_risk": "high", "consent_id": W_CONSENT},
    ]
    return records


@pytest.fixture
def witness_vault(vault):
    vault.put_many(witness_records(vault))
    return vault


def assert_absent(text: str, *values: str) -> None:
    for value in values:
        assert value not in text, value


WITNESS_IDENTITY = (W_NAME, "Секретбеков", W_LATIN, "Sekretbekov", W_DOB, "23.11.1985")


REPORT_KINDS = [(kind, subject, level, audience)
                for kind, subject in (("dossier", CASE), ("medical", EXAM), ("visit", VISIT))
                for level, audience in (("full", None), ("full", "un"), ("pseudonymised", None), ("pseudonymised", "un"))]


@pytest.mark.parametrize("kind, subject, level, audience", REPORT_KINDS + [("stats", None, "aggregate", None)])
def test_a_witness_without_consent_is_never_named(witness_vault, tmp_path, kind, subject, level, audience):
    out = tmp_path / f"{kind}-{level}-{audience}.pdf"
    reports.generate(witness_vault, kind, out, subject_id=subject, lang="ru", level=level, audience=audience)
    raw = pdftotext(out)
    text = flat(raw)
    assert_absent(raw, *WITNESS_IDENTITY)
    assert_absent(text, *WITNESS_IDENTITY)
    if level == "full" or audience == "un":  # the witness allowed anonymised reports only
        assert "Я видел, как его вели" not in text
    if kind == "dossier":
        assert W_CODE in text  # the pseudonym stands in
        assert (SECRET in text) == (level == "full")  # the victim allowed both audiences: named at full level


def test_identity_rule_before_the_fix_would_leak_the_witness(witness_vault):
    """What the lawyer's dossier shows of the witness: his code, his role, no identity, no testimony."""
    report = reports.build(witness_vault, "dossier", subject_id=CASE, lang="ru", level="full")
    persons = next(s for s in report.sections if s.title == "Лица и их роли")
    table = persons.blocks[0]
    row = next(r for r in table.rows if r[0] == W_CODE)
    assert row[1] == "Свидетель" and row[2] == ""  # no "Дал(а) показания": the testimony is withheld
    assert f"Свидетель {W_CODE} видел избиение." in report.text()  # the summary's free text, scrubbed
    assert report.withheld.counts[("идентификационные данные лиц", "нет согласия на передачу адвокату")] == 4
    assert report.withheld.counts[("показания", "нет согласия на передачу адвокату")] == 1


def test_medical_subject_without_lawyer_consent_is_named_by_code(case_vault, tmp_path):
    case_vault.put(_consent(PERSON, "2026-06-01T09:00:00+05:00", {"share_with_lawyer": False}, withdrawal=True))
    out = tmp_path / "m.pdf"
    reports.generate(case_vault, "medical", out, subject_id=EXAM, lang="kk")
    text = flat(pdftotext(out))
    assert_absent(text, SECRET, "Kairat Abilkasymov", "1990-05-17", "17.05.1990", "+7 700")
    assert "P-2026-0042" in text
    assert "Боль при движении" in text  # documentation is still given: the evaluation itself is printed


# --- the UN audience -------------------------------------------------------------------------------

def test_un_dossier_needs_share_with_un_and_names_who_lacks_it(witness_vault, tmp_path):
    out = tmp_path / "un.pdf"
    reports.generate(witness_vault, "dossier", out, subject_id=CASE, lang="en", audience="un")
    text = flat(pdftotext(out))
    assert "Prepared for a UN body (e.g. the Committee against Torture)" in text
    assert "for the UN body named on the cover" in text  # the marking
    assert "Меня били по спине" in text  # the victim authorised the UN
    missing = text[text.rindex("Consent this report's recipient requires"):text.rindex("Withheld from this report")]
    assert f"{W_CODE} sharing with UN bodies" in missing and "P-2026-0042" not in missing
    assert "no authorisation to share with UN bodies" in text  # the reason in the withheld table


def test_un_dossier_without_the_victims_authorisation_withholds_the_testimony(case_vault):
    # full_set's victim gave share_with_lawyer but never share_with_un
    lawyer = reports.build(case_vault, "dossier", subject_id=CASE, lang="en")
    un = reports.build(case_vault, "dossier", subject_id=CASE, lang="en", audience="un")
    assert "Меня били по спине" in lawyer.text() and SECRET in lawyer.text()
    text = un.text()
    assert "Меня били по спине" not in text and SECRET not in text and "Kairat" not in text
    assert un.withheld.counts[("testimonies", "no authorisation to share with UN bodies")] == 1
    assert "P-2026-0042" in text


def test_un_medical_report_is_refused_without_share_with_un(case_vault, tmp_path):
    out = tmp_path / "m.pdf"
    with pytest.raises(ReportRefused) as caught:
        reports.generate(case_vault, "medical", out, subject_id=EXAM, lang="ru", audience="un")
    message = str(caught.value)
    assert "P-2026-0042" in message and "передача органам ООН" in message
    assert not out.exists()
    case_vault.put(_consent(PERSON, "2026-06-01T09:00:00+05:00", {"share_with_un": True}))
    reports.generate(case_vault, "medical", out, subject_id=EXAM, lang="ru", audience="un")
    assert "орган ООН" in flat(pdftotext(out))


def test_audience_and_level_must_fit(case_vault):
    with pytest.raises(MonitorError, match="cannot be at the level 'pseudonymised'"):
        reports.build(case_vault, "dossier", subject_id=CASE, level="pseudonymised", audience="lawyer")
    with pytest.raises(MonitorError, match="unknown audience"):
        reports.build(case_vault, "dossier", subject_id=CASE, audience="press")


# --- a demo vault: every full-level dossier ---------------------------------------------------------

@pytest.fixture(scope="module")
def demo_vault_path(tmp_path_factory):
    from monitor.core.demo.create import create_demo_vault

    path = tmp_path_factory.mktemp("demo") / "demo.vault"
    create_demo_vault(path, PASSPHRASE, cases=16, seed=7, kdf=TEST_KDF)
    return path


def _case_people(vault, case) -> set[str]:
    """Everyone in a case who is asked for consent: all but those in an official role only."""
    ids = {lk.body["person_id"] for lk in vault.records("link", where={"target_id": case.id})
           if lk.body["role"] not in OFFICIAL_ROLES}
    for kind in ("interview", "examination"):
        ids |= {r.body["person_id"] for r in vault.records(kind, where={"case_id": case.id})}
    for allegation in case.body.get("allegations", []):
        ids |= set(allegation.get("victim_ids", []))
    for c in vault.records("complaint", where={"case_id": case.id}):
        if c.body.get("complainant_id"):
            ids.add(c.body["complainant_id"])
    return ids


@pytest.mark.parametrize("audience, item", [(None, "share_with_lawyer"), ("un", "share_with_un")])
def test_demo_full_dossiers_name_nobody_without_the_audiences_consent(demo_vault_path, tmp_path, audience, item):
    hidden_total = 0
    with reopen(demo_vault_path) as vault:
        for case in list(vault.records("case")):
            hidden = []
            for pid in _case_people(vault, case):
                state = consent.current(vault, pid).get(item)
                if state is not None and state.given:
                    continue
                body = vault.get(pid)
                ident = body.get("identity") or {}
                values = [ident.get(k) for k in ("name_cyrillic", "name_latin", "contact") if ident.get(k)]
                if ident.get("date_of_birth"):
                    dob = ident["date_of_birth"]
                    values += [dob, f"{dob[8:10]}.{dob[5:7]}.{dob[:4]}"]
                hidden.append((body["code"], values))
            if not hidden:
                continue
            out = tmp_path / f"{case.body['code']}.pdf"
            reports.generate(vault, "dossier", out, subject_id=case.id, lang="ru", audience=audience)
            text, raw = flat(pdftotext(out)), pdftotext(out)
            for code, values in hidden:
                hidden_total += 1
                assert code in text, (case.body["code"], code)
                for value in values:
                    assert value not in text and value not in raw, (case.body["code"], code, value)
    assert hidden_total >= 3  # the demo has people who refused, or never gave, this item


def _officials(vault) -> set[str]:
    ids = {lk.body["person_id"] for lk in vault.records("link") if lk.body["role"] in OFFICIAL_ROLES}
    for case in vault.records("case"):
        for allegation in case.body.get("allegations", []):
            ids |= {p["person_id"] for p in allegation.get("perpetrators", [])}
    for p in vault.records("proceeding"):
        ids |= set(p.body.get("defendants", []))
        ids |= {c["person_id"] for c in p.body.get("charges", []) if c.get("person_id")}
    return ids


def test_demo_medical_and_visit_reports_name_nobody_without_lawyer_consent(demo_vault_path, tmp_path):
    with reopen(demo_vault_path) as vault:
        officials = _officials(vault)
        hidden = {}
        for person in vault.records("person"):
            state = consent.current(vault, person.id).get("share_with_lawyer")
            if person.id in officials or (state is not None and state.given):
                continue
            ident = person.body.get("identity") or {}
            values = [ident[k] for k in ("name_cyrillic", "name_latin") if ident.get(k)]
            if ident.get("date_of_birth"):
                dob = ident["date_of_birth"]
                values += [dob, f"{dob[8:10]}.{dob[5:7]}.{dob[:4]}"]
            hidden[person.body["code"]] = values
        assert len(hidden) >= 3
        printed = 0
        for kind, records in (("medical", vault.records("examination")), ("visit", vault.records("visit"))):
            for rec in list(records):
                out = tmp_path / f"{kind}-{rec.id}.pdf"
                try:
                    reports.generate(vault, kind, out, subject_id=rec.id, lang="kk")
                except ReportRefused:
                    continue  # no consent to documentation: nothing printed at all
                printed += 1
                text = flat(pdftotext(out))
                for code, values in hidden.items():
                    for value in values:
                        assert value not in text, (kind, rec.id, code, value)
        assert printed >= 5
