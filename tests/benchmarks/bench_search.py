"""Search at 100,000 testimonies (issue 20 §3). Not part of the test suite; run explicitly:

    .venv/bin/python tests/benchmarks/bench_search.py [--size 100000] [--dir /tmp/monitor-bench]

The vault takes minutes to build, so it is built once into ``--dir`` and reused by later runs
(a stemming change rebuilds its word-form index at the first open, which is timed and printed).
Prints, from the same run: Monitor's search (count + ranked page + snippets) against the raw
FTS5 statements it runs, per query class (rare, medium, very common, with word forms), median
and p95 with ratios, the overlap of the first page with the true bm25 top 20 for the queries
whose ranking is bounded, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from monitor.core.store.vault import Vault  # noqa: E402

PASS = "copper lantern steppe violin"
WORDS_KK = ["қамау", "кезінде", "мені", "ұрды", "тергеуші", "бөлме", "суық", "болды", "адвокат", "берілмеді", "түнде", "жауап", "алды"]
WORDS_RU = ["меня", "били", "в", "кабинете", "следователь", "угрожал", "семье", "надели", "пакет", "на", "голову", "не", "давали", "спать"]
# Kazakh verb forms placed at chosen ranks of the Zipf vocabulary, so that some are medium-frequent
# (hundreds to thousands of records) and some rare: rank r is in about 100,000 * 7.3 / r records.
VERB_FORMS = {60: "ұрған", 150: "ұрып", 300: "алған", 600: "теуіп", 1200: "берген", 2500: "соққан",
              5000: "атып", 12000: "тепкен", 25000: "соқты"}


def vocabulary() -> list[str]:
    rng = random.Random(5)
    syllables = ["ка", "ра", "ма", "та", "са", "ба", "ла", "на", "жа", "қа", "ға", "ұл", "өр", "ін", "ек", "ов", "ев", "ин", "ск", "ко", "ли", "ни", "ды", "зы"]
    words = WORDS_KK + WORDS_RU + ["".join(rng.choices(syllables, k=3)) + str(i) for i in range(30_000)]
    for rank, word in sorted(VERB_FORMS.items()):
        words.insert(rank - 1, word)
    return words


def build(path: Path, testimonies: int) -> float:
    rng = random.Random(5)
    vault = Vault.create(path, PASS)
    person = str(uuid.UUID(int=1, version=4))
    vault.put({"id": person, "type": "person", "code": "P-2026-0001"})
    consent = {k: True for k in ("documentation", "photographs", "intimate_photographs", "share_with_lawyer",
                                 "anonymised_reports", "publication_with_name")}
    words = vocabulary()  # a Zipf-like vocabulary, as in real text: a few words are everywhere, most are rare
    cumulative, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank
        cumulative.append(total)
    t = time.perf_counter()
    batch = []
    for i in range(testimonies):
        batch.append({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "type": "interview",
                      "person_id": person, "interviewers": ["bench"], "date": "2026-01-01T10:00:00Z",
                      "private": True, "narrative": " ".join(rng.choices(words, cum_weights=cumulative, k=80)),
                      "reprisal_risk": "low", "consent": consent})
        if len(batch) == 5000:
            vault.put_many(batch)
            batch.clear()
            print(f"  built {i + 1:,}", file=sys.stderr, flush=True)
    if batch:
        vault.put_many(batch)
    vault.close()
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--dir", default="/tmp/monitor-bench")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--copy", help="search a copy of the built vault named by this word (e.g. after)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sweep", action="store_true", help="overlap and cost of other ranking windows")
    parser.add_argument("--save", help="write each query's total and first page (ids) as JSON here")
    parser.add_argument("--compare", help="compare with a file written by --save")
    args = parser.parse_args()
    path = Path(args.dir) / f"search-{args.size}.vault"
    if not path.exists():
        partial = path.with_suffix(".building")
        for p in partial.parent.glob(partial.name + "*"):
            p.unlink()
        seconds = build(partial, args.size)
        for p in sorted(partial.parent.glob(partial.name + "*")):
            p.rename(path.parent / p.name.replace(partial.name, path.name))
        print(f"built {args.size:,} testimonies in {seconds:.0f} s into {path}")
    if args.build_only:
        return
    target = path
    if args.copy:  # a stemming change rebuilds the index at open: keep the built vault as it is
        target = Path(args.dir) / f"search-{args.size}-{args.copy}.vault"
        if not target.exists():
            for p in sorted(path.parent.glob(path.name + "*")):
                shutil.copy2(p, path.parent / p.name.replace(path.name, target.name))
    run(target, args)


# The query mix: very common words (in more than 5,000 of 100,000 records), medium (500-5,000) and
# rare (under 500), as typed and as other word forms, Kazakh verb forms among them.
QUERIES = {
    "common": ["қамау", "ҚАМАУ адвокат", "пакет голову", "тергеуші", "суық бөлме", "семье", "кабинете",
               "следователь угрожал", "ұрды", "алды", "берді"],
    "forms": ["қамауда", "тергеушілер", "семьи", "угрожали", "ұрмады", "ұрып", "алған", "тебеді", "соғып",
              "берілді"],
    "medium": ["@150", "@400", "@800", "@1500", "@3000", "соқты", "тепкен"],
    "rare": ["@6000", "@9000", "@15000", "@22000", "@29000", "атып"],
}


def run(path: Path, args) -> None:
    import sqlcipher3  # noqa: F401  (the raw library the vault runs on)

    from monitor.core.search import index as core_search

    words = vocabulary()
    queries = [(kind, words[int(q[1:])] if q.startswith("@") else q) for kind, qs in QUERIES.items() for q in qs]
    t = time.perf_counter()
    vault = Vault.open(path, PASS)
    print(f"open (rebuilds the word-form index when stemming changed): {time.perf_counter() - t:.1f} s")
    conn = vault.conn
    fts = {q: core_search.forms_query(core_search.parse(q)) for _, q in queries}
    ours: dict[str, list[float]] = {}
    raw: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}  # Monitor's CPU time: what a quiet machine would see
    results = {}
    for _ in range(args.rounds):
        for kind, q in queries:
            t, c = time.perf_counter(), time.process_time()
            page = vault.search_page(q, limit=50)
            ours.setdefault(kind, []).append(time.perf_counter() - t)
            cpu.setdefault(kind, []).append(time.process_time() - c)
            t = time.perf_counter()  # the raw baseline: exact count and full bm25 top 50, the same FTS query
            total = conn.execute("SELECT count(*) FROM search_forms WHERE search_forms MATCH ?", (fts[q],)).fetchone()[0]
            top = conn.execute("SELECT rowid FROM search_forms WHERE search_forms MATCH ? "
                               "ORDER BY bm25(search_forms, 4.0, 1.0) LIMIT 50", (fts[q],)).fetchall()
            raw.setdefault(kind, []).append(time.perf_counter() - t)
            results[q] = {"total": page.total, "ids": [h.record_id for h in page.hits], "partial": page.recent_only,
                          "raw_total": total, "true_top": [r[0] for r in top]}
    rowid = dict(conn.execute("SELECT id, rowid FROM records WHERE type = 'interview'"))
    if args.sweep:  # the ranking bound: overlap with the true bm25 top 20, and CPU time, per window size
        print("  ranking bound sweep (queries with more matches than the window): window, mean overlap of the"
              " top 20 with the true bm25 top 20, CPU median / max of ranking the window")
        for window in (0, 500, 2000, 10000):  # 0: no ranking, the newest matches first
            laps, overlaps = [], []
            for _, q in queries:
                if results[q]["raw_total"] <= max(window, 5000):
                    continue
                c = time.process_time()
                top = conn.execute(
                    "SELECT rowid FROM (SELECT rowid, bm25(search_forms, 4.0, 1.0) AS score FROM search_forms "
                    "WHERE search_forms MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score LIMIT 20",
                    (fts[q], window)).fetchall() if window else conn.execute(
                    "SELECT rowid FROM search_forms WHERE search_forms MATCH ? ORDER BY rowid DESC LIMIT 20",
                    (fts[q],)).fetchall()
                laps.append(time.process_time() - c)
                overlaps.append(len({r[0] for r in top} & set(results[q]["true_top"][:20])))
            if laps:
                print(f"    {window:6,} recent: overlap {statistics.mean(overlaps):4.1f}/20 over {len(laps)} queries,"
                      f" CPU {statistics.median(laps) * 1000:6.1f} / {max(laps) * 1000:6.1f} ms")
    load = os.getloadavg()
    vault.close()

    def ms(xs, p):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, max(0, round(len(xs) * p) - 1))] * 1000

    print(f"search over {args.size:,} testimonies, {len(queries)} queries x {args.rounds} rounds, "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    everything_ours = [x for xs in ours.values() for x in xs]
    everything_raw = [x for xs in raw.values() for x in xs]
    everything_cpu = [x for xs in cpu.values() for x in xs]
    print(f"  all     Monitor CPU time median {ms(everything_cpu, .5):6.1f} ms p95 {ms(everything_cpu, .95):6.1f} ms"
          f" (the figure a quiet machine shows; wall times below include waiting for the cores)")
    for kind in [*QUERIES, "all"]:
        o = everything_ours if kind == "all" else ours[kind]
        r = everything_raw if kind == "all" else raw[kind]
        print(f"  {kind:7} Monitor median {ms(o, .5):6.1f} ms p95 {ms(o, .95):6.1f} ms | raw count+bm25 top 50 "
              f"median {ms(r, .5):6.1f} ms p95 {ms(r, .95):6.1f} ms | ratio median {ms(o, .5) / ms(r, .5):.2f} "
              f"p95 {ms(o, .95) / ms(r, .95):.2f}" + ("  (goal: median <= 15 ms, p95 <= 50 ms)" if kind == "all" else ""))
    print("  per query: matches, partial ranking, overlap of the first 20 with the true bm25 top 20")
    overlaps = []
    for kind, q in queries:
        res = results[q]
        assert res["total"] == res["raw_total"], (q, res["total"], res["raw_total"])  # the count is exact
        first = {rowid[i] for i in res["ids"][:20]}
        overlap = len(first & set(res["true_top"][:20]))
        if res["partial"]:
            overlaps.append(overlap)
        print(f"    {kind:7} {q[:28]:28} {res['total']:7,} {'partial' if res['partial'] else 'ranked ':7} {overlap:2}/20")
    if overlaps:
        print(f"  partial rankings: mean overlap with the true top 20 {statistics.mean(overlaps):.1f}/20 "
              f"over {len(overlaps)} queries")
    if args.save:
        Path(args.save).write_text(json.dumps({q: {k: results[q][k] for k in ("total", "ids", "partial")}
                                               for _, q in queries}, ensure_ascii=False, indent=1))
    if args.compare:
        before = json.loads(Path(args.compare).read_text())
        same = [q for _, q in queries if q in before and before[q]["ids"] == results[q]["ids"]
                and before[q]["total"] == results[q]["total"]]
        print(f"  identical to {args.compare}: {len(same)}/{len(queries)}; differing: "
              + ", ".join(f"{q} ({before[q]['total']}→{results[q]['total']})" for _, q in queries
                          if q in before and q not in same))


if __name__ == "__main__":
    main()
