"""The medical evaluation report for one examination, on the Istanbul Protocol Annex IV headings.

Each physical finding carries its consistency term and the allegation it is graded against; the
psychological evaluation and the overall opinion use the same five terms (labels from the vault's
``consistency`` vocabulary, in the report's language). Reads v3 examinations and the v4 Annex IV
fields (reason, request, times, report number, veracity and truthfulness statements, privacy,
forensic examination, psychological evaluation, per-injury view/allegation/method) where present.
"""

from __future__ import annotations

from ..messages import Message
from ..model import diagram, schema, titles
from .common import fields, finish, flag_conflict, new_report
from .evidence import addendum_note, seal_rows
from .i18n import Tr
from .images import exam_photos
from .model import Paragraph, Report, Section, Table
from .parts import body_diagram, consent_at_act, injury_table, missing_consent
from .redaction import Redactor, ReportRefused
from .sources import Reader


def _text_or_note(tr: Tr, red: Redactor, value) -> Paragraph:
    return Paragraph(red.text(value)) if value else Paragraph(tr("not_stated"), "note")


def _mental_status_items() -> list[str]:
    """The mental-status items in the schema's order (appearance … insight and judgement)."""
    node = schema.inlined("examination")["properties"]["psychological_evaluation"]["properties"]["mental_status"]
    return list(node["properties"])


def _systems(tr: Tr, red: Redactor, systems: dict) -> Table:
    """Every system of the examination, in the schema's order: no abnormality found, the findings, or
    not recorded (a negative finding is a finding, and an unexamined system is not a normal one)."""
    rows = []
    for key in schema.inlined("examination")["properties"]["systems"]["properties"]:
        entry = systems.get(key) or {}
        if entry.get("abnormal_findings"):
            found = red.text(entry["abnormal_findings"])
        elif entry.get("normal") is True:
            found = tr("system_normal")
        elif entry.get("normal") is False:
            found = tr("system_abnormal")
        else:
            found = tr("system_not_recorded")
        rows.append([titles.field_title(f"examination.systems.{key}", tr.lang), found])
    return Table([tr("system"), tr("system_finding")], rows, widths=[2.5, 4.5], caption=tr("systems"))


def build_medical(vault, exam_id: str, tr: Tr, level: str, *, audience: str | None = None) -> Report:
    if level == "aggregate":  # about one person: refused before anything is read, as the dossier is
        raise ReportRefused(Message("report_medical_aggregate"))
    reader = Reader(vault)
    exam = reader.get(exam_id, "examination")
    b = exam.body
    lang = tr.lang
    # without a number of its own: the person's code and the date, never a fragment of a record id
    subject = reader.maybe(b.get("person_id"), "person")
    number = b.get("report_number") or " / ".join(
        x for x in ((subject.body.get("code") if subject else ""), tr.date(b.get("date"))) if x)
    report = new_report("medical", tr, level, title=tr("medical_title"), code=f"{tr('report_number')} {number}",
                        subject_id=exam.id)
    red = Redactor(reader, level, tr, report.withheld, audience=audience)
    report.audience = red.audience
    if red.audience == "un":
        report.marking = tr("marking_un")
    person = red.claim(b["person_id"], "examined")
    case = reader.maybe(b.get("case_id"), "case")
    place = reader.maybe((case.body if case else {}).get("facility_id"), "facility")
    tr.region = place.body.get("region") if place else None  # local times in the place's zone
    # everyone named in the case may appear in free text: register them (in their role) for scrubbing
    if case is not None:
        for allegation in case.body.get("allegations", []):
            for pid in allegation.get("victim_ids", []):
                red.claim(pid, "victim")
            for perp in allegation.get("perpetrators", []):
                red.claim(perp.get("person_id"), "alleged_perpetrator")
        for link in reader.referring(case.id, "link"):
            red.claim(link.body.get("person_id"), link.body.get("role", ""))
        for iv in reader.all("interview", case_id=case.id):
            red.claim(iv.body.get("person_id"), "interviewed")
    item = "documentation" if red.full else "anonymised_reports"
    if not red.consent.allows(b["person_id"], item):
        if person:
            msg_id = "report_no_consent_documentation" if red.full else "report_no_consent_anonymised"
            raise ReportRefused(Message(msg_id, person=str(person.body["code"])))
        raise ReportRefused(Message("report_no_consent_documentation_unnamed" if red.full
                                    else "report_no_consent_anonymised_unnamed"))
    if red.audience == "un" and not red.consent.allows(b["person_id"], "share_with_un"):
        # a UN body receives the evaluation only with the person's authorisation: say whose and which
        raise ReportRefused(Message("report_no_consent_un", person=str(person.body["code"]) if person else "—",
                                    item=tr("c_share_with_un")))
    examiner = b.get("examiner") or {}
    flag_conflict(report, tr, exam, tr("medical_title"))
    report.cover += [(tr("subject"), red.name(person)), (tr("date"), tr.when(b["date"])),
                     (tr("examiner"), red.staff(examiner.get("name"))),
                     (tr("audience"), tr(f"audience_{red.audience}"))]
    if case is not None:
        report.cover.append((tr("case"), case.body["code"]))
    report.subtitle = tr("medical_subtitle")

    # 1. case information
    request = b.get("request") or {}
    requesting = request.get("party") or b.get("requesting_party")
    duration = " — ".join(x for x in (tr.when(b.get("time_start")), tr.when(b.get("time_end"))) if x)
    s1 = Section(tr("ip1"))
    flag_conflict(report, tr, exam, tr("medical_title"), s1)
    rows = [
        (tr("date"), tr.when(b["date"])),
        (tr("subject"), red.name(person)),
        *(red.identity_rows(person) if person is not None else []),
        (tr("requesting_party"), ", ".join(x for x in (red.text(requesting), tr.date(request.get("date", "")),
                                                        request.get("reference", "")) if x)),
        (tr("report_number"), number),
        (tr("duration"), duration),
        (tr("reason"), red.text(b.get("reason"))),
        (tr("case"), case.body["code"] if case else ""),
        (tr("place"), red.text(b.get("place"))),
        (tr("examiner"), red.staff(examiner.get("name"))),
        (tr("interpreter"), red.staff(b.get("interpreter")) if b.get("interpreter") else ""),
        (tr("persons_present"), red.staff(b.get("persons_present", [])) if b.get("persons_present") else ""),
        (tr("private"), tr.yes_no(b.get("private")) if "private" in b else ""),
        (tr("officer_present"), tr.yes_no(b.get("officer_present")) if "officer_present" in b else ""),
        (tr("restraints"), red.text(b.get("restraints"))),
        (tr("conditions"), red.text(b.get("conditions"))),
    ]
    s1.add(fields(rows))
    s1.add(Section(tr("informed_consent"), level=3).add(*consent_at_act(red, tr, exam, "examination")))
    report.sections.append(s1)

    report.sections.append(Section(tr("ip2")).add(
        _text_or_note(tr, red, examiner.get("qualifications") if red.full else None)
        if red.full else Paragraph(red.staff(examiner.get("name")) or tr("not_stated"), "note")))
    report.sections.append(Section(tr("ip3")).add(_text_or_note(tr, red, b.get("veracity_statement"))))
    report.sections.append(Section(tr("ip4")).add(
        _text_or_note(tr, red, b.get("medical_background") or b.get("history"))))

    # 5. allegations
    s5 = Section(tr("ip5"))
    allegation_names: dict[str, str] = {}
    if case is not None:
        for i, allegation in enumerate(case.body.get("allegations", []), 1):
            name = f"{tr('allegation')} {i}"
            allegation_names[allegation.get("id", "")] = name
            s5.add(Section(name, level=3).add(fields([
                (tr("date"), tr.span(allegation.get("date"), allegation.get("date_end"))),
                (tr("place"), red.text(allegation.get("place"))),
                (tr("methods"), ", ".join(reader.label("method", m, lang) for m in allegation.get("methods", []))),
                (tr("description"), red.text(allegation.get("description"))),
            ])))
    if b.get("history") and b.get("medical_background"):
        s5.add(Paragraph(red.text(b["history"])))
    if not s5.blocks:
        s5.add(_text_or_note(tr, red, b.get("history")))
    report.sections.append(s5)

    report.sections.append(Section(tr("ip6")).add(_text_or_note(tr, red, b.get("symptoms"))))

    # 7. physical examination
    injuries = b.get("injuries", [])
    s7 = Section(tr("ip7"))
    if injuries:
        single = next(iter(allegation_names.values())) if len(allegation_names) == 1 else ""
        graded = {aid: name for aid, name in allegation_names.items()}
        if single:  # one allegation: every finding is graded against it
            graded = {inj.get("allegation_id"): single for inj in injuries}
        s7.add(injury_table(reader, red, tr, injuries, graded=True, allegations=graded))
        for i, inj in enumerate(injuries, 1):
            notes = " ".join(x for x in (red.text(inj.get("notes")), red.text(inj.get("other_causes"))) if x)
            if notes:
                s7.add(Paragraph(f"{i}. {notes}", "small"))
    else:
        s7.add(Paragraph(tr("no_injuries")))
    if b.get("systems"):
        s7.add(_systems(tr, red, b["systems"]))
    report.sections.append(s7)

    # 8. psychological
    s8 = Section(tr("ip8"))
    s8.add(_text_or_note(tr, red, b.get("psychological_findings")))
    psych = b.get("psychological_evaluation") or {}
    mental = psych.get("mental_status") or {}
    if mental:
        s8.add(Section(tr("mental_status"), level=3).add(fields([
            (titles.field_title(f"examination.psychological_evaluation.mental_status.{key}", lang), red.text(value))
            for key, value in ((k, mental.get(k)) for k in _mental_status_items()) if value])))
    if set(psych) - {"mental_status"}:
        s8.add(fields([
            (tr("psych_symptoms"), ", ".join(red.text(x) for x in psych.get("symptoms", []))),
            (tr("psych_diagnoses"), "; ".join(f"{d.get('icd_code', '')} {red.text(d.get('label', ''))}".strip()
                                              for d in psych.get("diagnoses", []))),
            (tr("psych_consistency"), reader.label("consistency", psych.get("consistency"), lang)),
            (tr("notes"), red.text(psych.get("notes"))),
        ]))
    report.sections.append(s8)

    # 9. photographs
    s9 = Section(tr("ip9"))
    photos = exam_photos(vault=vault, reader=reader, red=red, tr=tr, exam=exam)
    if photos:
        s9.add(*[blk for _, blk in photos])
    else:
        s9.add(Paragraph(tr("none")))
    report.sections.append(s9)

    report.sections.append(Section(tr("ip10")).add(_text_or_note(tr, red, b.get("diagnostic_tests"))))
    s11 = Section(tr("ip11")).add(_text_or_note(tr, red, b.get("consultations")))
    forensic = b.get("forensic_examination") or {}
    if forensic:
        s11.add(Section(tr("forensic"), level=3).add(fields([
            (tr("reference"), forensic.get("number")), (tr("date"), tr.date(forensic.get("date"))),
            (tr("forensic_expert"), red.staff(forensic.get("expert")) if forensic.get("expert") else ""),
            (tr("harm"), reader.label("harm_severity", forensic.get("harm_severity"), lang)),
            (tr("forensic_conclusions"), red.text(forensic.get("conclusions"))),
        ])))
    report.sections.append(s11)

    # 12. interpretation, with the five terms
    s12 = Section(tr("ip12"))
    s12.add(_text_or_note(tr, red, b.get("interpretation")))
    if injuries:
        s12.add(Table([tr("injury_no"), tr("type"), tr("consistency"), tr("finding_graded")],
                      [[str(i), reader.label("injury_type", inj.get("injury_type"), lang),
                        reader.label("consistency", inj.get("consistency"), lang),
                        graded.get(inj.get("allegation_id"), "")] for i, inj in enumerate(injuries, 1)],
                      widths=[0.5, 2, 2.5, 2.5]))
    # the five terms with what each means (Istanbul Protocol), in the report's language
    terms = reader.vault.vocabulary("consistency", lang)
    s12.add(Table([tr("consistency_terms"), tr("consistency_meaning")],
                  [[label, diagram.consistency_definition(key, lang)] for key, label in terms],
                  widths=[2, 5], caption=tr("consistency_meanings")))
    report.sections.append(s12)

    s13 = Section(tr("ip13"))
    s13.add(fields([(tr("overall_opinion"), reader.label("consistency", b.get("overall_opinion"), lang))]))
    if b.get("overall_opinion") in diagram.consistency_definitions():  # the sentence says what the term says
        s13.add(Paragraph(tr(f"opinion_{b['overall_opinion']}")))
    s13.add(Paragraph(tr("overall_note"), "note"))
    s13.add(_text_or_note(tr, red, b.get("conclusions")))
    if b.get("recommendations"):
        s13.add(Paragraph(red.text(b["recommendations"])))
    report.sections.append(s13)
    report.sections.append(Section(tr("ip14")).add(_text_or_note(tr, red, b.get("truthfulness_statement"))))
    report.sections.append(Section(tr("ip15")).add(_text_or_note(tr, red, b.get("restrictions"))))

    s16 = Section(tr("ip16"))
    # the signing date is its own field; the examination's date stands in only when it is absent, and says so
    s16.add(fields([(tr("examiner"), red.staff(examiner.get("name"))),
                    (tr("signing_date"), tr.date(b.get("signing_date") or b["date"])),
                    (tr("place"), red.text(b.get("place")))]))
    if not b.get("signing_date"):
        s16.add(Paragraph(tr("signing_date_is_exam_date"), "note"))
    s16.add(Paragraph(tr("signature_line"), "signature"))
    if b.get("sealed"):
        s16.add(fields(seal_rows(reader, red, tr, exam)))
        addenda = sorted(reader.referring(exam.id, "addendum"), key=lambda a: a.body["date"])
        for a in addenda:
            s16.add(Paragraph(f"{tr('addenda')}: {tr.when(a.body['date'])} — {red.staff(a.body.get('author'))}: "
                              f"{red.text(a.body['text'])}"), Paragraph(addendum_note(reader, red, tr, a), "small"))
    report.sections.append(s16)

    s17 = Section(tr("ip17"))
    if injuries:
        s17.add(body_diagram(tr, injuries, reader))
    else:
        s17.add(Paragraph(tr("no_injuries")))
    report.sections.append(s17)
    missing_consent(report, red, tr)
    return finish(report, reader, red, tr)
