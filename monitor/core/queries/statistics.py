"""Official statistics (``statistic`` records) and the counts reports are built from.

A row of the seed report's table ("2013 (January–May): 304 statements on torture") is one
``statistic`` record with its period; :func:`official` returns them in period order and marks a
period that does not cover a whole calendar year as partial.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store.vault import Vault


@dataclass(frozen=True)
class OfficialFigure:
    indicator: str
    period_start: str
    period_end: str
    value: int
    article: str | None
    region: str | None
    source_document: str
    record_id: str

    @property
    def year(self) -> int:
        return int(self.period_start[:4])

    @property
    def partial(self) -> bool:
        """True unless the period is exactly one calendar year."""
        start, end = _dt.date.fromisoformat(self.period_start), _dt.date.fromisoformat(self.period_end)
        return not (start.month == 1 and start.day == 1 and end == _dt.date(start.year, 12, 31))


def official(vault: "Vault", indicator: str | None = None) -> list[OfficialFigure]:
    """Every official figure (optionally one indicator), ordered by indicator and period."""
    where = {"indicator": indicator} if indicator else None
    rows = [OfficialFigure(b["indicator"], b["period_start"], b["period_end"], b["value"], b.get("article"),
                           b.get("region"), b["source_document"], b["id"])
            for b in (info.body for info in vault.records("statistic", where=where))]
    return sorted(rows, key=lambda f: (f.indicator, f.period_start, f.period_end, f.region or "", f.article or ""))


# --- series: an indicator in one scope ---------------------------------------------------------------

def is_national_region(region: str | None) -> bool:
    """No region, or one that names the whole country (resources/definitions/time_zones.json "country")."""
    from .. import resources

    names = resources.load_json("definitions", "time_zones.json")["country"]
    return not region or str(region).strip().casefold() in names


def scope(body: dict) -> str | None:
    """The scope of an official figure's series: ``""`` for a national total, the article key for a
    figure given for one article (not a national total of all complaints), ``None`` for a figure for
    one region or facility type (a breakdown, listed in the breakdown tables and nowhere else)."""
    if body.get("facility_type") or not is_national_region(body.get("region")):
        return None
    return body.get("article") or ""


def cover(spans: dict[int, tuple[_dt.date, _dt.date]], start: _dt.date, end: _dt.date) -> None:
    """Add the period start–end to one series' coverage: year → (first, last) day covered."""
    for y in range(start.year, end.year + 1):
        first, last = max(start, _dt.date(y, 1, 1)), min(end, _dt.date(y, 12, 31))
        known = spans.get(y)
        spans[y] = (min(first, known[0]), max(last, known[1])) if known else (first, last)


def partial_span(spans: dict[int, tuple[_dt.date, _dt.date]], year: int) -> tuple[_dt.date, _dt.date] | None:
    """The part of ``year`` a series covers, when that is not the whole year; else None."""
    span = spans.get(year)
    if span and (span[0] > _dt.date(year, 1, 1) or span[1] < _dt.date(year, 12, 31)):
        return span
    return None


# --- the central finding: torture registered, abuse of power charged --------------------------------

TORTURE_ARTICLES = frozenset({"cc1997-141-1", "cc2014-146"})
ABUSE_ARTICLES = frozenset({"cc1997-307", "cc1997-308", "cc2014-362"})
CHARGE_DECISIONS = frozenset({"charged", "sent_to_court", "judgment", "appeal_decided"})
OUTCOMES = ("real", "suspended", "amnesty", "acquittal")


def _key(ref) -> str | None:
    if isinstance(ref, dict):
        return ref.get("article")
    return ref or None


def registered_article(body: dict) -> str | None:
    """The article a proceeding was registered under: article_registered, else the registering
    decision's article, else the legacy single article."""
    if _key(body.get("article_registered")):
        return _key(body["article_registered"])
    for d in sorted(body.get("decisions", []), key=lambda d: d.get("date", "")):
        if d.get("kind") in ("registered", "registered_erdr") and _key(d.get("article")):
            return _key(d["article"])
    return _key(body.get("article"))


def charged_articles(body: dict) -> set[str]:
    """Every article a person was charged or judged under in a proceeding."""
    found = {_key(body.get("article_charged")), _key(body.get("article_judgment"))}
    found |= {_key(ch.get("article")) for ch in body.get("charges") or []}
    found |= {_key(d.get("article")) for d in body.get("decisions", []) if d.get("kind") in CHARGE_DECISIONS}
    return {a for a in found if a}


def registration_year(body: dict) -> int | None:
    for value in (body.get("erdr_date"), body.get("date_opened")):
        try:
            return _dt.date.fromisoformat(str(value)[:10]).year
        except (TypeError, ValueError):
            continue
    for d in body.get("decisions", []):
        if d.get("kind") in ("registered", "registered_erdr"):
            try:
                return _dt.date.fromisoformat(str(d.get("date"))[:10]).year
            except (TypeError, ValueError):
                continue
    return None


def outcomes(body: dict) -> dict[str, int]:
    """What followed for each person charged: real or suspended imprisonment, amnesty, acquittal."""
    out = dict.fromkeys(OUTCOMES, 0)
    charges = body.get("charges") or []
    for ch in charges:
        verdict = ch.get("verdict")
        pun = ch.get("punishments") or []
        if verdict == "acquitted":
            out["acquittal"] += 1
        elif verdict == "amnestied" or any(p.get("kind") == "amnesty_release" for p in pun):
            out["amnesty"] += 1
        elif verdict == "convicted":
            prison = [p for p in pun if p.get("kind") in ("imprisonment", "suspended_imprisonment") or p.get("life")]
            if any(p.get("kind") == "suspended_imprisonment" or p.get("probation_years") or p.get("probation_months")
                   for p in prison):
                out["suspended"] += 1
            elif prison:
                out["real"] += 1
    if not charges:  # legacy (v3): one sentence for the proceeding
        n = max(1, len(body.get("defendants", [])))
        if body.get("outcome") == "acquittal":
            out["acquittal"] += n
        elif body.get("outcome") == "amnesty":
            out["amnesty"] += n
        elif body.get("outcome") == "conviction" and (body.get("sentence_years") is not None or body.get("sentence_life")):
            out["suspended" if body.get("sentence_suspended") else "real"] += n
    return out


@dataclass
class TortureFinding:
    """One year of the central finding: proceedings registered under a torture article, and of them
    how many were charged or judged under abuse-of-power articles (and under torture articles), with
    what followed for the persons charged in those proceedings."""

    year: int | None
    registered: int = 0
    to_abuse: int = 0
    to_torture: int = 0
    real: int = 0
    suspended: int = 0
    amnesty: int = 0
    acquittal: int = 0


def torture_finding(bodies, years: tuple[int | None, int | None] = (None, None)) -> list[TortureFinding]:
    """The central finding by registration year, from proceeding bodies. A proceeding counts when it
    was registered (ЕРДР or opening date, or a "registered" decision) under a torture article."""
    first, last = years
    by_year: dict[int | None, TortureFinding] = {}
    for body in bodies:
        if registered_article(body) not in TORTURE_ARTICLES:
            continue
        year = registration_year(body)
        if year is None:  # never registered (a refusal to open a case, or no date at all): not counted
            continue
        if (first is not None and year < first) or (last is not None and year > last):
            continue
        row = by_year.setdefault(year, TortureFinding(year))
        row.registered += 1
        charged = charged_articles(body)
        if charged & ABUSE_ARTICLES:
            row.to_abuse += 1
        if charged & TORTURE_ARTICLES:
            row.to_torture += 1
        for key, n in outcomes(body).items():
            setattr(row, key, getattr(row, key) + n)
    return [by_year[y] for y in sorted(by_year, key=lambda y: (y is None, y or 0))]
