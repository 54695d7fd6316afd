"""One demo case and everything hanging off it, in the order a monitor would meet it: the people and
the case record, the interview (with consent), the medical examination, complaints and a
proceeding, then what followed (a reprisal, a consent withdrawn).

``plan()`` draws every decision up front, so the records built afterwards agree with each other.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Iterator

from . import legal as demo_legal
from .corpus import (
    CUTOFF,
    DEMO_MARKER,
    DEMO_TAG,
    END,
    START,
    corpus,
    day_text,
    iso,
    label,
    lower_first,
    method_nouns,
    pick,
    say,
)
from .exam import examination_with_photos
from .interview import interview, withdrawal

PENAL = ("sizo", "colony")
HELD = ("sizo", "colony", "psychiatric")  # the victim is still held when the monitors meet them


def plan(g, i: int) -> SimpleNamespace:
    """The case's facts: when, where, what happened, and what followed."""
    r = g.rng
    p = SimpleNamespace(i=i)
    p.incident = START + int((i + r.random()) * (END - START) / max(1, g.cases))
    p.year = date.fromordinal(p.incident).year
    p.fid, p.ftype, p.fname, p.region, _cap = r.choices(g.facilities, g.fac_weights)[0]
    p.place = corpus().places["facility_types"][p.ftype]
    p.in_custody = p.ftype in HELD
    p.interview_day = p.incident + r.randint(2, 30)
    first, _last, visit_id = g.fac_last_visit_days.get(p.fid, (0, -1, None))
    p.met_on_visit = p.incident + 2 <= first <= p.incident + 60
    if p.met_on_visit:
        p.interview_day = first  # the monitors met the victim during their visit
    p.visit_id = visit_id if p.met_on_visit else None
    p.__dict__.update(demo_legal.plan(g, i, p.interview_day))
    n_perps = pick(r, (0, 1, 2), (35, 45, 20))
    if p.proc_status in ("at_trial", "judgment", "appeal", "closed") and n_perps == 0:
        n_perps = 1
    if p.proc_status in ("judgment", "appeal") and "seven_years_beside_suspended" not in g.told:
        n_perps = 2  # two officers tried together, so the report's pattern can be told
    p.n_perps = n_perps
    p.n_witness = pick(r, (0, 1, 2), (50, 35, 15))
    p.has_exam = r.random() < 0.6 or i == 0
    p.n_photos = r.randint(1, 3) if (p.has_exam and (r.random() < 0.5 or i == 0)) else 0
    p.photo_consent = p.n_photos > 0 or r.random() < 0.5
    table = corpus().methods["methods"]
    keys, weights = tuple(table), [m["weight"] for m in table.values()]
    p.methods = [pick(r, keys, weights)]
    for _ in range(r.randint(0, 3)):
        m = pick(r, keys, weights)
        if m not in p.methods:
            p.methods.append(m)
    demands = [d for d in corpus().narratives["demands"] if p.ftype in PENAL or not d.get("penal")]
    p.demand = r.choice(demands)
    p.lang = "kk" if i == 0 else pick(r, ("ru", "kk", "en"), (55, 35, 10))
    # the report: "numerous cases of deaths of prisoners"; the family speaks for the dead
    p.death = p.ftype in PENAL and i != 0 and r.random() < 0.03
    if p.death:
        p.has_exam, p.n_photos, p.photo_consent = False, 0, False
    p.case_status = demo_legal.case_status(g, p)
    p.reprisal = None if p.death else demo_legal.plan_reprisal(g, p)
    p.withdraws = not p.death and (r.random() < (0.4 if p.reprisal else 0.04) or i == 0)
    p.self_harm = p.ftype == "colony" and r.random() < 0.1
    return p


def case(g, i: int) -> Iterator[tuple[str, object]]:
    r = g.rng
    p = plan(g, i)
    yield from people(g, p)
    yield "record", case_record(g, p)
    yield from links(g, p)
    p.intake, p.received = demo_legal.intake(g, p)

    if p.origin == "uz" and p.lang == "kk":
        p.lang = "ru"
    if p.death:  # the relative who filed speaks for the dead
        iv = yield from interview(g, p, p.relative, p.interview_day, p.lang, photo_consent=False, relative=True)
    else:
        iv = yield from interview(g, p, p.victim_id, p.interview_day, p.lang, photo_consent=p.photo_consent,
                                  force_kamau=(i == 0))
        g.fac_last_interview[p.fid] = (iv["id"], p.interview_day)
    sealed = [iv] if iv.get("sealed") else []
    last = p.interview_day
    if p.witnesses and r.random() < 0.3:
        wl = pick(r, ("ru", "kk"), (60, 40))
        day = p.interview_day + r.randint(0, 10)
        wiv = yield from interview(g, p, p.witnesses[0], day, wl, photo_consent=False, witness=True)
        if wiv.get("sealed"):
            sealed.append(wiv)
    if p.has_exam:
        ex = yield from examination_with_photos(g, p)
        last = max(last, date.fromisoformat(ex["date"][:10]).toordinal())
        if ex.get("sealed"):
            sealed.append(ex)
    if not p.death:
        yield from addenda(g, p, sealed)
    yield from demo_legal.complaints_and_proceeding(g, p)
    yield from demo_legal.reprisals(g, p)
    if p.withdraws:
        yield from withdrawal(g, p, max(last, p.reprisal["day"] if p.reprisal else 0))


def people(g, p) -> Iterator[tuple[str, object]]:
    """The victim (where they are held now, and why they are vulnerable) and the alleged perpetrators
    (officers of this facility may recur across cases)."""
    r = g.rng
    p.origin = "uz" if p.ftype == "migrant_centre" and r.random() < 0.7 else None
    minor = p.ftype == "children_institution"
    gender = "male" if r.random() < 0.86 else "female"
    p.female = gender == "female"
    victim = g.person(p.year, role="victim", gender=gender, age=(14, 17) if minor else (18, 60),
                      incident=p.incident, origin=p.origin)
    if r.random() < 0.3 and not p.death:
        victim["identity"]["safe_contact"] = say(corpus().cases["safe_contact"])
    vulnerable = [v for v, yes in (("minor", minor), ("woman", p.female), ("foreign_national", p.origin == "uz"),
                                   ("mental_health", p.ftype == "psychiatric"), ("disability", r.random() < 0.03))
                  if yes]
    if vulnerable:
        victim["vulnerabilities"] = vulnerable
    victim.update(detention(g, p))
    yield "record", victim
    p.victim_id, p.victim_code = victim["id"], victim["code"]
    officers = corpus().legal["officers"]
    penal = p.ftype in PENAL
    p.perps = []
    pool = g.fac_perps.setdefault(p.fid, [])
    for _ in range(p.n_perps):
        if pool and r.random() < 0.3:
            known = r.choice(pool)
            if known not in p.perps:
                p.perps.append(known)
            continue
        gender = "male" if r.random() < 0.95 else "female"
        person = g.person(p.year, role="perpetrator", gender=gender, age=(23, 50), incident=p.incident,
                          full=r.random() < 0.5)
        yield "record", person
        perp = (person["id"], say(r.choice(officers["penal_ranks" if penal else "police_ranks"])),
                say(r.choice(officers["penal_units" if penal else "police_units"])),
                say(r.choice(officers["uniforms"])), gender == "female")
        p.perps.append(perp)
        if len(pool) < 8:
            pool.append(perp)


def detention(g, p) -> dict:
    """Where the victim is held today: a recent colony or SIZO case keeps them there (or wherever a
    reprisal transferred them); everyone else has been released."""
    r = g.rng
    recent = CUTOFF - p.incident
    if p.death:
        return {"detention_status": "deceased"}
    if p.ftype == "colony" and recent < 4 * 365:
        out = {"detention_status": "sentenced"}
    elif p.ftype == "sizo" and recent < 365:
        out = {"detention_status": "pretrial"}
    elif p.ftype == "psychiatric" and recent < 365:
        out = {"detention_status": "involuntary_treatment"}
    elif p.ftype == "children_institution":
        return {"detention_status": "unknown"}
    else:
        return {"detention_status": "released"}
    if p.reprisal and p.reprisal["kind"] == "transfer":
        out.update(current_facility_id=p.reprisal["to"], current_facility_since=iso(p.reprisal["day"]))
    else:
        out.update(current_facility_id=p.fid, current_facility_since=iso(p.incident - r.randint(10, 300)))
    return out


def case_record(g, p) -> dict:
    r = g.rng
    text = corpus().cases
    n = g.case_seq.get(p.year, 0) + 1
    g.case_seq[p.year] = n
    p.cid = g.uid()
    period_end = p.period_end = p.incident + r.choice((0, 0, 1, 2, 3, 7))
    p.allegation_id = g.uid()
    allegation = {"id": p.allegation_id, "date": iso(p.incident)}
    if period_end != p.incident:
        allegation["date_end"] = iso(period_end)
    purpose = p.demand["purpose"]
    allegation.update({
        "place": p.fname, "facility_id": p.fid,
        "description": say(text["case"]["allegation"], methods=method_nouns(p.methods).capitalize(),
                           purpose=say(text["purposes"][purpose]), **{"in": say(p.place["in"])}),
        "methods": list(p.methods), "victim_ids": [p.victim_id], "purposes": [purpose],
        "perpetrator_type": p.place["perpetrator_type"],
    })
    if p.perps:
        allegation["perpetrators"] = [
            {"person_id": perp[0], "involvement": ("direct" if j == 0 else
                                                   pick(r, ("direct", "ordered", "present", "failed_to_prevent"),
                                                        (40, 20, 30, 10)))}
            for j, perp in enumerate(p.perps)]
    if p.death:
        death = text["death"]
        allegation["death_in_custody"] = {"date": iso(period_end), "official_cause": say(death["official_cause"]),
                                          "alleged_cause": say(death["alleged_cause"]), "autopsy": True,
                                          "notes": say(death["notes"])}
    if p.self_harm:
        allegation["self_harm"] = {"occurred": True, "date": iso(period_end), "group": True,
                                   "persons": r.randint(3, 12), "description": say(text["self_harm"])}
    tags = [lower_first(label("facility_type", p.ftype)), lower_first(label("method", p.methods[0]))]
    if p.has_proc:
        tags.append(say(text["case"]["criminal_case_tag"]))
    method = say(corpus().methods["methods"][p.methods[0]]["noun"]).capitalize()
    return {"id": p.cid, "type": "case", "code": f"KZ-{p.year}-{n:04d}",
            "title": say(text["case"]["title"], tag=DEMO_TAG, method=method, city=p.region["city"]["ru"],
                         **{"in": say(p.place["in"])}),
            "status": p.case_status, "facility_id": p.fid, "period_start": iso(p.incident),
            "period_end": iso(period_end),
            "summary": say(text["case"]["death_summary" if p.death else "summary"], female=p.female,
                           marker=DEMO_MARKER, code=p.victim_code,
                           facility=p.fname, date=day_text(p.incident), methods=method_nouns(p.methods),
                           **{"in": say(p.place["in"])}),
            "allegations": [allegation], "tags": tags}


def links(g, p) -> Iterator[tuple[str, object]]:
    """The victim's and officers' links, then witnesses, the lawyer and a relative (each with a link)."""
    r = g.rng
    text = corpus().cases["links"]
    yield "record", g.link(p.victim_id, p.cid, "victim")
    for perp in p.perps:
        yield "record", g.link(perp[0], p.cid, "alleged_perpetrator", rank=perp[1], unit=perp[2],
                               uniform=perp[3], notes=say(text["perpetrator"], female=perp[4]))
    p.witnesses = []
    for _ in range(p.n_witness):
        # a cellmate or someone in the same corridor: men and women are held apart
        w = g.person(p.year, role="witness", incident=p.incident, gender="female" if p.female else "male")
        yield "record", w
        p.witnesses.append(w["id"])
        yield "record", g.link(w["id"], p.cid, "witness", notes=say(r.choice(text["witness"]), female=p.female))
    p.lawyer = None
    if r.random() < 0.5:
        if len(g.lawyers) < g.max_lawyers and (not g.lawyers or r.random() < 0.4):
            lp = g.person(p.year, role="lawyer", incident=p.incident, age=(28, 65))
            yield "record", lp
            g.lawyers.append((lp["id"], lp["identity"]["name_cyrillic"]))
        p.lawyer = r.choice(g.lawyers)
        yield "record", g.link(p.lawyer[0], p.cid, "lawyer", notes=say(text["lawyer"]))
    p.relative = None
    if p.death or r.random() < 0.15:
        gender = "female" if r.random() < 0.7 else "male"
        rel = g.person(p.year, role="relative", incident=p.incident, gender=gender, age=(20, 70))
        yield "record", rel
        p.relative = rel["id"]
        yield "record", g.link(p.relative, p.cid, "relative", notes=say(text["relative"], female=gender == "female"))


def addenda(g, p, sealed: list[dict]) -> Iterator[tuple[str, object]]:
    r = g.rng
    for target in sealed:
        if r.random() < 0.3 or p.i == 0:
            sealed_day = date.fromisoformat(target["sealed_at"][:10]).toordinal()
            day = min(sealed_day + r.randint(1, 60), CUTOFF)
            if day <= sealed_day:
                continue
            yield "record", {"id": g.uid(), "type": "addendum", "target_id": target["id"],
                             "text": say(r.choice([x for x in corpus().cases["addenda"]
                                                   if p.in_custody or not x.get("custody")]), female=p.female),
                             "author": r.choice(corpus().names["monitors"]), "date": g.dt(day, p.region)}
