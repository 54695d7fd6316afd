"""A forensic check of ``monitor wipe`` on a real file system: a loop-mounted ext4 image.

The examiner's view: after the wipe, the whole image (free blocks included) is searched for key
files and key-slot fragments, and each is tried with every passphrase the vault ever had. Nothing
may unwrap. Before the wipe the same search must find the key file and unwrap it, so the test
can fail. It also counts how many encrypted pages of the vault still sit in free blocks (they do:
SQLite deletes its ``-wal`` files without overwriting them), which shows why the key file is what
the wipe has to destroy. The key file holds a coordinator recovery slot too (issue 21 §1): no byte run
of it, and no slot that decrypts with the coordinator's identity, may survive the wipe or, in its own
test, ``monitor recovery remove``.

Needs root, ``mkfs.ext4`` and loop devices; skipped with the reason otherwise (under ``CI=true`` a
missing tool is a failure, an unavailable loop device a skip).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF, skip_unless_ci
from records import SECRET, new_person, uid

from monitor.core.keys import keyslot
from monitor.core.store.vault import Vault

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process

NEW = "granite willow harbour seventeen"
PAGE = 4096


def _need_tools() -> None:
    missing = [t for t in ("mkfs.ext4", "mount", "umount", "losetup") if shutil.which(t) is None]
    if missing:
        message = f"forensic wipe test needs {', '.join(missing)} (Debian: e2fsprogs, mount)"
        skip_unless_ci(message)  # a missing tool fails the run under CI=true
    if os.geteuid() != 0:
        pytest.skip("forensic wipe test needs root to loop-mount an ext4 image")


@pytest.fixture
def ext4(tmp_path):
    """A fresh 64 MiB ext4 file system, loop-mounted; yields (mount point, image path)."""
    _need_tools()
    image, mnt = tmp_path / "disk.img", tmp_path / "mnt"
    mnt.mkdir()
    with open(image, "wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    subprocess.run(["mkfs.ext4", "-q", "-F", "-b", "4096", str(image)], check=True, capture_output=True)
    mounted = subprocess.run(["mount", "-o", "loop", str(image), str(mnt)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"loop devices are unavailable here: {mounted.stderr.strip()}")
    try:
        yield mnt, image
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def _unmount(mnt: Path) -> None:
    subprocess.run(["umount", str(mnt)], check=True, capture_output=True)


def examine(image: bytes, passphrases: list[str], vault_salts: set[bytes]) -> dict[str, int]:
    """What an examiner holding every passphrase recovers: key files and slots that unwrap."""
    found = {"key_file_headers": 0, "slot_candidates": 0, "unwrapped": 0}
    headers = []
    start = image.find(keyslot.MAGIC)
    while start != -1:
        found["key_file_headers"] += 1
        headers.append(image[start:start + 32])
        start = image.find(keyslot.MAGIC, start + 1)
    # Any 512-byte-aligned block shaped like a passphrase slot, with or without its header; the
    # examiner may know the vault salt from a surviving first page, so try those headers too.
    headers += [keyslot.MAGIC + bytes([keyslot.VERSION]) + salt for salt in vault_salts]
    fragment = struct.pack(">B3xIII", keyslot.KIND_PASSPHRASE, TEST_KDF.time, TEST_KDF.memory_kib, TEST_KDF.lanes)
    for offset in range(0, len(image) - keyslot.SLOT_SIZE + 1, 512):
        if image[offset:offset + 16] != fragment:
            continue
        found["slot_candidates"] += 1
        slot = image[offset:offset + keyslot.SLOT_SIZE]
        for header in set(headers):
            for index in range(keyslot.SLOTS):
                keyfile = keyslot.KeyFile(Path("image"), header + bytes(keyslot.HEADER_SIZE - 32),
                                          tuple(slot if i == index else bytes(keyslot.SLOT_SIZE)
                                                for i in range(keyslot.SLOTS)))
                for passphrase in passphrases:
                    try:
                        keyfile.unwrap(passphrase)
                    except Exception:  # noqa: BLE001 - any failure is "did not unwrap"
                        continue
                    found["unwrapped"] += 1
    return found


def _blocks(data: bytes) -> set[bytes]:
    return {hashlib.sha256(data[i:i + PAGE]).digest() for i in range(0, len(data) - PAGE + 1, PAGE)}


def run_scenario(mnt: Path, image: Path, sessions: int, totals, suite: str) -> None:
    from monitor.core.keys import recovery
    from monitor.core.keys.identity import DeviceIdentity
    from monitor.core.store import recovery as vault_recovery
    from monitor.core.sync import contacts

    path = mnt / "v" / "monitor.vault"
    coordinator = DeviceIdentity.generate()  # the key file also holds a recovery slot (issue 21 §1)
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF) as vault:
        contacts.trust(vault, contacts.own(coordinator, "Айгүл", "coordinator"))
        index = vault_recovery.add(vault, contacts.find_in(vault, "Айгүл")).index
    recovery_slot = keyslot.path_for(path).read_bytes()[keyslot.HEADER_SIZE + index * keyslot.SLOT_SIZE:][:keyslot.SLOT_SIZE]
    identity = recovery.load_identity(coordinator.age_identity)
    salts, pages = set(), set()
    n = 0
    for session in range(sessions):
        with Vault.open(path, PASSPHRASE if session < sessions - 1 else PASSPHRASE) as vault:
            for _ in range(5):
                n += 1
                vault.put(new_person(uid(n), code=f"P-2026-{n:04d}",
                                     identity={"name_cyrillic": f"{SECRET} {n}"}, notes="ә" * 3000))
            wal = Path(str(path) + "-wal")
            pages |= _blocks(path.read_bytes()) | (_blocks(wal.read_bytes()) if wal.exists() else set())
            if session == sessions - 1:
                vault.change_passphrase(NEW, kdf=TEST_KDF)  # the old slot is destroyed in place
        salts.add(path.read_bytes()[:16])
    os.sync()
    before = examine(image.read_bytes(), [PASSPHRASE, NEW], salts)
    assert before["unwrapped"] >= 1, f"the examiner must find the live key file before the wipe: {before}"
    assert _recovery_remnants(image.read_bytes(), recovery_slot, identity)["decrypted"] >= 1
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    wiped = subprocess.run([sys.executable, "-m", "monitor", "wipe", "--yes", "--vault", str(path)],
                           capture_output=True, text=True, env=env, timeout=120)
    assert wiped.returncode == 0, wiped.stderr
    assert not any(p.name.startswith("monitor.vault") for p in path.parent.iterdir())
    _unmount(mnt)
    disk = image.read_bytes()
    after = examine(disk, [PASSPHRASE, NEW], salts)
    remnants = _recovery_remnants(disk, recovery_slot, identity)
    surviving = len(pages & _blocks(disk))
    totals(suite, rounds=1, records_written=n, encrypted_pages_surviving_in_free_blocks=surviving,
           key_file_copies_found=after["key_file_headers"], slot_candidates=after["slot_candidates"],
           unwrapped_after_wipe=after["unwrapped"], recovery_slot_remnants=sum(remnants.values()))
    assert after["unwrapped"] == 0, f"a key slot still unwraps after the wipe: {after}"
    assert after["key_file_headers"] == 0 and after["slot_candidates"] == 0, after
    assert remnants == {"age_file": 0, "fingerprint": 0, "slot_candidates": 0, "decrypted": 0}, remnants


def test_after_wipe_nothing_on_the_ext4_image_unwraps_with_any_passphrase(ext4, totals):
    mnt, image = ext4
    run_scenario(mnt, image, sessions=3, totals=totals, suite="forensic wipe (ext4 loop image)")


@pytest.mark.slow
@pytest.mark.parametrize("sessions", [2, 6, 12])
def test_forensic_wipe_long(ext4, totals, sessions):
    mnt, image = ext4
    run_scenario(mnt, image, sessions=sessions, totals=totals, suite="forensic wipe long (ext4 loop image)")


def _recovery_remnants(image: bytes, slot: bytes, identity) -> dict[str, int]:
    """What an examiner holding the coordinator's age identity finds of a recovery slot: its age file,
    its fingerprint, and any 512-byte-aligned block shaped like a recovery slot that decrypts."""
    import pyrage

    length = int.from_bytes(slot[36:38], "big")
    found = {"age_file": image.count(slot[38:38 + length]), "fingerprint": image.count(slot[4:36]),
             "slot_candidates": 0, "decrypted": 0}
    for offset in range(0, len(image) - keyslot.SLOT_SIZE + 1, 512):
        if image[offset] != keyslot.KIND_RECOVERY or image[offset + 38:offset + 59] != b"age-encryption.org/v1":
            continue
        found["slot_candidates"] += 1
        size = int.from_bytes(image[offset + 36:offset + 38], "big")
        try:
            pyrage.decrypt(image[offset + 38:offset + 38 + size], [identity])
        except Exception:  # noqa: BLE001 - any failure is "did not decrypt"
            continue
        found["decrypted"] += 1
    return found


def test_after_recovery_remove_no_remnant_of_the_slot_is_on_the_ext4_image(ext4, totals, tmp_path):
    """Issue 21 §1: ``monitor recovery remove`` overwrites the slot in place; the image (free blocks
    included) holds no byte run of it afterwards, and nothing on it decrypts with the identity."""
    from monitor.core.keys import recovery
    from monitor.core.keys.identity import DeviceIdentity
    from monitor.core.store import recovery as vault_recovery
    from monitor.core.sync import contacts

    mnt, image = ext4
    path = mnt / "v" / "monitor.vault"
    coordinator = DeviceIdentity.generate()
    identity = recovery.load_identity(coordinator.age_identity)
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF) as vault:
        contacts.trust(vault, contacts.own(coordinator, "Айгүл", "coordinator"))
        for n in range(1, 6):
            vault.put(new_person(uid(n), code=f"P-2026-{n:04d}", identity={"name_cyrillic": f"{SECRET} {n}"}))
        index = vault_recovery.add(vault, contacts.find_in(vault, "Айгүл")).index
    slot = keyslot.path_for(path).read_bytes()[keyslot.HEADER_SIZE + index * keyslot.SLOT_SIZE:][:keyslot.SLOT_SIZE]
    os.sync()
    before = _recovery_remnants(image.read_bytes(), slot, identity)
    assert before["age_file"] >= 1 and before["decrypted"] >= 1, f"the examiner must find the live slot: {before}"
    (tmp_path / "pass").write_text(PASSPHRASE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(MONITOR_PASSPHRASE_FILE=str(tmp_path / "pass"), MONITOR_LANG="en")
    removed = subprocess.run([sys.executable, "-m", "monitor", "recovery", "remove", "--vault", str(path)],
                             capture_output=True, text=True, env=env, timeout=120, check=False)
    assert removed.returncode == 0, removed.stderr
    with Vault.open(path, PASSPHRASE) as vault:  # the vault itself is untouched and still opens
        assert vault.counts()
    _unmount(mnt)
    after = _recovery_remnants(image.read_bytes(), slot, identity)
    totals("forensic recovery-slot removal (ext4 loop image)", rounds=1, age_file_copies=after["age_file"],
           fingerprint_copies=after["fingerprint"], slot_candidates=after["slot_candidates"],
           decrypted_after_removal=after["decrypted"])
    assert after == {"age_file": 0, "fingerprint": 0, "slot_candidates": 0, "decrypted": 0}, after
