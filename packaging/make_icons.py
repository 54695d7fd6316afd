"""Render Monitor's icon (resources/icons/org.monitor.Monitor.svg) to every file the installers need.

    .venv/bin/python packaging/make_icons.py

Writes, from the one SVG, with Qt's own SVG renderer:
- packaging/icons/hicolor/NxN/apps/org.monitor.Monitor.png (16 … 512) and scalable/apps/….svg,
  the freedesktop hicolor layout that build_linux.sh installs into the AppDir and tarball;
- packaging/icons/monitor.ico (Windows: 16 … 256, PNG-compressed entries, Vista and later);
- packaging/icons/monitor.icns (macOS: 16 … 1024, PNG entries);
- resources/icons/org.monitor.Monitor-{32,256}.png, the window icon the app sets at start.
The outputs are committed, so building an installer needs no extra step; run this after editing the SVG.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
SVG = TOP / "resources" / "icons" / "org.monitor.Monitor.svg"
OUT = TOP / "packaging" / "icons"
APP_ID = "org.monitor.Monitor"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size (several sizes serve as @2x of another)
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
              (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512))


def render(size: int) -> bytes:
    """The SVG drawn at size x size pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (the ICONDIR / ICONDIRENTRY layout)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (fonts and images need one)
    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render(size) for size in sizes}
    for size in HICOLOR_SIZES:
        write(OUT / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png", pngs[size])
    scalable = OUT / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    write(OUT / "monitor.ico", ico({size: pngs[size] for size in ICO_SIZES}))
    write(OUT / "monitor.icns", icns(pngs))
    for size in (32, 256):
        write(TOP / "resources" / "icons" / f"{APP_ID}-{size}.png", pngs[size])
    print(f"icons written to {OUT.relative_to(TOP)} and resources/icons ({len(sizes)} sizes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
