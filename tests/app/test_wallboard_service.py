"""The wallboard service against the real server: snapshot once, then events only.

No widgets here: the service, its SSE feed and a real ``HttpClient`` that
counts the reads it makes, so "no polling loop" and "a burst costs a few
reads" are checked on what actually went over the wire.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.services.operations import OperationRunner
from app.wallboard.wallboard_feed import WallboardFeed
from app.wallboard.wallboard_service import WallboardService
from app.wallboard.wallboard_state import AgentPresence
from core.order_transitions import Role
from sync.http_client import HttpClient
from tests.server.test_reports_server_process import (  # noqa: F401 (fixture)
    RunningServer,
    Seeder,
    StartServer,
    start_reports_server,
)


def seed(s: Seeder) -> None:
    s.team("Casa")
    s.user("samira", "Samira", Role.AGENT, "Casa")
    s.user("youssef", "Youssef", Role.AGENT, "Casa")
    s.user("leila", "Leila", Role.LEAD, "Casa")
    for n in range(1, 4):
        s.order(f"C-{n}", "Casa")


class CountingClient(HttpClient):
    """The real client, counting the GETs it sends per path."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reads: Counter[str] = Counter()

    def get_json(self, path: str, params: Any = None, *, timeout: float | None = None) -> Any:
        self.reads[path] += 1
        return super().get_json(path, params, timeout=timeout)


class Live:
    def __init__(self, server: RunningServer) -> None:
        lead = server.agent("leila")
        self.client = CountingClient(server.base_url, lambda: lead.token)
        self.runner = OperationRunner()
        self.service = WallboardService(self.client, self.runner)
        self.feed = WallboardFeed(self.client, lambda: self.service.cursor)
        self.service.attach_feed(self.feed)

    def tile(self, name: str) -> Any:
        state = self.service.state
        assert state is not None
        return next(t for t in state.agents.values() if t.display_name == name)


@pytest.fixture(scope="module")
def server(start_reports_server: StartServer) -> RunningServer:  # noqa: F811
    return start_reports_server(seed)


@pytest.fixture
def live(server: RunningServer, qtbot: QtBot) -> Iterator[Live]:
    board = Live(server)
    board.service.start()
    qtbot.waitUntil(lambda: board.service.state is not None and board.service.live, timeout=10_000)
    yield board
    board.service.stop()
    board.runner.wait_idle(5000)
    board.client.close()


def journal_op(order_id: int, seq: int, talk: float) -> dict[str, Any]:
    entry = {
        "id": str(uuid.uuid4()), "order_id": order_id, "channel": "call", "kind": "call",
        "number": "+212612345678", "started_at": datetime.now(UTC).isoformat(),
        "ring_seconds": 3, "talk_seconds": talk, "outcome": "answered" if talk else "no_answer",
    }
    return {"op_id": str(uuid.uuid4()), "client_seq": seq, "kind": "journal",
            "order_id": order_id, "payload": entry}


def test_idle_board_reads_nothing_and_presence_needs_no_read(
    live: Live, server: RunningServer, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: not live.runner.busy, timeout=5000)
    reads = dict(live.client.reads)
    qtbot.wait(1500)  # a polling board would read again here
    assert dict(live.client.reads) == reads

    server.agent("samira").presence("paused", reason="Formation")
    qtbot.waitUntil(lambda: live.tile("Samira").presence is AgentPresence.PAUSED, timeout=1000)
    assert live.tile("Samira").pause_reason == "Formation"
    assert dict(live.client.reads) == reads  # the event itself carried the change


def test_a_burst_of_events_costs_a_few_reads(
    live: Live, server: RunningServer, qtbot: QtBot
) -> None:
    youssef = server.agent("youssef")
    order_id = server.seed.orders["C-1"]
    before = live.client.reads["/reports/live"]
    calls_before = live.tile("Youssef").calls_today
    answer = youssef.http.post(
        f"{youssef.base}/sync/push",
        json={"device_id": youssef.device,
              "ops": [journal_op(order_id, seq, 30) for seq in range(1, 21)]},
        headers={"Idempotency-Key": str(uuid.uuid4())}, timeout=20,
    )
    assert answer.status_code == 200, answer.text
    assert {r["status"] for r in answer.json()["results"]} == {"applied"}
    qtbot.waitUntil(lambda: live.tile("Youssef").calls_today == calls_before + 20, timeout=3000)
    assert live.tile("Youssef").talk_seconds_today >= 600
    qtbot.waitUntil(lambda: not live.runner.busy, timeout=5000)
    assert live.client.reads["/reports/live"] - before < 20  # coalesced, not one per event


def test_reconnection_replays_what_the_board_missed(
    live: Live, server: RunningServer, qtbot: QtBot
) -> None:
    samira = server.agent("samira")
    live.feed.stop()
    qtbot.waitUntil(lambda: not live.service.live, timeout=5000)
    samira.presence("in_call", order_id=server.seed.orders["C-2"])
    samira.call(server.seed.orders["C-2"], 12)
    qtbot.wait(300)
    assert live.tile("Samira").presence is not AgentPresence.IN_CALL  # nothing without a stream
    live.feed.start()
    qtbot.waitUntil(lambda: live.tile("Samira").presence is AgentPresence.IN_CALL, timeout=5000)
    qtbot.waitUntil(lambda: live.tile("Samira").talk_seconds_today >= 12, timeout=5000)
