"""Copies of attachments written to a file the user chose, each recorded in the audit log.

The audit entry names the attachment record and its SHA-256, never the destination path (a path
can say more than the log should).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MonitorError
from ..messages import Message

if TYPE_CHECKING:
    from ..store.vault import Vault


def export_attachment_copy(vault: "Vault", record_id: str, destination: Path | str) -> Path:
    """Write the attachment's bytes to ``destination`` (atomically) and log the export."""
    body = vault.get(record_id)
    if body["type"] != "attachment":
        raise MonitorError(Message("attachment_not_an_attachment", type=body["type"]))
    path = vault.export_attachment(body["sha256"], destination)
    vault.audit("attachment-exported", record_id=record_id, detail=f"sha256={body['sha256']} size={body['size']}")
    return path
