"""Every schema field and record type has a title in en, ru and kk."""

from __future__ import annotations

import re

from monitor.core.model import schema, titles

KAZAKH = set("әғқңөұүһі")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def test_every_schema_field_has_a_russian_and_kazakh_title():
    names = set()
    for record_type in schema.RECORD_TYPES:
        names |= titles.schema_field_names(schema.inlined(record_type))
    fields = titles.catalogue()["fields"]
    missing = {lang: sorted(n for n in names if not (fields.get(n) or {}).get(lang)) for lang in ("en", "ru", "kk")}
    assert missing == {"en": [], "ru": [], "kk": []}, "add these to resources/messages/titles.json"


def test_every_record_type_has_a_title_in_three_languages():
    for record_type in schema.RECORD_TYPES:
        entry = titles.catalogue()["types"].get(record_type)
        assert entry and all(entry.get(lang) for lang in ("en", "ru", "kk")), record_type


def test_titles_are_translated_not_copied():
    cat = titles.catalogue()
    for group in ("fields", "paths", "types"):
        for name, entry in cat[group].items():
            if entry["en"] in ("SHA-256",):
                continue
            assert CYRILLIC.search(entry["ru"]) and CYRILLIC.search(entry["kk"]), (group, name)
    kk_text = "".join(e["kk"] for e in cat["fields"].values()).lower()
    assert KAZAKH <= set(kk_text) | {"һ"}


def test_lookup_by_path_then_name():
    assert titles.field_title("visit.outcome", "ru") == "Итог посещения"
    assert titles.field_title("proceeding.outcome", "ru") == "Исход дела"
    assert titles.field_title("visit.findings[3].theme", "kk") == "Тақырып"
    assert titles.field_title("interview.narrative", "kk").startswith("Әңгіме")
    assert titles.field_title("x.brand_new_field", "ru") == "brand new field"
    assert titles.type_title("examination", "kk") == "Медициналық куәландыру"
