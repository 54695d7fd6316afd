"""Screenshots of the case file, the interview editor (and recording an interview, then its
recording listed with the player), the body diagram, the conflict review, Settings (with its
Recovery panel) and the duress passphrase setting, in ru and kk.

The recording is synthetic speech (espeak-ng, a tone without it) fed to the interview editor's audio
panel in place of a microphone, through the same path a microphone's buffers take.

Run under a real X server (Xvfb) so fonts and widgets render as users see them:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py OUT_DIR

Uses a throw-away demo vault in a temporary directory; the PNGs are written to OUT_DIR only.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QPushButton

from monitor.core.demo.create import create_demo_vault
from monitor.core.model import diagram
from monitor.core.store.vault import Vault
from monitor.gui.i18n import install_translator
from monitor.gui.main_window import MainWindow

PASSPHRASE = "copper lantern steppe violin"
OTHER_DEVICE = "0b0b0b0b-0000-4000-8000-00000000000b"


def make_conflict(vault: Vault) -> str:
    """A case edited here and, at the same time, on another laptop (its revision taken in as an
    import would): the record the review page shows."""
    from monitor.core.history.revisions import Revision, new_id, utc_now

    info = next(vault.records("case"))
    body, head = info.body, info.head
    vault.put({**body, "status": "complaint_filed", "summary": body["summary"] + " Шағым прокуратураға берілді."})
    allegations = [{**a, "methods": [*a.get("methods", []), "beating"]} for a in body.get("allegations", [])]
    theirs = {**body, "title": body["title"] + " (уточнено)", "status": "investigation",
              "tags": [*body.get("tags", []), "тергеу басталды"], "allegations": allegations}
    # the other laptop's device key, as trusting its contact file teaches (every revision is signed)
    from monitor.core.keys.identity import DeviceIdentity
    from monitor.core.sync import contacts

    other = DeviceIdentity.generate()
    with vault.writing() as conn:
        contacts.learn_device(conn, OTHER_DEVICE, other.signing_public.hex(), "contact")
    vault.insert_revisions([Revision(new_id(), info.id, "case", (head,), "Айгүл Сәрсенова", OTHER_DEVICE,
                                     utc_now(), False, theirs).signed_by(other)])
    return info.id


SPEECH = {
    "ru": "Меня задержали вечером. В камере было холодно, меня били по спине.",
    "kk": "Мені кешке қарай ұстады. Камерада суық болды, арқамнан ұрды.",
}


def speech(lang: str) -> tuple[bytes, int]:
    """(PCM signed 16-bit mono, sample rate) of a sentence spoken by espeak-ng, in memory (its
    standard output); a tone when espeak-ng is not installed."""
    import shutil
    import subprocess

    from monitor.gui.editors.audio import tone

    if shutil.which("espeak-ng"):
        wav = subprocess.run(["espeak-ng", "-v", lang, "--stdout", SPEECH[lang]], capture_output=True,
                             check=True).stdout
        rate = int.from_bytes(wav[24:28], "little")
        return wav[44:], rate
    return tone(4.0, sample_rate=22050), 22050


def give_audio_consent(vault: Vault, interview) -> None:
    from monitor.core.history.revisions import new_id, utc_now

    vault.put({"id": new_id(), "type": "consent", "person_id": interview.body["person_id"], "date": utc_now(),
               "method": "oral", "taken_by": vault.profile, "scope": {"audio": True}})


def recording_shots(app, window, interview_id: str, lang: str, out: Path) -> None:
    """The interview editor while recording (timer, level meter, device), then with the recording
    listed and the player moved to a timestamp of the narrative."""
    from PySide6.QtGui import QTextCursor

    from monitor.gui.editors.audio import DeviceCapture, PcmFeed

    window.navigate(("edit", interview_id))
    settle(app)
    editor = window.page
    pcm, rate = speech(lang)
    feed = PcmFeed(editor.audio)
    editor.audio.set_capture(DeviceCapture(feed, sample_rate=rate, name="espeak-ng"))
    if not editor.audio.record():
        raise SystemExit(f"recording refused: {editor.audio.message.text()}")
    editor.narrative.moveCursor(QTextCursor.End)
    editor.narrative.insertPlainText("\n")
    step = rate // 10 * 2  # a tenth of a second, as a microphone gives it
    pieces = [pcm[i:i + step] for i in range(0, len(pcm), step)]
    for round_ in range(12):  # about a minute of speech and pauses
        for piece in pieces:
            feed.feed(piece)
        if round_ == 5:
            editor.audio.insert_timestamp()
            editor.narrative.insertPlainText(SPEECH[lang].split(".")[1].strip() + ".\n")
        feed.feed(b"\0\0" * rate)
    for piece in pieces[: len(pieces) // 3]:  # stop in the middle of a word: the meter shows its level
        feed.feed(piece)
    settle(app)
    window.grab().save(str(out / f"interview_recording_{lang}.png"))
    editor.audio.stop_and_save()
    settle(app)
    if editor.audio.stamps.count():
        editor.audio.stamps.setCurrentRow(0)
        editor.audio.seek(editor.audio.stamps.item(0).data(0x0100))  # Qt.UserRole
    for _ in range(50):  # FFmpeg reads the recording from memory on its own thread
        settle(app)
        if editor.audio.player is not None and editor.audio.player.duration() > 0:
            break
        QThread.msleep(20)
    settle(app)
    window.grab().save(str(out / f"interview_playback_{lang}.png"))
    editor.discard_changes()


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def recovery_shots(app, window, vault: Vault, lang: str, out: Path) -> None:
    """Settings › Recovery (issue 21 §1): the panel before a slot is added, then Settings and the
    panel with the slot; the slot is removed again afterwards."""
    from monitor.core.keys.identity import DeviceIdentity
    from monitor.core.store import recovery
    from monitor.core.sync import contacts
    from monitor.gui.dialogs.recovery import RecoveryDialog
    from monitor.gui.dialogs.settings_dialog import SettingsDialog
    from monitor.gui.settings import Settings

    if not any(c.role == "coordinator" for c in contacts.known(vault)):
        contacts.trust(vault, contacts.own(DeviceIdentity.generate(), "Айгүл Сәрсенова", "coordinator"))
    panel = RecoveryDialog(vault, window, lang=lang)
    panel.show()
    settle(app)
    panel.grab().save(str(out / f"recovery_none_{lang}.png"))
    panel.close()
    panel.deleteLater()
    coordinator = next(c for c in contacts.known(vault) if c.role == "coordinator")
    recovery.add(vault, coordinator)
    settings = SettingsDialog(Settings(), window, vault=vault, lang=lang)
    settings.show()
    settle(app)
    settings.grab().save(str(out / f"settings_recovery_{lang}.png"))
    settings.findChild(QPushButton, "recovery_button").click()
    settle(app)
    settings.recovery_dialog.grab().save(str(out / f"recovery_{lang}.png"))
    settings.recovery_dialog.close()
    settings.close()
    settings.deleteLater()
    recovery.remove(vault)
    settle(app)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shots.vault"
        create_demo_vault(path, PASSPHRASE, cases=6, seed=3, kdf_iter=2000)
        vault = Vault.open(path, PASSPHRASE, kdf_iter=2000)
        exam = max(vault.records("examination"), key=lambda i: len(i.body.get("injuries", [])))
        case_id = exam.body.get("case_id") or next(vault.records("case")).id
        interview = next(i for i in vault.records("interview") if not i.sealed) if any(
            not i.sealed for i in vault.records("interview")) else next(vault.records("interview"))
        conflict = make_conflict(vault)
        give_audio_consent(vault, interview)
        for lang in ("ru", "kk"):
            translator = install_translator(app, lang)
            # the first run: the dialog that creates a vault (and asks for the user's name)
            from monitor.gui.dialogs.unlock import UnlockDialog

            first = UnlockDialog(Path(tmp) / f"new-{lang}.vault", kdf_iter=2000, lang=lang)
            first.show()
            settle(app)
            first.grab().save(str(out / f"first_run_{lang}.png"))
            first.close()
            first.deleteLater()
            window = MainWindow(vault, lang=lang)
            window.resize(1400, 900)
            window.show()
            settle(app)
            window.open_record(case_id)
            settle(app)
            window.grab().save(str(out / f"case_file_{lang}.png"))
            window.open_record(interview.id)
            settle(app)
            window.grab().save(str(out / f"interview_{lang}.png"))
            recording_shots(app, window, interview.id, lang, out)
            window.open_record(exam.id)
            settle(app)
            editor = window.page
            views = [diagram.injury_view(i) for i in editor.injuries]
            if views:
                editor.select(0)
            settle(app)
            window.grab().save(str(out / f"body_diagram_{lang}.png"))
            window.review_conflicts(conflict)
            settle(app)
            review = window.page.review
            mine = next(i for i, v in enumerate(review.review.versions) if v.device != OTHER_DEVICE)
            review.pick("status", mine)
            review.pick("summary", mine)
            settle(app)
            window.grab().save(str(out / f"conflict_review_{lang}.png"))
            window.new_actions["interview"].trigger()
            settle(app)
            window.grab().save(str(out / f"new_interview_{lang}.png"))
            window.page.discard_changes()
            from monitor.gui.dialogs.settings_dialog import SettingsDialog
            from monitor.gui.settings import Settings

            dialog = SettingsDialog(Settings(), window, vault=vault, lang=lang)
            dialog.show()
            settle(app)
            dialog.grab().save(str(out / f"settings_{lang}.png"))
            duress = dialog.open_duress()  # Settings › Duress passphrase…, its warning first
            settle(app)
            duress.grab().save(str(out / f"duress_{lang}.png"))
            duress.close()
            dialog.close()
            dialog.deleteLater()
            recovery_shots(app, window, vault, lang, out)
            if "--more" in sys.argv:
                window.navigate(("edit", next(vault.records("visit")).id))
                settle(app)
                window.grab().save(str(out / f"visit_form_{lang}.png"))
                window.show_list("cases")
                settle(app)
                window.grab().save(str(out / f"cases_{lang}.png"))
            window.close()
            window.deleteLater()
            settle(app)
            if translator is not None:
                app.removeTranslator(translator)
        vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
