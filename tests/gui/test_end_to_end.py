"""A monitor does a whole prison visit in the window (offscreen, real widgets, real vault).

Create the vault; add a facility and a visit; add a person and a case; interview the person
typing Kazakh and Russian; record consent; seal; add an addendum; examine with two injury markers
placed by mouse on two views; attach a photo by dropping it; open the case file, follow a link to
the examination and come back; search a Kazakh word and open the hit; lock and unlock; everything
is still there and ``monitor verify`` passes.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import PASSPHRASE, require_module

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import QUrl  # noqa: E402

from gui import visit_flow as flow  # noqa: E402
from gui.helpers import ui_language  # noqa: E402
from monitor.core.model import diagram  # noqa: E402
from monitor.gui.app import Session  # noqa: E402

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process


@pytest.mark.parametrize("lang", ["kk"])
def test_a_whole_visit_through_the_window(qtbot, tmp_path, lang):
    path = tmp_path / "visit.vault"

    def wait_until(predicate, timeout):
        qtbot.waitUntil(predicate, timeout=timeout)

    with ui_language(lang):
        session = Session(path, lang=lang)  # production key derivation, so the CLI can open it after
        try:
            flow.create_vault(session, PASSPHRASE, wait_until)
            window = session.window
            qtbot.addWidget(window)
            window.resize(1280, 860)
            window.show()
            qtbot.waitExposed(window)
            assert window.pages.currentWidget() is window.welcome  # first run says what to do

            facility = flow.new_facility(window)
            visit = flow.new_visit(window)
            assert session.vault.get(visit)["facility_id"] == facility
            person = flow.new_person(window)
            case = flow.new_case(window, "Қарағанды ТИ-1")
            interview = flow.interview(window, "P-2026-0001")
            window.back_action.trigger()
            assert window.page.objectName() == "case_page"
            exam = flow.examination(window, "P-2026-0001")
            flow.drop_files(window, [flow.png_file(tmp_path)])
            vault = session.vault
            photos = [r for r in vault.records("attachment")]
            assert len(photos) == 1 and photos[0].body["parent_id"] == exam

            # The case file: everything linked, a link to the examination, and Back.
            window.open_record(case)
            page = window.page
            assert page.objectName() == "case_page"
            assert {interview, exam, person, photos[0].id} <= set(page.file.links)
            page.file.anchorClicked.emit(QUrl(f"record:{exam}"))
            assert window.page.objectName() == "examination_editor" and window.page.record_id == exam
            window.back_action.trigger()
            assert window.page.objectName() == "case_page" and window.page.record_id == case

            # Search a Kazakh word and open the hit.
            flow.search(window, flow.KAZAKH_SEARCH_WORD.upper())
            assert [r["id"] for r in window.results_model.rows] == [interview]
            window.table.selectRow(0)
            window.table.activated.emit(window.table.currentIndex())
            assert window.page.objectName() == "interview_editor" and window.page.record_id == interview

            # Lock and unlock.
            window.lock_action.trigger()
            assert session.vault is None and not vault.is_open
            flow.unlock(session, PASSPHRASE, wait_until)
            qtbot.addWidget(session.window)
            vault = session.vault
            stored = vault.get(interview)
            assert stored["sealed"] and stored["narrative"].startswith(flow.KAZAKH_NARRATIVE)
            assert flow.RUSSIAN_NARRATIVE in stored["narrative"]
            if "consent_id" in stored:  # schema v4: consent is a record beside the interview
                consent = vault.get(stored["consent_id"])
                assert consent["person_id"] == person and interview in consent["covers"]
                assert consent["scope"] == {"documentation": True, "photographs": True}
            assert [r.body["text"] for r in vault.records("addendum")] == ["Қосымша: куәгер табылды."]
            injuries = vault.get(exam)["injuries"]
            assert len(injuries) == 2 and len({diagram.injury_view(i) for i in injuries}) == 2
            assert vault.get(case)["facility_id"] == facility
            assert vault.verify().ok
        finally:
            session.shutdown()

    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    result = subprocess.run([sys.executable, "-m", "monitor", "verify", "--vault", str(path),
                             "--passphrase-file", str(passfile)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
