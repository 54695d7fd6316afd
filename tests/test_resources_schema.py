"""The shipped JSON Schemas and vocabularies (resources/) are well-formed and agree with each other."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from records import new_case, new_facility, new_person, new_term, new_visit
from referencing import Registry, Resource

from monitor.core.model import registry

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
SCHEMA_DIR = RESOURCES / "schema"
VOCAB_DIR = RESOURCES / "vocabularies"
BASE = "https://schema.monitor.invalid/"

RECORD_TYPES = list(registry.RECORD_TYPES)  # the record-type registry names every type
ALLOWED_KEYWORDS = {
    "$id", "$schema", "$defs", "$ref", "title", "description", "type", "properties", "required",
    "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "enum", "const",
    "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
    "anyOf", "minProperties",
}
# Term attributes besides key and labels (schema v4; docs/data-model.md, "Vocabularies").
TERM_ATTRIBUTES = {"deprecated", "replaced_by", "group", "code", "official_ru"}
VOCAB_KEY = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")


def _load_json(path: Path):
    with path.open(encoding="utf-8") as f:
        return json.load(f)


SCHEMAS = {p.name: _load_json(p) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}
VOCABS = {p.stem: _load_json(p) for p in sorted(VOCAB_DIR.glob("*.json"))}
REGISTRY = Registry().with_resources(
    (s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values()
)


def validator(record_type: str) -> Draft202012Validator:
    return Draft202012Validator(
        SCHEMAS[f"{record_type}.schema.json"],
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def walk(node, path=""):
    """Yield (path, subschema) for every subschema, skipping property names and $defs names."""
    if not isinstance(node, dict):
        return
    yield path, node
    for key in ("properties", "$defs"):
        for name, sub in node.get(key, {}).items():
            yield from walk(sub, f"{path}/{key}/{name}")
    if "items" in node:
        yield from walk(node["items"], f"{path}/items")


def resolved(schema_id: str, sub: dict) -> dict:
    """Follow $ref chains from a subschema to the schema they point at."""
    resolver = REGISTRY.resolver(base_uri=schema_id)
    while "$ref" in sub:
        resolution = resolver.lookup(sub["$ref"])
        resolver, sub = resolution.resolver, resolution.contents
    return sub


# --------------------------------------------------------------------------- schema files


def test_expected_schema_files_exist():
    expected = {"common.schema.json", "revision.schema.json"} | {f"{t}.schema.json" for t in RECORD_TYPES}
    assert set(SCHEMAS) == expected


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_draft_2020_12(name):
    schema = SCHEMAS[name]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == BASE + name
    assert REGISTRY[schema["$id"]].contents is schema


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_all_refs_resolve(name):
    schema = SCHEMAS[name]
    resolver = REGISTRY.resolver(base_uri=schema["$id"])
    refs = [(path, sub["$ref"]) for path, sub in walk(schema) if "$ref" in sub]
    for path, ref in refs:
        target = resolver.lookup(ref).contents
        assert isinstance(target, dict), f"{name}{path}: {ref}"
        if not ref.startswith("#"):
            assert ref.startswith("common.schema.json#/$defs/"), f"{name}{path}: {ref}"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_only_allowed_keywords_and_bounded_arrays(name):
    for path, sub in walk(SCHEMAS[name]):
        for key in sub:
            assert key in ALLOWED_KEYWORDS or key.startswith("x-"), f"{name}{path}: {key}"
        types = sub.get("type")
        if types == "array" or (isinstance(types, list) and "array" in types):
            assert isinstance(sub.get("maxItems"), int), f"{name}{path}: array without maxItems"
        if types == "object" or "properties" in sub:
            assert sub.get("additionalProperties") is False, f"{name}{path}: open object"


@pytest.mark.parametrize("record_type", RECORD_TYPES)
def test_record_schema_shape(record_type):
    schema = SCHEMAS[f"{record_type}.schema.json"]
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert schema["title"] and schema["description"]
    assert schema["required"][:2] == ["id", "type"]
    assert schema["properties"]["id"]["$ref"] == "common.schema.json#/$defs/uuid"
    assert "x-ref" not in schema["properties"]["id"]
    assert schema["properties"]["type"] == {"const": record_type}
    for req in schema["required"]:
        assert req in schema["properties"]


def test_annotations_point_at_existing_vocabularies_and_types():
    seen_vocabs = set()
    for name, schema in SCHEMAS.items():
        for path, sub in walk(schema):
            if "x-vocabulary" in sub:
                vocab = sub["x-vocabulary"]
                assert vocab in VOCABS, f"{name}{path}: unknown vocabulary {vocab}"
                assert sub.get("$ref") == "common.schema.json#/$defs/vocab_key" or (
                    name == "common.schema.json" and sub.get("$ref") == "#/$defs/vocab_key"
                ), f"{name}{path}"
                assert "enum" not in sub, f"{name}{path}: vocabulary field must not be an enum"
                seen_vocabs.add(vocab)
            if "x-ref" in sub:
                targets = sub["x-ref"]
                assert targets and isinstance(targets, list)
                assert targets == ["*"] or set(targets) <= set(RECORD_TYPES), f"{name}{path}: {targets}"
                assert resolved(schema["$id"], sub)["pattern"].startswith("^[0-9a-f]{8}-")
    # every vocabulary is used by at least one field
    assert seen_vocabs == set(VOCABS)


def test_specific_annotations():
    def prop(type_, name):
        return SCHEMAS[f"{type_}.schema.json"]["properties"][name]

    assert prop("attachment", "parent_id")["x-ref"] == ["*"]
    assert set(prop("link", "target_id")["x-ref"]) == {
        "case", "visit", "interview", "examination", "complaint", "proceeding"}
    assert set(prop("addendum", "target_id")["x-ref"]) == {"interview", "examination"}
    injury = SCHEMAS["examination.schema.json"]["$defs"]["injury"]
    assert injury["properties"]["photo_ids"]["items"]["x-ref"] == ["attachment"]
    assert injury["properties"]["side"]["enum"] == ["front", "back"]
    assert "x-ref" not in injury["properties"]["id"]
    visit_defs = SCHEMAS["visit.schema.json"]["$defs"]
    assert "x-ref" not in visit_defs["recommendation"]["properties"]["follows"]
    source = visit_defs["finding"]["properties"]["sources"]["items"]
    assert source["properties"]["record_id"]["x-ref"] == ["interview", "attachment"]
    allegation = SCHEMAS["case.schema.json"]["$defs"]["allegation"]
    assert allegation["properties"]["methods"]["items"]["x-vocabulary"] == "method"
    for type_ in ("interview", "examination"):
        props = SCHEMAS[f"{type_}.schema.json"]["properties"]
        assert props["sealed"] == {"type": "boolean"}
        assert props["sealed_at"]["$ref"].endswith("/datetime")
        assert props["sealed_by"]["$ref"].endswith("/short")
    assert set(SCHEMAS["term.schema.json"]["properties"]["vocabulary"]["enum"]) == set(VOCABS)
    # The type list is the registry's (the gate checks it); the envelope only says what a type name looks like.
    assert "enum" not in SCHEMAS["revision.schema.json"]["properties"]["record_type"]


# --------------------------------------------------------------------------- vocabularies


@pytest.mark.parametrize("name", sorted(VOCABS))
def test_vocabulary_file(name):
    vocab = VOCABS[name]
    assert {"vocabulary", "labels", "closed", "terms"} <= set(vocab) <= {"vocabulary", "labels", "closed", "terms", "notes"}
    assert vocab["vocabulary"] == name
    assert isinstance(vocab["closed"], bool)
    for lang in ("en", "ru", "kk"):
        assert isinstance(vocab["labels"][lang], str) and vocab["labels"][lang].strip()
    keys = [t["key"] for t in vocab["terms"]]
    assert keys, name
    assert len(keys) == len(set(keys)), f"{name}: duplicate keys"
    for term in vocab["terms"]:
        assert {"key", "labels"} <= set(term) <= {"key", "labels"} | TERM_ATTRIBUTES
        if term.get("deprecated"):
            assert term["replaced_by"] in keys, f"{name}/{term['key']}: merged into an unknown term"
        assert VOCAB_KEY.fullmatch(term["key"]), term["key"]
        assert set(term["labels"]) == {"en", "ru", "kk"}
        for lang, label in term["labels"].items():
            assert isinstance(label, str) and label.strip(), f"{name}/{term['key']}/{lang}"
            assert len(label) <= 2000
        assert re.search("[а-яё]", term["labels"]["ru"], re.I), f"{name}/{term['key']}: ru not Cyrillic"
        assert re.search("[а-яёәғқңөұүһі]", term["labels"]["kk"], re.I), f"{name}/{term['key']}: kk not Cyrillic"
    # a term record for this vocabulary would be valid
    term_record = new_term("00000000-0000-4000-8000-000000000001", keys[0], vocab["terms"][0]["labels"],
                           vocabulary=name)
    assert not list(validator("term").iter_errors(term_record))


def test_consistency_vocabulary_is_closed_istanbul_protocol():
    vocab = VOCABS["consistency"]
    assert vocab["closed"] is True
    assert [(t["key"], t["labels"]["en"]) for t in vocab["terms"]] == [
        ("not_consistent", "not consistent with"),
        ("consistent", "consistent with"),
        ("highly_consistent", "highly consistent with"),
        ("typical", "typical of"),
        ("diagnostic", "diagnostic of"),
    ]


def test_article_vocabulary():
    keys = [t["key"] for t in VOCABS["article"]["terms"]]
    for key in ("cc1997-141-1", "cc1997-308", "cc2014-146", "cc2014-362", "other"):
        assert key in keys
    labels = {t["key"]: t["labels"] for t in VOCABS["article"]["terms"]}
    assert labels["cc2014-146"]["en"] == "Criminal Code 2014, Art. 146 (Torture)"
    assert labels["cc1997-141-1"]["ru"] == "УК РК 1997, ст. 141-1 (Пытки)"
    assert labels["cc2014-146"]["kk"].startswith("ҚР ҚК 2014, 146-бап")


def test_other_vocabularies_are_open():
    # consistency: the five Istanbul Protocol terms; diagram_view: the views drawn in resources/diagrams
    assert [n for n, v in VOCABS.items() if v["closed"]] == ["consistency", "diagram_view"]


# --------------------------------------------------------------------------- examples


def uid(n: int) -> str:
    return f"{n:08x}-0000-4000-8000-{n:012x}"


CONSENT = {
    "documentation": True, "photographs": True, "intimate_photographs": False,
    "share_with_lawyer": True, "anonymised_reports": True, "publication_with_name": False,
}

MINIMAL = {
    "facility": new_facility(uid(1), name="ИВС ДП Қарағанды облысы", type_key="ivs"),
    "visit": new_visit(uid(2), uid(1), date_start="2026-03-01"),
    "person": new_person(uid(3), code="P-2026-0042"),
    "case": new_case(uid(4), code="KZ-2026-0007", title="Қарағанды облысы, ИВС: ұрып-соғу", status="open"),
    "link": {"id": uid(5), "type": "link", "person_id": uid(3), "target_id": uid(4), "role": "victim"},
    "interview": {"id": uid(6), "type": "interview", "person_id": uid(3), "interviewers": ["Айгүл"],
                  "date": "2026-03-01T10:15:00+05:00", "private": True,
                  "narrative": "Мені Қарағанды облысы ИВС-інде ұрып-соқты.", "reprisal_risk": "high",
                  "consent": CONSENT},
    "examination": {"id": uid(7), "type": "examination", "person_id": uid(3),
                    "examiner": {"name": "Дәрігер Сәкенов"}, "date": "2026-03-02T09:00:00Z"},
    "attachment": {"id": uid(8), "type": "attachment", "sha256": "ab" * 32, "size": 0,
                   "mime_type": "image/jpeg"},
    "complaint": {"id": uid(9), "type": "complaint", "case_id": uid(4), "date_filed": "2026-03-05",
                  "authority": "prosecutor", "status": "filed"},
    "proceeding": {"id": uid(10), "type": "proceeding", "case_id": uid(4), "authority": "prosecutor",
                   "status": "pre_investigation"},
    "addendum": {"id": uid(11), "type": "addendum", "target_id": uid(6), "text": "Қосымша мәлімет.",
                 "author": "Айгүл", "date": "2026-03-03T12:00:00Z"},
    "term": new_term(uid(12), "waterboarding", {"en": "Waterboarding"}),
    "consent": {"id": uid(14), "type": "consent", "person_id": uid(3), "date": "2026-03-01T10:00:00+05:00",
                "method": "written", "scope": {"documentation": True}},
    "reprisal": {"id": uid(15), "type": "reprisal", "person_id": uid(3), "date": "2026-04-01",
                 "kind": "transfer"},
    "statistic": {"id": uid(16), "type": "statistic", "source_document": "Бас прокуратура", "value": 304,
                  "period_start": "2013-01-01", "period_end": "2013-05-31", "indicator": "complaints_registered"},
}

FULL = {
    "facility": {**MINIMAL["facility"], "type_key": "colony", "regime": "medium",
                 "region": "Қарағанды облысы", "address": "Қарағанды қ.", "authority": "КУИС МВД РК",
                 "capacity": 1200, "notes": "…"},
    "visit": {**MINIMAL["visit"], "date_end": "2026-03-02", "team": ["Айгүл", "Ерлан"], "announced": False,
              "visit_kind": "follow_up", "focus": "healthcare", "cooperation": "good", "obstruction": "",
              "population": {"total": 800, "capacity": 1200, "pretrial": 0, "sentenced": 800,
                             "administrative": 0, "women": 0, "minors": 0, "foreigners": 12},
              "conditions": [{"theme": "food_water", "rating": "poor", "notes": "Су жеткіліксіз."}],
              "findings": [{"id": uid(100), "theme": "treatment", "text": "Ұрып-соғу туралы хабарлар.",
                            "sources": [{"kind": "interview_detainee", "record_id": uid(6), "note": "x"},
                                        {"kind": "observation"}]}],
              "recommendations": [{"id": uid(101), "text": "Бейнебақылау орнату.", "addressee": "ДУИС",
                                   "priority": "urgent", "status": "repeated", "follows": uid(99)}],
              "good_practices": ["Кітапхана бар."], "changes_since_last": "…", "summary": "…", "notes": "…"},
    "person": {**MINIMAL["person"], "identity": {
        "name_cyrillic": "Сәрсенбаев Нұрлан", "name_latin": "Sarsenbayev Nurlan", "date_of_birth": "1990-01-31",
        "gender": "male", "nationality": "Қазақстан", "languages": ["kk", "ru"], "contact": "+7 700 000 0000"},
        "notes": "…"},
    "case": {**MINIMAL["case"], "facility_id": uid(1), "period_start": "2026-02-01", "period_end": "2026-02-03",
             "summary": "…", "tags": ["ИВС"],
             "allegations": [{"id": uid(200), "date": "2026-02-01", "date_end": "2026-02-02",
                              "place": "Қарағанды облысы", "facility_id": uid(1),
                              "description": "Ұрып-соғу, тұншықтыру.", "methods": ["beating", "suffocation"],
                              "perpetrators": [{"person_id": uid(13), "involvement": "direct", "note": "x"}]}]},
    "link": {**MINIMAL["link"], "role": "alleged_perpetrator", "rank": "капитан", "unit": "ОП", "uniform": "форма",
             "notes": "…"},
    "interview": {**MINIMAL["interview"], "case_id": uid(4), "visit_id": uid(2), "place": "Қарағанды",
                  "language": "kk", "interpreter": {"present": True, "name": "Әсел", "language": "kk-ru"},
                  "persons_present": ["Әсел"], "chaperone": "—", "follow_up": "…",
                  "consent": {**CONSENT, "date": "2026-03-01T10:00:00Z", "method": "oral_witnessed", "notes": "…"},
                  "sealed": True, "sealed_at": "2026-03-01T12:00:00.123456Z", "sealed_by": "Айгүл"},
    "examination": {**MINIMAL["examination"], "case_id": uid(4),
                    "examiner": {"name": "Дәрігер Сәкенов", "qualifications": "сот-медициналық сарапшы"},
                    "place": "Қарағанды", "requesting_party": "адвокат", "interpreter": "Әсел",
                    "persons_present": [], "restraints": "жоқ", "conditions": "…", "restrictions": "…",
                    "history": "…", "symptoms": "…", "psychological_findings": "…", "diagnostic_tests": "…",
                    "consultations": "…", "interpretation": "…", "overall_opinion": "highly_consistent",
                    "conclusions": "…", "recommendations": "…", "sealed": False,
                    "injuries": [{"id": uid(300), "side": "back", "x": 0.5, "y": 1, "region": "back_upper",
                                  "injury_type": "bruise", "length_mm": 40, "width_mm": 12.5, "shape": "сопақ",
                                  "colour": "көк", "estimated_age": "3–5 күн", "attributed_cause": "таяқ",
                                  "consistency": "typical", "notes": "…", "photo_ids": [uid(8)]}]},
    "attachment": {**MINIMAL["attachment"], "size": 123456, "original_name": "../../etc/passwd",
                   "captured_at": "2026-03-02T09:10:00+05:00", "added_by": "Айгүл", "parent_id": uid(7),
                   "caption": "Арқа", "has_scale": True, "intimate": False, "description": "…"},
    "complaint": {**MINIMAL["complaint"], "complainant_id": uid(3), "filed_by": "адвокат",
                  "authority_name": "Қарағанды облысының прокуратурасы", "reference": "№ 123",
                  "statement": "…", "reply_date": "2026-04-01", "reply": "…", "status": "refused"},
    "proceeding": {**MINIMAL["proceeding"], "complaint_id": uid(9), "case_number": "261500031000123",
                   "date_opened": "2026-03-10", "date_refused": "2026-03-20", "article": "cc2014-146",
                   "status": "judgment", "outcome": "conviction", "judgment_date": "2026-09-01",
                   "defendants": [uid(13)], "sentence_years": 5.5, "sentence_suspended": False,
                   "appeal": {"date": "2026-09-15", "by": "прокурор", "outcome": "pending", "notes": "…"},
                   "notes": "…"},
    "addendum": MINIMAL["addendum"],
    "term": {**MINIMAL["term"], "vocabulary": "article", "key": "cc2014-107",
             "labels": {"en": "Criminal Code 2014, Art. 107", "ru": "УК РК 2014, ст. 107",
                        "kk": "ҚР ҚК 2014, 107-бап"}},
    "consent": {**MINIMAL["consent"], "taken_by": "Айгүл", "covers": [uid(6), uid(7)], "withdrawal": True,
                "interpreter": "Әсел", "notes": "…",
                "scope": {"documentation": True, "photographs": False, "intimate_photographs": False,
                          "audio": False, "share_with_lawyer": True, "share_with_prosecutor": False,
                          "share_with_un": True, "complaint_in_name": True, "anonymised_reports": True,
                          "publication_with_name": False}},
    "reprisal": {**MINIMAL["reprisal"], "description": "ШИЗО", "case_id": uid(4), "complaint_id": uid(9),
                 "visit_id": uid(2), "interview_id": uid(6), "facility_id": uid(1),
                 "counter_charge_article": {"article": "cc2014-419", "part": "1"}, "reported_by": "анасы",
                 "action_taken": "…", "notes": "…"},
    "statistic": {**MINIMAL["statistic"], "source_authority": "prosecutor", "article": "cc1997-141-1",
                  "region": "Қарағанды облысы", "facility_type": "colony", "notes": "…"},
}


def _from_sample_records() -> None:
    """A type with no examples of its own here (a type added later) is checked with its record in
    tests/records.py: that record as the full example, its required fields as the minimal one."""
    from records import full_set

    for record in full_set("0" * 64, 1):
        t = record["type"]
        if t not in FULL:
            FULL[t] = record
            required = SCHEMAS[f"{t}.schema.json"]["required"]
            MINIMAL[t] = {k: v for k, v in record.items() if k in required}


_from_sample_records()


def errors(record_type, record):
    return list(validator(record_type).iter_errors(record))


@pytest.mark.parametrize("record_type", RECORD_TYPES)
def test_minimal_example_is_valid(record_type):
    assert errors(record_type, MINIMAL[record_type]) == []


@pytest.mark.parametrize("record_type", RECORD_TYPES)
def test_full_example_is_valid(record_type):
    assert errors(record_type, FULL[record_type]) == []


@pytest.mark.parametrize("record_type", RECORD_TYPES)
def test_every_required_field_is_required(record_type):
    schema = SCHEMAS[f"{record_type}.schema.json"]
    for field in schema["required"]:
        record = copy.deepcopy(MINIMAL[record_type])
        del record[field]
        assert errors(record_type, record), f"{record_type} without {field} accepted"


@pytest.mark.parametrize("record_type", RECORD_TYPES)
def test_unknown_field_null_and_wrong_type_rejected(record_type):
    record = {**MINIMAL[record_type], "unexpected": "x"}
    assert errors(record_type, record)
    for field in SCHEMAS[f"{record_type}.schema.json"]["properties"]:
        if field in ("id", "type"):
            continue
        assert errors(record_type, {**MINIMAL[record_type], field: None}), f"{record_type}.{field}: null accepted"
    assert errors(record_type, {**MINIMAL[record_type], "id": "ABCDEF01-0000-4000-8000-00000000000A"})
    assert errors(record_type, {**MINIMAL[record_type], "type": "other"})
    assert errors(record_type, {**MINIMAL[record_type], "id": 5})


@pytest.mark.parametrize(
    "record_type, patch",
    [
        ("interview", {"narrative": "я" * 1_000_001}),
        ("interview", {"narrative": 42}),
        ("interview", {"interviewers": []}),
        ("interview", {"private": "yes"}),
        ("interview", {"date": "2026-03-01T10:15:00"}),  # no zone
        ("interview", {"date": "2026-03-01"}),
        ("interview", {"date": "2026-13-01T25:61:00Z"}),
        ("interview", {"date": "2026-03-01 10:15:00+05:00"}),
        ("interview", {"consent": {**CONSENT, "extra": True}}),
        ("interview", {"consent": {k: v for k, v in CONSENT.items() if k != "photographs"}}),
        ("interview", {"interpreter": {"name": "Әсел"}}),
        ("interview", {"reprisal_risk": "High Risk"}),
        ("interview", {"sealed": "true"}),
        ("interview", {"follow_up": "я" * 100_001}),
        ("facility", {"name": "я" * 2001}),
        ("facility", {"capacity": -1}),
        ("facility", {"capacity": 1.5}),
        ("facility", {"type_key": ""}),
        ("facility", {"type_key": "Bad Key"}),
        ("visit", {"date_start": "2026-02-30"}),
        ("visit", {"date_start": "01.03.2026"}),
        ("visit", {"facility_id": "not-a-uuid"}),
        ("visit", {"population": {"total": -5}}),
        ("visit", {"population": {"men": 5}}),
        ("visit", {"team": ["x"] * 101}),
        ("visit", {"findings": [{"id": uid(1), "theme": "staff"}]}),
        ("visit", {"recommendations": [{"id": uid(1), "text": "x"}]}),
        ("person", {"code": "P-26-1"}),
        ("person", {"identity": {"name": "x"}}),
        ("case", {"code": "kz-2026-0007"}),
        ("case", {"allegations": [{"id": uid(1), "description": "x", "methods": []}]}),
        ("case", {"allegations": [{"id": uid(1), "description": "x"}]}),
        ("examination", {"examiner": {"qualifications": "x"}}),
        ("examination", {"injuries": [{"id": uid(1), "side": "left", "x": 0.5, "y": 0.5, "region": "head",
                                       "injury_type": "bruise", "consistency": "consistent"}]}),
        ("examination", {"injuries": [{"id": uid(1), "side": "front", "x": 1.5, "y": 0.5, "region": "head",
                                       "injury_type": "bruise", "consistency": "consistent"}]}),
        ("examination", {"injuries": [{"id": uid(1), "side": "front", "x": 0.5, "y": 0.5, "region": "head",
                                       "injury_type": "bruise"}]}),
        ("examination", {"interpreter": {"present": True}}),
        ("attachment", {"sha256": "AB" * 32}),
        ("attachment", {"sha256": "ab" * 31}),
        ("attachment", {"sha256": "ab" * 32 + "\n"}),
        ("facility", {"id": uid(1) + "\n"}),
        ("attachment", {"size": -1}),
        ("proceeding", {"sentence_years": -1}),
        ("proceeding", {"defendants": [uid(1), uid(1)]}),
        ("proceeding", {"appeal": {"outcome": "won", "court": "x"}}),
        ("term", {"vocabulary": "no_such_vocabulary"}),
        ("term", {"labels": {"ru": "только русский"}}),
        ("term", {"labels": {"en": ""}}),
        ("term", {"labels": {"en": "x", "de": "y"}}),
        ("term", {"key": "x" * 65}),
    ],
)
def test_invalid_examples_rejected(record_type, patch):
    assert errors(record_type, {**MINIMAL[record_type], **patch})


# --------------------------------------------------------------------------- revisions


REVISION = {
    "rev": uid(500), "record_id": uid(6), "record_type": "interview", "parents": [uid(499)],
    "author": "Айгүл", "device": uid(501), "created_at": "2026-03-01T05:15:00.000000Z", "deleted": False,
    "body": MINIMAL["interview"], "hash": "v2:" + "0" * 64,
}


def test_revision_envelope():
    v = validator("revision")
    assert not list(v.iter_errors(REVISION))
    assert not list(v.iter_errors({**REVISION, "parents": [], "deleted": True, "body": None}))
    for field in REVISION:
        assert list(v.iter_errors({k: x for k, x in REVISION.items() if k != field})), field
    assert list(v.iter_errors({**REVISION, "record_type": "Interview"}))
    assert list(v.iter_errors({**REVISION, "record_type": "x" * 33}))
    assert list(v.iter_errors({**REVISION, "parents": [uid(1), uid(1)]}))
    assert list(v.iter_errors({**REVISION, "body": []}))
    assert list(v.iter_errors({**REVISION, "hash": "0" * 63}))
    assert not list(v.iter_errors({**REVISION, "hash": "0" * 64}))  # version 1, older revisions
    assert list(v.iter_errors({**REVISION, "created_at": "2026-03-01T10:15:00+05:00"}))  # UTC only, one form
    assert list(v.iter_errors({**REVISION, "extra": 1}))
