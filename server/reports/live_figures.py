"""Today's extras for the wallboard, beside the server's ``GET /api/v1/wallboard``.

"Today" is the shop's day in its time zone (shop setting ``time_zone``), as in
the wallboard snapshot, so both answers count the same calls. Hour slots travel
as the shop's local hour starts with their offset, and the body names the zone
so the desktop draws them in shop time whatever its own clock says.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from core.order_status import OPEN_STATUSES, OrderStatus
from core.shop_time import day_start, shop_zone
from server.db.models_orders import OrderRow
from server.db.models_sync import PresenceRow
from server.db.models_users import Team
from server.reports.agent_hour_report import build_agent_hour_report
from server.reports.fact_queries import ReportScope, load_facts, utc_window
from server.reports.outcome_report import OUTCOME_ORDER, build_outcome_report
from server.services.change_log import last_sequence
from server.services.presence import PRESENCE_TIMEOUT
from server.services.settings_store import load_settings
from server.services.users import display_names


def _scoped(query: Any, scope: ReportScope) -> Any:
    """Orders of the team plus the team-less pool, as the server's own snapshot counts."""
    if scope.team_id is None:
        return query
    return query.where(or_(OrderRow.team_id == scope.team_id, OrderRow.team_id.is_(None)))


def live_figures(session: Session, scope: ReportScope, now: datetime) -> dict[str, Any]:
    """The JSON body of ``GET /api/v1/reports/live``."""
    # The cursor first: a change that lands while we count is replayed, never lost.
    cursor = last_sequence(session)
    time_zone = load_settings(session).time_zone
    zone = shop_zone(time_zone)
    today = day_start(now, zone).astimezone(zone).date()
    facts = load_facts(session, scope, *utc_window(zone, today, today))
    hours = build_agent_hour_report(facts, zone, today, today)
    outcomes = build_outcome_report(facts, zone, today, today)
    open_values = [s.value for s in OPEN_STATUSES]

    leases = _leases(session, scope, now)
    held_by: dict[int, dict[str, Any]] = {}
    for lease in leases:
        held_by.setdefault(lease["holder_id"], lease)  # oldest lease first
    # A desk that stopped reporting reads as offline, as in the server's snapshot.
    presence = {
        row.user_id: row
        for row in session.execute(
            select(PresenceRow).where(PresenceRow.user_id.in_(list(facts.agents) or [0]))
        ).scalars()
        if _utc(row.updated_at) >= now - PRESENCE_TIMEOUT
    }
    presence_orders = {p.order_id for p in presence.values() if p.order_id is not None}
    references: dict[int, str] = {
        row.id: row.reference
        for row in session.execute(
            select(OrderRow.id, OrderRow.reference).where(OrderRow.id.in_(presence_orders or {0}))
        )
    }
    totals = {t.agent_id: t for t in hours.agent_totals}
    agents = []
    for agent in facts.agents.values():
        total = totals.get(agent.user_id)
        row = presence.get(agent.user_id)
        order_id = row.order_id if row is not None else None
        reference = references.get(order_id) if order_id is not None else None
        if order_id is None and agent.user_id in held_by:
            order_id = held_by[agent.user_id]["order_id"]
            reference = held_by[agent.user_id]["reference"]
        agents.append(
            {
                "user_id": agent.user_id,
                "display_name": agent.display_name,
                "role": agent.role,
                "state": row.state if row is not None else "offline",
                "reason": row.reason if row is not None else None,
                "since": _utc(row.since).isoformat() if row is not None else None,
                "order_id": order_id,
                "order_reference": reference,
                "calls_today": total.calls if total else 0,
                "talk_seconds_today": total.talk_seconds if total else 0.0,
                "confirmed_today": total.confirmed if total else 0,
                "closed_today": total.orders_closed if total else 0,
                "orders_contacted_today": total.orders_contacted if total else 0,
            }
        )

    by_status: dict[str, int] = {
        status: int(count)
        for status, count in session.execute(
            _scoped(
                select(OrderRow.status, func.count()).where(OrderRow.status.in_(open_values)),
                scope,
            ).group_by(OrderRow.status)
        )
    }
    callbacks_due = session.execute(
        _scoped(
            select(func.count()).select_from(OrderRow)
            .where(OrderRow.status == OrderStatus.CALLBACK.value)
            .where(OrderRow.callback_at <= now),
            scope,
        )
    ).scalar_one()
    oldest = session.execute(
        _scoped(
            select(OrderRow.id, OrderRow.reference, OrderRow.created_at)
            .where(OrderRow.status.in_(open_values))
            .order_by(OrderRow.created_at, OrderRow.id)
            .limit(1),
            scope,
        )
    ).first()
    hourly: dict[int, dict[str, Any]] = {}
    for slot in hours.slots:
        hour = slot.hour or 0
        bucket = hourly.setdefault(
            hour,
            {
                "hour": datetime(today.year, today.month, today.day, hour, tzinfo=zone)
                .isoformat(),
                "calls": 0,
                "confirmations": 0,
            },
        )
        bucket["calls"] += slot.calls
        bucket["confirmations"] += slot.confirmed
    team = session.get(Team, scope.team_id) if scope.team_id is not None else None
    return {
        "generated_at": now.isoformat(),
        "last_change_seq": cursor,
        "team_id": scope.team_id,
        "team_name": team.name if team is not None else None,
        "day": today.isoformat(),
        "time_zone": time_zone,
        "agents": agents,
        "queue_by_status": {s: int(by_status.get(s, 0)) for s in open_values},
        "callbacks_due": int(callbacks_due),
        "returned": int(by_status.get(OrderStatus.RETURNED.value, 0)),
        "leases": leases,
        "outcomes_today": {c.value: outcomes.total.total(c) for c in OUTCOME_ORDER},
        "hourly": [hourly[h] for h in sorted(hourly)],
        "oldest_unconfirmed": None
        if oldest is None
        else {
            "order_id": oldest.id,
            "reference": oldest.reference,
            "created_at": oldest.created_at.isoformat(),
        },
    }


def _leases(session: Session, scope: ReportScope, now: datetime) -> list[dict[str, Any]]:
    """Live leases with since when their holder has held them (``lease_claimed_at``)."""
    rows = session.execute(
        _scoped(
            select(OrderRow.id, OrderRow.reference, OrderRow.lease_holder_id,
                   OrderRow.lease_expires_at, OrderRow.lease_claimed_at, OrderRow.updated_at)
            .where(OrderRow.lease_holder_id.is_not(None))
            .where(OrderRow.lease_expires_at > now),
            scope,
        )
    ).all()
    if not rows:
        return []
    names = display_names(session, {int(r.lease_holder_id) for r in rows})
    leases = []
    for r in rows:
        # Leases taken before the column existed have no start: their last change stands in.
        since = r.lease_claimed_at or r.updated_at
        leases.append(
            {
                "order_id": r.id,
                "reference": r.reference,
                "holder_id": r.lease_holder_id,
                "holder_name": names.get(r.lease_holder_id, "?"),
                "since": _utc(since).isoformat(),
                "expires_at": _utc(r.lease_expires_at).isoformat(),
            }
        )
    leases.sort(key=lambda lease: (lease["since"], lease["order_id"]))
    return leases


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
