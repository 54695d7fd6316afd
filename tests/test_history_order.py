"""The current view is a pure function of the set of revisions (issue 6, A.3).

Three real vaults ("devices") make random histories of the same records: edits, deletions,
seals, addenda, vocabulary terms, the same record loaded on two laptops, syncs between devices
and explicit resolves. Their revisions are then given to three other vaults in different orders
(device by device forwards, backwards, and one shuffled batch), and every device receives the
others' revisions too. All six must end with the same digest of the example's records, and the
three receivers the same digest of the whole vault.

The vaults are made once per module and reused across examples (each example uses fresh record
ids and vocabulary keys), so 200 examples run in well under a minute.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import uuid

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER
from records import new_facility, new_person, new_term
from devices import introduce, meet, signed
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from monitor.core.history import graph as history
from monitor.core.errors import MonitorError
from monitor.core.history.revisions import REVISION_COLUMNS, Revision
from monitor.core.store import sync_log
from monitor.core.store.vault import Vault
from monitor.core.sync import contacts

EXAMPLES = int(os.environ.get("MONITOR_ORDER_EXAMPLES", "200"))  # more for a longer hunt
DEVICES = 3
PHOTO = b"\x89PNG order photo " * 64

CONSENT = {k: True for k in ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                             "anonymised_reports", "publication_with_name")}


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fleet")
    vaults = []
    for name in ("monitor-a", "monitor-b", "monitor-c", "coordinator-1", "coordinator-2", "coordinator-3"):
        vault = Vault.create(folder / f"{name}.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile=name)
        vault.conn.execute("PRAGMA synchronous = OFF")  # test speed only; production keeps FULL
        vault.store_blob(io.BytesIO(PHOTO))  # every laptop has the photo's bytes; its record travels
        vaults.append(vault)
    meet(*vaults)  # each knows the others' device keys (every revision is signed by its device)
    yield vaults
    for vault in vaults:
        vault.close()


def export(vault: Vault, ids: set[str]) -> list[Revision]:
    """A device's revisions of these records, in its own arrival order (as a bundle would list them)."""
    columns = ", ".join("v." + c.strip() for c in REVISION_COLUMNS.split(","))
    rows = vault.conn.execute(f"SELECT {columns}, {sync_log.SIGNATURE_HEX} FROM revisions v "
                              "LEFT JOIN revision_signatures s ON s.seq = v.seq ORDER BY v.seq").fetchall()
    return [Revision.from_row(r) for r in rows if r[1] in ids]


def scoped_digest(vault: Vault, ids: set[str]) -> list:
    """Every shared-state row that concerns these records (the whole-vault digest is checked at the end)."""
    conn, out = vault.conn, []
    for name, sql in history.DIGEST_QUERIES:
        rows = conn.execute(sql).fetchall()
        if name in ("revisions", "revision_graph"):
            rows = [r for r in rows if r[1] in ids]
        elif name in ("records", "refs"):
            rows = [r for r in rows if r[0] in ids]
        elif name == "revision_parents":
            mine = {rev for rev, record_id in conn.execute("SELECT rev, record_id FROM revisions") if record_id in ids}
            rows = [r for r in rows if r[0] in mine]
        elif name == "vocab_terms":
            rows = [r for r in rows if r[4] in ids]
        else:
            continue
        out.append((name, rows))
    return out


class Example:
    """One example's records, with fresh ids."""

    def __init__(self) -> None:
        self.facility = str(uuid.uuid4())      # edited, deleted, resurrected
        self.spare = str(uuid.uuid4())         # "the same CSV on two laptops": identical bodies
        self.person = str(uuid.uuid4())
        self.interview = str(uuid.uuid4())     # edited, sealed, given addenda
        self.photo = str(uuid.uuid4())         # filed under the interview: sealed with it, captioned
        self.term_ids: list[str] = []
        self.addenda: list[str] = []
        tag = uuid.uuid4().hex[:10]
        self.keys = [f"p{tag}.a", f"p{tag}.b"]

    @property
    def ids(self) -> set[str]:
        return {self.facility, self.spare, self.person, self.interview, self.photo, *self.term_ids, *self.addenda}

    def base(self) -> list[dict]:
        return [
            new_facility(self.facility, name="ИВС Қостанай", type_key="ivs"),
            new_person(self.person),
            {"id": self.interview, "type": "interview", "person_id": self.person, "interviewers": ["A. Monitor"],
             "date": "2026-01-05T10:00:00+05:00", "private": True, "narrative": "Мені ұрды.",
             "reprisal_risk": "medium", "consent": CONSENT},
            {"id": self.photo, "type": "attachment", "sha256": hashlib.sha256(PHOTO).hexdigest(), "size": len(PHOTO),
             "mime_type": "image/png", "parent_id": self.interview, "caption": "Қолхат"},
        ]


# Weighted towards what makes histories interesting: concurrent edits, seals, syncs and resolves.
OPS = ("edit_facility", "resolve") * 3 + ("edit_interview", "edit_photo", "seal", "sync", "same", "add_term") * 2 + (
    "delete_facility", "addendum", "edit_term", "delete_term", "edit_person")

op_strategy = st.tuples(st.integers(0, DEVICES - 1), st.sampled_from(OPS), st.integers(0, 5))


def apply(vault: Vault, op: str, n: int, ex: Example, devices: list[Vault], d: int) -> None:
    if op == "edit_facility":
        body = dict(vault.info(ex.facility).body or ex.base()[0])
        body["capacity"] = n * 10 + d  # two devices may well pick the same value: identical bodies
        vault.put(body)
    elif op == "delete_facility":
        vault.delete(ex.facility)
    elif op == "edit_person":
        vault.put(new_person(ex.person, code=f"P-2026-000{n}"))
    elif op == "edit_interview":
        vault.put({**vault.get(ex.interview), "narrative": f"Мені ұрды. Қосымша {n}."})
    elif op == "edit_photo":
        vault.put({**vault.get(ex.photo), "caption": f"Қолхат {n} ({d})"})
    elif op == "seal":
        vault.seal(ex.interview)
    elif op == "addendum":
        ex.addenda.append(vault.add_addendum(ex.interview, f"Қосымша {n}")["id"])
    elif op == "add_term":
        term = new_term(str(uuid.uuid4()), ex.keys[n % 2], {"en": f"Method {n} from device {d}"})
        vault.put(term)
        ex.term_ids.append(term["id"])
    elif op == "edit_term" and ex.term_ids:
        term_id = ex.term_ids[n % len(ex.term_ids)]
        vault.put({**vault.get(term_id), "labels": {"en": f"Renamed {n}", "kk": "Әдіс"}})
    elif op == "delete_term" and ex.term_ids:
        vault.delete(ex.term_ids[n % len(ex.term_ids)])
    elif op == "same":
        vault.put(new_facility(ex.spare, capacity=100))
    elif op in ("sync", "resolve"):  # pull the other devices' work; "resolve": then settle conflicts
        vault.insert_revisions([r for other in devices if other is not vault for r in export(other, ex.ids)])
        if op == "sync":
            return
        for info in vault.conflicts():
            if info.id in ex.ids:
                heads = vault.heads(info.id)
                chosen = heads[n % len(heads)].revision
                vault.resolve(info.id, chosen.body, [h.revision.rev for h in heads])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])
@given(ops=st.lists(op_strategy, min_size=6, max_size=14), seed=st.integers(0, 2**32 - 1))
def test_view_is_the_same_whatever_order_revisions_arrive_in(fleet, ops, seed):
    devices, receivers = fleet[:DEVICES], fleet[DEVICES:]
    ex = Example()
    devices[0].put_many(ex.base())
    for other in devices[1:]:
        other.insert_revisions(export(devices[0], ex.ids))
    for d, op, n in ops:
        try:
            apply(devices[d], op, n, ex, devices, d)
        except MonitorError:
            pass  # refused (sealed, in conflict, still referenced, …): the vault is unchanged
    exports = [export(device, ex.ids) for device in devices]

    for bundle in exports:  # device by device, as bundles arrive
        receivers[0].insert_revisions(bundle)
    for bundle in reversed(exports):
        receivers[1].insert_revisions(bundle)
    everything = [r for bundle in exports for r in bundle]
    random.Random(seed).shuffle(everything)
    receivers[2].insert_revisions(everything)  # one shuffled batch, put in parent-first order
    for d, device in enumerate(devices):  # and every device receives the others' work
        for e in random.Random(seed + d).sample(range(DEVICES), DEVICES):
            device.insert_revisions(exports[e])
    assert devices[0].insert_revisions(everything) == 0  # a replay is a no-op

    expected = scoped_digest(receivers[0], ex.ids)
    for vault in fleet[1:]:
        assert scoped_digest(vault, ex.ids) == expected, vault.profile
    conn = receivers[0].conn
    marks = ",".join("?" * len(ex.ids))
    conflicts = conn.execute(f"SELECT count(*) FROM records WHERE heads > 1 AND id IN ({marks})",
                             list(ex.ids)).fetchone()[0]
    rejected = conn.execute(f"SELECT count(*) FROM revision_graph WHERE rejected = 1 AND record_id IN ({marks})",
                            list(ex.ids)).fetchone()[0]
    merges = conn.execute(f"SELECT count(*) FROM revisions WHERE parents LIKE '%,%' AND record_id IN ({marks})",
                          list(ex.ids)).fetchone()[0]
    event(f"records in conflict: {min(conflicts, 2)}+")
    event(f"rejected heads (edits of a sealed record): {min(rejected, 1)}+")
    event(f"merge revisions: {min(merges, 1)}+")
    event(f"identical heads collapsed: {bool(conn.execute('SELECT count(*) FROM revision_graph g WHERE record_id = ? AND NOT EXISTS (SELECT 1 FROM revision_parents p WHERE p.parent = g.rev)', (ex.spare,)).fetchone()[0] > 1)}")
    # what the view promises beyond equality
    info = receivers[0].info(ex.interview)
    if any(h.revision.body and h.revision.body.get("sealed") for h in receivers[0].heads(ex.interview)):
        assert info.sealed and not info.conflict
    if info.sealed:  # the photo was sealed with it (the seal writes both): no edit made beside it is the view
        photo = receivers[0].info(ex.photo)
        assert photo.sealed and not photo.conflict and photo.body["sealed"] is True


def test_whole_vaults_agree_after_all_examples(fleet):
    """Runs after the property test (same module): the receivers hold the same revisions, so the
    digest of everything that is not a cache is the same, and every vault verifies."""
    digests = {vault.digest() for vault in fleet}
    assert len(digests) == 1
    for vault in fleet:
        assert vault.verify().ok, vault.profile


def test_equal_generation_and_time_are_settled_by_the_hash_not_the_revision_id(tmp_path):
    """Issue 17 §6: two concurrent heads with the same generation and the same time. The documented
    order (docs/vault.md: generation, created_at, then hash) picks the larger hash; a tie-break on
    the revision id would pick the other one here, on whichever device and in whichever order."""
    facility_id = str(uuid.UUID(int=777, version=4))
    with Vault.create(tmp_path / "a.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="a") as origin:
        origin.put(new_facility(facility_id, capacity=1))
        root = export(origin, {facility_id})[0]
        origin_key = origin.identity.signing_public.hex()
    when = root.created_at  # both children at the same moment (the gate refuses a child dated before its parent)
    low_id, high_id = str(uuid.UUID(int=1, version=4)), str(uuid.UUID(int=2, version=4))
    for capacity in range(2, 200):  # find bodies where the revision ids and the hashes disagree
        def child(rev, cap, device):
            body = {**root.body, "capacity": cap}
            return signed(Revision(rev, facility_id, "facility", (root.rev,), "monitor", device, when, False, body))

        low = child(low_id, capacity, str(uuid.UUID(int=20, version=4)))
        high = child(high_id, capacity + 1000, str(uuid.UUID(int=30, version=4)))
        if low.hash > high.hash:
            break
    else:
        pytest.fail("no pair of revisions whose ids and hashes order differently")
    assert low.rev < high.rev and low.hash > high.hash
    for order in ([low, high], [high, low]):
        path = tmp_path / f"receiver-{order[0].rev[-1]}.vault"
        with Vault.create(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="r") as receiver:
            with receiver.writing() as conn:  # as after trusting the origin's contact file
                contacts.learn_device(conn, root.device, origin_key, "contact")
            introduce(receiver, low.device, high.device)
            receiver.insert_revisions([root])
            for revision in order:  # one at a time, so the view is recomputed after each arrival
                receiver.insert_revisions([revision])
            assert {h.revision.rev for h in receiver.heads(facility_id)} == {low.rev, high.rev}
            assert receiver.info(facility_id).head == low.rev
            assert receiver.get(facility_id)["capacity"] == low.body["capacity"]
