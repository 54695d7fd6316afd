"""One catalogue of user-facing messages, read by both faces (CLI and GUI), in en, ru and kk.

The core stays free of Qt and of any UI language. It raises typed errors that carry a message
id and parameters (:class:`Message`, a ``str`` whose value is the English text, so logs, tests
and ``str(exc)`` keep working), and the faces render them in the user's language with
:func:`localize`. The texts live in ``resources/messages/*.json`` (``core.json`` for messages,
``reports.json`` for the reports' words, ``titles.json`` for field and type titles), one
catalogue: a key may appear in only one file::

    {"wrong_passphrase": {"en": "wrong passphrase, or not a Monitor vault", "ru": "…", "kk": "…"}}

Placeholders use ``str.format`` names (``{path}``); every language must use the same set (a test
checks it, and that no id lacks a ru or kk text). Parameters may themselves be Messages (a
weakness reason inside a WeakPassphrase); they are localised too.

Every error is raised with a Message (``tests/test_error_codes.py`` holds every module to it), so
nothing is ever translated by reading English back: a plain string given to :func:`localize`
(a file name, an operating-system error) is shown as it is.
"""

from __future__ import annotations

import locale
import os
from functools import cache

from . import resources

LANGUAGES = ("en", "ru", "kk")


@cache
def files() -> dict[str, dict[str, dict[str, str]]]:
    """Every catalogue file in resources/messages/, by file name (keys starting with "_" are comments)."""
    out = {}
    for entry in sorted(resources.path("messages").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".json"):
            data = resources.load_json("messages", entry.name)
            out[entry.name] = {key: value for key, value in data.items() if not key.startswith("_")}
    return out


@cache
def catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for name, entries in files().items():
        for key in entries.keys() & merged.keys():
            raise KeyError(f"message {key!r} is in resources/messages/{name} and in another file")
        merged.update(entries)
    return merged


def template(msg_id: str, lang: str) -> str:
    entry = catalogue().get(msg_id)
    if entry is None:
        raise KeyError(f"no message {msg_id!r} in resources/messages/")
    return entry.get(lang) or entry["en"]


class Message(str):
    """A catalogue message: its English rendering as a ``str``, plus ``id`` and ``params``."""

    id: str
    params: dict

    def __new__(cls, msg_id: str, /, **params) -> "Message":
        english = _render(template(msg_id, "en"), params, "en")
        self = super().__new__(cls, english)
        self.id = msg_id
        self.params = params
        return self

    def localize(self, lang: str) -> str:
        return _render(template(self.id, lang), self.params, lang)

    def __reduce__(self):  # survive pickling/copying as a Message
        return (_rebuild, (self.id, self.params))


def _rebuild(msg_id: str, params: dict) -> "Message":
    return Message(msg_id, **params)


class Joined(str):
    """Parts shown one after another, joined by ": " (a record's label, a field path, a Message).

    Its value is the English line; :meth:`localize` renders each Message part in ``lang`` and
    keeps the others (labels and paths are the same in every language).
    """

    parts: tuple

    def __new__(cls, *parts) -> "Joined":
        parts = tuple(p for p in parts if p != "")
        self = super().__new__(cls, ": ".join(str(p) for p in parts))
        self.parts = parts
        return self

    def localize(self, lang: str) -> str:
        return ": ".join(_localized(p, lang) for p in self.parts)

    def __reduce__(self):
        return (Joined, self.parts)


class PerLanguage(str):
    """A value that differs by language but is not a catalogue text (a list of vocabulary labels):
    its English form as a ``str``, and :meth:`localize` picks the reader's (English where missing)."""

    texts: dict

    def __new__(cls, texts: dict) -> "PerLanguage":
        self = super().__new__(cls, texts.get("en", ""))
        self.texts = dict(texts)
        return self

    def localize(self, lang: str) -> str:
        return self.texts.get(lang) or self.texts.get("en", "")

    def __reduce__(self):
        return (PerLanguage, (self.texts,))


def _localized(value, lang: str):
    return value.localize(lang) if isinstance(value, (Message, Joined, PerLanguage)) else value


def _render(text: str, params: dict, lang: str) -> str:
    values = {k: _localized(v, lang) for k, v in params.items()}
    return text.format(**values)


def text(msg_id: str, lang: str = "en", /, **params) -> str:
    """The message ``msg_id`` in ``lang`` (English where a text is missing)."""
    return _render(template(msg_id, lang), params, lang)


def localize(obj, lang: str) -> str:
    """Render an error, a Message or a plain (English) string in ``lang``."""
    if lang not in LANGUAGES:
        lang = "en"
    message = getattr(obj, "message", None) if isinstance(obj, Exception) else obj
    if isinstance(obj, Exception) and message is None:
        message = str(obj)
    if isinstance(message, (Message, Joined)):
        rendered = message.localize(lang)
    else:  # text that is not a catalogue message (a name, an OS error): shown as it is
        rendered = str(message if message is not None else obj)
    return " ".join(rendered.split())


def system_language(environ: dict | None = None) -> str:
    """The language from ``MONITOR_LANG``, else ``LC_ALL``/``LC_MESSAGES``/``LANG``, else English."""
    env = os.environ if environ is None else environ
    for name in ("MONITOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name)
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else "en"
    try:
        code = (locale.getlocale()[0] or "").split("_")[0].lower()
    except ValueError:
        code = ""
    return code if code in LANGUAGES else "en"
