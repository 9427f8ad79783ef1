"""Registration and calls through Kamailio as registrar and proxy with digest auth."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from core.attempt_policy import CallOutcome
from telephony.sip_account_settings import SipAccountSettings, SipTransport
from telephony.sip_engine import SipEngine
from telephony.sip_events import RegistrationStatus
from tests.fixtures.sip_peers import KamailioLauncher, SippLauncher, free_port
from tests.telephony.conftest import loopback_engine_settings
from tests.telephony.sip_test_harness import EngineRecorder, call_and_wait

pytestmark = [pytest.mark.sip]

DONE = {RegistrationStatus.REGISTERED, RegistrationStatus.FAILED}


def test_right_password_registers_and_calls_reach_the_peer_through_the_proxy(
    kamailio: KamailioLauncher, sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_answer_remote_hangup", {"RING_MS": 300, "TALK_MS": 500})
    server = kamailio.start({"agent7": "s3cret-pass"}, peer_port=peer.port)
    account = SipAccountSettings(
        user="agent7", domain=server.domain, outbound_proxy=f"sip:{server.domain};lr"
    )
    recorder.engine.configure_account(account, "s3cret-pass")
    state = recorder.wait_registration(qtbot, DONE)
    assert state.status is RegistrationStatus.REGISTERED, (state, server.log())
    assert state.code == 200 and state.expires_s > 0
    entry = call_and_wait(recorder, qtbot, "0612345678")
    assert entry.outcome is CallOutcome.ANSWERED, (entry, server.log())
    assert entry.number == "+212612345678"
    assert peer.wait() == 0, peer.errors()


def test_wrong_password_fails_with_a_readable_reason(
    kamailio: KamailioLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    server = kamailio.start({"agent7": "s3cret-pass"}, peer_port=free_port())
    account = SipAccountSettings(user="agent7", domain=server.domain)
    recorder.engine.configure_account(account, "not-the-password")
    state = recorder.wait_registration(qtbot, DONE)
    assert state.status is RegistrationStatus.FAILED
    assert state.code in (401, 403)
    assert "password" in state.message and "agent7" in state.message
    # Dialling while registration failed journals a failure at once, with the reason.
    entry = call_and_wait(recorder, qtbot, "+212612345678", timeout_s=2)
    assert entry.outcome is CallOutcome.FAILED
    assert entry.reason_code == "not_registered"
    assert "password" in entry.message


def test_registrar_down_fails_fast_over_tcp_and_the_engine_recovers(
    kamailio: KamailioLauncher, sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    down = f"127.0.0.1:{free_port()}"
    account = SipAccountSettings(user="agent7", domain=down, transport=SipTransport.TCP)
    recorder.engine.configure_account(account, "whatever")
    state = recorder.wait_registration(qtbot, DONE)
    assert state.status is RegistrationStatus.FAILED
    assert state.code in (408, 502, 503)
    assert "registrar" in state.message
    # The same engine then registers with a working server.
    peer = sipp.start("uas_answer_remote_hangup", {"RING_MS": 100, "TALK_MS": 200})
    server = kamailio.start({"agent7": "pw"}, peer_port=peer.port)
    recorder.engine.configure_account(
        SipAccountSettings(user="agent7", domain=f"127.0.0.1:{server.tcp_port}",
                           transport=SipTransport.TCP),
        "pw",
    )
    assert recorder.wait_registration(qtbot, DONE).status is RegistrationStatus.REGISTERED
    assert call_and_wait(recorder, qtbot, "+212612345678").outcome is CallOutcome.ANSWERED


def test_silent_udp_registrar_is_reported_within_seconds_and_registration_recovers(
    kamailio: KamailioLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    # Nothing listens on this UDP port: pjsip alone would wait for timer B (32 s).
    port = free_port()
    recorder.engine.configure_account(
        SipAccountSettings(user="agent7", domain=f"127.0.0.1:{port}"), "pw"
    )
    configured = time.monotonic()
    state = recorder.wait_registration(qtbot, {RegistrationStatus.FAILED}, timeout_s=10)
    assert time.monotonic() - configured < 10
    assert state.code == 408
    assert "registrar is not answering" in state.message and "still trying" in state.message
    # Dialling meanwhile fails at once with that reason instead of hanging.
    entry = call_and_wait(recorder, qtbot, "+212612345678", timeout_s=2)
    assert entry.reason_code == "not_registered" and "not answering" in entry.message

    # The registrar comes up where the phone keeps retransmitting: it registers.
    server = kamailio.start({"agent7": "pw"}, peer_port=free_port(), udp_port=port)
    state = recorder.wait_registration(qtbot, {RegistrationStatus.REGISTERED}, timeout_s=15)
    assert state.code == 200, server.log()


@pytest.fixture
def tls_engine_factory(qapp: QCoreApplication) -> Iterator[list[SipEngine]]:
    engines: list[SipEngine] = []
    yield engines
    for engine in engines:
        engine.shutdown()


@pytest.mark.parametrize(
    ("server_ciphers", "expected"),
    [
        ("", RegistrationStatus.REGISTERED),
        # A server offering only RC4 / 3DES finds no common cipher with the engine.
        ("RC4-SHA:DES-CBC3-SHA", RegistrationStatus.FAILED),
    ],
)
def test_tls_registration_with_a_verified_certificate(
    kamailio: KamailioLauncher,
    tls_engine_factory: list[SipEngine],
    qtbot: QtBot,
    server_ciphers: str,
    expected: RegistrationStatus,
) -> None:
    server = kamailio.start({"agent7": "pw"}, peer_port=free_port(), tls_ciphers=server_ciphers)
    engine = SipEngine(
        loopback_engine_settings(tls_ca_file=str(server.ca_file), tls_verify_server=True)
    )
    tls_engine_factory.append(engine)
    recorder = EngineRecorder(engine)
    engine.configure_account(
        SipAccountSettings(
            user="agent7", domain=f"127.0.0.1:{server.tls_port}", transport=SipTransport.TLS
        ),
        "pw",
    )
    state = recorder.wait_registration(qtbot, DONE)
    assert state.status is expected, (state, server.log())
    if expected is RegistrationStatus.FAILED:
        # The handshake is refused: "The registrar cannot be reached (503 ...)".
        assert state.code == 503 and "cannot be reached" in state.message
