"""Loading an order the caller may see: one rule for every route and service."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from server.auth.principal import Principal
from server.db.models_orders import OrderRow
from server.services.errors import not_found


def visible_order(
    session: Session, principal: Principal, order_id: int, **get_options: Any
) -> OrderRow:
    """The order, or 404 ``not_found`` when it is missing or in another team
    (the same answer both ways, so ids of other teams' orders don't leak).
    ``get_options`` go to ``Session.get`` (row locks, refresh)."""
    order = session.get(OrderRow, order_id, **get_options)
    if order is None or not principal.sees_team(order.team_id):
        raise not_found("order", order_id)
    return order
