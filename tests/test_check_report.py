"""`check-report`: a printed report checked against the vault, byte for byte and record by record.

Three cases, each with its own one-line verdict: an unchanged PDF with unchanged records; one
changed PDF byte; one record edited after printing. Plus the footer's audit anchor and the
metadata the check reads.
"""

from __future__ import annotations

import hashlib
import io
import json

import pikepdf
import pytest
from records import full_set, uid
from reports_support import flat, pdftotext, png_bytes

from monitor.core import reports
from monitor.core.reports.check import check_bytes, check_file, read_metadata

CASE, INTERVIEW, EXAM = uid(6), uid(7), uid(8)


@pytest.fixture
def case_vault(vault):
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    vault.put_many(full_set(blob.sha256, blob.size))
    return vault


def _dossier(vault, path, lang="en"):
    return reports.generate(vault, "dossier", path, subject_id=CASE, lang=lang, level="full")


def _audit_count(vault):
    return vault.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def test_unchanged_pdf_and_records_are_verified(case_vault, tmp_path):
    out = tmp_path / "d.pdf"
    result = _dossier(case_vault, out)
    before = _audit_count(case_vault)
    check = check_file(case_vault, out)
    assert check.ok and check.bytes_ok and check.records_ok and check.anchor
    assert check.sha256 == result.sha256
    lines = check.lines("en")
    assert lines[0].startswith("VERIFIED: this file is report R-")
    assert check.records > 5 and f"all {check.records} records" in lines[0]
    assert _audit_count(case_vault) == before  # a check writes nothing
    ru = check.lines("ru")[0]
    assert ru.startswith("ПОДТВЕРЖДЕНО") and check.report_id in ru


def test_one_changed_byte_is_reported_as_altered(case_vault, tmp_path):
    out = tmp_path / "d.pdf"
    _dossier(case_vault, out)
    data = bytearray(out.read_bytes())
    # one byte of page content, away from the document information (which still names the report)
    data[len(data) // 3] ^= 0x01
    check = check_bytes(case_vault, bytes(data))
    assert not check.ok and not check.bytes_ok
    verdict = check.lines("en")[0]
    assert verdict.startswith("ALTERED: this file is not report R-"), verdict
    assert hashlib.sha256(bytes(data)).hexdigest() in verdict
    assert hashlib.sha256(out.read_bytes()).hexdigest() in verdict  # the logged hash beside it
    assert "\n" not in verdict


def test_a_file_this_vault_never_logged_is_not_found(case_vault, tmp_path):
    check = check_bytes(case_vault, b"%PDF-1.4\n% not a report\n")
    assert not check.ok
    assert check.lines("en")[0].startswith("NOT FOUND:")
    assert check.lines("kk")[0].startswith("ТАБЫЛМАДЫ:")


def test_a_record_edited_after_printing_is_listed_with_its_history(case_vault, tmp_path):
    out = tmp_path / "d.pdf"
    _dossier(case_vault, out)
    complaint = case_vault.get(uid(10))
    case_vault.put({**complaint, "reply": "Ответ получен позже"})
    check = check_file(case_vault, out)
    assert check.bytes_ok and not check.ok
    assert [c.record_id for c in check.changes] == [uid(10)]
    lines = check.lines("en")
    assert lines[0].startswith("RECORDS CHANGED:") and "1 of the" in lines[0], lines[0]
    assert "\n" not in lines[0]
    detail = "\n".join(lines[1:])
    assert uid(10) in detail
    edited = [line for line in lines if "edited by tester" in line]
    assert len(edited) == 1
    assert case_vault.identity.fingerprint in edited[0]  # the 8-group fingerprint of the device


def test_a_deleted_record_is_listed(case_vault, tmp_path):
    out = tmp_path / "d.pdf"
    _dossier(case_vault, out)
    case_vault.delete(uid(12))  # the link naming the alleged perpetrator
    check = check_file(case_vault, out)
    assert [c.record_id for c in check.changes] == [uid(12)] and check.changes[0].deleted
    assert any("deleted by tester" in line for line in check.lines("en"))


def test_a_record_added_since_is_listed_as_one_the_report_would_now_include(case_vault, tmp_path):
    out = tmp_path / "d.pdf"
    _dossier(case_vault, out)
    complaint = case_vault.get(uid(10))
    new = {**complaint, "id": uid(60), "reference": "ЖТ-2026/200", "date_filed": "2026-03-20"}
    new.pop("complainant_id", None)
    case_vault.put(new)
    check = check_file(case_vault, out)
    assert not check.ok and [(c.record_id, c.added) for c in check.changes] == [(uid(60), True)]
    lines = check.lines("en")
    assert "0 of the" in lines[0] and "and 1 new records would now be included" in lines[0]
    assert any(uid(60) in line and "added since" in line for line in lines)
    assert any("created by tester" in line for line in lines)


def test_a_public_statistics_report_names_no_record_yet_is_checked(case_vault, tmp_path):
    out = tmp_path / "s.pdf"
    reports.generate(case_vault, "stats", out, lang="ru", level="aggregate", period=("2013", "2013"))
    meta, _ = read_metadata(out.read_bytes())
    raw = json.dumps(meta)
    assert meta["ids"] == "hashed" and meta["sources"] and meta["period"] == ["2013", "2013"]
    assert not any(rec.id in raw for rec in case_vault.records())  # no record id in a public PDF
    assert check_file(case_vault, out).ok
    statistic = case_vault.get(uid(18))
    case_vault.put({**statistic, "notes": "уточнено"})
    check = check_file(case_vault, out)
    assert [c.record_id for c in check.changes] == [uid(18)] and not check.changes[0].added
    assert check.lines("ru")[0].startswith("ЗАПИСИ ИЗМЕНЕНЫ")


def test_metadata_holds_ids_and_hashes_only(case_vault, tmp_path):
    from monitor.core.store import reading

    out = tmp_path / "d.pdf"
    head_before = reading.audit_head(case_vault)
    _dossier(case_vault, out)
    meta, encrypted = read_metadata(out.read_bytes())
    assert not encrypted and meta["format"] == "monitor-report/1"
    assert (meta["audit_seq"], meta["audit_hash"]) == head_before  # the head when it was made
    assert CASE in meta["sources"] and meta["sources"][CASE] == reading.head_hashes(case_vault, CASE)
    with pikepdf.open(out) as pdf:
        raw = str(pdf.docinfo["/MonitorReport"])
    assert "Әбілқасымов" not in raw and "Избиение" not in raw  # no name, no text of a record
    assert json.loads(raw) == meta


def test_footer_prints_report_id_digest_and_audit_head_on_every_page(case_vault, tmp_path):
    out = tmp_path / "d.pdf"
    result = _dossier(case_vault, out, lang="ru")
    meta, _ = read_metadata(out.read_bytes())
    text = pdftotext(out)
    pages = text.split("\f")[:result.pages]
    assert len(pages) == result.pages > 1
    for page in pages:
        page = flat(page)
        assert f"Отчёт {meta['report_id']}" in page
        assert result.source_digest in page
        assert (f"журнал аудита хранилища заканчивался записью № {meta['audit_seq']} с хешем "
                f"{meta['audit_hash']}") in page
        assert case_vault.identity.fingerprint in page


def test_encrypted_report_checks_with_its_password(case_vault, tmp_path):
    out = tmp_path / "d.pdf"
    reports.generate(case_vault, "medical", out, subject_id=EXAM, lang="en", level="full", password="pw 2026")
    plain = check_file(case_vault, out)  # bytes found in the log; records unread without the password
    assert plain.bytes_ok and plain.records_ok is None and plain.lines("en")[0].startswith("LOGGED:")
    full = check_file(case_vault, out, password="pw 2026")
    assert full.ok and full.lines("en")[0].startswith("VERIFIED:")


@pytest.mark.process
def test_cli_check_report(tmp_path):
    from test_reports_cli import stocked_cli

    cli = stocked_cli(tmp_path)
    out = tmp_path / "dossier.pdf"
    cli("report", "dossier", "--case", "KZ-2026-0007", "--lang", "ru", "--out", str(out))
    ok = cli("check-report", str(out))
    assert ok.stdout.splitlines()[0].startswith("VERIFIED:")
    bad = tmp_path / "bad.pdf"
    data = bytearray(out.read_bytes())
    data[len(data) // 3] ^= 0x01
    bad.write_bytes(bytes(data))
    altered = cli("check-report", str(bad), ok=False)
    assert altered.returncode == 1 and altered.stdout.splitlines()[0].startswith("ALTERED:")

    from monitor.core.store.vault import Vault

    with Vault.open(cli.vault, "copper lantern steppe violin") as vault:
        vault.put({**vault.get(uid(10)), "reply": "Ответ получен позже"})
    edited = cli("check-report", str(out), ok=False)
    first, *rest = edited.stdout.splitlines()
    assert edited.returncode == 1 and first.startswith("RECORDS CHANGED:") and "1 of the" in first
    assert any(uid(10) in line for line in rest) and any("edited by" in line for line in rest)


def test_window_dialog_checks_on_a_worker(case_vault, tmp_path, qtbot):
    from monitor.gui.dialogs.check_report import CheckReportDialog

    out = tmp_path / "d.pdf"
    _dossier(case_vault, out)
    dialog = CheckReportDialog(None, case_vault, "ru")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(out))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.result_value is not None, timeout=30000)
    assert dialog.message.text().startswith("ПОДТВЕРЖДЕНО")
    assert "№" in dialog.details.toPlainText()  # the audit anchor line

    bad = tmp_path / "bad.pdf"
    data = bytearray(out.read_bytes())
    data[len(data) // 3] ^= 0x01
    bad.write_bytes(bytes(data))
    dialog.path.setText(str(bad))
    dialog.result_value = None
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.result_value is not None, timeout=30000)
    assert dialog.message.text().startswith("ИЗМЕНЁН")


def test_window_reports_menu_opens_the_check(case_vault, qtbot):
    from PySide6.QtGui import QAction

    from monitor.gui.dialogs.check_report import CheckReportDialog
    from monitor.gui.main_window import MainWindow

    win = MainWindow(case_vault, lang="kk")
    qtbot.addWidget(win)
    try:
        win.findChild(QAction, "report_check").trigger()
        (dialog,) = win.findChildren(CheckReportDialog)
        assert dialog.isVisible() and dialog.lang == "kk"
        dialog.close()
    finally:
        win.clear()
