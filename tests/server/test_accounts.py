"""Account lifecycle against the real server: deactivation ends sessions, streams
and leases at once; a password reset forces a change at the next sign-in; all of
a user's tokens can be revoked; an idle token stops working; the same from the CLI."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select, update

from server.cli import main
from server.db.models_users import ApiToken
from server.services.db_clock import db_now
from tests.fixtures.server_process import RunningServer
from tests.server.shop import PASSWORD, Shop
from tests.server.sse_client import SseCollector

STRONG = "un autre mot de passe 2026"


def _login(server: RunningServer, username: str, password: str) -> httpx.Response:
    # From an address of its own, so these logins never count against 127.0.0.1.
    with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.6"), timeout=30) as c:
        return c.post(f"{server.api}/auth/login", json={"username": username, "password": password})


def _me(server: RunningServer, token: str) -> int:
    return httpx.get(
        f"{server.api}/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=30
    ).status_code


def test_deactivation_ends_sessions_streams_and_leases_at_once(
    shop: Shop, server: RunningServer
) -> None:
    temp, colleague = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[0]
    assert temp.client.post(f"/orders/{order_id}/claim").status_code == 200
    stream = SseCollector(server.api, temp.token, count=10_000, timeout=30).start()

    answer = shop.admin.client.post(f"/users/{temp.id}/deactivate")
    assert answer.status_code == 200, answer.text
    assert answer.json()["user"]["active"] is False and answer.json()["revoked_tokens"] == 1
    assert _me(server, temp.token) == 401
    started = time.monotonic()
    stream.join()
    assert time.monotonic() - started < 10, "the stream outlived the account"
    # The order went back to the pool: a colleague takes it without waiting for the lease.
    claimed = colleague.client.post(f"/orders/{order_id}/claim")
    assert claimed.status_code == 200, claimed.text
    assert _login(server, temp.username, PASSWORD).status_code == 401

    again = shop.admin.client.post(f"/users/{temp.id}/reactivate")
    assert again.status_code == 200 and again.json()["user"]["active"] is True
    assert _login(server, temp.username, PASSWORD).status_code == 200
    assert _me(server, temp.token) == 401  # the old session stays ended
    assert shop.agents[2].client.post(f"/users/{temp.id}/deactivate").status_code == 403
    assert shop.admin.client.post(f"/users/{shop.admin.id}/deactivate").status_code == 422


def test_a_password_reset_forces_a_change_at_the_next_sign_in(
    shop: Shop, server: RunningServer
) -> None:
    agent = shop.agents[1]
    weak = shop.admin.client.post(f"/users/{agent.id}/password", json={"new_password": "demo"})
    assert weak.status_code == 422 and weak.json()["code"] == "weak_password"
    reset = shop.admin.client.post(f"/users/{agent.id}/password", json={})
    assert reset.status_code == 200, reset.text
    temporary = reset.json()["generated_password"]
    assert len(temporary) >= 12 and reset.json()["revoked_tokens"] == 1
    assert _me(server, agent.token) == 401
    assert _login(server, agent.username, PASSWORD).status_code == 401

    login = _login(server, agent.username, temporary)
    assert login.status_code == 200 and login.json()["must_change_password"] is True
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    with httpx.Client(base_url=server.api, headers=headers, timeout=30) as client:
        blocked = client.get("/orders")
        assert blocked.status_code == 403 and blocked.json()["code"] == "password_change_required"
        assert client.get("/auth/me").status_code == 200
        changed = client.post(
            "/auth/password", json={"old_password": temporary, "new_password": STRONG}
        )
        assert changed.status_code == 204, changed.text
        assert client.get("/orders").status_code == 200
    assert _login(server, agent.username, STRONG).json()["must_change_password"] is False


def test_all_tokens_of_a_user_can_be_revoked(shop: Shop, server: RunningServer) -> None:
    agent = shop.agents[2]
    second = _login(server, agent.username, PASSWORD).json()["token"]
    assert shop.agents[0].client.post(f"/users/{agent.id}/revoke-tokens").status_code == 403
    answer = shop.admin.client.post(f"/users/{agent.id}/revoke-tokens")
    assert answer.status_code == 200 and answer.json()["revoked_tokens"] == 2
    assert _me(server, agent.token) == 401 and _me(server, second) == 401
    assert _login(server, agent.username, PASSWORD).status_code == 200


def test_a_token_unused_for_the_idle_timeout_stops_working(
    shop: Shop, server: RunningServer
) -> None:
    idle, busy = shop.agents[0], shop.agents[1]
    with shop.db.write() as session:
        now = db_now(session)
        for user, unused in ((idle, timedelta(hours=13)), (busy, timedelta(hours=11))):
            session.execute(
                update(ApiToken)
                .where(ApiToken.user_id == user.id)
                .values(last_used_at=now - unused)
            )
    assert _me(server, idle.token) == 401
    assert _me(server, busy.token) == 200
    with shop.db.read() as session:
        touched = session.execute(
            select(ApiToken.last_used_at).where(ApiToken.user_id == busy.id)
        ).scalar_one()
        assert touched is not None and db_now(session) - touched < timedelta(minutes=1)


def test_the_account_commands_of_hatif_server(
    shop: Shop, server: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    agent = shop.agents[0]
    db = ["--db", server.db_url]
    assert main(["deactivate-user", agent.username, *db]) == 0
    assert "deactivated; 1 sessions ended" in capsys.readouterr().out
    assert _me(server, agent.token) == 401
    assert main(["reactivate-user", agent.username, *db]) == 0
    assert main(["reset-password", agent.username, "--password", "court", *db]) == 2
    assert "weak_password" in capsys.readouterr().err
    assert main(["reset-password", agent.username, *db]) == 0
    temporary = capsys.readouterr().out.split("Temporary password: ")[1].strip()
    assert _login(server, agent.username, temporary).json()["must_change_password"] is True
    assert main(["revoke-tokens", agent.username, *db]) == 0
    assert "1 sessions" in capsys.readouterr().out
    assert main(["revoke-tokens", "nobody-here", *db]) == 2
