"""Passphrase rules: normalisation and a strength check before a vault is created.

The strength check uses zxcvbn's estimate, plus a length floor. It rejects a trivially weak
passphrase with the reason and suggests a multi-word passphrase instead.
"""

from __future__ import annotations

import unicodedata

from ..errors import WeakPassphrase
from ..messages import Message

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline attacks"
ADVICE = "use four or more unrelated words, e.g. 'copper lantern steppe violin'"
# zxcvbn's English warnings, as catalogue ids (its feedback is English only).
_ZXCVBN = {
    "straight rows of keys are easy to guess": "zxcvbn_rows",
    "short keyboard patterns are easy to guess": "zxcvbn_keyboard",
    'repeats like "aaa" are easy to guess': "zxcvbn_repeats",
    'sequences like "abc" or "6543" are easy to guess': "zxcvbn_sequences",
    "recent years are easy to guess": "zxcvbn_recent_years",
    "dates are often easy to guess": "zxcvbn_dates",
    "this is a top-10 common password": "zxcvbn_top10",
    "this is a top-100 common password": "zxcvbn_top100",
    "this is a very common password": "zxcvbn_common",
    "this is similar to a commonly used password": "zxcvbn_similar",
    "a word by itself is easy to guess": "zxcvbn_word",
    "names and surnames by themselves are easy to guess": "zxcvbn_names",
    "common names and surnames are easy to guess": "zxcvbn_common_names",
}


def normalise(passphrase: str) -> str:
    """NFC, so the same passphrase typed on different keyboards opens the same vault."""
    if "\x00" in passphrase:
        raise WeakPassphrase(Message("passphrase_nul"))
    return unicodedata.normalize("NFC", passphrase)


def weakness(passphrase: str) -> Message | None:
    """Why ``passphrase`` is too weak to protect a vault, or None if it is acceptable.

    The reason is a catalogue :class:`Message` (English as a ``str``; ``.localize(lang)``).
    """
    text = normalise(passphrase)
    if not text.strip():
        return Message("passphrase_empty")
    if len(text) < MIN_LENGTH:
        return Message("passphrase_short", length=len(text), minimum=MIN_LENGTH)
    if len(set(text.casefold())) < 5:
        return Message("passphrase_few_characters")
    from zxcvbn import zxcvbn

    result = zxcvbn(text[:100])  # zxcvbn is slow on very long input; 100 characters decide
    if result["score"] < MIN_SCORE:
        warning = ((result.get("feedback") or {}).get("warning") or "").rstrip(".").lower()
        return Message("passphrase_weak", warning=Message(_ZXCVBN.get(warning, "zxcvbn_easy")))
    return None


def check_strength(passphrase: str) -> str:
    """Return the normalised passphrase, or raise :class:`WeakPassphrase` with advice."""
    reason = weakness(passphrase)
    if reason:
        raise WeakPassphrase(Message("passphrase_advice", reason=reason))
    return normalise(passphrase)
