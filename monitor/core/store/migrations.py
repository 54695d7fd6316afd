"""Schema versions of the vault and the runner that upgrades old vaults.

The version lives in ``PRAGMA user_version``. ``MIGRATIONS[n]`` upgrades a vault from version
``n`` to ``n + 1`` and runs inside one transaction with the version bump, so an upgrade either
completes or leaves the vault as it was. Never edit a released step; add a new one.
Tests build a vault at every earlier version with data in it and upgrade it (tests/test_migrations.py).
"""

from __future__ import annotations

from typing import Callable

from ..db import Connection, transaction
from ..errors import VaultTooNew
from ..messages import Message

V1_SCHEMA = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Every change to every record, never updated or deleted. History is the truth; `records` is
-- the derived current view.
CREATE TABLE revisions (
    seq         INTEGER PRIMARY KEY,        -- local arrival order
    rev         TEXT NOT NULL UNIQUE,       -- revision UUID
    record_id   TEXT NOT NULL,
    record_type TEXT NOT NULL,
    parents     TEXT NOT NULL,              -- JSON array of parent revision ids, sorted
    author      TEXT NOT NULL,
    device      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0, -- 1 = tombstone
    body        TEXT,                       -- canonical JSON of the record; NULL for a tombstone
    hash        TEXT NOT NULL               -- SHA-256 of the canonical revision
) STRICT;
CREATE INDEX revisions_record ON revisions(record_id, seq);
CREATE TRIGGER revisions_immutable BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
CREATE TRIGGER revisions_kept BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are never deleted'); END;

CREATE TABLE revision_parents (
    rev    TEXT NOT NULL REFERENCES revisions(rev),
    parent TEXT NOT NULL,
    PRIMARY KEY (rev, parent)
) STRICT, WITHOUT ROWID;
CREATE INDEX revision_parents_parent ON revision_parents(parent);

CREATE TABLE records (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    head       TEXT NOT NULL REFERENCES revisions(rev),
    heads      INTEGER NOT NULL DEFAULT 1,  -- more than one: concurrent edits, a conflict
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0,
    sealed     INTEGER NOT NULL DEFAULT 0,
    label      TEXT NOT NULL DEFAULT ''     -- the body is the head revision's (no second copy)
) STRICT;
CREATE INDEX records_type ON records(type, deleted);

-- Links between records (derived from bodies): which record names which in which field.
CREATE TABLE refs (
    record_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    PRIMARY KEY (record_id, target_id, field)
) STRICT, WITHOUT ROWID;
CREATE INDEX refs_target ON refs(target_id);

CREATE TABLE vocabularies (
    name   TEXT PRIMARY KEY,
    labels TEXT NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE vocab_terms (
    vocabulary TEXT NOT NULL REFERENCES vocabularies(name),
    key        TEXT NOT NULL,
    labels     TEXT NOT NULL,
    position   INTEGER NOT NULL,
    origin     TEXT NOT NULL,               -- 'builtin' or the id of a `term` record
    PRIMARY KEY (vocabulary, key)
) STRICT, WITHOUT ROWID;

-- Attachment bytes, chunked, found by SHA-256. A blob whose sha256 is NULL is being ingested.
CREATE TABLE blobs (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT UNIQUE,
    size       INTEGER NOT NULL DEFAULT 0,
    chunks     INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE blob_chunks (
    blob_id INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
    n       INTEGER NOT NULL,
    data    BLOB NOT NULL,
    PRIMARY KEY (blob_id, n)
) STRICT;

-- Append-only, hash-chained: each entry's hash covers its fields and the previous entry's hash.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    device    TEXT NOT NULL,
    action    TEXT NOT NULL,
    record_id TEXT,
    rev       TEXT,
    rev_hash  TEXT,
    detail    TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

V2_SCHEMA = """
-- Full-text index over labels, narratives, notes, names and findings. Derived; rebuildable.
CREATE VIRTUAL TABLE search USING fts5(
    record_id UNINDEXED,
    type UNINDEXED,
    label,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


V3_SCHEMA = """
-- Lists sort by label in Kazakh/Russian alphabetical order (the `monitor` collation, registered on
-- every connection). An index in that order makes sorted lists a walk instead of a sort.
-- If text.sort_key ever changes, a migration must run REINDEX monitor.
CREATE INDEX records_label ON records(type, deleted, label COLLATE monitor, id);
-- Records in conflict (concurrent heads) are few; a partial index finds them without a scan.
CREATE INDEX records_conflicts ON records(id) WHERE heads > 1;
"""


def _v0_to_v1(conn: Connection) -> None:
    for statement in _statements(V1_SCHEMA):
        conn.execute(statement)


def _v1_to_v2(conn: Connection) -> None:
    for statement in _statements(V2_SCHEMA):
        conn.execute(statement)
    from ..search.index import reindex_all

    reindex_all(conn)


def _statements(script: str) -> list[str]:
    """Split a schema script into statements (triggers keep their inner semicolons)."""
    out, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf)
        inside_trigger = "CREATE TRIGGER" in joined and not joined.rstrip().endswith("END;")
        if joined.rstrip().endswith(";") and not inside_trigger:
            out.append(joined)
            buf = []
    if buf:
        out.append("\n".join(buf))
    return out


def _v2_to_v3(conn: Connection) -> None:
    for statement in _statements(V3_SCHEMA):
        conn.execute(statement)


V4_SCHEMA = """
-- Term attributes besides labels (deprecated/replaced_by for merged terms, group, code, official_ru), as JSON.
ALTER TABLE vocab_terms ADD COLUMN extra TEXT;
"""


def _v3_to_v4(conn: Connection) -> None:
    """The record model v4 (docs/data-model.md): new record types and fields need no table change,
    since bodies are JSON; the vocabularies gain term attributes and the v4 built-in terms.

    Also repairs vaults made before the current view stopped keeping a copy of each body: that
    change edited the v1 step in place, so such vaults still carry a ``records.body`` column.
    """
    if any(row[1] == "body" for row in conn.execute("PRAGMA table_info(records)")):
        conn.execute("ALTER TABLE records DROP COLUMN body")
    for statement in _statements(V4_SCHEMA):
        conn.execute(statement)
    from ..model.vocab import seed

    seed(conn)


HISTORY_GRAPH_SCHEMA = """
-- The revision graph, derived from `revisions` (rebuildable): each revision's generation (1 for a
-- revision without parents, else 1 + its parents' largest), the sealing revision it descends from,
-- and whether it is a rejected head (a concurrent edit of a sealed record). See monitor/core/history/graph.py.
CREATE TABLE revision_graph (
    rev        TEXT PRIMARY KEY REFERENCES revisions(rev),
    record_id  TEXT NOT NULL,
    generation INTEGER NOT NULL,
    seal       TEXT,
    rejected   INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
CREATE INDEX revision_graph_record ON revision_graph(record_id);
CREATE INDEX revision_graph_rejected ON revision_graph(record_id) WHERE rejected = 1;
"""


SYNC_SCHEMA = """
-- Sync by file (docs/bundle-format.md). Local state, never exported.
-- Trusted contacts: whose signed bundles this vault accepts, and whom it encrypts to.
CREATE TABLE contacts (
    signing_key   TEXT PRIMARY KEY,          -- Ed25519 public key, hex
    fingerprint   TEXT NOT NULL,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,             -- monitor, coordinator
    age_recipient TEXT NOT NULL,
    added_at      TEXT NOT NULL
) STRICT;
-- Every bundle written: for "since the last export to this recipient".
CREATE TABLE sync_exports (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    recipient     TEXT NOT NULL,             -- a contact's signing key, an age recipient, or 'passphrase'
    upto          INTEGER NOT NULL,          -- the highest revisions.seq the bundle covered
    bundle_sha256 TEXT NOT NULL
) STRICT;
CREATE INDEX sync_exports_recipient ON sync_exports(recipient, upto);
-- Every bundle merged (a replay is recognised and changes nothing).
CREATE TABLE sync_imports (
    bundle_sha256 TEXT PRIMARY KEY,
    at            TEXT NOT NULL,
    device        TEXT NOT NULL,
    signing_key   TEXT NOT NULL,
    revisions     INTEGER NOT NULL
) STRICT;
-- The audit chains other devices have shown us: a later bundle that contradicts one of these
-- entries means that device's history was rewritten or rolled back.
-- (`device` holds the signing key, hex, of the vault whose chain it is: a copied vault keeps its keys.)
CREATE TABLE peer_audit (
    device TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    hash   TEXT NOT NULL,
    PRIMARY KEY (device, seq)
) STRICT, WITHOUT ROWID;
"""


def _v4_to_v5(conn: Connection) -> None:
    """Schema v5 (issue 6): the revision graph, with the current view recomputed as a pure function
    of the revisions (order by generation, time, hash; identical heads collapse; seals are
    permanent); and the local bookkeeping of sync by file (contacts, exports, imports, the audit
    chains other devices have shown)."""
    for statement in _statements(HISTORY_GRAPH_SCHEMA) + _statements(SYNC_SCHEMA):
        conn.execute(statement)
    from ..history.graph import rebuild

    rebuild(conn)


SIGNATURES_SCHEMA = """
-- Each revision's signature by the device that made it (issue 17): Ed25519 over
-- "monitor-revision-v1\\0" + the revision's hash. Revisions from before schema 6 have none (they are
-- shown as "unsigned, from before signatures"). Kept beside `revisions`, as immutable as they are.
CREATE TABLE revision_signatures (
    rev       TEXT PRIMARY KEY REFERENCES revisions(rev),
    signature TEXT NOT NULL                  -- 128 hex digits
) STRICT, WITHOUT ROWID;
CREATE TRIGGER revision_signatures_immutable BEFORE UPDATE ON revision_signatures
BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
CREATE TRIGGER revision_signatures_kept BEFORE DELETE ON revision_signatures
BEGIN SELECT RAISE(ABORT, 'revisions are never deleted'); END;
-- The signing key of every device whose revisions this vault accepts: its own devices ('self'), a
-- trusted contact's ('contact'), or one a trusted exporter's signed manifest introduced (that
-- exporter's fingerprint). A device never changes its key here.
CREATE TABLE device_keys (
    device        TEXT PRIMARY KEY,          -- device UUID, as revisions name it
    signing_key   TEXT NOT NULL,             -- Ed25519 public key, hex
    introduced_by TEXT NOT NULL,             -- 'self', 'contact' or the introducing exporter's fingerprint
    added_at      TEXT NOT NULL
) STRICT;
CREATE INDEX device_keys_key ON device_keys(signing_key);
-- Revoked device keys (a lost or seized laptop): a record signed by a coordinator, carried in
-- bundles. From `revoked_from` on, revisions signed by that key are refused, and so is any bundle
-- it signs; what arrived before stays, and is shown as from a revoked device.
CREATE TABLE revocations (
    signing_key  TEXT PRIMARY KEY,           -- the revoked device key, hex
    revoked_from TEXT NOT NULL,              -- UTC timestamp, the revision form
    reason       TEXT NOT NULL,
    issued_by    TEXT NOT NULL,              -- the coordinator's signing key, hex
    issued_at    TEXT NOT NULL,
    signature    TEXT NOT NULL               -- hex Ed25519 over "monitor-revocation-v1\\0" + canonical JSON of the rest
) STRICT;
"""


def _v5_to_v6(conn: Connection) -> None:
    """Schema v6 (issue 17): revisions signed by the device that made them, the device keys that
    check them, and revoked keys. Existing revisions stay as they are, unsigned."""
    for statement in _statements(SIGNATURES_SCHEMA):
        conn.execute(statement)


def _v6_to_v5(conn: Connection) -> None:
    """Back to schema v5 (the release before signatures): the signatures, device keys and
    revocations go; every record, revision and audit entry stays. A v5 release then opens the vault;
    upgrading again brings the tables back empty, and the revisions read as "from before signatures"."""
    for table in ("revocations", "device_keys", "revision_signatures"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")  # its triggers and indexes go with it


LABEL_KEY_SCHEMA = """
-- Lists sort by label in Kazakh/Russian alphabetical order. Each record keeps its label's sort key
-- (text.label_key: bytes that sort in that order under SQLite's plain BINARY comparison), written
-- with the label, so the index and every ORDER BY walk it without calling into Python (the
-- `monitor` collation cost about 14 calls per inserted record). Derived from the label, so not in
-- the vault digest. If text.sort_key ever changes, a migration must recompute every label_key.
ALTER TABLE records ADD COLUMN label_key BLOB NOT NULL DEFAULT x'00';
DROP INDEX records_label;
-- (the keys are computed here, then indexed in one sort)
CREATE INDEX records_label_key ON records(type, deleted, label_key, id);
-- The words-as-written index was only read for its stored copy of each record's text (snippets);
-- snippets are now cut from the head revision's own text for the rows shown, and queries run on
-- search_forms (which ensure_index rebuilds contentless at the next open: SEARCH_VERSION 4).
DROP TABLE search;
"""

# The v2 words-as-written index, as schema v6 had it (for the way back).
_V6_SEARCH = V2_SCHEMA
_V6_LABEL_INDEX = "CREATE INDEX records_label ON records(type, deleted, label COLLATE monitor, id)"


def _v6_to_v7(conn: Connection, progress=None) -> None:
    """Schema v7 (issue 20 §2, §4): each record's label sort key beside its label, indexed instead of
    the label under the `monitor` collation; the `search` table and its second copy of the text go."""
    from ..text import label_key

    add_column, drop_index, create_index, drop_search = _statements(LABEL_KEY_SCHEMA)
    conn.execute(add_column)
    conn.execute(drop_index)
    rows = conn.execute("SELECT rowid, label FROM records").fetchall()
    # The steps after the keys (the index, dropping the old table's pages: secure_delete overwrites
    # them) take about as long again: they count as the second half of the progress.
    total, done = 2 * len(rows) or 1, 0
    if progress:
        progress(done, total, "sorting labels")
    for start in range(0, len(rows), 1000):  # before the index exists, so each update is a row write
        batch = rows[start:start + 1000]
        conn.executemany("UPDATE records SET label_key = ? WHERE rowid = ?",
                         [(label_key(label), rowid) for rowid, label in batch])
        done += len(batch)
        if progress:
            progress(done, total, "sorting labels")
    conn.execute(create_index)
    if progress:
        progress(done + len(rows) // 4, total, "sorting labels")
    conn.execute(drop_search)
    if progress:
        progress(total, total, "sorting labels")


def _v7_to_v6(conn: Connection) -> None:
    """Back to schema v6: the label index under the `monitor` collation again, and an empty `search`
    table; the search index's version is forgotten, so the v6 release rebuilds both search tables
    (its own way, with their stored text) at its next open."""
    from ..history.graph import forget_columns

    conn.execute("DROP INDEX IF EXISTS records_label_key")
    conn.execute("ALTER TABLE records DROP COLUMN label_key")
    forget_columns()
    conn.execute(_V6_LABEL_INDEX)
    for statement in _statements(_V6_SEARCH):
        conn.execute(statement)
    conn.execute("DROP TABLE IF EXISTS search_forms")
    conn.execute("DELETE FROM meta WHERE key = 'search_version'")


MIGRATIONS: list[Callable[..., None]] = [_v0_to_v1, _v1_to_v2, _v2_to_v3, _v3_to_v4, _v4_to_v5,
                                         _v5_to_v6, _v6_to_v7]
CURRENT_VERSION = len(MIGRATIONS)
# The way back, step by step, from version N to N-1 (only the steps since down-steps exist).
DOWNGRADES: dict[int, Callable[[Connection], None]] = {6: _v6_to_v5, 7: _v7_to_v6}
# Steps long enough to report their own progress (they take ``progress=``).
_REPORTING = {_v6_to_v7}


def version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def upgrade(conn: Connection, target: int = CURRENT_VERSION, progress=None) -> int:
    """Upgrade the vault step by step to ``target``; return the number of steps applied."""
    current = version(conn)
    if current > CURRENT_VERSION:
        raise VaultTooNew(Message("vault_schema_too_new", version=current, supported=CURRENT_VERSION))
    steps = 0
    for step in range(current, target):
        with transaction(conn):
            migrate = MIGRATIONS[step]
            if progress and migrate in _REPORTING:
                migrate(conn, progress=progress)
            else:
                migrate(conn)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        steps += 1
        if progress:
            progress(step + 1 - current, target - current, f"schema version {step + 1}")
    return steps


def downgrade(conn: Connection, target: int) -> int:
    """Take the vault back step by step to ``target`` (each step one transaction), for returning to
    an earlier release; return the number of steps applied. A version with no way back is refused."""
    current = version(conn)
    if any(step not in DOWNGRADES for step in range(current, target, -1)):
        raise VaultTooNew(Message("vault_schema_too_new", version=current, supported=target))
    for step in range(current, target, -1):
        with transaction(conn):
            DOWNGRADES[step](conn)
            conn.execute(f"PRAGMA user_version = {step - 1}")
    return current - target if current > target else 0
