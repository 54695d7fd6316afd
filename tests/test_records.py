"""Records, revisions, sealing, tombstones, vocabularies and references."""

from __future__ import annotations

import io
import json

import pytest
from conftest import reopen
from devices import introduce, signed
from records import full_set, new_facility, new_person, new_term, new_visit, uid

from monitor.core.errors import RecordNotFound, SchemaViolation, SealedRecord
from monitor.core.history.revisions import Revision, new_id, utc_now

FACILITY = new_facility(uid(1), name="ИВС Қостанай", type_key="ivs")
PERSON = new_person(uid(2))
CONSENT = {k: True for k in ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                             "anonymised_reports", "publication_with_name")}


def interview(**extra):
    return {"id": uid(3), "type": "interview", "person_id": PERSON["id"], "interviewers": ["A. Monitor"],
            "date": "2026-01-05T10:00:00+05:00", "private": True, "narrative": "Мені ұрды.",
            "reprisal_risk": "medium", "consent": CONSENT, **extra}


@pytest.fixture
def stocked(vault):
    blob = vault.store_blob(io.BytesIO(b"photo bytes " * 50))
    vault.put_many(full_set(blob.sha256, blob.size))
    return vault


def test_every_record_type_stores_and_reads_back(stocked):
    blob_sha = stocked.get(uid(9))["sha256"]
    for record in full_set(blob_sha, stocked.get(uid(9))["size"]):
        assert stocked.get(record["id"]) == record


def test_edit_writes_new_revision_with_parent(vault):
    first = vault.put(FACILITY)
    second = vault.put({**FACILITY, "capacity": 30})
    assert second.parents == (first.rev,)
    history = vault.history(FACILITY["id"])
    assert [r.rev for r in history] == [first.rev, second.rev]
    assert history[0].body == FACILITY  # history is never destroyed
    assert vault.get(FACILITY["id"])["capacity"] == 30
    info = vault.info(FACILITY["id"])
    assert info.created_at == first.created_at and info.updated_at == second.created_at


def test_unchanged_put_writes_nothing(vault):
    vault.put(FACILITY)
    assert vault.put(dict(FACILITY)) is None
    assert len(vault.history(FACILITY["id"])) == 1


def test_revision_carries_author_device_and_hash(vault):
    rev = vault.put(FACILITY)
    assert rev.author == "tester"
    assert rev.device == vault.device_id
    assert rev.hash == rev.compute_hash()
    assert rev.hash.startswith("v2:") and len(rev.hash) == 3 + 64  # version 2: RFC 8785 form


def test_delete_is_a_tombstone_and_history_stays(vault):
    vault.put(FACILITY)
    tomb = vault.delete(FACILITY["id"])
    assert tomb.deleted and tomb.body is None
    with pytest.raises(RecordNotFound):
        vault.get(FACILITY["id"])
    assert [r.deleted for r in vault.history(FACILITY["id"])] == [False, True]
    assert vault.search("Қостанай") == []
    assert FACILITY["id"] not in {r.id for r in vault.records()}
    # restoring is a new revision on top of the tombstone
    restored = vault.put(FACILITY)
    assert restored.parents == (tomb.rev,)
    assert vault.get(FACILITY["id"]) == FACILITY


def test_delete_refused_while_referenced(vault):
    vault.put_many([FACILITY, new_visit(uid(5), FACILITY["id"])])
    with pytest.raises(SchemaViolation, match="still referred to"):
        vault.delete(FACILITY["id"])


def test_sealed_interview_refuses_edits_and_deletion(vault):
    vault.put_many([PERSON, interview()])
    seal = vault.seal(uid(3))
    sealed = vault.get(uid(3))
    assert sealed["sealed"] is True and sealed["sealed_by"] == "tester"
    assert vault.info(uid(3)).sealed
    with pytest.raises(SealedRecord, match="addendum"):
        vault.put({**sealed, "narrative": "Изменённый текст"})
    with pytest.raises(SealedRecord):
        vault.put(interview())  # "unsealing" is an edit too
    with pytest.raises(SealedRecord):
        vault.delete(uid(3))
    assert vault.get(uid(3))["narrative"] == "Мені ұрды."
    assert vault.history(uid(3))[-1].rev == seal.rev
    # addenda are the way to add to it
    note = vault.add_addendum(uid(3), "Қосымша мәлімет: куәгердің аты белгілі болды")
    assert vault.get(note["id"])["target_id"] == uid(3)


def test_sealed_refusal_survives_reopen(vault, vault_path):
    vault.put_many([PERSON, interview(sealed=True, sealed_at="2026-01-05T12:00:00Z", sealed_by="x")])
    vault.close()
    with reopen(vault_path) as v:
        with pytest.raises(SealedRecord):
            v.put(interview(narrative="другое"))


def test_only_interviews_and_examinations_seal(vault):
    vault.put(FACILITY)
    with pytest.raises(SchemaViolation, match="only interviews and examinations"):
        vault.seal(FACILITY["id"])


def test_vocabulary_keys_are_enforced(vault):
    with pytest.raises(SchemaViolation, match="not a term of the vocabulary 'facility_type'"):
        vault.put({**FACILITY, "type_key": "gulag"})


def test_coordinator_extends_a_vocabulary(vault):
    term = new_term(uid(20), "transit_point",
                    {"en": "Transit point", "ru": "Транзитный пункт", "kk": "Транзиттік пункт"},
                    vocabulary="facility_type")
    vault.put_many([term, {**FACILITY, "type_key": "transit_point"}])
    assert ("transit_point", "Транзиттік пункт") in vault.vocabulary("facility_type", "kk")
    assert vault.label("facility_type", "transit_point", "ru") == "Транзитный пункт"


def test_closed_vocabulary_and_duplicate_keys_refused(vault):
    closed = new_term(uid(21), "probable", {"en": "probably"}, vocabulary="consistency")
    with pytest.raises(SchemaViolation, match="closed"):
        vault.put(closed)
    dup = new_term(uid(22), "beating", {"en": "x"})
    with pytest.raises(SchemaViolation, match="already has"):
        vault.put(dup)


def test_vocabulary_labels_in_three_languages(vault):
    terms = {lang: dict(vault.vocabulary("consistency", lang)) for lang in ("en", "ru", "kk")}
    assert list(terms["en"]) == ["not_consistent", "consistent", "highly_consistent", "typical", "diagnostic"]
    assert terms["en"]["typical"] == "typical of"
    assert all(terms[lang][k] for lang in ("ru", "kk") for k in terms["en"])
    articles = dict(vault.vocabulary("article"))
    assert {"cc1997-141-1", "cc1997-308", "cc2014-146", "cc2014-362"} <= set(articles)


def test_references_must_exist_and_have_the_right_type(vault):
    with pytest.raises(SchemaViolation, match="no record with id"):
        vault.put(new_visit(uid(5), uid(99)))
    vault.put(PERSON)
    with pytest.raises(SchemaViolation, match="is a person, expected facility"):
        vault.put(new_visit(uid(5), PERSON["id"]))


def test_batch_may_refer_within_itself_in_any_order(vault):
    visit = new_visit(uid(5), FACILITY["id"])
    vault.put_many([visit, FACILITY])
    assert vault.referencing(FACILITY["id"]) == [(uid(5), "facility_id")]


def test_record_cannot_change_type(vault):
    vault.put(FACILITY)
    with pytest.raises(SchemaViolation, match="already belongs to a facility"):
        vault.put(new_person(FACILITY["id"], code="P-2026-0009"))


def test_invalid_batch_writes_nothing(vault):
    before = vault.conn.execute("SELECT count(*) FROM revisions").fetchone()[0]
    with pytest.raises(SchemaViolation, match="record 2"):
        vault.put_many([FACILITY, {**PERSON, "code": "not a code"}])
    assert vault.conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == before


def test_foreign_revisions_insert_as_they_are_and_concurrent_heads_conflict(vault):
    """The sync issue builds on this: another device's revisions keep their ids, parents and hash."""
    base = vault.put(FACILITY)
    mine = vault.put({**FACILITY, "capacity": 10})
    theirs = signed(Revision(new_id(), FACILITY["id"], "facility", (base.rev,), "other-monitor", new_id(), utc_now(),
                             False, {**FACILITY, "capacity": 12}))
    introduce(vault, theirs.device)
    with vault.writing():
        vault.insert_revision(theirs)
    stored = vault.history(FACILITY["id"])[-1]
    assert stored == theirs
    info = vault.info(FACILITY["id"])
    assert info.conflict and info.heads == 2
    assert [c.id for c in vault.conflicts()] == [FACILITY["id"]]
    # a plain save is refused and points to the review; an explicit resolve merges both heads
    from monitor.core.errors import RecordInConflict

    with pytest.raises(RecordInConflict, match="monitor conflicts"):
        vault.put({**FACILITY, "capacity": 11})
    resolved = vault.resolve(FACILITY["id"], {**FACILITY, "capacity": 11}, [mine.rev, theirs.rev])
    assert set(resolved.parents) == {mine.rev, theirs.rev}
    assert not vault.info(FACILITY["id"]).conflict


def test_tampered_foreign_revision_is_refused(vault):
    forged = Revision(new_id(), uid(50), "facility", (), "x", new_id(), utc_now(), False, FACILITY).with_hash()
    forged = Revision(**{**forged.__dict__, "body": {**FACILITY, "name": "подмена"}})
    with pytest.raises(SchemaViolation, match="hash"), vault.writing():
        vault.insert_revision(forged)


def test_revision_json_matches_schema(vault):
    from jsonschema import Draft202012Validator

    from monitor.core.model import schema

    rev = vault.put(FACILITY)
    validator = Draft202012Validator(schema.schema_for("revision"), registry=schema._registry())
    validator.validate(json.loads(json.dumps(rev.to_json())))


def test_revisions_table_is_append_only(vault):
    vault.put(FACILITY)
    import sqlcipher3

    with pytest.raises(sqlcipher3.IntegrityError):
        vault.conn.execute("UPDATE revisions SET body = '{}'")
    with pytest.raises(sqlcipher3.IntegrityError):
        vault.conn.execute("DELETE FROM revisions")


def test_bulk_load_keeps_ids_not_bodies_in_memory(vault, tmp_path):
    import tracemalloc

    from monitor.core.io.loader import load_file

    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(1500):
            out.write(json.dumps(new_facility(uid(1000 + i), name=f"ИВС № {i}", type_key="ivs",
                                              notes="Қамау бөлмесі суық. " * 600), ensure_ascii=False) + "\n")
    size = path.stat().st_size
    assert size > 30 * 2**20
    tracemalloc.start()
    try:
        report = load_file(vault, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.created == 1500
    assert peak < size / 4, f"peak {peak / 2**20:.1f} MiB for a {size / 2**20:.1f} MiB file"


def test_source_that_changes_between_passes_writes_nothing(vault):
    from monitor.core.errors import MonitorError

    calls = []

    def source():
        calls.append(1)
        name = "ИВС" if len(calls) == 1 else "подменено"
        yield "line 1", {**FACILITY, "name": name}

    with pytest.raises(MonitorError, match="changed while it was being loaded"):
        vault.put_stream(source)
    assert len(calls) == 2
    assert vault.counts() == {}


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_non_finite_numbers_are_refused(vault, bad):
    with pytest.raises(SchemaViolation, match="not a number JSON can hold"):
        vault.put({**FACILITY, "capacity": 3, "notes": "x", "type_key": "ivs"} | {"capacity": bad})
    assert vault.counts() == {}
