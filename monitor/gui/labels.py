"""How records, dates and values are named in the UI language (never a UUID, never a raw key)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone

from ..core.model import titles
from ..core.errors import MonitorError

_PREFIXED = ("visit", "interview", "examination", "addendum", "complaint", "proceeding")
LOCALES = {"en": "en_GB", "ru": "ru_RU", "kk": "kk_KZ"}


@cache
def locale(lang: str) -> QLocale:
    return QLocale(LOCALES.get(lang, "en_GB"))


def record_label(vault, record_id: str, lang: str = "en") -> str:
    """A record's label for people: its type in the UI language and its own label."""
    try:
        info = vault.info(record_id)
    except MonitorError:
        return QCoreApplication.translate("Labels", "(missing record)")
    return info_label(vault, info, lang)


def info_label(vault, info, lang: str = "en") -> str:
    label, body = info.label, info.body or {}
    if info.type == "visit" and body.get("facility_id"):
        try:
            facility = vault.get(body["facility_id"])["name"]
        except MonitorError:
            facility = ""
        return f"{titles.type_title('visit', lang)} {format_date(body['date_start'], lang)} {facility}".strip()
    if info.type == "consent" and body.get("person_id"):
        try:
            code = vault.get(body["person_id"])["code"]
        except MonitorError:
            code = ""
        return f"{titles.type_title('consent', lang)} {code} {format_date(body.get('date', ''), lang)}".strip()
    if info.type == "reprisal":
        return (f"{titles.type_title('reprisal', lang)} {format_date(body.get('date', ''), lang)} "
                f"{vault.label('reprisal_kind', body.get('kind', ''), lang)}")
    if info.type == "statistic":
        return (f"{vault.label('stat_indicator', body.get('indicator', ''), lang)} "
                f"{format_date(body.get('period_start', ''), lang)}–{format_date(body.get('period_end', ''), lang)}: "
                f"{body.get('value', '')}")
    if label.startswith(info.type + " ") or info.type in _PREFIXED and label.startswith(info.type):
        rest = label[len(info.type):].strip()
        if len(rest) >= 10 and rest[4] == "-" and rest[7] == "-":
            rest = f"{format_date(rest[:10], lang)}{rest[10:]}"
        if info.type in ("interview", "examination") and body.get("person_id"):
            try:
                rest = f"{vault.get(body['person_id'])['code']} {format_date(body['date'][:10], lang)}"
            except MonitorError:
                pass
        return f"{titles.type_title(info.type, lang)} {rest}".strip()
    if info.type == "link":
        return f"{titles.type_title('link', lang)}: {vault.label('role', body.get('role', ''), lang)}"
    if info.type == "term":
        return f"{body.get('labels', {}).get(lang) or body.get('labels', {}).get('en', '')}"
    return label


def format_date(value: str, lang: str = "en") -> str:
    """YYYY-MM-DD → the locale's short date; a partial date (YYYY-MM, YYYY) as the reports write it."""
    if isinstance(value, str) and len(value) in (4, 7):
        from ..core.reports.locale import date as partial_date

        return partial_date(value, lang)
    try:
        d = dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return str(value)
    loc = locale(lang)
    return loc.toString(QDate(d.year, d.month, d.day), _four_digit_year(loc.dateFormat(QLocale.ShortFormat)))


def _four_digit_year(fmt: str) -> str:
    """Locales' short formats often have two-digit years; records for courts need all four."""
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def to_local(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone()
    except (TypeError, ValueError):
        return None


def format_datetime(value: str, lang: str = "en") -> str:
    """An RFC 3339 time → local time in the locale's short format."""
    moment = to_local(value)
    if moment is None:
        return str(value)
    qdt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())
    loc = locale(lang)
    return loc.toString(qdt, _four_digit_year(loc.dateTimeFormat(QLocale.ShortFormat)))


def format_clock(lang: str = "en") -> str:
    """The time of day now, in the locale's short form (13:05 in ru/kk, 1:05 PM in en)."""
    return locale(lang).toString(QTime.currentTime(), QLocale.ShortFormat)


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("Labels", "yes") if value else QCoreApplication.translate("Labels", "no")
