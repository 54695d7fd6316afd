"""monitor.core.demo.data: deterministic, schema-valid, referentially ordered demo records and PNG blobs."""

from __future__ import annotations

import hashlib
import json
from datetime import date
import re
import struct
import time
import zlib
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from monitor.core.model import registry
from monitor.core.demo import data as demo_data
from monitor.core.demo.data import DEMO_MARKER, generate, png_photo

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
SCHEMA_DIR = RESOURCES / "schema"
VOCAB_DIR = RESOURCES / "vocabularies"

RECORD_TYPES = list(registry.RECORD_TYPES)  # the record-type registry names every type
KAZAKH_LETTERS = "әғқңөұүһі"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _load(path: Path):
    with path.open(encoding="utf-8") as f:
        return json.load(f)


SCHEMAS = {p.name[: -len(".schema.json")]: _load(p) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}
VOCABS = {p.stem: {t["key"] for t in _load(p)["terms"]} for p in sorted(VOCAB_DIR.glob("*.json"))}
REGISTRY = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())
def test_schemas_and_vocabularies_are_shipped():
    assert all(t in SCHEMAS for t in RECORD_TYPES)
    assert VOCABS


@pytest.fixture(scope="module")
def items():
    return list(generate(cases=30, seed=7))


@pytest.fixture(scope="module")
def records(items):
    return [obj for kind, obj in items if kind == "record"]


# --------------------------------------------------------------------------- helpers


def walk_schema(schema_id: str, node, instance, found):
    """Walk a record and its schema together, collecting (annotation, value, path) for x-vocabulary and
    x-ref annotations. The schemas use only properties/items/$ref (see tests/test_resources_schema.py)."""
    resolver = REGISTRY.resolver(base_uri=schema_id)
    _walk(resolver, node, instance, found, "")


def _walk(resolver, node, instance, found, path):
    if "x-vocabulary" in node and isinstance(instance, str):
        found.append(("vocab", node["x-vocabulary"], instance, path))
    if "x-ref" in node and isinstance(instance, str):
        found.append(("ref", tuple(node["x-ref"]), instance, path))
    while "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        resolver, node = resolved.resolver, resolved.contents
        if "x-vocabulary" in node and isinstance(instance, str):
            found.append(("vocab", node["x-vocabulary"], instance, path))
    if isinstance(instance, dict):
        for key, value in instance.items():
            sub = node.get("properties", {}).get(key)
            if sub is not None:
                _walk(resolver, sub, value, found, f"{path}/{key}")
    elif isinstance(instance, list) and "items" in node:
        for i, value in enumerate(instance):
            _walk(resolver, node["items"], value, found, f"{path}/{i}")


def named_references(record):
    """(path, id) for every field the brief calls a reference, found by name rather than by schema."""
    out = []

    def visit(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                p = f"{path}/{key}"
                if key not in ("id", "allegation_id") and key.endswith("_id") and isinstance(value, str):
                    out.append((p, value))
                elif key in ("photo_ids", "defendants") and isinstance(value, list):
                    out.extend((f"{p}/{i}", v) for i, v in enumerate(value))
                else:
                    visit(value, p)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                visit(value, f"{path}/{i}")

    visit(record, "")
    return out


def png_chunks(blob: bytes):
    assert blob[:8] == PNG_SIGNATURE
    pos = 8
    while pos < len(blob):
        (length,) = struct.unpack(">I", blob[pos:pos + 4])
        tag = blob[pos + 4:pos + 8]
        data = blob[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", blob[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(tag + data) & 0xFFFFFFFF, tag
        yield tag, data
        pos += 12 + length
    assert pos == len(blob)


# --------------------------------------------------------------------------- determinism and shape


def test_deterministic_and_seed_dependent(items):
    assert list(generate(cases=30, seed=7)) == items
    assert list(generate(cases=30, seed=8)) != items


@pytest.mark.process
def test_same_items_whatever_the_hash_seed():
    """No set or dict order leaks into the output: two interpreters with different hash seeds agree."""
    import os
    import subprocess
    import sys

    code = ("import hashlib, json; from monitor.core.demo.data import generate; h = hashlib.sha256(); "
            "[h.update(o if k == 'blob' else json.dumps(o, ensure_ascii=False).encode()) for k, o in generate(40, 3)]; "
            "print(h.hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1 and len(digests.pop().strip()) == 64


def test_generate_is_lazy():
    it = generate(cases=10_000, seed=1)
    assert iter(it) is it
    first = [next(it) for _ in range(20)]
    assert all(kind in ("blob", "record") for kind, _ in first)


def test_items_are_blobs_or_records(items):
    for kind, obj in items:
        assert kind in ("blob", "record")
        assert isinstance(obj, bytes if kind == "blob" else dict)


def test_every_record_type_appears(records):
    counts = Counter(r["type"] for r in records)
    assert set(counts) == set(RECORD_TYPES), counts
    assert counts["case"] == 30
    assert counts["facility"] == 10
    assert counts["visit"] == 5


def test_ids_unique_lowercase_uuid4(records):
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for rid in ids:
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", rid)


def test_codes_unique_and_well_formed():
    records = [o for k, o in generate(cases=400, seed=3) if k == "record"]
    persons = [r["code"] for r in records if r["type"] == "person"]
    cases = [r["code"] for r in records if r["type"] == "case"]
    assert len(persons) == len(set(persons)) and len(cases) == len(set(cases)) == 400
    assert all(re.fullmatch(r"P-(\d{4})-\d{4,6}", c) for c in persons)
    assert all(re.fullmatch(r"KZ-(\d{4})-\d{4}", c) for c in cases)
    years = {int(c[3:7]) for c in cases}
    assert min(years) == 2009 and max(years) >= 2025


# --------------------------------------------------------------------------- schemas and vocabularies


def test_every_record_validates_against_its_schema(records):
    validators = {
        t: Draft202012Validator(SCHEMAS[t], registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for t in RECORD_TYPES
    }
    for record in records:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validators[record["type"]].iter_errors(record)]
        assert not errors, (record["type"], record["id"], errors[:5])


def test_dates_and_datetimes_are_valid(records):
    from datetime import date, datetime

    dt_re = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")
    seen = 0

    def check(node):
        nonlocal seen
        if isinstance(node, dict):
            for v in node.values():
                check(v)
        elif isinstance(node, list):
            for v in node:
                check(v)
        elif isinstance(node, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", node):
            assert date(2009, 1, 1) <= date.fromisoformat(node) <= date(2026, 12, 31)
            seen += 1
        elif isinstance(node, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", node):
            assert dt_re.fullmatch(node), node
            assert datetime.fromisoformat(node).utcoffset() is not None
            seen += 1

    for record in records:
        check({k: v for k, v in record.items() if k != "identity"})
        if record["type"] == "person" and "date_of_birth" in record["identity"]:
            assert date.fromisoformat(record["identity"]["date_of_birth"]) < date(2012, 1, 1)
    assert seen > 100


def test_vocabulary_values_are_known_keys(records):
    extra: dict[str, set[str]] = {}
    checked = Counter()
    for record in records:
        found = []
        walk_schema(SCHEMAS[record["type"]]["$id"], SCHEMAS[record["type"]], record, found)
        for kind, name, value, path in found:
            if kind != "vocab":
                continue
            assert value in VOCABS[name] or value in extra.get(name, ()), (record["type"], path, name, value)
            checked[name] += 1
        if record["type"] == "term":
            extra.setdefault(record["vocabulary"], set()).add(record["key"])
    for name in ("facility_type", "method", "role", "consistency", "body_region", "injury_type", "article",
                 "complaint_status", "proceeding_status", "visit_theme", "recommendation_status", "source_kind"):
        assert checked[name], name
    # the coordinator-added terms are both declared and used
    assert extra.get("method") and extra.get("article")


def test_vocabulary_coverage():
    records = [o for k, o in generate(cases=400, seed=11) if k == "record"]
    facilities = [r for r in records if r["type"] == "facility"]
    assert {f["type_key"] for f in facilities} == set(demo_data.FACILITY_TYPES)
    for f in facilities:
        assert ("regime" in f) == (f["type_key"] == "colony")
    visits = [r for r in records if r["type"] == "visit"]
    for v in visits:
        if v["outcome"] == "refused":  # turned away at the gate: nothing could be assessed
            assert not v.get("conditions") and not v.get("findings") and v["interviews_count"] == 0
            assert v["access_denied"]["refused_by"] and v["access_denied"]["reason_given"]
            continue
        themes = {c["theme"] for c in v["conditions"]}
        assert set(demo_data.MATERIAL_THEMES) <= themes and len(themes) >= 5
        for finding in v["findings"]:
            assert finding["sources"]
    recs = [rec for v in visits for rec in v["recommendations"]]
    assert any("follows" in rec for rec in recs)
    assert {v["visit_kind"] for v in visits} == {"first", "follow_up"}
    roles = {r["role"] for r in records if r["type"] == "link"}
    assert {"victim", "witness", "alleged_perpetrator", "lawyer"} <= roles
    for link in (r for r in records if r["type"] == "link" and r["role"] == "alleged_perpetrator"):
        assert link["rank"] and link["unit"] and link["uniform"]
    interviews = [r for r in records if r["type"] == "interview"]
    assert {i["language"] for i in interviews} == {"ru", "kk", "en"}
    assert any(i.get("sealed") for i in interviews) and not all(i.get("sealed") for i in interviews)
    for i in interviews:
        if i.get("sealed"):
            assert i["sealed_at"] >= i["date"][:10] and i["sealed_by"]
    exams = [r for r in records if r["type"] == "examination"]
    assert any(e.get("sealed") for e in exams)
    assert any(inj.get("photo_ids") for e in exams for inj in e["injuries"])
    by_id = {r["id"]: r for r in records}
    shown = [(e, by_id[pid]) for e in exams for inj in e["injuries"] for pid in inj.get("photo_ids", ())]
    assert any(e.get("sealed") for e, _ in shown) and not all(e.get("sealed") for e, _ in shown)
    for e, photo in shown:  # sealed with the examination that shows it, as Vault.seal seals it
        assert [photo.get(k) for k in ("sealed", "sealed_at", "sealed_by")] == \
            ([True, e["sealed_at"], e["sealed_by"]] if e.get("sealed") else [None] * 3)
    proceedings = [r for r in records if r["type"] == "proceeding"]
    outcomes = Counter(p.get("outcome") for p in proceedings)
    assert outcomes["refused"] >= 1
    for p in proceedings:
        if p.get("outcome") == "conviction":
            assert p["defendants"] and p["charges"]
            for charge in p["charges"]:
                for punishment in charge.get("punishments", []):
                    assert punishment.get("years", 0) <= 7  # the report: seven years at most
    cases = {r["id"]: r for r in records if r["type"] == "case"}
    for p in proceedings:
        if "article" in p and p["article"].startswith("cc"):
            start = cases[p["case_id"]]["period_start"]
            assert p["article"].startswith("cc1997") == (start < "2015-01-01"), (p["article"], start)


@pytest.fixture(scope="module")
def demo_1000():
    """The 1,000-case demo the consistency rules are checked over (generated once, ~3 s)."""
    return [o for k, o in generate(cases=1000, seed=5) if k == "record"]


def test_realistic_proportions(demo_1000):
    records = demo_1000
    c = Counter(r["type"] for r in records)
    assert c["case"] == 1000
    assert c["facility"] == 50 and c["visit"] == 100
    assert 1000 <= c["complaint"] <= 2000
    assert 50 <= c["proceeding"] <= 160  # ~10%: many complaints, few criminal cases
    assert 450 <= c["examination"] <= 750  # ~60%
    assert c["interview"] >= 1000
    victims = sum(1 for r in records if r["type"] == "link" and r["role"] == "victim")
    assert victims == 1000
    convictions = [r for r in records if r["type"] == "proceeding" and r.get("outcome") == "conviction"]
    refusals = [r for r in records if r["type"] == "proceeding" and r["status"] == "refused_to_open"]
    assert len(refusals) > len(convictions)
    kinds = {pu["kind"] for p in convictions for c in p["charges"] for pu in c.get("punishments", [])}
    assert {"imprisonment", "suspended_imprisonment"} <= kinds


# --------------------------------------------------------------------------- references and blobs


def test_references_point_to_earlier_records(items):
    seen: dict[str, str] = {}
    recommendation_ids: set[str] = set()
    allegations: dict[str, set[str]] = {}
    blobs: set[str] = set()
    x_ref_checked = 0
    for kind, obj in items:
        if kind == "blob":
            blobs.add(hashlib.sha256(obj).hexdigest())
            continue
        record = obj
        for path, ref in named_references(record):
            assert ref in seen, (record["type"], path, ref)
        if record["type"] in SCHEMAS:
            found = []
            walk_schema(SCHEMAS[record["type"]]["$id"], SCHEMAS[record["type"]], record, found)
            for k, targets, value, path in found:
                if k == "ref":
                    assert value in seen, (record["type"], path)
                    assert targets == ("*",) or seen[value] in targets, (record["type"], path, seen[value], targets)
                    x_ref_checked += 1
        if record["type"] == "visit":
            for rec in record.get("recommendations", []):
                if "follows" in rec:
                    assert rec["follows"] in recommendation_ids
            recommendation_ids.update(rec["id"] for rec in record.get("recommendations", []))
        if record["type"] == "case":
            for allegation in record.get("allegations", []):
                for perp in allegation.get("perpetrators", []):
                    assert seen.get(perp["person_id"]) == "person"
        if record["type"] == "proceeding":
            assert all(seen.get(p) == "person" for p in record.get("defendants", []))
        if record["type"] == "case":
            allegations[record["id"]] = {a["id"] for a in record.get("allegations", [])}
        if record["type"] == "examination":
            for injury in record.get("injuries", []):
                assert all(seen.get(p) == "attachment" for p in injury.get("photo_ids", []))
                if "allegation_id" in injury:  # an allegation of the examination's own case
                    assert injury["allegation_id"] in allegations[record["case_id"]]
        if record["type"] == "attachment":
            assert record["sha256"] in blobs, "blob must come before its attachment record"
        seen[record["id"]] = record["type"]
    if SCHEMAS:
        assert x_ref_checked > 100


def test_pngs_are_valid_and_match_attachments(items):
    pending: dict[str, bytes] = {}
    photos = 0
    for kind, obj in items:
        if kind == "blob":
            pending[hashlib.sha256(obj).hexdigest()] = obj
            continue
        if obj["type"] != "attachment":
            continue
        blob = pending[obj["sha256"]]
        assert obj["size"] == len(blob)
        assert obj["mime_type"] == "image/png" and obj["has_scale"] is True
        chunks = list(png_chunks(blob))
        assert chunks[0][0] == b"IHDR" and chunks[-1] == (b"IEND", b"")
        width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
        assert (width, height, depth, colour) == (96, 64, 8, 2)
        raw = zlib.decompress(b"".join(d for t, d in chunks if t == b"IDAT"))
        assert len(raw) == height * (1 + 3 * width)
        assert len(blob) < 8000
        photos += 1
    assert photos >= 3
    assert len(pending) == photos, "every photo differs (no two blobs share a hash)"


def test_png_photo_direct():
    import random

    a = png_photo(random.Random(1), 1)
    b = png_photo(random.Random(1), 1)
    c = png_photo(random.Random(2), 2)
    assert a == b and a != c
    assert a.startswith(PNG_SIGNATURE)
    list(png_chunks(a))


# --------------------------------------------------------------------------- text


def test_kazakh_and_demo_marker(records):
    text = json.dumps(records, ensure_ascii=False)
    assert set(KAZAKH_LETTERS) <= set(text), set(KAZAKH_LETTERS) - set(text)
    narratives = [r["narrative"] for r in records if r["type"] == "interview"]
    assert any("Қамау" in n for n in narratives)
    assert any(ch in n for n in narratives if "Қамау" in n for ch in "әғқңөұүі")
    for n in narratives:
        assert 100 <= len(n) <= 3000
    assert len(set(narratives)) == len(narratives)
    for r in records:
        if r["type"] == "facility":
            assert DEMO_MARKER in r["notes"] and "DEMO" in r["name"]
        elif r["type"] == "case":
            assert "DEMO" in r["title"] and DEMO_MARKER in r["summary"]
        elif r["type"] == "person":
            assert DEMO_MARKER in r["notes"]
            identity = r["identity"]
            assert re.search("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", identity["name_cyrillic"])
            assert re.fullmatch(r"[A-Za-z' -]+", identity["name_latin"]), identity["name_latin"]


def test_kamau_present_with_one_case():
    records = [o for k, o in generate(cases=1, seed=99) if k == "record"]
    assert any("Қамау" in r["narrative"] for r in records if r["type"] == "interview")
    assert {r["type"] for r in records} == set(RECORD_TYPES)


# --------------------------------------------------------------------------- no contradictions (1,000 cases)

# Which findings may be called "diagnostic of" (see resources/demo/examinations.json, can_be_diagnostic):
# patterned injuries that reproduce the alleged implement. Kept here independently of the corpus.
DIAGNOSTIC_CAPABLE = {"electrical_burn", "tramline_bruise"}
OFFICER_WORDS = re.compile(r"сотрудник|конво|полицейск|охранник|надзирател", re.IGNORECASE)
SHAPE_WORDS = {"полосовидная": "linear", "овальная": "oval", "округлая": "round", "неправильной формы": "irregular"}


def by_type(records):
    out: dict[str, list[dict]] = {}
    for r in records:
        out.setdefault(r["type"], []).append(r)
    return out


def test_examination_privacy_agrees_with_who_was_present(demo_1000):
    exams = by_type(demo_1000)["examination"]
    private = with_officer = 0
    for e in exams:
        present = " ".join(e.get("persons_present", []))
        if "наедине" in e["conditions"] or "без сотрудников" in e["conditions"]:
            private += 1
            assert not OFFICER_WORDS.search(present), (e["conditions"], present)
        if "в присутствии сотрудника" in e["conditions"]:
            with_officer += 1
            assert OFFICER_WORDS.search(present), (e["conditions"], present)
        if "private" in e:  # schema v4
            assert e["private"] == (not e.get("officer_present")), e["id"]
            assert bool(OFFICER_WORDS.search(present)) == bool(e.get("officer_present")), e["id"]
    assert private and with_officer and private + with_officer == len(exams)


def test_diagnostic_only_for_findings_that_can_be(demo_1000):
    order = ("not_consistent", "consistent", "highly_consistent", "typical", "diagnostic")
    diagnostic = 0
    for e in by_type(demo_1000)["examination"]:
        for injury in e["injuries"]:
            if injury["consistency"] == "diagnostic":
                diagnostic += 1
                assert injury["injury_type"] in DIAGNOSTIC_CAPABLE, injury
        strongest = max((i["consistency"] for i in e["injuries"]), key=order.index)
        assert order.index(e["overall_opinion"]) <= order.index(strongest), e["id"]
        assert ("специфичны" in e["interpretation"]) == (e["overall_opinion"] == "diagnostic")
    assert diagnostic  # the rule is exercised, not vacuous


def test_sizes_match_shapes(demo_1000):
    seen = Counter()
    for e in by_type(demo_1000)["examination"]:
        for injury in e["injuries"]:
            if "shape" not in injury:
                assert injury["injury_type"] in ("fracture", "dislocation", "tooth_injury", "perforated_eardrum")
                continue
            shape = SHAPE_WORDS[injury["shape"]]
            length, width = injury["length_mm"], injury["width_mm"]
            assert 0 < width <= length, injury
            ratio = length / width
            seen[shape] += 1
            if shape == "linear":
                assert ratio >= 3, injury  # a stripe is much longer than wide
            elif shape == "round":
                assert ratio <= 1.25, injury
            elif shape == "oval":
                assert 1.25 < ratio <= 3, injury
            if injury["injury_type"] == "burn":
                assert shape == "round" and 5 <= length <= 10  # a cigarette burn
            if injury["injury_type"] in ("ligature_mark", "tramline_bruise", "laceration"):
                assert shape == "linear", injury
    assert set(seen) == {"linear", "oval", "round", "irregular"}


def test_several_sources_only_with_several_sources(demo_1000):
    claims = 0
    for v in by_type(demo_1000)["visit"]:
        for finding in v.get("findings", []):
            kinds = [s["kind"] for s in finding["sources"]]
            assert len(kinds) == len(set(kinds))
            if "несколькими независимыми источниками" in finding["text"]:
                claims += 1
                assert len(kinds) >= 2, finding
            else:
                assert len(kinds) == 1, finding
            if "задержанных" in finding["text"] and "сообщили" in finding["text"]:
                assert "interview_detainee" in kinds, finding
        for c in v.get("conditions", []):
            if c["theme"] == "accommodation":  # "overcrowded" only when the head count exceeds capacity
                assert (c["rating"] != "adequate") == (v["population"]["total"] > v["population"]["capacity"])
        problems = [c for c in v.get("conditions", []) if c["rating"] != "adequate"]
        assert bool(v.get("findings")) == bool(problems), v["id"]
        for finding in v.get("findings", []):
            assert finding["theme"] in {c["theme"] for c in problems}
    assert claims


def _schema_vocab_paths(resolver, node, path, out, depth=0):
    """Paths (list items as `*`) whose values are vocabulary keys, read from the schema itself."""
    while "$ref" in node:
        if "x-vocabulary" in node:
            out.add(path)
        resolved = resolver.lookup(node["$ref"])
        resolver, node = resolved.resolver, resolved.contents
    if "x-vocabulary" in node:
        out.add(path)
    if depth > 8:
        return
    for key, sub in node.get("properties", {}).items():
        _schema_vocab_paths(resolver, sub, f"{path}/{key}", out, depth + 1)
    if isinstance(node.get("items"), dict):
        _schema_vocab_paths(resolver, node["items"], f"{path}/*", out, depth + 1)
    if isinstance(node.get("additionalProperties"), dict):
        _schema_vocab_paths(resolver, node["additionalProperties"], f"{path}/?", out, depth + 1)


VOCAB_PATHS = {}
for _type, _schema in SCHEMAS.items():
    VOCAB_PATHS[_type] = set()
    _schema_vocab_paths(REGISTRY.resolver(base_uri=_schema["$id"]), _schema, "", VOCAB_PATHS[_type])


def _is_vocab_path(record_type, path):
    generic = re.sub(r"/\d+(?=/|$)", "/*", path)
    return generic in VOCAB_PATHS[record_type]


def _strings(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, f"{path}/{i}")
    elif isinstance(node, str):
        yield path, node


def test_text_is_in_words_never_vocabulary_keys(demo_1000):
    """Every text field (anything that is not itself a vocabulary key, an id or a reference) is scanned
    for vocabulary keys such as `tramline_bruise` or `cc2014-146`."""
    keys = {k for terms in VOCABS.values() for k in terms} | {
        r["key"] for r in demo_1000 if r["type"] == "term"}
    keyish = sorted((k for k in keys if "_" in k or "-" in k), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, keyish)) + r")(?![\w-])")
    scanned = 0
    for record in demo_1000:
        skip = {"/key", "/vocabulary"} if record["type"] == "term" else set()
        for path, value in _strings(record):
            if path in skip or _is_vocab_path(record["type"], path) or path.endswith("/id") or path.endswith("_id") or "/photo_ids/" in path \
                    or path.split("/")[-2:-1] in (["defendants"], ["covers"]):
                continue
            scanned += 1
            match = pattern.search(value)
            assert not match, (record["type"], path, value)
        for tag in record.get("tags", []):
            assert tag not in keys, (record["id"], tag)  # even "ivs" or "beating" is a key, not a word
    assert scanned > 50_000


def test_dates_agree(demo_1000):
    from datetime import date as _date

    today = _date.today().isoformat()
    t = by_type(demo_1000)
    cases = {c["id"]: c for c in t["case"]}
    visits = {v["id"]: v for v in t["visit"]}
    complaints = {c["id"]: c for c in t["complaint"]}
    interviews = {i["id"]: i for i in t["interview"]}
    targets = {r["id"]: r for r in t["interview"] + t["examination"]}
    for record in demo_1000:
        for path, value in _strings({k: v for k, v in record.items() if k != "identity"}):
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value) and not re.search(r"/deadline$", path):
                assert value[:10] <= today, (record["type"], path, value)  # nothing in the future
    for c in t["complaint"]:
        start = cases[c["case_id"]]["period_start"]
        assert start <= c["date_filed"]
        if "reply_date" in c:
            assert c["date_filed"] <= c["reply_date"]
    for p in t["proceeding"]:
        filed = complaints[p["complaint_id"]]["date_filed"]
        opened = p.get("date_opened") or p.get("date_refused")
        assert filed <= opened
        if "judgment_date" in p:
            assert opened < p["judgment_date"]
        if "appeal" in p:
            assert p["judgment_date"] <= p["appeal"]["date"]
    for i in t["interview"]:
        assert cases[i["case_id"]]["period_start"] <= i["date"][:10]
        if "visit_id" in i:
            v = visits[i["visit_id"]]
            assert v["date_start"] <= i["date"][:10] <= v.get("date_end", v["date_start"])
        if i.get("sealed"):
            assert i["date"][:10] <= i["sealed_at"][:10]
    for e in t["examination"]:
        assert cases[e["case_id"]]["period_start"] <= e["date"][:10]
    for a in t["addendum"]:
        assert targets[a["target_id"]]["sealed_at"] < a["date"]
    for v in t["visit"]:
        for finding in v.get("findings", []):
            for source in finding["sources"]:
                if source.get("record_id") in interviews:
                    assert interviews[source["record_id"]]["date"][:10] <= v.get("date_end", v["date_start"])
    assert any("visit_id" in i for i in t["interview"])


def test_women_are_spoken_of_as_women(demo_1000):
    """A woman's narrative never uses a sentence's masculine form where a feminine one exists (and the
    reverse); her witnesses are women too."""
    from monitor.core.demo.corpus import corpus

    gendered = [e for _, e in _text_entries(vars(corpus())) if "ru_f" in e and "{" not in e["ru"]]
    t = by_type(demo_1000)
    women = {p["id"] for p in t["person"] if p["identity"].get("gender") == "female"}
    # every narrative speaks of the case's victim (told by the victim, a fellow detainee or a relative)
    victim_is_woman = {link["target_id"]: link["person_id"] in women for link in t["link"] if link["role"] == "victim"}
    checked = Counter()
    for i in t["interview"]:
        if i["language"] != "ru":
            continue
        female = victim_is_woman[i["case_id"]]
        for entry in gendered:
            wrong = entry["ru"] if female else entry["ru_f"]
            assert wrong not in i["narrative"], (female, wrong)
        checked[female] += 1
    assert checked[True] and checked[False]


def test_narratives_do_not_contradict_themselves(demo_1000):
    cases = {c["id"]: c for c in by_type(demo_1000)["case"]}
    for i in by_type(demo_1000)["interview"]:
        methods = cases[i["case_id"]]["allegations"][0]["methods"]
        if "denial_medical_care" in methods and i["language"] == "ru":
            assert "Врачу я ничего не сказал" not in i["narrative"]  # refused a doctor, then silent before one?


def test_no_anachronisms_and_no_impossible_places(demo_1000):
    """Institutions appear only once they exist (the NPM from 2014; ERDR and investigating courts from
    2015); a person still held is not met at home or at the NGO office; an escort officer is in the room
    only when the examination is inside the facility; symptoms and older findings agree with the injuries."""
    t = by_type(demo_1000)
    cases = {c["id"]: c for c in t["case"]}
    for c in t["complaint"]:
        for when, authority, name in [(c["date_filed"], c["authority"], c.get("authority_name", ""))] + [
                (r["date"], r.get("authority"), r.get("authority_name", "")) for r in c.get("responses", [])]:
            if when < "2014-01-01":
                assert authority != "npm", c["id"]
            if when < "2015-01-01":
                assert "Следственный суд" not in name and authority != "anti_corruption", (when, name)
        for r in c.get("responses", []):
            if r["date"] < "2015-01-01":  # worded as the code in force on the day of the reply
                assert "ЕРДР" not in r["text"] and "Книге учёта информации" not in r["text"], r
    for p in t["proceeding"]:
        if p.get("date_opened", "9999") < "2015-01-01":
            assert "erdr_number" not in p and p.get("case_number")
        for d in p["decisions"]:
            if d["date"] < "2015-01-01":
                assert "Следственный" not in d.get("authority_name", "") + d.get("notes", ""), d
    held = {p["id"] for p in t["person"] if p.get("current_facility_id")}
    for i in t["interview"]:
        if i["person_id"] in held and cases[i["case_id"]]["period_start"] >= min(
                p["current_facility_since"] for p in t["person"] if p["id"] == i["person_id"]):
            assert i["place"] not in ("по месту жительства", "офис НПО (DEMO)"), i["place"]
    facilities = {f["id"]: f for f in t["facility"]}
    held_types = ("sizo", "colony", "psychiatric")
    case_held = {c["id"]: facilities[c["facility_id"]]["type_key"] in held_types for c in t["case"]}
    interviews = {i["id"]: i for i in t["interview"]}
    for i in t["interview"]:
        if not i["private"]:  # staff in the room: only inside the facility
            assert case_held[i["case_id"]] or "visit_id" in i, i["place"]
        if "другую камеру" in i.get("follow_up", ""):
            assert case_held[i["case_id"]]
    for a in t["addendum"]:
        target = interviews.get(a["target_id"]) or next(e for e in t["examination"] if e["id"] == a["target_id"])
        if "другую камеру" in a["text"]:
            assert case_held[target["case_id"]]
    for e in t["examination"]:
        if "наручники" in e.get("restraints", ""):
            assert case_held[e["case_id"]] and "НПО" not in e["place"] and "поликлиника" not in e["place"]
        if e.get("officer_present"):
            assert "НПО" not in e["place"] and "поликлиника" not in e["place"], e["place"]
        if e.get("requesting_party") == "Национальный превентивный механизм":
            assert e["date"] >= "2014"
        regions = {i["region"] for i in e["injuries"]}
        if "слуха слева" in e["symptoms"]:
            assert "ear_left" in regions
        if "слуха справа" in e["symptoms"]:
            assert "ear_right" in regions
        delay = (date.fromisoformat(e["date"][:10]) - date.fromisoformat(cases[e["case_id"]]["period_start"])).days
        for injury in e["injuries"]:
            low = int(injury["estimated_age"].split("–")[0])
            if injury["consistency"] == "not_consistent":
                assert low > delay, injury  # older than the events: that is why it does not fit them
            else:
                assert low <= delay + 2, injury
            if injury.get("photo_ids"):
                assert "length_mm" in injury  # a visible finding, not an eardrum


# --------------------------------------------------------------------------- the report's story (1,000 cases)

REPORT_TABLE = {
    "complaints_registered": [("2009-01-01", "2009-12-31", 14), ("2010-01-01", "2010-12-31", 36),
                              ("2011-01-01", "2011-12-31", 52), ("2012-01-01", "2012-12-31", 602),
                              ("2013-01-01", "2013-05-31", 304)],
    "criminal_cases_opened": [("2009-01-01", "2009-12-31", 3), ("2010-01-01", "2010-12-31", 10),
                              ("2011-01-01", "2011-12-31", 15), ("2012-01-01", "2012-12-31", 18),
                              ("2013-01-01", "2013-05-31", 19)],
}


def test_statistics_equal_the_report_table(records):
    stats = [r for r in records if r["type"] == "statistic"]
    for indicator, rows in REPORT_TABLE.items():
        got = sorted((s["period_start"], s["period_end"], s["value"]) for s in stats if s["indicator"] == indicator)
        assert got == rows, indicator
    assert [s["value"] for s in stats if s["indicator"] == "complaints_received_ngo"] == [201]


def test_proceedings_tell_the_report_story(demo_1000):
    """Opened as torture (141-1 / 146), charged as abuse of power (308 / 362); refusals (one overturned);
    convictions with real and suspended sentences per defendant, an acquittal and an amnesty."""
    procs = by_type(demo_1000)["proceeding"]
    registered = Counter(p["article_registered"]["article"] for p in procs)
    assert registered["cc1997-141-1"] and registered["cc2014-146"]
    torture_to_abuse = [p for p in procs if p["article_registered"]["article"] in ("cc1997-141-1", "cc2014-146")
                        and p.get("article_charged", {}).get("article") in ("cc1997-308", "cc2014-362")]
    assert {p["article_charged"]["article"] for p in torture_to_abuse} == {"cc1997-308", "cc2014-362"}
    kinds = [[d["kind"] for d in p["decisions"]] for p in procs]
    assert any(k == ["refused"] for k in kinds) and any(k == ["not_registered_kui"] for k in kinds)
    assert any(k[:3] == ["refused", "refusal_overturned", "registered"] for k in kinds)
    assert any(k[:3] == ["not_registered_kui", "refusal_overturned", "registered_erdr"] for k in kinds)
    verdicts = Counter(c["verdict"] for p in procs for c in p.get("charges", []))
    assert verdicts["convicted"] and verdicts["acquitted"] and verdicts["amnestied"]
    assert Counter(p["outcome"] for p in procs)["amnesty"]
    two = [p for p in procs if p["outcome"] == "conviction" and len(p["charges"]) >= 2]
    sentences = [sorted(pu["kind"] for c in p["charges"] for pu in c.get("punishments", [])
                        if pu["kind"] != "ban_from_office") for p in two]
    assert ["imprisonment", "suspended_imprisonment"] in sentences
    assert any(pu.get("years") == 7 for p in two for c in p["charges"] for pu in c.get("punishments", []))
    for p in procs:
        decisions = p["decisions"]
        order = [d["kind"] for d in decisions]
        if "charges" in p:
            registered = next(i for i, k in enumerate(order) if k in ("registered", "registered_erdr"))
            assert "charged" in order and registered < order.index("charged")
            assert all(order.index("charged") < order.index(k) for k in ("sent_to_court", "judgment") if k in order)
        for d in decisions:  # the right court at each step
            if d["kind"] in ("judgment", "compensation"):
                assert d["authority_name"].startswith("Районный суд"), d
            if d["kind"].startswith("appeal"):
                assert d["authority_name"].startswith("Апелляционная"), d
            if d["kind"] == "refusal_overturned" and d["date"] >= "2015-01-01":
                assert d["authority_name"].startswith("Следственный суд"), d
        if p.get("appeal") and p["outcome"] == "acquittal":
            assert "осуждённ" not in p["appeal"]["by"]  # an acquitted officer's defence does not appeal
        assert [d["date"] for d in decisions] == sorted(d["date"] for d in decisions)
        last = [d["kind"] for d in decisions if d["kind"] not in ("compensation",)][-1]
        expected = {"refused_to_open": {"refused", "not_registered_kui"},
                    "terminated": {"terminated", "investigation_terminated"},
                    "closed": {"terminated", "investigation_terminated", "amnesty"},
                    "suspended": {"suspended"}, "at_trial": {"sent_to_court"}, "judgment": {"judgment"},
                    "appeal": {"appeal_filed", "appeal_decided"}, "investigation": {"registered", "registered_erdr"},
                    "pre_investigation": {"registered", "registered_erdr"}}[p["status"]]
        assert last in expected, (p["status"], [d["kind"] for d in decisions])
        if p.get("erdr_date"):
            assert p["erdr_date"] >= "2015-01-01" and "case_number" not in p
        for charge in p.get("charges", []):
            assert charge["verdict"] == {"conviction": charge["verdict"], "acquittal": charge["verdict"],
                                         "terminated": "terminated", "amnesty": "amnestied",
                                         "pending": "pending"}[p["outcome"]]
            assert bool(charge.get("punishments")) == (charge["verdict"] == "convicted")  # an amnesty is a decision
        if "compensation" in p:
            assert p["compensation"]["awarded"] <= p["compensation"]["claimed"]
            assert p["judgment_date"] <= p["compensation"]["date"]


def test_refused_visits_reprisals_and_consent(demo_1000):
    t = by_type(demo_1000)
    facilities = {f["id"]: f for f in t["facility"]}
    refused = [v for v in t["visit"] if v["outcome"] == "refused"]
    assert any(facilities[v["facility_id"]]["type_key"] == "colony" for v in refused)
    assert any(v["outcome"] == "partly_denied" and v["access_denied"]["areas"] for v in t["visit"])
    for v in t["visit"]:
        assert (v["outcome"] == "refused") == (v["interviews_count"] == 0)
        access = facilities[v["facility_id"]]["access_status"]
        assert v["outcome"] == {"open": v["outcome"] if v["outcome"] != "refused" else "conducted",
                                "restricted": v["outcome"], "closed_to_monitors": "refused"}[access], (access, v["outcome"])
    complaints = {c["id"]: c for c in t["complaint"]}
    assert {r["kind"] for r in t["reprisal"]} >= {"transfer", "punishment_cell", "threats_to_family", "counter_charge"}
    persons = {p["id"]: p for p in t["person"]}
    victims_interviews = {}
    for i in t["interview"]:
        victims_interviews.setdefault(i["person_id"], []).append(i)
    for r in t["reprisal"]:
        assert complaints[r["complaint_id"]]["date_filed"] < r["date"]  # after the complaint
        assert all(i["reprisal_risk"] in ("medium", "high") for i in victims_interviews[r["person_id"]])
        if r["kind"] == "pressure_to_withdraw":
            assert complaints[r["complaint_id"]]["status"] == "withdrawn"
        if r["kind"] == "counter_charge":
            assert r["counter_charge_article"]["article"] in ("cc1997-351", "cc2014-419")  # false denunciation
        if r["kind"] == "transfer" and "current_facility_id" in persons[r["person_id"]]:
            assert persons[r["person_id"]]["current_facility_id"] != r["facility_id"]
            assert persons[r["person_id"]]["current_facility_since"] == r["date"]
    consents = t["consent"]
    by_id = {c["id"]: c for c in consents}
    for record in t["interview"] + t["examination"]:
        agreed = by_id[record["consent_id"]]
        assert agreed["person_id"] == record["person_id"] and agreed["date"] <= record["date"]
        assert agreed["scope"]["documentation"]  # sealing needs it
    withdrawals = [c for c in consents if c.get("withdrawal")]
    assert withdrawals
    for w in withdrawals:
        earlier = [c for c in consents if c["person_id"] == w["person_id"] and not c.get("withdrawal")]
        assert earlier and all(c["date"] < w["date"] for c in earlier)
        for item, given in w["scope"].items():
            assert given is False and any(c["scope"].get(item) for c in earlier), item  # withdraws what was given
    exams = t["examination"]
    for e in exams:
        for injury in e["injuries"]:
            if injury.get("photo_ids"):
                assert by_id[e["consent_id"]]["scope"].get("photographs") is True


def test_deaths_in_custody_are_told_by_the_family(demo_1000):
    """The report's deaths in custody: the dead are never interviewed, examined or asked for consent;
    a relative speaks and complains for them."""
    t = by_type(demo_1000)
    persons = {p["id"]: p for p in t["person"]}
    deaths = [c for c in t["case"] if "death_in_custody" in c["allegations"][0]]
    assert deaths
    for c in deaths:
        allegation = c["allegations"][0]
        dead = allegation["victim_ids"][0]
        assert persons[dead]["detention_status"] == "deceased" and "current_facility_id" not in persons[dead]
        assert allegation["death_in_custody"]["date"] >= allegation["date"]
        assert "гибели" in c["summary"]
        for kind in ("interview", "examination", "consent", "reprisal"):
            assert not any(r["person_id"] == dead for r in t[kind]), kind
        relatives = {link["person_id"] for link in t["link"] if link["target_id"] == c["id"] and link["role"] == "relative"}
        spoken = [i for i in t["interview"] if i["case_id"] == c["id"] and i["person_id"] in relatives]
        assert spoken and all(comp["complainant_id"] in relatives
                              for comp in t["complaint"] if comp["case_id"] == c["id"])


def test_complaints_intake_and_responses(demo_1000):
    t = by_type(demo_1000)
    first = [c for c in t["complaint"] if "intake_channel" in c]
    channels = Counter(c["intake_channel"] for c in first)
    assert channels.most_common(1)[0][0] == "ngo_hotline" and channels["visit"] and channels["lawyer"]
    cases = {c["id"]: c for c in t["case"]}
    interviews = {i["id"]: i for i in t["interview"]}
    for c in first:
        assert cases[c["case_id"]]["period_start"] <= c["date_received"] <= c["date_filed"]
    for c in t["complaint"]:
        for response in c.get("responses", []):
            assert response["date"] >= c["date_filed"]
        if c["status"] == "withdrawn":
            assert c["withdrawal_pressure"]["reported"]
        if c["status"] == "forwarded" and "responses" in c:
            assert c["forwarded_to"]["date"] >= c["date_filed"]
    assert any(r["kind"] == "appeal" for c in t["complaint"] for r in c.get("responses", []))
    by_case: dict[str, list[str]] = {}
    for c in t["complaint"]:
        by_case.setdefault(c["case_id"], []).append(c["status"])
    withdrawn_only = [k for k, v in by_case.items() if "withdrawn" in v and set(v) <= {"withdrawn", "draft"}]
    assert withdrawn_only
    for k in withdrawn_only:
        assert cases[k]["status"] in ("closed", "archived"), cases[k]["status"]  # nothing is pending
    assert interviews  # (the visit channel is checked in test_dates_agree through visit_id)


def test_examinations_hold_annex_iv(demo_1000):
    exams = by_type(demo_1000)["examination"]
    for e in exams:
        for field in ("reason", "request", "time_start", "time_end", "report_number", "medical_background",
                      "veracity_statement", "truthfulness_statement", "consent_id", "psychological_evaluation"):
            assert e.get(field), field
        assert e["time_start"] < e["time_end"] and e["request"]["date"] <= e["date"][:10]
        for injury in e["injuries"]:
            # graded against the allegation, unless it alleges nothing that leaves a mark (threats)
            assert injury.get("allegation_id") or injury["consistency"] == "not_consistent"
            assert injury["other_causes"]
    assert any("forensic_examination" in e for e in exams)
    views = Counter(i["view"] for e in exams for i in e["injuries"])
    assert set(views) == {"front", "back", "left", "right", "soles", "palms", "hands_back", "head"}, views
    severities = {e["forensic_examination"]["harm_severity"] for e in exams if "forensic_examination" in e}
    assert {"light", "moderate"} <= severities


# --------------------------------------------------------------------------- corpus


def _text_entries(node, path=""):
    """Every {"ru", "kk", "en"} text entry in a corpus file, with its path."""
    if isinstance(node, dict):
        if "ru" in node:
            yield path, node
            return
        for key, value in node.items():
            if not key.startswith("_"):
                yield from _text_entries(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _text_entries(value, f"{path}/{i}")


def test_corpus_has_every_language_beside_each_entry():
    from string import Formatter

    from monitor.core.demo.corpus import corpus

    files = vars(corpus())
    assert set(files) == {p.stem for p in (RESOURCES / "demo").glob("*.json")}
    entries = 0
    for name, data in files.items():
        for path, entry in _text_entries(data, name):
            entries += 1
            assert {"ru", "kk", "en"} <= set(entry), path
            assert entry.get("use", "ru") in ("ru", "kk", "en"), path
            langs = [k for k in ("ru", "kk", "en", "ru_f", "kk_f", "en_f") if k in entry]  # *_f: said of a woman
            assert set(entry) - set(langs) <= {"use", "lawyer_late", "max_days", "ratio", "weight", "outside", "purpose",
                                               "penal", "full_access", "blocks_sources", "regions", "from_year", "defence", "custody", "rare_letter", "not_with",
                                               "date", "facility_types"}, path
            kinds = {type(entry[lang]) for lang in langs}
            assert len(kinds) == 1, path
            if kinds == {str}:
                # Russian names a region in the genitive ({genitive}); the others use its name ({region})
                fields = [{"region" if f == "genitive" else f for _, f, _, _ in Formatter().parse(entry[lang]) if f}
                          for lang in langs]
                assert all(f == fields[0] for f in fields), (path, fields)
                assert all(entry[lang].strip() for lang in langs), path
            else:
                assert len({len(entry[lang]) for lang in langs}) == 1, path
    assert entries > 250
    # the Kazakh column is Kazakh, not a copy of the Russian
    kk = " ".join(e["kk"] for _, e in _text_entries(files["narratives"]))
    assert set(KAZAKH_LETTERS) - set(kk) <= {"һ"}


# --------------------------------------------------------------------------- scale


@pytest.mark.slow
def test_ten_thousand_cases_stream():
    """The full benchmark-size set generates (its time is reported, never asserted)."""
    start = time.perf_counter()
    count = sum(1 for _ in generate(cases=10_000, seed=1))
    elapsed = time.perf_counter() - start
    assert count > 100_000
    print(f"generated {count:,} items in {elapsed:.1f} s")
