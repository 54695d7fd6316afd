"""Helpers for driving real widgets in GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox


def type_text(widget, text: str) -> None:
    """Type any Unicode text as key events (qtbot.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def answer_next_message_box(button_text: str = "", *, seen: list | None = None, role=None) -> None:
    """Click the button labelled ``button_text`` (or the first of ``role``) in the next message box that
    opens (within 5 s, so a box that never comes cannot leave a poller behind to answer another test's box)."""
    import time

    deadline = time.monotonic() + 5

    def click() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        boxes += [w for top in QApplication.topLevelWidgets() for w in top.findChildren(QMessageBox) if w.isVisible()]
        if not boxes:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, click)
            return
        box = boxes[0]
        if seen is not None:
            seen.append(box.text())
        for button in box.buttons():
            if (button.text().replace("&", "") == button_text if role is None else box.buttonRole(button) == role):
                button.click()
                return
        box.reject()

    QTimer.singleShot(20, click)


class ui_language:
    """Install the compiled catalogue of ``lang`` for the duration of a ``with`` block."""

    def __init__(self, lang: str):
        self.lang = lang
        self.translator = None

    def __enter__(self):
        from monitor.gui.i18n import install_translator

        self.translator = install_translator(QApplication.instance(), self.lang)
        return self

    def __exit__(self, *exc):
        if self.translator is not None:
            QApplication.instance().removeTranslator(self.translator)
