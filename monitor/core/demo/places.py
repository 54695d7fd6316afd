"""Demo facilities and monitoring visits (see :mod:`.demo_data` for the stream they belong to)."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from .corpus import CUTOFF, DEMO_MARKER, DEMO_TAG, END, START, corpus, iso, label, lower_first, pick, say

FACILITY_TYPES = tuple(corpus().places["facility_types"])
COLONY_REGIMES = tuple(corpus().places["colony_regimes"])
MATERIAL_THEMES = ("food_water", "accommodation", "lighting_ventilation", "sanitation_hygiene",
                   "clothing_bedding")
OTHER_THEMES = tuple(t for t in corpus().visits["themes"] if t not in MATERIAL_THEMES)
SOURCE_KINDS = tuple(corpus().visits["source_notes"])
RATINGS = ("adequate", "needs_improvement", "poor", "inhuman")
ACCESS = ("open", "restricted", "closed_to_monitors")


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
                "authority": say(kind["authority"], **fields), "managing_authority": kind["managing_authority"],
                "access_status": pick(r, ACCESS, kind["access"]), "capacity": r.randint(*kind["capacity"]),
                "notes": f"{DEMO_MARKER}. {say(text['notes'])}"})
    g.access[fid] = rec["access_status"]
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


OUTCOME_WEIGHTS = {"open": (95, 5, 0), "restricted": (35, 40, 25), "closed_to_monitors": (0, 0, 100)}


def visit(g, k: int) -> Iterator[tuple[str, object]]:
    """A monitoring visit: conducted, partly obstructed or refused at the gate, as the facility's
    access status makes likely (the report: observers are kept out of penal colonies)."""
    r = g.rng
    text = corpus().visits
    visited = [f for f in g.facilities if f[0] in g.fac_last_visit]
    fresh = [(f, w) for f, w in zip(g.facilities, g.fac_weights) if f[0] not in g.fac_last_visit]
    if visited and (k % 3 == 2 or r.random() < 0.3 or not fresh):
        fac = r.choice(visited)
    else:
        fac = r.choices([f for f, _ in fresh], [w for _, w in fresh])[0]
    fid, type_key, fname, region, capacity = fac
    follow_up = fid in g.fac_assessed
    start = visit_time(g, k)
    outcome = pick(r, ("conducted", "partly_denied", "refused"), OUTCOME_WEIGHTS[g.access[fid]])
    vid = g.uid()
    rec: dict = {"id": vid, "type": "visit", "facility_id": fid, "date_start": iso(start)}
    if outcome != "refused" and r.random() < 0.6:
        rec["date_end"] = iso(start + r.randint(0, 2))
    rec["team"] = r.sample(corpus().names["monitors"], r.randint(2, 4))
    rec["announced"] = r.random() < 0.3
    rec["visit_kind"] = "follow_up" if follow_up else "first"
    rec["focus"] = say(r.choice(text["focus"]))
    rec["outcome"] = outcome
    g.fac_last_visit[fid] = vid
    if outcome == "refused":
        yield "record", refused_visit(g, rec, fid, fname, start)
        return
    blocked_themes, blocked_sources = set(), set()
    if outcome == "partly_denied":
        denial = r.choice([d for d in text["partial_denials"] if type_key in d.get("facility_types", (type_key,))])
        blocked_themes.update(denial["blocks_themes"])
        blocked_sources.update(denial.get("blocks_sources", ()))
        rec["cooperation"] = say(text["partly_denied_cooperation"])
        rec["access_denied"] = {"areas": say(denial["areas"]), "persons": say(denial["persons"]),
                                "refused_by": say(r.choice(text["refused"]["refused_by"])),
                                "reason_given": say(denial["reason"])}
    else:
        obstruction = r.choice(text["obstruction"]) if r.random() < 0.3 else None
        cooperation = [c for c in text["cooperation"] if not (obstruction and c["full_access"])]
        rec["cooperation"] = say(r.choice(cooperation))
        if obstruction:
            rec["obstruction"] = say(obstruction)
            blocked_sources.update(obstruction.get("blocks_sources", ()))
    rec["population"] = population(r, type_key, capacity)
    themes = [t for t in MATERIAL_THEMES + tuple(r.sample(OTHER_THEMES, r.randint(1, 3))) if t not in blocked_themes]
    conditions = []
    problems = []
    for theme in themes:
        rating = pick(r, RATINGS, (35, 35, 22, 8))
        if theme == "accommodation":  # overcrowding is what the population figures say it is
            load = rec["population"]["total"] / max(1, capacity)
            rating = RATINGS[(load > 1.0) + (load > 1.1) + (load > 1.2)]
        note = theme_words(theme, "adequate" if rating == "adequate" else "problem", type_key)
        conditions.append({"theme": theme, "rating": rating, "notes": say(note)})
        if rating != "adequate":
            problems.append(theme)
    rec["conditions"] = conditions
    last_day = iso_day(rec.get("date_end", rec["date_start"]))
    chosen = r.sample(problems, min(len(problems), r.randint(2, 4)))
    findings = [finding(g, fid, theme, start, blocked_sources, type_key) for theme in chosen]
    if findings:
        rec["findings"] = findings
    rec["interviews_count"] = r.randint(3, 25)
    registers = sorted({say(text["registers"][s["kind"]]) for f in findings for s in f["sources"]
                        if s["kind"] in text["registers"]})
    if registers:
        rec["registers_checked"] = registers
    rec["recommendations"] = recommendations(g, fid, follow_up, findings, start, type_key)
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
    g.fac_last_visit_days[fid] = (start, last_day, vid)
    g.fac_assessed.add(fid)
    yield "record", rec


def refused_visit(g, rec: dict, fid: str, fname: str, day: int) -> dict:
    """Turned away at the gate: no population, conditions or findings; a recommendation on access."""
    r = g.rng
    text = corpus().visits["refused"]
    rec["cooperation"] = say(text["cooperation"])
    rec["access_denied"] = {"areas": say(text["areas"]), "persons": [], "refused_by": say(r.choice(text["refused_by"])),
                            "reason_given": say(r.choice(text["reasons"]))}
    rec["interviews_count"] = 0
    rec["recommendations"] = [new_recommendation(g, say(text["recommendation"]), say(text["addressee"]), day)]
    rec["summary"] = say(text["summary"], marker=DEMO_MARKER, facility=fname)
    return rec


def new_recommendation(g, words: str, addressee: str, day: int) -> dict:
    """A new recommendation with a deadline (which may lie in the future) and, often, the answer."""
    r = g.rng
    item = {"id": g.uid(), "text": words, "addressee": addressee,
            "priority": pick(r, ("urgent", "high", "medium", "low"), (15, 35, 35, 15)), "status": "new",
            "deadline": iso(day + r.choice((90, 180, 365)))}
    answered = day + r.randint(20, 80)
    if answered <= CUTOFF and r.random() < 0.5:
        item["response"] = {"date": iso(answered), "by": addressee, "text": say(r.choice(corpus().visits["responses"]))}
    return item


def theme_words(theme: str, part: str, type_key: str) -> dict:
    """A theme's text (``adequate``, ``problem``, ``recommendation``) in the words of this facility
    type where it has its own (``problem_colony``: ШИЗО, ``problem_sizo``: карцер), else the neutral
    wording: a guardhouse or a police station has no ШИЗО and holds no convicts."""
    entry = corpus().visits["themes"][theme]
    return entry.get(f"{part}_{type_key}", entry[part])


def finding(g, fid: str, theme: str, visit_day: int, blocked: set[str], type_key: str) -> dict:
    """A finding on one theme with one to three sources of different kinds. It cites an interview or
    photo of this facility only if it was made before the visit, and claims "several independent
    sources" only when it has them; ill-treatment reports always rest on interviews with detainees."""
    r = g.rng
    text = corpus().visits
    kinds = r.sample([k for k in SOURCE_KINDS if k not in blocked], r.randint(1, 3))
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
    words = say(theme_words(theme, "problem", type_key))
    if len(sources) >= 2:
        words = f"{words} {say(text['several_sources'])}"
    return {"id": g.uid(), "theme": theme, "text": words, "sources": sources}


def iso_day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def recommendations(g, fid: str, follow_up: bool, findings: list[dict], day: int, type_key: str) -> list[dict]:
    """The earlier visit's open recommendations, followed up, then new ones from this visit's findings."""
    r = g.rng
    themes = corpus().visits["themes"]
    recs = []
    still_open = []
    if follow_up:
        for prev_id, words, addressee in g.fac_recs.get(fid, []):
            status = pick(r, ("implemented", "partially_implemented", "not_implemented", "in_progress",
                              "repeated", "rejected"), (20, 20, 25, 10, 20, 5))
            item = {"id": g.uid(), "text": words, "addressee": addressee,
                    "priority": r.choice(("urgent", "high", "medium")), "status": status, "follows": prev_id}
            recs.append(item)
            if status != "implemented":
                still_open.append((item["id"], words, addressee))
    for theme in r.sample([f["theme"] for f in findings], min(len(findings), r.randint(1, 3))):
        item = new_recommendation(g, say(theme_words(theme, "recommendation", type_key)),
                                  say(themes[theme]["addressee"]), day)
        recs.append(item)
        still_open.append((item["id"], item["text"], item["addressee"]))
    g.fac_recs[fid] = still_open[:6]
    return recs
