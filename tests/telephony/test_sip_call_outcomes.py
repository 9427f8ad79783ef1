"""Outbound calls against SIPp customers: outcome class, SIP code, ring and talk time.

Each SIPp scenario plays one kind of customer with known timings; the journal
entry the engine writes by itself must match them within ±0.3 s.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from core.attempt_policy import CallOutcome, Channel
from telephony.call_journal_entry import CallDirection
from telephony.dial_plan import DialFormat, DialPlan
from telephony.sip_account_settings import SipAccountSettings, SrtpMode
from tests.fixtures.sip_peers import SippLauncher
from tests.telephony.sip_test_harness import (
    TIMING_TOLERANCE_S,
    EngineRecorder,
    call_and_wait,
)

pytestmark = [pytest.mark.sip]


def assert_close(actual: float, expected: float) -> None:
    assert abs(actual - expected) <= TIMING_TOLERANCE_S, f"{actual:.3f} s vs {expected:.3f} s"


def test_customer_answers_then_hangs_up(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_answer_remote_hangup", {"RING_MS": 800, "TALK_MS": 1200})
    entry = call_and_wait(recorder, qtbot, peer.uri())
    assert entry.outcome is CallOutcome.ANSWERED
    assert entry.channel is Channel.CALL and entry.direction is CallDirection.OUTBOUND
    assert entry.sip_code == 200
    assert entry.number == "+212612345678"
    assert_close(entry.ring_seconds, 0.8)
    assert_close(entry.talk_seconds, 1.2)
    assert entry.started < entry.ringing < entry.answered < entry.ended  # type: ignore[operator]
    assert entry.sip_call_id
    assert peer.wait() == 0, peer.errors()


def test_agent_hangs_up_answered_call(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_answer_agent_hangup", {"RING_MS": 500})
    handle = recorder.engine.dial(peer.uri())
    recorder.wait_state(qtbot, handle, "active")
    qtbot.wait(1000)
    recorder.engine.hangup(handle)
    entry = recorder.wait_journal(qtbot, handle)
    assert entry.outcome is CallOutcome.ANSWERED
    assert entry.sip_code == 200
    assert_close(entry.ring_seconds, 0.5)
    assert_close(entry.talk_seconds, 1.0)
    assert peer.wait() == 0, peer.errors()
    # Exactly one journal entry for the attempt, and the call is released.
    qtbot.wait(50)
    assert len(recorder.journal[handle]) == 1
    assert recorder.engine.live_call_count() == 0


@pytest.mark.parametrize(
    ("code", "reason", "outcome"),
    [(486, "Busy Here", CallOutcome.BUSY), (603, "Decline", CallOutcome.DECLINED)],
)
def test_customer_rejects_after_ringing(
    sipp: SippLauncher,
    recorder: EngineRecorder,
    qtbot: QtBot,
    code: int,
    reason: str,
    outcome: CallOutcome,
) -> None:
    peer = sipp.start(
        "uas_reject_after_ringing", {"RING_MS": 700, "CODE": code, "REASON": reason}
    )
    entry = call_and_wait(recorder, qtbot, peer.uri())
    assert entry.outcome is outcome
    assert entry.sip_code == code
    assert entry.sip_reason == reason
    assert_close(entry.ring_seconds, 0.7)
    assert entry.talk_seconds == 0
    assert entry.answered is None
    assert peer.wait() == 0, peer.errors()


def test_unknown_number_is_not_found(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_reject_at_once", {"CODE": 404, "REASON": "Not Found"})
    entry = call_and_wait(recorder, qtbot, peer.uri())
    assert entry.outcome is CallOutcome.NOT_FOUND
    assert entry.sip_code == 404
    assert entry.ring_seconds == 0 and entry.talk_seconds == 0
    assert "does not exist" in entry.message
    assert peer.wait() == 0, peer.errors()


def test_nobody_answers_until_the_ring_timeout(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_ring_until_cancel")
    entry = call_and_wait(recorder, qtbot, peer.uri(), ring_timeout_s=1.5)
    assert entry.outcome is CallOutcome.NO_ANSWER
    assert entry.sip_code == 487
    assert_close(entry.ring_seconds, 1.5)
    assert entry.talk_seconds == 0
    assert peer.wait() == 0, peer.errors()


def test_agent_cancels_while_ringing(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_ring_until_cancel")
    handle = recorder.engine.dial(peer.uri())
    recorder.wait_state(qtbot, handle, "ringing")
    qtbot.wait(600)
    recorder.engine.hangup(handle)
    entry = recorder.wait_journal(qtbot, handle)
    assert entry.outcome is CallOutcome.CANCELLED
    assert entry.sip_code == 487
    assert_close(entry.ring_seconds, 0.6)
    assert peer.wait() == 0, peer.errors()


def test_early_media_then_answer(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_early_media_then_answer", {"RING_MS": 900, "TALK_MS": 700})
    handle = recorder.engine.dial(peer.uri())
    entry = recorder.wait_journal(qtbot, handle)
    assert entry.outcome is CallOutcome.ANSWERED
    assert entry.sip_code == 200
    assert_close(entry.ring_seconds, 0.9)
    assert_close(entry.talk_seconds, 0.7)
    # Media was already flowing during the 183 (early media).
    early = [s for s in recorder.states[handle] if s.state == "ringing"]
    assert any(s.media_active for s in early)
    assert peer.wait() == 0, peer.errors()


def test_optional_srtp_still_reaches_a_plain_rtp_peer_through_the_dial_plan(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_answer_remote_hangup", {"RING_MS": 200, "TALK_MS": 300})
    recorder.engine.configure_account(
        SipAccountSettings(
            user="agent", domain=peer.address, register=False, srtp=SrtpMode.OPTIONAL,
            dial_plan=DialPlan(DialFormat.NATIONAL),
        ),
        "",
    )
    entry = call_and_wait(recorder, qtbot, "+212612345678")
    assert entry.outcome is CallOutcome.ANSWERED
    assert entry.remote_uri == f"sip:0612345678@{peer.address}"
    assert entry.number == "+212612345678"
    assert peer.wait() == 0, peer.errors()
