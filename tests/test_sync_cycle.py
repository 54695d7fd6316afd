"""The whole cycle of issue 6 with real bundles: two monitors and a coordinator.

A and B start from the same records. A and B edit the same case concurrently, A seals an interview
that B (not knowing of the seal) edits. Both export to the coordinator, who sees exactly one
conflict and one refused sealed edit, resolves the conflict and exports back. After A and B import
that, all three vaults hold the same history and the same view (the same digest).
"""

from __future__ import annotations

import io

from conftest import PASSPHRASE, TEST_KDF_ITER
from records import full_set, uid

from monitor.core.history import graph as history
from monitor.core.sync import contacts, exchange
from monitor.core.store.vault import Vault


def test_two_monitors_and_a_coordinator_converge(tmp_path):
    vaults = {name: Vault.create(tmp_path / f"{name}.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile=name)
              for name in ("monitor-a", "monitor-b", "coordinator")}
    a, b, c = vaults["monitor-a"], vaults["monitor-b"], vaults["coordinator"]
    try:
        for x in vaults.values():
            for y in vaults.values():
                if x is not y:
                    with x.writing() as conn:
                        contacts.add(conn, contacts.own(y.identity, y.profile,
                                                        "coordinator" if y is c else "monitor"))
        blob = a.store_blob(io.BytesIO(b"\x89PNG cycle photo " * 1000))
        records = full_set(blob.sha256, blob.size)
        a.put_many(records)
        start = tmp_path / "start.monitor-bundle"
        exchange.export_bundle(a, start, to=["monitor-b", "coordinator"])
        assert exchange.import_bundle(b, start).new == len(records)
        assert exchange.import_bundle(c, start).new == len(records)

        case_id, interview_id = uid(6), uid(7)
        # concurrent edits of the same case
        a.put({**a.get(case_id), "title": "Избиение в ИВС Караганды (уточнено)"})
        b.put({**b.get(case_id), "status": "complaint_filed"})
        # A seals the interview; B, not knowing, edits it
        a.seal(interview_id)
        b.put({**b.get(interview_id), "follow_up": "Келесі бару: сәуір"})

        from_a, from_b = tmp_path / "a.monitor-bundle", tmp_path / "b.monitor-bundle"
        exchange.export_bundle(a, from_a, to=["coordinator"], since_last=True)
        exchange.export_bundle(b, from_b, to=["coordinator"], since_last=True)
        first = exchange.import_bundle(c, from_b)
        second = exchange.import_bundle(c, from_a)
        assert first.conflicts + second.conflicts >= 1
        assert first.sealed_refused + second.sealed_refused == 1
        conflicts = {info.id for info in c.conflicts()}
        assert conflicts == {case_id, interview_id}
        assert c.info(case_id).heads == 2  # a real conflict of two versions
        assert c.info(interview_id).heads == 1 and c.info(interview_id).sealed  # the seal holds
        assert c.get(interview_id).get("follow_up") != "Келесі бару: сәуір"

        heads = [h.revision.rev for h in c.heads(case_id) if not h.rejected]
        merged = {**c.get(case_id), "title": "Избиение в ИВС Караганды (уточнено)", "status": "complaint_filed"}
        c.resolve(case_id, merged, heads)
        assert c.info(case_id).heads == 1

        back = tmp_path / "back.monitor-bundle"
        exchange.export_bundle(c, back, to=["monitor-a", "monitor-b"])
        exchange.import_bundle(a, back)
        exchange.import_bundle(b, back)
        digests = {name: history.digest(v.conn) for name, v in vaults.items()}
        assert len(set(digests.values())) == 1, digests
        for v in vaults.values():
            assert v.get(case_id) == merged
            assert v.info(interview_id).sealed
            assert v.verify().ok
    finally:
        for v in vaults.values():
            v.close()
