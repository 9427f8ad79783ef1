"""Tokens are cached for a few seconds per server process, yet a signed-out,
revoked, deactivated or reset account is refused on the very next request — by
the process that made the change and, on PostgreSQL, by every other one."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import httpx
import pytest

from server.auth.token_cache import TTL_SECONDS
from server.db.migrate import upgrade_database
from tests.fixtures.postgres import free_port
from tests.fixtures.server_process import RunningServer
from tests.server.shop import Shop, ShopBuilder


def _me(api: str, token: str) -> int:
    answer = httpx.get(f"{api}/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return answer.status_code


@pytest.mark.parametrize(
    "end_session",
    [
        pytest.param(lambda shop, user: user.client.post("/auth/logout"), id="logout"),
        pytest.param(
            lambda shop, user: shop.admin.client.post(f"/users/{user.id}/revoke-tokens"),
            id="revoke",
        ),
        pytest.param(
            lambda shop, user: shop.admin.client.post(f"/users/{user.id}/deactivate"),
            id="deactivate",
        ),
        pytest.param(
            lambda shop, user: shop.admin.client.post(f"/users/{user.id}/password", json={}),
            id="password-reset",
        ),
    ],
)
def test_an_ended_session_is_refused_on_the_next_request(shop: Shop, end_session) -> None:  # type: ignore[no-untyped-def]
    agent = shop.agents[0]
    for _ in range(3):  # the token is now in the process's cache
        assert _me(shop.api, agent.token) == 200
    answer = end_session(shop, agent)
    assert answer.status_code in (200, 204), answer.text
    assert _me(shop.api, agent.token) == 401


def test_a_new_password_lets_the_user_in_at_once(shop: Shop) -> None:
    """The cached 'must change the password' state goes with the change."""
    agent = shop.agents[1]
    answer = shop.admin.client.post(f"/users/{agent.id}/password", json={})
    temporary = answer.json()["generated_password"]
    login = httpx.post(
        f"{shop.api}/auth/login",
        json={"username": agent.username, "password": temporary, "device_id": "d"},
        timeout=30,
    ).json()
    headers = {"Authorization": f"Bearer {login['token']}"}
    with httpx.Client(base_url=shop.api, headers=headers, timeout=30) as client:
        assert client.get("/orders").status_code == 403  # cached: must change it first
        changed = client.post(
            "/auth/password",
            json={"old_password": temporary, "new_password": "Sable-dune-42-zellige"},
        )
        assert changed.status_code in (200, 204), changed.text
        assert client.get("/orders").status_code == 200


@pytest.mark.postgres
def test_a_revoked_token_is_refused_at_once_by_another_process(
    postgres_url_factory,  # type: ignore[no-untyped-def]
) -> None:
    url = postgres_url_factory()
    first = RunningServer(db_url=url, port=free_port())
    second = RunningServer(db_url=url, port=free_port())
    builder = ShopBuilder(url)
    first.start(migrate=False)
    second.start(migrate=False)
    try:
        shop = builder.new_shop(first.api, agents=2, orders=1)
        for agent in shop.agents:
            for _ in range(3):  # cached by the second process
                assert _me(second.api, agent.token) == 200
        assert shop.agents[0].client.post("/auth/logout").status_code == 204
        assert _me(second.api, shop.agents[0].token) == 401
        deactivated = shop.admin.client.post(f"/users/{shop.agents[1].id}/deactivate")
        assert deactivated.status_code == 200
        assert _me(second.api, shop.agents[1].token) == 401
        assert _me(second.api, shop.admin.token) == 200  # nobody else was signed out
        shop.close()
    finally:
        builder.close()
        first.stop()
        second.stop()


def test_processes_on_one_sqlite_file_agree_within_the_cache_lifetime() -> None:
    """No notification crosses SQLite processes: the entry's lifetime bounds the delay."""
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='hatif-cache-')) / 'hatif.db'}"
    upgrade_database(url)
    first = RunningServer(db_url=url, port=free_port())
    second = RunningServer(db_url=url, port=free_port())
    builder = ShopBuilder(url)
    first.start(migrate=False)
    second.start(migrate=False)
    try:
        shop = builder.new_shop(first.api, agents=1, orders=1)
        agent = shop.agents[0]
        assert _me(second.api, agent.token) == 200
        assert agent.client.post("/auth/logout").status_code == 204
        ended = time.monotonic()
        while _me(second.api, agent.token) != 401:
            assert time.monotonic() - ended < TTL_SECONDS + 1.0, "still accepted"
            time.sleep(0.1)
        shop.close()
    finally:
        builder.close()
        first.stop()
        second.stop()
