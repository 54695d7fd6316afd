"""`monitor report …` and the audit entry of `monitor dump`, run as real processes."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from records import full_set, uid
from reports_support import flat, pdftotext, png_bytes
from test_cli import CLI, one_line_error  # noqa: F401  (the fixture's class)

from monitor.core.store.vault import Vault

pytestmark = pytest.mark.process  # every test here starts the CLI or another child process

PASSPHRASE = "copper lantern steppe violin"


def stocked_cli(tmp_path) -> CLI:
    cli = CLI(tmp_path)
    cli("init")
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        blob = vault.store_blob(io.BytesIO(png_bytes()))
        vault.put_many(full_set(blob.sha256, blob.size))
    return cli


def audit(cli, action):
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        return vault.conn.execute("SELECT record_id, detail FROM audit WHERE action = ? ORDER BY seq",
                                  (action,)).fetchall()


def test_report_commands(tmp_path):
    cli = stocked_cli(tmp_path)
    out = tmp_path / "dossier.pdf"
    result = cli("report", "dossier", "--case", "KZ-2026-0007", "--lang", "kk", "--out", str(out))
    assert "wrote" in result.stdout and "SHA-256" in result.stdout
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert digest in result.stdout
    assert "Іс бойынша досье" in flat(pdftotext(out))
    (record_id, detail), = audit(cli, "report-written")
    assert record_id == uid(6) and f"pdf_sha256={digest}" in detail and "level=full" in detail

    pw = tmp_path / "pdf-pass.txt"
    pw.write_text("Құпия сөз 2026\n", encoding="utf-8")
    locked = tmp_path / "medical.pdf"
    cli("report", "medical", "--exam", uid(8), "--lang", "ru", "--level", "pseudonymised",
        "--password-file", str(pw), "--out", str(locked))
    assert "Медицинское заключение (Стамбульский протокол)" in flat(pdftotext(locked, password="Құпия сөз 2026"))
    cli("report", "visit", "--visit", uid(2), "--out", str(tmp_path / "visit.pdf"))
    stats = tmp_path / "stats.pdf"
    cli("report", "stats", "--lang", "ru", "--from", "2013", "--to", "2013", "--out", str(stats))
    assert "2013 (январь–май) 304" in flat(pdftotext(stats, layout=True))
    assert len(audit(cli, "report-written")) == 4


def test_report_errors_are_one_line_and_write_nothing(tmp_path):
    cli = stocked_cli(tmp_path)
    before = cli.digest()
    out = tmp_path / "x.pdf"
    assert "--case" in one_line_error(cli("report", "dossier", "--out", str(out), ok=False))
    assert "no case with id" in one_line_error(cli("report", "dossier", "--case", "KZ-1999-0001",
                                                   "--out", str(out), ok=False))
    assert "is a case, not an examination" in one_line_error(
        cli("report", "medical", "--exam", uid(6), "--out", str(out), ok=False))
    assert "aggregate level" in one_line_error(cli("report", "dossier", "--case", uid(6), "--level", "aggregate",
                                                   "--out", str(out), ok=False))
    assert "is a directory" in one_line_error(cli("report", "stats", "--out", str(tmp_path), ok=False))
    assert not out.exists()
    assert cli.digest() == before  # nothing was logged either


def test_dump_leaves_an_audit_entry(tmp_path):
    cli = stocked_cli(tmp_path)
    result = cli("dump")
    digest = hashlib.sha256(result.stdout.encode("utf-8")).hexdigest()
    (record_id, detail), = audit(cli, "dump-written")
    assert record_id is None and f"sha256={digest}" in detail and "to=stdout" in detail
    n = len(result.stdout.splitlines())
    assert f"records={n} " in detail
    out = tmp_path / "d.jsonl"
    cli("dump", "--type", "person", "--out", str(out))
    rows = audit(cli, "dump-written")
    assert len(rows) == 2 and "type=person" in rows[1][1]
    assert f"sha256={hashlib.sha256(out.read_bytes()).hexdigest()}" in rows[1][1]
    assert json.loads(cli("verify", "--json").stdout)["ok"]


def test_report_for_a_un_body(tmp_path):
    cli = stocked_cli(tmp_path)
    out = tmp_path / "un.pdf"
    result = cli("report", "dossier", "--case", "KZ-2026-0007", "--audience", "un", "--out", str(out))
    assert "withheld" in result.stdout
    text = flat(pdftotext(out))
    assert "Prepared for a UN body" in text and "P-2026-0042" in text
    assert "Меня били по спине" not in text  # the stocked victim never authorised the UN
    (_, detail), = audit(cli, "report-written")
    assert "level=full audience=un" in detail
    before = cli.digest()
    refused = one_line_error(cli("report", "medical", "--exam", uid(8), "--audience", "un",
                                 "--out", str(tmp_path / "m.pdf"), ok=False))
    assert "P-2026-0042" in refused and "sharing with UN bodies" in refused
    assert "cannot be at the level" in one_line_error(
        cli("report", "dossier", "--case", uid(6), "--audience", "lawyer", "--level", "pseudonymised",
            "--out", str(tmp_path / "x.pdf"), ok=False))
    assert not (tmp_path / "m.pdf").exists() and not (tmp_path / "x.pdf").exists()
    assert cli.digest() == before
