"""Full-text search over the vault (SQLite FTS5 inside the encrypted file), with word forms.

One derived table, rebuildable from the records at any time (:func:`reindex_all`):
``search_forms`` (label, body), the words of each record's label and text as stems
(:mod:`monitor.core.search.stemming`: Snowball for Russian, suffix rules for Kazakh), so «избиения»
finds «избиение» and «қамауда» finds «қамау». Its rowid is the record's rowid in ``records``. It is
contentless (``content=''``, ``contentless_delete=1``): only the index is kept, no copy of the stems,
which nothing reads back. Snippets and highlights are cut from the record's own text (its head
revision's body) for the rows shown, never from a second copy. (Schemas 2-6 also had a ``search``
table of the words as written, with a stored copy of the text; schema 7 dropped it.)

``search_forms`` is not part of the schema migrations: the meta key ``search_version`` says
which stemming built it, and :func:`ensure_index` (run at every open) rebuilds it in one
transaction, with progress, when the version differs. Change :data:`SEARCH_VERSION` whenever
stemming, the indexed text or the table's definition changes.

Ranking and very common words: bm25 over the whole match set costs time in proportion to the
number of matches. When every word of a query is in more than :data:`COMMON_DOCS` records (an
``fts5vocab`` lookup), only the :data:`RECENT_RANKED` most recently added matches are ranked by
bm25 and shown first; the rest follow newest first, unranked. The count stays exact. The window
was chosen by measured overlap with the true bm25 top 20 (docs/desktop.md): bm25 scans every match
of each word for its idf whatever the window, so larger windows cost much and find little more.

Before counting and ranking, a query's stems that no record holds are dropped (:func:`_present`),
so a one-word query (typed «қамауда», indexed «қамау») is counted from ``fts5vocab``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Callable

from ..model import schema
from ..db import Connection, transaction
from .stemming import fold, heads as stem_heads, stems

# 1: words only (schema v2); 2: + word forms in search_forms; 3: + short Kazakh verb roots;
# 4: search_forms contentless (schema v7, which dropped the words-as-written `search` table)
SEARCH_VERSION = "4"
COMMON_DOCS = 5000  # a query whose every word is in more records than this is "very common"
RECENT_RANKED = 500  # … and only its most recent matches are ranked

FORMS_TABLE = (
    "CREATE VIRTUAL TABLE search_forms USING fts5("
    "label, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')"
)

_TOKEN = re.compile(r"\w+\*?", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("ё", "е").replace("Ё", "Е")


def document_text(record: dict, annotated: list | None = None) -> str:
    """The record's free-text values, folded, one per line (what is indexed and what snippets are cut
    from). Pass ``annotated`` to reuse a walk already made; without it, only the schema's paths that
    can hold text are walked (:func:`_text_plan`), with the same values in the same order as
    :func:`schema.text_values`."""
    if annotated is not None:
        return _fold("\n".join(schema.text_values(record, annotated)))
    out: list[str] = []
    plan = _text_plan(record["type"])
    if plan is not None:
        _texts(plan, record, out)
    return _fold("\n".join(out))


_Plan = tuple  # (plan of each property that leads to text, plan of list items or None, whether text)


@cache
def _text_plan(record_type: str) -> _Plan | None:
    """The parts of a record type's (inlined) schema that lead to an ``x-text`` value; None: none do."""
    return _plan(schema.inlined(record_type))


def _plan(node: dict) -> _Plan | None:
    props = {}
    for key, sub in (node.get("properties") or {}).items():
        if isinstance(sub, dict) and (found := _plan(sub)) is not None:
            props[key] = found
    items = node.get("items")
    item_plan = _plan(items) if isinstance(items, dict) else None
    text = bool(node.get("x-text"))
    return (props, item_plan, text) if props or item_plan is not None or text else None


def _texts(plan: _Plan, value, out: list[str]) -> None:
    """The walk of :func:`schema.annotated_values`, limited to the plan: dicts by their keys in the
    record's order, lists in order, a text value kept when it is a string."""
    props, items, text = plan
    if isinstance(value, dict):
        for key, sub in value.items():
            found = props.get(key)
            if found is not None:
                _texts(found, sub, out)
    elif isinstance(value, list):
        if items is not None:
            for sub in value:
                _texts(items, sub, out)
    elif text and isinstance(value, str):
        out.append(value)


def forms_text(text: str) -> str:
    """The stems of every word of ``text``, in order, space-separated."""
    out: list[str] = []
    for word in _WORD.findall(text):
        out.extend(stems(word))
    return " ".join(out)


def index_record(conn: Connection, rowid: int, record_id: str, record_type: str, label: str,
                 record: dict | None, annotated: list | None = None, *, new: bool = False) -> None:
    """Replace the index entries of one record (``record`` None: remove them).

    An entry's rowid is its record's rowid in ``records``, so replacing it is a key lookup.
    ``new``: the record's row was just inserted, so it has no entries to remove (rows of
    ``records`` are never deleted, so its rowid was never used). A contentless table does not refuse
    a second entry at one rowid, so every other write removes the old entry first (removing one that
    is not there is harmless).
    ``record_id`` and ``record_type`` live in ``records`` (kept in the signature for callers).
    """
    if not _has_forms(conn):  # during the schema migrations, before ensure_index built it
        return
    if not new:
        conn.execute("DELETE FROM search_forms WHERE rowid = ?", (rowid,))
    if record is not None:
        conn.execute("INSERT INTO search_forms (rowid, label, body) VALUES (?, ?, ?)",
                     (rowid, forms_text(_fold(label)), forms_text(document_text(record, annotated))))


# The last connection seen to have the table: once there, it is dropped only by ensure_index (which
# forgets this first), so every record a merge writes need not ask sqlite_master again.
_forms_seen: list = [None]


def _has_forms(conn: Connection) -> bool:
    # During the schema migrations (before ensure_index ran) the table may not exist yet.
    if _forms_seen[0] is conn:
        return True
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_forms'").fetchone() is not None
    if found:
        _forms_seen[0] = conn
    return found


def reindex_all(conn: Connection, progress: Callable | None = None, cancel=None) -> int:
    """Rebuild the whole index from the live records (inside the caller's transaction)."""
    if not _has_forms(conn):  # the schema migrations before ensure_index: nothing to fill yet
        return 0
    conn.execute("INSERT INTO search_forms (search_forms) VALUES ('delete-all')")  # contentless: the whole index
    total = conn.execute("SELECT count(*) FROM records WHERE deleted = 0").fetchone()[0]
    rows = conn.execute("SELECT r.rowid, r.id, r.type, r.label, v.body FROM records r "
                        "JOIN revisions v ON v.rev = r.head WHERE r.deleted = 0")
    done = 0
    for rowid, record_id, record_type, label, body in rows:  # streamed: one record in memory at a time
        index_record(conn, rowid, record_id, record_type, label, json.loads(body), new=True)  # all removed above
        done += 1
        if done % 1000 == 0:
            if cancel is not None and cancel.is_set():
                from ..errors import Cancelled

                raise Cancelled()
            if progress:
                progress(done, total, "search index")
    if progress:
        progress(done, total, "search index")
    return done


def index_version(conn: Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'search_version'").fetchone()
    return row[0] if row else None


def ensure_index(conn: Connection, progress: Callable | None = None) -> bool:
    """Build the word-form index if it is missing or was built by another version (one transaction).

    Returns whether it rebuilt. Runs at every open and create, after the schema migrations.
    """
    if index_version(conn) == SEARCH_VERSION and _has_forms(conn):
        return False
    _forms_seen[0] = None
    try:
        with transaction(conn):
            conn.execute("DROP TABLE IF EXISTS search_forms")
            conn.execute(FORMS_TABLE)
            reindex_all(conn, progress=progress)
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_version', ?)", (SEARCH_VERSION,))
    except BaseException:
        _forms_seen[0] = None  # rolled back: the table may be gone again
        raise
    return True


# --- queries ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    """One word of a query: what was typed, and the stems it matches (exact or as prefixes)."""

    typed: str
    stems: tuple[str, ...]
    prefix: bool  # the user typed word* (or the stem is long enough to accept longer forms)

    def matches(self, word: str) -> bool:
        """Whether a word of a document is a form of this term."""
        folded = fold(word)
        typed = fold(self.typed.rstrip("*"))
        if folded == typed or (self.typed.endswith("*") and folded.startswith(typed)):
            return True
        return any(st == mine or (self.prefix and st.startswith(mine)) for st in stems(word) for mine in self.stems)

    def fts(self) -> str:
        parts = []
        for st in self.stems:
            quoted = '"' + st.replace('"', '""') + '"'
            parts.append(quoted + ("*" if self.prefix else ""))
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def parse(text: str) -> list[Term]:
    """The words of a query, each with the stems it matches.

    A word matches its own stems and, as written, itself: a Kazakh word without a Kazakh letter
    (тергеу) gets a Russian stem (терге) that its inflected forms (тергеуде → тергеу) do not share,
    and the word itself bridges that gap. A trailing ``*`` asks for a prefix of the stems.
    """
    terms = []
    for token in _TOKEN.findall(_fold(text)):
        star = token.endswith("*")
        word = token.rstrip("*")
        if not word:
            continue
        if star and len(word) >= 3:  # a prefix of the word as typed, or of its stem (дверь* ~ двери)
            folded = fold(word)
            found = stems(word)
            terms.append(Term(token, found if folded in found else (folded, *found), True))
            continue
        found = stems(word)
        folded = fold(word)
        terms.append(Term(word, found if folded in found else (*found, folded), False))
    return terms


def fts_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query over the words as written (AND).

    Words are quoted, so FTS5 syntax in the input is never interpreted; a trailing ``*`` on a
    word of three or more letters asks for a prefix match.
    """
    terms = []
    for token in _TOKEN.findall(_fold(text)):
        prefix = token.endswith("*")
        word = token.rstrip("*")
        if not word:
            continue
        quoted = '"' + word.replace('"', '""') + '"'
        terms.append(quoted + ("*" if prefix and len(word) >= 3 else ""))
    return " AND ".join(terms) if terms else None


def forms_query(terms: list[Term]) -> str | None:
    return " AND ".join(t.fts() for t in terms) if terms else None


@dataclass(frozen=True)
class SearchHit:
    record_id: str
    type: str
    label: str
    snippet: str
    score: float
    matched: tuple[str, ...] = ()  # the words of the record that matched (word forms included)

    def to_json(self) -> dict:
        return {"id": self.record_id, "type": self.type, "label": self.label,
                "snippet": self.snippet, "score": round(self.score, 4), "matched": list(self.matched)}


@dataclass
class SearchPage:
    hits: list[SearchHit]
    total: int  # every match, not just this page
    terms: list[Term] = field(default_factory=list)
    recent_only: bool = False  # very common words: only the most recent matches were ranked


# The last connection that has the temporary fts5vocab table over search_forms (it lives as long as the connection).
_vocab_seen: list = [None]


def _stem_docs(conn: Connection, stem: str, prefix: bool) -> int:
    """How many records hold this stem (or, ``prefix``, a stem starting with it): an fts5vocab lookup."""
    if _vocab_seen[0] is not conn:  # one statement fewer per stem once the connection has it
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_forms_vocab USING fts5vocab(main, search_forms, row)")
        _vocab_seen[0] = conn
    if prefix:
        row = conn.execute("SELECT coalesce(sum(doc), 0) FROM temp.search_forms_vocab WHERE term >= ? AND term < ?",
                           (stem, stem + "\U0010ffff")).fetchone()
    else:
        row = conn.execute("SELECT doc FROM temp.search_forms_vocab WHERE term = ?", (stem,)).fetchone()
    return row[0] if row else 0


def _present(conn: Connection, terms: list[Term]) -> tuple[list[Term], list[int]]:
    """The terms without the stems no record holds (a typed «қамауда» is indexed as «қамау»), and the
    number of records of each term's stems (an upper bound of its matches). The same matches, but a
    term left with one stem is counted from the vocabulary instead of by walking its matches."""
    pruned, docs = [], []
    for term in terms:
        counts = {st: _stem_docs(conn, st, term.prefix) for st in term.stems}
        kept = tuple(st for st in term.stems if counts[st]) or term.stems[:1]
        pruned.append(Term(term.typed, kept, term.prefix))
        docs.append(sum(counts.values()))
    return pruned, docs


def search_page(conn: Connection, text: str, *, limit: int = 50, offset: int = 0, types: list[str] | None = None,
                marks: tuple[str, str] = ("[", "]"), count: bool = True) -> SearchPage:
    """One page of matches for ``text``, best first, with the real total."""
    terms = parse(text)
    if not terms:
        return SearchPage([], 0, terms)
    queried, docs = _present(conn, terms)
    query = forms_query(queried)
    params: list = [query]
    if types:  # the type lives in `records`: filter through the join, before ranking
        where = (f"search_forms MATCH ? AND f.rowid IN (SELECT rowid FROM records WHERE type IN "
                 f"({','.join('?' * len(types))}))")
        params += list(types)
    else:
        where = "search_forms MATCH ?"  # only live records are indexed: no join needed to rank or count
    total = -1
    if count:
        single = len(queried) == 1 and len(queried[0].stems) == 1 and not queried[0].prefix and not types
        total = (docs[0] if single else
                 conn.execute(f"SELECT count(*) FROM search_forms f WHERE {where}", params).fetchone()[0])
    common = min(docs) > COMMON_DOCS
    ranked = f"SELECT f.rowid AS rowid, bm25(search_forms, 4.0, 1.0) AS score FROM search_forms f WHERE {where}"
    found: list[tuple[int, float]] = []
    if not common:
        found = conn.execute(f"{ranked} ORDER BY score LIMIT ? OFFSET ?",
                             [*params, int(limit), int(offset)]).fetchall()
    else:
        if offset < RECENT_RANKED:  # the ranked window: the most recent matches, best first
            found = conn.execute(
                f"SELECT rowid, score FROM ({ranked} ORDER BY f.rowid DESC LIMIT ?) ORDER BY score LIMIT ? OFFSET ?",
                [*params, RECENT_RANKED, int(min(limit, RECENT_RANKED - offset)), int(offset)]).fetchall()
        if len(found) < limit:  # after the window: older matches, newest first, unranked
            found += conn.execute(
                f"SELECT f.rowid, 0.0 FROM search_forms f WHERE {where} ORDER BY f.rowid DESC LIMIT ? OFFSET ?",
                [*params, int(limit - len(found)), RECENT_RANKED + max(0, offset - RECENT_RANKED)]).fetchall()
    info = _records(conn, [r for r, _ in found])
    rows = [(rowid, *info[rowid], score) for rowid, score in found if rowid in info]
    bodies = _bodies(conn, [r[0] for r in rows])
    hits = []
    seen: dict[str, bool] = {}  # word → whether it is a form of a term (words repeat across records)
    for rowid, record_id, record_type, label, score in rows:
        body = bodies.get(rowid, "")
        snippet, matched = make_snippet(body or label, terms, marks, cache=seen)
        hits.append(SearchHit(record_id, record_type, label, snippet, -score, tuple(matched)))
    return SearchPage(hits, total, terms, common)


def _records(conn: Connection, rowids: list[int]) -> dict[int, tuple[str, str, str]]:
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    return {r[0]: r[1:] for r in conn.execute(
        f"SELECT rowid, id, type, label FROM records WHERE rowid IN ({marks}) AND deleted = 0", rowids)}


def _bodies(conn: Connection, rowids: list[int]) -> dict[int, str]:
    """The indexed text of the rows shown, from each record's head revision (the index keeps no copy)."""
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    rows = conn.execute(f"SELECT r.rowid, v.body FROM records r JOIN revisions v ON v.rev = r.head "
                        f"WHERE r.rowid IN ({marks})", rowids).fetchall()
    return {rowid: document_text(json.loads(body)) for rowid, body in rows if body is not None}


def match_spans(text: str, terms: list[Term], cache: dict | None = None) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word in ``text`` that matches one of ``terms``."""
    if not terms:
        return []
    heads = sorted({h for t in terms for s in t.stems for h in stem_heads(s)} | {fold(t.typed.rstrip("*")) for t in terms},
                   key=len, reverse=True)
    heads = [h for h in heads if h]
    if not heads:
        return []
    pattern = _pattern(tuple(heads))
    cache = {} if cache is None else cache
    spans = []
    for found in pattern.finditer(_fold(text)):
        word = found.group(0)
        ok = cache.get(word)
        if ok is None:
            ok = cache[word] = any(t.matches(word) for t in terms)
        if ok:
            spans.append((found.start(), found.end(), word))
    return spans


def forget() -> None:
    """Drop the in-memory caches of words seen in the vault and in queries (at lock)."""
    from .stemming import _stems

    _stems.cache_clear()
    _pattern.cache_clear()


@lru_cache(maxsize=64)
def _pattern(heads: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(h) for h in heads) + r")\w*", re.IGNORECASE)


def make_snippet(text: str, terms: list[Term], marks: tuple[str, str] = ("[", "]"),
                 width: int = 160, cache: dict | None = None) -> tuple[str, list[str]]:
    """A one-line excerpt around the first match, with every matched word marked; and the matched words."""
    text = _fold(text)
    spans = match_spans(text, terms, cache)
    matched: list[str] = []
    folded: set[str] = set()
    for _, _, word in spans:
        key = word.lower()
        if key not in folded and len(matched) < 8:
            folded.add(key)
            matched.append(word)
    if not spans:
        return " ".join(text[:width].split()), []
    first = spans[0][0]
    start = max(0, first - width // 6)  # the match near the start: lists elide on the right
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space - end < 20 else end
    pieces, pos = [], start
    for s, e, _ in spans:
        if s < start or e > end:
            continue
        pieces += [text[pos:s], marks[0], text[s:e], marks[1]]
        pos = e
    pieces.append(text[pos:end])
    excerpt = " ".join("".join(pieces).split())
    return ("…" if start else "") + excerpt + ("…" if end < len(text) else ""), matched[:8]


def search(conn: Connection, text: str, *, limit: int = 50, types: list[str] | None = None,
           marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
    return search_page(conn, text, limit=limit, types=types, marks=marks, count=False).hits
