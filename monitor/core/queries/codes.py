"""The next free person and case code, proposed when a new person or case form opens.

Codes are Latin, as the schemas require: a person ``P-<year>-<number>`` (``P-2026-0042``), a case
``<prefix>-<year>-<number>`` (``KZ-2026-0007``). The next code is one more than the highest
number already used with the same prefix and year (deleted records count too, so a code is never
given twice), written with at least four digits.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store.vault import Vault

PREFIX = {"person": "P", "case": "KZ"}
EXAMPLE = {"person": "P-2026-0042", "case": "KZ-2026-0007"}


def highest(codes, prefix: str, year: int) -> int:
    """The highest number among ``codes`` of the form ``<prefix>-<year>-<number>`` (0: none)."""
    shape = re.compile(rf"{re.escape(prefix)}-{year:04d}-([0-9]{{1,6}})")
    best = 0
    for code in codes:
        match = shape.fullmatch(code) if isinstance(code, str) else None
        if match:
            best = max(best, int(match.group(1)))
    return best


def next_code(vault: "Vault", record_type: str, *, year: int | None = None, prefix: str | None = None) -> str:
    """The next free code for a new ``record_type`` ("person" or "case") record in ``year``
    (this year by default)."""
    prefix = prefix or PREFIX[record_type]
    year = year or _dt.date.today().year
    number = highest(_codes(vault, record_type), prefix, year) + 1
    return f"{prefix}-{year:04d}-{number:04d}"


def _codes(vault: "Vault", record_type: str):
    """Every code a ``record_type`` record has had as its current or last live body."""
    for info in vault.records(record_type, include_deleted=True, order="created"):
        if isinstance(info.body, dict):
            yield info.body.get("code")
        elif info.deleted:  # a deleted record's last live body still holds its code
            for revision in reversed(vault.history(info.id)):
                if isinstance(revision.body, dict):
                    yield revision.body.get("code")
                    break
