"""Event streams are capped per user and per server, and a client that stops
reading is dropped: a token cannot eat the server's memory with idle streams."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

import httpx

from core.wire.changes import ChangeEntity
from server.services.change_log import append_change
from server.services.db_clock import db_now
from tests.fixtures.server_process import RunningServer
from tests.server.raw_http import rss_mb
from tests.server.shop import ShopBuilder

MEMORY_BOUND_MB = 40.0


def _open_stream(
    port: int, token: str, *, cursor: int | None = None, rcvbuf: int = 0
) -> tuple[socket.socket, int]:
    """A raw ``GET /events`` left open; the socket and the answer's status."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(15)
    sock.connect(("127.0.0.1", port))
    path = "/api/v1/events" + (f"?cursor={cursor}" if cursor is not None else "")
    sock.sendall(
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
        "Accept: text/event-stream\r\n\r\n".encode()
    )
    head = sock.recv(12)
    return sock, int(head.split(b" ")[1])


def _wait_for_status(port: int, token: str, wanted: int, timeout: float = 15.0) -> int:
    deadline = time.monotonic() + timeout
    status = 0
    while time.monotonic() < deadline:
        sock, status = _open_stream(port, token)
        sock.close()
        if status == wanted:
            return status
        time.sleep(0.3)
    return status


def test_fifty_idle_streams_of_one_token_are_capped_and_memory_returns(
    sqlite_url: str, server_process_factory: Callable[..., RunningServer]
) -> None:
    server = server_process_factory(sqlite_url, extra_args=["--sse-per-user", "2"])
    assert server.process is not None
    builder = ShopBuilder(sqlite_url)
    shop = builder.new_shop(server.api, agents=2, orders=0)
    try:
        before = rss_mb(server.process.pid)
        hog, other = shop.agents
        opened = [_open_stream(server.port, hog.token) for _ in range(50)]
        statuses = [status for _, status in opened]
        assert statuses[:2] == [200, 200] and set(statuses[2:]) == {429}
        refused = httpx.get(
            f"{server.api}/events", headers={"Authorization": f"Bearer {hog.token}"}
        )
        assert refused.json()["code"] == "too_many_streams"
        assert refused.json()["params"]["limit"] == 2
        # Another desk is not refused because of the first one.
        sock, status = _open_stream(server.port, other.token)
        sock.close()
        assert status == 200
        assert httpx.get(f"{server.api}/health", timeout=5).elapsed.total_seconds() < 1.0
        for sock, _ in opened:
            sock.close()
        # Closed streams give their slots back.
        assert _wait_for_status(server.port, hog.token, 200) == 200
        grown = rss_mb(server.process.pid) - before
        assert grown < MEMORY_BOUND_MB, f"server grew by {grown:.0f} MB"
    finally:
        shop.close()
        builder.close()


def test_the_server_caps_streams_in_total(
    sqlite_url: str, server_process_factory: Callable[..., RunningServer]
) -> None:
    server = server_process_factory(sqlite_url, extra_args=["--sse-total", "3"])
    builder = ShopBuilder(sqlite_url)
    shop = builder.new_shop(server.api, agents=4, orders=0)
    try:
        opened = [_open_stream(server.port, agent.token) for agent in shop.agents]
        assert [status for _, status in opened] == [200, 200, 200, 503]
        for sock, _ in opened:
            sock.close()
    finally:
        shop.close()
        builder.close()


def test_a_client_that_stops_reading_is_dropped(
    sqlite_url: str, server_process_factory: Callable[..., RunningServer]
) -> None:
    server = server_process_factory(
        sqlite_url, extra_args=["--sse-per-user", "1", "--sse-write-timeout", "2"]
    )
    builder = ShopBuilder(sqlite_url)
    shop = builder.new_shop(server.api, agents=1, orders=0)
    try:
        # 20 MB of changes the agent may see: more than the socket buffers of a
        # reader that never reads can hold.
        with shop.db.write() as session:
            for index in range(200):
                append_change(
                    session,
                    entity=ChangeEntity.NOTE,
                    entity_id=index,
                    payload={"text": "x" * 100_000},
                    at=db_now(session),
                    team_id=shop.team_id,
                )
        agent = shop.agents[0]
        stuck, status = _open_stream(server.port, agent.token, cursor=0, rcvbuf=4096)
        assert status == 200
        # The stuck stream holds the user's only slot until the server drops it.
        assert _open_stream(server.port, agent.token)[1] == 429
        started = time.monotonic()
        assert _wait_for_status(server.port, agent.token, 200, timeout=30) == 200
        assert time.monotonic() - started < 15.0
        stuck.close()
    finally:
        shop.close()
        builder.close()
