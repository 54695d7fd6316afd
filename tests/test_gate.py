"""The gate and the history (issue 6, part A): other devices' revisions pass the same checks as a
local save, seals and addenda are permanent across devices, the view does not depend on arrival
order or on one device's clock, conflicts are resolved on purpose, hashes are recomputable."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import PASSPHRASE, TEST_KDF_ITER
from records import new_case, new_facility, new_person, new_term, new_visit, uid

from monitor.core.errors import (
    InvalidText,
    MonitorError,
    RecordInConflict,
    SchemaViolation,
    SealedRecord,
)
from monitor.core.history.revisions import Revision, new_id, utc_now
from monitor.core.store.vault import Vault
from devices import identity_for, introduce, meet

DEVICE_B = "0b0b0b0b-0000-4000-8000-00000000000b"
DEVICE_C = "0c0c0c0c-0000-4000-8000-00000000000c"
FACILITY = new_facility(uid(1), name="ИВС Қостанай", type_key="ivs")
PERSON = new_person(uid(2))
CONSENT = {k: True for k in ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                             "anonymised_reports", "publication_with_name")}
INTERVIEW = {"id": uid(3), "type": "interview", "person_id": PERSON["id"], "interviewers": ["A. Monitor"],
             "date": "2026-01-05T10:00:00+05:00", "private": True, "narrative": "Мені ұрды.",
             "reprisal_risk": "medium", "consent": CONSENT}


def foreign(body: dict | None, parents=(), *, record_id: str | None = None, record_type: str | None = None,
            deleted: bool = False, at: str | None = None, device: str = DEVICE_B) -> Revision:
    """A revision as another device (monitor B) would have made it."""
    record_id = record_id or body["id"]
    record_type = record_type or body["type"]
    return Revision(new_id(), record_id, record_type, tuple(sorted(parents)), "monitor-b", device,
                    at or utc_now(), deleted, body).signed_by(identity_for(device))


@pytest.fixture
def vault(vault):
    """The test vault, knowing the keys of the made-up devices B and C (as from their contact files)."""
    introduce(vault, DEVICE_B, DEVICE_C)
    return vault


def state(vault: Vault):
    return vault.digest(), vault.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def refused(vault: Vault, revisions, error=SchemaViolation, match: str = ""):
    before = state(vault)
    with pytest.raises(error, match=match) as caught:
        vault.insert_revisions(revisions)
    assert state(vault) == before, "a refused revision changed the vault"
    assert "\n" not in str(caught.value)
    return str(caught.value)


def make_vault(path: Path, profile: str) -> Vault:
    vault = Vault.create(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile=profile)
    introduce(vault, DEVICE_B, DEVICE_C)
    return vault


def revisions_of(vault: Vault, *record_ids: str) -> list[Revision]:
    return [r for rid in record_ids for r in vault.history(rid)]


# --- A.1: one gate -------------------------------------------------------------------------------

def test_foreign_body_must_pass_the_schema(vault):
    refused(vault, [foreign({"id": uid(7), "type": "facility", "type_key": "ivs"})], match="missing required field 'name'")
    refused(vault, [foreign({**FACILITY, "capacity": -3})], match="capacity")


def test_foreign_body_id_and_type_must_be_the_revisions(vault):
    refused(vault, [foreign(FACILITY, record_id=uid(8))], match="id and type must be the revision's")
    refused(vault, [foreign(FACILITY, record_type="person")], match="id and type must be the revision's")


def test_record_keeps_its_type(vault):
    vault.put(FACILITY)
    refused(vault, [foreign(new_person(FACILITY["id"], code="P-2026-0002"))],
            match="is a facility, not a person")


def test_parents_must_exist_and_belong_to_the_same_record(vault):
    facility = vault.put(FACILITY)
    vault.put(PERSON)
    refused(vault, [foreign({**PERSON, "code": "P-2026-0003"}, [facility.rev])], match="belongs to another record")
    refused(vault, [foreign({**FACILITY, "capacity": 4}, [uid(77)])], match="not in this vault")
    assert vault.info(PERSON["id"]).heads == 1 and not vault.conflicts()


def test_timestamps_are_utc_in_one_form(vault):
    base = vault.put(FACILITY)
    for bad in ("2026-03-01T15:00:00+05:00", "2026-03-01T10:00:00Z", "2026-03-01 10:00:00.000000Z"):
        refused(vault, [foreign({**FACILITY, "capacity": 5}, [base.rev], at=bad)], match="is not UTC")


def test_vocabularies_and_references_are_checked(vault):
    refused(vault, [foreign({**FACILITY, "type_key": "castle"})], match="not a term of the vocabulary")
    visit = new_visit(uid(5), uid(99))
    refused(vault, [foreign(visit)], match="no record with id")
    vault.put(PERSON)
    refused(vault, [foreign({**visit, "facility_id": PERSON["id"]})], match="is a person, expected facility")


def test_a_bundle_may_refer_within_itself_in_any_order(vault):
    visit = new_visit(uid(5), FACILITY["id"])
    term = new_term(uid(6), "tent_camp", {"en": "Tent camp", "kk": "Шатыр лагері"}, vocabulary="facility_type")
    place = new_facility(uid(4), name="Лагерь", type_key="tent_camp")
    assert vault.insert_revisions([foreign(visit), foreign(place), foreign(FACILITY), foreign(term)]) == 4
    assert vault.referencing(FACILITY["id"]) == [(uid(5), "facility_id")]
    assert vault.label("facility_type", "tent_camp", "kk") == "Шатыр лагері"


def test_tombstones_are_refused_for_sealed_or_referenced_records(vault):
    vault.put_many([PERSON, INTERVIEW])
    vault.seal(INTERVIEW["id"])
    sealed = vault.info(INTERVIEW["id"]).head
    refused(vault, [foreign(None, [sealed], record_id=INTERVIEW["id"], record_type="interview", deleted=True)],
            SealedRecord, match="can never be deleted")
    person = vault.info(PERSON["id"]).head
    refused(vault, [foreign(None, [person], record_id=PERSON["id"], record_type="person", deleted=True)],
            match="still referred to")
    refused(vault, [foreign(None, record_id=uid(40), record_type="person", deleted=True)],
            match="must name the revision it deletes")


def test_attachment_revisions_need_their_bytes(vault):
    photo = {"id": uid(9), "type": "attachment", "sha256": "a" * 64, "size": 10, "mime_type": "image/png",
             "original_name": "photo.png", "added_by": "B"}
    refused(vault, [foreign(photo)], match="no attachment with these bytes")
    blob = vault.store_blob(io.BytesIO(b"0123456789"))
    assert vault.insert_revisions([foreign({**photo, "sha256": blob.sha256})]) == 1


def test_text_must_be_nfc_and_valid_unicode(vault):
    refused(vault, [foreign({**FACILITY, "name": "\u0418\u0306"})], match="NFC")  # И + combining breve
    with pytest.raises(InvalidText):  # it cannot even be hashed
        foreign({**FACILITY, "name": "ИВС \ud800"})
    bundle_line = json.dumps({**foreign(FACILITY).to_json(), "author": "Б\ud800"})  # as a bundle would carry it
    revision = json.loads(bundle_line)
    revision = Revision(**{**revision, "parents": tuple(revision["parents"])})
    message = refused(vault, [revision], InvalidText, match=r"author.*lone surrogate|lone surrogate")
    assert "U+D800" in message


def test_tampered_hash_is_refused(vault):
    good = foreign(FACILITY)
    bad = Revision(**{**good.__dict__, "body": {**FACILITY, "name": "подмена"}})
    refused(vault, [bad], match="hash does not match")


def test_inserting_a_stored_revision_again_is_a_no_op(vault):
    revision = foreign(FACILITY)
    assert vault.insert_revisions([revision]) == 1
    before = state(vault)
    assert vault.insert_revisions([revision, revision]) == 0
    assert state(vault) == before
    other = Revision(**{**foreign({**FACILITY, "capacity": 3}).__dict__, "rev": revision.rev})
    other = other.with_hash()
    refused(vault, [other], match="different revision with this id")


def test_received_revisions_keep_author_and_device_and_are_logged(vault):
    revision = foreign(FACILITY)
    vault.insert_revisions([revision])
    stored = vault.history(FACILITY["id"])[0]
    assert stored == revision and stored.author == "monitor-b" and stored.device == DEVICE_B
    row = vault.conn.execute("SELECT action, rev, rev_hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    assert row == ("revision-received", revision.rev, revision.hash)
    assert vault.verify().ok


# --- A.2: seals are permanent across devices -----------------------------------------------------

def _sealed_and_edited(tmp_path):
    """Monitor A seals an interview while monitor B, offline, edits it."""
    a = make_vault(tmp_path / "a.vault", "monitor-a")
    b = make_vault(tmp_path / "b.vault", "monitor-b")
    meet(a, b)
    a.put_many([PERSON, INTERVIEW])
    b.insert_revisions(revisions_of(a, PERSON["id"], INTERVIEW["id"]))
    a.seal(INTERVIEW["id"])
    b.put({**INTERVIEW, "narrative": "Мені ұрды. Өзгертілген."})
    b.put({**INTERVIEW, "narrative": "Мені ұрды. Тағы өзгертілген."})  # more edits: a higher generation
    return a, b


def test_a_concurrent_edit_of_a_sealed_record_is_kept_but_never_the_view(tmp_path):
    a, b = _sealed_and_edited(tmp_path)
    sealed_body = a.get(INTERVIEW["id"])
    digests = []
    for order in ((a, b), (b, a)):
        c = make_vault(tmp_path / f"c{len(digests)}.vault", "coordinator")
        meet(a, b, c)
        for source in order:
            c.insert_revisions(revisions_of(source, PERSON["id"], INTERVIEW["id"]))
        info = c.info(INTERVIEW["id"])
        assert info.sealed and info.body == sealed_body and not info.conflict
        heads = c.heads(INTERVIEW["id"])
        assert [h.rejected for h in heads] == [False, True]
        assert heads[1].revision.body["narrative"].endswith("Тағы өзгертілген.")
        assert [r.id for r in c.conflicts()] == [INTERVIEW["id"]]
        digests.append(c.digest())
    assert digests[0] == digests[1]
    # B receives A's seal: B's own edit is now refused too, and B cannot edit further
    b.insert_revisions(revisions_of(a, INTERVIEW["id"]))
    assert b.get(INTERVIEW["id"]) == sealed_body
    with pytest.raises(SealedRecord):
        b.put({**INTERVIEW, "narrative": "ещё"})
    assert b.digest() == digests[0]


def test_a_descendant_that_changes_a_sealed_body_is_refused(tmp_path):
    a, _ = _sealed_and_edited(tmp_path)
    sealed = a.info(INTERVIEW["id"]).head
    body = {**a.get(INTERVIEW["id"]), "narrative": "переписано"}
    refused(a, [foreign(body, [sealed])], SealedRecord, match="sealed .* can never be changed")
    unsealed = {k: v for k, v in a.get(INTERVIEW["id"]).items() if not k.startswith("sealed")}
    refused(a, [foreign(unsealed, [sealed])], SealedRecord, match="can never be changed")


def test_resolving_a_refused_sealed_edit_keeps_the_sealed_version(tmp_path):
    a, b = _sealed_and_edited(tmp_path)
    a.insert_revisions(revisions_of(b, INTERVIEW["id"]))
    heads = a.heads(INTERVIEW["id"])
    revs = [h.revision.rev for h in heads]
    with pytest.raises(SealedRecord):
        a.resolve(INTERVIEW["id"], heads[1].revision.body, revs)
    merged = a.resolve(INTERVIEW["id"], heads[0].revision.body, revs)
    assert set(merged.parents) == set(revs)
    assert not a.conflicts() and a.info(INTERVIEW["id"]).sealed


def test_addenda_are_append_only(vault):
    vault.put_many([PERSON, INTERVIEW])
    addendum = vault.add_addendum(INTERVIEW["id"], "Қосымша")
    with pytest.raises(SealedRecord, match="addendum cannot be changed"):
        vault.put({**addendum, "text": "өзгертілген"})
    with pytest.raises(SealedRecord, match="append-only"):
        vault.delete(addendum["id"])
    head = vault.info(addendum["id"]).head
    refused(vault, [foreign({**addendum, "text": "подмена"}, [head])], SealedRecord, match="addendum cannot be changed")
    refused(vault, [foreign(None, [head], record_id=addendum["id"], record_type="addendum", deleted=True)],
            SealedRecord, match="can never be deleted")
    assert vault.put(dict(addendum)) is None  # the same content again changes nothing


# --- A.3: the view is a pure function of the revisions --------------------------------------------

def test_a_clock_running_ahead_does_not_win_every_conflict(vault):
    base = vault.put(FACILITY)
    # monitor B's laptop thinks it is 2031; it made one edit
    ahead = foreign({**FACILITY, "capacity": 99}, [base.rev], at="2031-01-01T00:00:00.000000Z")
    # this laptop made two edits in the meantime (a higher generation)
    vault.put({**FACILITY, "capacity": 10})
    mine = vault.put({**FACILITY, "capacity": 11})
    vault.insert_revisions([ahead])
    info = vault.info(FACILITY["id"])
    assert info.conflict and info.head == mine.rev and info.body["capacity"] == 11


def test_between_equal_generations_time_then_hash_decide(vault):
    import datetime as dt

    base = vault.put(FACILITY)
    made = dt.datetime.strptime(base.created_at, "%Y-%m-%dT%H:%M:%S.%fZ")  # children come after their parent
    early = foreign({**FACILITY, "capacity": 1}, [base.rev],
                    at=(made + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"))
    late = foreign({**FACILITY, "capacity": 2}, [base.rev],
                   at=(made + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), device=DEVICE_C)
    vault.insert_revisions([late, early])
    assert vault.info(FACILITY["id"]).head == late.rev


def test_the_same_csv_loaded_on_two_laptops_does_not_conflict(tmp_path):
    a = make_vault(tmp_path / "a.vault", "monitor-a")
    b = make_vault(tmp_path / "b.vault", "monitor-b")
    meet(a, b)
    for v in (a, b):
        v.put_many([FACILITY, PERSON])
    a.insert_revisions(revisions_of(b, FACILITY["id"], PERSON["id"]))
    b.insert_revisions(revisions_of(a, FACILITY["id"], PERSON["id"]))
    assert not a.conflicts() and not b.conflicts()
    assert a.info(FACILITY["id"]).heads == 1 and len(a.heads(FACILITY["id"])) == 2
    assert a.digest() == b.digest()
    a.put({**FACILITY, "capacity": 7})  # a plain save merges the identical versions
    assert len(a.heads(FACILITY["id"])) == 1


def test_a_vocabulary_key_added_on_two_devices_has_one_owner_whatever_the_order(tmp_path):
    term_a = new_term(uid(20), "water_board", {"en": "Water board (A)"})
    term_b = new_term(uid(21), "water_board", {"en": "Water board (B)"})
    labels = set()
    for i, order in enumerate(([term_a, term_b], [term_b, term_a])):
        c = make_vault(tmp_path / f"c{i}.vault", "coordinator")
        for term in order:
            c.insert_revisions([foreign(term)])
        labels.add(c.label("method", "water_board"))
        c.delete(uid(20))  # the owner goes: the other device's term takes over
        assert c.label("method", "water_board") == "Water board (B)"
    assert labels == {"Water board (A)"}  # the smaller record id owns the key


def test_verify_does_not_depend_on_arrival_order(tmp_path):
    a = make_vault(tmp_path / "a.vault", "monitor-a")
    a.put(FACILITY)
    a.put({**FACILITY, "capacity": 3})
    c = make_vault(tmp_path / "c.vault", "coordinator")
    meet(a, c)
    c.insert_revisions(list(reversed(revisions_of(a, FACILITY["id"]))))  # child listed first
    assert c.verify().ok and c.digest() == a.digest()


# --- A.4: conflicts are resolved on purpose --------------------------------------------------------

@pytest.fixture
def conflicted(vault):
    base = vault.put(FACILITY)
    mine = vault.put({**FACILITY, "capacity": 10})
    theirs = foreign({**FACILITY, "capacity": 12}, [base.rev])
    vault.insert_revisions([theirs])
    return vault, mine, theirs


def test_plain_saves_on_a_conflicted_record_are_refused_with_a_pointer_to_the_review(conflicted):
    vault, mine, theirs = conflicted
    before = state(vault)
    with pytest.raises(RecordInConflict, match=f"monitor conflicts {FACILITY['id']}"):
        vault.put({**FACILITY, "capacity": 11})
    with pytest.raises(RecordInConflict):
        vault.delete(FACILITY["id"])
    assert state(vault) == before
    assert vault.put(dict(vault.get(FACILITY["id"]))) is None  # saving what is shown changes nothing


def test_resolve_merges_every_head_and_logs_who_resolved_what(conflicted):
    vault, mine, theirs = conflicted
    merged = vault.resolve(FACILITY["id"], {**FACILITY, "capacity": 11, "notes": "сверено"}, [theirs.rev, mine.rev])
    assert set(merged.parents) == {mine.rev, theirs.rev}
    info = vault.info(FACILITY["id"])
    assert not info.conflict and info.body["capacity"] == 11 and not vault.conflicts()
    row = vault.conn.execute("SELECT action, actor, rev, detail FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    assert row[:3] == ("resolve", "tester", merged.rev)
    assert mine.rev in row[3] and theirs.rev in row[3]
    assert vault.verify().ok


def test_resolve_refuses_stale_heads_a_record_without_conflict_and_invalid_bodies(conflicted):
    vault, mine, theirs = conflicted
    before = state(vault)
    with pytest.raises(RecordInConflict, match="changed since they were shown"):
        vault.resolve(FACILITY["id"], FACILITY, [mine.rev])
    with pytest.raises(SchemaViolation):
        vault.resolve(FACILITY["id"], {**FACILITY, "type_key": "castle"}, [mine.rev, theirs.rev])
    with pytest.raises(SchemaViolation, match="id and type"):
        vault.resolve(FACILITY["id"], PERSON, [mine.rev, theirs.rev])
    assert state(vault) == before
    vault.put(PERSON)
    with pytest.raises(MonitorError, match="no conflict"):
        vault.resolve(PERSON["id"], PERSON, [vault.info(PERSON["id"]).head])


def test_resolve_by_deleting(conflicted):
    vault, mine, theirs = conflicted
    vault.resolve(FACILITY["id"], None, [mine.rev, theirs.rev])
    info = vault.info(FACILITY["id"])
    assert info.deleted and info.label == "ИВС Қостанай" and not vault.conflicts()


# --- A.5: hashes anyone can recompute ---------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[1] / "docs" / "vault.md"


def test_hash_vectors_in_the_docs_match_the_code():
    text = DOCS.read_text(encoding="utf-8")
    vectors = re.findall(r"```json\n(\{.*?\})\n```\n+canonical form:\n+```\n(.*?)\n```\n+hash: `(v2:[0-9a-f]{64})`",
                         text, re.S)
    assert len(vectors) >= 2, "docs/vault.md lost its test vectors"
    for source, canonical, digest in vectors:
        revision = json.loads(source)
        assert Revision(**{**revision, "parents": tuple(revision["parents"]), "hash": digest}).compute_hash() == digest
        from monitor.core.text import jcs

        payload = {k: v for k, v in revision.items() if k != "hash"}
        assert jcs(payload).decode("utf-8") == canonical


def test_numbers_hash_as_other_languages_write_them(vault):
    a = foreign({**FACILITY, "capacity": 3})
    b = Revision(**{**a.__dict__, "body": {**FACILITY, "capacity": 3.0}})
    assert b.compute_hash() == a.hash  # 3.0 and 3 are the same JSON number


def test_old_version_1_hashes_stay_verifiable(vault):
    old = Revision(new_id(), FACILITY["id"], "facility", (), "monitor-b", DEVICE_B, utc_now(), False, FACILITY)
    old = Revision(**{**old.__dict__, "hash": old.compute_hash(1)}).signed_by(identity_for(DEVICE_B))
    assert len(old.hash) == 64
    assert vault.insert_revisions([old]) == 1
    assert vault.verify().ok
    vault.put({**FACILITY, "capacity": 2})
    assert vault.history(FACILITY["id"])[-1].hash.startswith("v2:")


def test_a_lone_surrogate_in_a_local_save_is_refused_in_one_line(vault):
    with pytest.raises(InvalidText, match=r"lone surrogate \(U\+D800\)"):
        vault.put({**FACILITY, "name": "ИВС \ud800"})
    assert vault.counts() == {}


NODE_CHECK = r"""
const crypto = require('crypto'); const fs = require('fs');
function jcs(v) {  // RFC 8785 for JSON that JSON.parse gives: ECMAScript numbers, UTF-16 key order
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(jcs).join(',') + ']';
  return '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + jcs(v[k])).join(',') + '}';
}
let same = 0, differ = 0;
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line) continue;
  const r = JSON.parse(line); const h = r.hash; delete r.hash; delete r.signature;
  const d = 'v2:' + crypto.createHash('sha256').update(jcs(r), 'utf8').digest('hex');
  if (d === h) same++; else differ++;
}
console.log(same + ' ' + differ);
"""


def test_javascript_recomputes_every_hash(vault, tmp_path):
    import os
    import shutil
    import subprocess

    from records import full_set

    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is missing on CI (.ci/run installs nodejs)")
        pytest.skip("node (nodejs) is not installed; it recomputes hashes as another language would")
    blob = vault.store_blob(io.BytesIO(b"photo " * 100))
    vault.put_many(full_set(blob.sha256, blob.size))  # floats such as x: 0.42 in the injuries
    vault.put({**FACILITY, "capacity": 3.0})  # Python writes 3.0, JavaScript 3: the same number
    lines = [json.dumps(r.to_json(), ensure_ascii=False)
             for (rid,) in vault.conn.execute("SELECT DISTINCT record_id FROM revisions")
             for r in vault.history(rid)]
    path = tmp_path / "revisions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = tmp_path / "check.js"
    script.write_text(NODE_CHECK, encoding="utf-8")
    out = subprocess.run([node, str(script), str(path)], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == [str(len(lines)), "0"], out.stderr


# --- the command line -------------------------------------------------------------------------------

@pytest.mark.process
def test_cli_lists_shows_and_resolves_conflicts(tmp_path):
    from test_cli import CLI, one_line_error

    cli = CLI(tmp_path)
    cli("init")
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        introduce(vault, DEVICE_B)
        base = vault.put(FACILITY)
        mine = vault.put({**FACILITY, "capacity": 10})
        theirs = foreign({**FACILITY, "capacity": 12}, [base.rev])
        vault.insert_revisions([theirs])
    listed = cli("conflicts").stdout
    assert FACILITY["id"] in listed and "2 versions" in listed
    shown = cli("conflicts", FACILITY["id"], "--full").stdout
    assert mine.rev in shown and theirs.rev in shown and "monitor-b" in shown and '"capacity": 12' in shown
    data = json.loads(cli("conflicts", FACILITY["id"], "--json").stdout)
    assert {v["rev"] for v in data["versions"]} == {mine.rev, theirs.rev}
    assert "one of the versions" in one_line_error(cli("resolve", FACILITY["id"], "--take", base.rev, ok=False))
    assert cli("resolve", FACILITY["id"], ok=False).returncode == 2  # a choice is required
    bad = tmp_path / "merged.json"
    bad.write_text('{"id": "x"', encoding="utf-8")
    assert "not valid JSON" in one_line_error(cli("resolve", FACILITY["id"], "--body", str(bad), ok=False))
    before = cli.digest()
    edit = tmp_path / "edit.jsonl"
    edit.write_text(json.dumps({**FACILITY, "capacity": 11}) + "\n", encoding="utf-8")
    assert "monitor conflicts" in one_line_error(cli("load", str(edit), ok=False))
    assert cli.digest() == before
    out = cli("resolve", FACILITY["id"], "--take", theirs.rev[:8]).stdout
    assert "2 versions merged" in out
    assert cli("conflicts").stdout.strip() == "no conflicts"
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        assert vault.get(FACILITY["id"])["capacity"] == 12 and vault.verify().ok


@pytest.mark.process
def test_cli_load_refuses_a_lone_surrogate_in_one_line(tmp_path):
    from test_cli import CLI, one_line_error

    cli = CLI(tmp_path)
    cli("init")
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "%s", "type": "facility", "name": "ИВС \\ud800", "type_key": "ivs"}\n' % uid(1),
                    encoding="utf-8")
    before = cli.digest()
    message = one_line_error(cli("load", str(path), ok=False))
    assert "lone surrogate" in message and "line 1" in message
    assert cli.digest() == before


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_the_fast_canonical_form_is_exactly_rfc8785(value):
    import rfc8785

    from monitor.core.text import jcs

    assert jcs(value) == rfc8785.dumps(value)


def test_three_vaults_run_the_whole_cycle_without_bundles(tmp_path):
    """Monitors A and B edit the same case concurrently, A seals an interview that B then edits;
    the coordinator receives both, sees one conflict and one refused sealed edit, resolves the
    conflict, and sends the result back: all three end with the same digest."""
    a, b, c = (make_vault(tmp_path / f"{n}.vault", n) for n in ("monitor-a", "monitor-b", "coordinator"))
    meet(a, b, c)
    case = new_case(uid(30), title="Ұрып-соғу")
    a.put_many([PERSON, INTERVIEW, case])
    shared = [PERSON["id"], INTERVIEW["id"], case["id"]]
    b.insert_revisions(revisions_of(a, *shared))
    a.put({**case, "status": "complaint_filed"})
    b.put({**case, "title": "Ұрып-соғу, ИВС"})
    a.seal(INTERVIEW["id"])
    b.put({**INTERVIEW, "narrative": "Мені ұрды. Түзетілген."})
    c.insert_revisions(revisions_of(a, *shared))
    c.insert_revisions(revisions_of(b, *shared))
    conflicts = {info.id: info for info in c.conflicts()}
    assert set(conflicts) == {case["id"], INTERVIEW["id"]}
    assert conflicts[case["id"]].conflict and not conflicts[INTERVIEW["id"]].conflict
    assert [h.rejected for h in c.heads(INTERVIEW["id"])] == [False, True]
    heads = c.heads(case["id"])
    c.resolve(case["id"], {**case, "status": "complaint_filed", "title": "Ұрып-соғу, ИВС"},
              [h.revision.rev for h in heads])
    sealed = c.heads(INTERVIEW["id"])
    c.resolve(INTERVIEW["id"], sealed[0].revision.body, [h.revision.rev for h in sealed])
    assert not c.conflicts()
    for monitor in (a, b):
        monitor.insert_revisions(revisions_of(c, *shared))
    assert a.digest() == b.digest() == c.digest()
    assert a.get(case["id"])["title"] == "Ұрып-соғу, ИВС" and a.info(INTERVIEW["id"]).sealed
    for vault in (a, b, c):
        assert vault.verify().ok


def test_verify_notices_an_altered_revision_graph(vault):
    vault.put_many([PERSON, INTERVIEW])
    vault.seal(INTERVIEW["id"])
    assert vault.verify().ok
    vault.conn.execute("UPDATE revision_graph SET seal = NULL")  # what an editor of the file could do
    problems = vault.verify().problems
    assert any("revision graph was altered" in p for p in problems)
