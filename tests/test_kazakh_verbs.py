"""Kazakh verb forms meet in search (issue 19 §4): «ұрды» finds «ұрған», «алды» does not find «алдын».

A table of word forms: the forms in one group are one verb and must all find each other; a word
in another group, or in the list of look-alikes (алдын 'before', алма 'apple', ата 'grandfather'),
must not be found by them. Each word is the notes of its own record in a real vault.
"""

from __future__ import annotations

import itertools

import pytest
from conftest import reopen
from records import new_facility, uid

from monitor.core.search import index as core_search

GROUPS = {
    "ұр": ["ұрды", "ұрған", "ұрып", "ұрады", "ұрмады", "ұрмаған", "ұрмай", "ұрылды", "ұрдым", "ұрғанын"],
    "ат": ["атты", "атқан", "атып", "атады", "атпады"],
    "ал": ["алды", "алған", "алып", "алады", "алмады", "алмаған", "алмайды"],
    "бер": ["берді", "берген", "беріп", "береді", "бермеді", "берілмеді"],
    "теп": ["тепті", "тепкен", "тебіп", "тебеді", "теппеді"],
    "соқ": ["соқты", "соққан", "соғып", "соғады", "соқпады"],
    "де": ["деді", "деген", "деп", "дейді", "демеді"],  # a root ending in a vowel: -п, -й
}
# Words spelt like a form of one of those verbs that are not: none of the verbs may find them.
LOOKALIKES = ["алдын", "алма", "алмалар", "алдында", "ата", "ала", "ұрпақ", "ұрлық", "атау", "алмаз", "соқыр", "берік",
              "дене", "дейін", "дед"]  # body, until, and Russian «дед» (grandfather), which «деді» met before

WORDS = [w for forms in GROUPS.values() for w in forms] + LOOKALIKES
MEET = {(a, b) for forms in GROUPS.values() for a, b in itertools.product(forms, forms)}


def test_the_table_is_large_enough():
    assert len({(a, b) for a, b in MEET if a != b}) >= 40
    assert len(WORDS) ** 2 - len(MEET) >= 40


@pytest.fixture(scope="module")
def verbs(tmp_path_factory):
    from conftest import PASSPHRASE, TEST_KDF, TEST_KDF_ITER

    from monitor.core.store.vault import Vault

    path = tmp_path_factory.mktemp("verbs") / "verbs.vault"
    vault = Vault.create(path, PASSPHRASE, kdf=TEST_KDF, kdf_iter=TEST_KDF_ITER)
    vault.put_many([new_facility(uid(i + 1), name=f"ИВС {i + 1}", type_key="ivs", notes=f"Ол {word}.")
                    for i, word in enumerate(WORDS)])
    yield vault
    vault.close()


def found(vault, typed: str) -> set[str]:
    by_id = {uid(i + 1): word for i, word in enumerate(WORDS)}
    return {by_id[h.record_id] for h in vault.search_page(typed, limit=200).hits if h.record_id in by_id}


@pytest.mark.parametrize("typed", [w for forms in GROUPS.values() for w in forms])
def test_every_pair_meets_and_no_other_word(verbs, typed):
    assert found(verbs, typed) == {b for a, b in MEET if a == typed}


@pytest.mark.parametrize("typed", LOOKALIKES)
def test_a_lookalike_finds_no_verb_form(verbs, typed):
    hits = found(verbs, typed)  # (алма finds алмалар, ата finds атау: nouns meet their own forms)
    assert typed in hits and not hits & {w for forms in GROUPS.values() for w in forms}


def test_the_matched_forms_are_highlighted(verbs):
    page = verbs.search_page("тепті", marks=("«", "»"), limit=50)
    assert {w for h in page.hits for w in h.matched} == set(GROUPS["теп"])  # тебеді too (voiced root)
    assert all("«" in h.snippet for h in page.hits)


def test_a_vault_indexed_by_the_older_stemmer_is_rebuilt_at_open(vault, vault_path):
    vault.put_many([new_facility(uid(1), name="ИВС 1", type_key="ivs", notes="Тергеуші мені ұрған."),
                    new_facility(uid(2), name="ИВС 2", type_key="ivs", notes="Ол алдын ала келді.")])
    from conftest import raw_connect

    vault.close()
    raw = raw_connect(vault_path)
    raw.execute("DELETE FROM search_forms")  # as version 2 left it: «ұрған» kept whole (no verb root)
    raw.execute("INSERT INTO search_forms (rowid, label, body) SELECT rowid, '', 'тергеуші мені ұрған' "
                "FROM records WHERE id = ?", (uid(1),))
    raw.execute("UPDATE meta SET value = '2' WHERE key = 'search_version'")
    raw.commit()
    raw.close()
    with reopen(vault_path) as v:
        assert core_search.index_version(v.conn) == core_search.SEARCH_VERSION
        assert [h.record_id for h in v.search("ұрды")] == [uid(1)]
        assert v.search("алды") == []
