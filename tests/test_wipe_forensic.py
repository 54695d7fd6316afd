"""`monitor wipe`, checked the way a forensic examiner would check it.

Before the wipe the examiner keeps a hard link to every file the vault needs to open: every file
in its directory whose name starts with the vault's name (the SQLCipher file, a -wal and -shm
left by a crash, and any key file kept beside the vault). A hard link shares the inode, so after
`monitor wipe --yes` it shows exactly what is left of those bytes on disk. The wipe holds only if
those bytes were overwritten in place, cannot be opened with the passphrase, and stay unopenable
when any single bit of a file's header is flipped back (an undo of a "flip one bit" wipe).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import reopen
from records import full_set

from monitor.core.errors import MonitorError

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process

TESTS = Path(__file__).resolve().parent
HEADER_BITS = 16 * 8  # SQLCipher keeps its salt in the first 16 bytes of a file

# A process that opens the vault, commits records, and dies without closing it: the -wal and -shm
# stay behind, full of encrypted pages (page 1 among them), as after a crash or a power cut.
CRASHER = f"""
import os, sys
sys.path.insert(0, {str(TESTS)!r})
from conftest import reopen
from records import uid
vault = reopen(sys.argv[1])
vault.put_many([{{"id": uid(5000 + i), "type": "facility", "name": f"ИВС № {{i}} Қостанай",
                  "type_key": "ivs", "notes": "ә" * 3000}} for i in range(30)])
os._exit(0)
"""


@dataclass
class Wiped:
    directory: Path          # where the vault lived
    names: list[str]         # the files the examiner linked
    original: dict[str, bytes]
    links: dict[str, Path]   # name -> hard link kept before the wipe


def vault_files(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name) and p.is_file())


def restore(into: Path, contents: dict[str, bytes]) -> Path:
    """Put files back under their original names in an empty directory (as an examiner would)."""
    if into.exists():
        shutil.rmtree(into)
    into.mkdir(mode=0o700)
    for name, data in contents.items():
        (into / name).write_bytes(data)
        os.chmod(into / name, 0o600)
    return into


def opens(directory: Path, vault_name: str) -> bool:
    try:
        with reopen(directory / vault_name) as vault:
            vault.counts()
        return True
    except MonitorError:
        return False


def monitor_wipe(path: Path, tmp: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(HOME=str(tmp / "home"), XDG_DATA_HOME=str(tmp / "xdg"))
    return subprocess.run([sys.executable, "-m", "monitor", "wipe", "--yes", "--vault", str(path)],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(params=["closed", "crashed"])
def wiped(request, vault, vault_path, tmp_path) -> Wiped:
    blob = vault.store_blob(io.BytesIO(os.urandom(160 * 1024)))  # the file outgrows its 64 KiB header
    vault.put_many(full_set(blob.sha256, blob.size))
    vault.close()
    if request.param == "crashed":
        died = subprocess.run([sys.executable, "-c", CRASHER, str(vault_path)], capture_output=True,
                              text=True, timeout=120)
        assert died.returncode == 0, died.stderr
        wal = Path(str(vault_path) + "-wal")
        assert wal.is_file() and wal.stat().st_size > 0, "the crash left no WAL; the scenario proves nothing"
    files = vault_files(vault_path)
    assert vault_path in files and vault_path.stat().st_size > 128 * 1024
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    links = {}
    for f in files:
        links[f.name] = evidence / f.name
        os.link(f, links[f.name])
    original = {name: link.read_bytes() for name, link in links.items()}
    # Control: the examiner's procedure opens the vault from these files before the wipe.
    assert opens(restore(tmp_path / "control", original), vault_path.name)

    result = monitor_wipe(vault_path, tmp_path)
    assert result.returncode == 0, result.stderr
    assert list(vault_path.parent.iterdir()) == []  # no name left behind, hidden or not
    return Wiped(vault_path.parent, sorted(links), original, links)


def differing_bits(a: bytes, b: bytes) -> int:
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).bit_count()


def test_wipe_overwrites_every_byte_an_examiner_kept(wiped):
    after_all = b"".join(wiped.links[name].read_bytes() for name in wiped.names)
    for name in wiped.names:
        before, after = wiped.original[name], wiped.links[name].read_bytes()
        # In place: a truncated or replaced file would leave the old blocks free but unread here.
        assert len(after) == len(before), f"{name}: size changed from {len(before)} to {len(after)}"
        # Random bytes differ from the old ones in about half of their bits, all through the file.
        changed = differing_bits(before, after) / (8 * len(before))
        assert changed > 0.4, f"{name}: only {changed:.1%} of its bits changed"
        kept = [off for off in range(0, len(before) - 15, 16)
                if after[off:off + 16] == before[off:off + 16] and len(set(before[off:off + 16])) > 1]
        assert kept == [], f"{name}: {len(kept)} blocks of 16 bytes survived, first at offset {kept[0]}"
        # No run of the old bytes survives anywhere, shifted or not.
        for off in range(0, len(before) - 32, 512):
            sample = before[off:off + 32]
            if len(set(sample)) > 4:
                assert sample not in after_all, f"{name}: bytes from offset {off} survive"


def test_wiped_files_do_not_open_with_the_passphrase(wiped, tmp_path):
    after = {name: wiped.links[name].read_bytes() for name in wiped.names}
    vault_name = min(wiped.names, key=len)
    restored = opens(restore(tmp_path / "examined", after), vault_name)
    assert not restored, "the right passphrase still opens the wiped files"


def test_flipping_back_any_single_header_bit_does_not_bring_the_vault_back(wiped, tmp_path):
    """A wipe that only flips a bit of the salt is undone by trying all 128 bits; none may open it."""
    after = {name: wiped.links[name].read_bytes() for name in wiped.names}
    vault_name = min(wiped.names, key=len)
    place = tmp_path / "examined"
    tried = 0
    for name in wiped.names:
        for bit in range(min(HEADER_BITS, 8 * len(after[name]))):
            candidate = bytearray(after[name])
            candidate[bit // 8] ^= 0x80 >> (bit % 8)
            restored = opens(restore(place, {**after, name: bytes(candidate)}), vault_name)
            assert not restored, f"flipping bit {bit} of {name} back restores the vault"
            tried += 1
    assert tried >= HEADER_BITS


def test_wipe_of_a_missing_vault_is_one_line_and_touches_nothing(tmp_path):
    bystander = tmp_path / "vaults" / "other.vault"
    bystander.parent.mkdir()
    bystander.write_bytes(b"not ours")
    result = monitor_wipe(tmp_path / "vaults" / "missing.vault", tmp_path)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [f"monitor: error: no vault at {tmp_path / 'vaults' / 'missing.vault'}"]
    assert bystander.read_bytes() == b"not ours"

