"""Today's figures computed from the local store's journal and orders.

The store holds the journal of every order the desk sees (the agent's own
and the pool), so the team's average is the per-agent mean over the agents
that appear in it today. Hour slots are the shop's hours (its ``time_zone``
setting as the server last sent it), not the desk's.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.local_store import schema
from app.local_store.local_sync_store import read_meta
from app.local_store.order_rows import iso_utc
from app.local_store.store_database import StoreDatabase
from app.services.stats_service import DayFigures
from core.order_status import FINAL_STATUSES, OrderStatus
from core.shop_time import DEFAULT_TIME_ZONE, local_hour, shop_zone

_FINAL = {s.value for s in FINAL_STATUSES}


def _hour(iso: str, zone: ZoneInfo) -> int:
    return local_hour(datetime.fromisoformat(iso), zone)


class LocalStoreStats:
    """``StatsSource`` over the local SQLite store."""

    def __init__(self, database: StoreDatabase, me: str) -> None:
        self._db = database
        self._me = me

    def time_zone(self) -> ZoneInfo:
        """The shop's zone from the settings the server sent (its default before)."""
        with self._db.reader.connect() as connection:
            raw = read_meta(connection, "settings")
        try:
            return shop_zone(str(json.loads(raw or "{}").get("time_zone") or DEFAULT_TIME_ZONE))
        except (TypeError, ValueError, AttributeError):  # nothing sent yet, or garbled
            return shop_zone(DEFAULT_TIME_ZONE)

    def _figures(self, day_start: datetime) -> dict[str, DayFigures]:
        zone = self.time_zone()
        since = iso_utc(day_start) or day_start.astimezone(UTC).isoformat()
        journal = schema.journal
        orders = schema.orders
        calls: dict[str, int] = defaultdict(int)
        talk: dict[str, float] = defaultdict(float)
        per_hour: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        confirmed: dict[str, int] = defaultdict(int)
        value: dict[str, Decimal] = defaultdict(Decimal)
        closed: dict[str, int] = defaultdict(int)
        confirmed_hour: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        with self._db.reader.connect() as connection:
            for row in connection.execute(
                select(
                    journal.c.agent_name,
                    journal.c.kind,
                    journal.c.talk_seconds,
                    journal.c.started_at,
                ).where(journal.c.started_at >= since)
            ):
                agent = row.agent_name or self._me
                if row.kind == "call":
                    calls[agent] += 1
                    per_hour[agent][_hour(row.started_at, zone)] += 1
                talk[agent] += float(row.talk_seconds or 0)
            for row in connection.execute(
                select(
                    orders.c.owner_name,
                    orders.c.status,
                    orders.c.local_status,
                    orders.c.total_cents,
                    orders.c.updated_at,
                ).where(orders.c.updated_at >= since)
            ):
                status = row.local_status or row.status
                if status not in _FINAL:
                    continue
                agent = row.owner_name or self._me
                closed[agent] += 1
                if status == OrderStatus.CONFIRMED.value:
                    confirmed[agent] += 1
                    value[agent] += Decimal(row.total_cents) / 100
                    confirmed_hour[agent][_hour(row.updated_at, zone)] += 1
        agents = set(calls) | set(closed)
        return {
            agent: DayFigures(
                calls=calls[agent],
                talk_seconds=talk[agent],
                confirmed=confirmed[agent],
                confirmed_value=value[agent],
                closed=closed[agent],
                calls_per_hour=dict(per_hour[agent]),
                confirmed_per_hour=dict(confirmed_hour[agent]),
            )
            for agent in agents
        }

    def agent_day(self, day_start: datetime) -> DayFigures:
        return self._figures(day_start).get(self._me, DayFigures())

    def team_day_average(self, day_start: datetime) -> DayFigures | None:
        figures = list(self._figures(day_start).values())
        if not figures:
            return None
        n = len(figures)
        hours: dict[int, int] = defaultdict(int)
        for f in figures:
            for hour, count in f.calls_per_hour.items():
                hours[hour] += count
        return DayFigures(
            calls=round(sum(f.calls for f in figures) / n),
            talk_seconds=sum(f.talk_seconds for f in figures) / n,
            confirmed=round(sum(f.confirmed for f in figures) / n),
            confirmed_value=(sum((f.confirmed_value for f in figures), Decimal(0)) / n).quantize(
                Decimal("0.01")
            ),
            closed=round(sum(f.closed for f in figures) / n),
            calls_per_hour={h: round(c / n) for h, c in hours.items()},
        )
