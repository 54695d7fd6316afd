"""The label sort key (schema 7): bytes that sort under SQLite's BINARY exactly as text.sort_key does
(Kazakh alphabet order, case-insensitive, the label itself breaking ties), stored with each label."""

from __future__ import annotations

from conftest import PASSPHRASE, TEST_KDF
from hypothesis import given, settings
from hypothesis import strategies as st
from records import new_facility, uid

from monitor.core.store.vault import Vault
from monitor.core.text import KAZAKH_ALPHABET, label_key, sort_key

# Letters of every class the key distinguishes: ASCII, Latin-1 and Greek (below U+0400), the Kazakh
# and Russian letters in both cases, other Cyrillic, CJK and astral code points, and the empty label.
LETTERS = KAZAKH_ALPHABET + KAZAKH_ALPHABET.upper() + "aAzZ09 -·.éÉßΣσςΩђЂѣ中😀\x00\x7f\u0080\u03ff\u0400"
labels = st.text(alphabet=LETTERS, max_size=8) | st.text(max_size=6)


def _cmp(a, b) -> int:
    return (a > b) - (a < b)


@settings(max_examples=3000, deadline=None)
@given(labels, labels)
def test_the_key_orders_two_labels_as_the_collation_does(a, b):
    assert _cmp(label_key(a), label_key(b)) == _cmp(sort_key(a), sort_key(b))


def test_kazakh_letters_take_their_alphabet_places():
    words = ["Ғалым", "Гүл", "Әлия", "Абай", "Бақыт", "Қайрат", "Кенже", "Іле", "Ыбырай", "Үміт", "Ұлан", "Уәли",
             "Өмір", "Орал", "Ңа", "Нұр", "Һ", "Хан", "zebra", "Alma", "", "абай"]
    assert sorted(words, key=label_key) == sorted(words, key=sort_key)
    assert sorted(words, key=label_key)[:4] == ["", "Alma", "zebra", "Абай"]  # Latin first, upper before lower
    assert label_key(None) == label_key("") == b"\x00"


@settings(max_examples=30, deadline=None)
@given(st.lists(labels.filter(lambda s: s.strip() and "\x00" not in s), min_size=2, max_size=12, unique=True))
def test_a_vault_lists_records_in_the_collation_order(tmp_path_factory, names):
    path = tmp_path_factory.mktemp("keys") / "v.vault"
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF) as vault:
        vault.put_many([new_facility(uid(100 + i), name=name, type_key="ivs") for i, name in enumerate(names)])
        listed = [r.label for r in vault.records("facility")]
        stored = vault.conn.execute("SELECT label, label_key FROM records WHERE type = 'facility'").fetchall()
    assert all(key == label_key(label) for label, key in stored)
    assert listed == sorted(listed, key=sort_key)
    assert len(listed) == len(names)
