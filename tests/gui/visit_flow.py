"""A whole prison visit driven through the real widgets, shared by the end-to-end test (pytest-qt)
and the sentinel test (a separate process with its own home, temp and config directories).

``wait_until(predicate, timeout_ms)`` runs the event loop until the predicate holds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton

from gui.helpers import answer_next_message_box, type_text

KAZAKH_NARRATIVE = "Түнде камерада мені ұрды, суық болды. "
RUSSIAN_NARRATIVE = "Меня били ночью, угрожали семье."
KAZAKH_SEARCH_WORD = "камерада"


def create_vault(session, passphrase: str, wait_until) -> None:
    dialog = session.start()
    dialog.findChild(QLineEdit, "passphrase").setText(passphrase)
    dialog.findChild(QLineEdit, "confirm").setText(passphrase)
    dialog.findChild(QPushButton, "create").click()
    wait_until(lambda: session.window is not None, 30000)


def unlock(session, passphrase: str, wait_until) -> None:
    dialog = session.dialog
    type_text(dialog.findChild(QLineEdit, "passphrase"), passphrase)
    dialog.findChild(QPushButton, "unlock").click()
    wait_until(lambda: session.window is not None, 30000)


def choose(combo, key) -> None:
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)


def save(window) -> None:
    window.save_action.trigger()  # Ctrl+S


def new_facility(window) -> str:
    window.new_actions["facility"].trigger()
    form = window.page
    type_text(form.find("name").box, "Қарағанды ТИ-1")
    choose(form.find("type_key").box, "ivs")
    type_text(form.find("region").box, "Қарағанды облысы")
    save(window)
    assert window.page.objectName() == "record_page", form.banner.text()
    return window.page.record_id


def new_visit(window) -> str:
    window.new_actions["visit"].trigger()  # from the facility's page: the facility is filled in
    form = window.page
    assert form.find("facility_id").value() is not None
    type_text(form.find("date_start").box, "2026-03-01")
    type_text(form.find("focus").box, "Ұстау жағдайлары")
    team = form.find("team")
    team.add_button.click()
    type_text(team.rows[-1][1].box, "Айгүл Сәрсенова")
    save(window)
    assert window.page.objectName() == "record_page", form.banner.text()
    return window.page.record_id


def new_person(window, code: str = "P-2026-0001") -> str:
    window.new_actions["person"].trigger()
    form = window.page
    form.find("code").box.clear()  # the form proposes the next free code; this flow types its own
    type_text(form.find("code").box, code)
    form.reveal_button.click()  # identity fields only on request
    type_text(form.find("identity.name_cyrillic").box, "Қайрат Әбілқасымов")
    save(window)
    assert window.page.objectName() == "record_page", form.banner.text()
    return window.page.record_id


def new_case(window, facility_label: str) -> str:
    window.new_actions["case"].trigger()
    form = window.page
    form.find("code").box.clear()
    type_text(form.find("code").box, "KZ-2026-0001")
    type_text(form.find("title").box, "Избиение в ИВС Караганды")
    form.find("status").box.setCurrentIndex(1)
    picker = form.find("facility_id").box
    picker.setCurrentIndex(picker.findText(facility_label))
    save(window)
    assert window.page.objectName() == "case_page", form.banner.text()
    return window.page.record_id


def interview(window, person_code: str, extra_text: str = "") -> str:
    """From the case page: a new interview, typed in Kazakh and Russian, consent, saved, sealed, amended."""
    window.page.findChild(QPushButton, "new_interview").click()
    editor = window.page
    assert editor.objectName() == "interview_editor"
    picker = editor.form.find("person_id").box
    picker.setCurrentIndex(picker.findText(person_code))
    editor.form.find("reprisal_risk").box.setCurrentIndex(1)
    editor.narrative.moveCursor(QTextCursor.End)
    type_text(editor.narrative, KAZAKH_NARRATIVE + RUSSIAN_NARRATIVE + extra_text)
    fill_consent(editor)
    save(window)
    assert not editor.banner.isVisible(), editor.banner.text()
    answer_next_message_box(seal_button_text())
    editor.seal_button.click()
    assert editor.is_sealed, editor.banner.text()
    type_text(editor.addenda.text, "Қосымша: куәгер табылды.")
    editor.addenda.add_button.click()
    assert editor.addenda.list.count() == 1
    return editor.record_id


def seal_button_text() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Sealing", "Seal")


def fill_consent(editor) -> None:
    if editor.v4:
        form = editor.consent_form
        choose(form.find("method").box, "written")
        scope = form.find("scope")
        for name in ("documentation", "photographs"):
            scope.fields[name].box.setCurrentIndex(1)  # yes
    else:
        for name in ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                     "anonymised_reports", "publication_with_name"):
            editor.consent_form.fields[name].box.setChecked(name in ("documentation", "photographs"))


def examination(window, person_code: str) -> str:
    """From the case page: a new examination with two markers placed by mouse on two views."""
    window.page.findChild(QPushButton, "new_examination").click()
    editor = window.page
    assert editor.objectName() == "examination_editor"
    picker = editor.form.find("person_id").box
    picker.setCurrentIndex(picker.findText(person_code))
    canvas = editor.diagram.canvas
    views = ["back", "head" if "view" in editor.injury_fields else "front"]
    for number, (view, (x, y), kind, region) in enumerate(zip(
            views, [(0.45, 0.3), (0.5, 0.4)], ["bruise", "abrasion"], ["back_upper", "head"])):
        editor.diagram.tabs.setCurrentIndex(editor.diagram.names.index(view))
        QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, canvas.to_widget(x, y).toPoint())
        assert editor.current == number
        choose(editor.panel.fields["injury_type"].box, kind)
        choose(editor.panel.fields["region"].box, region)
        choose(editor.panel.fields["consistency"].box, "highly_consistent")
    choose(editor.form.find("overall_opinion").box, "highly_consistent")
    save(window)
    assert not editor.banner.isVisible(), editor.banner.text()
    return editor.record_id


def png_file(folder: Path) -> Path:
    image = QImage(64, 48, QImage.Format_RGB32)
    image.fill(QColor("#7a3b2e"))
    path = folder / "арқа.png"
    assert image.save(str(path), "PNG")
    return path


def drop_files(window, paths: list[Path]) -> None:
    """Drop files on the window as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(QPoint(200, 200)), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)


def search(window, text: str) -> None:
    box = window.search_box
    box.clear()
    type_text(box, text)
    box.returnPressed.emit()
