"""Who is calling: the caller's number and name from an incoming call's From URI."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.phone_numbers import InvalidPhoneNumber, normalize_phone

_DISPLAY_NAME = re.compile(r'^\s*"([^"]*)"')
_URI_USER = re.compile(r"sips?:([^@;>]+)@", re.IGNORECASE)


@dataclass(frozen=True)
class CallerIdentity:
    """``number`` is E.164 when the user part is a phone number (so the app can
    match it to orders), else the user part as sent (an extension, a name)."""

    number: str
    display_name: str


def caller_identity(remote_uri: str, region: str = "MA") -> CallerIdentity:
    """Parse ``"Name" <sip:0612345678@host>`` (PBXs send national or E.164 forms)."""
    user = _URI_USER.search(remote_uri)
    number = user.group(1) if user else remote_uri
    try:
        number = normalize_phone(number, region)
    except InvalidPhoneNumber:
        pass  # an extension or a name: keep it as the caller sent it
    name = _DISPLAY_NAME.match(remote_uri)
    return CallerIdentity(number, name.group(1) if name else "")
