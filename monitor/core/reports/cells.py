"""Table cells that never break a word without a hyphen.

reportlab breaks a word that does not fit its column anywhere («Ушибленн ая рана»). Here:

* :func:`fit` gives every column at least the width of its longest word, taking the room from
  columns with some to spare, and when the table cannot hold that shrinks its font (down to 6 pt);
  only if whole words still cannot fit does it count the pieces of a hyphenated word instead;
* Russian and English cells are hyphenated at the points of a pyphen dictionary (reportlab's own
  ``hyphenationLang``, which uses pyphen); Kazakh has no hyphenation dictionary, so a Kazakh word
  is never broken at all;
* a digest, a long number or an identifier (no letters-only word: ``4f0c…``, ``261500031000114``)
  is not a word: it does not widen its column and may still wrap anywhere, as before.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

# a hyphenation dictionary per report language (pyphen's names); none for Kazakh
HYPHENATION = {"ru": "ru_RU", "en": "en_US", "kk": ""}
PADDING = 12.5  # the table's left and right cell padding (6 pt each) and a little air
SIZES = (8, 7.5, 7, 6.5, 6)


@cache
def _dictionary(lang: str):
    name = HYPHENATION.get(lang, "")
    if not name:
        return None
    import pyphen

    return pyphen.Pyphen(lang=name) if name in pyphen.LANGUAGES else None


def pieces(word: str, lang: str) -> list[str]:
    """The parts a word may be broken into on a line end (the whole word where it may not be)."""
    dic = _dictionary(lang)
    if dic is None or len(word) < 5:
        return [word]
    cuts = dic.positions(word)
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)])] if cuts else [word]


def not_a_word(token: str) -> bool:
    """A digest or a long code: 17 or more characters with digits in them (hashes, case numbers)."""
    return len(token) > 16 and any(c.isdigit() for c in token)


def narrowest(text: str, lang: str, font: str, size: float, hyphenate: bool = True) -> float:
    """The width a cell needs so that no word of ``text`` is broken (``hyphenate``: except at a
    hyphenation point)."""
    need = 0.0
    hyphen = stringWidth("-", font, size)
    for word in text.split():
        if not_a_word(word):
            continue
        parts = pieces(word, lang) if hyphenate else [word]
        if len(parts) == 1:
            need = max(need, stringWidth(word, font, size))
        else:
            need = max(need, *(stringWidth(p, font, size) + hyphen for p in parts))
    return need


def fit(lang: str, rows: list[list[str]], widths: list[float], font: str, font_bold: str,
        size: float) -> tuple[list[float], float]:
    """Column widths (same total) and font size so that every cell's words fit; ``rows[0]`` is the
    header (bold)."""
    total = sum(widths)
    # whole words first (reportlab does not always hyphenate a line's first word), then hyphenated
    for hyphenate in (False, True):
        for s in [x for x in SIZES if x <= size] or [size]:
            need = [0.0] * len(widths)
            for r, row in enumerate(rows):
                for i, text in enumerate(row[:len(widths)]):
                    need[i] = max(need[i], narrowest(text, lang, font_bold if r == 0 else font, s, hyphenate) + PADDING)
            if sum(need) <= total:
                return _widen(widths, need), s
    # cannot fit even at the smallest size: share the width in proportion to the need
    return [total * n / sum(need) for n in need], SIZES[-1]


def _widen(widths: list[float], need: list[float]) -> list[float]:
    """Give each column at least its need, taking the room from the others' spare width."""
    out = list(widths)
    short = sum(max(0.0, n - w) for w, n in zip(out, need))
    if short <= 0:
        return out
    spare = [max(0.0, w - n) for w, n in zip(out, need)]
    room = sum(spare)
    return [max(w, n) if n >= w else w - short * sp / room for w, n, sp in zip(out, need, spare)]


@cache
def styles(lang: str, size: float, cell: ParagraphStyle, cell_num: ParagraphStyle,
           cell_head: ParagraphStyle) -> dict[str, ParagraphStyle]:
    hyphenation = HYPHENATION.get(lang, "") if _dictionary(lang) is not None else ""
    out = {}
    for name, base in (("cell", cell), ("cell_num", cell_num), ("cell_head", cell_head)):
        out[name] = ParagraphStyle(f"{name}-{lang}-{size}", parent=base, fontSize=size, leading=size + 2,
                                   hyphenationLang=hyphenation)
    return out


def markup(text: str, lang: str) -> str:
    """Plain text as a cell paragraph's markup (never markup from the text itself)."""
    return escape(text or "").replace("\n", "<br/>")
