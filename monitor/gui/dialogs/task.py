"""The base of the small dialogs that run one core job on a worker (vault care, rekey, duress, check
report): progress, the result or a one-line error, and Cancel where the core can stop. A lock closes
these dialogs first and waits for their workers (:meth:`TaskDialog.join_workers`).

Kept apart from ``vault_care`` so that a dialog reached from Settings can build on it without an
import circle (vault_care opens Settings).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QVBoxLayout,
)

from ...core.errors import Cancelled, MonitorError
from ...core.messages import localize
from .. import worker as workers
from ..plain import plain


def _plain(text: str = "", name: str = "") -> QLabel:
    return plain(QLabel(text, objectName=name))


class TaskDialog(QDialog):
    """A small dialog that runs one core job on a worker, with progress, result and Cancel."""

    def __init__(self, parent, title: str, lang: str = "en"):
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.setWindowModality(Qt.WindowModal)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setSizeConstraint(QLayout.SetMinimumSize)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.layout_.addLayout(self.form)
        self.message = _plain(name="message")
        self.message.setMinimumWidth(460)  # the layout sizes the dialog from its contents
        self.error = _plain(name="error")
        self.error.setStyleSheet("color: #b00020")
        self.progress = QProgressBar(visible=False)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(QCoreApplication.translate("TaskDialog", "Start"), QDialogButtonBox.AcceptRole)
        self.start_button.setObjectName("start")
        self.close_button = self.buttons.addButton(QCoreApplication.translate("TaskDialog", "Close"), QDialogButtonBox.RejectRole)
        self.close_button.setObjectName("close")
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        for widget in (self.message, self.error, self.progress, self.buttons):
            self.layout_.addWidget(widget)
        self._worker: workers.Worker | None = None
        self._thread = None
        self.result_value = None
        self.cancellable = True

    # subclasses: job() returns a function(progress, cancel); finished(result) shows the outcome
    def job(self):
        raise NotImplementedError

    def finished_ok(self, result) -> None:
        self.message.setText(QCoreApplication.translate("TaskDialog", "Done."))

    def start(self) -> None:
        if self._worker is not None:
            return
        func = self.job()
        if func is None:
            return
        self.error.clear()
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.start_button.setEnabled(False)
        self.close_button.setText(QCoreApplication.translate("TaskDialog", "Cancel"))
        self.close_button.setEnabled(self.cancellable)
        self._worker = workers.Worker(func)
        self._worker.progress.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self._thread = workers.start(self._worker, self)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _end(self) -> None:
        if self._thread is not None:
            self._thread.wait()
        self._worker = self._thread = None
        self.progress.setVisible(False)
        self.start_button.setEnabled(True)
        self.close_button.setText(QCoreApplication.translate("TaskDialog", "Close"))
        self.close_button.setEnabled(True)

    def _on_succeeded(self, result) -> None:
        if self._worker is None:
            return
        self._end()
        self.result_value = result
        self.finished_ok(result)

    def _on_failed(self, exc: BaseException) -> None:
        if self._worker is None:
            return
        self._end()
        if isinstance(exc, Cancelled):
            self.error.setText(QCoreApplication.translate("TaskDialog", "Cancelled."))
        elif isinstance(exc, MonitorError):
            self.error.setText(localize(exc, self.lang))
        elif isinstance(exc, OSError):
            self.error.setText(exc.strerror or type(exc).__name__)
        else:
            self.error.setText(QCoreApplication.translate("TaskDialog", "Unexpected error: {error}").format(error=type(exc).__name__))

    def reject(self) -> None:
        if self._worker is not None:
            if self.cancellable:
                self._worker.cancel()
            return  # the result arrives shortly; the dialog stays until then
        super().reject()

    def join_workers(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
        if self._thread is not None:
            self._thread.wait()
        self._worker = self._thread = None
