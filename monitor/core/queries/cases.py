"""Case listings shared by the CLI and the GUI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import MonitorError

if TYPE_CHECKING:
    from ..store.vault import Vault


def case_rows(vault: "Vault", *, status: str | None = None, lang: str = "en",
              limit: int | None = None, offset: int = 0) -> list[dict]:
    """Live cases sorted by code (Kazakh/Russian alphabetical order); a page of them with ``limit``."""
    status_labels = dict(vault.vocabulary("case_status", lang))
    facilities: dict[str, str] = {}

    def facility_name(facility_id: str | None) -> str:
        if not facility_id:
            return ""
        if facility_id not in facilities:
            try:
                facilities[facility_id] = vault.get(facility_id)["name"]
            except MonitorError:
                facilities[facility_id] = ""
        return facilities[facility_id]

    rows = []
    for info in vault.records("case", where={"status": status} if status else None, limit=limit, offset=offset):
        body = info.body
        rows.append({
            "id": info.id,
            "code": body["code"],
            "title": body["title"],
            "status": body["status"],
            "status_label": status_labels.get(body["status"], body["status"]),
            "facility": facility_name(body.get("facility_id")),
            "allegations": len(body.get("allegations", [])),
            "updated_at": info.updated_at,
            "conflict": info.conflict,
        })
    return rows
