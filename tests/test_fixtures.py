"""Vaults made by earlier releases (tests/fixtures) open, upgrade, keep every record and verify.

Stepping a new vault down cannot catch an edit to an old migration step; a vault file written by
the release that introduced each schema version can. Each fixture is copied before it is opened,
because opening upgrades it in place.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from monitor.core.store import migrations
from monitor.core.store.vault import Vault
from monitor.core.text import label_key

FIXTURES = Path(__file__).parent / "fixtures"
PASSPHRASE = "copper lantern steppe violin"  # the fixtures use the production key derivation


def fixture_vaults() -> list[Path]:
    return sorted(FIXTURES.glob("vault-v*.vault"))


def test_every_released_schema_version_before_this_one_has_a_fixture():
    versions = {int(p.stem.split("-v")[1]) for p in fixture_vaults()}
    assert versions, "no fixture vaults found"
    # From version 3 on, every schema version keeps a fixture made by the release that wrote it
    # (tests/fixtures/make_fixture.py, run once when the version is introduced, never again).
    assert set(range(3, migrations.CURRENT_VERSION + 1)) <= versions


@pytest.mark.parametrize("fixture", fixture_vaults(), ids=lambda p: p.name)
def test_fixture_vault_opens_upgrades_keeps_records_and_verifies(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    key_file = Path(str(fixture) + ".keyslot")  # fixtures made since key files carry theirs
    if key_file.exists():
        shutil.copyfile(key_file, str(path) + ".keyslot")
    expected = [json.loads(line) for line in
                (FIXTURES / (fixture.name + ".records.jsonl")).read_text(encoding="utf-8").splitlines()]
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version == migrations.CURRENT_VERSION
        for want in expected:
            info = vault.info(want["id"])
            assert (info.type, info.deleted, info.sealed) == (want["type"], want["deleted"], want["sealed"])
            if want["body"] is not None:
                assert _without_new_fields(info.body, want["body"]) == want["body"]
        assert vault.search("қамау"), "the Kazakh narrative is no longer found"
        # schema 7: every label's sort key, computed by the upgrade or written with the label
        keys = vault.conn.execute("SELECT label, label_key FROM records").fetchall()
        assert keys and all(key == label_key(label) for label, key in keys)
        # built-in vocabulary changes reach old vaults (v4 added falanga)
        assert "falanga" in dict(vault.vocabulary("method"))
        report = vault.verify()
        assert report.ok, report


def _without_new_fields(body: dict, old: dict) -> dict:
    """The upgraded body limited to the old body's fields (a migration may add fields, never drop one)."""
    return {k: body[k] for k in old if k in body}
