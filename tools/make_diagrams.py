"""Draw the body-diagram views into resources/diagrams/body.json (run from the checkout root).

The figures were drawn for Monitor: plain outlines from hand-placed points, mirrored where the
body is symmetric. Every view is a list of polylines in its own coordinate units; a closed
polyline repeats its first point at the end. Re-run after changing a point:

    python tools/make_diagrams.py
"""

from __future__ import annotations

import json
import math
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "diagrams" / "body.json"


def ellipse(cx, cy, rx, ry, n=36, start=0.0, end=360.0, closed=True):
    pts = []
    steps = n if closed else n + 1
    for i in range(steps):
        a = math.radians(start + (end - start) * i / n)
        pts.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    if closed:
        pts.append(pts[0])
    return pts


def mirror(path, axis):
    return [(2 * axis - x, y) for x, y in path]


def close(path):
    return list(path) + [path[0]]


# Half of the standing figure seen from the front or back (offsets from the centre line), from
# under the chin down to the crotch.
HALF = [(9, 58), (10, 72), (24, 80), (46, 86), (58, 94), (63, 108), (65, 140), (68, 180), (70, 205),
        (74, 245), (78, 275), (82, 290), (83, 310), (78, 322), (71, 318), (66, 298), (64, 280), (60, 250),
        (56, 210), (51, 170), (47, 135), (43, 125), (42, 160), (38, 205), (41, 235), (46, 262), (46, 300),
        (43, 345), (40, 375), (40, 405), (37, 440), (31, 468), (36, 484), (34, 492), (14, 493), (12, 470),
        (13, 440), (11, 405), (10, 375), (8, 340), (5, 300), (2, 280), (0, 276)]


def standing(cx=100):
    right = [(cx + dx, y) for dx, y in HALF]
    left = [(cx - dx, y) for dx, y in reversed(HALF[:-1])]
    return [close(right + left), ellipse(cx, 31, 21, 27)]


def front():
    paths = standing()
    paths += [[(94, 84), (80, 86), (64, 89)], [(106, 84), (120, 86), (136, 89)],  # collarbones
              ellipse(100, 215, 2.2, 2.2, n=12),  # navel
              [(84, 374), (94, 374)], [(116, 374), (106, 374)]]  # knees
    return {"width": 200, "height": 500, "paths": paths,
            "marks": [{"text": "R", "x": 0.08, "y": 0.04}, {"text": "L", "x": 0.92, "y": 0.04}]}


def back():
    paths = standing()
    paths += [[(100, 78), (100, 262)],  # spine
              [(76, 108), (70, 130), (80, 150), (90, 140)], [(124, 108), (130, 130), (120, 150), (110, 140)],
              [(100, 262), (100, 276)], [(62, 288), (80, 292), (98, 286)], [(138, 288), (120, 292), (102, 286)],
              [(84, 380), (95, 382)], [(116, 380), (105, 382)]]
    return {"width": 200, "height": 500, "paths": paths,
            "marks": [{"text": "L", "x": 0.08, "y": 0.04}, {"text": "R", "x": 0.92, "y": 0.04}]}


# The figure's left side, facing the viewer's left (the right side is its mirror image).
PROFILE = [(62, 58), (60, 72), (50, 95), (46, 120), (48, 150), (50, 180), (47, 210), (50, 240), (54, 270),
           (52, 300), (56, 350), (58, 375), (60, 420), (64, 465), (44, 480), (40, 488), (42, 493), (84, 493),
           (86, 480), (80, 465), (84, 420), (88, 390), (82, 370), (86, 320), (94, 275), (94, 250), (86, 220),
           (88, 180), (94, 130), (92, 95), (80, 72), (78, 58)]
ARM = [(72, 86), (62, 94), (58, 140), (60, 190), (58, 240), (60, 270), (57, 292), (60, 310), (68, 314),
       (74, 300), (76, 270), (80, 240), (82, 190), (84, 140), (84, 100), (78, 88)]


def left():
    paths = [close(PROFILE), close(ARM), ellipse(70, 31, 19, 27),
             [(52, 24), (46, 38), (52, 41)],  # nose
             ellipse(74, 34, 4, 7, n=16)]  # ear
    return {"width": 140, "height": 500, "paths": paths, "marks": []}


def right():
    view = left()
    view["paths"] = [mirror(p, 70) for p in view["paths"]]
    return view


def sole(cx):
    """A left sole (big toe towards the centre of the view); mirror for the right one."""
    outline = close([(cx + dx, y) for dx, y in [(-30, 70), (-26, 52), (-14, 42), (2, 36), (20, 34), (32, 42),
                                                 (34, 60), (30, 90), (24, 120), (22, 150), (24, 185), (22, 215),
                                                 (14, 238), (0, 244), (-14, 238), (-22, 215), (-24, 185),
                                                 (-26, 150), (-28, 120), (-30, 95)]])
    toes = [ellipse(cx + 24, 20, 9, 12, n=20), ellipse(cx + 9, 18, 6, 8, n=16), ellipse(cx - 3, 21, 5.5, 7, n=16),
            ellipse(cx - 14, 26, 5, 6.5, n=16), ellipse(cx - 24, 34, 4.5, 5.5, n=16)]
    return [outline] + toes


def soles():
    paths = sole(60) + [mirror(p, 100) for p in sole(60)]
    return {"width": 200, "height": 260, "paths": paths,
            "marks": [{"text": "L", "x": 0.3, "y": 0.99}, {"text": "R", "x": 0.7, "y": 0.99}]}


def hand(cx):
    """A hand with the fingers up and the thumb towards the viewer's right."""
    top, bottom = 120, 222
    fingers = [(-30, 15, 56), (-10, 17, 72), (10, 18, 78), (30, 17, 70)]  # little … index: centre, width, length
    pts = [(cx - 40, bottom), (cx - 42, 170), (cx - 40, top + 6)]
    for dx, w, length in fingers:
        x0, x1 = cx + dx - w / 2, cx + dx + w / 2
        tip = top - length
        pts += [(x0, top), (x0, tip + w / 2)]
        pts += ellipse(cx + dx, tip + w / 2, w / 2, w / 2, n=8, start=180, end=360, closed=False)[1:-1]
        pts += [(x1, tip + w / 2), (x1, top)]
    pts += [(cx + 40, top + 6), (cx + 42, 150),
            (cx + 56, 132), (cx + 66, 118), (cx + 74, 112), (cx + 80, 118), (cx + 76, 134), (cx + 64, 160),
            (cx + 48, 190), (cx + 40, bottom), (cx + 30, 250), (cx - 30, 250)]
    return [close(pts)]


def hands(palm_side: bool):
    left_hand = hand(70)
    right_hand = [mirror(p, 165) for p in hand(70)]
    first, second = ("R", "L") if palm_side else ("L", "R")
    paths = left_hand + right_hand
    if palm_side:
        paths += [[(44, 170), (70, 160), (96, 168)], [(102, 180), (86, 200), (80, 222)]]  # palm creases
        paths += [mirror(p, 165) for p in paths[-2:]]
    else:
        paths += [[(55 + 20 * i, 122), (55 + 20 * i, 116)] for i in range(4)]  # knuckles
        paths += [mirror(p, 165) for p in paths[-4:]]
    return {"width": 330, "height": 260, "paths": paths,
            "marks": [{"text": first, "x": 0.21, "y": 0.995}, {"text": second, "x": 0.79, "y": 0.995}]}


def head():
    paths = [ellipse(100, 110, 62, 82), ellipse(36, 115, 9, 18, n=20, start=90, end=270, closed=False),
             ellipse(164, 115, 9, 18, n=20, start=-90, end=90, closed=False),
             [(75, 187), (72, 235)], [(125, 187), (128, 235)],
             [(66, 100), (76, 95), (88, 100)], [(112, 100), (124, 95), (134, 100)],  # eyes
             [(100, 104), (96, 130), (104, 132)],  # nose
             [(86, 152), (100, 155), (114, 152)]]  # mouth
    return {"width": 200, "height": 240, "paths": paths,
            "marks": [{"text": "R", "x": 0.06, "y": 0.05}, {"text": "L", "x": 0.94, "y": 0.05}]}


TITLES = {
    "front": ("Front", "Спереди", "Алдынан"),
    "back": ("Back", "Сзади", "Артынан"),
    "left": ("Left side", "Левый бок", "Сол жағы"),
    "right": ("Right side", "Правый бок", "Оң жағы"),
    "soles": ("Soles", "Подошвы", "Табандар"),
    "palms": ("Palms", "Ладони", "Алақандар"),
    "hands_back": ("Backs of the hands", "Тыльные стороны кистей", "Қолдың сырты"),
    "head": ("Head", "Голова", "Бас"),
}


def main() -> None:
    makers = {"front": front, "back": back, "left": left, "right": right, "soles": soles,
              "palms": lambda: hands(True), "hands_back": lambda: hands(False), "head": head}
    views = []
    for name, make in makers.items():
        view = make()
        en, ru, kk = TITLES[name]
        views.append({"name": name, "labels": {"en": en, "ru": ru, "kk": kk}, "width": view["width"],
                      "height": view["height"], "marks": view["marks"],
                      "paths": [[[round(x, 1), round(y, 1)] for x, y in p] for p in view["paths"]]})
    doc = {"format": "monitor-body-diagram/1",
           "licence": "Drawn for Monitor; same licence as Monitor (GPL-3.0-or-later). See LICENCE.md.",
           "frame": "x, y of a marker are normalised 0..1 within the view's box (0,0 top left, 1,1 bottom right)",
           "views": views}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
