"""Interviews of a demo case and the consent taken for them (and for the examination), including a
later withdrawal: consent is its own record, so what a person allows can change after sealing."""

from __future__ import annotations

from datetime import date

from .corpus import CUTOFF, corpus, pick, say


def narrative(g, p, lang: str, *, force_kamau: bool, witness: bool, relative: bool = False) -> str:
    r = g.rng
    text = corpus().narratives
    date_text = date.fromordinal(p.incident).strftime("%d.%m.%Y")
    where = say(p.place["in"], lang)
    if relative:  # the death notice (on the day of death), then two of the rest, in order
        account = text["relative_account"]
        date_text = date.fromordinal(p.period_end).strftime("%d.%m.%Y")
        told = [0, *sorted(r.sample(range(1, len(account)), 2))]
        return " ".join(say(account[k], lang, female=p.female, date=date_text, **{"in": where}) for k in told)
    if witness:
        opener = say(r.choice(text["witness_openers"]), lang, female=p.female, date=date_text, **{"in": where})
        seen = [say(s, lang, female=p.female) for s in r.sample(text["witness"], r.randint(3, 4))]
        return " ".join([opener, *seen])
    opener = say(r.choice(text["openers"]), lang, female=p.female, date=date_text, to=say(p.place["to"], lang),
                 **{"in": where})
    sentences = [opener, say(p.demand, lang, female=p.female)]
    sentences += [say(corpus().methods["methods"][m]["account"], lang, female=p.female) for m in p.methods]
    details = r.sample(text["details"], r.randint(1, 2))
    rare = next(d for d in text["details"] if d.get("rare_letter"))
    if force_kamau and rare not in details:
        details.append(rare)
    sentences += [say(d, lang, female=p.female) for d in details]
    fitting = [c for c in text["closers"] if not set(c.get("not_with", ())) & set(p.methods)]
    closers = r.sample(fitting, r.randint(1, 2))
    lawyer_late = next(c for c in text["closers"] if c.get("lawyer_late"))
    if force_kamau and lawyer_late not in closers:
        closers.append(lawyer_late)
    sentences += [say(c, lang, female=p.female) for c in closers]
    return " ".join(sentences)


def consent(g, p, person_id: str, when: str, taken_by: str, scope: dict, *, notes_key: str = "notes") -> dict:
    r = g.rng
    return {"id": g.uid(), "type": "consent", "person_id": person_id, "date": when,
            "method": pick(r, ("written", "oral", "oral_witnessed"), (50, 30, 20)), "scope": scope,
            "taken_by": taken_by, "covers": [p.cid], "notes": say(corpus().cases["consent"][notes_key])}


def victim_scope(g, p, photo_consent: bool) -> dict:
    r = g.rng
    complaint = p.statuses[0] != "draft"
    p.victim_scope = {"documentation": True, "photographs": photo_consent, "intimate_photographs": False,
            "audio": r.random() < 0.3, "share_with_lawyer": r.random() < 0.8, "share_with_prosecutor": complaint,
            "share_with_un": r.random() < 0.3, "complaint_in_name": complaint and p.intake != "relative",
            "anonymised_reports": True, "publication_with_name": r.random() < 0.05}
    return p.victim_scope


def withdrawal(g, p, after: int):
    """Yield a later consent record withdrawing part of what the victim gave (after threats, say),
    dated after ``after`` and never in the future; nothing if there is nothing to withdraw."""
    r = g.rng
    day = after + r.randint(1, 60)
    text = corpus().cases["consent"]
    given = [k for k in text["items"] if p.victim_scope.get(k)]
    if day > CUTOFF or not given:
        return
    items = r.sample(given, min(len(given), r.randint(1, 2)))
    rec = consent(g, p, p.victim_id, g.dt(day, p.region), r.choice(corpus().names["monitors"]),
                  {k: False for k in items})
    rec["withdrawal"] = True
    rec["notes"] = say(text["withdrawal_after_reprisal" if p.reprisal else "withdrawal_notes"], female=p.female,
                       items=", ".join(say(text["items"][k]) for k in items))
    yield "record", rec


def interview(g, p, person_id, day, lang, *, photo_consent, force_kamau=False, witness=False, relative=False):
    """Yield the consent record, then the interview that names it; return the interview."""
    r = g.rng
    text = corpus().cases["interview"]
    names = corpus().names
    story = narrative(g, p, lang, force_kamau=force_kamau, witness=witness, relative=relative)
    interviewers = r.sample(names["monitors"], r.randint(1, 2))
    when = g.dt(day, p.region)
    if relative:
        scope = {"documentation": True, "complaint_in_name": True, "share_with_lawyer": r.random() < 0.8,
                 "anonymised_reports": True, "publication_with_name": False}
    elif witness:
        scope = {"documentation": True, "anonymised_reports": True, "share_with_lawyer": r.random() < 0.7,
                 "publication_with_name": False}
    else:
        scope = victim_scope(g, p, photo_consent)
    agreed = consent(g, p, person_id, when, interviewers[0], scope)
    yield "record", agreed
    rec: dict = {"id": g.uid(), "type": "interview", "person_id": person_id, "case_id": p.cid}
    # met during a monitoring visit to the facility: only if that visit was under way on the day
    first, last, visit_id = g.fac_last_visit_days.get(p.fid, (0, -1, None))
    on_visit = first <= day <= last and not relative
    held = p.in_custody and not relative  # a relative is met outside
    # staff can only be in the room when the person is met inside the facility
    private = r.random() < 0.85 or not (held or on_visit)
    places = [x for x in text["private_places"] if not (held and x.get("outside"))]
    place = say(r.choice(places)) if private else say(text["facility_place"])
    if on_visit:
        rec["visit_id"] = visit_id
        place = say(text["visit_place"]) if private else place
    rec.update({"interviewers": interviewers, "date": when, "place": place})
    rec["language"] = lang
    if lang == "kk" and r.random() < 0.3:
        rec["interpreter"] = {"present": True, "name": r.choice(names["interpreters"]), "language": "kk-ru"}
    elif lang == "en":
        rec["interpreter"] = {"present": True, "name": r.choice(names["interpreters"]), "language": "ru-en"}
    else:
        rec["interpreter"] = {"present": False}
    rec["private"] = private
    present = []
    if rec["interpreter"]["present"]:
        present.append(say(text["present_interpreter"]))
    if not private:
        present.append(say(text["present_staff"]))
    if present:
        rec["persons_present"] = present
    rec["narrative"] = story
    # a victim who later suffers a reprisal was not judged safe at the interview
    risk_weights = (0, 0, 40, 60) if p.reprisal and not witness else (5, 25, 40, 30)
    rec["reprisal_risk"] = pick(r, ("none", "low", "medium", "high"), risk_weights)
    if r.random() < 0.5:
        rec["follow_up"] = say(r.choice([x for x in text["follow_up"] if held or not x.get("custody")]),
                               female=p.female)
    rec["consent_id"] = agreed["id"]
    if r.random() < 0.55 or force_kamau:
        rec["sealed"] = True
        rec["sealed_at"] = g.dt(day, p.region, 19, 23)
        rec["sealed_by"] = interviewers[0]
    yield "record", rec
    return rec
