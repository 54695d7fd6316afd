"""Drafts are kept inside the vault and survive a lock; saving the record discards them."""

from __future__ import annotations

from conftest import reopen

from monitor.core.store import drafts
from monitor.core.history.revisions import new_id


def test_draft_survives_lock_and_is_inside_the_vault(vault, vault_path):
    rid = new_id()
    drafts.save(vault, rid, {"narrative": "Қамауда ұрды — черновик"})
    revisions = vault.summary()["revisions"]
    vault.close()
    assert "черновик".encode() not in vault_path.read_bytes()
    with reopen(vault_path) as again:
        draft = drafts.load(again, rid)
        assert draft["body"] == {"narrative": "Қамауда ұрды — черновик"} and draft["saved_at"]
        assert drafts.pending(again) == [rid]
        assert again.summary()["revisions"] == revisions  # a draft is not a revision
        drafts.discard(again, rid)
        assert drafts.load(again, rid) is None and drafts.pending(again) == []
        assert again.verify().ok
