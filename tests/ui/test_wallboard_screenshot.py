"""Screenshots of the wallboard with 20 agents and three escalations, rendered
offscreen from the real server in French (the app's default) and Arabic
(right to left), and a check that no tile text is cut at that size.

The PNGs go to the test's folder; with ``HATIF_WRITE_SCREENSHOTS=1`` they are
also written to ``docs/screenshots/wallboard_20_agents.png`` (French) and
``docs/screenshots/ar-wallboard_20_agents.png``.
"""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.operations import OperationRunner
from app.wallboard.alerts import ThresholdsFile
from app.wallboard.wallboard_feed import WallboardFeed
from app.wallboard.wallboard_service import WallboardService
from core.order_transitions import Role
from server.db.models_orders import JournalRow, OrderRow
from server.db.models_sync import AuditRow, PresenceRow
from sync.http_client import HttpClient
from tests.server.test_reports_server_process import (  # noqa: F401 (fixture)
    RunningServer,
    Seeder,
    StartServer,
    start_reports_server,
)
from ui.translations import install_language, remove_language
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
    # Three orders wait for the lead; the oldest past the default 10-minute threshold.
    lead = s.seed.users["lead"]
    for offset, (agent, reason, minutes) in enumerate(
        [(4, "complaint", 14), (12, "special_authorisation", 6), (17, "complex_case", 2)]
    ):
        order = s.session.get(OrderRow, orders[150 + offset])
        assert order is not None
        order.status = "in_progress"
        order.escalation_reason = reason
        order.escalation_text = "Le client demande une remise de 20 %"
        order.escalated_by_id = s.seed.users[f"agent{agent}"]
        order.escalated_at = now - timedelta(minutes=minutes)
        order.escalation_lead_id = lead


@pytest.fixture(scope="module")
def twenty_agents(start_reports_server: StartServer) -> RunningServer:  # noqa: F811
    return start_reports_server(seed)


class Language:
    """Installs a language for one screenshot and puts the application back after."""

    def __init__(self, code: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.locale = QLocale()
        self.translators = install_language(app, code)

    def restore(self) -> None:
        remove_language(self.translators)
        QLocale.setDefault(self.locale)
        self.app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def window_in(
    twenty_agents: RunningServer, qtbot: QtBot, tmp_path: Path
) -> Iterator[Callable[[str], WallboardWindow]]:
    """Opens the lead's wallboard in a language (fr, ar); everything is undone after."""
    lead = twenty_agents.agent("lead")
    client = HttpClient(twenty_agents.base_url, lambda: lead.token)
    runner = OperationRunner()
    opened: list[tuple[WallboardService, Language]] = []

    def open_in(code: str) -> WallboardWindow:
        language = Language(code)
        service = WallboardService(client, runner)
        opened.append((service, language))
        service.attach_feed(WallboardFeed(client, lambda: service.cursor))
        board = WallboardWindow(service, ThresholdsFile(tmp_path / "t.json"))
        qtbot.addWidget(board)
        board.resize(1920, 1080)
        board.show()
        service.start()
        qtbot.waitUntil(lambda: service.state is not None and service.live, timeout=10_000)
        return board

    yield open_in
    for service, language in opened:
        service.stop()
        language.restore()
    runner.wait_idle(5000)
    client.close()


def check_board_reads(window: WallboardWindow, qtbot: QtBot) -> None:
    """Every tile visible, no name, figure or caption cut, every panel filled."""
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
    value_metrics = QFontMetrics(delegate.value_font())
    for row in range(model.rowCount()):
        tile = model.data(model.index(row, 0), TileRole.TILE)
        assert name_metrics.horizontalAdvance(tile.display_name) <= inner, tile.display_name
        cells = delegate.figure_cells(tile, delegate.figures_width())
        for value, caption, width, caption_font in cells:
            assert value_metrics.horizontalAdvance(value) <= width, (tile.display_name, value)
            assert QFontMetrics(caption_font).horizontalAdvance(caption) <= width, caption
            # A long translation may make its caption smaller, never unreadably so.
            base_caption = delegate.value_font().pointSizeF() * 0.72 / 1.3
            assert caption_font.pointSizeF() >= 0.74 * base_caption, caption
    # Charts and queue show today's figures.
    assert sum(window.outcome_chart.values().values()) > 0
    assert sum(s.calls for s in window.hourly_chart.slots()) > 0
    assert window.leases_model.rowCount() >= 5
    # The escalations, oldest first, the oldest flagged, every row fully on screen.
    escalations = window.escalations_model
    assert escalations.rowCount() == 3
    assert [escalations.is_overdue(row) for row in range(3)] == [True, False, False]
    table = window.escalations_view
    for row in range(3):
        for column in range(escalations.COLUMNS):
            rect = table.visualRect(escalations.index(row, column))
            assert table.viewport().rect().contains(rect), (row, column)
            lines = str(escalations.data(escalations.index(row, column))).split("\n")
            metrics = QFontMetrics(table.font())
            # Less the item view's text margins on both sides.
            room = rect.width() - 8
            assert max(metrics.horizontalAdvance(line) for line in lines) <= room, lines
            assert metrics.lineSpacing() * len(lines) <= rect.height(), lines


@pytest.mark.parametrize(
    ("code", "file_name"), [("fr", "wallboard_20_agents.png"), ("ar", "ar-wallboard_20_agents.png")]
)
def test_wallboard_with_20_agents_fits_and_reads(
    window_in: Callable[[str], WallboardWindow],
    qtbot: QtBot,
    tmp_path: Path,
    code: str,
    file_name: str,
) -> None:
    window = window_in(code)
    check_board_reads(window, qtbot)
    titles = {"fr": "Tableau mural — Casablanca", "ar": None}
    if code == "fr":
        assert window.title_label.text() == titles["fr"]
    else:
        assert window.title_label.text() != "Wallboard — Casablanca"  # translated
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft

    image = window.grab()
    out = tmp_path / file_name
    assert image.save(str(out))
    assert out.stat().st_size > 50_000
    if os.environ.get("HATIF_WRITE_SCREENSHOTS") == "1":
        target = ROOT / "docs" / "screenshots" / file_name
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
    assert datetime.now(UTC)  # the board's clock is the real one
