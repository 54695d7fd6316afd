"""The inbox folder in the window: set it, bundles that arrive are merged on a worker, an unknown
signer waits until its fingerprint is confirmed, the folder is never written to, locking stops it."""

from __future__ import annotations

import os
import time

from conftest import PASSPHRASE, TEST_KDF_ITER, require_module
from records import new_person, uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtGui import QAction  # noqa: E402

from monitor.core.sync import contacts, exchange, inbox  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.dialogs.inbox import InboxDialog  # noqa: E402
from monitor.gui.main_window import MainWindow  # noqa: E402


def _age(path, seconds=60):
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_window_merges_what_arrives_in_its_inbox(qtbot, tmp_path):
    monitor = Vault.create(tmp_path / "m.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Айгүл")
    stranger = Vault.create(tmp_path / "s.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Бейтаныс")
    coordinator = Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Координатор")
    folder = tmp_path / "Кіріс"
    folder.mkdir()
    with coordinator.writing() as conn:
        contacts.add(conn, contacts.own(monitor.identity, "Айгүл", "monitor"))
    monitor.put(new_person(uid(3), code="P-2026-0042", notes="Қамау кезінде"))
    stranger.put(new_person(uid(4), code="P-2026-0043"))
    window = MainWindow(coordinator, lang="kk")
    qtbot.addWidget(window)
    try:
        window.findChild(QAction, "sync_inbox").trigger()
        dialog = window.findChild(InboxDialog, "inbox")
        assert dialog is not None and dialog.isVisible()
        assert not dialog.check_button.isEnabled()
        dialog._apply(tmp_path / "missing")
        assert dialog.status.text() and inbox.folder(coordinator.conn) is None  # one line, nothing stored
        dialog._apply(folder)
        assert inbox.folder(coordinator.conn) == folder and str(folder) in dialog.folder_label.text()
        # two bundles arrive: one from a trusted monitor, one from a stranger
        exchange.export_bundle(monitor, folder / "aigul.monitor-bundle", to=[coordinator.identity.age_recipient])
        exchange.export_bundle(stranger, folder / "stranger.monitor-bundle", to=[coordinator.identity.age_recipient])
        for entry in folder.iterdir():
            _age(entry)
        listing = sorted((p.name, p.read_bytes()) for p in folder.iterdir())
        window.inbox.check()
        qtbot.waitUntil(lambda: not window.inbox.busy and dialog.table.rowCount() == 2, timeout=30_000)
        assert coordinator.get(uid(3))["notes"] == "Қамау кезінде"
        rows = {dialog.table.item(r, 1).text(): dialog.table.item(r, 2).text() for r in range(2)}
        assert rows["aigul.monitor-bundle"] == dialog.status_text(inbox.IMPORTED)
        assert rows["stranger.monitor-bundle"] == dialog.status_text(inbox.UNKNOWN_SIGNER)
        assert "1" in window.status.text()  # "Inbox: 1 merged, 1 waiting …"
        # the stranger is trusted only after its fingerprint is confirmed
        stranger_row = next(r for r in range(2) if dialog.table.item(r, 1).text() == "stranger.monitor-bundle")
        dialog.table.selectRow(stranger_row)
        assert dialog.trust_button.isEnabled()
        fingerprint = contacts.own(stranger.identity, "x").fingerprint
        assert dialog.table.item(stranger_row, 3).text() == fingerprint
        asked = []
        dialog.confirm_signer = lambda fp: asked.append(fp) or False
        dialog._trust()
        assert asked == [fingerprint] and not window.inbox.busy
        dialog.confirm_signer = lambda fp: True
        dialog._trust()
        qtbot.waitUntil(lambda: not window.inbox.busy and dialog.table.rowCount() == 3, timeout=30_000)
        assert coordinator.get(uid(4))["code"] == "P-2026-0043"
        assert dialog.table.item(0, 2).text() == dialog.status_text(inbox.IMPORTED)  # newest first
        assert sorted((p.name, p.read_bytes()) for p in folder.iterdir()) == listing  # nothing written there
        # a file that arrives is noticed by the watcher (or the poll) without a click
        monitor.put(new_person(uid(5), code="P-2026-0044"))
        exchange.export_bundle(monitor, tmp_path / "later.monitor-bundle", to=[coordinator.identity.age_recipient],
                               since_last=True)
        _age(tmp_path / "later.monitor-bundle")
        os.replace(tmp_path / "later.monitor-bundle", folder / "later.monitor-bundle")
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=20_000)
        assert coordinator.get(uid(5))["code"] == "P-2026-0044"
    finally:
        window.clear()  # as a lock does: the watch stops and the list of files is forgotten
        assert window.inbox.folder is None and window.inbox.log == [] and not window.inbox.busy
        monitor.close()
        stranger.close()
        coordinator.close()


def test_hostile_file_names_are_shown_literally(qtbot, tmp_path):
    from PySide6.QtGui import QTextDocument

    coordinator = Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Координатор")
    folder = tmp_path / "inbox"
    folder.mkdir()
    hostile = "<img src=x><b>Ғалия<i>.monitor-bundle"  # a file name cannot hold a slash
    (folder / hostile).write_bytes(b"not an age file at all")
    _age(folder / hostile)
    window = MainWindow(coordinator, lang="kk")
    qtbot.addWidget(window)
    try:
        window.inbox.set_folder(folder)
        dialog = InboxDialog(window.inbox, window)
        qtbot.addWidget(dialog)
        window.inbox.check()
        qtbot.waitUntil(lambda: not window.inbox.busy and dialog.table.rowCount() == 1, timeout=30_000)
        name, details = dialog.table.item(0, 1), dialog.table.item(0, 3)
        assert name.text() == hostile  # an item's text is plain
        for item in (name, details):
            rendered = QTextDocument()
            rendered.setHtml(item.toolTip())  # how Qt shows a tool tip it takes for rich text
            assert rendered.toPlainText() == item.text() and "<b>" in rendered.toPlainText()
    finally:
        window.clear()
        coordinator.close()
