"""One demo case and everything hanging off it: the people, the case record, interviews, a medical
examination with photos, addenda to sealed records, complaints and a proceeding.

``plan()`` draws every decision up front, so the records built afterwards agree with each other.
"""

from __future__ import annotations

import hashlib
from datetime import date
from types import SimpleNamespace
from typing import Iterator

from . import demo_legal
from .demo_corpus import (CUTOFF, DEMO_MARKER, DEMO_TAG, END, START, corpus, iso, label, lower_first, method_nouns,
                          pick, say)
from .demo_png import png_photo

CONSISTENCY_ORDER = ("not_consistent", "consistent", "highly_consistent", "typical", "diagnostic")


def plan(g, i: int) -> SimpleNamespace:
    """The case's facts, drawn in a fixed order: when, where, what happened, what followed."""
    r = g.rng
    p = SimpleNamespace(i=i)
    p.incident = START + int((i + r.random()) * (END - START) / max(1, g.cases))
    p.year = date.fromordinal(p.incident).year
    p.fid, p.ftype, p.fname, p.region, _cap = r.choices(g.facilities, g.fac_weights)[0]
    p.place = corpus().places["facility_types"][p.ftype]
    legal = demo_legal.plan(g, i, p.incident)
    p.__dict__.update(legal)
    n_perps = pick(r, (0, 1, 2), (35, 45, 20))
    if p.proc_status in ("at_trial", "judgment", "appeal") and n_perps == 0:
        n_perps = 1
    p.n_perps = n_perps
    p.n_witness = pick(r, (0, 1, 2), (50, 35, 15))
    p.has_exam = r.random() < 0.6 or i == 0
    p.n_photos = r.randint(1, 3) if (p.has_exam and (r.random() < 0.5 or i == 0)) else 0
    table = corpus().methods["methods"]
    keys, weights = tuple(table), [m["weight"] for m in table.values()]
    p.methods = [pick(r, keys, weights)]
    for _ in range(r.randint(0, 3)):
        m = pick(r, keys, weights)
        if m not in p.methods:
            p.methods.append(m)
    return p


def case(g, i: int) -> Iterator[tuple[str, object]]:
    r = g.rng
    p = plan(g, i)
    yield from people(g, p)
    yield "record", case_record(g, p)
    yield from links(g, p)

    # --- interview of the victim (and sometimes of a witness)
    interview_day = p.incident + r.randint(2, 30)
    visit_first, _ = g.fac_last_visit_days.get(p.fid, (0, -1))
    if p.incident + 2 <= visit_first <= p.incident + 60:
        interview_day = visit_first  # the monitors met the victim during their visit
    lang = "kk" if i == 0 else pick(r, ("ru", "kk", "en"), (55, 35, 10))
    if p.origin == "uz" and lang == "kk":
        lang = "ru"
    photo_consent = p.n_photos > 0 or r.random() < 0.5
    iv = interview(g, p, p.victim_id, interview_day, lang, photo_consent=photo_consent, force_kamau=(i == 0))
    yield "record", iv
    g.fac_last_interview[p.fid] = (iv["id"], date.fromisoformat(iv["date"][:10]).toordinal())
    sealed = [iv] if iv.get("sealed") else []
    if p.witnesses and r.random() < 0.3:
        wl = pick(r, ("ru", "kk"), (60, 40))
        wiv = interview(g, p, p.witnesses[0], interview_day + r.randint(0, 10), wl, photo_consent=False,
                        witness=True)
        yield "record", wiv
        if wiv.get("sealed"):
            sealed.append(wiv)

    if p.has_exam:
        ex = yield from examination_with_photos(g, p)
        if ex.get("sealed"):
            sealed.append(ex)
    yield from addenda(g, p, sealed)
    yield from demo_legal.complaints_and_proceeding(g, p)


def people(g, p) -> Iterator[tuple[str, object]]:
    """The victim and the alleged perpetrators (officers of this facility may recur across cases)."""
    r = g.rng
    p.origin = "uz" if p.ftype == "migrant_centre" and r.random() < 0.7 else None
    minor = p.ftype == "children_institution"
    gender = "male" if r.random() < 0.86 else "female"
    p.female = gender == "female"
    victim = g.person(p.year, role="victim", gender=gender, age=(14, 17) if minor else (18, 60),
                      incident=p.incident, origin=p.origin)
    yield "record", victim
    p.victim_id, p.victim_code = victim["id"], victim["code"]
    officers = corpus().legal["officers"]
    penal = p.ftype in ("sizo", "colony")
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


def case_record(g, p) -> dict:
    r = g.rng
    text = corpus().cases["case"]
    n = g.case_seq.get(p.year, 0) + 1
    g.case_seq[p.year] = n
    p.cid = g.uid()
    period_end = p.incident + r.choice((0, 0, 1, 2, 3, 7))
    allegation = {"id": g.uid(), "date": iso(p.incident)}
    if period_end != p.incident:
        allegation["date_end"] = iso(period_end)
    allegation.update({
        "place": p.fname, "facility_id": p.fid,
        "description": say(text["allegation"], methods=method_nouns(p.methods).capitalize(),
                           **{"in": say(p.place["in"])}),
        "methods": list(p.methods),
    })
    if p.perps:
        allegation["perpetrators"] = [
            {"person_id": perp[0], "involvement": ("direct" if j == 0 else
                                                   pick(r, ("direct", "ordered", "present", "failed_to_prevent"),
                                                        (40, 20, 30, 10)))}
            for j, perp in enumerate(p.perps)]
    tags = [lower_first(label("facility_type", p.ftype)), lower_first(label("method", p.methods[0]))]
    if p.has_proc:
        tags.append(say(text["criminal_case_tag"]))
    method = say(corpus().methods["methods"][p.methods[0]]["noun"]).capitalize()
    rec: dict = {"id": p.cid, "type": "case", "code": f"KZ-{p.year}-{n:04d}",
                 "title": say(text["title"], tag=DEMO_TAG, method=method, city=p.region["city"]["ru"],
                              **{"in": say(p.place["in"])}),
                 "status": "documenting",  # set below
                 "facility_id": p.fid, "period_start": iso(p.incident), "period_end": iso(period_end),
                 "summary": say(text["summary"], female=p.female, marker=DEMO_MARKER, code=p.victim_code,
                                facility=p.fname,
                                date=iso(p.incident), methods=method_nouns(p.methods),
                                **{"in": say(p.place["in"])}),
                 "allegations": [allegation], "tags": tags}
    rec["status"] = demo_legal.case_status(g, p)
    return rec


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
    if r.random() < 0.15:
        gender = "female" if r.random() < 0.7 else "male"
        rel = g.person(p.year, role="relative", incident=p.incident, gender=gender, age=(20, 70))
        yield "record", rel
        p.relative = rel["id"]
        yield "record", g.link(p.relative, p.cid, "relative", notes=say(text["relative"], female=gender == "female"))


def narrative(g, p, lang: str, *, force_kamau: bool, witness: bool) -> str:
    r = g.rng
    text = corpus().narratives
    date_text = date.fromordinal(p.incident).strftime("%d.%m.%Y")
    if witness:
        opener = say(r.choice(text["witness_openers"]), lang, female=p.female, date=date_text,
                     **{"in": say(p.place["in"], lang)})
        seen = [say(s, lang, female=p.female) for s in r.sample(text["witness"], r.randint(3, 4))]
        return " ".join([opener, *seen])
    opener = say(r.choice(text["openers"]), lang, female=p.female, date=date_text, to=say(p.place["to"], lang),
                 **{"in": say(p.place["in"], lang)})
    sentences = [opener, say(r.choice(text["demands"]), lang, female=p.female)]
    sentences += [say(corpus().methods["methods"][m]["account"], lang, female=p.female) for m in p.methods]
    sentences += [say(d, lang, female=p.female) for d in r.sample(text["details"], r.randint(1, 2))]
    closers = r.sample(text["closers"], r.randint(1, 2))
    lawyer_late = next(c for c in text["closers"] if c.get("lawyer_late"))
    if force_kamau and lawyer_late not in closers:
        closers.append(lawyer_late)
    sentences += [say(c, lang, female=p.female) for c in closers]
    return " ".join(sentences)


def interview(g, p, person_id, day, lang, *, photo_consent, force_kamau=False, witness=False) -> dict:
    r = g.rng
    text = corpus().cases["interview"]
    names = corpus().names
    story = narrative(g, p, lang, force_kamau=force_kamau, witness=witness)
    interviewers = r.sample(names["monitors"], r.randint(1, 2))
    rec: dict = {"id": g.uid(), "type": "interview", "person_id": person_id, "case_id": p.cid}
    private = r.random() < 0.85
    place = say(r.choice(text["private_places"])) if private else say(text["facility_place"])
    # met during a monitoring visit to the facility: only if that visit was under way on the day
    first, last = g.fac_last_visit_days.get(p.fid, (0, -1))
    if first <= day <= last:
        rec["visit_id"] = g.fac_last_visit[p.fid]
        place = say(text["visit_place"]) if private else place
    rec.update({"interviewers": interviewers, "date": g.dt(day, p.region), "place": place})
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
    rec["reprisal_risk"] = pick(r, ("none", "low", "medium", "high"), (5, 25, 40, 30))
    if r.random() < 0.5:
        rec["follow_up"] = say(r.choice(text["follow_up"]), female=p.female)
    method = pick(r, ("written", "oral", "oral_witnessed"), (50, 30, 20))
    rec["consent"] = {
        "documentation": True, "photographs": photo_consent, "intimate_photographs": False,
        "share_with_lawyer": r.random() < 0.8, "anonymised_reports": True,
        "publication_with_name": r.random() < 0.05, "date": rec["date"], "method": method,
    }
    if r.random() < 0.55 or force_kamau:
        rec["sealed"] = True
        rec["sealed_at"] = g.dt(day, p.region, 19, 23)
        rec["sealed_by"] = interviewers[0]
    return rec


def injuries(g, methods, age_days: int, female: bool) -> list[dict]:
    r = g.rng
    text = corpus().examinations
    table = corpus().methods
    candidates = []
    for m in methods:
        candidates.extend(tuple(x) for x in table["methods"][m]["injuries"])
    if not candidates:
        candidates = [tuple(x) for x in table["fallback_injuries"]]
    out = []
    seen = set()
    for _ in range(r.randint(1, 4)):
        region, itype = r.choice(candidates)
        if (region, itype) in seen:
            continue
        seen.add((region, itype))
        spot = text["regions"][region]
        views, x, y = spot["views"], spot["x"], spot["y"]
        side = "front" if views == "f" else "back" if views == "b" else r.choice(("front", "back"))
        if side == "back":
            x = 1.0 - x  # the person's left is on the left of the back view
        if region.startswith("foot"):
            side = "back" if itype in ("bruise", "swelling") else side
        x = round(min(1.0, max(0.0, x + r.uniform(-0.03, 0.03))), 3)
        y = round(min(1.0, max(0.0, y + r.uniform(-0.03, 0.03))), 3)
        inj: dict = {"id": g.uid(), "side": side, "x": x, "y": y, "region": region, "injury_type": itype}
        spec = text["injury_types"][itype]
        if spec["size"]:
            shape = text["shapes"][r.choice(spec["shapes"])]
            length = r.randint(*spec["size"])
            inj["length_mm"] = length
            inj["width_mm"] = max(0.5, round(length / r.uniform(*shape["ratio"]), 1))
            inj["shape"] = say(shape)
        if itype in ("bruise", "haematoma"):
            colour = next(c for c in text["bruise_colours"] if c["max_days"] is None or age_days <= c["max_days"])
            inj["colour"] = say(colour)
        inj["estimated_age"] = say(text["estimated_age"], lo=max(1, age_days - 2), hi=age_days + 2)
        inj["attributed_cause"] = say(text["attributed_cause"], female=female)
        drawn = pick(r, CONSISTENCY_ORDER, (5, 35, 38, 17, 5))
        cap = spec["max_consistency"]  # non-specific findings cannot be "diagnostic of"
        inj["consistency"] = min(drawn, cap, key=CONSISTENCY_ORDER.index)
        out.append(inj)
    return out


def examination_with_photos(g, p):
    """Yield the photos (blob, then attachment) and the examination; return the examination."""
    r = g.rng
    text = corpus().examinations
    exam_day = p.incident + r.randint(3, 20)
    exam_dt = g.dt(exam_day, p.region, 9, 16)
    found = injuries(g, p.methods, exam_day - p.incident, p.female)
    examiners = corpus().names["examiners"]
    for j in range(p.n_photos):
        injury = found[j % len(found)]
        g.photo_seq += 1
        blob = png_photo(r, g.photo_seq)
        yield "blob", blob
        aid = g.uid()
        yield "record", {
            "id": aid, "type": "attachment", "sha256": hashlib.sha256(blob).hexdigest(),
            "size": len(blob), "mime_type": "image/png",
            "original_name": f"IMG_{g.photo_seq:05d}.png",
            "captured_at": later(exam_dt, 10 + 7 * j),
            "added_by": examiners[g.photo_seq % len(examiners)]["name"],
            "parent_id": p.cid,
            "caption": say(text["photo"]["caption"], tag=DEMO_TAG,
                           injury=say(text["injury_names"][injury["injury_type"]]).capitalize(),
                           region=say(text["regions"][injury["region"]]["name"])),
            "has_scale": True, "intimate": False,
            "description": say(text["photo"]["description"], marker=DEMO_MARKER),
        }
        injury.setdefault("photo_ids", []).append(aid)
        g.fac_last_photo[p.fid] = (aid, exam_day)
    ex = examination(g, p, exam_day, exam_dt, found)
    yield "record", ex
    return ex


def examination(g, p, day, exam_dt, found) -> dict:
    r = g.rng
    text = corpus().examinations
    examiner = r.choice(corpus().names["examiners"])
    name = examiner["name"]
    opinion = max((inj["consistency"] for inj in found), key=CONSISTENCY_ORDER.index)
    if opinion == "diagnostic" and r.random() < 0.7:
        opinion = "typical"
    rec: dict = {"id": g.uid(), "type": "examination", "person_id": p.victim_id, "case_id": p.cid,
                 "examiner": {"name": name, "qualifications": say(examiner["qualifications"])}, "date": exam_dt,
                 "place": say(r.choice(text["places"]), facility=p.fname),
                 "requesting_party": say(r.choice(text["requesting_parties"]))}
    if r.random() < 0.2:
        rec["interpreter"] = r.choice(corpus().names["interpreters"])
    setting = r.choices(text["settings"], [s["weight"] for s in text["settings"]])[0]
    rec["persons_present"] = list(say(setting["present"]))
    rec["restraints"] = say(r.choice(text["restraints"]))
    rec["conditions"] = say(setting["conditions"])
    if r.random() < 0.4:
        rec["restrictions"] = say(text["restrictions"])
    rec["history"] = say(text["history"], female=p.female, date=iso(p.incident), place=say(p.place["in"]),
                         methods=method_nouns(p.methods), days=day - p.incident)
    rec["symptoms"] = say(r.choice(text["symptoms"]))
    rec["injuries"] = found
    rec["psychological_findings"] = say(r.choice(text["psychological_findings"]))
    if r.random() < 0.3:
        rec["diagnostic_tests"] = say(text["diagnostic_tests"])
    if r.random() < 0.2:
        rec["consultations"] = say(text["consultations"])
    rec["interpretation"] = say(text["interpretation"], phrase=say(text["consistency_phrase"][opinion]))
    rec["overall_opinion"] = opinion
    rec["conclusions"] = say(r.choice(text["conclusions"]))
    rec["recommendations"] = say(text["recommendations"])
    if r.random() < 0.5:
        rec["sealed"] = True
        rec["sealed_at"] = g.dt(day, p.region, 19, 23)
        rec["sealed_by"] = name
    else:
        rec["sealed"] = False
    return rec


def addenda(g, p, sealed: list[dict]) -> Iterator[tuple[str, object]]:
    r = g.rng
    for target in sealed:
        if r.random() < 0.3 or p.i == 0:
            sealed_day = date.fromisoformat(target["sealed_at"][:10]).toordinal()
            day = min(sealed_day + r.randint(1, 60), CUTOFF)
            if day <= sealed_day:
                continue
            yield "record", {"id": g.uid(), "type": "addendum", "target_id": target["id"],
                             "text": say(r.choice(corpus().cases["addenda"]), female=p.female),
                             "author": r.choice(corpus().names["monitors"]), "date": g.dt(day, p.region)}


def later(dt: str, minutes: int) -> str:
    """``dt`` ("YYYY-MM-DDTHH:MM:SS+hh:mm", hour <= 16) plus a few minutes, same day and zone."""
    total = int(dt[11:13]) * 60 + int(dt[14:16]) + minutes
    return f"{dt[:11]}{total // 60:02d}:{total % 60:02d}{dt[16:]}"
