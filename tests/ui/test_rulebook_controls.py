"""The workspace window enables every control from core.rulebook's answer and says
why not: Dial, the phone buttons, WhatsApp and SMS when the attempt cap is reached,
inside the call gap (and again by themselves once it passed), or on a colleague's
order; a lead's "one more attempt". A real local store holds the order; no server
answers (port 9), so the desk decides from the rulebook with its local counts."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select

from app.local_store import schema
from app.local_store.local_sync_store import LocalSyncStore
from app.local_store.store_database import StoreDatabase
from app.services.local_store_workspace import LocalStoreWorkspace
from app.services.operations import OperationRunner
from app.services.workspace_service import WorkspaceService
from tests.sync.order_factory import order_event
from tests.ui.test_order_editing import (  # noqa: F401 (fixtures)
    ME,
    _window,
    database,
    local_store,
    workspace,
)
from ui.main_window import WorkspaceWindow


def _change_order(store: StoreDatabase, seq: int, **fields: Any) -> None:
    """The order as the server would send it after ``fields`` changed."""
    payload = json.loads(
        store.reader.connect().execute(select(schema.orders.c.payload)).scalar_one()
    )
    payload["version"] += 1
    payload.update(fields)
    LocalSyncStore(store).apply_changes([order_event(seq, payload)], seq)


def _open(
    qtbot: QtBot, service: WorkspaceService, store: StoreDatabase,
    local: LocalStoreWorkspace,
) -> WorkspaceWindow:
    window = _window(service, store, local, frozenset({"escalate"}))
    qtbot.addWidget(window)
    service.open_order(1)
    assert window.order.phone_buttons
    return window


def _contact_controls(window: WorkspaceWindow) -> list[Any]:
    bar = window.call_bar
    return [bar.dial_button, bar.whatsapp_button, bar.sms_button, *window.order.phone_buttons]


def test_capped_order_offers_no_call_and_no_message_and_says_why(
    qtbot: QtBot, workspace: WorkspaceService, database: StoreDatabase,  # noqa: F811
    local_store: LocalStoreWorkspace,  # noqa: F811
) -> None:
    _change_order(database, 2, attempt_count=4, contact_count=0)
    window = _open(qtbot, workspace, database, local_store)
    reason = (
        "The order already had 4 contact attempts (the limit is 4): mark it unreachable "
        "or ask your team lead."
    )
    for control in _contact_controls(window):
        assert not control.isEnabled()
        assert control.toolTip() == reason
    assert window.call_bar.attempt_label.text() == "All 4 attempts used"
    # Ctrl+W asks first: nothing opens, the reason is where the agent looks.
    window.findChild(type(window.escalate_action), "action_whatsapp").trigger()
    assert window.dialogs.dialogs == []
    assert window.wrapup.result.text() == reason
    # A new call would not be there either after the softphone's state changes.
    window.call_bar.show_call(None)
    assert not window.call_bar.dial_button.isEnabled()


def test_inside_the_call_gap_dial_waits_and_comes_back_by_itself(
    qtbot: QtBot, workspace: WorkspaceService, database: StoreDatabase,  # noqa: F811
    local_store: LocalStoreWorkspace,  # noqa: F811
) -> None:
    # The shop's gap is 10 minutes: the last call ends its gap three seconds from now.
    last_call = datetime.now(UTC) - timedelta(minutes=10) + timedelta(seconds=3)
    _change_order(
        database, 2, attempt_count=1, last_call_at=last_call.isoformat()
    )
    window = _open(qtbot, workspace, database, local_store)
    bar = window.call_bar
    assert not bar.dial_button.isEnabled()
    assert bar.dial_button.toolTip().startswith(
        "This customer was called less than 10 minutes ago: the next call is possible from "
    )
    assert all(not b.isEnabled() for b in window.order.phone_buttons)
    assert bar.gap_label.text().startswith("Next call from ")
    # Messages have no gap.
    assert bar.whatsapp_button.isEnabled() and bar.sms_button.isEnabled()
    qtbot.waitUntil(bar.dial_button.isEnabled, timeout=8_000)
    assert all(b.isEnabled() for b in window.order.phone_buttons)
    assert bar.dial_button.toolTip() == "Call (F5)"
    assert bar.gap_label.text() == ""


def test_a_colleagues_order_is_read_only_and_cannot_be_contacted(
    qtbot: QtBot, workspace: WorkspaceService, database: StoreDatabase,  # noqa: F811
    local_store: LocalStoreWorkspace,  # noqa: F811
) -> None:
    with database.writer.begin() as connection:
        connection.execute(delete(schema.held_leases))
    colleague = {
        "order_id": 1, "holder_id": 5, "holder_name": "Samira (agent2)", "epoch": 2,
        "expires_at": (datetime.now(UTC) + timedelta(minutes=5)).isoformat(),
    }
    # Same display name as mine would not fool it: identity is the user id.
    _change_order(database, 2, lease=colleague, lease_epoch=2, owner_id=5, owner_name=ME)
    window = _open(qtbot, workspace, database, local_store)
    held = "This order is now held by Samira (agent2)."
    for control in _contact_controls(window):
        assert not control.isEnabled()
        assert control.toolTip() == held
    wrapup = window.wrapup
    for button in (wrapup.confirm, wrapup.cancel, wrapup.callback, wrapup.unreachable,
                   wrapup.duplicate, wrapup.erroneous, wrapup.add_note):
        assert not button.isEnabled()
        assert button.toolTip() == held
    panel = window.order
    assert panel.address.isReadOnly() and not panel.city.isEnabled()
    assert not panel.set_delivery_date.isEnabled()
    assert panel.read_only.isVisibleTo(panel) and panel.read_only.text() == held
    assert panel.holder.text() == "Held by Samira (agent2)"
    assert not window.escalate_action.isEnabled()


def test_confirm_waits_for_a_contact_and_an_inbound_answered_call_is_one(
    qtbot: QtBot, workspace: WorkspaceService, database: StoreDatabase,  # noqa: F811
    local_store: LocalStoreWorkspace,  # noqa: F811
) -> None:
    window = _open(qtbot, workspace, database, local_store)
    confirm = window.wrapup.confirm
    assert not confirm.isEnabled()
    assert confirm.toolTip() == (
        "Contact the customer (call, WhatsApp or SMS) before confirming the order."
    )
    phone = window.order.detail.phones[0] if window.order.detail else ""
    workspace.record_journal(
        1,
        {
            "id": str(uuid.uuid4()), "order_id": 1, "channel": "call", "kind": "call",
            "direction": "inbound", "number": phone,
            "started_at": (datetime.now(UTC) - timedelta(minutes=1)).isoformat(),
            "ring_seconds": 2.0, "talk_seconds": 30.0, "outcome": "answered",
        },
    )
    assert confirm.isEnabled()
    # An inbound call is no attempt: the cap and the gap are untouched.
    assert window.call_bar.attempt_label.text() == "Attempt 1 of 4"
    assert window.call_bar.dial_button.toolTip() == "Call (F5)"


def test_the_grant_control_is_a_leads(
    qtbot: QtBot, database: StoreDatabase, local_store: LocalStoreWorkspace,  # noqa: F811
) -> None:
    _change_order(database, 2, attempt_count=4)
    for role, shown in (("agent", False), ("lead", True)):
        service = WorkspaceService(local_store, OperationRunner(), ME, role=role)
        window = _open(qtbot, service, database, local_store)
        grant = window.order.grant_attempt
        assert grant.isVisibleTo(window.order) is shown
        if shown:
            assert grant.isEnabled()
            assert "4 so far, limit 4" in grant.toolTip()


def test_offline_the_desk_decides_from_the_rulebook_with_its_own_unpushed_attempts(
    qtbot: QtBot, workspace: WorkspaceService, database: StoreDatabase,  # noqa: F811
    local_store: LocalStoreWorkspace,  # noqa: F811
) -> None:
    # The server counted 3 attempts; the desk then made one more it could not push.
    _change_order(database, 2, attempt_count=3)
    window = _open(qtbot, workspace, database, local_store)
    whatsapp = window.findChild(type(window.escalate_action), "action_whatsapp")
    whatsapp.trigger()  # the server cannot be reached: the rulebook lets it go
    qtbot.waitUntil(lambda: len(window.dialogs.dialogs) == 1, timeout=10_000)
    assert window.call_bar.attempt_label.text() == "Attempt 4 of 4"
    phone = window.order.detail.phones[0] if window.order.detail else ""
    workspace.record_journal(
        1,
        {
            "id": str(uuid.uuid4()), "order_id": 1, "channel": "sms", "kind": "message",
            "direction": "outbound", "number": phone,
            "started_at": datetime.now(UTC).isoformat(), "outcome": "message_sent",
        },
    )
    # 3 counted by the server + 1 waiting in the outbox: the cap is reached here too.
    assert window.call_bar.attempt_label.text() == "All 4 attempts used"
    assert not window.call_bar.sms_button.isEnabled()
    whatsapp.trigger()
    assert len(window.dialogs.dialogs) == 1
    assert window.wrapup.result.text().startswith("The order already had 4 contact attempts")
