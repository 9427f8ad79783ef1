"""Reads and stores SIP passwords in the OS keyring (never in files or logs)."""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError

from core.domain_error import DomainError

KEYRING_SERVICE = "hatif-sip"


class SipCredentialError(DomainError):
    """The password could not be read from or written to the keyring."""


def _key(user: str, domain: str) -> str:
    return f"{user}@{domain}"


def read_sip_password(user: str, domain: str, service: str = KEYRING_SERVICE) -> str:
    """The password of ``user@domain``; raises SipCredentialError if there is none."""
    try:
        password = keyring.get_password(service, _key(user, domain))
    except KeyringError as error:
        raise SipCredentialError("keyring_unavailable", f"The keyring failed: {error}") from error
    if password is None:
        raise SipCredentialError(
            "password_missing", f"No SIP password stored for {_key(user, domain)}."
        )
    return password


def store_sip_password(
    user: str, domain: str, password: str, service: str = KEYRING_SERVICE
) -> None:
    """Store (or replace) the password of ``user@domain``."""
    try:
        keyring.set_password(service, _key(user, domain), password)
    except KeyringError as error:
        raise SipCredentialError("keyring_unavailable", f"The keyring failed: {error}") from error
