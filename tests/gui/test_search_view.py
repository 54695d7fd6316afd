"""Search in the window: word forms, the real count with paging, type filter, highlight, Ctrl+F."""

from __future__ import annotations

import pytest
from records import new_case, new_facility, uid

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from monitor.gui.main_window import MainWindow  # noqa: E402


def test_word_forms_count_paging_filter_and_highlight(qtbot, vault):
    vault.put_many([new_facility(uid(i), name=f"ИВС {i}", type_key="ivs",
                                 notes=f"Жалоба {i}: следы удушения и избиения.") for i in range(1, 251)])
    vault.put(new_case(uid(900), code="KZ-2026-0900", title="Удушение в ИВС", status="investigation"))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.search_box.setText("удушением")
    window.run_search()
    model = window.results_model
    assert window.status.text() == "251 matches"  # the real count, not the first page
    assert len(model.rows) == model.PAGE and model.canFetchMore()  # a page at a time, past 200
    while model.canFetchMore():
        model.fetchMore()
    assert len(model.rows) == 251 and len({r["id"] for r in model.rows}) == 251
    assert "удушения" in model.rows[-1]["why"] or "удушение" in model.rows[-1]["why"]

    window.type_filter.setCurrentIndex(window.type_filter.findData("case"))
    window.run_search()
    assert window.status.text() == "1 matches" and [r["id"] for r in model.rows] == [uid(900)]
    window.table.selectRow(0)
    marked = [window.detail.toPlainText()[s.cursor.selectionStart():s.cursor.selectionEnd()]
              for s in window.detail.extraSelections()]
    assert marked and set(marked) == {"Удушение"}  # the form in the record is highlighted


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot, vault):
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.table.setFocus()
    window.search_box.setText("старый запрос")
    qtbot.keyClick(window.table, Qt.Key_F, Qt.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box, timeout=2000)
    assert window.search_box.selectedText() == "старый запрос"
