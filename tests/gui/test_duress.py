"""The duress passphrase in the window (issue 21 §2): set and removed from Settings, with its warning in
every language; at unlock it shows exactly what a wrong passphrase shows."""

from __future__ import annotations

import pytest
from conftest import PASSPHRASE, TEST_KDF, require_module

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton  # noqa: E402

from monitor.core.keys import duress, keyslot  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.dialogs.duress import DuressDialog  # noqa: E402
from monitor.gui.dialogs.settings_dialog import SettingsDialog  # noqa: E402
from monitor.gui.dialogs.unlock import UnlockDialog  # noqa: E402
from monitor.gui.settings import Settings  # noqa: E402

from .helpers import type_text, ui_language  # noqa: E402

DURESS = "violet harbour kettle"
WRONG = "granite willow harbour seventeen"


def child(parent, cls, name):
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def unlock_error(qtbot, path, passphrase: str, lang: str) -> str:
    dialog = UnlockDialog(path, kdf=TEST_KDF, lang=lang)
    qtbot.addWidget(dialog)
    type_text(child(dialog, QLineEdit, "passphrase"), passphrase)
    child(dialog, QPushButton, "unlock").click()
    error = child(dialog, QLabel, "error")
    qtbot.waitUntil(lambda: error.text() != "", timeout=20000)
    assert dialog.vault is None
    return error.text()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_unlock_dialog_shows_the_same_text_for_a_wrong_and_the_duress_passphrase(qtbot, vault, vault_path, lang):
    duress.set_passphrase(vault, DURESS)
    vault.close()
    with ui_language(lang):
        wrong = unlock_error(qtbot, vault_path, WRONG, lang)
        forced = unlock_error(qtbot, vault_path, DURESS, lang)
        after = unlock_error(qtbot, vault_path, PASSPHRASE, lang)
    assert wrong == forced == after
    assert wrong == {"en": "wrong passphrase", "ru": "неверная парольная фраза"}[lang]
    assert keyslot.read(vault_path).open_slots(PASSPHRASE) is None


def duress_dialog(qtbot, vault, tmp_path, lang: str) -> DuressDialog:
    settings = SettingsDialog(Settings(path=tmp_path / "settings.json"), vault=vault, lang=lang)
    qtbot.addWidget(settings)
    settings.show()
    button = child(settings, QPushButton, "duress")
    QTest.mouseClick(button, Qt.LeftButton)
    dialog = settings.findChild(DuressDialog, "duress_dialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def finish(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)


def test_settings_set_and_remove_the_duress_passphrase(qtbot, vault, vault_path, tmp_path):
    with ui_language("en"):
        dialog = duress_dialog(qtbot, vault, tmp_path, "en")
        risks = child(dialog, QLabel, "risks").text()
        assert "offence" in risks and "GrapheneOS" in risks and "copy of this laptop's disk" in risks
        new, again = child(dialog, QLineEdit, "new"), child(dialog, QLineEdit, "again")
        start, remove = child(dialog, QPushButton, "start"), child(dialog, QPushButton, "remove")
        error = child(dialog, QLabel, "error")
        before = keyslot.path_for(vault_path).read_bytes()
        type_text(new, DURESS)
        type_text(again, DURESS + "x")
        start.click()
        assert error.text() == "The two passphrases differ." and not dialog.busy
        new.clear(), again.clear()
        type_text(new, PASSPHRASE)
        type_text(again, PASSPHRASE)
        start.click()
        finish(qtbot, dialog)
        assert error.text().startswith("the duress passphrase must differ")
        assert keyslot.path_for(vault_path).read_bytes() == before
        type_text(new, DURESS)
        type_text(again, DURESS)
        child(dialog, QCheckBox, "keep_recovery").setChecked(True)
        start.click()
        finish(qtbot, dialog)
        assert error.text() == "" and "is set" in child(dialog, QLabel, "message").text()
        assert new.text() == again.text() == ""  # the passphrase is not kept in the widgets
        assert duress.flags(keyslot.read(vault_path), DURESS) == duress.KEEP_RECOVERY
        assert vault.still_there()  # the window's own change: it does not lock
        remove.click()
        finish(qtbot, dialog)
        assert "No duress passphrase" in child(dialog, QLabel, "message").text()
        assert duress.flags(keyslot.read(vault_path), DURESS) is None
        assert vault.still_there()
        dialog.close()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_warning_is_translated(qtbot, vault, tmp_path, lang):
    with ui_language(lang):
        dialog = duress_dialog(qtbot, vault, tmp_path, lang)
        risks = child(dialog, QLabel, "risks").text()
        assert "GrapheneOS" in risks
        assert {"ru": "правонарушением", "kk": "құқық бұзушылық"}[lang] in risks
        assert dialog.windowTitle() == {"ru": "Тревожная парольная фраза", "kk": "Дабыл құпия фразасы"}[lang]
        dialog.close()


def test_a_locked_vault_refuses_in_the_dialog(qtbot, tmp_path):
    path = tmp_path / "v.vault"
    vault = Vault.create(path, PASSPHRASE, kdf=TEST_KDF)
    with ui_language("en"):
        dialog = duress_dialog(qtbot, vault, tmp_path, "en")
        vault.close()
        before = keyslot.path_for(path).read_bytes()
        type_text(child(dialog, QLineEdit, "new"), DURESS)
        type_text(child(dialog, QLineEdit, "again"), DURESS)
        child(dialog, QPushButton, "start").click()
        finish(qtbot, dialog)
        assert child(dialog, QLabel, "error").text() != ""
        assert keyslot.path_for(path).read_bytes() == before
        dialog.close()
