"""SIP passwords live in the OS keyring (a real file backend in tests)."""

from __future__ import annotations

import pytest

from telephony.sip_credentials import SipCredentialError, read_sip_password, store_sip_password


def test_password_round_trip_through_the_keyring() -> None:
    store_sip_password("agent3", "pbx.example.ma", "hunter2")
    assert read_sip_password("agent3", "pbx.example.ma") == "hunter2"
    store_sip_password("agent3", "pbx.example.ma", "changed")
    assert read_sip_password("agent3", "pbx.example.ma") == "changed"


def test_missing_password_is_a_readable_error() -> None:
    with pytest.raises(SipCredentialError) as error:
        read_sip_password("nobody", "pbx.example.ma")
    assert error.value.code == "password_missing"
    assert "nobody@pbx.example.ma" in error.value.message
