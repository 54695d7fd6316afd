"""A stand-in body outline for the PDFs, drawn with reportlab.graphics.

The shared vector body-diagram views (``resources/diagrams/body.json`` and the Qt-free
``monitor/core/model/diagram.py``, used by the GUI's editor as well) are drawn by :func:`draw_view`
whenever this Monitor has them, so a marker lands on the same outline in the app and on paper.
Until they are present, a stand-in outline is drawn instead (below). Numbering, layout and
captions stay in ``pdf.py``.

The figure here is deliberately plain: a symmetric silhouette for front/back and the side views,
outlines of two feet/hands for soles/palms/backs of the hands, and a head outline. (x, y) are
normalised to the view's frame: (0, 0) top left, (1, 1) bottom right.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Group, PolyLine, Polygon, Rect, String
from reportlab.lib import colors

OUTLINE = colors.Color(0.35, 0.35, 0.35)
FILL = colors.Color(0.96, 0.96, 0.96)

# consistency key → marker fill (stronger consistency, darker red)
SHADES = {
    "not_consistent": colors.Color(0.55, 0.55, 0.55),
    "consistent": colors.Color(0.95, 0.55, 0.2),
    "highly_consistent": colors.Color(0.88, 0.3, 0.1),
    "typical": colors.Color(0.75, 0.1, 0.1),
    "diagnostic": colors.Color(0.5, 0.0, 0.0),
}
UNGRADED = colors.Color(0.8, 0.1, 0.1)


def _silhouette(g: Group, x0: float, y0: float, w: float, h: float, side: bool = False) -> None:
    """A standing human figure in the box (x0, y0, w, h); reportlab's y grows upwards."""

    def P(px, py):  # normalised figure coords (0..1, top-left origin) → drawing coords
        return x0 + px * w, y0 + (1 - py) * h

    def poly(points):
        flat = []
        for px, py in points:
            flat += P(px, py)
        g.add(Polygon(flat, strokeColor=OUTLINE, fillColor=FILL, strokeWidth=0.8))

    cx, cy = P(0.5, 0.065)
    g.add(Ellipse(cx, cy, w * (0.06 if side else 0.075), h * 0.06, strokeColor=OUTLINE, fillColor=FILL, strokeWidth=0.8))
    if side:
        poly([(0.46, 0.12), (0.54, 0.12), (0.57, 0.2), (0.58, 0.45), (0.56, 0.55), (0.55, 0.97), (0.47, 0.97),
              (0.44, 0.55), (0.42, 0.45), (0.43, 0.2)])
        poly([(0.47, 0.2), (0.53, 0.2), (0.55, 0.5), (0.5, 0.52)])
        return
    # neck, torso and legs as one outline; arms separately
    poly([(0.46, 0.12), (0.54, 0.12), (0.55, 0.15), (0.66, 0.18), (0.64, 0.42), (0.62, 0.52),
          (0.6, 0.97), (0.52, 0.97), (0.5, 0.56), (0.48, 0.97), (0.4, 0.97), (0.38, 0.52), (0.36, 0.42),
          (0.34, 0.18), (0.45, 0.15)])
    poly([(0.66, 0.18), (0.72, 0.22), (0.78, 0.5), (0.74, 0.52), (0.68, 0.3), (0.65, 0.3)])
    poly([(0.34, 0.18), (0.28, 0.22), (0.22, 0.5), (0.26, 0.52), (0.32, 0.3), (0.35, 0.3)])


def _pair(g: Group, x0: float, y0: float, w: float, h: float) -> None:
    """Two outlines side by side: soles, palms or backs of the hands."""
    for cx in (0.3, 0.7):
        g.add(Ellipse(x0 + cx * w, y0 + 0.5 * h, w * 0.14, h * 0.4, strokeColor=OUTLINE, fillColor=FILL,
                      strokeWidth=0.8))


def _shared_view(view: str):
    """The shared vector view (``monitor.core.model.diagram``, from ``resources/diagrams/body.json``) if this
    Monitor has it, else None (the stand-in outline below is drawn instead)."""
    try:
        from ..model import diagram  # type: ignore[attr-defined]

        shared = diagram.view(view)
        scale_fit = diagram.fit
    except (ImportError, AttributeError, KeyError, OSError, ValueError):
        return None
    return shared, scale_fit


def draw_view(view: str, x0: float, y0: float, w: float, h: float,
              markers: list[tuple[int, float, float, str | None]], font: str, font_bold: str,
              letters: dict[str, str] | None = None) -> Group:
    """One view of the body in the rectangle (x0, y0, w, h) with numbered markers.

    ``markers`` are (number, x, y, consistency key); x, y normalised to the view's frame.
    ``letters`` give the side marks in the report's language (``{"R": "П", "L": "Л"}``).
    """
    g = Group()
    g.add(Rect(x0, y0, w, h, strokeColor=colors.Color(0.8, 0.8, 0.8), fillColor=None, strokeWidth=0.5))
    found = _shared_view(view)
    if found is not None:  # the same outline the GUI's editor draws, fitted into the box
        shared, fit = found
        scale, ox, oy = fit(shared, w, h, 4.0)
        for path in shared.paths:
            flat: list[float] = []
            for vx, vy in path:
                flat += [x0 + ox + vx * scale, y0 + h - (oy + vy * scale)]
            g.add(PolyLine(flat, strokeColor=OUTLINE, strokeWidth=0.8))
        for mark in getattr(shared, "marks", ()):
            g.add(String(x0 + ox + mark.x * shared.width * scale, y0 + h - (oy + mark.y * shared.height * scale) - 3,
                         (letters or {}).get(mark.text, mark.text), fontName=font, fontSize=7, fillColor=OUTLINE,
                         textAnchor="middle"))
        box = (x0 + ox, y0 + oy, shared.width * scale, shared.height * scale)  # markers use the view's box
        return _markers(g, markers, *box, font_bold)
    if view in ("front", "back"):
        _silhouette(g, x0, y0, w, h)
        if view == "back":  # a spine line tells back from front at a glance
            g.add(PolyLine([x0 + 0.5 * w, y0 + 0.85 * h, x0 + 0.5 * w, y0 + 0.5 * h],
                           strokeColor=OUTLINE, strokeWidth=0.5, strokeDashArray=[2, 2]))
    elif view in ("left", "right"):
        _silhouette(g, x0, y0, w, h, side=True)
    elif view in ("soles", "palms", "hands_back"):
        _pair(g, x0, y0, w, h)
    else:  # head
        g.add(Ellipse(x0 + 0.5 * w, y0 + 0.5 * h, w * 0.3, h * 0.4, strokeColor=OUTLINE, fillColor=FILL,
                      strokeWidth=0.8))
    return _markers(g, markers, x0, y0, w, h, font_bold)


def _markers(g: Group, markers, x0: float, y0: float, w: float, h: float, font_bold: str) -> Group:
    r = max(4.5, min(w, h) * 0.035)
    for number, x, y, consistency in markers:
        px, py = x0 + max(0.0, min(1.0, x)) * w, y0 + (1 - max(0.0, min(1.0, y))) * h
        g.add(Circle(px, py, r, fillColor=SHADES.get(consistency or "", UNGRADED),
                     strokeColor=colors.white, strokeWidth=0.6))
        g.add(String(px, py - r * 0.38, str(number), fontName=font_bold, fontSize=r * 1.05,
                     fillColor=colors.white, textAnchor="middle"))
    return g


def body_drawing(views: list[str], markers, labels: dict[str, str], width: float, font: str,
                 font_bold: str, *, letters: dict[str, str] | None = None,
                 legend: list[tuple[str | None, str]] | None = None, legend_title: str = "") -> Drawing:
    """All ``views`` side by side (up to four per row), each with its name under it, and under
    them a legend of the marker colours (``legend``: consistency key, label)."""
    per_row = min(4, max(1, len(views)))
    rows = (len(views) + per_row - 1) // per_row
    cell_w = min(width / per_row, 150)  # a figure about 28 cm tall at most per row
    cell_h = cell_w * 1.9
    label_h = 14
    legend = legend or []
    legend_h = (12 * len(legend) + (14 if legend_title else 0) + 6) if legend else 0
    d = Drawing(width, rows * (cell_h + label_h) + legend_h)
    d.initialFontName = font  # the renderer's starting state would otherwise select Helvetica
    if legend:
        y = legend_h - 12
        if legend_title:
            d.add(String(6, y, legend_title, fontName=font_bold, fontSize=8))
            y -= 14
        for key, label in legend:
            d.add(Circle(12, y + 3, 4.5, fillColor=SHADES.get(key or "", UNGRADED), strokeColor=colors.white,
                         strokeWidth=0.6))
            d.add(String(22, y, label, fontName=font, fontSize=8))
            y -= 12
    for i, view in enumerate(views):
        row, col = divmod(i, per_row)
        x0 = col * cell_w + 6
        y0 = (rows - row - 1) * (cell_h + label_h) + label_h + legend_h
        mine = [(m.number, m.x, m.y, m.consistency) for m in markers if m.view == view]
        d.add(draw_view(view, x0, y0, cell_w - 12, cell_h - 6, mine, font, font_bold, letters))
        d.add(String(x0 + (cell_w - 12) / 2, y0 - 11, labels.get(view, view), fontName=font, fontSize=8,
                     textAnchor="middle"))
    return d
