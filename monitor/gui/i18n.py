"""The UI language and fonts.

English is built in; Russian and Kazakh come from ``resources/translations/*.qm`` (Qt's own
strings from Qt's catalogues where installed). Messages from the core are rendered from the
shared catalogue (:mod:`monitor.core.messages`) in the same language. A font that covers Kazakh
Cyrillic is registered from ``resources/fonts/`` at start, so no letter shows as a box.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core import resources

LANGUAGES = ("en", "ru", "kk")
NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}
KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"


def choose_language(preferred: str = "") -> str:
    """``MONITOR_LANG`` if set, else the language chosen in Settings, else the system's, else English."""
    wanted = os.environ.get("MONITOR_LANG") or preferred or QLocale.system().name()
    code = wanted.split("_")[0].lower()
    return code if code in LANGUAGES else "en"


_installed: list[QTranslator] = []  # what install_translator put in, for switch_language to take out


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    if lang == "en":
        return None
    QLocale.setDefault(QLocale(lang))  # dates and numbers in Qt widgets follow the UI language
    qt = QTranslator(app)  # Qt's own buttons (OK, Cancel in standard dialogs)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    translator = QTranslator(app)
    if not translator.load(str(resources.path("translations", f"monitor_{lang}.qm"))):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


def switch_language(app: QCoreApplication, lang: str) -> None:
    """Take out the catalogues installed so far and put in ``lang``'s (none for English), with its
    locale for dates and numbers. Qt sends every widget a LanguageChange event; windows whose texts
    are read when they are built are built again by their owner (Session.set_language)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    if lang == "en":
        QLocale.setDefault(QLocale.system())
    install_translator(app, lang)


def register_fonts(app) -> list[str]:
    """Register every ``resources/fonts/*.ttf|otf``; make the first family that has the Kazakh
    letters the application font. Returns the families registered (none: silently nothing)."""
    from PySide6.QtGui import QFont, QFontDatabase

    families: list[str] = []
    folder = resources.path("fonts")
    if not folder.is_dir():
        return families
    for font in sorted(folder.iterdir()):
        if font.suffix.lower() not in (".ttf", ".otf"):
            continue
        font_id = QFontDatabase.addApplicationFont(str(font))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    for family in families:
        if _covers_kazakh(family):
            app.setFont(QFont(family, app.font().pointSize()))
            break
    return families


def _covers_kazakh(family: str) -> bool:
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont(family))
    return all(metrics.inFontUcs4(ord(ch)) for ch in KAZAKH_LETTERS)
