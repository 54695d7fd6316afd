"""Shared fixtures. Real SQLCipher vaults in tmp dirs; Qt (when used) offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from monitor.core.vault import Vault  # noqa: E402

PASSPHRASE = "copper lantern steppe violin"
# Tests lower SQLCipher's key-derivation cost explicitly; production never does.
TEST_KDF_ITER = 2000


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vaults" / "test.vault"


@pytest.fixture
def vault(vault_path: Path):
    v = Vault.create(vault_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="tester")
    yield v
    v.close()


def reopen(path: Path) -> Vault:
    return Vault.open(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def skip_unless_ci(reason: str) -> None:
    """Skip a test (or a whole module) that cannot run on this machine, except under ``CI=true``:
    there a missing library or tool fails the run, so a broken CI machine cannot pass silently."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: what a test needs must be installed)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def require_module(name: str):
    """``pytest.importorskip`` that fails instead of skipping under ``CI=true``."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        skip_unless_ci(f"{name} cannot be imported: {exc}")
