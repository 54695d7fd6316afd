"""Where Monitor keeps its files by default (platformdirs), overridable with ``--vault``."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Monitor"
VAULT_FILENAME = "monitor.vault"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_vault_path() -> Path:
    """``$MONITOR_VAULT`` if set, else ``monitor.vault`` in the user data directory."""
    override = os.environ.get("MONITOR_VAULT")
    return Path(override).expanduser() if override else data_dir() / VAULT_FILENAME
