"""A vault's device identity: an age X25519 key to receive bundles, an Ed25519 key to sign them.

Both private halves live only inside the vault (the ``meta`` table). ``monitor info`` shows the
public halves: the age recipient (``age1…``) and a short fingerprint of the signing key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

_RAW = dict(encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw)


FINGERPRINT_HEX = 32  # 128 bits: read aloud in 8 groups of 4; 64 bits was too short for a key that signs evidence


def fingerprint(public_key: bytes) -> str:
    """Readable fingerprint of an Ed25519 public key: 32 hex digits (128 bits) in groups of four."""
    digest = hashlib.sha256(b"monitor-signing-key\x00" + public_key).hexdigest()[:FINGERPRINT_HEX].upper()
    return " ".join(digest[i : i + 4] for i in range(0, FINGERPRINT_HEX, 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed or pasted (any case, spaces or dashes) in the canonical grouped form."""
    digits = "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


@dataclass(frozen=True)
class DeviceIdentity:
    age_identity: str  # AGE-SECRET-KEY-1…
    signing_key: bytes  # raw Ed25519 private key (32 bytes)

    @classmethod
    def generate(cls) -> "DeviceIdentity":
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        return cls(str(pyrage.x25519.Identity.generate()), raw)

    @property
    def age_recipient(self) -> str:
        return str(pyrage.x25519.Identity.from_str(self.age_identity).to_public())

    @property
    def signing_public(self) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.signing_key).public_key().public_bytes(**_RAW)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public)

    def sign(self, data: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.signing_key).sign(data)

    @staticmethod
    def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
            return True
        except InvalidSignature:
            return False
