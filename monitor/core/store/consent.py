"""A person's current consent: the latest state of each item, from their consent records.

Consent is recorded as ``consent`` records (docs/data-model.md). Each sets some items of its
scope to given (true) or refused/withdrawn (false); an item it leaves out keeps its earlier state.
The current consent is every record folded in date order (ties by record id, so the answer does
not depend on the order records arrived in). Interviews made with schema v3 carry their consent
inside the sealed interview (``interview.consent``); it counts as a consent record dated by its
own ``date`` or, without one, the interview's date.

Everything that reads consent (reports, exports, the GUI) asks :func:`current` or :func:`allows`.
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


def events(vault: "Records", person_id: str) -> list[tuple[_dt.datetime, str, str, dict]]:
    """(moment, record id, date as written, scope) of every consent statement about a person, in order."""
    out = []
    for info in vault.records("consent", where={"person_id": person_id}, order="created"):
        body = info.body
        out.append((_moment(body["date"]), body["id"], body["date"], body["scope"]))
    for info in vault.records("interview", where={"person_id": person_id}, order="created"):
        legacy = info.body.get("consent")
        if legacy:
            date = legacy.get("date") or info.body["date"]
            out.append((_moment(date), info.id, date, {k: legacy[k] for k in _LEGACY_ITEMS if k in legacy}))
    out.sort(key=lambda e: (e[0], e[1]))
    return out


def current(vault: "Records", person_id: str) -> dict[str, ConsentState]:
    """The latest state of every consent item ever recorded for a person."""
    state: dict[str, ConsentState] = {}
    for _moment_, record_id, date, scope in events(vault, person_id):
        for item, given in scope.items():
            earlier = state.get(item)
            withdrawn = not given and earlier is not None and (earlier.given or earlier.withdrawn)
            state[item] = ConsentState(bool(given), date, record_id, withdrawn)
    return state


def allows(vault: "Records", person_id: str, item: str) -> bool:
    """Whether the person's current consent gives ``item`` (never recorded: no)."""
    if item not in SCOPE_ITEMS:
        raise ValueError(f"unknown consent item {item!r}")
    state = current(vault, person_id).get(item)
    return bool(state and state.given)
