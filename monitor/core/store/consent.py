"""A person's current consent: the latest state of each item, from their consent records.

Consent is recorded as ``consent`` records (docs/data-model.md). Each sets some items of its
scope to given (true) or refused/withdrawn (false); an item it leaves out keeps its earlier state.
The current consent is every record folded in date order (ties by record id, so the answer does
not depend on the order records arrived in). Interviews made with schema v3 carry their consent
inside the sealed interview (``interview.consent``); it counts as a consent record dated by its
own ``date`` or, without one, the interview's date.

Everything that reads consent (reports, exports, the GUI) asks :func:`current` or :func:`allows`.

What was in force when something was done (an interview, an examination) is a different question
from what is in force now: :func:`in_force` folds only the statements made before the act, and
:func:`later` lists those made after it (a withdrawal, an extension). A statement counts as made
before the act when its moment is not after the act's; when either date has no time of day, the
calendar dates as written are compared (a consent dated "2026-03-01" is in force for an interview
at 09:00 that day). A statement taken *for* the act (it lists the act in ``covers``, the act names
it as ``consent_id``, or it is the act's own legacy block) also counts when it is dated the same
calendar day as the act, so consent written down a few minutes after the interview began is not
reported as missing; one dated a later day is reported as given after the act.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Iterator, Protocol

from ..model import schema


class Records(Protocol):
    """What consent reads of a vault (:class:`~monitor.core.store.vault.Vault` is one; this module
    does not import it, since the vault asks consent before it seals)."""

    def records(self, record_type: str | None = None, *, include_deleted: bool = False, order: str = "label",
                where: dict[str, str] | None = None, limit: int | None = None, offset: int = 0) -> Iterator: ...

SCOPE_ITEMS: tuple[str, ...] = tuple(schema.inlined("consent")["properties"]["scope"]["properties"])
_LEGACY_ITEMS = ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                 "anonymised_reports", "publication_with_name")


@dataclass(frozen=True)
class ConsentState:
    given: bool
    date: str          # when this state was recorded
    record_id: str     # the consent record (or legacy interview) that set it
    withdrawn: bool    # given earlier, then withdrawn


def _moment(value: str) -> _dt.datetime:
    if len(value) == 10:
        return _dt.datetime.combine(_dt.date.fromisoformat(value), _dt.time(), _dt.timezone.utc)
    return _dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(_dt.timezone.utc)


@dataclass(frozen=True)
class ConsentEvent:
    """One consent statement: a ``consent`` record, or the consent block of a v3 interview."""

    moment: _dt.datetime
    record_id: str     # the consent record, or the legacy interview
    date: str          # as written
    scope: dict        # item -> given (true) / refused or withdrawn (false)
    method: str = ""   # vocab:consent_method
    taken_by: str = ""
    withdrawal: bool = False
    covers: tuple[str, ...] = ()  # what it was taken for (a legacy block covers its own interview)


def history(vault: Records, person_id: str) -> list[ConsentEvent]:
    """Every consent statement about a person, in date order (ties by record id)."""
    out = []
    for info in vault.records("consent", where={"person_id": person_id}, order="created"):
        body = info.body
        out.append(ConsentEvent(_moment(body["date"]), body["id"], body["date"], dict(body["scope"]),
                                body.get("method") or "", body.get("taken_by") or "", bool(body.get("withdrawal")),
                                tuple(body.get("covers") or ())))
    for info in vault.records("interview", where={"person_id": person_id}, order="created"):
        legacy = info.body.get("consent")
        if legacy:
            date = legacy.get("date") or info.body["date"]
            out.append(ConsentEvent(_moment(date), info.id, date, {k: legacy[k] for k in _LEGACY_ITEMS if k in legacy},
                                    legacy.get("method") or "", "", False, (info.id,)))
    out.sort(key=lambda e: (e.moment, e.record_id))
    return out


def events(vault: "Records", person_id: str) -> list[tuple[_dt.datetime, str, str, dict]]:
    """(moment, record id, date as written, scope) of every consent statement about a person, in order."""
    return [(e.moment, e.record_id, e.date, e.scope) for e in history(vault, person_id)]


def fold(statements) -> dict[str, ConsentState]:
    """The state of each item after ``statements`` (in order), the latest statement of each item winning."""
    state: dict[str, ConsentState] = {}
    for e in statements:
        for item, given in e.scope.items():
            earlier = state.get(item)
            withdrawn = not given and earlier is not None and (earlier.given or earlier.withdrawn)
            state[item] = ConsentState(bool(given), e.date, e.record_id, withdrawn)
    return state


def current(vault: "Records", person_id: str) -> dict[str, ConsentState]:
    """The latest state of every consent item ever recorded for a person."""
    return fold(history(vault, person_id))


def _timed(value: str) -> bool:
    return len(value) > 10


def before_act(statement: ConsentEvent, act_date: str, act_id: str | None = None,
               consent_id: str | None = None) -> bool:
    """Whether a statement was in force at an act dated ``act_date`` (see the module docstring)."""
    same_day_or_before = statement.date[:10] <= act_date[:10]
    for_the_act = (act_id is not None and act_id in statement.covers) or \
                  (consent_id is not None and statement.record_id == consent_id)
    if for_the_act and same_day_or_before:
        return True
    if _timed(statement.date) and _timed(act_date):
        return statement.moment <= _moment(act_date)
    return same_day_or_before


def in_force(statements: list[ConsentEvent], act_date: str, act_id: str | None = None,
             consent_id: str | None = None) -> dict[str, ConsentState]:
    """The consent in force at the act: ``statements`` (from :func:`history`) made before it, folded."""
    return fold([e for e in statements if before_act(e, act_date, act_id, consent_id)])


def later(statements: list[ConsentEvent], act_date: str, act_id: str | None = None,
          consent_id: str | None = None) -> list[ConsentEvent]:
    """The statements made after the act (withdrawals, extensions, a consent given only afterwards)."""
    return [e for e in statements if not before_act(e, act_date, act_id, consent_id)]


def allows(vault: "Records", person_id: str, item: str) -> bool:
    """Whether the person's current consent gives ``item`` (never recorded: no)."""
    if item not in SCOPE_ITEMS:
        raise ValueError(f"unknown consent item {item!r}")
    state = current(vault, person_id).get(item)
    return bool(state and state.given)


# --- exhibits: the one rule for recordings and photographs ----------------------------------------

RECORDING_ITEMS: tuple[str, ...] = ("audio",)


def photo_items(intimate: bool) -> tuple[str, ...]:
    """The consent items a photograph of a person needs, every one in force."""
    return ("photographs", "intimate_photographs") if intimate else ("photographs",)


def exhibit_items(body: dict | None) -> tuple[str, ...]:
    """The consent items an attachment needs of the person it records or shows, every one in force:
    a recording (``audio/*``) ``audio``; a photograph (``image/*``) ``photographs`` and, when it is
    intimate, ``intimate_photographs``; any other file none. Reports
    (:class:`~monitor.core.reports.redaction.Redactor`) and bundles (:func:`withheld_exhibits`)
    both decide by these items."""
    mime = str((body or {}).get("mime_type", ""))
    if mime.startswith("audio/"):
        return RECORDING_ITEMS
    if mime.startswith("image/"):
        return photo_items(bool(body.get("intimate")))
    return ()


def withheld_exhibits(vault) -> set[str]:
    """The attachments no bundle may carry now (their records nor their bytes): each recording or
    photograph of a person whose current consent lacks an item :func:`exhibit_items` names (withdrawn,
    say). Its persons, as reports see them: the person of the interview or examination it is filed
    under (``parent_id``) and of every examination whose injuries show it (``photo_ids``). A file of
    no known person travels: a bundle goes to colleagues, not to a report's audience."""
    person_of: dict[str, str] = {}
    shown_to: dict[str, set[str]] = {}
    for record_type in ("interview", "examination"):
        for info in vault.records(record_type, order="created"):
            person = (info.body or {}).get("person_id")
            if not person:
                continue
            person_of[info.id] = person
            for injury in (info.body or {}).get("injuries") or ():
                for photo in injury.get("photo_ids") or ():
                    shown_to.setdefault(photo, set()).add(person)
    out: set[str] = set()
    given: dict[tuple[str, str], bool] = {}
    for info in vault.records("attachment", order="created"):
        items = exhibit_items(info.body)
        if not items:
            continue
        persons = set(shown_to.get(info.id, ()))
        if info.body.get("parent_id") in person_of:
            persons.add(person_of[info.body["parent_id"]])
        for person, item in ((p, i) for p in sorted(persons) for i in items):
            if (person, item) not in given:
                given[person, item] = allows(vault, person, item)
            if not given[person, item]:
                out.add(info.id)
                break
    return out
