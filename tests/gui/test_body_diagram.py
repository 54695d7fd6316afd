"""The interactive body diagram, driven with real mouse events offscreen."""

from __future__ import annotations

import pytest
from conftest import require_module

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from monitor.core.model import diagram  # noqa: E402
from monitor.gui.editors.body_diagram import BodyDiagram, ConsistencyCombo  # noqa: E402


def point_for(canvas, x, y) -> QPoint:
    return canvas.to_widget(x, y).toPoint()


@pytest.fixture
def body(qtbot):
    widget = BodyDiagram("kk")
    qtbot.addWidget(widget)
    widget.resize(400, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_click_places_markers_on_two_views_and_drag_moves_one(qtbot, body):
    canvas = body.canvas
    with qtbot.waitSignal(body.injury_added):
        QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, point_for(canvas, 0.5, 0.3))
    body.tabs.setCurrentIndex(diagram.views().index("soles"))
    assert body.view_name == "soles"
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, point_for(canvas, 0.3, 0.6))
    assert [diagram.injury_view(i) for i in body.injuries] == ["front", "soles"]
    assert body.injuries[0]["side"] == "front" and "side" not in body.injuries[1]
    assert body.injuries[1]["x"] == pytest.approx(0.3, abs=0.01) and body.injuries[1]["y"] == pytest.approx(0.6, abs=0.01)
    assert body.tabs.tabText(0).endswith("(1)") and body.tabs.tabText(0).startswith("Алдынан")
    # Only the current view's markers are drawn; they keep their table numbers.
    assert [m[0] for m in canvas.markers] == [1]
    # Drag the soles marker.
    start, end = point_for(canvas, 0.3, 0.6), point_for(canvas, 0.7, 0.4)
    with qtbot.waitSignal(body.injury_moved):
        QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, start)
        QTest.mouseMove(canvas, end)
        QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, end)
    assert body.injuries[1]["x"] == pytest.approx(0.7, abs=0.01)
    assert len(body.injuries) == 2  # a drag adds nothing
    # Clicking a marker selects its injury and switches nothing else.
    body.set_view("front")
    with qtbot.waitSignal(body.injury_selected) as blocker:
        QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, point_for(canvas, 0.5, 0.3))
    assert blocker.args == [0] and len(body.injuries) == 2
    canvas.grab()  # paints without error


def test_v3_schema_takes_markers_on_front_and_back_only(qtbot, body):
    body.fields = {"id", "side", "x", "y"}
    body.set_view("head")
    QTest.mouseClick(body.canvas, Qt.LeftButton, Qt.NoModifier, point_for(body.canvas, 0.5, 0.5))
    assert body.injuries == []
    body.set_view("back")
    QTest.mouseClick(body.canvas, Qt.LeftButton, Qt.NoModifier, point_for(body.canvas, 0.5, 0.5))
    assert body.injuries[0].keys() == {"id", "side", "x", "y"} and body.injuries[0]["side"] == "back"


def test_read_only_diagram_places_nothing(qtbot, body):
    body.set_read_only(True)
    QTest.mouseClick(body.canvas, Qt.LeftButton, Qt.NoModifier, point_for(body.canvas, 0.5, 0.5))
    assert body.injuries == []


def test_consistency_terms_explain_themselves(qtbot):
    terms = [("consistent", "сәйкес келеді"), ("diagnostic", "диагностикалық тұрғыдан растайды")]
    combo = ConsistencyCombo(terms, "kk")
    qtbot.addWidget(combo)
    assert combo.itemData(2, Qt.ToolTipRole) == diagram.consistency_definition("diagnostic", "kk")
    combo.set_key("consistent")
    assert combo.key() == "consistent" and combo.toolTip() == diagram.consistency_definition("consistent", "kk")
    combo.set_key(None)
    assert combo.key() is None and combo.toolTip() == ""


@pytest.mark.parametrize("lang, right, left", [("ru", "П", "Л"), ("kk", "О", "С")])
def test_the_outline_marks_the_sides_in_the_users_language(qtbot, lang, right, left, monkeypatch):
    """The window's outline, like the reports', says П/Л in Russian and О/С (оң/сол) in Kazakh."""
    from PySide6.QtGui import QImage, QPainter

    from gui.helpers import ui_language
    from monitor.gui.editors import body_diagram

    drawn: list[str] = []
    real = QPainter.drawText

    def spy(self, *args):
        drawn.append(args[-1])
        return real(self, *args)

    monkeypatch.setattr(QPainter, "drawText", spy)
    view = next(diagram.view(name) for name in diagram.views() if diagram.view(name).marks)
    image = QImage(200, 400, QImage.Format_RGB32)
    with ui_language(lang):
        painter = QPainter(image)
        body_diagram.paint_view(painter, view, 200, 400, [])
        painter.end()
    assert right in drawn and left in drawn and "R" not in drawn and "L" not in drawn
