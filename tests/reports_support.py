"""Helpers for the report tests: the poppler/qpdf tools, and a vault with a case to report on."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path


def tool(name: str) -> str:
    """Path of a PDF tool; skip with the reason (fail under CI=true) when it is not installed."""
    from conftest import skip_unless_ci

    found = shutil.which(name)
    if found is None:
        skip_unless_ci(f"{name} is not installed (Debian: apt-get install poppler-utils qpdf); "
                       "the PDF checks need it")
    return found


def pdftotext(path: Path, password: str | None = None, layout: bool = False) -> str:
    """The PDF's text; ``layout`` keeps table rows on one line (poppler's -layout)."""
    cmd = [tool("pdftotext"), "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if password:
        cmd += ["-upw", password]
    result = subprocess.run(cmd + [str(path), "-"], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result.stdout.decode("utf-8")


def flat(text: str) -> str:
    """pdftotext output with line breaks and runs of spaces folded, for phrase checks."""
    return " ".join(text.split())


def pdffonts(path: Path) -> list[dict]:
    result = subprocess.run([tool("pdffonts"), str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()[2:]
    fonts = []
    for line in lines:
        parts = line.split()
        # name type [type…] encoding emb sub uni objnum gen
        fonts.append({"name": parts[0], "emb": parts[-5], "type": " ".join(parts[1:-6])})
    return fonts


def qpdf_check(path: Path, password: str | None = None) -> None:
    cmd = [tool("qpdf")]
    if password:
        cmd.append(f"--password={password}")
    result = subprocess.run(cmd + ["--check", str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def assert_fonts_embedded(path: Path) -> None:
    fonts = pdffonts(path)
    assert fonts, "no fonts at all"
    for f in fonts:
        assert f["emb"] == "yes", f"font {f['name']} is not embedded"
        assert "Helvetica" not in f["name"] and "Times" not in f["name"] and "Courier" not in f["name"], f
        assert "DejaVuSans" in f["name"], f


def png_bytes(size=(320, 240), colour=(190, 110, 110)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def jpeg_with_gps(size=(320, 240)) -> bytes:
    """A JPEG whose EXIF holds a GPS position and a camera serial (what reports must strip)."""
    from PIL import Image

    img = Image.new("RGB", size, (120, 150, 190))
    exif = Image.Exif()
    exif[0x010F] = "SpyCam-Maker"  # Make
    exif[0xA431] = "SERIAL-77421"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (49.0, 48.0, 0.0)
    gps[3], gps[4] = "E", (73.0, 6.0, 0.0)
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif, quality=85)
    return buf.getvalue()
