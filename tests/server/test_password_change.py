"""A user changes their own password: the old one is checked (and rate limited like
a login), the other sessions end, the session in use goes on."""

from __future__ import annotations

import httpx

from tests.server.shop import PASSWORD, Shop, ShopUser

NEW_PASSWORD = "un nouveau mot de passe"


def login(shop: Shop, user: ShopUser, password: str) -> httpx.Response:
    # From an address of its own: the failed logins these tests make must not count
    # against 127.0.0.1, which every other test of the shared server logs in from.
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    with httpx.Client(transport=transport, timeout=30) as client:
        return client.post(
            f"{shop.api}/auth/login", json={"username": user.username, "password": password}
        )


def test_password_change_signs_out_the_other_sessions(shop: Shop) -> None:
    agent = shop.agents[0]
    other_session = login(shop, agent, PASSWORD)
    assert other_session.status_code == 200
    other_headers = {"Authorization": f"Bearer {other_session.json()['token']}"}

    changed = agent.client.post(
        "/auth/password", json={"old_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert changed.status_code == 204, changed.text
    assert agent.client.get("/auth/me").status_code == 200
    assert httpx.get(f"{shop.api}/auth/me", headers=other_headers, timeout=30).status_code == 401
    assert login(shop, agent, PASSWORD).status_code == 401
    assert login(shop, agent, NEW_PASSWORD).status_code == 200


def test_wrong_or_unchanged_password_is_refused(shop: Shop) -> None:
    agent = shop.agents[1]
    wrong = agent.client.post(
        "/auth/password", json={"old_password": "pas le bon", "new_password": NEW_PASSWORD}
    )
    assert wrong.status_code == 403 and wrong.json()["code"] == "wrong_password"
    same = agent.client.post(
        "/auth/password", json={"old_password": PASSWORD, "new_password": PASSWORD}
    )
    assert same.status_code == 422 and same.json()["code"] == "password_unchanged"
    for weak, reason in [
        ("court", "too_short"),
        ("Motdepasse2026!", "too_common"),
        ("azerty123456", "too_common"),
        (f"{agent.username}-2026", "contains_username"),
    ]:
        refused = agent.client.post(
            "/auth/password", json={"old_password": PASSWORD, "new_password": weak}
        )
        assert refused.status_code == 422 and refused.json()["code"] == "weak_password", weak
        # A user name made of common words may be caught as common before it is
        # caught as the user name: either way the password is refused, and why.
        expected = {reason, "too_common"} if reason == "contains_username" else {reason}
        assert refused.json()["params"]["reason"] in expected
    assert login(shop, agent, PASSWORD).status_code == 200


def test_guessing_the_old_password_is_rate_limited(shop: Shop) -> None:
    agent = shop.agents[2]
    codes = [
        agent.client.post(
            "/auth/password", json={"old_password": f"essai {i}", "new_password": NEW_PASSWORD}
        ).status_code
        for i in range(11)
    ]
    assert codes == [403] * 10 + [429]
    # Even the right password waits now (a minute, growing with each failure after it)...
    right = agent.client.post(
        "/auth/password", json={"old_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert right.status_code == 429
    assert 50 <= int(right.headers["Retry-After"]) <= 60
    # ...but signing in is throttled on its own: whoever guesses here cannot lock the
    # agent out of their desk, nor other users of the same office.
    assert login(shop, agent, PASSWORD).status_code == 200
    assert login(shop, shop.agents[0], PASSWORD).status_code == 200
