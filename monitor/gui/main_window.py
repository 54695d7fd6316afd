"""The main window: lists, search, record pages, editors and the case file, with Back/Forward.

Every place the window can show is a *location* — ("list", name), ("search", text),
("record", id), ("new", type, defaults, draft id), ("history", id), ("conflicts", id or None) — kept in a
back/forward history. A record in conflict shows a banner that leads to its review.
Leaving an editor keeps its unsaved typing as a draft in the vault. Locking (Ctrl+L or the idle
timer) goes through :attr:`lock_requested`; :meth:`clear` drops everything shown (after keeping
drafts) before the session closes the vault.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core.model import diagram, registry, schema, titles
from ..core.db import DatabaseError
from ..core.errors import MonitorError, VaultDamaged
from ..core.history.revisions import new_id
from ..core.store import drafts
from ..core.store.vault import Vault
from .pages.attachments_view import AttachmentView, add_files
from .pages.case_file import CaseFilePage
from .editors.examination_editor import ExaminationEditor
from .editors.forms import RecordForm, focus_first_field, install_wheel_guard
from .pages.history_view import HistoryView
from .editors.interview_editor import InterviewEditor
from .labels import info_label
from .pages.lists import LISTS, STATUS_VOCABULARY, ListProxy, RowsModel, columns, fetcher
from .pages.lists import list_title
from .pages.record_view import RecordBrowser

__all__ = ["MainWindow", "RowsModel"]

MAX_COLUMN = 220  # pixels: a long facility name is cut (the tooltip shows it whole), the title is not
NOT_CREATED_BY_HAND = {entry.name for entry in registry.REGISTRY if not entry.by_hand}  # made by their own actions


# The search filter's order, most searched first; a type not named here (a new one) follows in the
# registry's order. The titles themselves are kept once, in the core's catalogue.
RECORD_TYPE_ORDER = ("case", "interview", "examination", "person", "facility", "visit", "complaint", "proceeding",
                     "attachment", "addendum", "consent", "reprisal", "statistic", "link", "term")


def record_type_labels(lang: str = "en") -> dict[str, str]:
    """Record types in the user's language, for the search filter and result lists."""
    order = [*RECORD_TYPE_ORDER, *(t for t in registry.RECORD_TYPES if t not in RECORD_TYPE_ORDER)]
    return {record_type: titles.type_title(record_type, lang) for record_type in order
            if record_type in registry.BY_NAME}


def record_text(vault: Vault, record_id: str, lang: str = "en") -> str:
    """The readable view of a record as plain text (for scripts and tests)."""
    from PySide6.QtGui import QTextDocument

    from .pages.record_view import record_html

    document = QTextDocument()
    document.setHtml(record_html(vault, record_id, lang))
    return document.toPlainText()


class RecordPage(QWidget):
    """A record shown readably, with Edit, History, Add file and (for a case) the case file."""

    def __init__(self, window: "MainWindow", record_id: str):
        super().__init__()
        self.setObjectName("record_page")
        self.window_, self.record_id = window, record_id
        info = window.vault.info(record_id)
        self.view = RecordBrowser(window.vault, window.lang)
        self.view.open_record.connect(window.open_record)
        self.view.show_record(record_id)
        bar = QHBoxLayout()
        edit = QPushButton(self.tr("Edit"), objectName="edit")
        edit.clicked.connect(lambda: window.navigate(("edit", record_id)))
        history = QPushButton(self.tr("History"), objectName="history_button")
        history.clicked.connect(lambda: window.navigate(("history", record_id)))
        attach = QPushButton(self.tr("Add photo or document…"), objectName="attach")
        attach.clicked.connect(window.add_attachment_dialog)
        for button in (edit, history, attach):
            bar.addWidget(button)
        # The next step from a place or a visit, pre-filled with it.
        here = {"facility": [(self.tr("New visit here"), "new_visit_here", "visit")],
                "visit": [(self.tr("New interview here"), "new_interview_here", "interview"),
                          (self.tr("New examination here"), "new_examination_here", "examination")]}
        for text, name, record_type in here.get(info.type, []) if not info.deleted else []:
            button = QPushButton(text, objectName=name)
            button.clicked.connect(lambda _=False, t=record_type: window.new_record(t, self._here(t)))
            bar.addWidget(button)
        bar.addStretch(1)
        edit.setEnabled(not info.deleted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _here(self, record_type: str) -> dict:
        """What a record made from this page knows already (beyond the window's own defaults)."""
        vault = self.window_.vault
        info = vault.info(self.record_id)
        node = schema.inlined(record_type).get("properties", {})
        if info.type == "visit" and record_type == "examination" and "place" in node:
            facility = (info.body or {}).get("facility_id")
            if facility:  # an examination has no visit: it is made at the visit's place
                try:
                    name = (vault.info(facility).body or {}).get("name")
                except MonitorError:
                    name = None
                return {"place": name} if name else {}
        return {}


class CasePage(QWidget):
    def __init__(self, window: "MainWindow", case_id: str):
        super().__init__()
        self.setObjectName("case_page")
        self.record_id = case_id
        self.file = CaseFilePage(window.vault, window.lang)
        self.file.open_record.connect(window.open_record)
        self.file.show_case(case_id)
        bar = QHBoxLayout()
        buttons = [(self.tr("Edit the case"), "edit", lambda: window.navigate(("edit", case_id))),
                   (self.tr("New interview"), "new_interview", lambda: window.new_record("interview")),
                   (self.tr("New examination"), "new_examination", lambda: window.new_record("examination")),
                   (self.tr("New complaint"), "new_complaint", lambda: window.new_record("complaint")),
                   (self.tr("Add a person with a role…"), "add_person",
                    lambda: window.new_record("link", {"target_id": case_id})),
                   (self.tr("Add photo or document…"), "attach", window.add_attachment_dialog),
                   (self.tr("History"), "history_button", lambda: window.navigate(("history", case_id)))]
        for text, name, slot in buttons:
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.file, 1)


class Welcome(QWidget):
    """First run on an empty vault: what to do first."""

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.setObjectName("welcome")
        text = QLabel(self.tr(
            "This vault is empty. Start with what you are documenting:\n\n"
            "• a case — one person's or one event's file: people, allegations, interviews, examinations, "
            "complaints;\n"
            "• a visit — to a place of detention: add the facility first, then the visit, its findings and "
            "recommendations.\n\n"
            "Everything you enter stays inside this encrypted vault. Lock it with Ctrl+L when you step away."),
            textFormat=Qt.PlainText, wordWrap=True)
        text.setObjectName("welcome_text")
        text.setMaximumWidth(640)
        text.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        # Centred by stretches, not by an alignment flag: an aligned item gets its height for the wrong
        # width, which clipped the first line of the wrapped text.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(text, 4)
        centred.addStretch(1)
        layout.addLayout(centred)
        row = QHBoxLayout()
        row.addStretch(1)
        for label, name, record_type in ((self.tr("New case"), "welcome_case", "case"),
                                         (self.tr("New facility"), "welcome_facility", "facility"),
                                         (self.tr("New visit"), "welcome_visit", "visit")):
            button = QPushButton(label, objectName=name)
            button.clicked.connect(lambda _=False, t=record_type: window.new_record(t))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    # The vault cannot be read any more (wiped by another process, or damaged): the session locks.
    vault_lost = Signal(str)

    def __init__(self, vault: Vault, parent=None, *, lang: str = "en"):
        super().__init__(parent)
        install_wheel_guard(QApplication.instance())  # the wheel over a drop-down scrolls the form
        self.vault = vault
        # A save while long work (an import, an export, a report) holds the vault says so at once
        # instead of freezing the window until it ends (VaultBusy; editors keep the typing).
        vault.write_wait = 0.1
        self.lang = lang
        self.setWindowTitle(self.tr("Monitor"))
        self.resize(1200, 780)
        self.setAcceptDrops(True)
        self.models = {}
        for name in LISTS:
            cols, stretch = columns(name, lang)
            self.models[name] = RowsModel(cols, stretch, self)
        self.cases_model = self.models["cases"]
        self.results_model = RowsModel([("type_label", self.tr("Type")), ("label", self.tr("Record")),
                                        ("snippet", self.tr("Match")), ("why", self.tr("Matched words"))], 2, self)
        self.results_model.PAGE = 50  # each result carries a snippet: fetch them 50 at a time
        self._terms = []  # the words of the current search, for highlighting in the record view
        self.proxy = ListProxy(self)
        self.table = QTableView(objectName="records")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setResizeContentsPrecision(40)  # widths from 40 rows, not all
        self.table.horizontalHeader().sectionClicked.connect(self._sort_all)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.detail = RecordBrowser(vault, lang)
        self.detail.setObjectName("detail")
        self.detail.open_record.connect(self.open_record)
        self.list_title = QLabel(textFormat=Qt.PlainText, objectName="list_title")
        self.filter_box = QLineEdit(objectName="list_filter", placeholderText=self.tr("Filter this list…"),
                                    clearButtonEnabled=True, minimumWidth=180)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.status_filter = QComboBox(objectName="status_filter")
        self.status_filter.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # «Кез келген мәртебе» whole
        self.status_filter.currentIndexChanged.connect(lambda _: self._reload_list())
        self.facility_filter = QComboBox(objectName="facility_filter", maximumWidth=260)
        self.facility_filter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.facility_filter.setMinimumContentsLength(16)
        self.facility_filter.currentIndexChanged.connect(lambda _: self._apply_filters())
        self.date_from = QLineEdit(objectName="date_from", placeholderText=self.tr("from YYYY-MM-DD"),
                                   clearButtonEnabled=True, minimumWidth=185, maximumWidth=200)
        self.date_to = QLineEdit(objectName="date_to", placeholderText=self.tr("to YYYY-MM-DD"),
                                 clearButtonEnabled=True, minimumWidth=185, maximumWidth=200)
        for box in (self.date_from, self.date_to):
            box.editingFinished.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.list_title)
        filters.addStretch(1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.facility_filter)
        filters.addWidget(self.date_from)
        filters.addWidget(self.date_to)
        filters.addWidget(self.filter_box)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        self.list_page = QSplitter()
        self.list_page.addWidget(left)
        self.list_page.addWidget(self.detail)
        self.list_page.setSizes([820, 380])
        self.list_page.setStretchFactor(0, 2)
        self.list_page.setStretchFactor(1, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_page)
        self.welcome = Welcome(self)
        self.pages.addWidget(self.welcome)
        self.banner = self._conflict_banner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.page: QWidget | None = None  # the record page, editor, case file or history shown

        self.history: list[tuple] = []
        self.position = -1
        self.list_name = "cases"

        self.search_box = QLineEdit(objectName="search", placeholderText=self.tr("Search narratives, names, notes…"),
                                    clearButtonEnabled=True)
        self.search_box.returnPressed.connect(self.run_search)
        self._build_actions()
        self.status = QLabel(textFormat=Qt.PlainText)
        self.statusBar().addWidget(self.status)
        self.navigate(("list", "cases"))

    # --- menus -------------------------------------------------------------------------------

    def add_rekey_action(self, session) -> QAction:
        """"My passphrase or laptop may be compromised…" in the Vault menu: a new key for the vault."""
        def open_rekey() -> None:
            from .dialogs.rekey import RekeyDialog

            dialog = RekeyDialog(self, session.vault, self.lang, session.kdf, session.kdf_iter)
            dialog.setAttribute(Qt.WA_DeleteOnClose)
            dialog.open()

        self.rekey_action = self._action(self.tr("My passphrase or laptop may be compromised…"), open_rekey,
                                         None, "rekey")
        menu = getattr(self, "vault_menu", None)
        if menu is not None:
            menu.insertAction(menu.actions()[2] if len(menu.actions()) > 2 else None, self.rekey_action)
        return self.rekey_action

    def _action(self, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        action = QAction(text, self, triggered=slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        return action

    def _build_actions(self) -> None:
        self.back_action = self._action(self.tr("Back"), self.back, QKeySequence.Back, "back")
        self.forward_action = self._action(self.tr("Forward"), self.forward, QKeySequence.Forward, "forward")
        self.save_action = self._action(self.tr("Save"), self.save_current, QKeySequence.Save, "save_action")
        self.find_action = self._action(self.tr("Find…"), self.focus_search, QKeySequence.Find, "find")
        self.lock_action = self._action(self.tr("Lock"), lambda: self.lock_requested.emit(), "Ctrl+L", "lock")
        self.attach_action = self._action(self.tr("Add photo or document…"), self.add_attachment_dialog, None, "attach")
        self.quit_action = self._action(self.tr("Quit"), self.close, QKeySequence.Quit, "quit")
        self.export_sheet_action = self._action(self.tr("Export list to spreadsheet…"), self.export_list_sheet, None,
                                                 "export_sheet")
        self.history_action = self._action(self.tr("History of this record"), self.show_history, "Ctrl+H", "history")
        self.cases_action = self._action(self.tr("Cases"), lambda: self.show_list("cases"))
        menu_file = self.menuBar().addMenu(self.tr("&File"))
        menu_file.addAction(self.attach_action)
        menu_file.addAction(self.export_sheet_action)
        menu_file.addSeparator()
        menu_file.addAction(self.lock_action)
        menu_file.addAction(self.quit_action)
        menu_edit = self.menuBar().addMenu(self.tr("&Edit"))
        menu_edit.addAction(self.save_action)
        menu_edit.addAction(self.find_action)
        menu_view = self.menuBar().addMenu(self.tr("&View"))
        self.list_actions = {}
        for index, name in enumerate(LISTS):
            action = self._action(list_title(name, self.lang), lambda _=False, n=name: self.show_list(n),
                                  f"Ctrl+{index + 1}", f"list_{name}")
            self.list_actions[name] = action
            menu_view.addAction(action)
        menu_view.addSeparator()
        menu_view.addAction(self.back_action)
        menu_view.addAction(self.forward_action)
        menu_records = self.menuBar().addMenu(self.tr("&Records"))
        self.new_actions = {}
        for record_type in schema.RECORD_TYPES:
            if record_type in NOT_CREATED_BY_HAND:
                continue
            action = self._action(self.tr("New {what}").format(what=titles.type_title(record_type, self.lang).lower()),
                                  lambda _=False, t=record_type: self.new_record(t),
                                  QKeySequence.New if record_type == "case" else None, f"new_{record_type}")
            self.new_actions[record_type] = action
            menu_records.addAction(action)
        menu_records.addSeparator()
        menu_records.addAction(self.history_action)
        menu_reports = self.menuBar().addMenu(self.tr("&Reports"))
        for kind, text in (("dossier", self.tr("Case dossier…")), ("medical", self.tr("Medical evaluation report…")),
                           ("visit", self.tr("Visit report…")), ("stats", self.tr("Statistics…"))):
            menu_reports.addAction(self._action(text, lambda _=False, k=kind: self.print_report(k), None, f"report_{kind}"))
        menu_reports.addSeparator()
        menu_reports.addAction(self._action(self.tr("Check a printed report…"), lambda: self.check_report(), None,
                                            "report_check"))
        from .dialogs import sync_dialogs

        sync_dialogs.install(self)
        self.sync_menu.addSeparator()
        self.conflicts_action = self._action(self.tr("Review conflicts…"), lambda: self.review_conflicts(), None,
                                             "sync_conflicts")
        self.sync_menu.addAction(self.conflicts_action)
        menu_help = self.menuBar().addMenu(self.tr("&Help"))
        menu_help.addAction(self._action(self.tr("Consistency terms (Istanbul Protocol)"), self.explain_consistency))
        menu_help.addAction(self._action(self.tr("About Monitor"), self.about))

        toolbar = QToolBar(self.tr("Main"), movable=False, objectName="main_toolbar")
        self.addToolBar(toolbar)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        toolbar.addSeparator()
        for name in LISTS:
            toolbar.addAction(self.list_actions[name])
        toolbar.addWidget(self.search_box)
        self.type_filter = QComboBox(objectName="type_filter")
        self.type_filter.addItem(self.tr("All types"), "")
        for key, label in record_type_labels(self.lang).items():
            self.type_filter.addItem(label, key)
        self.type_filter.activated.connect(lambda _i: self.search_box.text().strip() and self.run_search())
        toolbar.addWidget(self.type_filter)
        # Tab from the search box goes to the results, not to the type filter (where Down would change it).
        QWidget.setTabOrder(self.search_box, self.table)
        self.type_filter.setFocusPolicy(Qt.ClickFocus)
        toolbar.addAction(self.lock_action)

    # --- navigation --------------------------------------------------------------------------

    def navigate(self, location: tuple, *, push: bool = True) -> None:
        if self.vault is None:  # locked: nothing is read from the vault
            return
        if not self.may_leave():
            return
        self._leave_page()
        if push:
            del self.history[self.position + 1:]
            self.history.append(location)
            self.position = len(self.history) - 1
        try:
            self._reads(lambda: self._show(location))
        except MonitorError as exc:
            self.status.setText(exc.localized(self.lang))
        if self.vault is None:  # the read found the vault gone and the session locked
            return
        self._update_banner()
        self.back_action.setEnabled(self.position > 0)
        self.forward_action.setEnabled(self.position < len(self.history) - 1)

    def lost_message(self) -> str:
        return self.tr("The vault was wiped, changed or damaged by another program while it was open. "
                       "Monitor has locked it.")

    def _reads(self, func):
        """Run a read of the vault; if the vault is gone or cannot be read, lock instead of failing."""
        if self.vault is None or not self.vault.is_open:
            return None
        if not self.vault.still_there():
            self.vault_lost.emit(self.lost_message())
            return None
        try:
            return func()
        except (DatabaseError, VaultDamaged):
            self.vault_lost.emit(self.lost_message())
            return None

    def may_leave(self) -> bool:
        """Whether the current page may be left: a page with unsaved changes asks Save, Discard or
        Cancel (the default). Save that fails (a field to correct) stays on the page."""
        page = self.page
        unsaved = getattr(page, "has_unsaved_changes", None)
        if page is None or unsaved is None or not unsaved():
            return True
        box = QMessageBox(QMessageBox.Warning, self.tr("Unsaved changes"),
                          self.tr("This page has changes that are not saved. Save them before leaving?"),
                          QMessageBox.NoButton, self)
        box.setObjectName("unsaved_prompt")
        save = box.addButton(self.tr("Save"), QMessageBox.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is save:
            return bool(page.save())
        if box.clickedButton() is discard:
            page.discard_changes()
            return True
        return False

    def back(self) -> None:
        if self.position > 0 and self.may_leave():
            self.position -= 1
            self.navigate(self.history[self.position], push=False)

    def forward(self) -> None:
        if self.position < len(self.history) - 1 and self.may_leave():
            self.position += 1
            self.navigate(self.history[self.position], push=False)

    @property
    def location(self) -> tuple | None:
        return self.history[self.position] if 0 <= self.position < len(self.history) else None

    def _leave_page(self) -> None:
        page, self.page = self.page, None
        if page is None:
            return
        flush = getattr(page, "flush_draft", None)
        if flush is not None:
            try:
                flush()
            except MonitorError:
                pass
        self.pages.removeWidget(page)
        page.setParent(None)  # out of the window at once (a lock empties what is left in it)
        page.deleteLater()

    def _set_page(self, page: QWidget) -> None:
        self.page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    def _show(self, location: tuple) -> None:
        kind = location[0]
        if kind == "list":
            self._show_list(location[1])
        elif kind == "search":
            self._show_search(location[1])
        elif kind == "record":
            self._show_record(location[1])
        elif kind == "edit":
            info = self.vault.info(location[1])
            self._set_page(self._editor(info.type, self.vault.get(location[1])))
            self.status.setText(info_label(self.vault, info, self.lang))
        elif kind == "new":
            self._set_page(self._editor(location[1], None, location[2], location[3] if len(location) > 3 else None))
            focus_first_field(self.page)  # a new record: typing goes to its first field
            self.status.setText(titles.type_title(location[1], self.lang))
        elif kind == "history":
            self._set_page(HistoryView(self.vault, location[1], self.lang))
            self.status.setText(info_label(self.vault, self.vault.info(location[1]), self.lang))
        elif kind == "conflicts":
            from .pages.conflicts import ConflictsPage

            page = ConflictsPage(self.vault, self.lang, location[1])
            page.open_record.connect(self.open_record)
            page.resolved.connect(self._conflict_resolved)
            self._set_page(page)
            self.status.setText(self.tr("{n} records to review").format(n=len(page.record_ids)))

    # --- conflicts ---------------------------------------------------------------------------

    def _conflict_banner(self) -> QWidget:
        """Shown above a record in conflict (or with a refused sealed edit), with a way to review it."""
        banner = QWidget(objectName="conflict_banner")
        banner.setAttribute(Qt.WA_StyledBackground, True)
        banner.setStyleSheet("#conflict_banner { background: #fff1c2; border-bottom: 1px solid #e0c060; }")
        self.banner_text = QLabel(textFormat=Qt.PlainText, objectName="conflict_banner_text", wordWrap=True)
        review = QPushButton(self.tr("Review"), objectName="conflict_review")
        review.clicked.connect(lambda: self.review_conflicts(self.banner_record))
        row = QHBoxLayout(banner)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.banner_text, 1)
        row.addWidget(review)
        banner.hide()
        self.banner_record: str | None = None
        return banner

    def _update_banner(self) -> None:
        from .pages.conflicts import conflict_summary

        location = self.location
        record_id = location[1] if location and location[0] in ("record", "edit", "history") else None
        versions = refused = 0
        if record_id is not None:
            try:
                versions, refused = conflict_summary(self.vault, record_id)
            except MonitorError:
                versions = refused = 0
        parts = []
        if versions > 1:
            parts.append(self.tr("{n} versions from different devices: choose what to keep before editing.")
                         .format(n=versions))
        if refused:
            parts.append(self.tr("An edit of this sealed record from another device was refused and kept."))
        self.banner_record = record_id if parts else None
        self.banner_text.setText(" ".join(parts))
        self.banner.setVisible(bool(parts))

    def review_conflicts(self, record_id: str | None = None) -> None:
        self.navigate(("conflicts", record_id))

    def _conflict_resolved(self, record_id: str) -> None:
        try:
            label = info_label(self.vault, self.vault.info(record_id), self.lang)
        except MonitorError:
            label = record_id
        self.status.setText(self.tr("Resolved: {record}").format(record=label))

    def open_record(self, record_id: str) -> None:
        self.navigate(("record", record_id))

    def _show_record(self, record_id: str) -> None:
        info = self.vault.info(record_id)
        if info.type == "case" and not info.deleted:
            page = CasePage(self, record_id)
        elif info.type in ("interview", "examination") and not info.deleted:
            page = self._editor(info.type, info.body)
        elif info.type == "attachment" and not info.deleted:
            page = AttachmentView(self.vault, record_id, self.lang)
            page.open_record.connect(self.open_record)
        else:
            page = RecordPage(self, record_id)
        self._set_page(page)
        self.status.setText(info_label(self.vault, info, self.lang))

    def _editor(self, record_type: str, record: dict | None, defaults: dict | None = None,
                record_id: str | None = None) -> QWidget:
        """The editor of ``record``, or of a new ``record_type`` record with ``defaults`` whose draft is
        kept under ``record_id``."""
        if record is None and record_id:
            defaults = {**(defaults or {}), "id": record_id}
        if record_type == "interview":
            editor = InterviewEditor(self.vault, record, lang=self.lang, defaults=defaults)
        elif record_type == "examination":
            editor = ExaminationEditor(self.vault, record, lang=self.lang, defaults=defaults)
        else:
            editor = RecordForm(self.vault, record_type, record, lang=self.lang,
                                record_id=(defaults or {}).get("id"), defaults=defaults)
            editor.saved.connect(lambda saved: self._replace_location(("record", saved["id"])))
        if isinstance(editor, (InterviewEditor, ExaminationEditor)):
            editor.saved.connect(lambda saved: self._replace_location(("record", saved["id"]), reload=False))
        return editor

    def _replace_location(self, location: tuple, *, reload: bool = True) -> None:
        """After a first save, the place in the history becomes the record itself."""
        if 0 <= self.position < len(self.history):
            self.history[self.position] = location
        if reload:
            self.navigate(location, push=False)

    def new_record(self, record_type: str, extra: dict | None = None) -> None:
        """A new ``record_type`` record, with defaults from the record shown (its case, visit, person or
        facility) and ``extra`` (what a button "… here" already knows)."""
        if self.vault is None:
            return
        defaults = {}
        current = self.current_record_id()
        if current:
            try:
                info = self.vault.info(current)
            except MonitorError:
                info = None
            node = schema.inlined(record_type).get("properties", {})
            if info is not None:
                if info.type == "case" and "case_id" in node:
                    defaults["case_id"] = current
                if info.type == "visit" and "visit_id" in node:
                    defaults["visit_id"] = current
                if info.type == "person" and "person_id" in node:
                    defaults["person_id"] = current
                if info.type == "facility" and "facility_id" in node:
                    defaults["facility_id"] = current
                body = info.body or {}
                if "case_id" in node and body.get("case_id") and "case_id" not in defaults:
                    defaults["case_id"] = body["case_id"]
        defaults.update(extra or {})
        self._victim_default(record_type, defaults)
        # The id the new record's draft is kept under: the same when the user comes back (Back), and an
        # unsaved new record of this type left by a lock or a crash is offered again rather than lost.
        record_id = drafts.unsaved_new(self.vault, record_type, defaults) or new_id()
        self.navigate(("new", record_type, defaults, record_id))

    def _victim_default(self, record_type: str, defaults: dict) -> None:
        """An interview or examination for a case with exactly one victim is about that victim."""
        case_id = defaults.get("case_id")
        if not case_id or defaults.get("person_id") or "person_id" not in schema.inlined(record_type).get(
                "properties", {}) or record_type == "link":
            return
        from ..core.queries import casefile

        try:
            links = casefile.gather(self.vault, case_id).links
        except MonitorError:
            return
        victims = list(dict.fromkeys(link["person_id"] for link in links
                                     if link.get("role") == "victim" and link.get("person_id")))
        if len(victims) == 1:
            defaults["person_id"] = victims[0]

    def current_record_id(self) -> str | None:
        location = self.location
        if location and location[0] in ("record", "edit", "history"):
            return location[1]
        page = self.page
        return getattr(page, "record_id", None) if page is not None else None

    # --- lists and search --------------------------------------------------------------------

    def show_list(self, name: str) -> None:
        self.navigate(("list", name))

    def show_cases(self) -> None:
        self.show_list("cases")

    def _use(self, model: RowsModel) -> None:
        self.proxy.setSourceModel(model)
        self.proxy.set_filters()
        self.proxy.sort(-1)

    def _fit_columns(self) -> None:
        """The title column takes the spare room; the others fit their contents, up to a limit."""
        model = self.proxy.sourceModel()
        header = self.table.horizontalHeader()
        for column in range(len(model.columns)):
            if column == model.stretch:
                header.setSectionResizeMode(column, QHeaderView.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            self.table.resizeColumnToContents(column)
            if self.table.columnWidth(column) > MAX_COLUMN:
                self.table.setColumnWidth(column, MAX_COLUMN)

    def vault_changed(self) -> None:
        """Records came in from outside the window (an import, the inbox): a list shown is read again, the
        first-run screen gives way to the list, and the status bar counts again (never a stale "empty")."""
        if self.vault is None:
            return
        location = self.location
        if location is None or location[0] == "list":
            self._reads(lambda: self._show_list(location[1] if location else self.list_name))
        elif self.pages.currentWidget() is self.welcome or self.page is None:
            self._reads(lambda: self._show_list(self.list_name))

    def _empty_vault(self) -> bool:
        counts = self.vault.counts()
        return not any(counts.get(t) for t in ("case", "visit", "facility", "person"))

    def _show_list(self, name: str) -> None:
        self.list_name = name
        if name == "cases" and self._empty_vault():
            self.pages.setCurrentWidget(self.welcome)
            self.status.setText(self.tr("The vault is empty."))
            return
        self.pages.setCurrentWidget(self.list_page)
        self.list_title.setText(list_title(name, self.lang))
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        vocabulary = STATUS_VOCABULARY.get(name)
        if vocabulary:
            self.status_filter.addItem(self.tr("Any status"), None)
            for key, label in self.vault.vocabulary(vocabulary, self.lang):
                self.status_filter.addItem(label, key)
        self.status_filter.setVisible(bool(vocabulary))
        self.status_filter.setMinimumWidth(self.status_filter.sizeHint().width())  # never cut in a crowded row
        self.status_filter.blockSignals(False)
        self.facility_filter.blockSignals(True)
        self.facility_filter.clear()
        if name in ("cases", "visits"):
            self.facility_filter.addItem(self.tr("Any facility"), None)
            for info in self.vault.records("facility"):
                self.facility_filter.addItem(info.body["name"], info.body["name"])
        self.facility_filter.setVisible(name in ("cases", "visits"))
        self.facility_filter.blockSignals(False)
        dated = name in ("cases", "visits", "examinations", "complaints")
        self.date_from.setVisible(dated)
        self.date_to.setVisible(dated)
        self._reload_list()

    def export_list_sheet(self) -> None:
        """The list shown (its rows and columns, as shown, in the window's language) as an .xlsx
        workbook: after a warning that the file is plaintext, written and logged on a worker thread."""
        from PySide6.QtWidgets import QFileDialog

        from . import worker as workers

        if self.pages.currentWidget() is not self.list_page or getattr(self, "_sheet_worker", None) is not None:
            return
        title = self.tr("Export to spreadsheet")
        answer = QMessageBox.warning(
            self, title, self.tr("The workbook will hold this list as PLAINTEXT outside the encrypted vault: "
                                 "anyone who gets the file can read it. Keep it off shared or unencrypted disks. "
                                 "Export it?"), QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return
        name = self.list_title.text() or "list"
        path, _filter = QFileDialog.getSaveFileName(self, title, f"{name}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        model = self.proxy.sourceModel()
        if isinstance(model, RowsModel):
            self._reads(model.fetch_all)  # the whole list, not only the rows read so far
        proxy = self.proxy
        header = [proxy.headerData(c, Qt.Horizontal, Qt.DisplayRole) for c in range(proxy.columnCount())]
        rows = [[proxy.data(proxy.index(r, c), Qt.DisplayRole) for c in range(proxy.columnCount())]
                for r in range(proxy.rowCount())]
        self._sheet_worker = workers.Worker(_write_sheet, self.vault, path, name, header, rows,
                                            detail=f"list={self.list_name} rows={len(rows)} lang={self.lang}")
        self._sheet_worker.outcome.connect(self._sheet_written)
        self.status.setText(self.tr("Writing the workbook…"))
        self._sheet_thread = workers.start(self._sheet_worker, self)

    def _sheet_written(self, _worker, result, exc) -> None:
        if self._sheet_thread is not None:
            self._sheet_thread.wait()
        self._sheet_worker = self._sheet_thread = None
        if exc is None:
            self.status.setText(self.tr("Wrote {rows} rows to {path}").format(rows=result[0], path=result[1]))
        else:
            text = exc.localized(self.lang) if isinstance(exc, MonitorError) else type(exc).__name__
            QMessageBox.warning(self, self.tr("Export to spreadsheet"), text)

    def _sort_all(self, column: int) -> None:
        """Sorting by a column sorts the whole list, so the rest of it is read first."""
        model = self.proxy.sourceModel()
        if isinstance(model, RowsModel) and model.canFetchMore():
            model.fetch_all()

    def _apply_filters(self) -> None:
        """Facility and date filters over the rows fetched so far (all of them are fetched first)."""
        if self.vault is None:
            return
        wanted = [self.facility_filter.currentData(), self.date_from.text().strip(), self.date_to.text().strip()]
        model = self.proxy.sourceModel()
        if any(wanted) and isinstance(model, RowsModel):
            model.fetch_all()
        self.proxy.set_filters(facility=wanted[0], date_from=wanted[1], date_to=wanted[2])

    def _reload_list(self) -> None:
        if self.vault is None:
            return
        name = self.list_name
        model = self.models[name]
        self._use(model)
        model.set_source(fetcher(self.vault, name, self.lang, status=self.status_filter.currentData()))
        self._apply_filters()
        self._fit_columns()
        self.detail.show_record(None)
        counts = self.vault.counts()
        self.status.setText(self.tr("{cases} cases, {records} records").format(
            cases=counts.get("case", 0), records=sum(counts.values())))

    def run_search(self) -> None:
        if self.vault is None:
            return
        text = self.search_box.text().strip()
        if not text:
            self.show_cases()
            return
        self.navigate(("search", text))

    def _show_search(self, text: str) -> None:
        self.pages.setCurrentWidget(self.list_page)
        if self.search_box.text().strip() != text:
            self.search_box.setText(text)
        vault, lang = self.vault, self.lang
        types = [self.type_filter.currentData()] if self.type_filter.currentData() else None
        labels = record_type_labels(lang)
        first = {}

        def fetch(offset: int, limit: int) -> list[dict]:
            page = vault.search_page(text, limit=limit, offset=offset, types=types, marks=("«", "»"))
            first.setdefault("page", page)
            rows = []
            for h in page.hits:
                try:
                    label = info_label(vault, vault.info(h.record_id), lang)
                except MonitorError:
                    label = h.label
                rows.append({"id": h.record_id, "type": h.type, "type_label": labels.get(h.type, h.type),
                             "label": label, "snippet": h.snippet, "why": ", ".join(h.matched)})
            return rows

        self._use(self.results_model)
        self.results_model.set_source(fetch)
        page = first["page"]
        self._terms = page.terms
        self._fit_columns()
        self.list_title.setText(self.tr("Search: {text}").format(text=text))
        for widget in (self.status_filter, self.facility_filter, self.date_from, self.date_to):
            widget.hide()
        self.detail.show_record(None)
        status = self.tr("{n} matches").format(n=page.total)
        if page.recent_only:
            status += " — " + self.tr("very common words: the most recent matches are ranked first")
        self.status.setText(status)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _row_id(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        model = self.proxy.sourceModel()
        return model.rows[source.row()]["id"] if 0 <= source.row() < len(model.rows) else None

    def _show_selected(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.vault is None:
            return
        record_id = self._row_id(current)
        if record_id:
            self.detail.show_record(record_id)
            self._highlight(self._terms if self.proxy.sourceModel() is self.results_model else [])

    def _highlight(self, terms) -> None:
        """Mark the words of the record that matched the search (word forms included)."""
        from ..core.search.index import match_spans

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

    def _activated(self, index: QModelIndex) -> None:
        record_id = self._row_id(index)
        if record_id:
            self.open_record(record_id)

    def _context_menu(self, point) -> None:
        record_id = self._row_id(self.table.indexAt(point))
        if not record_id:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_record(record_id))
        menu.addAction(self.tr("Edit"), lambda: self.navigate(("edit", record_id)))
        menu.addAction(self.tr("History"), lambda: self.navigate(("history", record_id)))
        menu.exec(self.table.viewport().mapToGlobal(point))

    # --- actions -----------------------------------------------------------------------------

    def save_current(self) -> None:
        if self.vault is None:
            return
        save = getattr(self.page, "save", None)
        if save is not None:
            save()

    def show_history(self) -> None:
        record_id = self.current_record_id() or self._row_id(self.table.currentIndex())
        if record_id:
            self.navigate(("history", record_id))

    def add_attachment_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos or documents"))
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path], *, intimate: bool | None = None) -> list[dict]:
        """Store files in the vault, attached to the record shown (if any)."""
        if self.vault is None:
            return []
        parent_id = self.current_record_id()
        added, error = add_files(self, self.vault, paths, parent_id=parent_id, intimate=intimate)
        if error:
            self.status.setText(error)
        else:
            self.status.setText(self.tr("{n} file(s) added to the vault.").format(n=len(added)))
        location = self.location
        if added and location and location[0] == "record" and self.page is not None \
                and not isinstance(self.page, (InterviewEditor, ExaminationEditor)):
            self.navigate(location, push=False)  # show the new photos
        return added

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    def report_subject(self, kind: str) -> str | None:
        """The record a report is about: the case, examination or visit shown (or the case of the
        record shown, for a dossier). None for statistics, or when nothing fitting is open."""
        record_id = self.current_record_id() or self._row_id(self.table.currentIndex())
        if kind == "stats" or not record_id:
            return None
        try:
            info = self.vault.info(record_id)
        except MonitorError:
            return None
        wanted = {"dossier": "case", "medical": "examination", "visit": "visit"}[kind]
        if info.type == wanted:
            return record_id
        if kind == "dossier" and info.body and info.body.get("case_id"):
            return info.body["case_id"]
        return None

    def print_report(self, kind: str) -> None:
        """Build a report on a worker and preview it (rendered in memory); Save As and Print from there."""
        if self.vault is None:
            return
        from .dialogs.report_preview import ReportPreview, locked

        subject = self.report_subject(kind)
        if kind != "stats" and subject is None:
            self.status.setText({"dossier": self.tr("Open a case (or one of its records) first."),
                                 "medical": self.tr("Open a medical examination first."),
                                 "visit": self.tr("Open a visit first.")}[kind])
            return
        preview = ReportPreview(locked(self.vault), kind, subject_id=subject, lang=self.lang, parent=self)
        preview.setAttribute(Qt.WA_DeleteOnClose)
        preview.show()

    def check_report(self):
        """Check a report's PDF against this vault (on a worker; the dialog shows the verdict)."""
        if self.vault is None:
            return None
        from .dialogs.check_report import CheckReportDialog

        dialog = CheckReportDialog(self, self.vault, self.lang)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def explain_consistency(self) -> None:
        lines = []
        for key, label in self.vault.vocabulary("consistency", self.lang):
            lines.append(f"{label}: {diagram.consistency_definition(key, self.lang)}")
        box = QMessageBox(QMessageBox.Information, self.tr("Consistency terms (Istanbul Protocol)"),
                          "\n\n".join(lines), QMessageBox.Ok, self)
        box.setTextFormat(Qt.PlainText)
        box.exec()

    def about(self) -> None:
        box = QMessageBox(QMessageBox.Information, self.tr("About Monitor"),
                          self.tr("Monitor keeps the records of visits to places of detention and of torture "
                                  "documentation in one encrypted vault, offline."), QMessageBox.Ok, self)
        box.setTextFormat(Qt.PlainText)
        box.exec()

    def closeEvent(self, event) -> None:
        """Closing the window keeps unsaved typing as a draft in the vault first."""
        if self.vault is not None and self.vault.is_open:
            self._leave_page()
        super().closeEvent(event)

    def clear(self) -> None:
        """Drop everything shown from the vault (on lock). Unsaved typing is kept as a draft first,
        then the window lets go of the vault, so no handler can read from it again."""
        watcher = getattr(self, "inbox", None)
        if watcher is not None:  # first: a merge in progress ends (rolled back), so the draft can be written
            watcher.stop()
        self._leave_page()
        self.vault = None
        for model in self.models.values():
            model.set_rows([])
        self.results_model.set_rows([])
        self._terms = []
        self.detail.forget()
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.filter_box.clear()
        self.status.clear()
        self.banner.hide()
        self.banner_text.clear()
        self.banner_record = None
        self.history, self.position = [], -1


def _write_sheet(vault: Vault, path: str, title: str, header: list, rows: list, *, detail: str, progress=None,
                 cancel=None) -> tuple[int, str]:
    """On a worker thread: the table as a workbook, written atomically with its audit entry."""
    from ..core.io.sheets_out import table_workbook, write_logged

    data = table_workbook([(title, header, rows)])
    with vault.hold():  # the window's saves wait (or say busy) while the entry and the file are written
        write_logged(vault, path, data, "sheet-written", detail)
    return len(rows), path
