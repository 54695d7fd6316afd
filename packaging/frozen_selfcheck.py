"""A self-check of the frozen app, run by packaging/smoke_test.py: MONITOR_FROZEN_SELFCHECK=1 monitor

It exercises, inside the bundle and in memory only (nothing is written), what the command line
alone does not reach: every module of monitor.core and monitor.gui imports (so no lazily imported
module was left out), pypdfium2 renders a PDF page (the report preview), pikepdf encrypts it,
QtPrintSupport loads, Qt reads the image formats photos come in, and the resources are found
inside the bundle through monitor.core.resources. Prints one line and exits 0, or raises.
"""

from __future__ import annotations

import importlib
import io
import os
import pkgutil
import sys
from pathlib import Path


def run() -> int:
    import monitor

    # the modules of the checkout (the smoke test passes their names), else what the bundle lists
    expected = os.environ.get("MONITOR_FROZEN_SELFCHECK_MODULES", "")
    names = expected.split(",") if expected else \
        [m.name for m in pkgutil.walk_packages(monitor.__path__, "monitor.") if not m.name.endswith("__main__")]
    missing = []
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            missing.append(f"{name} ({exc})")
    if missing:
        raise SystemExit(f"modules missing from the bundle: {', '.join(missing)}")

    from monitor.core import resources

    root = resources.root().resolve()
    bundle = Path(getattr(sys, "_MEIPASS", "/nonexistent")).resolve()
    if bundle not in root.parents:
        raise SystemExit(f"resources found at {root}, outside the bundle {bundle}")
    for part in (("fonts", "DejaVuSans.ttf"), ("translations", "monitor_kk.qm"), ("diagrams", "body.json"),
                 ("icons", "org.monitor.Monitor-256.png"), ("messages", "core.json")):
        if not resources.path(*part).is_file():
            raise SystemExit(f"resource {'/'.join(part)} is missing")

    from reportlab.pdfgen.canvas import Canvas

    pdf = io.BytesIO()
    canvas = Canvas(pdf)
    canvas.drawString(72, 720, "Monitor self-check")
    canvas.save()

    import pikepdf
    import pypdfium2

    page = pypdfium2.PdfDocument(pdf.getvalue())[0]
    bitmap = page.render(scale=1).to_pil()
    encrypted = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf.getvalue())) as doc:
        doc.save(encrypted, encryption=pikepdf.Encryption(owner="o", user="u", R=6))

    from monitor.core.audio import recording  # libsndfile (soundfile's own copy) encodes and decodes FLAC

    tone = bytes(range(256)) * 64
    encoder = recording._StagedFile()  # noqa: SLF001 - the recorder's in-memory file, as a recording uses it
    import soundfile

    with soundfile.SoundFile(encoder, "w", samplerate=16000, channels=1, format="FLAC", subtype="PCM_16") as flac:
        flac.buffer_write(tone, dtype="int16")
    if recording.decode(bytes(encoder.pending))[0] != tone:
        raise SystemExit("FLAC did not give back the sound it was given")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImageReader
    from PySide6.QtPrintSupport import QPrinter  # noqa: F401  (the report preview prints)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    # the interview recorder and player: QtMultimedia and its FFmpeg backend, which decodes FLAC
    from PySide6.QtMultimedia import QMediaDevices, QMediaFormat

    QMediaDevices.audioInputs()  # no microphone is fine; a missing module or plugin is not
    if QMediaFormat.FileFormat.FLAC not in QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode):
        raise SystemExit("Qt's multimedia backend cannot play FLAC (plugins/multimedia missing)")
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"png", "jpeg", "gif", "webp", "tiff", "svg"} - formats
    if missing:
        raise SystemExit(f"Qt cannot read {sorted(missing)}")
    print(f"monitor selfcheck: ok, {len(names)} modules imported, pdfium rendered {bitmap.size[0]}x{bitmap.size[1]}, "
          f"pikepdf encrypted {len(encrypted.getvalue())} bytes, FLAC encoded and decoded, Qt plays FLAC, resources in the bundle, "
          f"Qt image formats {' '.join(sorted(formats & {'png', 'jpeg', 'gif', 'webp', 'tiff', 'svg'}))}")
    return 0
