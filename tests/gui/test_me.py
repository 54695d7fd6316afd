"""Work carries a person's name (issue 19 §3), in a kk window with real key events: the first run
asks for it, Settings changes it, new interviews and examinations default to it, the reports print
it where they printed "monitor", and the contact file carries it."""

from __future__ import annotations

import hashlib
import io

from conftest import PASSPHRASE, TEST_KDF, require_module
from records import full_set, uid
from reports_support import flat, pdftotext, png_bytes

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton  # noqa: E402

from monitor.core import reports  # noqa: E402
from monitor.core.store import me  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402
from monitor.core.sync import contacts  # noqa: E402
from monitor.gui.dialogs.settings_dialog import SettingsDialog  # noqa: E402
from monitor.gui.dialogs.sync_dialogs import IdentityDialog  # noqa: E402
from monitor.gui.dialogs.unlock import UnlockDialog  # noqa: E402
from monitor.gui.editors.examination_editor import ExaminationEditor  # noqa: E402
from monitor.gui.editors.interview_editor import InterviewEditor  # noqa: E402
from monitor.gui.settings import Settings  # noqa: E402

from .helpers import type_text, ui_language  # noqa: E402

NAME, ROLE, ORG = "Айгүл Серікова", "дәрігер", "Қоғамдық бақылау комиссиясы"


def child(parent, cls, name):
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def test_first_run_asks_for_the_name_and_it_signs_the_new_vault(qtbot, tmp_path):
    path = tmp_path / "new.vault"
    with ui_language("kk"):
        dialog = UnlockDialog(path, kdf=TEST_KDF, lang="kk")
        qtbot.addWidget(dialog)
        dialog.show()
        for name in ("me_name", "me_role", "me_organisation"):
            assert child(dialog, QLineEdit, name).isVisible()  # asked on the create form
        type_text(child(dialog, QLineEdit, "passphrase"), PASSPHRASE)
        type_text(child(dialog, QLineEdit, "confirm"), PASSPHRASE)
        type_text(child(dialog, QLineEdit, "me_name"), NAME)
        type_text(child(dialog, QLineEdit, "me_role"), ROLE)
        type_text(child(dialog, QLineEdit, "me_organisation"), ORG)
        with qtbot.waitSignal(dialog.unlocked, timeout=30_000) as blocker:
            QTest.mouseClick(child(dialog, QPushButton, "create"), Qt.LeftButton)
    vault = blocker.args[0]
    try:
        assert me.read(vault) == me.Me(NAME, ROLE, ORG)
        vault.put({"id": uid(1), "type": "facility", "name": "ИВС", "type_key": "ivs"})
        assert [r.author for r in vault.history(uid(1))] == [NAME]
    finally:
        vault.close()


def test_first_run_without_a_name_keeps_the_default(qtbot, tmp_path):
    with ui_language("kk"):
        dialog = UnlockDialog(tmp_path / "new.vault", kdf=TEST_KDF, lang="kk")
        qtbot.addWidget(dialog)
        type_text(child(dialog, QLineEdit, "passphrase"), PASSPHRASE)
        type_text(child(dialog, QLineEdit, "confirm"), PASSPHRASE)
        with qtbot.waitSignal(dialog.unlocked, timeout=30_000) as blocker:
            QTest.keyClick(child(dialog, QLineEdit, "confirm"), Qt.Key_Return)
    vault = blocker.args[0]
    try:
        assert me.read(vault) == me.Me("monitor")
    finally:
        vault.close()


def test_a_demo_vault_made_on_the_first_run_is_worked_on_under_the_name_given(qtbot, tmp_path):
    with ui_language("kk"):
        dialog = UnlockDialog(tmp_path / "demo.vault", kdf=TEST_KDF, lang="kk")
        qtbot.addWidget(dialog)
        type_text(child(dialog, QLineEdit, "passphrase"), PASSPHRASE)
        type_text(child(dialog, QLineEdit, "confirm"), PASSPHRASE)
        type_text(child(dialog, QLineEdit, "me_name"), NAME)
        with qtbot.waitSignal(dialog.unlocked, timeout=60_000) as blocker:
            QTest.mouseClick(child(dialog, QPushButton, "demo"), Qt.LeftButton)
    vault = blocker.args[0]
    try:
        assert me.read(vault) == me.Me(NAME) and vault.profile == NAME
    finally:
        vault.close()


def test_settings_change_the_name_in_the_vault_and_refuse_an_empty_one(qtbot, tmp_path):
    path = tmp_path / "v.vault"
    vault = Vault.create(path, PASSPHRASE, kdf=TEST_KDF)
    try:
        with ui_language("kk"):
            dialog = SettingsDialog(Settings(path=tmp_path / "settings.json"), vault=vault, lang="kk")
            qtbot.addWidget(dialog)
            dialog.show()
            assert child(dialog, QLabel, "me_heading").text() == "Менің атым, рөлім және ұйымым"
            name = child(dialog, QLineEdit, "me_name")
            assert name.text() == "monitor"
            name.selectAll()
            QTest.keyClick(name, Qt.Key_Delete)
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
            before = hashlib.sha256(path.read_bytes()).hexdigest()
            QTest.mouseClick(ok, Qt.LeftButton)
            error = child(dialog, QLabel, "error")
            assert dialog.isVisible() and error.isVisible()
            assert error.text().startswith("менің атым: атыңызды енгізіңіз")
            assert hashlib.sha256(path.read_bytes()).hexdigest() == before and vault.profile == "monitor"
            type_text(name, NAME)
            assert not error.isVisible()  # gone as soon as the input changes
            type_text(child(dialog, QLineEdit, "me_role"), ROLE)
            type_text(child(dialog, QLineEdit, "me_organisation"), ORG)
            QTest.mouseClick(ok, Qt.LeftButton)
            assert not dialog.isVisible()
        assert me.read(vault) == me.Me(NAME, ROLE, ORG)
        assert not (tmp_path / "settings.json").exists() or NAME not in (tmp_path / "settings.json").read_text()
        # My identity shows it, and the contact file it saves carries it
        identity = IdentityDialog(vault, lang="kk")
        qtbot.addWidget(identity)
        assert identity.name.text() == f"{NAME} ({ROLE}, {ORG})"
        identity.save(tmp_path / "me.contact")
        assert contacts.parse((tmp_path / "me.contact").read_text(encoding="utf-8")).name == f"{NAME} ({ROLE}, {ORG})"
    finally:
        vault.close()


def test_new_interviews_and_examinations_default_to_the_name_and_the_reports_print_it(qtbot, tmp_path):
    vault = Vault.create(tmp_path / "v.vault", PASSPHRASE, kdf=TEST_KDF)
    try:
        blob = vault.store_blob(io.BytesIO(png_bytes()))
        records = full_set(blob.sha256, blob.size)
        me.write(vault, NAME, ROLE, ORG)
        with ui_language("kk"):
            interview = InterviewEditor(vault, lang="kk")
            exam = ExaminationEditor(vault, lang="kk")
            qtbot.addWidget(interview)
            qtbot.addWidget(exam)
        assert interview.record["interviewers"] == [NAME]
        assert exam.record["examiner"] == {"name": NAME, "qualifications": f"{ROLE}, {ORG}"}
        for record in records:  # the sample case, its interview and examination by this person
            if record["type"] == "interview":
                record["interviewers"] = interview.record["interviewers"]
            elif record["type"] == "examination":
                record["examiner"] = exam.record["examiner"]
        vault.put_many(records)
        out = tmp_path / "dossier.pdf"
        reports.generate(vault, "dossier", out, subject_id=uid(6), lang="kk", level="full")
        text = flat(pdftotext(out))
        assert f"Сұхбат алған {NAME}" in text
        assert f"Дәрігер {NAME}" in text
        assert "monitor" not in text.replace("Monitor", "")
    finally:
        vault.close()
