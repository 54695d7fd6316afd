"""The medical examination editor: the body diagram with the injury table and the selected
injury's details beside it, the examination's other details on a second tab, Save and Seal.

Markers and table rows share their numbers (position in the injury list). Each injury and the
overall opinion take one of the five Istanbul Protocol consistency terms, explained on hover.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.model import diagram, schema, titles
from ...core.history.revisions import new_id, utc_now
from ...core.store import me
from .body_diagram import BodyDiagram
from .forms import MISSING, FieldError, FormContext, ObjectEditor, RecordForm, lenient_value
from .saving import Shown, save_and_show_errors
from ..labels import format_datetime
from .sealing import AddendaPanel, DraftKeeper, KeepsDraft, editor_title, seal_steps

PLACEMENT = frozenset({"id", "x", "y", "side", "view"})


class ExaminationEditor(KeepsDraft, QWidget):
    saved = Signal(dict)
    sealed = Signal(str)

    def __init__(self, vault, record: dict | None = None, *, lang: str = "en", defaults: dict | None = None,
                 parent=None):
        super().__init__(parent)
        self.vault, self.lang = vault, lang
        self.setObjectName("examination_editor")
        body = dict(record) if record else {"id": new_id(), "type": "examination", "date": utc_now(),
                                            "examiner": me.examiner(vault), **(defaults or {})}
        self.record = body
        self.is_new = record is None
        self.injuries: list[dict] = [dict(i) for i in body.get("injuries", [])]
        injury_node = schema.inlined("examination")["properties"]["injuries"]["items"]
        self.injury_fields = set(injury_node["properties"])

        self.form = RecordForm(vault, "examination", body, lang=lang, hidden={"injuries"}, with_save=False)
        self.diagram = BodyDiagram(lang, fields=self.injury_fields)
        self.diagram.set_injuries(self.injuries)
        self.table = QTableWidget(0, 5, objectName="injury_table")
        self.table.setHorizontalHeaderLabels([
            "№", titles.field_title("examination.injuries.view", lang),
            titles.field_title("examination.injuries.injury_type", lang),
            titles.field_title("examination.injuries.region", lang),
            # a long title goes on two lines rather than being cut ("Соответствие (Стамбульский протокол)")
            titles.field_title("examination.injuries.consistency", lang).replace(" (", "\n(")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        ctx = FormContext(vault, lang, "examination")
        self.panel = ObjectEditor(injury_node, "injury", ctx, True, hidden=PLACEMENT, framed=False)
        self.panel_box = QGroupBox(objectName="injury_panel")
        panel_layout = QVBoxLayout(self.panel_box)
        panel_layout.addWidget(self.panel)
        self.remove_button = QPushButton(self.tr("Remove this injury"), objectName="remove_injury")
        self.remove_button.clicked.connect(self.remove_current)
        panel_layout.addWidget(self.remove_button, 0, Qt.AlignRight)
        self.hint = QLabel(self.tr("Click the figure to mark an injury; drag a marker to move it; click a marker "
                                   "to edit its injury."), textFormat=Qt.PlainText, wordWrap=True)
        self.current = -1

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.panel_box)
        right_layout.addWidget(scroll, 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.diagram, 1)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([460, 640])
        self.tabs = QTabWidget(objectName="examination_tabs")
        self.tabs.addTab(splitter, titles.field_title("examination.injuries", lang))
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.form)
        self.addenda = AddendaPanel(vault, body["id"], lang)
        details_layout.addWidget(self.addenda)
        details_scroll = QScrollArea(widgetResizable=True)
        details_scroll.setWidget(details)
        self.tabs.addTab(details_scroll, self.tr("Examination details"))

        self.title = QLabel(textFormat=Qt.PlainText, objectName="editor_title")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.banner = QLabel(textFormat=Qt.PlainText, wordWrap=True, objectName="editor_banner", visible=False)
        self.banner.setStyleSheet("color: #b00020; font-weight: bold")
        self.save_button = QPushButton(self.tr("Save"), objectName="save")
        self.save_button.clicked.connect(self.save)
        self.seal_button = QPushButton(self.tr("Seal…"), objectName="seal")
        self.seal_button.clicked.connect(self.seal)
        buttons = QHBoxLayout()
        buttons.addWidget(self.banner, 1)
        buttons.addStretch(1)
        self.save_button.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.seal_button.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.seal_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.drafts = DraftKeeper(vault, body["id"], self._snapshot, self, "examination")
        self.diagram.injury_added.connect(self._added)
        self.diagram.injury_moved.connect(lambda i: (self._fill_table(), self.drafts.touched()))
        self.diagram.injury_selected.connect(self.select)
        self.diagram.canvas.delete_requested.connect(lambda i: (self.select(i), self.remove_current()))
        self.diagram.canvas.describe = self._describe
        self.table.currentCellChanged.connect(lambda row, *_: self.select(row) if row != self.current else None)
        self.panel.changed.connect(self._panel_changed)
        self.form.editor.changed.connect(self.drafts.touched)
        self._restore_draft()
        self._fill_table()
        self.select(0 if self.injuries else -1)
        self._update_state()

    @property
    def record_id(self) -> str:
        return self.record["id"]

    @property
    def is_sealed(self) -> bool:
        return bool(self.record.get("sealed"))

    # --- injuries ------------------------------------------------------------------------------

    def _label(self, vocabulary: str, key: str | None) -> str:
        return self.vault.label(vocabulary, key, self.lang) if key else ""

    def _fill_table(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.injuries))
        for row, injury in enumerate(self.injuries):
            cells = [str(row + 1), diagram.view(diagram.injury_view(injury)).title(self.lang),
                     self._label("injury_type", injury.get("injury_type")),
                     self._label("body_region", injury.get("region")),
                     self._label("consistency", injury.get("consistency"))]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if 0 <= self.current < len(self.injuries):
            self.table.selectRow(self.current)
        self.table.blockSignals(False)

    def _describe(self, index: int) -> str:
        injury = self.injuries[index]
        parts = [f"{index + 1}. {self._label('injury_type', injury.get('injury_type')) or '—'}",
                 self._label("body_region", injury.get("region")),
                 self._label("consistency", injury.get("consistency"))]
        return "\n".join(p for p in parts if p)

    def _added(self, index: int) -> None:
        self._fill_table()
        self.select(index)
        self.drafts.touched()

    def select(self, index: int) -> None:
        self.current = index if 0 <= index < len(self.injuries) else -1
        self.panel_box.setEnabled(self.current >= 0)
        self.panel.blockSignals(True)
        self.panel.clear_errors()
        self.panel.set_value(self.injuries[self.current] if self.current >= 0 else {})
        self.panel.blockSignals(False)
        self.panel_box.setTitle(self.tr("Injury {n}").format(n=self.current + 1) if self.current >= 0 else
                                self.tr("No injury selected"))
        if self.current >= 0:
            self.diagram.select(self.current)
            self.table.blockSignals(True)
            self.table.selectRow(self.current)
            self.table.blockSignals(False)
        self.panel.set_read_only(self.is_sealed)
        self.remove_button.setEnabled(self.current >= 0 and not self.is_sealed)

    def _panel_changed(self) -> None:
        """Apply each field of the side panel that reads cleanly (a half-made injury is kept too)."""
        if self.current < 0:
            return
        injury = self.injuries[self.current]
        for name, editor in self.panel.fields.items():
            required, editor.required = editor.required, False
            try:
                value = editor.value()
            except FieldError:
                continue  # half-typed; checked again on Save
            finally:
                editor.required = required
            if value is MISSING:
                injury.pop(name, None)
            else:
                injury[name] = value
        self._fill_table()
        self.drafts.touched()

    def remove_current(self) -> None:
        if self.current < 0 or self.is_sealed:
            return
        del self.injuries[self.current]
        self.diagram.refresh()
        self._fill_table()
        self.select(min(self.current, len(self.injuries) - 1))
        self.drafts.touched()

    # --- state, drafts -------------------------------------------------------------------------

    def _update_state(self) -> None:
        sealed = self.is_sealed
        self.form.set_read_only(sealed)
        self.diagram.set_read_only(sealed)
        self.panel.set_read_only(sealed)
        self.save_button.setEnabled(not sealed)
        self.seal_button.setEnabled(not sealed)
        self.addenda.setVisible(sealed)  # addenda come after the seal
        self.title.setText(editor_title(self, "examination", self.tr("sealed {time}: addenda only")))

    def _snapshot(self) -> dict:
        snapshot = {"injuries": self.injuries}
        # As far as the fields read cleanly: a required field still empty must not drop the others.
        details = lenient_value(self.form.editor)
        if isinstance(details, dict):
            snapshot["record"] = details
        return snapshot

    def _restore_draft(self) -> None:
        draft = self.drafts.restore()
        if not draft or self.is_sealed:
            return
        body = draft["body"]
        if isinstance(body.get("injuries"), list):
            self.injuries[:] = body["injuries"]
            self.diagram.refresh()
        if isinstance(body.get("record"), dict):
            self.form.editor.set_value({**self.record, **body["record"]})
        self.banner.setText(self.tr("Unsaved work from {time} was restored from the vault.").format(
            time=format_datetime(draft["saved_at"], self.lang)))
        self.banner.setStyleSheet("")
        self.banner.show()
        self.drafts.dirty = True

    # --- saving --------------------------------------------------------------------------------

    def build(self) -> dict:
        body = self.form.build()
        if self.injuries:
            body["injuries"] = [dict(i) for i in self.injuries]
        else:
            body.pop("injuries", None)
        return body

    def show_errors(self, errors) -> None:
        """Show errors (``Shown`` items or (path, text) pairs, see :mod:`.saving`) at their fields."""
        self.form.editor.clear_errors()
        self.panel.clear_errors()
        unplaced = []
        for error in errors:
            path, message, _full = error = Shown(*error)
            target = None
            if path and path.startswith("injuries["):
                index = int(path[len("injuries["):].split("]", 1)[0])
                rest = path.split("]", 1)[1]
                self.tabs.setCurrentIndex(0)
                self.select(index)
                target = self.panel.find("injury" + rest)
            elif path:
                target = self.form.find(path)
                if target is not None:
                    self.tabs.setCurrentIndex(1)
            if target is not None:
                target.set_error(message)
            else:
                unplaced.append(error.banner_text)
        self.banner.setStyleSheet("color: #b00020; font-weight: bold")
        self.banner.setText(self.tr("Not saved: correct the marked fields.") if not unplaced
                            else self.tr("Not saved: {message}").format(message=unplaced[0]))
        self.banner.show()

    def save(self) -> bool:
        if self.is_sealed:
            return False
        built = []

        def store():
            built.append(self.build())
            self.vault.put(built[0])

        if not save_and_show_errors(self, store, route=lambda t, path: path if t in (None, "examination") else None):
            return False
        body = built[0]
        self.banner.hide()
        self.form.editor.clear_errors()
        self.record = body
        self.form.record = dict(body)
        self.is_new = False
        self.drafts.discard()
        self._update_state()
        self.saved.emit(body)
        return True

    def seal(self, *, confirmed: bool | None = None) -> bool:
        if not seal_steps(self, "examination", confirmed):
            return False
        self._update_state()
        self.select(self.current)
        self.addenda.refresh()
        self.sealed.emit(self.record_id)
        return True
