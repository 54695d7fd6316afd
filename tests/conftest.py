"""Shared fixtures. Real SQLCipher vaults in tmp dirs; Qt (when used) offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from monitor.core import db
from monitor.core.keys import keyslot  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402

PASSPHRASE = "copper lantern steppe violin"
# Tests lower the key-derivation cost explicitly; production never does. TEST_KDF is the Argon2id
# cost of the key files tests make (``kdf=TEST_KDF``; it is stored in the key file, so later opens
# need nothing); TEST_KDF_ITER is SQLCipher's PBKDF2 count for vaults from before key files.
TEST_KDF = keyslot.TEST_COST
TEST_KDF_ITER = 2000


@pytest.fixture(autouse=True)
def _own_user_dirs(tmp_path_factory, monkeypatch):
    """Each test gets its own platformdirs config and data folders (XDG_*), so a window's settings
    and recent vaults never reach the developer's, and parallel workers (pytest -n) never share one."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vaults" / "test.vault"


@pytest.fixture
def vault(vault_path: Path):
    v = Vault.create(vault_path, PASSPHRASE, kdf=TEST_KDF, profile="tester")
    yield v
    v.close()


def reopen(path: Path) -> Vault:
    return Vault.open(path, PASSPHRASE, kdf=TEST_KDF, kdf_iter=TEST_KDF_ITER)


def data_key(path: Path, passphrase: str = PASSPHRASE) -> bytes:
    """The vault's data key, unwrapped from its key file (for tests that reach past the Vault)."""
    return keyslot.read(Path(path)).unwrap(passphrase)[0]


def raw_connect(path: Path, passphrase: str = PASSPHRASE) -> db.Connection:
    """A bare SQLCipher connection to a vault, keyed with its data key."""
    return db.connect(Path(path), data_key=data_key(path, passphrase))


def make_legacy_vault(path: Path, passphrase: str = PASSPHRASE, *, populate=None) -> None:
    """A vault as Monitor made them before key files: SQLCipher keyed by the passphrase (test cost).

    Built by exporting a keyed vault into a passphrase-keyed file, which is what those versions wrote.
    """
    import os
    import tempfile

    with tempfile.TemporaryDirectory(dir=Path(path).parent) as tmp:
        source = Path(tmp) / "source.vault"
        with Vault.create(source, passphrase, kdf=TEST_KDF, populate=populate):
            pass
        key = data_key(source, passphrase).hex()
        conn = db.connect(Path(path), passphrase, kdf_iter=TEST_KDF_ITER)  # a new, passphrase-keyed file
        quoted = str(source).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{quoted}' AS source KEY \"x'{key}'\"")
        conn.execute("SELECT sqlcipher_export('main', 'source')")
        version = conn.execute("PRAGMA source.user_version").fetchone()[0]
        conn.execute(f"PRAGMA main.user_version = {version}")
        conn.execute("DETACH DATABASE source")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        os.chmod(path, 0o600)


def copy_vault(source: Path, target: Path) -> Path:
    """Copy a closed vault's two files (the database and its key file) to ``target``; return it."""
    import shutil

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for src, dst in ((Path(source), target), (keyslot.path_for(Path(source)), keyslot.path_for(target))):
        shutil.copyfile(src, dst)
        os.chmod(dst, 0o600)
    return target


def vault_template(directory: Path, name: str, populate, **create) -> Path:
    """Build a vault once (for a module's tests to copy with :func:`copy_vault`), closed.

    Its remembered place is dropped, so a copy opened at its own path takes that path as a newly
    created vault does, instead of logging a device renewal for "a copied vault".
    """
    path = Path(directory) / name
    create.setdefault("kdf", TEST_KDF)
    with Vault.create(path, PASSPHRASE, **create) as vault:
        populate(vault)
    return forget_place(path)


def forget_place(path: Path) -> Path:
    """Drop the place a closed vault remembers (machine and path), so that its copies open as if
    created where they are: same device id, no "copied vault" renewal in the audit trail."""
    conn = raw_connect(path)
    try:
        conn.execute("DELETE FROM meta WHERE key = 'place'")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return Path(path)


STOCK_BLOB = b"png" * 100  # the attachment's bytes in the stocked vaults


def stock_records(blob_bytes: bytes = STOCK_BLOB) -> list[dict]:
    """records.full_set as stored in a vault stocked by :func:`put_full_set` with ``blob_bytes``."""
    import hashlib

    from records import full_set

    return full_set(hashlib.sha256(blob_bytes).hexdigest(), len(blob_bytes))


def put_full_set(vault: Vault, blob_bytes: bytes = STOCK_BLOB) -> None:
    """records.full_set with its attachment's bytes stored: the stock of most GUI tests."""
    import io

    vault.store_blob(io.BytesIO(blob_bytes))
    vault.put_many(stock_records(blob_bytes))


@pytest.fixture(scope="module")
def stocked_template(tmp_path_factory) -> Path:
    """A vault holding records.full_set, built once per test module; take a copy with ``stocked_copy``."""
    return vault_template(tmp_path_factory.mktemp("template"), "stocked.vault", put_full_set)


@pytest.fixture
def stocked_copy(stocked_template, tmp_path) -> Path:
    """This test's own copy (two files) of the module's stocked vault, closed: cheap and independent."""
    return copy_vault(stocked_template, tmp_path / "stocked.vault")


GUI_TESTS = Path(__file__).parent / "gui"


def pytest_collection_modifyitems(config, items):
    """Everything under tests/gui is a GUI test: mark it ``gui`` (``-m "not gui"`` leaves Qt out)."""
    for item in items:
        if GUI_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.gui)


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
