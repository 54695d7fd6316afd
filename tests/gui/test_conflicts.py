"""The conflict review page on real vaults (issue 6, B.4): versions side by side field by field,
picks per field by clicking cells, a typed value, Resolve; refused sealed edits shown and never
chosen; the banner on a record in conflict; gate errors in one line with the vault unchanged."""

from __future__ import annotations

import time

import pytest
from conftest import PASSPHRASE, TEST_KDF, copy_vault, forget_place, require_module
from devices import meet

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from conflicts_support import (  # noqa: E402
    FACILITY,
    INTERVIEW,
    MERGED,
    PERSON,
    REFUSED_NARRATIVE,
    VISIT,
    make_conflicts,
    revisions_of,
)
from gui.helpers import ui_language  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton  # noqa: E402

from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.pages.conflicts import ConflictsPage, FieldEditor  # noqa: E402
from monitor.gui.main_window import MainWindow  # noqa: E402


PAIR = ("coordinator.vault", "monitor-b.vault")  # what make_conflicts leaves in its folder


@pytest.fixture(scope="module")
def conflicts_template(tmp_path_factory):
    """make_conflicts' two vaults, built once for this module; each test takes copies."""
    folder = tmp_path_factory.mktemp("template") / "vaults"
    make_conflicts(folder)
    for name in PAIR:
        forget_place(folder / name)
    return folder


@pytest.fixture
def conflicts_path(conflicts_template, tmp_path):
    for name in PAIR:
        copy_vault(conflicts_template / name, tmp_path / "vaults" / name)
    return tmp_path / "vaults" / PAIR[0]


@pytest.fixture
def window(qtbot, conflicts_path):
    vault = Vault.open(conflicts_path, PASSPHRASE, kdf=TEST_KDF)
    win = MainWindow(vault)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    vault.close()


def state(vault):
    return vault.digest(), vault.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def open_review(window, record_id=None) -> ConflictsPage:
    if record_id is None:
        window.findChild(type(window.conflicts_action), "sync_conflicts").trigger()  # Sync › Review conflicts…
    else:
        window.review_conflicts(record_id)
    assert isinstance(window.page, ConflictsPage)
    return window.page


def click_cell(qtbot, table, row: int, column: int) -> None:
    item = table.item(row, column)
    table.scrollToItem(item)
    rect = table.visualItemRect(item)
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())


def row_of(pane, name: str) -> int:
    return next(i for i, r in enumerate(pane.review.rows) if r.name == name)


def version_of(pane, author: str) -> int:
    return next(i for i, v in enumerate(pane.review.versions) if v.author == author)


def test_pick_fields_from_two_versions_and_resolve(qtbot, window):
    vault = window.vault
    page = open_review(window)
    assert set(page.record_ids) == {FACILITY["id"], INTERVIEW["id"], VISIT["id"]}
    page.list.setCurrentRow(page.record_ids.index(FACILITY["id"]))
    pane = page.review
    table = pane.table
    count = len(pane.review.versions)
    assert count == 2 and table.columnCount() == 4
    mine, theirs = version_of(pane, "Координатор"), version_of(pane, "monitor-b")
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert "current view" in headers[1] and "generation 2" in headers[1]
    # authors as people: name and key fingerprint, never a device UUID (issue 17)
    assert f"Координатор · {vault.identity.fingerprint[:9]}…" in headers[mine + 1]
    assert "monitor-b · " in headers[theirs + 1] and vault.identity.fingerprint[:9] not in headers[theirs + 1]
    assert [r.name for r in pane.review.rows if r.differs] == ["name", "region", "capacity", "notes"]
    assert table.item(row_of(pane, "capacity"), 0).text() == "Capacity"
    assert table.item(row_of(pane, "notes"), theirs + 1).text() == "(absent)"
    pane.only_differences.click()
    assert [table.isRowHidden(r) for r in range(table.rowCount())] == [not f.differs for f in pane.review.rows]
    pane.only_differences.click()
    assert not any(table.isRowHidden(r) for r in range(table.rowCount()))
    # pick per field by clicking the cells
    for name, version in (("name", theirs), ("region", theirs), ("capacity", mine), ("notes", mine)):
        click_cell(qtbot, table, row_of(pane, name), version + 1)
        assert table.item(row_of(pane, name), version + 1).checkState() == Qt.Checked
        other = mine if version == theirs else theirs
        assert table.item(row_of(pane, name), other + 1).checkState() == Qt.Unchecked
    assert table.item(row_of(pane, "capacity"), count + 1).text() == "10"
    assert table.item(row_of(pane, "name"), count + 1).text() == "ИВС г. Костанай"
    assert pane.merged() == MERGED
    shown = pane.preview.toPlainText()  # readable, as a record page: titles and labels, no UUID, no keys
    assert "Capacity" in shown and "ИВС г. Костанай" in shown and FACILITY["id"] not in shown
    assert "type_key" not in shown and "ivs" not in shown.split() and "{" not in shown
    assert pane.check.text().startswith("✓")
    heads = pane.review.heads
    qtbot.mouseClick(pane.resolve_button, Qt.LeftButton)
    assert pane.error.text() == ""
    info = vault.info(FACILITY["id"])
    assert info.body == MERGED and info.heads == 1 and not info.conflict
    assert len(vault.heads(FACILITY["id"])) == 1
    assert set(vault.history(FACILITY["id"])[-1].parents) == set(heads)
    action, rev, detail = vault.conn.execute(
        "SELECT action, rev, detail FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    assert action == "resolve" and rev == info.head and all(h in detail for h in heads)
    assert FACILITY["id"] not in page.record_ids and "Resolved" in window.status.text()
    assert vault.verify().ok


def test_keep_a_whole_version_and_type_a_value(qtbot, window):
    vault = window.vault
    pane = open_review(window, VISIT["id"]).review
    assert pane.review.record_id == VISIT["id"]
    mine = version_of(pane, "Координатор")
    qtbot.mouseClick(pane.findChild(QPushButton, f"keep_{mine + 1}"), Qt.LeftButton)
    row = row_of(pane, "population")
    assert pane.table.item(row, mine + 1).checkState() == Qt.Checked
    assert pane.table.item(row, 0).font().bold()  # the row that differs, and where inside it
    assert pane.table.item(row, 0).text().splitlines()[1:] == ["≠ Total", "≠ Women"]
    assert "Total: 40" in pane.table.item(row, len(pane.review.versions) + 1).text()

    def type_in_editor(texts):
        deadline = time.monotonic() + 5  # a dialog that never comes leaves no poller behind

        def step():
            editors = [w for w in QApplication.topLevelWidgets() if isinstance(w, FieldEditor) and w.isVisible()]
            if not editors:
                if time.monotonic() < deadline:
                    QTimer.singleShot(20, step)
                return
            editor = editors[0]
            editor.text.setPlainText(texts.pop(0))
            editor.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
            if editor.isVisible():
                seen.append(editor.problem.text())
                QTimer.singleShot(0, step)
        seen: list[str] = []
        QTimer.singleShot(0, step)
        return seen

    problems = type_in_editor(['{"total": 41', '{"total": 41, "women": 4, "minors": 1}'])
    merged_cell = pane.table.visualItemRect(pane.table.item(row, len(pane.review.versions) + 1)).center()
    qtbot.mouseClick(pane.table.viewport(), Qt.LeftButton, pos=merged_cell)
    qtbot.mouseDClick(pane.table.viewport(), Qt.LeftButton, pos=merged_cell)
    assert problems and "not valid JSON" in problems[0]
    assert pane.choice("population") == "typed"
    assert pane.merged()["population"] == {"total": 41, "women": 4, "minors": 1}
    assert pane.resolve()
    assert vault.get(VISIT["id"])["population"] == {"total": 41, "women": 4, "minors": 1}
    assert not vault.info(VISIT["id"]).conflict


def test_refused_sealed_edit_is_shown_and_never_chosen(qtbot, window):
    vault = window.vault
    pane = open_review(window, INTERVIEW["id"]).review
    review = pane.review
    assert review.sealed and [v.refused for v in review.versions] == [False, True]
    table = pane.table
    header = table.horizontalHeaderItem(2).text()
    assert "refused edit of a sealed record" in header and "monitor-b" in header
    row = row_of(pane, "narrative")
    refused_cell = table.item(row, 2)
    assert refused_cell.text() == REFUSED_NARRATIVE
    assert not refused_cell.flags() & Qt.ItemIsUserCheckable
    before = state(vault)
    click_cell(qtbot, table, row, 2)
    assert "never chosen" in pane.error.text()
    assert pane.merged()["narrative"] == INTERVIEW["narrative"]
    assert not pane.findChild(QPushButton, "keep_2").isEnabled()
    assert not pane.delete_button.isEnabled() and not pane.edit_button.isEnabled()
    pane.edit_field("narrative")
    assert "cannot change" in pane.error.text()
    assert state(vault) == before
    assert pane.resolve_button.text() == "Keep the sealed version"
    refused_rev = review.versions[1].rev
    qtbot.mouseClick(pane.resolve_button, Qt.LeftButton)
    info = vault.info(INTERVIEW["id"])
    assert info.sealed and info.body["narrative"] == INTERVIEW["narrative"]
    assert INTERVIEW["id"] not in [i.id for i in vault.conflicts()]
    assert refused_rev in [r.rev for r in vault.history(INTERVIEW["id"])]  # kept in history


def test_the_gate_refuses_in_one_line_and_the_vault_is_unchanged(qtbot, window, tmp_path):
    vault = window.vault
    pane = open_review(window, FACILITY["id"]).review
    pane.set_value("capacity", -3)
    assert pane.check.text().startswith("✗") and "capacity" in pane.check.text()
    before = state(vault)
    assert not pane.resolve()
    assert "capacity" in pane.error.text() and "\n" not in pane.error.text()
    assert state(vault) == before
    # deleting a facility a visit still names is refused too
    pane.confirm = lambda text: True
    assert not pane.delete_record()
    assert "still referred to" in pane.error.text() and state(vault) == before
    # another version arrives after the review was shown: resolving is refused, not silently merged
    pane.set_value("capacity", 11)
    other = Vault.open(tmp_path / "vaults" / "monitor-b.vault", PASSPHRASE, kdf=TEST_KDF)
    try:
        other.put({**FACILITY, "capacity": 99, "name": "ИВС №1"})
        vault.insert_revisions(revisions_of(other, FACILITY["id"]))
    finally:
        other.close()
    before = state(vault)
    assert not pane.resolve()
    assert "changed since they were shown" in pane.error.text()
    assert state(vault) == before


def test_delete_record_resolution(qtbot, window):
    vault = window.vault
    pane = open_review(window, VISIT["id"]).review
    asked = []
    pane.confirm = lambda text: asked.append(text) or False
    assert not pane.delete_record() and not vault.info(VISIT["id"]).deleted
    pane.confirm = lambda text: True
    qtbot.mouseClick(pane.delete_button, Qt.LeftButton)
    assert asked and vault.info(VISIT["id"]).deleted and not vault.info(VISIT["id"]).conflict


def test_banner_on_a_record_in_conflict_leads_to_its_review(qtbot, window):
    window.open_record(FACILITY["id"])
    assert window.banner.isVisible()
    assert "2 versions from different devices" in window.banner_text.text()
    window.open_record(PERSON["id"])
    assert not window.banner.isVisible()
    window.open_record(INTERVIEW["id"])
    assert window.banner.isVisible() and "was refused and kept" in window.banner_text.text()
    window.open_record(FACILITY["id"])
    qtbot.mouseClick(window.banner.findChild(QPushButton, "conflict_review"), Qt.LeftButton)
    page = window.page
    assert isinstance(page, ConflictsPage) and page.review.review.record_id == FACILITY["id"]
    assert not window.banner.isVisible()
    window.back()
    assert window.banner.isVisible()
    window.clear()
    assert not window.banner.isVisible() and window.banner_text.text() == ""


def test_review_in_kazakh(qtbot, conflicts_path):
    vault = Vault.open(conflicts_path, PASSPHRASE, kdf=TEST_KDF)
    try:
        with ui_language("kk"):
            page = ConflictsPage(vault, "kk", FACILITY["id"])
            qtbot.addWidget(page)
            pane = page.review
            header = pane.table.horizontalHeaderItem(1).text()
            assert header.startswith("1-нұсқа") and "Resolve" not in pane.resolve_button.text()
            assert pane.table.item(row_of(pane, "capacity"), 0).text() != "Capacity"
            assert any(ch in pane.explain.text() for ch in "әғқңөұүі")
            window = MainWindow(vault, lang="kk")
            qtbot.addWidget(window)
            assert window.sync_menu.title() == "&Синхрондау"  # the whole Sync menu, translated
            texts = [a.text() for a in window.sync_menu.actions() if a.text()]
            assert "Қайшылықтарды қарау…" in texts and not any("bundle" in t or "Inbox" in t for t in texts)
    finally:
        vault.close()


def test_nothing_to_review(qtbot, tmp_path):
    vault = Vault.create(tmp_path / "empty.vault", PASSPHRASE, kdf=TEST_KDF)
    try:
        page = ConflictsPage(vault, "en")
        qtbot.addWidget(page)
        assert page.record_ids == [] and not page.empty.isHidden()
        assert not page.review.resolve_button.isEnabled() and not page.review.resolve()
    finally:
        vault.close()


def test_an_import_that_brings_conflicts_leads_to_the_review(qtbot, tmp_path):
    """A real bundle from the other device: the import summary offers the review, which opens in the window."""
    from monitor.core.sync import contacts, exchange
    from monitor.gui.dialogs.sync_dialogs import ImportDialog

    folder = tmp_path / "vaults"
    vault = Vault.open(make_conflicts(folder, exchange=False), PASSPHRASE, kdf=TEST_KDF)
    try:
        assert vault.conflicts() == []
        with Vault.open(folder / "monitor-b.vault", PASSPHRASE, kdf=TEST_KDF) as other:
            exchange.export_bundle(other, tmp_path / "b.monitor-bundle", to=[vault.identity.age_recipient])
            signer = contacts.own(other.identity, "monitor-b").fingerprint
        window = MainWindow(vault)
        qtbot.addWidget(window)
        importer = ImportDialog(vault, window, lang="en")
        qtbot.addWidget(importer)
        importer.confirm_signer = lambda fingerprint: fingerprint == signer
        importer.import_from(tmp_path / "b.monitor-bundle")
        qtbot.waitUntil(lambda: importer.result is not None, timeout=30_000)
        assert importer.result.conflicts >= 2 and importer.result.sealed_refused == 1
        assert not importer.review_button.isHidden()
        qtbot.mouseClick(importer.review_button, Qt.LeftButton)
        assert isinstance(window.page, ConflictsPage)
        assert set(window.page.record_ids) == {FACILITY["id"], INTERVIEW["id"], VISIT["id"]}
        importer.join_workers()
    finally:
        vault.close()


def test_a_version_that_deletes_the_record(qtbot, tmp_path):
    """One laptop deleted the visit while the other edited it: the deletion is a column of its own,
    with no fields to pick; keeping it deletes the record, keeping the edit restores it."""
    here = Vault.create(tmp_path / "here.vault", PASSPHRASE, kdf=TEST_KDF, profile="Координатор")
    there = Vault.create(tmp_path / "there.vault", PASSPHRASE, kdf=TEST_KDF, profile="monitor-b")
    try:
        meet(here, there)
        here.put_many([FACILITY, VISIT])
        there.insert_revisions(revisions_of(here, FACILITY["id"], VISIT["id"]))
        here.put({**VISIT, "population": {"total": 50}})
        there.delete(VISIT["id"])
        here.insert_revisions(revisions_of(there, VISIT["id"]))
        page = ConflictsPage(here, "en", VISIT["id"])
        qtbot.addWidget(page)
        pane = page.review
        gone = next(i for i, v in enumerate(pane.review.versions) if v.deleted)
        kept = 1 - gone
        assert "deletes the record" in pane.table.horizontalHeaderItem(gone + 1).text()
        assert pane.base == kept and not pane.pick("population", gone)
        assert "no fields" in pane.error.text()
        assert pane.findChild(QPushButton, f"keep_{gone + 1}").text() == f"Keep version {gone + 1}: delete"
        assert pane.resolve()
        assert here.get(VISIT["id"])["population"] == {"total": 50} and not here.info(VISIT["id"]).deleted
    finally:
        here.close()
        there.close()


def test_nested_partial_dates_read_as_the_locale_writes_them():
    """An allegation's date inside a case (a partial date, nested in a list) is a date to the review,
    not ISO text: the merged case's "Date: 2011-07-17" read as 17.07.2011 in ru/kk."""
    from monitor.core.model import schema
    from monitor.gui.labels import format_date
    from monitor.gui.pages.conflicts import _formats

    formats = _formats(schema.inlined("case"))
    assert formats.get("allegations.date") == "date", formats
    assert format_date("2011-07-17", "kk") == "17.07.2011"
    assert format_date("2011-07", "ru") == "07.2011"
