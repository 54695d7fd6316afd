"""Print a report: choose language, level and password, preview it in the app, save or print it.

The PDF is built on a worker thread (progress and Cancel), then its pages are rendered to images
**in memory** with pypdfium2 — no temporary file, no Qt PDF add-on module. "Save as…" writes the
very bytes that were previewed (atomically, with an audit entry); "Print…" paints the pages at the
printer's resolution and logs the print in the audit trail.

How the main window uses it (one action per report kind)::

    dialog = ReportPreview(locked(vault), "dossier", subject_id=case_id, parent=self)
    dialog.show()

``open_vault`` is a callable returning a context manager that yields an open :class:`Vault`:
either :func:`locked` (the window's vault, held under its lock while the report reads it) or one
that opens a separate connection for the worker.

The dialog's words are widget texts in the Qt catalogues (``self.tr``); the report itself speaks
through the core's message catalogue.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QProgressBar, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from ...core import reports
from ...core.errors import Cancelled, MonitorError
from .. import worker as workers
from ..i18n import choose_language

FIRST_YEAR = 1991  # the statistics dialog's earliest year (independence); one below it means "any"
KINDS = {
    "dossier": QT_TRANSLATE_NOOP("ReportPreview", "Case dossier"),
    "medical": QT_TRANSLATE_NOOP("ReportPreview", "Medical evaluation report"),
    "visit": QT_TRANSLATE_NOOP("ReportPreview", "Visit report"),
    "stats": QT_TRANSLATE_NOOP("ReportPreview", "Statistics"),
}
LEVELS = {
    "full": QT_TRANSLATE_NOOP("ReportPreview", "full (the person's lawyer)"),
    "pseudonymised": QT_TRANSLATE_NOOP("ReportPreview", "pseudonymised (partners)"),
    "aggregate": QT_TRANSLATE_NOOP("ReportPreview", "aggregate (public)"),
}
# who the report is for, when not the level's own reader: the consent item each person must have
# given follows from it (monitor.core.reports.redaction.AUDIENCE_ITEM)
AUDIENCES = {
    None: QT_TRANSLATE_NOOP("ReportPreview", "as the level says"),
    "un": QT_TRANSLATE_NOOP("ReportPreview", "a UN body (needs consent to share with the UN)"),
}


def locked(vault) -> Callable[[], contextlib.AbstractContextManager]:
    """An opener for the window's own vault: the worker holds the vault's lock while it reads."""

    @contextlib.contextmanager
    def hold():
        with vault.hold():
            yield vault

    return hold


def render_pages(data: bytes, *, dpi: float = 72.0, password: str | None = None) -> list[QImage]:
    """Every page of a PDF as a QImage, rendered in memory (no file is written)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data, password=password)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True)  # RGB
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format_RGB888).copy()  # own the pixels before pdfium frees them
            images.append(image)
            bitmap.close()
            page.close()
    finally:
        document.close()
    return images


def page_text(data: bytes, index: int = 0) -> str:
    """The text of one page (for tests and accessibility), extracted in memory."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[index]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
        return text
    finally:
        document.close()


_gc_lock = threading.Lock()
_gc_holds = 0


@contextlib.contextmanager
def _no_collection_off_the_gui_thread():
    """Keep Python's cyclic garbage collector from running on the worker thread.

    A collection runs on whichever thread happens to allocate; if it frees a Qt object that lived on
    the GUI thread (a closed dialog in a reference cycle, a timer), Qt crashes. The GUI thread
    collects before the worker starts (see ``refresh``), and automatic collection is paused while
    report workers run (counted, so overlapping workers are safe); reference counting still frees
    everything that is not in a cycle.
    """
    global _gc_holds
    with _gc_lock:
        _gc_holds += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holds -= 1
            if _gc_holds == 0:
                gc.enable()


def _build(open_vault, kind, subject_id, lang, level, audience=None, period=(None, None), *, progress=None,
           cancel=None):
    """Worker: build and render the report; returns (report, pdf bytes, page images)."""
    with _no_collection_off_the_gui_thread():
        return _build_unguarded(open_vault, kind, subject_id, lang, level, audience, period, progress=progress,
                                cancel=cancel)


def _build_unguarded(open_vault, kind, subject_id, lang, level, audience=None, period=(None, None), *,
                     progress=None, cancel=None):
    with open_vault() as vault:
        extra = {"period": period} if kind == "stats" else {}
        report = reports.build(vault, kind, subject_id=subject_id, lang=lang, level=level,
                               progress=progress, cancel=cancel, audience=audience, **extra)
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress:
            progress(1, 2, "rendering")
        data = reports.render(vault, report)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    images = render_pages(data, dpi=80)
    if progress:
        progress(2, 2, "rendering")
    return report, data, images


def _write_tables(open_vault, path: str, tables: list, *, detail: str, progress=None, cancel=None) -> str:
    """Worker: the tables as a workbook, written atomically with its audit entry."""
    from ...core.io.sheets_out import table_workbook, write_logged

    data = table_workbook(tables)
    with open_vault() as vault:
        write_logged(vault, path, data, "sheet-written", detail)
    return path


class ReportPreview(QDialog):
    previewReady = Signal()
    previewFailed = Signal(str)
    saved = Signal(str)

    def __init__(self, open_vault, kind: str, *, subject_id: str | None = None, lang: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._open_vault, self._kind, self._subject = open_vault, kind, subject_id
        self._ui_lang = choose_language()
        self.setWindowTitle(f"{self.tr('Report')}: {self.tr(KINDS[kind])}")
        self.resize(760, 900)
        self._report = None
        self._data: bytes | None = None
        self._worker: workers.Worker | None = None
        self._thread = None

        self.lang = QComboBox()
        for code, name in (("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")):
            self.lang.addItem(name, code)
        self.lang.setCurrentIndex(max(0, self.lang.findData(lang or self._ui_lang)))
        self.level = QComboBox()
        for code in (("aggregate",) if kind == "stats" else ("full", "pseudonymised")):
            self.level.addItem(self.tr(LEVELS[code]), code)
        self.audience = QComboBox()
        for code in ((None,) if kind == "stats" else (None, "un")):
            self.audience.addItem(self.tr(AUDIENCES[code]), code)
        self.audience.setEnabled(kind != "stats")
        # statistics: the years to count, as the CLI's --from/--to ("any" = no bound)
        self.year_from, self.year_to = QSpinBox(), QSpinBox()
        for box in (self.year_from, self.year_to):
            box.setRange(FIRST_YEAR - 1, 2100)
            box.setSpecialValueText(self.tr("any"))
            box.setValue(FIRST_YEAR - 1)
        self.protect = QCheckBox(self.tr("Protect with a password (AES-256)"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setEnabled(False)
        self.protect.toggled.connect(self.password.setEnabled)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.sheet_button = QPushButton(self.tr("Spreadsheet…"), objectName="export_sheet")
        self.sheet_button.setToolTip(self.tr("The report's tables as an .xlsx workbook"))
        self.sheet_button.setVisible(kind == "stats")
        self._sheet_worker = self._sheet_thread = None
        close = QPushButton(self.tr("Close"))
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setTextFormat(Qt.PlainText)
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        self.scroll = QScrollArea()
        self.scroll.setWidget(holder)
        self.scroll.setWidgetResizable(True)

        row = QHBoxLayout()
        for label, widget in ((self.tr("Language"), self.lang), (self.tr("Level"), self.level),
                              (self.tr("Recipient"), self.audience)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        if kind == "stats":
            for label, widget in ((self.tr("From year"), self.year_from), (self.tr("To year"), self.year_to)):
                row.addWidget(QLabel(label))
                row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.preview_button)
        protect = QHBoxLayout()
        protect.addWidget(self.protect)
        protect.addWidget(self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.sheet_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(protect)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.preview_button.clicked.connect(self.refresh)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self._ask_save)
        self.print_button.clicked.connect(self.print_report)
        self.sheet_button.clicked.connect(self.export_sheet)
        close.clicked.connect(self.reject)
        self._set_busy(False)
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.sheet_button.setEnabled(False)

    # --- building ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Build the report on a worker thread and show its pages."""
        if self._worker is not None:
            return
        self._clear_pages()
        self._report, self._data = None, None
        gc.collect()  # here, on the GUI thread, rather than on the worker (see _no_collection_off_the_gui_thread)
        self.status.setText(self.tr("Building the report…"))
        self._worker = workers.Worker(_build, self._open_vault, self._kind, self._subject,
                                      self.lang.currentData(), self.level.currentData(), self.audience.currentData(),
                                      self.period())
        self._worker.progress.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_ready)
        self._worker.failed.connect(self._on_failed)
        self._set_busy(True)
        self._thread = workers.start(self._worker, self)

    def period(self) -> tuple[str | None, str | None]:
        """The statistics years chosen: (first, last), None where "any"."""
        def year(box: QSpinBox) -> str | None:
            return None if box.value() < FIRST_YEAR else str(box.value())

        first, last = year(self.year_from), year(self.year_to)
        if first and last and first > last:
            first, last = last, first
        return first, last

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def wait(self) -> None:
        """Join the worker thread (it has delivered its result, or is cancelled) and forget it.

        Called from the result handlers before they return to the event loop, so the QThread
        (deleted later by the event loop once finished) is still alive when it is waited on.
        """
        if self._thread is not None:
            self._thread.wait()
        self._worker = self._thread = None
        self._set_busy(False)
        if self._sheet_thread is not None:  # a workbook being written ends first
            self._sheet_thread.wait()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_ready(self, result) -> None:
        self.wait()
        self._report, self._data, images = result
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignHCenter)
            self.pages.addWidget(label)
        self.status.setText(self.tr("{n} pages · {w} items withheld · SHA-256 of the records {h}…").format(
            n=len(images), w=self._report.withheld.total(), h=self._report.source_digest[:16]))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.sheet_button.setEnabled(True)
        self.previewReady.emit()

    def _on_failed(self, exc) -> None:
        self.wait()
        message = self.tr("Cancelled.") if isinstance(exc, Cancelled) else (
            str(exc) if isinstance(exc, MonitorError) else f"{type(exc).__name__}: {exc}")
        self.status.setText(message)
        self.previewFailed.emit(message)

    # --- the statistics tables as a spreadsheet --------------------------------------------------

    def export_sheet(self) -> None:
        """The previewed report's tables as an .xlsx workbook (one sheet each), after a warning that
        the file is plaintext; written with its audit entry on a worker thread."""
        if self._report is None or self._sheet_worker is not None:
            return
        title = self.tr("Export to spreadsheet")
        answer = QMessageBox.warning(
            self, title, self.tr("The workbook will hold these tables as PLAINTEXT outside the encrypted vault: "
                                 "anyone who gets the file can read it. Keep it off shared or unencrypted disks. "
                                 "Export them?"), QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return
        path, _filter = QFileDialog.getSaveFileName(self, title, f"{self.tr(KINDS[self._kind])}.xlsx",
                                                    self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        from ...core.io.sheets_out import report_tables

        tables = report_tables(self._report)
        detail = f"report={self._kind} level={self._report.level} lang={self._report.lang} tables={len(tables)}"
        self._sheet_worker = workers.Worker(_write_tables, self._open_vault, path, tables, detail=detail)
        self._sheet_worker.outcome.connect(self._sheet_written)
        self.sheet_button.setEnabled(False)
        self._sheet_thread = workers.start(self._sheet_worker, self)

    def _sheet_written(self, _worker, result, exc) -> None:
        if self._sheet_thread is not None:
            self._sheet_thread.wait()
        self._sheet_worker = self._sheet_thread = None
        self.sheet_button.setEnabled(self._report is not None)
        if exc is None:
            self.status.setText(self.tr("Saved {path}").format(path=result))
        else:
            self.status.setText(str(exc) if isinstance(exc, MonitorError) else type(exc).__name__)

    def _set_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        self.preview_button.setEnabled(not busy)
        self.progress.setVisible(busy)

    def _clear_pages(self) -> None:
        while self.pages.count():
            item = self.pages.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    @property
    def pdf_bytes(self) -> bytes | None:
        return self._data

    @property
    def page_count(self) -> int:
        return self.pages.count()

    # --- saving and printing -------------------------------------------------------------------

    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as…"), f"{self._kind}.pdf", self.tr("PDF files (*.pdf)"))
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> reports.ReportResult | None:
        """Write the previewed PDF (encrypted if asked) atomically, with an audit entry."""
        if self._report is None or self._data is None:
            return None
        password = self.password.text() if self.protect.isChecked() else None
        if self.protect.isChecked() and not password:
            self.status.setText(self.tr("Enter a password, or untick the box."))
            return None
        try:
            with self._open_vault() as vault:
                result = reports.write(vault, self._report, path, password=password, data=self._data)
        except (MonitorError, OSError) as exc:
            text = str(exc) if isinstance(exc, MonitorError) else f"{exc.strerror or exc}"
            self.status.setText(text)
            QMessageBox.warning(self, self.tr("Save as…"), text)
            return None
        self.status.setText(self.tr("Saved {path} (SHA-256 {h}…)").format(path=str(path), h=result.sha256[:16]))
        self.saved.emit(str(path))
        return result

    def print_report(self, printer=None) -> bool:
        """Paint every page at the printer's resolution; log the print. ``printer`` skips the dialog."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self._report is None or self._data is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.Accepted:
                return False
        dpi = min(printer.resolution(), 300)
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            images = render_pages(self._data, dpi=dpi)
            for i, image in enumerate(images):
                if i:
                    printer.newPage()
                area = painter.viewport()
                size = image.size()
                size.scale(area.size(), Qt.KeepAspectRatio)
                painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
        finally:
            painter.end()
        with self._open_vault() as vault:
            reports.log_printed(vault, self._report, self._data, copies=max(1, printer.copyCount()))
        self.status.setText(self.tr("Sent to the printer."))
        return True

    def closeEvent(self, event) -> None:
        self.cancel()
        self.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        self.cancel()
        self.wait()
        super().reject()
