"""The interview editor: Kazakh and Russian typing, drafts inside the vault, save, seal, addenda."""

from __future__ import annotations


import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, reopen, require_module
from gui.helpers import answer_next_message_box, type_text, ui_language
from records import uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from monitor.core.store import drafts  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.editors.interview_editor import InterviewEditor, consent_is_a_record  # noqa: E402


@pytest.fixture
def stocked(stocked_copy):
    path = stocked_copy
    vault = Vault.open(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    yield vault, path
    if vault.is_open:
        vault.close()


def fill_consent(editor):
    if consent_is_a_record():
        form = editor.consent_form
        form.find("method").box.setCurrentIndex(form.find("method").box.findData("written"))
        form.find("scope.documentation").box.setCurrentIndex(1)
    else:
        for name in ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                     "anonymised_reports", "publication_with_name"):
            editor.consent_form.fields[name].box.setChecked(name == "documentation")


@pytest.fixture
def kazakh_ui():
    with ui_language("kk"):
        yield


def test_new_interview_typed_in_kazakh_and_russian_saved_sealed_and_amended(qtbot, stocked, kazakh_ui):
    vault, path = stocked
    editor = InterviewEditor(vault, lang="kk", defaults={"case_id": uid(6)})
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    editor.form.find("person_id").set_value(uid(3))
    editor.form.find("reprisal_risk").box.setCurrentIndex(1)
    # Nothing in the narrative yet: Save refuses and says where.
    assert not editor.save()
    assert editor.narrative_error.isVisible()
    text = "Мені ұрды, қамауда ұстады. Меня били ночью."
    type_text(editor.narrative, text)
    assert editor.narrative.toPlainText() == text
    # The draft goes into the vault, not to disk.
    assert editor.drafts.flush()
    assert drafts.load(vault, editor.record_id)["body"]["narrative"] == text
    fill_consent(editor)
    assert editor.save(), editor.banner.text()
    assert drafts.load(vault, editor.record_id) is None
    stored = vault.get(editor.record_id)
    assert stored["narrative"] == text and stored["person_id"] == uid(3) and stored["case_id"] == uid(6)
    # Seal through the real warning.
    seen = []
    answer_next_message_box("Мөрлеу", seen=seen)
    editor.seal()
    assert seen and "толықтыру" in seen[0].lower()  # the warning is in Kazakh
    assert vault.info(editor.record_id).sealed
    assert editor.narrative.isReadOnly() and not editor.save_button.isEnabled()
    type_text(editor.addenda.text, "Қосымша: куәгер табылды")
    editor.addenda.add_button.click()
    assert editor.addenda.list.count() == 1
    assert "куәгер" in editor.addenda.list.item(0).text()
    if consent_is_a_record():
        from monitor.core.store import consent

        assert stored["consent_id"] and editor.record_id in vault.get(stored["consent_id"])["covers"]
        assert consent.allows(vault, uid(3), "documentation")
        # Later, the person withdraws consent to documentation: a new consent record, the seal untouched.
        editor.withdraw_button.click()
        form = editor.consent_form
        form.find("method").box.setCurrentIndex(form.find("method").box.findData("oral"))
        form.find("scope.documentation").box.setCurrentIndex(2)  # no
        assert editor.save_consent(), editor.banner.text()
        assert not consent.allows(vault, uid(3), "documentation")
        assert consent.current(vault, uid(3))["documentation"].withdrawn
        assert vault.get(editor.record_id) == stored | {"sealed": True, "sealed_at": vault.get(editor.record_id)["sealed_at"],
                                                       "sealed_by": vault.get(editor.record_id)["sealed_by"]}


def test_cancelling_the_seal_leaves_it_open(qtbot, stocked):
    vault, _ = stocked
    editor = InterviewEditor(vault, vault.get(uid(7)), lang="ru")
    qtbot.addWidget(editor)
    seen = []
    answer_next_message_box("Cancel", seen=seen)
    assert not editor.seal()
    assert seen, "the warning was never shown"
    assert not vault.info(uid(7)).sealed and editor.save_button.isEnabled()


def test_unsaved_typing_survives_a_lock(qtbot, stocked):
    vault, path = stocked
    editor = InterviewEditor(vault, vault.get(uid(7)), lang="ru")
    qtbot.addWidget(editor)
    from PySide6.QtGui import QTextCursor

    editor.narrative.moveCursor(QTextCursor.End)
    type_text(editor.narrative, " Дополнение: били дважды.")
    editor.flush_draft()  # what the window does before it locks
    vault.close()
    again = reopen(path)
    try:
        reopened = InterviewEditor(again, again.get(uid(7)), lang="ru")
        qtbot.addWidget(reopened)
        assert reopened.narrative.toPlainText().endswith("Дополнение: били дважды.")
        assert reopened.draft_state.text()
        assert again.get(uid(7))["narrative"] != reopened.narrative.toPlainText()  # not saved until Save
    finally:
        again.close()


def test_locking_the_window_keeps_unsaved_testimony_in_the_vault(qtbot, stocked):
    from gui.helpers import type_text as typed
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from monitor.gui.app import Session

    vault, path = stocked
    vault.close()
    session = Session(path, kdf_iter=TEST_KDF_ITER)
    dialog = session.start()
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "passphrase").setText(PASSPHRASE)
    dialog.findChild(QPushButton, "unlock").click()
    qtbot.waitUntil(lambda: session.window is not None, timeout=10000)
    try:
        window = session.window
        qtbot.addWidget(window)
        window.open_record(uid(7))
        editor = window.page
        from PySide6.QtGui import QTextCursor

        editor.narrative.moveCursor(QTextCursor.End)
        typed(editor.narrative, " Түнде тағы келді.")
        window.lock_action.trigger()  # no Save: the lock keeps the typing as a draft, inside the vault
        assert session.vault is None
        qtbot.addWidget(session.dialog)
        session.dialog.findChild(QLineEdit, "passphrase").setText(PASSPHRASE)
        session.dialog.findChild(QPushButton, "unlock").click()
        qtbot.waitUntil(lambda: session.window is not None, timeout=10000)
        qtbot.addWidget(session.window)
        session.window.open_record(uid(7))
        assert session.window.page.narrative.toPlainText().endswith("Түнде тағы келді.")
        assert not session.vault.get(uid(7))["narrative"].endswith("Түнде тағы келді.")
    finally:
        session.shutdown()
