"""Case listings shared by the CLI and the GUI."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .vault import Vault


def case_rows(vault: "Vault", *, status: str | None = None, lang: str = "en") -> list[dict]:
    """One row per live case, sorted by code (Kazakh/Russian alphabetical order)."""
    facilities = {f.id: f.body["name"] for f in vault.records("facility")}
    status_labels = dict(vault.vocabulary("case_status", lang))
    rows = []
    for info in vault.records("case"):
        body = info.body
        if status and body["status"] != status:
            continue
        rows.append({
            "id": info.id,
            "code": body["code"],
            "title": body["title"],
            "status": body["status"],
            "status_label": status_labels.get(body["status"], body["status"]),
            "facility": facilities.get(body.get("facility_id", ""), ""),
            "allegations": len(body.get("allegations", [])),
            "updated_at": info.updated_at,
            "conflict": info.conflict,
        })
    return rows
