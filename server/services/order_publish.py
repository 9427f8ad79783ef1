"""Publishing an order's new state to the change log (pull + SSE)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from core.wire.changes import ChangeEntity
from server.db.models_orders import OrderRow
from server.services.change_log import append_change
from server.services.order_views import names_for_orders, order_wire


def publish_order(session: Session, order: OrderRow, at: datetime, user_id: int | None) -> None:
    """Append the order as it is now (lines, lease, owner) to the change log."""
    session.flush()
    payload = order_wire(order, names_for_orders(session, [order])).model_dump(mode="json")
    append_change(
        session,
        entity=ChangeEntity.ORDER,
        entity_id=order.id,
        payload=payload,
        at=at,
        team_id=order.team_id,
        user_id=user_id,
    )
