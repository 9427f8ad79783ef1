"""The desk counts the shop's day and hours, not its own clock's.

The desk's clock here is UTC (``TZ=UTC``), the shop's Casablanca (UTC+1 outside
Ramadan): a call at 00:30 shop time is 23:30 of yesterday on the desk's clock.
The agent's dashboard and the lead's wallboard charts must put it today, in 00h.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.local_store import schema
from app.local_store.local_sync_store import write_meta
from app.local_store.store_database import StoreDatabase, open_store_database
from app.services.local_store_stats import LocalStoreStats
from app.services.stats_service import StatsService
from app.wallboard.reports_client import ReportQuery
from app.wallboard.snapshot_reader import read_state
from core.shop_time import day_start

CASABLANCA = ZoneInfo("Africa/Casablanca")
NOW = datetime.now(UTC)
MIDNIGHT = day_start(NOW, CASABLANCA)
ME = "Samira"

pytestmark = pytest.mark.skipif(
    timedelta(minutes=45) > NOW - MIDNIGHT or MIDNIGHT.hour == 0,
    reason="needs Casablanca past 00:45 and an offset from UTC",
)


@pytest.fixture
def desk_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def database(tmp_path: Path, desk_in_utc: None) -> Iterator[StoreDatabase]:
    db = open_store_database(tmp_path / "store.sqlite")
    yield db
    db.dispose()


def _call(n: int, started: datetime) -> dict[str, object]:
    return {
        "id": f"call-{n}", "order_id": 1, "channel": "call", "kind": "call",
        "direction": "outbound", "number": "+212600000000",
        "started_at": started.isoformat(), "ring_seconds": 3.0, "talk_seconds": 30.0,
        "outcome": "answered", "agent_name": ME, "counts_as_contact": 1, "pending": 0,
    }


def test_my_day_is_the_shops_day(database: StoreDatabase) -> None:
    with database.writer.begin() as connection:
        write_meta(connection, "settings", json.dumps({"time_zone": "Africa/Casablanca"}))
        connection.execute(
            schema.journal.insert(),
            [
                _call(1, MIDNIGHT - timedelta(minutes=30)),  # 23:30 yesterday, shop time
                _call(2, MIDNIGHT + timedelta(minutes=30)),  # 00:30 today, shop time
            ],
        )
    stats = StatsService(LocalStoreStats(database, ME))
    mine = stats.today()
    assert mine.calls == 1
    assert mine.calls_per_hour == {0: 1}


def test_the_shops_zone_comes_from_its_settings(database: StoreDatabase) -> None:
    with database.writer.begin() as connection:
        write_meta(connection, "settings", json.dumps({"time_zone": "UTC"}))
        connection.execute(schema.journal.insert(), [_call(1, MIDNIGHT + timedelta(minutes=30))])
    # In UTC the 00:30 Casablanca call was yesterday's 23:30.
    assert StatsService(LocalStoreStats(database, ME)).today().calls == 0


def test_wallboard_chart_slots_are_shop_hours(desk_in_utc: None) -> None:
    midnight_local = MIDNIGHT.astimezone(CASABLANCA)
    live = {
        "last_change_seq": 1,
        "time_zone": "Africa/Casablanca",
        "hourly": [{"hour": midnight_local.isoformat(), "calls": 3, "confirmations": 2}],
    }
    state = read_state(None, live)
    assert list(state.hourly) == [0]
    assert (state.hourly[0].calls, state.hourly[0].confirmations) == (3, 2)


def test_the_reports_tab_asks_for_the_shops_days() -> None:
    """Unless a zone is chosen, the server applies the shop's (no hard-coded zone)."""
    today = NOW.date()
    assert "tz" not in ReportQuery(today, today).params()
    assert ReportQuery(today, today, tz="UTC").params()["tz"] == "UTC"
