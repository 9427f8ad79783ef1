"""IT can pin the softphone's local SIP port (sip.local_port) for a PBX or a
firewall that expects it: the desk's engine really binds there."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.app_context import AppContext
from app.app_paths import AppPaths
from app.logging_setup import SecretRedactor
from app.secret_store import SecretStore
from app.services.workspace_session import sip_setup_for
from app.settings_loader import load_settings
from telephony.sip_account_settings import SipTransport
from telephony.sip_engine import SipEngine
from tests.fixtures.sip_peers import free_port


def test_pinned_local_port_is_the_port_the_softphone_binds(tmp_path: Path, qtbot: QtBot) -> None:
    port = free_port()
    paths = AppPaths.under(tmp_path)
    environ = {"HATIF_SIP_USER": "1001", "HATIF_SIP_DOMAIN": "pbx.example",
               "HATIF_SIP_LOCAL_PORT": str(port)}
    context = AppContext(
        settings=load_settings(paths, environ),
        secrets=SecretStore.open("none", paths.data_dir, {"PYTHON_KEYRING_BACKEND": "explicit"}),
        paths=paths, redactor=SecretRedactor(), log_file=tmp_path / "hatif.log",
    )

    setup = sip_setup_for(context)
    engine = SipEngine(replace(setup.engine, bind_address="127.0.0.1"))
    try:
        assert engine.transport_port(SipTransport.UDP) == port
        assert engine.transport_port(SipTransport.TCP) == port
    finally:
        engine.shutdown()
