"""Shared fixtures. Real SQLCipher vaults in tmp dirs; Qt (when used) offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
