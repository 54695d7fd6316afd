"""The interactive body diagram: switch views, click to place an injury marker, drag to move it,
click a marker to select its injury. Drawn from :mod:`monitor.core.model.diagram` (the same outlines
and frame as the PDF reports).

Markers carry the number of their injury in the injury table (1-based position in the list).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QSizePolicy, QTabBar, QToolTip, QVBoxLayout, QWidget

from ...core.model import diagram
from ...core.history.revisions import new_id

MARKER_RADIUS = 11.0  # pixels
MARGIN = 16.0


class DiagramCanvas(QWidget):
    """One view of the figure with its markers. Positions in and out are normalised (0..1)."""

    placed = Signal(float, float)  # a click on empty space
    moved = Signal(int, float, float)  # a marker was dragged (injury index, x, y)
    selected = Signal(int)  # a marker was clicked (injury index)
    delete_requested = Signal(int)  # Delete pressed with a marker selected

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("diagram_canvas")
        self.setMinimumSize(220, 320)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMouseTracking(False)
        self.view = diagram.view("front")
        self.markers: list[tuple[int, float, float]] = []  # (injury index, x, y)
        self.current = -1
        self.read_only = False
        self._drag: int | None = None
        self._drag_moved = False
        self.describe = None  # injury index -> text shown when the pointer rests on its marker
        self.setFocusPolicy(Qt.ClickFocus)

    # --- geometry ------------------------------------------------------------------------------

    def _fit(self) -> tuple[float, float, float]:
        return diagram.fit(self.view, self.width(), self.height(), MARGIN)

    def to_widget(self, x: float, y: float) -> QPointF:
        scale, ox, oy = self._fit()
        vx, vy = diagram.to_view_coords(self.view, x, y)
        return QPointF(ox + vx * scale, oy + vy * scale)

    def from_widget(self, point: QPointF) -> tuple[float, float]:
        scale, ox, oy = self._fit()
        return diagram.from_view_coords(self.view, (point.x() - ox) / scale, (point.y() - oy) / scale)

    def inside_frame(self, point: QPointF) -> bool:
        scale, ox, oy = self._fit()
        return QRectF(ox, oy, self.view.width * scale, self.view.height * scale).contains(point)

    def marker_at(self, point: QPointF) -> int | None:
        for index, x, y in reversed(self.markers):
            centre = self.to_widget(x, y)
            if (centre - point).manhattanLength() <= MARKER_RADIUS * 1.4:
                return index
        return None

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.Base))
        paint_view(painter, self.view, self.width(), self.height(), self.markers, self.current,
                   ink=self.palette().color(QPalette.Text), font=self.font())
        painter.end()

    # --- mouse and keys ------------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            hit = self.marker_at(QPointF(event.pos()))
            if hit is not None and self.describe is not None:
                QToolTip.showText(event.globalPos(), self.describe(hit), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.current >= 0 and not self.read_only:
            self.delete_requested.emit(self.current)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        point = event.position()
        hit = self.marker_at(point)
        if hit is not None:
            self.current = hit
            self._drag, self._drag_moved = (None if self.read_only else hit), False
            self.selected.emit(hit)
            self.update()
        elif not self.read_only and self.inside_frame(point):
            x, y = self.from_widget(point)
            self.placed.emit(x, y)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._drag is None:
            return
        x, y = self.from_widget(event.position())
        self.markers = [(i, x, y) if i == self._drag else (i, mx, my) for i, mx, my in self.markers]
        self._drag_moved = True
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        if self._drag is not None and self._drag_moved:
            x, y = self.from_widget(event.position())
            self.moved.emit(self._drag, x, y)
        self._drag = None


def paint_view(painter: QPainter, view: diagram.DiagramView, width: float, height: float,
               markers: list[tuple[int, float, float]], current: int = -1, *, ink: QColor | None = None,
               font: QFont | None = None, margin: float = MARGIN, radius: float = MARKER_RADIUS) -> None:
    """Draw a view's outline, its R/L marks and numbered markers into ``width`` × ``height``."""
    painter.setRenderHint(QPainter.Antialiasing)
    scale, ox, oy = diagram.fit(view, width, height, margin)
    outline = QPainterPath()
    for path in view.paths:
        outline.moveTo(ox + path[0][0] * scale, oy + path[0][1] * scale)
        for vx, vy in path[1:]:
            outline.lineTo(ox + vx * scale, oy + vy * scale)
    painter.setPen(QPen(ink or QColor("#000000"), 1.6))
    painter.setBrush(Qt.NoBrush)
    painter.drawPath(outline)
    bold = QFont(font) if font is not None else QFont()
    bold.setBold(True)
    painter.setFont(bold)

    def at(x: float, y: float) -> QPointF:
        vx, vy = diagram.to_view_coords(view, x, y)
        return QPointF(ox + vx * scale, oy + vy * scale)

    # the person's right and left in the user's language (П/Л in Russian, О/С in Kazakh), as the reports do
    sides = {"R": QCoreApplication.translate("BodyDiagram", "R", "the person's right side on the outline"),
             "L": QCoreApplication.translate("BodyDiagram", "L", "the person's left side on the outline")}
    for mark in view.marks:
        p = at(mark.x, mark.y)
        painter.drawText(QRectF(p.x() - 12, p.y() - 10, 24, 20), Qt.AlignCenter, sides.get(mark.text, mark.text))
    for index, x, y in markers:
        centre = at(x, y)
        chosen = index == current
        painter.setPen(QPen(QColor("#000000") if chosen else QColor("#ffffff"), 2))
        painter.setBrush(QColor("#ffb300") if chosen else QColor("#b00020"))
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(QColor("#000000") if chosen else QColor("#ffffff"))
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                         Qt.AlignCenter, str(index + 1))


def diagram_image(view_name: str, injuries: list[dict], width: int, height: int) -> QImage:
    """A small picture of one view with the markers of ``injuries`` on it (in memory only)."""
    image = QImage(width, height, QImage.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    view = diagram.view(view_name)
    markers = [(i, float(inj.get("x", 0.5)), float(inj.get("y", 0.5))) for i, inj in enumerate(injuries)
               if diagram.injury_view(inj) == view_name]
    painter = QPainter(image)
    paint_view(painter, view, width, height, markers, margin=6, radius=7)
    painter.end()
    return image


class BodyDiagram(QWidget):
    """View switcher and canvas over a list of injuries (the examination's ``injuries``).

    The list is edited in place: placing a marker appends an injury ``{id, view, x, y}`` (plus
    ``side`` on the front and back views, for v3 readers); dragging changes its ``x``/``y``.
    """

    injury_added = Signal(int)
    injury_moved = Signal(int)
    injury_selected = Signal(int)

    def __init__(self, lang: str = "en", parent=None, *, fields: set[str] | None = None):
        super().__init__(parent)
        self.lang = lang
        self.fields = fields  # the injury fields the schema knows (None: all)
        self.injuries: list[dict] = []
        self.tabs = QTabBar(objectName="diagram_views")
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.names = diagram.views()
        for name in self.names:
            self.tabs.addTab(diagram.view(name).title(lang))
        self.canvas = DiagramCanvas(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.canvas, 1)
        self.tabs.currentChanged.connect(lambda i: self.set_view(self.names[i]))
        self.canvas.placed.connect(self._place)
        self.canvas.moved.connect(self._move)
        self.canvas.selected.connect(self._select)

    @property
    def view_name(self) -> str:
        return self.canvas.view.name

    def set_read_only(self, read_only: bool) -> None:
        self.canvas.read_only = read_only

    def set_injuries(self, injuries: list[dict]) -> None:
        self.injuries = injuries
        self.refresh()

    def set_view(self, name: str) -> None:
        self.canvas.view = diagram.view(name)
        index = self.names.index(name)
        if self.tabs.currentIndex() != index:
            self.tabs.setCurrentIndex(index)
        self.refresh()

    def refresh(self) -> None:
        name = self.view_name
        self.canvas.markers = [(i, float(inj.get("x", 0.5)), float(inj.get("y", 0.5)))
                               for i, inj in enumerate(self.injuries) if diagram.injury_view(inj) == name]
        for i, view_name in enumerate(self.names):
            count = sum(1 for inj in self.injuries if diagram.injury_view(inj) == view_name)
            title = diagram.view(view_name).title(self.lang)
            self.tabs.setTabText(i, f"{title} ({count})" if count else title)
        self.canvas.update()

    def select(self, index: int) -> None:
        if 0 <= index < len(self.injuries):
            name = diagram.injury_view(self.injuries[index])
            if name != self.view_name:
                self.set_view(name)
        self.canvas.current = index
        self.canvas.update()

    def _place(self, x: float, y: float) -> None:
        injury = {"id": new_id(), "view": self.view_name, "x": round(x, 4), "y": round(y, 4)}
        if self.view_name in diagram.LEGACY_SIDES:
            injury["side"] = self.view_name
        region = diagram.region_at(self.view_name, x, y)  # the body region under the click, a proposal
        if region:
            injury["region"] = region
        if self.fields is not None:
            injury = {k: v for k, v in injury.items() if k in self.fields}
            if "view" not in self.fields and "side" not in injury:
                return  # a v3 schema can place markers on the front and back only
        self.injuries.append(injury)
        self.canvas.current = len(self.injuries) - 1
        self.refresh()
        self.injury_added.emit(len(self.injuries) - 1)

    def _move(self, index: int, x: float, y: float) -> None:
        self.injuries[index]["x"], self.injuries[index]["y"] = round(x, 4), round(y, 4)
        self.refresh()
        self.injury_moved.emit(index)

    def _select(self, index: int) -> None:
        self.injury_selected.emit(index)


class ConsistencyCombo(QComboBox):
    """The five Istanbul Protocol consistency terms, each with its definition on hover."""

    def __init__(self, terms: list[tuple[str, str]], lang: str = "en", parent=None, *, optional: bool = True):
        super().__init__(parent)
        self.lang = lang
        if optional:
            self.addItem("—", None)
        for key, label in terms:
            self.addItem(label, key)
            self.setItemData(self.count() - 1, diagram.consistency_definition(key, lang), Qt.ToolTipRole)
        self.currentIndexChanged.connect(self._explain)
        self._explain()

    def _explain(self) -> None:
        key = self.currentData()
        self.setToolTip(diagram.consistency_definition(key, self.lang) if key else "")

    def key(self) -> str | None:
        return self.currentData()

    def set_key(self, key: str | None) -> None:
        index = self.findData(key)
        self.setCurrentIndex(index if index >= 0 else 0)
