"""The examination editor: markers by mouse on two views, injuries edited beside the diagram."""

from __future__ import annotations


import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, require_module
from records import uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from monitor.core.model import diagram  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.editors.examination_editor import ExaminationEditor  # noqa: E402


@pytest.fixture
def vault(stocked_copy):
    v = Vault.open(stocked_copy, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    yield v
    v.close()


def click(canvas, x, y):
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, canvas.to_widget(x, y).toPoint())


def choose(editor, name, key):
    box = editor.panel.fields[name].box
    box.setCurrentIndex(box.findData(key))


def describe_injury(editor, injury_type, region, consistency):
    choose(editor, "injury_type", injury_type)
    choose(editor, "region", region)
    choose(editor, "consistency", consistency)


def test_two_markers_on_two_views_saved_with_their_injuries(qtbot, vault):
    editor = ExaminationEditor(vault, lang="ru", defaults={"person_id": uid(3), "case_id": uid(6)})
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    canvas = editor.diagram.canvas
    editor.diagram.set_view("back")
    click(canvas, 0.4, 0.3)
    assert editor.current == 0 and editor.table.rowCount() == 1
    # Missing the required description: Save refuses and points at the injury's field.
    assert not editor.save()
    assert editor.injuries[0]["region"] == "back_upper"  # taken from the click
    assert editor.panel.fields["injury_type"].error.isVisible()
    describe_injury(editor, "bruise", "back_upper", "highly_consistent")
    wanted_view = "head" if "view" in editor.injury_fields else "front"
    editor.diagram.set_view(wanted_view)
    click(canvas, 0.5, 0.6)
    assert editor.current == 1 and editor.panel_box.title().endswith("2")
    describe_injury(editor, "abrasion", "head", "consistent")
    # The table and the markers agree on the numbers.
    assert editor.table.item(1, 0).text() == "2" and editor.table.item(0, 2).text() != "bruise"
    assert [m[0] for m in canvas.markers] == [1]
    opinion = editor.form.find("overall_opinion").box
    opinion.setCurrentIndex(opinion.findData("highly_consistent"))
    assert opinion.toolTip() == diagram.consistency_definition("highly_consistent", "ru")
    assert editor.save(), editor.banner.text()
    stored = vault.get(editor.record_id)
    assert [diagram.injury_view(i) for i in stored["injuries"]] == ["back", wanted_view]
    assert stored["injuries"][0]["x"] == pytest.approx(0.4, abs=0.01)
    assert stored["injuries"][1]["injury_type"] == "abrasion" and stored["overall_opinion"] == "highly_consistent"
    # Select the first marker by clicking it; drag it; remove the second.
    editor.diagram.set_view("back")
    click(canvas, 0.4, 0.3)
    assert editor.current == 0
    assert "Кровоподт" in editor._describe(0)  # what a marker's tooltip says
    editor.select(1)
    QTest.keyClick(canvas, Qt.Key_Delete)  # Delete removes the selected marker
    assert len(editor.injuries) == 1 and editor.save()
    assert len(vault.get(editor.record_id)["injuries"]) == 1
    assert editor.seal(confirmed=True)
    assert vault.info(editor.record_id).sealed and editor.diagram.canvas.read_only


def test_existing_v3_examination_opens_with_its_marker(qtbot, vault):
    editor = ExaminationEditor(vault, vault.get(uid(8)), lang="kk")
    qtbot.addWidget(editor)
    assert editor.diagram.view_name == "back" and editor.current == 0
    assert editor.build() == vault.get(uid(8))
