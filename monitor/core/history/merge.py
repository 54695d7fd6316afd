"""Conflict review: compare the versions of a record field by field and build a merged body.

Both faces use this module: ``monitor conflicts RECORD`` prints its comparison, ``monitor resolve
--base REV --field NAME=REV`` builds its merge with it, and the window's review page shows the same
rows and merges the same way. It is pure (no vault, no Qt): the faces read the versions with
:meth:`monitor.core.store.vault.Vault.heads` and store the result with :meth:`~monitor.core.store.vault.Vault.resolve`,
which passes it through the gate like any local save.

* A **field** is a top-level property of a record body (``id`` and ``type`` are the record's own
  and never differ). Nested objects and lists are compared, picked and edited whole, as a field;
  :func:`describe` shows them readably, one line per leaf.
* Values compare by their RFC 8785 form, so ``3`` and ``3.0`` are one value and ``true`` and ``1``
  are two. A version that lacks a field holds :data:`ABSENT` there.
* A **merge** starts from one whole version (the *base*) and takes, for each field picked, the
  value of the named version (a field that version lacks is left out), or a value typed by hand.
  A deleted version has no fields to give, and a refused edit of a sealed record can never be
  chosen (the gate would refuse it anyway; here it is refused before anything is tried).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..model import schema
from ..errors import MonitorError
from ..messages import Message
from ..text import jcs

FIXED = ("id", "type")  # a record's identity: the same in every version, never picked


class _Absent:
    """The value of a field a version does not have."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


ABSENT: Any = _Absent()


class MergeError(MonitorError):
    """A merge that cannot be built as asked (a bad pick, a bad hand-typed value)."""

    code = "merge_error"


def same(a: Any, b: Any) -> bool:
    """Whether two field values are the same JSON value (ABSENT equals only itself)."""
    if a is ABSENT or b is ABSENT:
        return a is b
    return jcs(a) == jcs(b)


def field_names(record_type: str | None, bodies: Iterable[dict | None]) -> list[str]:
    """Every top-level field any of the bodies has (not ``id``/``type``): in the order of the
    record type's schema, then fields the schema does not know, by name."""
    present: set[str] = set()
    for body in bodies:
        if body:
            present |= {k for k in body if k not in FIXED}
    try:
        order = [k for k in schema.inlined(record_type).get("properties", {}) if k in present] if record_type else []
    except Exception:  # noqa: BLE001 — an unknown type: no schema order, names only
        order = []
    return order + sorted(present - set(order))


def value_of(body: dict | None, name: str) -> Any:
    if body is None or name not in body:
        return ABSENT
    return body[name]


def flatten(value: Any, path: str = "") -> dict[str, Any]:
    """{path: leaf} for every leaf of a value: ``a.b`` for object members, ``a[0]`` for list items.
    Empty objects and lists are leaves of their own (so they still differ from absence)."""
    out: dict[str, Any] = {}
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            out.update(flatten(sub, f"{path}.{key}" if path else str(key)))
    elif isinstance(value, list) and value:
        for i, sub in enumerate(value):
            out.update(flatten(sub, f"{path}[{i}]"))
    else:
        out[path] = value
    return out


def changed_paths(values: Sequence[Any], path: str = "") -> list[str]:
    """The leaf paths (under ``path``) whose value is not the same in every one of ``values``."""
    flat = [flatten(v, path) if v is not ABSENT else {} for v in values]
    paths = sorted({p for f in flat for p in f})
    return [p for p in paths if len({_key(f.get(p, ABSENT)) for f in flat}) > 1]


def _key(value: Any) -> bytes:
    return b"\x00absent" if value is ABSENT else jcs(value)


@dataclass(frozen=True)
class FieldRow:
    """One field across the versions: its value in each (ABSENT where a version lacks it)."""

    name: str
    values: tuple
    differs: bool
    paths: tuple[str, ...] = ()  # the leaves that differ, for nested values

    def value(self, index: int) -> Any:
        return self.values[index]


def compare(record_type: str | None, bodies: Sequence[dict | None]) -> list[FieldRow]:
    """Every field of the versions, in schema order, with whether it differs between them."""
    rows = []
    for name in field_names(record_type, bodies):
        values = tuple(value_of(b, name) for b in bodies)
        differs = len({_key(v) for v in values}) > 1
        paths = tuple(changed_paths(values, name)) if differs and any(
            isinstance(v, (dict, list)) for v in values) else ()
        rows.append(FieldRow(name, values, differs, paths))
    return rows


def differences(a: dict | None, b: dict | None, record_type: str | None = None) -> list[str]:
    """The fields whose values differ between two versions (the same list whichever comes first)."""
    return [row.name for row in compare(record_type, [a, b]) if row.differs]


def merge(bodies: Sequence[dict | None], base: int, picks: Mapping[str, int] | None = None,
          values: Mapping[str, Any] | None = None, *, refused: Iterable[int] = ()) -> dict:
    """The body made from version ``base`` with each field in ``picks`` taken from the version of
    that index (left out where that version lacks it) and each field in ``values`` set to the value
    given (ABSENT: left out). ``refused``: versions that may not be chosen (refused sealed edits).
    Raises :class:`MergeError` (one line) for a choice that cannot be made."""
    picks, values, refused = dict(picks or {}), dict(values or {}), set(refused)

    def usable(index: int) -> dict:
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(bodies):
            raise MergeError(Message("merge_no_such_version", n=str(index + 1 if isinstance(index, int) else index),
                                     count=len(bodies)))
        if index in refused:
            raise MergeError(Message("merge_refused_version", n=index + 1))
        if bodies[index] is None:
            raise MergeError(Message("merge_deleted_version", n=index + 1))
        return bodies[index]

    start = usable(base)
    known = {k for b in bodies if b for k in b}
    for name in [*picks, *values]:
        if name in FIXED:
            raise MergeError(Message("merge_fixed_field", field=name))
    for name in picks:
        if name not in known:
            raise MergeError(Message("merge_no_such_field", field=name))
    merged = copy.deepcopy(start)
    for name, index in picks.items():
        value = value_of(usable(index), name)
        if value is ABSENT:
            merged.pop(name, None)
        else:
            merged[name] = copy.deepcopy(value)
    for name, value in values.items():
        if value is ABSENT:
            merged.pop(name, None)
        else:
            merged[name] = copy.deepcopy(value)
    return ordered(merged)


def ordered(body: dict) -> dict:
    """The body with ``id`` and ``type`` first, then its fields in schema order (for display)."""
    names = field_names(body.get("type") if isinstance(body.get("type"), str) else None, [body])
    return {**{k: body[k] for k in FIXED if k in body}, **{k: body[k] for k in names}}


def parse_value(text: str, *, as_text: bool) -> Any:
    """A field value typed by hand: the text itself when ``as_text`` (a text field), else JSON."""
    if as_text:
        return text
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        raise MergeError(Message("merge_not_json", reason=str(exc).split(":")[0][:60])) from None


def _no_constant(word: str):
    raise ValueError(f"{word} is not valid JSON")


def is_text_field(values: Iterable[Any]) -> bool:
    """Whether a field is edited as plain text: every version that has it holds text."""
    present = [v for v in values if v is not ABSENT]
    return bool(present) and all(isinstance(v, str) for v in present)


def value_text(value: Any) -> str:
    """A field value as the text a person edits: text as it is, anything else as JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=2)


def plain(value: Any) -> str:
    """A leaf as plain text: text as it is, numbers, true/false and null as JSON writes them."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def describe(value: Any, path: str = "", *, title: Callable[[str], str] | None = None,
             leaf: Callable[[str, Any], str] | None = None, skip_ids: bool = True) -> list[str]:
    """A value as readable lines: a scalar as itself; a list of scalars joined with commas; an
    object as one ``Title: value`` line per member; a list of objects as numbered items. Members
    named ``id`` inside a value (an allegation's own id, say) are left out when ``skip_ids``.
    ``title(path)`` names a member (default: its own name), ``leaf(path, value)`` writes a scalar
    (default :func:`plain`). Text keeps its line breaks (continuation lines are indented)."""
    title = title or (lambda p: p.rsplit(".", 1)[-1].split("[")[0])
    leaf = leaf or (lambda _p, v: plain(v))

    def scalar(v: Any) -> bool:
        return not isinstance(v, (dict, list)) or v == [] or v == {}

    def inline(p: str, v: Any) -> str:
        if isinstance(v, list):
            return ", ".join(leaf(f"{p}[{i}]", item) for i, item in enumerate(v))
        if v == {}:
            return "{}"
        return leaf(p, v)

    def walk(v: Any, p: str) -> list[str]:
        if isinstance(v, dict) and v:
            out = []
            for key, sub in v.items():
                if skip_ids and key == "id" and p:
                    continue
                sp = f"{p}.{key}" if p else str(key)
                if scalar(sub) or (isinstance(sub, list) and all(scalar(i) and not isinstance(i, (dict, list))
                                                                   for i in sub)):
                    text = inline(sp, sub).split("\n")
                    out.append(f"{title(sp)}: {text[0]}")
                    out += ["  " + line for line in text[1:]]
                else:
                    out.append(f"{title(sp)}:")
                    out += ["  " + line for line in walk(sub, sp)]
            return out
        if isinstance(v, list) and v:
            if all(not isinstance(i, (dict, list)) for i in v):
                return inline(p, v).split("\n")
            out = []
            for i, item in enumerate(v):
                inner = walk(item, f"{p}[{i}]")
                out.append(f"{i + 1}. {inner[0] if inner else ''}")
                out += ["   " + line for line in inner[1:]]
            return out
        return inline(p, v).split("\n")

    return walk(value, path)


@dataclass(frozen=True)
class Version:
    """One version of a record in review, as the faces show it."""

    rev: str
    author: str
    device: str
    created_at: str
    generation: int
    deleted: bool
    refused: bool  # an edit of a sealed record from another device: kept, never chosen
    current: bool  # the version the vault shows now
    body: dict | None

    @property
    def pickable(self) -> bool:
        return not self.deleted and not self.refused


@dataclass(frozen=True)
class Review:
    """A record in conflict, ready to compare: its versions (the current view first) and rows."""

    record_id: str
    record_type: str
    sealed: bool
    versions: tuple[Version, ...]
    rows: tuple[FieldRow, ...] = field(default=())

    @classmethod
    def of(cls, info, heads) -> "Review":
        """From :meth:`Vault.info` and :meth:`Vault.heads` of one record."""
        versions = tuple(
            Version(h.revision.rev, h.revision.author, h.revision.device, h.revision.created_at, h.generation,
                    h.revision.deleted, h.rejected, h.revision.rev == info.head, h.revision.body)
            for h in heads)
        rows = tuple(compare(info.type, [v.body for v in versions]))
        return cls(info.id, info.type, bool(info.sealed), versions, rows)

    @property
    def heads(self) -> list[str]:
        """Every version's revision id: the parents of the resolution."""
        return [v.rev for v in self.versions]

    @property
    def refused(self) -> list[int]:
        return [i for i, v in enumerate(self.versions) if v.refused]

    @property
    def bodies(self) -> list[dict | None]:
        return [v.body for v in self.versions]

    @property
    def base(self) -> int | None:
        """The version a merge starts from: the current view, else the first that can be chosen."""
        for i, v in enumerate(self.versions):
            if v.current and v.pickable:
                return i
        return next((i for i, v in enumerate(self.versions) if v.pickable), None)

    @property
    def differing(self) -> list[FieldRow]:
        return [row for row in self.rows if row.differs]

    def index(self, rev: str) -> int:
        """The version whose revision id is ``rev`` or starts with it (8 characters at least)."""
        found = [i for i, v in enumerate(self.versions)
                 if v.rev == rev or (len(rev) >= 8 and v.rev.startswith(rev))]
        if len(found) != 1:
            raise MergeError(Message("cli_not_a_version", rev=rev, record=self.record_id, record2=self.record_id))
        return found[0]

    def merged(self, base: int, picks: Mapping[str, int] | None = None,
               values: Mapping[str, Any] | None = None) -> dict:
        return merge(self.bodies, base, picks, values, refused=self.refused)
