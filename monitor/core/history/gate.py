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

import json
import re
from typing import Iterable

from ..model import rules, schema, vocab
from ..db import Connection
from ..errors import MonitorError, RecordInConflict, RecordNotFound, SchemaViolation, SealedRecord, violation
from ..messages import Message
from .graph import heads as _heads
from .graph import Lineage, lineage
from .revisions import TIMESTAMP, Revision, hash_version
from ..text import canonical_json, check_text, file_name_problem, nfc, one_line

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HASH = re.compile(r"(v2:)?[0-9a-f]{64}")
MAX_PARENTS = 100


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
        self._known = known  # the vault's vocabulary keys, if the caller has them (read only)
        self._claimed: dict[str, set[str]] | None = None

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
            raise SchemaViolation(f"{where}: original_name: {problem}")
    return record_type


def _current(conn: Connection, record_id: str):
    return conn.execute(
        "SELECT r.type, r.sealed, r.deleted, v.body, r.heads FROM records r JOIN revisions v ON v.rev = r.head "
        "WHERE r.id = ?", (record_id,)).fetchone()


def conflict_message(record_type: str, record_id: str, versions: int) -> str:
    return (f"{record_type} {record_id} has {versions} conflicting versions from different devices; "
            f"review them with 'monitor conflicts {record_id}' (or the Conflicts page) and choose one "
            "with 'monitor resolve' before editing it")


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
        if row[1] and not row[2] and not unchanged:
            raise SealedRecord(Message("gate_sealed_changed", where=where, type=record_type))
        if record_type == "addendum" and not row[2] and not unchanged:
            raise SealedRecord(f"{where}: an addendum cannot be changed once written; add another addendum")
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
    batch.types[rid] = record_type
    return annotated


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
        if row is None:
            raise SchemaViolation(f"{where}: no record with id {target}")
        if "*" not in allowed and row[0] not in allowed:
            raise SchemaViolation(f"{where}: {target} is a {row[0]}, expected {' or '.join(allowed)}")
    if batch.deferred:
        batch.deferred.clear()


def check_delete(conn: Connection, record_id: str) -> str:
    """A local deletion: the record is live, not sealed, not an addendum, not in conflict and not
    referred to by any live record. Returns its type."""
    row = _current(conn, record_id)
    if row is None:
        raise RecordNotFound(f"no record with id {one_line(record_id, 40)}")
    record_type = row[0]
    if row[2]:
        raise RecordNotFound(f"record {record_id} is already deleted")
    if row[1]:
        raise SealedRecord(f"{record_type} {record_id} is sealed and cannot be deleted")
    if record_type == "addendum":
        raise SealedRecord(f"addendum {record_id} cannot be deleted; addenda are append-only")
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
        raise RecordNotFound(f"no record with id {one_line(record_id, 40)}")
    record_type, sealed, _deleted, _body, versions = row
    current = _heads(conn, record_id)
    if sorted(set(heads)) != current:
        raise RecordInConflict(
            f"the versions of {record_type} {record_id} changed since they were shown "
            f"(it now has {len(current)}: {', '.join(r[:8] for r in current)}); review it again")
    rejected = conn.execute("SELECT count(*) FROM revision_graph WHERE record_id = ? AND rejected = 1",
                            (record_id,)).fetchone()[0]
    if versions < 2 and not rejected:
        raise MonitorError(f"{record_type} {record_id} has no conflict to resolve")
    if body is None:
        if sealed:
            raise SealedRecord(f"{record_type} {record_id} is sealed and cannot be deleted")
        if record_type == "addendum":
            raise SealedRecord(f"addendum {record_id} cannot be deleted; addenda are append-only")
        _check_unreferenced(conn, record_type, record_id)
        return record_type, None, current
    where = "chosen version"
    schema.check_structure(body, where)
    body = nfc(body)
    if not isinstance(body, dict) or body.get("id") != record_id or body.get("type") != record_type:
        raise SchemaViolation(f"{where}: its id and type must be {record_type} {record_id}")
    batch = Batch()
    annotated = check_record(conn, body, where, batch, resolving=True)
    check_references(conn, [(where, record_type, record_id, item) for item in schema.references(body, annotated)],
                     batch)
    return record_type, body, current


def _check_unreferenced(conn: Connection, record_type: str, record_id: str, where: str = "") -> None:
    users = conn.execute(
        "SELECT record_id, field FROM refs WHERE target_id = ? ORDER BY record_id, field", (record_id,)).fetchall()
    if users:
        raise SchemaViolation(
            f"{where}{record_type} {record_id} is still referred to by {len(users)} record(s) "
            f"(first: {users[0][0]}, field {users[0][1]}); delete or change those first"
        )


def _check_form(revision: Revision, where: str) -> None:
    """The revision's own fields, before anything reads its content."""
    for name in ("rev", "record_id", "device"):
        value = getattr(revision, name)
        if not isinstance(value, str) or not _UUID.fullmatch(value):
            raise SchemaViolation(f"{where}: {name}: not a lower-case UUID: '{one_line(str(value), 40)}'")
    if revision.record_type not in schema.RECORD_TYPES:
        raise SchemaViolation(f"{where}: unknown record type '{one_line(str(revision.record_type), 30)}'")
    if not isinstance(revision.author, str) or len(revision.author) > 2000:  # as revision.schema.json says
        raise SchemaViolation(f"{where}: author: must be text of at most 2,000 characters")
    if not isinstance(revision.created_at, str) or not TIMESTAMP.fullmatch(revision.created_at):
        raise SchemaViolation(f"{where}: created_at: '{one_line(str(revision.created_at), 40)}' is not UTC "
                              "in the form 2026-03-01T09:30:00.000000Z")
    if not isinstance(revision.parents, (tuple, list)) or len(revision.parents) > MAX_PARENTS:
        raise SchemaViolation(f"{where}: parents: at most {MAX_PARENTS} revision ids")
    if len(set(revision.parents)) != len(revision.parents) or revision.rev in revision.parents:
        raise SchemaViolation(f"{where}: parents: a parent is named twice, or the revision names itself")
    for parent in revision.parents:
        if not isinstance(parent, str) or not _UUID.fullmatch(parent):
            raise SchemaViolation(f"{where}: parents: not a revision id: '{one_line(str(parent), 40)}'")
    if not isinstance(revision.deleted, bool):
        raise SchemaViolation(f"{where}: deleted: expected true/false")
    if revision.deleted != (revision.body is None):
        raise SchemaViolation(f"{where}: a deletion has no body, and only a deletion has none")
    if not isinstance(revision.hash, str) or not _HASH.fullmatch(revision.hash):
        raise SchemaViolation(f"{where}: hash: not a SHA-256 digest")


def admit(conn: Connection, revision: Revision, batch: Batch | None = None, *,
          body_checked: bool = False) -> Lineage | None:
    """Check one revision for storing as it is. Returns its place in the graph, to hand to
    :func:`monitor.core.history.graph.insert`, or None if it is stored already (a no-op).

    ``body_checked``: a revision this vault just made, whose body the local door validated
    (:func:`check_record` or :func:`check_delete`) against the vault as it is now and whose hash
    it just computed; the checks of the revision's place in history (form, parents, seals, id
    and type) run regardless.
    """
    batch = batch if batch is not None else Batch()
    where = f"revision {one_line(str(revision.rev), 36)}"
    _check_form(revision, where)
    where = f"revision {revision.rev} ({revision.record_type} {revision.record_id[:8]})"
    if not body_checked:
        schema.check_structure(revision.body, where)
        check_text(revision.payload(), where)
    if not body_checked and revision.hash != revision.compute_hash(hash_version(revision.hash)):
        raise SchemaViolation(f"{where}: hash does not match its content (altered or damaged)")
    stored, existing = conn.execute(
        "SELECT (SELECT hash FROM revisions WHERE rev = ?), "
        "(SELECT record_type FROM revisions WHERE record_id = ? LIMIT 1)", (revision.rev, revision.record_id)).fetchone()
    if stored is not None:
        if stored == revision.hash:
            return None
        raise SchemaViolation(f"{where}: a different revision with this id is already stored")
    if existing is not None and existing != revision.record_type:
        raise SchemaViolation(f"{where}: record {revision.record_id} is a {existing}, not a {revision.record_type}")
    _check_parents(conn, revision, where)
    line = lineage(conn, revision.parents, record_type=revision.record_type, deleted=revision.deleted,
                   body=revision.body, rev=revision.rev)
    if line.seal is not None and line.seal != revision.rev:
        sealed = conn.execute("SELECT body FROM revisions WHERE rev = ?", (line.seal,)).fetchone()[0]
        if revision.deleted:
            raise SealedRecord(f"{where}: this {revision.record_type} was sealed (revision {line.seal}) "
                               "and can never be deleted")
        if canonical_json(revision.body).decode("utf-8") != sealed:
            what = "an addendum cannot be changed once written" if revision.record_type == "addendum" else \
                f"this {revision.record_type} was sealed (revision {line.seal}) and can never be changed; add an addendum"
            raise SealedRecord(f"{where}: {what}")
    if revision.deleted:
        if not revision.parents:
            raise SchemaViolation(f"{where}: a deletion must name the revision it deletes")
        if not body_checked:
            _check_unreferenced(conn, revision.record_type, revision.record_id, f"{where}: ")
        return line
    body = revision.body
    if body.get("id") != revision.record_id or body.get("type") != revision.record_type:
        raise SchemaViolation(f"{where}: the body's id and type must be the revision's "
                              f"({revision.record_type} {revision.record_id})")
    if not body_checked:
        _check_foreign_body(conn, revision, where, batch)
    return line


def _check_parents(conn: Connection, revision: Revision, where: str) -> None:
    if not revision.parents:
        return
    marks = ",".join("?" * len(revision.parents))
    found = dict(conn.execute(f"SELECT rev, record_id FROM revisions WHERE rev IN ({marks})", list(revision.parents)))
    for parent in revision.parents:
        if parent not in found:
            raise SchemaViolation(f"{where}: parent {parent} is not in this vault (import its history first)")
        if found[parent] != revision.record_id:
            raise SchemaViolation(f"{where}: parent {parent} belongs to another record ({found[parent]})")


def _check_foreign_body(conn: Connection, revision: Revision, where: str, batch: Batch) -> None:
    """The body of a revision from elsewhere: the same content rules as a local save."""
    body = revision.body
    if nfc(body) != body:
        raise SchemaViolation(f"{where}: text is not in Unicode NFC form")
    check_body(body, where)
    claimed = batch.claimed(conn)
    annotated = list(schema.annotated_values(body))
    for item in annotated:
        if item.vocabulary and item.value not in claimed.get(item.vocabulary, ()) \
                and item.value not in batch.terms.get(item.vocabulary, ()):
            raise SchemaViolation(
                f"{where}: {item.path}: '{one_line(item.value, 40)}' is not a term of the vocabulary '{item.vocabulary}'")
    if revision.record_type == "term":
        _check_term(conn, body, where, batch)
        batch.add_term(body["vocabulary"], body["key"])
    if revision.record_type == "attachment":
        _check_blob(conn, body, where)
    refs = [(where, revision.record_type, revision.record_id, item) for item in schema.references(body, annotated)]
    check_references(conn, [(f"revision {revision.rev}", t, i, item) for _, t, i, item in refs], batch, live=False)

