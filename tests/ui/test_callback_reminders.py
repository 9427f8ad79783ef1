"""Callback reminders and orders the server will not give me, through the real
window: the reminder names only my own due call-backs (plus those nobody owns when
the shop says so); opening a colleague's order shows it read-only with the reason,
coloured as a refusal, with Confirm and every edit off."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.local_store.local_sync_store import LocalSyncStore
from app.local_store.queue_repository import QueueRepository as StoreQueue
from app.local_store.store_database import StoreDatabase, open_store_database
from app.services.local_store_workspace import LocalStoreWorkspace, StoreQueueAdapter
from app.services.workspace_store import ActionReport, ActionState
from core.rulebook import Act
from sync.sync_engine import SyncEngine
from sync.sync_store import ReferenceData
from tests.fixtures.server_process import RunningServer
from tests.ui.real_desks import Desk, fresh_order, open_desk, open_order
from tests.ui.synthetic_orders import order_json
from ui.callback_reminder import CallbackReminder

pytestmark = [pytest.mark.slow]

ME_ID = 3


def _due_callbacks(desk: Desk) -> list[dict[str, object]]:
    now = datetime.now(UTC)
    page = desk.api("/orders?status=callback&limit=500")
    return [
        order
        for order in page["items"]
        if order["callback_at"] and datetime.fromisoformat(order["callback_at"]) <= now
    ]


def test_the_reminder_names_only_my_due_callbacks(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None, softphone=False)
    desks.append(desk)
    me = desk.running.session.identity.user_id
    due = _due_callbacks(desk)
    mine = [order for order in due if order["owner_id"] == me]
    assert len(due) > len(mine), "the demo shop has colleagues' call-backs due"

    reminder = desk.window.reminder
    reminder.check()

    if not mine:
        assert not reminder.isVisibleTo(desk.window)
        return
    assert reminder.isVisibleTo(desk.window)
    assert reminder.text.text().startswith(f"{len(mine)} call-back")
    names = {str(order["customer"]["name"]) for order in mine}  # type: ignore[index]
    assert reminder.text.text().split("Next: ", 1)[1] in names


def test_a_colleagues_order_opens_read_only_with_the_reason(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    colleague = open_desk(qtbot, tmp_path, shop_server, None, username="agent2", softphone=False)
    desks.append(colleague)
    order_id = fresh_order(colleague)
    open_order(qtbot, colleague, order_id)
    desk = open_desk(qtbot, tmp_path, shop_server, None, softphone=False)
    desks.append(desk)
    window = desk.window
    # A previous action's success left the line green: the refusal must not stay green.
    window.wrapup.show_report(ActionReport("", None, "add_note", ActionState.ACCEPTED))
    assert window.wrapup.result.property("state") == "accepted"

    queue = window.queue
    qtbot.waitUntil(lambda: queue.model.row_of(order_id) >= 0, timeout=10_000)
    queue.select_order(order_id)
    queue.table.activated.emit(queue.model.index(queue.model.row_of(order_id), 0))

    result = window.wrapup.result
    reason = window.order.read_only
    # The order opens read-only: the order panel says why, by the colleague's name, and
    # every control that would change it is off with the same words in its tooltip.
    qtbot.waitUntil(
        lambda: reason.isVisibleTo(window) and colleague.me in reason.text(), timeout=10_000
    )
    assert result.property("state") != "accepted"  # a refusal is never shown as a success
    assert not window.wrapup.confirm.isEnabled()
    assert not window.wrapup.cancel.isEnabled()
    assert not window.wrapup.callback.isEnabled()
    assert window.wrapup.confirm.toolTip() == reason.text()
    workspace = desk.running.services.workspace
    detail = workspace.current
    assert detail is not None and detail.order_id == order_id
    assert not workspace.verdicts(detail).allowed(Act.EDIT)
    # The server's refusal arrives too: it keeps the order read-only, still in words.
    qtbot.waitUntil(lambda: workspace.claim_refusal(order_id) is not None, timeout=10_000)
    assert colleague.me in window.statusBar().currentMessage()
    assert not workspace.verdicts(detail).allowed(Act.EDIT)
    assert not window.wrapup.confirm.isEnabled()


@pytest.fixture
def callbacks_store(tmp_path: Path, qapp: QApplication) -> Iterator[StoreDatabase]:
    """A desk's store with due call-backs: mine, a colleague's, and one nobody owns."""
    db: StoreDatabase = open_store_database(tmp_path / "store.sqlite")
    sync_store = LocalSyncStore(db)
    sync_store.set_current_user(ME_ID, "agent1", "Khadija Alaoui")
    generation = sync_store.begin_full_resync()
    now = datetime.now(UTC)
    orders = []
    for order_id, owner, name in ((1, ME_ID, "Mine"), (2, 4, "Colleague"), (3, None, "Nobody")):
        order = order_json(order_id, random.Random(order_id), now)
        order["status"] = "callback"
        order["callback_at"] = (now - timedelta(minutes=10 * order_id)).isoformat()
        order["owner_id"] = owner
        order["customer"]["name"] = name
        orders.append(order)
    sync_store.store_resync_orders(generation, orders)
    sync_store.finish_full_resync(generation, 0)
    yield db
    db.dispose()


def _settings(db: StoreDatabase, **settings: object) -> None:
    LocalSyncStore(db).replace_reference_data(ReferenceData([], [], dict(settings), [], []))


def test_pool_callbacks_are_reminded_only_when_the_shop_says_so(
    qtbot: QtBot, callbacks_store: StoreDatabase
) -> None:
    sync = SyncEngine(
        LocalSyncStore(callbacks_store), "http://127.0.0.1:9", lambda: "t", use_event_stream=False
    )
    store = LocalStoreWorkspace(callbacks_store, sync, "Khadija Alaoui")
    repository = StoreQueueAdapter(StoreQueue(callbacks_store), "Khadija Alaoui")
    reminder = CallbackReminder(
        repository, include_unowned=lambda: store.shop_settings().remind_pool_callbacks
    )
    qtbot.addWidget(reminder)

    _settings(callbacks_store)
    reminder.check()
    assert reminder.text.text() == "1 call-back(s) due now. Next: Mine"

    _settings(callbacks_store, remind_pool_callbacks=True)
    reminder.check()
    assert reminder.text.text().startswith("2 call-back(s) due now. Next: ")
    assert reminder.text.text().rsplit(" ", 1)[1] in ("Mine", "Nobody")
