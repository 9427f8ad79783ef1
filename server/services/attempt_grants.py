"""A lead grants one more contact attempt on an order beyond the shop's cap.

The rulebook reads ``extra_attempts`` into the order's cap (``Situation.attempt_cap``);
the grant is audited and published like every change of an order.
"""

from __future__ import annotations

from core.rulebook import Act
from core.wire.orders import OrderWire
from server.auth.principal import Principal
from server.db.session import Database
from server.services.audit import record_audit
from server.services.db_clock import db_now
from server.services.order_access import visible_order
from server.services.order_publish import publish_order
from server.services.order_rules import enforce
from server.services.order_views import order_wire
from server.services.settings_store import attempt_policy, load_settings


def grant_attempt(db: Database, principal: Principal, order_id: int) -> OrderWire:
    """One more attempt on ``order_id`` (403 for agents, 404 for another team's order)."""
    with db.write() as session:
        now = db_now(session)
        settings = load_settings(session)
        order = visible_order(
            session, principal, order_id, with_for_update=db.is_postgres, populate_existing=True
        )
        enforce(session, order, principal, Act.GRANT_ATTEMPT, now, settings)
        order.extra_attempts = (order.extra_attempts or 0) + 1
        order.version += 1
        order.updated_at = now
        record_audit(
            session,
            actor=principal,
            action="order.attempt_grant",
            entity="order",
            entity_id=order.id,
            at=now,
            detail={
                "version": order.version,
                "extra_attempts": order.extra_attempts,
                "attempts": order.attempt_count,
                "cap": settings.attempt_cap + order.extra_attempts,
            },
        )
        names = publish_order(session, order, now, principal.user_id)
        return order_wire(order, names, now=now, call_gap=attempt_policy(settings).call_gap)
