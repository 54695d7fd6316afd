"""Settings: when to lock, how long copies stay on the clipboard, the language, recent vaults, and
(with a vault open) my name, role and organisation, kept in the vault (issue 19 §3), and the way to
the duress passphrase (dialogs/duress.py, issue 21 §2)."""

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
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ...core.errors import MonitorError
from ...core.messages import localize
from ..i18n import NAMES
from ..settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None, *, vault=None, lang: str | None = None):
        super().__init__(parent)
        self.settings = settings
        # the open vault (by default the window's): my name, role and organisation are kept in it
        self.vault = vault if vault is not None else getattr(parent, "vault", None)
        self.lang = lang or getattr(parent, "lang", None) or settings.language or "en"
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
        self.me_name = QLineEdit(objectName="me_name", maxLength=60)
        self.me_role = QLineEdit(objectName="me_role", maxLength=40)
        self.me_role.setPlaceholderText(self.tr("e.g. doctor, lawyer"))
        self.me_organisation = QLineEdit(objectName="me_organisation", maxLength=80)
        self.error = QLabel(objectName="error")
        self.error.setTextFormat(Qt.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.setVisible(False)
        if self.vault is not None:
            from ...core.store import me

            person = me.read(self.vault)
            self.me_name.setText(person.name)
            self.me_role.setText(person.role)
            self.me_organisation.setText(person.organisation)
            heading = QLabel(self.tr("My name, role and organisation"), objectName="me_heading")
            heading.setStyleSheet("font-weight: bold")
            form.addRow(heading)
            form.addRow(self.tr("Name"), self.me_name)
            form.addRow(self.tr("Role"), self.me_role)
            form.addRow(self.tr("Organisation"), self.me_organisation)
            me_note = QLabel(self.tr("Kept in this vault. Your new work is signed with this name, and your "
                                     "contact file carries it, so others see who did it."), objectName="me_note")
            me_note.setTextFormat(Qt.PlainText)
            me_note.setWordWrap(True)
            form.addRow(me_note)
            for field in (self.me_name, self.me_role, self.me_organisation):
                field.textChanged.connect(lambda _text: self.error.setVisible(False))
            # issue 21 §2: opt-in, off by default; its own dialog states the risks first
            self.duress_button = QPushButton(self.tr("Duress passphrase…"), objectName="duress")
            self.duress_button.setAutoDefault(False)
            self.duress_button.clicked.connect(self.open_duress)
            form.addRow(self.tr("At a checkpoint"), self.duress_button)
            self._add_recovery_row(form)
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
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def open_duress(self):
        from .duress import DuressDialog

        dialog = DuressDialog(self, self.vault, self.lang)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _add_recovery_row(self, form: QFormLayout) -> None:
        """Settings › Recovery: whether the key file has a coordinator recovery slot, and a button to it."""
        from .recovery import RecoveryDialog, summary

        self.recovery_summary = QLabel(summary(self.vault), objectName="recovery_summary")
        self.recovery_summary.setTextFormat(Qt.PlainText)
        self.recovery_summary.setWordWrap(True)
        button = QPushButton(self.tr("Recovery…"), objectName="recovery_button")

        def open_recovery() -> None:
            self.recovery_dialog = RecoveryDialog(self.vault, self, lang=self.lang)
            self.recovery_dialog.changed.connect(lambda: self.recovery_summary.setText(summary(self.vault)))
            self.recovery_dialog.open()

        button.clicked.connect(open_recovery)
        form.addRow(button, self.recovery_summary)

    def accept(self) -> None:
        if self.vault is not None:  # first, so that a refused name leaves everything as it was
            from ...core.store import me

            try:
                me.write(self.vault, self.me_name.text(), self.me_role.text(), self.me_organisation.text())
            except MonitorError as exc:
                self.error.setText(localize(exc, self.lang))
                self.error.setVisible(True)
                self.me_name.setFocus()
                return
        s = self.settings
        s.lock_minutes = self.lock_minutes.value()
        s.lock_on_minimise = self.lock_on_minimise.isChecked()
        s.clipboard_seconds = self.clipboard_seconds.value()
        s.language = self.language.currentData() or ""
        s.remember_recent = self.remember.isChecked()
        if not s.remember_recent:
            s.recent = []
        super().accept()
