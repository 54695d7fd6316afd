"""Focus, keyboard and small dead ends (issue 19 §5), each driven in a Kazakh window through real
key and mouse events and checked against what is stored."""

from __future__ import annotations

import pytest
from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER, require_module
from gui.helpers import ui_language

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton  # noqa: E402

from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.dialogs.unlock import UnlockDialog  # noqa: E402


@pytest.fixture
def kazakh():
    with ui_language("kk"):
        yield


def focused():
    return QApplication.focusWidget()


@pytest.fixture(autouse=True)
def no_other_windows():
    """Keyboard focus belongs to the active window: close any window an earlier test left visible, so
    the window under test can take the focus."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    yield


def type_here(text: str) -> None:
    """Type into whatever has the keyboard focus, as key events (no setFocus: the focus is under test)."""
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(focused(), QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def press(key) -> None:
    QTest.keyClick(focused(), key)


def open_vault(path) -> Vault:
    return Vault.open(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)


# --- 1. focus and keyboard ---------------------------------------------------------------------

def test_create_dialog_takes_passphrase_tab_passphrase_enter(qtbot, tmp_path, kazakh):
    path = tmp_path / "new.vault"
    dialog = UnlockDialog(path, kdf=TEST_KDF, lang="kk")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)
    assert focused() is dialog.passphrase
    type_here(PASSPHRASE)
    press(Qt.Key_Tab)
    assert focused() is dialog.confirm
    type_here(PASSPHRASE)
    with qtbot.waitSignal(dialog.unlocked, timeout=60000) as blocker:
        press(Qt.Key_Return)
    blocker.args[0].close()
    assert path.exists()


def test_unlock_dialog_enter_unlocks_even_from_the_browse_button(qtbot, stocked_copy, kazakh):
    dialog = UnlockDialog(stocked_copy, kdf_iter=TEST_KDF_ITER, lang="kk")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)
    assert focused() is dialog.passphrase
    type_here(PASSPHRASE)
    dialog.browse_button.setFocus()  # the file button focused: Enter still unlocks, no file dialog
    assert not dialog.browse_button.autoDefault()
    with qtbot.waitSignal(dialog.unlocked, timeout=60000) as blocker:
        press(Qt.Key_Return)
    blocker.args[0].close()
    assert isinstance(dialog.passphrase, QLineEdit)


def test_a_new_form_starts_in_its_first_field(qtbot, stocked_copy, kazakh):
    from monitor.gui.main_window import MainWindow

    vault = open_vault(stocked_copy)
    try:
        window = MainWindow(vault, lang="kk")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.new_actions["facility"].trigger()
        form = window.page
        name = form.find("name").box
        qtbot.waitUntil(lambda: focused() is name)
        type_here("Семей қаласының ТИ")  # typed straight away, no click first
        assert name.text() == "Семей қаласының ТИ"
    finally:
        window.clear()
        vault.close()


def test_tab_from_the_search_box_goes_to_the_results(qtbot, stocked_copy, kazakh):
    from monitor.gui.main_window import MainWindow

    vault = open_vault(stocked_copy)
    try:
        window = MainWindow(vault, lang="kk")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.find_action.trigger()
        qtbot.waitUntil(lambda: focused() is window.search_box)
        chosen = window.type_filter.currentIndex()
        press(Qt.Key_Tab)
        assert focused() is window.table
        press(Qt.Key_Down)
        assert window.type_filter.currentIndex() == chosen
    finally:
        window.clear()
        vault.close()


def wheel(widget, delta: int = -120) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    pos = QPointF(widget.width() / 2, widget.height() / 2)
    glob = QPointF(widget.mapToGlobal(pos.toPoint()))
    event = QWheelEvent(pos, glob, QPoint(0, 0), QPoint(0, delta), Qt.NoButton, Qt.NoModifier,
                        Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_drop_down_scrolls_the_form_unless_it_has_the_focus(qtbot, stocked_copy, kazakh):
    from PySide6.QtWidgets import QComboBox, QScrollArea

    from monitor.gui.main_window import MainWindow

    vault = open_vault(stocked_copy)
    try:
        window = MainWindow(vault, lang="kk")
        qtbot.addWidget(window)
        window.resize(900, 420)  # small, so the form scrolls
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.new_actions["facility"].trigger()
        form = window.page
        combo = form.find("type_key").box
        assert isinstance(combo, QComboBox)
        scroll = form.findChild(QScrollArea)
        qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
        before, top = combo.currentIndex(), scroll.verticalScrollBar().value()
        wheel(combo)
        assert combo.currentIndex() == before  # the value stays
        assert not combo.hasFocus()
        assert scroll.verticalScrollBar().value() > top  # the form scrolled instead
        combo.setFocus()
        qtbot.waitUntil(combo.hasFocus)
        wheel(combo)
        assert combo.currentIndex() != before  # focused: the wheel chooses
    finally:
        window.clear()
        vault.close()


def test_a_refused_save_scrolls_to_the_second_injurys_field_and_focuses_it(qtbot, stocked_copy, kazakh):
    from PySide6.QtCore import QPoint

    from monitor.gui.editors.examination_editor import ExaminationEditor
    from records import uid

    vault = open_vault(stocked_copy)
    try:
        editor = ExaminationEditor(vault, lang="kk", defaults={"person_id": uid(3), "case_id": uid(6)})
        qtbot.addWidget(editor)
        editor.resize(900, 380)  # small: the injury's fields do not all fit
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        canvas = editor.diagram.canvas
        for x, y in ((0.5, 0.3), (0.5, 0.7)):
            QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, canvas.to_widget(x, y).toPoint())
        first = editor.injuries[0]
        for name, key in (("injury_type", "bruise"), ("consistency", "consistent")):
            first[name] = key
        first.setdefault("region", "chest")
        first["description"] = "Көгеру"
        editor.select(0)
        save = editor.findChild(QPushButton, "save")
        QTest.mouseClick(save, Qt.LeftButton)
        assert vault.type_of(editor.record_id) is None  # refused: nothing stored
        assert editor.current == 1  # the second injury, which lacks its fields, is shown
        marked = [e for e in editor.panel.findChildren(type(editor.banner), "field_error") if e.isVisible()]
        assert marked
        widget = editor.focusWidget()
        assert widget is not None and editor.panel.isAncestorOf(widget)
        editor_of = widget.parentWidget()
        while editor_of is not None and editor_of.findChild(type(editor.banner), "field_error") is None:
            editor_of = editor_of.parentWidget()
        assert editor_of is not None and not editor_of.findChild(type(editor.banner), "field_error").isHidden()
        top_left = widget.mapTo(editor, QPoint(0, 0))
        assert 0 <= top_left.y() and top_left.y() + widget.height() <= editor.height()  # on screen
    finally:
        vault.close()


# --- 2. missing steps in the case flow ---------------------------------------------------------

def click(widget) -> None:
    assert widget is not None, "no such button"
    QTest.mouseClick(widget, Qt.LeftButton)


def choose_data(box, key) -> None:
    """Choose ``key`` in a drop-down the way a person does: open it, move to the item, Enter."""
    index = box.findData(key)
    assert index >= 0, key
    box.setFocus()
    box.showPopup()
    view = box.view()
    view.setCurrentIndex(view.model().index(index, box.modelColumn()))
    QTest.keyClick(view, Qt.Key_Return)
    assert box.currentIndex() == index


def test_the_case_page_adds_a_person_with_a_role_and_the_examination_knows_the_victim(qtbot, stocked_copy, kazakh):
    from records import uid

    from monitor.gui.main_window import MainWindow

    case_id, person_id = uid(6), uid(4)
    vault = open_vault(stocked_copy)
    try:
        window = MainWindow(vault, lang="kk")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.open_record(case_id)
        click(window.page.findChild(QPushButton, "add_person"))
        form = window.page
        assert form.record_type == "link" and form.find("target_id").value() == case_id
        choose_data(form.find("person_id").box, person_id)
        choose_data(form.find("role").box, "victim")
        click(form.findChild(QPushButton, "save"))
        from monitor.core.queries import casefile

        links = [r for r in casefile.gather(vault, case_id).links if r.get("role") == "victim"]
        assert [r["person_id"] for r in links] == [person_id]
        # The case now has exactly one victim: a new examination from the case page is about them.
        window.open_record(case_id)
        click(window.page.findChild(QPushButton, "new_examination"))
        assert window.page.form.find("person_id").value() == person_id
        assert window.page.form.find("case_id").value() == case_id
    finally:
        window.clear()
        vault.close()


def test_facility_and_visit_pages_start_the_next_record_here(qtbot, stocked_copy, kazakh):
    from records import uid

    from monitor.gui.main_window import MainWindow

    facility_id, visit_id = uid(1), uid(2)
    vault = open_vault(stocked_copy)
    try:
        window = MainWindow(vault, lang="kk")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.open_record(facility_id)
        click(window.page.findChild(QPushButton, "new_visit_here"))
        assert window.page.record_type == "visit" and window.page.find("facility_id").value() == facility_id
        window.open_record(visit_id)
        click(window.page.findChild(QPushButton, "new_interview_here"))
        assert window.page.form.find("visit_id").value() == visit_id
        window.open_record(visit_id)
        click(window.page.findChild(QPushButton, "new_examination_here"))
        assert window.page.form.find("place").value() == "Қарағанды қаласының ИВС"
    finally:
        window.clear()
        vault.close()


def test_the_body_diagram_takes_the_region_from_the_click(qtbot, stocked_copy, kazakh):
    from monitor.gui.editors.examination_editor import ExaminationEditor
    from records import uid

    vault = open_vault(stocked_copy)
    try:
        editor = ExaminationEditor(vault, lang="kk", defaults={"person_id": uid(3), "case_id": uid(6)})
        qtbot.addWidget(editor)
        editor.resize(1200, 800)
        editor.show()
        qtbot.waitExposed(editor)
        canvas = editor.diagram.canvas
        wanted = {("back", 0.4, 0.3): "back_upper", ("front", 0.2, 0.45): "forearm_right",
                  ("front", 0.5, 0.3): "chest", ("front", 0.62, 0.85): "leg_left"}
        for (view, x, y), region in wanted.items():
            editor.diagram.set_view(view)
            QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, canvas.to_widget(x, y).toPoint())
            box = editor.panel.fields["region"].box
            assert box.currentData() == region, (view, x, y, box.currentData())  # shown in the panel
            choose_data(editor.panel.fields["injury_type"].box, "bruise")
            choose_data(editor.panel.fields["consistency"].box, "consistent")
        click(editor.findChild(QPushButton, "save"))
        stored = vault.get(editor.record_id)
        assert [i["region"] for i in stored["injuries"]] == list(wanted.values())
    finally:
        vault.close()


# --- 4. conflict review ------------------------------------------------------------------------

def test_the_merged_record_is_shown_as_a_readable_record(qtbot, tmp_path, kazakh):
    from conflicts_support import FACILITY, make_conflicts
    from conftest import forget_place

    from monitor.core.model import titles
    from monitor.gui.main_window import MainWindow

    folder = tmp_path / "vaults"
    make_conflicts(folder)
    forget_place(folder / "coordinator.vault")
    vault = Vault.open(folder / "coordinator.vault", PASSPHRASE, kdf=TEST_KDF)
    try:
        window = MainWindow(vault, lang="kk")
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        window.review_conflicts(FACILITY["id"])
        pane = window.page.review
        table = pane.table
        row = next(i for i, r in enumerate(pane.review.rows) if r.name == "name")
        theirs = next(i for i, v in enumerate(pane.review.versions) if v.author == "monitor-b")
        item = table.item(row, theirs + 1)
        table.scrollToItem(item)
        QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, table.visualItemRect(item).center())
        shown = pane.preview.toPlainText()
        assert pane.merged()["name"] in shown  # the picked value
        assert titles.field_title("facility.name", "kk") in shown  # Kazakh field titles
        assert vault.label("facility_type", FACILITY["type_key"], "kk") in shown  # the vocabulary label
        for raw in (FACILITY["id"], "type_key", '"', "{", "facility_id"):
            assert raw not in shown, raw
    finally:
        window.clear()
        vault.close()


# --- 3. stale and clipped text -----------------------------------------------------------------

def test_the_status_bar_and_first_run_screen_follow_an_import(qtbot, tmp_path, kazakh):
    from records import new_person, uid

    from monitor.gui.dialogs.sync_dialogs import ContactsDialog, ExportDialog, IdentityDialog, ImportDialog
    from monitor.gui.main_window import MainWindow

    monitor = Vault.create(tmp_path / "m.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Айгүл")
    coordinator = Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Координатор")
    try:
        window = MainWindow(coordinator, lang="kk")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.pages.currentWidget() is window.welcome
        empty = window.status.text()
        assert empty and empty != "The vault is empty."  # said in Kazakh
        monitor.put(new_person(uid(3), code="P-2026-0042", notes="Қамау кезінде"))
        contact = tmp_path / "coord.contact"
        me = IdentityDialog(coordinator, lang="kk")
        qtbot.addWidget(me)
        me.save(contact)
        book = ContactsDialog(monitor, lang="kk")
        qtbot.addWidget(book)
        assert book.add_file(contact, confirm=lambda c: True)
        export = ExportDialog(monitor, lang="kk")
        qtbot.addWidget(export)
        export.recipients.item(0).setCheckState(Qt.Checked)
        out = tmp_path / "to-coordinator.monitor-bundle"
        export.export_to(out)
        qtbot.waitUntil(lambda: not export.busy, timeout=30_000)
        importer = ImportDialog(coordinator, window, lang="kk")
        importer.confirm_signer = lambda fingerprint: True
        importer.import_from(out)
        qtbot.waitUntil(lambda: importer.result is not None, timeout=30_000)
        assert importer.result.new == 1
        assert window.status.text() != empty  # no stale "the vault is empty"
        assert "1" in window.status.text()
        assert window.pages.currentWidget() is window.list_page  # the first-run screen gave way
        importer.close()
    finally:
        window.clear()
        monitor.close()
        coordinator.close()


def test_the_first_run_text_is_not_clipped(qtbot, tmp_path, kazakh):
    from PySide6.QtWidgets import QLabel

    from monitor.gui.main_window import MainWindow

    vault = Vault.create(tmp_path / "e.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    try:
        window = MainWindow(vault, lang="kk")
        qtbot.addWidget(window)
        for width in (1200, 800):
            window.resize(width, 700)
            window.show()
            qtbot.waitExposed(window)
            QApplication.processEvents()
            text = window.welcome.findChild(QLabel, "welcome_text")
            assert text.isVisible() and text.text().startswith("Қойма бос")
            assert text.height() >= text.heightForWidth(text.width()), width  # every wrapped line fits
    finally:
        window.clear()
        vault.close()


def _lines_of(browser, text: str) -> set[int]:
    """The layout lines (block number, line number) that ``text`` occupies in a text browser."""
    document = browser.document()
    cursor = document.find(text)
    assert not cursor.isNull(), text
    lines = set()
    for position in range(cursor.selectionStart(), cursor.selectionEnd()):
        block = document.findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position())
        lines.add((block.blockNumber(), line.lineNumber()))
    return lines


def test_a_narrow_pane_never_breaks_a_date(qtbot, stocked_copy, kazakh):
    from records import uid

    from monitor.gui.labels import format_date
    from monitor.gui.pages.case_file import CaseFilePage
    from monitor.gui.pages.record_view import RecordBrowser

    vault = open_vault(stocked_copy)
    try:
        visit = vault.get(uid(2))
        date = format_date(visit["date_start"], "kk")
        for width in (120, 150, 180):
            view = RecordBrowser(vault, "kk")
            qtbot.addWidget(view)
            view.resize(width, 600)
            view.show()
            view.show_record(uid(2))
            QApplication.processEvents()
            assert len(_lines_of(view, date)) == 1, (width, date)
        case = CaseFilePage(vault, "kk")
        qtbot.addWidget(case)
        case.resize(140, 600)
        case.show()
        case.show_case(uid(6))
        QApplication.processEvents()
        period = format_date(vault.get(uid(6))["period_start"], "kk")
        assert len(_lines_of(case, period)) == 1, period
    finally:
        vault.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_injury_table_header_is_cut(qtbot, stocked_copy, lang):
    from monitor.gui.editors.examination_editor import ExaminationEditor

    vault = open_vault(stocked_copy)
    try:
        with ui_language(lang):
            editor = ExaminationEditor(vault, lang=lang)
            qtbot.addWidget(editor)
            editor.resize(1000, 700)
            editor.show()
            qtbot.waitExposed(editor)
            canvas = editor.diagram.canvas
            QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, canvas.to_widget(0.5, 0.3).toPoint())
            QApplication.processEvents()
            table, header = editor.table, editor.table.horizontalHeader()
            for column in range(header.count()):
                assert table.columnWidth(column) >= header.sectionSizeHint(column), \
                    table.horizontalHeaderItem(column).text()
    finally:
        vault.close()


def test_the_status_filter_is_never_cut(qtbot, stocked_copy, kazakh):
    from monitor.gui.main_window import MainWindow

    vault = open_vault(stocked_copy)
    try:
        window = MainWindow(vault, lang="kk")
        qtbot.addWidget(window)
        window.resize(1200, 780)
        window.show()
        qtbot.waitExposed(window)
        window.show_list("cases")
        QApplication.processEvents()
        box = window.status_filter
        assert box.currentText() == "Кез келген мәртебе"
        assert box.width() >= box.sizeHint().width()
    finally:
        window.clear()
        vault.close()
