"""SMS gateway, WhatsApp calls and voice messages as team settings on the server,
pushed to the team's desks: the message dialog offers what the team configured, an
SMS goes through the gateway (a local HTTP receiver standing in for the paid one),
and the agent is told when nothing reached the customer."""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.services.messaging_service import MessageKind
from tests.fixtures.server_process import RunningServer
from tests.telephony.test_messaging import GatewayReceiver, gateway  # noqa: F401 (fixture)
from tests.ui.real_desks import Desk, fresh_order, login, open_desk, open_order
from ui.message_dialog import MessageDialog

pytestmark = [pytest.mark.slow]


def test_only_the_teams_lead_or_an_admin_sets_the_team_settings(
    shop_server: RunningServer, lead: tuple[httpx.Client, int]
) -> None:
    client, team_id = lead
    agent = login(shop_server, "agent1")
    assert agent.put(f"/teams/{team_id}/settings", json={}).status_code == 403
    assert client.put("/teams/999999/settings", json={}).status_code == 404
    bad = client.put(f"/teams/{team_id}/settings", json={"sms_gateway_url": "ftp://x"})
    assert bad.status_code == 422
    saved = client.put(f"/teams/{team_id}/settings", json={"whatsapp_voice": True})
    assert saved.status_code == 200
    assert agent.get("/team-settings").json()["whatsapp_voice"] is True


def test_team_settings_reach_the_desk_and_sms_go_through_the_gateway(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
    lead: tuple[httpx.Client, int], gateway: GatewayReceiver,  # noqa: F811
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None, softphone=False)
    desks.append(desk)
    messaging = desk.running.services.messaging
    assert not messaging.sms_through_gateway()
    assert messaging.kinds("whatsapp") == [MessageKind.TEXT]

    client, team_id = lead
    client.put(
        f"/teams/{team_id}/settings",
        json={
            "sms_gateway_url": gateway.url,
            "sms_gateway_token": "gw-secret",
            "whatsapp_voice": True,
            "whatsapp_calls": True,
        },
    ).raise_for_status()
    qtbot.waitUntil(messaging.sms_through_gateway, timeout=15_000)
    assert messaging.kinds("whatsapp") == [MessageKind.TEXT, MessageKind.VOICE, MessageKind.CALL]

    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    seen: list[MessageDialog] = []

    def send(dialog: MessageDialog) -> bool:
        seen.append(dialog)
        return True

    desk.dialogs.answers.append(send)
    desk.window.call_bar.sms_button.click()  # the server is asked first, then the dialog
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
    assert seen[0].route.text() == "Sent through your team's SMS gateway."
    qtbot.waitUntil(lambda: len(gateway.requests) == 1, timeout=5_000)
    headers, body = gateway.requests[0]
    assert headers["Authorization"] == "Bearer gw-secret"
    detail = desk.running.services.workspace.current
    assert detail is not None
    assert body["to"] == detail.phones[0]
    assert detail.customer_name in body["text"]
    assert [kind for kind, *_ in desk.dialogs.shown] == []

    # The gateway refuses: the agent is told, the attempt is journaled as failed.
    gateway.status = 500
    desk.dialogs.answers.append(True)
    shown = len(desk.dialogs.shown)
    desk.window.call_bar.sms_button.click()
    qtbot.waitUntil(lambda: len(desk.dialogs.shown) > shown, timeout=10_000)
    assert desk.dialogs.shown[-1][0] == "warning"
    assert desk.dialogs.shown[-1][2] == "The SMS gateway refused the message: it was not sent."
    qtbot.waitUntil(
        lambda: [e["outcome"] for e in desk.api(f"/orders/{order_id}/journal")
                 if e["channel"] == "sms"] == ["message_sent", "failed"],
        timeout=10_000,
    )

    # WhatsApp offers what the team set up.
    def look(dialog: MessageDialog) -> bool:
        seen.append(dialog)
        return False

    desk.dialogs.answers.append(look)
    desk.window.call_bar.whatsapp_button.click()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    kinds = [MessageKind(seen[-1].kind.itemData(i)) for i in range(seen[-1].kind.count())]
    assert kinds == [MessageKind.TEXT, MessageKind.VOICE, MessageKind.CALL]
    seen[-1].kind.setCurrentIndex(2)
    assert seen[-1].send_button.text() == "Call on WhatsApp"
    assert not seen[-1].preview.isEnabled()


def test_the_window_keeps_working_while_the_sms_gateway_answers(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
    lead: tuple[httpx.Client, int], gateway: GatewayReceiver,  # noqa: F811
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None, softphone=False)
    desks.append(desk)
    window = desk.window
    client, team_id = lead
    client.put(f"/teams/{team_id}/settings", json={"sms_gateway_url": gateway.url})
    messaging = desk.running.services.messaging
    qtbot.waitUntil(messaging.sms_through_gateway, timeout=15_000)
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    gateway.delay_s = 2.0  # a slow paid gateway

    # A clock on the GUI thread: a window that waits on the network stops ticking.
    ticks: list[float] = []
    clock = QTimer()
    clock.setInterval(50)
    clock.timeout.connect(lambda: ticks.append(time.monotonic()))
    clock.start()
    desk.dialogs.answers.append(True)
    clicked = time.monotonic()
    window.call_bar.sms_button.click()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "SMS sent through your team's gateway.",
        timeout=10_000,
    )
    answered = time.monotonic()
    clock.stop()
    assert len(gateway.requests) == 1
    assert answered - clicked > 1.5  # the answer did take the gateway's time…
    during = [clicked, *(t for t in ticks if clicked <= t <= answered), answered]
    longest = max(later - earlier for earlier, later in pairwise(during))
    # (before: one gap as long as the gateway took, 2.3 s; after: 0.2 s on a busy machine)
    assert longest < 1.0, f"the window froze for {longest:.2f} s"  # …and the window ticked
    assert desk.dialogs.shown == []
    qtbot.waitUntil(
        lambda: [e["outcome"] for e in desk.api(f"/orders/{order_id}/journal")
                 if e["channel"] == "sms"] == ["message_sent"],
        timeout=10_000,
    )

    # A gateway that does not answer in time: the reason comes when the wait is over.
    gateway.delay_s = 6.0
    desk.dialogs.answers.append(True)
    window.call_bar.sms_button.click()
    qtbot.waitUntil(lambda: len(gateway.requests) == 2, timeout=10_000)
    assert window.statusBar().currentMessage() == "Sending the SMS through the gateway…"
    assert desk.dialogs.shown == []
    qtbot.waitUntil(lambda: bool(desk.dialogs.shown), timeout=10_000)
    assert desk.dialogs.shown[-1][0] == "warning"
    assert desk.dialogs.shown[-1][2] == (
        "The SMS gateway did not answer in time: the SMS was not sent."
    )
    qtbot.waitUntil(
        lambda: [e["outcome"] for e in desk.api(f"/orders/{order_id}/journal")
                 if e["channel"] == "sms"] == ["message_sent", "failed"],
        timeout=10_000,
    )


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openUrl")
def test_a_link_nothing_opens_is_told_to_the_agent(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
) -> None:
    # The offscreen platform opens no link at all: like a desk without WhatsApp.
    desk = open_desk(qtbot, tmp_path, shop_server, None, softphone=False)
    desks.append(desk)
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)

    desk.dialogs.answers.append(True)
    desk.window.call_bar.whatsapp_button.click()
    qtbot.waitUntil(lambda: bool(desk.dialogs.shown), timeout=10_000)

    kind, _title, text = desk.dialogs.shown[-1]
    assert kind == "warning"
    assert text.startswith("WhatsApp could not be opened")
    journal: list[dict[str, Any]] = []

    def failed_entry() -> bool:
        journal[:] = desk.api(f"/orders/{order_id}/journal")
        return any(e["channel"] == "whatsapp" and e["outcome"] == "failed" for e in journal)

    qtbot.waitUntil(failed_entry, timeout=10_000)
