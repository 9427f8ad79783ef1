"""The wallboard's models and alerts, on real widgets offscreen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app.wallboard.alerts import AlertKind, AlertThresholds, ThresholdsFile, current_alerts
from app.wallboard.snapshot_reader import read_state
from app.wallboard.wallboard_state import (
    AgentPresence,
    AgentTile,
    LeaseHeld,
    WallboardState,
)
from core.order_status import OrderStatus
from ui.reports.report_table_model import ColumnKind, ReportColumn, ReportTableModel
from ui.wallboard.agent_tiles_model import AgentTilesModel, TileRole
from ui.wallboard.escalations_model import EscalationsModel
from ui.wallboard.leases_model import LeasesModel
from ui.wallboard.queue_model import QueueDepthModel
from ui.wallboard.wallboard_texts import WallboardTexts

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def tile(
    user_id: int, name: str, presence: AgentPresence, minutes: float, **kw: object
) -> AgentTile:
    since = NOW - timedelta(minutes=minutes)
    return AgentTile(user_id, name, presence, since, **kw)  # type: ignore[arg-type]


def board() -> WallboardState:
    state = WallboardState(as_of=NOW)
    for t in (
        tile(1, "Samira", AgentPresence.IN_CALL, 12, order_id=7, order_reference="CMD-7",
             calls_today=9, talk_seconds_today=3725, confirmed_today=3, closed_today=4),
        tile(2, "Youssef", AgentPresence.PAUSED, 20, pause_reason="Déjeuner"),
        tile(3, "Karim", AgentPresence.AVAILABLE, 1),
    ):
        state.agents[t.user_id] = t
    state.leases[7] = LeaseHeld(7, "CMD-7", 1, "Samira", NOW - timedelta(minutes=13))
    state.queue_by_status = {OrderStatus.UNASSIGNED: 40, OrderStatus.CALLBACK: 5}
    state.callbacks_due = 2
    state.oldest_unconfirmed_at = NOW - timedelta(hours=3)
    state.oldest_unconfirmed_reference = "CMD-1"
    return state


def test_tiles_model_shows_presence_time_order_and_figures(qtmodeltester: ModelTester) -> None:
    model = AgentTilesModel()
    qtmodeltester.check(model)
    model.set_tiles(board().agents_sorted())
    model.set_now(NOW)
    qtmodeltester.check(model)
    assert [model.data(model.index(r, 0), TileRole.USER_ID) for r in range(3)] == [3, 1, 2]
    samira = model.index(1, 0)
    assert model.data(samira, TileRole.TIME_IN_STATE) == "12:00"
    assert model.data(samira, TileRole.ORDER_TEXT) == "Order CMD-7"
    assert model.data(samira, TileRole.FIGURES_TEXT) == (
        "9 calls · 1 h 02 talk · 3 confirmed · \u206675 %\u2069"  # isolated for Arabic
    )
    assert model.data(model.index(2, 0), TileRole.PRESENCE_TEXT) == "Paused · Déjeuner"
    model.set_now(NOW + timedelta(seconds=65))
    assert model.data(samira, TileRole.TIME_IN_STATE) == "13:05"


def test_queue_and_leases_models(qtmodeltester: ModelTester) -> None:
    queue = QueueDepthModel()
    leases = LeasesModel()
    state = board()
    queue.set_state(state)
    leases.set_leases(state.leases_sorted())
    leases.set_now(NOW)
    qtmodeltester.check(queue)
    qtmodeltester.check(leases)
    shown = {
        queue.data(queue.index(r, 0)): queue.data(queue.index(r, 1))
        for r in range(queue.rowCount())
    }
    assert shown["Unassigned"] == "40"
    assert shown["Call back"] == "5"
    assert shown["Callbacks due now"] == "2"
    assert [leases.data(leases.index(0, c)) for c in range(3)] == ["CMD-7", "Samira", "13:00"]


def test_alerts_follow_the_leads_thresholds(tmp_path: Path) -> None:
    state = board()
    alerts = current_alerts(state, AlertThresholds(10, 15, 120), NOW)
    assert [(a.kind, a.subject) for a in alerts] == [
        (AlertKind.LONG_CALL, "Samira"),
        (AlertKind.LONG_PAUSE, "Youssef"),
        (AlertKind.OLD_UNCONFIRMED, "CMD-1"),
    ]
    assert current_alerts(state, AlertThresholds(15, 30, 240), NOW) == []
    file = ThresholdsFile(tmp_path / "wallboard.json")
    assert file.load() == AlertThresholds()
    file.save(AlertThresholds(3, 4, 5))
    assert file.load() == AlertThresholds(3, 4, 5)
    (tmp_path / "wallboard.json").write_text("{broken", encoding="utf-8")
    assert file.load() == AlertThresholds()


def test_report_table_model_formats_and_marks_classifier_figures(
    qtmodeltester: ModelTester,
) -> None:
    model = ReportTableModel([
        ReportColumn("agent", "Agent", ColumnKind.TEXT),
        ReportColumn("talk_seconds", "Talk", ColumnKind.SECONDS),
        ReportColumn("conversion", "Conversion", ColumnKind.RATIO),
        ReportColumn("positive", "Positive", classifier_key="positive_from_classifier"),
    ])
    model.set_rows([
        {"agent": "Samira", "talk_seconds": 3725, "conversion": 0.5, "positive": 3,
         "positive_from_classifier": 1},
        {"agent": "Total", "talk_seconds": 0, "conversion": None, "positive": 0},
    ], {1})
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "Samira", "1:02:05", "50.0 %", "3 (1*)"
    ]
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, 2)) == "—"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole).bold()


def test_escalations_come_from_the_snapshot_oldest_first_and_flag_past_the_threshold(
    qtmodeltester: ModelTester,
) -> None:
    def row(order_id: int, minutes: int, reason: str) -> dict[str, object]:
        return {"order_id": order_id, "order_reference": f"CMD-{order_id}",
                "customer_name": f"Client {order_id}", "agent_id": 1, "agent_name": "Samira",
                "reason": reason, "text": "",
                "since": (NOW - timedelta(minutes=minutes)).isoformat()}

    snapshot = {"generated_at": NOW.isoformat(), "queue": {},
                "escalations": [row(7, 3, "complaint"), row(8, 12, "complex_case")]}
    state = read_state(snapshot, {})
    assert state.escalations_read
    assert [e.order_reference for e in state.escalations_sorted()] == ["CMD-8", "CMD-7"]
    assert not read_state(None, {}).escalations_read  # snapshot failed: nothing known

    model = EscalationsModel()
    qtmodeltester.check(model)
    model.set_escalations(state.escalations_sorted())
    model.set_now(NOW)
    qtmodeltester.check(model)
    assert [model.is_overdue(r) for r in range(2)] == [True, False]  # default 10 min
    assert model.data(model.index(0, 1)) == "Samira\nComplex case"
    assert model.data(model.index(0, 2)) == "12:00"
    model.set_threshold(timedelta(minutes=15))
    assert not model.is_overdue(0)
    alerts = current_alerts(state, AlertThresholds(escalation_wait_minutes=5), NOW)
    assert [(a.kind, a.subject) for a in alerts if a.kind is AlertKind.LONG_ESCALATION] == [
        (AlertKind.LONG_ESCALATION, "CMD-8")
    ]


def test_flagged_attempts_come_from_the_snapshot_newest_first_in_words(qapp: object) -> None:
    def row(entry: int, minutes: int, flag: str) -> dict[str, object]:
        return {"entry_id": f"e{entry}", "order_id": entry, "order_reference": f"CMD-{entry}",
                "agent_id": 1, "agent_name": "Samira", "channel": "call", "flag": flag,
                "started_at": (NOW - timedelta(minutes=minutes)).isoformat()}

    snapshot = {"generated_at": NOW.isoformat(), "queue": {}, "escalations": [],
                "flagged_entries": [row(7, 30, "not_holder"), row(8, 5, "attempt_cap_reached"),
                                    row(9, 50, "call_gap"), row(10, 90, "not_holder")]}
    state = read_state(snapshot, {})
    assert [call.order_reference for call in state.flagged] == [
        "CMD-8", "CMD-7", "CMD-9", "CMD-10"
    ]
    texts = WallboardTexts()
    at = (NOW - timedelta(minutes=5)).astimezone().strftime("%H:%M")
    line = texts.flagged_calls(state.flagged)
    assert line.startswith(
        f"4 attempt(s) flagged today: {at} \u2066Samira\u2069 on \u2066CMD-8\u2069, "
        "past the attempt limit • "
    )
    assert "without holding the order" in line
    assert "too soon after the previous call" in line
    assert line.endswith("and 1 more")
    assert read_state(None, {}).flagged == []
