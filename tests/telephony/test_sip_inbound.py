"""A customer calls the agent back: it rings with the caller's number, is answered
or declined, and is journaled like an outbound call."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from core.attempt_policy import CallOutcome
from telephony.call_journal_entry import CallDirection
from telephony.sip_account_settings import SipTransport
from tests.fixtures.sip_peers import SippLauncher
from tests.telephony.sip_test_harness import TIMING_TOLERANCE_S, EngineRecorder

pytestmark = [pytest.mark.sip]


def engine_address(recorder: EngineRecorder) -> str:
    return f"127.0.0.1:{recorder.engine.transport_port(SipTransport.UDP)}"


def test_incoming_call_rings_is_answered_and_journaled(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start(
        "uac_customer_calls_in",
        {"CALLER": "0612345678", "TALK_MS": 800},
        remote=engine_address(recorder),
    )
    qtbot.waitUntil(lambda: bool(recorder.incoming), timeout=5000)
    incoming = recorder.incoming[0]
    assert incoming.caller_number == "+212612345678"  # matched to orders by E.164
    assert incoming.display_name == "Customer"
    qtbot.wait(600)
    recorder.engine.answer(incoming.handle)
    entry = recorder.wait_journal(qtbot, incoming.handle)
    assert entry.direction is CallDirection.INBOUND
    assert entry.outcome is CallOutcome.ANSWERED
    assert entry.number == "+212612345678"
    assert entry.sip_code == 200
    assert abs(entry.ring_seconds - 0.6) <= TIMING_TOLERANCE_S
    assert abs(entry.talk_seconds - 0.8) <= TIMING_TOLERANCE_S
    assert peer.wait() == 0, peer.errors()


def test_incoming_call_declined_by_the_agent(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start(
        "uac_customer_calls_in_declined", {"CALLER": "+212661000111"},
        remote=engine_address(recorder),
    )
    qtbot.waitUntil(lambda: bool(recorder.incoming), timeout=5000)
    handle = recorder.incoming[0].handle
    recorder.engine.decline(handle)
    entry = recorder.wait_journal(qtbot, handle)
    assert entry.direction is CallDirection.INBOUND
    assert entry.outcome is CallOutcome.DECLINED
    assert entry.number == "+212661000111"
    assert entry.sip_code == 603
    assert peer.wait() == 0, peer.errors()


def test_second_incoming_call_during_a_call_gets_busy_and_is_journaled_as_missed(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    customer = sipp.start("uas_answer_remote_hangup", {"RING_MS": 100, "TALK_MS": 2500})
    first = recorder.engine.dial(customer.uri())
    recorder.wait_state(qtbot, first, "active")

    caller = sipp.start(
        "uac_customer_calls_in_busy", {"CALLER": "0661000222"}, remote=engine_address(recorder)
    )
    # The engine runs on the Qt event loop: keep it turning while SIPp calls.
    qtbot.waitUntil(lambda: caller.process.poll() is not None, timeout=5000)
    assert caller.wait() == 0, caller.errors()  # the caller heard 486 Busy Here
    missed_handle = next(h for h in recorder.journal if h != first)
    missed = recorder.journal[missed_handle][0]
    assert missed.direction is CallDirection.INBOUND
    assert missed.number == "+212661000222"
    assert missed.outcome is CallOutcome.NO_ANSWER
    assert missed.reason_code == "missed_while_busy"
    assert missed.sip_code == 486
    assert recorder.incoming == []  # no pop-up over the call in progress

    # The call in progress went on undisturbed.
    assert [call.handle for call in recorder.engine.calls()] == [first]
    entry = recorder.wait_journal(qtbot, first)
    assert entry.outcome is CallOutcome.ANSWERED
    assert abs(entry.talk_seconds - 2.5) <= TIMING_TOLERANCE_S
    assert customer.wait() == 0, customer.errors()
