"""Claims (leases) on orders: claim one, claim the next best, heartbeat, release,
reassign. Every decision is one conditional UPDATE on the database clock.

- claim: ``UPDATE ... WHERE id = :id AND open AND (holder IS NULL OR holder = me
  OR expires_at <= now)`` — of many concurrent claimers exactly one matches
  (PostgreSQL re-checks the condition after the row lock; SQLite runs writers
  one at a time under ``BEGIN IMMEDIATE``).
- claim-next: the same UPDATE whose ``id`` is a sub-select of the best candidate
  (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so concurrent agents take different
  orders instead of queueing on one): one statement, ``RETURNING`` the order.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, literal, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from core.order_status import OPEN_STATUSES, OrderStatus
from core.order_transitions import Role
from core.queue_priority_sql import QueueColumns, queue_order_by
from core.rulebook import Act, Situation, lease_cap_refusal, require, shop_rules
from core.wire.catalogue import SettingsWire
from core.wire.leases import (
    ClaimNextResult,
    ClaimResult,
    HeartbeatResult,
    LeaseRef,
    LostLease,
    ReleaseResult,
)
from core.wire.orders import LeaseInfo
from server.auth.principal import Principal
from server.db.base import UtcDateTime
from server.db.models_orders import OrderRow
from server.db.models_users import User
from server.db.session import Database
from server.services.audit import record_audit
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.lease_clock import drop_lease, lease_expiry, lease_valid
from server.services.order_access import visible_order
from server.services.order_actions import clear_escalation
from server.services.order_publish import publish_order
from server.services.order_rules import enforce, leases_held, situation_for
from server.services.order_views import lease_info, order_wire
from server.services.presence import touch_presence
from server.services.settings_store import attempt_policy, load_settings
from server.services.users import display_names

OPEN_VALUES = sorted(status.value for status in OPEN_STATUSES)


def _team_filter(principal: Principal) -> ColumnElement[bool]:
    if principal.is_admin:
        return OrderRow.id.is_not(None)
    return or_(OrderRow.team_id == principal.team_id, OrderRow.team_id.is_(None))


def _claimable(principal: Principal, now: datetime) -> ColumnElement[bool]:
    conditions = [
        OrderRow.status.in_(OPEN_VALUES),
        _team_filter(principal),
        or_(
            OrderRow.lease_holder_id.is_(None),
            OrderRow.lease_holder_id == principal.user_id,
            OrderRow.lease_expires_at <= now,
        ),
    ]
    if principal.role == Role.AGENT:
        conditions.append(or_(OrderRow.owner_id.is_(None), OrderRow.owner_id == principal.user_id))
        # An escalated order waits for the lead; agents neither open nor get it next.
        conditions.append(OrderRow.escalated_at.is_(None))
    return and_(*conditions)


def _take_lease_of(
    session: Session,
    principal: Principal,
    order_id: int | ColumnElement[Any],
    now: datetime,
    lease_seconds: int,
) -> int | None:
    """The conditional UPDATE of the order ``order_id`` (a number, or the sub-select
    that picks one); the order's id when the caller now holds it."""
    still_mine = and_(
        OrderRow.lease_holder_id == principal.user_id, OrderRow.lease_expires_at > now
    )
    new_epoch = case((still_mine, OrderRow.lease_epoch), else_=OrderRow.lease_epoch + 1)
    claimed_at = case(
        (still_mine, OrderRow.lease_claimed_at), else_=literal(now, type_=UtcDateTime())
    )
    taken = session.execute(
        update(OrderRow)
        .where(OrderRow.id == order_id, _claimable(principal, now))
        .values(
            lease_holder_id=principal.user_id,
            lease_epoch=new_epoch,
            lease_claimed_at=claimed_at,
            lease_expires_at=lease_expiry(now, lease_seconds),
        )
        .returning(OrderRow.id)
        .execution_options(synchronize_session=False)
    ).scalar()
    return int(taken) if taken is not None else None


def _take_lease(
    session: Session, principal: Principal, order_id: int, now: datetime, lease_seconds: int
) -> bool:
    """The conditional UPDATE; True when the caller now holds the order."""
    return _take_lease_of(session, principal, order_id, now, lease_seconds) is not None


# What a conditional lease UPDATE changes; reloading just these after it avoids
# reloading the order's lines (a second query) on every claim and release.
_LEASE_COLUMNS = ["lease_holder_id", "lease_epoch", "lease_expires_at", "lease_claimed_at"]


def _claim_result(
    order: OrderRow, now: datetime, names: dict[int, str], settings: SettingsWire
) -> ClaimResult:
    lease = lease_info(order, names)
    assert lease is not None
    call_gap = attempt_policy(settings).call_gap
    return ClaimResult(order=order_wire(order, names, now=now, call_gap=call_gap), lease=lease)


def _lock_claimer(session: Session, db: Database, principal: Principal) -> None:
    """PostgreSQL: one claim at a time per agent, so two concurrent claims of one agent
    cannot both pass the lease cap (SQLite runs writers one at a time anyway)."""
    if db.is_postgres:
        session.execute(select(User.id).where(User.id == principal.user_id).with_for_update())


def _claim_situation(
    session: Session, principal: Principal, order: OrderRow, now: datetime, settings: SettingsWire
) -> Situation:
    holds = lease_valid(order, now) and order.lease_holder_id == principal.user_id
    return situation_for(
        session, order, principal, now, settings, holds_lease=holds, count_leases=True
    )


def _lease_length(settings: SettingsWire, asked: int | None) -> int:
    """The server's lease length; a desk may ask for a shorter one, never a longer one."""
    return min(asked, settings.lease_seconds) if asked else settings.lease_seconds


def claim_order(
    db: Database, principal: Principal, order_id: int, lease_seconds: int | None = None
) -> ClaimResult:
    """Claim one order: the rulebook's answer (409 ``lease_held`` with the holder's
    name, ``lease_cap_reached``...); the lease length is the server's."""
    with db.write() as session:
        now = db_now(session)
        settings = load_settings(session)
        seconds = _lease_length(settings, lease_seconds)
        _lock_claimer(session, db, principal)
        order = visible_order(session, principal, order_id)
        require(_claim_situation(session, principal, order, now, settings), Act.CLAIM)
        if not _take_lease(session, principal, order_id, now, seconds):
            # Lost a race after the check: the rulebook says why, on the fresh row.
            session.refresh(order)
            require(_claim_situation(session, principal, order, now, settings), Act.CLAIM)
            raise ServiceError(409, "not_claimable", "This order cannot be claimed now.")
        session.refresh(order, attribute_names=_LEASE_COLUMNS)
        record_audit(
            session,
            actor=principal,
            action="order.claim",
            entity="order",
            entity_id=order_id,
            at=now,
            detail={"epoch": order.lease_epoch},
        )
        names = publish_order(session, order, now, principal.user_id)
        return _claim_result(order, now, names, settings)


_QUEUE_COLUMNS = QueueColumns(
    status=OrderRow.status,
    callback_at=OrderRow.callback_at,
    attempt_count=OrderRow.attempt_count,
    total=OrderRow.total,
    created_at=OrderRow.created_at,
    reference=OrderRow.reference,
    owner_id=OrderRow.owner_id,
)


def queue_order(now: datetime, principal: Principal) -> list[Any]:
    """Best first, as ``core.queue_priority`` (written once in ``core.queue_priority_sql``).
    Leads and admins get the escalated orders first, the longest waiting first."""
    order = queue_order_by(_QUEUE_COLUMNS, now, principal.user_id)
    if principal.is_supervisor:
        # A lead's first job is the orders waiting for an answer, oldest first.
        waiting = case((OrderRow.escalated_at.is_not(None), 0), else_=1)
        return [waiting, OrderRow.escalated_at.asc().nulls_last(), *order, OrderRow.id]
    return [*order, OrderRow.id]


def claim_next(
    db: Database,
    principal: Principal,
    lease_seconds: int | None = None,
    exclude: list[int] | None = None,
) -> ClaimNextResult:
    """Claim the best order the caller may take; empty result when none is left,
    409 ``lease_cap_reached`` when the agent already holds as many as it may."""
    with db.write() as session:
        now = db_now(session)
        settings = load_settings(session)
        seconds = _lease_length(settings, lease_seconds)
        _lock_claimer(session, db, principal)
        capped = lease_cap_refusal(
            principal.role, leases_held(session, principal.user_id, now), shop_rules(settings)
        )
        if capped is not None:
            raise capped
        candidate = (
            select(OrderRow.id)
            .where(
                _claimable(principal, now),
                # The desk already has the orders it holds; give it a new one.
                or_(
                    OrderRow.lease_holder_id.is_(None),
                    OrderRow.lease_holder_id != principal.user_id,
                    OrderRow.lease_expires_at <= now,
                ),
                # Callbacks not due yet wait for their time.
                or_(
                    OrderRow.status != OrderStatus.CALLBACK.value,
                    OrderRow.callback_at.is_(None),
                    OrderRow.callback_at <= now,
                ),
            )
            .order_by(*queue_order(now, principal))
            .limit(1)
        )
        if exclude:
            candidate = candidate.where(OrderRow.id.not_in(exclude))
        if db.is_postgres:
            # Concurrent agents take different orders instead of queueing on one.
            candidate = candidate.with_for_update(skip_locked=True, of=OrderRow)
        # One statement picks the best order and takes its lease: the candidate is
        # locked by the sub-select (PostgreSQL) or nobody else writes (SQLite,
        # BEGIN IMMEDIATE), so it cannot be lost between the two.
        order_id = _take_lease_of(session, principal, candidate.scalar_subquery(), now, seconds)
        if order_id is None:
            return ClaimNextResult()
        # First load of this order in the session: it already shows the new lease.
        order = session.get(OrderRow, order_id)
        assert order is not None
        record_audit(
            session,
            actor=principal,
            action="order.claim",
            entity="order",
            entity_id=order_id,
            at=now,
            detail={"epoch": order.lease_epoch, "next": True},
        )
        names = publish_order(session, order, now, principal.user_id)
        result = _claim_result(order, now, names, settings)
        return ClaimNextResult(order=result.order, lease=result.lease)


def heartbeat(
    db: Database, principal: Principal, leases: list[LeaseRef], lease_seconds: int | None = None
) -> HeartbeatResult:
    """Renew the caller's leases; report each one it lost (and to whom)."""
    renewed: list[LeaseInfo] = []
    lost: list[LostLease] = []
    with db.write() as session:
        now = db_now(session)
        seconds = _lease_length(load_settings(session), lease_seconds)
        expires = lease_expiry(now, seconds)
        for ref in leases:
            result = session.execute(
                update(OrderRow)
                .where(
                    OrderRow.id == ref.order_id,
                    OrderRow.lease_holder_id == principal.user_id,
                    OrderRow.lease_epoch == ref.epoch,
                    OrderRow.status.in_(OPEN_VALUES),
                )
                .values(lease_expires_at=expires)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount:  # type: ignore[attr-defined]
                renewed.append(
                    LeaseInfo(
                        order_id=ref.order_id,
                        holder_id=principal.user_id,
                        holder_name=principal.display_name,
                        epoch=ref.epoch,
                        expires_at=expires,
                    )
                )
                continue
            order = session.get(OrderRow, ref.order_id)
            if order is not None and not principal.sees_team(order.team_id):
                order = None  # another team's order: the same answer as a missing one
            holder_name = None
            if order is not None and order.lease_holder_id and lease_valid(order, now):
                holder_name = display_names(session, {order.lease_holder_id}).get(
                    order.lease_holder_id
                )
            lost.append(
                LostLease(
                    order_id=ref.order_id,
                    code="lease_lost" if order is not None else "not_found",
                    message=(
                        f"{holder_name} has this order now."
                        if holder_name
                        else "Your reservation of this order ended."
                    ),
                    holder_id=order.lease_holder_id if holder_name and order else None,
                    holder_name=holder_name,
                )
            )
        touch_presence(session, principal.user_id, now)
        if renewed:
            record_audit(
                session,
                actor=principal,
                action="lease.heartbeat",
                entity="lease",
                entity_id=principal.user_id,
                at=now,
                detail={"orders": [lease.order_id for lease in renewed]},
            )
    return HeartbeatResult(renewed=renewed, lost=lost)


def release(db: Database, principal: Principal, order_id: int, epoch: int | None) -> ReleaseResult:
    """Give the order back. Agents release their own lease (by epoch); leads and
    admins may release anybody's."""
    with db.write() as session:
        now = db_now(session)
        order = visible_order(session, principal, order_id)
        conditions = [OrderRow.id == order_id, OrderRow.lease_holder_id.is_not(None)]
        if not principal.is_supervisor or epoch is not None:
            conditions.append(OrderRow.lease_holder_id == principal.user_id)
            if epoch is not None:
                conditions.append(OrderRow.lease_epoch == epoch)
        result = session.execute(
            update(OrderRow)
            .where(*conditions)
            .values(lease_holder_id=None, lease_expires_at=None, lease_claimed_at=None)
            .execution_options(synchronize_session=False)
        )
        released = bool(result.rowcount)  # type: ignore[attr-defined]
        if released:
            session.refresh(order, attribute_names=_LEASE_COLUMNS)
            record_audit(
                session,
                actor=principal,
                action="order.release",
                entity="order",
                entity_id=order_id,
                at=now,
                detail={"epoch": order.lease_epoch},
            )
            publish_order(session, order, now, principal.user_id)
        return ReleaseResult(order_id=order_id, released=released)


def reassign(
    db: Database, principal: Principal, order_id: int, owner_id: int | None, release_lease: bool
) -> ClaimResult | None:
    """Lead / admin: give the order to another agent of the team (or to the pool)."""
    with db.write() as session:
        now = db_now(session)
        order = visible_order(session, principal, order_id, with_for_update=db.is_postgres)
        enforce(session, order, principal, Act.REASSIGN, now, load_settings(session))
        if owner_id is not None:
            team_id = order.team_id if order.team_id is not None else principal.team_id
            owner = session.get(User, owner_id)
            if (
                owner is None
                or not owner.active
                or owner.team_id is None
                or (team_id is not None and owner.team_id != team_id)
                or not principal.sees_team(owner.team_id)
            ):
                # A user of another team answers like a missing one.
                raise ServiceError(
                    422,
                    "unknown_user",
                    f"There is no agent {owner_id} in this order's team.",
                    {"user_id": owner_id},
                )
            order.team_id = owner.team_id
        from_status = order.status
        order.owner_id = owner_id
        # The lead decided who goes on with the order: that answers an escalation.
        was_escalated = order.escalated_at is not None
        clear_escalation(order)
        if order.status in (OrderStatus.UNASSIGNED.value, OrderStatus.ASSIGNED.value):
            order.status = OrderStatus.ASSIGNED.value if owner_id else OrderStatus.UNASSIGNED.value
        if release_lease:
            drop_lease(order)
            order.lease_epoch += 1  # fences off the previous holder's pending writes
        order.version += 1
        order.updated_at = now
        record_audit(
            session,
            actor=principal,
            action="order.reassign",
            entity="order",
            entity_id=order_id,
            at=now,
            detail={
                "owner_id": owner_id,
                "status": order.status,
                "from_status": from_status,
                "escalation_cleared": was_escalated,
            },
        )
        publish_order(session, order, now, principal.user_id)
    return None
