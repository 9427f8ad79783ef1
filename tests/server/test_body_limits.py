"""Oversized bodies are refused before the server reads them: 413 with a clear
message, the server's memory flat, other requests served meanwhile."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx

from tests.fixtures.server_process import RunningServer
from tests.server.raw_http import rss_mb, send_big_body
from tests.server.shop import ShopBuilder

MB = 1024 * 1024
# What the server may grow by while refusing 100-300 MB bodies (it grew by
# 300-600 MB when it read them whole).
MEMORY_BOUND_MB = 40.0


def _pid(server: RunningServer) -> int:
    assert server.process is not None
    return server.process.pid


def test_huge_bodies_get_413_and_the_server_memory_stays_flat(
    sqlite_url: str, server_process_factory: Callable[..., RunningServer]
) -> None:
    server = server_process_factory(sqlite_url)
    before = rss_mb(_pid(server))

    login = send_big_body(server.port, "/api/v1/auth/login", 100 * MB)
    assert login.status == 413 and login.body["code"] == "body_too_large"
    assert "1 MB" in login.body["message"]
    assert login.sent_bytes < 10 * MB  # answered before the body was sent, let alone read

    # Streamed to a route whose JSON body FastAPI reads itself: the same refusal.
    chunked_login = send_big_body(server.port, "/api/v1/auth/login", 20 * MB, declare_length=False)
    assert chunked_login.status == 413 and chunked_login.body["code"] == "body_too_large"

    streamed = send_big_body(
        server.port,
        "/api/v1/webhooks/orders",
        300 * MB,
        declare_length=False,
        headers={"X-Hatif-Signature": "t=1,id=x,v1=00"},
    )
    assert streamed.status == 413 and streamed.body["code"] == "body_too_large"
    assert streamed.sent_bytes < 50 * MB

    grown = rss_mb(_pid(server)) - before
    assert grown < MEMORY_BOUND_MB, f"server grew by {grown:.0f} MB"
    assert httpx.get(f"{server.api}/health", timeout=5).status_code == 200


def test_the_import_limit_is_a_setting_and_counts_a_streamed_sheet(
    sqlite_url: str, server_process_factory: Callable[..., RunningServer]
) -> None:
    server = server_process_factory(sqlite_url, extra_args=["--max-import-mb", "1"])
    builder = ShopBuilder(sqlite_url)
    shop = builder.new_shop(server.api, agents=1, orders=0)
    try:
        sheet = b"Client,Ville\n" + b"Ali,Fes\n" * (200 * 1024)  # 1.6 MB
        declared = shop.lead.client.post(
            "/import/orders", content=sheet, headers={"Content-Type": "text/csv"}
        )
        assert declared.status_code == 413 and declared.json()["code"] == "body_too_large"
        assert declared.json()["params"]["limit_bytes"] == MB

        def chunks() -> object:
            for start in range(0, len(sheet), 64 * 1024):
                yield sheet[start : start + 64 * 1024]

        streamed = shop.lead.client.post(
            "/import/orders", content=chunks(), headers={"Content-Type": "text/csv"}
        )
        assert streamed.status_code == 413 and streamed.json()["code"] == "body_too_large"

        small = shop.lead.client.post(
            "/import/orders", content=sheet[: MB // 2], headers={"Content-Type": "text/csv"}
        )
        assert small.status_code == 200, small.text
        assert small.json()["errors"][0]["code"] == "missing_columns"
        # A JSON route keeps its own 1 MB limit whatever the import limit is.
        big_json = shop.agents[0].client.put(
            "/presence", content=b'{"state": "paused", "reason": "' + b"a" * (2 * MB) + b'"}'
        )
        assert big_json.status_code == 413
    finally:
        shop.close()
        builder.close()


def test_a_huge_bad_webhook_does_not_delay_a_heartbeat(
    sqlite_url: str, server_process_factory: Callable[..., RunningServer]
) -> None:
    server = server_process_factory(sqlite_url)
    builder = ShopBuilder(sqlite_url)
    shop = builder.new_shop(server.api, agents=1, orders=1)
    try:
        agent = shop.agents[0]
        epoch = agent.client.post(f"/orders/{shop.order_ids[0]}/claim").json()["lease"]["epoch"]
        lease = {"leases": [{"order_id": shop.order_ids[0], "epoch": epoch}]}
        done = threading.Event()
        statuses: list[int] = []

        def attack() -> None:
            for _ in range(3):
                answer = send_big_body(
                    server.port,
                    "/api/v1/webhooks/orders",
                    300 * MB,
                    declare_length=False,
                    headers={"X-Hatif-Signature": "t=1,id=x,v1=00"},
                )
                statuses.append(answer.status)
            done.set()

        thread = threading.Thread(target=attack)
        thread.start()
        slowest = 0.0
        while not done.is_set():
            started = time.monotonic()
            assert agent.client.post("/leases/heartbeat", json=lease).status_code == 200
            slowest = max(slowest, time.monotonic() - started)
            time.sleep(0.02)
        thread.join()
        assert statuses == [413, 413, 413]
        assert slowest < 0.5, f"a heartbeat waited {slowest:.2f} s"
    finally:
        shop.close()
        builder.close()
