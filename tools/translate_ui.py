"""Refresh the UI catalogues: lupdate, reuse translations already in the .ts files, lrelease.

    .venv/bin/python tools/translate_ui.py

The ``resources/translations/monitor_{ru,kk}.ts`` files are the only source of widget texts'
translations (texts the core says are in ``resources/messages/*.json`` instead). After lupdate,
a new entry whose source text is already translated in another context of the same file gets
that translation; every other new entry is printed and must be translated in the .ts file
(by hand or with ``pyside6-linguist``) before the translation test passes. Run the tool again
afterwards to compile the .qm files.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "translations"


def _finished(translation: ET.Element) -> bool:
    return translation.get("type") not in ("unfinished", "obsolete", "vanished") and bool(translation.text)


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "monitor" / "gui").rglob("*.py"))
    files = [str(TS / f"monitor_{lang}.ts") for lang in ("ru", "kk")]
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", *sources, "-ts", *files], check=True,
                   cwd=ROOT, capture_output=True)
    missing = 0
    for lang in ("ru", "kk"):
        path = TS / f"monitor_{lang}.ts"
        tree = ET.parse(path)
        messages = list(tree.getroot().iter("message"))
        known = {m.findtext("source"): m.find("translation").text for m in messages if _finished(m.find("translation"))}
        for message in messages:
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            text = translation.text or known.get(message.findtext("source"))
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                missing += 1
                print(f"{lang}: untranslated: {message.findtext('source')!r}")
        tree.write(path, encoding="utf-8", xml_declaration=True)
        subprocess.run([str(BIN / "pyside6-lrelease"), str(path), "-qm", str(path.with_suffix(".qm"))],
                       check=True, capture_output=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
