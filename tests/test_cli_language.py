"""The command line speaks the user's language (issue 19 §6).

Every help text and description of the parser is a catalogue text (resources/messages/cli.json) in
the language MONITOR_LANG / LANG choose, argparse's own words ("usage:", "options", "invalid
choice") included, and an argument error is one line in that language.
"""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect
import os
import re
import subprocess
import sys

import pytest

from monitor import cli
from monitor.core import messages

# argparse texts that only a programming error shows (a bad add_argument call), never a user
PROGRAMMING_ERRORS = {
    "%r is not callable", "'required' is an invalid argument for positionals", ".__call__() not defined",
    'argument "-" with mode %r', "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r", "conflicting option string: %s",
    "conflicting option strings: %s", "conflicting subparser alias: %s", "conflicting subparser: %s",
    "dest= is required for options like %r", "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional", "subcommands",
}


def catalogue_patterns(lang: str) -> list[re.Pattern]:
    """Each cli.json text in ``lang`` as a pattern ({placeholders} match anything)."""
    out = []
    for msg_id in messages.files()["cli.json"]:
        parts = re.split(r"{\w+}", messages.template(msg_id, lang))
        out.append(re.compile(".+".join(re.escape(p) for p in parts) + r"\Z", re.DOTALL))
    return out


def parsers(parser: argparse.ArgumentParser):
    """The parser and every sub-parser under it, with the actions that show a help line."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from parsers(sub)


def texts(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Every text the parser tree shows a user, by where it is (prog / description, prog / --option, …)."""
    found = {}
    for p in parsers(parser):
        found[f"{p.prog} / description"] = p.description
        for group in p._action_groups:
            found[f"{p.prog} / group {len(found)}"] = group.title
        for action in p._actions:
            name = "/".join(action.option_strings) or action.dest
            found[f"{p.prog} / {name}"] = action.help
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    found[f"{p.prog} / {name} / {choice.dest}"] = choice.help
    return found


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_every_help_and_description_is_a_catalogue_text(lang):
    found = texts(cli.build_parser(lang))
    patterns = catalogue_patterns(lang)
    assert len(found) > 150
    missing = {where: text for where, text in found.items()
               if text is None or not any(p.match(text) for p in patterns)}
    assert missing == {}, "not from resources/messages/cli.json"
    usage = messages.template("cli_argparse_usage", lang)
    for p in parsers(cli.build_parser(lang)):  # every help page prints (a stray % in a text would not)
        assert p.format_help().startswith(usage + p.prog)


def test_in_kazakh_every_text_differs_from_the_english():
    english, kazakh = texts(cli.build_parser("en")), texts(cli.build_parser("kk"))
    assert english.keys() == kazakh.keys()
    same = {where: text for where, text in kazakh.items() if text == english[where]}
    assert same == {}
    assert re.search("[әғқңөұүі]", " ".join(kazakh.values()))


def test_every_argparse_word_a_user_can_see_is_in_the_catalogue():
    """argparse's own texts (read from its source, so a new Python's new words show up here)."""
    said = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            said |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    assert "usage: " in said and "invalid choice: %(value)r (choose from %(choices)s)" in said
    assert said - PROGRAMMING_ERRORS - set(cli._ARGPARSE_WORDS) == set()
    for english, msg_id in cli._ARGPARSE_WORDS.items():
        for lang in ("ru", "kk"):
            translated = messages.template(msg_id, lang)
            assert translated != english
            assert sorted(re.findall(r"%\(?\w*\)?[sr]", translated)) == sorted(re.findall(r"%\(?\w*\)?[sr]", english))


def test_argparse_keeps_gettext_outside_the_parser():
    cli.build_parser("kk").format_help()
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith("MONITOR_") and k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    return subprocess.run([sys.executable, "-m", "monitor", *args], check=False, capture_output=True,
                          text=True, env={**clean, **env}, timeout=120)


@pytest.mark.parametrize("args", [("--help",), ("report", "--help")])
def test_help_prints_kazakh(args):
    out = run(*args, MONITOR_LANG="kk").stdout
    assert out.startswith(messages.template("cli_argparse_usage", "kk") + "monitor")
    for english in ("usage:", "positional arguments", "options:", "show this help", "vault file"):
        assert english not in out
    kazakh = ["cli_argparse_positionals", "cli_argparse_options", "cli_argparse_help"]
    kazakh += ["cli_help_cmd_init"] if args == ("--help",) else ["cli_help_report_lang", "cli_help_report_exam"]
    for msg_id in kazakh:
        assert messages.template(msg_id, "kk") in out


def test_help_follows_lang_as_messages_do():
    out = run("--help", LANG="ru_RU.UTF-8").stdout
    assert out.startswith("использование: monitor") and "создать хранилище" in out
    assert run("--help", LANG="ru_RU.UTF-8", MONITOR_LANG="en").stdout.startswith("usage: monitor")


@pytest.mark.parametrize("lang, expected", ids=("kk", "ru", "en"), argvalues=[
    ("kk", "monitor report: қате: --lang аргументі: жарамсыз мән: 'xx' (мыналардан таңдаңыз: 'en', 'ru', 'kk')"),
    ("ru", "monitor report: ошибка: аргумент --lang: недопустимое значение: 'xx' (выберите из 'en', 'ru', 'kk')"),
    ("en", "monitor report: error: argument --lang: invalid choice: 'xx' (choose from 'en', 'ru', 'kk')"),
])
def test_an_argument_error_is_one_line_in_the_users_language(lang, expected):
    result = run("report", "dossier", "--out", "x.pdf", "--lang", "xx", MONITOR_LANG=lang)
    assert result.returncode == cli.EXIT_USAGE
    assert result.stderr.splitlines() == [expected] and result.stdout == ""


def test_a_missing_argument_and_a_clash_in_kazakh():
    result = run("report", MONITOR_LANG="kk")
    assert result.stderr.splitlines() == ["monitor report: қате: мына аргументтер міндетті: kind, --out"]
    result = run("resolve", "R", "--take", "1", "--delete", MONITOR_LANG="kk")
    assert result.stderr.splitlines() == ["monitor resolve: қате: --delete аргументі: --take аргументімен бірге болмайды"]
    result = run("demo", "--cases", "many", MONITOR_LANG="kk")
    assert result.stderr.splitlines() == ["monitor demo: қате: --cases аргументі: int түрінің жарамсыз мәні: 'many'"]
