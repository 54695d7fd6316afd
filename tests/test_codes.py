"""The next free person and case code (monitor.core.queries.codes)."""

from __future__ import annotations

from monitor.core.queries.codes import highest, next_code
from records import new_case, new_person, uid


def test_an_empty_vault_starts_at_one(vault):
    assert next_code(vault, "person", year=2026) == "P-2026-0001"
    assert next_code(vault, "case", year=2026) == "KZ-2026-0001"


def test_the_next_code_follows_the_highest_of_the_year(vault):
    vault.put(new_person(uid(1), code="P-2026-0007"))
    vault.put(new_person(uid(2), code="P-2026-0041"))
    vault.put(new_person(uid(3), code="P-2025-0900"))  # another year does not count
    vault.put(new_case(uid(4), code="KZ-2026-0012"))
    vault.put(new_case(uid(5), code="AL-2026-0099"))  # another prefix does not count
    assert next_code(vault, "person", year=2026) == "P-2026-0042"
    assert next_code(vault, "person", year=2025) == "P-2025-0901"
    assert next_code(vault, "person", year=2024) == "P-2024-0001"
    assert next_code(vault, "case", year=2026) == "KZ-2026-0013"
    assert next_code(vault, "case", year=2026, prefix="AL") == "AL-2026-0100"


def test_a_deleted_records_code_is_never_given_again(vault):
    vault.put(new_person(uid(1), code="P-2026-0005"))
    vault.delete(uid(1))
    assert next_code(vault, "person", year=2026) == "P-2026-0006"


def test_the_proposed_code_is_accepted_by_the_schema(vault):
    vault.put(new_person(uid(1), code="P-2026-123456"))
    code = next_code(vault, "person", year=2026)
    assert code == "P-2026-123457"
    vault.put(new_person(uid(2), code=code))
    assert vault.get(uid(2))["code"] == code


def test_highest_ignores_other_shapes():
    assert highest(["P-2026-0003", "P-2026-x", None, "P-2026-0002-1", "p-2026-0009"], "P", 2026) == 3
