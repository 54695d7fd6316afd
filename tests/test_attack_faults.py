"""The smaller faults the attack run found (issue 7, part C), each with the test that caught it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_KDF
from records import new_case, new_facility, uid

from monitor.core.errors import LoadError
from monitor.core.io.loader import load_file
from monitor.core.text import clean_file_name, file_name_problem
from monitor.core.store.vault import Vault


def run(vault: Path, *args, passfile: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["MONITOR_PASSPHRASE_FILE"] = str(passfile)
    result = subprocess.run([sys.executable, "-m", "monitor", *args, "--vault", str(vault)], capture_output=True,
                            text=True, env=env, timeout=120, encoding="utf-8")
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def passfile(tmp_path) -> Path:
    p = tmp_path / "pass.txt"
    p.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return p


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- C3: lone surrogates -------------------------------------------------------------------------

@pytest.mark.process
@pytest.mark.parametrize("line", [
    '{"id": "%s", "type": "facility", "name": "ИВС \\ud800", "type_key": "ivs"}',
    '{"id": "%s", "type": "facility", "name": "ИВС", "type_key": "ivs", "notes": "x\\udfffy"}',
    '{"id": "%s", "type": "facility", "name": "ИВС", "type_key": "ivs", "\\udc80": 1}',
])
def test_lone_surrogates_are_refused_in_one_line_and_nothing_is_written(vault, vault_path, tmp_path, passfile, line):
    good = json.dumps(new_facility(uid(1)), ensure_ascii=False)
    source = tmp_path / "in.jsonl"
    source.write_text(good + "\n" + (line % uid(2)) + "\n", encoding="utf-8")
    with pytest.raises(LoadError, match="line 2: .*lone surrogate"):
        load_file(vault, source)
    vault.close()
    before = digest(vault_path)
    result = run(vault_path, "load", str(source), passfile=passfile)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "lone surrogate" in result.stderr
    assert digest(vault_path) == before


# --- C4: control characters in what the CLI prints -----------------------------------------------

HOSTILE = "\x1b[31mRED\x1b[0m \u202eexe.jpg\u202c \x9b2J bell\x07 cr\rline\nnext"
RAW = ["\x1b", "\u202e", "\u202c", "\x9b", "\x07", "\r"]


@pytest.mark.process
def test_the_cli_escapes_control_characters_in_everything_it_prints(vault, vault_path, tmp_path, passfile):
    facility = new_facility(uid(1), name="СИЗО " + HOSTILE)
    case = new_case(uid(2), title=HOSTILE, status="open", facility_id=uid(1), summary="hostile " + HOSTILE)
    vault.put_many([facility, case])
    vault.close()
    outputs = {}
    for command in (["cases"], ["cases", "--json"], ["search", "hostile"], ["search", "RED", "--json"],
                    ["dump"], ["info"], ["verify"]):
        result = run(vault_path, *command, passfile=passfile)
        assert result.returncode == 0, result.stderr
        outputs[" ".join(command)] = result.stdout + result.stderr
        for ch in RAW:
            assert ch not in result.stdout + result.stderr, (command, repr(ch))
    assert "\\u001b[31mRED" in outputs["cases"]
    # listings keep one line per record: the stored newline is shown escaped
    assert len([line for line in outputs["cases"].splitlines() if line.strip()]) == 1
    # JSON output stays valid and equal in value (the escapes are JSON escapes)
    dumped = [json.loads(line) for line in outputs["dump"].splitlines() if line.startswith("{")]
    assert {r["id"]: r for r in dumped}[uid(2)]["title"] == HOSTILE
    assert json.loads(outputs["cases --json"])[0]["title"] == HOSTILE


@pytest.mark.process
def test_error_messages_are_escaped_too(tmp_path, passfile):
    missing = tmp_path / "no\x1b[2Jvault"
    result = run(missing, "info", passfile=passfile)
    assert result.returncode == 1 and "\x1b" not in result.stderr and "\\u001b" in result.stderr


# --- C5: one rule for attachment names ----------------------------------------------------------

BAD_NAMES = ["../../../../etc/passwd", "a\x00b.jpg", "two\nlines.jpg", "\u202egpj.exe", "C:\\Windows\\x.dll",
             "..", " padded.jpg", "", "x" * 201, "tab\there.png", "del\x7f.png", "c1\x85.png"]


@pytest.mark.parametrize("name", BAD_NAMES, ids=range(len(BAD_NAMES)))
def test_load_refuses_an_original_name_that_could_act_as_a_path_or_disguise(vault, vault_path, tmp_path, name):
    import io

    blob = vault.store_blob(io.BytesIO(b"photo bytes"))
    record = {"id": uid(3), "type": "attachment", "sha256": blob.sha256, "size": blob.size,
              "mime_type": "image/jpeg", "original_name": name}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(LoadError, match="line 1: original_name: "):
        load_file(vault, source)
    assert vault.counts().get("attachment", 0) == 0


@pytest.mark.parametrize("name", ["evil\u202egpj.exe", "new\nline.png", "bell\x07.jpg", "a:b*c?.jpg",
                                  "w" * 250 + ".jpeg", "..."])
def test_attach_cleans_names_by_the_same_rule(vault, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG " + name.encode())
    record = vault.add_attachment(path)
    assert file_name_problem(record["original_name"]) is None, record["original_name"]
    assert vault.get(record["id"])["original_name"] == record["original_name"]


def test_every_cleaned_name_passes_the_rule():
    for name in BAD_NAMES + ["a/b/c.jpg", "\\\\server\\share\\x.png", "   ", "фото 1.jpg", "Суретім.png"]:
        assert file_name_problem(clean_file_name(name)) is None, (name, clean_file_name(name))
    assert clean_file_name("фото 1.jpg") == "фото 1.jpg"


# --- C7: a duplicate attachment is not written twice --------------------------------------------

def test_a_duplicate_attachment_is_hashed_first_and_not_written_again(vault, vault_path, tmp_path):
    big = tmp_path / "video.mp4"
    big.write_bytes(os.urandom(6 * 1024 * 1024))
    vault.add_attachment(big)
    vault.close()
    size_once = vault_path.stat().st_size
    vault = Vault.open(vault_path, PASSPHRASE)
    second = vault.add_attachment(tmp_path.joinpath("video.mp4"))
    wal = Path(str(vault_path) + "-wal")
    assert wal.stat().st_size < 1024 * 1024  # the 6 MiB were not staged in the WAL
    vault.close()
    assert vault_path.stat().st_size - size_once < 1024 * 1024
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert v.counts()["attachment"] == 2 and v.summary()["attachments"]["blobs"] == 1
        assert second["size"] == 6 * 1024 * 1024 and v.verify().ok


# --- C9: process and memory hygiene -------------------------------------------------------------

@pytest.mark.process
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_DUMPABLE is Linux only")
def test_the_process_is_not_dumpable_after_start_up():
    code = ("from monitor.core.fs import harden_process, is_dumpable\n"
            "assert is_dumpable() is True\nharden_process()\nprint(is_dumpable())\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_the_cli_and_the_gui_harden_the_process_at_start_up():
    from monitor import cli
    from monitor.gui import app

    for module in (cli, app):
        assert "harden_process()" in Path(module.__file__).read_text(encoding="utf-8")


# --- C10: reading every record streams --------------------------------------------------------

def _peak(func) -> int:
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_records_and_reindex_stream_instead_of_holding_the_whole_vault(tmp_path):
    path = tmp_path / "big.vault"
    with Vault.create(path, PASSPHRASE, kdf=TEST_KDF) as vault:
        vault.put_many([new_facility(uid(10_000 + i), name=f"ИВС {i}", type_key="ivs", notes="қамау " * 2000) for i in range(600)])  # ~7 MB of bodies
        everything = _peak(lambda: sum(1 for _ in vault.records()))
        rebuilt = _peak(vault.rebuild_search_index)
    # holding every body at once (fetchall) costs well over 7 MB; streaming, a few records' worth
    assert everything < 3 * 1024 * 1024, everything
    assert rebuilt < 3 * 1024 * 1024, rebuilt
