"""The person who works on this vault: their name, role and organisation (issue 19 §3).

Kept in the vault's meta table, never in settings.json: the name is the vault's ``profile``, the
author every new revision, audit entry, seal and attachment names ("monitor" until set), and the
default interviewer and examiner of new records; the role (free text, «дәрігер», «заңгер») and the
organisation go beside it as ``me_role`` and ``me_organisation``. The contact file others trust
carries all three (:func:`monitor.core.sync.contacts.own`), so they read the person's name, not
"monitor", on this vault's work.

Changing the name changes no revision already written: its signed ``author`` stays what it was;
the history shows this vault's own revisions under the current name (``sync_log.author_of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import MonitorError
from ..messages import Message
from ..text import one_line

if TYPE_CHECKING:
    from .vault import Vault

# the longest name, role and organisation, in characters: all three signed fit the 200 characters
# a contact file's name keeps
LIMITS = {"name": 60, "role": 40, "organisation": 80}
DEFAULT_NAME = "monitor"


@dataclass(frozen=True)
class Me:
    name: str
    role: str = ""
    organisation: str = ""

    def about(self) -> str:
        """"дәрігер, «Ар-Намыс»": the role and the organisation, those that are set."""
        return ", ".join(x for x in (self.role, self.organisation) if x)

    def signature(self) -> str:
        """"Айгүл Серікова (дәрігер, «Ар-Намыс»)": how the person signs a contact file."""
        about = self.about()
        return f"{self.name} ({about})" if about else self.name


def read(vault: Vault) -> Me:
    """The open vault's person."""
    with vault.reading() as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('profile', 'me_role', 'me_organisation')"))
    return Me(meta.get("profile") or DEFAULT_NAME, meta.get("me_role", ""), meta.get("me_organisation", ""))


def examiner(vault: Vault) -> dict:
    """A new examination's ``examiner``: the person's name, and their role and organisation as the
    qualifications when set."""
    me = read(vault)
    return {"name": me.name, **({"qualifications": me.about()} if me.about() else {})}


def _clean(value: str | None, field: str) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in str(value or ""))
    text = " ".join(text.split())
    if len(text) > LIMITS[field]:
        raise MonitorError(Message(f"me_{field}_too_long", limit=LIMITS[field], value=one_line(text, 30)))
    return text


def check(name: str, role: str = "", organisation: str = "") -> Me:
    """The person as :func:`write` would keep them, or the one-line error it would raise."""
    me = Me(_clean(name, "name"), _clean(role, "role"), _clean(organisation, "organisation"))
    if not me.name:
        raise MonitorError(Message("me_name_empty"))
    return me


def write(vault: Vault, name: str, role: str = "", organisation: str = "") -> Me:
    """Set the person's name, role and organisation, in one transaction with an audit entry.
    Text is made one line (control characters and runs of spaces become one space); an empty name
    or a value over its :data:`LIMITS` is refused and nothing changes."""
    me = check(name, role, organisation)
    if me == read(vault):
        return me
    before = vault.profile
    try:
        with vault.writing() as conn:
            for key, value in (("profile", me.name), ("me_role", me.role), ("me_organisation", me.organisation)):
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
            vault.profile = me.name  # the author of what follows, this entry's too
            vault.audit("identity-changed", detail=one_line(me.signature(), 300))
    except BaseException:
        vault.profile = before  # rolled back with the transaction
        raise
    return me
