"""Per agent × hour slot figures over a date range, in the shop's time zone.

Definitions (the same in the API, the CSV and the desktop's Reports tab):

- an event belongs to the hour slot of its *start* in local time, so a call
  that starts at 23:58 and ends after midnight counts in the 23:00 slot of the
  day it started;
- ``calls``: journal entries on the call channel (every attempt, answered or not);
- ``orders_contacted``: distinct orders with at least one attempt on any channel;
- ``orders_closed``: final dispositions recorded (confirm, cancel, duplicate,
  erroneous); ``confirmed``: confirm dispositions;
- ``conversion``: confirmed ÷ closed (None when nothing closed);
- ``talk_seconds``: talk time of calls; ``answered_calls``: calls with talk time;
- ``average_handling_seconds``: talk time ÷ answered calls (None without one).
  Wrap-up time is not journaled, so it is not part of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.attempt_policy import Channel
from core.dispositions import Disposition
from server.reports.report_facts import ReportFacts

FINAL_DISPOSITIONS = frozenset(
    {Disposition.CONFIRM, Disposition.CANCEL, Disposition.DUPLICATE, Disposition.ERRONEOUS}
)


@dataclass
class SlotFigures:
    """Figures of one agent in one slot (or a total when ``hour`` is None)."""

    agent_id: int
    day: date | None
    hour: int | None
    calls: int = 0
    answered_calls: int = 0
    talk_seconds: float = 0.0
    orders_closed: int = 0
    confirmed: int = 0
    _orders: set[int] = field(default_factory=set, repr=False)

    @property
    def orders_contacted(self) -> int:
        return len(self._orders)

    @property
    def conversion(self) -> float | None:
        return self.confirmed / self.orders_closed if self.orders_closed else None

    @property
    def average_handling_seconds(self) -> float | None:
        return self.talk_seconds / self.answered_calls if self.answered_calls else None

    def add_attempt(self, order_id: int, channel: str, talk_seconds: float) -> None:
        self._orders.add(order_id)
        if channel == Channel.CALL:
            self.calls += 1
            self.talk_seconds += talk_seconds
            if talk_seconds > 0:
                self.answered_calls += 1

    def add_disposition(self, disposition: Disposition) -> None:
        if disposition in FINAL_DISPOSITIONS:
            self.orders_closed += 1
        if disposition is Disposition.CONFIRM:
            self.confirmed += 1

    def merge(self, other: SlotFigures) -> None:
        self.calls += other.calls
        self.answered_calls += other.answered_calls
        self.talk_seconds += other.talk_seconds
        self.orders_closed += other.orders_closed
        self.confirmed += other.confirmed
        # Distinct orders over the whole total, not the sum of per-slot counts.
        self._orders |= other._orders


@dataclass
class AgentHourReport:
    """Slots with activity, one total per agent and a grand total."""

    slots: list[SlotFigures]
    agent_totals: list[SlotFigures]
    total: SlotFigures


def local_slot(moment: datetime, zone: ZoneInfo) -> tuple[date, int]:
    """(local date, local hour) of an aware UTC moment."""
    local = moment.astimezone(zone)
    return local.date(), local.hour


def in_range(moment: datetime, zone: ZoneInfo, first: date, last: date) -> bool:
    return first <= moment.astimezone(zone).date() <= last


def build_agent_hour_report(
    facts: ReportFacts, zone: ZoneInfo, first: date, last: date
) -> AgentHourReport:
    """Aggregate ``facts`` into slots of local days ``first``..``last`` (inclusive)."""
    slots: dict[tuple[int, date, int], SlotFigures] = {}

    def slot_for(agent_id: int, moment: datetime) -> SlotFigures:
        day, hour = local_slot(moment, zone)
        key = (agent_id, day, hour)
        if key not in slots:
            slots[key] = SlotFigures(agent_id, day, hour)
        return slots[key]

    for attempt in facts.attempts:
        if attempt.agent_id in facts.agents and in_range(attempt.started_at, zone, first, last):
            slot_for(attempt.agent_id, attempt.started_at).add_attempt(
                attempt.order_id, attempt.channel, attempt.talk_seconds
            )
    for disposition in facts.dispositions:
        if disposition.agent_id in facts.agents and in_range(disposition.at, zone, first, last):
            slot_for(disposition.agent_id, disposition.at).add_disposition(
                disposition.disposition
            )

    ordered = sorted(
        slots.values(),
        key=lambda s: (_agent_sort_key(facts, s.agent_id), s.day or first, s.hour or 0),
    )
    totals: dict[int, SlotFigures] = {}
    grand = SlotFigures(0, None, None)
    for slot in ordered:
        if slot.agent_id not in totals:
            totals[slot.agent_id] = SlotFigures(slot.agent_id, None, None)
        totals[slot.agent_id].merge(slot)
        grand.merge(slot)
    agent_totals = sorted(totals.values(), key=lambda s: _agent_sort_key(facts, s.agent_id))
    return AgentHourReport(ordered, agent_totals, grand)


def _agent_sort_key(facts: ReportFacts, agent_id: int) -> tuple[str, int]:
    agent = facts.agents.get(agent_id)
    return ((agent.display_name.casefold() if agent else ""), agent_id)
