"""The UI catalogues: every UI string is in the ru and kk .ts files, translated, and compiled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import skip_unless_ci
from records import new_case

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name) or (BIN / name)
    if not Path(found).exists():
        skip_unless_ci(f"{name} is not installed")  # fails under CI=true
    return str(found)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation.get("type") in ("unfinished", "obsolete", "vanished")
            out[(name, message.findtext("source"))] = None if unfinished else (translation.text or "")
    return out


def test_every_ui_string_is_in_the_catalogues(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "monitor" / "gui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = set(messages(fresh))
    assert len(in_code) > 20
    for lang in ("ru", "kk"):
        committed = set(messages(TRANSLATIONS / f"monitor_{lang}.ts"))
        assert in_code - committed == set(), f"missing from monitor_{lang}.ts: run pyside6-lupdate"
        assert committed - in_code == set(), f"stale entries in monitor_{lang}.ts"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_string_is_translated_with_its_placeholders(lang):
    for (context, source), translation in messages(TRANSLATIONS / f"monitor_{lang}.ts").items():
        assert translation, f"{lang}: no translation for {context}/{source!r}"
        assert translation != source or source in ("Monitor",), f"{lang}: untranslated {source!r}"
        assert sorted(re.findall(r"{\w+}", source)) == sorted(re.findall(r"{\w+}", translation)), source
    if lang == "kk":
        text = "".join(t for t in messages(TRANSLATIONS / "monitor_kk.ts").values() if t)
        assert set("әғқңөұүі") <= set(text.lower())


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_compiled_catalogue_is_up_to_date(tmp_path, lang):
    qm = tmp_path / f"monitor_{lang}.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TRANSLATIONS / f"monitor_{lang}.ts"), "-qm", str(qm)],
                   check=True, capture_output=True)
    assert qm.read_bytes() == (TRANSLATIONS / f"monitor_{lang}.qm").read_bytes(), "run pyside6-lrelease"


def test_kazakh_ui_in_a_real_window(qtbot, tmp_path, monkeypatch):
    from conftest import PASSPHRASE, TEST_KDF
    from PySide6.QtWidgets import QApplication

    from monitor.core.store.vault import Vault
    from monitor.gui.i18n import choose_language, install_translator
    from monitor.gui.main_window import MainWindow

    monkeypatch.setenv("MONITOR_LANG", "kk")
    assert choose_language() == "kk"
    app = QApplication.instance()
    translator = install_translator(app, "kk")
    assert translator is not None
    try:
        vault = Vault.create(tmp_path / "kk.vault", PASSPHRASE, kdf=TEST_KDF)
        vault.put(new_case("00000000-0000-4000-8000-000000000001", title="Қамау", status="investigation"))
        window = MainWindow(vault, lang="kk")
        qtbot.addWidget(window)
        assert window.lock_action.text() == "Құлыптау"
        assert window.cases_model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Horizontal) == "Коды"
        assert window.cases_model.rows[0]["status_label"] != "investigation"
        vault.close()
    finally:
        app.removeTranslator(translator)
