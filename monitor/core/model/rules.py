"""Cross-field rules the JSON schemas cannot say, checked on every write (local or imported).

Single-record rules (:func:`check`): no date in the future (except fields marked ``x-future`` in
the schema, such as a recommendation's deadline); dates in order (a reply after its filing, a
judgment after the opening, an end after its start, decisions in date order); status and outcome
agree; a sentence is coherent (a life sentence has no years, probation only with a suspended
sentence, an amount only with a fine); each charge names a person or an unnamed officer.

Rules across records (:class:`CrossChecks`): a proceeding's complaint belongs to the same case.
Each broken rule raises :class:`SchemaViolation` with one line naming the field.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Iterator

from . import schema
from ..errors import SchemaViolation

# A date is "in the future" only beyond the latest zone on Earth (UTC+14), so a record written
# just after midnight in Almaty is never refused by a laptop whose clock is set to UTC.
_SLACK = _dt.timedelta(hours=14)


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def _parse(value: str, fmt: str) -> _dt.datetime | None:
    try:
        if fmt == "date":
            return _dt.datetime.combine(_dt.date.fromisoformat(value), _dt.time(), _dt.timezone.utc)
        return _dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(_dt.timezone.utc)
    except (TypeError, ValueError):
        return None


def dated_values(record: dict) -> Iterator[tuple[str, str, str, bool]]:
    """(path, value, 'date' or 'date-time', may be in the future) for every date in a record."""
    def walk(node: Any, value: Any, path: str):
        if isinstance(value, dict) and isinstance(node, dict):
            props = node.get("properties", {})
            for key, sub in value.items():
                if key in props:
                    yield from walk(props[key], sub, f"{path}.{key}" if path else key)
        elif isinstance(value, list) and isinstance(node, dict) and isinstance(node.get("items"), dict):
            for i, sub in enumerate(value):
                yield from walk(node["items"], sub, f"{path}[{i}]")
        elif isinstance(value, str) and isinstance(node, dict) and node.get("format") in ("date", "date-time"):
            yield path, value, node["format"], bool(node.get("x-future"))

    yield from walk(schema.inlined(record["type"]), record, "")


def _fail(where: str, message: str) -> None:
    raise SchemaViolation(f"{where}: {message}")


def _order(where: str, record: dict, first: str, second: str, what: str) -> None:
    a, b = _get(record, first), _get(record, second)
    if a and b and b[:10] < a[:10]:
        _fail(where, f"{second}: {b[:10]} is before {first} {a[:10]} ({what})")


def _get(record: dict, dotted: str):
    value: Any = record
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def check(record: dict, where: str, *, now: _dt.datetime | None = None) -> None:
    """Every single-record rule for one schema-valid record (raises one line)."""
    limit = (now or _now()) + _SLACK
    for path, value, fmt, future_ok in dated_values(record):
        moment = _parse(value, fmt)
        if moment is not None and not future_ok and moment > limit:
            _fail(where, f"{path}: {value[:25]} is in the future")
    checker = _BY_TYPE.get(record["type"])
    if checker is not None:
        checker(record, where)


def _case(record: dict, where: str) -> None:
    _order(where, record, "period_start", "period_end", "the period ends before it starts")
    for i, allegation in enumerate(record.get("allegations", [])):
        _order(f"{where}: allegations[{i}]", allegation, "date", "date_end", "the act ends before it starts")


def _visit(record: dict, where: str) -> None:
    _order(where, record, "date_start", "date_end", "the visit ends before it starts")
    if record.get("outcome") == "refused" and record.get("interviews_count"):
        _fail(where, "interviews_count: a visit refused at the gate has no interviews")


def _complaint(record: dict, where: str) -> None:
    _order(where, record, "date_filed", "reply_date", "a reply cannot come before the complaint was filed")
    filed = record["date_filed"]
    for i, response in enumerate(record.get("responses", [])):
        if response["date"] < filed:
            _fail(where, f"responses[{i}].date: {response['date']} is before the complaint was filed ({filed})")
    forwarded = record.get("forwarded_to", {}).get("date")
    if forwarded and forwarded < filed:
        _fail(where, f"forwarded_to.date: {forwarded} is before the complaint was filed ({filed})")


_DECIDED = {"judgment", "appeal", "closed"}


def _proceeding(record: dict, where: str) -> None:
    _order(where, record, "date_opened", "judgment_date", "a judgment cannot come before the case was opened")
    _order(where, record, "erdr_date", "judgment_date", "a judgment cannot come before registration")
    _order(where, record, "judgment_date", "appeal.date", "an appeal cannot come before the judgment")
    status, outcome = record["status"], record.get("outcome")
    if outcome in ("conviction", "acquittal") and status not in _DECIDED:
        _fail(where, f"status: '{status}' does not agree with the outcome '{outcome}' (expected judgment, appeal or closed)")
    if outcome == "refused" and status not in ("refused_to_open", "closed"):
        _fail(where, f"status: '{status}' does not agree with the outcome 'refused' (expected refused_to_open or closed)")
    if status == "refused_to_open" and outcome not in (None, "refused", "pending"):
        _fail(where, f"outcome: '{outcome}' does not agree with the status 'refused_to_open'")
    if outcome == "terminated" and status not in ("terminated", "closed"):
        _fail(where, f"status: '{status}' does not agree with the outcome 'terminated'")
    if record.get("sentence_life") and record.get("sentence_years"):
        _fail(where, "sentence_years: a life sentence has no term in years")
    previous = None
    for i, decision in enumerate(record.get("decisions", [])):
        if previous and decision["date"] < previous:
            _fail(where, f"decisions[{i}].date: {decision['date']} is before the decision above it ({previous}); list decisions in date order")
        previous = decision["date"]
    for i, charge in enumerate(record.get("charges", [])):
        _charge(charge, f"{where}: charges[{i}]", record)


def _charge(charge: dict, where: str, proceeding: dict) -> None:
    if ("person_id" in charge) == ("officer" in charge):
        _fail(where, "name the defendant either as a person (person_id) or as an unnamed officer (officer), not both or neither")
    opened = proceeding.get("date_opened")
    if opened and charge.get("verdict_date") and charge["verdict_date"] < opened:
        _fail(where, f"verdict_date: {charge['verdict_date']} is before the case was opened ({opened})")
    punishments = charge.get("punishments", [])
    if charge["verdict"] in ("acquitted", "terminated", "pending") and punishments:
        _fail(where, f"punishments: a defendant whose verdict is '{charge['verdict']}' has no punishment")
    for j, p in enumerate(punishments):
        at = f"{where}.punishments[{j}]"
        kind = p["kind"]
        if p.get("life"):
            if kind != "imprisonment":
                _fail(at, "life: only imprisonment can be for life")
            if p.get("years") or p.get("months"):
                _fail(at, "years: a life sentence has no term in years or months")
        if (p.get("probation_years") or p.get("probation_months")) and kind != "suspended_imprisonment":
            _fail(at, "probation: a probation period belongs to a suspended sentence")
        if "amount" in p and kind != "fine":
            _fail(at, "amount: only a fine has an amount")
        if kind in ("imprisonment", "suspended_imprisonment", "restriction_of_freedom", "ban_from_office") \
                and not p.get("life") and not (p.get("years") or p.get("months")):
            _fail(at, f"years: give the length of the {kind.replace('_', ' ')} (years and/or months)")


def _examination(record: dict, where: str) -> None:
    _order(where, record, "time_start", "time_end", "the examination ends before it starts")
    if record.get("private") and record.get("officer_present"):
        _fail(where, "officer_present: an examination in private has no officer present")
    for i, injury in enumerate(record.get("injuries", [])):
        side, view = injury.get("side"), injury.get("view")
        if side and view and view in ("front", "back") and side != view:
            _fail(where, f"injuries[{i}].view: '{view}' contradicts side '{side}'")


def _statistic(record: dict, where: str) -> None:
    _order(where, record, "period_start", "period_end", "the period ends before it starts")


def _consent(record: dict, where: str) -> None:
    if record.get("withdrawal") and not any(v is False for v in record["scope"].values()):
        _fail(where, "scope: a withdrawal must set at least one item to false")


_BY_TYPE: dict[str, Callable[[dict, str], None]] = {
    "case": _case, "visit": _visit, "complaint": _complaint, "proceeding": _proceeding,
    "examination": _examination, "statistic": _statistic, "consent": _consent,
}


class CrossChecks:
    """Rules that need other records: collected while a batch is checked, settled at its end."""

    def __init__(self) -> None:
        self._complaint_case: dict[str, str] = {}
        self._pending: list[tuple[str, str, str]] = []  # (where, complaint id, proceeding's case)

    def note(self, record: dict, where: str) -> None:
        if record["type"] == "complaint":
            self._complaint_case[record["id"]] = record["case_id"]
        elif record["type"] == "proceeding" and "complaint_id" in record:
            self._pending.append((where, record["complaint_id"], record["case_id"]))

    def settle(self, lookup: Callable[[str], dict | None]) -> None:
        """``lookup(id)`` gives a live record's body from the vault (None if absent)."""
        for where, complaint_id, case_id in self._pending:
            complaint_case = self._complaint_case.get(complaint_id)
            if complaint_case is None:
                body = lookup(complaint_id)
                complaint_case = body.get("case_id") if body else None
            if complaint_case is not None and complaint_case != case_id:
                _fail(where, f"complaint_id: the complaint belongs to another case ({complaint_case[:8]}), "
                             f"not this proceeding's case ({case_id[:8]})")
