"""Typed errors raised by the core: values with a stable code and named fields.

Every error a user can cause is a :class:`MonitorError`. Each class has a ``code``: a stable
snake_case string that is also the id of its text in the message catalogue
(``resources/messages/core.json``, see :mod:`monitor.core.messages`). An error carries named
``fields`` (the parameters of its message) and, where a more specific message says more, that
message's id. ``str(error)`` is one line of English (CLI logs and tests rely on it); both faces
show it in the user's language with :func:`monitor.core.messages.localize`, and decide what to do
by ``code`` (never by matching the English text).

A :class:`SchemaViolation` also carries ``problems``: ``(path, rule, fields)`` items saying which
field of which record broke which rule (``required``, ``too_long``, ``date_order``, …). Each rule
has a ``rule_<code>`` text in the catalogue, so the GUI can mark the field and say why in the
user's language.
"""

from __future__ import annotations

from typing import NamedTuple


class MonitorError(Exception):
    """Base class for errors a user can cause or act on.

    Raise with a :class:`~monitor.core.messages.Message` (id and parameters), or with keyword
    fields for the class's own message (``message_id``, else ``code``), or (older code) with an
    English string.
    """

    exit_code = 1
    code = "monitor_error"
    message_id: str | None = None

    def __init__(self, message: str | None = None, /, **fields):
        if message is None:
            from .messages import Message

            try:
                message = Message(self.message_id or self.code, **fields)
            except KeyError:  # raised without the fields its text needs: still one line
                message = self.__class__.__name__
        self.message = message
        self._fields = fields
        super().__init__(message)

    @property
    def fields(self) -> dict:
        """The error's named fields: its message's parameters, plus any given beside a text."""
        params = getattr(self.message, "params", None)
        return {**(params or {}), **self._fields}

    def __str__(self) -> str:  # one line, always
        text = super().__str__()
        return " ".join(text.split()) if text else self.__class__.__name__

    def localized(self, lang: str) -> str:
        from .messages import localize

        return localize(self, lang)


class Problem(NamedTuple):
    """One broken rule: the field path inside the record, the rule's code and its fields."""

    path: str
    rule: str
    fields: dict


class WrongPassphrase(MonitorError):
    code = message_id = "wrong_passphrase"


class VaultDamaged(MonitorError):
    """The passphrase is right (the key file proved it) but the database file is damaged."""
    code = "vault_damaged"


class KeyFileMissing(MonitorError):
    """A vault whose key file is not beside it. Monitor never makes a new one for an old database."""

    code = "key_file_missing"

    def __init__(self, path):
        super().__init__(path=str(path))


class KeyFileDamaged(MonitorError):
    code = "key_file_damaged"


class NotAVault(MonitorError):
    """A path that is not a Monitor vault (wipe refuses it)."""
    code = "not_a_vault"


class WeakPassphrase(MonitorError):
    code = "passphrase_weak"


class VaultNotFound(MonitorError):
    code = "vault_not_found"


class VaultExists(MonitorError):
    code = "vault_exists"


class VaultLocked(MonitorError):
    """The vault is closed (locked); open it again with the passphrase."""
    code = "vault_locked"


class VaultInUse(MonitorError):
    """Another Monitor process has this vault open."""

    code = message_id = "vault_in_use"


class VaultBusy(MonitorError):
    """Another thread of this program holds the vault for long work (see ``Vault.write_wait``)."""

    code = message_id = "vault_busy"


class VaultTooNew(MonitorError):
    code = "vault_too_new"


class SchemaViolation(MonitorError):
    """A record does not match its JSON Schema, a vocabulary or a reference rule.

    Raised by :func:`violation` where a rule is checked, it carries the record's label
    (``where``), its type (``record_type``, when known) and one :class:`Problem`: the field path
    inside the record, the rule's code and the rule's fields. Older raise sites pass an English
    line and have no ``problems``.
    """

    code = "schema_violation"

    def __init__(self, message: str | None = None, /, *, problems: tuple[Problem, ...] = (),
                 record_type: str | None = None, **fields):
        super().__init__(message, **fields)
        self.problems = tuple(problems)
        self.record_type = record_type

    def __reduce__(self):
        return (_rebuild_violation, (self.__class__, self.message, self.problems, self.record_type))


def _rebuild_violation(cls, message, problems, record_type):
    return cls(message, problems=problems, record_type=record_type)


def violation(where: str, path: str, rule: str, *, record_type: str | None = None, shown_path: str | None = None,
              cls: type | None = None, **fields) -> "SchemaViolation":
    """The error for one broken rule: ``{where}: {path}: {rule text}`` in English, structured inside.

    ``path`` is the field path inside the record ("" for the record as a whole); ``shown_path``
    is what the English line names when it differs (a schema path starts with the record type).
    ``rule`` is a code with a ``rule_<code>`` text in the catalogue, whose placeholders ``fields``
    fill.
    """
    from .messages import Joined, Message

    shown = path if shown_path is None else shown_path
    message = Joined(where, shown, Message(f"rule_{rule}", **fields))
    return (cls or SchemaViolation)(message, problems=(Problem(path, rule, dict(fields)),), record_type=record_type,
                                    where=where, path=path, rule=rule)


class InvalidText(SchemaViolation):
    """Text that is not valid Unicode (a lone surrogate such as \\ud800)."""
    code = "invalid_text"


class RecordInConflict(MonitorError):
    """A record has concurrent versions from different devices; resolve them before editing."""
    code = "record_in_conflict"


class LoadError(MonitorError):
    """A bulk-import file is malformed. Nothing was written."""
    code = "load_error"


class RecordNotFound(MonitorError):
    code = "record_not_found"


class SealedRecord(MonitorError):
    """A sealed interview or examination cannot be changed; add an addendum instead."""
    code = "sealed_record"


class AttachmentMissing(MonitorError):
    code = "attachment_missing"


class Cancelled(MonitorError):
    exit_code = 130
    code = message_id = "cancelled"


class ConsentRequired(MonitorError):
    """An action needs consent the person has not given (or has withdrawn)."""
    code = "consent_required"


class BundleError(MonitorError):
    """A bundle could not be read or merged; the vault is unchanged."""
    code = "bundle_error"


class NotABundle(BundleError):
    code = "bundle_not_a_bundle"


class BundleWrongKey(BundleError):
    code = "bundle_wrong_key"


class BundleDamaged(BundleError):
    """Truncated, corrupted or altered after encryption."""
    code = "bundle_damaged"


class BundleSignatureInvalid(BundleError):
    code = "bundle_signature_invalid"


class UnknownSigner(BundleError):
    code = "bundle_unknown_signer"

    def __init__(self, message: str, fingerprint: str = ""):
        super().__init__(message, fingerprint=fingerprint)
        self.fingerprint = fingerprint


class BundleTampered(BundleError):
    """A member does not match the signed manifest."""
    code = "bundle_tampered"


class RevisionNotAuthentic(MonitorError):
    """A revision whose signature does not bind it to the device it names (unsigned, an unknown
    device, a forged or borrowed signature, the receiving device's own name)."""
    code = "revision_not_authentic"


class BundleTooNew(BundleError):
    code = "bundle_too_new"


class HistoryContradiction(BundleError):
    """A device's audit history contradicts what an earlier bundle from it showed (rewrite or rollback)."""
    code = "bundle_history_contradiction"
