"""Dates and codes as people write them (issue 19 §2), in a Kazakh window driven by real key and
mouse events: DD.MM.YYYY dates and a calendar, the next free code proposed, a code's shape said in
Kazakh with an example, and errors that follow the typing and go once the input is fixed."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TEST_KDF, require_module
from gui.helpers import type_text, ui_language
from records import new_case, new_person, uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QLabel  # noqa: E402

from monitor.core import messages  # noqa: E402
from monitor.core.model import titles  # noqa: E402
from monitor.gui.dialogs.unlock import UnlockDialog  # noqa: E402
from monitor.gui.editors.forms import DateEditor, FormContext, RecordForm  # noqa: E402
from monitor.gui.main_window import MainWindow  # noqa: E402

YEAR = dt.date.today().year


@pytest.fixture
def kazakh():
    with ui_language("kk"):
        yield


@pytest.fixture
def window(qtbot, vault, kazakh):
    window = MainWindow(vault, lang="kk")
    qtbot.addWidget(window)
    window.show()
    yield window
    window.clear()


def retype(box, text: str) -> None:
    """Select everything in the field with the keyboard and type ``text`` over it."""
    box.setFocus()
    QTest.keyClick(box, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClick(box, Qt.Key_Delete)
    type_text(box, text)


def shown_errors(form) -> list[str]:
    return [label.text() for label in form.findChildren(QLabel, "field_error") if not label.isHidden()]


def click_save(form) -> None:
    QTest.mouseClick(form.save_button, Qt.LeftButton)


def new_case_form(window):
    window.new_actions["case"].trigger()
    form = window.page
    type_text(form.find("title").box, "Тергеу изоляторында ұрып-соғу")
    status = form.find("status").box
    status.setFocus()
    QTest.keyClick(status, Qt.Key_Down)  # the first status after "—"
    return form


def stored_cases(vault) -> list[dict]:
    return [info.body for info in vault.records("case")]


def test_a_new_case_proposes_the_next_code_and_takes_dates_as_people_write_them(window, vault):
    vault.put(new_case(uid(1), code=f"KZ-{YEAR}-0004"))
    form = new_case_form(window)
    assert form.find("code").box.text() == f"KZ-{YEAR}-0005"
    assert form.find("period_start").box.placeholderText() == "КК.АА.ЖЖЖЖ"
    type_text(form.find("period_start").box, "5.3.2025")  # D.M.YYYY
    end = form.find("period_end")
    QTest.mouseClick(end.calendar_button, Qt.LeftButton)  # the calendar opens on today
    calendar = end.calendar
    assert calendar.isVisible() and calendar.locale().name() == "kk_KZ"
    view = calendar.findChild(QAbstractItemView)
    QTest.keyClick(view, Qt.Key_Left)  # yesterday
    QTest.keyClick(view, Qt.Key_Return)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert not calendar.isVisible()
    assert end.box.text() == yesterday.strftime("%d.%m.%Y")
    click_save(form)
    [case] = [c for c in stored_cases(vault) if c["id"] != uid(1)]
    assert case["code"] == f"KZ-{YEAR}-0005"
    assert (case["period_start"], case["period_end"]) == ("2025-03-05", yesterday.isoformat())


def test_a_stored_date_is_shown_day_first_and_kept_as_it_was(qtbot, vault, kazakh):
    vault.put(new_case(uid(1), period_start="2025-03-05"))
    form = RecordForm(vault, "case", vault.get(uid(1)), lang="kk")
    qtbot.addWidget(form)
    form.show()
    assert form.find("period_start").box.text() == "05.03.2025"
    click_save(form)
    assert vault.get(uid(1))["period_start"] == "2025-03-05"


def test_a_wrong_date_names_the_form_in_kazakh_and_the_error_goes_once_it_is_fixed(window, vault):
    form = new_case_form(window)
    start = form.find("period_start")
    type_text(start.box, "2025.13.40")
    click_save(form)
    assert stored_cases(vault) == []
    [error] = shown_errors(form)
    assert "КК.АА.ЖЖЖЖ" in error and error.startswith("Күнді")
    assert not form.banner.isHidden()
    assert titles.field_title("case.period_start", "kk") in form.banner.text()  # the banner names the field
    QTest.keyClick(start.box, Qt.Key_Backspace)  # "2025.13.4": still wrong, the error stays
    assert shown_errors(form) == [error] and not form.banner.isHidden()
    for _ in range(9):
        QTest.keyClick(start.box, Qt.Key_Backspace)
    type_text(start.box, "05.03.2025")
    assert shown_errors(form) == [] and form.banner.isHidden()
    click_save(form)
    [case] = stored_cases(vault)
    assert case["period_start"] == "2025-03-05"


def test_a_required_field_error_goes_as_soon_as_it_is_filled(window, vault):
    window.new_actions["case"].trigger()
    form = window.page
    click_save(form)
    assert messages.text("field_required", "kk") in shown_errors(form)
    type_text(form.find("title").box, "Ұрды")
    assert messages.text("field_required", "kk") not in [t for t in shown_errors(form)
                                                         if form.find("title").error.text() == t]
    assert form.find("title").error.isHidden()


def test_a_cyrillic_code_is_refused_with_its_shape_and_an_example_in_kazakh(window, vault):
    vault.put(new_person(uid(1), code=f"P-{YEAR}-0002"))
    window.new_actions["person"].trigger()
    form = window.page
    code = form.find("code")
    assert code.box.text() == f"P-{YEAR}-0003"
    assert "латынша P" in code.box.toolTip()
    retype(code.box, "П-2026-0001")  # П: no Latin letter looks like it
    click_save(form)
    assert [info.body["code"] for info in vault.records("person")] == [f"P-{YEAR}-0002"]
    [error] = shown_errors(form)
    assert error == messages.text("field_code_person", "kk", example="P-2026-0042")
    retype(code.box, "р-2026-0007")  # a Cyrillic р that looks like the Latin one is read as it
    assert shown_errors(form) == []
    click_save(form)
    assert sorted(info.body["code"] for info in vault.records("person")) == sorted(["P-2026-0007", f"P-{YEAR}-0002"])


def test_a_date_time_is_typed_day_first_in_local_time(qtbot, vault, kazakh):
    editor = DateEditor({"type": "string", "format": "date-time"}, "date", FormContext(vault, "kk", "consent"))
    qtbot.addWidget(editor)
    assert editor.box.placeholderText() == "КК.АА.ЖЖЖЖ СС:ММ"
    type_text(editor.box, "07.12.2025 14:30")
    value = editor.value()
    moment = dt.datetime.fromisoformat(value)
    assert moment.tzinfo is not None
    assert moment.astimezone().replace(tzinfo=None) == dt.datetime(2025, 12, 7, 14, 30)
    retype(editor.box, "2025-12-07T14:30:00+05:00")  # the ISO form, with its zone, still works
    assert editor.value() == "2025-12-07T14:30:00+05:00"
    retype(editor.box, "07.12.2025")  # no time
    with pytest.raises(Exception) as caught:
        editor.value()
    assert "СС:ММ" in str(caught.value)


def test_the_create_dialog_passphrase_errors_follow_the_typing(qtbot, tmp_path, kazakh):
    dialog = UnlockDialog(tmp_path / "new.vault", kdf=TEST_KDF, lang="kk")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.passphrase, "қысқа")
    QTest.mouseClick(dialog.create_button, Qt.LeftButton)
    short = dialog.error.text()
    assert short and short != "passphrase_short"
    type_text(dialog.passphrase, " емес, ұзын құпия сөйлем")
    assert dialog.error.text() == ""
    type_text(dialog.confirm, "қысқа емес, ұзын құпия сөйле")  # one letter short
    QTest.mouseClick(dialog.create_button, Qt.LeftButton)
    differ = dialog.error.text()
    assert differ and differ != short
    type_text(dialog.confirm, "!")
    assert dialog.error.text() == differ  # still not the same
    QTest.keyClick(dialog.confirm, Qt.Key_Backspace)
    type_text(dialog.confirm, "м")
    assert dialog.error.text() == ""
    dialog.reject()


def test_an_allegation_remembered_only_by_month_or_year(window, vault):
    form = new_case_form(window)
    QTest.mouseClick(form.find("allegations").add_button, Qt.LeftButton)
    when = form.find("allegations[0].date")
    assert when.box.placeholderText() == "КК.АА.ЖЖЖЖ, АА.ЖЖЖЖ не ЖЖЖЖ"
    type_text(form.find("allegations[0].description").box, "Тергеушінің кабинетінде ұрды")
    methods = form.find("allegations[0].methods")
    QTest.mouseClick(methods.add_button, Qt.LeftButton)
    method = methods.rows[0][1].box
    method.setFocus()
    QTest.keyClick(method, Qt.Key_Down)
    type_text(when.box, "13.2019")  # no thirteenth month
    click_save(form)
    assert stored_cases(vault) == []
    assert shown_errors(form) == [messages.text("field_partial_date_expected", "kk",
                                                example=dt.date.today().strftime("%d.%m.%Y"))]
    retype(when.box, "3.2019")
    assert shown_errors(form) == []
    type_text(form.find("allegations[0].date_end").box, "2020")
    click_save(form)
    [case] = stored_cases(vault)
    assert (case["allegations"][0]["date"], case["allegations"][0]["date_end"]) == ("2019-03", "2020")
    again = RecordForm(vault, "case", case, lang="kk")
    window.pages.addWidget(again)
    assert again.find("allegations[0].date").box.text() == "03.2019"
    assert again.find("allegations[0].date_end").box.text() == "2020"
