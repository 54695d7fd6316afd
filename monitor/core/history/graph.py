"""The revision graph and the current view, as functions over a connection.

The current view of a record (its ``records`` row, links, search entry and vocabulary terms) is a
pure function of the *set* of its revisions: whatever order revisions arrive in, from however many
devices, the view is the same. docs/vault.md, "History", is the description of record; in short:

* **Generation**: a revision without parents has generation 1; any other has 1 + the largest
  generation of its parents. It measures how many edits led to a version, on any device.
* **Order**: revisions compare by (generation, created_at, hash). ``created_at`` is UTC in one
  fixed form (``2026-03-01T09:30:00.000000Z``), so it compares as text; the hash breaks any tie.
  A device's clock matters only between versions with the same number of edits behind them.
* **Heads**: revisions that no other revision names as a parent. Heads whose content (deleted
  flag and body) is identical collapse: they are one version, not a conflict.
* **Seals**: a revision *seals* its record when its body is sealed (``sealed: true``) or it is an
  addendum (append-only from birth). ``revision_graph.seal`` holds, for each revision, the earliest
  (in the order above) sealing revision among itself and its ancestors that has no sealed ancestor.
  The record's seal is the earliest of those over all its revisions. A head that does not descend
  from the record's seal is *rejected*: kept, shown in conflict review, never the current view.
* **Winner**: the greatest head (in the order above) among those not rejected. The record is in
  conflict when those heads hold more than one distinct content.

The gate (:mod:`monitor.core.history.gate`) admits a revision; :func:`insert` stores it and refreshes the
view. Both run inside the caller's transaction.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from dataclasses import dataclass
from typing import Callable, Iterable

from ..model import schema
from ..search import index as _search
from ..db import Connection
from ..model.labels import record_label
from .revisions import REVISION_COLUMNS, Revision
from ..text import canonical_json, label_key

# Non-shipped vocabulary terms (from `term` records) are listed after the shipped ones, by key.
EXTENSION_POSITION = 1_000_000

_RECORD_COLUMNS = "id, type, head, heads, created_at, updated_at, deleted, sealed, label"


def order_key(generation: int, created_at: str, digest: str) -> tuple[int, str, str]:
    """The total order of revisions of one record (see the module docstring)."""
    return (generation, created_at, digest)


def seals(record_type: str, deleted: bool, body: dict | None) -> bool:
    """Whether a revision with this content seals its record (its content can never change again)."""
    if deleted or body is None:
        return False
    return record_type == "addendum" or body.get("sealed") is True


def _key_of(conn: Connection, rev: str) -> tuple[int, str, str]:
    row = conn.execute(
        "SELECT g.generation, v.created_at, v.hash FROM revision_graph g JOIN revisions v ON v.rev = g.rev "
        "WHERE g.rev = ?", (rev,)).fetchone()
    return order_key(*row)


@dataclass(frozen=True)
class Lineage:
    """What a revision inherits from its parents: its generation and the seal it descends from."""

    generation: int
    seal: str | None
    # The record has no stored revision yet (the gate saw none): this one will be its only head, so
    # its view needs no reading back (see :func:`insert`).
    first: bool = False


def lineage(conn: Connection, parents: Iterable[str], *, record_type: str, deleted: bool,
            body: dict | None, rev: str) -> Lineage:
    """Generation and seal of a revision with these parents (all of them must be stored)."""
    parents = list(parents)
    if not parents:
        return Lineage(1, rev if seals(record_type, deleted, body) else None)
    marks = ",".join("?" * len(parents))
    rows = conn.execute(f"SELECT generation, seal FROM revision_graph WHERE rev IN ({marks})", parents).fetchall()
    generation = 1 + max(r[0] for r in rows)
    inherited = {r[1] for r in rows if r[1] is not None}
    if inherited:
        return Lineage(generation, min(inherited, key=lambda s: _key_of(conn, s)))
    return Lineage(generation, rev if seals(record_type, deleted, body) else None)


def heads(conn: Connection, record_id: str, *, include_rejected: bool = True) -> list[str]:
    """The record's heads (revisions no other revision names as a parent), sorted."""
    sql = ("SELECT g.rev FROM revision_graph g WHERE g.record_id = ? AND NOT EXISTS "
           "(SELECT 1 FROM revision_parents p WHERE p.parent = g.rev)")
    if not include_rejected:
        sql += " AND g.rejected = 0"
    return sorted(r[0] for r in conn.execute(sql, (record_id,)))


@dataclass(frozen=True)
class Head:
    """One head of a record, for conflict review."""

    revision: Revision
    generation: int
    rejected: bool  # a concurrent edit of a sealed record: kept, never the current view


def head_details(conn: Connection, record_id: str) -> list[Head]:
    """Every head of a record, the winner first, then in descending order."""
    rows = conn.execute(
        f"SELECT {', '.join('v.' + c.strip() for c in REVISION_COLUMNS.split(','))}, g.generation, g.rejected "
        "FROM revisions v JOIN revision_graph g ON g.rev = v.rev WHERE v.record_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM revision_parents p WHERE p.parent = v.rev)", (record_id,)).fetchall()
    out = [Head(Revision.from_row(r[:10]), r[10], bool(r[11])) for r in rows]
    out.sort(key=lambda h: (not h.rejected, order_key(h.generation, h.revision.created_at, h.revision.hash)),
             reverse=True)
    return out


def insert(conn: Connection, revision: Revision, line: Lineage | None = None) -> None:
    """Store an admitted revision exactly as given and refresh its record's view.

    The caller has passed it through :func:`monitor.core.history.gate.admit` (which checks, among much else,
    that its parents are stored and that it is not stored yet), inside the same transaction, and
    passes on the lineage that returned.
    """
    if line is None:
        line = lineage(conn, revision.parents, record_type=revision.record_type, deleted=revision.deleted,
                       body=revision.body, rev=revision.rev)
    body_text = canonical_json(revision.body).decode("utf-8") if revision.body is not None else None
    conn.execute(
        f"INSERT INTO revisions ({REVISION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (revision.rev, revision.record_id, revision.record_type, json.dumps(sorted(revision.parents)),
         revision.author, revision.device, revision.created_at, int(revision.deleted), body_text, revision.hash),
    )
    if revision.parents:
        conn.executemany("INSERT INTO revision_parents (rev, parent) VALUES (?, ?)",
                         [(revision.rev, p) for p in revision.parents])
    conn.execute("INSERT INTO revision_graph (rev, record_id, generation, seal, rejected) VALUES (?,?,?,?,0)",
                 (revision.rev, revision.record_id, line.generation, line.seal))
    if line.first and not revision.parents and body_text is not None:
        _first_view(conn, revision, body_text)
    else:
        refresh_view(conn, revision.record_id)


def _first_view(conn: Connection, revision: Revision, body_text: str) -> None:
    """:func:`refresh_view` for the first revision of a record, without reading back what it would
    find: the one head is this revision (so it wins, nothing is rejected, there is one version and
    the earliest date is its own), no ``records`` row or ``refs`` exist for the record yet, and the
    body is read from the stored text as refresh_view reads it. About a third of the statements of
    a new record's save or merge."""
    body = json.loads(body_text)
    label = record_label(body)
    values = (revision.record_id, revision.record_type, revision.rev, 1, revision.created_at, revision.created_at,
              0, int(bool(body.get("sealed"))), label)
    rowid = conn.execute(f"INSERT INTO records ({_RECORD_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)", values).lastrowid
    annotated = list(schema.annotated_values(body))
    links = [(revision.record_id, item.value, item.path) for item in schema.references(body, annotated)]
    if links:
        conn.executemany("INSERT OR IGNORE INTO refs (record_id, target_id, field) VALUES (?, ?, ?)", links)
    _search.index_record(conn, rowid, revision.record_id, revision.record_type, label, body, annotated, new=True)
    if revision.record_type == "term":
        _project_term(conn, revision.record_id, body)


# The last connection seen to have `records.label_key` (schema v7): the schema migrations before v7
# rebuild the view on a `records` table without it. A down step forgets it (:func:`forget_columns`).
_keyed_seen: list = [None]


def _has_label_key(conn: Connection) -> bool:
    if _keyed_seen[0] is conn:
        return True
    found = any(column[1] == "label_key" for column in conn.execute("PRAGMA table_info(records)"))
    if found:
        _keyed_seen[0] = conn
    return found


def forget_columns() -> None:
    """Ask again whether `records` has its v7 columns (after a down step changed the schema)."""
    _keyed_seen[0] = None


def refresh_view(conn: Connection, record_id: str) -> None:
    """Recompute the current view of one record from its revisions (and everything derived)."""
    rows = conn.execute(
        "SELECT v.rev, v.record_type, v.created_at, v.deleted, v.body, v.hash, g.generation, g.seal "
        "FROM revisions v JOIN revision_graph g ON g.rev = v.rev WHERE v.record_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM revision_parents p WHERE p.parent = v.rev)", (record_id,)).fetchall()
    # The record's seal is the earliest of its revisions' seals, and some head always descends from
    # it (and so carries it): the heads' seals are enough to find it.
    seals_seen = {r[7] for r in rows if r[7] is not None}
    seal = min(seals_seen, key=lambda s: _key_of(conn, s)) if seals_seen else None
    rejected = [r for r in rows if seal is not None and r[7] != seal]
    live = [r for r in rows if not (seal is not None and r[7] != seal)]
    winner = max(live, key=lambda r: order_key(r[6], r[2], r[5]))
    versions = len({(r[3], r[4]) for r in live})  # identical content is one version, not a conflict
    if seal is not None:  # only a sealed record can have rejected heads
        conn.execute("UPDATE revision_graph SET rejected = 0 WHERE record_id = ? AND rejected = 1", (record_id,))
        conn.executemany("UPDATE revision_graph SET rejected = 1 WHERE rev = ?", [(r[0],) for r in rejected])
    rev, record_type, updated_at, deleted, body_text = winner[:5]
    body = json.loads(body_text) if body_text is not None else None
    created = conn.execute("SELECT min(created_at) FROM revisions WHERE record_id = ?", (record_id,)).fetchone()[0]
    if body is not None:
        label = record_label(body)
    else:  # a deleted record keeps the label of its greatest live revision, whatever arrived last
        last = conn.execute(
            "SELECT v.body FROM revisions v JOIN revision_graph g ON g.rev = v.rev "
            "WHERE v.record_id = ? AND v.deleted = 0 "
            "ORDER BY g.generation DESC, v.created_at DESC, v.hash DESC LIMIT 1", (record_id,)).fetchone()
        label = record_label(json.loads(last[0])) if last else ""
    sealed = bool(body and body.get("sealed"))
    # An update in place (not INSERT OR REPLACE) keeps the row's rowid, which keys its search entry.
    # Not an upsert either: with foreign keys on, SQLite's ON CONFLICT DO UPDATE costs several times
    # a plain INSERT or UPDATE here, and an import refreshes the view once per revision.
    values = (record_type, rev, versions, created, updated_at, int(deleted), int(sealed), label)
    keyed = _has_label_key(conn)
    if keyed:  # the label's sort key goes with it (schema v7): lists sort by it under plain BINARY
        values += (label_key(label),)
    row = conn.execute("SELECT rowid FROM records WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        rowid = conn.execute(f"INSERT INTO records ({_RECORD_COLUMNS}{', label_key' if keyed else ''}) "
                             f"VALUES ({','.join('?' * (len(values) + 1))})", (record_id, *values)).lastrowid
    else:
        rowid = row[0]
        conn.execute("UPDATE records SET type = ?, head = ?, heads = ?, created_at = ?, updated_at = ?, deleted = ?, "
                     f"sealed = ?, label = ?{', label_key = ?' if keyed else ''} WHERE rowid = ?", (*values, rowid))
    annotated = list(schema.annotated_values(body)) if body is not None else []  # one walk for both
    conn.execute("DELETE FROM refs WHERE record_id = ?", (record_id,))
    links = [(record_id, item.value, item.path) for item in schema.references(body, annotated)] if body else []
    if links:
        conn.executemany("INSERT OR IGNORE INTO refs (record_id, target_id, field) VALUES (?, ?, ?)", links)
    _search.index_record(conn, rowid, record_id, record_type, label, body, annotated, new=row is None)
    if record_type == "term":
        _project_term(conn, record_id, body)


def _project_term(conn: Connection, record_id: str, body: dict | None) -> None:
    """Refresh the vocabulary terms a `term` record claimed or claims now."""
    keys = {tuple(r) for r in conn.execute(
        "SELECT vocabulary, key FROM vocab_terms WHERE origin = ?", (record_id,))}
    if body is not None:
        keys.add((body["vocabulary"], body["key"]))
    for vocabulary, key in sorted(keys):
        project_key(conn, vocabulary, key)


def project_key(conn: Connection, vocabulary: str, key: str) -> None:
    """Who owns a vocabulary key: a shipped term always; else the live `term` record with the
    smallest id among those that claim it (two devices may add the same key concurrently)."""
    owner = conn.execute("SELECT origin FROM vocab_terms WHERE vocabulary = ? AND key = ?",
                         (vocabulary, key)).fetchone()
    if owner is not None and owner[0] == "builtin":
        return
    claim = conn.execute(
        "SELECT r.id, v.body FROM records r JOIN revisions v ON v.rev = r.head "
        "WHERE r.type = 'term' AND r.deleted = 0 AND json_extract(v.body, '$.vocabulary') = ? "
        "AND json_extract(v.body, '$.key') = ? ORDER BY r.id LIMIT 1", (vocabulary, key)).fetchone()
    conn.execute("DELETE FROM vocab_terms WHERE vocabulary = ? AND key = ?", (vocabulary, key))
    if claim is not None:
        labels = json.loads(claim[1])["labels"]
        conn.execute(
            "INSERT INTO vocab_terms (vocabulary, key, labels, position, origin) VALUES (?,?,?,?,?)",
            (vocabulary, key, json.dumps(labels, ensure_ascii=False), EXTENSION_POSITION, claim[0]),
        )


def check_graph(conn: Connection) -> list[str]:
    """Problems in ``revision_graph``: every revision has its row, and each row agrees with its
    revision and its parents' rows (so, by induction, with a rebuild). Empty list: consistent."""
    graph = {rev: (generation, seal) for rev, generation, seal in
             conn.execute("SELECT rev, generation, seal FROM revision_graph")}
    problems = []
    for rev, record_type, parents, deleted, body in conn.execute(
            "SELECT rev, record_type, parents, deleted, body FROM revisions"):
        parents = json.loads(parents)
        if rev not in graph or any(p not in graph for p in parents):
            problems.append(f"revision {rev}: missing from the revision graph")
            continue
        generation = 1 + max((graph[p][0] for p in parents), default=0)
        inherited = {graph[p][1] for p in parents if graph[p][1] is not None}
        if inherited:
            seal = min(inherited, key=lambda s: _key_of(conn, s)) if len(inherited) > 1 else inherited.pop()
        else:
            seal = rev if seals(record_type, bool(deleted), json.loads(body) if body else None) else None
        if graph[rev] != (generation, seal):
            problems.append(f"revision {rev}: its place in the revision graph was altered")
    return problems


def topological(revisions: Iterable[Revision]) -> list[Revision]:
    """The revisions with every parent before its children (parents not among them are taken as
    stored already); otherwise in the order given. An importer inserts a bundle in this order."""
    revisions = list(revisions)
    index = {r.rev: i for i, r in enumerate(revisions)}
    waiting: dict[str, list[int]] = {}
    missing = [0] * len(revisions)
    for i, r in enumerate(revisions):
        for p in set(r.parents):
            if p in index and p != r.rev:
                missing[i] += 1
                waiting.setdefault(p, []).append(i)

    ready = [i for i, n in enumerate(missing) if n == 0]
    heapq.heapify(ready)
    out = []
    released: set[str] = set()
    while ready:
        i = heapq.heappop(ready)
        out.append(revisions[i])
        if revisions[i].rev in released:  # the same revision listed twice releases its children once
            continue
        released.add(revisions[i].rev)
        for j in waiting.get(revisions[i].rev, ()):
            missing[j] -= 1
            if missing[j] == 0:
                heapq.heappush(ready, j)
    out += [r for i, r in enumerate(revisions) if missing[i] > 0]  # a cycle: left for the gate to refuse
    return out


def rebuild(conn: Connection, progress: Callable | None = None) -> int:
    """Recompute the graph and every derived table (view, links, search, terms) from the revisions."""
    conn.execute("DELETE FROM revision_graph")
    rows = conn.execute(f"SELECT {REVISION_COLUMNS} FROM revisions ORDER BY seq").fetchall()
    for revision in topological(Revision.from_row(r) for r in rows):
        line = lineage(conn, revision.parents, record_type=revision.record_type, deleted=revision.deleted,
                       body=revision.body, rev=revision.rev)
        conn.execute("INSERT INTO revision_graph (rev, record_id, generation, seal, rejected) VALUES (?,?,?,?,0)",
                     (revision.rev, revision.record_id, line.generation, line.seal))
    conn.execute("DELETE FROM vocab_terms WHERE origin != 'builtin'")
    ids = [r[0] for r in conn.execute("SELECT DISTINCT record_id FROM revisions ORDER BY record_id")]
    for i, record_id in enumerate(ids, 1):
        refresh_view(conn, record_id)
        if progress and i % 1000 == 0:
            progress(i, len(ids), "rebuilding the current view")
    return len(ids)


# Every table that holds the vault's shared state, with the columns that do not depend on the
# order revisions arrived in or on which device holds them. Left out: `meta` (this device's id
# and keys), `audit` (this vault's own log of what it did, in its own order), `search` (a cache),
# `revisions.seq` (local arrival order), row ids and blob staging ids and times.
DIGEST_QUERIES = (
    ("revisions", f"SELECT {REVISION_COLUMNS} FROM revisions ORDER BY rev"),
    ("revision_parents", "SELECT rev, parent FROM revision_parents ORDER BY rev, parent"),
    ("revision_graph", "SELECT rev, record_id, generation, seal, rejected FROM revision_graph ORDER BY rev"),
    ("records", f"SELECT {_RECORD_COLUMNS} FROM records ORDER BY id"),
    ("refs", "SELECT record_id, target_id, field FROM refs ORDER BY record_id, target_id, field"),
    ("vocabularies", "SELECT name, labels, closed FROM vocabularies ORDER BY name"),
    ("vocab_terms", "SELECT vocabulary, key, labels, position, origin FROM vocab_terms ORDER BY vocabulary, key"),
    ("blobs", "SELECT sha256, size FROM blobs WHERE sha256 IS NOT NULL ORDER BY sha256"),
)


def digest(conn: Connection) -> str:
    """SHA-256 over the vault's shared state (see :data:`DIGEST_QUERIES`): two vaults that hold
    the same revisions and attachments have the same digest, whatever order they arrived in."""
    h = hashlib.sha256()
    for name, sql in DIGEST_QUERIES:
        h.update(f"\x00{name}\x00".encode())
        for row in conn.execute(sql):
            h.update(json.dumps(list(row), ensure_ascii=False).encode("utf-8") + b"\n")
    return h.hexdigest()
