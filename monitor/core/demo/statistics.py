"""The report's official statistics as `statistic` records (resources/demo/statistics.json).

These rows are the real figures quoted in the report, not invented ones: the demo carries them so the
statistics table and its report have the model data the issue names (14 / 36 / 52 / 602 / 304
statements on torture, 3 / 10 / 15 / 18 / 19 criminal cases, 2009 to May 2013)."""

from __future__ import annotations

from typing import Iterator

from .corpus import corpus, say


def statistics(g) -> Iterator[tuple[str, object]]:
    data = corpus().statistics
    for block in (data["official"], data["ngo"]):
        for row in block["rows"]:
            rec: dict = {"id": g.uid(), "type": "statistic", "source_document": say(block["source_document"])}
            if "source_authority" in block:
                rec["source_authority"] = block["source_authority"]
            rec.update({"period_start": row["period_start"], "period_end": row["period_end"],
                        "indicator": row["indicator"], "value": row["value"]})
            if "article" in block:
                rec["article"] = block["article"]
            rec["region"] = say(block["region"])
            rec["notes"] = say(block["notes"])
            yield "record", rec
