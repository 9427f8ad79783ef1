"""Customer phone numbers: parse what shop sheets write, store E.164.

Sheets write the same Moroccan mobile as ``06 12 34 56 78``, ``0612-345678``,
``212612345678``, ``+212 6 12 34 56 78`` or ``00212612345678``; all become
``+212612345678``. The default region (MA) decides how national numbers are
read and is configurable per shop. Invalid input is refused with a stable
reason code and an English sentence.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from core.domain_error import DomainError

DEFAULT_REGION = "MA"

# Separators people put in phone numbers; anything else (letters) is refused.
_SEPARATORS = re.compile(r"[\s.\-/()\u00a0]")
_ALLOWED = re.compile(r"^\+?[0-9]+$")


class InvalidPhoneNumber(DomainError, ValueError):
    """The text is not a phone number we can dial; ``reason_code`` says why."""

    @property
    def reason_code(self) -> str:
        return self.code


_REASON_MESSAGES: dict[str, str] = {
    "empty": "The phone number is empty.",
    "not_a_number": "{text!r} is not a phone number.",
    "invalid_country_code": "{text!r} starts with an unknown country code.",
    "too_short": "{text!r} is too short to be a phone number.",
    "too_long": "{text!r} is too long to be a phone number.",
    "invalid_for_region": "{text!r} is not a valid phone number for {region}.",
    "invalid": "{text!r} is not a valid phone number.",
    "unknown_region": "{region!r} is not a known country code for phone numbers.",
}

_POSSIBILITY_REASONS: dict[int, str] = {
    ValidationResult.INVALID_COUNTRY_CODE: "invalid_country_code",
    ValidationResult.TOO_SHORT: "too_short",
    ValidationResult.TOO_LONG: "too_long",
    ValidationResult.INVALID_LENGTH: "invalid_for_region",
}

_PARSE_REASONS: dict[int, str] = {
    NumberParseException.INVALID_COUNTRY_CODE: "invalid_country_code",
    NumberParseException.NOT_A_NUMBER: "not_a_number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "too_short",
    NumberParseException.TOO_SHORT_NSN: "too_short",
    NumberParseException.TOO_LONG: "too_long",
}


def _refuse(reason: str, text: str, region: str) -> InvalidPhoneNumber:
    message = _REASON_MESSAGES[reason].format(text=text.strip(), region=region)
    return InvalidPhoneNumber(reason, message, {"text": text.strip(), "region": region})


def _check_region(region: str) -> str:
    upper = region.upper()
    if upper not in phonenumbers.SUPPORTED_REGIONS:
        raise _refuse("unknown_region", "", region)
    return upper


def _parse(candidate: str, region: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.parse(candidate, region)


def _reason_for(number: phonenumbers.PhoneNumber) -> str:
    possibility = phonenumbers.is_possible_number_with_reason(number)
    return _POSSIBILITY_REASONS.get(possibility, "invalid_for_region")


def normalize_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """Return the E.164 form (``+212612345678``) or raise ``InvalidPhoneNumber``.

    Idempotent: an E.164 number comes back unchanged, whatever the region.
    Digits written with the country code but without ``+`` or ``00``
    (``212612345678``) are accepted when the national reading is invalid.
    """
    region = _check_region(region)
    compact = _SEPARATORS.sub("", text)
    if not compact:
        raise _refuse("empty", text, region)
    if not _ALLOWED.match(compact):
        raise _refuse("not_a_number", text, region)
    try:
        number = _parse(compact, region)
    except NumberParseException as exc:
        raise _refuse(_PARSE_REASONS.get(exc.error_type, "not_a_number"), text, region) from None
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if not compact.startswith(("+", "0")):
        # "212612345678": the country code without a prefix.
        try:
            international = _parse("+" + compact, region)
        except NumberParseException:
            international = None
        if international is not None and phonenumbers.is_valid_number(international):
            return phonenumbers.format_number(international, PhoneNumberFormat.E164)
    raise _refuse(_reason_for(number), text, region)


def is_valid_phone(text: str, region: str = DEFAULT_REGION) -> bool:
    """True when ``normalize_phone`` would accept ``text``."""
    try:
        normalize_phone(text, region)
    except InvalidPhoneNumber:
        return False
    return True


def _parse_e164(e164: str) -> phonenumbers.PhoneNumber:
    try:
        return phonenumbers.parse(e164, None)
    except NumberParseException:
        raise _refuse("not_a_number", e164, "E.164") from None


def display_national(e164: str, region: str = DEFAULT_REGION) -> str:
    """``06 12 34 56 78`` for a number of ``region``, international form otherwise."""
    number = _parse_e164(e164)
    if phonenumbers.region_code_for_number(number) == region.upper():
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def display_international(e164: str) -> str:
    """``+212 6 12 34 56 78``."""
    return phonenumbers.format_number(_parse_e164(e164), PhoneNumberFormat.INTERNATIONAL)


def whatsapp_number(e164: str) -> str:
    """Digits only, country code first, as wa.me links want (``212612345678``)."""
    number = _parse_e164(e164)
    return f"{number.country_code}{number.national_number}"


def is_mobile(e164: str) -> bool:
    """True for mobile numbers (the ones that can receive WhatsApp and SMS)."""
    number_type = phonenumbers.number_type(_parse_e164(e164))
    return number_type in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
