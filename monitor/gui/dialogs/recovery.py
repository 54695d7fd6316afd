"""Settings › Recovery: the coordinator recovery slot of the open vault (issue 21 §1).

Shows whether the key file has a recovery slot and for whom, adds one for a chosen coordinator
contact, and removes it (overwritten in place). The slot's format and what it costs are in
docs/vault.md, "Recovery slot (kind 2)"; the core is :mod:`monitor.core.store.recovery`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ...core.errors import MonitorError
from ...core.messages import localize
from ...core.store import recovery
from ...core.sync import contacts


def _label(name: str, text: str = "") -> QLabel:
    label = QLabel(text, objectName=name)
    label.setTextFormat(Qt.PlainText)  # contact names come from contact files: never rich text
    label.setWordWrap(True)
    return label


def summary(vault) -> str:
    """One line saying whether the open vault has a recovery slot, and for whom (Settings shows it)."""
    try:
        found = recovery.described(vault)
    except MonitorError:
        return ""
    if not found:
        return QCoreApplication.translate("RecoveryDialog",
                                          "No recovery slot: a forgotten passphrase cannot be recovered.")
    slot, name, fingerprint = found[0]
    unknown = QCoreApplication.translate("RecoveryDialog", "a recipient not among the contacts")
    return QCoreApplication.translate(
        "RecoveryDialog", "Recovery slot {slot}: the data key is wrapped to {name} ({fingerprint}…).").format(
        slot=slot.index, name=name or unknown, fingerprint=fingerprint[:19])


class RecoveryDialog(QDialog):
    changed = Signal()  # a slot was added or removed

    def __init__(self, vault, parent=None, *, lang: str = "en"):
        super().__init__(parent)
        self.vault = vault
        self.lang = lang
        self.setWindowTitle(self.tr("Recovery"))
        self.setMinimumWidth(520)
        about = _label("recovery_about", self.tr(
            "A recovery slot lets a coordinator you trust open this vault if you forget your passphrase. "
            "It holds this vault's key, encrypted to the coordinator's age key. Whoever holds that key "
            "and copies of this vault and its key file can open it, so choose only a coordinator you "
            "trust with every record here. A recovery gives the vault a new key and a new passphrase. "
            "Wiping the vault destroys the slot too."))
        self.state = _label("recovery_status")
        self.state.setStyleSheet("font-weight: bold")
        self.contact = QComboBox(objectName="recovery_contact")
        self.add_button = QPushButton(self.tr("Add a recovery slot"), objectName="recovery_add")
        self.remove_button = QPushButton(self.tr("Remove the recovery slot"), objectName="recovery_remove")
        self.message = _label("recovery_message")
        self.add_button.clicked.connect(lambda: self.add_slot(confirm=self._confirm_add))
        self.remove_button.clicked.connect(lambda: self.remove_slot(confirm=self._confirm_remove))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Coordinator"), buddy=self.contact))
        row.addWidget(self.contact, 1)
        row.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.state)
        layout.addLayout(row)
        layout.addWidget(self.remove_button, 0, Qt.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.coordinators = [c for c in contacts.known(self.vault) if c.role == "coordinator"]
        self.contact.clear()
        for contact in self.coordinators:
            self.contact.addItem(f"{contact.name}   {contact.fingerprint[:19]}")
        has_slot = bool(recovery.described(self.vault))
        self.state.setText(summary(self.vault))
        self.contact.setEnabled(bool(self.coordinators) and not has_slot)
        self.add_button.setEnabled(bool(self.coordinators) and not has_slot)
        self.remove_button.setEnabled(has_slot)
        if not self.coordinators and not has_slot:
            self.message.setText(self.tr("No coordinator among your contacts. Add the coordinator's contact "
                                         "file under Sync › Trusted contacts first."))

    def _question(self, icon, title: str, text: str) -> QMessageBox:
        """A question with No as the default and the Escape button: Enter alone changes nothing."""
        box = QMessageBox(icon, title, text, QMessageBox.Yes | QMessageBox.No, self)
        box.setTextFormat(Qt.PlainText)
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        return box

    def add_question(self, contact: contacts.Contact) -> QMessageBox:
        """Trusting a coordinator with the vault."""
        return self._question(QMessageBox.Warning, self.tr("Add a recovery slot"), self.tr(
            "{name} ({fingerprint})\n\nWhoever holds this coordinator's age key will be able to open this vault "
            "from copies of it and its key file. Add the recovery slot?").format(
            name=contact.name, fingerprint=contact.fingerprint))

    def remove_question(self) -> QMessageBox:
        return self._question(QMessageBox.Question, self.tr("Remove the recovery slot"), self.tr(
            "Remove the recovery slot? If you then forget your passphrase, nobody can open this vault."))

    def _confirm_add(self, contact) -> bool:
        return self.add_question(contact).exec() == QMessageBox.Yes

    def _confirm_remove(self) -> bool:
        return self.remove_question().exec() == QMessageBox.Yes

    def add_slot(self, *, confirm) -> bool:
        row = self.contact.currentIndex()
        if not 0 <= row < len(self.coordinators):
            return False
        contact = self.coordinators[row]
        if not confirm(contact):
            return False
        try:
            recovery.add(self.vault, contact)
        except MonitorError as exc:
            self.message.setText(localize(exc, self.lang))
            return False
        self.reload()
        self.message.setText(self.tr("Added. Tell {name} to keep their Monitor vault (or age key) safe.").format(
            name=contact.name))
        self.changed.emit()
        return True

    def remove_slot(self, *, confirm) -> bool:
        if not confirm():
            return False
        try:
            recovery.remove(self.vault)
        except MonitorError as exc:
            self.message.setText(localize(exc, self.lang))
            return False
        self.reload()
        self.message.setText(self.tr("Removed: the slot was overwritten in place."))
        self.changed.emit()
        return True
