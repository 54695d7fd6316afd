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
