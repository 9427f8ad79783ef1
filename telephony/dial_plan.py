"""Turns what the agent dials into the SIP request URI the PBX expects.

Orders carry E.164 numbers (+212612345678). PBXs differ: some want the national
form (0612345678), some an outside-line prefix (00212612345678 or 0 + national),
some +E.164 as is. A full SIP URI (``sip:``/``sips:``) passes through untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from core.domain_error import DomainError
from core.phone_numbers import InvalidPhoneNumber, display_national, normalize_phone


class DialFormat(StrEnum):
    """How the number is written in the request URI's user part."""

    E164 = "e164"  # +212612345678
    E164_DIGITS = "e164_digits"  # 212612345678 (the prefix usually adds 00)
    NATIONAL = "national"  # 0612345678


class InvalidDialTarget(DomainError):
    """The text is neither a phone number nor a SIP URI."""

    def __init__(self, text: str, message: str) -> None:
        super().__init__("invalid_number", message, {"text": text})
        self.text = text


@dataclass(frozen=True)
class DialTarget:
    """Where a call goes: the URI for pjsua2 and the number for the journal."""

    uri: str
    number: str  # E.164 when the input was a phone number, else the URI's user part


_SIP_URI = re.compile(r"^sips?:", re.IGNORECASE)
_URI_USER = re.compile(r"^sips?:([^@;>]+)@", re.IGNORECASE)


@dataclass(frozen=True)
class DialPlan:
    """Dial plan of one SIP account.

    ``prefix`` is put before the formatted number (e.g. "0" to get an outside
    line, or "00" with E164_DIGITS). ``region`` is the default country for
    numbers typed without an international prefix. Short digit strings (up to
    ``max_extension_digits``) are PBX extensions, e.g. a team lead's for a
    transfer, and are dialled as typed, without prefix.
    """

    dial_format: DialFormat = DialFormat.E164
    prefix: str = ""
    region: str = "MA"
    max_extension_digits: int = 6

    def user_part(self, e164: str) -> str:
        """The user part of the request URI for an E.164 number."""
        if self.dial_format is DialFormat.E164:
            body = e164
        elif self.dial_format is DialFormat.E164_DIGITS:
            body = e164.lstrip("+")
        else:
            national = display_national(e164, self.region)
            # A foreign number has no national form: dial it with the
            # international access code instead.
            digits = re.sub(r"\D", "", national)
            body = f"00{digits}" if national.startswith("+") else digits
        return f"{self.prefix}{body}"

    def target(self, text: str, domain: str, uri_params: str = "") -> DialTarget:
        """Resolve dialled text against the account's SIP domain (host[:port]).

        Raises InvalidDialTarget when the text is not a usable number.
        """
        cleaned = text.strip()
        if _SIP_URI.match(cleaned):
            user = _URI_USER.match(cleaned)
            return DialTarget(uri=cleaned, number=user.group(1) if user else cleaned)
        if not domain:
            raise InvalidDialTarget(text, "No SIP domain to dial the number through.")
        if cleaned.isdigit() and len(cleaned) <= self.max_extension_digits:
            return DialTarget(uri=f"sip:{cleaned}@{domain}{uri_params}", number=cleaned)
        try:
            e164 = normalize_phone(cleaned, self.region)
        except InvalidPhoneNumber as error:
            raise InvalidDialTarget(text, f"{cleaned!r}: {error.message}") from error
        user_part = self.user_part(e164)
        return DialTarget(uri=f"sip:{user_part}@{domain}{uri_params}", number=e164)
