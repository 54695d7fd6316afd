"""The main window: the case list, search, and a plain-text view of the selected record."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTextEdit,
    QToolBar,
)

from ..core.cases import case_rows
from ..core.errors import MonitorError
from ..core.vault import Vault


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of dicts; ``columns`` are (key, header) pairs.

    Rows can come all at once (:meth:`set_rows`) or page by page from a fetch function
    (:meth:`set_source`), so the first screen of a large vault shows without reading it all.
    """

    PAGE = 200

    def __init__(self, columns: list[tuple[str, str]], stretch: int, parent=None):
        super().__init__(parent)
        self.columns = columns
        self.stretch = stretch  # the column that takes the spare width
        self.rows: list[dict] = []
        self._fetch = None

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows, self._fetch = rows, None
        self.endResetModel()

    def set_source(self, fetch) -> None:
        """``fetch(offset, limit)`` returns the next rows; fewer than ``limit`` means the end."""
        self.beginResetModel()
        self.rows, self._fetch = [], fetch
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._fetch is not None

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._fetch is None:
            return
        page = self._fetch(len(self.rows), self.PAGE)
        if len(page) < self.PAGE:
            self._fetch = None
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        return str(self.rows[index.row()].get(self.columns[index.column()][0], ""))

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section][1]
        return None


def record_type_labels() -> dict[str, str]:
    """Record types in the user's language, for the search filter and result lists."""
    return {
        "case": QCoreApplication.translate("RecordType", "Case"),
        "interview": QCoreApplication.translate("RecordType", "Interview"),
        "examination": QCoreApplication.translate("RecordType", "Medical examination"),
        "person": QCoreApplication.translate("RecordType", "Person"),
        "facility": QCoreApplication.translate("RecordType", "Facility"),
        "visit": QCoreApplication.translate("RecordType", "Visit"),
        "complaint": QCoreApplication.translate("RecordType", "Complaint"),
        "proceeding": QCoreApplication.translate("RecordType", "Proceeding"),
        "attachment": QCoreApplication.translate("RecordType", "Attachment"),
        "addendum": QCoreApplication.translate("RecordType", "Addendum"),
        "consent": QCoreApplication.translate("RecordType", "Consent"),
        "reprisal": QCoreApplication.translate("RecordType", "Reprisal"),
        "statistic": QCoreApplication.translate("RecordType", "Official statistic"),
        "link": QCoreApplication.translate("RecordType", "Link"),
        "term": QCoreApplication.translate("RecordType", "Vocabulary term"),
    }


def record_text(vault: Vault, record_id: str, lang: str = "en") -> str:
    """A plain-text rendering of a record for the detail pane (never HTML)."""
    info = vault.info(record_id)
    lines = [f"{info.type}  {info.label}", f"id {info.id}",
             QCoreApplication.translate("MainWindow", "updated {time}").format(time=info.updated_at)]
    if info.sealed:
        lines.append(QCoreApplication.translate("MainWindow", "SEALED — addenda only"))
    if info.conflict:
        lines.append(QCoreApplication.translate("MainWindow", "CONFLICT — {n} concurrent versions").format(n=info.heads))
    lines.append("")
    body = info.body or {}
    for key, value in body.items():
        if key in ("id", "type"):
            continue
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False, indent=2)
        lines.append(f"{key}: {value}")
    return "\n".join(lines)


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(self, vault: Vault, parent=None, *, lang: str = "en"):
        super().__init__(parent)
        self.vault = vault
        self.lang = lang  # for vocabulary labels (statuses, …)
        self.setWindowTitle(self.tr("Monitor"))
        self.resize(1100, 700)
        self.cases_model = RowsModel([("code", self.tr("Code")), ("status_label", self.tr("Status")),
                                      ("title", self.tr("Title")), ("facility", self.tr("Facility"))], 2, self)
        self.results_model = RowsModel([("type_label", self.tr("Type")), ("label", self.tr("Record")),
                                        ("snippet", self.tr("Match")), ("why", self.tr("Matched words"))], 2, self)
        self.results_model.PAGE = 50  # each result carries a snippet: fetch them 50 at a time
        self._terms = []  # the words of the current search, for highlighting in the record view
        self.table = QTableView(objectName="records")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.detail = QPlainTextEdit(objectName="detail", readOnly=True)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([650, 450])
        self.setCentralWidget(splitter)

        self.search_box = QLineEdit(objectName="search", placeholderText=self.tr("Search narratives, names, notes…"),
                                    clearButtonEnabled=True)
        self.search_box.returnPressed.connect(self.run_search)
        self.search_box.textChanged.connect(lambda text: None if text else self.show_cases())
        toolbar = QToolBar(self.tr("Main"), movable=False)
        self.addToolBar(toolbar)
        self.cases_action = QAction(self.tr("Cases"), self, triggered=self.show_cases)
        self.lock_action = QAction(self.tr("Lock"), self, shortcut=QKeySequence("Ctrl+L"),
                                   triggered=lambda: self.lock_requested.emit())
        self.type_filter = QComboBox(objectName="type_filter")
        self.type_filter.addItem(self.tr("All types"), "")
        for key, label in record_type_labels().items():
            self.type_filter.addItem(label, key)
        self.type_filter.activated.connect(lambda _i: self.search_box.text().strip() and self.run_search())
        self.find_action = QAction(self.tr("Find"), self, shortcut=QKeySequence.Find,
                                   triggered=lambda: (self.search_box.setFocus(), self.search_box.selectAll()))
        self.addAction(self.find_action)
        toolbar.addAction(self.cases_action)
        toolbar.addWidget(self.search_box)
        toolbar.addWidget(self.type_filter)
        toolbar.addAction(self.lock_action)
        self.status = QLabel(textFormat=Qt.PlainText)
        self.statusBar().addWidget(self.status)
        self.show_cases()

    def _use(self, model: RowsModel) -> None:
        if self.table.model() is not model:
            self.table.setModel(model)
            self.table.selectionModel().currentRowChanged.connect(self._show_selected)
            header = self.table.horizontalHeader()
            header.setResizeContentsPrecision(30)  # size columns from the first rows, not every row
            for column in range(len(model.columns)):
                mode = QHeaderView.Stretch if column == model.stretch else QHeaderView.ResizeToContents
                header.setSectionResizeMode(column, mode)

    def show_cases(self) -> None:
        if self.vault is None:  # locked: nothing is read from the vault
            return
        self._use(self.cases_model)
        vault, lang = self.vault, self.lang
        self.cases_model.set_source(lambda offset, limit: case_rows(vault, lang=lang, limit=limit, offset=offset))
        self.detail.clear()
        counts = self.vault.counts()
        self.status.setText(self.tr("{cases} cases, {records} records").format(
            cases=counts.get("case", 0), records=sum(counts.values())))

    def run_search(self) -> None:
        text = self.search_box.text().strip()
        if self.vault is None:
            return
        if not text:
            self.show_cases()
            return
        vault, types = self.vault, [self.type_filter.currentData()] if self.type_filter.currentData() else None
        labels = record_type_labels()
        first = {}

        def fetch(offset: int, limit: int) -> list[dict]:
            page = vault.search_page(text, limit=limit, offset=offset, types=types, marks=("«", "»"))
            first.setdefault("page", page)
            return [{"id": h.record_id, "type": h.type, "type_label": labels.get(h.type, h.type), "label": h.label,
                     "snippet": h.snippet, "why": ", ".join(h.matched)} for h in page.hits]

        self._use(self.results_model)
        self.results_model.set_source(fetch)
        page = first["page"]
        self._terms = page.terms
        self.detail.clear()
        status = self.tr("{n} matches").format(n=page.total)
        if page.recent_only:
            status += " — " + self.tr("very common words: the most recent matches are ranked first")
        self.status.setText(status)

    def _show_selected(self, current: QModelIndex, previous: QModelIndex) -> None:
        model = self.table.model()
        if self.vault is None or not current.isValid() or current.row() >= len(model.rows):
            return
        try:
            self.detail.setPlainText(record_text(self.vault, model.rows[current.row()]["id"]))
        except MonitorError as exc:
            self.detail.setPlainText(str(exc))
        self._highlight(self._terms if model is self.results_model else [])

    def _highlight(self, terms) -> None:
        """Mark the words of the record that matched the search (word forms included)."""
        from ..core.search import match_spans

        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe680"))
        for start, end, _word in match_spans(self.detail.toPlainText(), terms):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.detail.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.KeepAnchor)
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
        self.detail.setExtraSelections(selections)

    def clear(self) -> None:
        """Drop everything shown from the vault (on lock); read nothing from it again."""
        self.vault = None  # first: no handler below may re-read the vault
        self.cases_model.set_rows([])
        self.results_model.set_rows([])
        self.detail.clear()
        self._terms = []
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.status.clear()
