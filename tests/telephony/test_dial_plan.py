"""The dial plan writes numbers the way the PBX expects them."""

from __future__ import annotations

import pytest

from telephony.caller_identity import CallerIdentity, caller_identity
from telephony.dial_plan import DialFormat, DialPlan, InvalidDialTarget
from telephony.registration_verdict import registration_state_for
from telephony.sip_account_settings import SipAccountSettings, SipTransport
from telephony.sip_events import RegistrationStatus

DOMAIN = "pbx.example.ma"


@pytest.mark.parametrize(
    ("plan", "typed", "user"),
    [
        (DialPlan(), "06 12 34 56 78", "+212612345678"),
        (DialPlan(), "+212612345678", "+212612345678"),
        (DialPlan(DialFormat.NATIONAL), "+212612345678", "0612345678"),
        (DialPlan(DialFormat.NATIONAL, prefix="0"), "0612345678", "00612345678"),
        (DialPlan(DialFormat.E164_DIGITS, prefix="00"), "0612345678", "00212612345678"),
        # A foreign number has no national form on a Moroccan PBX: international access.
        (DialPlan(DialFormat.NATIONAL), "+33612345678", "0033612345678"),
        # Short digit strings are extensions (e.g. a team lead for a transfer).
        (DialPlan(DialFormat.NATIONAL, prefix="0"), "201", "201"),
    ],
)
def test_numbers_become_request_uris(plan: DialPlan, typed: str, user: str) -> None:
    target = plan.target(typed, DOMAIN)
    assert target.uri == f"sip:{user}@{DOMAIN}"


def test_the_journal_keeps_the_e164_number() -> None:
    target = DialPlan(DialFormat.NATIONAL).target("0612345678", DOMAIN, ";transport=tls")
    assert target.number == "+212612345678"
    assert target.uri == f"sip:0612345678@{DOMAIN};transport=tls"


def test_sip_uris_pass_through() -> None:
    target = DialPlan(prefix="9").target("sip:201@10.0.0.5:5070", DOMAIN)
    assert target.uri == "sip:201@10.0.0.5:5070"
    assert target.number == "201"


@pytest.mark.parametrize("typed", ["", "hello", "+2126", "123456789012345678"])
def test_invalid_numbers_are_refused_with_a_reason(typed: str) -> None:
    with pytest.raises(InvalidDialTarget) as error:
        DialPlan().target(typed, DOMAIN)
    assert error.value.code == "invalid_number"
    assert error.value.message


def test_account_uris_follow_the_transport() -> None:
    account = SipAccountSettings(user="a1", domain=DOMAIN, transport=SipTransport.TLS)
    assert account.registrar_uri == f"sip:{DOMAIN};transport=tls"
    assert SipAccountSettings(user="a1", domain=DOMAIN).registrar_uri == f"sip:{DOMAIN}"


def test_registration_verdicts_are_readable() -> None:
    ok = registration_state_for(200, "OK", 300, "a1")
    assert ok.status is RegistrationStatus.REGISTERED and ok.is_usable
    refused = registration_state_for(403, "Forbidden", 0, "a1")
    assert refused.status is RegistrationStatus.FAILED and "password" in refused.message
    timeout = registration_state_for(408, "Request Timeout", 0, "a1")
    assert "did not respond" in timeout.message
    assert registration_state_for(200, "OK", 0, "a1").status is RegistrationStatus.UNREGISTERED


@pytest.mark.parametrize(
    ("remote", "number", "name"),
    [
        ('"Fatima" <sip:0612345678@pbx.example.ma>', "+212612345678", "Fatima"),
        ("<sip:+212661000111@10.0.0.1;user=phone>", "+212661000111", ""),
        ("sip:201@pbx.example.ma", "201", ""),  # an internal extension stays as sent
        ('"" <sip:anonymous@anonymous.invalid>', "anonymous", ""),
    ],
)
def test_caller_identity_of_incoming_calls(remote: str, number: str, name: str) -> None:
    assert caller_identity(remote) == CallerIdentity(number, name)
