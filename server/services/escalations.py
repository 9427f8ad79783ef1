"""Escalation: an agent hands an order to the team lead (complex case, complaint,
an authorisation beyond the agent's rights) and the lead answers or takes it over.

While an order is escalated agents cannot claim it (only leads and admins), nor
close it; the lead's answer becomes a note and gives the order back to the agent
who escalated it. Every step writes an audit row and publishes the order (so the
wallboard and the desks update live).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from core.order_status import OrderStatus
from core.rulebook import Act
from core.wire.orders import EscalateRequest, EscalationAnswer, OrderWire
from server.auth.principal import Principal
from server.db.models_orders import OrderRow
from server.db.models_users import Team
from server.db.session import Database
from server.services.audit import record_audit
from server.services.db_clock import db_now
from server.services.lease_clock import drop_lease, lease_expiry, lease_valid
from server.services.order_access import visible_order
from server.services.order_actions import add_note, clear_escalation
from server.services.order_publish import publish_order
from server.services.order_rules import enforce
from server.services.order_views import order_wire
from server.services.settings_store import attempt_policy, load_settings


def _finish(
    session: Session,
    principal: Principal,
    order: OrderRow,
    now: datetime,
    action: str,
    detail: dict[str, object],
) -> OrderWire:
    """Version, audit row and change log entry of one escalation step; the order's wire."""
    order.version += 1
    order.updated_at = now
    record_audit(
        session,
        actor=principal,
        action=f"order.{action}",
        entity="order",
        entity_id=order.id,
        at=now,
        detail={"version": order.version, "status": order.status, **detail},
    )
    names = publish_order(session, order, now, principal.user_id)
    call_gap = attempt_policy(load_settings(session)).call_gap
    return order_wire(order, names, now=now, call_gap=call_gap)


def escalate(
    db: Database, principal: Principal, order_id: int, request: EscalateRequest
) -> OrderWire:
    """Hand the order to the lead of its team; the caller's lease ends."""
    with db.write() as session:
        now = db_now(session)
        order = visible_order(
            session, principal, order_id, with_for_update=db.is_postgres, populate_existing=True
        )
        holds = lease_valid(order, now) and order.lease_holder_id == principal.user_id
        enforce(
            session, order, principal, Act.ESCALATE, now, load_settings(session), holds_lease=holds
        )
        team = session.get(Team, order.team_id) if order.team_id is not None else None
        order.escalation_reason = request.reason.value
        order.escalation_text = request.text.strip()
        order.escalated_by_id = principal.user_id
        order.escalated_at = now
        order.escalation_lead_id = team.lead_id if team else None
        if order.owner_id is None:
            # The answer comes back to whoever asked.
            order.owner_id = principal.user_id
            if order.status == OrderStatus.UNASSIGNED.value:
                order.status = OrderStatus.ASSIGNED.value
        if order.lease_holder_id == principal.user_id:
            drop_lease(order)
        return _finish(
            session,
            principal,
            order,
            now,
            "escalate",
            {
                "reason": request.reason.value,
                "text": order.escalation_text[:200],
                "lead_id": order.escalation_lead_id,
            },
        )


def _escalated_order_for_lead(
    session: Session, db: Database, principal: Principal, order_id: int, now: datetime
) -> OrderRow:
    """The escalated order, if the caller may answer it: the rulebook's answer (403
    for an agent, the same 404 as a missing order for another team's lead, 409
    ``not_escalated`` when nothing waits)."""
    order = visible_order(
        session, principal, order_id, with_for_update=db.is_postgres, populate_existing=True
    )
    enforce(session, order, principal, Act.ANSWER_ESCALATION, now, load_settings(session))
    return order


def answer_escalation(
    db: Database, principal: Principal, order_id: int, answer: EscalationAnswer
) -> OrderWire:
    """The lead's answer becomes a note; the order goes back to the agent who asked."""
    with db.write() as session:
        now = db_now(session)
        order = _escalated_order_for_lead(session, db, principal, order_id, now)
        agent_id = order.escalated_by_id
        clear_escalation(order)
        add_note(session, order, principal, answer.text, None, now)  # owner set below
        order.owner_id = agent_id
        if order.status == OrderStatus.UNASSIGNED.value and agent_id is not None:
            order.status = OrderStatus.ASSIGNED.value
        if order.lease_holder_id is not None and order.lease_holder_id != agent_id:
            # Whoever looked at it meanwhile steps aside; the new epoch fences them off.
            drop_lease(order)
            order.lease_epoch += 1
        return _finish(
            session,
            principal,
            order,
            now,
            "escalation_answer",
            {"agent_id": agent_id, "text": answer.text[:200]},
        )


def take_escalation(db: Database, principal: Principal, order_id: int) -> OrderWire:
    """The lead takes the order over: owner and lease holder now."""
    with db.write() as session:
        now = db_now(session)
        order = _escalated_order_for_lead(session, db, principal, order_id, now)
        agent_id = order.escalated_by_id
        clear_escalation(order)
        order.owner_id = principal.user_id
        if order.status == OrderStatus.UNASSIGNED.value:
            order.status = OrderStatus.ASSIGNED.value
        if not (lease_valid(order, now) and order.lease_holder_id == principal.user_id):
            order.lease_holder_id = principal.user_id
            order.lease_epoch += 1
            order.lease_claimed_at = now
        order.lease_expires_at = lease_expiry(now, load_settings(session).lease_seconds)
        return _finish(
            session,
            principal,
            order,
            now,
            "escalation_take",
            {"agent_id": agent_id, "epoch": order.lease_epoch},
        )
