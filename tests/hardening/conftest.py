"""Hardening suites: each has a quick version in the default run and a long one marked ``slow``.

    .venv/bin/python -m pytest tests/hardening              # quick versions
    .venv/bin/python -m pytest -m slow tests/hardening      # long versions

Every suite records its totals with :func:`record_totals`; they are printed at the end of the run
(in the terminal summary, also with ``-q``), so the figures can be quoted.
"""

from __future__ import annotations

import pytest

TOTALS: dict[str, dict[str, int]] = {}


def record_totals(suite: str, **counts: int) -> None:
    entry = TOTALS.setdefault(suite, {})
    for name, n in counts.items():
        entry[name] = entry.get(name, 0) + n
    print(f"[hardening] {suite}: " + ", ".join(f"{k}={v}" for k, v in entry.items()))


def pytest_terminal_summary(terminalreporter):
    if not TOTALS:
        return
    terminalreporter.section("hardening totals")
    for suite, counts in sorted(TOTALS.items()):
        terminalreporter.write_line(f"{suite}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@pytest.fixture(scope="session")
def totals():
    return record_totals
