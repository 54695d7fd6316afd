"""The medical examination of a demo case (Istanbul Protocol, Annex IV), with its consent record,
synthetic injury photos and injuries drawn on the body-diagram views.

Findings keep to their kind (``resources/demo/examinations.json``): each injury type has the shapes
and sizes it can have and the strongest consistency term it can carry; only patterned findings that
reproduce the alleged implement (an electrical burn mark, a tramline bruise) can be "diagnostic of".
"""

from __future__ import annotations

import hashlib
from datetime import date

from .corpus import DEMO_MARKER, DEMO_TAG, corpus, day_text, iso, method_nouns, pick, say
from .interview import consent
from .png import png_photo

CONSISTENCY_ORDER = ("not_consistent", "consistent", "highly_consistent", "typical", "diagnostic")
SERIOUS = {"fracture", "dislocation", "perforated_eardrum"}


def injuries(g, p, age_days: int) -> list[dict]:
    r = g.rng
    text = corpus().examinations
    table = corpus().methods
    candidates = [(tuple(x), m) for m in p.methods for x in table["methods"][m]["injuries"]]
    physical = bool(candidates)
    if not physical:  # threats, humiliation…: what the doctor finds is not graded against them
        candidates = [(tuple(x), None) for x in table["fallback_injuries"]]
    out = []
    seen = set()
    for _ in range(r.randint(1, 4)):
        (region, itype), method = r.choice(candidates)
        if (region, itype) in seen:
            continue
        seen.add((region, itype))
        view, x, y = r.choice(text["regions"][region]["places"])
        x = round(min(1.0, max(0.0, x + r.uniform(-0.03, 0.03))), 3)
        y = round(min(1.0, max(0.0, y + r.uniform(-0.03, 0.03))), 3)
        inj: dict = {"id": g.uid(), "view": view}
        if view in ("front", "back"):
            inj["side"] = view  # the v3 field, for readers of the old model
        inj.update({"x": x, "y": y, "region": region, "injury_type": itype})
        spec = text["injury_types"][itype]
        if spec["size"]:
            shape = text["shapes"][r.choice(spec["shapes"])]
            length = r.randint(*spec["size"])
            inj["length_mm"] = length
            inj["width_mm"] = max(0.5, round(length / r.uniform(*shape["ratio"]), 1))
            inj["shape"] = say(shape)
        drawn = pick(r, CONSISTENCY_ORDER, (5, 35, 38, 17, 5))
        if itype in text["can_be_diagnostic"]["types"] and r.random() < 0.3:
            drawn = "diagnostic"
        consistency = min(drawn, spec["max_consistency"], key=CONSISTENCY_ORDER.index)
        if not physical:
            consistency = "not_consistent"  # a bruise says nothing about threats: an older, unrelated finding
        older = consistency == "not_consistent"  # the finding predates the events, and says so
        lo, hi = (age_days + 15, age_days + 30) if older else (max(1, age_days - 2), age_days + 2)
        if itype in ("bruise", "haematoma", "tramline_bruise"):
            colour = next(c for c in text["bruise_colours"] if c["max_days"] is None or lo <= c["max_days"])
            inj["colour"] = say(colour)
        inj["estimated_age"] = say(text["estimated_age"], lo=lo, hi=hi)
        inj["attributed_cause"] = say(text["attributed_cause"], female=p.female)
        inj["consistency"] = consistency
        if method:  # graded against the allegation only where it alleges a method that leaves this mark
            inj["allegation_id"] = p.allegation_id
            inj["method"] = method
        inj["other_causes"] = say(text["older_finding"] if older else spec["other_causes"])
        out.append(inj)
    return out


def examination_with_photos(g, p):
    """Yield the consent, the photos (blob, then attachment) and the examination; return it."""
    r = g.rng
    text = corpus().examinations
    exam_day = p.period_end + r.randint(3, 20)  # after the last day of the events it documents
    exam_dt = g.dt(exam_day, p.region, 9, 16)
    found = injuries(g, p, exam_day - p.incident)
    visible = [i for i in found if "length_mm" in i]  # photographed: skin findings, not an eardrum
    photos = p.n_photos if visible else 0
    examiner = r.choice(corpus().names["examiners"])
    scope = {"documentation": True, "intimate_photographs": False}
    if photos:
        scope["photographs"] = True
    agreed = consent(g, p, p.victim_id, exam_dt, examiner["name"], scope, notes_key="exam_notes")
    yield "record", agreed
    shown = []  # yielded after the examination is made: sealed with it when it is sealed
    for j in range(photos):
        injury = visible[j % len(visible)]
        g.photo_seq += 1
        blob = png_photo(r, g.photo_seq)
        yield "blob", blob
        aid = g.uid()
        shown.append({
            "id": aid, "type": "attachment", "sha256": hashlib.sha256(blob).hexdigest(),
            "size": len(blob), "mime_type": "image/png",
            "original_name": f"IMG_{g.photo_seq:05d}.png",
            "captured_at": later(exam_dt, 10 + 7 * j),
            "added_by": examiner["name"],
            "parent_id": p.cid,
            "caption": say(text["photo"]["caption"], tag=DEMO_TAG,
                           injury=say(text["injury_names"][injury["injury_type"]]).capitalize(),
                           region=say(text["regions"][injury["region"]]["name"])),
            "has_scale": True, "intimate": False,
            "description": say(text["photo"]["description"], marker=DEMO_MARKER),
        })
        injury.setdefault("photo_ids", []).append(aid)
        g.fac_last_photo[p.fid] = (aid, exam_day)
    ex = examination(g, p, exam_day, exam_dt, found, examiner, agreed["id"])
    for photo in shown:  # as Vault.seal does: the photos an examination shows are sealed with it
        if ex["sealed"]:
            photo.update(sealed=True, sealed_at=ex["sealed_at"], sealed_by=ex["sealed_by"])
        yield "record", photo
    yield "record", ex
    return ex


def examination(g, p, day, exam_dt, found, examiner, consent_id) -> dict:
    r = g.rng
    text = corpus().examinations
    name = examiner["name"]
    opinion = max((inj["consistency"] for inj in found), key=CONSISTENCY_ORDER.index)
    if opinion == "diagnostic" and r.random() < 0.7:
        opinion = "typical"
    places = [x for x in text["places"] if not (p.in_custody and x.get("outside"))]
    place = r.choice(places)
    parties = [x for x in text["requesting_parties"] if date.fromordinal(day).year >= x.get("from_year", 0)]
    party = say(r.choice(parties))
    g.report_seq += 1
    rec: dict = {"id": g.uid(), "type": "examination", "person_id": p.victim_id, "case_id": p.cid,
                 "examiner": {"name": name, "qualifications": say(examiner["qualifications"])}, "date": exam_dt,
                 "place": say(place, facility=p.fname), "requesting_party": party,
                 "consent_id": consent_id, "reason": say(r.choice(text["reasons"])),
                 "request": {"party": party, "date": iso(r.randint(max(p.incident + 1, day - 3), day)),
                             "reference": text["request_reference"].format(n=r.randint(1, 999), yy=p.year % 100)},
                 "time_start": exam_dt, "time_end": later(exam_dt, r.choice((60, 75, 90, 120))),
                 "report_number": text["report_number"].format(year=date.fromordinal(day).year, n=g.report_seq)}
    if r.random() < 0.2:
        rec["interpreter"] = r.choice(corpus().names["interpreters"])
    # an officer can only be in the room when the examination happens inside the facility
    settings = [s for s in text["settings"] if s["private"] or not place.get("outside")]
    setting = r.choices(settings, [s["weight"] for s in settings])[0]
    rec["private"] = setting["private"]
    rec["officer_present"] = not setting["private"]
    rec["persons_present"] = list(say(setting["present"]))
    held = p.in_custody and not place.get("outside")
    rec["restraints"] = say(r.choice([x for x in text["restraints"] if held or not x.get("custody")]))
    rec["conditions"] = say(setting["conditions"])
    if r.random() < 0.4:
        rec["restrictions"] = say(text["restrictions"])
    rec["medical_background"] = say(r.choice(text["medical_background"]))
    rec["veracity_statement"] = say(text["veracity_statement"])
    rec["history"] = say(text["history"], female=p.female, date=day_text(p.incident), place=say(p.place["in"]),
                         methods=method_nouns(p.methods), days=day - p.incident)
    regions = {i["region"] for i in found}
    told = [s for s in text["symptoms"] if regions & set(s["regions"])][:2] or \
        [s for s in text["symptoms"] if not s["regions"]]
    rec["symptoms"] = " ".join(say(s) for s in told)
    rec["injuries"] = found
    psychology = r.choice(text["psychology"])
    rec["psychological_findings"] = say(psychology["findings"])
    rec["psychological_evaluation"] = {
        "symptoms": list(say(psychology["symptoms"])),
        "diagnoses": [{"icd_code": d["icd_code"], "label": say(d["label"])} for d in psychology["diagnoses"]],
        "consistency": pick(r, ("consistent", "highly_consistent", "typical"), (40, 45, 15)),
        "notes": say(text["psych_notes"])}
    ms = text["mental_status"]
    rec["psychological_evaluation"]["mental_status"] = {
        key: say(ms[key], female=p.female) for key in ("appearance", "behaviour", "speech", "mood_affect", "thought",
                                                       "perception", "cognition", "insight_judgement")}
    rec["systems"] = systems(found)
    if r.random() < 0.8 and p.statuses[0] != "draft" and p.first_filed < day:  # an СМЭ is ordered on a complaint, never before it
        rec["forensic_examination"] = forensic(g, p, day, found)
    if r.random() < 0.3 and any(i["injury_type"] == "fracture" for i in found):
        rec["diagnostic_tests"] = say(text["diagnostic_tests"])
    if r.random() < 0.2:
        rec["consultations"] = say(text["consultations"])
    rec["interpretation"] = say(text["interpretation"], phrase=say(text["consistency_phrase"][opinion]))
    rec["overall_opinion"] = opinion
    rec["conclusions"] = say(r.choice(text["conclusions"]))
    rec["recommendations"] = say(text["recommendations"])
    rec["truthfulness_statement"] = say(text["truthfulness_statement"])
    rec["signing_date"] = iso(day)  # signed the day of the examination, before any seal
    if r.random() < 0.5:
        rec["sealed"] = True
        rec["sealed_at"] = g.dt(day, p.region, 19, 23)
        rec["sealed_by"] = name
    else:
        rec["sealed"] = False
    return rec


# the system of the body a finding belongs to (Annex IV 7: the examination system by system)
SYSTEM_OF_TYPE = {"perforated_eardrum": "ear_nose_throat", "tooth_injury": "oral_cavity", "fracture": "musculoskeletal",
                  "dislocation": "musculoskeletal", "swelling": "musculoskeletal"}
HEAD = {"face", "scalp", "head"}
# genitourinary is left out: an intimate examination needs its own consent, which the demo does not take
SYSTEMS = ("skin", "head_face", "eyes", "ear_nose_throat", "oral_cavity", "chest", "abdomen", "musculoskeletal",
           "neurological")


def systems(found: list[dict]) -> dict:
    """Each system examined: the findings where there are some, "no abnormality found" elsewhere."""
    text = corpus().examinations
    seen: dict[str, list[str]] = {}
    for inj in found:
        system = SYSTEM_OF_TYPE.get(inj["injury_type"]) or ("head_face" if inj["region"] in HEAD else "skin")
        seen.setdefault(system, []).append(
            f"{say(text['injury_names'][inj['injury_type']])} ({say(text['regions'][inj['region']]['name'])})")
    return {key: ({"abnormal_findings": "; ".join(seen[key]).capitalize() + "."} if key in seen else {"normal": True})
            for key in SYSTEMS}


def forensic(g, p, day: int, found: list[dict]) -> dict:
    """The official forensic examination (СМЭ), its harm grade following the findings."""
    r = g.rng
    text = corpus().examinations["forensic"]
    made = r.randint(p.first_filed + 1, day)  # ordered on the complaint, done by the day of this examination
    if day - p.incident > 14 and r.random() < 0.3:
        severity = "not_determined"  # healed before the expert saw them
    elif any(i["injury_type"] in SERIOUS for i in found):
        severity = "moderate"
    else:
        severity = "light"
    return {"number": f"№ {r.randint(100, 9999)}", "date": iso(made), "expert": say(text["expert"]),
            "harm_severity": severity, "conclusions": say(text["conclusions"][severity])}


def later(dt: str, minutes: int) -> str:
    """``dt`` ("YYYY-MM-DDTHH:MM:SS+hh:mm", hour <= 16) plus a few minutes, same day and zone."""
    total = int(dt[11:13]) * 60 + int(dt[14:16]) + minutes
    return f"{dt[:11]}{total // 60:02d}:{total % 60:02d}{dt[16:]}"
