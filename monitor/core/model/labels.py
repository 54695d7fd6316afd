"""Short human labels for records in lists and search results (never identity fields)."""

from __future__ import annotations

from . import registry


def record_label(record: dict) -> str:
    """A short human label for lists and search results (never identity fields); each type's
    entry in the registry says how it is made."""
    return registry.record_label(record)
