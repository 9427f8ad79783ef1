"""Migration 0005 and the local store's rescue and escalation columns: an upgraded
store shows what the server sent before, an agent's pending edits show at once, and
the role's limits come from the shop's settings."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.local_store import schema
from app.local_store.local_store import LocalStore
from app.local_store.local_sync_store import LocalSyncStore
from app.local_store.store_database import current_revision, open_store_database
from app.services.local_store_workspace import LocalStoreWorkspace
from core.wire.sync_ops import OpKind
from sync.sync_engine import SyncEngine
from sync.sync_store import OpOutcome
from tests.sync.order_factory import order_event, order_json

ESCALATION = {
    "reason": "special_authorisation",
    "text": "Remise de 20 % demandée",
    "by_id": 7,
    "by_name": "Amina",
    "at": "2026-11-23T09:30:00+00:00",
    "lead_id": 2,
}


def _workspace(store: LocalStore) -> LocalStoreWorkspace:
    # Never started: nothing here talks to a server.
    sync = SyncEngine(
        LocalSyncStore(store.database), "http://127.0.0.1:9", lambda: None, use_event_stream=False
    )
    return LocalStoreWorkspace(store.database, sync, "Amina")


def test_upgrade_to_0005_fills_the_columns_from_stored_orders(tmp_path: Path) -> None:
    path = tmp_path / "agent.sqlite3"
    old = open_store_database(path, revision="0004_queue_search")
    order = order_json(1)
    order.update(order_discount_pct="5.00", delivery_date="2026-11-30", escalation=ESCALATION)
    with old.writer.begin() as connection:
        # Only the columns revision 0004 has (the new ones have no default to add).
        connection.execute(
            schema.orders.insert().values(
                id=1,
                reference=order["reference"],
                status=order["status"],
                version=order["version"],
                created_at=order["created_at"],
                updated_at=order["updated_at"],
                payload=json.dumps(order),
            )
        )
    old.dispose()

    store = LocalStore.open(path)
    try:
        assert current_revision(store.database.writer) == "0005_order_extras"
        with store.database.reader.connect() as connection:
            row = (
                connection.execute(select(schema.orders).where(schema.orders.c.id == 1))
                .mappings()
                .one()
            )
        assert row["delivery_date"] == "2026-11-30"
        assert Decimal(row["order_discount_pct"]) == 5
        assert row["escalation_reason"] == "special_authorisation"
        assert row["escalated_at"] is not None
        detail = _workspace(store).order_detail(1)
        assert detail is not None
        assert detail.escalation is not None and detail.escalation.by == "Amina"
        assert detail.order_discount_pct == 5
    finally:
        store.close()


def test_pending_rescue_edits_show_before_the_server_answers(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "agent.sqlite3")
    try:
        store.sync.set_current_user(7, "agent1", "Amina")
        store.sync.apply_changes([order_event(1, order_json(1))], 1)
        workspace = _workspace(store)
        store.record_action(OpKind.SET_DELIVERY_DATE, 1, {"delivery_date": "2026-12-01"})
        store.record_action(
            OpKind.EDIT_LINES,
            1,
            {
                "lines": [{"article_ref": "SAC-01", "quantity": 1}],
                "order_discount_pct": "7.5",
            },
        )
        detail = workspace.order_detail(1)
        assert detail is not None
        assert detail.delivery_date is not None and detail.delivery_date.isoformat() == "2026-12-01"
        assert detail.order_discount_pct == Decimal("7.5")
        # The server's echo of an older version does not hide the pending values.
        store.sync.apply_changes([order_event(2, order_json(1))], 2)
        again = workspace.order_detail(1)
        assert again is not None and again.order_discount_pct == Decimal("7.5")
        assert again.delivery_date is not None

        # Refused (over the limit): the order shows the server's values again.
        pending = store.sync.pending_ops(10)
        store.sync.complete_ops(
            [
                OpOutcome(op.op_id, op.client_seq, "rejected", "delivery_date_over_limit")
                for op in pending
            ],
            [],
        )
        refused = workspace.order_detail(1)
        assert refused is not None
        assert refused.delivery_date is None and refused.order_discount_pct == 0
    finally:
        store.close()


def test_rescue_limits_come_from_the_shop_settings_with_defaults_per_role(
    tmp_path: Path,
) -> None:
    store = LocalStore.open(tmp_path / "agent.sqlite3")
    try:
        workspace = _workspace(store)
        assert workspace.rescue_limits("agent").max_order_discount_pct == 10
        assert workspace.rescue_limits("lead").max_delivery_delay_days == 30
        settings = {
            "rescue_limits": {"agent": {"max_line_discount_pct": "4", "free_delivery": False}}
        }
        with store.database.writer.begin() as connection:
            connection.execute(
                schema.meta.insert().values(key="settings", value=json.dumps(settings))
            )
        limits = workspace.rescue_limits("agent")
        assert limits.max_line_discount_pct == 4 and limits.free_delivery is False
        assert limits.max_delivery_delay_days == 7  # what the shop did not set keeps its default
    finally:
        store.close()
