"""The record types, one declarative entry each: everything that is specific to a type and not in
its schema.

The schema (``resources/schema/<type>.schema.json``) says what a record holds; the entry here says
how the rest of Monitor treats it: whether it can be sealed or made from the Records menu, its
short label, its list (columns), its section of the case file (and its chronology event), its CSV
kind, and its place in the dump. The loader, the case file, the lists, the menus and the guard
tests read this module instead of naming types themselves, so a new type is one entry here plus
its schema, its titles, its demo records, its sample record and its documentation
(docs/architecture.md, "Adding a record type").

No Qt here, and nothing above the basic helpers: titles and column headers are English (or a
field path into ``titles.json``); the GUI translates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

# --- the parts of an entry ------------------------------------------------------------------------


@dataclass(frozen=True)
class ListColumn:
    """One column of a record list: the row key, where its value comes from and how it is shown.

    ``show``: text, date, datetime, vocab (a term of ``vocabulary``), ref (the ``ref_field`` of the
    record the field names), join (a list joined with ", "), count (a list's length), first_line
    (the first line of a text, at most 200 characters), number (sorted as a number, -1 when empty),
    sealed (yes/no), updated (when the record last changed). The header is the title of
    ``header`` (a path into titles.json; default ``<type>.<field>``), or a GUI word for sealed and
    updated.
    """

    key: str
    field: str = ""
    show: str = "text"
    vocabulary: str | None = None
    ref_field: str = "name"
    header: str | None = None


@dataclass(frozen=True)
class RecordList:
    """A record list in the View menu and the toolbar."""

    name: str  # "cases", used in object names and settings
    title: str | None  # the English menu title (translated in the GUI's "Lists" context); None: the type's title
    columns: tuple[ListColumn, ...]
    stretch: int  # the column that takes the spare width
    status_vocabulary: str | None = None  # a status filter above the list
    position: int = 99  # its place in the View menu and the toolbar (Ctrl+1…); ties in registry order


@dataclass(frozen=True)
class CaseFileSection:
    """Where the records of a type go in a case file (``queries.casefile``).

    ``event``: the chronology event of each record (its kind is the type's name, dated by ``date``,
    with ``detail`` as its detail); None when the type's events are made by the case file itself
    (complaints, proceedings) or it has none. ``people``: fields that bring a person into the case
    file; ``visit``: the field that brings a visit in; ``listed``: the case file page shows them
    in a plain section of their own (the other types' sections are drawn by the page itself). ``sort``: the fields records are sorted by
    within the section (None: in the order they were found).
    """

    name: str  # the attribute of CaseFile ("reprisals")
    sort: tuple[str, ...] | None = ("date", "id")
    event: bool = False
    date: str = "date"
    detail: str | None = None
    detail_vocabulary: str | None = None  # the vocabulary of the detail, for the page and reports
    people: tuple[str, ...] = ()
    visit: str | None = None
    listed: bool = False  # the case file page lists them under the type's title (date — detail), when any


@dataclass(frozen=True)
class CsvColumn:
    """One CSV column: its name, what it holds, and the Russian and Kazakh headers it may have."""

    name: str
    meaning: str
    kind: str = "text"  # text, date, datetime, int, number, bool, list, uuid, uuids, vocab, vocablist
    vocabulary: str | None = None
    ru: tuple[str, ...] = ()
    kk: tuple[str, ...] = ()
    charge: bool = False  # proceedings: a column of one defendant's charge, not of the proceeding


@dataclass(frozen=True)
class CsvSpec:
    """The type's CSV kind (``monitor load --csv-type NAME``).

    ``signatures``: header column sets that tell the kind apart when no type is given; kinds are
    tried in ``detect`` order. ``columns`` and ``identity`` describe a plain kind (one row, one
    record; ``person_code``/``case_code`` name a person/case by code); None when the loader builds
    the kind itself (io/csv_kinds.py, for the kinds that predate the registry).
    """

    title: str  # the heading in docs/csv.md ("reprisals")
    signatures: tuple[frozenset[str], ...]
    detect: int
    columns: tuple[CsvColumn, ...] | None = None
    identity: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordType:
    name: str
    label: Callable[[dict], str]  # a short label for lists and search results (never identity fields)
    dump: int  # tie-break of the dump order (see dump_order); the order of a release's dumps
    sealable: bool = False
    by_hand: bool = True  # made from the Records menu (not by its own action)
    list: RecordList | None = None
    section: CaseFileSection | None = None
    csv: CsvSpec | None = None

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"


def csv_column(name, meaning, kind="text", vocabulary=None, ru=(), kk=(), charge=False) -> CsvColumn:
    as_tuple = lambda v: (v,) if isinstance(v, str) else tuple(v)  # noqa: E731
    return CsvColumn(name, meaning, kind, vocabulary, as_tuple(ru), as_tuple(kk), charge)


def _first(*names: str) -> Callable[[dict], str]:
    return lambda r: next((str(r[n]) for n in names if r.get(n)), "")


_updated = ListColumn("updated", show="updated")

# --- the entries, in the order of the Records menu and of the record_type enum ---------------------

REGISTRY: tuple[RecordType, ...] = (
    RecordType("facility", lambda r: r["name"], dump=1,
               list=RecordList("facilities", "Facilities", (
                   ListColumn("name", "name"), ListColumn("kind", "type_key", "vocab", "facility_type"),
                   ListColumn("region", "region"), ListColumn("capacity", "capacity", "number")), 0, position=2)),
    RecordType("visit", lambda r: f"visit {r['date_start']}", dump=4,
               list=RecordList("visits", "Visits", (
                   ListColumn("date", "date_start", "date"), ListColumn("facility", "facility_id", "ref"),
                   ListColumn("kind", "visit_kind", "vocab", "visit_kind"),
                   ListColumn("outcome", "outcome", "vocab", "visit_outcome"), ListColumn("team", "team", "join")), 1, position=1),
               section=CaseFileSection("visits", sort=("date_start",), event=True, date="date_start", detail="outcome",
                                       detail_vocabulary="visit_outcome")),
    RecordType("person", lambda r: r["code"], dump=2,
               list=RecordList("people", "People", (
                   ListColumn("code", "code"), ListColumn("notes", "notes", "first_line"), _updated), 1, position=3),
               section=CaseFileSection("people", sort=("code",))),
    RecordType("case", lambda r: f"{r['code']} {r['title']}", dump=3,
               list=RecordList("cases", "Cases", (
                   ListColumn("code", "code"), ListColumn("title", "title"),
                   ListColumn("status_label", "status", header="case.status"),
                   ListColumn("facility", "facility_id", "ref"), _updated), 1, status_vocabulary="case_status", position=0),
               csv=CsvSpec("cases", (frozenset({"code", "title"}),), detect=6)),
    RecordType("link", lambda r: r["role"], dump=12,
               section=CaseFileSection("links", sort=None, people=("person_id",))),
    RecordType("interview", lambda r: f"interview {r['date'][:10]}", dump=6, sealable=True,
               section=CaseFileSection("interviews", event=True, people=("person_id",), visit="visit_id")),
    RecordType("examination", lambda r: f"examination {r['date'][:10]}", dump=7, sealable=True,
               list=RecordList("examinations", "Examinations", (
                   ListColumn("date", "date", "datetime"), ListColumn("person", "person_id", "ref", ref_field="code"),
                   ListColumn("examiner", "examiner.name", header="examination.examiner"),
                   ListColumn("injuries", "injuries", "count"), ListColumn("sealed", show="sealed")), 2, position=4),
               section=CaseFileSection("examinations", event=True, detail="overall_opinion",
                                       detail_vocabulary="consistency", people=("person_id",))),
    RecordType("attachment", lambda r: r.get("caption") or r.get("original_name") or r["sha256"][:12], dump=8,
               by_hand=False, section=CaseFileSection("attachments", sort=None)),
    RecordType("complaint", lambda r: f"complaint {r['date_filed']} {r.get('reference', '')}".strip(), dump=9,
               list=RecordList("complaints", "Complaints", (
                   ListColumn("date", "date_filed", "date"), ListColumn("authority", "authority", "vocab", "authority"),
                   ListColumn("status", "status", "vocab", "complaint_status"),
                   ListColumn("reference", "reference")), 3, status_vocabulary="complaint_status",
                                  position=5),
               section=CaseFileSection("complaints", sort=("date_filed", "id"), people=("complainant_id",)),
               csv=CsvSpec("complaints", (frozenset({"date_filed"}),), detect=4)),
    RecordType("proceeding",
               lambda r: r.get("case_number") or f"proceeding {r.get('date_opened', '')}".strip(), dump=10,
               section=CaseFileSection("proceedings", sort=None),
               csv=CsvSpec("proceedings", (frozenset({"case_number", "authority"}), frozenset({"erdr_number", "authority"}),
                                           frozenset({"defendant_code"}), frozenset({"verdict"})), detect=5)),
    RecordType("addendum", lambda r: f"addendum {r['date'][:10]}", dump=13, by_hand=False,
               section=CaseFileSection("addenda", event=True)),
    RecordType("term", lambda r: f"{r['vocabulary']}:{r['key']}", dump=0, by_hand=False),
    RecordType("consent", lambda r: f"consent {r['date'][:10]}", dump=5,
               section=CaseFileSection("consents", event=True, people=("person_id",)),
               csv=CsvSpec("consent", (), detect=2)),  # signatures: the method and one scope column (loader)
    RecordType("reprisal", lambda r: f"reprisal {r['date']} {r['kind']}", dump=11,
               section=CaseFileSection("reprisals", event=True, detail="kind", detail_vocabulary="reprisal_kind",
                                       people=("person_id",), visit="visit_id", listed=True),
               csv=CsvSpec("reprisals", (frozenset({"kind", "person_code"}), frozenset({"kind", "person_id"})), detect=3)),
    RecordType("statistic",
               lambda r: f"{r['indicator']} {r['period_start']}..{r['period_end']}: {r['value']}", dump=14,
               csv=CsvSpec("official statistics", (frozenset({"indicator", "value"}),), detect=1)),
)

# --- reading it -----------------------------------------------------------------------------------

BY_NAME: dict[str, RecordType] = {entry.name: entry for entry in REGISTRY}
RECORD_TYPES: tuple[str, ...] = tuple(entry.name for entry in REGISTRY)
SEALABLE_TYPES: frozenset[str] = frozenset(entry.name for entry in REGISTRY if entry.sealable)


def get(record_type: str) -> RecordType | None:
    return BY_NAME.get(record_type)


def lists() -> tuple[RecordType, ...]:
    """The types with a list, in View-menu order."""
    with_list = [entry for entry in REGISTRY if entry.list]
    return tuple(sorted(with_list, key=lambda e: (e.list.position, RECORD_TYPES.index(e.name))))


def sections() -> tuple[RecordType, ...]:
    return tuple(entry for entry in REGISTRY if entry.section)


def csv_kinds() -> tuple[RecordType, ...]:
    """The types with a CSV kind, in the order their header signatures are tried."""
    return tuple(sorted((entry for entry in REGISTRY if entry.csv), key=lambda e: (e.csv.detect, e.name)))


def record_label(record: dict) -> str:
    entry = BY_NAME.get(record.get("type"))
    return entry.label(record) if entry else record["type"]


# --- the dump order: computed from the schemas' references (schema.type_dependencies) --------------------------------------


def dump_order(deps: dict[str, frozenset[str]]) -> tuple[str, ...]:
    """Every type, each after the types it refers to (``deps``, from
    :func:`monitor.core.model.schema.type_dependencies`), so a dump loads in its own order.

    References that form a cycle (a visit names its interviews, an interview its visit) cannot all
    point backwards; a type whose dependencies are not all placed is placed when it is the
    first by ``dump`` of the remaining types and every remaining dependency lies on a cycle back to
    it. Ties go by the entries' ``dump`` numbers, which keep the order of earlier releases.
    """
    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            t = todo.pop()
            if t == goal or t == "*":
                return True
            if t not in seen:
                seen.add(t)
                todo.extend(deps.get(t, ()))
        return False

    remaining = sorted(REGISTRY, key=lambda e: (e.dump, e.name))
    placed: list[str] = []
    while remaining:
        for entry in remaining:
            waiting = deps[entry.name] - set(placed) - {"*"}
            if all(reaches(t, entry.name) for t in waiting):  # only cycles left
                break
        placed.append(entry.name)
        remaining.remove(entry)
    return tuple(placed)
