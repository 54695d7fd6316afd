"""Passphrase rules: normalisation and a strength check before a vault is created.

The strength check uses zxcvbn's estimate, plus a length floor. It rejects a trivially weak
passphrase with the reason and suggests a multi-word passphrase instead.
"""

from __future__ import annotations

import unicodedata

from .errors import WeakPassphrase

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline attacks"
ADVICE = "use four or more unrelated words, e.g. 'copper lantern steppe violin'"


def normalise(passphrase: str) -> str:
    """NFC, so the same passphrase typed on different keyboards opens the same vault."""
    if "\x00" in passphrase:
        raise WeakPassphrase("the passphrase contains a NUL character")
    return unicodedata.normalize("NFC", passphrase)


def weakness(passphrase: str) -> str | None:
    """Why ``passphrase`` is too weak to protect a vault, or None if it is acceptable."""
    text = normalise(passphrase)
    if not text.strip():
        return "the passphrase is empty"
    if len(text) < MIN_LENGTH:
        return f"the passphrase is too short ({len(text)} characters, at least {MIN_LENGTH})"
    if len(set(text.casefold())) < 5:
        return "the passphrase repeats too few different characters"
    from zxcvbn import zxcvbn

    result = zxcvbn(text[:100])  # zxcvbn is slow on very long input; 100 characters decide
    if result["score"] < MIN_SCORE:
        warning = (result.get("feedback") or {}).get("warning") or "it is easy to guess"
        return f"the passphrase is too weak ({warning.rstrip('.').lower()})"
    return None


def check_strength(passphrase: str) -> str:
    """Return the normalised passphrase, or raise :class:`WeakPassphrase` with advice."""
    reason = weakness(passphrase)
    if reason:
        raise WeakPassphrase(f"{reason}; {ADVICE}")
    return normalise(passphrase)
