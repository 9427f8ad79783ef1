"""Builds a ``WallboardState`` from the server's two answers.

``GET /api/v1/wallboard`` (the server's snapshot, ``core.wire.wallboard``) gives
the roster, presence and queue figures; ``GET /api/v1/reports/live`` (the
reports module) adds what a lead's big screen needs beyond it: the order in
hand by reference, closed orders for the conversion rate, queue depth by
status, leases with since when, outcome classes and hour slots of today.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.wallboard.wallboard_state import (
    AgentPresence,
    AgentTile,
    HourSlot,
    LeaseHeld,
    WallboardState,
)
from core.dispositions import OutcomeClass
from core.order_status import OrderStatus
from core.wire.presence import PresenceWire
from core.wire.wallboard import WallboardSnapshot


def _time(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def read_state(snapshot_json: Any, live_json: Any) -> WallboardState:
    """Merge both answers; the older change-log sequence becomes the resume cursor."""
    snapshot = WallboardSnapshot.model_validate(snapshot_json)
    live: dict[str, Any] = dict(live_json or {})
    live_agents = {int(a["user_id"]): a for a in live.get("agents", [])}
    state = WallboardState(
        as_of=snapshot.generated_at,
        team_name=live.get("team_name"),
        cursor=min(snapshot.last_change_seq, int(live.get("last_change_seq", 0))),
    )
    for figures in snapshot.agents:
        extra = live_agents.get(figures.user_id, {})
        state.agents[figures.user_id] = AgentTile(
            user_id=figures.user_id,
            display_name=figures.display_name,
            presence=AgentPresence.parse(figures.state),
            presence_since=figures.since,
            pause_reason=figures.reason,
            order_id=figures.order_id,
            order_reference=extra.get("order_reference"),
            calls_today=int(extra.get("calls_today", figures.calls_today)),
            talk_seconds_today=round(
                float(extra.get("talk_seconds_today", figures.talk_seconds_today))
            ),
            confirmed_today=int(extra.get("confirmed_today", figures.confirmed_today)),
            closed_today=int(
                extra.get("closed_today", figures.confirmed_today + figures.cancelled_today)
            ),
        )
    for status, count in (live.get("queue_by_status") or {}).items():
        try:
            state.queue_by_status[OrderStatus(status)] = int(count)
        except ValueError:
            continue
    state.callbacks_due = int(live.get("callbacks_due", snapshot.queue.callbacks_due))
    state.returned_from_preparation = int(live.get("returned", snapshot.queue.returned))
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
    for slot in live.get("hourly", []):
        start = _time(slot.get("hour"))
        if start is None:
            continue
        local_hour = start.astimezone().hour
        previous = state.hourly.get(local_hour, HourSlot(local_hour))
        state.hourly[local_hour] = HourSlot(
            local_hour,
            previous.calls + int(slot.get("calls", 0)),
            previous.confirmations + int(slot.get("confirmations", 0)),
        )
    oldest = live.get("oldest_unconfirmed") or {}
    state.oldest_unconfirmed_at = _time(oldest.get("created_at")) or snapshot.queue.oldest_open_at
    state.oldest_unconfirmed_reference = oldest.get("reference")
    return state


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
