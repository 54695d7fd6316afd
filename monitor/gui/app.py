"""Starting the desktop app: process hygiene, settings, language, fonts, then the session."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..core import resources
from ..core.fs import harden_process
from . import worker  # noqa: F401  (importing it guards the interpreter's exit against PySide6 faults)
from .i18n import choose_language, install_translator, register_fonts
from .session import Session  # noqa: F401  (the session lives in session.py; kept importable here)
from .settings import Settings


APP_ID = "org.monitor.Monitor"  # the desktop entry's name (packaging/), which Wayland docks match windows to


def identify(app: QApplication) -> None:
    """The application's name, desktop entry and window icon (resources/icons)."""
    app.setApplicationName("Monitor")
    app.setDesktopFileName(APP_ID)
    icon = QIcon()
    for png in sorted(resources.path("icons").glob(f"{APP_ID}-*.png")):
        icon.addFile(str(png))
    if not icon.isNull():
        app.setWindowIcon(icon)


def _probe(app: QApplication) -> None:
    """Start-up probe (MONITOR_EXIT_WHEN_SHOWN): name the visible top-level windows on stderr, then quit.
    Class names only, never titles or text: the smoke test checks that the unlock dialog was shown."""
    shown = sorted(type(w).__name__ for w in app.topLevelWidgets() if w.isVisible())
    print(f"monitor: shown: {' '.join(shown) or '-'}", file=sys.stderr, flush=True)
    app.quit()


def run(path: Path) -> int:
    harden_process()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    identify(app)
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
    # Start-up probe for the benchmark's cold start ("1") and the packaging smoke test: stay up that many
    # milliseconds after the first window is drawn, then report which windows are shown and quit.
    probe = os.environ.get("MONITOR_EXIT_WHEN_SHOWN", "")
    if probe:
        QTimer.singleShot(int(probe) if probe.isdigit() else 0, lambda: _probe(app))
    return app.exec()
