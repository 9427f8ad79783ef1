"""Server-shaped order JSON (``OrderWire``) and change events for local-store tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from core.wire.changes import ChangeEvent

BASE_TIME = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def order_json(order_id: int, **overrides: Any) -> dict[str, Any]:
    created = BASE_TIME + timedelta(minutes=order_id)
    order: dict[str, Any] = {
        "id": order_id,
        "reference": f"CMD-{order_id:06d}",
        "created_at": created.isoformat(),
        "updated_at": created.isoformat(),
        "customer": {
            "name": f"Client {order_id}",
            "phones": [f"+2126{order_id:08d}"],
            "address": f"{order_id} rue des Fleurs",
            "city": "Casablanca" if order_id % 2 else "Fès",
        },
        "lines": [],
        "delivery_fee": "30.00",
        "subtotal": "219.00",
        "total": f"{200 + order_id % 97}.00",
        "status": "unassigned",
        "version": 1,
        "lease": None,
        "lease_epoch": 0,
        "owner_id": None,
        "owner_name": None,
        "team_id": 1,
        "tags": [],
        "attempt_count": 0,
        "contact_count": 0,
    }
    order.update(overrides)
    return order


def order_event(seq: int, order: dict[str, Any], at: datetime | None = None) -> ChangeEvent:
    return ChangeEvent(
        seq=seq,
        entity="order",
        entity_id=str(order["id"]),
        at=at or BASE_TIME,
        payload=order,
    )
