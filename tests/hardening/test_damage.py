"""Random bit flips and truncations of a vault and its key file, and wrong passphrases.

Each damaged copy goes through ``monitor verify`` (in process, the real command): it must be
reported as damage (one line, or verify's problem list) and never accepted, never called a wrong
passphrase, never a traceback. A damaged spare key slot next to the intact one is cleared with a
warning, which counts as reported. Quick: 60 trials; long (``-m slow``): 600.
"""

from __future__ import annotations

import hashlib
import io
import random
import shutil
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF
from records import full_set, new_facility

from monitor import cli
from monitor.core.errors import WrongPassphrase
from monitor.core.store.vault import Vault


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A stocked vault (every record type, an attachment, a second session) and its key file."""
    base = tmp_path_factory.mktemp("pristine")
    path = base / "p.vault"
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF) as vault:
        blob = vault.store_blob(io.BytesIO(bytes(range(256)) * 2000))
        vault.put_many(full_set(blob.sha256, blob.size))
    with Vault.open(path, PASSPHRASE) as vault:
        vault.put(new_facility("00000000-0000-4000-8000-0000000000aa", name="ИВС Қостанай", type_key="ivs"))
    return path.read_bytes(), Path(str(path) + ".keyslot").read_bytes()


def _classify(capsys, path: Path, passfile: Path) -> str:
    code = cli.main(["verify", "--vault", str(path), "--passphrase-file", str(passfile)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    if code == 0:
        return "cleared a damaged spare slot, with a warning" if "warning:" in err else "accepted"
    if code == 3:
        assert out.count("PROBLEM:") >= 1
        return "verify found the damage"
    assert code == 1 and len(lines) == 1, err
    message = lines[0]
    if "wrong passphrase" in message:
        return "called a wrong passphrase"
    assert "damaged" in message, message
    return "refused as damaged" if "key file" not in message else "key file refused as damaged"


def run_trials(tmp_path, capsys, pristine, trials: int, seed: int, totals, suite: str) -> None:
    vault_bytes, slot_bytes = pristine
    path, slot = tmp_path / "d.vault", tmp_path / "d.vault.keyslot"
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
    rng = random.Random(seed)
    outcomes: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for trial in range(trials):
        data, keys = bytearray(vault_bytes), bytearray(slot_bytes)
        roll = rng.random()
        if roll < 0.65:
            kind = "bit flip in the vault"
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif roll < 0.8:
            kind = "bit flip in the key file"
            keys[rng.randrange(len(keys))] ^= 1 << rng.randrange(8)
        elif roll < 0.95:
            kind = "truncated vault"
            cut = rng.choice([rng.randrange(len(data)), rng.randrange(len(data) // 4096) * 4096])
            del data[cut:]
        else:
            kind = "truncated key file"
            del keys[rng.randrange(len(keys)):]
        path.write_bytes(bytes(data))
        slot.write_bytes(bytes(keys))
        for extra in tmp_path.glob("d.vault-*"):
            extra.unlink()
        outcome = _classify(capsys, path, passfile)
        kinds[kind] = kinds.get(kind, 0) + 1
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        assert outcome not in ("accepted", "called a wrong passphrase"), (trial, kind, outcome)
    totals(suite, trials=trials, **{k.replace(" ", "_"): v for k, v in {**kinds, **outcomes}.items()})


def test_bit_flips_and_truncations_quick(tmp_path, capsys, pristine, totals):
    run_trials(tmp_path, capsys, pristine, trials=60, seed=7, totals=totals, suite="bit flips and truncations")


@pytest.mark.slow
def test_bit_flips_and_truncations_long(tmp_path, capsys, pristine, totals):
    run_trials(tmp_path, capsys, pristine, trials=600, seed=2026, totals=totals,
               suite="bit flips and truncations (long)")


def _wrong_passphrases(rng: random.Random, n: int) -> list[str]:
    words = ["copper", "lantern", "steppe", "violin", "қамау", "тюрьма", "ә", " ", "'", '"', "\\", "ø", "🙂"]
    out = ["", " ", PASSPHRASE.upper(), PASSPHRASE + " ", PASSPHRASE[:-1], "copper lantern steppe viola",
           "x" * 5000, "'; DROP TABLE records; --", "\u202e" + PASSPHRASE]
    while len(out) < n:
        out.append(" ".join(rng.choice(words) for _ in range(rng.randrange(1, 7))))
    return out[:n]


@pytest.mark.parametrize("count", [100, pytest.param(1000, marks=pytest.mark.slow)])
def test_wrong_passphrases_leave_the_files_unchanged_with_a_clear_message(tmp_path, pristine, totals, count):
    path = tmp_path / "w.vault"
    path.write_bytes(pristine[0])
    Path(str(path) + ".keyslot").write_bytes(pristine[1])
    digest = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    refused = 0
    for wrong in _wrong_passphrases(random.Random(count), count):
        with pytest.raises(WrongPassphrase) as err:
            Vault.open(path, wrong)
        assert str(err.value) == "wrong passphrase"
        refused += 1
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()} == digest
    Vault.open(path, PASSPHRASE).close()  # and the right one still opens
    totals("wrong passphrases", tried=count, refused_with_message=refused, files_changed=0)


def test_wrong_passphrases_through_the_command(tmp_path, pristine, totals, capsys):
    path = tmp_path / "c.vault"
    path.write_bytes(pristine[0])
    Path(str(path) + ".keyslot").write_bytes(pristine[1])
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    passfile = tmp_path / "wrong"
    for i, wrong in enumerate(_wrong_passphrases(random.Random(5), 20)[1:]):  # the file may not be empty
        passfile.write_text(wrong + "\n", encoding="utf-8")
        code = cli.main(["info", "--vault", str(path), "--passphrase-file", str(passfile)])
        err = capsys.readouterr().err
        assert code == 1 and err.strip().splitlines() in (["monitor: error: wrong passphrase"],
                                                          [f"monitor: error: the passphrase file {passfile} is empty"]), err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    shutil.rmtree(tmp_path / "nothing", ignore_errors=True)
    totals("wrong passphrases (command)", tried=19)
