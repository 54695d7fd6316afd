"""The Sync menu's dialogs on real vaults: identity and contact file, adding a contact after the
fingerprint check, exporting a bundle and importing it (with an unknown signer trusted on purpose)."""

from __future__ import annotations

from conftest import PASSPHRASE, TEST_KDF_ITER, require_module
from records import new_person, uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402

from monitor.core.sync import contacts  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.main_window import MainWindow  # noqa: E402
from monitor.gui.dialogs.sync_dialogs import ContactsDialog, ExportDialog, IdentityDialog, ImportDialog  # noqa: E402


def test_identity_contacts_export_import(qtbot, tmp_path):
    monitor = Vault.create(tmp_path / "m.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Айгүл")
    coordinator = Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Координатор")
    try:
        monitor.put(new_person(uid(3), code="P-2026-0042", notes="Қамау кезінде"))
        # the coordinator's identity and contact file
        me = IdentityDialog(coordinator, lang="kk")
        qtbot.addWidget(me)
        assert me.fingerprint.text() == contacts.own(coordinator.identity, "x").fingerprint
        assert me.recipient.text().startswith("age1")
        me.save(tmp_path / "coord.contact")
        # the monitor adds it, but only once the fingerprint was confirmed
        book = ContactsDialog(monitor, lang="kk")
        qtbot.addWidget(book)
        assert not book.add_file(tmp_path / "coord.contact", confirm=lambda c: False)
        assert book.list.count() == 0
        assert book.add_file(tmp_path / "coord.contact", confirm=lambda c: c.fingerprint == me.fingerprint.text())
        assert book.list.count() == 1 and "Координатор" in book.list.item(0).text()
        # export to the checked contact, on a worker
        export = ExportDialog(monitor, lang="kk")
        qtbot.addWidget(export)
        export.recipients.item(0).setCheckState(Qt.Checked)
        out = tmp_path / "to-coordinator.monitor-bundle"
        export.export_to(out)
        qtbot.waitUntil(lambda: not export.busy, timeout=30_000)
        assert export.error is None and export.result.revisions == 1 and out.exists()
        # the coordinator imports: the signer is unknown, so it is asked first
        importer = ImportDialog(coordinator, lang="kk")
        qtbot.addWidget(importer)
        asked = []
        importer.confirm_signer = lambda fingerprint: asked.append(fingerprint) or True
        importer.import_from(out)
        qtbot.waitUntil(lambda: importer.result is not None, timeout=30_000)
        assert asked == [contacts.own(monitor.identity, "x").fingerprint]
        assert importer.result.new == 1
        assert coordinator.get(uid(3))["notes"] == "Қамау кезінде"
    finally:
        monitor.close()
        coordinator.close()


def test_the_sync_menu_opens_its_dialogs(qtbot, tmp_path):
    vault = Vault.create(tmp_path / "w.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    window = MainWindow(vault, lang="ru")
    qtbot.addWidget(window)
    try:
        for name, cls in (("identity", IdentityDialog), ("contacts", ContactsDialog), ("export", ExportDialog),
                          ("import", ImportDialog)):
            window.findChild(QAction, f"sync_{name}").trigger()
            dialog = window.findChild(cls, name)
            assert dialog is not None and dialog.isVisible()
            dialog.reject()
    finally:
        window.clear()
        vault.close()


def test_enter_never_trusts_and_the_coordinator_shows_as_coordinator(qtbot, tmp_path):
    """Issue 17 §3: the fingerprint questions default to No (Enter alone neither trusts a signer nor
    adds a contact), and a coordinator's contact file, made in the window, says coordinator."""
    from PySide6.QtWidgets import QMessageBox

    from monitor.gui.dialogs.trust import trust_question

    monitor = Vault.create(tmp_path / "m.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Айгүл")
    coordinator = Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Координатор")
    try:
        me = IdentityDialog(coordinator, lang="ru")
        qtbot.addWidget(me)
        assert me.role.currentData() == "monitor"
        me.role.setCurrentIndex(me.role.findData("coordinator"))
        me.save(tmp_path / "coord.contact")
        assert "role: coordinator" in (tmp_path / "coord.contact").read_text(encoding="utf-8")
        assert contacts.own_role(coordinator) == "coordinator"  # remembered for the next time
        book = ContactsDialog(monitor, lang="ru")
        qtbot.addWidget(book)
        contact = contacts.parse((tmp_path / "coord.contact").read_text(encoding="utf-8"))
        for box in (book.fingerprint_question(contact), trust_question(book, contact.fingerprint)):
            qtbot.addWidget(box)
            assert box.defaultButton() is box.button(QMessageBox.No)
            box.show()
            qtbot.waitExposed(box)
            qtbot.keyClick(box, Qt.Key_Return)
            assert box.clickedButton() is box.button(QMessageBox.No)
        assert book.add_file(tmp_path / "coord.contact", confirm=lambda c: True)
        assert book.list.item(0).text().startswith("Координатор (coordinator)")
    finally:
        monitor.close()
        coordinator.close()


def test_a_coordinator_revokes_a_laptop_from_the_contacts_dialog(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    monitor = Vault.create(tmp_path / "m.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Айгүл")
    coordinator = Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Координатор")
    try:
        contacts.trust(coordinator, contacts.own(monitor.identity, "Айгүл", "monitor", monitor.device_id))
        book = ContactsDialog(coordinator, lang="en")
        qtbot.addWidget(book)
        assert not book.revoke_button.isEnabled()  # only a coordinator's vault may revoke
        contacts.set_own_role(coordinator, "coordinator")
        book = ContactsDialog(coordinator, lang="en")
        qtbot.addWidget(book)
        assert book.revoke_button.isEnabled()
        aigul = book.contacts[0]
        box = book.revoke_question(aigul)
        qtbot.addWidget(box)
        assert box.defaultButton() is box.button(QMessageBox.No)
        assert not book.revoke_contact(aigul, confirm=lambda c: False) and not contacts.revoked(coordinator)
        assert book.revoke_contact(aigul, confirm=lambda c: True)
        assert monitor.identity.signing_public.hex() in contacts.revoked(coordinator)
        assert "revoked from " in book.list.item(0).text()
    finally:
        monitor.close()
        coordinator.close()
