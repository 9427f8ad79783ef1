"""The wallboard snapshot: queue depth, agents' states and today's figures."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, noload
from sqlalchemy.sql.elements import ColumnElement

from core.order_status import OPEN_STATUSES, OrderStatus
from core.order_transitions import Role
from core.shop_time import day_start as shop_day_start
from core.shop_time import shop_zone
from core.wire.orders import EscalationReason
from core.wire.wallboard import (
    AgentFigures,
    EscalationRow,
    FlaggedEntry,
    HourBucket,
    QueueFigures,
    WallboardSnapshot,
)
from server.auth.principal import Principal
from server.db.models_orders import JournalRow, OrderRow
from server.services.change_log import last_sequence
from server.services.db_clock import db_now
from server.services.order_views import lease_info, names_for_orders
from server.services.presence import team_presence
from server.services.settings_store import load_settings
from server.services.users import display_names

OPEN_VALUES = [status.value for status in OPEN_STATUSES]


def _team(principal: Principal) -> ColumnElement[bool]:
    if principal.is_admin:
        return OrderRow.id.is_not(None)
    return or_(OrderRow.team_id == principal.team_id, OrderRow.team_id.is_(None))


def _queue_figures(
    session: Session, team: ColumnElement[bool], now: datetime, held_now: int
) -> QueueFigures:
    """The queue's counts in one pass over the team's open orders (found by the
    team-and-status index: closed orders, most of a shop's history, are not read)."""
    is_open = OrderRow.status.in_(OPEN_VALUES)
    status = OrderRow.status

    def count(*conditions: ColumnElement[bool]) -> ColumnElement[int]:
        return func.count(case((and_(*conditions), 1)))

    row = session.execute(
        select(
            func.count(),
            count(status == OrderStatus.UNASSIGNED.value),
            count(status == OrderStatus.CALLBACK.value, OrderRow.callback_at <= now),
            count(OrderRow.attempt_count == 0),
            count(status == OrderStatus.RETURNED.value),
            count(status == OrderStatus.IN_PROGRESS.value),
            func.min(OrderRow.created_at),
        ).where(team, is_open)
    ).one()
    return QueueFigures(
        open_total=int(row[0]),
        unassigned=int(row[1]),
        callbacks_due=int(row[2]),
        never_contacted=int(row[3]),
        returned=int(row[4]),
        in_progress=int(row[5]),
        held_now=held_now,
        oldest_open_at=row[6],
    )


def wallboard_snapshot(session: Session, principal: Principal) -> WallboardSnapshot:
    now = db_now(session)
    # "Today" is the shop's day, not the server's UTC day.
    time_zone = load_settings(session).time_zone
    day_start = shop_day_start(now, shop_zone(time_zone))
    team = _team(principal)
    closed_today = list(
        session.execute(
            select(OrderRow.closed_by_id, OrderRow.status, OrderRow.closed_at).where(
                team, OrderRow.closed_at >= day_start
            )
        )
    )
    held = {
        holder: count
        for holder, count in session.execute(
            select(OrderRow.lease_holder_id, func.count())
            .where(team, OrderRow.lease_holder_id.is_not(None), OrderRow.lease_expires_at > now)
            .group_by(OrderRow.lease_holder_id)
        ).tuples()
    }
    queue = _queue_figures(
        session, team, now, held_now=sum(held.values())
    )
    members = team_presence(session, principal, frozenset({Role.AGENT.value}))
    # The board's agents only: their rows, and "calls today" as the sum of them.
    calls = {
        row.agent_id: row
        for row in session.execute(
            select(
                JournalRow.agent_id,
                func.count().label("calls"),
                func.sum(JournalRow.talk_seconds).label("talk"),
                func.sum(case((JournalRow.counts_as_contact.is_(True), 1), else_=0)).label(
                    "contacts"
                ),
            )
            .where(
                JournalRow.agent_id.in_([member.user_id for member in members]),
                JournalRow.started_at >= day_start,
            )
            .group_by(JournalRow.agent_id)
        )
    }
    agents: list[AgentFigures] = []
    for presence in members:
        mine = [row for row in closed_today if row.closed_by_id == presence.user_id]
        call_row = calls.get(presence.user_id)
        agents.append(
            AgentFigures(
                user_id=presence.user_id,
                username=presence.username,
                display_name=presence.display_name,
                state=presence.state,
                reason=presence.reason,
                since=presence.since,
                order_id=presence.order_id,
                orders_held=int(held.get(presence.user_id, 0)),
                calls_today=int(call_row.calls) if call_row else 0,
                contacts_today=int(call_row.contacts or 0) if call_row else 0,
                talk_seconds_today=float(call_row.talk or 0) if call_row else 0.0,
                confirmed_today=sum(1 for r in mine if r.status == OrderStatus.CONFIRMED.value),
                cancelled_today=sum(1 for r in mine if r.status == OrderStatus.CANCELLED.value),
                confirmed_last_hour=sum(
                    1
                    for r in mine
                    if r.status == OrderStatus.CONFIRMED.value
                    and r.closed_at > now - timedelta(hours=1)
                ),
            )
        )
    held_orders = list(
        session.execute(
            select(OrderRow)
            .options(noload(OrderRow.lines))  # a lease needs the order's own columns only
            .where(team, OrderRow.lease_holder_id.is_not(None), OrderRow.lease_expires_at > now)
            .order_by(OrderRow.lease_claimed_at)
        ).scalars()
    )
    names = names_for_orders(session, held_orders)
    leases = [lease for lease in (lease_info(o, names) for o in held_orders) if lease]
    confirmed = [r for r in closed_today if r.status == OrderStatus.CONFIRMED.value]
    cancelled = sum(1 for r in closed_today if r.status == OrderStatus.CANCELLED.value)
    return WallboardSnapshot(
        generated_at=now,
        time_zone=time_zone,
        team_id=None if principal.is_admin else principal.team_id,
        queue=queue,
        agents=agents,
        leases=leases,
        confirmations_per_hour=_hours(day_start, now, [r.closed_at for r in confirmed]),
        confirmed_today=len(confirmed),
        cancelled_today=cancelled,
        calls_today=sum(int(row.calls) for row in calls.values()),
        confirmation_rate=(len(confirmed) / len(closed_today)) if closed_today else 0.0,
        last_change_seq=last_sequence(session),
        escalations=_escalations(session, team),
        flagged_entries=_flagged_entries(session, team, day_start),
    )


#: Enough for a lead to act on; the full list is in the journal report.
_FLAGGED_SHOWN = 50


def _flagged_entries(
    session: Session, team: ColumnElement[bool], day_start: datetime
) -> list[FlaggedEntry]:
    """Today's journal entries that changed nothing on their order, newest first."""
    rows = session.execute(
        select(JournalRow, OrderRow.reference)
        .join(OrderRow, OrderRow.id == JournalRow.order_id)
        .where(team, JournalRow.flag.is_not(None), JournalRow.recorded_at >= day_start)
        .order_by(JournalRow.recorded_at.desc())
        .limit(_FLAGGED_SHOWN)
    ).all()
    names = display_names(session, {entry.agent_id for entry, _ref in rows})
    return [
        FlaggedEntry(
            entry_id=str(entry.id),
            order_id=entry.order_id,
            order_reference=reference,
            agent_id=entry.agent_id,
            agent_name=names.get(entry.agent_id, "?"),
            channel=entry.channel,
            started_at=entry.started_at,
            flag=entry.flag or "",
        )
        for entry, reference in rows
    ]


def _escalations(session: Session, team: ColumnElement[bool]) -> list[EscalationRow]:
    """Orders waiting for the lead's answer, oldest first."""
    orders = list(
        session.execute(
            select(OrderRow)
            .options(noload(OrderRow.lines))
            .where(team, OrderRow.escalated_at.is_not(None))
            .order_by(OrderRow.escalated_at, OrderRow.id)
        ).scalars()
    )
    names = display_names(
        session, {order.escalated_by_id for order in orders if order.escalated_by_id}
    )
    return [
        EscalationRow(
            order_id=order.id,
            order_reference=order.reference,
            customer_name=order.customer_name,
            agent_id=order.escalated_by_id,
            agent_name=names.get(order.escalated_by_id, "?"),
            reason=EscalationReason(order.escalation_reason),
            text=order.escalation_text or "",
            since=order.escalated_at,
        )
        for order in orders
        if order.escalated_by_id is not None
        and order.escalated_at is not None
        and order.escalation_reason is not None
    ]


def _hours(day_start: datetime, now: datetime, moments: list[datetime]) -> list[HourBucket]:
    buckets: list[HourBucket] = []
    hour = day_start
    while hour <= now:
        end = hour + timedelta(hours=1)
        buckets.append(HourBucket(hour=hour, confirmed=sum(1 for m in moments if hour <= m < end)))
        hour = end
    return buckets
