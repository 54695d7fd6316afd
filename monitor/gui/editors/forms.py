"""Editors generated from the JSON schemas, so a new field or record type needs no new form code.

:func:`build_editor` turns a node of a record type's inlined schema into a widget:

* strings → a line (short) or a text box (notes, long text); ``format: date`` / ``date-time`` →
  a date field (date-times shown and typed in local time);
* ``x-vocabulary`` → a drop-down of the vocabulary's labels in the UI language (the Istanbul
  Protocol consistency terms explain themselves on hover);
* ``x-ref`` → a searchable picker of records by their label (a UUID is never shown);
* booleans → a check box (required) or yes / no / not stated (optional);
* numbers, enums, arrays (add/remove rows), nested objects (a framed sub-form).

:class:`RecordForm` wraps a whole record with a Save button. Saving goes through
``vault.put`` like the CLI; a :class:`SchemaViolation` carries the field path and the rule's code,
which :mod:`.saving` maps back to the field and shows beside it in the UI language. Fields the form does not show are kept
as they were, so a hand-built editor can hide what it handles itself.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.model import titles
from ...core.errors import MonitorError
from ...core.history.revisions import new_id
from .body_diagram import ConsistencyCombo
from .focus import focus_first_field, inputs_in_order, reveal_first_error, show_and_focus  # noqa: F401  (re-exported)
from .saving import FieldError, FieldErrors  # noqa: F401  (re-exported: the editors import them from here)
from ..labels import format_datetime, info_label, to_local

MISSING = object()  # an editor with nothing entered: the field is left out of the record
HIDDEN = frozenset({"id", "type", "sealed", "sealed_at", "sealed_by"})
READ_ONLY = {"attachment": {"sha256", "size", "mime_type", "original_name", "added_by"}}
ANY_REF_TYPES = ("case", "person", "visit", "interview", "examination", "complaint", "proceeding", "facility")
REF_LIMIT = 5000  # per record type, in one picker
EAGER_CHOICES = 1000  # more candidates than this: a picker reads them when first used


class FormContext:
    """What editors need from outside: the vault (vocabularies, records to pick) and the language."""

    def __init__(self, vault, lang: str = "en", record_type: str = ""):
        self.vault, self.lang, self.record_type = vault, lang, record_type
        self._vocab: dict[str, list[tuple[str, str]]] = {}
        self._counts: dict[str, int] | None = None

    def vocabulary(self, name: str) -> list[tuple[str, str]]:
        if name not in self._vocab:
            self._vocab[name] = self.vault.vocabulary(name, self.lang)
        return self._vocab[name]

    def candidates(self, types: tuple[str, ...]) -> int:
        """How many records a picker for ``types`` would offer."""
        if self._counts is None:
            self._counts = self.vault.counts()
        wanted = ANY_REF_TYPES if "*" in types else types
        return sum(min(self._counts.get(t, 0), REF_LIMIT) for t in wanted)

    def choices(self, types: tuple[str, ...]) -> list[tuple[str, str]]:
        """(id, label) of live records of ``types`` ("*" = the main kinds), sorted by label."""
        wanted = ANY_REF_TYPES if "*" in types else types
        out = []
        for record_type in wanted:
            for info in self.vault.records(record_type, limit=REF_LIMIT):
                out.append((info.id, info_label(self.vault, info, self.lang)))
        return out


# --- editors ------------------------------------------------------------------------------------



# --- the mouse wheel -------------------------------------------------------------------------------

class WheelGuard(QObject):
    """The mouse wheel changes a drop-down or a number box only when it has the focus; otherwise the
    wheel goes on to the form around it, which scrolls (a value never changes under a scrolling hand)."""

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtWidgets import QAbstractSpinBox

        kind = event.type()
        if kind not in (QEvent.Wheel, QEvent.Polish) or not isinstance(obj, (QComboBox, QAbstractSpinBox)):
            return False
        if kind == QEvent.Polish:
            if obj.focusPolicy() == Qt.WheelFocus:
                obj.setFocusPolicy(Qt.StrongFocus)  # the wheel does not take the focus either
            return False
        if obj.hasFocus():
            return False
        from PySide6.QtGui import QWheelEvent
        from PySide6.QtWidgets import QAbstractScrollArea, QApplication

        area = obj.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:  # the form around it scrolls instead
            viewport = area.viewport()
            pos = viewport.mapFromGlobal(event.globalPosition().toPoint())
            QApplication.sendEvent(viewport, QWheelEvent(
                pos.toPointF(), event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
                event.modifiers(), event.phase(), event.inverted()))
        event.accept()
        return True


def install_wheel_guard(app) -> None:
    """Install :class:`WheelGuard` on the whole application, once."""
    if app is None or app.property("monitor_wheel_guard"):
        return
    app.installEventFilter(WheelGuard(app))
    app.setProperty("monitor_wheel_guard", True)

class Editor(QWidget):
    """A field's control with an error line under it. Subclasses implement value/set_value."""

    changed = Signal()

    def __init__(self, node: dict, path: str, ctx: FormContext, required: bool = False, parent=None):
        super().__init__(parent)
        self.node, self.path, self.ctx, self.required = node, path, ctx, required
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.error = QLabel(objectName="field_error", textFormat=Qt.PlainText, wordWrap=True, visible=False)
        self.error.setStyleSheet("color: #b00020")
        self.changed.connect(self._recheck)

    def _add(self, widget: QWidget) -> QWidget:
        self._layout.addWidget(widget)
        self._layout.addWidget(self.error)
        return widget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def clear_errors(self) -> None:
        self.set_error(None)

    def _recheck(self) -> None:
        """An error shown beside the field follows the input: it changes to what is still wrong,
        and goes as soon as the value reads cleanly (a rule of the core is checked again on Save)."""
        if self.error.isHidden():
            return
        try:
            self.value()
        except FieldError as exc:
            self.set_error(str(exc))
            return
        self.set_error(None)

    def find(self, path: str) -> "Editor | None":
        return self if path == self.path else None

    def is_empty(self) -> bool:
        """Nothing entered (whether or not the field is required)."""
        required, self.required = self.required, False
        try:
            return self.value() is MISSING
        except FieldError:
            return False
        finally:
            self.required = required

    def check_required(self, value: Any) -> Any:
        if self.required and value is MISSING:
            raise FieldError(self.path, QCoreApplication.translate("Forms", "Required."))
        return value


class TextEditor(Editor):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = self.node.get("maxLength", 2000)
        self.multiline = limit > 2000
        if self.multiline:
            self.box = self._add(QPlainTextEdit(objectName=self.path))
            self.box.setTabChangesFocus(True)
            self.box.setMinimumHeight(160 if limit > 100000 else 70)
            self.box.textChanged.connect(self.changed)
        else:
            self.box = self._add(QLineEdit(objectName=self.path))
            self.box.textChanged.connect(self.changed)

    def text(self) -> str:
        return self.box.toPlainText() if self.multiline else self.box.text()

    def value(self) -> Any:
        text = self.text()
        return self.check_required(text if text.strip() else MISSING)

    def set_value(self, value: Any) -> None:
        text = "" if value is MISSING or value is None else str(value)
        if self.multiline:
            self.box.setPlainText(text)
        else:
            self.box.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.box.setReadOnly(read_only)


# Cyrillic capitals that look like Latin ones: a code typed on a Russian or Kazakh keyboard layout
# ("Р-2026-0001") is read as the Latin code it looks like.
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХ", "ABEKMHOPCTX")


class CodeEditor(TextEditor):
    """A person's or a case's code (Latin, ``P-2026-0042``): upper-cased, Cyrillic look-alike
    letters read as Latin, and anything else refused with the shape and an example in the user's
    language. A new record's form proposes the next free code (see :mod:`monitor.core.queries.codes`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ...core.queries.codes import EXAMPLE

        self.example = EXAMPLE[self.ctx.record_type]
        self.box.setPlaceholderText(self.example)
        self.box.setToolTip(self.hint())

    def hint(self) -> str:
        from ...core import messages

        return messages.text(f"field_code_{self.ctx.record_type}", self.ctx.lang, example=self.example)

    def value(self) -> Any:
        value = super().value()
        if value is MISSING:
            return value
        code = value.strip().upper().translate(_LOOKALIKES)
        shape = self.node.get("pattern", ".*")  # the schema's shape of a code
        if not re.fullmatch(shape, code):
            raise FieldError(self.path, self.hint())
        return code


class NumberEditor(Editor):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.integer = self.node.get("type") == "integer"
        self.box = self._add(QLineEdit(objectName=self.path))
        self.box.setMaximumWidth(160)
        self.box.textChanged.connect(self.changed)

    def value(self) -> Any:
        text = self.box.text().strip().replace(",", ".").replace(" ", "")
        if not text:
            return self.check_required(MISSING)
        try:
            number = int(text) if self.integer else float(text)
        except ValueError:
            raise FieldError(self.path, QCoreApplication.translate("Forms", "Enter a whole number.") if self.integer else QCoreApplication.translate("Forms", "Enter a number.")) from None
        if not self.integer and number.is_integer():
            number = int(number)
        return number

    def set_value(self, value: Any) -> None:
        self.box.setText("" if value is MISSING or value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.box.setReadOnly(read_only)


class BoolEditor(Editor):
    """A check box when the field is required; yes / no / not stated when it is optional."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.checkbox = self.required
        self._stored = False  # the record had a value here
        if self.checkbox:
            self.box = self._add(QCheckBox(objectName=self.path))
            self.box.toggled.connect(self.changed)
        else:
            self.box = self._add(QComboBox(objectName=self.path))
            self.box.addItem(QCoreApplication.translate("Forms", "not stated"), None)
            self.box.addItem(QCoreApplication.translate("Forms", "yes"), True)
            self.box.addItem(QCoreApplication.translate("Forms", "no"), False)
            self.box.currentIndexChanged.connect(self.changed)

    def is_empty(self) -> bool:
        if self.checkbox:
            return not self.box.isChecked() and not self._stored
        return self.box.currentData() is None

    def value(self) -> Any:
        if self.checkbox:
            return self.box.isChecked()
        data = self.box.currentData()
        return MISSING if data is None else bool(data)

    def set_value(self, value: Any) -> None:
        self._stored = isinstance(value, bool)
        if self.checkbox:
            self.box.setChecked(bool(value) if value is not MISSING else False)
        else:
            self.box.setCurrentIndex({True: 1, False: 2}.get(value if isinstance(value, bool) else None, 0))


_DAY_FIRST = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?")


def parse_date(text: str) -> dt.date | None:
    """A date typed as people write it here: DD.MM.YYYY (or D.M.YYYY) or the ISO YYYY-MM-DD."""
    text = text.strip()
    match = _DAY_FIRST.fullmatch(text)
    try:
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        match = _ISO_DAY.fullmatch(text)
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return None


def parse_local_datetime(text: str) -> dt.datetime | None:
    """A moment typed as DD.MM.YYYY HH:MM (or ISO, with or without a zone); local time unless a
    zone is given. None: not a date and a time."""
    text = text.strip()
    if "T" in text or text.endswith("Z") or re.search(r"[+-]\d{2}:\d{2}$", text):
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        return moment if moment.tzinfo else moment.astimezone()
    parts = text.replace(",", " ").split()
    if len(parts) != 2:
        return None
    day, time = parse_date(parts[0]), _TIME.fullmatch(parts[1])
    if day is None or time is None:
        return None
    try:
        clock = dt.time(int(time.group(1)), int(time.group(2)), int(time.group(3) or 0))
    except ValueError:
        return None
    return dt.datetime.combine(day, clock).astimezone()  # typed in local time


_MONTH_YEAR = re.compile(r"(\d{1,2})\.(\d{4})")
_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?")


def parse_partial_date(text: str) -> str | None:
    """A date known only so far, as stored (YYYY-MM-DD, YYYY-MM or YYYY): typed as a whole date,
    MM.YYYY (or M.YYYY), YYYY, or the ISO forms. None: none of these."""
    day = parse_date(text)
    if day is not None:
        return day.isoformat()
    text = text.strip()
    match = _MONTH_YEAR.fullmatch(text)
    if match:
        year, month = int(match.group(2)), int(match.group(1))
    else:
        match = _ISO_PARTIAL.fullmatch(text)
        if not match:
            return None
        year, month = int(match.group(1)), int(match.group(2)) if match.group(2) else None
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def show_partial_date(value: str) -> str:
    """YYYY-MM-DD → DD.MM.YYYY, YYYY-MM → MM.YYYY, YYYY as it is."""
    if len(value) == 7:
        return f"{value[5:7]}.{value[:4]}"
    day = parse_date(value)
    return show_date(day) if day else value


def show_date(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def show_datetime(moment: dt.datetime) -> str:
    return f"{show_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


class DateEditor(Editor):
    """A date typed and shown as DD.MM.YYYY (the ISO YYYY-MM-DD is accepted too), or a date-time
    as DD.MM.YYYY HH:MM in local time; a calendar button beside the field picks the day."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_time = self.node.get("format") == "date-time"
        self.partial = self.node.get("format") == "partial-date"  # a month or a year will do
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QLineEdit(objectName=self.path)
        self.box.setPlaceholderText(QCoreApplication.translate("Forms", "DD.MM.YYYY HH:MM") if self.with_time
                                    else QCoreApplication.translate("Forms", "DD.MM.YYYY, MM.YYYY or YYYY")
                                    if self.partial else QCoreApplication.translate("Forms", "DD.MM.YYYY"))
        hint = self.box.fontMetrics().horizontalAdvance(self.box.placeholderText() + "  ") + 16
        self.box.setMinimumWidth(min(hint, 320))  # the placeholder (the form expected) is never clipped
        self.box.setMaximumWidth(max(hint, 200))
        self.box.textChanged.connect(self.changed)
        self.calendar_button = QToolButton(text="▾", objectName=f"{self.path}.calendar",
                                           toolTip=QCoreApplication.translate("Forms", "Choose the day in a calendar"))
        self.calendar_button.clicked.connect(self.open_calendar)
        self.now_button = QToolButton(text=QCoreApplication.translate("Forms", "Now") if self.with_time
                                      else QCoreApplication.translate("Forms", "Today"))
        self.now_button.clicked.connect(self.set_now)
        layout.addWidget(self.box)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.now_button)
        layout.addStretch(1)
        self._add(row)
        self.calendar: QCalendarWidget | None = None
        self._original: tuple[str, str] | None = None  # (stored value, its display) to keep it unchanged

    def set_now(self) -> None:
        moment = dt.datetime.now().astimezone()
        self.box.setText(show_datetime(moment) if self.with_time else show_date(moment.date()))

    def open_calendar(self) -> QCalendarWidget:
        """A calendar in the user's language under the field; choosing a day fills the field."""
        from ..labels import locale

        if self.calendar is None:
            self.calendar = QCalendarWidget(self, objectName=f"{self.path}.calendar_popup")
            self.calendar.setWindowFlags(Qt.Popup)
            self.calendar.setLocale(locale(self.ctx.lang))
            self.calendar.setFirstDayOfWeek(Qt.Monday)
            self.calendar.setGridVisible(True)
            self.calendar.setMaximumDate(QDate.currentDate().addYears(1))
            self.calendar.clicked.connect(self._calendar_chose)
            self.calendar.activated.connect(self._calendar_chose)
        current = self._typed_day() or dt.date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.move(self.box.mapToGlobal(self.box.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    def _typed_day(self) -> dt.date | None:
        text = self.box.text().strip()
        if self.with_time:
            moment = parse_local_datetime(text)
            return moment.date() if moment else parse_date(text.split(" ")[0]) if text else None
        return parse_date(text)

    def _calendar_chose(self, day: QDate) -> None:
        chosen = dt.date(day.year(), day.month(), day.day())
        if self.with_time:  # keep a time already typed; else the time now
            moment = parse_local_datetime(self.box.text())
            clock = moment.time() if moment else dt.datetime.now().time()
            self.box.setText(f"{show_date(chosen)} {clock.hour:02d}:{clock.minute:02d}")
        else:
            self.box.setText(show_date(chosen))
        if self.calendar is not None:
            self.calendar.hide()
        self.box.setFocus()

    def value(self) -> Any:
        from ...core import messages

        text = self.box.text().strip()
        if not text:
            return self.check_required(MISSING)
        if self._original and text == self._original[1]:
            return self._original[0]
        if self.partial:
            value = parse_partial_date(text)
            if value is None:
                raise FieldError(self.path, messages.text("field_partial_date_expected", self.ctx.lang,
                                                          example=show_date(dt.date.today())))
            return value
        if not self.with_time:
            day = parse_date(text)
            if day is None:
                raise FieldError(self.path, messages.text("field_date_expected", self.ctx.lang,
                                                          example=show_date(dt.date.today())))
            return day.isoformat()
        moment = parse_local_datetime(text)
        if moment is None:
            raise FieldError(self.path, messages.text("field_datetime_expected", self.ctx.lang,
                                                      example=show_datetime(dt.datetime.now())))
        return moment.isoformat(timespec="seconds")

    def set_value(self, value: Any) -> None:
        if value is MISSING or not value:
            self.box.clear()
            self._original = None
            return
        shown = str(value)
        if self.with_time:
            local = to_local(shown)
            shown = show_datetime(local) if local else shown
        else:
            shown = show_partial_date(shown)
        self.box.setText(shown)
        self._original = (str(value), shown)

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class ChoiceEditor(Editor):
    """A vocabulary term or an enum value, by its label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        vocabulary = self.node.get("x-vocabulary")
        if vocabulary:
            terms = self.ctx.vocabulary(vocabulary)
        else:
            terms = [(v, str(v)) for v in self.node.get("enum", [])]
            if self.node.get("enum") and set(self.node["enum"]) <= {"front", "back"}:
                from ...core.model import diagram
                terms = [(v, diagram.view(v).title(self.ctx.lang)) for v in self.node["enum"]]
        if vocabulary == "consistency":
            self.box = ConsistencyCombo(terms, self.ctx.lang, optional=True)
        else:
            self.box = QComboBox()
            self.box.addItem("—", None)
            for key, label in terms:
                self.box.addItem(label, key)
        self.box.setObjectName(self.path)
        self.box.currentIndexChanged.connect(self.changed)
        self._add(self.box)

    def value(self) -> Any:
        data = self.box.currentData()
        return self.check_required(MISSING if data is None else data)

    def set_value(self, value: Any) -> None:
        if value is MISSING or value is None:
            self.box.setCurrentIndex(0)
            return
        index = self.box.findData(value)
        if index < 0:  # a key this vault does not know (yet): keep it, shown as it is
            self.box.addItem(str(value), value)
            index = self.box.count() - 1
        self.box.setCurrentIndex(index)


class _PickerBox(QComboBox):
    """An editable combo box that asks for its items the first time they are needed."""

    def __init__(self, load, **kwargs):
        super().__init__(**kwargs)
        self._load = load

    def showPopup(self) -> None:
        self._load()
        super().showPopup()

    def focusInEvent(self, event) -> None:
        self._load()
        super().focusInEvent(event)


class RefEditor(Editor):
    """A searchable picker of records by label; type to filter (matches anywhere in the label).

    In a small vault the choices are read at once; in a large one (more than
    :data:`EAGER_CHOICES` candidates) when the picker is first focused or opened, so a form
    opens quickly however many people and cases the vault holds.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.types = tuple(self.node.get("x-ref", ["*"]))
        self.loaded = False
        self.box = _PickerBox(self.load, objectName=self.path, editable=True)
        self.box.setInsertPolicy(QComboBox.NoInsert)
        self.box.setMinimumContentsLength(24)
        self.box.addItem("", None)
        if self.ctx.candidates(self.types) <= EAGER_CHOICES:
            self.load()
        completer = self.box.completer()
        completer.setFilterMode(Qt.MatchContains)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.box.currentIndexChanged.connect(self.changed)
        self._add(self.box)

    def load(self) -> None:
        """Read the choices (once)."""
        if self.loaded:
            return
        self.loaded = True
        current, text = self.box.currentData(), self.box.currentText()
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem("", None)
        for record_id, label in self.ctx.choices(self.types):
            self.box.addItem(label, record_id)
        if current:
            index = self.box.findData(current)
            if index < 0:
                self.box.addItem(text, current)
                index = self.box.count() - 1
            self.box.setCurrentIndex(index)
        else:
            self.box.setCurrentIndex(0)
            self.box.setEditText(text)
        self.box.blockSignals(False)

    def value(self) -> Any:
        text = self.box.currentText().strip()
        if not text:
            return self.check_required(MISSING)
        index = self.box.currentIndex()
        if index <= 0 or self.box.itemText(index) != text:
            self.load()
            index = self.box.findText(text, Qt.MatchFixedString)
        if index <= 0:
            raise FieldError(self.path, QCoreApplication.translate("Forms", "Choose a record from the list."))
        return self.box.itemData(index)

    def set_value(self, value: Any) -> None:
        if value is MISSING or not value:
            self.box.setCurrentIndex(0)
            return
        index = self.box.findData(value)
        if index < 0:
            from ..labels import record_label
            self.box.addItem(record_label(self.ctx.vault, value, self.ctx.lang), value)
            index = self.box.count() - 1
        self.box.setCurrentIndex(index)


class ConstEditor(Editor):
    def value(self) -> Any:
        return self.node["const"]

    def set_value(self, value: Any) -> None:
        pass


class ObjectEditor(Editor):
    """A framed sub-form: one row per property, in the schema's order; unknown keys kept."""

    def __init__(self, *args, hidden: frozenset[str] = frozenset(), read_only: frozenset[str] = frozenset(),
                 framed: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields: dict[str, Editor] = {}
        self.original: dict = {}
        required = set(self.node.get("required", []))
        box = QGroupBox() if framed else QWidget()
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        if not framed:
            form.setContentsMargins(0, 0, 0, 0)
        self.form = form
        base = f"{self.ctx.record_type}.{self.path}" if self.path else self.ctx.record_type
        for name, sub in self.node.get("properties", {}).items():
            if name in hidden:
                continue
            path = f"{self.path}.{name}" if self.path else name
            if "const" in sub:
                self.fields[name] = ConstEditor(sub, path, self.ctx)
                continue
            if name == "id" and self.path:
                continue  # ids of list items are made when the item is created, never typed
            editor = build_editor(sub, path, self.ctx, required=name in required)
            if name in read_only:
                editor.set_read_only(True)
            editor.changed.connect(self.changed)
            self.fields[name] = editor
            label = QLabel(titles.field_title(f"{base}.{name}", self.ctx.lang) + (" *" if name in required else ""))
            label.setTextFormat(Qt.PlainText)
            label.setWordWrap(False)  # a wrapped label in a form row gets clipped; long rows wrap instead
            if sub.get("description"):
                label.setToolTip(sub["description"])
            form.addRow(label, editor)
        self._add(box)

    def is_empty(self) -> bool:
        extra = set(self.original) - set(self.fields) - {"id"}
        return not extra and all(editor.is_empty() for editor in self.fields.values()
                                 if not isinstance(editor, ConstEditor))

    def value(self) -> Any:
        if self.path and self.is_empty():  # an optional group left blank is left out
            return self.check_required(MISSING)
        out = dict(self.original)
        errors: list[FieldError] = []
        for name, editor in self.fields.items():
            try:
                value = editor.value()
            except FieldError as exc:
                errors.append(exc)
                continue
            if value is MISSING:
                out.pop(name, None)
            else:
                out[name] = value
        if errors:
            raise errors[0] if len(errors) == 1 else FieldErrors(errors)
        props = self.node.get("properties", {})
        if "id" in props and "id" in self.node.get("required", []) and "id" not in out and self.path:
            out["id"] = new_id()
            self.original["id"] = out["id"]
        if not out or set(out) <= {"id"}:
            return self.check_required(MISSING) if not self.required else out
        return out

    def set_value(self, value: Any) -> None:
        self.original = dict(value) if isinstance(value, dict) else {}
        for name, editor in self.fields.items():
            editor.set_value(self.original.get(name, MISSING))

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.fields.values():
            editor.set_read_only(read_only)

    def clear_errors(self) -> None:
        super().clear_errors()
        for editor in self.fields.values():
            editor.clear_errors()

    def _recheck(self) -> None:
        self.set_error(None)

    def find(self, path: str) -> Editor | None:
        if path == self.path:
            return self
        prefix = f"{self.path}." if self.path else ""
        if not path.startswith(prefix):
            return None
        name = re.split(r"[.\[]", path[len(prefix):], maxsplit=1)[0]
        editor = self.fields.get(name)
        return editor.find(path) if editor is not None else None


class ArrayEditor(Editor):
    """A list: one row per item with a remove button, and an Add button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.items_node = self.node.get("items", {})
        self.rows: list[tuple[QWidget, Editor]] = []
        frame = QFrame()
        self.list_layout = QVBoxLayout(frame)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(QCoreApplication.translate("Forms", "Add"), objectName=f"{self.path}.add")
        self.add_button.clicked.connect(lambda: self.add_item())
        self.list_layout.addWidget(self.add_button, 0, Qt.AlignLeft)
        self._add(frame)
        self._read_only = False

    def add_item(self, value: Any = MISSING) -> Editor:
        index = len(self.rows)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        editor = build_editor(self.items_node, f"{self.path}[{index}]", self.ctx, required=False)
        editor.set_value(value)
        editor.changed.connect(self.changed)
        remove = QToolButton(text="✕", toolTip=QCoreApplication.translate("Forms", "Remove"), objectName=f"{self.path}[{index}].remove")
        remove.clicked.connect(lambda: self.remove_item(row))
        layout.addWidget(editor, 1)
        layout.addWidget(remove, 0, Qt.AlignTop)
        if self._read_only:
            editor.set_read_only(True)
            remove.setEnabled(False)
        self.list_layout.insertWidget(self.list_layout.count() - 1, row)
        self.rows.append((row, editor))
        self.changed.emit()
        return editor

    def remove_item(self, row: QWidget) -> None:
        values = [editor for r, editor in self.rows if r is not row]
        kept = []
        for editor in values:
            try:
                kept.append(editor.value())
            except FieldError:
                kept.append(MISSING)
        self.set_value([v for v in kept if v is not MISSING])
        self.changed.emit()

    def value(self) -> Any:
        out = []
        for _, editor in self.rows:
            item = editor.value()
            if item is not MISSING:
                out.append(item)
        if not out:
            if self.node.get("minItems", 0) > 0:
                raise FieldError(self.path, QCoreApplication.translate("Forms", "Add at least one."))
            return MISSING
        return out

    def set_value(self, value: Any) -> None:
        for row, _ in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for item in value if isinstance(value, list) else []:
            self.add_item(item)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        for row, editor in self.rows:
            editor.set_read_only(read_only)

    def clear_errors(self) -> None:
        super().clear_errors()
        for _, editor in self.rows:
            editor.clear_errors()

    def _recheck(self) -> None:
        self.set_error(None)

    def find(self, path: str) -> Editor | None:
        if path == self.path:
            return self
        match = re.match(re.escape(self.path) + r"\[(\d+)\]", path)
        if not match or int(match.group(1)) >= len(self.rows):
            return None
        return self.rows[int(match.group(1))][1].find(path)


def lenient_value(editor: Editor) -> Any:
    """What an editor holds as far as it reads cleanly (for drafts): half-typed fields are left out."""
    if isinstance(editor, ObjectEditor):
        out = dict(editor.original)
        for name, sub in editor.fields.items():
            value = lenient_value(sub)
            if value is MISSING:
                out.pop(name, None)
            else:
                out[name] = value
        return out if out else MISSING
    if isinstance(editor, ArrayEditor):
        items = [lenient_value(sub) for _, sub in editor.rows]
        items = [v for v in items if v is not MISSING]
        return items if items else MISSING
    required, editor.required = editor.required, False
    try:
        return editor.value()
    except FieldError:
        return MISSING
    finally:
        editor.required = required


def build_editor(node: dict, path: str, ctx: FormContext, *, required: bool = False) -> Editor:
    """The editor for one schema node (see the module docstring)."""
    if "const" in node:
        return ConstEditor(node, path, ctx, required)
    if node.get("x-vocabulary") or "enum" in node:
        return ChoiceEditor(node, path, ctx, required)
    if node.get("x-ref"):
        return RefEditor(node, path, ctx, required)
    kind = node.get("type")
    if kind == "object":
        return ObjectEditor(node, path, ctx, required)
    if kind == "array":
        return ArrayEditor(node, path, ctx, required)
    if kind == "boolean":
        return BoolEditor(node, path, ctx, required)
    if kind in ("integer", "number"):
        return NumberEditor(node, path, ctx, required)
    if node.get("format") in ("date", "date-time", "partial-date"):
        return DateEditor(node, path, ctx, required)
    if path == "code" and ctx.record_type in ("person", "case"):
        return CodeEditor(node, path, ctx, required)
    return TextEditor(node, path, ctx, required)


class RecordForm(QWidget):
    """A whole record: a generated form, an error banner and Save. Emits ``saved(record)``."""

    saved = Signal(dict)

    def __init__(self, vault, record_type: str, record: dict | None = None, *, lang: str = "en",
                 hidden: set[str] | frozenset[str] = frozenset(), parent=None, with_save: bool = True,
                 record_id: str | None = None, defaults: dict | None = None):
        super().__init__(parent)
        from ...core.model.schema import inlined

        self.vault, self.record_type, self.lang = vault, record_type, lang
        self.ctx = FormContext(vault, lang, record_type)
        # A new record: ``record_id`` is the id its draft is kept under (the window keeps it while
        # the user goes elsewhere and comes back), ``defaults`` what it starts with.
        self.record = dict(record) if record else {**(defaults or {}), "id": record_id or new_id(), "type": record_type}
        if record is None and record_type in ("person", "case") and not self.record.get("code"):
            from ...core.queries.codes import next_code

            self.record["code"] = next_code(vault, record_type)  # proposed; the user may change it
        self.banner = QLabel(objectName="form_banner", textFormat=Qt.PlainText, wordWrap=True, visible=False)
        self.banner.setStyleSheet("color: #b00020; font-weight: bold")
        self.editor = ObjectEditor(inlined(record_type), "", self.ctx, True,
                                   hidden=HIDDEN | frozenset(hidden),
                                   read_only=frozenset(READ_ONLY.get(record_type, ())), framed=False)
        self.editor.set_value(self.record)
        self.editor.changed.connect(self._errors_fixed)
        self._placed_errors = False  # the banner says "correct the marked fields"
        self.reveal_button = None
        identity = self.editor.fields.get("identity")
        if record_type == "person" and identity is not None:
            # Identity fields are shown only on an explicit request (someone may be looking on).
            self.reveal_button = QPushButton(QCoreApplication.translate("Forms", "Show identity fields"),
                                             objectName="reveal_identity")
            self.reveal_button.clicked.connect(self.reveal_identity)
            self.editor.form.setRowVisible(identity, False)
            self.editor.form.addRow(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(textFormat=Qt.PlainText, objectName="form_title")
        if with_save:
            from PySide6.QtGui import QFont

            font = QFont(self.title.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            self.title.setFont(font)
            self._set_title(is_new=record is None)
            layout.addWidget(self.title)
        layout.addWidget(self.banner)
        if with_save:  # a page of its own scrolls; a form inside a bigger editor lets that one scroll
            scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
            scroll.setWidget(self.editor)
            layout.addWidget(scroll, 1)
        else:
            layout.addWidget(self.editor)
        self.save_button = QPushButton(QCoreApplication.translate("Forms", "Save"), objectName="save")
        self.save_button.clicked.connect(self.save)
        if with_save:
            layout.addWidget(self.save_button, 0, Qt.AlignRight)
        if self.record.get("sealed"):
            self.set_read_only(True)
        self.drafts = None
        if with_save:  # a form of its own (not part of a bigger editor) keeps its own draft
            from .sealing import DraftKeeper

            self.drafts = DraftKeeper(vault, self.record["id"], self._snapshot, self, record_type)
            self.editor.changed.connect(self.drafts.touched)
            self._restore_draft()

    def _errors_fixed(self) -> None:
        """The "correct the marked fields" banner goes once no field is marked any more."""
        if self._placed_errors and not any(not label.isHidden() for label in
                                           self.editor.findChildren(QLabel, "field_error")):
            self._placed_errors = False
            self.banner.hide()

    def _snapshot(self) -> dict:
        value = lenient_value(self.editor)
        return value if isinstance(value, dict) else {}

    def _restore_draft(self) -> None:
        draft = self.drafts.restore()
        if not draft or self.record.get("sealed"):
            return
        self.editor.set_value({**self.record, **draft["body"]})
        self.banner.setStyleSheet("")
        self.banner.setText(QCoreApplication.translate("Forms", "Unsaved changes from {time} were restored from the vault.")
                            .format(time=format_datetime(draft["saved_at"], self.lang)))
        self.banner.show()
        self.drafts.dirty = True

    def flush_draft(self) -> None:
        """Keep unsaved changes in the vault now (before a lock, or when the form is left)."""
        if self.drafts is not None and not self.record.get("sealed"):
            self.drafts.flush()

    def has_unsaved_changes(self) -> bool:
        return self.drafts is not None and not self.record.get("sealed") and self.drafts.pending()

    def discard_changes(self) -> None:
        """Forget the unsaved changes (the user chose Discard when leaving)."""
        if self.drafts is not None:
            self.drafts.discard()

    @property
    def record_id(self) -> str:
        return self.record["id"]

    def _set_title(self, *, is_new: bool) -> None:
        what = titles.type_title(self.record_type, self.lang)
        if is_new:
            self.title.setText(QCoreApplication.translate("Forms", "New: {what}").format(what=what))
            return
        try:
            label = info_label(self.vault, self.vault.info(self.record["id"]), self.lang)
        except MonitorError:
            label = what
        self.title.setText(QCoreApplication.translate("Forms", "Editing: {what}").format(what=label))

    def reveal_identity(self) -> None:
        identity = self.editor.fields.get("identity")
        if identity is not None and self.reveal_button is not None:
            self.editor.form.setRowVisible(identity, True)
            self.editor.form.setRowVisible(self.reveal_button, False)

    def set_read_only(self, read_only: bool) -> None:
        self.editor.set_read_only(read_only)
        self.save_button.setEnabled(not read_only)

    def find(self, path: str) -> Editor | None:
        return self.editor.find(path)

    def build(self) -> dict:
        """The record as the form now says (raises FieldError for a value that cannot be one)."""
        body = self.editor.value()
        body = {} if body is MISSING else body
        body.update(id=self.record["id"], type=self.record_type)
        return body

    def show_errors(self, errors) -> None:
        """Show errors (``Shown`` items or (path, text) pairs, see :mod:`.saving`) at their fields."""
        from .saving import Shown

        self.editor.clear_errors()
        unplaced, marked = [], []
        for error in errors:
            error = Shown(*error)
            editor = self.find(error.path) if error.path else None
            if editor is not None:
                if error.path.startswith("identity"):
                    self.reveal_identity()
                editor.set_error(error.text)
                title = titles.field_title(f"{self.record_type}.{editor.path}", self.lang)
                if title not in marked:
                    marked.append(title)
            else:
                unplaced.append(error.banner_text)
        self._placed_errors = not unplaced
        self.banner.setStyleSheet("color: #b00020; font-weight: bold")
        self.banner.setText(QCoreApplication.translate("Forms", "Not saved: correct the marked fields ({fields}).")
                            .format(fields=", ".join(marked)) if not unplaced
                            else QCoreApplication.translate("Forms", "Not saved: {message}").format(message=unplaced[0]))
        self.banner.show()

    def route(self, record_type: str | None, path: str) -> str | None:
        """This form's path for a field of a record the core refused (None: not this record's)."""
        return path if record_type in (None, self.record_type) else None

    def save(self) -> bool:
        """Validate and store through the core; show any error at its field. True if stored."""
        from .saving import save_and_show_errors

        built = []

        def store():
            built.append(self.build())
            self.vault.put(built[0])

        if not save_and_show_errors(self, store, route=self.route):
            return False
        body = built[0]
        self.editor.clear_errors()
        self.banner.hide()
        self.record = body
        self.editor.set_value(body)
        if self.drafts is not None:
            self.drafts.discard()
        self.saved.emit(body)
        return True
