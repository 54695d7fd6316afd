"""Forms generated from the schemas: every record type round-trips; errors land at their field."""

from __future__ import annotations

import re

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, require_module, stock_records
from records import uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit  # noqa: E402

from monitor.core.store.vault import Vault  # noqa: E402
from monitor.core.errors import SchemaViolation  # noqa: E402
from monitor.gui.editors.forms import MISSING, RecordForm  # noqa: E402
from monitor.gui.editors.saving import Shown, shown_errors  # noqa: E402

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


@pytest.fixture
def stocked(stocked_copy):
    vault = Vault.open(stocked_copy, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    yield vault, stock_records()
    vault.close()


def visible_texts(widget) -> list[str]:
    out = []
    for line in widget.findChildren(QLineEdit):
        out.append(line.text())
    for box in widget.findChildren(QComboBox):
        out += [box.itemText(i) for i in range(box.count())]
    for text in widget.findChildren(QPlainTextEdit):
        out.append(text.toPlainText())
    return out


def test_every_record_type_round_trips_unchanged(qtbot, stocked):
    vault, records = stocked
    for record in records:
        form = RecordForm(vault, record["type"], record, lang="kk")
        qtbot.addWidget(form)
        assert form.build() == record, record["type"]
        assert not any(UUID.search(t) for t in visible_texts(form)), f"{record['type']} shows a UUID"
        assert vault.put(form.build()) is None  # saving an untouched form makes no revision


def test_new_facility_with_vocabulary_labels_in_kazakh(qtbot, stocked):
    vault, _ = stocked
    form = RecordForm(vault, "facility", lang="kk")
    qtbot.addWidget(form)
    form.find("name").box.setText("Өскемен ТИ")
    kind = form.find("type_key").box
    labels = [kind.itemText(i) for i in range(kind.count())]
    assert all(label != key for label, key in zip(labels[1:], [kind.itemData(i) for i in range(1, kind.count())]))
    kind.setCurrentIndex(kind.findData("ivs"))
    form.find("capacity").box.setText("25")
    with qtbot.waitSignal(form.saved):
        assert form.save()
    stored = vault.get(form.record_id)
    assert stored["name"] == "Өскемен ТИ" and stored["type_key"] == "ivs" and stored["capacity"] == 25


def test_missing_required_fields_are_marked_in_the_ui_language(qtbot, stocked):
    vault, _ = stocked
    before = vault.summary()["revisions"]
    form = RecordForm(vault, "facility", lang="en")
    qtbot.addWidget(form)
    assert not form.save()
    assert form.banner.isVisibleTo(form)
    assert form.find("name").error.text() == "Required."
    assert vault.summary()["revisions"] == before


def test_core_violation_is_shown_at_the_field(qtbot, stocked):
    vault, _ = stocked
    form = RecordForm(vault, "facility", lang="en")
    qtbot.addWidget(form)
    form.find("name").box.setText("X")
    form.find("type_key").box.setCurrentIndex(1)
    form.find("capacity").box.setText("-3")
    assert not form.save()
    assert form.find("capacity").error.text() == "Out of range."
    form.find("capacity").box.setText("abc")
    assert not form.save()
    assert form.find("capacity").error.text() == "Enter a whole number."


def test_bad_date_and_nested_list_errors(qtbot, stocked):
    vault, records = stocked
    visit = next(r for r in records if r["type"] == "visit")
    form = RecordForm(vault, "visit", visit, lang="ru")
    qtbot.addWidget(form)
    form.find("date_start").box.setText("2026-02-31")
    assert not form.save()
    assert form.find("date_start").error.isVisibleTo(form)
    form.find("date_start").box.setText("2026-02-27")
    form.find("findings[0].text").box.setPlainText("")
    assert not form.save()
    assert form.find("findings[0].text").error.text()
    form.find("findings[0].text").box.setPlainText("Жаңа тұжырым")
    assert form.save()
    assert vault.get(visit["id"])["findings"][0]["text"] == "Жаңа тұжырым"


def test_reference_picker_searches_by_label(qtbot, stocked):
    vault, records = stocked
    form = RecordForm(vault, "interview", lang="en")
    qtbot.addWidget(form)
    picker = form.find("person_id")
    labels = [picker.box.itemText(i) for i in range(picker.box.count())]
    assert "P-2026-0042" in labels
    picker.box.setEditText("P-2026-0043")
    assert picker.value() == uid(4)
    picker.box.setEditText("nobody")
    with pytest.raises(Exception):
        picker.value()


def test_list_rows_add_and_remove(qtbot, stocked):
    vault, records = stocked
    form = RecordForm(vault, "visit", next(r for r in records if r["type"] == "visit"), lang="en")
    qtbot.addWidget(form)
    team = form.find("team")
    team.add_button.click()
    team.rows[-1][1].box.setText("Ерлан")
    assert form.build()["team"] == ["Айгүл Сәрсенова", "Oleg Petrov", "Ерлан"]
    team.remove_item(team.rows[0][0])
    assert form.build()["team"] == ["Oleg Petrov", "Ерлан"]
    findings = form.find("findings")
    findings.add_button.click()
    new = findings.rows[-1][1]
    new.fields["theme"].box.setCurrentIndex(1)
    new.fields["text"].box.setPlainText("Суық")
    built = form.build()["findings"][-1]
    assert UUID.match(built["id"]) and built["text"] == "Суық"


def test_sealed_record_form_is_read_only(qtbot, stocked):
    vault, records = stocked
    interview = dict(next(r for r in records if r["type"] == "interview"), sealed=True)
    form = RecordForm(vault, "interview", interview, lang="en")
    qtbot.addWidget(form)
    assert form.find("narrative").box.isReadOnly() and not form.save_button.isEnabled()


def test_core_violations_map_to_paths_by_code(stocked):
    vault, records = stocked

    def refused(record) -> SchemaViolation:
        with pytest.raises(SchemaViolation) as caught:
            vault.put(record)
        return caught.value

    interview = next(r for r in records if r["type"] == "interview")
    exc = refused({k: v for k, v in interview.items() if k != "narrative"})
    assert (exc.record_type, exc.problems[0].path, exc.problems[0].rule) == ("interview", "narrative", "required")
    assert shown_errors(exc, "en") == [Shown("narrative", "Required.", "missing required field 'narrative'")]
    visit = next(r for r in records if r["type"] == "visit")
    exc = refused({**visit, "date_end": "2000-01-01"})
    assert [(p.path, p.rule) for p in exc.problems] == [("date_end", "date_order")]
    assert shown_errors(exc, "kk")[0].text == "Бұл күн өзінен бұрын болуы тиіс күннен ерте."
    exc = refused({**visit, "facility_id": uid(999)})
    assert [(p.path, p.rule) for p in exc.problems] == [("facility_id", "no_record")]
    assert shown_errors(exc, "ru")[0].text == "Связанная запись не существует."
    # a problem in another record of the batch is not this form's field
    assert shown_errors(exc, "en", route=lambda t, path: None)[0].path is None
    assert MISSING is not None


def test_generic_form_keeps_unsaved_changes_as_a_draft_in_the_vault(qtbot, stocked):
    vault, records = stocked
    facility = next(r for r in records if r["type"] == "facility")
    form = RecordForm(vault, "facility", facility, lang="kk")
    qtbot.addWidget(form)
    form.find("notes").box.setPlainText("Жаңа ескертпе, сақталмаған")
    form.find("capacity").box.setText("4x")  # half-typed: left out of the draft
    form.flush_draft()
    again = RecordForm(vault, "facility", vault.get(facility["id"]), lang="kk")
    qtbot.addWidget(again)
    assert again.find("notes").box.toPlainText() == "Жаңа ескертпе, сақталмаған"
    assert again.banner.isVisibleTo(again)
    assert vault.get(facility["id"])["notes"] == facility["notes"]  # not saved until Save
    assert again.save()
    from monitor.core.store import drafts

    assert drafts.load(vault, facility["id"]) is None


def test_person_form_keeps_identity_hidden_until_asked(qtbot, stocked):
    vault, records = stocked
    person = next(r for r in records if r["type"] == "person" and r.get("identity"))
    form = RecordForm(vault, "person", person, lang="ru")
    qtbot.addWidget(form)
    form.show()
    identity = form.find("identity")
    assert not identity.isVisible() and form.reveal_button.isVisible()
    assert form.build() == person  # hidden, not lost
    form.reveal_button.click()
    assert identity.isVisible() and not form.reveal_button.isVisible()


def test_pickers_in_a_large_vault_read_their_choices_when_first_used(qtbot, stocked, monkeypatch):
    from monitor.gui.editors import forms

    vault, records = stocked
    monkeypatch.setattr(forms, "EAGER_CHOICES", 0)
    form = RecordForm(vault, "interview", next(r for r in records if r["type"] == "interview"), lang="en")
    qtbot.addWidget(form)
    picker = form.find("person_id")
    assert not picker.loaded and picker.box.count() == 2  # empty + the current person only
    assert form.build()["person_id"] == uid(3)
    picker.box.setEditText("P-2026-0043")
    assert picker.value() == uid(4) and picker.loaded  # typing a label reads the choices
    other = form.find("case_id")
    other.box.showPopup()
    other.box.hidePopup()
    assert other.loaded and other.box.count() > 1


def test_rules_of_the_vault_are_shown_at_their_field(qtbot, stocked):
    vault, records = stocked
    visit = next(r for r in records if r["type"] == "visit")
    form = RecordForm(vault, "visit", visit, lang="en")
    qtbot.addWidget(form)
    form.find("date_end").box.setText("2026-02-01")  # before the start
    assert not form.save()
    assert form.find("date_end").error.text() == "This date comes before the date it must follow."
    form.find("date_end").box.setText("2099-01-01")
    assert not form.save()
    assert form.find("date_end").error.text() == "The date is in the future."
    assert vault.get(visit["id"]) == visit


def test_a_save_while_long_work_holds_the_vault_says_so_at_once(qtbot, stocked):
    """An import on a worker holds the vault: Save answers in a moment, keeps the typing and the
    draft, and works once the import ends (no frozen window)."""
    import threading
    import time

    from monitor.core.store import drafts
    from monitor.gui.main_window import MainWindow

    vault, records = stocked
    window = MainWindow(vault, lang="kk")  # the window bounds how long a save waits
    qtbot.addWidget(window)
    facility = next(r for r in records if r["type"] == "facility")
    form = RecordForm(vault, "facility", facility, lang="kk")
    qtbot.addWidget(form)
    form.find("notes").box.setPlainText("Импорт кезінде жазылды")
    holding, release = threading.Event(), threading.Event()

    def long_work():
        with vault._lock:
            holding.set()
            release.wait(30)

    worker = threading.Thread(target=long_work)
    worker.start()
    try:
        holding.wait(10)
        start = time.monotonic()
        assert not form.save()
        assert time.monotonic() - start < 2
        assert "бос емес" in form.banner.text()  # "busy", in the user's language
        assert form.drafts.flush() is False and form.drafts.timer.isActive()  # tried again later
        assert form.find("notes").box.toPlainText() == "Импорт кезінде жазылды"
        assert vault.get(facility["id"])["notes"] == facility["notes"]
    finally:
        release.set()
        worker.join()
    assert form.drafts.flush() and drafts.load(vault, facility["id"]) is not None
    assert form.save() and vault.get(facility["id"])["notes"] == "Импорт кезінде жазылды"
    window.clear()
