"""A language chosen in Settings applies at once, without a restart (issue 19 §6): the menus, the
core's words in the window and the page shown follow, and the vault stays open. Real vault, real
widgets, offscreen."""

from __future__ import annotations

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER
from gui.helpers import type_text

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit  # noqa: E402

from monitor.gui.dialogs.settings_dialog import SettingsDialog  # noqa: E402
from monitor.gui.session import Session  # noqa: E402
from monitor.gui.settings import Settings  # noqa: E402


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def choose_in_settings(qtbot, window, lang: str) -> None:
    """Vault > Settings…, pick the language with the keyboard, press OK with the mouse."""
    settings_text = QCoreApplication.translate("VaultCare", "Settings…")
    action = next(a for menu in window.menuBar().actions() if menu.menu()
                  for a in menu.menu().actions() if a.text() == settings_text)
    action.trigger()
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(lambda: dialog.isVisible())
    combo = dialog.language
    combo.setFocus()
    target = combo.findData(lang)
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key_Down if combo.currentIndex() < target else Qt.Key_Up)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
    QTest.mouseClick(ok, Qt.LeftButton)


def unlocked(qtbot, path, settings) -> Session:
    session = Session(path, kdf_iter=TEST_KDF_ITER, settings=settings, lang="en")
    dialog = session.start()
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        dialog.unlock()
    return session


def finish(qtbot, session: Session) -> None:
    session.set_language("en")  # no Kazakh catalogue left installed for the next test
    if session.dialog is not None:
        qtbot.addWidget(session.dialog)
    session.shutdown()
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    QApplication.processEvents()


def test_a_language_chosen_in_settings_applies_at_once(qtbot, stocked_copy, tmp_path):
    settings = Settings(path=tmp_path / "config" / "settings.json")
    session = unlocked(qtbot, stocked_copy, settings)
    english = session.window
    qtbot.addWidget(english)
    try:
        english.navigate(("list", "facilities"))  # not the page a window opens on
        assert menu_titles(english)[:2] == ["&File", "&Edit"] and "&Vault" in menu_titles(english)
        english_title = english.list_title.text()

        choose_in_settings(qtbot, english, "kk")
        qtbot.waitUntil(lambda: session.window is not english and session.window.isVisible(), timeout=10000)
        kazakh = session.window
        qtbot.addWidget(kazakh)
        titles_kk = menu_titles(kazakh)
        assert titles_kk[0] == "&Файл" and "&Қойма" in titles_kk and "&Жазбалар" in titles_kk
        assert "&File" not in titles_kk and "&Vault" not in titles_kk
        # the same page, the core's words too (the list's title), the vault still open, the choice kept
        assert kazakh.location == ("list", "facilities")
        assert kazakh.list_title.text() != english_title
        assert kazakh.vault is session.vault and session.vault.is_open
        assert session.lang == "kk" and Settings.load(settings.path).language == "kk"
        assert not english.isVisible()

        choose_in_settings(qtbot, kazakh, "en")  # and back, again at once
        qtbot.waitUntil(lambda: session.window is not kazakh and session.window.isVisible(), timeout=10000)
        qtbot.addWidget(session.window)
        assert menu_titles(session.window)[:2] == ["&File", "&Edit"]
        assert session.window.list_title.text() == english_title
    finally:
        finish(qtbot, session)


def test_typing_in_a_new_record_survives_the_switch(qtbot, stocked_copy, tmp_path):
    """The window built again opens the same editor with what was typed (kept as a draft meanwhile)."""
    session = unlocked(qtbot, stocked_copy, Settings(path=tmp_path / "settings.json"))
    english = session.window
    qtbot.addWidget(english)
    try:
        english.new_actions["case"].trigger()
        boxes = [b for kind in (QLineEdit, QPlainTextEdit) for b in english.page.findChildren(kind)
                 if b.objectName() and b.isVisible() and not b.isReadOnly()]
        box = next(b for b in boxes if not (b.text() if isinstance(b, QLineEdit) else b.toPlainText()))
        name, typed = box.objectName(), "Түнде әкелді, ұрды"
        type_text(box, typed)
        location = english.location
        assert location[0] == "new"

        choose_in_settings(qtbot, english, "kk")
        qtbot.waitUntil(lambda: session.window is not english and session.window.isVisible(), timeout=10000)
        kazakh = session.window
        qtbot.addWidget(kazakh)
        assert kazakh.location == location
        again = kazakh.page.findChild(type(box), name)
        assert (again.text() if isinstance(again, QLineEdit) else again.toPlainText()) == typed
        assert menu_titles(kazakh)[0] == "&Файл"
    finally:
        finish(qtbot, session)
