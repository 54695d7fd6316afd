"""Typed errors raised by the core.

Every error a user can cause is a :class:`MonitorError`. Its message is one line that says what
went wrong and, where it helps, what to do. The CLI prints it as is; the GUI translates it.
"""


class MonitorError(Exception):
    """Base class for errors a user can cause or act on."""

    exit_code = 1

    def __str__(self) -> str:  # one line, always
        text = super().__str__()
        return " ".join(text.split()) if text else self.__class__.__name__


class WrongPassphrase(MonitorError):
    def __init__(self, message: str = "wrong passphrase, or not a Monitor vault"):
        super().__init__(message)


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

    def __init__(self, message: str = "cancelled; nothing was written"):
        super().__init__(message)


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
