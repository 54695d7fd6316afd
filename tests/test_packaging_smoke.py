"""The packaging smoke test (packaging/smoke_test.py) as a slow test: builds the Linux bundle with
PyInstaller (~45 s, ~225 MB in dist/) and runs the frozen app. Run it with
``.venv/bin/python -m pytest -m slow tests/test_packaging_smoke.py``."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import skip_unless_ci

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_frozen_app_builds_and_runs():
    if not sys.platform.startswith("linux"):
        pytest.skip("the smoke test builds the Linux bundle")
    if not shutil.which("pdftotext"):
        skip_unless_ci("pdftotext is not installed (Debian: poppler-utils)")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke_test.py")], capture_output=True,
                          text=True, timeout=1800)
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke test passed" in done.stdout
