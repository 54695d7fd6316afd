"""Deterministic, clearly fictional demo data for Monitor (standard library only).

``generate(cases, seed)`` streams ``("blob", bytes)`` and ``("record", dict)`` items: every record
is valid per ``docs/data-model.md`` and every record it references (and every blob an attachment
names) comes earlier in the stream, so a loader can insert the items in order. The same
``(cases, seed)`` always gives a byte-identical sequence: all randomness comes from one
``random.Random(seed)``; there is no clock and no ``uuid4()``.

Names, places and facilities are invented; every facility, case, person and visit carries
``DEMO_MARKER`` (or ``[DEMO]``) so no one mistakes the data for real testimony.

The words come from ``resources/demo/*.json`` (:mod:`.demo_corpus`; see its README for the story
the demo tells and the rules it keeps). This module holds the shared state and the order of the
stream; the records are built by :mod:`.demo_statistics` (the report's official figures),
:mod:`.demo_places` (facilities, visits), :mod:`.demo_case` (a case with its people, then
:mod:`.demo_interview`, :mod:`.demo_exam`, :mod:`.demo_legal` and :mod:`.demo_proceeding`).
"""

from __future__ import annotations

import random
import uuid
from typing import Iterator

from . import case as demo_case, places as demo_places, statistics as demo_statistics
from .places import COLONY_REGIMES, FACILITY_TYPES, MATERIAL_THEMES, OTHER_THEMES, SOURCE_KINDS
from .corpus import DEMO_MARKER, START, TZ_SWITCH, corpus, feminine, iso, latin, say
from .png import png_photo

__all__ = ["DEMO_MARKER", "FACILITY_TYPES", "COLONY_REGIMES", "MATERIAL_THEMES", "OTHER_THEMES",
           "SOURCE_KINDS", "generate", "png_photo"]


class Gen:
    """The generator's state: one random stream, id and code counters, and what earlier records
    left behind for later ones to refer to (facilities, last visits, officers, lawyers)."""

    def __init__(self, cases: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.cases = cases
        self.n_facilities = max(10, cases // 20)
        self.n_visits = max(5, cases // 10)
        self.person_seq: dict[int, int] = {}  # year -> last person number (codes P-YYYY-NNNN)
        self.case_seq: dict[int, int] = {}  # year -> last case number (codes KZ-YYYY-NNNN)
        self.photo_seq = 0
        self.report_seq = 0  # examination report numbers
        self.colonies = 0
        self.told: set[str] = set()  # story beats told at least once (amnesty, acquittal, ...)
        # facilities, and what earlier records left there for later ones to refer to
        self.facilities: list[tuple] = []  # (id, type_key, name, region entry, capacity)
        self.fac_weights: list[int] = []
        self.access: dict[str, str] = {}  # facility -> access_status
        self.fac_last_visit: dict[str, str] = {}  # facility -> last visit id (made or refused)
        self.fac_last_visit_days: dict[str, tuple] = {}  # facility -> (first day, last day, id) of a visit made
        self.fac_assessed: set[str] = set()  # facilities a visit got into (the next one is a follow-up)
        self.fac_recs: dict[str, list[tuple[str, str, str]]] = {}  # facility -> open (rec id, text, addressee)
        self.fac_last_interview: dict[str, tuple[str, int]] = {}  # facility -> (interview id, day)
        self.fac_last_photo: dict[str, tuple[str, int]] = {}  # facility -> (attachment id, day)
        self.fac_perps: dict[str, list[tuple]] = {}  # facility -> officers who recur there
        self.lawyers: list[tuple[str, str]] = []
        self.max_lawyers = max(3, cases // 40)

    # ---- small helpers
    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def dt(self, ordinal: int, region: dict, hour_lo: int = 9, hour_hi: int = 18) -> str:
        r = self.rng
        tz = "+05:00" if (region["always_utc5"] or ordinal >= TZ_SWITCH) else "+06:00"
        return f"{iso(ordinal)}T{r.randint(hour_lo, hour_hi):02d}:{r.randrange(0, 60, 5):02d}:00{tz}"

    def person_code(self, year: int) -> str:
        n = self.person_seq.get(year, 0) + 1
        self.person_seq[year] = n
        return f"P-{year}-{n:04d}"

    def name(self, gender: str, origin: str) -> tuple[str, str]:
        r = self.rng
        names = corpus().names[{"kk": "kazakh", "ru": "russian", "uz": "uzbek"}[origin]]
        if origin == "kk":
            first = r.choice(names["male"] if gender == "male" else names["female"])
            if r.random() < 0.15:
                last = r.choice(names["fathers"]) + ("ұлы" if gender == "male" else "қызы")
            else:
                last = r.choice(names["surnames"])
                if gender != "male":
                    last = feminine(last)
        elif origin == "uz":
            first, last = r.choice(names["male"]), r.choice(names["surnames"])
        else:
            first = r.choice(names["male"] if gender == "male" else names["female"])
            last = r.choice(names["surnames"])
            if gender != "male":
                last = feminine(last)
        cyr = f"{first} {last}"
        return cyr, latin(cyr)

    def person(self, year: int, *, role: str, gender: str | None = None, age: tuple[int, int] = (18, 60),
               incident: int = START, origin: str | None = None, full: bool = True) -> dict:
        r = self.rng
        if gender is None:
            gender = "male" if r.random() < 0.86 else "female"
        if origin is None:
            origin = "kk" if r.random() < 0.68 else "ru"
        cyr, lat = self.name(gender, origin)
        identity: dict = {"name_cyrillic": cyr, "name_latin": lat}
        if full:
            dob = incident - r.randint(age[0] * 365 + 1, age[1] * 365)
            identity["date_of_birth"] = iso(dob)
            identity["gender"] = gender
            identity["nationality"] = "Uzbekistan" if origin == "uz" else "Kazakhstan"
            identity["languages"] = (["uz", "ru"] if origin == "uz" else ["kk", "ru"] if origin == "kk"
                                     else ["ru"])
            if r.random() < 0.4:
                identity["contact"] = f"+7 70{r.randint(0, 9)} 000 {r.randint(0, 9999):04d} (DEMO)"
        text = corpus().cases
        return {"id": self.uid(), "type": "person", "code": self.person_code(year), "identity": identity,
                "notes": say(text["person_notes"], marker=DEMO_MARKER,
                             role=say(text["roles"][role], female=gender == "female"))}

    def link(self, person_id: str, target_id: str, role: str, **extra) -> dict:
        rec = {"id": self.uid(), "type": "link", "person_id": person_id, "target_id": target_id, "role": role}
        rec.update(extra)
        return rec

    # ---- the stream
    def run(self) -> Iterator[tuple[str, object]]:
        for term in corpus().methods["coordinator_terms"]:
            yield "record", {"id": self.uid(), "type": "term", "vocabulary": term["vocabulary"],
                             "key": term["key"], "labels": dict(term["labels"])}
        yield from demo_statistics.statistics(self)
        for i in range(self.n_facilities):
            yield "record", demo_places.facility(self, i)
        visit_slots = [k * self.cases // self.n_visits for k in range(self.n_visits)]
        next_visit = 0
        for i in range(self.cases):
            while next_visit < self.n_visits and visit_slots[next_visit] <= i:
                yield from demo_places.visit(self, next_visit)
                next_visit += 1
            yield from demo_case.case(self, i)
        while next_visit < self.n_visits:
            yield from demo_places.visit(self, next_visit)
            next_visit += 1


def generate(cases: int = 50, seed: int = 1) -> Iterator[tuple[str, object]]:
    """Stream demo data: ``("blob", bytes)`` and ``("record", dict)`` items, references first."""
    if cases < 0:
        raise ValueError("cases must be >= 0")
    return Gen(cases, seed).run()
