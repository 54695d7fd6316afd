"""A Kazakh window shows the Kazakh catalogue text for every error code that can reach a form.

Each rule a record can break while it is edited is triggered for real (a real vault refuses the
record); the form shows the error through the one save-and-show-errors helper, and the text beside
the field (or in the banner) must be the kk text of the catalogue, never the English one.
"""

from __future__ import annotations

import copy
import io

import pytest
from conftest import PASSPHRASE, TEST_KDF_ITER, require_module
from records import full_set, new_facility, uid

require_module("PySide6.QtWidgets")  # skips without Qt, fails under CI=true

from gui.helpers import ui_language  # noqa: E402

from monitor.core import messages  # noqa: E402
from monitor.core.queries.codes import EXAMPLE  # noqa: E402
from monitor.core.errors import MonitorError, SchemaViolation  # noqa: E402
from monitor.core.store.vault import Vault  # noqa: E402
from monitor.gui.editors.forms import RecordForm  # noqa: E402
from monitor.gui.editors.saving import FIELD_TEXT, save_and_show_errors  # noqa: E402

OTHER_CASE = uid(996)


def update(**values):
    return lambda r: r.update(values)


def first(key, **values):
    return lambda r: r[key][0].update(values)


def punishment(charge, **values):
    return lambda r: r["charges"][charge]["punishments"][0].update(values)


def life_for_a_suspended_sentence(r):
    p = r["charges"][0]["punishments"][0]
    p.pop("years")
    p.update(life=True)


# rule code -> (record type, how a stored record of that type is made to break it)
CASES = {
    "required": ("interview", lambda r: r.pop("narrative")),
    "empty": ("term", lambda r: r["labels"].update(en="")),
    "too_long": ("facility", update(name="ы" * 2001)),
    "not_a_date": ("visit", update(date_start="2026-02-30")),
    "pattern": ("case", update(code="KZ-13")),
    "out_of_range": ("facility", update(capacity=-1)),
    "too_few_items": ("interview", update(interviewers=[])),
    "too_many_items": ("visit", update(team=["Айгүл"] * 101)),
    "in_future": ("complaint", update(date_filed="2099-03-05", reply_date="2099-04-01")),
    "date_order": ("visit", update(date_end="2000-01-01")),
    "refused_visit_interviews": ("visit", update(outcome="refused", interviews_count=2)),
    "before_filing": ("complaint", update(forwarded_to={"authority": "prosecutor", "date": "2026-01-01"})),
    "status_outcome_decided": ("proceeding", update(status="investigation")),
    "status_outcome_refused": ("proceeding", update(outcome="refused")),
    "outcome_status_refused": ("proceeding", update(status="refused_to_open", outcome="terminated")),
    "status_outcome_terminated": ("proceeding", update(outcome="terminated")),
    "life_no_years": ("proceeding", update(sentence_life=True)),
    "decision_order": ("proceeding", lambda r: r["decisions"].reverse()),
    "charge_defendant": ("proceeding", lambda r: r["charges"][0].pop("person_id")),
    "verdict_before_opened": ("proceeding", first("charges", verdict_date="2026-01-01")),
    "verdict_no_punishment": ("proceeding", first("charges", verdict="acquitted")),
    "life_imprisonment_only": ("proceeding", life_for_a_suspended_sentence),
    "life_no_term": ("proceeding", punishment(1, life=True)),
    "probation_suspended": ("proceeding", punishment(1, probation_years=1)),
    "amount_fine": ("proceeding", punishment(1, amount=100)),
    "sentence_length": ("proceeding", lambda r: r["charges"][1]["punishments"][0].pop("years")),
    "private_officer": ("examination", update(private=True, officer_present=True)),
    "system_normal_findings": ("examination", update(systems={"skin": {"normal": True, "abnormal_findings": "Ссадина"}})),
    "view_side": ("examination", first("injuries", view="front")),
    "withdrawal_scope": ("consent", lambda r: r.update(withdrawal=True, scope={k: True for k in r["scope"]})),
    "complaint_other_case": ("proceeding", update(case_id=OTHER_CASE)),
    "not_a_term": ("facility", update(type_key="no_such_kind")),
    "no_record": ("visit", update(facility_id=uid(999))),
    "wrong_target": ("visit", update(facility_id=uid(6))),
    "term_exists": ("term", update(key="beating", id=uid(998))),
}

# Rules only data from outside can break (a bundle, a CSV, a hand-made JSON file): a form builds
# typed values of known fields, one record at a time, and never names a vocabulary or stores bytes.
NOT_FROM_A_FORM = {
    "unknown_field", "wrong_type", "const", "enum", "bad_format", "repeats_item", "other", "not_an_object",
    "unknown_type", "too_deep", "not_a_json_number", "duplicate_id", "id_other_type", "no_vocabulary",
    "closed_vocabulary", "no_blob", "size_mismatch",
    # text that is not Unicode, a number JCS cannot write, an attachment's stored name (attach cleans it)
    "lone_surrogate", "not_canonical_number", "file_name_empty", "file_name_too_long", "file_name_separator",
    "file_name_character", "file_name_dots", "file_name_spaces",
}


@pytest.fixture(scope="module")
def stocked(tmp_path_factory):
    vault = Vault.create(tmp_path_factory.mktemp("err") / "e.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    blob = vault.store_blob(io.BytesIO(b"png" * 100))
    records = full_set(blob.sha256, blob.size)
    vault.put_many(records)
    vault.put({"id": OTHER_CASE, "type": "case", "code": "KZ-2026-0099", "title": "Басқа іс", "status": "documenting"})
    yield vault, records
    vault.close()


@pytest.fixture(scope="module")
def kazakh():
    with ui_language("kk"):
        yield


def test_every_rule_a_form_can_meet_has_a_case():
    rules = {key[len("rule_"):] for key in messages.catalogue() if key.startswith("rule_")}
    assert set(CASES) | NOT_FROM_A_FORM == rules
    assert not set(CASES) & NOT_FROM_A_FORM


def shown_texts(form) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in form.findChildren(QLabel, "field_error") if not label.isHidden()] + \
        ([form.banner.text()] if not form.banner.isHidden() else [])


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_kazakh_form_shows_the_kazakh_text_of_each_rule(qtbot, stocked, kazakh, rule):
    vault, records = stocked
    record_type, breaks = CASES[rule]
    record = copy.deepcopy(next(r for r in records if r["type"] == record_type))
    breaks(record)
    with pytest.raises(SchemaViolation) as caught:
        vault.put(record)
    problem = caught.value.problems[0]
    assert (caught.value.code, caught.value.record_type, problem.rule) == ("schema_violation", record_type, rule)

    form = RecordForm(vault, record_type, copy.deepcopy(next(r for r in records if r["type"] == record_type)),
                      lang="kk")
    qtbot.addWidget(form)
    form.show()
    assert save_and_show_errors(form, lambda: vault.put(record), route=form.route) is False
    placed = form.find(problem.path) if problem.path else None
    if placed is not None and rule == "pattern" and problem.path == "code":  # a code: its shape and an example
        expected = messages.text(f"field_code_{record_type}", "kk", example=EXAMPLE[record_type])
        english = messages.text(f"field_code_{record_type}", "en", example=EXAMPLE[record_type])
    elif placed is not None and rule in FIELD_TEXT:
        expected = messages.text(FIELD_TEXT[rule], "kk")
        english = messages.text(FIELD_TEXT[rule], "en")
    else:
        expected = messages.text(f"rule_{rule}", "kk", **problem.fields)
        english = messages.text(f"rule_{rule}", "en", **problem.fields)
    assert expected != english
    texts = shown_texts(form)
    assert any(expected in text for text in texts), (rule, texts)
    assert not any(english in text for text in texts), (rule, texts)


def test_a_kazakh_form_shows_a_sealed_record_error_in_kazakh(qtbot, stocked, kazakh):
    vault, records = stocked
    exam = next(r for r in records if r["type"] == "examination")
    vault.seal(exam["id"])
    form = RecordForm(vault, "examination", vault.get(exam["id"]), lang="kk")
    qtbot.addWidget(form)
    changed = {**vault.get(exam["id"]), "conclusions": "Өзгертілген қорытынды"}
    with pytest.raises(MonitorError) as caught:
        vault.put(changed)
    assert caught.value.code == "sealed_record"
    assert save_and_show_errors(form, lambda: vault.put(changed)) is False
    expected = messages.text(caught.value.message.id, "kk", **caught.value.fields)
    assert "мөрленген" in expected and expected in form.banner.text()


def test_the_kazakh_examination_editor_marks_a_broken_rule_in_kazakh(qtbot, stocked, kazakh):
    from monitor.gui.editors.examination_editor import ExaminationEditor

    vault, records = stocked
    exam = dict(copy.deepcopy(next(r for r in records if r["type"] == "examination")), id=uid(990))
    exam["injuries"] = [dict(exam["injuries"][0], id=uid(991))]
    editor = ExaminationEditor(vault, lang="kk", defaults={"person_id": uid(3), "case_id": uid(6)})
    qtbot.addWidget(editor)
    editor.form.editor.set_value({**exam, "private": True, "officer_present": True})
    assert editor.save() is False
    field = editor.form.find("officer_present")
    assert field.error.text() == messages.text("rule_private_officer", "kk")
    assert "қызметкер" in field.error.text()
    assert not editor.banner.isHidden()


# The errors a form meets that are not rules: the vault locked under it, an import holding it, and a
# record that came back from another device in conflict. Each is raised for real by the vault, and the
# form's banner shows the catalogue's Kazakh line for its code (never the English one).

def assert_banner_in_kazakh(form, error: MonitorError, code: str) -> None:
    assert error.code == code
    kazakh, english = messages.localize(error, "kk"), messages.localize(error, "en")
    assert kazakh != english
    assert kazakh in form.banner.text() and english not in form.banner.text()


def test_a_kazakh_form_shows_a_locked_vault_in_kazakh(qtbot, tmp_path, kazakh):
    vault = Vault.create(tmp_path / "locked.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    facility = new_facility(uid(1))
    vault.put(facility)
    form = RecordForm(vault, "facility", facility, lang="kk")
    qtbot.addWidget(form)
    vault.close()
    changed = {**facility, "name": "Өскемен ТИ"}
    with pytest.raises(MonitorError) as caught:
        vault.put(changed)
    assert save_and_show_errors(form, lambda: vault.put(changed)) is False
    assert_banner_in_kazakh(form, caught.value, "vault_locked")


def test_a_kazakh_form_shows_a_busy_vault_in_kazakh(qtbot, tmp_path, kazakh):
    import threading

    vault = Vault.create(tmp_path / "busy.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    vault.write_wait = 0.05  # as in the desktop app: a save during an import answers at once
    facility = new_facility(uid(1))
    vault.put(facility)
    form = RecordForm(vault, "facility", facility, lang="kk")
    qtbot.addWidget(form)
    changed = {**facility, "name": "Өскемен ТИ"}
    held, release = threading.Event(), threading.Event()

    def long_work():  # an import on a worker thread holds the vault
        with vault.hold():
            held.set()
            release.wait(10)

    worker = threading.Thread(target=long_work)
    worker.start()
    try:
        assert held.wait(10)
        with pytest.raises(MonitorError) as caught:
            vault.put(changed)
        assert save_and_show_errors(form, lambda: vault.put(changed)) is False
    finally:
        release.set()
        worker.join()
    assert_banner_in_kazakh(form, caught.value, "vault_busy")
    assert vault.get(facility["id"])["name"] == facility["name"]
    vault.close()


def test_a_kazakh_form_shows_a_record_in_conflict_in_kazakh(qtbot, tmp_path, kazakh):
    from conflicts_support import FACILITY, make_conflicts

    vault = Vault.open(make_conflicts(tmp_path), PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    form = RecordForm(vault, "facility", vault.get(FACILITY["id"]), lang="kk")
    qtbot.addWidget(form)
    changed = {**vault.get(FACILITY["id"]), "notes": "Өзгеріс"}
    with pytest.raises(MonitorError) as caught:
        vault.put(changed)
    assert save_and_show_errors(form, lambda: vault.put(changed)) is False
    assert_banner_in_kazakh(form, caught.value, "record_in_conflict")
    vault.close()


# --- dialogs: what unlocking a vault and importing a bundle can meet ---------------------------------
# The same rule outside forms: each error is first raised by the core for real, then met by a Kazakh
# dialog doing the same thing, which must show that error's Kazakh catalogue line. (A vault whose key
# file is gone is taken for one from before key files, so the dialog meets a wrong passphrase there;
# ``key_file_missing`` is raised only when the file vanishes between the check and the read.)

def kazakh_line(error: MonitorError) -> str:
    kazakh, english = messages.localize(error, "kk"), messages.localize(error, "en")
    assert kazakh != english, error.code
    return kazakh


def unlock_error(qtbot, path, passphrase: str) -> str:
    from PySide6.QtWidgets import QPushButton

    from monitor.gui.dialogs.unlock import UnlockDialog

    dialog = UnlockDialog(path, kdf_iter=TEST_KDF_ITER, lang="kk")
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(passphrase)
    dialog.findChild(QPushButton, "unlock").click()
    qtbot.waitUntil(lambda: dialog.error.text() != "" and not dialog.busy, timeout=20_000)
    return dialog.error.text()


def damage(path, how: str) -> None:
    if how == "vault_damaged":
        with open(path, "r+b") as handle:  # the key file proves the passphrase; the pages do not decrypt
            handle.seek(4096 + 100)
            handle.write(bytes(64))
    elif how == "vault_not_found":
        path.unlink()


@pytest.mark.parametrize("how, passphrase", [
    ("wrong_passphrase", "granite willow harbour seventeen"),
    ("vault_damaged", PASSPHRASE),
    ("vault_not_found", PASSPHRASE),
])
def test_a_kazakh_unlock_dialog_shows_each_refusal_in_kazakh(qtbot, tmp_path, kazakh, how, passphrase):
    path = tmp_path / "u.vault"
    vault = Vault.create(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    vault.put(new_facility(uid(1)))
    vault.close()
    damage(path, how)
    with pytest.raises(MonitorError) as caught:
        Vault.open(path, passphrase, kdf_iter=TEST_KDF_ITER).close()
    assert caught.value.code == how
    assert unlock_error(qtbot, path, passphrase) == kazakh_line(caught.value)


def bundle_error(qtbot, vault, path) -> str:
    from monitor.gui.dialogs.sync_dialogs import ImportDialog

    dialog = ImportDialog(vault, lang="kk")
    qtbot.addWidget(dialog)
    dialog.confirm_signer = lambda fingerprint: False  # the user does not trust an unknown signer
    dialog.import_from(path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.error is not None
    return dialog.status.text()


@pytest.mark.parametrize("how", ["not_a_bundle", "truncated", "unknown_signer"])
def test_a_kazakh_import_dialog_shows_each_refused_bundle_in_kazakh(qtbot, tmp_path, kazakh, how):
    from monitor.core.sync import exchange

    monitor = Vault.create(tmp_path / "m.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Айгүл")
    coordinator = Vault.create(tmp_path / "c.vault", PASSPHRASE, kdf_iter=TEST_KDF_ITER, profile="Координатор")
    try:
        monitor.put(new_facility(uid(1)))
        path = tmp_path / "b.monitor-bundle"
        exchange.export_bundle(monitor, path, to=[coordinator.identity.age_recipient])
        if how == "not_a_bundle":
            path.write_bytes("Бұл бума емес".encode() * 50)
        elif how == "truncated":
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        before = coordinator.summary()
        with pytest.raises(MonitorError) as caught:
            exchange.import_bundle(coordinator, path)
        expected = kazakh_line(caught.value)
        assert bundle_error(qtbot, coordinator, path) == expected
        assert coordinator.summary() == before
    finally:
        monitor.close()
        coordinator.close()
