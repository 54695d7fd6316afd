"""The body diagram: its views, drawn from ``resources/diagrams/body.json``, and their frame.

Shared by the desktop editor and the PDF reports, so a marker lands on the same spot of the same
outline everywhere. Qt-free.

The frame
---------
Each view is a box ``width`` × ``height`` in its own drawing units, with (0, 0) at the top left.
An injury's ``x`` and ``y`` are normalised to that box: ``x = 0`` is its left edge, ``x = 1`` its
right edge, ``y = 0`` its top, ``y = 1`` its bottom, as the view is drawn (in the front view the
person's right side is on the viewer's left, as when facing them; each view's ``marks`` say where
R and L are). :func:`to_view_coords` and :func:`from_view_coords` convert; a renderer scales the
box uniformly to the space it has (:func:`fit`).

Example::

    from monitor.core import diagram
    front = diagram.view("front")
    for path in front.paths:            # polylines; closed ones repeat their first point
        canvas.lines(path)
    px, py = diagram.to_view_coords(front, injury["x"], injury["y"])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import resources

Point = tuple[float, float]

# v3 injuries name a ``side`` (front/back) instead of a ``view``.
LEGACY_SIDES = {"front": "front", "back": "back"}


@dataclass(frozen=True)
class Mark:
    text: str  # "R" or "L"
    x: float  # normalised, like a marker
    y: float


@dataclass(frozen=True)
class DiagramView:
    name: str
    width: float
    height: float
    paths: tuple[tuple[Point, ...], ...]
    labels: dict
    marks: tuple[Mark, ...] = ()

    def title(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.name


@cache
def _load() -> dict[str, DiagramView]:
    doc = resources.load_json("diagrams", "body.json")
    out = {}
    for item in doc["views"]:
        paths = tuple(tuple((float(x), float(y)) for x, y in path) for path in item["paths"])
        marks = tuple(Mark(m["text"], float(m["x"]), float(m["y"])) for m in item.get("marks", ()))
        out[item["name"]] = DiagramView(item["name"], float(item["width"]), float(item["height"]), paths,
                                        dict(item["labels"]), marks)
    return out


def views() -> list[str]:
    """The view names in display order: front, back, left, right, soles, palms, hands_back, head."""
    return list(_load())


def view(name: str) -> DiagramView:
    try:
        return _load()[name]
    except KeyError:
        raise KeyError(f"no body-diagram view named {name!r}; views: {', '.join(views())}") from None


def _as_view(v: DiagramView | str) -> DiagramView:
    return v if isinstance(v, DiagramView) else view(v)


def to_view_coords(v: DiagramView | str, x: float, y: float) -> Point:
    """Normalised (0..1) marker position → the view's drawing units."""
    v = _as_view(v)
    return x * v.width, y * v.height


def from_view_coords(v: DiagramView | str, vx: float, vy: float) -> Point:
    """Drawing units → normalised position, clamped into the frame (a marker never leaves it)."""
    v = _as_view(v)
    return min(1.0, max(0.0, vx / v.width)), min(1.0, max(0.0, vy / v.height))


def fit(v: DiagramView | str, width: float, height: float, margin: float = 0.0) -> tuple[float, float, float]:
    """How to draw the view centred in a ``width`` × ``height`` area: (scale, offset_x, offset_y).

    A point (vx, vy) in view units lands at (offset_x + vx * scale, offset_y + vy * scale).
    """
    v = _as_view(v)
    avail_w, avail_h = max(1.0, width - 2 * margin), max(1.0, height - 2 * margin)
    scale = min(avail_w / v.width, avail_h / v.height)
    return scale, (width - v.width * scale) / 2, (height - v.height * scale) / 2


def injury_view(injury: dict) -> str:
    """The view an injury is placed on: ``view`` (v4), else the legacy ``side`` (v3), else front."""
    name = injury.get("view") or LEGACY_SIDES.get(injury.get("side", ""), "front")
    return name if name in _load() else "front"


@cache
def consistency_definitions() -> dict[str, dict[str, str]]:
    """The Istanbul Protocol consistency terms' definitions: {key: {lang: text}}."""
    return resources.load_json("definitions", "consistency.json")["definitions"]


def consistency_definition(key: str, lang: str = "en") -> str:
    entry = consistency_definitions().get(key, {})
    return entry.get(lang) or entry.get("en") or ""
