"""Full-text search (Kazakh and Russian, case-insensitive, ranked, with snippets) and sorting."""

from __future__ import annotations

import hashlib
import io

import pytest
from conftest import reopen
from records import KAZAKH_WORD, full_set, new_facility, uid

from monitor.core.search.stemming import stems
from monitor.core.text import sort_key


@pytest.fixture
def stocked(vault):
    blob = vault.store_blob(io.BytesIO(b"photo" * 100))
    vault.put_many(full_set(blob.sha256, blob.size))
    return vault


@pytest.mark.parametrize("query", ["қамау", "ҚАМАУ", "Қамау", "қАмАу"])
def test_kazakh_word_found_regardless_of_case(stocked, query):
    hits = stocked.search(query)
    assert [h.record_id for h in hits] == [uid(7)]  # the interview
    assert "[" in hits[0].snippet and "]" in hits[0].snippet
    marked = hits[0].snippet[hits[0].snippet.index("[") + 1 : hits[0].snippet.index("]")]
    assert marked.casefold() == KAZAKH_WORD.casefold()


@pytest.mark.parametrize("query,expected", [
    ("ӘСЕЛ", uid(8)),          # examiner's name, Kazakh capital Ә
    ("ғалия", uid(4)),         # a person's identity name
    ("өмірбекқызы", uid(4)),
    ("ДУБИНКОЙ", uid(6)),       # Russian, inside an allegation of the case
    ("журналы", uid(2)),        # a visit's good practice
    ("ЖТ-2026/114", uid(10)),   # a complaint's reference, punctuation ignored
])
def test_finds_names_narratives_findings(stocked, query, expected):
    assert expected in [h.record_id for h in stocked.search(query)]


RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"  # contains the Russian alphabet
FOLDED_TOGETHER = {"е": "её", "ё": "её"}  # documented: ё and е are one letter for search


def test_every_russian_and_kazakh_letter_folds_case_both_ways_and_stays_itself(vault):
    assert set(RUSSIAN) < set(KAZAKH) and len(KAZAKH) == 42
    lower = {ch: uid(1000 + i) for i, ch in enumerate(KAZAKH)}
    upper = {ch: uid(2000 + i) for i, ch in enumerate(KAZAKH)}
    vault.put_many([new_facility(ids[ch], name="ИВС", type_key="ivs", notes=word)
                    for ch in KAZAKH
                    for ids, word in ((lower, f"сөз{ch}{ch}"), (upper, f"СӨЗ{ch.upper()}{ch.upper()}"))])
    wrong = []
    for ch in KAZAKH:
        assert ch.upper() != ch and ch.upper().lower() == ch
        same = set(FOLDED_TOGETHER.get(ch, ch))
        # Word forms: «сөзіі» and «сөзыы» are both сөз with possessive endings, so they find each other.
        same |= {c for c in KAZAKH if set(stems(f"сөз{c}{c}")) & set(stems(f"сөз{ch}{ch}"))}
        expected = {lower[c] for c in same} | {upper[c] for c in same}
        for query in (f"СӨЗ{ch.upper()}{ch.upper()}", f"сөз{ch}{ch}"):  # upper finds lower, lower finds upper
            found = {h.record_id for h in vault.search(query)}
            if found != expected:
                wrong.append(f"{query}: {len(found & expected)} of {len(expected)} expected, "
                             f"{len(found - expected)} other letters")
        if not set(stems(f"сөз{ch}")) & {st for c in KAZAKH for st in stems(f"сөз{c}{c}")}:
            assert vault.search(f"сөз{ch}") == [], "no prefix match without *"
    assert wrong == []


def test_yo_and_ye_are_the_same_for_search(vault):
    vault.put(new_facility(uid(1), name="ИВС", type_key="ivs", notes="Тёмная камера"))
    assert vault.search("темная") and vault.search("ТЁМНАЯ")


def test_prefix_search_and_ranking(vault):
    vault.put_many([
        new_facility(uid(1), name="ИВС Ақтөбе", type_key="ivs", notes="избиение"),
        new_facility(uid(2), name="СИЗО", notes="избиение избиение избиение в камере, избиение"),
    ])
    hits = vault.search("избиение")
    assert [h.record_id for h in hits] == [uid(2), uid(1)]  # more occurrences rank first
    assert hits[0].score >= hits[1].score
    assert {h.record_id for h in vault.search("изби*")} == {uid(1), uid(2)}
    assert vault.search("ақтөбе")[0].record_id == uid(1)  # the label counts too


def test_query_syntax_in_input_is_harmless(stocked, vault_path):
    """What a person types is words, never FTS5 or SQL syntax; searching changes nothing in the vault."""
    stocked.close()
    before = hashlib.sha256(vault_path.read_bytes()).hexdigest()
    with reopen(vault_path) as vault:
        plain = [h.record_id for h in vault.search("қамау")]
        assert plain == [uid(7)]
        for decorated in ['қамау"', '"қамау', "(қамау)", "қамау)", "қамау:", "^қамау", "{қамау}", "'қамау'",
                          "қамау;", "ҚАМАУ --"]:
            assert [h.record_id for h in vault.search(decorated)] == plain, decorated
        for hostile in ['"', "*", "", "   ", "NOT OR", "AND", "label:x", "NEAR(a b)", "'; DROP TABLE records; --",
                        "x' OR 1=1 --", "қамау OR несуществующее",  # as FTS5 OR this would find the interview
                        "NEAR(қамау суық)", "body:қамау", "body : қамау", "қа*", "қамау NOT"]:
            assert vault.search(hostile) == [], hostile
        assert [h.record_id for h in vault.search("қам*")] == plain  # a prefix needs three letters
        assert sum(vault.counts().values()) == len(full_set("0" * 64, 1))
    assert hashlib.sha256(vault_path.read_bytes()).hexdigest() == before


def test_every_word_typed_must_occur_and_operators_are_words(vault):
    vault.put_many([
        new_facility(uid(1), name="ИВС", type_key="ivs", notes="камера OR дверь"),
        new_facility(uid(2), name="СИЗО", notes="камера окно"),
        new_facility(uid(3), name="ИВС Тараз", type_key="ivs", notes="дверь окно"),
    ])

    def found(query):
        return {h.record_id for h in vault.search(query)}

    assert found("камера") == {uid(1), uid(2)}
    assert found("камера окно") == {uid(2)}          # every word must occur
    assert found("камера OR дверь") == {uid(1)}      # OR is a word of the text, not an operator
    assert found("камера OR окно") == set()
    assert found("камера NOT окно") == set()
    assert found('"камера окно"') == {uid(2)}
    assert found("дверь*") == {uid(1), uid(3)}


def test_deleted_records_leave_the_index(vault):
    vault.put(new_facility(uid(1), name="ИВС Семей", type_key="ivs"))
    vault.delete(uid(1))
    assert vault.search("семей") == []


def test_rebuild_index_on_demand(stocked):
    before = [h.record_id for h in stocked.search("қамау")]
    stocked.conn.execute("DELETE FROM search_forms")  # the one index (schema 7 dropped `search`)
    assert stocked.search("қамау") == []
    n = stocked.rebuild_search_index()
    assert n == sum(stocked.counts().values())
    assert [h.record_id for h in stocked.search("қамау")] == before


def test_search_filters_by_type(stocked):
    assert {h.type for h in stocked.search("ИВС", types=["case"])} == {"case"}


def test_kazakh_alphabetical_order():
    words = ["Ғалым", "Гүл", "Әлия", "Абай", "Бақыт", "Қайрат", "Кенже", "Іле", "Ыбырай", "Үміт", "Ұлан", "Уәли",
             "Өмір", "Орал", "Ңа", "Нұр", "Һ", "Хан"]
    expected = ["Абай", "Әлия", "Бақыт", "Гүл", "Ғалым", "Кенже", "Қайрат", "Нұр", "Ңа", "Орал", "Өмір", "Уәли",
                "Ұлан", "Үміт", "Хан", "Һ", "Ыбырай", "Іле"]
    assert sorted(words, key=sort_key) == expected


def test_russian_order_and_case_insensitivity():
    assert sorted(["яблоко", "Ёж", "ель", "Жук", "ёлка", "Арбуз"], key=sort_key) == \
        ["Арбуз", "ель", "Ёж", "ёлка", "Жук", "яблоко"]


def test_vault_lists_sort_in_kazakh_order(vault):
    names = ["Ғалым ИВС", "Гүл СИЗО", "Әлия колония", "Абай ИВС", "қызылорда ИВС", "Кентау ИВС"]
    for i, name in enumerate(names):
        vault.put(new_facility(uid(i + 1), name=name, type_key="ivs"))
    listed = [r.label for r in vault.records("facility")]
    assert listed == ["Абай ИВС", "Әлия колония", "Гүл СИЗО", "Ғалым ИВС", "Кентау ИВС", "қызылорда ИВС"]


def test_the_cli_says_when_only_the_recent_matches_were_ranked(vault, vault_path, tmp_path, monkeypatch, capsys):
    """Very common words: the window says so, and so do `search` and `search --json` (recent_only)."""
    import json

    from conftest import PASSPHRASE
    from records import new_facility, uid

    from monitor import cli
    from monitor.core.search import index

    vault.put_many([new_facility(uid(i), name=f"ИВС {i}", type_key="ivs", notes="камера холодная")
                    for i in range(1, 7)])
    vault.close()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_PASSPHRASE_FILE", str(tmp_path / "pass.txt"))
    monkeypatch.setenv("MONITOR_LANG", "en")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for common, partial in ((1000, False), (3, True)):
        monkeypatch.setattr(index, "COMMON_DOCS", common)
        monkeypatch.setattr(index, "RECENT_RANKED", 2)
        assert cli.main(["search", "камера", "--json", "--vault", str(vault_path)]) == 0
        hits = json.loads(capsys.readouterr().out)
        assert len(hits) == 6 and {h["recent_only"] for h in hits} == {partial}
        assert cli.main(["search", "камера", "--vault", str(vault_path)]) == 0
        out = capsys.readouterr().out
        assert ("6 matches; very common words: only the most recent matches were ranked" in out) == partial
