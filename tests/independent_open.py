"""Open a Monitor vault from docs/vault.md alone: passphrase + key file + vault file -> records.

Written from the format description, without importing Monitor, to prove the description is
complete. Needs only `cryptography` (Argon2id, AES-GCM) and `sqlcipher3`, and `pyrage` (age) to
open through the recovery slot (kind 2) with the coordinator's age identity instead:

    python tests/independent_open.py VAULT PASSPHRASE_FILE
    python tests/independent_open.py VAULT --identity AGE_IDENTITY_FILE

prints every current record as one JSON line: {"id": …, "type": …, "body": …}.
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
import unicodedata

import sqlcipher3
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id


def data_key(keyfile: bytes, passphrase: str) -> bytes:
    if len(keyfile) != 4096 or keyfile[:15] != b"MonitorKeySlot\x00" or keyfile[15] != 1:
        raise SystemExit("not a version-1 Monitor key file")
    header = keyfile[:512]
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    for i in range(7):
        slot = keyfile[512 * (i + 1):512 * (i + 2)]
        if hashlib.sha256(bytes([i]) + slot[:480]).digest() != slot[480:]:
            raise SystemExit(f"slot {i} is damaged")
        if slot[0] != 1:
            continue
        t, m, p = struct.unpack(">III", slot[4:16])
        kek = Argon2id(salt=slot[16:48], length=32, iterations=t, lanes=p, memory_cost=m).derive(secret)
        try:
            return AESGCM(kek).decrypt(slot[48:60], slot[60:108], header[:32] + bytes([i]) + slot[:60])
        except InvalidTag:
            continue
    raise SystemExit("wrong passphrase")


def recovery_key(keyfile: bytes, identity_file: str) -> bytes:
    """docs/vault.md, "Recovery slot (kind 2)": the data key age-encrypted to the identity's recipient."""
    import pyrage

    with open(identity_file, encoding="utf-8") as handle:
        lines = [line.strip() for line in handle]
    identity = pyrage.x25519.Identity.from_str(next(x for x in lines if x and not x.startswith("#")))
    wanted = hashlib.sha256(str(identity.to_public()).encode("ascii")).digest()
    header = keyfile[:512]
    for i in range(7):
        slot = keyfile[512 * (i + 1):512 * (i + 2)]
        if hashlib.sha256(bytes([i]) + slot[:480]).digest() != slot[480:]:
            raise SystemExit(f"slot {i} is damaged")
        if slot[0] != 2 or slot[4:36] != wanted:
            continue
        length = struct.unpack(">H", slot[36:38])[0]
        plain = pyrage.decrypt(slot[38:38 + length], [identity])
        if len(plain) != 64 or plain[32:] != hashlib.sha256(header[:32] + bytes([i]) + slot[:36]).digest():
            raise SystemExit(f"recovery slot {i} is not bound to this key file")
        return plain[:32]
    raise SystemExit("no recovery slot for this identity")


def main(vault: str, passphrase_file: str, identity_file: str | None = None) -> None:
    with open(vault + ".keyslot", "rb") as handle:
        keyfile = handle.read()
    if len(keyfile) != 4096 or keyfile[:15] != b"MonitorKeySlot\x00" or keyfile[15] != 1:
        raise SystemExit("not a version-1 Monitor key file")
    if identity_file is not None:
        key = recovery_key(keyfile, identity_file)
    else:
        passphrase = open(passphrase_file, encoding="utf-8").read().rstrip("\n")
        key = data_key(keyfile, passphrase)
    with open(vault, "rb") as handle:
        if handle.read(16) != keyfile[16:32]:
            raise SystemExit("the vault file does not belong to this key file")
    conn = sqlcipher3.connect(vault)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    rows = conn.execute("SELECT r.id, r.type, v.body FROM records r JOIN revisions v ON v.rev = r.head "
                        "WHERE r.deleted = 0 ORDER BY r.id")
    for record_id, record_type, body in rows:
        print(json.dumps({"id": record_id, "type": record_type, "body": json.loads(body)}, ensure_ascii=False))
    conn.close()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2] == "--identity":
        main(sys.argv[1], "", sys.argv[3])
    else:
        main(sys.argv[1], sys.argv[2])
