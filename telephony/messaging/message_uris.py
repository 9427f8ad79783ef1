"""URIs that open WhatsApp or the SMS app on a customer's number (pure functions).

* WhatsApp chat: ``https://wa.me/<digits>?text=<text>`` (works everywhere a browser
  does: the desktop app or WhatsApp Web takes over) or ``whatsapp://send?phone=
  <digits>&text=<text>`` (straight into the installed desktop app).
* WhatsApp call: ``whatsapp://call?phone=<digits>``, understood by the WhatsApp
  desktop app on Windows and macOS only; there is no web equivalent.
* SMS: ``sms:<+E.164>?body=<text>`` (RFC 5724), handled by a phone-link app.

Text is percent-encoded as UTF-8 (``quote`` with no safe characters), so accents,
Arabic script, ``&``, ``?``, ``#`` and new lines survive the trip.
"""

from __future__ import annotations

from enum import StrEnum
from urllib.parse import quote

from core.phone_numbers import normalize_phone, whatsapp_number


class WhatsAppLinkStyle(StrEnum):
    """Which WhatsApp URI form the desk uses (a provisioning setting)."""

    WEB = "web"  # https://wa.me/...
    APP = "app"  # whatsapp://send?...


def _encoded(text: str) -> str:
    return quote(text, safe="")


def whatsapp_chat_uri(
    number: str, text: str = "", style: WhatsAppLinkStyle = WhatsAppLinkStyle.WEB
) -> str:
    """The URI opening a WhatsApp chat with ``number`` (any form) and ``text`` prefilled."""
    digits = whatsapp_number(normalize_phone(number))
    if style is WhatsAppLinkStyle.APP:
        uri = f"whatsapp://send?phone={digits}"
        return f"{uri}&text={_encoded(text)}" if text else uri
    uri = f"https://wa.me/{digits}"
    return f"{uri}?text={_encoded(text)}" if text else uri


def whatsapp_call_uri(number: str) -> str:
    """The URI asking the WhatsApp desktop app to call ``number``."""
    return f"whatsapp://call?phone={whatsapp_number(normalize_phone(number))}"


def sms_uri(number: str, text: str = "") -> str:
    """The ``sms:`` URI (RFC 5724) for ``number`` with ``text`` as the body."""
    uri = f"sms:{normalize_phone(number)}"
    return f"{uri}?body={_encoded(text)}" if text else uri
