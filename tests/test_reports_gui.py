"""The in-app report preview, offscreen with pytest-qt, on a real vault and real PDF bytes."""

from __future__ import annotations

import contextlib
import hashlib
import os

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, put_full_set, require_module, vault_template
from records import SECRET, uid
from reports_support import png_bytes

require_module("PySide6.QtWidgets")
require_module("pypdfium2")

pytestmark = pytest.mark.gui  # outside tests/gui, so marked here

from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.dialogs.report_preview import ReportPreview, locked, page_text, render_pages  # noqa: E402


@pytest.fixture(scope="module")
def stocked_template(tmp_path_factory):
    """The stocked vault with a real PNG as its photo, built once for this module."""
    return vault_template(tmp_path_factory.mktemp("template"), "gui.vault", lambda v: put_full_set(v, png_bytes()))


@pytest.fixture
def gui_vault(stocked_copy):
    vault = Vault.open(stocked_copy, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    yield vault
    vault.close()


def own_connection(path):
    """An opener that gives the worker its own connection, as the conventions prefer."""

    @contextlib.contextmanager
    def opener():
        with Vault.open(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as vault:
            yield vault

    return opener


@pytest.fixture
def dialog_for(qtbot):
    made = []

    def make(*args, **kwargs):
        dialog = ReportPreview(*args, **kwargs)
        qtbot.addWidget(dialog)
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:  # join worker threads before the vault closes
        dialog.cancel()
        dialog.wait()


def files_under(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_preview_renders_pages_in_memory_and_saves_what_it_showed(qtbot, gui_vault, tmp_path, dialog_for):
    before = files_under(tmp_path)
    dialog = dialog_for(locked(gui_vault), "dossier", subject_id=uid(6), lang="kk")
    with qtbot.waitSignal(dialog.previewReady, timeout=60000):
        dialog.refresh()
    dialog.wait()
    assert dialog.page_count >= 5
    assert "Іс бойынша досье" in page_text(dialog.pdf_bytes, 0)
    assert files_under(tmp_path) == before  # the preview wrote nothing to disk
    out = tmp_path / "saved.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        result = dialog.save_to(out)
    assert out.read_bytes() == dialog.pdf_bytes  # exactly what was previewed
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    detail = gui_vault.conn.execute("SELECT detail FROM audit WHERE action = 'report-written'").fetchone()[0]
    assert result.sha256 in detail


def test_pseudonymised_preview_on_its_own_connection_and_password(qtbot, gui_vault, tmp_path, dialog_for):
    dialog = dialog_for(own_connection(gui_vault.path), "dossier", subject_id=uid(6), lang="ru")
    dialog.level.setCurrentIndex(dialog.level.findData("pseudonymised"))
    with qtbot.waitSignal(dialog.previewReady, timeout=60000):
        dialog.refresh()
    dialog.wait()
    text = "".join(page_text(dialog.pdf_bytes, i) for i in range(dialog.page_count))
    assert SECRET not in text and "P-2026-0042" in text
    dialog.protect.setChecked(True)
    assert dialog.save_to(tmp_path / "no-pass.pdf") is None  # a password is required once ticked
    assert not (tmp_path / "no-pass.pdf").exists()
    dialog.password.setText("Құпия 2026")
    result = dialog.save_to(tmp_path / "locked.pdf")
    assert result.encrypted
    images = render_pages((tmp_path / "locked.pdf").read_bytes(), password="Құпия 2026")
    assert len(images) == dialog.page_count and not images[0].isNull()


def test_cancel_leaves_no_preview(qtbot, gui_vault, dialog_for):
    dialog = dialog_for(locked(gui_vault), "stats", lang="en")
    with qtbot.waitSignal(dialog.previewFailed, timeout=60000) as blocker:
        dialog.refresh()
        dialog.cancel()  # as the Cancel button does, before the worker gets far
    dialog.wait()
    assert blocker.args[0] == dialog.tr("Cancelled.")
    assert dialog.pdf_bytes is None and dialog.page_count == 0
    assert not dialog.save_button.isEnabled()


def test_errors_show_one_line_not_a_traceback(qtbot, gui_vault, dialog_for):
    dialog = dialog_for(locked(gui_vault), "medical", subject_id=uid(6), lang="en")  # a case, not an exam
    with qtbot.waitSignal(dialog.previewFailed, timeout=60000) as blocker:
        dialog.refresh()
    dialog.wait()
    assert "not a examination" in blocker.args[0] or "not an examination" in blocker.args[0]
    assert "Traceback" not in dialog.status.text()


def test_print_paints_every_page_and_is_logged(qtbot, gui_vault, tmp_path, dialog_for):
    from PySide6.QtPrintSupport import QPrinter

    dialog = dialog_for(locked(gui_vault), "visit", subject_id=uid(2), lang="ru")
    with qtbot.waitSignal(dialog.previewReady, timeout=60000):
        dialog.refresh()
    dialog.wait()
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)  # a "printer" that writes a file we can check
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(96)
    assert dialog.print_report(printer)
    assert os.path.getsize(tmp_path / "printed.pdf") > 10000
    assert len(render_pages((tmp_path / "printed.pdf").read_bytes())) == dialog.page_count
    logged = gui_vault.conn.execute("SELECT detail FROM audit WHERE action = 'report-printed'").fetchall()
    assert len(logged) == 1 and "report=visit" in logged[0][0]


def test_the_dialog_offers_a_un_recipient_that_needs_share_with_un(qtbot, gui_vault, dialog_for):
    dialog = dialog_for(locked(gui_vault), "dossier", subject_id=uid(6), lang="en")
    assert [dialog.audience.itemData(i) for i in range(dialog.audience.count())] == [None, "un"]
    dialog.audience.setCurrentIndex(dialog.audience.findData("un"))
    with qtbot.waitSignal(dialog.previewReady, timeout=60000):
        dialog.refresh()
    dialog.wait()
    text = "".join(page_text(dialog.pdf_bytes, i) for i in range(dialog.page_count))
    # the stocked victim allowed a lawyer but never a UN body: named by code, testimony withheld
    assert SECRET not in text and "P-2026-0042" in text
    assert "Меня били по спине" not in text
    assert "no authorisation to share with UN bodies" in text
    assert dialog._report.audience == "un"
    stats = dialog_for(locked(gui_vault), "stats", lang="en")
    assert not stats.audience.isEnabled()


def test_the_statistics_dialog_has_the_clis_period_filter(qtbot, gui_vault, dialog_for):
    from monitor.core.history.revisions import new_id

    gui_vault.put_many([{"id": new_id(), "type": "statistic", "indicator": "complaints_registered", "value": value,
                         "period_start": f"{year}-01-01", "period_end": f"{year}-12-31",
                         "source_authority": "prosecutor", "source_document": "Ответ"}
                        for year, value in ((2010, 36), (2012, 602))])
    dialog = dialog_for(locked(gui_vault), "stats", lang="en")
    assert dialog.period() == (None, None) and dialog.year_from.text() == dialog.tr("any")
    dialog.year_from.setValue(2010)
    dialog.year_to.setValue(2011)
    assert dialog.period() == ("2010", "2011")
    with qtbot.waitSignal(dialog.previewReady, timeout=60000):
        dialog.refresh()
    dialog.wait()
    text = dialog._report.text()
    assert "2010 | 36" in text and "602" not in text and "2013" not in text
