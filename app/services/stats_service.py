"""The agent's figures for today, for the personal dashboard.

"Today" and the hour slots are the shop's (its ``time_zone`` setting), not the
desk's clock, so the agent's figures match the lead's wallboard.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from core.shop_time import day_start as shop_day_start


@dataclass(frozen=True)
class DayFigures:
    """One agent's (or the team's average) day."""

    calls: int = 0
    talk_seconds: float = 0.0
    confirmed: int = 0
    confirmed_value: Decimal = Decimal(0)
    closed: int = 0
    calls_per_hour: dict[int, int] = field(default_factory=dict)
    confirmed_per_hour: dict[int, int] = field(default_factory=dict)

    @property
    def conversion(self) -> float:
        """Confirmed out of closed orders (0 when none closed)."""
        return self.confirmed / self.closed if self.closed else 0.0


class StatsSource(Protocol):
    """Where the figures come from (the local store's journal and changes)."""

    def time_zone(self) -> ZoneInfo: ...

    def agent_day(self, day_start: datetime) -> DayFigures: ...

    def team_day_average(self, day_start: datetime) -> DayFigures | None: ...


class StatsService(QObject):
    """Computes today's figures on demand and tells when they may have moved."""

    changed = Signal()

    def __init__(self, source: StatsSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source

    def day_start(self, now: datetime | None = None) -> datetime:
        """Midnight of the shop's today, as a UTC moment."""
        return shop_day_start(now or datetime.now(UTC), self._source.time_zone())

    def today(self) -> DayFigures:
        return self._source.agent_day(self.day_start())

    def team_today(self) -> DayFigures | None:
        return self._source.team_day_average(self.day_start())

    def notify_changed(self) -> None:
        self.changed.emit()
