"""Starting the desktop app: process hygiene, settings, language, fonts, then the session."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ..core.fs import harden_process
from .i18n import choose_language, install_translator, register_fonts
from .session import Session  # noqa: F401  (the session lives in session.py; kept importable here)
from .settings import Settings


def run(path: Path) -> int:
    harden_process()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Monitor")
    settings = Settings.load()
    register_fonts(app)
    lang = choose_language(settings.language)
    install_translator(app, lang)
    session = Session(path, lang=lang, settings=settings, watch_system=True)
    session.start()
    app.aboutToQuit.connect(session.shutdown)
    # SIGTERM/SIGINT quit through Qt, so the vault is closed (key dropped, WAL folded in) on the way out.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: app.quit())
    ticker = QTimer(interval=300)  # lets the Python signal handler run while Qt's loop waits
    ticker.timeout.connect(lambda: None)
    ticker.start()
    if os.environ.get("MONITOR_EXIT_WHEN_SHOWN"):  # the benchmark's cold-start probe: quit once drawn
        QTimer.singleShot(0, app.quit)
    return app.exec()
