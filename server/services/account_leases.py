"""Leases of a user whose account ends: handed back at once.

A deactivated agent's desk can no longer heartbeat, so its leases would only
lapse after the lease length; releasing them now puts those orders back in the
pool for the rest of the team. The ownership of the orders is kept (a lead
reassigns them if need be); the lease epoch rises, as on a lead's reassignment,
so nothing the old holder's desk still has queued can land.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.models_orders import OrderRow
from server.services.order_publish import publish_order


def release_leases_of(session: Session, user_id: int, now: datetime, actor_id: int | None) -> int:
    """Release every lease ``user_id`` holds; how many there were."""
    held = list(
        session.execute(
            select(OrderRow).where(OrderRow.lease_holder_id == user_id).with_for_update()
        ).scalars()
    )
    for order in held:
        order.lease_holder_id = None
        order.lease_expires_at = None
        order.lease_claimed_at = None
        order.lease_epoch += 1
        publish_order(session, order, now, actor_id)
    return len(held)
