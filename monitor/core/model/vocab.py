"""Vocabularies: fixed keys with en/ru/kk labels, seeded from resources and kept in the vault.

Built-in terms come from ``resources/vocabularies``; a coordinator adds terms with ``term``
records, which sync. When a new Monitor ships changed built-in vocabularies (new terms, corrected
labels), :func:`refresh` brings them into an existing vault on open; a term that a ``term`` record
defines is never overwritten by a built-in one. Besides its labels a term may carry attributes
(``deprecated`` with ``replaced_by`` for merged terms, ``group`` for articles, ``code`` for colony
regimes, ``official_ru``); they are kept as JSON in ``vocab_terms.extra``.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from .. import resources
from ..db import Connection

LANGUAGES = ("en", "ru", "kk")
_TERM_FIELDS = ("key", "labels")


@cache
def shipped() -> tuple[dict, ...]:
    """The vocabularies shipped in ``resources/vocabularies``, in file-name order."""
    folder = resources.path("vocabularies")
    return tuple(resources.load_json("vocabularies", f.name) for f in sorted(folder.glob("*.json")))


@cache
def shipped_digest() -> str:
    return hashlib.sha256(json.dumps(shipped(), sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _has_extra(conn: Connection) -> bool:
    return any(row[1] == "extra" for row in conn.execute("PRAGMA table_info(vocab_terms)"))


def seed(conn: Connection) -> None:
    """Copy the shipped vocabularies into a vault (inside the caller's transaction).

    Built-in rows are inserted or updated; a row that a ``term`` record owns stays as it is.
    """
    extra = _has_extra(conn)
    for vocabulary in shipped():
        name = vocabulary["vocabulary"]
        conn.execute(
            "INSERT INTO vocabularies (name, labels, closed) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET labels = excluded.labels, closed = excluded.closed",
            (name, json.dumps(vocabulary["labels"], ensure_ascii=False), int(vocabulary.get("closed", False))),
        )
        for position, term in enumerate(vocabulary["terms"]):
            labels = json.dumps(term["labels"], ensure_ascii=False)
            attrs = {k: v for k, v in term.items() if k not in _TERM_FIELDS}
            if extra:
                conn.execute(
                    "INSERT INTO vocab_terms (vocabulary, key, labels, position, origin, extra)"
                    " VALUES (?, ?, ?, ?, 'builtin', ?) ON CONFLICT (vocabulary, key) DO UPDATE SET"
                    " labels = excluded.labels, position = excluded.position, extra = excluded.extra"
                    " WHERE vocab_terms.origin = 'builtin'",
                    (name, term["key"], labels, position, json.dumps(attrs, ensure_ascii=False) if attrs else None),
                )
            else:  # a vault before schema v4 (only while migrating)
                conn.execute(
                    "INSERT INTO vocab_terms (vocabulary, key, labels, position, origin)"
                    " VALUES (?, ?, ?, ?, 'builtin') ON CONFLICT (vocabulary, key) DO UPDATE SET"
                    " labels = excluded.labels, position = excluded.position WHERE vocab_terms.origin = 'builtin'",
                    (name, term["key"], labels, position),
                )
    conn.execute("INSERT INTO meta (key, value) VALUES ('vocabularies', ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (shipped_digest(),))


def needs_refresh(conn: Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = 'vocabularies'").fetchone()
    return row is None or row[0] != shipped_digest()


def keys(conn: Connection) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for vocabulary, key in conn.execute("SELECT vocabulary, key FROM vocab_terms"):
        out.setdefault(vocabulary, set()).add(key)
    for (name,) in conn.execute("SELECT name FROM vocabularies"):
        out.setdefault(name, set())
    return out


def label(conn: Connection, vocabulary: str, key: str, lang: str = "en") -> str:
    """The label of a term in ``lang``, falling back to English, then to the key itself."""
    row = conn.execute(
        "SELECT labels FROM vocab_terms WHERE vocabulary = ? AND key = ?", (vocabulary, key)
    ).fetchone()
    if row is None:
        return key
    labels = json.loads(row[0])
    return labels.get(lang) or labels.get("en") or key


def attributes(conn: Connection, vocabulary: str, key: str) -> dict:
    """A term's attributes besides its labels (``group``, ``deprecated``, ``replaced_by``, …)."""
    row = conn.execute("SELECT extra FROM vocab_terms WHERE vocabulary = ? AND key = ?", (vocabulary, key)).fetchone()
    return json.loads(row[0]) if row and row[0] else {}


def terms(conn: Connection, vocabulary: str, lang: str = "en", *, include_deprecated: bool = False) -> list[tuple[str, str]]:
    """(key, label) of a vocabulary's terms in order; merged (deprecated) terms only on request."""
    rows = conn.execute(
        "SELECT key, labels, extra FROM vocab_terms WHERE vocabulary = ? ORDER BY position, key", (vocabulary,)
    )
    out = []
    for key, labels, extra in rows:
        if not include_deprecated and extra and json.loads(extra).get("deprecated"):
            continue
        labels = json.loads(labels)
        out.append((key, labels.get(lang) or labels.get("en") or key))
    return out


def labelled_terms(conn: Connection, vocabulary: str) -> list[tuple[str, dict[str, str], bool]]:
    """(key, labels in en/ru/kk, deprecated) of every term of a vocabulary, in display order.

    Includes terms a coordinator added (``term`` records are projected into ``vocab_terms``) and
    merged (deprecated) terms, which stay valid.
    """
    rows = conn.execute(
        "SELECT key, labels, extra FROM vocab_terms WHERE vocabulary = ? ORDER BY position, key", (vocabulary,)
    )
    return [(key, json.loads(labels), bool(extra and json.loads(extra).get("deprecated"))) for key, labels, extra in rows]


def exists(conn: Connection, vocabulary: str) -> bool:
    return conn.execute("SELECT 1 FROM vocabularies WHERE name = ?", (vocabulary,)).fetchone() is not None
