"""The queue: instant search, filters and the lazy table of orders.

Typing restarts a short timer (``SEARCH_DELAY_MS``); when it fires, the SQL runs
on the operation runner's worker thread and the answer is shown only if no
newer query started meanwhile, so the event loop never waits on the database.
A search of fewer than ``MIN_SEARCH_CHARS`` characters does not filter: the
panel says how many to type instead of scanning for "a".
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.operations import OperationRunner
from app.services.order_views import QueueQuery
from app.services.queue_repository import MIN_SEARCH_CHARS, QueueRepository, is_search_effective
from core.order_status import OrderStatus
from ui.formatting import format_datetime, format_money, status_label
from ui.queue_model import COLUMN_KEYS, PreparedQuery, QueueTableModel

log = logging.getLogger(__name__)

# Combos shrink with the window instead of forcing it wider than a laptop screen.
_SHRINKABLE = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon


#: Which columns stay when the pane narrows, most useful first.
_COLUMN_PRIORITY = (
    "reference", "customer", "total", "status", "callback", "city", "attempts", "phone", "holder"
)
#: Room around a cell's text (margins of the style and a little air).
_CELL_PADDING = 20


class QueuePanel(QWidget):
    """Search box, filters and the queue table; emits the order to open."""

    order_activated = Signal(int)

    SEARCH_DELAY_MS = 150
    RELOAD_DELAY_MS = 250

    def __init__(
        self,
        repository: QueueRepository,
        me: str,
        parent: QWidget | None = None,
        runner: OperationRunner | None = None,
    ):
        super().__init__(parent)
        self._runner = runner
        self.model = QueueTableModel(repository, me, self)
        #: The last query asked for (shown or on its way); None before the first.
        self._wanted: QueueQuery | None = None
        #: Each column's width for its usual texts (the chooser's measure).
        self._natural_widths: dict[int, int] = {}
        if runner is not None:
            self.model.set_page_loader(self._load_page)

        self.search = QLineEdit(self)
        self.search.setObjectName("queueSearch")
        self.search.setPlaceholderText(self.tr("Search name, phone, e-mail or reference"))
        self.search.setClearButtonEnabled(True)

        self.status_filter = QComboBox(self)
        self.status_filter.setSizeAdjustPolicy(_SHRINKABLE)
        self.status_filter.setMinimumContentsLength(14)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in OrderStatus:
            self.status_filter.addItem(status_label(status), status)

        self.city_filter = QComboBox(self)
        self.city_filter.setSizeAdjustPolicy(_SHRINKABLE)
        self.city_filter.setMinimumContentsLength(14)
        self.city_filter.setEditable(False)
        self.city_filter.addItem(self.tr("All cities"), None)

        self.callbacks_due = QCheckBox(self.tr("Callbacks due"), self)
        self.returned_only = QCheckBox(self.tr("Returned"), self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("queueCount")
        self.search_hint = QLabel(self)
        self.search_hint.setObjectName("queueSearchHint")
        self.search_hint.setText(
            self.tr("Type at least %1 characters to search").replace("%1", str(MIN_SEARCH_CHARS))
        )
        self.search_hint.setVisible(False)

        self.table = QTableView(self)
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)  # the header asks SQL, see _on_header_clicked
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        # Fixed row heights: a reset over 100,000 rows costs no per-row layout.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self._size_columns()
        self.table.viewport().installEventFilter(self)

        # Two rows: the queue keeps room for its table on a 1,366-px laptop.
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.city_filter, 1)
        toggles = QHBoxLayout()
        toggles.addWidget(self.callbacks_due)
        toggles.addWidget(self.returned_only)
        toggles.addStretch(1)
        toggles.addWidget(self.search_hint)
        toggles.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(toggles)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(self.RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._rerun)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.city_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.callbacks_due.toggled.connect(lambda _on: self.apply_filters())
        self.returned_only.toggled.connect(lambda _on: self.apply_filters())
        self.table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.table.activated.connect(self._on_activated)
        self.table.doubleClicked.connect(self._on_activated)
        self.model.query_applied.connect(self._show_count)

    # -- columns by width ----------------------------------------------------
    def _size_columns(self) -> None:
        """Each column as wide as its longest usual text (bold: callbacks are bold)."""
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        samples = {
            "reference": ["CMD-000000"],
            "customer": ["Mohamed El Mansouri"],
            "status": [status_label(status) for status in OrderStatus],
            "total": [format_money(Decimal("99999.99"))],
            "city": ["Mohammedia", "Béni Mellal", "Casablanca"],
            "phone": ["06 12 34 56 78"],
            "attempts": ["9"],
            "callback": [format_datetime(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))],
            "holder": ["Mohamed El Mansouri"],
        }
        for column, key in enumerate(COLUMN_KEYS):
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            texts = [*samples.get(key, []), header]
            width = max(metrics.horizontalAdvance(t) for t in texts) + _CELL_PADDING
            self._natural_widths[column] = width
            self.table.setColumnWidth(column, width)

    def shown_columns(self) -> list[str]:
        """The keys of the columns on screen, in the table's order."""
        return [k for c, k in enumerate(COLUMN_KEYS) if not self.table.isColumnHidden(c)]

    def _choose_columns(self) -> None:
        """Show the most useful columns that fit whole; the others wait for a wider pane."""
        # Natural widths, not current ones: the last column stretches to the edge.
        room = self.table.viewport().width()
        used = 0
        for key in _COLUMN_PRIORITY:
            column = COLUMN_KEYS.index(key)
            width = self._natural_widths.get(column, self.table.columnWidth(column))
            fits = used + width <= room or used == 0
            if fits:
                used += width
            if fits and self.table.isColumnHidden(column):
                self.table.showColumn(column)
                self.table.setColumnWidth(column, width)
            elif not fits and not self.table.isColumnHidden(column):
                self.table.hideColumn(column)
        shown = [c for c in range(len(COLUMN_KEYS)) if not self.table.isColumnHidden(c)]
        for column in shown[:-1]:  # the last one stretches to the edge
            self.table.setColumnWidth(column, self._natural_widths.get(column, 80))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._choose_columns()
        return super().eventFilter(watched, event)

    # -- public ----------------------------------------------------------
    def set_cities(self, cities: list[str]) -> None:
        current = self.city_filter.currentData()
        self.city_filter.blockSignals(True)
        self.city_filter.clear()
        self.city_filter.addItem(self.tr("All cities"), None)
        for city in cities:
            self.city_filter.addItem(city, city)
        index = self.city_filter.findData(current)
        self.city_filter.setCurrentIndex(max(0, index))
        self.city_filter.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_filters(self) -> None:
        """Turn the widgets' state into one SQL query."""
        self._search_timer.stop()
        typed = self.search.text().strip()
        searching = is_search_effective(typed)
        self.search_hint.setVisible(bool(typed) and not searching)
        status = self.status_filter.currentData()
        query = replace(
            # Built on the last query asked for: a sort still on its way is kept.
            self._wanted or self.model.query,
            # Too short to filter: the same query as an empty box, so "O" then
            # "Om" do not reload the whole queue twice.
            search=typed if searching else "",
            statuses=frozenset({status}) if status is not None else frozenset(),
            city=self.city_filter.currentData(),
            callbacks_due_only=self.callbacks_due.isChecked(),
            returned_only=self.returned_only.isChecked(),
        )
        if query == self._wanted:
            return  # already shown, or on its way
        self._run(query)

    def selected_order_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.order_id_at(rows[0].row())

    def select_order(self, order_id: int, *, scroll: bool = True) -> None:
        row = self.model.row_of(order_id)
        if row >= 0:
            self.table.selectRow(row)
            if scroll:
                self.table.scrollTo(self.model.index(row, 0))

    def reload(self) -> None:
        """Re-run the current query soon (changes arrived), keeping the selection.

        A burst of changes from the server makes one query, not one per change.
        """
        if not self._reload_timer.isActive():
            self._reload_timer.start()

    def _run(self, query: QueueQuery) -> None:
        """SQL on a worker thread when a runner is given; the window keeps responding."""
        self._wanted = query
        generation = self.model.begin()
        if self._runner is None:
            self._show(self.model.prepare(query, generation))
            return
        model = self.model
        # The count and the first screen are two SQL queries: they run side by
        # side (SQLite readers do not block each other, and release the GIL) and
        # the queue changes once both are in.
        parts: dict[str, object] = {}

        def current() -> bool:
            # Still waiting in the pool while the agent typed on: skip the SQL.
            return generation == model.generation

        def arrived(key: str, value: object) -> None:
            parts[key] = value
            if len(parts) < 2 or not current():
                return
            count, screen = parts["count"], parts["screen"]
            if count is None or screen is None:
                return
            assert isinstance(count, int) and isinstance(screen, tuple)
            first, rows = screen
            self._show(PreparedQuery(generation, query, count, first, rows))

        self._runner.run(
            lambda: model.count_for(query) if current() else None,
            lambda n: arrived("count", n),
            self._failed,
        )
        self._runner.run(
            lambda: model.first_screen_for(query) if current() else None,
            lambda screen: arrived("screen", screen),
            self._failed,
        )

    def _load_page(self, query: QueueQuery, number: int, generation: int) -> None:
        """A window of ids further down (scrolling): SQL on the worker thread."""
        assert self._runner is not None
        model = self.model

        def arrived(ids: list[int]) -> None:
            model.add_page(generation, number, ids)

        def failed(error: Exception) -> None:
            model.page_failed(generation, number)
            log.error("queue page %d failed: %s", number, error)

        self._runner.run(lambda: model.page_ids(query, number), arrived, failed)

    def _show(self, prepared: PreparedQuery) -> None:
        selected = self.selected_order_id()
        # The same query again (changes arrived): the agent's place in the list stays.
        same_query = self.model.query == prepared.query
        position = self.table.verticalScrollBar().value()
        if self.model.apply(prepared) and selected is not None:
            self.select_order(selected, scroll=not same_query)
        if same_query:
            # Lay the rows out now: until then the scroll range is the empty reset's.
            self.table.doItemsLayout()
            self.table.verticalScrollBar().setValue(position)

    def _failed(self, error: Exception) -> None:
        # Let the next change or keystroke try again instead of believing it shown.
        self._wanted = None
        log.error("queue query failed: %s", error)

    def _rerun(self) -> None:
        """Run the query asked for last again (data changed under it)."""
        self._run(self._wanted if self._wanted is not None else self.model.query)

    # -- slots -------------------------------------------------------------
    def _on_header_clicked(self, section: int) -> None:
        header = self.table.horizontalHeader()
        # Sorting 100,000 rows is SQL like a search: off the GUI thread too.
        query = self.model.sorted_query(section, header.sortIndicatorOrder())
        if query is not None:
            self._run(replace(self._wanted or query, sort=query.sort, descending=query.descending))

    def _on_activated(self, index: QModelIndex) -> None:
        order_id = self.model.order_id_at(index.row())
        if order_id is not None:
            self.order_activated.emit(order_id)

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%n order(s)", "", count))
