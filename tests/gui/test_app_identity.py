"""The app's identity (desktop entry id, window icon) and the start-up probe the packaging smoke test uses."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.gui.app import APP_ID, identify

ROOT = Path(__file__).resolve().parents[2]


def test_identity_matches_the_desktop_entry(qapp):
    identify(qapp)
    assert qapp.desktopFileName() == APP_ID
    assert (ROOT / "packaging" / f"{APP_ID}.desktop").is_file()
    assert not qapp.windowIcon().isNull()
    assert {s.width() for s in qapp.windowIcon().availableSizes()} >= {32, 256}


@pytest.mark.process
def test_probe_names_the_unlock_dialog(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(QT_QPA_PLATFORM="offscreen", MONITOR_EXIT_WHEN_SHOWN="300",
               MONITOR_SETTINGS=str(tmp_path / "settings.json"))
    done = subprocess.run([sys.executable, "-m", "monitor", "--vault", str(tmp_path / "none.vault")], env=env,
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "monitor: shown: UnlockDialog" in done.stderr.splitlines()
    assert not (tmp_path / "none.vault").exists()  # showing the dialog creates nothing
