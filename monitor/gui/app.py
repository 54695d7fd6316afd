"""Starting the desktop app, and the session: unlock, idle auto-lock, lock on demand."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ..core.fs import harden_process
from ..core.keyslot import KdfCost
from ..core.vault import Vault
from .i18n import choose_language, install_translator
from .main_window import MainWindow
from .unlock import UnlockDialog

IDLE_LOCK_MS = 5 * 60 * 1000
WATCH_MS = 2000
_ACTIVITY = {QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin}


class Session(QObject):
    """Owns the open vault. Any user input restarts the idle timer; when it fires, lock."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, path: Path, *, kdf: KdfCost | None = None, kdf_iter: int | None = None,
                 idle_ms: int = IDLE_LOCK_MS, watch_ms: int = WATCH_MS, lang: str = "en"):
        super().__init__()
        self.path = Path(path)
        self.lang = lang
        self.kdf, self.kdf_iter = kdf, kdf_iter  # tests only (see UnlockDialog)
        self.vault: Vault | None = None
        self.window: MainWindow | None = None
        self.dialog: UnlockDialog | None = None
        self.idle = QTimer(self, singleShot=True, interval=idle_ms)
        self.idle.timeout.connect(self.lock)
        # Notices a wipe (or a passphrase change) by another process even when nobody clicks.
        self.watch = QTimer(self, interval=watch_ms)
        self.watch.timeout.connect(self._check_vault)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _ACTIVITY and self.vault is not None:
            self.idle.start()
        return False

    def start(self) -> UnlockDialog:
        self.dialog = UnlockDialog(self.path, kdf=self.kdf, kdf_iter=self.kdf_iter)
        self.dialog.unlocked.connect(self._on_unlocked)
        self.dialog.show()
        return self.dialog

    def _on_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.window = MainWindow(vault, lang=self.lang)
        self.window.lock_requested.connect(self.lock)
        self.window.vault_lost.connect(self.lock)
        if vault.warnings:  # e.g. a damaged spare key slot was cleared while opening
            self.window.statusBar().showMessage("  ".join(vault.warnings))
        self.window.show()
        self.idle.start()
        self.watch.start()
        self.unlocked.emit()

    def _check_vault(self) -> None:
        if self.vault is not None and self.window is not None and not self.vault.still_there():
            self.lock(self.window.lost_message())

    def lock(self, reason: str | None = None) -> None:
        """Close the vault (dropping the key), clear every view, and ask for the passphrase again.

        ``reason`` (when the vault was lost rather than locked by the user) is shown in the dialog.
        """
        if reason and self.vault is None:
            return  # already locked (a lost vault can be reported twice)
        self.idle.stop()
        self.watch.stop()
        window, self.window = self.window, None
        if window is not None:
            window.clear()
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        dialog = self.start()  # show the unlock dialog before closing the window, so the app does not quit
        if reason:
            dialog._show_error(reason)
        if window is not None:
            window.close()
            window.deleteLater()
        self.locked.emit()

    def shutdown(self) -> None:
        self.idle.stop()
        self.watch.stop()
        if self.vault is not None:
            self.vault.close()
            self.vault = None


def run(path: Path) -> int:
    harden_process()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Monitor")
    lang = choose_language()
    install_translator(app, lang)
    session = Session(path, lang=lang)
    session.start()
    app.aboutToQuit.connect(session.shutdown)
    # SIGTERM/SIGINT quit through Qt, so the vault is closed (key dropped, WAL folded in) on the way out.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: app.quit())
    ticker = QTimer(interval=300)  # lets the Python signal handler run while Qt's loop waits
    ticker.timeout.connect(lambda: None)
    ticker.start()
    return app.exec()
