"""A sentinel typed into a testimony during a full GUI session appears in no file outside the vault."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import require_module
from records import SECRET

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

HERE = Path(__file__).resolve().parent


def test_gui_session_leaves_the_sentinel_only_inside_the_vault(tmp_path):
    home, scratch = tmp_path / "home", tmp_path / "tmp"
    for folder in (home, scratch):
        folder.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_RUNTIME_DIR=str(scratch), TMPDIR=str(scratch),
               QT_QPA_PLATFORM="offscreen")
    vault = home / "data" / "Monitor" / "monitor.vault"
    result = subprocess.run([sys.executable, str(HERE / "sentinel_session.py"), str(vault), str(scratch)],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert vault.is_file()
    needles = [SECRET.encode("utf-8"), SECRET.encode("utf-16-le"), SECRET.encode("utf-8").hex().encode(),
               SECRET.encode("utf-16-be")]
    scanned = 0
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            scanned += 1
            for needle in needles:
                assert needle not in data, f"sentinel found in {path.relative_to(tmp_path)}"
    assert scanned >= 2  # the vault and the photo at least
    assert SECRET not in result.stdout + result.stderr  # nor in what the process printed
    # The PulseAudio client library (QtMultimedia, listing the microphones for the interview editor's
    # recorder) makes its runtime directory in XDG_RUNTIME_DIR, as on every desktop: it may hold the
    # client's own files (scanned for the sentinel above with everything else), never a file of ours.
    pulse = scratch / "pulse"
    if pulse.is_dir():
        assert all(p.name in ("native", "pid") or p.stat().st_size < 4096 for p in pulse.rglob("*") if p.is_file()), \
            sorted(str(p.relative_to(pulse)) for p in pulse.rglob("*"))
    leftovers = [p.name for p in scratch.iterdir() if not p.name.endswith(".png") and p != pulse]
    assert leftovers == [], leftovers  # nothing written to the temp dir
