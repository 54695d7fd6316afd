"""Work carries a person's name (issue 19 §3): the name, role and organisation kept in the vault,
signing each new revision and the contact file others trust."""

from __future__ import annotations

import hashlib

import pytest
from conftest import PASSPHRASE, raw_connect, reopen
from records import new_facility, uid

from monitor.core.errors import MonitorError
from monitor.core.store import me
from monitor.core.sync import contacts, exchange

NAME, ROLE, ORG = "Айгүл Серікова", "дәрігер", "«Ар-Намыс» қоғамдық бірлестігі"


def test_the_name_role_and_organisation_are_kept_in_the_vault_and_sign_new_revisions(vault, vault_path):
    vault.put(new_facility(uid(1)))
    assert me.read(vault) == me.Me("tester")
    assert me.write(vault, f"  {NAME}\n", ROLE, ORG) == me.Me(NAME, ROLE, ORG)
    vault.put(new_facility(uid(1), name="СИЗО-2"))
    first, second = vault.history(uid(1))
    assert first.author == "tester"  # what was signed before stays as it was
    assert second.author == NAME
    # this vault's own revisions read under the person's current name, with its key's fingerprint
    shown = contacts.authors(vault, [first, second])
    assert [a.name for a in shown] == [NAME, NAME] and all(a.fingerprint and a.signed for a in shown)
    vault.close()
    again = reopen(vault_path)
    try:
        assert me.read(again) == me.Me(NAME, ROLE, ORG)
        assert again.profile == NAME
        assert me.examiner(again) == {"name": NAME, "qualifications": f"{ROLE}, {ORG}"}
    finally:
        again.close()
    conn = raw_connect(vault_path)
    try:
        last = conn.execute("SELECT actor, action, detail FROM audit ORDER BY seq DESC LIMIT 2").fetchall()
    finally:
        conn.close()
    assert ("tester", "identity-changed", f"{NAME} ({ROLE}, {ORG})") not in last  # signed by the new name
    assert (NAME, "identity-changed", f"{NAME} ({ROLE}, {ORG})") in last


@pytest.mark.parametrize("name, role, org, message", [
    ("", "дәрігер", "", "me_name_empty"),
    (" \t\n ", "", "", "me_name_empty"),
    ("А" * 61, "", "", "me_name_too_long"),
    (NAME, "р" * 41, "", "me_role_too_long"),
    (NAME, "", "ұ" * 81, "me_organisation_too_long"),
])
def test_bad_input_is_one_line_and_leaves_the_vault_byte_for_byte(vault, vault_path, name, role, org, message):
    me.write(vault, "Сәуле", "заңгер", "")
    before = hashlib.sha256(vault_path.read_bytes()).hexdigest()
    with pytest.raises(MonitorError) as caught:
        me.write(vault, name, role, org)
    assert caught.value.message.id == message
    for lang in ("en", "ru", "kk"):
        assert "\n" not in caught.value.localized(lang)
    assert me.read(vault) == me.Me("Сәуле", "заңгер") and vault.profile == "Сәуле"
    assert hashlib.sha256(vault_path.read_bytes()).hexdigest() == before


def test_the_contact_file_carries_the_person_so_others_see_their_name(vault, tmp_path):
    from conftest import TEST_KDF

    from monitor.core.store.vault import Vault

    me.write(vault, NAME, ROLE, ORG)
    mine = contacts.own(vault.identity, me.read(vault).signature(), "monitor", vault.device_id)
    text = mine.to_text()
    assert f"name: {NAME} ({ROLE}, {ORG})\n" in text
    vault.put(new_facility(uid(2), name="ИВС Қостанай"))
    coordinator = Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf=TEST_KDF,
                               profile="Координатор")
    try:
        contacts.trust(coordinator, contacts.parse(text))
        contacts.trust(vault, contacts.own(coordinator.identity, "Координатор", "coordinator",
                                           coordinator.device_id))
        exchange.export_bundle(vault, tmp_path / "a.bundle", to=["Координатор"])
        exchange.import_bundle(coordinator, tmp_path / "a.bundle")
        (author,) = contacts.authors(coordinator, coordinator.history(uid(2)))
        assert author.name == f"{NAME} ({ROLE}, {ORG})" and author.known
        assert author.fingerprint == mine.fingerprint
    finally:
        coordinator.close()


@pytest.mark.process
def test_cli_contacts_mine_sets_the_name_kept_in_the_vault(tmp_path):
    from test_cli import CLI, one_line_error

    cli = CLI(tmp_path)
    cli("init")
    out = tmp_path / "me.contact"
    said = cli("contacts", "mine", "--name", NAME, "--occupation", ROLE, "--organisation", ORG, "--out", str(out))
    assert NAME in said.stderr
    assert f"name: {NAME} ({ROLE}, {ORG})" in out.read_text(encoding="utf-8")
    # kept: the next contact file, with no options, still carries it
    assert f"name: {NAME} ({ROLE}, {ORG})" in cli("contacts", "mine").stdout
    cli("contacts", "mine", "--occupation", "")  # one field changed, the others kept
    assert f"name: {NAME} ({ORG})" in cli("contacts", "mine").stdout
    before = cli.digest()
    assert "longer than 60" in one_line_error(cli("contacts", "mine", "--name", "x" * 61, ok=False))
    assert cli.digest() == before
