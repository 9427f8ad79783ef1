"""The rulebook's questions asked about an order row: one place builds the
``core.rulebook.Situation`` the server enforces on every path (ops, attempt
checks, claims, escalations, lead actions)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.order_status import OrderStatus
from core.rulebook import Act, OrderFacts, Situation, Standing, require, shop_rules
from core.wire.catalogue import SettingsWire
from server.auth.principal import Principal
from server.db.models_orders import OrderRow
from server.services.lease_clock import lease_valid
from server.services.users import display_names


def order_facts(order: OrderRow) -> OrderFacts:
    return OrderFacts(
        status=OrderStatus(order.status),
        attempts=order.attempt_count,
        contacts=order.contact_count,
        last_call_at=order.last_call_at,
        escalated=order.escalated_at is not None,
        extra_attempts=order.extra_attempts or 0,
        has_lines=bool(order.lines),
    )


def leases_held(session: Session, user_id: int, now: datetime) -> int:
    """Valid leases the user holds on open orders right now."""
    return int(
        session.execute(
            select(func.count())
            .select_from(OrderRow)
            .where(OrderRow.lease_holder_id == user_id, OrderRow.lease_expires_at > now)
        ).scalar_one()
    )


def situation_for(
    session: Session,
    order: OrderRow,
    principal: Principal,
    now: datetime,
    settings: SettingsWire,
    *,
    holds_lease: bool | None = None,
    count_leases: bool = False,
) -> Situation:
    """The rulebook's view of ``order`` for ``principal``.

    ``holds_lease``: whether the caller holds the lease under the epoch its request
    carries (the op path knows); by default, whether the caller is the recorded
    holder and nobody else took the order since (an expired lease nobody took is
    still the caller's).
    """
    me = principal.user_id
    if holds_lease is None:
        holds_lease = order.lease_holder_id == me
    held_by_other = lease_valid(order, now) and order.lease_holder_id != me
    owned_by_other = order.owner_id is not None and order.owner_id != me
    wanted = {i for i in (order.lease_holder_id, order.owner_id) if i is not None and i != me}
    names = display_names(session, wanted) if (held_by_other or owned_by_other) else {}
    standing = Standing(
        role=principal.role,
        same_team=principal.sees_team(order.team_id),
        holds_lease=holds_lease,
        held_by_other=held_by_other,
        owns=order.owner_id == me,
        owned_by_other=owned_by_other,
        leases_held=leases_held(session, me, now) if count_leases else 0,
        holder_name=names.get(order.lease_holder_id or 0),
        owner_name=names.get(order.owner_id or 0),
    )
    return Situation(order_facts(order), standing, shop_rules(settings), now)


def enforce(
    session: Session,
    order: OrderRow,
    principal: Principal,
    act: Act,
    now: datetime,
    settings: SettingsWire,
    **options: bool | None,
) -> Situation:
    """Raise the rulebook's refusal of ``act`` (a ``DomainError``); the situation otherwise."""
    situation = situation_for(session, order, principal, now, settings, **options)  # type: ignore[arg-type]
    require(situation, act)
    return situation
