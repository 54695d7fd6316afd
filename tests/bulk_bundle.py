"""Bundles of many tiny records, written as a stream (never held in memory), for the
bounded-memory tests and the million-record suite."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from monitor.core.history.revisions import Revision, utc_now
from monitor.core.sync import bundle, exchange
from monitor.core.text import canonical_json


def _lines(source, n: int, seed: int, bad_at: int | None):
    device = source.device_id
    identity = source.identity  # every revision is signed by its device (issue 17)
    for i in range(n):
        rid = str(uuid.UUID(int=(seed << 64) | (2 * i + 1), version=4))
        rev = str(uuid.UUID(int=(seed << 64) | (2 * i + 2), version=4))
        body = {"id": rid, "type": "person", "code": f"P-{2000 + seed % 100:04d}-{i:06d}"}
        if i == bad_at:
            body["code"] = 17  # a schema violation, deep in the stream
        revision = Revision(rev, rid, "person", (), "bulk", device, "2026-03-01T09:30:00.000000Z", False,
                            body).signed_by(identity)
        yield canonical_json(revision.to_json()) + b"\n"


def write(source, destination: Path, recipient: str, n: int, *, seed: int = 1, bad_at: int | None = None) -> Path:
    """A bundle from ``source`` (a vault whose signing key the receiver trusts) holding ``n``
    tiny person records; ``bad_at``: the index of one record that breaks the schema."""
    digest, size = hashlib.sha256(), 0
    for chunk in _lines(source, n, seed, bad_at):
        digest.update(chunk)
        size += len(chunk)
    audit_size, audit_sha = exchange._measure(exchange._audit_lines(source))
    head = source.conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    identity = source.identity
    manifest = {
        "created_at": utc_now(),
        "exporter": {"vault_id": source.vault_id, "device_id": source.device_id, "profile": source.profile,
                     "signing_key": identity.signing_public.hex(), "age_recipient": identity.age_recipient},
        "scope": {"kind": "all", "cases": [], "since_revision_seq": 0},
        "audit_head": {"seq": head[0], "hash": head[1]},
        "counts": {"revisions": n, "attachments": 0},
    }
    members = [bundle.Member("audit.jsonl", audit_size, audit_sha, lambda: exchange._audit_lines(source)),
               bundle.Member("revisions.jsonl", size, digest.hexdigest(), lambda: _lines(source, n, seed, bad_at))]
    bundle.write(destination, identity, manifest, members, recipients=[recipient])
    return destination
