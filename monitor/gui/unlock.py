"""The first screen: unlock the vault, or create one (empty, or filled with demo data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..core.demo import create_demo_vault
from ..core.errors import Cancelled, MonitorError
from ..core.keyslot import KdfCost
from ..core.passphrase import weakness
from ..core.vault import Vault
from . import worker as workers


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.PlainText)  # paths and messages are never interpreted as markup
    label.setWordWrap(True)
    return label


class UnlockDialog(QDialog):
    """Emits ``unlocked(vault)`` once a vault is open. Slow work runs on a worker thread."""

    unlocked = Signal(object)

    def __init__(self, path: Path, *, kdf: KdfCost | None = None, kdf_iter: int | None = None, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.kdf = kdf  # tests only: a low Argon2id cost for new key files
        self.kdf_iter = kdf_iter  # tests only: PBKDF2 count of vaults from before key files
        self.vault: Vault | None = None
        self._worker: workers.Worker | None = None
        self._thread = None
        self.setWindowTitle(self.tr("Monitor — unlock"))
        self.setMinimumWidth(460)

        self.passphrase = QLineEdit(echoMode=QLineEdit.Password, objectName="passphrase")
        self.confirm = QLineEdit(echoMode=QLineEdit.Password, objectName="confirm")
        self.hint = _plain(QLabel(objectName="hint"))
        self.error = _plain(QLabel(objectName="error"))
        self.error.setStyleSheet("color: #b00020")
        self.progress = QProgressBar(visible=False)
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="unlock")
        self.create_button = QPushButton(self.tr("Create empty vault"), objectName="create")
        self.demo_button = QPushButton(self.tr("Create demo vault"), objectName="demo")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel", visible=False)

        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        layout = QVBoxLayout(self)
        self.intro = _plain(QLabel())
        layout.addWidget(self.intro)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        if self.path.exists():
            self.intro.setText(self.tr("Vault: {path}").format(path=self.path))
            self.confirm.hide()
            self.create_button.hide()
            self.demo_button.hide()
            buttons.addWidget(self.unlock_button)
            self.passphrase.returnPressed.connect(self.unlock)
        else:
            self.intro.setText(self.tr(
                "There is no vault at {path} yet. Choose a passphrase of four or more unrelated words; "
                "it cannot be recovered if lost.").format(path=self.path))
            form.addRow(self.tr("Again"), self.confirm)
            self.unlock_button.hide()
            buttons.addWidget(self.create_button)
            buttons.addWidget(self.demo_button)
            self.passphrase.textChanged.connect(self._update_hint)
        buttons.addWidget(self.cancel_button)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.unlock_button.clicked.connect(self.unlock)
        self.create_button.clicked.connect(lambda: self.create(demo=False))
        self.demo_button.clicked.connect(lambda: self.create(demo=True))
        self.cancel_button.clicked.connect(self._cancel)

    # --- actions ---------------------------------------------------------------------------------

    def unlock(self) -> None:
        passphrase = self.passphrase.text()
        path, kdf, kdf_iter = self.path, self.kdf, self.kdf_iter

        def open_vault(progress, cancel):
            return Vault.open(path, passphrase, kdf=kdf, kdf_iter=kdf_iter, progress=progress)

        self._run(open_vault, self.tr("Unlocking…"))

    def create(self, *, demo: bool) -> None:
        passphrase = self.passphrase.text()
        if passphrase != self.confirm.text():
            self._show_error(self.tr("The two passphrases differ."))
            return
        reason = weakness(passphrase)
        if reason:
            self._show_error(reason)
            return
        path, kdf, kdf_iter = self.path, self.kdf, self.kdf_iter

        def make(progress, cancel):
            if demo:
                create_demo_vault(path, passphrase, cases=50, seed=1, kdf=kdf, kdf_iter=kdf_iter, progress=progress,
                                  cancel=cancel)
                return Vault.open(path, passphrase, kdf=kdf, kdf_iter=kdf_iter)
            return Vault.create(path, passphrase, kdf=kdf, kdf_iter=kdf_iter)

        self._run(make, self.tr("Creating the demo vault…") if demo else self.tr("Creating the vault…"))

    def _run(self, func, label: str) -> None:
        self.error.clear()
        self._busy(True, label)
        self._worker = workers.Worker(func)
        self._worker.progress.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_opened)
        self._worker.failed.connect(self._on_failed)
        self._thread = workers.start(self._worker, self)

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def _join_worker(self) -> None:
        """Wait for the worker thread to end (it has delivered its result or is cancelled)."""
        if self._worker is not None:
            self._worker.cancel()
        if self._thread is not None:
            self._thread.wait()
        self._worker = self._thread = None

    def done(self, result: int) -> None:
        self._join_worker()
        super().done(result)

    # --- results ---------------------------------------------------------------------------------

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _on_opened(self, vault: Vault) -> None:
        self._thread.wait()
        self._worker = self._thread = None
        self._busy(False)
        self.passphrase.clear()
        self.confirm.clear()
        self.vault = vault
        self.unlocked.emit(vault)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._thread.wait()
        self._worker = self._thread = None
        self._busy(False)
        if isinstance(exc, Cancelled):
            self._show_error(self.tr("Cancelled; nothing was created."))
        elif isinstance(exc, MonitorError):
            self._show_error(str(exc))
        else:
            self._show_error(self.tr("Unexpected error: {error}").format(error=type(exc).__name__))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)

    def _update_hint(self, text: str) -> None:
        self.hint.setText(weakness(text) or self.tr("Strong enough.") if text else "")

    def _busy(self, busy: bool, label: str = "") -> None:
        for widget in (self.passphrase, self.confirm, self.unlock_button, self.create_button, self.demo_button):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setFormat(label + " %p%")
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
