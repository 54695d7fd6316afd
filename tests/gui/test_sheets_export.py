"""Export to spreadsheet from the window (issue 19 §7): the list shown, its rows and columns as shown in
the window's language, written on a worker thread after a plaintext warning, and logged."""

from __future__ import annotations

import io

import openpyxl
import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, require_module
from records import full_set

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from monitor.core.store.reading import audit_of_actions
from monitor.core.store.vault import Vault
from monitor.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    vault = Vault.create(tmp_path / "s.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    blob = vault.store_blob(io.BytesIO(b"\x89PNG sheet export" * 50))
    vault.put_many(full_set(blob.sha256, blob.size))
    win = MainWindow(vault, lang="ru")
    qtbot.addWidget(win)
    yield win
    if getattr(win, "_sheet_thread", None) is not None:
        win._sheet_thread.wait()
    win.clear()
    vault.close()


def _answer(monkeypatch, answer, path, asked):
    def warning(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_the_list_shown_is_written_as_shown_after_the_plaintext_warning(qtbot, window, tmp_path, monkeypatch):
    asked = []
    out = tmp_path / "дела"  # the extension is added
    _answer(monkeypatch, QMessageBox.Yes, out, asked)
    window.show_list("cases")
    proxy = window.proxy
    shown_header = [proxy.headerData(c, Qt.Horizontal, Qt.DisplayRole) for c in range(proxy.columnCount())]
    shown_first = [proxy.data(proxy.index(0, c), Qt.DisplayRole) for c in range(proxy.columnCount())]
    window.findChild(QAction, "export_sheet").trigger()
    assert asked and any(word in asked[0] for word in ("PLAINTEXT", "ОТКРЫТЫМ ТЕКСТОМ"))
    qtbot.waitUntil(lambda: window._sheet_worker is None, timeout=60_000)
    book = openpyxl.load_workbook(tmp_path / "дела.xlsx")
    rows = list(book.active.values)
    assert list(rows[0]) == shown_header
    assert [v if v is not None else "" for v in rows[1]] == [v or "" for v in shown_first]
    assert len(rows) - 1 == proxy.rowCount() > 0
    (entry,) = audit_of_actions(window.vault, ("sheet-written",))
    assert f"list=cases rows={proxy.rowCount()} lang=ru" in entry[-1]


def test_cancelling_the_warning_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    asked = []
    _answer(monkeypatch, QMessageBox.Cancel, tmp_path / "x.xlsx", asked)
    window.show_list("cases")
    window.findChild(QAction, "export_sheet").trigger()
    assert asked and not (tmp_path / "x.xlsx").exists()
    assert getattr(window, "_sheet_worker", None) is None
    assert audit_of_actions(window.vault, ("sheet-written",)) == []


def test_the_statistics_tables_are_written_one_sheet_each(qtbot, window, tmp_path, monkeypatch):
    from monitor.core.io.loader import load_file
    from monitor.gui.dialogs.report_preview import ReportPreview, locked

    examples = __import__("pathlib").Path(__file__).resolve().parents[2] / "docs" / "examples"
    load_file(window.vault, examples / "official-statistics.csv")
    asked = []
    _answer(monkeypatch, QMessageBox.Yes, tmp_path / "stats.xlsx", asked)
    preview = ReportPreview(locked(window.vault), "stats", parent=window)
    qtbot.addWidget(preview)
    assert preview.sheet_button.isVisible() or not preview.isVisible()
    assert not preview.sheet_button.isEnabled()  # nothing built yet
    failures = []
    preview.previewFailed.connect(failures.append)
    preview.preview_button.click()
    qtbot.waitUntil(lambda: preview._data is not None or bool(failures), timeout=120_000)
    assert not failures
    preview.sheet_button.click()
    assert asked
    qtbot.waitUntil(lambda: preview._sheet_worker is None, timeout=60_000)
    from monitor.core.io.sheets_out import report_tables

    tables = report_tables(preview._report)
    assert tables
    book = openpyxl.load_workbook(tmp_path / "stats.xlsx")
    assert len(book.sheetnames) == len(tables)
    for sheet, (_title, header, rows) in zip(book.worksheets, tables):
        values = list(sheet.values)
        assert list(values[0]) == header
        assert [[v if v is not None else "" for v in row] for row in values[1:]] == rows
    (entry,) = audit_of_actions(window.vault, ("sheet-written",))
    assert f"report=stats level={preview._report.level}" in entry[-1]
    preview.close()
