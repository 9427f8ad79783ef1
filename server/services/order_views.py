"""Turning order rows into wire models (the one place that knows both shapes)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from core.wire.orders import (
    CustomerWire,
    EscalationReason,
    EscalationWire,
    LeaseInfo,
    NoteWire,
    OrderLineWire,
    OrderWire,
)
from server.db.models_orders import NoteRow, OrderRow
from server.services.users import display_names


def lease_info(order: OrderRow, names: dict[int, str]) -> LeaseInfo | None:
    if order.lease_holder_id is None or order.lease_expires_at is None:
        return None
    return LeaseInfo(
        order_id=order.id,
        holder_id=order.lease_holder_id,
        holder_name=names.get(order.lease_holder_id, "?"),
        epoch=order.lease_epoch,
        expires_at=order.lease_expires_at,
        claimed_at=order.lease_claimed_at,
        order_reference=order.reference,
    )


def escalation_wire(order: OrderRow, names: dict[int, str]) -> EscalationWire | None:
    """The open escalation of the order, or None."""
    if (
        order.escalated_at is None
        or order.escalated_by_id is None
        or order.escalation_reason is None
    ):
        return None
    return EscalationWire(
        reason=EscalationReason(order.escalation_reason),
        text=order.escalation_text or "",
        by_id=order.escalated_by_id,
        by_name=names.get(order.escalated_by_id, "?"),
        at=order.escalated_at,
        lead_id=order.escalation_lead_id,
    )


def order_wire(
    order: OrderRow,
    names: dict[int, str],
    *,
    now: datetime | None = None,
    call_gap: timedelta | None = None,
) -> OrderWire:
    """The wire form; an expired lease is shown as no lease when ``now`` is given."""
    lease = lease_info(order, names)
    if lease is not None and now is not None and lease.expires_at <= now:
        lease = None
    next_call = None
    if order.last_call_at is not None and call_gap is not None:
        next_call = order.last_call_at + call_gap
    return OrderWire(
        id=order.id,
        reference=order.reference,
        created_at=order.created_at,
        updated_at=order.updated_at,
        customer=CustomerWire(
            name=order.customer_name,
            phones=list(order.phones or []),
            email=order.email,
            address=order.address,
            city=order.city,
        ),
        lines=[
            OrderLineWire(
                id=line.id,
                article_ref=line.article_ref,
                article_name=line.article_name,
                color=line.color,
                size=line.size,
                quantity=line.quantity,
                unit_price=line.unit_price,
                upsell=line.upsell,
                discount_pct=line.discount_pct,
                line_total=line.line_total,
            )
            for line in order.lines
        ],
        delivery_fee=order.delivery_fee,
        subtotal=order.subtotal,
        discount=order.discount,
        total=order.total,
        upsell_tier=order.upsell_tier,
        status=order.status,
        version=order.version,
        lease=lease,
        lease_epoch=order.lease_epoch,
        owner_id=order.owner_id,
        owner_name=names.get(order.owner_id) if order.owner_id else None,
        team_id=order.team_id,
        tags=sorted(order.tags or []),
        attempt_count=order.attempt_count,
        contact_count=order.contact_count,
        extra_attempts=order.extra_attempts or 0,
        last_call_at=order.last_call_at,
        next_call_allowed_at=next_call,
        callback_at=order.callback_at,
        cancel_reason=order.cancel_reason,
        source=order.source,
        possible_duplicate_of=order.possible_duplicate_of,
        imported_operator=order.imported_operator,
        order_discount_pct=order.order_discount_pct,
        delivery_date=order.delivery_date,
        escalation=escalation_wire(order, names),
    )


def names_for_orders(session: Session, orders: list[OrderRow]) -> dict[int, str]:
    ids: set[int] = set()
    for order in orders:
        if order.lease_holder_id:
            ids.add(order.lease_holder_id)
        if order.owner_id:
            ids.add(order.owner_id)
        if order.escalated_by_id:
            ids.add(order.escalated_by_id)
    return display_names(session, ids)


def orders_wire(session: Session, orders: list[OrderRow], now: datetime) -> list[OrderWire]:
    names = names_for_orders(session, orders)
    return [order_wire(order, names, now=now) for order in orders]


def note_wire(note: NoteRow, author_name: str) -> NoteWire:
    return NoteWire(
        id=note.id,
        order_id=note.order_id,
        author_id=note.author_id,
        author_name=author_name,
        text=note.text,
        predefined_code=note.predefined_code,
        created_at=note.created_at,
    )
