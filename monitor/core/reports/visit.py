"""The visit report, on the structure the APT and OHCHR manuals describe.

Summary and compiled recommendations; the visit; the place and its population (capacity against
occupancy); refused or obstructed access; changes since the last visit and the status of earlier
recommendations with the authorities' responses; findings by theme with their sources; good
practice. Nobody is identifiable: detainees are never named at any level (known identities are
scrubbed from free text), and the visit's internal notes are never printed.
"""

from __future__ import annotations

from . import locale
from .common import fields, finish, flag_conflict, new_report
from .i18n import Tr
from .model import Paragraph, Report, Section, Table
from .redaction import Redactor
from .sources import Reader, Source


def _previous_visit(reader: Reader, visit: Source) -> Source | None:
    earlier = [v for v in reader.all("visit", facility_id=visit.body["facility_id"])
               if v.id != visit.id and v.body["date_start"] < visit.body["date_start"]]
    return max(earlier, key=lambda v: (v.body["date_start"], v.id)) if earlier else None


def build_visit(vault, visit_id: str, tr: Tr, level: str, *, audience: str | None = None) -> Report:
    reader = Reader(vault)
    visit = reader.get(visit_id, "visit")
    b = visit.body
    lang = tr.lang
    facility = reader.get(b["facility_id"], "facility")
    f = facility.body
    tr.region = f.get("region")  # local times in the place's zone
    code = f"{f['name']} — {tr('visit_code', date=tr.date(b['date_start']))}"
    report = new_report("visit", tr, level, title=tr("visit_title"), code=code, subject_id=visit.id)
    red = Redactor(reader, level, tr, report.withheld, always_scrub=True, audience=audience)
    report.audience = red.audience
    interviews = list(reader.all("interview", visit_id=visit.id))
    for iv in interviews:  # detainees interviewed during the visit: never named in this report
        red.person(iv.body.get("person_id"))
    flag_conflict(report, tr, visit, tr("visit_title"))
    flag_conflict(report, tr, facility, f["name"])
    dates = tr.span(b["date_start"], b.get("date_end"))
    report.cover += [(tr("facility"), f["name"]), (tr("dates"), dates),
                     (tr("type_of_facility"), reader.label("facility_type", f.get("type_key"), lang))]
    if f.get("region"):
        report.cover.append((tr("region"), f["region"]))
    if b.get("notes"):
        report.withheld.add(tr("w_internal"), tr("r_internal"))

    recs = b.get("recommendations", [])

    # --- summary and compiled recommendations ---------------------------------------------------
    summary = Section(tr("summary"))
    flag_conflict(report, tr, visit, tr("visit_title"), summary)
    if b.get("summary") and not red.aggregate:
        summary.add(Paragraph(red.text(b["summary"])))
    elif b.get("summary"):
        report.withheld.add(tr("w_narrative"), tr("r_level"))
    if recs:
        summary.add(_recommendations_table(reader, red, tr, recs, caption=tr("recommendations")))
    report.sections.append(summary)

    # --- the visit ------------------------------------------------------------------------------
    sv = Section(tr("the_visit"))
    sv.add(fields([
        (tr("dates"), dates),
        (tr("team"), red.staff(b.get("team", [])) if b.get("team") and not red.aggregate else ""),
        (tr("announced"), tr.yes_no(b.get("announced")) if "announced" in b else ""),
        (tr("visit_kind"), reader.label("visit_kind", b.get("visit_kind"), lang)),
        (tr("focus"), red.text(b.get("focus"))),
        (tr("outcome_visit"), reader.label("visit_outcome", b.get("outcome"), lang)),
        (tr("cooperation"), red.text(b.get("cooperation"))),
        (tr("obstruction"), red.text(b.get("obstruction"))),
        (tr("interviews_count"), str(b["interviews_count"]) if b.get("interviews_count") is not None else ""),
        (tr("sources"), ", ".join(red.text(x) for x in b.get("registers_checked", []))),
    ]))
    denied = b.get("access_denied") or {}
    if denied or b.get("outcome") in ("refused", "partly_denied"):
        sv.add(Section(tr("access_denied"), level=2).add(fields([
            (tr("areas"), ", ".join(red.text(x) for x in denied.get("areas", []))),
            (tr("persons"), str(len(denied.get("persons", []))) if denied.get("persons") else ""),
            (tr("refused_by"), red.text(denied.get("refused_by"))),
            (tr("reason_given"), red.text(denied.get("reason_given"))),
        ])))
    report.sections.append(sv)

    # --- the place and its population -----------------------------------------------------------
    sp = Section(tr("the_place"))
    sp.add(fields([
        (tr("facility"), f["name"]),
        (tr("type_of_facility"), reader.label("facility_type", f.get("type_key"), lang)),
        (tr("region"), f.get("region")),
        (tr("address"), f.get("address")),
        (tr("managing_authority"), reader.label("managing_authority", f.get("managing_authority"), lang)
         if f.get("managing_authority") else f.get("authority")),
        (tr("capacity"), f.get("capacity")),
    ]))
    pop = b.get("population") or {}
    capacity = pop.get("capacity", f.get("capacity"))
    rows = []
    for key in ("total", "pretrial", "sentenced", "administrative", "women", "minors", "foreigners"):
        if pop.get(key) is not None:
            rows.append([tr(f"pop_{key}"), tr.num(pop[key])])
    if capacity is not None:
        rows.append([tr("capacity"), tr.num(capacity)])
    flagged = set()
    if capacity and pop.get("total") is not None:
        rate = 100.0 * pop["total"] / capacity
        rows.append([tr("occupancy_rate"), locale.percent(rate / 100, lang, 0)])
        if rate > 100:
            flagged.add(len(rows) - 1)
    if rows:
        sp.add(Table([tr("occupancy"), tr("count")], rows, widths=[3, 1], numeric={1}, flagged_rows=flagged))
    report.sections.append(sp)

    # --- changes and earlier recommendations ----------------------------------------------------
    sc = Section(tr("changes"))
    if b.get("changes_since_last"):
        sc.add(Paragraph(red.text(b["changes_since_last"])))
    previous = _previous_visit(reader, visit)
    if previous is not None:
        followed = {r.get("follows"): r for r in recs if r.get("follows")}
        rows = []
        for old in previous.body.get("recommendations", []):
            now = followed.get(old["id"])
            status = (now or old).get("status")
            response = (now or old).get("response") or {}
            rows.append([red.text(old["text"]), reader.label("recommendation_status", status, lang),
                         " ".join(x for x in (tr.date(response.get("date", "")), red.text(response.get("text"))) if x)])
        if rows:
            sc.add(Table([tr("recommendations"), tr("status"), tr("response")], rows, widths=[4, 1.6, 3],
                         caption=f"{tr('earlier_recs')} ({tr.date(previous.body['date_start'])})"))
    if not sc.blocks:
        sc.add(Paragraph(tr("none")))
    report.sections.append(sc)

    # --- findings by theme ----------------------------------------------------------------------
    sf = Section(tr("findings"))
    themes: list[str] = []
    for item in b.get("conditions", []) + b.get("findings", []):
        if item["theme"] not in themes:
            themes.append(item["theme"])
    order = [k for k, _ in reader.vault.vocabulary("visit_theme", lang)]
    themes.sort(key=lambda t: order.index(t) if t in order else len(order))
    for theme in themes:
        st = Section(reader.label("visit_theme", theme, lang), level=2)
        for c in (c for c in b.get("conditions", []) if c["theme"] == theme):
            st.add(fields([(tr("rating"), reader.label("condition_rating", c.get("rating"), lang)),
                           (tr("notes"), red.text(c.get("notes")) if not red.aggregate else "")]))
            if red.aggregate and c.get("notes"):
                report.withheld.add(tr("w_finding"), tr("r_level"))
        mine = [x for x in b.get("findings", []) if x["theme"] == theme]
        if red.aggregate:
            if mine:
                st.add(Paragraph(tr("findings_count", n=len(mine)), "note"))
                report.withheld.add(tr("w_finding"), tr("r_level"), len(mine))
        else:
            for finding in mine:
                st.add(Paragraph(red.text(finding["text"])))
                sources = []
                for s in finding.get("sources", []):
                    label = reader.label("source_kind", s.get("kind"), lang)
                    if s.get("note"):
                        label += f" ({red.text(s['note'])})"
                    sources.append(label)
                if sources:
                    st.add(Paragraph(f"{tr('sources')}: " + "; ".join(sources), "note"))
        sf.add(st)
    if not themes:
        sf.add(Paragraph(tr("none")))
    report.sections.append(sf)

    # --- good practice --------------------------------------------------------------------------
    sg = Section(tr("good_practice"))
    for practice in b.get("good_practices", []):
        sg.add(Paragraph(f"• {red.text(practice)}"))
    if not sg.blocks:
        sg.add(Paragraph(tr("none")))
    report.sections.append(sg)

    return finish(report, reader, red, tr)


def _recommendations_table(reader: Reader, red: Redactor, tr: Tr, recs: list[dict], caption: str) -> Table:
    lang = tr.lang
    rows = []
    for i, r in enumerate(recs, 1):
        response = r.get("response") or {}
        rows.append([str(i), red.text(r["text"]), red.text(r.get("addressee")),
                     reader.label("priority", r.get("priority"), lang),
                     reader.label("recommendation_status", r.get("status"), lang), tr.date(r.get("deadline", "")),
                     " ".join(x for x in (tr.date(response.get("date", "")), red.text(response.get("text"))) if x)])
    return Table(["#", tr("recommendations"), tr("addressee"), tr("priority"), tr("status"), tr("deadline"),
                  tr("response")], rows, widths=[0.4, 3.4, 1.5, 1.45, 1.5, 1.1, 1.9], caption=caption, numeric={0})
