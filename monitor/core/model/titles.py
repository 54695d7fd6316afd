"""Field and record-type titles in the UI languages, from ``resources/messages/titles.json``.

Shared by the desktop forms, the readable record view and the reports. A field's title is looked
up by its path (record type and dotted field names, list items without an index, e.g.
``visit.recommendations.status``), then by its own name; English and finally the name itself
are the fallbacks, so a new field shows *something* before it is translated (a test keeps the
catalogue complete). The titles are entries of the one message catalogue
(:mod:`monitor.core.messages`): ``type.case``, ``field.date``, ``path.visit.outcome``; this is the
only place record-type titles are kept (the reports and the GUI's type lists read them here).
"""

from __future__ import annotations

import re
from functools import cache

from .. import messages

_INDEX = re.compile(r"\[\d*\]")


_GROUPS = {"type.": "types", "field.": "fields", "path.": "paths"}


@cache
def catalogue() -> dict:
    """``{"types": {name: {en, ru, kk}}, "fields": {…}, "paths": {…}}`` from the catalogue's titles."""
    out: dict = {group: {} for group in _GROUPS.values()}
    for key, entry in messages.files()["titles.json"].items():
        prefix, name = key.split(".", 1)
        out[_GROUPS[prefix + "."]][name] = entry
    return out


def _pick(entry: dict | None, lang: str) -> str | None:
    if not entry:
        return None
    return entry.get(lang) or entry.get("en")


def field_title(path: str, lang: str = "en") -> str:
    """The title of the field at ``path`` ("interview.consent.date", "visit.findings[0].theme", …)."""
    clean = _INDEX.sub("", path)
    cat = catalogue()
    found = _pick(cat["paths"].get(clean), lang)
    if found:
        return found
    name = clean.rsplit(".", 1)[-1]
    return _pick(cat["fields"].get(name), lang) or name.replace("_", " ")


def type_title(record_type: str, lang: str = "en") -> str:
    return _pick(catalogue()["types"].get(record_type), lang) or record_type


def schema_field_names(node: dict, out: set[str] | None = None) -> set[str]:
    """Every property name that appears anywhere in an (inlined) schema."""
    out = set() if out is None else out
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            out.add(name)
            schema_field_names(sub, out)
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                schema_field_names(node[key], out)
        for key in ("anyOf", "oneOf", "allOf"):
            for sub in node.get(key, []):
                schema_field_names(sub, out)
    return out
