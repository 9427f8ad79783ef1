"""The server answers health with its version, and a shop's agent can claim."""

from __future__ import annotations

import httpx

from tests.fixtures.server_process import RunningServer
from tests.server.shop import Shop


def test_health_reports_version_and_database(server: RunningServer, backend) -> None:
    answer = httpx.get(f"{server.api}/health", timeout=10).json()
    assert answer["status"] == "ok"
    assert answer["version"]
    assert answer["database"] == ("sqlite" if backend.name == "sqlite" else "postgresql")


def test_agent_claims_an_order(shop: Shop) -> None:
    agent = shop.agents[0]
    answer = agent.client.post(f"/orders/{shop.order_ids[0]}/claim")
    assert answer.status_code == 200, answer.text
    assert answer.json()["lease"]["holder_name"] == agent.username
