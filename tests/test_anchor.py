"""Anchors: the audit chain's head, printed in a report's footer, still found by ``verify --anchor``
after more work, and gone after a history rewrite that local verify cannot see (issue 17 §5)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE, raw_connect, reopen
from records import new_facility, new_person, uid

from monitor.core.errors import MonitorError
from monitor.core.store import audit
from monitor.core.store.verify import anchor_present, audit_head, parse_anchor
from monitor.core.store.vault import Vault


def _rechain(path: Path, seq: int, detail: str) -> None:
    """What someone holding the passphrase can do: change entry ``seq`` and recompute every hash
    after it, so the chain is intact again and local verify sees nothing."""
    conn = raw_connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DROP TRIGGER audit_append_only_update")
        rows = conn.execute("SELECT seq, at, actor, device, action, record_id, rev, rev_hash, detail "
                            "FROM audit ORDER BY seq").fetchall()
        prev = audit.GENESIS
        for row in rows:
            entry = dict(zip(audit.FIELDS, row))
            if entry["seq"] == seq:
                entry["detail"] = detail
            digest = audit.entry_hash(entry, prev)
            conn.execute("UPDATE audit SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                         (entry["detail"], prev, digest, entry["seq"]))
            prev = digest
        conn.execute("COMMIT")
    finally:
        conn.close()


@pytest.fixture
def anchored(vault):
    vault.put(new_facility(uid(1)))
    vault.put(new_person(uid(2)))
    head = audit_head(vault)
    vault.put(new_facility(uid(3)))  # work goes on after the report was printed
    return head


def test_the_chain_still_contains_a_head_printed_earlier(vault, anchored):
    assert anchored is not None and anchored.entry >= 2 and len(anchored.hash) == 64
    assert audit_head(vault).entry > anchored.entry
    assert anchor_present(vault, anchored.hash) == (True, anchored.entry)
    assert anchor_present(vault, anchored.hash[:16].upper()) == (True, anchored.entry)  # a printed prefix
    assert anchor_present(vault, str(anchored)) == (True, anchored.entry)  # ENTRY:HASH
    assert anchor_present(vault, f"{anchored.entry + 1}:{anchored.hash}") == (False, None)  # wrong entry number


def test_a_rechained_rewrite_before_the_anchor_is_caught_though_verify_passes(vault, vault_path, anchored):
    vault.close()
    _rechain(vault_path, 1, "rewritten")
    with reopen(vault_path) as again:
        assert again.verify().ok  # the limit of any local check
        assert anchor_present(again, anchored.hash) == (False, None)


def test_a_rewrite_after_the_anchor_leaves_it_standing(vault, vault_path, anchored):
    vault.close()
    _rechain(vault_path, anchored.entry + 1, "rewritten later")
    with reopen(vault_path) as again:
        assert anchor_present(again, anchored.hash) == (True, anchored.entry)


def test_another_vault_does_not_contain_the_anchor(anchored, tmp_path):
    from conftest import TEST_KDF

    with Vault.create(tmp_path / "other.vault", PASSPHRASE, kdf=TEST_KDF, profile="tester") as other:
        other.put(new_facility(uid(1)))
        assert anchor_present(other, anchored.hash) == (False, None)


@pytest.mark.parametrize("text", ["", "abc", "z" * 64, "x:" + "a" * 64, "a" * 65])
def test_a_malformed_anchor_is_one_catalogue_error(text):
    with pytest.raises(MonitorError, match="not an audit chain head"):
        parse_anchor(text)


@pytest.mark.process
def test_cli_verify_anchor_gives_one_line_verdicts(vault, vault_path, anchored, tmp_path):
    vault.close()
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["MONITOR_PASSPHRASE_FILE"] = str(passfile)

    def verify(anchor):
        return subprocess.run([sys.executable, "-m", "monitor", "verify", "--vault", str(vault_path),
                               "--anchor", anchor], check=False, capture_output=True, text=True, env=env, timeout=120)

    ok = verify(str(anchored))
    assert ok.returncode == 0 and ok.stdout.strip().count("\n") == 0, ok.stderr
    assert f"still contains {anchored} as entry {anchored.entry}" in ok.stdout
    _rechain(vault_path, 1, "rewritten")
    gone = verify(anchored.hash[:20])
    assert gone.returncode == 3 and gone.stdout == ""
    assert gone.stderr.strip().splitlines() == [
        f"the audit chain does not contain {anchored.hash[:20]}: its history was rewritten, or this is a different vault"]
    bad = verify("nonsense")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
