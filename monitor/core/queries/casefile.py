"""Everything linked to one case, and its chronology, as plain data (no Qt).

Used by the desktop case file page; a report can draw from the same gathering. Records reach a
case by naming it (``case_id``, a link's ``target_id``, an attachment's ``parent_id``) or by
naming a record that names it (an addendum of one of its interviews, a photo of one of its
examinations).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import MonitorError

if TYPE_CHECKING:
    from ..store.vault import Vault


@dataclass(frozen=True)
class Event:
    date: str  # YYYY-MM-DD or an RFC 3339 time; sorted as text on its first 10 characters, then in full
    kind: str  # allegation, visit, interview, examination, complaint_filed, complaint_reply, response,
    #            proceeding_opened, proceeding_refused, decision, judgment, appeal, reprisal, consent, addendum
    record_id: str
    detail: str = ""  # a vocabulary key or short text the page may show (never identity fields)


@dataclass
class CaseFile:
    case: dict
    links: list[dict] = field(default_factory=list)  # link records that point at the case
    people: list[dict] = field(default_factory=list)  # person records involved, by code
    visits: list[dict] = field(default_factory=list)
    interviews: list[dict] = field(default_factory=list)
    examinations: list[dict] = field(default_factory=list)
    complaints: list[dict] = field(default_factory=list)
    proceedings: list[dict] = field(default_factory=list)
    reprisals: list[dict] = field(default_factory=list)
    consents: list[dict] = field(default_factory=list)
    addenda: list[dict] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    sealed: set[str] = field(default_factory=set)

    def chronology(self) -> list[Event]:
        events: list[Event] = []
        add = events.append
        for allegation in self.case.get("allegations", []):
            if allegation.get("date"):
                add(Event(allegation["date"], "allegation", self.case["id"], ",".join(allegation.get("methods", []))))
        for visit in self.visits:
            add(Event(visit["date_start"], "visit", visit["id"], visit.get("outcome", "")))
        for body in self.interviews:
            add(Event(body["date"], "interview", body["id"]))
        for body in self.examinations:
            add(Event(body["date"], "examination", body["id"], body.get("overall_opinion", "")))
        for body in self.complaints:
            add(Event(body.get("date_filed", ""), "complaint_filed", body["id"], body.get("authority", "")))
            if body.get("reply_date"):
                add(Event(body["reply_date"], "complaint_reply", body["id"]))
            for response in body.get("responses", []):
                add(Event(response["date"], "response", body["id"], response.get("kind", "")))
        for body in self.proceedings:
            if body.get("date_opened"):
                add(Event(body["date_opened"], "proceeding_opened", body["id"], body.get("article", "")))
            if body.get("date_refused"):
                add(Event(body["date_refused"], "proceeding_refused", body["id"]))
            for decision in body.get("decisions", []):
                add(Event(decision["date"], "decision", body["id"], decision.get("kind", "")))
            if body.get("judgment_date"):
                add(Event(body["judgment_date"], "judgment", body["id"], body.get("outcome", "")))
            if body.get("appeal", {}).get("date"):
                add(Event(body["appeal"]["date"], "appeal", body["id"], body["appeal"].get("outcome", "")))
        for body in self.reprisals:
            add(Event(body["date"], "reprisal", body["id"], body.get("kind", "")))
        for body in self.consents:
            add(Event(body["date"], "consent", body["id"]))
        for body in self.addenda:
            add(Event(body["date"], "addendum", body["id"]))
        return sorted((e for e in events if e.date), key=lambda e: (e.date[:10], e.date, e.kind, e.record_id))


_BY_TYPE = {"link": "links", "interview": "interviews", "examination": "examinations", "complaint": "complaints",
            "proceeding": "proceedings", "reprisal": "reprisals", "consent": "consents", "addendum": "addenda",
            "attachment": "attachments", "visit": "visits", "person": "people"}


def gather(vault: "Vault", case_id: str) -> CaseFile:
    """Every live record linked to the case, each once, sorted by date within its kind."""
    case = vault.get(case_id)
    result = CaseFile(case)
    seen: set[str] = {case_id}

    def take(record_id: str) -> dict | None:
        if record_id in seen:
            return None
        seen.add(record_id)
        try:
            info = vault.info(record_id)
        except MonitorError:
            return None
        if info.deleted or info.body is None:
            return None
        bucket = _BY_TYPE.get(info.type)
        if bucket is None:
            return None
        getattr(result, bucket).append(info.body)
        if info.sealed:
            result.sealed.add(record_id)
        return info.body

    direct = [rid for rid, _field in vault.referencing(case_id)]
    for rid in direct:
        take(rid)
    # One step further: what names the case's interviews, examinations, complaints, proceedings
    # (addenda, photos, consents), and the visits and people they name.
    for body in list(result.interviews) + list(result.examinations) + list(result.complaints) + list(result.proceedings):
        for rid, _field in vault.referencing(body["id"]):
            take(rid)
    people = set()
    for body in result.links + result.interviews + result.examinations + result.reprisals + result.consents:
        if body.get("person_id"):
            people.add(body["person_id"])
    for body in result.complaints:
        if body.get("complainant_id"):
            people.add(body["complainant_id"])
    for allegation in case.get("allegations", []):
        people.update(allegation.get("victim_ids", []))
        people.update(p["person_id"] for p in allegation.get("perpetrators", []) if p.get("person_id"))
    for body in result.proceedings:
        people.update(body.get("defendants", []))
    for pid in sorted(people):
        take(pid)
    for body in result.interviews + result.reprisals:
        if body.get("visit_id"):
            take(body["visit_id"])
    for body in result.examinations:
        for injury in body.get("injuries", []):
            for photo in injury.get("photo_ids", []):
                take(photo)
    for name in ("interviews", "examinations", "addenda", "consents", "reprisals"):
        getattr(result, name).sort(key=lambda b: (b.get("date", ""), b["id"]))
    result.complaints.sort(key=lambda b: (b.get("date_filed", ""), b["id"]))
    result.visits.sort(key=lambda b: (b["date_start"], b["id"]))
    result.people.sort(key=lambda b: b["code"])
    return result
