"""Redaction levels and consent, in the one place every report uses.

Levels:

* ``full`` — for the person's own lawyer: identities shown, but only what the person consented to
  share with a lawyer;
* ``pseudonymised`` — for partners: pseudonym codes (``P-2026-0042``) instead of identities, no
  identity field of any person, no staff names, known identity strings scrubbed from free text,
  only material consented for anonymised reports, no photograph without consent;
* ``aggregate`` — numbers only, for the public.

Audiences: who the report is for, and so which consent item lets a person's testimony,
examination and identity into it (:data:`AUDIENCE_ITEM`; docs/reports.md has the table):

* ``lawyer`` (level ``full``) — *share with a lawyer*;
* ``partners`` (level ``pseudonymised``) — *anonymised reports*;
* ``un`` (level ``full`` or ``pseudonymised``) — *share with the UN* (a communication to the UN
  Committee against Torture needs the person's authorisation);
* ``public`` (level ``aggregate``) — numbers only, no person.

**Identity rule** (the one place it is decided): a person is printed by name, with identity
fields, only at ``full`` level and only when their current consent gives the audience's item.
Anyone else appears by pseudonym code only — in tables, headings, captions, the chronology and
in free text, where their known identity strings are replaced by the code. The one exception is
people who appear only in an official capacity (alleged perpetrators, defendants, and the lawyer,
monitor, doctor or interpreter of the case: :data:`OFFICIAL_ROLES`): they are not asked for
consent. A person the report does not know to be official is treated as a protected one.

Consent is what ``monitor.core.store.consent.current`` says: the consent records (schema v4) and the
consent block of v3 interviews, folded in date order; the latest state of each item wins, so a
later withdrawal removes what it withdraws. An item never recorded counts as not
given. Whatever is left out is counted in the report's :class:`~.model.Withheld` (what, why),
never described.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..store import consent as _consent
from ..errors import MonitorError
from ..messages import Message
from .i18n import Tr
from .model import Withheld
from .sources import Reader, Source

LEVELS = ("full", "pseudonymised", "aggregate")
AUDIENCES = ("lawyer", "partners", "un", "public")
# the audience a level is for when none is named, and the levels each audience may have
DEFAULT_AUDIENCE = {"full": "lawyer", "pseudonymised": "partners", "aggregate": "public"}
AUDIENCE_LEVELS = {"lawyer": ("full",), "partners": ("pseudonymised",), "un": ("full", "pseudonymised"),
                   "public": ("aggregate",)}
# the consent item a person must have given for their statements and identity to reach the audience
AUDIENCE_ITEM = {"lawyer": "share_with_lawyer", "partners": "anonymised_reports", "un": "share_with_un",
                 "public": None}
# the reason printed in the withheld table when the audience's item is missing
AUDIENCE_REASON = {"lawyer": "r_no_lawyer", "partners": "r_no_anon", "un": "r_no_un", "public": "r_level"}
# why an exhibit is left out when its person's consent lacks an item (the items: store/consent.py)
_ITEM_REASON = {"photographs": "r_no_photo", "intimate_photographs": "r_no_intimate", "audio": "r_no_audio"}

# roles in which a person acts in an official capacity and is named without consent
OFFICIAL_ROLES = frozenset({"alleged_perpetrator", "defendant", "lawyer", "monitor", "medical_expert",
                            "interpreter"})

# identity fields that only full-level output shows (every key of person.identity is one)
IDENTITY_TEXT_FIELDS = ("name_cyrillic", "name_latin", "contact", "safe_contact", "nationality")


class ReportRefused(MonitorError):
    """The report cannot be made at this level or without consent; nothing was written."""

    code = "report_refused"


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise MonitorError(Message("report_unknown_level", level=str(level)))
    return level


def check_audience(audience: str | None, level: str) -> str:
    """The audience of a report at ``level`` (None: the level's own); one-line error if they do not fit."""
    check_level(level)
    if audience is None or audience == "":
        return DEFAULT_AUDIENCE[level]
    if audience not in AUDIENCES:
        raise MonitorError(Message("report_unknown_audience", audience=str(audience)))
    if level not in AUDIENCE_LEVELS[audience]:
        raise MonitorError(Message("report_audience_level", audience=audience, level=level,
                                   levels=", ".join(AUDIENCE_LEVELS[audience])))
    return audience


@dataclass(frozen=True)
class ConsentItem:
    given: bool
    date: str
    record_id: str | None
    withdrawn: bool = False


class ConsentBook:
    """The current consent of each person, latest state per item; and what was in force at an act."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self._cache: dict[str, dict[str, ConsentItem]] = {}
        self._history: dict[str, list[_consent.ConsentEvent]] = {}

    def history(self, person_id: str) -> list[_consent.ConsentEvent]:
        if person_id not in self._history:
            self.state(person_id)  # reads the records through the reader (the source digest)
            self._history[person_id] = _consent.history(self.reader.vault, person_id)
        return self._history[person_id]

    def at_act(self, person_id: str, act_date: str, act_id: str | None = None, consent_id: str | None = None
               ) -> tuple[dict[str, _consent.ConsentState], list[_consent.ConsentEvent]]:
        """(the consent in force at the act, the statements made after it)."""
        statements = self.history(person_id)
        return (_consent.in_force(statements, act_date, act_id, consent_id),
                _consent.later(statements, act_date, act_id, consent_id))

    def statement(self, person_id: str, record_id: str) -> _consent.ConsentEvent | None:
        return next((e for e in self.history(person_id) if e.record_id == record_id), None)

    def state(self, person_id: str) -> dict[str, ConsentItem]:
        if person_id not in self._cache:
            self._cache[person_id] = self._read(person_id)
        return self._cache[person_id]

    def _read(self, person_id: str) -> dict[str, ConsentItem]:
        # The records consulted go through the reader too, so they count in the source digest.
        for _ in self.reader.all("consent", person_id=person_id):
            pass
        for _ in self.reader.all("interview", person_id=person_id):
            pass
        return {item: ConsentItem(state.given, state.date, state.record_id, state.withdrawn)
                for item, state in _consent.current(self.reader.vault, person_id).items()}

    def allows(self, person_id: str | None, item: str) -> bool:
        if not person_id:
            return False
        entry = self.state(person_id).get(item)
        return bool(entry and entry.given)

    def withdrawn(self, person_id: str | None, item: str) -> bool:
        """True when the item was once given and is now refused (a withdrawal)."""
        if not person_id:
            return False
        entry = self.state(person_id).get(item)
        return bool(entry and entry.withdrawn)


class Redactor:
    """Applies one level and the consent book; counts what it withholds."""

    def __init__(self, reader: Reader, level: str, tr: Tr, withheld: Withheld, *, always_scrub: bool = False,
                 audience: str | None = None):
        """``always_scrub``: replace known identities in free text at every level (visit reports)."""
        self.always_scrub = always_scrub
        self.reader = reader
        self.level = check_level(level)
        self.audience = check_audience(audience, self.level)
        self.tr = tr
        self.withheld = withheld
        self.consent = ConsentBook(reader)
        self._persons: dict[str, Source] = {}
        self._official: set[str] = set()   # seen in an official role
        self._protected: set[str] = set()  # seen in any other role
        self._scrub: re.Pattern | None = None
        self._scrub_map: dict[str, str] = {}
        self._scrub_hidden: frozenset[str] = frozenset()
        self.missing: dict[str, list[str]] = {}  # person code -> audience items missing (printed by the report)

    @property
    def audience_item(self) -> str | None:
        """The consent item this report's audience needs (None: numbers only)."""
        return AUDIENCE_ITEM[self.audience]

    @property
    def full(self) -> bool:
        return self.level == "full"

    @property
    def aggregate(self) -> bool:
        return self.level == "aggregate"

    # --- persons ---------------------------------------------------------------------------------

    def register(self, person: Source) -> None:
        """A person whose identity must not leak into pseudonymised text."""
        if person.id not in self._persons:
            self._persons[person.id] = person
            self._scrub = None

    def person(self, person_id: str | None) -> Source | None:
        src = self.reader.maybe(person_id, "person")
        if src is not None:
            self.register(src)
        return src

    def claim(self, person_id: str | None, role: str) -> Source | None:
        """Register a person in a role (a ``role`` vocabulary key, or ``defendant``, ``interviewed``,
        ``examined``, ``complainant``, ``subject``): official roles are named without consent."""
        src = self.person(person_id)
        if src is not None:
            (self._official if role in OFFICIAL_ROLES else self._protected).add(src.id)
            self._scrub = None
        return src

    def identifiable(self, person_id: str | None) -> bool:
        """Whether this report may name the person (the identity rule in the module docstring)."""
        if not person_id or not self.full:
            return False
        if person_id in self._official and person_id not in self._protected:
            return True
        item = self.audience_item
        return bool(item) and self.consent.allows(person_id, item)

    def _missing(self, person_id: str | None, item: str) -> None:
        person = self.reader.maybe(person_id, "person") if person_id else None
        if person is not None:
            items = self.missing.setdefault(person.body.get("code", ""), [])
            if item not in items:
                items.append(item)

    def name(self, person: Source | None) -> str:
        """How a person is named at this level."""
        if person is None:
            return self.tr("unknown")
        code = person.body.get("code", "")
        if not self.identifiable(person.id):
            return code
        ident = person.body.get("identity") or {}
        name = ident.get("name_cyrillic") or ident.get("name_latin")
        if name and ident.get("name_latin") and ident.get("name_cyrillic"):
            name = f"{ident['name_cyrillic']} ({ident['name_latin']})"
        return f"{name}, {code}" if name else code

    def identity_rows(self, person: Source) -> list[tuple[str, str]]:
        """Identity fields (full level and consent only; otherwise counted as withheld)."""
        ident = person.body.get("identity") or {}
        if not self.full:
            if ident:
                self.withheld.add(self.tr("w_identity"), self.tr("r_level"), len(ident))
            return []
        if not self.identifiable(person.id):
            if ident:
                item = self.audience_item
                self.withheld.add(self.tr("w_identity"), self._why(person.id, item, AUDIENCE_REASON[self.audience]),
                                  len(ident))
                self._missing(person.id, item)
            return []
        t = self.tr
        rows = []
        if ident.get("date_of_birth"):
            rows.append((t("born"), t.date(ident["date_of_birth"])))
        if ident.get("gender"):
            rows.append((t("gender"), self.reader.label("gender", ident["gender"], t.lang)))
        if ident.get("place_of_birth"):
            rows.append((t("place_of_birth"), ident["place_of_birth"]))
        if ident.get("nationality"):
            rows.append((t("nationality"), t.country(ident["nationality"])))
        document = ident.get("identity_document") or {}
        if document.get("kind") or document.get("number"):
            rows.append((t("identity_document"), " ".join(x for x in (document.get("kind"), document.get("number")) if x)))
        if ident.get("languages"):
            rows.append((t("languages"), t.language(ident["languages"])))
        if ident.get("contact"):
            rows.append((t("contact"), ident["contact"]))
        return rows

    def staff(self, names) -> str:
        """Names of monitors, examiners, interpreters: full level only."""
        if isinstance(names, str):
            names = [names]
        names = [n for n in (names or []) if n]
        if not names:
            return ""
        if self.full:
            return ", ".join(names)
        self.withheld.add(self.tr("w_staff"), self.tr("r_level"), len(names))
        return "—"

    # --- free text -------------------------------------------------------------------------------

    def _hidden(self) -> frozenset[str]:
        """The persons whose identity strings free text must not carry."""
        if not self.full or self.always_scrub:
            return frozenset(self._persons)
        return frozenset(pid for pid in self._persons if not self.identifiable(pid))

    def _pattern(self) -> re.Pattern | None:
        hidden = self._hidden()
        if self._scrub is None or hidden != self._scrub_hidden:
            self._scrub_hidden = hidden
            mapping: dict[str, str] = {}
            # names this report prints (full level): a surname a hidden relative shares with a named
            # victim is left alone rather than turned into the relative's code
            shown: set[str] = set()
            for pid in set(self._persons) - hidden:
                ident = self._persons[pid].body.get("identity") or {}
                for fieldname in ("name_cyrillic", "name_latin"):
                    value = ident.get(fieldname)
                    if isinstance(value, str):
                        shown.add(value.strip().casefold())
                        shown.update(t.casefold() for t in re.split(r"[\s,.()]+", value) if t)
            for p in (self._persons[pid] for pid in sorted(hidden)):
                code = p.body.get("code", "")
                ident = p.body.get("identity") or {}
                for fieldname in IDENTITY_TEXT_FIELDS:
                    value = ident.get(fieldname)
                    if not isinstance(value, str) or len(value.strip()) < 3:
                        continue
                    mapping.setdefault(value.strip().casefold(), code)
                    if fieldname.startswith("name_"):  # surnames and given names on their own
                        for token in re.split(r"[\s,.()_]+", value):
                            if len(token) >= 3 and token.casefold() not in shown:
                                mapping.setdefault(token.casefold(), code)
                if ident.get("date_of_birth"):
                    mapping.setdefault(str(ident["date_of_birth"]).casefold(), code)
            self._scrub_map = mapping
            if mapping:
                alternatives = sorted(mapping, key=len, reverse=True)
                # an underscore separates words too ("Sekretbekov_statement.pdf")
                self._scrub = re.compile(r"(?<![^\W_])(" + "|".join(re.escape(a) for a in alternatives)
                                         + r")(?![^\W_])", re.IGNORECASE)
            else:
                self._scrub = re.compile(r"(?!x)x")
        return self._scrub

    def text(self, value: str | None) -> str:
        """Free text as printed: identities of known persons this report may not name replaced by codes."""
        if not value:
            return ""
        pattern = self._pattern()
        return pattern.sub(lambda m: self._scrub_map.get(m.group(0).casefold(), "▇▇▇"), value)

    # --- consent decisions -----------------------------------------------------------------------

    def _why(self, person_id: str | None, item: str | None, reason_key: str) -> str:
        if item and self.consent.withdrawn(person_id, item):
            return self.tr("r_withdrawn")
        return self.tr(reason_key)

    def may_share_statement(self, person_id: str | None, what_key: str) -> bool:
        """A testimony or examination of this person, in a dossier for this audience."""
        if self.aggregate:
            self.withheld.add(self.tr(what_key), self.tr("r_level"))
            return False
        item, reason = self.audience_item, AUDIENCE_REASON[self.audience]
        if self.consent.allows(person_id, item):
            return True
        self.withheld.add(self.tr(what_key), self._why(person_id, item, reason))
        self._missing(person_id, item)
        return False

    def may_show_photo(self, person_id: str | None, intimate: bool) -> bool:
        """A photograph of this person (None: not known whose); the consent items are the ones a
        bundle asks too (:func:`monitor.core.store.consent.photo_items`)."""
        t = self.tr
        items = [(item, _ITEM_REASON[item]) for item in _consent.photo_items(intimate)]
        return self._may_show(person_id, t("w_intimate") if intimate else t("w_photo"), items, unknown_ok=not intimate)

    def may_list_recording(self, person_id: str | None) -> bool:
        """An audio recording of this person's interview (None: not known whose), listed by its
        hash, length and device: the same rules as a photograph, with the ``audio`` consent item in
        place of ``photographs`` (a withdrawal removes it, counted as withheld)."""
        items = [(item, _ITEM_REASON[item]) for item in _consent.RECORDING_ITEMS]
        return self._may_show(person_id, self.tr("w_audio"), items, unknown_ok=True)

    def _may_show(self, person_id: str | None, what: str, items: list[tuple[str, str]], *, unknown_ok: bool) -> bool:
        """An exhibit of this person: every consent item of ``items`` (item, reason if missing), and
        what the level and audience need besides; what is left out is counted as withheld."""
        t = self.tr
        if self.aggregate:
            self.withheld.add(what, t("r_level"))
            return False
        if person_id is None:
            if not unknown_ok or not self.full:
                self.withheld.add(what, t("r_identifying"))
                return False
            return True
        for item, reason in items:
            if not self.consent.allows(person_id, item):
                self.withheld.add(what, self._why(person_id, item, reason))
                return False
        if not self.full and not self.consent.allows(person_id, "anonymised_reports"):
            self.withheld.add(what, self._why(person_id, "anonymised_reports", "r_no_anon"))
            return False
        if self.audience == "un" and not self.consent.allows(person_id, "share_with_un"):
            self.withheld.add(what, self._why(person_id, "share_with_un", "r_no_un"))
            self._missing(person_id, "share_with_un")
            return False
        return True
