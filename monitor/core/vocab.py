"""Vocabularies: fixed keys with en/ru/kk labels, seeded from resources and kept in the vault."""

from __future__ import annotations

import json

from . import resources
from .db import Connection

LANGUAGES = ("en", "ru", "kk")


def shipped() -> list[dict]:
    """The vocabularies shipped in ``resources/vocabularies``, in file-name order."""
    folder = resources.path("vocabularies")
    return [resources.load_json("vocabularies", f.name) for f in sorted(folder.glob("*.json"))]


def seed(conn: Connection) -> None:
    """Copy the shipped vocabularies into a vault (inside the caller's transaction)."""
    for vocabulary in shipped():
        name = vocabulary["vocabulary"]
        conn.execute(
            "INSERT OR REPLACE INTO vocabularies (name, labels, closed) VALUES (?, ?, ?)",
            (name, json.dumps(vocabulary["labels"], ensure_ascii=False), int(vocabulary.get("closed", False))),
        )
        for position, term in enumerate(vocabulary["terms"]):
            conn.execute(
                "INSERT OR REPLACE INTO vocab_terms (vocabulary, key, labels, position, origin)"
                " VALUES (?, ?, ?, ?, 'builtin')",
                (name, term["key"], json.dumps(term["labels"], ensure_ascii=False), position),
            )


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


def terms(conn: Connection, vocabulary: str, lang: str = "en") -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT key, labels FROM vocab_terms WHERE vocabulary = ? ORDER BY position, key", (vocabulary,)
    )
    out = []
    for key, labels in rows:
        labels = json.loads(labels)
        out.append((key, labels.get(lang) or labels.get("en") or key))
    return out


def labelled_terms(conn: Connection, vocabulary: str) -> list[tuple[str, dict[str, str]]]:
    """Every term of a vocabulary with all its labels (en/ru/kk), in display order.

    Includes terms a coordinator added (``term`` records are projected into ``vocab_terms``).
    """
    rows = conn.execute(
        "SELECT key, labels FROM vocab_terms WHERE vocabulary = ? ORDER BY position, key", (vocabulary,)
    )
    return [(key, json.loads(labels)) for key, labels in rows]


def exists(conn: Connection, vocabulary: str) -> bool:
    return conn.execute("SELECT 1 FROM vocabularies WHERE name = ?", (vocabulary,)).fetchone() is not None
