"""Full-text search over the vault (SQLite FTS5 inside the encrypted file).

The index is derived from the current records and can be rebuilt at any time
(:func:`reindex_all`). FTS5's unicode61 tokenizer folds case for Cyrillic, including the Kazakh
letters (Қ/қ, Ә/ә, Ғ/ғ, Ң/ң, Ө/ө, Ұ/ұ, Ү/ү, Һ/һ, І/і); we also fold ё to е, which Russian
writers use interchangeably.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from . import schema
from .db import Connection

_TOKEN = re.compile(r"\w+\*?", re.UNICODE)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("ё", "е").replace("Ё", "Е")


def document_text(record: dict, annotated: list | None = None) -> str:
    return _fold("\n".join(schema.text_values(record, annotated)))


def index_record(conn: Connection, rowid: int, record_id: str, record_type: str, label: str,
                 record: dict | None, annotated: list | None = None) -> None:
    """Replace the index entry of one record (``record`` None: remove it).

    An entry's rowid is its record's rowid in ``records``, so replacing it is a key lookup.
    """
    conn.execute("DELETE FROM search WHERE rowid = ?", (rowid,))
    if record is not None:
        conn.execute(
            "INSERT INTO search (rowid, record_id, type, label, body) VALUES (?, ?, ?, ?, ?)",
            (rowid, record_id, record_type, _fold(label), document_text(record, annotated)),
        )


def reindex_all(conn: Connection, progress: Callable | None = None, cancel=None) -> int:
    """Rebuild the whole index from the live records (inside the caller's transaction)."""
    conn.execute("DELETE FROM search")
    total = conn.execute("SELECT count(*) FROM records WHERE deleted = 0").fetchone()[0]
    rows = conn.execute("SELECT r.rowid, r.id, r.type, r.label, v.body FROM records r "
                        "JOIN revisions v ON v.rev = r.head WHERE r.deleted = 0")
    done = 0
    for rowid, record_id, record_type, label, body in rows:  # streamed: one record in memory at a time
        index_record(conn, rowid, record_id, record_type, label, json.loads(body))
        done += 1
        if done % 1000 == 0:
            if cancel is not None and cancel.is_set():
                from .errors import Cancelled

                raise Cancelled()
            if progress:
                progress(done, total, "search index")
    if progress:
        progress(done, total, "search index")
    return done


@dataclass(frozen=True)
class SearchHit:
    record_id: str
    type: str
    label: str
    snippet: str
    score: float

    def to_json(self) -> dict:
        return {"id": self.record_id, "type": self.type, "label": self.label,
                "snippet": self.snippet, "score": round(self.score, 4)}


def fts_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word must occur (AND).

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


def search(conn: Connection, text: str, *, limit: int = 50, types: list[str] | None = None,
           marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
    query = fts_query(text)
    if query is None:
        return []
    sql = (
        "SELECT record_id, type, label, snippet(search, 3, ?, ?, '…', 12), "
        "bm25(search, 0.0, 0.0, 4.0, 1.0) AS score FROM search WHERE search MATCH ?"
    )
    params: list = [marks[0], marks[1], query]
    if types:
        sql += f" AND type IN ({','.join('?' * len(types))})"
        params += types
    sql += " ORDER BY score LIMIT ?"
    params.append(int(limit))
    return [SearchHit(r[0], r[1], r[2], " ".join(r[3].split()), -r[4]) for r in conn.execute(sql, params)]
