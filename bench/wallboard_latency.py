"""How long from a change on the server to the wallboard's state showing it.

A real server process on SQLite, a lead's wallboard service with its SSE feed
(no window), and scripted agents over HTTP. Four kinds of change:
- presence: applied straight from the event;
- journal entry: the event asks for a fresh read of the figures;
- escalation: an agent escalates an order, until its row is on the board;
- answer: the lead answers it (over HTTP), until the row is gone.

Prints p50 / p95 / max in milliseconds; ``--json PATH`` writes the same.

    .venv/bin/python bench/wallboard_latency.py --rounds 50 --json bench/results/wallboard.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication

from app.services.operations import OperationRunner
from app.wallboard.wallboard_session import open_wallboard
from bench.percentiles import percentile
from core.order_transitions import Role
from server.db.migrate import upgrade_database
from server.db.session import open_database
from sync.http_client import HttpClient
from tests.server.test_reports_server_process import (
    _LAUNCHER,
    Agent,
    Seed,
    Seeder,
    _wait_healthy,
    free_port,
)


def seed(agents: int) -> Callable[[Seeder], None]:
    def run(s: Seeder) -> None:
        s.team("Casa")
        s.user("lead", "Lead", Role.LEAD, "Casa")
        for n in range(agents):
            s.user(f"agent{n}", f"Agent {n}", Role.AGENT, "Casa")
        for n in range(20):
            s.order(f"B-{n}", "Casa")
    return run


def wait(app: QCoreApplication, condition: Callable[[], bool], timeout: float = 10.0) -> float:
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the wallboard did not show the change")
        time.sleep(0.001)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--agents", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="hatif-wallboard-bench-"))
    db_url = f"sqlite:///{folder / 'bench.db'}"
    upgrade_database(db_url)
    db = open_database(db_url)
    seeded = Seed()
    with db.write() as session:
        seed(args.agents)(Seeder(session, seeded))
    db.dispose()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", _LAUNCHER, db_url, str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_healthy(base, server, 60)
        lead = Agent(base, "lead")
        client = HttpClient(base, lambda: lead.token)
        runner = OperationRunner()
        board = open_wallboard(client, runner, folder)
        wait(app, lambda: board.service.state is not None and board.service.live)
        agent = Agent(base, "agent0")
        order = seeded.orders["B-0"]
        agent.claim(order)
        presence_ms: list[float] = []
        journal_ms: list[float] = []
        escalation_ms: list[float] = []
        answer_ms: list[float] = []
        states = ["in_call", "wrap_up", "available"]
        for n in range(args.rounds):
            state = states[n % len(states)]
            started = time.perf_counter()
            agent.presence(state, order_id=order)
            wait(app, lambda s=state: board.service.state.agents[agent.user_id].presence == s)  # type: ignore[union-attr]
            presence_ms.append((time.perf_counter() - started) * 1000)
            before = board.service.state.agents[agent.user_id].calls_today  # type: ignore[union-attr]
            started = time.perf_counter()
            agent.call(order, 10)
            wait(app, lambda b=before: board.service.state.agents[agent.user_id].calls_today > b)  # type: ignore[union-attr]
            journal_ms.append((time.perf_counter() - started) * 1000)

            def waiting() -> list[int]:
                return [e.order_id for e in board.service.state.escalations]  # type: ignore[union-attr]

            escalated = seeded.orders[f"B-{1 + n % 19}"]
            agent.claim(escalated)
            started = time.perf_counter()
            agent.post(f"/orders/{escalated}/escalate", {"reason": "complaint"})
            wait(app, lambda o=escalated: o in waiting())
            escalation_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            lead.post(f"/orders/{escalated}/escalation/answer", {"text": "OK"})
            wait(app, lambda o=escalated: o not in waiting())
            answer_ms.append((time.perf_counter() - started) * 1000)
        board.stop()
        runner.wait_idle(5000)
        client.close()
    finally:
        server.terminate()
        server.wait(10)
    results = {
        kind: {"rounds": len(v), "p50_ms": round(statistics.median(v), 1),
               "p95_ms": round(percentile(v, 0.95), 1), "max_ms": round(max(v), 1)}
        for kind, v in (("presence", presence_ms), ("journal", journal_ms),
                        ("escalation", escalation_ms), ("answer", answer_ms))
    }
    print(f"wallboard latency, {args.agents} agents, SQLite, change -> board state")
    print(f"{'change':<11} {'rounds':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, r in results.items():
        print(f"{kind:<11} {r['rounds']:>6} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['max_ms']:>8}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"agents": args.agents, "results": results}, indent=2))


if __name__ == "__main__":
    main()
