"""The legal side of a demo case: complaints to the authorities, reprisals that follow them and, for
about one case in ten, a criminal proceeding (see :mod:`.demo_case` for the case they belong to).

The proceedings tell the report's story: a complaint of torture is registered under the torture
article (1997 code art. 141-1, 2014 code art. 146) and, if anyone is charged at all, charged under
abuse of power (art. 308 / 362); refusals to open a case outnumber convictions; a refusal is sometimes
overturned by a court; sentences are at most seven years and often suspended; some cases end in an
acquittal or an amnesty.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator

from .demo_corpus import CUTOFF, DEMO_MARKER, corpus, iso, label, method_nouns, pick, say

COMPLAINT_STATUS = ("refused", "forwarded", "no_reply", "registered", "closed", "investigation_opened",
                    "filed", "draft", "withdrawn")
COMPLAINT_STATUS_W = (30, 20, 15, 10, 10, 5, 7, 3, 3)
PROC_STATUS = ("refused_to_open", "terminated", "pre_investigation", "investigation", "suspended",
               "at_trial", "judgment", "appeal", "closed")
PROC_STATUS_W = (40, 14, 5, 8, 5, 5, 15, 5, 5)
TERM_ARTICLE = "cc2014-107"  # the coordinator-added article (a `term` record, see methods.json)
NEW_CODE = date(2015, 1, 1).toordinal()  # the 2014 codes (ERDR register, investigating courts) apply from 2015
NPM_START = date(2014, 1, 1).toordinal()  # the National Preventive Mechanism works from 2014


def plan(g, i: int, interview_day: int) -> dict:
    """Whether the case reaches a proceeding, how far, and the dates of each step (the first
    complaint is filed after the interview at which the victim consented to it)."""
    r = g.rng
    has_proc = r.random() < 0.10 or i == min(1, g.cases - 1)
    proc_status = pick(r, PROC_STATUS, PROC_STATUS_W) if has_proc else None
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
    if p.has_proc:
        statuses[0] = "refused" if p.proc_status == "refused_to_open" else "investigation_opened"
    elif "investigation_opened" in statuses:
        statuses = ["registered" if s == "investigation_opened" else s for s in statuses]
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
        yield "record", proceeding(g, p, p.complaints[0])


def authority_name(key: str, region: dict, day: int) -> str:
    """The office's name as it was on ``day`` (before 2015 a district court, not an investigating one)."""
    names = corpus().legal["authority_names"]
    entry = names["court_before_2015"] if key == "court" and day < NEW_CODE else names[key]
    return say(entry, genitive=region["genitive_ru"], city=region["city"]["ru"], region=region["name"]["ru"])


def intake(g, p) -> tuple[str, int]:
    """How and when the case reached the NGO: the first complaint's intake channel and date received."""
    r = g.rng
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
    else:
        authority = pick(r, ("court", "ombudsman", "npm", "penitentiary_committee", "un_body", "prosecutor"),
                         (25, 25, 15, 10, 5, 20))
    if status == "investigation_opened" or (authority == "anti_corruption" and filed < NEW_CODE):
        authority = "prosecutor"
    if authority == "npm" and filed < NPM_START:
        authority = "ombudsman"
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
    if status in text["replies"] and reply_day > CUTOFF and status != "investigation_opened":
        status = "registered" if status in ("refused", "closed") else status
    responses = []
    if status in text["replies"] and reply_day <= CUTOFF:
        kind = "forwarded" if status == "forwarded" else "acknowledgement" if status == "registered" else "reply"
        old = text["replies"].get(f"{status}_before_2015") if filed < NEW_CODE else None
        responses.append(response(g, p, reply_day, kind, authority, say(old or text["replies"][status])))
        if status == "forwarded":
            rec["forwarded_to"] = {"authority": "police", "authority_name": authority_name("police", p.region, reply_day),
                                   "date": iso(reply_day)}
        appeal_day = reply_day + r.randint(5, 30)
        if status == "refused" and appeal_day + 30 <= CUTOFF and r.random() < 0.5:
            responses.append(response(g, p, appeal_day, "appeal", authority, say(text["appeal"])))
            responses.append(response(g, p, appeal_day + r.randint(10, 30), "reply", authority,
                                      say(text["appeal_rejected"])))
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


def response(g, p, day: int, kind: str, authority: str, words: str) -> dict:
    return {"id": g.uid(), "date": iso(day), "kind": kind, "authority": authority,
            "authority_name": authority_name(authority, p.region, day),
            "reference": f"№ {g.rng.randint(1, 9999)}/{date.fromordinal(day).year % 100:02d}", "text": words}


# --------------------------------------------------------------------------- proceedings


def article_ref(article: str, part: str | None = None, paragraph: str | None = None) -> dict:
    ref = {"article": article}
    if part:
        ref["part"] = part
    if paragraph:
        ref["paragraph"] = paragraph
    return ref


def articles(g, p) -> tuple[dict, dict]:
    """(registered, charged): registered as torture, charged mostly as abuse of power."""
    r = g.rng
    old = p.incident < NEW_CODE
    torture, abuse = ("cc1997-141-1", "cc1997-308") if old else ("cc2014-146", "cc2014-362")
    if not old and r.random() < 0.08:
        registered = article_ref(TERM_ARTICLE, "1")  # a coordinator-added article
    else:
        registered = article_ref(torture, r.choice(("1", "2"))) if r.random() < 0.85 else article_ref(abuse, "4")
    charged = article_ref(abuse, "4", "1" if not old else "а") if r.random() < 0.7 else article_ref(torture, "2")
    return registered, charged


def proceeding(g, p, complaint: dict) -> dict:
    r = g.rng
    text = corpus().legal["proceeding"]
    status = p.proc_status
    registered, charged = articles(g, p)
    authority = pick(r, ("prosecutor", "national_security", "anti_corruption"), (80, 12, 8))
    rec: dict = {"id": g.uid(), "type": "proceeding", "case_id": p.cid, "complaint_id": complaint["id"],
                 "authority": authority}
    decisions = []

    def decide(day: int, kind: str, **extra) -> None:
        item = {"id": g.uid(), "date": iso(day), "kind": kind, "authority": extra.pop("by", authority)}
        item["authority_name"] = authority_name(item["authority"], p.region, day)
        item.update(extra)
        notes = text["decision_notes"]
        item["notes"] = say(notes.get(f"{kind}_before_2015") if day < NEW_CODE and f"{kind}_before_2015" in notes
                            else notes[kind], female=p.female)
        decisions.append(item)

    if status == "refused_to_open":
        decide(p.decided, "refused", article=registered)
        rec.update({"date_refused": iso(p.decided), "article": registered["article"], "article_registered": registered,
                    "status": status, "outcome": "refused", "decisions": decisions,
                    "notes": say(text["refused_notes"], marker=DEMO_MARKER)})
        return rec
    if p.overturn:
        decide(p.overturn[0], "refused", article=registered)
        decide(p.overturn[1], "refusal_overturned", by="court")
    decide(p.decided, "registered", article=registered)
    if p.decided >= NEW_CODE:
        rec["erdr_number"] = f"{date.fromordinal(p.decided).year % 100:02d}{r.randrange(10 ** 13):013d}"
        rec["erdr_date"] = iso(p.decided)
    else:
        rec["case_number"] = f"№ {r.randint(100000000, 999999999)}"
    rec["date_opened"] = iso(p.decided)
    rec["article"] = registered["article"]
    rec["article_registered"] = registered
    outcome = "pending"
    verdict = "pending"
    amnesty = status == "closed" and ("amnesty" not in g.told or r.random() < 0.7)
    if status == "terminated" or (status == "closed" and not amnesty):
        decide(r.randint(p.decided + 30, min(p.decided + 200, CUTOFF)), "terminated")
        outcome, verdict = "terminated", "terminated"
    elif status == "closed":  # an amnesty ends the case before trial
        g.told.add("amnesty")
        decide(r.randint(p.decided + 30, min(p.decided + 200, CUTOFF)), "terminated",
               reference=say(text["amnesty_reference"]))
        outcome, verdict = "amnesty", "amnestied"
    elif status == "suspended":
        decide(r.randint(p.decided + 30, min(p.decided + 120, CUTOFF)), "suspended")
    elif status in ("at_trial", "judgment", "appeal"):
        latest = min(p.decided + 60, p.judgment - 30) if status != "at_trial" else min(p.decided + 60, CUTOFF)
        decide(r.randint(p.decided + 30, latest), "sent_to_court", article=charged)
    if status in ("judgment", "appeal"):
        outcome = "conviction" if r.random() < 0.85 else "acquittal"
        verdict = "convicted" if outcome == "conviction" else "acquitted"
        decide(p.judgment, "judgment", by="court", article=charged)
        rec["article_judgment"] = charged
        rec["judgment_date"] = iso(p.judgment)
    rec["status"] = status
    rec["outcome"] = outcome
    if status in ("at_trial", "judgment", "appeal", "terminated", "closed") and p.perps:
        decide(p.decided + r.randint(5, 25), "charged", article=charged)  # before any later step (>= +30 days)
        rec["article_charged"] = charged
        rec["charges"] = charges(g, p, charged, verdict)
        rec["defendants"] = [c["person_id"] for c in rec["charges"] if "person_id" in c]
    if status == "appeal":
        by = r.choice([b for b in text["appeal_by"] if outcome == "conviction" or not b.get("defence")])
        decide(p.appeal_day, "appeal_filed", by="court")
        decided_appeal = p.appeal_day + r.randint(30, 60)
        appeal = {"date": iso(p.appeal_day), "by": say(by, female=p.female), "outcome": "pending",
                  "notes": say(text["appeal_notes"])}
        if decided_appeal <= CUTOFF:
            decide(decided_appeal, "appeal_decided", by="court")
            appeal["outcome"] = outcome
        rec["appeal"] = appeal
    if outcome == "conviction" and r.random() < 0.5:
        day = min(p.judgment + r.randint(0, 120), CUTOFF)
        claimed = r.randrange(1_000_000, 10_000_001, 100_000)
        rec["compensation"] = {"claimed": claimed, "awarded": claimed * r.choice((2, 3, 4, 5)) // 10,
                               "currency": "KZT", "date": iso(day), "notes": say(text["compensation_notes"])}
        decide(day, "compensation", by="court")
    decisions.sort(key=lambda d: d["date"])
    rec["decisions"] = decisions
    recognised = p.decided + r.randint(1, 30)
    rec["victims"] = [{"person_id": p.victim_id, "status": "recognised" if recognised <= CUTOFF and r.random() < 0.85
                       else "pending", "date": iso(min(recognised, CUTOFF))}]
    rec["notes"] = say(text["notes"], marker=DEMO_MARKER, registered=label("article", registered["article"]),
                       charged=label("article", charged["article"]) if "article_charged" in rec
                       else say(text["not_charged"]))
    return rec


def charges(g, p, article: dict, verdict: str) -> list[dict]:
    """One charge per defendant, each with its own verdict and punishments (the report: at most seven
    years, and suspended sentences beside real ones); now and then an officer whose name is unknown."""
    r = g.rng
    defendants = [{"person_id": perp[0]} for perp in p.perps]
    if r.random() < 0.15:
        officers = corpus().legal["officers"]
        penal = p.ftype in ("sizo", "colony")
        defendants.append({"officer": {"rank": say(r.choice(officers["penal_ranks" if penal else "police_ranks"])),
                                       "unit": say(r.choice(officers["penal_units" if penal else "police_units"])),
                                       "description": say(corpus().legal["unnamed_officer"])}})
    verdicts = [verdict] * len(defendants)
    sentences = [None] * len(defendants)
    if verdict == "convicted" and len(defendants) > 1:
        if "seven_years_beside_suspended" not in g.told:
            g.told.add("seven_years_beside_suspended")  # the report's pattern, told at least once
            sentences[:2] = [("imprisonment", 7), ("suspended_imprisonment", 3)]
        elif r.random() < 0.2:
            verdicts[-1] = "acquitted"  # one officer convicted, another acquitted
    out = []
    for who, own, sentence in zip(defendants, verdicts, sentences):
        charge = {"id": g.uid(), **who, "article": article, "verdict": own}
        if own == "convicted":
            charge["punishments"] = punishments(r, sentence)
        elif own == "amnestied":
            charge["punishments"] = [{"kind": "amnesty_release"}]
        out.append(charge)
    return out


def punishments(r, sentence: tuple[str, int] | None) -> list[dict]:
    if sentence is None:
        suspended = r.random() < 0.35
        sentence = (("suspended_imprisonment", r.choice((2, 2, 3))) if suspended
                    else ("imprisonment", r.choice((3, 4, 5, 5, 6, 7))))
    kind, years = sentence
    if kind == "suspended_imprisonment":
        main = {"kind": kind, "years": years, "probation_years": r.randint(1, 3)}
    else:
        main = {"kind": kind, "years": years, "months": 0 if years == 7 else r.choice((0, 0, 6))}
    return [main, {"kind": "ban_from_office", "years": r.randint(2, 3)}]


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
    text = corpus().legal["reprisals"][kind]
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
