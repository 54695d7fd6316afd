"""Interview audio in the interview editor: record into the vault, play back from memory, and
timestamps in the narrative that jump to a moment of the recording (issue 21 §3).

Recording: a :class:`Capture` gives PCM through a QIODevice. In the application it is the
microphone (:class:`MicrophoneCapture`, a QtMultimedia ``QAudioSource`` in push mode); in tests and
screenshots any QIODevice fed with synthetic PCM (:class:`DeviceCapture` over a :class:`PcmFeed`).
Either way every buffer takes the same path: converted to signed 16-bit PCM if the device gives
another sample format, measured for the level meter, and handed to the core's
``Recording.append``, which encodes it in memory and commits it to the vault every few seconds.
Nothing is written to a file. The core's ``start`` checks the person's ``audio`` consent before the
first sample; its one-line message is shown when it refuses.

Playback: the recording's encoded bytes are read from the vault into a ``QBuffer`` and given to
``QMediaPlayer.setSourceDevice``: no file either. FFmpeg's threads read that device, so it is Qt's
own QBuffer (the one a ``QDataStream`` over the bytes owns), never one made in Python: a QBuffer made
in Python is a PySide wrapper whose virtual calls (``readData``, ``seek``) take Python's GIL, and
"load, then change the source at once" deadlocked in about half of the runs. For the same reason a
player is never changed or stopped from Python: each recording gets a new player, and the old one
is retired to the event loop (:func:`_retire`).

Stopping: Stop, leaving the editor, locking (Ctrl+L, idle, screen lock: the window's ``clear``
flushes the editor) and closing the window all end a recording the same way,
:meth:`AudioPanel.stop_and_save`: the rest of the capture is read, the recording finished and
stored.
"""

from __future__ import annotations

import math
import sys
from array import array

from PySide6.QtCore import (
    QByteArray,
    QDataStream,
    QEvent,
    QIODevice,
    QObject,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import MonitorError
from ..labels import format_datetime

LEVEL_FLOOR_DB = -60.0  # the level meter's left end; its right end is full scale (0 dBFS)
TIMESTAMP_CONTEXT = 40  # characters of the narrative shown after a timestamp in the list


# --- PCM ----------------------------------------------------------------------------------------

def _multimedia():
    from PySide6 import QtMultimedia  # QtMultimedia is in PySide6-Addons

    return QtMultimedia


def sample_width(sample_format) -> int:
    """Bytes per sample of a ``QAudioFormat.SampleFormat``."""
    fmt = _multimedia().QAudioFormat
    return {fmt.UInt8: 1, fmt.Int16: 2, fmt.Int32: 4, fmt.Float: 4}.get(sample_format, 2)


def to_int16(data: bytes, sample_format) -> bytes:
    """PCM in the device's ``sample_format`` (native byte order, as Qt gives it) as signed 16-bit
    little-endian, the core's ``SAMPLE_FORMAT``. ``data`` holds whole samples."""
    fmt = _multimedia().QAudioFormat
    if sample_format == fmt.Int16:
        samples = array("h", data)
    elif sample_format == fmt.Float:
        source = array("f", data)
        samples = array("h", (32767 if x >= 1.0 else -32768 if x <= -1.0 else int(x * 32767.0) for x in source))
    elif sample_format == fmt.Int32:
        samples = array("h", (x >> 16 for x in array("i", data)))
    elif sample_format == fmt.UInt8:
        samples = array("h", ((x - 128) << 8 for x in data))
    else:
        raise ValueError(f"unsupported sample format {sample_format}")
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def peak_level(pcm: bytes) -> float:
    """The peak of signed 16-bit little-endian PCM on the meter's scale: 0.0 at or below
    ``LEVEL_FLOOR_DB`` dBFS (and for silence), 1.0 at full scale."""
    samples = array("h", pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return 0.0
    peak = max(max(samples), -min(samples))
    if peak <= 0:
        return 0.0
    db = 20.0 * math.log10(min(peak, 32767) / 32767.0)
    return max(0.0, min(1.0, 1.0 - db / LEVEL_FLOOR_DB))


def clock(seconds: float) -> str:
    """A duration as the timer shows it: mm:ss, or h:mm:ss from an hour on (the narrative's timestamp form)."""
    from ...core.audio import timestamps

    return timestamps.format(seconds)


# --- capture sources ------------------------------------------------------------------------------

class Capture:
    """Where recorded PCM comes from. ``open(parent)`` starts it and returns the QIODevice to read;
    ``sample_rate``, ``channels``, ``sample_format`` and ``device`` (its name) are known before it opens,
    because the core records them (and checks consent) before the first sample."""

    sample_rate: int = 0
    channels: int = 0
    device: str = ""
    sample_format = None

    @property
    def available(self) -> bool:
        return True

    def open(self, parent: QObject) -> QIODevice:
        raise NotImplementedError

    def suspend(self) -> None:
        """Pause: the device stops giving data (if it can; the panel drops what comes while paused)."""

    def resume(self) -> None:
        """Resume after :meth:`suspend`."""

    def close(self) -> None:
        """Stop; the device may still hold the last buffer, read before this."""


class DeviceCapture(Capture):
    """Any QIODevice that gives PCM: a :class:`PcmFeed` with synthetic speech in tests and screenshots."""

    def __init__(self, device: QIODevice, *, sample_rate: int, channels: int = 1, name: str = "",
                 sample_format=None):
        self.io = device
        self.sample_rate, self.channels, self.device = sample_rate, channels, name
        self.sample_format = sample_format if sample_format is not None else _multimedia().QAudioFormat.Int16

    def open(self, parent: QObject) -> QIODevice:
        if not self.io.isOpen():
            self.io.open(QIODevice.ReadOnly)
        return self.io


class MicrophoneCapture(Capture):
    """The microphone: a ``QAudioSource`` in push mode on the default input (or ``device``), asked for
    mono signed 16-bit at the device's preferred rate when it supports that, else its preferred format
    (converted by :func:`to_int16`)."""

    def __init__(self, device=None):
        mm = _multimedia()
        self.audio_device = device if device is not None else mm.QMediaDevices.defaultAudioInput()
        self.source = None
        self.format = self._choose_format()
        self.sample_rate = self.format.sampleRate()
        self.channels = self.format.channelCount()
        self.sample_format = self.format.sampleFormat()
        self.device = self.audio_device.description() if self.available else ""

    @property
    def available(self) -> bool:
        return not self.audio_device.isNull() and self.sample_rate > 0

    def _choose_format(self):
        """Mono (else stereo: the core takes at most two channels), 16-bit if the device can, else its
        own sample format; at the device's preferred rate."""
        fmt = _multimedia().QAudioFormat
        preferred = self.audio_device.preferredFormat()
        if self.audio_device.isNull():
            return preferred
        for sample_format in (fmt.Int16, preferred.sampleFormat()):
            for channels in (1, 2):
                wanted = fmt(preferred)
                wanted.setChannelCount(channels)
                wanted.setSampleFormat(sample_format)
                if self.audio_device.isFormatSupported(wanted):
                    return wanted
        return preferred

    def open(self, parent: QObject) -> QIODevice:
        self.source = _multimedia().QAudioSource(self.audio_device, self.format, parent)
        self.source.setBufferSize(self.sample_rate * self.channels * sample_width(self.sample_format) // 5)
        io = self.source.start()
        if io is None:
            raise OSError("the microphone could not be opened")
        return io

    def suspend(self) -> None:
        if self.source is not None:
            self.source.suspend()

    def resume(self) -> None:
        if self.source is not None:
            self.source.resume()

    def close(self) -> None:
        if self.source is not None:
            self.source.stop()
            self.source.deleteLater()
            self.source = None


class PcmFeed(QIODevice):
    """A sequential QIODevice that gives what is fed to it (PCM made in memory: a tone, espeak-ng
    speech), announcing each piece with ``readyRead`` as a microphone's device does."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._data = bytearray()
        self.open(QIODevice.ReadOnly)

    def feed(self, pcm: bytes) -> None:
        self._data += pcm
        self.readyRead.emit()

    def isSequential(self) -> bool:
        return True

    def bytesAvailable(self) -> int:
        return len(self._data) + super().bytesAvailable()

    def readData(self, maxlen: int) -> bytes:
        piece = bytes(self._data[:maxlen])
        del self._data[:maxlen]
        return piece

    def writeData(self, data) -> int:
        return -1


def tone(seconds: float, *, sample_rate: int = 16000, channels: int = 1, hz: float = 440.0,
         amplitude: float = 0.5) -> bytes:
    """A sine tone as signed 16-bit little-endian PCM (synthetic audio for tests)."""
    n = int(seconds * sample_rate)
    step = 2 * math.pi * hz / sample_rate
    samples = array("h", (int(amplitude * 32767 * math.sin(step * i)) for i in range(n) for _ in range(channels)))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


# --- timestamps in the narrative ---------------------------------------------------------------

def mark_timestamps(edit) -> None:
    """Show each ``[12:34]`` of a plain-text editor as a link (underlined). Extra selections, not a
    syntax highlighter: they change nothing in the document, so the editor's draft is not touched."""
    from ...core.audio import timestamps

    style = QTextCharFormat()
    style.setFontUnderline(True)
    style.setForeground(QColor("#1a5fb4"))
    marks = []
    for start, end, _seconds in timestamps.find(edit.toPlainText()):
        mark = QTextEdit.ExtraSelection()
        mark.cursor = QTextCursor(edit.document())
        mark.cursor.setPosition(start)
        mark.cursor.setPosition(end, QTextCursor.KeepAnchor)
        mark.format = style
        marks.append(mark)
    edit.setExtraSelections(marks)


class TimestampClicks(QObject):
    """Ctrl+click on a ``[12:34]`` in a plain-text editor calls ``seek(seconds)``."""

    def __init__(self, edit, seek):
        super().__init__(edit)
        self.edit, self.seek = edit, seek
        edit.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QEvent.MouseButtonRelease and event.button() == Qt.LeftButton
                and event.modifiers() & Qt.ControlModifier):
            seconds = timestamp_at(self.edit.toPlainText(),
                                   self.edit.cursorForPosition(event.position().toPoint()).position())
            if seconds is not None:
                self.seek(seconds)
                return True
        return False


def timestamp_at(text: str, position: int) -> float | None:
    """The seconds of the timestamp at character ``position`` of ``text`` (None: not on one)."""
    from ...core.audio import timestamps

    for start, end, seconds in timestamps.find(text):
        if start <= position <= end:
            return seconds
    return None


def record_icon() -> QIcon:
    """The usual sign for recording: a red dot (greyed by Qt when the button is disabled)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor("#c01c28"))
    painter.drawEllipse(5, 5, 22, 22)
    painter.end()
    return QIcon(pixmap)


# --- playback ---------------------------------------------------------------------------------

_RETIRED: dict[int, object] = {}  # the byte streams of retired players, until each player is deleted


def _retire(player, stream) -> None:
    """End a player without waiting for it here. Changing, stopping or deleting a QMediaPlayer waits
    for FFmpeg's threads, and those threads, while they end, call into the PySide wrappers of the
    player and its audio output (``disconnectNotify``), which takes Python's GIL: called from Python,
    which holds it, that waits for ever (measured: a hang in most runs of play, pause, change source).
    So the player goes silent and is deleted later by the event loop, which runs without the GIL; its
    stream (and the bytes in it) is let go when the player is gone."""
    player.blockSignals(True)  # nothing more for the panel (``destroyed`` is sent anyway)
    output = player.audioOutput()
    if output is not None:
        output.setMuted(True)
    if player.playbackState() == player.PlaybackState.PlayingState:
        player.pause()
    key = id(stream)
    _RETIRED[key] = stream
    player.destroyed.connect(lambda *_: _RETIRED.pop(key, None))
    player.deleteLater()


# --- the panel -------------------------------------------------------------------------------

IDLE, RECORDING, PAUSED = "idle", "recording", "paused"


class AudioPanel(QGroupBox):
    """Record, list and play the interview's recordings.

    ``stored_interview()`` is the editor's: it returns the interview's id once the interview is in the
    vault (saving a new one first), or None when it cannot be saved yet (the editor shows why).
    Emits ``timestamp(text)`` with ``[mm:ss]`` for the narrative, ``recorded(attachment_id)`` when a
    recording is stored.
    """

    timestamp = Signal(str)
    recorded = Signal(str)

    def __init__(self, vault, interview_id: str, lang: str = "en", *, stored_interview=None,
                 capture: Capture | None = None, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Audio recording"))
        self.setObjectName("audio_panel")
        self.vault, self.interview_id, self.lang = vault, interview_id, lang
        self.stored_interview = stored_interview or (lambda: self.interview_id)
        self.capture = capture if capture is not None else self._microphone()
        self.recording = None
        self.state = IDLE
        self.read_only = False
        self._io: QIODevice | None = None
        self._carry = b""  # a partial sample frame left from the last buffer
        self._pending_seek: float | None = None
        self._stream: QDataStream | None = None  # owns the QBuffer the player reads
        self._buffer: QIODevice | None = None
        self.loaded_id: str | None = None

        # Recording row.
        self.record_button = QPushButton(self.tr("Record"), objectName="record")
        self.record_button.setIcon(record_icon())
        self.record_button.clicked.connect(self.record)
        self.pause_button = QPushButton(self.tr("Pause"), objectName="pause")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = QPushButton(self.tr("Stop"), objectName="stop")
        self.stop_button.clicked.connect(self.stop_and_save)
        self.timer = QLabel("00:00", textFormat=Qt.PlainText, objectName="timer")
        timer_font = self.timer.font()
        timer_font.setPointSizeF(timer_font.pointSizeF() * 1.4)
        timer_font.setBold(True)
        self.timer.setFont(timer_font)
        self.level = QProgressBar(objectName="level", textVisible=False, minimum=0, maximum=100)
        self.level.setFixedHeight(12)
        self.level.setMinimumWidth(80)
        self.level.setAccessibleName(self.tr("Input level"))
        self.device_label = QLabel(textFormat=Qt.PlainText, objectName="capture_device")
        self.device_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.stamp_button = QPushButton(self.tr("Insert timestamp"), objectName="insert_timestamp")
        self.stamp_button.setToolTip(self.tr("Put the time of the recording or of the player, e.g. [12:34], "
                                             "into the narrative at the cursor."))
        self.stamp_button.clicked.connect(self.insert_timestamp)
        self.message = QLabel(textFormat=Qt.PlainText, wordWrap=True, objectName="audio_message", visible=False)
        self.message.setStyleSheet("color: #b00020")

        # The recordings and the player.
        self.recordings = QTreeWidget(objectName="recordings", rootIsDecorated=False, uniformRowHeights=True)
        self.recordings.setHeaderLabels([self.tr("Duration"), self.tr("Recorded"), self.tr("Device")])
        self.recordings.setSelectionMode(QAbstractItemView.SingleSelection)
        self.recordings.currentItemChanged.connect(self._recording_chosen)
        self.stamps = QListWidget(objectName="narrative_timestamps")
        self.stamps.setToolTip(self.tr("The narrative's timestamps: choose one, or Ctrl+click one in the narrative, "
                                       "to move the player there."))
        self.stamps.itemActivated.connect(self._stamp_chosen)
        self.stamps.itemClicked.connect(self._stamp_chosen)
        for view in (self.recordings, self.stamps):
            view.setMaximumHeight(96)
        self.stamps.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.stamps.setTextElideMode(Qt.ElideRight)
        self.play_button = QPushButton(self.tr("Play"), objectName="play")
        self.play_button.clicked.connect(self.toggle_play)
        self.seek_bar = QSlider(Qt.Horizontal, objectName="seek_bar")
        self.seek_bar.setAccessibleName(self.tr("Position in the recording"))
        self.seek_bar.sliderMoved.connect(lambda ms: self.player.setPosition(ms))
        self.position_label = QLabel("00:00 / 00:00", textFormat=Qt.PlainText, objectName="position")
        self.player = None
        self.output = None

        record_row = QHBoxLayout()
        for button in (self.record_button, self.pause_button, self.stop_button):
            button.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
            record_row.addWidget(button)
        record_row.addSpacing(8)
        record_row.addWidget(self.timer)
        record_row.addWidget(self.level, 1)
        record_row.addWidget(self.device_label, 2)
        record_row.addWidget(self.stamp_button)
        self.playback = QWidget(objectName="playback")
        lists = QGridLayout(self.playback)
        lists.setContentsMargins(0, 0, 0, 0)
        lists.addWidget(QLabel(self.tr("Recordings"), textFormat=Qt.PlainText), 0, 0)
        lists.addWidget(QLabel(self.tr("Timestamps in the narrative"), textFormat=Qt.PlainText), 0, 1)
        lists.addWidget(self.recordings, 1, 0)
        lists.addWidget(self.stamps, 1, 1)
        lists.setColumnStretch(0, 3)
        lists.setColumnStretch(1, 2)
        play_row = QHBoxLayout()
        play_row.addWidget(self.play_button)
        play_row.addWidget(self.seek_bar, 1)
        play_row.addWidget(self.position_label)
        lists.addLayout(play_row, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(record_row)
        layout.addWidget(self.message)
        layout.addWidget(self.playback)
        self.playback.hide()  # until the interview has a recording (refresh)
        self._show_device()
        self._update_buttons()

    # --- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _microphone() -> Capture:
        return MicrophoneCapture()

    def set_capture(self, capture: Capture) -> None:
        """Record from ``capture`` from now on (only while not recording)."""
        if self.state == IDLE:
            self.capture = capture
            self._show_device()
            self._update_buttons()

    def _show_device(self) -> None:
        if self.capture.available:
            self.device_label.setText(self.tr("Microphone: {name}").format(name=self.capture.device))
        else:
            self.device_label.setText(self.tr("No microphone found."))
        self.device_label.setToolTip(self.device_label.text())

    def set_read_only(self, read_only: bool) -> None:
        """A sealed interview: its recordings play, nothing new is recorded."""
        self.read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self.state == IDLE
        self.record_button.setEnabled(idle and not self.read_only and self.capture.available)
        self.pause_button.setEnabled(not idle)
        self.pause_button.setText(self.tr("Resume") if self.state == PAUSED else self.tr("Pause"))
        self.stop_button.setEnabled(not idle)
        self.stamp_button.setEnabled(not self.read_only)
        self.timer.setStyleSheet("color: #b00020" if self.state == RECORDING else "")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- recording ---------------------------------------------------------------------------

    @property
    def seconds(self) -> float:
        return self.recording.seconds if self.recording is not None else 0.0

    def record(self) -> bool:
        """Start recording (the core checks consent first). False, with the reason shown, if not."""
        if self.state != IDLE or self.read_only or not self.capture.available:
            return False
        self._say("")
        interview_id = self.stored_interview()
        if interview_id is None:
            self._say(self.tr("The interview must be saved before recording: correct the marked fields."))
            return False
        from ...core.audio import recording

        try:
            self.recording = recording.start(self.vault, interview_id, sample_rate=self.capture.sample_rate,
                                             channels=self.capture.channels, device=self.capture.device)
        except MonitorError as exc:
            self._say(exc.localized(self.lang))
            return False
        try:
            self._io = self.capture.open(self)
        except OSError:
            self.recording.abort()
            self.recording = None
            self._say(self.tr("The microphone could not be opened."))
            return False
        self._carry = b""
        self._io.readyRead.connect(self._read)
        self.state = RECORDING
        self.unload()  # the player lets go: the new recording is played when it is stored
        self._update_buttons()
        self._show_time()
        return True

    def _read(self) -> None:
        """Every buffer the capture gives: converted, measured, and (unless paused) appended."""
        if self._io is None:
            return
        data = self._carry + bytes(self._io.readAll())
        frame = sample_width(self.capture.sample_format) * max(1, self.capture.channels)
        whole = len(data) - len(data) % frame
        self._carry = data[whole:]
        if not whole or self.recording is None:
            return
        if self.state == PAUSED:
            return  # a device that cannot pause still gives data: dropped, the timer holds
        pcm = to_int16(data[:whole], self.capture.sample_format)
        try:
            self.recording.append(pcm)
        except MonitorError as exc:
            self.stop_and_save()
            self._say(exc.localized(self.lang))
            return
        self.level.setValue(round(peak_level(pcm) * 100))
        self._show_time()

    def _show_time(self) -> None:
        self.timer.setText(clock(self.seconds))

    def toggle_pause(self) -> None:
        if self.state == RECORDING:
            self._read()  # what the device holds now belongs before the pause
            self.capture.suspend()
            self.state = PAUSED
            self.level.setValue(0)
        elif self.state == PAUSED:
            self._read()  # dropped: it came while paused
            self.capture.resume()
            self.state = RECORDING
        self._update_buttons()

    def stop_and_save(self) -> str | None:
        """End a recording: read what the capture still holds, stop it, and store the recording.
        The attachment id (None if nothing was recording or it could not be stored: then it says why)."""
        if self.state == IDLE or self.recording is None:
            return None
        if self.state == RECORDING:
            self._read()
        io, self._io = self._io, None
        if io is not None:
            io.readyRead.disconnect(self._read)
        self.capture.close()
        recording, self.recording = self.recording, None
        self.state = IDLE
        self.level.setValue(0)
        self._update_buttons()
        try:
            attachment_id = recording.finish()
        except MonitorError as exc:
            self._say(exc.localized(self.lang))
            return None
        self.timer.setText(clock(0))
        self.refresh(select=attachment_id)
        self.recorded.emit(attachment_id)
        return attachment_id

    def insert_timestamp(self) -> None:
        """``[mm:ss]`` of the recording in progress, else of the player, for the narrative."""
        from ...core.audio import timestamps

        seconds = self.seconds if self.state != IDLE else (self.player.position() / 1000 if self.player else 0.0)
        self.timestamp.emit(f"[{timestamps.format(seconds)}] ")

    # --- the recordings and playback -----------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """List the interview's recordings (newest selected unless ``select`` names one)."""
        from ...core.audio import recording

        if not self.vault.is_open:
            return
        infos = recording.recordings_of(self.vault, self.interview_id)
        self.recordings.blockSignals(True)
        self.recordings.clear()
        chosen = None
        for info in infos:
            item = QTreeWidgetItem([clock(info.seconds), format_datetime(info.captured_at, self.lang), info.device])
            item.setData(0, Qt.UserRole, info.attachment_id)
            item.setToolTip(2, info.device)
            self.recordings.addTopLevelItem(item)
            if info.attachment_id == select or select is None:
                chosen = item
        for column in range(2):
            self.recordings.resizeColumnToContents(column)
        self.recordings.blockSignals(False)
        self.playback.setVisible(bool(infos))
        if chosen is not None:
            self.recordings.setCurrentItem(chosen)  # loads it into the player

    def set_narrative(self, text: str) -> None:
        """List the narrative's timestamps beside the player."""
        from ...core.audio import timestamps

        self.stamps.clear()
        for start, end, seconds in timestamps.find(text):
            after = text[end:].split("\n", 1)[0].strip()
            if len(after) > TIMESTAMP_CONTEXT:
                after = after[:TIMESTAMP_CONTEXT].rstrip() + "…"
            item = QListWidgetItem(f"{text[start:end]}  {after}".rstrip())
            item.setToolTip(item.text())
            item.setData(Qt.UserRole, seconds)
            self.stamps.addItem(item)

    def _stamp_chosen(self, item: QListWidgetItem) -> None:
        self.seek(item.data(Qt.UserRole))

    def _recording_chosen(self, current, _previous=None) -> None:
        if current is not None:
            self.load(current.data(0, Qt.UserRole))

    def _make_player(self) -> None:
        mm = _multimedia()
        self.player = mm.QMediaPlayer()
        self.output = mm.QAudioOutput(self.player)
        self.player.setAudioOutput(self.output)
        self.player.durationChanged.connect(self._duration_changed)
        self.player.positionChanged.connect(self._position_changed)
        self.player.playbackStateChanged.connect(self._playback_state_changed)
        self.player.mediaStatusChanged.connect(self._media_status_changed)

    def load(self, attachment_id: str) -> None:
        """Give the player the recording's encoded bytes, read from the vault into memory."""
        if attachment_id == self.loaded_id or self.state != IDLE:
            return
        from ...core.audio import recording

        try:
            data = recording.audio_bytes(self.vault, attachment_id)
        except MonitorError as exc:
            self._say(exc.localized(self.lang))
            return
        self.unload()
        self._make_player()
        # Qt's own QBuffer, open for reading over the bytes (see the module's docstring: not one made in Python)
        self._stream = QDataStream(QByteArray(data))
        self._buffer = self._stream.device()
        self.loaded_id = attachment_id
        self.player.setSourceDevice(self._buffer, QUrl())
        self._update_position(0)

    def unload(self) -> None:
        """The player lets go of the recording: it is retired (see :func:`_retire`), and the bytes read
        for it are dropped with it."""
        self._pending_seek = None
        self.loaded_id = None
        player, stream = self.player, self._stream
        self.player = self.output = self._buffer = self._stream = None
        if player is not None:
            _retire(player, stream)
        self.seek_bar.setRange(0, 0)
        self._update_position(0)

    def toggle_play(self) -> None:
        if self.player is None or self.loaded_id is None:
            return
        if self.player.playbackState() == self.player.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, seconds: float) -> None:
        """Move the player to ``seconds`` (loading the chosen recording first if needed)."""
        if self.state != IDLE:
            return
        if self.loaded_id is None:
            item = self.recordings.currentItem() or self.recordings.topLevelItem(self.recordings.topLevelItemCount() - 1)
            if item is None:
                return
            self.load(item.data(0, Qt.UserRole))
            if self.player is None:
                return
        ms = round(seconds * 1000)
        status = self.player.mediaStatus()
        if status in (self.player.MediaStatus.LoadingMedia, self.player.MediaStatus.NoMedia):
            self._pending_seek = ms
        else:
            self.player.setPosition(ms)
        self._update_position(ms)

    def _media_status_changed(self, status) -> None:
        if status == self.player.MediaStatus.LoadedMedia and self._pending_seek is not None:
            ms, self._pending_seek = self._pending_seek, None
            self.player.setPosition(ms)
        elif status == self.player.MediaStatus.InvalidMedia:
            self._say(self.tr("This recording cannot be played."))

    def _duration_changed(self, ms: int) -> None:
        self.seek_bar.setRange(0, max(0, ms))
        self._update_position(self.player.position())

    def _position_changed(self, ms: int) -> None:
        if self._pending_seek is None:
            self._update_position(ms)

    def _update_position(self, ms: int) -> None:
        if not self.seek_bar.isSliderDown():
            self.seek_bar.blockSignals(True)
            self.seek_bar.setValue(ms)
            self.seek_bar.blockSignals(False)
        duration = self.player.duration() if self.player is not None and self.loaded_id else 0
        self.position_label.setText(f"{clock(ms / 1000)} / {clock(duration / 1000)}")

    def _playback_state_changed(self, state) -> None:
        playing = state == self.player.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def close_audio(self) -> str | None:
        """Before the editor goes (leaving it, a lock, closing the window): a recording is stored,
        the player lets go of the recording's bytes. The stored recording's id, if one was recording."""
        saved = self.stop_and_save()
        self.unload()
        return saved
