"""Reports: the shared frame, redaction and consent, the case dossier — on real vaults and real PDFs."""

from __future__ import annotations

import copy
import hashlib
import io
import json

import pytest
from records import CONSENT, SECRET, full_set, uid
from devices import introduce, signed
from reports_support import (assert_fonts_embedded, flat, jpeg_with_gps, pdftotext, png_bytes, qpdf_check)

from monitor.core import reports
from monitor.core.errors import MonitorError
from monitor.core.reports.i18n import LANGS, catalogue
from monitor.core.reports.images import strip_jpeg_metadata
from monitor.core.reports.redaction import ReportRefused
from monitor.core.reports.sources import digest_of
from monitor.core.history.revisions import Revision, new_id, utc_now

CASE, INTERVIEW, EXAM, PERSON, VICTIM2, PHOTO = uid(6), uid(7), uid(8), uid(3), uid(4), uid(9)


@pytest.fixture
def case_vault(vault):
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    vault.put_many(full_set(blob.sha256, blob.size))
    return vault


def audit_rows(vault, action):
    return vault.conn.execute("SELECT record_id, detail FROM audit WHERE action = ? ORDER BY seq", (action,)).fetchall()


# --- the catalogue ------------------------------------------------------------------------------

def test_every_report_string_has_all_three_languages():
    for key, texts in catalogue().items():
        assert len(texts) == len(LANGS), key
        assert all(t.strip() for t in texts), key


# --- the dossier in three languages: text, fonts, structure -----------------------------------

@pytest.mark.parametrize("lang, expected", [
    ("kk", ["Іс бойынша досье", "ҚҰПИЯ — дербес деректер бар", "Қарағанды қаласының ИВС", "Айғақтар",
            "ҚАМАУ кезінде мені ұрды", "Арқадағы көгерулер, сызғышпен", "Медициналық тексерулер",
            "{m} беттің 1-беті", "{m} беттің {m}-беті"]),
    ("ru", ["Досье по делу", "КОНФИДЕНЦИАЛЬНО", "Избиение в ИВС Караганды", "Показания",
            "Меня били по спине, угрожали семье", "Прокуратура Карагандинской области", "Страница 1 из {m}"]),
    ("en", ["Case dossier", "CONFIDENTIAL", "Testimonies", "Chronology", "Chain of custody", "Page 1 of {m}", "Page {m} of {m}",
            "Әбілқасымов"]),
])
def test_dossier_pdf_text_fonts_and_structure(case_vault, tmp_path, lang, expected):
    out = tmp_path / f"dossier-{lang}.pdf"
    result = reports.generate(case_vault, "dossier", out, subject_id=CASE, lang=lang, level="full")
    text = flat(pdftotext(out))
    for phrase in expected:
        phrase = phrase.format(m=result.pages)
        assert phrase in text, phrase
    assert "KZ-2026-0007" in text
    assert result.source_digest in text  # the footer carries the source digest
    assert case_vault.identity.fingerprint in text
    assert_fonts_embedded(out)
    qpdf_check(out)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == result.sha256
    assert result.pages >= 5


def test_report_is_logged_with_its_sha256_and_level(case_vault, tmp_path):
    before = len(audit_rows(case_vault, "report-written"))
    out = tmp_path / "d.pdf"
    result = reports.generate(case_vault, "dossier", out, subject_id=CASE, lang="ru", level="pseudonymised")
    rows = audit_rows(case_vault, "report-written")
    assert len(rows) == before + 1
    record_id, detail = rows[-1]
    assert record_id == CASE
    assert f"pdf_sha256={hashlib.sha256(out.read_bytes()).hexdigest()}" in detail
    assert "level=pseudonymised" in detail and "report=dossier" in detail
    assert result.sha256 in detail
    assert case_vault.verify().ok


def test_failed_write_leaves_no_file_and_no_audit_entry(case_vault, tmp_path):
    before = len(audit_rows(case_vault, "report-written"))
    target = tmp_path / "missing-dir" / "d.pdf"
    with pytest.raises(OSError):
        reports.generate(case_vault, "dossier", target, subject_id=CASE)
    assert not target.parent.exists()
    assert len(audit_rows(case_vault, "report-written")) == before


def test_written_atomically_with_private_mode_and_no_leftovers(case_vault, tmp_path):
    out = tmp_path / "out" / "d.pdf"
    out.parent.mkdir()
    out.write_bytes(b"old")
    reports.generate(case_vault, "dossier", out, subject_id=CASE)
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in out.parent.iterdir()) == ["d.pdf"]
    assert (out.stat().st_mode & 0o777) == 0o600


# --- redaction and consent -----------------------------------------------------------------------

def identity_values(records) -> list[str]:
    values = []
    for r in records:
        if r["type"] == "person":
            for key, value in (r.get("identity") or {}).items():
                if key == "gender":
                    continue  # a vocabulary label ("male") may appear elsewhere; checked via the field label
                values += value if isinstance(value, list) and key != "languages" else [value]
    return [v for v in values if isinstance(v, str)]


def test_pseudonymised_dossier_contains_no_identity_field(case_vault, tmp_path):
    out = tmp_path / "p.pdf"
    result = reports.generate(case_vault, "dossier", out, subject_id=CASE, lang="kk", level="pseudonymised")
    raw = pdftotext(out)
    text = flat(raw)
    for value in identity_values(full_set("0" * 64, 1)):
        assert value not in raw and value not in text, value
    for part in ("Әбілқасымов", "Kairat", "Ғалия", "+7 700"):
        assert part not in text
    assert "Туған күні" not in text  # the identity labels are not printed either
    assert "P-2026-0042" in text  # the pseudonym stands in
    assert "ҚАМАУ кезінде мені ұрды" in text  # consented for anonymised reports
    assert "Айгүл Сәрсенова" not in text  # staff names are withheld at this level
    assert "Есепке енгізілмегендер" in text and result.withheld > 0


def test_dossier_without_lawyer_consent_omits_testimony(vault, tmp_path):
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    records = full_set(blob.sha256, blob.size)
    for r in records:
        if r["type"] == "interview":
            r["consent"] = {**CONSENT, "share_with_lawyer": False}
        if r["type"] == "consent":  # the later consent record (v4) must not give it either
            r["scope"]["share_with_lawyer"] = False
    vault.put_many(records)
    out = tmp_path / "d.pdf"
    reports.generate(vault, "dossier", out, subject_id=CASE, lang="ru", level="full")
    text = flat(pdftotext(out))
    assert "Меня били по спине" not in text
    assert "ҚАМАУ кезінде" not in text
    assert "нет согласия на передачу адвокату" in text  # the reason, as a count
    assert "Не включено в отчёт" in text


def test_consent_withdrawn_later_removes_the_testimony(case_vault, tmp_path):
    report = reports.build(case_vault, "dossier", subject_id=CASE, lang="en")
    assert "Меня били по спине" in report.text()
    # a later interview of the same person records the withdrawal of lawyer sharing
    later = {"id": new_id(), "type": "interview", "person_id": PERSON, "case_id": CASE,
             "interviewers": ["Oleg Petrov"], "date": "2026-05-01T10:00:00+05:00", "private": True,
             "narrative": "Я отзываю согласие на передачу адвокату.", "reprisal_risk": "high",
             "consent": {**CONSENT, "share_with_lawyer": False, "date": "2026-05-01T10:00:00+05:00"}}
    case_vault.put(later)
    report = reports.build(case_vault, "dossier", subject_id=CASE, lang="en")
    text = report.text()
    assert "Меня били по спине" not in text
    assert "Я отзываю" not in text
    assert ("testimonies", "consent withdrawn") in report.withheld.counts
    out = tmp_path / "w.pdf"
    reports.write(case_vault, report, out)
    assert "consent withdrawn" in flat(pdftotext(out))


def test_withdrawal_by_consent_record_removes_testimony_and_examination(case_vault):
    text = reports.build(case_vault, "dossier", subject_id=CASE, lang="ru").text()
    assert "Меня били по спине" in text and "Тревожность, нарушения сна" in text
    case_vault.put({"id": new_id(), "type": "consent", "person_id": PERSON, "date": "2026-06-01T09:00:00+05:00",
                    "method": "written", "withdrawal": True, "scope": {"share_with_lawyer": False}})
    report = reports.build(case_vault, "dossier", subject_id=CASE, lang="ru")
    text = report.text()
    assert "Меня били по спине" not in text and "Тревожность, нарушения сна" not in text
    assert report.withheld.counts[("показания", "согласие отозвано")] == 1
    assert report.withheld.counts[("медицинские обследования", "согласие отозвано")] == 1
    # the pseudonymised dossier rests on the other consent (anonymised reports), still given
    assert "Меня били по спине" in reports.build(case_vault, "dossier", subject_id=CASE, level="pseudonymised").text()


def test_intimate_photo_needs_its_own_consent(vault, tmp_path):
    blob = vault.store_blob(io.BytesIO(png_bytes(colour=(10, 200, 10))))
    records = full_set(blob.sha256, blob.size)
    for r in records:
        if r["type"] == "attachment":
            r["intimate"] = True
            r["caption"] = "Интимное фото 4711"
    vault.put_many(records)
    report = reports.build(vault, "dossier", subject_id=CASE, lang="en")
    assert "Интимное фото 4711" not in report.text()
    assert ("intimate photographs", "no specific consent to intimate photographs") in report.withheld.counts


def test_aggregate_dossier_is_refused(case_vault, tmp_path):
    with pytest.raises(ReportRefused):
        reports.generate(case_vault, "dossier", tmp_path / "a.pdf", subject_id=CASE, level="aggregate")
    assert not (tmp_path / "a.pdf").exists()


def test_unknown_level_and_language_are_one_line_errors(case_vault, tmp_path):
    with pytest.raises(MonitorError, match="redaction level"):
        reports.build(case_vault, "dossier", subject_id=CASE, level="secret")
    with pytest.raises(MonitorError, match="language"):
        reports.build(case_vault, "dossier", subject_id=CASE, lang="de")
    with pytest.raises(MonitorError, match="no record"):
        reports.build(case_vault, "dossier", subject_id=uid(999))


# --- the source digest ----------------------------------------------------------------------------

def test_footer_hash_changes_when_a_record_changes(case_vault, tmp_path):
    first = reports.generate(case_vault, "dossier", tmp_path / "1.pdf", subject_id=CASE)
    again = reports.build(case_vault, "dossier", subject_id=CASE)
    assert again.source_digest == first.source_digest  # same records, same digest
    facility = case_vault.get(uid(1))
    case_vault.put({**facility, "notes": facility["notes"] + " (обновлено)"})
    second = reports.generate(case_vault, "dossier", tmp_path / "2.pdf", subject_id=CASE)
    assert second.source_digest != first.source_digest
    assert second.source_digest in flat(pdftotext(tmp_path / "2.pdf"))
    assert first.source_digest not in flat(pdftotext(tmp_path / "2.pdf"))


def test_source_digest_is_sha256_of_sorted_revision_hashes(case_vault):
    from monitor.core.reports.sources import Reader

    reader = Reader(case_vault)
    for rid in (CASE, PERSON, uid(1)):
        reader.get(rid)
    hashes = [case_vault.history(rid)[-1].hash for rid in (CASE, PERSON, uid(1))]
    expected = hashlib.sha256("\n".join(sorted(hashes)).encode("ascii")).hexdigest()
    assert reader.digest == expected == digest_of(hashes) and reader.count == 3
    # the dossier read the case's 14 records (consent and reprisal included) and the coordinator term
    # whose label it printed; not the second victim (not linked to the case) nor the official statistic
    report = reports.build(case_vault, "dossier", subject_id=CASE)
    assert report.source_count == 15


# --- conflicts ------------------------------------------------------------------------------------

def test_record_in_conflict_is_flagged(case_vault, tmp_path):
    case = case_vault.get(CASE)
    case_vault.put({**case, "title": "Избиение в ИВС (версия А)"})
    first = case_vault.history(CASE)[0]
    body = {**case, "title": "Избиение в ИВС (версия Б)"}
    sibling = signed(Revision(new_id(), CASE, "case", (first.rev,), "other", new_id(), utc_now(), False, body))
    introduce(case_vault, sibling.device)
    with case_vault.writing():
        case_vault.insert_revision(sibling)
    assert case_vault.info(CASE).conflict
    out = tmp_path / "c.pdf"
    reports.generate(case_vault, "dossier", out, subject_id=CASE, lang="ru")
    text = flat(pdftotext(out))
    assert "КОНФЛИКТ — параллельные версии не согласованы" in text
    assert "Записи в конфликте" in text


# --- password, photos -----------------------------------------------------------------------------

def test_password_protected_pdf_is_aes256_and_opens_in_poppler(case_vault, tmp_path):
    import pikepdf

    out = tmp_path / "locked.pdf"
    result = reports.generate(case_vault, "dossier", out, subject_id=CASE, lang="kk", password="қазақ-пароль-42")
    assert result.encrypted
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    with pikepdf.open(out, password="қазақ-пароль-42") as pdf:
        assert pdf.encryption.R == 6 and pdf.encryption.bits == 256 and pdf.encryption.stream_method == pikepdf.models.encryption.EncryptionMethod.aesv3
    assert "Іс бойынша досье" in flat(pdftotext(out, password="қазақ-пароль-42"))
    qpdf_check(out, password="қазақ-пароль-42")


def test_jpeg_metadata_is_stripped_before_embedding(vault, tmp_path):
    from PIL import Image

    data = jpeg_with_gps()
    assert b"SERIAL-77421" in data
    clean = strip_jpeg_metadata(data)
    assert b"SERIAL-77421" not in clean and b"Exif" not in clean
    image = Image.open(io.BytesIO(clean))
    image.load()
    assert image.size == (320, 240) and not dict(image.getexif())
    blob = vault.store_blob(io.BytesIO(data))
    records = full_set(blob.sha256, blob.size)
    for r in records:
        if r["type"] == "attachment":
            r["mime_type"] = "image/jpeg"
    vault.put_many(records)
    out = tmp_path / "j.pdf"
    reports.generate(vault, "dossier", out, subject_id=CASE)
    raw = out.read_bytes()
    assert b"SERIAL-77421" not in raw and b"SpyCam" not in raw
    assert b"/DCTDecode" in raw  # the JPEG was embedded as is, not re-encoded


def test_dossier_model_without_pdf(case_vault):
    report = reports.build(case_vault, "dossier", subject_id=CASE, lang="kk")
    titles = [s.title for s in report.sections]
    assert titles[:4] == ["Қысқаша мазмұны", "Хронология", "Адамдар және олардың рөлдері", "Шағымдар мен іс жүргізу"]
    assert titles[-1] == "Есепке енгізілмегендер"
    text = report.text()
    assert "ҚР ҚК 2014, 146-бап (Азаптау)" in text  # article labels from the vocabulary
    # per-defendant charges (v4): the article at each stage, verdict and sentence
    assert "ҚР ҚК 2014, 362-бап (Билікті немесе лауазымдық өкілеттіктерді асыра пайдалану), 4-бөлік" in text
    assert "Бас бостандығынан айыру, 7 жыл" in text
    assert "3 жыл, сынақ мерзімі 2 жыл" in text
    json.dumps(report.cover, ensure_ascii=False)  # plain data
    assert copy.deepcopy(report.withheld).total() == report.withheld.total()


def test_long_tables_repeat_their_header_and_contents_have_page_numbers(case_vault, tmp_path):
    import re
    import subprocess

    from reports_support import tool

    complaints = [{"id": new_id(), "type": "complaint", "case_id": CASE, "date_filed": f"2026-05-{1 + i % 28:02d}",
                   "authority": "prosecutor", "reference": f"ЖТ-2026/{500 + i}", "status": "filed"}
                  for i in range(90)]
    case_vault.put_many(complaints)
    out = tmp_path / "long.pdf"
    result = reports.generate(case_vault, "dossier", out, subject_id=CASE, lang="en")
    pages = []
    for n in range(1, result.pages + 1):
        text = subprocess.run([tool("pdftotext"), "-f", str(n), "-l", str(n), "-enc", "UTF-8", str(out), "-"],
                              capture_output=True, check=True).stdout.decode()
        pages.append(flat(text))
    chronology = [i for i, text in enumerate(pages) if "ЖТ-2026/5" in text and "Complaint filed" in text]
    assert len(chronology) >= 2  # the chronology table runs over several pages…
    for i in chronology:
        assert re.search(r"Date Event Details", pages[i]), i + 1  # …and repeats its header on each
    contents = " ".join(pages[1:4])  # the contents run over more than one page here
    listed = int(re.search(r"Testimonies[ .]+(\d+)\b", contents).group(1))
    assert "Testimonies Testimony of" in pages[listed - 1]  # the contents point at the right page
    assert "Testimony of" not in pages[listed - 2]
    for n, text in enumerate(pages, 1):
        assert f"Page {n} of {result.pages}" in text
        if n > 1:
            assert "KZ-2026-0007" in text and "CONFIDENTIAL" in text  # the running header


def test_shipped_fonts_have_every_kazakh_and_russian_letter():
    from reportlab.pdfbase.ttfonts import TTFont

    from monitor.core import resources

    letters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ" + "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ" + "№«»–—…×"
    for name in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"):
        face = TTFont(name, str(resources.path("fonts", f"{name}.ttf"))).face
        missing = [ch for ch in letters if ord(ch) not in face.charToGlyph]
        assert not missing, (name, missing)
    assert "Bitstream Vera" in resources.path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
