"""Escalation of an order to the team lead: escalate, answer, take over."""

from __future__ import annotations

from fastapi import APIRouter

from core.wire.orders import EscalateRequest, EscalationAnswer, OrderWire
from server.api.deps import ERROR_RESPONSES, DbDep, PrincipalDep
from server.api.params import OrderId
from server.services.escalations import answer_escalation, escalate, take_escalation

router = APIRouter(prefix="/orders", tags=["escalations"], responses=ERROR_RESPONSES)


@router.post("/{order_id}/escalate", response_model=OrderWire)
def post_escalate(
    order_id: OrderId, body: EscalateRequest, db: DbDep, principal: PrincipalDep
) -> OrderWire:
    """Hand the order to the team lead (caller holds the lease or owns the order);
    409 ``already_escalated`` / ``order_closed`` / ``not_lease_holder``."""
    return escalate(db, principal, order_id, body)


@router.post("/{order_id}/escalation/answer", response_model=OrderWire)
def post_escalation_answer(
    order_id: OrderId, body: EscalationAnswer, db: DbDep, principal: PrincipalDep
) -> OrderWire:
    """The lead answers (a note); the order goes back to the agent who escalated it."""
    return answer_escalation(db, principal, order_id, body)


@router.post("/{order_id}/escalation/take", response_model=OrderWire)
def post_escalation_take(order_id: OrderId, db: DbDep, principal: PrincipalDep) -> OrderWire:
    """The lead takes the order over: owner and lease holder."""
    return take_escalation(db, principal, order_id)
