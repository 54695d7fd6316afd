"""The interview / testimony editor: the interview's details and the consent beside a large
narrative box. Typing is kept as a draft inside the vault every few seconds (never on disk);
Save stores the record; Seal makes it final, after which only addenda can be added.

Audio (issue 21 §3): the :class:`~.audio.AudioPanel` under the narrative records into the vault and
plays the interview's recordings from memory; ``[12:34]`` in the narrative is shown as a link
(Ctrl+click, or the list beside the player, moves the player there). Leaving the editor, a lock
and closing the window stop a recording and store it (:meth:`InterviewEditor.flush_draft`).

Consent: with schema v4 it is a ``consent`` record of its own (what is covered, how it was given,
a later withdrawal is a new consent record); a v3 vault keeps it inside the interview.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import MonitorError
from ...core.history.revisions import new_id, utc_now
from ...core.model import schema, titles
from ..labels import format_datetime
from .audio import AudioPanel, TimestampClicks, mark_timestamps
from .forms import (
    MISSING,
    FieldError,
    FieldErrors,
    FormContext,
    ObjectEditor,
    RecordForm,
    lenient_value,
)
from .saving import Shown, save_and_show_errors
from .sealing import AddendaPanel, DraftKeeper, KeepsDraft, editor_title, seal_steps


def consent_is_a_record() -> bool:
    """Schema v4: consent is a record of its own, named by the interview's ``consent_id``."""
    return "consent" in schema.RECORD_TYPES


class InterviewEditor(KeepsDraft, QWidget):
    """Edit one interview (new when ``record`` is None). Emits ``saved(record)``."""

    saved = Signal(dict)
    sealed = Signal(str)

    def __init__(self, vault, record: dict | None = None, *, lang: str = "en", defaults: dict | None = None,
                 parent=None):
        super().__init__(parent)
        self.vault, self.lang = vault, lang
        self.setObjectName("interview_editor")
        body = dict(record) if record else {"id": new_id(), "type": "interview", "private": True,
                                            "date": utc_now(), "interviewers": [vault.profile],
                                            **(defaults or {})}
        self.record = body
        self.is_new = record is None
        self.v4 = consent_is_a_record()
        hidden = {"narrative", "consent", "consent_id"}
        self.form = RecordForm(vault, "interview", body, lang=lang, hidden=hidden, with_save=False)
        self.form.layout().setContentsMargins(0, 0, 0, 0)

        # Consent, beside the details.
        self.consent_box = QGroupBox(titles.field_title("interview.consent", lang), objectName="consent")
        consent_layout = QVBoxLayout(self.consent_box)
        self.consent_state = QLabel(textFormat=Qt.PlainText, wordWrap=True, objectName="consent_state")
        consent_layout.addWidget(self.consent_state)
        if self.v4:
            self.consent_record = self._consent_record()
            self.consent_form = RecordForm(vault, "consent", self.consent_record, lang=lang,
                                           hidden={"person_id", "covers"}, with_save=False)
            consent_layout.addWidget(self.consent_form)
            self.withdraw_button = QPushButton(self.tr("Record a change or withdrawal of consent"),
                                               objectName="consent_change")
            self.withdraw_button.clicked.connect(self.new_consent)
            self.consent_save = QPushButton(self.tr("Save the consent"), objectName="consent_save")
            self.consent_save.clicked.connect(self.save_consent)
            consent_row = QHBoxLayout()
            consent_row.addWidget(self.withdraw_button)
            consent_row.addWidget(self.consent_save)
            consent_layout.addLayout(consent_row)
        else:
            self.consent_record = None
            ctx = FormContext(vault, lang, "interview")
            self.consent_form = ObjectEditor(schema.inlined("interview")["properties"]["consent"], "consent", ctx,
                                             True, framed=False)
            self.consent_form.set_value(body.get("consent", MISSING))
            consent_layout.addWidget(self.consent_form)
        self._show_consent_state()

        # The narrative.
        self.narrative = QPlainTextEdit(objectName="narrative")
        self.narrative.setPlainText(body.get("narrative", ""))
        font = QFont(self.narrative.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.narrative.setFont(font)
        self.narrative.setPlaceholderText(self.tr("The person's account, in their words, as they gave it."))
        self.narrative_error = QLabel(textFormat=Qt.PlainText, objectName="narrative_error", visible=False)
        self.narrative_error.setStyleSheet("color: #b00020")
        self.draft_state = QLabel(textFormat=Qt.PlainText, objectName="draft_state")
        self.drafts = DraftKeeper(vault, body["id"], self._snapshot, self, "interview")
        self.narrative.textChanged.connect(self.drafts.touched)
        self.form.editor.changed.connect(self.drafts.touched)

        # Audio: recording, the recordings and the player, timestamps in the narrative.
        self.audio = AudioPanel(vault, body["id"], lang, stored_interview=self._stored_for_recording)
        self.audio.timestamp.connect(self._insert_timestamp)
        self.stamp_clicks = TimestampClicks(self.narrative, self.audio.seek)
        self.stamps_timer = QTimer(self, singleShot=True, interval=300)
        self.stamps_timer.timeout.connect(self._show_timestamps)
        self.narrative.textChanged.connect(self.stamps_timer.start)

        # Buttons and addenda.
        self.banner = QLabel(textFormat=Qt.PlainText, wordWrap=True, objectName="editor_banner", visible=False)
        self.banner.setStyleSheet("color: #b00020; font-weight: bold")
        self.save_button = QPushButton(self.tr("Save"), objectName="save")
        self.save_button.clicked.connect(self.save)
        self.seal_button = QPushButton(self.tr("Seal…"), objectName="seal")
        self.seal_button.clicked.connect(self.seal)
        self.addenda = AddendaPanel(vault, body["id"], lang)
        self.title = QLabel(textFormat=Qt.PlainText, objectName="editor_title")
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.title.setFont(title_font)

        details = QScrollArea(widgetResizable=True)
        details.setWidget(self.form)
        consent_scroll = QScrollArea(widgetResizable=True)
        consent_scroll.setWidget(self.consent_box)
        scroll = QTabWidget(objectName="interview_tabs")
        scroll.addTab(details, self.tr("Details"))
        scroll.addTab(consent_scroll, titles.field_title("interview.consent", lang))
        self.tabs = scroll
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(titles.field_title("interview.narrative", lang) + " *", textFormat=Qt.PlainText)
        right_layout.addWidget(label)
        right_layout.addWidget(self.narrative, 1)
        right_layout.addWidget(self.narrative_error)
        right_layout.addWidget(self.draft_state)
        right_layout.addWidget(self.audio)
        right_layout.addWidget(self.addenda)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 660])
        buttons = QHBoxLayout()
        buttons.addWidget(self.banner, 1)
        buttons.addStretch(1)
        self.save_button.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.seal_button.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.seal_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._restore_draft()
        self._update_state()
        self._show_timestamps()
        if not self.is_new:
            self.audio.refresh()

    # --- state ---------------------------------------------------------------------------------

    @property
    def record_id(self) -> str:
        return self.record["id"]

    @property
    def is_sealed(self) -> bool:
        return bool(self.record.get("sealed"))

    def _update_state(self) -> None:
        sealed = self.is_sealed
        self.form.set_read_only(sealed)
        if not self.v4:
            self.consent_form.set_read_only(sealed)
        self.narrative.setReadOnly(sealed)
        self.save_button.setEnabled(not sealed)
        self.seal_button.setEnabled(not sealed)
        self.audio.set_read_only(sealed)
        self.addenda.setVisible(sealed)  # addenda come after the seal
        self.title.setText(editor_title(self, "interview", self.tr("sealed {time}: addenda only")))

    def _consent_record(self) -> dict:
        consent_id = self.record.get("consent_id")
        if consent_id:
            try:
                return self.vault.get(consent_id)
            except MonitorError:
                pass
        return {"id": new_id(), "type": "consent", "date": self.record.get("date", utc_now()),
                "taken_by": self.vault.profile}

    def _show_consent_state(self) -> None:
        if not self.v4:
            self.consent_state.hide()
            return
        person = self.record.get("person_id")
        if not person:
            self.consent_state.setText(self.tr("Choose the person to see the consent they have given."))
            return
        from ...core.store import consent as consent_core

        state = consent_core.current(self.vault, person)
        given = [titles.field_title(f"consent.scope.{item}", self.lang) for item, v in state.items() if v.given]
        withdrawn = [titles.field_title(f"consent.scope.{item}", self.lang) for item, v in state.items() if v.withdrawn]
        text = self.tr("Consent on record: {items}").format(items=", ".join(given) if given else self.tr("none"))
        if withdrawn:
            text += "\n" + self.tr("Withdrawn: {items}").format(items=", ".join(withdrawn))
        self.consent_state.setText(text)

    def new_consent(self) -> None:
        """Start a new consent record for this person (a change, or a withdrawal)."""
        self.consent_record = {"id": new_id(), "type": "consent", "date": utc_now(), "withdrawal": True,
                               "taken_by": self.vault.profile}
        self.consent_form.record = dict(self.consent_record)
        self.consent_form.editor.set_value(self.consent_record)

    def save_consent(self) -> bool:
        """Store the consent record alone (it can change after the interview is sealed)."""
        person = self.record.get("person_id")
        if not person:
            self.show_errors([("person_id", self.tr("Choose the person first."))])
            return False
        built = []

        def store():
            consent = self.consent_form.build()
            consent["person_id"] = person
            if not self.is_new:  # the interview is stored, so the consent may name it
                consent["covers"] = sorted(set(consent.get("covers", [])) | {self.record_id})
            built.append(consent)
            self.vault.put_many([consent], labels=["consent"])

        if not save_and_show_errors(self, store, route=lambda t, path: "consent:" + path if t in (None, "consent") else None,
                                    field_prefix="consent:"):
            return False
        consent = built[0]
        self.banner.hide()
        self.consent_record = consent
        self.consent_form.record = dict(consent)
        self.consent_form.editor.set_value(consent)
        self._show_consent_state()
        return True

    def _snapshot(self) -> dict:
        """What the draft keeps: the narrative always, the details as far as they can be read."""
        snapshot = {"narrative": self.narrative.toPlainText()}
        # As far as the fields read cleanly: a required field still empty must not drop the others.
        details = lenient_value(self.form.editor)
        if isinstance(details, dict):
            snapshot["record"] = details
        return snapshot

    def _restore_draft(self) -> None:
        draft = self.drafts.restore()
        if not draft or self.is_sealed:
            self.draft_state.setText("")
            return
        body = draft["body"]
        if body.get("narrative", "") != self.narrative.toPlainText():
            self.narrative.setPlainText(body["narrative"])
        if isinstance(body.get("record"), dict):
            self.form.editor.set_value({**self.record, **body["record"]})
        self.draft_state.setText(self.tr("Unsaved typing from {time} was restored from the vault.").format(
            time=format_datetime(draft["saved_at"], self.lang)))
        self.drafts.dirty = True

    # --- audio ---------------------------------------------------------------------------------

    def _stored_for_recording(self) -> str | None:
        """A recording belongs to a stored interview: a new one is saved first (None if it cannot be
        yet: the marked fields say why)."""
        if self.is_new and not self.save():
            return None
        return self.record_id

    def _show_timestamps(self) -> None:
        """The narrative's timestamps shown as links, and listed beside the player."""
        mark_timestamps(self.narrative)
        self.audio.set_narrative(self.narrative.toPlainText())

    def _insert_timestamp(self, text: str) -> None:
        if not self.narrative.isReadOnly():
            self.narrative.insertPlainText(text)
            self.narrative.setFocus()
            self.stamps_timer.stop()
            self._show_timestamps()  # the new timestamp is a link at once

    def flush_draft(self) -> None:
        """Leaving the editor, locking, closing the window: a recording is stored, then the typing kept."""
        self.audio.close_audio()
        super().flush_draft()

    # --- actions -------------------------------------------------------------------------------

    def build(self) -> list[dict]:
        """The records to write: [consent,] interview. Raises FieldError/FieldErrors."""
        errors: list[FieldError] = []
        try:
            interview = self.form.build()
        except FieldErrors as exc:
            errors += exc.errors
            interview = None
        except FieldError as exc:
            errors.append(exc)
            interview = None
        narrative = self.narrative.toPlainText()
        if not narrative.strip():
            errors.append(FieldError("narrative", self.tr("Required.")))
        records = []
        if self.v4:
            consent = None
            if self._consent_filled(lenient_value(self.consent_form.editor)):
                try:
                    consent = self.consent_form.build()
                except FieldErrors as exc:
                    errors += [FieldError("consent:" + e.path, str(e)) for e in exc.errors]
                    consent = None
                except FieldError as exc:
                    errors.append(FieldError("consent:" + exc.path, str(exc)))
                    consent = None
            if consent is not None and interview is not None and self._consent_filled(consent):
                consent["person_id"] = interview.get("person_id", "")
                covers = list(consent.get("covers", []))
                if self.record_id not in covers:
                    covers.append(self.record_id)
                consent["covers"] = covers
                interview["consent_id"] = consent["id"]
                records.append(consent)
        else:
            try:
                value = self.consent_form.value()
                if interview is not None and value is not MISSING:
                    interview["consent"] = value
            except FieldErrors as exc:
                errors += exc.errors
            except FieldError as exc:
                errors.append(exc)
        if errors:
            raise FieldErrors(errors)
        interview["narrative"] = narrative
        records.append(interview)
        return records

    @staticmethod
    def _consent_filled(consent) -> bool:
        """Whether the consent panel says anything (an untouched panel records no consent)."""
        if not isinstance(consent, dict):
            return False
        return any(k in consent for k in ("scope", "method")) or consent.get("withdrawal") is True

    def show_errors(self, errors) -> None:
        """Show errors (``Shown`` items or (path, text) pairs, see :mod:`.saving`) at their fields."""
        self.form.editor.clear_errors()
        self.consent_form.clear_errors() if not self.v4 else self.consent_form.editor.clear_errors()
        self.narrative_error.hide()
        unplaced = []
        for error in errors:
            path, message, _full = error = Shown(*error)
            target = None
            if path == "narrative":
                self.narrative_error.setText(message)
                self.narrative_error.show()
                continue
            if path and path.startswith("consent:"):
                target = self.consent_form.find(path[len("consent:"):])
            elif path and path.startswith("consent") and not self.v4:
                target = self.consent_form.find(path)
            elif path:
                target = self.form.find(path)
            if target is not None:
                target.set_error(message)
            else:
                unplaced.append(error.banner_text)
        self.banner.setText(self.tr("Not saved: correct the marked fields.") if not unplaced
                            else self.tr("Not saved: {message}").format(message=unplaced[0]))
        self.banner.show()

    @staticmethod
    def _route(record_type: str | None, path: str) -> str | None:
        """The editor's path for a field of the interview or of its consent record."""
        return "consent:" + path if record_type == "consent" else path

    def save(self) -> bool:
        if self.is_sealed:
            return False
        built = []

        def store():
            built.extend(self.build())
            self.vault.put_many(built, labels=[r["type"] for r in built])

        if not save_and_show_errors(self, store, route=self._route):
            return False
        records = built
        self.banner.hide()
        self.form.editor.clear_errors()
        self.narrative_error.hide()
        self.record = records[-1]
        self.form.record = dict(self.record)
        self.form.editor.set_value(self.record)
        if self.v4 and len(records) == 2:
            self.consent_record = records[0]
            self.consent_form.record = dict(records[0])
            self.consent_form.editor.set_value(records[0])
        self.is_new = False
        self.drafts.discard()
        self.draft_state.setText(self.tr("Saved."))
        self._show_consent_state()
        self._update_state()
        self.saved.emit(self.record)
        return True

    def seal(self, *, confirmed: bool | None = None) -> bool:
        """Save, warn that sealing is final, and seal. ``confirmed`` skips the question (scripts)."""
        self.audio.stop_and_save()  # what was recorded is stored before the interview is sealed
        if not seal_steps(self, "interview", confirmed):
            return False
        self._update_state()
        self.addenda.refresh()
        self.sealed.emit(self.record_id)
        return True
