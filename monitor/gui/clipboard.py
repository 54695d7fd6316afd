"""What Monitor puts on the clipboard does not stay there.

Any text this app places on the system clipboard (CLIPBOARD) or the X11 selection (PRIMARY) —
a Ctrl+C in the record view, a selection made with the mouse, or :meth:`ClipboardGuard.copy` —
is remembered. After ``seconds`` it is cleared, but only if the clipboard still holds exactly
that text: what the user copied from another program since then is left alone. At lock
(:meth:`ClipboardGuard.clear_now`) it is cleared at once, under the same condition.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

# Platforms whose clipboard is private to this process: whatever is on it came from us.
_PROCESS_LOCAL = {"offscreen", "minimal"}


class ClipboardGuard(QObject):
    def __init__(self, seconds: int = 30, parent: QObject | None = None):
        super().__init__(parent)
        self.clipboard: QClipboard = QGuiApplication.clipboard()
        self.modes = [QClipboard.Clipboard]
        if self.clipboard.supportsSelection():
            self.modes.append(QClipboard.Selection)
        self._ours: dict[QClipboard.Mode, str] = {}
        self._clearing = False
        self.timer = QTimer(self, singleShot=True, interval=int(seconds * 1000))
        self.timer.timeout.connect(self.clear_now)
        # Bound methods, not lambdas: Qt drops a connection to a method when its object goes, while a
        # lambda would outlive this guard on the application-wide clipboard and call into a deleted timer.
        self.clipboard.dataChanged.connect(self._clipboard_changed)
        self.clipboard.selectionChanged.connect(self._selection_changed)

    def _clipboard_changed(self) -> None:
        self._changed(QClipboard.Clipboard)

    def _selection_changed(self) -> None:
        self._changed(QClipboard.Selection)

    def set_seconds(self, seconds: int) -> None:
        self.timer.setInterval(int(seconds * 1000))

    def _owned(self, mode: QClipboard.Mode) -> bool:
        if QGuiApplication.platformName() in _PROCESS_LOCAL:
            return True
        return self.clipboard.ownsClipboard() if mode == QClipboard.Clipboard else self.clipboard.ownsSelection()

    def _changed(self, mode: QClipboard.Mode) -> None:
        if self._clearing or mode not in self.modes:
            return
        text = self.clipboard.text(mode)
        if text and self._owned(mode):
            self._ours[mode] = text
            self.timer.start()
        else:
            self._ours.pop(mode, None)  # someone else's now: not ours to clear
            if not self._ours:
                self.timer.stop()

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard (and the selection, where there is one), to be cleared later."""
        for mode in self.modes:
            self.clipboard.setText(text, mode)
            self._ours[mode] = text
        self.timer.start()

    @property
    def holding(self) -> bool:
        """Whether anything Monitor put on the clipboard may still be there."""
        return bool(self._ours)

    def clear_now(self) -> None:
        """Clear each clipboard that still holds what Monitor put there; leave the others alone."""
        self.timer.stop()
        self._clearing = True
        try:
            for mode, text in list(self._ours.items()):
                if self.clipboard.text(mode) == text:
                    self.clipboard.clear(mode)
            self._ours.clear()
        finally:
            self._clearing = False
