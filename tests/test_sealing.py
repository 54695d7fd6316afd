"""A sealed examination or interview takes addenda only: every other change is refused.

README promises that sealed testimony and medical findings cannot be edited or deleted. Each
kind of change is tried on each sealable type, through the Vault API and through `monitor load`,
and after every refusal the record and its history must be exactly as sealed.
"""

from __future__ import annotations

import copy
import io
import json

import pytest
from records import full_set, new_facility, uid
from test_cli import CLI, one_line_error, stocked as cli_stocked, write_jsonl

from monitor.core.errors import SealedRecord

INTERVIEW, EXAMINATION = uid(7), uid(8)


def _injury_changed(body):
    body["injuries"][0]["length_mm"] = 60


def _injury_added(body):
    extra = copy.deepcopy(body["injuries"][0])
    extra.update(id=uid(104), side="front", x=0.5, y=0.2, region="abdomen")
    body["injuries"].append(extra)


def _injury_removed(body):
    body["injuries"] = []


def _injury_photo_unlinked(body):
    body["injuries"][0]["photo_ids"] = []


def _unsealed(body):
    body["sealed"] = False


def _resealed_by_someone_else(body):
    body["sealed_by"] = "someone else"


CHANGES = {
    EXAMINATION: {
        "conclusion": lambda b: b.update(conclusions="Находки не соответствуют описанию"),
        "opinion": lambda b: b.update(overall_opinion="not_consistent"),
        "field removed": lambda b: b.pop("psychological_findings"),
        "examiner": lambda b: b["examiner"].update(name="Другой врач"),
        "injury changed": _injury_changed,
        "injury added": _injury_added,
        "injury removed": _injury_removed,
        "injury photo unlinked": _injury_photo_unlinked,
        "unsealed": _unsealed,
        "sealed by": _resealed_by_someone_else,
    },
    INTERVIEW: {
        "narrative": lambda b: b.update(narrative="Иной текст показаний"),
        "consent": lambda b: b["consent"].update(publication_with_name=True),
        "interpreter": lambda b: b["interpreter"].update(name="Другой переводчик"),
        "date": lambda b: b.update(date="2026-03-02T14:30:00+05:00"),
        "reprisal risk": lambda b: b.update(reprisal_risk="low"),
        "follow-up": lambda b: b.update(follow_up="Не требуется"),
        "field removed": lambda b: b.pop("chaperone"),
        "unsealed": _unsealed,
    },
}
CASES = [(rid, name) for rid, changes in CHANGES.items() for name in changes]


# Copies that no other record refers to, so refusing to delete them can only be the seal's doing.
UNREFERENCED = {INTERVIEW: uid(207), EXAMINATION: uid(208)}


@pytest.fixture
def sealed(vault):
    blob = vault.store_blob(io.BytesIO(b"photo bytes " * 50))
    records = full_set(blob.sha256, blob.size)
    records += [{**r, "id": UNREFERENCED[r["id"]]} for r in records if r["id"] in UNREFERENCED]
    vault.put_many(records)
    for rid in [*CHANGES, *UNREFERENCED.values()]:
        vault.seal(rid)
    return vault


def _snapshot(vault, rid):
    return vault.get(rid), [r.rev for r in vault.history(rid)], vault.info(rid).sealed


@pytest.mark.parametrize("rid,change", CASES, ids=[f"{'exam' if r == EXAMINATION else 'interview'}-{c}" for r, c in CASES])
def test_every_change_to_a_sealed_record_is_refused(sealed, rid, change):
    before = _snapshot(sealed, rid)
    assert before[2], "the record was not sealed; the test proves nothing"
    edited = copy.deepcopy(before[0])
    CHANGES[rid][change](edited)
    assert edited != before[0]
    with pytest.raises(SealedRecord, match="addendum"):
        sealed.put(edited)
    # buried in a batch of otherwise valid records, the whole batch is refused
    facility = new_facility(uid(900), name="ИВС Түркістан", type_key="ivs")
    with pytest.raises(SealedRecord):
        sealed.put_many([facility, edited])
    assert _snapshot(sealed, rid) == before
    assert uid(900) not in {r.id for r in sealed.records("facility")}


@pytest.mark.parametrize("rid", list(CHANGES), ids=["exam", "interview"])
def test_a_sealed_record_cannot_be_deleted_or_sealed_again(sealed, rid):
    rid = UNREFERENCED[rid]
    assert sealed.referencing(rid) == []
    before = _snapshot(sealed, rid)
    with pytest.raises(SealedRecord):
        sealed.delete(rid)
    with pytest.raises(SealedRecord):
        sealed.seal(rid)
    assert _snapshot(sealed, rid) == before


@pytest.mark.parametrize("rid", list(CHANGES), ids=["exam", "interview"])
def test_a_sealed_record_still_takes_addenda_and_identical_saves(sealed, rid):
    before = _snapshot(sealed, rid)
    assert sealed.put(before[0]) is None  # saving it unchanged is not a change
    note = sealed.add_addendum(rid, "Қосымша: куәгер табылды")
    assert sealed.get(note["id"])["target_id"] == rid
    assert _snapshot(sealed, rid) == before


def test_sealing_an_examination_seals_the_photos_its_injuries_show(sealed):
    """The photo is filed under the case but shown by the examination's injury: the examination's seal
    covers it (once: the second examination that shows it finds it sealed already)."""
    photo = sealed.get(EXAMINATION)["injuries"][0]["photo_ids"][0]
    body, exam = sealed.get(photo), sealed.get(EXAMINATION)
    assert body["parent_id"] != EXAMINATION and sealed.info(photo).sealed
    assert (body["sealed"], body["sealed_at"], body["sealed_by"]) == (True, exam["sealed_at"], exam["sealed_by"])
    assert [r.parents != () for r in sealed.history(photo)] == [False, True]  # made, then sealed: no more
    before = _snapshot(sealed, photo)
    for change in ({**body, "caption": "Другая подпись"}, {**body, "sealed": False}):
        with pytest.raises(SealedRecord) as err:
            sealed.put(change)
        assert err.value.message.id == "gate_exhibit_sealed"
    with pytest.raises(SealedRecord) as err:
        sealed.delete(photo)
    assert err.value.message.id == "gate_exhibit_sealed"
    assert _snapshot(sealed, photo) == before


def test_files_filed_under_an_examination_are_sealed_with_it_but_not_a_deleted_one(vault, tmp_path):
    blob = vault.store_blob(io.BytesIO(b"photo bytes " * 50))
    vault.put_many(full_set(blob.sha256, blob.size))
    scan, gone = tmp_path / "заключение.pdf", tmp_path / "черновик.txt"
    scan.write_bytes(b"%PDF-1.4 scan")
    gone.write_bytes(b"draft")
    kept = vault.add_attachment(scan, parent_id=EXAMINATION)["id"]
    dropped = vault.add_attachment(gone, parent_id=EXAMINATION)["id"]
    vault.delete(dropped)
    shown = vault.get(EXAMINATION)["injuries"][0]["photo_ids"][0]
    assert vault.exhibits_of(EXAMINATION) == sorted([kept, shown])
    vault.seal(EXAMINATION)
    assert vault.info(kept).sealed and vault.info(shown).sealed and vault.exhibits_of(EXAMINATION) == []
    assert vault.info(dropped).deleted and not vault.info(dropped).sealed and len(vault.history(dropped)) == 2


@pytest.mark.process
@pytest.mark.parametrize("rid,change", [(EXAMINATION, "injury changed"), (EXAMINATION, "conclusion"),
                                        (INTERVIEW, "consent")], ids=["exam-injury", "exam-field", "interview-consent"])
def test_changing_a_sealed_record_through_monitor_load_is_refused(tmp_path, rid, change):
    cli = CLI(tmp_path)
    cli("init")
    records = {r["id"]: r for r in cli_stocked(cli)}
    seal = {**records[rid], "sealed": True, "sealed_at": "2026-03-02T16:00:00Z", "sealed_by": "Айгүл"}
    cli("load", str(write_jsonl(tmp_path / "seal.jsonl", [seal])))
    before = cli.digest()
    edited = copy.deepcopy(seal)
    CHANGES[rid][change](edited)
    facility = new_facility(uid(900), name="ИВС Түркістан", type_key="ivs")
    message = one_line_error(cli("load", str(write_jsonl(tmp_path / "edit.jsonl", [facility, edited])), ok=False))
    assert "sealed" in message and "addendum" in message
    assert cli.digest() == before
    record_type = records[rid]["type"]
    dumped = [json.loads(line) for line in cli("dump", "--type", record_type).stdout.splitlines()]
    assert dumped == [seal]
