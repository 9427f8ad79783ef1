"""Opens WhatsApp / SMS for the agent and returns a journal entry for each launch.

Opening goes through an injectable ``opener`` (default ``QDesktopServices.openUrl``),
so tests and other front ends can see or redirect what would be opened. Bad input
(an invalid number, a WhatsApp call where the desk has no WhatsApp app) raises
:class:`MessagingError` before anything is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from core.attempt_policy import Channel
from core.domain_error import DomainError
from core.phone_numbers import InvalidPhoneNumber, normalize_phone
from telephony.messaging.launch_journal_entry import LaunchJournalEntry, LaunchKind, LaunchRoute
from telephony.messaging.message_uris import (
    WhatsAppLinkStyle,
    sms_uri,
    whatsapp_call_uri,
    whatsapp_chat_uri,
)
from telephony.messaging.sms_gateway import SmsGatewayClient

UriOpener = Callable[[str], bool]


class MessagingError(DomainError):
    """A launch refused before anything was opened; ``code`` says why."""


def open_with_desktop(uri: str) -> bool:
    """The default opener: the OS's handler for the URI's scheme."""
    return QDesktopServices.openUrl(QUrl(uri))


@dataclass(frozen=True)
class MessagingSettings:
    """How this desk reaches customers outside SIP (provisioned by IT)."""

    whatsapp_style: WhatsAppLinkStyle = WhatsAppLinkStyle.WEB
    # WhatsApp calls need the desktop app (Windows/macOS); off by default.
    whatsapp_calls: bool = False
    # Region for numbers written in national form ("06 12 34 56 78").
    region: str = "MA"


class MessagingLauncher:
    """WhatsApp chat / call / voice and SMS launches, each returning its journal entry."""

    def __init__(
        self,
        settings: MessagingSettings | None = None,
        *,
        opener: UriOpener = open_with_desktop,
        sms_gateway: SmsGatewayClient | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._settings = settings or MessagingSettings()
        self._opener = opener
        # SMS go through the server's gateway when a client is given, else the sms: URI.
        self._gateway = sms_gateway
        self._clock = clock

    def whatsapp_message(
        self, number: str, text: str, template_code: str | None = None
    ) -> LaunchJournalEntry:
        """Open the customer's WhatsApp chat with ``text`` prefilled."""
        e164 = self._number(number)
        uri = whatsapp_chat_uri(e164, text, self._settings.whatsapp_style)
        return self._open(Channel.WHATSAPP, LaunchKind.MESSAGE, template_code, e164, uri)

    def whatsapp_voice(self, number: str, template_code: str | None = None) -> LaunchJournalEntry:
        """Open the customer's WhatsApp chat (empty) for a voice message."""
        e164 = self._number(number)
        uri = whatsapp_chat_uri(e164, "", self._settings.whatsapp_style)
        return self._open(Channel.WHATSAPP, LaunchKind.VOICE, template_code, e164, uri)

    def whatsapp_call(self, number: str) -> LaunchJournalEntry:
        """Ask the WhatsApp desktop app to call the customer (where the desk supports it)."""
        e164 = self._number(number)
        if not self._settings.whatsapp_calls:
            raise MessagingError(
                "whatsapp_call_unsupported",
                "WhatsApp calls need the WhatsApp desktop app, which this desk does not have.",
            )
        return self._open(Channel.WHATSAPP, LaunchKind.CALL, None, e164, whatsapp_call_uri(e164))

    def sms(self, number: str, text: str, template_code: str | None = None) -> LaunchJournalEntry:
        """Send through the server's gateway when configured, else open the ``sms:`` URI."""
        e164 = self._number(number)
        if self._gateway is None:
            return self._open(
                Channel.SMS, LaunchKind.MESSAGE, template_code, e164, sms_uri(e164, text)
            )
        started = self._clock()
        result = self._gateway.send(e164, text, template_code)
        return LaunchJournalEntry(
            channel=Channel.SMS,
            kind=LaunchKind.MESSAGE,
            template_code=template_code,
            number=e164,
            started=started,
            route=LaunchRoute.GATEWAY,
            target=self._gateway.url,
            launched=result.ok,
            gateway_message_id=result.message_id,
            error_code=result.error_code,
            error_message=result.error_message,
        )

    # -- internals -------------------------------------------------------------------
    def _number(self, number: str) -> str:
        try:
            return normalize_phone(number, self._settings.region)
        except InvalidPhoneNumber as error:
            raise MessagingError(error.code, error.message, error.params) from error

    def _open(
        self,
        channel: Channel,
        kind: LaunchKind,
        template_code: str | None,
        e164: str,
        uri: str,
    ) -> LaunchJournalEntry:
        started = self._clock()
        opened = bool(self._opener(uri))
        return LaunchJournalEntry(
            channel=channel,
            kind=kind,
            template_code=template_code,
            number=e164,
            started=started,
            route=LaunchRoute.URI,
            target=uri,
            launched=opened,
            error_code=None if opened else "open_failed",
            error_message=None if opened else "No application on this desk opens this link.",
        )
