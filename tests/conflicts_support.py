"""Real conflicts for review tests: two vaults edit the same records apart, then one takes in the
other's revisions (exactly as an import passes them through the gate)."""

from __future__ import annotations

from pathlib import Path

from conftest import PASSPHRASE, TEST_KDF
from devices import meet
from records import new_facility, new_person, new_visit, uid

from monitor.core.store.vault import Vault

FACILITY = new_facility(uid(41), name="ИВС Қостанай", type_key="ivs", capacity=8)
PERSON = new_person(uid(42), code="P-2026-0101")
CONSENT = {k: True for k in ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                             "anonymised_reports", "publication_with_name")}
INTERVIEW = {"id": uid(43), "type": "interview", "person_id": PERSON["id"], "interviewers": ["Айгүл"],
             "date": "2026-01-05T10:00:00+05:00", "private": True, "narrative": "Мені ұрды.",
             "reprisal_risk": "medium", "consent": CONSENT}
VISIT = new_visit(uid(44), FACILITY["id"], date_start="2026-03-01", population={"total": 38, "women": 3})

# What each device changed, apart.
MINE = {**FACILITY, "capacity": 10, "notes": "Жаңа камералар ашылды"}
THEIRS = {**FACILITY, "name": "ИВС г. Костанай", "capacity": 12, "region": "Қостанай облысы"}
# Name and region from theirs, capacity and notes from mine.
MERGED = {**FACILITY, "name": "ИВС г. Костанай", "capacity": 10, "region": "Қостанай облысы",
          "notes": "Жаңа камералар ашылды"}
REFUSED_NARRATIVE = "Мені ұрды. Түзетілген нұсқа (B)."


def revisions_of(vault: Vault, *record_ids: str):
    return [r for rid in record_ids for r in vault.history(rid)]


def make_conflicts(folder: Path, *, profile: str = "Координатор", exchange: bool = True) -> Path:
    """A vault (returned, closed) holding: a facility in conflict (two versions that differ in four
    fields), a visit in conflict in a nested value, and a sealed interview whose concurrent edit
    from the other device was refused and kept. The other device's vault is ``monitor-b.vault``
    beside it; with ``exchange=False`` its edits are not taken in yet (a bundle can carry them)."""
    folder.mkdir(parents=True, exist_ok=True)
    here = Vault.create(folder / "coordinator.vault", PASSPHRASE, kdf=TEST_KDF, profile=profile)
    there = Vault.create(folder / "monitor-b.vault", PASSPHRASE, kdf=TEST_KDF, profile="monitor-b")
    try:
        meet(here, there)
        ids = [FACILITY["id"], PERSON["id"], INTERVIEW["id"], VISIT["id"]]
        here.put_many([FACILITY, PERSON, INTERVIEW, VISIT])
        there.insert_revisions(revisions_of(here, *ids))
        here.put(MINE)
        there.put(THEIRS)
        here.put({**VISIT, "population": {"total": 40, "women": 3}})
        there.put({**VISIT, "population": {"total": 38, "women": 5}})
        here.seal(INTERVIEW["id"])
        there.put({**INTERVIEW, "narrative": REFUSED_NARRATIVE})
        if exchange:
            here.insert_revisions(revisions_of(there, *ids))
        return here.path
    finally:
        here.close()
        there.close()
