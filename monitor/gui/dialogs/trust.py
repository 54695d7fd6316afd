"""The question asked before a bundle from an unknown signer is merged (the import dialog and the
inbox both ask it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def trust_question(parent: QWidget, fingerprint: str) -> QMessageBox:
    """The question whether to trust a bundle's unknown signer, showing the fingerprint to compare
    aloud. No is the default and the Escape button: Enter alone never trusts."""
    box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("ImportDialog", "Unknown signer"),
                      QCoreApplication.translate(
                          "ImportDialog", "This bundle is signed by a device you do not trust yet:\n\n{fingerprint}\n\n"
                                          "Trust it only if its owner reads you exactly this fingerprint.").format(
                          fingerprint=fingerprint), QMessageBox.Yes | QMessageBox.No, parent)
    box.setTextFormat(Qt.PlainText)
    box.setDefaultButton(QMessageBox.No)
    box.setEscapeButton(QMessageBox.No)
    return box


def ask_to_trust(parent: QWidget, fingerprint: str) -> bool:
    """Ask whether to trust a bundle's unknown signer (see :func:`trust_question`)."""
    return trust_question(parent, fingerprint).exec() == QMessageBox.Yes
