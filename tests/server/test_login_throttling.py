"""Failed logins slow the guesser down with growing delays instead of locking the
account: the agent still signs in from their own desk, other users from the
guesser's desk too; every failure and every delay is audited. Desks behind a
trusted proxy count one by one (X-Forwarded-For)."""

from __future__ import annotations

import time

import httpx
from sqlalchemy import select

from server.db.models_sync import AuditRow
from tests.server.shop import PASSWORD, Shop


def _login(
    shop: Shop, username: str, password: str, *, address: str, forwarded: str | None = None
) -> httpx.Response:
    # Each test uses loopback addresses of its own: the shared server's other tests
    # log in from 127.0.0.1, which is also the trusted proxy address.
    transport = httpx.HTTPTransport(local_address=address)
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    with httpx.Client(transport=transport, timeout=30) as client:
        return client.post(
            f"{shop.api}/auth/login",
            json={"username": username, "password": password},
            headers=headers,
        )


def test_a_guesser_gets_growing_delays_but_cannot_lock_the_agent_out(shop: Shop) -> None:
    victim, colleague = shop.agents[0].username, shop.agents[1].username
    guesser, desk = "127.0.0.3", "127.0.0.4"
    codes = [_login(shop, victim, f"essai-{i}", address=guesser).status_code for i in range(5)]
    assert codes == [401] * 5
    waiting = _login(shop, victim, PASSWORD, address=guesser)
    assert waiting.status_code == 429 and waiting.json()["code"] == "too_many_attempts"
    first_wait = int(waiting.headers["Retry-After"])
    assert 1 <= first_wait <= 2 and waiting.json()["params"]["retry_after"] == first_wait
    # The agent at their own desk, and a colleague at the guesser's, are not locked out.
    assert _login(shop, victim, PASSWORD, address=desk).status_code == 200
    assert _login(shop, colleague, PASSWORD, address=guesser).status_code == 200
    # The delay grows with each failure after it, and then the right password goes through.
    time.sleep(first_wait)
    assert _login(shop, victim, "encore-faux", address=guesser).status_code == 401
    second = _login(shop, victim, PASSWORD, address=guesser)
    assert second.status_code == 429 and int(second.headers["Retry-After"]) > first_wait
    time.sleep(int(second.headers["Retry-After"]))
    assert _login(shop, victim, PASSWORD, address=guesser).status_code == 200

    with shop.db.read() as session:
        rows = session.execute(
            select(AuditRow.action, AuditRow.detail).where(
                AuditRow.action.in_(["auth.login_failed", "auth.login_throttled"]),
                AuditRow.entity_id == str(shop.agents[0].id),
            ).order_by(AuditRow.id)
        ).all()
    failed = [detail for action, detail in rows if action == "auth.login_failed"]
    throttled = [detail for action, detail in rows if action == "auth.login_throttled"]
    assert len(failed) == 6 and {d["address"] for d in failed} == {guesser}
    assert [d["delay_s"] for d in throttled] == [2, 4]


def test_desks_behind_a_trusted_proxy_are_counted_one_by_one(shop: Shop) -> None:
    victim = shop.agents[2].username
    proxy = "127.0.0.1"  # trusted by default (serve --forwarded-allow-ips)
    for i in range(5):
        assert (
            _login(shop, victim, f"x-{i}", address=proxy, forwarded="10.9.0.7").status_code == 401
        )
    assert _login(shop, victim, PASSWORD, address=proxy, forwarded="10.9.0.7").status_code == 429
    assert _login(shop, victim, PASSWORD, address=proxy, forwarded="10.9.0.8").status_code == 200
    # An untrusted sender cannot pick its address by sending the header itself.
    for i in range(5):
        _login(shop, victim, f"y-{i}", address="127.0.0.5", forwarded=f"10.9.1.{i}")
    assert (
        _login(shop, victim, PASSWORD, address="127.0.0.5", forwarded="10.9.1.99").status_code
        == 429
    )


def test_weak_passwords_are_refused_when_an_admin_creates_a_user(shop: Shop) -> None:
    for weak, reason in [
        ("demo", "too_short"),
        ("password1234", "too_common"),
        ("P@ssw0rd2026!", "too_common"),
        ("aaaaaaaaaaaaaa", "repeated"),
    ]:
        answer = shop.admin.client.post(
            "/users",
            json={
                "username": f"temp-{shop.prefix}",
                "display_name": "Intérim",
                "password": weak,
                "role": "agent",
                "team_id": shop.team_id,
            },
        )
        assert answer.status_code == 422 and answer.json()["code"] == "weak_password", weak
        assert answer.json()["params"]["reason"] == reason
    created = shop.admin.client.post(
        "/users",
        json={
            "username": f"temp-{shop.prefix}",
            "display_name": "Intérim",
            "password": "noel a casa 2026 !",
            "role": "agent",
            "team_id": shop.team_id,
        },
    )
    assert created.status_code == 201, created.text
