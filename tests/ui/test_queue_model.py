"""The queue model over a real local store: model tester, search, filters, sort."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.local_store.queue_repository import QueueRepository as StoreQueue
from app.local_store.store_database import StoreDatabase
from app.services.local_store_workspace import StoreQueueAdapter
from app.services.operations import OperationRunner
from app.services.order_views import QueueQuery, QueueSort
from core.order_status import OrderStatus
from tests.ui.synthetic_orders import filled_store
from ui.queue_model import COLUMN_KEYS, ORDER_ID_ROLE, QueueTableModel
from ui.queue_panel import QueuePanel


@pytest.fixture
def database(tmp_path: Path) -> StoreDatabase:
    db = filled_store(tmp_path / "store.sqlite", 600)
    yield db
    db.dispose()


@pytest.fixture
def repository(database: StoreDatabase) -> StoreQueueAdapter:
    return StoreQueueAdapter(StoreQueue(database), "Khadija (agent1)")


def test_queue_model_passes_the_model_tester(
    qtmodeltester: ModelTester, repository: StoreQueueAdapter
) -> None:
    model = QueueTableModel(repository, "Khadija (agent1)")
    model.set_query(QueueQuery())
    assert model.rowCount() == 600
    qtmodeltester.check(model, force_py=True)
    model.set_query(QueueQuery(search="Casablanca"))
    qtmodeltester.check(model, force_py=True)


def test_search_filters_and_sort_go_through_sql(
    qtbot: QtBot, repository: StoreQueueAdapter
) -> None:
    panel = QueuePanel(repository, "Khadija (agent1)")
    qtbot.addWidget(panel)
    panel.apply_filters()
    everything = panel.model.rowCount()
    assert everything == 600

    panel.search.setText("Casablanca")
    qtbot.waitUntil(lambda: panel.model.rowCount() < everything, timeout=2000)
    city, status, total = (COLUMN_KEYS.index(k) for k in ("city", "status", "total"))
    for row in range(panel.model.rowCount()):
        assert panel.model.index(row, city).data() == "Casablanca"
    assert panel.count_label.text().startswith(f"{panel.model.rowCount()} order")

    # A reference typed in the search box finds exactly that order.
    panel.search.setText("CMD-000042")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
    assert panel.model.index(0, 0).data() == "CMD-000042"
    assert panel.model.index(0, 0).data(ORDER_ID_ROLE) == 42

    panel.search.clear()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(OrderStatus.CONFIRMED))
    confirmed = panel.model.rowCount()
    assert 0 < confirmed < everything
    assert {panel.model.index(r, status).data() for r in range(confirmed)} == {"Confirmed"}

    # Clicking the Total header sorts by amount in SQL.
    panel.status_filter.setCurrentIndex(0)
    panel.table.horizontalHeader().setSortIndicator(total, Qt.SortOrder.DescendingOrder)
    panel.model.sort(total, Qt.SortOrder.DescendingOrder)
    totals = [panel.model.row_data(r).total for r in range(50)]  # type: ignore[union-attr]
    assert totals == sorted(totals, reverse=True)


def test_rows_are_fetched_lazily(repository: StoreQueueAdapter) -> None:
    calls: list[int] = []

    class Counting:
        def count(self, query: QueueQuery) -> int:
            return repository.count(query)

        def ids(self, query: QueueQuery, offset: int = 0, limit: int | None = None):  # type: ignore[no-untyped-def]
            return repository.ids(query, offset, limit)

        def rows_by_ids(self, ids):  # type: ignore[no-untyped-def]
            calls.append(len(ids))
            return repository.rows_by_ids(ids)

    model = QueueTableModel(Counting(), "me")
    model.set_query(QueueQuery())
    # Only the first screenful comes with the query (so painting it needs no SQL).
    assert calls == [QueueTableModel.BLOCK]
    model.index(5, 1).data()
    assert len(calls) == 1
    model.index(300, 1).data()
    assert len(calls) == 2 and max(calls) <= QueueTableModel.BLOCK
    model.index(301, 1).data()
    assert len(calls) == 2  # the neighbour came with the same block


@pytest.fixture
def runner() -> Iterator[OperationRunner]:
    operations = OperationRunner()
    yield operations
    operations.shutdown(10_000)


def _type(qtbot: QtBot, panel: QueuePanel, text: str) -> None:
    """Key by key, faster than the debounce, as an agent types."""
    panel.search.clear()
    for character in text:
        qtbot.keyClicks(panel.search, character)
        qtbot.wait(20)


def test_typed_search_runs_off_the_gui_thread_once_typing_pauses(
    qtbot: QtBot, repository: StoreQueueAdapter, runner: OperationRunner
) -> None:
    queries: list[QueueQuery] = []

    class Recording:
        def count(self, query: QueueQuery) -> int:
            queries.append(query)
            return repository.count(query)

        def ids(self, query: QueueQuery, offset: int = 0, limit: int | None = None):  # type: ignore[no-untyped-def]
            return repository.ids(query, offset, limit)

        def rows_by_ids(self, ids):  # type: ignore[no-untyped-def]
            return repository.rows_by_ids(ids)

    panel = QueuePanel(Recording(), "Khadija (agent1)", runner=runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.query_applied, timeout=5000):
        panel.apply_filters()
    assert panel.model.rowCount() == 600
    queries.clear()

    _type(qtbot, panel, "Khadija")
    qtbot.waitUntil(lambda: panel.model.query.search == "Khadija", timeout=5000)
    # The pause after the last key makes the query, not each of the 7 keys
    # (a loaded machine may let one pause slip through mid-word).
    assert queries[-1].search == "Khadija" and len(queries) <= 2
    expected = repository.count(QueueQuery(search="Khadija"))
    assert 0 < panel.model.rowCount() == expected < 600
    customer = COLUMN_KEYS.index("customer")
    assert all(
        "Khadija" in panel.model.index(r, customer).data() for r in range(panel.model.rowCount())
    )
    assert not panel.search_hint.isVisibleTo(panel)


def test_too_short_search_shows_everything_and_says_why(
    qtbot: QtBot, repository: StoreQueueAdapter, runner: OperationRunner
) -> None:
    panel = QueuePanel(repository, "Khadija (agent1)", runner=runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.query_applied, timeout=5000):
        panel.apply_filters()
    _type(qtbot, panel, "Tazi")
    qtbot.waitUntil(lambda: panel.model.query.search == "Tazi", timeout=5000)
    assert panel.model.rowCount() < 600
    panel.search.setText("Ta")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 600, timeout=5000)
    assert panel.search_hint.isVisibleTo(panel)
    assert "3" in panel.search_hint.text()


def test_late_answer_to_an_older_search_is_dropped(
    qtbot: QtBot, repository: StoreQueueAdapter
) -> None:
    model = QueueTableModel(repository, "me")
    older = model.prepare(QueueQuery(search="Casablanca"), model.begin())
    newer = model.prepare(QueueQuery(search="Rabat"), model.begin())
    assert model.apply(newer)
    assert not model.apply(older)
    assert model.query.search == "Rabat"
    assert model.rowCount() == repository.count(QueueQuery(search="Rabat"))


def test_scrolling_far_fetches_ids_off_the_gui_thread(
    qtbot: QtBot, qtmodeltester: ModelTester, repository: StoreQueueAdapter, runner: OperationRunner
) -> None:
    panel = QueuePanel(repository, "Khadija (agent1)", runner=runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.query_applied, timeout=5000):
        panel.apply_filters()
    model = panel.model
    assert model.rowCount() == 600 > QueueTableModel.PAGE
    expected = repository.ids(model.query, 550, 1)[0]
    # Beyond the first window the row is blank for a moment, then filled in.
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        assert model.index(550, 0).data(ORDER_ID_ROLE) is None
    assert model.index(550, 0).data(ORDER_ID_ROLE) == expected
    assert model.index(550, 0).data() == repository.rows_by_ids([expected])[0].reference
    qtmodeltester.check(model, force_py=True)


def test_a_window_that_failed_to_load_is_asked_for_again(
    qtbot: QtBot, repository: StoreQueueAdapter, runner: OperationRunner
) -> None:
    failures = [sqlite3.OperationalError("database is locked")]

    class LockedOnce:
        """The real store, locked once when a deep window is read."""

        def count(self, query: QueueQuery) -> int:
            return repository.count(query)

        def ids(self, query: QueueQuery, offset: int = 0, limit: int | None = None):  # type: ignore[no-untyped-def]
            if offset >= QueueTableModel.PAGE and failures:
                raise failures.pop()
            return repository.ids(query, offset, limit)

        def rows_by_ids(self, ids):  # type: ignore[no-untyped-def]
            return repository.rows_by_ids(ids)

    panel = QueuePanel(LockedOnce(), "Khadija (agent1)", runner=runner)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.query_applied, timeout=5000):
        panel.apply_filters()
    model = panel.model
    assert model.index(550, 0).data(ORDER_ID_ROLE) is None  # asked for: the read fails
    qtbot.waitUntil(lambda: not failures, timeout=5000)
    qtbot.wait(100)  # the failure reaches the GUI thread
    expected = repository.ids(model.query, 550, 1)[0]
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        assert model.index(550, 0).data(ORDER_ID_ROLE) is None  # looked at again: asked again
    assert model.index(550, 0).data(ORDER_ID_ROLE) == expected


def test_row_changed_while_a_query_runs_is_not_shown_stale(
    repository: StoreQueueAdapter, database: StoreDatabase
) -> None:
    model = QueueTableModel(repository, "me")
    model.set_query(QueueQuery(sort=QueueSort.REFERENCE))
    generation = model.begin()
    prepared = model.prepare(model.query, generation)  # on a worker thread, in the app
    first = prepared.first_page[0]
    with database.writer.begin() as connection:
        connection.execute(
            text("UPDATE orders SET customer_name = 'Renamed Meanwhile' WHERE id = :id"),
            {"id": first},
        )
    model.refresh_rows([first])  # the workspace announces the change
    assert model.apply(prepared)
    customer = COLUMN_KEYS.index("customer")
    assert model.index(0, customer).data() == "Renamed Meanwhile"


def test_search_keeps_the_status_filter_and_the_sort(
    qtbot: QtBot, repository: StoreQueueAdapter, runner: OperationRunner
) -> None:
    panel = QueuePanel(repository, "Khadija (agent1)", runner=runner)
    qtbot.addWidget(panel)
    total, status = (COLUMN_KEYS.index(k) for k in ("total", "status"))
    with qtbot.waitSignal(panel.model.query_applied, timeout=5000):
        panel.status_filter.setCurrentIndex(panel.status_filter.findData(OrderStatus.CALLBACK))
    header = panel.table.horizontalHeader()
    header.setSortIndicator(total, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(panel.model.query_applied, timeout=5000):
        header.sectionClicked.emit(total)
    _type(qtbot, panel, "Casablanca")
    qtbot.waitUntil(lambda: panel.model.query.search == "Casablanca", timeout=5000)
    rows = [panel.model.row_data(r) for r in range(panel.model.rowCount())]
    assert rows and all(r is not None for r in rows)
    assert {panel.model.index(r, status).data() for r in range(len(rows))} == {"Call back"}
    totals = [r.total for r in rows if r is not None]
    assert totals == sorted(totals, reverse=True)
    assert {r.city for r in rows if r is not None} == {"Casablanca"}


def test_model_tester_on_searched_queue(
    qtmodeltester: ModelTester, repository: StoreQueueAdapter
) -> None:
    model = QueueTableModel(repository, "Khadija (agent1)")
    phone = repository.rows_by_ids(repository.ids(QueueQuery(), 0, 1))[0].phone
    model.set_query(QueueQuery(search=phone[4:9]))  # a piece of a national number
    assert model.rowCount() >= 1
    qtmodeltester.check(model, force_py=True)
    model.set_query(QueueQuery(search="zzzz"))
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)
