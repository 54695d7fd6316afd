"""Medical report details (issue 18 §6): the examination system by system (negative findings too), the
mental-status examination, the СМЭ block's own labels, a signing date apart from the examination's,
and the place of birth and identity document behind the identity protection — on a real vault, in
ru, kk and en, through the gate, the generated form and the printed PDF."""

from __future__ import annotations

import io

import pytest
from records import full_set, uid
from reports_support import flat, pdftotext, png_bytes

from monitor.core import reports
from monitor.core.errors import MonitorError, SchemaViolation

EXAM, PERSON = uid(8), uid(3)
SYSTEMS = {"skin": {"abnormal_findings": "Кровоподтёк 12×2 см на спине"}, "eyes": {"normal": True},
           "chest": {"normal": False}, "neurological": {"normal": True}}
MENTAL = {"appearance": "Опрятен, напряжён", "mood_affect": "Подавленное настроение",
          "insight_judgement": "Критика сохранена"}
DOCUMENT = {"kind": "Удостоверение личности", "number": "041234567"}


def stock(vault, **changes):
    blob = vault.store_blob(io.BytesIO(png_bytes()))
    records = full_set(blob.sha256, blob.size)
    for r in records:
        if r["type"] == "examination":
            r.update(changes.get("exam", {}))
        if r["id"] == PERSON:
            r["identity"].update(changes.get("identity", {}))
        if changes.get("no_lawyer"):  # the person never agreed to share with a lawyer
            for scope in (r.get("scope"), r.get("consent")):
                if isinstance(scope, dict) and "share_with_lawyer" in scope:
                    scope["share_with_lawyer"] = False
    vault.put_many(records)
    return vault


def text_of(vault, lang="ru", level="full"):
    return reports.build(vault, "medical", subject_id=EXAM, lang=lang, level=level).text()


# --- 1. system by system ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [
    ("ru", ["Осмотр по системам органов", "Кожные покровы", "Кровоподтёк 12×2 см на спине", "Глаза",
            "Патологических изменений не выявлено", "Выявлены изменения (не описаны)", "Мочеполовая система",
            "Не описано"]),
    ("kk", ["Ағзалар жүйелері бойынша тексеру", "Тері жабындары", "Көздер",
            "Патологиялық өзгерістер анықталған жоқ", "Сипатталмаған"]),
    ("en", ["Examination by system", "Skin", "Eyes", "No abnormality found", "Abnormal (not described)",
            "Nervous system", "Not recorded"]),
])
def test_systems_are_printed_with_negative_findings(vault, lang, expected):
    stock(vault, exam={"systems": SYSTEMS})
    text = text_of(vault, lang)
    for phrase in expected:
        assert phrase in text, phrase


def test_every_system_gets_a_row_in_annex_iv_order(vault):
    stock(vault, exam={"systems": SYSTEMS})
    report = reports.build(vault, "medical", subject_id=EXAM, lang="en")
    table = next(b for b in report.walk() if type(b).__name__ == "Table" and b.caption == "Examination by system")
    assert [row[0] for row in table.rows] == [
        "Skin", "Head and face", "Eyes", "Ears, nose and throat", "Oral cavity", "Chest", "Abdomen",
        "Genitourinary system", "Musculoskeletal system", "Nervous system"]
    assert table.rows[2][1] == "No abnormality found" and table.rows[1][1] == "Not recorded"


def test_no_systems_no_table(vault):
    stock(vault)
    assert "Examination by system" not in text_of(vault, "en")


@pytest.mark.parametrize("systems", [{"liver": {"normal": True}}, {"skin": {"normal": "yes"}},
                                     {"skin": {"normal": True, "colour": "red"}}])
def test_the_gate_refuses_a_malformed_system_and_stores_nothing(vault, systems):
    stock(vault)
    before = vault.get(EXAM)
    with pytest.raises(MonitorError):
        vault.put({**before, "systems": systems})
    assert vault.get(EXAM) == before


@pytest.mark.parametrize("lang, text", [
    ("en", "a system with findings cannot be marked 'no abnormality found'"),
    ("ru", "при описанных изменениях нельзя отметить «патологических изменений не выявлено»"),
])
def test_no_abnormality_and_findings_together_are_refused(vault, lang, text):
    stock(vault)
    before = vault.get(EXAM)
    with pytest.raises(SchemaViolation) as caught:
        vault.put({**before, "systems": {"skin": {"normal": True, "abnormal_findings": "Ссадина"}}})
    problem = caught.value.problems[0]
    assert (problem.rule, problem.path) == ("system_normal_findings", "systems.skin.normal")
    assert text in caught.value.localized(lang)
    assert vault.get(EXAM) == before


def test_a_report_signed_before_its_examination_is_refused(vault):
    stock(vault)
    before = vault.get(EXAM)  # examined on 2026-03-02
    with pytest.raises(SchemaViolation) as caught:
        vault.put({**before, "signing_date": "2026-03-01"})
    assert caught.value.problems[0].rule == "date_order"
    assert "signed before the examination" in str(caught.value)
    assert vault.get(EXAM) == before
    vault.put({**before, "signing_date": "2026-03-02"})  # the same day is fine


def test_the_generated_form_has_every_system(vault, qtbot):
    from monitor.gui.editors.forms import RecordForm

    stock(vault)
    form = RecordForm(vault, "examination", vault.get(EXAM), lang="ru", with_save=False)
    qtbot.addWidget(form)
    for key in ("skin", "head_face", "eyes", "ear_nose_throat", "oral_cavity", "chest", "abdomen",
                "genitourinary", "musculoskeletal", "neurological"):
        assert form.find(f"systems.{key}.normal") is not None, key
        assert form.find(f"systems.{key}.abnormal_findings") is not None, key
    form.find("systems.eyes.normal").set_value(True)
    form.find("systems.skin.abnormal_findings").set_value("Ссадина")
    form.find("psychological_evaluation.mental_status.speech").set_value("Речь замедлена")
    body = form.build()
    assert body["systems"] == {"eyes": {"normal": True}, "skin": {"abnormal_findings": "Ссадина"}}
    assert body["psychological_evaluation"]["mental_status"] == {"speech": "Речь замедлена"}
    vault.put(body)
    assert vault.get(EXAM)["systems"]["eyes"] == {"normal": True}


def test_the_examination_editor_shows_systems_and_mental_status(vault, qtbot):
    from monitor.gui.editors.examination_editor import ExaminationEditor

    stock(vault, exam={"systems": SYSTEMS, "psychological_evaluation": {"mental_status": MENTAL}})
    editor = ExaminationEditor(vault, vault.get(EXAM), lang="kk")
    qtbot.addWidget(editor)
    assert editor.form.find("systems.skin.abnormal_findings").value() == SYSTEMS["skin"]["abnormal_findings"]
    assert editor.form.find("systems.eyes.normal").value() is True
    assert editor.form.find("psychological_evaluation.mental_status.appearance").value() == MENTAL["appearance"]
    assert editor.form.find("signing_date") is not None


# --- 2. mental status --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [
    ("ru", ["Психический статус", "Внешний вид", "Опрятен, напряжён", "Настроение и аффект", "Критика и суждения"]),
    ("kk", ["Психикалық статус", "Сыртқы келбеті", "Көңіл-күйі мен аффектісі"]),
    ("en", ["Mental status examination", "Appearance", "Mood and affect", "Insight and judgement"]),
])
def test_mental_status_is_printed(vault, lang, expected):
    stock(vault, exam={"psychological_evaluation": {"mental_status": MENTAL}})
    text = text_of(vault, lang)
    for phrase in expected:
        assert phrase in text, phrase
    assert "Speech" not in text and "Речь" not in text  # an item left blank is not printed


# --- 3. the СМЭ block's own labels -----------------------------------------------------------------

FORENSIC = {"forensic_examination": {"number": "№ 512", "date": "2026-03-04", "expert": "Эксперт Б. Жумабаев",
                                     "harm_severity": "light", "conclusions": "Лёгкий вред здоровью"}}


@pytest.mark.parametrize("lang, expert, conclusions, section", [
    ("ru", "Судебно-медицинский эксперт", "Выводы эксперта", "13. Выводы и рекомендации"),
    ("kk", "Сот-медициналық сарапшы", "Сарапшының қорытындылары", "13. Қорытындылар мен ұсынымдар"),
    ("en", "Forensic expert", "Expert's conclusions", "13. Conclusions and recommendations"),
])
def test_forensic_block_has_its_own_labels(vault, lang, expert, conclusions, section):
    stock(vault, exam=FORENSIC)
    report = reports.build(vault, "medical", subject_id=EXAM, lang=lang)
    block = next(b for b in report.walk() if type(b).__name__ == "Section" and b.title in
                 ("Судебно-медицинская экспертиза", "Сот-медициналық сараптама", "Forensic examination"))
    labels = [label for b in block.blocks if type(b).__name__ == "Fields" for label, _ in b.rows]
    assert expert in labels and conclusions in labels
    assert section not in labels
    assert report.text().count(section) == 1  # the heading of section 13 only


# --- 4. signing date ---------------------------------------------------------------------------------

def test_signing_date_is_printed_apart_from_the_exam_date(vault, tmp_path):
    stock(vault, exam={"signing_date": "2026-03-10"})
    out = tmp_path / "m.pdf"
    reports.generate(vault, "medical", out, subject_id=EXAM, lang="ru")
    text = flat(pdftotext(out))
    assert "Дата подписания 10.03.2026" in text or "Дата подписания: 10.03.2026" in text, text[-1500:]
    assert "Дата подписания не указана" not in text


@pytest.mark.parametrize("lang, note", [
    ("ru", "Дата подписания не указана: приведена дата обследования."),
    ("kk", "Қол қойылған күні көрсетілмеген: тексеру күні келтірілген."),
    ("en", "No separate signing date was recorded: this is the date of the examination."),
])
def test_without_a_signing_date_the_exam_date_stands_in_and_says_so(vault, lang, note):
    stock(vault)
    report = reports.build(vault, "medical", subject_id=EXAM, lang=lang)
    assert note in report.text()
    signature = next(s for s in report.sections if s.title.startswith("16."))
    rows = dict(next(b for b in signature.blocks if type(b).__name__ == "Fields").rows)
    label = {"ru": "Дата подписания", "kk": "Қол қойылған күні", "en": "Date of signing"}[lang]
    first = next(b for b in report.sections[0].blocks if type(b).__name__ == "Fields")
    examined = dict(first.rows)[{"ru": "Дата", "kk": "Күні", "en": "Date"}[lang]]
    assert rows[label] and examined.startswith(rows[label])  # the day of the examination, without its time


# --- 5. place of birth and identity document ---------------------------------------------------------

def test_place_of_birth_and_document_at_full_level(vault):
    stock(vault, identity={"place_of_birth": "г. Шымкент", "identity_document": DOCUMENT})
    text = text_of(vault, "ru")
    assert "Место рождения" in text and "г. Шымкент" in text
    assert "Документ, удостоверяющий личность" in text and "Удостоверение личности 041234567" in text
    kk = text_of(vault, "kk")
    assert "Туған жері" in kk and "Жеке басын куәландыратын құжат" in kk


def test_place_of_birth_and_document_are_withheld_below_full(vault):
    stock(vault, identity={"place_of_birth": "г. Шымкент", "identity_document": DOCUMENT})
    text = text_of(vault, "ru", "pseudonymised")
    assert "041234567" not in text and "Шымкент" not in text and "Место рождения" not in text


def test_place_of_birth_and_document_are_withheld_from_an_audience_without_consent(vault):
    stock(vault, identity={"place_of_birth": "г. Шымкент", "identity_document": DOCUMENT}, no_lawyer=True)
    text = reports.build(vault, "medical", subject_id=EXAM, lang="ru", audience="lawyer").text()
    assert "041234567" not in text and "Шымкент" not in text and "Место рождения" not in text
    assert "нет согласия на передачу адвокату" in text  # and the withheld table says why


def test_identity_form_keeps_them_behind_show_identity_fields(vault, qtbot):
    from monitor.gui.editors.forms import RecordForm

    stock(vault, identity={"place_of_birth": "г. Шымкент", "identity_document": DOCUMENT})
    form = RecordForm(vault, "person", vault.get(PERSON), lang="ru")
    qtbot.addWidget(form)
    form.show()
    place, number = form.find("identity.place_of_birth"), form.find("identity.identity_document.number")
    assert place is not None and number is not None
    assert not place.isVisibleTo(form) and not number.isVisibleTo(form)
    form.reveal_button.click()
    assert place.isVisibleTo(form) and number.isVisibleTo(form)
    assert form.build()["identity"]["identity_document"] == DOCUMENT
