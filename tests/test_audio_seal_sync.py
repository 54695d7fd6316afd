"""A seal of an interview holds for its recordings on every laptop, whatever order bundles arrive in.

`Vault.seal` writes, in the same transaction, a sealing revision of each file the interview holds
(its recordings, a photo filed under it), so the merge treats them as it treats the interview: an
edit made on another device that does not descend from the seal is kept aside (listed by
`monitor conflicts`), never the current view. A and B start from the same interview and recording;
A seals while B, not knowing, changes the recording's caption; A receives B's edit after its seal,
B receives the seal after its edit, and two coordinators receive both, one in each order.
"""

from __future__ import annotations

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER
from records import new_person
from test_audio import INTERVIEW, PERSON, _png, consent_record, interview, sine

from monitor.core.audio import recording
from monitor.core.history import graph as history
from monitor.core.store.vault import Vault
from monitor.core.sync import contacts, exchange

NAMES = ("monitor-a", "monitor-b", "coordinator-1", "coordinator-2")


@pytest.fixture
def laptops(tmp_path):
    vaults = [Vault.create(tmp_path / f"{n}.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile=n) for n in NAMES]
    for x in vaults:
        for y in vaults:
            if x is not y:
                with x.writing() as conn:
                    contacts.add(conn, contacts.own(y.identity, y.profile,
                                                    "coordinator" if y.profile.startswith("coord") else "monitor"))
    yield vaults
    for v in vaults:
        v.close()


def _send(source, target, path, *, since_last=True):
    exchange.export_bundle(source, path, to=[target.profile], since_last=since_last)
    return exchange.import_bundle(target, path)


def test_an_edit_of_a_recording_made_while_its_interview_was_sealed_is_refused_in_either_order(laptops, tmp_path):
    a, b, c1, c2 = laptops
    a.put_many([new_person(PERSON), consent_record({"documentation": True, "audio": True, "photographs": True}),
                interview()])
    rec = recording.start(a, INTERVIEW, sample_rate=16000, channels=1, device="Ішкі микрофон")
    rec.append(sine(1))
    aid = rec.finish(caption="Сұхбаттың басы")
    photo = a.add_attachment(_png(tmp_path), parent_id=INTERVIEW, caption="Қолхат")
    for other in (b, c1, c2):
        assert _send(a, other, tmp_path / f"start-{other.profile}.monitor-bundle", since_last=False).new == 5

    a.seal(INTERVIEW)
    assert a.info(aid).sealed and a.info(photo["id"]).sealed  # sealed with the interview, in one transaction
    seal_hash = a.info(aid).head
    b.put({**b.get(aid), "caption": "Жазба ауыстырылды"})  # B does not know of the seal yet
    b.put({**b.get(photo["id"]), "caption": "Басқа қолхат"})
    edit_hash = b.info(aid).head

    from_a, from_b = tmp_path / "a.monitor-bundle", tmp_path / "b.monitor-bundle"
    exchange.export_bundle(a, from_a, to=["monitor-b", "coordinator-1", "coordinator-2"], since_last=True)
    exchange.export_bundle(b, from_b, to=["monitor-a", "coordinator-1", "coordinator-2"], since_last=True)
    refused = {
        "monitor-a": exchange.import_bundle(a, from_b).sealed_refused,  # the seal first, then the edit
        "monitor-b": exchange.import_bundle(b, from_a).sealed_refused,  # the edit first, then the seal
        "coordinator-1": exchange.import_bundle(c1, from_a).sealed_refused + exchange.import_bundle(c1, from_b).sealed_refused,
        "coordinator-2": exchange.import_bundle(c2, from_b).sealed_refused + exchange.import_bundle(c2, from_a).sealed_refused,
    }
    assert refused == dict.fromkeys(NAMES, 2), refused  # the recording's edit and the photo's
    assert len({history.digest(v.conn) for v in laptops}) == 1  # the same view on every laptop
    for v in laptops:
        assert v.get(aid)["caption"] == "Сұхбаттың басы" and v.get(aid)["sealed"] is True
        assert v.info(aid).head == seal_hash and v.info(aid).heads == 1
        assert v.get(photo["id"])["caption"] == "Қолхат" and v.info(photo["id"]).sealed
        assert {aid, photo["id"]} <= {info.id for info in v.conflicts()}  # kept, for review
        assert [h.revision.rev for h in v.heads(aid) if h.rejected] == [edit_hash]
        assert v.info(INTERVIEW).sealed and v.verify().ok

