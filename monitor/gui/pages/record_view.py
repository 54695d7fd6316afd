"""The readable record view: field titles and vocabulary labels in the UI language, local dates,
yes/no in words, linked records by their labels (as links), identity fields behind an explicit
reveal. Rendered as HTML in which every value from the vault is escaped, so untrusted text
(testimony, names) is always shown as text, never interpreted.

Links use the schemes ``record:<id>`` (open a record) and ``reveal:<id>`` (show identity fields).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QTextBrowser

from ...core.model import schema, titles
from ...core.errors import MonitorError
from ..labels import format_date, format_datetime, info_label, locale, record_label, yes_no

IDENTITY_FIELDS = {("person", "identity")}
SKIP = {"id", "type"}

# Strings used through t() inside f-strings, marked here for the catalogue (lupdate reads these).
_MARKED = (
    QT_TRANSLATE_NOOP("RecordView", "updated {time}"),
    QT_TRANSLATE_NOOP("RecordView", "Deleted."),
    QT_TRANSLATE_NOOP("RecordView", "Sealed — addenda only."),
    QT_TRANSLATE_NOOP("RecordView", "Conflict: {n} concurrent versions."),
    QT_TRANSLATE_NOOP("RecordView", "hidden"),
    QT_TRANSLATE_NOOP("RecordView", "Reveal identity"),
    QT_TRANSLATE_NOOP("RecordView", "Linked records"),
)


def t(text: str) -> str:
    return QCoreApplication.translate("RecordView", text)


def esc(text) -> str:
    return html.escape(str(text), quote=True).replace("\n", "<br>")


def link(record_id: str, label: str) -> str:
    return f'<a href="record:{html.escape(record_id)}">{esc(label)}</a>'


class Renderer:
    def __init__(self, vault, lang: str = "en", *, revealed: set[str] | None = None):
        self.vault, self.lang = vault, lang
        self.revealed = revealed or set()

    def value(self, node: dict, value, path: str) -> str:
        if node.get("x-vocabulary") and isinstance(value, str):
            return esc(self.vault.label(node["x-vocabulary"], value, self.lang))
        if node.get("x-ref") and isinstance(value, str):
            return link(value, record_label(self.vault, value, self.lang))
        if isinstance(value, bool):
            return esc(yes_no(value))
        if isinstance(value, (int, float)):
            return esc(locale(self.lang).toString(value) if isinstance(value, int) else
                       locale(self.lang).toString(float(value), "g", 6))
        if isinstance(value, str):
            if node.get("format") == "date":
                return esc(format_date(value, self.lang))
            if node.get("format") == "date-time":
                return esc(format_datetime(value, self.lang))
            if "enum" in node and set(node["enum"]) <= {"front", "back"}:
                from ...core.model import diagram
                return esc(diagram.view(value).title(self.lang))
            return esc(value)
        if isinstance(value, list):
            items = node.get("items", {})
            if all(not isinstance(v, (dict, list)) for v in value):
                return ", ".join(self.value(items, v, path) for v in value)
            parts = [f"<li>{self.object(items, v, path)}</li>" for v in value]
            return f"<ol>{''.join(parts)}</ol>"
        if isinstance(value, dict):
            return self.object(node, value, path)
        return esc(value)

    def object(self, node: dict, body: dict, path: str) -> str:
        rows = []
        props = node.get("properties", {})
        for name, sub in props.items():
            if name in SKIP or name not in body:
                continue
            rows.append(self.row(sub, body[name], f"{path}.{name}"))
        for name in body:  # fields this Monitor's schema does not know, shown as they are
            if name not in props and name not in SKIP:
                rows.append(f"<tr><th>{esc(name)}</th><td>{esc(body[name])}</td></tr>")
        return f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>"

    def row(self, node: dict, value, path: str) -> str:
        title = titles.field_title(path, self.lang)
        return f"<tr><th align='left' valign='top'>{esc(title)}</th><td>{self.value(node, value, path)}</td></tr>"

    def body_html(self, record_type: str, body: dict) -> str:
        """A record body not (yet) stored, such as a merge being chosen: the same field titles, labels,
        dates and links as a stored record's page; identity fields stay hidden."""
        node = schema.inlined(record_type) if record_type in schema.RECORD_TYPES else {}
        rows = []
        props = node.get("properties", {})
        for name, sub in props.items():
            if name in SKIP or name not in body:
                continue
            if (record_type, name) in IDENTITY_FIELDS:
                rows.append(f"<tr><th align='left'>{esc(titles.field_title(f'{record_type}.{name}', self.lang))}"
                            f"</th><td><i>{esc(t('hidden'))}</i></td></tr>")
                continue
            rows.append(self.row(sub, body[name], f"{record_type}.{name}"))
        for name in body:  # fields this Monitor's schema does not know, shown as they are
            if name not in props and name not in SKIP:
                rows.append(f"<tr><th align='left'>{esc(name)}</th><td>{esc(body[name])}</td></tr>")
        return f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>"

    def record(self, record_id: str) -> str:
        info = self.vault.info(record_id)
        body = info.body or {}
        out = [f"<h2>{esc(info_label(self.vault, info, self.lang))}</h2>",
               f"<p><i>{esc(titles.type_title(info.type, self.lang))}</i> · "
               f"{esc(t('updated {time}').format(time=format_datetime(info.updated_at, self.lang)))}</p>"]
        if info.deleted:
            out.append(f"<p><b>{esc(t('Deleted.'))}</b></p>")
        if info.sealed:
            out.append(f"<p><b>{esc(t('Sealed — addenda only.'))}</b></p>")
        if info.conflict:
            out.append(f"<p><b>{esc(t('Conflict: {n} concurrent versions.').format(n=info.heads))}</b></p>")
        node = schema.inlined(info.type)
        rows = []
        for name, sub in node.get("properties", {}).items():
            if name in SKIP or name not in body:
                continue
            if (info.type, name) in IDENTITY_FIELDS and record_id not in self.revealed:
                rows.append(f"<tr><th align='left'>{esc(titles.field_title(f'{info.type}.{name}', self.lang))}</th>"
                            f"<td><i>{esc(t('hidden'))}</i> — <a href='reveal:{html.escape(record_id)}'>"
                            f"{esc(t('Reveal identity'))}</a></td></tr>")
                continue
            rows.append(self.row(sub, body[name], f"{info.type}.{name}"))
        out.append(f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>")
        linked = self.linked(record_id)
        if linked:
            out.append(f"<h3>{esc(t('Linked records'))}</h3><ul>{''.join(linked)}</ul>")
        return "".join(out)

    def linked(self, record_id: str) -> list[str]:
        items, seen = [], set()
        for other, field in self.vault.referencing(record_id):
            if other in seen:
                continue
            seen.add(other)
            try:
                info = self.vault.info(other)
            except MonitorError:
                continue
            if info.deleted:
                continue
            where = titles.field_title(f"{info.type}.{field.split('[')[0].split('.')[0]}", self.lang)
            items.append(f"<li>{esc(titles.type_title(info.type, self.lang))}: "
                         f"{link(other, info_label(self.vault, info, self.lang))} <small>({esc(where)})</small></li>")
        return items


def record_html(vault, record_id: str, lang: str = "en", *, revealed: set[str] | None = None) -> str:
    try:
        return Renderer(vault, lang, revealed=revealed).record(record_id)
    except MonitorError as exc:
        return f"<p>{esc(exc)}</p>"


class RecordBrowser(QTextBrowser):
    """A read-only view that never follows links itself: it emits ``open_record(id)``."""

    open_record = Signal(str)

    def __init__(self, vault, lang: str = "en", parent=None):
        super().__init__(parent)
        self.vault, self.lang = vault, lang
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Lines break between words only: a narrow pane never splits a date ("01.12.202/6").
        self.setWordWrapMode(QTextOption.WordWrap)
        self.revealed: set[str] = set()
        self.record_id: str | None = None
        self.anchorClicked.connect(self._clicked)

    def show_record(self, record_id: str | None) -> None:
        self.record_id = record_id
        if record_id is None:
            self.clear()
            return
        self.setHtml(record_html(self.vault, record_id, self.lang, revealed=self.revealed))

    def _clicked(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "record":
            self.open_record.emit(target)
        elif scheme == "reveal":
            self.revealed.add(target)
            self.show_record(self.record_id)

    def forget(self) -> None:
        self.revealed.clear()
        self.record_id = None
        self.clear()
