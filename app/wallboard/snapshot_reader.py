"""Builds a ``WallboardState`` from the server's two answers.

``GET /api/v1/wallboard`` (the server's snapshot, ``core.wire.wallboard``) gives
the roster, presence and queue figures; ``GET /api/v1/reports/live`` (the
reports module) adds what a lead's big screen needs beyond it: the order in
hand by reference, closed orders for the conversion rate, queue depth by
status, leases with since when, outcome classes and hour slots of today.
Hour slots are the shop's hours (the zone both answers name), not the desk's.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.wallboard.wallboard_state import (
    AgentPresence,
    AgentTile,
    EscalationWaiting,
    FlaggedCall,
    HourSlot,
    LeaseHeld,
    WallboardState,
)
from core.dispositions import OutcomeClass
from core.order_status import OrderStatus
from core.shop_time import DEFAULT_TIME_ZONE, local_hour, shop_zone
from core.wire.presence import PresenceWire
from core.wire.wallboard import WallboardSnapshot


def _time(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def _shop_zone(snapshot: WallboardSnapshot | None, live: dict[str, Any]) -> ZoneInfo:
    """The zone the server counted "today" in (an older server: the shop default)."""
    name = live.get("time_zone") or (snapshot.time_zone if snapshot else DEFAULT_TIME_ZONE)
    try:
        return shop_zone(str(name))
    except ValueError:
        return shop_zone(DEFAULT_TIME_ZONE)


def read_state(snapshot_json: Any | None, live_json: Any) -> WallboardState:
    """Merge both answers; the older change-log sequence becomes the resume cursor.

    Without the server's snapshot (``None``: it failed) the board is built from
    the reports module's answer alone, which carries presence too.
    """
    live: dict[str, Any] = dict(live_json or {})
    live_seq = int(live.get("last_change_seq", 0))
    snapshot = (
        WallboardSnapshot.model_validate(snapshot_json) if snapshot_json is not None else None
    )
    state = WallboardState(
        as_of=snapshot.generated_at if snapshot else _time(live.get("generated_at")) or _now(),
        team_name=live.get("team_name"),
        cursor=min(snapshot.last_change_seq, live_seq) if snapshot else live_seq,
    )
    rows = _roster(snapshot, live)
    for user_id, row in rows.items():
        if row.get("role", "agent") != "agent" and row.get("state") == "offline":
            continue  # the lead's own account (or an admin's) when it takes no calls
        state.agents[user_id] = AgentTile(
            user_id=user_id,
            display_name=str(row.get("display_name", user_id)),
            presence=AgentPresence.parse(row.get("state")),
            presence_since=_time(row.get("since")),
            pause_reason=row.get("reason"),
            order_id=row.get("order_id"),
            order_reference=row.get("order_reference"),
            calls_today=int(row.get("calls_today", 0)),
            talk_seconds_today=round(float(row.get("talk_seconds_today", 0))),
            confirmed_today=int(row.get("confirmed_today", 0)),
            closed_today=int(row.get("closed_today", 0)),
        )
    queue = snapshot.queue if snapshot else None
    for status, count in (live.get("queue_by_status") or {}).items():
        try:
            state.queue_by_status[OrderStatus(status)] = int(count)
        except ValueError:
            continue
    state.callbacks_due = int(live.get("callbacks_due", queue.callbacks_due if queue else 0))
    state.returned_from_preparation = int(live.get("returned", queue.returned if queue else 0))
    for lease in live.get("leases", []):
        since = _time(lease.get("since"))
        if since is None:
            continue
        state.leases[int(lease["order_id"])] = LeaseHeld(
            order_id=int(lease["order_id"]),
            order_reference=str(lease.get("reference", lease["order_id"])),
            holder_id=int(lease["holder_id"]),
            holder_name=str(lease.get("holder_name", "")),
            since=since,
            expires_at=_time(lease.get("expires_at")),
        )
    for outcome, count in (live.get("outcomes_today") or {}).items():
        try:
            state.outcomes_today[OutcomeClass(outcome)] = int(count)
        except ValueError:
            continue
    zone = _shop_zone(snapshot, live)
    for slot in live.get("hourly", []):
        start = _time(slot.get("hour"))
        if start is None:
            continue
        hour = local_hour(start, zone)
        previous = state.hourly.get(hour, HourSlot(hour))
        state.hourly[hour] = HourSlot(
            hour,
            previous.calls + int(slot.get("calls", 0)),
            previous.confirmations + int(slot.get("confirmations", 0)),
        )
    oldest = live.get("oldest_unconfirmed") or {}
    state.oldest_unconfirmed_at = _time(oldest.get("created_at")) or (
        queue.oldest_open_at if queue else None
    )
    state.oldest_unconfirmed_reference = oldest.get("reference")
    state.escalations_read = snapshot is not None
    if snapshot is not None:
        state.escalations = [
            EscalationWaiting(
                order_id=row.order_id,
                order_reference=row.order_reference,
                customer_name=row.customer_name,
                agent_id=row.agent_id,
                agent_name=row.agent_name,
                reason=row.reason,
                text=row.text,
                since=row.since,
            )
            for row in snapshot.escalations
        ]
        state.flagged = sorted(
            (
                FlaggedCall(
                    order_id=row.order_id,
                    order_reference=row.order_reference,
                    agent_id=row.agent_id,
                    agent_name=row.agent_name,
                    channel=row.channel,
                    started_at=row.started_at,
                    flag=row.flag,
                )
                for row in snapshot.flagged_entries
            ),
            key=lambda call: call.started_at,
            reverse=True,
        )
    return state


def _roster(snapshot: WallboardSnapshot | None, live: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """One dict per agent: presence from the snapshot (else from live), figures from live."""
    rows: dict[int, dict[str, Any]] = {}
    for extra in live.get("agents", []):
        rows[int(extra["user_id"])] = dict(extra)
    if snapshot is None:
        return rows
    roster: dict[int, dict[str, Any]] = {}
    for figures in snapshot.agents:
        extra = rows.get(figures.user_id, {})
        roster[figures.user_id] = {
            "calls_today": figures.calls_today,
            "talk_seconds_today": figures.talk_seconds_today,
            "confirmed_today": figures.confirmed_today,
            "closed_today": figures.confirmed_today + figures.cancelled_today,
            **extra,
            "display_name": figures.display_name,
            "state": figures.state.value,
            "reason": figures.reason,
            "since": figures.since.isoformat() if figures.since else None,
            "order_id": figures.order_id if figures.order_id is not None
            else extra.get("order_id"),
        }
    return roster


def _now() -> datetime:
    return datetime.now(UTC)


def apply_presence(state: WallboardState, presence: PresenceWire) -> bool:
    """Put a presence change on its tile at once; False if the agent is not on the board."""
    tile = state.agents.get(presence.user_id)
    if tile is None:
        return False
    reference = tile.order_reference if presence.order_id == tile.order_id else None
    if reference is None and presence.order_id is not None:
        lease = state.leases.get(presence.order_id)
        reference = lease.order_reference if lease else None
    state.update_agent(
        presence.user_id,
        presence=AgentPresence.parse(presence.state),
        presence_since=presence.since,
        pause_reason=presence.reason,
        order_id=presence.order_id,
        order_reference=reference,
    )
    return True
