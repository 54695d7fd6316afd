"""A demo criminal proceeding, as the report tells them.

A complaint of torture is registered under the torture article (1997 code art. 141-1, 2014 code
art. 146) and, if anyone is charged at all, charged mostly under abuse of power (art. 308 / 362);
refusals to open a case outnumber convictions; a refusal is sometimes overturned by a court; each
defendant has their own verdict and punishments, at most seven years and often suspended; some cases
end in an acquittal or an amnesty. The decisions form a dated chain, so the status can be rebuilt at
any date (:func:`monitor.core.model.proceedings.status_at`).
"""

from __future__ import annotations

from datetime import date

from .corpus import CUTOFF, DEMO_MARKER, NEW_CODE, authority_name, corpus, iso, label, pick, say

NEW_CODE_KINDS = {"registered": "registered_erdr", "refused": "not_registered_kui",
                  "terminated": "investigation_terminated"}
TERMINATION_GROUNDS = ("no_corpus_delicti", "no_event", "limitation")
TERMINATION_GROUNDS_W = (70, 25, 5)
TERM_ARTICLE = "cc2014-107"  # the coordinator-added article (a `term` record, see methods.json)


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
    will_charge = status in ("at_trial", "judgment", "appeal", "terminated", "closed") and bool(p.perps)
    if will_charge and registered["article"] in ("cc1997-141-1", "cc2014-146") and "torture_to_abuse" not in g.told:
        g.told.add("torture_to_abuse")  # the report's central finding, told at least once even in a small demo
        old = p.incident < NEW_CODE
        charged = article_ref("cc1997-308" if old else "cc2014-362", "4", "а" if old else "1")
    authority = pick(r, ("prosecutor", "national_security", "anti_corruption"), (80, 12, 8))
    rec: dict = {"id": g.uid(), "type": "proceeding", "case_id": p.cid, "complaint_id": complaint["id"],
                 "authority": authority}
    decisions = []

    def decide(day: int, kind: str, **extra) -> None:
        if day >= NEW_CODE:  # the 2014 code: ЕРДР or КУИ instead of opening or refusing a criminal case
            kind = NEW_CODE_KINDS.get(kind, kind)
        item = {"id": g.uid(), "date": iso(day), "kind": kind, "authority": extra.pop("by", authority)}
        court = "appeal" if kind.startswith("appeal") else "trial" if kind in ("judgment", "compensation") \
            else "investigating"
        item["authority_name"] = authority_name(item["authority"], p.region, day, court)
        item.update(extra)
        notes = text["decision_notes"]
        item["notes"] = say(notes.get(f"{kind}_before_2015") if day < NEW_CODE and f"{kind}_before_2015" in notes
                            else notes[kind], female=p.female)
        decisions.append(item)

    if status == "refused_to_open":
        decide(p.decided, "refused", article=registered)
        rec.update({"date_refused": iso(p.decided), "article": registered["article"], "article_registered": registered,
                    "status": status, "outcome": "refused", "decisions": decisions,
                    "notes": say(text["refused_notes_before_2015" if p.decided < NEW_CODE else "refused_notes"],
                                 marker=DEMO_MARKER)})
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
    act = amnesty_act(p) if status == "closed" and ("amnesty" not in g.told or r.random() < 0.7) else None
    if status == "terminated" or (status == "closed" and not act):
        decide(r.randint(p.decided + 30, min(p.decided + 200, CUTOFF)), "terminated",
               ground=pick(r, TERMINATION_GROUNDS, TERMINATION_GROUNDS_W))
        outcome, verdict = "terminated", "terminated"
    elif status == "closed":  # an amnesty ends the case before trial: a decision with its act
        g.told.add("amnesty")
        act_day = date.fromisoformat(act["date"]).toordinal()
        day = r.randint(max(p.decided + 30, act_day + 10), min(max(p.decided + 30, act_day + 10) + 90, CUTOFF))
        decide(day, "amnesty", ground="amnesty", act=act)
        outcome, verdict = "amnesty", "amnestied"
    elif status == "suspended":
        decide(r.randint(p.decided + 30, min(p.decided + 120, CUTOFF)), "suspended")
    elif status in ("at_trial", "judgment", "appeal"):
        latest = min(p.decided + 60, p.judgment - 30) if status != "at_trial" else min(p.decided + 60, CUTOFF)
        sent = r.randint(p.decided + 30, latest)
        decide(sent, "sent_to_court", article=charged, by="prosecutor")
        end = p.judgment - 10 if status != "at_trial" else CUTOFF
        if r.random() < 0.15 and sent + 60 <= end:  # the court sends it back, the prosecutor sends it again
            decide(sent + r.randint(10, 25), "sent_back", by="court")
            decide(sent + r.randint(40, 60), "sent_to_court", article=charged, by="prosecutor")
    if status in ("judgment", "appeal"):
        outcome = "conviction" if r.random() < 0.85 else "acquittal"
        if "conviction" in g.told and "acquittal" not in g.told:
            outcome = "acquittal"  # the story has an acquittal, even in a small demo
        g.told.add(outcome)
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
        out.append(charge)
    return out


def amnesty_act(p) -> dict | None:
    """The amnesty law that can end this case: the earliest passed after the acts (an amnesty covers
    offences committed before it) and after the case was registered; None if none fits before CUTOFF."""
    for act in corpus().legal["proceeding"]["amnesty_acts"]:
        day = date.fromisoformat(act["date"]).toordinal()
        if p.incident < day and max(p.decided + 30, day + 10) + 90 <= CUTOFF:
            return {"name": say(act), "date": act["date"]}
    return None


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

