"""The lead's windows opened the way a desk opens them: from the server's address
and the session's token, against the real server process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.operations import OperationRunner
from app.wallboard.wallboard_session import connect_lead
from app.wallboard.wallboard_state import AgentPresence
from core.order_transitions import Role
from tests.server.test_reports_server_process import (  # noqa: F401 (fixture)
    RunningServer,
    Seeder,
    StartServer,
    start_reports_server,
)
from ui.wallboard.lead_windows import LeadWindows

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def seed(s: Seeder) -> None:
    s.team("Casa")
    s.team("Rabat")
    s.user("samira", "Samira", Role.AGENT, "Casa")
    s.user("leila", "Leila", Role.LEAD, "Casa")
    s.user("admin", "Admin", Role.ADMIN, None)


@pytest.fixture(scope="module")
def server(start_reports_server: StartServer) -> RunningServer:  # noqa: F811
    return start_reports_server(seed)


@pytest.fixture
def runner() -> Iterator[OperationRunner]:
    runner = OperationRunner()
    yield runner
    runner.wait_idle(5000)


def test_only_leads_and_admins_are_offered_the_windows() -> None:
    assert [LeadWindows.offered_to(role) for role in ("agent", "lead", "admin")] == [
        False, True, True
    ]


def test_lead_opens_one_live_wallboard_and_closing_it_stops_the_feed(
    server: RunningServer, qtbot: QtBot, runner: OperationRunner, tmp_path: Path
) -> None:
    lead = server.agent("leila")
    windows = LeadWindows(connect_lead(server.base_url, lambda: lead.token), runner, tmp_path,
                          "lead")
    try:
        board = windows.show_wallboard()
        qtbot.addWidget(board)
        session = windows.wallboard_session
        assert session is not None
        service = session.service
        qtbot.waitUntil(lambda: service.state is not None and service.live, timeout=10_000)
        assert windows.show_wallboard() is board  # asked again: the same window
        samira = server.agent("samira")
        samira.presence("paused", reason="Déjeuner")
        qtbot.waitUntil(
            lambda: service.state.agents[samira.user_id].presence  # type: ignore[union-attr]
            is AgentPresence.PAUSED,
            timeout=1000,
        )
        board.close()
        qtbot.waitUntil(lambda: not service.live, timeout=5000)
        assert windows.wallboard is None and windows.wallboard_session is None
        reopened = windows.show_wallboard()  # a fresh board after closing
        qtbot.addWidget(reopened)
        second = windows.wallboard_session
        assert second is not None and second.service is not service
        # Closed again before its first snapshot is in: the late snapshot must not
        # start the live feed of a board nobody looks at.
        windows.close_all()
        qtbot.waitUntil(lambda: second.service.state is not None, timeout=10_000)
        qtbot.wait(500)
        assert not second.feed.connected and not second.service.live
    finally:
        windows.close_all()


def test_admin_reports_window_offers_the_team_picker(
    server: RunningServer, qtbot: QtBot, runner: OperationRunner, tmp_path: Path
) -> None:
    admin = server.agent("admin")
    windows = LeadWindows(connect_lead(server.base_url, lambda: admin.token), runner, tmp_path,
                          "admin")
    try:
        window = windows.show_reports()
        qtbot.addWidget(window)
        assert windows.show_reports() is window
        tab = windows.reports_tab
        qtbot.waitUntil(lambda: tab.team_box.isEnabled(), timeout=10_000)
        assert [tab.team_box.itemText(i) for i in range(tab.team_box.count())] == [
            "All teams", "Casa", "Rabat"
        ]
        with qtbot.waitSignal(tab.reportShown, timeout=10_000):
            tab.run_button.click()
    finally:
        windows.close_all()
