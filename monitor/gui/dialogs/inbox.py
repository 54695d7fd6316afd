"""The inbox folder in the window: bundles that arrive there are merged while the vault is open.

The folder is kept in the vault (``monitor.core.sync.inbox``). While the vault is open the
window watches it (a file-system watcher, and a poll every minute for folders a watcher cannot see
into, such as network shares), and merges each new bundle on a worker thread, one transaction
each, exactly as Sync > Import would. A bundle from a signer the vault does not trust waits in the
list until the user compares the fingerprint and imports it on purpose. Locking stops the watch and
forgets the list of files.
"""

from __future__ import annotations

import weakref
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import MonitorError
from ...core.messages import localize
from ...core.sync import inbox
from .. import worker as workers
from ..plain import plain, tip
from ..labels import format_clock
from .trust import ask_to_trust

POLL_MS = 60_000
SETTLE_MS = 3_000  # after the watcher reports a change, wait for the file to be complete


class InboxWatcher(QObject):
    """Watches the vault's inbox folder and merges what arrives; one scan at a time."""

    changed = Signal()  # the log or the state changed
    progress = Signal(int, int, str)

    def __init__(self, window) -> None:
        super().__init__(window)
        # weakly: the window holds the watcher (window.inbox), and a cycle would keep a closed
        # window's Python side alive until the garbage collector happens by
        self._window = weakref.ref(window)
        self.log: list[tuple[str, inbox.Outcome]] = []  # (time, outcome), newest last
        self.handled: dict = {}
        self.folder: Path | None = None
        self.error = ""
        self._worker = self._thread = None
        self._again = False
        self._watch = QFileSystemWatcher(self)
        self._watch.directoryChanged.connect(lambda _path: self._soon.start())
        self._soon = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._soon.timeout.connect(self.check)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.check)
        vault = window.vault
        if vault is not None:
            self._use(inbox.folder_of(vault))

    @property
    def window(self):
        return self._window()

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def _use(self, folder: Path | None) -> None:
        if self._watch.directories():
            self._watch.removePaths(self._watch.directories())
        self.folder, self.handled, self.error = folder, {}, ""
        if folder is None:
            self._poll.stop()
        else:
            if folder.is_dir():
                self._watch.addPath(str(folder))
            self._poll.start()
            self._soon.start()
        self.changed.emit()

    def set_folder(self, folder: Path | None) -> None:
        vault = getattr(self.window, "vault", None)
        if vault is None:
            return
        stored = inbox.choose_folder(vault, folder)
        self._use(stored)

    def check(self, *, trust: list[str] = ()) -> None:
        """Scan now (or as soon as the running scan ends)."""
        vault = getattr(self.window, "vault", None)
        if vault is None or self.folder is None:
            return
        if self.busy:
            self._again = True
            return
        if self.folder.is_dir() and str(self.folder) not in self._watch.directories():
            self._watch.addPath(str(self.folder))  # a USB stick plugged in again

        def job(*, progress=None, cancel=None):
            with vault.hold():
                return inbox.scan(vault, self.folder, handled=self.handled, trust=list(trust),
                                  progress=progress, cancel=cancel)

        self._worker = workers.Worker(job)
        self._worker.progress.connect(self.progress)
        self._worker.outcome.connect(self._finished)
        self._thread = workers.start(self._worker, self)
        self.changed.emit()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def _finished(self, _worker, outcomes, exc) -> None:
        if self._thread is not None:
            self._thread.wait()
        self._worker = self._thread = None
        window = self.window
        if window is None or window.vault is None:  # locked or closed meanwhile
            self.stop()
            return
        if exc is not None:
            self.error = localize(exc, window.lang)
        else:
            self.error = ""
            stamp = format_clock(window.lang)
            self.log.extend((stamp, o) for o in outcomes)
            merged = [o for o in outcomes if o.status == inbox.IMPORTED]
            waiting = [o for o in outcomes if o.status == inbox.UNKNOWN_SIGNER]
            refused = [o for o in outcomes if o.status == inbox.REFUSED]
            if merged:
                window.vault_changed()  # the list, the first-run screen and the status bar follow
            if merged or waiting or refused:
                window.status.setText(self.tr("Inbox: {merged} merged, {waiting} waiting for trust, "
                                                   "{refused} refused").format(
                    merged=len(merged), waiting=len(waiting), refused=len(refused)))
        self.changed.emit()
        if self._again:
            self._again = False
            self.check()

    def stop(self) -> None:
        """Stop watching and forget the files seen (on lock)."""
        self.cancel()
        if self._thread is not None:
            self._thread.wait()
        self._worker = self._thread = None
        self._soon.stop()
        self._poll.stop()
        if self._watch.directories():
            self._watch.removePaths(self._watch.directories())
        self.log, self.handled, self.folder = [], {}, None
        self.changed.emit()


class InboxDialog(QDialog):
    """Choose the inbox folder, see what arrived and what happened to it, trust a waiting signer."""

    def __init__(self, watcher: InboxWatcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watcher = watcher
        self.setWindowTitle(self.tr("Inbox folder"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.explain = plain(QLabel(self.tr(
            "Bundles for this vault that arrive in this folder (a synced folder, a USB stick) are merged "
            "while the vault is open, each all or nothing. Files there are never changed or deleted.")))
        layout.addWidget(self.explain)
        self.folder_label = plain(QLabel(objectName="inbox_folder"), selectable=True)
        layout.addWidget(self.folder_label)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose folder…"), objectName="choose")
        self.choose_button.clicked.connect(self._choose)
        self.clear_button = QPushButton(self.tr("Stop using this folder"), objectName="clear")
        self.clear_button.clicked.connect(lambda: self._apply(None))
        self.check_button = QPushButton(self.tr("Check now"), objectName="check")
        self.check_button.clicked.connect(lambda: self.watcher.check())
        for button in (self.choose_button, self.clear_button, self.check_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = QTableWidget(0, 4, objectName="inbox_log")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("File"), self.tr("Result"), self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._selection)
        layout.addWidget(self.table, 1)
        self.trust_button = QPushButton(self.tr("Compare the fingerprint and import…"), objectName="trust")
        self.trust_button.clicked.connect(self._trust)
        layout.addWidget(self.trust_button)
        self.progress = QProgressBar()
        self.status = plain(QLabel(objectName="inbox_status"))
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel")
        self.cancel_button.clicked.connect(self.watcher.cancel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        watcher.changed.connect(self.refresh)
        watcher.progress.connect(self._on_progress)
        self.refresh()

    def _choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Inbox folder"))
        if name:
            self._apply(Path(name))

    def _apply(self, folder: Path | None) -> None:
        try:
            self.watcher.set_folder(folder)
        except MonitorError as exc:
            self.status.setText(localize(exc, self.watcher.window.lang))

    def _on_progress(self, done: int, total: int, _label: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _selected(self) -> inbox.Outcome | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.UserRole)

    def _selection(self) -> None:
        chosen = self._selected()
        self.trust_button.setEnabled(chosen is not None and chosen.status == inbox.UNKNOWN_SIGNER
                                     and not self.watcher.busy)

    def confirm_signer(self, fingerprint: str) -> bool:
        return ask_to_trust(self, fingerprint)

    def _trust(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen.status != inbox.UNKNOWN_SIGNER:
            return
        if self.confirm_signer(chosen.fingerprint):
            self.watcher.check(trust=[chosen.fingerprint])

    def status_text(self, status: str) -> str:
        return {inbox.IMPORTED: self.tr("Merged"), inbox.REPLAY: self.tr("Imported before"),
                inbox.UNKNOWN_SIGNER: self.tr("Waits for trust"), inbox.REFUSED: self.tr("Refused")}[status]

    def refresh(self) -> None:
        w = self.watcher
        self.folder_label.setText(self.tr("Folder: {path}").format(path=w.folder) if w.folder is not None
                                  else self.tr("No inbox folder is chosen for this vault."))
        self.clear_button.setEnabled(w.folder is not None)
        self.check_button.setEnabled(w.folder is not None and not w.busy)
        self.cancel_button.setEnabled(w.busy)
        self.choose_button.setEnabled(not w.busy)
        self.progress.setVisible(w.busy)
        self.cancel_button.setVisible(w.busy)
        # newest first; a file that waits for trust and was then imported shows both lines
        rows = list(reversed(w.log))
        self.table.setRowCount(len(rows))
        for i, (stamp, outcome) in enumerate(rows):
            details = outcome.fingerprint if outcome.status == inbox.UNKNOWN_SIGNER else \
                localize(outcome.report.summary() if outcome.report else outcome.message, w.window.lang)
            cells = [stamp, outcome.name, self.status_text(outcome.status), details]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                item.setToolTip(tip(text))  # file names and messages come from outside
                if column == 0:
                    item.setData(Qt.UserRole, outcome)
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()
        self.status.setText(w.error or (self.tr("Checking the folder…") if w.busy else ""))
        self._selection()


def install(window, menu) -> None:
    """The watcher for the window's vault, and Sync > Inbox folder…"""
    window.inbox = InboxWatcher(window)

    def open_dialog(_checked=False):
        if window.vault is None:
            return None
        dialog = InboxDialog(window.inbox, window)
        dialog.setObjectName("inbox")
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    menu.addSeparator()
    action = menu.addAction(QCoreApplication.translate("SyncMenu", "Inbox folder…"))  # not window.tr: see sync_dialogs.install
    action.setObjectName("sync_inbox")
    action.triggered.connect(open_dialog)
