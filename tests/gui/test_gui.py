"""The desktop app, driven offscreen with pytest-qt against real vaults."""

from __future__ import annotations

import io

import pytest
from conftest import PASSPHRASE, STOCK_BLOB, TEST_KDF, copy_vault, require_module, stock_records, vault_template
from records import uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton  # noqa: E402

from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.app import Session  # noqa: E402
from monitor.gui.main_window import MainWindow  # noqa: E402
from monitor.gui.dialogs.unlock import UnlockDialog  # noqa: E402


def type_text(widget, text: str) -> None:
    """Type any Unicode text (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            widget.event(QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def _stock_with_hostile_markup(vault) -> None:
    vault.store_blob(io.BytesIO(STOCK_BLOB))
    records = stock_records()
    next(r for r in records if r["id"] == uid(4))["identity"]["name_cyrillic"] = "<b>Ғалия</b> <img src=x>"  # hostile markup, shown literally
    vault.put_many(records)


@pytest.fixture(scope="module")
def stocked_template(tmp_path_factory):
    return vault_template(tmp_path_factory.mktemp("template"), "gui.vault", _stock_with_hostile_markup)


@pytest.fixture
def stocked_path(stocked_template, tmp_path):
    return copy_vault(stocked_template, tmp_path / "gui.vault")


def child(widget, cls, name):
    found = widget.findChild(cls, name)
    assert found is not None, name
    return found


def test_unlock_with_the_right_passphrase(qtbot, stocked_path):
    dialog = UnlockDialog(stocked_path, kdf=TEST_KDF)
    qtbot.addWidget(dialog)
    type_text(child(dialog, QLineEdit, "passphrase"), PASSPHRASE)
    with qtbot.waitSignal(dialog.unlocked, timeout=10000) as blocker:
        child(dialog, QPushButton, "unlock").click()
    vault = blocker.args[0]
    assert vault.counts()["case"] == 1
    assert child(dialog, QLineEdit, "passphrase").text() == ""  # not kept in the widget
    vault.close()


def test_wrong_passphrase_shows_the_error(qtbot, stocked_path):
    dialog = UnlockDialog(stocked_path, kdf=TEST_KDF)
    qtbot.addWidget(dialog)
    child(dialog, QLineEdit, "passphrase").setText("granite willow harbour seventeen")
    child(dialog, QPushButton, "unlock").click()
    error = child(dialog, QLabel, "error")
    qtbot.waitUntil(lambda: error.text() != "", timeout=10000)
    assert error.text() == "wrong passphrase"
    assert dialog.vault is None


def test_create_refuses_weak_and_mismatched_passphrases(qtbot, tmp_path):
    dialog = UnlockDialog(tmp_path / "new.vault", kdf=TEST_KDF)
    qtbot.addWidget(dialog)
    child(dialog, QLineEdit, "passphrase").setText("secret")
    child(dialog, QLineEdit, "confirm").setText("secret")
    child(dialog, QPushButton, "create").click()
    assert "too short" in child(dialog, QLabel, "error").text()
    child(dialog, QLineEdit, "passphrase").setText(PASSPHRASE)
    child(dialog, QPushButton, "create").click()
    assert "differ" in child(dialog, QLabel, "error").text()
    assert not (tmp_path / "new.vault").exists()


def new_vault_dialog(qtbot, path) -> UnlockDialog:
    """The first-run dialog for ``path`` with a good passphrase entered twice."""
    dialog = UnlockDialog(path, kdf=TEST_KDF)
    qtbot.addWidget(dialog)
    child(dialog, QLineEdit, "passphrase").setText(PASSPHRASE)
    child(dialog, QLineEdit, "confirm").setText(PASSPHRASE)
    return dialog


def test_create_demo_vault_on_a_worker_with_progress(qtbot, tmp_path):
    dialog = new_vault_dialog(qtbot, tmp_path / "demo.vault")
    with qtbot.waitSignal(dialog.unlocked, timeout=60000) as blocker:
        child(dialog, QPushButton, "demo").click()
        assert child(dialog, QPushButton, "cancel").isVisibleTo(dialog)  # Cancel is offered while it runs
    vault = blocker.args[0]
    assert vault.counts()["case"] == 50
    vault.close()


def test_cancel_demo_creation_leaves_nothing(qtbot, tmp_path):
    dialog = new_vault_dialog(qtbot, tmp_path / "demo.vault")
    child(dialog, QPushButton, "demo").click()
    child(dialog, QPushButton, "cancel").click()
    error = child(dialog, QLabel, "error")
    qtbot.waitUntil(lambda: error.text() != "", timeout=60000)
    assert "Cancelled" in error.text()
    assert list(tmp_path.iterdir()) == []


def test_main_window_lists_cases_and_searches_kazakh(qtbot, stocked_path):
    vault = Vault.open(stocked_path, PASSPHRASE, kdf=TEST_KDF)
    window = MainWindow(vault)
    qtbot.addWidget(window)
    assert [r["code"] for r in window.cases_model.rows] == ["KZ-2026-0007"]
    box = child(window, QLineEdit, "search")
    type_text(box, "ҚАМАУ")
    assert box.text() == "ҚАМАУ"
    box.returnPressed.emit()
    assert [r["id"] for r in window.results_model.rows] == [uid(7)]
    window.table.selectRow(0)
    assert "Narrative (verbatim)" in window.detail.toPlainText()
    assert uid(7) not in window.detail.toPlainText()  # no UUID is shown
    vault.close()


def test_untrusted_text_is_shown_as_plain_text(qtbot, stocked_path):
    vault = Vault.open(stocked_path, PASSPHRASE, kdf=TEST_KDF)
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.search_box.setText("Ғалия")
    window.run_search()
    window.table.selectRow(0)
    assert "Ғалия" not in window.detail.toPlainText()  # identity fields wait for an explicit reveal
    from PySide6.QtCore import QUrl

    window.detail.anchorClicked.emit(QUrl(f"reveal:{uid(4)}"))
    assert "<b>Ғалия</b> <img src=x>" in window.detail.toPlainText()
    vault.close()


def test_session_idle_lock_closes_the_vault_and_clears_views(qtbot, stocked_path):
    session = Session(stocked_path, kdf=TEST_KDF, idle_ms=200)
    dialog = session.start()
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        dialog.unlock()
    window, vault = session.window, session.vault
    assert vault.is_open and window.cases_model.rows
    with qtbot.waitSignal(session.locked, timeout=5000):
        pass  # no input: the idle timer fires
    assert not vault.is_open
    assert window.cases_model.rows == [] and window.detail.toPlainText() == ""
    assert session.dialog is not None and session.dialog.isVisible()
    qtbot.addWidget(session.dialog)
    session.shutdown()


def test_lock_on_demand(qtbot, stocked_path):
    session = Session(stocked_path, kdf=TEST_KDF)
    dialog = session.start()
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        dialog.unlock()
    vault = session.vault
    with qtbot.waitSignal(session.locked, timeout=5000):
        session.window.lock_action.trigger()
    assert not vault.is_open and session.vault is None
    qtbot.addWidget(session.dialog)
    session.shutdown()


def test_case_list_loads_page_by_page(qtbot, tmp_path):
    from monitor.core.demo.create import create_demo_vault
    from monitor.gui.main_window import RowsModel

    path = tmp_path / "big.vault"
    create_demo_vault(path, PASSPHRASE, cases=RowsModel.PAGE + 50, seed=2, kdf=TEST_KDF)
    vault = Vault.open(path, PASSPHRASE, kdf=TEST_KDF)
    window = MainWindow(vault)
    qtbot.addWidget(window)
    model = window.cases_model
    assert len(model.rows) == RowsModel.PAGE and model.canFetchMore()
    model.fetchMore()
    assert len(model.rows) == RowsModel.PAGE + 50 and not model.canFetchMore()
    codes = [r["code"] for r in model.rows]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    window.show_cases()
    assert len(model.rows) == RowsModel.PAGE
    window.table.horizontalHeader().sectionClicked.emit(0)  # sorting reads the whole list first
    assert len(model.rows) == RowsModel.PAGE + 50
    vault.close()


def _wipe_from_another_process(path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    result = subprocess.run([sys.executable, "-m", "monitor", "wipe", "--yes", "--vault", str(path)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.process
@pytest.mark.parametrize("how", ["next read", "watch timer"])
def test_a_vault_wiped_by_another_process_locks_the_session_with_a_message(qtbot, stocked_path, how):
    session = Session(stocked_path, kdf=TEST_KDF, watch_ms=100 if how == "watch timer" else 3_600_000)
    dialog = session.start()
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        dialog.unlock()
    window, vault = session.window, session.vault
    _wipe_from_another_process(stocked_path)
    with qtbot.waitSignal(session.locked, timeout=5000):
        if how == "next read":
            window.search_box.setText("Ғалия")
            window.run_search()
    assert not vault.is_open and session.vault is None
    assert window.cases_model.rows == [] and window.results_model.rows == []
    qtbot.addWidget(session.dialog)
    assert "wiped" in session.dialog.reason.text() + session.dialog.error.text()
    # closing the lost vault recreated nothing under its name
    assert not any(p.name.startswith(stocked_path.name) for p in stocked_path.parent.iterdir())
    session.shutdown()


def test_a_warning_from_opening_is_shown_in_the_status_bar(qtbot, stocked_path):
    key_file = stocked_path.with_name(stocked_path.name + ".keyslot")
    raw = bytearray(key_file.read_bytes())
    raw[512 * 6 + 50] ^= 0x01  # a spare slot: the vault opens and the slot is cleared, with a warning
    key_file.write_bytes(bytes(raw))
    session = Session(stocked_path, kdf=TEST_KDF)
    dialog = session.start()
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        dialog.unlock()
    assert "damaged spare slot" in session.window.statusBar().currentMessage()
    session.shutdown()
    session.window.close()
