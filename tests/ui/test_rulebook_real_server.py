"""The desk and the real server answer from the same rulebook: a lead's "one more
attempt" reaches the server and raises the cap the desk shows; an agent who already
holds the shop's limit of orders is refused the next one in words. Needs the
server's side of the rulebook (attempt grants, the lease cap)."""

from __future__ import annotations

from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot

from tests.fixtures.server_process import RunningServer
from tests.ui.real_desks import Desk, fresh_order, open_desk, open_order


def _post(desk: Desk, path: str) -> httpx.Response:
    return httpx.post(
        f"{desk.server.api}{path}",
        headers={"Authorization": f"Bearer {desk.token}"},
        json={},
        timeout=10,
    )


def test_a_lead_grants_one_more_attempt_and_the_cap_follows(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    lead = open_desk(qtbot, tmp_path, shop_server, None, username="lead1", softphone=False)
    desks.append(lead)
    order_id = fresh_order(lead)
    open_order(qtbot, lead, order_id)
    grant = lead.window.order.grant_attempt
    assert grant.isVisibleTo(lead.window.order) and grant.isEnabled()
    assert lead.window.call_bar.attempt_label.text() == "Attempt 1 of 4"
    grant.click()
    qtbot.waitUntil(lambda: lead.api(f"/orders/{order_id}")["extra_attempts"] == 1, timeout=10_000)
    qtbot.waitUntil(
        lambda: lead.window.call_bar.attempt_label.text() == "Attempt 1 of 5", timeout=10_000
    )
    assert lead.window.wrapup.result.property("state") != "rejected"


def test_an_agent_at_the_lease_cap_is_refused_the_next_order_in_words(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None, softphone=False)
    desks.append(desk)
    held: list[int] = []
    try:
        # The agent holds three orders elsewhere (another window, say): the shop's limit.
        while len(held) < 3:
            order_id = fresh_order(desk, skip=frozenset(held))
            assert _post(desk, f"/orders/{order_id}/claim").status_code == 200
            held.append(order_id)
        target = fresh_order(desk, skip=frozenset(held))
        queue = desk.window.queue
        queue.select_order(target)
        queue.table.activated.emit(queue.model.index(queue.model.row_of(target), 0))
        result = desk.window.wrapup.result
        qtbot.waitUntil(
            lambda: result.property("state") in ("conflict", "rejected"), timeout=10_000
        )
        assert result.text() == (
            "You already hold 3 orders (the limit is 3): finish or give one back first."
        )
    finally:
        for order_id in held:
            _post(desk, f"/orders/{order_id}/release")
