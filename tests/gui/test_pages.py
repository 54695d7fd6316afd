"""Readable record view, case file, history, attachments and navigation in the main window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, put_full_set, require_module, vault_template
from records import SECRET, uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import Qt, QUrl  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402

from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.pages.attachments_view import AttachmentView  # noqa: E402
from monitor.gui.pages.case_file import CaseFilePage  # noqa: E402
from monitor.gui.pages.history_view import HistoryView, differences  # noqa: E402
from monitor.gui.main_window import MainWindow, record_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}")


def png_bytes(colour="#884422") -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    image = QImage(40, 30, QImage.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


@pytest.fixture(scope="module")
def stocked_template(tmp_path_factory):
    """The stocked vault with a real PNG as its photo, built once for this module."""
    return vault_template(tmp_path_factory.mktemp("template"), "p.vault", lambda v: put_full_set(v, png_bytes()))


@pytest.fixture
def vault(stocked_copy):
    v = Vault.open(stocked_copy, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    yield v
    v.close()


def test_readable_view_in_russian(qtbot, vault):
    text = record_text(vault, uid(8), "ru")
    assert "Общее заключение" in text and "вполне соответствует" in text  # titles and labels
    assert "highly_consistent" not in text and not UUID.search(text)
    assert "P-2026-0042" in text  # the person by its code
    from gui.helpers import ui_language

    with ui_language("kk"):
        interview = record_text(vault, uid(7), "kk")
    assert "иә" in interview and "True" not in interview  # yes/no in words
    assert "2026-03-01T" not in interview  # local, formatted times
    person = record_text(vault, uid(3), "en")
    assert SECRET not in person and "Reveal identity" in person


def test_case_file_links_diagrams_photos_and_chronology(qtbot, vault):
    from gui.helpers import ui_language

    page = CaseFilePage(vault, "kk")
    qtbot.addWidget(page)
    with ui_language("kk"):
        page.show_case(uid(6))
    text = page.toPlainText()
    assert "KZ-2026-0007" in text and "Хронология" in text and "Тұлғалар және рөлдері" in text
    assert "Үкім" in text  # the judgment in the chronology
    assert "келісім берілді" in text  # each person's current consent
    for record_id in (uid(7), uid(8), uid(10), uid(11), uid(9), uid(3)):
        assert record_id in page.links
    assert not UUID.search(text) and SECRET not in text
    html = page.toHtml()
    assert "mem:" in html  # the diagram and thumbnail come from memory
    opened = []
    page.open_record.connect(opened.append)
    page.anchorClicked.emit(QUrl(f"record:{uid(8)}"))
    assert opened == [uid(8)]


def test_intimate_photo_needs_a_click(qtbot, vault):
    body = dict(vault.get(uid(9)), intimate=True)
    vault.put(body)
    page = CaseFilePage(vault, "en")
    qtbot.addWidget(page)
    page.show_case(uid(6))
    assert "Intimate photo: not shown." in page.toPlainText()
    page.anchorClicked.emit(QUrl(f"show:{uid(9)}"))
    assert "Intimate photo: not shown." not in page.toPlainText()
    view = AttachmentView(vault, uid(9), "en")
    qtbot.addWidget(view)
    assert view.pixmap is None and view.show_button.isVisibleTo(view)
    view.show_button.click()
    assert view.pixmap is not None and view.pixmap.width() == 40


def test_attachment_shows_its_hash_and_exports_a_copy_into_the_audit_log(qtbot, vault, tmp_path):
    view = AttachmentView(vault, uid(9), "ru")
    qtbot.addWidget(view)
    body = vault.get(uid(9))
    assert view.hash_label.text() == body["sha256"]
    assert view.pixmap is not None
    target = tmp_path / "copy.png"
    assert view.export_copy(str(target))
    assert target.read_bytes() == png_bytes()
    actions = [row[0] for row in vault.conn.execute("SELECT action FROM audit ORDER BY seq")]
    assert actions[-1] == "attachment-exported"
    assert vault.verify().ok


def test_history_lists_revisions_and_their_differences(qtbot, vault):
    body = vault.get(uid(10))
    vault.put(dict(body, status="refused", reply="Отказано"))
    view = HistoryView(vault, uid(10), "ru")
    qtbot.addWidget(view)
    assert view.list.count() == 2
    text = view.diff.toPlainText()
    assert "Статус" in text and "Отказано" in text and "refused" not in text
    view.list.setCurrentRow(0)
    assert "Материал направлен" in view.diff.toPlainText()
    assert differences({"a": 1}, {"a": 2, "b": [1, 2]}) == [("changed", "a", "1", "2"), ("added", "b", None, "1, 2")]


def test_window_navigates_with_back_and_forward(qtbot, vault):
    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window)
    window.show()
    assert [r["code"] for r in window.cases_model.rows] == ["KZ-2026-0007"]
    window.table.selectRow(0)
    window._activated(window.table.currentIndex())
    assert window.page.objectName() == "case_page"
    window.page.file.anchorClicked.emit(QUrl(f"record:{uid(8)}"))
    assert window.page.objectName() == "examination_editor"
    window.back_action.trigger()
    assert window.page.objectName() == "case_page"
    window.forward_action.trigger()
    assert window.page.objectName() == "examination_editor"
    window.show_list("facilities")
    assert window.models["facilities"].rows[0]["name"] == "Қарағанды қаласының ИВС"
    window.show_list("examinations")
    assert window.models["examinations"].rows[0]["person"] == "P-2026-0042"
    window.status_filter.setCurrentIndex(0)
    window.show_list("complaints")
    index = window.status_filter.findData("refused")
    window.status_filter.setCurrentIndex(index)
    assert window.models["complaints"].rows == []
    window.status_filter.setCurrentIndex(window.status_filter.findData("registered"))
    assert len(window.models["complaints"].rows) == 1
    window.filter_box.setText("zzz-nothing")
    assert window.proxy.rowCount() == 0
    window.filter_box.clear()
    window.show_list("visits")
    assert window.proxy.rowCount() == 1
    window.date_from.setText("2026-03-02")
    window.date_from.editingFinished.emit()
    assert window.proxy.rowCount() == 0  # the visit began on 1 March
    window.date_from.setText("2026-03-01")
    window.date_from.editingFinished.emit()
    assert window.proxy.rowCount() == 1
    window.facility_filter.setCurrentIndex(window.facility_filter.findData("Қарағанды қаласының ИВС"))
    assert window.proxy.rowCount() == 1
    window.proxy.set_filters(facility="elsewhere")
    assert window.proxy.rowCount() == 0
    # Sorting by a column sorts by its value, not its displayed text.
    window.show_list("cases")
    window.table.sortByColumn(0, Qt.DescendingOrder)
    assert window.proxy.rowCount() == 1


def test_first_run_on_an_empty_vault_says_what_to_do(qtbot, tmp_path):
    empty = Vault.create(tmp_path / "e.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    try:
        window = MainWindow(empty, lang="en")
        qtbot.addWidget(window)
        assert window.pages.currentWidget() is window.welcome
        from PySide6.QtWidgets import QPushButton

        window.welcome.findChild(QPushButton, "welcome_case").click()
        assert window.page is not None and window.page.record_type == "case"
    finally:
        empty.close()


def test_generic_form_in_the_window_saves_and_shows_the_record(qtbot, vault):
    window = MainWindow(vault, lang="kk")
    qtbot.addWidget(window)
    window.new_actions["facility"].trigger()
    form = window.page
    form.find("name").box.setText("Семей ТИ")
    form.find("type_key").box.setCurrentIndex(1)
    window.save_action.trigger()
    assert window.page.objectName() == "record_page"
    assert "Семей ТИ" in window.page.view.toPlainText()


def test_every_t_string_is_marked_for_the_catalogue():
    import xml.etree.ElementTree as ET

    sources = {m.findtext("source") for m in ET.parse(ROOT / "resources/translations/monitor_ru.ts").iter("message")}
    for module in (ROOT / "monitor" / "gui").glob("*.py"):
        for literal in re.findall(r"(?<![\w.])t\('([^']*)'\)", module.read_text(encoding="utf-8")):
            assert literal in sources, f"{module.name}: t('{literal}') is not marked with QT_TRANSLATE_NOOP"


def test_adding_a_large_file_can_be_cancelled_and_leaves_nothing(qtbot, vault, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window)
    window.open_record(uid(6))
    big = tmp_path / "video.bin"
    big.write_bytes(b"\x01" * (5 * 1024 * 1024))
    before = (vault.counts().get("attachment"), vault.summary()["attachments"])

    def press_cancel():
        dialog = window.findChild(QProgressDialog, "attach_progress")
        if dialog is None:
            QTimer.singleShot(0, press_cancel)
            return
        dialog.cancel()

    QTimer.singleShot(0, press_cancel)
    assert window.add_files([big]) == []
    assert "Cancelled" in window.status.text()
    assert (vault.counts().get("attachment"), vault.summary()["attachments"]) == before
    photo = tmp_path / "photo.png"
    photo.write_bytes(png_bytes("#225588"))
    added = window.add_files([photo])
    assert len(added) == 1 and added[0]["parent_id"] == uid(6)
    assert vault.get(added[0]["id"])["sha256"] == __import__("hashlib").sha256(photo.read_bytes()).hexdigest()


def test_closing_the_window_keeps_an_unsaved_form_as_a_draft(qtbot, vault):
    from monitor.core.store import drafts

    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window)
    window.show()
    window.navigate(("edit", uid(1)))
    window.page.find("notes").box.setPlainText("черновик заметки")
    window.close()
    assert drafts.load(vault, uid(1))["body"]["notes"] == "черновик заметки"


def test_after_clear_the_window_reads_nothing_from_the_vault(qtbot, vault):
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window)
    window.open_record(uid(7))
    editor = window.page
    window.clear()
    assert window.vault is None and window.page is None and editor.parent() is None
    # What a lock does next (empty every field, fire every handler) must not reach the vault.
    for box in window.findChildren(QLineEdit):
        box.setText("x")
        box.returnPressed.emit()
    for box in window.findChildren(QPlainTextEdit):
        box.setPlainText("")
    window.status_filter.addItem("x", "x")
    window.status_filter.setCurrentIndex(window.status_filter.count() - 1)
    window.show_list("visits")
    window.save_action.trigger()
    window.close()
