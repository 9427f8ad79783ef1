"""A desk against the real server behind the IT guide's nginx, with an internal CA.

Without ``server.ca_file`` the agent reads why the sign-in failed (the
certificate is not trusted, and what IT must set) and the log names OpenSSL's
cause; with it, sign-in, the sync client, the event stream and the self-test all
go through, whatever ``REQUESTS_CA_BUNDLE`` says.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.operations import OperationRunner
from app.services.session_service import SessionService
from sync.event_stream import EventStreamListener
from sync.http_client import HttpClient, ServerUnreachable
from sync.http_config import HttpConfig
from tests.app.desk_environment import make_desk
from tests.fixtures.server_process import RunningServer
from tests.fixtures.tls_proxy import TlsProxy
from tests.ui.real_desks import desk_secrets
from ui.login_dialog import LoginDialog

pytestmark = [pytest.mark.slow]


@pytest.fixture
def proxy(seeded_server: RunningServer,
          tls_proxy_factory: Callable[[RunningServer], TlsProxy]) -> TlsProxy:
    return tls_proxy_factory(seeded_server)


def _dialog(qtbot: QtBot, tmp_path: Path, proxy: TlsProxy, http: HttpConfig) -> LoginDialog:
    dialog = LoginDialog(SessionService(desk_secrets(tmp_path), http=http), OperationRunner(),
                         server_url=proxy.base_url, url_locked=True, username="agent1")
    qtbot.addWidget(dialog)
    dialog.password.setText("demo")
    return dialog


def test_without_the_ca_file_the_agent_reads_why_and_the_log_names_the_cause(
        qtbot: QtBot, tmp_path: Path, proxy: TlsProxy, caplog: pytest.LogCaptureFixture) -> None:
    dialog = _dialog(qtbot, tmp_path, proxy, HttpConfig())

    with caplog.at_level(logging.WARNING):
        dialog.submit()
        qtbot.waitUntil(dialog.buttons.isEnabled, timeout=15_000)

    assert dialog.session is None
    text = dialog.error.text()
    assert "does not trust the server's certificate" in text, text
    # nginx sends the server certificate alone; its issuer, the internal CA, is unknown.
    assert "signed by a CA this computer does not know" in text, text
    assert "server.ca_file" in text
    assert "cannot be reached" not in text
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "is not trusted: unable to get local issuer certificate" in logged, logged


def test_with_the_ca_file_the_agent_signs_in(
        qtbot: QtBot, tmp_path: Path, proxy: TlsProxy) -> None:
    dialog = _dialog(qtbot, tmp_path, proxy, HttpConfig(ca_file=str(proxy.ca_file)))

    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.submit()

    assert dialog.session is not None
    assert dialog.session.identity.username == "agent1"


def test_a_missing_ca_file_is_named(qtbot: QtBot, tmp_path: Path, proxy: TlsProxy) -> None:
    dialog = _dialog(qtbot, tmp_path, proxy, HttpConfig(ca_file=str(tmp_path / "nope.pem")))

    dialog.submit()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=15_000)

    assert "server.ca_file" in dialog.error.text()
    assert "cannot be read" in dialog.error.text()


def test_sync_and_event_stream_use_the_ca_file_over_the_environment(
        tmp_path: Path, proxy: TlsProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    # requests would let REQUESTS_CA_BUNDLE replace a session's CA file: not here.
    other_bundle = tmp_path / "other.pem"
    other_bundle.write_text((proxy.folder / "pki" / "server.pem").read_text())
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(other_bundle))
    http = HttpConfig(ca_file=str(proxy.ca_file))
    token = SessionService(desk_secrets(tmp_path), http=http).sign_in(
        proxy.base_url, "agent1", "demo", stay_signed_in=False).token
    client = HttpClient(proxy.base_url, lambda: token, http=http)
    connected = threading.Event()
    listener = EventStreamListener(client, cursor=lambda: 0, on_events=lambda events: None,
                                   on_connected=connected.set)
    try:
        assert client.get_json("/auth/me")["username"] == "agent1"
        listener.start()
        assert connected.wait(15), "the event stream did not connect through nginx"
    finally:
        listener.stop()
        client.close()

    untrusting = HttpClient(proxy.base_url, lambda: token, http=HttpConfig())
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")
    with pytest.raises(ServerUnreachable) as refused:
        untrusting.get_json("/auth/me")
    assert refused.value.code == "tls_untrusted"
    assert "not trusted" in refused.value.message


def test_self_test_honours_server_ca_file(tmp_path: Path, proxy: TlsProxy) -> None:
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg")

    trusted = desk.run("--self-test", "--json", "--server-url", proxy.base_url,
                       "--set", f"server.ca_file={proxy.ca_file}")
    untrusted = desk.run("--self-test", "--json", "--server-url", proxy.base_url)

    server_ok = next(c for c in json.loads(trusted.stdout)["checks"] if c["name"] == "server")
    assert server_ok["status"] == "pass", server_ok
    server_ko = next(c for c in json.loads(untrusted.stdout)["checks"] if c["name"] == "server")
    assert server_ko["status"] == "fail"
    assert "is not trusted" in server_ko["message"], server_ko
    assert "server.ca_file" in server_ko["message"]
    # The guide's stream block: the probe's two lines arrive apart.
    events = next(c for c in json.loads(trusted.stdout)["checks"] if c["name"] == "events")
    assert events["status"] == "pass", events


def test_self_test_catches_a_proxy_that_buffers_the_event_stream(
        tmp_path: Path, seeded_server: RunningServer,
        tls_proxy_factory: Callable[..., TlsProxy]) -> None:
    buffering = tls_proxy_factory(seeded_server, buffering=True)
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg")

    result = desk.run("--self-test", "--json", "--server-url", buffering.base_url,
                      "--set", f"server.ca_file={buffering.ca_file}")

    events = next(c for c in json.loads(result.stdout)["checks"] if c["name"] == "events")
    assert events["status"] == "warn", events
    assert "buffers it" in events["message"]
    assert "proxy_buffering off" in events["message"]
