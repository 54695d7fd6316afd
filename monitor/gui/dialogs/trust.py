"""The question asked before a bundle from an unknown signer is merged (the import dialog and the
inbox both ask it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_trust(parent: QWidget, fingerprint: str) -> bool:
    """Ask whether to trust a bundle's unknown signer, showing the fingerprint to compare aloud."""
    box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("ImportDialog", "Unknown signer"),
                      QCoreApplication.translate(
                          "ImportDialog", "This bundle is signed by a device you do not trust yet:\n\n{fingerprint}\n\n"
                                          "Trust it only if its owner reads you exactly this fingerprint.").format(
                          fingerprint=fingerprint), QMessageBox.Yes | QMessageBox.No, parent)
    box.setTextFormat(Qt.PlainText)
    return box.exec() == QMessageBox.Yes
