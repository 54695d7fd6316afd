"""The legal side of a demo case: complaints to the authorities, the reprisals that follow them and,
for about one case in ten, a criminal proceeding (built by :mod:`.demo_proceeding`). See
:mod:`.demo_case` for the case they belong to."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from . import proceeding as demo_proceeding
from .corpus import (
    CUTOFF,
    DEMO_MARKER,
    NEW_CODE,
    NPM_START,
    authority_name,
    corpus,
    iso,
    method_nouns,
    pick,
    say,
)
from .proceeding import article_ref

COMPLAINT_STATUS = ("refused", "forwarded", "no_reply", "registered", "closed", "investigation_opened",
                    "filed", "draft", "withdrawn")
COMPLAINT_STATUS_W = (30, 20, 15, 10, 10, 5, 7, 3, 3)
# Who answers a complaint, and how: an investigating body registers it (КУИ / ЕРДР), refuses, forwards
# or opens an investigation; a court hears a complaint about the investigation; an ombudsman or the NPM
# takes it up or passes it to the prosecutor; the penitentiary committee holds an internal inquiry;
# a UN body registers a communication or not. None of them answers with another's decision.
INVESTIGATIVE = ("prosecutor", "police", "anti_corruption", "national_security")
AUTHORITY_GROUP = {**dict.fromkeys(INVESTIGATIVE, "investigative"), "court": "court", "ombudsman": "oversight",
                   "npm": "oversight", "penitentiary_committee": "administration", "un_body": "un"}
FIT_STATUS = {"court": {"forwarded": "registered"}, "un": {"forwarded": "registered", "closed": "registered"}}
PROC_STATUS = ("refused_to_open", "terminated", "pre_investigation", "investigation", "suspended",
               "at_trial", "judgment", "appeal", "closed")
PROC_STATUS_W = (40, 14, 5, 8, 5, 5, 15, 5, 5)


def plan(g, i: int, interview_day: int) -> dict:
    """Whether the case reaches a proceeding, how far, and the dates of each step (the first
    complaint is filed after the interview at which the victim consented to it)."""
    r = g.rng
    has_proc = r.random() < 0.10 or i == min(1, g.cases - 1)
    proc_status = pick(r, PROC_STATUS, PROC_STATUS_W) if has_proc else None
    if proc_status == "terminated" and "amnesty_planned" not in g.told:
        proc_status = "closed"  # the first case to end early ends in an amnesty (see demo_proceeding)
    if proc_status == "closed":
        g.told.add("amnesty_planned")
    first_filed = min(interview_day + r.randint(1, 20), CUTOFF)
    overturn = None
    if proc_status not in (None, "refused_to_open") and r.random() < 0.3:
        refused = first_filed + r.randint(5, 15)
        overturned = refused + r.randint(10, 40)
        overturn = (refused, overturned)
        decided = overturned + r.randint(2, 10)  # registered after the court's ruling
    else:
        decided = first_filed + r.randint(10, 40)
    if decided > CUTOFF:
        overturn, decided = None, min(first_filed + 10, CUTOFF)
    judgment = decided + r.randint(90, 330)
    appeal_day = judgment + r.randint(10, 30)
    if proc_status == "appeal" and appeal_day > CUTOFF:
        proc_status = "judgment"
    if proc_status in ("judgment", "appeal") and judgment > CUTOFF:
        proc_status = "at_trial"
    if proc_status == "at_trial" and decided + 60 > CUTOFF:
        proc_status = "investigation"
    if proc_status in ("terminated", "suspended", "closed") and decided + 30 > CUTOFF:
        proc_status = "investigation"
    return {"has_proc": has_proc, "proc_status": proc_status, "first_filed": first_filed, "decided": decided,
            "judgment": judgment, "appeal_day": appeal_day, "overturn": overturn}


def case_status(g, p) -> str:
    """Plan the complaints (``p.statuses``) and return the case status that agrees with them."""
    r = g.rng
    n_complaints = 1 if r.random() < 0.6 else 2
    statuses = [pick(r, COMPLAINT_STATUS, COMPLAINT_STATUS_W) for _ in range(n_complaints)]
    # only the first complaint can open the proceeding (and its replies follow the proceeding's decisions)
    statuses = [s if j == 0 else "registered" if s == "investigation_opened" else s for j, s in enumerate(statuses)]
    if p.has_proc:
        statuses[0] = "refused" if p.proc_status == "refused_to_open" else "investigation_opened"
    elif statuses[0] == "investigation_opened":
        statuses[0] = "registered"
    if p.i == 0 and statuses[0] == "draft":
        statuses[0] = "refused"  # the first case tells the whole story, even in a one-case demo
    if "withdrawn" in statuses:  # a withdrawn complaint is not followed by another one
        statuses = statuses[:statuses.index("withdrawn") + 1]
    p.statuses = statuses
    old = p.incident < CUTOFF - 5 * 365
    if p.has_proc:
        status = {"pre_investigation": "investigation", "investigation": "investigation",
                  "suspended": "investigation", "at_trial": "trial"}.get(p.proc_status, "closed")
    elif all(s == "draft" for s in statuses):
        status = "documenting" if not old else "archived"
    elif all(s in ("draft", "withdrawn") for s in statuses):
        status = "closed"  # the complaint was withdrawn
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
    p.complaints = []
    for j, status in enumerate(p.statuses):
        comp = complaint(g, p, filed, status, j)
        yield "record", comp
        p.complaints.append(comp)
        filed = min(filed + r.randint(20, 60), CUTOFF)
    if p.has_proc:
        yield "record", demo_proceeding.proceeding(g, p, p.complaints[0])


def intake(g, p) -> tuple[str, int]:
    """How and when the case reached the NGO: the first complaint's intake channel and date received."""
    r = g.rng
    if p.death:
        return "relative", r.randint(p.incident + 1, p.interview_day)
    if p.met_on_visit:
        return "visit", p.interview_day
    if p.relative and r.random() < 0.5:
        channel = "relative"
    elif p.lawyer and r.random() < 0.4:
        channel = "lawyer"
    else:
        channel = pick(r, ("ngo_hotline", "self", "media"), (70, 25, 5))
    return channel, r.randint(p.incident + 1, p.interview_day)


def complaint(g, p, filed: int, status: str, j: int) -> dict:
    r = g.rng
    text = corpus().legal["complaint"]
    if j == 0:
        authority = pick(r, ("prosecutor", "police", "anti_corruption", "national_security"), (80, 10, 5, 5))
    else:  # once a proceeding is under way, a later complaint goes to a court or an oversight body
        authority = pick(r, ("court", "ombudsman", "npm", "penitentiary_committee", "un_body", "prosecutor"),
                         (25, 25, 15, 10, 5, 0 if p.has_proc else 20))
    if status == "investigation_opened" or (authority == "anti_corruption" and filed < NEW_CODE):
        authority = "prosecutor"
    if authority == "npm" and filed < NPM_START:
        authority = "ombudsman"
    group = AUTHORITY_GROUP[authority]
    status = FIT_STATUS.get(group, {}).get(status, status)
    if authority == "police" and status == "forwarded":  # the police do not forward to the police
        status = "registered"
    replies = text["replies"] if group == "investigative" else text["replies_by_authority"][group]
    complainant = p.relative if (p.relative and p.intake == "relative") else p.victim_id
    filed_by = say(text["filed_by_lawyer"], name=p.lawyer[1]) if p.lawyer else say(corpus().names["ngo"])
    rec: dict = {"id": g.uid(), "type": "complaint", "case_id": p.cid, "complainant_id": complainant,
                 "filed_by": filed_by, "date_filed": iso(filed)}
    if j == 0:
        rec["date_received"] = iso(p.received)
        rec["intake_channel"] = p.intake
    rec.update({"authority": authority, "authority_name": authority_name(authority, p.region, filed)})
    if status != "draft":
        rec["reference"] = f"№ {r.randint(1, 9999)}-{date.fromordinal(filed).year % 100:02d}"
    rec["statement"] = say(text["statement"], methods=method_nouns(p.methods), marker=DEMO_MARKER,
                           **{"in": say(p.place["in"])})
    reply_day = filed + r.randint(10, 60)
    if j == 0 and p.has_proc:  # answered on the day of the proceeding's first decision, and as it decided
        reply_day = p.overturn[0] if p.overturn else p.decided
        status = "refused" if p.overturn else status
    if status in replies and reply_day > CUTOFF and status != "investigation_opened":
        status = "registered" if status in ("refused", "closed") and "registered" in replies else status
    responses = []
    if status in replies and reply_day <= CUTOFF:
        kind = "forwarded" if status == "forwarded" else "acknowledgement" if status == "registered" else "reply"
        responses.append(response(g, p, reply_day, kind, authority, words(replies, status, reply_day)))
        if status == "forwarded":
            to = "police" if group == "investigative" else "prosecutor"
            rec["forwarded_to"] = {"authority": to, "date": iso(reply_day),
                                   "authority_name": authority_name(to, p.region, reply_day)}
        appeal_day = reply_day + r.randint(5, 30)
        if j == 0 and p.has_proc and p.overturn:  # appealed to the court, which overturned the refusal
            appeal_day = r.randint(p.overturn[0] + 1, p.overturn[1] - 1)
            responses.append(response(g, p, appeal_day, "appeal", "court", words(text, "appeal_court", appeal_day)))
            responses.append(response(g, p, p.decided, "reply", authority,
                                      words(replies, "investigation_opened_after_court", p.decided)))
            status = "investigation_opened"
        elif status == "refused" and group == "investigative" and appeal_day + 30 <= CUTOFF and r.random() < 0.5:
            # appealed to the Prosecutor General's Office, which answers
            responses.append(response(g, p, appeal_day, "appeal", "prosecutor", say(text["appeal"]), higher=True))
            responses.append(response(g, p, appeal_day + r.randint(10, 30), "reply", "prosecutor",
                                      say(text["appeal_rejected"]), higher=True))
    if status == "withdrawn":
        rec["withdrawal_pressure"] = {"reported": True, "description": say(r.choice(text["pressure"]),
                                                                           female=p.female)}
    rec["status"] = status
    if responses:
        rec["responses"] = responses
        first_reply = next((x for x in responses if x["kind"] != "appeal"), None)
        if first_reply:  # the v3 fields, kept equal to the first answer for readers of the old model
            rec["reply_date"] = first_reply["date"]
            rec["reply"] = first_reply["text"]
    return rec


def words(entries: dict, key: str, day: int) -> str:
    """An entry in Russian, in the wording of the code in force on ``day`` (``*_before_2015``)."""
    old = entries.get(f"{key}_before_2015") if day < NEW_CODE else None
    return say(old or entries[key])


def response(g, p, day: int, kind: str, authority: str, words: str, higher: bool = False) -> dict:
    name = say(corpus().legal["authority_names"]["prosecutor_general"]) if higher \
        else authority_name(authority, p.region, day)
    return {"id": g.uid(), "date": iso(day), "kind": kind, "authority": authority, "authority_name": name,
            "reference": f"№ {g.rng.randint(1, 9999)}/{date.fromordinal(day).year % 100:02d}", "text": words}


# --------------------------------------------------------------------------- reprisals


def reprisals(g, p) -> Iterator[tuple[str, object]]:
    """A reprisal after the first complaint (planned in :func:`plan_reprisal`, so the victim's
    current place of detention already reflects a transfer)."""
    if not p.reprisal:
        return
    r = g.rng
    kind, day = p.reprisal["kind"], p.reprisal["day"]
    after = p.complaints[0]
    if kind == "pressure_to_withdraw":  # the pressure that made the complainant withdraw
        after = next(c for c in p.complaints if c["status"] == "withdrawn")
        filed = date.fromisoformat(after["date_filed"]).toordinal()
        day = p.reprisal["day"] = min(filed + r.randint(3, 20), CUTOFF)
        if day <= filed:
            return
    text = corpus().legal["reprisals"].get(f"{kind}_{p.ftype}", corpus().legal["reprisals"][kind])  # карцер in a SIZO
    rec: dict = {"id": g.uid(), "type": "reprisal", "person_id": p.victim_id, "date": iso(day), "kind": kind,
                 "description": say(text, female=p.female), "complaint_id": after["id"],
                 "case_id": p.cid, "facility_id": p.fid}
    if p.visit_id:
        rec["visit_id"] = p.visit_id
    if kind == "counter_charge":
        rec["counter_charge_article"] = article_ref("cc1997-351" if day < NEW_CODE else "cc2014-419", "1")
    rec["reported_by"] = p.lawyer[1] if p.lawyer else r.choice(corpus().names["monitors"])
    yield "record", rec


def plan_reprisal(g, p) -> dict | None:
    """Whether the victim suffers a reprisal after complaining, what kind, and when."""
    r = g.rng
    if p.statuses[0] == "draft":
        return None
    if "withdrawn" in p.statuses:  # the complaint was withdrawn under pressure: that is the reprisal
        return {"kind": "pressure_to_withdraw", "day": min(p.first_filed + r.randint(3, 20), CUTOFF)}
    penal = p.ftype in ("sizo", "colony")
    if r.random() >= (0.3 if penal else 0.12) and p.i != 0:
        return None
    if penal:
        kind = pick(r, ("transfer", "punishment_cell", "loss_of_parcels_or_visits", "beating", "threats_to_family"),
                    (25, 30, 20, 15, 10))
    else:
        kind = pick(r, ("threats_to_family", "counter_charge", "beating", "other"), (45, 35, 15, 5))
    day = min(p.first_filed + r.randint(3, 60), CUTOFF)
    plan = {"kind": kind, "day": day}
    if kind == "transfer":
        same = [f for f in g.facilities if f[1] == p.ftype and f[0] != p.fid]
        if same:
            plan["to"] = r.choice(same)[0]
        else:
            plan["kind"] = "punishment_cell"
    return plan
