"""The queue model over a real local store: model tester, search, filters, sort."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.local_store.queue_repository import QueueRepository as StoreQueue
from app.local_store.store_database import StoreDatabase
from app.services.local_store_workspace import StoreQueueAdapter
from app.services.order_views import QueueQuery
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
    assert calls == []  # nothing fetched until something is painted
    model.index(300, 1).data()
    assert calls and max(calls) <= QueueTableModel.BLOCK
    model.index(301, 1).data()
    assert len(calls) == 1  # the neighbour came with the same block
