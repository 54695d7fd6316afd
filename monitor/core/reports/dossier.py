"""The case dossier, for the victim's lawyer (full) or partners (pseudonymised).

Cover; contents; summary and allegations; chronology; persons and roles; complaints and the chain
of procedural decisions with per-defendant charges and sentences; testimonies verbatim with
interview conditions and consent; medical examinations with body diagrams, injury tables and
photographs; further photographs; attachment index; chain of custody; audit excerpt; what was
withheld. Reads schema v3 fields and the v4 additions where present.
"""

from __future__ import annotations

from ..errors import Cancelled
from ..messages import Message
from ..model import proceedings, registry, titles
from .common import fields, finish, flag_conflict, new_report
from .i18n import Tr
from .evidence import action_text, addendum_note, custody_fields, output_text, seal_rows
from .images import injury_numbers, photo_block
from .model import Paragraph, Report, Section, Table
from .parts import (CONSENT_ITEMS, article_text, body_diagram, consent_at_act, injury_table, missing_consent,
                    punishment_text, sentence_text)
from .redaction import Redactor, ReportRefused
from ..audio import timestamps
from ..store import recordings
from .sources import Reader, Source


def build_dossier(vault, case_id: str, tr: Tr, level: str, *, progress=None, cancel=None,
                  audience: str | None = None) -> Report:
    reader = Reader(vault)
    case = reader.get(case_id, "case")
    body = case.body
    report = new_report("dossier", tr, level, title=tr("dossier_title"), code=body["code"], subject_id=case.id)
    if level == "aggregate":
        raise ReportRefused(Message("report_dossier_aggregate"))
    red = Redactor(reader, level, tr, report.withheld, audience=audience)
    report.audience = red.audience
    if red.audience == "un":
        report.marking = tr("marking_un")
    report.cover.append((tr("audience"), tr(f"audience_{red.audience}")))
    lang = tr.lang

    def step(n: int, label: str) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress:
            progress(n, 10, label)

    step(0, "reading the case")
    interviews = list(reader.all("interview", case_id=case.id))
    exams = list(reader.all("examination", case_id=case.id))
    complaints = list(reader.all("complaint", case_id=case.id))
    proceedings = list(reader.all("proceeding", case_id=case.id))
    # the types the registry lists in a case file of their own (reprisals, …): one chronology line each
    listed = [(entry, list(reader.all(entry.name, case_id=case.id)))
              for entry in registry.sections() if entry.section.listed]
    links = [s for s in reader.referring(case.id, "link")]
    for rec in interviews + exams + complaints + proceedings:
        links += [s for s in reader.referring(rec.id, "link") if s not in links]
    facility = reader.maybe(body.get("facility_id"), "facility")
    tr.region = facility.body.get("region") if facility else None  # local times in the place's zone

    # every person the dossier may mention, registered (with the role they appear in) before any
    # text is printed: the redactor decides from it who may be named (redaction.OFFICIAL_ROLES)
    roles: dict[str, list[str]] = {}

    def add_role(person, label):
        roles.setdefault(person.id, [])
        if label not in roles[person.id]:
            roles[person.id].append(label)

    def role(pid, key):
        person = red.claim(pid, key)
        if person is not None:
            add_role(person, reader.label("role", key, lang))

    def plain_role(pid, key, label, shown=True):
        person = red.claim(pid, key)
        if person is not None and shown:  # a withheld testimony or examination is not hinted at by a role
            add_role(person, label[:1].upper() + label[1:])

    # consent decides once which testimonies and examinations this audience receives
    shown_interviews = [iv for iv in interviews if red.may_share_statement(iv.body["person_id"], "w_testimony")]
    shown_exams = [ex for ex in exams if red.may_share_statement(ex.body["person_id"], "w_examination")]

    for link in links:
        role(link.body.get("person_id"), link.body.get("role"))
    for allegation in body.get("allegations", []):
        for pid in allegation.get("victim_ids", []):
            role(pid, "victim")
        for perp in allegation.get("perpetrators", []):
            role(perp.get("person_id"), "alleged_perpetrator")
    for rec in interviews:
        plain_role(rec.body.get("person_id"), "interviewed", tr("role_interviewed"), rec in shown_interviews)
    for rec in exams:
        plain_role(rec.body.get("person_id"), "examined", tr("role_examined"), rec in shown_exams)
    for rec in complaints:
        if rec.body.get("complainant_id"):
            plain_role(rec.body["complainant_id"], "complainant", tr("role_complainant"))
    for rec in proceedings:
        for victim in rec.body.get("victims", []):
            role(victim.get("person_id"), "victim")
        for pid in rec.body.get("defendants", []):
            plain_role(pid, "defendant", tr("defendant"))
        for charge in rec.body.get("charges", []):
            if charge.get("person_id"):
                plain_role(charge["person_id"], "defendant", tr("defendant"))
    for entry, records in listed:
        for rec in records:
            for name in entry.section.people:
                red.claim(rec.body.get(name), "subject")

    # --- cover and summary ----------------------------------------------------------------------
    report.cover += [(tr("case"), f"{body['code']} — {red.text(body['title'])}"),
                     (tr("status"), reader.label("case_status", body.get("status"), lang))]
    if facility:
        report.cover.append((tr("facility"), facility.body["name"]))
    flag_conflict(report, tr, case, f"{tr('case')} {body['code']}")
    summary = Section(tr("summary"))
    flag_conflict(report, tr, case, f"{tr('case')} {body['code']}", summary)
    period = tr.span(body.get("period_start"), body.get("period_end"))
    summary.add(fields([
        (tr("case"), f"{body['code']} — {red.text(body['title'])}"),
        (tr("status"), reader.label("case_status", body.get("status"), lang)),
        (tr("facility"), _facility_text(reader, facility, lang)),
        (tr("period"), period),
        (tr("tags"), ", ".join(red.text(t) for t in body.get("tags", []))),
    ]))
    if body.get("summary"):
        summary.add(Paragraph(red.text(body["summary"])))
    allegations = Section(tr("allegations"), level=2)
    for i, allegation in enumerate(body.get("allegations", []), 1):
        perps = []
        for perp in allegation.get("perpetrators", []):
            who = red.name(reader.maybe(perp.get("person_id"), "person"))
            inv = reader.label("involvement", perp.get("involvement"), lang)
            perps.append(f"{who} ({inv})" + (f": {red.text(perp['note'])}" if perp.get("note") else ""))
        place_fac = reader.maybe(allegation.get("facility_id"), "facility")
        allegations.add(Section(f"{tr('allegation')} {i}", level=3).add(fields([
            (tr("date"), tr.span(allegation.get("date"), allegation.get("date_end"))),
            (tr("place"), ", ".join(x for x in (red.text(allegation.get("place")),
                                                 place_fac.body["name"] if place_fac else "") if x)),
            (tr("methods"), ", ".join(reader.label("method", m, lang) for m in allegation.get("methods", []))),
            (tr("perpetrators"), "; ".join(perps)),
            (tr("description"), red.text(allegation.get("description"))),
        ])))
    if body.get("allegations"):
        summary.add(allegations)
    report.sections.append(summary)
    step(1, "chronology")

    # --- chronology -----------------------------------------------------------------------------
    events: list[tuple[str, str, str]] = []
    for i, allegation in enumerate(body.get("allegations", []), 1):
        if allegation.get("date"):
            events.append((allegation["date"], tr("ev_allegation"),
                           f"{tr('allegation')} {i}: " + ", ".join(reader.label("method", m, lang)
                                                                   for m in allegation.get("methods", []))))
    for c in complaints:
        b = c.body
        events.append((b["date_filed"], tr("ev_complaint"),
                       f"{reader.label('authority', b.get('authority'), lang)} {b.get('reference', '')}".strip()))
        if b.get("reply_date"):
            events.append((b["reply_date"], tr("ev_reply"), red.text(b.get("reply", ""))[:200]))
        for resp in b.get("responses", []):
            events.append((resp.get("date", ""), tr("ev_reply"),
                           reader.label("response_kind", resp.get("kind"), lang) if resp.get("kind") else ""))
    for p in proceedings:
        b = p.body
        if b.get("date_opened"):
            events.append((b["date_opened"], tr("ev_opened"),
                           f"{b.get('case_number', '')} {article_text(reader, b.get('article'), lang)}".strip()))
        if b.get("date_refused"):
            events.append((b["date_refused"], tr("ev_refused"), b.get("case_number", "")))
        for d in b.get("decisions", []):
            events.append((d.get("date", ""), tr("ev_decision", kind=reader.label("decision_kind", d.get("kind"), lang)),
                           article_text(reader, d.get("article"), lang)))
        judged = {d.get("date") for d in b.get("decisions", []) if d.get("kind") == "judgment"}
        if b.get("judgment_date") and b["judgment_date"] not in judged:  # not twice
            events.append((b["judgment_date"], tr("ev_judgment"), reader.label("outcome", b.get("outcome"), lang)))
        if (b.get("appeal") or {}).get("date"):
            events.append((b["appeal"]["date"], tr("ev_appeal"), reader.label("outcome", b["appeal"].get("outcome"), lang)))
    for iv in shown_interviews:
        events.append((iv.body["date"][:10], tr("ev_interview"), red.name(reader.maybe(iv.body["person_id"]))))
    for ex in shown_exams:
        events.append((ex.body["date"][:10], tr("ev_examination"), red.name(reader.maybe(ex.body["person_id"]))))
    visit_ids = sorted({iv.body["visit_id"] for iv in interviews if iv.body.get("visit_id")})
    for vid in visit_ids:
        v = reader.maybe(vid, "visit")
        if v:
            fac = reader.maybe(v.body.get("facility_id"), "facility")
            events.append((v.body["date_start"], tr("ev_visit"), fac.body["name"] if fac else ""))
    for entry, records in listed:
        section = entry.section
        for rec in records:
            detail = rec.body.get(section.detail) if section.detail else None
            shown = (reader.label(section.detail_vocabulary, detail, lang) if section.detail_vocabulary
                     else "" if detail is None else str(detail))
            if section.people:
                shown = f"{red.name(reader.maybe(rec.body.get(section.people[0])))}: {shown}"
            events.append((rec.body.get(section.date, ""), titles.type_title(entry.name, lang), shown))
    events.sort(key=lambda e: (e[0] or "9999", e[1]))
    chrono = Section(tr("chronology"))
    chrono.add(Table([tr("date"), tr("event"), tr("details")], [[tr.date(e[0]), e[1], e[2]] for e in events], widths=[1.2, 2.2, 4])
               if events else Paragraph(tr("none")))
    report.sections.append(chrono)
    step(2, "persons")

    # --- persons --------------------------------------------------------------------------------
    persons = Section(tr("persons"))
    rows = []
    for pid, labels in sorted(roles.items(), key=lambda kv: (red.person(kv[0]).body["code"] if red.person(kv[0]) else "")):
        person = red.person(pid)
        if person is None:
            continue
        extra = red.identity_rows(person)
        details = "; ".join(f"{k}: {v}" for k, v in extra)
        link_notes = [lk for lk in links if lk.body.get("person_id") == pid]
        for lk in link_notes:
            bits = [red.text(lk.body.get(k)) for k in ("rank", "unit", "uniform") if lk.body.get(k)]
            if bits:
                details = "; ".join(x for x in (details, ", ".join(bits)) if x)
        rows.append([red.name(person), ", ".join(labels), details])
        flag_conflict(report, tr, person, person.body["code"], persons)
    persons.add(Table([tr("name"), tr("roles"), tr("details")], rows, widths=[2.5, 2, 3.5]) if rows
                else Paragraph(tr("none")))
    report.sections.append(persons)
    step(3, "complaints and proceedings")

    # --- complaints and proceedings -------------------------------------------------------------
    legal = Section(tr("complaints"))
    for c in complaints:
        b = c.body
        sec = Section(f"{tr('complaint')} {b.get('reference', '')} ({tr.date(b['date_filed'])})".replace(" ()", ""), level=2)
        flag_conflict(report, tr, c, f"{tr('complaint')} {b.get('reference', '')}", sec)
        sec.add(fields([
            (tr("filed"), tr.date(b["date_filed"])),
            (tr("filed_by"), red.staff(b.get("filed_by")) if b.get("filed_by") else ""),
            (tr("authority"), ", ".join(x for x in (reader.label("authority", b.get("authority"), lang),
                                                     b.get("authority_name", "")) if x)),
            (tr("reference"), b.get("reference")),
            (tr("status"), reader.label("complaint_status", b.get("status"), lang)),
            (tr("reply"), " — ".join(x for x in (tr.date(b.get("reply_date", "")), red.text(b.get("reply"))) if x)),
        ]))
        if b.get("statement"):
            sec.add(Section(tr("statement"), level=3).add(Paragraph(red.text(b["statement"]), "verbatim")))
        legal.add(sec)
    for p in proceedings:
        legal.add(_proceeding_section(report, reader, red, tr, p))
    if not complaints and not proceedings:
        legal.add(Paragraph(tr("none")))
    report.sections.append(legal)
    step(4, "testimonies")

    # --- testimonies ----------------------------------------------------------------------------
    testimonies = Section(tr("testimonies"))
    for iv in shown_interviews:
        testimonies.add(_interview_section(report, reader, red, tr, iv))
    if not shown_interviews:
        testimonies.add(Paragraph(tr("none")))
    report.sections.append(testimonies)
    step(5, "examinations")

    # --- medical examinations -------------------------------------------------------------------
    shown_photo_ids: set[str] = set()
    medical = Section(tr("examinations"))
    for ex in shown_exams:
        medical.add(_exam_section(report, reader, red, tr, ex, shown_photo_ids))
    if not shown_exams:
        medical.add(Paragraph(tr("none")))
    report.sections.append(medical)
    step(6, "photographs")

    # --- further photographs and the attachment index --------------------------------------------
    owners = {case.id: None}
    owners.update({iv.id: iv.body["person_id"] for iv in interviews})
    owners.update({ex.id: ex.body["person_id"] for ex in exams})
    hidden_parents = {iv.id for iv in interviews if iv not in shown_interviews} | \
                     {ex.id for ex in exams if ex not in shown_exams}
    attachments: list[Source] = []
    for parent in owners:
        attachments += [a for a in reader.referring(parent, "attachment") if a.body.get("parent_id") == parent]
    photos = Section(tr("photos"))
    sounds: list[Source] = []
    listed: list[Source] = []
    for a in attachments:
        if a.body.get("parent_id") in hidden_parents:
            continue  # already counted with the testimony or examination it belongs to
        is_image = a.body.get("mime_type", "").startswith("image/")
        if a.id in shown_photo_ids:
            listed.append(a)
            continue
        if recordings.is_recording(a.body):  # listed like a photo, by hash; the sound is not in the report
            if red.may_list_recording(owners.get(a.body.get("parent_id"))):
                sounds.append(a)
                listed.append(a)
        elif is_image:
            if red.may_show_photo(owners.get(a.body.get("parent_id")), bool(a.body.get("intimate"))):
                photos.add(photo_block(vault, reader, red, tr, a))
                listed.append(a)
        else:
            listed.append(a)
    if photos.blocks:
        report.sections.append(photos)
    if sounds:
        report.sections.append(_recordings_section(sounds, red, tr))
    index = Section(tr("attachments"))
    rows = [[red.text(a.body.get("caption") or a.body.get("original_name") or "") if red.full
             else red.text(a.body.get("caption") or ""),
             a.body.get("mime_type", ""), f"{a.body.get('size', 0):,}".replace(",", " "), a.body["sha256"]]
            for a in listed]
    index.add(Table([tr("file"), "MIME", tr("size_bytes"), "SHA-256"], rows, widths=[2.4, 1.2, 1, 4.6],
                    numeric={2}) if rows else Paragraph(tr("none")))
    report.sections.append(index)
    step(7, "chain of custody")

    # --- chain of custody -----------------------------------------------------------------------
    custody = Section(tr("custody"))
    numbers: dict[str, list[int]] = {}
    shown_in: dict[str, set[str]] = {}  # photo → the examinations whose injuries it shows (their medical reports)
    for ex in shown_exams:
        for pid, ns in injury_numbers(ex).items():
            numbers.setdefault(pid, []).extend(ns)
            shown_in.setdefault(pid, set()).add(ex.id)
    exam_ids = {ex.id for ex in exams}
    if listed:
        custody.add(Paragraph(tr("custody_intro"), "lead"))
    for n, a in enumerate(listed, 1):
        name = red.text(a.body.get("caption") or "") or (red.text(a.body.get("original_name", "")) if red.full else "")
        parent = a.body.get("parent_id")
        is_photo = a.body.get("mime_type", "").startswith("image/")
        shows = numbers.get(a.id, []) if is_photo and (parent in exam_ids or a.id in numbers) else None
        custody.add(Section(tr("exhibit", n=n, name=name or "—"), level=3).add(
            fields(custody_fields(reader, red, tr, a, injuries=shows,
                                 parents=({case.id, parent} | shown_in.get(a.id, set())) - {None}))))
    outputs = [e for e in reader.audit_for([case.id]) if e[4].startswith(("report", "export", "bundle"))]
    if outputs:
        custody.add(Table([tr("date"), tr("action"), tr("who")],
                          [[tr.when(e[1]), output_text(reader, tr, e), red.staff(e[2]) or "—"] for e in outputs],
                          widths=[1.6, 6, 1.2], caption=tr("outputs")))
    if not custody.blocks:
        custody.add(Paragraph(tr("none")))
    report.sections.append(custody)
    step(8, "audit excerpt")

    # --- audit excerpt --------------------------------------------------------------------------
    audit = Section(tr("audit_excerpt"))
    shown_ids = {case.id} | {s.id for s in shown_interviews + shown_exams + complaints + proceedings + listed}
    entries = reader.audit_for(shown_ids, limit=150)
    audit.add(Paragraph(tr("chain_intro"), "lead"))
    kinds = {s.id: s.type for s in [case] + shown_interviews + shown_exams + complaints + proceedings + listed}
    audit.add(Table(["#", tr("date"), tr("who"), tr("action"), tr("record"), tr("version_hash")],
                    [[str(e[0]), tr.when(e[1]), red.staff(e[2]) or "—", action_text(tr, e[4]),
                      titles.type_title(kinds[e[5]], lang) if e[5] in kinds else "—",
                      ((e[6] or "").rpartition(":")[2][:16] + "…") if e[6] else "—"] for e in entries],
                    widths=[0.6, 2, 1.4, 2, 1.4, 1.9], numeric={0}))
    report.sections.append(audit)
    missing_consent(report, red, tr)
    step(9, "finishing")
    return finish(report, reader, red, tr)


def _recordings_section(chosen: list[Source], red: Redactor, tr: Tr) -> Section:
    """The recordings as one table (what, length, recorded when, device, SHA-256)."""
    section = Section(tr("recordings")).add(Paragraph(tr("recordings_intro"), "lead"))
    rows = [[red.text(a.body.get("caption") or "") or "—", timestamps.format(a.body.get("duration_seconds") or 0),
             tr.when(a.body.get("captured_at")) or tr("unknown"), red.text(a.body.get("capture_device") or "") or "—",
             a.body["sha256"]] for a in chosen]
    section.add(Table([tr("file"), tr("recording_length"), tr("recorded"), tr("recording_device"), "SHA-256"], rows,
                      widths=[1.8, 1, 1.6, 1.8, 4.6]))
    return section


def _facility_text(reader: Reader, facility: Source | None, lang: str) -> str:
    if facility is None:
        return ""
    b = facility.body
    bits = [b["name"], reader.label("facility_type", b.get("type_key"), lang), b.get("region", "")]
    return ", ".join(x for x in bits if x)


def _proceeding_section(report, reader: Reader, red: Redactor, tr: Tr, p: Source) -> Section:
    b = p.body
    lang = tr.lang
    sec = Section(f"{tr('proceeding')} {b.get('case_number') or b.get('erdr_number') or ''}".strip(), level=2)
    flag_conflict(report, tr, p, sec.title, sec)
    sec.add(fields([
        (tr("authority"), reader.label("authority", b.get("authority"), lang)),
        (tr("case_number"), b.get("case_number") or b.get("erdr_number")),
        (tr("opened"), tr.date(b.get("date_opened") or b.get("erdr_date"))),
        (tr("refused"), tr.date(b.get("date_refused"))),
        (tr("article"), article_text(reader, b.get("article"), lang) if not any(
            b.get(k) for k in ("article_registered", "article_charged", "article_judgment")) else ""),
        (tr("article_registered"), article_text(reader, b.get("article_registered"), lang)),
        (tr("article_charged"), article_text(reader, b.get("article_charged"), lang)),
        (tr("article_judgment"), article_text(reader, b.get("article_judgment"), lang)),
        (tr("status"), reader.label("proceeding_status", b.get("status"), lang)),
        (tr("outcome"), reader.label("outcome", b.get("outcome"), lang)),
        (tr("judgment"), tr.date(b.get("judgment_date"))),
        (tr("appeal"), " — ".join(x for x in (tr.date((b.get("appeal") or {}).get("date", "")),
                                               reader.label("outcome", (b.get("appeal") or {}).get("outcome"), lang))
                                   if x)),
        (tr("victims"), ", ".join(f"{red.name(reader.maybe(v.get('person_id'), 'person'))} "
                                   f"({reader.label('victim_status', v.get('status'), lang)}"
                                   f"{', ' + tr.date(v['date']) if v.get('date') else ''})" for v in b.get("victims", []))),
        (tr("compensation"), _compensation(tr, b.get("compensation"))),
        (tr("notes"), red.text(b.get("notes"))),
    ]))
    decisions = sorted(b.get("decisions", []), key=lambda d: d.get("date", ""))
    if decisions:
        sec.add(Table([tr("date"), tr("decision"), tr("authority"), tr("article"), tr("ref_short")],
                      [[tr.date(d.get("date", "")), _decision_text(reader, tr, d),
                        ", ".join(x for x in (reader.label("authority", d.get("authority"), lang),
                                               d.get("authority_name", "")) if x),
                        article_text(reader, d.get("article"), lang), d.get("reference", "")] for d in decisions],
                      widths=[1.2, 2, 2, 2.6, 1.2], caption=tr("decisions")))
    charges = b.get("charges", [])
    if charges:
        rows = []
        for ch in charges:
            if ch.get("person_id"):
                who = red.name(reader.maybe(ch["person_id"], "person"))
            else:
                officer = ch.get("officer") or {}
                who = ", ".join(red.text(officer.get(k)) for k in ("rank", "unit", "description") if officer.get(k))
            stage = proceedings.procedural_status(b, ch)
            if stage:  # the procedural status the decision chain gives him; the neutral heading otherwise
                who = f"{tr('status_' + stage)}: {who}"
            rows.append([who, article_text(reader, ch.get("article"), lang),
                         reader.label("verdict", ch.get("verdict"), lang),
                         "; ".join(punishment_text(reader, tr, pun) for pun in ch.get("punishments", []))])
        sec.add(Table([tr("defendant"), tr("article"), tr("verdict"), tr("sentence")], rows,
                      widths=[2.2, 2.6, 1.4, 2.6], caption=tr("charges")))
    elif b.get("defendants") or b.get("sentence_years") is not None or b.get("sentence_life"):
        who = ", ".join(red.name(reader.maybe(pid, "person")) for pid in b.get("defendants", []))
        sec.add(fields([(tr("defendants"), who), (tr("sentence"), sentence_text(tr, b))]))
    return sec


def _decision_text(reader: Reader, tr: Tr, d: dict) -> str:
    """A decision in words: its kind, the ground of a termination, the act applied (an amnesty law)."""
    text = reader.label("decision_kind", d.get("kind"), tr.lang)
    if d.get("ground"):
        text += f" ({reader.label('termination_ground', d['ground'], tr.lang)})"
    act = d.get("act")
    if act:
        text += f": {act['name']}" + (f", {tr.date(act['date'])}" if act.get("date") else "")
    return text


def _compensation(tr: Tr, c: dict | None) -> str:
    if not c:
        return ""
    currency = c.get("currency", "KZT")
    bits = []
    for key in ("claimed", "awarded"):
        if c.get(key) is not None:
            bits.append(f"{tr(key)} {c[key]:,} {currency}".replace(",", " "))
    if c.get("date"):
        bits.append(tr.date(c["date"]))
    return ", ".join(bits)


def _interview_section(report, reader: Reader, red: Redactor, tr: Tr, iv: Source) -> Section:
    b = iv.body
    lang = tr.lang
    person = reader.maybe(b["person_id"], "person")
    sec = Section(tr("testimony_of", who=red.name(person)) + f", {tr.date(b['date'])}", level=2)
    flag_conflict(report, tr, iv, sec.title, sec)
    interp = b.get("interpreter") or {}
    interp_text = tr("no") if not interp.get("present") else ", ".join(
        x for x in (red.staff(interp.get("name")) if interp.get("name") else "", interp.get("language", "")) if x) or tr("yes")
    visit = reader.maybe(b.get("visit_id"), "visit")
    sec.add(fields([
        (tr("interview_date"), tr.when(b["date"])),
        (tr("place"), red.text(b.get("place"))),
        (tr("ev_visit"), tr.date(visit.body["date_start"]) if visit else ""),
        (tr("interviewed_by"), red.staff(b.get("interviewers", []))),
        (tr("interview_lang"), tr.language(b.get("language"))),
        (tr("interpreter"), interp_text),
        (tr("private"), tr.yes_no(b.get("private"))),
        (tr("persons_present"), red.staff(b.get("persons_present", [])) if b.get("persons_present") else ""),
        (tr("chaperone"), red.staff(b.get("chaperone")) if b.get("chaperone") else ""),
        (tr("reprisal_risk"), reader.label("risk_level", b.get("reprisal_risk"), lang)),
        (tr("follow_up"), red.text(b.get("follow_up"))),
        *seal_rows(reader, red, tr, iv),
    ]))
    sec.add(Section(tr("consent"), level=3).add(*consent_at_act(red, tr, iv, "interview")))
    sec.add(Section(tr("narrative"), level=3).add(Paragraph(red.text(b.get("narrative")), "verbatim")))
    sec.add(_addenda(reader, red, tr, iv))
    return sec


def _addenda(reader: Reader, red: Redactor, tr: Tr, record: Source) -> Section | None:
    """A sealed record's addenda, each with its own hash, time and device (or None without any)."""
    addenda = sorted(reader.referring(record.id, "addendum"), key=lambda a: a.body["date"])
    if not addenda:
        return None
    blocks = []
    for a in addenda:
        blocks.append(Paragraph(f"{tr.when(a.body['date'])} — {red.staff(a.body.get('author'))}: "
                                f"{red.text(a.body['text'])}"))
        blocks.append(Paragraph(addendum_note(reader, red, tr, a), "small"))
    return Section(tr("addenda"), level=3).add(*blocks)


def _exam_section(report, reader: Reader, red: Redactor, tr: Tr, ex: Source, shown_photo_ids: set[str]) -> Section:
    from .images import exam_photos

    b = ex.body
    lang = tr.lang
    person = reader.maybe(b["person_id"], "person")
    sec = Section(tr("examination_of", who=red.name(person), date=tr.date(b["date"])), level=2)
    flag_conflict(report, tr, ex, sec.title, sec)
    examiner = b.get("examiner") or {}
    sec.add(fields([
        (tr("examiner"), red.staff(examiner.get("name"))),
        (tr("ip2"), red.text(examiner.get("qualifications")) if red.full else ""),
        (tr("place"), red.text(b.get("place"))),
        (tr("conditions"), red.text(b.get("conditions"))),
        (tr("overall_opinion"), reader.label("consistency", b.get("overall_opinion"), lang)),
        *seal_rows(reader, red, tr, ex),
    ]))
    sec.add(Section(tr("consent"), level=3).add(*consent_at_act(red, tr, ex, "examination")))
    injuries = b.get("injuries", [])
    if injuries:
        diagram = body_diagram(tr, injuries, reader)
        sec.add(Section(tr("body_diagram"), level=3).add(diagram))
        sec.add(injury_table(reader, red, tr, injuries))
    else:
        sec.add(Paragraph(tr("no_injuries")))
    if b.get("psychological_findings"):
        sec.add(Section(tr("ip8"), level=3).add(Paragraph(red.text(b["psychological_findings"]))))
    if b.get("conclusions"):
        sec.add(Section(tr("ip13"), level=3).add(Paragraph(red.text(b["conclusions"]))))
    sec.add(_addenda(reader, red, tr, ex))
    photos = exam_photos(vault=reader.vault, reader=reader, red=red, tr=tr, exam=ex)
    if photos:
        sec.add(Section(tr("photos"), level=3).add(*[blk for _, blk in photos]))
        shown_photo_ids.update(pid for pid, _ in photos)
    return sec


__all__ = ["build_dossier", "CONSENT_ITEMS"]
