"""Revisions: the unit of history and of sync.

A revision is self-describing and content-addressed: its hash covers every field, so a revision
made on another device can be inserted here exactly as it is, and checked. The JSON form is
``resources/schema/revision.schema.json``.
"""

from __future__ import annotations

import datetime as _dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from .text import canonical_json, sha256_hex


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Revision:
    rev: str
    record_id: str
    record_type: str
    parents: tuple[str, ...]
    author: str
    device: str
    created_at: str
    deleted: bool
    body: dict | None
    hash: str = field(default="")

    def payload(self) -> dict[str, Any]:
        return {
            "rev": self.rev,
            "record_id": self.record_id,
            "record_type": self.record_type,
            "parents": sorted(self.parents),
            "author": self.author,
            "device": self.device,
            "created_at": self.created_at,
            "deleted": self.deleted,
            "body": self.body,
        }

    def compute_hash(self) -> str:
        return sha256_hex(canonical_json(self.payload()))

    def with_hash(self) -> "Revision":
        """This revision with its hash filled in."""
        return Revision(**{**self.__dict__, "hash": self.compute_hash()})

    def to_json(self) -> dict[str, Any]:
        return {**self.payload(), "hash": self.hash}

    @classmethod
    def from_row(cls, row) -> "Revision":
        rev, record_id, record_type, parents, author, device, created_at, deleted, body, digest = row
        return cls(rev, record_id, record_type, tuple(json.loads(parents)), author, device,
                   created_at, bool(deleted), json.loads(body) if body is not None else None, digest)


REVISION_COLUMNS = "rev, record_id, record_type, parents, author, device, created_at, deleted, body, hash"
