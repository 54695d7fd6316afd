"""The demo data's words: names, places, narratives and phrases, read from ``resources/demo/*.json``.

Every text entry there is ``{"ru": …, "kk": …, "en": …}``: the Russian is what the generator writes
(the working language of most case files); interview narratives use the interview's language; the
other languages stand beside each entry for translators and for reviewers who do not read Russian.
An entry with ``"use": "kk"`` is always written in that language. See ``resources/demo/README.md``.
"""

from __future__ import annotations

import random
from datetime import date
from functools import cache
from types import SimpleNamespace

from .. import resources

DEMO_MARKER = "DEMO — fictional data"
DEMO_TAG = "[DEMO]"

# The time frame: incidents from the report's first year to late 2025; no later event (reply,
# judgment, addendum) is invented after CUTOFF, so nothing lies in the future.
START = date(2009, 1, 12).toordinal()
END = date(2025, 10, 31).toordinal()  # latest incident
CUTOFF = date(2026, 2, 27).toordinal()
TZ_SWITCH = date(2024, 3, 1).toordinal()  # Kazakhstan moved to a single zone, UTC+5
NEW_CODE = date(2015, 1, 1).toordinal()  # the 2014 codes (ERDR register, investigating courts) apply from 2015
NPM_START = date(2014, 1, 1).toordinal()  # the National Preventive Mechanism works from 2014


def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def day_text(ordinal: int) -> str:
    """A date inside a sentence, as people write it in Kazakhstan: 22.05.2010 (never ISO in prose)."""
    return date.fromordinal(ordinal).strftime("%d.%m.%Y")

_FILES = ("places", "names", "methods", "narratives", "visits", "examinations", "cases", "legal", "statistics")


@cache
def corpus() -> SimpleNamespace:
    """All corpus files, parsed once: ``corpus().places["regions"]`` and so on."""
    return SimpleNamespace(**{name: resources.load_json("demo", f"{name}.json") for name in _FILES})


def say(entry: dict, lang: str = "ru", *, female: bool = False, **fields):
    """The entry's text in ``lang`` (or the language the entry insists on), with ``fields`` filled in.
    ``female``: the person the text speaks of is a woman (``ru_f``/``en_f`` variants, where grammar needs one)."""
    lang = entry.get("use", lang)
    text = entry.get(f"{lang}_f", entry[lang]) if female else entry[lang]
    return text.format(**fields) if fields else text


@cache
def _labels() -> dict[tuple[str, str], dict]:
    out = {}
    for path in sorted(resources.path("vocabularies").glob("*.json")):
        vocabulary = resources.load_json("vocabularies", path.name)
        for term in vocabulary["terms"]:
            out[(vocabulary["vocabulary"], term["key"])] = term["labels"]
    for term in corpus().methods["coordinator_terms"]:
        out[(term["vocabulary"], term["key"])] = term["labels"]
    return out


def label(vocabulary: str, key: str, lang: str = "ru") -> str:
    """A vocabulary term in words (shipped vocabularies, then the demo's coordinator-added terms):
    text fields say "Пытки", never the key ``cc2014-146``."""
    return _labels()[(vocabulary, key)][lang]


def lower_first(text: str) -> str:
    """"Питание и вода" -> "питание и вода" (a label inside a sentence); abbreviations stay as they are."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def method_nouns(methods) -> str:
    """"избиение, удары ногами": the methods' short names, in Russian."""
    return ", ".join(say(corpus().methods["methods"][m]["noun"]) for m in methods)


def authority_name(key: str, region: dict, day: int, court: str = "investigating") -> str:
    """The office's name as it was on ``day``. A court hears a complaint about the investigation
    (an investigating court from 2015, a district court before), tries the case (``court="trial"``)
    or hears the appeal (``court="appeal"``)."""
    names = corpus().legal["authority_names"]
    if key == "court" and court != "investigating":
        entry = names[f"{court}_court"]
    elif key == "court" and day < NEW_CODE:
        entry = names["court_before_2015"]
    else:
        entry = names[key]
    return say(entry, genitive=region["genitive_ru"], city=region["city"]["ru"], region=region["name"]["ru"])


def pick(rng: random.Random, seq, weights):
    return rng.choices(seq, weights)[0]


def latin(text: str) -> str:
    """The passport-style Latin spelling of a Cyrillic (Russian or Kazakh) name."""
    table = corpus().names["transliteration"]
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            t = table[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


def feminine(surname: str) -> str:
    return surname + "а" if surname.endswith(("ов", "ев", "ин")) else surname
