"""One catalogue for everything the core says (resources/messages/*.json), Qt .ts files for widgets.

Every key of every catalogue file has en, ru and kk, none empty, with the same ``str.format``
placeholders; no key is in two files; and no module under monitor/ keeps its own table of
translations (an ``(en, ru, kk)`` tuple, or an ``{"en": …, "ru": …, "kk": …}`` literal).
"""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

from monitor.core import messages
from monitor.core.model import titles
from monitor.core.reports import i18n, locale

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted((ROOT / "resources" / "messages").glob("*.json"))
CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
LATIN = re.compile(r"[a-z]", re.IGNORECASE)
AUTONYMS = {"English", "Русский", "Қазақша"}  # a language's own name is not a translation


def fields(text: str) -> list[str]:
    """The placeholders of a text; of a plural text (``one=…|few=…|other=…``), those of its variants."""
    texts = list(locale.variants(text).values()) if locale.is_plural(text) else [text]
    return sorted({name for t in texts for _, name, _, _ in string.Formatter().parse(t) if name is not None})


def test_plural_texts_have_each_of_their_languages_cldr_forms():
    """A count's text lists exactly its language's CLDR plural categories (ru: one, few, many, other;
    kk and en: one, other), each with the same placeholders and ``{n}``; and picks the right one."""
    plural = 0
    for key, entry in messages.catalogue().items():
        for lang, text in entry.items():
            if not locale.is_plural(text):
                assert not re.match(r"^(one|few|many|other)=", text), f"{key}/{lang}: half a plural text"
                continue
            plural += 1
            forms = locale.variants(text)
            assert set(forms) == locale.categories(lang), f"{key}/{lang}: forms {sorted(forms)}"
            assert all("{n}" in form for form in forms.values()), f"{key}/{lang}: a form without {{n}}"
            assert len({tuple(fields(f)) for f in forms.values()}) == 1, f"{key}/{lang}: forms differ"
    assert plural >= 9
    tr = i18n.Tr("ru")
    assert [tr("years_n", n=n) for n in (1, 2, 5, 11, 21, 22, 25, 112)] == [
        "1 год", "2 года", "5 лет", "11 лет", "21 год", "22 года", "25 лет", "112 лет"]
    assert tr("months_n", n=3) == "3 месяца" and tr("years_n", n=1.5) == "1,5 года"
    assert i18n.Tr("kk")("years_n", n=3) == "3 жыл" and i18n.Tr("en")("years_n", n=1) == "1 year"


def test_the_catalogue_is_every_file_in_resources_messages():
    names = {path.name for path in CATALOGUES}
    assert {"core.json", "reports.json", "titles.json"} <= names
    assert set(messages.files()) == names
    sizes = {name: len(entries) for name, entries in messages.files().items()}
    assert sum(sizes.values()) == len(messages.catalogue()), "a key is in two catalogue files"


def test_every_key_has_en_ru_kk_with_the_same_placeholders():
    kazakh = ""
    for path in CATALOGUES:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = {key: value for key, value in data.items() if not key.startswith("_")}
        assert entries, path.name
        for key, entry in entries.items():
            assert set(entry) == {"en", "ru", "kk"}, f"{path.name}: {key}: languages {sorted(entry)}"
            for lang in ("ru", "kk"):
                assert isinstance(entry[lang], str) and entry[lang].strip(), f"{path.name}: {key}: no {lang} text"
                assert fields(entry[lang]) == fields(entry["en"]), f"{path.name}: {key}/{lang}: placeholders differ"
                words = re.sub(r"{\w*}", "", entry["en"])
                if re.search(r"[a-z]", words):  # "SHA-256" needs no translation; words do
                    assert entry[lang] != entry["en"], f"{path.name}: {key}: {lang} is a copy of the English"
            kazakh += entry["kk"]
    assert set("әғқңөұүі") <= set(kazakh.lower())


def test_reports_and_titles_read_the_catalogue():
    tr = i18n.Tr("kk")
    assert tr("page_of", n=2, m=5) == messages.text("report.page_of", "kk", n=2, m=5) == "5 беттің 2-беті"
    assert tr.months(1, 5) == "қаңтар–мамыр"
    # A record type's title is kept once: the reports and the GUI's type names read titles.json.
    assert tr("ev_examination") == titles.type_title("examination", "kk") == "Медициналық куәландыру"
    assert not set(i18n.TYPE_TITLES) & {key.split(".", 1)[1] for key in messages.files()["reports.json"]}
    assert i18n.catalogue()["case"] == ("Case", "Дело", "Іс")


def translation_tables(source: str) -> list[tuple[int, list[str]]]:
    """Literals that look like a translation table: (en, ru, kk) tuples or {"en", "ru", "kk"} dicts."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) >= 3:
            texts = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if (len(texts) == len(node.elts) and any(CYRILLIC.search(t) for t in texts)
                    and any(LATIN.search(t) and not CYRILLIC.search(t) for t in texts)):
                found.append((node.lineno, texts))
        elif isinstance(node, ast.Dict):
            pairs = {k.value: v.value for k, v in zip(node.keys, node.values)
                     if isinstance(k, ast.Constant) and isinstance(v, ast.Constant) and isinstance(v.value, str)}
            if ({"en", "ru", "kk"} <= set(pairs) and CYRILLIC.search(pairs["ru"] + pairs["kk"])
                    and {pairs["en"], pairs["ru"], pairs["kk"]} != AUTONYMS):
                found.append((node.lineno, [pairs["en"], pairs["ru"], pairs["kk"]]))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            parts = node.value.split("|")
            if len(parts) == 3 and CYRILLIC.search(parts[1]) and LATIN.search(parts[0]):  # "Case|Дело|Іс"
                found.append((node.lineno, parts))
    return found


def test_the_check_finds_a_translation_table():
    assert translation_tables('_T = {"case": ("Case", "Дело", "Іс")}')
    assert translation_tables('MONTHS = ["January", "февраль", "наурыз"]')
    assert translation_tables('T = {"en": "Report", "ru": "Отчёт", "kk": "Есеп"}')
    assert translation_tables('TYPES = {"case": "Case|Дело|Іс"}')
    assert not translation_tables('NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}')
    assert not translation_tables('LOCALES = {"en": "en_GB", "ru": "ru_RU", "kk": "kk_KZ"}')
    assert not translation_tables('SUFFIX = ("ұлы", "қызы", "ов")')


def test_no_module_keeps_its_own_translation_table():
    tables = {}
    for path in sorted((ROOT / "monitor").rglob("*.py")):
        found = translation_tables(path.read_text(encoding="utf-8"))
        if found:
            tables[str(path.relative_to(ROOT))] = found[:3]
    assert tables == {}, "core texts go to resources/messages/*.json, widget texts through Qt tr()"
