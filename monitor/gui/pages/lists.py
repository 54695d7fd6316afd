"""Record lists (Cases, Visits, Facilities, People, Examinations, Complaints: every type with a
``list`` in the record-type registry) as Qt models that fetch page by page from the vault,
sortable by any column and filterable."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ...core.model import registry, titles
from ...core.queries.cases import case_rows
from ...core.errors import MonitorError
from ..labels import format_date, format_datetime, yes_no

LISTS = {  # list name → (record type, English menu title or None for the type's title), from the registry
    entry.list.name: (entry.name, entry.list.title) for entry in registry.lists()
}
_MARKED = (QT_TRANSLATE_NOOP("Lists", "Updated"), QT_TRANSLATE_NOOP("Lists", "Sealed"),
           # the registry's list titles, for the catalogue (lupdate reads these)
           QT_TRANSLATE_NOOP("Lists", "Cases"), QT_TRANSLATE_NOOP("Lists", "Visits"),
           QT_TRANSLATE_NOOP("Lists", "Facilities"), QT_TRANSLATE_NOOP("Lists", "People"),
           QT_TRANSLATE_NOOP("Lists", "Examinations"), QT_TRANSLATE_NOOP("Lists", "Complaints"))


_DISPLAY, _SORT = Qt.DisplayRole, Qt.UserRole
_SHOWN = frozenset((Qt.DisplayRole, Qt.ToolTipRole))


def t(text: str) -> str:
    return QCoreApplication.translate("Lists", text)


def list_title(list_name: str, lang: str) -> str:
    """The list's menu title in the UI language (the type's title when the registry gives none)."""
    record_type, title = LISTS[list_name]
    return t(title) if title else titles.type_title(record_type, lang)


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

    def data(self, index, role=_DISPLAY):
        # Qt asks for a dozen roles per cell and resizing columns asks for every row: the roles
        # answered are module constants, since each ``Qt.X`` lookup costs microseconds in PySide6.
        if role in _SHOWN:
            if not index.isValid():
                return None
            return str(self.rows[index.row()].get(self.columns[index.column()][0], ""))
        if role == _SORT:  # the sort key: ISO dates and raw numbers sort correctly
            if not index.isValid():
                return None
            row, key = self.rows[index.row()], self.columns[index.column()][0]
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


def _list(list_name: str) -> tuple[str, "registry.RecordList"]:
    entry = registry.BY_NAME[LISTS[list_name][0]]
    return entry.name, entry.list


def columns(list_name: str, lang: str) -> tuple[list[tuple[str, str]], int]:
    record_type, spec = _list(list_name)
    out = []
    for column in spec.columns:
        if column.show == "updated":
            header = t("Updated")
        elif column.show == "sealed":
            header = t("Sealed")
        else:
            header = titles.field_title(column.header or f"{record_type}.{column.field}", lang)
        out.append((column.key, header))
    return out, spec.stretch


def _value(body: dict, path: str):
    for part in path.split("."):
        body = body.get(part, {}) if isinstance(body, dict) else {}
    return body if body != {} else None


def _cells(vault, info, spec, lang: str, names: dict, label) -> dict:
    """One row of a list: each column's shown value, and a sort key where the shown one does not sort."""
    b = info.body
    row = {"id": info.id, "updated": format_datetime(info.updated_at, lang), "updated__sort": info.updated_at}
    for column in spec.columns:
        key, value = column.key, _value(b, column.field) if column.field else None
        if column.show == "date":
            row[key], row[f"{key}__sort"] = format_date(value or "", lang), value or ""
        elif column.show == "datetime":
            row[key], row[f"{key}__sort"] = format_datetime(value or "", lang), value or ""
        elif column.show == "vocab":
            row[key] = label(column.vocabulary, value)
        elif column.show == "ref":
            row[key] = _name(vault, value, names, column.ref_field)
        elif column.show == "join":
            row[key] = ", ".join(value or [])
        elif column.show == "count":
            row[key] = len(value or [])
        elif column.show == "first_line":
            row[key] = (value or "").split("\n")[0][:200]
        elif column.show == "number":
            row[key], row[f"{key}__sort"] = ("" if value is None else value), (-1 if value is None else value)
        elif column.show == "sealed":
            row[key] = yes_no(info.sealed)
        elif column.show == "text":
            row[key] = "" if value is None else value
    return row


def fetcher(vault, list_name: str, lang: str, *, status: str | None = None):
    """``fetch(offset, limit)`` for a list; rows carry the record id under ``id``."""
    record_type, spec = _list(list_name)
    names: dict[str, str] = {}
    label = lambda vocabulary, key: vault.label(vocabulary, key, lang) if key else ""  # noqa: E731

    def fetch(offset: int, limit: int) -> list[dict]:
        if record_type == "case":  # sorted by code in the user's alphabet, with the status's label
            rows = case_rows(vault, status=status, lang=lang, limit=limit, offset=offset)
            for row in rows:
                row["updated__sort"] = row["updated_at"]
                row["updated"] = format_datetime(row["updated_at"], lang)
            return rows
        where = {"status": status} if status else None
        return [_cells(vault, info, spec, lang, names, label)
                for info in vault.records(record_type, where=where, limit=limit, offset=offset)]

    return fetch


STATUS_VOCABULARY = {name: registry.BY_NAME[record_type].list.status_vocabulary
                     for name, (record_type, _title) in LISTS.items()
                     if registry.BY_NAME[record_type].list.status_vocabulary}
