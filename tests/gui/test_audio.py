"""Interview audio in the interview editor (issue 21 §3): record from a synthetic PCM source through
the same path a microphone's buffers take, pause and resume, stop; consent refused; a lock, leaving
the editor or quitting during a recording stores it; timestamps inserted and followed; playback from
memory. Real vaults, real widgets, offscreen; no microphone needed."""

from __future__ import annotations

import array

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, reopen, require_module
from records import uid

require_module("PySide6.QtMultimedia")  # skips without Qt, fails under CI=true

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtMultimedia import QAudioFormat, QMediaPlayer
from shiboken6 import Shiboken

from monitor.core.audio import recording as audio_core
from monitor.core.history.revisions import new_id, utc_now
from monitor.core.store.vault import Vault
from monitor.gui.editors import audio
from monitor.gui.editors.interview_editor import InterviewEditor

RATE = 16000
INTERVIEW, PERSON = uid(7), uid(3)
STEP = 0.25  # seconds of PCM per buffer fed


@pytest.fixture
def stocked(stocked_copy):
    vault = Vault.open(stocked_copy, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    yield vault, stocked_copy
    if vault.is_open:
        vault.close()


def give_audio_consent(vault, person: str = PERSON) -> None:
    vault.put({"id": new_id(), "type": "consent", "person_id": person, "date": utc_now(), "method": "oral",
               "taken_by": "Айгүл", "scope": {"audio": True}})


def synthetic(panel: audio.AudioPanel, *, name: str = "synthetic tone", sample_format=None, channels: int = 1):
    """A PCM feed in place of the microphone; returns it."""
    feed = audio.PcmFeed(panel)
    panel.set_capture(audio.DeviceCapture(feed, sample_rate=RATE, channels=channels, name=name,
                                          sample_format=sample_format))
    return feed


def play_in(feed: audio.PcmFeed, seconds: float, *, pcm: bytes | None = None) -> None:
    """Feed ``seconds`` of tone in buffers, as a microphone gives them."""
    pcm = pcm if pcm is not None else audio.tone(seconds, sample_rate=RATE)
    size = int(STEP * RATE) * 2
    for i in range(0, len(pcm), size):
        feed.feed(pcm[i:i + size])


def editor_of(qtbot, vault, record_id: str = INTERVIEW, lang: str = "en") -> InterviewEditor:
    editor = InterviewEditor(vault, vault.get(record_id), lang=lang)
    qtbot.addWidget(editor)
    editor.resize(1300, 900)
    return editor


def attachment_count(vault) -> int:
    return sum(1 for _ in vault.records("attachment"))


# --- PCM helpers --------------------------------------------------------------------------------

def test_device_formats_become_int16_and_the_level_follows_the_peak():
    floats = array.array("f", [0.5, -1.5, 0.0, 1.0]).tobytes()
    assert list(array.array("h", audio.to_int16(floats, QAudioFormat.Float))) == [16383, -32768, 0, 32767]
    assert list(array.array("h", audio.to_int16(bytes([128, 255, 0]), QAudioFormat.UInt8))) == [0, 32512, -32768]
    ints = array.array("i", [100 << 16, -(7 << 16)]).tobytes()
    assert list(array.array("h", audio.to_int16(ints, QAudioFormat.Int32))) == [100, -7]
    assert audio.peak_level(b"\0\0" * 100) == 0.0
    assert audio.peak_level(audio.tone(0.05, amplitude=1.0)) == pytest.approx(1.0, abs=0.01)
    assert audio.peak_level(audio.tone(0.05, amplitude=0.1)) == pytest.approx(40 / 60, abs=0.01)  # -20 dBFS
    assert audio.peak_level(audio.tone(0.05, amplitude=0.0005)) == 0.0  # below the meter's floor


# --- recording ------------------------------------------------------------------------------------

def test_record_pause_resume_stop_lists_the_recording(qtbot, stocked):
    vault, _ = stocked
    give_audio_consent(vault)
    editor = editor_of(qtbot, vault)
    panel = editor.audio
    feed = synthetic(panel)
    assert panel.device_label.text() == "Microphone: synthetic tone"
    assert not panel.playback.isVisibleTo(editor) and panel.recordings.topLevelItemCount() == 0
    assert panel.record_button.isEnabled() and not panel.stop_button.isEnabled()
    panel.record_button.click()
    assert panel.state == audio.RECORDING, panel.message.text()
    assert not panel.record_button.isEnabled() and panel.pause_button.isEnabled()
    play_in(feed, 2.0)
    assert panel.timer.text() == "00:02"
    assert panel.level.value() > 80  # the tone's peak is at -6 dBFS
    panel.pause_button.click()
    assert panel.state == audio.PAUSED and panel.pause_button.text() == "Resume" and panel.level.value() == 0
    play_in(feed, 1.5)  # a device that cannot pause: dropped, the timer holds
    assert panel.timer.text() == "00:02" and panel.seconds == pytest.approx(2.0)
    panel.pause_button.click()
    assert panel.state == audio.RECORDING
    play_in(feed, 1.25)
    assert panel.timer.text() == "00:03"
    feed.feed(b"\1")  # half a sample: held back until its other half comes
    with qtbot.waitSignal(panel.recorded, timeout=10000) as stored:
        panel.stop_button.click()
    assert panel.state == audio.IDLE and panel.timer.text() == "00:00"
    infos = audio_core.recordings_of(vault, INTERVIEW)
    assert [i.attachment_id for i in infos] == stored.args
    assert infos[0].seconds == pytest.approx(3.25, abs=0.01)
    assert infos[0].device == "synthetic tone"
    assert panel.playback.isVisibleTo(editor)
    item = panel.recordings.topLevelItem(0)
    assert panel.recordings.topLevelItemCount() == 1
    assert [item.text(0), item.text(2)] == ["00:03", "synthetic tone"]
    assert panel.loaded_id == stored.args[0]  # the new recording is in the player


def test_a_device_giving_float_samples_is_recorded_as_int16(qtbot, stocked):
    vault, _ = stocked
    give_audio_consent(vault)
    editor = editor_of(qtbot, vault)
    feed = synthetic(editor.audio, sample_format=QAudioFormat.Float, channels=2)
    assert editor.audio.record()
    floats = array.array("f", [0.25, -0.25] * RATE).tobytes()  # one second of stereo
    for i in range(0, len(floats), 3001):  # buffers that end inside a sample: the rest waits for the next
        feed.feed(floats[i:i + 3001])
    feed.feed(floats[:6])  # less than a frame (two 4-byte samples): it waits for the rest
    assert editor.audio.seconds == pytest.approx(1.0)
    assert editor.audio.level.value() == round(audio.peak_level(audio.to_int16(floats[:8], QAudioFormat.Float)) * 100)
    attachment = editor.audio.stop_and_save()
    (info,) = audio_core.recordings_of(vault, INTERVIEW)
    assert info.attachment_id == attachment and info.seconds == pytest.approx(1.0, abs=1e-3)


def test_without_audio_consent_nothing_is_recorded_and_the_reason_is_shown(qtbot, stocked):
    vault, _ = stocked
    editor = editor_of(qtbot, vault, lang="ru")
    feed = synthetic(editor.audio)
    before = attachment_count(vault)
    assert not editor.audio.record()
    play_in(feed, 1.0)
    assert editor.audio.state == audio.IDLE and editor.audio.recording is None
    assert editor.audio.message.isVisibleTo(editor)
    text = editor.audio.message.text()
    assert text and "\n" not in text and "audio" not in text.lower()  # one line, in Russian
    assert audio_core.recordings_of(vault, INTERVIEW) == [] and attachment_count(vault) == before
    # consent given: it records
    give_audio_consent(vault)
    assert editor.audio.record()
    assert not editor.audio.message.isVisibleTo(editor)
    editor.audio.stop_and_save()


def test_a_new_interview_is_saved_before_it_records(qtbot, stocked):
    vault, _ = stocked
    give_audio_consent(vault)
    editor = InterviewEditor(vault, lang="en", defaults={"case_id": uid(6)})
    qtbot.addWidget(editor)
    editor.form.find("person_id").set_value(PERSON)
    editor.form.find("reprisal_risk").box.setCurrentIndex(1)
    feed = synthetic(editor.audio)
    assert not editor.audio.playback.isVisibleTo(editor)  # no recordings: no player
    assert not editor.audio.record()  # no narrative yet: it cannot be saved, so it does not record
    assert editor.is_new and editor.narrative_error.isVisibleTo(editor)
    assert "saved before recording" in editor.audio.message.text()
    editor.narrative.setPlainText("Записано со слов.")
    assert editor.audio.record(), editor.banner.text()
    assert not editor.is_new and vault.get(editor.record_id)["narrative"] == "Записано со слов."
    # Stopped before any sound came: nothing is stored, and it says so.
    assert editor.audio.stop_and_save() is None
    assert editor.audio.message.isVisibleTo(editor) and editor.audio.state == audio.IDLE
    assert audio_core.recordings_of(vault, editor.record_id) == []
    assert editor.audio.record()
    play_in(feed, 1.0)
    assert editor.audio.stop_and_save()
    assert len(audio_core.recordings_of(vault, editor.record_id)) == 1


def recording_editor(qtbot, vault):
    """(an editor of the stocked interview recording from a synthetic feed, the feed)."""
    give_audio_consent(vault)
    editor = editor_of(qtbot, vault)
    feed = synthetic(editor.audio)
    assert editor.audio.record(), editor.audio.message.text()
    return editor, feed


def test_a_sealed_interview_plays_but_does_not_record(qtbot, stocked):
    vault, _ = stocked
    editor, feed = recording_editor(qtbot, vault)
    play_in(feed, 1.0)
    assert editor.seal(confirmed=True)  # sealing stores the recording first
    assert editor.audio.state == audio.IDLE and len(audio_core.recordings_of(vault, INTERVIEW)) == 1
    assert not editor.audio.record_button.isEnabled() and not editor.audio.record()
    assert not editor.audio.stamp_button.isEnabled()
    assert editor.audio.loaded_id is not None and editor.audio.play_button.isEnabled()


# --- a recording is never lost --------------------------------------------------------------------

def session_with_interview(qtbot, path):
    from gui.test_session import unlocked_session
    from monitor.gui.settings import Settings

    session = unlocked_session(qtbot, path, Settings(path=path.parent / "settings.json"))
    session.window.open_record(INTERVIEW)
    editor = session.window.page
    assert isinstance(editor, InterviewEditor)
    return session, editor


@pytest.mark.parametrize("how", ["ctrl_l", "idle", "screen", "leave", "quit"])
def test_a_recording_in_progress_is_stored_when_the_vault_locks_or_the_editor_goes(qtbot, stocked, how):
    vault, path = stocked
    give_audio_consent(vault)
    vault.close()
    session, editor = session_with_interview(qtbot, path)
    feed = synthetic(editor.audio)
    assert editor.audio.record(), editor.audio.message.text()
    play_in(feed, 2.5)
    if how == "ctrl_l":
        session.window.show()
        qtbot.waitExposed(session.window)
        with qtbot.waitSignal(session.locked, timeout=5000):
            qtbot.keyClick(session.window, Qt.Key_L, Qt.ControlModifier)
    elif how == "idle":
        # a running recording is not idleness: the idle time passing keeps the vault open and recording
        session.idle.timeout.emit()
        assert session.window is not None and editor.audio.state == audio.RECORDING
        assert session.idle.isActive()
        editor.audio.toggle_pause()  # a paused one is: the next idle timeout locks and stores it
        with qtbot.waitSignal(session.locked, timeout=5000):
            session.idle.timeout.emit()
    elif how == "screen":
        with qtbot.waitSignal(session.locked, timeout=5000):
            session.watcher.screen_saver_active_changed(True)
    elif how == "leave":
        session.window.show_list("cases")
        assert session.window.page is not editor
    elif how == "quit":
        session.shutdown()
    assert editor.audio.state == audio.IDLE
    if session.dialog is not None:
        qtbot.addWidget(session.dialog)
    session.shutdown()
    again = reopen(path)
    try:
        (info,) = audio_core.recordings_of(again, INTERVIEW)
        assert info.seconds == pytest.approx(2.5, abs=0.01)
    finally:
        again.close()


def test_closing_the_window_while_recording_stores_it(qtbot, stocked):
    vault, path = stocked
    give_audio_consent(vault)
    vault.close()
    session, editor = session_with_interview(qtbot, path)
    feed = synthetic(editor.audio)
    editor.audio.record()
    play_in(feed, 1.0)
    session.window.close()
    session.shutdown()
    again = reopen(path)
    try:
        assert [round(i.seconds, 2) for i in audio_core.recordings_of(again, INTERVIEW)] == [1.0]
    finally:
        again.close()


# --- timestamps and playback ------------------------------------------------------------------

def recorded_editor(qtbot, vault, seconds: float = 4.0) -> InterviewEditor:
    editor, feed = recording_editor(qtbot, vault)
    play_in(feed, seconds)
    editor.audio.stop_and_save()
    return editor


def test_playback_is_from_memory_with_duration_seek_and_play(qtbot, stocked):
    vault, _ = stocked
    editor = recorded_editor(qtbot, vault, 4.0)
    panel = editor.audio
    player = panel.player
    attachment = panel.loaded_id
    device = player.sourceDevice()
    assert isinstance(device, QBuffer) and player.source().isEmpty()  # a buffer in memory, no file or URL
    assert bytes(device.data()) == audio_core.audio_bytes(vault, attachment)
    assert bytes(device.data())[:4] == b"fLaC"
    qtbot.waitUntil(lambda: player.duration() > 0, timeout=10000)  # FFmpeg read the FLAC from the buffer
    assert player.duration() == pytest.approx(4000, abs=50)
    assert panel.seek_bar.maximum() == player.duration()
    assert panel.position_label.text() == "00:00 / 00:04"
    panel.seek(2.5)
    assert player.position() == 2500 and panel.seek_bar.value() == 2500
    assert panel.position_label.text().startswith("00:02 /")
    panel.play_button.click()
    qtbot.waitUntil(lambda: player.playbackState() == QMediaPlayer.PlaybackState.PlayingState, timeout=5000)
    assert panel.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: player.position() > 2600, timeout=10000)  # it plays (without a sound card here)
    panel.play_button.click()
    qtbot.waitUntil(lambda: player.playbackState() != QMediaPlayer.PlaybackState.PlayingState, timeout=5000)
    assert panel.play_button.text() == "Play"
    # The editor goes: the player lets go, the bytes read for it are dropped.
    editor.flush_draft()
    assert panel.loaded_id is None and panel.player is None
    qtbot.waitUntil(lambda: not Shiboken.isValid(player), timeout=5000)  # deleted by the event loop
    assert not Shiboken.isValid(device)  # and with it the buffer and its copy of the bytes


def test_timestamps_are_inserted_and_followed(qtbot, stocked):
    vault, _ = stocked
    editor = recorded_editor(qtbot, vault, 4.0)
    panel = editor.audio
    qtbot.waitUntil(lambda: panel.player.duration() > 0, timeout=10000)
    # From the player: [0:03] at the cursor.
    panel.seek(3.2)
    editor.narrative.moveCursor(QTextCursor.End)
    panel.stamp_button.click()
    text = editor.narrative.toPlainText()
    assert text.endswith("[00:03] ")
    assert editor.has_unsaved_changes()
    # The list beside the player names it; choosing it moves the player there.
    assert panel.stamps.count() == 1  # listed at once, and shown as a link
    assert [m.cursor.selectedText() for m in editor.narrative.extraSelections()] == ["[00:03]"]
    assert panel.stamps.item(0).text().startswith("[00:03]")
    panel.seek(0)
    assert panel.player.position() == 0
    panel.stamps.itemActivated.emit(panel.stamps.item(0))
    assert panel.player.position() == 3000
    # Ctrl+click on a timestamp in the narrative does the same; a plain click only moves the cursor.
    editor.narrative.setPlainText("Сначала [00:01] била, затем [00:02] угрожал.")
    editor.show()
    qtbot.waitExposed(editor)
    cursor = editor.narrative.textCursor()
    cursor.setPosition(len("Сначала [00:0"))
    point = editor.narrative.cursorRect(cursor).center()
    qtbot.mouseClick(editor.narrative.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    assert panel.player.position() == 3000
    qtbot.mouseClick(editor.narrative.viewport(), Qt.LeftButton, Qt.ControlModifier, point)
    assert panel.player.position() == 1000
    assert audio.timestamp_at(editor.narrative.toPlainText(), 2) is None


def test_timestamps_are_shown_as_links_and_listed_without_touching_the_draft(qtbot, stocked):
    from PySide6.QtWidgets import QApplication

    vault, _ = stocked
    body = vault.get(INTERVIEW)
    vault.put({**body, "narrative": body["narrative"] + " [01:02] затем [1:00:05], не [99] и не [1:2]"})
    editor = editor_of(qtbot, vault)
    editor.show()
    for _ in range(10):
        QApplication.processEvents()
    assert not editor.has_unsaved_changes()  # showing the links is not typing
    marks = editor.narrative.extraSelections()
    assert [m.cursor.selectedText() for m in marks] == ["[01:02]", "[1:00:05]"]
    assert all(m.format.fontUnderline() for m in marks)
    assert [editor.audio.stamps.item(i).data(Qt.UserRole) for i in range(editor.audio.stamps.count())] == [62, 3605]
    assert editor.audio.stamps.item(0).text() == "[01:02]  затем [1:00:05], не [99] и не [1:2]"


def test_a_timestamp_during_recording_is_the_recording_time(qtbot, stocked):
    vault, _ = stocked
    editor, feed = recording_editor(qtbot, vault)
    play_in(feed, 75.0, pcm=b"\0\0" * (75 * RATE))
    editor.narrative.moveCursor(QTextCursor.Start)
    editor.audio.stamp_button.click()
    assert editor.narrative.toPlainText().startswith("[01:15] ")
    assert editor.audio.timer.text() == "01:15"
    editor.audio.stop_and_save()


def test_a_seek_before_the_recording_is_loaded_waits_for_it(qtbot, stocked):
    vault, _ = stocked
    editor = recorded_editor(qtbot, vault, 3.0)
    panel = editor.audio
    panel.unload()
    assert panel.loaded_id is None
    panel.seek(2.0)  # loads the chosen recording, then moves there once it is read
    assert panel.loaded_id is not None
    qtbot.waitUntil(lambda: panel.player.duration() > 0 and panel._pending_seek is None, timeout=10000)
    assert panel.player.position() == 2000


def test_pcm_feed_gives_what_it_is_fed_in_order(qtbot):
    feed = audio.PcmFeed()
    got = []
    feed.readyRead.connect(lambda: got.append(bytes(feed.readAll())))
    feed.feed(b"abcd")
    feed.feed(b"ef")
    assert got == [b"abcd", b"ef"] and feed.bytesAvailable() == 0
    assert feed.openMode() == QIODevice.ReadOnly and feed.isSequential()
