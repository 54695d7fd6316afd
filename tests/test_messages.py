"""The shared message catalogue (resources/messages/core.json) that both faces read."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from monitor.core import messages
from monitor.core.errors import Cancelled, MonitorError, VaultInUse, WeakPassphrase, WrongPassphrase
from monitor.core.messages import Message, localize

ROOT = Path(__file__).resolve().parents[1]


def fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_message_has_ru_and_kk_with_the_same_placeholders():
    catalogue = messages.files()["core.json"]  # every file: tests/test_catalogue.py
    assert len(catalogue) > 40
    for msg_id, entry in catalogue.items():
        for lang in ("en", "ru", "kk"):
            assert entry.get(lang, "").strip(), f"{msg_id}: no {lang} text"
            assert fields(entry[lang]) == fields(entry["en"]), f"{msg_id}/{lang}: placeholders differ"
        assert entry["ru"] != entry["en"] and entry["kk"] != entry["en"], f"{msg_id}: untranslated"
    kazakh = "".join(e["kk"] for e in catalogue.values()).lower()
    assert set("әғқңөұүі") <= set(kazakh)


def test_every_message_id_used_in_the_code_is_in_the_catalogue():
    used = set()
    for source in (ROOT / "monitor").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        used |= set(re.findall(r'Message\(\s*"(\w+)"', text))
        used |= set(re.findall(r'message_id = "(\w+)"', text))
        used |= set(re.findall(r'\b_t\(\s*"(\w+)"', text))
        used |= set(re.findall(r'\btext\(\s*"(\w+)"', text))
    assert len(used) > 15
    assert used - set(messages.catalogue()) == set()


def test_errors_keep_english_str_and_localize():
    exc = WrongPassphrase()
    assert str(exc) == "wrong passphrase, or not a Monitor vault"
    assert localize(exc, "ru") == "неверная парольная фраза, или это не хранилище Monitor"
    assert localize(exc, "kk").startswith("құпия фраза қате")
    assert localize(Cancelled(), "kk") == "тоқтатылды; ештеңе жазылған жоқ"
    busy = VaultInUse(pid=42, host="laptop")
    assert "42" in localize(busy, "ru") and "laptop" in localize(busy, "kk")
    assert localize(MonitorError("something only English"), "ru") == "something only English"


def test_passphrase_advice_in_every_language():
    from monitor.core.keys.passphrase import check_strength, weakness

    reason = weakness("short")
    assert isinstance(reason, Message) and "too short" in reason
    assert reason.localize("ru") == "парольная фраза слишком короткая (5 симв., нужно не меньше 12)"
    with pytest.raises(WeakPassphrase) as caught:
        check_strength("password1234")
    ru = localize(caught.value, "ru")
    assert ru.startswith("парольная фраза слишком слабая (") and "скрипка" in ru
    assert "(" in localize(caught.value, "kk") and "құпия" in localize(caught.value, "kk")


def test_every_zxcvbn_warning_is_mapped():
    import zxcvbn

    from monitor.core.keys.passphrase import _ZXCVBN

    source = (Path(zxcvbn.__file__).parent / "feedback.py").read_text()
    warnings = {w.rstrip(".").lower() for w in re.findall(r"_\(['\"](.+? (?:easy to guess|password))\.?['\"]\)", source)}
    assert warnings and warnings <= set(_ZXCVBN), warnings - set(_ZXCVBN)


def test_a_missing_vault_is_told_in_each_language(vault_path):
    from monitor.core.store.vault import Vault

    with pytest.raises(MonitorError) as caught:
        Vault.open(vault_path.parent / "missing.vault", "x")
    assert localize(caught.value, "ru").startswith("по пути ")
    assert "қойма жоқ" in localize(caught.value, "kk")


def test_verify_findings_are_messages(vault, vault_path):
    vault.conn.execute("DROP TRIGGER audit_append_only_update")  # someone with the key and a SQL shell
    vault.conn.execute("UPDATE audit SET actor = 'someone else' WHERE seq = 1")
    report = vault.verify()
    assert not report.ok
    translated = [localize(p, "ru") for p in report.problems]
    assert any("журнала аудита" in t for t in translated), translated


def test_system_language():
    assert messages.system_language({"LANG": "kk_KZ.UTF-8"}) == "kk"
    assert messages.system_language({"MONITOR_LANG": "ru", "LANG": "kk_KZ.UTF-8"}) == "ru"
    assert messages.system_language({"LANG": "de_DE.UTF-8"}) == "en"


def test_every_cli_error_is_a_catalogue_message():
    """The CLI face: every UserError is raised with a Message (an id of the catalogue and its
    fields), never with English text, so it has a ru and a kk text without parsing English back."""
    source = (ROOT / "monitor" / "cli.py").read_text(encoding="utf-8")
    assert re.findall(r'UserError\(\s*[frbu]*["\']', source) == [], "a UserError raised with a literal"
    calls = [node for node in ast.walk(ast.parse(source))
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "UserError"]
    assert len(calls) >= 12
    catalogue = messages.catalogue()
    for call in calls:
        shown = ast.unparse(call)
        assert len(call.args) == 1 and not call.keywords, shown
        built = call.args[0]
        assert isinstance(built, ast.Call) and getattr(built.func, "id", None) == "Message", shown
        assert len(built.args) == 1 and isinstance(built.args[0], ast.Constant), shown
        entry = catalogue.get(built.args[0].value)
        assert entry is not None, f"not in resources/messages/: {shown}"
        assert {k.arg for k in built.keywords} == set(fields(entry["en"])), f"fields differ: {shown}"
        assert entry["ru"] != entry["en"] and entry["kk"] != entry["en"], shown


@pytest.mark.process
def test_cli_speaks_the_users_language(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    for lang, expected in (("ru", "monitor: ошибка: хранилища "), ("kk", "monitor: қате: "),
                           ("en", "monitor: error: no vault at ")):
        env["MONITOR_LANG"] = lang
        result = subprocess.run([sys.executable, "-m", "monitor", "wipe", "--yes", "--vault", str(tmp_path / "none.vault")],
                                capture_output=True, text=True, env=env, timeout=60)
        assert result.returncode == 1 and result.stderr.startswith(expected), result.stderr


def test_cli_prints_no_untranslated_text():
    """Every line the CLI prints for a person goes through the catalogue (JSON output aside)."""
    source = (ROOT / "monitor" / "cli.py").read_text(encoding="utf-8")
    for literal in re.findall(r'(?:print|input|write)\(\s*f?"((?:[^"\\]|\\.)*)"', source):
        outside = re.sub(r"\{[^}]*\}", "", literal)
        assert not re.search(r"[A-Za-z]{3}", outside), f"untranslated CLI output: {literal!r}"
