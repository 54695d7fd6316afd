"""Typed errors raised by the core.

Every error a user can cause is a :class:`MonitorError`. Its message is one line that says what
went wrong and, where it helps, what to do. ``str(error)`` is English; both faces show it in the
user's language with :func:`monitor.core.messages.localize`, which reads the message id and
parameters the error carries (see :mod:`monitor.core.messages`).
"""

from __future__ import annotations


class MonitorError(Exception):
    """Base class for errors a user can cause or act on.

    Raise with a :class:`~monitor.core.messages.Message` (id and parameters), or with keyword
    parameters for the class's own ``message_id``, or (older code) with an English string.
    """

    exit_code = 1
    message_id: str | None = None

    def __init__(self, message: str | None = None, /, **params):
        if message is None and self.message_id is not None:
            from .messages import Message

            message = Message(self.message_id, **params)
        self.message = message
        super().__init__(*(() if message is None else (message,)))

    def __str__(self) -> str:  # one line, always
        text = super().__str__()
        return " ".join(text.split()) if text else self.__class__.__name__

    def localized(self, lang: str) -> str:
        from .messages import localize

        return localize(self, lang)


class WrongPassphrase(MonitorError):
    message_id = "wrong_passphrase"


class VaultDamaged(MonitorError):
    """The passphrase is right (the key file proved it) but the database file is damaged."""


class KeyFileMissing(MonitorError):
    """A vault whose key file is not beside it. Monitor never makes a new one for an old database."""

    def __init__(self, path):
        super().__init__(
            f"this vault's key file is missing: {path}; the vault and its key file travel together, "
            "so restore both from the same backup (without it nothing in the vault can be read)")


class KeyFileDamaged(MonitorError):
    pass


class NotAVault(MonitorError):
    """A path that is not a Monitor vault (wipe refuses it)."""


class WeakPassphrase(MonitorError):
    pass


class VaultNotFound(MonitorError):
    pass


class VaultExists(MonitorError):
    pass


class VaultLocked(MonitorError):
    """The vault is closed (locked); open it again with the passphrase."""


class VaultInUse(MonitorError):
    """Another Monitor process has this vault open."""

    message_id = "vault_in_use"


class VaultBusy(MonitorError):
    """Another thread of this program holds the vault for long work (see ``Vault.write_wait``)."""

    message_id = "vault_busy"


class VaultTooNew(MonitorError):
    pass


class SchemaViolation(MonitorError):
    """A record does not match its JSON Schema, a vocabulary or a reference rule."""


class InvalidText(SchemaViolation):
    """Text that is not valid Unicode (a lone surrogate such as \\ud800)."""


class RecordInConflict(MonitorError):
    """A record has concurrent versions from different devices; resolve them before editing."""


class LoadError(MonitorError):
    """A bulk-import file is malformed. Nothing was written."""


class RecordNotFound(MonitorError):
    pass


class SealedRecord(MonitorError):
    """A sealed interview or examination cannot be changed; add an addendum instead."""


class AttachmentMissing(MonitorError):
    pass


class Cancelled(MonitorError):
    exit_code = 130
    message_id = "cancelled"


class ConsentRequired(MonitorError):
    """An action needs consent the person has not given (or has withdrawn)."""


class BundleError(MonitorError):
    """A bundle could not be read or merged; the vault is unchanged."""


class NotABundle(BundleError):
    pass


class BundleWrongKey(BundleError):
    pass


class BundleDamaged(BundleError):
    """Truncated, corrupted or altered after encryption."""


class BundleSignatureInvalid(BundleError):
    pass


class UnknownSigner(BundleError):
    def __init__(self, message: str, fingerprint: str = ""):
        super().__init__(message)
        self.fingerprint = fingerprint


class BundleTampered(BundleError):
    """A member does not match the signed manifest."""


class BundleTooNew(BundleError):
    pass


class HistoryContradiction(BundleError):
    """A device's audit history contradicts what an earlier bundle from it showed (rewrite or rollback)."""
