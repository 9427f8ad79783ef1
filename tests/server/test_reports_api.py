"""Report figures over HTTP from the real server process, against a hand-computed
fixture written into the real tables.

Two teams: Casa (Samira, Youssef, lead Leila) and Rabat (Karim, lead Rachid).
Shop time zone Africa/Casablanca (UTC+1 in November 2026). Samira has a call at
23:58 local that runs past midnight (its slot is 23:00 of the 20th) and a call
and a cancel just after local midnight (UTC date still the 20th, local the 21st).
"""

from __future__ import annotations

import base64
import csv
import io
import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import select

from core.order_transitions import Role
from server.db.models_catalogue import Setting
from server.db.models_orders import JournalRow, NoteRow
from server.db.models_sync import AuditRow
from server.db.session import open_database
from tests.server.test_reports_server_process import (  # noqa: F401 (fixture)
    RunningServer,
    Seeder,
    StartServer,
    start_reports_server,
)


def utc(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


# (agent, order, started, talk seconds, channel)
ATTEMPTS = [
    ("samira", "C-101", utc(20, 8, 5), 120, "call"),
    ("samira", "C-101", utc(20, 8, 40), 0, "call"),
    ("samira", "C-102", utc(20, 8, 50), 0, "whatsapp"),
    ("samira", "C-103", utc(20, 22, 58), 300, "call"),
    ("samira", "C-104", utc(20, 23, 10), 0, "call"),
    ("youssef", "C-105", utc(20, 9, 15), 60, "call"),
    ("youssef", "C-106", utc(20, 9, 20), 90, "call"),
    ("karim", "R-201", utc(20, 8, 10), 45, "call"),
    ("samira", "C-107", utc(19, 22, 30), 30, "call"),  # 23:30 local on the 19th
]
# (agent, order, at, disposition, cancel reason)
DISPOSITIONS = [
    ("samira", "C-101", utc(20, 8, 10), "confirm", None),
    ("samira", "C-103", utc(20, 23, 3), "cancel", "too_expensive"),
    ("samira", "C-104", utc(20, 23, 12), "callback", None),
    ("youssef", "C-105", utc(20, 9, 17), "confirm", None),
    ("youssef", "C-106", utc(20, 9, 25), "cancel", "delivery_fee"),
    ("karim", "R-201", utc(20, 8, 12), "confirm", None),
]
FREE_NOTE = "Elle confirme demain matin, très contente"
RANGE = {"from": "2026-11-20", "to": "2026-11-21"}


def seed(s: Seeder) -> None:
    s.team("Casa")
    s.team("Rabat")
    s.user("samira", "Samira", Role.AGENT, "Casa")
    s.user("youssef", "Youssef", Role.AGENT, "Casa")
    s.user("leila", "Leila", Role.LEAD, "Casa")
    s.user("karim", "Karim", Role.AGENT, "Rabat")
    s.user("rachid", "Rachid", Role.LEAD, "Rabat")
    s.user("admin", "Admin", Role.ADMIN, None)
    for ref in sorted({a[1] for a in ATTEMPTS}):
        cancel = next((d[4] for d in DISPOSITIONS if d[1] == ref and d[4]), None)
        s.order(
            ref, "Rabat" if ref.startswith("R") else "Casa", status="assigned", cancel_reason=cancel
        )
    users, orders = s.seed.users, s.seed.orders
    for agent, ref, started, talk, channel in ATTEMPTS:
        s.session.add(
            JournalRow(
                id=uuid.uuid4(),
                order_id=orders[ref],
                agent_id=users[agent],
                channel=channel,
                kind="call" if channel == "call" else "message",
                direction="outbound",
                number="+212612345678",
                started_at=started,
                ring_seconds=5,
                talk_seconds=talk,
                outcome="answered"
                if talk
                else ("message_sent" if channel != "call" else "no_answer"),
                counts_as_contact=bool(talk),
                recorded_at=started,
            )
        )
    for agent, ref, at, disposition, _reason in DISPOSITIONS:
        s.session.add(
            AuditRow(
                at=at,
                user_id=users[agent],
                action=f"order.{disposition}",
                entity="order",
                entity_id=str(orders[ref]),
                detail={},
            )
        )
    s.session.add(
        NoteRow(
            order_id=orders["C-102"],
            author_id=users["samira"],
            text=FREE_NOTE,
            created_at=utc(20, 8, 51),
        )
    )


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def server(
    request: pytest.FixtureRequest,
    start_reports_server: StartServer,  # noqa: F811
) -> RunningServer:
    """One server per backend: only the classifier test writes (its own setting)."""
    url = request.getfixturevalue("postgres_url_factory")() if request.param == "postgres" else None
    return start_reports_server(seed, url)


def slot_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["agent"], row["day"], row["hour"])


def figures(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["calls"],
        row["answered_calls"],
        row["talk_seconds"],
        row["orders_contacted"],
        row["orders_closed"],
        row["confirmed"],
        row["conversion"],
        row["average_handling_seconds"],
    )


def test_lead_sees_own_team_per_local_hour_slot(server: RunningServer) -> None:
    lead = server.agent("leila")
    body = lead.get("/reports/agent-hours", **RANGE)
    assert {slot_key(r): figures(r) for r in body["slots"]} == {
        ("Samira", "2026-11-20", 9): (2, 1, 120, 2, 1, 1, 1.0, 120),
        ("Samira", "2026-11-20", 23): (1, 1, 300, 1, 0, 0, None, 300),
        ("Samira", "2026-11-21", 0): (1, 0, 0, 1, 1, 0, 0.0, None),
        ("Youssef", "2026-11-20", 10): (2, 2, 150, 2, 2, 1, 0.5, 75),
    }
    assert body["team_id"] == server.seed.teams["Casa"]
    assert figures(body["total"]) == (6, 4, 570, 6, 4, 2, 0.5, 142.5)
    assert [(r["agent"], r["calls"]) for r in body["agents"]] == [("Samira", 4), ("Youssef", 2)]

    other_team = lead.get_raw("/reports/agent-hours", team_id=server.seed.teams["Rabat"], **RANGE)
    assert other_team.status_code == 403
    assert server.agent("samira").get_raw("/reports/agent-hours", **RANGE).status_code == 403

    rabat = server.agent("rachid").get("/reports/agent-hours", **RANGE)
    assert {slot_key(r): figures(r) for r in rabat["slots"]} == {
        ("Karim", "2026-11-20", 9): (1, 1, 45, 1, 1, 1, 1.0, 45),
    }
    everyone = server.agent("admin").get("/reports/agent-hours", **RANGE)
    assert everyone["total"]["calls"] == 7
    assert {r["agent"] for r in everyone["agents"]} == {"Samira", "Youssef", "Karim"}


def test_csv_export_carries_the_same_figures(server: RunningServer) -> None:
    lead = server.agent("leila")
    answer = lead.get_raw("/reports/agent-hours.csv", **RANGE)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    text = answer.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    by_slot = {(r["agent"], r["day"], r["hour"]): r for r in rows}
    midnight = by_slot[("Samira", "2026-11-20", "23")]
    assert (midnight["calls"], midnight["talk_seconds"]) == ("1", "300.0")
    assert midnight["conversion"] == ""
    assert by_slot[("Youssef", "2026-11-20", "10")]["conversion"] == "0.5"
    assert rows[-1]["agent"] == "total" and rows[-1]["calls"] == "6"
    assert not any(r["agent"] == "Karim" for r in rows)

    reasons = lead.get_raw("/reports/cancel-reasons.csv", **RANGE).content.decode("utf-8")
    reason_rows = list(csv.DictReader(io.StringIO(reasons[1:]), delimiter=";"))
    assert [(r["reason"], r["count"]) for r in reason_rows] == [
        ("delivery_fee", "1"),
        ("too_expensive", "1"),
    ]


def test_outcomes_come_from_dispositions(server: RunningServer) -> None:
    body = server.agent("leila").get("/reports/outcomes", **RANGE)
    total = body["total"]
    assert (total["positive"], total["negative"], total["partial"], total["unclassified"]) == (
        2,
        2,
        1,
        1,
    )
    assert total["orders"] == 6
    assert body["classifier"]["used"] is False
    assert [(r["reason"], r["count"]) for r in body["cancel_reasons"]] == [
        ("delivery_fee", 1),
        ("too_expensive", 1),
    ]
    youssef = next(r for r in body["agents"] if r["agent"] == "Youssef")
    assert (youssef["positive"], youssef["negative"]) == (1, 1)


class _FakeCompletions(BaseHTTPRequestHandler):
    """Answers ``POST /v1/chat/completions`` like an OpenAI-compatible endpoint."""

    seen: list[dict[str, Any]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append({"auth": self.headers.get("Authorization"), "body": body})
        text = body["messages"][-1]["content"]
        answer = "positive" if "confirme" in text else "negative"
        payload = json.dumps(
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": answer},
                    }
                ],
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def completions() -> Iterator[str]:
    _FakeCompletions.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _FakeCompletions)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_note_classifier_is_off_by_default_and_its_figures_are_marked(
    server: RunningServer, completions: str
) -> None:
    lead, admin = server.agent("leila"), server.agent("admin")
    assert admin.get("/reports/classifier")["enabled"] is False
    before = lead.get("/reports/outcomes", classify="true", **RANGE)
    assert before["classifier"]["used"] is False and not _FakeCompletions.seen

    key = f"sk-test-{uuid.uuid4().hex}"
    assert (
        lead.http.put(
            f"{lead.base}/reports/classifier", json={"enabled": True}, timeout=10
        ).status_code
        == 403
    )
    answer = admin.http.put(
        f"{admin.base}/reports/classifier",
        json={"enabled": True, "url": completions, "model": "tiny-classifier", "api_key": key},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["has_api_key"] is True and "api_key" not in answer.json()

    body = lead.get("/reports/outcomes", classify="true", **RANGE)
    assert body["classifier"] == {
        "used": True,
        "model": "tiny-classifier",
        "classified": 1,
        "failed": 0,
        "error": None,
    }
    total = body["total"]
    assert (total["positive"], total["positive_from_classifier"], total["unclassified"]) == (
        3,
        1,
        0,
    )
    assert len(_FakeCompletions.seen) == 1
    request = _FakeCompletions.seen[0]
    assert request["auth"] == f"Bearer {key}"
    assert request["body"]["model"] == "tiny-classifier"
    assert request["body"]["messages"][-1]["content"] == FREE_NOTE
    # Without asking for it, the report stays deterministic.
    plain = lead.get("/reports/outcomes", **RANGE)
    assert plain["total"]["unclassified"] == 1 and plain["classifier"]["used"] is False
    # The key went to the keyring, never to the database.
    db = open_database(server.db_url)
    try:
        with db.read() as session:
            stored = [str(v) for v in session.execute(select(Setting.value)).scalars()]
            stored += [str(v) for v in session.execute(select(AuditRow.detail)).scalars()]
    finally:
        db.dispose()
    assert any("tiny-classifier" in text for text in stored)
    assert not any(key in text for text in stored)
    assert base64.b64encode(key.encode()) in server.keyring_file.read_bytes()
