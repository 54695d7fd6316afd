"""Conflict review in the window: the records to review, and one record's versions side by side.

The page lists what :meth:`Vault.conflicts` returns (records whose versions from different
devices conflict, and sealed records whose concurrent edit was refused). For one record it shows
a table: a row per field of the body (titles in the UI language; nested values one line per
member), a column per version (who, when, which device, generation, and whether it is the
current view or a refused sealed edit), and a last column with the merged result. Rows that differ
are highlighted. The user picks per field which version's value to keep (click a cell), or types
a value for the merged column, sees the whole merged record and whether it passes the checks, and
presses Resolve, which calls :meth:`Vault.resolve` with every version as a parent. The merge itself
is :mod:`monitor.core.history.merge`, the same code as ``monitor resolve --base --field``.

Everything from the vault is shown as plain text (table items and plain-text labels, never rich text).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.history import gate, merge
from ...core.model import schema, titles
from ...core.errors import MonitorError
from ...core.history.merge import ABSENT
from ...core.messages import localize
from .history_view import author_labels
from ..labels import format_date, format_datetime, info_label, record_label, yes_no
from ..plain import plain

DIFFERS = QColor("#fff1c2")  # a row whose versions differ
CHOSEN = QColor("#cdeccd")  # the value the merge takes
REFUSED = QColor("#eeeeee")  # a refused edit of a sealed record: read only
TYPED = QColor("#d8e6ff")  # a merged value typed by hand


class FieldEditor(QDialog):
    """Type the merged value of one field: as text for a text field, else as JSON."""

    def __init__(self, title: str, value, *, as_text: bool, parent=None):
        super().__init__(parent)
        self.setObjectName("field_editor")
        self.setWindowTitle(self.tr("Merged value: {field}").format(field=title))
        self.as_text = as_text
        self.value = value
        layout = QVBoxLayout(self)
        layout.addWidget(plain(QLabel(self.tr("Type the value to keep.") if as_text else
                                       self.tr("Type the value to keep, as JSON (text in double quotes)."))))
        self.text = QPlainTextEdit(objectName="field_text")
        self.text.setPlainText("" if value is ABSENT else merge.value_text(value))
        layout.addWidget(self.text, 1)
        self.leave_out = QCheckBox(self.tr("Leave this field out"), objectName="leave_out")
        self.leave_out.setChecked(value is ABSENT)
        self.leave_out.toggled.connect(lambda on: self.text.setEnabled(not on))
        self.text.setEnabled(value is not ABSENT)
        layout.addWidget(self.leave_out)
        self.problem = plain(QLabel(objectName="field_problem"))
        self.problem.setStyleSheet("color: #b00020")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def accept(self) -> None:
        if self.leave_out.isChecked():
            self.value = ABSENT
        else:
            try:
                self.value = merge.parse_value(self.text.toPlainText(), as_text=self.as_text)
            except MonitorError as exc:
                self.problem.setText(localize(exc, _lang(self)))
                return
        super().accept()


_INDEX = re.compile(r"\[\d+\]")


def _formats(node: dict, path: str = "", out: dict | None = None) -> dict[str, str]:
    """{field path without list indexes: "date" or "date-time"} for every dated field of a schema
    (a partial date, YYYY-MM-DD or YYYY-MM or YYYY, counts as "date": format_date writes all three)."""
    out = {} if out is None else out
    if not isinstance(node, dict):
        return out
    if node.get("format") in ("date", "date-time", "partial-date") and path:
        out[path] = "date-time" if node["format"] == "date-time" else "date"
    for name, sub in node.get("properties", {}).items():
        _formats(sub, f"{path}.{name}" if path else name, out)
    if isinstance(node.get("items"), dict):
        _formats(node["items"], path, out)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(key, []):
            _formats(sub, path, out)
    return out


def _lang(widget) -> str:
    while widget is not None:
        lang = getattr(widget, "lang", None)
        if lang:
            return lang
        widget = widget.parent()
    return "en"


class ReviewPane(QWidget):
    """One record's versions side by side, field by field, and the merge being built."""

    resolved = Signal(str)

    def __init__(self, vault, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("review")
        self.vault, self.lang = vault, lang
        self.review: merge.Review | None = None
        self.base: int | None = None
        self.picks: dict[str, int] = {}
        self.values: dict[str, object] = {}
        self._filling = False
        # Asked before a record is deleted; tests replace it.
        self.confirm = self._confirm

        self.title = plain(QLabel(objectName="review_title"))
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.explain = plain(QLabel(objectName="review_explain"))
        self.only_differences = QCheckBox(self.tr("Only fields that differ"), objectName="only_differences")
        self.only_differences.toggled.connect(self._hide_rows)
        self.table = QTableWidget(objectName="fields")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.table.cellClicked.connect(self._clicked)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.table.itemChanged.connect(self._item_changed)
        # Row heights follow the column widths (wrapped text), once per burst of resizes.
        self._fit = QTimer(self, singleShot=True, interval=0, timeout=self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit.start())
        self.keep_bar = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit merged value…"), objectName="edit_value")
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button = QPushButton(self.tr("Delete record"), objectName="delete_record")
        self.delete_button.clicked.connect(self.delete_record)
        # The merged record as the rest of the app shows a record (titles, labels, dates; no UUID, no keys).
        self.preview = QTextBrowser(objectName="merged_preview", openLinks=False)
        self.preview.setMaximumHeight(180)
        self.check = plain(QLabel(objectName="merged_check"))
        self.error = plain(QLabel(objectName="review_error"))
        self.error.setStyleSheet("color: #b00020; font-weight: bold")
        self.error.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.resolve_button = QPushButton(self.tr("Resolve"), objectName="resolve")
        self.resolve_button.setDefault(True)
        self.resolve_button.clicked.connect(self.resolve)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.only_differences)
        actions = QHBoxLayout()
        actions.addLayout(self.keep_bar)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        bottom = QHBoxLayout()
        result = QVBoxLayout()
        result.addWidget(plain(QLabel(self.tr("The merged record:"))))
        result.addWidget(self.preview)
        result.addWidget(self.check)
        bottom.addLayout(result, 1)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.resolve_button)
        bottom.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(bottom)
        layout.addWidget(self.error)

    # --- showing -----------------------------------------------------------------------------

    def show_record(self, record_id: str | None) -> None:
        self.error.clear()
        if record_id is None:
            self.review = None
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.title.setText(self.tr("Nothing to review."))
            self.explain.clear()
            self.preview.clear()
            self.check.clear()
            self._set_keep_buttons()
            for widget in (self.resolve_button, self.delete_button, self.edit_button, self.only_differences):
                widget.setEnabled(False)
            return
        info = self.vault.info(record_id)
        self.info = info
        self.review = merge.Review.of(info, self.vault.heads(record_id))
        self.base = self.review.base
        self.picks, self.values = {}, {}
        self._annotations = [self._annotate(v.body) for v in self.review.versions]
        self._formats = _formats(schema.inlined(info.type)) if info.type in schema.RECORD_TYPES else {}
        self.title.setText(f"{titles.type_title(info.type, self.lang)}: {info_label(self.vault, info, self.lang)}")
        sealed = self.review.sealed
        if sealed:
            self.explain.setText(self.tr(
                "This record is sealed: its content can never change, so only its sealed version can be kept. "
                "The refused edit stays in the record's history and can be read here; if it holds something "
                "new, add it to the record as an addendum."))
        else:
            self.explain.setText(self.tr(
                "Click a cell to keep that version's value of the field; double-click a cell of the merged "
                "column to type a value. Rows that differ are highlighted."))
        self.resolve_button.setText(self.tr("Keep the sealed version") if sealed else self.tr("Resolve"))
        self.resolve_button.setEnabled(self.base is not None)
        self.delete_button.setEnabled(not sealed and info.type != "addendum")
        self.edit_button.setEnabled(not sealed and self.base is not None)
        self.only_differences.setEnabled(True)
        self._fill()
        self._set_keep_buttons()
        self._refresh()

    def _annotate(self, body) -> dict:
        if not body:
            return {}
        try:
            return {a.path: a for a in schema.annotated_values(body) if a.vocabulary or a.ref}
        except Exception:  # noqa: BLE001 — a body the schema no longer knows: values shown as they are
            return {}

    def _header(self, index: int) -> str:
        version = self.review.versions[index]
        if version.refused:
            state = self.tr("refused edit of a sealed record")
        elif version.deleted:
            state = self.tr("deletes the record")
        elif version.current:
            state = self.tr("current view")
        else:
            state = self.tr("concurrent version")
        return "\n".join([
            self.tr("Version {n}").format(n=index + 1),
            state,
            author_labels(self.vault, [version])[0],
            self.tr("{time} · generation {n}").format(time=format_datetime(version.created_at, self.lang),
                                                      n=version.generation),
        ])

    def _title(self, path: str) -> str:
        return titles.field_title(f"{self.review.record_type}.{path}", self.lang)

    def _text(self, value, notes: dict, path: str) -> str:
        """A value as readable plain text (vocabulary and record names in the UI language)."""
        if value is ABSENT:
            return QCoreApplication.translate("Conflicts", "(absent)")

        def leaf(p: str, v) -> str:
            kind = self._formats.get(_INDEX.sub("", p))
            if kind == "date" and isinstance(v, str):
                return format_date(v, self.lang)
            if kind == "date-time" and isinstance(v, str):
                return format_datetime(v, self.lang)
            item = notes.get(p)
            if item is not None and isinstance(v, str):
                if item.vocabulary:
                    return self.vault.label(item.vocabulary, v, self.lang)
                if item.ref:
                    return record_label(self.vault, v, self.lang)
            if isinstance(v, bool):
                return yes_no(v)
            return merge.plain(v)

        return "\n".join(merge.describe(value, path, title=self._title, leaf=leaf))

    def _where(self, field: merge.FieldRow, limit: int = 4) -> list[str]:
        """Where inside a nested value the versions differ, by field titles (at most ``limit``)."""
        out: list[str] = []
        for path in field.paths:
            inner = [part for part in _INDEX.sub("", path).split(".")[1:] if part != "id"]
            if not inner:
                continue
            parts = path.split(".")
            names = [self._title(".".join(parts[:i + 1])) for i in range(1, len(parts)) if parts[i] != "id"]
            text = " › ".join(names)
            if text and text not in out:
                out.append(text)
        return out[:limit] + (["…"] if len(out) > limit else [])

    def _fill(self) -> None:
        review = self.review
        count = len(review.versions)
        self._filling = True
        self.table.clear()
        self.table.setColumnCount(count + 2)
        self.table.setRowCount(len(review.rows))
        headers = [self.tr("Field")] + [self._header(i) for i in range(count)] + [self.tr("Merged result")]
        for column, text in enumerate(headers):
            item = QTableWidgetItem(text)
            if 1 <= column <= count:
                version = review.versions[column - 1]
                item.setToolTip(self.tr("Revision {rev}").format(rev=version.rev))
            self.table.setHorizontalHeaderItem(column, item)
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, field in enumerate(review.rows):
            name = QTableWidgetItem(self._title(field.name) + "".join(f"\n≠ {p}" for p in self._where(field)))
            name.setFlags(Qt.ItemIsEnabled)
            name.setToolTip(field.name)
            name.setTextAlignment(Qt.AlignLeft | Qt.AlignTop)
            if field.differs:
                name.setFont(bold)
                name.setBackground(QBrush(DIFFERS))
            self.table.setItem(row, 0, name)
            for index, value in enumerate(field.values):
                version = review.versions[index]
                if version.deleted:
                    item = QTableWidgetItem(QCoreApplication.translate("Conflicts", "(deleted)") if row == 0 else "")
                else:
                    item = QTableWidgetItem(self._text(value, self._annotations[index], field.name))
                item.setTextAlignment(Qt.AlignLeft | Qt.AlignTop)
                flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
                if version.refused:
                    item.setForeground(QBrush(QColor("#666666")))
                    item.setBackground(QBrush(REFUSED))
                    item.setToolTip(self.tr("A refused edit of a sealed record: it can be read, never chosen."))
                elif field.differs and version.pickable and not review.sealed:
                    flags |= Qt.ItemIsUserCheckable
                    item.setCheckState(Qt.Unchecked)
                item.setFlags(flags)
                self.table.setItem(row, index + 1, item)
            merged = QTableWidgetItem()
            merged.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            merged.setTextAlignment(Qt.AlignLeft | Qt.AlignTop)
            self.table.setItem(row, count + 1, merged)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        for column in range(1, count + 2):
            header.setSectionResizeMode(column, QHeaderView.Stretch)
        self._filling = False
        self._hide_rows()

    def _set_keep_buttons(self) -> None:
        while self.keep_bar.count():
            widget = self.keep_bar.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        if self.review is None:
            return
        for index, version in enumerate(self.review.versions):
            if version.deleted:
                text = self.tr("Keep version {n}: delete").format(n=index + 1)
            else:
                text = self.tr("Keep version {n} whole").format(n=index + 1)
            button = QPushButton(text, objectName=f"keep_{index + 1}")
            button.setEnabled(not version.refused and (not self.review.sealed or version.pickable)
                              and not (version.deleted and not self.delete_button.isEnabled()))
            button.clicked.connect(lambda _=False, i=index: self.keep(i))
            self.keep_bar.addWidget(button)

    def _hide_rows(self) -> None:
        if self.review is None:
            return
        only = self.only_differences.isChecked()
        for row, field in enumerate(self.review.rows):
            self.table.setRowHidden(row, only and not field.differs)

    # --- choosing ----------------------------------------------------------------------------

    def choice(self, name: str):
        """What the merge takes for a field: a version's index, or "typed"."""
        if name in self.values:
            return "typed"
        return self.picks.get(name, self.base)

    def pick(self, name: str, index: int) -> bool:
        """Keep version ``index``'s value of field ``name``. False (and a reason shown) if it cannot be."""
        version = self.review.versions[index]
        if version.refused or self.review.sealed:
            self.error.setText(self.tr("A refused edit of a sealed record can be read, but never chosen."))
            return False
        if version.deleted:
            self.error.setText(self.tr("That version deletes the record: it has no fields to keep."))
            return False
        self.error.clear()
        self.values.pop(name, None)
        if index == self.base:
            self.picks.pop(name, None)
        else:
            self.picks[name] = index
        self._refresh()
        return True

    def keep(self, index: int) -> None:
        """Every field from one version (a deletion: delete the record)."""
        version = self.review.versions[index]
        if version.deleted:
            self.delete_record()
            return
        if not version.pickable:
            self.error.setText(self.tr("A refused edit of a sealed record can be read, but never chosen."))
            return
        self.error.clear()
        self.base, self.picks, self.values = index, {}, {}
        self._refresh()

    def set_value(self, name: str, value) -> None:
        """Keep a typed value (ABSENT: leave the field out) as the merged value of a field."""
        self.error.clear()
        self.picks.pop(name, None)
        self.values[name] = value
        self._refresh()

    def _clicked(self, row: int, column: int) -> None:
        if self.review is None or self._filling:
            return
        count = len(self.review.versions)
        field = self.review.rows[row]
        if 1 <= column <= count and field.differs:
            self.pick(field.name, column - 1)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or self.review is None:
            return
        column = item.column()
        if 1 <= column <= len(self.review.versions) and item.flags() & Qt.ItemIsUserCheckable:
            field = self.review.rows[item.row()]
            if item.checkState() == Qt.Checked:
                self.pick(field.name, column - 1)
            else:
                self._refresh()  # a choice is replaced by another, never emptied

    def _double_clicked(self, row: int, column: int) -> None:
        if self.review is not None and column == len(self.review.versions) + 1:
            self.edit_field(self.review.rows[row].name)

    def _edit_current(self) -> None:
        if self.review is None:
            return
        row = self.table.currentRow()
        rows = [r for r in range(len(self.review.rows)) if not self.table.isRowHidden(r)]
        if row < 0 or row not in rows:
            if not rows:
                return
            row = rows[0]
        self.edit_field(self.review.rows[row].name)

    def edit_field(self, name: str) -> None:
        if self.review is None or self.review.sealed or self.base is None:
            self.error.setText(self.tr("A sealed record's content cannot change."))
            return
        field = next(f for f in self.review.rows if f.name == name)
        current = self.merged_or_none()
        value = current.get(name, ABSENT) if current else ABSENT
        dialog = FieldEditor(self._title(name), value, as_text=merge.is_text_field(field.values), parent=self)
        if dialog.exec() == QDialog.Accepted:
            self.set_value(name, dialog.value)

    # --- the result --------------------------------------------------------------------------

    def merged(self) -> dict:
        """The merged body as chosen (raises MergeError when it cannot be built)."""
        return self.review.merged(self.base, self.picks, self.values)

    def merged_or_none(self) -> dict | None:
        if self.review is None or self.base is None:
            return None
        try:
            return self.merged()
        except MonitorError:
            return None

    def _refresh(self) -> None:
        """Marks, the merged column and the preview, from the choices."""
        review = self.review
        if review is None:
            return
        count = len(review.versions)
        body = self.merged_or_none()
        notes = self._annotate(body)
        self._filling = True
        for row, field in enumerate(review.rows):
            chosen = self.choice(field.name)
            for index in range(count):
                item = self.table.item(row, index + 1)
                version = review.versions[index]
                if version.refused:
                    continue
                is_chosen = chosen == index and not version.deleted
                if item.flags() & Qt.ItemIsUserCheckable:
                    item.setCheckState(Qt.Checked if is_chosen else Qt.Unchecked)
                if is_chosen and field.differs:
                    item.setBackground(QBrush(CHOSEN))
                elif field.differs:
                    item.setBackground(QBrush(DIFFERS))
                else:
                    item.setBackground(QBrush())
            merged_item = self.table.item(row, count + 1)
            value = body.get(field.name, ABSENT) if body is not None else ABSENT
            merged_item.setText(self._text(value, notes, field.name) if body is not None else "")
            if chosen == "typed":
                merged_item.setBackground(QBrush(TYPED))
                merged_item.setToolTip(self.tr("Typed by hand."))
            else:
                merged_item.setBackground(QBrush(CHOSEN) if field.differs else QBrush())
                merged_item.setToolTip(self.tr("From version {n}.").format(n=chosen + 1) if chosen is not None else "")
        self._filling = False
        self.table.resizeRowsToContents()
        if body is None:
            self.preview.clear()
            self.check.clear()
            return
        from .record_view import Renderer

        self.preview.setHtml(Renderer(self.vault, self.lang).body_html(self.review.record_type, body))
        try:
            gate.check_body(body, "merged record")
        except MonitorError as exc:
            self.check.setStyleSheet("color: #b00020")
            self.check.setText("✗ " + localize(exc, self.lang))
        else:
            self.check.setStyleSheet("color: #1b5e20")
            self.check.setText("✓ " + self.tr("The merged record passes the form checks."))

    def resolve(self) -> bool:
        """Store the merged record as the resolution of every version shown (one transaction)."""
        if self.review is None:
            return False
        return self._store(self.merged)

    def delete_record(self) -> bool:
        if self.review is None:
            return False
        if not self.confirm(self.tr("Resolve by deleting this record? Every version stays in its history.")):
            return False
        return self._store(lambda: None)

    def _store(self, body) -> bool:
        """``vault.resolve`` with ``body()`` (None: delete) over every version shown; one line on failure."""
        try:
            self.vault.resolve(self.review.record_id, body(), self.review.heads)
        except MonitorError as exc:
            self.error.setText(localize(exc, self.lang))
            return False
        self.error.clear()
        self.resolved.emit(self.review.record_id)
        return True

    def _confirm(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Question, self.tr("Delete record"), text,
                          QMessageBox.Yes | QMessageBox.Cancel, self)
        box.setTextFormat(Qt.PlainText)
        box.setDefaultButton(QMessageBox.Cancel)
        return box.exec() == QMessageBox.Yes


class ConflictsPage(QWidget):
    """The records to review, and the review of the one chosen."""

    open_record = Signal(str)
    resolved = Signal(str)

    def __init__(self, vault, lang: str = "en", record_id: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("conflicts_page")
        self.vault, self.lang = vault, lang
        heading = plain(QLabel(self.tr("Conflicts to review")))
        font = heading.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        heading.setFont(font)
        self.list = QListWidget(objectName="conflict_list")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._chosen)
        self.list.itemDoubleClicked.connect(lambda item: self.open_record.emit(item.data(Qt.UserRole)))
        self.empty = plain(QLabel(self.tr("Nothing to review: no record has versions from different devices "
                                           "that conflict, and no edit of a sealed record was refused."),
                                   objectName="no_conflicts"))
        self.review = ReviewPane(vault, lang)
        self.review.resolved.connect(self._resolved)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.review)
        splitter.setSizes([260, 1000])
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.reload(record_id)

    def reload(self, record_id: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for info in self.vault.conflicts():
            refused = sum(h.rejected for h in self.vault.heads(info.id))
            what = []
            if info.heads > 1:
                what.append(self.tr("{n} versions").format(n=info.heads))
            if refused:
                what.append(self.tr("refused sealed edit"))
            item = QListWidgetItem(f"{info_label(self.vault, info, self.lang)}\n"
                                   f"{titles.type_title(info.type, self.lang)} · {', '.join(what)}")
            item.setData(Qt.UserRole, info.id)
            self.list.addItem(item)
            if info.id == record_id:
                chosen = item
        self.list.blockSignals(False)
        self.empty.setVisible(self.list.count() == 0)
        if chosen is None and self.list.count():
            chosen = self.list.item(0)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            self.review.show_record(chosen.data(Qt.UserRole))
        else:
            self.review.show_record(None)

    def _chosen(self, current, _previous) -> None:
        self.review.show_record(current.data(Qt.UserRole) if current is not None else None)

    def _resolved(self, record_id: str) -> None:
        self.reload()
        self.resolved.emit(record_id)

    @property
    def record_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())]


def conflict_summary(vault, record_id: str) -> tuple[int, int]:
    """(versions, refused sealed edits) of one record, for the banner on its page."""
    info = vault.info(record_id)
    refused = sum(h.rejected for h in vault.heads(record_id)) if info.sealed or info.heads > 1 else 0
    return info.heads, refused
