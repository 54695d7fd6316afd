"""Settings › Duress passphrase: set or remove the opt-in duress passphrase (issue 21 §2).

Runs :func:`monitor.core.keys.duress.set_passphrase` or :func:`~monitor.core.keys.duress.remove`
on a worker (setting derives twice at the vault's Argon2id cost: about two seconds). The dialog
states the risks first; it cannot say whether a duress passphrase is set, because nothing in the
key file or the vault says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLineEdit

from .task import TaskDialog, _plain


class DuressDialog(TaskDialog):
    def __init__(self, parent, vault, lang="en"):
        super().__init__(parent, self.tr("Duress passphrase"), lang)
        self.setObjectName("duress_dialog")
        self.vault = vault
        self.cancellable = False  # a few seconds of key derivation, then one write
        self.setMinimumWidth(560)
        self.warning = _plain(self.tr(
            "A second passphrase that, typed at unlock, destroys this vault's key file: every passphrase "
            "slot, and the coordinator recovery slot unless you keep it below. Monitor then behaves exactly "
            "as for a wrong passphrase. Nobody can open this vault afterwards, you included; only a backup "
            "copy of both files brings it back."), "warning")
        self.risks = _plain(self.tr(
            "Risks: in many countries destroying data during a search or an inspection is itself an "
            "offence (obstruction, destroying evidence), and may be punished more harshly than what the data "
            "would have shown. A copy of this laptop's disk made before the unlock is not affected: whoever "
            "has it and your real passphrase still opens the vault. It only protects against an unlock forced "
            "at the laptop itself. GrapheneOS's duress PIN makes the same trade-off, and its users discuss "
            "exactly these risks."), "risks")
        self.risks.setStyleSheet("font-weight: bold")
        self.state = _plain(self.tr(
            "Off unless you set it. Monitor cannot show whether one is set: the key file looks the same "
            "either way. Setting replaces any earlier duress passphrase; Remove makes sure there is none."),
            "state")
        for index, label in enumerate((self.warning, self.risks, self.state)):
            label.setWordWrap(True)
            label.setMinimumWidth(540)
            self.layout_.insertWidget(index, label)
        self.new = QLineEdit(echoMode=QLineEdit.Password, objectName="new")
        self.again = QLineEdit(echoMode=QLineEdit.Password, objectName="again")
        self.keep_recovery = QCheckBox(self.tr("Keep the coordinator recovery slot"), objectName="keep_recovery")
        self.form.addRow(self.tr("Duress passphrase"), self.new)
        self.form.addRow(self.tr("Again"), self.again)
        self.form.addRow("", self.keep_recovery)
        self.message.setText(self.tr("It must differ from the vault's passphrase. Choose one you would never type "
                                     "by mistake."))
        self.start_button.setText(self.tr("Set duress passphrase"))
        self.remove_button = self.buttons.addButton(self.tr("Remove"), QDialogButtonBox.ActionRole)
        self.remove_button.setObjectName("remove")
        self.remove_button.clicked.connect(self.remove)
        self._removing = False

    def remove(self) -> None:
        self._removing = True
        try:
            self.start()
        finally:
            self._removing = False

    def job(self):
        from ...core.keys import duress

        vault = self.vault
        if self._removing:
            self.remove_button.setEnabled(False)
            return lambda progress, cancel: duress.remove(vault) or "removed"
        new = self.new.text()
        if not new:
            self.error.setText(self.tr("Type the duress passphrase first."))
            return None
        if new != self.again.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return None
        keep = self.keep_recovery.isChecked()
        for field in (self.new, self.again):
            field.clear()  # the text lives on only in this job's string
        self.remove_button.setEnabled(False)
        return lambda progress, cancel: duress.set_passphrase(vault, new, keep_recovery=keep) or "set"

    def _end(self) -> None:
        super()._end()
        self.remove_button.setEnabled(True)

    def finished_ok(self, result) -> None:
        if result == "removed":
            self.message.setText(self.tr("No duress passphrase is set now."))
        else:
            self.message.setText(self.tr("The duress passphrase is set. Typed at unlock, it destroys this "
                                         "vault's key file."))
