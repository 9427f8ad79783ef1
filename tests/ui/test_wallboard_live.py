"""The wallboard window against the real server, driven by scripted agents.

Agents act over plain HTTP (claims, presence, journal entries, dispositions);
the lead's wallboard follows the server's snapshot and then its SSE stream.
Every change must show on the tiles within a second (bounded waits), and the
figures must equal those computed here from the raw database rows.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.operations import OperationRunner
from app.wallboard.alerts import AlertKind, AlertThresholds, ThresholdsFile
from app.wallboard.wallboard_feed import WallboardFeed
from app.wallboard.wallboard_service import WallboardService
from app.wallboard.wallboard_state import AgentPresence, AgentTile
from core.dispositions import OutcomeClass
from core.order_transitions import Role
from sync.http_client import HttpClient
from tests.server.test_reports_server_process import (  # noqa: F401 (fixture)
    RunningServer,
    Seeder,
    StartServer,
    start_reports_server,
)
from ui.wallboard.wallboard_dialogs import TO_POOL
from ui.wallboard.wallboard_window import WallboardWindow

#: The offscreen platform cannot resize a top-level window to its layout's hints
#: and says so; that is the test platform talking, not the wallboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

#: The promise: a change shows on the wallboard within a second.
LIVE_MS = 1000


def seed(s: Seeder) -> None:
    s.team("Casa")
    s.team("Rabat")
    s.user("samira", "Samira", Role.AGENT, "Casa")
    s.user("youssef", "Youssef", Role.AGENT, "Casa")
    s.user("leila", "Leila", Role.LEAD, "Casa")
    s.user("karim", "Karim", Role.AGENT, "Rabat")
    s.user("rachid", "Rachid", Role.LEAD, "Rabat")
    for n in range(1, 6):
        s.order(f"C-{n}", "Casa", created_at=s.now - timedelta(minutes=30 - n))
    s.order("C-OLD", "Casa", created_at=s.now - timedelta(hours=5))
    s.order("E-1", "Casa")
    s.order("E-2", "Casa")
    s.order("R-1", "Rabat")


class AnsweringDialogs:
    """Answers the wallboard's questions at once and remembers what was shown."""

    def __init__(self) -> None:
        self.new_owner: int | None = TO_POOL
        self.journals: list[tuple[str, list[dict[str, Any]]]] = []
        self.errors: list[str] = []
        self.answer: str | None = "Accordez 10 % et confirmez."
        self.questions: list[tuple[str, str, str]] = []
        self.take_over = True

    def choose_new_owner(self, parent: Any, reference: str, agents: list[AgentTile]) -> int | None:
        return self.new_owner

    def confirm_release(self, parent: Any, reference: str, holder: str) -> bool:
        return True

    def show_journal(self, parent: Any, agent_name: str, entries: list[dict[str, Any]]) -> None:
        self.journals.append((agent_name, entries))

    def edit_thresholds(self, parent: Any, current: AlertThresholds) -> AlertThresholds | None:
        return AlertThresholds(2, 5, 60)

    def show_error(self, parent: Any, message: str) -> None:
        self.errors.append(message)

    def answer_escalation(
        self, parent: Any, reference: str, agent_name: str, question: str
    ) -> str | None:
        self.questions.append((reference, agent_name, question))
        return self.answer

    def confirm_take_over(self, parent: Any, reference: str, agent_name: str) -> bool:
        return self.take_over


class Board:
    """The lead's wallboard: service, feed and window, wired as the app wires them."""

    def __init__(self, server: RunningServer, qtbot: QtBot, tmp_path: Path) -> None:
        lead = server.agent("leila")
        self.client = HttpClient(server.base_url, lambda: lead.token)
        self.runner = OperationRunner()
        self.service = WallboardService(self.client, self.runner)
        self.feed = WallboardFeed(self.client, lambda: self.service.cursor)
        self.service.attach_feed(self.feed)
        self.dialogs = AnsweringDialogs()
        self.window = WallboardWindow(
            self.service, ThresholdsFile(tmp_path / "thresholds.json"), self.dialogs
        )
        qtbot.addWidget(self.window)
        self.window.resize(1600, 900)
        self.window.show()
        self.service.start()
        qtbot.waitUntil(
            lambda: self.service.state is not None and self.service.live, timeout=10_000
        )

    def tile(self, name: str) -> AgentTile:
        state = self.service.state
        assert state is not None
        return next(t for t in state.agents.values() if t.display_name == name)

    def close(self) -> None:
        self.service.stop()
        self.runner.wait_idle(5000)
        self.client.close()


@pytest.fixture(scope="module")
def server(start_reports_server: StartServer) -> RunningServer:  # noqa: F811
    """One server for the module (each test uses its own orders)."""
    return start_reports_server(seed)


@pytest.fixture
def board(
    server: RunningServer, qtbot: QtBot, tmp_path: Path
) -> Iterator[tuple[RunningServer, Board]]:
    wallboard = Board(server, qtbot, tmp_path)
    yield server, wallboard
    wallboard.close()


def raw_figures(server: RunningServer) -> dict[int, tuple[int, float, int, int]]:
    """(calls, talk seconds, confirmed, closed) of today per agent, straight from the rows."""
    today = datetime.now(UTC).date().isoformat()
    with sqlite3.connect(server.db_url.removeprefix("sqlite:///")) as db:
        calls = {
            agent: (count, talk)
            for agent, count, talk in db.execute(
                "SELECT agent_id, COUNT(*), SUM(talk_seconds) FROM journal_entries "
                "WHERE channel = 'call' AND started_at >= ? GROUP BY agent_id", (today,)
            )
        }
        closed = {
            agent: (confirmed, total)
            for agent, confirmed, total in db.execute(
                "SELECT closed_by_id, SUM(status = 'confirmed'), COUNT(*) FROM orders "
                "WHERE closed_at >= ? GROUP BY closed_by_id", (today,)
            )
        }
    agents = set(calls) | set(closed)
    return {
        a: (calls.get(a, (0, 0))[0], float(calls.get(a, (0, 0.0))[1] or 0),
            int(closed.get(a, (0, 0))[0]), int(closed.get(a, (0, 0))[1]))
        for a in agents
    }


def timed_wait(qtbot: QtBot, condition: Any, latencies: list[float]) -> None:
    started = time.monotonic()
    qtbot.waitUntil(condition, timeout=LIVE_MS)
    latencies.append((time.monotonic() - started) * 1000)


def test_tiles_follow_scripted_agents_live(
    board: tuple[RunningServer, Board], qtbot: QtBot
) -> None:
    server, wb = board
    state = wb.service.state
    assert state is not None
    assert {t.display_name for t in state.agents.values()} == {"Samira", "Youssef"}
    latencies: list[float] = []
    samira, youssef = server.agent("samira"), server.agent("youssef")
    c1, c2 = server.seed.orders["C-1"], server.seed.orders["C-2"]

    samira.claim(c1)
    samira.presence("in_call", order_id=c1)
    timed_wait(qtbot, lambda: wb.tile("Samira").presence is AgentPresence.IN_CALL
               and wb.tile("Samira").order_reference == "C-1", latencies)
    timed_wait(qtbot, lambda: [lease.order_reference for lease in wb.window.leases_model._leases]
               == ["C-1"], latencies)
    assert wb.window.leases_model.data(wb.window.leases_model.index(0, 1)) == "Samira"

    samira.call(c1, 95)
    timed_wait(qtbot, lambda: wb.tile("Samira").calls_today == 1, latencies)
    samira.call(c1, 0)
    samira.op(c1, "confirm", {"note": "Confirmée au téléphone"})
    samira.presence("wrap_up")
    timed_wait(qtbot, lambda: wb.tile("Samira").confirmed_today == 1
               and wb.tile("Samira").presence is AgentPresence.WRAP_UP, latencies)
    timed_wait(qtbot, lambda: wb.window.outcome_chart.values()[OutcomeClass.POSITIVE] == 1,
               latencies)
    assert sum(s.confirmations for s in wb.window.hourly_chart.slots()) == 1
    assert sum(s.calls for s in wb.window.hourly_chart.slots()) == 2

    youssef.claim(c2)
    youssef.call(c2, 40)
    youssef.op(c2, "cancel", {"reason": "too_expensive"})
    youssef.presence("paused", reason="Pause café")
    timed_wait(qtbot, lambda: wb.tile("Youssef").presence is AgentPresence.PAUSED
               and wb.tile("Youssef").closed_today == 1, latencies)
    assert wb.tile("Youssef").pause_reason == "Pause café"
    assert wb.tile("Youssef").conversion == 0.0

    # Figures equal what the raw rows say.
    raw = raw_figures(server)
    for tile in wb.service.state.agents.values():  # type: ignore[union-attr]
        calls, talk, confirmed, closed = raw.get(tile.user_id, (0, 0.0, 0, 0))
        assert (tile.calls_today, tile.talk_seconds_today, tile.confirmed_today,
                tile.closed_today) == (calls, round(talk), confirmed, closed), tile.display_name
    outcomes = wb.service.state.outcomes_today  # type: ignore[union-attr]
    assert (outcomes[OutcomeClass.POSITIVE], outcomes[OutcomeClass.NEGATIVE]) == (1, 1)

    # An agent of another team never shows, whatever it does.
    karim = server.agent("karim")
    karim.presence("in_call")
    samira.presence("available")
    timed_wait(qtbot, lambda: wb.tile("Samira").presence is AgentPresence.AVAILABLE, latencies)
    assert "Karim" not in {t.display_name for t in wb.service.state.agents.values()}  # type: ignore[union-attr]
    print(f"\nwallboard latency ms: {[round(x) for x in latencies]}")


def test_alerts_and_lead_actions(board: tuple[RunningServer, Board], qtbot: QtBot) -> None:
    server, wb = board
    window = wb.window
    youssef, samira = server.agent("youssef"), server.agent("samira")
    c3 = server.seed.orders["C-3"]

    # The oldest open order (5 h) is beyond the default 2 h target.
    assert [a.kind for a in window.alerts] == [AlertKind.OLD_UNCONFIRMED]
    assert window.alert_banner.isVisibleTo(window)
    assert "C-OLD" in window.alert_banner.text()

    youssef.presence("paused", reason="Déjeuner")
    qtbot.waitUntil(lambda: wb.tile("Youssef").presence is AgentPresence.PAUSED, timeout=LIVE_MS)
    window.edit_thresholds()  # the lead sets 2 min call, 5 min pause, 60 min order
    window.set_now(datetime.now(UTC) + timedelta(minutes=6))
    kinds = [(a.kind, a.subject) for a in window.alerts]
    assert (AlertKind.LONG_PAUSE, "Youssef") in kinds
    assert "Youssef" in window.alert_banner.text()
    assert ThresholdsFile(wb.window._thresholds_file._path).load() == AlertThresholds(2, 5, 60)

    # Release: the lease disappears from the board.
    epoch = youssef.claim(c3)
    qtbot.waitUntil(lambda: c3 in wb.service.state.leases, timeout=LIVE_MS)  # type: ignore[union-attr]
    window.release_order(c3, "C-3", "Youssef")
    qtbot.waitUntil(lambda: c3 not in wb.service.state.leases, timeout=5000)  # type: ignore[union-attr]
    assert not wb.dialogs.errors
    assert epoch >= 1

    # Reassign to Samira: she owns it now and nobody holds it.
    youssef.claim(c3)
    wb.dialogs.new_owner = samira.user_id
    qtbot.waitUntil(lambda: c3 in wb.service.state.leases, timeout=LIVE_MS)  # type: ignore[union-attr]
    window.reassign_order(c3, "C-3")
    qtbot.waitUntil(lambda: c3 not in wb.service.state.leases, timeout=5000)  # type: ignore[union-attr]
    order = server.agent("leila").get(f"/orders/{c3}")
    assert order["owner_id"] == samira.user_id and order["lease"] is None

    # Today's journal of an agent.
    samira.claim(c3)
    samira.call(c3, 33, note="Rappeler après 18h")
    window.open_journal(samira.user_id)
    qtbot.waitUntil(lambda: bool(wb.dialogs.journals), timeout=5000)
    name, entries = wb.dialogs.journals[0]
    assert name == "Samira"
    assert len(entries) == raw_figures(server)[samira.user_id][0]  # every call of her day
    assert [(e["talk_seconds"], e["note"]) for e in entries if e["order_reference"] == "C-3"] == [
        (33, "Rappeler après 18h")
    ]

    # Kiosk mode: full screen without the buttons, Esc leaves it.
    window.toggle_kiosk()
    qtbot.waitUntil(lambda: window.kiosk, timeout=2000)
    window.leave_kiosk()
    qtbot.waitUntil(lambda: not window.kiosk, timeout=2000)


def escalation_rows(wb: Board) -> list[str]:
    model = wb.window.escalations_model
    return [model.escalation_at(row).order_reference  # type: ignore[union-attr]
            for row in range(model.rowCount())]


def test_escalations_reach_the_lead_live_and_are_answered_or_taken(
    board: tuple[RunningServer, Board], qtbot: QtBot, qtmodeltester: Any
) -> None:
    server, wb = board
    window = wb.window
    samira, youssef = server.agent("samira"), server.agent("youssef")
    e1, e2 = server.seed.orders["E-1"], server.seed.orders["E-2"]
    assert escalation_rows(wb) == []
    assert window.escalations_empty.isVisibleTo(window)
    assert not window.answer_button.isEnabled()

    # A scripted agent escalates over HTTP: the row is on the board within a second.
    samira.claim(e1)
    samira.post(f"/orders/{e1}/escalate",
                {"reason": "complaint", "text": "Le client veut une remise"})
    started = time.monotonic()
    qtbot.waitUntil(lambda: escalation_rows(wb) == ["E-1"], timeout=LIVE_MS)
    latency_ms = (time.monotonic() - started) * 1000
    youssef.claim(e2)
    youssef.post(f"/orders/{e2}/escalate", {"reason": "special_authorisation"})
    qtbot.waitUntil(lambda: escalation_rows(wb) == ["E-1", "E-2"], timeout=LIVE_MS)
    model = window.escalations_model
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "E-1\nClient E-1"
    assert model.data(model.index(0, 1)) == "Samira\nComplaint"
    assert model.data(model.index(1, 1)) == "Youssef\nSpecial authorisation"
    assert "Le client veut une remise" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert window.escalations_title.text() == "Escalations (2)"

    # Past the lead's threshold the row stands out and the banner says so.
    assert not model.is_overdue(0)
    window.set_now(datetime.now(UTC) + timedelta(minutes=11))
    assert model.is_overdue(0) and model.is_overdue(1)
    assert model.data(model.index(0, 2), Qt.ItemDataRole.BackgroundRole) is not None
    assert (AlertKind.LONG_ESCALATION, "E-1") in [(a.kind, a.subject) for a in window.alerts]
    assert "E-1" in window.alert_banner.text()

    # The lead of another team cannot answer it, and is told so in words.
    rachid = server.agent("rachid")
    other_client = HttpClient(server.base_url, lambda: rachid.token)
    other = WallboardService(other_client, wb.runner)
    with qtbot.waitSignal(other.actionFinished, timeout=5000) as refused:
        other.answer_escalation(e1, "Je m'en occupe")
    other_client.close()
    action, ok, code, message = refused.args
    assert (action, ok) == ("answer_escalation", False)
    assert window._texts.action_error(code, message) in {
        "Only the lead of this order's team or an admin may do this.",
        "This order no longer exists or is not visible to you.",
    }

    # The lead answers E-1 from the board: the row goes, the agent has the answer as a note
    # and the order back in her hands.
    window.escalations_view.selectRow(0)
    assert window.answer_button.isEnabled()
    window.answer_button.click()
    assert wb.dialogs.questions == [("E-1", "Samira", "Le client veut une remise")]
    qtbot.waitUntil(lambda: escalation_rows(wb) == ["E-2"], timeout=5000)
    order = samira.get(f"/orders/{e1}")
    assert order["escalation"] is None and order["owner_id"] == samira.user_id
    notes = [note["text"] for note in samira.get(f"/orders/{e1}/notes")]
    assert "Accordez 10 % et confirmez." in notes

    # The lead takes E-2 over from the board: it is in the lead's hands.
    window.set_now(datetime.now(UTC))
    assert not window.escalations_view.selectionModel().selectedRows()
    assert window.take_button.isEnabled()  # the only row left needs no selection
    window.take_button.click()
    qtbot.waitUntil(lambda: escalation_rows(wb) == [], timeout=5000)
    lead = server.agent("leila")
    order = lead.get(f"/orders/{e2}")
    assert order["escalation"] is None
    assert order["owner_id"] == lead.user_id and order["lease"]["holder_id"] == lead.user_id
    assert window.escalations_empty.isVisibleTo(window)
    assert not wb.dialogs.errors

    # Answering an escalation that is gone (another lead's desk was quicker) is refused
    # in words, not as a code.
    wb.service.answer_escalation(e1, "Trop tard")
    qtbot.waitUntil(lambda: bool(wb.dialogs.errors), timeout=5000)
    assert wb.dialogs.errors[0].startswith("The action failed: ")
    assert "_" not in wb.dialogs.errors[0]
    print(f"\nescalation on the wallboard after {latency_ms:.0f} ms")
