"""Transfer to the lead through the real window: the lead's extension is a team
setting on the server pushed to the desk; without it the agent reads why, with it
the call is transferred (REFER to SIPp) and the journal says where it went."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from app.services.softphone_views import AttemptFinished
from tests.fixtures.server_process import RunningServer
from tests.fixtures.sip_peers import SippLauncher
from tests.ui.real_desks import Desk, fresh_order, open_desk, open_order

pytestmark = [pytest.mark.slow, pytest.mark.sip]


def test_transfer_to_the_lead_uses_the_team_setting_and_is_journaled(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, sipp: SippLauncher,
    desks: list[Desk], lead: tuple[httpx.Client, int],
) -> None:
    customer = sipp.start("uas_blind_transfer", {"TARGET": "201"}, lifetime_s=60)
    desk = open_desk(qtbot, tmp_path, shop_server, customer.address)
    desks.append(desk)
    window = desk.window
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    phone = desk.running.services.softphone
    assert phone is not None
    finished: list[AttemptFinished] = []
    phone.attempt_finished.connect(finished.append)

    window.call_bar.dial_button.click()
    qtbot.waitUntil(lambda: window.call_bar.phase_label.text() == "In call", timeout=8_000)

    # No extension anywhere yet: the agent reads why, in words, and stays on the call.
    window.call_bar.transfer_button.click()
    assert window.statusBar().currentMessage() == (
        "No team-lead extension is set: your lead sets it in the team settings."
    )
    assert phone.call is not None

    client, team_id = lead
    client.put(f"/teams/{team_id}/settings", json={"lead_extension": "201"}).raise_for_status()
    # The team's settings reach the desk live.
    qtbot.waitUntil(lambda: phone.lead_extension == "201", timeout=15_000)
    window.call_bar.transfer_button.click()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert customer.wait(10) == 0, customer.errors()

    def journaled() -> bool:
        calls = [e for e in desk.api(f"/orders/{order_id}/journal") if e["channel"] == "call"]
        return bool(calls) and calls[0]["note"] == "Transferred to the team lead (201)."

    qtbot.waitUntil(journaled, timeout=10_000)

