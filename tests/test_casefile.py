"""Gathering a case file: every linked record once, and a dated chronology."""

from __future__ import annotations

import io

from records import full_set, new_case, uid

from monitor.core.queries import casefile


def test_case_file_gathers_everything_linked(vault):
    blob = vault.store_blob(io.BytesIO(b"png" * 100))
    vault.put_many(full_set(blob.sha256, blob.size))
    other = new_case(uid(500), code="KZ-2026-0999", title="Басқа іс")
    vault.put(other)
    cf = casefile.gather(vault, uid(6))
    assert [b["id"] for b in cf.interviews] == [uid(7)]
    assert [b["id"] for b in cf.examinations] == [uid(8)]
    assert [b["id"] for b in cf.complaints] == [uid(10)] and [b["id"] for b in cf.proceedings] == [uid(11)]
    assert [b["id"] for b in cf.links] == [uid(12)]
    assert [b["id"] for b in cf.addenda] == [uid(13)]  # reached through the interview
    assert [b["id"] for b in cf.attachments] == [uid(9)]
    assert [b["id"] for b in cf.visits] == [uid(2)]
    assert [b["code"] for b in cf.people] == ["P-2026-0042", "P-2026-0044"]
    kinds = [e.kind for e in cf.chronology()]
    assert kinds[0] == "allegation" and "judgment" in kinds and "addendum" in kinds
    dates = [e.date[:10] for e in cf.chronology()]
    assert dates == sorted(dates)
    assert casefile.gather(vault, uid(500)).interviews == []
