"""What the installers are made from (packaging/): the package list, the data files, the desktop
entry, AppStream metadata and icons agree with each other and with the code. The build itself is
the slow smoke test (test_packaging_smoke.py, packaging/smoke_test.py)."""

from __future__ import annotations

import configparser
import fnmatch
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import skip_unless_ci

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.monitor.Monitor"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_package_is_installed():
    # a package left out of this list is missing from `pip install .` and from the frozen app
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "monitor").rglob("__init__.py")}
    assert found - listed == set()


def test_every_resource_file_is_package_data():
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["monitor.resources"]
    tracked = subprocess.run(["git", "ls-files", "resources"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    files = [str(Path(f).relative_to("resources")) for f in tracked] or \
        [str(p.relative_to(ROOT / "resources")) for p in (ROOT / "resources").rglob("*") if p.is_file()]
    missed = [f for f in files if f != "__init__.py" and not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert missed == []


def test_build_tools_stay_out_of_the_test_extra():
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert any(d.startswith("pyinstaller") for d in extras["build"])
    assert not any(d.startswith("pyinstaller") for d in extras["test"])


def test_one_id_everywhere():
    desktop = ROOT / "packaging" / f"{APP_ID}.desktop"
    entry = configparser.RawConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    assert entry["Desktop Entry"]["Exec"].split()[0] == "monitor"
    meta = ET.parse(ROOT / "packaging" / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == desktop.name
    assert meta.find("provides/binary").text == "monitor"
    version = next(line.split('"')[1] for line in (ROOT / "monitor/__init__.py").read_text().splitlines()
                   if line.startswith("__version__"))
    assert meta.find("releases/release").get("version") == version
    assert f'APP_ID = "{APP_ID}"' in (ROOT / "packaging" / "monitor.spec").read_text()
    iss = (ROOT / "packaging" / "windows" / "monitor.iss").read_text()
    assert f'#define AppId "{APP_ID}"' in iss and "monitor-gui.exe" in iss
    from monitor.gui.app import APP_ID as runtime_id  # Wayland matches windows to the entry by this
    assert runtime_id == APP_ID


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_icons_in_every_standard_size():
    hicolor = ROOT / "packaging" / "icons" / "hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == \
        (ROOT / "resources" / "icons" / f"{APP_ID}.svg").read_bytes()
    ico = (ROOT / "packaging" / "icons" / "monitor.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    icns = (ROOT / "packaging" / "icons" / "monitor.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns and b"icp4" in icns


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        skip_unless_ci(f"{name} is not installed (Debian: {'appstream' if name == 'appstreamcli' else name})")
    return path


def test_appstream_metadata_validates():
    tool = _tool("appstreamcli")
    done = subprocess.run([tool, "validate", "--no-net", str(ROOT / "packaging" / f"{APP_ID}.metainfo.xml")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_validates():
    tool = shutil.which("desktop-file-validate")
    if not tool:
        skip_unless_ci("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    done = subprocess.run([tool, str(ROOT / "packaging" / f"{APP_ID}.desktop")], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.parametrize("script", ["build_linux.sh", "linux-install.sh"])
def test_shell_scripts_parse(script):
    subprocess.run(["sh" if script == "linux-install.sh" else "bash", "-n", str(ROOT / "packaging" / script)],
                   check=True)


def test_the_smoke_tests_write_detector_sees_writes(tmp_path):
    # packaging/smoke_test.py reads strace logs; a detector that sees nothing would pass any app
    import importlib.util

    spec = importlib.util.spec_from_file_location("smoke_test", ROOT / "packaging" / "smoke_test.py")
    smoke = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(smoke)
    log = tmp_path / "strace.log"
    log.write_text(
        '101 openat(AT_FDCWD, "/usr/lib/libc.so.6", O_RDONLY|O_CLOEXEC) = 3\n'
        '101 openat(AT_FDCWD, "/tmp/leak.txt", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4\n'
        '102 openat(AT_FDCWD, "/home/u/.cache/x", O_RDWR|O_CREAT, 0600) = -1 EACCES (Permission denied)\n'
        '102 rename("/w/.a.tmp-1", "/w/a.pdf") = 0\n'
        '103 mkdir("/var/tmp/qt", 0700) = 0\n'
        f'103 openat(AT_FDCWD, "{ROOT}/resources/fonts/DejaVuSans.ttf", O_RDONLY) = 5\n')
    assert smoke.written_paths(log) == {"/tmp/leak.txt", "/w/.a.tmp-1", "/w/a.pdf", "/var/tmp/qt"}
    assert smoke.opened_under(log, ROOT) == {"resources/fonts/DejaVuSans.ttf"}
