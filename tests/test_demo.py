"""`monitor demo`: the generated data set lands in a real vault, deterministic and complete."""

from __future__ import annotations

import threading

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, reopen

from monitor.core.demo import create_demo_vault
from monitor.core.errors import Cancelled
from monitor.core.loader import dump_line, dump_records
from monitor.core.schema import RECORD_TYPES


def dump(path) -> list[str]:
    with reopen(path) as vault:
        return sorted(dump_line(r) for r in dump_records(vault))


def test_demo_vault_has_every_type_and_verifies(tmp_path):
    path = tmp_path / "demo.vault"
    counts = create_demo_vault(path, PASSPHRASE, cases=25, seed=3, kdf_iter=TEST_KDF_ITER)
    # The v4 types (consent, reprisal, statistic) join the demo with the issue-5 demo rework.
    assert set(counts) == set(RECORD_TYPES) - {"consent", "reprisal", "statistic"}
    with reopen(path) as vault:
        assert vault.counts() == dict(counts)
        assert vault.verify().ok
        blobs = vault.conn.execute("SELECT count(*) FROM blobs").fetchone()[0]
        assert blobs == counts["attachment"] > 0
        assert vault.search("қамау")
        titles = [r.body["title"] for r in vault.records("case")]
        assert all("DEMO" in t for t in titles)  # clearly marked fictional


def test_same_seed_same_data(tmp_path):
    create_demo_vault(tmp_path / "a.vault", PASSPHRASE, cases=15, seed=9, kdf_iter=TEST_KDF_ITER)
    create_demo_vault(tmp_path / "b.vault", PASSPHRASE, cases=15, seed=9, kdf_iter=TEST_KDF_ITER)
    create_demo_vault(tmp_path / "c.vault", PASSPHRASE, cases=15, seed=10, kdf_iter=TEST_KDF_ITER)
    assert dump(tmp_path / "a.vault") == dump(tmp_path / "b.vault")
    assert dump(tmp_path / "a.vault") != dump(tmp_path / "c.vault")


def test_cancel_leaves_no_vault(tmp_path):
    cancel = threading.Event()

    def progress(done, total, label):
        cancel.set()

    with pytest.raises(Cancelled):
        create_demo_vault(tmp_path / "x.vault", PASSPHRASE, cases=300, seed=1, kdf_iter=TEST_KDF_ITER,
                          progress=progress, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_csv_docs_list_every_column():
    from pathlib import Path

    from monitor.core.loader import CSV_COLUMNS

    text = (Path(__file__).resolve().parents[1] / "docs" / "csv.md").read_text(encoding="utf-8")
    for kind, columns in CSV_COLUMNS.items():
        for column in columns:
            assert f"| `{column}` |" in text, (kind, column)
