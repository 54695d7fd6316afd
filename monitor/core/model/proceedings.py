"""Reading a proceeding's chain of decisions: the status at any date, the articles by stage.

The report's central finding is that complaints of torture end as abuse-of-power charges; with
``article_registered``, ``article_charged`` and ``article_judgment`` (and each defendant's own
article) that shift is data. The ``group`` attribute of an article term (``torture``,
``abuse_of_power``, ``false_denunciation``) puts both Criminal Codes side by side.
"""

from __future__ import annotations

STAGES = ("article_registered", "article_charged", "article_judgment")


def status_at(proceeding: dict, date: str) -> str | None:
    """The kind of the latest decision taken on or before ``date`` (YYYY-MM-DD), or None."""
    latest = None
    for decision in proceeding.get("decisions", []):
        if decision["date"] <= date:
            latest = decision["kind"]
    return latest


def articles_by_stage(proceeding: dict) -> dict[str, str]:
    """{stage: article key} for the stages the proceeding records (legacy ``article`` as registered)."""
    out = {stage: proceeding[stage]["article"] for stage in STAGES if stage in proceeding}
    if "article_registered" not in out and "article" in proceeding:
        out["article_registered"] = proceeding["article"]
    return out


def defendants(proceeding: dict) -> list[dict]:
    """Each defendant's charge (v4 ``charges``); a v3 proceeding's defendants and sentence as one charge each."""
    if proceeding.get("charges"):
        return list(proceeding["charges"])
    out = []
    for person_id in proceeding.get("defendants", []):
        charge = {"person_id": person_id, "verdict": "pending"}
        if "article" in proceeding:
            charge["article"] = {"article": proceeding["article"]}
        if proceeding.get("outcome") == "conviction":
            charge["verdict"] = "convicted"
            if proceeding.get("sentence_life"):
                charge["punishments"] = [{"kind": "imprisonment", "life": True}]
            elif proceeding.get("sentence_years") is not None:
                kind = "suspended_imprisonment" if proceeding.get("sentence_suspended") else "imprisonment"
                years = proceeding["sentence_years"]
                charge["punishments"] = [{"kind": kind, "years": int(years), "months": round((years % 1) * 12)}]
        out.append(charge)
    return out
