"""The `monitor` command, run as a real process against real vault files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TEST_KDF, raw_connect
from records import KAZAKH_WORD, SECRET, full_set, new_facility, new_visit, uid

from monitor.core.store.vault import Vault

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process

PASSPHRASE = "copper lantern steppe violin"


class CLI:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.vault = tmp / "data" / "cli.vault"
        self.passfile = tmp / "pass.txt"
        self.passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
        self.env["MONITOR_PASSPHRASE_FILE"] = str(self.passfile)
        self.env["XDG_DATA_HOME"] = str(tmp / "xdg")  # never touch the real data dir
        self.env["HOME"] = str(tmp / "home")
        self.env["MONITOR_LANG"] = "en"  # messages in English whatever the machine's locale

    def __call__(self, *args: str, ok: bool = True, stdin: str | None = None, vault: bool = True):
        cmd = [sys.executable, "-m", "monitor", *args] + (["--vault", str(self.vault)] if vault else [])
        result = subprocess.run(cmd, capture_output=True, text=True, env=self.env, input=stdin, timeout=300)
        if ok:
            assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return result

    def digest(self) -> str:
        return hashlib.sha256(self.vault.read_bytes()).hexdigest()


@pytest.fixture
def cli(tmp_path) -> CLI:
    c = CLI(tmp_path)
    # Made in-process at the test cost (kept in the key file, so every command opens it cheaply);
    # `monitor init` itself, at the production cost, is tested on its own below.
    Vault.create(c.vault, PASSPHRASE, kdf=TEST_KDF).close()
    return c



def one_line_error(result) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("monitor: error: ")
    return lines[0]


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def stocked(cli: CLI) -> list[dict]:
    photo = cli.tmp / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    attached = json.loads(cli("attach", str(photo), "--json").stdout)
    records = full_set(attached["sha256"], attached["size"])
    cli("load", str(write_jsonl(cli.tmp / "all.jsonl", records)))
    return records + [attached]


def test_init_creates_private_vault_without_plaintext(cli):
    assert cli.vault.stat().st_mode & 0o777 == 0o600
    stocked(cli)
    data = cli.vault.read_bytes()
    wal = Path(str(cli.vault) + "-wal")
    data += wal.read_bytes() if wal.exists() else b""
    for needle in (SECRET, KAZAKH_WORD.upper() + " кезінде", "Избиение в ИВС", "KZ-2026-0007", "P-2026-0042"):
        assert needle.encode("utf-8") not in data


def test_init_refuses_weak_passphrase_and_existing_vault(tmp_path):
    cli = CLI(tmp_path)
    cli.passfile.write_text("password1\n")
    assert "too short" in one_line_error(cli("init", ok=False))
    assert not cli.vault.exists()
    cli.passfile.write_text(PASSPHRASE)
    assert f"created vault {cli.vault}" in cli("init").stdout
    assert sorted(p.name for p in cli.vault.parent.iterdir()) == ["cli.vault", "cli.vault.keyslot"]
    assert "already exists" in one_line_error(cli("init", ok=False))


def test_wrong_passphrase_one_line_and_unchanged(cli):
    before = cli.digest()
    cli.passfile.write_text("granite willow harbour seventeen")
    result = cli("info", ok=False)
    assert one_line_error(result) == "monitor: error: wrong passphrase"
    assert result.returncode == 1
    assert cli.digest() == before


def test_no_passphrase_source_is_a_clear_error(cli):
    del cli.env["MONITOR_PASSPHRASE_FILE"]
    assert "--passphrase-file" in one_line_error(cli("info", ok=False, stdin=""))
    cli.env["MONITOR_PASSPHRASE_FILE"] = str(cli.tmp / "missing.txt")
    assert "cannot read the passphrase file" in one_line_error(cli("info", ok=False))


def test_passphrase_file_option(cli):
    other = cli.tmp / "other.txt"
    other.write_text(PASSPHRASE)
    del cli.env["MONITOR_PASSPHRASE_FILE"]
    assert "schema version" in cli("info", "--passphrase-file", str(other)).stdout


def test_info_shows_identity_and_counts(cli):
    stocked(cli)
    info = json.loads(cli("info", "--json").stdout)
    assert info["age_recipient"].startswith("age1")
    assert len(info["signing_fingerprint"].replace(" ", "")) == 32  # 128 bits
    assert info["records"]["person"] == 3
    assert info["schema_version"] >= 2
    text = cli("info").stdout
    assert info["age_recipient"] in text and info["signing_fingerprint"] in text


def test_every_record_type_round_trips_through_load_and_dump(cli):
    records = stocked(cli)
    result = cli("dump")
    assert "PLAINTEXT" in result.stderr
    dumped = [json.loads(line) for line in result.stdout.splitlines()]
    by_id = {r["id"]: r for r in dumped}
    assert len(dumped) == len(records)
    for record in records:
        assert by_id[record["id"]] == record
    from monitor.core.model.schema import RECORD_TYPES

    assert {r["type"] for r in dumped} == set(RECORD_TYPES)
    assert SECRET in result.stdout and "Қарағанды облысы" in result.stdout
    # loading the dump again changes nothing
    again = cli.tmp / "dump.jsonl"
    again.write_text(result.stdout, encoding="utf-8")
    before = json.loads(cli("info", "--json").stdout)["revisions"]
    assert "0 new, 0 updated" in cli("load", str(again)).stdout
    assert json.loads(cli("info", "--json").stdout)["revisions"] == before


def test_dump_to_file_is_atomic_and_private(cli):
    stocked(cli)
    out = cli.tmp / "export" / "dump.jsonl"
    out.parent.mkdir()
    cli("dump", "--out", str(out), "--type", "person")
    assert out.stat().st_mode & 0o777 == 0o600
    assert [json.loads(l)["type"] for l in out.read_text(encoding="utf-8").splitlines()] == ["person"] * 3
    assert [p.name for p in out.parent.iterdir()] == ["dump.jsonl"]


BAD_FILES = {
    "bad_utf8": (b'{"id": "x", "type": "facility", "name": "\xff\xfe"}\n', "line 1: not valid UTF-8"),
    "bad_json": (b'{"id": \n', "line 1: not valid JSON"),
    "not_object": (b'[1, 2]\n', "line 1: expected a JSON object"),
    "missing_field": (json.dumps({"id": uid(1), "type": "facility", "type_key": "ivs"}).encode(),
                      "line 1: facility: missing required field 'name'"),
    "wrong_type": (json.dumps(new_facility(uid(1), name="ИВС", type_key="ivs", capacity="сорок"), ensure_ascii=False).encode(), "facility.capacity: expected integer"),
    "unknown_type": (json.dumps({"id": uid(1), "type": "prison_gossip"}).encode(), "unknown record type 'prison_gossip'"),
    "unknown_field": (json.dumps(new_facility(uid(1), name="x", type_key="ivs", extra=1)).encode(),
                      "unknown field 'extra'"),
    "bad_vocab": (json.dumps(new_facility(uid(1), name="x", type_key="dungeon")).encode(),
                  "not a term of the vocabulary 'facility_type'"),
    "bad_ref": (json.dumps(new_visit(uid(1), uid(77))).encode(),
                "no record with id"),
    "bad_date": (json.dumps(new_visit(uid(1), uid(2), date_start="2026-02-30")).encode(),
                 "not a valid date"),
    "nan": (b'{"id": "%s", "type": "facility", "name": "x", "type_key": "ivs", "capacity": NaN}' % uid(1).encode(),
            "line 1: not valid JSON"),
    "dup_key": (b'{"id": "%s", "id": "%s", "type": "facility", "name": "x", "type_key": "ivs"}' % (uid(1).encode(), uid(2).encode()),
                "line 1: not valid JSON"),
    "duplicate_id": ((json.dumps(new_facility(uid(1), name="a", type_key="ivs")) + "\n" +
                      json.dumps(new_facility(uid(1), name="b", type_key="ivs"))).encode(),
                     "line 2 (facility"),
    "huge_field": (json.dumps(new_facility(uid(1), name="ИВС", type_key="ivs", notes="а" * (10 * 1024 * 1024)), ensure_ascii=False).encode(), "line 1: longer than 8 MiB"),
    "infinite": (b'{"id": "%s", "type": "proceeding", "sentence_years": 1e400}' % uid(1).encode(),
                 "line 2: not valid JSON (the number 1e400 is out of range)"),
    "deep_array": (b"[" * 100_000 + b"]" * 100_000, "line 1: nested too deeply"),
    "deep_object": (b'{"a":' * 900 + b"1" + b"}" * 900, "line 1: nested more than 16 levels"),
    "huge_narrative_in_limit": (json.dumps(new_facility(uid(1), name="ИВС", type_key="ivs",
                                                        notes="x" * 100_001)).encode(), "too long (100,001 characters; at most 100,000)"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_malformed_load_is_rejected_whole_and_vault_unchanged(cli, name):
    content, expected = BAD_FILES[name]
    good = json.dumps(new_facility(uid(2), name="Хорошая строка"),
                      ensure_ascii=False).encode() + b"\n"
    path = cli.tmp / f"{name}.jsonl"
    path.write_bytes(good + content + b"\n" if name not in ("bad_utf8",) else content + b"\n" + good)
    before = cli.digest()
    message = one_line_error(cli("load", str(path), ok=False))
    expected = expected.replace("line 1", "line 2").replace("line 2 (facility", "line 3 (facility") \
        if name not in ("bad_utf8",) else expected
    assert expected in message, message
    assert len(message) < 300
    assert cli.digest() == before
    assert "Хорошая" not in cli("dump").stdout  # the good line was not loaded either


def test_load_of_a_missing_or_empty_file(cli):
    assert "no such file" in one_line_error(cli("load", str(cli.tmp / "nope.jsonl"), ok=False))
    empty = cli.tmp / "empty.jsonl"
    empty.write_text("\n\n")
    assert "holds no records" in one_line_error(cli("load", str(empty), ok=False))


CASES_CSV = """code;title;status;period_start;tags;allegation_date;allegation_description;methods
KZ-2013-0001;Пытки в ИВС Шымкента;complaint_filed;12.03.2013;ИВС;12.03.2013;Қамау кезінде ұрып-соғу;"beating; threats"
KZ-2013-0002;Избиение в колонии;open;2013-05-01;колония; ; ;
"""


def test_csv_cases_and_complaints_load(cli):
    cases = cli.tmp / "cases.csv"
    cases.write_text(CASES_CSV, encoding="utf-8-sig")  # as Excel's "CSV UTF-8" saves it, with a BOM
    assert "2 new" in cli("load", str(cases)).stdout
    rows = json.loads(cli("cases", "--json").stdout)
    assert [r["code"] for r in rows] == ["KZ-2013-0001", "KZ-2013-0002"]
    dumped = {json.loads(l)["code"]: json.loads(l) for l in cli("dump", "--type", "case").stdout.splitlines()}
    first = dumped["KZ-2013-0001"]
    assert first["period_start"] == "2013-03-12"
    assert first["allegations"][0]["methods"] == ["beating", "threats"]
    assert "0 new, 0 updated, 2 unchanged" in cli("load", str(cases)).stdout  # ids come from the codes
    complaints = cli.tmp / "complaints.csv"
    complaints.write_text(
        "case_code,date_filed,authority,status,reference,statement\n"
        "KZ-2013-0001,15.03.2013,prosecutor,refused,№ 45,\"Прошу возбудить дело, ст. 141-1\"\n"
        "KZ-2013-0002,2013-05-03,ombudsman,filed,,\n", encoding="utf-8")
    assert "2 new" in cli("load", str(complaints)).stdout
    assert len(cli("dump", "--type", "complaint").stdout.splitlines()) == 2


@pytest.mark.parametrize("content,expected", [
    ("code,title,status\nKZ-1,x\n", "line 2: 2 cells, but the header has 3 columns"),
    ("code,title,status,colour\n", "line 1: unknown column 'colour'"),
    ("code,title,status\nKZ-2013-0001,x,\n", "line 2, column 'status': required"),
    ("code,title,status\nKZ-2013-0001,x,banana\n", "not a term of the vocabulary 'case_status'"),
    ("code,title,status,period_start\nKZ-2013-0001,x,open,31.02.2013\n", "line 2, column 'period_start': not a date"),
    ("code,title,status\nKZ-2013-0001,x,open\nKZ-2013-0001,y,open\n", "line 3"),
    ("case_code,date_filed,authority,status\nKZ-9999-0001,2013-01-01,police,filed\n", "no case 'KZ-9999-0001'"),
    ("name,age\nx,1\n", "cannot tell whether this CSV holds cases or complaints"),
])
def test_malformed_csv_rejected_with_line_and_vault_unchanged(cli, content, expected):
    path = cli.tmp / "bad.csv"
    path.write_text(content, encoding="utf-8")
    before = cli.digest()
    message = one_line_error(cli("load", str(path), ok=False))
    assert expected in message, message
    assert cli.digest() == before


def test_csv_with_bad_utf8(cli):
    path = cli.tmp / "mixed.csv"
    path.write_bytes("code,title,status\nKZ-2013-0001,Дело,open\n".encode() + "KZ-2013-0002,Пытки,open\n".encode("cp1251"))
    assert "line 3: not valid UTF-8" in one_line_error(cli("load", str(path), ok=False))


def test_search_finds_kazakh_word_any_case(cli):
    stocked(cli)
    for query in ("қамау", "ҚАМАУ"):
        hits = json.loads(cli("search", query, "--json").stdout)
        assert [h["id"] for h in hits] == [uid(7)]
        assert KAZAKH_WORD.upper() in hits[0]["snippet"] or KAZAKH_WORD in hits[0]["snippet"]
    assert "no matches" in cli("search", "несуществующееслово").stdout


def test_cases_listing(cli):
    stocked(cli)
    out = cli("cases", "--lang", "ru").stdout
    assert "KZ-2026-0007" in out and "Избиение в ИВС Караганды" in out
    rows = json.loads(cli("cases", "--json", "--lang", "kk").stdout)
    assert rows[0]["status"] == "documenting" and rows[0]["status_label"]


def test_verify_ok_and_exit_code_on_tamper(cli):
    stocked(cli)
    assert "vault OK" in cli("verify").stdout
    # tamper with an attachment chunk as someone holding the key would
    conn = raw_connect(cli.vault)
    conn.execute("UPDATE blob_chunks SET data = X'00'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    result = cli("verify", "--json", ok=False)
    assert result.returncode == 3
    report = json.loads(result.stdout)
    assert not report["ok"] and any("corrupted" in p for p in report["problems"])


def test_passwd_changes_the_passphrase(cli):
    stocked(cli)
    new = cli.tmp / "new.txt"
    new.write_text("granite willow harbour seventeen\n")
    cli("passwd", "--new-passphrase-file", str(new))
    assert "wrong passphrase" in one_line_error(cli("info", ok=False))
    cli.env["MONITOR_PASSPHRASE_FILE"] = str(new)
    assert json.loads(cli("info", "--json").stdout)["records"]["case"] == 1
    weak = cli.tmp / "weak.txt"
    weak.write_text("abc")
    assert "too short" in one_line_error(cli("passwd", "--new-passphrase-file", str(weak), ok=False))


def test_wipe_destroys_the_vault(cli):
    stocked(cli)
    copy_before = cli.vault.read_bytes()
    assert "--yes" in one_line_error(cli("wipe", ok=False, stdin=""))
    assert cli.vault.read_bytes() == copy_before
    cli("wipe", "--yes")
    leftovers = list(cli.vault.parent.iterdir())
    assert leftovers == []
    assert "no vault at" in one_line_error(cli("info", ok=False))


def test_wipe_first_step_alone_makes_the_right_passphrase_useless(cli):
    """Even if the wipe is cut short after its first step, the vault no longer opens."""
    stocked(cli)
    from monitor.core.keys.wipe import destroy_key_material

    size = cli.vault.stat().st_size
    destroy_key_material(cli.vault)
    assert cli.vault.stat().st_size == size  # the rest is still there, unreadable
    assert "key file" in one_line_error(cli("info", ok=False))


def test_wipe_help_says_what_it_cannot_promise(cli):
    out = cli("wipe", "--help", vault=False).stdout
    assert "SSD" in out and "passphrase" in out


def test_usage_errors_and_help(cli):
    assert cli("--help", vault=False).returncode == 0
    result = cli("frobnicate", ok=False, vault=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_missing_vault_is_one_line(tmp_path):
    cli = CLI(tmp_path)
    assert "no vault at" in one_line_error(cli("cases", ok=False))


def test_default_vault_lives_in_the_platform_data_dir(tmp_path):
    cli = CLI(tmp_path)
    cli("init", vault=False)
    created = list((tmp_path / "xdg").rglob("*.vault"))
    assert [p.name for p in created] == ["monitor.vault"]
    assert created[0].parent.stat().st_mode & 0o777 == 0o700


def test_attach_with_unknown_parent_is_refused(cli):
    photo = cli.tmp / "p.png"
    photo.write_bytes(b"\x89PNG")
    before = cli.digest()
    assert "no record with id" in one_line_error(cli("attach", str(photo), "--to", uid(99), ok=False))
    assert cli.digest() == before


def test_editing_a_sealed_testimony_through_load_is_refused(cli):
    records = stocked(cli)
    interview = next(r for r in records if r["type"] == "interview")
    sealed = {**interview, "sealed": True, "sealed_at": "2026-03-01T16:00:00Z", "sealed_by": "Айгүл"}
    cli("load", str(write_jsonl(cli.tmp / "seal.jsonl", [sealed])))
    before = cli.digest()
    edited = {**sealed, "narrative": "Иной текст показаний"}
    message = one_line_error(cli("load", str(write_jsonl(cli.tmp / "edit.jsonl", [edited])), ok=False))
    assert "sealed" in message and "addendum" in message
    assert cli.digest() == before
    dumped = [json.loads(l) for l in cli("dump", "--type", "interview").stdout.splitlines()]
    assert dumped[0]["narrative"] == interview["narrative"]


def test_no_arguments_without_a_display_says_so(tmp_path):
    cli = CLI(tmp_path)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        cli.env.pop(name, None)
    message = one_line_error(cli(ok=False, vault=False))
    assert "no graphical display" in message and "monitor --help" in message


def test_wipe_also_destroys_half_made_copies_left_by_a_crash(cli):
    stale = cli.vault.parent / f".{cli.vault.name}.creating-0123456789ab"
    stale.write_bytes(cli.vault.read_bytes())
    Path(str(stale) + "-wal").write_bytes(b"\x00" * 100)
    cli("wipe", "--yes")
    assert list(cli.vault.parent.iterdir()) == []


def test_load_says_which_encoding_it_used(cli):
    """A Russian Excel's "CSV" is Windows-1251: it loads, and the user is told, since Kazakh letters do not fit."""
    path = cli.tmp / "excel.csv"
    path.write_bytes("Код дела;Название;Статус\r\nKZ-2013-0001;Пытки в ИВС;открыто\r\n".encode("cp1251"))
    done = cli("load", str(path))
    assert "loaded 1 records" in done.stdout and "read as Windows-1251" in done.stdout, done.stdout
    assert json.loads(cli("load", str(path), "--json").stdout)["encoding"] == "cp1251"
