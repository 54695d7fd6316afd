"""Blocks shared by several reports: articles, sentences, injuries and body diagrams, consent."""

from __future__ import annotations

from .i18n import Tr
from .model import BodyDiagram, Marker, Paragraph, Table
from .redaction import Redactor
from .sources import Reader, Source

CONSENT_ITEMS = ("documentation", "photographs", "intimate_photographs", "audio", "share_with_lawyer",
                 "share_with_prosecutor", "share_with_un", "complaint_in_name", "anonymised_reports",
                 "publication_with_name")
VIEWS = ("front", "back", "left", "right", "soles", "palms", "hands_back", "head")


def article_text(reader: Reader, ref, lang: str) -> str:
    """A vocabulary article key (v3) or an article_ref {article, part, paragraph} (v4)."""
    if not ref:
        return ""
    if isinstance(ref, str):
        return reader.label("article", ref, lang)
    tr = Tr(lang)
    text = reader.label("article", ref.get("article"), lang)
    extra = []
    for key in ("part", "paragraph"):
        value = str(ref.get(key) or "").strip()
        if value:  # "ч. 4" as entered stays; a bare "4" gets the word
            extra.append(tr(key, x=value) if value[:1].isdigit() else value)
    return ", ".join([text] + extra)


def punishment_text(reader: Reader, tr: Tr, p: dict) -> str:
    kind = reader.label("punishment", p.get("kind"), tr.lang) if p.get("kind") else ""
    if p.get("life"):
        return tr("life")
    bits = [kind]
    bits.append(_term(tr, p.get("years"), p.get("months")))
    if p.get("probation_years") or p.get("probation_months"):
        bits.append(tr("probation", t=_term(tr, p.get("probation_years"), p.get("probation_months"))))
    if p.get("amount"):
        bits.append(f"{tr.num(p['amount'])} KZT")
    return ", ".join(b for b in bits if b)


def _term(tr: Tr, years, months) -> str:
    parts = []
    if years:
        parts.append(tr("years_n", n=years))
    if months:
        parts.append(tr("months_n", n=months))
    return " ".join(parts)


def sentence_text(tr: Tr, body: dict) -> str:
    """The legacy (v3) single sentence of a proceeding."""
    if body.get("sentence_life"):
        return tr("life")
    if body.get("sentence_years") is None:
        return ""
    text = tr("years_n", n=body["sentence_years"])
    return f"{text}, {tr('suspended')}" if body.get("sentence_suspended") else text


def injury_view(injury: dict) -> str:
    view = injury.get("view") or injury.get("side") or "front"
    return view if view in VIEWS else "front"


def body_diagram(tr: Tr, injuries: list[dict], reader: Reader | None = None) -> BodyDiagram:
    """Every view used, markers numbered in injury order (the injury table's numbers); the side
    marks in the report's letters (П/Л, О/С) and a legend of the marker colours."""
    markers = [Marker(i, injury_view(inj), float(inj.get("x", 0.5)), float(inj.get("y", 0.5)), inj.get("consistency"))
               for i, inj in enumerate(injuries, 1)]
    views = [v for v in VIEWS if any(m.view == v for m in markers)]
    if "front" in views or "back" in views:  # front and back always as a pair
        views = ["front", "back"] + [v for v in views if v not in ("front", "back")]
    terms = reader.vault.vocabulary("consistency", tr.lang) if reader is not None else []
    legend: list[tuple[str | None, str]] = list(terms)
    if any(not m.consistency for m in markers):
        legend.append((None, tr("consistency_none")))
    return BodyDiagram(views=views, markers=markers, labels={v: tr(f"view_{v}") for v in VIEWS},
                       caption=f"{tr('body_diagram_note')} {tr('marks_note')}",
                       letters={"R": tr("mark_right"), "L": tr("mark_left")},
                       legend=legend, legend_title=tr("colour_legend"))


def injury_table(reader: Reader, red: Redactor, tr: Tr, injuries: list[dict], *, graded: bool = False,
                 allegations: dict | None = None) -> Table:
    lang = tr.lang
    columns = [tr("injury_no"), tr("region_body"), tr("type"), tr("size"), tr("appearance"), tr("cause"),
               tr("consistency")]
    widths = [0.4, 1.3, 1.2, 0.9, 1.7, 1.8, 1.4]
    if graded:
        columns.append(tr("finding_graded"))
        widths.append(1.6)
    rows = []
    for i, inj in enumerate(injuries, 1):
        size = " × ".join(tr.num(inj[k]) for k in ("length_mm", "width_mm") if inj.get(k) is not None)
        appearance = ", ".join(red.text(inj.get(k)) for k in ("shape", "colour", "estimated_age") if inj.get(k))
        region = reader.label("body_region", inj.get("region"), lang)
        view = tr(f"view_{injury_view(inj)}")
        cause = red.text(inj.get("attributed_cause"))
        if inj.get("method"):
            cause = ", ".join(x for x in (reader.label("method", inj["method"], lang), cause) if x)
        row = [str(i), f"{region} ({view})", reader.label("injury_type", inj.get("injury_type"), lang), size,
               appearance, cause, reader.label("consistency", inj.get("consistency"), lang)]
        if graded:
            row.append((allegations or {}).get(inj.get("allegation_id"), ""))
        rows.append(row)
    return Table(columns, rows, widths=widths, caption=tr("injuries"))


def consent_at_act(red: Redactor, tr: Tr, act: Source, kind: str) -> list:
    """The consent in force when the interview or examination (``kind``) took place, one row per
    consent statement it rests on (its date, method and who took it, the items it gave and refused),
    then every later change on its own date. Says so plainly when no consent had been recorded by
    the time of the act."""
    b = act.body
    person_id, act_date = b["person_id"], b["date"]
    in_force, after = red.consent.at_act(person_id, act_date, act.id, b.get("consent_id"))
    lang = tr.lang

    def row(record_id: str, date: str, given: list[str], refused: list[str]) -> list[str]:
        e = red.consent.statement(person_id, record_id)
        method = red.reader.label("consent_method", e.method, lang) if e is not None and e.method else ""
        taker = red.staff(e.taken_by) if e is not None and e.taken_by else ""
        return [tr.when(date), method, taker, ", ".join(tr(f"c_{k}") for k in given) or "—",
                ", ".join(tr(f"c_{k}") for k in refused) or "—"]

    columns = [tr("consent_recorded"), tr("consent_method"), tr("consent_taken_by"), tr("consent_col_given"),
               tr("consent_withdrawn_or_refused")]
    widths = [1.7, 1.4, 1.5, 2.6, 2.2]
    blocks: list = []
    by_statement: dict[str, tuple[str, list[str], list[str]]] = {}
    for item in CONSENT_ITEMS:
        entry = in_force.get(item)
        if entry is not None:
            _, given, refused = by_statement.setdefault(entry.record_id, (entry.date, [], []))
            (given if entry.given else refused).append(item)
    if by_statement:
        rows = [row(rid, date, given, refused)
                for rid, (date, given, refused) in sorted(by_statement.items(), key=lambda kv: kv[1][0])]
        blocks.append(Table(columns, rows, widths=widths, caption=tr(f"consent_at_{kind}", date=tr.when(act_date))))
    else:
        blocks.append(Paragraph(tr(f"consent_none_at_{kind}", date=tr.when(act_date)), "warning"))
    changes = [row(e.record_id, e.date, [k for k in CONSENT_ITEMS if e.scope.get(k) is True],
                   [k for k in CONSENT_ITEMS if e.scope.get(k) is False]) for e in after]
    if changes:
        blocks.append(Table(columns, changes, widths=widths, caption=tr("consent_later")))
    return blocks


def missing_consent(report, red: Redactor, tr: Tr) -> None:
    """A section naming (by code) each person who has not given the item this report's audience
    needs, and the item; a line on the cover says how many."""
    from .model import Section

    if not red.missing:
        return
    rows = [[code, ", ".join(tr(f"c_{item}") for item in items)] for code, items in sorted(red.missing.items())]
    section = Section(tr("consent_missing_title"))
    section.add(Paragraph(tr(f"consent_missing_intro_{red.audience}"), "note"))
    section.add(Table([tr("person"), tr("consent_missing_item")], rows, widths=[2, 6]))
    report.sections.append(section)
    report.cover.append((tr("consent_missing_cover"), str(len(rows))))
