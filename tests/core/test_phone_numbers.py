"""Phone numbers as shop sheets write them, E.164 storage, display forms."""

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.phone_numbers import (
    InvalidPhoneNumber,
    display_international,
    display_national,
    is_mobile,
    is_valid_phone,
    normalize_phone,
    whatsapp_number,
)


@pytest.mark.parametrize(
    "written",
    [
        "06 12 34 56 78",
        "0612-345678",
        "212612345678",
        "+212 6 12 34 56 78",
        "00212612345678",
        "0612345678",
        " 06.12.34.56.78 ",
        "+212 (0)6 12 34 56 78",
        "06\u00a012\u00a034\u00a056\u00a078",
    ],
)
def test_sheet_spellings_become_e164(written: str) -> None:
    assert normalize_phone(written) == "+212612345678"


def test_landline_and_other_region() -> None:
    assert normalize_phone("0522 12 34 56") == "+212522123456"
    assert normalize_phone("06 12 34 56 78", region="FR") == "+33612345678"
    assert normalize_phone("212612345678", region="FR") == "+212612345678"
    assert normalize_phone("+33 6 12 34 56 78") == "+33612345678"


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("", "empty"),
        (" - ", "empty"),
        ("061234", "too_short"),
        ("06123456789012", "too_long"),
        ("abc", "not_a_number"),
        ("06 12 AB 56 78", "not_a_number"),
        ("+999 1234567", "invalid_country_code"),
        ("0912345678", "invalid_for_region"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(written: str, reason: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as info:
        normalize_phone(written)
    assert info.value.reason_code == reason
    assert info.value.message.endswith(".")
    assert isinstance(info.value, ValueError)
    assert not is_valid_phone(written)


def test_unknown_region_is_refused() -> None:
    with pytest.raises(InvalidPhoneNumber) as info:
        normalize_phone("0612345678", region="XX")
    assert info.value.reason_code == "unknown_region"


def test_display_forms() -> None:
    e164 = "+212612345678"
    assert display_national(e164) == "06 12 34 56 78"
    assert display_international(e164) == "+212 6 12 34 56 78"
    assert whatsapp_number(e164) == "212612345678"
    # A French number on a Moroccan desk is shown with its country code.
    assert display_national("+33612345678") == "+33 6 12 34 56 78"
    assert display_national("+33612345678", region="FR") == "06 12 34 56 78"
    assert is_mobile(e164) and not is_mobile("+212522123456")


def _example_numbers() -> list[str]:
    numbers = []
    for region in ("MA", "FR", "ES", "BE", "DZ", "TN", "US", "GB"):
        for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                numbers.append(
                    phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
                )
    return numbers


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(alphabet="0123456789 +-.()", max_size=18),
        st.builds(
            lambda sep, digits: "0" + sep.join([digits[i : i + 2] for i in range(0, 9, 2)]),
            st.sampled_from(["", " ", "-", "."]),
            st.text(alphabet="0123456789", min_size=9, max_size=9),
        ),
        st.sampled_from(_example_numbers()),
    ),
    region=st.sampled_from(["MA", "FR", "ES"]),
)
def test_normalisation_is_idempotent(text: str, region: str) -> None:
    try:
        once = normalize_phone(text, region)
    except InvalidPhoneNumber as error:
        assert error.reason_code
        return
    assert once.startswith("+")
    assert normalize_phone(once, region) == once
    assert normalize_phone(once, "MA") == once
    assert normalize_phone(display_international(once), region) == once
    # What the agent sees reads back as the same number.
    assert normalize_phone(display_national(once, region), region) == once
    assert whatsapp_number(once) == once[1:]
