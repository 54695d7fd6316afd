"""Sync by file in the window: my identity, trusted contacts, export and import of bundles.

The work is done by the same core calls as ``monitor contacts|export|import`` (monitor.core.sync),
on a worker thread with progress and Cancel. The worker uses the window's vault while holding the
vault's lock, as the report preview does. Fingerprints are shown in full, grouped, to compare aloud.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import Cancelled, MonitorError, UnknownSigner
from ...core.messages import localize
from ...core.store import me
from ...core.sync import contacts, exchange
from .. import worker as workers
from ..plain import plain
from .trust import ask_to_trust


def _plain(label: QLabel) -> QLabel:
    return plain(label, selectable=True)  # names and fingerprints come from outside: never rich text


def role_label(role: str) -> str:
    """A contact's role in the user's language (never the raw key)."""
    from PySide6.QtCore import QCoreApplication

    return {"monitor": QCoreApplication.translate("Contacts", "monitor"),
            "coordinator": QCoreApplication.translate("Contacts", "coordinator")}.get(role, role)


def _mono(label: QLabel) -> QLabel:
    label.setWordWrap(False)  # a fingerprint is read in one line of groups
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.Monospace)
    font.setPointSize(font.pointSize() + 2)
    label.setFont(font)
    return label


def _message(exc: BaseException, lang: str) -> str:
    if isinstance(exc, MonitorError):
        return localize(exc, lang)
    return f"{type(exc).__name__}: {exc}"


class IdentityDialog(QDialog):
    """This vault's public identity: the age recipient and the signing-key fingerprint, and a
    contact file to hand to a coordinator."""

    def __init__(self, vault, parent: QWidget | None = None, *, lang: str = "en"):
        super().__init__(parent)
        self.vault, self.lang = vault, lang
        self.setWindowTitle(self.tr("My identity"))
        identity = vault.identity
        self.contact = contacts.own(identity, me.read(vault).signature(), contacts.own_role(vault), vault.device_id)
        layout = QVBoxLayout(self)
        # the name the contact file carries (set in Settings › My name, role and organisation)
        layout.addWidget(_plain(QLabel(self.tr("My name in the contact file:"))))
        self.name = _plain(QLabel(self.contact.name, objectName="name"))
        layout.addWidget(self.name)
        # the role this vault's contact file gives (a coordinator's must say coordinator)
        self.role = QComboBox(objectName="role")
        for role in contacts.ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(contacts.ROLES.index(self.contact.role))
        self.role.currentIndexChanged.connect(self._role_changed)
        layout.addWidget(_plain(QLabel(self.tr("My role:"))))
        layout.addWidget(self.role)
        layout.addWidget(_plain(QLabel(self.tr("Read this fingerprint aloud to whoever adds you as a contact, "
                                               "and compare it with the one they see."))))
        self.fingerprint = _mono(_plain(QLabel(self.contact.fingerprint, objectName="fingerprint")))
        layout.addWidget(self.fingerprint)
        layout.addWidget(_plain(QLabel(self.tr("Age recipient (others encrypt bundles to it):"))))
        self.recipient = _plain(QLabel(identity.age_recipient, objectName="recipient"))
        layout.addWidget(self.recipient)
        self.save_button = QPushButton(self.tr("Save contact file…"), objectName="save_contact")
        self.save_button.clicked.connect(self._ask_save)
        self.status = _plain(QLabel(""))
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _role_changed(self, index: int) -> None:
        role = self.role.itemData(index)
        contacts.set_own_role(self.vault, role)
        self.contact = contacts.own(self.vault.identity, me.read(self.vault).signature(), role, self.vault.device_id)

    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save contact file"), f"{me.read(self.vault).name.replace('/', '-')}.contact")
        if name:
            self.save(Path(name))

    def save(self, path: Path) -> None:
        from ...core.fs import atomic_writer

        with atomic_writer(path) as out:
            out.write(self.contact.to_text().encode("utf-8"))
        self.status.setText(self.tr("Saved {path}").format(path=path))


class ContactsDialog(QDialog):
    """Trusted contacts; add one from a contact file after comparing its fingerprint."""

    def __init__(self, vault, parent: QWidget | None = None, *, lang: str = "en"):
        super().__init__(parent)
        self.vault, self.lang = vault, lang
        self.setWindowTitle(self.tr("Trusted contacts"))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        self.list = QListWidget(objectName="contacts")
        layout.addWidget(self.list)
        self.add_button = QPushButton(self.tr("Add from a contact file…"), objectName="add_contact")
        self.add_button.clicked.connect(self._ask_add)
        layout.addWidget(self.add_button)
        # a coordinator revokes a lost or seized laptop (issue 17): a signed record every bundle carries
        self.revoke_button = QPushButton(self.tr("Revoke the selected laptop…"), objectName="revoke_contact")
        self.revoke_button.setEnabled(contacts.own_role(vault) == "coordinator")
        self.revoke_button.clicked.connect(self._ask_revoke)
        layout.addWidget(self.revoke_button)
        self.status = _plain(QLabel(""))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self.contacts = contacts.known(self.vault)
        revoked = contacts.revoked(self.vault)
        for contact in self.contacts:
            text = f"{contact.name} ({role_label(contact.role)})   {contact.fingerprint}"
            if contact.signing_key in revoked:
                text += "   " + self.tr("revoked from {date}").format(date=revoked[contact.signing_key][:10])
            self.list.addItem(QListWidgetItem(text))

    def revoke_question(self, contact: contacts.Contact) -> QMessageBox:
        """Revoking is for a lost or seized laptop: asked with No as the default."""
        box = QMessageBox(QMessageBox.Warning, self.tr("Revoke a laptop"),
                          self.tr("Revoke {name} ({fingerprint})?\n\nFrom now on its revisions and bundles are "
                                  "refused here, and by every vault that receives this vault's bundles.").format(
                              name=contact.name, fingerprint=contact.fingerprint),
                          QMessageBox.Yes | QMessageBox.No, self)
        box.setTextFormat(Qt.PlainText)
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        return box

    def _ask_revoke(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.contacts):
            self.revoke_contact(self.contacts[row],
                                confirm=lambda c: self.revoke_question(c).exec() == QMessageBox.Yes)

    def revoke_contact(self, contact: contacts.Contact, *, confirm) -> bool:
        if not confirm(contact):
            return False
        try:
            contacts.revoke(self.vault, contact.fingerprint)
        except MonitorError as exc:
            self.status.setText(_message(exc, self.lang))
            return False
        self.reload()
        self.status.setText(self.tr("Revoked {name}.").format(name=contact.name))
        return True

    def _ask_add(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Add a contact"))
        if name:
            self.add_file(Path(name), confirm=self._confirm)

    def fingerprint_question(self, contact: contacts.Contact) -> QMessageBox:
        """"Compare the fingerprint": No is the default and the Escape button, so Enter alone never
        adds a contact."""
        box = QMessageBox(QMessageBox.Question, self.tr("Compare the fingerprint"),
                          self.tr("{name} ({role})\n\n{fingerprint}\n\nDoes the owner read you exactly this "
                                  "fingerprint? Add the contact only if they do.").format(
                              name=contact.name, role=role_label(contact.role), fingerprint=contact.fingerprint),
                          QMessageBox.Yes | QMessageBox.No, self)
        box.setTextFormat(Qt.PlainText)
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        return box

    def _confirm(self, contact: contacts.Contact) -> bool:
        return self.fingerprint_question(contact).exec() == QMessageBox.Yes

    def add_file(self, path: Path, *, confirm) -> bool:
        try:
            contact = contacts.parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            self.status.setText(str(exc))
            return False
        except MonitorError as exc:
            self.status.setText(_message(exc, self.lang))
            return False
        if not confirm(contact):
            self.status.setText(self.tr("Not added."))
            return False
        contacts.trust(self.vault, contact)
        self.reload()
        self.status.setText(self.tr("Added {name}.").format(name=contact.name))
        return True


class _Job(QDialog):
    """A core call on a worker thread, with progress and Cancel."""

    def __init__(self, parent: QWidget | None, title: str, *, lang: str):
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(title)
        self.resize(560, 220)
        self.layout_ = QVBoxLayout(self)
        self.progress = QProgressBar()
        self.status = _plain(QLabel(""))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self._worker = self._thread = None
        self.result = None
        self.error: BaseException | None = None

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.cancel_button)

    def run(self, func, *args, **kwargs) -> None:
        vault = self.vault

        def job(*a, progress=None, cancel=None, **k):
            with vault.hold():
                return func(vault, *a, progress=progress, cancel=cancel, **k)

        self.result, self.error = None, None
        self._worker = workers.Worker(job, *args, **kwargs)
        self._worker.progress.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Working…"))
        self._thread = workers.start(self._worker, self)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def join_workers(self) -> None:
        if self._thread is not None:
            self._thread.wait()
        self._worker = self._thread = None
        self.cancel_button.setEnabled(False)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _on_done(self, result) -> None:
        self.join_workers()
        self.result = result
        self.done_text(result)

    def _on_failed(self, exc) -> None:
        self.join_workers()
        self.error = exc
        self.status.setText(self.tr("Cancelled; nothing was changed.") if isinstance(exc, Cancelled)
                            else _message(exc, self.lang))

    def done_text(self, result) -> None:  # pragma: no cover - overridden
        pass

    def reject(self) -> None:
        self.cancel()
        self.join_workers()
        super().reject()


class ExportDialog(_Job):
    """Write a bundle for chosen contacts: everything, or only what changed since the last export."""

    def __init__(self, vault, parent: QWidget | None = None, *, lang: str = "en"):
        super().__init__(parent, self.tr("Export a bundle"), lang=lang)
        self.vault = vault
        self.layout_.addWidget(_plain(QLabel(self.tr("Encrypt for:"))))
        self.recipients = QListWidget(objectName="recipients")
        for contact in contacts.known(vault):
            item = QListWidgetItem(f"{contact.name} ({role_label(contact.role)})   {contact.fingerprint}")
            item.setData(Qt.UserRole, contact.fingerprint)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if contact.role == "coordinator" else Qt.Unchecked)
            self.recipients.addItem(item)
        self.layout_.addWidget(self.recipients)
        self.since_last = QCheckBox(self.tr("Only what changed since the last export to them"), objectName="since_last")
        self.since_last.setChecked(True)
        self.layout_.addWidget(self.since_last)
        self.export_button = QPushButton(self.tr("Export…"), objectName="export")
        self.export_button.clicked.connect(self._ask_export)
        self.layout_.addWidget(self.export_button)
        self.finish_layout()

    def chosen(self) -> list[str]:
        keys = []
        for i in range(self.recipients.count()):
            item = self.recipients.item(i)
            if item.checkState() == Qt.Checked:
                keys.append(item.data(Qt.UserRole))
        return keys

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the bundle"), "monitor.monitor-bundle")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        to = self.chosen()
        if not to:
            self.status.setText(self.tr("Choose at least one contact."))
            return
        self.run(exchange.export_bundle, path, to=to, since_last=self.since_last.isChecked())

    def done_text(self, report) -> None:
        self.status.setText(self.tr("Wrote {path}: {revisions} revisions, {attachments} attachments.").format(
            path=report.path, revisions=report.revisions, attachments=report.attachments))


class ImportDialog(_Job):
    """Merge a bundle; an unknown signer is shown with its fingerprint and trusted only on purpose."""

    def __init__(self, vault, parent: QWidget | None = None, *, lang: str = "en"):
        super().__init__(parent, self.tr("Import a bundle"), lang=lang)
        self.vault = vault
        self.path: Path | None = None
        self.choose_button = QPushButton(self.tr("Choose a bundle…"), objectName="choose")
        self.choose_button.clicked.connect(self._ask_import)
        self.layout_.addWidget(self.choose_button)
        # After an import that brought conflicts: straight to their review in the window.
        self.review_button = QPushButton(self.tr("Review conflicts…"), objectName="review_conflicts")
        self.review_button.clicked.connect(self._review)
        self.review_button.hide()
        self.layout_.addWidget(self.review_button)
        self.finish_layout()

    def _review(self) -> None:
        window = self.parent()
        if window is not None and hasattr(window, "review_conflicts"):
            window.review_conflicts()
        self.close()

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a bundle"))
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path, *, trust: list[str] = ()) -> None:
        self.path = path
        self.run(exchange.import_bundle, path, trust=list(trust))

    def _on_failed(self, exc) -> None:
        super()._on_failed(exc)
        if isinstance(exc, UnknownSigner) and self.path is not None and self.confirm_signer(exc.fingerprint):
            self.import_from(self.path, trust=[exc.fingerprint])

    def confirm_signer(self, fingerprint: str) -> bool:
        return ask_to_trust(self, fingerprint)

    def done_text(self, report) -> None:
        changed = getattr(self.parent(), "vault_changed", None)
        if changed is not None and not report.replay:
            changed()  # the window's list and status bar show what came in
        if report.replay:
            self.status.setText(self.tr("This bundle was imported before; nothing changed."))
            return
        self.status.setText(self.tr("{new} new, {updated} updated, {conflicts} conflicts, {sealed} sealed edits "
                                    "refused, {skipped} skipped, {attachments} attachments added.").format(
            new=report.new, updated=report.updated, conflicts=report.conflicts, sealed=report.sealed_refused,
            skipped=report.skipped, attachments=report.attachments_added))
        self.review_button.setVisible(bool(report.conflicts or report.sealed_refused)
                                      and hasattr(self.parent(), "review_conflicts"))


def install(window) -> None:
    """Add the Sync menu to the main window."""
    # QCoreApplication.translate with a fixed context: window.tr() here would be looked up under
    # "MainWindow" at run time but catalogued by lupdate under "window", so it was never translated.
    menu = window.menuBar().addMenu(QCoreApplication.translate("SyncMenu", "&Sync"))

    def opener(cls, name):
        def open_dialog(_checked=False):
            if window.vault is None:
                return
            dialog = cls(window.vault, window, lang=window.lang)
            dialog.setObjectName(name)
            dialog.setAttribute(Qt.WA_DeleteOnClose)
            dialog.show()
            return dialog
        return open_dialog

    for text, cls, name in ((QCoreApplication.translate("SyncMenu", "My identity…"), IdentityDialog, "identity"),
                            (QCoreApplication.translate("SyncMenu", "Trusted contacts…"), ContactsDialog, "contacts"),
                            (QCoreApplication.translate("SyncMenu", "Export a bundle…"), ExportDialog, "export"),
                            (QCoreApplication.translate("SyncMenu", "Import a bundle…"), ImportDialog, "import")):
        action = menu.addAction(text)
        action.setObjectName(f"sync_{name}")
        action.triggered.connect(opener(cls, name))
    from . import inbox

    inbox.install(window, menu)
    window.sync_menu = menu
