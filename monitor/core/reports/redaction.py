"""Redaction levels and consent, in the one place every report uses.

Levels:

* ``full`` — for the person's own lawyer: identities shown, but only what the person consented to
  share with a lawyer;
* ``pseudonymised`` — for partners: pseudonym codes (``P-2026-0042``) instead of identities, no
  identity field of any person, no staff names, known identity strings scrubbed from free text,
  only material consented for anonymised reports, no photograph without consent;
* ``aggregate`` — numbers only, for the public.

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

# identity fields that only full-level output shows (every key of person.identity is one)
IDENTITY_TEXT_FIELDS = ("name_cyrillic", "name_latin", "contact", "safe_contact", "nationality")


class ReportRefused(MonitorError):
    """The report cannot be made at this level or without consent; nothing was written."""

    code = "report_refused"


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise MonitorError(Message("report_unknown_level", level=str(level)))
    return level


@dataclass(frozen=True)
class ConsentItem:
    given: bool
    date: str
    record_id: str | None
    withdrawn: bool = False


class ConsentBook:
    """The current consent of each person, latest state per item."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self._cache: dict[str, dict[str, ConsentItem]] = {}

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

    def __init__(self, reader: Reader, level: str, tr: Tr, withheld: Withheld, *, always_scrub: bool = False):
        """``always_scrub``: replace known identities in free text at every level (visit reports)."""
        self.always_scrub = always_scrub
        self.reader = reader
        self.level = check_level(level)
        self.tr = tr
        self.withheld = withheld
        self.consent = ConsentBook(reader)
        self._persons: dict[str, Source] = {}
        self._scrub: re.Pattern | None = None
        self._scrub_map: dict[str, str] = {}

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

    def name(self, person: Source | None) -> str:
        """How a person is named at this level."""
        if person is None:
            return self.tr("unknown")
        code = person.body.get("code", "")
        if not self.full:
            return code
        ident = person.body.get("identity") or {}
        name = ident.get("name_cyrillic") or ident.get("name_latin")
        if name and ident.get("name_latin") and ident.get("name_cyrillic"):
            name = f"{ident['name_cyrillic']} ({ident['name_latin']})"
        return f"{name}, {code}" if name else code

    def identity_rows(self, person: Source) -> list[tuple[str, str]]:
        """Identity fields (full level only; otherwise counted as withheld)."""
        ident = person.body.get("identity") or {}
        if not self.full:
            if ident:
                self.withheld.add(self.tr("w_identity"), self.tr("r_level"), len(ident))
            return []
        t = self.tr
        rows = []
        if ident.get("date_of_birth"):
            rows.append((t("born"), t.date(ident["date_of_birth"])))
        if ident.get("gender"):
            rows.append((t("gender"), self.reader.label("gender", ident["gender"], t.lang)))
        if ident.get("nationality"):
            rows.append((t("nationality"), t.country(ident["nationality"])))
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

    def _pattern(self) -> re.Pattern | None:
        if self._scrub is None:
            mapping: dict[str, str] = {}
            for p in self._persons.values():
                code = p.body.get("code", "")
                ident = p.body.get("identity") or {}
                for fieldname in IDENTITY_TEXT_FIELDS:
                    value = ident.get(fieldname)
                    if not isinstance(value, str) or len(value.strip()) < 3:
                        continue
                    mapping.setdefault(value.strip().casefold(), code)
                    if fieldname.startswith("name_"):  # surnames and given names on their own
                        for token in re.split(r"[\s,.()]+", value):
                            if len(token) >= 3:
                                mapping.setdefault(token.casefold(), code)
                if ident.get("date_of_birth"):
                    mapping.setdefault(str(ident["date_of_birth"]).casefold(), code)
            self._scrub_map = mapping
            if mapping:
                alternatives = sorted(mapping, key=len, reverse=True)
                self._scrub = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)",
                                         re.IGNORECASE)
            else:
                self._scrub = re.compile(r"(?!x)x")
        return self._scrub

    def text(self, value: str | None) -> str:
        """Free text as printed at this level: identities of known persons replaced by codes."""
        if not value:
            return ""
        if self.full and not self.always_scrub:
            return value
        pattern = self._pattern()
        return pattern.sub(lambda m: self._scrub_map.get(m.group(0).casefold(), "▇▇▇"), value)

    # --- consent decisions -----------------------------------------------------------------------

    def _why(self, person_id: str | None, item: str, reason_key: str) -> str:
        return self.tr("r_withdrawn") if self.consent.withdrawn(person_id, item) else self.tr(reason_key)

    def may_share_statement(self, person_id: str | None, what_key: str) -> bool:
        """A testimony or examination of this person, in a dossier at this level."""
        if self.aggregate:
            self.withheld.add(self.tr(what_key), self.tr("r_level"))
            return False
        item, reason = ("share_with_lawyer", "r_no_lawyer") if self.full else ("anonymised_reports", "r_no_anon")
        if self.consent.allows(person_id, item):
            return True
        self.withheld.add(self.tr(what_key), self._why(person_id, item, reason))
        return False

    def may_show_photo(self, person_id: str | None, intimate: bool) -> bool:
        """A photograph of this person (None: not known whose)."""
        t = self.tr
        what = t("w_intimate") if intimate else t("w_photo")
        if self.aggregate:
            self.withheld.add(what, t("r_level"))
            return False
        if person_id is None:
            if intimate or not self.full:
                self.withheld.add(what, t("r_identifying"))
                return False
            return True
        if not self.consent.allows(person_id, "photographs"):
            self.withheld.add(what, self._why(person_id, "photographs", "r_no_photo"))
            return False
        if intimate and not self.consent.allows(person_id, "intimate_photographs"):
            self.withheld.add(what, self._why(person_id, "intimate_photographs", "r_no_intimate"))
            return False
        if not self.full and not self.consent.allows(person_id, "anonymised_reports"):
            self.withheld.add(what, self._why(person_id, "anonymised_reports", "r_no_anon"))
            return False
        return True
