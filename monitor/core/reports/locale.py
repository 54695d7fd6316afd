"""How the reports write dates, times, numbers, counts, languages and countries: CLDR, through Babel.

One module, used by every report builder, so a Russian dossier never prints ``2010-05-22``,
``0.50 (50.0%)``, «3 лет» or ``Kazakhstan; kk, ru``:

* dates in the language's CLDR numeric form with the full year (``22.05.2010`` in ru and kk,
  ``May 22, 2010`` in en);
* date-times in the local time of the place (its IANA zone, from the facility's region through
  ``resources/definitions/time_zones.json``; Asia/Almaty by default), with the zone printed:
  ``22.05.2010 16:00 (Алматы, UTC+06:00)``. zoneinfo knows each zone's history, so a 2010 time in
  Almaty is UTC+6 and a 2025 one UTC+5;
* numbers with the language's separators (``12 345``, ``0,21``, ``21,4 %``);
* counts with the CLDR plural category of the number: catalogue entries with plural variants are
  written ``one={n} год|few={n} года|many={n} лет|other={n} года`` (each language lists exactly its
  own CLDR categories; tests/test_catalogue.py checks it), and :func:`plural` picks the variant;
* language and country names in the report's language (``kk`` → «казахский», ``KZ`` → «Казахстан»).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from functools import cache

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_timezone_location
from babel.numbers import format_decimal

from .. import resources

PLURAL_VARIANT = re.compile(r"^(zero|one|two|few|many|other)=(.*)$", re.DOTALL)


@cache
def locale(lang: str) -> Locale:
    return Locale.parse(lang)


# --- dates and times -------------------------------------------------------------------------------

@cache
def date_pattern(lang: str) -> str:
    """The CLDR short date with a four-digit year (dd.MM.y in ru and kk); en uses the medium form."""
    loc = locale(lang)
    if lang == "en":
        return loc.date_formats["medium"].pattern
    return re.sub(r"(?<!y)yy(?!y)", "y", loc.date_formats["short"].pattern)


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?")


def date(value, lang: str) -> str:
    """``2010-05-22`` → ``22.05.2010`` (ru, kk) / ``May 22, 2010`` (en); a partial date (an old
    allegation's ``2019-03`` or ``2019``) as the locale writes a month and year (``03.2019``) or the
    year; any other odd value as it is."""
    if value in (None, ""):
        return ""
    partial = _PARTIAL.fullmatch(str(value))
    if partial:
        year, month = partial.groups()
        if month is None:
            return year
        if 1 <= int(month) <= 12:
            return format_skeleton("yMM", dt.date(int(year), int(month), 1), locale=lang)
    day = parse_date(value)
    if day is None:
        return str(value)
    return format_date(day, date_pattern(lang), locale=lang)


def parse_datetime(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    text = str(value or "").strip()
    if len(text) <= 10:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


@cache
def _zones() -> dict:
    return resources.load_json("definitions", "time_zones.json")


def zone_name(region: str | None) -> str:
    """The IANA zone of a region given as free text in any language (default Asia/Almaty)."""
    data = _zones()
    text = (region or "").lower()
    if text:
        for entry in data["zones"]:
            if any(stem in text for stem in entry["stems"]):
                return entry["zone"]
    return data["default"]


def _tz(name: str):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):  # a system without the zone database
        return None


def when(value, lang: str, region: str | None = None, *, city: bool = True) -> str:
    """A date-time in the place's local time with its zone (``city``: the zone's city before the
    offset); a bare date as :func:`date`."""
    if value in (None, ""):
        return ""
    moment = parse_datetime(value)
    if moment is None:
        return date(value, lang)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    name = zone_name(region)
    tz = _tz(name)
    local = moment.astimezone(tz) if tz is not None else moment
    offset = local.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    utc = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    place = get_timezone_location(tz, locale=lang, return_city=True) if tz is not None and city else ""
    zone = f"{place}, {utc}" if place else utc
    clock = format_time(local.time(), locale(lang).time_formats["short"].pattern, locale=lang)
    return f"{date(local.date(), lang)} {clock} ({zone})"


def span(first, last, lang: str) -> str:
    """Two dates as one span: ``22.05.2010 — 30.05.2010``; either may be missing."""
    return " — ".join(x for x in (date(first, lang), date(last, lang)) if x)


# --- numbers -----------------------------------------------------------------------------------------

def number(value, lang: str, digits: int | None = None) -> str:
    """An integer or decimal with the language's separators; ``None`` gives a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            value = float(value) if any(c in value for c in ".eE") else int(value)
        except ValueError:
            return value
    if isinstance(value, float) and value.is_integer() and digits is None:
        value = int(value)
    if digits is None:
        return format_decimal(value, locale=lang)
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=lang, decimal_quantization=True)


def percent(fraction: float, lang: str, digits: int = 1) -> str:
    """``0.214`` → ``21,4 %`` (ru), ``21,4%`` (kk), ``21.4%`` (en): the language's percent pattern."""
    pattern = locale(lang).percent_formats[None].pattern
    body = "#,##0." + "0" * digits if digits else "#,##0"
    from babel.numbers import format_percent

    return format_percent(fraction, format=pattern.replace("#,##0", body, 1), locale=lang,
                          decimal_quantization=True)


def ratio(a, b, lang: str) -> str:
    """a per b, as a ratio and a percentage (``0,21 (21,4 %)``); a dash where either is unknown or b is zero."""
    if a is None or not b:
        return "—"
    return f"{number(a / b, lang, 2)} ({percent(a / b, lang)})"


# --- plural forms ------------------------------------------------------------------------------------

def categories(lang: str) -> set[str]:
    """The CLDR plural categories of a language (ru: one, few, many, other; kk and en: one, other)."""
    return set(locale(lang).plural_form.tags) | {"other"}


def category(n, lang: str) -> str:
    return locale(lang).plural_form(abs(n))


def is_plural(template: str) -> bool:
    return "|" in template and all(PLURAL_VARIANT.match(part.strip()) for part in template.split("|"))


def variants(template: str) -> dict[str, str]:
    out = {}
    for part in template.split("|"):
        m = PLURAL_VARIANT.match(part.strip())
        if m:
            out[m.group(1)] = m.group(2)
    return out


def plural(template: str, n, lang: str, **kw) -> str:
    """Pick the variant of ``template`` for the number ``n`` and fill it in (``n`` printed in the
    language's number format). A template without variants is only filled in."""
    count = n
    if isinstance(n, str):
        try:
            count = float(n) if "." in n else int(n)
        except ValueError:
            count = None
    if isinstance(count, (int, float)):
        shown = number(count, lang)
    else:
        shown = str(n)
    if is_plural(template):
        forms = variants(template)
        cat = category(count, lang) if isinstance(count, (int, float)) else "other"
        template = forms.get(cat) or forms.get("other") or next(iter(forms.values()))
    return template.format(n=shown, **kw)


# --- languages and countries ------------------------------------------------------------------------

def language_name(code: str | None, lang: str) -> str:
    """``kk`` → «казахский» in a Russian report; an unknown code stays as it is."""
    if not code:
        return ""
    key = str(code).strip().replace("-", "_")
    name = locale(lang).languages.get(key) or locale(lang).languages.get(key.split("_")[0].lower())
    return name or str(code)


def languages(codes, lang: str) -> str:
    """A list of language codes (or a comma-separated string) as names: «казахский, русский»."""
    if isinstance(codes, str):
        codes = [c for c in re.split(r"[,;\s]+", codes) if c]
    return ", ".join(language_name(c, lang) for c in codes or [])


@cache
def _country_codes(lang: str) -> dict[str, str]:
    """Every way a country may be written (code, English name, local name) → its ISO code."""
    out = {}
    for other in ("en", "ru", "kk"):
        for code, name in locale(other).territories.items():
            if code.isalpha() and len(code) == 2:
                out[name.lower()] = code
    return out


def country_name(value: str | None, lang: str) -> str:
    """``KZ`` or ``Kazakhstan`` → «Казахстан» in a Russian report; anything unknown as it is."""
    if not value:
        return ""
    text = str(value).strip()
    code = text.upper() if len(text) == 2 and text.isalpha() else _country_codes(lang).get(text.lower())
    return locale(lang).territories.get(code, text) if code else text
