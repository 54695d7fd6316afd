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
from ..model import registry

if TYPE_CHECKING:
    from ..store.vault import Vault


@dataclass(frozen=True)
class Event:
    date: str  # YYYY-MM-DD or an RFC 3339 time; sorted as text on its first 10 characters, then in full
    kind: str  # allegation, visit, interview, examination, complaint_filed, complaint_reply, response,
    #            proceeding_opened, proceeding_refused, decision, judgment, appeal, reprisal, consent, addendum
    record_id: str
    detail: str = ""  # a vocabulary key or short text the page may show (never identity fields)


def _empty_sections() -> dict[str, list[dict]]:
    return {entry.section.name: [] for entry in registry.sections()}


@dataclass
class CaseFile:
    """The case and its records by section (``cf.interviews``, ``cf.reprisals``, …: one section per
    record type with a ``section`` in the registry), and the ids of the sealed ones."""

    case: dict
    sections: dict[str, list[dict]] = field(default_factory=_empty_sections)
    sealed: set[str] = field(default_factory=set)

    def __getattr__(self, name: str) -> list[dict]:
        sections = self.__dict__.get("sections")
        if sections is not None and name in sections:
            return sections[name]
        raise AttributeError(name)

    def chronology(self) -> list[Event]:
        events: list[Event] = []
        add = events.append
        for allegation in self.case.get("allegations", []):
            if allegation.get("date"):
                add(Event(allegation["date"], "allegation", self.case["id"], ",".join(allegation.get("methods", []))))
        for entry in registry.sections():
            section = entry.section
            if section.event:
                for body in self.sections[section.name]:
                    detail = body.get(section.detail, "") if section.detail else ""
                    add(Event(body.get(section.date, ""), entry.name, body["id"], detail))
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
        return sorted((e for e in events if e.date), key=lambda e: (e.date[:10], e.date, e.kind, e.record_id))


# What names a case's records of these types is in its case file too (addenda, photos, consents).
_ONE_STEP_FURTHER = ("interviews", "examinations", "complaints", "proceedings")


def gather(vault: "Vault", case_id: str) -> CaseFile:
    """Every live record linked to the case, each once, sorted by date within its kind."""
    case = vault.get(case_id)
    result = CaseFile(case)
    seen: set[str] = {case_id}
    by_type = {entry.name: entry.section for entry in registry.sections()}

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
        section = by_type.get(info.type)
        if section is None:
            return None
        result.sections[section.name].append(info.body)
        if info.sealed:
            result.sealed.add(record_id)
        return info.body

    direct = [rid for rid, _field in vault.referencing(case_id)]
    for rid in direct:
        take(rid)
    # One step further: what names the case's interviews, examinations, complaints, proceedings
    # (addenda, photos, consents), and the visits and people they name.
    for body in [b for name in _ONE_STEP_FURTHER for b in list(result.sections[name])]:
        for rid, _field in vault.referencing(body["id"]):
            take(rid)
    people = set()
    for section in by_type.values():
        for name in section.people:
            people.update(b[name] for b in result.sections[section.name] if b.get(name))
    for allegation in case.get("allegations", []):
        people.update(allegation.get("victim_ids", []))
        people.update(p["person_id"] for p in allegation.get("perpetrators", []) if p.get("person_id"))
    for body in result.proceedings:
        people.update(body.get("defendants", []))
    for pid in sorted(people):
        take(pid)
    for section in by_type.values():
        if section.visit:
            for body in list(result.sections[section.name]):
                if body.get(section.visit):
                    take(body[section.visit])
    for body in result.examinations:
        for injury in body.get("injuries", []):
            for photo in injury.get("photo_ids", []):
                take(photo)
    for section in by_type.values():
        if section.sort:
            result.sections[section.name].sort(key=lambda b, fields=section.sort: tuple(b.get(f, "") for f in fields))
    return result
