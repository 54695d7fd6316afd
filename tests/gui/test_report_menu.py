"""The Reports menu: print a dossier for the case shown, previewed from memory; ask for a subject."""

from __future__ import annotations

import io

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, require_module
from records import full_set, uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtGui import QAction  # noqa: E402

from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.main_window import MainWindow  # noqa: E402
from monitor.gui.dialogs.report_preview import ReportPreview  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path):
    vault = Vault.create(tmp_path / "r.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    blob = vault.store_blob(io.BytesIO(b"\x89PNG report menu" * 50))
    vault.put_many(full_set(blob.sha256, blob.size))
    win = MainWindow(vault, lang="ru")
    qtbot.addWidget(win)
    yield win
    for preview in win.findChildren(ReportPreview):
        preview.wait()  # join its worker before the vault closes
        preview.close()
    win.clear()
    vault.close()


def test_dossier_of_the_case_shown_is_previewed(qtbot, window):
    window.open_record(uid(10))  # a complaint: the dossier is its case's
    assert window.report_subject("dossier") == uid(6)
    window.findChild(QAction, "report_dossier").trigger()
    (preview,) = window.findChildren(ReportPreview)
    failures = []
    preview.previewFailed.connect(failures.append)
    preview.preview_button.click()  # the dialog builds when asked (language and level first)
    qtbot.waitUntil(lambda: preview._data is not None or bool(failures), timeout=120_000)
    assert not failures
    assert preview._data.startswith(b"%PDF")


def test_a_report_needs_its_subject_open(qtbot, window):
    window.show_list("cases")
    window.findChild(QAction, "report_medical").trigger()
    assert not window.findChildren(ReportPreview)
    assert window.status.text() == window.tr("Open a medical examination first.")
