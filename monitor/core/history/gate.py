"""The gate: every revision, made here or on another device, is checked here before it is stored.

Two doors, one set of rules:

* :func:`check_record` and :func:`check_references` check a record that this vault's own editors
  (a form, ``load``, ``put``) want to save, against the vault as it is now; :func:`check_delete`
  checks a deletion. The vault then makes a revision of it and passes that through :func:`admit`.
* :func:`admit` checks a revision as it is (ours or another device's): its form, its hash, its
  parents, seals, and (unless the local door checked them already) its body's schema,
  vocabularies, references and attachment bytes.

All of them only read; they run inside the caller's write transaction and raise one-line typed
errors (:mod:`monitor.core.errors`). :func:`check_body` is the one place that validates a record's
content, for both doors.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import re
from typing import Iterable

from ..model import rules, schema, vocab
from ..db import Connection
from ..errors import (MonitorError, RecordInConflict, RecordNotFound, RevisionNotAuthentic, SchemaViolation,
                      SealedRecord, violation)
from ..messages import Joined, Message
from .graph import heads as _heads
from .graph import Lineage, lineage
from .revisions import SIGNATURE, TIMESTAMP, Revision, hash_version, signature_valid
from ..text import canonical_json, check_text, file_name_problem, nfc, one_line

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HASH = re.compile(r"(v2:)?[0-9a-f]{64}")
MAX_PARENTS = 100
# A revision may be dated before its parent by at most this much (devices' clocks disagree); more
# is refused: a child cannot be made before what it changes (docs/data-model.md, "Signed revisions").
CLOCK_SKEW = _dt.timedelta(hours=24)


class Batch:
    """What a batch being checked adds, so records in one file or bundle may refer to each other."""

    def __init__(self, known: dict[str, set[str]] | None = None) -> None:
        self.types: dict[str, str] = {}
        self.terms: dict[str, set[str]] = {}
        self.incoming: dict[str, str] = {}  # records that revisions in this batch bring (id -> type)
        self.cross = rules.CrossChecks()  # rules across records, settled when the batch is complete
        # A stream of revisions (a bundle) may name a record that arrives later in the same stream:
        # with a list here, such references are kept and checked by settle_deferred() at the end.
        self.deferred: list[tuple[str, str, tuple[str, ...]]] | None = None
        # attachments the bundle's exporter left out for want of consent (its signed manifest says
        # which): a revision may name one that this vault does not hold (docs/bundle-format.md)
        self.withheld: frozenset[str] = frozenset()
        self._known = known  # the vault's vocabulary keys, if the caller has them (read only)
        self._claimed: dict[str, set[str]] | None = None
        # device -> (signing key, introduced by, revoked from) as the vault had them when first asked:
        # the devices and revocations a bundle brings are learned before its revisions are read.
        self._devices: dict[str, tuple[str, str, str | None] | None] = {}

    def device(self, conn: Connection, device: str) -> tuple[str, str, str | None] | None:
        """A device's signing key (hex), who introduced it and since when its key is revoked (or
        None), asked of the vault once per batch."""
        if device not in self._devices:
            row = conn.execute(
                "SELECT k.signing_key, k.introduced_by, r.revoked_from FROM device_keys k "
                "LEFT JOIN revocations r ON r.signing_key = k.signing_key WHERE k.device = ?", (device,)).fetchone()
            self._devices[device] = tuple(row) if row is not None else None
        return self._devices[device]

    def known(self, conn: Connection) -> dict[str, set[str]]:
        """Vocabulary keys in the vault now (shipped and owned terms)."""
        if self._known is None:
            self._known = vocab.keys(conn)
        return self._known

    def claimed(self, conn: Connection) -> dict[str, set[str]]:
        """Vocabulary keys any stored `term` revision ever claimed: a revision from another device
        may use a term that was added there, whatever happened to that term record since."""
        if self._claimed is None:
            self._claimed = {name: set(keys) for name, keys in self.known(conn).items()}
            for name, key in conn.execute(
                    "SELECT json_extract(body, '$.vocabulary'), json_extract(body, '$.key') FROM revisions "
                    "WHERE record_type = 'term' AND body IS NOT NULL"):
                self._claimed.setdefault(name, set()).add(key)
        return self._claimed

    def announce(self, revisions: Iterable[Revision]) -> None:
        """Revisions that will be stored in the same transaction (a bundle): they may refer to each
        other's records and terms in any order, as records in one local batch may."""
        for revision in revisions:
            self.incoming.setdefault(revision.record_id, revision.record_type)
            body = revision.body
            if revision.record_type == "term" and isinstance(body, dict):
                if isinstance(body.get("vocabulary"), str) and isinstance(body.get("key"), str):
                    self.terms.setdefault(body["vocabulary"], set()).add(body["key"])

    def add_term(self, vocabulary: str, key: str) -> None:
        self.terms.setdefault(vocabulary, set()).add(key)
        if self._claimed is not None:
            self._claimed.setdefault(vocabulary, set()).add(key)


def check_body(record: dict, where: str) -> str:
    """Validate a record's content on its own: the one place both doors call (schema, then
    per-record rules). Returns its type or raises :class:`SchemaViolation`."""
    record_type = schema.validate(record, where)
    rules.check(record, where)
    if record_type == "attachment" and "original_name" in record:
        problem = file_name_problem(record["original_name"])  # the one rule for names, from anywhere
        if problem:
            raise SchemaViolation(Joined(where, "original_name", problem))
    return record_type


def _current(conn: Connection, record_id: str):
    return conn.execute(
        "SELECT r.type, r.sealed, r.deleted, v.body, r.heads FROM records r JOIN revisions v ON v.rev = r.head "
        "WHERE r.id = ?", (record_id,)).fetchone()


def conflict_message(record_type: str, record_id: str, versions: int) -> Message:
    return Message("gate_conflict", type=record_type, id=record_id, n=versions, id2=record_id)


def check_record(conn: Connection, record: dict, where: str, batch: Batch, *, blob_known: bool = True,
                 resolving: bool = False) -> list:
    """Everything that can be checked about one record a local editor wants to save (raises one line).

    Returns the record's annotated values (see :func:`schema.annotated_values`) for reuse.
    ``resolving``: the record is the chosen version of a conflict being resolved.
    """
    record_type = check_body(record, where)
    check_text(record, where)
    rid = record["id"]
    where = f"{where} ({record_type} {rid[:8]})"
    if rid in batch.types:
        raise violation(where, "", "duplicate_id", record_type=record_type, id=rid)
    batch.cross.note(record, where)
    row = _current(conn, rid)
    if row is not None:
        if row[0] != record_type:
            raise violation(where, "", "id_other_type", record_type=record_type, id=rid, existing=row[0], type=record_type)
        unchanged = row[3] is not None and json.loads(row[3]) == record
        if record_type == "attachment" and not unchanged:
            _check_attachment_not_sealed(conn, record, where)  # says why: sealed with its interview
        if row[1] and not row[2] and not unchanged:
            raise SealedRecord(Message("gate_sealed_changed", where=where, type=record_type))
        if record_type == "addendum" and not row[2] and not unchanged:
            raise SealedRecord(Message("gate_addendum_changed", where=where))
        if row[4] > 1 and not unchanged and not resolving:
            raise RecordInConflict(Message("gate_conflict_where", where=where, type=record_type, id=rid, n=row[4], id2=rid))
    known = batch.known(conn)
    annotated = list(schema.annotated_values(record))
    for item in annotated:
        if item.vocabulary:
            if item.value not in known.get(item.vocabulary, ()) and item.value not in batch.terms.get(item.vocabulary, ()):
                raise violation(where, item.path, "not_a_term", record_type=record_type,
                                value=one_line(item.value, 40), vocabulary=item.vocabulary)
    if record_type == "term":
        _check_term(conn, record, where, batch)
        owner = conn.execute(
            "SELECT origin FROM vocab_terms WHERE vocabulary = ? AND key = ?", (record["vocabulary"], record["key"])
        ).fetchone()
        if owner is not None and owner[0] != rid:
            raise violation(where, "", "term_exists", record_type="term", vocabulary=record["vocabulary"], key=record["key"])
        batch.add_term(record["vocabulary"], record["key"])
    if record_type == "attachment" and blob_known:
        _check_blob(conn, record, where)
    if record_type == "attachment" and row is None:
        _check_attachment_not_sealed(conn, record, where)
    batch.types[rid] = record_type
    return annotated


def _sealed_recording(conn: Connection, body: dict | None) -> bool:
    """Whether ``body`` is an audio recording of a sealed interview: the seal covers it too."""
    if not body or not str(body.get("mime_type", "")).startswith("audio/") or not body.get("parent_id"):
        return False
    parent = conn.execute("SELECT type, sealed FROM records WHERE id = ?", (body["parent_id"],)).fetchone()
    return parent is not None and parent[0] == "interview" and bool(parent[1])


def _check_attachment_not_sealed(conn: Connection, record: dict, where: str) -> None:
    """A local save of an attachment: it may not add a recording to a sealed interview, nor change a
    recording whose record, as it is now, names one (an interview sealed before its recordings were
    sealed with it), nor change a file sealed with its interview or examination (:meth:`Vault.seal`
    seals them; the generic check would refuse it too, with a message that does not say why)."""
    row = _current(conn, record["id"])
    before = json.loads(row[3]) if row is not None and row[3] is not None and not row[2] else None
    if _sealed_recording(conn, record):
        raise SealedRecord(Message("gate_recording_sealed", where=where))
    refusal = _attachment_seal(conn, before, where)
    if refusal is not None:
        raise SealedRecord(refusal)


def _attachment_seal(conn: Connection, body: dict | None, where: str) -> Message | None:
    """Why the attachment ``body`` (its current version) may not change or go, or None: it is a
    recording of a sealed interview, or a file sealed with its interview or examination."""
    if _sealed_recording(conn, body):
        return Message("gate_recording_sealed", where=where)
    if body is not None and body.get("sealed") is True:
        return Message("gate_exhibit_sealed", where=where)
    return None


def _check_term(conn: Connection, record: dict, where: str, batch: Batch) -> None:
    name, key = record["vocabulary"], record["key"]
    vocabulary = conn.execute("SELECT closed FROM vocabularies WHERE name = ?", (name,)).fetchone()
    if vocabulary is None:
        raise violation(where, "vocabulary", "no_vocabulary", record_type="term", name=one_line(name, 40))
    if vocabulary[0]:
        raise violation(where, "", "closed_vocabulary", record_type="term", vocabulary=name)
    builtin = conn.execute("SELECT 1 FROM vocab_terms WHERE vocabulary = ? AND key = ? AND origin = 'builtin'",
                           (name, key)).fetchone()
    if builtin is not None:
        raise violation(where, "", "term_exists", record_type="term", vocabulary=name, key=key)


def _check_blob(conn: Connection, record: dict, where: str) -> None:
    stored = conn.execute("SELECT size FROM blobs WHERE sha256 = ?", (record["sha256"],)).fetchone()
    if stored is None:
        raise violation(where, "sha256", "no_blob", record_type="attachment")
    if stored[0] != record["size"]:
        raise violation(where, "size", "size_mismatch", record_type="attachment", size=record["size"], stored=stored[0])


def check_references(conn: Connection, refs: Iterable[tuple[str, str, str, "schema.Annotated"]], batch: Batch,
                     *, live: bool = True) -> None:
    """Every reference names a record of an allowed type, in the vault or in the batch.

    ``live`` (a local save): the record must not be deleted. A revision from another device only
    needs the record to exist: whether it was deleted meanwhile depends on which bundle came first.
    """
    for label, record_type, record_id, item in refs:
        who = f"{label} ({record_type} {record_id[:8]})"
        where = f"{who}: {item.path}"
        target_type = batch.types.get(item.value) or (None if live else batch.incoming.get(item.value))
        if target_type is None:
            row = conn.execute("SELECT type, deleted FROM records WHERE id = ?", (item.value,)).fetchone()
            if row is None and not live and batch.deferred is not None:
                batch.deferred.append((where, item.value, tuple(item.ref)))
                continue
            if row is None or (live and row[1]):
                raise violation(who, item.path, "no_record", record_type=record_type, id=item.value)
            target_type = row[0]
        if "*" not in item.ref and target_type not in item.ref:
            raise violation(who, item.path, "wrong_target", record_type=record_type, id=item.value,
                            target=target_type, expected=" or ".join(item.ref))


def settle_deferred(conn: Connection, batch: Batch) -> None:
    """Check the references a stream kept for its end (see :attr:`Batch.deferred`)."""
    for where, target, allowed in batch.deferred or ():
        row = conn.execute("SELECT type FROM records WHERE id = ?", (target,)).fetchone()
        if row is None and target in batch.withheld and ("*" in allowed or "attachment" in allowed):
            continue  # a photo or recording withheld for consent: it travels once consent is in force
        if row is None:
            raise SchemaViolation(Joined(where, Message("record_not_found", id=target)))
        if "*" not in allowed and row[0] not in allowed:
            raise SchemaViolation(Joined(where, Message("rule_wrong_target", id=target, target=row[0],
                                                         expected=" or ".join(allowed))))
    if batch.deferred:
        batch.deferred.clear()


def check_delete(conn: Connection, record_id: str) -> str:
    """A local deletion: the record is live, not sealed, not an addendum, not in conflict and not
    referred to by any live record. Returns its type."""
    row = _current(conn, record_id)
    if row is None:
        raise RecordNotFound(Message("record_not_found", id=one_line(record_id, 40)))
    record_type = row[0]
    if row[2]:
        raise RecordNotFound(Message("gate_already_deleted", id=record_id))
    refusal = _attachment_seal(conn, json.loads(row[3]), record_id) if record_type == "attachment" else None
    if refusal is not None:
        raise SealedRecord(refusal)
    if row[1]:
        raise SealedRecord(Message("gate_sealed_delete", type=record_type, id=record_id))
    if record_type == "addendum":
        raise SealedRecord(Message("gate_addendum_delete", id=record_id))
    if row[4] > 1:
        raise RecordInConflict(conflict_message(record_type, record_id, row[4]))
    _check_unreferenced(conn, record_type, record_id)
    return record_type


def check_resolution(conn: Connection, record_id: str, body: dict | None,
                     heads: Iterable[str]) -> tuple[str, dict | None, list[str]]:
    """An explicit resolve of a conflict: ``heads`` must be every head the record has now (as the
    review showed them), and ``body`` (None: delete the record) must pass a local save's checks.
    Returns the record's type, the body to store (NFC) and the heads, sorted."""
    row = _current(conn, record_id)
    if row is None:
        raise RecordNotFound(Message("record_not_found", id=one_line(record_id, 40)))
    record_type, sealed, _deleted, _body, versions = row
    current = _heads(conn, record_id)
    if sorted(set(heads)) != current:
        raise RecordInConflict(Message("gate_versions_changed", type=record_type, id=record_id, n=len(current),
                                       revs=", ".join(r[:8] for r in current)))
    rejected = conn.execute("SELECT count(*) FROM revision_graph WHERE record_id = ? AND rejected = 1",
                            (record_id,)).fetchone()[0]
    if versions < 2 and not rejected:
        raise MonitorError(Message("gate_no_conflict", type=record_type, id=record_id))
    if body is None:
        if sealed:
            raise SealedRecord(Message("gate_sealed_delete", type=record_type, id=record_id))
        if record_type == "addendum":
            raise SealedRecord(Message("gate_addendum_delete", id=record_id))
        _check_unreferenced(conn, record_type, record_id)
        return record_type, None, current
    where = "chosen version"
    schema.check_structure(body, where)
    body = nfc(body)
    if not isinstance(body, dict) or body.get("id") != record_id or body.get("type") != record_type:
        raise SchemaViolation(Message("gate_id_and_type", where=where, type=record_type, id=record_id))
    batch = Batch()
    annotated = check_record(conn, body, where, batch, resolving=True)
    check_references(conn, [(where, record_type, record_id, item) for item in schema.references(body, annotated)],
                     batch)
    return record_type, body, current


def _check_unreferenced(conn: Connection, record_type: str, record_id: str, where: str = "") -> None:
    users = conn.execute(
        "SELECT r.id, f.field FROM refs f JOIN records r ON r.rowid = f.source WHERE f.target_id = ? "
        "ORDER BY r.id, f.field", (record_id,)).fetchall()
    if users:
        raise SchemaViolation(Joined(where, Message("gate_still_referred", type=record_type, id=record_id,
                                                    n=len(users), first=users[0][0], field=users[0][1])))


def _check_form(revision: Revision, where: str) -> None:
    """The revision's own fields, before anything reads its content."""
    for name in ("rev", "record_id", "device"):
        value = getattr(revision, name)
        if not isinstance(value, str) or not _UUID.fullmatch(value):
            raise SchemaViolation(Joined(where, name, Message("gate_not_a_uuid", value=one_line(str(value), 40))))
    if revision.record_type not in schema.RECORD_TYPES:
        raise SchemaViolation(Joined(where, Message("record_type_unknown",
                                                    type=one_line(str(revision.record_type), 30))))
    if not isinstance(revision.author, str) or len(revision.author) > 2000:  # as revision.schema.json says
        raise SchemaViolation(Joined(where, "author", Message("gate_author_too_long")))
    if not isinstance(revision.created_at, str) or not TIMESTAMP.fullmatch(revision.created_at) \
            or _when(revision.created_at) is None:
        raise SchemaViolation(Joined(where, "created_at",
                                     Message("gate_not_utc", value=one_line(str(revision.created_at), 40))))
    if not isinstance(revision.parents, (tuple, list)) or len(revision.parents) > MAX_PARENTS:
        raise SchemaViolation(Joined(where, "parents", Message("gate_too_many_parents", limit=MAX_PARENTS)))
    if len(set(revision.parents)) != len(revision.parents) or revision.rev in revision.parents:
        raise SchemaViolation(Joined(where, "parents", Message("gate_parent_twice")))
    for parent in revision.parents:
        if not isinstance(parent, str) or not _UUID.fullmatch(parent):
            raise SchemaViolation(Joined(where, "parents",
                                         Message("gate_not_a_revision_id", value=one_line(str(parent), 40))))
    if not isinstance(revision.deleted, bool):
        raise SchemaViolation(Joined(where, "deleted", Message("gate_not_a_boolean")))
    if revision.deleted != (revision.body is None):
        raise SchemaViolation(Joined(where, Message("gate_deletion_body")))
    if not isinstance(revision.hash, str) or not _HASH.fullmatch(revision.hash):
        raise SchemaViolation(Joined(where, "hash", Message("gate_not_a_digest")))


def admit(conn: Connection, revision: Revision, batch: Batch | None = None, *,
          body_checked: bool = False, hash_checked: bool = False) -> Lineage | None:
    """Check one revision for storing as it is. Returns its place in the graph, to hand to
    :func:`monitor.core.history.graph.insert`, or None if it is stored already (a no-op).

    ``body_checked``: a revision this vault just made, whose body the local door validated
    (:func:`check_record` or :func:`check_delete`) against the vault as it is now and whose hash
    it just computed; the checks of the revision's place in history (form, parents, seals, id
    and type) run regardless. ``hash_checked``: the caller checked the structure of the whole
    revision (:func:`schema.check_structure`) and recomputed its hash from its fields and compared
    it already (a bundle's reader does, line by line), so neither is done a second time here.
    """
    batch = batch if batch is not None else Batch()
    where = f"revision {one_line(str(revision.rev), 36)}"
    _check_form(revision, where)
    where = f"revision {revision.rev} ({revision.record_type} {revision.record_id[:8]})"
    if not body_checked:
        if not hash_checked:
            schema.check_structure(revision.body, where)
        check_text(revision.payload(), where)
    if not body_checked and not hash_checked \
            and revision.hash != revision.compute_hash(hash_version(revision.hash)):
        raise SchemaViolation(Joined(where, Message("gate_hash_mismatch")))
    stored, existing = conn.execute(
        "SELECT (SELECT hash FROM revisions WHERE rev = ?), "
        "(SELECT record_type FROM revisions WHERE record_id = ? LIMIT 1)", (revision.rev, revision.record_id)).fetchone()
    if stored is not None:
        if stored == revision.hash:
            return None
        raise SchemaViolation(Joined(where, Message("gate_revision_id_taken")))
    if existing is not None and existing != revision.record_type:
        raise SchemaViolation(Joined(where, Message("gate_record_other_type", id=revision.record_id, existing=existing,
                                                     type=revision.record_type)))
    _check_signature(conn, revision, where, batch, local=body_checked)
    _check_parents(conn, revision, where)
    line = lineage(conn, revision.parents, record_type=revision.record_type, deleted=revision.deleted,
                   body=revision.body, rev=revision.rev)
    if existing is None:  # no revision of this record is stored: graph.insert need not read its view back
        line = dataclasses.replace(line, first=True)
    if line.seal is not None and line.seal != revision.rev:
        sealed = conn.execute("SELECT body FROM revisions WHERE rev = ?", (line.seal,)).fetchone()[0]
        if revision.deleted:
            raise SealedRecord(Joined(where, Message("gate_sealed_never_deleted", type=revision.record_type,
                                                     seal=line.seal)))
        if canonical_json(revision.body).decode("utf-8") != sealed:
            what = Message("gate_addendum_written") if revision.record_type == "addendum" else \
                Message("gate_sealed_never_changed", type=revision.record_type, seal=line.seal)
            raise SealedRecord(Joined(where, what))
    if revision.deleted:
        if not revision.parents:
            raise SchemaViolation(Joined(where, Message("gate_deletion_no_parent")))
        if not body_checked:
            _check_unreferenced(conn, revision.record_type, revision.record_id, where)
        return line
    body = revision.body
    if body.get("id") != revision.record_id or body.get("type") != revision.record_type:
        raise SchemaViolation(Joined(where, Message("gate_body_id_type", type=revision.record_type,
                                                    id=revision.record_id)))
    if not body_checked:
        _check_foreign_body(conn, revision, where, batch)
    return line


def _check_signature(conn: Connection, revision: Revision, where: str, batch: Batch, *, local: bool) -> None:
    """The revision is signed by the device it names, with the key this vault knows for that
    device; one received from elsewhere does not claim to be made by this vault's own device."""
    row = batch.device(conn, revision.device)
    if row is None:
        raise RevisionNotAuthentic(Joined(where, Message("gate_unknown_device", device=revision.device)))
    if row[1] == "self" and not local:
        raise RevisionNotAuthentic(Joined(where, Message("gate_own_device", device=revision.device)))
    if not SIGNATURE.fullmatch(revision.signature or ""):
        raise RevisionNotAuthentic(Joined(where, Message("gate_unsigned")))
    if not signature_valid(row[0], revision.signature, revision.hash):
        raise RevisionNotAuthentic(Joined(where, Message("gate_bad_signature", device=revision.device)))
    if row[2] is not None and revision.created_at >= row[2]:
        raise RevisionNotAuthentic(Joined(where, Message("gate_revoked", device=revision.device, since=row[2])))


def _when(stamp: str) -> _dt.datetime | None:
    if isinstance(stamp, str) and TIMESTAMP.fullmatch(stamp):  # the one form: read without strptime
        try:
            return _dt.datetime.fromisoformat(stamp[:-1])
        except ValueError:
            pass  # strptime decides, as it always did
    try:
        return _dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ")
    except (TypeError, ValueError):
        return None


def _check_parents(conn: Connection, revision: Revision, where: str) -> None:
    if not revision.parents:
        return
    marks = ",".join("?" * len(revision.parents))
    found = {rev: (record_id, created_at) for rev, record_id, created_at in conn.execute(
        f"SELECT rev, record_id, created_at FROM revisions WHERE rev IN ({marks})", list(revision.parents))}
    for parent in revision.parents:
        if parent not in found:
            raise SchemaViolation(Joined(where, Message("gate_parent_missing", parent=parent)))
        if found[parent][0] != revision.record_id:
            raise SchemaViolation(Joined(where, Message("gate_parent_other_record", parent=parent,
                                                        record=found[parent][0])))
        parent_at = _when(found[parent][1])
        if parent_at is not None and _when(revision.created_at) < parent_at - CLOCK_SKEW:
            raise SchemaViolation(Joined(where, Message("gate_before_parent", at=revision.created_at, parent=parent,
                                                        parent_at=found[parent][1],
                                                        hours=int(CLOCK_SKEW.total_seconds() // 3600))))


def _check_foreign_body(conn: Connection, revision: Revision, where: str, batch: Batch) -> None:
    """The body of a revision from elsewhere: the same content rules as a local save."""
    body = revision.body
    if nfc(body) != body:
        raise SchemaViolation(Joined(where, Message("gate_not_nfc")))
    check_body(body, where)
    claimed = batch.claimed(conn)
    annotated = list(schema.annotated_values(body))
    for item in annotated:
        if item.vocabulary and item.value not in claimed.get(item.vocabulary, ()) \
                and item.value not in batch.terms.get(item.vocabulary, ()):
            raise SchemaViolation(Joined(where, item.path, Message("rule_not_a_term", value=one_line(item.value, 40),
                                                                   vocabulary=item.vocabulary)))
    if revision.record_type == "term":
        _check_term(conn, body, where, batch)
        batch.add_term(body["vocabulary"], body["key"])
    if revision.record_type == "attachment":
        _check_blob(conn, body, where)
    refs = [(where, revision.record_type, revision.record_id, item) for item in schema.references(body, annotated)]
    check_references(conn, [(f"revision {revision.rev}", t, i, item) for _, t, i, item in refs], batch, live=False)

