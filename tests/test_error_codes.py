"""Errors as values: every error class has a stable code with catalogue text in en/ru/kk; every
rule code the checks emit has text; the GUI never reads error text with a regular expression."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from pathlib import Path

import monitor
from monitor.core import messages
from monitor.core.errors import MonitorError, SchemaViolation

ROOT = Path(monitor.__file__).parent
_FIELDS = string.Formatter()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in _FIELDS.parse(text) if name}


def every_error_class() -> list[type]:
    for info in pkgutil.walk_packages([str(ROOT / "core")], "monitor.core."):
        importlib.import_module(info.name)
    importlib.import_module("monitor.cli")
    out, todo = [], [MonitorError]
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo += cls.__subclasses__()
    return [c for c in out if c.__module__.startswith("monitor.") and not c.__module__.startswith("monitor.gui")]


def test_every_error_class_has_a_unique_code_with_text_in_every_language():
    classes = every_error_class()
    assert len(classes) > 25
    codes = {}
    for cls in classes:
        code = cls.__dict__.get("code")
        assert isinstance(code, str) and code.isidentifier() and code == code.lower(), f"{cls.__name__}: no own code"
        assert code not in codes, f"{cls.__name__} and {codes[code]} share the code {code!r}"
        codes[code] = cls.__name__
        entry = messages.catalogue().get(code)
        assert entry is not None, f"{cls.__name__}: no catalogue text for {code!r}"
        for lang in ("ru", "kk"):
            assert entry[lang].strip() and entry[lang] != entry["en"], f"{code}: no {lang} text"
            assert placeholders(entry[lang]) == placeholders(entry["en"]), f"{code}/{lang}: placeholders differ"


def test_errors_carry_named_fields_and_keep_english_str():
    from monitor.core.errors import KeyFileMissing, VaultInUse

    missing = KeyFileMissing("/tmp/x.vault.keyslot")
    assert missing.code == "key_file_missing" and missing.fields == {"path": "/tmp/x.vault.keyslot"}
    assert str(missing).startswith("this vault's key file is missing: /tmp/x.vault.keyslot;")
    assert missing.localized("kk").startswith("бұл қойманың кілт файлы жоқ: /tmp/x.vault.keyslot")
    busy = VaultInUse(pid=7, host="laptop")
    assert busy.code == "vault_in_use" and busy.fields == {"pid": 7, "host": "laptop"}


def emitted_rules() -> set[str]:
    """Every rule code passed to violation()/_fail() or returned by schema.problem(), from the source."""
    found = set()
    for source in (ROOT / "core").rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("violation", "_fail") and len(node.args) >= 3 and isinstance(node.args[2], ast.Constant):
                    found.add(node.args[2].value)
            if isinstance(node, ast.FunctionDef) and node.name == "problem":
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Tuple):
                        found |= choices(ret.value.elts[2])
    return found


def choices(node) -> set[str]:
    """The string constants an expression can give (``"a" if test else "b"``: a and b)."""
    if isinstance(node, ast.IfExp):
        return choices(node.body) | choices(node.orelse)
    return {node.value} if isinstance(node, ast.Constant) and isinstance(node.value, str) else set()


def test_every_rule_code_the_checks_emit_has_text_and_no_text_is_dead():
    rules = emitted_rules()
    assert {"required", "too_long", "date_order", "not_a_term", "no_record", "in_future"} <= rules
    catalogue = messages.catalogue()
    texts = {key[len("rule_"):] for key in catalogue if key.startswith("rule_")}
    assert rules - texts == set(), "rule codes without catalogue text"
    assert texts - rules == set(), "catalogue rule texts no check emits"
    for rule in rules:
        entry = catalogue[f"rule_{rule}"]
        assert entry["kk"] != entry["en"], rule
        assert placeholders(entry["kk"]) == placeholders(entry["ru"]) == placeholders(entry["en"]), rule


def test_a_violation_keeps_its_english_line_and_localizes_every_part():
    from monitor.core.model import rules

    visit = {"id": "x", "type": "visit", "facility_id": "f", "date_start": "2026-03-02", "date_end": "2026-03-01"}
    try:
        rules.check(visit, "record 1")
    except SchemaViolation as exc:
        violation = exc
    assert str(violation) == ("record 1: date_end: 2026-03-01 is before date_start 2026-03-02 "
                              "(the visit ends before it starts)")
    assert violation.problems[0].rule == "date_order" and violation.problems[0].path == "date_end"
    assert violation.localized("kk") == ("record 1: date_end: 2026-03-01 date_start 2026-03-02 күнінен бұрын "
                                         "(бару басталмай тұрып аяқталады)")


REGEX_CALLS = {"search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split", "compile"}
ERROR_WORDS = ("exc", "err", "error", "message", "detail", "msg", "reason")


def test_no_regular_expression_in_the_gui_reads_error_text():
    english = [entry["en"] for key, entry in messages.catalogue().items()]
    offenders = []
    for source in (ROOT / "gui").rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in REGEX_CALLS):
                continue
            where = f"{source.relative_to(ROOT)}:{node.lineno}"
            for arg in node.args:
                for sub in ast.walk(arg):
                    name = sub.id if isinstance(sub, ast.Name) else sub.attr if isinstance(sub, ast.Attribute) else ""
                    if any(word == name.lower() or name.lower().startswith(word + "_") for word in ERROR_WORDS):
                        offenders.append(f"{where}: reads {name}")
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and len(sub.value) > 6 and any(
                            sub.value.strip("^$\\b() ") and sub.value.strip("^$\\b() ") in text for text in english):
                        offenders.append(f"{where}: matches catalogue text {sub.value!r}")
    assert offenders == []


# --- every error a user can meet is in the catalogue ------------------------------------------------
# A raise with a literal English line (``raise KeyFileDamaged(f"the key file {path} ...")``) would show
# that line to a Kazakh user, or make the core parse English back against the catalogue. Every raise
# passes a ``Message`` (id and fields) instead. (``FieldError`` texts are the GUI's own, from Qt's
# catalogues.)

def english_of(node: ast.AST) -> str | None:
    """The English an argument builds in place (a literal, an f-string, a sum or a choice of them),
    with every interpolated value as 'X'; None when it builds none (a Message, a variable)."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "X" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = english_of(node.left), english_of(node.right)
        return None if left is None and right is None else (left or "X") + (right or "X")
    if isinstance(node, ast.IfExp):
        body, orelse = english_of(node.body), english_of(node.orelse)
        return body if body is not None else orelse
    return None


def english_raise_sites() -> list[tuple[str, int, str]]:
    """Every call of an error class, anywhere under monitor/, whose message is English built in place."""
    names = {cls.__name__ for cls in every_error_class()} - {"FieldError", "FieldErrors"}
    sites = []
    for path in sorted(ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            text = english_of(node.args[0]) if name in names else None
            if text is not None:
                sites.append((path.relative_to(ROOT).as_posix(), node.lineno, text))
    return sites


def test_every_error_is_raised_with_a_message():
    """No English to parse back: every error the core, the CLI or the GUI raises gets a
    Message(id, **fields), never a text built in place."""
    assert [f"{where}:{line}: {text[:80]}" for where, line, text in english_raise_sites()] == []


def test_the_english_line_check_sees_literals():
    tree = ast.parse('raise VaultDamaged(f"the file {path} is bad" + " again")')
    assert english_of(tree.body[0].exc.args[0]) == "the file X is bad again"
    assert english_of(ast.parse('Message("vault_damaged_key", path=p)').body[0].value) is None
    assert english_of(ast.parse('"a " + name if x else Message("m")').body[0].value) == "a X"
    assert english_of(ast.parse('prefix + Message("m")').body[0].value) is None
