"""Cross-field rules the JSON schemas cannot say, checked on every write (local or imported).

Single-record rules (:func:`check`): no date in the future (except fields marked ``x-future`` in
the schema, such as a recommendation's deadline); dates in order (a reply after its filing, a
judgment after the opening, an end after its start, decisions in date order); status and outcome
agree; a sentence is coherent (a life sentence has no years, probation only with a suspended
sentence, an amount only with a fine); each charge names a person or an unnamed officer.

Rules across records (:class:`CrossChecks`): a proceeding's complaint belongs to the same case.
Each broken rule raises :class:`SchemaViolation` with one line naming the field, and one
structured problem (the field path, the rule's code and its fields; see
:func:`monitor.core.errors.violation`), whose ``rule_<code>`` text is in the message catalogue.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Iterator

from . import schema
from ..errors import violation
from ..messages import Message

# A date is "in the future" only beyond the latest zone on Earth (UTC+14), so a record written
# just after midnight in Almaty is never refused by a laptop whose clock is set to UTC.
_SLACK = _dt.timedelta(hours=14)


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def _parse(value: str, fmt: str) -> _dt.datetime | None:
    try:
        if fmt == "partial-date":  # a month or a year: its first day
            value = (value + "-01-01")[:10] if len(value) < 10 else value
            fmt = "date"
        if fmt == "date":
            return _dt.datetime.combine(_dt.date.fromisoformat(value), _dt.time(), _dt.timezone.utc)
        return _dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(_dt.timezone.utc)
    except (TypeError, ValueError):
        return None


def dated_values(record: dict) -> Iterator[tuple[str, str, str, bool]]:
    """(path, value, 'date', 'date-time' or 'partial-date', may be in the future) for every date in a record."""
    def walk(node: Any, value: Any, path: str):
        if isinstance(value, dict) and isinstance(node, dict):
            props = node.get("properties", {})
            for key, sub in value.items():
                if key in props:
                    yield from walk(props[key], sub, f"{path}.{key}" if path else key)
        elif isinstance(value, list) and isinstance(node, dict) and isinstance(node.get("items"), dict):
            for i, sub in enumerate(value):
                yield from walk(node["items"], sub, f"{path}[{i}]")
        elif isinstance(value, str) and isinstance(node, dict) and node.get("format") in ("date", "date-time", "partial-date"):
            yield path, value, node["format"], bool(node.get("x-future"))

    yield from walk(schema.inlined(record["type"]), record, "")


def _fail(where: str, at: tuple[str, ...], rule: str, record_type: str, **fields) -> None:
    """Raise the broken ``rule`` at the field named by ``at`` (the segments the English line joins
    with ": ", e.g. ("charges[0].punishments[1]", "life"))."""
    path = ".".join(at).replace(".[", "[")
    raise violation(where, path, rule, record_type=record_type, shown_path=": ".join(at), **fields)


def _order(where: str, record: dict, first: str, second: str, what: str, record_type: str,
           at: tuple[str, ...] = ()) -> None:
    a, b = _get(record, first), _get(record, second)
    # A partial date (a month, a year) is compared as far as both are known: March 2025 is not
    # before 15 March 2025.
    known = min(len(a), len(b), 10) if a and b else 10
    if a and b and b[:known] < a[:known]:
        _fail(where, (*at, second), "date_order", record_type, value=b[:10], first=first, earlier=a[:10],
              what=Message(what))


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
            _fail(where, (path,), "in_future", record["type"], value=value[:25])
    checker = _BY_TYPE.get(record["type"])
    if checker is not None:
        checker(record, where)


def _case(record: dict, where: str) -> None:
    _order(where, record, "period_start", "period_end", "order_period", "case")
    for i, allegation in enumerate(record.get("allegations", [])):
        _order(where, allegation, "date", "date_end", "order_act", "case", (f"allegations[{i}]",))


def _visit(record: dict, where: str) -> None:
    _order(where, record, "date_start", "date_end", "order_visit", "visit")
    if record.get("outcome") == "refused" and record.get("interviews_count"):
        _fail(where, ("interviews_count",), "refused_visit_interviews", "visit")


def _complaint(record: dict, where: str) -> None:
    _order(where, record, "date_filed", "reply_date", "order_reply", "complaint")
    filed = record["date_filed"]
    for i, response in enumerate(record.get("responses", [])):
        if response["date"] < filed:
            _fail(where, (f"responses[{i}].date",), "before_filing", "complaint", value=response["date"], filed=filed)
    forwarded = record.get("forwarded_to", {}).get("date")
    if forwarded and forwarded < filed:
        _fail(where, ("forwarded_to.date",), "before_filing", "complaint", value=forwarded, filed=filed)


_DECIDED = {"judgment", "appeal", "closed"}


def _proceeding(record: dict, where: str) -> None:
    _order(where, record, "date_opened", "judgment_date", "order_judgment_opened", "proceeding")
    _order(where, record, "erdr_date", "judgment_date", "order_judgment_registered", "proceeding")
    _order(where, record, "judgment_date", "appeal.date", "order_appeal", "proceeding")
    status, outcome = record["status"], record.get("outcome")
    t = "proceeding"
    if outcome in ("conviction", "acquittal") and status not in _DECIDED:
        _fail(where, ("status",), "status_outcome_decided", t, status=status, outcome=outcome)
    if outcome == "refused" and status not in ("refused_to_open", "closed"):
        _fail(where, ("status",), "status_outcome_refused", t, status=status)
    if status == "refused_to_open" and outcome not in (None, "refused", "pending"):
        _fail(where, ("outcome",), "outcome_status_refused", t, outcome=outcome)
    if outcome == "terminated" and status not in ("terminated", "closed"):
        _fail(where, ("status",), "status_outcome_terminated", t, status=status)
    if record.get("sentence_life") and record.get("sentence_years"):
        _fail(where, ("sentence_years",), "life_no_years", t)
    previous = None
    for i, decision in enumerate(record.get("decisions", [])):
        if previous and decision["date"] < previous:
            _fail(where, (f"decisions[{i}].date",), "decision_order", t, value=decision["date"], previous=previous)
        previous = decision["date"]
    for i, charge in enumerate(record.get("charges", [])):
        _charge(charge, where, f"charges[{i}]", record)


def _charge(charge: dict, where: str, at: str, proceeding: dict) -> None:
    t = "proceeding"
    if ("person_id" in charge) == ("officer" in charge):
        _fail(where, (at,), "charge_defendant", t)
    opened = proceeding.get("date_opened")
    if opened and charge.get("verdict_date") and charge["verdict_date"] < opened:
        _fail(where, (at, "verdict_date"), "verdict_before_opened", t, value=charge["verdict_date"], opened=opened)
    punishments = charge.get("punishments", [])
    if charge["verdict"] in ("acquitted", "terminated", "pending") and punishments:
        _fail(where, (at, "punishments"), "verdict_no_punishment", t, verdict=charge["verdict"])
    for j, p in enumerate(punishments):
        here = f"{at}.punishments[{j}]"
        kind = p["kind"]
        if p.get("life"):
            if kind != "imprisonment":
                _fail(where, (here, "life"), "life_imprisonment_only", t)
            if p.get("years") or p.get("months"):
                _fail(where, (here, "years"), "life_no_term", t)
        if (p.get("probation_years") or p.get("probation_months")) and kind != "suspended_imprisonment":
            _fail(where, (here, "probation"), "probation_suspended", t)
        if "amount" in p and kind != "fine":
            _fail(where, (here, "amount"), "amount_fine", t)
        if kind in ("imprisonment", "suspended_imprisonment", "restriction_of_freedom", "ban_from_office") \
                and not p.get("life") and not (p.get("years") or p.get("months")):
            _fail(where, (here, "years"), "sentence_length", t, kind=kind.replace("_", " "))


def _examination(record: dict, where: str) -> None:
    _order(where, record, "time_start", "time_end", "order_examination", "examination")
    if record.get("private") and record.get("officer_present"):
        _fail(where, ("officer_present",), "private_officer", "examination")
    _order(where, record, "date", "signing_date", "order_signing", "examination")
    for key, system in (record.get("systems") or {}).items():  # "no abnormality" and findings contradict
        if system.get("normal") is True and system.get("abnormal_findings"):
            _fail(where, (f"systems.{key}", "normal"), "system_normal_findings", "examination")
    for i, injury in enumerate(record.get("injuries", [])):
        side, view = injury.get("side"), injury.get("view")
        if side and view and view in ("front", "back") and side != view:
            _fail(where, (f"injuries[{i}].view",), "view_side", "examination", view=view, side=side)


def _statistic(record: dict, where: str) -> None:
    _order(where, record, "period_start", "period_end", "order_period", "statistic")


def _consent(record: dict, where: str) -> None:
    if record.get("withdrawal") and not any(v is False for v in record["scope"].values()):
        _fail(where, ("scope",), "withdrawal_scope", "consent")


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
                _fail(where, ("complaint_id",), "complaint_other_case", "proceeding",
                      complaint_case=complaint_case[:8], case=case_id[:8])
