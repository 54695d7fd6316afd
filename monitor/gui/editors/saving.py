"""One save-and-show-errors step for the record form and the interview and examination editors.

The core raises errors as values (see :mod:`monitor.core.errors`): a :class:`SchemaViolation`
carries problems, each a field path, a rule code and the rule's fields; every other error has a
code and a catalogue message. This module turns them into what a form shows, by code and never
by reading English text:

* beside a field the form can find: the short catalogue text for the rule (``field_<code>``,
  "Required.") where there is one, else the rule's own text (``rule_<code>``);
* in the banner, for a problem no field of the form holds or for any other error: the rule's
  full text, or the error's message, in the user's language.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from ...core import messages
from ...core.errors import MonitorError, SchemaViolation
from ...core.queries.codes import EXAMPLE



class FieldError(MonitorError):
    """A value in the form that cannot become a record field (``path`` names the field)."""

    def __init__(self, path: str, message: str):
        super().__init__(message)
        self.path = path


class FieldErrors(FieldError):
    """Several fields are wrong at once."""

    def __init__(self, errors: list[FieldError]):
        super().__init__(errors[0].path, str(errors[0]))
        self.errors = errors


# Rules whose short text beside a field says enough (the field itself names what is wrong).
FIELD_TEXT = {
    "required": "field_required",
    "empty": "field_required",
    "too_long": "field_too_long",
    "not_a_date": "field_not_a_date",
    "pattern": "field_pattern",
    "out_of_range": "field_out_of_range",
    "not_a_term": "field_not_a_term",
    "no_record": "field_no_record",
    "too_few_items": "field_too_few_items",
    "in_future": "field_in_future",
    "date_order": "field_date_order",
    "before_filing": "field_date_order",
    "decision_order": "field_date_order",
    "verdict_before_opened": "field_date_order",
    "status_outcome_decided": "field_disagrees",
    "status_outcome_refused": "field_disagrees",
    "status_outcome_terminated": "field_disagrees",
    "outcome_status_refused": "field_disagrees",
}


class Shown(NamedTuple):
    """One error as a form shows it: the field's path (None: the banner), the text beside the
    field, and the text for the banner when no field holds it."""

    path: str | None
    text: str
    full: str | None = None

    @property
    def banner_text(self) -> str:
        return self.full or self.text


def field_text(rule: str, fields: dict, lang: str) -> str:
    """What a form shows beside a field that breaks ``rule``."""
    short = FIELD_TEXT.get(rule)
    return messages.text(short, lang) if short else messages.text(f"rule_{rule}", lang, **fields)


def rule_text(rule: str, fields: dict, lang: str) -> str:
    """The rule's whole text (for the banner), in ``lang``."""
    return messages.text(f"rule_{rule}", lang, **fields)


Route = Callable[[str | None, str], "str | None"]


def shown_errors(exc: MonitorError, lang: str, route: Route | None = None) -> list[Shown]:
    """What to show for an error from the core. ``route(record_type, path)`` gives the owner's path
    for a problem's field (None: not one of its fields); by default the path itself."""
    if isinstance(exc, SchemaViolation) and exc.problems:
        out = []
        for problem in exc.problems:
            path = problem.path or None
            if path is not None and route is not None:
                path = route(exc.record_type, path)
            text = field_text(problem.rule, problem.fields, lang)
            if problem.rule == "pattern" and problem.path == "code" and exc.record_type in EXAMPLE:
                # a code in the wrong shape: say what a code looks like, with an example
                text = messages.text(f"field_code_{exc.record_type}", lang, example=EXAMPLE[exc.record_type])
            out.append(Shown(path, text, rule_text(problem.rule, problem.fields, lang)))
        return out
    return [Shown(None, exc.localized(lang))]


def save_and_show_errors(owner, action: Callable[[], object], *, route: Route | None = None,
                         field_prefix: str = "") -> bool:
    """Run ``action`` (build the records and store them); True if it stored them.

    Otherwise every error goes to ``owner.show_errors([Shown, ...])``, in ``owner.lang``: a form's
    own :class:`FieldError` at its path (after ``field_prefix``), a core error by its code (see
    :func:`shown_errors`).
    """
    try:
        action()
    except FieldErrors as exc:
        owner.show_errors([Shown(field_prefix + e.path, str(e)) for e in exc.errors])
    except FieldError as exc:
        owner.show_errors([Shown(field_prefix + exc.path, str(exc))])
    except MonitorError as exc:
        owner.show_errors(shown_errors(exc, owner.lang, route))
    else:
        return True
    from .focus import reveal_first_error

    reveal_first_error(owner)  # the first marked field, scrolled into view and focused
    return False


def show_error(owner, exc: MonitorError) -> None:
    """Show one error from the core that belongs to no field (sealing, a busy vault)."""
    owner.show_errors(shown_errors(exc, owner.lang))
