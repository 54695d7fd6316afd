"""Text from outside (names, testimonies, file names, error messages) shown as text, never as markup.

Qt guesses whether a string is rich text (``Qt.mightBeRichText``) for labels set to AutoText and for
every tool tip: a file named ``<img src=…>.monitor-bundle`` would be rendered, not shown. Labels that
show such text are set to PlainText with :func:`plain`; tool tips go through :func:`tip`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain(label: QLabel, *, selectable: bool = False) -> QLabel:
    """``label`` set to show its text literally, wrapped (and selectable, for fingerprints and paths)."""
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


def tip(text: str) -> str:
    """A tool tip that shows ``text`` literally: escaped inside a paragraph, so Qt's rich-text guess
    always renders it and the escaping always applies."""
    return f"<p>{html.escape(str(text))}</p>" if text else ""
