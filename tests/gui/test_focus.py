"""Focus, keyboard and small dead ends (issue 19 §5), each driven in a Kazakh window through real
key and mouse events and checked against what is stored."""

from __future__ import annotations

import pytest
from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER, require_module
from gui.helpers import ui_language

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.dialogs.unlock import UnlockDialog  # noqa: E402


@pytest.fixture
def kazakh():
    with ui_language("kk"):
        yield


def focused():
    return QApplication.focusWidget()


def type_here(text: str) -> None:
    """Type into whatever has the keyboard focus, as key events (no setFocus: the focus is under test)."""
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(focused(), QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def press(key) -> None:
    QTest.keyClick(focused(), key)


def open_vault(path) -> Vault:
    return Vault.open(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)


# --- 1. focus and keyboard ---------------------------------------------------------------------

def test_create_dialog_takes_passphrase_tab_passphrase_enter(qtbot, tmp_path, kazakh):
    path = tmp_path / "new.vault"
    dialog = UnlockDialog(path, kdf=TEST_KDF, lang="kk")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)
    assert focused() is dialog.passphrase
    type_here(PASSPHRASE)
    press(Qt.Key_Tab)
    assert focused() is dialog.confirm
    type_here(PASSPHRASE)
    with qtbot.waitSignal(dialog.unlocked, timeout=60000) as blocker:
        press(Qt.Key_Return)
    blocker.args[0].close()
    assert path.exists()


def test_unlock_dialog_enter_unlocks_even_from_the_browse_button(qtbot, stocked_copy, kazakh):
    dialog = UnlockDialog(stocked_copy, kdf_iter=TEST_KDF_ITER, lang="kk")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)
    assert focused() is dialog.passphrase
    type_here(PASSPHRASE)
    dialog.browse_button.setFocus()  # the file button focused: Enter still unlocks, no file dialog
    assert not dialog.browse_button.autoDefault()
    with qtbot.waitSignal(dialog.unlocked, timeout=60000) as blocker:
        press(Qt.Key_Return)
    blocker.args[0].close()
    assert isinstance(dialog.passphrase, QLineEdit)
