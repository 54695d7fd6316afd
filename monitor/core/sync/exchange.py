"""Export a vault's revisions as a bundle, and merge bundles into a vault.

Export picks revisions (everything, everything since the last export to a recipient, or chosen
cases and what they link to), the attachments they name and the vault's audit chain, and writes
them with :mod:`.bundle`. Import checks the signature and signer, then streams every member inside
ONE transaction: attachments into the blob store, the exporter's audit chain against what earlier
bundles from that device showed, and every revision through the same gate as a local save. Any
failure rolls the transaction back, so the vault is as it was.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from ..store import attachments, audit, consent, sync_log
from ..store.vault import FOREVER
from ..history import gate
from ..model import schema
from ..errors import (
    BundleDamaged,
    BundleTampered,
    BundleError,
    Cancelled,
    HistoryContradiction,
    MonitorError,
    SchemaViolation,
    UnknownSigner,
)
from ..keys.identity import fingerprint, normalise_fingerprint
from ..history.revisions import SIGNATURE, Revision, utc_now
from ..messages import Message
from ..text import canonical_json, one_line
from . import bundle, contacts

if TYPE_CHECKING:
    from ..store.vault import Vault

Progress = Callable[[int, int, str], None]


@dataclass
class ExportReport:
    path: str
    sha256: str
    revisions: int
    attachments: int
    bytes: int

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class MergeReport:
    """What an import did."""

    bundle_sha256: str = ""
    signer: str = ""
    new: int = 0             # records this vault did not have
    updated: int = 0         # records that gained revisions
    conflicts: int = 0       # records now in conflict (concurrent heads)
    sealed_refused: int = 0  # edits of sealed content kept aside, never shown as current
    skipped: int = 0         # revisions already present
    attachments_added: int = 0
    replay: bool = False     # the very same bundle was merged before

    def to_json(self) -> dict:
        return asdict(self)

    def summary(self) -> Message:
        """One line: what the import did (English as ``str``, any language with ``localize``)."""
        if self.replay:
            return Message("cli_import_replay")
        return Message("cli_import_summary", new=self.new, updated=self.updated, conflicts=self.conflicts,
                       sealed=self.sealed_refused, skipped=self.skipped, attachments=self.attachments_added)


# --- export -------------------------------------------------------------------------------------

def _selected_seqs(vault: "Vault", conn, *, since: int = 0, cases: list[str] | None = None) -> Sequence[int]:
    """The revisions to export, vocabulary terms first (records may use a term added in the same
    batch), then in local arrival order, so parents always come before their children. A whole
    vault's list is a packed array: 8 bytes a revision, not a Python object each."""
    if not cases:
        return sync_log.revisions_since(conn, since)
    for case_id in cases:
        if vault.info(case_id).type != "case":
            raise MonitorError(Message("bundle_export_not_a_case", id=one_line(case_id, 40)))
    records = set(cases)
    frontier = set(cases)
    for _depth in range(3):  # what names the cases, and what names those (interviews, their addenda, photos)
        frontier = sync_log.records_naming(conn, frontier) - records
        records |= frontier
    pending = set(records)
    while pending:  # everything the chosen records name (people, facilities, consent, photos), transitively
        pending = sync_log.records_named_by(conn, pending) - records
        records |= pending
    records |= sync_log.term_ids(conn)
    seqs = sync_log.revisions_of(conn, records)
    terms = sync_log.term_revisions(conn)
    return sorted(seqs, key=lambda seq: (seq not in terms, seq))


def _without_withheld(vault: "Vault", conn, seqs: Sequence[int], hidden: set[str]) -> Sequence[int]:
    """``seqs`` less the revisions of recordings and photographs whose person's consent is not in
    force (``audio``; ``photographs``, and ``intimate_photographs`` for an intimate photo: withdrawn,
    say): a bundle carries neither their records nor their bytes, as a report shows none
    (:func:`monitor.core.store.consent.withheld_exhibits`, the one rule)."""
    if not hidden:
        return seqs
    drop = set(sync_log.revisions_of(conn, hidden))
    return array("q", (seq for seq in seqs if seq not in drop))


def _revision_lines(conn, seqs: Sequence[int]) -> Iterator[bytes]:
    for revision in sync_log.revisions(conn, seqs):
        yield canonical_json(revision.to_json()) + b"\n"


def _measure(chunks: Iterator[bytes]) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _audit_lines(vault: "Vault") -> Iterator[bytes]:
    with vault.reading() as conn:
        for seq, digest, prev in sync_log.audit_chain(conn):
            yield canonical_json({"seq": seq, "hash": digest, "prev_hash": prev}) + b"\n"


def last_export(vault: "Vault", recipient: str) -> int:
    """The last revision seq exported to ``recipient`` (a signing key or 'passphrase'); 0: never."""
    with vault.reading() as conn:
        return sync_log.last_export(conn, recipient)


def export_bundle(vault: "Vault", destination: Path | str, *, to: list[str] = (), passphrase: str | None = None,
                  since_last: bool = False, cases: list[str] | None = None, progress: Progress | None = None,
                  cancel=None) -> ExportReport:
    """Write a bundle of this vault's revisions for ``to`` (contacts or age recipients) or a passphrase."""
    recipients, keys = [], []
    for who in to:
        if who.startswith("age1"):
            recipients.append(who)
            keys.append(who)
        else:
            contact = contacts.find_in(vault, who)
            recipients.append(contact.age_recipient)
            keys.append(contact.signing_key)
    if passphrase is not None:
        keys.append("passphrase")
    if since_last and cases:
        raise MonitorError(Message("bundle_export_since_last_or_case"))
    since = min((last_export(vault, k) for k in keys), default=0) if since_last else 0
    with vault.hold():  # no local write between measuring and writing, nor before the log below
        with vault.snapshot() as conn:
            hidden = consent.withheld_exhibits(vault)
            seqs = _without_withheld(vault, conn, _selected_seqs(vault, conn, since=since, cases=cases), hidden)
            upto = sync_log.last_revision(conn)
            blobs = sync_log.attachment_sizes(conn, seqs)
            rev_size, rev_sha = _measure(_revision_lines(conn, seqs))
            audit_size, audit_sha = _measure(_audit_lines(vault))
            members = [bundle.Member(f"attachments/{sha}", size, sha, (lambda sha=sha: attachments.read(conn, sha)),
                                     verify=False) for sha, size in sorted(blobs.items())]
            members.append(bundle.Member("audit.jsonl", audit_size, audit_sha, lambda: _audit_lines(vault)))
            members.append(bundle.Member("revisions.jsonl", rev_size, rev_sha, lambda: _revision_lines(conn, seqs)))
            head = sync_log.audit_head(conn)
            identity = vault.identity
            devices = dict(sync_log.device_keys(conn))
            devices.setdefault(vault.device_id, identity.signing_public.hex())
            manifest = {
                "created_at": utc_now(),
                "exporter": {"vault_id": vault.vault_id, "device_id": vault.device_id, "profile": vault.profile,
                             "signing_key": identity.signing_public.hex(), "age_recipient": identity.age_recipient},
                "scope": {"kind": "cases" if cases else ("since-last" if since_last else "all"),
                          "cases": sorted(cases or []), "since_revision_seq": since},
                "audit_head": {"seq": head[0], "hash": head[1]},
                "counts": {"revisions": len(seqs), "attachments": len(blobs)},
                # every device whose revisions this vault accepts, with its key: a receiver checks
                # each revision's signature against the key of the device it names (also relayed ones)
                "devices": [{"device": device, "signing_key": key} for device, key in sorted(devices.items())],
                # every revocation this vault knows, each signed by the coordinator who issued it
                "revocations": sync_log.revocations(conn),
                # attachments left out for want of consent: a record here may still name one
                "withheld": sorted(hidden),
            }
            digest = bundle.write(destination, identity, manifest, members, recipients=recipients,
                                  passphrase=passphrase, progress=progress, cancel=cancel)
        size = Path(destination).stat().st_size
        with vault.writing() as conn:
            sync_log.log_export(conn, keys, upto, digest)
            vault.audit("bundle-exported", detail=f"sha256={digest} revisions={len(seqs)} attachments={len(blobs)} "
                                                   f"to={len(keys)} recipient(s)")
    return ExportReport(str(destination), digest, len(seqs), len(blobs), size)


# --- import -------------------------------------------------------------------------------------

def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_signer(vault: "Vault", conn, manifest: bundle.Manifest, trust: list[str]) -> None:
    key_hex = manifest.signing_key.hex()
    if key_hex == vault.identity.signing_public.hex() or contacts.trusted_key(conn, key_hex):
        return
    wanted = {normalise_fingerprint(t) for t in trust}
    if manifest.fingerprint in wanted:
        exporter = manifest.data["exporter"]
        contacts.add(conn, contacts.Contact(one_line(str(exporter.get("profile", "unnamed")), 200), "monitor",
                                                  str(exporter.get("age_recipient", "")), key_hex))
        return
    raise UnknownSigner(
        Message("bundle_unknown_signer", fingerprint=manifest.fingerprint,
                profile=one_line(str(manifest.data["exporter"].get("profile", "?")), 30), again=manifest.fingerprint),
        manifest.fingerprint)


MAX_DEVICES = 10_000


def _check_exporter(vault: Vault, conn, manifest: bundle.Manifest) -> None:
    """A bundle from a version with signed revisions, whose exporter is not this vault (its vault
    id, one of its device ids or its key): a bundle never comes from the receiver. The profile is a
    person's display name, which two people may share, so it proves nothing and is not compared."""
    version = manifest.data.get("version")
    if not isinstance(version, int) or version < bundle.VERSION:
        raise BundleError(Message("bundle_too_old", version=repr(version), ours=bundle.VERSION))
    exporter = manifest.data["exporter"]
    own_key = vault.identity.signing_public.hex()
    own_devices = set(sync_log.devices_of_key(conn, own_key)) | {vault.device_id}
    claims = (("vault_id", exporter.get("vault_id") == vault.vault_id),
              ("device_id", exporter.get("device_id") in own_devices),
              ("signing_key", manifest.signing_key.hex() == own_key))
    for name, same in claims:
        if same:
            raise BundleTampered(Message("bundle_exporter_is_receiver", field=name))


def _learn_devices(vault: Vault, conn, manifest: bundle.Manifest) -> None:
    """Know the key of every device the manifest lists (signed by the exporter), each recorded as
    introduced by the exporter's fingerprint; the exporter's own device is bound to its key."""
    exporter = manifest.data["exporter"]
    listed = manifest.data.get("devices", [])
    if not isinstance(listed, list) or len(listed) > MAX_DEVICES:
        raise BundleDamaged(Message("bundle_devices_unreadable"))
    pairs = [(exporter.get("device_id"), manifest.signing_key.hex())]
    for entry in listed:
        if not isinstance(entry, dict):
            raise BundleDamaged(Message("bundle_devices_unreadable"))
        pairs.append((entry.get("device"), entry.get("signing_key")))
    own_key = vault.identity.signing_public.hex()
    for device, key in pairs:
        if not isinstance(device, str) or not gate._UUID.fullmatch(device) or not isinstance(key, str) \
                or len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
            raise BundleDamaged(Message("bundle_devices_unreadable"))
        if key == own_key:
            continue  # one of this vault's own devices (also from before a copy), relayed back: never learned
        known = sync_log.device_key(conn, device)
        if device == vault.device_id or (known is not None and known[1] == "self"):
            raise BundleTampered(Message("bundle_device_is_receiver", device=device))
        contacts.learn_device(conn, device, key, manifest.fingerprint)


def _signature_of(data: dict) -> str:
    """The signature a revision's line carries ("" if none or not one; the gate refuses it then)."""
    signature = data.get("signature", "")
    if not isinstance(signature, str) or not SIGNATURE.fullmatch(signature):
        signature = ""
    return signature


def _check_audit(conn, device: str, member: bundle.OpenedMember, head: dict) -> int:
    """Check the exporter's audit chain links up and agrees with every entry seen before from it."""
    prev, count, last = audit.GENESIS, 0, None
    for line in bundle.iter_lines(member):
        try:
            if bundle.nesting(line, 1) is None:  # one flat object a line; nothing deeper is parsed
                raise ValueError("nested")
            entry = json.loads(line)
            seq, digest, prev_hash = int(entry["seq"]), str(entry["hash"]), str(entry["prev_hash"])
        except (ValueError, KeyError, TypeError, RecursionError):
            raise BundleDamaged(Message("bundle_audit_unreadable")) from None
        if prev_hash != prev or seq != count + 1:
            raise BundleTampered(Message("bundle_audit_chain_broken", seq=seq))
        known = sync_log.peer_audit_entry(conn, device, seq)
        if known is not None and known != digest:
            raise HistoryContradiction(
                Message("bundle_history_contradiction", device=fingerprint(bytes.fromhex(device))[:19], seq=seq))
        sync_log.remember_peer_audit(conn, device, seq, digest)
        prev, count, last = digest, count + 1, (seq, digest)
    if last is None or last != (head.get("seq"), head.get("hash")):
        raise BundleTampered(Message("bundle_audit_head"))
    return sync_log.peer_audit_head(conn, device)


def _withheld_ids(manifest: bundle.Manifest) -> frozenset[str]:
    """The attachments the exporter left out for want of consent (ids only), as its signed manifest
    lists them; a bundle from before the list has none."""
    listed = manifest.data.get("withheld", [])
    if not isinstance(listed, list) or not all(isinstance(x, str) and gate._UUID.fullmatch(x) for x in listed):
        raise BundleDamaged(Message("bundle_withheld_list"))
    return frozenset(listed)


def import_bundle(vault: "Vault", path: Path | str, *, trust: list[str] = (), passphrase: str | None = None,
                  progress: Progress | None = None, cancel=None) -> MergeReport:
    """Merge one bundle into the vault, all or nothing; see the module docs."""
    path = Path(path)
    bundle.check_header(path)
    digest = _file_sha256(path)
    report = MergeReport(bundle_sha256=digest)
    with vault.reading() as conn:
        if sync_log.imported_before(conn, digest):
            report.replay = True
            return report

    def consume(manifest: bundle.Manifest, members: Iterator[bundle.OpenedMember]) -> None:
        _check_signer(vault, conn, manifest, list(trust))
        _check_exporter(vault, conn, manifest)
        contacts.accept_revocations(conn, manifest.data.get("revocations", []), vault.identity.signing_public.hex())
        since = sync_log.revoked_from(conn, manifest.signing_key.hex())
        if since is not None:  # a revoked laptop's bundles are refused, whatever date they claim
            raise BundleTampered(Message("bundle_signer_revoked", fingerprint=manifest.fingerprint[:19], since=since))
        _learn_devices(vault, conn, manifest)
        report.signer = manifest.fingerprint
        device = str(manifest.data["exporter"].get("device_id", ""))
        declared = manifest.data.get("counts", {})
        revisions_seen = 0
        batch = gate.Batch()
        batch.deferred = []
        batch.withheld = _withheld_ids(manifest)
        total = sum(m["size"] for m in manifest.members)
        done = 0
        for member in members:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if member.name.startswith("attachments/"):
                blob = attachments.store(conn, member.stream, total=member.size, cancel=cancel)
                if blob.sha256 != member.name[12:]:
                    raise BundleTampered(Message("bundle_attachment_bytes", member=member.name))
                report.attachments_added += int(blob.new)
            elif member.name == "audit.jsonl":
                # followed by signing key: a copied vault keeps its keys but takes a new device id
                _check_audit(conn, manifest.signing_key.hex(), member, manifest.data.get("audit_head", {}))
            elif member.name == "revisions.jsonl":
                for line in bundle.iter_lines(member):
                    revisions_seen += 1
                    revision = _parse_revision(line, revisions_seen)
                    # _parse_revision compared its hash already (BundleTampered if not): once is enough
                    outcome = vault.merge_revision(revision, batch, hash_checked=True)
                    if outcome == "skipped":
                        report.skipped += 1
                    if revisions_seen % 500 == 0:
                        if cancel is not None and cancel.is_set():
                            raise Cancelled()
                        if progress:
                            progress(done, total, "merging revisions")
            done += member.size
            if progress:
                progress(done, total, "merging")
        gate.settle_deferred(conn, batch)
        if revisions_seen != declared.get("revisions", revisions_seen):
            raise BundleTampered(Message("bundle_count_mismatch"))
        sync_log.log_import(conn, digest, device, manifest.signing_key.hex(), revisions_seen)

    with vault.writing(FOREVER) as conn:  # waits for long work as the import itself is long work
        before = sync_log.last_revision(conn)
        rejected_before = sync_log.refused_sealed_edits(conn)
        bundle.read(path, vault.identity, consume, passphrase=passphrase)
        # Counted from the vault, not from state kept per record while reading: memory stays
        # bounded however many records a bundle holds.
        report.new, report.updated, report.conflicts = sync_log.merged_since(conn, before)
        # edits of sealed records kept aside: whichever arrived first, the seal or the edit
        report.sealed_refused = sync_log.refused_sealed_edits(conn) - rejected_before
        vault.audit("bundle-imported", detail=f"sha256={digest} signer={report.signer.replace(' ', '')} "
                                               f"{report.summary()}")
        vault.forget_vocabularies()
    return report


def _parse_revision(line: bytes, n: int) -> Revision:
    where = f"revisions.jsonl line {n}"
    if bundle.nesting(line, schema.MAX_DEPTH) is None:  # before the (recursive) JSON parser sees it
        raise SchemaViolation(Message("bundle_line_too_deep", where=where, limit=schema.MAX_DEPTH))
    try:
        data = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise BundleDamaged(Message("bundle_line_not_utf8", where=where)) from None
    except (ValueError, RecursionError):
        raise BundleDamaged(Message("bundle_line_not_json", where=where)) from None
    schema.check_structure(data, where)
    try:
        revision = Revision(str(data["rev"]), str(data["record_id"]), str(data["record_type"]),
                            tuple(str(p) for p in data["parents"]), str(data["author"]), str(data["device"]),
                            str(data["created_at"]), bool(data["deleted"]), data["body"], str(data["hash"]),
                            _signature_of(data))
    except (KeyError, TypeError):
        raise SchemaViolation(Message("bundle_line_not_revision", where=where)) from None
    if revision.body is not None and not isinstance(revision.body, dict):
        raise SchemaViolation(Message("bundle_body_not_object", where=where))
    if revision.hash != revision.compute_hash():
        raise BundleTampered(Message("bundle_revision_hash", where=where, rev=revision.rev[:8]))
    return revision
