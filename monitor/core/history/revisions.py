"""Revisions: the unit of history and of sync.

A revision is self-describing and content-addressed: its hash covers every field, so a revision
made on another device can be inserted here exactly as it is, and checked. The JSON form is
``resources/schema/revision.schema.json``.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from ..text import canonical_json, jcs, sha256_hex

# A revision's time is always UTC, to the microsecond, in this one form, so that comparing two
# times as strings compares them as times: 2026-03-01T09:30:00.000000Z.
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")

# Version 1: SHA-256 of Python's json.dumps form (text.canonical_json), a bare 64-hex digest.
# Version 2: "v2:" + SHA-256 of the RFC 8785 (JCS) form, which other languages reproduce.
HASH_VERSION = 2


def hash_version(digest: str) -> int:
    return 2 if digest.startswith("v2:") else 1


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

    def compute_hash(self, version: int | None = None) -> str:
        """The hash of this revision's content, in the version of its stored hash (or the current one)."""
        if version is None:
            version = hash_version(self.hash) if self.hash else HASH_VERSION
        if version == 1:
            return sha256_hex(canonical_json(self.payload()))
        return "v2:" + sha256_hex(jcs(self.payload()))

    def with_hash(self) -> "Revision":
        """This revision with its hash (current version) filled in."""
        return Revision(**{**self.__dict__, "hash": self.compute_hash(HASH_VERSION)})

    def to_json(self) -> dict[str, Any]:
        return {**self.payload(), "hash": self.hash}

    @classmethod
    def from_row(cls, row) -> "Revision":
        rev, record_id, record_type, parents, author, device, created_at, deleted, body, digest = row
        return cls(rev, record_id, record_type, tuple(json.loads(parents)), author, device,
                   created_at, bool(deleted), json.loads(body) if body is not None else None, digest)


REVISION_COLUMNS = "rev, record_id, record_type, parents, author, device, created_at, deleted, body, hash"
