"""The demo's legal story holds together over 1,000 cases (issue 18 §4): every decision and reply comes
from an authority that can give it, no reply contradicts the proceeding's decision of that day, the
decision chain runs in procedural order under the code in force, and a facility is described in the
words of its own type (no ШИЗО or convicts in a guardhouse or a police station)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict

import pytest

from monitor.core.demo.corpus import corpus
from monitor.core.demo.data import generate
from monitor.core.model import proceedings as P

INVESTIGATIVE = {"prosecutor", "police", "anti_corruption", "national_security"}
GROUP = {**dict.fromkeys(INVESTIGATIVE, "investigative"), "court": "court", "ombudsman": "oversight",
         "npm": "oversight", "penitentiary_committee": "administration", "un_body": "un"}


@pytest.fixture(scope="module", params=[5, 1], ids=["seed5", "seed1"])
def demo(request):
    records = [o for k, o in generate(cases=1000, seed=request.param) if k == "record"]
    by: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by[r["type"]].append(r)
    return by


def _texts(entries: dict, *keys: str) -> set[str]:
    return {entries[k]["ru"] for k in entries if not keys or k.split("_before_2015")[0] in keys}


def _reply_texts() -> dict[str, set[str]]:
    """The Russian texts each group of authorities may answer with."""
    legal = corpus().legal["complaint"]
    out = {"investigative": _texts(legal["replies"]) | {legal["appeal_rejected"]["ru"]}}
    for group, entries in legal["replies_by_authority"].items():
        out[group] = _texts(entries)
    return out


def test_every_decision_and_reply_comes_from_an_authority_that_can_give_it(demo):
    seen = Counter()
    for p in demo["proceeding"]:
        for d in p["decisions"]:
            kind, authority = d["kind"], d["authority"]
            seen[kind] += 1
            if kind in P.COURT_DECISIONS or kind.startswith("appeal"):
                assert authority == "court", d
            elif kind == "sent_to_court":
                assert authority == "prosecutor", d  # the prosecutor sends the indictment to court
            else:
                assert kind in P.INVESTIGATION_DECISIONS, d
                assert authority in INVESTIGATIVE, d
    assert seen["not_registered_kui"] and seen["registered_erdr"] and seen["sent_back"] and seen["amnesty"]
    allowed = _reply_texts()
    legal = corpus().legal["complaint"]
    appeals = {"prosecutor": {legal["appeal"]["ru"]}, "court": _texts(legal, "appeal_court")}
    groups = Counter()
    for c in demo["complaint"]:
        for r in c.get("responses", []):
            group = GROUP[r["authority"]]
            groups[group] += 1
            if r["kind"] == "appeal":
                assert r["text"] in appeals[r["authority"]], r
                continue
            assert r["text"] in allowed[group], (r["authority"], r["text"])
            if group != "investigative":  # only an investigating body registers in the КУИ/ЕРДР or opens a case
                for words in ("КУИ", "Книге учёта", "ЕРДР", "уголовного дела", "уголовное дело"):
                    assert words not in r["text"], (r["authority"], r["text"])
    assert set(groups) == set(allowed)  # every kind of authority answers somewhere in the demo


def _kind_of_reply(text: str) -> str | None:
    replies = corpus().legal["complaint"]["replies"]
    if text in _texts(replies, "refused"):
        return "refused"
    if text in _texts(replies, "investigation_opened", "investigation_opened_after_court"):
        return "opened"
    return None


def test_no_reply_contradicts_the_proceedings_decision_of_its_day(demo):
    by_case = defaultdict(list)
    for p in demo["proceeding"]:
        by_case[p["case_id"]].append(p)
    checked = Counter()
    for c in demo["complaint"]:
        for p in by_case.get(c["case_id"], []):
            for r in c.get("responses", []):
                said = _kind_of_reply(r["text"])
                if said is None:
                    continue
                status = P.status_at(p, r["date"])
                checked[said] += 1
                if said == "refused":
                    assert status in P.NOT_REGISTERING, (c["id"], r["date"], status)
                else:
                    assert status is not None and status not in P.NOT_REGISTERING, (c["id"], r["date"], status)
            if c["id"] == p.get("complaint_id"):
                assert (c["status"] == "refused") == (p["status"] == "refused_to_open"), (c["status"], p["status"])
                appealed_to = {r["authority"] for r in c.get("responses", []) if r["kind"] == "appeal"}
                assert "суд" not in p.get("notes", "") or "court" in appealed_to, (p["notes"], appealed_to)
                if p["decisions"][0]["date"] < "2015-01-01":
                    assert "ЕРДР" not in p.get("notes", ""), p["notes"]
    assert checked["refused"] and checked["opened"]


# Each decision may follow these (compensation stands beside the judgment and the appeal).
AFTER = {
    None: P.REGISTERING | P.NOT_REGISTERING,
    **dict.fromkeys(P.NOT_REGISTERING, frozenset({"refusal_overturned"})),
    "refusal_overturned": P.REGISTERING,
    **dict.fromkeys(P.REGISTERING, frozenset({"charged", "suspended"}) | P.ENDING),
    "charged": {"sent_to_court", "suspended"} | P.ENDING,
    "sent_to_court": {"sent_back", "judgment"},
    "sent_back": {"sent_to_court"},
    "judgment": {"appeal_filed"},
    "appeal_filed": {"appeal_decided"},
}
OLD_CODE_ONLY = {"registered", "refused", "terminated"}
NEW_CODE_ONLY = {"registered_erdr", "not_registered_kui", "investigation_terminated"}


def test_decision_chains_run_in_procedural_order_under_the_code_in_force(demo):
    cases = {c["id"]: c for c in demo["case"]}
    amnesties = 0
    for p in demo["proceeding"]:
        decisions = p["decisions"]
        assert [d["date"] for d in decisions] == sorted(d["date"] for d in decisions)
        state = None
        for d in decisions:
            kind = d["kind"]
            if kind == "compensation":
                assert state in ("judgment", "appeal_filed", "appeal_decided"), [x["kind"] for x in decisions]
                continue
            assert kind in AFTER.get(state, set()), (state, kind, [x["kind"] for x in decisions])
            state = kind
            if d["date"] >= "2015-01-01":
                assert kind not in OLD_CODE_ONLY, d
            else:
                assert kind not in NEW_CODE_ONLY, d
            if kind in P.ENDING - {"amnesty"}:
                assert d.get("ground") in ("no_event", "no_corpus_delicti", "limitation"), d
            if kind == "amnesty":
                amnesties += 1
                act = d["act"]
                assert d["ground"] == "amnesty" and act["name"].startswith("Закон РК «Об амнистии")
                assert act["date"] <= d["date"], d  # the law came first
                assert cases[p["case_id"]]["period_start"] < act["date"], d  # and covers acts before it
        for ch in p.get("charges", []):
            assert all(pu["kind"] != "amnesty_release" for pu in ch.get("punishments", []))  # a decision now
            if ch["verdict"] == "amnestied":
                assert P.amnesty(p, ch)["act"], p["id"]
    assert amnesties


PENAL_WORDS = {"ШИЗО": {"colony"}, "осуждённ": {"colony"}, "карцер": {"sizo"}}


def test_a_facility_is_described_in_the_words_of_its_type(demo):
    facilities = {f["id"]: f["type_key"] for f in demo["facility"]}
    found = Counter()
    for kind in ("visit", "reprisal"):
        for r in demo[kind]:
            ftype = facilities[r["facility_id"]]
            text = json.dumps(r, ensure_ascii=False)
            for word, types in PENAL_WORDS.items():
                if word in text:
                    found[(word, ftype)] += 1
                    assert ftype in types, (word, ftype, r["id"])
    assert found[("ШИЗО", "colony")] and found[("карцер", "sizo")]


def test_a_guardhouse_visit_is_denied_in_its_own_words():
    """A military guardhouse (the case that was found): partly denied visits there never name ШИЗО or convicts."""
    guardhouse = 0
    for seed in range(1, 9):
        records = [o for k, o in generate(cases=200, seed=seed) if k == "record"]
        kinds = {r["id"]: r["type_key"] for r in records if r["type"] == "facility"}
        for v in (r for r in records if r["type"] == "visit"):
            if kinds[v["facility_id"]] in ("military_guardhouse", "ivs", "police_station", "special_reception"):
                guardhouse += 1
                text = json.dumps(v, ensure_ascii=False)
                assert "ШИЗО" not in text and "осуждённ" not in text and "карцер" not in text, v["id"]
    assert guardhouse
