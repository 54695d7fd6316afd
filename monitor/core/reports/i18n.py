"""The fixed words of the reports, in English, Russian and Kazakh, from the message catalogue.

The texts are the ``report.*`` entries of ``resources/messages/reports.json``, read through
:mod:`monitor.core.messages` like every other text the core says; this module holds no
translated text, only the lookup the report modules use (``tr("page_of", n=1, m=2)``).
Vocabulary labels (methods, injury types, consistency terms, articles, …) come from the vault's
vocabularies. Every key has all three languages with the same placeholders (a test checks it).
"""

from __future__ import annotations

from .. import messages
from . import locale

LANGS = messages.LANGUAGES
PREFIX = "report."
# Report words that are a record type's title: read from the type titles (titles.json), the one
# place they are kept, rather than repeated in reports.json.
TYPE_TITLES = {"case": "case", "facility": "facility", "complaint": "complaint", "proceeding": "proceeding",
               "consent": "consent", "ev_examination": "examination"}


def _key(key: str) -> str:
    return f"type.{TYPE_TITLES[key]}" if key in TYPE_TITLES else PREFIX + key


def has_key(key: str) -> bool:
    return _key(key) in messages.catalogue()


def catalogue() -> dict[str, tuple[str, str, str]]:
    """The reports' words: key (without the prefix) → (en, ru, kk)."""
    keys = [key[len(PREFIX):] for key in messages.catalogue() if key.startswith(PREFIX)] + list(TYPE_TITLES)
    return {key: tuple(messages.template(_key(key), lang) for lang in LANGS) for key in keys}


class Tr:
    """``tr("key", n=3)`` in one language."""

    def __init__(self, lang: str):
        if lang not in LANGS:
            from ..errors import MonitorError

            raise MonitorError(messages.Message("report_unknown_language", lang=str(lang)))
        self.lang = lang
        self.region: str | None = None  # the place's region: its time zone for local times (locale.zone_name)

    def __call__(self, key: str, **kw) -> str:
        text = messages.template(_key(key), self.lang)
        if locale.is_plural(text):  # a count: the variant for n's CLDR plural category
            n = kw.pop("n")
            return locale.plural(text, n, self.lang, **kw)
        if isinstance(kw.get("n"), int):
            kw["n"] = locale.number(kw["n"], self.lang)
        return text.format(**kw) if kw else text

    # formatting in this language (monitor/core/reports/locale.py)
    def date(self, value) -> str:
        return locale.date(value, self.lang)

    def when(self, value, region: str | None = None, *, city: bool = True) -> str:
        return locale.when(value, self.lang, region or self.region, city=city)

    def span(self, first, last) -> str:
        return locale.span(first, last, self.lang)

    def num(self, value, digits: int | None = None) -> str:
        return locale.number(value, self.lang, digits)

    def ratio(self, a, b) -> str:
        return locale.ratio(a, b, self.lang)

    def language(self, codes) -> str:
        return locale.languages(codes, self.lang)

    def country(self, value) -> str:
        return locale.country_name(value, self.lang)

    def months(self, first: int, last: int) -> str:
        if first == last:
            return self(f"month_{first}")
        return f"{self(f'month_{first}')}–{self(f'month_{last}')}"

    def yes_no(self, value) -> str:
        if value is None:
            return self("unknown")
        return self("yes") if value else self("no")
