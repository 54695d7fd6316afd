"""The opt-in duress passphrase (issue 21 §2): typed at unlock it destroys the key file in place, and
everything else looks like a wrong passphrase: the message, the exit code, the work done, the bytes.

Real vaults, real Argon2id and AES-GCM throughout; the derivation counter wraps the real function.
"""

from __future__ import annotations

import hashlib
import math
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF

from monitor.core.errors import MonitorError, VaultLocked, WrongPassphrase
from monitor.core.keys import duress, keyslot
from monitor.core.store.vault import Vault

DURESS = "violet harbour kettle"
WRONG = "granite willow harbour seventeen"
OTHER = "amber meadow falcon quartz"


def key_bytes(vault_path: Path) -> bytes:
    return keyslot.path_for(vault_path).read_bytes()


def slot(raw: bytes, index: int) -> bytes:
    start = keyslot.HEADER_SIZE + index * keyslot.SLOT_SIZE
    return raw[start:start + keyslot.SLOT_SIZE]


def refusal(path: Path, passphrase: str) -> WrongPassphrase:
    with pytest.raises(WrongPassphrase) as caught:
        Vault.open(path, passphrase)
    return caught.value


def recovery_slot(index: int) -> bytes:
    """A stand-in for a recovery slot (kind 2): the kind byte, random bytes, a valid checksum."""
    body = bytes([keyslot.KIND_RECOVERY]) + secrets.token_bytes(keyslot.SLOT_SIZE - 33)
    return body + hashlib.sha256(bytes([index]) + body).digest()


def put_slot(vault_path: Path, index: int, data: bytes) -> None:
    keyslot.write_slot(keyslot.path_for(vault_path), index, data)


@pytest.fixture
def armed(vault, vault_path):
    """A closed vault with a duress passphrase."""
    duress.set_passphrase(vault, DURESS)
    vault.close()
    return vault_path


def assert_destroyed(vault_path: Path, before: bytes) -> None:
    """No slot opens with the real or the duress passphrase, and nothing of a wrapped key is left."""
    after = key_bytes(vault_path)
    assert len(after) == keyslot.FILE_SIZE and after[:keyslot.HEADER_SIZE] == before[:keyslot.HEADER_SIZE]
    keyfile = keyslot.read(vault_path)  # still a key file: "wrong passphrase", never "wiped"
    assert keyfile.damaged == ()
    for passphrase in (PASSPHRASE, DURESS, WRONG):
        assert keyfile.open_slots(passphrase) is None
        assert duress.flags(keyfile, passphrase) is None
    for index in range(keyslot.SLOTS):  # every slot, whatever its kind byte says, as a passphrase slot
        raw = slot(after, index)
        assert raw[16:keyslot.SLOT_SIZE - 32] != slot(before, index)[16:keyslot.SLOT_SIZE - 32]
        _kind, t, m, p, salt, nonce = keyslot._SLOT_HEAD.unpack_from(raw)
        with pytest.raises(Exception):  # noqa: B017 - InvalidTag, or a cost Argon2 refuses
            kek = keyslot.derive(PASSPHRASE, salt, keyslot.KdfCost(t, m, p))
            keyslot.AESGCM(kek).decrypt(nonce, raw[60:108], keyslot._associated_data(after[:512], index, raw[:60]))
    for index in range(keyslot.SLOTS):  # no salt, nonce or sealed key of the old file survives anywhere
        assert slot(before, index)[16:108] not in after


def test_the_duress_passphrase_destroys_every_slot_and_says_wrong_passphrase(armed):
    before = key_bytes(armed)
    inode = os.stat(keyslot.path_for(armed)).st_ino
    wrong = refusal(armed, WRONG)
    assert key_bytes(armed) == before  # a wrong passphrase changes nothing
    forced = refusal(armed, DURESS)
    assert (type(forced), forced.message.id, forced.fields) == (type(wrong), wrong.message.id, wrong.fields)
    for lang in ("en", "ru", "kk"):
        assert forced.localized(lang) == wrong.localized(lang)
    assert os.stat(keyslot.path_for(armed)).st_ino == inode  # in place, never a new file
    assert_destroyed(armed, before)
    # the passphrase slot is now a decoy of the same kind and cost: a wrong passphrase like any other
    keyfile = keyslot.read(armed)
    assert keyfile.used() == [0] and keyfile.cost(0) == TEST_KDF
    for passphrase in (PASSPHRASE, DURESS):
        assert str(refusal(armed, passphrase)) == str(wrong)


def test_two_passphrase_slots_both_become_decoys(vault, vault_path):
    """An interrupted passphrase change leaves two passphrase slots: both go."""
    put_slot(vault_path, 3, keyslot._seal_slot(key_bytes(vault_path)[:512], 3, bytes(vault._data_key), OTHER, TEST_KDF))
    duress.set_passphrase(vault, DURESS)
    vault.close()
    assert Vault.open(vault_path, OTHER).close() is None
    before = key_bytes(vault_path)
    refusal(vault_path, DURESS)
    assert_destroyed(vault_path, before)
    assert keyslot.read(vault_path).used() == [0, 3]
    refusal(vault_path, OTHER)


@pytest.mark.parametrize("keep", [True, False])
def test_the_recovery_slot_goes_unless_the_user_kept_it(vault, vault_path, keep):
    put_slot(vault_path, 2, recovery_slot(2))
    duress.set_passphrase(vault, DURESS, keep_recovery=keep)
    vault.close()
    before = key_bytes(vault_path)
    refusal(vault_path, DURESS)
    after = key_bytes(vault_path)
    if keep:
        assert slot(after, 2) == slot(before, 2)
        assert keyslot.read(vault_path).used() == [0, 2]
    else:
        assert slot(after, 2)[0] == keyslot.KIND_EMPTY and slot(before, 2)[1:480] not in after
        assert keyslot.read(vault_path).used() == [0]


def test_setting_refuses_the_real_passphrase_a_short_one_and_a_locked_vault(vault, vault_path):
    before = key_bytes(vault_path)
    with pytest.raises(MonitorError) as caught:
        duress.set_passphrase(vault, PASSPHRASE)
    assert caught.value.message.id == "duress_same_as_passphrase"
    with pytest.raises(MonitorError) as caught:
        duress.set_passphrase(vault, "abc12")
    assert caught.value.message.id == "duress_too_short"
    assert key_bytes(vault_path) == before
    vault.close()
    with pytest.raises(VaultLocked):
        duress.set_passphrase(vault, DURESS)
    with pytest.raises(VaultLocked):
        duress.remove(vault)
    assert key_bytes(vault_path) == before


def test_setting_and_removing_touch_only_the_last_slot_and_keep_the_window_open(vault, vault_path):
    before = key_bytes(vault_path)
    duress.set_passphrase(vault, DURESS)
    armed = key_bytes(vault_path)
    assert armed[:-keyslot.SLOT_SIZE] == before[:-keyslot.SLOT_SIZE] and armed != before
    assert armed[-keyslot.SLOT_SIZE] == keyslot.KIND_EMPTY
    assert vault.still_there()  # the vault's own change, not a wipe
    duress.remove(vault)
    removed = key_bytes(vault_path)
    assert removed[:-keyslot.SLOT_SIZE] == before[:-keyslot.SLOT_SIZE] and removed != armed
    assert vault.still_there()
    vault.close()
    before = key_bytes(vault_path)
    refusal(vault_path, DURESS)  # removed: now only a wrong passphrase
    assert key_bytes(vault_path) == before
    Vault.open(vault_path, PASSPHRASE).close()


def test_a_wrong_unlock_elsewhere_never_locks_an_open_vault(armed):
    window = Vault.open(armed, PASSPHRASE)
    try:
        seen = keyslot.state(armed)
        refusal(armed, WRONG)  # another Vault object, as another process would
        assert keyslot.state(armed) == seen
        assert window.still_there()
        refusal(armed, DURESS)
        assert not window.still_there()  # the key file really is gone: the window must lock
    finally:
        window.close()


def test_an_answer_acts_on_the_key_file_as_it_is_now_not_as_it_was_read(vault, vault_path):
    """A wrong unlock read the key file, then a passphrase change landed, then the unlock wrote: the
    change stays. A duress unlock in the same position destroys the new slot too."""
    duress.set_passphrase(vault, DURESS)
    stale = keyslot.read(vault_path)
    vault.change_passphrase(OTHER, kdf=TEST_KDF)
    changed = key_bytes(vault_path)
    assert changed != b"".join([stale.header, *stale.slots])
    duress.answer(stale, WRONG)
    assert key_bytes(vault_path) == changed and vault.still_there()
    vault.close()
    Vault.open(vault_path, OTHER).close()
    stale = keyslot.read(vault_path)
    with Vault.open(vault_path, OTHER) as again:
        again.change_passphrase(PASSPHRASE, kdf=TEST_KDF)
    before = key_bytes(vault_path)
    duress.answer(stale, DURESS)
    assert_destroyed(vault_path, before)


def test_the_duress_passphrase_at_a_passphrase_check_of_an_open_vault_is_only_wrong(armed):
    from monitor.core.store.care import passphrase_opens

    before = key_bytes(armed)
    assert not passphrase_opens(armed, DURESS)
    assert passphrase_opens(armed, PASSPHRASE)
    assert key_bytes(armed) == before


def test_a_passphrase_change_keeps_the_verifier(armed):
    with Vault.open(armed, PASSPHRASE) as vault:
        vault.change_passphrase(OTHER, kdf=TEST_KDF)
    assert keyslot.read(armed).used() == [1]
    before = key_bytes(armed)
    refusal(armed, DURESS)
    assert_destroyed(armed, before)


def test_a_rekey_carries_the_verifier_into_the_new_key_file(armed):
    verifier = slot(key_bytes(armed), duress.INDEX)
    with Vault.open(armed, PASSPHRASE) as vault:
        vault.rekey(OTHER, kdf=TEST_KDF)
    after = key_bytes(armed)
    assert slot(after, duress.INDEX) == verifier  # byte for byte; the header (binding) is new
    before = key_bytes(armed)
    refusal(armed, DURESS)
    assert_destroyed(armed, before)
    refusal(armed, OTHER)


def test_no_passphrase_slot_is_ever_written_to_the_reserved_slot(vault, vault_path):
    for index in range(1, duress.INDEX):  # every other slot taken (by recovery-like slots)
        put_slot(vault_path, index, recovery_slot(index))
    before = key_bytes(vault_path)
    with pytest.raises(MonitorError) as caught:
        vault.change_passphrase(OTHER, kdf=TEST_KDF)
    assert caught.value.message.id == "key_file_no_free_slot"
    assert key_bytes(vault_path) == before


def count_calls(monkeypatch) -> dict:
    counts = {"derive": 0, "fsync": 0, "pwrite": 0}
    real_derive, real_fsync, real_pwrite = keyslot.derive, os.fsync, os.pwrite

    def derive(*args, **kw):
        counts["derive"] += 1
        return real_derive(*args, **kw)

    def fsync(fd):
        counts["fsync"] += 1
        return real_fsync(fd)

    def pwrite(fd, data, offset):
        counts["pwrite"] += 1
        return real_pwrite(fd, data, offset)

    monkeypatch.setattr(keyslot, "derive", derive)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "pwrite", pwrite)
    return counts


def test_wrong_and_duress_unlocks_do_the_same_work(vault, vault_path, monkeypatch, tmp_path):
    """Time is not asserted here (a shared machine); the work that makes it is: derivations, writes, syncs."""
    plain = tmp_path / "plain" / "p.vault"  # a vault that never had a duress passphrase
    Vault.create(plain, PASSPHRASE, kdf=TEST_KDF).close()
    duress.set_passphrase(vault, DURESS)
    vault.close()
    counts = count_calls(monkeypatch)
    work = {}
    for name, path, passphrase in (("wrong, no verifier", plain, WRONG), ("wrong", vault_path, WRONG),
                                   ("duress", vault_path, DURESS), ("after it", vault_path, PASSPHRASE)):
        for key in counts:
            counts[key] = 0
        refusal(path, passphrase)
        work[name] = dict(counts)
    assert work["duress"] == work["wrong"] == work["wrong, no verifier"] == work["after it"], work
    assert work["wrong"] == {"derive": 2, "fsync": 1, "pwrite": 1}, work


# --- byte statistics: slot 6 with a verifier versus empty slots ----------------------------------

def _key_files(n: int, *, verifier: bool) -> list[bytes]:
    out = []
    for _ in range(n):
        header = keyslot._header(secrets.token_bytes(keyslot.VAULT_SALT_BYTES))
        data = header + keyslot._seal_slot(header, 0, secrets.token_bytes(32), PASSPHRASE, TEST_KDF)
        data += b"".join(keyslot.empty_slot(i) for i in range(1, duress.INDEX))
        data += duress.seal(DURESS, TEST_KDF, keep_recovery=False) if verifier else keyslot.empty_slot(duress.INDEX)
        out.append(data)
    return out


def _chi_square_two_samples(a: list[int], b: list[int]) -> float:
    na, nb = sum(a), sum(b)
    total = 0.0
    for x, y in zip(a, b):
        if x + y:
            total += (x * math.sqrt(nb / na) - y * math.sqrt(na / nb)) ** 2 / (x + y)
    return total


def _chi_square_limit(df: int, z: float) -> float:
    """Wilson-Hilferty: the chi-square quantile with ``df`` degrees of freedom at normal quantile ``z``."""
    return df * (1 - 2 / (9 * df) + z * math.sqrt(2 / (9 * df))) ** 3


def _entropy(hist: list[int]) -> float:
    n = sum(hist)
    return -sum(c / n * math.log2(c / n) for c in hist if c)


def slot_statistics(n: int) -> dict:
    with_verifier = [slot(f, duress.INDEX) for f in _key_files(n, verifier=True)]
    plain_files = _key_files(n, verifier=False)
    empty_last = [slot(f, duress.INDEX) for f in plain_files]
    empty_other = [slot(f, 1 + i % (duress.INDEX - 1)) for i, f in enumerate(plain_files)]
    figures = {}
    for name, slots in (("verifier", with_verifier), ("empty slot 6", empty_last), ("empty slots 1-5", empty_other)):
        hist = [0] * 256
        for s in slots:
            for b in s[1:]:  # byte 0 is the kind: 0 in all three
                hist[b] += 1
        assert all(s[0] == keyslot.KIND_EMPTY for s in slots)
        per_position = [statistics.fmean(s[i] for s in slots) for i in range(1, keyslot.SLOT_SIZE)]
        figures[name] = {"hist": hist, "mean": statistics.fmean(per_position), "entropy": _entropy(hist),
                         "positions": per_position}
    return figures


def check_slot_statistics(n: int) -> None:
    figures = slot_statistics(n)
    limit = _chi_square_limit(255, 5.0)  # p about 3e-7: a real difference is far beyond it
    sd = 255 / math.sqrt(12) / math.sqrt(n)  # of a per-position mean of n uniform bytes
    base = figures["empty slots 1-5"]
    for name in ("verifier", "empty slot 6"):
        chi = _chi_square_two_samples(figures[name]["hist"], base["hist"])
        worst = max(abs(x - 127.5) / sd for x in figures[name]["positions"])
        print(f"\n{name} vs empty slots 1-5 over {n} key files: chi-square {chi:.1f} (255 df, limit {limit:.1f}), "
              f"mean byte {figures[name]['mean']:.3f} vs {base['mean']:.3f}, entropy {figures[name]['entropy']:.5f} "
              f"vs {base['entropy']:.5f} bits/byte, worst position |z| {worst:.2f} (limit 6)")
        assert chi < limit
        assert worst < 6.0  # 511 positions: a fixed or biased byte anywhere stands out at once
        assert abs(figures[name]["entropy"] - base["entropy"]) < 0.01


def test_a_verifier_slot_has_the_byte_statistics_of_an_empty_slot():
    check_slot_statistics(300)


@pytest.mark.slow
def test_a_verifier_slot_has_the_byte_statistics_of_an_empty_slot_over_many_files():
    check_slot_statistics(5000)


# --- the CLI: the same message and exit code ------------------------------------------------------

def run_cli(tmp: Path, vault_path: Path, passphrase: str, *args: str) -> subprocess.CompletedProcess:
    passfile = tmp / f"pass-{secrets.token_hex(4)}"
    passfile.write_text(passphrase + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(MONITOR_PASSPHRASE_FILE=str(passfile), MONITOR_LANG="en", HOME=str(tmp / "home"),
               XDG_DATA_HOME=str(tmp / "xdg"))
    return subprocess.run([sys.executable, "-m", "monitor", *args, "--vault", str(vault_path)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)


@pytest.mark.process
def test_the_cli_sets_removes_and_answers_the_duress_passphrase_like_a_wrong_one(vault, vault_path, tmp_path):
    vault.close()
    secret = tmp_path / "duress.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    same = run_cli(tmp_path, vault_path, PASSPHRASE, "duress", "set", "--duress-passphrase-file", str(secret))
    assert same.returncode == 1 and "must differ" in same.stderr
    secret.write_text(DURESS + "\n", encoding="utf-8")
    done = run_cli(tmp_path, vault_path, PASSPHRASE, "duress", "remove")
    assert done.returncode == 0, done.stderr
    done = run_cli(tmp_path, vault_path, PASSPHRASE, "duress", "set", "--duress-passphrase-file", str(secret))
    assert done.returncode == 0 and "duress passphrase set" in done.stdout, done.stderr
    before = key_bytes(vault_path)
    wrong = run_cli(tmp_path, vault_path, WRONG, "info")
    forced = run_cli(tmp_path, vault_path, DURESS, "info")
    assert (forced.returncode, forced.stdout, forced.stderr) == (wrong.returncode, wrong.stdout, wrong.stderr)
    assert wrong.returncode == 1 and wrong.stderr == "monitor: error: wrong passphrase\n"
    assert_destroyed(vault_path, before)
    again = run_cli(tmp_path, vault_path, PASSPHRASE, "info")
    assert (again.returncode, again.stderr) == (wrong.returncode, wrong.stderr)


# --- timing (slow): 30 trials each at the production cost, reported --------------------------------

def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@pytest.mark.slow
def test_duress_and_wrong_unlocks_take_the_same_time_at_the_production_cost(tmp_path):
    path = tmp_path / "timed.vault"
    vault = Vault.create(path, PASSPHRASE, kdf=keyslot.DEFAULT_COST)
    duress.set_passphrase(vault, DURESS)
    vault.close()
    armed = key_bytes(path)
    times: dict[str, list[float]] = {"wrong": [], "duress": []}
    for trial in range(60):  # interleaved, so the machine's load falls on both alike
        name = "wrong" if trial % 2 == 0 else "duress"
        with open(keyslot.path_for(path), "r+b") as handle:  # the armed key file back, in place
            handle.write(armed)
        started = time.perf_counter()
        refusal(path, WRONG if name == "wrong" else DURESS)
        times[name].append(time.perf_counter() - started)
        assert (key_bytes(path) == armed) == (name == "wrong")
    for name, values in times.items():
        print(f"\n{name}: n={len(values)} median {statistics.median(values):.3f} s, p10 {_quantile(values, 0.1):.3f} s, "
              f"p90 {_quantile(values, 0.9):.3f} s, min {min(values):.3f} s, max {max(values):.3f} s")
    lo = max(min(times["wrong"]), min(times["duress"]))
    hi = min(max(times["wrong"]), max(times["duress"]))
    inside = {name: sum(lo <= v <= hi for v in values) for name, values in times.items()}
    print(f"overlap of the ranges: {lo:.3f}-{hi:.3f} s, holding {inside['wrong']}/30 wrong and {inside['duress']}/30 duress")
    # the distributions must overlap: each median lies inside the other's p10-p90
    assert _quantile(times["wrong"], 0.1) <= statistics.median(times["duress"]) <= _quantile(times["wrong"], 0.9)
    assert _quantile(times["duress"], 0.1) <= statistics.median(times["wrong"]) <= _quantile(times["duress"], 0.9)
