"""Calls that go wrong end with an outcome and a readable reason, quickly, and
the engine keeps working for the next call."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from core.attempt_policy import CallOutcome
from telephony.sip_account_settings import SipAccountSettings
from tests.fixtures.sip_peers import SippLauncher, free_port
from tests.telephony.sip_test_harness import EngineRecorder, call_and_wait

pytestmark = [pytest.mark.sip]


@pytest.fixture
def silent_peer() -> Iterator[socket.socket]:
    """A UDP socket that swallows every INVITE and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    yield sock
    sock.close()


def assert_next_call_works(sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot) -> None:
    peer = sipp.start("uas_answer_remote_hangup", {"RING_MS": 100, "TALK_MS": 200})
    assert call_and_wait(recorder, qtbot, peer.uri()).outcome is CallOutcome.ANSWERED
    assert peer.wait() == 0, peer.errors()


@pytest.mark.parametrize("text", ["+2126", "not a number", "+999 1234", "123456789012345678", ""])
def test_invalid_number_is_journaled_at_once(
    text: str, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    recorder.engine.configure_account(
        # Direct dialling to a domain: the number is checked before any SIP.
        SipAccountSettings(
            user="agent", domain="127.0.0.1:9", register=False
        ),
        "",
    )
    started = time.monotonic()
    entry = call_and_wait(recorder, qtbot, text, timeout_s=2)
    assert time.monotonic() - started < 1.0
    assert entry.outcome is CallOutcome.NOT_FOUND
    assert entry.reason_code == "invalid_number"
    assert entry.sip_code == 0
    assert "not a valid phone number" in entry.message


def test_peer_that_never_answers_the_invite(
    silent_peer: socket.socket, sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    port = silent_peer.getsockname()[1]
    started = time.monotonic()
    entry = call_and_wait(recorder, qtbot, f"sip:+212612345678@127.0.0.1:{port}", timeout_s=6)
    elapsed = time.monotonic() - started
    assert entry.outcome is CallOutcome.FAILED
    assert entry.reason_code == "no_response"
    assert "did not respond" in entry.message
    assert elapsed < 4.0  # the engine's 2 s setup timeout, not SIP timer B (32 s)
    assert silent_peer.recv(4096).startswith(b"INVITE ")  # the INVITE was sent
    assert_next_call_works(sipp, recorder, qtbot)


def test_peer_refusing_tcp_connections_fails_fast(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    closed = free_port(socket.SOCK_STREAM)
    entry = call_and_wait(
        recorder, qtbot, f"sip:+212612345678@127.0.0.1:{closed};transport=tcp", timeout_s=4
    )
    assert entry.outcome is CallOutcome.FAILED
    assert entry.reason_code == "network_error"
    assert entry.sip_code == 503
    assert "cannot be reached" in entry.message
    assert_next_call_works(sipp, recorder, qtbot)


def test_hanging_up_an_ended_call_is_harmless(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_reject_at_once", {"CODE": 486, "REASON": "Busy Here"})
    handle = recorder.engine.dial(peer.uri())
    recorder.wait_journal(qtbot, handle)
    recorder.engine.hangup(handle)  # the agent clicks late: nothing happens
    qtbot.wait(50)
    assert len(recorder.journal[handle]) == 1
    assert peer.wait() == 0, peer.errors()


def test_a_runaway_redial_loop_is_refused_not_crashing(
    silent_peer: socket.socket, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    """pjsip aborts the process when its I/O queue fills with closing RTP sockets;
    the engine refuses dials beyond its rate instead."""
    uri = f"sip:+212612345678@127.0.0.1:{silent_peer.getsockname()[1]}"
    handles = [recorder.engine.dial(uri) for _ in range(40)]
    qtbot.waitUntil(lambda: len(recorder.journal) >= 25, timeout=2000)
    refused = [recorder.journal[h][0] for h in handles[15:]]
    assert all(entry.reason_code == "too_many_calls" for entry in refused)
    assert all(entry.outcome is CallOutcome.FAILED for entry in refused)
    for handle in handles[:15]:
        recorder.engine.hangup(handle)
    qtbot.waitUntil(lambda: len(recorder.journal) == 40, timeout=3000)
    assert recorder.journal[handles[0]][0].outcome is CallOutcome.CANCELLED
