"""The statistics report: aggregate figures only, modelled on the seed report's table.

* complaints per year — the official figures (``statistic`` records) and the NGO's own complaint
  records side by side, partial years marked with the months they cover (``2013 (January–May)``);
* criminal cases opened per year, and cases per complaint;
* charges by article, torture articles beside abuse-of-power articles (the central finding: officers
  are charged with "exceeding authority", not "torture");
* sentences: the distribution of years, how many suspended;
* refused or obstructed visits; reprisals;
* breakdowns by facility type and region.

Official national totals are ``statistic`` records with no region, facility type or article; the
ones with a breakdown feed the breakdown tables. Every chart has its table beside it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from ..errors import Cancelled, MonitorError
from ..messages import Message
from ..queries import statistics
from .common import finish, new_report
from .i18n import Tr
from .model import BarChart, Paragraph, Report, Section, Table
from .redaction import Redactor
from .sources import Reader

TORTURE = {"cc1997-141-1", "cc2014-146"}
ABUSE = {"cc1997-307", "cc1997-308", "cc2014-362"}
INDICATORS = {
    "complaints_registered": "official_complaints",
    "criminal_cases_opened": "official_cases",
    "cases_sent_to_court": "official_court",
    "convictions": "official_convictions",
    "complaints_received_ngo": "ngo_complaints",
}
BUCKETS = ((0, 1, "< 1"), (1, 3, "1–2"), (3, 6, "3–5"), (6, 11, "6–10"), (11, 1000, "> 10"))


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _in_period(year: int | None, period) -> bool:
    if year is None:
        return False
    first, last = period
    return (first is None or year >= first) and (last is None or year <= last)


def _years(period: tuple[str | None, str | None]) -> tuple[int | None, int | None]:
    out = []
    for value in period:
        if value in (None, ""):
            out.append(None)
            continue
        try:
            out.append(int(str(value)[:4]))
        except ValueError:
            raise MonitorError(Message("report_not_a_year", value=str(value))) from None
    return out[0], out[1]


def _article_key(ref) -> str | None:
    if isinstance(ref, dict):
        return ref.get("article")
    return ref or None


def _group(key: str | None) -> str:
    if key in TORTURE:
        return "torture"
    if key in ABUSE:
        return "abuse"
    return "other"


def build_stats(vault, tr: Tr, level: str = "aggregate", *, period=(None, None), progress=None,
                cancel=None) -> Report:
    reader = Reader(vault)
    years_wanted = _years(period)
    lang = tr.lang
    span = " — ".join(str(y) for y in years_wanted if y is not None) or tr("all_years")
    report = new_report("stats", tr, "aggregate", title=tr("stats_title"), code=f"{tr('stats_period')}: {span}",
                        subject_id=None)
    red = Redactor(reader, "aggregate", tr, report.withheld)
    report.cover.append((tr("stats_period"), span))

    def step(n, label):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress:
            progress(n, 8, label)

    # --- official figures -----------------------------------------------------------------------
    # Each figure belongs to a series: its indicator and its scope (national, or one article). A
    # period that covers part of a year is a fact of that series, never of the year: January–May of
    # the prosecutor's figures does not relabel the NGO's January–June (statistics.series_span).
    step(0, "official statistics")
    official: dict[tuple[str, str | None], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    covered: dict[tuple[str, str | None], dict[int, tuple[dt.date, dt.date]]] = defaultdict(dict)
    official_breakdown: list[dict] = []
    sources: list[list[str]] = []
    for s in reader.all("statistic"):
        b = s.body
        start, end = _date(b.get("period_start")), _date(b.get("period_end"))
        if start is None or end is None or not _in_period(start.year, years_wanted):
            continue
        scope = statistics.scope(b)
        if scope is None:  # a region or a facility type: the breakdown tables, listed once there
            official_breakdown.append(b)
            continue
        key = (b["indicator"], scope or None)
        official[key][start.year] += int(b["value"])
        statistics.cover(covered[key], start, end)
        row = [b.get("source_document", ""), reader.label("authority", b.get("source_authority"), lang),
               tr.span(b["period_start"], b["period_end"]), reader.label("stat_indicator", b["indicator"], lang)]
        if row not in sources:
            sources.append(row)

    def months(key, y: int) -> str:
        """``January–May`` when the series ``key`` covers only part of year ``y``; else ""."""
        span = statistics.partial_span(covered.get(key, {}), y)
        return tr.months(span[0].month, span[1].month) if span else ""

    # --- the NGO's own records ------------------------------------------------------------------
    step(1, "complaints")
    facilities = {f.id: f.body for f in reader.all("facility")}
    cases = {c.id: c.body for c in reader.all("case")}

    def where(case_id):
        case = cases.get(case_id) or {}
        fac = facilities.get(case.get("facility_id")) or {}
        return (fac.get("type_key"), fac.get("region"))

    ngo_complaints: Counter = Counter()
    by_type: dict[str, Counter] = defaultdict(Counter)
    by_region: dict[str, Counter] = defaultdict(Counter)
    for c in reader.all("complaint"):
        d = _date(c.body.get("date_received") or c.body.get("date_filed"))
        if d is None or not _in_period(d.year, years_wanted):
            continue
        ngo_complaints[d.year] += 1
        ftype, region = where(c.body.get("case_id"))
        by_type[ftype or ""]["complaints"] += 1
        by_region[region or ""]["complaints"] += 1
    for cid, case in cases.items():
        d = _date(case.get("period_start"))
        if d is not None and _in_period(d.year, years_wanted):
            ftype, region = where(cid)
            by_type[ftype or ""]["cases"] += 1
            by_region[region or ""]["cases"] += 1

    step(2, "proceedings")
    ngo_cases: Counter = Counter()
    charges_by_year: dict[int, Counter] = defaultdict(Counter)
    charges_by_article: Counter = Counter()
    sentences: Counter = Counter()
    suspended = real = life = other_punishment = 0
    for p in reader.all("proceeding"):
        b = p.body
        opened = _date(b.get("date_opened") or b.get("erdr_date"))
        year = opened.year if opened else None
        if opened is not None and _in_period(year, years_wanted):
            ngo_cases[year] += 1
            ftype, region = where(b.get("case_id"))
            by_type[ftype or ""]["proceedings"] += 1
            by_region[region or ""]["proceedings"] += 1
        judged = _date(b.get("judgment_date"))
        ref_year = year or (judged.year if judged else None)  # None: no date to place it in a year
        if ref_year is None:
            if any(y is not None for y in years_wanted):
                continue
        elif not _in_period(ref_year, years_wanted):
            continue
        charges = b.get("charges") or []
        if charges:
            for ch in charges:
                key = _article_key(ch.get("article"))
                charges_by_year[ref_year][_group(key)] += 1
                charges_by_article[key or "other"] += 1
                if ch.get("verdict") != "convicted":
                    continue
                for pun in ch.get("punishments", []):
                    kind = pun.get("kind")
                    if pun.get("life"):
                        life += 1
                    elif kind in ("imprisonment", "suspended_imprisonment"):
                        years = (pun.get("years") or 0) + (pun.get("months") or 0) / 12
                        sentences[_bucket(years)] += 1
                        if kind == "suspended_imprisonment" or pun.get("probation_years") or pun.get("probation_months"):
                            suspended += 1
                        else:
                            real += 1
                    else:
                        other_punishment += 1
        else:
            key = _article_key(b.get("article_charged") or b.get("article_registered") or b.get("article"))
            if key:
                n = max(1, len(b.get("defendants", [])))
                charges_by_year[ref_year][_group(key)] += n
                charges_by_article[key] += n
            if b.get("sentence_life"):
                life += 1
            elif b.get("sentence_years") is not None and b.get("outcome") == "conviction":
                sentences[_bucket(float(b["sentence_years"]))] += 1
                if b.get("sentence_suspended"):
                    suspended += 1
                else:
                    real += 1

    step(3, "visits and reprisals")
    visits: dict[int, Counter] = defaultdict(Counter)
    for v in reader.all("visit"):
        d = _date(v.body.get("date_start"))
        if d is None or not _in_period(d.year, years_wanted):
            continue
        visits[d.year]["total"] += 1
        outcome = v.body.get("outcome")
        if outcome == "refused":
            visits[d.year]["refused"] += 1
        elif outcome == "partly_denied" or v.body.get("access_denied"):
            visits[d.year]["partly"] += 1
    reprisals: dict[int, Counter] = defaultdict(Counter)
    for r in reader.all("reprisal"):
        d = _date(r.body.get("date"))
        if d is not None and _in_period(d.year, years_wanted):
            reprisals[d.year][r.body.get("kind", "other")] += 1

    step(4, "tables")
    # --- 1. complaints and cases per year --------------------------------------------------------
    s1 = Section(tr("complaints_cases"))

    def year_rows(years, series):
        """One row a year over ``series`` [(key or None, {year: n})], with a cases-per-complaint ratio
        from the first two. The year carries a partial period only when every series shown in the row
        covers the same part of it; otherwise each figure carries its own."""
        rows, flagged = [], set()
        for y in years:
            values = [data.get(y) for _, data in series]
            if all(v is None for v in values):
                continue
            labels = [months(key, y) if key and v is not None else "" for (key, _), v in zip(series, values)]
            shown = {lab for lab, v in zip(labels, values) if v is not None}
            common = shown.pop() if len(shown) == 1 else ""
            cells = [_n(tr, v) if (not lab or common) or v is None else f"{_n(tr, v)} ({lab})"
                     for v, lab in zip(values, labels)]
            same = len({lab for lab, v in zip(labels[:2], values[:2]) if v is not None}) <= 1
            ratio = tr.ratio(values[1], values[0]) if same and len(values) > 1 else "—"
            if any(labels):
                flagged.add(len(rows))
            rows.append([f"{y} ({common})" if common else str(y), *cells, ratio])
        return rows, flagged

    scopes = sorted({scope for _, scope in official}, key=lambda s: (s is not None, s or ""))
    all_years: list[int] = []
    for scope in scopes:
        c_key, k_key = ("complaints_registered", scope), ("criminal_cases_opened", scope)
        off_c, off_k = official.get(c_key, {}), official.get(k_key, {})
        years = sorted(set(off_c) | set(off_k))
        all_years = sorted(set(all_years) | set(years))
        rows, flagged = year_rows(years, [(c_key, off_c), (k_key, off_k)])
        if rows:
            caption = (tr("official_national") if scope is None
                       else f"{tr('official_by_article')}: {reader.label('article', scope, lang)}")
            s1.add(Table([tr("year"), tr("official_complaints"), tr("official_cases"), tr("cases_per_complaint")],
                         rows, widths=[2.2, 2, 2, 2], numeric={1, 2, 3}, flagged_rows=flagged, caption=caption))
            if flagged:
                s1.add(Paragraph(tr("partial_note"), "note"))
    ngo_key = ("complaints_received_ngo", None)
    ngo_official = official.get(ngo_key, {})
    ngo_years = sorted(set(ngo_complaints) | set(ngo_cases) | set(ngo_official))
    all_years = sorted(set(all_years) | set(ngo_years))
    if all_years:
        # the NGO's own complaint and proceeding records (whole years: the records themselves)
        rows, _ = year_rows(sorted(set(ngo_complaints) | set(ngo_cases)),
                            [(None, dict(ngo_complaints)), (None, dict(ngo_cases))])
        if rows:
            s1.add(Table([tr("year"), tr("ngo_complaints"), tr("ngo_cases"), tr("cases_per_complaint")],
                         rows, widths=[2.2, 2, 2, 2], numeric={1, 2, 3}))
        # a figure the NGO (or a coalition) published: its own series, with its own period
        if ngo_official:
            rows, flagged = year_rows(sorted(ngo_official), [(ngo_key, ngo_official)])
            s1.add(Table([tr("year"), tr("ngo_complaints")], [r[:-1] for r in rows], widths=[2.2, 2],
                         numeric={1}, flagged_rows=flagged, caption=tr("ngo_published")))
        national_c = official.get(("complaints_registered", None), {})
        national_k = official.get(("criminal_cases_opened", None), {})
        series = []
        if national_c:
            series.append((tr("official_complaints"), [national_c.get(y, 0) for y in all_years]))
        if national_k:
            series.append((tr("official_cases"), [national_k.get(y, 0) for y in all_years]))
        if ngo_complaints:
            series.append((tr("ngo_complaints"), [ngo_complaints.get(y, 0) for y in all_years]))
        if ngo_cases:
            series.append((tr("ngo_cases"), [ngo_cases.get(y, 0) for y in all_years]))
        if series:
            s1.add(BarChart([str(y) for y in all_years], series, caption=tr("complaints_cases")))
        for scope in scopes:
            others = [k for k in ("cases_sent_to_court", "convictions") if official.get((k, scope))]
            if others:
                ys = sorted(set().union(*(official[(k, scope)] for k in others)))
                rows, flagged = year_rows(ys, [((k, scope), official[(k, scope)]) for k in others])
                s1.add(Table([tr("year")] + [tr(INDICATORS[k]) for k in others],
                             [r[:-1] for r in rows], numeric=set(range(1, len(others) + 1)), flagged_rows=flagged))
    else:
        s1.add(Paragraph(tr("no_data")))
    if sources:
        s1.add(Table([tr("official_source"), tr("authority"), tr("period"), tr("details")], sources,
                     widths=[3, 2, 2, 2], caption=tr("official_source")))
    report.sections.append(s1)

    # --- 2. charges by article -------------------------------------------------------------------
    s2 = Section(tr("charges_by_article"))
    s2.add(Paragraph(tr("torture_vs_abuse_note")))
    # the central finding, as a count: registered as torture, charged or judged as abuse of power
    finding = statistics.torture_finding((p.body for p in reader.all("proceeding")), years_wanted)
    if finding:
        rows = [[str(f.year) if f.year is not None else tr("not_specified"),
                 *(_n(tr, getattr(f, k)) for k in ("registered", "to_abuse", "to_torture", *statistics.OUTCOMES))]
                for f in finding]
        if len(finding) > 1:
            rows.append([tr("total")] + [_n(tr, sum(getattr(f, k) for f in finding))
                                         for k in ("registered", "to_abuse", "to_torture", *statistics.OUTCOMES)])
        s2.add(Table([tr("year"), tr("cf_registered"), tr("cf_to_abuse"), tr("cf_to_torture"), tr("cf_real"),
                      tr("cf_suspended"), tr("cf_amnesty"), tr("cf_acquittal")], rows,
                     widths=[1, 1.6, 1.6, 1.4, 1, 1.1, 1, 1.1], numeric=set(range(1, 8)), caption=tr("central_finding")))
        s2.add(Paragraph(tr("central_finding_note"), "note"))
    ys = sorted(charges_by_year, key=lambda y: (y is None, y or 0))
    if ys:
        rows = [[str(y) if y is not None else tr("not_specified"), _n(tr, charges_by_year[y]["torture"]), _n(tr, charges_by_year[y]["abuse"]),
                 _n(tr, charges_by_year[y]["other"])] for y in ys]
        totals = [sum(charges_by_year[y][g] for y in ys) for g in ("torture", "abuse", "other")]
        rows.append([tr("total")] + [_n(tr, t) for t in totals])
        s2.add(Table([tr("year"), tr("torture_articles"), tr("abuse_articles"), tr("other_articles")], rows,
                     widths=[1.2, 2.4, 2.4, 1.4], numeric={1, 2, 3}, caption=tr("torture_vs_abuse")))
        s2.add(BarChart([str(y) if y is not None else tr("not_specified") for y in ys],
                        [(tr("torture_articles"), [charges_by_year[y]["torture"] for y in ys]),
                         (tr("abuse_articles"), [charges_by_year[y]["abuse"] for y in ys]),
                         (tr("other_articles"), [charges_by_year[y]["other"] for y in ys])],
                        caption=tr("torture_vs_abuse")))
        s2.add(Table([tr("article"), tr("count")],
                     [[reader.label("article", k, lang), _n(tr, n)] for k, n in charges_by_article.most_common()],
                     widths=[5, 1], numeric={1}))
    else:
        s2.add(Paragraph(tr("no_data")))
    report.sections.append(s2)

    # --- 3. sentences ----------------------------------------------------------------------------
    s3 = Section(tr("sentences"))
    if sentences or life or other_punishment:
        rows = [[label, _n(tr, sentences.get(label, 0))] for _, _, label in BUCKETS]
        rows.append([tr("life"), _n(tr, life)])
        s3.add(Table([tr("years_bucket"), tr("count")], rows, widths=[3, 1], numeric={1}))
        s3.add(Table([tr("sentence"), tr("count")],
                     [[tr("real_term"), _n(tr, real)], [tr("suspended_term"), _n(tr, suspended)],
                      [tr("other_punishment"), _n(tr, other_punishment)]], widths=[3, 1], numeric={1}))
        s3.add(BarChart([label for _, _, label in BUCKETS],
                        [(tr("years_bucket"), [sentences.get(label, 0) for _, _, label in BUCKETS])],
                        caption=tr("sentences")))
    else:
        s3.add(Paragraph(tr("no_data")))
    report.sections.append(s3)

    # --- 4. visits, reprisals --------------------------------------------------------------------
    s4 = Section(tr("visits_refused"))
    if visits:
        s4.add(Table([tr("year"), tr("visits_total"), tr("visits_refused_n"), tr("visits_partly")],
                     [[str(y), _n(tr, visits[y]["total"]), _n(tr, visits[y]["refused"]), _n(tr, visits[y]["partly"])]
                      for y in sorted(visits)], widths=[1, 1, 1, 1], numeric={1, 2, 3}))
    else:
        s4.add(Paragraph(tr("no_data")))
    report.sections.append(s4)
    s5 = Section(tr("reprisals"))
    if reprisals:
        kinds = sorted({k for c in reprisals.values() for k in c})
        s5.add(Table([tr("year")] + [reader.label("reprisal_kind", k, lang) for k in kinds] + [tr("total")],
                     [[str(y)] + [_n(tr, reprisals[y][k]) for k in kinds] + [_n(tr, sum(reprisals[y].values()))]
                      for y in sorted(reprisals)], numeric=set(range(1, len(kinds) + 2))))
    else:
        s5.add(Paragraph(tr("no_data")))
    report.sections.append(s5)

    # --- 5. breakdowns ---------------------------------------------------------------------------
    step(5, "breakdowns")
    for title, table, label in ((tr("by_facility_type"), by_type, lambda k: reader.label("facility_type", k, lang)),
                                (tr("by_region"), by_region, lambda k: k)):
        sec = Section(title)
        keys = sorted(table, key=lambda k: (-table[k]["complaints"], k))
        if keys:
            sec.add(Table([title, tr("cases_n"), tr("complaints_n"), tr("proceedings_n"), tr("cases_per_complaint")],
                          [[label(k) if k else tr("not_specified"), _n(tr, table[k]["cases"]), _n(tr, table[k]["complaints"]),
                            _n(tr, table[k]["proceedings"]), tr.ratio(table[k]["proceedings"], table[k]["complaints"])]
                           for k in keys], widths=[2.6, 0.9, 1.1, 1.3, 1.7], numeric={1, 2, 3, 4}))
        field = "facility_type" if title == tr("by_facility_type") else "region"
        # each figure once: by facility type if it has one, else by region
        extra = [b for b in official_breakdown if b.get(field) and (field == "facility_type" or not b.get("facility_type"))]
        if extra:
            sec.add(Table([tr("official_source"), tr("period"), title, tr("details"), tr("count")],
                          [[b.get("source_document", ""), tr.span(b["period_start"], b["period_end"]),
                            reader.label("facility_type", b[field], lang) if field == "facility_type" else b[field],
                            reader.label("stat_indicator", b["indicator"], lang), _n(tr, b["value"])] for b in extra],
                          widths=[2, 2, 2.5, 2, 1], numeric={4}))
        if not sec.blocks:
            sec.add(Paragraph(tr("no_data")))
        report.sections.append(sec)
    report.sections[0].blocks.insert(0, Paragraph(tr("aggregate_only"), "note"))
    if reader.conflicted:  # counted with their latest version, and said so
        report.conflicts.append(tr("stats_conflicts", n=len(reader.conflicted)))
    step(6, "finishing")
    return finish(report, reader, red, tr)


def _bucket(years: float) -> str:
    for low, high, label in BUCKETS:
        if low <= years < high:
            return label
    return BUCKETS[-1][2]


def _n(tr: Tr, value) -> str:
    """A count in the report's language (``12 345``); a dash where unknown."""
    return tr.num(None if value is None else int(value))
