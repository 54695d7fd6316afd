"""Vault care from the window: settings, change passphrase, verify, backup copy, quick wipe.

Each long job runs the core function on a worker thread (the core takes progress and cancel);
the dialog shows progress and offers Cancel where the core can stop. A lock closes these
dialogs first and waits for their workers (:meth:`TaskDialog.join_workers`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ...core.errors import MonitorError
from ...core.messages import Message, localize
from .task import TaskDialog, _plain  # TaskDialog: rekey and check_report import it from here


class VerifyDialog(TaskDialog):
    def __init__(self, parent, vault, lang="en"):
        super().__init__(parent, self.tr("Verify the vault"), lang)
        self.vault = vault
        self.message.setText(self.tr("Checks the encryption of every page, the database, every revision, "
                                     "the audit chain and every attachment's hash."))
        self.findings = QPlainTextEdit(objectName="findings", readOnly=True, visible=False)
        self.layout_.insertWidget(2, self.findings)
        # An audit chain head printed earlier (a report's footer): is it still in the chain?
        self.anchor = QLineEdit(objectName="anchor")
        self.anchor.setPlaceholderText(self.tr("optional: the audit chain head from a printed report"))
        self.form.addRow(self.tr("Printed head"), self.anchor)
        self.anchor_verdict = _plain(name="anchor_verdict")
        self.layout_.insertWidget(2, self.anchor_verdict)
        self.anchor_verdict.setVisible(False)

    def job(self):
        from ...core.store.verify import anchor_present, parse_anchor

        vault, anchor = self.vault, self.anchor.text().strip()
        self.anchor_verdict.setVisible(False)
        if anchor:
            try:
                parse_anchor(anchor)
            except MonitorError as exc:
                self.error.setText(localize(exc, self.lang))
                return None

        def run(progress, cancel):
            report = vault.verify(progress=progress, cancel=cancel)
            return report, ((anchor, *anchor_present(vault, anchor)) if anchor else None)

        return run

    def finished_ok(self, result) -> None:
        report, anchor = result
        if anchor is not None:
            text, present, entry = anchor
            message = (Message("cli_anchor_present", anchor=text, entry=entry) if present
                       else Message("cli_anchor_absent", anchor=text))
            self.anchor_verdict.setText(localize(message, self.lang))
            self.anchor_verdict.setStyleSheet("" if present else "color: #b00020; font-weight: bold")
            self.anchor_verdict.setVisible(True)
        if report.ok:
            self.message.setText(self.tr("The vault is intact: {n} revisions, {a} audit entries and "
                                         "{b} attachments checked.").format(
                n=report.checked.get("revisions", 0), a=report.checked.get("audit_entries", 0),
                b=report.checked.get("attachments", 0)))
        else:
            self.message.setText(self.tr("{n} problem(s) found:").format(n=len(report.problems)))
            self.findings.setPlainText("\n".join(localize(p, self.lang) for p in report.problems))
            self.findings.setVisible(True)


class BackupDialog(TaskDialog):
    def __init__(self, parent, vault, lang="en"):
        super().__init__(parent, self.tr("Backup copy"), lang)
        self.vault = vault
        self.target = QLineEdit(objectName="target")
        choose = QPushButton(self.tr("Choose…"), objectName="choose")
        choose.clicked.connect(self._choose)
        self.form.addRow(self.tr("Copy to"), self.target)
        self.form.addRow("", choose)
        self.message.setText(self.tr("Writes an encrypted copy of the vault (and its key file) to the file you "
                                     "choose. It opens with the same passphrase."))

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Backup copy"),
                                                str(Path(self.vault.path).with_suffix(".backup.vault").name),
                                                self.tr("Monitor vaults (*.vault)"))
        if chosen:
            self.target.setText(chosen)

    def job(self):
        from ...core.store.care import backup

        target = self.target.text().strip()
        if not target:
            self.error.setText(self.tr("Choose where to write the copy."))
            return None
        vault = self.vault
        return lambda progress, cancel: backup(vault, Path(target), progress=progress, cancel=cancel)

    def finished_ok(self, files) -> None:
        self.message.setText(self.tr("Written: {files}").format(files=", ".join(str(f) for f in files)))


class PassphraseDialog(TaskDialog):
    def __init__(self, parent, vault, lang="en", kdf_iter=None):
        super().__init__(parent, self.tr("Change passphrase"), lang)
        self.vault, self.kdf_iter = vault, kdf_iter
        self.cancellable = False  # re-encrypting every page cannot stop half-way
        self.current = QLineEdit(echoMode=QLineEdit.Password, objectName="current")
        self.new = QLineEdit(echoMode=QLineEdit.Password, objectName="new")
        self.again = QLineEdit(echoMode=QLineEdit.Password, objectName="again")
        self.form.addRow(self.tr("Current passphrase"), self.current)
        self.form.addRow(self.tr("New passphrase"), self.new)
        self.form.addRow(self.tr("Again"), self.again)
        self.message.setText(self.tr("Choose four or more unrelated words. Backup copies keep the old passphrase."))

    def job(self):
        from ...core.keys.passphrase import weakness

        current, new = self.current.text(), self.new.text()
        reason = weakness(new)
        if not current:
            self.error.setText(self.tr("Type the current passphrase."))
            return None
        if reason:
            self.error.setText(localize(reason, self.lang))
            return None
        if new != self.again.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return None
        vault, kdf = self.vault, self.kdf_iter

        def change(progress, cancel):
            from ...core.store.care import passphrase_opens
            from ...core.errors import WrongPassphrase

            if not passphrase_opens(vault.path, current, kdf_iter=kdf):
                raise WrongPassphrase()
            vault.change_passphrase(new)
            return True

        return change

    def finished_ok(self, result) -> None:
        for field in (self.current, self.new, self.again):
            field.clear()
        self.message.setText(self.tr("The passphrase was changed."))


class WipeDialog(QDialog):
    """Quick wipe: the user types a word to confirm; then the session destroys the vault."""

    def __init__(self, parent, path: Path, *, name_needed: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quick wipe"))
        self.setMinimumWidth(480)
        # A vault without a key file bound to it (from before key files) is confirmed by its file
        # name, as `monitor wipe` asks: nothing else proves the file is a vault.
        self.word = Path(path).name if name_needed else self.tr("WIPE")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)
        layout.addWidget(_plain(self.tr(
            "This destroys the vault {path} for ever: its key material first, then every byte. "
            "Nobody, not even with the passphrase, can open it afterwards. Backup copies elsewhere "
            "are not touched.").format(path=path), "warning"))
        layout.addWidget(_plain(self.tr("Type {word} to confirm:").format(word=self.word)))
        self.confirm = QLineEdit(objectName="confirm")
        layout.addWidget(self.confirm)
        self.buttons = QDialogButtonBox()
        self.wipe_button = self.buttons.addButton(self.tr("Wipe now"), QDialogButtonBox.DestructiveRole)
        self.wipe_button.setObjectName("wipe")
        self.wipe_button.setEnabled(False)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.RejectRole)
        cancel.clicked.connect(self.reject)
        self.wipe_button.clicked.connect(self.accept)
        self.confirm.textChanged.connect(
            lambda text: self.wipe_button.setEnabled(text.strip().casefold() == self.word.casefold()))
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if self.confirm.text().strip().casefold() == self.word.casefold():
            super().accept()


def quick_wipe(session, parent=None, *, confirmed: bool = False) -> bool:
    """Ask for the typed confirmation, then lock and destroy the session's vault."""
    from ...core.keys.wipe import destroy_key_material, identify, needs_name, wipe_files

    path = Path(session.path)
    name = path.name if needs_name(path) else None
    if not confirmed:
        dialog = WipeDialog(parent, path, name_needed=name is not None)
        if dialog.exec() != QDialog.Accepted:
            return False
    identify(path, name)  # checked once, before anything is destroyed (the key file is what proves it)
    session.lock("wiped")  # closes the vault and everything that shows it
    destroy_key_material(path)  # milliseconds; from here the vault cannot be opened
    session.dialog.run_task(  # overwriting every byte takes a while: on a worker, the window stays live
        lambda progress, cancel: wipe_files(path, progress=progress, check=False),
        QCoreApplication.translate("VaultCare", "Wiping…"), lambda exc: session.after_wipe())
    return True


def install(window, session) -> None:
    """Add the Vault menu (settings, care, wipe) to ``window``, acting through ``session``."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("VaultCare", "&Vault"))
    lang = session.lang

    def open_dialog(cls, *args):
        dialog = cls(window, session.vault, lang, *args)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def settings() -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(session.settings, window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(session.apply_settings)
        dialog.open()

    actions = [
        (QCoreApplication.translate("VaultCare", "Settings…"), settings, QKeySequence.Preferences),
        (QCoreApplication.translate("VaultCare", "Change passphrase…"), lambda: open_dialog(PassphraseDialog, session.kdf_iter), None),
        (QCoreApplication.translate("VaultCare", "Verify…"), lambda: open_dialog(VerifyDialog), None),
        (QCoreApplication.translate("VaultCare", "Backup copy…"), lambda: open_dialog(BackupDialog), None),
        (None, None, None),
        (QCoreApplication.translate("VaultCare", "Quick wipe…"), lambda: quick_wipe(session, window), None),
    ]
    for text, slot, shortcut in actions:
        if text is None:
            menu.addSeparator()
            continue
        action = QAction(text, window)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        menu.addAction(action)
    window.vault_menu = menu
