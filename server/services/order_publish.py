"""Publishing an order's new state to the change log (pull + SSE)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from core.wire.changes import ChangeEntity
from server.db.models_orders import OrderRow
from server.services.change_log import append_change
from server.services.order_views import names_for_orders, order_wire


def publish_order(
    session: Session, order: OrderRow, at: datetime, user_id: int | None
) -> dict[int, str]:
    """Append the order as it is now (lines, lease, owner) to the change log.

    Returns the holder / owner display names it looked up, so a caller that
    answers with the order too does not query them again.
    """
    session.flush()
    names = names_for_orders(session, [order])
    payload = order_wire(order, names).model_dump(mode="json")
    append_change(
        session,
        entity=ChangeEntity.ORDER,
        entity_id=order.id,
        payload=payload,
        at=at,
        team_id=order.team_id,
        user_id=user_id,
    )
    return names
