""""My passphrase or laptop may be compromised": a new data key for the whole vault.

Runs :meth:`Vault.rekey <monitor.core.store.vault.Vault.rekey>` on a worker, with progress and
Cancel (which works until the copy under the new key is complete; after that the few renames run
to the end). Asks for the current passphrase (checked against the key file) and a new one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from ...core.messages import localize
from .vault_care import TaskDialog


class RekeyDialog(TaskDialog):
    def __init__(self, parent, vault, lang="en", kdf=None, kdf_iter=None):
        super().__init__(parent, self.tr("New key for the whole vault"), lang)
        self.setObjectName("rekey_dialog")
        self.vault, self.kdf, self.kdf_iter = vault, kdf, kdf_iter
        self.current = QLineEdit(echoMode=QLineEdit.Password, objectName="current")
        self.new = QLineEdit(echoMode=QLineEdit.Password, objectName="new")
        self.again = QLineEdit(echoMode=QLineEdit.Password, objectName="again")
        self.form.addRow(self.tr("Current passphrase"), self.current)
        self.form.addRow(self.tr("New passphrase"), self.new)
        self.form.addRow(self.tr("Again"), self.again)
        self.message.setText(self.tr(
            "Monitor makes a new random key, re-encrypts the whole vault with it and destroys the old key "
            "file. Afterwards the old passphrase, old copies of the key file and memory taken from this "
            "laptop earlier open nothing. Backup copies made before keep the old key: wipe them. "
            "A large vault takes minutes."))

    def job(self):
        from ...core.keys.passphrase import weakness

        current, new = self.current.text(), self.new.text()
        if not current:
            self.error.setText(self.tr("Type the current passphrase."))
            return None
        reason = weakness(new)
        if reason:
            self.error.setText(localize(reason, self.lang))
            return None
        if new != self.again.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return None
        for field in (self.current, self.new, self.again):
            field.clear()  # the text lives on only in this job's strings
        vault, kdf, kdf_iter = self.vault, self.kdf, self.kdf_iter

        def rekey(progress, cancel):
            from ...core.errors import WrongPassphrase
            from ...core.store.care import passphrase_opens

            if not passphrase_opens(vault.path, current, kdf_iter=kdf_iter):
                raise WrongPassphrase()
            vault.rekey(new, kdf=kdf, progress=progress, cancel=cancel)
            return True

        return rekey

    def finished_ok(self, result) -> None:
        self.message.setText(self.tr("Done: the vault has a new key, and the old key file was destroyed. "
                                     "Open it with the new passphrase from now on."))
