"""`monitor conflicts RECORD` shows the fields that differ; `monitor resolve --base --field` merges
field by field (issue 6, B.4), on real vaults that took in each other's revisions."""

from __future__ import annotations

import json

import pytest
from conflicts_support import FACILITY, INTERVIEW, MERGED, MINE, REFUSED_NARRATIVE, THEIRS, VISIT, make_conflicts
from conftest import PASSPHRASE
from test_cli import CLI, one_line_error

from monitor.core.store.vault import Vault

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process


@pytest.fixture
def cli(tmp_path):
    c = CLI(tmp_path)
    c.vault = make_conflicts(tmp_path / "vaults")
    return c


def versions(cli, record_id):
    return json.loads(cli("conflicts", record_id, "--json").stdout)


def mine_and_theirs(cli, record_id=FACILITY["id"]):
    """The revision ids of this vault's version and the other device's, and their numbers as shown."""
    listed = versions(cli, record_id)["versions"]
    by = {v["author"]: (v["rev"], n) for n, v in enumerate(listed, 1)}
    return by["Координатор"], by["monitor-b"]


def test_the_fields_that_differ_are_shown_side_by_side(cli):
    data = versions(cli, FACILITY["id"])
    assert data["differing_fields"] == ["name", "region", "capacity", "notes"]
    current, other = data["versions"]  # the current view first
    assert current["rev"] == data["current"]
    out = cli("conflicts", FACILITY["id"]).stdout
    assert f"[1] {current['rev']}  current view" in out and f"[2] {other['rev']}  concurrent version" in out
    assert "by monitor-b on device" in out and "by Координатор on device" in out
    assert "fields that differ (4 of 5):" in out
    (_, m), (_, t) = mine_and_theirs(cli)
    block = out[out.index("  capacity (Capacity)"):].splitlines()[1:3]
    assert block[m - 1] == f"    [{m}] 10" and block[t - 1] == f"    [{t}] 12"
    block = out[out.index("  notes (Notes)"):].splitlines()[1:3]
    assert block[m - 1] == f"    [{m}] {MINE['notes']}" and block[t - 1] == f"    [{t}] (absent)"
    assert "the same in every version: type_key" in out
    assert '"capacity": 12' not in out  # whole bodies only with --full
    assert '"capacity": 12' in cli("conflicts", FACILITY["id"], "--full").stdout


def test_nested_values_and_languages(cli):
    out = cli("conflicts", VISIT["id"]).stdout
    assert "fields that differ (1 of 3):" in out and "  population (Population on the day)" in out
    cli.env["MONITOR_LANG"] = "kk"
    kk = cli("conflicts", VISIT["id"]).stdout
    assert "айырмашылығы бар өрістер (3 ішінен 1):" in kk and "ағымдағы нұсқа" in kk
    assert "барлық нұсқада бірдей: facility_id, date_start" in kk


def test_refused_sealed_edit_is_listed_and_shown(cli):
    listed = cli("conflicts").stdout
    line = next(ln for ln in listed.splitlines() if INTERVIEW["id"] in ln)
    assert "1 version, 1 refused edit(s) of a sealed record" in line
    out = cli("conflicts", INTERVIEW["id"]).stdout
    assert "REFUSED: edits a sealed record" in out and REFUSED_NARRATIVE in out
    refused = versions(cli, INTERVIEW["id"])["versions"][1]["rev"]
    sealed = versions(cli, INTERVIEW["id"])["versions"][0]["rev"]
    assert f"keep its sealed version with monitor resolve {INTERVIEW['id']} --take {sealed[:8]}" in out
    before = cli.digest()
    error = one_line_error(cli("resolve", INTERVIEW["id"], "--base", refused[:8], ok=False))
    assert "refused" in error and "never chosen" in error
    error = one_line_error(cli("resolve", INTERVIEW["id"], "--base", sealed, "--field", f"narrative={refused}",
                               ok=False))
    assert "version 2 is an edit of a sealed record that was refused" in error
    error = one_line_error(cli("resolve", INTERVIEW["id"], "--take", refused, ok=False))
    assert "is sealed and cannot be changed" in error  # what the gate enforces, whatever the face
    assert cli.digest() == before
    cli("resolve", INTERVIEW["id"], "--base", sealed[:10])  # the sealed version, acknowledged
    assert INTERVIEW["id"] not in cli("conflicts").stdout


def test_resolve_field_by_field(cli):
    (mine, _), (theirs, _) = mine_and_theirs(cli)
    out = cli("resolve", FACILITY["id"], "--base", mine[:8], "--field", f"name={theirs[:8]}",
              "--field", f"region={theirs}").stdout
    assert "2 versions merged" in out
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        info = vault.info(FACILITY["id"])
        assert info.body == MERGED and info.heads == 1 and not info.conflict
        assert set(vault.history(FACILITY["id"])[-1].parents) == {mine, theirs}
        row = vault.conn.execute("SELECT action, rev FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        assert row == ("resolve", info.head)
        assert vault.verify().ok


def test_a_field_absent_in_the_version_picked_is_left_out(cli):
    (mine, _), (theirs, _) = mine_and_theirs(cli)
    cli("resolve", FACILITY["id"], "--base", theirs, "--field", f"capacity={mine}")
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        assert vault.get(FACILITY["id"]) == {**THEIRS, "capacity": 10}


def test_bad_field_choices_are_one_line_errors_and_change_nothing(cli):
    (mine, _), (theirs, _) = mine_and_theirs(cli)
    before = cli.digest()
    bad = [
        (("--take", mine, "--field", f"name={theirs}"), "--field needs --base REV"),
        (("--base", mine, "--field", "name"), "write it as FIELD=REV"),
        (("--base", mine, "--field", f"name={theirs}", "--field", f"name={mine}"), "given twice"),
        (("--base", mine, "--field", f"nosuch={theirs}"), "no version has a field nosuch"),
        (("--base", mine, "--field", f"id={theirs}"), "identity"),
        (("--base", "0000000000", "--field", f"name={theirs}"), "is not one of the versions"),
        (("--base", mine, "--field", f"name={theirs[:4]}"), "is not one of the versions"),  # too short a prefix
    ]
    for args, words in bad:
        assert words in one_line_error(cli("resolve", FACILITY["id"], *args, ok=False)), args
    assert cli("resolve", FACILITY["id"], "--base", mine, "--take", theirs, ok=False).returncode == 2
    assert cli("resolve", FACILITY["id"], "--field", f"name={theirs}", ok=False).returncode == 2  # no choice
    cli.env["MONITOR_LANG"] = "ru"
    assert "для --field нужен --base REV" in cli("resolve", FACILITY["id"], "--delete", "--field", "a=b", ok=False).stderr
    assert cli.digest() == before
