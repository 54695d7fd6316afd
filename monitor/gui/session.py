"""The session: who holds the open vault, and everything that locks it (KeePassXC's model).

A :class:`Session` owns the vault while it is open. It locks — closes the vault (dropping the
key), empties every model, editor and text field of the window, clears what Monitor put on the
clipboard, and shows the unlock dialog with the reason — on:

- no keyboard or mouse input for ``Settings.lock_minutes`` (an application-wide event filter);
- Ctrl+L (the window's Lock action);
- the screen locking or the computer preparing to sleep (:class:`SystemLockWatcher`: the
  freedesktop ScreenSaver ``ActiveChanged`` and login1 ``PrepareForSleep`` D-Bus signals);
- minimising the window, if the user asked for that in Settings.

Before the vault closes, the window keeps what it holds (:meth:`MainWindow.clear`): unsaved typing
as a draft, and an interview recording in progress stopped and stored. Quitting does the same.

One process per vault: :meth:`Session.claim` takes a lock file beside the vault
(``.NAME.lock``, a ``QLockFile`` holding the process id); a second Monitor is told which process
has the vault and cannot unlock it there. A crashed process's lock is recognised as stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ..core.errors import VaultInUse
from ..core.messages import localize
from .clipboard import ClipboardGuard
from .i18n import choose_language, switch_language
from .settings import Settings
from .dialogs.unlock import UnlockDialog

if TYPE_CHECKING:
    from ..core.store.vault import Vault

_ACTIVITY = {QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin}

# Why a vault was locked (shown in the unlock dialog; "manual" shows nothing).
IDLE, MANUAL, SCREEN, SUSPEND, MINIMISE, WIPED = "idle", "manual", "screen", "suspend", "minimise", "wiped"
LOST = "lost"  # the vault was wiped, replaced or damaged by another program while open
WATCH_MS = 2000  # how often an open vault checks that its key file is still the one it opened


def lock_path(vault: Path) -> Path:
    vault = Path(vault)
    return vault.with_name(f".{vault.name}.lock")


class SystemLockWatcher(QObject):
    """Turns the desktop's "screen locked" and "about to sleep" D-Bus signals into ``lock_requested``.

    The D-Bus signals are delivered to :meth:`screen_saver_active_changed` and
    :meth:`prepare_for_sleep`; a test calls those slots directly (or sends the real signal on a
    private bus via :meth:`attach`) and exercises the same path.
    """

    lock_requested = Signal(str)

    _SCREENSAVERS = (  # (path, interface) of the screensavers that emit ActiveChanged(bool)
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
        ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
        ("/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
        ("/org/cinnamon/ScreenSaver", "org.cinnamon.ScreenSaver"),
    )

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.connected: list[str] = []

    def attach(self, session_bus=None, system_bus=None) -> list[str]:
        """Listen on the given buses (default: the user's session bus and the system bus)."""
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # no QtDBus on this platform: only idle, Ctrl+L and minimise lock
            return []
        session_bus = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        system_bus = system_bus if system_bus is not None else QDBusConnection.systemBus()
        if session_bus.isConnected():
            for path, interface in self._SCREENSAVERS:
                if session_bus.connect("", path, interface, "ActiveChanged", self,
                                       SLOT("screen_saver_active_changed(bool)")):
                    self.connected.append(f"session:{interface}")
        if system_bus.isConnected():
            if system_bus.connect("org.freedesktop.login1", "/org/freedesktop/login1",
                                  "org.freedesktop.login1.Manager", "PrepareForSleep", self,
                                  SLOT("prepare_for_sleep(bool)")):
                self.connected.append("system:login1.PrepareForSleep")
        return self.connected

    @Slot(bool)
    def screen_saver_active_changed(self, active: bool) -> None:
        if active:
            self.lock_requested.emit(SCREEN)

    @Slot(bool)
    def prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_requested.emit(SUSPEND)


def empty_widgets(root) -> None:
    """Empty every text field and item view model under ``root`` (what a lock must not leave behind)."""
    for edit in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        edit.blockSignals(True)  # a cleared search box must not re-read the vault
        edit.clear()
        edit.blockSignals(False)
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        if hasattr(model, "set_rows"):
            model.set_rows([])
        elif hasattr(model, "clear"):
            model.clear()


class Session(QObject):
    """Owns the open vault. Any user input restarts the idle timer; when it fires, lock."""

    locked = Signal(str)  # the reason
    unlocked = Signal()

    def __init__(self, path: Path, *, kdf=None, kdf_iter: int | None = None, idle_ms: int | None = None,
                 lang: str = "en", settings: Settings | None = None, watch_system: bool = False,
                 watch_ms: int = WATCH_MS):
        super().__init__()
        from ..core import db

        # The window's process wipes what SQLCipher frees (decrypted pages, key material): a locked
        # window may sit in memory for hours. Measured reasons in docs/desktop.md.
        db.MEMORY_SECURITY = True
        self.path = Path(path)
        self.lang = lang
        self.kdf, self.kdf_iter = kdf, kdf_iter  # tests only (see UnlockDialog)
        self.settings = settings if settings is not None else Settings()  # path None: never saved
        self.vault: "Vault | None" = None
        self.window = None
        self.dialog: UnlockDialog | None = None
        self._lockfile: QLockFile | None = None
        self._locked_path: Path | None = None
        self.idle = QTimer(self, singleShot=True, interval=idle_ms or self.settings.idle_ms)
        self.idle.timeout.connect(self._idle_elapsed)
        # Notices a wipe (or a passphrase change) by another process even when nobody clicks.
        self.watch = QTimer(self, interval=watch_ms)
        self.watch.timeout.connect(self._check_vault)
        self.clipboard = ClipboardGuard(self.settings.clipboard_seconds, self)
        self.watcher = SystemLockWatcher(self)
        self.watcher.lock_requested.connect(self.lock)
        if watch_system:
            self.watcher.attach()
        QApplication.instance().installEventFilter(self)

    # --- one process per vault ----------------------------------------------------------------

    def claim(self, path: Path) -> str | None:
        """Reserve ``path`` for this process; None, or a message saying who has it."""
        path = Path(path)
        if self._lockfile is not None and self._locked_path == path:
            return None
        self.release()
        if not path.parent.is_dir():
            return None  # a new vault in a directory still to be made: nothing to share yet
        lock = QLockFile(str(lock_path(path)))
        lock.setStaleLockTime(0)  # never "stale" by age: only when its process is gone
        if lock.tryLock(0):
            self._lockfile, self._locked_path = lock, path
            return None
        if lock.error() == QLockFile.LockFailedError:
            info = lock.getLockInfo()  # (pid, host, app), or empty when unreadable
            pid, host = (info[0], info[1]) if info and len(info) >= 2 else ("?", "?")
            return localize(VaultInUse(pid=pid, host=host), self.lang)
        return None  # cannot write beside the vault (read-only medium): opening will say so

    def release(self) -> None:
        if self._lockfile is not None:
            self._lockfile.unlock()
        self._lockfile = self._locked_path = None

    # --- locking ------------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in _ACTIVITY and self.vault is not None:
            self.idle.start()
        elif (kind == QEvent.WindowStateChange and watched is self.window and self.window is not None
              and self.settings.lock_on_minimise and self.window.isMinimized()):
            QTimer.singleShot(0, lambda: self.lock(MINIMISE))
        return False

    def reason_text(self, reason: str) -> str:
        if reason == IDLE:
            minutes = max(1, round(self.idle.interval() / 60000))
            return self.tr("Locked after {n} minutes without activity.").format(n=minutes)
        if reason == SCREEN:
            return self.tr("Locked because the screen was locked.")
        if reason == SUSPEND:
            return self.tr("Locked before the computer went to sleep.")
        if reason == MINIMISE:
            return self.tr("Locked when the window was minimised.")
        if reason == WIPED:
            return self.tr("The vault was wiped.")
        if reason == LOST:
            return self.tr("The vault was wiped, changed or damaged by another program while it was open. "
                           "Monitor has locked it.")
        return ""

    def start(self, reason: str = "") -> UnlockDialog:
        self.dialog = UnlockDialog(self.path, kdf=self.kdf, kdf_iter=self.kdf_iter, lang=self.lang, claim=self.claim,
                                   recent=self.settings.recent, reason=self.reason_text(reason))
        self.dialog.unlocked.connect(self._on_unlocked)
        self.dialog.path_changed.connect(self._on_path_changed)
        self.dialog.show()
        return self.dialog

    def _on_path_changed(self, path: Path) -> None:
        self.path = Path(path)

    def _on_unlocked(self, vault: "Vault") -> None:
        self.vault = vault
        self.path = Path(vault.path)
        self.settings.add_recent(self.path)
        self._save_settings()
        self._build_window()
        if vault.warnings:  # e.g. a damaged spare key slot was cleared while opening
            self.window.statusBar().showMessage("  ".join(vault.warnings))
        self.window.show()
        self.idle.start()
        self.watch.start()
        self.unlocked.emit()

    def _build_window(self) -> None:
        from .main_window import MainWindow

        self.window = MainWindow(self.vault, lang=self.lang)
        self.window.lock_requested.connect(lambda: self.lock(MANUAL))
        self.window.vault_lost.connect(lambda _message: self.lock(LOST))
        self.window.installEventFilter(self)
        from .dialogs import vault_care

        vault_care.install(self.window, self)
        self.window.add_rekey_action(self)

    def set_language(self, lang: str) -> None:
        """Speak ``lang`` at once, without a restart: Qt's catalogues are swapped, and the open window
        (whose texts, and the core's, are read when it is built) is built again in its place, on the
        page it showed. Unsaved typing is kept as a draft by the old window and found by the new."""
        if lang == self.lang:
            return
        self.lang = lang
        switch_language(QApplication.instance(), lang)
        old = self.window
        if old is None or self.vault is None:
            return  # locked: the next unlock dialog and window are built in the new language
        location, geometry = old.location, old.saveGeometry()
        old.removeEventFilter(self)
        old.clear()  # the draft is written, the inbox watcher stops, the old window lets go of the vault
        self._build_window()
        self.window.restoreGeometry(geometry)
        if location is not None:
            self.window.navigate(location)
        self.window.show()
        old.close()
        old.deleteLater()

    def _check_vault(self) -> None:
        if self.vault is not None and self.window is not None and not self.vault.still_there():
            self.lock(LOST)

    def _save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError:
            pass  # preferences are not worth failing an unlock for

    def apply_settings(self) -> None:
        lang = self.settings.language or choose_language("")  # a language chosen now wins over MONITOR_LANG
        if lang != self.lang:  # after the Settings dialog (a child of the window) has closed
            QTimer.singleShot(0, lambda: self.set_language(lang))
        self.idle.setInterval(self.settings.idle_ms)
        self.clipboard.set_seconds(self.settings.clipboard_seconds)
        if self.vault is not None:
            self.idle.start()
        self._save_settings()

    def _idle_elapsed(self) -> None:
        """The idle time passed with no keyboard or mouse input: lock, unless a recording is running.

        An interview recorded for half an hour without touching the laptop is not idleness: the monitor
        is there, talking. A paused recording is not running; Ctrl+L, the screen lock and sleep still
        lock (and store the recording) at once."""
        if self.window is not None:
            # the editors' audio panels, found by name (the session does not import the editors)
            panels = self.window.findChildren(QWidget, "audio_panel")
            if any(getattr(panel, "state", None) == "recording" for panel in panels):
                self.idle.start()
                return
        self.lock(IDLE)

    def lock(self, reason: str = MANUAL) -> None:
        """Close the vault (dropping the key), empty every view, and ask for the passphrase again."""
        self.idle.stop()
        self.watch.stop()
        self.clipboard.clear_now()
        window, self.window = self.window, None
        if window is None and self.vault is None:
            # Already locked. An unlock in flight when the screen locks must not open the vault behind it.
            if self.dialog is not None and self.dialog.busy and self.dialog.kind == "unlock":
                self.dialog.cancel()
            return
        if window is not None:
            for dialog in window.findChildren(QDialog):  # settings, vault care, …: end their work first
                if dialog.isVisible():
                    dialog.reject()
                if hasattr(dialog, "join_workers"):
                    dialog.join_workers()
            if hasattr(window, "clear"):
                window.clear()
            empty_widgets(window)
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        from ..core.search.index import forget

        forget()  # the stemming caches hold words of the vault's text
        self.clipboard.clear_now()  # again: closing editors may have touched the selection
        self.start(reason)  # show the unlock dialog before closing the window, so the app does not quit
        if window is not None:
            window.removeEventFilter(self)
            window.close()
            window.deleteLater()
        self.locked.emit(reason)

    def after_wipe(self) -> None:
        """The vault file is gone: forget it and offer to create a new one."""
        self.settings.forget(self.path)
        self._save_settings()
        self.release()
        if self.dialog is not None:
            self.dialog._fill_chooser(self.settings.recent)
            self.dialog.set_path(self.path)

    def shutdown(self) -> None:
        """The application quits (Quit, SIGTERM): what the window holds is kept first (a recording in
        progress is stored, unsaved typing kept as a draft), then the vault closes."""
        self.idle.stop()
        self.watch.stop()
        self.clipboard.clear_now()
        if self.window is not None and self.vault is not None and hasattr(self.window, "clear"):
            self.window.clear()
        if self.dialog is not None:
            self.dialog.join_workers()
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        self.release()
