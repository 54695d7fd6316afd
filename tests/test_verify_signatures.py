"""`monitor verify` checks every stored revision signature again (issue 17 leftover).

Someone with the passphrase and a SQL shell can recompute every hash after an edit, but cannot sign
as the laptop that made a revision: verify must say which revision no longer holds.
"""

from __future__ import annotations

from records import new_facility, uid


def _stock(vault, n=4):
    for i in range(n):
        vault.put(new_facility(uid(i + 1), name=f"Қарағанды ИВС № {i}", type_key="ivs"))


def test_an_untouched_vault_checks_every_signature(vault):
    _stock(vault)
    report = vault.verify()
    assert report.ok, report.problems
    stored = vault.conn.execute("SELECT count(*) FROM revision_signatures").fetchone()[0]
    assert report.checked["signatures"] == stored >= 4


def test_a_swapped_signature_is_found(vault):
    _stock(vault)
    revs = [r for (r,) in vault.conn.execute("SELECT rev FROM revisions WHERE record_id IN (?, ?) ORDER BY seq",
                                              (uid(1), uid(2)))]
    sigs = [vault.conn.execute("SELECT signature FROM revision_signatures WHERE rev = ?", (r,)).fetchone()[0]
            for r in revs]
    vault.conn.execute("DROP TRIGGER revision_signatures_immutable")  # someone with the key and a SQL shell
    vault.conn.execute("UPDATE revision_signatures SET signature = ? WHERE rev = ?", (sigs[1], revs[0]))
    problems = vault.verify().problems
    assert any(revs[0] in p and "signature does not hold" in p for p in problems), problems
    assert not any(revs[1] in p for p in problems)


def test_a_replaced_device_key_is_found(vault):
    _stock(vault)
    other = "ab" * 32
    vault.conn.execute("UPDATE device_keys SET signing_key = ?", (other,))
    problems = vault.verify().problems
    assert sum("signature does not hold" in p for p in problems) >= 4, problems


def test_a_stripped_signature_after_signed_ones_is_found(vault):
    _stock(vault)
    last = vault.conn.execute("SELECT rev FROM revisions ORDER BY seq DESC LIMIT 1").fetchone()[0]
    vault.conn.execute("DROP TRIGGER revision_signatures_kept")
    vault.conn.execute("DELETE FROM revision_signatures WHERE rev = ?", (last,))
    problems = vault.verify().problems
    assert any(last in p and "no signature" in p for p in problems), problems


def test_a_signature_from_a_forgotten_device_is_found(vault):
    _stock(vault)
    vault.conn.execute("DELETE FROM device_keys")
    problems = vault.verify().problems
    assert any("whose key this vault does not hold" in p for p in problems), problems
