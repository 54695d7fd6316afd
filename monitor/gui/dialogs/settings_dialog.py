"""Settings: when to lock, how long copies stay on the clipboard, the language, recent vaults."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QSpinBox,
    QVBoxLayout,
)

from ..i18n import NAMES
from ..settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(480)
        self.lock_minutes = QSpinBox(objectName="lock_minutes", minimum=1, maximum=240,
                                     value=settings.lock_minutes, suffix=self.tr(" min"))
        self.lock_on_minimise = QCheckBox(self.tr("Lock when the window is minimised"), objectName="lock_on_minimise",
                                          checked=settings.lock_on_minimise)
        self.clipboard_seconds = QSpinBox(objectName="clipboard_seconds", minimum=5, maximum=600,
                                          value=settings.clipboard_seconds, suffix=self.tr(" s"))
        self.language = QComboBox(objectName="language")
        self.language.addItem(self.tr("System language"), "")
        for code, name in NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.remember = QCheckBox(self.tr("Remember recently opened vaults"), objectName="remember",
                                  checked=settings.remember_recent)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(self.tr("Lock after no activity for"), self.lock_minutes)
        form.addRow("", self.lock_on_minimise)
        form.addRow(self.tr("Clear copied text after"), self.clipboard_seconds)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.remember)
        note = QLabel(self.tr("Monitor also locks when the screen locks and before the computer sleeps. "
                              "A new language applies at once."), objectName="note")
        note.setTextFormat(Qt.PlainText)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        s = self.settings
        s.lock_minutes = self.lock_minutes.value()
        s.lock_on_minimise = self.lock_on_minimise.isChecked()
        s.clipboard_seconds = self.clipboard_seconds.value()
        s.language = self.language.currentData() or ""
        s.remember_recent = self.remember.isChecked()
        if not s.remember_recent:
            s.recent = []
        super().accept()
