"""SIP over TLS checks the PBX's certificate by default: Kamailio with a private
(self-signed) certificate is refused until its CA is named in the CA file setting;
only turning verification off (a lab) accepts it unchecked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from telephony.sip_account_settings import SipAccountSettings, SipTransport
from telephony.sip_engine import SipEngine
from telephony.sip_engine_settings import SipEngineSettings
from telephony.sip_events import RegistrationStatus
from telephony.tls_trust import TrustSource, ca_file_problem, resolve_tls_trust
from tests.fixtures.sip_peers import KamailioLauncher, KamailioServer, free_port
from tests.telephony.conftest import loopback_engine_settings
from tests.telephony.sip_test_harness import EngineRecorder

DONE = {RegistrationStatus.REGISTERED, RegistrationStatus.FAILED}


@pytest.fixture
def engines(qapp: QCoreApplication) -> Iterator[list[SipEngine]]:
    started: list[SipEngine] = []
    yield started
    for engine in started:
        engine.shutdown()


def _register(
    server: KamailioServer, settings: SipEngineSettings, engines: list[SipEngine], qtbot: QtBot
) -> RegistrationStatus:
    """Register once with a fresh engine, then shut it down (one pjsua2 endpoint at a time)."""
    engine = SipEngine(settings)
    engines.append(engine)
    try:
        recorder = EngineRecorder(engine)
        engine.configure_account(
            SipAccountSettings(
                user="agent7", domain=f"127.0.0.1:{server.tls_port}", transport=SipTransport.TLS
            ),
            "pw",
        )
        return recorder.wait_registration(qtbot, DONE, timeout_s=15).status
    finally:
        engine.shutdown()


@pytest.mark.sip
def test_a_private_pbx_certificate_is_refused_until_its_ca_is_configured(
    kamailio: KamailioLauncher, engines: list[SipEngine], qtbot: QtBot
) -> None:
    server = kamailio.start({"agent7": "pw"}, peer_port=free_port())

    # Defaults: verified against the system's CAs, which never signed this certificate.
    assert SipEngineSettings().tls_verify_server is True
    assert _register(server, loopback_engine_settings(), engines, qtbot) is (
        RegistrationStatus.FAILED
    ), server.log()

    with_ca = loopback_engine_settings(tls_ca_file=str(server.ca_file))
    assert _register(server, with_ca, engines, qtbot) is RegistrationStatus.REGISTERED

    lab = loopback_engine_settings(tls_verify_server=False)
    assert _register(server, lab, engines, qtbot) is RegistrationStatus.REGISTERED


def test_trust_says_where_the_cas_come_from(tmp_path: Path) -> None:
    system = resolve_tls_trust(True, "")
    assert system.source is TrustSource.SYSTEM and system.verify
    assert ca_file_problem(system.ca_file) is None
    own = resolve_tls_trust(True, "/etc/pbx-ca.pem")
    assert (own.source, own.ca_file) == (TrustSource.CA_FILE, "/etc/pbx-ca.pem")
    assert resolve_tls_trust(False, "").source is TrustSource.OFF

    assert "does not exist" in str(ca_file_problem(str(tmp_path / "missing.pem")))
    (tmp_path / "notes.txt").write_text("not a certificate")
    assert "no PEM certificate" in str(ca_file_problem(str(tmp_path / "notes.txt")))
