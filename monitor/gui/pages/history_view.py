"""A record's history: every revision, read-only, with who (the device's owner, by name and key
fingerprint), when, whether it is signed, and what changed from the revision before it (field titles
in the UI language)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from ...core.model import schema, titles
from ...core.sync import contacts
from ..labels import format_datetime, record_label


def flatten(value, path: str = "") -> dict[str, str]:
    """{dotted path: value as text} for every leaf of a record body."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, sub in value.items():
            out.update(flatten(sub, f"{path}.{key}" if path else key))
    elif isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        for i, sub in enumerate(value):
            out.update(flatten(sub, f"{path}[{i}]"))
    elif isinstance(value, list):
        out[path] = ", ".join(map(str, value))
    else:
        out[path] = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return out


def differences(old: dict | None, new: dict | None) -> list[tuple[str, str, str | None, str | None]]:
    """(change, path, old, new) where change is "added", "removed" or "changed"."""
    a, b = flatten(old or {}), flatten(new or {})
    out = []
    for path in sorted(set(a) | set(b)):
        if path in ("id", "type"):
            continue
        if path not in a:
            out.append(("added", path, None, b[path]))
        elif path not in b:
            out.append(("removed", path, a[path], None))
        elif a[path] != b[path]:
            out.append(("changed", path, a[path], b[path]))
    return out


def author_labels(vault, revisions) -> list[str]:
    """Who made each revision, as a person: "Айгуль · 3656 B52F…" (the device's owner and its key's
    fingerprint, the same lookup as the reports'), never a device UUID; an unsigned revision, from
    before signatures, says so, and so does one from a device revoked since."""
    unsigned = QCoreApplication.translate("HistoryView", "unsigned, from before signatures")
    out = []
    for author in contacts.authors(vault, revisions):
        text = author.label() if author.signed else f"{author.name} ({unsigned})"
        if author.revoked_from:  # arrived before the revocation: kept, and marked
            text += " (" + QCoreApplication.translate("HistoryView", "device revoked from {date}").format(
                date=author.revoked_from[:10]) + ")"
        out.append(text)
    return out


class HistoryView(QWidget):
    def __init__(self, vault, record_id: str, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("history")
        self.vault, self.record_id, self.lang = vault, record_id, lang
        self.revisions = vault.history(record_id)
        info = vault.info(record_id)
        self.list = QListWidget(objectName="revisions")
        self.diff = QPlainTextEdit(objectName="revision_diff", readOnly=True)
        deleted = self.tr("deleted")
        for number, (revision, author) in enumerate(zip(self.revisions, author_labels(vault, self.revisions)), 1):
            self.list.addItem(f"{number}. {format_datetime(revision.created_at, lang)} — {author}"
                              + (f"  [{deleted}]" if revision.deleted else ""))
        heading = QLabel(self.tr("History of {record}: {n} revisions").format(
            record=titles.type_title(info.type, lang), n=len(self.revisions)), textFormat=Qt.PlainText)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([200, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        self.list.currentRowChanged.connect(self.show_revision)
        self.list.setCurrentRow(len(self.revisions) - 1)

    @staticmethod
    def _annotations(body: dict | None) -> dict:
        if not body:
            return {}
        try:
            return {a.path: a for a in schema.annotated_values(body) if a.vocabulary or a.ref}
        except Exception:  # noqa: BLE001 — an old or foreign body the schema no longer knows
            return {}

    def show_revision(self, row: int) -> None:
        if not 0 <= row < len(self.revisions):
            self.diff.clear()
            return
        revision = self.revisions[row]
        by_rev = {r.rev: r for r in self.revisions}
        parent = by_rev.get(revision.parents[0]) if revision.parents else None
        lines = []
        base = revision.record_type
        old_body, new_body = (parent.body if parent else None), revision.body
        shown = {**self._annotations(old_body), **self._annotations(new_body)}

        def text(path: str, value: str | None) -> str | None:
            item = shown.get(path)
            if value is not None and item is None and f"{path}[0]" in shown:  # a list of keys or ids
                first = shown[f"{path}[0]"]
                return ", ".join(self.vault.label(first.vocabulary, v, self.lang) if first.vocabulary
                                 else record_label(self.vault, v, self.lang) for v in value.split(", "))
            if value is None or item is None:
                return value
            if item.vocabulary:
                return self.vault.label(item.vocabulary, value, self.lang)
            if item.ref:
                return record_label(self.vault, value, self.lang)
            return value

        for change, path, old, new in differences(old_body, new_body):
            if path.endswith(".id"):
                continue
            old, new = text(path, old), text(path, new)
            title = titles.field_title(f"{base}.{path}", self.lang)
            where = path.split(".")[0].split("[")[0]
            label = title if "[" not in path else f"{titles.field_title(f'{base}.{where}', self.lang)} › {title}"
            if change == "added":
                lines.append(f"+ {label}: {new}")
            elif change == "removed":
                lines.append(f"− {label}: {old}")
            else:
                lines.append(f"~ {label}: {old} → {new}")
        if not lines:
            lines.append(self.tr("No change in content."))
        head = self.tr("First version.") if parent is None else self.tr("Changes from the revision before:")
        self.diff.setPlainText(head + "\n\n" + "\n".join(lines))
