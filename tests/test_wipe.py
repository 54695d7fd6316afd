"""Wipe identifies before destroying; a vault wiped under an open Monitor is noticed; damaged
vaults give one line on every command."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import PASSPHRASE, raw_connect
from records import SECRET, new_facility, new_person, uid

from monitor.core import fs
from monitor.core.keys import wipe
from monitor.core.db import DatabaseError
from monitor.core.errors import NotAVault, VaultDamaged
from monitor.core.store.vault import Vault


def run(*args, passfile: Path | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    if passfile:
        env["MONITOR_PASSPHRASE_FILE"] = str(passfile)
    result = subprocess.run([sys.executable, "-m", "monitor", *args], capture_output=True, text=True,
                            env=env, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def one_line(result) -> str:
    assert result.returncode != 0
    lines = [line for line in result.stderr.strip().splitlines() if not line.startswith("warning: dump writes")]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def passfile(tmp_path) -> Path:
    p = tmp_path / "pass.txt"
    p.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return p


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>" * 50)
        z.writestr("word/document.xml", os.urandom(20000).hex())


@pytest.mark.process
@pytest.mark.parametrize("kind", ["docx", "text", "sqlite", "empty", "random-odd-size"])
def test_wipe_refuses_what_is_not_a_vault_and_leaves_it_untouched(tmp_path, kind):
    target = tmp_path / f"report.{kind}"
    if kind == "docx":
        _docx(target)
    elif kind == "text":
        target.write_text("Показания свидетеля\n" * 500, encoding="utf-8")
    elif kind == "sqlite":
        import sqlite3

        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    elif kind == "empty":
        target.touch()
    else:
        target.write_bytes(os.urandom(4096 * 3 + 5))
    before = target.read_bytes()
    message = one_line(run("wipe", "--yes", "--vault", str(target)))
    assert "does not look like a Monitor vault" in message and "nothing was wiped" in message
    assert target.read_bytes() == before


@pytest.mark.process
def test_wipe_refuses_a_symlink_and_does_not_follow_it(vault, vault_path, tmp_path):
    vault.close()
    link = tmp_path / "shortcut.vault"
    link.symlink_to(vault_path)
    before = vault_path.read_bytes(), Path(str(vault_path) + ".keyslot").read_bytes()
    assert "symbolic link" in one_line(run("wipe", "--yes", "--vault", str(link)))
    assert (vault_path.read_bytes(), Path(str(vault_path) + ".keyslot").read_bytes()) == before
    # a key file that is a symbolic link (to something else) is refused too
    other = tmp_path / "precious.bin"
    other.write_bytes(b"precious" * 600)
    slot = Path(str(vault_path) + ".keyslot")
    slot.rename(tmp_path / "real.keyslot")
    slot.symlink_to(other)
    assert "symbolic link" in one_line(run("wipe", "--yes", "--vault", str(vault_path)))
    assert other.read_bytes() == b"precious" * 600


@pytest.mark.process
def test_wipe_asks_for_the_name_of_a_vault_without_a_bound_key_file(vault, vault_path):
    """A vault from before key files, or one whose wipe was interrupted, is wiped only when its
    file name is typed back (--confirm NAME without a terminal); --yes alone is not enough."""
    vault.put(new_facility(uid(1)))
    vault.close()
    wipe.destroy_key_material(vault_path)  # an interrupted wipe: key file random, vault header random
    before = vault_path.read_bytes()
    message = one_line(run("wipe", "--yes", "--vault", str(vault_path)))
    assert "no key file bound" in message and f"--confirm {vault_path.name}" in message
    assert "nothing was wiped" in one_line(run("wipe", "--yes", "--confirm", "other.vault", "--vault", str(vault_path)))
    assert vault_path.read_bytes() == before
    assert run("wipe", "--confirm", vault_path.name, "--vault", str(vault_path)).returncode == 0
    assert list(vault_path.parent.iterdir()) == []


def _random_pages(size: int) -> bytes:
    return os.urandom(size)


def _gzip_pages(size: int) -> bytes:
    """A gzip file of random data whose length is an exact multiple of 4096 bytes."""
    import gzip

    n = size
    for _ in range(50):
        out = gzip.compress(os.urandom(n))
        if len(out) % 4096 == 0:
            return out
        n -= len(out) % 4096 or 1
    raise AssertionError("no gzip size that is a whole number of pages")


@pytest.mark.process
@pytest.mark.parametrize("make", [_random_pages, _gzip_pages], ids=["random-1MiB", "gzip"])
def test_wipe_refuses_page_sized_files_that_look_random(tmp_path, make):
    """Issue 17 §5: a random 1 MiB file and a gzip file, both whole numbers of 4 KiB pages, look
    like SQLCipher ciphertext; without a key file bound to them they are refused, byte-identical."""
    target = tmp_path / "evidence.bin"
    target.write_bytes(make(1024 * 1024))
    assert target.stat().st_size % 4096 == 0 and wipe._looks_encrypted(target)
    before = target.read_bytes()
    for args in (("--yes",), ("--yes", "--confirm", "evidence"), ()):
        message = one_line(run("wipe", *args, "--vault", str(target)))
        assert "nothing was wiped" in message
        assert target.read_bytes() == before
    with pytest.raises(NotAVault):
        wipe.wipe_files(target)
    # a key file from another vault is no binding either
    Path(str(target) + ".keyslot").write_bytes(b"MonitorKeySlot\x00\x01" + os.urandom(4096 - 16))
    with pytest.raises(NotAVault):
        wipe.wipe_files(target)
    assert target.read_bytes() == before


@pytest.mark.process
def test_cli_wipe_forgets_the_vault_in_the_windows_recent_list(vault, vault_path, tmp_path):
    import json

    vault.close()
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir()
    other = str(tmp_path / "other.vault")
    settings.write_text(json.dumps({"recent": [str(vault_path), other], "lock_minutes": 7}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["MONITOR_SETTINGS"] = str(settings)
    result = subprocess.run([sys.executable, "-m", "monitor", "wipe", "--yes", "--vault", str(vault_path)], check=False,
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    saved = json.loads(settings.read_text(encoding="utf-8"))
    assert saved["recent"] == [other] and saved["lock_minutes"] == 7


def test_wipe_destroys_the_key_file_first(vault, vault_path, monkeypatch):
    vault.close()
    order = []
    real_destroy, real_overwrite = wipe.keyslot.destroy, wipe._overwrite
    monkeypatch.setattr(wipe.keyslot, "destroy", lambda p: order.append(("key file", Path(p).name)) or real_destroy(p))
    monkeypatch.setattr(wipe, "_overwrite", lambda p, n=None: order.append(("overwrite", Path(p).name)) or real_overwrite(p, n))
    wipe.wipe_files(vault_path)
    assert order[0] == ("key file", vault_path.name)


@pytest.mark.process
def test_an_open_vault_notices_it_was_wiped_by_another_process(vault, vault_path):
    vault.put(new_person(uid(1), identity={"name_cyrillic": SECRET}))
    assert vault.still_there()
    assert run("wipe", "--yes", "--vault", str(vault_path)).returncode == 0
    assert not vault.still_there()
    with pytest.raises((DatabaseError, VaultDamaged)):
        for _ in range(3):
            vault.conn.execute("SELECT count(*) FROM revisions").fetchone()
            vault.put(new_facility(uid(2), name="ИВС", type_key="ivs"))
    vault.close()
    assert list(vault_path.parent.iterdir()) == []


@pytest.mark.process
def test_every_command_on_a_damaged_vault_prints_one_line(vault, vault_path, passfile):
    vault.put(new_facility(uid(1)))
    vault.close()
    conn = raw_connect(vault_path)
    pages = dict(conn.execute("SELECT name, rootpage FROM sqlite_master WHERE name IN ('audit', 'records')"))
    conn.close()
    pristine = vault_path.read_bytes()
    # The vault opens (its schema and meta pages are intact) and then a read fails: this printed a
    # traceback from `monitor info` before (DatabaseError from summary).
    for table in ("audit", "records"):
        data = bytearray(pristine)
        data[(pages[table] - 1) * 4096 + 300] ^= 0xFF
        vault_path.write_bytes(bytes(data))
        for command in (["info"], ["info", "--json"], ["cases"], ["search", "СИЗО"], ["dump"], ["reindex"]):
            result = run(*command, "--vault", str(vault_path), passfile=passfile)
            if result.returncode == 0:
                continue  # this command does not read the damaged page
            message = one_line(result)
            assert "damaged" in message, (command, message)
        if table == "audit":  # summary counts the audit entries: the original traceback
            assert "damaged" in one_line(run("info", "--vault", str(vault_path), passfile=passfile))
        verify = run("verify", "--vault", str(vault_path), passfile=passfile)
        assert verify.returncode != 0
    # a vault damaged beyond opening says so too, never "wrong passphrase"
    data = bytearray(pristine)
    for page in range(1, len(data) // 4096):
        data[page * 4096 + 200] ^= 0xFF
    vault_path.write_bytes(bytes(data))
    message = one_line(run("info", "--vault", str(vault_path), passfile=passfile))
    assert "the vault file is damaged" in message and "wrong passphrase" not in message


@pytest.mark.process
def test_a_write_command_does_not_report_success_on_a_vault_wiped_meanwhile(vault, vault_path):
    from monitor import cli

    vault.put(new_facility(uid(3), name="СИЗО-3"))
    cli.ensure_still_there(vault)  # nothing happened yet
    assert run("wipe", "--yes", "--vault", str(vault_path)).returncode == 0
    with pytest.raises(cli.UserError, match="wiped"):
        cli.ensure_still_there(vault)
    vault.close()


def _pages(data: bytes, size: int = 4096) -> set[bytes]:
    return {data[i:i + size] for i in range(0, len(data) - size + 1, size)}


def test_overwrite_replaces_every_byte_of_the_open_inode_in_place(tmp_path):
    """The one secure-overwrite routine: through a handle held across a rename (as the conversion
    of an old vault uses it), every page of the old inode is replaced, its size kept; a length
    shorter than the file touches only that prefix."""
    old, new = tmp_path / "old.vault", tmp_path / "new.vault"
    before = os.urandom(4096 * 40) + ("Показания " * 2000).encode()
    old.write_bytes(before)
    new.write_bytes(b"new file")
    fd = os.open(old, os.O_RDWR)
    try:
        inode = os.fstat(fd).st_ino
        os.replace(new, old)
        fs.overwrite(fd, len(before))
        assert os.fstat(fd).st_ino == inode and os.fstat(fd).st_size == len(before)
        after = os.pread(fd, len(before) + 1, 0)
    finally:
        os.close(fd)
    assert len(after) == len(before) and not _pages(before) & _pages(after)
    assert old.read_bytes() == b"new file"

    part = tmp_path / "part"
    part.write_bytes(before)
    fd = os.open(part, os.O_RDWR)
    try:
        fs.overwrite(fd, 8192)
    finally:
        os.close(fd)
    assert part.read_bytes()[8192:] == before[8192:] and part.read_bytes()[:8192] != before[:8192]


def test_the_conversion_and_the_key_file_destruction_overwrite_through_the_same_routine(tmp_path, monkeypatch):
    """store/legacy.py (converting a vault from before key files) and keyslot.destroy have no loop
    of their own: both go through fs.overwrite, and the old file's inode holds none of its pages."""
    from conftest import make_legacy_vault, reopen

    path = tmp_path / "old.vault"
    make_legacy_vault(path, populate=lambda v: v.put(new_facility(uid(1))))
    before = path.read_bytes()
    held = os.open(path, os.O_RDONLY)  # the old inode, as a file system would keep its blocks
    calls = []
    real = fs.overwrite
    monkeypatch.setattr(fs, "overwrite", lambda fd, length: calls.append(length) or real(fd, length))
    try:
        reopen(path).close()  # converts
        after = os.pread(held, len(before) + 1, 0)
    finally:
        os.close(held)
    assert calls == [len(before)]
    assert len(after) == len(before) and not _pages(before) & _pages(after)
    wipe.destroy_key_file(path)
    assert len(calls) == 2 and not wipe.keyslot.path_for(path).exists()


def _wipe_at_a_terminal(vault_path: Path, answer: str) -> tuple[int, str]:
    """``monitor wipe`` at a real (pseudo-)terminal, typing ``answer`` at its prompt."""
    import pty
    import select
    import time

    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI with the terminal as stdin, stdout and stderr
        os.execve(sys.executable, [sys.executable, "-m", "monitor", "wipe", "--vault", str(vault_path)], env)
    out, sent, end = b"", False, time.monotonic() + 60
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        if not sent and b"type its file name" in out:
            os.write(fd, answer.encode() + b"\n")
            sent = True
    if not sent or time.monotonic() >= end:  # never asked for the name, or hung: stop it, fail below
        import signal

        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert sent, f"no prompt for the file name: {out.decode('utf-8', 'replace')}"
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


@pytest.mark.process
def test_at_a_terminal_a_vault_without_a_bound_key_file_is_wiped_only_when_its_name_is_typed(vault, vault_path):
    vault.put(new_facility(uid(1)))
    vault.close()
    wipe.destroy_key_material(vault_path)
    before = vault_path.read_bytes()
    code, out = _wipe_at_a_terminal(vault_path, "WIPE")  # the word is not the name
    assert code != 0 and "nothing was wiped" in out and "Traceback" not in out
    assert vault_path.read_bytes() == before
    code, out = _wipe_at_a_terminal(vault_path, vault_path.name)
    assert code == 0, out
    assert list(vault_path.parent.iterdir()) == []
