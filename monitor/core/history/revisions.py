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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..text import canonical_json, jcs, sha256_hex

# A revision's time is always UTC, to the microsecond, in this one form, so that comparing two
# times as strings compares them as times: 2026-03-01T09:30:00.000000Z.
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")

# Version 1: SHA-256 of Python's json.dumps form (text.canonical_json), a bare 64-hex digest.
# Version 2: "v2:" + SHA-256 of the RFC 8785 (JCS) form, which other languages reproduce.
HASH_VERSION = 2


# Every revision made since schema 6 is signed by the device that made it: Ed25519, with that
# device's key, over this context followed by the revision's hash (ASCII). The signature is not part
# of the hash (old hashes stay valid); it is stored beside the revision and travels with it.
SIGNATURE_CONTEXT = b"monitor-revision-v1\0"
SIGNATURE = re.compile(r"[0-9a-f]{128}")


class Signer(Protocol):
    def sign(self, data: bytes) -> bytes: ...


def signed_data(digest: str) -> bytes:
    return SIGNATURE_CONTEXT + digest.encode("ascii")


def signature_valid(public_key_hex: str, signature_hex: str, digest: str) -> bool:
    """Whether ``signature_hex`` is a valid signature of the revision hash ``digest`` by the key."""
    if not SIGNATURE.fullmatch(signature_hex or "") or not re.fullmatch(r"[0-9a-f]{64}", public_key_hex or ""):
        return False
    try:
        _public_key(public_key_hex).verify(bytes.fromhex(signature_hex), signed_data(digest))
        return True
    except (InvalidSignature, ValueError):
        return False


@lru_cache(maxsize=256)
def _public_key(public_key_hex: str) -> Ed25519PublicKey:
    """A device's key, parsed once (a bundle's revisions come from a handful of devices)."""
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))


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
    signature: str = field(default="")  # hex Ed25519 signature of the hash; "" = unsigned (from before signatures)

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

    def signed_by(self, signer: Signer) -> Revision:
        """This revision (its hash filled in) with its device's signature over the hash."""
        revision = self if self.hash else self.with_hash()
        return replace(revision, signature=signer.sign(signed_data(revision.hash)).hex())

    def to_json(self) -> dict[str, Any]:
        data = {**self.payload(), "hash": self.hash}
        if self.signature:
            data["signature"] = self.signature
        return data

    @classmethod
    def from_row(cls, row) -> "Revision":
        """From the REVISION_COLUMNS of a row, optionally followed by its signature (or NULL)."""
        rev, record_id, record_type, parents, author, device, created_at, deleted, body, digest = row[:10]
        signature = (row[10] or "") if len(row) > 10 else ""
        return cls(rev, record_id, record_type, tuple(json.loads(parents)), author, device,
                   created_at, bool(deleted), json.loads(body) if body is not None else None, digest, signature)


REVISION_COLUMNS = "rev, record_id, record_type, parents, author, device, created_at, deleted, body, hash"
