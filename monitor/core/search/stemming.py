"""Word forms for search: Russian by the Snowball stemmer, Kazakh by a suffix rule set.

A monitor types the form of a word that is in their head («избиения», «удушением», «қамауда»);
the testimony holds another («избиение», «удушение», «қамау»). Both are reduced to a stem and
the search index keeps the stems beside the words.

- A token with a Kazakh letter (ә ғ қ ң ө ұ ү һ і) is Kazakh: :func:`kazakh_stem` strips case,
  possessive and plural endings (and a few verbal ones) from the end, longest first, keeping at
  least three letters.
- Short verb roots (ұр-, ат-, ал-, бер-, теп-, соқ-, … in ``resources/stemming/kazakh_verbs.json``)
  would lose their forms to that three-letter minimum: a word that is such a root followed by a
  whole verb ending (:data:`_VERB_TAIL`: past, participle, converb, present, negative, passive,
  verbal noun) is reduced to the root, so «ұрды», «ұрған», «ұрып», «ұрады», «ұрмады» meet while
  «алдын» (before) and «алма» (apple) do not meet «алды». Voiced roots (теп → тебеді) have the
  unvoiced root as their stem: the one exception to the prefix rule below, which :func:`heads`
  covers for highlighting.
- Any other Cyrillic token may be Russian or Kazakh: it gets the Russian Snowball stem and, when
  the Kazakh rules give a different stem, that one too.
- Latin tokens get the English Snowball stem; numbers and codes stay as they are.

Every other stem is a prefix of its (case-folded, ё→е) word, which is what lets the result view
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


_PERSON = ["м", "ң", "қ", "к", "ңыз", "ңіз", "ңдар", "ңдер", "ңыздар", "ңіздер"]
_CHAIN = sorted({*_KK_SUFFIXES, "мын", "мін", "сың", "сің", "мыз", "міз", "сыз", "сіз", "ын", "ін", "н"},
                key=len, reverse=True)


def _alt(items) -> str:
    return "(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")"


# What may follow a short verb root (or its passive -ыл/-ын) for the word to be a form of it: the
# whole rest of the word must be one of these. Both vowel harmonies and both voicings are
# accepted (the root fixes which one a real word has). A bare -а/-е (ата 'grandfather', ала
# 'motley') or a bare negative (алма 'apple') is not enough: it needs a person ending or more.
_NOUNS = _alt(_CHAIN) + "{0,3}"
_PRESENT_PERSON = _alt(["ды", "ді", "мын", "мін", "сың", "сің", "мыз", "міз", "сыз", "сіз", "тын", "тін"])
_VERB_TAIL = (
    "(?:ыл|іл|ын|ін)?(?:"
    + _alt(["ды", "ді", "ты", "ті"]) + _alt(_PERSON) + "?"
    + "|" + _alt(["ған", "ген", "қан", "кен"]) + _NOUNS
    + "|" + _alt(["ып", "іп"]) + _alt(["ты", "ті", "пын", "пін", "сың", "сің"]) + "?"
    + "|" + _alt(["а", "е"]) + _PRESENT_PERSON + _NOUNS
    + "|у" + _NOUNS
    + "|п" + _alt(["ты", "ті"]) + "?"  # after a root ending in a vowel (де-п)
    + "|й" + _PRESENT_PERSON + _NOUNS  # (де-й-ді)
    + "|" + _alt(["ма", "ме", "ба", "бе", "па", "пе"]) + "(?:"
    + _alt(["ды", "ді"]) + _alt(_PERSON) + "?"
    + "|" + _alt(["ған", "ген"]) + _NOUNS
    + "|й" + _PRESENT_PERSON + "?" + _NOUNS
    + "|у" + _NOUNS
    + "))"
)


@lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern, dict[str, str], dict[str, tuple[str, ...]]]:
    """The verb-form pattern, each root spelling → its root, and each root → its spellings."""
    from .. import resources

    roots = resources.load_json("stemming", "kazakh_verbs.json")["roots"]
    spelling = {root: root for root in roots}
    spelling.update({alt: root for root, alts in roots.items() for alt in alts})
    spellings = {root: (root, *alts) for root, alts in roots.items()}
    pattern = re.compile("(" + _alt(spelling) + ")" + _VERB_TAIL)
    return pattern, spelling, spellings


def verb_root(word: str) -> str | None:
    """The short verb root of a (folded) Kazakh verb form, or None."""
    pattern, spelling, _ = _verbs()
    found = pattern.fullmatch(word)
    return spelling[found.group(1)] if found else None


def heads(stem: str) -> tuple[str, ...]:
    """The beginnings a word with this stem may have (a voiced root adds its voiced spelling)."""
    return _verbs()[2].get(stem, (stem,))


def fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


@lru_cache(maxsize=1)
def _snowball():
    import snowballstemmer

    return snowballstemmer.stemmer("russian"), snowballstemmer.stemmer("english")


def kazakh_stem(word: str) -> str:
    """A short verb root's form → the root; else strip Kazakh endings (up to three layers) while
    at least three letters remain."""
    root = verb_root(word)
    if root is not None:
        return root
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
    if len(w) < MIN_STEM or w.isdigit():  # a bare short root (ұр, ал) is its own stem already
        return (w,)
    if KAZAKH_LETTERS.intersection(w):
        return (kazakh_stem(w),)
    if _CYRILLIC.search(w):
        russian = _snowball()[0].stemWord(w)
        kazakh = kazakh_stem(w)
        if kazakh != w and verb_root(w) == kazakh:  # атты, алды: the verb root, not Russian's алд
            return (kazakh,)
        if not w.startswith(russian) or (len(russian) < MIN_STEM and russian in _verbs()[1]):
            russian = w  # the prefix property the highlighter relies on; ата is not a form of ат-
        return (russian,) if kazakh in (w, russian) else (russian, kazakh)
    if _LATIN.search(w) and w.isalpha():
        english = _snowball()[1].stemWord(w)
        return (english if w.startswith(english) else w,)
    return (w,)
