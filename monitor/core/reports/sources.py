"""Reading the vault for a report, and the fingerprint of what was read.

**Source digest.** Every report prints, in its footer, the SHA-256 of the canonical set of
revisions it was built from:

    sha256( "\\n".join(sorted(H)) )   encoded as ASCII, printed as 64 lower-case hex digits

where ``H`` is the set of revision hashes (each revision's own SHA-256, ``revisions.hash``, the
value ``monitor dump``/bundles carry) of the current head revision of every record the report
*read*, whether or not its content was printed (a record withheld for lack of consent still
shaped the report). A record in conflict contributes every one of its heads. Shipped vocabulary
labels are not revisions and are not included; coordinator ``term`` records are, when used.

Anyone holding the same records can recompute it (``docs/reports.md`` shows how), and any
change to any record the report read changes it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterator

from ..errors import RecordNotFound
from ..messages import Message
from ..store import reading
from ..text import one_line


@dataclass(frozen=True)
class Source:
    id: str
    type: str
    body: dict
    rev: str
    hash: str
    heads: int
    created_at: str
    updated_at: str

    @property
    def conflict(self) -> bool:
        return self.heads > 1


def digest_of(hashes) -> str:
    """The source digest of a set of revision hashes (see the module docstring)."""
    return hashlib.sha256("\n".join(sorted(set(hashes))).encode("ascii")).hexdigest()


class Reader:
    """Read-only access to live records that remembers every revision it handed out."""

    def __init__(self, vault):
        self.vault = vault
        self._hashes: set[str] = set()
        self._by_record: dict[str, set[str]] = {}
        self._cache: dict[str, Source] = {}
        self._origins: dict[tuple[str, str], str | None] = {}
        self.conflicted: list[Source] = []  # records read that have unresolved concurrent versions
        self.memo: dict[str, object] = {}  # what a report reads once, not per record (evidence.py: devices, outputs)

    # --- the fingerprint -----------------------------------------------------------------------

    def _note(self, src: Source) -> Source:
        if src.conflict and src.id not in self._cache:
            self.conflicted.append(src)
        self._cache[src.id] = src
        self._hashes.add(src.hash)
        read = self._by_record.setdefault(src.id, set())
        read.add(src.hash)
        if src.heads > 1:  # every concurrent head shaped what we show, or should have
            heads = reading.head_hashes(self.vault, src.id)
            self._hashes.update(heads)
            read.update(heads)
        return src

    @property
    def digest(self) -> str:
        return digest_of(self._hashes)

    @property
    def by_record(self) -> dict[str, list[str]]:
        """Record id → the revision hashes of it that were read (what ``check-report`` compares)."""
        return {rid: sorted(hashes) for rid, hashes in sorted(self._by_record.items())}

    @property
    def count(self) -> int:
        return len(self._hashes)

    # --- reading -------------------------------------------------------------------------------

    @staticmethod
    def _row(row) -> Source:
        return Source(row[0], row[1], json.loads(row[2]), row[3], row[4], row[5], row[6], row[7])

    def get(self, record_id: str, expected: str | tuple[str, ...] | None = None) -> Source:
        src = self._cache.get(record_id)
        if src is None:
            row = reading.live(self.vault, record_id)
            if row is None:
                raise RecordNotFound(Message("record_not_found", id=one_line(str(record_id), 40)))
            src = self._note(self._row(row))
        if expected is not None:
            kinds = (expected,) if isinstance(expected, str) else expected
            if src.type not in kinds:
                raise RecordNotFound(Message("report_record_wrong_type", id=str(record_id), type=str(src.type),
                                              expected=" or ".join(kinds)))
        return src

    def maybe(self, record_id: str | None, expected=None) -> Source | None:
        if not record_id:
            return None
        try:
            return self.get(record_id, expected)
        except RecordNotFound:
            return None

    def all(self, record_type: str, **where: str) -> Iterator[Source]:
        """Every live record of a type, optionally filtered on top-level fields (oldest first)."""
        for row in reading.live_of_type(self.vault, record_type, where):
            yield self._note(self._row(row))

    def referring(self, target_id: str, record_type: str | None = None) -> Iterator[Source]:
        """Live records that name ``target_id`` in any reference field."""
        for rid in reading.referring_ids(self.vault, target_id):
            src = self.maybe(rid)
            if src is not None and (record_type is None or src.type == record_type):
                yield src

    def label(self, vocabulary: str, key: str | None, lang: str) -> str:
        """A vocabulary label; a coordinator's ``term`` record used this way counts as read."""
        if not key:
            return ""
        origin = self._origins.get((vocabulary, key), False)
        if origin is False:
            origin = self._origins[(vocabulary, key)] = reading.term_origin(self.vault, vocabulary, key)
        if origin and origin != "builtin":
            self.maybe(origin, "term")
        return self.vault.label(vocabulary, key, lang)

    def audit_for(self, record_ids, limit: int = 200) -> list[tuple]:
        """Audit entries naming any of ``record_ids`` (oldest first, at most ``limit``)."""
        out = reading.audit_for(self.vault, sorted(set(record_ids)))
        return out[-limit:] if len(out) > limit else out

    def revision_author(self, record_id: str):
        """Who made a record's first revision, as a person (name and key fingerprint), or None."""
        return reading.first_author(self.vault, record_id)

    def revision_origin(self, record_id: str) -> tuple[str, str, str] | None:
        """(author, device, created_at) of a record's first revision."""
        return reading.first_revision(self.vault, record_id)
