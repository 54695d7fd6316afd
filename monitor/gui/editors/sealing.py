"""What the sealable editors (interview, examination) share: drafts kept in the vault, Save,
Seal with a plain warning, and the addenda listed under a sealed record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.store import drafts
from ...core.model import titles
from ...core.errors import MonitorError, VaultBusy
from ..labels import format_datetime

DRAFT_DELAY_MS = 3000  # a draft is written at most this long after the last keystroke


class DraftKeeper(QWidget):
    """Writes ``snapshot()`` into the vault as a draft a few seconds after each change."""

    def __init__(self, vault, record_id: str, snapshot, parent=None, record_type: str | None = None):
        super().__init__(parent)
        self.vault, self.record_id, self.snapshot = vault, record_id, snapshot
        self.record_type = record_type
        self.timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.dirty = False

    def touched(self) -> None:
        self.dirty = True
        if not self.timer.isActive():
            self.timer.start()

    def flush(self) -> bool:
        """Write the draft now (on lock, on close). True if one was written."""
        self.timer.stop()
        if not self.dirty or not self.vault.is_open:
            return False
        try:
            drafts.save(self.vault, self.record_id, self.snapshot(), self.record_type)
        except VaultBusy:  # an import or export holds the vault: the typing stays here, tried again soon
            self.timer.start()
            return False
        self.dirty = False
        return True

    def discard(self) -> None:
        self.timer.stop()
        self.dirty = False
        if self.vault.is_open:
            drafts.discard(self.vault, self.record_id)

    def restore(self) -> dict | None:
        return drafts.load(self.vault, self.record_id)

    def pending(self) -> bool:
        """Unsaved changes: typed since the last draft was written, or a draft kept in the vault."""
        if self.dirty:
            return True
        return self.vault.is_open and drafts.load(self.vault, self.record_id) is not None


class KeepsDraft:
    """What a sealable editor (interview, examination) does with its draft when the window leaves it,
    locks or asks: it needs ``self.drafts`` (a :class:`DraftKeeper`) and ``self.is_sealed``."""

    def has_unsaved_changes(self) -> bool:
        return not self.is_sealed and self.drafts.pending()

    def discard_changes(self) -> None:
        """Forget the unsaved changes (the user chose Discard when leaving)."""
        self.drafts.discard()

    def flush_draft(self) -> None:
        """Keep unsaved typing in the vault now (before a lock or when the editor closes)."""
        if not self.is_sealed:
            self.drafts.flush()


def editor_title(editor, record_type: str, sealed_note: str) -> str:
    """The heading of a sealable editor: the record's label (or its type while new), and when sealed,
    ``sealed_note`` (the editor's own translation of "sealed {time}: addenda only") with the time."""
    from ..labels import info_label

    name = titles.type_title(record_type, editor.lang)
    if not editor.is_new:
        try:
            name = info_label(editor.vault, editor.vault.info(editor.record_id), editor.lang)
        except MonitorError:
            pass
    if editor.is_sealed:
        name += "  —  " + sealed_note.format(time=format_datetime(editor.record.get("sealed_at", ""), editor.lang))
    return name


def seal_steps(editor, record_type: str, confirmed: bool | None) -> bool:
    """What sealing an interview or an examination shares: save, warn that sealing is final (unless
    ``confirmed`` says already), seal, and read the sealed record back into ``editor.record``. The
    editor then refreshes its own view. Errors go to ``editor.show_errors``, in the user's language."""
    if editor.is_sealed or not editor.save():
        return False
    if confirmed is None:
        confirmed = confirm_seal(editor, titles.type_title(record_type, editor.lang).lower())
    if not confirmed:
        return False
    try:
        editor.vault.seal(editor.record_id)
    except MonitorError as exc:
        from .saving import show_error

        show_error(editor, exc)
        return False
    editor.record = editor.vault.get(editor.record_id)
    return True


def confirm_seal(parent, what: str) -> bool:
    """The plain warning before sealing; True if the user chose to seal."""
    text = QCoreApplication.translate(
        "Sealing", "Once sealed, this {what} can never be changed again, by anyone. Later corrections can only "
        "be added as addenda, which are kept beside it.\n\nSeal it now?").format(what=what)
    box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("Sealing", "Seal — this is final"), text,
                      QMessageBox.Cancel, parent)
    box.setObjectName("confirm_seal")
    seal = box.addButton(QCoreApplication.translate("Sealing", "Seal"), QMessageBox.DestructiveRole)
    box.setDefaultButton(QMessageBox.Cancel)
    box.setTextFormat(Qt.PlainText)
    box.exec()
    return box.clickedButton() is seal


class AddendaPanel(QGroupBox):
    """The addenda of a record, oldest first, and a box to add one (once the record is sealed)."""

    added = Signal(dict)

    def __init__(self, vault, record_id: str, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Addenda"))
        self.setObjectName("addenda")
        self.vault, self.record_id, self.lang = vault, record_id, lang
        self.list = QListWidget(objectName="addenda_list")
        self.list.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="addendum_text")
        self.text.setPlaceholderText(self.tr("A correction or later information; the sealed text stays as it was."))
        self.text.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("Add addendum"), objectName="add_addendum")
        self.add_button.clicked.connect(self.add)
        self.error = QLabel(textFormat=Qt.PlainText, wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.add_button, 0, Qt.AlignBottom)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.refresh()

    def addenda(self) -> list[dict]:
        ids = [rid for rid, field in self.vault.referencing(self.record_id) if field == "target_id"]
        out = []
        for rid in ids:
            try:
                body = self.vault.get(rid)
            except MonitorError:
                continue
            if body["type"] == "addendum":
                out.append(body)
        return sorted(out, key=lambda b: (b["date"], b["id"]))

    def refresh(self) -> None:
        self.list.clear()
        for body in self.addenda():
            item = QListWidgetItem(f"{format_datetime(body['date'], self.lang)} — {body['author']}\n{body['text']}")
            self.list.addItem(item)

    def add(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self.error.setText(self.tr("Write the addendum first."))
            return
        try:
            record = self.vault.add_addendum(self.record_id, text)
        except MonitorError as exc:
            self.error.setText(exc.localized(self.lang))
            return
        self.error.clear()
        self.text.clear()
        self.refresh()
        self.added.emit(record)
