"""A screenshot of the wallboard with 20 agents, rendered offscreen from the real
server, and a check that no tile text is cut at that size.

The PNG goes to the test's folder; with ``HATIF_WRITE_SCREENSHOTS=1`` it is also
written to ``docs/screenshots/wallboard_20_agents.png``.
"""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from app.services.operations import OperationRunner
from app.wallboard.alerts import ThresholdsFile
from app.wallboard.wallboard_feed import WallboardFeed
from app.wallboard.wallboard_service import WallboardService
from core.order_transitions import Role
from server.db.models_orders import JournalRow
from server.db.models_sync import AuditRow, PresenceRow
from sync.http_client import HttpClient
from tests.server.test_reports_server_process import (  # noqa: F401 (fixture)
    RunningServer,
    Seeder,
    StartServer,
    start_reports_server,
)
from ui.wallboard import wallboard_theme as theme
from ui.wallboard.agent_tiles_model import TileRole
from ui.wallboard.wallboard_window import WallboardWindow

#: The offscreen platform cannot resize a top-level window to its layout's hints
#: and says so; that is the test platform talking, not the wallboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
NAMES = [
    "Samira El Idrissi", "Youssef Benali", "Karim Tazi", "Fatima Zahra Alaoui", "Omar Chraibi",
    "Nadia Bennani", "Hicham Amrani", "Salma Berrada", "Mehdi Fassi", "Imane Kettani",
    "Rachid Ouazzani", "Zineb Lahlou", "Anas Sqalli", "Khadija Mernissi", "Yassine Naciri",
    "Laila Benjelloun", "Hamza Filali", "Sara Tahiri", "Adil Rami", "Meryem Hajji",
]
STATES = ["in_call", "available", "paused", "wrap_up", "ringing", "in_call", "available",
          "offline", "in_call", "paused"]


def seed(s: Seeder) -> None:
    rng = random.Random(7)
    now = s.now
    s.team("Casablanca")
    s.user("lead", "Leila Lead", Role.LEAD, "Casablanca")
    for n in range(160):
        s.order(f"CMD-{10400 + n}", "Casablanca",
                created_at=now - timedelta(minutes=10 + 3 * n))
    orders = list(s.seed.orders.values())
    first_hour = max(0, now.hour - 7)
    for index, name in enumerate(NAMES):
        user = s.user(f"agent{index + 1}", name, Role.AGENT, "Casablanca")
        state = STATES[index % len(STATES)]
        since = now - timedelta(seconds=rng.randint(15, 600) + (1300 if index == 2 else 0))
        order_id = orders[index] if state in ("in_call", "ringing", "wrap_up") else None
        s.session.add(PresenceRow(user_id=user, state=state, since=since, updated_at=now,
                                  order_id=order_id,
                                  reason="Déjeuner" if state == "paused" else None))
        if order_id is not None:
            s.lease(order_id, user, since - timedelta(seconds=40), now + timedelta(minutes=2))
        for call in range(rng.randint(8, 22)):
            started = now.replace(hour=rng.randint(first_hour, now.hour), minute=rng.randint(0, 59))
            started = min(started, now - timedelta(minutes=1))
            order_id = orders[20 + (index * 7 + call) % 140]
            talk = rng.choice([0, 0, 35, 60, 95, 140, 210])
            s.session.add(JournalRow(
                id=uuid.uuid4(), order_id=order_id, agent_id=user, channel="call", kind="call",
                direction="outbound", number="+212612345678", started_at=started,
                ring_seconds=6, talk_seconds=talk, outcome="answered" if talk else "no_answer",
                counts_as_contact=bool(talk), recorded_at=started,
            ))
            if talk and call % 2 == 0:
                action = rng.choice(["confirm", "confirm", "confirm", "cancel", "callback"])
                s.session.add(AuditRow(at=started + timedelta(minutes=3), user_id=user,
                                       action=f"order.{action}", entity="order",
                                       entity_id=str(order_id), detail={}))


@pytest.fixture
def twenty_agents(start_reports_server: StartServer) -> RunningServer:  # noqa: F811
    return start_reports_server(seed)


@pytest.fixture
def window(
    twenty_agents: RunningServer, qtbot: QtBot, tmp_path: Path
) -> Iterator[WallboardWindow]:
    lead = twenty_agents.agent("lead")
    client = HttpClient(twenty_agents.base_url, lambda: lead.token)
    runner = OperationRunner()
    service = WallboardService(client, runner)
    service.attach_feed(WallboardFeed(client, lambda: service.cursor))
    board = WallboardWindow(service, ThresholdsFile(tmp_path / "t.json"))
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    service.start()
    qtbot.waitUntil(lambda: service.state is not None and service.live, timeout=10_000)
    yield board
    service.stop()
    runner.wait_idle(5000)
    client.close()


def test_wallboard_with_20_agents_fits_and_reads(
    window: WallboardWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    model = window.tiles_model
    assert model.rowCount() == 20
    qtbot.waitUntil(lambda: window.tile_delegate.scale < 1.0, timeout=2000)
    # Every tile is visible without scrolling.
    view = window.tiles_view
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, 0))
        assert view.viewport().rect().contains(rect), row
    # No name or figure is cut at the chosen scale.
    delegate = window.tile_delegate
    inner = delegate.inner_width()
    name_metrics = QFontMetrics(theme.font(1.4 * delegate.scale, bold=True))
    value_metrics, caption_metrics = (QFontMetrics(f) for f in delegate.figure_fonts())
    for row in range(model.rowCount()):
        tile = model.data(model.index(row, 0), TileRole.TILE)
        assert name_metrics.horizontalAdvance(tile.display_name) <= inner, tile.display_name
        for value, caption, width in delegate.figure_cells(tile, inner):
            assert value_metrics.horizontalAdvance(value) <= width, (tile.display_name, value)
            assert caption_metrics.horizontalAdvance(caption) <= width, caption
    # Charts and queue show today's figures.
    assert sum(window.outcome_chart.values().values()) > 0
    assert sum(s.calls for s in window.hourly_chart.slots()) > 0
    assert window.leases_model.rowCount() >= 5

    image = window.grab()
    out = tmp_path / "wallboard_20_agents.png"
    assert image.save(str(out))
    assert out.stat().st_size > 50_000
    if os.environ.get("HATIF_WRITE_SCREENSHOTS") == "1":
        target = ROOT / "docs" / "screenshots" / "wallboard_20_agents.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
    assert datetime.now(UTC)  # the board's clock is the real one
