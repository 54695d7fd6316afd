"""Photos and documents: add by dialog or drop (with progress and Cancel), show one with its
SHA-256, an image viewer rendered in memory from the vault (never a temp file), the intimate
flag respected, and "export a copy" recorded in the audit log."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.model import titles
from ...core.errors import Cancelled, MonitorError
from ...core.io.exports import export_attachment_copy
from ..labels import format_datetime, record_label, yes_no

MAX_VIEW_BYTES = 200 * 1024 * 1024  # larger images are not decoded for viewing


def add_files(parent: QWidget, vault, paths: list[Path], *, parent_id: str | None = None,
              intimate: bool | None = None) -> tuple[list[dict], str | None]:
    """Store files in the vault one by one with a progress dialog and Cancel.

    The bytes stream into the vault in 1 MiB chunks inside one transaction per file; between
    chunks the dialog is repainted and Cancel is honoured (a cancelled file leaves nothing).
    Returns (the attachment records added, an error message or None).
    """
    added: list[dict] = []
    dialog = QProgressDialog(parent)
    dialog.setObjectName("attach_progress")
    dialog.setWindowTitle(QApplication.translate("Attachments", "Adding files"))
    dialog.setCancelButtonText(QApplication.translate("Attachments", "Cancel"))
    dialog.setMinimumDuration(300)
    dialog.setWindowModality(Qt.WindowModal)
    cancel = threading.Event()
    dialog.canceled.connect(cancel.set)
    error = None
    for number, path in enumerate(paths, 1):
        size = max(1, Path(path).stat().st_size if Path(path).is_file() else 1)
        dialog.setLabelText(QApplication.translate("Attachments", "Adding {name} ({n} of {total})…").format(
            name=Path(path).name, n=number, total=len(paths)))
        dialog.setMaximum(1000)

        def progress(done: int, total: int, label: str, size=size) -> None:
            dialog.setValue(min(999, int(1000 * done / max(total or size, 1))))
            QApplication.processEvents()
            if dialog.wasCanceled():  # checked again by the core before the next chunk
                cancel.set()

        try:
            added.append(vault.add_attachment(path, parent_id=parent_id, intimate=intimate,
                                              progress=progress, cancel=cancel))
        except Cancelled:
            error = QApplication.translate("Attachments", "Cancelled; the file being added was not kept.")
            break
        except MonitorError as exc:
            error = str(exc)
            break
    dialog.setValue(dialog.maximum())
    dialog.close()
    dialog.deleteLater()
    return added, error


def image_from_vault(vault, body: dict) -> QImage:
    """Decode an image attachment in memory (a null image if it is not one or is too large)."""
    image = QImage()
    if str(body.get("mime_type", "")).startswith("image/") and body.get("size", 0) <= MAX_VIEW_BYTES:
        image.loadFromData(b"".join(vault.read_attachment(body["sha256"])))
    return image


class AttachmentView(QWidget):
    """One attachment: its facts, its SHA-256, the image (behind a click if intimate), export."""

    open_record = Signal(str)
    exported = Signal(str)

    def __init__(self, vault, record_id: str, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("attachment_view")
        self.vault, self.record_id, self.lang = vault, record_id, lang
        self.body = vault.get(record_id)
        b = self.body
        form = QFormLayout()
        title = lambda name: titles.field_title(f"attachment.{name}", lang)  # noqa: E731
        for name, value in (("caption", b.get("caption", "")), ("original_name", b.get("original_name", "")),
                            ("mime_type", b.get("mime_type", "")), ("size", f"{b['size']:,}".replace(",", " ")),
                            ("captured_at", format_datetime(b["captured_at"], lang) if b.get("captured_at") else ""),
                            ("added_by", b.get("added_by", "")),
                            ("intimate", yes_no(bool(b.get("intimate")))),
                            ("has_scale", yes_no(bool(b.get("has_scale")))) if "has_scale" in b else ("", "")):
            if name:
                form.addRow(title(name), QLabel(str(value), textFormat=Qt.PlainText, wordWrap=True))
        if b.get("parent_id"):
            parent_link = QPushButton(record_label(vault, b["parent_id"], lang).replace("&", "&&"), flat=True)  # no mnemonics
            parent_link.clicked.connect(lambda: self.open_record.emit(b["parent_id"]))
            form.addRow(title("parent_id"), parent_link)
        self.hash_label = QLabel(b["sha256"], textFormat=Qt.PlainText, objectName="sha256")
        self.hash_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.Monospace)
        self.hash_label.setFont(mono)
        form.addRow("SHA-256", self.hash_label)
        self.image = QLabel(alignment=Qt.AlignCenter, objectName="image")
        self.show_button = QPushButton(self.tr("Show the intimate photo"), objectName="show_intimate")
        self.show_button.clicked.connect(self.show_image)
        self.export_button = QPushButton(self.tr("Export a copy…"), objectName="export_copy")
        self.export_button.clicked.connect(self.export_copy)
        self.message = QLabel(textFormat=Qt.PlainText, wordWrap=True)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.image)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self.pixmap: QPixmap | None = None
        if b.get("intimate"):
            self.image.setText(self.tr("An intimate photo: shown only on request."))
        else:
            self.show_button.hide()
            self.show_image()

    def show_image(self) -> None:
        image = image_from_vault(self.vault, self.body)
        if image.isNull():
            self.image.setText(self.tr("No preview for this file."))
            return
        self.pixmap = QPixmap.fromImage(image)
        shown = self.pixmap if self.pixmap.width() <= 1600 else self.pixmap.scaledToWidth(1600, Qt.SmoothTransformation)
        self.image.setPixmap(shown)
        self.show_button.hide()

    def export_copy(self, destination: str | None = None) -> bool:
        if destination is None:
            destination, _ = QFileDialog.getSaveFileName(self, self.tr("Export a copy"),
                                                         self.body.get("original_name", ""))
        if not destination:
            return False
        try:
            export_attachment_copy(self.vault, self.record_id, destination)
        except MonitorError as exc:
            self.message.setText(exc.localized(self.lang))
            return False
        except OSError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText(self.tr("A copy was written; the export is recorded in the audit log. "
                                     "The copy is not encrypted."))
        self.exported.emit(destination)
        return True

    def forget(self) -> None:
        self.pixmap = None
        self.image.clear()
