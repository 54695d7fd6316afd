"""Check a printed report against the open vault (Reports ▸ Check a printed report…).

The window's face of ``monitor check-report``: choose a PDF (and its password, if it has one); a
worker reads it and asks :mod:`monitor.core.reports.check` (holding the vault's lock) whether the
file is, byte for byte, a report this vault logged and whether the records it was built from are
unchanged. The one-line verdict is shown on top, the detail (the audit anchor, each changed record
with its history) below it. Nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLineEdit, QPlainTextEdit, QPushButton

from .vault_care import TaskDialog


def check_job(vault, path: Path, password: str | None):
    """The worker's function: the check, run while holding the vault's lock."""
    from ...core.reports.check import check_file

    def run(progress=None, cancel=None):
        with vault.hold():
            return check_file(vault, path, password=password)

    return run


class CheckReportDialog(TaskDialog):
    def __init__(self, parent, vault, lang="en"):
        super().__init__(parent, self.tr("Check a printed report"), lang)
        self.vault = vault
        self.cancellable = False  # one file, read once: it ends in moments
        self.path = QLineEdit(objectName="path")
        choose = QPushButton(self.tr("Choose…"), objectName="choose")
        choose.clicked.connect(self._choose)
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("only for a password-protected PDF"))
        self.form.addRow(self.tr("Report (PDF)"), self.path)
        self.form.addRow("", choose)
        self.form.addRow(self.tr("PDF password"), self.password)
        self.start_button.setText(self.tr("Check"))
        self.message.setText(self.tr("Confirms that the file is, byte for byte, a report this vault recorded in its "
                                     "audit trail, and that the records it was built from have not changed since; "
                                     "records changed since are listed with their history."))
        self.details = QPlainTextEdit(objectName="details", readOnly=True, visible=False)
        self.layout_.insertWidget(2, self.details)

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Check a printed report"), "",
                                                self.tr("PDF documents (*.pdf)"))
        if chosen:
            self.path.setText(chosen)

    def job(self):
        text = self.path.text().strip()
        if not text:
            self.error.setText(self.tr("Choose the report's PDF file."))
            return None
        self.details.setVisible(False)
        return check_job(self.vault, Path(text).expanduser(), self.password.text() or None)

    def finished_ok(self, result) -> None:
        lines = result.lines(self.lang)
        self.message.setText(lines[0])
        self.message.setStyleSheet("font-weight: bold; color: %s" % ("#1b5e20" if result.ok else "#b00020"))
        self.details.setPlainText("\n".join(lines[1:]))
        self.details.setVisible(len(lines) > 1)
