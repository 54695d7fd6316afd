"""The body-diagram views and their frame (shared by the editor and the PDF reports)."""

from __future__ import annotations

import pytest

from monitor.core.model import diagram
from monitor.core import resources

VIEWS = ["front", "back", "left", "right", "soles", "palms", "hands_back", "head"]


def test_every_view_is_there_with_outlines_inside_its_box():
    assert diagram.views() == VIEWS
    for name in VIEWS:
        v = diagram.view(name)
        assert v.width > 0 and v.height > 0
        assert len(v.paths) >= 1
        for path in v.paths:
            assert len(path) >= 2
            for x, y in path:
                assert -0.5 <= x <= v.width + 0.5 and -0.5 <= y <= v.height + 0.5, (name, x, y)
        for lang in ("en", "ru", "kk"):
            assert v.title(lang) and (lang == "en" or v.title(lang) != v.title("en"))


def test_the_figure_fills_most_of_its_box():
    for name in ("front", "back", "left", "right"):
        v = diagram.view(name)
        ys = [y for path in v.paths for _, y in path]
        assert min(ys) < 0.02 * v.height and max(ys) > 0.97 * v.height


def test_right_is_the_mirror_of_left():
    left, right = diagram.view("left"), diagram.view("right")
    for a, b in zip(left.paths, right.paths):
        for (x1, y1), (x2, y2) in zip(a, b):
            assert x1 + x2 == pytest.approx(left.width, abs=0.11) and y1 == y2


def test_frame_round_trip_and_clamping():
    v = diagram.view("soles")
    assert diagram.to_view_coords(v, 0.5, 0.25) == (v.width * 0.5, v.height * 0.25)
    assert diagram.from_view_coords("soles", *diagram.to_view_coords(v, 0.3, 0.7)) == pytest.approx((0.3, 0.7))
    assert diagram.from_view_coords(v, -10, v.height * 3) == (0.0, 1.0)
    scale, ox, oy = diagram.fit("front", 400, 500)
    assert scale == pytest.approx(1.0) and ox == pytest.approx(100) and oy == pytest.approx(0)


def test_view_of_an_injury_old_and_new():
    assert diagram.injury_view({"side": "back", "x": 0.1, "y": 0.1}) == "back"
    assert diagram.injury_view({"view": "soles", "side": "front"}) == "soles"
    assert diagram.injury_view({}) == "front"
    with pytest.raises(KeyError):
        diagram.view("elbow")


def test_consistency_definitions_cover_the_vocabulary_in_three_languages():
    terms = [t["key"] for t in resources.load_json("vocabularies", "consistency.json")["terms"]]
    assert len(terms) == 5
    for key in terms:
        texts = [diagram.consistency_definition(key, lang) for lang in ("en", "ru", "kk")]
        assert all(texts) and len(set(texts)) == 3
    assert "қ" in diagram.consistency_definition("diagnostic", "kk") or "ә" in diagram.consistency_definition("diagnostic", "kk")


def test_diagram_licence_ships_beside_it():
    assert "Monitor" in resources.path("diagrams", "LICENCE.md").read_text(encoding="utf-8")
