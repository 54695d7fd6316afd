"""Word forms for search: Russian by the Snowball stemmer, Kazakh by a suffix rule set.

A monitor types the form of a word that is in their head («избиения», «удушением», «қамауда»);
the testimony holds another («избиение», «удушение», «қамау»). Both are reduced to a stem and
the search index keeps the stems beside the words.

- A token with a Kazakh letter (ә ғ қ ң ө ұ ү һ і) is Kazakh: :func:`kazakh_stem` strips case,
  possessive and plural endings (and a few verbal ones) from the end, longest first, keeping at
  least three letters.
- Any other Cyrillic token may be Russian or Kazakh: it gets the Russian Snowball stem and, when
  the Kazakh rules give a different stem, that one too.
- Latin tokens get the English Snowball stem; numbers and codes stay as they are.

Every stem is a prefix of its (case-folded, ё→е) word, which is what lets the result view
highlight the forms that matched. Stemming is cached per word: a corpus has few distinct words.
"""

from __future__ import annotations

import re
from functools import lru_cache

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]")
_LATIN = re.compile(r"[a-z]")
MIN_STEM = 3

# Kazakh endings that can be stripped from a noun or verb form, in the order they stack from the
# end of a word: case, then possessive, then plural (e.g. қамау-лар-ы-нда, қамау-да).
_KK_SUFFIXES = sorted({
    # case
    "ның", "нің", "дың", "дің", "тың", "тің",
    "ға", "ге", "қа", "ке", "на", "не",
    "ны", "ні", "ды", "ді", "ты", "ті",
    "да", "де", "та", "те", "нда", "нде",
    "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
    "ша", "ше", "дай", "дей", "тай", "тей",
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",  # locative + -ғы (қамаудағы)
    # possessive
    "ым", "ім", "ың", "ің", "ы", "і", "сы", "сі", "мыз", "міз", "ымыз", "іміз", "ңыз", "ңіз", "ыңыз", "іңіз",
    # plural
    "лар", "лер", "дар", "дер", "тар", "тер",
    # common verb forms (past participle, converb, habitual participle)
    "ған", "ген", "қан", "кен", "ып", "іп", "атын", "етін", "йтын", "йтін",
}, key=len, reverse=True)


def fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


@lru_cache(maxsize=1)
def _snowball():
    import snowballstemmer

    return snowballstemmer.stemmer("russian"), snowballstemmer.stemmer("english")


def kazakh_stem(word: str) -> str:
    """Strip Kazakh endings (up to three layers) while at least three letters remain."""
    stem = word
    for _ in range(3):
        for suffix in _KK_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM:
                stem = stem[: -len(suffix)]
                break
        else:
            break
    return stem


def stems(word: str) -> tuple[str, ...]:
    """The stems of one word (folded); one, or two for a Cyrillic word that may be either language."""
    if word.isdigit():  # numbers (codes, dates) are many and never stemmed: not worth a cache entry
        return (word,)
    return _stems(word)


@lru_cache(maxsize=300_000)
def _stems(word: str) -> tuple[str, ...]:
    w = fold(word)
    if len(w) < MIN_STEM or w.isdigit():
        return (w,)
    if KAZAKH_LETTERS.intersection(w):
        return (kazakh_stem(w),)
    if _CYRILLIC.search(w):
        russian = _snowball()[0].stemWord(w)
        if not w.startswith(russian):  # keep the prefix property the highlighter relies on
            russian = w
        kazakh = kazakh_stem(w)
        return (russian,) if kazakh in (w, russian) else (russian, kazakh)
    if _LATIN.search(w) and w.isalpha():
        english = _snowball()[1].stemWord(w)
        return (english if w.startswith(english) else w,)
    return (w,)
