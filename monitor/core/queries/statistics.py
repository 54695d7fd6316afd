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
