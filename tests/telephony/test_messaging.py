"""WhatsApp and SMS launches: the links customers' apps receive, the gateway, the journal."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from core.attempt_policy import Channel
from telephony.messaging.launch_journal_entry import LaunchKind, LaunchRoute
from telephony.messaging.message_uris import (
    WhatsAppLinkStyle,
    sms_uri,
    whatsapp_call_uri,
    whatsapp_chat_uri,
)
from telephony.messaging.messaging_launcher import (
    MessagingError,
    MessagingLauncher,
    MessagingSettings,
    open_with_desktop,
)
from telephony.messaging.sms_gateway import SmsGatewayClient

TEXT = "Bonjour Aïcha, commande n° 1042 : 249,00 MAD & livraison à Fès? #ok\nمرحبا"
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def query(uri: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(uri).query, keep_blank_values=True)


class RecordingOpener:
    def __init__(self, result: bool = True) -> None:
        self.result = result
        self.opened: list[str] = []

    def __call__(self, uri: str) -> bool:
        self.opened.append(uri)
        return self.result


# -- links ----------------------------------------------------------------------------
def test_wa_me_link_carries_the_digits_and_the_exact_text() -> None:
    uri = whatsapp_chat_uri("06 12 34 56 78", TEXT)
    assert uri.startswith("https://wa.me/212612345678?text=")
    assert query(uri)["text"] == [TEXT]
    assert " " not in uri and "\n" not in uri


def test_app_link_style_opens_the_desktop_app() -> None:
    uri = whatsapp_chat_uri("+212612345678", TEXT, WhatsAppLinkStyle.APP)
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc) == ("whatsapp", "send")
    assert query(uri) == {"phone": ["212612345678"], "text": [TEXT]}


def test_empty_text_gives_a_bare_chat_link() -> None:
    assert whatsapp_chat_uri("0612345678") == "https://wa.me/212612345678"


def test_sms_and_whatsapp_call_links() -> None:
    uri = sms_uri("0612345678", TEXT)
    assert uri.startswith("sms:+212612345678?body=")
    assert query(uri)["body"] == [TEXT]
    assert whatsapp_call_uri("0612345678") == "whatsapp://call?phone=212612345678"


# -- launcher -------------------------------------------------------------------------
def test_whatsapp_message_is_opened_and_journaled() -> None:
    opener = RecordingOpener()
    launcher = MessagingLauncher(opener=opener, clock=lambda: NOW)
    entry = launcher.whatsapp_message("06 12 34 56 78", TEXT, "confirm_request")
    assert opener.opened == [whatsapp_chat_uri("+212612345678", TEXT)]
    assert (entry.channel, entry.kind, entry.template_code) == (
        Channel.WHATSAPP,
        LaunchKind.MESSAGE,
        "confirm_request",
    )
    assert (entry.number, entry.started, entry.route) == ("+212612345678", NOW, LaunchRoute.URI)
    assert entry.launched and entry.error_code is None


def test_voice_opens_an_empty_chat_and_is_journaled_as_voice() -> None:
    opener = RecordingOpener()
    entry = MessagingLauncher(opener=opener).whatsapp_voice("0612345678", "voice_followup")
    assert opener.opened == ["https://wa.me/212612345678"]
    assert entry.kind is LaunchKind.VOICE and entry.template_code == "voice_followup"
    assert entry.started.tzinfo is not None


def test_whatsapp_call_needs_the_desktop_app() -> None:
    opener = RecordingOpener()
    with pytest.raises(MessagingError) as refused:
        MessagingLauncher(opener=opener).whatsapp_call("0612345678")
    assert refused.value.code == "whatsapp_call_unsupported"
    assert opener.opened == []

    launcher = MessagingLauncher(MessagingSettings(whatsapp_calls=True), opener=opener)
    entry = launcher.whatsapp_call("0612345678")
    assert opener.opened == ["whatsapp://call?phone=212612345678"]
    assert entry.kind is LaunchKind.CALL and entry.channel is Channel.WHATSAPP


def test_an_invalid_number_opens_nothing() -> None:
    opener = RecordingOpener()
    with pytest.raises(MessagingError) as refused:
        MessagingLauncher(opener=opener).whatsapp_message("12", TEXT)
    assert refused.value.code and refused.value.message
    assert opener.opened == []


def test_a_link_no_app_can_open_is_journaled_as_not_launched() -> None:
    entry = MessagingLauncher(opener=RecordingOpener(result=False)).sms("0612345678", TEXT)
    assert entry.channel is Channel.SMS and not entry.launched
    assert entry.error_code == "open_failed" and entry.target.startswith("sms:+212612345678")


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def catch(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


def test_the_default_opener_hands_the_link_to_the_desktop(qapp: QCoreApplication) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("whatsapp", catcher, "catch")
    try:
        settings = MessagingSettings(whatsapp_style=WhatsAppLinkStyle.APP)
        entry = MessagingLauncher(settings, opener=open_with_desktop).whatsapp_message(
            "0612345678", TEXT
        )
    finally:
        QDesktopServices.unsetUrlHandler("whatsapp")
    assert entry.launched
    assert len(catcher.urls) == 1
    assert query(catcher.urls[0]) == {"phone": ["212612345678"], "text": [TEXT]}


# -- SMS gateway ----------------------------------------------------------------------
class GatewayReceiver:
    """A local HTTP endpoint recording every request; answers what the test says."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], dict[str, Any]]] = []
        self.status = 201
        self.reply: bytes = b'{"id": "sms-77"}'
        self.delay_s = 0.0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length))
                receiver.requests.append((dict(self.headers.items()), body))
                time.sleep(receiver.delay_s)
                try:
                    self.send_response(receiver.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(receiver.reply)))
                    self.end_headers()
                    self.wfile.write(receiver.reply)
                except BrokenPipeError:
                    pass  # the client gave up waiting (the timeout test)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v1/sms"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def gateway() -> Iterator[GatewayReceiver]:
    receiver = GatewayReceiver()
    yield receiver
    receiver.close()


def test_sms_through_the_gateway_posts_the_message_and_journals_it(
    gateway: GatewayReceiver,
) -> None:
    opener = RecordingOpener()
    client = SmsGatewayClient(gateway.url, token=lambda: "desk-token-1")
    launcher = MessagingLauncher(opener=opener, sms_gateway=client, clock=lambda: NOW)
    entry = launcher.sms("06 12 34 56 78", TEXT, "confirm_request")

    assert opener.opened == []  # nothing opened on the desk
    [(headers, body)] = gateway.requests
    assert headers["Authorization"] == "Bearer desk-token-1"
    assert body["to"] == "+212612345678" and body["text"] == TEXT
    assert body["template_code"] == "confirm_request" and body["client_ref"]
    assert entry.launched and entry.route is LaunchRoute.GATEWAY
    assert entry.gateway_message_id == "sms-77" and entry.target == gateway.url
    assert (entry.channel, entry.kind, entry.started) == (Channel.SMS, LaunchKind.MESSAGE, NOW)


def test_a_refused_sms_says_so(gateway: GatewayReceiver) -> None:
    gateway.status, gateway.reply = 503, b'{"detail": "provider down"}'
    entry = MessagingLauncher(sms_gateway=SmsGatewayClient(gateway.url)).sms("0612345678", TEXT)
    assert not entry.launched
    assert entry.error_code == "gateway_refused" and "503" in (entry.error_message or "")
    assert "Authorization" not in gateway.requests[0][0]


def test_a_slow_or_absent_gateway_gives_a_readable_failure(gateway: GatewayReceiver) -> None:
    gateway.delay_s = 1.0
    slow = SmsGatewayClient(gateway.url, timeout_s=0.2)
    entry = MessagingLauncher(sms_gateway=slow).sms("0612345678", TEXT)
    assert not entry.launched and entry.error_code == "gateway_timeout"

    absent_url = gateway.url
    gateway.close()
    entry = MessagingLauncher(sms_gateway=SmsGatewayClient(absent_url, timeout_s=1)).sms(
        "0612345678", TEXT
    )
    assert not entry.launched and entry.error_code == "gateway_unreachable"
