"""The Reports tab against the real server, on the hand-computed fixture of
``tests/server/test_reports_api.py`` (lead of the Casa team)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.services.operations import OperationRunner
from app.wallboard.reports_client import ReportsClient
from sync.http_client import HttpClient
from tests.server.test_reports_api import seed
from tests.server.test_reports_server_process import (  # noqa: F401 (fixture)
    RunningServer,
    StartServer,
    start_reports_server,
)
from ui.reports.reports_tab import ReportsTab


class SaveTo:
    """Answers the save dialog with a fixed path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.errors: list[str] = []

    def save_path(self, parent: QWidget, suggested_name: str) -> Path | None:
        assert suggested_name.endswith(".csv")
        return self.path

    def show_error(self, parent: QWidget, message: str) -> None:
        self.errors.append(message)


@pytest.fixture(scope="module")
def server(start_reports_server: StartServer) -> RunningServer:  # noqa: F811
    return start_reports_server(seed)


def open_tab(
    server: RunningServer, qtbot: QtBot, tmp_path: Path, username: str, role: str
) -> Iterator[ReportsTab]:
    user = server.agent(username)
    client = HttpClient(server.base_url, lambda: user.token)
    runner = OperationRunner()
    widget = ReportsTab(ReportsClient(client), runner, SaveTo(tmp_path / "export.csv"),
                        today=date(2026, 11, 21), role=role)
    qtbot.addWidget(widget)
    widget.from_edit.setDate(QDate(2026, 11, 20))
    yield widget
    runner.wait_idle(5000)
    client.close()


@pytest.fixture
def tab(server: RunningServer, qtbot: QtBot, tmp_path: Path) -> Iterator[ReportsTab]:
    yield from open_tab(server, qtbot, tmp_path, "leila", "lead")


@pytest.fixture
def admin_tab(server: RunningServer, qtbot: QtBot, tmp_path: Path) -> Iterator[ReportsTab]:
    yield from open_tab(server, qtbot, tmp_path, "admin", "admin")


def cell(model: object, row: int, column: int) -> str:
    return str(model.data(model.index(row, column)))  # type: ignore[attr-defined]


def test_tab_shows_the_leads_figures_and_exports_the_servers_csv(
    tab: ReportsTab, server: RunningServer, qtbot: QtBot, qtmodeltester: ModelTester,
    tmp_path: Path,
) -> None:
    with qtbot.waitSignal(tab.reportShown, timeout=10_000):
        tab.run_button.click()
    hours = tab.hours_model
    qtmodeltester.check(hours)
    rows = {(cell(hours, r, 0), cell(hours, r, 1), cell(hours, r, 2)): r
            for r in range(hours.rowCount())}
    midnight = rows[("Samira", "2026-11-20", "23:00–00:00")]
    assert [cell(hours, midnight, c) for c in range(3, 10)] == [
        "1", "1", "0", "0", "—", "0:05:00", "0:05:00"
    ]
    assert ("Samira", "2026-11-21", "00:00–01:00") in rows
    assert not any(key[0] == "Karim" for key in rows)
    total = hours.rowCount() - 1
    assert cell(hours, total, 0) == "Total" and cell(hours, total, 3) == "6"
    assert hours.data(hours.index(total, 0), Qt.ItemDataRole.FontRole).bold()

    outcomes = tab.outcomes_model
    qtmodeltester.check(outcomes)
    last = outcomes.rowCount() - 1
    assert [cell(outcomes, last, c) for c in range(2, 6)] == ["2", "2", "1", "1"]
    reasons = tab.reasons_model
    qtmodeltester.check(reasons)
    assert [(cell(reasons, r, 0), cell(reasons, r, 1)) for r in range(reasons.rowCount())] == [
        ("Frais de livraison refusés", "1"), ("Prix trop élevé", "1")
    ]
    assert "dispositions" in tab.status_label.text()
    assert tab.team_box.isHidden()  # a lead is offered no other team

    with qtbot.waitSignal(tab.csvExported, timeout=10_000) as exported:
        tab.export_buttons["agent-hours"].click()
    written = Path(exported.args[0]).read_bytes()
    direct = server.agent("leila").get_raw(
        "/reports/agent-hours.csv", **{"from": "2026-11-20", "to": "2026-11-21"}
    ).content
    assert written == direct


def test_reversed_range_is_refused_in_words(tab: ReportsTab) -> None:
    tab.from_edit.setDate(QDate(2026, 11, 22))
    tab.run_button.click()
    assert tab.status_label.text() == "The last day comes before the first."


def total_calls_and_agents(tab: ReportsTab) -> tuple[str, set[str]]:
    hours = tab.hours_model
    total = hours.rowCount() - 1
    agents = {cell(hours, r, 0) for r in range(total)}
    return cell(hours, total, 3), agents


def test_admin_picks_a_team_and_the_figures_follow(
    admin_tab: ReportsTab, qtbot: QtBot
) -> None:
    tab = admin_tab
    qtbot.waitUntil(lambda: tab.team_box.isEnabled(), timeout=10_000)
    assert not tab.team_box.isHidden()
    assert [tab.team_box.itemText(i) for i in range(tab.team_box.count())] == [
        "All teams", "Casa", "Rabat"
    ]
    with qtbot.waitSignal(tab.reportShown, timeout=10_000):
        tab.run_button.click()
    assert total_calls_and_agents(tab) == ("7", {"Samira", "Youssef", "Karim"})

    with qtbot.waitSignal(tab.reportShown, timeout=10_000):
        tab.team_box.setCurrentText("Rabat")  # the report reruns by itself
    assert total_calls_and_agents(tab) == ("1", {"Karim"})
    assert tab.query().team_id is not None

    with qtbot.waitSignal(tab.reportShown, timeout=10_000):
        tab.team_box.setCurrentText("Casa")
    assert total_calls_and_agents(tab) == ("6", {"Samira", "Youssef"})
