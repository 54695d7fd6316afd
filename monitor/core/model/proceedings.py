"""Reading a proceeding's chain of decisions: the status at any date, the articles by stage.

The report's central finding is that complaints of torture end as abuse-of-power charges; with
``article_registered``, ``article_charged`` and ``article_judgment`` (and each defendant's own
article) that shift is data. The ``group`` attribute of an article term (``torture``,
``abuse_of_power``, ``false_denunciation``) puts both Criminal Codes side by side.
"""

from __future__ import annotations

STAGES = ("article_registered", "article_charged", "article_judgment")

# Decision kinds by what they do (vocabulary decision_kind). Since the 2014 CPC (in force 1 January
# 2015) a report of a crime is either registered in the ЕРДР (a pre-trial investigation begins) or
# not registered there and entered in the КУИ (the information register) instead; the 1997 code's
# "registered" (a criminal case opened) and "refused" (refusal to open one) stay valid for older records.
REGISTERING = frozenset({"registered", "registered_erdr"})
NOT_REGISTERING = frozenset({"refused", "not_registered_kui"})
REOPENING = frozenset({"reopened", "refusal_overturned"})
ENDING = frozenset({"terminated", "investigation_terminated", "amnesty"})  # the case ends before a judgment
COURT_DECISIONS = frozenset({"refusal_overturned", "sent_back", "judgment", "appeal_decided", "compensation"})
INVESTIGATION_DECISIONS = REGISTERING | NOT_REGISTERING | frozenset({"reopened", "suspended", "charged"}) | ENDING

# The accused's procedural status by stage (reports.json ``report.status_*``):
# подозреваемый / обвиняемый / подсудимый / осуждённый / оправданный.
PROCEDURAL_STATUSES = ("suspect", "accused", "defendant", "convicted", "acquitted")


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


def procedural_status(proceeding: dict, charge: dict, date: str | None = None) -> str | None:
    """The defendant's procedural status by stage, from the decision chain (up to ``date``, YYYY-MM-DD,
    if given) and the charge's verdict: ``suspect`` once the case is registered (and the person named
    in a charge), ``accused`` once charged, ``defendant`` once the case is sent to court (back to
    ``accused`` when a court sends it back for additional investigation), then ``convicted`` or
    ``acquitted`` by the judgment. A case terminated or amnestied before trial leaves the status it
    had reached. None where the chain tells nothing (a legacy record without decisions, unless its
    verdict is known)."""
    verdict = charge.get("verdict")
    decisions = sorted(proceeding.get("decisions", []), key=lambda d: d.get("date", ""))
    if date is not None:
        decisions = [d for d in decisions if d.get("date", "") <= date]
    if not proceeding.get("decisions"):  # legacy: only the verdict tells
        return {"convicted": "convicted", "acquitted": "acquitted"}.get(verdict)
    status = None
    for d in decisions:
        kind = d.get("kind")
        if kind in REGISTERING | REOPENING and status is None:
            status = "suspect"
        elif kind == "charged" and status in (None, "suspect"):
            status = "accused"
        elif kind == "sent_to_court" and status not in ("convicted", "acquitted"):
            status = "defendant"
        elif kind == "sent_back" and status == "defendant":
            status = "accused"
        elif kind in ("judgment", "appeal_decided") and verdict in ("convicted", "acquitted"):
            status = verdict
    return status


def amnesty(proceeding: dict, charge: dict | None = None) -> dict | None:
    """The amnesty applied, as ``{"date", "act": {"name", "date"}}``: an ``amnesty`` decision (or a
    termination on the amnesty ground); else, for legacy records, a charge ``amnestied`` or with an
    ``amnesty_release`` punishment (then without its act). None if no amnesty was applied."""
    for d in proceeding.get("decisions", []):
        if d.get("kind") == "amnesty" or (d.get("kind") in ENDING and d.get("ground") == "amnesty"):
            return {"date": d.get("date"), "act": d.get("act")}
    charges = [charge] if charge is not None else defendants(proceeding)
    for ch in charges:
        if ch.get("verdict") == "amnestied" or any(p.get("kind") == "amnesty_release" for p in ch.get("punishments", [])):
            return {"date": ch.get("verdict_date"), "act": None}
    if proceeding.get("outcome") == "amnesty":
        return {"date": None, "act": None}
    return None
