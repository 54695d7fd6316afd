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


# --- the body region under a point ------------------------------------------------------------------
# Bands in the normalised frame of each view, read off body.json's outlines (head above y 0.12, shoulders
# at 0.165, hands end at 0.63, knees near 0.74, ankles at 0.92). Coarse on purpose: the region is a
# proposal the examiner can change, never a measurement.

_LIMB_BANDS = ((0.22, "shoulder"), (0.38, "arm"), (0.5, "forearm"), (0.55, "wrist"), (0.64, "hand"))
_LEG_BANDS = ((0.74, "thigh"), (0.92, "leg"), (0.95, "ankle"), (1.01, "foot"))


def _viewer_left_is(v: DiagramView) -> str:
    """Which side of the person is on the viewer's left in this view: "right" or "left"."""
    for mark in v.marks:
        if mark.x < 0.5:
            return "right" if mark.text == "R" else "left"
    return "left" if v.name == "left" else "right"


def _band(bands, y: float) -> str:
    for limit, name in bands:
        if y < limit:
            return name
    return bands[-1][1]


def region_at(v: DiagramView | str, x: float, y: float) -> str | None:
    """The ``body_region`` vocabulary key under a normalised point of a view, or None outside the body.

    Example: ``region_at("back", 0.4, 0.3)`` is "back_upper"; ``region_at("front", 0.2, 0.45)`` is
    "forearm_right" (the person's right is on the viewer's left, as when facing them).
    """
    v = _as_view(v)
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
        return None
    near = "right" if (x < 0.5) == (_viewer_left_is(v) == "right") else "left"
    if v.name == "soles":
        return f"sole_{near}"
    if v.name in ("palms", "hands_back"):
        return f"hand_{near}"
    if v.name == "head":
        if x < 0.185 or x > 0.815:
            return f"ear_{near}" if 0.35 <= y <= 0.6 else None
        return "scalp" if y < 0.3 else "face" if y < 0.78 else "neck"
    if y < 0.12:
        return "face" if v.name == "front" else "head"
    if y < 0.165:
        return "neck"
    if v.name in ("left", "right"):  # a profile: the arm hangs over the flank
        side = v.name
        if y < 0.64:
            return f"{_band(_LIMB_BANDS, y)}_{side}"
        return f"{_band(_LEG_BANDS, y)}_{side}"
    centre = abs(x - 0.5)
    if y < 0.64 and centre > 0.22:  # beside the trunk: the arms
        return f"{_band(_LIMB_BANDS, y)}_{near}"
    if y < 0.22 and centre > 0.15:
        return f"shoulder_{near}"
    if v.name == "back":
        if y < 0.36:
            return "back_upper"
        if y < 0.5:
            return "back_lower"
        if y < 0.6:
            return "buttocks"
    else:
        if y < 0.34:
            return "chest"
        if y < 0.5:
            return "abdomen"
        if y < 0.57 and centre < 0.08:
            return "genitals"
    return f"{_band(_LEG_BANDS, max(y, 0.57))}_{near}"
