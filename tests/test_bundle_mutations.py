"""Random mutations of valid bundles: every one is refused (or is a harmless replay), vault unchanged.

The quick run in the default suite tries 60 mutations; the long run tries 1,200:

    .venv/bin/python -m pytest -m slow -s tests/test_bundle_mutations.py

and prints its totals by kind and by error.
"""

from __future__ import annotations

import collections
import hashlib
import io
import random

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER
from records import full_set, new_person

from monitor.core import errors
from monitor.core.sync import contacts, exchange
from monitor.core.store.vault import Vault


def _vault(tmp_path, name):
    return Vault.create(tmp_path / f"{name}.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile=name)


def _file_digest(vault) -> str:
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(vault.path.read_bytes()).hexdigest()


def run_mutations(tmp_path, count: int, seed: int) -> collections.Counter:
    rng = random.Random(seed)
    monitor, other, coordinator = _vault(tmp_path, "monitor"), _vault(tmp_path, "other"), _vault(tmp_path, "coordinator")
    try:
        with coordinator.writing() as conn:
            contacts.add(conn, contacts.own(monitor.identity, "monitor"))
            contacts.add(conn, contacts.own(other.identity, "other", "coordinator"))
        blob = monitor.store_blob(io.BytesIO(bytes(rng.randrange(256) for _ in range(70_000))))
        monitor.put_many(full_set(blob.sha256, blob.size))
        first = tmp_path / "first.monitor-bundle"
        exchange.export_bundle(monitor, first, to=[coordinator.identity.age_recipient])
        other.put(new_person("00000000-0000-4000-8000-0000000000aa", code="P-2026-0100"))
        second = tmp_path / "second.monitor-bundle"
        exchange.export_bundle(other, second, to=[coordinator.identity.age_recipient])
        exchange.import_bundle(coordinator, first)  # so that replays are possible
        good, spare = first.read_bytes(), second.read_bytes()
        before = _file_digest(coordinator)
        totals: collections.Counter = collections.Counter()
        target = tmp_path / "mutated.monitor-bundle"
        for i in range(count):
            kind = rng.choice(("flip", "flip", "flip-header", "truncate", "splice", "insert", "replay", "zero-run"))
            data = bytearray(good)
            if kind == "flip":
                pos = rng.randrange(len(data))
                data[pos] ^= 1 << rng.randrange(8)
            elif kind == "flip-header":
                pos = rng.randrange(min(200, len(data)))
                data[pos] ^= 1 << rng.randrange(8)
            elif kind == "truncate":
                data = data[: rng.randrange(len(data))]
            elif kind == "splice":
                cut = rng.randrange(1, len(data))
                data = data[:cut] + spare[rng.randrange(len(spare)):]
            elif kind == "insert":
                pos = rng.randrange(len(data))
                data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
            elif kind == "zero-run":
                pos = rng.randrange(len(data))
                data[pos:pos + rng.randrange(1, 4096)] = b"\0" * len(data[pos:pos + 4096])
            target.write_bytes(bytes(data))
            try:
                report = exchange.import_bundle(coordinator, target)
            except errors.BundleError as exc:
                totals[f"{kind}: refused ({type(exc).__name__})"] += 1
            except errors.MonitorError as exc:
                totals[f"{kind}: refused ({type(exc).__name__})"] += 1
            else:
                assert report.replay and bytes(data) == good, f"mutation {i} ({kind}) was accepted"
                totals[f"{kind}: harmless replay"] += 1
            assert _file_digest(coordinator) == before, f"mutation {i} ({kind}) changed the vault"
        return totals
    finally:
        for v in (monitor, other, coordinator):
            v.close()


def _print(totals: collections.Counter, count: int) -> None:
    print(f"\nbundle mutations: {count} tried, {sum(v for k, v in totals.items() if 'refused' in k)} refused, "
          f"{sum(v for k, v in totals.items() if 'replay' in k)} harmless replays, 0 accepted, vault unchanged")
    for key, n in sorted(totals.items()):
        print(f"  {n:5}  {key}")


def test_quick_bundle_mutations(tmp_path):
    totals = run_mutations(tmp_path, 60, seed=7)
    assert sum(totals.values()) == 60
    _print(totals, 60)


@pytest.mark.slow
def test_long_bundle_mutations(tmp_path):
    totals = run_mutations(tmp_path, 1200, seed=20261126)
    assert sum(totals.values()) == 1200
    _print(totals, 1200)


# --- semantic mutations by a holder of a trusted key (issue 17) -------------------------------------------
# The bytes above are protected by the age layer and the manifest's signature. A thief holding a
# trusted laptop (here: the coordinator "other") can re-sign any manifest, so what stands between
# its edits and the receiver is each revision's own signature by the device it names.

SEMANTIC = ("author", "author-resigned", "created_at-resigned", "device-of-another", "claim-receiver",
            "backdate-own-child", "drop-signature", "swap-signatures", "manifest-rebind-device",
            "manifest-names-receiver")


def _open_bundle(path, identity):
    import tarfile

    import pyrage

    plain = io.BytesIO()
    with open(path, "rb") as src:
        pyrage.decrypt_io(src, plain, [pyrage.x25519.Identity.from_str(identity.age_identity)])
    with tarfile.open(fileobj=io.BytesIO(plain.getvalue()), mode="r:") as tar:
        return [[info.name, tar.extractfile(info).read()] for info in tar]


def _close_bundle(members, signer, receiver_identity, target):
    import json
    import tarfile

    import pyrage

    from monitor.core.sync import bundle

    manifest = json.loads(members[0][1])
    manifest["counts"]["revisions"] = len(members[-1][1].splitlines())
    for name, content in members[2:]:
        entry = next(e for e in manifest["members"] if e["name"] == name)
        entry["size"], entry["sha256"] = len(content), hashlib.sha256(content).hexdigest()
    members[0][1], members[1][1] = bundle.sign_manifest(signer, manifest)
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, content in members:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    with open(target, "wb") as dst:
        pyrage.encrypt_io(io.BytesIO(out.getvalue()), dst,
                          [pyrage.x25519.Identity.from_str(receiver_identity.age_identity).to_public()])


def _revision(data, *, signer=None):
    from monitor.core.history.revisions import Revision

    revision = Revision(data["rev"], data["record_id"], data["record_type"], tuple(data["parents"]), data["author"],
                        data["device"], data["created_at"], data["deleted"], data["body"])
    if signer is not None:
        return revision.signed_by(signer).to_json()
    return {**revision.with_hash().to_json(), **({"signature": data["signature"]} if "signature" in data else {})}


def run_semantic_mutations(tmp_path, count: int, seed: int) -> collections.Counter:
    import datetime as dt
    import json

    from monitor.core.text import canonical_json

    rng = random.Random(seed)
    monitor, other, receiver = (_vault(tmp_path, n) for n in ("monitor", "other", "receiver"))
    try:
        def trust(vault, who, role="monitor"):
            contacts.trust(vault, contacts.own(who.identity, who.profile, role, who.device_id))

        trust(other, monitor)
        trust(monitor, other, "coordinator")
        trust(receiver, monitor)
        trust(receiver, other, "coordinator")
        blob = monitor.store_blob(io.BytesIO(bytes(rng.randrange(256) for _ in range(20_000))))
        records = full_set(blob.sha256, blob.size)
        monitor.put_many(records)
        to_other = tmp_path / "monitor-to-other.monitor-bundle"
        exchange.export_bundle(monitor, to_other, to=["other"])
        exchange.import_bundle(other, to_other)
        own = other.put(new_person("00000000-0000-4000-8000-0000000000aa", code="P-2026-0100"))
        person = next(r for r in records if r["type"] == "person")
        child = other.put({**person, "notes": "уточнено координатором"})  # a child of the monitor's revision
        receiver.put(new_person("00000000-0000-4000-8000-0000000000bb", code="P-2026-0101"))  # its own device
        base = tmp_path / "other-to-receiver.monitor-bundle"
        exchange.export_bundle(other, base, to=[receiver.identity.age_recipient])
        before = _file_digest(receiver)
        totals: collections.Counter = collections.Counter()
        target = tmp_path / "semantic.monitor-bundle"
        for i in range(count):
            kind = SEMANTIC[i % len(SEMANTIC)] if i < len(SEMANTIC) else rng.choice(SEMANTIC)
            members = _open_bundle(base, receiver.identity)
            lines = [json.loads(line) for line in members[-1][1].splitlines()]
            theirs = [n for n, d in enumerate(lines) if d["device"] == monitor.device_id]
            mine = [n for n, d in enumerate(lines) if d["device"] == other.device_id]
            n = rng.choice(theirs)
            if kind == "author":
                lines[n] = _revision({**lines[n], "author": rng.choice(["other", "receiver", "Айгуль"])})
            elif kind == "author-resigned":
                lines[n] = _revision({**lines[n], "author": "other"}, signer=other.identity)
            elif kind == "created_at-resigned":
                when = dt.datetime.strptime(lines[n]["created_at"], "%Y-%m-%dT%H:%M:%S.%fZ")
                shifted = when + dt.timedelta(days=rng.choice([-1, 1]) * rng.randrange(1, 4000))
                lines[n] = _revision({**lines[n], "created_at": shifted.strftime("%Y-%m-%dT%H:%M:%S.%fZ")},
                                     signer=other.identity)
            elif kind == "device-of-another":
                m = rng.choice(mine)
                lines[m] = _revision({**lines[m], "device": monitor.device_id}, signer=other.identity)
            elif kind == "claim-receiver":
                m = rng.choice(mine)
                lines[m] = _revision({**lines[m], "device": receiver.device_id}, signer=other.identity)
            elif kind == "backdate-own-child":
                m = next(k for k, d in enumerate(lines) if d["rev"] == child.rev)
                when = dt.datetime.strptime(lines[m]["created_at"], "%Y-%m-%dT%H:%M:%S.%fZ")
                lines[m] = _revision({**lines[m], "created_at": (when - dt.timedelta(days=rng.randrange(2, 2000)))
                                      .strftime("%Y-%m-%dT%H:%M:%S.%fZ")}, signer=other.identity)
            elif kind == "drop-signature":
                del lines[rng.randrange(len(lines))]["signature"]
            elif kind == "swap-signatures":
                a, b = rng.sample(range(len(lines)), 2)
                lines[a]["signature"], lines[b]["signature"] = lines[b]["signature"], lines[a]["signature"]
            elif kind == "manifest-rebind-device":  # the monitor's device given the thief's key, all re-signed
                lines = [_revision(d, signer=other.identity) if d["device"] == monitor.device_id else d for d in lines]
                manifest = json.loads(members[0][1])
                for entry in manifest["devices"]:
                    if entry["device"] == monitor.device_id:
                        entry["signing_key"] = other.identity.signing_public.hex()
                members[0][1] = canonical_json(manifest)
            elif kind == "manifest-names-receiver":
                manifest = json.loads(members[0][1])
                field = rng.choice(["vault_id", "device_id"])  # a profile is a name two people may share
                manifest["exporter"][field] = getattr(receiver, field)
                members[0][1] = canonical_json(manifest)
            members[-1][1] = b"".join(canonical_json(d) + b"\n" for d in lines)
            _close_bundle(members, other.identity, receiver.identity, target)
            try:
                exchange.import_bundle(receiver, target)
            except errors.MonitorError as exc:
                totals[f"{kind}: refused ({type(exc).__name__})"] += 1
            else:
                raise AssertionError(f"semantic mutation {i} ({kind}) was accepted")
            assert _file_digest(receiver) == before, f"semantic mutation {i} ({kind}) changed the vault"
        exchange.import_bundle(receiver, base)  # the genuine bundle is accepted: the mutations were refused
        assert receiver.get(own.record_id)["code"] == "P-2026-0100"
        return totals
    finally:
        for v in (monitor, other, receiver):
            v.close()


def _print_semantic(totals: collections.Counter, count: int) -> None:
    print(f"\nsemantic mutations by a trusted key holder: {count} tried, {sum(totals.values())} refused, "
          f"0 accepted, vault unchanged")
    kinds = collections.Counter()
    for key, n in totals.items():
        kinds[key.split(":")[0]] += n
    for key, n in sorted(kinds.items()):
        print(f"  {n:5}  {key}")
    for key, n in sorted(totals.items()):
        print(f"  {n:5}  {key}")


def test_quick_semantic_mutations(tmp_path):
    totals = run_semantic_mutations(tmp_path, len(SEMANTIC), seed=17)
    assert sum(totals.values()) == len(SEMANTIC) and {k.split(":")[0] for k in totals} == set(SEMANTIC)
    _print_semantic(totals, len(SEMANTIC))


@pytest.mark.slow
def test_long_semantic_mutations(tmp_path):
    count = 300
    totals = run_semantic_mutations(tmp_path, count, seed=20261207)
    assert sum(totals.values()) == count
    _print_semantic(totals, count)
