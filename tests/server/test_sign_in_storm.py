"""A morning's sign-in storm does not stall the agents already at work: the slow
password check (scrypt) runs outside the write transaction, so a heartbeat does
not queue behind every colleague's sign-in; checks beyond the process's slots wait
and, past their patience, are answered 503 "busy" with Retry-After."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from server.auth import password_slots
from server.services.errors import ServiceError
from tests.server.shop import PASSWORD, Shop

SIGN_INS = 16


def _sign_in(shop: Shop, username: str, address: str) -> int:
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(transport=transport, timeout=60) as client:
        answer = client.post(
            f"{shop.api}/auth/login", json={"username": username, "password": PASSWORD}
        )
        return answer.status_code


def test_heartbeats_answer_while_many_desks_sign_in(shop: Shop) -> None:
    agent = shop.agents[0]
    epoch = agent.client.post(f"/orders/{shop.order_ids[0]}/claim").json()["lease"]["epoch"]
    lease = {"leases": [{"order_id": shop.order_ids[0], "epoch": epoch}]}
    names = [shop.agents[i % len(shop.agents)].username for i in range(SIGN_INS)]
    codes: list[int] = []

    def storm() -> None:
        # Each desk from its own address: the throttle counts user@address.
        threads = [
            threading.Thread(
                target=lambda n=name, i=i: codes.append(_sign_in(shop, n, f"127.0.7.{i + 1}"))
            )
            for i, name in enumerate(names)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    runner = threading.Thread(target=storm)
    started = time.monotonic()
    runner.start()
    slowest = 0.0
    beats = 0
    while runner.is_alive():
        began = time.monotonic()
        assert agent.client.post("/leases/heartbeat", json=lease).status_code == 200
        slowest = max(slowest, time.monotonic() - began)
        beats += 1
        time.sleep(0.02)
    storm_seconds = time.monotonic() - started
    assert sorted(codes) == [200] * SIGN_INS
    assert beats >= 3, "the storm ended before the heartbeats could be timed"
    # Before, each sign-in held the database's writer through its scrypt: a heartbeat
    # waited for several of them in a row (2-4 s for 16 sign-ins on SQLite).
    assert slowest < 1.0, (
        f"a heartbeat waited {slowest:.2f} s while {SIGN_INS} desks signed in "
        f"({storm_seconds:.1f} s)"
    )


def test_a_password_check_that_finds_no_free_slot_is_answered_busy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(password_slots, "WAIT_SECONDS", 0.05)
    held = [password_slots.password_check_slot() for _ in range(password_slots.SLOTS)]
    for slot in held:
        slot.__enter__()
    try:
        with pytest.raises(ServiceError) as refused, password_slots.password_check_slot():
            pass
        assert refused.value.status_code == 503 and refused.value.code == "server_busy"
        assert refused.value.params["retry_after"] == password_slots.RETRY_AFTER_SECONDS
    finally:
        for slot in held:
            slot.__exit__(None, None, None)
    with password_slots.password_check_slot():
        pass  # every slot came back
