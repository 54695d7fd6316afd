"""Refresh the UI catalogues: lupdate, fill new entries from tools/ui_translations.json, lrelease.

    .venv/bin/python tools/translate_ui.py

Entries already translated in a .ts are kept; an unfinished entry whose source text is in
ui_translations.json ({source: {"ru": …, "kk": …}}) gets that translation. Prints what is
still untranslated (the translation test fails until it is).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "translations"


def main() -> int:
    table = json.loads((ROOT / "tools" / "ui_translations.json").read_text(encoding="utf-8"))
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "monitor" / "gui").rglob("*.py"))
    files = [str(TS / f"monitor_{lang}.ts") for lang in ("ru", "kk")]
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", *sources, "-ts", *files], check=True,
                   cwd=ROOT, capture_output=True)
    missing = 0
    for lang in ("ru", "kk"):
        path = TS / f"monitor_{lang}.ts"
        tree = ET.parse(path)
        for message in tree.getroot().iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("unfinished", None) and not translation.text:
                entry = table.get(message.findtext("source"), {}).get(lang)
                if entry:
                    translation.text = entry
                    translation.attrib.pop("type", None)
                else:
                    missing += 1
                    print(f"{lang}: untranslated: {message.findtext('source')!r}")
            elif translation.get("type") == "unfinished" and translation.text:
                translation.attrib.pop("type", None)
        tree.write(path, encoding="utf-8", xml_declaration=True)
        subprocess.run([str(BIN / "pyside6-lrelease"), str(path), "-qm", str(path.with_suffix(".qm"))],
                       check=True, capture_output=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
