"""A full GUI session in its own process (run by test_sentinel.py): type the sentinel into a
testimony, keep a draft, save, seal, search, attach, lock, unlock, quit."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from conftest import PASSPHRASE  # noqa: E402
from gui import visit_flow as flow  # noqa: E402
from records import SECRET  # noqa: E402

from monitor.gui.app import Session  # noqa: E402


def wait_until(predicate, timeout_ms):
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the GUI did not get there in time")
        QApplication.processEvents()
        time.sleep(0.005)


def main(vault_path: str, scratch: str) -> int:
    app = QApplication([sys.argv[0]])
    app.setOrganizationName("Monitor")
    app.setApplicationName("Monitor")
    session = Session(Path(vault_path), kdf_iter=2000, lang="ru")
    flow.create_vault(session, PASSPHRASE, wait_until)
    window = session.window
    window.resize(1200, 800)
    window.show()
    flow.new_facility(window)
    flow.new_person(window)
    case = flow.new_case(window, "Қарағанды ТИ-1")
    # An interview typed with the sentinel; a draft is kept (in the vault) before it is saved.
    from PySide6.QtWidgets import QPushButton

    window.page.findChild(QPushButton, "new_interview").click()
    editor = window.page
    flow.type_text(editor.narrative, "Показания: " + SECRET)
    editor.flush_draft()
    # Leaving asks Save, Discard or Cancel: the draft was written into the vault (and the test scans
    # the disk for it afterwards); now it is discarded, as a user may.
    from gui.helpers import answer_next_message_box

    from PySide6.QtWidgets import QMessageBox

    answer_next_message_box(role=QMessageBox.DestructiveRole)
    window.open_record(case)
    interview = flow.interview(window, "P-2026-0001", extra_text=" " + SECRET)
    flow.drop_files(window, [flow.png_file(Path(scratch))])
    flow.search(window, SECRET.split("-")[1])
    assert window.results_model.rows, "the sentinel was not found by search"
    window.table.selectRow(0)
    window.open_record(interview)
    window.page.narrative.selectAll()
    window.page.narrative.copy()  # the clipboard is process memory here (offscreen), not a file
    window.lock_action.trigger()
    flow.unlock(session, PASSPHRASE, wait_until)
    assert SECRET in session.vault.get(interview)["narrative"]
    settings = QSettings()
    settings.sync()
    for key in settings.allKeys():
        assert SECRET not in str(settings.value(key)), f"sentinel in QSettings {key}"
    session.shutdown()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
