"""A real server process for the report and wallboard tests, plus scripted agents.

The database is migrated and seeded (teams, users, orders) before the process
starts; the process runs ``server.app_factory.create_app`` under uvicorn on a
free loopback port, module-scoped (one start per test module, to keep the
budget) and with a file keyring of its own. This module holds helpers only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy.orm import Session

from core.order_transitions import Role
from server.db.migrate import upgrade_database
from server.db.models_orders import OrderLineRow, OrderRow
from server.db.models_sync import AuditRow
from server.db.session import open_database
from server.services.users import create_team, create_user

PASSWORD = "secret-pass-123"
ROOT = Path(__file__).resolve().parents[2]

_LAUNCHER = """
import sys
import uvicorn
from server.app_factory import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Seed:
    """What the seeding made: ids by name."""

    teams: dict[str, int] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)
    orders: dict[str, int] = field(default_factory=dict)


class Seeder:
    """Writes teams, users and orders straight into the migrated database."""

    def __init__(self, session: Session, seed: Seed) -> None:
        self.session = session
        self.seed = seed
        self.now = datetime.now(UTC)

    def team(self, name: str) -> int:
        self.seed.teams[name] = create_team(self.session, name).id
        return self.seed.teams[name]

    def user(self, username: str, display_name: str, role: Role, team: str | None) -> int:
        team_id = self.seed.teams[team] if team else None
        user = create_user(
            self.session,
            username=username,
            display_name=display_name,
            password=PASSWORD,
            role=role,
            team_id=team_id,
            now=self.now,
        )
        self.seed.users[username] = user.id
        return user.id

    def order(
        self,
        reference: str,
        team: str | None,
        *,
        status: str = "unassigned",
        created_at: datetime | None = None,
        **columns: Any,
    ) -> int:
        created = created_at or self.now
        row = OrderRow(
            reference=reference,
            created_at=created,
            updated_at=created,
            team_id=self.seed.teams[team] if team else None,
            customer_name=f"Client {reference}",
            phones=["+212612345678"],
            main_phone="+212612345678",
            address="1 rue Atlas",
            city="Casablanca",
            status=status,
            **columns,
        )
        # One line without a variant (no stock to count), so the order can be confirmed.
        row.lines.append(
            OrderLineRow(
                position=1,
                article_ref="SAC-01",
                article_name="Sac cabas",
                quantity=1,
                unit_price=Decimal("249.00"),
                line_total=Decimal("249.00"),
            )
        )
        row.subtotal = row.total = Decimal("249.00")
        self.session.add(row)
        self.session.flush()
        self.seed.orders[reference] = row.id
        return row.id

    def lease(self, order_id: int, holder: int, since: datetime, expires: datetime) -> None:
        """Put a live lease on an order, claimed at ``since`` (as a claim writes it)."""
        order = self.session.get(OrderRow, order_id)
        assert order is not None
        order.lease_holder_id = holder
        order.lease_epoch += 1
        order.lease_expires_at = expires
        order.lease_claimed_at = since
        order.owner_id = holder
        order.status = "in_progress"
        self.session.add(
            AuditRow(
                at=since,
                user_id=holder,
                action="order.claim",
                entity="order",
                entity_id=str(order_id),
                detail={"epoch": order.lease_epoch},
            )
        )


class Agent:
    """A scripted desk talking plain HTTP to the server."""

    def __init__(self, base_url: str, username: str) -> None:
        self.base = base_url + "/api/v1"
        self.http = requests.Session()
        self.device = f"bench-{username}-{uuid.uuid4().hex[:6]}"
        answer = self.http.post(
            f"{self.base}/auth/login",
            json={"username": username, "password": PASSWORD, "device_id": self.device},
            timeout=10,
        )
        answer.raise_for_status()
        body = answer.json()
        self.token: str = body["token"]
        self.user_id: int = body["user"]["id"]
        self.http.headers["Authorization"] = f"Bearer {self.token}"
        self.epochs: dict[int, int] = {}
        self.seq = 0

    def get(self, path: str, **params: Any) -> Any:
        answer = self.http.get(f"{self.base}{path}", params=params, timeout=10)
        answer.raise_for_status()
        return answer.json() if "json" in answer.headers.get("content-type", "") else answer.text

    def get_raw(self, path: str, **params: Any) -> requests.Response:
        return self.http.get(f"{self.base}{path}", params=params, timeout=10)

    def post(self, path: str, body: Any = None) -> Any:
        answer = self.http.post(f"{self.base}{path}", json=body, timeout=10)
        if answer.status_code >= 400:
            raise AssertionError(f"{path} -> {answer.status_code} {answer.text}")
        return answer.json() if answer.content else None

    def presence(self, state: str, reason: str | None = None, order_id: int | None = None) -> Any:
        answer = self.http.put(
            f"{self.base}/presence",
            json={"state": state, "reason": reason, "order_id": order_id},
            timeout=10,
        )
        answer.raise_for_status()
        return answer.json()

    def claim(self, order_id: int) -> int:
        result = self.post(f"/orders/{order_id}/claim", {})
        self.epochs[order_id] = int(result["lease"]["epoch"])
        return self.epochs[order_id]

    def op(self, order_id: int, kind: str, payload: dict[str, Any]) -> Any:
        self.seq += 1
        op = {
            "op_id": str(uuid.uuid4()),
            "client_seq": self.seq,
            "kind": kind,
            "order_id": order_id,
            "lease_epoch": self.epochs.get(order_id),
            "created_at": datetime.now(UTC).isoformat(),
            "payload": payload,
        }
        return self.post(f"/orders/{order_id}/ops", op)

    def call(
        self,
        order_id: int,
        talk: float,
        *,
        started_at: datetime | None = None,
        channel: str = "call",
        note: str | None = None,
    ) -> Any:
        outcome = "answered" if talk > 0 else "no_answer"
        if channel != "call":
            outcome = "message_sent"
        return self.op(
            order_id,
            "journal",
            {
                "id": str(uuid.uuid4()),
                "order_id": order_id,
                "channel": channel,
                "kind": "call" if channel == "call" else "message",
                "number": "+212612345678",
                "started_at": (started_at or datetime.now(UTC)).isoformat(),
                "ring_seconds": 4,
                "talk_seconds": talk,
                "outcome": outcome,
                "note": note,
            },
        )


@dataclass
class RunningServer:
    base_url: str
    db_url: str
    seed: Seed
    process: subprocess.Popen[bytes]
    keyring_file: Path

    def agent(self, username: str) -> Agent:
        return Agent(self.base_url, username)


def _wait_healthy(base_url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if requests.get(f"{base_url}/api/v1/health", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError("server did not become healthy")


StartServer = Callable[..., RunningServer]


@pytest.fixture(scope="module")
def start_reports_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StartServer]:
    """Call with a seeding function; returns the running server (killed at teardown).

    The server's keyring is a file-backed keyring in the test's folder.
    """
    tmp_path = tmp_path_factory.mktemp("reports-server")
    processes: list[subprocess.Popen[bytes]] = []
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "KEYRING_PROPERTY_FILE_PATH": str(tmp_path / "server-keyring.cfg"),
    }

    def start(seeding: Callable[[Seeder], None], db_url: str | None = None) -> RunningServer:
        """``db_url``: an empty database (e.g. PostgreSQL); a SQLite file by default."""
        db_url = db_url or f"sqlite:///{tmp_path / f'hatif-{len(processes)}.db'}"
        upgrade_database(db_url)
        db = open_database(db_url)
        seed = Seed()
        try:
            with db.write() as session:
                seeding(Seeder(session, seed))
        finally:
            db.dispose()
        port = free_port()
        log = open(tmp_path / f"server-{port}.log", "wb")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, db_url, str(port)],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        processes.append(process)
        base_url = f"http://127.0.0.1:{port}"
        _wait_healthy(base_url, process, 30)
        return RunningServer(base_url, db_url, seed, process, tmp_path / "server-keyring.cfg")

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
