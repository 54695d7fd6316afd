"""Record lists (Cases, Visits, Facilities, People, Examinations, Complaints) as Qt models that
fetch page by page from the vault, sortable by any column and filterable."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ...core.model import titles
from ...core.queries.cases import case_rows
from ...core.errors import MonitorError
from ..labels import format_date, format_datetime, yes_no

LISTS = {  # list name → (record type, menu title)
    "cases": ("case", QT_TRANSLATE_NOOP("Lists", "Cases")),
    "visits": ("visit", QT_TRANSLATE_NOOP("Lists", "Visits")),
    "facilities": ("facility", QT_TRANSLATE_NOOP("Lists", "Facilities")),
    "people": ("person", QT_TRANSLATE_NOOP("Lists", "People")),
    "examinations": ("examination", QT_TRANSLATE_NOOP("Lists", "Examinations")),
    "complaints": ("complaint", QT_TRANSLATE_NOOP("Lists", "Complaints")),
}
_MARKED = (QT_TRANSLATE_NOOP("Lists", "Updated"), QT_TRANSLATE_NOOP("Lists", "Sealed"))


def t(text: str) -> str:
    return QCoreApplication.translate("Lists", text)


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of dicts; ``columns`` are (key, header) pairs.

    Rows can come all at once (:meth:`set_rows`) or page by page from a fetch function
    (:meth:`set_source`), so the first screen of a large vault shows without reading it all.
    """

    PAGE = 200

    def __init__(self, columns: list[tuple[str, str]], stretch: int, parent=None):
        super().__init__(parent)
        self.columns = columns
        self.stretch = stretch  # the column that takes the spare width
        self.rows: list[dict] = []
        self._fetch = None

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows, self._fetch = rows, None
        self.endResetModel()

    def set_source(self, fetch) -> None:
        """``fetch(offset, limit)`` returns the next rows; fewer than ``limit`` means the end."""
        self.beginResetModel()
        self.rows, self._fetch = [], fetch
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._fetch is not None

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._fetch is None:
            return
        page = self._fetch(len(self.rows), self.PAGE)
        if len(page) < self.PAGE:
            self._fetch = None
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, key = self.rows[index.row()], self.columns[index.column()][0]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return str(row.get(key, ""))
        if role == Qt.UserRole:  # the sort key: ISO dates and raw numbers sort correctly
            return row.get(f"{key}__sort", row.get(key, ""))
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section][1]
        return None


class ListProxy(QSortFilterProxyModel):
    """Sorts by the source's sort key; the filter text matches any column; optional filters on
    the facility and on a date range (applied to the rows fetched so far)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Qt.UserRole)
        self.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortLocaleAware(True)
        self.facility: str | None = None
        self.date_from: str | None = None  # YYYY-MM-DD, inclusive
        self.date_to: str | None = None

    def set_filters(self, *, facility: str | None = None, date_from: str | None = None,
                    date_to: str | None = None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.facility, self.date_from, self.date_to = facility or None, date_from or None, date_to or None
            self.endFilterChange()
        else:
            self.facility, self.date_from, self.date_to = facility or None, date_from or None, date_to or None
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not super().filterAcceptsRow(source_row, source_parent):
            return False
        model = self.sourceModel()
        row = model.rows[source_row] if isinstance(model, RowsModel) and source_row < len(model.rows) else {}
        if self.facility and row.get("facility") != self.facility:
            return False
        date = str(row.get("date__sort") or row.get("updated__sort") or "")[:10]
        if self.date_from and (not date or date < self.date_from):
            return False
        if self.date_to and (not date or date > self.date_to):
            return False
        return True


def _name(vault, record_id, cache: dict, field: str = "name") -> str:
    if not record_id:
        return ""
    if record_id not in cache:
        try:
            cache[record_id] = vault.get(record_id).get(field, "")
        except MonitorError:
            cache[record_id] = ""
    return cache[record_id]


def columns(list_name: str, lang: str) -> tuple[list[tuple[str, str]], int]:
    f = lambda path: titles.field_title(path, lang)  # noqa: E731
    updated = ("updated", t("Updated"))
    return {
        "cases": ([("code", f("case.code")), ("title", f("case.title")), ("status_label", f("case.status")),
                   ("facility", f("case.facility_id")), updated], 1),
        "visits": ([("date", f("visit.date_start")), ("facility", f("visit.facility_id")),
                    ("kind", f("visit.visit_kind")), ("outcome", f("visit.outcome")), ("team", f("visit.team"))], 1),
        "facilities": ([("name", f("facility.name")), ("kind", f("facility.type_key")), ("region", f("facility.region")),
                        ("capacity", f("facility.capacity"))], 0),
        "people": ([("code", f("person.code")), ("notes", f("person.notes")), updated], 1),
        "examinations": ([("date", f("examination.date")), ("person", f("examination.person_id")),
                          ("examiner", f("examination.examiner")), ("injuries", f("examination.injuries")),
                          ("sealed", t("Sealed"))], 2),
        "complaints": ([("date", f("complaint.date_filed")), ("authority", f("complaint.authority")),
                        ("status", f("complaint.status")), ("reference", f("complaint.reference"))], 3),
    }[list_name]


def fetcher(vault, list_name: str, lang: str, *, status: str | None = None):
    """``fetch(offset, limit)`` for a list; rows carry the record id under ``id``."""
    record_type = LISTS[list_name][0]
    names: dict[str, str] = {}
    label = lambda vocabulary, key: vault.label(vocabulary, key, lang) if key else ""  # noqa: E731

    def fetch(offset: int, limit: int) -> list[dict]:
        if list_name == "cases":
            rows = case_rows(vault, status=status, lang=lang, limit=limit, offset=offset)
            for row in rows:
                row["updated__sort"] = row["updated_at"]
                row["updated"] = format_datetime(row["updated_at"], lang)
            return rows
        where = {"status": status} if status else None
        out = []
        for info in vault.records(record_type, where=where, limit=limit, offset=offset):
            b = info.body
            row = {"id": info.id, "updated": format_datetime(info.updated_at, lang), "updated__sort": info.updated_at}
            if list_name == "visits":
                row.update(date=format_date(b["date_start"], lang), date__sort=b["date_start"],
                           facility=_name(vault, b.get("facility_id"), names), kind=label("visit_kind", b.get("visit_kind")),
                           outcome=label("visit_outcome", b.get("outcome")), team=", ".join(b.get("team", [])))
            elif list_name == "facilities":
                row.update(name=b["name"], kind=label("facility_type", b.get("type_key")), region=b.get("region", ""),
                           capacity=b.get("capacity", ""), capacity__sort=b.get("capacity", -1))
            elif list_name == "people":
                row.update(code=b["code"], notes=(b.get("notes") or "").split("\n")[0][:200])
            elif list_name == "examinations":
                row.update(date=format_datetime(b["date"], lang), date__sort=b["date"],
                           person=_name(vault, b.get("person_id"), names, "code"),
                           examiner=b.get("examiner", {}).get("name", ""), injuries=len(b.get("injuries", [])),
                           sealed=yes_no(info.sealed))
            elif list_name == "complaints":
                row.update(date=format_date(b.get("date_filed", ""), lang), date__sort=b.get("date_filed", ""),
                           authority=label("authority", b.get("authority")), status=label("complaint_status", b.get("status")),
                           reference=b.get("reference", ""))
            out.append(row)
        return out

    return fetch


STATUS_VOCABULARY = {"cases": "case_status", "complaints": "complaint_status"}
