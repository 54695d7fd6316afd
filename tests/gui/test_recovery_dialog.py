"""Settings › Recovery (issue 21 §1) on a real vault with real contacts: the panel adds a recovery slot
for a chosen coordinator, shows it in Settings, and removes it; the trust question defaults to No."""

from __future__ import annotations

from conftest import PASSPHRASE, TEST_KDF, require_module

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton  # noqa: E402

from monitor.core.keys import keyslot  # noqa: E402
from monitor.core.keys import recovery as slots  # noqa: E402
from monitor.core.keys.identity import DeviceIdentity  # noqa: E402
from monitor.core.store import recovery  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402
from monitor.core.sync import contacts  # noqa: E402
from monitor.gui.dialogs.recovery import RecoveryDialog  # noqa: E402
from monitor.gui.dialogs.settings_dialog import SettingsDialog  # noqa: E402
from monitor.gui.settings import Settings  # noqa: E402

from .helpers import ui_language  # noqa: E402


def _vault(tmp_path):
    vault = Vault.create(tmp_path / "m.vault", PASSPHRASE, kdf=TEST_KDF)
    coordinator = DeviceIdentity.generate()
    contacts.trust(vault, contacts.own(DeviceIdentity.generate(), "Марат", "monitor"))
    contacts.trust(vault, contacts.own(coordinator, "Айгүл", "coordinator"))
    return vault, coordinator


def _press_enter_on_the_question() -> list:
    """Press Enter on the question the next click opens; returns what the box's default button was."""
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.standardButton(box.defaultButton()))
            QTest.keyClick(box, Qt.Key_Return)
        else:  # no question yet: look again (never leave a modal box open, it would block the test)
            QTimer.singleShot(10, answer)
    QTimer.singleShot(0, answer)
    return seen


def test_the_panel_adds_shows_and_removes_the_slot(qtbot, tmp_path):
    vault, coordinator = _vault(tmp_path)
    try:
        with ui_language("kk"):
            settings = SettingsDialog(Settings(), vault=vault, lang="kk")
            qtbot.addWidget(settings)
            shown = settings.findChild(QLabel, "recovery_summary")
            assert "қалпына келтіру ұяшығы жоқ" in shown.text().lower()
            QTest.mouseClick(settings.findChild(QPushButton, "recovery_button"), Qt.LeftButton)
            panel = settings.findChild(RecoveryDialog)
            assert panel is not None and panel.isVisible()
            # only the coordinator is offered
            assert panel.contact.count() == 1 and "Айгүл" in panel.contact.itemText(0)
            assert not panel.remove_button.isEnabled()
            # Enter alone on the trust question is No: nothing is added
            seen = _press_enter_on_the_question()
            QTest.mouseClick(panel.add_button, Qt.LeftButton)
            assert seen == [QMessageBox.No]
            assert slots.status(vault.path) == []
            box = panel.add_question(contacts.find_in(vault, "Айгүл"))
            assert box.escapeButton() is box.button(QMessageBox.No)
            # yes: the slot is written, shown in the panel and in Settings, and opens with the identity
            assert panel.add_slot(confirm=lambda contact: contact.name == "Айгүл")
            [slot] = slots.status(vault.path)
            assert "Айгүл" in panel.state.text() and f"{slot.index}" in panel.state.text()
            assert "Айгүл" in shown.text()
            assert not panel.add_button.isEnabled() and panel.remove_button.isEnabled()
            identity = slots.load_identity(coordinator.age_identity)
            assert bytes(slots.unwrap(keyslot.read(vault.path), identity)[0]) == bytes(vault._data_key)  # noqa: SLF001
            assert vault.still_there()
            # remove: Enter alone keeps it; yes overwrites it
            seen = _press_enter_on_the_question()
            QTest.mouseClick(panel.remove_button, Qt.LeftButton)
            assert seen == [QMessageBox.No]
            assert len(slots.status(vault.path)) == 1
            assert panel.remove_slot(confirm=lambda: True)
            assert slots.status(vault.path) == []
            assert "қалпына келтіру ұяшығы жоқ" in shown.text().lower()
            assert panel.add_button.isEnabled()
    finally:
        vault.close()


def test_the_panel_says_when_there_is_no_coordinator(qtbot, tmp_path):
    vault = Vault.create(tmp_path / "m.vault", PASSPHRASE, kdf=TEST_KDF)
    try:
        with ui_language("ru"):
            panel = RecoveryDialog(vault, lang="ru")
            qtbot.addWidget(panel)
            assert not panel.add_button.isEnabled() and panel.contact.count() == 0
            assert "координатор" in panel.message.text().lower()
        assert recovery.described(vault) == []
    finally:
        vault.close()
