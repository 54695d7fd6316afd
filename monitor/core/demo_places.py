"""Demo facilities and monitoring visits (see :mod:`.demo_data` for the stream they belong to)."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from .demo_corpus import DEMO_MARKER, DEMO_TAG, END, START, corpus, iso, label, lower_first, pick, say

FACILITY_TYPES = tuple(corpus().places["facility_types"])
COLONY_REGIMES = tuple(corpus().places["colony_regimes"])
MATERIAL_THEMES = ("food_water", "accommodation", "lighting_ventilation", "sanitation_hygiene",
                   "clothing_bedding")
OTHER_THEMES = tuple(t for t in corpus().visits["themes"] if t not in MATERIAL_THEMES)
SOURCE_KINDS = tuple(corpus().visits["source_notes"])
RATINGS = ("adequate", "needs_improvement", "poor", "inhuman")


def facility(g, i: int) -> dict:
    r = g.rng
    types = corpus().places["facility_types"]
    keys = tuple(types)
    type_key = keys[i] if i < len(keys) else pick(r, keys, [t["share"] for t in types.values()])
    kind = types[type_key]
    region = r.choice(corpus().places["regions"])
    fields = {"n": i + 1, "city": region["city"]["ru"], "genitive": region["genitive_ru"],
              "region": region["name"]["ru"]}
    regime = None
    if type_key == "colony":
        regimes = corpus().places["colony_regimes"]
        regime = tuple(regimes)[g.colonies % len(regimes)]
        g.colonies += 1
        fields["regime"] = regimes[regime]["ru"]
    if "{unit}" in kind["name"]["ru"]:
        fields["unit"] = r.randint(100, 999)
    name = say(kind["name"], **fields)
    text = corpus().places["facility"]
    fid = g.uid()
    rec = {"id": fid, "type": "facility", "name": f"{name} {DEMO_TAG}", "type_key": type_key}
    if regime:
        rec["regime"] = regime
    rec.update({"region": region["name"]["ru"],
                "address": say(text["address"], city=region["city"]["ru"], number=r.randint(1, 120)),
                "authority": say(kind["authority"], **fields), "capacity": r.randint(*kind["capacity"]),
                "notes": f"{DEMO_MARKER}. {say(text['notes'])}"})
    g.facilities.append((fid, type_key, name, region, rec["capacity"]))
    g.fac_weights.append(kind["incident_weight"])
    return rec


def visit_time(g, k: int) -> int:
    frac = (k + g.rng.random()) / g.n_visits
    return START + int(frac * (END - START))


def population(r, type_key: str, capacity: int) -> dict:
    total = max(0, int(capacity * r.uniform(0.5, 1.3)))
    pop = {"total": total, "capacity": capacity}
    if type_key in ("ivs", "police_station", "sizo"):
        pop["pretrial"] = total - total // 10
        pop["sentenced"] = total // 10
    elif type_key == "colony":
        pop["sentenced"] = total
    elif type_key == "special_reception":
        pop["administrative"] = total
    pop["women"] = total // r.randint(8, 30)
    pop["minors"] = total if type_key == "children_institution" else (total // 50 if r.random() < 0.3 else 0)
    pop["foreigners"] = total if type_key == "migrant_centre" else total // r.randint(20, 80)
    return pop


def visit(g, k: int) -> Iterator[tuple[str, object]]:
    r = g.rng
    text = corpus().visits
    themes = text["themes"]
    visited = [f for f in g.facilities if f[0] in g.fac_last_visit]
    fresh = [(f, w) for f, w in zip(g.facilities, g.fac_weights) if f[0] not in g.fac_last_visit]
    if visited and (k % 3 == 2 or r.random() < 0.3 or not fresh):
        fac = r.choice(visited)
    else:
        fac = r.choices([f for f, _ in fresh], [w for _, w in fresh])[0]
    fid, type_key, fname, region, capacity = fac
    follow_up = fid in g.fac_last_visit
    start = visit_time(g, k)
    vid = g.uid()
    rec: dict = {"id": vid, "type": "visit", "facility_id": fid, "date_start": iso(start)}
    if r.random() < 0.6:
        rec["date_end"] = iso(start + r.randint(0, 2))
    rec["team"] = r.sample(corpus().names["monitors"], r.randint(2, 4))
    rec["announced"] = r.random() < 0.3
    rec["visit_kind"] = "follow_up" if follow_up else "first"
    rec["focus"] = say(r.choice(text["focus"]))
    rec["cooperation"] = say(r.choice(text["cooperation"]))
    if r.random() < 0.3:
        rec["obstruction"] = say(r.choice(text["obstruction"]))
    rec["population"] = population(r, type_key, capacity)

    conditions = []
    problems = []
    for theme in MATERIAL_THEMES + tuple(r.sample(OTHER_THEMES, r.randint(1, 3))):
        rating = pick(r, RATINGS, (35, 35, 22, 8))
        note = themes[theme]["adequate" if rating == "adequate" else "problem"]
        conditions.append({"theme": theme, "rating": rating, "notes": say(note)})
        if rating != "adequate":
            problems.append(theme)
    rec["conditions"] = conditions
    last_day = iso_day(rec.get("date_end", rec["date_start"]))
    chosen = r.sample(problems, min(len(problems), r.randint(2, 4)))
    findings = [finding(g, fid, theme, start) for theme in chosen]
    if findings:
        rec["findings"] = findings
    rec["recommendations"] = recommendations(g, fid, follow_up, findings)
    if r.random() < 0.6:
        rec["good_practices"] = [say(p) for p in r.sample(text["good_practices"], r.randint(1, 2))]
    if follow_up:
        rec["changes_since_last"] = say(r.choice(text["changes"]))
    kind = say(text["kind_follow_up" if follow_up else "kind_first"])
    if problems:
        rec["summary"] = say(text["summary"], marker=DEMO_MARKER, facility=fname, kind=kind,
                             problems=", ".join(lower_first(label("visit_theme", t)) for t in problems))
    else:
        rec["summary"] = say(text["summary_no_problems"], marker=DEMO_MARKER, facility=fname, kind=kind)
    rec["notes"] = say(text["notes"], marker=DEMO_MARKER)
    g.fac_last_visit_days[fid] = (start, last_day)
    g.fac_last_visit[fid] = vid
    yield "record", rec


def finding(g, fid: str, theme: str, visit_day: int) -> dict:
    """A finding on one theme with one to three sources of different kinds. It cites an interview or
    photo of this facility only if it was made before the visit, and claims "several independent
    sources" only when it has them; ill-treatment reports always rest on interviews with detainees."""
    r = g.rng
    text = corpus().visits
    kinds = r.sample(SOURCE_KINDS, r.randint(1, 3))
    needed = text["themes"][theme].get("needs_source")
    if needed and needed not in kinds:
        kinds[0] = needed
    sources = []
    for kind in kinds:
        src: dict = {"kind": kind}
        interview = g.fac_last_interview.get(fid)
        photo = g.fac_last_photo.get(fid)
        if kind == "interview_detainee" and interview and interview[1] <= visit_day:
            src["record_id"] = interview[0]
        elif kind == "observation" and photo and photo[1] <= visit_day and r.random() < 0.5:
            src["record_id"] = photo[0]
        src["note"] = say(text["source_notes"][kind])
        sources.append(src)
    words = say(text["themes"][theme]["problem"])
    if len(sources) >= 2:
        words = f"{words} {say(text['several_sources'])}"
    return {"id": g.uid(), "theme": theme, "text": words, "sources": sources}


def iso_day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def recommendations(g, fid: str, follow_up: bool, findings: list[dict]) -> list[dict]:
    """The earlier visit's open recommendations, followed up, then new ones from this visit's findings."""
    r = g.rng
    themes = corpus().visits["themes"]
    recs = []
    still_open = []
    if follow_up:
        for prev_id, text, addressee in g.fac_recs.get(fid, []):
            status = pick(r, ("implemented", "partially_implemented", "not_implemented", "in_progress",
                              "repeated", "rejected"), (20, 20, 25, 10, 20, 5))
            item = {"id": g.uid(), "text": text, "addressee": addressee,
                    "priority": r.choice(("urgent", "high", "medium")), "status": status, "follows": prev_id}
            recs.append(item)
            if status != "implemented":
                still_open.append((item["id"], text, addressee))
    for theme in r.sample([f["theme"] for f in findings], min(len(findings), r.randint(1, 3))):
        text, addressee = say(themes[theme]["recommendation"]), say(themes[theme]["addressee"])
        item = {"id": g.uid(), "text": text, "addressee": addressee,
                "priority": pick(r, ("urgent", "high", "medium", "low"), (15, 35, 35, 15)), "status": "new"}
        recs.append(item)
        still_open.append((item["id"], text, addressee))
    g.fac_recs[fid] = still_open[:6]
    return recs
