"""A font with Kazakh Cyrillic from resources/fonts is registered at start (none: nothing happens)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QApplication  # noqa: E402

from monitor.core import resources  # noqa: E402
from monitor.gui import i18n  # noqa: E402

SYSTEM_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def fonts_from(monkeypatch, folder: Path) -> None:
    real = resources.path
    monkeypatch.setattr(i18n.resources, "path", lambda *parts: folder if parts == ("fonts",) else real(*parts))


def test_no_fonts_is_silent(qapp, monkeypatch, tmp_path):
    fonts_from(monkeypatch, tmp_path / "missing")
    assert i18n.register_fonts(QApplication.instance()) == []


def test_a_shipped_font_with_kazakh_letters_becomes_the_app_font(qapp, monkeypatch, tmp_path):
    if not SYSTEM_FONT.exists():
        pytest.skip("no TTF with Kazakh letters on this machine to stand in for resources/fonts")
    shutil.copy(SYSTEM_FONT, tmp_path / "Shipped.ttf")
    (tmp_path / "LICENSE.txt").write_text("licence text")  # not a font: ignored
    fonts_from(monkeypatch, tmp_path)
    app = QApplication.instance()
    before = app.font()
    try:
        families = i18n.register_fonts(app)
        assert families and app.font().family() == families[0]
    finally:
        app.setFont(before)
