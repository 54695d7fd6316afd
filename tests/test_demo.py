"""`monitor demo`: the generated data set lands in a real vault, deterministic and complete."""

from __future__ import annotations

import threading

import pytest
from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER, raw_connect, reopen

from monitor.core.demo.create import create_demo_vault
from monitor.core.errors import Cancelled
from monitor.core.io.dump import dump_line, dump_records
from monitor.core.model.schema import RECORD_TYPES


def dump(path) -> list[str]:
    with reopen(path) as vault:
        return sorted(dump_line(r) for r in dump_records(vault))


def test_demo_vault_has_every_type_and_verifies(tmp_path):
    path = tmp_path / "demo.vault"
    counts = create_demo_vault(path, PASSPHRASE, cases=25, seed=3, kdf=TEST_KDF)
    assert set(counts) == set(RECORD_TYPES)
    with reopen(path) as vault:
        assert vault.counts() == dict(counts)
        assert vault.verify().ok
        blobs = vault.conn.execute("SELECT count(*) FROM blobs").fetchone()[0]
        assert blobs == counts["attachment"] > 0
        assert vault.search("қамау")
        titles = [r.body["title"] for r in vault.records("case")]
        assert all("DEMO" in t for t in titles)  # clearly marked fictional


def test_core_reads_the_demo_story(tmp_path):
    """Through the core: the report's table comes back from `statistics.official`, a withdrawal is the
    current consent, and a proceeding's status can be rebuilt at any date from its decisions."""
    from monitor.core.store import consent
    from monitor.core.model import proceedings
    from monitor.core.queries import statistics

    path = tmp_path / "demo.vault"
    create_demo_vault(path, PASSPHRASE, cases=25, seed=3, kdf_iter=TEST_KDF_ITER)
    with reopen(path) as vault:
        figures = statistics.official(vault, "complaints_registered")
        assert [(f.year, f.value, f.partial) for f in figures] == [
            (2009, 14, False), (2010, 36, False), (2011, 52, False), (2012, 602, False), (2013, 304, True)]
        assert [f.value for f in statistics.official(vault, "criminal_cases_opened")] == [3, 10, 15, 18, 19]
        assert figures[-1].period_end == "2013-05-31"
        withdrawals = [r.body for r in vault.records("consent") if r.body.get("withdrawal")]
        assert withdrawals
        for w in withdrawals:
            state = consent.current(vault, w["person_id"])
            for item in w["scope"]:
                assert state[item].withdrawn and not state[item].given and state[item].record_id == w["id"]
                assert not consent.allows(vault, w["person_id"], item)
        for info in vault.records("proceeding"):
            body = info.body
            first = body["decisions"][0]
            assert proceedings.status_at(body, "2008-12-31") is None
            assert proceedings.status_at(body, first["date"]) == first["kind"]


@pytest.mark.process
def test_cli_demo_of_200_cases_loads_and_verifies(tmp_path):
    """`monitor demo --cases 200` puts every record through the vault's gate (schema, vocabularies,
    references, cross-field rules) and `monitor verify` passes on the result."""
    import os
    import subprocess
    import sys

    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(MONITOR_PASSPHRASE_FILE=str(passfile), XDG_DATA_HOME=str(tmp_path / "xdg"), HOME=str(tmp_path / "home"))
    vault = tmp_path / "demo.vault"

    def monitor(*args):
        result = subprocess.run([sys.executable, "-m", "monitor", *args, "--vault", str(vault)], capture_output=True,
                                text=True, env=env, timeout=600)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        return result.stdout

    assert "200 cases" in monitor("demo", "--cases", "200")
    assert "vault OK" in monitor("verify")


def test_same_seed_same_data(tmp_path):
    create_demo_vault(tmp_path / "a.vault", PASSPHRASE, cases=15, seed=9, kdf=TEST_KDF)
    create_demo_vault(tmp_path / "b.vault", PASSPHRASE, cases=15, seed=9, kdf=TEST_KDF)
    create_demo_vault(tmp_path / "c.vault", PASSPHRASE, cases=15, seed=10, kdf=TEST_KDF)
    assert dump(tmp_path / "a.vault") == dump(tmp_path / "b.vault")
    assert dump(tmp_path / "a.vault") != dump(tmp_path / "c.vault")


def test_cancel_leaves_no_vault(tmp_path):
    cancel = threading.Event()

    def progress(done, total, label):
        cancel.set()

    with pytest.raises(Cancelled):
        create_demo_vault(tmp_path / "x.vault", PASSPHRASE, cases=300, seed=1, kdf=TEST_KDF,
                          progress=progress, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_csv_docs_list_every_column():
    from pathlib import Path

    from monitor.core.io.csv_kinds import CSV_COLUMNS

    text = (Path(__file__).resolve().parents[1] / "docs" / "csv.md").read_text(encoding="utf-8")
    for kind, columns in CSV_COLUMNS.items():
        for column in columns:
            assert f"| `{column}` |" in text, (kind, column)
