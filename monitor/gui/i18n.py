"""The UI language: English built in; Russian and Kazakh from resources/translations/*.qm."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..core import resources

LANGUAGES = ("en", "ru", "kk")


def choose_language() -> str:
    """``MONITOR_LANG`` if set (en, ru, kk), else the system locale's language, else English."""
    wanted = os.environ.get("MONITOR_LANG") or QLocale.system().name()
    code = wanted.split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    if lang == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(str(resources.path("translations", f"monitor_{lang}.qm"))):
        return None
    app.installTranslator(translator)
    return translator
