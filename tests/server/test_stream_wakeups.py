"""Waking the event streams a change concerns, and only those
(``server.services.stream_wakeups``), on a real event loop."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from core.order_transitions import Role
from server.auth.principal import Principal
from server.services.stream_wakeups import EVERY_CHANGE, Interest, StreamWakeups, interest_of
from tests.fixtures.server_process import RunningServer
from tests.server.conftest import Backend
from tests.server.shop import Shop, ShopBuilder


def _woken(
    wakeups: StreamWakeups, interests: list[Interest], wake: str, teams: list[int | None]
) -> list[Interest]:
    async def scenario() -> list[Interest]:
        signals = [wakeups.signal(interest) for interest in interests]
        if wake == "all":
            wakeups.wake_all()
        else:
            wakeups.wake_teams(teams)
        await asyncio.sleep(0)
        return [interest for interest, sig in zip(interests, signals, strict=True) if sig.is_set()]

    return asyncio.run(scenario())


def test_a_teams_change_wakes_that_team_and_the_admins_only() -> None:
    woken = _woken(StreamWakeups(), [1, 2, None, EVERY_CHANGE], "teams", [1])
    assert woken == [1, EVERY_CHANGE]


def test_a_teamless_change_or_a_wake_all_wakes_everybody() -> None:
    everybody: list[Interest] = [1, 2, None, EVERY_CHANGE]
    assert _woken(StreamWakeups(), everybody, "teams", [2, None]) == everybody
    assert _woken(StreamWakeups(), everybody, "all", []) == everybody


def test_a_woken_signal_is_not_reused() -> None:
    async def scenario() -> bool:
        wakeups = StreamWakeups()
        first = wakeups.signal(3)
        wakeups.wake_teams([3])
        return first.is_set() and not wakeups.signal(3).is_set()

    assert asyncio.run(scenario())


def test_admins_wait_for_every_change_and_others_for_their_team() -> None:
    admin = Principal(user_id=1, username="a", display_name="A", role=Role.ADMIN, team_id=None)
    lead = Principal(user_id=2, username="l", display_name="L", role=Role.LEAD, team_id=7)
    loner = Principal(user_id=3, username="x", display_name="X", role=Role.AGENT, team_id=None)
    assert interest_of(admin) is EVERY_CHANGE
    assert interest_of(lead) == 7
    assert interest_of(loner) is None


@pytest.fixture
def other_shop(builder: ShopBuilder, server: RunningServer) -> Iterator[Shop]:
    built = builder.new_shop(server.api, agents=2, orders=3)
    yield built
    built.close()


KEEPALIVE_BOUND_S = 14.0  # the server's keep-alive comes every 10 s of silence


def _read_lines(
    api: str, token: str, lines: list[tuple[float, str]], stop: threading.Event
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with contextlib.suppress(httpx.HTTPError), httpx.stream(
        "GET", f"{api}/events", headers=headers, timeout=httpx.Timeout(10, read=30)
    ) as response:
        for line in response.iter_lines():
            lines.append((time.monotonic(), line))
            if stop.is_set():
                return


def test_a_quiet_teams_stream_keeps_its_keepalive_while_another_team_works(
    shop: Shop, other_shop: Shop, backend: Backend
) -> None:
    """Streams of a team with no change are not woken by other teams' changes, and
    still get their keep-alive (a proxy or the desk would otherwise cut them)."""
    if backend.name != "sqlite":
        pytest.skip("the hub's wake-ups are the same code on both databases")
    stop = threading.Event()
    quiet: list[tuple[float, str]] = []
    busy: list[tuple[float, str]] = []
    readers = [
        threading.Thread(target=_read_lines, args=(shop.api, shop.agents[0].token, quiet, stop),
                         daemon=True),
        threading.Thread(target=_read_lines,
                         args=(other_shop.api, other_shop.agents[1].token, busy, stop),
                         daemon=True),
    ]
    for reader in readers:
        reader.start()
    started = time.monotonic()
    try:
        # The other team claims and releases its orders for the whole span.
        worker = other_shop.agents[0].client
        while time.monotonic() - started < KEEPALIVE_BOUND_S:
            for order_id in other_shop.order_ids:
                assert worker.post(f"/orders/{order_id}/claim").status_code == 200
                assert worker.post(f"/orders/{order_id}/release").status_code in (200, 204)
            time.sleep(0.3)
    finally:
        stop.set()
    assert any(line == ": keepalive" for _, line in quiet), quiet
    # Nothing of the other team (its own orders' creation may come first).
    assert not any(other_shop.prefix in line for _, line in quiet)
    assert sum(line.startswith("event: order") for _, line in busy) >= 10
