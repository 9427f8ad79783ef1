"""Attended transfer to the lead through the real window: the agent consults the lead
(baresip answering as the lead's phone) while the customer waits on hold, then
either completes the transfer (REFER with Replaces: the customer's phone, baresip
too, calls the lead and the agent's line is free) or goes back to the customer
(SIPp checking the hold and the resume); a lead who is busy or does not answer
sends the agent back to the customer with a message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from app.services.softphone_views import AttemptFinished
from tests.fixtures.baresip_phone import BaresipPhone
from tests.fixtures.server_process import RunningServer
from tests.fixtures.sip_peers import SippLauncher, free_port
from tests.ui.real_desks import Desk, fresh_order, open_desk, open_order

pytestmark = [pytest.mark.slow, pytest.mark.sip]


def _in_call_with_lead_set(
    qtbot: QtBot, tmp_path: Path, server: RunningServer, desks: list[Desk],
    lead: tuple[httpx.Client, int], customer_address: str, lead_uri: str,
    answer_as: Callable[[str], object] | None = None,
) -> tuple[Desk, int, list[AttemptFinished], list[bool]]:
    """A desk whose team sends transfers to ``lead_uri``, in a call with the customer
    at ``customer_address`` (``answer_as`` starts their phone for the order's number
    first); the list of booleans follows whether audio flows with the customer (the
    SIP stack's media state: off while on hold)."""
    client, team_id = lead
    client.put(f"/teams/{team_id}/settings", json={"lead_extension": lead_uri}).raise_for_status()
    desk = open_desk(qtbot, tmp_path, server, customer_address)
    desks.append(desk)
    phone = desk.running.services.softphone
    assert phone is not None
    qtbot.waitUntil(lambda: phone.lead_extension == lead_uri, timeout=15_000)
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    finished: list[AttemptFinished] = []
    phone.attempt_finished.connect(finished.append)
    bar = desk.window.call_bar
    assert bar.consult_button.isVisibleTo(bar) and not bar.consult_button.isEnabled()
    number = bar.selected_number()
    if answer_as is not None and number:
        answer_as(number)
    bar.dial_button.click()
    qtbot.waitUntil(lambda: bar.phase_label.text() == "In call", timeout=8_000)
    assert bar.consult_button.isEnabled() and not bar.complete_transfer_button.isVisibleTo(bar)
    engine = desk.running.engine
    call = phone.call
    assert engine is not None and call is not None
    media: list[bool] = []
    engine.call_state_changed.connect(
        lambda snapshot: media.append(snapshot.media_active)
        if snapshot.handle == call.handle
        else None
    )
    qtbot.waitUntil(lambda: any(c.media_active for c in engine.calls()), timeout=5_000)
    return desk, order_id, finished, media


def _call_notes(desk: Desk, order_id: int) -> list[str | None]:
    return [e["note"] for e in desk.api(f"/orders/{order_id}/journal") if e["channel"] == "call"]


def test_the_agent_consults_the_lead_then_hands_the_customer_over(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
    lead: tuple[httpx.Client, int], lead_phone: BaresipPhone,
) -> None:
    port = free_port()
    customers: list[BaresipPhone] = []

    def customer_answers(number: str) -> None:
        customers.append(BaresipPhone(tmp_path / "customer", user=number, port=port))

    try:
        desk, order_id, finished, media = _in_call_with_lead_set(
            qtbot, tmp_path, shop_server, desks, lead, f"127.0.0.1:{port}", lead_phone.uri,
            customer_answers,
        )
        [customer] = customers
        bar = desk.window.call_bar
        phone = desk.running.services.softphone
        assert phone is not None and phone.call is not None
        number = phone.call.number

        bar.consult_button.click()
        # The customer waits on hold; the lead's phone answers: the bar says so.
        qtbot.waitUntil(
            lambda: bar.phase_label.text() == "Consulting your lead…", timeout=10_000
        )
        qtbot.waitUntil(lambda: lead_phone.saw("CALL_ESTABLISHED"), timeout=5_000)
        assert phone.call is not None and phone.call.on_hold
        qtbot.waitUntil(lambda: bool(media) and not media[-1], timeout=5_000)
        assert not bar.transfer_button.isVisibleTo(bar)
        assert not bar.consult_button.isVisibleTo(bar)
        assert bar.complete_transfer_button.isEnabled() and bar.return_button.isEnabled()
        assert not bar.hold_button.isVisibleTo(bar)

        bar.complete_transfer_button.click()
        # The customer's phone was sent to the lead, in place of the consultation…
        qtbot.waitUntil(lambda: customer.saw("TRANSFER"), timeout=10_000)
        [refer] = [e for e in customer.events if e.get("type") == "TRANSFER"]
        assert lead_phone.uri.removeprefix("sip:") in refer["param"]
        assert "Replaces=" in refer["param"]
        # …the lead now talks with the customer…
        qtbot.waitUntil(
            lambda: any(
                e.get("type") == "CALL_ESTABLISHED" and number in str(e.get("peeruri"))
                for e in lead_phone.poll()
            ),
            timeout=10_000,
        )
        # …and the agent's line is free: both of the agent's calls are over.
        qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
        assert bar.phase_label.text() == "No call"
        assert not bar.hangup_button.isEnabled() and phone.call is None
        qtbot.waitUntil(
            lambda: [
                e for e in lead_phone.poll()
                if e.get("type") == "CALL_CLOSED" and "agent1@" in str(e.get("peeruri"))
            ] != [],
            timeout=10_000,
        )
        qtbot.waitUntil(lambda: customer.saw("CALL_CLOSED"), timeout=10_000)
        # One attempt on the order (the call with the lead is none), saying where it went.
        expected = f"Transferred to the team lead ({lead_phone.uri}) after a consultation."
        qtbot.waitUntil(lambda: _call_notes(desk, order_id) == [expected], timeout=10_000)
        assert len(finished) == 1
    finally:
        for customer_phone in customers:
            customer_phone.close()


def test_the_agent_goes_back_to_the_customer_after_consulting(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, sipp: SippLauncher,
    desks: list[Desk], lead: tuple[httpx.Client, int], lead_phone: BaresipPhone,
) -> None:
    customer = sipp.start("uas_answer_hold_resume", lifetime_s=90)
    desk, order_id, finished, media = _in_call_with_lead_set(
        qtbot, tmp_path, shop_server, desks, lead, customer.address, lead_phone.uri
    )
    bar = desk.window.call_bar
    phone = desk.running.services.softphone
    assert phone is not None

    bar.consult_button.click()
    qtbot.waitUntil(lambda: bar.phase_label.text() == "Consulting your lead…", timeout=10_000)
    qtbot.waitUntil(lambda: bool(media) and not media[-1], timeout=5_000)  # on hold
    bar.return_button.click()
    # Back with the customer, off hold; the lead's call is over; nothing journaled yet.
    qtbot.waitUntil(lambda: bar.phase_label.text() == "In call", timeout=5_000)
    assert phone.call is not None and not phone.call.on_hold
    qtbot.waitUntil(lambda: media[-1], timeout=5_000)  # audio flows with the customer again
    assert not bar.hold_button.isChecked() and bar.hold_button.isEnabled()
    assert bar.consult_button.isVisibleTo(bar) and not bar.return_button.isVisibleTo(bar)
    qtbot.waitUntil(lambda: lead_phone.saw("CALL_CLOSED"), timeout=10_000)
    assert finished == []

    bar.hangup_button.click()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert customer.wait(10) == 0, customer.errors()  # answered, held, resumed, BYE
    qtbot.waitUntil(lambda: _call_notes(desk, order_id) == [None], timeout=10_000)


def test_a_busy_lead_sends_the_agent_back_to_the_customer(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, sipp: SippLauncher,
    desks: list[Desk], lead: tuple[httpx.Client, int],
) -> None:
    busy_lead = sipp.start("uas_reject_at_once", {"CODE": 486, "REASON": "Busy Here"})
    customer = sipp.start("uas_answer_hold_resume", lifetime_s=90)
    desk, order_id, finished, media = _in_call_with_lead_set(
        qtbot, tmp_path, shop_server, desks, lead, customer.address, busy_lead.uri("201")
    )
    bar = desk.window.call_bar
    window = desk.window
    phone = desk.running.services.softphone
    assert phone is not None

    bar.consult_button.click()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage()
        == "Your lead is busy: you are back with the customer.",
        timeout=10_000,
    )
    assert bar.phase_label.text() == "In call"
    assert phone.call is not None and not phone.call.on_hold
    # Held, then back: the resume waits for the hold's re-INVITE, never lost.
    qtbot.waitUntil(lambda: False in media and media[-1], timeout=5_000)
    assert busy_lead.wait(10) == 0, busy_lead.errors()

    bar.hangup_button.click()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert customer.wait(10) == 0, customer.errors()
    # The lead's refusal is no attempt on the customer's order.
    qtbot.waitUntil(lambda: _call_notes(desk, order_id) == [None], timeout=10_000)
    assert len(finished) == 1


def test_a_lead_who_does_not_answer_sends_the_agent_back_in_twenty_seconds(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, sipp: SippLauncher,
    desks: list[Desk], lead: tuple[httpx.Client, int],
) -> None:
    silent_lead = sipp.start("uas_ring_until_cancel", lifetime_s=90)
    customer = sipp.start("uas_answer_hold_resume", lifetime_s=90)
    desk, order_id, finished, media = _in_call_with_lead_set(
        qtbot, tmp_path, shop_server, desks, lead, customer.address, silent_lead.uri("201")
    )
    bar = desk.window.call_bar
    window = desk.window

    bar.consult_button.click()
    # While the lead's phone rings the agent may give up, not yet hand over.
    qtbot.waitUntil(lambda: bar.phase_label.text() == "Calling your lead…", timeout=5_000)
    assert bar.return_button.isEnabled() and not bar.complete_transfer_button.isEnabled()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage()
        == "Your lead did not answer: you are back with the customer.",
        timeout=30_000,
    )
    assert bar.phase_label.text() == "In call"
    qtbot.waitUntil(lambda: False in media and media[-1], timeout=5_000)
    assert silent_lead.wait(10) == 0, silent_lead.errors()  # the INVITE was cancelled

    bar.hangup_button.click()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert customer.wait(10) == 0, customer.errors()
    qtbot.waitUntil(lambda: _call_notes(desk, order_id) == [None], timeout=10_000)
