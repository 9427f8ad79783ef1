"""Id-only, lazily filled table model of the agent's queue.

SQL counts the matching orders and hands out their ids window by window, in
the query's order; the model fetches the rows of the ids the view paints, in
blocks, with a bounded cache. Sorting and filtering are new queries, never
Python sorts over 100,000 rows. ``prepare`` (the SQL: count, first window of
ids and the rows of the first screen) can run on a worker thread and ``apply``
on the GUI thread, which then paints without touching the database, so typing
never freezes the window.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.order_views import QueueQuery, QueueRow, QueueSort
from app.services.queue_repository import QueueRepository
from core.order_status import OrderStatus
from ui.formatting import format_datetime, format_money, phone_text, status_label

_Index = QModelIndex | QPersistentModelIndex

# (header source text, sort key); headers are translated at paint time.
# (key, header source text, SQL sort); what an agent scans first comes first.
_COLUMNS: tuple[tuple[str, str, QueueSort | None], ...] = (
    ("reference", str(QT_TRANSLATE_NOOP("QueueTableModel", "Reference")), QueueSort.REFERENCE),
    ("customer", str(QT_TRANSLATE_NOOP("QueueTableModel", "Customer")), QueueSort.CUSTOMER),
    ("status", str(QT_TRANSLATE_NOOP("QueueTableModel", "Status")), QueueSort.STATUS),
    ("total", str(QT_TRANSLATE_NOOP("QueueTableModel", "Total")), QueueSort.TOTAL),
    ("city", str(QT_TRANSLATE_NOOP("QueueTableModel", "City")), QueueSort.CITY),
    ("phone", str(QT_TRANSLATE_NOOP("QueueTableModel", "Phone")), None),
    ("attempts", str(QT_TRANSLATE_NOOP("QueueTableModel", "Attempts")), None),
    ("callback", str(QT_TRANSLATE_NOOP("QueueTableModel", "Call back")), QueueSort.CALLBACK),
    ("holder", str(QT_TRANSLATE_NOOP("QueueTableModel", "Held by")), None),
)
COLUMN_KEYS = tuple(key for key, _header, _sort in _COLUMNS)
_NUMERIC = frozenset({"total", "attempts"})

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ID = int(ORDER_ID_ROLE)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _ALIGNMENT, _ID})
_NUMERIC_COLUMNS = frozenset(i for i, (key, _h, _s) in enumerate(_COLUMNS) if key in _NUMERIC)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _tr(text: str) -> str:
    return QCoreApplication.translate("QueueTableModel", text)


@dataclass
class ShownRow:
    """A row and its cell texts, formatted once when first needed (formatting a
    phone number costs about a millisecond), not on every paint of every role."""

    row: QueueRow
    texts: tuple[str, ...] | None = None


@dataclass(frozen=True)
class PreparedQuery:
    """A query answered by SQL, ready to be shown."""

    generation: int
    query: QueueQuery
    count: int
    first_page: list[int]
    #: Rows of the first screenful, fetched and formatted with the ids, so
    #: painting them needs neither SQL nor formatting on the GUI thread.
    first_rows: Sequence[ShownRow] = ()


class QueueTableModel(QAbstractTableModel):
    """The queue: references from SQL, rows fetched in blocks on demand."""

    query_applied = Signal(int)  # number of matching orders

    BLOCK = 120
    SCREEN = 40  # rows formatted with a query's answer, off the GUI thread
    CACHE_LIMIT = 3_000
    PAGE = 500  # ids fetched per SQL window

    def __init__(self, repository: QueueRepository, me: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._me = me
        self._query = QueueQuery()
        self._count = 0
        self._pages: dict[int, list[int]] = {}
        self._cache: OrderedDict[int, ShownRow] = OrderedDict()
        self._generation = 0
        #: Orders changed since the running query started (its rows may be older).
        self._changed_meanwhile: set[int] = set()
        #: Generation of the query on screen (``_generation`` runs ahead while
        #: a newer one is on its way).
        self._shown_generation = 0
        #: Fetches a window of ids elsewhere (worker thread); None: here, now.
        self._page_loader: Callable[[QueueQuery, int, int], None] | None = None
        self._pages_asked: set[int] = set()
        # Shared paint values: one object each instead of one per cell and repaint.
        self._bold = QFont()
        self._bold.setBold(True)
        self._grey = QBrush(QColor("#8a8f98"))  # held by someone else
        self._amber = QBrush(QColor("#b45309"))  # callback due

    # -- queries -------------------------------------------------------
    @property
    def query(self) -> QueueQuery:
        return self._query

    @property
    def generation(self) -> int:
        """Rises with every query started; a late answer to an older one is dropped."""
        return self._generation

    def set_page_loader(self, loader: Callable[[QueueQuery, int, int], None] | None) -> None:
        """Fetch windows of ids beyond the first with ``loader(query, page, generation)``,
        which answers through ``add_page``; until then those rows read as empty.
        A deep scroll through 100,000 orders then never waits on SQL."""
        self._page_loader = loader

    def page_ids(self, query: QueueQuery, number: int) -> list[int]:
        """Window ``number`` of ids of ``query`` (SQL; any thread)."""
        return list(self._repository.ids(query, number * self.PAGE, self.PAGE))

    def add_page(self, generation: int, number: int, ids: list[int]) -> bool:
        """A window of ids arrived; shown unless another query replaced the one asked for."""
        if generation != self._shown_generation:
            return False
        self._pages_asked.discard(number)
        self._pages[number] = ids
        first = number * self.PAGE
        last = min(self._count, first + self.PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        return True

    def page_failed(self, generation: int, number: int) -> None:
        """Fetching window ``number`` failed: the next look at its rows asks again
        (otherwise they would stay blank until the query changes)."""
        if generation == self._shown_generation:
            self._pages_asked.discard(number)

    def set_query(self, query: QueueQuery) -> None:
        """Run ``query`` in SQL (on this thread) and show its result."""
        self._query = query
        self.reload()

    def begin(self) -> int:
        """A new query starts (GUI thread); answers to older ones will be dropped."""
        self._generation += 1
        self._changed_meanwhile.clear()
        return self._generation

    def count_for(self, query: QueueQuery) -> int:
        """How many orders match (SQL; any thread)."""
        return self._repository.count(query)

    def first_page_for(self, query: QueueQuery) -> list[int]:
        """The first window of ids in the query's order (SQL; any thread)."""
        return list(self._repository.ids(query, 0, self.PAGE))

    def first_screen_for(self, query: QueueQuery) -> tuple[list[int], list[ShownRow]]:
        """The first window of ids and the rows of the first screen, formatted
        (SQL and formatting; any thread)."""
        first = self.first_page_for(query)
        rows = self._repository.rows_by_ids(first[: self.BLOCK]) if first else []
        shown = [ShownRow(r) for r in rows]
        for item in shown[: self.SCREEN]:
            self._texts(item)
        return first, shown

    def prepare(self, query: QueueQuery, generation: int) -> PreparedQuery:
        """The SQL part of a query: its size, first window of ids and first rows
        (any thread)."""
        count = self.count_for(query)
        first, shown = self.first_screen_for(query) if count else ([], [])
        return PreparedQuery(generation, query, count, first, shown)

    def apply(self, prepared: PreparedQuery) -> bool:
        """Show a prepared query unless a newer one was started since."""
        if prepared.generation != self._generation:
            return False
        self.beginResetModel()
        self._query = prepared.query
        self._shown_generation = prepared.generation
        self._count = prepared.count
        self._pages = {0: prepared.first_page} if prepared.first_page else {}
        self._pages_asked.clear()
        self._cache.clear()
        for shown in prepared.first_rows:
            # A row that changed after the query started is fetched again.
            if shown.row.order_id not in self._changed_meanwhile:
                self._cache[shown.row.order_id] = shown
        self.endResetModel()
        self.query_applied.emit(self._count)
        return True

    def reload(self) -> None:
        """Re-run the current query (after changes arrived)."""
        self.apply(self.prepare(self._query, self.begin()))

    def refresh_rows(self, order_ids: Sequence[int]) -> None:
        """Some orders changed: repaint the loaded ones, keep the order stable."""
        wanted = set(order_ids)
        self._changed_meanwhile.update(wanted)
        for ref in wanted:
            self._cache.pop(ref, None)
        for page, ids in self._pages.items():
            for offset, ref in enumerate(ids):
                if ref in wanted:
                    row = page * self.PAGE + offset
                    self.dataChanged.emit(
                        self.index(row, 0), self.index(row, self.columnCount() - 1)
                    )

    def _page(self, number: int) -> list[int]:
        page = self._pages.get(number)
        if page is not None:
            return page
        if self._page_loader is None:
            page = self.page_ids(self._query, number)
            self._pages[number] = page
            return page
        if number not in self._pages_asked:
            self._pages_asked.add(number)
            self._page_loader(self._query, number, self._shown_generation)
        return []

    def order_id_at(self, row: int) -> int | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // self.PAGE)
        offset = row % self.PAGE
        return page[offset] if offset < len(page) else None

    def row_of(self, order_id: int) -> int:
        """Row of an order among the windows already fetched (-1 if not there)."""
        for number, ids in self._pages.items():
            if order_id in ids:
                return number * self.PAGE + ids.index(order_id)
        return -1

    def row_data(self, row: int) -> QueueRow | None:
        ref = self.order_id_at(row)
        if ref is None:
            return None
        shown = self._row_for(row, ref)
        return shown.row if shown is not None else None

    # -- Qt model API ----------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(_COLUMNS):
                return _tr(_COLUMNS[section][1])
            return None
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sorted_query(self, column: int, order: Qt.SortOrder) -> QueueQuery | None:
        """The current query sorted on ``column`` (None when it does not sort)."""
        if not 0 <= column < len(_COLUMNS):
            return None
        key = _COLUMNS[column][2]
        if key is None:
            return None
        return replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        query = self.sorted_query(column, order)
        if query is not None:
            self.set_query(query)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell at each repaint: plain int
        # comparisons, no enum arithmetic, texts formatted once per row.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row_number = index.row()
        column = index.column()
        if row_number >= self._count or column >= len(_COLUMNS):
            return None
        ref = self.order_id_at(row_number)
        if ref is None:
            return None
        if role == _ID:
            return ref
        if role == _ALIGNMENT:
            return _RIGHT if column in _NUMERIC_COLUMNS else None
        shown = self._row_for(row_number, ref)
        if shown is None:
            return None
        if role == _DISPLAY:
            return self._texts(shown)[column]
        row = shown.row
        held_by_other = bool(row.holder) and not row.held_by_me
        if role == _FONT:
            return self._bold if self._callback_due(row) else None
        if role == _FOREGROUND:
            if held_by_other:
                return self._grey
            return self._amber if self._callback_due(row) else None
        if held_by_other:  # tool tip
            return QCoreApplication.translate("QueueTableModel", "Held by %1").replace(
                "%1", row.holder or ""
            )
        return None

    # -- helpers ---------------------------------------------------------
    def _callback_due(self, row: QueueRow) -> bool:
        return row.callback_at is not None and row.callback_at <= datetime.now(UTC)

    def _texts(self, shown: ShownRow) -> tuple[str, ...]:
        """The cell texts of a row (any thread: only reentrant Qt formatting)."""
        if shown.texts is None:
            row = shown.row
            shown.texts = tuple(self._display(row, column) for column in range(len(_COLUMNS)))
        return shown.texts

    def _display(self, row: QueueRow, column: int) -> str:
        key = _COLUMNS[column][0]
        if key == "reference":
            return row.reference
        if key == "customer":
            return row.customer_name
        if key == "phone":
            return phone_text(row.phone)
        if key == "city":
            return row.city
        if key == "status":
            return status_label(row.status)
        if key == "total":
            return format_money(row.total)
        if key == "attempts":
            return str(row.attempt_count)
        if key == "callback":
            if row.callback_at is None or row.status != OrderStatus.CALLBACK:
                return ""
            return format_datetime(row.callback_at)
        if not row.holder:
            return ""
        return (
            QCoreApplication.translate("QueueTableModel", "me")
            if row.held_by_me
            else row.holder
        )

    def _row_for(self, row_number: int, ref: int) -> ShownRow | None:
        row = self._cache.get(ref)
        if row is not None:
            self._cache.move_to_end(ref)
            return row
        start = max(0, row_number - self.BLOCK // 4)
        block = [
            i
            for i in (
                self.order_id_at(n) for n in range(start, min(self._count, start + self.BLOCK))
            )
            if i is not None
        ]
        wanted = [r for r in block if r not in self._cache]
        for fetched in self._repository.rows_by_ids(wanted):
            self._cache[fetched.order_id] = ShownRow(fetched)
        while len(self._cache) > self.CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(ref)
