"""The legal side of a demo case: complaints to the authorities and, for about one case in ten, a
criminal proceeding (see :mod:`.demo_case` for the case they belong to)."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from .demo_corpus import CUTOFF, DEMO_MARKER, corpus, iso, label, method_nouns, pick, say

COMPLAINT_STATUS = ("refused", "forwarded", "no_reply", "registered", "closed", "investigation_opened",
                    "filed", "draft")
COMPLAINT_STATUS_W = (30, 20, 15, 10, 10, 5, 7, 3)
PROC_STATUS = ("refused_to_open", "terminated", "pre_investigation", "investigation", "suspended",
               "at_trial", "judgment", "appeal", "closed")
PROC_STATUS_W = (40, 14, 5, 8, 5, 5, 15, 5, 3)
TERM_ARTICLE = "cc2014-107"  # the coordinator-added article (a `term` record, see methods.json)


def plan(g, i: int, incident: int) -> dict:
    """Whether the case reaches a proceeding, how far, and the dates of each step."""
    r = g.rng
    has_proc = r.random() < 0.10 or i == min(1, g.cases - 1)
    proc_status = pick(r, PROC_STATUS, PROC_STATUS_W) if has_proc else None
    first_filed = incident + r.randint(5, 45)
    decided = min(first_filed + r.randint(10, 40), CUTOFF)
    judgment = decided + r.randint(90, 330)
    appeal_day = judgment + r.randint(10, 30)
    if proc_status == "appeal" and appeal_day > CUTOFF:
        proc_status = "judgment"
    if proc_status in ("judgment", "appeal") and judgment > CUTOFF:
        proc_status = "at_trial"
    if proc_status == "at_trial" and decided + 60 > CUTOFF:
        proc_status = "investigation"
    return {"has_proc": has_proc, "proc_status": proc_status, "first_filed": first_filed, "decided": decided,
            "judgment": judgment, "appeal_day": appeal_day}


def case_status(g, p) -> str:
    """Plan the complaints (``p.statuses``) and return the case status that agrees with them."""
    r = g.rng
    n_complaints = 1 if r.random() < 0.6 else 2
    statuses = [pick(r, COMPLAINT_STATUS, COMPLAINT_STATUS_W) for _ in range(n_complaints)]
    if p.has_proc:
        statuses[0] = "refused" if p.proc_status == "refused_to_open" else "investigation_opened"
    elif "investigation_opened" in statuses:
        statuses = ["registered" if s == "investigation_opened" else s for s in statuses]
    p.statuses = statuses
    old = p.incident < CUTOFF - 5 * 365
    if p.has_proc:
        status = {"pre_investigation": "investigation", "investigation": "investigation",
                  "suspended": "investigation", "at_trial": "trial"}.get(p.proc_status, "closed")
    elif all(s == "draft" for s in statuses):
        status = "documenting" if not old else "archived"
    else:
        status = "complaint_filed"
    if status in ("complaint_filed", "closed") and old and r.random() < 0.6:
        status = "archived" if r.random() < 0.3 else "closed"
    if status == "documenting" and r.random() < 0.3:
        status = "open"
    return status


def complaints_and_proceeding(g, p) -> Iterator[tuple[str, object]]:
    r = g.rng
    filed = p.first_filed
    first = None
    for j, status in enumerate(p.statuses):
        comp = complaint(g, p, filed, status, j)
        yield "record", comp
        first = first or comp
        filed = min(filed + r.randint(20, 60), CUTOFF)
    if p.has_proc:
        yield "record", proceeding(g, p, first)


def authority_name(key: str, region: dict) -> str:
    return say(corpus().legal["authority_names"][key], genitive=region["genitive_ru"], city=region["city"]["ru"],
               region=region["name"]["ru"])


def complaint(g, p, filed: int, status: str, j: int) -> dict:
    r = g.rng
    text = corpus().legal["complaint"]
    if j == 0:
        authority = pick(r, ("prosecutor", "police", "anti_corruption", "national_security"), (80, 10, 5, 5))
    else:
        authority = pick(r, ("court", "ombudsman", "npm", "penitentiary_committee", "un_body", "prosecutor"),
                         (25, 25, 15, 10, 5, 20))
    if status == "investigation_opened":
        authority = "prosecutor"
    complainant = p.relative if (p.relative and r.random() < 0.5) else p.victim_id
    filed_by = say(text["filed_by_lawyer"], name=p.lawyer[1]) if p.lawyer else say(corpus().names["ngo"])
    rec: dict = {"id": g.uid(), "type": "complaint", "case_id": p.cid, "complainant_id": complainant,
                 "filed_by": filed_by, "date_filed": iso(filed), "authority": authority,
                 "authority_name": authority_name(authority, p.region)}
    if status != "draft":
        rec["reference"] = f"№ {r.randint(1, 9999)}-{date.fromordinal(filed).year % 100:02d}"
    rec["statement"] = say(text["statement"], methods=method_nouns(p.methods), marker=DEMO_MARKER,
                           **{"in": say(p.place["in"])})
    reply_day = filed + r.randint(10, 60)
    if status in text["replies"]:
        if reply_day <= CUTOFF:
            rec["reply_date"] = iso(reply_day)
            rec["reply"] = say(text["replies"][status])
        elif status != "investigation_opened":
            status = "registered" if status in ("refused", "closed") else status
    rec["status"] = status
    # keep key order stable and close to the table in data-model.md
    return {k: rec[k] for k in ("id", "type", "case_id", "complainant_id", "filed_by", "date_filed",
                                "authority", "authority_name", "reference", "statement", "status",
                                "reply_date", "reply") if k in rec}


def proceeding(g, p, complaint: dict) -> dict:
    r = g.rng
    text = corpus().legal["proceeding"]
    status = p.proc_status
    if p.incident < date(2015, 1, 1).toordinal():
        article = pick(r, ("cc1997-308", "cc1997-141-1"), (70, 30))
        case_number = f"№ {r.randint(100000000, 999999999)}"
    else:
        article = pick(r, ("cc2014-146", "cc2014-362", TERM_ARTICLE, "other"), (55, 33, 9, 3))
        case_number = f"{p.year % 100:02d}{r.randrange(10 ** 13):013d}"
    authority = pick(r, ("prosecutor", "national_security", "anti_corruption"), (80, 12, 8))
    rec: dict = {"id": g.uid(), "type": "proceeding", "case_id": p.cid, "complaint_id": complaint["id"],
                 "authority": authority}
    if status == "refused_to_open":
        rec["date_refused"] = iso(p.decided)
        rec["article"] = article
        rec["status"] = status
        rec["outcome"] = "refused"
        rec["notes"] = say(text["refused_notes"], marker=DEMO_MARKER)
        return rec
    rec["case_number"] = case_number
    rec["date_opened"] = iso(p.decided)
    rec["article"] = article
    rec["status"] = status
    if status == "terminated":
        rec["outcome"] = "terminated"
    elif status == "closed":
        rec["outcome"] = r.choice(("terminated", "amnesty"))
    elif status in ("judgment", "appeal"):
        rec["outcome"] = "conviction" if r.random() < 0.85 else "acquittal"
        rec["judgment_date"] = iso(p.judgment)
    else:
        rec["outcome"] = "pending"
    if status in ("at_trial", "judgment", "appeal") and p.perps:
        rec["defendants"] = [perp[0] for perp in p.perps]
    if rec["outcome"] == "conviction":
        suspended = r.random() < 0.3
        rec["sentence_years"] = r.choice((2, 2.5, 3)) if suspended else r.choice((3, 4, 5, 5, 6, 7))
        rec["sentence_suspended"] = suspended
    if status == "appeal":
        rec["appeal"] = {"date": iso(p.appeal_day), "by": say(r.choice(text["appeal_by"])),
                         "outcome": "pending" if p.appeal_day + 60 > CUTOFF else r.choice(("conviction", "other")),
                         "notes": say(text["appeal_notes"])}
    rec["notes"] = say(text["notes"], marker=DEMO_MARKER, article=label("article", article))
    return rec
