"""The search index keeps no second copy of the text (schema 7, SEARCH_VERSION 4): one contentless
FTS5 table of stems, snippets cut from each shown record's own head revision."""

from __future__ import annotations

import json

import pytest
from conftest import reopen
from records import new_facility, uid

from monitor.core.model import schema
from monitor.core.search import index as core_search


@pytest.fixture
def stocked(stocked_copy):
    with reopen(stocked_copy) as vault:  # records.full_set, every record type
        yield vault


def test_one_contentless_index_and_no_copy_of_the_text(stocked):
    tables = {r[0] for r in stocked.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "search" not in tables  # the words-as-written table with its stored text is gone
    assert "search_forms" in tables and "search_forms_content" not in tables  # contentless: no content table
    sql = stocked.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'search_forms'").fetchone()[0]
    assert "content = ''" in sql and "contentless_delete = 1" in sql
    # nothing but NULLs can be read back from a contentless table
    assert stocked.conn.execute("SELECT count(*) FROM search_forms WHERE body IS NOT NULL").fetchone()[0] == 0


def test_the_indexed_text_is_the_schemas_text_values_in_order(stocked):
    """The text-only walk gives what the full annotated walk gives, for every record type."""
    for (body,) in stocked.conn.execute("SELECT body FROM revisions WHERE body IS NOT NULL"):
        record = json.loads(body)
        full = core_search._fold("\n".join(schema.text_values(record)))
        assert core_search.document_text(record) == full
        assert core_search.document_text(record, list(schema.annotated_values(record))) == full


def test_snippets_come_from_the_current_text_and_follow_edits_and_deletes(vault):
    vault.put(new_facility(uid(1), name="ИВС Семей", type_key="ivs", notes="Камера без окна, тергеуші ұрды."))
    first = vault.search("камера")
    assert [h.record_id for h in first] == [uid(1)] and "[Камера]" in first[0].snippet
    record = dict(vault.get(uid(1)))
    record["notes"] = "Камеру отремонтировали; окно есть."
    vault.put(record)
    assert vault.search("тергеуші") == []  # the old words left the index with the old text
    edited = vault.search("камера")
    assert [h.record_id for h in edited] == [uid(1)] and "[Камеру] отремонтировали" in edited[0].snippet
    vault.delete(uid(1))
    assert vault.search("камера") == [] and vault.search_page("камера").total == 0


def test_reindex_rebuilds_the_contentless_index(stocked):
    page = stocked.search_page("ИВС")
    before = (page.total, [(h.record_id, h.snippet) for h in page.hits])
    assert page.hits
    assert stocked.rebuild_search_index() == sum(stocked.counts().values())
    page = stocked.search_page("ИВС")
    assert (page.total, [(h.record_id, h.snippet) for h in page.hits]) == before
