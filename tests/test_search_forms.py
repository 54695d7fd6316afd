"""Search finds the word forms a monitor types, counts honestly, pages, and rebuilds its derived index."""

from __future__ import annotations

import pytest
from conftest import reopen
from records import new_case, new_facility, uid

from monitor.core.search import index as core_search
from monitor.core.search.stemming import kazakh_stem, stems


def facility(n: int, notes: str, name: str = "ИВС") -> dict:
    return new_facility(uid(n), name=f"{name} {n}", type_key="ivs", notes=notes)


@pytest.fixture
def forms(vault):
    vault.put_many([
        facility(1, "Задержанный рассказал об избиении сотрудниками в кабинете."),
        facility(2, "Следы удушения пакетом, жалобы на удушение."),
        facility(3, "Ол қамауда үш күн болды, қамау хаттамасы жасалмады."),
        facility(4, "Ничего не случилось, обычный обход."),
    ])
    return vault


@pytest.mark.parametrize("typed,expected,form", [
    ("избиения", 1, "избиении"),
    ("ИЗБИЕНИЕ", 1, "избиении"),
    ("удушением", 2, "удушения"),
    ("қамауда", 3, "қамауда"),
    ("ҚАМАУҒА", 3, "қамау"),
    ("сотрудник", 1, "сотрудниками"),
])
def test_word_forms_are_found_and_shown(forms, typed, expected, form):
    page = forms.search_page(typed, marks=("«", "»"))
    assert [h.record_id for h in page.hits] == [uid(expected)]
    hit = page.hits[0]
    assert form in hit.matched  # why it matched
    assert f"«{form}»" in hit.snippet


def test_every_word_must_match_in_some_form(forms):
    assert [h.record_id for h in forms.search("удушением пакет")] == [uid(2)]
    assert forms.search("удушением қамау") == []


def test_kazakh_suffix_rules():
    assert kazakh_stem("қамауда") == kazakh_stem("қамаудан") == kazakh_stem("қамауға") == "қамау"
    assert kazakh_stem("тергеушілерге") == kazakh_stem("тергеушілер")
    assert kazakh_stem("тергеушілер").startswith("тергеу")
    assert kazakh_stem("үй") == "үй"  # never below three letters
    assert stems("Қамаудағы") == ("қамау",)
    assert stems("избиения") == stems("избиение")


def test_honest_count_and_paging_past_200(vault):
    vault.put_many([facility(i, f"жалоба номер {i} об избиении") for i in range(1, 251)])
    first = vault.search_page("избиение", limit=200)
    assert first.total == 250 and len(first.hits) == 200
    rest = vault.search_page("избиение", limit=200, offset=200)
    assert len(rest.hits) == 50
    ids = [h.record_id for h in first.hits + rest.hits]
    assert len(set(ids)) == 250


def test_type_filter_counts_only_that_type(forms):
    forms.put(new_case(uid(9), code="KZ-2026-0009", status="investigation"))
    assert forms.search_page("избиения").total == 2
    page = forms.search_page("избиения", types=["case"])
    assert page.total == 1 and [h.type for h in page.hits] == ["case"]


def test_very_common_words_rank_the_most_recent_matches(vault, monkeypatch):
    monkeypatch.setattr(core_search, "COMMON_DOCS", 10)
    monkeypatch.setattr(core_search, "RECENT_RANKED", 20)
    vault.put_many([facility(i, "избиение " * (1 + i % 3)) for i in range(1, 61)])
    first = vault.search_page("избиение", limit=25)
    assert first.recent_only and first.total == 60
    newest = {uid(i) for i in range(41, 61)}
    assert {h.record_id for h in first.hits[:20]} == newest  # the ranked window: the 20 newest
    scores = [h.score for h in first.hits[:20]]
    assert scores == sorted(scores, reverse=True)
    everything = first.hits + vault.search_page("избиение", limit=25, offset=25).hits + \
        vault.search_page("избиение", limit=25, offset=50).hits
    assert len({h.record_id for h in everything}) == 60 == len(everything)


def test_index_rebuilt_on_open_when_its_version_differs(forms, vault_path):
    conn = forms.conn
    conn.execute("DROP TABLE search_forms")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'search_version'")
    forms.close()
    seen = []
    from conftest import PASSPHRASE, TEST_KDF_ITER

    from monitor.core.store.vault import Vault

    with Vault.open(vault_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, progress=lambda d, t, label: seen.append(label)) as v:
        assert core_search.index_version(v.conn) == core_search.SEARCH_VERSION
        assert [h.record_id for h in v.search("избиения")] == [uid(1)]
    assert "search index" in seen
    with reopen(vault_path) as v:  # the next open does not rebuild again
        assert not core_search.ensure_index(v.conn)


def test_highlight_spans_for_the_record_view(forms):
    terms = core_search.parse("удушением")
    text = "Следы удушения пакетом, жалобы на удушение."
    assert [w for _, _, w in core_search.match_spans(text, terms)] == ["удушения", "удушение"]


def test_kazakh_word_without_kazakh_letters_finds_its_forms(vault):
    vault.put(facility(1, "Тергеуде адвокат болмады."))
    assert [h.record_id for h in vault.search("тергеу")] == [uid(1)]
    assert vault.search("терге") == []  # a bare stem is not a word the record holds
