"""The shop's "today" and hour slots, around its midnight, from the real server process.

Two confirmations with their calls: 23:30 yesterday and 00:30 today, Casablanca
time. In UTC both fall on yesterday (Casablanca is UTC+1 outside Ramadan), so
a server that counts its own UTC day shows nothing today; the shop counts one,
in its 00h slot. Switching the shop's zone to UTC moves both out of today.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from core.order_transitions import Role
from core.shop_time import day_start
from server.db.models_orders import JournalRow
from server.db.models_sync import AuditRow
from tests.server.test_reports_server_process import (  # noqa: F401 (fixture)
    RunningServer,
    Seeder,
    StartServer,
    start_reports_server,
)

CASABLANCA = ZoneInfo("Africa/Casablanca")
NOW = datetime.now(UTC)
MIDNIGHT = day_start(NOW, CASABLANCA)  # shop midnight as a UTC moment
BEFORE = MIDNIGHT - timedelta(minutes=30)  # 23:30 yesterday, shop time
AFTER = MIDNIGHT + timedelta(minutes=30)  # 00:30 today, shop time

pytestmark = pytest.mark.skipif(
    timedelta(minutes=45) > NOW - MIDNIGHT,
    reason="needs Casablanca's clock past 00:45 (the 00:30 event may not be in the future)",
)


@pytest.fixture(autouse=True)
def _same_shop_day() -> None:
    """The data was placed around the shop's midnight as the module was loaded; a
    suite that crosses the next midnight before this runs asks about another day."""
    if day_start(datetime.now(UTC), CASABLANCA) != MIDNIGHT:
        pytest.skip("the shop's day changed since the module was loaded")


def seed(s: Seeder) -> None:
    s.team("Casa")
    agent = s.user("samira", "Samira", Role.AGENT, "Casa")
    s.user("leila", "Leila", Role.LEAD, "Casa")
    s.user("admin", "Admin", Role.ADMIN, None)
    for ref, at in (("C-BEFORE", BEFORE), ("C-AFTER", AFTER)):
        order_id = s.order(
            ref, "Casa", status="confirmed", owner_id=agent, closed_by_id=agent, closed_at=at,
            created_at=at - timedelta(hours=2), attempt_count=1,
        )
        s.session.add(
            JournalRow(
                id=uuid.uuid4(), order_id=order_id, agent_id=agent, channel="call",
                kind="call", direction="outbound", number="+212612345678",
                started_at=at - timedelta(minutes=5), ring_seconds=4, talk_seconds=60,
                outcome="answered", counts_as_contact=True, recorded_at=at,
            )
        )
        s.session.add(
            AuditRow(at=at, user_id=agent, action="order.confirm", entity="order",
                     entity_id=str(order_id), detail={})
        )


@pytest.fixture(scope="module")
def server(start_reports_server: StartServer) -> RunningServer:  # noqa: F811
    return start_reports_server(seed)


def _hour_of(value: str) -> int:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(CASABLANCA).hour


def _wallboard(server: RunningServer) -> dict[str, Any]:
    return dict(server.agent("leila").get("/wallboard"))


def test_wallboard_counts_the_shop_day_and_its_hours(server: RunningServer) -> None:
    board = _wallboard(server)
    assert board["confirmed_today"] == 1
    assert board["calls_today"] == 1
    samira = next(a for a in board["agents"] if a["username"] == "samira")
    assert (samira["confirmed_today"], samira["calls_today"]) == (1, 1)
    buckets = board["confirmations_per_hour"]
    assert _hour_of(buckets[0]["hour"]) == 0  # the first slot is the shop's 00h
    assert buckets[0]["confirmed"] == 1
    assert sum(b["confirmed"] for b in buckets) == 1
    assert board["time_zone"] == "Africa/Casablanca"


def test_live_figures_and_reports_use_the_shop_day(server: RunningServer) -> None:
    lead = server.agent("leila")
    live = lead.get("/reports/live")
    assert live["day"] == NOW.astimezone(CASABLANCA).date().isoformat()
    slots = {_hour_of(slot["hour"]): slot for slot in live["hourly"]}
    assert slots[0]["calls"] == 1 and slots[0]["confirmations"] == 1
    assert 23 not in slots  # yesterday's 23:30 is not today
    assert live["time_zone"] == "Africa/Casablanca"
    today = NOW.astimezone(CASABLANCA).date().isoformat()
    report = lead.get("/reports/agent-hours", **{"from": today, "to": today})
    assert report["tz"] == "Africa/Casablanca"  # no tz asked: the shop's
    journal = lead.get("/reports/journal", agent_id=server.seed.users["samira"])
    assert [entry["time"] for entry in journal["entries"]] == [
        (AFTER - timedelta(minutes=5)).astimezone(CASABLANCA).strftime("%H:%M:%S")
    ]


def test_the_shop_time_zone_is_a_setting_checked_by_zoneinfo(server: RunningServer) -> None:
    admin = server.agent("admin")
    settings = admin.get("/settings")
    assert settings["time_zone"] == "Africa/Casablanca"
    refused = admin.http.put(
        f"{admin.base}/settings", json={**settings, "time_zone": "Mars/Olympus"}, timeout=10
    )
    assert refused.status_code == 422
    assert "Mars/Olympus" in refused.text or "time_zone" in refused.text
    try:
        saved = admin.http.put(
            f"{admin.base}/settings", json={**settings, "time_zone": "UTC"}, timeout=10
        )
        assert saved.status_code == 200, saved.text
        # In UTC both events were yesterday: today is empty.
        board = _wallboard(server)
        assert (board["time_zone"], board["confirmed_today"], board["calls_today"]) == (
            "UTC", 0, 0
        )
    finally:
        admin.http.put(f"{admin.base}/settings", json=settings, timeout=10).raise_for_status()
