"""Trusted contacts: the devices whose signed bundles this vault accepts, and whom it encrypts to.

A contact file (``monitor contacts export``) is a few lines of text a person can read and paste::

    monitor-contact v1
    name: Айгүл (coordinator)
    role: coordinator
    age: age1…
    signing-key: <64 hex digits>
    fingerprint: ABCD 1234 … (8 groups of 4)
    device: <the device id its revisions name>   (since issue 17; optional when reading)

The fingerprint is derived from the signing key; a contact whose written fingerprint does not match
its key is refused. Before adding a contact, compare the fingerprint with its owner by another
channel (read it aloud in person or on a call).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyrage

from ..db import Connection
from ..store import sync_log
from ..store.vault import FOREVER
from ..errors import BundleDamaged, BundleTampered, MonitorError
from ..history.revisions import SIGNATURE, TIMESTAMP, utc_now
from ..messages import Message
from ..keys.identity import DeviceIdentity, fingerprint, normalise_fingerprint
from ..text import canonical_json, one_line

HEADER = "monitor-contact v1"
ROLES = ("monitor", "coordinator")

if TYPE_CHECKING:
    from ..store.vault import Vault


@dataclass(frozen=True)
class Contact:
    name: str
    role: str
    age_recipient: str
    signing_key: str  # hex
    device: str = ""  # the device id its revisions name ("" in contact files from before issue 17)

    @property
    def fingerprint(self) -> str:
        return fingerprint(bytes.fromhex(self.signing_key))

    def to_text(self) -> str:
        device = f"device: {self.device}\n" if self.device else ""
        return (f"{HEADER}\nname: {self.name}\nrole: {self.role}\nage: {self.age_recipient}\n"
                f"signing-key: {self.signing_key}\nfingerprint: {self.fingerprint}\n{device}")


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def own(identity: DeviceIdentity, name: str, role: str = "monitor", device: str = "") -> Contact:
    return Contact(name, role, identity.age_recipient, identity.signing_public.hex(), device)


def parse(text: str) -> Contact:
    """Read a contact file or pasted text; raise :class:`MonitorError` naming what is wrong."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines or lines[0] != HEADER:
        raise MonitorError(Message("contact_not_a_contact", header=HEADER))
    fields = {}
    for line in lines[1:]:
        key, sep, value = line.partition(":")
        if not sep:
            raise MonitorError(Message("contact_unreadable_line", line=one_line(line, 40)))
        fields[key.strip().lower()] = value.strip()
    missing = [k for k in ("name", "role", "age", "signing-key", "fingerprint") if not fields.get(k)]
    if missing:
        raise MonitorError(Message("contact_missing", fields=", ".join(missing)))
    role = fields["role"]
    if role not in ROLES:
        raise MonitorError(Message("contact_role", choices=" or ".join(ROLES), role=one_line(role, 20)))
    try:
        pyrage.x25519.Recipient.from_str(fields["age"])
    except Exception:  # noqa: BLE001 - pyrage's RecipientError
        raise MonitorError(Message("contact_not_age")) from None
    key = fields["signing-key"].lower()
    if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
        raise MonitorError(Message("contact_signing_key"))
    device = fields.get("device", "").lower()
    if device and not _UUID.fullmatch(device):
        raise MonitorError(Message("contact_device", device=one_line(device, 40)))
    contact = Contact(one_line(fields["name"], 200), role, fields["age"], key, device)
    if normalise_fingerprint(fields["fingerprint"]) != contact.fingerprint:
        raise MonitorError(Message("contact_fingerprint_mismatch"))
    return contact


def trust(vault: "Vault", contact: Contact) -> None:
    """Trust a contact in the open vault, a write of its own (waiting for long work to end)."""
    with vault.writing(FOREVER) as conn:
        add(conn, contact)


def own_role(vault: Vault) -> str:
    """The role this vault gives itself in its contact file and manifests ('monitor' until set)."""
    with vault.reading() as conn:
        role = sync_log.setting(conn, "own_role")
    return role if role in ROLES else "monitor"


def set_own_role(vault: Vault, role: str) -> None:
    if role not in ROLES:
        raise MonitorError(Message("contact_role", choices=" or ".join(ROLES), role=one_line(str(role), 20)))
    with vault.writing() as conn:
        sync_log.set_setting(conn, "own_role", role)


def known(vault: "Vault") -> list[Contact]:
    """The open vault's contacts, by name."""
    with vault.reading() as conn:
        return listing(conn)


def find_in(vault: "Vault", who: str) -> Contact:
    """A contact of the open vault by name, fingerprint (any spacing) or age recipient."""
    with vault.reading() as conn:
        return find(conn, who)


def add(conn: Connection, contact: Contact) -> None:
    """Trust a contact (inside the caller's transaction); adding it again updates name and role."""
    sync_log.trust_contact(conn, contact.signing_key, contact.fingerprint, contact.name, contact.role,
                           contact.age_recipient)
    if contact.device:
        learn_device(conn, contact.device, contact.signing_key, "contact")


def listing(conn: Connection) -> list[Contact]:
    return [Contact(*row) for row in sync_log.contact_rows(conn)]


def find(conn: Connection, who: str) -> Contact:
    """A contact by name, fingerprint (any spacing) or age recipient."""
    wanted = normalise_fingerprint(who)
    for contact in listing(conn):
        if who in (contact.name, contact.age_recipient) or (len(wanted) >= 19 and contact.fingerprint.startswith(wanted)):
            return contact
    raise MonitorError(Message("contact_not_found", who=one_line(who, 40)))


def trusted_key(conn: Connection, signing_key_hex: str) -> bool:
    return sync_log.is_trusted(conn, signing_key_hex)


# --- device keys and authors (docs/bundle-format.md, "Signed revisions") -----------------------------

def learn_device(conn: Connection, device: str, signing_key_hex: str, introduced_by: str) -> None:
    """Know ``device``'s signing key from now on (inside the caller's transaction). A device already
    known with another key is refused: a device never changes its key, and a second key for it
    could sign revisions in its name."""
    known = sync_log.device_key(conn, device)
    if known is None:
        sync_log.learn_device(conn, device, signing_key_hex, introduced_by)
    elif known[0] != signing_key_hex:
        raise BundleTampered(Message("bundle_device_other_key", device=device,
                                     fingerprint=fingerprint(bytes.fromhex(signing_key_hex))[:19]))


Author = sync_log.Author


def authors(vault: Vault, revisions) -> list[Author]:
    """Who made each of ``revisions`` (anything with ``rev``, ``author`` and ``device``), as people:
    :func:`monitor.core.store.sync_log.author_of`, the one lookup the history view, the conflict
    review and the reports share."""
    own_key = vault.identity.signing_public.hex()
    with vault.reading() as conn:
        return [sync_log.author_of(conn, revision, own_key, vault.profile) for revision in revisions]


# --- revocation (issue 17 §3) ---------------------------------------------------------------------------
# A lost or seized laptop is revoked by a coordinator: a record {key, from, reason, by, at} signed
# by the coordinator's key over REVOCATION_CONTEXT + its canonical JSON, carried in every bundle's
# manifest. From ``from`` on, revisions signed by that key are refused (gate), and so is every
# bundle it signs; revisions that arrived before stay, shown as from a revoked device.

REVOCATION_CONTEXT = b"monitor-revocation-v1\0"
MAX_REVOCATIONS = 10_000
_HEX64 = re.compile(r"[0-9a-f]{64}")


def _revocation_bytes(record: dict) -> bytes:
    return REVOCATION_CONTEXT + canonical_json({k: record[k] for k in ("key", "from", "reason", "by", "at")})


def revoke(vault: Vault, who: str, *, revoked_from: str | None = None, reason: str = "") -> dict:
    """Revoke a trusted contact's device key from ``revoked_from`` (a UTC timestamp; default now):
    only a coordinator's vault may. Returns the signed record, which every later bundle carries."""
    if own_role(vault) != "coordinator":
        raise MonitorError(Message("revoke_not_coordinator"))
    now = utc_now()
    revoked_from = revoked_from or now
    if not TIMESTAMP.fullmatch(revoked_from):
        raise MonitorError(Message("gate_not_utc", value=one_line(revoked_from, 40)))
    identity = vault.identity
    with vault.writing(FOREVER) as conn:
        contact = find(conn, who)
        if contact.signing_key == identity.signing_public.hex():
            raise MonitorError(Message("revoke_own_key"))
        record = {"key": contact.signing_key, "from": revoked_from, "reason": one_line(reason, 200),
                  "by": identity.signing_public.hex(), "at": now}
        record["signature"] = identity.sign(_revocation_bytes(record)).hex()
        sync_log.store_revocation(conn, record)
        vault.audit("device-revoked", detail=f"signing key {contact.fingerprint.replace(' ', '')} from {revoked_from}")
    return record


def revoked(vault: Vault) -> dict[str, str]:
    """The open vault's revoked keys: signing key (hex) → since when."""
    with vault.reading() as conn:
        return {record["key"]: record["from"] for record in sync_log.revocations(conn)}


def accept_revocations(conn: Connection, records, own_key_hex: str) -> int:
    """Check and keep the revocations a bundle's manifest carries (inside the import's transaction).
    Each must be well formed and signed by its issuer; one whose issuer is neither this vault nor a
    trusted coordinator is not acted on. Returns how many were new or earlier than known."""
    if not isinstance(records, list) or len(records) > MAX_REVOCATIONS:
        raise BundleDamaged(Message("bundle_revocation_unreadable"))
    changed = 0
    for record in records:
        if not isinstance(record, dict) or set(record) != {"key", "from", "reason", "by", "at", "signature"} \
                or not all(isinstance(v, str) for v in record.values()) \
                or not _HEX64.fullmatch(record["key"]) or not _HEX64.fullmatch(record["by"]) \
                or not TIMESTAMP.fullmatch(record["from"]) or not TIMESTAMP.fullmatch(record["at"]) \
                or not SIGNATURE.fullmatch(record["signature"]) or len(record["reason"]) > 200:
            raise BundleDamaged(Message("bundle_revocation_unreadable"))
        if not DeviceIdentity.verify(bytes.fromhex(record["by"]), bytes.fromhex(record["signature"]),
                                     _revocation_bytes(record)):
            raise BundleTampered(Message("bundle_revocation_forged"))
        issuer = sync_log.contact_by_key(conn, record["by"])
        if record["by"] != own_key_hex and (issuer is None or issuer[1] != "coordinator"):
            continue  # not a coordinator this vault trusts: no power to revoke here
        changed += sync_log.store_revocation(conn, record)
    return changed
