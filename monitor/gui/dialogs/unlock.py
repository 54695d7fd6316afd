"""The first screen: unlock a vault, or create one (empty, or filled with demo data).

Slow work (key derivation, demo data) runs on a worker thread. Cancel works in every state:
creating stops the worker cooperatively (the half-made file is destroyed by the core);
unlocking returns control at once and the abandoned worker's vault, if it still opens, is closed
as soon as it arrives. Esc while busy means Cancel, never "close the dialog under a worker".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core import messages
from ...core.errors import Cancelled, MonitorError
from .. import worker as workers
from ..plain import plain

if TYPE_CHECKING:  # the vault module (and jsonschema behind it) loads on the worker, after the window shows
    from ...core.store.vault import Vault


def _warm_up() -> None:
    """Load what the first search needs (the stemmers and the Kazakh verb pattern, about 60 ms of
    imports and regex compiling) here on the worker, not on the UI thread at the first search."""
    from ...core.search.stemming import stems

    stems("алды")  # Cyrillic without a Kazakh letter: both the Russian stemmer and the verb pattern


def _plain(label: QLabel) -> QLabel:
    plain(label)  # paths and messages are never interpreted as markup
    label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
    return label


class UnlockDialog(QDialog):
    """Emits ``unlocked(vault)`` once a vault is open.

    ``claim(path)`` (optional) reserves a vault for this process and returns None, or a message
    saying why it cannot be opened here (another Monitor has it open). ``recent`` are paths
    offered in the vault chooser; ``reason`` says why the vault was locked, if it was locked for
    the user rather than by them.
    """

    unlocked = Signal(object)
    path_changed = Signal(object)

    def __init__(self, path: Path, *, kdf=None, kdf_iter: int | None = None, parent=None, lang: str = "en",
                 claim: Callable[[Path], str | None] | None = None, recent: list[str] | None = None,
                 reason: str = ""):
        super().__init__(parent)
        self.path = Path(path)
        self.kdf_iter = kdf_iter  # tests only: PBKDF2 count of vaults from before key files
        self.kdf = kdf  # tests only: a low Argon2id cost (monitor.core.keys.keyslot.KdfCost) for new key files
        self.lang = lang
        self.claim = claim
        self.vault: "Vault | None" = None
        self._current: workers.Worker | None = None  # the job whose result we still want
        self._kind = ""
        self._jobs: dict[workers.Worker, object] = {}  # every worker not yet finished → its thread
        self._refused = False
        self._task_done = None
        self.setWindowTitle(self.tr("Monitor — unlock"))
        self.setMinimumWidth(520)

        self.reason = _plain(QLabel(reason, objectName="reason"))
        self.reason.setStyleSheet("font-weight: bold")
        self.reason.setVisible(bool(reason))
        self.intro = _plain(QLabel(objectName="intro"))
        self.chooser = QComboBox(objectName="recent")
        self.chooser.setMinimumContentsLength(30)
        self.browse_button = QPushButton(self.tr("Open another vault file…"), objectName="browse")
        self.browse_button.setAutoDefault(False)  # Enter never opens a file dialog: it unlocks or creates
        self.passphrase = QLineEdit(echoMode=QLineEdit.Password, objectName="passphrase")
        self.confirm = QLineEdit(echoMode=QLineEdit.Password, objectName="confirm")
        self.show_box = QCheckBox(self.tr("Show passphrase"), objectName="show")
        # first run: who signs the work (issue 19 §3); optional, kept in the vault, changed in Settings
        self.me_name = QLineEdit(objectName="me_name", maxLength=60)
        self.me_name.setPlaceholderText(self.tr("optional; it signs your work"))
        self.me_role = QLineEdit(objectName="me_role", maxLength=40)
        self.me_role.setPlaceholderText(self.tr("e.g. doctor, lawyer"))
        self.me_organisation = QLineEdit(objectName="me_organisation", maxLength=80)
        self.hint = _plain(QLabel(objectName="hint"))
        self.error = _plain(QLabel(objectName="error"))
        self.error.setStyleSheet("color: #b00020")
        self.progress = QProgressBar(visible=False)
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="unlock", default=True)
        self.create_button = QPushButton(self.tr("Create empty vault"), objectName="create")
        self.demo_button = QPushButton(self.tr("Create demo vault"), objectName="demo")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel", visible=False)

        vault_row = QHBoxLayout()
        vault_row.addWidget(self.chooser, 1)
        vault_row.addWidget(self.browse_button)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.form.addRow(self.tr("Vault"), vault_row)
        self.form.addRow(self.tr("Passphrase"), self.passphrase)
        self.form.addRow(self.tr("Again"), self.confirm)
        self.form.addRow("", self.show_box)
        self.form.addRow(self.tr("Your name"), self.me_name)
        self.form.addRow(self.tr("Your role"), self.me_role)
        self.form.addRow(self.tr("Organisation"), self.me_organisation)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)  # wrapped text never gets clipped
        layout.addWidget(self.reason)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.unlock_button, self.create_button, self.demo_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.passphrase.returnPressed.connect(self._on_return)
        self.confirm.returnPressed.connect(self._on_return)
        self.passphrase.textChanged.connect(self._update_hint)
        self._input_error = ""  # "empty", "weak" or "differ": an error about what is typed, rechecked as it changes
        self.passphrase.textChanged.connect(self._recheck_input)
        self.confirm.textChanged.connect(self._recheck_input)
        self.show_box.toggled.connect(self._show_passphrase)
        self.unlock_button.clicked.connect(self.unlock)
        self.create_button.clicked.connect(lambda: self.create(demo=False))
        self.demo_button.clicked.connect(lambda: self.create(demo=True))
        self.cancel_button.clicked.connect(self._cancel)
        self.browse_button.clicked.connect(self._browse)
        self._fill_chooser(recent or [])
        self.chooser.activated.connect(lambda i: self.set_path(Path(self.chooser.itemData(i))))
        self.set_path(self.path)
        # The passphrase comes first: typing, Tab, typing again, Enter unlocks or creates.
        order = [self.passphrase, self.confirm, self.show_box, self.unlock_button, self.create_button,
                 self.demo_button, self.cancel_button, self.chooser, self.browse_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self.passphrase.setFocus(Qt.OtherFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.passphrase.isEnabled():
            self.passphrase.setFocus(Qt.ActiveWindowFocusReason)

    # --- which vault ----------------------------------------------------------------------------

    def _fill_chooser(self, recent: list[str]) -> None:
        paths = [str(self.path)] + [p for p in recent if p != str(self.path)]
        self.chooser.clear()
        for p in paths:
            self.chooser.addItem(p, p)
            self.chooser.setItemData(self.chooser.count() - 1, p, Qt.ToolTipRole)

    def set_path(self, path: Path) -> None:
        """Show the unlock form for an existing vault, or the create form for a new file."""
        self.path = Path(path)
        index = self.chooser.findData(str(self.path))
        if index < 0:
            self.chooser.insertItem(0, str(self.path), str(self.path))
            index = 0
        self.chooser.setCurrentIndex(index)
        self._show_error("")
        exists = self.path.exists()
        creating = not exists
        self.form.setRowVisible(self.confirm, creating)
        for field in (self.me_name, self.me_role, self.me_organisation):
            self.form.setRowVisible(field, creating)
        self.unlock_button.setVisible(exists)
        self.create_button.setVisible(creating)
        self.demo_button.setVisible(creating)
        if exists:
            self.intro.setText(self.tr("Type the passphrase of this vault."))
        else:
            self.intro.setText(self.tr(
                "There is no vault at this path yet. Choose a passphrase of four or more unrelated words; "
                "it cannot be recovered if lost."))
        self._update_hint(self.passphrase.text())
        refusal = self.claim(self.path) if self.claim is not None else None
        self._refused = refusal is not None
        if refusal:
            self._show_error(refusal)
        self._busy(False)
        self.path_changed.emit(self.path)
        self.adjustSize()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open a vault file"), str(self.path.parent),
                                                self.tr("Monitor vaults (*.vault);;All files (*)"))
        if chosen:
            self.set_path(Path(chosen))

    # --- actions ---------------------------------------------------------------------------------

    def _on_return(self) -> None:
        if self._current is not None or self._refused:
            return
        if self.path.exists():
            self.unlock()
        elif self.sender() is self.confirm or self.confirm.text():
            self.create(demo=False)
        else:
            self.confirm.setFocus()

    def unlock(self) -> None:
        if self._refused:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._show_error(self.tr("Type the passphrase first."), "empty")
            self._focus_passphrase()
            return
        path, kdf, cost = self.path, self.kdf_iter, self.kdf

        def open_vault(progress, cancel):
            from ...core.store.vault import Vault

            vault = Vault.open(path, passphrase, kdf=cost, kdf_iter=kdf, progress=progress)
            if cancel.is_set():
                vault.close()
                raise Cancelled()
            _warm_up()
            return vault

        self._run(open_vault, self.tr("Unlocking…"), "unlock")

    def create(self, *, demo: bool) -> None:
        if self._refused:
            return
        from ...core.keys.passphrase import weakness

        passphrase = self.passphrase.text()
        reason = weakness(passphrase)
        if reason:
            self._show_error(messages.localize(reason, self.lang), "weak")
            self._focus_passphrase()
            return
        if passphrase != self.confirm.text():
            self._show_error(self.tr("The two passphrases differ."), "differ")
            self.confirm.setFocus()
            self.confirm.selectAll()
            return
        path, kdf, cost = self.path, self.kdf_iter, self.kdf
        person = None
        if any(f.text().strip() for f in (self.me_name, self.me_role, self.me_organisation)):
            from ...core.store import me

            try:  # checked before the vault exists, so a refusal leaves nothing behind
                person = me.check(self.me_name.text() or me.DEFAULT_NAME, self.me_role.text(),
                                  self.me_organisation.text())
            except MonitorError as exc:
                self._show_error(exc.localized(self.lang))
                self.me_name.setFocus()
                return

        def make(progress, cancel):
            from ...core.store.vault import Vault

            _warm_up()
            if demo:
                from ...core.demo.create import create_demo_vault

                create_demo_vault(path, passphrase, cases=50, seed=1, kdf=cost, kdf_iter=kdf, progress=progress,
                                  cancel=cancel)
                if cancel.is_set():  # finished just as the user cancelled: they asked for no vault
                    from ...core.keys.wipe import wipe_files

                    wipe_files(path)
                    raise Cancelled()
                vault = Vault.open(path, passphrase, kdf=cost, kdf_iter=kdf)
                if person is not None:  # the demo's work is signed "demo"; what follows, by the person
                    from ...core.store import me

                    try:
                        me.write(vault, person.name, person.role, person.organisation)
                    except BaseException:
                        vault.close()
                        raise
                return vault
            if person is None:
                return Vault.create(path, passphrase, kdf=cost, kdf_iter=kdf)
            from ...core.store import me

            # the name is the profile; role and organisation are written before the vault is put in place
            return Vault.create(path, passphrase, kdf=cost, kdf_iter=kdf, profile=person.name,
                                populate=lambda vault: me.write(vault, person.name, person.role, person.organisation))

        self._run(make, self.tr("Creating the demo vault…") if demo else self.tr("Creating the vault…"),
                  "demo" if demo else "create")

    def run_task(self, func, label: str, on_done: Callable[[BaseException | None], None]) -> None:
        """Run ``func(progress, cancel)`` (e.g. the rest of a wipe) with this dialog busy; not cancellable."""
        self._task_done = on_done
        self._run(func, label, "task")
        self.cancel_button.setVisible(False)

    def _run(self, func, label: str, kind: str) -> None:
        self._show_error("")
        self._busy(True, label)
        worker = workers.Worker(func)
        worker.progress.connect(self._on_progress)
        worker.outcome.connect(self._on_outcome)
        self._current, self._kind = worker, kind
        self._jobs[worker] = workers.start(worker, self)

    @property
    def busy(self) -> bool:
        return self._current is not None

    @property
    def kind(self) -> str:
        """What the running job is: "unlock", "create" or "demo"."""
        return self._kind if self._current is not None else ""

    def cancel(self) -> None:
        self._cancel()

    def _cancel(self) -> None:
        worker = self._current
        if worker is None:
            return
        worker.cancel()
        if self._kind == "unlock":
            # Key derivation cannot be interrupted; stop waiting for it. Its vault is closed on arrival.
            self._current = None
            self._busy(False)
            self._show_error(self.tr("Cancelled."))
            self._focus_passphrase()
        else:
            self.progress.setFormat(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        """Esc or the close button: while busy it cancels; otherwise it closes the dialog."""
        if self.busy:
            self._cancel()
            return
        super().reject()

    def join_workers(self) -> None:
        """Cancel every worker and wait for its thread to end (closing any vault it opened)."""
        self._current = None
        for worker, thread in list(self._jobs.items()):
            worker.cancel()
            thread.wait()
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.sendPostedEvents(self)  # deliver their results now, so vaults get closed
        self._jobs.clear()

    def done(self, result: int) -> None:
        self.join_workers()
        super().done(result)

    # --- results ---------------------------------------------------------------------------------

    def _on_outcome(self, worker: workers.Worker, result, exc) -> None:
        thread = self._jobs.pop(worker, None)
        if thread is not None:
            thread.wait()  # the worker has delivered its result; its thread is ending
        wanted = worker is self._current
        if wanted:
            self._current = None
        if wanted and self._kind == "task":
            self._busy(False)
            done, self._task_done = self._task_done, None
            if done is not None:
                done(exc)
            return
        if exc is None:
            self._on_succeeded(result, wanted)
        else:
            self._on_failed(exc, wanted)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self._current is None:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _on_succeeded(self, vault: "Vault", wanted: bool) -> None:
        if not wanted:
            if hasattr(vault, "close"):
                vault.close()  # an abandoned unlock: nobody will use this key
            return
        self._busy(False)
        self.passphrase.clear()
        self.confirm.clear()
        self.vault = vault
        self.unlocked.emit(vault)
        self.accept()

    def _on_failed(self, exc: BaseException, wanted: bool) -> None:
        if not wanted:
            return
        self._busy(False)
        if isinstance(exc, Cancelled):
            self._show_error(self.tr("Cancelled; nothing was created."))
        elif isinstance(exc, MonitorError):
            self._show_error(messages.localize(exc, self.lang))
        else:
            self._show_error(self.tr("Unexpected error: {error}").format(error=type(exc).__name__))
        self._focus_passphrase()

    def _focus_passphrase(self) -> None:
        self.passphrase.setFocus(Qt.OtherFocusReason)
        self.passphrase.selectAll()

    def _show_error(self, text: str, about_input: str = "") -> None:
        self.error.setText(text)
        self._input_error = about_input

    def _recheck_input(self) -> None:
        """An error about the typed passphrase follows the typing: it changes to what is still wrong
        and goes once the passphrase is fine."""
        if not self._input_error:
            return
        text = self.passphrase.text()
        if self._input_error == "empty":
            if text:
                self._show_error("")
            return
        from ...core.keys.passphrase import weakness

        reason = weakness(text)
        if reason:
            self._show_error(messages.localize(reason, self.lang), "weak")
        elif self.confirm.text() and text != self.confirm.text():
            self._show_error(self.tr("The two passphrases differ."), "differ")
        else:
            self._show_error("")

    def _show_passphrase(self, shown: bool) -> None:
        mode = QLineEdit.Normal if shown else QLineEdit.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def _update_hint(self, text: str) -> None:
        if self.path.exists() or not text:
            self.hint.setText("")
            return
        from ...core.keys.passphrase import weakness

        reason = weakness(text)
        self.hint.setText(messages.localize(reason, self.lang) if reason else self.tr("Strong enough."))

    def _busy(self, busy: bool, label: str = "") -> None:
        for widget in (self.passphrase, self.confirm, self.unlock_button, self.create_button, self.demo_button,
                       self.chooser, self.browse_button, self.show_box):
            widget.setEnabled(not busy)
        if self._refused:
            for widget in (self.passphrase, self.confirm, self.unlock_button, self.create_button, self.demo_button):
                widget.setEnabled(False)
        self.progress.setVisible(busy)
        self.progress.setFormat(label + " %p%")
        self.progress.setValue(0)
        self.progress.setMaximum(100)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
